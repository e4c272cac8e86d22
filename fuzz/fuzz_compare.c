/*
 * fuzz_compare.c - two capture files through `synack compare` (the
 * two-capture matcher, src/compare/), whole: reading, the client/server
 * inference, the clock fit and the sliding-window match.
 *
 * Input: byte 0 the options (bit 0 --json, bit 1 --ladder, bit 2 a filter
 * "tcp"), bytes 1-3 the length of the first file (big-endian, 24 bits), then
 * the first file, then the second.  Each is written to a memfd and passed as
 * /proc/self/fd/N.  The files go through the same module calls as
 * `synack compare` in main.c (compare_new, compare_run, compare_finish,
 * compare_free); the report goes to an output buffer on /dev/null.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../src/compare/compare.h"
#include "../src/util/out.h"
#include "fuzz.h"

static int memfd_with(const uint8_t *p, size_t n)
{
	int fd = memfd_create("fuzz-cmp", MFD_CLOEXEC);
	if (fd < 0)
		abort();
	size_t off = 0;
	while (off < n) {
		ssize_t k = write(fd, p + off, n - off);
		if (k <= 0)
			abort();
		off += (size_t)k;
	}
	return fd;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct out o;
	static int ready;
	if (!ready) {
		int null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
		if (null_fd < 0)
			abort();
		out_init(&o, null_fd);
		ready = 1;
	}
	if (size < 4)
		return 0;
	size_t la = (size_t)data[1] << 16 | (size_t)data[2] << 8 | data[3];
	if (la > size - 4)
		la = size - 4;
	int fa = memfd_with(data + 4, la), fb = memfd_with(data + 4 + la, size - 4 - la);
	char pa[64], pb[64];
	snprintf(pa, sizeof pa, "/proc/self/fd/%d", fa);
	snprintf(pb, sizeof pb, "/proc/self/fd/%d", fb);
	struct compare_opts co;
	memset(&co, 0, sizeof co);
	co.json = data[0] & 1;
	co.ladder = (data[0] & 2) != 0;
	co.filter = data[0] & 4 ? "tcp" : NULL;
	char err[512];
	struct cmp *c = compare_new(pa, pb, &co, &o, NULL, err, sizeof err);
	if (c && compare_run(c, err, sizeof err) == 0)
		compare_finish(c);
	compare_free(c);
	out_flush(&o);
	close(fa);
	close(fb);
	return 0;
}
