/*
 * atm.c - raw ATM as SunATM captures it (DLT_SUNATM), the signalling and OAM
 * cells of the reserved VCIs, printed as tcpdump 4.99 does.
 *
 *   SunATM header: flags(1: 0x80 transmit, low nibble 1 LANE / 2 LLC)
 *                  VPI(1) VCI(2), then the AAL5 payload
 *   OAM cell: [HEC] header(4: GFC/VPI, VCI, PTI, CLP) type/function(1)
 *             function-specific(45) CRC-10(2)
 *
 * VPI 0 VCI 5 is Q.2931 signalling, VCI 3/4 OAM F4 cells; everything else is
 * an LLC (RFC 2684) payload, or LAN emulation (LANE, flags 1): a 2-byte LEC
 * id (0xff00: a control frame) then an Ethernet frame.
 *
 * DLT_ATM_RFC1483 frames start with the RFC 2684 LLC header (or a Cisco-style
 * NLPID after a bare 0x03, or a 20-byte 802.6 header from the Fore driver);
 * DLT_ATM_CLIP (Linux Classical IP) with LLC/SNAP, or directly with IP.
 */
#include <string.h>

#include "atm.h"
#include "serial.h"

void isoclns_print(struct nd *nd, const uint8_t *p, uint32_t length) __attribute__((weak));

#define SUNATM_HDRLEN 4
#define OAM_HDRLEN 4
#define OAM_PAYLOAD_LEN 48

static const struct tok oam_f_names[] = {{3, "OAM F4 (segment)"}, {4, "OAM F4 (end)"}, {0, NULL}};
static const struct tok pti_names[] = {
	{0, "user data, uncongested, SDU 0"}, {1, "user data, uncongested, SDU 1"},
	{2, "user data, congested, SDU 0"}, {3, "user data, congested, SDU 1"}, {4, "VCC OAM F5 flow segment"},
	{5, "VCC OAM F5 flow end-to-end"}, {6, "Traffic Control and resource Mgmt"}, {0, NULL}};
static const struct tok oam_celltypes[] = {
	{1, "Fault Management"}, {2, "Performance Management"}, {8, "activate/deactivate"},
	{15, "System Management"}, {0, NULL}};
static const struct tok oam_fm_funcs[] = {{0, "AIS"}, {1, "RDI"}, {4, "Continuity Check"}, {8, "Loopback"}, {0, NULL}};
static const struct tok oam_pm_funcs[] = {
	{0, "Forward Monitoring"}, {1, "Backward Reporting"}, {2, "Monitoring and Reporting"}, {0, NULL}};
static const struct tok oam_ad_funcs[] = {{0, "Performance Monitoring"}, {1, "Continuity Check"}, {0, NULL}};
static const struct tok loopback_ind[] = {{0, "Reply"}, {1, "Request"}, {0, NULL}};

static const struct tok lane_ops[] = {
	{0x0001, "configure request"}, {0x0101, "configure response"}, {0x0002, "join request"},
	{0x0102, "join response"}, {0x0003, "ready query"}, {0x0103, "ready indication"},
	{0x0004, "register request"}, {0x0104, "register response"}, {0x0005, "unregister request"},
	{0x0105, "unregister response"}, {0x0006, "ARP request"}, {0x0106, "ARP response"},
	{0x0007, "flush request"}, {0x0107, "flush response"}, {0x0008, "NARP request"},
	{0x0009, "topology request"}, {0, NULL}};

static const struct tok q2931_msgs[] = {
	{0x02, "Call_proceeding"}, {0x07, "Connect"}, {0x0f, "Connect_ack"}, {0x05, "Setup"}, {0x4d, "Release"},
	{0x5a, "Release_complete"}, {0x46, "Restart"}, {0x4e, "Restart_ack"}, {0x7d, "Status"},
	{0x75, "Status_enquiry"}, {0x80, "Add_party"}, {0x81, "Add_party_ack"}, {0x82, "Add_party_reject"},
	{0x83, "Drop-party"}, {0x84, "Drop_party_ack"}, {0, NULL}};

