/*
 * rsvp.c - RSVP (RFC 2205) with the RSVP-TE (RFC 3209), GMPLS (RFC 3473),
 * refresh reduction (RFC 2961) and fast reroute (RFC 4090) objects, IP
 * protocol 46, as tcpdump 4.99 prints it: the message type without -v, every
 * object from -v, and a hex dump of each object from -vv.
 *
 *   header: | vers/flags | msg type | checksum (2) | send TTL | rsvd | length (2) |
 *   object: | length (2) | class-num | c-type | contents |
 */
#include <string.h>

#include "svc2.h"

enum {
	M_PATH = 1, M_RESV, M_PATHERR, M_RESVERR, M_PATHTEAR, M_RESVTEAR, M_RESVCONF,
	M_BUNDLE = 12, M_ACK = 13, M_HELLO_OLD = 14, M_SREFRESH = 15, M_HELLO = 20,
};

static const struct tok rsvp_msg_names[] = {
	{M_PATH, "Path"}, {M_RESV, "Resv"}, {M_PATHERR, "PathErr"}, {M_RESVERR, "ResvErr"},
	{M_PATHTEAR, "PathTear"}, {M_RESVTEAR, "ResvTear"}, {M_RESVCONF, "ResvConf"},
	{M_BUNDLE, "Bundle"}, {M_ACK, "Acknowledgement"}, {M_HELLO_OLD, "Hello (Old)"},
	{M_SREFRESH, "Refresh"}, {M_HELLO, "Hello"}, {0, NULL},
};

static const struct tok rsvp_hdr_flags[] = {{0x01, "Refresh reduction capable"}, {0, NULL}};

enum {
	O_SESSION = 1, O_HOP = 3, O_INTEGRITY = 4, O_TIME = 5, O_ERROR = 6, O_SCOPE = 7, O_STYLE = 8,
	O_FLOWSPEC = 9, O_FILTER = 10, O_SENDER_TMPL = 11, O_SENDER_TSPEC = 12, O_ADSPEC = 13,
	O_POLICY = 14, O_CONFIRM = 15, O_LABEL = 16, O_LABEL_REQ = 19, O_ERO = 20, O_RRO = 21,
	O_HELLO = 22, O_MSGID = 23, O_MSGID_ACK = 24, O_MSGID_LIST = 25, O_RECOVERY_LABEL = 34,
	O_UPSTREAM_LABEL = 35, O_LABEL_SET = 36, O_PROTECTION = 37, O_S2L = 50, O_DETOUR = 63,
	O_CLASSTYPE = 66, O_CLASSTYPE_OLD = 125, O_SUGGESTED_LABEL = 129, O_ACCEPT_LABEL_SET = 130,
	O_RESTART = 131, O_CAPABILITY = 134, O_NOTIFY = 195, O_ADMIN = 196, O_PROPERTIES = 204,
	O_FRR = 205, O_SESSION_ATTR = 207, O_GEN_UNI = 229, O_CALL_ID = 230, O_CALL_OPS = 236,
};

static const struct tok rsvp_obj_names[] = {
	{O_SESSION, "Session"}, {O_HOP, "RSVP Hop"}, {O_INTEGRITY, "Integrity"},
	{O_TIME, "Time Values"}, {O_ERROR, "Error Spec"}, {O_SCOPE, "Scope"}, {O_STYLE, "Style"},
	{O_FLOWSPEC, "Flowspec"}, {O_FILTER, "FilterSpec"}, {O_SENDER_TMPL, "Sender Template"},
	{O_SENDER_TSPEC, "Sender TSpec"}, {O_ADSPEC, "Adspec"}, {O_POLICY, "Policy Data"},
	{O_CONFIRM, "Confirm"}, {O_LABEL, "Label"}, {O_LABEL_REQ, "Label Request"}, {O_ERO, "ERO"},
	{O_RRO, "RRO"}, {O_HELLO, "Hello"}, {O_MSGID, "Message ID"}, {O_MSGID_ACK, "Message ID Ack"},
	{O_MSGID_LIST, "Message ID List"}, {O_RECOVERY_LABEL, "Recovery Label"},
	{O_UPSTREAM_LABEL, "Upstream Label"}, {O_LABEL_SET, "Label Set"},
	{O_ACCEPT_LABEL_SET, "Acceptable Label Set"}, {O_DETOUR, "Detour"},
	{O_CLASSTYPE, "Class Type"}, {O_CLASSTYPE_OLD, "Class Type (old)"},
	{O_SUGGESTED_LABEL, "Suggested Label"}, {O_PROPERTIES, "Properties"},
	{O_FRR, "Fast Re-Route"}, {O_SESSION_ATTR, "Session Attribute"},
	{O_GEN_UNI, "Generalized UNI"}, {O_CALL_ID, "Call-ID"}, {O_CALL_OPS, "Call Capability"},
	{O_RESTART, "Restart Capability"}, {O_CAPABILITY, "Capability"},
	{O_NOTIFY, "Notify Request"}, {O_PROTECTION, "Protection"},
	{O_ADMIN, "Administrative Status"}, {O_S2L, "Sub-LSP to LSP"}, {0, NULL},
};

