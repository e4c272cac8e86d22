/*
 * decode.c - link (Ethernet + 802.1Q, Linux cooked v1/v2, BSD null/loop, raw),
 * IPv4 (RFC 791), IPv6 (RFC 8200) with extension headers, TCP (RFC 9293) with
 * options, UDP ports, ICMP/ICMPv6 errors with the quoted header, ARP requests.
 * Read through reader.h only; see decode.h for the contract.
 */
#include "decode.h"

#include <string.h>

#include "reader.h"

#define DLT_EN10MB_ 1
#define DLT_NULL_ 0
#define DLT_LOOP_ 108
#define DLT_RAW_ 12
#define LINKTYPE_RAW_ 101
#define DLT_LINUX_SLL_ 113
#define DLT_LINUX_SLL2_ 276
#define DLT_IPV4_ 228
#define DLT_IPV6_ 229

static void decode_ip(struct pkt *pk, struct rd r, uint32_t wirelen);
/* Start of the packet being decoded, to record payload offsets (never kept
 * past decode_packet()). */
static _Thread_local const uint8_t *dec_base;
static void decode_ip6(struct pkt *pk, struct rd r, uint32_t wirelen);

static void decode_ethertype(struct pkt *pk, uint16_t type, struct rd r, uint32_t wirelen)
{
	if (type == 0x0800) {
		decode_ip(pk, r, wirelen);
	} else if (type == 0x86dd) {
		decode_ip6(pk, r, wirelen);
	} else if (type == 0x0806) {
		uint16_t op, ptype;
		uint8_t hlen, plen;
		if (rd_be16(&r, 2, &ptype) || rd_u8(&r, 4, &hlen) || rd_u8(&r, 5, &plen) || rd_be16(&r, 6, &op)) {
			pk->truncated = 1;
			return;
		}
		if (ptype != 0x0800 || plen != 4)
			return;
		if (rd_copy(&r, 8u + hlen, pk->arp_spa, 4) || rd_copy(&r, 8u + 2u * hlen + 4u, pk->arp_tpa, 4)) {
			pk->truncated = 1;
			return;
		}
		pk->is_arp = 1;
		pk->arp_op = op;
	}
}

static void parse_tcp_options(struct tcp_opts *o, struct rd r)
{
	size_t off = 0;
	while (off < r.len) {
		uint8_t kind = r.p[off];
		if (kind == 0)
			break;
		if (kind == 1) {
			off++;
			continue;
		}
		uint8_t olen;
		if (rd_u8(&r, off + 1, &olen) || olen < 2 || !rd_have(&r, off, olen))
			break;
		switch (kind) {
		case 2:
			if (olen == 4) {
				uint16_t v = 0;
				if (rd_be16(&r, off + 2, &v) == 0)
					o->mss = v;
			}
			break;
		case 3:
			if (olen == 3) {
				uint8_t v = 0;
				if (rd_u8(&r, off + 2, &v) == 0)
					o->wscale = v > 14 ? 14 : v; /* RFC 7323: values above 14 are treated as 14 */
			}
			break;
		case 4:
			o->sack_ok = 1;
			break;
		case 5:
			for (unsigned i = 0; i < (unsigned)(olen - 2) / 8 && o->nsack < 4; i++) {
				rd_be32(&r, off + 2 + i * 8, &o->sack[o->nsack][0]);
				rd_be32(&r, off + 6 + i * 8, &o->sack[o->nsack][1]);
				o->nsack++;
			}
			break;
		case 8:
			if (olen == 10) {
				o->has_ts = 1;
				rd_be32(&r, off + 2, &o->ts_val);
				rd_be32(&r, off + 6, &o->ts_ecr);
			}
			break;
		case 19:
			o->has_md5 = 1;
			break;
		case 30:
			o->has_mptcp = 1;
			break;
		case 34:
			o->has_tfo = 1;
			break;
		default:
			break;
		}
		off += olen;
	}
}

