/*
 * juniper.c - the Juniper capture headers (DLT_JUNIPER_*), printed as
 * tcpdump 4.99 does.  Every variant starts with the same header:
 *
 *   magic "MGC"(3) flags(1) [ext length(2) ext TLVs] [cookie] payload
 *
 * flags: 0x01 in, 0x02 no layer-2 header, 0x04 IIF valid, 0x40 filter,
 * 0x80 extensions present.  The PIC types listed in pic_cookies[] carry a
 * cookie whose length depends on the type and its first byte (0x54 link
 * services: 2 more bytes, 0x47 adaptive services: 8 bytes); the two bytes
 * after the cookie are remembered as the "proto".  Extension TLVs below 128
 * are little-endian, the others big-endian.
 *
 * Decoded here: ATM1, ATM2, Ethernet, PPP, multilink PPP, PPPoE, PPPoE over
 * ATM, Cisco HDLC, Frame Relay, ES (IPsec), GGSN, Monitor and Services PICs,
 * multilink Frame Relay (MLFR, and MFR whose child links carry bare FRF.16
 * frames: print/fr.c).
 */
#include <string.h>

#include "nd.h"
#include "tunnel.h"
#include "atm.h"
#include "serial.h"

void isoclns_print(struct nd *nd, const uint8_t *p, uint32_t length) __attribute__((weak));

#define JNX_MAGIC 0x4d4743
#define JNX_FLAG_IN 0x01
#define JNX_FLAG_NO_L2 0x02
#define JNX_FLAG_EXT 0x80
#define JNX_TLV_OVERHEAD 2
#define LS_COOKIE_ID 0x54
#define AS_COOKIE_ID 0x47
#define JNX_COOKIE_MAX 8

/* pcap link types */
enum {
	J_MLPPP = 130, J_ATM2 = 135, J_ATM1 = 137, J_ES = 132, J_GGSN = 133, J_SERVICES = 136, J_MONITOR = 164,
	J_PPPOE = 167, J_PPPOE_ATM = 168, J_ETHER = 178, J_PPP = 179, J_FRELAY = 180, J_CHDLC = 181,
	J_MLFR = 131, J_MFR = 134,
};
#define MFR_BE_MASK 0xc0 /* an FRF.16 fragment with Begin and End: an MFR child link, no cookie */
#define AS_COOKIE_LEN 8

static const struct {
	int dlt;
	uint8_t cookie_len;
	const char *name;
} pic_cookies[] = {
	{J_ATM1, 4, "ATM1"}, {J_ATM2, 8, "ATM2"}, {J_MLPPP, 2, "MLPPP"}, {J_MLFR, 2, "MLFR"}, {J_MFR, 4, "MFR"}, {J_PPPOE, 0, "PPPoE"}, {J_PPPOE_ATM, 0, "PPPoE ATM"},
	{J_GGSN, 8, "GGSN"}, {J_MONITOR, 8, "MONITOR"}, {J_SERVICES, 8, "AS"}, {J_ES, 0, "ES"},
};

static const struct tok jnx_flags[] = {
	{0x80, "Ext"}, {0x40, "Filter"}, {0x04, "IIF"}, {0x02, "no-L2"}, {0x01, "In"}, {0, NULL}};

static const struct tok jnx_tlvs[] = {
	{1, "Device Interface Index"}, {2, "Device Interface Name"}, {3, "Device Media Type"},
	{4, "Logical Interface Index"}, {5, "Logical Unit Number"}, {6, "Logical Interface Encapsulation"},
	{7, "TTP derived Device Media Type"}, {8, "TTP derived Logical Interface Encapsulation"}, {0, NULL}};

