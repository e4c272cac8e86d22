/*
 * lspping.c - MPLS LSP ping / traceroute (RFC 8029, "MPLS echo"), UDP port 3503.
 *
 *   +-------------------------------+-------------------------------+
 *   |        Version Number         |         Global Flags          |
 *   +---------------+---------------+---------------+---------------+
 *   | Message Type  |  Reply mode   |  Return Code  | Return Subcode|
 *   +---------------+---------------+---------------+---------------+
 *   | Sender's Handle | Sequence Number | TimeStamp Sent (NTP, 8)   |
 *   | TimeStamp Received (NTP, 8)                                   |
 *   +---------------------------------------------------------------+
 *   | TLVs: type (2) length (2) value, padded to 4 bytes            |
 *
 * Timestamps are NTP format (seconds since 1900 . 2^-32 fractions).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "route.h"

#define LSPPING_HDRLEN 32

static const struct tok lsp_msg_types[] = {{1, "MPLS Echo Request"}, {2, "MPLS Echo Reply"}, {0, NULL}};

static const struct tok lsp_reply_modes[] = {
	{1, "Do not reply"}, {2, "Reply via an IPv4/IPv6 UDP packet"},
	{3, "Reply via an IPv4/IPv6 UDP packet with Router Alert"},
	{4, "Reply via application level control channel"}, {0, NULL},
};

static const struct tok lsp_return_codes[] = {
	{0, "No return code or return code contained in the Error Code TLV"},
	{1, "Malformed echo request received"}, {2, "One or more of the TLVs was not understood"},
	{3, "Replying router is an egress for the FEC at stack depth"},
	{4, "Replying router has no mapping for the FEC at stack depth"}, {5, "Reserved"},
	{6, "Reserved"}, {7, "Reserved"}, {8, "Label switched at stack-depth"},
	{9, "Label switched but no MPLS forwarding at stack-depth"},
	{10, "Mapping for this FEC is not the given label at stack depth"},
	{11, "No label entry at stack-depth"},
	{12, "Protocol not associated with interface at FEC stack depth"},
	{13, "Premature termination of ping due to label stack shrinking to a single label"},
	{0, NULL},
};

static const struct tok lsp_tlvs[] = {
	{1, "Target FEC Stack"}, {2, "Downstream Mapping"}, {3, "Pad"}, {5, "Vendor Enterprise Code"},
	{7, "Interface Label Stack"}, {9, "Error Code"}, {10, "Reply TOS Byte"}, {15, "BFD Discriminator"},
	{0, NULL},
};

static const struct tok lsp_fec_subtlvs[] = {
	{1, "LDP IPv4 prefix"}, {2, "LDP IPv6 prefix"}, {3, "RSVP IPv4 Session Query"},
	{4, "RSVP IPv6 Session Query"}, {5, "Reserved"}, {6, "VPN IPv4 prefix"}, {7, "VPN IPv6 prefix"},
	{8, "L2 VPN endpoint"}, {9, "FEC 128 pseudowire (old)"}, {10, "FEC 128 pseudowire"},
	{12, "BGP labeled IPv4 prefix"}, {13, "BGP labeled IPv6 prefix"}, {0, NULL},
};

static const struct tok lsp_ds_addr_types[] = {
	{1, "IPv4"}, {2, "Unnumbered IPv4"}, {3, "IPv6"}, {4, "IPv6"}, {0, NULL},
};

/* SMI enterprise numbers tcpdump names */
static const struct tok lsp_smi[] = {{0, "IETF (reserved)"}, {9, "Cisco"}, {2636, "Juniper Networks"}, {0, NULL}};

/* tcpdump's p_ntp_time: "sec.nanosec" and, for a non-zero time, the UTC date. */
static void ntp_time(struct nd *nd, const uint8_t *p)
{
	uint32_t i = GET_BE32(nd, p), uf = GET_BE32(nd, p + 4);
	double ff = (double)uf / 4294967296.0;
	uint32_t f = (uint32_t)(ff * 1000000000.0);
	out_fmt(nd->out, "%u.%09u", i, f);
	if (i) {
		time_t secs = (time_t)((int64_t)i - 2208988800LL);
		struct tm tm;
		char buf[64];
		if (!gmtime_r(&secs, &tm))
			ND_STR(nd, " ([Time is out of range])");
		else {
			strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
			out_fmt(nd->out, " (%s)", buf);
		}
	}
}

