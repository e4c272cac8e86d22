/*
 * dns.c - Domain Name System messages (RFC 1035), as tcpdump 4.99 prints
 * them: over UDP (port 53), over TCP (RFC 1035 4.2.2; print/tcp.c checks
 * the 2-byte length prefix), and multicast DNS (RFC 6762, port 5353: QU/QM question bit and
 * cache-flush class bit).  EDNS(0) OPT records (RFC 6891) with their options
 * (RFC 7871 client subnet, RFC 7873 cookies, RFC 7828 keepalive, ...), the
 * extended RCODE, DNSSEC types, TSIG (RFC 8945) and the old bit-string labels
 * (RFC 2673) are decoded as far as tcpdump decodes them.
 *
 *   0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
 *  +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *  |                      ID                       |
 *  |QR|  Opcode   |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
 *  |          QDCOUNT / ANCOUNT / NSCOUNT / ARCOUNT |  (4 x 16 bits)
 *  +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *  question: NAME, TYPE(16), CLASS(16)
 *  RR:       NAME, TYPE(16), CLASS(16), TTL(32), RDLENGTH(16), RDATA
 *
 * Output shape (default): "ID[flags] [counts] TYPE? name. (len)" for queries,
 * "ID[flags] an/ns/ar TYPE data, ... (len)" for responses; -v adds the owner
 * names of records, -vv the question/authority/additional sections, -vvv
 * the TTLs.
 *
 * Many helpers return NULL where tcpdump's do, and the caller turns that into
 * the " [|domain]" marker (nd_trunc); a few failures are deliberately silent
 * (a record header cut short ends the section without a marker), exactly as
 * tcpdump behaves.  Compression pointers must point strictly backwards, so a
 * pointer loop always ends with "<BAD PTR>".
 */
#include "nd.h"

#include <string.h>

#define DNS_HDRLEN 12
#define DNS_MAXCDNAME 255     /* longest name printed before "<DOMAIN NAME TOO LONG>" */

/* Header flag bits. */
#define DNS_F_QR 0x8000
#define DNS_F_AA 0x0400
#define DNS_F_TC 0x0200
#define DNS_F_RD 0x0100
#define DNS_F_RA 0x0080
#define DNS_F_AD 0x0020
#define DNS_F_CD 0x0010
#define DNS_OPCODE(f) (((f) >> 11) & 0xf)
#define DNS_RCODE(f) ((f) & 0xf)
#define DNS_OP_IQUERY 1

/* Label types: the top two bits of a length byte. */
#define LBL_MASK 0xc0
#define LBL_NORMAL 0x00
#define LBL_EXTENDED 0x40     /* RFC 2671 extended label; 0x41 = bit string */
#define LBL_RESERVED 0x80
#define LBL_POINTER 0xc0
#define LBL_EXT_BITSTRING 0x01

/* Record types the printer decodes. */
enum {
	T_A = 1, T_NS = 2, T_CNAME = 5, T_SOA = 6, T_PTR = 12, T_MX = 15, T_TXT = 16,
	T_AAAA = 28, T_SRV = 33, T_A6 = 38, T_DNAME = 39, T_OPT = 41,
	T_UNSPECA = 104, T_TSIG = 250, T_URI = 256,
};

#define C_IN 1
#define C_MDNS_BIT 0x8000     /* mDNS: QU in questions, cache flush in records */

/* EDNS option codes with a special layout. */
enum {
	E_NSID = 3, E_DAU = 5, E_DHU = 6, E_N3U = 7, E_ECS = 8, E_EXPIRE = 9,
	E_COOKIE = 10, E_KEEPALIVE = 11, E_PADDING = 12, E_CHAIN = 13, E_KEYTAG = 14,
};

static const struct tok dns_types[] = {
	{ 1, "A" }, { 2, "NS" }, { 3, "MD" }, { 4, "MF" }, { 5, "CNAME" }, { 6, "SOA" },
	{ 7, "MB" }, { 8, "MG" }, { 9, "MR" }, { 10, "NULL" }, { 11, "WKS" }, { 12, "PTR" },
	{ 13, "HINFO" }, { 14, "MINFO" }, { 15, "MX" }, { 16, "TXT" }, { 17, "RP" },
	{ 18, "AFSDB" }, { 19, "X25" }, { 20, "ISDN" }, { 21, "RT" }, { 22, "NSAP" },
	{ 23, "NSAP_PTR" }, { 24, "SIG" }, { 25, "KEY" }, { 26, "PX" }, { 27, "GPOS" },
	{ 28, "AAAA" }, { 29, "LOC" }, { 30, "NXT" }, { 31, "EID" }, { 32, "NIMLOC" },
	{ 33, "SRV" }, { 34, "ATMA" }, { 35, "NAPTR" }, { 36, "KX" }, { 37, "CERT" },
	{ 38, "A6" }, { 39, "DNAME" }, { 40, "SINK" }, { 41, "OPT" }, { 42, "APL" },
	{ 43, "DS" }, { 44, "SSHFP" }, { 45, "IPSECKEY" }, { 46, "RRSIG" }, { 47, "NSEC" },
	{ 48, "DNSKEY" }, { 99, "SPF" }, { 100, "UINFO" }, { 101, "UID" }, { 102, "GID" },
	{ 103, "UNSPEC" }, { 104, "UNSPECA" }, { 249, "TKEY" }, { 250, "TSIG" },
	{ 251, "IXFR" }, { 252, "AXFR" }, { 253, "MAILB" }, { 254, "MAILA" },
	{ 255, "ANY" }, { 256, "URI" },
	{ 0, NULL }
};

