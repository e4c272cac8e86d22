/*
 * vtp.c - Cisco VLAN Trunking Protocol (SNAP OUI 0x00000c, PID 0x2003), as
 * tcpdump 4.99 prints it (Cisco's "Understanding VTP" frame formats).
 *
 *   header (36 bytes): version(1) code(1) followers/seq/reserved(1)
 *                      domain name length(1) domain name(32, zero padded)
 *   summary advert:    config revision(4) updater IPv4(4) timestamp(12) MD5(16)
 *   subset advert:     config revision(4), then VLAN info fields:
 *     len(1) status(1) type(1) name len(1) VLAN id(2) MTU(2) SAID(4)
 *     name (padded to 4 bytes), TLVs: type(1) length in 16-bit words(1) value
 *   advert request:    start value(4)
 */
#include "nd.h"
#include "l2odds.h"

#define VTP_HDR_LEN 36
#define VTP_DOMAIN_MAX 32
#define VTP_VLAN_FIXED 12

static const struct tok vtp_msg_names[] = {
	{1, "Summary advertisement"}, {2, "Subset advertisement"},
	{3, "Advertisement request"}, {4, "Join message"}, {0, NULL},
};
/* what the third header byte is, by message type */
static const struct tok vtp_byte3_names[] = {
	{1, "Followers"}, {2, "Seq number"}, {3, "Rsvd"}, {4, "Rsvd"}, {0, NULL},
};
static const struct tok vtp_vlan_types[] = {
	{1, "Ethernet"}, {2, "FDDI"}, {3, "TrCRF"}, {4, "FDDI-net"}, {5, "TrBRF"}, {0, NULL},
};
static const struct tok vtp_vlan_status[] = {{0, "Operational"}, {1, "Suspended"}, {0, NULL}};
static const struct tok vtp_tlv_names[] = {
	{1, "Source-Routing Ring Number TLV"},
	{2, "Source-Routing Bridge Number TLV"},
	{3, "STP type TLV"},
	{4, "Parent VLAN TLV"},
	{5, "Translationally bridged VLANs TLV"},
	{6, "Pruning TLV"},
	{7, "Bridge Type TLV"},
	{8, "Max ARP Hop Count TLV"},
	{9, "Max STE Hop Count TLV"},
	{10, "Backup CRF Mode TLV"},
	{0, NULL},
};
static const struct tok vtp_stp_types[] = {{1, "SRT"}, {2, "SRB"}, {3, "Auto"}, {0, NULL}};

/* The TLVs after a VLAN's name; 0 when they run past the field (invalid). */
static int vtp_vlan_tlvs(struct nd *nd, const uint8_t *p, uint32_t len)
{
	while (len != 0) {
		if (len < 2)
			return 0;
		uint8_t type = GET_U8(nd, p), tlen = GET_U8(nd, p + 1);
		ND_STR(nd, "\n\t\t");
		nd_tok(nd, vtp_tlv_names, "Unknown", type);
		out_fmt(nd->out, " (0x%04x) TLV", type);
		if (len < (uint32_t)tlen * 2 + 2) {
			ND_STR(nd, " (TLV goes past the end of the packet)");
			return 0;
		}
		nd_need(nd, p, (size_t)tlen * 2 + 2);
		if (tlen != 1) {
			out_fmt(nd->out, " (invalid TLV length %u != 1)", tlen);
			return 0;
		}
		uint16_t v = GET_BE16(nd, p + 2);
		switch (type) {
		case 9:
			out_fmt(nd->out, ", %u", v);
			break;
		case 6:
			out_fmt(nd->out, ", %s (%u)", v == 1 ? "Enabled" : "Disabled", v);
			break;
		case 3:
			ND_STR(nd, ", ");
			nd_tok(nd, vtp_stp_types, "Unknown", v);
			out_fmt(nd->out, " (%u)", v);
			break;
		case 7:
			out_fmt(nd->out, ", %s (%u)", v == 1 ? "SRB" : "SRT", v);
			break;
		case 10:
			out_fmt(nd->out, ", %s (%u)", v == 1 ? "Backup" : "Not backup", v);
			break;
		default:
			nd_print_unknown_data(nd, p, "\n\t\t  ", 2 + (size_t)tlen * 2);
			break;
		}
		len -= 2 + (uint32_t)tlen * 2;
		p += 2 + tlen * 2;
	}
	return 1;
}

