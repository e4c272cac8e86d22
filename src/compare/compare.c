/*
 * compare.c - `synack compare` as a module (compare.h): set-up, the two
 * passes, the report, release.  The passes live in input.c (reading),
 * clock.c (pass 1: clock fit), match.c (pass 2) and report.c (output); see
 * cmp_int.h.  Memory is bounded: the pass-1 sample is at most SAMPLE_MAX
 * packets per file, pass 2 holds the unmatched packets of the last window
 * (at most REC_MAX), connection tables are capped.  Every table starts small
 * and doubles as the input needs it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmp_int.h"

const char *const cmp_mod_name[CMP_NMODS] = {"nat", "mss", "wscale", "sackok", "timestamps", "dscp/ecn", "window", "payload"};
const char *const cmp_kind_name[CMP_NKINDS] = {"SYN", "SYN-ACK", "RST", "FIN", "data", "ACK", "other"};

/* Allocates the tables of c (fields already set by the caller). */
static int cmp_setup(struct cmp *c, char *err)
{
	c->empty_cap = -1;
	if (cmp_sample_init(c, err) < 0)
		return -1;
	for (int k = 0; k < 2; k++)
		if (cmp_ctab_init(&c->ct[k]) < 0 || cmp_ctab_init(&c->ct1[k]) < 0) {
			snprintf(err, CMP_ERR, "out of memory");
			return -1;
		}
	c->sbucket = calloc((size_t)1 << HBITS, sizeof *c->sbucket);
	c->rec = calloc(REC_START, sizeof *c->rec);
	c->rec_cap = c->rec ? REC_START : 0;
	c->bucket = calloc((size_t)1 << HBITS, sizeof *c->bucket);
	c->g = calloc(GCONN_START, sizeof *c->g);
	c->g_cap = GCONN_START;
	if (c->ladder_on)
		c->lad = ladder_new();
	if (!c->rec || !c->bucket || !c->sbucket || !c->g || (c->ladder_on && !c->lad)) {
		snprintf(err, CMP_ERR, "out of memory");
		return -1;
	}
	for (uint32_t i = 0; i < REC_START; i++)
		c->rec[i].fnext = i + 2 <= REC_START ? i + 2 : 0;
	c->freelist = 1;
	return 0;
}

static void cmp_release(struct cmp *c)
{
	ladder_free(c->lad);
	cmp_sample_free(c);
	for (int k = 0; k < 2; k++) {
		free(c->ct[k].slot);
		free(c->ct1[k].slot);
		c->ct[k].slot = c->ct1[k].slot = NULL;
	}
	free(c->rec);
	free(c->bucket);
	free(c->sbucket);
	free(c->g);
	free(c->defer);
	c->defer = NULL;
	c->sbucket = NULL;
	c->lad = NULL;
	c->rec = NULL;
	c->bucket = NULL;
	c->g = NULL;
}


struct cmp *compare_new(const char *a, const char *b, const struct compare_opts *co, struct out *out,
			struct cmp_result *res, char *err, size_t errlen)
{
	struct cmp *c = calloc(1, sizeof *c);
	char e[CMP_ERR] = "";
	if (!c) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	c->name[0] = a;
	c->name[1] = b;
	c->filter = co->filter;
	c->side_packet = co->side_packet;
	c->side_user = co->side_user;
	c->json = co->json;
	c->o = out;
	c->quiet = out == NULL;
	c->window_opt = co->window;
	c->ladder_on = co->ladder && out;
	c->ladder_sel = -1;
	if (co->ladder_conn) {
		char *end;
		long v = strtol(co->ladder_conn, &end, 10);
		if (*end || v <= 0)
			c->ladder_str = co->ladder_conn;
		else
			c->ladder_gid = v;
	}
	if (res) {
		memset(res, 0, sizeof *res);
		res->empty_cap = -1;
		c->res = res;
	}
	if (cmp_setup(c, e) < 0) {
		snprintf(err, errlen, "%s", e);
		compare_free(c);
		return NULL;
	}
	return c;
}

int compare_run(struct cmp *c, char *err, size_t errlen)
{
	char e[CMP_ERR] = "";
	int rc = -1;
	if (cmp_read_pass1(c, e) < 0 || cmp_clock_fit(c, e) < 0)
		goto done;
	/* each capture's span (first to last packet) in the reference clock: a
	 * packet is judged when it should have passed the other capture point
	 * while that capture ran */
	for (int k = 0; k < 2; k++) {
		c->span_lo[k] = cmp_to_ref(c, k, c->first[k]);
		c->span_hi[k] = cmp_to_ref(c, k, c->last[k]);
	}
	c->ov_lo = c->span_lo[0] > c->span_lo[1] ? c->span_lo[0] : c->span_lo[1];
	c->ov_hi = c->span_hi[0] < c->span_hi[1] ? c->span_hi[0] : c->span_hi[1];
	if (!c->quiet)
		cmp_header(c);
	if (cmp_read_pass2(c, e) < 0)
		goto done;
	cmp_fix_negative_delays(c);
	rc = 0;
done:
	if (rc < 0)
		snprintf(err, errlen, "%s", e);
	return rc;
}

int compare_finish(struct cmp *c)
{
	if (!c->quiet) {
		cmp_report(c);
		if (c->lad) {
			const char *lbl = c->ladder_sel >= 0 ? c->g[c->ladder_sel].label : NULL;
			ladder_print(c->lad, c->o, lbl, c->ladder_sel + 1, c->name[c->client_cap], c->name[!c->client_cap],
				     c->json);
		}
	}
	if (c->res)
		cmp_fill_result(c, c->res);
	return c->lost[0] + c->lost[1] + c->unexp[0] + c->unexp[1] + c->missed[0] + c->missed[1] ? 1 : 0;
}

void compare_free(struct cmp *c)
{
	if (!c)
		return;
	cmp_release(c);
	free(c);
}

/* ------------------------------------------------------------ library */

int compare_files(const char *a, const char *b, const char *filter, struct cmp_result *res, char *err, size_t errlen)
{
	struct compare_opts co;
	memset(&co, 0, sizeof co);
	co.filter = filter;
	struct cmp *c = compare_new(a, b, &co, NULL, res, err, errlen);
	if (!c)
		return -1;
	int rc = compare_run(c, err, errlen);
	if (rc == 0)
		compare_finish(c);
	compare_free(c);
	return rc;
}

int compare_same_traffic(const struct cmp_result *res)
{
	uint64_t small = res->tcp_pkts[0] < res->tcp_pkts[1] ? res->tcp_pkts[0] : res->tcp_pkts[1];
	if (res->empty_cap >= 0) /* the other capture shows unanswered traffic */
		return res->path[0].lost + res->path[1].lost > 0;
	if (res->matched_syn >= 3)
		return 1;
	return small > 0 && res->matched_tcp * 5 >= small;
}

/* ------------------------------------------------------------------ CLI */