static const struct tok dns_classes[] = {
	{ 1, "IN" }, { 3, "CHAOS" }, { 4, "HS" }, { 255, "ANY" },
	{ 0, NULL }
};

static const struct tok dns_edns_opts[] = {
	{ 1, "LLQ" }, { 2, "UL" }, { 3, "NSID" }, { 5, "DAU" }, { 6, "DHU" }, { 7, "N3U" },
	{ 8, "ECS" }, { 9, "EXPIRE" }, { 10, "COOKIE" }, { 11, "KEEPALIVE" },
	{ 12, "PADDING" }, { 13, "CHAIN" }, { 14, "KEY-TAG" }, { 16, "CLIENT-TAG" },
	{ 17, "SERVER-TAG" },
	{ 0, NULL }
};

/* DNSSEC algorithm numbers (DAU option). */
static const struct tok dns_dau_algs[] = {
	{ 0, "DELETE" }, { 1, "RSAMD5" }, { 2, "DH" }, { 3, "DS" }, { 5, "RSASHA1" },
	{ 6, "DSA-NSEC3-SHA1" }, { 7, "RSASHA1-NSEC3-SHA1" }, { 8, "RSASHA256" },
	{ 10, "RSASHA512" }, { 12, "ECC-GOST" }, { 13, "ECDSAP256SHA256" },
	{ 14, "ECDSAP384SHA384" }, { 15, "ED25519" }, { 16, "ED448" },
	{ 252, "INDIRECT" }, { 253, "PRIVATEDNS" }, { 254, "PRIVATEOID" },
	{ 0, NULL }
};

/* DS hash algorithms (DHU option). */
static const struct tok dns_dhu_algs[] = {
	{ 1, "SHA-1" }, { 2, "SHA-256" }, { 3, "GOST_R_34.11-94" }, { 4, "SHA-384" },
	{ 0, NULL }
};

/* NSEC3 hash algorithms (N3U option). */
static const struct tok dns_n3u_algs[] = {
	{ 1, "SHA-1" },
	{ 0, NULL }
};

static const char *const dns_opcodes[16] = {
	"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
	" op8", " updateA", " updateD", " updateDA", " updateM", " updateMA",
	" zoneInit", " zoneRef",
};

/*
 * Response codes, including the EDNS extended ones.  tcpdump 4.99 prints 17
 * and 21 without the leading space; that is reproduced on purpose.
 */
static const char *const dns_rcodes[24] = {
	"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused", " YXDomain",
	" YXRRSet", " NXRRSet", " NotAuth", " NotZone", " Resp11", " Resp12", " Resp13",
	" Resp14", " NoChange", " BadVers", "Resp17", " Resp18", " Resp19", " Resp20",
	"Resp21", " Resp22", " BadCookie",
};

/* One message being printed. */
struct dns_msg {
	struct nd *nd;
	const uint8_t *base;  /* the DNS header: compression offsets count from here */
	int mdns;
};

/* Exported for print/udp.c (port 5353); its prototype belongs in nd.h. */
void mdns_print(struct nd *nd, const uint8_t *p, uint32_t len);

static int dns_has(const struct nd *nd, const uint8_t *cp, size_t n)
{
	return nd_ok(nd, cp, n);
}

/* 1 while cp is before the end of the captured data. */
static int dns_more(const struct nd *nd, const uint8_t *cp)
{
	return nd_avail(nd, cp) > 0;
}

/* Print up to n bytes (escaped) as far as captured; 1 if cut short. */
static int dns_print_chars(struct nd *nd, const uint8_t *cp, size_t n)
{
	size_t have = nd_avail(nd, cp);
	size_t k = n < have ? n : have;
	nd_printjn(nd, cp, k);
	return k < n;
}

/*
 * Bytes of label data after the length byte at cp (for a bit-string label,
 * its count byte plus the bits; for a pointer, the raw byte), or -1 when the
 * byte is missing or the label type is unusable (then a note is printed).
 */
