/*
 * pppoe.c - PPP over Ethernet (RFC 2516) and the PPP frame inside (RFC 1661),
 * as tcpdump 4.99 prints them.
 *
 *   +-----+-----+--------+------------+---------+
 *   | ver | typ |  code  | session id |  length |   6 bytes, then tags
 *   +-----+-----+--------+------------+---------+   (discovery) or PPP (session)
 *
 * PPP: optional address/control (0xff 0x03), a 2-byte protocol (1 byte when
 * protocol-field compression is used).  IPv4, IPv6 and MPLS are followed;
 * control protocols (LCP, IPCP, ...) get their code/id/length line.
 */
#include "tunnel.h"

#include <stdio.h>

#include "../proto.h"

#define PPPOE_HDRLEN 6
#define PPPOE_PADI 0x09
#define PPPOE_TAG_MAX 80 /* tag values longer than this are cut for the ASCII form */

static const struct tok pppoe_codes[] = {
	{0x09, "PADI"}, {0x07, "PADO"}, {0x19, "PADR"}, {0x65, "PADS"}, {0xa7, "PADT"}, {0, ""}, {0, NULL}};

static const struct tok pppoe_tags[] = {
	{0x0000, "EOL"}, {0x0101, "Service-Name"}, {0x0102, "AC-Name"}, {0x0103, "Host-Uniq"},
	{0x0104, "AC-Cookie"}, {0x0105, "Vendor-Specific"}, {0x0110, "Relay-Session-ID"},
	{0x0120, "PPP-Max-Payload"}, {0x0201, "Service-Name-Error"}, {0x0202, "AC-System-Error"},
	{0x0203, "Generic-Error"}, {0, NULL}};

static const struct tok ppp_protos[] = {
	{PPP_PROTO_IPV4, "IP"}, {0x0023, "OSI"}, {0x0025, "NS"}, {0x0027, "DECNET"}, {0x0029, "APPLE"},
	{0x002b, "IPX"}, {0x002d, "VJC IP"}, {0x002f, "VJNC IP"}, {0x0031, "BRPDU"}, {0x0033, "STII"},
	{0x0035, "VINES"}, {PPP_PROTO_MPLS, "MPLS"}, {PPP_PROTO_MPLS_MULTI, "MPLS"}, {0x00fd, "Compressed"},
	{0x003d, "MLPPP"}, {PPP_PROTO_IPV6, "IP6"}, {0x0201, "HELLO"}, {0x0231, "LUXCOM"}, {0x0233, "SNS"},
	{0x8021, "IPCP"}, {0x8023, "OSICP"}, {0x8025, "NSCP"}, {0x8027, "DECNETCP"}, {0x8029, "APPLECP"},
	{0x802b, "IPXCP"}, {0x8033, "STIICP"}, {0x8035, "VINESCP"}, {0x8057, "IP6CP"}, {0x8281, "MPLSCP"},
	{0xc021, "LCP"}, {0xc023, "PAP"}, {0xc025, "LQM"}, {0xc223, "CHAP"}, {0xc227, "EAP"}, {0xc027, "SPAP"},
	{0xc123, "Old-SPAP"}, {0xc02b, "BACP"}, {0xc02d, "BAP"}, {0xc03d, "MLPPP-CP"}, {0x80fd, "CCP"},
	{0, NULL}};

/* Codes of the control protocols (LCP and friends, RFC 1661 section 5). */
static const struct tok ppp_cp_codes[] = {
	{0, "Vend-Ext"}, {1, "Conf-Request"}, {2, "Conf-Ack"}, {3, "Conf-Nack"}, {4, "Conf-Reject"},
	{5, "Term-Request"}, {6, "Term-Ack"}, {7, "Code-Reject"}, {8, "Prot-Reject"}, {9, "Echo-Request"},
	{10, "Echo-Reply"}, {11, "Discard-Request"}, {12, "Ident"}, {13, "Time-Remain"}, {14, "Reset-Req"},
	{15, "Reset-Ack"}, {0, NULL}};