#define CT(o, c) ((o) * 256 + (c))
/* C-Type names per class (the numbers are not unique across classes). */
static const struct tok rsvp_ctype_names[] = {
	{CT(O_HOP, 1), "IPv4"}, {CT(O_HOP, 2), "IPv6"}, {CT(O_HOP, 3), "IPv4 plus opt. TLVs"},
	{CT(O_HOP, 4), "IPv6 plus opt. TLVs"}, {CT(O_NOTIFY, 1), "IPv4"}, {CT(O_NOTIFY, 2), "IPv6"},
	{CT(O_CONFIRM, 1), "IPv4"}, {CT(O_CONFIRM, 2), "IPv6"}, {CT(O_TIME, 1), "1"},
	{CT(O_FLOWSPEC, 1), "obsolete"}, {CT(O_FLOWSPEC, 2), "IntServ"},
	{CT(O_SENDER_TSPEC, 2), "IntServ"}, {CT(O_ADSPEC, 2), "IntServ"},
	{CT(O_FILTER, 1), "IPv4"}, {CT(O_FILTER, 2), "IPv6"}, {CT(O_FILTER, 3), "IPv6 Flow-label"},
	{CT(O_FILTER, 7), "Tunnel IPv4"}, {CT(O_FILTER, 12), "IPv4 P2MP LSP Tunnel"},
	{CT(O_FILTER, 13), "IPv6 P2MP LSP Tunnel"}, {CT(O_SESSION, 1), "IPv4"},
	{CT(O_SESSION, 2), "IPv6"}, {CT(O_SESSION, 7), "Tunnel IPv4"}, {CT(O_SESSION, 11), "UNI IPv4"},
	{CT(O_SESSION, 13), "IPv4 P2MP LSP Tunnel"}, {CT(O_SESSION, 14), "IPv6 P2MP LSP Tunnel"},
	{CT(O_SENDER_TMPL, 1), "IPv4"}, {CT(O_SENDER_TMPL, 2), "IPv6"},
	{CT(O_SENDER_TMPL, 7), "Tunnel IPv4"}, {CT(O_SENDER_TMPL, 12), "IPv4 P2MP LSP Tunnel"},
	{CT(O_SENDER_TMPL, 13), "IPv6 P2MP LSP Tunnel"}, {CT(O_MSGID, 1), "1"},
	{CT(O_MSGID_ACK, 1), "Message id ack"}, {CT(O_MSGID_ACK, 2), "Message id nack"},
	{CT(O_MSGID_LIST, 1), "1"}, {CT(O_STYLE, 1), "1"}, {CT(O_HELLO, 1), "Hello Request"},
	{CT(O_HELLO, 2), "Hello Ack"}, {CT(O_LABEL_REQ, 1), "without label range"},
	{CT(O_LABEL_REQ, 2), "with ATM label range"}, {CT(O_LABEL_REQ, 3), "with FR label range"},
	{CT(O_LABEL_REQ, 4), "Generalized Label"}, {CT(O_LABEL, 1), "Label"},
	{CT(O_LABEL, 2), "Generalized Label"}, {CT(O_LABEL, 3), "Waveband Switching"},
	{CT(O_SUGGESTED_LABEL, 1), "Label"}, {CT(O_SUGGESTED_LABEL, 2), "Generalized Label"},
	{CT(O_SUGGESTED_LABEL, 3), "Waveband Switching"}, {CT(O_UPSTREAM_LABEL, 1), "Label"},
	{CT(O_UPSTREAM_LABEL, 2), "Generalized Label"}, {CT(O_UPSTREAM_LABEL, 3), "Waveband Switching"},
	{CT(O_RECOVERY_LABEL, 1), "Label"}, {CT(O_RECOVERY_LABEL, 2), "Generalized Label"},
	{CT(O_RECOVERY_LABEL, 3), "Waveband Switching"}, {CT(O_ERO, 1), "IPv4"}, {CT(O_RRO, 1), "IPv4"},
	{CT(O_ERROR, 1), "IPv4"}, {CT(O_ERROR, 2), "IPv6"}, {CT(O_ERROR, 3), "IPv4 plus opt. TLVs"},
	{CT(O_ERROR, 4), "IPv6 plus opt. TLVs"}, {CT(O_RESTART, 1), "IPv4"}, {CT(O_CAPABILITY, 1), "1"},
	{CT(O_SESSION_ATTR, 7), "Tunnel IPv4"}, {CT(O_FRR, 7), "Tunnel IPv4"}, {CT(O_FRR, 1), "1"},
	{CT(O_DETOUR, 7), "Tunnel IPv4"}, {CT(O_PROPERTIES, 1), "1"}, {CT(O_ADMIN, 1), "1"},
	{CT(O_CLASSTYPE, 1), "1"}, {CT(O_CLASSTYPE_OLD, 1), "1"}, {CT(O_LABEL_SET, 1), "1"},
	{CT(O_GEN_UNI, 1), "1"}, {CT(O_S2L, 1), "IPv4 sub-LSP"}, {CT(O_S2L, 2), "IPv6 sub-LSP"},
	{0, NULL},
};

static const struct tok rsvp_capability_flags[] = {
	{4, "RecoveryPath Transmit Enabled"}, {2, "RecoveryPath Desired"},
	{1, "RecoveryPath Srefresh Capable"}, {0, NULL},
};
static const struct tok rsvp_xro_names[] = {
	{0, "Reserved"}, {1, "IPv4 prefix"}, {2, "IPv6 prefix"}, {3, "Label"},
	{32, "Autonomous system number"}, {64, "MPLS label switched path termination"}, {0, NULL},
};
static const struct tok rsvp_rro_flags[] = {
	{1, "Local protection available"}, {2, "Local protection in use"},
	{4, "Bandwidth protection"}, {8, "Node protection"}, {0, NULL},
};
static const struct tok rsvp_rro_label_flags[] = {{1, "Global"}, {0, NULL}};
static const struct tok rsvp_styles[] = {
	{17, "Wildcard Filter"}, {10, "Fixed Filter"}, {18, "Shared Explicit"}, {0, NULL},
};
static const struct tok rsvp_intserv_services[] = {
	{1, "Default/Global Information"}, {2, "Guaranteed Service"}, {5, "Controlled Load"}, {0, NULL},
};
static const struct tok rsvp_intserv_params[] = {
	{4, "IS hop cnt"}, {6, "Path b/w estimate"}, {8, "Minimum path latency"},
	{10, "Composed MTU"}, {127, "Token Bucket TSpec"}, {130, "Guaranteed Service RSpec"},
	{133, "End-to-end composed value for C"}, {134, "End-to-end composed value for D"},
	{135, "Since-last-reshaping point composed C"}, {136, "Since-last-reshaping point composed D"},
	{0, NULL},
};
static const struct tok rsvp_session_attr_flags[] = {
	{1, "Local Protection"}, {2, "Label Recording"}, {4, "SE Style"},
	{8, "Bandwidth protection"}, {16, "Node protection"}, {0, NULL},
};
static const struct tok rsvp_prop_tlvs[] = {
	{1, "Cos"}, {2, "Metric 1"}, {4, "Metric 2"}, {8, "CCC Status"}, {16, "Path Type"}, {0, NULL},
};
static const struct tok rsvp_error_codes[] = {
	{24, "Routing Problem"}, {25, "Notify Error"}, {28, "Diffserv TE Error"},
	{125, "Diffserv TE Error (Old)"}, {0, NULL},
};
static const struct tok rsvp_error_routing[] = {
	{1, "Bad EXPLICIT_ROUTE object"}, {2, "Bad strict node"}, {3, "Bad loose node"},
	{4, "Bad initial subobject"}, {5, "No route available toward destination"},
	{6, "Unacceptable label value"}, {7, "RRO indicated routing loops"},
	{8, "non-RSVP-capable router in the path"}, {9, "MPLS label allocation failure"},
	{10, "Unsupported L3PID"}, {0, NULL},
};
static const struct tok rsvp_error_diffserv[] = {
	{1, "Unexpected CT object"}, {2, "Unsupported CT"}, {3, "Invalid CT value"},
	{4, "CT/setup priority do not form a configured TE-Class"},
	{5, "CT/holding priority do not form a configured TE-Class"},
	{6, "CT/setup priority and CT/holding priority do not form a configured TE-Class"},
	{7, "Inconsistency between signaled PSC and signaled CT"},
	{8, "Inconsistency between signaled PHBs and signaled CT"}, {0, NULL},
};
static const struct tok rsvp_admin_flags[] = {
	{0x80000000u, "Reflect"}, {4, "Testing"}, {2, "Admin-down"}, {1, "Delete-in-progress"}, {0, NULL},
};
static const struct tok rsvp_label_set_actions[] = {
	{0, "Inclusive list"}, {1, "Exclusive list"}, {2, "Inclusive range"}, {3, "Exclusive range"},
	{0, NULL},
};
static const struct tok rsvp_gen_uni_names[] = {
	{1, "Source TNA address"}, {2, "Destination TNA address"}, {3, "Diversity"},
	{4, "Egress label"}, {5, "Service level"}, {0, NULL},
};
static const struct tok rsvp_af_names[] = {
	{0, "Reserved"}, {1, "IPv4"}, {2, "IPv6"}, {3, "NSAP"}, {4, "HDLC"}, {5, "BBN 1822"},
	{6, "802"}, {7, "E.163"}, {8, "E.164"}, {9, "F.69"}, {10, "X.121"}, {11, "Novell IPX"},
	{12, "Appletalk"}, {13, "Decnet IV"}, {14, "Banyan Vines"}, {15, "E.164 with NSAP subaddress"},
	{25, "VPLS"}, {196, "Layer-2 VPN"}, {0, NULL},
};
static const struct tok rsvp_integrity_flags[] = {{0x80, "Handshake"}, {0, NULL}};

