/*
 * lldp.c - IEEE 802.1AB Link Layer Discovery Protocol (ethertype 0x88cc), as
 * tcpdump 4.99 prints it: the basic TLVs, management addresses and the
 * organisation-specific TLVs of IEEE 802.1, IEEE 802.3, IANA (MUD URL) and
 * TIA LLDP-MED (capabilities, network policy, power, inventory).
 *
 *   TLV: +-----------+--------------+-------------+
 *        | type (7b) | length (9b)  | value ...   |    type 0 ends the PDU
 *        +-----------+--------------+-------------+
 *   Organisation-specific (type 127): OUI(3) subtype(1) data.
 */
#include "lan.h"

#include <inttypes.h>

static const struct tok lldp_tlv_names[] = {
	{0, "End"}, {1, "Chassis ID"}, {2, "Port ID"}, {3, "Time to Live"},
	{4, "Port Description"}, {5, "System Name"}, {6, "System Description"},
	{7, "System Capabilities"}, {8, "Management Address"}, {127, "Organization specific"},
	{0, NULL},
};

static const struct tok lldp_chassis_subtype_names[] = {
	{1, "Chassis component"}, {2, "Interface alias"}, {3, "Port component"},
	{4, "MAC address"}, {5, "Network address"}, {6, "Interface name"}, {7, "Local"},
	{0, NULL},
};

static const struct tok lldp_port_subtype_names[] = {
	{1, "Interface alias"}, {2, "Port component"}, {3, "MAC address"},
	{4, "Network Address"}, {5, "Interface Name"}, {6, "Agent circuit ID"}, {7, "Local"},
	{0, NULL},
};

static const struct tok lldp_cap_names[] = {
	{0x01, "Other"}, {0x02, "Repeater"}, {0x04, "Bridge"}, {0x08, "WLAN AP"},
	{0x10, "Router"}, {0x20, "Telephone"}, {0x40, "Docsis"}, {0x80, "Station Only"},
	{0, NULL},
};

static const struct tok lldp_8021_subtype_names[] = {
	{1, "Port VLAN Id"}, {2, "Port and Protocol VLAN ID"}, {3, "VLAN name"},
	{4, "Protocol Identity"}, {7, "Link aggregation"}, {8, "Congestion Notification"},
	{9, "ETS Configuration"}, {10, "ETS Recommendation"},
	{11, "Priority Flow Control Configuration"}, {12, "Application Priority"},
	{13, "EVB"}, {14, "CDCP"}, {0, NULL},
};

static const struct tok lldp_ppvid_flag_names[] = {{0x02, "supported"}, {0x04, "enabled"}, {0, NULL}};

static const struct tok lldp_8023_subtype_names[] = {
	{1, "MAC/PHY configuration/status"}, {2, "Power via MDI"}, {3, "Link aggregation"},
	{4, "Max frame size"}, {0, NULL},
};

static const struct tok lldp_tia_subtype_names[] = {
	{1, "LLDP-MED Capabilities"}, {2, "Network policy"}, {3, "Location identification"},
	{4, "Extended power-via-MDI"}, {5, "Inventory - hardware revision"},
	{6, "Inventory - firmware revision"}, {7, "Inventory - software revision"},
	{8, "Inventory - serial number"}, {9, "Inventory - manufacturer name"},
	{10, "Inventory - model name"}, {11, "Inventory - asset ID"}, {0, NULL},
};

static const struct tok lldp_tia_inventory_names[] = {
	{5, "Hardware revision"}, {6, "Firmware revision"}, {7, "Software revision"},
	{8, "Serial number"}, {9, "Manufacturer name"}, {10, "Model name"}, {11, "Asset ID"},
	{0, NULL},
};

static const struct tok lldp_tia_capability_names[] = {
	{0x01, "LLDP-MED capabilities"}, {0x02, "network policy"},
	{0x04, "location identification"}, {0x08, "extended power via MDI-PSE"},
	{0x10, "extended power via MDI-PD"}, {0x20, "Inventory"}, {0, NULL},
};

static const struct tok lldp_tia_device_type_names[] = {
	{1, "endpoint class 1"}, {2, "endpoint class 2"}, {3, "endpoint class 3"},
	{4, "network connectivity"}, {0, NULL},
};

