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

static const struct tok pimv2_hello_names[] = {
	{1, "Hold Time"}, {2, "LAN Prune Delay"}, {18, "DR Priority (Old)"}, {19, "DR Priority"},
	{20, "Generation ID"}, {21, "State Refresh Capability"}, {22, "Bi-Directional Capability"},
	{24, "Address List"}, {65001, "Address List (Old)"}, {0, NULL},
};

static const struct tok pimv2_register_flag_names[] = {
	{0x80000000u, "Border"}, {0x40000000u, "Null"}, {0, NULL},
};

static const struct tok pimv2_df_names[] = {
	{1, "Offer"}, {2, "Winner"}, {3, "Backoff"}, {4, "Pass"}, {0, NULL},
};

enum pim_addr_kind { PIM_UNICAST, PIM_GROUP, PIM_SOURCE };

/*
 * An encoded address (RFC 7761 4.9.1): family(1) encoding(1) [flags(1)
 * masklen(1)] address, or a bare address of the header's length when the
 * RFC 2117 encoding is in use.  Returns the bytes used, -1 when it cannot.
 */
static int pim_addr_print(struct nd *nd, const uint8_t *p, uint32_t len, enum pim_addr_kind kind,
			  unsigned addr_len)
{
	int v6, hdr;
	if (addr_len == 0) {
		if (len < 2)
			return -1;
		uint8_t af = GET_U8(nd, p);
		if (af == 1)
			v6 = 0;
		else if (af == 2)
			v6 = 1;
		else
			return -1;
		if (GET_U8(nd, p + 1) != 0)
			return -1;
		addr_len = v6 ? 16 : 4;
		hdr = 2;
	} else {
		if (addr_len == 4)
			v6 = 0;
		else if (addr_len == 16)
			v6 = 1;
		else
			return -1;
		hdr = 0;
	}
	p += hdr;
	len -= (uint32_t)hdr;
	if (kind == PIM_UNICAST) {
		if (len < addr_len || !nd_ok(nd, p, addr_len))
			return -1;
		if (v6)
			nd_ip6addr(nd, p);
		else
			nd_ipaddr(nd, p);
		return hdr + (int)addr_len;
	}
	if (len < addr_len + 2 || !nd_ok(nd, p, addr_len + 2))
		return -1;
	uint8_t flags = GET_U8(nd, p), mlen = GET_U8(nd, p + 1);
	if (v6)
		nd_ip6addr(nd, p + 2);
	else
		nd_ipaddr(nd, p + 2);
	if (mlen != (v6 ? 128 : 32))
		out_fmt(nd->out, "/%u", mlen);
	if (flags) {
		if (kind == PIM_GROUP) {
			out_fmt(nd->out, "(0x%02x)", flags);
		} else {
			out_fmt(nd->out, "(%s%s%s", (flags & 4) ? "S" : "", (flags & 2) ? "W" : "",
				(flags & 1) ? "R" : "");
			if (flags & 0xf8)
				out_fmt(nd->out, "+0x%02x", flags & 0xf8);
			ND_CHR(nd, ')');
		}
	}
	return hdr + 2 + (int)addr_len;
}

/* Prints what, then the address, and moves p and len past it: 0, or -1 when truncated. */
static int pim_addr_field(struct nd *nd, const char *what, const uint8_t **p, uint32_t *len,
			  enum pim_addr_kind kind, unsigned addr_len)
{
	ND_STR(nd, what);
	int adv = pim_addr_print(nd, *p, *len, kind, addr_len);
	if (adv < 0)
		return -1;
	*p += adv;
	*len -= (uint32_t)adv;
	return 0;
}

/* "(correct)", "(incorrect)" or "(unverified)" for the checksum over n bytes. */
static const char *pim_cksum_status(struct nd *nd, const uint8_t *p, uint32_t n, const struct ipctx *ip)
{
	if (!nd_ok(nd, p, n))
		return "(unverified)";
	uint16_t sum = ip->v6 ? nextproto_cksum(ip, p, n, 103) : in_cksum(p, n, 0);
	return sum ? "(incorrect)" : "(correct)";
}

