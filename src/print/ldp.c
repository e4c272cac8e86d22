/*
 * ldp.c - Label Distribution Protocol (RFC 5036), TCP and UDP port 646.
 *
 *   PDU:     version (2) | PDU length (2) | LSR id (4) | label space (2)
 *   message: U + type (2) | length (2) | message id (4) | TLVs
 *   TLV:     U F + type (2) | length (2) | value
 *
 * One TCP segment may carry several PDUs; each is printed in turn.
 */
#include <stdio.h>
#include <string.h>

#include "route.h"

#define LDP_HDRLEN 10
#define LDP_MSG_HDRLEN 8

static const struct tok ldp_msgs[] = {
	{0x0001, "Notification"}, {0x0100, "Hello"}, {0x0200, "Initialization"},
	{0x0201, "Keepalive"}, {0x0300, "Address"}, {0x0301, "Address Withdraw"},
	{0x0400, "Label Mapping"}, {0x0401, "Label Request"}, {0x0402, "Label Withdraw"},
	{0x0403, "Label Release"}, {0x0404, "Label Abort Request"}, {0, NULL},
};

static const struct tok ldp_tlvs[] = {
	{0x0100, "FEC"}, {0x0101, "Address List"}, {0x0103, "Hop Count"}, {0x0104, "Path Vector"},
	{0x0200, "Generic Label"}, {0x0201, "ATM Label"}, {0x0202, "Frame-Relay Label"},
	{0x0300, "Status"}, {0x0301, "Extended Status"}, {0x0302, "Returned PDU"},
	{0x0303, "Returned Message"}, {0x0400, "Common Hello Parameters"},
	{0x0401, "IPv4 Transport Address"}, {0x0402, "Configuration Sequence Number"},
	{0x0403, "IPv6 Transport Address"}, {0x0500, "Common Session Parameters"},
	{0x0501, "ATM Session Parameters"}, {0x0502, "Frame-Relay Session Parameters"},
	{0x0503, "Fault-Tolerant Session Parameters"}, {0x0600, "Label Request Message ID"},
	{0x0601, "MTU"}, {0, NULL},
};

static const struct tok ldp_fecs[] = {
	{0x01, "Wildcard"}, {0x02, "Prefix"}, {0x03, "Host address"}, {0x80, "Martini VC"}, {0, NULL},
};

static const struct tok ldp_ifparms[] = {{0x01, "MTU"}, {0x03, "Description"}, {0x0c, "VCCV"}, {0, NULL}};

static const struct tok ldp_vccv_cc[] = {
	{0x01, "PWE3 control word"}, {0x02, "MPLS Router Alert Label"}, {0x04, "MPLS inner label TTL = 1"},
	{0, NULL},
};

static const struct tok ldp_vccv_cv[] = {{0x01, "ICMP Ping"}, {0x02, "LSP Ping"}, {0x04, "BFD"}, {0, NULL}};

/* address families (RFC 1700 numbers, tcpdump's names) */
const struct tok route_af_names[] = {
	{0, "Reserved"}, {1, "IPv4"}, {2, "IPv6"}, {3, "NSAP"}, {4, "HDLC"}, {5, "BBN 1822"},
	{6, "802"}, {7, "E.163"}, {8, "E.164"}, {9, "F.69"}, {10, "X.121"}, {11, "Novell IPX"},
	{12, "Appletalk"}, {13, "Decnet IV"}, {14, "Banyan Vines"}, {15, "E.164 with NSAP subaddress"},
	{25, "VPLS"}, {196, "Layer-2 VPN"}, {0, NULL},
};

/* pseudowire types (RFC 4446) */
const struct tok route_pw_types[] = {
	{0x0000, "Reserved"}, {0x0001, "Frame Relay DLCI (Martini Mode)"},
	{0x0002, "ATM AAL5 SDU VCC transport"}, {0x0003, "ATM transparent cell transport"},
	{0x0004, "Ethernet VLAN"}, {0x0005, "Ethernet"}, {0x0006, "Cisco-HDLC"}, {0x0007, "PPP"},
	{0x0008, "SONET/SDH Circuit Emulation Service over MPLS"},
	{0x0009, "ATM n-to-one VCC cell transport"}, {0x000a, "ATM n-to-one VPC cell transport"},
	{0x000b, "IP Layer2 Transport"}, {0x000c, "ATM one-to-one VCC Cell Mode"},
	{0x000d, "ATM one-to-one VPC Cell Mode"}, {0x000e, "ATM AAL5 PDU VCC transport"},
	{0x000f, "Frame-Relay Port mode"}, {0x0010, "SONET/SDH Circuit Emulation over Packet"},
	{0x0011, "Structure-agnostic E1 over Packet"}, {0x0012, "Structure-agnostic T1 (DS1) over Packet"},
	{0x0013, "Structure-agnostic E3 over Packet"}, {0x0014, "Structure-agnostic T3 (DS3) over Packet"},
	{0x0015, "CESoPSN basic mode"}, {0x0016, "TDMoIP basic mode"}, {0x0017, "CESoPSN TDM with CAS"},
	{0x0018, "TDMoIP TDM with CAS"}, {0x0040, "IP-interworking"}, {0, NULL},
};

