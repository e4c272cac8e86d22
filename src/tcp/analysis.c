/*
 * analysis.c - the per-segment rules.  They follow the meanings of
 * Wireshark's tcp.analysis flags (zero window, window update, keep-alive, dup
 * ack, retransmission and its fast/spurious variants, out-of-order, previous
 * segment not captured, ACK of an unseen segment, window full, zero-window
 * probe) and are evaluated in the same order, as in Wireshark 4.0's
 * tcp_analyze_sequence_number(), so a packet gets the same classification;
 * see README for where and why synack differs.  As there: absolute numbers,
 * where a nextseq / maxseqtobeacked / lastack of 0 means "not seen yet",
 * lastack is the raw ACK field of the last segment in that direction (ACK flag
 * or not), and windows start out as "unknown" (not 0).  Besides the tags:
 * D-SACK reports (RFC 2883) and the gaps in each side's sequence space, told
 * apart as capture loss or network loss.  Everything is modulo 2^32.
 */
#include "track_int.h"

#define NOT_DATA_FLAGS (TCPF_SYN | TCPF_FIN | TCPF_RST)

/* Window scale of the segments half a sends (b: the other half), or -1 when
 * unknown (handshake not seen). */
static int scale_of(const struct half *a, const struct half *b)
{
	if (!a->syn_seen || !b->syn_seen)
		return -1;
	if (!a->syn_opt_ws || !b->syn_opt_ws)
		return 0; /* not negotiated: no scaling (RFC 7323 2.2) */
	return a->wscale;
}

/* The advertised window, scaled when the scale is known (never on SYNs, RFC 7323 2.2). */
static void seg_window(struct seg *g)
{
	int sc = scale_of(g->fwd, g->rev);
	g->window = g->s->win;
	if (!(g->flags & TCPF_SYN) && sc > 0)
		g->window = (uint32_t)g->s->win << sc;
	if (g->window > g->fwd->max_win)
		g->fwd->max_win = g->window;
}

/* SYN to the first ACK after it: Wireshark's out-of-order threshold. */
static void first_rtt(struct seg *g)
{
	struct conn *c = g->c;
	if (!c->first_rtt_set && (g->flags & TCPF_ACK) && !(g->flags & TCPF_SYN) && c->last_syn_time > 0) {
		c->first_rtt = g->now - c->last_syn_time;
		c->first_rtt_set = 1;
	}
	if ((g->flags & (TCPF_SYN | TCPF_ACK)) == TCPF_SYN)
		c->last_syn_time = g->now;
}

/* D-SACK (RFC 2883): a first SACK block at or below the cumulative ACK, or inside
 * the second block, reports data received twice: the other side's retransmission
 * was not needed. */
static void dsack(struct seg *g)
{
	const struct tcp_opts *o = &g->s->opt;
	if (!(g->flags & TCPF_ACK) || o->nsack == 0)
		return;
	uint32_t l = o->sack[0][0], r = o->sack[0][1];
	if (SEQ_LE(r, g->ack) || (o->nsack > 1 && SEQ_LE(o->sack[1][0], l) && SEQ_LE(r, o->sack[1][1])))
		g->rev->dsacked++;
}

/* "Previous segment not captured": remember the gap to learn later whether it was
 * filled (network loss) or acknowledged without a fill (capture loss). */
static void gap_open(struct seg *g)
{
	struct half *f = g->fwd;
	if (f->ngap >= GAP_SLOTS) {
		f->gaps_untracked++;
		return;
	}
	f->gap[f->ngap].start = f->nextseq;
	f->gap[f->ngap].end = g->seq;
	f->gap[f->ngap].ipid = g->pk->ipid;
	f->gap[f->ngap].v4 = g->pk->l3 == 4;
	f->gap[f->ngap].tsval = g->s->opt.ts_val;
	f->gap[f->ngap].has_ts = (uint8_t)(g->s->opt.has_ts != 0);
	f->ngap++;
}

