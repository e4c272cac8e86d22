/*
 * isakmp.c - ISAKMP / IKEv1 (RFC 2408, 2409) and IKEv2 (RFC 7296) on UDP
 * port 500, their NAT-traversal encapsulation on UDP port 4500 (RFC 3948),
 * and the ESP inside it (print/esp.c).
 *
 * ISAKMP header (28 bytes):
 *   +---------------------------------------------------------------+
 *   |                  Initiator Cookie / SPI (8)                   |
 *   |                  Responder Cookie / SPI (8)                   |
 *   +---------------+-------+-------+---------------+---------------+
 *   | Next Payload  | MjVer | MnVer | Exchange Type |     Flags     |
 *   +---------------+-------+-------+---------------+---------------+
 *   |                          Message ID                           |
 *   |                            Length                             |
 *   +---------------------------------------------------------------+
 *
 * UDP 4500 (RFC 3948): a single 0xff byte is a NAT keepalive; four zero
 * bytes (the non-ESP marker) precede an IKE message; anything else is ESP.
 *
 * ESP header:  SPI (4) | Sequence Number (4) | encrypted payload ...
 *
 * With -v the payload chain is printed as tcpdump 4.99 prints it, one
 * "(name: ...)" per payload on its own indented line, with tcpdump's quirks
 * kept (a few payloads return where their fixed part ends, not where their
 * length says; an attribute list cut short resumes one byte past it).  Two
 * kinds of truncation coexist, as in tcpdump: a check that fails prints the
 * payload's own " [|name]" and stops the chain; a read through the accessors
 * that fails ends the packet with " [|isakmp]".
 *
 * With -E and an "ikev2" line for the message's SPIs, the Encrypted payload
 * (v2e) is decrypted (esp_decrypt.c) into a buffer of this file's and the
 * payloads inside are printed from there, nd->pkt and nd->snapend pointing
 * into it, as print/esp.c does for ESP.
 *
 * IKEv1 names each packet's side (I)nitiator / (R)esponder from a small
 * table of initiator cookies seen in first packets, as tcpdump does; that
 * table is the only state this file keeps across packets.
 */
#include <stdlib.h>
#include <string.h>

#include "esp_decrypt.h"
#include "nd.h"


#define ISAKMP_HDRLEN 28

#define ISAKMP_FLAG_E 0x01
#define ISAKMP_FLAG_C 0x02
#define ISAKMP_FLAG_I 0x08
#define ISAKMP_FLAG_V 0x10
#define ISAKMP_FLAG_R 0x20

static const struct tok isakmp_etype[] = {
	{0, "none"}, {1, "base"}, {2, "ident"}, {3, "auth"}, {4, "agg"}, {5, "inf"},
	{32, "oakley-quick"}, {33, "oakley-newgroup"},
	{34, "ikev2_init"}, {35, "ikev2_auth"}, {36, "child_sa"}, {37, "inf2"},
	{0, NULL},
};

/* Payload names (tcpdump's npstr), "#N" past the table. */
static const char *const np_names[] = {
	"none", "sa", "p", "t", "ke", "id", "cert", "cr", "hash", "sig", "nonce", "n", "d", "vid",
	"pay14", "pay15", "pay16", "pay17", "pay18", "pay19", "pay20", "pay21", "pay22", "pay23",
	"pay24", "pay25", "pay26", "pay27", "pay28", "pay29", "pay30", "pay31", "pay32",
	"v2sa", "v2ke", "v2IDi", "v2IDr", "v2cert", "v2cr", "v2auth", "v2nonce", "v2n", "v2d",
	"v2vid", "v2TSi", "v2TSr", "v2e", "v2cp", "v2eap",
};

#define NP_SA 1
#define NP_P 2
#define NP_T 3
#define NP_V2E 46

/* ---- IKEv1 initiator cookie cache ---- */

#define COOKIE_SLOTS 20

struct cookie_slot {
	uint8_t cookie[8];
	int version;          /* 4, 6, or 0 when unused */
	uint8_t iaddr[16], raddr[16];
};

static struct cookie_slot cookie_cache[COOKIE_SLOTS];
static int cookie_next;

/* Unused slots hold an all-zero cookie, and do match one (as in tcpdump). */
static int cookie_find(const uint8_t ck[8])
{
	for (int i = 0; i < COOKIE_SLOTS; i++)
		if (memcmp(ck, cookie_cache[i].cookie, 8) == 0)
			return i;
	return -1;
}

static void cookie_record(const uint8_t ck[8], const struct ipctx *ip)
{
	int i = cookie_find(ck);
	if (i >= 0) {
		cookie_next = (i + 1) % COOKIE_SLOTS;
		return;
	}
	struct cookie_slot *s = &cookie_cache[cookie_next];
	size_t alen = ip->v6 ? 16 : 4;
	s->version = ip->v6 ? 6 : 4;
	memcpy(s->iaddr, ip->src, alen);
	memcpy(s->raddr, ip->dst, alen);
	memcpy(s->cookie, ck, 8);
	cookie_next = (cookie_next + 1) % COOKIE_SLOTS;
}

/* Is this packet's source the slot's initiator (initiator=1) or responder? */
static int cookie_side(int i, const struct ipctx *ip, int initiator)
{
	const struct cookie_slot *s = &cookie_cache[i];
	if (s->version != (ip->v6 ? 6 : 4))
		return 0;
	return memcmp(ip->src, initiator ? s->iaddr : s->raddr, ip->v6 ? 16 : 4) == 0;
}

/* ---- helpers ---- */

/* One message being printed: what v2e needs of its header, copied (the
 * payloads inside are read from a buffer of their own). */
struct ike {
	uint8_t spii[8], spir[8];
	uint8_t flags;
	int v2;
};

#define V2E_DEPTH_MAX 16        /* v2e inside decrypted v2e ...: deeper is not decrypted */
static int v2e_depth;

/* A name out of a table of strings, or "#N" (tcpdump's STR_OR_ID). */
static void str_or_id(struct nd *nd, const char *const *tab, size_t n, uint32_t v)
{
	if (v < n && tab[v]) {
		ND_STR(nd, tab[v]);
	} else {
		ND_CHR(nd, '#');
		ND_U(nd, v);
	}
}

#define STR_OR_ID(nd, v, tab) str_or_id((nd), (tab), sizeof(tab) / sizeof((tab)[0]), (v))

static void np_str(struct nd *nd, uint32_t np)
{
	STR_OR_ID(nd, np, np_names);
}

/* " [|name]": a payload cut short. */
static void np_trunc(struct nd *nd, uint32_t np)
{
	ND_STR(nd, " [|");
	np_str(nd, np);
	ND_CHR(nd, ']');
}

static const char *const protoid_names[] = {NULL, "isakmp", "ipsec-ah", "ipsec-esp", "ipcomp"};

static void isakmp_hex(struct nd *nd, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		out_hex(nd->out, GET_U8(nd, p + i), 2);
}

/* tcpdump's rawprint: hex when all n bytes are captured, else 0 and nothing printed. */
static int raw(struct nd *nd, const uint8_t *p, size_t n)
{
	if (!nd_ok(nd, p, n))
		return 0;
	isakmp_hex(nd, p, n);
	return 1;
}

