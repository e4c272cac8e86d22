/*
 * dedup.c - recognise capture duplicates (see dedup.h).
 *
 * Tables keyed by a 64-bit hash of the packet's identity: no chains, no
 * allocation.  Collisions between different packets only evict (a missed
 * pair), and a false match needs the same 64-bit hash and a fitting TTL
 * within the time window.
 *
 * Two tables:
 *  - until the first cooked packet (Linux `-i any`: the only packets that can
 *    be forwarded copies, whose pair may be up to DEDUP_FWD_WINDOW apart),
 *    every packet can only be an identical copy, DEDUP_SAME_WINDOW (5 ms)
 *    after the first: a small 4-way set-associative table of
 *    DEDUP_RECENT_SETS cache lines, first in first out per set.  It stays in
 *    the CPU cache, where a probe of the big table missed it on almost every
 *    packet (a tenth of `diagnose`'s time).  With four ways a pair is lost
 *    (evicted) less than once in 1000 with 100 other packets between the
 *    copies and 3% of the time with 300 (the big direct-mapped table: 0.6%
 *    and 1.8%; a direct-mapped table of 16 KB loses 2% already at 20);
 *  - from the first cooked packet on: the big direct-mapped table of
 *    DEDUP_SLOTS, one probe per packet.  The recent table's entries move
 *    into it then, so a copy still pairs with a first copy seen before.
 */
#include "dedup.h"

#include <stdlib.h>
#include <string.h>

#include "../decode/reader.h"

struct slot {                   /* 16 bytes: the table stays small */
	uint32_t tag;           /* the key's high half (the low bits are the index); 0: empty */
	uint8_t ttl;
	uint8_t pkttype;        /* cooked packet type, 255 unknown */
	uint16_t ifx;           /* cooked v2 interface index (low 16 bits), 0xffff unknown */
	double t;               /* capture time */
};

#define DEDUP_WAYS 4            /* one 64-byte cache line per set (dedup_recent compares all four) */
#define DEDUP_RECENT_SETS 256   /* power of two: 16 KB */

/* A set of the recent table: its packets are never cooked, so a way keeps only
 * tag, TTL and time, and way 0's spare byte says which way to replace next
 * (first in, first out: packets come in time order, so that is the oldest). */
struct rslot {
	uint32_t tag;
	uint8_t ttl;
	uint8_t next;           /* way 0 only */
	uint16_t low;           /* the key's low bits: its index in the big table */
	double t;
};
struct set {
	_Alignas(64) struct rslot w[DEDUP_WAYS];
};
_Static_assert(DEDUP_WAYS == 4 && sizeof(struct set) == 64, "dedup_recent compares four ways, one cache line");

struct dedup {
	struct set recent[DEDUP_RECENT_SETS];   /* first: aligned like the struct */
	struct slot slot[DEDUP_SLOTS];          /* from the first cooked packet on */
	int big;                                /* a cooked packet was seen: use slot[] */
	uint64_t forwarded, identical;
};

