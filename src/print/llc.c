/*
 * llc.c - IEEE 802.2 LLC and the SNAP header (RFC 1042), as tcpdump prints them.
 *
 *   +------+------+-----------------+        SNAP (dsap = ssap = 0xaa, ctrl UI):
 *   | DSAP | SSAP | control (1 or 2)|        +-----------+-----------+
 *   +------+------+-----------------+        | OUI (3)   | PID (2)   |
 *   DSAP bit 0: individual/group             +-----------+-----------+
 *   SSAP bit 0: command/response
 *   control: U frames end in binary 11 (1 byte); I and S frames take 2 bytes,
 *   little-endian.
 *
 * synack decodes IPv4 over LLC (SAP 0x06) and Ethernet types inside SNAP;
 * the bodies of STP, IPX, CDP, IS-IS and friends are not decoded, so those
 * frames are shown like any unknown LLC payload.
 */
#include "nd.h"
#include "route.h"
#include "lan.h"
#include "l2odds.h"

#define SAP_GLOBAL 0xff
#define SAP_IP 0x06
#define SAP_STP 0x42
#define SAP_SNAP 0xaa
#define SAP_IPX 0xe0
#define SAP_ISONS 0xfe
#define LLC_IG 0x01     /* DSAP: group address */
#define LLC_GSAP 0x01   /* SSAP: response */
#define LLC_U_POLL 0x10
#define LLC_IS_POLL 0x0100
#define LLC_UI 0x03
#define LLC_XID 0xaf
#define LLC_XID_FI 0x81

static const struct tok llc_sap_names[] = {
	{0x00, "Null"},    {0xff, "Global"},    {0x02, "802.1B I"}, {0x03, "802.1B G"},
	{0x06, "IP"},      {0x04, "SNA"},       {0x0e, "ProWay NM"}, {0x42, "STP"},
	{0x4e, "RS511"},   {0x7e, "ISO8208"},   {0x8e, "ProWay"},   {0xaa, "SNAP"},
	{0xe0, "IPX"},     {0xf0, "NetBeui"},   {0xfe, "OSI"},      {0, NULL},
};

static const struct tok llc_cmd_names[] = {
	{0x03, "ui"}, {0xe3, "test"}, {0xaf, "xid"},   {0x63, "ua"},
	{0x43, "disc"}, {0x0f, "dm"}, {0x6f, "sabme"}, {0x87, "frmr"},
	{0, NULL},
};

/* Command/response bit of the SSAP combined with the poll/final bit. */
static const struct tok llc_flag_names[] = {
	{0, "Command"},
	{LLC_GSAP, "Response"},
	{LLC_U_POLL, "Poll"},
	{LLC_GSAP | LLC_U_POLL, "Final"},
	{LLC_IS_POLL, "Poll"},
	{LLC_GSAP | LLC_IS_POLL, "Final"},
	{0, NULL},
};

static const struct tok llc_supervisory_names[] = {
	{0, "Receiver Ready"}, {1, "Receiver not Ready"}, {2, "Reject"}, {0, NULL},
};

/* tcpdump's OUI names (also used by nd_etheraddr without -n) */
const struct tok oui_names[] = {
	{0x000000, "Ethernet"},
	{0x00000c, "Cisco"},
	{0x00005e, "IANA"},
	{0x000081, "Nortel Networks SONMP"},
	{0x0000f8, "Cisco bridged"},
	{0x0080c2, "Ethernet bridged"},
	{0x00a03e, "ATM Forum"},
	{0x00e02f, "DOCSIS Spanning Tree"},
	{0x080007, "Appletalk"},
	{0x009069, "Juniper"},
	{0x080009, "Hewlett-Packard"},
	{0x00120f, "IEEE 802.3 Private"},
	{0x0012bb, "ANSI/TIA"},
	{0x001b21, "DCBX"},
	{0x002320, "Nicira Networks"},
	{0x5c16c7, "Big Switch Networks"},
	{0xb0d2f5, "Vello Systems"},
	{0x0004ea, "HP-Labs"},
	{0x748771, "Infoblox Inc"},
	{0xa42305, "Open Networking Lab"},
	{0x000496, "Freescale"},
	{0x001540, "Netronome"},
	{0x001018, "Broadcom"},
	{0x00e004, "PMC-Sierra"},
	{0x0001ec, "Ericsson"},
	{0, NULL},
};

