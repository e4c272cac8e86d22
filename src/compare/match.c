/*
 * match.c - pass 2 of `synack compare`: the records of both captures, in
 * corrected time order, are matched inside a sliding window (only the
 * unmatched packets of the last window are held, at most REC_MAX).  Matched
 * pairs give delays, hop counts, reordering, duplicates and in-flight
 * modifications; what ages out unmatched is lost (seen at the sender's
 * capture only), unexpected (seen at the receiver's only) or missed by a
 * capture (acknowledged, or seen leaving at the other point).  Connections of
 * both captures are folded into global ones (struct gconn).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/fmt.h"
#include "cmp_int.h"


static int32_t gconn_new(struct cmp *c)
{
	if (c->ng >= GCONN_MAX)
		return -1;
	if (c->ng == c->g_cap) {
		int32_t nc = c->g_cap * 2 < GCONN_MAX ? c->g_cap * 2 : GCONN_MAX;
		struct gconn *ng = realloc(c->g, (size_t)nc * sizeof *ng);
		if (!ng)
			return -1;
		c->g = ng;
		c->g_cap = nc;
	}
	struct gconn *g = &c->g[c->ng];
	memset(g, 0, sizeof *g);
	g->alias = -1;
	return c->ng++;
}

static void label_conn(struct cmp *c, struct gconn *g, const struct prec *r, int from_client_cap)
{
	char e1[64], e2[64];
	const uint8_t *ca = r->c2s ? r->src : r->dst, *sa = r->c2s ? r->dst : r->src;
	uint16_t cp = r->c2s ? r->sport : r->dport, sp = r->c2s ? r->dport : r->sport;
	fmt_endpoint(e1, sizeof e1, r->v6, ca, cp);
	fmt_endpoint(e2, sizeof e2, r->v6, sa, sp);
	if (from_client_cap || !g->label[0]) {
		snprintf(g->label, sizeof g->label, "%s <-> %s", e1, e2);
		g->labelled_from_client = (uint8_t)from_client_cap;
	}
	if (!from_client_cap)
		snprintf(g->other, sizeof g->other, "%s <-> %s", e1, e2);
	(void)c;
}

int32_t cmp_gresolve(const struct cmp *c, int32_t g)
{
	for (int i = 0; g >= 0 && c->g[g].alias >= 0 && i < GCONN_MAX; i++)
		g = c->g[g].alias;
	return g;
}

/* Both captures' views of one connection got numbers before a packet
 * linked them: fold the later one into the earlier one. */
static int32_t gmerge(struct cmp *c, int32_t a, int32_t b)
{
	a = cmp_gresolve(c, a);
	b = cmp_gresolve(c, b);
	if (a < 0 || b < 0 || a == b)
		return a >= 0 ? a : b;
	if (b < a) {
		int32_t t = a;
		a = b;
		b = t;
	}
	struct gconn *x = &c->g[a], *y = &c->g[b];
	for (int d = 0; d < 2; d++) {
		x->seen[0][d] += y->seen[0][d];
		x->seen[1][d] += y->seen[1][d];
		x->missed[d] += y->missed[d];
		if (y->rack_set[d] && (!x->rack_set[d] || (int32_t)(y->rack[d] - x->rack[d]) > 0)) {
			x->rack[d] = y->rack[d];
			x->rack_set[d] = 1;
		}
		if (y->snd_set[d] && (!x->snd_set[d] || (int32_t)(y->snd_hi[d] - x->snd_hi[d]) > 0)) {
			x->snd_hi[d] = y->snd_hi[d];
			x->snd_set[d] = 1;
		}
		if (!x->rttl[d])
			x->rttl[d] = y->rttl[d];
		x->lost[d] += y->lost[d];
		x->unexp[d] += y->unexp[d];
		x->reord[d] += y->reord[d];
		x->dup[d] += y->dup[d];
		x->modif[d] += y->modif[d];
		for (int k = 0; k < MOD_KINDS; k++)
			x->modseen[d][k] = (uint8_t)(x->modseen[d][k] | y->modseen[d][k]);
		if (y->max_snum[d] > x->max_snum[d])
			x->max_snum[d] = y->max_snum[d];
		if (y->last_rnum[d] > x->last_rnum[d])
			x->last_rnum[d] = y->last_rnum[d];
	}
	if (!x->labelled_from_client && y->labelled_from_client)
		memcpy(x->label, y->label, sizeof x->label);
	if (!x->other[0])
		memcpy(x->other, y->other, sizeof x->other);
	y->alias = a;
	if (c->ladder_sel == b)
		c->ladder_sel = a;
	return a;
}

