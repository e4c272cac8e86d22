/* isakmp.c - stub: ISAKMP/IKE (UDP 500) and NAT-T encapsulation (RFC 3948, UDP 4500). */
#include "nd.h"

void isakmp_rfc3948_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	(void)p;
	(void)len;
	ND_STR(nd, "NONESP-encap");
}
