/*
 * ospf6.c - OSPF for IPv6 (OSPFv3, RFC 5340), IP protocol 89 over IPv6.
 *
 *   +---------------+---------------+-------------------------------+
 *   |  Version (3)  |     Type      |         Packet Length         |
 *   +---------------+---------------+-------------------------------+
 *   |                           Router ID                           |
 *   +---------------------------------------------------------------+
 *   |                            Area ID                            |
 *   +-------------------------------+---------------+---------------+
 *   |           Checksum            |  Instance ID  |       0       |
 *   +-------------------------------+---------------+---------------+
 *   | Hello / DD / LS-Request / LS-Update / LS-Ack body             |
 *   | then, past Packet Length, LLS (RFC 5613) and the              |
 *   | authentication trailer (RFC 7166)                             |
 *
 * The layout of the output (what is shown at -v and what only at -vv) follows
 * tcpdump 4.99.
 */
#include "nd.h"
#include "route.h"

#define OSPF6_HDRLEN 16
#define LSA6_HDRLEN 20

enum { T_HELLO = 1, T_DD = 2, T_LSR = 3, T_LSU = 4, T_LSACK = 5 };

static const struct tok ospf6_types[] = {
	{T_HELLO, "Hello"}, {T_DD, "Database Description"}, {T_LSR, "LS-Request"},
	{T_LSU, "LS-Update"}, {T_LSACK, "LS-Ack"}, {0, NULL},
};

static const struct tok ospf6_options[] = {
	{0x01, "V6"}, {0x02, "External"}, {0x04, "Deprecated"}, {0x08, "NSSA"},
	{0x10, "Router"}, {0x20, "Demand Circuit"}, {0x100, "AFs Support"},
	{0x200, "LLS"}, {0x400, "Authentication Trailer"}, {0, NULL},
};

static const struct tok ospf6_dd_flags[] = {
	{0x04, "Init"}, {0x02, "More"}, {0x01, "Master"}, {0x10, "IPv6 MTU"}, {0, NULL},
};

static const struct tok ospf6_rla_flags[] = {
	{0x01, "ABR"}, {0x02, "External"}, {0x04, "Virtual-Link Endpoint"},
	{0x08, "Deprecated"}, {0x10, "NSSA Translator"}, {0, NULL},
};

static const struct tok ospf6_asla_flags[] = {
	{0x04000000, "External Type 2"}, {0x02000000, "Forwarding"}, {0x01000000, "Tag"},
	{0, NULL},
};

static const struct tok ospf6_lsa_names[] = {
	{1, "Router"}, {2, "Network"}, {3, "Inter-Area Prefix"}, {4, "Inter-Area Router"},
	{5, "External"}, {6, "Deprecated"}, {7, "NSSA"}, {8, "Link"},
	{9, "Intra-Area Prefix"}, {10, "Intra-Area TE"}, {11, "Grace"},
	{12, "Router Information"}, {13, "Inter-AS-TE"}, {14, "Layer 1 VPN"}, {0, NULL},
};

static const struct tok ospf6_scopes[] = {
	{0x0000, "Link Local"}, {0x2000, "Area Local"}, {0x4000, "Domain Wide"}, {0, NULL},
};

static const struct tok ospf6_prefix_opts[] = {
	{0x01, "No Unicast"}, {0x02, "Local address"}, {0x04, "Deprecated"},
	{0x08, "Propagate"}, {0x10, "Down"}, {0x20, "N-bit"}, {0, NULL},
};

#define LS_TYPE_MASK 0x1fff
#define LS_SCOPE_MASK 0x6000

static void ospf6_ls_type(struct nd *nd, uint16_t ls_type, const uint8_t *stateid)
{
	nd_need(nd, stateid, 4);
	ND_STR(nd, "\n\t    ");
	nd_tok(nd, ospf6_lsa_names, "Unknown", ls_type & LS_TYPE_MASK);
	out_fmt(nd->out, " LSA (%u), ", ls_type & LS_TYPE_MASK);
	nd_tok(nd, ospf6_scopes, "Unknown", ls_type & LS_SCOPE_MASK);
	ND_STR(nd, " Scope");
	if (ls_type & 0x8000)
		ND_STR(nd, ", transitive");
	rt_ip4(nd, ", LSA-ID ", stateid);
}