static int dns_label_len(struct nd *nd, const uint8_t *cp)
{
	if (!dns_has(nd, cp, 1))
		return -1;
	unsigned c = GET_U8(nd, cp);
	switch (c & LBL_MASK) {
	case LBL_EXTENDED: {
		unsigned elt = c & ~LBL_MASK;
		if (elt != LBL_EXT_BITSTRING) {
			ND_STR(nd, "<ELT ");
			ND_U(nd, elt);
			ND_CHR(nd, '>');
			return -1;
		}
		if (!dns_has(nd, cp + 1, 1))
			return -1;
		unsigned bits = GET_U8(nd, cp + 1);
		if (bits == 0)
			bits = 256;
		return (int)((bits + 7) / 8 + 1);
	}
	case LBL_NORMAL:
	case LBL_POINTER:
		return (int)c;
	default:
		ND_STR(nd, "<BAD LABEL TYPE>");
		return -1;
	}
}

/* Step over a name without printing; NULL if it runs off the capture. */
static const uint8_t *dns_name_skip(struct nd *nd, const uint8_t *cp)
{
	if (!dns_has(nd, cp, 1))
		return NULL;
	unsigned c = GET_U8(nd, cp++);
	while (c != 0) {
		switch (c & LBL_MASK) {
		case LBL_POINTER:
			return cp + 1;
		case LBL_EXTENDED: {
			if ((c & ~LBL_MASK) != LBL_EXT_BITSTRING)
				return NULL;
			if (!dns_has(nd, cp, 1))
				return NULL;
			unsigned bits = GET_U8(nd, cp++);
			if (bits == 0)
				bits = 256;
			cp += (bits + 7) / 8;
			break;
		}
		case LBL_RESERVED:
			return NULL;
		default:
			cp += c;
			break;
		}
		if (!dns_has(nd, cp, 1))
			return NULL;
		c = GET_U8(nd, cp++);
	}
	return cp;
}

/* RFC 2673 bit-string label "\[xHEX/bits]"; cp points at the bit count. */
static const uint8_t *dns_bitlabel_print(struct nd *nd, const uint8_t *cp)
{
	if (!dns_has(nd, cp, 1))
		return NULL;
	unsigned bits = GET_U8(nd, cp);
	if (bits == 0)
		bits = 256;
	const uint8_t *bp = cp + 1;
	unsigned left = bits;
	ND_STR(nd, "\\[x");
	for (; left > 7; left -= 8, bp++)
		out_hex(nd->out, GET_U8(nd, bp), 2);
	if (left > 4) {
		unsigned v = GET_U8(nd, bp);
		out_hex(nd->out, v & (0xffu << (8 - left)) & 0xff, 2);
	} else if (left > 0) {
		unsigned v = GET_U8(nd, bp);
		out_hex(nd->out, (v >> 4) & (0x0fu << (4 - left)) & 0x0f, 1);
	}
	ND_STR(nd, "/");
	ND_U(nd, bits);
	ND_CHR(nd, ']');
	/* tcpdump's notion of where the label ends (hex digits, not bytes). */
	return cp + 1 + (bits + 3) / 4;
}

/*
 * Print a domain name at cp; base is the start of the message (pointer
 * offsets are relative to it).  Returns the byte after the name as it sits
 * at cp (after the first pointer if compressed), or NULL on trouble.
 */
static const uint8_t *dns_name_print(struct nd *nd, const uint8_t *cp, const uint8_t *base)
{
	int l = dns_label_len(nd, cp);
	if (l < 0 || !dns_has(nd, cp, 1))
		return NULL;
	/* Pointers may only go backwards: each one lowers this bound. */
	uint32_t limit = (uint32_t)(cp - base);
	unsigned c = GET_U8(nd, cp++);
	const uint8_t *after = NULL;
	int followed = 0;
	unsigned shown = 0;

	if ((c & LBL_MASK) != LBL_POINTER)
		after = cp + l;
	if (c == 0) {
		ND_CHR(nd, '.');
		return after;
	}
	while (c != 0 && dns_more(nd, cp)) {
		switch (c & LBL_MASK) {
		case LBL_POINTER: {
			if (!followed) {
				after = cp + 1;
				followed = 1;
			}
			if (!dns_has(nd, cp, 1))
				return NULL;
			uint32_t off = ((c << 8) | GET_U8(nd, cp)) & 0x3fff;
			if (off >= limit) {
				ND_STR(nd, "<BAD PTR>");
				return NULL;
			}
			limit = off;
			cp = base + off;
			if (!dns_has(nd, cp, 1))
				return NULL;
			c = GET_U8(nd, cp);
			l = dns_label_len(nd, cp);
			if (l < 0)
				return NULL;
			cp++;
			continue;
		}
		case LBL_EXTENDED:
			if ((c & ~LBL_MASK) != LBL_EXT_BITSTRING) {
				ND_STR(nd, "<ELT ");
				ND_U(nd, c & ~LBL_MASK);
				ND_CHR(nd, '>');
				return NULL;
			}
			if (!dns_bitlabel_print(nd, cp))
				return NULL;
			break;
		case LBL_RESERVED:
			ND_STR(nd, "<BAD LABEL TYPE>");
			return NULL;
		default:
			/* Print at most DNS_MAXCDNAME characters of the whole name. */
			if (shown + (unsigned)l <= DNS_MAXCDNAME) {
				if (dns_print_chars(nd, cp, (size_t)l))
					return NULL;
			} else if (shown < DNS_MAXCDNAME) {
				if (dns_print_chars(nd, cp, DNS_MAXCDNAME - shown))
					return NULL;
			}
			shown += (unsigned)l;
			break;
		}
		cp += l;
		if (shown <= DNS_MAXCDNAME)
			ND_CHR(nd, '.');
		shown++;
		if (!dns_has(nd, cp, 1))
			return NULL;
		c = GET_U8(nd, cp);
		l = dns_label_len(nd, cp);
		if (l < 0)
			return NULL;
		cp++;
		if (!followed)
			after += l + 1;
	}
	if (shown > DNS_MAXCDNAME)
		ND_STR(nd, "<DOMAIN NAME TOO LONG>");
	return after;
}