/* GMPLS (RFC 3471), shared with lmp.c */
const struct tok gmpls_switch_names[] = {
	{1, "Packet-Switch Capable-1"}, {2, "Packet-Switch Capable-2"}, {3, "Packet-Switch Capable-3"},
	{4, "Packet-Switch Capable-4"}, {51, "Layer-2 Switch Capable"}, {100, "Time-Division-Multiplex"},
	{150, "Lambda-Switch Capable"}, {200, "Fiber-Switch Capable"}, {0, NULL},
};
const struct tok gmpls_encoding_names[] = {
	{1, "Packet"}, {2, "Ethernet V2/DIX"}, {3, "ANSI/ETSI PDH"}, {4, "Reserved"},
	{5, "SDH ITU-T G.707/SONET ANSI T1.105"}, {6, "Reserved"}, {7, "Digital Wrapper"},
	{8, "Lambda (photonic)"}, {9, "Fiber"}, {10, "Reserved"}, {11, "FiberChannel"}, {0, NULL},
};
static const struct tok gmpls_payload_names[] = {
	{0, "Unknown"}, {1, "Reserved"}, {2, "Reserved"}, {3, "Reserved"}, {4, "Reserved"},
	{5, "Asynchronous mapping of E4"}, {6, "Asynchronous mapping of DS3/T3"},
	{7, "Asynchronous mapping of E3"}, {8, "Bit synchronous mapping of E3"},
	{9, "Byte synchronous mapping of E3"}, {10, "Asynchronous mapping of DS2/T2"},
	{11, "Bit synchronous mapping of DS2/T2"}, {12, "Reserved"}, {13, "Asynchronous mapping of E1"},
	{14, "Byte synchronous mapping of E1"}, {15, "Byte synchronous mapping of 31 * DS0"},
	{16, "Asynchronous mapping of DS1/T1"}, {17, "Bit synchronous mapping of DS1/T1"},
	{18, "Byte synchronous mapping of DS1/T1"}, {19, "VC-11 in VC-12"}, {20, "Reserved"},
	{21, "Reserved"}, {22, "DS1 SF Asynchronous"}, {23, "DS1 ESF Asynchronous"},
	{24, "DS3 M23 Asynchronous"}, {25, "DS3 C-Bit Parity Asynchronous"}, {26, "VT/LOVC"},
	{27, "STS SPE/HOVC"}, {28, "POS - No Scrambling, 16 bit CRC"},
	{29, "POS - No Scrambling, 32 bit CRC"}, {30, "POS - Scrambling, 16 bit CRC"},
	{31, "POS - Scrambling, 32 bit CRC"}, {32, "ATM mapping"}, {33, "Ethernet PHY"},
	{34, "SONET/SDH"}, {35, "Reserved (SONET deprecated)"}, {36, "Digital Wrapper"},
	{37, "Lambda"}, {38, "ANSI/ETSI PDH"}, {39, "Reserved"},
	{40, "Link Access Protocol SDH (X.85 and X.86)"}, {41, "FDDI"}, {42, "DQDB (ETSI ETS 300 216)"},
	{43, "FiberChannel-3 (Services)"}, {44, "HDLC"}, {45, "Ethernet V2/DIX (only)"},
	{46, "Ethernet 802.3 (only)"}, {47, "G.709 ODUj"}, {48, "G.709 OTUk(v)"}, {49, "CBR/CBRa"},
	{50, "CBRb"}, {51, "BSOT"}, {52, "BSNT"}, {53, "IP/PPP (GFP)"},
	{54, "Ethernet MAC (framed GFP)"}, {55, "Ethernet PHY (transparent GFP)"}, {56, "ESCON"},
	{57, "FICON"}, {58, "Fiber Channel"}, {0, NULL},
};

/* An IEEE float from the packet; arithmetic on it stays in float, as tcpdump's. */
static float rsvp_float(uint32_t v)
{
	float f;
	memcpy(&f, &v, sizeof f);
	return f;
}

static const char *tok_or(const struct tok *t, uint32_t v, const char *dflt)
{
	const char *s = tok_find(t, v);
	return s ? s : dflt;
}

