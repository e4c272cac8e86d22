/*
 * decode.c - link (Ethernet + 802.1Q/QinQ, Linux cooked v1/v2, BSD null/loop,
 * raw), tunnels (MPLS RFC 3032, PPPoE RFC 2516 + PPP RFC 1661, GRE RFC 2784/
 * 2890/2637, IP in IP RFC 2003/4213, VXLAN RFC 7348, GENEVE RFC 8926, ERSPAN,
 * VXLAN-GPE, NSH RFC 8300, MPLS in UDP RFC 7510),
 * IPv4 (RFC 791), IPv6 (RFC 8200) with extension headers, TCP (RFC 9293) with
 * options, UDP ports, ICMP/ICMPv6 errors with the quoted header, ARP requests.
 * Read through reader.h only; see decode.h for the contract.
 */
#include "decode.h"

#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "../proto.h"
#include "reader.h"

static void decode_ip(struct pkt *pk, struct rd r, uint32_t wirelen, int depth);
static void decode_ip6(struct pkt *pk, struct rd r, uint32_t wirelen, int depth);
static void decode_ether(struct pkt *pk, struct rd r, uint32_t wirelen, int depth);
static void decode_nsh(struct pkt *pk, struct rd r, uint32_t wirelen, int depth);
/* Start of the packet being decoded, to record offsets (never kept past
 * decode_packet()). */
static _Thread_local const uint8_t *dec_base;

static uint32_t off_of(struct rd r)
{
	return (uint32_t)(r.p - dec_base);
}

/* What is left on the wire after skipping n bytes. */
static uint32_t wire_after(uint32_t wirelen, size_t n)
{
	return wirelen > n ? wirelen - (uint32_t)n : 0;
}

/* An IP header whose version is in its first nibble (MPLS, ERSPAN III, raw). */
static void decode_ip_any(struct pkt *pk, struct rd r, uint32_t wirelen, int depth)
{
	uint8_t v;
	if (rd_u8(&r, 0, &v)) {
		pk->truncated = 1;
		return;
	}
	if ((v >> 4) == 4)
		decode_ip(pk, r, wirelen, depth);
	else if ((v >> 4) == 6)
		decode_ip6(pk, r, wirelen, depth);
}

/* MPLS label stack (RFC 3032), then IPv4/IPv6 as tcpdump guesses it: by the
 * bottom label (0 IPv4 explicit null, 2 IPv6 explicit null, 3 implicit null)
 * or else by the first byte of the payload. */
static void decode_mpls(struct pkt *pk, struct rd r, uint32_t wirelen, int depth)
{
	size_t off = 0;
	uint32_t e = 0;
	for (int i = 0; i < 16; i++) {
		if (rd_be32(&r, off, &e)) {
			pk->truncated = 1;
			return;
		}
		off += 4;
		if (e & 0x100)
			break;
	}
	if (!(e & 0x100))
		return; /* no bottom of stack within the bound */
	struct rd s = rd_sub(&r, off, r.len);
	uint32_t w = wire_after(wirelen, off);
	uint32_t label = e >> 12;
	if (label == 0 || label == 3) {
		decode_ip(pk, s, w, depth);
	} else if (label == 2) {
		decode_ip6(pk, s, w, depth);
	} else {
		uint8_t first;
		if (rd_u8(&s, 0, &first))
			return;
		if (first >= 0x45 && first <= 0x4f)
			decode_ip(pk, s, w, depth);
		else if (first >= 0x60 && first <= 0x6f)
			decode_ip6(pk, s, w, depth);
	}
}

/* A PPP frame (RFC 1661): optional address/control 0xff 0x03, a 1- or 2-byte
 * protocol, IPv4 / IPv6 / MPLS inside. */
static void decode_ppp(struct pkt *pk, struct rd r, uint32_t wirelen, int depth)
{
	size_t off = 0;
	uint16_t proto;
	uint8_t b0;
	/* address/control, or pppd's direction (0x00 in, 0x01 out) before control */
	if (rd_be16(&r, 0, &proto) == 0 && (proto == 0xff03 || proto == 0x0003 || proto == 0x0103))
		off = 2;
	if (rd_u8(&r, off, &b0)) {
		pk->truncated = 1;
		return;
	}
	if (b0 & 1) {
		proto = b0; /* protocol field compression */
		off += 1;
	} else {
		if (rd_be16(&r, off, &proto)) {
			pk->truncated = 1;
			return;
		}
		off += 2;
	}
	struct rd s = rd_sub(&r, off, r.len);
	uint32_t w = wire_after(wirelen, off);
	switch (proto) {
	case PPP_PROTO_IPV4:
	case ETHERTYPE_IPV4:
		decode_ip(pk, s, w, depth);
		break;
	case PPP_PROTO_IPV6:
	case ETHERTYPE_IPV6:
		decode_ip6(pk, s, w, depth);
		break;
	case PPP_PROTO_MPLS:
	case PPP_PROTO_MPLS_MULTI:
		decode_mpls(pk, s, w, depth);
		break;
	default:
		break;
	}
}

/* PPPoE session stage (RFC 2516): ver/type, code 0, session id, length, PPP. */
static void decode_pppoe(struct pkt *pk, struct rd r, uint32_t wirelen, int depth)
{
	uint8_t vt, code;
	uint16_t plen;
	if (rd_u8(&r, 0, &vt) || rd_u8(&r, 1, &code) || rd_be16(&r, 4, &plen)) {
		pk->truncated = 1;
		return;
	}
	if (code != 0)
		return;
	uint32_t w = wire_after(wirelen, 6);
	if (plen < w)
		w = plen;
	decode_ppp(pk, rd_sub(&r, 6, w), w, depth);
}

