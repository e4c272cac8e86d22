/*
 * ppp.c - PPP (RFC 1661) and its link types, printed as tcpdump 4.99 does:
 * DLT_PPP / DLT_PPP_PPPD / DLT_PPP_WITHDIR (ppp_if_print), DLT_PPP_SERIAL
 * (RFC 1662 HDLC-like framing, or Cisco HDLC inside), DLT_PPP_BSDOS, and the
 * PPP frame itself as PPPoE, GRE, L2TP and Ethernet type 0x880b carry it.
 *
 *   [address 0xff | control 0x03]  protocol (2 bytes, or 1 with PFC)  payload
 *
 * Control protocols (LCP, IPCP, IP6CP, CCP, BACP, OSICP, MPLSCP) share one
 * packet form, RFC 1661 section 5:
 *
 *   code(1) identifier(1) length(2) data (options for Configure-*)
 *
 * and print as "NAME, CODE (0xNN), id N, length N"; with -v the options
 * follow, one per line.  CHAP (RFC 1994), PAP (RFC 1334) and the multilink
 * header (RFC 1990) have their own lines.  A protocol number 0x7eXX means the
 * frame still holds HDLC escapes (0x7d XOR 0x20): the captured part is
 * unescaped into a private buffer and printed from there (ppp_hdlc).
 */
#include "tunnel.h"

#include <stdio.h>
#include <string.h>

#include "../proto.h"

void isoclns_print(struct nd *nd, const uint8_t *p, uint32_t length) __attribute__((weak));

#define PPP_HDRLEN 4
#define PPP_ADDRESS 0xff
#define PPP_CONTROL 0x03
#define CHDLC_UNICAST 0x0f
#define CHDLC_BCAST 0x8f

/* PPP protocol numbers used below (IANA PPP DLL protocol numbers). */
enum {
	P_OSI = 0x0023,
	P_IPX = 0x002b,
	P_VJNC = 0x002f,
	P_ML = 0x003d,
	P_COMP = 0x00fd,
	P_IPCP = 0x8021,
	P_OSICP = 0x8023,
	P_IPV6CP = 0x8057,
	P_CCP = 0x80fd,
	P_MPLSCP = 0x8281,
	P_LCP = 0xc021,
	P_PAP = 0xc023,
	P_LQM = 0xc025,
	P_SPAP = 0xc027,
	P_BACP = 0xc02b,
	P_BAP = 0xc02d,
	P_SPAP_OLD = 0xc123,
	P_CHAP = 0xc223,
	P_EAP = 0xc227,
};

static const struct tok ppp_protos[] = {
	{PPP_PROTO_IPV4, "IP"}, {P_OSI, "OSI"}, {0x0025, "NS"}, {0x0027, "DECNET"}, {0x0029, "APPLE"},
	{P_IPX, "IPX"}, {0x002d, "VJC IP"}, {P_VJNC, "VJNC IP"}, {0x0031, "BRPDU"}, {0x0033, "STII"},
	{0x0035, "VINES"}, {PPP_PROTO_MPLS, "MPLS"}, {PPP_PROTO_MPLS_MULTI, "MPLS"}, {P_COMP, "Compressed"},
	{P_ML, "MLPPP"}, {PPP_PROTO_IPV6, "IP6"}, {0x0201, "HELLO"}, {0x0231, "LUXCOM"}, {0x0233, "SNS"},
	{P_IPCP, "IPCP"}, {P_OSICP, "OSICP"}, {0x8025, "NSCP"}, {0x8027, "DECNETCP"}, {0x8029, "APPLECP"},
	{0x802b, "IPXCP"}, {0x8033, "STIICP"}, {0x8035, "VINESCP"}, {P_IPV6CP, "IP6CP"}, {P_MPLSCP, "MPLSCP"},
	{P_LCP, "LCP"}, {P_PAP, "PAP"}, {P_LQM, "LQM"}, {P_CHAP, "CHAP"}, {P_EAP, "EAP"}, {P_SPAP, "SPAP"},
	{P_SPAP_OLD, "Old-SPAP"}, {P_BACP, "BACP"}, {P_BAP, "BAP"}, {0xc03d, "MLPPP-CP"}, {P_CCP, "CCP"},
	{0, NULL}};

/* Control protocol codes (RFC 1661 section 5, RFC 1570, RFC 1962, RFC 2153). */
enum {
	C_VEXT = 0, C_CONF_REQ, C_CONF_ACK, C_CONF_NAK, C_CONF_REJ, C_TERM_REQ, C_TERM_ACK, C_CODE_REJ,
	C_PROT_REJ, C_ECHO_REQ, C_ECHO_RPL, C_DISC_REQ, C_ID, C_TIME_REM,
};
static const struct tok cp_codes[] = {
	{0, "Vendor-Extension"}, {1, "Conf-Request"}, {2, "Conf-Ack"}, {3, "Conf-Nack"}, {4, "Conf-Reject"},
	{5, "Term-Request"}, {6, "Term-Ack"}, {7, "Code-Reject"}, {8, "Prot-Reject"}, {9, "Echo-Request"},
	{10, "Echo-Reply"}, {11, "Disc-Req"}, {12, "Ident"}, {13, "Time-Rem"}, {14, "Reset-Req"},
	{15, "Reset-Ack"}, {0, NULL}};

