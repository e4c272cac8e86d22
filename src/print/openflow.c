/*
 * openflow.c - OpenFlow over TCP (ports 6633 and 6653), as tcpdump 4.99 prints it.
 *
 * Specifications: OpenFlow Switch Specification 1.0.0 (wire version 0x01) and
 * 1.3.5 (wire version 0x04).  Every message starts with the same header:
 *
 *    0               1               2               3
 *   +---------------+---------------+---------------+---------------+
 *   |    version    |     type      |            length             |
 *   +---------------+---------------+---------------+---------------+
 *   |                              xid                              |
 *   +---------------+---------------+---------------+---------------+
 *
 * A TCP segment may hold several messages; the header of each is printed on a
 * line of its own.  Message type names are known for 1.0 and 1.3; bodies are
 * decoded at -v for 1.0 (most types, plus Big Switch Networks extensions) and
 * for some 1.3 types.  Ports, statistics counters and queue properties need
 * -vv, Ethernet frames inside PACKET_IN / PACKET_OUT need -vvv.
 *
 * Conventions (as in tcpdump): a decoder gets the body pointer and its
 * declared length; declared lengths that cannot be right print " (invalid)"
 * and the rest of the structure is only bounds-checked; a field beyond the
 * captured bytes ends the packet with " [|openflow]".
 */
#include "nd.h"

#define OF_HEADER_LEN 8U

/* Move over n bytes of the structure being decoded (cp and len are locals). */
#define OF_FWD(n) do { cp += (n); len -= (n); } while (0)
/* Same, but the bytes must be captured (used for trailing padding). */
#define OF_CHK_FWD(n) do { nd_need(nd, cp, (n)); cp += (n); len -= (n); } while (0)

enum of_req { REQ_NONE, REQ_MINLEN, REQ_FIXLEN };

typedef void (*of_decoder)(struct nd *nd, const uint8_t *cp, uint32_t len);

struct of_msgtype {
	const char *name;
	of_decoder decoder;
	enum of_req req;
	uint32_t req_len;   /* body length (header excluded) */
};

/* ---------------------------------------------------------------- helpers */

static void of_hex(struct nd *nd, uint64_t v, int width)
{
	ND_STR(nd, "0x");
	out_hex(nd->out, v, width);
}

/* Name from the table, else the value in decimal. */
static void of_tok_u(struct nd *nd, const char *label, const struct tok *t, uint32_t v)
{
	const char *s = tok_find(t, v);
	ND_STR(nd, label);
	if (s)
		ND_STR(nd, s);
	else
		ND_U(nd, v);
}

/* Name from the table, else pfx "0x%0<width>x" sfx. */
static void of_tok_x(struct nd *nd, const char *label, const struct tok *t, uint32_t v,
		     const char *pfx, int width, const char *sfx)
{
	const char *s = tok_find(t, v);
	ND_STR(nd, label);
	if (s) {
		ND_STR(nd, s);
		return;
	}
	ND_STR(nd, pfx);
	of_hex(nd, v, width);
	ND_STR(nd, sfx);
}

/* Name from the table, else pfx "%u" sfx. */
static void of_tok_d(struct nd *nd, const char *label, const struct tok *t, uint32_t v,
		     const char *pfx, const char *sfx)
{
	const char *s = tok_find(t, v);
	ND_STR(nd, label);
	if (s) {
		ND_STR(nd, s);
		return;
	}
	ND_STR(nd, pfx);
	ND_U(nd, v);
	ND_STR(nd, sfx);
}

/*
 * " (NAME, NAME)" for the assigned bits that are set, then " (bogus)" when any
 * unassigned bit (mask u) is set.
 */
static void of_bitmap(struct nd *nd, const struct tok *t, uint32_t v, uint32_t u)
{
	if (v & ~u) {
		const char *sep = "";
		ND_STR(nd, " (");
		for (; t->s; t++) {
			if (v & t->v) {
				ND_STR(nd, sep);
				ND_STR(nd, t->s);
				sep = ", ";
			}
		}
		ND_CHR(nd, ')');
	}
	if (v & u)
		ND_STR(nd, " (bogus)");
}

/* Opaque data: its size, and at -vv a hex and ASCII dump. */
static void of_data_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	if (len == 0)
		return;
	ND_STR(nd, "\n\t data (");
	ND_U(nd, len);
	ND_STR(nd, " octets)");
	if (nd->o->vflag >= 2)
		nd_hex_ascii(nd, "\n\t  ", cp, len, 1);
	else
		nd_need(nd, cp, len);
}

/* IEEE OUIs tcpdump knows by name (the first match wins). */
static const struct tok of_oui_names[] = {
	{ 0x000000, "Ethernet" },
	{ 0x00000c, "Cisco" },
	{ 0x00005e, "IANA" },
	{ 0x000081, "Nortel Networks SONMP" },
	{ 0x0000f8, "Cisco bridged" },
	{ 0x0080c2, "Ethernet bridged" },
	{ 0x00a03e, "ATM Forum" },
	{ 0x00e02f, "DOCSIS Spanning Tree" },
	{ 0x080007, "Appletalk" },
	{ 0x009069, "Juniper" },
	{ 0x080009, "Hewlett-Packard" },
	{ 0x00120f, "IEEE 802.3 Private" },
	{ 0x0012bb, "ANSI/TIA" },
	{ 0x001b21, "DCBX" },
	{ 0x002320, "Nicira Networks" },
	{ 0x5c16c7, "Big Switch Networks" },
	{ 0xb0d2f5, "Vello Systems" },
	{ 0x002481, "HP" },
	{ 0x0004ea, "HP-Labs" },
	{ 0x748771, "Infoblox Inc" },
	{ 0xa42305, "Open Networking Lab" },
	{ 0x00049f, "Freescale" },
	{ 0x0015ad, "Netronome" },
	{ 0x001018, "Broadcom" },
	{ 0x00e004, "PMC-Sierra" },
	{ 0xd0f0db, "Ericsson" },
	{ 0, NULL }
};

/* ONF-assigned experimenter IDs (those with a non-zero top octet). */
static const struct tok of_onf_exp_names[] = {
	{ 0x4f4e4600, "ONF Extensions" },
	{ 0xff000001, "Budapest University of Technology and Economics" },
	{ 0xff000002, "NoviFlow" },
	{ 0xff000003, "L3+ Extensions, Vendor Neutral" },
	{ 0xff000004, "L4-L7 Extensions" },
	{ 0xff000005, "Wireless and Mobility Extensions" },
	{ 0xff000006, "Forwarding Abstractions Extensions" },
	{ 0xff000007, "Optical Transport Extensions" },
	{ 0xff000008, "Network Benchmarking Lab, NCTU" },
	{ 0xff000009, "Mobile Packet Core Extensions" },
	{ 0xff00000a, "MPLS-TP OpenFlow Extensions for SPTN" },
	{ 0, NULL }
};

#define OUI_BSN 0x5c16c7U

/* ", vendor 0x%08x (NAME)" - also used for 1.3 experimenter IDs. */
static void of_vendor_name(struct nd *nd, uint32_t vendor)
{
	const char *s = tok_find((vendor & 0xff000000U) == 0 ? of_oui_names : of_onf_exp_names, vendor);
	ND_STR(nd, s ? s : "unknown");
}

static void of_vendor_id(struct nd *nd, const char *label, uint32_t vendor)
{
	ND_STR(nd, label);
	of_hex(nd, vendor, 8);
	ND_STR(nd, " (");
	of_vendor_name(nd, vendor);
	ND_CHR(nd, ')');
}

static void of_u32_field(struct nd *nd, const char *label, uint32_t v)
{
	ND_STR(nd, label);
	ND_U(nd, v);
}

static void of_hex_field(struct nd *nd, const char *label, uint64_t v, int width)
{
	ND_STR(nd, label);
	of_hex(nd, v, width);
}

/* ======================================================== OpenFlow 1.0 */

static const struct tok of10_ppc_bm[] = {
	{ 1U << 0, "PORT_DOWN" },
	{ 1U << 1, "NO_STP" },
	{ 1U << 2, "NO_RECV" },
	{ 1U << 3, "NO_RECV_STP" },
	{ 1U << 4, "NO_FLOOD" },
	{ 1U << 5, "NO_FWD" },
	{ 1U << 6, "NO_PACKET_IN" },
	{ 0, NULL }
};
#define OF10_PPC_U (~0x7fU)

/* Port state: bit 0 is LINK_DOWN, bits 8-9 an STP code point. */
#define OF10_PPS_LINK_DOWN 1U
#define OF10_PPS_STP_MASK (3U << 8)
static const struct tok of10_pps_stp[] = {
	{ 0U << 8, "STP_LISTEN" },
	{ 1U << 8, "STP_LEARN" },
	{ 2U << 8, "STP_FORWARD" },
	{ 3U << 8, "STP_BLOCK" },
	{ 0, NULL }
};
#define OF10_PPS_U (~(OF10_PPS_LINK_DOWN | OF10_PPS_STP_MASK))

#define OF10_PP_CONTROLLER 0xfffdU
static const struct tok of10_pp_names[] = {
	{ 0xff00, "MAX" },
	{ 0xfff8, "IN_PORT" },
	{ 0xfff9, "TABLE" },
	{ 0xfffa, "NORMAL" },
	{ 0xfffb, "FLOOD" },
	{ 0xfffc, "ALL" },
	{ 0xfffd, "CONTROLLER" },
	{ 0xfffe, "LOCAL" },
	{ 0xffff, "NONE" },
	{ 0, NULL }
};

static const struct tok of10_ppf_bm[] = {
	{ 1U << 0, "10MB_HD" },
	{ 1U << 1, "10MB_FD" },
	{ 1U << 2, "100MB_HD" },
	{ 1U << 3, "100MB_FD" },
	{ 1U << 4, "1GB_HD" },
	{ 1U << 5, "1GB_FD" },
	{ 1U << 6, "10GB_FD" },
	{ 1U << 7, "COPPER" },
	{ 1U << 8, "FIBER" },
	{ 1U << 9, "AUTONEG" },
	{ 1U << 10, "PAUSE" },
	{ 1U << 11, "PAUSE_ASYM" },
	{ 0, NULL }
};
#define OF10_PPF_U (~0xfffU)

#define OF10_PQT_NONE 0
#define OF10_PQT_MIN_RATE 1
static const struct tok of10_pqt_names[] = {
	{ OF10_PQT_NONE, "NONE" },
	{ OF10_PQT_MIN_RATE, "MIN_RATE" },
	{ 0, NULL }
};

