/*
 * top.c - `synack top` (see top.h).
 *
 * The tap keeps one row per tracked connection (conn.user points at it) with
 * the tracker's counters copied after every packet, and a ring of the
 * connection's packets of its last --ring-seconds (older ones are dropped as
 * each packet arrives; a full ring drops its oldest packet first).  Refresh: once a second of wall time, driven by
 * the capture loop's batch callback (live) or every few packets (files).
 */
#include "top.h"

#include <arpa/inet.h>
#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "../capture.h"
#include "../diag/diag.h"
#include "../opts.h"
#include "../pipeline.h"
#include "../print/print.h"
#include "../taps.h"
#include "../util/out.h"
#include "../writer.h"

#define MAXFIND 6

struct row {
	int used, done;
	const struct conn *c;       /* live connection, NULL once finished */
	uint64_t id;
	int v6;
	uint8_t cli[16], srv[16];
	uint16_t cport, sport;
	char state[8];
	uint64_t pk[2], by[2], ppk[2], pby[2];
	double rp[2], rb[2];        /* packets/s, bytes/s each way (last interval) */
	uint64_t retrans, dupacks, rsts;
	double zw, rtt, start, last, done_at;
	int rhead, rcount;
	struct pcap_pkthdr *rh;
	uint8_t *rd;
	int trouble;
};

struct top {
	struct opts o;
	struct capture cap;
	struct pipeline pl;
	struct tap_diag td;
	struct out *dout;           /* diag's live output (memfd) */
	int dfd;
	off_t dread;
	char find[MAXFIND][96];
	int nfind;
	struct row *rows;
	size_t max_conns;
	int ring, ring_snap;
	double ring_secs;           /* the ring keeps packets this close to the connection's newest */
	int batch, curses;
	double speed;
	double interval;
	double last_draw, last_rate_time;
	double wall0, cap0;         /* pacing (--speed N) */
	int paused, group, sortcol, sel, detail, quit;
	char filter[64];
	char msg[192];
	uint64_t total_pkts, total_bytes, ppk_total;
	double pps;
	struct printer pr;
	struct out *pout;
	int eof;
	uint64_t batch_pkts;        /* packets seen at the last batch end */
};

static struct top T;

static const char *sort_names[] = {"trouble", "bytes/s", "pkts/s", "rtt", "age"};
#define NSORT 5

