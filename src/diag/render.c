/*
 * render.c - findings as text or NDJSON, rendered from the groups' structure.
 *
 * Ranking (the first finding printed is the one to act on):
 *   1. root causes only at the top level; a finding explained by a root cause
 *      on the same server endpoint (across.c fold_table) is printed under it
 *      as a consequence, and a root is as severe as its worst consequence;
 *   2. higher severity first (critical, error, warning, info);
 *   3. among equal severity, kinds that name a cause (listen-overflow,
 *      refused, ...) before kinds that are symptoms (packet-loss, high-rtt,
 *      rto-stall, response-stalled, early-close, window-full);
 *   4. more connections affected first; then the earlier one.
 */
#include "findings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../util/community_id.h"
#include "../util/fmt.h"

const char *const diag_sev_name[] = {"info", "warning", "error", "critical"};


/* Substitute %PORT%, %SERVER% and %CLIENT% in a command template. */
void diag_expand(char *dst, size_t n, const char *tpl, const char *server, const char *client, unsigned port)
{
	size_t k = 0;
	while (*tpl && k + 1 < n) {
		if (*tpl != '%') { /* the usual byte: no placeholder starts here */
			dst[k++] = *tpl++;
			continue;
		}
		if (strncmp(tpl, "%CLIENT%", 8) == 0) {
			int w = snprintf(dst + k, n - k, "%s", client);
			k += w > 0 ? (size_t)w : 0;
			tpl += 8;
		} else if (strncmp(tpl, "%PORT%", 6) == 0) {
			int w = snprintf(dst + k, n - k, "%u", port);
			k += w > 0 ? (size_t)w : 0;
			tpl += 6;
		} else if (strncmp(tpl, "%SERVER%", 8) == 0) {
			int w = snprintf(dst + k, n - k, "%s", server);
			k += w > 0 ? (size_t)w : 0;
			tpl += 8;
		} else {
			dst[k++] = *tpl++;
		}
		if (k >= n)
			k = n - 1;
	}
	dst[k] = 0;
}

static int has_endpoint(const struct group *g)
{
	return g->kind != F_NO_TRAFFIC && g->kind != F_CAPTURE_LOSS;
}

static void group_strings(const struct group *g, char *title, size_t tn, char *srvep, size_t sn, char *server,
			  char *client, size_t an)
{
	const struct diag_kind *k = &diag_kinds[g->kind];
	diag_addr_str(server, an, g->v6, g->srv);
	diag_addr_str(client, an, g->v6, g->cli);
	if (!has_endpoint(g))
		snprintf(srvep, sn, "-");
	else if (g->sport)
		fmt_endpoint(srvep, sn, g->v6, g->srv, g->sport);
	else
		snprintf(srvep, sn, "%s", server);
	char from[64] = "";
	if (g->uses_from) {
		char a[48];
		diag_addr_str(a, sizeof a, g->from_v6, g->from);
		snprintf(from, sizeof from, " (from %s)", a);
	}
	snprintf(title, tn, "%s%s%s%s", k->title, from, g->note[0] ? "; " : "", g->note);
}

static void json_u64s(struct out *o, const uint64_t *v, int n)
{
	out_char(o, '[');
	for (int i = 0; i < n; i++)
		out_fmt(o, "%s%llu", i ? "," : "", (unsigned long long)v[i]);
	out_char(o, ']');
}

/* Packet numbers start at 1; 0 means "no packet" and is printed as null. */
static void json_packet_span(struct out *o, uint64_t first, uint64_t last)
{
	if (first)
		out_fmt(o, ",\"first_packet\":%llu", (unsigned long long)first);
	else
		out_str(o, ",\"first_packet\":null");
	if (last)
		out_fmt(o, ",\"last_packet\":%llu", (unsigned long long)last);
	else
		out_str(o, ",\"last_packet\":null");
}

/* ,"community_id":"1:..." of a "client -> server" label, null for other labels */
static void json_cid(struct out *o, const char *label)
{
	char cid[COMMUNITY_ID_LEN];
	out_str(o, ",\"community_id\":");
	if (community_id_label(cid, sizeof cid, label))
		out_json_str(o, cid);
	else
		out_str(o, "null");
}