/* Bytes from p to ep, negative when p is past ep. */
static long span(const uint8_t *p, const uint8_t *ep)
{
	return (long)((intptr_t)ep - (intptr_t)p);
}

/* tcpdump's ike_show_somedata: " data=(" first 10 bytes "..." last 20 ")". */
static int somedata(struct nd *nd, const uint8_t *cp, const uint8_t *ep)
{
	size_t total = (size_t)span(cp, ep); /* huge when cp is past ep: raw() fails */
	size_t len = total > 10 ? 10 : total;
	size_t endoff = total - 20, elen = 20;
	if (total < 20 || endoff < len) {
		endoff = len;
		elen = total - endoff;
	}
	ND_STR(nd, " data=(");
	if (!raw(nd, cp, len))
		return 0;
	ND_STR(nd, "...");
	if (elen && !raw(nd, cp + endoff, elen))
		return 0;
	ND_CHR(nd, ')');
	return 1;
}

/* Printable ASCII, '.' for the rest (ND_ASCII_ISPRINT). */
static void ascii_dots(struct nd *nd, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t c = GET_U8(nd, p + i);
		ND_CHR(nd, c >= 0x20 && c < 0x7f ? (char)c : '.');
	}
}

/* ---- data attributes (RFC 2408 3.3) ---- */

struct attrmap {
	const char *type;
	unsigned nvalue;
	const char *value[19];
};

#define DH_GROUPS                                                                                \
	NULL, "modp768", "modp1024", "EC2N 2^155", "EC2N 2^185", "modp1536", "iana-grp06",       \
	"iana-grp07", "iana-grp08", "iana-grp09", "iana-grp10", "iana-grp11", "iana-grp12",    \
	"iana-grp13", "modp2048", "modp3072", "modp4096", "modp6144", "modp8192"

static const struct attrmap ipsec_t_map[] = {
	{NULL, 0, {NULL}},
	{"lifetype", 3, {NULL, "sec", "kb"}},
	{"life", 0, {NULL}},
	{"group desc", 18, {DH_GROUPS}},
	{"enc mode", 3, {NULL, "tunnel", "transport"}},
	{"auth", 5, {NULL, "hmac-md5", "hmac-sha1", "1des-mac", "keyed"}},
	{"keylen", 0, {NULL}},
	{"rounds", 0, {NULL}},
	{"dictsize", 0, {NULL}},
	{"privalg", 0, {NULL}},
};

static const struct attrmap encr_t_map[] = {
	[14] = {"keylen", 14, {NULL}},
};

static const struct attrmap oakley_t_map[] = {
	{NULL, 0, {NULL}},
	{"enc", 8, {NULL, "1des", "idea", "blowfish", "rc5", "3des", "cast", "aes"}},
	{"hash", 7, {NULL, "md5", "sha1", "tiger", "sha2-256", "sha2-384", "sha2-512"}},
	{"auth", 6, {NULL, "preshared", "dss", "rsa sig", "rsa enc", "rsa enc revised"}},
	{"group desc", 18, {DH_GROUPS}},
	{"group type", 4, {NULL, "MODP", "ECP", "EC2N"}},
	{"group prime", 0, {NULL}},
	{"group gen1", 0, {NULL}},
	{"group gen2", 0, {NULL}},
	{"group curve A", 0, {NULL}},
	{"group curve B", 0, {NULL}},
	{"lifetype", 3, {NULL, "sec", "kb"}},
	{"lifeduration", 0, {NULL}},
	{"prf", 0, {NULL}},
	{"keylen", 0, {NULL}},
	{"field", 0, {NULL}},
	{"order", 0, {NULL}},
};

#define NMAP(m) (sizeof(m) / sizeof((m)[0]))

/*
 * One attribute (map NULL: type and value as numbers).  Returns the next one,
 * ep2 + 1 after "[|attr]" (an attribute longer than its transform), NULL when
 * the value is not captured (the caller prints its marker).
 */
static const uint8_t *attr_print(struct nd *nd, const uint8_t *p, const uint8_t *ep2, const struct attrmap *map,
				 size_t nmap)
{
	int tv = GET_U8(nd, p) & 0x80;
	uint32_t totlen = tv ? 4 : 4u + GET_BE16(nd, p + 2);
	if (span(p, ep2) < (long)totlen) {
		ND_STR(nd, "[|attr]");
		return ep2 + 1;
	}
	ND_CHR(nd, '(');
	uint32_t t = GET_BE16(nd, p) & 0x7fff;
	if (map && t < nmap && map[t].type) {
		ND_STR(nd, "type=");
		ND_STR(nd, map[t].type);
		ND_CHR(nd, ' ');
	} else {
		out_fmt(nd->out, "type=#%u ", t);
	}
	if (tv) {
		ND_STR(nd, "value=");
		uint32_t v = GET_BE16(nd, p + 2);
		if (map && t < nmap && v < map[t].nvalue && map[t].value[v]) {
			ND_STR(nd, map[t].value[v]);
		} else if (!raw(nd, p + 2, 2)) {
			ND_CHR(nd, ')');
			return NULL;
		}
	} else {
		out_fmt(nd->out, "len=%u value=", totlen - 4);
		if (!raw(nd, p + 4, totlen - 4)) {
			ND_CHR(nd, ')');
			return NULL;
		}
	}
	ND_CHR(nd, ')');
	return p + totlen;
}

/* The attributes of a transform, up to its end or the capture's. */
static const uint8_t *attrs_print(struct nd *nd, const uint8_t *cp, const uint8_t *ep, const uint8_t *ep2,
				  const struct attrmap *map, size_t nmap)
{
	while (span(cp, ep) > 0 && span(cp, ep2) > 0) {
		cp = attr_print(nd, cp, ep2, map, nmap);
		if (!cp)
			return NULL;
	}
	if (span(ep2, ep) < 0)
		ND_STR(nd, "...");
	return cp;
}

/* ---- the payload chain ---- */

typedef const uint8_t *pay_fn(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			      uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto,
			      int depth);

static const uint8_t *sub_print(struct nd *nd, const struct ike *ike, uint8_t np, const uint8_t *ext,
				const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto, int depth);

/* "\n" and four spaces a level, then "(" */
static void indent_open(struct nd *nd, int depth)
{
	ND_CHR(nd, '\n');
	for (int i = 0; i < depth; i++)
		ND_STR(nd, "    ");
	ND_CHR(nd, '(');
}

/* ---- IKEv1 payloads ---- */

static const uint8_t *v1_sa(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			    uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi0, uint32_t proto0,
			    int depth)
{
	(void)tpay, (void)item_len, (void)doi0;
	ND_STR(nd, "sa:");
	if (!nd_ok(nd, ext, 12))
		goto trunc;
	uint32_t doi = GET_BE32(nd, ext + 4), sit = GET_BE32(nd, ext + 8);
	if (doi != 1) {
		out_fmt(nd->out, " doi=%u situation=%u", doi, sit);
		return ext + 12;
	}
	ND_STR(nd, " doi=ipsec situation=");
	int t = 0;
	if (sit & 1) {
		ND_STR(nd, "identity");
		t++;
	}
	if (sit & 2) {
		ND_STR(nd, t ? "+secrecy" : "secrecy");
		t++;
	}
	if (sit & 4)
		ND_STR(nd, t ? "+integrity" : "integrity");
	const uint8_t *np = ext + 12;
	if (sit != 1) {
		/* tcpdump reads the "ident" one generic header in: the DOI again */
		out_fmt(nd->out, " ident=%u", GET_BE32(nd, ext + 4));
		np += 4;
	}
	if (!nd_ok(nd, np, 4))
		goto trunc;
	return sub_print(nd, ike, NP_P, np, ep, phase, doi, proto0, depth);
trunc:
	np_trunc(nd, NP_SA);
	return NULL;
}

