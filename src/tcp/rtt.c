/*
 * rtt.c - round-trip time samples.  A data segment waits in one of its
 * sender's RTT_SLOTS until an ACK covers it; the ACK that covers the newest
 * waiting segment gives a sample (ACK time - send time).  Karn's rule (RFC
 * 6298 section 5): a segment seen more than once gives no sample, and the
 * handshake gives one (SYN to handshake ACK) only when neither the SYN nor the
 * SYN-ACK was sent again before its answer.  All times are seconds.
 */
#include "track_int.h"

static void rtt_sample(struct conn *c, double s)
{
	if (c->rtt_min < 0 || s < c->rtt_min)
		c->rtt_min = s;
	if (s > c->rtt_max)
		c->rtt_max = s;
	c->rtt_sum += s;
	c->rtt_n++;
}

/* The handshake ACK just arrived: SYN -> SYN-ACK -> ACK, unless either half is ambiguous. */
static void rtt_handshake(struct seg *g)
{
	struct conn *c = g->c;
	if (c->synack_rtt_unknown || (c->syn_count && c->syn_rtt_unknown))
		return;
	rtt_sample(c, (g->now - c->synack_time) + (c->syn_count ? c->synack_time - c->syn_time : 0));
}

/* Karn: data the sender sent (or at least the capture saw) twice gives no sample. */
static void rtt_mark_resent(struct seg *g)
{
	struct half *f = g->fwd;
	for (int i = 0; i < f->nrtt; i++)
		if (SEQ_LT(f->rtt[i].start, g->seq + g->seglen) && SEQ_GT(f->rtt[i].end, g->seq))
			f->rtt[i].retrans = 1;
}

/* New data beyond everything sent before: it waits for its ACK. */
static void rtt_push(struct seg *g)
{
	struct half *f = g->fwd;
	if (f->nrtt >= RTT_SLOTS)
		return;
	f->rtt[f->nrtt].start = g->seq;
	f->rtt[f->nrtt].end = g->end;
	f->rtt[f->nrtt].dt = g->now - g->c->start;
	f->rtt[f->nrtt].retrans = 0;
	f->nrtt++;
}

/* An ACK releases the segments it covers; the newest of them, if sent once, is a sample. */
static void rtt_acked(struct seg *g)
{
	struct half *r = g->rev;
	int k = 0;
	for (int i = 0; i < r->nrtt; i++) {
		if (SEQ_LE(r->rtt[i].end, g->ack)) {
			if (!r->rtt[i].retrans && i == r->nrtt - 1) {
				double s = g->now - g->c->start - r->rtt[i].dt;
				rtt_sample(g->c, s);
				g->res->ack_rtt = s;
			}
			continue;
		}
		r->rtt[k++] = r->rtt[i];
	}
	r->nrtt = k;
}

void rtt_segment(struct seg *g)
{
	if (g->hs_acked)
		rtt_handshake(g);
	if (g->not_advanced && g->seglen > 0)
		rtt_mark_resent(g);
	if (g->advanced && g->seglen > 0)
		rtt_push(g);
	if ((g->flags & TCPF_ACK) && g->rev->nrtt)
		rtt_acked(g);
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

