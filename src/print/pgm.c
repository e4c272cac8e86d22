/* pgm.c - stub: PGM (RFC 3208), IP protocol 113. */
#include "nd.h"

void pgm_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	(void)p;
	(void)len;
	ND_STR(nd, "PGM");
}
