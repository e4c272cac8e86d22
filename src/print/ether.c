/*
 * ether.c - Ethernet II / 802.3 frames and 802.1Q / QinQ VLAN tags (IEEE 802.3, 802.1Q).
 *
 *   +--------+--------+------+---------------------+
 *   | dst(6) | src(6) | type | payload ...         |   type <= 1500: 802.3 length
 *   +--------+--------+------+---------------------+
 *   VLAN: type 0x8100/0x88a8/0x9100/0x9200, then TCI(2) and the next type(2).
 */
#include "nd.h"

#include "../proto.h"
#include "tunnel.h"
#include "lan.h"
#include "svc2.h"
#include "rest.h"
#include "l2odds.h"
#include "route.h" /* isoclns_print */

#define ETHER_HDRLEN 14
#define MAX_ETHERNET_LENGTH_VAL 1500

const char *ethertype_name(uint16_t type);
const char *ethertype_name(uint16_t type)
{
	return tok_find(link_ethertype_names, type);
}

static void ether_type_print(struct nd *nd, uint16_t type)
{
	const char *name = tok_find(link_ethertype_names, type);
	if (nd->o->qflag) { /* -q: the name alone */
		if (name) {
			ND_STR(nd, name);
		} else {
			ND_STR(nd, "Unknown Ethertype (0x");
			out_hex(nd->out, type, 4);
			ND_CHR(nd, ')');
		}
		return;
	}
	ND_STR(nd, "ethertype ");
	ND_STR(nd, name ? name : "Unknown");
	ND_STR(nd, " (0x");
	out_hex(nd->out, type, 4);
	ND_CHR(nd, ')');
}

static void ether_addresses_print(struct nd *nd, const uint8_t *src, const uint8_t *dst)
{
	nd_etheraddr(nd, src);
	ND_STR(nd, " > ");
	nd_etheraddr(nd, dst);
	ND_STR(nd, ", ");
}

int ethertype_print(struct nd *nd, uint16_t type, const uint8_t *p, uint32_t len, uint32_t caplen,
		    const uint8_t *src, const uint8_t *dst)
{
	(void)caplen;
	switch (type) {
	case ETHERTYPE_IPV4:
		ip_print(nd, p, len);
		return 1;
	case ETHERTYPE_IPV6:
		ip6_print(nd, p, len);
		return 1;
	case ETHERTYPE_ARP:
	case ETHERTYPE_RARP:
		arp_print(nd, p, len, caplen);
		return 1;
	case ETHERTYPE_MPLS:
	case ETHERTYPE_MPLS_MULTI:
		mpls_print(nd, p, len);
		return 1;
	case 0x8902:
	case 0xabcd: /* l2odds: CFM under its old pre-standard type */
		cfm_print(nd, p, len);
		return 1;
	case 0x8809:
		slow_print(nd, p, len);
		return 1;
	case 0x88cc:
		lldp_print(nd, p, len);
		return 1;
	case 0x886f:
		msnlb_print(nd, p);
		return 1;
	case 0x9000:
		loopback_print(nd, p, len);
		return 1;
	case 0x888e:
		eapol_print(nd, p, len);
		return 1;
	case 0x88f7:
		ptp_print(nd, p, len);
		return 1;
	case 0x8137: /* Novell IPX */
		ND_STR(nd, "(NOV-ETHII) ");
		ipx_print(nd, p, len);
		return 1;
	case ETHERTYPE_PPPOED:
	case ETHERTYPE_PPPOES:
	case 0x3c12: /* l2odds: 3Com's PPPoE discovery/session types */
	case 0x3c13:
		pppoe_print(nd, p, len);
		return 1;
	case 0x88a2: /* svc2: ATA over Ethernet */
		aoe_print(nd, p, len);
		return 1;
	case 0x88ca: /* svc2: TIPC */
		tipc_print(nd, p, len, caplen);
		return 1;
	case 0x6003: /* rest: DECnet Phase IV */
		decnet_print(nd, p, len, caplen);
		return 1;
	case 0x809b: /* rest: AppleTalk DDP */
		atalk_print(nd, p, len);
		return 1;
	case 0x80f3: /* rest: AppleTalk ARP */
		aarp_print(nd, p, len);
		return 1;
	case 0x8947: /* l2odds: GeoNetworking, and its old type */
	case 0x0707:
		geonet_print(nd, p, len, src);
		return 1;
	case 0x1111: /* l2odds: CALM FAST */
		calm_fast_print(nd, p, len, src);
		return 1;
	case 0x8808: /* l2odds: EPON MPCP */
		mpcp_print(nd, p, len);
		return 1;
	case 0x8899: /* l2odds: Realtek protocols */
		rtl_print(nd, p, len, src, dst);
		return 1;
	case 0xfefe: /* isisx: OSI in Ethernet II, the first byte skipped as tcpdump does */
		if (len == 0 || !nd_ok(nd, p, 1)) {
			nd->protocol = "isoclns";
			nd_print_trunc(nd);
			return 1;
		}
		isoclns_print(nd, p + 1, len - 1);
		return 1;
	case 0x894f: /* ositun: NSH */
		nsh_print(nd, p, len);
		return 1;
	case ETHERTYPE_PPP:
		if (len) {
			ND_STR(nd, ": ");
			ppp_print(nd, p, len);
		}
		return 1;
	default:
		return 0;
	}
}