/* LCP configuration options (RFC 1661 section 6 and the IANA registry), by number. */
static const char *const lcp_opt_names[] = {
	"Vend-Ext", "MRU", "ACCM", "Auth-Prot", "Qual-Prot", "Magic-Num", "deprecated(6)", "PFC", "ACFC",
	"FCS-Alt", "SDP", "Num-Mode", "deprecated(12)", "Call-Back", "deprecated(14)", "deprecated(15)",
	"deprecated(16)", "MRRU", "12-Bit seq #", "End-Disc", "Proprietary", "DCE-Id", "MP+", "Link-Disc",
	"LCP-Auth-Opt", "COBS", "Prefix-elision", "Multilink-header-Form", "I18N", "SDL-over-SONET/SDH",
	"PPP-Muxing"};
#define LCP_NOPTS (sizeof lcp_opt_names / sizeof lcp_opt_names[0])

/* 1 for the options whose value synack prints as tcpdump does; an option with
 * a value form synack does not decode (vendor extension, quality protocol,
 * link discriminator, other authentication protocols, ...) makes the whole
 * packet fall back to the hex form. */
static int lcp_opt_supported(struct nd *nd, const uint8_t *o, unsigned olen)
{
	uint8_t t = GET_U8(nd, o);
	switch (t) {
	case 1:
	case 2:
	case 5:
	case 7:
	case 8:
	case 17:
		return 1;
	case 3: {
		if (olen < 4)
			return 1;
		uint16_t ap = GET_BE16(nd, o + 2);
		if (ap == 0xc023)
			return 1;
		return ap == 0xc223 && olen >= 5 && GET_U8(nd, o + 4) == 5;
	}
	case 13:
		return olen < 3 || GET_U8(nd, o + 2) == 1 || GET_U8(nd, o + 2) == 6;
	case 19:
		return olen < 3 || GET_U8(nd, o + 2) <= 1;
	case 0:
	case 4:
	case 23:
		return 0;
	default:
		return t < LCP_NOPTS; /* name, then the value as hex */
	}
}

/* 1 when the options of an LCP Configure-* packet can be printed: they fill
 * the option length exactly, each is captured and supported. */
static int lcp_opts_ok(struct nd *nd, const uint8_t *p, unsigned optlen)
{
	unsigned off = 0;
	while (off < optlen) {
		if (optlen - off < 2 || !nd_ok(nd, p + off, 2))
			return 0;
		unsigned olen = GET_U8(nd, p + off + 1);
		if (olen < 2 || olen > optlen - off || !nd_ok(nd, p + off, olen))
			return 0;
		if (!lcp_opt_supported(nd, p + off, olen))
			return 0;
		off += olen;
	}
	return 1;
}

static void lcp_opt_print(struct nd *nd, const uint8_t *o, unsigned olen)
{
	uint8_t t = GET_U8(nd, o);
	out_fmt(nd->out, "\n\t  %s Option (0x%02x), length %u", lcp_opt_names[t], t, olen);
	unsigned want = 0;
	if (t == 1 || t == 17)
		want = 4;
	else if (t == 2 || t == 5)
		want = 6;
	if (want && olen != want) {
		out_fmt(nd->out, " (length bogus, should be = %u)", want);
		return;
	}
	if ((t == 3 && olen < 4) || ((t == 13 || t == 19) && olen < 3)) {
		out_fmt(nd->out, " (length bogus, should be >= %u)", t == 3 ? 4u : 3u);
		return;
	}
	switch (t) {
	case 1:
	case 17:
		out_fmt(nd->out, ": %u", GET_BE16(nd, o + 2));
		break;
	case 2:
	case 5:
		out_fmt(nd->out, ": 0x%08x", GET_BE32(nd, o + 2));
		break;
	case 3:
		ND_STR(nd, GET_BE16(nd, o + 2) == 0xc023 ? ": PAP" : ": CHAP, MD5");
		break;
	case 7:
	case 8:
		break;
	case 13:
		out_fmt(nd->out, ": : Callback Operation %s (%u)", GET_U8(nd, o + 2) == 1 ? "DialString" : "CBCP",
			GET_U8(nd, o + 2));
		break;
	case 19:
		ND_STR(nd, GET_U8(nd, o + 2) == 0 ? ": Null" : ": Local");
		break;
	default:
		if (nd->o->vflag < 2)
			nd_print_unknown_data(nd, o + 2, "\n\t    ", olen - 2);
		break;
	}
	if (nd->o->vflag > 1)
		nd_print_unknown_data(nd, o + 2, "\n\t    ", olen - 2);
}

