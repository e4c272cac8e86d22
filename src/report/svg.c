/* svg.c - connection graphs as SVG (see svg.h). */
#include "svg.h"

#include <string.h>

#include "../tcp/track.h"

#define GW 960
#define GH 450
#define PX 90           /* plot area */
#define PY 34
#define PW 850
#define PH 300

static const struct {
	const char *name;
	enum graph_kind k;
	const char *title, *yunit;
} kinds[] = {
	{"tsg", GRAPH_TSG, "time-sequence", "relative sequence number (bytes)"},
	{"throughput", GRAPH_THROUGHPUT, "throughput and goodput", "Mbit/s"},
	{"rtt", GRAPH_RTT, "round-trip time", "RTT (ms)"},
	{"inflight", GRAPH_INFLIGHT, "bytes in flight and receive window", "bytes"},
	{"ladder", GRAPH_LADDER, "ladder of the first packets", ""},
};

int graph_kind_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(name, kinds[i].name) == 0)
			return (int)kinds[i].k;
	return -1;
}

void svg_esc(struct out *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		switch (ch) {
		case '&': out_str(o, "&amp;"); break;
		case '<': out_str(o, "&lt;"); break;
		case '>': out_str(o, "&gt;"); break;
		case '"': out_str(o, "&quot;"); break;
		case '\'': out_str(o, "&#39;"); break;
		default:
			if (ch < 0x20 && ch != '\t')
				out_char(o, '?');
			else if (ch == 0x7f)
				out_char(o, '?');
			else
				out_char(o, (char)ch);
		}
	}
}

/* Axis ranges and the mapping to plot pixels. */
struct frame {
	double x0, x1, y0, y1;
};

static double fx(const struct frame *f, double x) { return (x - f->x0) / (f->x1 - f->x0) * PW; }
static double fy(const struct frame *f, double y) { return PH - (y - f->y0) / (f->y1 - f->y0) * PH; }

/* No libm: the few helpers the axes need. */
static double dabs(double x) { return x < 0 ? -x : x; }
static double dceil(double x)
{
	double t = (double)(long long)x;
	return t < x ? t + 1 : t;
}

