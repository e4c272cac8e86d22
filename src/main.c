/*
 * main.c - options -> mode -> taps.  The only place that prints fatal errors
 * and exits.  Options follow tcpdump 4.99 (same letters, same meaning, same
 * messages where a user or a script might look for them).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "capture.h"
#include "compare/compare.h"
#include "decode/decode.h"
#include "help.h"
#include "diag/diag.h"
#include "report/conns.h"
#include "util/community_id.h"
#include "report/html.h"
#include "tcp/track.h"
#include "opts.h"
#include "pipeline.h"
#include "taps.h"
#include "util/out.h"
#include "print/print.h"
#include "writer.h"
#include "sandbox.h"

#define SYNACK_VERSION "0.1.0"

static struct out stdout_buf;
static int error_status = 1; /* diagnose exits 2 on errors, 1 meaning "problems found" */

_Noreturn static void die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void die(int status, const char *fmt, ...)
{
	out_flush(&stdout_buf);
	va_list ap;
	va_start(ap, fmt);
	fputs("synack: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(status == 1 ? error_status : status);
}

static void usage(FILE *f)
{
	fprintf(f,
		"synack version " SYNACK_VERSION "\n%s\n"
		"Usage: synack [-AdDeflhKLnNpqStuUvxX#] [ -B size ] [ -c count ] [--count]\n"
		"\t\t[ -C file_size ] [ -F file ] [ -G seconds ] [ -i interface ]\n"
		"\t\t[ --immediate-mode ] [ -Q in|out|inout ] [ -r file ] [ -s snaplen ]\n"
		"\t\t[ --time-stamp-precision precision ] [ -w file ] [ -W filecount ]\n"
		"\t\t[ -y datalinktype ] [ -Z user ] [ --print ] [ --analyze ] [ expression ]\n",
		capture_lib_version());
}

/* Strict integer parsing: the whole string, within [lo, hi]. */
static int parse_long(const char *s, long lo, long hi, long *v)
{
	char *end;
	errno = 0;
	long x = strtol(s, &end, 10);
	if (errno || end == s || *end || x < lo || x > hi)
		return -1;
	*v = x;
	return 0;
}

static char *read_filter_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		die(1, "can't open %s: %s", path, strerror(errno));
	struct stat st;
	if (fstat(fd, &st) < 0)
		die(1, "can't stat %s: %s", path, strerror(errno));
	if (st.st_size < 0 || st.st_size > (1 << 24))
		die(1, "%s: file too large", path);
	char *buf = malloc((size_t)st.st_size + 1);
	if (!buf)
		die(1, "out of memory");
	size_t got = 0;
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			die(1, "read %s: %s", path, n < 0 ? strerror(errno) : "short read");
		got += (size_t)n;
	}
	close(fd);
	buf[got] = 0;
	/* '#' starts a comment to the end of the line, as in tcpdump. */
	for (size_t i = 0; i < got; i++)
		if (buf[i] == '#')
			while (i < got && buf[i] != '\n')
				buf[i++] = ' ';
	return buf;
}

static char *join_args(char **argv, int n)
{
	size_t len = 1;
	for (int i = 0; i < n; i++)
		len += strlen(argv[i]) + 1;
	char *s = malloc(len);
	if (!s)
		die(1, "out of memory");
	s[0] = 0;
	size_t off = 0;
	for (int i = 0; i < n; i++) {
		size_t k = strlen(argv[i]);
		if (i)
			s[off++] = ' ';
		memcpy(s + off, argv[i], k);
		off += k;
		s[off] = 0;
	}
	return s;
}

enum {
	OPT_IMMEDIATE = 256,
	OPT_COUNT,
	OPT_TSPREC,
	OPT_VERSION,
	OPT_HELP,
	OPT_PRINT,
	OPT_ANALYZE,
	OPT_JSON,
	OPT_NANO,
	OPT_MICRO,
	OPT_DIRECTION,
	OPT_FORMAT,
	OPT_CID_SEED,
};