static void decode_tcp(struct pkt *pk, struct rd r, uint32_t seglen)
{
	struct tcp_seg *t = &pk->tcp;
	uint8_t offx;
	if (rd_be16(&r, 0, &t->sport) || rd_be16(&r, 2, &t->dport) || rd_be32(&r, 4, &t->seq) ||
	    rd_be32(&r, 8, &t->ack) || rd_u8(&r, 12, &offx) || rd_u8(&r, 13, &t->flags) || rd_be16(&r, 14, &t->win)) {
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
	pk->pay_off = (uint32_t)(r.p - dec_base) + t->hlen;
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

static void decode_l4(struct pkt *pk, uint8_t proto, struct rd r, uint32_t seglen)
{
	pk->proto = proto;
	if (pk->frag)
		return;
	switch (proto) {
	case 6:
		decode_tcp(pk, r, seglen);
		break;
	case 17:
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
			pk->pay_off = (uint32_t)(r.p - dec_base) + 8;
			pk->pay_len = (uint32_t)n;
		}
		break;
	case 1:
	case 58:
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

static void decode_ip(struct pkt *pk, struct rd r, uint32_t wirelen)
{
	uint8_t vhl;
	uint16_t tot, off;
	if (rd_u8(&r, 0, &vhl) || (vhl >> 4) != 4) {
		pk->invalid = 1;
		return;
	}
	if (rd_u8(&r, 1, &pk->tos) || rd_be16(&r, 2, &tot) || rd_be16(&r, 4, &pk->ipid) || rd_be16(&r, 6, &off) ||
	    rd_u8(&r, 8, &pk->ttl) || rd_u8(&r, 9, &pk->proto) || rd_copy(&r, 12, pk->src, 4) ||
	    rd_copy(&r, 16, pk->dst, 4)) {
		pk->truncated = 1;
		return;
	}
	unsigned hl = (vhl & 15) * 4u;
	if (hl < 20 || tot < hl) {
		pk->invalid = 1;
		return;
	}
	pk->l3 = 4;
	pk->df = (off & 0x4000) != 0;
	pk->frag = (off & 0x3fff) != 0;
	uint32_t iplen = tot;
	if (iplen > wirelen)
		iplen = wirelen; /* the frame was cut short on the wire: trust what was there */
	decode_l4(pk, pk->proto, rd_sub(&r, hl, iplen - hl), iplen - hl);
}

static void decode_ip6(struct pkt *pk, struct rd r, uint32_t wirelen)
{
	uint8_t v, nh;
	uint16_t plen;
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
	decode_l4(pk, nh, rd_sub(&r, off, total - off), (uint32_t)(total - off));
}

int decode_packet(struct pkt *pk, int linktype, const uint8_t *data, uint32_t caplen, uint32_t len)
{
	uint64_t num = pk->num;
	int64_t sec = pk->ts_sec;
	uint32_t frac = pk->ts_frac;
	int nano = pk->ts_nano;
	memset(pk, 0, sizeof *pk);
	pk->num = num;
	pk->ts_sec = sec;
	pk->ts_frac = frac;
	pk->ts_nano = nano;
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
	case DLT_EN10MB_: {
		size_t off = 12;
		if (rd_be16(&r, off, &type)) {
			pk->truncated = 1;
			return 0;
		}
		rd_copy(&r, 0, pk->dst_mac, 6);
		rd_copy(&r, 6, pk->src_mac, 6);
		pk->has_mac = 1;
		off += 2;
		for (int i = 0; i < 4 && (type == 0x8100 || type == 0x88a8 || type == 0x9100); i++) {
			if (rd_be16(&r, off + 2, &type)) {
				pk->truncated = 1;
				return 0;
			}
			off += 4;
		}
		if (type <= 1500)
			return 0;
		decode_ethertype(pk, type, rd_sub(&r, off, r.len), len > off ? len - (uint32_t)off : 0);
		break;
	}
	case DLT_LINUX_SLL_: {
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
		decode_ethertype(pk, type, rd_sub(&r, 16, r.len), len > 16 ? len - 16 : 0);
		break;
	}
	case DLT_LINUX_SLL2_: {
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
		decode_ethertype(pk, type, rd_sub(&r, 20, r.len), len > 20 ? len - 20 : 0);
		break;
	}
	case DLT_NULL_:
	case DLT_LOOP_: {
		uint32_t fam;
		if ((linktype == DLT_LOOP_ ? rd_be32(&r, 0, &fam) : rd_le32(&r, 0, &fam))) {
			pk->truncated = 1;
			return 0;
		}
		if (linktype == DLT_NULL_ && (fam & 0xffff) == 0)
			fam >>= 24; /* written on the other byte order */
		struct rd s = rd_sub(&r, 4, r.len);
		if (fam == 2)
			decode_ip(pk, s, len - 4);
		else if (fam == 24 || fam == 28 || fam == 30)
			decode_ip6(pk, s, len - 4);
		break;
	}
	case DLT_RAW_:
	case LINKTYPE_RAW_:
	case DLT_IPV4_:
	case DLT_IPV6_: {
		uint8_t v;
		if (rd_u8(&r, 0, &v)) {
			pk->truncated = 1;
			return 0;
		}
		if ((v >> 4) == 4)
			decode_ip(pk, r, len);
		else if ((v >> 4) == 6)
			decode_ip6(pk, r, len);
		break;
	}
	default:
		break;
	}
	return 0;
}

double pkt_time(const struct pkt *pk)
{
	return (double)pk->ts_sec + (double)pk->ts_frac / (pk->ts_nano ? 1e9 : 1e6);
}
