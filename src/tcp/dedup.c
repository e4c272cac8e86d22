/*
 * dedup.c - recognise capture duplicates (see dedup.h).
 *
 * A direct-mapped table keyed by a 64-bit hash of the packet's identity: one
 * probe per packet, no chains, no allocation.  Collisions between different
 * packets only evict (a missed pair), and a false match needs the same
 * 64-bit hash and a fitting TTL within the time window.
 */
#include "dedup.h"

#include <stdlib.h>
#include <string.h>

#include "../decode/reader.h"

struct slot {
	uint64_t key;           /* 0: empty */
	uint32_t t_us;          /* capture time in microseconds, modulo 2^32 */
	uint8_t ttl;
	uint8_t pkttype;        /* cooked packet type, 255 unknown */
	uint16_t ifx;           /* cooked v2 interface index (low bits), 0xffff unknown */
	uint32_t back;          /* the reverse flow's packet counter when this copy was seen */
};

#define FLOW_SLOTS 4096

struct dedup {
	struct slot slot[DEDUP_SLOTS];
	/* Packets per directed flow (hashed, collisions share a counter).  The
	 * same bytes twice are a capture duplicate only if nothing came back the
	 * other way in between: an answer in between means the second copy may be
	 * a real retransmission (a fast retransmit on a LAN is a few
	 * microseconds away, with the same IPv6 header and TCP timestamp). */
	uint32_t flow[FLOW_SLOTS];
	uint64_t forwarded, identical;
};

struct dedup *dedup_new(void)
{
	return calloc(1, sizeof(struct dedup));
}

void dedup_free(struct dedup *d)
{
	free(d);
}

uint64_t dedup_forwarded(const struct dedup *d)
{
	return d->forwarded;
}

uint64_t dedup_identical(const struct dedup *d)
{
	return d->identical;
}

static inline uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v;
	h *= 0x9e3779b97f4a7c15ULL;
	return h ^ (h >> 29);
}

static uint64_t addr_word(const uint8_t *a, size_t off)
{
	uint64_t v;
	memcpy(&v, a + off, 8); /* our own decoded copy, not packet bytes */
	return v;
}

/* Index of the directed flow src:sport -> dst:dport (rev: the other way). */
static size_t flow_index(const struct pkt *pk, int rev)
{
	uint16_t sp = pk->has_tcp ? pk->tcp.sport : pk->has_udp ? pk->sport : 0;
	uint16_t dp = pk->has_tcp ? pk->tcp.dport : pk->has_udp ? pk->dport : 0;
	const uint8_t *a = rev ? pk->dst : pk->src, *b = rev ? pk->src : pk->dst;
	uint64_t h = mix(0x243f6a8885a308d3ULL, addr_word(a, 0) ^ (addr_word(a, 8) << 1));
	h = mix(h, addr_word(b, 0) ^ (addr_word(b, 8) << 1));
	h = mix(h, rev ? (uint64_t)dp << 16 | sp : (uint64_t)sp << 16 | dp);
	return (size_t)(h >> 40) & (FLOW_SLOTS - 1);
}