static const struct tok lldp_tia_application_names[] = {
	{1, "voice"}, {2, "voice signaling"}, {3, "guest voice"}, {4, "guest voice signaling"},
	{5, "softphone voice"}, {6, "video conferencing"}, {7, "streaming video"},
	{8, "video signaling"}, {0, NULL},
};

static const struct tok lldp_tia_policy_flag_names[] = {
	{0x80, "Unknown"}, {0x40, "Tagged"}, {0x20, "reserved"}, {0, NULL},
};

static const struct tok lldp_tia_power_source_names[] = {
	{1, "PSE - primary power source"}, {2, "local - backup power source"},
	{3, "PSE+local - reserved"}, {0, NULL},
};

static const struct tok lldp_tia_power_priority_names[] = {
	{1, "critical"}, {2, "high"}, {3, "low"}, {0, NULL},
};

static const struct tok lldp_mau_names[] = {
	{0, "Unknown"}, {1, "AUI"}, {2, "10BASE_5"}, {3, "FOIRL"}, {4, "10BASE2"},
	{5, "10BASET duplex mode unknown"}, {6, "10BASEFP"}, {7, "10BASEFB"},
	{8, "10BASEFL duplex mode unknown"}, {9, "10BROAD36"}, {10, "10BASET hdx"},
	{11, "10BASET fdx"}, {12, "10BASEFL hdx"}, {13, "10BASEFL fdx"}, {14, "100BASET4"},
	{15, "100BASETX hdx"}, {16, "100BASETX fdx"}, {17, "100BASEFX hdx"},
	{18, "100BASEFX fdx"}, {19, "100BASET2 hdx"}, {20, "100BASET2 fdx"},
	{21, "1000BASEX hdx"}, {22, "1000BASEX fdx"}, {23, "1000BASELX hdx"},
	{24, "1000BASELX fdx"}, {25, "1000BASESX hdx"}, {26, "1000BASESX fdx"},
	{27, "1000BASECX hdx"}, {28, "1000BASECX fdx"}, {29, "1000BASET hdx"},
	{30, "1000BASET fdx"}, {31, "10GBASEX"}, {32, "10GBASELX4"}, {33, "10GBASER"},
	{34, "10GBASEER"}, {35, "10GBASELR"}, {36, "10GBASESR"}, {37, "10GBASEW"},
	{38, "10GBASEEW"}, {39, "10GBASELW"}, {40, "10GBASESW"}, {0, NULL},
};

static const struct tok lldp_autoneg_names[] = {{0x01, "supported"}, {0x02, "enabled"}, {0, NULL}};

static const struct tok lldp_pmd_names[] = {
	{1 << 14, "10BASE-T hdx"}, {1 << 13, "10BASE-T fdx"}, {1 << 12, "100BASE-T4"},
	{1 << 11, "100BASE-TX hdx"}, {1 << 10, "100BASE-TX fdx"}, {1 << 9, "100BASE-T2 hdx"},
	{1 << 8, "100BASE-T2 fdx"}, {1 << 7, "Pause for fdx links"},
	{1 << 6, "Asym PAUSE for fdx"}, {1 << 5, "Sym PAUSE for fdx"},
	{1 << 4, "Asym and Sym PAUSE for fdx"}, {1 << 3, "1000BASE-{X LX SX CX} hdx"},
	{1 << 2, "1000BASE-{X LX SX CX} fdx"}, {1 << 1, "1000BASE-T hdx"},
	{1 << 0, "1000BASE-T fdx"}, {0, NULL},
};

static const struct tok lldp_mdi_names[] = {
	{0x01, "PSE"}, {0x02, "supported"}, {0x04, "enabled"}, {0x08, "can be controlled"},
	{0, NULL},
};

static const struct tok lldp_mdi_pair_names[] = {{1, "signal"}, {2, "spare"}, {0, NULL}};

static const struct tok lldp_mdi_class_names[] = {
	{1, "class0"}, {2, "class1"}, {3, "class2"}, {4, "class3"}, {5, "class4"}, {0, NULL},
};

static const struct tok lldp_aggregation_names[] = {{0x01, "supported"}, {0x02, "enabled"}, {0, NULL}};

static const struct tok lldp_intf_numbering_names[] = {
	{2, "Interface Index"}, {3, "System Port Number"}, {0, NULL},
};