/* The global connection of r (creates it); links the two captures' views. */
static int32_t conn_of(struct cmp *c, struct prec *r, struct cconn *cc)
{
	if (cc && cc->gid >= 0)
		return cc->gid = cmp_gresolve(c, cc->gid);
	int32_t g = gconn_new(c);
	if (g < 0)
		return -1;
	label_conn(c, &c->g[g], r, r->cap == c->client_cap);
	if (cc)
		cc->gid = g;
	if (c->ladder_on && c->ladder_sel < 0) {
		if (c->ladder_str ? strstr(c->g[g].label, c->ladder_str) != NULL : (c->ladder_gid ? g + 1 == c->ladder_gid : 1))
			c->ladder_sel = g;
	}
	return g;
}

int cmp_is_upstream(const struct cmp *c, const struct prec *r)
{
	return (r->cap == c->client_cap) == (r->c2s != 0);
}


static void note_mod(struct cmp *c, const struct prec *snd, const struct prec *rcv, int kind, const char *what)
{
	int path = snd->c2s ? 0 : 1;
	struct gconn *g = snd->gid >= 0 ? &c->g[snd->gid] : NULL;
	c->modif[path]++;
	if (c->res) {
		struct cmp_path *cp = &c->res->path[path];
		if (!cp->mods[kind]++) {
			int32_t gid = cmp_gresolve(c, snd->gid);
			snprintf(cp->mod_ex[kind], sizeof cp->mod_ex[kind], "%s", what);
			snprintf(cp->mod_conn[kind], sizeof cp->mod_conn[kind], "%s", gid >= 0 ? c->g[gid].label : "?");
		}
	}
	if (g) {
		g->modif[path]++;
		if (g->modseen[path][kind]++)
			return; /* reported once per connection and direction */
	}
	char buf[340];
	snprintf(buf, sizeof buf, "%s: %s", cmp_mod_name[kind], what);
	cmp_emit_event(c, "modified", rcv, "change", buf, snd);
}

