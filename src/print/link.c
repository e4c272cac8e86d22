/*
 * link.c - the small link layers: Linux cooked capture v1 (DLT_LINUX_SLL)
 * and v2 (DLT_LINUX_SLL2), BSD null / OpenBSD loop (DLT_NULL, DLT_LOOP) and
 * raw IP (DLT_RAW, also right for DLT_IPV4 / DLT_IPV6), printed as tcpdump
 * 4.99 does.
 *
 * SLL v1 (16 bytes, all big-endian but the address):
 *   pkttype(2) hatype(2) halen(2) addr(8) protocol(2)
 * SLL v2 (20 bytes):
 *   protocol(2) reserved(2) ifindex(4) hatype(2) pkttype(1) halen(1) addr(8)
 * NULL / LOOP (4 bytes): the address family, in the capturing host's byte
 *   order for NULL, network order for LOOP; tcpdump tells them apart only by
 *   swapping any value whose upper 16 bits are set, and so do we.
 *
 * Every printer gets the bytes from the start of the link header, caplen
 * captured bytes and len bytes on the wire.  A link header that is not all
 * captured ends the packet with " [|sll]" / " [|sll2]" / " [|null]".
 *
 * Link-layer header length (nd->ll_hdr_len): tcpdump's -x/-X/-A (single)
 * dumps start after the link header, whose length the link printer reports:
 * 16 + 4 a VLAN tag for SLL, 20 (+4) for SLL2, 4 for null, 0 for raw; the
 * whole capture when a VLAN tag is cut short; 0 when the link header itself
 * is truncated.
 */
#include <net/if.h>
#include <string.h>

#include "nd.h"

/* Shared with arp.c (not in nd.h yet). */
extern const struct tok link_ethertype_names[];
void nd_default_print(struct nd *nd, const uint8_t *p, size_t n);
int nd_default_print_suppressed(const struct nd *nd);

/*
 * tcpdump 4.99.3's ethertype_values table (names printed after "ethertype"
 * and for ARP's protocol type).  0x9100 is listed once: tcpdump's table has
 * two names for it and the first one wins.
 */
const struct tok link_ethertype_names[] = {
	{ 0x0800, "IPv4" },
	{ 0x8847, "MPLS unicast" },
	{ 0x8848, "MPLS multicast" },
	{ 0x86dd, "IPv6" },
	{ 0x8100, "802.1Q" },
	{ 0x9100, "802.1Q-9100" },
	{ 0x88a8, "802.1Q-QinQ" },
	{ 0x9200, "802.1Q-9200" },
	{ 0x88e5, "802.1AE MACsec" },
	{ 0x0200, "PUP" },
	{ 0x0806, "ARP" },
	{ 0x8035, "Reverse ARP" },
	{ 0x0600, "NS" },
	{ 0x0500, "Sprite" },
	{ 0x1000, "Trail" },
	{ 0x6001, "MOP DL" },
	{ 0x6002, "MOP RC" },
	{ 0x6003, "DN" },
	{ 0x6004, "LAT" },
	{ 0x6007, "SCA" },
	{ 0x6558, "TEB" },
	{ 0x8038, "Lanbridge" },
	{ 0x803c, "DEC DNS" },
	{ 0x803e, "DEC DTS" },
	{ 0x805b, "VEXP" },
	{ 0x805c, "VPROD" },
	{ 0x809b, "Appletalk" },
	{ 0x80f3, "Appletalk ARP" },
	{ 0x8137, "IPX" },
	{ 0x880b, "PPP" },
	{ 0x8808, "MPCP" },
	{ 0x8809, "Slow Protocols" },
	{ 0x8863, "PPPoE D" },
	{ 0x8864, "PPPoE S" },
	{ 0x888e, "EAPOL" },
	{ 0x8899, "Realtek protocols" },
	{ 0x886f, "MS NLB heartbeat" },
	{ 0x8870, "Jumbo" },
	{ 0x894f, "NSH" },
	{ 0x9000, "Loopback" },
	{ 0xfefe, "OSI" },
	{ 0x00fe, "GRE-OSI" },
	{ 0xabcd, "CFM (old)" },
	{ 0x8902, "CFM" },
	{ 0x893a, "IEEE1905.1" },
	{ 0x88cc, "LLDP" },
	{ 0x88ca, "TIPC" },
	{ 0x0707, "GeoNet (old)" },
	{ 0x8947, "GeoNet" },
	{ 0x1111, "CALM FAST" },
	{ 0x88a2, "AoE" },
	{ 0x88f7, "PTP" },
	{ 0xd28b, "Arista Vendor Specific Protocol" },
	{ 0, NULL }
};

