/*
 * lwres.c - the BIND 9 lightweight resolver protocol, UDP port 921, as
 * tcpdump 4.99 prints it.
 *
 *   | length (4) | version (2) | flags (2) | serial (4) | opcode (4) |
 *   | result (4) | recvlength (4) | authtype (2) | authlength (2) | body |
 *
 *   getaddrsbyname  request: flags(4) addrtypes(4) namelen(2) name NUL
 *                   reply:   flags(4) naliases(2) naddrs(2) namelen(2) name NUL
 *                            aliases (len(2) name NUL)... addrs (family(4) len(2) addr)...
 *   getnamebyaddr   request: flags(4) addr;  reply: flags(4) naliases(2) namelen(2) ...
 *   getrdatabyname  request: flags(4) class(2) type(2) namelen(2) name NUL
 *                   reply:   flags(4) class(2) type(2) ttl(4) nrdatas(2) nsigs(2) ...
 */
#include "svc2.h"
#include "lan.h"

#define LWRES_HDR 28
#define LWRES_RESPONSE 0x0001
enum { LW_NOOP = 0x00000000, LW_GABN = 0x00010001, LW_GNBA = 0x00010002, LW_GRBN = 0x00010003 };

static const struct tok lwres_ops[] = {
	{LW_NOOP, "noop"}, {LW_GABN, "getaddrsbyname"}, {LW_GNBA, "getnamebyaddr"},
	{LW_GRBN, "getrdatabyname"}, {0, NULL},
};

static const struct tok lwres_types[] = {
	{1, "A"}, {2, "NS"}, {5, "CNAME"}, {6, "SOA"}, {12, "PTR"}, {13, "HINFO"}, {15, "MX"},
	{16, "TXT"}, {28, "AAAA"}, {33, "SRV"}, {35, "NAPTR"}, {39, "DNAME"}, {43, "DS"},
	{46, "RRSIG"}, {47, "NSEC"}, {48, "DNSKEY"}, {99, "SPF"}, {252, "AXFR"}, {255, "ANY"},
	{0, NULL},
};

static const struct tok lwres_classes[] = {
	{1, "IN"}, {3, "CHAOS"}, {4, "HS"}, {255, "ANY"}, {0, NULL},
};

/* " name", then a complaint when the NUL after it is missing; bytes used. */
static unsigned lwres_name(struct nd *nd, unsigned l, const uint8_t *p)
{
	ND_CHR(nd, ' ');
	nd_printjn(nd, p, l);
	if (GET_U8(nd, p + l))
		ND_STR(nd, " (not NUL-terminated!)");
	return l + 1;
}

static unsigned lwres_namelen(struct nd *nd, const uint8_t *p)
{
	return 2 + lwres_name(nd, GET_BE16(nd, p), p + 2);
}

static unsigned lwres_binlen(struct nd *nd, const uint8_t *p)
{
	unsigned l = GET_BE16(nd, p);
	for (unsigned i = 0; i < l; i++)
		out_fmt(nd->out, "%02x", GET_U8(nd, p + 2 + i));
	return 2 + l;
}

/* family(4) length(2) address; bytes used, 0 when the address is too short. */
static unsigned lwres_addr(struct nd *nd, const uint8_t *p)
{
	unsigned l = GET_BE16(nd, p + 4);
	uint32_t fam = GET_BE32(nd, p);
	nd_need(nd, p + 6, l);
	if (fam == 1) {
		if (l < 4)
			return 0;
		ND_CHR(nd, ' ');
		nd_ipaddr(nd, p + 6);
		return 10;
	}
	if (fam == 2) {
		if (l < 16)
			return 0;
		ND_CHR(nd, ' ');
		nd_ip6addr(nd, p + 6);
		return 22;
	}
	out_fmt(nd->out, " %u/", fam);
	for (unsigned i = 0; i < l; i++)
		out_fmt(nd->out, "%02x", GET_U8(nd, p + 6 + i));
	return 6 + l;
}

static void lwres_flags3(struct nd *nd, const uint8_t *p)
{
	if (nd->o->vflag > 2)
		out_fmt(nd->out, " flags:0x%x", GET_BE32(nd, p));
}

static void lwres_type_class(struct nd *nd, const uint8_t *p)
{
	ND_CHR(nd, ' ');
	nd_tok(nd, lwres_types, "Type%u", GET_BE16(nd, p + 2));
	uint16_t cls = GET_BE16(nd, p);
	if (cls != 1) {
		ND_CHR(nd, ' ');
		nd_tok(nd, lwres_classes, "Class%u", cls);
	}
}

