/*
 * fuzz_file.c - a whole capture file through synack's file reading path
 * (capture_open_file: libpcap's header checks, then synack's own block
 * reader for classic pcap or libpcap's reader for pcapng and the rest),
 * printing every packet and feeding it to the TCP tracker as
 * `synack --analyze` does.
 *
 * The input is written to a memfd and opened as /proc/self/fd/N, the same
 * path-based open synack does for -r.  The options come from the input size
 * (size % 8: -v count and -e) so the file bytes stay a real capture.
 *
 * With FUZZ_DIFF=1 in the environment every input is read twice, with the
 * fast reader and with libpcap's (SYNACK_NO_FASTREAD), and the printed output,
 * the packet count and the error status must agree: a difference aborts.
 * (The libpcap run happens in a forked child, see below.)
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../src/capture.h"
#include "../src/decode/decode.h"
#include "../src/util/out.h"
#include "../src/print/print.h"
#include "../src/tcp/track.h"
#include "../src/pipeline.h"
#include "../src/taps.h"
#include "fuzz.h"

static struct out out;

struct run {
	struct pipeline pl;
	struct tap_print tp;
	struct capture cap;
};

static void on_packet(void *user, const struct pcap_pkthdr *h, const uint8_t *bytes)
{
	struct run *r = user;
	pipeline_packet(&r->pl, r->cap.linktype, h, bytes);
}

/* Counts a connection's Zeek state too, as `synack conns` would print it. */
static int state_packet(void *self, const struct pkt_ctx *px)
{
	(void)self;
	(void)px;
	return 0;
}
static void state_conn(void *self, const struct conn *c)
{
	(void)self;
	(void)conn_state(c);
}
static const struct tap_ops state_ops = {"conn-state", state_packet, state_conn, NULL, NULL, NULL};

/* Reads the capture at path; returns the loop status (0 / -1 / -2 open failed). */
static int run_file(const char *path, const struct opts *o, int outfd, uint64_t *count)
{
	static struct run r;
	char err[ERRBUF] = "";
	out_init(&out, outfd);
	if (capture_open_file(&r.cap, path, o, err) < 0) {
		if (r.cap.p)
			capture_close(&r.cap);
		*count = 0;
		return -2;
	}
	if (capture_filter(&r.cap, NULL, 0, 1, err) < 0) {
		capture_close(&r.cap);
		*count = 0;
		return -2;
	}
	/* the --analyze mode: tracker + print with tags (the same taps main.c builds) */
	pipeline_init(&r.pl, o->tstamp_precision);
	struct tracker_cfg cfg;
	memset(&cfg, 0, sizeof cfg);
	cfg.lazy_idle = 1;
	cfg.max_conns = 16;
	pipeline_track(&r.pl, &cfg);
	print_init(&r.tp.pr, o, &out, r.cap.linktype);
	r.tp.out = &out;
	r.tp.tags = 1;
	pipeline_add(&r.pl, &tap_print_ops, &r.tp);
	pipeline_add(&r.pl, &state_ops, NULL);
	int rc = capture_loop(&r.cap, 0, on_packet, &r, NULL, err);
	pipeline_finish(&r.pl, "end of capture");
	*count = r.pl.count;
	pipeline_free(&r.pl);
	out_flush(&out);
	capture_close(&r.cap);
	return rc;
}

static int slurp_cmp(int a, int b)
{
	off_t la = lseek(a, 0, SEEK_END), lb = lseek(b, 0, SEEK_END);
	if (la != lb)
		return 1;
	char ba[65536], bb[65536];
	lseek(a, 0, SEEK_SET);
	lseek(b, 0, SEEK_SET);
	for (;;) {
		ssize_t ka = read(a, ba, sizeof ba), kb = read(b, bb, sizeof bb);
		if (ka != kb)
			return 1;
		if (ka <= 0)
			return 0;
		if (memcmp(ba, bb, (size_t)ka) != 0)
			return 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int null_fd = -1;
	if (null_fd < 0)
		null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	int fd = memfd_create("fuzz-capture", MFD_CLOEXEC);
	if (fd < 0 || null_fd < 0)
		abort(); /* the harness, not synack, is broken */
	size_t off = 0;
	while (off < size) {
		ssize_t k = write(fd, data + off, size - off);
		if (k <= 0)
			abort();
		off += (size_t)k;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	struct opts o;
	memset(&o, 0, sizeof o);
	o.nflag = 2;
	o.numflag = 1;
	o.vflag = (int)(size & 3);
	o.eflag = (int)((size >> 2) & 1);
	const char *diff = getenv("FUZZ_DIFF");
	int do_diff = diff && strcmp(diff, "1") == 0;
	if (diff && !strcmp(diff, "all")) /* the same as 1 (kept for tests/fuzz/replay.sh) */
		do_diff = 1;
	if (!do_diff) {
		uint64_t n;
		run_file(path, &o, null_fd, &n);
		close(fd);
		return 0;
	}
	int fa = memfd_create("fuzz-out-fast", MFD_CLOEXEC), fb = memfd_create("fuzz-out-pcap", MFD_CLOEXEC);
	if (fa < 0 || fb < 0)
		abort();
	/*
	 * The printers keep state across packets in statics (print/tcp.c's
	 * relative sequence numbers), so the libpcap run goes in a child forked
	 * before the fast run: both start from the same state.
	 */
	uint64_t na, nb = 0;
	int rb = 0, pfd[2];
	if (pipe(pfd) < 0)
		abort();
	pid_t pid = fork();
	if (pid < 0)
		abort();
	if (pid == 0) {
		setenv("SYNACK_NO_FASTREAD", "1", 1);
		int r = run_file(path, &o, fb, &nb);
		int64_t msg[2] = {r, (int64_t)nb};
		(void)!write(pfd[1], msg, sizeof msg);
		_exit(0);
	}
	close(pfd[1]);
	int64_t msg[2] = {0, 0};
	ssize_t got; /* libFuzzer's SIGALRM watchdog interrupts blocking calls */
	do
		got = read(pfd[0], msg, sizeof msg);
	while (got < 0 && errno == EINTR);
	close(pfd[0]);
	int wst = 0;
	while (waitpid(pid, &wst, 0) < 0 && errno == EINTR)
		;
	if (got != (ssize_t)sizeof msg || !WIFEXITED(wst) || WEXITSTATUS(wst) != 0) {
		fprintf(stderr, "fuzz_file: the libpcap-reader run died (status %d)\n", wst);
		abort();
	}
	rb = (int)msg[0];
	nb = (uint64_t)msg[1];
	unsetenv("SYNACK_NO_FASTREAD");
	int ra = run_file(path, &o, fa, &na);
	if (ra != rb || na != nb || slurp_cmp(fa, fb)) {
		fprintf(stderr, "fuzz_file: fast reader and libpcap disagree: status %d/%d, packets %llu/%llu\n", ra, rb,
			(unsigned long long)na, (unsigned long long)nb);
		abort();
	}
	close(fa);
	close(fb);
	close(fd);
	return 0;
}
