/*
 * udp.c - UDP (RFC 768) and the port dispatch to the printers synack has (DNS).
 *
 *   +-------------------------------+-------------------------------+
 *   |          Source Port          |       Destination Port        |
 *   +-------------------------------+-------------------------------+
 *   |            Length             |           Checksum            |
 *   +-------------------------------+-------------------------------+
 */
#include "nd.h"
#include "print.h"
#include "route.h"
#include "tunnel.h"
#include "svc2.h"
#include "lan.h"
#include "svc.h"
#include "apps.h"
#include "rest.h"

/* ISAKMP/IKE (print/isakmp.c), UDP port 500 */

/* Addresses and ports, or only ports when UDP is not the IP header's next protocol. */
static void udpipaddr_print(struct nd *nd, const struct ipctx *ip, int sport, int dport)
{
	uint8_t nxt = GET_U8(nd, ip->iph + (ip->v6 ? 6 : 9));
	if (nxt == 17) {
		if (ip->v6)
			nd_ip6addr(nd, ip->iph + 8);
		else
			nd_ipaddr(nd, ip->iph + 12);
		if (sport != -1) {
			ND_CHR(nd, '.');
			nd_port(nd, (uint16_t)sport, 1);
		}
		ND_STR(nd, " > ");
		if (ip->v6)
			nd_ip6addr(nd, ip->iph + 24);
		else
			nd_ipaddr(nd, ip->iph + 16);
		if (dport != -1) {
			ND_CHR(nd, '.');
			nd_port(nd, (uint16_t)dport, 1);
		}
		ND_STR(nd, ": ");
	} else if (sport != -1) {
		nd_port(nd, (uint16_t)sport, 1);
		ND_STR(nd, " > ");
		nd_port(nd, (uint16_t)dport, 1);
		ND_STR(nd, ": ");
	}
}

/* The Ethernet frame inside a tunnel; the outer link header length is kept for -x. */
static void inner_ether_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t ll = nd->ll_hdr_len;
	ether_print(nd, p, (uint32_t)nd_avail(nd, p), len);
	nd->ll_hdr_len = ll;
}

/* VXLAN (RFC 7348), UDP port 4789: flags(1) reserved(3) VNI(3) reserved(1). */
static void vxlan_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "vxlan";
	ND_STR(nd, "VXLAN");
	if (len < 8) {
		nd_print_invalid(nd);
		return;
	}
	uint8_t flags = GET_U8(nd, p);
	ND_STR(nd, ", flags [");
	ND_STR(nd, (flags & 0x08) ? "I" : "invalid"); /* ositun: as tcpdump 4.99 */
	ND_STR(nd, "] (0x");
	out_hex(nd->out, flags, 2);
	ND_STR(nd, "), ");
	uint32_t vni = GET_BE24(nd, p + 4);
	ND_STR(nd, "vni ");
	ND_U(nd, vni);
	ND_CHR(nd, '\n');
	nd_need(nd, p + 7, 1); /* the reserved byte, checked after the line is out */
	inner_ether_print(nd, p + 8, len - 8);
}

/* OTV (draft-hasmit-otv), UDP port 8472: flags(1) overlay(3) instance(3) reserved(1). */
static void otv_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "otv";
	ND_STR(nd, "OTV, ");
	if (len < 8) {
		out_fmt(nd->out, "[length %u < 8]", len);
		nd_print_invalid(nd);
		return;
	}
	uint8_t flags = GET_U8(nd, p);
	ND_STR(nd, "flags [");
	ND_STR(nd, (flags & 0x08) ? "I" : ".");
	ND_STR(nd, "] (0x");
	out_hex(nd->out, flags, 2);
	ND_STR(nd, "), ");
	ND_STR(nd, "overlay ");
	ND_U(nd, GET_BE24(nd, p + 1));
	ND_STR(nd, ", instance ");
	ND_U(nd, GET_BE24(nd, p + 4));
	ND_CHR(nd, '\n');
	inner_ether_print(nd, p + 8, len - 8);
}

static void udp_len_print(struct nd *nd, uint32_t ulen, uint32_t length, int fragmented)
{
	if (ulen > length && !fragmented)
		out_fmt(nd->out, "UDP, bad length %u > %u", ulen, length);
	else {
		ND_STR(nd, "UDP, length ");
		ND_U(nd, ulen);
	}
}