/* LCP configuration options by number (RFC 1661 section 6, IANA). */
static const char *const lcp_opt_names[] = {
	"Vend-Ext", "MRU", "ACCM", "Auth-Prot", "Qual-Prot", "Magic-Num", "deprecated(6)", "PFC", "ACFC",
	"FCS-Alt", "SDP", "Num-Mode", "deprecated(12)", "Call-Back", "deprecated(14)", "deprecated(15)",
	"deprecated(16)", "MRRU", "12-Bit seq #", "End-Disc", "Proprietary", "DCE-Id", "MP+", "Link-Disc",
	"LCP-Auth-Opt", "COBS", "Prefix-elision", "Multilink-header-Form", "I18N", "SDL-over-SONET/SDH",
	"PPP-Muxing"};
#define LCP_NOPTS (sizeof lcp_opt_names / sizeof lcp_opt_names[0])

static const struct tok ccp_opts[] = {
	{0, "OUI"}, {1, "Pred-1"}, {2, "Pred-2"}, {3, "Puddle"}, {16, "HP-PPC"}, {17, "Stac-LZS"},
	{18, "MPPC"}, {19, "Gand-FZA"}, {20, "V.42bis"}, {21, "BSD-Comp"}, {23, "LZS-DCP"}, {24, "MVRCA"},
	{25, "DEC"}, {26, "Deflate"}, {255, "Reserved"}, {0, NULL}};

static const struct tok bacp_opts[] = {{1, "Favored-Peer"}, {0, NULL}};

static const struct tok ipcp_opts[] = {
	{1, "IP-Addrs"}, {2, "IP-Comp"}, {3, "IP-Addr"}, {4, "Home-Addr"}, {129, "Pri-DNS"},
	{130, "Pri-NBNS"}, {131, "Sec-DNS"}, {132, "Sec-NBNS"}, {0, NULL}};

#define IPCP_HDRCOMP 0x61 /* RFC 3544 IP header compression */
#define IPCP_HDRCOMP_MINLEN 14
static const struct tok ipcp_comp_protos[] = {{0x002d, "VJ-Comp"}, {IPCP_HDRCOMP, "IP Header Compression"}, {0, NULL}};
static const struct tok ipcp_comp_subopts[] = {{1, "RTP-Compression"}, {2, "Enhanced RTP-Compression"}, {0, NULL}};

static const struct tok ip6cp_opts[] = {{1, "Interface-ID"}, {0, NULL}};

static const struct tok auth_algs[] = {{5, "MD5"}, {128, "MS-CHAPv1"}, {129, "MS-CHAPv2"}, {0, NULL}};

static const struct tok callback_ops[] = {
	{0, "UserAuth"}, {1, "DialString"}, {2, "LocalID"}, {3, "E.164"}, {4, "X.500"}, {6, "CBCP"}, {0, NULL}};

static const struct tok chap_codes[] = {{1, "Challenge"}, {2, "Response"}, {3, "Success"}, {4, "Fail"}, {0, NULL}};
static const struct tok pap_codes[] = {{1, "Auth-Req"}, {2, "Auth-ACK"}, {3, "Auth-NACK"}, {0, NULL}};
static const struct tok ml_flags[] = {{0x80, "begin"}, {0x40, "end"}, {0, NULL}};

static void handle_ppp(struct nd *nd, uint16_t proto, const uint8_t *p, uint32_t len);

/* "[|name]" without the leading space: the printers' own truncation marks. */
static void trunc_mark(struct nd *nd, const char *name)
{
	ND_STR(nd, "[|");
	ND_STR(nd, name);
	ND_CHR(nd, ']');
}

/* n bytes as characters with M-/^ escapes, each read checked (fn_print_char). */
static void print_chars(struct nd *nd, const uint8_t *p, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		nd_printjn(nd, p + i, 1);
}

/*
 * The start every option printer shares: "\n\t  NAME Option (0xNN), length N".
 * Returns the option length, or 0 when the caller must stop (too short, or
 * longer than the whole option area, as tcpdump compares it).
 */
static unsigned opt_head(struct nd *nd, const uint8_t *p, unsigned total, const char *cp, const struct tok *names,
			 const char *unknown, unsigned *optp)
{
	if (total < 2)
		return 0;
	if (!nd_ok(nd, p, 2)) {
		trunc_mark(nd, cp);
		return 0;
	}
	unsigned opt = GET_U8(nd, p), len = GET_U8(nd, p + 1);
	*optp = opt;
	if (total < len)
		return 0;
	const char *name = tok_find(names, opt);
	out_fmt(nd->out, "\n\t  %s Option (0x%02x), length %u", name ? name : unknown, opt, len);
	if (len < 2) {
		ND_STR(nd, " (length bogus, should be >= 2)");
		return 0;
	}
	return len;
}

static void bogus(struct nd *nd, const char *rel, unsigned n)
{
	out_fmt(nd->out, " (length bogus, should be %s %u)", rel, n);
}