/* tcpdump's decode_prefix4/6: length byte then the significant bytes.
 * Returns bytes used, -1 bad length, -2 past the end of the item. */
int route_prefix(struct nd *nd, const uint8_t *p, unsigned itemlen, int v6, char *buf, size_t cap)
{
	if (itemlen < 1)
		return -2;
	unsigned plen = GET_U8(nd, p), max = v6 ? 128 : 32;
	if (plen > max)
		return -1;
	itemlen -= 1;
	uint8_t a[16] = {0};
	unsigned bytes = (plen + 7) / 8;
	if (bytes > itemlen)
		return -2;
	GET_CPY(nd, a, p + 1, bytes);
	if (plen % 8)
		a[bytes - 1] &= (uint8_t)((0xff00 >> (plen % 8)) & 0xff);
	char s[64];
	if (v6)
		fmt_ip6(s, sizeof s, a);
	else
		fmt_ip4(s, sizeof s, a);
	snprintf(buf, cap, "%s/%u", s, plen);
	return (int)(1 + bytes);
}

static void put_char_escaped(struct nd *nd, uint8_t c)
{
	if (c & 0x80) {
		ND_STR(nd, "M-");
		c &= 0x7f;
	}
	if (c < 0x20 || c == 0x7f) {
		ND_CHR(nd, '^');
		ND_CHR(nd, (char)(c ^ 0x40));
	} else
		ND_CHR(nd, (char)c);
}