static void on_pair(struct cmp *c, struct prec *snd, struct prec *rcv)
{
	int path = snd->c2s ? 0 : 1;
	struct gconn *g = snd->gid >= 0 ? &c->g[snd->gid] : NULL;
	c->matched++;
	if (snd->proto == 6) {
		c->matched_tcp++;
		if ((snd->flags & (TCPF_SYN | TCPF_ACK)) == TCPF_SYN)
			c->matched_syn++;
	}
	cmp_res_add(&c->delay[path], rcv->tc - snd->tc, &c->rng);
	c->hops[path][(uint8_t)(snd->ttl - rcv->ttl)]++;
	char w[300];
	if (memcmp(snd->src, rcv->src, 16) || memcmp(snd->dst, rcv->dst, 16) || snd->sport != rcv->sport ||
	    snd->dport != rcv->dport) {
		char a1[64], a2[64], b1[64], b2[64];
		fmt_endpoint(a1, sizeof a1, snd->v6, snd->src, snd->sport);
		fmt_endpoint(a2, sizeof a2, snd->v6, snd->dst, snd->dport);
		fmt_endpoint(b1, sizeof b1, rcv->v6, rcv->src, rcv->sport);
		fmt_endpoint(b2, sizeof b2, rcv->v6, rcv->dst, rcv->dport);
		snprintf(w, sizeof w, "%s > %s became %s > %s", a1, a2, b1, b2);
		note_mod(c, snd, rcv, MOD_NAT, w);
	}
	if (snd->mss != rcv->mss) {
		/* an absent option is named as such, never printed as -1 */
		if (rcv->mss < 0)
			snprintf(w, sizeof w, "MSS %d removed", snd->mss);
		else if (snd->mss < 0)
			snprintf(w, sizeof w, "MSS %d added", rcv->mss);
		else
			snprintf(w, sizeof w, "MSS %d -> %d", snd->mss, rcv->mss);
		note_mod(c, snd, rcv, MOD_MSS, w);
	}
	if (snd->wscale != rcv->wscale) {
		if (rcv->wscale < 0)
			snprintf(w, sizeof w, "window scale %d stripped", snd->wscale);
		else if (snd->wscale < 0)
			snprintf(w, sizeof w, "window scale %d added", rcv->wscale);
		else
			snprintf(w, sizeof w, "window scale %d -> %d", snd->wscale, rcv->wscale);
		note_mod(c, snd, rcv, MOD_WSCALE, w);
	}
	if (snd->sackok != rcv->sackok) {
		snprintf(w, sizeof w, "SACK permitted %s", rcv->sackok ? "added" : "stripped");
		note_mod(c, snd, rcv, MOD_SACK, w);
	}
	if (snd->has_ts != rcv->has_ts) {
		snprintf(w, sizeof w, "timestamps option %s", rcv->has_ts ? "added" : "stripped");
		note_mod(c, snd, rcv, MOD_TS, w);
	}
	if (snd->tos != rcv->tos) {
		snprintf(w, sizeof w, "DSCP %u ECN %u -> DSCP %u ECN %u", snd->tos >> 2, snd->tos & 3, rcv->tos >> 2,
			 rcv->tos & 3);
		note_mod(c, snd, rcv, MOD_TOS, w);
	}
	if (snd->proto == 6 && snd->win != rcv->win) {
		snprintf(w, sizeof w, "window %u -> %u", snd->win, rcv->win);
		note_mod(c, snd, rcv, MOD_WIN, w);
	}
	if (snd->phlen && snd->phlen == rcv->phlen && snd->phash != rcv->phash) {
		snprintf(w, sizeof w, "payload bytes differ");
		note_mod(c, snd, rcv, MOD_PAYLOAD, w);
	}
	int st = LADDER_OK;
	if (g)
		g->rttl[path] = rcv->ttl;
	if (g) {
		/* reordered: this packet reached the receiver after one sent later */
		if (rcv->num > g->last_rnum[path]) {
			if (snd->num < g->max_snum[path]) {
				g->reord[path]++;
				c->reord[path]++;
				cmp_emit_event(c, "reordered", snd, NULL, NULL, rcv);
				st = LADDER_REORDERED;
			}
			g->last_rnum[path] = rcv->num;
		}
		if (snd->num > g->max_snum[path])
			g->max_snum[path] = snd->num;
	}
	cmp_ladder_row(c, snd, rcv, snd, st);
}

/* ---- the pending table ---- */

static void hash_unlink(struct cmp *c, uint32_t idx)
{
	struct prec *r = &c->rec[idx - 1];
	uint32_t *pp = &c->bucket[r->key >> (64 - HBITS)];
	for (uint32_t n = 0; *pp && n < REC_MAX; n++) {
		if (*pp == idx) {
			*pp = r->hnext;
			return;
		}
		pp = &c->rec[*pp - 1].hnext;
	}
}

static int kind_idx(const struct prec *r)
{
	if (r->proto != 6)
		return CMP_K_OTHER;
	if (r->flags & TCPF_RST)
		return CMP_K_RST;
	if ((r->flags & (TCPF_SYN | TCPF_ACK)) == TCPF_SYN)
		return CMP_K_SYN;
	if (r->flags & TCPF_SYN)
		return CMP_K_SYNACK;
	if (r->paylen)
		return CMP_K_DATA; /* a FIN carrying data counts as data */
	if (r->flags & TCPF_FIN)
		return CMP_K_FIN;
	return CMP_K_ACK;
}

/* A lost packet, for compare_files(): counted by kind, the first few kept. */
static void note_loss(struct cmp *c, const struct prec *r, int path)
{
	struct cmp_path *cp = &c->res->path[path];
	int k = kind_idx(r);
	cp->lost_kind[k]++;
	if (k == CMP_K_DATA)
		cp->data_lost++;
	if (cp->nex[k] >= CMP_EXAMPLES)
		return;
	struct cmp_loss *e = &cp->ex[k][cp->nex[k]++];
	int32_t gid = cmp_gresolve(c, r->gid);
	memset(e, 0, sizeof *e);
	e->num = r->num;
	e->t_sender = (double)c->base + r->t;
	e->t_receiver = cmp_abs_in(c, !r->cap, r->tc);
	e->tcp = r->proto == 6;
	e->seq = r->seq;
	e->ack = r->ack;
	e->len = r->paylen;
	snprintf(e->kind, sizeof e->kind, "%s", cmp_kind_of(r));
	cmp_flags_str(e->flags, r->flags);
	fmt_endpoint(e->src, sizeof e->src, r->v6, r->src, r->sport);
	fmt_endpoint(e->dst, sizeof e->dst, r->v6, r->dst, r->dport);
	snprintf(e->conn, sizeof e->conn, "%s", gid >= 0 ? c->g[gid].label : "?");
}