/* Address families (RFC 1700 / IANA), as tcpdump names them (others: "Unknown"). */
const struct tok lan_af_names[] = {
	{0, "Reserved"}, {1, "IPv4"}, {2, "IPv6"}, {3, "NSAP"}, {4, "HDLC"}, {5, "BBN 1822"},
	{6, "802"}, {7, "E.163"}, {8, "E.164"}, {9, "F.69"}, {10, "X.121"}, {11, "Novell IPX"},
	{12, "Appletalk"}, {13, "Decnet IV"}, {14, "Banyan Vines"},
	{15, "E.164 with NSAP subaddress"}, {25, "VPLS"}, {0, NULL},
};

/* "AFI name (n): address"; 0 when the address is too short for its family. */
static int lldp_network_addr(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len < 1)
		return 0;
	len--;
	uint8_t af = GET_U8(nd, p);
	uint32_t need = af == 1 ? 4 : af == 2 ? 16 : af == 6 ? 6 : 0;
	if (need && len < need)
		return 0;
	if (need)
		nd_need(nd, p + 1, need);
	ND_STR(nd, "AFI ");
	nd_tok(nd, lan_af_names, "Unknown", af);
	out_fmt(nd->out, " (%u)", af);
	if (!need) {
		ND_STR(nd, ", no AF printer !");
		return 1;
	}
	ND_STR(nd, ": ");
	if (af == 1)
		nd_ipaddr(nd, p + 1);
	else if (af == 2)
		nd_ip6addr(nd, p + 1);
	else
		nd_etheraddr(nd, p + 1);
	return 1;
}

static int lldp_mgmt_addr(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len < 1)
		return 0;
	uint8_t alen = GET_U8(nd, p);
	p++;
	len--;
	if (len < alen)
		return 0;
	/* tcpdump formats the address before printing the line */
	uint8_t af = alen ? GET_U8(nd, p) : 0;
	uint32_t need = af == 1 ? 4 : af == 2 ? 16 : af == 6 ? 6 : 0;
	if (alen < 1 || (need && alen - 1u < need))
		return 0;
	if (need)
		nd_need(nd, p + 1, need);
	out_fmt(nd->out, "\n\t  Management Address length %u, ", alen);
	lldp_network_addr(nd, p, alen);
	p += alen;
	len -= alen;
	if (len < 5)
		return 0;
	uint8_t sub = GET_U8(nd, p);
	uint32_t num = GET_BE32(nd, p + 1);
	ND_STR(nd, "\n\t  ");
	nd_tok(nd, lldp_intf_numbering_names, "Unknown", sub);
	out_fmt(nd->out, " Interface Numbering (%u): %u", sub, num);
	p += 5;
	len -= 5;
	if (len) {
		uint8_t olen = GET_U8(nd, p);
		if (len < 1u + olen)
			return 0;
		if (olen) {
			out_fmt(nd->out, "\n\t  OID length %u", olen);
			nd_printn(nd, p + 1, olen);
		}
	}
	return 1;
}

static void lldp_subtype_line(struct nd *nd, const struct tok *names, uint8_t subtype)
{
	ND_STR(nd, "\n\t  ");
	nd_tok(nd, names, "unknown", subtype);
	out_fmt(nd->out, " Subtype (%u)", subtype);
}

static const struct tok lldp_evb_mode_names[] = {
	{0, "Not Supported"}, {1, "EVB Bridge"}, {2, "EVB Station"},
	{3, "Reserved for future Standardization"}, {0, NULL},
};

/* "Priority : 0 .. 7" and one bit of v per priority, as the DCB TLVs show them */
static void lldp_bit_row(struct nd *nd, const char *title, uint8_t v)
{
	ND_STR(nd, title);
	ND_STR(nd, "\n\t     Priority : 0  1  2  3  4  5  6  7");
	ND_STR(nd, "\n\t     Value    : ");
	for (int i = 0; i < 8; i++)
		out_fmt(nd->out, "%-2d ", (v >> i) & 1);
}