static const struct tok jnx_ifmt[] = {
	{1, "Ethernet"}, {2, "FDDI"}, {3, "Token-Ring"}, {4, "PPP"}, {57, "PPP-Subordinate"}, {5, "Frame-Relay"},
	{6, "Cisco-HDLC"}, {7, "SMDS-DXI"}, {8, "ATM-PVC"}, {9, "PPP-CCC"}, {10, "Frame-Relay-CCC"},
	{48, "Extended FR-CCC"}, {11, "IP-over-IP"}, {12, "GRE"}, {13, "PIM-Encapsulator"},
	{14, "PIM-Decapsulator"}, {15, "Cisco-HDLC-CCC"}, {16, "VLAN-CCC"}, {32, "Extended-VLAN-CCC"},
	{17, "Multilink-PPP"}, {18, "Multilink-FR"}, {39, "Multilink-FR-UNI-NNI"}, {19, "Multilink"},
	{40, "LinkService"}, {20, "LSI"}, {22, "ATM-CCC-Cell-Relay"}, {23, "IPSEC-over-IP"}, {24, "GGSN"},
	{27, "PPP-TCC"}, {28, "Frame-Relay-TCC"}, {49, "Extended FR-TCC"}, {29, "Cisco-HDLC-TCC"},
	{30, "Ethernet-CCC"}, {31, "VPN-Loopback-tunnel"}, {33, "Ethernet-over-ATM"},
	{46, "Ethernet-VPLS-over-ATM"}, {34, "Monitor"}, {35, "Ethernet-TCC"}, {36, "VLAN-TCC"},
	{37, "Extended-VLAN-TCC"}, {38, "Controller"}, {41, "VPLS"}, {42, "VLAN-VPLS"},
	{43, "Extended-VLAN-VPLS"}, {44, "Logical-tunnel"}, {45, "General-Services"}, {56, "PPPoE"},
	{52, "Flexible-Ethernet-Services"}, {50, "Flexible-FrameRelay"}, {53, "Flow-collection"},
	{60, "PIC Peer"}, {59, "Dynamic-Flow-Capture"}, {0, NULL}};

static const struct tok jnx_ifle[] = {
	{59, "Aggregator"}, {9, "CCC over ATM"}, {32, "ATM CCC Cell Relay"}, {26, "CISCO compatible NLPID"},
	{56, "Ethernet over ATM CCC"}, {41, "Ethernet over ATM LLC"}, {53, "Ethernet VPLS over ATM LLC"},
	{5, "ATM LLC"}, {55, "MLPPP over ATM LLC"}, {3, "ATM NLPID"}, {61, "PPPoE over ATM LLC"},
	{8, "PPP over FUNI"}, {7, "PPP over ATM LLC"}, {6, "PPP over ATM VCMUX"}, {2, "ATM SNAP"},
	{43, "ATM SNAP TCC"}, {35, "ATM VCMUX TCC"}, {4, "ATM VCMUX"}, {18, "C-HDLC"}, {25, "C-HDLC CCC"},
	{65, "C-HDLC via dialer"}, {38, "C-HDLC TCC"}, {58, "Collector"}, {33, "Crypto"}, {14, "Ethernet"},
	{39, "Ethernet CCC"}, {51, "Extended VLAN VPLS"}, {62, "PPPoE over Ethernet"}, {45, "Ethernet TCC"},
	{50, "VLAN VPLS"}, {49, "VPLS"}, {42, "Extended VLAN CCC"}, {47, "Extended VLAN TCC"}, {13, "FR CCC"},
	{10, "FR NLPID"}, {54, "FR CCC"}, {12, "FR PPP"}, {11, "FR SNAP"}, {36, "FR TCC"}, {34, "GGSN"},
	{22, "GRE NULL"}, {23, "PPP over GRE"}, {20, "IPIP"}, {60, "LAPD"}, {30, "LSI Null"}, {57, "LT VLAN"},
	{48, "MFR"}, {29, "MLFR"}, {28, "MLPPP"}, {44, "Monitor"}, {24, "PIMd"}, {21, "PIM Null"}, {17, "PPP"},
	{63, "PPPoE"}, {19, "PPP CCC"}, {64, ""}, {37, "PPP TCC"}, {52, "General Services"}, {27, "VLAN CCC"},
	{46, "VLAN TCC"}, {40, "VT"}, {0, NULL}};