static double wall(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double tv(const struct pcap_pkthdr *h, int nano)
{
	return (double)h->ts.tv_sec + h->ts.tv_usec / (nano ? 1e9 : 1e6);
}

static void ep(char *buf, size_t n, int v6, const uint8_t *a, uint16_t port)
{
	char ab[INET6_ADDRSTRLEN];
	inet_ntop(v6 ? AF_INET6 : AF_INET, a, ab, sizeof ab);
	snprintf(buf, n, v6 ? "[%s]:%u" : "%s:%u", ab, port);
}

static const char *row_finding(const struct row *r)
{
	if (r->zw > 0)
		return "zero-window";
	if (r->retrans)
		return "packet-loss";
	if (r->rsts)
		return "reset";
	if (r->dupacks)
		return "dup-acks";
	return "";
}

static struct row *row_for(struct top *t, const struct conn *c, double now)
{
	if (c->user)
		return c->user;
	struct row *victim = NULL;
	for (size_t i = 0; i < t->max_conns; i++) {
		struct row *r = &t->rows[i];
		if (!r->used) {
			victim = r;
			break;
		}
		if (r->done && (!victim || !victim->done || r->done_at < victim->done_at))
			victim = r;
	}
	if (!victim || victim->used)
		if (!victim || !victim->done)
			return NULL; /* every row holds a live connection (the tracker has the same cap) */
	struct pcap_pkthdr *rh = victim->rh;
	uint8_t *rd = victim->rd;
	memset(victim, 0, sizeof *victim);
	victim->rh = rh;
	victim->rd = rd;
	victim->used = 1;
	victim->c = c;
	victim->id = c->id;
	victim->start = now;
	((struct conn *)c)->user = victim;
	return victim;
}

static void row_copy(struct row *r, const struct conn *c)
{
	r->v6 = c->v6;
	memcpy(r->cli, c->cli, 16);
	memcpy(r->srv, c->srv, 16);
	r->cport = c->cport;
	r->sport = c->sport;
	snprintf(r->state, sizeof r->state, "%s", conn_state(c));
	r->retrans = r->dupacks = 0;
	r->zw = 0;
	for (int d = 0; d < 2; d++) {
		r->pk[d] = c->h[d].pkts;
		r->by[d] = c->h[d].bytes;
		r->retrans += c->h[d].retrans + c->h[d].lost;
		r->dupacks += c->h[d].dupacks;
		r->zw += c->h[d].zerowin_total;
		if (c->h[d].zerowin_since > 0 && c->last > c->h[d].zerowin_since)
			r->zw += c->last - c->h[d].zerowin_since;
		if (c->h[d].zerowin && r->zw <= 0)
			r->zw = 1e-6;
	}
	r->rsts = (uint64_t)(c->h[0].rst + c->h[1].rst);
	r->rtt = c->rtt_n ? c->rtt_sum / (double)c->rtt_n : -1;
	r->start = c->start;
	r->last = c->last;
	r->trouble = (int)(r->retrans * 4 + r->dupacks + (r->zw > 0 ? 50 : 0) + r->rsts * 2);
}

static int top_packet(void *self, const struct pkt_ctx *px)
{
	struct top *t = self;
	t->total_pkts++;
	t->total_bytes += px->h->len;
	if (!px->res || !px->res->conn)
		return 0;
	double now = tv(px->h, t->o.tstamp_precision);
	struct row *r = row_for(t, px->res->conn, now);
	if (!r)
		return 0;
	row_copy(r, px->res->conn);
	/* ring of recent packets */
	int slot = (r->rhead + r->rcount) % t->ring;
	if (r->rcount == t->ring)
		r->rhead = (r->rhead + 1) % t->ring;
	else
		r->rcount++;
	struct pcap_pkthdr h = *px->h;
	if (h.caplen > (uint32_t)t->ring_snap)
		h.caplen = (uint32_t)t->ring_snap;
	r->rh[slot] = h;
	memcpy(r->rd + (size_t)slot * (size_t)t->ring_snap, px->bytes, h.caplen);
	/* the window: only packets of the last ring_secs before this one */
	while (r->rcount > 1 && now - tv(&r->rh[r->rhead], t->o.tstamp_precision) > t->ring_secs) {
		r->rhead = (r->rhead + 1) % t->ring;
		r->rcount--;
	}
	return 0;
}

static void top_conn(void *self, const struct conn *c)
{
	struct top *t = self;
	struct row *r = c->user;
	if (!r)
		return;
	row_copy(r, c);
	r->c = NULL;
	r->done = 1;
	r->done_at = c->last;
	(void)t;
}

static const struct tap_ops top_ops = {"top", top_packet, top_conn, NULL, NULL, NULL};

/* New lines of diagnose's live output: keep "[id] title" of each finding. */
static void read_findings(struct top *t)
{
	char buf[4096];
	ssize_t n;
	while ((n = pread(t->dfd, buf, sizeof buf - 1, t->dread)) > 0) {
		buf[n] = 0;
		char *end = strrchr(buf, '\n');
		if (!end)
			break;
		end[1] = 0;
		t->dread += end + 1 - buf;
		for (char *line = buf; *line;) {
			char *nl = strchr(line, '\n');
			*nl = 0;
			char *b = strchr(line, '[');
			if (b && b - line < 6 && strchr(b, ']')) {
				int dupl = 0;
				for (int i = 0; i < t->nfind; i++)
					dupl |= strcmp(t->find[i], b) == 0;
				if (!dupl) {
					if (t->nfind == MAXFIND) {
						memmove(t->find[0], t->find[1], sizeof t->find[0] * (MAXFIND - 1));
						t->nfind--;
					}
					snprintf(t->find[t->nfind++], sizeof t->find[0], "%s", b);
				}
			}
			line = nl + 1;
		}
	}
}

/* ---- view ---- */

struct vrow {
	struct row *r;              /* a connection, or the first of a server group */
	int nconn;
	double rp[2], rb[2], rtt, zw, age;
	uint64_t retrans, dupacks;
	int trouble;
	char key[136];
};

static struct vrow *vrows;
static int nvrows;

static double sortval(const struct vrow *v, int col)
{
	switch (col) {
	case 1: return v->rb[0] + v->rb[1];
	case 2: return v->rp[0] + v->rp[1];
	case 3: return v->rtt;
	case 4: return v->age;
	default: return v->trouble;
	}
}

static int vcmp(const void *a, const void *b)
{
	const struct vrow *x = a, *y = b;
	/* rows in trouble first, then the sort column (descending) */
	if ((x->trouble > 0) != (y->trouble > 0))
		return y->trouble > 0 ? 1 : -1;
	double dx = sortval(x, T.sortcol), dy = sortval(y, T.sortcol);
	if (dx != dy)
		return dx < dy ? 1 : -1;
	return strcmp(x->key, y->key);
}

static void build_view(struct top *t, double now)
{
	nvrows = 0;
	for (size_t i = 0; i < t->max_conns; i++) {
		struct row *r = &t->rows[i];
		if (!r->used)
			continue;
		char c[64], s[64], key[136];
		ep(c, sizeof c, r->v6, r->cli, r->cport);
		ep(s, sizeof s, r->v6, r->srv, r->sport);
		if (t->filter[0] && !strstr(c, t->filter) && !strstr(s, t->filter))
			continue;
		if (t->group)
			snprintf(key, sizeof key, "%s", s);
		else
			snprintf(key, sizeof key, "%s %s", c, s);
		struct vrow *v = NULL;
		if (t->group)
			for (int k = 0; k < nvrows; k++)
				if (strcmp(vrows[k].key, key) == 0)
					v = &vrows[k];
		if (!v) {
			v = &vrows[nvrows++];
			memset(v, 0, sizeof *v);
			v->r = r;
			v->rtt = -1;
			snprintf(v->key, sizeof v->key, "%s", key);
		}
		v->nconn++;
		for (int d = 0; d < 2; d++) {
			v->rp[d] += r->rp[d];
			v->rb[d] += r->rb[d];
		}
		if (r->rtt >= 0 && (v->rtt < 0 || r->rtt > v->rtt))
			v->rtt = r->rtt;
		v->zw += r->zw;
		v->retrans += r->retrans;
		v->dupacks += r->dupacks;
		v->trouble += r->trouble;
		if (now - r->start > v->age)
			v->age = now - r->start;
	}
	qsort(vrows, (size_t)nvrows, sizeof *vrows, vcmp);
}

static void rates(struct top *t, double now)
{
	double dt = now - t->last_rate_time;
	if (dt <= 0)
		dt = 1;
	for (size_t i = 0; i < t->max_conns; i++) {
		struct row *r = &t->rows[i];
		if (!r->used)
			continue;
		/* end of a file: the average over the connection's life (at least 1 s) */
		double life = r->last - r->start > 1 ? r->last - r->start : 1;
		for (int d = 0; d < 2; d++) {
			r->rp[d] = t->eof ? (double)r->pk[d] / life : (double)(r->pk[d] - r->ppk[d]) / dt;
			r->rb[d] = t->eof ? (double)r->by[d] / life : (double)(r->by[d] - r->pby[d]) / dt;
			r->ppk[d] = r->pk[d];
			r->pby[d] = r->by[d];
		}
	}
	t->pps = (double)(t->total_pkts - t->ppk_total) / dt;
	t->ppk_total = t->total_pkts;
	t->last_rate_time = now;
}

static void human(char *b, size_t n, double v)
{
	if (v >= 1e9)
		snprintf(b, n, "%.1fG", v / 1e9);
	else if (v >= 1e6)
		snprintf(b, n, "%.1fM", v / 1e6);
	else if (v >= 1e4)
		snprintf(b, n, "%.0fk", v / 1e3);
	else
		snprintf(b, n, "%.0f", v);
}

/* One line of the table (width w) into buf. */
static void fmt_row(const struct top *t, const struct vrow *v, char *buf, size_t n)
{
	char pa[16], pb[16], ba[16], bb[16], rtt[16], zw[16];
	human(pa, sizeof pa, v->rp[0]);
	human(pb, sizeof pb, v->rp[1]);
	human(ba, sizeof ba, v->rb[0]);
	human(bb, sizeof bb, v->rb[1]);
	if (v->rtt >= 0)
		snprintf(rtt, sizeof rtt, "%.1f", v->rtt * 1000);
	else
		snprintf(rtt, sizeof rtt, "-");
	snprintf(zw, sizeof zw, "%.1f", v->zw);
	uint64_t pk = v->r->pk[0] + v->r->pk[1];
	double rr = pk ? 100.0 * (double)v->retrans / (double)pk : 0;
	const char *state = t->group ? "" : v->r->state;
	char who[48];
	if (t->group)
		snprintf(who, sizeof who, "%d conns", v->nconn);
	else
		snprintf(who, sizeof who, "%s", row_finding(v->r));
	snprintf(buf, n, "%-41.41s %-4.4s %-12.12s %5s/%-5s %6s/%-6s %7s %5.1f%% %5s %5llu %6.1f", v->key, state, who,
		 pa, pb, ba, bb, rtt, rr, zw, (unsigned long long)v->dupacks, v->age);
}

static const char *HDR =
	"CONNECTION (client server)                STATE FINDING      PKT/s >/<   BYTES/s >/<   RTTms RETR%   ZWs DUPAK    AGE";

static void drops(struct top *t, char *b, size_t n)
{
	uint64_t recv = 0, dr = 0;
	if (t->cap.live && capture_drop_stats(&t->cap, &recv, &dr))
		snprintf(b, n, "%llu", (unsigned long long)dr);
	else
		snprintf(b, n, "0");
}

static void snapshot_text(struct top *t, double now)
{
	build_view(t, now);
	char dr[32];
	drops(t, dr, sizeof dr);
	printf("synack top: %llu packets, %.0f pkt/s, %d %s, drops %s, sort %s%s%s\n",
	       (unsigned long long)t->total_pkts, t->pps, nvrows, t->group ? "servers" : "connections", dr,
	       sort_names[t->sortcol], t->filter[0] ? ", filter " : "", t->filter);
	for (int i = 0; i < t->nfind; i++)
		printf("finding: %s\n", t->find[i]);
	printf("%s\n", HDR);
	char line[512];
	for (int i = 0; i < nvrows; i++) {
		fmt_row(t, &vrows[i], line, sizeof line);
		printf("%s\n", line);
	}
	printf("\n");
	fflush(stdout);
}


/* The selected row's last packets in tcpdump format, into lines. */
static int detail_lines(struct top *t, struct row *r, char lines[][200], int max)
{
	int n = 0;
	for (int i = 0; i < r->rcount && n < max; i++) {
		int slot = (r->rhead + i) % t->ring;
		t->pout->len = 0;
		print_packet(&t->pr, &r->rh[slot], r->rd + (size_t)slot * (size_t)t->ring_snap, 0, NULL);
		size_t len = t->pout->len;
		if (len && t->pout->buf[len - 1] == '\n')
			len--;
		if (len > 199)
			len = 199;
		memcpy(lines[n], t->pout->buf, len);
		lines[n][len] = 0;
		n++;
	}
	t->pout->len = 0;
	return n;
}

static void write_ring(struct top *t, struct row *r)
{
	char name[96], err[ERRBUF];
	snprintf(name, sizeof name, "synack-top-%u-%llu.pcap", (unsigned)r->cport, (unsigned long long)r->id);
	struct writer *w = calloc(1, sizeof *w);
	if (!w) {
		snprintf(t->msg, sizeof t->msg, "out of memory");
		return;
	}
	if (writer_open(w, name, t->cap.linktype, t->ring_snap, t->o.tstamp_precision, 0, 0, 0, 0, err) < 0) {
		snprintf(t->msg, sizeof t->msg, "%.120s", err);
		free(w);
		return;
	}
	for (int i = 0; i < r->rcount; i++) {
		int slot = (r->rhead + i) % t->ring;
		if (writer_write(w, &r->rh[slot], r->rd + (size_t)slot * (size_t)t->ring_snap, err) < 0)
			break;
	}
	double span = 0;
	if (r->rcount > 1) {
		int lastslot = (r->rhead + r->rcount - 1) % t->ring;
		span = tv(&r->rh[lastslot], t->o.tstamp_precision) - tv(&r->rh[r->rhead], t->o.tstamp_precision);
	}
	if (writer_close(w, err) < 0)
		snprintf(t->msg, sizeof t->msg, "%.120s", err);
	else if (r->rcount == t->ring)
		snprintf(t->msg, sizeof t->msg, "wrote %d packets to %s (%.3f s; ring full)", r->rcount, name, span);
	else
		snprintf(t->msg, sizeof t->msg, "wrote %d packets to %s (%.3f s of the last %g)", r->rcount, name, span,
			 t->ring_secs);
	free(w);
}

static void draw(struct top *t, double now)
{
	build_view(t, now);
	erase();
	int H = LINES, W = COLS;
	char b[512], dr[32];
	drops(t, dr, sizeof dr);
	snprintf(b, sizeof b, "synack top%s%s  %llu pkts  %.0f pkt/s  %d %s  drops %s  %s",
		 t->paused ? "  [PAUSED]" : "", t->eof ? "  [end of file]" : "", (unsigned long long)t->total_pkts,
		 t->pps, nvrows, t->group ? "servers" : "conns", dr, t->cap.name);
	mvaddnstr(0, 0, b, W);
	int y = 1;
	for (int i = 0; i < t->nfind && y < 4; i++, y++) {
		snprintf(b, sizeof b, "finding: %s", t->find[i]);
		mvaddnstr(y, 0, b, W);
	}
	if (t->nfind == 0)
		mvaddnstr(y++, 0, "findings: none yet", W);
	if (t->sel >= nvrows)
		t->sel = nvrows ? nvrows - 1 : 0;
	if (t->detail && nvrows) {
		struct row *r = vrows[t->sel].r;
		snprintf(b, sizeof b, "details: %s  state %s  retrans %llu  dupacks %llu  zero-window %.1fs", vrows[t->sel].key,
			 r->state, (unsigned long long)r->retrans, (unsigned long long)r->dupacks, r->zw);
		attron(A_BOLD);
		mvaddnstr(y++, 0, b, W);
		attroff(A_BOLD);
		static char lines[64][200];
		int n = detail_lines(t, r, lines, 64);
		int first = n - (H - 1 - y) > 0 ? n - (H - 1 - y) : 0;
		for (int i = first; i < n && y < H - 1; i++)
			mvaddnstr(y++, 0, lines[i], W);
	} else {
		snprintf(b, sizeof b, "%s", HDR);
		attron(A_REVERSE);
		mvaddnstr(y++, 0, b, W);
		attroff(A_REVERSE);
		for (int i = 0; i < nvrows && y < H - 1; i++, y++) {
			fmt_row(t, &vrows[i], b, sizeof b);
			if (i == t->sel)
				attron(A_BOLD | A_UNDERLINE);
			mvaddnstr(y, 0, b, W);
			if (i == t->sel)
				attroff(A_BOLD | A_UNDERLINE);
		}
	}
	if (t->msg[0])
		snprintf(b, sizeof b, "%s", t->msg);
	else
		snprintf(b, sizeof b, "q quit  s sort:%s  g %s  / filter%s%s  p pause  Enter details  w pcap",
			 sort_names[t->sortcol], t->group ? "conns" : "servers", t->filter[0] ? ":" : "", t->filter);
	attron(A_REVERSE);
	mvaddnstr(H - 1, 0, b, W);
	attroff(A_REVERSE);
	refresh();
}

static void read_filter(struct top *t)
{
	char b[64] = "";
	size_t n = 0;
	nodelay(stdscr, FALSE);
	for (int i = 0; i < 200; i++) {
		mvaddnstr(LINES - 1, 0, "filter (address or port, Enter to apply): ", COLS);
		clrtoeol();
		addnstr(b, COLS);
		refresh();
		int ch = getch();
		if (ch == '\n' || ch == KEY_ENTER || ch == '\r')
			break;
		if (ch == 27) {
			n = 0;
			break;
		}
		if ((ch == KEY_BACKSPACE || ch == 127 || ch == 8) && n)
			b[--n] = 0;
		else if (ch >= 32 && ch < 127 && n < sizeof b - 1) {
			b[n++] = (char)ch;
			b[n] = 0;
		}
	}
	b[n] = 0;
	snprintf(t->filter, sizeof t->filter, "%s", b);
	nodelay(stdscr, TRUE);
}

/* Keys and refresh; called often.  now: capture-relative clock for rates and ages. */
static void poll_ui(struct top *t, double now, int force)
{
	double w = wall();
	if (t->curses) {
		int ch;
		int changed = 0;
		while ((ch = getch()) != ERR) {
			changed = 1;
			t->msg[0] = 0;
			switch (ch) {
			case 'q': t->quit = 1; capture_stop(&t->cap); break;
			case 's': t->sortcol = (t->sortcol + 1) % NSORT; break;
			case 'g': t->group = !t->group; t->sel = 0; t->detail = 0; break;
			case 'p': t->paused = !t->paused; break;
			case '/': read_filter(t); t->sel = 0; break;
			case KEY_DOWN: case 'j': t->sel++; break;
			case KEY_UP: case 'k': if (t->sel > 0) t->sel--; break;
			case '\n': case '\r': case KEY_ENTER: t->detail = !t->detail; break;
			case 27: t->detail = 0; break;
			case 'w':
				if (nvrows && t->sel < nvrows)
					write_ring(t, vrows[t->sel].r);
				break;
			case KEY_RESIZE: break;
			default: changed = 0;
			}
		}
		if (w - t->last_draw >= t->interval || force) {
			rates(t, now);
			read_findings(t);
			t->last_draw = w;
			if (!t->paused)
				draw(t, now);
		} else if (changed) {
			draw(t, now);
		}
	} else if (w - t->last_draw >= t->interval || force) {
		rates(t, now);
		read_findings(t);
		t->last_draw = w;
		snapshot_text(t, now);
	}
}

static double cur_now(struct top *t)
{
	if (t->cap.live) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		return (double)ts.tv_sec + ts.tv_nsec / 1e9;
	}
	return t->cap0; /* last packet time */
}