/* Same window, same ACK, nothing new: the shape of a dup ACK and its relatives. */
static inline int same_ack_and_window(const struct seg *g)
{
	const struct half *f = g->fwd;
	return g->seglen == 0 && f->window_set && g->window == f->window && g->seq == f->nextseq &&
	       g->ack == f->lastack && !(g->flags & NOT_DATA_FLAGS);
}

/* Zero-window probe, zero window, lost segment, keep-alive, window update, window
 * full, keep-alive ack, zero-window probe ack, dup ack: Wireshark's order, where a
 * probe and the ACKs of probes and keep-alives end the chain. */
static void window_rules(struct seg *g)
{
	struct half *f = g->fwd, *r = g->rev;
	uint8_t fl = g->flags;
	if (g->seglen == 1 && g->seq == f->nextseq && r->window_set && r->window == 0) {
		g->tags |= TAG_ZW_PROBE;
		f->zwprobes++;
		return;
	}
	if (g->window == 0 && !(fl & (TCPF_RST | TCPF_FIN | TCPF_SYN))) {
		g->tags |= TAG_ZERO_WINDOW;
		f->zerowin++;
		history_add(g->c, 'W', g->dir);
		if (f->zerowin_since == 0)
			f->zerowin_since = g->now;
	}
	if (f->nextseq && SEQ_GT(g->seq, f->nextseq) && !(fl & TCPF_RST)) {
		g->tags |= TAG_LOST_SEGMENT;
		f->lost++;
		history_add(g->c, 'G', g->dir);
		gap_open(g);
	}
	if ((g->seglen == 0 || g->seglen == 1) && g->seq == f->nextseq - 1 && !(fl & NOT_DATA_FLAGS)) {
		g->tags |= TAG_KEEPALIVE;
		f->keepalives++;
	}
	if (g->seglen == 0 && g->window && (!f->window_set || g->window != f->window) && g->seq == f->nextseq &&
	    g->ack == f->lastack && !(fl & NOT_DATA_FLAGS))
		g->tags |= TAG_WINDOW_UPDATE;
	if (g->seglen > 0 && scale_of(r, f) >= 0 && r->window_set && g->seq + g->seglen == r->lastack + r->window &&
	    !(fl & NOT_DATA_FLAGS)) {
		g->tags |= TAG_WINDOW_FULL;
		f->winfull++;
	}
	if (!same_ack_and_window(g))
		return;
	if (g->window && (r->last_tags & TAG_KEEPALIVE)) {
		g->tags |= TAG_KEEPALIVE_ACK;
		return;
	}
	if (g->window == 0 && (r->last_tags & TAG_ZW_PROBE)) {
		g->tags |= TAG_ZW_PROBE_ACK;
		return;
	}
	if (g->window) {
		f->dupacknum = f->dupacknum == -1 ? 1 : f->dupacknum + 1;
		f->dupacks++;
		g->tags |= TAG_DUP_ACK;
		g->res->dupack_num = (uint32_t)f->dupacknum;
	}
}