/* The one line tcpdump prints for a control protocol packet without -v. */
static void ppp_ctrl_print(struct nd *nd, uint16_t proto, const uint8_t *p, uint32_t len)
{
	char unk[32];
	const char *name = tok_find(ppp_protos, proto);
	if (!name) {
		snprintf(unk, sizeof unk, "unknown ctrl-proto (0x%04x)", proto);
		name = unk;
	}
	ND_STR(nd, name);
	ND_STR(nd, ", ");
	if (len < 4) {
		/* tcpdump names the control protocol in the marker */
		ND_STR(nd, "[|");
		ND_STR(nd, name);
		ND_CHR(nd, ']');
		return;
	}
	uint8_t code = GET_U8(nd, p);
	nd_tok(nd, ppp_cp_codes, "Unknown Opcode", code);
	ND_STR(nd, " (0x");
	out_hex(nd->out, code, 2);
	ND_STR(nd, "), id ");
	ND_U(nd, GET_U8(nd, p + 1));
	ND_STR(nd, ", length ");
	ND_U(nd, len + 2);
	if (!nd->o->vflag)
		return;
	uint16_t elen = GET_BE16(nd, p + 2);
	out_fmt(nd->out, "\n\tencoded length %u (=Option(s) length %u)", elen, (unsigned)(uint16_t)(elen - 4));
	if (nd->o->vflag > 1 && len > 4)
		nd_print_unknown_data(nd, p - 2, "\n\t", 6);
	switch (code) {
	case 1:
	case 2:
	case 3:
	case 4:
		/* LCP options only: checked by lcp_opts_ok() before this is called */
		for (unsigned off = 4; off < elen;) {
			unsigned olen = GET_U8(nd, p + off + 1);
			lcp_opt_print(nd, p + off, olen);
			off += olen;
		}
		break;
	case 9:
	case 10:
	case 11:
		if (len < 8)
			break;
		out_fmt(nd->out, "\n\t  Magic-Num 0x%08x", GET_BE32(nd, p + 4));
		if (elen > 8) {
			ND_STR(nd, "\n\t  -----trailing data-----");
			nd_print_unknown_data(nd, p + 8, "\n\t  ", elen - 8u);
		}
		break;
	default:
		break;
	}
}

uint32_t ppp_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint32_t len = length, hdr = 0;
	nd->protocol = "ppp";
	if (len < 2)
		goto trunc;
	uint16_t first = GET_BE16(nd, p);
	if (first == 0x0003 || first == 0x0103) {
		if (nd->o->eflag)
			ND_STR(nd, first == 0x0003 ? "In  " : "Out ");
		p += 2;
		len -= 2;
		hdr += 2;
	} else if (first == 0xff03) {
		p += 2;
		len -= 2;
		hdr += 2;
	}
	if (len < 2)
		goto trunc;
	uint16_t proto;
	if (GET_U8(nd, p) & 1) {
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
		ND_STR(nd, name ? name : "unknown");
		ND_STR(nd, " (0x");
		out_hex(nd->out, proto, 4);
		ND_STR(nd, "), length ");
		ND_U(nd, length);
		if (!name)
			return hdr; /* tcpdump stops after the header for an unknown protocol */
		ND_STR(nd, ": ");
	}
	switch (proto) {
	case PPP_PROTO_IPV4:
	case 0x002f: /* VJ uncompressed: an IP header with the connection number in it */
	case ETHERTYPE_IPV4:
		ip_print(nd, p, len);
		break;
	case PPP_PROTO_IPV6:
	case ETHERTYPE_IPV6:
		ip6_print(nd, p, len);
		break;
	case PPP_PROTO_MPLS:
	case PPP_PROTO_MPLS_MULTI:
		mpls_print(nd, p, len);
		break;
	case 0x00fd:
		ND_STR(nd, "compressed PPP data");
		break;
	case 0xc021: /* LCP */
	case 0x8021: /* IPCP */
	case 0x8023: /* OSICP */
	case 0x8281: /* MPLSCP */
	case 0x8057: /* IP6CP */
	case 0x80fd: /* CCP */
	case 0xc02b: /* BACP */
		/* with -v: echo/discard, terminate, and configure packets whose options
		 * synack decodes (LCP) or that have none; the others as hex */
		if (nd->o->vflag && len > 4 && nd_ok(nd, p, 4)) {
			uint8_t c = GET_U8(nd, p);
			uint16_t el = GET_BE16(nd, p + 2);
			int ok = (c >= 9 && c <= 11) || c == 5 || c == 6;
			if (c >= 1 && c <= 4)
				ok = el == 4 || (proto == 0xc021 && el > 4 && el <= len && lcp_opts_ok(nd, p + 4, el - 4u));
			if (!ok)
				goto unknown;
		}
		ppp_ctrl_print(nd, proto, p, len);
		break;
	default:
	unknown: {
		const char *name = tok_find(ppp_protos, proto);
		if (name) {
			ND_STR(nd, name);
		} else {
			ND_STR(nd, "unknown PPP protocol (0x");
			out_hex(nd->out, proto, 4);
			ND_CHR(nd, ')');
		}
		ND_CHR(nd, ' ');
		nd_print_unknown_data(nd, p, "\n\t", len);
		break;
	}
	}
	return hdr;
