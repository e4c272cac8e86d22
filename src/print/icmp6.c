/*
 * icmp6.c - ICMPv6 (RFC 4443) with neighbor discovery (RFC 4861, options
 * of RFC 4191, 6106/8106), MLD v1/v2 (RFC 2710, 3810), node information
 * (RFC 4620), router renumbering (RFC 2894), mobile IPv6 (RFC 6275) and
 * RPL control messages (RFC 6550), printed as tcpdump 4.99 does.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +---------------+---------------+-------------------------------+
 *   |     Type      |     Code      |           Checksum            |
 *   +---------------+---------------+-------------------------------+
 *   |                      type-specific body                       |
 *
 * ND options:  | type | length (units of 8 bytes) | data ... |
 *
 * Unlike ICMP for IPv4, tcpdump prints piecemeal here, so a truncation
 * shows whatever was printed before it; where tcpdump reads several fields
 * for one printf, we check them all before printing.
 */
#include <string.h>

#include "nd.h"

enum {
	ICMP6_DST_UNREACH = 1, ICMP6_PACKET_TOO_BIG = 2, ICMP6_TIME_EXCEEDED = 3,
	ICMP6_PARAM_PROB = 4, ICMP6_ECHO_REQUEST = 128, ICMP6_ECHO_REPLY = 129,
	MLD_QUERY = 130, MLD_REPORT = 131, MLD_DONE = 132,
	ND_ROUTER_SOLICIT = 133, ND_ROUTER_ADVERT = 134,
	ND_NEIGHBOR_SOLICIT = 135, ND_NEIGHBOR_ADVERT = 136, ND_REDIRECT = 137,
	ICMP6_ROUTER_RENUMBERING = 138, ICMP6_NI_QUERY = 139, ICMP6_NI_REPLY = 140,
	IND_SOLICIT = 141, IND_ADVERT = 142, MLDV2_REPORT = 143,
	HA_DISCOV_REQUEST = 144, HA_DISCOV_REPLY = 145,
	MOBILEPREFIX_SOLICIT = 146, MOBILEPREFIX_ADVERT = 147,
	RPL_MESSAGE = 155,
};

static const struct tok icmp6_type_names[] = {
	{ ICMP6_DST_UNREACH, "destination unreachable" },
	{ ICMP6_PACKET_TOO_BIG, "packet too big" },
	{ ICMP6_TIME_EXCEEDED, "time exceeded in-transit" },
	{ ICMP6_PARAM_PROB, "parameter problem" },
	{ ICMP6_ECHO_REQUEST, "echo request" },
	{ ICMP6_ECHO_REPLY, "echo reply" },
	{ MLD_QUERY, "multicast listener query" },
	{ MLD_REPORT, "multicast listener report" },
	{ MLD_DONE, "multicast listener done" },
	{ ND_ROUTER_SOLICIT, "router solicitation" },
	{ ND_ROUTER_ADVERT, "router advertisement" },
	{ ND_NEIGHBOR_SOLICIT, "neighbor solicitation" },
	{ ND_NEIGHBOR_ADVERT, "neighbor advertisement" },
	{ ND_REDIRECT, "redirect" },
	{ ICMP6_ROUTER_RENUMBERING, "router renumbering" },
	{ IND_SOLICIT, "inverse neighbor solicitation" },
	{ IND_ADVERT, "inverse neighbor advertisement" },
	{ MLDV2_REPORT, "multicast listener report v2" },
	{ HA_DISCOV_REQUEST, "ha discovery request" },
	{ HA_DISCOV_REPLY, "ha discovery reply" },
	{ MOBILEPREFIX_SOLICIT, "mobile router solicitation" },
	{ MOBILEPREFIX_ADVERT, "mobile router advertisement" },
	/* 139/140 were "who-are-you" first; tcpdump's table finds those names */
	{ ICMP6_NI_QUERY, "who-are-you request" },
	{ ICMP6_NI_REPLY, "who-are-you reply" },
	{ 201, "mtrace message" },
	{ 200, "mtrace response" },
	{ RPL_MESSAGE, "RPL" },
	{ 0, NULL }
};

static const struct tok unreach_code_names[] = {
	{ 0, "unreachable route" },
	{ 1, " unreachable prohibited" },
	{ 2, "beyond scope" },
	{ 3, "unreachable address" },
	{ 4, "unreachable port" },
	{ 0, NULL }
};

static const struct tok paramprob_code_names[] = {
	{ 0, ", erroneous - octet " },
	{ 1, ", next header - octet " },
	{ 2, ", option - octet " },
	{ 3, ", incomplete header chain - octet " },
	{ 0, NULL }
};

static const struct tok pi_flag_names[] = {
	{ 0x80, "onlink" }, { 0x40, "auto" }, { 0x20, "router" }, { 0, NULL }
};

static const struct tok ra_flag_names[] = {
	{ 0x80, "managed" }, { 0x40, "other stateful" },
	{ 0x20, "home agent" }, { 0x02, "ipv6 only" }, { 0, NULL }
};

static const struct tok na_flag_names[] = {
	{ 0x80000000u, "router" }, { 0x40000000u, "solicited" },
	{ 0x20000000u, "override" }, { 0, NULL }
};

static const struct tok nd_opt_names[] = {
	{ 1, "source link-address" },
	{ 2, "destination link-address" },
	{ 3, "prefix info" },
	{ 4, "redirected header" },
	{ 5, "mtu" },
	{ 25, "rdnss" },
	{ 31, "dnssl" },
	{ 7, "advertisement interval" },
	{ 8, "homeagent information" },
	{ 24, "route info" },
	{ 0, NULL }
};

