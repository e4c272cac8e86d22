/*
 * lmp.c - the Link Management Protocol (RFC 4204) with the UNI 1.0 service
 * discovery objects, UDP port 701 (and -T lmp), as tcpdump 4.99 prints it:
 * the message type without -v, every object from -v, hex dumps from -vv.
 *
 *   header: | version (4 bits) + reserved (12) | flags | msg type | length (2) | rsvd (2) |
 *   object: | N + C-Type | class | length (2) | contents |
 */
#include <string.h>

#include "svc2.h"

extern const struct tok gmpls_switch_names[];
extern const struct tok gmpls_encoding_names[];

static const struct tok lmp_hdr_flags[] = {{1, "Control Channel Down"}, {2, "LMP restart"}, {0, NULL}};
static const struct tok lmp_te_link_flags[] = {
	{1, "Fault Management Supported"}, {2, "Link Verification Supported"}, {0, NULL},
};
static const struct tok lmp_data_link_flags[] = {
	{1, "Data Link Port"}, {2, "Allocated for user traffic"}, {4, "Failed link"}, {0, NULL},
};
static const struct tok lmp_channel_status[] = {
	{1, "Signal Okay"}, {2, "Signal Degraded"}, {3, "Signal Fail"}, {0, NULL},
};
static const struct tok lmp_begin_verify_flags[] = {{1, "Verify all links"}, {2, "Data link type"}, {0, NULL}};
static const struct tok lmp_begin_verify_errors[] = {
	{1, "Link Verification Procedure Not supported"}, {2, "Unwilling to verify"},
	{4, "Unsupported verification transport mechanism"}, {8, "Link-Id configuration error"},
	{16, "Unknown object c-type"}, {0, NULL},
};
static const struct tok lmp_link_summary_errors[] = {
	{1, "Unacceptable non-negotiable LINK-SUMMARY parameters"}, {2, "Renegotiate LINK-SUMMARY parameters"},
	{4, "Invalid TE-LINK Object"}, {8, "Invalid DATA-LINK Object"}, {16, "Unknown TE-LINK Object c-type"},
	{32, "Unknown DATA-LINK Object c-type"}, {0, NULL},
};
static const struct tok lmp_sp_flags[] = {{1, "RSVP Supported"}, {2, "LDP Supported"}, {0, NULL}};
static const struct tok lmp_cpsa_tp_flags[] = {
	{1, "Path/VC Overhead Transparency Supported"}, {2, "Line/MS Overhead Transparency Supported"},
	{4, "Section/RS Overhead Transparency Supported"}, {0, NULL},
};
static const struct tok lmp_cpsa_cct_flags[] = {{1, "Contiguous Concatenation Types Supported"}, {0, NULL}};
static const struct tok lmp_nsa_tp_flags[] = {
	{1, "Standard SOH/RSOH Transparency Supported"}, {2, "Standard LOH/MSOH Transparency Supported"}, {0, NULL},
};
static const struct tok lmp_nsa_tcm_flags[] = {{1, "Transparent Tandem Connection Monitoring Supported"}, {0, NULL}};
static const struct tok lmp_nsa_diversity_flags[] = {
	{1, "Node Diversity Supported"}, {2, "Link Diversity Supported"}, {4, "SRLG Diversity Supported"}, {0, NULL},
};
static const struct tok lmp_cpsa_link_types[] = {{5, "SDH ITU-T G.707"}, {6, "SONET ANSI T1.105"}, {0, NULL}};
static const struct tok lmp_cpsa_sdh[] = {
	{5, "VC-3"}, {6, "VC-4"}, {7, "STM-0"}, {8, "STM-1"}, {9, "STM-4"}, {10, "STM-16"},
	{11, "STM-64"}, {12, "STM-256"}, {0, NULL},
};
static const struct tok lmp_cpsa_sonet[] = {
	{5, "STS-1 SPE"}, {6, "STS-3c SPE"}, {7, "STS-1"}, {8, "STM-3"}, {9, "STM-12"}, {10, "STM-48"},
	{11, "STM-192"}, {12, "STM-768"}, {0, NULL},
};