#define OFPFW_IN_PORT (1U << 0)
#define OFPFW_DL_VLAN (1U << 1)
#define OFPFW_DL_SRC (1U << 2)
#define OFPFW_DL_DST (1U << 3)
#define OFPFW_DL_TYPE (1U << 4)
#define OFPFW_NW_PROTO (1U << 5)
#define OFPFW_TP_SRC (1U << 6)
#define OFPFW_TP_DST (1U << 7)
#define OFPFW_NW_SRC_SHIFT 8
#define OFPFW_NW_DST_SHIFT 14
#define OFPFW_NW_MASK 0x3fU
#define OFPFW_DL_VLAN_PCP (1U << 20)
#define OFPFW_NW_TOS (1U << 21)
#define OFPFW_U (~((1U << 22) - 1))
static const struct tok of10_pfw_bm[] = {
	{ OFPFW_IN_PORT, "IN_PORT" },
	{ OFPFW_DL_VLAN, "DL_VLAN" },
	{ OFPFW_DL_SRC, "DL_SRC" },
	{ OFPFW_DL_DST, "DL_DST" },
	{ OFPFW_DL_TYPE, "DL_TYPE" },
	{ OFPFW_NW_PROTO, "NW_PROTO" },
	{ OFPFW_TP_SRC, "TP_SRC" },
	{ OFPFW_TP_DST, "TP_DST" },
	{ OFPFW_DL_VLAN_PCP, "DL_VLAN_PCP" },
	{ OFPFW_NW_TOS, "NW_TOS" },
	{ 0, NULL }
};

enum {
	OFPAT_OUTPUT, OFPAT_SET_VLAN_VID, OFPAT_SET_VLAN_PCP, OFPAT_STRIP_VLAN,
	OFPAT_SET_DL_SRC, OFPAT_SET_DL_DST, OFPAT_SET_NW_SRC, OFPAT_SET_NW_DST,
	OFPAT_SET_NW_TOS, OFPAT_SET_TP_SRC, OFPAT_SET_TP_DST, OFPAT_ENQUEUE,
	OFPAT_VENDOR = 0xffff
};
static const struct tok of10_pat_names[] = {
	{ OFPAT_OUTPUT, "OUTPUT" },
	{ OFPAT_SET_VLAN_VID, "SET_VLAN_VID" },
	{ OFPAT_SET_VLAN_PCP, "SET_VLAN_PCP" },
	{ OFPAT_STRIP_VLAN, "STRIP_VLAN" },
	{ OFPAT_SET_DL_SRC, "SET_DL_SRC" },
	{ OFPAT_SET_DL_DST, "SET_DL_DST" },
	{ OFPAT_SET_NW_SRC, "SET_NW_SRC" },
	{ OFPAT_SET_NW_DST, "SET_NW_DST" },
	{ OFPAT_SET_NW_TOS, "SET_NW_TOS" },
	{ OFPAT_SET_TP_SRC, "SET_TP_SRC" },
	{ OFPAT_SET_TP_DST, "SET_TP_DST" },
	{ OFPAT_ENQUEUE, "ENQUEUE" },
	{ OFPAT_VENDOR, "VENDOR" },
	{ 0, NULL }
};
/* The supported-actions bitmap of FEATURES_REPLY: bit n is action type n. */
static const struct tok of10_pat_bm[] = {
	{ 1U << OFPAT_OUTPUT, "OUTPUT" },
	{ 1U << OFPAT_SET_VLAN_VID, "SET_VLAN_VID" },
	{ 1U << OFPAT_SET_VLAN_PCP, "SET_VLAN_PCP" },
	{ 1U << OFPAT_STRIP_VLAN, "STRIP_VLAN" },
	{ 1U << OFPAT_SET_DL_SRC, "SET_DL_SRC" },
	{ 1U << OFPAT_SET_DL_DST, "SET_DL_DST" },
	{ 1U << OFPAT_SET_NW_SRC, "SET_NW_SRC" },
	{ 1U << OFPAT_SET_NW_DST, "SET_NW_DST" },
	{ 1U << OFPAT_SET_NW_TOS, "SET_NW_TOS" },
	{ 1U << OFPAT_SET_TP_SRC, "SET_TP_SRC" },
	{ 1U << OFPAT_SET_TP_DST, "SET_TP_DST" },
	{ 1U << OFPAT_ENQUEUE, "ENQUEUE" },
	{ 0, NULL }
};
#define OF10_PAT_U (~0xfffU)

/* Bit 4 (RESERVED) has a name but counts as unassigned. */
static const struct tok of10_capabilities_bm[] = {
	{ 1U << 0, "FLOW_STATS" },
	{ 1U << 1, "TABLE_STATS" },
	{ 1U << 2, "PORT_STATS" },
	{ 1U << 3, "STP" },
	{ 1U << 4, "RESERVED" },
	{ 1U << 5, "IP_REASM" },
	{ 1U << 6, "QUEUE_STATS" },
	{ 1U << 7, "ARP_MATCH_IP" },
	{ 0, NULL }
};
#define OF10_CAP_U (~0xefU)

static const struct tok of_config_names[] = {
	{ 0, "FRAG_NORMAL" },
	{ 1, "FRAG_DROP" },
	{ 2, "FRAG_REASM" },
	{ 0, NULL }
};

enum { OFPFC_ADD, OFPFC_MODIFY, OFPFC_MODIFY_STRICT, OFPFC_DELETE, OFPFC_DELETE_STRICT };
static const struct tok of10_pfc_names[] = {
	{ OFPFC_ADD, "ADD" },
	{ OFPFC_MODIFY, "MODIFY" },
	{ OFPFC_MODIFY_STRICT, "MODIFY_STRICT" },
	{ OFPFC_DELETE, "DELETE" },
	{ OFPFC_DELETE_STRICT, "DELETE_STRICT" },
	{ 0, NULL }
};

static const struct tok of_bufferid_names[] = {
	{ 0xffffffff, "NONE" },
	{ 0, NULL }
};

static const struct tok of10_pff_bm[] = {
	{ 1U << 0, "SEND_FLOW_REM" },
	{ 1U << 1, "CHECK_OVERLAP" },
	{ 1U << 2, "EMERG" },
	{ 0, NULL }
};
#define OF10_PFF_U (~7U)

enum { OFPST_DESC, OFPST_FLOW, OFPST_AGGREGATE, OFPST_TABLE, OFPST_PORT, OFPST_QUEUE,
       OFPST_VENDOR = 0xffff };
static const struct tok of10_pst_names[] = {
	{ OFPST_DESC, "DESC" },
	{ OFPST_FLOW, "FLOW" },
	{ OFPST_AGGREGATE, "AGGREGATE" },
	{ OFPST_TABLE, "TABLE" },
	{ OFPST_PORT, "PORT" },
	{ OFPST_QUEUE, "QUEUE" },
	{ OFPST_VENDOR, "VENDOR" },
	{ 0, NULL }
};

static const struct tok of10_tableid_names[] = {
	{ 0xfe, "EMERG" },
	{ 0xff, "ALL" },
	{ 0, NULL }
};

static const struct tok of10_pq_names[] = {
	{ 0xffffffff, "ALL" },
	{ 0, NULL }
};

static const struct tok of10_psf_reply_bm[] = {
	{ 1, "MORE" },
	{ 0, NULL }
};
#define OF10_PSF_REPLY_U (~1U)

static const struct tok of10_pr_names[] = {
	{ 0, "NO_MATCH" },
	{ 1, "ACTION" },
	{ 0, NULL }
};

static const struct tok of10_prr_names[] = {
	{ 0, "IDLE_TIMEOUT" },
	{ 1, "HARD_TIMEOUT" },
	{ 2, "DELETE" },
	{ 0, NULL }
};

static const struct tok of_ppr_names[] = {
	{ 0, "ADD" },
	{ 1, "DELETE" },
	{ 2, "MODIFY" },
	{ 0, NULL }
};

static const struct tok of10_pet_names[] = {
	{ 0, "HELLO_FAILED" },
	{ 1, "BAD_REQUEST" },
	{ 2, "BAD_ACTION" },
	{ 3, "FLOW_MOD_FAILED" },
	{ 4, "PORT_MOD_FAILED" },
	{ 5, "QUEUE_OP_FAILED" },
	{ 0, NULL }
};

static const struct tok of_phfc_names[] = {
	{ 0, "INCOMPATIBLE" },
	{ 1, "EPERM" },
	{ 0, NULL }
};

static const struct tok of10_pbrc_names[] = {
	{ 0, "BAD_VERSION" },
	{ 1, "BAD_TYPE" },
	{ 2, "BAD_STAT" },
	{ 3, "BAD_VENDOR" },
	{ 4, "BAD_SUBTYPE" },
	{ 5, "EPERM" },
	{ 6, "BAD_LEN" },
	{ 7, "BUFFER_EMPTY" },
	{ 8, "BUFFER_UNKNOWN" },
	{ 0, NULL }
};

static const struct tok of10_pbac_names[] = {
	{ 0, "BAD_TYPE" },
	{ 1, "BAD_LEN" },
	{ 2, "BAD_VENDOR" },
	{ 3, "BAD_VENDOR_TYPE" },
	{ 4, "BAD_OUT_PORT" },
	{ 5, "BAD_ARGUMENT" },
	{ 6, "EPERM" },
	{ 7, "TOO_MANY" },
	{ 8, "BAD_QUEUE" },
	{ 0, NULL }
};

static const struct tok of10_pfmfc_names[] = {
	{ 0, "ALL_TABLES_FULL" },
	{ 1, "OVERLAP" },
	{ 2, "EPERM" },
	{ 3, "BAD_EMERG_TIMEOUT" },
	{ 4, "BAD_COMMAND" },
	{ 5, "UNSUPPORTED" },
	{ 0, NULL }
};

static const struct tok of10_ppmfc_names[] = {
	{ 0, "BAD_PORT" },
	{ 1, "BAD_HW_ADDR" },
	{ 0, NULL }
};

static const struct tok of_pqofc_names[] = {
	{ 0, "BAD_PORT" },
	{ 1, "BAD_QUEUE" },
	{ 2, "EPERM" },
	{ 0, NULL }
};

/* Error codes by error type (index = type). */
static const struct tok *const of10_error_codes[] = {
	of_phfc_names, of10_pbrc_names, of10_pbac_names,
	of10_pfmfc_names, of10_ppmfc_names, of_pqofc_names,
};