static void on_packet(void *user, const struct pcap_pkthdr *h, const uint8_t *bytes)
{
	struct top *t = user;
	double ct = tv(h, t->o.tstamp_precision);
	if (!t->cap.live && t->speed > 0) {
		if (t->wall0 == 0) {
			t->wall0 = wall();
			t->last_rate_time = ct;
		}
		static double first;
		if (first == 0)
			first = ct;
		double target = t->wall0 + (ct - first) / t->speed;
		for (int i = 0; i < 100000 && !t->quit; i++) {
			double d = target - wall();
			if (d <= 0)
				break;
			struct timespec ts = {0, (long)((d > 0.05 ? 0.05 : d) * 1e9)};
			nanosleep(&ts, NULL);
			poll_ui(t, t->cap0, 0);
		}
	}
	if (t->last_rate_time == 0)
		t->last_rate_time = ct;
	t->cap0 = ct;
	pipeline_packet(&t->pl, t->cap.linktype, h, bytes);
	if ((t->total_pkts & 63) == 0 || t->cap.live == 0)
		if (!t->cap.live && (t->total_pkts & 63) == 0)
			poll_ui(t, ct, 0);
	if (t->quit)
		capture_stop(&t->cap);
}

static void on_batch(void *user)
{
	struct top *t = user;
	double now = cur_now(t);
	pipeline_tick(&t->pl, now);
	/* live: expire rows finished more than 10 s ago */
	for (size_t i = 0; i < t->max_conns; i++)
		if (t->rows[i].used && t->rows[i].done && now - t->rows[i].done_at > 10)
			t->rows[i].used = 0;
	poll_ui(t, now, 0);
	/* the capture is non-blocking: wait here (at most 100 ms) for packets or a key */
	if (!t->quit && t->total_pkts == t->batch_pkts) {
		struct pollfd pf[2] = {{capture_selectable_fd(&t->cap), POLLIN, 0}, {0, POLLIN, 0}};
		poll(pf, t->curses ? 2 : 1, 100);
	}
	t->batch_pkts = t->total_pkts;
}