/* The identity of the IP packet, or 0 when it cannot be told apart from others. */
static uint64_t packet_key(const struct pkt *pk, const uint8_t *bytes, uint32_t caplen)
{
	if ((pk->l3 != 4 && pk->l3 != 6) || pk->frag || pk->truncated || pk->invalid)
		return 0;
	struct rd r = {bytes, caplen};
	uint64_t h = 0x8f1bbcdcca62c1d6ULL ^ (uint64_t)pk->l3;
	h = mix(h, addr_word(pk->src, 0));
	h = mix(h, addr_word(pk->dst, 0));
	if (pk->l3 == 6) {
		h = mix(h, addr_word(pk->src, 8));
		h = mix(h, addr_word(pk->dst, 8));
	}
	h = mix(h, (uint64_t)pk->proto << 32 | (uint64_t)pk->ipid << 16 | pk->tos);
	if (pk->has_tcp) {
		const struct tcp_seg *s = &pk->tcp;
		uint16_t ck = 0;
		if (pk->pay_off >= s->hlen)
			rd_be16(&r, (size_t)pk->pay_off - s->hlen + 16, &ck);
		h = mix(h, (uint64_t)s->sport << 48 | (uint64_t)s->dport << 32 | s->seq);
		h = mix(h, (uint64_t)s->ack << 32 | (uint64_t)s->flags << 24 | (uint64_t)s->win << 8);
		h = mix(h, (uint64_t)s->paylen << 16 | ck);
		/* options the checksum may not cover (offloaded: pseudo-header only) */
		if (s->opt.has_ts)
			h = mix(h, (uint64_t)s->opt.ts_val << 32 | s->opt.ts_ecr);
		for (int i = 0; i < s->opt.nsack && i < 4; i++)
			h = mix(h, (uint64_t)s->opt.sack[i][0] << 32 | s->opt.sack[i][1]);
	} else if (pk->has_udp) {
		uint16_t ulen = 0, ck = 0;
		if (pk->pay_off >= 8) {
			rd_be16(&r, (size_t)pk->pay_off - 4, &ulen);
			rd_be16(&r, (size_t)pk->pay_off - 2, &ck);
		}
		h = mix(h, (uint64_t)pk->sport << 48 | (uint64_t)pk->dport << 32 | (uint64_t)ulen << 16 | ck);
	} else if (pk->l3 == 4) {
		h = mix(h, (uint64_t)pk->icmp_type << 40 | (uint64_t)pk->icmp_code << 32 | pk->quote.seq);
		h = mix(h, (uint64_t)pk->quote.sport << 16 | pk->quote.dport);
	} else {
		return 0;
	}
	return h ? h : 1;
}

enum dedup_kind dedup_packet(struct dedup *d, const struct pkt *pk, const uint8_t *bytes, uint32_t caplen)
{
	uint64_t key = packet_key(pk, bytes, caplen);
	if (!key)
		return DEDUP_NONE;
	uint32_t back = d->flow[flow_index(pk, 1)];
	uint32_t t_us = (uint32_t)((uint64_t)pk->ts_sec * 1000000u + (pk->ts_nano ? pk->ts_frac / 1000u : pk->ts_frac));
	uint8_t ptype = pk->pkttype >= 0 && pk->pkttype < 255 ? (uint8_t)pk->pkttype : 255;
	uint16_t ifx = pk->ifindex >= 0 ? (uint16_t)(pk->ifindex & 0x7fff) : 0xffff;
	struct slot *s = &d->slot[key & (DEDUP_SLOTS - 1)];
	if (s->key == key) {
		uint32_t dt = t_us - s->t_us; /* modulo 2^32: a later packet */
		if (s->ttl == pk->ttl && dt <= DEDUP_SAME_WINDOW_US && s->back == back) {
			d->identical++;
			return DEDUP_IDENTICAL; /* keep the first copy's slot */
		}
		/* The next hop's copy: one TTL lower, going out or on another interface. */
		int other_side = ptype == 4 || (ifx != 0xffff && s->ifx != 0xffff && ifx != s->ifx);
		if (s->ttl == (uint8_t)(pk->ttl + 1) && pk->ttl != 255 && other_side && dt <= DEDUP_FWD_WINDOW_US) {
			d->forwarded++;
			/* remember this copy: a packet forwarded again in the same capture pairs with it */
			s->ttl = pk->ttl;
			s->t_us = t_us;
			s->pkttype = ptype;
			s->ifx = ifx;
			s->back = back;
			return DEDUP_FORWARDED;
		}
	}
	d->flow[flow_index(pk, 0)]++;
	s->key = key;
	s->t_us = t_us;
	s->ttl = pk->ttl;
	s->pkttype = ptype;
	s->ifx = ifx;
	s->back = back;
	return DEDUP_NONE;
}
