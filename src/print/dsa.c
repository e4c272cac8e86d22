/*
 * dsa.c - Ethernet switch tags between the source address and the type:
 * Marvell DSA (4 bytes, DLT_DSA_TAG_DSA), Marvell EDSA (8 bytes: an
 * ethertype, 2 reserved bytes and a DSA tag, DLT_DSA_TAG_EDSA) and the
 * Broadcom tag (4 bytes, DLT_DSA_TAG_BRCM; or before the whole frame,
 * DLT_DSA_TAG_BRCM_PREPEND), printed as tcpdump 4.99 does.
 *
 *   DSA tag: mode(2) tagged(1) dev(5) | port(5) trunk/sniff/code(1) code(1) cfi(1)
 *            | pri(3) code(1) vid[11:8](4) | vid[7:0](8)
 *   Broadcom: opcode(3) ...; ingress: TC, TE, TS, destination map;
 *             egress: class id, reason code, TC, port.
 */
#include "nd.h"

static const char *const dsa_modes[4] = {"To CPU", "From CPU", "To Sniffer", "Forward"};

static const struct tok dsa_codes[] = {
	{0x0, "BPDU (MGMT) Trap"}, {0x1, "Frame2Reg"}, {0x2, "IGMP/MLD Trap"},
	{0x3, "Policy Trap"}, {0x4, "ARP Mirror"}, {0x5, "Policy Mirror"}, {0, NULL},
};

static void dsa_common(struct nd *nd, const uint8_t *p)
{
	uint8_t b0 = GET_U8(nd, p), b1 = GET_U8(nd, p + 1), b2 = GET_U8(nd, p + 2), b3 = GET_U8(nd, p + 3);
	unsigned mode = b0 >> 6, tagged = (b0 >> 5) & 1, dev = b0 & 0x1f, port = b1 >> 3;
	unsigned trunk = (b1 >> 2) & 1, cfi = b1 & 1, pri = b2 >> 5;
	unsigned vid = (unsigned)(b2 & 0x0f) << 8 | b3;
	unsigned code = ((b1 >> 1) & 3) << 1 | ((b2 >> 4) & 1);
	if (nd->o->eflag) {
		out_fmt(nd->out, "mode %s, ", dsa_modes[mode]);
		switch (mode) {
		case 3:
			out_fmt(nd->out, "dev %u, %s %u, ", dev, trunk ? "trunk" : "port", port);
			break;
		case 1:
			out_fmt(nd->out, "target dev %u, port %u, ", dev, port);
			break;
		case 0:
			out_fmt(nd->out, "source dev %u, port %u, code ", dev, port);
			nd_tok(nd, dsa_codes, "reserved", code);
			ND_STR(nd, ", ");
			break;
		case 2:
			out_fmt(nd->out, "source dev %u, port %u, %s sniff, ", dev, port, trunk ? "ingress" : "egress");
			break;
		}
		out_fmt(nd->out, "%s, %sVID %u, FPri %u, ", tagged ? "tagged" : "untagged", cfi ? "CFI, " : "", vid, pri);
	} else {
		switch (mode) {
		case 3:
			out_fmt(nd->out, "Forward %s %u.%u, ", trunk ? "trunk" : "port", dev, port);
			break;
		case 1:
			out_fmt(nd->out, "CPU > port %u.%u, ", dev, port);
			break;
		case 0:
			out_fmt(nd->out, "port %u.%u > CPU, ", dev, port);
			break;
		case 2:
			out_fmt(nd->out, "port %u.%u > %s Sniffer, ", dev, port, trunk ? "Rx" : "Tx");
			break;
		}
		out_fmt(nd->out, "VLAN %u%c, ", vid, tagged ? 't' : 'u');
	}
}

static void dsa_tag(struct nd *nd, const uint8_t *p)
{
	ND_STR(nd, nd->o->eflag ? "Marvell DSA " : "DSA ");
	dsa_common(nd, p);
}

static void edsa_tag(struct nd *nd, const uint8_t *p)
{
	uint16_t et = GET_BE16(nd, p);
	if (nd->o->eflag) {
		out_fmt(nd->out, "Marvell EDSA ethertype 0x%04x (", et);
		nd_tok(nd, link_ethertype_names, "Unknown", et);
		out_fmt(nd->out, "), rsvd %u %u, ", GET_U8(nd, p + 2), GET_U8(nd, p + 3));
	} else {
		out_fmt(nd->out, "EDSA 0x%04x, ", et);
	}
	dsa_common(nd, p + 4);
}

static const struct tok brcm_te[] = {{0, "None"}, {1, "Untag"}, {2, "Header"}, {3, "Reserved"}, {0, NULL}};
static const struct tok brcm_rc[] = {
	{1, "mirror"}, {2, "MAC learning"}, {4, "switching"}, {8, "prot term"},
	{16, "prot snoop"}, {32, "exception"}, {0, NULL},
};

static void brcm_tag(struct nd *nd, const uint8_t *p)
{
	uint8_t t0 = GET_U8(nd, p), t1 = GET_U8(nd, p + 1), t2 = GET_U8(nd, p + 2), t3 = GET_U8(nd, p + 3);
	out_fmt(nd->out, "BRCM tag OP: %s", t0 ? "IG" : "EG");
	if (t0 & 0x20) {
		out_fmt(nd->out, ", TC: %d, TE: ", (t1 >> 2) & 7);
		nd_tok(nd, brcm_te, "unknown", t1 & 3);
		out_fmt(nd->out, ", TS: %d, DST map: 0x%04x", t1 >> 7, ((unsigned)t2 << 8 | t3) & 0x1ff);
	} else {
		out_fmt(nd->out, ", CID: %d, RC: ", t1);
		nd_tok(nd, brcm_rc, "reserved", t2);
		out_fmt(nd->out, ", TC: %d, port: %d", (t3 >> 5) & 7, t3 & 0x1f);
	}
	ND_STR(nd, ", ");
}

void dsa_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "dsa";
	ether_switch_tag_print(nd, p, caplen, len, 4, dsa_tag);
}

void edsa_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "edsa";
	ether_switch_tag_print(nd, p, caplen, len, 8, edsa_tag);
}

void brcm_tag_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "brcm-tag";
	ether_switch_tag_print(nd, p, caplen, len, 4, brcm_tag);
}

/* The Broadcom tag before the destination address; -e shows it first. */
void brcm_tag_prepend_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "brcm-tag-prepend";
	nd_need(nd, p, 4);
	if (nd->o->eflag)
		brcm_tag(nd, p);
	nd->ll_hdr_len = 0;
	ether_print(nd, p + 4, caplen - 4, len - 4);
	nd->ll_hdr_len += 4;
}
