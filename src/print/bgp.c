/* bgp.c - stub: BGP (RFC 4271), called for TCP port 179. */
#include "nd.h"

void bgp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)p;
	(void)len;
	ND_STR(nd, ": BGP");
}