/* The 20-byte LSA header; 1 when the walk must stop (truncated/bogus). */
static int ospf6_lshdr(struct nd *nd, const uint8_t *p, const uint8_t *dataend)
{
	if (dataend < p || (size_t)(dataend - p) < LSA6_HDRLEN)
		return 1;
	uint16_t ls_length = GET_BE16(nd, p + 18);
	if (ls_length < LSA6_HDRLEN) {
		out_fmt(nd->out, "\n\t\t  Bogus length %u < header (%u)", ls_length, LSA6_HDRLEN);
		return 1;
	}
	rt_ip4(nd, "\n\t  Advertising Router ", p + 8);
	out_fmt(nd->out, ", seq 0x%08x, age %us, length %u", GET_BE32(nd, p + 12), GET_BE16(nd, p),
		ls_length - LSA6_HDRLEN);
	ospf6_ls_type(nd, GET_BE16(nd, p + 2), p + 4);
	return 0;
}

/* One address prefix (RFC 5340 A.4.1); bytes used, or -1. */
static int ospf6_prefix(struct nd *nd, const uint8_t *p, unsigned len)
{
	if (len < 4)
		return -1;
	len -= 4;
	nd_need(nd, p, 4);
	uint8_t plen = GET_U8(nd, p);
	unsigned words = (plen + 31u) / 32u;
	if (words * 4 > 16) {
		out_fmt(nd->out, " bogus prefixlen /%u", plen);
		return -1;
	}
	if (len < words * 4)
		return -1;
	uint8_t a[16] = {0};
	GET_CPY(nd, a, p + 4, words * 4);
	char buf[64];
	fmt_ip6(buf, sizeof buf, a);
	out_fmt(nd->out, "\n\t\t%s/%u", buf, plen);
	uint8_t opt = GET_U8(nd, p + 1);
	if (opt) {
		ND_STR(nd, ", Options [");
		nd_bits(nd, ospf6_prefix_opts, opt, ", ");
		ND_CHR(nd, ']');
	}
	out_fmt(nd->out, ", metric %u", GET_BE16(nd, p + 2));
	return (int)(4 + words * 4);
}