static void default_print(struct nd *nd, const uint8_t *p, uint32_t caplen)
{
	if (!nd_default_print_suppressed(nd))
		nd_default_print(nd, p, caplen);
}

static void ether_payload(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len, uint16_t type,
			  int printed_length, uint32_t orig_len, const uint8_t *src, const uint8_t *dst);

/* Ethernet, with an optional switch tag of tag_len bytes between the source
 * address and the type (print/dsa.c), printed by tag_print. */
static void ether_common(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len, uint32_t tag_len,
			 void (*tag_print)(struct nd *, const uint8_t *))
{
	if (len < caplen) {
		out_fmt(nd->out, "[length %u < caplen %u]", len, caplen);
		nd_print_invalid(nd);
		return;
	}
	if (caplen < ETHER_HDRLEN + tag_len) {
		nd->ll_hdr_len = caplen; /* tcpdump's -x dump then starts after the capture */
		nd_print_trunc(nd);
		return;
	}
	const uint8_t *dst = p, *src = p + 6;
	uint32_t orig_len = len;
	if (nd->o->eflag)
		ether_addresses_print(nd, src, dst);
	if (tag_len) {
		tag_print(nd, p + 12);
		p += tag_len;
		len -= tag_len;
		caplen -= tag_len;
	}
	uint16_t type = GET_BE16(nd, p + 12);
	p += ETHER_HDRLEN;
	nd->ll_hdr_len = ETHER_HDRLEN + tag_len;
	len -= ETHER_HDRLEN;
	caplen -= ETHER_HDRLEN;

	int printed_length = 0;
	uint16_t outer_type = type; /* tcpdump 4.99 decodes MACsec only as the outer type */
	while (ETHERTYPE_IS_VLAN(type) || type == 0xd28b) {
		if (type == 0xd28b) { /* Arista header: shown also without -e, then the inner type */
			if (!nd_ok(nd, p, 2)) { /* tcpdump's marker here has no leading space */
				ND_STR(nd, "[|arista]");
				nd->ll_hdr_len += caplen; /* and no -x dump after it */
				return;
			}
			ether_type_print(nd, type);
			ND_STR(nd, ", length ");
			ND_U(nd, orig_len);
			ND_STR(nd, ": ");
			int n = arista_print(nd, p);
			if (n < 0) { /* unknown subtype or format: the frame as an unknown type */
				if (!nd->o->eflag) {
					ether_addresses_print(nd, src, dst);
					ether_type_print(nd, type);
					ND_STR(nd, ", length ");
					ND_U(nd, orig_len);
					ND_STR(nd, ": ");
				}
				default_print(nd, p, caplen);
				return;
			}
			type = GET_BE16(nd, p + n);
			nd->ll_hdr_len += (uint32_t)n + 2;
			p += n + 2;
			len -= (uint32_t)n + 2;
			caplen -= (uint32_t)n + 2;
			printed_length = 0;
			continue;
		}
		if (caplen < 4) {
			/* tcpdump names the tag's type only once the tag is captured */
			nd->ll_hdr_len += caplen;
			nd->protocol = "vlan";
			nd_print_trunc(nd);
			return;
		}
		if (len < 4) {
			/* Cannot happen when len >= caplen, kept for the invariant. */
			nd->protocol = "vlan";
			nd_print_trunc(nd);
			return;
		}
		if (nd->o->eflag) {
			uint16_t tci = GET_BE16(nd, p);
			ether_type_print(nd, type);
			if (!printed_length) {
				ND_STR(nd, ", length ");
				ND_U(nd, orig_len);
				ND_STR(nd, ": ");
				printed_length = 1;
			} else {
				ND_STR(nd, ", ");
			}
			ND_STR(nd, "vlan ");
			ND_U(nd, tci & 0xfff);
			ND_STR(nd, ", p ");
			ND_U(nd, tci >> 13);
			if (tci & 0x1000)
				ND_STR(nd, ", DEI");
			ND_STR(nd, ", ");
		}
		type = GET_BE16(nd, p + 2);
		nd->ll_hdr_len += 4;
		p += 4;
		len -= 4;
		caplen -= 4;
	}

	int pushed = 0;
	if (type == 0x88e5 && outer_type == 0x88e5) { /* rest: MACsec SecTAG, then the protected frame's type */
		if (nd->o->eflag) {
			ether_type_print(nd, type);
			if (!printed_length) {
				ND_STR(nd, ", length ");
				ND_U(nd, orig_len);
				ND_STR(nd, ": ");
				printed_length = 1;
			} else {
				ND_STR(nd, ", ");
			}
		}
		struct macsec_result ms;
		int ret = macsec_print(nd, p, len, caplen, src, dst, &ms);
		if (ret > 0) {
			nd->ll_hdr_len += caplen;
			return;
		}
		p += ms.tag_len;
		nd->ll_hdr_len += ms.tag_len;
		if (ret == 0) {
			default_print(nd, p, ms.caplen);
			return;
		}
		len = ms.len;
		caplen = ms.caplen;
		nd_push_snaplen(nd, p, caplen);
		pushed = 1;
		type = GET_BE16(nd, p);
		p += 2;
		len -= 2;
		caplen -= 2;
		nd->ll_hdr_len += 2;
	}
	ether_payload(nd, p, caplen, len, type, printed_length, orig_len, src, dst);
	if (pushed)
		nd_pop_snaplen(nd);
}