/* A <character-string>: length byte then text. */
static const uint8_t *dns_cstring_print(struct nd *nd, const uint8_t *cp)
{
	if (!dns_has(nd, cp, 1))
		return NULL;
	unsigned n = GET_U8(nd, cp++);
	if (dns_print_chars(nd, cp, n))
		return NULL;
	return cp + n;
}

/* tcpdump's unsigned_relts_print: "1d2h3s", or "0s". */
static void dns_ttl_print(struct nd *nd, uint32_t secs)
{
	static const uint32_t unit_secs[] = { 31536000, 604800, 86400, 3600, 60, 1 };
	static const char unit_name[] = "ywdhms";
	if (secs == 0) {
		ND_STR(nd, "0s");
		return;
	}
	for (int i = 0; i < 6 && secs > 0; i++) {
		if (secs >= unit_secs[i]) {
			ND_U(nd, secs / unit_secs[i]);
			ND_CHR(nd, unit_name[i]);
			secs %= unit_secs[i];
		}
	}
}

static void dns_ip4_print(struct nd *nd, const uint8_t a[4])
{
	char buf[16];
	size_t n = fmt_ip4(buf, sizeof buf, a);
	out_mem(nd->out, buf, n);
}

static void dns_ip6_print(struct nd *nd, const uint8_t a[16])
{
	char buf[48];
	size_t n = fmt_ip6(buf, sizeof buf, a);
	out_mem(nd->out, buf, n);
}

/* RFC 7871 client subnet: family, source/scope prefix, truncated address. */
static void dns_ecs_print(struct nd *nd, const uint8_t *cp, unsigned dlen)
{
	if (dlen < 4) {
		nd_print_invalid(nd);
		return;
	}
	unsigned family = GET_BE16(nd, cp);
	unsigned src = GET_U8(nd, cp + 2);
	unsigned scope = GET_U8(nd, cp + 3);
	unsigned bits;
	if (family == 1)
		bits = 32;
	else if (family == 2)
		bits = 128;
	else {
		nd_print_invalid(nd);
		return;
	}
	if (dlen - 4 > bits / 8 || src > bits || scope > bits || (src + 7) / 8 != dlen - 4) {
		nd_print_invalid(nd);
		return;
	}
	uint8_t addr[16];
	memset(addr, 0, sizeof addr);
	GET_CPY(nd, addr, cp + 4, dlen - 4);
	if (family == 1)
		dns_ip4_print(nd, addr);
	else
		dns_ip6_print(nd, addr);
	ND_CHR(nd, '/');
	ND_U(nd, src);
	ND_CHR(nd, '/');
	ND_U(nd, scope);
}

static void dns_alg_list(struct nd *nd, const struct tok *algs, const uint8_t *cp, unsigned dlen)
{
	for (unsigned i = 0; i < dlen; i++) {
		if (i > 0)
			ND_CHR(nd, ' ');
		nd_tok(nd, algs, "Alg_%u", GET_U8(nd, cp + i));
	}
}

