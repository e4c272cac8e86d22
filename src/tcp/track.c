/*
 * track.c - tracker_packet(): one decoded packet through the tracker.
 *
 * A TCP segment goes through the stages in a fixed order: the flow table
 * finds or creates its connection (flow.c); the per-side counters and the
 * handshake / close / request-response bookkeeping below; the Wireshark-order
 * analysis (analysis.c); then RTT sampling (rtt.c), which needs to know what
 * the analysis decided (retransmitted or new data).  An ICMP or ICMPv6 error
 * that quotes a TCP packet of a live connection is attached to it here.
 */
#include "track_int.h"

#include <string.h>

/* The sender's side: first sight, TTL / IP ID / timestamp history, volume. */
static void side_update(struct seg *g)
{
	struct half *f = g->fwd;
	const struct pkt *pk = g->pk;
	if (!f->seen) {
		f->seen = 1;
		f->first_pkt = pk->num;
		f->ttl_first = pk->ttl;
	}
	f->ttl_last = pk->ttl;
	g->ipid_prev = f->ipid_last;
	g->ts_prev_set = f->ts_last_set;
	g->ts_prev = f->ts_last;
	f->ipid_last = pk->ipid;
	if (g->s->opt.has_ts && (!f->ts_last_set || SEQ_GT(g->s->opt.ts_val, f->ts_last))) {
		f->ts_last = g->s->opt.ts_val;
		f->ts_last_set = 1;
	}
	f->pkts++;
	f->bytes += g->seglen;
}

/* A SYN (attempt n) from the client. */
static void on_syn(struct seg *g)
{
	struct conn *c = g->c;
	g->tags |= TAG_SYN;
	history_add(c, 'S', g->dir);
	if (c->syn_count < SYN_TIMES)
		c->syn_times[c->syn_count] = g->now;
	c->syn_count++;
	if (c->syn_count == 1) {
		c->syn_time = g->now;
		c->syn_isn = g->seq;
		c->syn_pkt = g->pk->num;
	} else {
		g->tags |= TAG_SYN_RETRANS;
		g->res->syn_attempt = c->syn_count;
		g->res->syn_interval = g->now - c->syn_times[(c->syn_count - 2) % SYN_TIMES];
	}
}

/* A SYN-ACK (attempt n) from the server. */
static void on_synack(struct seg *g)
{
	struct conn *c = g->c;
	g->tags |= TAG_SYNACK;
	history_add(c, 'H', g->dir);
	if (c->synack_count < SYN_TIMES)
		c->synack_times[c->synack_count] = g->now;
	c->synack_count++;
	if (c->synack_count == 1) {
		c->synack_time = g->now;
		c->synack_isn = g->seq;
		c->synack_pkt = g->pk->num;
		if (c->syn_count > 1)
			c->syn_rtt_unknown = 1; /* answers which SYN? (Karn) */
		if (c->syn_count && g->ack != c->syn_isn + 1) {
			c->synack_bad_ack = 1;
			g->tags |= TAG_BAD_ACK;
		}
	} else {
		g->tags |= TAG_SYN_RETRANS;
		g->res->syn_attempt = c->synack_count;
		g->res->syn_interval = g->now - c->synack_times[(c->synack_count - 2) % SYN_TIMES];
	}
}

/* SYN, SYN-ACK and the handshake ACK; the options each side's SYN carried. */
static void handshake(struct seg *g)
{
	struct conn *c = g->c;
	struct half *f = g->fwd;
	const struct tcp_seg *s = g->s;
	if (g->flags & TCPF_SYN) {
		if (!(g->flags & TCPF_ACK))
			on_syn(g);
		else
			on_synack(g);
		f->syn_seen = 1;
		if (!f->isn_set) {
			f->isn_set = 1;
			f->isn = g->seq;
		}
		f->syn_opt_ws = s->opt.wscale >= 0;
		f->wscale = s->opt.wscale >= 0 ? s->opt.wscale : 0;
		f->mss = s->opt.mss;
		f->sack_ok = s->opt.sack_ok;
		f->ts_ok = s->opt.has_ts;
	} else if (!f->isn_set) {
		f->isn_set = 1;
		f->isn = g->seq - 1;
	}
	if (!c->established && g->dir == 0 && !(g->flags & (TCPF_SYN | TCPF_RST)) && (g->flags & TCPF_ACK) &&
	    c->synack_count && g->ack == c->synack_isn + 1) {
		c->established = 1;
		c->hs_ack_time = g->now;
		c->hs_ack_pkt = g->pk->num;
		g->tags |= TAG_HS_ACK;
		g->hs_acked = 1;
		if (c->synack_count > 1)
			c->synack_rtt_unknown = 1; /* answers which SYN-ACK? (Karn) */
	}
}

/* RST and FIN: who closed, when. */
static void closing(struct seg *g)
{
	struct conn *c = g->c;
	struct half *f = g->fwd;
	if (g->flags & TCPF_RST) {
		g->tags |= TAG_RST;
		history_add(c, 'R', g->dir);
		if (!f->rst) {
			f->rst = 1;
			f->rst_time = g->now;
		}
		if (c->rst_first_by < 0) {
			c->rst_first_by = g->dir;
			c->rst_ttl = g->pk->ttl;
			c->rst_ipid = g->pk->ipid;
		}
		g->res->rst_by = g->dir;
		c->closed = 1;
		c->closed_time = g->now;
	}
	if (g->flags & TCPF_FIN) {
		g->tags |= TAG_FIN;
		history_add(c, 'F', g->dir);
		if (!f->fin) {
			f->fin = 1;
			f->fin_seq = g->seq + g->seglen;
			f->fin_time = g->now;
		}
		if (g->rev->fin) {
			c->closed = 1;
			c->closed_time = g->now;
		}
	}
}

