/*
 * bgp.c - BGP-4 (RFC 4271) printer, TCP port 179, with the extensions
 * tcpdump 4.99 decodes: capabilities (RFC 5492), multiprotocol NLRI
 * (RFC 4760), 4-octet AS numbers (RFC 6793), communities (RFC 1997, 4360,
 * 8092), VPN and labeled prefixes (RFC 4364, 8277), RT constraint
 * (RFC 4684), MVPN (RFC 6514), PMSI tunnels, AIGP (RFC 7311), attribute
 * sets (RFC 6368) and the shutdown communication (RFC 9003).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Marker (16 octets of 0xff)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Length               |      Type     |  body ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * At default verbosity only ": BGP" is printed.  With -v every message
 * found in the segment (located by its marker) is decoded.
 *
 * tcpdump formats many NLRI into a string before printing it, so a
 * truncated NLRI leaves no partial text behind; the NLRI decoders here do
 * the same by building into a small local string buffer (struct sbuf) and
 * printing it only when the whole item was read.
 */
#include <string.h>

#include "nd.h"

#define BGP_HDR_LEN 19
#define BGP_OPEN_LEN 29
#define BGP_NOTIF_LEN 21
#define BGP_RR_LEN 23
#define BGP_RD_LEN 8

enum { MSG_OPEN = 1, MSG_UPDATE, MSG_NOTIFICATION, MSG_KEEPALIVE, MSG_ROUTE_REFRESH };

static const struct tok msg_names[] = {
	{ MSG_OPEN, "Open" },
	{ MSG_UPDATE, "Update" },
	{ MSG_NOTIFICATION, "Notification" },
	{ MSG_KEEPALIVE, "Keepalive" },
	{ MSG_ROUTE_REFRESH, "Route Refresh" },
	{ 0, NULL }
};

enum {
	ATTR_ORIGIN = 1, ATTR_AS_PATH = 2, ATTR_NEXT_HOP = 3, ATTR_MED = 4,
	ATTR_LOCAL_PREF = 5, ATTR_ATOMIC_AGG = 6, ATTR_AGGREGATOR = 7,
	ATTR_COMMUNITIES = 8, ATTR_ORIGINATOR_ID = 9, ATTR_CLUSTER_LIST = 10,
	ATTR_MP_REACH = 14, ATTR_MP_UNREACH = 15, ATTR_EXT_COMMUNITIES = 16,
	ATTR_AS4_PATH = 17, ATTR_AGGREGATOR4 = 18, ATTR_PMSI_TUNNEL = 22,
	ATTR_AIGP = 26, ATTR_LARGE_COMMUNITY = 32, ATTR_ATTR_SET = 128
};

static const struct tok attr_names[] = {
	{ 1, "Origin" },
	{ 2, "AS Path" },
	{ 17, "AS4 Path" },
	{ 3, "Next Hop" },
	{ 4, "Multi Exit Discriminator" },
	{ 5, "Local Preference" },
	{ 6, "Atomic Aggregate" },
	{ 7, "Aggregator" },
	{ 18, "Aggregator4" },
	{ 8, "Community" },
	{ 9, "Originator ID" },
	{ 10, "Cluster List" },
	{ 11, "DPA" },
	{ 12, "Advertisers" },
	{ 13, "RCID Path / Cluster ID" },
	{ 14, "Multi-Protocol Reach NLRI" },
	{ 15, "Multi-Protocol Unreach NLRI" },
	{ 16, "Extended Community" },
	{ 22, "PMSI Tunnel" },
	{ 23, "Tunnel Encapsulation" },
	{ 24, "Traffic Engineering" },
	{ 25, "IPv6 Extended Community" },
	{ 26, "Accumulated IGP Metric" },
	{ 27, "PE Distinguisher Label" },
	{ 28, "Entropy Label" },
	{ 32, "Large Community" },
	{ 128, "Attribute Set" },
	{ 255, "Reserved for development" },
	{ 0, NULL }
};

/* AS_PATH segment types: 1 set, 2 sequence, 3 confed sequence, 4 confed set */
static const struct tok seg_open[] = {
	{ 2, "" }, { 1, "{ " }, { 3, "( " }, { 4, "({ " }, { 0, NULL }
};
static const struct tok seg_close[] = {
	{ 2, "" }, { 1, "}" }, { 3, ")" }, { 4, "})" }, { 0, NULL }
};

static const struct tok opt_names[] = {
	{ 1, "Authentication Information" },
	{ 2, "Capabilities Advertisement" },
	{ 0, NULL }
};

enum {
	CAP_MP = 1, CAP_RR = 2, CAP_ML = 8, CAP_RESTART = 64, CAP_AS4 = 65,
	CAP_ADD_PATH = 69, CAP_LLGR = 71, CAP_RR_CISCO = 128
};

static const struct tok cap_names[] = {
	{ 1, "Multiprotocol Extensions" },
	{ 2, "Route Refresh" },
	{ 3, "Cooperative Route Filtering" },
	{ 4, "Multiple Routes to a Destination" },
	{ 5, "Extended Next Hop Encoding" },
	{ 8, "Multiple Labels" },
	{ 64, "Graceful Restart" },
	{ 65, "32-Bit AS Number" },
	{ 67, "Dynamic Capability" },
	{ 68, "Multisession BGP" },
	{ 69, "Multiple Paths" },
	{ 70, "Enhanced Route Refresh" },
	{ 71, "Long-lived Graceful Restart" },
	{ 128, "Route Refresh (Cisco)" },
	{ 0, NULL }
};

static const struct tok notify_major[] = {
	{ 1, "Message Header Error" },
	{ 2, "OPEN Message Error" },
	{ 3, "UPDATE Message Error" },
	{ 4, "Hold Timer Expired" },
	{ 5, "Finite State Machine Error" },
	{ 6, "Cease" },
	{ 7, "Capability Message Error" },
	{ 0, NULL }
};

static const struct tok notify_minor_cease[] = {
	{ 1, "Maximum Number of Prefixes Reached" },
	{ 2, "Administrative Shutdown" },
	{ 3, "Peer Unconfigured" },
	{ 4, "Administrative Reset" },
	{ 5, "Connection Rejected" },
	{ 6, "Other Configuration Change" },
	{ 7, "Connection Collision Resolution" },
	{ 0, NULL }
};

static const struct tok notify_minor_msg[] = {
	{ 1, "Connection Not Synchronized" },
	{ 2, "Bad Message Length" },
	{ 3, "Bad Message Type" },
	{ 0, NULL }
};

static const struct tok notify_minor_open[] = {
	{ 1, "Unsupported Version Number" },
	{ 2, "Bad Peer AS" },
	{ 3, "Bad BGP Identifier" },
	{ 4, "Unsupported Optional Parameter" },
	{ 5, "Authentication Failure" },
	{ 6, "Unacceptable Hold Time" },
	{ 7, "Capability Message Error" },
	{ 0, NULL }
};

static const struct tok notify_minor_update[] = {
	{ 1, "Malformed Attribute List" },
	{ 2, "Unrecognized Well-known Attribute" },
	{ 3, "Missing Well-known Attribute" },
	{ 4, "Attribute Flags Error" },
	{ 5, "Attribute Length Error" },
	{ 6, "Invalid ORIGIN Attribute" },
	{ 7, "AS Routing Loop" },
	{ 8, "Invalid NEXT_HOP Attribute" },
	{ 9, "Optional Attribute Error" },
	{ 10, "Invalid Network Field" },
	{ 11, "Malformed AS_PATH" },
	{ 0, NULL }
};

static const struct tok notify_minor_fsm[] = {
	{ 0, "Unspecified Error" },
	{ 1, "In OpenSent State" },
	{ 2, "In OpenConfirm State" },
	{ 3, "In Established State" },
	{ 0, NULL }
};

static const struct tok notify_minor_cap[] = {
	{ 1, "Invalid Action Value" },
	{ 2, "Invalid Capability Length" },
	{ 3, "Malformed Capability Value" },
	{ 4, "Unsupported Capability Code" },
	{ 0, NULL }
};

static const struct tok origin_names[] = {
	{ 0, "IGP" }, { 1, "EGP" }, { 2, "Incomplete" }, { 0, NULL }
};

static const struct tok pmsi_tunnel_names[] = {
	{ 1, "RSVP-TE P2MP LSP" },
	{ 2, "LDP P2MP LSP" },
	{ 3, "PIM-SSM Tree" },
	{ 4, "PIM-SM Tree" },
	{ 5, "PIM-Bidir Tree" },
	{ 6, "Ingress Replication" },
	{ 7, "LDP MP2MP LSP" },
	{ 0, NULL }
};

static const struct tok pmsi_flags[] = {
	{ 0x01, "Leaf Information required" }, { 0, NULL }
};

static const struct tok aigp_names[] = { { 1, "AIGP" }, { 0, NULL } };

/* Address family numbers (IANA) as tcpdump names them. */
enum { AF_IP = 1, AF_IP6 = 2, AF_NSAP = 3, AF_VPLS = 25, AF_L2VPN = 196 };

static const struct tok afi_names[] = {
	{ 0, "Reserved" },
	{ 1, "IPv4" },
	{ 2, "IPv6" },
	{ 3, "NSAP" },
	{ 4, "HDLC" },
	{ 5, "BBN 1822" },
	{ 6, "802" },
	{ 7, "E.163" },
	{ 8, "E.164" },
	{ 9, "F.69" },
	{ 10, "X.121" },
	{ 11, "Novell IPX" },
	{ 12, "Appletalk" },
	{ 13, "Decnet IV" },
	{ 14, "Banyan Vines" },
	{ 15, "E.164 with NSAP subaddress" },
	{ 196, "Layer-2 VPN" },
	{ 25, "VPLS" },
	{ 0, NULL }
};

enum {
	SAFI_UNICAST = 1, SAFI_MULTICAST = 2, SAFI_UNIMULTICAST = 3,
	SAFI_LABUNICAST = 4, SAFI_MVPN = 5, SAFI_VPLS = 65, SAFI_MDT = 66,
	SAFI_VPNUNICAST = 128, SAFI_VPNMULTICAST = 129,
	SAFI_VPNUNIMULTICAST = 130, SAFI_RT_ROUTING_INFO = 132
};

static const struct tok safi_names[] = {
	{ 0, "Reserved" },
	{ 1, "Unicast" },
	{ 2, "Multicast" },
	{ 3, "Unicast+Multicast" },
	{ 4, "labeled Unicast" },
	{ 64, "Tunnel" },
	{ 65, "VPLS" },
	{ 66, "MDT" },
	{ 70, "EVPN" },
	{ 128, "labeled VPN Unicast" },
	{ 129, "labeled VPN Multicast" },
	{ 130, "labeled VPN Unicast+Multicast" },
	{ 132, "Route Target Routing Information" },
	{ 5, "Multicast VPN" },
	{ 0, NULL }
};

