/*
 * dvmrp.c - Distance Vector Multicast Routing Protocol (draft-ietf-idmr-dvmrp,
 * mrouted), carried in IGMP type 0x13, as tcpdump 4.99 prints it.
 *
 *   +------+------+----------+------------------------------+
 *   | 0x13 | code | checksum | reserved / version (minor, major) |   then per code:
 *   +------+------+----------+------------------------------+
 *   probe: generation id, neighbours; report: mask + (origin, metric) lists;
 *   neighbours(2): local address, metric, threshold, [flags], count, addresses.
 */
#include "lan.h"

static const struct tok dvmrp_type_names[] = {
	{1, "Probe"}, {2, "Report"}, {3, "Ask-neighbors(old)"}, {4, "Neighbors(old)"},
	{5, "Ask-neighbors2"}, {6, "Neighbors2"}, {7, "Prune"}, {8, "Graft"}, {9, "Graft-ACK"},
	{0, NULL},
};

static void dvmrp_quad(struct nd *nd, uint32_t a)
{
	out_fmt(nd->out, "%u.%u.%u.%u", a >> 24, (a >> 16) & 0xff, (a >> 8) & 0xff, a & 0xff);
}

static int dvmrp_report(struct nd *nd, const uint8_t *p, uint32_t len)
{
	while (len) {
		if (len < 3) {
			out_fmt(nd->out, " [length %u < 3]", len);
			return -1;
		}
		uint8_t m1 = GET_U8(nd, p), m2 = GET_U8(nd, p + 1), m3 = GET_U8(nd, p + 2);
		uint32_t mask = 0xffu << 24 | (uint32_t)m1 << 16 | (uint32_t)m2 << 8 | m3;
		unsigned width = m3 ? 4 : m2 ? 3 : m1 ? 2 : 1;
		ND_STR(nd, "\n\tMask ");
		dvmrp_quad(nd, mask);
		p += 3;
		len -= 3;
		int done;
		do {
			if (len < width + 1) {
				ND_STR(nd, "\n\t  [Truncated Report]");
				return -1;
			}
			uint32_t origin = 0;
			unsigned i;
			for (i = 0; i < width; i++, p++)
				origin = origin << 8 | GET_U8(nd, p);
			for (; i < 4; i++)
				origin <<= 8;
			uint8_t metric = GET_U8(nd, p);
			p++;
			done = metric & 0x80;
			ND_STR(nd, "\n\t  ");
			dvmrp_quad(nd, origin);
			out_fmt(nd->out, " metric %u", metric & 0x7f);
			len -= width + 1;
		} while (!done);
	}
	return 0;
}

static int dvmrp_probe(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len < 4) {
		out_fmt(nd->out, " [full length %u < 4]", len);
		return -1;
	}
	ND_STR(nd, nd->o->vflag > 1 ? "\n\t" : " ");
	out_fmt(nd->out, "genid %u", GET_BE32(nd, p));
	if (nd->o->vflag < 2)
		return 0;
	p += 4;
	len -= 4;
	while (len) {
		if (len < 4) {
			out_fmt(nd->out, "[remaining length %u < 4]", len);
			return -1;
		}
		nd_need(nd, p, 4);
		ND_STR(nd, "\n\tneighbor ");
		nd_ipaddr(nd, p);
		p += 4;
		len -= 4;
	}
	return 0;
}

static int dvmrp_neighbors(struct nd *nd, const uint8_t *p, uint32_t len, int v2, const uint8_t *ver)
{
	if (v2)
		out_fmt(nd->out, " (v %u.%u):", GET_U8(nd, ver + 1), GET_U8(nd, ver));
	unsigned hdr = v2 ? 8 : 7;
	while (len) {
		if (len < hdr) {
			out_fmt(nd->out, " [length %u < %u]", len, hdr);
			return -1;
		}
		const uint8_t *laddr = p;
		uint8_t metric = GET_U8(nd, p + 4), thresh = GET_U8(nd, p + 5);
		uint8_t flags = v2 ? GET_U8(nd, p + 6) : 0;
		int ncount = GET_U8(nd, p + hdr - 1);
		p += hdr;
		len -= hdr;
		while (--ncount >= 0 && (!v2 || len != 0)) {
			if (len < 4) {
				out_fmt(nd->out, " [length %u < 4]", len);
				return -1;
			}
			nd_need(nd, laddr, 4);
			ND_STR(nd, " [");
			nd_ipaddr(nd, laddr);
			ND_STR(nd, v2 ? " -> " : " ->");
			nd_need(nd, p, 4);
			if (!v2)
				ND_CHR(nd, ' ');
			nd_ipaddr(nd, p);
			if (v2) {
				out_fmt(nd->out, " (%u/%u", metric, thresh);
				if (flags & 0x01)
					ND_STR(nd, "/tunnel");
				if (flags & 0x02)
					ND_STR(nd, "/srcrt");
				if (flags & 0x40)
					ND_STR(nd, "/querier");
				if (flags & 0x20)
					ND_STR(nd, "/disabled");
				if (flags & 0x10)
					ND_STR(nd, "/down");
				ND_STR(nd, ")]");
			} else {
				out_fmt(nd->out, ", (%u/%u)]", metric, thresh);
			}
			p += 4;
			len -= 4;
		}
		if (v2 && ncount != -1) {
			ND_STR(nd, " [invalid ncount]");
			return -1;
		}
	}
	return 0;
}

/* p at the IGMP header, len >= 8 */
void dvmrp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "dvmrp";
	uint8_t type = GET_U8(nd, p + 1);
	const uint8_t *ver = p + 6;
	p += 8;
	len -= 8;
	ND_CHR(nd, ' ');
	nd_tok(nd, dvmrp_type_names, "[type %u]", type);
	int r = 0;
	switch (type) {
	case 1:
		if (nd->o->vflag)
			r = dvmrp_probe(nd, p, len);
		break;
	case 2:
		if (nd->o->vflag > 1)
			r = dvmrp_report(nd, p, len);
		break;
	case 4:
		r = dvmrp_neighbors(nd, p, len, 0, ver);
		break;
	case 6:
		r = dvmrp_neighbors(nd, p, len, 1, ver);
		break;
	case 7:
	case 8:
	case 9:
		nd_need(nd, p, 8);
		ND_STR(nd, " src ");
		nd_ipaddr(nd, p);
		ND_STR(nd, " grp ");
		nd_ipaddr(nd, p + 4);
		if (type == 7) {
			ND_STR(nd, " timer ");
			lan_relts_print(nd, GET_BE32(nd, p + 8));
		}
		break;
	default:
		break;
	}
	if (r < 0)
		nd_print_invalid(nd);
}
