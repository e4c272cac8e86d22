/*
 * olsr.c - Optimized Link State Routing (RFC 3626), UDP port 698, with the
 * olsr.org link-quality and name-service messages and smart-gateway HNAs,
 * as tcpdump 4.99 prints it.  Messages are listed from -v on.
 *
 *   packet:  | length (2) | sequence (2) | message ... |
 *   message: | type | vtime | size (2) | originator (4/16) | ttl | hops | seq (2) | body |
 */
#include "svc2.h"

enum {
	OLSR_HELLO = 1, OLSR_TC = 2, OLSR_MID = 3, OLSR_HNA = 4, OLSR_POWERINFO = 128,
	OLSR_NAMESERVICE = 130, OLSR_HELLO_LQ = 201, OLSR_TC_LQ = 202,
};

static const struct tok olsr_msg_names[] = {
	{OLSR_HELLO, "Hello"}, {OLSR_TC, "TC"}, {OLSR_MID, "MID"}, {OLSR_HNA, "HNA"},
	{OLSR_POWERINFO, "Powerinfo"}, {OLSR_NAMESERVICE, "Nameservice"},
	{OLSR_HELLO_LQ, "Hello-LQ"}, {OLSR_TC_LQ, "TC-LQ"}, {0, NULL},
};

static const struct tok olsr_link_names[] = {
	{0, "Unspecified"}, {1, "Asymmetric"}, {2, "Symmetric"}, {3, "Lost"}, {0, NULL},
};

static const struct tok olsr_neigh_names[] = {
	{0, "Not-Neighbor"}, {1, "Symmetric"}, {2, "Symmetric-MPR"}, {0, NULL},
};

static const char *tok_or(const struct tok *t, uint32_t v, const char *dflt)
{
	const char *s = tok_find(t, v);
	return s ? s : dflt;
}

/* The 8-bit mantissa/exponent time of RFC 3626 section 18.3, in seconds. */
static double olsr_time(uint8_t me)
{
	return 0.0625 * (1.0 + (double)(me >> 4) / 16.0) * (double)(1u << (me & 0x0f));
}

/* Smart-gateway speeds: 5-bit mantissa, 3-bit decimal exponent, kbit/s. */
static uint32_t olsr_gw_speed(uint8_t v)
{
	if (v == 0)
		return 0;
	if (v == 0xff)
		return 320000000;
	uint32_t s = (uint32_t)(v >> 3) + 1;
	for (unsigned e = v & 7; e; e--)
		s *= 10;
	return s;
}

/* Prefix length of a contiguous netmask, -1 (printed as unsigned) otherwise. */
static uint32_t olsr_plen(struct nd *nd, const uint8_t *m, unsigned n)
{
	unsigned bits = 0, i = 0;
	for (; i < n; i++) {
		uint8_t b = GET_U8(nd, m + i);
		if (b == 0xff) {
			bits += 8;
			continue;
		}
		unsigned k = 0;
		while (k < 8 && (b & (0x80 >> k)))
			k++;
		if ((uint8_t)(b << k) != 0)
			return 0xffffffffu;
		bits += k;
		i++;
		break;
	}
	for (; i < n; i++)
		if (GET_U8(nd, m + i) != 0)
			return 0xffffffffu;
	return bits;
}

static void olsr_addr(struct nd *nd, const uint8_t *p, int v6)
{
	if (v6)
		nd_ip6addr(nd, p);
	else
		nd_ipaddr(nd, p);
}

static void olsr_lq_neighbors(struct nd *nd, const uint8_t *p, unsigned n, int v6)
{
	unsigned asz = v6 ? 16 : 4;
	while (n >= asz + 4) {
		nd_need(nd, p, asz + 4);
		ND_STR(nd, "\n\t      neighbor ");
		olsr_addr(nd, p, v6);
		out_fmt(nd->out, ", link-quality %.2f%%, neighbor-link-quality %.2f%%",
			(double)GET_U8(nd, p + asz) / 2.55, (double)GET_U8(nd, p + asz + 1) / 2.55);
		p += asz + 4;
		n -= asz + 4;
	}
}