static int pim_hello_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned addr_len)
{
	while (len) {
		if (len < 4)
			return -1;
		uint16_t otype = GET_BE16(nd, p), olen = GET_BE16(nd, p + 2);
		ND_STR(nd, "\n\t  ");
		nd_tok(nd, pimv2_hello_names, "Unknown", otype);
		out_fmt(nd->out, " Option (%u), length %u, Value: ", otype, olen);
		p += 4;
		len -= 4;
		if (len < olen)
			return -1;
		nd_need(nd, p, olen);
		switch (otype) {
		case 1:
			if (olen != 2)
				goto bad_len2;
			lan_relts_print(nd, GET_BE16(nd, p));
			break;
		case 2:
			if (olen != 4)
				goto bad_len4;
			out_fmt(nd->out, "\n\t    T-bit=%u, LAN delay %ums, Override interval %ums",
				(GET_BE16(nd, p) & 0x8000) ? 1 : 0, GET_BE16(nd, p) & 0x7fff, GET_BE16(nd, p + 2));
			break;
		case 18:
		case 19:
			if (olen == 0)
				ND_STR(nd, "Bi-Directional Capability (Old)");
			else if (olen == 4)
				ND_U(nd, GET_BE32(nd, p));
			else
				goto bad_len4;
			break;
		case 20:
			if (olen != 4)
				goto bad_len4;
			out_fmt(nd->out, "0x%08x", GET_BE32(nd, p));
			break;
		case 21:
			if (olen != 4)
				goto bad_len4;
			out_fmt(nd->out, "v%u", GET_U8(nd, p));
			if (GET_U8(nd, p + 1)) {
				ND_STR(nd, ", interval ");
				lan_relts_print(nd, GET_U8(nd, p + 1));
			}
			if (GET_BE16(nd, p + 2))
				out_fmt(nd->out, " ?0x%04x?", GET_BE16(nd, p + 2));
			break;
		case 22:
			break;
		case 24:
		case 65001:
			if (nd->o->vflag > 1) {
				const uint8_t *a = p;
				uint32_t alen = len;
				while (a < p + olen) {
					ND_STR(nd, "\n\t    ");
					int adv = pim_addr_print(nd, a, alen, PIM_UNICAST, addr_len);
					if (adv < 0)
						return -1;
					a += adv;
					alen -= (uint32_t)adv;
				}
			}
			break;
		default:
			if (nd->o->vflag <= 1)
				nd_print_unknown_data(nd, p, "\n\t    ", olen);
			break;
		}
		if (nd->o->vflag > 1)
			nd_print_unknown_data(nd, p, "\n\t    ", olen);
		p += olen;
		len -= olen;
	}
	return 0;
bad_len2:
	out_fmt(nd->out, "[option length %u != 2]", GET_BE16(nd, p - 2));
	nd_print_invalid(nd);
	return 1;
bad_len4:
	out_fmt(nd->out, "[option length %u != 4]", GET_BE16(nd, p - 2));
	nd_print_invalid(nd);
	return 1;
}

static int pim_join_prune_print(struct nd *nd, uint8_t type, const uint8_t *p, uint32_t len,
				unsigned addr_len)
{
	if (type != 7 && pim_addr_field(nd, ", upstream-neighbor: ", &p, &len, PIM_UNICAST, addr_len) < 0)
		return -1;
	if (len < 4)
		return -1;
	nd_need(nd, p, 4);
	uint8_t ngroup = GET_U8(nd, p + 1);
	uint16_t hold = GET_BE16(nd, p + 2);
	out_fmt(nd->out, "\n\t  %u group(s)", ngroup);
	if (type != 7) {
		ND_STR(nd, ", holdtime: ");
		if (hold == 0xffff)
			ND_STR(nd, "infinite");
		else
			lan_relts_print(nd, hold);
	}
	p += 4;
	len -= 4;
	for (unsigned i = 0; i < ngroup; i++) {
		out_fmt(nd->out, "\n\t    group #%u: ", i + 1);
		if (pim_addr_field(nd, "", &p, &len, PIM_GROUP, addr_len) < 0)
			return -1;
		if (len < 4)
			return -1;
		nd_need(nd, p, 4);
		uint16_t njoin = GET_BE16(nd, p), nprune = GET_BE16(nd, p + 2);
		out_fmt(nd->out, ", joined sources: %u, pruned sources: %u", njoin, nprune);
		p += 4;
		len -= 4;
		for (unsigned j = 0; j < njoin; j++) {
			out_fmt(nd->out, "\n\t      joined source #%u: ", j + 1);
			if (pim_addr_field(nd, "", &p, &len, PIM_SOURCE, addr_len) < 0)
				return -1;
		}
		for (unsigned j = 0; j < nprune; j++) {
			out_fmt(nd->out, "\n\t      pruned source #%u: ", j + 1);
			if (pim_addr_field(nd, "", &p, &len, PIM_SOURCE, addr_len) < 0)
				return -1;
		}
	}
	return 0;
}