/* ETS priority assignment (4 bytes of nibbles), TC bandwidth (8) and TSA (8) tables */
static void lldp_ets_tables(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, 4);
	ND_STR(nd, "\n\t    Priority Assignment Table");
	ND_STR(nd, "\n\t     Priority : 0   1   2   3   4   5   6   7");
	ND_STR(nd, "\n\t     Value    : ");
	for (int i = 0; i < 4; i++)
		out_fmt(nd->out, "%-3d %-3d%s", GET_U8(nd, p + i) >> 4, GET_U8(nd, p + i) & 0x0f, i < 3 ? " " : "");
	nd_need(nd, p + 4, 8);
	ND_STR(nd, "\n\t    TC Bandwidth Table");
	ND_STR(nd, "\n\t     TC%   : 0   1   2   3   4   5   6   7");
	ND_STR(nd, "\n\t     Value : ");
	for (int i = 0; i < 8; i++)
		out_fmt(nd->out, "%-3d%s", GET_U8(nd, p + 4 + i), i < 7 ? " " : "");
	nd_need(nd, p + 12, 8);
	ND_STR(nd, "\n\t    TSA Assignment Table");
	ND_STR(nd, "\n\t     Traffic Class: 0   1   2   3   4   5   6   7");
	ND_STR(nd, "\n\t     Value        : ");
	for (int i = 0; i < 8; i++)
		out_fmt(nd->out, "%-3d%s", GET_U8(nd, p + 12 + i), i < 7 ? " " : "");
}

/* The organisation-specific printers return 1 when a hex dump should follow. */
static int lldp_8021_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len < 4)
		return 0;
	uint8_t subtype = GET_U8(nd, p + 3);
	lldp_subtype_line(nd, lldp_8021_subtype_names, subtype);
	switch (subtype) {
	case 1:
		if (len < 6)
			return 0;
		out_fmt(nd->out, "\n\t    port vlan id (PVID): %u", GET_BE16(nd, p + 4));
		return 0;
	case 2: {
		if (len < 7)
			return 0;
		uint8_t f = GET_U8(nd, p + 4);
		out_fmt(nd->out, "\n\t    port and protocol vlan id (PPVID): %u, flags [", GET_BE16(nd, p + 5));
		nd_bits(nd, lldp_ppvid_flag_names, f, ", ");
		out_fmt(nd->out, "] (0x%02x)", f);
		return 0;
	}
	case 3: {
		if (len < 6)
			return 0;
		out_fmt(nd->out, "\n\t    vlan id (VID): %u", GET_BE16(nd, p + 4));
		if (len < 7)
			return 0;
		uint8_t slen = GET_U8(nd, p + 6);
		if (len < 7u + slen)
			return 0;
		ND_STR(nd, "\n\t    vlan name: ");
		nd_printn(nd, p + 7, slen);
		return 0;
	}
	case 4: {
		if (len < 5)
			return 0;
		uint8_t slen = GET_U8(nd, p + 4);
		if (len < 5u + slen)
			return 0;
		ND_STR(nd, "\n\t    protocol identity: ");
		nd_printn(nd, p + 5, slen);
		return 0;
	}
	case 7:
		goto aggr;
	case 8:
		if (len < 6)
			return 0;
		lldp_bit_row(nd, "\n\t    Pre-Priority CNPV Indicator", GET_U8(nd, p + 4));
		lldp_bit_row(nd, "\n\t    Pre-Priority Ready Indicator", GET_U8(nd, p + 5));
		return 0;
	case 9:
	case 10: {
		if (len < 25)
			return 0;
		uint8_t t = GET_U8(nd, p + 4);
		if (subtype == 9)
			out_fmt(nd->out, "\n\t    Willing:%u, CBS:%u, RES:%u, Max TCs:%u", t >> 7, (t >> 6) & 0x02,
				(t >> 3) & 0x07, t & 0x07);
		else
			out_fmt(nd->out, "\n\t    RES: %u", t);
		lldp_ets_tables(nd, p + 5);
		return 0;
	}
	case 11: {
		if (len < 6)
			return 0;
		uint8_t t = GET_U8(nd, p + 4);
		out_fmt(nd->out, "\n\t    Willing: %u, MBC: %u, RES: %u, PFC cap:%u ", t >> 7, (t >> 6) & 0x01,
			(t >> 4) & 0x03, t & 0x0f);
		lldp_bit_row(nd, "\n\t    PFC Enable", GET_U8(nd, p + 5));
		return 0;
	}
	case 12: {
		if (len < 5)
			return 0;
		out_fmt(nd->out, "\n\t    RES: %u", GET_U8(nd, p + 4));
		if (len <= 5)
			return 0;
		uint32_t sublen = len - 5;
		if (sublen % 3)
			return 0;
		ND_STR(nd, "\n\t    Application Priority Table");
		for (uint32_t i = 0; i < sublen; i += 3) {
			uint8_t t = GET_U8(nd, p + i + 5);
			out_fmt(nd->out, "\n\t      Priority: %u, RES: %u, Sel: %u, Protocol ID: %u", t >> 5,
				(t >> 3) & 0x03, t & 0x07, GET_BE16(nd, p + i + 6));
		}
		return 0;
	}
	case 13: {
		if (len < 9)
			return 0;
		uint8_t t = GET_U8(nd, p + 4);
		ND_STR(nd, "\n\t    EVB Bridge Status");
		out_fmt(nd->out, "\n\t      RES: %u, BGID: %u, RRCAP: %u, RRCTR: %u", t >> 3, (t >> 2) & 1,
			(t >> 1) & 1, t & 1);
		t = GET_U8(nd, p + 5);
		ND_STR(nd, "\n\t    EVB Station Status");
		out_fmt(nd->out, "\n\t      RES: %u, SGID: %u, RRREQ: %u,RRSTAT: %u", t >> 4, (t >> 3) & 1,
			(t >> 2) & 1, t & 3);
		t = GET_U8(nd, p + 6);
		out_fmt(nd->out, "\n\t    R: %u, RTE: %u, ", t >> 5, t & 0x1f);
		t = GET_U8(nd, p + 7);
		ND_STR(nd, "EVB Mode: ");
		nd_tok(nd, lldp_evb_mode_names, "unknown", t >> 6);
		out_fmt(nd->out, " [%u]", t >> 6);
		out_fmt(nd->out, "\n\t    ROL: %u, RWD: %u, ", (t >> 5) & 1, t & 0x1f);
		t = GET_U8(nd, p + 8);
		out_fmt(nd->out, "RES: %u, ROL: %u, RKA: %u", t >> 6, (t >> 5) & 1, t & 0x1f);
		return 0;
	}
	case 14: {
		if (len < 8)
			return 0;
		uint8_t t = GET_U8(nd, p + 4);
		out_fmt(nd->out, "\n\t    Role: %u, RES: %u, Scomp: %u ", t >> 7, (t >> 4) & 0x07, (t >> 3) & 1);
		out_fmt(nd->out, "ChnCap: %u", GET_BE16(nd, p + 6) & 0x0fff);
		uint32_t sublen = len - 8;
		if (sublen % 3)
			return 0;
		for (uint32_t i = 0; i < sublen; i += 3) {
			uint32_t v = GET_BE24(nd, p + i + 8);
			out_fmt(nd->out, "\n\t    SCID: %u, SVID: %u", v >> 12, v & 0xfff);
		}
		return 0;
	}
	default:
		return 1;
	}