/* CRC-10 (x^10 + x^9 + x^5 + x^4 + x + 1) over n captured bytes, bit by bit. */
static uint16_t crc10(struct nd *nd, const uint8_t *p, unsigned n)
{
	uint16_t crc = 0;
	for (unsigned i = 0; i < n; i++) {
		uint8_t b = GET_U8(nd, p + i);
		for (int k = 7; k >= 0; k--) {
			unsigned in = ((b >> k) & 1) ^ ((crc >> 9) & 1);
			crc = (uint16_t)((crc << 1) & 0x3ff);
			if (in)
				crc ^= 0x233;
		}
	}
	return crc;
}

/* An ID field as tcpdump prints it: the 16-bit words at its odd offsets. */
static void oam_id(struct nd *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 1; i < n; i += 2)
		out_fmt(nd->out, "%04x ", GET_BE16(nd, p + i));
}

void oam_print(struct nd *nd, const uint8_t *p, uint32_t length, unsigned hec)
{
	nd->protocol = "oam";
	uint32_t hdr = GET_BE32(nd, p + hec);
	uint8_t tf = GET_U8(nd, p + OAM_HDRLEN + hec);
	unsigned type = tf >> 4, func = tf & 0x0f;
	unsigned vpi = (hdr >> 20) & 0xff, vci = (hdr >> 4) & 0xffff;
	nd_tok(nd, oam_f_names, "OAM F5", vci);
	out_fmt(nd->out, ", vpi %u, vci %u, payload [ ", vpi, vci);
	nd_tok(nd, pti_names, "Unknown", (hdr >> 1) & 7);
	out_fmt(nd->out, " ], clp %u, length %u", hdr & 1, length);
	if (!nd->o->vflag)
		return;
	ND_STR(nd, "\n\tcell-type ");
	nd_tok(nd, oam_celltypes, "unknown", type);
	out_fmt(nd->out, " (%u)", type);
	const struct tok *ft = type == 1 ? oam_fm_funcs : type == 2 ? oam_pm_funcs : type == 8 ? oam_ad_funcs : NULL;
	if (!ft) {
		out_fmt(nd->out, ", func-type unknown (%u)", func);
	} else {
		ND_STR(nd, ", func-type ");
		nd_tok(nd, ft, "none", func);
		out_fmt(nd->out, " (%u)", func);
	}
	p += OAM_HDRLEN + hec;
	if (type == 1 && func == 8) {
		ND_STR(nd, "\n\tLoopback-Indicator ");
		nd_tok(nd, loopback_ind, "Unknown", GET_U8(nd, p + 1) & 1);
		out_fmt(nd->out, ", Correlation-Tag 0x%08x", GET_BE32(nd, p + 2));
		ND_STR(nd, "\n\tLocation-ID ");
		oam_id(nd, p + 6, 12);
		ND_STR(nd, "\n\tSource-ID   ");
		oam_id(nd, p + 18, 12);
	} else if (type == 1 && (func == 0 || func == 1)) {
		out_fmt(nd->out, "\n\tFailure-type 0x%02x", GET_U8(nd, p + 1));
		ND_STR(nd, "\n\tLocation-ID ");
		oam_id(nd, p + 2, 16);
	}
	unsigned cksum = GET_BE16(nd, p + 46) & 0x3ff;
	out_fmt(nd->out, "\n\tcksum 0x%03x (%scorrect)", cksum, crc10(nd, p, OAM_PAYLOAD_LEN) ? "in" : "");
}

/* The signalling VC: Q.2931 over SSCOP. */
static void sig_print(struct nd *nd, const uint8_t *p)
{
	uint8_t proto = GET_U8(nd, p);
	if (proto == 0x09) {
		ND_STR(nd, "Q.2931:");
		nd_tok(nd, q2931_msgs, "msgtype#%u", GET_U8(nd, p + 5));
		out_fmt(nd->out, " CALL_REF:0x%06x", GET_BE24(nd, p + 2));
	} else {
		out_fmt(nd->out, "SSCOP, proto %u ", proto);
	}
}

/* LAN emulation: a control frame, or an Ethernet frame after the LEC id. */
static void lane_print(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen)
{
	nd->protocol = "lane";
	uint16_t lecid = GET_BE16(nd, p);
	if (lecid == 0xff00) {
		out_fmt(nd->out, "lec: proto %x vers %x ", GET_U8(nd, p + 2), GET_U8(nd, p + 3));
		nd_tok(nd, lane_ops, "opcode-#%u", GET_BE16(nd, p + 4));
		return;
	}
	/* tcpdump prints the LEC id with or without -e, and its -x dump starts
	 * at the LANE header (the Ethernet header is not counted) */
	out_fmt(nd->out, "lecid:%x ", lecid);
	ether_print(nd, p + 2, caplen - 2, length - 2);
	nd->ll_hdr_len = SUNATM_HDRLEN;
}