static const struct tok mldv2_record_names[] = {
	{ 1, "is_in" }, { 2, "is_ex" }, { 3, "to_in" },
	{ 4, "to_ex" }, { 5, "allow" }, { 6, "block" }, { 0, NULL }
};

static const struct tok rpl_mop_names[] = {
	{ 0, "nonstoring" }, { 1, "storing" },
	{ 2, "nonstoring-multicast" }, { 3, "storing-multicast" }, { 0, NULL }
};

static const struct tok rpl_subopt_names[] = {
	{ 0, "pad1" }, { 1, "padN" }, { 2, "metrics" }, { 3, "routinginfo" },
	{ 4, "config" }, { 5, "rpltarget" }, { 6, "transitinfo" },
	{ 8, "destprefix" }, { 9, "rpltargetdesc" }, { 0, NULL }
};

/* Router preference bits (RFC 4191) as tcpdump names them. */
static const char *rtpref_name(uint8_t v)
{
	static const char *const names[] = { "medium", "high", "rsv", "low" };

	return names[(v & 0x18) >> 3];
}

static void print_lifetime(struct nd *nd, uint32_t v)
{
	if (v == 0xffffffffu) {
		ND_STR(nd, "infinity");
	} else {
		ND_U(nd, v);
		ND_CHR(nd, 's');
	}
}

/* An address from a local buffer: always numeric, as tcpdump's ip6addr_string on a copy would be with -n. */
static void print_ip6_local(struct nd *nd, const uint8_t a[16])
{
	char buf[64];

	fmt_ip6(buf, sizeof buf, a);
	ND_STR(nd, buf);
}

/*
 * tcpdump prints "<prefix><address>" with one printf whose arguments are
 * fetched first, so a missing address drops the prefix too.
 */
static void print_ip6_after(struct nd *nd, const char *prefix, const uint8_t *a)
{
	nd_need(nd, a, 16);
	ND_STR(nd, prefix);
	nd_ip6addr(nd, a);
}

/* tcpdump's fn_print_char: printable ASCII as is, the rest as M- / ^ escapes. */
static void print_char_escaped(struct nd *nd, uint8_t c)
{
	if (c & 0x80) {
		ND_STR(nd, "M-");
		c &= 0x7f;
	}
	if (c < 0x20 || c == 0x7f) {
		ND_CHR(nd, '^');
		c ^= 0x40;
	}
	ND_CHR(nd, (char)c);
}

static void print_hex_fixed(struct nd *nd, uint32_t v, int width)
{
	out_hex(nd->out, v, width);
}

/* ND options; returns -1 when tcpdump would report truncation. */
static int icmp6_opts(struct nd *nd, const uint8_t *bp, int resid)
{
	const uint8_t *cp = bp;

	while (cp < nd->snapend) {
		uint8_t type;
		unsigned olen;
		size_t bytes;

		if (!nd_ok(nd, cp, 2))
			return -1;
		if (resid <= 0)
			return 0;
		type = cp[0];
		olen = cp[1];
		bytes = (size_t)olen << 3;
		if (olen == 0 || !nd_ok(nd, cp, bytes))
			return -1;

		ND_STR(nd, "\n\t  ");
		nd_tok(nd, nd_opt_names, "unknown", type);
		ND_STR(nd, " option (");
		ND_U(nd, type);
		ND_STR(nd, "), length ");
		ND_U(nd, bytes);
		ND_STR(nd, " (");
		ND_U(nd, olen);
		ND_STR(nd, "): ");

		switch (type) {
		case 1:
		case 2: {
			size_t i;

			for (i = 2; i < bytes; i++) {
				if (i > 2)
					ND_CHR(nd, ':');
				out_hex(nd->out, GET_U8(nd, cp + i), 2);
			}
			break;
		}
		case 3:
			nd_need(nd, cp, 32);
			nd_ip6addr(nd, cp + 16);
			ND_CHR(nd, '/');
			ND_U(nd, cp[2]);
			if (olen != 4)
				ND_STR(nd, "badlen");
			ND_STR(nd, ", Flags [");
			nd_bits(nd, pi_flag_names, cp[3], ", ");
			ND_STR(nd, "], valid time ");
			print_lifetime(nd, GET_BE32(nd, cp + 4));
			ND_STR(nd, ", pref. time ");
			print_lifetime(nd, GET_BE32(nd, cp + 8));
			break;
		case 4:
			/* tcpdump dumps from the first option, not this one */
			nd_print_unknown_data(nd, bp, "\n\t    ", bytes);
			break;
		case 5:
			ND_CHR(nd, ' ');
			ND_U(nd, GET_BE32(nd, cp + 4));
			if (olen != 1)
				ND_STR(nd, "bad option length");
			break;
		case 25: {
			unsigned i, n = (olen - 1) / 2;

			ND_STR(nd, " lifetime ");
			ND_U(nd, GET_BE32(nd, cp + 4));
			ND_STR(nd, "s,");
			for (i = 0; i < n; i++) {
				ND_STR(nd, " addr: ");
				nd_ip6addr(nd, cp + 8 + 16 * (size_t)i);
			}
			break;
		}
		case 31: {
			const uint8_t *dom = cp + 8;

			ND_STR(nd, " lifetime ");
			ND_U(nd, GET_BE32(nd, cp + 4));
			ND_STR(nd, "s, domain(s):");
			while (dom < cp + bytes && GET_U8(nd, dom) != 0) {
				ND_CHR(nd, ' ');
				dom = dns_fqdn_print(nd, dom, bp);
				if (!dom)
					return -1;
			}
			break;
		}
		case 7:
			ND_CHR(nd, ' ');
			ND_U(nd, GET_BE32(nd, cp + 4));
			ND_STR(nd, "ms");
			break;
		case 8: {
			uint16_t pref = GET_BE16(nd, cp + 4), life = GET_BE16(nd, cp + 6);

			ND_STR(nd, " preference ");
			ND_U(nd, pref);
			ND_STR(nd, ", lifetime ");
			ND_U(nd, life);
			break;
		}
		case 24: {
			uint8_t prefix[16] = { 0 };

			nd_need(nd, cp, 8);
			if (olen > 3)
				return -1;
			if (olen > 1)
				GET_CPY(nd, prefix, cp + 8, olen == 2 ? 8 : 16);
			ND_CHR(nd, ' ');
			print_ip6_local(nd, prefix);
			ND_CHR(nd, '/');
			ND_U(nd, cp[2]);
			ND_STR(nd, ", pref=");
			ND_STR(nd, rtpref_name(cp[3]));
			ND_STR(nd, ", lifetime=");
			print_lifetime(nd, GET_BE32(nd, cp + 4));
			break;
		}
		default:
			if (nd->o->vflag <= 1) {
				nd_print_unknown_data(nd, cp + 2, "\n\t  ", bytes - 2);
				return 0;
			}
			break;
		}
		if (nd->o->vflag > 1)
			nd_print_unknown_data(nd, cp + 2, "\n\t    ", bytes - 2);
		cp += bytes;
		resid -= (int)bytes;
	}
	return 0;
}