static const uint8_t *v1_p(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			   uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi0, uint32_t proto0,
			   int depth)
{
	(void)tpay, (void)item_len, (void)proto0;
	ND_STR(nd, "p:");
	if (!nd_ok(nd, ext, 8))
		goto trunc;
	uint8_t prot = GET_U8(nd, ext + 5), spi_size = GET_U8(nd, ext + 6);
	out_fmt(nd->out, " #%u protoid=", GET_U8(nd, ext + 4));
	STR_OR_ID(nd, prot, protoid_names);
	out_fmt(nd->out, " transform=%u", GET_U8(nd, ext + 7));
	if (spi_size) {
		ND_STR(nd, " spi=");
		if (!raw(nd, ext + 8, spi_size))
			goto trunc;
	}
	const uint8_t *t = ext + 8 + spi_size;
	if (!nd_ok(nd, t, 4))
		goto trunc;
	return sub_print(nd, ike, NP_T, t, ep, phase, doi0, prot, depth);
trunc:
	np_trunc(nd, NP_P);
	return NULL;
}

static const char *const ikev1_p_map[] = {NULL, "ike"};
static const char *const ah_p_map[] = {NULL, "(reserved)", "md5", "sha", "1des", "sha2-256", "sha2-384", "sha2-512"};
static const char *const esp_p_map[] = {NULL,	   "1des-iv64", "1des", "3des",   "rc5",  "idea", "cast",
					"blowfish", "3idea",	 "1des-iv32", "rc4", "null", "aes"};
static const char *const ipcomp_p_map[] = {NULL, "oui", "deflate", "lzs"};

static const uint8_t *v1_t(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			   uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto,
			   int depth)
{
	(void)ike, (void)tpay, (void)phase, (void)doi, (void)depth;
	ND_STR(nd, "t:");
	if (!nd_ok(nd, ext, 8))
		goto trunc;
	uint8_t t_no = GET_U8(nd, ext + 4), t_id = GET_U8(nd, ext + 5);
	const struct attrmap *map = ipsec_t_map;
	size_t nmap = NMAP(ipsec_t_map);
	out_fmt(nd->out, " #%u id=", t_no);
	switch (proto) {
	case 1:
		STR_OR_ID(nd, t_id, ikev1_p_map);
		map = oakley_t_map;
		nmap = NMAP(oakley_t_map);
		break;
	case 2:
		STR_OR_ID(nd, t_id, ah_p_map);
		break;
	case 3:
		STR_OR_ID(nd, t_id, esp_p_map);
		break;
	case 4:
		STR_OR_ID(nd, t_id, ipcomp_p_map);
		break;
	default:
		ND_U(nd, t_id);
		map = NULL;
		nmap = 0;
		break;
	}
	ND_CHR(nd, ' ');
	const uint8_t *cp = attrs_print(nd, ext + 8, ep, ext + item_len, map, nmap);
	if (!cp)
		goto trunc;
	return cp;
trunc:
	np_trunc(nd, NP_T);
	return NULL;
}

/* KE, hash, signature, vendor ID: " len=N" (and the bytes with -vvv). */
static const uint8_t *v1_gen(struct nd *nd, uint8_t tpay, const char *label, const uint8_t *ext,
			     uint32_t item_len)
{
	np_str(nd, tpay);
	ND_CHR(nd, ':');
	if (!nd_ok(nd, ext, 4))
		goto trunc;
	ND_STR(nd, label);
	ND_U(nd, item_len - 4);
	if (nd->o->vflag > 2 && item_len > 4) {
		ND_CHR(nd, ' ');
		if (!raw(nd, ext + 4, item_len - 4))
			goto trunc;
	}
	return ext + item_len;
trunc:
	np_trunc(nd, tpay);
	return NULL;
}

static const uint8_t *v1_ke(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			    uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto,
			    int depth)
{
	(void)ike, (void)ep, (void)phase, (void)doi, (void)proto, (void)depth;
	return v1_gen(nd, tpay, " key len=", ext, item_len);
}

static const uint8_t *v1_plain(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			       uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto,
			       int depth)
{
	(void)ike, (void)ep, (void)phase, (void)doi, (void)proto, (void)depth;
	return v1_gen(nd, tpay, " len=", ext, item_len);
}

static const uint8_t *v1_id(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			    uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto,
			    int depth)
{
	(void)ike, (void)tpay, (void)ep, (void)phase, (void)doi, (void)proto, (void)depth;
	static const char *const ipsecidtypestr[] = {
		NULL, "IPv4", "FQDN", "user FQDN", "IPv4net", "IPv6", "IPv6net", "IPv4range", "IPv6range",
		"ASN1 DN", "ASN1 GN", "keyid",
	};
	ND_STR(nd, "id:");
	if (!nd_ok(nd, ext, 8))
		goto trunc;
	const uint8_t *data = item_len > 8 ? ext + 8 : NULL;
	uint32_t len = item_len > 8 ? item_len - 8 : 0;
	/* phase 1 and 2 alike: the IPsec DOI's form */
	uint8_t type = GET_U8(nd, ext + 4), proto_id = GET_U8(nd, ext + 5);
	ND_STR(nd, " idtype=");
	STR_OR_ID(nd, type, ipsecidtypestr);
	const char *pname = !nd->o->nflag && proto_id ? proto_names_get(proto_id) : NULL;
	if (pname) {
		ND_STR(nd, " protoid=");
		ND_STR(nd, pname);
	} else {
		out_fmt(nd->out, " protoid=%u", proto_id);
	}
	out_fmt(nd->out, " port=%u", GET_BE16(nd, ext + 6));
	if (len) {
		if (!nd_ok(nd, data, len))
			goto trunc;
		switch (type) {
		case 1: /* IPv4 */
			out_fmt(nd->out, " len=%u", len);
			if (len < 4) {
				ND_STR(nd, " [bad: < 4]");
			} else {
				ND_CHR(nd, ' ');
				nd_ipaddr(nd, data);
			}
			len = 0;
			break;
		case 2: /* FQDN, user FQDN */
		case 3:
			out_fmt(nd->out, " len=%u ", len);
			for (uint32_t i = 0; i < len; i++)
				nd_putc_esc(nd, GET_U8(nd, data + i));
			len = 0;
			break;
		case 4: /* IPv4 subnet */
			out_fmt(nd->out, " len=%u", len);
			if (len < 8) {
				ND_STR(nd, " [bad: < 8]");
			} else {
				ND_CHR(nd, ' ');
				nd_ipaddr(nd, data);
				out_fmt(nd->out, "/%u.%u.%u.%u", GET_U8(nd, data + 4), GET_U8(nd, data + 5),
					GET_U8(nd, data + 6), GET_U8(nd, data + 7));
			}
			len = 0;
			break;
		case 5: /* IPv6 */
			out_fmt(nd->out, " len=%u", len);
			if (len < 16) {
				ND_STR(nd, " [bad: < 16]");
			} else {
				ND_CHR(nd, ' ');
				nd_ip6addr(nd, data);
			}
			len = 0;
			break;
		case 6: /* IPv6 subnet */
			out_fmt(nd->out, " len=%u", len);
			if (len < 32) {
				ND_STR(nd, " [bad: < 32]");
			} else {
				ND_CHR(nd, ' ');
				nd_ip6addr(nd, data);
				ND_STR(nd, "/0x");
				isakmp_hex(nd, data + 16, 16);
			}
			len = 0;
			break;
		case 7: /* IPv4 range */
		case 8: /* IPv6 range */
			out_fmt(nd->out, " len=%u", len);
			if (len < (type == 7 ? 8u : 32u)) {
				ND_STR(nd, type == 7 ? " [bad: < 8]" : " [bad: < 32]");
			} else if (type == 7) {
				ND_CHR(nd, ' ');
				nd_ipaddr(nd, data);
				ND_CHR(nd, '-');
				nd_ipaddr(nd, data + 4);
			} else {
				ND_CHR(nd, ' ');
				nd_ip6addr(nd, data);
				ND_CHR(nd, '-');
				nd_ip6addr(nd, data + 16);
			}
			len = 0;
			break;
		default:
			break;
		}
	}
	if (data && len) {
		out_fmt(nd->out, " len=%u", len);
		if (nd->o->vflag > 2) {
			ND_CHR(nd, ' ');
			if (!raw(nd, data, len))
				goto trunc;
		}
	}
	return ext + item_len;
trunc:
	np_trunc(nd, 5);
	return NULL;
}