static void decode_ethertype(struct pkt *pk, uint16_t type, struct rd r, uint32_t wirelen, int depth)
{
	if (depth > DECODE_MAX_DEPTH)
		return;
	switch (type) {
	case ETHERTYPE_IPV4:
		decode_ip(pk, r, wirelen, depth);
		break;
	case ETHERTYPE_IPV6:
		decode_ip6(pk, r, wirelen, depth);
		break;
	case ETHERTYPE_MPLS:
	case ETHERTYPE_MPLS_MULTI:
		decode_mpls(pk, r, wirelen, depth + 1);
		break;
	case ETHERTYPE_PPPOES:
		decode_pppoe(pk, r, wirelen, depth + 1);
		break;
	case ETHERTYPE_NSH:
		decode_nsh(pk, r, wirelen, depth + 1);
		break;
	case ETHERTYPE_PPP:
		decode_ppp(pk, r, wirelen, depth + 1);
		break;
	case ETHERTYPE_ARP: {
		if (depth > 0)
			break; /* only the capture's own link carries ARP we act on */
		uint16_t op, ptype;
		uint8_t hlen, plen;
		if (rd_be16(&r, 2, &ptype) || rd_u8(&r, 4, &hlen) || rd_u8(&r, 5, &plen) || rd_be16(&r, 6, &op)) {
			pk->truncated = 1;
			return;
		}
		if (ptype != ETHERTYPE_IPV4 || plen != 4)
			return;
		if (rd_copy(&r, 8u + hlen, pk->arp_spa, 4) || rd_copy(&r, 8u + 2u * hlen + 4u, pk->arp_tpa, 4)) {
			pk->truncated = 1;
			return;
		}
		pk->is_arp = 1;
		pk->arp_op = op;
		break;
	}
	default:
		break;
	}
}

/* IEEE 802.2 LLC after an 802.3 length field: IPv4 on SAP 0x06, and SNAP
 * with an Ethernet type (OUI 00-00-00 or 00-00-f8), as the printer follows. */
static void decode_llc(struct pkt *pk, struct rd r, uint32_t wirelen, int depth)
{
	uint8_t dsap, ssap, ctrl;
	if (rd_u8(&r, 0, &dsap) || rd_u8(&r, 1, &ssap) || rd_u8(&r, 2, &ctrl))
		return;
	dsap &= 0xfe;
	ssap &= 0xfe;
	if (ctrl != 0x03) /* only unnumbered information frames carry these */
		return;
	if (dsap == 0xaa && ssap == 0xaa) {
		uint8_t o0, o1, o2;
		uint16_t pid;
		if (rd_u8(&r, 3, &o0) || rd_u8(&r, 4, &o1) || rd_u8(&r, 5, &o2) || rd_be16(&r, 6, &pid))
			return;
		if (o0 == 0 && o1 == 0 && (o2 == 0 || o2 == 0xf8))
			decode_ethertype(pk, pid, rd_sub(&r, 8, r.len), wire_after(wirelen, 8), depth);
	} else if (dsap == 0x06 && ssap == 0x06) {
		decode_ip(pk, rd_sub(&r, 3, r.len), wire_after(wirelen, 3), depth);
	}
}

/* An Ethernet frame inside a tunnel (GRE TEB, VXLAN, GENEVE, ERSPAN) or as the
 * capture's link layer (depth 0: the MACs are recorded). */
static void decode_ether(struct pkt *pk, struct rd r, uint32_t wirelen, int depth)
{
	uint16_t type;
	size_t off = 12;
	if (depth > DECODE_MAX_DEPTH)
		return;
	if (rd_be16(&r, off, &type)) {
		pk->truncated = 1;
		return;
	}
	if (depth == 0) {
		rd_copy(&r, 0, pk->dst_mac, 6);
		rd_copy(&r, 6, pk->src_mac, 6);
		pk->has_mac = 1;
	}
	off += 2;
	if (type == ETHERTYPE_IPV4) {   /* the usual frame: no tag, no length */
		decode_ip(pk, rd_sub(&r, off, r.len), wire_after(wirelen, off), depth);
		return;
	}
	for (int i = 0; i < 4 && ETHERTYPE_IS_VLAN(type); i++) {
		if (rd_be16(&r, off + 2, &type)) {
			pk->truncated = 1;
			return;
		}
		off += 4;
	}
	if (type <= ETHERTYPE_MAX_LENGTH) {
		/* an 802.3 length: the frame ends there (padding follows) */
		uint32_t w = wire_after(wirelen, off);
		if (type < w)
			w = type;
		decode_llc(pk, rd_sub(&r, off, w), w, depth);
		return;
	}
	if (type == ETHERTYPE_JUMBO) {
		decode_llc(pk, rd_sub(&r, off, r.len), wire_after(wirelen, off), depth);
		return;
	}
	decode_ethertype(pk, type, rd_sub(&r, off, r.len), wire_after(wirelen, off), depth);
}

/* GRE (RFC 2784 + RFC 2890 key/sequence, RFC 1701 routing; version 1 is
 * PPTP's enhanced GRE, RFC 2637, carrying PPP). */
static void decode_gre(struct pkt *pk, struct rd r, uint32_t wirelen, int depth)
{
	uint16_t flags, ptype;
	if (rd_be16(&r, 0, &flags) || rd_be16(&r, 2, &ptype)) {
		pk->truncated = 1;
		return;
	}
	size_t off = 4;
	unsigned ver = flags & GRE_VERSION_MASK;
	if (ver == 0) {
		if (flags & (GRE_F_CSUM | GRE_F_ROUTING))
			off += 4;
		if (flags & GRE_F_KEY)
			off += 4;
		if (flags & GRE_F_SEQ)
			off += 4;
		if (flags & GRE_F_ROUTING) {
			/* source route entries until the null one (bounded) */
			for (int i = 0; i < 16; i++) {
				uint16_t af;
				uint8_t srelen;
				if (rd_be16(&r, off, &af) || rd_u8(&r, off + 3, &srelen)) {
					pk->truncated = 1;
					return;
				}
				off += 4;
				if (af == 0 && srelen == 0)
					break;
				off += srelen;
				if (i == 15)
					return;
			}
		}
	} else if (ver == 1) {
		if (flags & GRE_F_KEY)
			off += 4;
		if (flags & GRE_F_SEQ)
			off += 4;
		if (flags & GRE_F_ACK)
			off += 4;
		if (!(flags & GRE_F_SEQ))
			return; /* no payload */
	} else {
		return;
	}
	if (!rd_have(&r, 0, off)) {
		pk->truncated = 1;
		return;
	}
	struct rd s = rd_sub(&r, off, r.len);
	uint32_t w = wire_after(wirelen, off);
	if (ver == 1) {
		if (ptype == ETHERTYPE_PPP)
			decode_ppp(pk, s, w, depth);
		return;
	}
	switch (ptype) {
	case ETHERTYPE_TEB:
		decode_ether(pk, s, w, depth);
		break;
	case ETHERTYPE_ERSPAN2:
		/* type I has no sequence number and no ERSPAN header; type II has 8 bytes */
		if (flags & GRE_F_SEQ)
			decode_ether(pk, rd_sub(&s, 8, s.len), wire_after(w, 8), depth);
		else
			decode_ether(pk, s, w, depth);
		break;
	case ETHERTYPE_ERSPAN3: {
		/* 12 bytes, + 8 of platform-specific subheader when O is set; frame type 0 Ethernet, 2 IP */
		uint16_t w3;
		if (rd_be16(&s, 10, &w3)) {
			pk->truncated = 1;
			return;
		}
		size_t eh = (w3 & 1) ? 20 : 12;
		unsigned ft = (w3 >> 10) & 0x1f;
		if (ft == 0)
			decode_ether(pk, rd_sub(&s, eh, s.len), wire_after(w, eh), depth);
		else if (ft == 2)
			decode_ip_any(pk, rd_sub(&s, eh, s.len), wire_after(w, eh), depth);
		break;
	}
	default:
		decode_ethertype(pk, ptype, s, w, depth);
		break;
	}
}