static const struct tok ipsec_types[] = {
	{1, "ESP ENCR-AUTH"}, {2, "ESP ENCR-AH AUTH"}, {3, "ESP AUTH"}, {4, "AH AUTH"}, {5, "ESP ENCR"}, {0, NULL}};

static const struct tok ggsn_protos[] = {{1, "Null"}, {2, "IPv4"}, {6, "IPv6"}, {0, NULL}};

struct jnx {
	uint32_t length, caplen;
	uint32_t header_len;
	uint8_t direction, flags;
	uint8_t cookie_len;
	uint8_t cookie[JNX_COOKIE_MAX];
	uint8_t cookie_type; /* LS_COOKIE_ID, AS_COOKIE_ID or 0 */
	uint16_t bundle;
	uint16_t proto;
};

/* IPv4 or IPv6 by the first nibble (and IPv4's header length); 0 if neither. */
static int ip_guess(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint8_t b = GET_U8(nd, p);
	if (b >= 0x45 && b <= 0x4f)
		ip_print(nd, p, length);
	else if (b >= 0x60 && b <= 0x6f)
		ip6_print(nd, p, length);
	else
		return 0;
	return 1;
}

static int32_t tlv_value(struct nd *nd, const uint8_t *p, unsigned type, unsigned len)
{
	if (len == 0 || len > 4)
		return -1;
	uint32_t v = 0;
	for (unsigned i = 0; i < len; i++) {
		uint8_t b = GET_U8(nd, p + i);
		if (type < 128)
			v |= (uint32_t)b << (8 * i); /* little-endian below 128 */
		else
			v = v << 8 | b;
	}
	return (int32_t)v;
}

/* The extension TLVs; 0 when they are malformed (the packet is done). */
static int jnx_extensions(struct nd *nd, const uint8_t *t, unsigned ext_len)
{
	int vv = nd->o->vflag > 1;
	if (vv)
		out_fmt(nd->out, ", PCAP Extension(s) total length %u", ext_len);
	nd_need(nd, t, ext_len);
	while (ext_len > JNX_TLV_OVERHEAD) {
		unsigned type = GET_U8(nd, t), len = GET_U8(nd, t + 1);
		t += 2;
		if (type == 0 || len == 0)
			break;
		if (len + JNX_TLV_OVERHEAD > ext_len) {
			out_fmt(nd->out, " [extension_length %u < %u]", ext_len, len + JNX_TLV_OVERHEAD);
			nd_print_invalid(nd);
			return 0;
		}
		if (vv) {
			ND_STR(nd, "\n\t  ");
			nd_tok(nd, jnx_tlvs, "Unknown", type);
			out_fmt(nd->out, " Extension TLV #%u, length %u, value ", type, len);
		}
		int32_t v = tlv_value(nd, t, type, len);
		if (vv && v != -1 && type != 2) {
			if (type == 3 || type == 7) {
				nd_tok(nd, jnx_ifmt, "Unknown", (uint32_t)v);
				out_fmt(nd->out, " (%u)", (uint32_t)v);
			} else if (type == 6 || type == 8) {
				nd_tok(nd, jnx_ifle, "Unknown", (uint32_t)v);
				out_fmt(nd->out, " (%u)", (uint32_t)v);
			} else {
				out_fmt(nd->out, "%u", (uint32_t)v);
			}
		}
		t += len;
		ext_len -= len + JNX_TLV_OVERHEAD;
	}
	if (vv)
		ND_STR(nd, "\n\t-----original packet-----\n\t");
	return 1;
}

/*
 * The common header.  Returns 1 when the caller goes on with the payload at
 * p + j->header_len, 0 when the packet is done.
 */