/* Big Switch Networks vendor messages and actions. */
enum {
	BSN_SET_IP_MASK = 0, BSN_GET_IP_MASK_REQUEST = 1, BSN_GET_IP_MASK_REPLY = 2,
	BSN_SET_MIRRORING = 3, BSN_GET_MIRRORING_REQUEST = 4, BSN_GET_MIRRORING_REPLY = 5,
	BSN_SHELL_COMMAND = 6, BSN_SHELL_OUTPUT = 7, BSN_SHELL_STATUS = 8,
	BSN_GET_INTERFACES_REQUEST = 9, BSN_GET_L2_TABLE_REQUEST = 13,
	BSN_VIRTUAL_PORT_REMOVE_REQUEST = 17, BSN_BW_ENABLE_GET_REQUEST = 19,
	BSN_BW_CLEAR_DATA_REQUEST = 21, BSN_HYBRID_GET_REQUEST = 27
};
static const struct tok of10_bsn_subtype_names[] = {
	{ 0, "SET_IP_MASK" },
	{ 1, "GET_IP_MASK_REQUEST" },
	{ 2, "GET_IP_MASK_REPLY" },
	{ 3, "SET_MIRRORING" },
	{ 4, "GET_MIRRORING_REQUEST" },
	{ 5, "GET_MIRRORING_REPLY" },
	{ 6, "SHELL_COMMAND" },
	{ 7, "SHELL_OUTPUT" },
	{ 8, "SHELL_STATUS" },
	{ 9, "GET_INTERFACES_REQUEST" },
	{ 10, "GET_INTERFACES_REPLY" },
	{ 11, "SET_PKTIN_SUPPRESSION_REQUEST" },
	{ 12, "SET_L2_TABLE_REQUEST" },
	{ 13, "GET_L2_TABLE_REQUEST" },
	{ 14, "GET_L2_TABLE_REPLY" },
	{ 15, "VIRTUAL_PORT_CREATE_REQUEST" },
	{ 16, "VIRTUAL_PORT_CREATE_REPLY" },
	{ 17, "VIRTUAL_PORT_REMOVE_REQUEST" },
	{ 18, "BW_ENABLE_SET_REQUEST" },
	{ 19, "BW_ENABLE_GET_REQUEST" },
	{ 20, "BW_ENABLE_GET_REPLY" },
	{ 21, "BW_CLEAR_DATA_REQUEST" },
	{ 22, "BW_CLEAR_DATA_REPLY" },
	{ 23, "BW_ENABLE_SET_REPLY" },
	{ 24, "SET_L2_TABLE_REPLY" },
	{ 25, "SET_PKTIN_SUPPRESSION_REPLY" },
	{ 26, "VIRTUAL_PORT_REMOVE_REPLY" },
	{ 27, "HYBRID_GET_REQUEST" },
	{ 28, "HYBRID_GET_REPLY" },
	{ 31, "PDU_TX_REQUEST" },
	{ 32, "PDU_TX_REPLY" },
	{ 33, "PDU_RX_REQUEST" },
	{ 34, "PDU_RX_REPLY" },
	{ 35, "PDU_RX_TIMEOUT" },
	{ 0, NULL }
};

#define BSN_ACTION_MIRROR 1
static const struct tok of10_bsn_action_names[] = {
	{ 1, "MIRROR" },
	{ 2, "SET_TUNNEL_DST" },
	{ 4, "CHECKSUM" },
	{ 0, NULL }
};

static const struct tok of10_bsn_copy_stage_names[] = {
	{ 0, "INGRESS" },
	{ 1, "EGRESS" },
	{ 0, NULL }
};

static const struct tok of10_bsn_onoff_names[] = {
	{ 0, "OFF" },
	{ 1, "ON" },
	{ 0, NULL }
};

static void of10_vlan(struct nd *nd, const char *label, uint16_t vid)
{
	ND_STR(nd, label);
	if (vid == 0xffff) {
		ND_STR(nd, "NONE");
		return;
	}
	ND_U(nd, vid);
	if (!(vid > 0 && vid < 0x0fff))
		ND_STR(nd, " (bogus)");
}

static void of10_pcp(struct nd *nd, const char *label, uint8_t pcp)
{
	ND_STR(nd, label);
	ND_U(nd, pcp);
	if (pcp > 7)
		ND_STR(nd, " (bogus)");
}

static void of10_port(struct nd *nd, const char *label, uint16_t port)
{
	of_tok_u(nd, label, of10_pp_names, port);
}

/* A quoted, NUL-padded string field. */
static void of_string_field(struct nd *nd, const char *label, const uint8_t *cp, size_t n)
{
	ND_STR(nd, label);
	nd_printn(nd, cp, n);
	ND_CHR(nd, '\'');
}

static void of10_bsn_message_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	uint32_t subtype;

	if (len < 4)
		goto invalid;
	subtype = GET_BE32(nd, cp);
	OF_FWD(4);
	of_tok_x(nd, "\n\t subtype ", of10_bsn_subtype_names, subtype, "unknown (", 8, ")");
	switch (subtype) {
	case BSN_GET_IP_MASK_REQUEST:
		if (len != 8)
			goto invalid;
		of_u32_field(nd, ", index ", GET_U8(nd, cp));
		OF_FWD(1);
		nd_need(nd, cp, 7);
		break;
	case BSN_SET_IP_MASK:
	case BSN_GET_IP_MASK_REPLY:
		if (len != 8)
			goto invalid;
		of_u32_field(nd, ", index ", GET_U8(nd, cp));
		OF_FWD(4);
		ND_STR(nd, ", mask ");
		nd_ipaddr(nd, cp);
		break;
	case BSN_SET_MIRRORING:
	case BSN_GET_MIRRORING_REQUEST:
	case BSN_GET_MIRRORING_REPLY:
		if (len != 4)
			goto invalid;
		of_tok_d(nd, ", report_mirror_ports ", of10_bsn_onoff_names, GET_U8(nd, cp), "bogus (", ")");
		OF_FWD(1);
		nd_need(nd, cp, 3);
		break;
	case BSN_GET_INTERFACES_REQUEST:
	case BSN_GET_L2_TABLE_REQUEST:
	case BSN_BW_ENABLE_GET_REQUEST:
	case BSN_BW_CLEAR_DATA_REQUEST:
	case BSN_HYBRID_GET_REQUEST:
		if (len)
			goto invalid;
		break;
	case BSN_VIRTUAL_PORT_REMOVE_REQUEST:
		if (len != 4)
			goto invalid;
		of_u32_field(nd, ", vport_no ", GET_BE32(nd, cp));
		break;
	case BSN_SHELL_COMMAND:
		if (len < 4)
			goto invalid;
		of_u32_field(nd, ", service ", GET_BE32(nd, cp));
		OF_FWD(4);
		ND_STR(nd, ", data '");
		nd_printjn(nd, cp, len);
		ND_CHR(nd, '\'');
		break;
	case BSN_SHELL_OUTPUT:
		ND_STR(nd, ", data '");
		nd_printjn(nd, cp, len);
		ND_CHR(nd, '\'');
		break;
	case BSN_SHELL_STATUS:
		if (len != 4)
			goto invalid;
		of_hex_field(nd, ", status ", GET_BE32(nd, cp), 8);
		break;
	default:
		nd_need(nd, cp, len);
	}
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, cp, len);
}

static void of10_bsn_actions_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	uint32_t subtype, vlan_tag;

	if (len < 4)
		goto invalid;
	subtype = GET_BE32(nd, cp);
	OF_FWD(4);
	of_tok_x(nd, "\n\t  subtype ", of10_bsn_action_names, subtype, "unknown (", 8, ")");
	if (subtype != BSN_ACTION_MIRROR) {
		nd_need(nd, cp, len);
		return;
	}
	if (len != 12)
		goto invalid;
	of_u32_field(nd, ", dest_port ", GET_BE32(nd, cp));
	OF_FWD(4);
	vlan_tag = GET_BE32(nd, cp);
	OF_FWD(4);
	switch (vlan_tag >> 16) {
	case 0:
		ND_STR(nd, ", vlan_tag none");
		break;
	case 0x8100:
		ND_STR(nd, ", vlan_tag 802.1Q (vlan ");
		ND_U(nd, vlan_tag & 0xfff);
		ND_STR(nd, ", p ");
		ND_U(nd, (vlan_tag & 0xffff) >> 13);
		if (vlan_tag & 0x1000)
			ND_STR(nd, ", DEI");
		ND_CHR(nd, ')');
		break;
	default:
		of_hex_field(nd, ", vlan_tag unknown (", vlan_tag >> 16, 4);
		ND_CHR(nd, ')');
	}
	of_tok_d(nd, ", copy_stage ", of10_bsn_copy_stage_names, GET_U8(nd, cp), "unknown (", ")");
	OF_FWD(1);
	nd_need(nd, cp, 3);
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, cp, len);
}

static void of10_vendor_action_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	uint32_t vendor;

	if (len < 4) {
		nd_print_invalid(nd);
		nd_need(nd, cp, len);
		return;
	}
	vendor = GET_BE32(nd, cp);
	OF_FWD(4);
	of_vendor_id(nd, ", vendor ", vendor);
	if (vendor == OUI_BSN)
		of10_bsn_actions_print(nd, cp, len);
	else
		of_data_print(nd, cp, len);
}

static void of10_vendor_message_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	uint32_t vendor = GET_BE32(nd, cp);

	OF_FWD(4);
	of_vendor_id(nd, ", vendor ", vendor);
	if (vendor == OUI_BSN)
		of10_bsn_message_print(nd, cp, len);
	else
		of_data_print(nd, cp, len);
}

/* Vendor ID is mandatory, data is optional. */
static void of10_vendor_data_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	if (len < 4) {
		nd_print_invalid(nd);
		nd_need(nd, cp, len);
		return;
	}
	of_vendor_id(nd, ", vendor ", GET_BE32(nd, cp));
	OF_FWD(4);
	of_data_print(nd, cp, len);
}

/* An Ethernet frame inside PACKET_IN / PACKET_OUT, decoded from -vvv on. */
static void of10_packet_data_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	/*
	 * The frame is printed at the verbosity less 3.  Like tcpdump, the
	 * lowered verbosity is not restored when the frame is truncated, so the
	 * copy is static: nd->o must stay valid after the longjmp.
	 */
	static struct opts inner;
	const struct opts *saved;

	if (len == 0)
		return;
	ND_STR(nd, "\n\t data (");
	ND_U(nd, len);
	ND_STR(nd, " octets)");
	if (nd->o->vflag < 3) {
		nd_need(nd, cp, len);
		return;
	}
	ND_STR(nd, ", frame decoding below\n");
	saved = nd->o;
	inner = *saved;
	inner.vflag -= 3;
	nd->o = &inner;
	nd_push_snaplen(nd, cp, len);
	uint32_t ll = nd->ll_hdr_len; /* -x still starts after the outer link header */
	ether_print(nd, cp, (uint32_t)nd_avail(nd, cp), len);
	nd->ll_hdr_len = ll;
	nd_pop_snaplen(nd);
	nd->o = saved;
}

/* [OF10] 5.2.1 struct ofp_phy_port, 48 octets */
static void of10_phy_port_print(struct nd *nd, const uint8_t *cp)
{
	uint32_t state;

of10_port(nd, "\n\t  port_no ", GET_BE16(nd, cp));
	cp += 2;
	ND_STR(nd, ", hw_addr ");
	nd_etheraddr(nd, cp);
	cp += 6;
	of_string_field(nd, ", name '", cp, 16);
	cp += 16;
	if (nd->o->vflag < 2) {
		nd_need(nd, cp, 24);
		return;
	}
	of_hex_field(nd, "\n\t   config ", GET_BE32(nd, cp), 8);
	of_bitmap(nd, of10_ppc_bm, GET_BE32(nd, cp), OF10_PPC_U);
	cp += 4;
	state = GET_BE32(nd, cp);
	of_hex_field(nd, "\n\t   state ", state, 8);
	ND_STR(nd, " (");
	ND_STR(nd, tok_find(of10_pps_stp, state & OF10_PPS_STP_MASK));
	if (state & OF10_PPS_LINK_DOWN)
		ND_STR(nd, ", LINK_DOWN");
	ND_CHR(nd, ')');
	if (state & OF10_PPS_U)
		ND_STR(nd, " (bogus)");
	cp += 4;
	static const char *const feat[] = { "\n\t   curr ", "\n\t   advertised ",
					    "\n\t   supported ", "\n\t   peer " };
	for (int i = 0; i < 4; i++, cp += 4) {
		of_hex_field(nd, feat[i], GET_BE32(nd, cp), 8);
		of_bitmap(nd, of10_ppf_bm, GET_BE32(nd, cp), OF10_PPF_U);
	}
}