/* The VLAN info fields of a subset advertisement; 0 when invalid. */
static int vtp_subset(struct nd *nd, const uint8_t *start, const uint8_t *p, uint32_t length)
{
	out_fmt(nd->out, ", Config Rev %x", GET_BE32(nd, p));
	p += 4;
	while ((uint32_t)(p - start) < length) {
		uint32_t len = GET_U8(nd, p);
		if (len == 0)
			break;
		nd_need(nd, p, len);
		if (len < VTP_VLAN_FIXED)
			return 0;
		uint8_t status = GET_U8(nd, p + 1), type = GET_U8(nd, p + 2);
		uint16_t id = GET_BE16(nd, p + 4), mtu = GET_BE16(nd, p + 6);
		uint32_t said = GET_BE32(nd, p + 8);
		ND_STR(nd, "\n\tVLAN info status ");
		nd_tok(nd, vtp_vlan_status, "Unknown", status);
		ND_STR(nd, ", type ");
		nd_tok(nd, vtp_vlan_types, "Unknown", type);
		out_fmt(nd->out, ", VLAN-id %u, MTU %u, SAID 0x%08x, Name ", id, mtu, said);
		uint32_t name_len = GET_U8(nd, p + 3);
		uint32_t padded = 4 * ((name_len + 3) / 4);
		len -= VTP_VLAN_FIXED;
		p += VTP_VLAN_FIXED;
		if (len < padded)
			return 0;
		nd_printn(nd, p, name_len);
		len -= padded;
		p += padded;
		if (!vtp_vlan_tlvs(nd, p, len))
			return 0;
		p += len;
	}
	return 1;
}

void vtp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "vtp";
	if (len < VTP_HDR_LEN)
		goto invalid;
	nd_need(nd, p, VTP_HDR_LEN);
	uint8_t type = GET_U8(nd, p + 1);
	out_fmt(nd->out, "VTPv%u, Message ", GET_U8(nd, p));
	nd_tok(nd, vtp_msg_names, "Unknown message type", type);
	out_fmt(nd->out, " (0x%02x), length %u", type, len);
	if (!nd->o->vflag)
		goto whole;

	ND_STR(nd, "\n\tDomain name: ");
	uint8_t dlen = GET_U8(nd, p + 3);
	if (dlen < 1 || dlen > VTP_DOMAIN_MAX) {
		out_fmt(nd->out, " [invalid MgmtD Len %u]", dlen);
		goto invalid;
	}
	nd_printn(nd, p + 4, dlen);
	ND_STR(nd, ", ");
	nd_tok(nd, vtp_byte3_names, "Unknown", type);
	out_fmt(nd->out, ": %u", GET_U8(nd, p + 2));

	const uint8_t *q = p + VTP_HDR_LEN;
	switch (type) {
	case 1: {
		uint32_t rev = GET_BE32(nd, q);
		nd_need(nd, q + 4, 4);
		out_fmt(nd->out, "\n\t  Config Rev %x, Updater ", rev);
		nd_ipaddr(nd, q + 4);
		q += 8;
		uint32_t t0 = GET_BE32(nd, q), t1 = GET_BE32(nd, q + 4), t2 = GET_BE32(nd, q + 8);
		out_fmt(nd->out, ", Timestamp 0x%08x 0x%08x 0x%08x", t0, t1, t2);
		q += 12;
		uint32_t m0 = GET_BE32(nd, q), m1 = GET_BE32(nd, q + 4), m2 = GET_BE32(nd, q + 8);
		uint32_t m3 = GET_BE32(nd, q + 12);
		out_fmt(nd->out, ", MD5 digest: %08x%08x%08x%08x", m0, m1, m2, m3);
		break;
	}
	case 2:
		if (!vtp_subset(nd, p, q, len))
			goto invalid;
		break;
	case 3:
		out_fmt(nd->out, "\n\tStart value: %u", GET_BE32(nd, q));
		break;
	default:
		break;
	}
	return;
invalid:
	nd_print_invalid(nd);
whole:
	nd_need(nd, p, len);
}