static const struct tok lmp_msg_names[] = {
	{1, "Config"}, {2, "Config ACK"}, {3, "Config NACK"}, {4, "Hello"}, {5, "Begin Verify"},
	{6, "Begin Verify ACK"}, {7, "Begin Verify NACK"}, {8, "End Verify"}, {9, "End Verify ACK"},
	{10, "Test"}, {11, "Test Status Success"}, {12, "Test Status Failure"}, {13, "Test Status ACK"},
	{14, "Link Summary"}, {15, "Link Summary ACK"}, {16, "Link Summary NACK"}, {17, "Channel Status"},
	{18, "Channel Status ACK"}, {19, "Channel Status Request"}, {20, "Channel Status Response"},
	{50, "Service Config"}, {51, "Service Config ACK"}, {52, "Service Config NACK"}, {0, NULL},
};

enum {
	L_CC_ID = 1, L_NODE_ID, L_LINK_ID, L_INTERFACE_ID, L_MESSAGE_ID, L_CONFIG, L_HELLO, L_VERIFY_BEGIN,
	L_VERIFY_BEGIN_ACK, L_VERIFY_ID, L_TE_LINK, L_DATA_LINK, L_CHANNEL_STATUS, L_CHANNEL_STATUS_REQ,
	L_ERROR_CODE = 20, L_SERVICE_CONFIG = 51,
};

static const struct tok lmp_obj_names[] = {
	{L_CC_ID, "Control Channel ID"}, {L_NODE_ID, "Node ID"}, {L_LINK_ID, "Link ID"},
	{L_INTERFACE_ID, "Interface ID"}, {L_MESSAGE_ID, "Message ID"}, {L_CONFIG, "Configuration"},
	{L_HELLO, "Hello"}, {L_VERIFY_BEGIN, "Verify Begin"}, {L_VERIFY_BEGIN_ACK, "Verify Begin ACK"},
	{L_VERIFY_ID, "Verify ID"}, {L_TE_LINK, "TE Link"}, {L_DATA_LINK, "Data Link"},
	{L_CHANNEL_STATUS, "Channel Status"}, {L_CHANNEL_STATUS_REQ, "Channel Status Request"},
	{L_ERROR_CODE, "Error Code"}, {L_SERVICE_CONFIG, "Service Config"}, {0, NULL},
};

#define CT(o, c) ((o) * 256 + (c))
static const struct tok lmp_ctype_names[] = {
	{CT(L_CC_ID, 1), "Local"}, {CT(L_CC_ID, 2), "Remote"}, {CT(L_NODE_ID, 1), "Local"},
	{CT(L_NODE_ID, 2), "Remote"}, {CT(L_LINK_ID, 1), "IPv4 Local"}, {CT(L_LINK_ID, 2), "IPv4 Remote"},
	{CT(L_LINK_ID, 3), "IPv6 Local"}, {CT(L_LINK_ID, 4), "IPv6 Remote"},
	{CT(L_LINK_ID, 5), "Unnumbered Local"}, {CT(L_LINK_ID, 6), "Unnumbered Remote"},
	{CT(L_INTERFACE_ID, 1), "IPv4 Local"}, {CT(L_INTERFACE_ID, 2), "IPv4 Remote"},
	{CT(L_INTERFACE_ID, 3), "IPv6 Local"}, {CT(L_INTERFACE_ID, 4), "IPv6 Remote"},
	{CT(L_INTERFACE_ID, 5), "Unnumbered Local"}, {CT(L_INTERFACE_ID, 6), "Unnumbered Remote"},
	{CT(L_MESSAGE_ID, 1), "1"}, {CT(L_MESSAGE_ID, 2), "2"}, {CT(L_CONFIG, 1), "1"}, {CT(L_HELLO, 1), "1"},
	{CT(L_VERIFY_BEGIN, 1), "1"}, {CT(L_VERIFY_BEGIN_ACK, 1), "1"}, {CT(L_VERIFY_ID, 1), "1"},
	{CT(L_TE_LINK, 1), "IPv4"}, {CT(L_TE_LINK, 2), "IPv6"}, {CT(L_TE_LINK, 3), "Unnumbered"},
	{CT(L_DATA_LINK, 1), "IPv4"}, {CT(L_DATA_LINK, 2), "IPv6"}, {CT(L_DATA_LINK, 3), "Unnumbered"},
	{CT(L_CHANNEL_STATUS, 1), "IPv4"}, {CT(L_CHANNEL_STATUS, 2), "IPv6"},
	{CT(L_CHANNEL_STATUS, 3), "Unnumbered"}, {CT(L_CHANNEL_STATUS_REQ, 1), "IPv4"},
	{CT(L_CHANNEL_STATUS_REQ, 2), "IPv6"}, {CT(L_CHANNEL_STATUS_REQ, 3), "Unnumbered"},
	{CT(L_ERROR_CODE, 1), "1"}, {CT(L_ERROR_CODE, 2), "2"}, {CT(L_SERVICE_CONFIG, 1), "1"},
	{CT(L_SERVICE_CONFIG, 2), "2"}, {CT(L_SERVICE_CONFIG, 3), "3"}, {CT(L_SERVICE_CONFIG, 4), "4"},
	{0, NULL},
};

