/*
 * pim.c - PIM version 1 (carried in IGMP type 0x14) and PIM version 2
 * (RFC 7761, IP protocol 103), as tcpdump 4.99 prints them.
 *
 *   PIMv2: +-------+------+----------+-----------+
 *          | ver 4 | type | reserved | checksum  |  then the message body
 *          +-------+------+----------+-----------+
 *   PIMv1: IGMP header (type 0x14, code = PIM type, checksum, version byte).
 */
#include "lan.h"

static const struct tok pimv1_type_names[] = {
	{0, "Query"}, {1, "Register"}, {2, "Register-Stop"}, {3, "Join/Prune"},
	{4, "RP-reachable"}, {5, "Assert"}, {6, "Graft"}, {7, "Graft-ACK"}, {0, NULL},
};

static const struct tok pimv2_type_names[] = {
	{0, "Hello"}, {1, "Register"}, {2, "Register Stop"}, {3, "Join / Prune"},
	{4, "Bootstrap"}, {5, "Assert"}, {6, "Graft"}, {7, "Graft Acknowledgement"},
	{8, "Candidate RP Advertisement"}, {9, "Prune Refresh"}, {10, "DF Election"},
	{11, "ECMP Redirect"}, {0, NULL},
};

/* "for A > B" with both addresses read before anything is printed */
static void pim_for(struct nd *nd, const uint8_t *a, const uint8_t *b)
{
	nd_need(nd, a, 4);
	nd_need(nd, b, 4);
	ND_STR(nd, " for ");
	nd_ipaddr(nd, a);
	ND_STR(nd, " > ");
	nd_ipaddr(nd, b);
}

static void pim_mask(struct nd *nd, const uint8_t *p)
{
	if (GET_BE32(nd, p) != 0xffffffffu) {
		ND_CHR(nd, '/');
		nd_ipaddr(nd, p);
	}
}

static void pimv1_join_prune(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (nd_ok(nd, p, 30) && GET_U8(nd, p + 11) == 1) {
		uint32_t njoin = GET_BE16(nd, p + 20);
		if (njoin + GET_BE16(nd, p + 22) == 1) {
			ND_STR(nd, " RPF ");
			nd_ipaddr(nd, p);
			ND_CHR(nd, ' ');
			uint16_t hold = GET_BE16(nd, p + 6);
			if (hold != 180) {
				ND_STR(nd, "Hold ");
				lan_relts_print(nd, hold);
			}
			ND_STR(nd, njoin ? "Join (" : "Prune (");
			nd_ipaddr(nd, p + 26);
			out_fmt(nd->out, "/%u, ", GET_U8(nd, p + 25) & 0x3f);
			nd_ipaddr(nd, p + 12);
			pim_mask(nd, p + 16);
			uint8_t f0 = GET_U8(nd, p + 24), f1 = GET_U8(nd, p + 25);
			out_fmt(nd->out, ") %s%s %s", (f0 & 1) ? "Sparse" : "Dense", (f1 & 0x80) ? " WC" : "",
				(f1 & 0x40) ? "RP" : "SPT");
			return;
		}
	}
	if (len < 4)
		goto trunc;
	if (nd->o->vflag > 1)
		ND_CHR(nd, '\n');
	nd_need(nd, p, 4);
	ND_STR(nd, " Upstream Nbr: ");
	nd_ipaddr(nd, p);
	p += 4;
	len -= 4;
	if (len < 4)
		goto trunc;
	if (nd->o->vflag > 1)
		ND_CHR(nd, '\n');
	ND_STR(nd, " Hold time: ");
	lan_relts_print(nd, GET_BE16(nd, p + 2));
	if (nd->o->vflag < 2)
		return;
	p += 4;
	len -= 4;
	if (len < 4)
		goto trunc;
	uint32_t ngroups = GET_U8(nd, p + 3);
	p += 4;
	len -= 4;
	for (; ngroups; ngroups--) {
		if (len < 4)
			goto trunc;
		nd_need(nd, p, 4);
		ND_STR(nd, "\n\tGroup: ");
		nd_ipaddr(nd, p);
		p += 4;
		len -= 4;
		if (len < 4)
			goto trunc;
		pim_mask(nd, p);
		p += 4;
		len -= 4;
		if (len < 4)
			goto trunc;
		uint32_t njoin = GET_BE16(nd, p), nprune = GET_BE16(nd, p + 2);
		out_fmt(nd->out, " joined: %u pruned: %u", njoin, nprune);
		p += 4;
		len -= 4;
		for (uint32_t i = 0; i < njoin + nprune; i++) {
			if (len < 6)
				goto trunc;
			nd_need(nd, p, 6);
			uint8_t f0 = GET_U8(nd, p), f1 = GET_U8(nd, p + 1);
			out_fmt(nd->out, "\n\t%s %s%s%s", i < njoin ? "Join " : "Prune",
				(f0 & 1) ? "Sparse " : "Dense ", (f1 & 0x80) ? "WC " : "",
				(f1 & 0x40) ? "RP " : "SPT ");
			nd_ipaddr(nd, p + 2);
			out_fmt(nd->out, "/%u", f1 & 0x3f);
			p += 6;
			len -= 6;
		}
	}
	return;
trunc:
	nd_print_trunc(nd);
}

