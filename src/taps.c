/* taps.c - the taps every mode is built from (see taps.h). */
#include "taps.h"

#include <string.h>

/* ---- writer: -w ---------------------------------------------------------- */

static int writer_tap_packet(void *self, const struct pkt_ctx *px)
{
	struct tap_writer *t = self;
	int rc = writer_write(&t->w, px->h, px->bytes, t->err);
	if (rc < 0) {
		t->failed = 1;
		return 1;
	}
	if (rc == 1) {
		t->limit = 1;
		return 1;
	}
	return 0;
}

const struct tap_ops tap_writer_ops = {"writer", writer_tap_packet, NULL, NULL, NULL, NULL};

/* ---- print: tcpdump lines ------------------------------------------------ */

static int print_tap_packet(void *self, const struct pkt_ctx *px)
{
	struct tap_print *t = self;
	char tagbuf[256];
	const char *tag = NULL;
	if (t->tags && px->res && tcp_tags_format(px->res, tagbuf, sizeof tagbuf) > 0)
		tag = tagbuf;
	print_packet(&t->pr, px->h, px->bytes, px->num, tag);
	if (t->flush_each)
		out_flush(t->out);
	return 0;
}

const struct tap_ops tap_print_ops = {"print", print_tap_packet, NULL, NULL, NULL, NULL};

/* ---- --analyze --json ---------------------------------------------------- */

static int analyze_json_packet(void *self, const struct pkt_ctx *px)
{
	struct tap_analyze_json *t = self;
	if (px->pk && px->res && px->pk->has_tcp) {
		char jb[1024];
		size_t n = tcp_tags_json(px->res, px->num, jb, sizeof jb);
		out_mem(t->out, jb, n < sizeof jb ? n : sizeof jb - 1);
	}
	return 0;
}

const struct tap_ops tap_analyze_json_ops = {"analyze-json", analyze_json_packet, NULL, NULL, NULL, NULL};

/* ---- conns --------------------------------------------------------------- */

static int no_packet(void *self, const struct pkt_ctx *px)
{
	(void)self;
	(void)px;
	return 0;
}

static void conns_tap_conn(void *self, const struct conn *c)
{
	struct tap_conns *t = self;
	conns_report_add(t->report, c);
}

static int conns_tap_finish(void *self, struct pipeline *pl)
{
	struct tap_conns *t = self;
	conns_report_finish(t->report, pl->trk ? tracker_conns_seen(pl->trk) : 0, pl->trk ? tracker_overflow(pl->trk) : 0);
	return 0;
}

static void conns_tap_release(void *self)
{
	struct tap_conns *t = self;
	conns_report_free(t->report);
	t->report = NULL;
}

const struct tap_ops tap_conns_ops = {"conns", no_packet, conns_tap_conn, NULL, conns_tap_finish, conns_tap_release};

/* ---- diagnose ------------------------------------------------------------ */

static int diag_tap_packet(void *self, const struct pkt_ctx *px)
{
	struct tap_diag *t = self;
	if (px->pk && px->res)
		diag_packet(t->diag, px->pk, px->res, px->bytes, px->h->caplen);
	return 0;
}

static void diag_tap_conn(void *self, const struct conn *c)
{
	struct tap_diag *t = self;
	diag_conn_done(t->diag, c);
}

static void diag_tap_stop(void *self)
{
	struct tap_diag *t = self;
	diag_stop_live(t->diag);
}

static int diag_tap_finish(void *self, struct pipeline *pl)
{
	(void)pl;
	struct tap_diag *t = self;
	return diag_finish(t->diag);
}

static void diag_tap_release(void *self)
{
	struct tap_diag *t = self;
	diag_free(t->diag);
	t->diag = NULL;
}

const struct tap_ops tap_diag_ops = {"diag", diag_tap_packet, diag_tap_conn, diag_tap_stop, diag_tap_finish, diag_tap_release};

void tap_capture_info(struct diag_capture_info *ci, const struct pipeline *pl, int known, uint64_t recv,
		      uint64_t drops)
{
	memset(ci, 0, sizeof *ci);
	if (pl->dedup) {
		ci->dup_forwarded = dedup_forwarded(pl->dedup);
		ci->dup_identical = dedup_identical(pl->dedup);
	}
	ci->drops_known = known;
	ci->kernel_recv = recv;
	ci->kernel_drops = drops;
}