/* A whole LSA; 1 when the walk must stop. */
static int ospf6_lsa(struct nd *nd, const uint8_t *lsa, const uint8_t *dataend)
{
	if (ospf6_lshdr(nd, lsa, dataend))
		return 1;
	unsigned length = GET_BE16(nd, lsa + 18);
	if (length < LSA6_HDRLEN || (size_t)(dataend - lsa) < length)
		return 1;
	unsigned len = length - LSA6_HDRLEN;
	const uint8_t *p = lsa + LSA6_HDRLEN;
	uint16_t type = GET_BE16(nd, lsa + 2);
	int n;

	switch (type) {
	case 0x2001: /* router, area scope */
		if (len < 4)
			return 1;
		len -= 4;
		{
			uint32_t o = GET_BE32(nd, p); /* read before "Options [", as tcpdump */
			ND_STR(nd, "\n\t      Options [");
			nd_bits(nd, ospf6_options, o, ", ");
			ND_STR(nd, "], RLA-Flags [");
			nd_bits(nd, ospf6_rla_flags, GET_U8(nd, p), ", ");
			ND_CHR(nd, ']');
		}
		p += 4;
		while (len) {
			if (len < 16)
				return 1;
			len -= 16;
			nd_need(nd, p, 16);
			uint8_t lt = GET_U8(nd, p);
			if (lt == 4)
				ND_STR(nd, "\n\t      Virtual Link: Neighbor Router-ID ");
			else if (lt == 1)
				ND_STR(nd, "\n\t      Neighbor Router-ID ");
			else if (lt == 2)
				ND_STR(nd, "\n\t      Neighbor Network-ID ");
			else {
				out_fmt(nd->out, "\n\t      Unknown Router Links Type 0x%02x", lt);
				return 0;
			}
			nd_ipaddr(nd, p + 12);
			rt_ip4(nd, "\n\t      Neighbor Interface-ID ", p + 8);
			rt_ip4(nd, ", Interface ", p + 4);
			out_fmt(nd->out, ", metric %u", GET_BE16(nd, p + 2));
			p += 16;
		}
		break;
	case 0x2002: /* network */
		if (len < 4)
			return 1;
		len -= 4;
		{
			uint32_t o = GET_BE32(nd, p);
			ND_STR(nd, "\n\t      Options [");
			nd_bits(nd, ospf6_options, o, ", ");
			ND_STR(nd, "]\n\t      Connected Routers:");
		}
		p += 4;
		while (len) {
			if (len < 4)
				return 1;
			len -= 4;
			rt_ip4(nd, "\n\t\t", p);
			p += 4;
		}
		break;
	case 0x2003: /* inter-area prefix */
		if (len < 4)
			return 1;
		len -= 4;
		out_fmt(nd->out, ", metric %u", GET_BE32(nd, p) & 0xffffff);
		p += 4;
		while (len) {
			n = ospf6_prefix(nd, p, len);
			if (n < 0)
				return 1;
			len -= (unsigned)n;
			p += n;
		}
		break;
	case 0x4005: { /* AS external */
		if (len < 4)
			return 1;
		len -= 4;
		uint32_t flags = GET_BE32(nd, p);
		ND_STR(nd, "\n\t     Flags [");
		nd_bits(nd, ospf6_asla_flags, flags, ", ");
		out_fmt(nd->out, "] metric %u", flags & 0xffffff);
		p += 4;
		const uint8_t *pfx = p;
		n = ospf6_prefix(nd, p, len);
		if (n < 0)
			return 1;
		len -= (unsigned)n;
		p += n;
		if (flags & 0x02000000) {
			if (len < 16)
				return 1;
			len -= 16;
			rt_ip6(nd, " forward ", p);
			p += 16;
		}
		if (flags & 0x01000000) {
			if (len < 4)
				return 1;
			len -= 4;
			rt_ip4(nd, " tag ", p);
			p += 4;
		}
		/* tcpdump tests the first byte of the prefix's "referenced LS type" */
		if (GET_U8(nd, pfx + 2)) {
			if (len < 4)
				return 1;
			len -= 4;
			rt_ip4(nd, " RefLSID: ", p);
			p += 4;
		}
		break;
	}
	case 0x0008: { /* link, link-local scope */
		if (len < 4)
			return 1;
		len -= 4;
		{
			uint32_t o = GET_BE32(nd, p);
			ND_STR(nd, "\n\t      Options [");
			nd_bits(nd, ospf6_options, o, ", ");
			ND_CHR(nd, ']');
		}
		if (len < 20)
			return 1;
		len -= 20;
		uint32_t prefixes = GET_BE32(nd, p + 20);
		out_fmt(nd->out, "\n\t      Priority %u, Link-local address ", GET_U8(nd, p));
		nd_ip6addr(nd, p + 4);
		out_fmt(nd->out, ", Prefixes %u:", prefixes);
		p += 24;
		while (prefixes) {
			n = ospf6_prefix(nd, p, len);
			if (n < 0)
				return 1;
			prefixes--;
			len -= (unsigned)n;
			p += n;
		}
		break;
	}
	case 0x2009: { /* intra-area prefix */
		if (len < 12)
			return 1;
		len -= 12;
		nd_need(nd, p + 8, 4);
		ospf6_ls_type(nd, GET_BE16(nd, p + 2), p + 4);
		uint16_t prefixes = GET_BE16(nd, p);
		out_fmt(nd->out, "\n\t      Prefixes %u:", prefixes);
		p += 12;
		while (prefixes) {
			n = ospf6_prefix(nd, p, len);
			if (n < 0)
				return 1;
			prefixes--;
			len -= (unsigned)n;
			p += n;
		}
		break;
	}
	case 0x000b: /* grace, link-local scope */
		if (ospf_grace_tlvs(nd, p, len) == -1)
			return 1;
		break;
	case 0x000a: /* intra-area TE, link-local scope (as tcpdump matches it) */
		if (ospf_te_tlvs(nd, p, len) == -1)
			return 1;
		break;
	default:
		/* print_unknown_data fails (and the walk stops) only when p is
		 * already past the capture */
		nd_print_unknown_data(nd, p, "\n\t      ", len);
		if (p > nd->snapend)
			return 1;
		break;
	}
	return 0;
}