/* One IntServ parameter (RFC 2215); bytes used, 0 to stop. */
static unsigned rsvp_intserv(struct nd *nd, const uint8_t *p, unsigned tlen)
{
	if (tlen < 4)
		return 0;
	unsigned id = GET_U8(nd, p), plen = (unsigned)GET_BE16(nd, p + 2) << 2;
	out_fmt(nd->out, "\n\t      Parameter ID: %s (%u), length: %u, Flags: [0x%02x]",
		tok_or(rsvp_intserv_params, id, "unknown"), id, plen, GET_U8(nd, p + 1));
	if (tlen < plen + 4)
		return 0;
	const uint8_t *v = p + 4;
	switch (id) {
	case 4:
		if (plen == 4)
			out_fmt(nd->out, "\n\t\tIS hop count: %u", GET_BE32(nd, v));
		break;
	case 6:
		if (plen == 4)
			out_fmt(nd->out, "\n\t\tPath b/w estimate: %.10g Mbps", (double)(rsvp_float(GET_BE32(nd, v)) / 125000.0f));
		break;
	case 8:
		if (plen == 4) {
			ND_STR(nd, "\n\t\tMinimum path latency: ");
			uint32_t l = GET_BE32(nd, v);
			if (l == 0xffffffffu)
				ND_STR(nd, "don't care");
			else
				ND_U(nd, l);
		}
		break;
	case 10:
		if (plen == 4)
			out_fmt(nd->out, "\n\t\tComposed MTU: %u bytes", GET_BE32(nd, v));
		break;
	case 127:
		if (plen == 20) {
			nd_need(nd, v, 20);
			out_fmt(nd->out, "\n\t\tToken Bucket Rate: %.10g Mbps", (double)(rsvp_float(GET_BE32(nd, v)) / 125000.0f));
			out_fmt(nd->out, "\n\t\tToken Bucket Size: %.10g bytes", (double)rsvp_float(GET_BE32(nd, v + 4)));
			out_fmt(nd->out, "\n\t\tPeak Data Rate: %.10g Mbps", (double)(rsvp_float(GET_BE32(nd, v + 8)) / 125000.0f));
			out_fmt(nd->out, "\n\t\tMinimum Policed Unit: %u bytes", GET_BE32(nd, v + 12));
			out_fmt(nd->out, "\n\t\tMaximum Packet Size: %u bytes", GET_BE32(nd, v + 16));
		}
		break;
	case 130:
		if (plen == 8) {
			nd_need(nd, v, 8);
			out_fmt(nd->out, "\n\t\tRate: %.10g Mbps", (double)(rsvp_float(GET_BE32(nd, v)) / 125000.0f));
			out_fmt(nd->out, "\n\t\tSlack Term: %u", GET_BE32(nd, v + 4));
		}
		break;
	case 133:
	case 134:
	case 135:
	case 136:
		if (plen == 4)
			out_fmt(nd->out, "\n\t\tValue: %u", GET_BE32(nd, v));
		break;
	default:
		if (nd->o->vflag <= 1)
			nd_print_unknown_data(nd, v, "\n\t\t", plen);
	}
	return plen + 4;
}

/* Outcome of one object's body. */
enum { OBJ_OK, OBJ_HEX, OBJ_SHORT, OBJ_SUBSHORT, OBJ_INVALID, OBJ_STOP };

static void rsvp_addr(struct nd *nd, const uint8_t *p, int v6)
{
	if (v6)
		nd_ip6addr(nd, p);
	else
		nd_ipaddr(nd, p);
}

static int rsvp_session(struct nd *nd, const char *ind, unsigned ct, const uint8_t *p, unsigned n)
{
	switch (ct) {
	case 1:
	case 2: {
		unsigned a = ct == 1 ? 4 : 16;
		if (n < a + 4)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  %s DestAddress: ", ind, ct == 1 ? "IPv4" : "IPv6");
		rsvp_addr(nd, p, ct == 2);
		out_fmt(nd->out, ", Protocol ID: 0x%02x", GET_U8(nd, p + a));
		out_fmt(nd->out, "%s  Flags: [0x%02x], DestPort %u", ind, GET_U8(nd, p + a + 1), GET_BE16(nd, p + a + 2));
		return OBJ_OK;
	}
	case 8:
		if (n < 36)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  IPv6 Tunnel EndPoint: ", ind);
		nd_ip6addr(nd, p);
		out_fmt(nd->out, ", Tunnel ID: 0x%04x, Extended Tunnel ID: ", GET_BE16(nd, p + 18));
		nd_ip6addr(nd, p + 20);
		return OBJ_OK;
	case 14:
		if (n < 26)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  IPv6 P2MP LSP ID: 0x%08x, Tunnel ID: 0x%04x, Extended Tunnel ID: ", ind,
			GET_BE32(nd, p), GET_BE16(nd, p + 6));
		nd_ip6addr(nd, p + 8);
		return OBJ_OK;
	case 13:
	case 7:
	case 11:
		if (n < 12)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  IPv4 %s: ", ind, ct == 13 ? "P2MP LSP ID" : "Tunnel EndPoint");
		nd_ipaddr(nd, p);
		out_fmt(nd->out, ", Tunnel ID: 0x%04x, Extended Tunnel ID: ", GET_BE16(nd, p + 6));
		nd_ipaddr(nd, p + 8);
		return OBJ_OK;
	}
	return OBJ_HEX;
}

/* Sender Template and FilterSpec share most C-Types. */
static int rsvp_sender(struct nd *nd, const char *ind, unsigned cls, unsigned ct, const uint8_t *p, unsigned n)
{
	switch (ct) {
	case 1:
	case 2: {
		unsigned a = ct == 1 ? 4 : 16;
		if (n < a + 4)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  Source Address: ", ind);
		rsvp_addr(nd, p, ct == 2);
		out_fmt(nd->out, ", Source Port: %u", GET_BE16(nd, p + a + 2));
		return OBJ_OK;
	}
	case 3:
		if (cls != O_FILTER)
			break;
		if (n < 20)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  Source Address: ", ind);
		nd_ip6addr(nd, p);
		out_fmt(nd->out, ", Flow Label: %u", GET_BE24(nd, p + 17));
		return OBJ_OK;
	case 8:
		if (cls != O_FILTER)
			break;
		if (n < 20)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  Source Address: ", ind);
		nd_ipaddr(nd, p);
		out_fmt(nd->out, ", LSP-ID: 0x%04x", GET_BE16(nd, p + 18));
		return OBJ_OK;
	case 13:
		if (n < 40)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  IPv6 Tunnel Sender Address: ", ind);
		nd_ip6addr(nd, p);
		out_fmt(nd->out, ", LSP ID: 0x%04x%s  Sub-Group Originator ID: ", GET_BE16(nd, p + 18), ind);
		nd_ip6addr(nd, p + 20);
		out_fmt(nd->out, ", Sub-Group ID: 0x%04x", GET_BE16(nd, p + 38));
		return OBJ_OK;
	case 7:
		if (n < 8)
			return OBJ_SHORT;
		if (cls == O_FILTER) {
			out_fmt(nd->out, "%s  Source Address: ", ind);
			nd_ipaddr(nd, p);
			out_fmt(nd->out, ", LSP-ID: 0x%04x", GET_BE16(nd, p + 6));
		} else {
			out_fmt(nd->out, "%s  IPv4 Tunnel Sender Address: ", ind);
			nd_ipaddr(nd, p);
			out_fmt(nd->out, ", LSP-ID: 0x%04x", GET_BE16(nd, p + 6));
		}
		return OBJ_OK;
	case 12:
		if (n < 16)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  IPv4 Tunnel Sender Address: ", ind);
		nd_ipaddr(nd, p);
		out_fmt(nd->out, ", LSP ID: 0x%04x%s  Sub-Group Originator ID: ", GET_BE16(nd, p + 6), ind);
		nd_ipaddr(nd, p + 8);
		out_fmt(nd->out, ", Sub-Group ID: 0x%04x", GET_BE16(nd, p + 12));
		return OBJ_OK;
	}
	return OBJ_HEX;
}