/* ACK of an unseen segment, bogus ACK, out of window. */
static void ack_rules(struct seg *g)
{
	struct half *f = g->fwd, *r = g->rev;
	uint8_t fl = g->flags;
	if (r->maxseqtobeacked && SEQ_GT(g->ack, r->maxseqtobeacked) && (fl & TCPF_ACK)) {
		if (r->maxseqtobeacked > r->nextseq) {
			r->maxseqtobeacked = r->nextseq;
			g->tags |= TAG_ACKED_UNSEEN;
		} else {
			if (r->dupacknum == 0)
				g->tags |= TAG_ACKED_UNSEEN;
			r->dupacknum = -1;
		}
		if (g->tags & TAG_ACKED_UNSEEN)
			f->acked_unseen++;
	}
	if (r->oow_pending && (fl & TCPF_ACK) && !SEQ_LT(g->ack, r->oow_end)) {
		r->bad_seq -= r->oow_pending;
		r->oow_pending = 0;
	}
	if ((fl & TCPF_ACK) && !(fl & TCPF_RST) && r->nextseq && r->seen) {
		uint32_t dist = g->ack - r->nextseq;
		if (dist > BOGUS_ACK_MIN && dist < BOGUS_ACK_MAX) {
			g->tags |= TAG_BAD_ACK;
			f->bad_seq++;
		}
	}
	if (r->lastack_set && (fl & (TCPF_SYN | TCPF_RST)) == 0 && g->seglen > 0) {
		int32_t d = (int32_t)(g->seq - r->last_real_ack);
		uint32_t lim = r->max_win ? r->max_win * OOW_WIN_FACTOR + OOW_WIN_SLACK : OOW_FAR;
		if ((d > 0 && (uint32_t)d > lim) || d < -(int32_t)OOW_FAR) {
			g->tags |= TAG_OUT_OF_WINDOW;
			f->bad_seq++;
			if (d > 0) { /* forgiven only when the ACK covers the furthest of them */
				uint32_t end = g->seq + g->seglen;
				if (f->oow_pending++ == 0 || SEQ_GT(end, f->oow_end))
					f->oow_end = end;
			}
		}
	}
}

/* Segment a sent after segment b: a newer IPv4 ID or TCP timestamp. */
static int sent_later(const struct seg *g, int v4, uint16_t ipid, int has_ts, uint32_t tsval)
{
	const struct pkt *pk = g->pk;
	return (v4 && pk->l3 == 4 && (int16_t)(uint16_t)(pk->ipid - ipid) > 0) ||
	       (has_ts && g->s->opt.has_ts && SEQ_GT(g->s->opt.ts_val, tsval));
}

/* A segment that fills (part of) an open gap closes it: retransmitted, so the network
 * lost it; reordered, no loss. */
static void gap_fill(struct seg *g, uint32_t rtag)
{
	struct half *f = g->fwd;
	int k = 0;
	for (int i = 0; i < f->ngap; i++) {
		if (SEQ_LT(f->gap[i].start, g->seq + g->seglen) && SEQ_GT(f->gap[i].end, g->seq)) {
			int later = sent_later(g, f->gap[i].v4, f->gap[i].ipid, f->gap[i].has_ts, f->gap[i].tsval);
			if ((rtag & (TAG_RETRANS | TAG_FAST_RETRANS | TAG_SPURIOUS)) || later)
				f->repaired_gaps++;
			continue;
		}
		f->gap[k++] = f->gap[i];
	}
	f->ngap = k;
}

/* Per-side retransmission statistics: backoff runs, full-size vs small (path MTU). */
static void retrans_count(struct seg *g)
{
	struct half *f = g->fwd;
	f->retrans++;
	history_add(g->c, 'T', g->dir);
	if (f->last_retrans_seq == g->seq && f->consec_rto > 0) {
		f->consec_rto++;
	} else {
		f->consec_rto = 1;
		f->last_retrans_seq = g->seq;
	}
	if (f->consec_rto > f->max_backoff)
		f->max_backoff = f->consec_rto;
	if (g->seglen > 0) {
		uint32_t mss = g->rev->mss > 0 ? (uint32_t)g->rev->mss : 0;
		if (f->max_seg >= FULL_SEG_MIN && (g->seglen >= f->max_seg || (mss && g->seglen + HDR_ALLOWANCE >= mss)))
			f->full_size_retrans++;
		else
			f->small_retrans++;
	}
}

/* Spurious, fast, out-of-order or plain retransmission of a segment that carries
 * sequence space (data, SYN or FIN). */
