/*
 * flow.c - the tracker's flow table: connections keyed by their 4-tuple (both
 * directions hash alike) in a power-of-two bucket array, two lists ordered by
 * last activity (oldest first) for expiry and eviction -- open connections
 * (idle timeout) and closed ones (close linger), so that one open connection
 * never holds back the release of closed ones behind it -- a hard cap on live
 * connections, and a free list of finished records for reuse.
 */
#include "track_int.h"

#include <stdlib.h>
#include <string.h>

struct tracker {
	struct tracker_cfg cfg;
	conn_done_cb done;
	void *user;
	struct conn **buckets;
	size_t nbuckets;        /* power of two */
	size_t live;
	uint64_t seen, overflow, next_id;
	struct conn *lru_head, *lru_tail; /* open connections, least recently active first */
	struct conn *cl_head, *cl_tail;   /* closed connections (FIN both ways or RST), likewise */
	double now;
	unsigned since_expire;  /* packets since the last expiry scan */
	struct conn *freelist;  /* finished records kept for reuse (at most FREELIST_MAX) */
	size_t nfree;
};

static inline uint32_t fnv4(uint32_t h, const uint8_t *a)
{
	return ((((h ^ a[0]) * 16777619u ^ a[1]) * 16777619u ^ a[2]) * 16777619u ^ a[3]) * 16777619u;
}

static uint32_t key_hash(int v6, const uint8_t *a, uint16_t pa, const uint8_t *b, uint16_t pb)
{
	/* Symmetric: both directions hash the same.  FNV-1a over each address, the
	 * IPv4 case unrolled (every packet of most captures). */
	uint32_t ha = 2166136261u, hb = 2166136261u;
	if (!v6) {
		ha = fnv4(ha, a);
		hb = fnv4(hb, b);
	} else {
		for (size_t i = 0; i < 16; i += 4) {
			ha = fnv4(ha, a + i);
			hb = fnv4(hb, b + i);
		}
	}
	ha = (ha ^ pa) * 16777619u;
	hb = (hb ^ pb) * 16777619u;
	uint32_t h = ha ^ hb;
	h ^= h >> 15;
	h *= 0x2c1b3c6dU;
	h ^= h >> 12;
	return h;
}

/* Two addresses equal: one 32-bit compare for IPv4 instead of a memcmp call. */
static inline int addr_eq(int v6, const uint8_t *x, const uint8_t *y)
{
	if (!v6) {
		uint32_t p, q;
		memcpy(&p, x, 4);
		memcpy(&q, y, 4);
		return p == q;
	}
	return memcmp(x, y, 16) == 0;
}

/* The connection of src:sport -> dst:dport in bucket chain h; *dir 0 when src is the client. */
static struct conn *chain_find(const struct tracker *t, uint32_t h, int v6, const uint8_t *src, uint16_t sport,
			       const uint8_t *dst, uint16_t dport, int *dir)
{
	for (struct conn *c = t->buckets[h & (t->nbuckets - 1)]; c; c = c->hnext) {
		if (c->v6 != v6)
			continue;
		if (c->cport == sport && c->sport == dport && addr_eq(v6, c->cli, src) && addr_eq(v6, c->srv, dst)) {
			*dir = 0;
			return c;
		}
		if (c->sport == sport && c->cport == dport && addr_eq(v6, c->srv, src) && addr_eq(v6, c->cli, dst)) {
			*dir = 1;
			return c;
		}
	}
	return NULL;
}

struct conn *tracker_find(struct tracker *t, int v6, const uint8_t *src, uint16_t sport, const uint8_t *dst,
			  uint16_t dport)
{
	int dir;
	return chain_find(t, key_hash(v6, src, sport, dst, dport), v6, src, sport, dst, dport, &dir);
}

