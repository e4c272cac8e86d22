/* nfs.c - stub: Sun RPC / NFS over TCP port 2049 (and UDP); returns 1 when it printed. */
#include "nd.h"

int nfs_tcp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport, const struct ipctx *ip)
{
	(void)p;
	(void)len;
	(void)sport;
	(void)dport;
	(void)ip;
	(void)nd;
	return 0;
}