static const struct option long_opts[] = {
	{"immediate-mode", no_argument, NULL, OPT_IMMEDIATE},
	{"count", no_argument, NULL, OPT_COUNT},
	{"time-stamp-precision", required_argument, NULL, OPT_TSPREC},
	{"nano", no_argument, NULL, OPT_NANO},
	{"micro", no_argument, NULL, OPT_MICRO},
	{"version", no_argument, NULL, OPT_VERSION},
	{"help", no_argument, NULL, OPT_HELP},
	{"print", no_argument, NULL, OPT_PRINT},
	{"analyze", no_argument, NULL, OPT_ANALYZE},
	{"json", no_argument, NULL, OPT_JSON},
	{"direction", required_argument, NULL, OPT_DIRECTION},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"community-id-seed", required_argument, NULL, OPT_CID_SEED},
	{"buffer-size", required_argument, NULL, 'B'},
	{"interface", required_argument, NULL, 'i'},
	{"list-interfaces", no_argument, NULL, 'D'},
	{"list-data-link-types", no_argument, NULL, 'L'},
	{"linktype", required_argument, NULL, 'y'},
	{"snapshot-length", required_argument, NULL, 's'},
	{"no-promiscuous-mode", no_argument, NULL, 'p'},
	{"relinquish-privileges", required_argument, NULL, 'Z'},
	{"number", no_argument, NULL, '#'},
	{"dont-verify-checksums", no_argument, NULL, 'K'},
	{"packet-buffered", no_argument, NULL, 'U'},
	{NULL, 0, NULL, 0}};

static int parse_direction(const char *s)
{
	if (strcasecmp(s, "in") == 0)
		return 1;
	if (strcasecmp(s, "out") == 0)
		return 2;
	if (strcasecmp(s, "inout") == 0)
		return 3;
	die(1, "unknown capture direction '%s'", s);
}