static const char *tok_or(const struct tok *t, uint32_t v, const char *dflt)
{
	const char *s = tok_find(t, v);
	return s ? s : dflt;
}

/* An IEEE float from the packet; arithmetic on it stays in float, as tcpdump's. */
static float lmp_float(uint32_t v)
{
	float f;
	memcpy(&f, &v, sizeof f);
	return f;
}

static void lmp_bits_line(struct nd *nd, const char *label, const struct tok *t, uint32_t v, int brackets)
{
	ND_STR(nd, label);
	if (brackets)
		ND_CHR(nd, '[');
	nd_bits(nd, t, v, ", ");
	if (brackets)
		ND_CHR(nd, ']');
}

/* "addr (0x%08x)" for an IPv4, IPv6 (first word in hex) or unnumbered id. */
static void lmp_id(struct nd *nd, const uint8_t *p, int kind)
{
	uint32_t w = GET_BE32(nd, p);
	if (kind == 4)
		nd_ipaddr(nd, p);
	else if (kind == 6)
		nd_ip6addr(nd, p);
	else
		ND_U(nd, w);
	out_fmt(nd->out, " (0x%08x)", w);
}

/* Data link subobjects; 1 when the object should be hex dumped. */
static int lmp_subobjs(struct nd *nd, const uint8_t *p, int total)
{
	while (total > 0) {
		uint8_t t = GET_U8(nd, p), l = GET_U8(nd, p + 1);
		out_fmt(nd->out, "\n\t    Subobject, Type: %s (%u), Length: %u",
			t == 1 ? "Interface Switching Type" : t == 2 ? "Wavelength" : "Unknown", t, l);
		if (l < 4) {
			ND_STR(nd, " (too short)");
			break;
		}
		if (l % 4) {
			ND_STR(nd, " (not a multiple of 4)");
			break;
		}
		if (total < l) {
			ND_STR(nd, " (goes past the end of the object)");
			break;
		}
		if (t == 1) {
			uint8_t sw = GET_U8(nd, p + 2);
			out_fmt(nd->out, "\n\t      Switching Type: %s (%u)", tok_or(gmpls_switch_names, sw, "Unknown"), sw);
			uint8_t enc = GET_U8(nd, p + 3);
			out_fmt(nd->out, "\n\t      Encoding Type: %s (%u)", tok_or(gmpls_encoding_names, enc, "Unknown"), enc);
			out_fmt(nd->out, "\n\t      Min Reservable Bandwidth: %.3f Mbps",
				(double)(lmp_float(GET_BE32(nd, p + 4)) * 8.0f / 1000000.0f));
			out_fmt(nd->out, "\n\t      Max Reservable Bandwidth: %.3f Mbps",
				(double)(lmp_float(GET_BE32(nd, p + 8)) * 8.0f / 1000000.0f));
		} else if (t == 2) {
			out_fmt(nd->out, "\n\t      Wavelength: %u", GET_BE32(nd, p + 4));
		} else {
			return 1;
		}
		total -= l;
		p += l;
	}
	return 0;
}