/* 1, 2 or 5 times a power of ten, about range/n. */
static double nice_step(double range, int n)
{
	if (!(range > 0))
		return 1;
	if (range > 1e15)
		return range / n;
	double raw = range / n, p = 1;
	while (p > raw)
		p /= 10;
	while (p * 10 <= raw)
		p *= 10;
	double m = raw / p;
	return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

static void fix_range(double *a, double *b)
{
	if (!(*b > *a)) {
		double c = *a;
		*a = c - 1;
		*b = c + 1;
		if (c >= 0 && *a < 0)
			*a = 0, *b = 2;
	} else {
		double pad = (*b - *a) * 0.03;
		*a -= pad;
		*b += pad;
	}
}

static void header(struct out *o, const struct series_conn *c, enum graph_kind k, int standalone, const struct frame *f,
		   const char *sub)
{
	if (standalone)
		out_str(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	out_fmt(o,
		"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph g-%s\" data-conn=\"%llu\" viewBox=\"0 0 %d %d\" "
		"width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\" data-x0=\"%.9g\" data-x1=\"%.9g\" "
		"data-y0=\"%.9g\" data-y1=\"%.9g\" role=\"img\">\n",
		kinds[k].name, (unsigned long long)c->num, GW, GH, GW, GH, f->x0, f->x1, f->y0, f->y1);
	out_str(o, "<title>");
	out_fmt(o, "connection %llu: ", (unsigned long long)c->num);
	svg_escs(o, c->client);
	out_str(o, " &#8594; ");
	svg_escs(o, c->server);
	out_fmt(o, ", %s", kinds[k].title);
	out_str(o, "</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
	out_fmt(o, "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">", PX);
	out_fmt(o, "#%llu ", (unsigned long long)c->num);
	svg_escs(o, c->client);
	out_str(o, " &#8594; ");
	svg_escs(o, c->server);
	out_fmt(o, ": %s", kinds[k].title);
	if (sub && *sub) {
		out_str(o, " (");
		svg_escs(o, sub);
		out_char(o, ')');
	}
	out_str(o, "</text>\n");
	/* grid and ticks */
	double xs = nice_step(f->x1 - f->x0, 8), ys = nice_step(f->y1 - f->y0, 6);
	out_fmt(o, "<g class=\"axes\" stroke=\"#ddd\" transform=\"translate(%d %d)\">", PX, PY);
	for (double x = dceil(f->x0 / xs) * xs; x <= f->x1 + 1e-12; x += xs)
		out_fmt(o, "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" y2=\"%d\"/>", fx(f, x), fx(f, x), PH);
	for (double y = dceil(f->y0 / ys) * ys; y <= f->y1 + 1e-12; y += ys)
		out_fmt(o, "<line class=\"grid\" y1=\"%.1f\" y2=\"%.1f\" x1=\"0\" x2=\"%d\"/>", fy(f, y), fy(f, y), PW);
	out_str(o, "</g>\n");
	out_fmt(o, "<g class=\"ticks\" fill=\"#333\" transform=\"translate(%d %d)\">", PX, PY);
	for (double x = dceil(f->x0 / xs) * xs; x <= f->x1 + 1e-12; x += xs)
		out_fmt(o, "<text class=\"tk\" data-axis=\"x\" data-px=\"%.1f\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.6g</text>",
			fx(f, x), fx(f, x), PH + 16, dabs(x) < xs * 1e-6 ? 0 : x);
	for (double y = dceil(f->y0 / ys) * ys; y <= f->y1 + 1e-12; y += ys)
		out_fmt(o, "<text class=\"tk\" data-axis=\"y\" data-px=\"%.1f\" x=\"-6\" y=\"%.1f\" text-anchor=\"end\">%.6g</text>",
			fy(f, y), fy(f, y) + 4, dabs(y) < ys * 1e-6 ? 0 : y);
	out_str(o, "</g>\n");
	out_fmt(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">time since the connection started (s)</text>\n", PX + PW / 2,
		PY + PH + 34);
	out_fmt(o, "<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">%s</text>\n", PY + PH / 2,
		kinds[k].yunit);
	out_fmt(o,
		"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>\n"
		"<svg class=\"plot\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
		"preserveAspectRatio=\"none\" overflow=\"hidden\">\n",
		PX, PY, PW, PH, PX, PY, PW, PH, PW, PH);
}

/* Legend: entries laid out left to right, wrapping. */
struct legend {
	struct out *o;
	int x, y;
};

static void legend_begin(struct legend *l, struct out *o)
{
	l->o = o;
	l->x = PX;
	l->y = PY + PH + 58;
	out_str(o, "<g class=\"legend\">\n");
}

/* shape: a path drawn at the entry, or NULL for a line sample (stroke, dash). */
static void legend_item(struct legend *l, const char *sample, const char *label)
{
	int w = 48 + 7 * (int)strlen(label);
	if (l->x + w > GW - 10) {
		l->x = PX;
		l->y += 20;
	}
	out_fmt(l->o, "<g transform=\"translate(%d %d)\">%s<text x=\"26\" y=\"4\">", l->x, l->y, sample);
	svg_escs(l->o, label);
	out_str(l->o, "</text></g>\n");
	l->x += w;
}

static void legend_end(struct legend *l) { out_str(l->o, "</g>\n</svg>\n"); }


static void no_data(struct out *o, const char *what)
{
	out_fmt(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%s</text>\n", PW / 2, PH / 2, what);
}

/* ---- markers ------------------------------------------------------------- */

static const struct {
	uint32_t tag;
	const char *cls, *label, *color, *shape;
} marks[] = {
	{TAG_RETRANS, "mk-retrans rx", "retransmission", "#D55E00", "M-6,-5 L6,-5 L0,6 Z"},
	{TAG_FAST_RETRANS, "mk-fast rx", "fast retransmission", "#E69F00", "M0,-7 L7,0 L0,7 L-7,0 Z"},
	{TAG_SPURIOUS, "mk-spurious rx", "spurious retransmission", "#999999", "M-6,5 L6,5 L0,-6 Z"},
	{TAG_OUT_OF_ORDER, "mk-ooo", "out-of-order", "#0072B2", "M-5,-5 H5 V5 H-5 Z"},
	{TAG_LOST_SEGMENT, "mk-lost", "previous segment not captured", "#000000", "M-5,-5 L5,5 M5,-5 L-5,5"},
	{TAG_ZERO_WINDOW, "mk-zw", "zero window", "#882255", "M-5,0 A5,5 0 1,0 5,0 A5,5 0 1,0 -5,0 Z"},
	{TAG_ZW_PROBE, "mk-probe", "zero-window probe", "#117733", "M-6,0 H6 M0,-6 V6"},
	{TAG_SYN_RETRANS, "mk-synrx", "SYN / SYN-ACK retransmission", "#AA3377", "M-6,0 L5,-6 L5,6 Z"},
	{TAG_RST, "mk-rst", "reset", "#332288", "M-6,-2 H6 V2 H-6 Z M-2,-6 H2 V6 H-2 Z"},
};
#define NMARKS (sizeof marks / sizeof marks[0])

static int mark_kind(uint32_t tags)
{
	for (size_t i = 0; i < NMARKS; i++)
		if (tags & marks[i].tag)
			return (int)i;
	return -1;
}

static int open_shape(const char *shape) { return strchr(shape, 'Z') == NULL; }

static void marker_sample(char *buf, size_t n, int i, int hollow)
{
	int op = open_shape(marks[i].shape);
	snprintf(buf, n, "<path transform=\"translate(10 0)\" d=\"%s\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
		 marks[i].shape, op || hollow ? "none" : marks[i].color, marks[i].color, op ? "2" : "1.2");
}

/* ---- annotations on the time axis ----------------------------------------- */

#define MAX_ANNOTATIONS 12

/* Moments a reader looks for, as labelled vertical lines on every graph of the connection:
 * the first zero window each way, SYN / SYN-ACK retransmitted, a reset (at most MAX_ANNOTATIONS). */
static void annotations(struct out *o, const struct frame *f, const struct series_conn *c)
{
	int n = 0, zw[2] = {0, 0};
	for (size_t i = 0; i < c->nmarks && n < MAX_ANNOTATIONS; i++) {
		const struct series_mark *m = &c->marks[i];
		const char *what = NULL;
		if (m->tags & TAG_ZERO_WINDOW) {
			if (!zw[m->dir]) /* the first zero window each way (the legend counts them all) */
				what = m->dir ? "zero window (server) started" : "zero window (client) started";
			zw[m->dir] = 1;
		} else if (m->tags & TAG_SYN_RETRANS) {
			what = m->dir ? "SYN-ACK retransmitted" : "SYN retransmitted";
		} else if (m->tags & TAG_RST) {
			what = m->dir ? "reset by the server" : "reset by the client";
		}
		if (!what)
			continue;
		double x = fx(f, m->t);
		out_fmt(o,
			"<line class=\"ann-line\" x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" y2=\"%d\" stroke=\"#555\" stroke-dasharray=\"2 3\" "
			"vector-effect=\"non-scaling-stroke\"/>\n<g class=\"ann\" data-pkt=\"%llu\" data-x=\"%.1f\" data-y=\"%d\" "
			"transform=\"translate(%.1f %d)\"><text x=\"%d\" y=\"0\" font-size=\"11\" fill=\"#333\"%s>%s (packet %llu)</text></g>\n",
			x, x, PH, (unsigned long long)m->pkt, x, 12 + 13 * (n % 3), x, 12 + 13 * (n % 3), x > PW * 0.7 ? -3 : 3,
			x > PW * 0.7 ? " text-anchor=\"end\"" : "", what,
			(unsigned long long)m->pkt);
		n++;
	}
}

static void close_plot(struct out *o, const struct frame *f, const struct series_conn *c)
{
	annotations(o, f, c);
	out_str(o, "</svg>\n");
}

/* ---- time-sequence ------------------------------------------------------- */

static void step_path(struct out *o, const struct frame *f, const struct series_pt *p, size_t n, int use_hi,
		      const char *attrs)
{
	if (!n)
		return;
	out_fmt(o, "<path class=\"%s\" fill=\"none\" vector-effect=\"non-scaling-stroke\" %s d=\"",
		use_hi ? "line-win" : "line-ack", attrs);
	for (size_t i = 0; i < n; i++) {
		double v = (double)(use_hi ? p[i].hi : p[i].lo);
		if (i == 0)
			out_fmt(o, "M%.1f %.1f", fx(f, p[i].t), fy(f, v));
		else
			out_fmt(o, "H%.1fV%.1f", fx(f, p[i].t), fy(f, v));
	}
	out_fmt(o, "H%.1f\"/>\n", fx(f, f->x1));
}

static void draw_marks(struct out *o, const struct frame *f, const struct series_conn *c, int D, int counts[NMARKS][2],
		       double (*yof)(const struct series_mark *, int D))
{
	for (size_t i = 0; i < c->nmarks; i++) {
		const struct series_mark *m = &c->marks[i];
		int k = mark_kind(m->tags);
		if (k < 0)
			continue;
		int hollow = m->dir != D;
		counts[k][hollow]++;
		double x = fx(f, m->t), y = fy(f, yof(m, D));
		int op = open_shape(marks[k].shape);
		out_fmt(o,
			"<g class=\"mk %s%s\" data-pkt=\"%llu\" data-x=\"%.1f\" data-y=\"%.1f\" transform=\"translate(%.1f %.1f)\">"
			"<path d=\"%s\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/><title>packet %llu: ",
			marks[k].cls, hollow ? " rev" : "", (unsigned long long)m->pkt, x, y, x, y, marks[k].shape,
			op || hollow ? "none" : marks[k].color, marks[k].color, op ? "2" : "1.2", (unsigned long long)m->pkt);
		int first = 1;
		for (size_t j = 0; j < NMARKS; j++)
			if (m->tags & marks[j].tag) {
				out_fmt(o, "%s%s", first ? "" : ", ", marks[j].label);
				first = 0;
			}
		out_fmt(o, " at %.6f s (%s)</title></g>\n", m->t, m->dir == 0 ? "client&#8594;server" : "server&#8594;client");
	}
}

static double mark_y_tsg(const struct series_mark *m, int D)
{
	return m->dir == D ? (double)m->seq + m->len / 2.0 : (double)m->ack;
}

static void legend_marks(struct legend *l, int counts[NMARKS][2], const struct series_conn *c)
{
	char sample[400], label[160];
	for (size_t i = 0; i < NMARKS; i++)
		for (int h = 0; h < 2; h++)
			if (counts[i][h]) {
				marker_sample(sample, sizeof sample, (int)i, h);
				snprintf(label, sizeof label, "%s%s (%d)", marks[i].label, h ? ", other direction" : "", counts[i][h]);
				legend_item(l, sample, label);
			}
	if (c->marks_dropped) {
		snprintf(label, sizeof label, "%llu more events not drawn (cap %d)", (unsigned long long)c->marks_dropped,
			 SERIES_MAX_MARKS);
		legend_item(l, "", label);
	}
}

static void graph_tsg(struct out *o, const struct series_conn *c, int standalone)
{
	int D = series_data_dir(c);
	const struct series_dir *sd = &c->d[D], *rd = &c->d[!D];
	struct frame f = {0, c->duration > 0 ? c->duration : 0, 0, 0};
	int have = 0;
	double tmax = 0;
	for (size_t i = 0; i < sd->nseg; i++) {
		const struct series_pt *p = &sd->seg[i];
		if (!have || p->lo < f.y0)
			f.y0 = (double)p->lo;
		if (!have || p->hi > f.y1)
			f.y1 = (double)p->hi;
		have = 1;
		if (p->t > tmax)
			tmax = p->t;
	}
	double win_hi = 0;
	int have_win = 0;
	for (size_t i = 0; i < rd->nack; i++) {
		const struct series_pt *p = &rd->ack[i];
		if (!have || p->lo < f.y0)
			f.y0 = (double)p->lo;
		if (!have || p->lo > f.y1)
			f.y1 = (double)p->lo;
		if (!have_win || p->hi > win_hi)
			win_hi = (double)p->hi;
		have = have_win = 1;
		if (p->t > tmax)
			tmax = p->t;
	}
	/* The window line is drawn in full when it is near the data; far above it (a large
	 * window, little data) it would squash the segments into a line, so the axis stops a
	 * little above the data and the window line runs off the top (the legend says so). */
	int win_clipped = 0;
	if (have_win) {
		double span = f.y1 - f.y0 > 100 ? f.y1 - f.y0 : 100;
		if (win_hi > f.y1 + 3 * span) {
			f.y1 += span * 0.5;
			win_clipped = 1;
		} else if (win_hi > f.y1) {
			f.y1 = win_hi;
		}
	}
	if (tmax > f.x1)
		f.x1 = tmax;
	fix_range(&f.x0, &f.x1);
	if (f.x0 < 0 && c->duration >= 0)
		f.x0 = 0;
	if (have && f.y1 - f.y0 < 100) /* a handshake only: keep SYN/FIN bars short */
		f.y1 = f.y0 + 100;
	fix_range(&f.y0, &f.y1);
	header(o, c, GRAPH_TSG, standalone, &f, D == 0 ? "data client\xe2\x86\x92server" : "data server\xe2\x86\x92" "client");
	if (!have)
		no_data(o, "no segments");
	/* window line, ACK line, SACK blocks, segments, markers (back to front) */
	step_path(o, &f, rd->ack, rd->nack, 1, "stroke=\"#56B4E9\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\"");
	step_path(o, &f, rd->ack, rd->nack, 0, "stroke=\"#009E73\" stroke-width=\"1.5\"");
	int nsack = 0;
	for (size_t i = 0; i < c->nsacks; i++)
		nsack += c->sacks[i].dir != D;
	if (nsack) {
		out_str(o, "<path class=\"sack\" stroke=\"#CC79A7\" stroke-width=\"4\" stroke-opacity=\"0.55\" d=\"");
		for (size_t i = 0; i < c->nsacks; i++) {
			const struct series_sack *k = &c->sacks[i];
			if (k->dir == D)
				continue;
			out_fmt(o, "M%.1f %.1fV%.1f", fx(&f, k->t), fy(&f, (double)k->lo), fy(&f, (double)k->hi));
		}
		out_str(o, "\"/>\n");
	}
	if (sd->nseg) {
		out_str(o, "<path class=\"segs\" stroke=\"#222\" stroke-width=\"1.5\" vector-effect=\"non-scaling-stroke\" d=\"");
		for (size_t i = 0; i < sd->nseg; i++) {
			const struct series_pt *p = &sd->seg[i];
			double y1 = fy(&f, (double)p->lo), y2 = fy(&f, (double)p->hi);
			if (y1 - y2 < 1)
				y2 = y1 - 1;
			out_fmt(o, "M%.1f %.1fV%.1fM%.1f %.1fh2M%.1f %.1fh2", fx(&f, p->t), y1, y2, fx(&f, p->t) - 1, y1,
				fx(&f, p->t) - 1, y2);
		}
		out_str(o, "\"/>\n");
	}
	int counts[NMARKS][2] = {{0}};
	draw_marks(o, &f, c, D, counts, mark_y_tsg);
	close_plot(o, &f, c);
	struct legend l;
	legend_begin(&l, o);
	legend_item(&l, "<path d=\"M10,-7 V7 M8,-7 h4 M8,7 h4\" stroke=\"#222\" stroke-width=\"1.5\"/>", "segment (seq..seq+len)");
	legend_item(&l, "<path d=\"M0,0 H20\" stroke=\"#009E73\" stroke-width=\"2\"/>", "ACK");
	legend_item(&l, "<path d=\"M0,0 H20\" stroke=\"#56B4E9\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>",
		    win_clipped ? "receive window (ACK + window, above the top)" : "receive window (ACK + window)");
	if (nsack) {
		char lab[64];
		snprintf(lab, sizeof lab, "SACK block (%d%s)", nsack, c->sacks_dropped ? "+" : "");
		legend_item(&l, "<path d=\"M10,-7 V7\" stroke=\"#CC79A7\" stroke-width=\"4\" stroke-opacity=\"0.55\"/>", lab);
	}
	legend_marks(&l, counts, c);
	legend_end(&l);
}

/* ---- throughput ---------------------------------------------------------- */

#define TP_BUCKETS 100

static void graph_throughput(struct out *o, const struct series_conn *c, int standalone)
{
	double tmax = c->duration > 0 ? c->duration : 0;
	for (int d = 0; d < 2; d++)
		for (size_t i = 0; i < c->d[d].nseg; i++)
			if (c->d[d].seg[i].t > tmax)
				tmax = c->d[d].seg[i].t;
	if (!(tmax > 0))
		tmax = 1e-3;
	double dt = tmax / TP_BUCKETS;
	static double thr[2][2][TP_BUCKETS];
	memset(thr, 0, sizeof thr);
	double ymax = 0;
	for (int d = 0; d < 2; d++)
		for (size_t i = 0; i < c->d[d].nseg; i++) {
			const struct series_pt *p = &c->d[d].seg[i];
			int b = (int)(p->t / dt);
			if (b >= TP_BUCKETS)
				b = TP_BUCKETS - 1;
			if (b < 0)
				b = 0;
			thr[d][0][b] += (double)p->bytes;
			thr[d][1][b] += (double)p->good;
		}
	for (int d = 0; d < 2; d++)
		for (int g = 0; g < 2; g++)
			for (int b = 0; b < TP_BUCKETS; b++) {
				thr[d][g][b] = thr[d][g][b] * 8 / dt / 1e6;
				if (thr[d][g][b] > ymax)
					ymax = thr[d][g][b];
			}
	struct frame f = {0, tmax, 0, ymax > 0 ? ymax * 1.05 : 1};
	header(o, c, GRAPH_THROUGHPUT, standalone, &f, "");
	static const char *col[2] = {"#0072B2", "#D55E00"};
	uint64_t sum[2] = {0, 0};
	for (int d = 0; d < 2; d++)
		for (size_t i = 0; i < c->d[d].nseg; i++)
			sum[d] += c->d[d].seg[i].bytes;
	struct legend l;
	char sample[200], lab[120];
	for (int d = 0; d < 2; d++)
		for (int g = 0; g < 2; g++) {
			if (!sum[d] && (sum[0] || sum[1] || d))
				continue;
			out_fmt(o, "<path class=\"tp\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" %s vector-effect=\"non-scaling-stroke\" d=\"",
				col[d], g ? "1.5" : "2", g ? "stroke-dasharray=\"5 3\"" : "");
			out_fmt(o, "M0 %.1f", fy(&f, thr[d][g][0]));
			for (int b = 0; b < TP_BUCKETS; b++)
				out_fmt(o, "V%.1fH%.1f", fy(&f, thr[d][g][b]), fx(&f, (b + 1) * dt));
			out_str(o, "\"/>\n");
		}
	close_plot(o, &f, c);
	legend_begin(&l, o);
	for (int d = 0; d < 2; d++)
		for (int g = 0; g < 2; g++) {
			if (!sum[d] && (sum[0] || sum[1] || d))
				continue;
			snprintf(sample, sizeof sample, "<path d=\"M0,0 H20\" stroke=\"%s\" stroke-width=\"2\" %s/>", col[d],
				 g ? "stroke-dasharray=\"5 3\"" : "");
			snprintf(lab, sizeof lab, "%s %s", g ? "goodput" : "throughput",
				 d == 0 ? "client\xe2\x86\x92server" : "server\xe2\x86\x92" "client");
			legend_item(&l, sample, lab);
		}
	snprintf(lab, sizeof lab, "per %.3g ms", dt * 1000);
	legend_item(&l, "", lab);
	legend_end(&l);
}

/* ---- RTT ----------------------------------------------------------------- */

static void graph_rtt(struct out *o, const struct series_conn *c, int standalone)
{
	struct frame f = {0, c->duration > 0 ? c->duration : 0, 0, 0};
	for (size_t i = 0; i < c->nrtt; i++) {
		if (c->rtt[i].ms > f.y1)
			f.y1 = c->rtt[i].ms;
		if (c->rtt[i].t > f.x1)
			f.x1 = c->rtt[i].t;
	}
	fix_range(&f.x0, &f.x1);
	if (f.x0 < 0)
		f.x0 = 0;
	f.y1 = f.y1 > 0 ? f.y1 * 1.08 : 1;
	header(o, c, GRAPH_RTT, standalone, &f, "Karn-clean samples");
	if (!c->nrtt)
		no_data(o, "no RTT samples");
	int n[2] = {0, 0};
	for (size_t i = 0; i < c->nrtt; i++) {
		const struct series_rtt *r = &c->rtt[i];
		n[r->dir]++;
		double x = fx(&f, r->t), y = fy(&f, r->ms);
		if (r->dir)
			out_fmt(o, "<circle class=\"rtt\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#0072B2\"><title>%.3f ms at %.6f s</title></circle>\n",
				x, y, r->ms, r->t);
		else
			out_fmt(o, "<rect class=\"rtt\" x=\"%.1f\" y=\"%.1f\" width=\"6\" height=\"6\" fill=\"none\" stroke=\"#D55E00\"><title>%.3f ms at %.6f s</title></rect>\n",
				x - 3, y - 3, r->ms, r->t);
	}
	close_plot(o, &f, c);
	struct legend l;
	char lab[120];
	legend_begin(&l, o);
	if (n[1] || !n[0]) {
		snprintf(lab, sizeof lab, "client data acknowledged by the server (%d)", n[1]);
		legend_item(&l, "<circle cx=\"10\" cy=\"0\" r=\"3\" fill=\"#0072B2\"/>", lab);
	}
	if (n[0]) {
		snprintf(lab, sizeof lab, "server data acknowledged by the client (%d)", n[0]);
		legend_item(&l, "<rect x=\"7\" y=\"-3\" width=\"6\" height=\"6\" fill=\"none\" stroke=\"#D55E00\"/>", lab);
	}
	if (c->rtt_stride > 1) {
		snprintf(lab, sizeof lab, "1 of every %llu samples shown", (unsigned long long)c->rtt_stride);
		legend_item(&l, "", lab);
	}
	legend_end(&l);
}

/* ---- in flight ----------------------------------------------------------- */

static void graph_inflight(struct out *o, const struct series_conn *c, int standalone)
{
	int D = series_data_dir(c);
	const struct series_dir *sd = &c->d[D], *rd = &c->d[!D];
	struct frame f = {0, c->duration > 0 ? c->duration : 0, 0, 0};
	for (size_t i = 0; i < sd->nseg; i++) {
		if (sd->seg[i].inflight > f.y1)
			f.y1 = sd->seg[i].inflight;
		if (sd->seg[i].t > f.x1)
			f.x1 = sd->seg[i].t;
	}
	for (size_t i = 0; i < rd->nack; i++)
		if (rd->ack[i].win > f.y1)
			f.y1 = rd->ack[i].win;
	fix_range(&f.x0, &f.x1);
	if (f.x0 < 0)
		f.x0 = 0;
	f.y1 = f.y1 > 0 ? f.y1 * 1.05 : 1;
	header(o, c, GRAPH_INFLIGHT, standalone, &f, D == 0 ? "data client\xe2\x86\x92server" : "data server\xe2\x86\x92" "client");
	if (rd->nack) {
		out_str(o, "<path class=\"rwin\" fill=\"none\" stroke=\"#E69F00\" stroke-width=\"2\" stroke-dasharray=\"6 3\" vector-effect=\"non-scaling-stroke\" d=\"");
		for (size_t i = 0; i < rd->nack; i++)
			out_fmt(o, "%s%.1f %.1f", i ? "H" : "M", fx(&f, rd->ack[i].t), fy(&f, rd->ack[i].win)),
				out_fmt(o, "V%.1f", fy(&f, rd->ack[i].win));
		out_fmt(o, "H%.1f\"/>\n", (double)PW);
	}
	if (sd->nseg) {
		out_str(o, "<path class=\"inflight\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"1.5\" vector-effect=\"non-scaling-stroke\" d=\"");
		for (size_t i = 0; i < sd->nseg; i++)
			out_fmt(o, "%s%.1f %.1f", i ? "L" : "M", fx(&f, sd->seg[i].t), fy(&f, sd->seg[i].inflight));
		out_str(o, "\"/>\n");
	} else {
		no_data(o, "no data segments");
	}
	close_plot(o, &f, c);
	struct legend l;
	legend_begin(&l, o);
	legend_item(&l, "<path d=\"M0,0 H20\" stroke=\"#0072B2\" stroke-width=\"2\"/>", "bytes in flight (unacknowledged)");
	legend_item(&l, "<path d=\"M0,0 H20\" stroke=\"#E69F00\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>",
		    "receive window advertised by the receiver");
	legend_end(&l);
}

/* ---- ladder -------------------------------------------------------------- */

static void flags_str(char *b, uint8_t f)
{
	static const struct { uint8_t bit; char c; } names[] = {
		{TCPF_SYN, 'S'}, {TCPF_FIN, 'F'}, {TCPF_RST, 'R'}, {TCPF_PSH, 'P'}, {TCPF_ACK, '.'}, {TCPF_URG, 'U'},
		{TCPF_ECE, 'E'}, {TCPF_CWR, 'W'}};
	size_t k = 0;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (f & names[i].bit)
			b[k++] = names[i].c;
	if (!k)
		b[k++] = '-';
	b[k] = 0;
}

#define LX_C 260        /* client and server lines */
#define LX_S 700
#define LROW 30

static void graph_ladder(struct out *o, const struct series_conn *c, int standalone)
{
	int rows = (int)c->nladder;
	int h = 70 + LROW * rows + (c->ladder_more ? 20 : 0) + 10;
	if (standalone)
		out_str(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	out_fmt(o,
		"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph-static g-ladder\" data-conn=\"%llu\" viewBox=\"0 0 %d %d\" "
		"width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n<title>",
		(unsigned long long)c->num, GW, h, GW, h);
	out_fmt(o, "connection %llu: ", (unsigned long long)c->num);
	svg_escs(o, c->client);
	out_str(o, " &#8594; ");
	svg_escs(o, c->server);
	out_str(o, ", ladder</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
	out_fmt(o, "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">#%llu ", PX, (unsigned long long)c->num);
	svg_escs(o, c->client);
	out_str(o, " &#8594; ");
	svg_escs(o, c->server);
	out_str(o, ": ladder of the first packets</text>\n");
	out_fmt(o, "<text x=\"%d\" y=\"48\" text-anchor=\"middle\" font-weight=\"bold\">client ", LX_C);
	svg_escs(o, c->client);
	out_fmt(o, "</text><text x=\"%d\" y=\"48\" text-anchor=\"middle\" font-weight=\"bold\">server ", LX_S);
	svg_escs(o, c->server);
	out_fmt(o, "</text>\n<text x=\"10\" y=\"48\" fill=\"#555\">time (s)</text><text x=\"%d\" y=\"48\" fill=\"#555\">packet</text>\n", GW - 70);
	out_fmt(o, "<line x1=\"%d\" x2=\"%d\" y1=\"56\" y2=\"%d\" stroke=\"#444\" stroke-width=\"2\"/>"
		   "<line x1=\"%d\" x2=\"%d\" y1=\"56\" y2=\"%d\" stroke=\"#444\" stroke-width=\"2\"/>\n",
		LX_C, LX_C, h - 10, LX_S, LX_S, h - 10);
	for (int i = 0; i < rows; i++) {
		const struct series_lpkt *l = &c->ladder[i];
		int y = 66 + LROW * i;
		int x1 = l->dir ? LX_S : LX_C, x2 = l->dir ? LX_C : LX_S;
		int k = mark_kind(l->tags);
		const char *col = k >= 0 ? marks[k].color : (l->flags & (TCPF_SYN | TCPF_FIN | TCPF_RST)) ? "#000" : "#555";
		char fl[12];
		flags_str(fl, l->flags);
		out_fmt(o, "<g class=\"lrow\" data-pkt=\"%llu\"><text x=\"10\" y=\"%d\" fill=\"#333\">%.6f</text>"
			   "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%s\"/>"
			   "<path d=\"M%d,%d l%d,-6 l0,9 Z\" fill=\"%s\"/>",
			(unsigned long long)l->pkt, y + 13, l->t, x1, y + 6, x2, y + 20, col, k >= 0 ? "2.2" : "1.4", x2, y + 20,
			l->dir ? 11 : -11, col);
		out_fmt(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">[%s] seq %lld", (LX_C + LX_S) / 2, y + 4, col,
			fl, (long long)l->seq);
		if (l->flags & TCPF_ACK)
			out_fmt(o, " ack %lld", (long long)l->ack);
		out_fmt(o, " win %u len %u", l->win, l->len);
		for (size_t j = 0; j < NMARKS; j++)
			if (l->tags & marks[j].tag)
				out_fmt(o, " [%s]", marks[j].label);
		out_fmt(o, "</text><text x=\"%d\" y=\"%d\" fill=\"#333\">%llu</text></g>\n", GW - 70, y + 13,
			(unsigned long long)l->pkt);
	}
	if (c->ladder_more)
		out_fmt(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">&#8230; %llu more packets</text>\n",
			(LX_C + LX_S) / 2, 66 + LROW * rows + 6, (unsigned long long)c->ladder_more);
	out_str(o, "</svg>\n");
}

void svg_graph(struct out *o, const struct series_conn *c, enum graph_kind k, int standalone)
{
	switch (k) {
	case GRAPH_TSG: graph_tsg(o, c, standalone); break;
	case GRAPH_THROUGHPUT: graph_throughput(o, c, standalone); break;
	case GRAPH_RTT: graph_rtt(o, c, standalone); break;
	case GRAPH_INFLIGHT: graph_inflight(o, c, standalone); break;
	case GRAPH_LADDER: graph_ladder(o, c, standalone); break;
	}
}
