/*
 * track.c - TCP connection tracking and per-segment analysis.
 *
 * The per-segment rules follow the meanings of Wireshark's tcp.analysis flags
 * (zero window, window update, keep-alive, dup ack, retransmission and its
 * fast/spurious variants, out-of-order, previous segment not captured, ACK of
 * an unseen segment, window full, zero-window probe), evaluated in the same
 * order so a packet gets the same classification; see README for where and
 * why synack differs.  Everything is modulo 2^32 (RFC 9293 3.4).
 */
#include "track.h"
#include "../util/community_id.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEQ_LT(a, b) ((int32_t)((uint32_t)(a) - (uint32_t)(b)) < 0)
#define SEQ_LE(a, b) ((int32_t)((uint32_t)(a) - (uint32_t)(b)) <= 0)
#define SEQ_GT(a, b) ((int32_t)((uint32_t)(a) - (uint32_t)(b)) > 0)

struct tracker {
	struct tracker_cfg cfg;
	conn_done_cb done;
	void *user;
	struct conn **buckets;
	size_t nbuckets;        /* power of two */
	size_t live;
	uint64_t seen, overflow, next_id;
	struct conn *lru_head, *lru_tail; /* least recently active first */
	double now;
	unsigned since_expire;  /* packets since the last expiry scan */
	struct conn *freelist;  /* finished records kept for reuse (at most FREELIST_MAX) */
	size_t nfree;
};

#define FREELIST_MAX 4096

static uint32_t key_hash(int v6, const uint8_t *a, uint16_t pa, const uint8_t *b, uint16_t pb);

struct conn *tracker_find(struct tracker *t, int v6, const uint8_t *src, uint16_t sport, const uint8_t *dst,
			  uint16_t dport)
{
	size_t alen = v6 ? 16 : 4;
	uint32_t h = key_hash(v6, src, sport, dst, dport);
	for (struct conn *c = t->buckets[h & (t->nbuckets - 1)]; c; c = c->hnext) {
		if (c->v6 != v6)
			continue;
		if (c->cport == sport && c->sport == dport && !memcmp(c->cli, src, alen) && !memcmp(c->srv, dst, alen))
			return c;
		if (c->sport == sport && c->cport == dport && !memcmp(c->srv, src, alen) && !memcmp(c->cli, dst, alen))
			return c;
	}
	return NULL;
}

static uint32_t key_hash(int v6, const uint8_t *a, uint16_t pa, const uint8_t *b, uint16_t pb)
{
	/* Symmetric: both directions hash the same. */
	size_t n = v6 ? 16 : 4;
	uint32_t ha = 2166136261u, hb = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		ha = (ha ^ a[i]) * 16777619u;
		hb = (hb ^ b[i]) * 16777619u;
	}
	ha = (ha ^ pa) * 16777619u;
	hb = (hb ^ pb) * 16777619u;
	uint32_t h = ha ^ hb;
	h ^= h >> 15;
	h *= 0x2c1b3c6dU;
	h ^= h >> 12;
	return h;
}