static int pim_bootstrap_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned addr_len)
{
	if (len < 2)
		return -1;
	out_fmt(nd->out, " tag=%x", GET_BE16(nd, p));
	p += 2;
	len -= 2;
	if (len < 1)
		return -1;
	out_fmt(nd->out, " hashmlen=%u", GET_U8(nd, p));
	if (len < 2)
		return -1;
	nd_need(nd, p + 2, 1);
	out_fmt(nd->out, " BSRprio=%u", GET_U8(nd, p + 1));
	p += 2;
	len -= 2;
	if (pim_addr_field(nd, " BSR=", &p, &len, PIM_UNICAST, addr_len) < 0)
		return -1;
	for (unsigned i = 0; len > 0; i++) {
		out_fmt(nd->out, " (group%u: ", i);
		if (pim_addr_field(nd, "", &p, &len, PIM_GROUP, addr_len) < 0)
			return -1;
		if (len < 1)
			return -1;
		out_fmt(nd->out, " RPcnt=%u", GET_U8(nd, p));
		if (len < 2)
			return -1;
		unsigned frpcnt = GET_U8(nd, p + 1);
		out_fmt(nd->out, " FRPcnt=%u", frpcnt);
		if (len < 4)
			return -1;
		p += 4;
		len -= 4;
		for (unsigned j = 0; j < frpcnt && len > 0; j++) {
			out_fmt(nd->out, " RP%u=", j);
			if (pim_addr_field(nd, "", &p, &len, PIM_UNICAST, addr_len) < 0)
				return -1;
			if (len < 2)
				return -1;
			ND_STR(nd, ",holdtime=");
			lan_relts_print(nd, GET_BE16(nd, p));
			if (len < 3)
				return -1;
			out_fmt(nd->out, ",prio=%u", GET_U8(nd, p + 2));
			if (len < 4)
				return -1;
			p += 4;
			len -= 4;
		}
		ND_CHR(nd, ')');
	}
	return 0;
}

static int pim_df_print(struct nd *nd, uint8_t subtype, const uint8_t *p, uint32_t len, unsigned addr_len)
{
	ND_STR(nd, "\n\t  ");
	nd_tok(nd, pimv2_df_names, "Unknown", subtype);
	ND_CHR(nd, ',');
	if (pim_addr_field(nd, " rpa=", &p, &len, PIM_UNICAST, addr_len) < 0)
		return -1;
	out_fmt(nd->out, " sender pref=%u", GET_BE32(nd, p));
	out_fmt(nd->out, " sender metric=%u", GET_BE32(nd, p + 4));
	p += 8;
	len -= 8;
	if (subtype == 3 || subtype == 4) {
		const char *w = subtype == 3 ? "offer" : "new winner";
		out_fmt(nd->out, "\n\t  %s addr=", w);
		if (pim_addr_field(nd, "", &p, &len, PIM_UNICAST, addr_len) < 0)
			return -1;
		out_fmt(nd->out, " %s pref=%u", w, GET_BE32(nd, p));
		out_fmt(nd->out, " %s metric=%u", w, GET_BE32(nd, p + 4));
		p += 8;
		if (subtype == 3)
			out_fmt(nd->out, " interval %dms", GET_BE16(nd, p));
	}
	return 0;
}