/* The option's value as hex: now without -vv, or after the decoded form with it. */
static void opt_hex_default(struct nd *nd, const uint8_t *p, unsigned len)
{
	if (nd->o->vflag < 2)
		nd_print_unknown_data(nd, p + 2, "\n\t    ", len - 2);
}
static void opt_hex_vv(struct nd *nd, const uint8_t *p, unsigned len)
{
	if (nd->o->vflag > 1)
		nd_print_unknown_data(nd, p + 2, "\n\t    ", len - 2);
}

/* LCP's end-point discriminator (RFC 1990): 0 when the class's length is wrong. */
static int lcp_mled(struct nd *nd, const uint8_t *p, unsigned len)
{
	uint8_t cls = GET_U8(nd, p + 2);
	switch (cls) {
	case 0:
		ND_STR(nd, ": Null");
		break;
	case 1:
		ND_STR(nd, ": Local");
		break;
	case 2:
		if (len != 7) {
			bogus(nd, "=", 7);
			return 0;
		}
		ND_STR(nd, ": IPv4 ");
		nd_ipaddr(nd, p + 3);
		break;
	case 3:
		if (len != 9) {
			bogus(nd, "=", 9);
			return 0;
		}
		ND_STR(nd, ": MAC ");
		nd_etheraddr(nd, p + 3);
		break;
	case 4:
		ND_STR(nd, ": Magic-Num-Block");
		break;
	case 5:
		ND_STR(nd, ": PSNDN");
		break;
	default:
		out_fmt(nd->out, ": Unknown class %u", cls);
		break;
	}
	return 1;
}

static unsigned lcp_opt(struct nd *nd, const uint8_t *p, unsigned total)
{
	if (total < 2)
		return 0;
	if (!nd_ok(nd, p, 2)) {
		trunc_mark(nd, "lcp");
		return 0;
	}
	unsigned opt = GET_U8(nd, p), len = GET_U8(nd, p + 1);
	if (total < len)
		return 0;
	if (opt >= LCP_NOPTS) {
		out_fmt(nd->out, "\n\tunknown LCP option 0x%02x", opt);
		return len < 2 ? 0 : len;
	}
	out_fmt(nd->out, "\n\t  %s Option (0x%02x), length %u", lcp_opt_names[opt], opt, len);
	if (len < 2) {
		ND_STR(nd, " (length bogus, should be >= 2)");
		return 0;
	}
	switch (opt) {
	case 0: /* vendor extension */
		if (len < 6) {
			bogus(nd, ">=", 6);
			return len;
		}
		nd_need(nd, p + 2, 3);
		ND_STR(nd, ": Vendor: ");
		nd_tok(nd, oui_names, "Unknown", GET_BE24(nd, p + 2));
		out_fmt(nd->out, " (%u)", GET_BE24(nd, p + 2));
		break;
	case 1:  /* MRU */
	case 17: /* MRRU */
		if (len != 4) {
			bogus(nd, "=", 4);
			return opt == 1 ? len : 0;
		}
		out_fmt(nd->out, ": %u", GET_BE16(nd, p + 2));
		break;
	case 2: /* ACCM */
		if (len != 6) {
			bogus(nd, "=", 6);
			return len;
		}
		out_fmt(nd->out, ": 0x%08x", GET_BE32(nd, p + 2));
		break;
	case 3: { /* authentication protocol */
		if (len < 4) {
			bogus(nd, ">=", 4);
			return len;
		}
		uint16_t ap = GET_BE16(nd, p + 2);
		ND_STR(nd, ": ");
		/* tcpdump's format has no conversion: the text is printed as is */
		nd_tok(nd, ppp_protos, "Unknown Auth Proto (0x04x)", ap);
		switch (ap) {
		case P_CHAP:
			ND_STR(nd, ", ");
			nd_tok(nd, auth_algs, "Unknown Auth Alg %u", GET_U8(nd, p + 4));
			break;
		case P_PAP:
		case P_EAP:
		case P_SPAP:
		case P_SPAP_OLD:
			break;
		default:
			nd_print_unknown_data(nd, p, "\n\t", len);
			break;
		}
		break;
	}
	case 4: /* quality protocol */
		if (len < 4) {
			bogus(nd, ">=", 4);
			return 0;
		}
		ND_STR(nd, GET_BE16(nd, p + 2) == P_LQM ? ": LQR" : ": unknown");
		break;
	case 5: /* magic number */
		if (len != 6) {
			bogus(nd, "=", 6);
			return 0;
		}
		out_fmt(nd->out, ": 0x%08x", GET_BE32(nd, p + 2));
		break;
	case 7:
	case 8:
		break;
	case 23: /* link discriminator */
		if (len != 4) {
			bogus(nd, "=", 4);
			return 0;
		}
		out_fmt(nd->out, ": 0x%04x", GET_BE16(nd, p + 2));
		break;
	case 13: /* callback */
		if (len < 3) {
			bogus(nd, ">=", 3);
			return 0;
		}
		ND_STR(nd, ": ");
		nd_need(nd, p + 2, 1);
		ND_STR(nd, ": Callback Operation ");
		nd_tok(nd, callback_ops, "Unknown", GET_U8(nd, p + 2));
		out_fmt(nd->out, " (%u)", GET_U8(nd, p + 2));
		break;
	case 19: /* end-point discriminator */
		if (len < 3) {
			bogus(nd, ">=", 3);
			return 0;
		}
		if (!lcp_mled(nd, p, len))
			return 0;
		break;
	default:
		opt_hex_default(nd, p, len);
		break;
	}
	opt_hex_vv(nd, p, len);
	return len;
}