/* [OF10] 5.2.2 queue properties */
static void of10_queue_props_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	while (len) {
		uint16_t property, plen;
		int plen_bogus = 0, skip = 0;

		if (len < 8)
			goto invalid;
		property = GET_BE16(nd, cp);
		OF_FWD(2);
		of_tok_x(nd, "\n\t   property ", of10_pqt_names, property, "invalid (", 4, ")");
		plen = GET_BE16(nd, cp);
		OF_FWD(2);
		of_u32_field(nd, ", len ", plen);
		if (plen < 8 || plen > len + 4)
			goto invalid;
		OF_CHK_FWD(4);
		switch (property) {
		case OF10_PQT_NONE:
			plen_bogus = plen != 8;
			break;
		case OF10_PQT_MIN_RATE:
			plen_bogus = plen != 16;
			break;
		default:
			skip = 1;
		}
		if (plen_bogus) {
			ND_STR(nd, " (bogus)");
			skip = 1;
		}
		if (skip) {
			OF_CHK_FWD(plen - 8U);
			continue;
		}
		if (property == OF10_PQT_MIN_RATE) {
			uint16_t rate = GET_BE16(nd, cp);
			OF_FWD(2);
			if (rate > 1000) {
				ND_STR(nd, ", rate disabled");
			} else {
				ND_STR(nd, ", rate ");
				ND_U(nd, rate / 10);
				ND_CHR(nd, '.');
				ND_U(nd, rate % 10);
				ND_CHR(nd, '%');
			}
			OF_CHK_FWD(6);
		}
	}
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, cp, len);
}

/* [OF10] 5.2.2 struct ofp_packet_queue */
static void of10_queues_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	while (len) {
		uint16_t desclen;

		if (len < 8)
			goto invalid;
		of_u32_field(nd, "\n\t  queue_id ", GET_BE32(nd, cp));
		OF_FWD(4);
		desclen = GET_BE16(nd, cp);
		OF_FWD(2);
		of_u32_field(nd, ", len ", desclen);
		if (desclen < 8 || desclen > len + 6)
			goto invalid;
		OF_CHK_FWD(2);
		if (nd->o->vflag >= 2)
			of10_queue_props_print(nd, cp, desclen - 8U);
		else
			nd_need(nd, cp, desclen - 8U);
		OF_FWD(desclen - 8U);
	}
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, cp, len);
}

/* [OF10] 5.2.3 struct ofp_match, 40 octets; only the fields not wildcarded. */
static void of10_match_print(struct nd *nd, const char *pfx, const uint8_t *cp)
{
	uint32_t wildcards, nw_bits;
	uint16_t dl_type;
	uint8_t nw_proto;
	int icmp;

	wildcards = GET_BE32(nd, cp);
	if (wildcards & OFPFW_U) {
		ND_STR(nd, pfx);
		of_hex_field(nd, "wildcards ", wildcards, 8);
		ND_STR(nd, " (bogus)");
	}
	cp += 4;
	if (!(wildcards & OFPFW_IN_PORT)) {
		uint16_t in_port = GET_BE16(nd, cp);
		ND_STR(nd, pfx);
		of10_port(nd, "match in_port ", in_port);
	}
	cp += 2;
	if (!(wildcards & OFPFW_DL_SRC)) {
		nd_need(nd, cp, 6);
		ND_STR(nd, pfx);
		ND_STR(nd, "match dl_src ");
		nd_etheraddr(nd, cp);
	}
	cp += 6;
	if (!(wildcards & OFPFW_DL_DST)) {
		nd_need(nd, cp, 6);
		ND_STR(nd, pfx);
		ND_STR(nd, "match dl_dst ");
		nd_etheraddr(nd, cp);
	}
	cp += 6;
	if (!(wildcards & OFPFW_DL_VLAN)) {
		uint16_t vid = GET_BE16(nd, cp);
		ND_STR(nd, pfx);
		of10_vlan(nd, "match dl_vlan ", vid);
	}
	cp += 2;
	if (!(wildcards & OFPFW_DL_VLAN_PCP)) {
		uint8_t pcp = GET_U8(nd, cp);
		ND_STR(nd, pfx);
		of10_pcp(nd, "match dl_vlan_pcp ", pcp);
	}
	cp += 2; /* and pad1 */
	dl_type = GET_BE16(nd, cp);
	cp += 2;
	if (!(wildcards & OFPFW_DL_TYPE)) {
		ND_STR(nd, pfx);
		of_hex_field(nd, "match dl_type ", dl_type, 4);
	}
	if (!(wildcards & OFPFW_NW_TOS)) {
		uint8_t tos = GET_U8(nd, cp);
		ND_STR(nd, pfx);
		of_hex_field(nd, "match nw_tos ", tos, 2);
	}
	cp += 1;
	nw_proto = GET_U8(nd, cp);
	cp += 1;
	if (!(wildcards & OFPFW_NW_PROTO)) {
		ND_STR(nd, pfx);
		ND_STR(nd, !(wildcards & OFPFW_DL_TYPE) && dl_type == 0x0806 ? "match arp_opcode "
									 : "match nw_proto ");
		ND_U(nd, nw_proto);
	}
	cp += 2; /* and pad2 */
	nw_bits = (wildcards >> OFPFW_NW_SRC_SHIFT) & OFPFW_NW_MASK;
	if (nw_bits < 32) {
		nd_need(nd, cp, 4);
		ND_STR(nd, pfx);
		ND_STR(nd, "match nw_src ");
		nd_ipaddr(nd, cp);
		ND_CHR(nd, '/');
		ND_U(nd, 32 - nw_bits);
	}
	cp += 4;
	nw_bits = (wildcards >> OFPFW_NW_DST_SHIFT) & OFPFW_NW_MASK;
	if (nw_bits < 32) {
		nd_need(nd, cp, 4);
		ND_STR(nd, pfx);
		ND_STR(nd, "match nw_dst ");
		nd_ipaddr(nd, cp);
		ND_CHR(nd, '/');
		ND_U(nd, 32 - nw_bits);
	}
	cp += 4;
	icmp = !(wildcards & OFPFW_DL_TYPE) && dl_type == 0x0800 && !(wildcards & OFPFW_NW_PROTO) &&
	       nw_proto == 1;
	if (!(wildcards & OFPFW_TP_SRC)) {
		uint16_t v = GET_BE16(nd, cp);
		ND_STR(nd, pfx);
		ND_STR(nd, icmp ? "match icmp_type " : "match tp_src ");
		ND_U(nd, v);
	}
	cp += 2;
	if (!(wildcards & OFPFW_TP_DST)) {
		uint16_t v = GET_BE16(nd, cp);
		ND_STR(nd, pfx);
		ND_STR(nd, icmp ? "match icmp_code " : "match tp_dst ");
		ND_U(nd, v);
	} else {
		nd_need(nd, cp, 2);
	}
}

/* [OF10] 5.2.4 action list */
static void of10_actions_print(struct nd *nd, const char *pfx, const uint8_t *cp, uint32_t len)
{
	while (len) {
		uint16_t type, alen, port;
		int alen_bogus = 0, skip = 0;

		if (len < 8)
			goto invalid;
		type = GET_BE16(nd, cp);
		OF_FWD(2);
		ND_STR(nd, pfx);
		of_tok_x(nd, "action type ", of10_pat_names, type, "invalid (", 4, ")");
		alen = GET_BE16(nd, cp);
		OF_FWD(2);
		of_u32_field(nd, ", len ", alen);
		if (alen < 8 || alen > len + 4)
			goto invalid;
		switch (type) {
		case OFPAT_OUTPUT:
		case OFPAT_SET_VLAN_VID:
		case OFPAT_SET_VLAN_PCP:
		case OFPAT_STRIP_VLAN:
		case OFPAT_SET_NW_SRC:
		case OFPAT_SET_NW_DST:
		case OFPAT_SET_NW_TOS:
		case OFPAT_SET_TP_SRC:
		case OFPAT_SET_TP_DST:
			alen_bogus = alen != 8;
			break;
		case OFPAT_SET_DL_SRC:
		case OFPAT_SET_DL_DST:
		case OFPAT_ENQUEUE:
			alen_bogus = alen != 16;
			break;
		case OFPAT_VENDOR:
			alen_bogus = alen % 8 != 0;
			break;
		default:
			skip = 1;
		}
		if (alen_bogus) {
			ND_STR(nd, " (bogus)");
			skip = 1;
		}
		if (skip) {
			OF_CHK_FWD(alen - 4U);
			continue;
		}
		switch (type) {
		case OFPAT_OUTPUT:
			port = GET_BE16(nd, cp);
			OF_FWD(2);
			of10_port(nd, ", port ", port);
			if (port == OF10_PP_CONTROLLER)
				of_u32_field(nd, ", max_len ", GET_BE16(nd, cp));
			else
				nd_need(nd, cp, 2);
			OF_FWD(2);
			break;
		case OFPAT_SET_VLAN_VID:
		of10_vlan(nd, ", vlan_vid ", GET_BE16(nd, cp));
			OF_FWD(2);
			OF_CHK_FWD(2);
			break;
		case OFPAT_SET_VLAN_PCP:
		of10_pcp(nd, ", vlan_pcp ", GET_U8(nd, cp));
			OF_FWD(1);
			OF_CHK_FWD(3);
			break;
		case OFPAT_SET_DL_SRC:
		case OFPAT_SET_DL_DST:
			nd_need(nd, cp, 6);
			ND_STR(nd, ", dl_addr ");
			nd_etheraddr(nd, cp);
			OF_FWD(6);
			OF_CHK_FWD(6);
			break;
		case OFPAT_SET_NW_SRC:
		case OFPAT_SET_NW_DST:
			nd_need(nd, cp, 4);
			ND_STR(nd, ", nw_addr ");
			nd_ipaddr(nd, cp);
			OF_FWD(4);
			break;
		case OFPAT_SET_NW_TOS:
			of_hex_field(nd, ", nw_tos ", GET_U8(nd, cp), 2);
			OF_FWD(1);
			OF_CHK_FWD(3);
			break;
		case OFPAT_SET_TP_SRC:
		case OFPAT_SET_TP_DST:
			of_u32_field(nd, ", tp_port ", GET_BE16(nd, cp));
			OF_FWD(2);
			OF_CHK_FWD(2);
			break;
		case OFPAT_ENQUEUE:
		of10_port(nd, ", port ", GET_BE16(nd, cp));
			OF_FWD(8);
			of_tok_u(nd, ", queue_id ", of10_pq_names, GET_BE32(nd, cp));
			OF_FWD(4);
			break;
		case OFPAT_VENDOR:
			of10_vendor_action_print(nd, cp, alen - 4U);
			OF_FWD(alen - 4U);
			break;
		case OFPAT_STRIP_VLAN:
			OF_CHK_FWD(4);
			break;
		}
	}
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, cp, len);
}