static void json_group(struct diag *d, const struct group *g, enum vantage v, int gi)
{
	struct out *o = d->o;
	char title[512], srvep[80], server[64], client[64], next[1400], t0[32], t1[32];
	group_strings(g, title, sizeof title, srvep, sizeof srvep, server, client, sizeof server);
	diag_expand(next, sizeof next, diag_kind_next(g->kind, v), server, client, g->sport);
	out_str(o, "{\"id\":");
	out_json_str(o, diag_kinds[g->kind].id);
	out_str(o, ",\"severity\":");
	out_json_str(o, diag_sev_name[g->sev]);
	out_str(o, ",\"title\":");
	out_json_str(o, title);
	/* no server endpoint (no-traffic, capture-loss): null, not the table's "-" */
	out_str(o, ",\"server\":");
	if (has_endpoint(g))
		out_json_str(o, srvep);
	else
		out_str(o, "null");
	out_str(o, ",\"conn\":");
	if (g->nex)
		out_json_str(o, g->ex[0].conn);
	else if (has_endpoint(g))
		out_json_str(o, srvep);
	else
		out_str(o, "null");
	json_cid(o, g->nex ? g->ex[0].conn : "");
	if (g->events)
		out_fmt(o, ",\"connections\":0,\"occurrences\":%llu,\"vantage\":", (unsigned long long)g->count);
	else
		out_fmt(o, ",\"connections\":%llu,\"vantage\":", (unsigned long long)g->count);
	out_json_str(o, diag_vantage_name[v]);
	if (d->src_file) {
		out_str(o, ",\"capture\":");
		out_json_str(o, d->src_role);
		out_str(o, ",\"file\":");
		out_json_str(o, d->src_file);
	}
	if (g->first >= 0 && g->last > 0) {
		fmt_clock(t0, sizeof t0, g->first);
		fmt_clock(t1, sizeof t1, g->last);
		out_fmt(o, ",\"first_time\":%.6f,\"last_time\":%.6f,\"first_clock\":\"%s\",\"last_clock\":\"%s\"", g->first, g->last,
			t0, t1);
	}
	json_packet_span(o, g->first_pkt, g->last_pkt);
	uint64_t keys[MAX_KEYS * (MAX_EXAMPLES + 2)];
	int nk = 0;
	for (int i = 0; i < g->nex; i++)
		for (int k = 0; k < g->ex[i].nkey; k++)
			keys[nk++] = g->ex[i].key[k];
	out_str(o, ",\"packets\":");
	json_u64s(o, keys, nk);
	out_str(o, ",\"counters\":{");
	for (int i = 0; i < g->nctr; i++) {
		out_fmt(o, "%s", i ? "," : "");
		out_json_str(o, g->ctr[i].name);
		double x = g->ctr[i].val;
		if (x == (double)(long long)x)
			out_fmt(o, ":%lld", (long long)x);
		else
			out_fmt(o, ":%.3f", x);
	}
	out_str(o, "},\"examples\":[");
	for (int i = 0; i < g->nex; i++) {
		const struct example *e = &g->ex[i];
		out_str(o, i ? ",{\"conn\":" : "{\"conn\":");
		out_json_str(o, e->conn);
		json_cid(o, e->conn);
		out_str(o, ",\"evidence\":");
		out_json_str(o, e->text);
		json_packet_span(o, e->first_pkt, e->last_pkt);
		out_str(o, ",\"packets\":");
		json_u64s(o, e->key, e->nkey);
		out_char(o, '}');
	}
	out_str(o, "],\"evidence\":[");
	for (int i = 0; i < g->nex; i++) {
		char line[600];
		snprintf(line, sizeof line, "%s: %s", g->ex[i].conn, g->ex[i].text);
		if (i)
			out_char(o, ',');
		out_json_str(o, line);
	}
	out_str(o, "],\"causes\":");
	out_json_str(o, diag_kind_causes(g->kind, v));
	out_str(o, ",\"next\":");
	out_json_str(o, next);
	if (gi >= 0) {
		out_str(o, ",\"consequences\":[");
		int first = 1;
		for (int i = 0; i < d->ng; i++)
			if (!d->g[i].dead && d->g[i].parent == gi) {
				if (!first)
					out_char(o, ',');
				first = 0;
				json_group(d, &d->g[i], v, -1);
			}
		out_char(o, ']');
	}
	out_str(o, ",\"type\":\"finding\"}");
}

static const char *sev_mark(enum sev s)
{
	return s >= SEV_ERROR ? "!!" : s == SEV_WARNING ? " !" : "  ";
}