/*
 * RFC 3544 header compression parameters and suboptions; 0 to stop.  *adv is
 * how far tcpdump's option pointer moved over the suboptions: its -vv dump of
 * the option starts that much later (past the end, an error line).
 */
static int ipcp_hdrcomp(struct nd *nd, const uint8_t *p, unsigned len, unsigned *adv)
{
	if (len < IPCP_HDRCOMP_MINLEN) {
		bogus(nd, ">=", IPCP_HDRCOMP_MINLEN);
		return 0;
	}
	if (!nd_ok(nd, p + 2, IPCP_HDRCOMP_MINLEN)) {
		trunc_mark(nd, "ipcp");
		return 0;
	}
	out_fmt(nd->out, "\n\t    TCP Space %u, non-TCP Space %u, maxPeriod %u, maxTime %u, maxHdr %u",
		GET_BE16(nd, p + 4), GET_BE16(nd, p + 6), GET_BE16(nd, p + 8), GET_BE16(nd, p + 10),
		GET_BE16(nd, p + 12));
	if (len <= IPCP_HDRCOMP_MINLEN)
		return 1;
	unsigned left = len - IPCP_HDRCOMP_MINLEN;
	const uint8_t *s = p + IPCP_HDRCOMP_MINLEN;
	*adv = IPCP_HDRCOMP_MINLEN;
	out_fmt(nd->out, "\n\t      Suboptions, length %u", left);
	while (left >= 2) {
		if (!nd_ok(nd, s, 2)) {
			trunc_mark(nd, "ipcp");
			return 0;
		}
		unsigned so = GET_U8(nd, s), sl = GET_U8(nd, s + 1);
		if (so == 0 || sl == 0)
			break;
		ND_STR(nd, "\n\t\t");
		nd_tok(nd, ipcp_comp_subopts, "Unknown", so);
		out_fmt(nd->out, " Suboption #%u, length %u", so, sl);
		if (left < sl) {
			out_fmt(nd->out, " [remaining suboptions length %u < %u]", left, sl);
			nd_print_invalid(nd);
			break;
		}
		left -= sl;
		s += sl;
		*adv += sl;
	}
	return 1;
}

static unsigned ipcp_opt(struct nd *nd, const uint8_t *p, unsigned total)
{
	unsigned opt = 0, len = opt_head(nd, p, total, "ipcp", ipcp_opts, "unknown", &opt), adv = 0;
	if (len == 0)
		return 0;
	switch (opt) {
	case 1:
		if (len != 10) {
			bogus(nd, "=", 10);
			return len;
		}
		ND_STR(nd, ": src ");
		nd_ipaddr(nd, p + 2);
		ND_STR(nd, ", dst ");
		nd_ipaddr(nd, p + 6);
		break;
	case 2: {
		if (len < 4) {
			bogus(nd, ">=", 4);
			return 0;
		}
		uint16_t cp = GET_BE16(nd, p + 2);
		ND_STR(nd, ": ");
		nd_tok(nd, ipcp_comp_protos, "Unknown", cp);
		out_fmt(nd->out, " (0x%02x):", cp);
		if (cp == IPCP_HDRCOMP && !ipcp_hdrcomp(nd, p, len, &adv))
			return 0;
		break;
	}
	case 3:
	case 4:
	case 129:
	case 130:
	case 131:
	case 132:
		if (len != 6) {
			bogus(nd, "=", 6);
			return 0;
		}
		ND_STR(nd, ": ");
		nd_ipaddr(nd, p + 2);
		break;
	default:
		opt_hex_default(nd, p, len);
		break;
	}
	if (nd->o->vflag > 1) {
		/* tcpdump's captured-length test passes for a start past the end */
		size_t avail = nd_avail(nd, p), off = adv + 2;
		if (off > avail)
			ND_STR(nd, "\n\t    Dissector error: print_unknown_data called with pointer past end of packet");
		else
			nd_print_unknown_data(nd, p + off, "\n\t    ", len - 2);
	}
	return len;
}

static unsigned ip6cp_opt(struct nd *nd, const uint8_t *p, unsigned total)
{
	unsigned opt = 0, len = opt_head(nd, p, total, "ip6cp", ip6cp_opts, "unknown", &opt);
	if (len == 0)
		return 0;
	if (opt == 1) {
		if (len != 10) {
			bogus(nd, "=", 10);
			return len;
		}
		if (!nd_ok(nd, p + 2, 8)) {
			trunc_mark(nd, "ip6cp");
			return 0;
		}
		out_fmt(nd->out, ": %04x:%04x:%04x:%04x", GET_BE16(nd, p + 2), GET_BE16(nd, p + 4),
			GET_BE16(nd, p + 6), GET_BE16(nd, p + 8));
	} else {
		opt_hex_default(nd, p, len);
	}
	opt_hex_vv(nd, p, len);
	return len;
}

