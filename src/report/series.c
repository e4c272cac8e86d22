/* series.c - per-connection time series, one streaming pass (see series.h). */
#include "series.h"

#include <stdlib.h>
#include <string.h>

#include "../util/fmt.h"

struct series {
	uint64_t only;
	struct series_conn **conns;   /* index = connection number - 1 (sparse for graph) */
	size_t nconns, cap;
	uint64_t table_dropped;
	size_t ngraph;
	uint64_t spare[SERIES_MAX_GRAPH];  /* finished connections without events: their slots can go */
	size_t nspare;
};

struct series *series_new(uint64_t only_conn)
{
	struct series *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->only = only_conn;
	return s;
}

static void conn_free(struct series_conn *c)
{
	if (!c)
		return;
	for (int d = 0; d < 2; d++) {
		free(c->d[d].seg);
		free(c->d[d].ack);
	}
	free(c->marks);
	free(c->sacks);
	free(c->rtt);
	free(c->ladder);
	free(c);
}

void series_free(struct series *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nconns; i++)
		conn_free(s->conns[i]);
	free(s->conns);
	free(s);
}

size_t series_count(const struct series *s) { return s->nconns; }
const struct series_conn *series_get(const struct series *s, size_t i) { return i < s->nconns ? s->conns[i] : NULL; }
uint64_t series_table_dropped(const struct series *s) { return s->table_dropped; }

const struct series_conn *series_find(const struct series *s, uint64_t n)
{
	if (n == 0 || n > s->nconns)
		return NULL;
	return s->conns[n - 1];
}

int series_data_dir(const struct series_conn *c)
{
	return c->bytes[1] > c->bytes[0] ? 1 : 0;
}

/* Graph slots are few: when they are all taken, a new connection takes the slot of a
 * finished connection that had no event marker (the first SERIES_KEEP_HEALTHY keep theirs as
 * examples), so in a large capture the graphs go to the connections that had trouble. */
#define SERIES_KEEP_HEALTHY 8

static void release_series(struct series *s, struct series_conn *sc)
{
	for (int d = 0; d < 2; d++) {
		free(sc->d[d].seg), sc->d[d].seg = NULL;
		free(sc->d[d].ack), sc->d[d].ack = NULL;
		sc->d[d].nseg = sc->d[d].nack = 0;
	}
	free(sc->marks), sc->marks = NULL;
	free(sc->sacks), sc->sacks = NULL;
	free(sc->rtt), sc->rtt = NULL;
	free(sc->ladder), sc->ladder = NULL;
	sc->nmarks = sc->nsacks = sc->nrtt = sc->nladder = 0;
	sc->has_series = 0;
	s->ngraph--;
}

/* The record of connection c, created on its first packet; NULL when not kept. */
static struct series_conn *conn_get(struct series *s, const struct conn *c)
{
	uint64_t n = c->id + 1;
	if (s->only && n != s->only)
		return NULL;
	if (n > SERIES_MAX_TABLE) {
		if (n > s->nconns && n == s->nconns + 1) {
			/* counted once per connection: the slot is never created */
		}
		return NULL;
	}
	if (n > s->cap) {
		size_t nc = s->cap ? s->cap * 2 : 64;
		while (nc < n)
			nc *= 2;
		struct series_conn **p = realloc(s->conns, nc * sizeof *p);
		if (!p)
			return NULL;
		memset(p + s->cap, 0, (nc - s->cap) * sizeof *p);
		s->conns = p;
		s->cap = nc;
	}
	if (n > s->nconns)
		s->nconns = n;
	struct series_conn *sc = s->conns[n - 1];
	if (sc)
		return sc;
	sc = calloc(1, sizeof *sc);
	if (!sc)
		return NULL;
	sc->num = n;
	sc->start = c->start;
	sc->rtt_min = sc->rtt_avg = sc->rtt_max = -1;
	sc->rtt_stride = 1;
	while (s->ngraph >= SERIES_MAX_GRAPH && !s->only && s->nspare) {
		struct series_conn *v = s->conns[s->spare[--s->nspare] - 1];
		if (v && v->has_series)
			release_series(s, v);
	}
	if (s->ngraph < SERIES_MAX_GRAPH || s->only) {
		int ok = 1;
		for (int d = 0; d < 2 && ok; d++) {
			sc->d[d].seg = malloc(SERIES_MAX_POINTS * sizeof *sc->d[d].seg);
			sc->d[d].ack = malloc(SERIES_MAX_POINTS * sizeof *sc->d[d].ack);
			ok = sc->d[d].seg && sc->d[d].ack;
		}
		sc->marks = malloc(64 * sizeof *sc->marks);
		sc->sacks = malloc(SERIES_MAX_SACKS * sizeof *sc->sacks);
		sc->rtt = malloc(SERIES_MAX_RTT * sizeof *sc->rtt);
		sc->ladder = malloc(SERIES_LADDER * sizeof *sc->ladder);
		if (ok && sc->marks && sc->sacks && sc->rtt && sc->ladder) {
			sc->has_series = 1;
			s->ngraph++;
		} else {
			for (int d = 0; d < 2; d++) {
				free(sc->d[d].seg), sc->d[d].seg = NULL;
				free(sc->d[d].ack), sc->d[d].ack = NULL;
			}
			free(sc->marks), sc->marks = NULL;
			free(sc->sacks), sc->sacks = NULL;
			free(sc->rtt), sc->rtt = NULL;
			free(sc->ladder), sc->ladder = NULL;
		}
	}
	s->conns[n - 1] = sc;
	return sc;
}