static int jnx_header(struct nd *nd, int dlt, const uint8_t *p, uint32_t caplen, uint32_t len, struct jnx *j)
{
	memset(j, 0, sizeof *j);
	j->length = len;
	j->caplen = caplen;
	j->flags = GET_U8(nd, p + 3);
	j->direction = j->flags & JNX_FLAG_IN;
	if (GET_BE24(nd, p) != JNX_MAGIC) {
		ND_STR(nd, "no magic-number found!");
		return 0;
	}
	if (nd->o->eflag)
		out_fmt(nd->out, "%3s ", j->direction ? "In" : "Out");
	uint32_t hl = 4;
	if (nd->o->vflag > 1) {
		ND_STR(nd, "\n\tJuniper PCAP Flags [");
		nd_bits(nd, jnx_flags, j->flags, ", ");
		ND_CHR(nd, ']');
	}
	if (j->flags & JNX_FLAG_EXT) {
		unsigned ext_len = GET_BE16(nd, p + hl);
		hl += 2 + ext_len;
		if (!jnx_extensions(nd, p + 6, ext_len))
			return 0;
	}
	if (j->flags & JNX_FLAG_NO_L2) {
		if (nd->o->eflag)
			ND_STR(nd, "no-L2-hdr, ");
		GET_U8(nd, p + hl + 4);
		if (!ip_guess(nd, p + hl + 4, j->length - (hl + 4)))
			ND_STR(nd, "no IP-hdr found!");
		j->header_len = hl + 4;
		return 0;
	}
	j->header_len = hl;
	p += hl;
	j->length -= hl;
	j->caplen -= hl;
	uint8_t first = GET_U8(nd, p);
	for (size_t i = 0; i < sizeof pic_cookies / sizeof pic_cookies[0]; i++) {
		if (pic_cookies[i].dlt != dlt)
			continue;
		unsigned cl = pic_cookies[i].cookie_len;
		if (first == LS_COOKIE_ID) {
			j->cookie_type = LS_COOKIE_ID;
			cl += 2;
		} else if (first == AS_COOKIE_ID) {
			j->cookie_type = AS_COOKIE_ID;
			cl = 8;
		}
		if (dlt == J_MFR && (first & MFR_BE_MASK) == MFR_BE_MASK)
			cl = 0;
		j->cookie_len = (uint8_t)cl;
		j->header_len += cl;
		j->length -= cl;
		j->caplen -= cl;
		if (nd->o->eflag)
			out_fmt(nd->out, "%s-PIC, cookie-len %u", pic_cookies[i].name, cl);
		if (cl > JNX_COOKIE_MAX) {
			nd_print_invalid(nd);
			return 0;
		}
		if (cl > 0) {
			nd_need(nd, p, cl); /* all of it before any is printed */
			if (nd->o->eflag)
				ND_STR(nd, ", cookie 0x");
			for (unsigned k = 0; k < cl; k++) {
				j->cookie[k] = GET_U8(nd, p + k);
				if (nd->o->eflag)
					out_fmt(nd->out, "%02x", j->cookie[k]);
			}
		}
		if (nd->o->eflag)
			ND_STR(nd, ": ");
		j->proto = GET_BE16(nd, p + cl);
		break;
	}
	p += j->cookie_len;
	if (dlt == J_MLPPP) {
		if (j->cookie_type == LS_COOKIE_ID) {
			j->bundle = j->cookie[1];
		} else if (j->cookie_type == AS_COOKIE_ID) {
			j->bundle = ((unsigned)j->cookie[6] << 8 | j->cookie[7]) >> 3 & 0xfff;
			j->proto = j->cookie[5] & 0x70; /* the LSQ layer-3 protocol */
		} else {
			j->bundle = j->cookie[0];
		}
	}
	if (dlt == J_MLFR || dlt == J_MFR) {
		if (j->cookie_type == AS_COOKIE_ID) {
			j->bundle = ((unsigned)j->cookie[6] << 8 | j->cookie[7]) >> 3 & 0xfff;
			j->proto = j->cookie[5] & 0x70;
		} else {
			j->bundle = j->cookie[j->cookie_type == LS_COOKIE_ID ? 1 : 0];
			if (j->cookie_type == LS_COOKIE_ID)
				j->proto = GET_BE16(nd, p);
			/* the two protocol bytes belong to the header, except on an MFR non-LS PIC */
			if (j->cookie_type == LS_COOKIE_ID || dlt == J_MLFR) {
				j->header_len += 2;
				j->length -= 2;
				j->caplen -= 2;
			}
		}
	}
	if (dlt == J_ATM2) {
		uint32_t cw = GET_BE32(nd, p);
		if (j->cookie[7] & 0x70) { /* a cell relay control word */
			if (cw == 0 || cw == 0x08000000 || cw == 0x08380000)
				j->header_len += 4;
			if (nd->o->eflag)
				out_fmt(nd->out, "control-word 0x%08x ", cw);
		}
	}
	if (nd->o->eflag)
		out_fmt(nd->out, "hlen %u, proto 0x%04x, ", j->header_len, j->proto);
	return 1;
}