static unsigned ccp_opt(struct nd *nd, const uint8_t *p, unsigned total)
{
	unsigned opt = 0, len = opt_head(nd, p, total, "ccp", ccp_opts, "Unknown", &opt);
	if (len == 0)
		return 0;
	switch (opt) {
	case 21: /* BSD compress */
		if (len < 3) {
			bogus(nd, ">=", 3);
			return len;
		}
		out_fmt(nd->out, ": Version: %u, Dictionary Bits: %u", GET_U8(nd, p + 2) >> 5, GET_U8(nd, p + 2) & 0x1f);
		break;
	case 24: { /* MVRCA */
		if (len < 4) {
			bogus(nd, ">=", 4);
			return len;
		}
		uint8_t b = GET_U8(nd, p + 2);
		out_fmt(nd->out, ": Features: %u, PxP: %s, History: %u, #CTX-ID: %u", (b & 0xc0) >> 6,
			(b & 0x20) ? "Enabled" : "Disabled", b & 0x1f, GET_U8(nd, p + 3));
		break;
	}
	case 26: { /* deflate */
		if (len < 4) {
			bogus(nd, ">=", 4);
			return len;
		}
		uint8_t b = GET_U8(nd, p + 2);
		out_fmt(nd->out, ": Window: %uK, Method: %s (0x%x), MBZ: %u, CHK: %u", (b & 0xf0) >> 4,
			(b & 0x0f) == 8 ? "zlib" : "unknown", b & 0x0f, (GET_U8(nd, p + 3) & 0xfc) >> 2,
			GET_U8(nd, p + 3) & 0x03);
		break;
	}
	default:
		opt_hex_default(nd, p, len);
		break;
	}
	opt_hex_vv(nd, p, len);
	return len;
}

static unsigned bacp_opt(struct nd *nd, const uint8_t *p, unsigned total)
{
	unsigned opt = 0, len = opt_head(nd, p, total, "bacp", bacp_opts, "Unknown", &opt);
	if (len == 0)
		return 0;
	if (opt == 1) {
		if (len != 6) {
			bogus(nd, "=", 6);
			return len;
		}
		out_fmt(nd->out, ": Magic-Num 0x%08x", GET_BE32(nd, p + 2));
	} else {
		opt_hex_default(nd, p, len);
	}
	opt_hex_vv(nd, p, len);
	return len;
}

/* The options of a Configure-* packet: elen = the encoded length (all of them + 4). */
static void ctrl_options(struct nd *nd, uint16_t proto, const uint8_t *p, unsigned elen)
{
	unsigned (*fn)(struct nd *, const uint8_t *, unsigned);
	switch (proto) {
	case P_LCP:
		fn = lcp_opt;
		break;
	case P_IPCP:
		fn = ipcp_opt;
		break;
	case P_IPV6CP:
		fn = ip6cp_opt;
		break;
	case P_CCP:
		fn = ccp_opt;
		break;
	case P_BACP:
		fn = bacp_opt;
		break;
	default:
		return;
	}
	unsigned left = elen - 4;
	do {
		/* tcpdump hands each option the encoded length, not what is left */
		unsigned adv = fn(nd, p, elen);
		if (adv == 0)
			return;
		if (left < adv) {
			out_fmt(nd->out, " [remaining options length %u < %u]", left, adv);
			nd_print_invalid(nd);
			return;
		}
		left -= adv;
		p += adv;
	} while (left != 0);
}