/* Data: first and last data times, the first request and response (server think time). */
static void payload(struct seg *g)
{
	struct conn *c = g->c;
	struct half *f = g->fwd;
	if (g->dir == 1 && (g->flags & TCPF_ACK) && c->req_last_time > 0 && c->resp_time == 0 && c->req_acked_time == 0 &&
	    SEQ_LE(c->req_end_seq, g->ack) && g->seglen == 0)
		c->req_acked_time = g->now;
	if (!(g->flags & (TCPF_SYN | TCPF_FIN | TCPF_RST)) && g->seglen == 0 && (g->flags & TCPF_ACK))
		history_add(c, 'A', g->dir);
	if (g->seglen == 0)
		return;
	history_add(c, 'D', g->dir);
	if (f->first_data_time == 0)
		f->first_data_time = g->now;
	f->last_data_time = g->now;
	if (g->seglen > f->max_seg)
		f->max_seg = g->seglen;
	if (g->dir == 0 && c->req_time == 0)
		c->req_time = g->now;
	if (g->dir == 0 && c->resp_time == 0) {
		/* the latest moment the server can have got the whole request (retransmissions included) */
		c->req_last_time = g->now;
		c->req_end_seq = g->seq + g->seglen;
		c->req_acked_time = 0;
	}
	if (g->dir == 1 && c->req_time > 0 && c->resp_time == 0)
		c->resp_time = g->now;
}

/* An ICMP / ICMPv6 error quoting a TCP packet of a live connection: the first one
 * is kept with which side's packet it quotes and what that packet was. */
static void icmp_error(struct tracker *t, const struct pkt *pk)
{
	const struct icmp_quote *q = &pk->quote;
	struct conn *c = tracker_find(t, q->v6, q->src, q->sport, q->dst, q->dport);
	if (!c)
		return;
	c->icmp_count++;
	if (c->icmp_count != 1)
		return;
	int v6 = pk->l3 == 6;
	c->icmp_type = pk->icmp_type;
	c->icmp_code = pk->icmp_code;
	c->icmp_v6 = (uint8_t)v6;
	memcpy(c->icmp_from, pk->src, v6 ? 16 : 4);
	c->icmp_mtu = pk->icmp_mtu;
	c->icmp_time = pkt_time(pk);
	c->icmp_pkt = pk->num;
	c->icmp_dir = !(q->sport == c->cport && memcmp(q->src, c->cli, c->v6 ? 16 : 4) == 0);
	if (c->icmp_dir == 0)
		c->icmp_what = c->syn_count && q->seq == c->syn_isn ? ICMP_QUOTED_SYN : ICMP_QUOTED_OTHER;
	else
		c->icmp_what = c->synack_count && q->seq == c->synack_isn ? ICMP_QUOTED_SYNACK : ICMP_QUOTED_OTHER;
}

/* One TCP segment through the stages. */
static void tcp_segment(struct tracker *t, const struct pkt *pk, struct tcp_result *res)
{
	struct seg g;
	double now = pkt_time(pk);
	g.tags = 0;
	g.c = flow_packet(t, pk, now, &g.dir, &g.tags);
	if (!g.c)
		return;
	g.pk = pk;
	g.s = &pk->tcp;
	g.res = res;
	struct half *h0 = &g.c->h[0], *h1 = &g.c->h[1];   /* a select, not index arithmetic */
	g.fwd = g.dir ? h1 : h0;
	g.rev = g.dir ? h0 : h1;
	g.now = now;
	g.seq = g.s->seq;
	g.ack = g.s->ack;
	g.seglen = g.s->paylen;
	g.flags = g.s->flags;
	g.end = g.seq + g.seglen + ((g.flags & (TCPF_SYN | TCPF_FIN)) ? 1u : 0u);
	g.window = 0;           /* analysis_segment: the scaled window */
	g.hs_acked = g.not_advanced = g.advanced = 0;
	/* ipid_prev, ts_prev_set, ts_prev: side_update */

	side_update(&g);
	handshake(&g);
	closing(&g);
	if (g.c->closed)
		flow_closed(t, g.c);
	payload(&g);
	analysis_segment(&g);
	rtt_segment(&g);

	res->tags = g.tags;
	res->conn = g.c;
	res->dir = g.dir;
}

void tracker_packet(struct tracker *t, const struct pkt *pk, struct tcp_result *res)
{
	struct tcp_result scratch;
	if (!res)
		res = &scratch;
	memset(res, 0, sizeof *res);
	res->ack_rtt = -1;
	if (pk->has_tcp && (pk->l3 == 4 || pk->l3 == 6))
		tcp_segment(t, pk, res);
	if (pk->has_icmp && pk->l3 && pk->quote.valid && pk->quote.proto == 6)
		icmp_error(t, pk);
}