struct tracker *tracker_new(const struct tracker_cfg *cfg, conn_done_cb done, void *user)
{
	struct tracker *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->cfg = *cfg;
	if (t->cfg.max_conns == 0)
		t->cfg.max_conns = 1 << 18;
	if (t->cfg.idle_timeout <= 0)
		t->cfg.idle_timeout = 300;
	if (t->cfg.close_linger <= 0)
		t->cfg.close_linger = 3; /* late FIN retransmissions and final ACKs arrive well within this */
	t->nbuckets = 1024;
	while (t->nbuckets < t->cfg.max_conns && t->nbuckets < ((size_t)1 << 24))
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

static void lru_unlink(struct tracker *t, struct conn *c)
{
	if (c->lprev)
		c->lprev->lnext = c->lnext;
	else
		t->lru_head = c->lnext;
	if (c->lnext)
		c->lnext->lprev = c->lprev;
	else
		t->lru_tail = c->lprev;
	c->lprev = c->lnext = NULL;
}

static void lru_append(struct tracker *t, struct conn *c)
{
	c->lprev = t->lru_tail;
	c->lnext = NULL;
	if (t->lru_tail)
		t->lru_tail->lnext = c;
	else
		t->lru_head = c;
	t->lru_tail = c;
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
	while (t->lru_head)
		finish_conn(t, t->lru_head, reason);
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
	/* The list is ordered by last activity, so stop at the first live one. */
	int budget = 64;
	while (t->lru_head && budget-- > 0) {
		struct conn *c = t->lru_head;
		double quiet = now - c->last;
		if (c->closed && quiet > t->cfg.close_linger)
			finish_conn(t, c, NULL);
		else if (quiet > t->cfg.idle_timeout && (!t->cfg.lazy_idle || t->live * 2 >= t->cfg.max_conns))
			finish_conn(t, c, "idle timeout");
		else
			break;
	}
}

void tracker_tick(struct tracker *t, double now)
{
	if (now > t->now)
		t->now = now;
	expire(t, t->now);
}

static void history_add(struct conn *c, char letter, int resp)
{
	static const char letters[] = "SHADFRTWGQ";
	const char *p = strchr(letters, letter);
	if (!p)
		return;
	unsigned bit = 1u << ((unsigned)(p - letters) * 2 + (unsigned)resp);
	if (c->hist_seen & bit)
		return;
	c->hist_seen |= bit;
	if (c->hlen + 1 < sizeof c->history) {
		c->history[c->hlen++] = resp ? (char)(letter - 'A' + 'a') : letter;
		c->history[c->hlen] = 0;
	}
}

static struct conn *conn_new(struct tracker *t, const struct pkt *pk, uint32_t h)
{
	if (t->live >= t->cfg.max_conns) {
		/* Table full: finish the least recently active connection first. */
		if (!t->lru_head) {
			t->overflow++;
			return NULL;
		}
		t->overflow++;
		finish_conn(t, t->lru_head, "evicted (table full)");
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
	c->id = t->next_id++;
	c->start = c->last = pkt_time(pk);
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

static struct conn *lookup(struct tracker *t, const struct pkt *pk, uint32_t h, int *dir)
{
	size_t alen = pk->l3 == 6 ? 16 : 4;
	int v6 = pk->l3 == 6;
	for (struct conn *c = t->buckets[h & (t->nbuckets - 1)]; c; c = c->hnext) {
		if (c->v6 != v6)
			continue;
		if (c->cport == pk->tcp.sport && c->sport == pk->tcp.dport && memcmp(c->cli, pk->src, alen) == 0 &&
		    memcmp(c->srv, pk->dst, alen) == 0) {
			*dir = 0;
			return c;
		}
		if (c->sport == pk->tcp.sport && c->cport == pk->tcp.dport && memcmp(c->srv, pk->src, alen) == 0 &&
		    memcmp(c->cli, pk->dst, alen) == 0) {
			*dir = 1;
			return c;
		}
	}
	return NULL;
}

/* Window scale for direction d, or -1 when unknown (handshake not seen). */
static int scale_of(const struct conn *c, int d)
{
	const struct half *a = &c->h[d], *b = &c->h[!d];
	if (!a->syn_seen || !b->syn_seen)
		return -1;
	if (!a->syn_opt_ws || !b->syn_opt_ws)
		return 0; /* not negotiated: no scaling (RFC 7323 2.2) */
	return a->wscale;
}

static void rtt_sample(struct conn *c, double ms)
{
	if (c->rtt_min < 0 || ms < c->rtt_min)
		c->rtt_min = ms;
	if (ms > c->rtt_max)
		c->rtt_max = ms;
	c->rtt_sum += ms;
	c->rtt_n++;
}

void tracker_packet(struct tracker *t, const struct pkt *pk, struct tcp_result *res)
{
	if (res)
		memset(res, 0, sizeof *res), res->ack_rtt = -1;
	if (!pk->has_tcp || (pk->l3 != 4 && pk->l3 != 6))
		return;
	double now = pkt_time(pk);
	if (now > t->now)
		t->now = now;
	if (++t->since_expire >= 64) { /* timeouts are seconds: no need to look on every packet */
		t->since_expire = 0;
		expire(t, t->now);
	}

	const struct tcp_seg *s = &pk->tcp;
	uint32_t h = key_hash(pk->l3 == 6, pk->src, s->sport, pk->dst, s->dport);
	int dir = 0;
	uint32_t tags = 0;
	struct conn *c = lookup(t, pk, h, &dir);
	uint8_t flags = s->flags;
	int is_syn = (flags & (TCPF_SYN | TCPF_ACK)) == TCPF_SYN;

	/* A new SYN with another ISN on a known 4-tuple: the ports are reused. */
	if (c && is_syn && c->h[dir].isn_set && s->seq != c->h[dir].isn) {
		c->port_reused = 1;
		finish_conn(t, c, "port reused");
		c = NULL;
		tags |= TAG_PORT_REUSE;
	}
	if (!c) {
		c = conn_new(t, pk, h);
		if (!c)
			return;
		lookup(t, pk, h, &dir);
		if (!c->client_known)
			tags |= TAG_WSCALE_UNKNOWN;
	}
	lru_unlink(t, c);
	lru_append(t, c);
	c->last = now;
	c->last_pkt = pk->num;

	struct half *fwd = &c->h[dir], *rev = &c->h[!dir];
	uint32_t seq = s->seq, ack = s->ack;
	uint32_t seglen = s->paylen;
	int resp = dir == 1;

	if (!fwd->seen) {
		fwd->seen = 1;
		fwd->first_pkt = pk->num;
		fwd->ttl_first = pk->ttl;
	}
	fwd->ttl_last = pk->ttl;
	uint16_t ipid_prev = fwd->ipid_last;
	int ts_prev_set = fwd->ts_last_set;
	uint32_t ts_prev = fwd->ts_last;
	fwd->ipid_last = pk->ipid;
	if (s->opt.has_ts && (!fwd->ts_last_set || SEQ_GT(s->opt.ts_val, fwd->ts_last))) {
		fwd->ts_last = s->opt.ts_val;
		fwd->ts_last_set = 1;
	}
	fwd->pkts++;
	fwd->bytes += seglen;

	/* Handshake bookkeeping. */
	if (flags & TCPF_SYN) {
		if (!(flags & TCPF_ACK)) {
			tags |= TAG_SYN;
			history_add(c, 'S', resp);
			if (c->syn_count < 8)
				c->syn_times[c->syn_count] = now;
			c->syn_count++;
			if (c->syn_count == 1) {
				c->syn_time = now;
				c->syn_isn = seq;
				c->syn_pkt = pk->num;
			} else if (res) {
				tags |= TAG_SYN_RETRANS;
				res->syn_attempt = c->syn_count;
				res->syn_interval = now - c->syn_times[(c->syn_count - 2) & 7];
			}
		} else {
			tags |= TAG_SYNACK;
			history_add(c, 'H', resp);
			if (c->synack_count < 8)
				c->synack_times[c->synack_count] = now;
			c->synack_count++;
			if (c->synack_count == 1) {
				c->synack_time = now;
				c->synack_isn = seq;
				c->synack_pkt = pk->num;
				if (c->syn_count > 1)
					c->syn_rtt_unknown = 1; /* answers which SYN? (Karn) */
				if (c->syn_count && ack != c->syn_isn + 1) {
					c->synack_bad_ack = 1;
					tags |= TAG_BAD_ACK;
				}
			} else if (res) {
				tags |= TAG_SYN_RETRANS;
				res->syn_attempt = c->synack_count;
				res->syn_interval = now - c->synack_times[(c->synack_count - 2) & 7];
			}
		}
		fwd->syn_seen = 1;
		if (!fwd->isn_set) {
			fwd->isn_set = 1;
			fwd->isn = seq;
		}
		fwd->syn_opt_ws = s->opt.wscale >= 0;
		fwd->wscale = s->opt.wscale >= 0 ? s->opt.wscale : 0;
		fwd->mss = s->opt.mss;
		fwd->sack_ok = s->opt.sack_ok;
		fwd->ts_ok = s->opt.has_ts;
	} else if (!fwd->isn_set) {
		fwd->isn_set = 1;
		fwd->isn = seq - 1;
	}
	if (!c->established && dir == 0 && !(flags & (TCPF_SYN | TCPF_RST)) && (flags & TCPF_ACK) &&
	    c->synack_count && ack == c->synack_isn + 1) {
		c->established = 1;
		c->hs_ack_time = now;
		c->hs_ack_pkt = pk->num;
		tags |= TAG_HS_ACK;
		if (c->synack_count > 1)
			c->synack_rtt_unknown = 1; /* answers which SYN-ACK? (Karn) */
		/* Karn's rule: no sample across a retransmitted SYN or SYN-ACK. */
		if (!c->synack_rtt_unknown && !(c->syn_count && c->syn_rtt_unknown))
			rtt_sample(c, (now - c->synack_time) * 1000.0 +
					      (c->syn_count ? (c->synack_time - c->syn_time) * 1000.0 : 0));
	}
	if (dir == 1 && (flags & TCPF_ACK) && c->req_last_time > 0 && c->resp_time == 0 && c->req_acked_time == 0 &&
	    SEQ_LE(c->req_end_seq, ack) && seglen == 0)
		c->req_acked_time = now;
	if (flags & TCPF_RST) {
		tags |= TAG_RST;
		history_add(c, 'R', resp);
		if (!fwd->rst) {
			fwd->rst = 1;
			fwd->rst_time = now;
		}
		if (c->rst_first_by < 0) {
			c->rst_first_by = dir == 0 ? 0 : 1;
			c->rst_ttl = pk->ttl;
			c->rst_ipid = pk->ipid;
		}
		if (res)
			res->rst_by = dir;
		c->closed = 1;
		c->closed_time = now;
	}
	if (flags & TCPF_FIN) {
		tags |= TAG_FIN;
		history_add(c, 'F', resp);
		if (!fwd->fin) {
			fwd->fin = 1;
			fwd->fin_seq = seq + seglen;
			fwd->fin_time = now;
		}
		if (rev->fin) {
			c->closed = 1;
			c->closed_time = now;
		}
	}
	if (!(flags & (TCPF_SYN | TCPF_FIN | TCPF_RST)) && seglen == 0 && (flags & TCPF_ACK))
		history_add(c, 'A', resp);
	if (seglen > 0) {
		history_add(c, 'D', resp);
		if (fwd->first_data_time == 0)
			fwd->first_data_time = now;
		fwd->last_data_time = now;
		if (seglen > fwd->max_seg)
			fwd->max_seg = seglen;
		if (dir == 0 && c->req_time == 0)
			c->req_time = now;
		if (dir == 0 && c->resp_time == 0) {
			/* the latest moment the server can have got the whole request (retransmissions included) */
			c->req_last_time = now;
			c->req_end_seq = seq + seglen;
			c->req_acked_time = 0;
		}
		if (dir == 1 && c->req_time > 0 && c->resp_time == 0)
			c->resp_time = now;
	}

	/* Window, scaled when the scale is known (never on SYNs, RFC 7323 2.2). */
	int sc = scale_of(c, dir);
	uint32_t window = s->win;
	if (!(flags & TCPF_SYN) && sc > 0)
		window = (uint32_t)s->win << sc;
	if (window > fwd->max_win)
		fwd->max_win = window;

	/* ---- Wireshark-order analysis ----
	 * As in Wireshark 4.0's tcp_analyze_sequence_number(): absolute numbers,
	 * where a nextseq / maxseqtobeacked / lastack of 0 means "not seen yet",
	 * lastack is the raw ACK field of the last segment in that direction
	 * (ACK flag or not), and windows start out as "unknown" (not 0). */
	if (!c->first_rtt_set && (flags & TCPF_ACK) && !(flags & TCPF_SYN) && c->last_syn_time > 0) {
		c->first_rtt = now - c->last_syn_time;
		c->first_rtt_set = 1;
	}
	if ((flags & (TCPF_SYN | TCPF_ACK)) == TCPF_SYN)
		c->last_syn_time = now;

	/* D-SACK (RFC 2883): a first SACK block at or below the cumulative ACK reports
	 * data received twice: the other side's retransmission was not needed. */
	if ((flags & TCPF_ACK) && s->opt.nsack > 0) {
		uint32_t l = s->opt.sack[0][0], r = s->opt.sack[0][1];
		if (SEQ_LE(r, ack) || (s->opt.nsack > 1 && SEQ_LE(s->opt.sack[1][0], l) && SEQ_LE(r, s->opt.sack[1][1])))
			rev->dsacked++;
	}
	/* Linux probes a zero window with an empty segment at snd.una - 1 (Wireshark calls it a keep-alive). */
	if (seglen == 0 && rev->window_set && rev->window == 0 && fwd->nextseq && seq == fwd->nextseq - 1 &&
	    !(flags & (TCPF_SYN | TCPF_FIN | TCPF_RST)))
		fwd->zwprobes++;

	if (seglen == 1 && seq == fwd->nextseq && rev->window_set && rev->window == 0) {
		tags |= TAG_ZW_PROBE;
		fwd->zwprobes++;
		goto finished_fwd;
	}
	if (window == 0 && !(flags & (TCPF_RST | TCPF_FIN | TCPF_SYN))) {
		tags |= TAG_ZERO_WINDOW;
		fwd->zerowin++;
		history_add(c, 'W', resp);
		if (fwd->zerowin_since == 0)
			fwd->zerowin_since = now;
	}
	if (fwd->nextseq && SEQ_GT(seq, fwd->nextseq) && !(flags & TCPF_RST)) {
		tags |= TAG_LOST_SEGMENT;
		fwd->lost++;
		history_add(c, 'G', resp);
		if (fwd->ngap < GAP_SLOTS) {
			fwd->gap[fwd->ngap].start = fwd->nextseq;
			fwd->gap[fwd->ngap].end = seq;
			fwd->gap[fwd->ngap].ipid = pk->ipid;
			fwd->gap[fwd->ngap].v4 = pk->l3 == 4;
			fwd->gap[fwd->ngap].tsval = s->opt.ts_val;
			fwd->gap[fwd->ngap].has_ts = (uint8_t)(s->opt.has_ts != 0);
			fwd->ngap++;
		} else {
			fwd->gaps_untracked++;
		}
	}
	if ((seglen == 0 || seglen == 1) && seq == fwd->nextseq - 1 && !(flags & (TCPF_SYN | TCPF_FIN | TCPF_RST))) {
		tags |= TAG_KEEPALIVE;
		fwd->keepalives++;
	}
	if (seglen == 0 && window && (!fwd->window_set || window != fwd->window) && seq == fwd->nextseq &&
	    ack == fwd->lastack && !(flags & (TCPF_SYN | TCPF_FIN | TCPF_RST)))
		tags |= TAG_WINDOW_UPDATE;
	if (seglen > 0 && scale_of(c, !dir) >= 0 && rev->window_set && seq + seglen == rev->lastack + rev->window &&
	    !(flags & (TCPF_SYN | TCPF_FIN | TCPF_RST))) {
		tags |= TAG_WINDOW_FULL;
		fwd->winfull++;
	}
	if (seglen == 0 && window && fwd->window_set && window == fwd->window && seq == fwd->nextseq &&
	    ack == fwd->lastack && (rev->last_tags & TAG_KEEPALIVE) && !(flags & (TCPF_SYN | TCPF_FIN | TCPF_RST))) {
		tags |= TAG_KEEPALIVE_ACK;
		goto finished_fwd;
	}
	if (seglen == 0 && window == 0 && fwd->window_set && window == fwd->window && seq == fwd->nextseq &&
	    ack == fwd->lastack && (rev->last_tags & TAG_ZW_PROBE) && !(flags & (TCPF_SYN | TCPF_FIN | TCPF_RST))) {
		tags |= TAG_ZW_PROBE_ACK;
		goto finished_fwd;
	}
	if (seglen == 0 && window && fwd->window_set && window == fwd->window && seq == fwd->nextseq &&
	    ack == fwd->lastack && !(flags & (TCPF_SYN | TCPF_FIN | TCPF_RST))) {
		fwd->dupacknum = fwd->dupacknum == -1 ? 1 : fwd->dupacknum + 1;
		fwd->dupacks++;
		tags |= TAG_DUP_ACK;
		if (res)
			res->dupack_num = (uint32_t)fwd->dupacknum;
	}
finished_fwd:
	if (ack != fwd->lastack)
		fwd->dupacknum = 0;
	if (window != 0 && fwd->zerowin_since > 0) {
		fwd->zerowin_total += now - fwd->zerowin_since;
		fwd->zerowin_since = 0;
	}

	/* ACK of a segment that was not captured. */
	if (rev->maxseqtobeacked && SEQ_GT(ack, rev->maxseqtobeacked) && (flags & TCPF_ACK)) {
		if (rev->maxseqtobeacked > rev->nextseq) {
			rev->maxseqtobeacked = rev->nextseq;
			tags |= TAG_ACKED_UNSEEN;
		} else {
			if (rev->dupacknum == 0)
				tags |= TAG_ACKED_UNSEEN;
			rev->dupacknum = -1;
		}
		if (tags & TAG_ACKED_UNSEEN)
			fwd->acked_unseen++;
	}
	/* An ACK 1 GiB or more away (either way) from anything the other side sent is bogus. */
	if ((flags & TCPF_ACK) && !(flags & TCPF_RST) && rev->nextseq && rev->seen) {
		uint32_t dist = ack - rev->nextseq;
		if (dist > (1u << 30) && dist < (3u << 30)) {
			tags |= TAG_BAD_ACK;
			fwd->bad_seq++;
		}
	}
	/* Far outside the receiver's window (beyond 4x its largest window, or 1 GiB back). */
	if (rev->lastack_set && (flags & (TCPF_SYN | TCPF_RST)) == 0 && seglen > 0) {
		int32_t d = (int32_t)(seq - rev->last_real_ack);
		uint32_t lim = rev->max_win ? rev->max_win * 4u + 65536u : (1u << 30);
		if ((d > 0 && (uint32_t)d > lim) || d < -(int32_t)(1u << 30)) {
			tags |= TAG_OUT_OF_WINDOW;
			fwd->bad_seq++;
		}
	}

	if ((seglen > 0 || (flags & (TCPF_SYN | TCPF_FIN))) && !(tags & TAG_KEEPALIVE)) {
		int not_advanced = fwd->nextseq && SEQ_LT(seq, fwd->nextseq);
		if (seglen > 1 && fwd->nextseq - 1 == seq)
			not_advanced = 0;
		uint32_t rtag = 0;
		if (seglen > 0 && rev->lastack && SEQ_LE(seq + seglen, rev->lastack)) {
			rtag = TAG_SPURIOUS;
			fwd->spurious++;
		} else if (not_advanced && rev->dupacknum >= 2 && rev->lastack == seq && now - rev->lastack_time < 0.020) {
			rtag = TAG_FAST_RETRANS;
			fwd->fast_retrans++;
		} else if (not_advanced && now - fwd->nextseq_time < (c->first_rtt_set && c->first_rtt > 0 ? c->first_rtt : 0.003) &&
			   fwd->nextseq != seq + seglen + ((flags & (TCPF_SYN | TCPF_FIN)) ? 1u : 0u)) {
			rtag = TAG_OUT_OF_ORDER;
			fwd->ooo++;
			/* sent after the data it arrived behind: a quick retransmission */
			if ((pk->l3 == 4 && pk->ipid && ipid_prev && (int16_t)(uint16_t)(pk->ipid - ipid_prev) > 0) ||
			    (s->opt.has_ts && ts_prev_set && SEQ_GT(s->opt.ts_val, ts_prev)))
				fwd->ooo_resent++;
		} else if (not_advanced) {
			rtag = TAG_RETRANS;
			double rto = now - fwd->nextseq_time;
			if (rto > fwd->max_rto)
				fwd->max_rto = rto;
		}
		tags |= rtag;
		if (not_advanced && seglen > 0) {
			/* Karn: this data was sent (or at least captured) twice; no RTT sample from it. */
			for (int i = 0; i < fwd->nrtt; i++)
				if (SEQ_LT(fwd->rtt[i].start, seq + seglen) && SEQ_GT(fwd->rtt[i].end, seq))
					fwd->rtt[i].retrans = 1;
			/* A fill of a gap: retransmitted, so the network lost it; reordered, no loss. */
			int k = 0;
			for (int i = 0; i < fwd->ngap; i++) {
				if (SEQ_LT(fwd->gap[i].start, seq + seglen) && SEQ_GT(fwd->gap[i].end, seq)) {
					int later = (fwd->gap[i].v4 && pk->l3 == 4 &&
						     (int16_t)(uint16_t)(pk->ipid - fwd->gap[i].ipid) > 0) ||
						    (fwd->gap[i].has_ts && s->opt.has_ts && SEQ_GT(s->opt.ts_val, fwd->gap[i].tsval));
					if ((rtag & (TAG_RETRANS | TAG_FAST_RETRANS | TAG_SPURIOUS)) || later)
						fwd->repaired_gaps++;
					continue;
				}
				fwd->gap[k++] = fwd->gap[i];
			}
			fwd->ngap = k;
		}
		if (rtag & (TAG_RETRANS | TAG_FAST_RETRANS | TAG_SPURIOUS)) {
			fwd->retrans++;
			history_add(c, 'T', resp);
			if (fwd->last_retrans_seq == seq && fwd->consec_rto > 0) {
				fwd->consec_rto++;
			} else {
				fwd->consec_rto = 1;
				fwd->last_retrans_seq = seq;
			}
			if (fwd->consec_rto > fwd->max_backoff)
				fwd->max_backoff = fwd->consec_rto;
			if (seglen > 0) {
				int mss = rev->mss > 0 ? rev->mss : 0;
				if (fwd->max_seg >= 1000 && (seglen >= fwd->max_seg || (mss && seglen + 40 >= (uint32_t)mss)))
					fwd->full_size_retrans++;
				else
					fwd->small_retrans++;
			}
		}
	}

	/* Advance the highest sequence number seen (zero-window probes do not). */
	{
		uint32_t nextseq = seq + seglen + ((flags & (TCPF_SYN | TCPF_FIN)) ? 1u : 0u);
		if (!(tags & TAG_ZW_PROBE) && (SEQ_GT(nextseq, fwd->nextseq) || !fwd->nextseq)) {
			fwd->nextseq = nextseq;
			fwd->nextseq_set = 1;
			fwd->nextseq_time = now;
			fwd->nextseq_pkt = pk->num;
			if (seglen > 0 && fwd->nrtt < RTT_SLOTS) {
				fwd->rtt[fwd->nrtt].start = seq;
				fwd->rtt[fwd->nrtt].end = nextseq;
				fwd->rtt[fwd->nrtt].dt = now - c->start;
				fwd->rtt[fwd->nrtt].retrans = 0;
				fwd->nrtt++;
			}
		}
		if (!(tags & TAG_ZW_PROBE) && (seq == fwd->maxseqtobeacked || !fwd->maxseqtobeacked))
			fwd->maxseqtobeacked = fwd->nextseq;
	}

	/* ACK processing: RTT samples from segments this acknowledges (Karn: not retransmitted ones). */
	if ((flags & TCPF_ACK) && rev->nrtt) {
		int k = 0;
		for (int i = 0; i < rev->nrtt; i++) {
			if (SEQ_LE(rev->rtt[i].end, ack)) {
				if (!rev->rtt[i].retrans && i == rev->nrtt - 1) {
					double ms = (now - c->start - rev->rtt[i].dt) * 1000.0;
					rtt_sample(c, ms);
					if (res)
						res->ack_rtt = ms / 1000.0;
				}
				continue;
			}
			rev->rtt[k++] = rev->rtt[i];
		}
		rev->nrtt = k;
	}
	/* The receiver acknowledged bytes of a gap that nothing in the capture filled: the capture missed them. */
	if ((flags & TCPF_ACK) && rev->ngap) {
		int k = 0;
		for (int i = 0; i < rev->ngap; i++) {
			if (SEQ_GT(ack, rev->gap[i].start)) {
				rev->capture_gaps++;
				continue;
			}
			rev->gap[k++] = rev->gap[i];
		}
		rev->ngap = k;
	}
	if (res && seglen > 0 && rev->lastack_set)
		res->in_flight = fwd->nextseq - rev->lastack;

	fwd->window = window;
	fwd->window_set = 1;
	fwd->lastack = ack; /* raw, ACK flag or not, as Wireshark keeps it */
	fwd->lastack_time = now;
	if (flags & TCPF_ACK) {
		fwd->lastack_set = 1;
		fwd->last_real_ack = ack;
	}
	fwd->last_tags = tags;
	if (res) {
		res->tags = tags;
		res->conn = c;
		res->dir = dir;
	}
}

static const struct {
	uint32_t tag;
	const char *name;
} tag_names[] = {
	{TAG_PORT_REUSE, "port reused"},
	{TAG_SYN, "syn"},
	{TAG_SYNACK, "syn-ack"},
	{TAG_HS_ACK, "handshake ack"},
	{TAG_WSCALE_UNKNOWN, "handshake not seen, window scale unknown"},
	{TAG_SPURIOUS, "spurious retransmission"},
	{TAG_FAST_RETRANS, "fast retransmission"},
	{TAG_RETRANS, "retransmission"},
	{TAG_OUT_OF_ORDER, "out-of-order"},
	{TAG_LOST_SEGMENT, "previous segment not captured"},
	{TAG_ACKED_UNSEEN, "ack of unseen segment"},
	{TAG_BAD_ACK, "bogus ack"},
	{TAG_OUT_OF_WINDOW, "out of window"},
	{TAG_ZW_PROBE, "zero window probe"},
	{TAG_ZW_PROBE_ACK, "zero window probe ack"},
	{TAG_ZERO_WINDOW, "zero window"},
	{TAG_WINDOW_FULL, "window full"},
	{TAG_WINDOW_UPDATE, "window update"},
	{TAG_KEEPALIVE, "keep-alive"},
	{TAG_KEEPALIVE_ACK, "keep-alive ack"},
};

size_t tcp_tags_format(const struct tcp_result *r, char *buf, size_t n)
{
	size_t off = 0;
	if (n == 0)
		return 0;
	buf[0] = 0;
#define PUT(...)                                                                  \
	do {                                                                      \
		int k_ = snprintf(buf + off, n - off, __VA_ARGS__);               \
		if (k_ > 0)                                                       \
			off = (size_t)k_ < n - off ? off + (size_t)k_ : n - 1;     \
	} while (0)
	for (size_t i = 0; i < sizeof tag_names / sizeof tag_names[0]; i++) {
		uint32_t tg = tag_names[i].tag;
		if (!(r->tags & tg))
			continue;
		if ((tg == TAG_SYN || tg == TAG_SYNACK) && (r->tags & TAG_SYN_RETRANS))
			PUT(" [%s retransmission, attempt %d, +%.3fs]", tg == TAG_SYN ? "syn" : "syn-ack",
			    r->syn_attempt, r->syn_interval);
		else if (tg == TAG_RETRANS && (r->tags & TAG_SYN_RETRANS))
			continue;
		else
			PUT(" [%s]", tag_names[i].name);
	}
	if (r->tags & TAG_DUP_ACK)
		PUT(" [dup ack #%u]", r->dupack_num);
	if (r->tags & TAG_RST)
		PUT(" [rst by %s]", r->rst_by == 0 ? "client" : "server");
#undef PUT
	return off;
}

double conn_hs_rtt_syn(const struct conn *c)
{
	if (!c->syn_count || !c->synack_count || c->syn_rtt_unknown)
		return -1;
	return c->synack_time - c->syn_time;
}

double conn_hs_rtt_ack(const struct conn *c)
{
	if (!c->synack_count || !c->established || c->synack_rtt_unknown)
		return -1;
	return c->hs_ack_time - c->synack_time;
}

double conn_hs_rtt(const struct conn *c)
{
	double a = conn_hs_rtt_syn(c), b = conn_hs_rtt_ack(c);
	return a < 0 || b < 0 ? -1 : a + b;
}

/* Zeek's endpoint states, derived from what each side sent. */
enum ep_state { EP_INACTIVE, EP_PARTIAL, EP_SYN_SENT, EP_SYN_ACK_SENT, EP_ESTABLISHED, EP_CLOSED, EP_RESET };

static enum ep_state ep_state(const struct conn *c, int d)
{
	const struct half *h = &c->h[d];
	if (h->rst)
		return EP_RESET;
	if (h->fin)
		return EP_CLOSED;
	if (c->established)
		return EP_ESTABLISHED;
	if (d == 0 && c->syn_count)
		return EP_SYN_SENT;
	if (d == 1 && c->synack_count)
		return EP_SYN_ACK_SENT;
	return h->seen ? EP_PARTIAL : EP_INACTIVE;
}

/* Zeek's conn_state(), on the same endpoint states (base/protocols/conn/main.zeek). */
const char *conn_state(const struct conn *c)
{
	enum ep_state os = ep_state(c, 0), rs = ep_state(c, 1);
	int o_inactive = os == EP_INACTIVE || os == EP_PARTIAL;
	int r_inactive = rs == EP_INACTIVE || rs == EP_PARTIAL;
	if (rs == EP_RESET) {
		if (os == EP_SYN_SENT || os == EP_SYN_ACK_SENT || (os == EP_RESET && !c->h[0].bytes && !c->h[1].bytes))
			return "REJ";
		return o_inactive ? "RSTRH" : "RSTR";
	}
	if (os == EP_RESET) {
		if (r_inactive)
			return c->syn_count && !c->synack_count && !c->h[0].bytes ? "RSTOS0" : "OTH";
		return "RSTO";
	}
	if (rs == EP_CLOSED && os == EP_CLOSED)
		return "SF";
	if (os == EP_CLOSED)
		return r_inactive ? "SH" : "S2";
	if (rs == EP_CLOSED)
		return o_inactive ? "SHR" : "S3";
	if (os == EP_SYN_SENT && rs == EP_INACTIVE)
		return "S0";
	if (os == EP_ESTABLISHED && rs == EP_ESTABLISHED)
		return "S1";
	return "OTH";
}

/* Names as in Wireshark's tcp.analysis.* fields where one exists. */
static const struct {
	uint32_t tag;
	const char *name;
} json_names[] = {
	{TAG_RETRANS, "retransmission"},
	{TAG_FAST_RETRANS, "fast_retransmission"},
	{TAG_SPURIOUS, "spurious_retransmission"},
	{TAG_OUT_OF_ORDER, "out_of_order"},
	{TAG_LOST_SEGMENT, "lost_segment"},
	{TAG_ACKED_UNSEEN, "ack_lost_segment"},
	{TAG_DUP_ACK, "duplicate_ack"},
	{TAG_ZERO_WINDOW, "zero_window"},
	{TAG_ZW_PROBE, "zero_window_probe"},
	{TAG_ZW_PROBE_ACK, "zero_window_probe_ack"},
	{TAG_WINDOW_FULL, "window_full"},
	{TAG_WINDOW_UPDATE, "window_update"},
	{TAG_KEEPALIVE, "keep_alive"},
	{TAG_KEEPALIVE_ACK, "keep_alive_ack"},
	{TAG_PORT_REUSE, "reused_ports"},
	{TAG_SYN, "syn"},
	{TAG_SYNACK, "syn_ack"},
	{TAG_HS_ACK, "handshake_ack"},
	{TAG_SYN_RETRANS, "syn_retransmission"},
	{TAG_RST, "rst"},
	{TAG_FIN, "fin"},
	{TAG_BAD_ACK, "bogus_ack"},
	{TAG_OUT_OF_WINDOW, "out_of_window"},
	{TAG_WSCALE_UNKNOWN, "handshake_not_seen"},
};

size_t tcp_tags_json(const struct tcp_result *r, uint64_t pkt, char *buf, size_t n)
{
	size_t off = 0;
	int k = snprintf(buf, n, "{\"packet\":%llu,\"tags\":[", (unsigned long long)pkt);
	if (k < 0 || (size_t)k >= n)
		return 0;
	off = (size_t)k;
	int first = 1;
	for (size_t i = 0; i < sizeof json_names / sizeof json_names[0]; i++) {
		if (!(r->tags & json_names[i].tag))
			continue;
		k = snprintf(buf + off, n - off, "%s\"%s\"", first ? "" : ",", json_names[i].name);
		if (k < 0 || (size_t)k >= n - off)
			return 0;
		off += (size_t)k;
		first = 0;
	}
	k = snprintf(buf + off, n - off, "]");
	off += k > 0 ? (size_t)k : 0;
	if (r->tags & TAG_DUP_ACK) {
		k = snprintf(buf + off, n - off, ",\"dup_ack_num\":%u", r->dupack_num);
		off += k > 0 && (size_t)k < n - off ? (size_t)k : 0;
	}
	if (r->tags & TAG_SYN_RETRANS) {
		k = snprintf(buf + off, n - off, ",\"attempt\":%d,\"interval\":%.6f", r->syn_attempt, r->syn_interval);
		off += k > 0 && (size_t)k < n - off ? (size_t)k : 0;
	}
	if (r->ack_rtt >= 0) {
		k = snprintf(buf + off, n - off, ",\"ack_rtt\":%.6f", r->ack_rtt);
		off += k > 0 && (size_t)k < n - off ? (size_t)k : 0;
	}
	if (r->conn) {
		char cid[COMMUNITY_ID_LEN];
		const struct conn *c = r->conn;
		community_id_tcp(cid, sizeof cid, c->v6, c->cli, c->cport, c->srv, c->sport);
		k = snprintf(buf + off, n - off, ",\"conn\":%llu,\"dir\":\"%s\",\"community_id\":\"%s\"",
			     (unsigned long long)c->id, r->dir ? "s>c" : "c>s", cid);
		off += k > 0 && (size_t)k < n - off ? (size_t)k : 0;
	}
	k = snprintf(buf + off, n - off, ",\"type\":\"packet\"}\n");
	off += k > 0 && (size_t)k < n - off ? (size_t)k : 0;
	return off;
}