/* PPP protocols a Juniper ATM2 PIC may carry without an LLC header. */
static int ppp_guess(struct nd *nd, const uint8_t *p, uint32_t length)
{
	switch (GET_BE16(nd, p)) {
	case 0x0021: case 0x0023: case 0x0281: case 0x0283: case 0x8021: case 0x8023: case 0x8281:
	case 0xc021: case 0xc023: case 0xc223: case 0x003d: case 0x0057: case 0x8057:
		ppp_print(nd, p, length);
		return 1;
	default:
		return 0;
	}
}

static void atm_payload(struct nd *nd, int dlt, const uint8_t *p, const struct jnx *j)
{
	int oam = dlt == J_ATM1 ? j->cookie[0] == 0x80 : (j->cookie[7] & 0x70) != 0;
	if (oam) {
		oam_print(nd, p, j->length, 0);
		return;
	}
	uint32_t w = GET_BE24(nd, p);
	if ((w == 0xfefe03 || w == 0xaaaa03) && llc_print(nd, p, j->length, j->caplen, NULL, NULL) > 0)
		return;
	if (dlt == J_ATM2 && j->direction != JNX_FLAG_IN &&
	    ((uint32_t)j->cookie[0] << 24 | (uint32_t)j->cookie[1] << 16 | (uint32_t)j->cookie[2] << 8 | j->cookie[3]) &
		    0x3f) { /* Ethernet over RFC 1483 */
		ether_print(nd, p, j->caplen, j->length);
		return;
	}
	if (GET_U8(nd, p) == 0x03) { /* Cisco style NLPID */
		if (isoclns_print)
			isoclns_print(nd, p + 1, j->length - 1);
		return;
	}
	if (dlt == J_ATM2 && ppp_guess(nd, p, j->length))
		return;
	ip_guess(nd, p, j->length);
}

/* Multilink PPP: the link services queue's layer-3 protocol, else PPP. */
static void mlppp_payload(struct nd *nd, const uint8_t *p, const struct jnx *j)
{
	uint16_t c = (uint16_t)(j->cookie[0] << 8 | j->cookie[1]);
	if (nd->o->eflag && c != 0x0023 && c != 0xff03)
		out_fmt(nd->out, "Bundle-ID %u: ", j->bundle);
	switch (j->proto) {
	case 0x00:
		/* IPv4 to the routing engine has no cookie: this is IS-IS over PPP */
		if (j->cookie[4] == 0x0c)
			ppp_print(nd, p, j->length);
		else
			ip_print(nd, p, j->length);
		return;
	case 0x10:
		ip6_print(nd, p, j->length);
		return;
	case 0x20:
		mpls_print(nd, p, j->length);
		return;
	case 0x30:
		if (isoclns_print)
			isoclns_print(nd, p, j->length);
		return;
	default:
		break;
	}
	if (c == 0x0023) /* the cookie is the protocol field: no cookie at all */
		ppp_print(nd, p - 2, j->length + 2);
	else
		ppp_print(nd, p, j->length);
}

