/* conns.c - the connection table and its NDJSON form. */
#include "conns.h"

#include "../util/community_id.h"
#include "../util/fmt.h"
#include "../util/sha1.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct conns_report {
	struct out *o;
	int json, live, nano;
	int zeek;               /* CONNS_ZEEK: json is 0 */
	int header_done;
	uint64_t next_emit;     /* id of the next record to print in order */
	char *slot[CONNS_PENDING_MAX];
	uint64_t pending;       /* records waiting */
};

struct conns_report *conns_report_new(struct out *o, int format, int live, int nano)
{
	struct conns_report *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->o = o;
	r->json = format == CONNS_JSON;
	r->zeek = format == CONNS_ZEEK;
	r->live = live;
	r->nano = nano;
	return r;
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

/* RTT in milliseconds, as the table and the JSON (rtt_ms) show it; the tracker keeps seconds. */
#define MS(s) ((s) * 1000.0)

static double avg_rtt_ms(const struct conn *c)
{
	return c->rtt_n ? MS(c->rtt_sum) / (double)c->rtt_n : -1;
}

/* A line under construction; no printf on this per-connection path. */
struct sb {
	char b[1024];
	size_t n;
};

static void sb_mem(struct sb *x, const char *s, size_t k)
{
	if (k > sizeof x->b - 1 - x->n)
		k = sizeof x->b - 1 - x->n;
	memcpy(x->b + x->n, s, k);
	x->n += k;
}
static void sb_str(struct sb *x, const char *s)
{
	sb_mem(x, s, strlen(s));
}
static void sb_spaces(struct sb *x, size_t k)
{
	while (k-- && x->n < sizeof x->b - 1)
		x->b[x->n++] = ' ';
}
/* left-justified in a field of width w, then one space */
static void sb_left(struct sb *x, const char *s, size_t w)
{
	size_t k = strlen(s);
	sb_mem(x, s, k);
	sb_spaces(x, k < w ? w - k : 0);
}
static size_t u64s(char *d, uint64_t v)
{
	char t[24];
	size_t k = 0, n = 0;
	do {
		t[k++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (k)
		d[n++] = t[--k];
	d[n] = 0;
	return n;
}
static void sb_uright(struct sb *x, uint64_t v, size_t w)
{
	char d[24];
	size_t k = u64s(d, v);
	sb_spaces(x, k < w ? w - k : 0);
	sb_mem(x, d, k);
}
static void sb_uleft(struct sb *x, uint64_t v, size_t w)
{
	char d[24];
	size_t k = u64s(d, v);
	sb_mem(x, d, k);
	sb_spaces(x, k < w ? w - k : 0);
}
/* v >= 0 with dec decimals (rounded), into d */
static size_t fixs(char *d, double v, int dec)
{
	uint64_t scale = 1;
	for (int i = 0; i < dec; i++)
		scale *= 10;
	if (v < 0)
		v = 0;
	uint64_t x = (uint64_t)(v * (double)scale + 0.5);
	size_t n = u64s(d, x / scale);
	if (dec) {
		d[n++] = '.';
		uint64_t f = x % scale;
		for (int i = dec - 1; i >= 0; i--) {
			d[n + (size_t)i] = (char)('0' + f % 10);
			f /= 10;
		}
		n += (size_t)dec;
		d[n] = 0;
	}
	return n;
}
/* "a/b" pair: a right-justified in wa, b left-justified in wb */
static void sb_pair(struct sb *x, uint64_t a, uint64_t b, size_t w)
{
	sb_uright(x, a, w);
	sb_mem(x, "/", 1);
	sb_uleft(x, b, w);
	sb_mem(x, " ", 1);
}

/* Zeek-style uid: "C" + base62 of 96 bits, deterministic from the connection
 * (its endpoints and start time), so the same capture gives the same uids. */
static void conn_uid(char *buf, size_t n, const struct conn *c)
{
	static const char al[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	uint8_t in[48], h[SHA1_LEN];
	size_t k = 0;
	memcpy(in + k, c->cli, 16);
	k += 16;
	memcpy(in + k, c->srv, 16);
	k += 16;
	in[k++] = (uint8_t)(c->cport >> 8);
	in[k++] = (uint8_t)c->cport;
	in[k++] = (uint8_t)(c->sport >> 8);
	in[k++] = (uint8_t)c->sport;
	int64_t us = (int64_t)(c->start * 1e6 + 0.5);
	for (int i = 0; i < 8; i++)
		in[k++] = (uint8_t)((uint64_t)us >> (56 - 8 * i));
	sha1(in, k, h);
	uint64_t hi = 0, lo = 0;
	for (int i = 0; i < 8; i++)
		hi = hi << 8 | h[i];
	for (int i = 8; i < 12; i++)
		lo = lo << 8 | h[i];
	/* 96 bits = hi (64) : lo (32); digits least significant first */
	char d[24];
	size_t nd = 0;
	while ((hi || lo) && nd < sizeof d) {
		/* divide the 96-bit number by 62 */
		uint64_t rh = hi % 62;
		hi /= 62;
		uint64_t x = (rh << 32) | lo;
		lo = x / 62;
		d[nd++] = al[x % 62];
	}
	size_t o = 0;
	if (n < 2)
		return;
	buf[o++] = 'C';
	while (nd && o + 1 < n)
		buf[o++] = d[--nd];
	buf[o] = 0;
}

static char *format_text(const struct conn *c)
{
	char cli[64], srv[64], st[40], end[96], t[64];
	struct sb x;
	x.n = 0;
	ended(end, sizeof end, c);
	fmt_endpoint(cli, sizeof cli, c->v6, c->cli, c->cport);
	fmt_endpoint(srv, sizeof srv, c->v6, c->srv, c->sport);
	fmt_datetime(st, sizeof st, c->start);
	sb_left(&x, st, 26);
	sb_mem(&x, " ", 1);
	size_t k = fixs(t, c->last - c->start, 3);
	sb_spaces(&x, k < 9 ? 9 - k : 0);
	sb_mem(&x, t, k);
	sb_mem(&x, " ", 1);
	sb_left(&x, cli, 22);
	sb_mem(&x, " ", 1);
	sb_left(&x, srv, 22);
	sb_mem(&x, " ", 1);
	sb_left(&x, conn_state(c), 6);
	sb_mem(&x, " ", 1);
	sb_left(&x, c->history[0] ? c->history : "-", 12);
	sb_mem(&x, " ", 1);
	sb_pair(&x, c->h[0].pkts, c->h[1].pkts, 6);
	sb_pair(&x, c->h[0].bytes, c->h[1].bytes, 9);
	sb_pair(&x, c->h[0].retrans, c->h[1].retrans, 4);
	sb_pair(&x, c->h[0].dupacks, c->h[1].dupacks, 3);
	sb_pair(&x, c->h[0].zerowin, c->h[1].zerowin, 3);
	sb_pair(&x, c->h[0].lost, c->h[1].lost, 3);
	/* RTT min/avg/max */
	size_t col = x.n;
	if (c->rtt_n) {
		k = fixs(t, MS(c->rtt_min), 2);
		sb_mem(&x, t, k);
		sb_mem(&x, "/", 1);
		k = fixs(t, avg_rtt_ms(c), 2);
		sb_mem(&x, t, k);
		sb_mem(&x, "/", 1);
		k = fixs(t, MS(c->rtt_max), 2);
		sb_mem(&x, t, k);
	} else {
		sb_mem(&x, "-", 1);
	}
	sb_spaces(&x, x.n - col < 20 ? 20 - (x.n - col) : 0);
	sb_mem(&x, " ", 1);
	/* MSS */
	col = x.n;
	if (c->h[0].mss > 0 || c->h[1].mss > 0) {
		if (c->h[0].mss <= 0)
			sb_mem(&x, "-", 1);
		else
			sb_mem(&x, t, u64s(t, (uint64_t)c->h[0].mss));
		sb_mem(&x, "/", 1);
		if (c->h[1].mss <= 0)
			sb_mem(&x, "-", 1);
		else
			sb_mem(&x, t, u64s(t, (uint64_t)c->h[1].mss));
	} else {
		sb_mem(&x, "-", 1);
	}
	sb_spaces(&x, x.n - col < 11 ? 11 - (x.n - col) : 0);
	sb_mem(&x, " ", 1);
	/* window scale */
	col = x.n;
	int known = c->h[0].syn_seen && c->h[1].syn_seen;
	if (!known)
		sb_mem(&x, "-", 1); /* handshake not captured: unknown */
	else if (!(c->h[0].syn_opt_ws && c->h[1].syn_opt_ws))
		sb_str(&x, "none");
	else {
		sb_mem(&x, t, u64s(t, (uint64_t)c->h[0].wscale));
		sb_mem(&x, "/", 1);
		sb_mem(&x, t, u64s(t, (uint64_t)c->h[1].wscale));
	}
	sb_spaces(&x, x.n - col < 6 ? 6 - (x.n - col) : 0);
	sb_mem(&x, " ", 1);
	/* a direction that sent nothing has no window: "-", not 0 (a zero window) */
	if (c->h[0].pkts)
		sb_uright(&x, c->h[0].max_win, 5);
	else
		sb_str(&x, "    -");
	sb_mem(&x, "/", 1);
	if (c->h[1].pkts)
		sb_uleft(&x, c->h[1].max_win, 5);
	else
		sb_str(&x, "-    ");
	sb_mem(&x, " ", 1);
	sb_str(&x, end);
	sb_mem(&x, "\n", 1);
	char *line = malloc(x.n + 1);
	if (!line)
		return NULL;
	memcpy(line, x.b, x.n);
	line[x.n] = 0;
	return line;
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
	fmt_datetime(st, sizeof st, c->start);
	char rmin[32], ravg[32], rmax[32], hs_s[32], hs_c[32], ttfb[32];
	json_num(rmin, sizeof rmin, c->rtt_n ? MS(c->rtt_min) : -1);
	json_num(ravg, sizeof ravg, avg_rtt_ms(c));
	json_num(rmax, sizeof rmax, c->rtt_n ? MS(c->rtt_max) : -1);
	/* null when not captured or ambiguous (a retransmitted SYN / SYN-ACK: Karn's rule) */
	json_num(hs_s, sizeof hs_s, conn_hs_rtt_syn(c) >= 0 ? conn_hs_rtt_syn(c) * 1000 : -1);
	json_num(hs_c, sizeof hs_c, conn_hs_rtt_ack(c) >= 0 ? conn_hs_rtt_ack(c) * 1000 : -1);
	json_num(ttfb, sizeof ttfb, c->req_time > 0 && c->resp_time > 0 ? (c->resp_time - c->req_time) * 1000 : -1);
	int known = c->h[0].syn_seen && c->h[1].syn_seen;
	int neg = known && c->h[0].syn_opt_ws && c->h[1].syn_opt_ws;
	/* unknown values are null, never a placeholder number: the window scale
	 * is unknown without both SYNs (0 = both SYNs seen, scaling not in use),
	 * the MSS when that side's SYN carried no MSS option */
	char ws0[16] = "null", ws1[16] = "null", mss0[16] = "null", mss1[16] = "null";
	if (known) {
		snprintf(ws0, sizeof ws0, "%d", neg ? c->h[0].wscale : 0);
		snprintf(ws1, sizeof ws1, "%d", neg ? c->h[1].wscale : 0);
	}
	if (c->h[0].mss > 0)
		snprintf(mss0, sizeof mss0, "%d", c->h[0].mss);
	if (c->h[1].mss > 0)
		snprintf(mss1, sizeof mss1, "%d", c->h[1].mss);
	char win0[16] = "null", win1[16] = "null"; /* no packet that way: no window */
	if (c->h[0].pkts)
		snprintf(win0, sizeof win0, "%u", c->h[0].max_win);
	if (c->h[1].pkts)
		snprintf(win1, sizeof win1, "%u", c->h[1].max_win);
	char cid[COMMUNITY_ID_LEN], uid[24];
	community_id_tcp(cid, sizeof cid, c->v6, c->cli, c->cport, c->srv, c->sport);
	conn_uid(uid, sizeof uid, c);
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
		"\"mss\":[%s,%s],\"wscale\":[%s,%s],\"max_window\":[%s,%s],\"max_rto_s\":[%.3f,%.3f],"
		"\"zero_window_s\":[%.3f,%.3f],\"end\":\"%s\",\"uid\":\"%s\",\"community_id\":\"%s\",\"type\":\"conn\"}\n",
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
		mss0, mss1, ws0, ws1, win0, win1, c->h[0].max_rto, c->h[1].max_rto,
		c->h[0].zerowin_total, c->h[1].zerowin_total, end, uid, cid);
	return k < 0 ? NULL : line;
}

/* Zeek's conn.log columns (base/protocols/conn/main.zeek, plus community_id
 * as policy/protocols/conn/community-id-logging.zeek adds it). */
static const char *const zeek_fields[][2] = {
	{"ts", "time"}, {"uid", "string"}, {"id.orig_h", "addr"}, {"id.orig_p", "port"}, {"id.resp_h", "addr"},
	{"id.resp_p", "port"}, {"proto", "enum"}, {"service", "string"}, {"duration", "interval"},
	{"orig_bytes", "count"}, {"resp_bytes", "count"}, {"conn_state", "string"}, {"local_orig", "bool"},
	{"local_resp", "bool"}, {"missed_bytes", "count"}, {"history", "string"}, {"orig_pkts", "count"},
	{"orig_ip_bytes", "count"}, {"resp_pkts", "count"}, {"resp_ip_bytes", "count"},
	{"tunnel_parents", "set[string]"}, {"community_id", "string"},
};

/* Zeek's "#open"/"#close" stamp: local time, YYYY-MM-DD-HH-MM-SS. */
static void zeek_stamp(char *buf, size_t n)
{
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm) || !strftime(buf, n, "%Y-%m-%d-%H-%M-%S", &tm))
		snprintf(buf, n, "-");
}

static void zeek_header(struct conns_report *r)
{
	char stamp[40];
	zeek_stamp(stamp, sizeof stamp);
	out_str(r->o, "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n#open\t");
	out_str(r->o, stamp);
	out_str(r->o, "\n#fields");
	for (size_t i = 0; i < sizeof zeek_fields / sizeof zeek_fields[0]; i++) {
		out_str(r->o, "\t");
		out_str(r->o, zeek_fields[i][0]);
	}
	out_str(r->o, "\n#types");
	for (size_t i = 0; i < sizeof zeek_fields / sizeof zeek_fields[0]; i++) {
		out_str(r->o, "\t");
		out_str(r->o, zeek_fields[i][1]);
	}
	out_str(r->o, "\n");
}

/* Bytes sent one way as Zeek counts them: the span of sequence space
 * (SYN and FIN not counted), so a retransmission does not count twice. */
static uint64_t zeek_bytes(const struct half *h)
{
	if (!h->pkts || !h->isn_set || !h->nextseq_set)
		return 0;
	uint32_t span = h->nextseq - h->isn;
	uint32_t ctl = 1u + (h->fin ? 1u : 0u);
	return span >= ctl && span - ctl < 0x80000000u ? span - ctl : h->bytes;
}

static char *format_zeek(const struct conn *c)
{
	char cli[INET6_ADDRSTRLEN] = "", srv[INET6_ADDRSTRLEN] = "", cid[COMMUNITY_ID_LEN], uid[24];
	inet_ntop(c->v6 ? AF_INET6 : AF_INET, c->cli, cli, sizeof cli);
	inet_ntop(c->v6 ? AF_INET6 : AF_INET, c->srv, srv, sizeof srv);
	community_id_tcp(cid, sizeof cid, c->v6, c->cli, c->cport, c->srv, c->sport);
	conn_uid(uid, sizeof uid, c);
	/* unset ("-"): service (no protocol detection), local_orig/local_resp (no
	 * local networks configured), missed_bytes and the IP-level byte counts
	 * (the tracker does not count them) */
	char *line = NULL;
	int k = asprintf(&line, "%.6f\t%s\t%s\t%u\t%s\t%u\ttcp\t-\t%.6f\t%llu\t%llu\t%s\t-\t-\t-\t%s\t%llu\t-\t%llu\t-\t-\t%s\n",
		c->start, uid, cli, c->cport, srv, c->sport, c->last - c->start,
		(unsigned long long)zeek_bytes(&c->h[0]), (unsigned long long)zeek_bytes(&c->h[1]), conn_state(c),
		c->history[0] ? c->history : "-", (unsigned long long)c->h[0].pkts, (unsigned long long)c->h[1].pkts,
		cid);
	return k < 0 ? NULL : line;
}

static void header(struct conns_report *r)
{
	if (r->json || r->header_done)
		return;
	r->header_done = 1;
	if (r->zeek) {
		zeek_header(r);
		return;
	}
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
	char *line = r->json ? format_json(c) : r->zeek ? format_zeek(c) : format_text(c);
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
	if (r->zeek) {
		char stamp[40];
		header(r);
		zeek_stamp(stamp, sizeof stamp);
		out_fmt(r->o, "#close\t%s\n", stamp);
	} else if (!r->json) {
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