static const uint8_t *v1_cert(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			      uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto,
			      int depth)
{
	(void)ike, (void)ep, (void)phase, (void)doi, (void)proto, (void)depth;
	static const char *const certstr[] = {
		"none", "pkcs7", "pgp", "dns", "x509sign", "x509ke", "kerberos", "crl", "arl", "spki", "x509attr",
	};
	np_str(nd, tpay);
	ND_CHR(nd, ':');
	if (!nd_ok(nd, ext, 6))
		goto trunc;
	out_fmt(nd->out, " len=%u type=", item_len - 4);
	STR_OR_ID(nd, GET_U8(nd, ext + 4), certstr);
	if (nd->o->vflag > 2 && item_len > 4) {
		ND_CHR(nd, ' ');
		if (!raw(nd, ext + 4, item_len - 4))
			goto trunc;
	}
	return ext + item_len;
trunc:
	np_trunc(nd, tpay);
	return NULL;
}

static const uint8_t *v1_nonce(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			       uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto,
			       int depth)
{
	(void)ike, (void)tpay, (void)phase, (void)doi, (void)proto, (void)depth;
	ND_STR(nd, "nonce:");
	if (!nd_ok(nd, ext, 4))
		goto trunc;
	out_fmt(nd->out, " n len=%u", item_len - 4);
	if (item_len > 4) {
		if (nd->o->vflag > 2) {
			ND_CHR(nd, ' ');
			if (!raw(nd, ext + 4, item_len - 4))
				goto trunc;
		} else if (nd->o->vflag > 1) {
			ND_CHR(nd, ' ');
			if (!somedata(nd, ext + 4, ep))
				goto trunc;
		}
	}
	return ext + item_len;
trunc:
	np_trunc(nd, 10);
	return NULL;
}

static void v1_n_type(struct nd *nd, uint16_t type, int ipsec)
{
	static const char *const notify_error_str[] = {
		NULL, "INVALID-PAYLOAD-TYPE", "DOI-NOT-SUPPORTED", "SITUATION-NOT-SUPPORTED", "INVALID-COOKIE",
		"INVALID-MAJOR-VERSION", "INVALID-MINOR-VERSION", "INVALID-EXCHANGE-TYPE", "INVALID-FLAGS",
		"INVALID-MESSAGE-ID", "INVALID-PROTOCOL-ID", "INVALID-SPI", "INVALID-TRANSFORM-ID",
		"ATTRIBUTES-NOT-SUPPORTED", "NO-PROPOSAL-CHOSEN", "BAD-PROPOSAL-SYNTAX", "PAYLOAD-MALFORMED",
		"INVALID-KEY-INFORMATION", "INVALID-ID-INFORMATION", "INVALID-CERT-ENCODING",
		"INVALID-CERTIFICATE", "CERT-TYPE-UNSUPPORTED", "INVALID-CERT-AUTHORITY",
		"INVALID-HASH-INFORMATION", "AUTHENTICATION-FAILED", "INVALID-SIGNATURE",
		"ADDRESS-NOTIFICATION", "NOTIFY-SA-LIFETIME", "CERTIFICATE-UNAVAILABLE",
		"UNSUPPORTED-EXCHANGE-TYPE", "UNEQUAL-PAYLOAD-LENGTHS",
	};
	static const char *const ipsec_notify_error_str[] = {"RESERVED"};
	static const char *const notify_status_str[] = {"CONNECTED"};
	static const char *const ipsec_notify_status_str[] = {"RESPONDER-LIFETIME", "REPLAY-STATUS",
							      "INITIAL-CONTACT"};
	ND_STR(nd, " type=");
	if (type < 8192)
		STR_OR_ID(nd, type, notify_error_str);
	else if (type < 16384 && ipsec)
		STR_OR_ID(nd, type - 8192u, ipsec_notify_error_str);
	else if (type >= 16384 && type < 24576)
		STR_OR_ID(nd, type - 16384u, notify_status_str);
	else if (type >= 24576 && type < 32768 && ipsec)
		STR_OR_ID(nd, type - 24576u, ipsec_notify_status_str);
	else
		out_fmt(nd->out, "#%u", type);
}

static const uint8_t *v1_n(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			   uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi0, uint32_t proto0,
			   int depth)
{
	(void)ike, (void)tpay, (void)phase, (void)doi0, (void)proto0, (void)depth;
	ND_STR(nd, "n:");
	if (!nd_ok(nd, ext, 12))
		goto trunc;
	uint32_t doi = GET_BE32(nd, ext + 4);
	uint8_t proto = GET_U8(nd, ext + 8), spi_size;
	uint16_t type;
	if (doi != 1) {
		out_fmt(nd->out, " doi=%u proto=%u", doi, proto);
		type = GET_BE16(nd, ext + 10);
		v1_n_type(nd, type, 0);
		spi_size = GET_U8(nd, ext + 9);
		if (spi_size) {
			ND_STR(nd, " spi=");
			if (!raw(nd, ext + 12, spi_size))
				goto trunc;
		}
		return ext + 12 + spi_size;
	}
	ND_STR(nd, " doi=ipsec proto=");
	STR_OR_ID(nd, proto, protoid_names);
	type = GET_BE16(nd, ext + 10);
	v1_n_type(nd, type, 1);
	spi_size = GET_U8(nd, ext + 9);
	if (spi_size) {
		ND_STR(nd, " spi=");
		if (!raw(nd, ext + 12, spi_size))
			goto trunc;
	}
	const uint8_t *cp = ext + 12 + spi_size, *ep2 = ext + item_len;
	if (span(cp, ep) > 0) {
		switch (type) {
		case 24576: /* RESPONDER-LIFETIME */
			ND_STR(nd, " attrs=(");
			while (span(cp, ep) > 0 && span(cp, ep2) > 0) {
				cp = attr_print(nd, cp, ep2, oakley_t_map, NMAP(oakley_t_map));
				if (!cp) {
					ND_CHR(nd, ')');
					goto trunc;
				}
			}
			ND_CHR(nd, ')');
			break;
		case 24577: /* REPLAY-STATUS */
			ND_STR(nd, " status=(");
			ND_STR(nd, GET_BE32(nd, cp) ? "replay detection enabled)" : "replay detection disabled)");
			break;
		default:
			if (nd->o->vflag > 3) {
				ND_STR(nd, " data=(");
				if (!raw(nd, cp, (size_t)span(cp, ep)))
					goto trunc;
				ND_CHR(nd, ')');
			} else if (!somedata(nd, cp, ep)) {
				goto trunc;
			}
			break;
		}
	}
	return ext + item_len;
trunc:
	np_trunc(nd, 11);
	return NULL;
}