static int rsvp_label_req(struct nd *nd, const char *ind, unsigned ct, const uint8_t *p, unsigned n)
{
	switch (ct) {
	case 1:
		for (; n >= 4; p += 4, n -= 4) {
			out_fmt(nd->out, "%s  L3 Protocol ID: ", ind);
			nd_tok(nd, link_ethertype_names, "Unknown Protocol (0x%04x)", GET_BE16(nd, p + 2));
		}
		return OBJ_OK;
	case 2:
		if (n < 12)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  L3 Protocol ID: ", ind);
		nd_tok(nd, link_ethertype_names, "Unknown Protocol (0x%04x)", GET_BE16(nd, p + 2));
		out_fmt(nd->out, ",%s merge capability", GET_U8(nd, p + 4) & 0x80 ? "no" : "");
		out_fmt(nd->out, "%s  Minimum VPI/VCI: %u/%u", ind, GET_BE16(nd, p + 4) & 0xfff, GET_BE16(nd, p + 6) & 0xfff);
		out_fmt(nd->out, "%s  Maximum VPI/VCI: %u/%u", ind, GET_BE16(nd, p + 8) & 0xfff, GET_BE16(nd, p + 10) & 0xfff);
		return OBJ_OK;
	case 3: {
		if (n < 12)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  L3 Protocol ID: ", ind);
		nd_tok(nd, link_ethertype_names, "Unknown Protocol (0x%04x)", GET_BE16(nd, p + 2));
		unsigned dl = (GET_BE16(nd, p + 4) >> 7) & 3;
		out_fmt(nd->out, "%s  Minimum/Maximum DLCI: %u/%u, %s%s bit DLCI", ind, GET_BE32(nd, p + 4) & 0x7fffff,
			GET_BE32(nd, p + 8) & 0x7fffff, dl == 0 ? "10" : "", dl == 2 ? "23" : "");
		return OBJ_OK;
	}
	case 4: {
		if (n < 4)
			return OBJ_SHORT;
		uint8_t enc = GET_U8(nd, p), sw = GET_U8(nd, p + 1);
		unsigned pl = GET_BE16(nd, p + 2);
		out_fmt(nd->out, "%s  LSP Encoding Type: %s (%u)", ind, tok_or(gmpls_encoding_names, enc, "Unknown"), enc);
		out_fmt(nd->out, "%s  Switching Type: %s (%u), Payload ID: %s (0x%04x)", ind,
			tok_or(gmpls_switch_names, sw, "Unknown"), sw, tok_or(gmpls_payload_names, pl, "Unknown"), pl);
		return OBJ_OK;
	}
	}
	return OBJ_HEX;
}

static int rsvp_xro(struct nd *nd, const char *ind, const uint8_t *p, unsigned n)
{
	while (n >= 4) {
		nd_need(nd, p, 4);
		uint8_t t = GET_U8(nd, p) & 0x7f, l = GET_U8(nd, p + 1);
		out_fmt(nd->out, "%s  Subobject Type: ", ind);
		nd_tok(nd, rsvp_xro_names, "Unknown %u", t);
		out_fmt(nd->out, ", length %u", l);
		if (n < l) {
			out_fmt(nd->out, "%s  ERROR: ERO subobject length > object length", ind);
			break;
		}
		if (l == 0) {
			out_fmt(nd->out, "%s  ERROR: zero length ERO subtype", ind);
			break;
		}
		if (t == 1) {
			if (l != 8) {
				ND_STR(nd, " ERROR: length != 8");
				return OBJ_INVALID;
			}
			nd_need(nd, p, 8);
			uint8_t plen = GET_U8(nd, p + 6);
			if (plen != 32) {
				out_fmt(nd->out, " ERROR: Prefix length %u != 32", plen);
				return OBJ_INVALID;
			}
			out_fmt(nd->out, ", %s, ", GET_U8(nd, p) & 0x80 ? "Loose" : "Strict");
			nd_ipaddr(nd, p + 2);
			out_fmt(nd->out, "/%u, Flags: [", plen);
			nd_bits(nd, rsvp_rro_flags, GET_U8(nd, p + 7), ", ");
			ND_CHR(nd, ']');
		} else if (t == 3) {
			if (l != 8) {
				ND_STR(nd, " ERROR: length != 8");
				return OBJ_INVALID;
			}
			nd_need(nd, p, 8);
			uint8_t f = GET_U8(nd, p + 2), c = GET_U8(nd, p + 3);
			ND_STR(nd, ", Flags: [");
			nd_bits(nd, rsvp_rro_label_flags, f, ", ");
			out_fmt(nd->out, "] (%#x), Class-Type: %s (%u), %u", f,
				tok_or(rsvp_ctype_names, c + 256u * O_RRO, "Unknown"), c, GET_BE32(nd, p + 4));
		}
		p += l;
		n -= l;
	}
	return OBJ_OK;
}

static void rsvp_flowspec(struct nd *nd, const char *ind, const uint8_t *p, unsigned n)
{
	out_fmt(nd->out, "%s  Msg-Version: %u, length: %u", ind, (GET_U8(nd, p) & 0xf0) >> 4,
		(unsigned)GET_BE16(nd, p + 2) << 2);
	p += 4;
	n -= 4;
	while (n >= 4) {
		unsigned slen = (unsigned)GET_BE16(nd, p + 2) << 2;
		uint8_t st = GET_U8(nd, p);
		out_fmt(nd->out, "%s  Service Type: %s (%u), break bit %sset, Service length: %u", ind,
			tok_or(rsvp_intserv_services, st, "unknown"), st, GET_U8(nd, p + 1) & 0x80 ? "" : "not ", slen);
		p += 4;
		n -= 4;
		while (slen >= 4) {
			unsigned used = rsvp_intserv(nd, p, n);
			if (used == 0)
				break;
			n -= used;
			slen -= used;
			p += used;
		}
	}
}