#define ETHERTYPE_8021Q 0x8100
#define MAX_ETHERNET_LENGTH 1500 /* type fields up to this are lengths */
#define SLL_P_802_3 0x0001      /* Novell 802.3 without 802.2 LLC */
#define SLL_P_802_2 0x0004      /* 802.2 frames */

#define SLL_HDR_LEN 16
#define SLL2_HDR_LEN 20
#define NULL_HDR_LEN 4

static const struct tok sll_pkttypes[] = {
	{ 0, "In" },
	{ 1, "B" },
	{ 2, "M" },
	{ 3, "P" },
	{ 4, "Out" },
	{ 0, NULL }
};

/* BSD AF_ values; the BSDs disagree on AF_INET6, so all three are IPv6. */
static const struct tok bsd_afs[] = {
	{ 2, "IPv4" },
	{ 6, "NS" },
	{ 7, "ISO" },
	{ 16, "Appletalk" },
	{ 23, "IPX" },
	{ 24, "IPv6" },
	{ 28, "IPv6" },
	{ 30, "IPv6" },
	{ 0, NULL }
};

/*
 * Record the link-layer header length for the -x/-X/-A dump.  Set before
 * the payload printer runs, so that it survives a truncation longjmp from
 * there (tcpdump then still dumps from the network header), while a link
 * header that is itself truncated leaves it at 0 (whole packet dumped).
 */
static void ll_hdr_len(struct nd *nd, uint32_t n)
{
	nd->ll_hdr_len = n;
}

static uint32_t sub_sat(uint32_t a, uint32_t b)
{
	return a > b ? a - b : 0;
}

/* Text padded with spaces to width w: right-aligned (%3s) or left (%-5s). */
static void put_padded(struct nd *nd, const char *s, size_t w, int left)
{
	size_t n = strlen(s);
	if (left)
		ND_STR(nd, s);
	while (n < w) {
		ND_CHR(nd, ' ');
		n++;
	}
	if (!left)
		ND_STR(nd, s);
}

static const char *pkttype_name(uint32_t t)
{
	const char *s = tok_find(sll_pkttypes, t);
	return s ? s : "?";
}

/*
 * "[addr ]ethertype NAME (0xNNNN), length N: " - the part both SLL versions
 * share after their own prefix.  -q leaves out everything after the address.
 */
static void sll_type_and_length(struct nd *nd, const uint8_t *addr, unsigned halen, uint16_t type,
				uint32_t len)
{
	if (halen == 6) {
		nd_etheraddr(nd, addr);
		ND_CHR(nd, ' ');
	}
	if (nd->o->qflag)
		return;
	if (type <= MAX_ETHERNET_LENGTH) {
		if (type == SLL_P_802_3) {
			ND_STR(nd, "802.3");
		} else if (type == SLL_P_802_2) {
			ND_STR(nd, "802.2");
		} else {
			ND_STR(nd, "ethertype Unknown (0x");
			out_hex(nd->out, type, 4);
			ND_CHR(nd, ')');
		}
	} else {
		ND_STR(nd, "ethertype ");
		nd_tok(nd, link_ethertype_names, "Unknown", type);
		ND_STR(nd, " (0x");
		out_hex(nd->out, type, 4);
		ND_CHR(nd, ')');
	}
	ND_STR(nd, ", length ");
	ND_U(nd, len);
	ND_STR(nd, ": ");
}

/* SLL v1 -e header: "%3s " packet type, then address / type / length. */
static void sll_hdr(struct nd *nd, const uint8_t *h, uint32_t len)
{
	put_padded(nd, pkttype_name(GET_BE16(nd, h)), 3, 0);
	ND_CHR(nd, ' ');
	sll_type_and_length(nd, h + 6, GET_BE16(nd, h + 4), GET_BE16(nd, h + 14), len);
}