/* Relative, unwrapped position of raw sequence number x in direction d's space. */
static int64_t rel_seq(struct series_dir *sd, uint32_t x)
{
	if (!sd->base_set) {
		sd->base_set = 1;
		sd->base = x;
		sd->raw_last = x;
		sd->rel_last = 0;
		return 0;
	}
	int64_t v = sd->rel_last + (int32_t)(x - sd->raw_last);
	sd->raw_last = x;
	sd->rel_last = v;
	return v;
}

/* Halve the points of an array by merging neighbours; returns the new bucket width. */
static double merge_pairs(struct series_pt *p, size_t *n, double dt, int is_ack)
{
	size_t k = 0;
	for (size_t i = 0; i < *n; i += 2, k++) {
		struct series_pt a = p[i];
		if (i + 1 < *n) {
			const struct series_pt *b = &p[i + 1];
			if (is_ack) {
				if (b->lo > a.lo)
					a.lo = b->lo;
				if (b->hi > a.hi)
					a.hi = b->hi;
				a.win = b->win; /* the latest window */
			} else {
				if (b->lo < a.lo)
					a.lo = b->lo;
				if (b->hi > a.hi)
					a.hi = b->hi;
				if (b->inflight > a.inflight)
					a.inflight = b->inflight;
			}
			a.bytes += b->bytes;
			a.good += b->good;
			a.n += b->n;
		}
		p[k] = a;
	}
	*n = k;
	double span = k > 1 ? (p[k - 1].t - p[0].t) / (double)(k - 1) : 0;
	return dt * 2 > span ? dt * 2 : span;
}

/* Add a point: into the last bucket when it is still open, else a new one. */
static void add_point(struct series_pt *p, size_t *n, double *dt, const struct series_pt *x, int is_ack)
{
	if (*n && *dt > 0 && x->t - p[*n - 1].t < *dt) {
		struct series_pt *a = &p[*n - 1];
		if (is_ack) {
			if (x->lo > a->lo)
				a->lo = x->lo;
			if (x->hi > a->hi)
				a->hi = x->hi;
			a->win = x->win;
		} else {
			if (x->lo < a->lo)
				a->lo = x->lo;
			if (x->hi > a->hi)
				a->hi = x->hi;
			if (x->inflight > a->inflight)
				a->inflight = x->inflight;
		}
		a->bytes += x->bytes;
		a->good += x->good;
		a->n += x->n;
		return;
	}
	if (*n == SERIES_MAX_POINTS)
		*dt = merge_pairs(p, n, *dt, is_ack);
	p[(*n)++] = *x;
}

static void add_mark(struct series_conn *sc, const struct series_mark *m)
{
	if (sc->nmarks >= SERIES_MAX_MARKS) {
		sc->marks_dropped++;
		return;
	}
	if (sc->nmarks >= 64 && (sc->nmarks & (sc->nmarks - 1)) == 0) {
		struct series_mark *p = realloc(sc->marks, sc->nmarks * 2 * sizeof *p);
		if (!p) {
			sc->marks_dropped++;
			return;
		}
		sc->marks = p;
	}
	sc->marks[sc->nmarks++] = *m;
}