static int rsvp_error_spec(struct nd *nd, const char *ind, unsigned ct, const uint8_t *p, unsigned n)
{
	int v6 = ct == 2 || ct == 4;
	if (ct < 1 || ct > 4)
		return OBJ_HEX;
	unsigned a = v6 ? 16 : 4;
	if (n < a + 4)
		return OBJ_SHORT;
	uint8_t code = GET_U8(nd, p + a + 1);
	unsigned val = GET_BE16(nd, p + a + 2);
	out_fmt(nd->out, "%s  Error Node Address: ", ind);
	rsvp_addr(nd, p, v6);
	out_fmt(nd->out, ", Flags: [0x%02x]%s  Error Code: %s (%u)", GET_U8(nd, p + a), ind,
		tok_or(rsvp_error_codes, code, "unknown"), code);
	if (code == 24)
		out_fmt(nd->out, ", Error Value: %s (%u)", tok_or(rsvp_error_routing, val, "unknown"), val);
	else if (!v6 && (code == 28 || code == 125))
		out_fmt(nd->out, ", Error Value: %s (%u)", tok_or(rsvp_error_diffserv, val, "unknown"), val);
	else if (!v6)
		out_fmt(nd->out, ", Unknown Error Value (%u)", val);
	return OBJ_OK;
}

static int rsvp_gen_uni(struct nd *nd, const char *ind, const uint8_t *p, unsigned n, int *hex)
{
	if (n < 4)
		return OBJ_SHORT;
	unsigned total = n;
	while (total > 0) {
		if (total < 4)
			return OBJ_INVALID;
		unsigned sl = GET_BE16(nd, p), st = GET_U8(nd, p + 2), af = GET_U8(nd, p + 3);
		out_fmt(nd->out, "%s  Subobject Type: %s (%u), AF: %s (%u), length: %u", ind,
			tok_or(rsvp_gen_uni_names, st, "Unknown"), st, tok_or(rsvp_af_names, af, "Unknown"), af, sl);
		if (sl < 4 || sl > total || n < sl)
			return OBJ_INVALID;
		switch (st) {
		case 1:
		case 2:
			if (af == 1) {
				if (sl < 8)
					return OBJ_SUBSHORT;
				out_fmt(nd->out, "%s    UNI IPv4 TNA address: ", ind);
				nd_ipaddr(nd, p + 4);
			} else if (af == 2) {
				if (sl < 20)
					return OBJ_SUBSHORT;
				out_fmt(nd->out, "%s    UNI IPv6 TNA address: ", ind);
				nd_ip6addr(nd, p + 4);
			} else if (af == 3) {
				*hex = 1;
			}
			break;
		case 3:
			if (sl > 4)
				*hex = 1;
			break;
		case 4:
			if (sl < 16)
				return OBJ_SUBSHORT;
			out_fmt(nd->out, "%s    U-bit: %x, Label type: %u, Logical port id: %u, Label: %u", ind,
				GET_BE32(nd, p + 4) >> 31, GET_BE32(nd, p + 4) & 0xff, GET_BE32(nd, p + 8),
				GET_BE32(nd, p + 12));
			break;
		case 5:
			if (sl < 8)
				return OBJ_SUBSHORT;
			out_fmt(nd->out, "%s    Service level: %u", ind, GET_BE32(nd, p + 4) >> 24);
			break;
		default:
			*hex = 1;
		}
		total -= sl;
		p += sl;
		n += sl; /* as tcpdump (it grows, so the check above only ever passes) */
	}
	return OBJ_OK;
}