static void icmp6_opts_or_trunc(struct nd *nd, const uint8_t *bp, int resid)
{
	if (icmp6_opts(nd, bp, resid) < 0)
		nd_trunc(nd);
}

static void mld6_print(struct nd *nd, const uint8_t *p)
{
	if (!nd_ok(nd, p, 24))
		return;
	ND_STR(nd, "max resp delay: ");
	ND_U(nd, GET_BE16(nd, p + 4));
	ND_STR(nd, " addr: ");
	nd_ip6addr(nd, p + 8);
}

static void mldv2_report_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned ngroups, i;
	size_t group = 8;

	if (len < 8) {
		ND_STR(nd, " [invalid len ");
		ND_U(nd, len);
		ND_CHR(nd, ']');
		return;
	}
	ngroups = GET_BE16(nd, p + 6);
	ND_STR(nd, ", ");
	ND_U(nd, ngroups);
	ND_STR(nd, " group record(s)");
	if (!nd->o->vflag)
		return;
	for (i = 0; i < ngroups; i++) {
		unsigned nsrcs, j;
		const char *rname;

		if (len < group + 20) {
			ND_STR(nd, " [invalid number of groups]");
			return;
		}
		print_ip6_after(nd, " [gaddr ", p + group + 4);
		rname = tok_find(mldv2_record_names, GET_U8(nd, p + group));
		ND_CHR(nd, ' ');
		if (rname) {
			ND_STR(nd, rname);
		} else {
			ND_STR(nd, " [v2-report-#");
			ND_U(nd, p[group]);
			ND_CHR(nd, ']');
		}
		nsrcs = GET_BE16(nd, p + group + 2);
		if (len < group + 20 + (size_t)nsrcs * 16) {
			ND_STR(nd, " [invalid number of sources ");
			ND_U(nd, nsrcs);
			ND_CHR(nd, ']');
			return;
		}
		if (nd->o->vflag == 1) {
			ND_STR(nd, ", ");
			ND_U(nd, nsrcs);
			ND_STR(nd, " source(s)");
		} else {
			ND_STR(nd, " {");
			for (j = 0; j < nsrcs; j++)
				print_ip6_after(nd, " ", p + group + 20 + (size_t)j * 16);
			ND_STR(nd, " }");
		}
		group += 20 + (size_t)nsrcs * 16;
		ND_CHR(nd, ']');
	}
}

static void mldv2_query_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned mrc, nsrcs, i;

	if (len < 28) {
		ND_STR(nd, " [invalid len ");
		ND_U(nd, len);
		ND_CHR(nd, ']');
		return;
	}
	mrc = GET_BE16(nd, p + 4);
	if (nd->o->vflag) {
		uint32_t mrt = mrc < 32768 ? mrc :
			((mrc & 0x0fff) | 0x1000) << (((mrc & 0x7000) >> 12) + 3);

		ND_STR(nd, " [max resp delay=");
		ND_U(nd, mrt);
		ND_CHR(nd, ']');
	}
	print_ip6_after(nd, " [gaddr ", p + 8);
	if (nd->o->vflag) {
		uint8_t f = GET_U8(nd, p + 24), q;
		uint32_t qqi;

		if (f & 0x08)
			ND_STR(nd, " sflag");
		if (f & 0x07) {
			ND_STR(nd, " robustness=");
			ND_U(nd, f & 0x07);
		}
		/* the QQIC is read only now, as tcpdump does */
		q = GET_U8(nd, p + 25);
		qqi = q < 128 ? q : ((uint32_t)(q & 0x0f) | 0x10) << (((q & 0x70) >> 4) + 3);
		ND_STR(nd, " qqi=");
		ND_U(nd, qqi);
	}
	nsrcs = GET_BE16(nd, p + 26);
	if (nsrcs > 0) {
		if (len < 28 + (size_t)nsrcs * 16) {
			ND_STR(nd, " [invalid number of sources]");
		} else if (nd->o->vflag > 1) {
			ND_STR(nd, " {");
			for (i = 0; i < nsrcs; i++)
				print_ip6_after(nd, " ", p + 28 + (size_t)i * 16);
			ND_STR(nd, " }");
		} else {
			ND_STR(nd, ", ");
			ND_U(nd, nsrcs);
			ND_STR(nd, " source(s)");
		}
	}
	ND_CHR(nd, ']');
}