/* The frame after its type field(s): LLC for an 802.3 length, else the ethertype. */
static void ether_payload(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len, uint16_t type,
			  int printed_length, uint32_t orig_len, const uint8_t *src, const uint8_t *dst)
{
	if (type <= MAX_ETHERNET_LENGTH_VAL || type == 0x8870) {
		/* 802.3 length field (or an Alteon jumbo frame): an LLC header follows. */
		if (type <= MAX_ETHERNET_LENGTH_VAL) {
			if (len > type)
				len = type;
			if (caplen > len)
				caplen = len;
			if (nd->o->eflag) {
				ND_STR(nd, "802.3");
				if (!printed_length) {
					ND_STR(nd, ", length ");
					ND_U(nd, len);
					ND_STR(nd, ": ");
				}
			}
		} /* a jumbo frame's type is not shown, even with -e */
		nd_push_snaplen(nd, p, caplen);
		int hl = llc_print(nd, p, len, caplen, src, dst);
		if (hl < 0) {
			default_print(nd, p, caplen);
			hl = -hl;
		}
		nd->ll_hdr_len += (uint32_t)hl; /* tcpdump's -x starts after the LLC header, known or not */
		nd_pop_snaplen(nd);
		return;
	}

	if (nd->o->eflag) {
		ether_type_print(nd, type);
		if (!printed_length) {
			ND_STR(nd, ", length ");
			ND_U(nd, orig_len);
			ND_STR(nd, ": ");
		} else {
			ND_STR(nd, ", ");
		}
	}
	if (!ethertype_print(nd, type, p, len, caplen, src, dst)) {
		if (!nd->o->eflag) {
			ether_addresses_print(nd, src, dst);
			ether_type_print(nd, type);
			ND_STR(nd, ", length ");
			ND_U(nd, orig_len);
			ND_STR(nd, ": ");
		}
		default_print(nd, p, caplen);
	}
}

void ether_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "ether";
	ether_common(nd, p, caplen, len, 0, NULL);
}

void ether_switch_tag_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len, uint32_t tag_len,
			    void (*tag_print)(struct nd *, const uint8_t *))
{
	ether_common(nd, p, caplen, len, tag_len, tag_print);
}