struct dedup *dedup_new(void)
{
	struct dedup *d = aligned_alloc(64, (sizeof(struct dedup) + 63) & ~(size_t)63);
	if (d)
		memset(d, 0, sizeof *d);
	return d;
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

#define K1 0x9e3779b97f4a7c15ULL
#define K2 0xc2b2ae3d27d4eb4fULL
#define K3 0x165667b19e3779f9ULL
#define K4 0xd6e8feb86659fd93ULL
#define K5 0xff51afd7ed558ccdULL

static inline uint64_t fold(uint64_t h)
{
	h ^= h >> 33;
	h *= K5;
	return h ^ (h >> 29);
}

/* pk->src / pk->dst are our own decoded copy, not packet bytes. */
static inline uint64_t addr64(const uint8_t *a, size_t off)
{
	uint64_t v;
	memcpy(&v, a + off, 8);
	return v;
}

/* The identity of the IP packet, or 0 when it cannot be told apart from
 * others.  Independent multiplies (no chain) keep it to a few cycles. */
static uint64_t packet_key(const struct pkt *pk, const uint8_t *bytes, uint32_t caplen)
{
	uint64_t h;
	if (pk->l3 == 4) {
		uint32_t sa, da;
		memcpy(&sa, pk->src, 4);
		memcpy(&da, pk->dst, 4);
		h = ((uint64_t)sa << 32 | da) * K1;
	} else {
		h = (addr64(pk->src, 0) * K5) ^ (addr64(pk->src, 8) * K4) ^ (addr64(pk->dst, 0) * K3) ^
		    (addr64(pk->dst, 8) * K1);
	}
	h += ((uint64_t)pk->proto << 56 | (uint64_t)pk->ipid << 40 | (uint64_t)pk->tos << 32) * K2;
	if (pk->has_tcp) {
		/* Not the checksum: a router clamping the MSS of SYNs rewrites it (and an
		 * offloaded one covers only the pseudo-header); the timestamps and SACK
		 * blocks tell segments apart where the IP ID does not (IPv6). */
		const struct tcp_seg *s = &pk->tcp;
		h += ((uint64_t)s->sport << 16 | s->dport) * K5 + ((uint64_t)s->seq << 32 | s->ack) * K3 +
		     ((uint64_t)s->flags << 56 | (uint64_t)s->win << 40 | (uint64_t)(s->paylen & 0xffffff)) * K4;
		if (s->opt.has_ts)
			h += ((uint64_t)s->opt.ts_val << 32 | s->opt.ts_ecr) * K1;
		for (int i = 0; i < s->opt.nsack && i < 4; i++)
			h = fold(h + ((uint64_t)s->opt.sack[i][0] << 32 | s->opt.sack[i][1]) * K2);
	} else if (pk->has_udp) {
		uint16_t ulen = 0, ck = 0;
		if (pk->pay_off >= 8) {
			struct rd r = {bytes, caplen};
			rd_be16(&r, (size_t)pk->pay_off - 4, &ulen);
			rd_be16(&r, (size_t)pk->pay_off - 2, &ck);
		}
		h += ((uint64_t)pk->sport << 48 | (uint64_t)pk->dport << 32 | (uint64_t)ulen << 16 | ck) * K3;
	} else if (pk->l3 == 4) {
		h += ((uint64_t)pk->icmp_type << 56 | (uint64_t)pk->icmp_code << 48 | pk->quote.seq) * K3 +
		     ((uint64_t)pk->quote.sport << 16 | pk->quote.dport) * K4;
	} else {
		return 0;
	}
	return fold(h);
}

/* Did the other side of this TCP connection send anything at or after time
 * since?  Then a second copy may be a real retransmission that answer caused
 * (a fast retransmit on a LAN comes microseconds later, with the same IPv6
 * header and TCP timestamp), not a capture duplicate. */
static int answered_since(struct tracker *t, const struct pkt *pk, double since)
{
	if (!t || !pk->has_tcp)
		return 0;
	const struct conn *c = tracker_find(t, pk->l3 == 6, pk->src, pk->tcp.sport, pk->dst, pk->tcp.dport);
	if (!c)
		return 0;
	size_t alen = pk->l3 == 6 ? 16 : 4;
	int dir = c->cport == pk->tcp.sport && memcmp(c->cli, pk->src, alen) == 0 ? 0 : 1;
	const struct half *rev = &c->h[!dir];
	return rev->seen && rev->lastack_time >= since;
}

/* Before the first cooked packet, a packet can only be an identical copy. */
static enum dedup_kind dedup_recent(struct dedup *d, const struct pkt *pk, uint64_t key, uint32_t tag, double now,
				    struct tracker *t)
{
	struct set *set = &d->recent[key & (DEDUP_RECENT_SETS - 1)];
	/* The usual packet matches no way: four compares, one branch. */
	unsigned m = (unsigned)(set->w[0].tag == tag) | (unsigned)(set->w[1].tag == tag) << 1 |
		     (unsigned)(set->w[2].tag == tag) << 2 | (unsigned)(set->w[3].tag == tag) << 3;
	if (m) {
		struct rslot *s = &set->w[__builtin_ctz(m)];
		double dt = now - s->t;
		if (s->ttl == pk->ttl && dt >= 0 && dt <= DEDUP_SAME_WINDOW && !answered_since(t, pk, s->t)) {
			d->identical++;
			return DEDUP_IDENTICAL; /* keep the first copy's entry */
		}
		s->t = now;
		s->ttl = pk->ttl;
		return DEDUP_NONE;
	}
	struct rslot *s = &set->w[set->w[0].next++ & (DEDUP_WAYS - 1)];
	s->tag = tag;
	s->low = (uint16_t)key;
	s->t = now;
	s->ttl = pk->ttl;
	return DEDUP_NONE;
}

/* The first cooked packet: from now on the big table, holding what the recent
 * one remembers (where two collide, the later packet, as if it had been there). */
static void go_big(struct dedup *d)
{
	_Static_assert(DEDUP_SLOTS <= 65536, "the recent table keeps 16 bits of the index");
	d->big = 1;
	for (int i = 0; i < DEDUP_RECENT_SETS; i++)
		for (int j = 0; j < DEDUP_WAYS; j++) {
			const struct rslot *r = &d->recent[i].w[j];
			struct slot *s = &d->slot[r->low & (DEDUP_SLOTS - 1)];
			if (!r->tag || (s->tag && s->t > r->t))
				continue;
			s->tag = r->tag;
			s->ttl = r->ttl;
			s->pkttype = 255;
			s->ifx = 0xffff;
			s->t = r->t;
		}
}

enum dedup_kind dedup_packet(struct dedup *d, const struct pkt *pk, const uint8_t *bytes, uint32_t caplen,
			     struct tracker *t)
{
	if ((pk->l3 != 4 && pk->l3 != 6) || pk->frag || pk->truncated || pk->invalid)
		return DEDUP_NONE;
	uint64_t key = packet_key(pk, bytes, caplen);
	if (!key)
		return DEDUP_NONE;
	uint32_t tag = (uint32_t)(key >> 32) | 1u;
	double now = pkt_time(pk);
	if (!d->big) {
		if (pk->pkttype < 0 && pk->ifindex < 0)
			return dedup_recent(d, pk, key, tag, now, t);
		go_big(d);
	}
	uint8_t ptype = (uint8_t)pk->pkttype;   /* -1 (unknown) becomes 255 */
	uint16_t ifx = (uint16_t)pk->ifindex;   /* -1 (unknown) becomes 0xffff */
	struct slot *s = &d->slot[key & (DEDUP_SLOTS - 1)];
	if (s->tag == tag) {
		double dt = now - s->t;
		if (s->ttl == pk->ttl && dt >= 0 && dt <= DEDUP_SAME_WINDOW && !answered_since(t, pk, s->t)) {
			d->identical++;
			return DEDUP_IDENTICAL; /* keep the first copy's slot */
		}
		/* The next hop's copy: one TTL lower, going out or on another interface. */
		int other_side = ptype == 4 || (ifx != 0xffff && s->ifx != 0xffff && ifx != s->ifx);
		if (s->ttl == (uint8_t)(pk->ttl + 1) && pk->ttl != 255 && other_side && dt >= 0 &&
		    dt <= DEDUP_FWD_WINDOW) {
			d->forwarded++;
			/* remember this copy: a packet forwarded again in the same capture pairs with it */
			s->ttl = pk->ttl;
			s->t = now;
			s->pkttype = ptype;
			s->ifx = ifx;
			return DEDUP_FORWARDED;
		}
	}
	s->tag = tag;
	s->t = now;
	s->ttl = pk->ttl;
	s->pkttype = ptype;
	s->ifx = ifx;
	return DEDUP_NONE;
}