/* One TLV; bytes used (incl. header) or 0 to stop the message. */
static unsigned ldp_tlv(struct nd *nd, const uint8_t *t, unsigned msg_tlen)
{
	nd_need(nd, t, 4);
	unsigned tlv_len = GET_BE16(nd, t + 2);
	if (tlv_len + 4u > msg_tlen) {
		ND_STR(nd, "\n\t\t TLV contents go past end of message");
		return 0;
	}
	unsigned tlen = tlv_len;
	uint16_t raw = GET_BE16(nd, t);
	unsigned type = raw & 0x3fff;
	ND_STR(nd, "\n\t    ");
	nd_tok(nd, ldp_tlvs, "Unknown", type);
	out_fmt(nd->out, " TLV (0x%04x), length: %u, Flags: [%s and %s forward if unknown]", type, tlv_len,
		(raw & 0x8000) ? "continue processing" : "ignore", (raw & 0x4000) ? "do" : "don't");
	t += 4;
#define NEED(min)                                                                                  \
	do {                                                                                       \
		if (tlen < (min)) {                                                                \
			out_fmt(nd->out, " [tlv length %u < %u]", tlen, (unsigned)(min));          \
			nd_print_invalid(nd);                                                      \
			return tlv_len + 4;                                                        \
		}                                                                                  \
	} while (0)
	char buf[100];
	switch (type) {
	case 0x0400: {
		NEED(4);
		uint16_t hold = GET_BE16(nd, t), fl = GET_BE16(nd, t + 2);
		out_fmt(nd->out, "\n\t      Hold Time: %us, Flags: [%s Hello%s]", hold, (fl & 0x8000) ? "Targeted" : "Link",
			(fl & 0x4000) ? ", Request for targeted Hellos" : "");
		break;
	}
	case 0x0401:
		NEED(4);
		rt_ip4(nd, "\n\t      IPv4 Transport Address: ", t);
		break;
	case 0x0403:
		NEED(16);
		rt_ip6(nd, "\n\t      IPv6 Transport Address: ", t);
		break;
	case 0x0402:
		NEED(4);
		out_fmt(nd->out, "\n\t      Sequence Number: %u", GET_BE32(nd, t));
		break;
	case 0x0101: {
		NEED(2);
		uint16_t af = GET_BE16(nd, t);
		t += 2;
		tlen -= 2;
		ND_STR(nd, "\n\t      Address Family: ");
		nd_tok(nd, route_af_names, "Unknown (%u)", af);
		ND_STR(nd, ", addresses");
		if (af == 1)
			for (; tlen >= 4; tlen -= 4, t += 4)
				rt_ip4(nd, " ", t);
		else if (af == 2)
			for (; tlen >= 16; tlen -= 16, t += 16)
				rt_ip6(nd, " ", t);
		break;
	}
	case 0x0500: {
		NEED(14);
		/* tcpdump 4.99 takes the A and D bits from the path-vector/PDU-length word */
		uint16_t fl = GET_BE16(nd, t + 6);
		out_fmt(nd->out, "\n\t      Version: %u, Keepalive: %us, Flags: [Downstream %s, Loop Detection %s]",
			GET_BE16(nd, t), GET_BE16(nd, t + 2), (fl & 0x8000) ? "On Demand" : "Unsolicited",
			(fl & 0x4000) ? "Enabled" : "Disabled");
		break;
	}
	case 0x0100: {
		NEED(1);
		uint8_t fec = GET_U8(nd, t);
		ND_STR(nd, "\n\t      ");
		nd_tok(nd, ldp_fecs, "Unknown", fec);
		out_fmt(nd->out, " FEC (0x%02x)", fec);
		t++;
		tlen--;
		if (fec == 0x02) {
			NEED(2);
			uint16_t af = GET_BE16(nd, t);
			t += 2;
			tlen -= 2;
			if (af == 1 || af == 2) {
				int r = route_prefix(nd, t, tlen, af == 2, buf, sizeof buf);
				if (r == -2)
					nd_trunc(nd); /* tcpdump takes "past the TLV" for truncation */
				if (r == -1)
					out_fmt(nd->out, ": IPv%c prefix (invalid length)", af == 2 ? '6' : '4');
				else
					out_fmt(nd->out, ": IPv%c prefix %s", af == 2 ? '6' : '4', buf);
			} else
				out_fmt(nd->out, ": Address family %u prefix", af);
		} else if (fec == 0x80) {
			NEED(7);
			unsigned vcl = GET_U8(nd, t + 2);
			uint16_t pw = GET_BE16(nd, t);
			if (vcl == 0) {
				ND_STR(nd, ": ");
				nd_tok(nd, route_pw_types, "Unknown", pw & 0x7fff);
				out_fmt(nd->out, ", %scontrol word, group-ID %u, VC-info-length: %u", (pw & 0x8000) ? "" : "no ",
					GET_BE32(nd, t + 3), vcl);
				break;
			}
			NEED(11);
			uint32_t group = GET_BE32(nd, t + 3), vcid = GET_BE32(nd, t + 7);
			ND_STR(nd, ": ");
			nd_tok(nd, route_pw_types, "Unknown", pw & 0x7fff);
			out_fmt(nd->out, ", %scontrol word, group-ID %u, VC-ID %u, VC-info-length: %u",
				(pw & 0x8000) ? "" : "no ", group, vcid, vcl);
			if (vcl < 4) {
				ND_STR(nd, " (invalid, < 4");
				return tlv_len + 4;
			}
			vcl -= 4;
			t += 11;
			tlen -= 11;
			NEED(vcl);
			while (vcl > 2) {
				unsigned it = GET_U8(nd, t), il = GET_U8(nd, t + 1);
				if (il < 2 || vcl < il)
					break;
				ND_STR(nd, "\n\t\tInterface Parameter: ");
				nd_tok(nd, ldp_ifparms, "Unknown", it);
				out_fmt(nd->out, " (0x%02x), len %u", it, il);
				switch (it) {
				case 0x01:
					out_fmt(nd->out, ": %u", GET_BE16(nd, t + 2));
					break;
				case 0x03:
					ND_STR(nd, ": ");
					for (unsigned i = 2; i < il; i++)
						put_char_escaped(nd, GET_U8(nd, t + i));
					break;
				case 0x0c: {
					uint8_t cc = GET_U8(nd, t + 2), cv = GET_U8(nd, t + 3);
					out_fmt(nd->out, "\n\t\t  Control Channels (0x%02x) = [", cc);
					nd_bits(nd, ldp_vccv_cc, cc, ", ");
					out_fmt(nd->out, "]\n\t\t  CV Types (0x%02x) = [", cv);
					nd_bits(nd, ldp_vccv_cv, cv, ", ");
					ND_CHR(nd, ']');
					break;
				}
				default:
					nd_print_unknown_data(nd, t + 2, "\n\t\t  ", il - 2);
					break;
				}
				vcl -= il;
				t += il;
			}
		}
		break;
	}
	case 0x0200:
		NEED(4);
		out_fmt(nd->out, "\n\t      Label: %u", GET_BE32(nd, t) & 0xfffff);
		break;
	case 0x0300: {
		NEED(8);
		uint32_t ui = GET_BE32(nd, t);
		out_fmt(nd->out, "\n\t      Status: 0x%02x, Flags: [%s and %s forward]", ui & 0x3fffffff,
			(ui & 0x80000000u) ? "Fatal error" : "Advisory Notification", (ui & 0x40000000) ? "do" : "don't");
		ui = GET_BE32(nd, t + 4);
		if (ui)
			out_fmt(nd->out, ", causing Message ID: 0x%08x", ui);
		break;
	}
	case 0x0503: {
		NEED(12);
		uint16_t f = GET_BE16(nd, t);
		out_fmt(nd->out,
			"\n\t      Flags: [%sReconnect, %sSave State, %sAll-Label Protection, %s Checkpoint, %sRe-Learn State]",
			(f & 0x8000) ? "" : "No ", (f & 0x8) ? "" : "Don't ", (f & 0x4) ? "" : "No ",
			(f & 0x2) ? "Sequence Numbered Label" : "All Labels", (f & 0x1) ? "" : "Don't ");
		uint32_t ui = GET_BE32(nd, t + 4);
		if (ui)
			out_fmt(nd->out, ", Reconnect Timeout: %ums", ui);
		ui = GET_BE32(nd, t + 8);
		if (ui)
			out_fmt(nd->out, ", Recovery Time: %ums", ui);
		break;
	}
	case 0x0601:
		NEED(2);
		out_fmt(nd->out, "\n\t      MTU: %u", GET_BE16(nd, t));
		break;
	default:
		if (nd->o->vflag <= 1)
			nd_print_unknown_data(nd, t, "\n\t      ", tlen);
		break;
	}
#undef NEED
	return tlv_len + 4;
}

