/*
 * fuzz_track.c - a sequence of packets through the analysis pipeline, as
 * `synack diagnose` and `synack conns` run it (src/pipeline.h): decode, the
 * capture-duplicate filter (optional), the TCP tracker, then the taps: diag,
 * conns, and a tap here that runs every per-packet tag formatter.
 *
 * Input: byte 0 picks the link type (fuzz_linktypes), byte 1 the options
 * (bit 0 --json for diagnose and conns, bit 1 nanosecond timestamps, bits 2-4
 * the connection-table cap, 1..8 connections so eviction is exercised, bit 5
 * lazy idle expiry (files), bit 6 live mode, bit 7 the duplicate filter);
 * then chunks of [length: 2 bytes big-endian][time step: 1 byte][bytes].
 * The time step adds 0..255 ms (255 adds 10 minutes, 254 goes 1 s back, 253
 * also runs a live capture's quiet-moment tick) so idle timeouts and time
 * going backwards are both reached.  The last chunk may be cut short.  Output
 * goes to /dev/null.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "../src/pipeline.h"
#include "../src/taps.h"
#include "../src/util/out.h"
#include "fuzz.h"

static struct out out;
static int null_fd = -1;

/* Every TCP packet's tags through both formatters, with the buffer sizes the taps use. */
static int tags_tap_packet(void *self, const struct pkt_ctx *px)
{
	(void)self;
	if (!px->pk || !px->res)
		return 0;
	char buf[256]; /* tap_print's size */
	size_t n = tcp_tags_format(px->res, buf, sizeof buf);
	if (n >= sizeof buf)
		__builtin_trap();
	char jb[1024]; /* tap_analyze_json's size */
	n = tcp_tags_json(px->res, px->num, jb, sizeof jb);
	if (n >= sizeof jb)
		__builtin_trap();
	if (px->res->conn)
		(void)conn_state(px->res->conn);
	return 0;
}

static void tags_tap_conn(void *self, const struct conn *c)
{
	(void)self;
	(void)conn_state(c);
	(void)conn_hs_rtt(c);
}

static const struct tap_ops tags_tap_ops = {"fuzz-tags", tags_tap_packet, tags_tap_conn, NULL, NULL, NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	if (null_fd < 0) {
		null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
		if (null_fd < 0)
			return 0;
		out_init(&out, null_fd);
	}
	int dlt = fuzz_linktypes[data[0] % FUZZ_NLINKTYPES];
	uint8_t fl = data[1];
	int json = fl & 1, nano = (fl >> 1) & 1, live = (fl >> 6) & 1;
	struct tracker_cfg cfg;
	memset(&cfg, 0, sizeof cfg);
	cfg.max_conns = (size_t)((fl >> 2) & 7) + 1;
	cfg.idle_timeout = 120;
	cfg.close_linger = 2;
	cfg.lazy_idle = (fl >> 5) & 1;

	struct pipeline pl;
	pipeline_init(&pl, nano);
	struct tap_diag td = {diag_new(&out, json, live)};
	struct tap_conns tc = {conns_report_new(&out, json, live, nano)};
	if (pipeline_track(&pl, &cfg) < 0 || ((fl >> 7) && pipeline_dedup(&pl) < 0) || !td.diag || !tc.report) {
		diag_free(td.diag);
		conns_report_free(tc.report);
		pipeline_free(&pl);
		return 0;
	}
	pipeline_add(&pl, &tags_tap_ops, NULL);
	pipeline_add(&pl, &tap_conns_ops, &tc);
	pipeline_add(&pl, &tap_diag_ops, &td);

	int64_t sec = 1700000000;
	int64_t frac = 0;
	int64_t unit = nano ? 1000000000 : 1000000;
	size_t off = 2;
	while (size - off >= 3 && !pl.stopped) {
		size_t len = (size_t)data[off] << 8 | data[off + 1];
		uint8_t step = data[off + 2];
		off += 3;
		if (len > size - off)
			len = size - off;
		if (step == 255)
			sec += 600;
		else if (step == 254)
			sec -= 1;
		else
			frac += (int64_t)step * (unit / 1000);
		while (frac >= unit) {
			frac -= unit;
			sec++;
		}
		struct pcap_pkthdr h;
		memset(&h, 0, sizeof h);
		h.ts.tv_sec = (time_t)sec;
		h.ts.tv_usec = (suseconds_t)frac; /* nanoseconds when nano, as libpcap hands them */
		h.caplen = (uint32_t)len;
		h.len = (uint32_t)len + (step & 3);
		pipeline_packet(&pl, dlt, &h, data + off);
		if (step == 253)
			pipeline_tick(&pl, (double)sec + (double)frac / (double)unit);
		off += len;
	}
	pipeline_finish(&pl, live ? "capture stopped" : "end of capture");
	pipeline_free(&pl);
	out_flush(&out);
	return 0;
}