/* VXLAN (RFC 7348) and OTV (draft-hasmit-otv): 8 bytes, then an Ethernet frame. */
static void decode_vxlan(struct pkt *pk, struct rd r, uint32_t wirelen, int depth)
{
	if (!rd_have(&r, 0, 8)) {
		pk->truncated = 1;
		return;
	}
	decode_ether(pk, rd_sub(&r, 8, r.len), wire_after(wirelen, 8), depth);
}

/* NSH (RFC 8300): version 0, Length words of headers (at least the base and
 * service path words), then IPv4, IPv6 or Ethernet, as the printer follows. */
static void decode_nsh(struct pkt *pk, struct rd r, uint32_t wirelen, int depth)
{
	uint32_t base;
	if (depth > DECODE_MAX_DEPTH || wirelen < 8)
		return;
	if (rd_be32(&r, 0, &base)) {
		pk->truncated = 1;
		return;
	}
	size_t hl = ((base >> 16) & 0x3f) * 4u;
	if ((base >> 30) != 0 || hl < 8 || hl > wirelen)
		return;
	if (!rd_have(&r, 0, hl)) {
		pk->truncated = 1;
		return;
	}
	struct rd s = rd_sub(&r, hl, r.len);
	uint32_t w = wire_after(wirelen, hl);
	switch (base & 0xff) {
	case 1:
		decode_ip(pk, s, w, depth);
		break;
	case 2:
		decode_ip6(pk, s, w, depth);
		break;
	case 3:
		decode_ether(pk, s, w, depth);
		break;
	default:
		break;
	}
}

/* VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe): 8 bytes, the next protocol in byte 3
 * (1 IPv4, 2 IPv6, 3 Ethernet, 4 NSH). */
static void decode_vxlan_gpe(struct pkt *pk, struct rd r, uint32_t wirelen, int depth)
{
	uint8_t np;
	if (wirelen < 8)
		return;
	if (rd_u8(&r, 3, &np) || !rd_have(&r, 0, 8)) {
		pk->truncated = 1;
		return;
	}
	struct rd s = rd_sub(&r, 8, r.len);
	uint32_t w = wire_after(wirelen, 8);
	switch (np) {
	case 1:
		decode_ip(pk, s, w, depth);
		break;
	case 2:
		decode_ip6(pk, s, w, depth);
		break;
	case 3:
		decode_ether(pk, s, w, depth);
		break;
	case 4:
		decode_nsh(pk, s, w, depth + 1);
		break;
	default:
		break;
	}
}

/* L2TPv2 (RFC 2661) data message: flags/version, optional length, tunnel and
 * session ids, optional Ns/Nr, optional offset padding; then a PPP frame.
 * Control messages (T bit) carry no user traffic. */
static void decode_l2tp(struct pkt *pk, struct rd r, uint32_t wirelen, int depth)
{
	uint16_t fv;
	if (rd_be16(&r, 0, &fv)) {
		pk->truncated = 1;
		return;
	}
	if ((fv & 0x000f) != 2 || (fv & 0x8000))
		return;
	size_t off = 2;
	if (fv & 0x4000)
		off += 2;       /* length */
	off += 4;               /* tunnel id, session id */
	if (fv & 0x0800)
		off += 4;       /* Ns, Nr */
	if (fv & 0x0200) {      /* offset size, then that many bytes of padding */
		uint16_t pad;
		if (rd_be16(&r, off, &pad)) {
			pk->truncated = 1;
			return;
		}
		off += 2u + pad;
	}
	if (!rd_have(&r, 0, off)) {
		pk->truncated = 1;
		return;
	}
	decode_ppp(pk, rd_sub(&r, off, r.len), wire_after(wirelen, off), depth);
}

/* GENEVE (RFC 8926): version 0, options, protocol type (0x6558 Ethernet). */
static void decode_geneve(struct pkt *pk, struct rd r, uint32_t wirelen, int depth)
{
	uint8_t vo;
	uint16_t ptype;
	if (rd_u8(&r, 0, &vo) || rd_be16(&r, 2, &ptype)) {
		pk->truncated = 1;
		return;
	}
	if ((vo >> 6) != 0)
		return;
	size_t hl = 8 + (vo & 0x3f) * 4u;
	if (!rd_have(&r, 0, hl)) {
		pk->truncated = 1;
		return;
	}
	struct rd s = rd_sub(&r, hl, r.len);
	uint32_t w = wire_after(wirelen, hl);
	if (ptype == ETHERTYPE_TEB)
		decode_ether(pk, s, w, depth);
	else
		decode_ethertype(pk, ptype, s, w, depth);
}

static void parse_tcp_options(struct tcp_opts *o, struct rd r)
{
	size_t off = 0;
	uint8_t kind;
	while (rd_u8(&r, off, &kind) == 0) {
		if (kind == TCPOPT_EOL)
			break;
		if (kind == TCPOPT_NOP) {
			off++;
			continue;
		}
		uint8_t olen;
		if (rd_u8(&r, off + 1, &olen) || olen < 2 || !rd_have(&r, off, olen))
			break;
		switch (kind) {
		case TCPOPT_MSS:
			if (olen == 4) {
				uint16_t v = 0;
				if (rd_be16(&r, off + 2, &v) == 0)
					o->mss = v;
			}
			break;
		case TCPOPT_WSCALE:
			if (olen == 3) {
				uint8_t v = 0;
				if (rd_u8(&r, off + 2, &v) == 0)
					o->wscale = v > 14 ? 14 : v; /* RFC 7323: values above 14 are treated as 14 */
			}
			break;
		case TCPOPT_SACK_OK:
			o->sack_ok = 1;
			break;
		case TCPOPT_SACK:
			for (unsigned i = 0; i < (unsigned)(olen - 2) / 8 && o->nsack < 4; i++) {
				rd_be32(&r, off + 2 + i * 8, &o->sack[o->nsack][0]);
				rd_be32(&r, off + 6 + i * 8, &o->sack[o->nsack][1]);
				o->nsack++;
			}
			break;
		case TCPOPT_TS:
			if (olen == 10) {
				o->has_ts = 1;
				rd_be32(&r, off + 2, &o->ts_val);
				rd_be32(&r, off + 6, &o->ts_ecr);
			}
			break;
		case TCPOPT_MD5:
			o->has_md5 = 1;
			break;
		case TCPOPT_MPTCP:
			o->has_mptcp = 1;
			break;
		case TCPOPT_FASTOPEN:
			o->has_tfo = 1;
			break;
		default:
			break;
		}
		off += olen;
	}
}