/* One EDNS option (code, length, data); NULL if it is not all captured. */
static const uint8_t *dns_edns_opt_print(struct nd *nd, const uint8_t *cp)
{
	if (!dns_has(nd, cp, 2))
		return NULL;
	unsigned code = GET_BE16(nd, cp);
	cp += 2;
	nd_tok(nd, dns_edns_opts, "Opt%u", code);
	if (!dns_has(nd, cp, 2))
		return NULL;
	unsigned dlen = GET_BE16(nd, cp);
	cp += 2;
	if (!dns_has(nd, cp, dlen))
		return NULL;
	if (dlen == 0)
		return cp;
	ND_CHR(nd, ' ');
	switch (code) {
	case E_ECS:
		dns_ecs_print(nd, cp, dlen);
		break;
	case E_COOKIE:
		/* client cookie (8) [+ server cookie (8..32)] */
		if (dlen < 8 || (dlen > 8 && dlen < 16) || dlen > 40) {
			nd_print_invalid(nd);
			break;
		}
		for (unsigned i = 0; i < dlen; i++) {
			if (i == 8)
				ND_CHR(nd, ' ');
			out_hex(nd->out, GET_U8(nd, cp + i), 2);
		}
		break;
	case E_KEEPALIVE:
		if (dlen != 2) {
			nd_print_invalid(nd);
			break;
		}
		{
			/* units of 100 ms, shown as seconds with one decimal */
			unsigned v = GET_BE16(nd, cp);
			ND_U(nd, v / 10);
			ND_CHR(nd, '.');
			ND_U(nd, v % 10);
			ND_STR(nd, " sec");
		}
		break;
	case E_EXPIRE:
		if (dlen != 4) {
			nd_print_invalid(nd);
			break;
		}
		ND_U(nd, GET_BE32(nd, cp));
		ND_STR(nd, " sec");
		break;
	case E_PADDING:
		ND_CHR(nd, '(');
		ND_U(nd, dlen);
		ND_CHR(nd, ')');
		break;
	case E_KEYTAG:
		if (dlen % 2 != 0) {
			nd_print_invalid(nd);
			break;
		}
		for (unsigned i = 0; i < dlen; i += 2) {
			if (i > 0)
				ND_CHR(nd, ' ');
			ND_U(nd, GET_BE16(nd, cp + i));
		}
		break;
	case E_DAU:
		dns_alg_list(nd, dns_dau_algs, cp, dlen);
		break;
	case E_DHU:
		dns_alg_list(nd, dns_dhu_algs, cp, dlen);
		break;
	case E_N3U:
		dns_alg_list(nd, dns_n3u_algs, cp, dlen);
		break;
	case E_CHAIN:
		/* tcpdump takes the end of the option as the compression base */
		(void)dns_name_print(nd, cp, cp + dlen);
		break;
	default:
		for (unsigned i = 0; i < dlen; i++)
			out_hex(nd->out, GET_U8(nd, cp + i), 2);
		break;
	}
	return cp + dlen;
}

/* A question: " TYPE[ CLASS][ (QU|QM)]? name." */
static const uint8_t *dns_question_print(struct dns_msg *m, const uint8_t *cp)
{
	struct nd *nd = m->nd;
	const uint8_t *name = cp;
	cp = dns_name_skip(nd, cp);
	if (cp == NULL || !dns_has(nd, cp, 4))
		return NULL;
	unsigned type = GET_BE16(nd, cp);
	unsigned raw_class = GET_BE16(nd, cp + 2);
	unsigned cls = m->mdns ? (raw_class & ~C_MDNS_BIT) : raw_class;
	ND_CHR(nd, ' ');
	nd_tok(nd, dns_types, "Type%u", type);
	if (cls != C_IN) {
		ND_CHR(nd, ' ');
		nd_tok(nd, dns_classes, "(Class %u)", cls);
	}
	if (m->mdns)
		ND_STR(nd, (raw_class & C_MDNS_BIT) ? " (QU)" : " (QM)");
	ND_STR(nd, "? ");
	cp = dns_name_print(nd, name, m->base);
	return cp ? cp + 4 : NULL;
}

/* SOA RDATA (-v only): mname rname serial refresh retry expire minimum. */
static const uint8_t *dns_soa_print(struct dns_msg *m, const uint8_t *cp)
{
	struct nd *nd = m->nd;
	ND_CHR(nd, ' ');
	if ((cp = dns_name_print(nd, cp, m->base)) == NULL)
		return NULL;
	ND_CHR(nd, ' ');
	if ((cp = dns_name_print(nd, cp, m->base)) == NULL)
		return NULL;
	if (!dns_has(nd, cp, 20))
		return NULL;
	for (int i = 0; i < 5; i++) {
		ND_CHR(nd, ' ');
		ND_U(nd, GET_BE32(nd, cp + 4 * i));
	}
	return cp + 20;
}

/* A6 (RFC 2874): prefix length, address suffix, prefix name. */
static const uint8_t *dns_a6_print(struct dns_msg *m, const uint8_t *cp)
{
	struct nd *nd = m->nd;
	if (!dns_has(nd, cp, 1))
		return NULL;
	unsigned plen = GET_U8(nd, cp);
	unsigned pbyte = (plen & ~7u) / 8;
	if (plen > 128) {
		ND_CHR(nd, ' ');
		ND_U(nd, plen);
		ND_STR(nd, "(bad plen)");
		return cp;
	}
	if (plen < 128) {
		uint8_t a[16];
		memset(a, 0, sizeof a);
		GET_CPY(nd, a + pbyte, cp + 1, 16 - pbyte);
		ND_CHR(nd, ' ');
		ND_U(nd, plen);
		ND_CHR(nd, ' ');
		dns_ip6_print(nd, a);
	}
	if (plen > 0) {
		ND_CHR(nd, ' ');
		if (dns_name_print(nd, cp + 1 + 16 - pbyte, m->base) == NULL)
			return NULL;
	}
	return cp;
}