static void lmp_channel(struct nd *nd, const uint8_t *p, unsigned n, int kind, int with_status)
{
	unsigned asz = kind == 6 ? 16 : 4, step = asz + (with_status ? 4 : 0);
	for (unsigned off = 0; off + step <= n; off += step) {
		ND_STR(nd, "\n\t    Interface ID: ");
		lmp_id(nd, p + off, kind);
		if (!with_status)
			continue;
		uint32_t s = GET_BE32(nd, p + off + asz);
		out_fmt(nd->out, "\n\t\t    Active: %s (%u)", s >> 31 ? "Allocated" : "Non-allocated", s >> 31);
		out_fmt(nd->out, "\n\t\t    Direction: %s (%u)", (s >> 30) & 1 ? "Transmit" : "Receive", (s >> 30) & 1);
		out_fmt(nd->out, "\n\t\t    Channel Status: %s (%u)", tok_or(lmp_channel_status, s & 0x3ffffff, "Unknown"),
			s & 0x3ffffff);
	}
}

static int lmp_bad(struct nd *nd)
{
	ND_STR(nd, " (not correct for object)");
	return 0;
}

static int lmp_service_config(struct nd *nd, unsigned ct, const uint8_t *p, unsigned n)
{
	switch (ct) {
	case 1:
		if (n != 4)
			return lmp_bad(nd);
		lmp_bits_line(nd, "\n\t Flags: ", lmp_sp_flags, GET_U8(nd, p), 0);
		out_fmt(nd->out, "\n\t  UNI Version: %u", GET_U8(nd, p + 1));
		return 0;
	case 2: {
		if (n != 16)
			return lmp_bad(nd);
		uint8_t lt = GET_U8(nd, p), st = GET_U8(nd, p + 1);
		out_fmt(nd->out, "\n\t Link Type: %s (%u)", tok_or(lmp_cpsa_link_types, lt, "Unknown"), lt);
		if (lt == 5)
			out_fmt(nd->out, "\n\t Signal Type: %s (%u)", tok_or(lmp_cpsa_sdh, st, "Unknown"), st);
		else if (lt == 6)
			out_fmt(nd->out, "\n\t Signal Type: %s (%u)", tok_or(lmp_cpsa_sonet, st, "Unknown"), st);
		lmp_bits_line(nd, "\n\t Transparency: ", lmp_cpsa_tp_flags, GET_U8(nd, p + 2), 0);
		lmp_bits_line(nd, "\n\t Contiguous Concatenation Types: ", lmp_cpsa_cct_flags, GET_U8(nd, p + 3), 0);
		out_fmt(nd->out, "\n\t Minimum NCC: %u", GET_BE16(nd, p + 4));
		out_fmt(nd->out, "\n\t Maximum NCC: %u", GET_BE16(nd, p + 6));
		out_fmt(nd->out, "\n\t Minimum NVC:%u", GET_BE16(nd, p + 8));
		out_fmt(nd->out, "\n\t Maximum NVC:%u", GET_BE16(nd, p + 10));
		ND_STR(nd, "\n\t    Local Interface ID: ");
		lmp_id(nd, p + 12, 4);
		return 0;
	}
	case 3:
		if (n != 8)
			return lmp_bad(nd);
		lmp_bits_line(nd, "\n\t Transparency Flags: ", lmp_nsa_tp_flags, GET_BE32(nd, p), 0);
		lmp_bits_line(nd, "\n\t TCM Monitoring Flags: ", lmp_nsa_tcm_flags, GET_U8(nd, p + 7), 0);
		return 0;
	case 4:
		if (n != 4)
			return lmp_bad(nd);
		lmp_bits_line(nd, "\n\t Diversity: Flags: ", lmp_nsa_diversity_flags, GET_U8(nd, p + 3), 0);
		return 0;
	}
	return 1;
}