/* The body of one object: what to do after it. */
static int rsvp_obj_body(struct nd *nd, const char *ind, unsigned cls, unsigned ct, const uint8_t *p, unsigned n,
			 int *hex)
{
	switch (cls) {
	case O_SESSION:
		return rsvp_session(nd, ind, ct, p, n);
	case O_CONFIRM:
	case O_NOTIFY:
		if (ct != 1 && ct != 2)
			return OBJ_HEX;
		if (n < (ct == 1 ? 4u : 16u))
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  %s %s Address: ", ind, ct == 1 ? "IPv4" : "IPv6",
			cls == O_CONFIRM ? "Receiver" : "Notify Node");
		rsvp_addr(nd, p, ct == 2);
		return OBJ_OK;
	case O_SUGGESTED_LABEL:
	case O_UPSTREAM_LABEL:
	case O_RECOVERY_LABEL:
	case O_LABEL:
		if (ct == 1) {
			for (; n >= 4; p += 4, n -= 4)
				out_fmt(nd->out, "%s  Label: %u", ind, GET_BE32(nd, p));
		} else if (ct == 2) {
			if (n < 4)
				return OBJ_SHORT;
			out_fmt(nd->out, "%s  Generalized Label: %u", ind, GET_BE32(nd, p));
		} else if (ct == 3) {
			if (n < 12)
				return OBJ_SHORT;
			out_fmt(nd->out, "%s  Waveband ID: %u%s  Start Label: %u, Stop Label: %u", ind, GET_BE32(nd, p), ind,
				GET_BE32(nd, p + 4), GET_BE32(nd, p + 8));
		} else {
			return OBJ_HEX;
		}
		return OBJ_OK;
	case O_STYLE:
		if (ct != 1)
			return OBJ_HEX;
		if (n < 4)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  Reservation Style: %s, Flags: [0x%02x]", ind,
			tok_or(rsvp_styles, GET_BE24(nd, p + 1), "Unknown"), GET_U8(nd, p));
		return OBJ_OK;
	case O_SENDER_TMPL:
	case O_FILTER:
		return rsvp_sender(nd, ind, cls, ct, p, n);
	case O_LABEL_REQ:
		return rsvp_label_req(nd, ind, ct, p, n);
	case O_RRO:
	case O_ERO:
		if (ct != 1)
			return OBJ_HEX;
		return rsvp_xro(nd, ind, p, n);
	case O_HELLO:
		if (ct != 1 && ct != 2)
			return OBJ_HEX;
		if (n < 8)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  Source Instance: 0x%08x, Destination Instance: 0x%08x", ind, GET_BE32(nd, p),
			GET_BE32(nd, p + 4));
		return OBJ_OK;
	case O_RESTART:
		if (ct != 1)
			return OBJ_HEX;
		if (n < 8)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  Restart  Time: %ums, Recovery Time: %ums", ind, GET_BE32(nd, p), GET_BE32(nd, p + 4));
		return OBJ_OK;
	case O_CAPABILITY: {
		if (ct != 1)
			return OBJ_HEX;
		if (n < 4)
			return OBJ_SHORT;
		uint32_t f = GET_BE32(nd, p);
		if (f & ~7u)
			out_fmt(nd->out, "%s  [reserved=0x%08x must be zero]", ind, f & ~7u);
		out_fmt(nd->out, "%s  Flags: [", ind);
		nd_bits(nd, rsvp_capability_flags, f & 7, ", ");
		ND_CHR(nd, ']');
		return OBJ_OK;
	}
	case O_SESSION_ATTR: {
		if (ct != 7)
			return OBJ_HEX;
		if (n < 4)
			return OBJ_SHORT;
		unsigned nl = GET_U8(nd, p + 3);
		if (n < 4 + nl)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  Session Name: ", ind);
		nd_printjn(nd, p + 4, nl);
		uint8_t f = GET_U8(nd, p + 2);
		out_fmt(nd->out, "%s  Setup Priority: %u, Holding Priority: %u, Flags: [", ind, GET_U8(nd, p),
			GET_U8(nd, p + 1));
		nd_bits(nd, rsvp_session_attr_flags, f, ", ");
		out_fmt(nd->out, "] (%#x)", f);
		return OBJ_OK;
	}
	case O_GEN_UNI:
		if (ct != 1)
			return OBJ_HEX;
		return rsvp_gen_uni(nd, ind, p, n, hex);
	case O_HOP:
		if (ct == 1 || ct == 3) {
			if (n < 8)
				return OBJ_SHORT;
			out_fmt(nd->out, "%s  Previous/Next Interface: ", ind);
			nd_ipaddr(nd, p);
			out_fmt(nd->out, ", Logical Interface Handle: 0x%08x", GET_BE32(nd, p + 4));
			return n > 8 ? OBJ_HEX : OBJ_OK;
		}
		if (ct == 2 || ct == 4) {
			if (n < 20)
				return OBJ_SHORT;
			out_fmt(nd->out, "%s  Previous/Next Interface: ", ind);
			nd_ip6addr(nd, p);
			out_fmt(nd->out, ", Logical Interface Handle: 0x%08x", GET_BE32(nd, p + 16));
			return OBJ_HEX;
		}
		return OBJ_HEX;
	case O_TIME:
		if (ct != 1)
			return OBJ_HEX;
		if (n < 4)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  Refresh Period: %ums", ind, GET_BE32(nd, p));
		return OBJ_OK;
	case O_SENDER_TSPEC:
	case O_ADSPEC:
	case O_FLOWSPEC:
		if (ct != 2)
			return OBJ_HEX;
		if (n < 4)
			return OBJ_SHORT;
		rsvp_flowspec(nd, ind, p, n);
		return OBJ_OK;
	case O_FRR:
		if (ct == 1 || ct == 7) {
			if (n < (ct == 1 ? 20u : 16u))
				return OBJ_SHORT;
			out_fmt(nd->out, "%s  Setup Priority: %u, Holding Priority: %u, Hop-limit: %u, Bandwidth: %.10g Mbps",
				ind, GET_U8(nd, p), GET_U8(nd, p + 1), GET_U8(nd, p + 2),
				(double)(rsvp_float(GET_BE32(nd, p + 4)) * 8.0f / 1000000.0f));
			if (ct == 1)
				out_fmt(nd->out, "%s  Include-any: 0x%08x, Exclude-any: 0x%08x, Include-all: 0x%08x", ind,
					GET_BE32(nd, p + 8), GET_BE32(nd, p + 12), GET_BE32(nd, p + 16));
			else
				out_fmt(nd->out, "%s  Include Colors: 0x%08x, Exclude Colors: 0x%08x", ind,
					GET_BE32(nd, p + 8), GET_BE32(nd, p + 12));
			return OBJ_OK;
		}
		return OBJ_HEX;
	case O_DETOUR:
		if (ct != 7)
			return OBJ_HEX;
		for (; n >= 8; p += 8, n -= 8) {
			out_fmt(nd->out, "%s  PLR-ID: ", ind);
			nd_ipaddr(nd, p);
			ND_STR(nd, ", Avoid-Node-ID: ");
			nd_ipaddr(nd, p + 4);
		}
		return OBJ_OK;
	case O_CLASSTYPE:
	case O_CLASSTYPE_OLD:
		if (ct != 1)
			return OBJ_HEX;
		if (n < 4)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  CT: %u", ind, GET_BE32(nd, p) & 7);
		return OBJ_OK;
	case O_ERROR:
		return rsvp_error_spec(nd, ind, ct, p, n);
	case O_PROPERTIES: {
		if (ct != 1)
			return OBJ_HEX;
		if (n < 4)
			return OBJ_SHORT;
		unsigned pad = GET_BE16(nd, p + 2);
		out_fmt(nd->out, "%s  TLV count: %u, padding bytes: %u", ind, GET_BE16(nd, p), pad);
		p += 4;
		n -= 4;
		while (n >= 2 + pad) {
			uint8_t t = GET_U8(nd, p), l = GET_U8(nd, p + 1);
			out_fmt(nd->out, "%s    %s TLV (0x%02x), length: %u", ind, tok_or(rsvp_prop_tlvs, t, "unknown"), t, l);
			if (n < l)
				return OBJ_SHORT;
			if (l < 2) {
				out_fmt(nd->out, "%sERROR: property TLV is too short", ind);
				return OBJ_STOP;
			}
			nd_print_unknown_data(nd, p + 2, "\n\t\t", l - 2u);
			n -= l;
			p += l;
		}
		return OBJ_OK;
	}
	case O_MSGID:
	case O_MSGID_ACK:
	case O_MSGID_LIST:
		if (ct != 1 && ct != 2)
			return OBJ_HEX;
		if (n < 4)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  Flags [0x%02x], epoch: %u", ind, GET_U8(nd, p), GET_BE24(nd, p + 1));
		for (p += 4, n -= 4; n >= 4; p += 4, n -= 4)
			out_fmt(nd->out, "%s    Message-ID 0x%08x (%u)", ind, GET_BE32(nd, p), GET_BE32(nd, p));
		return OBJ_OK;
	case O_INTEGRITY:
		if (ct != 1)
			return OBJ_HEX;
		if (n < 32)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  Key-ID 0x%04x%08x, Sequence 0x%08x%08x, Flags [", ind, GET_BE16(nd, p + 2),
			GET_BE32(nd, p + 4), GET_BE32(nd, p + 8), GET_BE32(nd, p + 12));
		nd_bits(nd, rsvp_integrity_flags, GET_U8(nd, p), ", ");
		out_fmt(nd->out, "]%s  MD5-sum 0x%08x%08x%08x%08x  (unchecked)", ind, GET_BE32(nd, p + 16),
			GET_BE32(nd, p + 20), GET_BE32(nd, p + 24), GET_BE32(nd, p + 28));
		return OBJ_OK;
	case O_ADMIN:
		if (ct != 1)
			return OBJ_HEX;
		if (n < 4)
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  Flags [", ind);
		nd_bits(nd, rsvp_admin_flags, GET_BE32(nd, p), ", ");
		ND_CHR(nd, ']');
		return OBJ_OK;
	case O_LABEL_SET: {
		if (ct != 1)
			return OBJ_HEX;
		if (n < 4)
			return OBJ_SHORT;
		unsigned act = GET_BE16(nd, p) >> 8;
		out_fmt(nd->out, "%s  Action: %s (%u), Label type: %u", ind, tok_or(rsvp_label_set_actions, act, "Unknown"),
			act, GET_BE32(nd, p) & 0x7f);
		if (act == 2 || act == 3) {
			if (n < 12)
				return OBJ_SHORT;
			out_fmt(nd->out, "%s  Start range: %u, End range: %u", ind, GET_BE32(nd, p + 4), GET_BE32(nd, p + 8));
		} else {
			unsigned sc = 1;
			for (p += 4, n -= 4; n >= 4; p += 4, n -= 4)
				out_fmt(nd->out, "%s  Subchannel #%u: %u", ind, sc++, GET_BE32(nd, p));
		}
		return OBJ_OK;
	}
	case O_S2L:
		if (ct != 1 && ct != 2)
			return OBJ_HEX;
		if (n < (ct == 1 ? 4u : 16u))
			return OBJ_SHORT;
		out_fmt(nd->out, "%s  Sub-LSP destination address: ", ind);
		rsvp_addr(nd, p, ct == 2);
		return OBJ_OK;
	default:
		if (nd->o->vflag <= 1)
			nd_print_unknown_data(nd, p, "\n\t    ", n);
		return OBJ_OK;
	}
}