struct tracker *tracker_new(const struct tracker_cfg *cfg, conn_done_cb done, void *user)
{
	struct tracker *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->cfg = *cfg;
	if (t->cfg.max_conns == 0)
		t->cfg.max_conns = DEFAULT_MAX_CONNS;
	if (t->cfg.idle_timeout <= 0)
		t->cfg.idle_timeout = DEFAULT_IDLE_TIMEOUT;
	if (t->cfg.close_linger <= 0)
		t->cfg.close_linger = DEFAULT_CLOSE_LINGER;
	t->nbuckets = MIN_BUCKETS;
	while (t->nbuckets < t->cfg.max_conns && t->nbuckets < MAX_BUCKETS)
		t->nbuckets <<= 1;
	t->buckets = calloc(t->nbuckets, sizeof *t->buckets);
	if (!t->buckets) {
		free(t);
		return NULL;
	}
	t->done = done;
	t->user = user;
	return t;
}

uint64_t tracker_conns_seen(const struct tracker *t)
{
	return t->seen;
}

uint64_t tracker_overflow(const struct tracker *t)
{
	return t->overflow;
}

/* Unlinks c from whichever list holds it (the ends tell which). */
static void lru_unlink(struct tracker *t, struct conn *c)
{
	if (c->lprev)
		c->lprev->lnext = c->lnext;
	else if (t->lru_head == c)
		t->lru_head = c->lnext;
	else if (t->cl_head == c)
		t->cl_head = c->lnext;
	if (c->lnext)
		c->lnext->lprev = c->lprev;
	else if (t->lru_tail == c)
		t->lru_tail = c->lprev;
	else if (t->cl_tail == c)
		t->cl_tail = c->lprev;
	c->lprev = c->lnext = NULL;
}

/* Appends c to the end of its list: the closed one once c is closed. */
static void lru_append(struct tracker *t, struct conn *c)
{
	struct conn **head = c->closed ? &t->cl_head : &t->lru_head;
	struct conn **tail = c->closed ? &t->cl_tail : &t->lru_tail;
	c->lprev = *tail;
	c->lnext = NULL;
	if (*tail)
		(*tail)->lnext = c;
	else
		*head = c;
	*tail = c;
}

void flow_closed(struct tracker *t, struct conn *c)
{
	if (t->cl_tail == c)
		return;
	lru_unlink(t, c);
	lru_append(t, c);
}

/* The least recently active connection of both lists (packet order, as one list would have it). */
static struct conn *oldest(const struct tracker *t)
{
	if (!t->cl_head)
		return t->lru_head;
	if (!t->lru_head || t->cl_head->last_pkt < t->lru_head->last_pkt)
		return t->cl_head;
	return t->lru_head;
}

static void hash_unlink(struct tracker *t, struct conn *c)
{
	uint32_t h = key_hash(c->v6, c->cli, c->cport, c->srv, c->sport);
	struct conn **pp = &t->buckets[h & (t->nbuckets - 1)];
	while (*pp && *pp != c)
		pp = &(*pp)->hnext;
	if (*pp)
		*pp = c->hnext;
}

static void finish_conn(struct tracker *t, struct conn *c, const char *reason)
{
	if (!c->end_reason)
		c->end_reason = reason;
	hash_unlink(t, c);
	lru_unlink(t, c);
	t->live--;
	if (t->done)
		t->done(t->user, c);
	if (t->nfree < FREELIST_MAX) {
		/* reused by the next new connection: no malloc/free churn, memory stays warm */
		c->hnext = t->freelist;
		t->freelist = c;
		t->nfree++;
	} else {
		free(c);
	}
}

void tracker_finish(struct tracker *t, const char *reason)
{
	/* Oldest activity first; the reporter orders by start time. */
	for (struct conn *c; (c = oldest(t));)
		finish_conn(t, c, reason);
}

void tracker_free(struct tracker *t)
{
	if (!t)
		return;
	tracker_finish(t, "end of capture");
	while (t->freelist) {
		struct conn *n = t->freelist->hnext;
		free(t->freelist);
		t->freelist = n;
	}
	free(t->buckets);
	free(t);
}

static void expire(struct tracker *t, double now)
{
	/* Each list is ordered by last activity, so stop at its first live one. */
	int budget = EXPIRE_BUDGET;
	while (t->cl_head && budget > 0 && now - t->cl_head->last > t->cfg.close_linger) {
		finish_conn(t, t->cl_head, NULL);
		budget--;
	}
	while (t->lru_head && budget > 0 && now - t->lru_head->last > t->cfg.idle_timeout &&
	       (!t->cfg.lazy_idle || t->live * 2 >= t->cfg.max_conns)) {
		struct conn *c = t->lru_head;
		finish_conn(t, c, c->closed ? NULL : "idle timeout");
		budget--;
	}
}