/* BGP route distinguisher, as tcpdump's bgp_vpn_rd_print (asplain: synack
 * has no -b option). */
static void rd_print(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, 8);
	uint16_t type = GET_BE16(nd, p);
	switch (type) {
	case 0:
		out_fmt(nd->out, "%u:%u (= %u.%u.%u.%u)", GET_BE16(nd, p + 2), GET_BE32(nd, p + 4), GET_U8(nd, p + 4), GET_U8(nd, p + 5), GET_U8(nd, p + 6), GET_U8(nd, p + 7));
		break;
	case 1:
		out_fmt(nd->out, "%u.%u.%u.%u:%u", GET_U8(nd, p + 2), GET_U8(nd, p + 3), GET_U8(nd, p + 4), GET_U8(nd, p + 5), GET_BE16(nd, p + 6));
		break;
	case 2:
		out_fmt(nd->out, "%u:%u (%u.%u.%u.%u:%u)", GET_BE32(nd, p + 2), GET_BE16(nd, p + 6), GET_U8(nd, p + 2), GET_U8(nd, p + 3), GET_U8(nd, p + 4), GET_U8(nd, p + 5),
			GET_BE16(nd, p + 6));
		break;
	default:
		ND_STR(nd, "unknown RD format");
		break;
	}
}

static void pw_type(struct nd *nd, uint16_t v)
{
	nd_tok(nd, route_pw_types, "unknown", v);
	out_fmt(nd->out, " (%u)", v);
}

/* One Target FEC sub-TLV body; 1 when it should be hex-dumped. */
static int fec_subtlv(struct nd *nd, unsigned type, const uint8_t *s, unsigned len)
{
	static const unsigned want[] = {0, 5, 17, 20, 56, 0, 13, 25, 14, 10, 14, 0, 5, 17};
	if (type >= sizeof want / sizeof want[0] || want[type] == 0)
		return 1;
	if (len != want[type]) {
		out_fmt(nd->out, "\n\t      invalid subTLV length, should be %u", want[type]);
		return 1;
	}
	switch (type) {
	case 1:
	case 12:
		rt_ip4(nd, "\n\t      ", s);
		out_fmt(nd->out, "/%u", GET_U8(nd, s + 4));
		break;
	case 2:
	case 13:
		rt_ip6(nd, "\n\t      ", s);
		out_fmt(nd->out, "/%u", GET_U8(nd, s + 16));
		break;
	case 3:
		rt_ip4(nd, "\n\t      tunnel end-point ", s);
		rt_ip4(nd, ", tunnel sender ", s + 12);
		out_fmt(nd->out, ", lsp-id 0x%04x\n\t      tunnel-id 0x%04x, extended tunnel-id ", GET_BE16(nd, s + 18),
			GET_BE16(nd, s + 6));
		nd_ipaddr(nd, s + 8);
		break;
	case 4:
		rt_ip6(nd, "\n\t      tunnel end-point ", s);
		rt_ip6(nd, ", tunnel sender ", s + 36);
		out_fmt(nd->out, ", lsp-id 0x%04x\n\t      tunnel-id 0x%04x, extended tunnel-id ", GET_BE16(nd, s + 54),
			GET_BE16(nd, s + 18));
		nd_ip6addr(nd, s + 20);
		break;
	case 6:
	case 7:
		ND_STR(nd, "\n\t      RD: ");
		rd_print(nd, s);
		ND_STR(nd, ", ");
		if (type == 6) {
			nd_ipaddr(nd, s + 8);
			out_fmt(nd->out, "/%u", GET_U8(nd, s + 12));
		} else {
			nd_ip6addr(nd, s + 8);
			out_fmt(nd->out, "/%u", GET_U8(nd, s + 24));
		}
		break;
	case 8:
		ND_STR(nd, "\n\t      RD: ");
		rd_print(nd, s);
		out_fmt(nd->out, ", Sender VE ID: %u, Receiver VE ID: %u\n\t      Encapsulation Type: ", GET_BE16(nd, s + 8),
			GET_BE16(nd, s + 10));
		pw_type(nd, GET_BE16(nd, s + 12));
		break;
	case 9:
		rt_ip4(nd, "\n\t      Remote PE: ", s);
		out_fmt(nd->out, "\n\t      PW ID: 0x%08x, PW Type: ", GET_BE32(nd, s + 4));
		pw_type(nd, GET_BE16(nd, s + 8));
		break;
	case 10:
		rt_ip4(nd, "\n\t      Sender PE: ", s);
		rt_ip4(nd, ", Remote PE: ", s + 4);
		out_fmt(nd->out, "\n\t      PW ID: 0x%08x, PW Type: ", GET_BE32(nd, s + 8));
		pw_type(nd, GET_BE16(nd, s + 12));
		break;
	}
	return 0;
}