/* One PDU; its length (header included) or 0 to stop. */
static unsigned ldp_pdu(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, LDP_HDRLEN);
	const char *lead = nd->o->vflag < 1 ? "" : "\n\t";
	uint16_t version = GET_BE16(nd, p);
	if (version != 1) {
		out_fmt(nd->out, "%sLDP version %u packet not supported", lead, version);
		return 0;
	}
	uint16_t pdu_len = GET_BE16(nd, p + 2);
	if (pdu_len < LDP_HDRLEN - 4) {
		out_fmt(nd->out, "%sLDP, pdu-length: %u (too short, < %u)", lead, pdu_len, LDP_HDRLEN - 4);
		return 0;
	}
	out_fmt(nd->out, "%sLDP, Label-Space-ID: ", lead);
	nd_ipaddr(nd, p + 4);
	out_fmt(nd->out, ":%u, pdu-length: %u", GET_BE16(nd, p + 8), pdu_len);
	if (nd->o->vflag < 1)
		return 0;
	const uint8_t *t = p + LDP_HDRLEN;
	uint16_t tlen = (uint16_t)(pdu_len - (LDP_HDRLEN - 4));
	while (tlen > 0) {
		nd_need(nd, t, LDP_MSG_HDRLEN);
		uint16_t msg_len = GET_BE16(nd, t + 2), raw = GET_BE16(nd, t);
		unsigned type = raw & 0x7fff;
		ND_STR(nd, "\n\t  ");
		nd_tok(nd, ldp_msgs, "Unknown", type);
		if (msg_len < LDP_MSG_HDRLEN - 4) {
			out_fmt(nd->out, " Message (0x%04x), length: %u (too short, < %u)", type, msg_len,
				LDP_MSG_HDRLEN - 4);
			return 0;
		}
		out_fmt(nd->out, " Message (0x%04x), length: %u, Message ID: 0x%08x, Flags: [%s if unknown]", type, msg_len,
			GET_BE32(nd, t + 4), (raw & 0x8000) ? "continue processing" : "ignore");
		const uint8_t *m = t + LDP_MSG_HDRLEN;
		unsigned mlen = msg_len - (LDP_MSG_HDRLEN - 4u);
		nd_need(nd, t, msg_len);
		switch (type) {
		case 0x0001:
		case 0x0100:
		case 0x0200:
		case 0x0201:
		case 0x0300:
		case 0x0400:
		case 0x0301:
		case 0x0402:
			while (mlen >= 4) {
				unsigned n = ldp_tlv(nd, m, mlen);
				if (n == 0)
					break;
				mlen -= n;
				m += n;
			}
			break;
		default:
			if (nd->o->vflag <= 1)
				nd_print_unknown_data(nd, m, "\n\t  ", mlen);
			break;
		}
		if (nd->o->vflag > 1)
			nd_print_unknown_data(nd, t + LDP_MSG_HDRLEN, "\n\t  ", msg_len);
		t += msg_len + 4u;
		tlen = (uint16_t)(tlen - (msg_len + 4u));
	}
	return pdu_len + 4u;
}

void ldp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "ldp";
	while (len > LDP_HDRLEN + LDP_MSG_HDRLEN) {
		unsigned n = ldp_pdu(nd, p);
		if (n == 0)
			return;
		if (len < n) {
			out_fmt(nd->out, " [remaining length %u < %u]", len, n);
			nd_print_invalid(nd);
			break;
		}
		len -= n;
		p += n;
	}
}