/* Whether r should have passed the other capture point while that capture
 * ran: a packet seen at its sender's capture is expected at the receiver's
 * between the path's smallest and largest one-way delay later (one seen at
 * the receiver's capture left the sender's that much earlier), and that
 * whole interval lies between the other capture's first and last packet.
 * No fixed margin: a SYN-ACK lost right after the captures' first packet is
 * judged.  With one capture empty, what the other saw leave in connections
 * nothing answered is judged (both assumed to have run at the same time);
 * answered ones prove the empty capture was not on their path. */
static int unanswered_elsewhere(struct cmp *c, const struct prec *r);

static int judged(struct cmp *c, const struct prec *r)
{
	int up = cmp_is_upstream(c, r), other = !r->cap, path = r->c2s ? 0 : 1;
	if (c->empty_cap >= 0)
		return up && unanswered_elsewhere(c, r);
	double lo = up ? r->tc + c->dlo[path] : r->tc - c->dhi[path];
	double hi = up ? r->tc + c->dhi[path] : r->tc - c->dlo[path];
	return lo >= c->span_lo[other] && hi <= c->span_hi[other];
}

/* A connection of which r's capture saw only r's direction and the other
 * capture saw nothing (pass 1's tables): unanswered packets, judged even
 * outside the other capture's span (a router dropping the SYNs while the
 * far capture saw only later traffic). */
static int unanswered_elsewhere(struct cmp *c, const struct prec *r)
{
	int is_a;
	const struct cconn *s = cmp_conn_get(&c->ct1[r->cap], r, &is_a, 0);
	if (!s || s->dirs != (is_a ? 1 : 2))
		return 0;
	return cmp_conn_get(&c->ct1[!r->cap], r, &is_a, 0) == NULL;
}

/* sequence space a TCP segment occupies (SYN and FIN count one) */
static uint32_t seq_len(const struct prec *r)
{
	if (r->proto != 6 || (r->flags & TCPF_RST))
		return 0;
	return r->paylen + !!(r->flags & TCPF_SYN) + !!(r->flags & TCPF_FIN);
}

static uint32_t skey_of(const struct prec *r)
{
	uint64_t h = mix64(fnv(r->src, 16) ^ (uint64_t)fnv(r->dst, 16) << 32 ^ (uint64_t)r->sport << 16 ^ r->dport);
	return (uint32_t)(mix64(h ^ (uint64_t)r->seq << 8 ^ r->cap) >> (64 - HBITS));
}

static int same_flow(const struct prec *a, const struct prec *b)
{
	return a->cap == b->cap && a->sport == b->sport && a->dport == b->dport && a->v6 == b->v6 &&
	       !memcmp(a->src, b->src, 16) && !memcmp(a->dst, b->dst, 16);
}

/* Whether the sender's capture saw r's sequence range sent again later (a
 * retransmission still in the window; earlier copies mark r->retx). */
static int retransmitted(const struct cmp *c, const struct prec *r)
{
	uint32_t idx = c->sbucket[skey_of(r)];
	for (uint32_t n = 0; idx && n < REC_MAX; n++) {
		const struct prec *q = &c->rec[idx - 1];
		if (q != r && q->seq == r->seq && q->t > r->t && same_flow(q, r))
			return 1;
		idx = q->snext;
	}
	return 0;
}

/* A packet that left the sender and is missing at the receiver's capture,
 * yet the receiver acknowledged its sequence range and the sender never sent
 * it again: it arrived, the receiver's capture missed it. */
static int proven_received(const struct cmp *c, const struct prec *r, const struct gconn *g)
{
	uint32_t n = seq_len(r);
	int path = r->c2s ? 0 : 1;
	if (!g || !n || r->retx || !g->rack_set[path])
		return 0;
	return (int32_t)(g->rack[path] - (r->seq + n)) >= 0 && !retransmitted(c, r);
}

