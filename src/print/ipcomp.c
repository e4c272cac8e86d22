/*
 * ipcomp.c - IP Payload Compression (RFC 3173), IP protocol 108, and the
 * minimal encapsulation of Mobile IP (RFC 2004), IP protocol 55, as tcpdump
 * 4.99 prints them.
 *
 *   IPComp:  | next header | flags | CPI(2) | compressed payload ...
 *   mobile:  | proto | S | rsvd | checksum(2) | orig dst(4) | [orig src(4)]
 */
#include "rest.h"

void ipcomp_print(struct nd *nd, const uint8_t *p)
{
	nd->protocol = "ipcomp";
	out_fmt(nd->out, "IPComp(cpi=0x%04x)", GET_BE16(nd, p + 2));
}

void mobile_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "mobile";
	if (len < 8 || !nd_ok(nd, p, 12)) { /* tcpdump checks for the 12-byte form */
		nd_print_trunc(nd);
		return;
	}
	ND_STR(nd, "mobile: ");
	uint16_t proto = GET_BE16(nd, p);
	uint16_t crc = GET_BE16(nd, p + 2);
	int osp = (proto & 0x0080) != 0;
	if (osp) {
		ND_STR(nd, "[S] ");
		if (nd->o->vflag) {
			nd_ipaddr(nd, p + 8);
			ND_CHR(nd, ' ');
		}
	} else {
		ND_STR(nd, "[] ");
	}
	if (nd->o->vflag) {
		ND_STR(nd, "> ");
		nd_ipaddr(nd, p + 4);
		out_fmt(nd->out, " (oproto=%u)", proto >> 8);
	}
	size_t n = osp ? 12 : 8;
	nd_need(nd, p, n);
	if (in_cksum(p, n, 0) != 0)
		out_fmt(nd->out, " (bad checksum %u)", crc);
}