static void parse_args(int argc, char **argv, struct opts *o, int *print_too)
{
	int c;
	long v;
	o->promisc = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":AB:c:C:dDeF:G:hi:KlLnNpqr:s:StuUvw:W:xXy:Z:#Q:", long_opts, NULL)) != -1) {
		switch (c) {
		case 'A': o->Aflag++; break;
		case 'B':
			if (parse_long(optarg, 1, INT_MAX / 1024, &v) < 0)
				die(1, "invalid packet buffer size %s", optarg);
			o->bufsize_kib = (int)v;
			break;
		case 'c':
			if (parse_long(optarg, 1, LONG_MAX, &v) < 0)
				die(1, "invalid packet count %s", optarg);
			o->count = v;
			break;
		case 'C': {
			char *end;
			errno = 0;
			long long x = strtoll(optarg, &end, 10);
			long long mult = 1000000;
			if (*end == 'k' || *end == 'K')
				mult = 1024, end++;
			else if (*end == 'm' || *end == 'M')
				mult = 1024 * 1024, end++;
			else if (*end == 'g' || *end == 'G')
				mult = 1024LL * 1024 * 1024, end++;
			if (errno || end == optarg || *end || x < 1 || x > LLONG_MAX / mult)
				die(1, "invalid file size %s", optarg);
			o->Cflag = (long)(x * mult);
			break;
		}
		case 'd': o->dflag++; break;
		case 'D': o->list_ifaces = 1; break;
		case 'e': o->eflag = 1; break;
		case 'F': o->Ffile = optarg; break;
		case 'G':
			if (parse_long(optarg, 1, INT_MAX, &v) < 0)
				die(1, "invalid number of seconds %s", optarg);
			o->Gflag = v;
			break;
		case 'h': help_commands(stdout); usage(stdout); exit(0);
		case 'i': o->device = optarg; break;
		case 'K': o->Kflag = 1; break;
		case 'l': o->lflag = 1; break;
		case 'L': o->list_linktypes = 1; break;
		case 'n': o->nflag++; break;
		case 'N': break; /* host names are printed as given */
		case 'p': o->promisc = 0; break;
		case 'q': o->qflag++; break;
		case 'r':
			if (!o->rfile)
				o->rfile = optarg;
			if (o->nrfiles < 64)
				o->rfiles[o->nrfiles++] = optarg;
			else
				die(1, "too many -r files (at most 64)");
			break;
		case 's':
			if (parse_long(optarg, 0, 262144, &v) < 0)
				die(1, "invalid snaplen %s (must be >= 0 and <= 262144)", optarg);
			o->snaplen = (int)v;
			break;
		case 'S': o->Sflag = 1; break;
		case 't': o->tflag++; break;
		case 'u': break;
		case 'U': o->Uflag = 1; break;
		case 'v': o->vflag++; break;
		case 'w': o->wfile = optarg; break;
		case 'W':
			if (parse_long(optarg, 1, INT_MAX, &v) < 0)
				die(1, "invalid number of output files %s", optarg);
			o->Wflag = v;
			break;
		case 'x': o->xflag++; break;
		case 'X': o->Xflag++; break;
		case 'y': o->linktype = optarg; break;
		case 'Z': o->Zuser = optarg; break;
		case '#': o->numflag = 1; break;
		case 'Q': o->direction = parse_direction(optarg); break;
		case OPT_DIRECTION: o->direction = parse_direction(optarg); break;
		case OPT_IMMEDIATE: o->immediate = 1; break;
		case OPT_COUNT: o->count_only = 1; break;
		case OPT_TSPREC:
			if (strcmp(optarg, "micro") == 0)
				o->tstamp_precision = 0;
			else if (strcmp(optarg, "nano") == 0)
				o->tstamp_precision = 1;
			else
				die(1, "unsupported time stamp precision '%s'", optarg);
			break;
		case OPT_NANO: o->tstamp_precision = 1; break;
		case OPT_MICRO: o->tstamp_precision = 0; break;
		case OPT_VERSION:
			printf("synack version %s\n%s\n", SYNACK_VERSION, capture_lib_version());
			exit(0);
		case OPT_HELP: help_commands(stdout); usage(stdout); exit(0);
		case OPT_PRINT: *print_too = 1; break;
		case OPT_ANALYZE: o->analyze = 1; break;
		case OPT_JSON: o->json = 1; break;
		case OPT_FORMAT:
			/* --format json = --json; zeek = Zeek's conn.log TSV (conns only) */
			if (strcmp(optarg, "json") == 0)
				o->json = 1;
			else if (strcmp(optarg, "zeek") == 0)
				o->zeek = 1;
			else if (strcmp(optarg, "text") != 0)
				die(1, "unknown output format '%s' (text, json or zeek)", optarg);
			break;
		case OPT_CID_SEED: {
			char *end;
			errno = 0;
			v = strtol(optarg, &end, 0);
			if (errno || *end || end == optarg || v < 0 || v > 65535)
				die(1, "invalid Community ID seed '%s' (0 to 65535)", optarg);
			community_id_set_seed((uint16_t)v);
			break;
		}
		case ':':
			usage(stderr);
			die(1, "option requires an argument -- '%c'", optopt ? optopt : '?');
		default:
			usage(stderr);
			if (optopt)
				die(1, "invalid option -- '%c'", optopt);
			die(1, "unrecognized option '%s'", argv[optind - 1]);
		}
	}
	if (o->tflag > 5)
		o->tflag = 5;
	/* tflag: 0 default, 1..5 = -t .. -ttttt */
	o->nano = o->tstamp_precision;
	/* -W without -C or -G is accepted and has no effect, as in tcpdump. */
	if ((o->Cflag || o->Gflag) && !o->wfile)
		die(1, "-%c requires -w", o->Cflag ? 'C' : 'G');
	if (o->Ffile) {
		o->filter = read_filter_file(o->Ffile);
		if (optind < argc)
			fprintf(stderr, "synack: Warning: command line arguments ignored since -F used\n");
	} else if (optind < argc) {
		o->filter = join_args(argv + optind, argc - optind);
	}
}

struct run {
	struct opts *o;
	struct pipeline pl;
	struct capture cap;
	struct capture *files;  /* several -r files, merged by time */
	int nfiles;
	struct tap_writer tw;
	struct tap_print tp;
	struct tap_analyze_json tj;
	struct tap_conns tc;
	struct tap_diag td;
	int writing, printing;
	char err[ERRBUF];
	int drops_known;        /* kernel drops of the files read by run_merged() */
	uint64_t kernel_recv, kernel_drops;
	double stats_time;      /* live diagnose: when the kernel counters were last passed on */
};

/* Capture artefacts for diagnose and conns: recognised duplicates and kernel
 * drops (from cap, or what run_merged() collected when cap is NULL).  diagnose
 * gets them before its report; conns prints a line after its table (after=1). */