/* The objects of one message; -1 when printing stops. */
static int rsvp_objects(struct nd *nd, const uint8_t *p, unsigned tlen, const char *ind)
{
	while (tlen >= 4) {
		nd_need(nd, p, 4);
		unsigned olen = GET_BE16(nd, p), cls = GET_U8(nd, p + 2), ct = GET_U8(nd, p + 3);
		if (olen % 4) {
			out_fmt(nd->out, "%sERROR: object header size %u not a multiple of 4", ind, olen);
			return -1;
		}
		if (olen < 4) {
			out_fmt(nd->out, "%sERROR: object header too short %u < 4", ind, olen);
			return -1;
		}
		out_fmt(nd->out, "%s%s Object (%u) Flags: [%s if unknown], Class-Type: %s (%u), length: %u", ind,
			tok_or(rsvp_obj_names, cls, "Unknown"), cls,
			cls & 0x80 ? (cls & 0x40 ? "ignore and forward" : "ignore silently") : "reject",
			tok_or(rsvp_ctype_names, cls * 256 + ct, "Unknown"), ct, olen);
		if (tlen < olen) {
			out_fmt(nd->out, "%sERROR: object goes past end of objects TLV", ind);
			return -1;
		}
		nd_need(nd, p, olen);
		int hex = 0;
		switch (rsvp_obj_body(nd, ind, cls, ct, p + 4, olen - 4, &hex)) {
		case OBJ_HEX:
			hex = 1;
			break;
		case OBJ_SHORT:
			out_fmt(nd->out, "%sERROR: object is too short", ind);
			return -1;
		case OBJ_SUBSHORT:
			out_fmt(nd->out, "%sERROR: sub-object is too short", ind);
			return -1;
		case OBJ_INVALID:
			nd_print_invalid(nd);
			return -1;
		case OBJ_STOP:
			return -1;
		}
		if (nd->o->vflag > 1 || hex)
			nd_print_unknown_data(nd, p + 4, "\n\t    ", olen - 4);
		p += olen;
		tlen -= olen;
	}
	return 0;
}

static void rsvp_msg_header(struct nd *nd, const uint8_t *p, const char *ind)
{
	uint8_t vf = GET_U8(nd, p), type = GET_U8(nd, p + 1);
	out_fmt(nd->out, "%sRSVPv%u ", ind, vf >> 4);
	nd_tok(nd, rsvp_msg_names, "unknown, type: %u", type);
	out_fmt(nd->out, " Message (%u), Flags: [", type);
	nd_bits(nd, rsvp_hdr_flags, vf & 15, ", ");
	out_fmt(nd->out, "], length: %u, ttl: %u, checksum: 0x%04x", GET_BE16(nd, p + 6), GET_U8(nd, p + 4),
		GET_BE16(nd, p + 2));
}

static void rsvp_bundle(struct nd *nd, const uint8_t *p, unsigned tlen)
{
	while (tlen > 0) {
		nd_need(nd, p, 8);
		uint8_t vf = GET_U8(nd, p);
		if (vf >> 4 != 1) {
			out_fmt(nd->out, "ERROR: RSVP version %u packet not supported", vf >> 4);
			return;
		}
		unsigned sub = GET_BE16(nd, p + 6);
		rsvp_msg_header(nd, p, "\n\t  ");
		if (sub < 8) {
			out_fmt(nd->out, "ERROR: common header too short %u < 8", sub);
			return;
		}
		if (tlen < sub) {
			out_fmt(nd->out, "ERROR: common header too large %u > %u", sub, tlen);
			return;
		}
		if (rsvp_objects(nd, p + 8, sub - 8, "\n\t    ") == -1)
			return;
		p += sub;
		tlen -= sub;
	}
}

void rsvp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "rsvp";
	nd_need(nd, p, 8);
	uint8_t vf = GET_U8(nd, p), type = GET_U8(nd, p + 1);
	if (vf >> 4 != 1) {
		out_fmt(nd->out, "ERROR: RSVP version %u packet not supported", vf >> 4);
		return;
	}
	if (nd->o->vflag < 1) {
		out_fmt(nd->out, "RSVPv%u ", vf >> 4);
		nd_tok(nd, rsvp_msg_names, "unknown (%u)", type);
		out_fmt(nd->out, " Message, length: %u", len);
		return;
	}
	unsigned tlen = GET_BE16(nd, p + 6);
	rsvp_msg_header(nd, p, "\n\t");
	if (tlen < 8) {
		out_fmt(nd->out, "ERROR: common header too short %u < 8", tlen);
		return;
	}
	p += 8;
	tlen -= 8;
	switch (type) {
	case M_BUNDLE:
		rsvp_bundle(nd, p, tlen);
		break;
	case M_PATH: case M_RESV: case M_PATHERR: case M_RESVERR: case M_PATHTEAR: case M_RESVTEAR:
	case M_RESVCONF: case M_HELLO_OLD: case M_HELLO: case M_ACK: case M_SREFRESH:
		rsvp_objects(nd, p, tlen, "\n\t  ");
		break;
	default:
		nd_print_unknown_data(nd, p, "\n\t    ", tlen);
	}
}