/* TSIG (-v only): algorithm, fudge, MAC length, original id, error, other length. */
static const uint8_t *dns_tsig_print(struct dns_msg *m, const uint8_t *cp)
{
	struct nd *nd = m->nd;
	static const char *const field[] = { " fudge=", " maclen=", " origid=", " error=", " otherlen=" };
	ND_CHR(nd, ' ');
	if ((cp = dns_name_print(nd, cp, m->base)) == NULL)
		return NULL;
	cp += 6;  /* time signed */
	for (int i = 0; i < 5; i++) {
		if (!dns_has(nd, cp, 2))
			return NULL;
		unsigned v = GET_BE16(nd, cp);
		ND_STR(nd, field[i]);
		ND_U(nd, v);
		cp += 2;
		if (i == 1)
			cp += v;  /* skip the MAC */
	}
	return cp;
}

/*
 * A resource record.  Returns the start of the next record, NULL when
 * something needed is missing (the caller prints the marker), or the end of
 * the capture when the fixed part of the record is cut short (no marker).
 */
static const uint8_t *dns_rr_print(struct dns_msg *m, const uint8_t *cp)
{
	struct nd *nd = m->nd;
	int v = nd->o->vflag;

	if (v) {
		ND_CHR(nd, ' ');
		if ((cp = dns_name_print(nd, cp, m->base)) == NULL)
			return NULL;
	} else {
		cp = dns_name_skip(nd, cp);
	}
	if (cp == NULL || !dns_has(nd, cp, 10))
		return nd->snapend;

	unsigned type = GET_BE16(nd, cp);
	unsigned raw_class = GET_BE16(nd, cp + 2);
	unsigned cls = m->mdns ? (raw_class & ~C_MDNS_BIT) : raw_class;
	unsigned opt_flags = 0;
	if (cls != C_IN && type != T_OPT) {
		ND_CHR(nd, ' ');
		nd_tok(nd, dns_classes, "(Class %u)", cls);
	}
	if (m->mdns && (raw_class & C_MDNS_BIT))
		ND_STR(nd, " (Cache flush)");
	if (type == T_OPT) {
		/* the TTL field holds extended rcode, version and flags */
		opt_flags = GET_BE16(nd, cp + 6);
	} else if (v > 2) {
		ND_STR(nd, " [");
		dns_ttl_print(nd, GET_BE32(nd, cp + 4));
		ND_CHR(nd, ']');
	}
	unsigned rdlen = GET_BE16(nd, cp + 8);
	cp += 10;
	const uint8_t *next = cp + rdlen;

	ND_CHR(nd, ' ');
	nd_tok(nd, dns_types, "Type%u", type);
	if (!dns_has(nd, cp, rdlen))
		return NULL;

	switch (type) {
	case T_A: {
		uint8_t a[4];
		if (!dns_has(nd, cp, 4))
			return NULL;
		GET_CPY(nd, a, cp, 4);
		ND_CHR(nd, ' ');
		dns_ip4_print(nd, a);
		break;
	}
	case T_AAAA: {
		uint8_t a[16];
		if (!dns_has(nd, cp, 16))
			return NULL;
		GET_CPY(nd, a, cp, 16);
		ND_CHR(nd, ' ');
		dns_ip6_print(nd, a);
		break;
	}
	case T_NS:
	case T_CNAME:
	case T_PTR:
	case T_DNAME:
		ND_CHR(nd, ' ');
		if (dns_name_print(nd, cp, m->base) == NULL)
			return NULL;
		break;
	case T_SOA:
		if (v && dns_soa_print(m, cp) == NULL)
			return NULL;
		break;
	case T_MX:
		ND_CHR(nd, ' ');
		if (!dns_has(nd, cp, 2))
			return NULL;
		if (dns_name_print(nd, cp + 2, m->base) == NULL)
			return NULL;
		ND_CHR(nd, ' ');
		ND_U(nd, GET_BE16(nd, cp));
		break;
	case T_TXT:
		while (cp < next) {
			ND_STR(nd, " \"");
			if ((cp = dns_cstring_print(nd, cp)) == NULL)
				return NULL;
			ND_CHR(nd, '"');
		}
		break;
	case T_SRV:
		ND_CHR(nd, ' ');
		if (!dns_has(nd, cp, 6))
			return NULL;
		if (dns_name_print(nd, cp + 6, m->base) == NULL)
			return NULL;
		ND_CHR(nd, ':');
		ND_U(nd, GET_BE16(nd, cp + 4));   /* port */
		ND_CHR(nd, ' ');
		ND_U(nd, GET_BE16(nd, cp));       /* priority */
		ND_CHR(nd, ' ');
		ND_U(nd, GET_BE16(nd, cp + 2));   /* weight */
		break;
	case T_A6:
		if (dns_a6_print(m, cp) == NULL)
			return NULL;
		break;
	case T_URI: {
		unsigned prio = GET_BE16(nd, cp);
		unsigned weight = GET_BE16(nd, cp + 2);
		ND_CHR(nd, ' ');
		ND_U(nd, prio);
		ND_CHR(nd, ' ');
		ND_U(nd, weight);
		ND_CHR(nd, ' ');
		/* tcpdump's (len - 4) wraps when len < 4: print to the end */
		size_t n = rdlen >= 4 ? rdlen - 4 : SIZE_MAX;
		if (dns_print_chars(nd, cp + 4, n))
			return NULL;
		break;
	}
	case T_OPT:
		ND_STR(nd, " UDPsize=");
		ND_U(nd, cls);
		if (opt_flags & 0x8000)
			ND_STR(nd, " DO");
		if (cp < next) {
			ND_STR(nd, " [");
			while (cp < next) {
				if ((cp = dns_edns_opt_print(nd, cp)) == NULL)
					return NULL;
				if (cp < next)
					ND_CHR(nd, ',');
			}
			ND_CHR(nd, ']');
		}
		break;
	case T_UNSPECA:
		if (dns_print_chars(nd, cp, rdlen))
			return NULL;
		break;
	case T_TSIG:
		if (v && dns_tsig_print(m, cp) == NULL)
			return NULL;
		break;
	default:
		break;
	}
	return next;
}