static void text_group(struct diag *d, const struct group *g, enum vantage v, int gi)
{
	struct out *o = d->o;
	char title[512], srvep[80], server[64], client[64], next[1400], t0[32], t1[32];
	group_strings(g, title, sizeof title, srvep, sizeof srvep, server, client, sizeof server);
	diag_expand(next, sizeof next, diag_kind_next(g->kind, v), server, client, g->sport);
	out_fmt(o, "\n%s [%s] %s\n", sev_mark(g->sev), diag_kinds[g->kind].id, title);
	if (has_endpoint(g)) {
		out_fmt(o, "   where:    %s, %llu %s%s", srvep, (unsigned long long)g->count, g->events ? "occurrence" : "connection",
			g->count == 1 ? "" : "s");
		if (g->first >= 0 && g->last > 0) {
			fmt_clock(t0, sizeof t0, g->first);
			fmt_clock(t1, sizeof t1, g->last);
			out_fmt(o, ", %s - %s", t0, t1);
		}
		out_char(o, '\n');
	}
	if (g->first_pkt)
		out_fmt(o, "   packets:  %llu - %llu\n", (unsigned long long)g->first_pkt, (unsigned long long)g->last_pkt);
	int shown = 0;
	for (int i = 0; i < g->nex; i++) {
		const struct example *e = &g->ex[i];
		out_fmt(o, "   evidence: %s: %s", e->conn, e->text);
		if (e->nkey) {
			out_str(o, " [packet");
			out_str(o, e->nkey > 1 ? "s" : "");
			for (int k = 0; k < e->nkey; k++)
				out_fmt(o, "%s %llu", k ? "," : "", (unsigned long long)e->key[k]);
			out_char(o, ']');
		}
		out_char(o, '\n');
		if (strcmp(e->conn, "port summary") && strcmp(e->conn, "address resolution") && strcmp(e->conn, "capture"))
			shown++;
	}
	if (g->count > (uint64_t)shown && shown > 0)
		out_fmt(o, "             ... and %llu more like these\n", (unsigned long long)(g->count - (uint64_t)shown));
	out_fmt(o, "   likely:   %s\n", diag_kind_causes(g->kind, v));
	out_fmt(o, "   next:     %s\n", next);
	if (gi < 0)
		return;
	int any = 0;
	for (int i = 0; i < d->ng; i++) {
		const struct group *x = &d->g[i];
		if (x->dead || x->parent != gi)
			continue;
		if (!any)
			out_str(o, "   explains (consequences, not separate problems):\n");
		any = 1;
		char xt[512], xs[80], xa[64], xb[64];
		group_strings(x, xt, sizeof xt, xs, sizeof xs, xa, xb, sizeof xa);
		out_fmt(o, "     %s [%s] %s: %llu connection%s", sev_mark(x->sev), diag_kinds[x->kind].id, xt,
			(unsigned long long)x->count, x->count == 1 ? "" : "s");
		if (x->nex)
			out_fmt(o, "; %s: %s", x->ex[0].conn, x->ex[0].text);
		out_char(o, '\n');
	}
}

void diag_print_group(struct diag *d, int gi, enum vantage v)
{
	const struct group *g = &d->g[gi];
	if (g->dead)
		return;
	if (d->json) {
		json_group(d, g, v, gi);
		out_char(d->o, '\n');
	} else {
		text_group(d, g, v, gi);
	}
}

void diag_early_syn_alert(struct diag *d, const struct tcp_result *res, double now)
{
	const struct conn *c = res->conn;
	char label[160];
	diag_conn_label(label, sizeof label, c);
	if (d->json) {
		char cid[COMMUNITY_ID_LEN];
		community_id_tcp(cid, sizeof cid, c->v6, c->cli, c->cport, c->srv, c->sport);
		out_fmt(d->o, "{\"id\":\"syn-unanswered\",\"severity\":\"error\",\"early\":true,\"conn\":\"%s\","
			      "\"community_id\":\"%s\",\"evidence\":[\"2 SYNs %.1f s apart, no answer yet\"],\"type\":\"finding\"}\n", label, cid,
			now - c->syn_times[0]);
	} else {
		char ts[32];
		fmt_clock(ts, sizeof ts, now);
		out_fmt(d->o, "%s !! [syn-unanswered] %s: 2 SYNs %.1f s apart, no answer yet (full report on Ctrl+C)\n", ts,
			label, now - c->syn_times[0]);
	}
	out_flush(d->o);
}

