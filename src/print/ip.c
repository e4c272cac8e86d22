/*
 * ip.c - IPv4 (RFC 791) and the demultiplexer to the next protocol.
 *
 *    0                   1                   2                   3
 *   +-------+-------+---------------+-------------------------------+
 *   |Version|  IHL  |Type of Service|          Total Length         |
 *   +-------+-------+---------------+-----+-------------------------+
 *   |         Identification        |Flags|      Fragment Offset    |
 *   +---------------+---------------+-----+-------------------------+
 *   |  Time to Live |    Protocol   |         Header Checksum       |
 *   +---------------+---------------+-------------------------------+
 *   |                 Source Address / Destination Address          |
 *   +---------------------------------------------------------------+
 */
#include "nd.h"
#include "route.h"

#include "../proto.h"
#include "tunnel.h"
#include "lan.h"
#include "svc2.h"
#include "rest.h"

#include <netdb.h>
#include <string.h>

#define IP_MF 0x2000
#define IP_DF 0x4000
#define IP_RES 0x8000
#define IP_OFFMASK 0x1fff

static const struct tok ipproto_values[] = {
	{0, "Options"}, {1, "ICMP"}, {2, "IGMP"}, {4, "IPIP"}, {6, "TCP"}, {8, "EGP"}, {9, "IGRP"},
	{17, "UDP"}, {33, "DCCP"}, {41, "IPv6"}, {43, "Routing"}, {44, "Fragment"}, {46, "RSVP"},
	{47, "GRE"}, {50, "ESP"}, {51, "AH"}, {55, "Mobile IP"}, {58, "ICMPv6"},
	{62, "Mobile IP (old)"}, {88, "EIGRP"}, {89, "OSPF"}, {103, "PIM"},
	{108, "Compressed IP"}, {112, "VRRP"}, {113, "PGM"}, {132, "SCTP"}, {135, "Mobility"},
	{143, "Ethernet"},
	{0, NULL}};

const char *ipproto_name(uint8_t proto)
{
	if (proto == 0)
		return "Options";
	return tok_find(ipproto_values, proto);
}

static const struct tok ip_option_values[] = {
	{0, "EOL"}, {1, "NOP"}, {68, "timestamp"}, {130, "security"}, {7, "RR"},
	{137, "SSRR"}, {131, "LSRR"}, {148, "RA"}, {82, "traceroute"}, {0, NULL}};

/* Prints " a.b.c.d" for each address of a RR/LSRR/SSRR option; -1 if truncated. */
static int ip_printroute(struct nd *nd, const uint8_t *cp, unsigned length)
{
	if (length < 3) {
		out_fmt(nd->out, " [bad length %u]", length);
		return 0;
	}
	if ((length + 1) & 3)
		out_fmt(nd->out, " [bad length %u]", length);
	unsigned ptr = (unsigned)GET_U8(nd, cp + 2) - 1;
	if (ptr < 3 || ((ptr + 1) & 3) || ptr > length + 1)
		out_fmt(nd->out, " [bad ptr %u]", GET_U8(nd, cp + 2));
	for (unsigned l = 3; l < length; l += 4) {
		if (!nd_ok(nd, cp + l, 4))
			return -1;
		ND_CHR(nd, ' ');
		nd_ipaddr(nd, cp + l);
		if (ptr > l)
			ND_CHR(nd, ',');
	}
	return 0;
}