static void report_capture(struct run *r, struct capture *cap, int after)
{
	struct diag_capture_info ci;
	memset(&ci, 0, sizeof ci);
	if (r->pl.dedup) {
		ci.dup_forwarded = dedup_forwarded(r->pl.dedup);
		ci.dup_identical = dedup_identical(r->pl.dedup);
	}
	if (cap) {
		ci.drops_known = capture_drop_stats(cap, &ci.kernel_recv, &ci.kernel_drops);
	} else {
		ci.drops_known = r->drops_known;
		ci.kernel_recv = r->kernel_recv;
		ci.kernel_drops = r->kernel_drops;
	}
	if (r->td.diag && !after)
		diag_set_capture_info(r->td.diag, &ci);
	if (r->tc.report && after && !r->o->json && ci.drops_known && ci.kernel_drops)
		out_fmt(&stdout_buf, "%llu packets dropped by the kernel while capturing (%llu received by filter)\n",
			(unsigned long long)ci.kernel_drops, (unsigned long long)ci.kernel_recv);
}

/* Every packet from the source: count it (--count), else through the taps. */
static void on_packet(void *user, const struct pcap_pkthdr *h, const uint8_t *bytes)
{
	struct run *r = user;
	if (r->o->count_only) {
		r->pl.count++;
		return;
	}
	pipeline_packet(&r->pl, r->cap.linktype, h, bytes);
	if (r->pl.stopped) {
		if (r->tw.limit)
			fprintf(stderr, "Maximum file limit reached: %ld\n", r->o->Wflag);
		capture_stop(&r->cap);
	}
}

static void on_merged_packet(void *user, int idx, const struct pcap_pkthdr *h, const uint8_t *bytes)
{
	struct run *r = user;
	pipeline_packet(&r->pl, r->files[idx].linktype, h, bytes);
}

static void on_batch(void *user)
{
	struct run *r = user;
	if (r->td.diag && r->cap.live) {
		struct timespec mt;
		clock_gettime(CLOCK_MONOTONIC, &mt);
		double now = (double)mt.tv_sec + mt.tv_nsec / 1e9;
		if (now - r->stats_time >= 1.0) { /* kernel drops while the capture runs */
			r->stats_time = now;
			report_capture(r, &r->cap, 0);
		}
	}
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	pipeline_tick(&r->pl, (double)ts.tv_sec + ts.tv_nsec / 1e9);
	out_flush(&stdout_buf);
}

/* The analysis taps of conns / diagnose (tracker + table or findings). */
static void add_analysis_taps(struct run *r, const struct opts *o, int live)
{
	struct tracker_cfg tc = {0};
	if (live)
		tc.close_linger = 2; /* report closed connections soon */
	else
		tc.lazy_idle = 1;
	if (pipeline_track(&r->pl, &tc) < 0 || pipeline_dedup(&r->pl) < 0)
		die(1, "out of memory");
	if (o->mode == MODE_CONNS) {
		r->tc.report = conns_report_new(&stdout_buf, o->zeek ? CONNS_ZEEK : o->json ? CONNS_JSON : CONNS_TEXT, live, o->tstamp_precision);
		if (!r->tc.report)
			die(1, "out of memory");
		pipeline_add(&r->pl, &tap_conns_ops, &r->tc);
	} else if (o->mode == MODE_DIAGNOSE) {
		r->td.diag = diag_new(&stdout_buf, o->json, live);
		if (!r->td.diag)
			die(1, "out of memory");
		pipeline_add(&r->pl, &tap_diag_ops, &r->td);
	}
}

/* Several -r files (conns, diagnose): opened and filtered one by one, then read as one,
 * packets merged in time order.  Returns 0, or -1 when a file could not be read to its end. */