aggr:
	if (len < 9)
		return 0;
	nd_need(nd, p + 4, 5);
	ND_STR(nd, "\n\t    aggregation status [");
	nd_bits(nd, lldp_aggregation_names, GET_U8(nd, p + 4), ", ");
	out_fmt(nd->out, "], aggregation port ID %u", GET_BE32(nd, p + 5));
	return 0;
}

static int lldp_8023_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len < 4)
		return 0;
	uint8_t subtype = GET_U8(nd, p + 3);
	lldp_subtype_line(nd, lldp_8023_subtype_names, subtype);
	switch (subtype) {
	case 1: {
		if (len < 9)
			return 0;
		uint8_t an = GET_U8(nd, p + 4);
		ND_STR(nd, "\n\t    autonegotiation [");
		nd_bits(nd, lldp_autoneg_names, an, ", ");
		out_fmt(nd->out, "] (0x%02x)", an);
		uint16_t pmd = GET_BE16(nd, p + 5);
		ND_STR(nd, "\n\t    PMD autoneg capability [");
		nd_bits(nd, lldp_pmd_names, pmd, ", ");
		out_fmt(nd->out, "] (0x%04x)", pmd);
		uint16_t mau = GET_BE16(nd, p + 7);
		ND_STR(nd, "\n\t    MAU type ");
		nd_tok(nd, lldp_mau_names, "unknown", mau);
		out_fmt(nd->out, " (0x%04x)", mau);
		return 0;
	}
	case 2:
		if (len < 7)
			return 0;
		nd_need(nd, p + 4, 3);
		ND_STR(nd, "\n\t    MDI power support [");
		nd_bits(nd, lldp_mdi_names, GET_U8(nd, p + 4), ", ");
		ND_STR(nd, "], power pair ");
		nd_tok(nd, lldp_mdi_pair_names, "unknown", GET_U8(nd, p + 5));
		ND_STR(nd, ", power class ");
		nd_tok(nd, lldp_mdi_class_names, "unknown", GET_U8(nd, p + 6));
		return 0;
	case 3:
		if (len < 9)
			return 0;
		nd_need(nd, p + 4, 5);
		ND_STR(nd, "\n\t    aggregation status [");
		nd_bits(nd, lldp_aggregation_names, GET_U8(nd, p + 4), ", ");
		out_fmt(nd->out, "], aggregation port ID %u", GET_BE32(nd, p + 5));
		return 0;
	case 4:
		if (len < 6)
			return 0;
		out_fmt(nd->out, "\n\t    MTU size %u", GET_BE16(nd, p + 4));
		return 0;
	default:
		return 1;
	}
}

