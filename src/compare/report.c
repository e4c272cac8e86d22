/*
 * report.c - what `synack compare` prints: an event line (text or NDJSON)
 * as each lost / unexpected / reordered / duplicated / modified / missed
 * packet is judged, the ladder rows of the selected connection, the header
 * (client side, clock) between the passes, the per-connection and summary
 * report at the end; and the same numbers as a struct cmp_result for
 * `synack diagnose -r A -r B`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/fmt.h"
#include "cmp_int.h"

/* ---------------------------------------------------------------- helpers */

/* no libm: the Makefile does not link it */




void cmp_flags_str(char *b, uint8_t f)
{
	static const char let[] = "FSRPAUEW";
	/* tcpdump's order: S F P R U then '.' for a lone ACK; synack uses letters */
	size_t k = 0;
	if (f & TCPF_SYN)
		b[k++] = 'S';
	if (f & TCPF_FIN)
		b[k++] = 'F';
	if (f & TCPF_PSH)
		b[k++] = 'P';
	if (f & TCPF_RST)
		b[k++] = 'R';
	if (f & TCPF_URG)
		b[k++] = 'U';
	if (f & TCPF_ACK)
		b[k++] = 'A';
	if (f & TCPF_ECE)
		b[k++] = let[6];
	if (f & TCPF_CWR)
		b[k++] = let[7];
	if (!k)
		b[k++] = '-';
	b[k] = 0;
}

const char *cmp_kind_of(const struct prec *r)
{
	if (r->proto != 6)
		return r->proto == 17 ? "udp" : r->proto == 1 || r->proto == 58 ? "icmp" : "ip";
	if (r->flags & TCPF_RST)
		return "RST";
	if ((r->flags & (TCPF_SYN | TCPF_ACK)) == TCPF_SYN)
		return "SYN";
	if (r->flags & TCPF_SYN)
		return "SYN-ACK";
	if (r->paylen)
		return "data"; /* a FIN carrying data is data, as in kind_idx() */
	if (r->flags & TCPF_FIN)
		return "FIN";
	return "ACK";
}

/* Absolute time of an offset from the capture's base: local time for people
 * (as print and diagnose show it), ISO UTC for JSON. */
void cmp_fmt_abs(const struct cmp *c, char *buf, size_t n, double t, int iso)
{
	double abs_t = (double)c->base + t;
	if (!(abs_t > -9e15 && abs_t < 9e15)) /* NaN, inf or absurd: no UB in the cast */
		abs_t = 0;
	if (iso)
		fmt_iso_utc(buf, n, abs_t);
	else
		fmt_clock(buf, n, abs_t);
}


void cmp_res_add(struct reservoir *r, double v, uint64_t *rng)
{
	if (!r->n || v < r->min)
		r->min = v;
	if (!r->n || v > r->max)
		r->max = v;
	r->sum += v;
	if (r->n < RES_MAX) {
		r->v[r->n] = v;
	} else {
		*rng = mix64(*rng + 0x9e3779b97f4a7c15ULL);
		uint64_t j = *rng % (r->n + 1);
		if (j < RES_MAX)
			r->v[j] = v;
	}
	r->n++;
}

double cmp_res_q(struct reservoir *r, double q)
{
	size_t n = r->n < RES_MAX ? (size_t)r->n : RES_MAX;
	if (!n)
		return 0;
	qsort(r->v, n, sizeof r->v[0], cmp_dbl);
	size_t i = (size_t)(q * (double)(n - 1) + 0.5);
	return r->v[i < n ? i : n - 1];
}

const char *cmp_side_name(const struct cmp *c, int cap)
{
	return cap == c->client_cap ? "client" : "server";
}