static int ip_printts(struct nd *nd, const uint8_t *cp, unsigned length)
{
	if (length < 4) {
		out_fmt(nd->out, "[bad length %u]", length);
		return 0;
	}
	ND_STR(nd, " TS{");
	uint8_t fl = GET_U8(nd, cp + 3);
	unsigned hoplen = (fl & 0xf) != 0 ? 8 : 4;
	if ((length - 4) & (hoplen - 1))
		out_fmt(nd->out, "[bad length %u]", length);
	unsigned ptr = (unsigned)GET_U8(nd, cp + 2) - 1;
	unsigned l = 0;
	if (ptr < 4 || ((ptr - 4) & (hoplen - 1)) || ptr > length + 1)
		out_fmt(nd->out, "[bad ptr %u]", GET_U8(nd, cp + 2));
	switch (fl & 0xf) {
	case 0: ND_STR(nd, "TSONLY"); break;
	case 1: ND_STR(nd, "TS+ADDR"); break;
	case 3: ND_STR(nd, "PRESPEC"); break;
	default:
		out_fmt(nd->out, "[bad ts type %u]", fl & 0xf);
		goto done;
	}
	{
		const char *type = " ";
		for (l = 4; l < length; l += hoplen) {
			if (ptr == l)
				type = " ^ ";
			if (!nd_ok(nd, cp + l, hoplen))
				return -1;
			ND_STR(nd, type);
			ND_U(nd, GET_BE32(nd, cp + l + hoplen - 4));
			ND_CHR(nd, '@');
			if (hoplen == 8)
				nd_ipaddr(nd, cp + l);
			type = " ";
		}
	}
done:
	if (ptr == l)
		ND_STR(nd, " ^ ");
	if (fl >> 4)
		out_fmt(nd->out, " [%u hops not recorded]} ", fl >> 4);
	else
		ND_CHR(nd, '}');
	return 0;
}

static int ip_optprint(struct nd *nd, const uint8_t *cp, unsigned length)
{
	const char *sep = "";
	unsigned option_len;
	for (; length > 0; cp += option_len, length -= option_len) {
		ND_STR(nd, sep);
		sep = ",";
		uint8_t code = GET_U8(nd, cp);
		nd_tok(nd, ip_option_values, "unknown %u", code);
		if (code == 0 || code == 1) {
			option_len = 1;
		} else {
			option_len = GET_U8(nd, cp + 1);
			if (option_len < 2) {
				out_fmt(nd->out, " [bad length %u]", option_len);
				return 0;
			}
		}
		if (option_len > length) {
			out_fmt(nd->out, " [bad length %u]", option_len);
			return 0;
		}
		if (!nd_ok(nd, cp, option_len))
			return -1;
		switch (code) {
		case 0:
			return 0;
		case 68:
			if (ip_printts(nd, cp, option_len) == -1)
				return -1;
			break;
		case 7:
		case 131:
		case 137:
			if (ip_printroute(nd, cp, option_len) == -1)
				return -1;
			break;
		case 148:
			if (option_len < 4) {
				out_fmt(nd->out, " [bad length %u]", option_len);
				break;
			}
			if (GET_BE16(nd, cp + 2) != 0)
				out_fmt(nd->out, " value %u", GET_BE16(nd, cp + 2));
			break;
		default:
			break;
		}
	}
	return 0;
}

/* Final destination for the pseudo-header: the last hop of a source route if present. */
static void ip_finddst(struct nd *nd, const uint8_t *iph, unsigned hlen, uint8_t dst[4])
{
	GET_CPY(nd, dst, iph + 16, 4);
	const uint8_t *cp = iph + 20;
	unsigned length = hlen - 20, len;
	for (; length != 0; cp += len, length -= len) {
		if (!nd_ok(nd, cp, 1))
			return;
		uint8_t tt = cp[0];
		if (tt == 0)
			break;
		if (tt == 1) {
			len = 1;
		} else {
			if (!nd_ok(nd, cp + 1, 1))
				return;
			len = cp[1];
			if (len < 2)
				break;
		}
		if (length < len || !nd_ok(nd, cp, len))
			return;
		if ((tt == 131 || tt == 137) && len >= 7) {
			GET_CPY(nd, dst, cp + len - 4, 4);
			return;
		}
	}
}

/* Protocol names printed without -n.  tcpdump 4.99 has them built in (it does
 * not read /etc/protocols); read off its output for all 256 numbers. */