/* [OF10] 5.3.1 */
static void of10_features_reply_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	of_hex_field(nd, "\n\t dpid ", GET_BE64(nd, cp), 16);
	OF_FWD(8);
	of_u32_field(nd, ", n_buffers ", GET_BE32(nd, cp));
	OF_FWD(4);
	of_u32_field(nd, ", n_tables ", GET_U8(nd, cp));
	OF_FWD(4);
	of_hex_field(nd, "\n\t capabilities ", GET_BE32(nd, cp), 8);
	of_bitmap(nd, of10_capabilities_bm, GET_BE32(nd, cp), OF10_CAP_U);
	OF_FWD(4);
	of_hex_field(nd, "\n\t actions ", GET_BE32(nd, cp), 8);
	of_bitmap(nd, of10_pat_bm, GET_BE32(nd, cp), OF10_PAT_U);
	OF_FWD(4);
	while (len) {
		if (len < 48) {
			nd_print_invalid(nd);
			nd_need(nd, cp, len);
			return;
		}
		of10_phy_port_print(nd, cp);
		OF_FWD(48);
	}
}

/* [OF10] 5.3.2 */
static void of10_switch_config_msg_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	(void)len;
	of_tok_x(nd, "\n\t flags ", of_config_names, GET_BE16(nd, cp), "invalid (", 4, ")");
	of_u32_field(nd, ", miss_send_len ", GET_BE16(nd, cp + 2));
}

/* [OF10] 5.3.3 */
static void of10_flow_mod_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	uint16_t command;

	of10_match_print(nd, "\n\t ", cp);
	OF_FWD(40);
	of_hex_field(nd, "\n\t cookie ", GET_BE64(nd, cp), 16);
	OF_FWD(8);
	command = GET_BE16(nd, cp);
	of_tok_x(nd, ", command ", of10_pfc_names, command, "invalid (", 4, ")");
	OF_FWD(2);
	if (GET_BE16(nd, cp))
		of_u32_field(nd, ", idle_timeout ", GET_BE16(nd, cp));
	OF_FWD(2);
	if (GET_BE16(nd, cp))
		of_u32_field(nd, ", hard_timeout ", GET_BE16(nd, cp));
	OF_FWD(2);
	if (GET_BE16(nd, cp))
		of_u32_field(nd, ", priority ", GET_BE16(nd, cp));
	OF_FWD(2);
	if (command == OFPFC_ADD || command == OFPFC_MODIFY || command == OFPFC_MODIFY_STRICT) {
		of_tok_x(nd, ", buffer_id ", of_bufferid_names, GET_BE32(nd, cp), "", 8, "");
	}
	OF_FWD(4);
	if (command == OFPFC_DELETE || command == OFPFC_DELETE_STRICT) {
		of10_port(nd, ", out_port ", GET_BE16(nd, cp));
	}
	OF_FWD(2);
	of_hex_field(nd, ", flags ", GET_BE16(nd, cp), 4);
	of_bitmap(nd, of10_pff_bm, GET_BE16(nd, cp), OF10_PFF_U);
	OF_FWD(2);
	of10_actions_print(nd, "\n\t ", cp, len);
}

/* [OF10] 5.3.3 */
static void of10_port_mod_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	(void)len;
	of10_port(nd, "\n\t port_no ", GET_BE16(nd, cp));
	cp += 2;
	nd_need(nd, cp, 6);
	ND_STR(nd, ", hw_addr ");
	nd_etheraddr(nd, cp);
	cp += 6;
	of_hex_field(nd, "\n\t config ", GET_BE32(nd, cp), 8);
	of_bitmap(nd, of10_ppc_bm, GET_BE32(nd, cp), OF10_PPC_U);
	cp += 4;
	of_hex_field(nd, "\n\t mask ", GET_BE32(nd, cp), 8);
	of_bitmap(nd, of10_ppc_bm, GET_BE32(nd, cp), OF10_PPC_U);
	cp += 4;
	of_hex_field(nd, "\n\t advertise ", GET_BE32(nd, cp), 8);
	of_bitmap(nd, of10_ppf_bm, GET_BE32(nd, cp), OF10_PPF_U);
	cp += 4;
	nd_need(nd, cp, 4);
}

/* [OF10] 5.3.4 */
static void of10_queue_get_config_request_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	(void)len;
	of10_port(nd, "\n\t port ", GET_BE16(nd, cp));
	nd_need(nd, cp + 2, 2);
}

static void of10_queue_get_config_reply_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	of10_port(nd, "\n\t port ", GET_BE16(nd, cp));
	OF_FWD(2);
	OF_CHK_FWD(6);
	of10_queues_print(nd, cp, len);
}

/* [OF10] 5.3.5 */
static void of10_stats_request_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	uint16_t type = GET_BE16(nd, cp);

	OF_FWD(2);
	of_tok_x(nd, "\n\t type ", of10_pst_names, type, "invalid (", 4, ")");
	of_hex_field(nd, ", flags ", GET_BE16(nd, cp), 4);
	if (GET_BE16(nd, cp))
		ND_STR(nd, " (bogus)");
	OF_FWD(2);
	switch (type) {
	case OFPST_DESC:
	case OFPST_TABLE:
		if (len)
			goto invalid;
		return;
	case OFPST_FLOW:
	case OFPST_AGGREGATE:
		if (len != 44)
			goto invalid;
		of10_match_print(nd, "\n\t ", cp);
		OF_FWD(40);
		of_tok_u(nd, "\n\t table_id ", of10_tableid_names, GET_U8(nd, cp));
		OF_FWD(2);
		of10_port(nd, ", out_port ", GET_BE16(nd, cp));
		return;
	case OFPST_PORT:
		if (len != 8)
			goto invalid;
		of10_port(nd, "\n\t port_no ", GET_BE16(nd, cp));
		OF_FWD(2);
		OF_CHK_FWD(6);
		return;
	case OFPST_QUEUE:
		if (len != 8)
			goto invalid;
		of10_port(nd, "\n\t port_no ", GET_BE16(nd, cp));
		OF_FWD(4);
		of_tok_u(nd, ", queue_id ", of10_pq_names, GET_BE32(nd, cp));
		return;
	case OFPST_VENDOR:
		of10_vendor_data_print(nd, cp, len);
		return;
	}
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, cp, len);
}

static void of10_desc_stats_reply_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	if (len != 1056) {
		nd_print_invalid(nd);
		nd_need(nd, cp, len);
		return;
	}
	of_string_field(nd, "\n\t  mfr_desc '", cp, 256);
	cp += 256;
	of_string_field(nd, "\n\t  hw_desc '", cp, 256);
	cp += 256;
	of_string_field(nd, "\n\t  sw_desc '", cp, 256);
	cp += 256;
	of_string_field(nd, "\n\t  serial_num '", cp, 32);
	cp += 32;
	of_string_field(nd, "\n\t  dp_desc '", cp, 256);
}

static void of_u64_field(struct nd *nd, const char *label, const uint8_t *cp)
{
	uint64_t v = GET_BE64(nd, cp);
	ND_STR(nd, label);
	ND_U(nd, v);
}

static void of10_flow_stats_reply_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	while (len) {
		uint16_t entry_len;

		if (len < 88)
			goto invalid;
		entry_len = GET_BE16(nd, cp);
		of_u32_field(nd, "\n\t length ", entry_len);
		if (entry_len < 88 || entry_len > len)
			goto invalid;
		OF_FWD(2);
		of_tok_u(nd, ", table_id ", of10_tableid_names, GET_U8(nd, cp));
		OF_FWD(2);
		of10_match_print(nd, "\n\t  ", cp);
		OF_FWD(40);
		of_u32_field(nd, "\n\t  duration_sec ", GET_BE32(nd, cp));
		OF_FWD(4);
		of_u32_field(nd, ", duration_nsec ", GET_BE32(nd, cp));
		OF_FWD(4);
		of_u32_field(nd, ", priority ", GET_BE16(nd, cp));
		OF_FWD(2);
		of_u32_field(nd, ", idle_timeout ", GET_BE16(nd, cp));
		OF_FWD(2);
		of_u32_field(nd, ", hard_timeout ", GET_BE16(nd, cp));
		OF_FWD(8);
		of_hex_field(nd, ", cookie ", GET_BE64(nd, cp), 16);
		OF_FWD(8);
		of_u64_field(nd, ", packet_count ", cp);
		OF_FWD(8);
		of_u64_field(nd, ", byte_count ", cp);
		OF_FWD(8);
		of10_actions_print(nd, "\n\t  ", cp, entry_len - 88U);
		OF_FWD(entry_len - 88U);
	}
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, cp, len);
}

static void of10_aggregate_stats_reply_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	if (len != 24) {
		nd_print_invalid(nd);
		nd_need(nd, cp, len);
		return;
	}
	of_u64_field(nd, "\n\t packet_count ", cp);
	of_u64_field(nd, ", byte_count ", cp + 8);
	of_u32_field(nd, ", flow_count ", GET_BE32(nd, cp + 16));
	nd_need(nd, cp + 20, 4);
}

static void of10_table_stats_reply_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	while (len) {
		if (len < 64) {
			nd_print_invalid(nd);
			nd_need(nd, cp, len);
			return;
		}
		of_tok_u(nd, "\n\t table_id ", of10_tableid_names, GET_U8(nd, cp));
		OF_FWD(4);
		of_string_field(nd, ", name '", cp, 32);
		OF_FWD(32);
		of_hex_field(nd, "\n\t  wildcards ", GET_BE32(nd, cp), 8);
		of_bitmap(nd, of10_pfw_bm, GET_BE32(nd, cp), OFPFW_U);
		OF_FWD(4);
		of_u32_field(nd, "\n\t  max_entries ", GET_BE32(nd, cp));
		OF_FWD(4);
		of_u32_field(nd, ", active_count ", GET_BE32(nd, cp));
		OF_FWD(4);
		of_u64_field(nd, ", lookup_count ", cp);
		OF_FWD(8);
		of_u64_field(nd, ", matched_count ", cp);
		OF_FWD(8);
	}
}

static void of10_port_stats_reply_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	static const char *const counters[] = {
		", rx_packets ", ", tx_packets ", ", rx_bytes ", ", tx_bytes ",
		", rx_dropped ", ", tx_dropped ", ", rx_errors ", ", tx_errors ",
		", rx_frame_err ", ", rx_over_err ", ", rx_crc_err ", ", collisions ",
	};

	while (len) {
		if (len < 104) {
			nd_print_invalid(nd);
			nd_need(nd, cp, len);
			return;
		}
		of10_port(nd, "\n\t  port_no ", GET_BE16(nd, cp));
		OF_FWD(2);
		if (nd->o->vflag < 2) {
			OF_CHK_FWD(102);
			continue;
		}
		OF_FWD(6);
		for (unsigned i = 0; i < sizeof counters / sizeof counters[0]; i++) {
			of_u64_field(nd, counters[i], cp);
			OF_FWD(8);
		}
	}
}