static void count_lost(struct cmp *c, struct prec *r)
{
	int path = r->c2s ? 0 : 1;
	r->gid = cmp_gresolve(c, r->gid);
	struct gconn *g = r->gid >= 0 ? &c->g[r->gid] : NULL;
	c->lost[path]++;
	if (g)
		g->lost[path]++;
	if (c->res)
		note_loss(c, r, path);
	cmp_emit_event(c, "lost", r, NULL, NULL, NULL);
	cmp_ladder_row(c, r, NULL, r, LADDER_LOST);
}

/* r (seen leaving at its capture) never reached the other capture, which
 * missed it: counted against that capture, not the network. */
static void count_missed(struct cmp *c, struct prec *r, int proven)
{
	int path = r->c2s ? 0 : 1, k = !r->cap;
	r->gid = cmp_gresolve(c, r->gid);
	struct gconn *g = r->gid >= 0 ? &c->g[r->gid] : NULL;
	c->missed[k]++;
	c->proven[k] += proven != 0;
	if (g)
		g->missed[path]++;
	char why[160];
	snprintf(why, sizeof why, "the %s capture missed it (%s)", cmp_side_name(c, k),
		 proven ? "the receiver acknowledged it" : "that capture missed other packets");
	cmp_emit_event(c, "missed", r, "capture_loss", why, NULL);
	cmp_ladder_row(c, r, NULL, r, LADDER_MISSED);
}

/* Decided at the end: losses no acknowledgement can prove (pure ACKs, RSTs,
 * UDP...) are capture misses when that capture is shown to miss packets. */
static void defer_loss(struct cmp *c, const struct prec *r)
{
	if (c->ndefer == c->defer_cap) {
		uint32_t n = c->defer_cap ? c->defer_cap * 2 : 256;
		struct prec *d = n <= DEFER_MAX ? realloc(c->defer, n * sizeof *d) : NULL;
		if (!d) {
			struct prec x = *r;
			if (c->proven[!r->cap])
				count_missed(c, &x, 0);
			else
				count_lost(c, &x);
			return;
		}
		c->defer = d;
		c->defer_cap = n;
	}
	c->defer[c->ndefer++] = *r;
}

static void cmp_flush_deferred(struct cmp *c)
{
	for (uint32_t i = 0; i < c->ndefer; i++) {
		struct prec *r = &c->defer[i];
		if (c->proven[!r->cap])
			count_missed(c, r, 0);
		else
			count_lost(c, r);
	}
	c->ndefer = 0;
}

static void seq_unlink(struct cmp *c, uint32_t idx)
{
	struct prec *r = &c->rec[idx - 1];
	if (!r->schain)
		return;
	uint32_t *pp = &c->sbucket[r->sb];
	for (uint32_t n = 0; *pp && n < REC_MAX; n++) {
		if (*pp == idx) {
			*pp = r->snext;
			break;
		}
		pp = &c->rec[*pp - 1].snext;
	}
	r->schain = 0;
	r->snext = 0;
}