/* Plain neighbor lists are IPv4 addresses, whatever the IP version (as tcpdump). */
static void olsr_neighbors(struct nd *nd, const uint8_t *p, unsigned n)
{
	ND_STR(nd, "\n\t      neighbor\n\t\t");
	while (n >= 4) {
		nd_ipaddr(nd, p);
		ND_CHR(nd, ' ');
		p += 4;
		n -= 4;
	}
}

static void olsr_hello(struct nd *nd, const uint8_t *p, unsigned n, uint8_t type, int v6)
{
	if (n < 4)
		nd_trunc(nd);
	nd_need(nd, p, 4);
	out_fmt(nd->out, "\n\t  hello-time %.3fs, MPR willingness %u", olsr_time(GET_U8(nd, p + 2)),
		GET_U8(nd, p + 3));
	p += 4;
	n -= 4;
	while (n >= 4) {
		nd_need(nd, p, 4);
		uint8_t code = GET_U8(nd, p);
		unsigned hlen = GET_BE16(nd, p + 2);
		int ok = hlen <= n && hlen >= 4;
		out_fmt(nd->out, "\n\t    link-type %s, neighbor-type %s, len %u%s",
			tok_or(olsr_link_names, code & 3, "Unknown"),
			tok_or(olsr_neigh_names, code >> 2, "Unknown"), hlen, ok ? "" : " (invalid)");
		if (!ok)
			break;
		p += 4;
		n -= 4;
		hlen -= 4;
		nd_need(nd, p, hlen);
		if (type == OLSR_HELLO)
			olsr_neighbors(nd, p, hlen);
		else
			olsr_lq_neighbors(nd, p, hlen, v6);
		p += hlen;
		n -= hlen;
	}
}

static void olsr_tc(struct nd *nd, const uint8_t *p, unsigned n, uint8_t type, int v6)
{
	if (n < 4)
		nd_trunc(nd);
	nd_need(nd, p, 4);
	out_fmt(nd->out, "\n\t    advertised neighbor seq 0x%04x", GET_BE16(nd, p));
	if (type == OLSR_TC)
		olsr_neighbors(nd, p + 4, n - 4);
	else
		olsr_lq_neighbors(nd, p + 4, n - 4, v6);
}

static void olsr_mid(struct nd *nd, const uint8_t *p, unsigned n, int v6)
{
	unsigned asz = v6 ? 16 : 4;
	for (; n >= asz; p += asz, n -= asz) {
		nd_need(nd, p, asz);
		ND_STR(nd, "\n\t  interface address ");
		olsr_addr(nd, p, v6);
	}
}

static void olsr_hna4_gw(struct nd *nd, const uint8_t *m, const char *sep)
{
	uint8_t f = GET_U8(nd, m + 1);
	int ls = f & 1;
	out_fmt(nd->out, "%sSmart-Gateway:%s%s%s%s%s %u/%u", sep, ls ? " LINKSPEED" : "",
		f & 2 ? " IPV4" : "", f & 4 ? " IPV4-NAT" : "", f & 8 ? " IPV6" : "",
		f & 16 ? " IPv6-PREFIX" : "", ls ? olsr_gw_speed(GET_U8(nd, m + 2)) : 0,
		ls ? olsr_gw_speed(GET_U8(nd, m + 3)) : 0);
}

static void olsr_hna(struct nd *nd, const uint8_t *p, unsigned n, int v6)
{
	unsigned esz = v6 ? 32 : 8;
	out_fmt(nd->out, "\n\t  Advertised networks (total %u)", n / esz);
	for (unsigned col = 0; n >= esz; p += esz, n -= esz, col = (col + 1) % 4) {
		nd_need(nd, p, esz);
		if (v6) {
			/* tcpdump numbers every entry #0 */
			ND_STR(nd, "\n\t    #0: ");
			nd_ip6addr(nd, p);
			out_fmt(nd->out, "/%u", olsr_plen(nd, p + 16, 16));
			continue;
		}
		const char *sep = col == 0 ? "\n\t    " : ", ";
		if (GET_BE32(nd, p) == 0 && GET_U8(nd, p + 4) == 0 && GET_U8(nd, p + 5) != 0) {
			olsr_hna4_gw(nd, p + 4, sep);
		} else {
			ND_STR(nd, sep);
			nd_ipaddr(nd, p);
			out_fmt(nd->out, "/%u", olsr_plen(nd, p + 4, 4));
		}
	}
}