void cmp_emit_event(struct cmp *c, const char *ev, const struct prec *r, const char *extra_key, const char *extra,
		       const struct prec *peer)
{
	struct out *o = c->o;
	char ts[80], fl[12], e1[64], e2[64];
	int path = r->c2s ? 0 : 1;
	const char *pathname = path == 0 ? "client->server" : "server->client";
	const char *sender = path == 0 ? "client" : "server";
	int32_t gid = cmp_gresolve(c, r->gid);
	const char *conn = gid >= 0 ? c->g[gid].label : "?";
	cmp_fmt_abs(c, ts, sizeof ts, r->t, c->json);
	cmp_flags_str(fl, r->flags);
	fmt_endpoint(e1, sizeof e1, r->v6, r->src, r->sport);
	fmt_endpoint(e2, sizeof e2, r->v6, r->dst, r->dport);
	c->evcount++;
	if (c->quiet)
		return;
	if (c->json) {
		out_str(o, "{\"event\":");
		out_json_str(o, ev);
		out_str(o, ",\"path\":");
		out_json_str(o, pathname);
		out_str(o, ",\"sender\":");
		out_json_str(o, sender);
		out_str(o, ",\"capture\":");
		out_json_str(o, cmp_side_name(c, r->cap));
		out_str(o, ",\"file\":");
		out_json_str(o, c->name[r->cap]);
		out_fmt(o, ",\"packet\":%llu,\"time\":\"%s\",\"kind\":\"%s\"", (unsigned long long)r->num, ts, cmp_kind_of(r));
		if (r->proto == 6)
			out_fmt(o, ",\"tcp_flags\":\"%s\",\"seq\":%u,\"ack\":%u,\"len\":%u", fl, r->seq, r->ack, r->paylen);
		out_fmt(o, ",\"src\":\"%s\",\"dst\":\"%s\",\"conn\":", e1, e2);
		out_json_str(o, conn);
		if (gid >= 0)
			out_fmt(o, ",\"conn_id\":%d", gid + 1);
		if (peer)
			out_fmt(o, ",\"peer_packet\":%llu", (unsigned long long)peer->num);
		if (extra_key) {
			out_fmt(o, ",\"%s\":", extra_key);
			out_json_str(o, extra);
		}
		out_str(o, ",\"type\":\"compare_event\"}\n");
	} else {
		out_fmt(o, "%-10s %s %s %s packet %llu at the %s: %s %s > %s", ev, ts, pathname, cmp_kind_of(r),
			(unsigned long long)r->num, cmp_side_name(c, r->cap), r->proto == 6 ? fl : "", e1, e2);
		if (r->proto == 6)
			out_fmt(o, " seq %u ack %u len %u", r->seq, r->ack, r->paylen);
		if (peer)
			out_fmt(o, " (%s packet %llu)", cmp_side_name(c, peer->cap), (unsigned long long)peer->num);
		if (extra_key)
			out_fmt(o, " %s: %s", extra_key, extra);
		if (gid >= 0)
			out_fmt(o, " [conn %d]", gid + 1);
		out_char(o, '\n');
	}
}

void cmp_ladder_row(struct cmp *c, const struct prec *snd, const struct prec *rcv, const struct prec *any, int status)
{
	if (!c->lad || any->gid < 0 || cmp_gresolve(c, any->gid) != c->ladder_sel)
		return;
	struct ladder_row w;
	memset(&w, 0, sizeof w);
	w.from_client = any->c2s;
	w.t_send = snd ? snd->tc : -1;
	w.t_recv = rcv ? rcv->tc : -1;
	w.have_send = snd != NULL;
	w.have_recv = rcv != NULL;
	w.num_send = snd ? snd->num : 0;
	w.num_recv = rcv ? rcv->num : 0;
	w.status = status;
	cmp_flags_str(w.flags, any->flags);
	w.tcp = any->proto == 6;
	w.seq = any->seq;
	w.ack = any->ack;
	w.len = any->paylen;
	snprintf(w.kind, sizeof w.kind, "%s", cmp_kind_of(any));
	ladder_add(c->lad, &w);
}
/* --------------------------------------------------------------- report */

int cmp_top_hops(const unsigned *h)
{
	int best = -1;
	for (int i = 0; i < 256; i++)
		if (h[i] && (best < 0 || h[i] > h[best]))
			best = i;
	return best;
}

int cmp_nconn(const struct cmp *c)
{
	int n = 0;
	for (int32_t i = 0; i < c->ng; i++)
		n += c->g[i].alias < 0;
	return n;
}