/* LCP and the network control protocols (RFC 1661 section 5). */
static void ctrl_print(struct nd *nd, uint16_t proto, const uint8_t *p, uint32_t length)
{
	char unk[40];
	const char *name = tok_find(ppp_protos, proto);
	if (!name) {
		snprintf(unk, sizeof unk, "unknown ctrl-proto (0x%04x)", proto);
		name = unk;
	}
	ND_STR(nd, name);
	ND_STR(nd, ", ");
	if (length < 4 || !nd_ok(nd, p, 2)) {
		trunc_mark(nd, name);
		return;
	}
	uint8_t code = GET_U8(nd, p);
	nd_tok(nd, cp_codes, "Unknown Opcode", code);
	out_fmt(nd->out, " (0x%02x), id %u, length %u", code, GET_U8(nd, p + 1), length + 2);
	if (!nd->o->vflag)
		return;
	unsigned len = GET_BE16(nd, p + 2);
	const uint8_t *t = p + 4;
	if (len < 4) {
		out_fmt(nd->out, "\n\tencoded length %u (< 4))", len);
		return;
	}
	if (len > length) {
		out_fmt(nd->out, "\n\tencoded length %u (> packet length %u))", len, length);
		return;
	}
	length = len;
	out_fmt(nd->out, "\n\tencoded length %u (=Option(s) length %u)", len, len - 4);
	if (length == 4)
		return;
	if (nd->o->vflag > 1)
		nd_print_unknown_data(nd, p - 2, "\n\t", 6);
	switch (code) {
	case C_VEXT:
		if (length < 11)
			break;
		out_fmt(nd->out, "\n\t  Magic-Num 0x%08x", GET_BE32(nd, t));
		nd_need(nd, t + 4, 3);
		ND_STR(nd, " Vendor: ");
		nd_tok(nd, oui_names, "Unknown", GET_BE24(nd, t + 4));
		out_fmt(nd->out, " (%u)", GET_BE24(nd, t + 4));
		break;
	case C_CONF_REQ:
	case C_CONF_ACK:
	case C_CONF_NAK:
	case C_CONF_REJ:
		ctrl_options(nd, proto, t, len);
		break;
	case C_TERM_REQ:
	case C_TERM_ACK:
	case C_CODE_REJ:
		break;
	case C_PROT_REJ:
		if (length < 6)
			break;
		nd_need(nd, t, 2); /* read before the line starts, as tcpdump does */
		ND_STR(nd, "\n\t  Rejected ");
		nd_tok(nd, ppp_protos, "unknown", GET_BE16(nd, t));
		out_fmt(nd->out, " Protocol (0x%04x)", GET_BE16(nd, t));
		if (len > 6) {
			ND_STR(nd, "\n\t  Rejected Packet");
			nd_print_unknown_data(nd, t + 2, "\n\t    ", len - 2);
		}
		break;
	case C_ECHO_REQ:
	case C_ECHO_RPL:
	case C_DISC_REQ:
		if (length < 8)
			break;
		out_fmt(nd->out, "\n\t  Magic-Num 0x%08x", GET_BE32(nd, t));
		if (len > 8) {
			ND_STR(nd, "\n\t  -----trailing data-----");
			if (!nd_ok(nd, t + 4, len - 8)) {
				trunc_mark(nd, name);
				return;
			}
			nd_print_unknown_data(nd, t + 4, "\n\t  ", len - 8);
		}
		break;
	case C_ID:
		if (length < 8)
			break;
		out_fmt(nd->out, "\n\t  Magic-Num 0x%08x", GET_BE32(nd, t));
		if (len > 8) {
			/* tcpdump prints len - 4 bytes from the message on, up to the capture's end */
			ND_STR(nd, "\n\t  Message\n\t    ");
			for (unsigned i = 0; i < len - 4; i++) {
				if (!nd_ok(nd, t + 4 + i, 1)) {
					trunc_mark(nd, name);
					return;
				}
				nd_printjn(nd, t + 4 + i, 1);
			}
		}
		break;
	case C_TIME_REM:
		if (length < 12)
			break;
		out_fmt(nd->out, "\n\t  Magic-Num 0x%08x", GET_BE32(nd, t));
		out_fmt(nd->out, ", Seconds-Remaining %us", GET_BE32(nd, t + 4));
		break;
	default:
		if (nd->o->vflag <= 1)
			nd_print_unknown_data(nd, p - 2, "\n\t  ", length + 2);
		break;
	}
}

/* The multilink header (RFC 1990), 12-bit sequence numbers only. */
static void mlppp_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	if (!nd->o->eflag)
		ND_STR(nd, "MLPPP, ");
	if (length < 2 || !nd_ok(nd, p, 2)) {
		trunc_mark(nd, "mlppp");
		return;
	}
	out_fmt(nd->out, "seq 0x%03x, Flags [", GET_BE16(nd, p) & 0x0fff);
	nd_bits(nd, ml_flags, GET_U8(nd, p) & 0xc0, ", ");
	out_fmt(nd->out, "], length %u", length);
}

/*
 * CHAP (RFC 1994) and PAP (RFC 1334) share a header: code id length.  The
 * value sizes are trusted as tcpdump trusts them; every byte read is checked.
 */
static void chap_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	if (length < 1) {
		trunc_mark(nd, "chap");
		return;
	}
	if (length < 4) {
		out_fmt(nd->out, "[|chap 0x%02x]", GET_U8(nd, p));
		return;
	}
	uint8_t code = GET_U8(nd, p);
	ND_STR(nd, "CHAP, ");
	nd_tok(nd, chap_codes, "unknown", code);
	out_fmt(nd->out, " (0x%02x)", code);
	out_fmt(nd->out, ", id %u", GET_U8(nd, p + 1));
	uint32_t len = GET_BE16(nd, p + 2), off = 4;
	switch (code) {
	case 1:
	case 2: {
		if (length - off < 1)
			return;
		uint32_t vs = GET_U8(nd, p + off);
		off++;
		if (length - off < vs)
			return;
		ND_STR(nd, ", Value ");
		for (uint32_t i = 0; i < vs; i++)
			out_fmt(nd->out, "%02x", GET_U8(nd, p + off + i));
		off += vs;
		ND_STR(nd, ", Name ");
		print_chars(nd, p + off, len - off);
		break;
	}
	case 3:
	case 4:
		ND_STR(nd, ", Msg ");
		print_chars(nd, p + off, len - off);
		break;
	default:
		break;
	}
}

