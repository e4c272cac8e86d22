/* conns.c - the connection table and its NDJSON form. */
#include "conns.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct conns_report {
	struct out *o;
	int json, live, nano;
	int header_done;
	uint64_t next_emit;     /* id of the next record to print in order */
	char *slot[CONNS_PENDING_MAX];
	uint64_t pending;       /* records waiting */
};

size_t fmt_endpoint(char *buf, size_t n, int v6, const uint8_t *addr, uint16_t port)
{
	char a[INET6_ADDRSTRLEN] = "?";
	inet_ntop(v6 ? AF_INET6 : AF_INET, addr, a, sizeof a);
	int k = v6 ? snprintf(buf, n, "[%s]:%u", a, port) : snprintf(buf, n, "%s:%u", a, port);
	return k < 0 ? 0 : (size_t)k;
}

struct conns_report *conns_report_new(struct out *o, int json, int live, int nano)
{
	struct conns_report *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->o = o;
	r->json = json;
	r->live = live;
	r->nano = nano;
	return r;
}

static void fmt_time(char *buf, size_t n, double t)
{
	time_t s = (time_t)t;
	struct tm tm;
	if (t < 0 || !localtime_r(&s, &tm)) {
		snprintf(buf, n, "%.6f", t);
		return;
	}
	char hms[32];
	strftime(hms, sizeof hms, "%Y-%m-%d %H:%M:%S", &tm);
	snprintf(buf, n, "%s.%06ld", hms, (long)((t - (double)s) * 1e6 + 0.5) % 1000000);
}

/* How the connection ended, in words: what the packets say first, then why the record was closed. */
static void ended(char *buf, size_t n, const struct conn *c)
{
	const struct half *cl = &c->h[0], *sv = &c->h[1];
	const char *how;
	if (c->rst_first_by == 0)
		how = "reset by client";
	else if (c->rst_first_by == 1)
		how = "reset by server";
	else if (cl->fin && sv->fin)
		how = cl->fin_time <= sv->fin_time ? "closed by client (FIN both ways)" : "closed by server (FIN both ways)";
	else if (cl->fin)
		how = "half-closed by client";
	else if (sv->fin)
		how = "half-closed by server";
	else if (!c->synack_count && c->syn_count)
		how = "never answered";
	else
		how = "open";
	const char *why = c->end_reason ? c->end_reason : "";
	if (!strcmp(how, "open") || !strcmp(how, "never answered") || !strncmp(how, "half", 4))
		snprintf(buf, n, "%s (%s)", how, why);
	else
		snprintf(buf, n, "%s", how);
}

static double avg_rtt(const struct conn *c)
{
	return c->rtt_n ? c->rtt_sum / (double)c->rtt_n : -1;
}

static char *format_text(const struct conn *c)
{
	char cli[64], srv[64], st[40], rtt[48], ws[16], mss[16], end[96];
	ended(end, sizeof end, c);
	fmt_endpoint(cli, sizeof cli, c->v6, c->cli, c->cport);
	fmt_endpoint(srv, sizeof srv, c->v6, c->srv, c->sport);
	fmt_time(st, sizeof st, c->start);
	if (c->rtt_n)
		snprintf(rtt, sizeof rtt, "%.2f/%.2f/%.2f", c->rtt_min, avg_rtt(c), c->rtt_max);
	else
		snprintf(rtt, sizeof rtt, "-");
	int s0 = c->h[0].syn_seen && c->h[1].syn_seen ? (c->h[0].syn_opt_ws && c->h[1].syn_opt_ws ? c->h[0].wscale : -2) : -1;
	int s1 = s0 == -1 || s0 == -2 ? s0 : c->h[1].wscale;
	if (s0 == -1)
		snprintf(ws, sizeof ws, "?");
	else if (s0 == -2)
		snprintf(ws, sizeof ws, "none");
	else
		snprintf(ws, sizeof ws, "%d/%d", s0, s1);
	if (c->h[0].mss > 0 || c->h[1].mss > 0)
		snprintf(mss, sizeof mss, "%d/%d", c->h[0].mss, c->h[1].mss);
	else
		snprintf(mss, sizeof mss, "-");
	char *line = NULL;
	int k = asprintf(&line,
			 "%-26s %9.3f %-22s %-22s %-6s %-12s %6llu/%-6llu %9llu/%-9llu %4llu/%-4llu %3llu/%-3llu %3llu/%-3llu "
			 "%3llu/%-3llu %-20s %-11s %-6s %5u/%-5u %s\n",
			 st, c->last - c->start, cli, srv, conn_state(c), c->history[0] ? c->history : "-",
			 (unsigned long long)c->h[0].pkts, (unsigned long long)c->h[1].pkts,
			 (unsigned long long)c->h[0].bytes, (unsigned long long)c->h[1].bytes,
			 (unsigned long long)c->h[0].retrans, (unsigned long long)c->h[1].retrans,
			 (unsigned long long)c->h[0].dupacks, (unsigned long long)c->h[1].dupacks,
			 (unsigned long long)c->h[0].zerowin, (unsigned long long)c->h[1].zerowin,
			 (unsigned long long)c->h[0].lost, (unsigned long long)c->h[1].lost, rtt, mss, ws,
			 c->h[0].max_win, c->h[1].max_win, end);
	return k < 0 ? NULL : line;
}