static const struct tok netdb_proto_names[] = {
	{0, "hopopt"}, {1, "icmp"}, {2, "igmp"}, {3, "ggp"}, {4, "ipencap"}, {5, "st"}, {6, "tcp"},
	{7, "cbt"}, {8, "egp"}, {9, "igp"}, {10, "bbn-rcc-mon"}, {11, "nvp-ii"}, {12, "pup"},
	{13, "argus"}, {14, "emcon"}, {15, "xnet"}, {16, "chaos"}, {17, "udp"}, {18, "mux"},
	{19, "dcn-meas"}, {20, "hmp"}, {21, "prm"}, {22, "xns-idp"}, {23, "trunk-1"},
	{24, "trunk-2"}, {25, "leaf-1"}, {26, "leaf-2"}, {27, "rdp"}, {28, "irtp"},
	{29, "iso-tp4"}, {30, "netblt"}, {31, "mfe-nsp"}, {32, "merit-inp"}, {33, "dccp"},
	{34, "3pc"}, {35, "idpr"}, {36, "xtp"}, {37, "ddp"}, {38, "idpr-cmtp"}, {39, "tp++"},
	{40, "il"}, {41, "ipv6"}, {42, "sdrp"}, {43, "ipv6-route"}, {44, "ipv6-frag"},
	{45, "idrp"}, {46, "rsvp"}, {47, "gre"}, {48, "dsr"}, {49, "bna"}, {50, "esp"}, {51, "ah"},
	{52, "i-nlsp"}, {53, "swipe"}, {54, "narp"}, {55, "mobile"}, {56, "tlsp"}, {57, "skip"},
	{58, "ipv6-icmp"}, {59, "ipv6-nonxt"}, {60, "ipv6-opts"}, {62, "cftp"}, {64, "sat-expak"},
	{65, "kryptolan"}, {66, "rvd"}, {67, "ippc"}, {69, "sat-mon"}, {70, "visa"}, {71, "ipcv"},
	{72, "cpnx"}, {73, "rspf"}, {74, "wsn"}, {75, "pvp"}, {76, "br-sat-mon"}, {77, "sun-nd"},
	{78, "wb-mon"}, {79, "wb-expak"}, {80, "iso-ip"}, {81, "vmtp"}, {82, "secure-vmtp"},
	{83, "vines"}, {84, "ttp"}, {85, "nsfnet-igp"}, {86, "dgp"}, {87, "tcf"}, {88, "eigrp"},
	{89, "ospf"}, {90, "sprite-rpc"}, {91, "larp"}, {92, "mtp"}, {93, "ax.25"}, {94, "ipip"},
	{95, "micp"}, {96, "scc-sp"}, {97, "etherip"}, {98, "encap"}, {100, "gmtp"}, {101, "ifmp"},
	{102, "pnni"}, {103, "pim"}, {104, "aris"}, {105, "scps"}, {106, "qnx"}, {107, "a/n"},
	{108, "ipcomp"}, {109, "snp"}, {110, "compaq-peer"}, {111, "ipx-in-ip"}, {112, "vrrp"},
	{113, "pgm"}, {115, "l2tp"}, {116, "ddx"}, {117, "iatp"}, {118, "stp"}, {119, "srp"},
	{120, "uti"}, {121, "smp"}, {122, "sm"}, {123, "ptp"}, {124, "isis"}, {125, "fire"},
	{126, "crtp"}, {127, "crudp"}, {128, "sscopmce"}, {129, "iplt"}, {130, "sps"},
	{131, "pipe"}, {132, "sctp"}, {133, "fc"}, {134, "rsvp-e2e-ignore"},
	{135, "mobility-header"}, {136, "udplite"}, {137, "mpls-in-ip"}, {138, "manet"},
	{139, "hip"}, {140, "shim6"}, {141, "wesp"}, {142, "rohc"}, {253, "exptest-253"},
	{254, "exptest-254"}, {255, "reserved"}, {0, NULL},
};

const char *proto_names_get(uint8_t proto)
{
	return tok_find(netdb_proto_names, proto);
}

static void proto_name_print(struct nd *nd, uint8_t proto)
{
	if (nd->o->nflag == 0) {
		const char *name = proto_names_get(proto);
		if (name) {
			ND_CHR(nd, ' ');
			ND_STR(nd, name);
			return;
		}
	}
	ND_STR(nd, " ip-proto-");
	ND_U(nd, proto);
}