/*
 * The upper-layer header of the packet quoted in an error, skipping
 * extension headers; NULL when it is not TCP/UDP or not captured.
 */
static const uint8_t *icmp6_upper_layer(struct nd *nd, const uint8_t *bp, unsigned *proto)
{
	const uint8_t *ep = nd->snapend;
	unsigned nh;
	size_t hlen = 40;

	if (!nd_ok(nd, bp + 6, 1))
		return NULL;
	nh = bp[6];
	while (bp < ep) {
		bp += hlen;
		switch (nh) {
		case 6:
		case 17:
			if (!nd_ok(nd, bp + 2, 2))
				return NULL;
			*proto = nh;
			return bp;
		case 0:   /* hop-by-hop */
		case 60:  /* destination options */
		case 43:  /* routing */
			if (!nd_ok(nd, bp, 2))
				return NULL;
			nh = bp[0];
			hlen = ((size_t)bp[1] + 1) << 3;
			break;
		case 44:  /* fragment: only the first one carries the ports */
			if (!nd_ok(nd, bp + 2, 2))
				return NULL;
			if ((GET_BE16(nd, bp + 2) & 0xfff8) != 0)
				return NULL;
			nh = bp[0];
			hlen = 8;
			break;
		case 51:  /* AH */
			if (!nd_ok(nd, bp, 2))
				return NULL;
			nh = bp[0];
			hlen = ((size_t)bp[1] + 2) << 2;
			break;
		default:
			*proto = nh;
			return NULL;
		}
	}
	return NULL;
}

static void icmp6_unreach(struct nd *nd, const uint8_t *p, uint32_t len, uint8_t code)
{
	const uint8_t *oip = p + 8, *uh;
	unsigned proto = 0;
	uint16_t dport;

	ND_STR(nd, ", ");
	nd_tok(nd, unreach_code_names, "unknown unreach code (%u)", code);
	switch (code) {
	case 0:
	case 1:
	case 3:
		print_ip6_after(nd, " ", oip + 24);
		return;
	case 2:
		nd_need(nd, oip + 8, 32);
		ND_CHR(nd, ' ');
		nd_ip6addr(nd, oip + 24);
		ND_STR(nd, ", source address ");
		nd_ip6addr(nd, oip + 8);
		return;
	case 4:
		uh = icmp6_upper_layer(nd, oip, &proto);
		if (!uh)
			nd_trunc(nd);
		dport = GET_BE16(nd, uh + 2);
		nd_need(nd, oip + 24, 16);
		ND_STR(nd, ", ");
		nd_ip6addr(nd, oip + 24);
		ND_STR(nd, proto == 6 ? " tcp port " : " udp port ");
		nd_port(nd, dport, proto == 17);
		return;
	default:
		if (nd->o->vflag <= 1)
			nd_print_unknown_data(nd, p, "\n\t", len);
		return;
	}
}

/* DNS name in node information messages (no compression). */
static void ni_dnsname(struct nd *nd, const uint8_t *cp, const uint8_t *ep)
{
	ND_STR(nd, ", \"");
	while (cp < ep) {
		unsigned i = GET_U8(nd, cp);

		cp++;
		if (i) {
			if (i > (size_t)(ep - cp)) {
				ND_STR(nd, "???");
				break;
			}
			while (i-- && cp < ep) {
				print_char_escaped(nd, GET_U8(nd, cp));
				cp++;
			}
			if (cp + 1 < ep && GET_U8(nd, cp))
				ND_CHR(nd, '.');
		} else {
			if (cp == ep)
				ND_CHR(nd, '.');
			else if (!(cp + 1 == ep && GET_U8(nd, cp) == 0))
				ND_STR(nd, "???");
			break;
		}
	}
	ND_CHR(nd, '"');
}

/* A name as an old-draft pascal string, or as DNS labels. */
static int ni_abandon; /* set: a truncation ends the packet (tcpdump's GET) */

static void ni_name(struct nd *nd, const uint8_t *cp, const uint8_t *ep)
{
	ni_abandon = !nd_ok(nd, cp, 1);
	if (GET_U8(nd, cp) == ep - cp - 1) {
		if (nd->o->vflag)
			ND_STR(nd, ", 03 draft");
		cp++;
		ND_STR(nd, ", \"");
		while (cp < ep) {
			print_char_escaped(nd, GET_U8(nd, cp));
			cp++;
		}
		ND_CHR(nd, '"');
	} else {
		ni_dnsname(nd, cp, ep);
	}
}

static void ni_addr_flags(struct nd *nd, unsigned f, int with_t)
{
	ND_STR(nd, " [");
	if (f & 0x40) ND_CHR(nd, 'a');
	if (f & 0x20) ND_CHR(nd, 'G');
	if (f & 0x10) ND_CHR(nd, 'S');
	if (f & 0x08) ND_CHR(nd, 'L');
	if (f & 0x04) ND_CHR(nd, 'C');
	if (f & 0x02) ND_CHR(nd, 'A');
	if (with_t && (f & 0x01)) ND_CHR(nd, 'T');
	ND_CHR(nd, ']');
}

static void ni_qtype_name(struct nd *nd, unsigned qtype, unsigned flags, int reply)
{
	switch (qtype) {
	case 0:
		ND_STR(nd, "noop");
		break;
	case 1:
		ND_STR(nd, "supported qtypes");
		if (flags)
			ND_STR(nd, flags & 1 ? " [C]" : " []");
		break;
	case 2:
		ND_STR(nd, "DNS name");
		break;
	case 3:
		ND_STR(nd, "node addresses");
		if (flags && !reply)
			ni_addr_flags(nd, flags, 0);
		break;
	default:
		ND_STR(nd, "unknown");
		break;
	}
}

