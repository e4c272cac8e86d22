/*
 * msnlb.c - Microsoft Network Load Balancing heartbeats (ethertype 0x886f),
 * as tcpdump 4.99 prints them.  The protocol is undocumented; tcpdump shows
 * three fields:
 *
 *   +-------------+-------------------+------------+---------+
 *   | unknown (8) | host priority(4,LE)| cluster IP | host IP |
 *   +-------------+-------------------+------------+---------+
 */
#include "lan.h"

void msnlb_print(struct nd *nd, const uint8_t *p)
{
	nd->protocol = "msnlb";
	ND_STR(nd, "MS NLB heartbeat");
	out_fmt(nd->out, ", host priority: %u", GET_LE32(nd, p + 8));
	nd_need(nd, p + 12, 4);
	ND_STR(nd, ", cluster IP: ");
	nd_ipaddr(nd, p + 12);
	nd_need(nd, p + 16, 4);
	ND_STR(nd, ", host IP: ");
	nd_ipaddr(nd, p + 16);
}