void cmp_report(struct cmp *c)
{
	struct out *o = c->o;
	const char *cn = c->name[c->client_cap], *sn = c->name[!c->client_cap];
	double q[2][4];
	for (int d = 0; d < 2; d++) {
		q[d][0] = c->delay[d].n ? c->delay[d].min : 0;
		q[d][1] = cmp_res_q(&c->delay[d], 0.5);
		q[d][2] = cmp_res_q(&c->delay[d], 0.95);
		q[d][3] = c->delay[d].n ? c->delay[d].max : 0;
	}
	/* the offset of the server-side clock relative to the client-side one */
	double off = c->off0, drift = c->drift;
	if (c->client_cap == 1) {
		off = -off;
		drift = -drift;
	}
	if (c->json) {
		for (int32_t i = 0; i < c->ng; i++) {
			struct gconn *g = &c->g[i];
			if (g->alias >= 0)
				continue;
			out_fmt(o, "{\"conn_id\":%d,\"conn\":", i + 1);
			out_json_str(o, g->label);
			if (g->other[0] && strcmp(g->other, g->label)) {
				out_str(o, ",\"conn_at_server\":");
				out_json_str(o, g->other);
			}
			/* sent: seen at the sender's capture; received: at the receiver's */
			out_fmt(o,
				",\"sent_c2s\":%u,\"received_c2s\":%u,\"lost_c2s\":%u,\"unexpected_c2s\":%u,\"missed_c2s\":%u,"
				"\"sent_s2c\":%u,\"received_s2c\":%u,\"lost_s2c\":%u,\"unexpected_s2c\":%u,\"missed_s2c\":%u,"
				"\"reordered\":%u,\"duplicated\":%u,\"modified\":%u,\"type\":\"compare_conn\"}\n",
				g->seen[0][0], g->seen[1][0], g->lost[0], g->unexp[0], g->missed[0], g->seen[1][1], g->seen[0][1],
				g->lost[1], g->unexp[1], g->missed[1], g->reord[0] + g->reord[1], g->dup[0] + g->dup[1],
				g->modif[0] + g->modif[1]);
		}
		out_str(o, "{\"summary\":true,\"client_capture\":");
		out_json_str(o, cn);
		out_str(o, ",\"server_capture\":");
		out_json_str(o, sn);
		out_fmt(o, ",\"client_side_from\":\"%s\",\"clock_offset\":%.6f,\"drift_ppm\":%.2f,\"matched\":%llu",
			c->role_why, off, drift * 1e6, (unsigned long long)c->matched);
		for (int d = 0; d < 2; d++) {
			/* nothing matched on a path: its delays and hop count are unknown (null) */
			int h = cmp_top_hops(c->hops[d]);
			const char *dn = d ? "s2c" : "c2s";
			if (c->delay[d].n)
				out_fmt(o, ",\"delay_%s\":{\"min\":%.6f,\"median\":%.6f,\"p95\":%.6f,\"max\":%.6f}", dn,
					q[d][0], q[d][1], q[d][2], q[d][3]);
			else
				out_fmt(o, ",\"delay_%s\":null", dn);
			if (h >= 0)
				out_fmt(o, ",\"hops_%s\":%d", dn, h);
			else
				out_fmt(o, ",\"hops_%s\":null", dn);
		}
		out_fmt(o,
			",\"lost_c2s\":%llu,\"lost_s2c\":%llu,\"unexpected_c2s\":%llu,\"unexpected_s2c\":%llu,"
			"\"reordered\":%llu,\"duplicated\":%llu,\"modified\":%llu,\"outside_overlap\":%llu,\"connections\":%d,"
			"\"capture_missed_client\":%llu,\"capture_missed_server\":%llu,\"judged_beyond_span\":%llu,"
			"\"link_scope\":%llu,\"empty_capture\":",
			(unsigned long long)c->lost[0], (unsigned long long)c->lost[1], (unsigned long long)c->unexp[0],
			(unsigned long long)c->unexp[1], (unsigned long long)(c->reord[0] + c->reord[1]),
			(unsigned long long)(c->dup[0] + c->dup[1]), (unsigned long long)(c->modif[0] + c->modif[1]),
			(unsigned long long)c->outside, cmp_nconn(c), (unsigned long long)c->missed[c->client_cap],
			(unsigned long long)c->missed[!c->client_cap], (unsigned long long)(c->beyond[0] + c->beyond[1]),
			(unsigned long long)c->linkscope);
		if (c->empty_cap >= 0)
			out_json_str(o, c->name[c->empty_cap]);
		else
			out_str(o, "null");
		out_str(o, ",\"type\":\"compare_summary\"}\n");
		return;
	}
	if (!c->evcount)
		out_str(o, "(no events: every packet judged was seen at both captures, unchanged)\n");
	out_str(o, "\nconnections (client <-> server; lost/sent per path):\n");
	for (int32_t i = 0; i < c->ng && i < 1000; i++) {
		struct gconn *g = &c->g[i];
		if (g->alias >= 0)
			continue;
		out_fmt(o, "  %3d %s", i + 1, g->label);
		if (g->other[0] && strcmp(g->other, g->label))
			out_fmt(o, " (at the server: %s)", g->other);
		out_fmt(o, ": c->s %u/%u lost (client capture %u, server capture %u), s->c %u/%u lost (server capture %u, client capture %u)",
			g->lost[0], g->seen[0][0], g->seen[0][0], g->seen[1][0], g->lost[1], g->seen[1][1], g->seen[1][1],
			g->seen[0][1]);
		if (g->missed[0] + g->missed[1])
			out_fmt(o, ", %u missed by a capture", g->missed[0] + g->missed[1]);
		if (g->unexp[0] + g->unexp[1])
			out_fmt(o, ", %u unexpected", g->unexp[0] + g->unexp[1]);
		if (g->reord[0] + g->reord[1])
			out_fmt(o, ", %u reordered", g->reord[0] + g->reord[1]);
		if (g->dup[0] + g->dup[1])
			out_fmt(o, ", %u duplicated", g->dup[0] + g->dup[1]);
		if (g->modif[0] + g->modif[1])
			out_fmt(o, ", %u modified", g->modif[0] + g->modif[1]);
		out_char(o, '\n');
	}
	if (c->ng > 1000)
		out_fmt(o, "  ... %d more\n", c->ng - 1000);
	out_str(o, "\nsummary:\n");
	out_fmt(o, "  matched %llu packets; lost client->server %llu, server->client %llu; unexpected %llu; reordered %llu; "
		"duplicated %llu; modified %llu\n",
		(unsigned long long)c->matched, (unsigned long long)c->lost[0], (unsigned long long)c->lost[1],
		(unsigned long long)(c->unexp[0] + c->unexp[1]), (unsigned long long)(c->reord[0] + c->reord[1]),
		(unsigned long long)(c->dup[0] + c->dup[1]), (unsigned long long)(c->modif[0] + c->modif[1]));
	for (int d = 0; d < 2; d++) {
		int h = cmp_top_hops(c->hops[d]);
		if (!c->delay[d].n) {
			out_fmt(o, "  %s: no packets matched\n", d ? "server->client" : "client->server");
			continue;
		}
		out_fmt(o, "  %s one-way delay: min %.3f ms, median %.3f ms, p95 %.3f ms, max %.3f ms",
			d ? "server->client" : "client->server", q[d][0] * 1e3, q[d][1] * 1e3, q[d][2] * 1e3, q[d][3] * 1e3);
		if (h >= 0)
			out_fmt(o, "; %d hop%s\n", h, h == 1 ? "" : "s");
		else
			out_str(o, "; hops unknown\n");
	}
	if (c->missed[0] + c->missed[1])
		out_fmt(o, "  capture loss, not network loss: the client-side capture missed %llu packets, the server-side "
			   "capture %llu (they arrived or left: the other end answered them, or the other capture saw them)\n",
			(unsigned long long)c->missed[c->client_cap], (unsigned long long)c->missed[!c->client_cap]);
	if (c->empty_cap >= 0)
		out_fmt(o, "  %s has no IP packets: every packet the %s side sent in connections nothing answered counts as "
			   "lost on the way, assuming both captures ran at the same time\n",
			c->name[c->empty_cap], cmp_side_name(c, !c->empty_cap));
	if (c->beyond[0] + c->beyond[1])
		out_fmt(o, "  %llu unanswered packets of connections the other capture never saw were judged although they "
			   "fall outside its first-to-last packet span (assuming both captures ran at the same time)\n",
			(unsigned long long)(c->beyond[0] + c->beyond[1]));
	if (c->outside && c->empty_cap >= 0)
		out_fmt(o, "  %llu packets of answered connections were not judged (they cannot have crossed the empty "
			   "capture's point unseen)\n",
			(unsigned long long)c->outside);
	else if (c->outside)
		out_fmt(o, "  %llu packets outside the time both captures cover were not judged\n",
			(unsigned long long)c->outside);
	if (c->linkscope)
		out_fmt(o, "  %llu link-scope packets (neighbour discovery, link-local, local multicast) are not matched: "
			   "they never cross a router\n",
			(unsigned long long)c->linkscope);
}