/* The body after the header; 1 when truncated. */
static int ospf6_body(struct nd *nd, const uint8_t *op, const uint8_t *dataend)
{
	const uint8_t *p = op + OSPF6_HDRLEN;
	switch (GET_U8(nd, op + 1)) {
	case T_HELLO: {
		/* as tcpdump: each printed piece's fields are read before any of it is printed */
		uint32_t opts = GET_BE32(nd, p + 4);
		ND_STR(nd, "\n\tOptions [");
		nd_bits(nd, ospf6_options, opts, ", ");
		ND_CHR(nd, ']');
		nd_need(nd, p, 12);
		out_fmt(nd->out, "\n\t  Hello Timer %us, Dead Timer %us, Interface-ID ", GET_BE16(nd, p + 8),
			GET_BE16(nd, p + 10));
		nd_ipaddr(nd, p);
		out_fmt(nd->out, ", Priority %u", GET_U8(nd, p + 4));
		if (GET_BE32(nd, p + 12)) {
			rt_ip4(nd, "\n\t  Designated Router ", p + 12);
		}
		if (GET_BE32(nd, p + 16)) {
			rt_ip4(nd, ", Backup Designated Router ", p + 16);
		}
		if (nd->o->vflag > 1) {
			ND_STR(nd, "\n\t  Neighbor List:");
			for (const uint8_t *a = p + 20; a < dataend; a += 4) {
				rt_ip4(nd, "\n\t    ", a);
			}
		}
		break;
	}
	case T_DD: {
		uint32_t opts = GET_BE32(nd, p);
		ND_STR(nd, "\n\tOptions [");
		nd_bits(nd, ospf6_options, opts, ", ");
		ND_CHR(nd, ']');
		uint8_t ddf = GET_U8(nd, p + 7);
		ND_STR(nd, ", DD Flags [");
		nd_bits(nd, ospf6_dd_flags, ddf, ", ");
		ND_CHR(nd, ']');
		uint16_t mtu = GET_BE16(nd, p + 4);
		uint32_t ddseq = GET_BE32(nd, p + 8); /* one printed piece with the MTU */
		out_fmt(nd->out, ", MTU %u, DD-Sequence 0x%08x", mtu, ddseq);
		if (nd->o->vflag > 1)
			for (const uint8_t *l = p + 12; l < dataend; l += LSA6_HDRLEN)
				if (ospf6_lshdr(nd, l, dataend))
					return 1;
		break;
	}
	case T_LSR:
		if (nd->o->vflag > 1)
			for (const uint8_t *l = p; l < dataend; l += 12) {
				if (!nd_ok(nd, l, 12))
					return 1;
				rt_ip4(nd, "\n\t  Advertising Router ", l + 8);
				ospf6_ls_type(nd, GET_BE16(nd, l + 2), l + 4);
			}
		break;
	case T_LSU:
		if (nd->o->vflag > 1) {
			uint32_t i = GET_BE32(nd, p);
			const uint8_t *l = p + 4;
			while (l < dataend && i--) {
				if (ospf6_lsa(nd, l, dataend))
					return 1;
				l += GET_BE16(nd, l + 18);
			}
		}
		break;
	case T_LSACK:
		if (nd->o->vflag > 1)
			for (const uint8_t *l = p; l < dataend; l += LSA6_HDRLEN)
				if (ospf6_lshdr(nd, l, dataend))
					return 1;
		break;
	}
	return 0;
}