/* Multilink Frame Relay: the bundle (not on a child link), then by the protocol. */
static void mlfr_payload(struct nd *nd, int dlt, const uint8_t *p, const struct jnx *j)
{
	if (dlt == J_MFR && j->cookie_len == 0) {
		mfr_print(nd, p, j->length);
		return;
	}
	if (dlt == J_MFR && j->cookie_len == AS_COOKIE_LEN) {
		switch (j->proto) {
		case 0x00:
			ip_print(nd, p, j->length);
			break;
		case 0x10:
			ip6_print(nd, p, j->length);
			break;
		case 0x20:
			mpls_print(nd, p, j->length);
			break;
		case 0x30:
			if (isoclns_print)
				isoclns_print(nd, p, j->length);
			break;
		default:
			break;
		}
		return;
	}
	uint32_t c = (uint32_t)j->cookie[0] << 24 | (uint32_t)j->cookie[1] << 16 | (uint32_t)j->cookie[2] << 8 | j->cookie[3];
	if (nd->o->eflag && c != 1)
		out_fmt(nd->out, "Bundle-ID %u, ", j->bundle);
	switch (j->proto) {
	case 0x0003:
	case 0x0300:
		if (dlt == J_MFR)
			goto unknown;
		if (isoclns_print)
			isoclns_print(nd, p, j->length);
		break;
	case 0xfefe:
		if (dlt == J_MLFR)
			goto unknown;
		if (isoclns_print)
			isoclns_print(nd, p + 1, j->length - 1);
		break;
	case 0x0308:
	case 0x03cc:
	case 0x038e:
		/* the NLPID byte is the OSI printer's, it dispatches IPv4/IPv6 too */
		if (isoclns_print)
			isoclns_print(nd, p - 1, j->length + 1);
		break;
	default:
	unknown:
		out_fmt(nd->out, "unknown protocol 0x%04x, length %u", j->proto, j->length);
		break;
	}
}

static void es_payload(struct nd *nd, const uint8_t *p, struct jnx *j)
{
	nd_need(nd, p, 16);
	uint8_t type = GET_U8(nd, p + 3);
	unsigned rewrite;
	int bundle;
	switch (type) {
	case 1:
	case 2:
		rewrite = 0;
		bundle = 1;
		break;
	case 3:
	case 4:
	case 5:
		rewrite = 16;
		bundle = 0;
		break;
	default:
		out_fmt(nd->out, "ES Invalid type %u, length %u", type, j->length);
		return;
	}
	j->length -= rewrite;
	if (nd->o->eflag) {
		out_fmt(nd->out, "ES SA, index %u, ttl %u type ", GET_BE16(nd, p), GET_U8(nd, p + 2));
		nd_tok(nd, ipsec_types, "Unknown", type);
		out_fmt(nd->out, " (%u), ", type);
		if (!bundle) {
			out_fmt(nd->out, "spi %u, Tunnel ", GET_BE32(nd, p + 4));
			nd_ipaddr(nd, p + 8);
			ND_STR(nd, " > ");
			nd_ipaddr(nd, p + 12);
			ND_STR(nd, ", ");
		}
		out_fmt(nd->out, "length %u\n", j->length);
	}
	ip_print(nd, p + rewrite, j->length);
}