/* The -v body of a PIMv2 message (after the type name). */
static void pimv2_body_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	nd->protocol = "pimv2";
	const uint8_t *hdr = p;
	if (len < 2) {
		out_fmt(nd->out, "[length %u < 2]", len);
		nd_print_invalid(nd);
		return;
	}
	uint8_t type = GET_U8(nd, p) & 0x0f, rsv = GET_U8(nd, p + 1);
	unsigned addr_len = rsv & 0x0f;
	if (addr_len)
		ND_STR(nd, ", RFC2117-encoding");
	if (len < 4) {
		out_fmt(nd->out, "[length %u < 4]", len);
		nd_print_invalid(nd);
		return;
	}
	uint16_t cksum = GET_BE16(nd, p + 2);
	out_fmt(nd->out, ", cksum 0x%04x ", cksum);
	if (cksum == 0) {
		ND_STR(nd, "(unverified)");
	} else if (type == 1) {
		/* the Register checksum covers the header only, or (RFC 4601) the whole message */
		const char *st = pim_cksum_status(nd, hdr, 8, ip);
		if (st[1] == 'i')
			st = pim_cksum_status(nd, hdr, len, ip);
		ND_STR(nd, st);
	} else {
		ND_STR(nd, pim_cksum_status(nd, hdr, len, ip));
	}
	p += 4;
	len -= 4;
	int r = 0;
	switch (type) {
	case 0:
		r = pim_hello_print(nd, p, len, addr_len);
		break;
	case 1: {
		if (len < 4) {
			r = -1;
			break;
		}
		nd_need(nd, p, 4);
		ND_STR(nd, ", Flags [ ");
		nd_tok(nd, pimv2_register_flag_names, "none", GET_BE32(nd, p));
		ND_STR(nd, " ]\n\t");
		p += 4;
		len -= 4;
		if (len == 0) {
			r = -1;
			break;
		}
		uint8_t ver = GET_U8(nd, p) >> 4;
		if (ver == 0) {
			nd_need(nd, p + 12, 8);
			ND_STR(nd, "IP-Null-header ");
			nd_ipaddr(nd, p + 12);
			ND_STR(nd, " > ");
			nd_ipaddr(nd, p + 16);
		} else if (ver == 4) {
			ip_print(nd, p, len);
		} else if (ver == 6) {
			ip6_print(nd, p, len);
		} else {
			out_fmt(nd->out, "IP ver %u", ver);
		}
		break;
	}
	case 2:
		if (pim_addr_field(nd, " group=", &p, &len, PIM_GROUP, addr_len) < 0 ||
		    pim_addr_field(nd, " source=", &p, &len, PIM_UNICAST, addr_len) < 0)
			r = -1;
		break;
	case 3:
	case 6:
	case 7:
		r = pim_join_prune_print(nd, type, p, len, addr_len);
		break;
	case 4:
		r = pim_bootstrap_print(nd, p, len, addr_len);
		break;
	case 5:
		if (pim_addr_field(nd, " group=", &p, &len, PIM_GROUP, addr_len) < 0 ||
		    pim_addr_field(nd, " src=", &p, &len, PIM_UNICAST, addr_len) < 0 || len < 8) {
			r = -1;
			break;
		}
		nd_need(nd, p, 8);
		if (GET_U8(nd, p) & 0x80)
			ND_STR(nd, " RPT");
		out_fmt(nd->out, " pref=%u", GET_BE32(nd, p) & 0x7fffffff);
		out_fmt(nd->out, " metric=%u", GET_BE32(nd, p + 4));
		break;
	case 8: {
		if (len < 1) {
			r = -1;
			break;
		}
		unsigned pfxcnt = GET_U8(nd, p);
		out_fmt(nd->out, " prefix-cnt=%u", pfxcnt);
		if (len < 2) {
			r = -1;
			break;
		}
		out_fmt(nd->out, " prio=%u", GET_U8(nd, p + 1));
		if (len < 4) {
			r = -1;
			break;
		}
		ND_STR(nd, " holdtime=");
		lan_relts_print(nd, GET_BE16(nd, p + 2));
		p += 4;
		len -= 4;
		if (pim_addr_field(nd, " RP=", &p, &len, PIM_UNICAST, addr_len) < 0) {
			r = -1;
			break;
		}
		for (unsigned i = 0; i < pfxcnt && len > 0; i++) {
			out_fmt(nd->out, " Group%u=", i);
			if (pim_addr_field(nd, "", &p, &len, PIM_GROUP, addr_len) < 0) {
				r = -1;
				break;
			}
		}
		break;
	}
	case 9:
		if (pim_addr_field(nd, " src=", &p, &len, PIM_UNICAST, addr_len) < 0 ||
		    pim_addr_field(nd, " grp=", &p, &len, PIM_GROUP, addr_len) < 0 ||
		    pim_addr_field(nd, " forwarder=", &p, &len, PIM_UNICAST, addr_len) < 0 || len < 2) {
			r = -1;
			break;
		}
		ND_STR(nd, " TUNR ");
		lan_relts_print(nd, GET_BE16(nd, p));
		break;
	case 10:
		r = pim_df_print(nd, rsv >> 4, p, len, addr_len);
		break;
	default:
		out_fmt(nd->out, " [type %u]", type);
		break;
	}
	if (r < 0)
		nd_print_trunc(nd);
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