/* LLS block (RFC 5613), TLVs not decoded; its length, or -1. */
static int ospf6_lls(struct nd *nd, const uint8_t *p, unsigned len)
{
	if (len == 0)
		return 0;
	if (len < 4)
		return -1;
	out_fmt(nd->out, "\n\tLLS Checksum 0x%04x", GET_BE16(nd, p));
	uint16_t dlen = GET_BE16(nd, p + 2);
	out_fmt(nd->out, ", Data Length %u", dlen);
	if (dlen < 4 || dlen > len)
		return -1;
	nd_need(nd, p + 4, dlen - 4u);
	return dlen;
}

/* Authentication trailer (RFC 7166); 1 when truncated. */
static int ospf6_at(struct nd *nd, const uint8_t *p, unsigned len)
{
	if (len == 0)
		return 0;
	if (len < 16)
		return 1;
	uint16_t at = GET_BE16(nd, p);
	ND_STR(nd, "\n\tAuthentication Type ");
	if (at == 1)
		ND_STR(nd, "HMAC");
	else
		out_fmt(nd->out, "unknown (0x%04x)", at);
	uint16_t alen = GET_BE16(nd, p + 2);
	out_fmt(nd->out, ", Length %u", alen);
	if (alen < 16 || alen > len)
		return 1;
	out_fmt(nd->out, ", SAID %u", GET_BE16(nd, p + 6));
	out_fmt(nd->out, ", CSN 0x%08x", GET_BE32(nd, p + 8));
	out_fmt(nd->out, ":%08x", GET_BE32(nd, p + 12));
	nd_need(nd, p + 16, alen - 16u);
	if (nd->o->vflag > 1)
		nd_print_unknown_data(nd, p + 16, "\n\tAuthentication Data ", alen - 16u);
	return 0;
}

void ospf6_print(struct nd *nd, const uint8_t *bp, uint32_t length)
{
	nd->protocol = "ospf3";
	uint8_t type = GET_U8(nd, bp + 1);
	const char *name = tok_find(ospf6_types, type);
	out_fmt(nd->out, "OSPFv%u, ", GET_U8(nd, bp));
	if (!name) {
		out_fmt(nd->out, "unknown packet type (%u), length %u", type, length);
		return;
	}
	out_fmt(nd->out, "%s, length %u", name, length);
	if (!nd->o->vflag)
		return;
	uint16_t datalen = GET_BE16(nd, bp + 2);
	if (datalen > length) {
		out_fmt(nd->out, " [len %u]", datalen);
		return;
	}
	const uint8_t *dataend = bp + datalen;
	rt_ip4(nd, "\n\tRouter-ID ", bp + 4);
	if (GET_BE32(nd, bp + 8)) {
		rt_ip4(nd, ", Area ", bp + 8);
	} else
		ND_STR(nd, ", Backbone Area");
	if (GET_U8(nd, bp + 14))
		out_fmt(nd->out, ", Instance %u", GET_U8(nd, bp + 14));
	if (GET_U8(nd, bp) != 3)
		return;
	if (ospf6_body(nd, bp, dataend))
		goto trunc;
	/* trailer: LLS when the Hello/DD options carry the L bit, then AT */
	unsigned tlen = length - datalen;
	int lls = 0;
	if (type == T_HELLO && (GET_BE32(nd, bp + OSPF6_HDRLEN + 4) & 0x200))
		lls = 1;
	else if (type == T_DD && (GET_BE32(nd, bp + OSPF6_HDRLEN) & 0x200))
		lls = 1;
	int llslen = 0;
	if (lls && (llslen = ospf6_lls(nd, dataend, tlen)) < 0)
		goto trunc;
	if (ospf6_at(nd, dataend + llslen, tlen - (unsigned)llslen))
		goto trunc;
	return;
trunc:
	nd_print_trunc(nd);
}