static const struct tok cisco_pid_names[] = {
	{0x2000, "CDP"}, {0x2003, "VTP"}, {0x2004, "DTP"}, {0x0111, "UDLD"},
	{0x010b, "PVST"}, {0x010c, "VLAN Bridge"}, {0, NULL},
};

static const struct tok bridged_pid_names[] = {
	{0x0001, "Ethernet + FCS"},     {0x0007, "Ethernet w/o FCS"},
	{0x0002, "802.4 + FCS"},        {0x0008, "802.4 w/o FCS"},
	{0x0003, "Token Ring + FCS"},   {0x0009, "Token Ring w/o FCS"},
	{0x0004, "FDDI + FCS"},         {0x000a, "FDDI w/o FCS"},
	{0x0005, "802.6 + FCS"},        {0x000b, "802.6 w/o FCS"},
	{0x000e, "BPDU"},               {0, NULL},
};

static const struct tok no_names[] = {{0, NULL}};

/* Which table names the PID under an OUI. */
static const struct tok *snap_pid_table(uint32_t oui)
{
	switch (oui) {
	case 0x000000:
	case 0x0000f8:
	case 0x080007:
		return link_ethertype_names;
	case 0x00000c:
		return cisco_pid_names;
	case 0x0080c2:
		return bridged_pid_names;
	default:
		return no_names;
	}
}

static void print_hex2(struct nd *nd, uint32_t v)
{
	ND_STR(nd, "0x");
	out_hex(nd->out, v, 2);
}

/* SNAP header at p (after LLC). 1 when the payload was printed. */
int snap_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen,
	       const uint8_t *src, const uint8_t *dst)
{
	nd->protocol = "snap";
	if (!nd_ok(nd, p, 5) || caplen < 5 || len < 5) { /* no jump: tcpdump's -x dump starts after it */
		nd_print_trunc(nd);
		return 1;
	}
	uint32_t oui = GET_BE24(nd, p);
	uint16_t pid = GET_BE16(nd, p + 3);
	const struct tok *pids = snap_pid_table(oui);

	if (nd->o->eflag) {
		ND_STR(nd, "oui ");
		nd_tok(nd, oui_names, "Unknown", oui);
		ND_STR(nd, " (0x");
		out_hex(nd->out, oui, 6);
		ND_STR(nd, oui == 0 ? "), ethertype " : "), pid ");
		nd_tok(nd, pids, "Unknown", pid);
		ND_STR(nd, " (0x");
		out_hex(nd->out, pid, 4);
		ND_STR(nd, "), length ");
		ND_U(nd, len - 5);
		ND_STR(nd, ": ");
	}
	p += 5;
	len -= 5;
	caplen -= 5;

	if (oui == 0x000000 || oui == 0x0000f8 || (oui == 0x080007 && pid == 0x809b)) {
		if (ethertype_print(nd, pid, p, len, caplen, src, dst))
			return 1;
	}
	if (oui == 0x00000c && pid == 0x2003) { /* l2odds: Cisco VTP */
		vtp_print(nd, p, len);
		return 1;
	}
	if (lan_snap_print(nd, oui, pid, p, len))
		return 1;
	if (oui == 0x0080c2 && (pid == 0x0001 || pid == 0x0007)) {
		/* RFC 2684 bridged Ethernet: 2 bytes of padding, then the frame. */
		if (!nd_ok(nd, p, 2)) {
			nd_print_trunc(nd); /* -x still skips the LLC/SNAP header */
			return 1;
		}
		uint32_t ll = nd->ll_hdr_len;
		ether_print(nd, p + 2, caplen - 2, len - 2);
		nd->ll_hdr_len = ll;
		return 1;
	}
	if (oui == 0x0080c2 && (pid == 0x0003 || pid == 0x0009 || pid == 0x0004 || pid == 0x000a)) {
		/* RFC 2684 bridged Token Ring / FDDI: the padding ends right
		 * before the AC field (2 bytes) or the FC field (3 bytes). */
		uint32_t pad = (pid == 0x0003 || pid == 0x0009) ? 2 : 3;
		if (!nd_ok(nd, p, pad)) {
			nd_print_trunc(nd); /* -x still skips the LLC/SNAP header */
			return 1;
		}
		uint32_t ll = nd->ll_hdr_len;
		if (pad == 2)
			token_if_print(nd, p + pad, caplen - pad, len - pad);
		else
			fddi_if_print(nd, p + pad, caplen - pad, len - pad);
		nd->ll_hdr_len = ll;
		return 1;
	}
	if (!nd->o->eflag) {
		if (src && dst) {
			nd_etheraddr(nd, src);
			ND_STR(nd, " > ");
			nd_etheraddr(nd, dst);
			ND_CHR(nd, ' ');
		}
		if (oui == 0) {
			ND_STR(nd, "SNAP, ethertype ");
			nd_tok(nd, link_ethertype_names, "Unknown", pid);
		} else {
			ND_STR(nd, "SNAP, oui ");
			nd_tok(nd, oui_names, "Unknown", oui);
			ND_STR(nd, " (0x");
			out_hex(nd->out, oui, 6);
			ND_STR(nd, "), pid ");
			nd_tok(nd, pids, "Unknown", pid);
		}
		ND_STR(nd, " (0x");
		out_hex(nd->out, pid, 4);
		ND_STR(nd, "), length ");
		ND_U(nd, len);
		ND_STR(nd, ": ");
	}
	return 0;
}