void pimv1_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "pimv1";
	uint8_t type = GET_U8(nd, p + 1);
	ND_CHR(nd, ' ');
	nd_tok(nd, pimv1_type_names, "[type %u]", type);
	switch (type) {
	case 0:
		if (nd_ok(nd, p + 8, 1)) {
			uint8_t mode = GET_U8(nd, p + 8) >> 4;
			if (mode == 0)
				ND_STR(nd, " Dense-mode");
			else if (mode == 1)
				ND_STR(nd, " Sparse-mode");
			else if (mode == 2)
				ND_STR(nd, " Sparse-Dense-mode");
			else
				out_fmt(nd->out, " mode-%u", mode);
		}
		if (nd->o->vflag) {
			ND_STR(nd, " (Hold-time ");
			lan_relts_print(nd, GET_BE16(nd, p + 10));
			ND_CHR(nd, ')');
		}
		break;
	case 1:
		nd_need(nd, p + 8, 20);
		pim_for(nd, p + 20, p + 24);
		break;
	case 2:
		pim_for(nd, p + 8, p + 12);
		break;
	case 4:
		if (nd->o->vflag) {
			nd_need(nd, p + 8, 4);
			ND_STR(nd, " group ");
			nd_ipaddr(nd, p + 8);
			pim_mask(nd, p + 12);
			nd_need(nd, p + 16, 4);
			ND_STR(nd, " RP ");
			nd_ipaddr(nd, p + 16);
			ND_STR(nd, " hold ");
			lan_relts_print(nd, GET_BE16(nd, p + 22));
		}
		break;
	case 5:
		pim_for(nd, p + 16, p + 8);
		pim_mask(nd, p + 12);
		nd_need(nd, p + 20, 8);
		out_fmt(nd->out, " %s pref %u metric %u", (GET_U8(nd, p + 20) & 0x80) ? "RP-tree" : "SPT",
			GET_BE32(nd, p + 20) & 0x7fffffff, GET_BE32(nd, p + 24));
		break;
	case 3:
	case 6:
	case 7:
		if (nd->o->vflag) {
			if (len < 8) {
				nd_print_trunc(nd);
				return;
			}
			pimv1_join_prune(nd, p + 8, len - 8);
		}
		break;
	default:
		break;
	}
	uint8_t ver = GET_U8(nd, p + 4) >> 4;
	if (ver != 1)
		out_fmt(nd->out, " [v%u]", ver);
}

/* The -v body of a PIMv2 message (after the type name). */
static void pimv2_body_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	(void)nd;
	(void)p;
	(void)len;
	(void)ip;
}

void pim_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	nd->protocol = "pim";
	uint8_t tv = GET_U8(nd, p);
	uint8_t ver = tv >> 4, type = tv & 0x0f;
	if (ver != 2) {
		out_fmt(nd->out, "PIMv%u, length %u", ver, len);
		return;
	}
	if (!nd->o->vflag) {
		ND_STR(nd, "PIMv2, ");
		nd_tok(nd, pimv2_type_names, "Unknown Type", type);
		out_fmt(nd->out, ", length %u", len);
		return;
	}
	out_fmt(nd->out, "PIMv2, length %u\n\t", len);
	nd_tok(nd, pimv2_type_names, "Unknown Type", type);
	pimv2_body_print(nd, p, len, ip);
}