static void json_num(char *buf, size_t n, double v)
{
	if (v < 0)
		snprintf(buf, n, "null");
	else
		snprintf(buf, n, "%.3f", v);
}

static char *format_json(const struct conn *c)
{
	char cli[INET6_ADDRSTRLEN] = "", srv[INET6_ADDRSTRLEN] = "", st[40], end[96];
	ended(end, sizeof end, c);
	inet_ntop(c->v6 ? AF_INET6 : AF_INET, c->cli, cli, sizeof cli);
	inet_ntop(c->v6 ? AF_INET6 : AF_INET, c->srv, srv, sizeof srv);
	fmt_time(st, sizeof st, c->start);
	char rmin[32], ravg[32], rmax[32], hs_s[32], hs_c[32], ttfb[32];
	json_num(rmin, sizeof rmin, c->rtt_n ? c->rtt_min : -1);
	json_num(ravg, sizeof ravg, avg_rtt(c));
	json_num(rmax, sizeof rmax, c->rtt_n ? c->rtt_max : -1);
	json_num(hs_s, sizeof hs_s, c->syn_count && c->synack_count ? (c->synack_time - c->syn_time) * 1000 : -1);
	json_num(hs_c, sizeof hs_c, c->established && c->synack_count ? (c->hs_ack_time - c->synack_time) * 1000 : -1);
	json_num(ttfb, sizeof ttfb, c->req_time > 0 && c->resp_time > 0 ? (c->resp_time - c->req_time) * 1000 : -1);
	int known = c->h[0].syn_seen && c->h[1].syn_seen;
	int neg = known && c->h[0].syn_opt_ws && c->h[1].syn_opt_ws;
	char ws0[8], ws1[8];
	snprintf(ws0, sizeof ws0, "%d", neg ? c->h[0].wscale : known ? 0 : -1);
	snprintf(ws1, sizeof ws1, "%d", neg ? c->h[1].wscale : known ? 0 : -1);
	char *line = NULL;
	int k = asprintf(&line,
		"{\"start\":\"%s\",\"start_epoch\":%.6f,\"end_epoch\":%.6f,\"duration\":%.6f,"
		"\"client\":\"%s\",\"client_port\":%u,\"server\":\"%s\",\"server_port\":%u,\"client_known\":%s,"
		"\"state\":\"%s\",\"history\":\"%s\",\"first_packet\":%llu,\"last_packet\":%llu,"
		"\"packets\":[%llu,%llu],\"bytes\":[%llu,%llu],\"retransmissions\":[%llu,%llu],"
		"\"fast_retransmissions\":[%llu,%llu],\"spurious_retransmissions\":[%llu,%llu],"
		"\"out_of_order\":[%llu,%llu],\"dup_acks\":[%llu,%llu],\"zero_windows\":[%llu,%llu],"
		"\"lost_segments\":[%llu,%llu],\"acked_unseen\":[%llu,%llu],\"keepalives\":[%llu,%llu],"
		"\"syn_count\":%d,\"synack_count\":%d,\"rtt_ms\":{\"min\":%s,\"avg\":%s,\"max\":%s,\"samples\":%llu},"
		"\"handshake_ms\":{\"server_side\":%s,\"client_side\":%s},\"request_to_response_ms\":%s,"
		"\"mss\":[%d,%d],\"wscale\":[%s,%s],\"max_window\":[%u,%u],\"max_rto_s\":[%.3f,%.3f],"
		"\"zero_window_s\":[%.3f,%.3f],\"end\":\"%s\"}\n",
		st, c->start, c->last, c->last - c->start, cli, c->cport, srv, c->sport, c->client_known ? "true" : "false",
		conn_state(c), c->history, (unsigned long long)c->first_pkt, (unsigned long long)c->last_pkt,
		(unsigned long long)c->h[0].pkts, (unsigned long long)c->h[1].pkts,
		(unsigned long long)c->h[0].bytes, (unsigned long long)c->h[1].bytes,
		(unsigned long long)c->h[0].retrans, (unsigned long long)c->h[1].retrans,
		(unsigned long long)c->h[0].fast_retrans, (unsigned long long)c->h[1].fast_retrans,
		(unsigned long long)c->h[0].spurious, (unsigned long long)c->h[1].spurious,
		(unsigned long long)c->h[0].ooo, (unsigned long long)c->h[1].ooo,
		(unsigned long long)c->h[0].dupacks, (unsigned long long)c->h[1].dupacks,
		(unsigned long long)c->h[0].zerowin, (unsigned long long)c->h[1].zerowin,
		(unsigned long long)c->h[0].lost, (unsigned long long)c->h[1].lost,
		(unsigned long long)c->h[0].acked_unseen, (unsigned long long)c->h[1].acked_unseen,
		(unsigned long long)c->h[0].keepalives, (unsigned long long)c->h[1].keepalives,
		c->syn_count, c->synack_count, rmin, ravg, rmax, (unsigned long long)c->rtt_n, hs_s, hs_c, ttfb,
		c->h[0].mss, c->h[1].mss, ws0, ws1, c->h[0].max_win, c->h[1].max_win, c->h[0].max_rto, c->h[1].max_rto,
		c->h[0].zerowin_total, c->h[1].zerowin_total, end);
	return k < 0 ? NULL : line;
}