/* The oldest pending packet of capture k leaves the window. */
static void cmp_age_one(struct cmp *c, int k)
{
	uint32_t idx = c->head[k];
	struct prec *r = &c->rec[idx - 1];
	c->head[k] = r->fnext;
	if (!c->head[k])
		c->tail[k] = 0;
	hash_unlink(c, idx);
	r->gid = cmp_gresolve(c, r->gid);
	int up = cmp_is_upstream(c, r), judge = r->state == 2;
	if (r->state == 1) {
		int path = r->c2s ? 0 : 1;
		struct gconn *g = r->gid >= 0 ? &c->g[r->gid] : NULL;
		judge = judged(c, r);
		if (!judge && up && unanswered_elsewhere(c, r)) {
			judge = 1;
			c->beyond[path]++;
		}
		if (!judge) {
			c->outside++;
		} else if (up) {
			if (proven_received(c, r, g))
				count_missed(c, r, 1);
			else if (seq_len(r))
				count_lost(c, r);
			else
				defer_loss(c, r);
		} else {
			/* seen arriving, never leaving: the sender's capture missed
			 * it, unless it is an ICMP error or its TTL is not the one
			 * this path's packets arrive with (made by a device between
			 * the captures) */
			int icmperr = (r->proto == 1 && (r->flags == 3 || r->flags == 4 || r->flags == 5 || r->flags == 11 ||
							 r->flags == 12)) ||
				      (r->proto == 58 && r->flags >= 1 && r->flags <= 4);
			int forged = !icmperr && g && g->rttl[path] && g->rttl[path] != r->ttl;
			c->unexp[path]++;
			if (c->res)
				c->res->path[path].unexpected++;
			if (g)
				g->unexp[path]++;
			char why[160];
			if (icmperr) {
				snprintf(why, sizeof why, "an ICMP error, likely from a router between the captures");
				cmp_emit_event(c, "unexpected", r, "note", why, NULL);
			} else if (forged) {
				snprintf(why, sizeof why, "TTL %u where this path's packets arrive with %u: sent by a device between the captures?",
					 r->ttl, g->rttl[path]);
				cmp_emit_event(c, "unexpected", r, "note", why, NULL);
			} else {
				c->missed[!r->cap]++;
				c->proven[!r->cap]++;
				if (g)
					g->missed[path]++;
				snprintf(why, sizeof why, "the %s capture missed it", cmp_side_name(c, !r->cap));
				cmp_emit_event(c, "unexpected", r, "capture_loss", why, NULL);
			}
			cmp_ladder_row(c, NULL, r, r, LADDER_UNEXPECTED);
		}
	}
	seq_unlink(c, idx);
	/* what the sender's capture saw leave, for loss rates (lost or matched) */
	if (c->res && r->state && up && judge) {
		struct cmp_path *cp = &c->res->path[r->c2s ? 0 : 1];
		cp->sent++;
		if (r->proto == 6 && r->paylen && !(r->flags & (TCPF_SYN | TCPF_RST)))
			cp->data_sent++;
	}
	r->state = 0;
	r->fnext = c->freelist;
	c->freelist = idx;
	c->nrec--;
}

static void age_until(struct cmp *c, double tc)
{
	for (int k = 0; k < 2; k++)
		for (uint32_t n = 0; c->head[k] && n < REC_MAX; n++) {
			if (c->rec[c->head[k] - 1].tc >= tc - c->window)
				break;
			cmp_age_one(c, k);
		}
}

/* Twice the pending records (up to REC_MAX); 0 when it grew. */
static int rec_grow(struct cmp *c)
{
	if (c->rec_cap >= REC_MAX)
		return -1;
	uint32_t nc = c->rec_cap * 2 < REC_MAX ? c->rec_cap * 2 : REC_MAX;
	struct prec *nr = realloc(c->rec, (size_t)nc * sizeof *nr);
	if (!nr)
		return -1;
	memset(nr + c->rec_cap, 0, (size_t)(nc - c->rec_cap) * sizeof *nr);
	for (uint32_t i = c->rec_cap; i < nc; i++)
		nr[i].fnext = i + 2 <= nc ? i + 2 : c->freelist;
	c->freelist = c->rec_cap + 1;
	c->rec = nr;
	c->rec_cap = nc;
	return 0;
}

static void insert_pending(struct cmp *c, const struct prec *r)
{
	if (!c->freelist && rec_grow(c) < 0) {
		/* full: the oldest packet of either capture leaves early */
		int k = !c->head[1] || (c->head[0] && c->rec[c->head[0] - 1].tc <= c->rec[c->head[1] - 1].tc) ? 0 : 1;
		cmp_age_one(c, k);
	}
	uint32_t idx = c->freelist;
	struct prec *p = &c->rec[idx - 1];
	c->freelist = p->fnext;
	*p = *r;
	p->fnext = 0;
	uint32_t *b = &c->bucket[r->key >> (64 - HBITS)];
	p->hnext = *b;
	*b = idx;
	p->schain = 0;
	p->snext = 0;
	if (seq_len(p) && cmp_is_upstream(c, p)) {
		p->sb = skey_of(p);
		uint32_t *sb = &c->sbucket[p->sb];
		p->snext = *sb;
		*sb = idx;
		p->schain = 1;
	}
	int k = r->cap;
	if (c->tail[k])
		c->rec[c->tail[k] - 1].fnext = idx;
	else
		c->head[k] = idx;
	c->tail[k] = idx;
	c->nrec++;
}