static void pap_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	if (length < 1) {
		trunc_mark(nd, "pap");
		return;
	}
	if (length < 4) {
		out_fmt(nd->out, "[|pap 0x%02x]", GET_U8(nd, p));
		return;
	}
	uint8_t code = GET_U8(nd, p);
	ND_STR(nd, "PAP, ");
	nd_tok(nd, pap_codes, "unknown", code);
	out_fmt(nd->out, " (0x%02x)", code);
	out_fmt(nd->out, ", id %u", GET_U8(nd, p + 1));
	uint32_t len = GET_BE16(nd, p + 2), off = 4;
	if (len > length) {
		out_fmt(nd->out, ", length %u > packet size", len);
		return;
	}
	length = len;
	if (length < off) {
		out_fmt(nd->out, ", length %u < PAP header length", length);
		return;
	}
	switch (code) {
	case 1: {
		if (len < 6) {
			trunc_mark(nd, "pap");
			return;
		}
		uint32_t n = GET_U8(nd, p + off);
		off++;
		if (length - off < n)
			return;
		ND_STR(nd, ", Peer ");
		print_chars(nd, p + off, n);
		off += n;
		if (length - off < 1)
			return;
		n = GET_U8(nd, p + off);
		off++;
		if (length - off < n)
			return;
		ND_STR(nd, ", Name ");
		print_chars(nd, p + off, n);
		break;
	}
	case 2:
	case 3: {
		if (len < 5) {
			trunc_mark(nd, "pap");
			return;
		}
		uint32_t n = GET_U8(nd, p + off);
		off++;
		if (length - off < n)
			return;
		ND_STR(nd, ", Msg ");
		print_chars(nd, p + off, n);
		break;
	}
	default:
		break;
	}
}

/*
 * RFC 1662 octet escapes, undone into a private buffer that the accessors
 * then read instead of the packet.  The buffers are chosen by which one the
 * packet pointer is in, so nothing needs resetting after a truncation jump
 * (print.c puts nd->pkt back); three levels of nesting at most.
 */
#define HDLC_BUFS 3
#define HDLC_BUFLEN 262144
static uint8_t hdlc_buf[HDLC_BUFS][HDLC_BUFLEN];

static void ppp_hdlc(struct nd *nd, const uint8_t *p, uint32_t length)
{
	size_t caplen = nd_avail(nd, p);
	if (caplen == 0 || length == 0)
		return;
	int level = 0;
	for (int i = 0; i < HDLC_BUFS; i++)
		if (nd->pkt == hdlc_buf[i])
			level = i + 1;
	if (level >= HDLC_BUFS || caplen > HDLC_BUFLEN) {
		nd_print_trunc(nd);
		return;
	}
	uint8_t *b = hdlc_buf[level], *t = b;
	for (size_t i = 0; i < caplen; i++) {
		uint8_t c = GET_U8(nd, p + i);
		if (c == 0x7d) {
			if (i + 1 >= caplen)
				break;
			i++;
			c = GET_U8(nd, p + i) ^ 0x20;
		}
		*t++ = c;
	}
	const uint8_t *save_pkt = nd->pkt, *save_end = nd->snapend;
	int save_depth = nd->snap_depth;
	nd->pkt = b;
	nd->snapend = t;
	uint32_t n = (uint32_t)(t - b);
	int trunc = 0;
	if (n < 1) {
		trunc = 1;
	} else if (b[0] == PPP_PROTO_IPV4) {
		ip_print(nd, b + 1, n - 1);
	} else if (b[0] == PPP_PROTO_IPV6) {
		ip6_print(nd, b + 1, n - 1);
	} else if (n < 2) {
		trunc = 1;
	} else {
		uint16_t proto = GET_BE16(nd, b);
		const uint8_t *q = b + 2;
		if (proto == (PPP_ADDRESS << 8 | PPP_CONTROL)) {
			if (n < 4)
				trunc = 1;
			else
				proto = GET_BE16(nd, b + 2);
			q = b + 4;
		}
		if (!trunc) {
			if ((proto & 0xff00) == 0x7e00)
				out_fmt(nd->out, "(protocol 0x%04x invalid)", proto);
			else
				handle_ppp(nd, proto, q, n - (uint32_t)(q - b));
		}
	}
	nd->pkt = save_pkt;
	nd->snapend = save_end;
	nd->snap_depth = save_depth;
	if (trunc)
		nd_print_trunc(nd);
}