static int lldp_iana_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len < 8)
		return 0;
	uint8_t subtype = GET_U8(nd, p + 3);
	ND_STR(nd, "\n\t  ");
	ND_STR(nd, subtype == 1 ? "MUD-URL" : "unknown");
	out_fmt(nd->out, " Subtype (%u)", subtype);
	if (subtype != 1)
		return 1;
	ND_STR(nd, "\n\t  MUD-URL=");
	nd_printjn(nd, p + 4, len - 4);
	return 0;
}

static const struct tok lldp_tia_location_format_names[] = {
	{1, "coordinate-based LCI"}, {2, "civic address LCI"}, {3, "ECS ELIN"}, {0, NULL},
};
static const struct tok lldp_tia_altitude_names[] = {{1, "meters"}, {2, "floors"}, {0, NULL}};
static const struct tok lldp_tia_datum_names[] = {
	{1, "World Geodesic System 1984"}, {2, "North American Datum 1983 (NAVD88)"},
	{3, "North American Datum 1983 (MLLW)"}, {0, NULL},
};
static const struct tok lldp_tia_catype_names[] = {
	{1, "national subdivisions (state,canton,region,province,prefecture)"},
	{2, "county, parish, gun, district"}, {3, "city, township, shi"},
	{4, "city division, borough, city district, ward chou"}, {5, "neighborhood, block"},
	{6, "street"}, {0, NULL},
};
static const struct tok lldp_tia_lci_what_names[] = {
	{0, "location of DHCP server"},
	{1, "location of the network element believed to be closest to the client"},
	{2, "location of the client"}, {0, NULL},
};

static uint64_t lldp_latlon(struct nd *nd, const uint8_t *p)
{
	return (uint64_t)(GET_U8(nd, p) & 3) << 32 | GET_BE32(nd, p + 1);
}

static int lldp_tia_location(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len < 5)
		return 0;
	uint8_t fmt = GET_U8(nd, p + 4);
	ND_STR(nd, "\n\t    Location data format ");
	nd_tok(nd, lldp_tia_location_format_names, "unknown", fmt);
	out_fmt(nd->out, " (0x%02x)", fmt);
	switch (fmt) {
	case 1:
		if (len < 21)
			return 0;
		out_fmt(nd->out, "\n\t    Latitude resolution %u, latitude value %" PRIu64, GET_U8(nd, p + 5) >> 2,
			lldp_latlon(nd, p + 5));
		out_fmt(nd->out, "\n\t    Longitude resolution %u, longitude value %" PRIu64,
			GET_U8(nd, p + 10) >> 2, lldp_latlon(nd, p + 10));
		ND_STR(nd, "\n\t    Altitude type ");
		nd_tok(nd, lldp_tia_altitude_names, "unknown", GET_U8(nd, p + 15) >> 4);
		out_fmt(nd->out, " (%u)", GET_U8(nd, p + 15) >> 4);
		out_fmt(nd->out, "\n\t    Altitude resolution %u, altitude value 0x%x",
			(GET_BE16(nd, p + 15) >> 6) & 0x3f, GET_BE32(nd, p + 16) & 0x3fffffff);
		ND_STR(nd, "\n\t    Datum ");
		nd_tok(nd, lldp_tia_datum_names, "unknown", GET_U8(nd, p + 20));
		out_fmt(nd->out, " (0x%02x)", GET_U8(nd, p + 20));
		return 0;
	case 2: {
		if (len < 6)
			return 0;
		uint32_t lci = GET_U8(nd, p + 5);
		if (lci < 3 || len < 7 + lci)
			return 0;
		uint8_t what = GET_U8(nd, p + 6);
		out_fmt(nd->out, "\n\t    LCI length %u, LCI what ", lci);
		nd_tok(nd, lldp_tia_lci_what_names, "unknown", what);
		out_fmt(nd->out, " (0x%02x), Country-code ", what);
		nd_printn(nd, p + 7, 2);
		lci -= 3;
		const uint8_t *c = p + 9;
		while (lci) {
			if (lci < 2)
				return 0;
			uint8_t ct = GET_U8(nd, c), cl = GET_U8(nd, c + 1);
			c += 2;
			lci -= 2;
			ND_STR(nd, "\n\t      CA type '");
			nd_tok(nd, lldp_tia_catype_names, "unknown", ct);
			out_fmt(nd->out, "' (%u), length %u: ", ct, cl);
			if (ct == 0 || cl == 0 || lci < cl)
				return 0;
			nd_printn(nd, c, cl);
			c += cl;
			lci -= cl;
		}
		return 0;
	}
	case 3:
		ND_STR(nd, "\n\t    ECS ELIN id ");
		nd_printn(nd, p + 5, len - 5);
		return 0;
	default:
		ND_STR(nd, "\n\t    Location ID ");
		nd_print_unknown_data(nd, p + 5, "\n\t      ", len - 5);
		return 0;
	}
}