void udp_print(struct nd *nd, const uint8_t *bp, uint32_t length, const struct ipctx *ip)
{
	nd->protocol = "udp";
	if (!nd_ok(nd, bp + 2, 2)) {
		udpipaddr_print(nd, ip, -1, -1);
		nd_print_trunc(nd);
		return;
	}
	uint16_t sport = GET_BE16(nd, bp), dport = GET_BE16(nd, bp + 2);
	if (length < 8) {
		udpipaddr_print(nd, ip, sport, dport);
		ND_STR(nd, "truncated-udp ");
		ND_U(nd, length);
		return;
	}
	if (!nd_ok(nd, bp + 4, 2)) {
		udpipaddr_print(nd, ip, sport, dport);
		nd_print_trunc(nd);
		return;
	}
	uint32_t ulen = GET_BE16(nd, bp + 4);
	if (ulen == 0 && length > 65535)
		ulen = length;
	if (ulen < 8) {
		udpipaddr_print(nd, ip, sport, dport);
		ND_STR(nd, "truncated-udplength ");
		ND_U(nd, ulen);
		return;
	}
	ulen -= 8;
	length -= 8;
	if (ulen < length)
		length = ulen;
	const uint8_t *cp = bp + 8;
	if (cp > nd->snapend) {
		udpipaddr_print(nd, ip, sport, dport);
		nd_print_trunc(nd);
		return;
	}
	/* -T: the protocol named, whatever the ports (the types synack has printers for) */
	if (nd->o->packettype == PT_VXLAN || nd->o->packettype == PT_DOMAIN || nd->o->packettype == PT_SOMEIP) {
		udpipaddr_print(nd, ip, sport, dport);
		if (nd->o->packettype == PT_VXLAN)
			vxlan_print(nd, cp, length);
		else if (nd->o->packettype == PT_DOMAIN)
			dns_print(nd, cp, length, 0);
		else
			someip_print(nd, cp, length);
		return;
	}
	/* svc2: more -T types tcpdump forces over UDP; a type without a UDP printer
	 * there (zmtp1, resp, carp) prints nothing after the IP part. */
	switch (nd->o->packettype) {
	case PT_LMP: case PT_AODV: case PT_RADIUS: case PT_PGM: case PT_PGM_ZMTP1: case PT_PTP:
		udpipaddr_print(nd, ip, sport, dport);
		svc2_udp_forced(nd, cp, length, ip);
		return;
	case PT_ZMTP1: case PT_RESP: case PT_CARP:
		return;
	default:
		break;
	}
	udpipaddr_print(nd, ip, sport, dport);
	/* -T snmp/tftp/cnfp/rtp/rtcp/vat/wb (print/svc.c) */
	if (nd->o->packettype && svc_udp_forced(nd, cp, length))
		return;
	/* Sun RPC to/from the NFS port is recognised before the checksum, as tcpdump does. */
	if (!nd->o->qflag && nfs_udp_print(nd, cp, length, sport, dport, ip))
		return;
	if (nd->o->vflag && !nd->o->Kflag && !ip->fragmented) {
		uint16_t udp_sum = GET_BE16(nd, bp + 6);
		if (!ip->v6 && nd->o->vflag > 1) {
			if (udp_sum == 0) {
				ND_STR(nd, "[no cksum] ");
			} else if (nd_ok(nd, cp, length)) {
				uint16_t sum = nextproto_cksum(ip, bp, length + 8, 17);
				if (sum != 0)
					out_fmt(nd->out, "[bad udp cksum 0x%04x -> 0x%04x!] ", udp_sum,
						in_cksum_shouldbe(udp_sum, sum));
				else
					ND_STR(nd, "[udp sum ok] ");
			}
		} else if (ip->v6) {
			if (nd_ok(nd, cp, length)) {
				uint16_t sum = nextproto_cksum(ip, bp, length + 8, 17);
				if (sum != 0)
					out_fmt(nd->out, "[bad udp cksum 0x%04x -> 0x%04x!] ", udp_sum,
						in_cksum_shouldbe(udp_sum, sum));
				else
					ND_STR(nd, "[udp sum ok] ");
			}
		}
	}
	if (!nd->o->qflag) {
#define PORT(x) (sport == (x) || dport == (x))
#define ATALK_PORT(x) ((unsigned)((x) - 200) < 128u || (unsigned)((x) - 768) < 128u || (unsigned)((x) - 16512) < 128u)
		if (PORT(53)) {
			dns_print(nd, cp, length, 0);
			return;
		}
		/* apps: timed, Zephyr, VQP, LWAPP (print/apps.c) */
		if (apps_udp_print(nd, cp, length, sport, dport))
			return;
		/* SNMP, TFTP, RIP, RIPng, vat, wb, in tcpdump's port order (print/svc.c) */
		if (svc_udp_print(nd, cp, length, sport, dport))
			return;
		if (PORT(67) || PORT(68)) {
			bootp_print(nd, cp, length);
			return;
		}
		if (PORT(123)) {
			ntp_print(nd, cp, length);
			return;
		}
		if (PORT(654)) {
			aodv_print(nd, cp, length, ip->v6);
			return;
		}
		/* svc2: OLSR, LMP, LWRES, AFS/RX, AHCP, HNCP, SIP */
		if (svc2_udp_print(nd, cp, length, sport, dport, ip))
			return;
		if (PORT(88) || PORT(750)) {
			krb_print(nd, cp);
			return;
		}
		if (PORT(1701)) {
			l2tp_print(nd, cp, length);
			return;
		}
		if (PORT(546) || PORT(547)) {
			dhcp6_print(nd, cp, length);
			return;
		}
		if (PORT(6696) || PORT(6697)) {
			babel_print(nd, cp, length);
			return;
		}
		if (PORT(496)) {
			cisco_autorp_print(nd, cp, length);
			return;
		}
		if (PORT(1645) || PORT(1812) || PORT(1646) || PORT(1813) || PORT(1700) || PORT(3799)) {
			radius_print(nd, cp, length);
			return;
		}
		if (PORT(6343)) {
			sflow_print(nd, cp, length);
			return;
		}
		if (PORT(4789)) {
			vxlan_print(nd, cp, length);
			return;
		}
		if (PORT(8472)) {
			otv_print(nd, cp, length);
			return;
		}
		if (PORT(6081)) {
			geneve_print(nd, cp, length);
			return;
		}
		if (PORT(500) || PORT(7500) || PORT(8500)) {
			isakmp_print(nd, cp, length, ip);
			return;
		}
		if (PORT(4500)) {
			isakmp_rfc3948_print(nd, cp, length, ip);
			return;
		}
		if (PORT(514)) {
			syslog_print(nd, cp, length);
			return;
		}
		/* ZEP: tcpdump tests it after HSRP, mDNS, LSP-PING, LDP, BFD and LISP (below),
		 * before SOME/IP, PTP and BCM-LI to the destination port */
		if (PORT(17754) && dport != 1985 && !PORT(5353) && !PORT(3503) && !PORT(646) && !PORT(4342) &&
		    dport != 3784 && dport != 3785 && dport != 4784 && dport != 6784 && sport != 49152) {
			zep_print(nd, cp, length);
			return;
		}
		if (PORT(30490)) {
			someip_print(nd, cp, length);
			return;
		}
		if (dport == 1985) {
			hsrp_print(nd, cp, length);
			return;
		}
		/* ositun: VXLAN-GPE, MPLS in UDP (RFC 7510), then KIP (AppleTalk
		 * LLAP in UDP: the DDP type byte, then the AppleTalk ports) */
		if (PORT(4790)) {
			vxlan_gpe_print(nd, cp, length);
			return;
		}
		if (PORT(6635)) {
			mpls_print(nd, cp, length);
			return;
		}
		if (nd_ok(nd, cp + 2, 1) && GET_U8(nd, cp + 2) == 2 && (ATALK_PORT(sport) || ATALK_PORT(dport))) {
			if (nd->o->vflag)
				ND_STR(nd, "kip ");
			llap_print(nd, cp, length);
			return;
		}
		if (PORT(319) || PORT(320)) {
			ptp_print(nd, cp, length);
			return;
		}
		if (PORT(5353)) {
			mdns_print(nd, cp, length);
			return;
		}
		if (route_udp_print(nd, cp, length, sport, dport))
			return;
		if (PORT(4342)) {
			lisp_print(nd, cp, length);
			return;
		}
		if (sport == 49152) { /* tcpdump: the source port only */
			bcm_li_print(nd, cp, length);
			return;
		}
#undef PORT
#undef ATALK_PORT
	}
	udp_len_print(nd, ulen, length, ip->fragmented);
}