/* Hand the payload to the next protocol (tcpdump's ip_demux_print). */
static void ip_demux(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip, uint8_t nh)
{
again:
	switch (nh) {
	case 51: { /* AH: print it, then what it protects */
		nd->protocol = "ah"; /* none of it captured: tcpdump's marker is AH's */
		nh = GET_U8(nd, p);
		unsigned adv = ah_print(nd, p);
		p += adv;
		len -= adv;
		goto again;
	}
	case 88:
		eigrp_print(nd, p, len);
		break;
	case 89:
		if (ip->v6)
			ospf6_print(nd, p, len);
		else
			ospf_print(nd, p, len);
		break;
	case 6:
		tcp_print(nd, p, len, ip);
		break;
	case 17:
		udp_print(nd, p, len, ip);
		break;
	case 1:
		if (ip->v6) {
			ND_STR(nd, "[ICMP requires IPv4]");
			nd_print_invalid(nd);
			break;
		}
		icmp_print(nd, p, len, ip);
		break;
	case 58:
		if (!ip->v6) {
			ND_STR(nd, "[ICMPv6 requires IPv6]");
			nd_print_invalid(nd);
			break;
		}
		icmp6_print(nd, p, len, ip);
		break;
	case IPPROTO_ETHERNET_: { /* Ethernet (RFC 8986) */
		if (!ip->v6) {
			ND_STR(nd, "[Ethernet requires IPv6]");
			nd_print_invalid(nd);
			break;
		}
		uint32_t ll = nd->ll_hdr_len; /* -x still starts after the outer link header */
		ether_print(nd, p, (uint32_t)nd_avail(nd, p), len);
		nd->ll_hdr_len = ll;
		break;
	}
	case 113:
		pgm_print(nd, p, len, ip);
		break;
	case 8: /* rest: EGP */
		egp_print(nd, p, len);
		break;
	case 9: /* rest: IGRP */
		igrp_print(nd, p, len);
		break;
	case 55: /* rest: Mobile IP minimal encapsulation */
		mobile_print(nd, p, len);
		break;
	case 108: /* rest: IPComp, payload not decompressed */
		ipcomp_print(nd, p);
		break;
	case 46: /* svc2 */
		rsvp_print(nd, p, len);
		break;
	case 2:
		if (ip->v6) {
			ND_STR(nd, "[IGMP requires IPv4]");
			nd_print_invalid(nd);
			break;
		}
		igmp_print(nd, p, len);
		break;
	case 103:
		pim_print(nd, p, len, ip);
		break;
	case 112:
		vrrp_print(nd, p, len, ip);
		break;
	case 132:
		sctp_print(nd, p, len, ip);
		break;
	case 33:
		dccp_print(nd, p, len, ip);
		break;
	case 50:
		esp_print(nd, p, len, ip);
		break;
	case 4:
		ip_print(nd, p, len);
		break;
	case 41:
		ip6_print(nd, p, len);
		break;
	case IPPROTO_GRE_:
		gre_print(nd, p, len);
		break;
	case 59:
		ND_STR(nd, "no next header"); /* over IPv4 too, as tcpdump does */
		break;
	case 77: /* Sun ND: tcpdump's own case, names it even with -n */
		ND_STR(nd, " nd ");
		ND_U(nd, len);
		break;
	default:
		proto_name_print(nd, nh);
		ND_CHR(nd, ' ');
		ND_U(nd, len);
		break;
	}
}

void ip6_demux(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip, uint8_t nh);
void ip6_demux(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip, uint8_t nh)
{
	ip_demux(nd, p, len, ip, nh);
}