static void olsr_names(struct nd *nd, const uint8_t *p, unsigned n, int v6)
{
	unsigned asz = v6 ? 16 : 4;
	if (n < 4)
		nd_trunc(nd);
	unsigned count = GET_BE16(nd, p + 2);
	int ok = count > 0 && count * (4 + asz) <= n;
	out_fmt(nd->out, "\n\t  Version %u, Entries %u%s", GET_BE16(nd, p), count, ok ? "" : " (invalid)");
	if (!ok)
		return;
	p += 4;
	n -= 4;
	for (unsigned i = 0; i < count && n >= 4; i++) {
		unsigned etype = GET_BE16(nd, p), elen = GET_BE16(nd, p + 2);
		p += 4;
		n -= 4;
		int eok = elen > 0 && asz + elen <= n;
		out_fmt(nd->out, "\n\t    #%u: type %#06x, length %u%s", i, etype, elen, eok ? "" : " (invalid)");
		if (!eok)
			break;
		unsigned pad = elen % 4 ? 4 - elen % 4 : 0;
		if (n < asz + elen + pad)
			nd_trunc(nd);
		nd_need(nd, p, asz + elen + pad);
		ND_STR(nd, ", address ");
		olsr_addr(nd, p, v6);
		ND_STR(nd, ", name \"");
		nd_printjn(nd, p + asz, elen);
		ND_CHR(nd, '"');
		p += asz + elen + pad;
		n -= asz + elen + pad;
	}
}

void olsr_print(struct nd *nd, const uint8_t *p, uint32_t len, int v6)
{
	nd->protocol = "olsr";
	out_fmt(nd->out, "OLSRv%u", v6 ? 6 : 4);
	/* tcpdump checks the common and message headers and returns (the -X
	 * dump then starts after the link header) */
	if (len < 4 || !nd_ok(nd, p, 4)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned plen = GET_BE16(nd, p);
	if (plen < len)
		len = plen;
	out_fmt(nd->out, ", seq 0x%04x, length %u", GET_BE16(nd, p + 2), len);
	if (!nd->o->vflag)
		return;
	unsigned hsz = v6 ? 24 : 12, off = 4;
	while (off < len) {
		const uint8_t *m = p + off;
		if (!nd_ok(nd, m, hsz)) {
			nd_print_trunc(nd);
			return;
		}
		uint8_t type = GET_U8(nd, m);
		unsigned mlen = GET_BE16(nd, m + 2);
		int ok = mlen >= hsz && mlen <= len;
		if (type == 0 || mlen == 0)
			return;
		out_fmt(nd->out, "\n\t%s Message (%#04x), originator ", tok_or(olsr_msg_names, type, "Unknown"), type);
		olsr_addr(nd, m + 4, v6);
		out_fmt(nd->out, ", ttl %u, hop %u\n\t  vtime %.3fs, msg-seq 0x%04x, length %u%s",
			GET_U8(nd, m + hsz - 4), GET_U8(nd, m + hsz - 3), olsr_time(GET_U8(nd, m + 1)),
			GET_BE16(nd, m + hsz - 2), mlen, ok ? "" : " (invalid)");
		if (!ok)
			return;
		const uint8_t *body = m + hsz;
		unsigned blen = mlen - hsz;
		switch (type) {
		case OLSR_HELLO:
		case OLSR_HELLO_LQ:
			olsr_hello(nd, body, blen, type, v6);
			break;
		case OLSR_TC:
		case OLSR_TC_LQ:
			olsr_tc(nd, body, blen, type, v6);
			break;
		case OLSR_MID:
			olsr_mid(nd, body, blen, v6);
			break;
		case OLSR_HNA:
			olsr_hna(nd, body, blen, v6);
			break;
		case OLSR_NAMESERVICE:
			olsr_names(nd, body, blen, v6);
			break;
		default:
			nd_print_unknown_data(nd, body, "\n\t    ", blen);
			break;
		}
		off += mlen;
	}
}