static void retrans_rules(struct seg *g)
{
	struct half *f = g->fwd, *r = g->rev;
	int not_advanced = f->nextseq && SEQ_LT(g->seq, f->nextseq);
	if (g->seglen > 1 && f->nextseq - 1 == g->seq)
		not_advanced = 0;
	uint32_t rtag = 0;
	double ooo_threshold = g->c->first_rtt_set && g->c->first_rtt > 0 ? g->c->first_rtt : OOO_DEFAULT_THRESHOLD;
	if (g->seglen > 0 && r->lastack && SEQ_LE(g->seq + g->seglen, r->lastack)) {
		rtag = TAG_SPURIOUS;
		f->spurious++;
	} else if (not_advanced && r->dupacknum >= 2 && r->lastack == g->seq && g->now - r->lastack_time < FAST_RETRANS_WINDOW) {
		rtag = TAG_FAST_RETRANS;
		f->fast_retrans++;
	} else if (not_advanced && g->now - f->nextseq_time < ooo_threshold && f->nextseq != g->end) {
		rtag = TAG_OUT_OF_ORDER;
		f->ooo++;
		/* sent after the data it arrived behind: a quick retransmission */
		if (sent_later(g, g->pk->l3 == 4 && g->pk->ipid && g->ipid_prev, g->ipid_prev, g->ts_prev_set, g->ts_prev))
			f->ooo_resent++;
	} else if (not_advanced) {
		rtag = TAG_RETRANS;
		double rto = g->now - f->nextseq_time;
		if (rto > f->max_rto)
			f->max_rto = rto;
	}
	g->tags |= rtag;
	g->not_advanced = not_advanced;
	if (not_advanced && g->seglen > 0)
		gap_fill(g, rtag);
	if (rtag & (TAG_RETRANS | TAG_FAST_RETRANS | TAG_SPURIOUS))
		retrans_count(g);
}

/* Advance the highest sequence number seen (zero-window probes do not). */
static void advance(struct seg *g)
{
	struct half *f = g->fwd;
	if (g->tags & TAG_ZW_PROBE)
		return;
	if (SEQ_GT(g->end, f->nextseq) || !f->nextseq) {
		f->nextseq = g->end;
		f->nextseq_set = 1;
		f->nextseq_time = g->now;
		f->nextseq_pkt = g->pk->num;
		g->advanced = 1;
	}
	if (g->seq == f->maxseqtobeacked || !f->maxseqtobeacked)
		f->maxseqtobeacked = f->nextseq;
}

/* The receiver acknowledged bytes of a gap that nothing in the capture filled: the capture missed them. */
static void gaps_acked(struct seg *g)
{
	struct half *r = g->rev;
	int k = 0;
	for (int i = 0; i < r->ngap; i++) {
		if (SEQ_GT(g->ack, r->gap[i].start)) {
			r->capture_gaps++;
			continue;
		}
		r->gap[k++] = r->gap[i];
	}
	r->ngap = k;
}

void analysis_segment(struct seg *g)
{
	struct half *f = g->fwd, *r = g->rev;
	seg_window(g);
	first_rtt(g);
	dsack(g);
	/* Linux probes a zero window with an empty segment at snd.una - 1 (Wireshark calls it a keep-alive). */
	if (g->seglen == 0 && r->window_set && r->window == 0 && f->nextseq && g->seq == f->nextseq - 1 &&
	    !(g->flags & NOT_DATA_FLAGS))
		f->zwprobes++;
	window_rules(g);
	if (g->ack != f->lastack)
		f->dupacknum = 0;
	if (g->window != 0 && f->zerowin_since > 0) {
		f->zerowin_total += g->now - f->zerowin_since;
		f->zerowin_since = 0;
	}
	ack_rules(g);
	if ((g->seglen > 0 || (g->flags & (TCPF_SYN | TCPF_FIN))) && !(g->tags & TAG_KEEPALIVE))
		retrans_rules(g);
	advance(g);
	if ((g->flags & TCPF_ACK) && r->ngap)
		gaps_acked(g);
	if (g->seglen > 0 && r->lastack_set)
		g->res->in_flight = f->nextseq - r->lastack;
	f->window = g->window;
	f->window_set = 1;
	f->lastack = g->ack; /* raw, ACK flag or not, as Wireshark keeps it */
	f->lastack_time = g->now;
	if (g->flags & TCPF_ACK) {
		f->lastack_set = 1;
		f->last_real_ack = g->ack;
	}
	f->last_tags = g->tags;
}