/* The fixed fields of a TCP header, up to the window (16 bytes); -1 when cut
 * short (the fields before the cut are filled in). */
static inline __attribute__((always_inline)) int tcp_fixed(struct tcp_seg *t, const struct rd *r, uint8_t *offx)
{
	return rd_be16(r, 0, &t->sport) || rd_be16(r, 2, &t->dport) || rd_be32(r, 4, &t->seq) ||
	       rd_be32(r, 8, &t->ack) || rd_u8(r, 12, offx) || rd_u8(r, 13, &t->flags) || rd_be16(r, 14, &t->win);
}

static void decode_tcp(struct pkt *pk, struct rd r, uint32_t seglen)
{
	struct tcp_seg *t = &pk->tcp;
	uint8_t offx = 0;
	if (rd_have(&r, 0, 16)) {
		(void)tcp_fixed(t, &r, &offx);  /* cannot fail: the compiler drops the checks */
	} else {
		(void)tcp_fixed(t, &r, &offx);
		pk->truncated = 1;
		return;
	}
	t->hlen = (uint16_t)((offx >> 4) * 4);
	if (t->hlen < 20 || t->hlen > seglen) {
		pk->invalid = 1;
		return;
	}
	if (!rd_have(&r, 0, t->hlen)) {
		pk->truncated = 1;
		return;
	}
	t->opt.mss = -1;
	t->opt.wscale = -1;
	parse_tcp_options(&t->opt, rd_sub(&r, 20, t->hlen - 20u));
	t->paylen = seglen - t->hlen;
	t->capturedlen = r.len > t->hlen ? (uint32_t)(r.len - t->hlen) : 0;
	if (t->capturedlen > t->paylen)
		t->capturedlen = t->paylen;
	pk->pay_off = off_of(r) + t->hlen;
	pk->pay_len = t->capturedlen;
	pk->has_tcp = 1;
}

/* The IP header (+ 8 bytes) an ICMP error quotes. */
static void decode_quote(struct icmp_quote *q, struct rd r, int v6)
{
	uint8_t vhl;
	if (rd_u8(&r, 0, &vhl))
		return;
	size_t l4;
	if (!v6) {
		if ((vhl >> 4) != 4 || rd_u8(&r, 9, &q->proto) || rd_copy(&r, 12, q->src, 4) || rd_copy(&r, 16, q->dst, 4))
			return;
		l4 = (vhl & 15) * 4u;
	} else {
		if ((vhl >> 4) != 6 || rd_u8(&r, 6, &q->proto) || rd_copy(&r, 8, q->src, 16) ||
		    rd_copy(&r, 24, q->dst, 16))
			return;
		l4 = 40;
	}
	q->v6 = v6;
	if (q->proto == 6 || q->proto == 17) {
		if (rd_be16(&r, l4, &q->sport) || rd_be16(&r, l4 + 2, &q->dport))
			return;
		if (q->proto == 6)
			rd_be32(&r, l4 + 4, &q->seq);
	}
	q->valid = 1;
}

static void decode_l4(struct pkt *pk, uint8_t proto, struct rd r, uint32_t seglen, int depth)
{
	pk->proto = proto;
	if (pk->frag)
		return;
	pk->l4_off = off_of(r);
	switch (proto) {
	case IPPROTO_TCP_:
		decode_tcp(pk, r, seglen);
		break;
	case IPPROTO_UDP_:
		if (rd_be16(&r, 0, &pk->sport) || rd_be16(&r, 2, &pk->dport)) {
			pk->truncated = 1;
			return;
		}
		pk->has_udp = 1;
		if (r.len >= 8) {
			/* UDP payload: what the UDP length says, clipped to what was captured */
			uint16_t ulen = 0;
			rd_be16(&r, 4, &ulen);
			size_t n = r.len - 8;
			if (ulen >= 8 && (size_t)(ulen - 8) < n)
				n = (size_t)(ulen - 8);
			pk->pay_off = off_of(r) + 8;
			pk->pay_len = (uint32_t)n;
			/* tunnels over UDP, dispatched on either port as the printer does */
			uint32_t w = seglen > 8 ? seglen - 8 : 0;
			if (ulen >= 8 && ulen - 8u < w)
				w = ulen - 8u;
			if (pk->sport == PORT_DNS || pk->dport == PORT_DNS)
				break; /* the printer tries DNS first */
			if (pk->sport == PORT_VXLAN || pk->dport == PORT_VXLAN || pk->sport == PORT_OTV ||
			    pk->dport == PORT_OTV)
				decode_vxlan(pk, rd_sub(&r, 8, n), w, depth + 1);
			else if (pk->sport == PORT_GENEVE || pk->dport == PORT_GENEVE)
				decode_geneve(pk, rd_sub(&r, 8, n), w, depth + 1);
			else if (pk->sport == PORT_L2TP || pk->dport == PORT_L2TP)
				decode_l2tp(pk, rd_sub(&r, 8, n), w, depth + 1);
			else if (pk->sport == PORT_VXLAN_GPE || pk->dport == PORT_VXLAN_GPE)
				decode_vxlan_gpe(pk, rd_sub(&r, 8, n), w, depth + 1);
			else if (pk->sport == PORT_MPLS_UDP || pk->dport == PORT_MPLS_UDP)
				decode_mpls(pk, rd_sub(&r, 8, n), w, depth + 1);
		}
		break;
	case IPPROTO_IPIP_:
		decode_ip(pk, r, seglen, depth + 1);
		break;
	case IPPROTO_IPV6_:
		decode_ip6(pk, r, seglen, depth + 1);
		break;
	case IPPROTO_GRE_:
		decode_gre(pk, r, seglen, depth + 1);
		break;
	case IPPROTO_ETHERNET_:
		if (pk->l3 == 6) /* the printer follows it over IPv6 only */
			decode_ether(pk, r, seglen, depth + 1);
		break;
	case IPPROTO_ICMP_:
	case IPPROTO_ICMPV6_:
		if (rd_u8(&r, 0, &pk->icmp_type) || rd_u8(&r, 1, &pk->icmp_code)) {
			pk->truncated = 1;
			return;
		}
		pk->has_icmp = 1;
		if (proto == 1 && (pk->icmp_type == 3 || pk->icmp_type == 11 || pk->icmp_type == 12)) {
			if (pk->icmp_type == 3 && pk->icmp_code == 4)
				rd_be16(&r, 6, &pk->icmp_mtu);
			decode_quote(&pk->quote, rd_sub(&r, 8, r.len), 0);
		} else if (proto == 58 && pk->icmp_type >= 1 && pk->icmp_type <= 4) {
			if (pk->icmp_type == 2) {
				uint32_t mtu;
				if (!rd_be32(&r, 4, &mtu))
					pk->icmp_mtu = mtu > 65535 ? 65535 : (uint16_t)mtu;
			}
			decode_quote(&pk->quote, rd_sub(&r, 8, r.len), 1);
		} else if (proto == 58 && pk->icmp_type == 135) {
			if (!rd_copy(&r, 8, pk->quote.dst, 16))
				pk->nd_ns = 1;
		}
		break;
	default:
		break;
	}
}