static const uint8_t *v1_d(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			   uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi0, uint32_t proto0,
			   int depth)
{
	(void)ike, (void)tpay, (void)item_len, (void)ep, (void)phase, (void)doi0, (void)proto0, (void)depth;
	ND_STR(nd, "d:");
	if (!nd_ok(nd, ext, 12))
		goto trunc;
	uint32_t doi = GET_BE32(nd, ext + 4);
	uint8_t proto = GET_U8(nd, ext + 8);
	if (doi != 1) {
		out_fmt(nd->out, " doi=%u proto=%u", doi, proto);
	} else {
		ND_STR(nd, " doi=ipsec proto=");
		STR_OR_ID(nd, proto, protoid_names);
	}
	uint8_t spi_size = GET_U8(nd, ext + 9);
	uint16_t num_spi = GET_BE16(nd, ext + 10);
	out_fmt(nd->out, " spilen=%u nspi=%u", spi_size, num_spi);
	const uint8_t *q = ext + 12;
	ND_STR(nd, " spi=");
	for (unsigned i = 0; i < num_spi; i++) {
		if (i)
			ND_CHR(nd, ',');
		if (!raw(nd, q, spi_size))
			goto trunc;
		q += spi_size;
	}
	return q;
trunc:
	np_trunc(nd, 12);
	return NULL;
}

/* ---- IKEv2 payloads ---- */

static void v2_pay(struct nd *nd, const char *name, uint8_t critical)
{
	ND_STR(nd, name);
	if (critical & 0x80)
		ND_STR(nd, "[C]");
	ND_CHR(nd, ':');
}

static void v2_pay_np(struct nd *nd, uint8_t np, uint8_t critical)
{
	np_str(nd, np);
	if (critical & 0x80)
		ND_STR(nd, "[C]");
	ND_CHR(nd, ':');
}

/* cert, cr, d, TSi, TSr, cp, eap: " len=N" (and the bytes with -vvv). */
static const uint8_t *v2_gen(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			     uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto,
			     int depth)
{
	(void)ike, (void)ep, (void)phase, (void)doi, (void)proto, (void)depth;
	if (!nd_ok(nd, ext, 4))
		goto trunc;
	v2_pay_np(nd, tpay, GET_U8(nd, ext + 1));
	out_fmt(nd->out, " len=%u", item_len - 4);
	if (nd->o->vflag > 2 && item_len > 4) {
		ND_CHR(nd, ' ');
		if (!raw(nd, ext + 4, item_len - 4))
			goto trunc;
	}
	return ext + item_len;
trunc:
	np_trunc(nd, tpay);
	return NULL;
}

static const char *const v2_t_type_map[] = {NULL, "encr", "prf", "integ", "dh", "esn"};
static const char *const prf_p_map[] = {NULL, "hmac-md5", "hmac-sha", "hmac-tiger", "aes128_xcbc"};
static const char *const integ_p_map[] = {NULL, "hmac-md5", "hmac-sha", "dec-mac", "kpdk-md5", "aes-xcbc"};
static const char *const esn_p_map[] = {"no-esn", "esn"};
static const char *const dh_p_map[] = {DH_GROUPS};

static const uint8_t *v2_t(struct nd *nd, int tcount, const uint8_t *ext, uint32_t item_len, const uint8_t *ep)
{
	if (!nd_ok(nd, ext, 8))
		goto trunc;
	v2_pay_np(nd, NP_T, GET_U8(nd, ext + 1));
	uint16_t t_id = GET_BE16(nd, ext + 6);
	uint8_t t_type = GET_U8(nd, ext + 4);
	const struct attrmap *map = NULL;
	size_t nmap = 0;
	out_fmt(nd->out, " #%u type=", tcount);
	STR_OR_ID(nd, t_type, v2_t_type_map);
	ND_STR(nd, " id=");
	switch (t_type) {
	case 1:
		STR_OR_ID(nd, t_id, esp_p_map);
		map = encr_t_map;
		nmap = NMAP(encr_t_map);
		break;
	case 2:
		STR_OR_ID(nd, t_id, prf_p_map);
		break;
	case 3:
		STR_OR_ID(nd, t_id, integ_p_map);
		break;
	case 4:
		STR_OR_ID(nd, t_id, dh_p_map);
		break;
	case 5:
		STR_OR_ID(nd, t_id, esn_p_map);
		break;
	default:
		ND_U(nd, t_id);
		break;
	}
	ND_CHR(nd, ' ');
	const uint8_t *cp = attrs_print(nd, ext + 8, ep, ext + item_len, map, nmap);
	if (!cp)
		goto trunc;
	return cp;
trunc:
	np_trunc(nd, NP_T);
	return NULL;
}

/* The proposals of an SA or the transforms of a proposal: counted items, each "(...)". */
static const uint8_t *v2_p(struct nd *nd, const uint8_t *ext, uint32_t oprop_length, const uint8_t *ep, int depth)
{
	const uint8_t *cp;
	if (!nd_ok(nd, ext, 8))
		goto trunc;
	v2_pay_np(nd, NP_P, GET_U8(nd, ext + 1));
	uint32_t prop_length = oprop_length - 4;
	out_fmt(nd->out, " #%u protoid=", GET_U8(nd, ext + 4));
	STR_OR_ID(nd, GET_U8(nd, ext + 5), protoid_names);
	out_fmt(nd->out, " transform=%u len=%u", GET_U8(nd, ext + 7), oprop_length);
	cp = ext + 8;
	uint8_t spi_size = GET_U8(nd, ext + 6);
	if (spi_size) {
		if (prop_length < spi_size)
			goto toolong;
		ND_STR(nd, " spi=");
		if (!raw(nd, cp, spi_size))
			goto trunc;
		cp += spi_size;
		prop_length -= spi_size;
	}
	int tcount = 0;
	for (uint8_t np = NP_T; np != 0; np = GET_U8(nd, ext)) {
		tcount++;
		ext = cp;
		if (prop_length < 4)
			goto toolong;
		if (!nd_ok(nd, ext, 4))
			goto trunc;
		uint32_t item_len = GET_BE16(nd, ext + 2);
		if (item_len <= 4)
			goto trunc;
		if (prop_length < item_len)
			goto toolong;
		if (!nd_ok(nd, cp, item_len))
			goto trunc;
		indent_open(nd, depth + 1);
		if (np == NP_T) {
			cp = v2_t(nd, tcount, ext, item_len, ep);
			if (!cp)
				return NULL;
		} else {
			np_str(nd, np);
			cp += item_len;
		}
		ND_CHR(nd, ')');
		prop_length -= item_len;
	}
	return cp;
toolong:
	np_trunc(nd, NP_P);
	return cp + prop_length;
trunc:
	np_trunc(nd, NP_P);
	return NULL;
}