/*
 * The extended RCODE lives in the OPT record of the additional section:
 * walk the message to find it.  Any trouble just stops the search.
 */
static unsigned dns_full_rcode(struct nd *nd, const uint8_t *cp, unsigned flags,
			       unsigned qd, unsigned an_ns, unsigned ar)
{
	unsigned rcode = DNS_RCODE(flags);
	for (unsigned i = 0; i < qd; i++) {
		if ((cp = dns_name_skip(nd, cp)) == NULL)
			return rcode;
		cp += 4;
		if (!dns_more(nd, cp))
			return rcode;
	}
	for (unsigned i = 0; i < an_ns; i++) {
		if ((cp = dns_name_skip(nd, cp)) == NULL)
			return rcode;
		cp += 8;
		if (!dns_has(nd, cp, 2))
			return rcode;
		cp += 2 + GET_BE16(nd, cp);
		if (!dns_more(nd, cp))
			return rcode;
	}
	for (unsigned i = 0; i < ar; i++) {
		if ((cp = dns_name_skip(nd, cp)) == NULL)
			return rcode;
		if (!dns_has(nd, cp, 2))
			return rcode;
		unsigned type = GET_BE16(nd, cp);
		cp += 4;
		if (!dns_has(nd, cp, 1))
			return rcode;
		if (type == T_OPT)
			return rcode | (unsigned)GET_U8(nd, cp) << 4;
		cp += 4;
		if (!dns_has(nd, cp, 2))
			return rcode;
		cp += 2 + GET_BE16(nd, cp);
		if (!dns_more(nd, cp))
			return rcode;
	}
	return rcode;
}

static void dns_rcode_print(struct nd *nd, unsigned rcode)
{
	if (rcode < sizeof dns_rcodes / sizeof dns_rcodes[0]) {
		ND_STR(nd, dns_rcodes[rcode]);
	} else {
		ND_STR(nd, " Resp");
		ND_U(nd, rcode & 0xfff);
	}
}

static void dns_count(struct nd *nd, unsigned n, const char *what)
{
	ND_STR(nd, " [");
	ND_U(nd, n);
	ND_STR(nd, what);
	ND_CHR(nd, ']');
}

/*
 * Print up to *count records (or questions) separated by ",", the first one
 * preceded by label.  The first is printed unconditionally when
 * check_first is 0, later ones only while data remains.
 */
static const uint8_t *dns_section(struct dns_msg *m, const uint8_t *cp, unsigned *count,
				  const char *label, int check_first, int questions)
{
	struct nd *nd = m->nd;
	if (*count == 0 || (check_first && !dns_more(nd, cp)))
		return cp;
	if (label)
		ND_STR(nd, label);
	int first = 1;
	while (*count > 0 && (first || dns_more(nd, cp))) {
		if (!first && !questions)
			ND_CHR(nd, ',');   /* tcpdump separates records, not questions */
		first = 0;
		cp = questions ? dns_question_print(m, cp) : dns_rr_print(m, cp);
		if (cp == NULL)
			nd_trunc(nd);
		(*count)--;
	}
	return cp;
}

