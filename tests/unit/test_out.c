/* Unit tests for print/out.c: integer, hex and padded formatting, buffer flushing. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "util/out.h"

static struct out o;

/* Capture what a formatting call appends (buffer is never flushed here). */
#define FMT(call) (o.len = 0, (call), o.buf[o.len] = 0, o.buf)

int main(void)
{
	out_init(&o, -1);
	CHECK_STR(FMT(out_u64(&o, 0)), "0");
	CHECK_STR(FMT(out_u64(&o, 18446744073709551615ULL)), "18446744073709551615");
	CHECK_STR(FMT(out_i64(&o, -42)), "-42");
	CHECK_STR(FMT(out_i64(&o, INT64_MIN)), "-9223372036854775808");
	CHECK_STR(FMT(out_u64w(&o, 7, 6)), "000007");
	CHECK_STR(FMT(out_u64w(&o, 1234567, 6)), "1234567");
	CHECK_STR(FMT(out_u64sp(&o, 1, 5)), "    1");
	CHECK_STR(FMT(out_u64sp(&o, 123456, 5)), "123456");
	CHECK_STR(FMT(out_hex(&o, 0xabc, 4)), "0abc");
	CHECK_STR(FMT(out_hex(&o, 0, 0)), "0");
	CHECK_STR(FMT(out_hex(&o, 0xdeadbeefcafeULL, 2)), "deadbeefcafe");
	CHECK_STR(FMT(out_fmt(&o, "%s-%d", "x", 5)), "x-5");
	/* Every digit-count boundary on both the 32-bit and the 64-bit paths, padded and not. */
	{
		int bad = 0;
		uint64_t p10 = 1;
		for (int d = 0; d < 20; d++, p10 *= 10) {
			uint64_t vals[] = {p10 - 1, p10, p10 + 1, p10 * 3 + 7};
			for (int k = 0; k < 4; k++) {
				for (int w = 0; w < 12; w += 5) {
					char want[64];
					snprintf(want, sizeof want, "%0*llu", w, (unsigned long long)vals[k]);
					if (strcmp(FMT(out_u64w(&o, vals[k], w)), want) != 0)
						bad++;
				}
			}
		}
		CHECK(bad == 0);
	}

	/* Flushing: write through a pipe and read back more than one buffer's worth. */
	int fds[2];
	CHECK(pipe(fds) == 0);
	if (fork() == 0) {
		close(fds[0]);
		struct out *w = malloc(sizeof *w);
		out_init(w, fds[1]);
		for (int i = 0; i < 100000; i++)
			out_str(w, "0123456789");
		out_flush(w);
		_exit(w->err ? 1 : 0);
	}
	close(fds[1]);
	char buf[65536];
	long total = 0;
	ssize_t n;
	int bad = 0;
	while ((n = read(fds[0], buf, sizeof buf)) > 0) {
		for (ssize_t i = 0; i < n; i++)
			if (buf[i] != '0' + (char)((total + i) % 10))
				bad = 1;
		total += n;
	}
	CHECK(total == 1000000);
	CHECK(!bad);

	/* A write error is remembered and does not spin. */
	struct out *e = malloc(sizeof *e);
	out_init(e, -1);
	out_str(e, "x");
	CHECK(out_flush(e) == -1);
	CHECK(e->err != 0);
	return check_done("test_out");
}