/* A request body; returns its end (NULL: unsupported opcode), -1 through *bad. */
static const uint8_t *lwres_request(struct nd *nd, uint32_t op, const uint8_t *p, int *bad)
{
	unsigned a;
	switch (op) {
	case LW_NOOP:
		return p;
	case LW_GABN: {
		nd_need(nd, p, 10);
		lwres_flags3(nd, p);
		uint32_t v = GET_BE32(nd, p + 4);
		static const char *const at[4] = {"", " IPv4", " IPv6", " IPv4/6"};
		ND_STR(nd, at[v & 3]);
		if (v & ~3u)
			out_fmt(nd->out, "[0x%x]", v);
		return p + 10 + lwres_name(nd, GET_BE16(nd, p + 8), p + 10);
	}
	case LW_GNBA:
		nd_need(nd, p, 4);
		lwres_flags3(nd, p);
		a = lwres_addr(nd, p + 4);
		if (a == 0)
			*bad = 1;
		return p + 4 + a;
	case LW_GRBN:
		nd_need(nd, p, 10);
		lwres_flags3(nd, p);
		lwres_type_class(nd, p + 4);
		return p + 10 + lwres_name(nd, GET_BE16(nd, p + 8), p + 10);
	}
	return NULL;
}

static const uint8_t *lwres_response(struct nd *nd, uint32_t op, const uint8_t *p, int *bad)
{
	const uint8_t *s;
	unsigned n;
	switch (op) {
	case LW_NOOP:
		return p;
	case LW_GABN:
		nd_need(nd, p, 10);
		lwres_flags3(nd, p);
		out_fmt(nd->out, " %u/%u", GET_BE16(nd, p + 4), GET_BE16(nd, p + 6));
		s = p + 10 + lwres_name(nd, GET_BE16(nd, p + 8), p + 10);
		for (n = GET_BE16(nd, p + 4); n; n--)
			s += lwres_namelen(nd, s);
		for (n = GET_BE16(nd, p + 6); n; n--) {
			unsigned a = lwres_addr(nd, s);
			if (a == 0) {
				*bad = 1;
				return s;
			}
			s += a;
		}
		return s;
	case LW_GNBA:
		nd_need(nd, p, 8);
		lwres_flags3(nd, p);
		out_fmt(nd->out, " %u", GET_BE16(nd, p + 4));
		s = p + 8 + lwres_name(nd, GET_BE16(nd, p + 6), p + 8);
		for (n = GET_BE16(nd, p + 4); n; n--)
			s += lwres_namelen(nd, s);
		return s;
	case LW_GRBN:
		nd_need(nd, p, 16);
		lwres_flags3(nd, p);
		lwres_type_class(nd, p + 4);
		ND_STR(nd, " TTL ");
		lan_relts_print(nd, GET_BE32(nd, p + 8));
		out_fmt(nd->out, " %u/%u", GET_BE16(nd, p + 12), GET_BE16(nd, p + 14));
		s = p + 16 + lwres_namelen(nd, p + 16);
		for (n = GET_BE16(nd, p + 12); n; n--)
			s += lwres_binlen(nd, s);
		for (n = GET_BE16(nd, p + 14); n; n--)
			s += lwres_binlen(nd, s);
		return s;
	}
	return NULL;
}

void lwres_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "lwres";
	nd_need(nd, p, LWRES_HDR);
	ND_STR(nd, " lwres");
	unsigned ver = GET_BE16(nd, p + 4);
	uint32_t plen = GET_BE32(nd, p);
	if (nd->o->vflag || ver != 0)
		out_fmt(nd->out, " v%u", ver);
	if (ver != 0) {
		/* another version: only the length check (its end counts as p + length) */
		if (plen != len)
			out_fmt(nd->out, " [len: %u != %u]", plen, len);
		return;
	}
	unsigned flags = GET_BE16(nd, p + 6);
	int response = flags & LWRES_RESPONSE;
	uint32_t op = GET_BE32(nd, p + 12);
	ND_CHR(nd, ' ');
	nd_tok(nd, lwres_ops, "#0x%x", op);
	if (!response)
		ND_CHR(nd, '?');
	if (flags & ~LWRES_RESPONSE)
		out_fmt(nd->out, "[0x%x]", flags);
	if (nd->o->vflag > 1) {
		out_fmt(nd->out, " (serial:0x%x result:0x%x recvlen:%u", GET_BE32(nd, p + 8),
			GET_BE32(nd, p + 16), GET_BE32(nd, p + 20));
		if (nd->o->vflag > 2)
			out_fmt(nd->out, " authtype:0x%x authlen:%u", GET_BE16(nd, p + 24), GET_BE16(nd, p + 26));
		ND_CHR(nd, ')');
	}
	int bad = 0;
	const uint8_t *s = response ? lwres_response(nd, op, p + LWRES_HDR, &bad)
				    : lwres_request(nd, op, p + LWRES_HDR, &bad);
	if (bad) {
		nd_print_invalid(nd);
		return;
	}
	if (plen != len)
		out_fmt(nd->out, " [len: %u != %u]", plen, len);
	if (s && (size_t)(s - p) < plen)
		ND_STR(nd, "[extra]");
}