static const struct diag *sort_d;

static int cmp_root(const void *a, const void *b)
{
	const struct group *x = &sort_d->g[*(const int *)a], *y = &sort_d->g[*(const int *)b];
	if (x->sev != y->sev)
		return (int)y->sev - (int)x->sev;
	int cx = diag_kinds[x->kind].cause, cy = diag_kinds[y->kind].cause;
	if (cx != cy)
		return cy - cx;
	if (x->count != y->count)
		return y->count > x->count ? 1 : -1;
	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return *(const int *)a - *(const int *)b;
}

int diag_finish(struct diag *d)
{
	enum vantage v = diag_overall_vantage(d);
	diag_across(d, v);
	static int order[MAX_GROUPS];
	int nroot = 0, nall = 0, serious = 0;
	for (int i = 0; i < d->ng; i++) {
		if (d->g[i].dead)
			continue;
		nall++;
		if (d->g[i].parent < 0)
			order[nroot++] = i;
	}
	sort_d = d;
	qsort(order, (size_t)nroot, sizeof order[0], cmp_root);
	for (int i = 0; i < nroot; i++)
		if (d->g[order[i]].sev >= SEV_WARNING)
			serious++;
	struct out *o = d->o;
	if (d->json) {
		for (int i = 0; i < nroot; i++)
			diag_print_group(d, order[i], v);
		out_str(o, "{\"summary\":true,");
		if (d->src_file) {
			out_str(o, "\"capture\":");
			out_json_str(o, d->src_role);
			out_str(o, ",\"file\":");
			out_json_str(o, d->src_file);
			out_char(o, ',');
		}
		out_fmt(o, "\"packets\":%llu,\"tcp_packets\":%llu,\"connections\":%llu,\"healthy\":%llu,"
			   "\"findings\":%d,\"consequences\":%d,\"vantage\":\"%s\",\"duration\":%.3f",
			(unsigned long long)d->pkts, (unsigned long long)d->tcp_pkts, (unsigned long long)d->conns,
			(unsigned long long)d->healthy, nroot, nall - nroot, diag_vantage_name[v], d->tlast - d->tfirst);
		if (d->cap.drops_known)
			out_fmt(o, ",\"kernel_drops\":%llu", (unsigned long long)d->cap.kernel_drops);
		if (d->cap.dup_forwarded || d->cap.dup_identical)
			out_fmt(o, ",\"duplicates_forwarded\":%llu,\"duplicates_identical\":%llu",
				(unsigned long long)d->cap.dup_forwarded, (unsigned long long)d->cap.dup_identical);
		out_str(o, ",\"type\":\"summary\"}\n");
		return serious;
	}
	if (d->src_file)
		out_fmt(o, "== %s-side capture: %s ==\n", d->src_role, d->src_file);
	out_fmt(o, "synack diagnose: %llu packets, %llu TCP connection%s over %.3f s; capture point: %s\n",
		(unsigned long long)d->pkts, (unsigned long long)d->conns, d->conns == 1 ? "" : "s", d->tlast - d->tfirst,
		v == V_CLIENT ? "at the client" : v == V_SERVER ? "at the server" : v == V_MIDDLE ? "in between (on the path)"
								 : "unknown (no complete handshake or TTL evidence)");
	if (d->cap.dup_forwarded || d->cap.dup_identical)
		out_fmt(o, "(capture artefacts, analysed once: %llu forwarded packets seen twice, %llu identical duplicates)\n",
			(unsigned long long)d->cap.dup_forwarded, (unsigned long long)d->cap.dup_identical);
	if (nroot == 0) {
		out_fmt(o, "no problems found: %llu connection%s looked healthy\n", (unsigned long long)d->healthy,
			d->healthy == 1 ? "" : "s");
		return 0;
	}
	for (int i = 0; i < nroot; i++)
		diag_print_group(d, order[i], v);
	out_fmt(o, "\n%d finding%s", nroot, nroot == 1 ? "" : "s");
	if (nall > nroot)
		out_fmt(o, " (explaining %d more)", nall - nroot);
	out_fmt(o, "; %llu of %llu connection%s healthy\n", (unsigned long long)d->healthy, (unsigned long long)d->conns,
		d->conns == 1 ? "" : "s");
	if (d->dropped_groups)
		out_fmt(o, "(%llu further problem groups not shown: table full)\n", (unsigned long long)d->dropped_groups);
	return serious;
}