void tracker_tick(struct tracker *t, double now)
{
	if (now > t->now)
		t->now = now;
	expire(t, t->now);
}

/* Who is the client: the sender of a SYN, the receiver of a SYN-ACK, else (mid-stream)
 * the side that does not use a well-known port. */
static void conn_endpoints(struct conn *c, const struct pkt *pk)
{
	const struct tcp_seg *s = &pk->tcp;
	int sender_is_client = 1;
	if ((s->flags & (TCPF_SYN | TCPF_ACK)) == TCPF_SYN) {
		c->client_known = 1;
	} else if ((s->flags & (TCPF_SYN | TCPF_ACK)) == (TCPF_SYN | TCPF_ACK)) {
		sender_is_client = 0;
		c->client_known = 1;
	} else if (s->sport < 1024 && s->dport >= 1024) {
		sender_is_client = 0; /* mid-stream: the well-known port is the server */
	}
	size_t alen = pk->l3 == 6 ? 16 : 4;
	c->v6 = pk->l3 == 6;
	if (sender_is_client) {
		memcpy(c->cli, pk->src, alen);
		memcpy(c->srv, pk->dst, alen);
		c->cport = s->sport;
		c->sport = s->dport;
	} else {
		memcpy(c->cli, pk->dst, alen);
		memcpy(c->srv, pk->src, alen);
		c->cport = s->dport;
		c->sport = s->sport;
	}
}

static struct conn *conn_new(struct tracker *t, const struct pkt *pk, double now, uint32_t h)
{
	if (t->live >= t->cfg.max_conns) {
		/* Table full: finish the least recently active connection first. */
		t->overflow++;
		if (!oldest(t))
			return NULL;
		finish_conn(t, oldest(t), "evicted (table full)");
	}
	struct conn *c = t->freelist;
	if (c) {
		t->freelist = c->hnext;
		t->nfree--;
		memset(c, 0, sizeof *c);
	} else {
		c = calloc(1, sizeof *c);
	}
	if (!c) {
		t->overflow++;
		return NULL;
	}
	conn_endpoints(c, pk);
	c->id = t->next_id++;
	c->start = c->last = now;
	c->first_pkt = pk->num;
	c->rst_first_by = -1;
	c->rtt_min = -1;
	for (int d = 0; d < 2; d++) {
		c->h[d].wscale = -1;
		c->h[d].mss = -1;
	}
	c->hnext = t->buckets[h & (t->nbuckets - 1)];
	t->buckets[h & (t->nbuckets - 1)] = c;
	lru_append(t, c);
	t->live++;
	t->seen++;
	return c;
}

struct conn *flow_packet(struct tracker *t, const struct pkt *pk, double now, int *dir, uint32_t *tags)
{
	if (now > t->now)
		t->now = now;
	if (++t->since_expire >= EXPIRE_EVERY) {
		t->since_expire = 0;
		expire(t, t->now);
	}
	const struct tcp_seg *s = &pk->tcp;
	int v6 = pk->l3 == 6;
	uint32_t h = key_hash(v6, pk->src, s->sport, pk->dst, s->dport);
	*dir = 0;
	struct conn *c = chain_find(t, h, v6, pk->src, s->sport, pk->dst, s->dport, dir);
	/* A new SYN with another ISN on a known 4-tuple: the ports are reused. */
	if (c && (s->flags & (TCPF_SYN | TCPF_ACK)) == TCPF_SYN && c->h[*dir].isn_set && s->seq != c->h[*dir].isn) {
		c->port_reused = 1;
		finish_conn(t, c, "port reused");
		c = NULL;
		*tags |= TAG_PORT_REUSE;
	}
	if (!c) {
		c = conn_new(t, pk, now, h);
		if (!c)
			return NULL;
		chain_find(t, h, v6, pk->src, s->sport, pk->dst, s->dport, dir);
		if (!c->client_known)
			*tags |= TAG_WSCALE_UNKNOWN;
	}
	lru_unlink(t, c);
	lru_append(t, c);
	c->last = now;
	c->last_pkt = pk->num;
	return c;
}