static void header(struct conns_report *r)
{
	if (r->json || r->header_done)
		return;
	r->header_done = 1;
	out_fmt(r->o, "%-26s %9s %-22s %-22s %-6s %-12s %13s %19s %9s %7s %7s %7s %-20s %-11s %-6s %11s %s\n",
		"START", "DURATION", "CLIENT", "SERVER", "STATE", "HISTORY", "PKTS c>s/s>c", "BYTES c>s/s>c",
		"RETX", "DUPACK", "ZEROWIN", "LOST", "RTT ms min/avg/max", "MSS", "WSCALE", "MAXWIN", "END");
}

static void emit(struct conns_report *r, char *line)
{
	if (!line)
		return;
	header(r);
	out_str(r->o, line);
	free(line);
}

void conns_report_add(struct conns_report *r, const struct conn *c)
{
	char *line = r->json ? format_json(c) : format_text(c);
	if (r->live || c->id < r->next_emit) {
		emit(r, line);
		if (r->live)
			out_flush(r->o);
		return;
	}
	if (c->id - r->next_emit >= CONNS_PENDING_MAX) {
		/* The window is full behind a long-lived connection: print what waits. */
		while (r->pending && c->id - r->next_emit >= CONNS_PENDING_MAX) {
			char **s = &r->slot[r->next_emit % CONNS_PENDING_MAX];
			if (*s) {
				emit(r, *s);
				*s = NULL;
				r->pending--;
			}
			r->next_emit++;
		}
		if (c->id - r->next_emit >= CONNS_PENDING_MAX)
			r->next_emit = c->id - CONNS_PENDING_MAX + 1;
	}
	r->slot[c->id % CONNS_PENDING_MAX] = line;
	r->pending++;
	while (r->slot[r->next_emit % CONNS_PENDING_MAX]) {
		char **s = &r->slot[r->next_emit % CONNS_PENDING_MAX];
		emit(r, *s);
		*s = NULL;
		r->pending--;
		r->next_emit++;
	}
}

void conns_report_finish(struct conns_report *r, uint64_t seen, uint64_t overflow)
{
	for (uint64_t i = 0; r->pending && i < CONNS_PENDING_MAX; i++) {
		char **s = &r->slot[(r->next_emit + i) % CONNS_PENDING_MAX];
		if (*s) {
			emit(r, *s);
			*s = NULL;
			r->pending--;
		}
	}
	if (!r->json) {
		header(r);
		out_fmt(r->o, "%llu connection%s", (unsigned long long)seen, seen == 1 ? "" : "s");
		if (overflow)
			out_fmt(r->o, ", %llu finished early because the table was full", (unsigned long long)overflow);
		out_str(r->o, "\n");
	}
}

void conns_report_free(struct conns_report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < CONNS_PENDING_MAX; i++)
		free(r->slot[i]);
	free(r);
}