/* Entering an inner IP header: forget what the outer one said. */
static void forget_outer(struct pkt *pk)
{
	pk->l3 = 0;
	pk->l4_off = 0;
	pk->proto = 0;
	pk->frag = 0;
	pk->df = 0;
	pk->ipid = 0;
	pk->has_udp = pk->has_tcp = pk->has_icmp = 0;
	pk->sport = pk->dport = 0;
	pk->pay_off = pk->pay_len = 0;
	pk->icmp_type = pk->icmp_code = 0;
	pk->icmp_mtu = 0;
	pk->nd_ns = 0;
	memset(&pk->quote, 0, sizeof pk->quote);
	memset(&pk->tcp, 0, sizeof pk->tcp);
}

/* The fixed IPv4 header after the first byte (20 bytes in all); -1 when cut
 * short (the fields before the cut are filled in). */
static inline __attribute__((always_inline)) int ip_fixed(struct pkt *pk, const struct rd *r, uint16_t *tot,
							  uint16_t *off)
{
	return rd_u8(r, 1, &pk->tos) || rd_be16(r, 2, tot) || rd_be16(r, 4, &pk->ipid) || rd_be16(r, 6, off) ||
	       rd_u8(r, 8, &pk->ttl) || rd_u8(r, 9, &pk->proto) || rd_copy(r, 12, pk->src, 4) ||
	       rd_copy(r, 16, pk->dst, 4);
}

static void decode_ip(struct pkt *pk, struct rd r, uint32_t wirelen, int depth)
{
	uint8_t vhl;
	uint16_t tot, off;
	if (depth > DECODE_MAX_DEPTH)
		return;
	if (pk->l3)
		forget_outer(pk);
	if (rd_u8(&r, 0, &vhl) || (vhl >> 4) != 4) {
		pk->invalid = 1;
		return;
	}
	tot = off = 0;
	if (rd_have(&r, 0, 20)) {
		(void)ip_fixed(pk, &r, &tot, &off);     /* cannot fail: the compiler drops the checks */
	} else {
		(void)ip_fixed(pk, &r, &tot, &off);
		pk->truncated = 1;
		return;
	}
	unsigned hl = (vhl & 15) * 4u;
	if (hl < 20 || tot < hl) {
		pk->invalid = 1;
		return;
	}
	pk->l3 = 4;
	pk->encap = depth;
	pk->l3_off = off_of(r);
	pk->df = (off & 0x4000) != 0;
	pk->frag = (off & 0x3fff) != 0;
	uint32_t iplen = tot;
	if (iplen > wirelen)
		iplen = wirelen; /* the frame was cut short on the wire: trust what was there */
	decode_l4(pk, pk->proto, rd_sub(&r, hl, iplen - hl), iplen - hl, depth);
}

static void decode_ip6(struct pkt *pk, struct rd r, uint32_t wirelen, int depth)
{
	uint8_t v, nh;
	uint16_t plen;
	if (depth > DECODE_MAX_DEPTH)
		return;
	if (pk->l3)
		forget_outer(pk);
	if (rd_u8(&r, 0, &v) || (v >> 4) != 6) {
		pk->invalid = 1;
		return;
	}
	uint32_t flow;
	if (rd_be32(&r, 0, &flow) || rd_be16(&r, 4, &plen) || rd_u8(&r, 6, &nh) || rd_u8(&r, 7, &pk->ttl) ||
	    rd_copy(&r, 8, pk->src, 16) || rd_copy(&r, 24, pk->dst, 16)) {
		pk->truncated = 1;
		return;
	}
	pk->l3 = 6;
	pk->encap = depth;
	pk->l3_off = off_of(r);
	pk->tos = (uint8_t)(flow >> 20);
	uint32_t total = plen ? plen + 40u : wirelen;
	if (total > wirelen)
		total = wirelen;
	if (total < 40) {
		pk->invalid = 1;
		return;
	}
	size_t off = 40;
	for (int i = 0; i < 8; i++) {
		if (nh == 0 || nh == 43 || nh == 60 || nh == 44) {
			uint8_t next, hlen8;
			if (rd_u8(&r, off, &next) || rd_u8(&r, off + 1, &hlen8)) {
				pk->truncated = 1;
				return;
			}
			size_t hlen = nh == 44 ? 8 : (hlen8 + 1u) * 8u;
			if (nh == 44) {
				uint16_t fo;
				uint32_t id;
				if (rd_be16(&r, off + 2, &fo) || rd_be32(&r, off + 4, &id)) {
					pk->truncated = 1;
					return;
				}
				pk->ipid = (uint16_t)id;
				if ((fo & 0xfff8) != 0 || (fo & 1))
					pk->frag = 1;
			}
			if (off + hlen > total) {
				pk->invalid = 1;
				return;
			}
			off += hlen;
			nh = next;
			continue;
		}
		break;
	}
	decode_l4(pk, nh, rd_sub(&r, off, total - off), (uint32_t)(total - off), depth);
}

/* After a Linux cooked header: 802.1Q tags (the printer follows 0x8100 only
 * there), then the protocol. */