void ip_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "ip";
	uint8_t vhl = GET_U8(nd, p);
	if ((vhl >> 4) != 4) {
		if ((vhl >> 4) == 6)
			ND_STR(nd, "IP6, wrong link-layer encapsulation");
		else {
			ND_STR(nd, "IP");
			ND_U(nd, vhl >> 4);
		}
		nd_print_invalid(nd);
		return;
	}
	if (!nd->o->eflag)
		ND_STR(nd, "IP ");
	if (!nd_ok(nd, p, 20)) {
		nd_print_trunc(nd);
		return;
	}
	if (length < 20) {
		ND_STR(nd, "truncated-ip ");
		ND_U(nd, length);
		return;
	}
	unsigned hlen = (vhl & 15) * 4u;
	if (hlen < 20) {
		ND_STR(nd, "bad-hlen ");
		ND_U(nd, hlen);
		return;
	}
	unsigned len = GET_BE16(nd, p + 2);
	if (length < len)
		out_fmt(nd->out, "truncated-ip - %u bytes missing! ", len - length);
	if (len < hlen) {
		/* Debian's tcpdump is built without GUESS_TSO: a zero length is bad too. */
		ND_STR(nd, "bad-len ");
		ND_U(nd, len);
		return;
	}
	nd_push_snaplen(nd, p, len); /* tcpdump 4.99.3 cuts at the IP length, even past a shorter link length */
	len -= hlen;
	unsigned off = GET_BE16(nd, p + 6);
	uint8_t proto = GET_U8(nd, p + 9);
	struct ipctx ip = {0};
	uint8_t srcb[4], dstb[4], ckdst[4];
	GET_CPY(nd, srcb, p + 12, 4);
	GET_CPY(nd, dstb, p + 16, 4);
	memcpy(ckdst, dstb, 4);
	ip.v6 = 0;
	ip.src = srcb;
	ip.dst = dstb;
	ip.ckdst = ckdst;
	ip.iph = p;
	ip.ttl = GET_U8(nd, p + 8);
	ip.fragmented = (off & IP_MF) != 0;

	if (nd->o->vflag) {
		uint8_t tos = GET_U8(nd, p + 1);
		ND_STR(nd, "(tos 0x");
		out_hex(nd->out, tos, 0);
		static const char *const ecn[4] = {"", ",ECT(1)", ",ECT(0)", ",CE"};
		ND_STR(nd, ecn[tos & 3]);
		if (ip.ttl >= 1) {
			ND_STR(nd, ", ttl ");
			ND_U(nd, ip.ttl);
		}
		ND_STR(nd, ", id ");
		ND_U(nd, GET_BE16(nd, p + 4));
		ND_STR(nd, ", offset ");
		ND_U(nd, (off & IP_OFFMASK) * 8u);
		ND_STR(nd, ", flags [");
		int any = 0;
		if (off & IP_MF) {
			ND_CHR(nd, '+');
			any = 1;
		}
		if (off & IP_DF) {
			if (any)
				ND_STR(nd, ", ");
			ND_STR(nd, "DF");
			any = 1;
		}
		if (off & IP_RES) {
			if (any)
				ND_STR(nd, ", ");
			ND_STR(nd, "rsvd");
			any = 1;
		}
		if (!any)
			ND_STR(nd, "none");
		ND_STR(nd, "], proto ");
		const char *pn = ipproto_name(proto);
		ND_STR(nd, pn ? pn : "unknown");
		ND_STR(nd, " (");
		ND_U(nd, proto);
		ND_STR(nd, "), length ");
		ND_U(nd, GET_BE16(nd, p + 2));
		int truncated = 0;
		if (hlen > 20) {
			ND_STR(nd, ", options (");
			if (ip_optprint(nd, p + 20, hlen - 20) == -1) {
				ND_STR(nd, " [truncated-option]");
				truncated = 1;
			}
			ND_CHR(nd, ')');
		}
		if (!nd->o->Kflag && nd_ok(nd, p, hlen)) {
			uint16_t sum = in_cksum(p, hlen, 0);
			if (sum != 0) {
				uint16_t ip_sum = GET_BE16(nd, p + 10);
				out_fmt(nd->out, ", bad cksum %x (->%x)!", ip_sum, in_cksum_shouldbe(ip_sum, sum));
			}
		}
		ND_STR(nd, ")\n    ");
		if (truncated) {
			nd_ipaddr(nd, p + 12);
			ND_STR(nd, " > ");
			nd_ipaddr(nd, p + 16);
			ND_STR(nd, ": ");
			nd_print_trunc(nd);
			nd_pop_snaplen(nd);
			return;
		}
	}

	if (hlen > 20 && proto != 1)
		ip_finddst(nd, p, hlen, ckdst);

	if ((off & IP_OFFMASK) == 0) {
		if (proto != 6 && proto != 17 && proto != 132 && proto != 33) {
			nd_ipaddr(nd, p + 12);
			ND_STR(nd, " > ");
			nd_ipaddr(nd, p + 16);
			ND_STR(nd, ": ");
		}
		if (!nd_ok(nd, p, hlen)) {
			out_fmt(nd->out, " [remaining caplen(%zu) < header length(%u)]", nd_avail(nd, p), hlen);
			nd_trunc(nd);
		}
		ip_demux(nd, p + hlen, len, &ip, proto);
	} else {
		if (nd->o->qflag > 1) {
			nd_pop_snaplen(nd);
			return;
		}
		nd_ipaddr(nd, p + 12);
		ND_STR(nd, " > ");
		nd_ipaddr(nd, p + 16);
		ND_CHR(nd, ':');
		proto_name_print(nd, proto);
	}
	nd_pop_snaplen(nd);
}