static int series_tap_packet(void *self, const struct pkt_ctx *px)
{
	struct series *s = self;
	if (!px->pk || !px->res || !px->pk->has_tcp || !px->res->conn)
		return 0;
	const struct conn *c = px->res->conn;
	struct series_conn *sc = conn_get(s, c);
	if (!sc)
		return 0;
	int d = px->res->dir ? 1 : 0;
	sc->pkts[d]++;
	if (!sc->has_series)
		return 0;
	const struct tcp_seg *tg = &px->pk->tcp;
	double t = pkt_time(px->pk) - sc->start;
	uint32_t tags = px->res->tags;
	struct series_dir *me = &sc->d[d], *peer = &sc->d[!d];
	int64_t seq = rel_seq(me, tg->seq);
	uint32_t len = tg->paylen;
	uint32_t seglen = len + ((tg->flags & TCPF_SYN) ? 1u : 0u) + ((tg->flags & TCPF_FIN) ? 1u : 0u);
	if (seglen > 0) {
		struct series_pt p = {0};
		p.t = t;
		p.lo = seq;
		p.hi = seq + seglen;
		p.bytes = len;
		p.good = (tags & (TAG_RETRANS | TAG_FAST_RETRANS | TAG_SPURIOUS)) ? 0 : len;
		p.inflight = px->res->in_flight;
		p.n = 1;
		add_point(me->seg, &me->nseg, &me->seg_dt, &p, 0);
	}
	int64_t ack = 0;
	if (tg->flags & TCPF_ACK) {
		ack = rel_seq(peer, tg->ack);
		uint64_t win = tg->win;
		int ws = c->h[d].wscale;
		if (ws > 0 && c->h[!d].wscale >= 0 && !(tg->flags & TCPF_SYN))
			win <<= ws;
		struct series_pt p = {0};
		p.t = t;
		p.lo = ack;
		p.hi = ack + (int64_t)win;
		p.win = win > UINT32_MAX ? UINT32_MAX : (uint32_t)win;
		p.n = 1;
		add_point(me->ack, &me->nack, &me->ack_dt, &p, 1);
		for (int i = 0; i < tg->opt.nsack && i < 4; i++) {
			if (sc->nsacks >= SERIES_MAX_SACKS) {
				sc->sacks_dropped++;
				continue;
			}
			struct series_sack *k = &sc->sacks[sc->nsacks++];
			k->t = t;
			k->lo = ack + (int32_t)(tg->opt.sack[i][0] - tg->ack);
			k->hi = ack + (int32_t)(tg->opt.sack[i][1] - tg->ack);
			k->dir = (uint8_t)d;
		}
	}
	if (sc->nladder < SERIES_LADDER) {
		struct series_lpkt *l = &sc->ladder[sc->nladder++];
		l->t = t;
		l->seq = seq;
		l->ack = (tg->flags & TCPF_ACK) ? ack : 0;
		l->len = len;
		l->tags = tags;
		l->win = tg->win;
		l->pkt = px->num;
		l->dir = (uint8_t)d;
		l->flags = tg->flags;
	} else {
		sc->ladder_more++;
	}
	if (tags & SERIES_MARK_TAGS) {
		struct series_mark m = {t, seq, ack, len, tags & SERIES_MARK_TAGS, px->num, (uint8_t)d};
		add_mark(sc, &m);
	}
	if (px->res->ack_rtt >= 0) {
		sc->rtt_seen++;
		if (sc->nrtt == SERIES_MAX_RTT) {
			size_t k = 0;
			for (size_t i = 0; i < sc->nrtt; i += 2)
				sc->rtt[k++] = sc->rtt[i];
			sc->nrtt = k;
			sc->rtt_stride *= 2;
		}
		if (sc->rtt_seen % sc->rtt_stride == 0 || sc->rtt_stride == 1) {
			struct series_rtt *r = &sc->rtt[sc->nrtt++];
			r->t = t;
			r->ms = px->res->ack_rtt * 1000.0;
			r->dir = (uint8_t)d;
		}
	}
	return 0;
}

static void copy_str(char *dst, size_t n, const char *src)
{
	size_t k = src ? strlen(src) : 0;
	if (k >= n)
		k = n - 1;
	if (k)
		memcpy(dst, src, k);
	dst[k] = 0;
}

static void series_tap_conn(void *self, const struct conn *c)
{
	struct series *s = self;
	struct series_conn *sc = conn_get(s, c);
	if (!sc) {
		if (!s->only && c->id + 1 > SERIES_MAX_TABLE)
			s->table_dropped++;
		return;
	}
	sc->done = 1;
	if (!s->only && sc->has_series && !sc->nmarks && !sc->marks_dropped && sc->num > SERIES_KEEP_HEALTHY &&
	    s->nspare < SERIES_MAX_GRAPH)
		s->spare[s->nspare++] = sc->num;
	fmt_endpoint(sc->client, sizeof sc->client, c->v6, c->cli, c->cport);
	fmt_endpoint(sc->server, sizeof sc->server, c->v6, c->srv, c->sport);
	copy_str(sc->state, sizeof sc->state, conn_state(c));
	size_t hl = c->hlen < sizeof sc->history ? c->hlen : sizeof sc->history - 1;
	memcpy(sc->history, c->history, hl);
	sc->history[hl] = 0;
	copy_str(sc->end, sizeof sc->end, c->end_reason);
	sc->start = c->start;
	sc->duration = c->last - c->start;
	sc->first_pkt = c->first_pkt;
	sc->last_pkt = c->last_pkt;
	for (int d = 0; d < 2; d++) {
		sc->pkts[d] = c->h[d].pkts;
		sc->bytes[d] = c->h[d].bytes;
		sc->retrans[d] = c->h[d].retrans;
		sc->fast[d] = c->h[d].fast_retrans;
		sc->spurious[d] = c->h[d].spurious;
		sc->ooo[d] = c->h[d].ooo;
		sc->zerowin[d] = c->h[d].zerowin;
		sc->lost[d] = c->h[d].lost;
		sc->dupacks[d] = c->h[d].dupacks;
	}
	if (c->rtt_n) {
		sc->rtt_min = c->rtt_min;
		sc->rtt_max = c->rtt_max;
		sc->rtt_avg = c->rtt_sum / (double)c->rtt_n;
		sc->rtt_n = c->rtt_n;
	}
}

static void series_tap_release(void *self)
{
	(void)self; /* owned by the caller: series_free */
}

const struct tap_ops tap_series_ops = {"series", series_tap_packet, series_tap_conn, NULL, NULL, series_tap_release};
