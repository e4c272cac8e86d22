/* rpki_rtr.c - stub: RPKI-RTR (RFC 6810/8210), TCP port 323. */
#include "nd.h"

void rpki_rtr_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)p;
	(void)len;
	ND_STR(nd, ", RPKI-RTR");
}