void cmp_header(struct cmp *c)
{
	struct out *o = c->o;
	if (c->json)
		return;
	const char *cn = c->name[c->client_cap], *sn = c->name[!c->client_cap];
	out_fmt(o, "client side: %s, server side: %s (", cn, sn);
	if (!strcmp(c->role_why, "ttl"))
		out_fmt(o, "inferred from TTLs: the client's packets have TTL %d at %s and %d at %s", c->role_ttl[0], cn,
			c->role_ttl[1], sn);
	else if (!strcmp(c->role_why, "timing"))
		out_str(o, "inferred from timing: the client's packets appear first in this capture");
	else if (!strcmp(c->role_why, "empty"))
		out_fmt(o, "%s has no IP packets to compare", c->name[c->empty_cap]);
	else
		out_str(o, "guessed from the argument order: neither TTLs nor timing tell");
	out_str(o, ")\n");
	double off = c->off0, drift = c->drift;
	if (c->client_cap == 1) {
		off = -off;
		drift = -drift;
	}
	out_fmt(o, "clock: server-side clock = client-side clock %+.6f s, drift %+.2f ppm (%llu matched sample packets, "
		"%d envelope bins)\n",
		off, drift * 1e6, (unsigned long long)c->fit_pairs, c->fit_bins);
	char a[80], b[80], a2[80], b2[80];
	int cc = c->client_cap;
	cmp_fmt_abs(c, a, sizeof a, c->span_lo[cc], 0);
	cmp_fmt_abs(c, b, sizeof b, c->span_hi[cc], 0);
	cmp_fmt_abs(c, a2, sizeof a2, c->span_lo[!cc], 0);
	cmp_fmt_abs(c, b2, sizeof b2, c->span_hi[!cc], 0);
	if (c->empty_cap >= 0)
		out_fmt(o, "judged: every packet the %s side sent in connections nothing answered, %s to %s, assuming both "
			   "captures ran at the same time; matching window %.3f s\n\n",
			cmp_side_name(c, !c->empty_cap), a, b, c->window);
	else
		out_fmt(o, "judged: packets due at the other capture point while it ran (client side %s to %s, server side %s "
			   "to %s, client-side clock), matching window %.3f s\n\n",
			a, b, a2, b2, c->window);
}