/* Per connection: what each capture saw of each path, and the highest ACK
 * each side sent (proof that the other side's segments arrived). */
static void note_seen(struct cmp *c, struct prec *r)
{
	if (r->gid < 0)
		return;
	struct gconn *g = &c->g[cmp_gresolve(c, r->gid)];
	int path = r->c2s ? 0 : 1;
	g->seen[r->cap == c->client_cap ? 0 : 1][path]++;
	uint32_t n = seq_len(r);
	if (n && cmp_is_upstream(c, r)) {
		if (g->snd_set[path] && (int32_t)(r->seq - g->snd_hi[path]) < 0)
			r->retx = 1;
		if (!g->snd_set[path] || (int32_t)(r->seq + n - g->snd_hi[path]) > 0)
			g->snd_hi[path] = r->seq + n;
		g->snd_set[path] = 1;
	}
	if (r->proto == 6 && (r->flags & TCPF_ACK) && !(r->flags & TCPF_RST)) {
		int o = !path; /* r acknowledges the other path's segments */
		if (!g->rack_set[o] || (int32_t)(r->ack - g->rack[o]) > 0)
			g->rack[o] = r->ack;
		g->rack_set[o] = 1;
	}
}

void cmp_process(struct cmp *c, struct prec *r)
{
	int k = r->cap;
	struct cconn *cc = cmp_classify(c, k, r);
	r->tc = cmp_to_ref(c, k, r->t);
	age_until(c, r->tc);
	int up = cmp_is_upstream(c, r);
	/* expected (receiver - sender) delay, for choosing among equal candidates */
	double best = 1e300;
	uint32_t bi = 0, dupi = 0;
	uint32_t idx = c->bucket[r->key >> (64 - HBITS)];
	for (uint32_t n = 0; idx && n < REC_MAX; n++) {
		struct prec *q = &c->rec[idx - 1];
		if (q->key == r->key && q->cap != k) {
			if (q->state == 2) {
				dupi = idx;
			} else if (q->state == 1) {
				double d = up ? q->tc - r->tc : r->tc - q->tc;
				double score = dabs(d);
				if (q->phlen && q->phlen == r->phlen && q->phash != r->phash)
					score += 1e6;
				if (score < best) {
					best = score;
					bi = idx;
				}
			}
		}
		idx = q->hnext;
	}
	if (bi) {
		struct prec *q = &c->rec[bi - 1];
		/* link the two views of the connection */
		int32_t g = q->gid >= 0 ? q->gid : -1;
		if (cc && cc->gid < 0 && g >= 0) {
			cc->gid = g;
			if (k == c->client_cap)
				label_conn(c, &c->g[g], r, 1);
			else
				label_conn(c, &c->g[g], r, 0);
		}
		r->gid = conn_of(c, r, cc);
		if (q->gid < 0)
			q->gid = r->gid;
		else if (cmp_gresolve(c, q->gid) != r->gid)
			r->gid = q->gid = gmerge(c, q->gid, r->gid);
		if (cc)
			cc->gid = r->gid;
		struct prec *snd = up ? r : q, *rcv = up ? q : r;
		note_seen(c, r);
		q->state = 2;
		on_pair(c, snd, rcv);
		r->state = 2;
		insert_pending(c, r); /* kept (matched) for duplicate detection */
		return;
	}
	r->gid = conn_of(c, r, cc);
	note_seen(c, r);
	if (dupi && !up) {
		/* a second copy at the receiver of a packet already matched */
		int path = r->c2s ? 0 : 1;
		c->dup[path]++;
		if (r->gid >= 0)
			c->g[r->gid].dup[path]++;
		cmp_emit_event(c, "duplicated", r, NULL, NULL, &c->rec[dupi - 1]);
		cmp_ladder_row(c, NULL, r, r, LADDER_DUP);
		r->state = 2;
		insert_pending(c, r);
		return;
	}
	r->state = 1;
	insert_pending(c, r);
}


void cmp_match_end(struct cmp *c)
{
	for (int k = 0; k < 2; k++)
		for (uint32_t n = 0; c->head[k] && n <= REC_MAX; n++)
			cmp_age_one(c, k);
	cmp_flush_deferred(c);
}