static const uint8_t *v2_sa(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext1,
			    uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto,
			    int depth)
{
	(void)ike, (void)item_len, (void)phase, (void)doi, (void)proto;
	const uint8_t *cp = ext1 + 4, *ext = ext1;
	if (!nd_ok(nd, ext1, 4))
		goto trunc;
	v2_pay(nd, "sa", GET_U8(nd, ext1 + 1));
	uint32_t sa_length = GET_BE16(nd, ext1 + 2) - 4u;
	out_fmt(nd->out, " len=%u", sa_length);
	for (uint8_t np = NP_P; np != 0; np = GET_U8(nd, ext)) {
		ext = cp;
		if (sa_length < 4)
			goto toolong;
		if (!nd_ok(nd, ext, 4))
			goto trunc;
		uint32_t len = GET_BE16(nd, ext + 2);
		if (len <= 4)
			goto trunc;
		if (sa_length < len)
			goto toolong;
		if (!nd_ok(nd, cp, len))
			goto trunc;
		indent_open(nd, depth + 1);
		if (np == NP_P) {
			cp = v2_p(nd, ext, len, ep, depth + 1);
			if (!cp)
				return NULL;
		} else {
			np_str(nd, np);
			cp += len;
		}
		ND_CHR(nd, ')');
		sa_length -= len;
	}
	return cp;
toolong:
	np_trunc(nd, tpay);
	return cp + sa_length;
trunc:
	np_trunc(nd, tpay);
	return NULL;
}

static const uint8_t *v2_ke(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			    uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto,
			    int depth)
{
	(void)ike, (void)ep, (void)phase, (void)doi, (void)proto, (void)depth;
	if (!nd_ok(nd, ext, 8))
		goto trunc;
	v2_pay_np(nd, tpay, GET_U8(nd, ext + 1));
	if (item_len < 8) {
		out_fmt(nd->out, " len=%u < 8", item_len);
		return ext + item_len;
	}
	out_fmt(nd->out, " len=%u group=", item_len - 8);
	STR_OR_ID(nd, GET_BE16(nd, ext + 4), dh_p_map);
	if (nd->o->vflag > 2 && item_len > 8) {
		ND_CHR(nd, ' ');
		if (!raw(nd, ext + 8, item_len - 8))
			goto trunc;
	}
	return ext + item_len;
trunc:
	np_trunc(nd, tpay);
	return NULL;
}

static const uint8_t *v2_id(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			    uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto,
			    int depth)
{
	(void)ike, (void)ep, (void)phase, (void)doi, (void)proto, (void)depth;
	if (!nd_ok(nd, ext, 8))
		goto trunc;
	v2_pay_np(nd, tpay, GET_U8(nd, ext + 1));
	out_fmt(nd->out, " len=%u", item_len - 4);
	if (nd->o->vflag > 2 && item_len > 4) {
		ND_CHR(nd, ' ');
		if (!raw(nd, ext + 4, item_len - 4))
			goto trunc;
	}
	uint32_t idtype_len = item_len - 8; /* wraps below 8: nothing is that long */
	const uint8_t *typedata = ext + 8;
	int ascii = 0, hex = 0;
	switch (GET_U8(nd, ext + 4)) {
	case 1: ND_STR(nd, " ipv4:"); hex = 1; break;
	case 2: ND_STR(nd, " fqdn:"); ascii = 1; break;
	case 3: ND_STR(nd, " rfc822:"); ascii = 1; break;
	case 5: ND_STR(nd, " ipv6:"); hex = 1; break;
	case 9: ND_STR(nd, " dn:"); hex = 1; break;
	case 10: ND_STR(nd, " gn:"); hex = 1; break;
	case 11: ND_STR(nd, " keyid:"); hex = 1; break;
	default: break;
	}
	if (ascii) {
		if (!nd_ok(nd, typedata, idtype_len))
			goto trunc;
		ascii_dots(nd, typedata, idtype_len);
	}
	if (hex && !raw(nd, typedata, idtype_len))
		goto trunc;
	return ext + item_len;
trunc:
	np_trunc(nd, tpay);
	return NULL;
}

static const uint8_t *v2_auth(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			      uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto,
			      int depth)
{
	(void)ike, (void)phase, (void)doi, (void)proto, (void)depth;
	static const char *const v2_auth_names[] = {"invalid", "rsasig", "shared-secret", "dsssig"};
	if (!nd_ok(nd, ext, 8))
		goto trunc;
	v2_pay_np(nd, tpay, GET_U8(nd, ext + 1));
	out_fmt(nd->out, " len=%u method=", item_len - 4);
	STR_OR_ID(nd, GET_U8(nd, ext + 4), v2_auth_names);
	if (item_len > 4) {
		if (nd->o->vflag > 1) {
			ND_STR(nd, " authdata=(");
			/* below 8 the length wraps in tcpdump's size_t: never captured */
			if (item_len < 8 || !raw(nd, ext + 8, item_len - 8))
				goto trunc;
			ND_STR(nd, ") ");
		} else if (!somedata(nd, ext + 8, ep)) {
			goto trunc;
		}
	}
	return ext + item_len;
trunc:
	np_trunc(nd, tpay);
	return NULL;
}

static const uint8_t *v2_nonce(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			       uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto,
			       int depth)
{
	(void)ike, (void)phase, (void)doi, (void)proto, (void)depth;
	if (!nd_ok(nd, ext, 4))
		goto trunc;
	v2_pay(nd, "nonce", GET_U8(nd, ext + 1));
	out_fmt(nd->out, " len=%u", item_len - 4);
	if (nd->o->vflag > 1 && item_len > 4) {
		ND_STR(nd, " nonce=(");
		if (!raw(nd, ext + 4, item_len - 4))
			goto trunc;
		ND_STR(nd, ") ");
	} else if (item_len > 4 && !somedata(nd, ext + 4, ep)) {
		goto trunc;
	}
	return ext + item_len;
trunc:
	np_trunc(nd, tpay);
	return NULL;
}