static void icmp6_nodeinfo(struct nd *nd, uint32_t len, const uint8_t *p)
{
	const uint8_t *ep = nd->snapend, *cp;
	size_t siz;
	unsigned qtype, flags, code;
	int needcomma = 0;

	if (ep < p)
		return;
	siz = (size_t)(ep - p);
	if (p[0] == ICMP6_NI_QUERY) {
		if (siz == 12) {
			ND_STR(nd, " who-are-you request");
			return;
		}
		ND_STR(nd, " node information query");
		nd_need(nd, p, 16);
		ND_STR(nd, " (");
		qtype = GET_BE16(nd, p + 4);
		ni_qtype_name(nd, qtype, GET_BE16(nd, p + 6), 0);
		if (qtype == 0 || qtype == 1) {
			if (siz != 16 && nd->o->vflag)
				ND_STR(nd, ", invalid len");
			ND_CHR(nd, ')');
			return;
		}
		if (siz == 16) {
			ND_STR(nd, ", 03 draft)");
			return;
		}
		cp = p + 16;
		switch (p[1]) {
		case 0:
			if (!nd_ok(nd, p, 32))
				break;
			if (siz != 32) {
				if (nd->o->vflag)
					ND_STR(nd, ", invalid subject len");
				break;
			}
			ND_STR(nd, ", subject=");
			nd_ip6addr(nd, cp);
			break;
		case 1:
			ND_STR(nd, ", subject=DNS name");
			ni_name(nd, cp, ep);
			break;
		case 2:
			if (!nd_ok(nd, p, 20))
				break;
			if (siz != 20) {
				if (nd->o->vflag)
					ND_STR(nd, ", invalid subject len");
				break;
			}
			ND_STR(nd, ", subject=");
			nd_ipaddr(nd, cp);
			break;
		default:
			ND_STR(nd, ", unknown subject");
			break;
		}
		ND_CHR(nd, ')');
		return;
	}

	/* reply */
	if (len > siz)
		nd_trunc(nd);
	nd_need(nd, p, 16);
	ND_STR(nd, " node information reply (");
	code = p[1];
	switch (code) {
	case 0:
		if (nd->o->vflag) {
			ND_STR(nd, "success");
			needcomma = 1;
		}
		break;
	case 1:
	case 2:
		ND_STR(nd, code == 1 ? "refused" : "unknown");
		needcomma = 1;
		if (siz != 16 && nd->o->vflag)
			ND_STR(nd, ", invalid length");
		break;
	}
	if (code != 0) {
		ND_CHR(nd, ')');
		return;
	}
	qtype = GET_BE16(nd, p + 4);
	flags = GET_BE16(nd, p + 6);
	if (needcomma)
		ND_STR(nd, ", ");
	ni_qtype_name(nd, qtype, flags, 1);
	switch (qtype) {
	case 0:
		if (siz != 16 && nd->o->vflag)
			ND_STR(nd, ", invalid length");
		break;
	case 2:
		ni_name(nd, p + 20, ep);
		if (flags & 1) {
			nd_need(nd, p + 16, 4);
			ND_STR(nd, " [TTL=");
			ND_U(nd, GET_BE32(nd, p + 16));
			ND_CHR(nd, ']');
		}
		break;
	case 3: {
		size_t i = 16;

		while (i < siz && i + 20 <= siz) {
			ND_CHR(nd, ' ');
			nd_ip6addr(nd, p + i + 4);
			ND_CHR(nd, '(');
			ND_U(nd, GET_BE32(nd, p + i));
			ND_CHR(nd, ')');
			i += 20;
		}
		if (flags)
			ni_addr_flags(nd, flags, 1);
		break;
	}
	}
	ND_CHR(nd, ')');
}

/* tcpdump's node information printer mostly reports truncation and
 * returns: the rest of the ICMPv6 line (", length N") still follows; only
 * a name's missing first byte abandons the packet. */
static void icmp6_nodeinfo_guarded(struct nd *nd, uint32_t len, const uint8_t *p)
{
	jmp_buf outer;
	int depth = nd->snap_depth;
	const uint8_t *snapend = nd->snapend;

	memcpy(outer, nd->trunc, sizeof outer);
	if (setjmp(nd->trunc)) {
		memcpy(nd->trunc, outer, sizeof outer);
		nd->snap_depth = depth;
		nd->snapend = snapend;
		if (ni_abandon)
			nd_trunc(nd);
		nd_print_trunc(nd);
		return;
	}
	ni_abandon = 0;
	icmp6_nodeinfo(nd, len, p);
	memcpy(nd->trunc, outer, sizeof outer);
}