/* One object's contents; 1 when it should be hex dumped. */
static int lmp_obj(struct nd *nd, unsigned cls, unsigned ct, const uint8_t *p, unsigned n)
{
	int kind;
	switch (cls) {
	case L_CC_ID:
	case L_NODE_ID:
		if (ct != 1 && ct != 2)
			return 1;
		if (n != 4)
			return lmp_bad(nd);
		if (cls == L_CC_ID) {
			ND_STR(nd, "\n\t    Control Channel ID: ");
			lmp_id(nd, p, 0);
		} else {
			ND_STR(nd, "\n\t    Node ID: ");
			lmp_id(nd, p, 4);
		}
		return 0;
	case L_LINK_ID:
	case L_INTERFACE_ID:
		if (ct < 1 || ct > 6)
			return 1;
		kind = ct <= 2 ? 4 : ct <= 4 ? 6 : 0;
		if (n != (kind == 6 ? 16u : 4u))
			return lmp_bad(nd);
		out_fmt(nd->out, "\n\t    %sLink ID: ", kind == 4 ? "IPv4 " : kind == 6 ? "IPv6 " : "");
		lmp_id(nd, p, kind);
		return 0;
	case L_MESSAGE_ID:
		if (ct != 1 && ct != 2)
			return 1;
		if (n != 4)
			return lmp_bad(nd);
		out_fmt(nd->out, "\n\t    Message ID%s: ", ct == 2 ? " Ack" : "");
		lmp_id(nd, p, 0);
		return 0;
	case L_CONFIG:
		if (ct != 1)
			return 1;
		if (n != 4)
			return lmp_bad(nd);
		out_fmt(nd->out, "\n\t    Hello Interval: %u\n\t    Hello Dead Interval: %u", GET_BE16(nd, p),
			GET_BE16(nd, p + 2));
		return 0;
	case L_HELLO:
		if (ct != 1)
			return 1;
		if (n != 8)
			return lmp_bad(nd);
		out_fmt(nd->out, "\n\t    Tx Seq: %u, Rx Seq: %u", GET_BE32(nd, p), GET_BE32(nd, p + 4));
		return 0;
	case L_TE_LINK:
	case L_DATA_LINK: {
		if (ct < 1 || ct > 3)
			return 1;
		kind = ct == 1 ? 4 : ct == 2 ? 6 : 0;
		unsigned need = kind == 6 ? 36 : 12;
		if (cls == L_TE_LINK ? n != need : n < need)
			return lmp_bad(nd);
		unsigned a = kind == 6 ? 16 : 4;
		const char *what = cls == L_TE_LINK ? "Link-ID" : "Interface ID";
		lmp_bits_line(nd, "\n\t    Flags: ", cls == L_TE_LINK ? lmp_te_link_flags : lmp_data_link_flags,
			      GET_U8(nd, p), 1);
		out_fmt(nd->out, "\n\t    Local %s: ", what);
		lmp_id(nd, p + 4, kind);
		out_fmt(nd->out, "\n\t    Remote %s: ", what);
		lmp_id(nd, p + 4 + a, kind);
		if (cls == L_DATA_LINK)
			return lmp_subobjs(nd, p + need, (int)(n - need));
		return 0;
	}
	case L_VERIFY_BEGIN: {
		if (ct != 1)
			return 1;
		if (n != 20)
			return lmp_bad(nd);
		lmp_bits_line(nd, "\n\t    Flags: ", lmp_begin_verify_flags, GET_BE16(nd, p), 0);
		out_fmt(nd->out, "\n\t    Verify Interval: %u", GET_BE16(nd, p + 2));
		out_fmt(nd->out, "\n\t    Data links: %u", GET_BE32(nd, p + 4));
		out_fmt(nd->out, "\n\t    Encoding type: %s", tok_or(gmpls_encoding_names, GET_U8(nd, p + 8), "Unknown"));
		unsigned vt = GET_BE16(nd, p + 10);
		/* tcpdump tests the bit with a decimal 8000 */
		out_fmt(nd->out, "\n\t    Verify Transport Mechanism: %u (0x%x)%s", vt, vt,
			vt & 8000 ? " (Payload test messages capable)" : "");
		out_fmt(nd->out, "\n\t    Transmission Rate: %.3f Mbps",
			(double)(lmp_float(GET_BE32(nd, p + 12)) * 8.0f / 1000000.0f));
		out_fmt(nd->out, "\n\t    Wavelength: %u", GET_BE32(nd, p + 16));
		return 0;
	}
	case L_VERIFY_BEGIN_ACK:
		if (ct != 1)
			return 1;
		if (n != 4)
			return lmp_bad(nd);
		out_fmt(nd->out, "\n\t    Verify Dead Interval: %u\n\t    Verify Transport Response: %u", GET_BE16(nd, p),
			GET_BE16(nd, p + 2));
		return 0;
	case L_VERIFY_ID:
		if (ct != 1)
			return 1;
		if (n != 4)
			return lmp_bad(nd);
		out_fmt(nd->out, "\n\t    Verify ID: %u", GET_BE32(nd, p));
		return 0;
	case L_CHANNEL_STATUS:
	case L_CHANNEL_STATUS_REQ:
		if (ct < 1 || ct > 3)
			return 1;
		lmp_channel(nd, p, n, ct == 1 ? 4 : ct == 2 ? 6 : 0, cls == L_CHANNEL_STATUS);
		return 0;
	case L_ERROR_CODE:
		if (ct != 1 && ct != 2)
			return 1;
		if (n != 4)
			return lmp_bad(nd);
		lmp_bits_line(nd, "\n\t    Error Code: ", ct == 1 ? lmp_begin_verify_errors : lmp_link_summary_errors,
			      GET_BE32(nd, p), 0);
		return 0;
	case L_SERVICE_CONFIG:
		return lmp_service_config(nd, ct, p, n);
	default:
		if (nd->o->vflag <= 1)
			nd_print_unknown_data(nd, p, "\n\t    ", n);
		return 0;
	}
}