void lspping_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "lspping";
	if (len < LSPPING_HDRLEN) {
		ND_STR(nd, "\n\t\t packet is too short");
		return;
	}
	nd_need(nd, p, LSPPING_HDRLEN);
	uint16_t version = GET_BE16(nd, p);
	uint8_t msg = GET_U8(nd, p + 4), mode = GET_U8(nd, p + 5), rc = GET_U8(nd, p + 6), rs = GET_U8(nd, p + 7);
	if (version != 1) {
		out_fmt(nd->out, "LSP-PING version %u packet not supported", version);
		return;
	}
	if (nd->o->vflag < 1) {
		out_fmt(nd->out, "LSP-PINGv%u, ", version);
		nd_tok(nd, lsp_msg_types, "unknown (%u)", msg);
		out_fmt(nd->out, ", seq %u, length: %u", GET_BE32(nd, p + 12), len);
		return;
	}
	out_fmt(nd->out, "\n\tLSP-PINGv%u, msg-type: ", version);
	nd_tok(nd, lsp_msg_types, "unknown", msg);
	out_fmt(nd->out, " (%u), length: %u\n\t  reply-mode: ", msg, len);
	nd_tok(nd, lsp_reply_modes, "unknown", mode);
	out_fmt(nd->out, " (%u)\n\t  Return Code: ", mode);
	nd_tok(nd, lsp_return_codes, "unknown", rc);
	if (rc == 3 || rc == 4 || rc == 8 || rc == 10 || rc == 11 || rc == 12)
		out_fmt(nd->out, " %u", rs);
	out_fmt(nd->out, " (%u)\n\t  Return Subcode: (%u)", rc, rs);
	out_fmt(nd->out, "\n\t  Sender Handle: 0x%08x, Sequence: %u", GET_BE32(nd, p + 8), GET_BE32(nd, p + 12));
	ND_STR(nd, "\n\t  Sender Timestamp: ");
	ntp_time(nd, p + 16);
	ND_STR(nd, " Receiver Timestamp: ");
	if (GET_BE32(nd, p + 24) != 0 || GET_BE32(nd, p + 28) != 0)
		ntp_time(nd, p + 24);
	else
		ND_STR(nd, "no timestamp");

	const uint8_t *t = p + LSPPING_HDRLEN;
	unsigned tlen = len - LSPPING_HDRLEN;
	while (tlen != 0) {
		if (tlen < 4)
			goto tooshort;
		nd_need(nd, t, 4);
		unsigned type = GET_BE16(nd, t), tl = GET_BE16(nd, t + 2);
		ND_STR(nd, "\n\t  ");
		nd_tok(nd, lsp_tlvs, "Unknown", type);
		out_fmt(nd->out, " TLV (%u), length: %u", type, tl);
		if (tl == 0) {
			t += 4;
			tlen -= 4;
			continue;
		}
		const uint8_t *v = t + 4;
		unsigned vlen = tl;
		if (tlen < tl + 4)
			goto tooshort;
		nd_need(nd, v, tl);
		int hexdump = 0;
		switch (type) {
		case 1:
			while (vlen != 0) {
				if (vlen < 4) {
					ND_STR(nd, "\n\t      TLV is too short");
					hexdump = 1;
					goto tlv_done;
				}
				unsigned st = GET_BE16(nd, v), sl = GET_BE16(nd, v + 2);
				if (vlen < sl + 4) {
					ND_STR(nd, "\n\t      TLV is too short");
					hexdump = 1;
					goto tlv_done;
				}
				nd_need(nd, v + 4, sl);
				ND_STR(nd, "\n\t    ");
				nd_tok(nd, lsp_fec_subtlvs, "Unknown", st);
				out_fmt(nd->out, " subTLV (%u), length: %u", st, sl);
				int sh = fec_subtlv(nd, st, v + 4, sl);
				if (nd->o->vflag > 1 || sh)
					nd_print_unknown_data(nd, v + 4, "\n\t      ", sl);
				if (sl % 4) {
					sl += 4 - sl % 4;
					if (vlen < sl + 4) {
						ND_STR(nd, "\n\t\t TLV is too short");
						return;
					}
				}
				/* tcpdump 4.99 steps over the value but not the sub-TLV
				 * header, and so does this printer */
				v += sl;
				vlen -= sl + 4;
			}
			break;
		case 2: {
			if (vlen < 4) {
				ND_STR(nd, "\n\t      TLV is too short");
				hexdump = 1;
				goto tlv_done;
			}
			uint8_t at = GET_U8(nd, v + 2);
			out_fmt(nd->out, "\n\t    MTU: %u, Address-Type: ", GET_BE16(nd, v));
			nd_tok(nd, lsp_ds_addr_types, "unknown", at);
			out_fmt(nd->out, " (%u)", at);
			unsigned need = at == 1 || at == 2 ? 12 : at == 3 ? 36 : at == 4 ? 24 : 0;
			if (need) {
				if (vlen < need) {
					ND_STR(nd, "\n\t      TLV is too short");
					hexdump = 1;
					goto tlv_done;
				}
				if (at == 1 || at == 2)
					rt_ip4(nd, "\n\t    Downstream IP: ", v + 4);
				else
					rt_ip6(nd, "\n\t    Downstream IP: ", v + 4);
				if (at == 1)
					rt_ip4(nd, "\n\t    Downstream Interface IP: ", v + 8);
				else if (at == 3)
					rt_ip6(nd, "\n\t    Downstream Interface IP: ", v + 20);
				else
					out_fmt(nd->out, "\n\t    Downstream Interface Index: 0x%08x",
						GET_BE32(nd, v + (at == 2 ? 8 : 20)));
				v += need;
				vlen -= need;
			}
			if (vlen < 4) {
				ND_STR(nd, "\n\t      TLV is too short");
				hexdump = 1;
				goto tlv_done;
			}
			hexdump = 1;
			break;
		}
		case 15:
			if (vlen < 4) {
				ND_STR(nd, "\n\t      TLV is too short");
				hexdump = 1;
				goto tlv_done;
			}
			out_fmt(nd->out, "\n\t    BFD Discriminator 0x%08x", GET_BE32(nd, v));
			break;
		case 5: {
			if (vlen < 4) {
				ND_STR(nd, "\n\t      TLV is too short");
				hexdump = 1;
				goto tlv_done;
			}
			uint32_t vid = GET_BE32(nd, v);
			ND_STR(nd, "\n\t    Vendor: ");
			nd_tok(nd, lsp_smi, "Unknown", vid);
			out_fmt(nd->out, " (0x%04x)", vid);
			break;
		}
		default:
			if (nd->o->vflag <= 1)
				nd_print_unknown_data(nd, v, "\n\t    ", vlen);
			break;
		}
	tlv_done:
		if (nd->o->vflag > 1 || hexdump)
			nd_print_unknown_data(nd, t + 4, "\n\t    ", tl);
		if (tl % 4) {
			tl += 4 - tl % 4;
			if (tlen < tl + 4)
				goto tooshort;
		}
		t += tl + 4;
		tlen -= tl + 4;
	}
	return;
tooshort:
	ND_STR(nd, "\n\t\t packet is too short");
}