/* Router renumbering; tcpdump reports truncation here and carries on. */
static void icmp6_rrenum(struct nd *nd, const uint8_t *p)
{
	static const char *const match_codes[] = { NULL, "add", "change", "setglobal" };
	const uint8_t *m, *use;
	unsigned n;
	char buf[64];

	if (!nd_ok(nd, p, 16))
		goto trunc;
	switch (p[1]) {
	case 0: ND_STR(nd, ", command"); break;
	case 1: ND_STR(nd, ", result"); break;
	case 255: ND_STR(nd, ", sequence number reset"); break;
	default:
		ND_STR(nd, ", code-#");
		ND_U(nd, p[1]);
		break;
	}
	ND_STR(nd, ", seq=");
	ND_U(nd, GET_BE32(nd, p + 4));
	if (nd->o->vflag) {
		uint8_t f = p[9];
		uint32_t rsvd = GET_BE32(nd, p + 12);

		ND_CHR(nd, '[');
		if (f) {
			if (f & 0x80) ND_CHR(nd, 'T');
			if (f & 0x40) ND_CHR(nd, 'R');
			if (f & 0x20) ND_CHR(nd, 'A');
			if (f & 0x10) ND_CHR(nd, 'S');
			if (f & 0x08) ND_CHR(nd, 'P');
			ND_CHR(nd, ',');
		}
		ND_STR(nd, "seg=");
		ND_U(nd, p[8]);
		ND_STR(nd, ",maxdelay=");
		ND_U(nd, GET_BE16(nd, p + 10));
		if (rsvd) {
			ND_STR(nd, "rsvd=0x");
			out_hex(nd->out, rsvd, 1);
		}
		ND_CHR(nd, ']');
	}
	if (p[1] != 0)
		return;

	m = p + 16;
	if (!nd_ok(nd, m, 24))
		goto trunc;
	ND_STR(nd, nd->o->vflag > 1 ? "\n\tmatch(" : " match(");
	if (m[0] >= 1 && m[0] <= 3) {
		ND_STR(nd, match_codes[m[0]]);
	} else {
		ND_CHR(nd, '#');
		ND_U(nd, m[0]);
	}
	if (nd->o->vflag) {
		ND_STR(nd, ",ord=");
		ND_U(nd, m[2]);
		ND_STR(nd, ",min=");
		ND_U(nd, m[4]);
		ND_STR(nd, ",max=");
		ND_U(nd, m[5]);
	}
	fmt_ip6(buf, sizeof buf, m + 8);
	ND_CHR(nd, ',');
	ND_STR(nd, buf);
	ND_CHR(nd, '/');
	ND_U(nd, m[3]);
	ND_CHR(nd, ')');

	n = (unsigned)m[1] - 3;
	if (n % 4)
		goto trunc;
	n /= 4;
	use = m + 24;
	while (n-- > 0) {
		if (!nd_ok(nd, use, 32))
			goto trunc;
		ND_STR(nd, nd->o->vflag > 1 ? "\n\tuse(" : " use(");
		/* tcpdump tests the first flags byte against host-order masks */
		if (use[12]) {
			if (use[12] & 0x80) ND_CHR(nd, 'V');
			if (use[12] & 0x40) ND_CHR(nd, 'P');
			ND_CHR(nd, ',');
		}
		if (nd->o->vflag) {
			uint32_t vl = GET_BE32(nd, use + 4), pl = GET_BE32(nd, use + 8);

			ND_STR(nd, "mask=0x");
			out_hex(nd->out, use[2], 1);
			ND_STR(nd, ",raflags=0x");
			out_hex(nd->out, use[3], 1);
			ND_STR(nd, ",vltime=");
			if (vl == 0xffffffffu)
				ND_STR(nd, "infty");
			else
				ND_U(nd, vl);
			ND_STR(nd, ",pltime=");
			if (pl == 0xffffffffu)
				ND_STR(nd, "infty");
			else
				ND_U(nd, pl);
			ND_CHR(nd, ',');
		}
		fmt_ip6(buf, sizeof buf, use + 16);
		ND_STR(nd, buf);
		ND_CHR(nd, '/');
		ND_U(nd, use[0]);
		ND_CHR(nd, '/');
		ND_U(nd, use[1]);
		ND_CHR(nd, ')');
		use += 32;
	}
	return;
trunc:
	nd_print_trunc(nd);
}

/* RPL options (DIO/DAO/DAO-ACK), printed from -vv on. */
static void rpl_opts(struct nd *nd, const uint8_t *opt, uint32_t length)
{
	while (length != 0) {
		uint8_t type = GET_U8(nd, opt);
		uint32_t olen;

		if (type == 0) {
			olen = 1;
			ND_STR(nd, " opt:pad1");
		} else {
			const char *name;

			if (length < 2)
				goto trunc;
			olen = (uint32_t)GET_U8(nd, opt + 1) + 2;
			ND_STR(nd, " opt:");
			name = tok_find(rpl_subopt_names, type);
			if (name) {
				ND_STR(nd, name);
			} else {
				ND_STR(nd, "subopt:");
				ND_U(nd, type);
			}
			ND_STR(nd, " len:");
			ND_U(nd, olen);
			ND_CHR(nd, ' ');
			if (!nd_ok(nd, opt, olen) || length < olen)
				goto trunc;
			if (nd->o->vflag > 2)
				nd_print_unknown_data(nd, opt + 2, " ", olen - 2);
		}
		opt += olen;
		length -= olen;
	}
	return;
trunc:
	nd_print_trunc(nd);
}