static void jnx_print(struct nd *nd, int dlt, const char *proto, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	struct jnx j;
	nd->protocol = proto;
	int go = jnx_header(nd, dlt, p, caplen, len, &j);
	nd->ll_hdr_len = j.header_len;
	if (!go)
		return;
	p += j.header_len;
	nd->ll_hdr_len = 0; /* the payload printer adds its own header, if any */
	switch (dlt) {
	case J_ATM1:
	case J_ATM2:
		atm_payload(nd, dlt, p, &j);
		break;
	case J_ES:
		es_payload(nd, p, &j);
		break;
	case J_GGSN: {
		/* the header is the cookie: svc id, flags/len, proto, flags, vlan(2), res(2) */
		uint8_t gp = j.cookie[2];
		if (nd->o->eflag) {
			ND_STR(nd, "proto ");
			nd_tok(nd, ggsn_protos, "Unknown", gp);
			out_fmt(nd->out, " (%u), vlan %u: ", gp, (unsigned)j.cookie[4] << 8 | j.cookie[5]);
		}
		if (gp == 2)
			ip_print(nd, p, j.length);
		else if (gp == 6)
			ip6_print(nd, p, j.length);
		else if (!nd->o->eflag)
			out_fmt(nd->out, "unknown GGSN proto (%u)", gp);
		break;
	}
	case J_MONITOR:
		nd_need(nd, p, 8);
		if (nd->o->eflag)
			out_fmt(nd->out, "service-id %u, iif %u, pkt-type %u: ", GET_BE32(nd, p + 4), GET_BE16(nd, p + 2),
				GET_U8(nd, p));
		ip_guess(nd, p, j.length);
		break;
	case J_SERVICES:
		nd_need(nd, p, 8);
		if (nd->o->eflag)
			out_fmt(nd->out, "service-id %u flags 0x%02x service-set-id 0x%04x iif %u: ", GET_U8(nd, p),
				GET_U8(nd, p + 1), GET_BE16(nd, p + 2), GET_BE24(nd, p + 5));
		ip_guess(nd, p, j.length);
		break;
	case J_MLPPP:
		mlppp_payload(nd, p, &j);
		break;
	case J_MLFR:
	case J_MFR:
		mlfr_payload(nd, dlt, p, &j);
		break;
	case J_PPPOE:
	case J_ETHER:
		ether_print(nd, p, j.caplen, j.length);
		break;
	case J_PPP:
		ppp_print(nd, p, j.length);
		break;
	case J_FRELAY:
		fr_print(nd, p, j.caplen, j.length);
		break;
	case J_CHDLC:
		chdlc_print(nd, p, j.caplen, j.length);
		nd->ll_hdr_len = 0; /* tcpdump's chdlc_print() leaves it to the caller */
		break;
	case J_PPPOE_ATM: {
		uint16_t et = GET_BE16(nd, p);
		if (!ethertype_print(nd, et, p + 2, j.length - 2, j.caplen - 2, NULL, NULL))
			out_fmt(nd->out, "unknown ethertype 0x%04x", et);
		break;
	}
	default:
		break;
	}
	nd->ll_hdr_len += j.header_len;
}

#define JNX_IF(fn, dlt, name)                                                        \
	void fn(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)      \
	{                                                                            \
		jnx_print(nd, dlt, name, p, caplen, len);                            \
	}
JNX_IF(juniper_atm1_if_print, J_ATM1, "juniper_atm1")
JNX_IF(juniper_mlppp_if_print, J_MLPPP, "juniper_mlppp")
JNX_IF(juniper_atm2_if_print, J_ATM2, "juniper_atm2")
JNX_IF(juniper_es_if_print, J_ES, "juniper_es")
JNX_IF(juniper_ggsn_if_print, J_GGSN, "juniper_ggsn")
JNX_IF(juniper_monitor_if_print, J_MONITOR, "juniper_monitor")
JNX_IF(juniper_services_if_print, J_SERVICES, "juniper_services")
JNX_IF(juniper_pppoe_if_print, J_PPPOE, "juniper_pppoe")
JNX_IF(juniper_pppoe_atm_if_print, J_PPPOE_ATM, "juniper_pppoe_atm")
JNX_IF(juniper_ether_if_print, J_ETHER, "juniper_ether")
JNX_IF(juniper_ppp_if_print, J_PPP, "juniper_ppp")
JNX_IF(juniper_frelay_if_print, J_FRELAY, "juniper_frelay")
JNX_IF(juniper_chdlc_if_print, J_CHDLC, "juniper_chdlc")
JNX_IF(juniper_mlfr_if_print, J_MLFR, "juniper_mlfr")
JNX_IF(juniper_mfr_if_print, J_MFR, "juniper_mfr")