/* SLL v2 -e header: "ifindex N ", then address / type / length. */
static void sll2_hdr(struct nd *nd, const uint8_t *h, uint32_t len)
{
	ND_STR(nd, "ifindex ");
	ND_U(nd, GET_BE32(nd, h + 4));
	ND_CHR(nd, ' ');
	sll_type_and_length(nd, h + 12, GET_U8(nd, h + 11), GET_BE16(nd, h), len);
}

/* "vlan N, p N[, DEI], " as tcpdump's ieee8021q_tci_string(). */
static void print_tci(struct nd *nd, uint16_t tci)
{
	ND_STR(nd, "vlan ");
	ND_U(nd, tci & 0xfff);
	ND_STR(nd, ", p ");
	ND_U(nd, tci >> 13);
	if (tci & 0x1000)
		ND_STR(nd, ", DEI");
	ND_STR(nd, ", ");
}

/*
 * The payload of either SLL version, from the protocol field on.  h is the
 * SLL header (for the header line printed when the type is not decoded),
 * v2 tells which layout it has.
 */
static void sll_payload(struct nd *nd, const uint8_t *h, int v2, uint16_t type, const uint8_t *p,
			uint32_t caplen, uint32_t len)
{
	uint32_t hdrlen = v2 ? SLL2_HDR_LEN : SLL_HDR_LEN;

	for (;;) {
		if (type <= MAX_ETHERNET_LENGTH) {
			/* Novell 802.3 is IPX, 802.2 is LLC; any other value gets the raw dump */
			ll_hdr_len(nd, hdrlen);
			if (type == SLL_P_802_3) {
				ipx_print(nd, p, len);
				return;
			}
			if (type == SLL_P_802_2) {
				int n = llc_print(nd, p, len, caplen, NULL, NULL);
				if (n >= 0) {
					ll_hdr_len(nd, hdrlen + (uint32_t)n);
					return;
				}
			}
			if (!nd_default_print_suppressed(nd))
				nd_default_print(nd, p, caplen);
			return;
		}
		if (type != ETHERTYPE_8021Q)
			break;
		/* A VLAN tag: print it, then go on with the enclosed type. */
		if (caplen < 4 || len < 4) {
			ll_hdr_len(nd, hdrlen + (caplen < 4 ? caplen : len));
			nd->protocol = "vlan";
			nd_print_trunc(nd);
			return;
		}
		if (nd->o->eflag)
			print_tci(nd, GET_BE16(nd, p));
		type = GET_BE16(nd, p + 2);
		if (type <= MAX_ETHERNET_LENGTH)
			type = SLL_P_802_2;
		if (!nd->o->qflag) {
			ND_STR(nd, "ethertype ");
			nd_tok(nd, link_ethertype_names, "Unknown", type);
			ND_STR(nd, ", ");
		}
		p += 4;
		caplen -= 4;
		len -= 4;
		hdrlen += 4;
	}

	ll_hdr_len(nd, hdrlen);
	if (ethertype_print(nd, type, p, len, caplen, NULL, NULL) == 0) {
		if (!nd->o->eflag) {
			if (v2)
				sll2_hdr(nd, h, len + SLL2_HDR_LEN);
			else
				sll_hdr(nd, h, len + SLL_HDR_LEN);
		}
		if (!nd_default_print_suppressed(nd))
			nd_default_print(nd, p, caplen);
	}
}

void sll_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "sll";
	nd_need(nd, p, SLL_HDR_LEN);
	if (caplen < SLL_HDR_LEN)
		nd_trunc(nd);
	if (nd->o->eflag)
		sll_hdr(nd, p, len);
	sll_payload(nd, p, 0, GET_BE16(nd, p + 14), p + SLL_HDR_LEN, caplen - SLL_HDR_LEN,
		    sub_sat(len, SLL_HDR_LEN));
}

/*
 * Interface names for SLL2's ifindex, resolved on this machine as tcpdump
 * does (so a foreign capture may show the wrong names, or "?").  Cached, so
 * that a capture costs one lookup per interface rather than one a packet.
 */
#define IFNAME_CACHE 32
static struct {
	uint32_t index;
	int known;  /* 1: name valid, -1: no such interface */
	char name[IF_NAMESIZE];
} ifname_cache[IFNAME_CACHE];