static void decode_cooked(struct pkt *pk, uint16_t type, struct rd r, uint32_t wirelen)
{
	size_t off = 0;
	for (int i = 0; i < 4 && type == ETHERTYPE_VLAN; i++) {
		if (rd_be16(&r, off + 2, &type)) {
			pk->truncated = 1;
			return;
		}
		off += 4;
	}
	if (type > ETHERTYPE_MAX_LENGTH)
		decode_ethertype(pk, type, rd_sub(&r, off, r.len), wire_after(wirelen, off), 0);
}

/* memset(pk, 0, sizeof *pk) as 16-byte stores: gcc turns the memset of this
 * size into `rep stos`, which costs some 40 cycles to start on every packet. */
static inline void pkt_zero(struct pkt *pk)
{
#ifdef __SSE2__
	char *p = (char *)pk;
	size_t i = 0;
	__m128i z = _mm_setzero_si128();
#pragma GCC unroll 32
	for (; i + 16 <= sizeof *pk; i += 16)
		_mm_storeu_si128((__m128i *)(void *)(p + i), z);
	if (i < sizeof *pk)
		memset(p + i, 0, sizeof *pk - i);
#else
	memset(pk, 0, sizeof *pk);
#endif
}

/* IPv4 for af_inet; IPv6 for the BSDs' three AF_INET6 values (24, 28, 30) or af_inet6
 * (pass 24 when there is no other). */
static void decode_af(struct pkt *pk, uint32_t af, uint32_t af_inet, uint32_t af_inet6, struct rd r,
		      uint32_t wirelen)
{
	if (af == af_inet)
		decode_ip(pk, r, wirelen, 0);
	else if (af == af_inet6 || af == 24 || af == 28 || af == 30)
		decode_ip6(pk, r, wirelen, 0);
}

/* NFLOG: family(1) version(1) rid(2), then TLVs in the capturing host's order
 * (libpcap swaps them from a file of the other order); type 9 is the packet. */
static void decode_nflog(struct pkt *pk, struct rd r, uint32_t wirelen)
{
	uint8_t fam, ver;
	if (rd_u8(&r, 0, &fam) || rd_u8(&r, 1, &ver)) {
		pk->truncated = 1;
		return;
	}
	if (ver != 0)
		return;
	size_t off = 4;
	while (off < r.len) {
		uint16_t tl[2];
		if (rd_copy(&r, off, tl, sizeof tl)) {
			pk->truncated = 1;
			return;
		}
		uint16_t size = (uint16_t)((tl[0] + 3u) & ~3u);
		if (size < 4 || !rd_have(&r, off, size)) {
			pk->truncated = 1;
			return;
		}
		if (tl[1] == 9) {
			off += 4;
			decode_af(pk, fam, 2, 10, rd_sub(&r, off, r.len), wire_after(wirelen, off));
			return;
		}
		off += size;
	}
}

/* PKTAP: a little-endian header of pkt_len bytes naming the DLT behind it;
 * Ethernet, raw IP and null/loop are followed. */
static void decode_pktap(struct pkt *pk, struct rd r, uint32_t wirelen)
{
	uint32_t hl, rectype, dlt, fam;
	if (rd_le32(&r, 0, &hl) || rd_le32(&r, 4, &rectype) || rd_le32(&r, 8, &dlt)) {
		pk->truncated = 1;
		return;
	}
	if (hl < 108 || hl > wirelen || rectype != 1)
		return;
	if (!rd_have(&r, 0, hl)) {
		pk->truncated = 1;
		return;
	}
	struct rd s = rd_sub(&r, hl, r.len);
	uint32_t w = wire_after(wirelen, hl);
	if (dlt == LINKTYPE_EN10MB) {
		decode_ether(pk, s, w, 0);
	} else if (dlt == LINKTYPE_RAW_DLT || dlt == LINKTYPE_IPV4 || dlt == LINKTYPE_IPV6) {
		decode_ip_any(pk, s, w, 0);
	} else if (dlt == LINKTYPE_NULL || dlt == LINKTYPE_LOOP) {
		if (rd_le32(&s, 0, &fam)) {
			pk->truncated = 1;
			return;
		}
		if (fam & 0xffff0000u)
			fam = (fam >> 24) | ((fam >> 8) & 0xff00u) | ((fam & 0xff00u) << 8) | (fam << 24);
		decode_af(pk, fam, NULL_AF_INET, 24, rd_sub(&s, 4, s.len), wire_after(w, 4));
	}
}

/* The link types of print/links2.c (and the Broadcom tag prepended): a fixed
 * header, then IP by an address family, an ethertype, LLC or Ethernet. */
static void decode_link2(struct pkt *pk, int linktype, struct rd r, uint32_t len)
{
	uint8_t u8;
	uint16_t type;
	uint32_t af;
	switch (linktype) {
	case LINKTYPE_NFLOG:
		decode_nflog(pk, r, len);
		break;
	case LINKTYPE_PKTAP:
	case LINKTYPE_USER2:
		decode_pktap(pk, r, len);
		break;
	case LINKTYPE_IPNET:
		if (rd_u8(&r, 1, &u8) || !rd_have(&r, 0, 24)) {
			pk->truncated = 1;
			return;
		}
		decode_af(pk, u8, 2, 26, rd_sub(&r, 24, r.len), wire_after(len, 24));
		break;
	case LINKTYPE_ENC:
		/* af in the capturing host's order: bits in its upper half mean the other */
		if (rd_copy(&r, 0, &af, 4) || !rd_have(&r, 0, 12)) {
			pk->truncated = 1;
			return;
		}
		if (af & 0xffff0000u)
			af = (af >> 24) | ((af >> 8) & 0xff00u) | ((af & 0xff00u) << 8) | (af << 24);
		decode_af(pk, af, 2, 24, rd_sub(&r, 12, r.len), wire_after(len, 12));
		break;
	case LINKTYPE_PFLOG: {
		/* the header's length byte, rounded up to 4; the printer needs 64 bytes */
		uint8_t hl, fam;
		if (rd_u8(&r, 0, &hl) || rd_u8(&r, 1, &fam) || !rd_have(&r, 0, 64)) {
			pk->truncated = 1;
			return;
		}
		size_t off = ((size_t)hl + 3) & ~(size_t)3;
		if (hl >= 45 && rd_have(&r, 0, off))
			decode_af(pk, fam, 2, 24, rd_sub(&r, off, r.len), wire_after(len, off));
		break;
	}
	case LINKTYPE_SYMANTEC_FIREWALL:
	case LINKTYPE_IPOIB:
	case LINKTYPE_APPLE_IP_OVER_IEEE1394: {
		size_t at = linktype == LINKTYPE_SYMANTEC_FIREWALL ? 6 : linktype == LINKTYPE_IPOIB ? 40 : 16;
		size_t hl = linktype == LINKTYPE_APPLE_IP_OVER_IEEE1394 ? 18 : 44;
		if (rd_be16(&r, at, &type) || !rd_have(&r, 0, hl)) {
			pk->truncated = 1;
			return;
		}
		decode_ethertype(pk, type, rd_sub(&r, hl, r.len), wire_after(len, hl), 0);
		break;
	}
	case LINKTYPE_NETANALYZER:
	case LINKTYPE_NETANALYZER_TRANSPARENT:
	case LINKTYPE_DSA_TAG_BRCM_PREPEND: {
		size_t hl = linktype == LINKTYPE_NETANALYZER_TRANSPARENT ? 12 : 4;
		decode_ether(pk, rd_sub(&r, hl, r.len), wire_after(len, hl), 0);
		break;
	}
	case LINKTYPE_IP_OVER_FC:
		if (!rd_have(&r, 0, 16)) {
			pk->truncated = 1;
			return;
		}
		decode_llc(pk, rd_sub(&r, 16, r.len), wire_after(len, 16), 0);
		break;
	default:
		break;
	}
}