static void usage(void)
{
	fprintf(stderr, "usage: synack top (-i IF | -r FILE [--speed N|0]) [--batch] [--interval S] [--max-conns N]\n"
			"                  [--ring-seconds S] [--ring N] [--ring-snap BYTES] [-n] [filter expression]\n");
}

static long num_arg(const char *s, long lo, long hi)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || v < lo || v > hi) {
		fprintf(stderr, "synack: top: bad number '%s'\n", s);
		exit(1);
	}
	return v;
}

int top_main(int argc, char **argv)
{
	struct top *t = &T;
	char err[ERRBUF] = "";
	t->speed = 1;
	t->interval = 1;
	t->max_conns = 1000;
	t->ring = 64;
	t->ring_snap = 256;
	t->ring_secs = 60;
	t->o.promisc = 1;
	t->o.nflag = 2;
	char filt[1024] = "";
	size_t fl = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-i") && i + 1 < argc)
			t->o.device = argv[++i];
		else if (!strcmp(a, "-r") && i + 1 < argc)
			t->o.rfile = argv[++i];
		else if (!strcmp(a, "--speed") && i + 1 < argc) {
			char *end;
			t->speed = strtod(argv[++i], &end);
			if (*end || t->speed < 0) {
				fprintf(stderr, "synack: top: bad --speed '%s'\n", argv[i]);
				return 1;
			}
		} else if (!strcmp(a, "--ring-seconds") && i + 1 < argc) {
			char *end;
			t->ring_secs = strtod(argv[++i], &end);
			if (*end || !(t->ring_secs > 0 && t->ring_secs <= 86400)) {
				fprintf(stderr, "synack: top: bad --ring-seconds '%s'\n", argv[i]);
				return 1;
			}
		} else if (!strcmp(a, "--batch"))
			t->batch = 1;
		else if (!strcmp(a, "--interval") && i + 1 < argc)
			t->interval = (double)num_arg(argv[++i], 1, 3600);
		else if (!strcmp(a, "--max-conns") && i + 1 < argc)
			t->max_conns = (size_t)num_arg(argv[++i], 1, 1000000);
		else if (!strcmp(a, "--ring") && i + 1 < argc)
			t->ring = (int)num_arg(argv[++i], 1, 4096);
		else if (!strcmp(a, "--ring-snap") && i + 1 < argc)
			t->ring_snap = (int)num_arg(argv[++i], 64, 65535);
		else if (!strcmp(a, "-n") || !strcmp(a, "-nn"))
			;
		else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage();
			return 0;
		} else if (a[0] == '-') {
			fprintf(stderr, "synack: top: unknown option %s\n", a);
			usage();
			return 1;
		} else {
			int k = snprintf(filt + fl, sizeof filt - fl, "%s%s", fl ? " " : "", a);
			if (k < 0 || (size_t)k >= sizeof filt - fl) {
				fprintf(stderr, "synack: top: filter too long\n");
				return 1;
			}
			fl += (size_t)k;
		}
	}
	t->o.filter = fl ? filt : NULL;
	if (!t->o.device && !t->o.rfile) {
		usage();
		return 1;
	}
	t->rows = calloc(t->max_conns, sizeof *t->rows);
	vrows = calloc(t->max_conns, sizeof *vrows);
	if (!t->rows || !vrows)
		return 1;
	for (size_t i = 0; i < t->max_conns; i++) {
		t->rows[i].rh = calloc((size_t)t->ring, sizeof *t->rows[i].rh);
		t->rows[i].rd = malloc((size_t)t->ring * (size_t)t->ring_snap);
		if (!t->rows[i].rh || !t->rows[i].rd) {
			fprintf(stderr, "synack: top: out of memory\n");
			return 1;
		}
	}
	if (t->o.rfile) {
		if (capture_open_file(&t->cap, t->o.rfile, &t->o, err) < 0) {
			fprintf(stderr, "synack: %s\n", err);
			return 1;
		}
	} else {
		if (capture_open_live(&t->cap, &t->o, err) < 0 || capture_set_linktype(&t->cap, &t->o, err) < 0) {
			fprintf(stderr, "synack: %s\n", err);
			return 1;
		}
	}
	if (t->cap.live && capture_set_nonblock(&t->cap, err) < 0) {
		fprintf(stderr, "synack: %s\n", err);
		return 1;
	}
	if (capture_filter(&t->cap, t->o.filter, 0, 1, err) < 0) {
		fprintf(stderr, "synack: %s\n", err);
		return 1;
	}
	/* diagnose's live findings go to an in-memory file the header reads */
	t->dfd = memfd_create("synack-top-diag", 0);
	t->dout = malloc(sizeof *t->dout);
	t->pout = malloc(sizeof *t->pout);
	if (t->dfd < 0 || !t->dout || !t->pout) {
		fprintf(stderr, "synack: top: %s\n", strerror(errno));
		return 1;
	}
	out_init(t->dout, t->dfd);
	out_init(t->pout, -1);
	print_init(&t->pr, &t->o, t->pout, t->cap.linktype);
	pipeline_init(&t->pl, t->o.tstamp_precision);
	struct tracker_cfg tc = {0};
	tc.max_conns = t->max_conns;
	if (t->cap.live)
		tc.close_linger = 2;
	else
		tc.lazy_idle = 1;
	if (pipeline_track(&t->pl, &tc) < 0 || pipeline_dedup(&t->pl) < 0)
		return 1;
	pipeline_add(&t->pl, &top_ops, t);
	t->td.diag = diag_new(t->dout, 0, 1);
	if (!t->td.diag)
		return 1;
	pipeline_add(&t->pl, &tap_diag_ops, &t->td);

	t->curses = !t->batch && isatty(1);
	if (t->curses) {
		initscr();
		cbreak();
		noecho();
		nodelay(stdscr, TRUE);
		keypad(stdscr, TRUE);
		curs_set(0);
	}
	capture_signals(&t->cap);
	t->last_draw = wall();
	if (t->curses)
		draw(t, cur_now(t));
	int rc = capture_loop(&t->cap, 0, on_packet, t, on_batch, err);
	if (!t->cap.live && !t->quit) {
		/* end of the file: finish the connections (diagnose reports them), then keep showing */
		t->eof = 1;
		tracker_finish(t->pl.trk, "end of capture");
		t->last_rate_time = t->cap0 - 1;
		if (t->curses) {
			poll_ui(t, t->cap0, 1);
			for (long i = 0; i < 36000L * 24 && !t->quit && !capture_interrupted(); i++) {
				napms(100);
				int ch = getch();
				if (ch != ERR)
					ungetch(ch);
				poll_ui(t, t->cap0, 0);
			}
		} else {
			poll_ui(t, t->cap0, 1);
		}
	} else if (!t->curses) {
		poll_ui(t, cur_now(t), 1);
	}
	if (t->curses)
		endwin();
	pipeline_free(&t->pl);
	capture_close(&t->cap);
	if (rc < 0) {
		fprintf(stderr, "synack: %s\n", err);
		return 1;
	}
	return 0;
}
