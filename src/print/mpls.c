/*
 * mpls.c - MPLS label stack entries (RFC 3032) as tcpdump 4.99 prints them.
 *
 *   +--------------------+-----+---+--------+
 *   | label (20)         | TC  | S | TTL(8) |   4 bytes each, S = bottom of stack
 *   +--------------------+-----+---+--------+
 *
 * The payload protocol is not in the header: the bottom label says it for the
 * reserved labels 0/3 (IPv4) and 2 (IPv6); otherwise the first payload byte is
 * the guess (0x45-0x4f IPv4, 0x60-0x6f IPv6, 0x81-0x83 OSI), else a hex dump.
 */
#include "tunnel.h"

#include "../proto.h"
#include "route.h"

static const char *const mpls_reserved[16] = {
	"IPv4 explicit NULL", "router alert", "IPv6 explicit NULL", "implicit NULL",
	"rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd",
};

void mpls_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "mpls";
	ND_STR(nd, "MPLS");
	uint32_t e;
	int depth = 0;
	do {
		if (len < 4) {
			nd_print_invalid(nd);
			nd_need(nd, p, len);
			return;
		}
		e = GET_BE32(nd, p);
		uint32_t label = e >> 12;
		ND_STR(nd, depth && nd->o->vflag ? "\n\t" : " ");
		ND_STR(nd, "(label ");
		ND_U(nd, label);
		depth++;
		if (nd->o->vflag && label < 16) {
			ND_STR(nd, " (");
			ND_STR(nd, mpls_reserved[label]);
			ND_CHR(nd, ')');
		}
		ND_STR(nd, ", tc ");
		ND_U(nd, (e >> 9) & 7);
		if (e & 0x100)
			ND_STR(nd, ", [S]");
		ND_STR(nd, ", ttl ");
		ND_U(nd, e & 0xff);
		ND_CHR(nd, ')');
		p += 4;
		len -= 4;
	} while (!(e & 0x100));

	enum { UNKNOWN, V4, V6, OSI } pt = UNKNOWN;
	switch (e >> 12) {
	case 0:
	case 3:
		pt = V4;
		break;
	case 2:
		pt = V6;
		break;
	default: {
		if (len < 1)
			return;
		uint8_t first = GET_U8(nd, p);
		if (first >= 0x45 && first <= 0x4f)
			pt = V4;
		else if (first >= 0x60 && first <= 0x6f)
			pt = V6;
		else if (first >= 0x81 && first <= 0x83)
			pt = OSI;
		break;
	}
	}
	switch (pt) {
	case V4:
		ND_STR(nd, nd->o->vflag ? "\n\t" : " ");
		ip_print(nd, p, len);
		break;
	case V6:
		ND_STR(nd, nd->o->vflag ? "\n\t" : " ");
		ip6_print(nd, p, len);
		break;
	case OSI:
		ND_STR(nd, nd->o->vflag ? "\n\t" : " ");
		isoclns_print(nd, p, len);
		break;
	case UNKNOWN:
		if (!nd_default_print_suppressed(nd))
			nd_default_print(nd, p, len);
		break;
	}
}