static void of10_queue_stats_reply_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	while (len) {
		if (len < 32) {
			nd_print_invalid(nd);
			nd_need(nd, cp, len);
			return;
		}
		of10_port(nd, "\n\t  port_no ", GET_BE16(nd, cp));
		OF_FWD(4);
		of_u32_field(nd, ", queue_id ", GET_BE32(nd, cp));
		OF_FWD(4);
		of_u64_field(nd, ", tx_bytes ", cp);
		OF_FWD(8);
		of_u64_field(nd, ", tx_packets ", cp);
		OF_FWD(8);
		of_u64_field(nd, ", tx_errors ", cp);
		OF_FWD(8);
	}
}

static void of10_stats_reply_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	uint16_t type = GET_BE16(nd, cp);
	of_decoder decoder;

of_tok_x(nd, "\n\t type ", of10_pst_names, type, "invalid (", 4, ")");
	OF_FWD(2);
	of_hex_field(nd, ", flags ", GET_BE16(nd, cp), 4);
	of_bitmap(nd, of10_psf_reply_bm, GET_BE16(nd, cp), OF10_PSF_REPLY_U);
	OF_FWD(2);
	switch (type) {
	case OFPST_DESC: decoder = of10_desc_stats_reply_print; break;
	case OFPST_FLOW: decoder = of10_flow_stats_reply_print; break;
	case OFPST_AGGREGATE: decoder = of10_aggregate_stats_reply_print; break;
	case OFPST_TABLE: decoder = of10_table_stats_reply_print; break;
	case OFPST_PORT: decoder = of10_port_stats_reply_print; break;
	case OFPST_QUEUE: decoder = of10_queue_stats_reply_print; break;
	case OFPST_VENDOR: decoder = of10_vendor_data_print; break;
	default: decoder = NULL;
	}
	if (decoder && nd->o->vflag > 0)
		decoder(nd, cp, len);
	else
		nd_need(nd, cp, len);
}

/* [OF10] 5.3.6 */
static void of10_packet_out_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	uint16_t actions_len;

	of_hex_field(nd, "\n\t buffer_id ", GET_BE32(nd, cp), 8);
	OF_FWD(4);
	of10_port(nd, ", in_port ", GET_BE16(nd, cp));
	OF_FWD(2);
	actions_len = GET_BE16(nd, cp);
	OF_FWD(2);
	if (actions_len > len) {
		nd_print_invalid(nd);
		nd_need(nd, cp, len);
		return;
	}
	of10_actions_print(nd, "\n\t ", cp, actions_len);
	OF_FWD(actions_len);
	of10_packet_data_print(nd, cp, len);
}

/* [OF10] 5.4.1 */
static void of10_packet_in_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	of_tok_x(nd, "\n\t buffer_id ", of_bufferid_names, GET_BE32(nd, cp), "", 8, "");
	OF_FWD(4);
	of_u32_field(nd, ", total_len ", GET_BE16(nd, cp));
	OF_FWD(2);
	of10_port(nd, ", in_port ", GET_BE16(nd, cp));
	OF_FWD(2);
	of_tok_x(nd, ", reason ", of10_pr_names, GET_U8(nd, cp), "invalid (", 2, ")");
	OF_FWD(1);
	OF_CHK_FWD(1);
	of10_packet_data_print(nd, cp, len);
}

/* [OF10] 5.4.2 */
static void of10_flow_removed_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	(void)len;
	of10_match_print(nd, "\n\t ", cp);
	cp += 40;
	of_hex_field(nd, "\n\t cookie ", GET_BE64(nd, cp), 16);
	cp += 8;
	if (GET_BE16(nd, cp))
		of_u32_field(nd, ", priority ", GET_BE16(nd, cp));
	cp += 2;
	of_tok_x(nd, ", reason ", of10_prr_names, GET_U8(nd, cp), "unknown (", 2, ")");
	cp += 2;
	of_u32_field(nd, ", duration_sec ", GET_BE32(nd, cp));
	cp += 4;
	of_u32_field(nd, ", duration_nsec ", GET_BE32(nd, cp));
	cp += 4;
	if (GET_BE16(nd, cp))
		of_u32_field(nd, ", idle_timeout ", GET_BE16(nd, cp));
	cp += 4;
	of_u64_field(nd, ", packet_count ", cp);
	cp += 8;
	of_u64_field(nd, ", byte_count ", cp);
}

/* [OF10] 5.4.3 */
static void of10_port_status_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	(void)len;
	of_tok_x(nd, "\n\t reason ", of_ppr_names, GET_U8(nd, cp), "invalid (", 2, ")");
	of10_phy_port_print(nd, cp + 8);
}

/* "\n\t type T, code C" then the data (errors of both versions). */
static void of_error_print(struct nd *nd, const uint8_t *cp, uint32_t len, const struct tok *types,
			   const struct tok *const *codes, unsigned ncodes)
{
	uint16_t type, code;

	type = GET_BE16(nd, cp);
	OF_FWD(2);
	of_tok_x(nd, "\n\t type ", types, type, "invalid (", 4, ")");
	code = GET_BE16(nd, cp);
	OF_FWD(2);
	if (type < ncodes && codes[type]) {
		of_tok_x(nd, ", code ", codes[type], code, "invalid (", 4, ")");
	} else {
		of_hex_field(nd, ", code invalid (", code, 4);
		ND_CHR(nd, ')');
	}
	of_data_print(nd, cp, len);
}

/* [OF10] 5.4.4 */
static void of10_error_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	of_error_print(nd, cp, len, of10_pet_names, of10_error_codes,
		       sizeof of10_error_codes / sizeof of10_error_codes[0]);
}

static const struct of_msgtype of10_msgtypes[] = {
	{ "HELLO", of_data_print, REQ_MINLEN, 0 },
	{ "ERROR", of10_error_print, REQ_MINLEN, 4 },
	{ "ECHO_REQUEST", of_data_print, REQ_MINLEN, 0 },
	{ "ECHO_REPLY", of_data_print, REQ_MINLEN, 0 },
	{ "VENDOR", of10_vendor_message_print, REQ_MINLEN, 4 },
	{ "FEATURES_REQUEST", NULL, REQ_FIXLEN, 0 },
	{ "FEATURES_REPLY", of10_features_reply_print, REQ_MINLEN, 24 },
	{ "GET_CONFIG_REQUEST", NULL, REQ_FIXLEN, 0 },
	{ "GET_CONFIG_REPLY", of10_switch_config_msg_print, REQ_FIXLEN, 4 },
	{ "SET_CONFIG", of10_switch_config_msg_print, REQ_FIXLEN, 4 },
	{ "PACKET_IN", of10_packet_in_print, REQ_MINLEN, 10 },
	{ "FLOW_REMOVED", of10_flow_removed_print, REQ_FIXLEN, 80 },
	{ "PORT_STATUS", of10_port_status_print, REQ_FIXLEN, 56 },
	{ "PACKET_OUT", of10_packet_out_print, REQ_MINLEN, 8 },
	{ "FLOW_MOD", of10_flow_mod_print, REQ_MINLEN, 64 },
	{ "PORT_MOD", of10_port_mod_print, REQ_FIXLEN, 24 },
	{ "STATS_REQUEST", of10_stats_request_print, REQ_MINLEN, 4 },
	{ "STATS_REPLY", of10_stats_reply_print, REQ_MINLEN, 4 },
	{ "BARRIER_REQUEST", NULL, REQ_FIXLEN, 0 },
	{ "BARRIER_REPLY", NULL, REQ_FIXLEN, 0 },
	{ "QUEUE_GET_CONFIG_REQUEST", of10_queue_get_config_request_print, REQ_FIXLEN, 4 },
	{ "QUEUE_GET_CONFIG_REPLY", of10_queue_get_config_reply_print, REQ_MINLEN, 8 },
};

/* ======================================================== OpenFlow 1.3 */

static const struct tok of13_capabilities_bm[] = {
	{ 1U << 0, "FLOW_STATS" },
	{ 1U << 1, "TABLE_STATS" },
	{ 1U << 2, "PORT_STATS" },
	{ 1U << 3, "GROUP_STATS" },
	{ 1U << 5, "IP_REASM" },
	{ 1U << 6, "QUEUE_STATS" },
	{ 1U << 8, "PORT_BLOCKED" },
	{ 0, NULL }
};
#define OF13_CAP_U (~0x16fU)

static const struct tok of13_ptt_names[] = {
	{ 0xfe, "MAX" },
	{ 0xff, "ALL" },
	{ 0, NULL }
};

static const struct tok of13_pcml_names[] = {
	{ 0xffe5, "MAX" },
	{ 0xffff, "NO_BUFFER" },
	{ 0, NULL }
};

static const struct tok of13_ppc_bm[] = {
	{ 1U << 0, "PORT_DOWN" },
	{ 1U << 2, "NO_RECV" },
	{ 1U << 5, "NO_FWD" },
	{ 1U << 6, "NO_PACKET_IN" },
	{ 0, NULL }
};
#define OF13_PPC_U (~0x65U)

static const struct tok of13_pps_bm[] = {
	{ 1U << 0, "LINK_DOWN" },
	{ 1U << 1, "BLOCKED" },
	{ 1U << 2, "LIVE" },
	{ 0, NULL }
};
#define OF13_PPS_U (~7U)

static const struct tok of13_ppf_bm[] = {
	{ 1U << 0, "10MB_HD" },
	{ 1U << 1, "10MB_FD" },
	{ 1U << 2, "100MB_HD" },
	{ 1U << 3, "100MB_FD" },
	{ 1U << 4, "1GB_HD" },
	{ 1U << 5, "1GB_FD" },
	{ 1U << 6, "10GB_FD" },
	{ 1U << 7, "40GB_FD" },
	{ 1U << 8, "100GB_FD" },
	{ 1U << 9, "1TB_FD" },
	{ 1U << 10, "OTHER" },
	{ 1U << 11, "COPPER" },
	{ 1U << 12, "FIBER" },
	{ 1U << 13, "AUTONEG" },
	{ 1U << 14, "PAUSE" },
	{ 1U << 15, "PAUSE_ASYM" },
	{ 0, NULL }
};
#define OF13_PPF_U (~0xffffU)

#define OF13_HET_VERSIONBITMAP 1
static const struct tok of13_het_names[] = {
	{ OF13_HET_VERSIONBITMAP, "VERSIONBITMAP" },
	{ 0, NULL }
};

static const struct tok of13_pp_names[] = {
	{ 0xffffff00, "MAX" },
	{ 0xfffffff8, "IN_PORT" },
	{ 0xfffffff9, "TABLE" },
	{ 0xfffffffa, "NORMAL" },
	{ 0xfffffffb, "FLOOD" },
	{ 0xfffffffc, "ALL" },
	{ 0xfffffffd, "CONTROLLER" },
	{ 0xfffffffe, "LOCAL" },
	{ 0xffffffff, "ANY" },
	{ 0, NULL }
};

