/*
 * clock.c - pass 1 of `synack compare`: a hash sample of both captures
 * (the same packets are sampled at both points, at most SAMPLE_MAX per
 * capture), which capture is the client side (TTLs, else timing), and the
 * clock offset and drift from the minimum-delay envelopes of both
 * directions; the delay bounds that place a packet's expected arrival and
 * size the matching window.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmp_int.h"

#define SAMPLE_START 4096       /* the sample grows with the input up to SAMPLE_MAX */

int cmp_dbl(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static uint64_t sample_hash(uint64_t key)
{
	return mix64(key ^ 0xabcdefULL);
}

int cmp_sample_init(struct cmp *c, char *err)
{
	struct sampling *s = &c->sm;
	for (int k = 0; k < 2; k++) {
		s->smp[k] = malloc(SAMPLE_START * sizeof *s->smp[k]);
		s->cap[k] = SAMPLE_START;
		s->ns[k] = 0;
		s->thr[k] = UINT64_MAX;
		if (!s->smp[k]) {
			snprintf(err, CMP_ERR, "out of memory");
			return -1;
		}
	}
	return 0;
}

void cmp_sample_free(struct cmp *c)
{
	for (int k = 0; k < 2; k++) {
		free(c->sm.smp[k]);
		c->sm.smp[k] = NULL;
	}
}

/* Room for one more sample of capture k: the array doubles up to SAMPLE_MAX;
 * there (or out of memory) the sampling rate halves, the survivors kept.
 * Returns 0 when a packet hashing to hk is still sampled. */
static int sample_room(struct sampling *s, int k, uint64_t hk)
{
	if (s->ns[k] < s->cap[k])
		return 0;
	if (s->cap[k] < SAMPLE_MAX) {
		size_t nc = s->cap[k] * 2 < SAMPLE_MAX ? s->cap[k] * 2 : SAMPLE_MAX;
		struct sample *n = realloc(s->smp[k], nc * sizeof *n);
		if (n) {
			s->smp[k] = n;
			s->cap[k] = nc;
			return 0;
		}
	}
	s->thr[k] >>= 1;
	size_t j = 0;
	for (size_t i = 0; i < s->ns[k]; i++)
		if (sample_hash(s->smp[k][i].key) <= s->thr[k])
			s->smp[k][j++] = s->smp[k][i];
	s->ns[k] = j;
	return hk > s->thr[k] || s->ns[k] >= s->cap[k] ? -1 : 0;
}

void cmp_sample_add(struct cmp *c, int k, const struct prec *rr)
{
	struct sampling *s = &c->sm;
	struct prec r = *rr;
	c->npk[k]++;
	if (r.proto == 6)
		c->tcp_npk[k]++;
	cmp_classify(c, k, &r);
	/* a host's own packets carry an initial TTL at its capture point */
	if (r.proto == 6 && (r.ttl == 64 || r.ttl == 128 || r.ttl == 255)) {
		if ((r.flags & (TCPF_SYN | TCPF_ACK)) == TCPF_SYN)
			s->initsyn[k]++;
		else if ((r.flags & (TCPF_SYN | TCPF_ACK)) == (TCPF_SYN | TCPF_ACK))
			s->initsa[k]++;
	}
	uint64_t hk = sample_hash(r.key);
	if (hk > s->thr[k] || sample_room(s, k, hk) < 0)
		return;
	s->smp[k][s->ns[k]++] = (struct sample){r.key, r.t, r.ttl, r.c2s};
}

struct pair1 {
	double ta, diff;
	uint8_t c2s, ttla, ttlb;
};

static int cmp_sample(const void *a, const void *b)
{
	const struct sample *x = a, *y = b;
	return x->key < y->key ? -1 : x->key > y->key;
}

static int cmp_pair1(const void *a, const void *b)
{
	const struct pair1 *x = a, *y = b;
	return x->ta < y->ta ? -1 : x->ta > y->ta;
}

/* The packets sampled in both captures (a key seen once in each), in A's
 * time order; the samples are freed.  Returns the count, or -1 (err). */
static long sample_pairs(struct cmp *c, struct pair1 **out, char *err)
{
	struct sampling *s = &c->sm;
	uint64_t th = s->thr[0] < s->thr[1] ? s->thr[0] : s->thr[1];
	for (int k = 0; k < 2; k++) {
		size_t j = 0;
		for (size_t i = 0; i < s->ns[k]; i++)
			if (sample_hash(s->smp[k][i].key) <= th)
				s->smp[k][j++] = s->smp[k][i];
		s->ns[k] = j;
		qsort(s->smp[k], s->ns[k], sizeof *s->smp[k], cmp_sample);
	}
	struct sample *a = s->smp[0], *b = s->smp[1];
	size_t na = s->ns[0], nb = s->ns[1], np = 0;
	struct pair1 *pr = malloc((na + 1) * sizeof *pr);
	if (!pr) {
		snprintf(err, CMP_ERR, "out of memory");
		cmp_sample_free(c);
		return -1;
	}
	for (size_t i = 0, j = 0; i < na && j < nb;) {
		uint64_t ka = a[i].key, kb = b[j].key;
		if (ka < kb) {
			i++;
			continue;
		}
		if (kb < ka) {
			j++;
			continue;
		}
		size_t i2 = i, j2 = j;
		while (i2 < na && a[i2].key == ka)
			i2++;
		while (j2 < nb && b[j2].key == ka)
			j2++;
		if (i2 - i == 1 && j2 - j == 1)
			pr[np++] = (struct pair1){a[i].t, b[j].t - a[i].t, a[i].c2s, a[i].ttl, b[j].ttl};
		i = i2;
		j = j2;
	}
	cmp_sample_free(c);
	if (!np) {
		snprintf(err, CMP_ERR, "no packet of %s was found in %s: not the same traffic?", c->name[0], c->name[1]);
		free(pr);
		return -1;
	}
	qsort(pr, np, sizeof *pr, cmp_pair1);
	*out = pr;
	return (long)np;
}

/* Whether pair i falls in envelope bin b of NBINS over [t0, t0 + span]. */
static int in_bin(const struct pair1 *p, double t0, double span, int b)
{
	double lo = t0 + span * b / NBINS, hi = t0 + span * (b + 1) / NBINS;
	return p->ta >= lo && (p->ta < hi || (b == NBINS - 1 && p->ta <= hi));
}

/* Who is the client side: the TTLs of the client's packets fall between the
 * captures; else timing; else the argument order. */
static void infer_role(struct cmp *c, const struct pair1 *pr, size_t np)
{
	long vote = 0;
	for (size_t i = 0; i < np; i++) {
		if (pr[i].ttla == pr[i].ttlb)
			continue;
		int a_up = pr[i].ttla > pr[i].ttlb;
		vote += (a_up == (int)pr[i].c2s) ? 1 : -1;
		if (pr[i].c2s && !c->role_ttl[0]) {
			c->role_ttl[0] = a_up ? pr[i].ttla : pr[i].ttlb;
			c->role_ttl[1] = a_up ? pr[i].ttlb : pr[i].ttla;
		}
	}
	if (vote) {
		c->client_cap = vote > 0 ? 0 : 1;
		c->role_why = "ttl";
		return;
	}
	/* timing: within a time bin, client->server packets have the larger
	 * (tB - tA) when A is the client side (offset + d1 > offset - d2) */
	double t0 = pr[0].ta, span = pr[np - 1].ta - t0;
	for (int b = 0; b < NBINS; b++) {
		double m[2] = {0, 0};
		int n[2] = {0, 0};
		for (size_t i = 0; i < np; i++)
			if (in_bin(&pr[i], t0, span, b)) {
				m[pr[i].c2s] += pr[i].diff;
				n[pr[i].c2s]++;
			}
		if (n[0] && n[1])
			vote += m[1] / n[1] > m[0] / n[0] ? 1 : -1;
	}
	c->client_cap = vote >= 0 ? 0 : 1;
	c->role_why = vote ? "timing" : "guess";
}

/* Least squares y = a + b (x - x0) over n points. */
static void linfit(const double *x, const double *y, int n, double x0, double *a, double *b)
{
	double sx = 0, sy = 0, sxx = 0, sxy = 0;
	for (int i = 0; i < n; i++) {
		double u = x[i] - x0;
		sx += u;
		sy += y[i];
		sxx += u * u;
		sxy += u * y[i];
	}
	double den = n * sxx - sx * sx;
	if (n < 2 || dabs(den) < 1e-12) {
		*b = 0;
		*a = n ? sy / n : 0;
		return;
	}
	*b = (n * sxy - sx * sy) / den;
	*a = (sy - *b * sx) / n;
}

/* Offset and drift: lower envelope of A-upstream diffs (offset + d1) and
 * upper envelope of B-upstream diffs (offset - d2), one point per bin each. */
static void fit_offset(struct cmp *c, const struct pair1 *pr, size_t np)
{
	double ex[2][NBINS], ey[2][NBINS];
	int ne[2] = {0, 0};
	double t0 = pr[0].ta, span = pr[np - 1].ta - t0;
	for (int b = 0; b < NBINS; b++) {
		int have[2] = {0, 0};
		double best[2] = {0, 0}, bt[2] = {0, 0};
		for (size_t i = 0; i < np; i++) {
			if (!in_bin(&pr[i], t0, span, b))
				continue;
			int aup = (c->client_cap == 0) == (int)pr[i].c2s;
			int d = aup ? 0 : 1;
			if (!have[d] || (d == 0 ? pr[i].diff < best[d] : pr[i].diff > best[d])) {
				best[d] = pr[i].diff;
				bt[d] = pr[i].ta;
				have[d] = 1;
			}
		}
		for (int d = 0; d < 2; d++)
			if (have[d]) {
				ex[d][ne[d]] = bt[d];
				ey[d][ne[d]] = best[d];
				ne[d]++;
			}
		if (span <= 0)
			break;
	}
	c->tref = t0;
	double a[2] = {0, 0}, sl[2] = {0, 0};
	for (int d = 0; d < 2; d++)
		if (ne[d])
			linfit(ex[d], ey[d], ne[d], t0, &a[d], &sl[d]);
	/* the slope of a direction counts only over a long enough span with
	 * enough envelope points (otherwise it is noise); the intercepts are
	 * then refitted with the common slope */
	int ok[2];
	for (int d = 0; d < 2; d++)
		ok[d] = span >= 2.0 && ne[d] >= 2 && ex[d][ne[d] - 1] - ex[d][0] >= 1.0;
	double slope = ok[0] && ok[1] ? (sl[0] + sl[1]) / 2 : ok[0] ? sl[0] : ok[1] ? sl[1] : 0;
	/* real clocks drift by ppm, not percent: a larger slope is a bad fit */
	if (!(slope > -0.01 && slope < 0.01))
		slope = 0;
	double inter[2] = {0, 0};
	for (int d = 0; d < 2; d++) {
		for (int i = 0; i < ne[d]; i++)
			inter[d] += ey[d][i] - slope * (ex[d][i] - t0);
		if (ne[d])
			inter[d] /= ne[d];
	}
	c->drift = slope;
	c->off0 = ne[0] && ne[1] ? (inter[0] + inter[1]) / 2 : ne[0] ? inter[0] : inter[1];
	c->fit_bins = ne[0] < ne[1] ? ne[0] : ne[1];
}

/* A packet never arrives before it was sent: the offset lies between the
 * largest (tB - tA) of packets B sent and the smallest of packets A sent
 * (drift removed); a fit outside that range is moved to its edge. */
static void clamp_offset(struct cmp *c, const struct pair1 *pr, size_t np)
{
	double up_min = 0, down_max = 0;
	int hu = 0, hd = 0;
	for (size_t i = 0; i < np; i++) {
		double res = pr[i].diff - c->drift * (pr[i].ta - c->tref);
		if ((c->client_cap == 0) == (int)pr[i].c2s) {
			if (!hu || res < up_min)
				up_min = res;
			hu = 1;
		} else {
			if (!hd || res > down_max)
				down_max = res;
			hd = 1;
		}
	}
	if (!(hu && hd && down_max > up_min)) {
		if (hu && c->off0 > up_min)
			c->off0 = up_min;
		if (hd && c->off0 < down_max)
			c->off0 = down_max;
	}
}

/* The largest one-way delay in the sample sizes the matching window; the
 * smallest and largest of each path place a packet's expected arrival. */
static int delay_bounds(struct cmp *c, const struct pair1 *pr, size_t np, char *err)
{
	double dmax = 0;
	double *dl = malloc((np + 1) * sizeof *dl);
	if (!dl) {
		snprintf(err, CMP_ERR, "out of memory");
		return -1;
	}
	for (int path = 0; path < 2; path++) {
		size_t nd = 0;
		for (size_t i = 0; i < np; i++) {
			if ((pr[i].c2s ? 0 : 1) != path)
				continue;
			double off = c->off0 + c->drift * (pr[i].ta - c->tref);
			int aup = (c->client_cap == 0) == (int)pr[i].c2s;
			double d = aup ? pr[i].diff - off : off - pr[i].diff;
			if (dabs(d) > dmax)
				dmax = dabs(d);
			dl[nd++] = d;
		}
		if (nd) {
			qsort(dl, nd, sizeof *dl, cmp_dbl);
			c->dlo[path] = dl[0] > 0 ? dl[0] : 0;
			c->dhi[path] = dl[nd - 1] > c->dlo[path] ? dl[nd - 1] : c->dlo[path];
		} else {
			c->dlo[path] = c->dhi[path] = -1;
		}
	}
	for (int path = 0; path < 2; path++)
		if (c->dlo[path] < 0) {
			c->dlo[path] = c->dlo[!path] > 0 ? c->dlo[!path] : 0;
			c->dhi[path] = c->dhi[!path] > 0 ? c->dhi[!path] : 0;
		}
	free(dl);
	c->dmax = dmax;
	c->window = c->window_opt > 0 ? c->window_opt : 2.0 + 2 * dmax;
	return 0;
}

/* One capture saw nothing (a router dropped everything before it): assume
 * both ran at the same time; the other is the client side unless it shows a
 * server answering SYNs from its own stack. */
static void one_empty(struct cmp *c)
{
	int k = c->npk[0] ? 0 : 1;
	cmp_sample_free(c);
	c->empty_cap = !k;
	c->client_cap = c->sm.initsa[k] > c->sm.initsyn[k] ? !k : k;
	c->role_why = "empty";
	c->tref = c->first[k];
	c->first[!k] = c->first[k];
	c->last[!k] = c->last[k];
	c->window = c->window_opt > 0 ? c->window_opt : 2.0;
}

int cmp_clock_fit(struct cmp *c, char *err)
{
	/* pass 1's tables are kept (which directions each capture saw of each
	 * connection); pass 2 rebuilds its own */
	for (int k = 0; k < 2; k++) {
		struct ctab t = c->ct1[k];
		c->ct1[k] = c->ct[k];
		c->ct[k] = t;
	}
	if (!c->npk[0] && !c->npk[1]) {
		snprintf(err, CMP_ERR, "%s and %s: no IP packets to compare", c->name[0], c->name[1]);
		return -1;
	}
	if (!c->npk[0] || !c->npk[1]) {
		one_empty(c);
		return 0;
	}
	struct pair1 *pr = NULL;
	long np = sample_pairs(c, &pr, err);
	if (np < 0)
		return -1;
	c->fit_pairs = (uint64_t)np;
	infer_role(c, pr, (size_t)np);
	fit_offset(c, pr, (size_t)np);
	clamp_offset(c, pr, (size_t)np);
	int rc = delay_bounds(c, pr, (size_t)np, err);
	free(pr);
	return rc;
}

double cmp_to_ref(const struct cmp *c, int cap, double t)
{
	if (cap == 0)
		return t;
	return (t - c->off0 + c->drift * c->tref) / (1 + c->drift);
}

double cmp_abs_in(const struct cmp *c, int k, double tc)
{
	double t = k == 0 ? tc : tc + c->off0 + c->drift * (tc - c->tref);
	return (double)c->base + t;
}

/* Adds s to every client->server delay and takes it from every
 * server->client one: the offset moved by s. */
static void shift_delays(struct cmp *c, double s)
{
	for (int d = 0; d < 2; d++) {
		struct reservoir *r = &c->delay[d];
		double x = d ? -s : s;
		size_t n = r->n < RES_MAX ? (size_t)r->n : RES_MAX;
		for (size_t i = 0; i < n; i++)
			r->v[i] += x;
		if (r->n) {
			r->min += x;
			r->max += x;
			r->sum += x * (double)r->n;
		}
	}
	c->off0 += c->client_cap == 0 ? -s : s;
}

/* One-way delays are never negative: the pass-1 fit saw a sample; if a
 * matched packet still arrived "before" it left, move the offset (when the
 * other direction allows it), and read rounding noise as zero. */
void cmp_fix_negative_delays(struct cmp *c)
{
	struct reservoir *r0 = &c->delay[0], *r1 = &c->delay[1];
	if (r0->n && r0->min < 0 && (!r1->n || r1->min + r0->min >= 0))
		shift_delays(c, -r0->min);
	else if (r1->n && r1->min < 0 && (!r0->n || r0->min + r1->min >= 0))
		shift_delays(c, r1->min);
	for (int d = 0; d < 2; d++) {
		struct reservoir *r = &c->delay[d];
		size_t n = r->n < RES_MAX ? (size_t)r->n : RES_MAX;
		for (size_t i = 0; i < n; i++)
			if (r->v[i] < 0 && r->v[i] > -1e-9)
				r->v[i] = 0;
		if (r->n && r->min < 0 && r->min > -1e-9)
			r->min = 0;
	}
}

/* Both passes; the header is printed between them (unless quiet). */