trunc:
	nd_print_trunc(nd);
	return 0;
}

void pppoe_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "pppoe";
	if (length < PPPOE_HDRLEN) {
		out_fmt(nd->out, " (length %u < %u)", length, PPPOE_HDRLEN);
		nd_print_invalid(nd);
		nd_need(nd, p, length);
		return;
	}
	length -= PPPOE_HDRLEN;
	nd_need(nd, p, PPPOE_HDRLEN);
	uint8_t vt = GET_U8(nd, p), code = GET_U8(nd, p + 1);
	uint16_t sid = GET_BE16(nd, p + 2);
	uint32_t plen = GET_BE16(nd, p + 4);
	const uint8_t *pl = p + PPPOE_HDRLEN;
	if ((vt >> 4) != 1)
		out_fmt(nd->out, " [ver %u]", vt >> 4);
	if ((vt & 15) != 1)
		out_fmt(nd->out, " [type %u]", vt & 15);
	ND_STR(nd, "PPPoE ");
	nd_tok(nd, pppoe_codes, "PAD-%x", code);
	if (code == PPPOE_PADI && plen > 1484 - PPPOE_HDRLEN)
		out_fmt(nd->out, " [len %u!]", plen);
	if (plen > length) {
		out_fmt(nd->out, " [len %u > %u!]", plen, length);
		plen = length;
	}
	if (sid)
		out_fmt(nd->out, " [ses 0x%x]", sid);
	if (code == 0) {
		ND_CHR(nd, ' ');
		ppp_print(nd, pl, plen);
		return;
	}
	/* discovery: tags up to the end-of-list tag or the PPPoE length */
	const uint8_t *t = pl;
	uint16_t type = 0xffff;
	while (type && (size_t)(t - pl) < plen) {
		type = GET_BE16(nd, t);
		uint16_t tlen = GET_BE16(nd, t + 2);
		t += 4;
		nd_need(nd, t, tlen); /* the whole value is captured before anything is printed */
		const char *name = tok_find(pppoe_tags, type);
		ND_STR(nd, " [");
		if (name)
			ND_STR(nd, name);
		else
			out_fmt(nd->out, "TAG-0x%x", type);
		if (tlen) {
			unsigned ascii = 0, other = 0, n = tlen < PPPOE_TAG_MAX - 1 ? tlen : PPPOE_TAG_MAX - 1;
			for (unsigned i = 0; i < n; i++) {
				uint8_t c = GET_U8(nd, t + i);
				if (c >= 0x20 && c < 0x7f)
					ascii++;
				else
					other++;
			}
			if (ascii > other) {
				ND_STR(nd, " \"");
				for (unsigned i = 0; i < n; i++) {
					uint8_t c = GET_U8(nd, t + i);
					ND_CHR(nd, (char)(c >= 0x20 && c < 0x7f ? c : '.'));
				}
				ND_CHR(nd, '"');
			} else {
				ND_STR(nd, " 0x");
				static const char hx[] = "0123456789ABCDEF";
				for (unsigned i = 0; i < tlen; i++) {
					uint8_t c = GET_U8(nd, t + i);
					ND_CHR(nd, hx[c >> 4]);
					ND_CHR(nd, hx[c & 15]);
				}
			}
		}
		ND_CHR(nd, ']');
		t += tlen;
	}
}