static const struct tok of13_pcr_names[] = {
	{ 0, "NOCHANGE" },
	{ 1, "EQUAL" },
	{ 2, "MASTER" },
	{ 3, "SLAVE" },
	{ 0, NULL }
};

/* Version bitmap of the HELLO element: bit n is wire version n + 1. */
static const struct tok of13_verbm_names[] = {
	{ 1U << 0, "1.0" },
	{ 1U << 1, "1.1" },
	{ 1U << 2, "1.2" },
	{ 1U << 3, "1.3" },
	{ 1U << 4, "1.4" },
	{ 1U << 5, "1.5" },
	{ 0, NULL }
};
#define OF13_VERBM_U (~0x3fU)

static const struct tok of13_async_pr_bm[] = {
	{ 1U << 0, "NO_MATCH" },
	{ 1U << 1, "ACTION" },
	{ 1U << 2, "INVALID_TTL" },
	{ 0, NULL }
};
#define OF13_ASYNC_PR_U (~7U)

static const struct tok of13_async_ppr_bm[] = {
	{ 1U << 0, "ADD" },
	{ 1U << 1, "DELETE" },
	{ 1U << 2, "MODIFY" },
	{ 0, NULL }
};
#define OF13_ASYNC_PPR_U (~7U)

static const struct tok of13_pet_names[] = {
	{ 0, "HELLO_FAILED" },
	{ 1, "BAD_REQUEST" },
	{ 2, "BAD_ACTION" },
	{ 3, "BAD_INSTRUCTION" },
	{ 4, "BAD_MATCH" },
	{ 5, "FLOW_MOD_FAILED" },
	{ 6, "GROUP_MOD_FAILED" },
	{ 7, "PORT_MOD_FAILED" },
	{ 8, "TABLE_MOD_FAILED" },
	{ 9, "QUEUE_OP_FAILED" },
	{ 10, "SWITCH_CONFIG_FAILED" },
	{ 11, "ROLE_REQUEST_FAILED" },
	{ 12, "METER_MOD_FAILED" },
	{ 13, "TABLE_FEATURES_FAILED" },
	{ 0xffff, "EXPERIMENTER" },
	{ 0, NULL }
};

static const struct tok of13_pbrc_names[] = {
	{ 0, "BAD_VERSION" },
	{ 1, "BAD_TYPE" },
	{ 2, "BAD_MULTIPART" },
	{ 3, "BAD_EXPERIMENTER" },
	{ 4, "BAD_EXP_TYPE" },
	{ 5, "EPERM" },
	{ 6, "BAD_LEN" },
	{ 7, "BUFFER_EMPTY" },
	{ 8, "BUFFER_UNKNOWN" },
	{ 9, "BAD_TABLE_ID" },
	{ 10, "IS_SLAVE" },
	{ 11, "BAD_PORT" },
	{ 12, "BAD_PACKET" },
	{ 13, "MULTIPART_BUFFER_OVERFLOW" },
	{ 0, NULL }
};

static const struct tok of13_pbac_names[] = {
	{ 0, "BAD_TYPE" },
	{ 1, "BAD_LEN" },
	{ 2, "BAD_EXPERIMENTER" },
	{ 3, "BAD_EXP_TYPE" },
	{ 4, "BAD_OUT_PORT" },
	{ 5, "BAD_ARGUMENT" },
	{ 6, "EPERM" },
	{ 7, "TOO_MANY" },
	{ 8, "BAD_QUEUE" },
	{ 9, "BAD_OUT_GROUP" },
	{ 10, "MATCH_INCONSISTENT" },
	{ 11, "UNSUPPORTED_ORDER" },
	{ 12, "BAD_TAG" },
	{ 13, "BAD_SET_TYPE" },
	{ 14, "BAD_SET_LEN" },
	{ 15, "BAD_SET_ARGUMENT" },
	{ 0, NULL }
};

static const struct tok of13_pbic_names[] = {
	{ 0, "UNKNOWN_INST" },
	{ 1, "UNSUP_INST" },
	{ 2, "BAD_TABLE_ID" },
	{ 3, "UNSUP_METADATA" },
	{ 4, "UNSUP_METADATA_MASK" },
	{ 5, "BAD_EXPERIMENTER" },
	{ 6, "BAD_EXP_TYPE" },
	{ 7, "BAD_LEN" },
	{ 8, "EPERM" },
	{ 0, NULL }
};

static const struct tok of13_pbmc_names[] = {
	{ 0, "BAD_TYPE" },
	{ 1, "BAD_LEN" },
	{ 2, "BAD_TAG" },
	{ 3, "BAD_DL_ADDR_MASK" },
	{ 4, "BAD_NW_ADDR_MASK" },
	{ 5, "BAD_WILDCARDS" },
	{ 6, "BAD_FIELD" },
	{ 7, "BAD_VALUE" },
	{ 8, "BAD_MASK" },
	{ 9, "BAD_PREREQ" },
	{ 10, "DUP_FIELD" },
	{ 11, "EPERM" },
	{ 0, NULL }
};

static const struct tok of13_pfmfc_names[] = {
	{ 0, "UNKNOWN" },
	{ 1, "TABLE_FULL" },
	{ 2, "BAD_TABLE_ID" },
	{ 3, "OVERLAP" },
	{ 4, "EPERM" },
	{ 5, "BAD_TIMEOUT" },
	{ 6, "BAD_COMMAND" },
	{ 7, "BAD_FLAGS" },
	{ 0, NULL }
};

static const struct tok of13_pgmfc_names[] = {
	{ 0, "GROUP_EXISTS" },
	{ 1, "INVALID_GROUP" },
	{ 2, "WEIGHT_UNSUPPORTED" },
	{ 3, "OUT_OF_GROUPS" },
	{ 4, "OUT_OF_BUCKETS" },
	{ 5, "CHAINING_UNSUPPORTED" },
	{ 6, "WATCH_UNSUPPORTED" },
	{ 7, "LOOP" },
	{ 8, "UNKNOWN_GROUP" },
	{ 9, "CHAINED_GROUP" },
	{ 10, "BAD_TYPE" },
	{ 11, "BAD_COMMAND" },
	{ 12, "BAD_BUCKET" },
	{ 13, "BAD_MATCH" },
	{ 14, "EPERM" },
	{ 0, NULL }
};

static const struct tok of13_ppmfc_names[] = {
	{ 0, "BAD_PORT" },
	{ 1, "BAD_HW_ADDR" },
	{ 2, "BAD_CONFIG" },
	{ 3, "BAD_ADVERTISE" },
	{ 4, "EPERM" },
	{ 0, NULL }
};

static const struct tok of13_ptmfc_names[] = {
	{ 0, "BAD_TABLE" },
	{ 1, "BAD_CONFIG" },
	{ 2, "EPERM" },
	{ 0, NULL }
};

static const struct tok of13_pscfc_names[] = {
	{ 0, "BAD_FLAGS" },
	{ 1, "BAD_LEN" },
	{ 2, "EPERM" },
	{ 0, NULL }
};

static const struct tok of13_prrfc_names[] = {
	{ 0, "STALE" },
	{ 1, "UNSUP" },
	{ 2, "BAD_ROLE" },
	{ 0, NULL }
};

static const struct tok of13_pmmfc_names[] = {
	{ 0, "UNKNOWN" },
	{ 1, "METER_EXISTS" },
	{ 2, "INVALID_METER" },
	{ 3, "UNKNOWN_METER" },
	{ 4, "BAD_COMMAND" },
	{ 5, "BAD_FLAGS" },
	{ 6, "BAD_RATE" },
	{ 7, "BAD_BURST" },
	{ 8, "BAD_BAND" },
	{ 9, "BAD_BAND_VALUE" },
	{ 10, "OUT_OF_METERS" },
	{ 11, "OUT_OF_BANDS" },
	{ 0, NULL }
};

static const struct tok of13_ptffc_names[] = {
	{ 0, "BAD_TABLE" },
	{ 1, "BAD_METADATA" },
	{ 2, "BAD_TYPE" },
	{ 3, "BAD_LEN" },
	{ 4, "BAD_ARGUMENT" },
	{ 5, "EPERM" },
	{ 0, NULL }
};

/* Error codes by error type (index = type); EXPERIMENTER errors have none. */
static const struct tok *const of13_error_codes[] = {
	of_phfc_names, of13_pbrc_names, of13_pbac_names, of13_pbic_names,
	of13_pbmc_names, of13_pfmfc_names, of13_pgmfc_names, of13_ppmfc_names,
	of13_ptmfc_names, of_pqofc_names, of13_pscfc_names, of13_prrfc_names,
	of13_pmmfc_names, of13_ptffc_names,
};

static void of13_port(struct nd *nd, const char *label, uint32_t port)
{
	of_tok_u(nd, label, of13_pp_names, port);
}

/* [OF13] 7.2.1 struct ofp_port, 64 octets */
static void of13_port_print(struct nd *nd, const uint8_t *cp)
{
	static const char *const feat[] = { "\n\t   curr ", "\n\t   advertised ",
					    "\n\t   supported ", "\n\t   peer " };

of13_port(nd, "\n\t  port_no ", GET_BE32(nd, cp));
	cp += 8;
	nd_need(nd, cp, 6);
	ND_STR(nd, ", hw_addr ");
	nd_etheraddr(nd, cp);
	cp += 8;
	of_string_field(nd, ", name '", cp, 16);
	cp += 16;
	if (nd->o->vflag < 2) {
		nd_need(nd, cp, 32);
		return;
	}
	of_hex_field(nd, "\n\t   config ", GET_BE32(nd, cp), 8);
	of_bitmap(nd, of13_ppc_bm, GET_BE32(nd, cp), OF13_PPC_U);
	cp += 4;
	of_hex_field(nd, "\n\t   state ", GET_BE32(nd, cp), 8);
	of_bitmap(nd, of13_pps_bm, GET_BE32(nd, cp), OF13_PPS_U);
	cp += 4;
	for (int i = 0; i < 4; i++, cp += 4) {
		of_hex_field(nd, feat[i], GET_BE32(nd, cp), 8);
		of_bitmap(nd, of13_ppf_bm, GET_BE32(nd, cp), OF13_PPF_U);
	}
	of_u32_field(nd, "\n\t   curr_speed ", GET_BE32(nd, cp));
	ND_STR(nd, "kbps");
	cp += 4;
	of_u32_field(nd, "\n\t   max_speed ", GET_BE32(nd, cp));
	ND_STR(nd, "kbps");
}

/* [OF13] 7.3.1 */
static void of13_features_reply_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	(void)len;
	of_hex_field(nd, "\n\t dpid ", GET_BE64(nd, cp), 16);
	of_u32_field(nd, ", n_buffers ", GET_BE32(nd, cp + 8));
	of_u32_field(nd, ", n_tables ", GET_U8(nd, cp + 12));
	of_u32_field(nd, ", auxiliary_id ", GET_U8(nd, cp + 13));
	of_hex_field(nd, "\n\t capabilities ", GET_BE32(nd, cp + 16), 8);
	of_bitmap(nd, of13_capabilities_bm, GET_BE32(nd, cp + 16), OF13_CAP_U);
	nd_need(nd, cp + 20, 4);
}