/* IKEv2 notify types tcpdump names; showspi: print the SPI; 2: also some data. */
static const struct v2_notify {
	uint16_t type;
	uint8_t show;
	const char *name;
} v2_notify[] = {
	{1, 0, "unsupported_critical_payload"}, {4, 1, "invalid_ike_spi"},
	{5, 0, "invalid_major_version"}, {7, 1, "invalid_syntax"}, {9, 1, "invalid_message_id"},
	{11, 1, "invalid_spi"}, {14, 1, "no_protocol_chosen"}, {17, 1, "invalid_ke_payload"},
	{24, 1, "authentication_failed"}, {34, 1, "single_pair_required"}, {35, 0, "no_additional_sas"},
	{36, 0, "internal_address_failure"}, {37, 0, "failed:cp_required"}, {39, 0, "invalid_selectors"},
	{16384, 0, "initial_contact"}, {16385, 0, "set_window_size"}, {16386, 0, "additional_ts_possible"},
	{16387, 0, "ipcomp_supported"}, {16388, 1, "nat_detection_source_ip"},
	{16389, 1, "nat_detection_destination_ip"}, {16390, 2, "cookie"}, {16391, 0, "use_transport_mode"},
	{16392, 0, "http_cert_lookup_supported"}, {16393, 1, "rekey_sa"},
	{16394, 0, "tfc_padding_not_supported"}, {16395, 0, "non_first_fragment_also"},
};

static const uint8_t *v2_n(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			   uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto,
			   int depth)
{
	(void)ike, (void)tpay, (void)phase, (void)doi, (void)proto, (void)depth;
	if (!nd_ok(nd, ext, 8))
		goto trunc;
	v2_pay_np(nd, 11, GET_U8(nd, ext + 1));
	ND_STR(nd, " prot_id=");
	STR_OR_ID(nd, GET_U8(nd, ext + 4), protoid_names);
	uint16_t type = GET_BE16(nd, ext + 6);
	const char *name = NULL;
	int showspi = 1, showsomedata = 0;
	for (size_t i = 0; i < sizeof v2_notify / sizeof v2_notify[0]; i++) {
		if (v2_notify[i].type == type) {
			name = v2_notify[i].name;
			showspi = v2_notify[i].show != 0;
			showsomedata = v2_notify[i].show == 2;
		}
	}
	if (!name)
		name = type < 8192 ? "error" : type < 16384 ? "private-error" : type < 40960 ? "status" : "private-status";
	out_fmt(nd->out, " type=%u(%s)", type, name);
	uint8_t spi_size = GET_U8(nd, ext + 5);
	if (showspi && spi_size) {
		ND_STR(nd, " spi=");
		if (!raw(nd, ext + 8, spi_size))
			goto trunc;
	}
	const uint8_t *cp = ext + 8 + spi_size;
	long left = span(cp, ep);
	if (left > 0) {
		if (nd->o->vflag > 3 || (showsomedata && left < 30)) {
			ND_STR(nd, " data=(");
			if (!raw(nd, cp, (size_t)left))
				goto trunc;
			ND_CHR(nd, ')');
		} else if (showsomedata && !somedata(nd, cp, ep)) {
			goto trunc;
		}
	}
	return ext + item_len;
trunc:
	np_trunc(nd, 11);
	return NULL;
}

static const uint8_t *v2_vid(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			     uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto,
			     int depth)
{
	(void)ike, (void)ep, (void)phase, (void)doi, (void)proto, (void)depth;
	if (!nd_ok(nd, ext, 4))
		goto trunc;
	v2_pay_np(nd, tpay, GET_U8(nd, ext + 1));
	uint32_t len = item_len - 4;
	out_fmt(nd->out, " len=%u vid=", len);
	if (!nd_ok(nd, ext + 4, len))
		goto trunc;
	ascii_dots(nd, ext + 4, len);
	if (nd->o->vflag > 2 && len > 4) {
		ND_CHR(nd, ' ');
		if (!raw(nd, ext + 4, len))
			goto trunc;
	}
	return ext + item_len;
trunc:
	np_trunc(nd, tpay);
	return NULL;
}

/* ---- IKEv2 Encrypted payload (-E) ---- */

/*
 * Decrypt the v2e body [dat, dat+dlen) with the "ikev2" association of this
 * message's SPIs and print the payloads inside from the plaintext (IV first,
 * the integrity checksum last, as tcpdump takes them).
 */
static void v2_e_decrypt(struct nd *nd, const struct ike *ike, uint8_t np, const uint8_t *dat, uint32_t dlen,
			 uint32_t phase, uint32_t doi, uint32_t proto, int depth)
{
	if (!esp_sa_ready(nd->out) || v2e_depth >= V2E_DEPTH_MAX)
		return;
	const struct esp_sa *sa = esp_sa_find_ikev2((ike->flags & ISAKMP_FLAG_I) != 0, ike->spii, ike->spir);
	if (!sa)
		return;
	size_t ivlen = esp_sa_ivlen(sa), authlen = esp_sa_authlen(sa);
	if (dlen <= ivlen + authlen)
		return;
	size_t ctlen = dlen - ivlen - authlen;
	/* the first level in the module's buffer, a v2e inside it in one of its own */
	uint8_t *pt = v2e_depth ? malloc(ctlen) : esp_sa_buffer(2);
	if (!pt || ctlen > ESP_BUF_SIZE || esp_sa_decrypt_by(sa, "esp_decrypt_buffer_by_ikev2_print", dat,
							      dat + ivlen, ctlen, pt) < 0) {
		if (v2e_depth)
			free(pt);
		return;
	}

	const uint8_t *pkt = nd->pkt, *snapend = nd->snapend;
	int sdepth = nd->snap_depth;
	jmp_buf outer_trunc;
	memcpy(outer_trunc, nd->trunc, sizeof outer_trunc);
	if (setjmp(nd->trunc)) {
		/* a read past the plaintext: the packet back, then " [|isakmp]" */
		memcpy(nd->trunc, outer_trunc, sizeof outer_trunc);
		nd->pkt = pkt;
		nd->snapend = snapend;
		nd->snap_depth = sdepth;
		if (--v2e_depth)
			free(pt);
		nd_trunc(nd);
	}
	v2e_depth++;
	nd->pkt = pt;
	nd->snapend = pt + ctlen;
	sub_print(nd, ike, np, pt, nd->snapend, phase, doi, proto, depth + 1);
	memcpy(nd->trunc, outer_trunc, sizeof outer_trunc);
	nd->pkt = pkt;
	nd->snapend = snapend;
	nd->snap_depth = sdepth;
	if (--v2e_depth)
		free(pt);
}

static const uint8_t *v2_e(struct nd *nd, const struct ike *ike, uint8_t tpay, const uint8_t *ext,
			   uint32_t item_len, const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto,
			   int depth)
{
	(void)ep;
	if (!nd_ok(nd, ext, 4))
		goto trunc;
	v2_pay_np(nd, tpay, GET_U8(nd, ext + 1));
	uint32_t dlen = item_len - 4;
	out_fmt(nd->out, " len=%u", dlen);
	if (nd->o->vflag > 2 && dlen > 4) {
		ND_CHR(nd, ' ');
		if (!raw(nd, ext + 4, dlen))
			goto trunc;
	}
	if (!nd_ok(nd, ext + 4, dlen))
		goto trunc;
	v2_e_decrypt(nd, ike, GET_U8(nd, ext), ext + 4, dlen, phase, doi, proto, depth);
	/* the Encrypted payload is the last: its next payload was inside */
	return NULL;
trunc:
	np_trunc(nd, tpay);
	return NULL;
}

/* ---- the chain ---- */