static int run_merged(struct run *r, struct opts *o, char *err)
{
	int n = o->nrfiles;
	r->files = calloc((size_t)n, sizeof *r->files);
	if (!r->files)
		die(2, "out of memory");
	r->nfiles = n;
	for (int i = 0; i < n; i++) {
		if (capture_open_file(&r->files[i], o->rfiles[i], o, err) < 0)
			die(2, "%s", err);
		if (capture_filter(&r->files[i], o->filter, 0, err) < 0)
			die(2, "%s", err);
		capture_want_file_stats(&r->files[i], o->rfiles[i]);
		char lt[128];
		capture_linktype_desc(r->files[i].linktype, lt, sizeof lt);
		fprintf(stderr, "reading from file %s, link-type %s, snapshot length %d\n", o->rfiles[i], lt,
			r->files[i].snaplen);
	}
	int status = capture_loop_merged(r->files, n, o->count, on_merged_packet, r, err);
	if (status < 0)
		fprintf(stderr, "synack: %s\n", err);
	r->drops_known = 0;
	r->kernel_recv = r->kernel_drops = 0;
	for (int i = 0; i < n; i++) {
		uint64_t recv, drops;
		if (capture_drop_stats(&r->files[i], &recv, &drops)) {
			r->drops_known = 1;
			r->kernel_recv += recv;
			r->kernel_drops += drops;
		}
		capture_close(&r->files[i]);
	}
	free(r->files);
	r->files = NULL;
	r->nfiles = 0;
	return status;
}

/* Two vantage points: what goes before one side's report (see run_vantage_pair). */
struct pair_tap {
	struct diag *diag;
	const struct cmp_result *cr;
	int json, side, k, paths_done;
	int unused;
};

static int pair_tap_packet(void *self, const struct pkt_ctx *px)
{
	(void)self;
	(void)px;
	return 0;
}

static int pair_tap_finish(void *self, struct pipeline *pl)
{
	(void)pl;
	struct pair_tap *t = self;
	int found = 0;
	if (t->side == 1 && !diag_saw_traffic(t->diag)) {
		found += diag_paths(&stdout_buf, t->json, t->cr);
		t->paths_done = 1;
		if (!t->json)
			out_char(&stdout_buf, '\n');
	}
	if (t->k && !t->json)
		out_char(&stdout_buf, '\n');
	return found;
}

static const struct tap_ops pair_tap_ops = {"vantage-pair", pair_tap_packet, NULL, NULL, pair_tap_finish, NULL};

/* diagnose -r A -r B where A and B are two captures of the same traffic (one
 * near the client, one near the server): each is diagnosed on its own (merged
 * they would count every packet twice), and the path between them from synack
 * compare's matcher.  The first finding printed is the one to act on: the
 * server side's report comes first (what the server did with what reached
 * it), then the path (what was lost between the two points), then the client
 * side's (mostly the same trouble seen from afar); when nothing reached the
 * server capture, the path comes first: the loss on the way is the finding.
 * Returns the exit status. */
static int run_vantage_pair(struct run *r, struct opts *o, const struct cmp_result *cr, char *err)
{
	int found = 0, failed = 0, paths_done = 0;
	for (int k = 0; k < 2; k++) {
		int side = k == 0 ? 1 : 0;     /* server side first */
		int idx = side == 0 ? cr->client_cap : !cr->client_cap;
		static struct opts one;
		one = *o;
		one.rfiles[0] = cr->name[idx];
		one.nrfiles = 1;
		r->o = &one;
		pipeline_init(&r->pl, o->tstamp_precision);
		/* first, so that its finish hook prints what goes before this side's report */
		struct pair_tap pt = {NULL, cr, o->json, side, k, 0, 0};
		pipeline_add(&r->pl, &pair_tap_ops, &pt);
		add_analysis_taps(r, &one, 0);
		pt.diag = r->td.diag;
		diag_set_source(r->td.diag, cr->name[idx], side == 0 ? "client" : "server");
		if (run_merged(r, &one, err) < 0)
			failed = 1;
		report_capture(r, NULL, 0);
		found += pipeline_finish(&r->pl, "end of capture");
		pipeline_free(&r->pl);
		if (pt.paths_done)
			paths_done = 1;
		if (side == 1 && !paths_done) {
			found += diag_paths(&stdout_buf, o->json, cr);
			paths_done = 1;
		}
	}
	r->o = o;
	out_flush(&stdout_buf);
	if (failed)
		return error_status;
	return found ? 1 : 0;
}