/* The summary of a finished run for compare_files() (and the examples the
 * run collected on the way: see note_loss, note_mod). */
void cmp_fill_result(struct cmp *c, struct cmp_result *res)
{
	res->name[0] = c->name[0];
	res->name[1] = c->name[1];
	res->client_cap = c->client_cap;
	res->role_why = c->role_why;
	res->role_ttl[0] = c->role_ttl[0];
	res->role_ttl[1] = c->role_ttl[1];
	/* the offset of the server-side clock relative to the client-side one */
	res->offset = c->client_cap == 1 ? -c->off0 : c->off0;
	res->drift_ppm = (c->client_cap == 1 ? -c->drift : c->drift) * 1e6;
	res->judged_from = cmp_abs_in(c, c->client_cap, c->ov_lo);
	res->judged_to = cmp_abs_in(c, c->client_cap, c->ov_hi);
	res->tcp_pkts[0] = c->tcp_npk[0];
	res->tcp_pkts[1] = c->tcp_npk[1];
	res->matched = c->matched;
	res->matched_tcp = c->matched_tcp;
	res->matched_syn = c->matched_syn;
	res->outside = c->outside;
	res->empty_cap = c->empty_cap;
	res->beyond = c->beyond[0] + c->beyond[1];
	for (int k = 0; k < 2; k++) {
		res->cap_missed[k] = c->missed[k];
		res->cap_missed_proven[k] = c->proven[k];
	}
	for (int d = 0; d < 2; d++) {
		struct cmp_path *p = &res->path[d];
		p->lost = c->lost[d];
		p->reordered = c->reord[d];
		p->duplicated = c->dup[d];
		p->modified = c->modif[d];
		p->delays = c->delay[d].n;
		p->delay_min = c->delay[d].n ? c->delay[d].min : 0;
		p->delay_median = cmp_res_q(&c->delay[d], 0.5);
		p->delay_p95 = cmp_res_q(&c->delay[d], 0.95);
		p->delay_max = c->delay[d].n ? c->delay[d].max : 0;
		p->hops = cmp_top_hops(c->hops[d]);
	}
	for (int32_t i = 0; i < c->ng; i++) {
		const struct gconn *g = &c->g[i];
		if (g->alias >= 0)
			continue;
		res->connections++;
		for (int d = 0; d < 2; d++)
			res->path[d].conns_lost += g->lost[d] > 0;
	}
}