static int lldp_tia_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len < 4)
		return 0;
	uint8_t subtype = GET_U8(nd, p + 3);
	lldp_subtype_line(nd, lldp_tia_subtype_names, subtype);
	switch (subtype) {
	case 1: {
		if (len < 7)
			return 0;
		uint16_t caps = GET_BE16(nd, p + 4);
		ND_STR(nd, "\n\t    Media capabilities [");
		nd_bits(nd, lldp_tia_capability_names, caps, ", ");
		out_fmt(nd->out, "] (0x%04x)", caps);
		uint8_t dt = GET_U8(nd, p + 6);
		ND_STR(nd, "\n\t    Device type [");
		nd_tok(nd, lldp_tia_device_type_names, "unknown", dt);
		out_fmt(nd->out, "] (0x%02x)", dt);
		return 0;
	}
	case 2: {
		if (len < 8)
			return 0;
		uint8_t app = GET_U8(nd, p + 4);
		ND_STR(nd, "\n\t    Application type [");
		nd_tok(nd, lldp_tia_application_names, "none", app);
		out_fmt(nd->out, "] (0x%02x)", app);
		ND_STR(nd, ", Flags [");
		nd_bits(nd, lldp_tia_policy_flag_names, GET_U8(nd, p + 5), ", ");
		ND_CHR(nd, ']');
		out_fmt(nd->out, "\n\t    Vlan id %u", (GET_BE16(nd, p + 5) & 0x1ffe) >> 1);
		out_fmt(nd->out, ", L2 priority %u", (GET_BE16(nd, p + 6) & 0x01ff) >> 6);
		out_fmt(nd->out, ", DSCP value %u", GET_BE16(nd, p + 6) & 0x003f);
		return 0;
	}
	case 3:
		return lldp_tia_location(nd, p, len);
	case 4: {
		if (len < 7)
			return 0;
		uint8_t b = GET_U8(nd, p + 4);
		/* tcpdump tests (b & 0xC0 >> 6), that is b & 3 */
		out_fmt(nd->out, "\n\t    Power type [%s]", (b & 0x03) ? "PD device" : "PSE device");
		ND_STR(nd, ", Power source [");
		nd_tok(nd, lldp_tia_power_source_names, "none", (b & 0x30) >> 4);
		ND_STR(nd, "]\n\t    Power priority [");
		nd_tok(nd, lldp_tia_power_priority_names, "none", b & 0x0f);
		out_fmt(nd->out, "] (0x%02x)", b & 0x0f);
		uint16_t pw = GET_BE16(nd, p + 5);
		if (pw < 1024)
			out_fmt(nd->out, ", Power %.1f Watts", (double)((float)pw / 10));
		else
			out_fmt(nd->out, ", Power %u (Reserved)", pw);
		return 0;
	}
	case 5: case 6: case 7: case 8: case 9: case 10: case 11:
		ND_STR(nd, "\n\t  ");
		nd_tok(nd, lldp_tia_inventory_names, "unknown", subtype);
		ND_CHR(nd, ' ');
		nd_printn(nd, p + 4, len - 4);
		return 0;
	default:
		return 1;
	}
}

