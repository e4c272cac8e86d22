/*
 * mptcp.c - Multipath TCP option (RFC 8684), printed inside the TCP options
 * list.  Minimal for now: the subtype is not decoded further.
 */
#include "nd.h"

int mptcp_print(struct nd *nd, const uint8_t *cp, unsigned len, uint8_t flags)
{
	(void)nd;
	(void)cp;
	(void)len;
	(void)flags;
	return 1;
}