static const struct tok add_path_dir[] = {
	{ 1, "Receive" }, { 2, "Send" }, { 3, "Both" }, { 0, NULL }
};

/* Extended community types (RFC 4360 and friends), high and low octet. */
static const struct tok extcomm_flags[] = {
	{ 0x8000, "vendor-specific" }, { 0x4000, "non-transitive" }, { 0, NULL }
};

static const struct tok extcomm_names[] = {
	{ 0x0002, "target" },
	{ 0x0102, "target" },
	{ 0x0202, "target" },
	{ 0x0003, "origin" },
	{ 0x0103, "origin" },
	{ 0x0203, "origin" },
	{ 0x4004, "link-BW" },
	{ 0x0005, "ospf-domain" },
	{ 0x0105, "ospf-domain" },
	{ 0x0205, "ospf-domain" },
	{ 0x8005, "ospf-domain" },
	{ 0x0306, "ospf-route-type" },
	{ 0x8000, "ospf-route-type" },
	{ 0x030c, "encapsulation" },
	{ 0x0107, "ospf-router-id" },
	{ 0x8001, "ospf-router-id" },
	{ 0x800a, "layer2-info" },
	{ 0x8800, "eigrp-general-route (flag, tag)" },
	{ 0x8801, "eigrp-route-metric (AS, delay)" },
	{ 0x8802, "eigrp-route-metric (reliability, nexthop, bandwidth)" },
	{ 0x8803, "eigrp-route-metric (load, MTU)" },
	{ 0x8804, "eigrp-external-route (remote-AS, remote-ID)" },
	{ 0x8805, "eigrp-external-route (remote-proto, remote-metric)" },
	{ 0x0009, "source-AS" },
	{ 0x010b, "vrf-route-import" },
	{ 0x000a, "l2vpn-id" },
	{ 0xf10a, "l2vpn-id" },
	{ 0, NULL }
};

static const struct tok encap_tunnel_names[] = {
	{ 1, "L2TPv3 over IP" },
	{ 2, "GRE" },
	{ 3, "Transmit Tunnel" },
	{ 4, "IPsec" },
	{ 5, "IP in IP with IPsec" },
	{ 6, "MPLS in IP with IPsec" },
	{ 7, "IP in IP" },
	{ 8, "VXLAN" },
	{ 9, "NVGRE" },
	{ 10, "MPLS" },
	{ 11, "MPLS in GRE" },
	{ 12, "VXLAN GPE" },
	{ 13, "MPLS in UDP" },
	{ 14, "IPv6" },
	{ 15, "SR TE" },
	{ 16, "Bare" },
	{ 17, "SR" },
	{ 0, NULL }
};

static const struct tok ospf_rtype_names[] = {
	{ 1, "Router" },
	{ 2, "Network" },
	{ 3, "Summary" },
	{ 5, "External" },
	{ 7, "NSSA External" },
	{ 129, "MPLS-VPN Sham" },
	{ 0, NULL }
};

/* BGP layer 2 encapsulation types (RFC 6624 registry). */
static const struct tok l2_encaps_names[] = {
	{ 0, "Reserved" },
	{ 1, "Frame Relay" },
	{ 2, "ATM AAL5 SDU VCC transport" },
	{ 3, "ATM transparent cell transport" },
	{ 4, "Ethernet (VLAN) Tagged Mode" },
	{ 5, "Ethernet Raw Mode" },
	{ 6, "Cisco HDLC" },
	{ 7, "PPP" },
	{ 8, "SONET/SDH Circuit Emulation Service over MPLS" },
	{ 9, "ATM n-to-one VCC cell transport" },
	{ 10, "ATM n-to-one VPC cell transport" },
	{ 11, "IP layer 2 transport" },
	{ 15, "Frame Relay Port mode" },
	{ 17, "Structure-agnostic E1 over packet" },
	{ 18, "Structure-agnostic T1 (DS1) over packet" },
	{ 19, "VPLS" },
	{ 20, "Structure-agnostic T3 (DS3) over packet" },
	{ 21, "Nx64kbit/s Basic Service using Structure-aware" },
	{ 25, "Frame Relay DLCI" },
	{ 40, "Structure-agnostic E3 over packet" },
	{ 41, "Octet-aligned playload for Structure-agnostic DS1 circuits" },
	{ 42, "E1 Nx64kbit/s with CAS using Structure-aware" },
	{ 43, "DS1 (ESF) Nx64kbit/s with CAS using Structure-aware" },
	{ 0, NULL }
};

enum {
	MVPN_INTRA_AS_I_PMSI = 1, MVPN_INTER_AS_I_PMSI, MVPN_S_PMSI,
	MVPN_INTRA_AS_SEG_LEAF, MVPN_SOURCE_ACTIVE, MVPN_SHARED_TREE_JOIN,
	MVPN_SOURCE_TREE_JOIN
};

static const struct tok mvpn_route_names[] = {
	{ 1, "Intra-AS I-PMSI" },
	{ 2, "Inter-AS I-PMSI" },
	{ 3, "S-PMSI" },
	{ 4, "Intra-AS Segment-Leaf" },
	{ 5, "Source-Active" },
	{ 6, "Shared Tree Join" },
	{ 7, "Source Tree Join" },
	{ 0, NULL }
};

/* ------------------------------------------------------------------ */
/* A bounded string builder: NLRI text is printed only once complete. */

struct sbuf {
	size_t len;
	char s[512];
};