static void dns_message_print(struct nd *nd, const uint8_t *bp, uint32_t len, int mdns)
{
	struct dns_msg m = { nd, bp, mdns };
	int v = nd->o->vflag;

	if (len < DNS_HDRLEN) {
		ND_STR(nd, "domain [length ");
		ND_U(nd, len);
		ND_STR(nd, " < 12]");
		nd_print_invalid(nd);
		return;
	}
	nd_need(nd, bp, DNS_HDRLEN);
	unsigned id = GET_BE16(nd, bp);
	unsigned flags = GET_BE16(nd, bp + 2);
	unsigned qd = GET_BE16(nd, bp + 4);
	unsigned an = GET_BE16(nd, bp + 6);
	unsigned ns = GET_BE16(nd, bp + 8);
	unsigned ar = GET_BE16(nd, bp + 10);
	const uint8_t *cp = bp + DNS_HDRLEN;

	unsigned rcode = dns_full_rcode(nd, cp, flags, qd, an + ns, ar);

	ND_U(nd, id);
	ND_STR(nd, dns_opcodes[DNS_OPCODE(flags)]);
	if (flags & DNS_F_QR) {
		dns_rcode_print(nd, rcode);
		if (flags & DNS_F_AA)
			ND_CHR(nd, '*');
		if (!(flags & DNS_F_RA))
			ND_CHR(nd, '-');
		if (flags & DNS_F_TC)
			ND_CHR(nd, '|');
		if (flags & DNS_F_AD)
			ND_CHR(nd, '$');
		if (qd != 1)
			dns_count(nd, qd, "q");
		for (unsigned i = 0; i < qd; i++) {
			if (i != 0)
				ND_CHR(nd, ',');
			if (v > 1) {
				ND_STR(nd, " q:");
				cp = dns_question_print(&m, cp);
			} else {
				cp = dns_name_skip(nd, cp);
				if (cp)
					cp += 4;
			}
			if (cp == NULL)
				nd_trunc(nd);
		}
		ND_CHR(nd, ' ');
		ND_U(nd, an);
		ND_CHR(nd, '/');
		ND_U(nd, ns);
		ND_CHR(nd, '/');
		ND_U(nd, ar);
		cp = dns_section(&m, cp, &an, NULL, 0, 0);
		if (an)
			nd_trunc(nd);
	} else {
		if (flags & DNS_F_RD)
			ND_CHR(nd, '+');
		if (flags & DNS_F_CD)
			ND_CHR(nd, '%');
		/* bits that have no business in a query */
		if (flags & 0x6cf) {
			ND_STR(nd, " [b2&3=0x");
			out_hex(nd->out, flags, 1);
			ND_CHR(nd, ']');
		}
		if (DNS_OPCODE(flags) == DNS_OP_IQUERY) {
			if (qd)
				dns_count(nd, qd, "q");
			if (an != 1)
				dns_count(nd, an, "a");
		} else {
			if (an)
				dns_count(nd, an, "a");
			if (qd != 1)
				dns_count(nd, qd, "q");
		}
		if (ns)
			dns_count(nd, ns, "n");
		if (ar)
			dns_count(nd, ar, "au");
		cp = dns_section(&m, cp, &qd, NULL, 0, 1);
		if (qd)
			nd_trunc(nd);
		if (v > 1) {
			cp = dns_section(&m, cp, &an, NULL, 0, 0);
			if (an)
				nd_trunc(nd);
		}
	}
	if (v > 1) {
		cp = dns_section(&m, cp, &ns, " ns:", 1, 0);
		if (ns)
			nd_trunc(nd);
		cp = dns_section(&m, cp, &ar, " ar:", 1, 0);
		if (ar)
			nd_trunc(nd);
	}
	ND_STR(nd, " (");
	ND_U(nd, len);
	ND_CHR(nd, ')');
}

/*
 * DNS over UDP (tcp=0) or TCP (tcp=1).  For TCP the caller (print/tcp.c)
 * has already checked the 2-byte length prefix against the payload and
 * printed the separating space; p points after the prefix.  The two
 * transports print the message identically.
 */
void dns_print(struct nd *nd, const uint8_t *p, uint32_t len, int tcp)
{
	(void)tcp;
	nd->protocol = "domain";
	dns_message_print(nd, p, len, 0);
}

/* Multicast DNS (UDP port 5353): class top bit is QU / cache flush. */
void mdns_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "domain";
	dns_message_print(nd, p, len, 1);
}

/* A domain name for other printers (DHCPv6 domain lists, ...); base is where
 * compression pointers count from; NULL on trouble. */
const uint8_t *dns_fqdn_print(struct nd *nd, const uint8_t *cp, const uint8_t *base)
{
	return dns_name_print(nd, cp, base);
}