int decode_packet(struct pkt *pk, int linktype, const uint8_t *data, uint32_t caplen, uint32_t len)
{
	uint64_t num = pk->num;
	int64_t sec = pk->ts_sec;
	uint32_t frac = pk->ts_frac;
	int nano = pk->ts_nano;
	pkt_zero(pk);
	pk->num = num;
	pk->ts_sec = sec;
	pk->ts_frac = frac;
	pk->ts_nano = nano;
	pk->time = (double)sec + (double)frac / (nano ? 1e9 : 1e6);
	pk->time_set = 1;
	pk->caplen = caplen;
	pk->len = len;
	pk->pkttype = -1;
	pk->ifindex = -1;
	struct rd r = {data, caplen};
	dec_base = data;
	if (len < caplen)
		len = caplen;
	uint16_t type;
	switch (linktype) {
	case LINKTYPE_EN10MB:
		decode_ether(pk, r, len, 0);
		break;
	case LINKTYPE_LINUX_SLL: {
		uint16_t ptype, alen;
		if (rd_be16(&r, 14, &type)) {
			pk->truncated = 1;
			return 0;
		}
		rd_be16(&r, 0, &ptype);
		rd_be16(&r, 4, &alen);
		pk->pkttype = ptype;
		if (alen == 6 && rd_copy(&r, 6, pk->src_mac, 6) == 0)
			pk->has_mac = 1;
		decode_cooked(pk, type, rd_sub(&r, 16, r.len), wire_after(len, 16));
		break;
	}
	case LINKTYPE_LINUX_SLL2: {
		uint32_t ifx;
		uint8_t ptype, alen;
		if (rd_be16(&r, 0, &type) || rd_be32(&r, 4, &ifx) || rd_u8(&r, 10, &ptype) || rd_u8(&r, 11, &alen)) {
			pk->truncated = 1;
			return 0;
		}
		pk->ifindex = (int)(ifx & 0x7fffffff);
		pk->pkttype = ptype;
		if (alen == 6 && rd_copy(&r, 12, pk->src_mac, 6) == 0)
			pk->has_mac = 1;
		decode_cooked(pk, type, rd_sub(&r, 20, r.len), wire_after(len, 20));
		break;
	}
	case LINKTYPE_NULL:
	case LINKTYPE_LOOP: {
		uint32_t fam = 0;
		if ((linktype == LINKTYPE_LOOP ? rd_be32(&r, 0, &fam) : rd_le32(&r, 0, &fam))) {
			pk->truncated = 1;
			return 0;
		}
		if (fam & 0xffff0000u) /* written on the other byte order */
			fam = (fam >> 24) | ((fam >> 8) & 0xff00u) | ((fam & 0xff00u) << 8) | (fam << 24);
		struct rd s = rd_sub(&r, 4, r.len);
		if (fam == NULL_AF_INET)
			decode_ip(pk, s, wire_after(len, 4), 0);
		else if (NULL_AF_IS_INET6(fam))
			decode_ip6(pk, s, wire_after(len, 4), 0);
		break;
	}
	case LINKTYPE_PPP:
	case LINKTYPE_PPP_PPPD:
		decode_ppp(pk, r, len, 0);
		break;
	case LINKTYPE_PPP_ETHER:
		decode_pppoe(pk, r, len, 0);
		break;
	case LINKTYPE_PPP_SERIAL:
	case LINKTYPE_C_HDLC:
	case LINKTYPE_HDLC: {
		/* RFC 1662 address 0xff then a PPP protocol; Cisco HDLC 0x0f/0x8f then an
		 * ethertype.  Escaped frames (protocol 0x7eXX) are left alone. */
		uint8_t addr;
		if (rd_u8(&r, 0, &addr) || rd_be16(&r, 2, &type)) {
			pk->truncated = 1;
			return 0;
		}
		if (addr == 0x0f || addr == 0x8f)
			decode_ethertype(pk, type, rd_sub(&r, 4, r.len), wire_after(len, 4), 0);
		else if (addr == 0xff && linktype == LINKTYPE_PPP_SERIAL && (type & 0xff00) != 0x7e00)
			decode_ppp(pk, r, len, 0);
		break;
	}
	case LINKTYPE_IEEE802_5: {
		/* AC FC dst src [routing]; LLC when the frame control says so */
		uint8_t fc, s0;
		uint16_t rcf = 0;
		size_t hl = 14;
		if (rd_u8(&r, 1, &fc) || rd_u8(&r, 8, &s0)) {
			pk->truncated = 1;
			return 0;
		}
		if (s0 & 0x80) {
			if (rd_be16(&r, 14, &rcf)) {
				pk->truncated = 1;
				return 0;
			}
			hl += (rcf & 0x1f00) >> 8;
		}
		if ((fc & 0xc0) >> 6 == 1)
			decode_llc(pk, rd_sub(&r, hl, r.len), wire_after(len, (uint32_t)hl), 0);
		break;
	}
	case LINKTYPE_FDDI: {
		uint8_t fc;
		if (rd_u8(&r, 0, &fc)) {
			pk->truncated = 1;
			return 0;
		}
		if ((fc & 0xf0) == 0x50)
			decode_llc(pk, rd_sub(&r, 13, r.len), wire_after(len, 13), 0);
		break;
	}
	case LINKTYPE_SUNATM: {
		/* flags VPI VCI(2), then LLC unless a signalling or OAM VC; LAN
		 * emulation (flags 1): a LEC id, then Ethernet (0xff00: control) */
		uint8_t flags, vpi;
		uint16_t vci, lecid;
		if (rd_u8(&r, 0, &flags) || rd_u8(&r, 1, &vpi) || rd_be16(&r, 2, &vci)) {
			pk->truncated = 1;
			return 0;
		}
		if (vpi == 0 && vci >= 1 && vci <= 5)
			break;
		if ((flags & 0x0f) == 1) {
			if (rd_be16(&r, 4, &lecid) == 0 && lecid != 0xff00)
				decode_ether(pk, rd_sub(&r, 6, r.len), wire_after(len, 6), 0);
		} else {
			decode_llc(pk, rd_sub(&r, 4, r.len), wire_after(len, 4), 0);
		}
		break;
	}
	case LINKTYPE_PPI: {
		/* version flags length(2 LE) DLT(4 LE): Ethernet behind it is followed */
		uint16_t hl;
		uint32_t dlt;
		if (rd_le16(&r, 2, &hl) || rd_le32(&r, 4, &dlt)) {
			pk->truncated = 1;
			return 0;
		}
		if (dlt == LINKTYPE_EN10MB && hl >= 8)
			decode_ether(pk, rd_sub(&r, hl, r.len), wire_after(len, hl), 0);
		break;
	}
	/* linkb: SLIP (DLT 8, BSD/OS 15) has a 16-byte BPF header before IP; ATM
	 * RFC 1483 (DLT 11) starts with LLC, a Cisco NLPID after 0x03, or a 20-byte
	 * Fore header; Classical IP over ATM (DLT 19) with LLC/SNAP or bare IPv4. */
	case 8:
		decode_ip_any(pk, rd_sub(&r, 16, r.len), wire_after(len, 16), 0);
		break;
	case 15:
		decode_ip(pk, rd_sub(&r, 16, r.len), wire_after(len, 16), 0);
		break;
	case 11: {
		uint8_t b[4];
		if (rd_copy(&r, 0, b, 2)) {
			pk->truncated = 1;
			return 0;
		}
		if (b[0] == 0x03) {
			if (b[1] == 0xcc)
				decode_ip(pk, rd_sub(&r, 2, r.len), wire_after(len, 2), 0);
			else if (b[1] == 0x8e)
				decode_ip6(pk, rd_sub(&r, 2, r.len), wire_after(len, 2), 0);
			break;
		}
		if (rd_copy(&r, 0, b, 4))
			break;
		uint32_t llc = (uint32_t)b[0] << 16 | (uint32_t)b[1] << 8 | b[2];
		size_t off = llc == 0xaaaa03 || llc == 0xfefe03 || llc == 0x060603 ? 0 : 20;
		if (llc == 0xfefe03 && b[3] == 0xcc)
			decode_ip(pk, rd_sub(&r, 4, r.len), wire_after(len, 4), 0);
		else if (llc == 0xfefe03 && b[3] == 0x8e)
			decode_ip6(pk, rd_sub(&r, 4, r.len), wire_after(len, 4), 0);
		else
			decode_llc(pk, rd_sub(&r, off, r.len), wire_after(len, (uint32_t)off), 0);
		break;
	}
	case 19: {
		static const uint8_t clip_llc[6] = {0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00};
		uint8_t b[6];
		if (rd_copy(&r, 0, b, 6)) {
			pk->truncated = 1;
			return 0;
		}
		if (memcmp(b, clip_llc, 6) == 0)
			decode_llc(pk, r, len, 0);
		else
			decode_ip(pk, r, len, 0);
		break;
	}
	case LINKTYPE_RAW_DLT:
	case LINKTYPE_RAW:
	case LINKTYPE_IPV4:
	case LINKTYPE_IPV6:
		decode_ip_any(pk, r, len, 0);
		break;
	default:
		decode_link2(pk, linktype, r, len);
		break;
	}
	return 0;
}