void lmp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "lmp";
	nd_need(nd, p, 8);
	unsigned ver = GET_U8(nd, p) >> 4;
	if (ver != 1) {
		out_fmt(nd->out, "LMP version %u packet not supported", ver);
		return;
	}
	uint8_t type = GET_U8(nd, p + 3);
	if (nd->o->vflag < 1) {
		out_fmt(nd->out, "LMPv%u ", ver);
		nd_tok(nd, lmp_msg_names, "unknown (%u)", type);
		out_fmt(nd->out, " Message, length: %u", len);
		return;
	}
	unsigned tlen = GET_BE16(nd, p + 4);
	out_fmt(nd->out, "\n\tLMPv%u, msg-type: ", ver);
	nd_tok(nd, lmp_msg_names, "unknown, type: %u", type);
	ND_STR(nd, ", Flags: [");
	nd_bits(nd, lmp_hdr_flags, GET_U8(nd, p + 2), ", ");
	out_fmt(nd->out, "], length: %u", tlen);
	if (tlen < 8) {
		ND_STR(nd, " (too short)");
		return;
	}
	if (tlen > len) {
		ND_STR(nd, " (too long)");
		tlen = len;
	}
	p += 8;
	tlen -= 8;
	while (tlen > 0) {
		nd_need(nd, p, 4);
		unsigned ct = GET_U8(nd, p) & 0x7f, cls = GET_U8(nd, p + 1), olen = GET_BE16(nd, p + 2);
		out_fmt(nd->out, "\n\t  %s Object (%u), Class-Type: %s (%u) Flags: [%snegotiable], length: %u",
			tok_or(lmp_obj_names, cls, "Unknown"), cls, tok_or(lmp_ctype_names, cls * 256 + ct, "Unknown"), ct,
			GET_U8(nd, p) & 0x80 ? "" : "non-", olen);
		if (olen < 4) {
			ND_STR(nd, " (too short)");
			return;
		}
		if (olen % 4) {
			ND_STR(nd, " (not a multiple of 4)");
			return;
		}
		nd_need(nd, p, olen);
		int hex = lmp_obj(nd, cls, ct, p + 4, olen - 4);
		if (nd->o->vflag > 1 || hex)
			nd_print_unknown_data(nd, p + 4, "\n\t    ", olen - 4);
		if (tlen < olen) {
			out_fmt(nd->out, " [remaining objects length %u < %u]", tlen, olen);
			nd_print_invalid(nd);
			return;
		}
		p += olen;
		tlen -= olen;
	}
}