/* tcpdump dumps the short LLC header whatever -q/-x/-X say (ND_DEFAULTPRINT here
 * is unconditional, unlike most callers'). */
static void llc_trunc(struct nd *nd, const uint8_t *p, uint32_t caplen)
{
	nd_print_trunc(nd);
	nd_default_print(nd, p, caplen);
}

static void sap_name(struct nd *nd, const char *unknown, uint8_t sap)
{
	const char *s = tok_find(llc_sap_names, sap);
	if (s) {
		ND_STR(nd, s);
	} else {
		ND_STR(nd, unknown);
		print_hex2(nd, sap);
	}
}

int llc_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen,
	      const uint8_t *src, const uint8_t *dst)
{
	nd->protocol = "llc";
	if (caplen < 3) {
		llc_trunc(nd, p, caplen);
		return (int)caplen;
	}
	if (len < 3) {
		llc_trunc(nd, p, caplen);
		return (int)len;
	}
	uint8_t dsap_field = GET_U8(nd, p), ssap_field = GET_U8(nd, p + 1);
	uint16_t control = GET_U8(nd, p + 2);
	int is_u = (control & 3) == 3;
	uint32_t hdrlen = 3;
	if (!is_u) {
		if (caplen < 4) {
			llc_trunc(nd, p, caplen);
			return (int)caplen;
		}
		if (len < 4) {
			llc_trunc(nd, p, caplen);
			return (int)len;
		}
		control = GET_LE16(nd, p + 2);
		hdrlen = 4;
	}

	if (ssap_field == SAP_GLOBAL && dsap_field == SAP_GLOBAL) {
		/* Novell "raw" 802.3 IPX: no LLC header at all. */
		if (nd->o->eflag)
			ND_STR(nd, "IPX 802.3: ");
		ipx_print(nd, p, len);
		return 0;
	}

	uint8_t dsap = dsap_field & ~LLC_IG, ssap = ssap_field & ~LLC_GSAP;
	if (nd->o->eflag) {
		ND_STR(nd, "LLC, dsap ");
		nd_tok(nd, llc_sap_names, "Unknown", dsap);
		ND_STR(nd, " (");
		print_hex2(nd, dsap);
		ND_STR(nd, (dsap_field & LLC_IG) ? ") Group, ssap " : ") Individual, ssap ");
		nd_tok(nd, llc_sap_names, "Unknown", ssap);
		ND_STR(nd, " (");
		print_hex2(nd, ssap);
		ND_STR(nd, (ssap_field & LLC_GSAP) ? ") Response" : ") Command");
		ND_STR(nd, ", ctrl 0x");
		out_hex(nd->out, control, is_u ? 2 : 4);
		ND_STR(nd, ": ");
	}
	p += hdrlen;
	len -= hdrlen;
	caplen -= hdrlen;

	if (ssap == SAP_SNAP && dsap == SAP_SNAP && control == LLC_UI) {
		if (!snap_print(nd, p, len, caplen, src, dst))
			return -(int)(hdrlen + 5);
		return (int)(hdrlen + 5);
	}
	if (ssap == SAP_STP && dsap == SAP_STP && control == LLC_UI) {
		stp_print(nd, p, len);
		return (int)hdrlen;
	}
	if (ssap == SAP_IP && dsap == SAP_IP && control == LLC_UI) {
		ip_print(nd, p, len);
		return (int)hdrlen;
	}
	if (ssap == SAP_ISONS && dsap == SAP_ISONS && control == LLC_UI) {
		isoclns_print(nd, p, len);
		return (int)hdrlen;
	}
	if (ssap == SAP_IPX && dsap == SAP_IPX && control == LLC_UI) {
		if (nd->o->eflag)
			ND_STR(nd, "IPX 802.2: ");
		ipx_print(nd, p, len);
		return (int)hdrlen;
	}

	if (!nd->o->eflag) {
		if (src && dst) {
			nd_etheraddr(nd, src);
			ND_CHR(nd, ' ');
		}
		if (ssap != dsap) {
			sap_name(nd, "Unknown SSAP ", ssap);
			ND_STR(nd, " > ");
		} else if (src && dst) {
			ND_STR(nd, "> ");
		}
		if (src && dst) {
			nd_etheraddr(nd, dst);
			ND_CHR(nd, ' ');
		}
		sap_name(nd, "Unknown DSAP ", dsap);
		ND_CHR(nd, ' ');
	}

	uint32_t flag_key;
	if (is_u) {
		flag_key = (ssap_field & LLC_GSAP) | (control & LLC_U_POLL);
		ND_STR(nd, "Unnumbered, ");
		nd_tok(nd, llc_cmd_names, "%02x", control & 0xef);
		ND_STR(nd, ", Flags [");
		nd_tok(nd, llc_flag_names, "?", flag_key);
		ND_STR(nd, "], length ");
		ND_U(nd, len + hdrlen);
		if ((control & ~LLC_U_POLL) == LLC_XID) {
			if (len == 0)
				return (int)hdrlen;
			if (caplen < 1) {
				nd_print_trunc(nd);
				return (int)hdrlen;
			}
			if (GET_U8(nd, p) == LLC_XID_FI) {
				if (caplen < 3 || len < 3) {
					llc_trunc(nd, p, caplen);
				} else {
					ND_STR(nd, ": ");
					out_hex(nd->out, GET_U8(nd, p + 1), 2);
					ND_CHR(nd, ' ');
					out_hex(nd->out, GET_U8(nd, p + 2), 2);
				}
				return (int)hdrlen;
			}
		}
	} else {
		flag_key = (ssap_field & LLC_GSAP) | (control & LLC_IS_POLL);
		if (control & 1) {
			ND_STR(nd, "Supervisory, ");
			nd_tok(nd, llc_supervisory_names, "?", (control >> 2) & 3);
			ND_STR(nd, ", rcv seq ");
			ND_U(nd, (control >> 9) & 0x7f);
			ND_STR(nd, ", Flags [");
			nd_tok(nd, llc_flag_names, "?", flag_key);
			ND_STR(nd, "], length ");
			ND_U(nd, len + hdrlen);
			return (int)hdrlen;
		}
		ND_STR(nd, "Information, send seq ");
		ND_U(nd, (control >> 1) & 0x7f);
		ND_STR(nd, ", rcv seq ");
		ND_U(nd, (control >> 9) & 0x7f);
		ND_STR(nd, ", Flags [");
		nd_tok(nd, llc_flag_names, "?", flag_key);
		ND_STR(nd, "], length ");
		ND_U(nd, len + hdrlen);
	}
	return -(int)hdrlen;
}