static void sb_mem(struct sbuf *b, const char *s, size_t n)
{
	if (n > sizeof b->s - 1 - b->len)
		n = sizeof b->s - 1 - b->len;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void sb_str(struct sbuf *b, const char *s)
{
	sb_mem(b, s, strlen(s));
}

static void sb_u(struct sbuf *b, uint64_t v)
{
	char tmp[24];
	size_t i = sizeof tmp;
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	sb_mem(b, tmp + i, sizeof tmp - i);
}

/* An AS number; with -b, 4-byte values above 65535 in asdot notation. */
static void sb_as(struct nd *nd, struct sbuf *b, uint32_t as)
{
	if (nd->o->bflag && as > 65535) {
		sb_u(b, as >> 16);
		sb_str(b, ".");
		sb_u(b, as & 0xffff);
	} else {
		sb_u(b, as);
	}
}

static void nd_as(struct nd *nd, uint32_t as)
{
	if (nd->o->bflag && as > 65535) {
		ND_U(nd, as >> 16);
		ND_CHR(nd, '.');
		ND_U(nd, as & 0xffff);
	} else {
		ND_U(nd, as);
	}
}

static void sb_hex2(struct sbuf *b, unsigned v)
{
	static const char hx[] = "0123456789abcdef";
	char t[2] = { hx[(v >> 4) & 0xf], hx[v & 0xf] };
	sb_mem(b, t, 2);
}

static void sb_ip4(struct sbuf *b, const uint8_t a[4])
{
	char t[20];
	size_t n = fmt_ip4(t, sizeof t, a);
	sb_mem(b, t, n);
}

static void sb_ip6(struct sbuf *b, const uint8_t a[16])
{
	char t[48];
	size_t n = fmt_ip6(t, sizeof t, a);
	sb_mem(b, t, n);
}

static void sb_tok(struct sbuf *b, const struct tok *t, const char *dflt, uint32_t v)
{
	const char *s = tok_find(t, v);
	sb_str(b, s ? s : dflt);
}

static void sb_print(struct nd *nd, const struct sbuf *b)
{
	out_mem(nd->out, b->s, b->len);
}

/* ISO NSAP address as tcpdump's isonsap_string prints it. */
static void sb_nsap(struct sbuf *b, const uint8_t *a, unsigned n)
{
	if (n < 1 || n > 20) {
		sb_str(b, "isonsap_string: illegal length");
		return;
	}
	for (unsigned i = 0; i < n; i++) {
		sb_hex2(b, a[i]);
		if ((i & 1) == 0 && i + 1 < n)
			sb_str(b, ".");
	}
}

/* Route distinguisher (RFC 4364), 8 bytes at p, read (checked) here. */
static void sb_rd(struct nd *nd, struct sbuf *b, const uint8_t *p)
{
	switch (GET_BE16(nd, p)) {
	case 0:
		nd_need(nd, p, 8);
		sb_u(b, GET_BE16(nd, p + 2));
		sb_str(b, ":");
		sb_u(b, GET_BE32(nd, p + 4));
		sb_str(b, " (= ");
		sb_ip4(b, p + 4);
		sb_str(b, ")");
		break;
	case 1:
		nd_need(nd, p, 8);
		sb_ip4(b, p + 2);
		sb_str(b, ":");
		sb_u(b, GET_BE16(nd, p + 6));
		break;
	case 2:
		nd_need(nd, p, 8);
		sb_as(nd, b, GET_BE32(nd, p + 2));
		sb_str(b, ":");
		sb_u(b, GET_BE16(nd, p + 6));
		sb_str(b, " (");
		sb_ip4(b, p + 2);
		sb_str(b, ":");
		sb_u(b, GET_BE16(nd, p + 6));
		sb_str(b, ")");
		break;
	default:
		sb_str(b, "unknown RD format");
		break;
	}
}

/* An address whose length is given in bits: 32 or 128, else complain. */
static void sb_vpn_ip(struct nd *nd, struct sbuf *b, const uint8_t *p, unsigned bits)
{
	if (bits == 32) {
		nd_need(nd, p, 4);
		sb_ip4(b, p);
	} else if (bits == 128) {
		nd_need(nd, p, 16);
		sb_ip6(b, p);
	} else {
		sb_str(b, "bogus address length ");
		sb_u(b, bits);
	}
}

static void sb_label(struct nd *nd, struct sbuf *b, const uint8_t *p)
{
	sb_str(b, ", label:");
	sb_u(b, GET_BE24(nd, p) >> 4);
	sb_str(b, (GET_U8(nd, p + 2) & 1) ? " (bottom)" : " (BOGUS: Bottom of Stack NOT set!)");
}

/* Copy a prefix of plen bits into a zeroed buffer and mask the last byte. */
static void copy_prefix(struct nd *nd, uint8_t *dst, size_t cap, const uint8_t *p, unsigned plen)
{
	unsigned n = (plen + 7) / 8;
	memset(dst, 0, cap);
	GET_CPY(nd, dst, p, n);
	if (plen % 8)
		dst[n - 1] &= (uint8_t)(0xff00 >> (plen % 8));
}

/* ------------------------------------------------------------------ */
/* NLRI decoders.  They return the bytes used, or:
 *   -1 illegal prefix length, -2 not enough bytes (item or capture),
 *   -3 item too short (labeled prefixes) - as tcpdump's decoders do. */

static int dec_prefix4(struct nd *nd, const uint8_t *p, unsigned itemlen, struct sbuf *b)
{
	uint8_t a[4];
	if (itemlen < 1)
		return -2;
	unsigned plen = GET_U8(nd, p);
	if (plen > 32)
		return -1;
	unsigned n = (plen + 7) / 8;
	if (itemlen - 1 < n)
		return -2;
	copy_prefix(nd, a, sizeof a, p + 1, plen);
	sb_ip4(b, a);
	sb_str(b, "/");
	sb_u(b, plen);
	return (int)(1 + n);
}

static int dec_prefix6(struct nd *nd, const uint8_t *p, unsigned itemlen, struct sbuf *b)
{
	uint8_t a[16];
	if (itemlen < 1)
		return -2;
	unsigned plen = GET_U8(nd, p);
	if (plen > 128)
		return -1;
	unsigned n = (plen + 7) / 8;
	if (itemlen - 1 < n)
		return -2;
	copy_prefix(nd, a, sizeof a, p + 1, plen);
	sb_ip6(b, a);
	sb_str(b, "/");
	sb_u(b, plen);
	return (int)(1 + n);
}

/* RFC 8277 labeled prefix: length (label bits included), one label, prefix. */
static int dec_labeled_prefix(struct nd *nd, const uint8_t *p, unsigned itemlen,
			      struct sbuf *b, int v6)
{
	uint8_t a[16];
	unsigned maxlen = v6 ? 128 : 32;
	if (!nd_ok(nd, p, 4))
		return -2;
	if (itemlen < 4)
		return -3;
	unsigned plen = GET_U8(nd, p);
	if (plen < 24)
		return -1;
	plen -= 24;
	if (plen > maxlen)
		return -1;
	itemlen -= 4;
	unsigned n = (plen + 7) / 8;
	if (!v6 && itemlen < n)
		return -3;
	copy_prefix(nd, a, sizeof a, p + 4, plen);
	if (v6)
		sb_ip6(b, a);
	else
		sb_ip4(b, a);
	sb_str(b, "/");
	sb_u(b, plen);
	sb_label(nd, b, p + 1);
	return (int)(4 + n);
}

/* RFC 4364 VPN prefix: length, label, RD, prefix. */
static int dec_vpn_prefix(struct nd *nd, const uint8_t *p, struct sbuf *b, int v6)
{
	uint8_t a[16];
	unsigned plen = GET_U8(nd, p);
	if (plen < 24 + 64)
		return -1;
	plen -= 24 + 64;
	if (plen > (v6 ? 128u : 32u))
		return -1;
	copy_prefix(nd, a, sizeof a, p + 12, plen);
	nd_need(nd, p, 12);
	sb_str(b, "RD: ");
	sb_rd(nd, b, p + 4);
	sb_str(b, ", ");
	if (v6)
		sb_ip6(b, a);
	else
		sb_ip4(b, a);
	sb_str(b, "/");
	sb_u(b, plen);
	sb_label(nd, b, p + 1);
	return (int)(12 + (plen + 7) / 8);
}

static int dec_clnp_prefix(struct nd *nd, const uint8_t *p, struct sbuf *b)
{
	uint8_t a[19];
	unsigned plen = GET_U8(nd, p);
	if (plen > 152)
		return -1;
	/* tcpdump reads the address 4 bytes in, not 1 */
	copy_prefix(nd, a, sizeof a, p + 4, plen);
	sb_nsap(b, a, (plen + 7) / 8);
	sb_str(b, "/");
	sb_u(b, plen);
	return (int)(1 + (plen + 7) / 8);
}

static int dec_vpn_clnp_prefix(struct nd *nd, const uint8_t *p, struct sbuf *b)
{
	uint8_t a[19];
	unsigned plen = GET_U8(nd, p);
	if (plen < 24 + 64)
		return -1;
	plen -= 24 + 64;
	if (plen > 152)
		return -1;
	copy_prefix(nd, a, sizeof a, p + 12, plen);
	nd_need(nd, p, 12);
	sb_str(b, "RD: ");
	sb_rd(nd, b, p + 4);
	sb_str(b, ", ");
	sb_nsap(b, a, (plen + 7) / 8);
	sb_str(b, "/");
	sb_u(b, plen);
	sb_label(nd, b, p + 1);
	return (int)(12 + (plen + 7) / 8);
}

/* RFC 4684 route target membership: the text of the route-target part. */
static void sb_rt_prefix(struct nd *nd, struct sbuf *b, const uint8_t *rt, unsigned plen)
{
	struct sbuf hex;
	if (plen == 0) {
		sb_str(b, "route-target: 0:0/0");
		return;
	}
	hex.len = 0;
	hex.s[0] = '\0';
	unsigned octets = (plen + 7) / 8;
	for (unsigned i = 0; i < octets; i++) {
		sb_hex2(&hex, rt[i]);
		if (i % 2 == 1 && i < octets - 1)
			sb_str(&hex, " ");
	}
	if (plen < 16) {
		sb_str(b, "route-target: partial-type: (");
		sb_str(b, hex.s);
		sb_str(b, "/");
		sb_u(b, plen);
		sb_str(b, ")");
		return;
	}
	unsigned type = (unsigned)rt[0] << 8 | rt[1];
	uint32_t w32 = (uint32_t)rt[2] << 24 | (uint32_t)rt[3] << 16 | (uint32_t)rt[4] << 8 | rt[5];
	switch (type) {
	case 0x0002:
		sb_str(b, "route-target: ");
		sb_u(b, (unsigned)rt[2] << 8 | rt[3]);
		sb_str(b, ":");
		sb_u(b, (uint32_t)rt[4] << 24 | (uint32_t)rt[5] << 16 | (uint32_t)rt[6] << 8 | rt[7]);
		break;
	case 0x0102:
		sb_str(b, "route-target: ");
		sb_ip4(b, rt + 2);
		sb_str(b, ":");
		sb_u(b, (unsigned)rt[6] << 8 | rt[7]);
		break;
	case 0x0202:
		sb_str(b, "route-target: ");
		sb_as(nd, b, w32);
		sb_str(b, ":");
		sb_u(b, (unsigned)rt[6] << 8 | rt[7]);
		break;
	default:
		sb_str(b, "route target: unknown-type(");
		sb_hex2(b, type >> 8);
		sb_hex2(b, type & 0xff);
		sb_str(b, ") (");
		sb_str(b, hex.s);
		sb_str(b, "/");
		sb_u(b, plen);
		sb_str(b, ")");
		return;
	}
	sb_str(b, "/");
	sb_u(b, plen);
	sb_str(b, " (");
	sb_str(b, hex.s);
	sb_str(b, ")");
}

/* Prints its own lines (tcpdump does too). */
static int dec_rt_routing_info(struct nd *nd, const uint8_t *p)
{
	uint8_t rt[8];
	struct sbuf b;
	unsigned plen = GET_U8(nd, p);
	if (plen == 0) {
		ND_STR(nd, "\n\t      default route target");
		return 1;
	}
	if (plen < 32) {
		ND_STR(nd, "\n\t      (illegal prefix length)");
		return -1;
	}
	uint32_t as = GET_BE32(nd, p + 1);
	plen -= 32;
	if (plen > 64) {
		ND_STR(nd, "\n\t      (illegal prefix length)");
		return -1;
	}
	copy_prefix(nd, rt, sizeof rt, p + 5, plen);
	b.len = 0;
	b.s[0] = '\0';
	sb_rt_prefix(nd, &b, rt, plen);
	ND_STR(nd, "\n\t      origin AS: ");
	nd_as(nd, as);
	ND_STR(nd, ", ");
	sb_print(nd, &b);
	return (int)(5 + (plen + 7) / 8);
}

/* Multicast source/group pair; returns the bytes it accounted for. */
static unsigned sb_mvpn_sg(struct nd *nd, struct sbuf *b, const uint8_t *p)
{
	unsigned total = 0;
	unsigned alen = GET_U8(nd, p);
	p++;
	if (!nd_ok(nd, p, alen >> 3))
		return total;
	total += (alen >> 3) + 1;
	if (alen) {
		sb_str(b, ", Source ");
		sb_vpn_ip(nd, b, p, alen);
		p += alen >> 3;
	}
	alen = GET_U8(nd, p);
	p++;
	if (!nd_ok(nd, p, alen >> 3))
		return total;
	total += (alen >> 3) + 1;
	if (alen) {
		sb_str(b, ", Group ");
		sb_vpn_ip(nd, b, p, alen);
	}
	return total;
}

static int dec_mvpn(struct nd *nd, const uint8_t *p, struct sbuf *b)
{
	unsigned type = GET_U8(nd, p);
	unsigned rlen = GET_U8(nd, p + 1);
	p += 2;
	sb_str(b, "Route-Type: ");
	sb_tok(b, mvpn_route_names, "Unknown", type);
	sb_str(b, " (");
	sb_u(b, type);
	sb_str(b, "), length: ");
	sb_u(b, rlen);
	switch (type) {
	case MVPN_INTRA_AS_I_PMSI:
		if (!nd_ok(nd, p, BGP_RD_LEN))
			return -2;
		sb_str(b, ", RD: ");
		sb_rd(nd, b, p);
		sb_str(b, ", Originator ");
		sb_vpn_ip(nd, b, p + BGP_RD_LEN, (rlen - BGP_RD_LEN) << 3);
		break;
	case MVPN_INTER_AS_I_PMSI:
		if (!nd_ok(nd, p, BGP_RD_LEN + 4))
			return -2;
		sb_str(b, ", RD: ");
		sb_rd(nd, b, p);
		sb_str(b, ", Source-AS ");
		sb_as(nd, b, GET_BE32(nd, p + BGP_RD_LEN));
		break;
	case MVPN_S_PMSI: {
		if (!nd_ok(nd, p, BGP_RD_LEN))
			return -2;
		sb_str(b, ", RD: ");
		sb_rd(nd, b, p);
		p += BGP_RD_LEN;
		unsigned sg = sb_mvpn_sg(nd, b, p);
		unsigned alen = rlen - sg;
		/* tcpdump looks for the originator where the S,G began */
		if (!nd_ok(nd, p, alen))
			return -2;
		sb_str(b, ", Originator ");
		sb_vpn_ip(nd, b, p, alen << 3);
		break;
	}
	case MVPN_SOURCE_ACTIVE:
		if (!nd_ok(nd, p, BGP_RD_LEN))
			return -2;
		sb_str(b, ", RD: ");
		sb_rd(nd, b, p);
		sb_mvpn_sg(nd, b, p + BGP_RD_LEN);
		break;
	case MVPN_SHARED_TREE_JOIN:
	case MVPN_SOURCE_TREE_JOIN:
		if (!nd_ok(nd, p, BGP_RD_LEN + 4))
			return -2;
		sb_str(b, ", RD: ");
		sb_rd(nd, b, p);
		sb_str(b, ", Source-AS ");
		sb_as(nd, b, GET_BE32(nd, p + BGP_RD_LEN));
		sb_mvpn_sg(nd, b, p + BGP_RD_LEN + 4);
		break;
	default:
		break;
	}
	return (int)rlen + 2;
}

static int dec_mdt_vpn(struct nd *nd, const uint8_t *p, struct sbuf *b)
{
	if (GET_U8(nd, p) != 16 * 8)
		return -1;
	if (!nd_ok(nd, p + 1, 8))
		return -2;
	nd_need(nd, p + 1, 16);
	sb_str(b, "RD: ");
	sb_rd(nd, b, p + 1);
	sb_str(b, ", VPN IP Address: ");
	sb_ip4(b, p + 9);
	sb_str(b, ", MC Group Address: ");
	sb_ip4(b, p + 13);
	return 17;
}

/* L2VPN / VPLS NLRI (RFC 4761 and the older draft format). */
static int dec_l2vpn(struct nd *nd, const uint8_t *p, struct sbuf *b)
{
	unsigned plen = GET_BE16(nd, p);
	unsigned tlen = plen;
	p += 2;
	if (plen == 12) {
		if (!nd_ok(nd, p, 12))
			return -2;
		sb_str(b, "RD: ");
		sb_rd(nd, b, p);
		sb_str(b, ", BGPNH: ");
		sb_ip4(b, p + 8);
		return (int)plen + 2;
	}
	if (plen <= 17)
		return -2;
	if (!nd_ok(nd, p, 15))
		return -2;
	sb_str(b, "RD: ");
	sb_rd(nd, b, p);
	sb_str(b, ", CE-ID: ");
	sb_u(b, GET_BE16(nd, p + 8));
	sb_str(b, ", Label-Block Offset: ");
	sb_u(b, GET_BE16(nd, p + 10));
	sb_str(b, ", Label Base ");
	sb_u(b, GET_BE24(nd, p + 12) >> 4);
	p += 15;
	tlen -= 15;
	while (tlen != 0) {
		if (tlen < 3) {
			sb_str(b, "\n\t\tran past the end");
			return (int)plen + 2;
		}
		unsigned type = GET_U8(nd, p);
		unsigned bits = GET_BE16(nd, p + 1);
		unsigned bytes = (bits + 7) / 8;
		p += 3;
		/* tcpdump does not count the TLV header against the length */
		if (type == 1) {
			sb_str(b, "\n\t\tcircuit status vector (");
			sb_u(b, type);
			sb_str(b, ") length: ");
			sb_u(b, bits);
			sb_str(b, ": 0x");
			while (bytes != 0) {
				if (tlen < 1) {
					sb_str(b, " (ran past the end)");
					return (int)plen + 2;
				}
				if (!nd_ok(nd, p, 1))
					return -2;
				sb_hex2(b, GET_U8(nd, p));
				p++;
				bytes--;
				tlen--;
			}
		} else {
			sb_str(b, "\n\t\tunknown TLV #");
			sb_u(b, type);
			sb_str(b, ", length: ");
			sb_u(b, bits);
			if (tlen < bytes) {
				sb_str(b, " (ran past the end)");
				return (int)plen + 2;
			}
			tlen -= bytes;
		}
	}
	return (int)plen + 2;
}

#define AFS(af, safi) ((unsigned)(af) << 8 | (unsigned)(safi))

static void print_illegal(struct nd *nd)
{
	ND_STR(nd, "\n\t    (illegal prefix length)");
}

static void print_item(struct nd *nd, const struct sbuf *b)
{
	ND_STR(nd, "\n\t      ");
	sb_print(nd, b);
}

/* One NLRI of the given family; -2 means the packet is truncated. */
static int nlri_print(struct nd *nd, unsigned af, unsigned safi, const uint8_t *p,
		      unsigned len, int add_path4, int add_path6)
{
	struct sbuf b;
	int adv;
	uint32_t path_id = 0;
	b.len = 0;
	b.s[0] = '\0';

	switch (AFS(af, safi)) {
	case AFS(AF_IP, SAFI_UNICAST):
	case AFS(AF_IP, SAFI_MULTICAST):
	case AFS(AF_IP, SAFI_UNIMULTICAST):
	case AFS(AF_IP6, SAFI_UNICAST):
	case AFS(AF_IP6, SAFI_MULTICAST):
	case AFS(AF_IP6, SAFI_UNIMULTICAST): {
		int ap = af == AF_IP ? add_path4 : add_path6;
		if (ap) {
			path_id = GET_BE32(nd, p);
			p += 4;
		}
		adv = af == AF_IP ? dec_prefix4(nd, p, len, &b) : dec_prefix6(nd, p, len, &b);
		if (adv == -1)
			print_illegal(nd);
		else if (adv != -2)
			print_item(nd, &b);
		if (ap) {
			ND_STR(nd, "   Path Id: ");
			ND_U(nd, path_id);
			adv += 4;
		}
		break;
	}
	case AFS(AF_IP, SAFI_LABUNICAST):
	case AFS(AF_IP6, SAFI_LABUNICAST):
		adv = dec_labeled_prefix(nd, p, len, &b, af == AF_IP6);
		if (adv == -1)
			print_illegal(nd);
		else if (adv == -2)
			return -2;
		else if (adv != -3)
			print_item(nd, &b);
		break;
	case AFS(AF_IP, SAFI_VPNUNICAST):
	case AFS(AF_IP, SAFI_VPNMULTICAST):
	case AFS(AF_IP, SAFI_VPNUNIMULTICAST):
	case AFS(AF_IP6, SAFI_VPNUNICAST):
	case AFS(AF_IP6, SAFI_VPNMULTICAST):
	case AFS(AF_IP6, SAFI_VPNUNIMULTICAST):
		adv = dec_vpn_prefix(nd, p, &b, af == AF_IP6);
		if (adv == -1)
			print_illegal(nd);
		else
			print_item(nd, &b);
		break;
	case AFS(AF_IP, SAFI_RT_ROUTING_INFO):
		adv = dec_rt_routing_info(nd, p);
		break;
	case AFS(AF_IP, SAFI_MVPN):
	case AFS(AF_IP6, SAFI_MVPN):
		adv = dec_mvpn(nd, p, &b);
		if (adv == -1)
			print_illegal(nd);
		else if (adv == -2)
			return -2;
		else
			print_item(nd, &b);
		break;
	case AFS(AF_IP, SAFI_MDT):
		adv = dec_mdt_vpn(nd, p, &b);
		if (adv == -1)
			print_illegal(nd);
		else if (adv == -2)
			return -2;
		else
			print_item(nd, &b);
		break;
	case AFS(AF_VPLS, SAFI_VPLS):
	case AFS(AF_L2VPN, SAFI_VPNUNICAST):
	case AFS(AF_L2VPN, SAFI_VPNMULTICAST):
	case AFS(AF_L2VPN, SAFI_VPNUNIMULTICAST):
		adv = dec_l2vpn(nd, p, &b);
		if (adv == -1)
			ND_STR(nd, "\n\t    (illegal length)");
		else if (adv == -2)
			return -2;
		else
			print_item(nd, &b);
		break;
	case AFS(AF_NSAP, SAFI_UNICAST):
	case AFS(AF_NSAP, SAFI_MULTICAST):
	case AFS(AF_NSAP, SAFI_UNIMULTICAST):
		adv = dec_clnp_prefix(nd, p, &b);
		if (adv == -1)
			print_illegal(nd);
		else
			print_item(nd, &b);
		break;
	case AFS(AF_NSAP, SAFI_VPNUNICAST):
	case AFS(AF_NSAP, SAFI_VPNMULTICAST):
	case AFS(AF_NSAP, SAFI_VPNUNIMULTICAST):
		adv = dec_vpn_clnp_prefix(nd, p, &b);
		if (adv == -1)
			print_illegal(nd);
		else
			print_item(nd, &b);
		break;
	default:
		ND_STR(nd, "\n\t    ERROR: no AFI ");
		ND_U(nd, af);
		ND_STR(nd, " / SAFI ");
		ND_U(nd, safi);
		ND_STR(nd, " decoder");
		adv = -4;
		break;
	}
	return adv;
}

/*
 * Without the OPEN we cannot know whether ADD-PATH (RFC 7911) is in use:
 * guess it is when the NLRI parse as path-id + prefix and not as plain
 * prefixes.
 */
static int guess_add_path(struct nd *nd, const uint8_t *p, unsigned length, unsigned maxplen)
{
	unsigned off, plen;
	if (length < 5)
		return 0;
	for (off = 0; off < length;) {
		off += 4;
		if (!nd_ok(nd, p + off, 1))
			break;
		plen = GET_U8(nd, p + off);
		if (plen > maxplen)
			return 0;
		off += 1 + (plen + 7) / 8;
	}
	if (off > length)
		return 0;
	for (off = 0; off < length;) {
		if (!nd_ok(nd, p + off, 1))
			break;
		plen = GET_U8(nd, p + off);
		if (plen < 1 || plen > maxplen)
			return 1;
		off += 1 + (plen + 7) / 8;
	}
	if (off > length)
		return 1;
	return 0;
}

/* AFI/SAFI line of MP_REACH/MP_UNREACH; 0 ok, -1 unsupported, -2 truncated. */
static int mp_af_print(struct nd *nd, const uint8_t *p, unsigned tlen, unsigned *afp, unsigned *safip)
{
	unsigned af = GET_BE16(nd, p);
	unsigned safi = GET_U8(nd, p + 2);
	*afp = af;
	*safip = safi;
	ND_STR(nd, "\n\t    AFI: ");
	const char *s = tok_find(afi_names, af);
	ND_STR(nd, s ? s : "Unknown AFI");
	ND_STR(nd, " (");
	ND_U(nd, af);
	ND_STR(nd, "), ");
	if (safi > 128)
		ND_STR(nd, "vendor specific ");
	ND_STR(nd, "SAFI: ");
	s = tok_find(safi_names, safi);
	ND_STR(nd, s ? s : "Unknown SAFI");
	ND_STR(nd, " (");
	ND_U(nd, safi);
	ND_CHR(nd, ')');

	switch (AFS(af, safi)) {
	case AFS(AF_IP, SAFI_UNICAST):
	case AFS(AF_IP, SAFI_MULTICAST):
	case AFS(AF_IP, SAFI_UNIMULTICAST):
	case AFS(AF_IP, SAFI_LABUNICAST):
	case AFS(AF_IP, SAFI_RT_ROUTING_INFO):
	case AFS(AF_IP, SAFI_VPNUNICAST):
	case AFS(AF_IP, SAFI_VPNMULTICAST):
	case AFS(AF_IP, SAFI_VPNUNIMULTICAST):
	case AFS(AF_IP, SAFI_MVPN):
	case AFS(AF_IP, SAFI_MDT):
	case AFS(AF_IP6, SAFI_UNICAST):
	case AFS(AF_IP6, SAFI_MULTICAST):
	case AFS(AF_IP6, SAFI_UNIMULTICAST):
	case AFS(AF_IP6, SAFI_LABUNICAST):
	case AFS(AF_IP6, SAFI_VPNUNICAST):
	case AFS(AF_IP6, SAFI_VPNMULTICAST):
	case AFS(AF_IP6, SAFI_VPNUNIMULTICAST):
	case AFS(AF_NSAP, SAFI_UNICAST):
	case AFS(AF_NSAP, SAFI_MULTICAST):
	case AFS(AF_NSAP, SAFI_UNIMULTICAST):
	case AFS(AF_NSAP, SAFI_VPNUNICAST):
	case AFS(AF_NSAP, SAFI_VPNMULTICAST):
	case AFS(AF_NSAP, SAFI_VPNUNIMULTICAST):
	case AFS(AF_L2VPN, SAFI_VPNUNICAST):
	case AFS(AF_L2VPN, SAFI_VPNMULTICAST):
	case AFS(AF_L2VPN, SAFI_VPNUNIMULTICAST):
	case AFS(AF_VPLS, SAFI_VPLS):
		return 0;
	default:
		if (!nd_ok(nd, p, tlen))
			return -2;
		ND_STR(nd, "\n\t    no AFI ");
		ND_U(nd, af);
		ND_STR(nd, " / SAFI ");
		ND_U(nd, safi);
		ND_STR(nd, " decoder");
		if (nd->o->vflag <= 1)
			nd_print_unknown_data(nd, p, "\n\t    ", tlen);
		return -1;
	}
}

static void print_invalid_len(struct nd *nd)
{
	ND_STR(nd, "invalid len");
}

/* Next hop(s) of MP_REACH_NLRI.  Returns 0, or -1 to stop the attribute. */
static int mp_nexthop_print(struct nd *nd, unsigned af, unsigned safi,
			    const uint8_t **pp, unsigned *tlenp, unsigned nhlen)
{
	const uint8_t *p = *pp;
	unsigned tlen = *tlenp;
	unsigned left = nhlen;
	unsigned count = 0;
	int ret = 0;
	struct sbuf b;

	ND_STR(nd, "\n\t    nexthop: ");
	while (left != 0) {
		unsigned need = 0;
		if (count++ > 0)
			ND_STR(nd, ", ");
		switch (AFS(af, safi)) {
		case AFS(AF_IP, SAFI_UNICAST):
		case AFS(AF_IP, SAFI_MULTICAST):
		case AFS(AF_IP, SAFI_UNIMULTICAST):
		case AFS(AF_IP, SAFI_LABUNICAST):
		case AFS(AF_IP, SAFI_RT_ROUTING_INFO):
		case AFS(AF_IP, SAFI_MVPN):
		case AFS(AF_IP, SAFI_MDT):
		case AFS(AF_VPLS, SAFI_VPLS):
		case AFS(AF_L2VPN, SAFI_VPNUNICAST):
		case AFS(AF_L2VPN, SAFI_VPNMULTICAST):
		case AFS(AF_L2VPN, SAFI_VPNUNIMULTICAST):
			need = 4;
			if (left >= need)
				nd_ipaddr(nd, p);
			break;
		case AFS(AF_IP, SAFI_VPNUNICAST):
		case AFS(AF_IP, SAFI_VPNMULTICAST):
		case AFS(AF_IP, SAFI_VPNUNIMULTICAST):
		case AFS(AF_IP6, SAFI_VPNUNICAST):
		case AFS(AF_IP6, SAFI_VPNMULTICAST):
		case AFS(AF_IP6, SAFI_VPNUNIMULTICAST):
			need = BGP_RD_LEN + (af == AF_IP ? 4 : 16);
			if (left >= need) {
				nd_need(nd, p, need);
				b.len = 0;
				b.s[0] = '\0';
				sb_rd(nd, &b, p);
				ND_STR(nd, "RD: ");
				sb_print(nd, &b);
				ND_STR(nd, ", ");
				if (af == AF_IP)
					nd_ipaddr(nd, p + BGP_RD_LEN);
				else
					nd_ip6addr(nd, p + BGP_RD_LEN);
			}
			break;
		case AFS(AF_IP6, SAFI_UNICAST):
		case AFS(AF_IP6, SAFI_MULTICAST):
		case AFS(AF_IP6, SAFI_UNIMULTICAST):
		case AFS(AF_IP6, SAFI_LABUNICAST):
			need = 16;
			if (left >= need)
				nd_ip6addr(nd, p);
			break;
		case AFS(AF_NSAP, SAFI_UNICAST):
		case AFS(AF_NSAP, SAFI_MULTICAST):
		case AFS(AF_NSAP, SAFI_UNIMULTICAST):
			nd_need(nd, p, left);
			b.len = 0;
			b.s[0] = '\0';
			sb_nsap(&b, p, left);
			sb_print(nd, &b);
			need = left;
			break;
		case AFS(AF_NSAP, SAFI_VPNUNICAST):
		case AFS(AF_NSAP, SAFI_VPNMULTICAST):
		case AFS(AF_NSAP, SAFI_VPNUNIMULTICAST):
			need = BGP_RD_LEN + 1;
			if (left >= need) {
				if (!nd_ok(nd, p, left))
					return -2;
				b.len = 0;
				b.s[0] = '\0';
				sb_str(&b, "RD: ");
				sb_rd(nd, &b, p);
				sb_str(&b, ", ");
				sb_nsap(&b, p + BGP_RD_LEN, left - BGP_RD_LEN);
				sb_print(nd, &b);
				if (GET_BE32(nd, p + BGP_RD_LEN) == 0x47000601) {
					ND_STR(nd, " = ");
					nd_ipaddr(nd, p + BGP_RD_LEN + 4);
				} else if (GET_BE24(nd, p + BGP_RD_LEN) == 0x350000) {
					ND_STR(nd, " = ");
					nd_ip6addr(nd, p + BGP_RD_LEN + 3);
				}
				need = left;
			}
			break;
		default:
			ND_STR(nd, "ERROR: no AFI ");
			ND_U(nd, af);
			ND_STR(nd, "/SAFI ");
			ND_U(nd, safi);
			ND_STR(nd, " nexthop decoder");
			need = left;
			ret = -1;
			break;
		}
		if (left < need) {
			print_invalid_len(nd);
			need = left;
		}
		p += need;
		tlen -= need;
		left -= need;
		if (ret < 0)
			break;
	}
	*pp = p;
	*tlenp = tlen;
	return ret;
}

static void ext_community_print(struct nd *nd, const uint8_t *p)
{
	unsigned type = GET_BE16(nd, p);
	switch (type) {
	case 0x0002:
	case 0x0003:
	case 0x000a:
		ND_U(nd, GET_BE16(nd, p + 2));
		ND_CHR(nd, ':');
		ND_U(nd, GET_BE32(nd, p + 4));
		ND_STR(nd, " (= ");
		nd_ipaddr(nd, p + 4);
		ND_CHR(nd, ')');
		break;
	case 0x0102:
	case 0x0103:
	case 0xf10a:
	case 0x010b:
		nd_ipaddr(nd, p + 2);
		ND_CHR(nd, ':');
		ND_U(nd, GET_BE16(nd, p + 6));
		break;
	case 0x0202:
	case 0x0203:
		nd_as(nd, GET_BE32(nd, p + 2));
		ND_CHR(nd, ':');
		ND_U(nd, GET_BE16(nd, p + 6));
		break;
	case 0x4004: {
		/* bandwidth is an IEEE float in bytes per second */
		union {
			uint32_t i;
			float f;
		} bw;
		bw.i = GET_BE32(nd, p + 4);
		float mbps = bw.f * 8;
		mbps = mbps / 1000000;
		out_fmt(nd->out, "bandwidth: %.3f Mbps", (double)mbps);
		break;
	}
	case 0x0005:
	case 0x0105:
	case 0x0205:
	case 0x8005:
	case 0x0107:
	case 0x8001:
		nd_ipaddr(nd, p + 2);
		break;
	case 0x0306:
	case 0x8000: {
		unsigned rtype = GET_U8(nd, p + 6);
		ND_STR(nd, "area:");
		nd_ipaddr(nd, p + 2);
		ND_STR(nd, ", router-type:");
		nd_tok(nd, ospf_rtype_names, "unknown (0x%02x)", rtype);
		ND_STR(nd, ", metric-type:");
		if (GET_U8(nd, p + 7) & 1)
			ND_STR(nd, "E2");
		if (rtype == 5 || rtype == 7)
			ND_STR(nd, "E1");
		break;
	}
	case 0x800a: {
		const char *s = tok_find(l2_encaps_names, GET_U8(nd, p + 2));
		ND_STR(nd, s ? s : "unknown encaps");
		ND_STR(nd, " Control Flags [0x");
		out_hex(nd->out, GET_U8(nd, p + 3), 2);
		ND_STR(nd, "]:MTU ");
		ND_U(nd, GET_BE16(nd, p + 4));
		break;
	}
	case 0x0009:
		ND_STR(nd, "AS ");
		ND_U(nd, GET_BE16(nd, p + 2));
		break;
	case 0x030c: {
		const char *s = tok_find(encap_tunnel_names, GET_BE16(nd, p + 6));
		ND_STR(nd, "Tunnel type: ");
		ND_STR(nd, s ? s : "unknown encaps");
		break;
	}
	default:
		for (int i = 2; i < 8; i++)
			out_hex(nd->out, GET_U8(nd, p + i), 2);
		break;
	}
}

static void attr_flags_print(struct nd *nd, unsigned flags)
{
	ND_STR(nd, ", Flags [");
	if (flags & 0x80)
		ND_CHR(nd, 'O');
	if (flags & 0x40)
		ND_CHR(nd, 'T');
	if (flags & 0x20)
		ND_CHR(nd, 'P');
	if (flags & 0x10)
		ND_CHR(nd, 'E');
	if (flags & 0xf) {
		ND_CHR(nd, '+');
		out_hex(nd->out, flags & 0xf, 1);
	}
	ND_CHR(nd, ']');
}

static void attr_head_print(struct nd *nd, const char *indent, unsigned type, unsigned len)
{
	ND_STR(nd, indent);
	const char *s = tok_find(attr_names, type);
	ND_STR(nd, s ? s : "Unknown Attribute");
	ND_STR(nd, " (");
	ND_U(nd, type);
	ND_STR(nd, "), length: ");
	ND_U(nd, len);
}

/* 2 or 4 byte AS numbers in an AS_PATH: try 2 and see if the segments fit. */
static unsigned as_path_as_size(struct nd *nd, unsigned type, const uint8_t *p, unsigned len)
{
	if (type == ATTR_AS4_PATH)
		return 4;
	const uint8_t *t = p;
	while (t < p + len) {
		unsigned seg = GET_U8(nd, t);
		if (seg < 1 || seg > 4)
			return 4;
		t += 2 + GET_U8(nd, t + 1) * 2;
	}
	return t == p + len ? 2 : 4;
}

static int attr_print(struct nd *nd, unsigned type, const uint8_t *p, unsigned len, unsigned level);

/* The body of one path attribute.  Returns 0 when truncated. */
static int attr_print(struct nd *nd, unsigned type, const uint8_t *p, unsigned len, unsigned level)
{
	const uint8_t *t = p;
	unsigned tlen = len;

	switch (type) {
	case ATTR_ORIGIN:
		if (len != 1) {
			print_invalid_len(nd);
		} else {
			const char *s = tok_find(origin_names, GET_U8(nd, t));
			ND_STR(nd, s ? s : "Unknown Origin Typecode");
		}
		break;
	case ATTR_AS4_PATH:
	case ATTR_AS_PATH: {
		if (len % 2) {
			print_invalid_len(nd);
			break;
		}
		if (!len) {
			ND_STR(nd, "empty");
			break;
		}
		unsigned as_size = as_path_as_size(nd, type, p, len);
		while (t < p + len) {
			unsigned seg = GET_U8(nd, t);
			const char *s = tok_find(seg_open, seg);
			ND_STR(nd, s ? s : "?");
			for (unsigned i = 0; i < GET_U8(nd, t + 1) * as_size; i += as_size) {
				if (!nd_ok(nd, t + 2 + i, as_size))
					return 0;
				nd_as(nd, as_size == 2 ? GET_BE16(nd, t + 2 + i) : GET_BE32(nd, t + 2 + i));
				ND_CHR(nd, ' ');
			}
			s = tok_find(seg_close, seg);
			ND_STR(nd, s ? s : "?");
			t += 2 + GET_U8(nd, t + 1) * as_size;
		}
		break;
	}
	case ATTR_NEXT_HOP:
	case ATTR_ORIGINATOR_ID:
		if (len != 4)
			print_invalid_len(nd);
		else
			nd_ipaddr(nd, t);
		break;
	case ATTR_MED:
	case ATTR_LOCAL_PREF:
		if (len != 4)
			print_invalid_len(nd);
		else
			ND_U(nd, GET_BE32(nd, t));
		break;
	case ATTR_ATOMIC_AGG:
		if (len != 0)
			print_invalid_len(nd);
		break;
	case ATTR_AGGREGATOR:
	case ATTR_AGGREGATOR4:
		if ((type == ATTR_AGGREGATOR && len != 6 && len != 8) ||
		    (type == ATTR_AGGREGATOR4 && len != 8)) {
			print_invalid_len(nd);
			break;
		}
		if (type == ATTR_AGGREGATOR && !nd_ok(nd, t, len))
			return 0;
		nd_need(nd, t, len);
		ND_STR(nd, " AS #");
		if (len == 6) {
			ND_U(nd, GET_BE16(nd, t));
			ND_STR(nd, ", origin ");
			nd_ipaddr(nd, t + 2);
		} else {
			nd_as(nd, GET_BE32(nd, t));
			ND_STR(nd, ", origin ");
			nd_ipaddr(nd, t + 4);
		}
		break;
	case ATTR_COMMUNITIES:
		if (len % 4) {
			print_invalid_len(nd);
			break;
		}
		while (tlen != 0) {
			if (!nd_ok(nd, t, 4) || tlen < 4)
				return 0;
			uint32_t comm = GET_BE32(nd, t);
			if (comm == 0xffffff01)
				ND_STR(nd, " NO_EXPORT");
			else if (comm == 0xffffff02)
				ND_STR(nd, " NO_ADVERTISE");
			else if (comm == 0xffffff03)
				ND_STR(nd, " NO_EXPORT_SUBCONFED");
			else {
				ND_U(nd, comm >> 16);
				ND_CHR(nd, ':');
				ND_U(nd, comm & 0xffff);
				if (tlen > 4)
					ND_STR(nd, ", ");
			}
			tlen -= 4;
			t += 4;
		}
		break;
	case ATTR_CLUSTER_LIST:
		if (len % 4) {
			print_invalid_len(nd);
			break;
		}
		while (tlen != 0) {
			nd_ipaddr(nd, t);
			if (tlen > 4)
				ND_STR(nd, ", ");
			tlen -= 4;
			t += 4;
		}
		break;
	case ATTR_MP_REACH: {
		unsigned af, safi;
		if (!nd_ok(nd, t, 3) || tlen < 3)
			return 0;
		int r = mp_af_print(nd, t, tlen, &af, &safi);
		if (r == -2)
			return 0;
		if (r < 0)
			break;
		t += 3;
		tlen -= 3;
		if (!nd_ok(nd, t, 1) || tlen < 1)
			return 0;
		unsigned nhlen = GET_U8(nd, t);
		t++;
		tlen--;
		if (nhlen) {
			if (tlen < nhlen)
				return 0;
			r = mp_nexthop_print(nd, af, safi, &t, &tlen, nhlen);
			if (r == -2)
				return 0;
			if (r < 0)
				goto done;
		}
		ND_STR(nd, ", nh-length: ");
		ND_U(nd, nhlen);
		if (tlen < 1)
			return 0;
		unsigned snpa = GET_U8(nd, t);
		t++;
		tlen--;
		if (snpa) {
			ND_STR(nd, "\n\t    ");
			ND_U(nd, snpa);
			ND_STR(nd, " SNPA");
			for (; snpa != 0; snpa--) {
				if (tlen < 1)
					return 0;
				unsigned sl = GET_U8(nd, t);
				ND_STR(nd, "\n\t      ");
				ND_U(nd, sl);
				ND_STR(nd, " bytes");
				t++;
				tlen--;
				if (tlen < sl || !nd_ok(nd, t, sl))
					return 0;
				t += sl;
				tlen -= sl;
			}
		} else {
			ND_STR(nd, ", no SNPA");
		}
		unsigned rest = len - (unsigned)(t - p);
		int ap4 = guess_add_path(nd, t, rest, 32);
		int ap6 = guess_add_path(nd, t, rest, 128);
		while (t < p + len) {
			int adv = nlri_print(nd, af, safi, t, len, ap4, ap6);
			if (adv == -2)
				return 0;
			if (adv < 0)
				break;
			t += adv;
		}
		break;
	}
	case ATTR_MP_UNREACH: {
		unsigned af, safi;
		if (!nd_ok(nd, t, 3))
			return 0;
		int r = mp_af_print(nd, t, tlen, &af, &safi);
		if (r == -2)
			return 0;
		if (r < 0)
			break;
		if (len == 3)
			ND_STR(nd, "\n\t      End-of-Rib Marker (empty NLRI)");
		t += 3;
		unsigned rest = len - 3;
		int ap4 = guess_add_path(nd, t, rest, 32);
		int ap6 = guess_add_path(nd, t, rest, 128);
		while (t < p + len) {
			int adv = nlri_print(nd, af, safi, t, len, ap4, ap6);
			if (adv == -2)
				return 0;
			if (adv < 0)
				break;
			t += adv;
		}
		break;
	}
	case ATTR_EXT_COMMUNITIES:
		if (len % 8) {
			print_invalid_len(nd);
			break;
		}
		while (tlen != 0) {
			if (!nd_ok(nd, t, 2) || tlen < 2)
				return 0;
			unsigned ec = GET_BE16(nd, t);
			ND_STR(nd, "\n\t    ");
			const char *s = tok_find(extcomm_names, ec);
			ND_STR(nd, s ? s : "unknown extd community typecode");
			ND_STR(nd, " (0x");
			out_hex(nd->out, ec, 4);
			ND_STR(nd, "), Flags [");
			nd_bits(nd, extcomm_flags, ec, ", ");
			ND_CHR(nd, ']');
			if (!nd_ok(nd, t, 8) || tlen < 8)
				return 0;
			ND_STR(nd, ": ");
			ext_community_print(nd, t);
			tlen -= 8;
			t += 8;
		}
		break;
	case ATTR_PMSI_TUNNEL: {
		if (!nd_ok(nd, t, 5) || tlen < 5)
			return 0;
		unsigned flags = GET_U8(nd, t);
		unsigned ttype = GET_U8(nd, t + 1);
		ND_STR(nd, "\n\t    Tunnel-type ");
		nd_tok(nd, pmsi_tunnel_names, "Unknown", ttype);
		ND_STR(nd, " (");
		ND_U(nd, ttype);
		ND_STR(nd, "), Flags [");
		nd_bits(nd, pmsi_flags, flags, ", ");
		ND_STR(nd, "], MPLS Label ");
		ND_U(nd, GET_BE24(nd, t + 2) >> 4);
		t += 5;
		tlen -= 5;
		switch (ttype) {
		case 4:
		case 5:
		case 3:
			nd_need(nd, t, 8);
			ND_STR(nd, ttype == 3 ? "\n\t      Root-Node " : "\n\t      Sender ");
			nd_ipaddr(nd, t);
			ND_STR(nd, ", P-Group ");
			nd_ipaddr(nd, t + 4);
			break;
		case 6:
			nd_need(nd, t, 4);
			ND_STR(nd, "\n\t      Tunnel-Endpoint ");
			nd_ipaddr(nd, t);
			break;
		case 2:
		case 7:
		case 1:
			nd_need(nd, t, 8);
			ND_STR(nd, ttype == 1 ? "\n\t      Extended-Tunnel-ID " : "\n\t      Root-Node ");
			nd_ipaddr(nd, t);
			ND_STR(nd, ttype == 1 ? ", P2MP-ID 0x" : ", LSP-ID 0x");
			out_hex(nd->out, GET_BE32(nd, t + 4), 8);
			break;
		default:
			if (nd->o->vflag <= 1)
				nd_print_unknown_data(nd, t, "\n\t      ", tlen);
			break;
		}
		break;
	}
	case ATTR_AIGP:
		while (tlen >= 3) {
			unsigned at = GET_U8(nd, t);
			unsigned al = GET_BE16(nd, t + 1);
			t += 3;
			tlen -= 3;
			ND_STR(nd, "\n\t    ");
			nd_tok(nd, aigp_names, "Unknown", at);
			ND_STR(nd, " TLV (");
			ND_U(nd, at);
			ND_STR(nd, "), length ");
			ND_U(nd, al);
			if (al < 3)
				return 0;
			al -= 3;
			if (tlen < al)
				return 0;
			if (at == 1) {
				if (al < 8)
					return 0;
				ND_STR(nd, ", metric ");
				ND_U(nd, GET_BE64(nd, t));
			} else if (nd->o->vflag <= 1) {
				nd_print_unknown_data(nd, t, "\n\t      ", al);
			}
			t += al;
			tlen -= al;
		}
		break;
	case ATTR_ATTR_SET:
		if (!nd_ok(nd, t, 4) || len < 4)
			return 0;
		ND_STR(nd, "\n\t    Origin AS: ");
		nd_as(nd, GET_BE32(nd, t));
		t += 4;
		len -= 4;
		while (len) {
			if (!nd_ok(nd, t, 2))
				return 0;
			if (len < 2) {
				ND_STR(nd, " [path attr too short]");
				t += len;
				break;
			}
			unsigned aflags = GET_U8(nd, t);
			unsigned atype = GET_U8(nd, t + 1);
			t += 2;
			len -= 2;
			unsigned lenlen = (aflags & 0x10) ? 2 : 1;
			if (!nd_ok(nd, t, lenlen))
				return 0;
			if (len < lenlen) {
				ND_STR(nd, " [path attr too short]");
				t += len;
				break;
			}
			unsigned alen = lenlen == 2 ? GET_BE16(nd, t) : GET_U8(nd, t);
			t += lenlen;
			len -= lenlen;
			attr_head_print(nd, "\n\t      ", atype, alen);
			if (aflags)
				attr_flags_print(nd, aflags);
			ND_STR(nd, ": ");
			if (len < alen) {
				ND_STR(nd, " [path attr too short]");
				t += len;
				break;
			}
			if (level == 10)
				ND_STR(nd, "(too many nested levels, not recursing)");
			else if (!attr_print(nd, atype, t, alen, level + 1))
				return 0;
			t += alen;
			len -= alen;
		}
		break;
	case ATTR_LARGE_COMMUNITY:
		if (len == 0 || len % 12) {
			print_invalid_len(nd);
			break;
		}
		ND_STR(nd, "\n\t    ");
		while (len != 0) {
			nd_need(nd, t, 12);
			ND_U(nd, GET_BE32(nd, t));
			ND_CHR(nd, ':');
			ND_U(nd, GET_BE32(nd, t + 4));
			ND_CHR(nd, ':');
			ND_U(nd, GET_BE32(nd, t + 8));
			if (len > 12)
				ND_STR(nd, ", ");
			t += 12;
			len -= 12;
		}
		break;
	default:
		if (!nd_ok(nd, p, len))
			return 0;
		ND_STR(nd, "\n\t    no Attribute ");
		ND_U(nd, type);
		ND_STR(nd, " decoder");
		if (nd->o->vflag <= 1)
			nd_print_unknown_data(nd, p, "\n\t    ", len);
		break;
	}
done:
	if (nd->o->vflag > 1 && len) {
		if (!nd_ok(nd, p, len))
			return 0;
		nd_print_unknown_data(nd, p, "\n\t    ", len);
	}
	return 1;
}

/* ------------------------------------------------------------------ */
/* Messages */

static void af_safi_print(struct nd *nd, unsigned af, unsigned safi)
{
	ND_STR(nd, "AFI ");
	nd_tok(nd, afi_names, "Unknown", af);
	ND_STR(nd, " (");
	ND_U(nd, af);
	ND_STR(nd, "), SAFI ");
	nd_tok(nd, safi_names, "Unknown", safi);
	ND_STR(nd, " (");
	ND_U(nd, safi);
	ND_CHR(nd, ')');
}

/* Capabilities (RFC 5492) inside an OPEN optional parameter. */
static void capabilities_print(struct nd *nd, const uint8_t *opt, unsigned caps_len)
{
	unsigned i = 0;
	while (i < caps_len) {
		const uint8_t *c = opt + i;
		if (!nd_ok(nd, c, 2))
			goto trunc;
		unsigned type = GET_U8(nd, c);
		unsigned clen = GET_U8(nd, c + 1);
		ND_STR(nd, "\n\t      ");
		nd_tok(nd, cap_names, "Unknown", type);
		ND_STR(nd, " (");
		ND_U(nd, type);
		ND_STR(nd, "), length: ");
		ND_U(nd, clen);
		if (!nd_ok(nd, c + 2, clen))
			goto trunc;
		const uint8_t *v = c + 2;
		switch (type) {
		case CAP_MP:
			if (clen < 4) {
				ND_STR(nd, " (too short, < 4)");
				return;
			}
			ND_STR(nd, "\n\t\t");
			af_safi_print(nd, GET_BE16(nd, v), GET_U8(nd, v + 3));
			break;
		case CAP_ML:
			for (unsigned off = 0, left = clen; left >= 4; left -= 4, off += 4) {
				ND_STR(nd, "\n\t\t");
				af_safi_print(nd, GET_BE16(nd, v + off), GET_U8(nd, v + off + 2));
				ND_STR(nd, ", Count: ");
				ND_U(nd, GET_U8(nd, v + off + 3));
			}
			break;
		case CAP_RESTART:
			if (clen < 2) {
				ND_STR(nd, " (too short, < 2)");
				return;
			}
			ND_STR(nd, "\n\t\tRestart Flags: [");
			ND_STR(nd, (GET_U8(nd, v) & 0x80) ? "R" : "none");
			ND_STR(nd, "], Restart Time ");
			ND_U(nd, GET_BE16(nd, v) & 0xfff);
			ND_CHR(nd, 's');
			for (unsigned off = 2, left = clen - 2; left >= 4; left -= 4, off += 4) {
				ND_STR(nd, "\n\t\t  ");
				af_safi_print(nd, GET_BE16(nd, v + off), GET_U8(nd, v + off + 2));
				ND_STR(nd, ", Forwarding state preserved: ");
				ND_STR(nd, (GET_U8(nd, v + off + 3) & 0x80) ? "yes" : "no");
			}
			break;
		case CAP_RR:
		case CAP_LLGR:
		case CAP_RR_CISCO:
			break;
		case CAP_AS4:
			if (clen < 4) {
				ND_STR(nd, " (too short, < 4)");
				return;
			}
			ND_STR(nd, "\n\t\t 4 Byte AS ");
			nd_as(nd, GET_BE32(nd, v));
			break;
		case CAP_ADD_PATH:
			if (clen == 0) {
				ND_STR(nd, " (bogus)");
				break;
			}
			for (unsigned off = 0, left = clen; left != 0; left -= 4, off += 4) {
				if (left < 4) {
					nd_print_invalid(nd);
					break;
				}
				ND_STR(nd, "\n\t\t");
				af_safi_print(nd, GET_BE16(nd, v + off), GET_U8(nd, v + off + 2));
				ND_STR(nd, ", Send/Receive: ");
				nd_tok(nd, add_path_dir, "Bogus (0x%02x)", GET_U8(nd, v + off + 3));
			}
			break;
		default:
			ND_STR(nd, "\n\t\tno decoder for Capability ");
			ND_U(nd, type);
			if (nd->o->vflag <= 1)
				nd_print_unknown_data(nd, v, "\n\t\t", clen);
			break;
		}
		if (nd->o->vflag > 1 && clen != 0)
			nd_print_unknown_data(nd, v, "\n\t\t", clen);
		i += 2 + clen;
	}
	return;
trunc:
	nd_print_trunc(nd);
}

static void open_print(struct nd *nd, const uint8_t *p, unsigned length)
{
	if (!nd_ok(nd, p, BGP_OPEN_LEN) || length < BGP_OPEN_LEN)
		goto trunc;
	ND_STR(nd, "\n\t  Version ");
	ND_U(nd, GET_U8(nd, p + 19));
	ND_STR(nd, ", my AS ");
	ND_U(nd, GET_BE16(nd, p + 20));
	ND_STR(nd, ", Holdtime ");
	ND_U(nd, GET_BE16(nd, p + 22));
	ND_STR(nd, "s, ID ");
	nd_ipaddr(nd, p + 24);
	unsigned optslen = GET_U8(nd, p + 28);
	ND_STR(nd, "\n\t  Optional parameters, length: ");
	ND_U(nd, optslen);

	const uint8_t *opt = p + BGP_OPEN_LEN;
	length -= BGP_OPEN_LEN;
	unsigned i = 0;
	while (i < optslen) {
		if (!nd_ok(nd, opt + i, 2) || length < 2 + i)
			goto trunc;
		unsigned otype = GET_U8(nd, opt + i);
		unsigned olen = GET_U8(nd, opt + i + 1);
		if (2 + i + olen > optslen) {
			ND_STR(nd, "\n\t     Option ");
			ND_U(nd, otype);
			ND_STR(nd, ", length: ");
			ND_U(nd, olen);
			ND_STR(nd, ", goes past the end of the options");
			break;
		}
		ND_STR(nd, "\n\t    Option ");
		nd_tok(nd, opt_names, "Unknown", otype);
		ND_STR(nd, " (");
		ND_U(nd, otype);
		ND_STR(nd, "), length: ");
		ND_U(nd, olen);
		if (otype == 2) {
			capabilities_print(nd, opt + i + 2, olen);
		} else {
			ND_STR(nd, "\n\t      no decoder for option ");
			ND_U(nd, otype);
		}
		i += 2 + olen;
	}
	return;
trunc:
	nd_print_trunc(nd);
}

static void prefix_line(struct nd *nd, const struct sbuf *b, int add_path, uint32_t path_id)
{
	ND_STR(nd, "\n\t    ");
	sb_print(nd, b);
	if (add_path) {
		ND_STR(nd, "   Path Id: ");
		ND_U(nd, path_id);
	}
}

static void update_print(struct nd *nd, const uint8_t *dat, unsigned length)
{
	const uint8_t *p = dat + BGP_HDR_LEN;
	struct sbuf b;
	uint32_t path_id = 0;
	int add_path;

	length -= BGP_HDR_LEN;
	if (!nd_ok(nd, p, 2) || length < 2)
		goto trunc;
	unsigned wlen = GET_BE16(nd, p);
	p += 2;
	length -= 2;
	if (wlen > 1) {
		/* withdrawn routes are IPv4 only here */
		if (!nd_ok(nd, p, wlen) || length < wlen)
			goto trunc;
		ND_STR(nd, "\n\t  Withdrawn routes:");
		add_path = guess_add_path(nd, p, wlen, 32);
		while (wlen != 0) {
			if (add_path) {
				if (wlen < 4) {
					p += wlen;
					length -= wlen;
					break;
				}
				path_id = GET_BE32(nd, p);
				p += 4;
				length -= 4;
				wlen -= 4;
			}
			b.len = 0;
			b.s[0] = '\0';
			int n = dec_prefix4(nd, p, wlen, &b);
			if (n == -1) {
				print_illegal(nd);
				break;
			} else if (n == -2) {
				goto trunc;
			}
			prefix_line(nd, &b, add_path, path_id);
			p += n;
			length -= (unsigned)n;
			wlen -= (unsigned)n;
		}
	} else {
		if (!nd_ok(nd, p, wlen) || length < wlen)
			goto trunc;
		p += wlen;
		length -= wlen;
	}

	if (!nd_ok(nd, p, 2) || length < 2)
		goto trunc;
	unsigned alen_total = GET_BE16(nd, p);
	p += 2;
	length -= 2;
	if (wlen == 0 && alen_total == 0 && length == 0) {
		ND_STR(nd, "\n\t  End-of-Rib Marker (empty NLRI)");
		return;
	}

	if (alen_total) {
		unsigned len = alen_total;
		if (length < len)
			goto trunc;
		while (len) {
			if (!nd_ok(nd, p, 2) || length < 2)
				goto trunc;
			if (len < 2) {
				ND_STR(nd, "\n\t  [path attrs too short]");
				p += len;
				length -= len;
				break;
			}
			unsigned aflags = GET_U8(nd, p);
			unsigned atype = GET_U8(nd, p + 1);
			p += 2;
			len -= 2;
			length -= 2;
			unsigned lenlen = (aflags & 0x10) ? 2 : 1;
			if (!nd_ok(nd, p, lenlen) || length < lenlen)
				goto trunc;
			if (len < lenlen) {
				ND_STR(nd, "\n\t  [path attrs too short]");
				p += len;
				length -= len;
				break;
			}
			unsigned alen = lenlen == 2 ? GET_BE16(nd, p) : GET_U8(nd, p);
			p += lenlen;
			len -= lenlen;
			length -= lenlen;
			attr_head_print(nd, "\n\t  ", atype, alen);
			if (aflags) {
				attr_flags_print(nd, aflags);
				ND_STR(nd, ": ");
			}
			if (len < alen) {
				ND_STR(nd, " [path attrs too short]");
				p += len;
				length -= len;
				break;
			}
			if (length < alen)
				goto trunc;
			if (!attr_print(nd, atype, p, alen, 0))
				goto trunc;
			p += alen;
			len -= alen;
			length -= alen;
		}
	}

	if (length) {
		add_path = guess_add_path(nd, p, length, 32);
		ND_STR(nd, "\n\t  Updated routes:");
		while (length != 0) {
			if (add_path) {
				if (!nd_ok(nd, p, 4) || length < 4)
					goto trunc;
				path_id = GET_BE32(nd, p);
				p += 4;
				length -= 4;
			}
			b.len = 0;
			b.s[0] = '\0';
			int n = dec_prefix4(nd, p, length, &b);
			if (n == -1) {
				print_illegal(nd);
				break;
			} else if (n == -2) {
				goto trunc;
			}
			prefix_line(nd, &b, add_path, path_id);
			p += n;
			length -= (unsigned)n;
		}
	}
	return;
trunc:
	nd_print_trunc(nd);
}

static void subcode_print(struct nd *nd, const char *sep, const struct tok *t, unsigned minor)
{
	ND_STR(nd, sep);
	ND_STR(nd, "subcode ");
	nd_tok(nd, t, "Unknown", minor);
	ND_STR(nd, " (");
	ND_U(nd, minor);
	ND_CHR(nd, ')');
}

static void notification_print(struct nd *nd, const uint8_t *dat, unsigned length)
{
	if (!nd_ok(nd, dat, BGP_NOTIF_LEN)) {
		nd_print_trunc(nd);
		return;
	}
	if (length < BGP_NOTIF_LEN)
		return;
	unsigned major = GET_U8(nd, dat + 19);
	unsigned minor = GET_U8(nd, dat + 20);
	const uint8_t *t = dat + BGP_NOTIF_LEN;

	ND_STR(nd, ", ");
	nd_tok(nd, notify_major, "Unknown Error", major);
	ND_STR(nd, " (");
	ND_U(nd, major);
	ND_CHR(nd, ')');
	switch (major) {
	case 1:
		subcode_print(nd, ", ", notify_minor_msg, minor);
		break;
	case 2:
		subcode_print(nd, ", ", notify_minor_open, minor);
		break;
	case 3:
		subcode_print(nd, ", ", notify_minor_update, minor);
		break;
	case 5:
		subcode_print(nd, " ", notify_minor_fsm, minor);
		break;
	case 7:
		subcode_print(nd, " ", notify_minor_cap, minor);
		break;
	case 6:
		subcode_print(nd, ", ", notify_minor_cease, minor);
		if (minor == 1 && length >= BGP_NOTIF_LEN + 7) {
			nd_need(nd, t, 7);
			ND_STR(nd, ", ");
			af_safi_print(nd, GET_BE16(nd, t), GET_U8(nd, t + 2));
			ND_STR(nd, ", Max Prefixes: ");
			ND_U(nd, GET_BE32(nd, t + 3));
		}
		/* RFC 9003 shutdown communication */
		if ((minor == 2 || minor == 4) && length >= BGP_NOTIF_LEN + 1) {
			unsigned clen = GET_U8(nd, t);
			unsigned rem = 0;
			if (clen > length - (BGP_NOTIF_LEN + 1)) {
				ND_STR(nd, ", invalid Shutdown Communication length");
			} else if (clen == 0) {
				ND_STR(nd, ", empty Shutdown Communication");
				rem = 1;
			} else {
				ND_STR(nd, ", Shutdown Communication (length: ");
				ND_U(nd, clen);
				ND_STR(nd, "): \"");
				nd_printjn(nd, t + 1, clen);
				ND_CHR(nd, '"');
				rem = clen + 1;
			}
			unsigned left = length - (rem + BGP_NOTIF_LEN);
			if (left > 0) {
				ND_STR(nd, ", Data: (length: ");
				ND_U(nd, left);
				ND_CHR(nd, ')');
				nd_hex_ascii(nd, "\n\t\t", t + rem, left, 0);
			}
		}
		break;
	default:
		break;
	}
}

static void route_refresh_print(struct nd *nd, const uint8_t *p, unsigned len)
{
	if (!nd_ok(nd, p, BGP_RR_LEN)) {
		nd_print_trunc(nd);
		return;
	}
	if (len < BGP_RR_LEN)
		return;
	ND_STR(nd, "\n\t  ");
	af_safi_print(nd, GET_BE16(nd, p + 19), GET_U8(nd, p + 22));
	if (nd->o->vflag > 1) {
		if (!nd_ok(nd, p, len)) {
			nd_print_trunc(nd);
			return;
		}
		nd_print_unknown_data(nd, p, "\n\t  ", len);
	}
}

static void message_print(struct nd *nd, const uint8_t *p, unsigned length)
{
	unsigned type = GET_U8(nd, p + 18);
	ND_STR(nd, "\n\t");
	nd_tok(nd, msg_names, "Unknown", type);
	ND_STR(nd, " Message (");
	ND_U(nd, type);
	ND_STR(nd, "), length: ");
	ND_U(nd, length);
	switch (type) {
	case MSG_OPEN:
		open_print(nd, p, length);
		break;
	case MSG_UPDATE:
		update_print(nd, p, length);
		break;
	case MSG_NOTIFICATION:
		notification_print(nd, p, length);
		break;
	case MSG_KEEPALIVE:
		break;
	case MSG_ROUTE_REFRESH:
		route_refresh_print(nd, p, length);
		break;
	default:
		ND_STR(nd, "\n\t  no Message ");
		ND_U(nd, type);
		ND_STR(nd, " decoder");
		nd_print_unknown_data(nd, p, "\n\t  ", length);
		break;
	}
}

static int is_marker(struct nd *nd, const uint8_t *p)
{
	for (int i = 0; i < 16; i++)
		if (GET_U8(nd, p + i) != 0xff)
			return 0;
	return 1;
}

void bgp_print(struct nd *nd, const uint8_t *dat, uint32_t len)
{
	(void)len;
	nd->protocol = "bgp";
	ND_STR(nd, ": BGP");
	if (nd->o->vflag < 1)
		return;

	/* Messages are found by their marker; bytes before one are skipped. */
	const uint8_t *p = dat;
	const uint8_t *start = p;
	while (nd_ok(nd, p, 1)) {
		if (GET_U8(nd, p) != 0xff) {
			p++;
			continue;
		}
		if (!nd_ok(nd, p, 16))
			break;
		if (!is_marker(nd, p)) {
			p++;
			continue;
		}
		if (!nd_ok(nd, p, BGP_HDR_LEN)) {
			nd_print_trunc(nd);
			return;
		}
		if (start != p)
			nd_print_trunc(nd);
		unsigned hlen = GET_BE16(nd, p + 16);
		if (hlen < BGP_HDR_LEN) {
			ND_STR(nd, "\nmessage length ");
			ND_U(nd, hlen);
			ND_STR(nd, " < 19");
			nd_print_invalid(nd);
			break;
		}
		if (nd_ok(nd, p, hlen)) {
			message_print(nd, p, hlen);
			p += hlen;
			start = p;
		} else {
			ND_STR(nd, "\n[|BGP ");
			const char *s = tok_find(msg_names, GET_U8(nd, p + 18));
			ND_STR(nd, s ? s : "Unknown Message Type");
			ND_CHR(nd, ']');
			break;
		}
	}
}