static int lldp_private_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t oui = GET_BE24(nd, p);
	ND_STR(nd, ": OUI ");
	nd_tok(nd, oui_names, "Unknown", oui);
	out_fmt(nd->out, " (0x%06x)", oui);
	switch (oui) {
	case 0x0080c2:
		return lldp_8021_print(nd, p, len);
	case 0x00120f:
		return lldp_8023_print(nd, p, len);
	case 0x00005e:
		return lldp_iana_print(nd, p, len);
	case 0x0012bb:
		return lldp_tia_print(nd, p, len);
	default:
		return 1;
	}
}

/* Chassis and port IDs: subtype, then a MAC, a string or a network address. */
static int lldp_id_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct tok *names,
			 uint8_t mac_subtype, uint8_t addr_subtype)
{
	if (len < 2)
		return -1;
	uint8_t subtype = GET_U8(nd, p);
	ND_STR(nd, "\n\t  Subtype ");
	nd_tok(nd, names, "Unknown", subtype);
	out_fmt(nd->out, " (%u): ", subtype);
	if (subtype == mac_subtype) {
		if (len < 7)
			return -1;
		nd_etheraddr(nd, p + 1);
	} else if (subtype == addr_subtype) {
		if (!lldp_network_addr(nd, p + 1, len - 1))
			return -1;
	} else if (subtype >= 1 && subtype <= 7) {
		nd_printn(nd, p + 1, len - 1);
	} else {
		return 1;
	}
	return 0;
}

void lldp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "lldp";
	out_fmt(nd->out, "LLDP, length %u", len);
	uint32_t tlen = len;
	int v = nd->o->vflag;
	while (tlen >= 2) {
		uint16_t tlv = GET_BE16(nd, p);
		unsigned type = tlv >> 9, tl = tlv & 0x1ff;
		int hexdump = 0;
		tlen -= 2;
		p += 2;
		if (v) {
			ND_STR(nd, "\n\t");
			nd_tok(nd, lldp_tlv_names, "Unknown", type);
			out_fmt(nd->out, " TLV (%u), length %u", type, tl);
		}
		if (type == 0 || tl == 0)
			break;
		nd_need(nd, p, tl);
		if (tlen < tl)
			goto trunc;
		switch (type) {
		case 1:
		case 2:
			if (v) {
				int r = type == 1 ? lldp_id_print(nd, p, tl, lldp_chassis_subtype_names, 4, 5)
						  : lldp_id_print(nd, p, tl, lldp_port_subtype_names, 3, 4);
				if (r < 0)
					goto trunc;
				hexdump = r;
			}
			break;
		case 3:
			if (v) {
				if (tl < 2)
					goto trunc;
				out_fmt(nd->out, ": TTL %us", GET_BE16(nd, p));
			}
			break;
		case 4:
			if (v) {
				ND_STR(nd, ": ");
				nd_printn(nd, p, tl);
			}
			break;
		case 5: /* shown also without -v, like CDP's device id */
			ND_STR(nd, ": ");
			nd_printn(nd, p, tl);
			break;
		case 6:
			if (v) {
				ND_STR(nd, "\n\t  ");
				nd_printn(nd, p, tl);
			}
			break;
		case 7:
			if (v) {
				if (tl < 4)
					goto trunc;
				uint16_t cap = GET_BE16(nd, p), ena = GET_BE16(nd, p + 2);
				ND_STR(nd, "\n\t  System  Capabilities [");
				nd_bits(nd, lldp_cap_names, cap, ", ");
				out_fmt(nd->out, "] (0x%04x)", cap);
				ND_STR(nd, "\n\t  Enabled Capabilities [");
				nd_bits(nd, lldp_cap_names, ena, ", ");
				out_fmt(nd->out, "] (0x%04x)", ena);
			}
			break;
		case 8:
			if (v && !lldp_mgmt_addr(nd, p, tl))
				goto trunc;
			break;
		case 127:
			if (v) {
				if (tl < 3)
					goto trunc;
				hexdump = lldp_private_print(nd, p, tl);
			}
			break;
		default:
			hexdump = 1;
			break;
		}
		if (v > 1 || (v && hexdump))
			nd_print_unknown_data(nd, p, "\n\t  ", tl);
		tlen -= tl;
		p += tl;
	}
	return;
trunc:
	nd_print_trunc(nd);
}