static pay_fn *const npfunc[] = {
	[1] = v1_sa, [2] = v1_p, [3] = v1_t, [4] = v1_ke, [5] = v1_id, [6] = v1_cert, [7] = v1_cert,
	[8] = v1_plain, [9] = v1_plain, [10] = v1_nonce, [11] = v1_n, [12] = v1_d, [13] = v1_plain,
	[33] = v2_sa, [34] = v2_ke, [35] = v2_id, [36] = v2_id, [37] = v2_gen, [38] = v2_gen,
	[39] = v2_auth, [40] = v2_nonce, [41] = v2_n, [42] = v2_gen, [43] = v2_vid, [44] = v2_gen,
	[45] = v2_gen, [47] = v2_gen, [48] = v2_gen,
};

/* One payload (tcpdump's ike_sub0_print / ikev2_sub0_print). */
static const uint8_t *sub0_print(struct nd *nd, const struct ike *ike, uint8_t np, const uint8_t *ext,
				 const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto, int depth)
{
	if (!nd_ok(nd, ext, 4)) {
		nd_print_trunc(nd);
		return NULL;
	}
	uint32_t item_len = GET_BE16(nd, ext + 2);
	if (item_len <= 4)
		return NULL;
	if (ike->v2 && np == NP_V2E)
		return v2_e(nd, ike, np, ext, item_len, ep, phase, doi, proto, depth);
	if (np < sizeof npfunc / sizeof npfunc[0] && npfunc[np])
		return npfunc[np](nd, ike, np, ext, item_len, ep, phase, doi, proto, depth);
	np_str(nd, np);
	return ext + item_len;
}

static const uint8_t *sub_print(struct nd *nd, const struct ike *ike, uint8_t np, const uint8_t *ext,
				const uint8_t *ep, uint32_t phase, uint32_t doi, uint32_t proto, int depth)
{
	const uint8_t *cp = ext;
	while (np) {
		if (!nd_ok(nd, ext, 4) || !nd_ok(nd, ext, GET_BE16(nd, ext + 2))) {
			np_trunc(nd, np);
			return NULL;
		}
		indent_open(nd, depth + 1);
		cp = sub0_print(nd, ike, np, ext, ep, phase, doi, proto, depth + 1);
		ND_CHR(nd, ')');
		if (!cp)
			return NULL;
		np = GET_U8(nd, ext);
		ext = cp;
	}
	return cp;
}

/* ---- ISAKMP ---- */

static void isakmp_etype_print(struct nd *nd, uint8_t etype)
{
	ND_CHR(nd, ' ');
	nd_tok(nd, isakmp_etype, "#%u", etype);
}

/* -v: the payloads (nothing when encrypted), then the length check. */
static void payloads_print(struct nd *nd, const uint8_t *p, uint32_t len, int v2, int phase)
{
	if (!nd->o->vflag)
		return;
	ND_CHR(nd, ':');
	uint8_t np = GET_U8(nd, p + 16), flags = GET_U8(nd, p + 19);
	if (flags & ISAKMP_FLAG_E) {
		ND_STR(nd, " [encrypted ");
		np_str(nd, np);
		ND_CHR(nd, ']');
	} else {
		struct ike ike = {.flags = flags, .v2 = v2};
		GET_CPY(nd, ike.spii, p, 8);
		GET_CPY(nd, ike.spir, p + 8, 8);
		sub_print(nd, &ike, np, p + ISAKMP_HDRLEN, nd->snapend, (uint32_t)phase, 0, 0, 0);
	}
	uint32_t ilen = GET_BE32(nd, p + 24);
	if (ilen != len)
		out_fmt(nd->out, " (len mismatch: isakmp %u/ip %u)", ilen, len);
}

static void ikev1_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	uint8_t ick[8];
	int phase = GET_BE32(nd, p + 20) == 0 ? 1 : 2;
	ND_STR(nd, phase == 1 ? " phase 1" : " phase 2/others");
	GET_CPY(nd, ick, p, 8);
	int i = cookie_find(ick);
	if (i < 0) {
		int rzero = 1;
		for (int k = 8; k < 16; k++)
			if (GET_U8(nd, p + k))
				rzero = 0;
		if (rzero) {
			ND_STR(nd, " I");
			if (ip)
				cookie_record(ick, ip);
		} else {
			ND_STR(nd, " ?");
		}
	} else if (ip && cookie_side(i, ip, 1)) {
		ND_STR(nd, " I");
	} else if (ip && cookie_side(i, ip, 0)) {
		ND_STR(nd, " R");
	} else {
		ND_STR(nd, " ?");
	}
	isakmp_etype_print(nd, GET_U8(nd, p + 18));
	uint8_t flags = GET_U8(nd, p + 19);
	if (flags) {
		ND_CHR(nd, '[');
		if (flags & ISAKMP_FLAG_E)
			ND_CHR(nd, 'E');
		if (flags & ISAKMP_FLAG_C)
			ND_CHR(nd, 'C');
		ND_CHR(nd, ']');
	}
	payloads_print(nd, p, len, 0, phase);
}

static void ikev2_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	int phase = GET_BE32(nd, p + 20) == 0 ? 1 : 2;
	ND_STR(nd, phase == 1 ? " parent_sa" : " child_sa ");
	isakmp_etype_print(nd, GET_U8(nd, p + 18));
	uint8_t flags = GET_U8(nd, p + 19);
	if (flags) {
		ND_CHR(nd, '[');
		if (flags & ISAKMP_FLAG_I)
			ND_CHR(nd, 'I');
		if (flags & ISAKMP_FLAG_V)
			ND_CHR(nd, 'V');
		if (flags & ISAKMP_FLAG_R)
			ND_CHR(nd, 'R');
		ND_CHR(nd, ']');
	}
	payloads_print(nd, p, len, 1, phase);
}

void isakmp_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	nd->protocol = "isakmp";
	esp_sa_ready(nd->out); /* tcpdump reads -E here too: its complaints come now */
	if (!nd_ok(nd, p, ISAKMP_HDRLEN)) {
		nd_print_trunc(nd);
		return;
	}
	uint8_t vers = GET_U8(nd, p + 17);
	unsigned major = vers >> 4, minor = vers & 0xf;
	ND_STR(nd, "isakmp");
	if (nd->o->vflag) {
		ND_CHR(nd, ' ');
		ND_U(nd, major);
		ND_CHR(nd, '.');
		ND_U(nd, minor);
		ND_STR(nd, " msgid ");
		isakmp_hex(nd, p + 20, 4);
	}
	if (nd->o->vflag > 1) {
		ND_STR(nd, " cookie ");
		isakmp_hex(nd, p, 8);
		ND_STR(nd, "->");
		isakmp_hex(nd, p + 8, 8);
	}
	ND_CHR(nd, ':');
	if (major == 1)
		ikev1_print(nd, p, len, ip);
	else if (major == 2)
		ikev2_print(nd, p, len);
}

/* ---- UDP 4500 ---- */

void isakmp_rfc3948_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	nd->protocol = "isakmp_rfc3948";
	if (len == 1 && GET_U8(nd, p) == 0xff) {
		ND_STR(nd, "isakmp-nat-keep-alive");
		return;
	}
	if (len < 4) {
		nd_print_trunc(nd);
		return;
	}
	if (GET_BE32(nd, p) == 0) {
		ND_STR(nd, "NONESP-encap: ");
		isakmp_print(nd, p + 4, len - 4, ip);
		return;
	}
	ND_STR(nd, "UDP-encap: ");
	esp_print(nd, p, len, ip);
}