static void rpl_print(struct nd *nd, uint8_t code, const uint8_t *bp, uint32_t length)
{
	if (code & 0x80) {
		ND_STR(nd, ", (SEC) [worktodo]");
		return;
	}
	ND_STR(nd, ", (CLR)");
	switch (code & 0x7f) {
	case 0:
		ND_STR(nd, "DODAG Information Solicitation");
		break;
	case 1: {
		uint8_t mopprf;

		ND_STR(nd, "DODAG Information Object");
		if (!nd->o->vflag)
			break;
		if (length < 24) {
			ND_STR(nd, " [length ");
			ND_U(nd, length);
			ND_STR(nd, " < 24]");
			nd_print_invalid(nd);
			break;
		}
		nd_need(nd, bp, 24);
		mopprf = bp[4];
		ND_STR(nd, " [dagid:");
		nd_ip6addr(nd, bp + 8);
		ND_STR(nd, ",seq:");
		ND_U(nd, bp[5]);
		ND_STR(nd, ",instance:");
		ND_U(nd, bp[0]);
		ND_STR(nd, ",rank:");
		ND_U(nd, GET_BE16(nd, bp + 2));
		ND_CHR(nd, ',');
		if (mopprf & 0x80)
			ND_STR(nd, "grounded,");
		ND_STR(nd, "mop:");
		nd_tok(nd, rpl_mop_names, "mop%u", (mopprf >> 3) & 7);
		ND_STR(nd, ",prf:");
		ND_U(nd, mopprf & 7);
		ND_CHR(nd, ']');
		if (nd->o->vflag > 1)
			rpl_opts(nd, bp + 24, length - 24);
		break;
	}
	case 2: {
		uint8_t flags;
		const uint8_t *d = bp;

		ND_STR(nd, "Destination Advertisement Object");
		if (!nd->o->vflag)
			break;
		/* tcpdump checks the whole fixed part (with the DODAGID) is
		 * captured before it looks at the length */
		nd_need(nd, bp, 20);
		if (length < 4) {
			nd_print_invalid(nd);
			break;
		}
		bp += 4;
		length -= 4;
		flags = GET_U8(nd, d + 1);
		if (flags & 0x40) {
			if (length < 16) {
				nd_print_invalid(nd);
				break;
			}
			nd_need(nd, d + 4, 16);
			bp += 16;
			length -= 16;
		}
		nd_need(nd, d, 4);
		ND_STR(nd, " [dagid:");
		if (flags & 0x40)
			nd_ip6addr(nd, d + 4);
		else
			ND_STR(nd, "<elided>");
		ND_STR(nd, ",seq:");
		ND_U(nd, d[3]);
		ND_STR(nd, ",instance:");
		ND_U(nd, d[0]);
		if (flags & 0x80)
			ND_STR(nd, ",acK");
		if (flags & 0x40)
			ND_STR(nd, ",Dagid");
		ND_CHR(nd, ',');
		print_hex_fixed(nd, flags, 2);
		ND_CHR(nd, ']');
		if (nd->o->vflag > 1)
			rpl_opts(nd, bp, length);
		break;
	}
	case 3: {
		const uint8_t *d = bp;
		uint8_t flags;

		ND_STR(nd, "Destination Advertisement Object Ack");
		if (!nd->o->vflag)
			break;
		/* tcpdump checks the fixed part is captured first */
		nd_need(nd, bp, 4);
		if (length < 4) {
			nd_print_invalid(nd);
			break;
		}
		bp += 4;
		length -= 4;
		flags = GET_U8(nd, d + 1);
		if (flags & 0x80) {
			if (length < 16) {
				nd_print_invalid(nd);
				break;
			}
			nd_need(nd, d + 4, 16);
			bp += 16;
			length -= 16;
		}
		nd_need(nd, d, 4);
		ND_STR(nd, " [dagid:");
		if (flags & 0x80)
			nd_ip6addr(nd, d + 4);
		else
			ND_STR(nd, "<elided>");
		ND_STR(nd, ",seq:");
		ND_U(nd, d[2]);
		ND_STR(nd, ",instance:");
		ND_U(nd, d[0]);
		ND_STR(nd, ",status:");
		ND_U(nd, d[3]);
		ND_CHR(nd, ']');
		if (nd->o->vflag > 1)
			rpl_opts(nd, bp, length);
		break;
	}
	default:
		ND_STR(nd, "RPL message, unknown code ");
		ND_U(nd, code);
		break;
	}
}