static void atm_print(struct nd *nd, unsigned vpi, unsigned vci, int lane, const uint8_t *p, uint32_t length,
		      uint32_t caplen)
{
	nd->protocol = "atm";
	if (nd->o->eflag)
		out_fmt(nd->out, "VPI:%u VCI:%u ", vpi, vci);
	if (vpi == 0) {
		switch (vci) {
		case 5:
			sig_print(nd, p);
			return;
		case 2:
			ND_STR(nd, "broadcast sig: ");
			return;
		case 3:
		case 4:
			oam_print(nd, p, length, 1); /* SunATM keeps the HEC byte */
			return;
		case 1:
			ND_STR(nd, "meta: ");
			return;
		default:
			break;
		}
	}
	if (lane) {
		lane_print(nd, p, length, caplen);
		return;
	}
	int n = llc_print(nd, p, length, caplen, NULL, NULL);
	if (n < 0 && !nd_default_print_suppressed(nd))
		nd_default_print(nd, p, caplen);
}

void sunatm_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "sunatm";
	nd_need(nd, p, SUNATM_HDRLEN);
	uint8_t flags = GET_U8(nd, p);
	if (nd->o->eflag)
		ND_STR(nd, flags & 0x80 ? "Tx: " : "Rx: ");
	nd->ll_hdr_len = SUNATM_HDRLEN;
	atm_print(nd, GET_U8(nd, p + 1), GET_BE16(nd, p + 2), (flags & 0x0f) == 1, p + SUNATM_HDRLEN,
		  len - SUNATM_HDRLEN, caplen - SUNATM_HDRLEN);
}

/* An LLC-encapsulated PDU; returns the LLC header length. */
static uint32_t atm_llc_print(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen)
{
	int n = llc_print(nd, p, length, caplen, NULL, NULL);
	if (n < 0) {
		if (!nd_default_print_suppressed(nd))
			nd_default_print(nd, p, caplen);
		n = -n;
	}
	return (uint32_t)n;
}

#define LLC_UI_HDR(sap) ((uint32_t)(sap) << 16 | (uint32_t)(sap) << 8 | 0x03)
#define FORE_HDRLEN 20

void atm_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "atm";
	if (GET_U8(nd, p) == 0x03) { /* Cisco-style NLPID */
		if (nd->o->eflag)
			ND_STR(nd, "CNLPID ");
		nd->ll_hdr_len = 1;
		if (isoclns_print)
			isoclns_print(nd, p + 1, len - 1);
		return;
	}
	uint32_t hdrlen = 0;
	uint32_t llc = GET_BE24(nd, p);
	if (llc != LLC_UI_HDR(0xaa) && llc != LLC_UI_HDR(0xfe) && llc != LLC_UI_HDR(0x06)) {
		/* not LLC: taken for the Fore driver's 802.6 MAC header */
		if (nd->o->eflag)
			out_fmt(nd->out, "%08x%08x %08x%08x ", GET_BE32(nd, p), GET_BE32(nd, p + 4),
				GET_BE32(nd, p + 8), GET_BE32(nd, p + 12));
		nd_need(nd, p, FORE_HDRLEN);
		p += FORE_HDRLEN;
		len -= FORE_HDRLEN;
		caplen -= FORE_HDRLEN;
		hdrlen = FORE_HDRLEN;
	}
	nd->ll_hdr_len = hdrlen;
	nd->ll_hdr_len = hdrlen + atm_llc_print(nd, p, len, caplen);
}

static const uint8_t clip_llc[6] = {0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00};

void cip_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "cip";
	if (nd->o->eflag)
		out_fmt(nd->out, "%u: ", len); /* no MAC header: only the length */
	uint8_t hdr[sizeof clip_llc];
	GET_CPY(nd, hdr, p, sizeof hdr);
	if (memcmp(hdr, clip_llc, sizeof hdr) == 0) {
		nd->ll_hdr_len = atm_llc_print(nd, p, len, caplen);
	} else {
		nd->ll_hdr_len = 0;
		ip_print(nd, p, len);
	}
}
