/*
 * fuzz_track.c - a sequence of packets through decode_packet, the TCP
 * tracker (with every per-packet tag formatter) and diagnose.
 *
 * Input: byte 0 picks the link type (fuzz_linktypes), byte 1 the options
 * (bit 0 diagnose --json, bit 1 nanosecond timestamps, bits 2-4 the
 * connection-table cap, 1..8 connections so eviction is exercised); then
 * chunks of [length: 2 bytes big-endian][time step: 1 byte][bytes].  The
 * time step adds 0..255 ms (255 adds 10 minutes, 254 goes 1 s back) so idle
 * timeouts and time going backwards are both reached.  The last chunk may be
 * cut short.  Output goes to /dev/null.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "../src/decode/decode.h"
#include "../src/diag/diag.h"
#include "../src/util/out.h"
#include "../src/tcp/track.h"
#include "fuzz.h"

static struct out out;
static int null_fd = -1;

struct ctx {
	struct diag *diag;
	int done;
};

static void on_done(void *user, const struct conn *c)
{
	struct ctx *x = user;
	x->done++;
	(void)conn_state(c);
	if (x->diag)
		diag_conn_done(x->diag, c);
}

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
	struct ctx x = {0};
	struct tracker_cfg cfg;
	memset(&cfg, 0, sizeof cfg);
	cfg.max_conns = (size_t)((fl >> 2) & 7) + 1;
	cfg.idle_timeout = 120;
	cfg.close_linger = 2;
	cfg.lazy_idle = (fl >> 5) & 1;
	x.diag = diag_new(&out, fl & 1, (fl >> 6) & 1);
	struct tracker *t = tracker_new(&cfg, on_done, &x);
	if (!t || !x.diag) {
		if (t)
			tracker_free(t);
		if (x.diag)
			diag_free(x.diag);
		return 0;
	}
	int nano = (fl >> 1) & 1;
	int64_t sec = 1700000000;
	int64_t frac = 0;
	int64_t unit = nano ? 1000000000 : 1000000;
	uint64_t num = 0;
	size_t off = 2;
	while (size - off >= 3) {
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
		struct pkt pk;
		memset(&pk, 0, sizeof pk);
		pk.num = ++num;
		pk.ts_sec = sec;
		pk.ts_frac = (uint32_t)frac;
		pk.ts_nano = nano;
		decode_packet(&pk, dlt, data + off, (uint32_t)len, (uint32_t)len + (step & 3));
		(void)pkt_time(&pk);
		struct tcp_result res;
		memset(&res, 0, sizeof res);
		tracker_packet(t, &pk, &res);
		diag_packet(x.diag, t, &pk, &res, data + off, (uint32_t)len);
		char buf[256]; /* the size main.c uses */
		size_t n = tcp_tags_format(&res, buf, sizeof buf);
		if (n >= sizeof buf)
			__builtin_trap();
		n = tcp_tags_json(&res, pk.num, buf, sizeof buf);
		if (n >= sizeof buf)
			__builtin_trap();
		if (step == 253)
			tracker_tick(t, pkt_time(&pk));
		off += len;
	}
	tracker_finish(t, "end of capture");
	(void)tracker_conns_seen(t);
	(void)tracker_overflow(t);
	diag_finish(x.diag);
	diag_free(x.diag);
	tracker_free(t);
	out_flush(&out);
	return 0;
}
