/* pptp.c - stub: PPTP control (RFC 2637), TCP port 1723. */
#include "nd.h"

void pptp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)p;
	(void)len;
	ND_STR(nd, ": pptp");
}