/* [OF13] 7.3.2 */
static void of13_switch_config_msg_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	(void)len;
	of_tok_x(nd, "\n\t flags ", of_config_names, GET_BE16(nd, cp), "invalid (", 4, ")");
	of_tok_u(nd, ", miss_send_len ", of13_pcml_names, GET_BE16(nd, cp + 2));
}

/* [OF13] 7.3.3 */
static void of13_table_mod_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	(void)len;
	of_tok_u(nd, "\n\t table_id ", of13_ptt_names, GET_U8(nd, cp));
	of_hex_field(nd, ", config ", GET_BE32(nd, cp + 4), 8);
}

/* [OF13] 7.3.9 */
static void of13_role_msg_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	(void)len;
	of_tok_x(nd, "\n\t role ", of13_pcr_names, GET_BE32(nd, cp), "invalid (", 8, ")");
	of_hex_field(nd, ", generation_id ", GET_BE64(nd, cp + 8), 16);
}

/* [OF13] 7.3.10 */
static void of13_async_msg_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	static const char *const labels[] = {
		"\n\t packet_in_mask[EM] ", "\n\t packet_in_mask[S] ",
		"\n\t port_status_mask[EM] ", "\n\t port_status_mask[S] ",
		"\n\t flow_removed_mask[EM] ", "\n\t flow_removed_mask[S] ",
	};

	(void)len;
	for (int i = 0; i < 6; i++, cp += 4) {
		uint32_t v = GET_BE32(nd, cp);
		of_hex_field(nd, labels[i], v, 8);
		if (i < 2)
			of_bitmap(nd, of13_async_pr_bm, v, OF13_ASYNC_PR_U);
		else
			of_bitmap(nd, of13_async_ppr_bm, v, OF13_ASYNC_PPR_U);
	}
}

/* [OF13] 7.3.4.3 */
static void of13_port_mod_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	(void)len;
	of13_port(nd, "\n\t port_no ", GET_BE32(nd, cp));
	cp += 8;
	nd_need(nd, cp, 6);
	ND_STR(nd, ", hw_addr ");
	nd_etheraddr(nd, cp);
	cp += 8;
	of_hex_field(nd, "\n\t  config ", GET_BE32(nd, cp), 8);
	of_bitmap(nd, of13_ppc_bm, GET_BE32(nd, cp), OF13_PPC_U);
	cp += 4;
	of_hex_field(nd, "\n\t  mask ", GET_BE32(nd, cp), 8);
	of_bitmap(nd, of13_ppc_bm, GET_BE32(nd, cp), OF13_PPC_U);
	cp += 4;
	of_hex_field(nd, "\n\t  advertise ", GET_BE32(nd, cp), 8);
	of_bitmap(nd, of13_ppf_bm, GET_BE32(nd, cp), OF13_PPF_U);
	cp += 4;
	nd_need(nd, cp, 4);
}

/* [OF13] 7.4.3 */
static void of13_port_status_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	const char *s;

	(void)len;
	/* tcpdump's format string here lacks its '%', so it prints literally. */
	s = tok_find(of_ppr_names, GET_U8(nd, cp));
	ND_STR(nd, "\n\t reason ");
	ND_STR(nd, s ? s : "invalid (0x02x)");
	of13_port_print(nd, cp + 8);
}

/* [OF13] 7.5.1 hello elements */
static void of13_hello_elements_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	while (len) {
		uint16_t type, bmlen;

		if (len < 4)
			goto invalid;
		type = GET_BE16(nd, cp);
		OF_FWD(2);
		of_tok_x(nd, "\n\t type ", of13_het_names, type, "unknown (", 4, ")");
		bmlen = GET_BE16(nd, cp);
		OF_FWD(2);
		of_u32_field(nd, ", length ", bmlen);
		if (bmlen < 4 || bmlen > 4U + len)
			goto invalid;
		if (type == OF13_HET_VERSIONBITMAP && bmlen == 8) {
			uint32_t bitmap = GET_BE32(nd, cp);
			of_hex_field(nd, ", bitmap ", bitmap, 8);
			of_bitmap(nd, of13_verbm_names, bitmap, OF13_VERBM_U);
		} else {
			if (type == OF13_HET_VERSIONBITMAP)
				ND_STR(nd, " (bogus)");
			nd_need(nd, cp, bmlen - 4U);
		}
		OF_FWD(bmlen - 4U);
	}
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, cp, len);
}

/* [OF13] 7.5.4 */
static void of13_experimenter_message_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	of_vendor_id(nd, "\n\t experimenter ", GET_BE32(nd, cp));
	OF_FWD(4);
	of_hex_field(nd, ", exp_type ", GET_BE32(nd, cp), 8);
	OF_FWD(4);
	of_data_print(nd, cp, len);
}

/* [OF13] 7.3.6 */
static void of13_queue_get_config_request_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	(void)len;
	of13_port(nd, "\n\t port ", GET_BE32(nd, cp));
	nd_need(nd, cp + 4, 4);
}

/* [OF13] 7.4.4 */
static void of13_error_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	of_error_print(nd, cp, len, of13_pet_names, of13_error_codes,
		       sizeof of13_error_codes / sizeof of13_error_codes[0]);
}

static const struct of_msgtype of13_msgtypes[] = {
	{ "HELLO", of13_hello_elements_print, REQ_MINLEN, 0 },
	{ "ERROR", of13_error_print, REQ_MINLEN, 4 },
	{ "ECHO_REQUEST", of_data_print, REQ_MINLEN, 0 },
	{ "ECHO_REPLY", of_data_print, REQ_MINLEN, 0 },
	{ "EXPERIMENTER", of13_experimenter_message_print, REQ_MINLEN, 8 },
	{ "FEATURES_REQUEST", NULL, REQ_FIXLEN, 0 },
	{ "FEATURES_REPLY", of13_features_reply_print, REQ_FIXLEN, 24 },
	{ "GET_CONFIG_REQUEST", NULL, REQ_FIXLEN, 0 },
	{ "GET_CONFIG_REPLY", of13_switch_config_msg_print, REQ_FIXLEN, 4 },
	{ "SET_CONFIG", of13_switch_config_msg_print, REQ_FIXLEN, 4 },
	{ "PACKET_IN", NULL, REQ_NONE, 0 },
	{ "FLOW_REMOVED", NULL, REQ_NONE, 0 },
	{ "PORT_STATUS", of13_port_status_print, REQ_FIXLEN, 72 },
	{ "PACKET_OUT", NULL, REQ_NONE, 0 },
	{ "FLOW_MOD", NULL, REQ_NONE, 0 },
	{ "GROUP_MOD", NULL, REQ_NONE, 0 },
	{ "PORT_MOD", of13_port_mod_print, REQ_FIXLEN, 32 },
	{ "TABLE_MOD", of13_table_mod_print, REQ_FIXLEN, 8 },
	{ "MULTIPART_REQUEST", NULL, REQ_NONE, 0 },
	{ "MULTIPART_REPLY", NULL, REQ_NONE, 0 },
	{ "BARRIER_REQUEST", NULL, REQ_FIXLEN, 0 },
	{ "BARRIER_REPLY", NULL, REQ_FIXLEN, 0 },
	{ "QUEUE_GET_CONFIG_REQUEST", of13_queue_get_config_request_print, REQ_FIXLEN, 8 },
	{ "QUEUE_GET_CONFIG_REPLY", NULL, REQ_NONE, 0 },
	{ "ROLE_REQUEST", of13_role_msg_print, REQ_FIXLEN, 16 },
	{ "ROLE_REPLY", of13_role_msg_print, REQ_FIXLEN, 16 },
	{ "GET_ASYNC_REQUEST", NULL, REQ_FIXLEN, 0 },
	{ "GET_ASYNC_REPLY", of13_async_msg_print, REQ_FIXLEN, 24 },
	{ "SET_ASYNC", of13_async_msg_print, REQ_FIXLEN, 24 },
	{ "METER_MOD", NULL, REQ_NONE, 0 },
};

/* ======================================================== common header */

static const struct tok of_version_names[] = {
	{ 0x01, "1.0" },
	{ 0x02, "1.1" },
	{ 0x03, "1.2" },
	{ 0x04, "1.3" },
	{ 0x05, "1.4" },
	{ 0x06, "1.5" },
	{ 0, NULL }
};

static const struct of_msgtype *of_identify(uint8_t version, uint8_t type)
{
	if (version == 0x01 && type < sizeof of10_msgtypes / sizeof of10_msgtypes[0])
		return &of10_msgtypes[type];
	if (version == 0x04 && type < sizeof of13_msgtypes / sizeof of13_msgtypes[0])
		return &of13_msgtypes[type];
	return NULL;
}

/* The body of one message: length checks, then the decoder at -v. */
static void of_message_print(struct nd *nd, const uint8_t *cp, uint32_t len, const struct of_msgtype *mt)
{
	if (mt) {
		if ((mt->req == REQ_FIXLEN && len != mt->req_len) ||
		    (mt->req == REQ_MINLEN && len < mt->req_len)) {
			nd_print_invalid(nd);
		} else if (nd->o->vflag && mt->decoder) {
			mt->decoder(nd, cp, len);
			return;
		}
	}
	nd_need(nd, cp, len);
}

void openflow_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	const uint8_t *cp = p;

	nd->protocol = "openflow";
	ND_STR(nd, ": OpenFlow");
	while (len) {
		uint8_t version, type;
		uint16_t length;
		const struct of_msgtype *mt;

		version = GET_U8(nd, cp);
		OF_FWD(1);
		of_tok_x(nd, "\n\tversion ", of_version_names, version, "unknown (", 2, ")");
		if (len < 1)
			goto partial_header;
		type = GET_U8(nd, cp);
		OF_FWD(1);
		mt = of_identify(version, type);
		if (mt) {
			ND_STR(nd, ", type ");
			ND_STR(nd, mt->name);
		} else {
			of_hex_field(nd, ", type unknown (", type, 2);
			ND_CHR(nd, ')');
		}
		if (len < 2)
			goto partial_header;
		length = GET_BE16(nd, cp);
		OF_FWD(2);
		of_u32_field(nd, ", length ", length);
		if (length < OF_HEADER_LEN)
			ND_STR(nd, " (too short!)");
		if (len < 4)
			goto partial_header;
		of_hex_field(nd, ", xid ", GET_BE32(nd, cp), 8);
		OF_FWD(4);
		/*
		 * A message may continue in the next segment: decode what is
		 * here, but only step to a next message that starts inside
		 * this segment.
		 */
		if (length < OF_HEADER_LEN) {
			nd_print_invalid(nd);
			nd_need(nd, cp, len);
			return;
		}
		of_message_print(nd, cp, length - OF_HEADER_LEN, mt);
		if (length - OF_HEADER_LEN > len)
			break;
		OF_FWD(length - OF_HEADER_LEN);
	}
	return;
partial_header:
	ND_STR(nd, " (end of TCP payload)");
	nd_need(nd, cp, len);
}