static void handle_ppp(struct nd *nd, uint16_t proto, const uint8_t *p, uint32_t len)
{
	if ((proto & 0xff00) == 0x7e00) { /* still HDLC-escaped */
		ppp_hdlc(nd, p - 1, len);
		return;
	}
	switch (proto) {
	case P_LCP:
	case P_IPCP:
	case P_OSICP:
	case P_MPLSCP:
	case P_IPV6CP:
	case P_CCP:
	case P_BACP:
		ctrl_print(nd, proto, p, len);
		break;
	case P_ML:
		mlppp_print(nd, p, len);
		break;
	case P_CHAP:
		chap_print(nd, p, len);
		break;
	case P_PAP:
		pap_print(nd, p, len);
		break;
	case P_BAP: /* tcpdump prints nothing for it */
		break;
	case ETHERTYPE_IPV4:
	case P_VJNC: /* VJ uncompressed: an IP header with the connection number in it */
	case PPP_PROTO_IPV4:
		ip_print(nd, p, len);
		break;
	case ETHERTYPE_IPV6:
	case PPP_PROTO_IPV6:
		ip6_print(nd, p, len);
		break;
	case 0x8137: /* IPX's ethertype */
	case P_IPX:
		ipx_print(nd, p, len);
		break;
	case P_OSI:
		if (isoclns_print)
			isoclns_print(nd, p, len);
		break;
	case PPP_PROTO_MPLS:
	case PPP_PROTO_MPLS_MULTI:
		mpls_print(nd, p, len);
		break;
	case P_COMP:
		ND_STR(nd, "compressed PPP data");
		break;
	default:
		nd_tok(nd, ppp_protos, "unknown PPP protocol (0x%04x)", proto);
		ND_CHR(nd, ' ');
		nd_print_unknown_data(nd, p, "\n\t", len);
		break;
	}
}

uint32_t ppp_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint32_t len = length, hdr = 0;
	nd->protocol = "ppp";
	if (len < 2) {
		nd_print_trunc(nd);
		return 0;
	}
	uint16_t first = GET_BE16(nd, p);
	if (first == 0x0003 || first == 0x0103 || first == (PPP_ADDRESS << 8 | PPP_CONTROL)) {
		/* pppd's direction byte (0 in, 1 out) or the RFC 1662 address */
		if (nd->o->eflag && first != 0xff03)
			ND_STR(nd, first == 0x0003 ? "In  " : "Out ");
		p += 2;
		len -= 2;
		hdr += 2;
	}
	if (len < 2) {
		nd_print_trunc(nd);
		return 0;
	}
	uint16_t proto;
	if (GET_U8(nd, p) & 1) { /* protocol field compression */
		proto = GET_U8(nd, p);
		p++;
		len--;
		hdr++;
	} else {
		proto = GET_BE16(nd, p);
		p += 2;
		len -= 2;
		hdr += 2;
	}
	if (nd->o->eflag) {
		const char *name = tok_find(ppp_protos, proto);
		out_fmt(nd->out, "%s (0x%04x), length %u", name ? name : "unknown", proto, length);
		if (!name)
			return hdr; /* tcpdump stops after the header for an unknown protocol */
		ND_STR(nd, ": ");
	}
	handle_ppp(nd, proto, p, len);
	return hdr;
}

/* DLT_PPP (and pppd's DLT_PPP_PPPD, DLT_PPP_WITH_DIR): a PPP frame. */
void ppp_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "ppp";
	if (caplen < PPP_HDRLEN) {
		nd_print_trunc(nd);
		nd->ll_hdr_len = caplen;
		return;
	}
	nd->ll_hdr_len = PPP_HDRLEN;
	ppp_print(nd, p, len);
}

/*
 * DLT_PPP_SERIAL: RFC 1662 framing (address 0xff), or Cisco HDLC (RFC 1547
 * section 4.3.1, address 0x0f / 0x8f) handed to the Cisco HDLC printer.
 */
void ppp_hdlc_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "ppp_hdlc";
	if (caplen < 2) {
		nd_print_trunc(nd);
		nd->ll_hdr_len = caplen;
		return;
	}
	uint8_t addr = GET_U8(nd, p);
	if (addr == CHDLC_UNICAST || addr == CHDLC_BCAST) {
		chdlc_print(nd, p, caplen, len);
		return;
	}
	if (caplen < 4) {
		nd_print_trunc(nd);
		nd->ll_hdr_len = caplen;
		return;
	}
	if (nd->o->eflag)
		out_fmt(nd->out, "%02x %02x %u ", addr, GET_U8(nd, p + 1), len);
	if (addr != PPP_ADDRESS) {
		/* tcpdump shows the two bytes after address and control */
		out_fmt(nd->out, "unknown addr %02x; ctrl %02x", GET_U8(nd, p + 2), GET_U8(nd, p + 3));
		nd->ll_hdr_len = 2;
		return;
	}
	uint16_t proto = GET_BE16(nd, p + 2);
	nd->ll_hdr_len = PPP_HDRLEN;
	nd_tok(nd, ppp_protos, "unknown PPP protocol (0x%04x)", proto);
	ND_STR(nd, ": ");
	handle_ppp(nd, proto, p + 4, len - 4);
}

/* DLT_PPP_BSDOS: tcpdump decodes it only on BSD/OS, elsewhere prints nothing. */
void ppp_bsdos_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	(void)p;
	(void)caplen;
	(void)len;
	nd->protocol = "ppp_bsdos";
	nd->ll_hdr_len = 0;
}

/* DLT_PPP_ETHER: a PPPoE header without the Ethernet one. */
void pppoe_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	(void)caplen;
	nd->protocol = "pppoe";
	nd->ll_hdr_len = pppoe_print(nd, p, len);
}