void icmp6_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	uint8_t type, code;
	int v = nd->o->vflag;

	nd->protocol = "icmp6";
	if (len == 0) {
		ND_STR(nd, "ICMP6, length 0");
		nd_print_invalid(nd);
		return;
	}
	if (v && !ip->fragmented && nd_ok(nd, p, len)) {
		uint16_t field = GET_BE16(nd, p + 2);
		uint16_t sum = nextproto_cksum(ip, p, len, 58);

		if (sum != 0) {
			ND_STR(nd, "[bad icmp6 cksum 0x");
			out_hex(nd->out, field, 4);
			ND_STR(nd, " -> 0x");
			out_hex(nd->out, in_cksum_shouldbe(field, sum), 4);
			ND_STR(nd, "!] ");
		} else {
			ND_STR(nd, "[icmp6 sum ok] ");
		}
	}

	type = GET_U8(nd, p);
	ND_STR(nd, "ICMP6, ");
	nd_tok(nd, icmp6_type_names, "unknown icmp6 type (%u)", type);
	if (v && (type == ND_ROUTER_SOLICIT || type == ND_ROUTER_ADVERT ||
		  type == ND_NEIGHBOR_ADVERT || type == ND_NEIGHBOR_SOLICIT ||
		  type == ND_REDIRECT || type == HA_DISCOV_REPLY ||
		  type == MOBILEPREFIX_ADVERT)) {
		ND_STR(nd, ", length ");
		ND_U(nd, len);
	}
	code = GET_U8(nd, p + 1);

	switch (type) {
	case ICMP6_DST_UNREACH:
		icmp6_unreach(nd, p, len, code);
		if (code > 4 && v <= 1)
			return;
		break;
	case ICMP6_PACKET_TOO_BIG:
		nd_need(nd, p + 4, 4);
		ND_STR(nd, ", mtu ");
		ND_U(nd, GET_BE32(nd, p + 4));
		break;
	case ICMP6_TIME_EXCEEDED:
		if (code == 0) {
			print_ip6_after(nd, " for ", p + 8 + 24);
		} else if (code == 1) {
			ND_STR(nd, " (reassembly)");
		} else {
			ND_STR(nd, ", unknown code (");
			ND_U(nd, code);
			ND_CHR(nd, ')');
		}
		break;
	case ICMP6_PARAM_PROB: {
		const char *what;

		nd_need(nd, p + 8 + 24, 16);
		what = tok_find(paramprob_code_names, code);
		if (what) {
			ND_STR(nd, what);
			ND_U(nd, GET_BE32(nd, p + 4));
		} else {
			ND_STR(nd, ", code-#");
			ND_U(nd, code);
		}
		break;
	}
	case ICMP6_ECHO_REQUEST:
	case ICMP6_ECHO_REPLY: {
		uint16_t id = GET_BE16(nd, p + 4), seq = GET_BE16(nd, p + 6);

		ND_STR(nd, ", id ");
		ND_U(nd, id);
		ND_STR(nd, ", seq ");
		ND_U(nd, seq);
		break;
	}
	case MLD_QUERY:
		if (len == 24) {
			mld6_print(nd, p);
		} else if (len >= 28) {
			ND_STR(nd, " v2");
			mldv2_query_print(nd, p, len);
		} else {
			ND_STR(nd, " unknown-version (len ");
			ND_U(nd, len);
			ND_STR(nd, ") ");
		}
		break;
	case MLD_REPORT:
	case MLD_DONE:
		mld6_print(nd, p);
		break;
	case ND_ROUTER_SOLICIT:
		if (v)
			icmp6_opts_or_trunc(nd, p + 8, (int)len - 8);
		break;
	case ND_ROUTER_ADVERT:
		if (v) {
			uint8_t flags;

			nd_need(nd, p, 16);
			flags = p[5];
			ND_STR(nd, "\n\thop limit ");
			ND_U(nd, p[4]);
			ND_STR(nd, ", Flags [");
			nd_bits(nd, ra_flag_names, flags, ", ");
			ND_STR(nd, "], pref ");
			ND_STR(nd, rtpref_name(flags));
			ND_STR(nd, ", router lifetime ");
			ND_U(nd, GET_BE16(nd, p + 6));
			ND_STR(nd, "s, reachable time ");
			ND_U(nd, GET_BE32(nd, p + 8));
			ND_STR(nd, "ms, retrans timer ");
			ND_U(nd, GET_BE32(nd, p + 12));
			ND_STR(nd, "ms");
			icmp6_opts_or_trunc(nd, p + 16, (int)len - 16);
		}
		break;
	case ND_NEIGHBOR_SOLICIT:
		print_ip6_after(nd, ", who has ", p + 8);
		if (v)
			icmp6_opts_or_trunc(nd, p + 24, (int)len - 24);
		break;
	case ND_NEIGHBOR_ADVERT:
		print_ip6_after(nd, ", tgt is ", p + 8);
		if (v) {
			uint32_t flags = GET_BE32(nd, p + 4);

			ND_STR(nd, ", Flags [");
			nd_bits(nd, na_flag_names, flags, ", ");
			ND_CHR(nd, ']');
			icmp6_opts_or_trunc(nd, p + 24, (int)len - 24);
		}
		break;
	case ND_REDIRECT:
		print_ip6_after(nd, ", ", p + 24);
		print_ip6_after(nd, " to ", p + 8);
		if (v)
			icmp6_opts_or_trunc(nd, p + 40, (int)len - 40);
		break;
	case ICMP6_ROUTER_RENUMBERING:
		icmp6_rrenum(nd, p);
		break;
	case ICMP6_NI_QUERY:
	case ICMP6_NI_REPLY:
		icmp6_nodeinfo_guarded(nd, len, p);
		break;
	case IND_SOLICIT:
	case IND_ADVERT:
		break;
	case MLDV2_REPORT:
		mldv2_report_print(nd, p, len);
		break;
	case MOBILEPREFIX_SOLICIT:
	case HA_DISCOV_REQUEST:
		nd_need(nd, p + 4, 2);
		ND_STR(nd, ", id 0x");
		out_hex(nd->out, GET_BE16(nd, p + 4), 4);
		break;
	case HA_DISCOV_REPLY:
		if (v) {
			const uint8_t *q = p + 8, *end = p + len;

			nd_need(nd, p + 4, 2);
			ND_STR(nd, ", id 0x");
			out_hex(nd->out, GET_BE16(nd, p + 4), 4);
			while (q < end) {
				print_ip6_after(nd, ", ", q);
				q += 16;
			}
		}
		break;
	case MOBILEPREFIX_ADVERT:
		if (v) {
			uint16_t flags;

			nd_need(nd, p + 4, 2);
			ND_STR(nd, ", id 0x");
			out_hex(nd->out, GET_BE16(nd, p + 4), 4);
			flags = GET_BE16(nd, p + 6);
			if (flags & 0xc000)
				ND_CHR(nd, ' ');
			if (flags & 0x8000)
				ND_CHR(nd, 'M');
			if (flags & 0x4000)
				ND_CHR(nd, 'O');
			icmp6_opts_or_trunc(nd, p + 8, (int)len - 8);
		}
		break;
	case RPL_MESSAGE:
		rpl_print(nd, code, p + 4, len - 4);
		break;
	default:
		ND_STR(nd, ", length ");
		ND_U(nd, len);
		if (v <= 1)
			nd_print_unknown_data(nd, p, "\n\t", len);
		return;
	}
	if (!v) {
		ND_STR(nd, ", length ");
		ND_U(nd, len);
	}
}