static size_t put_addr(char *b, size_t cap, const uint8_t *a, int v6)
{
	int n;
	if (!v6) {
		n = snprintf(b, cap, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	} else {
		/* full form, no compression: the agreement test normalises both sides */
		n = snprintf(b, cap, "%x:%x:%x:%x:%x:%x:%x:%x", a[0] << 8 | a[1], a[2] << 8 | a[3], a[4] << 8 | a[5],
			     a[6] << 8 | a[7], a[8] << 8 | a[9], a[10] << 8 | a[11], a[12] << 8 | a[13],
			     a[14] << 8 | a[15]);
	}
	return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

size_t decode_dump_line(const struct pkt *pk, char *buf, size_t cap)
{
	size_t n;
	int k;
	if (cap == 0)
		return 0;
	k = snprintf(buf, cap, "%llu ", (unsigned long long)pk->num);
	n = k < 0 ? 0 : (size_t)k < cap ? (size_t)k : cap - 1;
	if (!(pk->l3 == 4 || pk->l3 == 6) || !(pk->has_tcp || pk->has_udp)) {
		k = snprintf(buf + n, cap - n, "- l3=%d enc=%d icmp=%d", pk->l3, pk->encap, pk->has_icmp);
	} else {
		int v6 = pk->l3 == 6;
		uint16_t sp = pk->has_tcp ? pk->tcp.sport : pk->sport, dp = pk->has_tcp ? pk->tcp.dport : pk->dport;
		k = snprintf(buf + n, cap - n, "%s ", v6 ? "v6" : "v4");
		n += k < 0 ? 0 : (size_t)k < cap - n ? (size_t)k : cap - n - 1;
		n += put_addr(buf + n, cap - n, pk->src, v6);
		k = snprintf(buf + n, cap - n, " %u ", sp);
		n += k < 0 ? 0 : (size_t)k < cap - n ? (size_t)k : cap - n - 1;
		n += put_addr(buf + n, cap - n, pk->dst, v6);
		if (pk->has_tcp)
			k = snprintf(buf + n, cap - n, " %u %u %u 0x%02x e%d", dp, pk->tcp.seq, pk->tcp.ack, pk->tcp.flags,
				     pk->encap);
		else
			k = snprintf(buf + n, cap - n, " %u udp e%d", dp, pk->encap);
	}
	n += k < 0 ? 0 : (size_t)k < cap - n ? (size_t)k : cap - n - 1;
	return n;
}