int main(int argc, char **argv)
{
	static struct run r;
	static struct opts o;
	char err[ERRBUF] = "";
	int print_too = 0;

	out_init(&stdout_buf, 1);
	capture_signals(NULL); /* a stop signal during set-up must not kill us with files half made */
	int help_status = help_dispatch(argc, argv); /* help, COMMAND --help, "did you mean" (src/help.c) */
	if (help_status >= 0)
		return help_status;
	/* ---- compare mode (src/compare/compare.c parses its own options) ---- */
	if (argc > 1 && strcmp(argv[1], "compare") == 0)
		return compare_cli(argc - 1, argv + 1);
	/* ---- end compare ---- */
	/* ---- report / graph (src/report/html.c parses their own options) ---- */
	if (argc > 1 && (strcmp(argv[1], "report") == 0 || strcmp(argv[1], "graph") == 0))
		return report_cli(argc - 1, argv + 1);
	if (argc > 1 && (strcmp(argv[1], "conns") == 0 || strcmp(argv[1], "diagnose") == 0)) {
		o.mode = strcmp(argv[1], "conns") == 0 ? MODE_CONNS : MODE_DIAGNOSE;
		if (o.mode == MODE_DIAGNOSE)
			error_status = 2;
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	parse_args(argc, argv, &o, &print_too);
	r.o = &o;
	if (o.zeek && o.mode != MODE_CONNS)
		die(1, "--format zeek is for 'synack conns' (Zeek's conn.log)");
	if (o.zeek)
		o.json = 0;

	if (o.list_ifaces) {
		if (capture_list_devices(err) < 0)
			die(1, "%s", err);
		return 0;
	}
	if (o.linktype && capture_linktype_from_name(o.linktype) < 0)
		die(1, "invalid data link type %s", o.linktype);
	if (o.mode != MODE_TCPDUMP && o.nrfiles > 1) {
		if (o.wfile)
			die(1, "-w cannot be used with several -r files");
		if (o.mode == MODE_DIAGNOSE && o.nrfiles == 2 && strcmp(o.rfiles[0], "-") && strcmp(o.rfiles[1], "-")) {
			/* two vantage points of the same traffic, or pieces of one capture? */
			static struct cmp_result cr;
			char cerr[512];
			if (compare_files(o.rfiles[0], o.rfiles[1], o.filter, &cr, cerr, sizeof cerr) == 0 &&
			    compare_same_traffic(&cr))
				return run_vantage_pair(&r, &o, &cr, err);
		}
		pipeline_init(&r.pl, o.tstamp_precision);
		add_analysis_taps(&r, &o, 0);
		int st = run_merged(&r, &o, err);
		report_capture(&r, NULL, 0);
		int found = pipeline_finish(&r.pl, "end of capture");
		report_capture(&r, NULL, 1);
		pipeline_free(&r.pl);
		out_flush(&stdout_buf);
		if (st < 0)
			return error_status;
		return o.mode == MODE_DIAGNOSE && found ? 1 : 0;
	}
	if (o.rfile) {
		if (capture_open_file(&r.cap, o.rfile, &o, err) < 0)
			die(1, "%s", err);
	} else if (o.dflag && !o.device && !o.list_linktypes) {
		if (capture_open_dead(&r.cap, &o, err) < 0)
			die(1, "%s", err);
	} else {
		if (capture_open_live(&r.cap, &o, err) < 0)
			die(1, "%s", err);
	}
	if (o.list_linktypes) {
		if (capture_list_linktypes(&r.cap, err) < 0)
			die(1, "%s", err);
		return 0;
	}
	if (o.dflag) {
		if (capture_filter(&r.cap, o.filter, o.dflag, err) < 0)
			die(1, "%s", err);
		return 0;
	}
	if (!r.cap.live) {
		/* tcpdump says what it reads before compiling the filter (which may fail). */
		char ltd[128];
		capture_linktype_desc(r.cap.linktype, ltd, sizeof ltd);
		fprintf(stderr, "reading from file %s, link-type %s, snapshot length %d\n", o.rfile, ltd, r.cap.snaplen);
	}
	if (capture_filter(&r.cap, o.filter, 0, err) < 0)
		die(1, "%s", err);

	r.writing = o.wfile != NULL && !o.count_only;
	r.printing = !o.count_only && (!o.wfile || print_too) && o.mode == MODE_TCPDUMP;
	if (r.writing && r.printing && strcmp(o.wfile, "-") == 0)
		r.printing = 0;
	pipeline_init(&r.pl, o.tstamp_precision);
	if (r.writing) {
		if (writer_open(&r.tw.w, o.wfile, r.cap.linktype, r.cap.snaplen, o.tstamp_precision, o.Uflag,
				o.Cflag, o.Gflag, o.Wflag, err) < 0)
			die(1, "%s", err);
		pipeline_add(&r.pl, &tap_writer_ops, &r.tw);
	}
	if (o.mode != MODE_TCPDUMP) {
		add_analysis_taps(&r, &o, r.cap.live);
		if (o.rfile)
			capture_want_file_stats(&r.cap, o.rfile);
	}
	else if (o.analyze) {
		struct tracker_cfg tc = {0};
		if (r.cap.live)
			tc.close_linger = 2;
		else
			tc.lazy_idle = 1;
		if (pipeline_track(&r.pl, &tc) < 0)
			die(1, "out of memory");
	}
	if (o.Zuser) {
		if (capture_drop_privileges(o.Zuser, err) < 0)
			die(1, "%s", err);
	} else if (sandbox_default_user(&o, err) < 0) {
		die(1, "%s", err);
	}
	if (sandbox_enter(&o, err) < 0) /* sandbox.c: no capabilities, seccomp allow-list */
		die(1, "%s", err);
	if (r.printing && !print_linktype_supported(r.cap.linktype) && 0)
		die(1, "unsupported data link type %d", r.cap.linktype);

	char lt[128];
	capture_linktype_desc(r.cap.linktype, lt, sizeof lt);
	if (r.cap.live) {
		if (!o.vflag && !o.wfile && o.mode == MODE_TCPDUMP)
			fprintf(stderr, "synack: verbose output suppressed, use -v[v]... for full protocol decode\n");
		else
			fprintf(stderr, "synack: ");
		fprintf(stderr, "listening on %s, link-type %s, snapshot length %d bytes\n", r.cap.name, lt,
			r.cap.snaplen);
	}
	if (isatty(1))
		o.lflag = 1;
	if (o.mode == MODE_TCPDUMP && o.analyze && o.json && !o.count_only) {
		r.tj.out = &stdout_buf;
		pipeline_add(&r.pl, &tap_analyze_json_ops, &r.tj);
	} else if (r.printing) {
		print_init(&r.tp.pr, &o, &stdout_buf, r.cap.linktype);
		r.tp.out = &stdout_buf;
		r.tp.tags = o.analyze;
		r.tp.flush_each = o.lflag || o.Uflag;
		pipeline_add(&r.pl, &tap_print_ops, &r.tp);
	}

	capture_signals(&r.cap);
	int rc = capture_loop(&r.cap, o.count, on_packet, &r, r.cap.live ? on_batch : NULL, err);
	if (o.mode != MODE_TCPDUMP)
		report_capture(&r, &r.cap, 0);
	int found = pipeline_finish(&r.pl, r.cap.live ? "capture stopped" : "end of capture");
	if (o.mode != MODE_TCPDUMP)
		report_capture(&r, &r.cap, 1);
	pipeline_free(&r.pl);
	out_flush(&stdout_buf);
	int status = 0;
	if (r.writing) {
		char werr[ERRBUF];
		if (!r.tw.failed && writer_close(&r.tw.w, werr) < 0) {
			r.tw.failed = 1;
			memcpy(r.tw.err, werr, sizeof werr);
		} else if (r.tw.failed) {
			writer_close(&r.tw.w, werr);
		}
	}
	/* Stopped by a signal while printing: end a possibly unfinished line, as tcpdump does. */
	if (capture_interrupted() && r.printing)
		out_char(&stdout_buf, '\n');
	out_flush(&stdout_buf);
	if (o.count_only)
		printf("%llu packet%s\n", (unsigned long long)r.pl.count, r.pl.count == 1 ? "" : "s");
	fflush(stdout);
	if (r.cap.live)
		capture_print_stats(&r.cap, r.pl.count);
	if (rc < 0) {
		fprintf(stderr, "synack: %s\n", err);
		status = 1;
	}
	if (r.tw.failed) {
		fprintf(stderr, "synack: %s\n", r.tw.err);
		status = 1;
	}
	if (stdout_buf.err && stdout_buf.err != EPIPE) {
		fprintf(stderr, "synack: error writing standard output: %s\n", strerror(stdout_buf.err));
		status = 1;
	}
	capture_close(&r.cap);
	if (status)
		return error_status;
	return o.mode == MODE_DIAGNOSE && found ? 1 : 0;
}