static const char *ifindex_name(uint32_t index)
{
	unsigned slot = index % IFNAME_CACHE;
	if (ifname_cache[slot].known == 0 || ifname_cache[slot].index != index) {
		char buf[IF_NAMESIZE];
		ifname_cache[slot].index = index;
		if (index != 0 && if_indextoname(index, buf) != NULL) {
			memcpy(ifname_cache[slot].name, buf, sizeof buf);
			ifname_cache[slot].name[IF_NAMESIZE - 1] = '\0';
			ifname_cache[slot].known = 1;
		} else {
			ifname_cache[slot].known = -1;
		}
	}
	return ifname_cache[slot].known == 1 ? ifname_cache[slot].name : "?";
}

void sll2_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "sll2";
	nd_need(nd, p, SLL2_HDR_LEN);
	if (caplen < SLL2_HDR_LEN)
		nd_trunc(nd);
	/* Always printed, -e or not: "%-5s %-3s " interface and packet type. */
	put_padded(nd, ifindex_name(GET_BE32(nd, p + 4)), 5, 1);
	ND_CHR(nd, ' ');
	put_padded(nd, pkttype_name(GET_U8(nd, p + 10)), 3, 1);
	ND_CHR(nd, ' ');
	if (nd->o->eflag)
		sll2_hdr(nd, p, len);
	sll_payload(nd, p, 1, GET_BE16(nd, p), p + SLL2_HDR_LEN, caplen - SLL2_HDR_LEN,
		    sub_sat(len, SLL2_HDR_LEN));
}

/* "AF NAME (N), length N: ", or with -q "NAME, length N: ". */
static void null_hdr(struct nd *nd, uint32_t family, uint32_t len)
{
	const char *name = tok_find(bsd_afs, family);
	if (!nd->o->qflag) {
		ND_STR(nd, "AF ");
		ND_STR(nd, name ? name : "Unknown");
		ND_STR(nd, " (");
		ND_U(nd, family);
		ND_CHR(nd, ')');
	} else if (name) {
		ND_STR(nd, name);
	} else {
		ND_STR(nd, "Unknown AF ");
		ND_U(nd, family);
	}
	ND_STR(nd, ", length ");
	ND_U(nd, len);
	ND_STR(nd, ": ");
}

void null_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len, int loop)
{
	uint32_t family;

	/*
	 * DLT_LOOP is network order and DLT_NULL the capturing host's order,
	 * but tcpdump reads both in this host's order and byte-swaps any
	 * family with bits in the upper half; doing the same gives identical
	 * output for both, whatever `loop` says.
	 */
	(void)loop;
	nd->protocol = "null";
	nd_need(nd, p, NULL_HDR_LEN);
	if (caplen < NULL_HDR_LEN)
		nd_trunc(nd);
	GET_CPY(nd, &family, p, sizeof family);
	if (family & 0xffff0000u)
		family = (family >> 24) | ((family >> 8) & 0xff00u) | ((family & 0xff00u) << 8) |
			 (family << 24);
	ll_hdr_len(nd, NULL_HDR_LEN);

	if (nd->o->eflag)
		null_hdr(nd, family, len);
	p += NULL_HDR_LEN;
	caplen -= NULL_HDR_LEN;
	len = sub_sat(len, NULL_HDR_LEN);

	switch (family) {
	case 2:
		ip_print(nd, p, len);
		return;
	case 24:
	case 28:
	case 30:
		ip6_print(nd, p, len);
		return;
	default:
		/* ISO, Appletalk and IPX have no printer here: raw dump too. */
		if (!nd->o->eflag)
			null_hdr(nd, family, len + NULL_HDR_LEN);
		if (!nd_default_print_suppressed(nd))
			nd_default_print(nd, p, caplen);
		return;
	}
}

void raw_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	(void)caplen;
	nd->protocol = "raw";
	ll_hdr_len(nd, 0);
	if (nd->o->eflag)
		ND_STR(nd, "ip: ");
	if (len < 1) {
		ND_STR(nd, "truncated-ip ");
		ND_U(nd, len);
		return;
	}
	switch (GET_U8(nd, p) & 0xf0) {
	case 0x40:
		ip_print(nd, p, len);
		break;
	case 0x60:
		ip6_print(nd, p, len);
		break;
	default:
		ND_STR(nd, "unknown ip ");
		ND_U(nd, GET_U8(nd, p) >> 4);
		break;
	}
}
