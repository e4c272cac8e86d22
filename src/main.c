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
#include "top/top.h"
#include "util/out.h"
#include "print/esp_decrypt.h"
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

/* tcpdump 4.99's usage text, word for word (scripts and people compare them). */
static void usage(FILE *f)
{
	fprintf(f,
		"synack version " SYNACK_VERSION "\n%s\n"
		"Usage: synack [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]\n"
		"\t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]\n"
		"\t\t[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]\n"
		"\t\t[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]\n"
		"\t\t[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]\n"
		"\t\t[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]\n"
		"\t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]\n"
		"\t\t[ -z postrotate-command ] [ -Z user ] [ expression ]\n",
		capture_lib_version());
}

/* -h / --help: the same, then what synack adds to tcpdump. */
/* -h / --help: synack's subcommands (src/help.c), then tcpdump's usage unchanged. */
static void help(void)
{
	help_commands(stdout);
	usage(stdout);
}

/* tcpdump reads -B -c -G -W with atoi(): the leading number, the rest ignored, 0 for none. */
static int leading_int(const char *s)
{
	long v = strtol(s, NULL, 10);
	if (v > INT_MAX)
		return INT_MAX;
	if (v < INT_MIN)
		return INT_MIN;
	return (int)v;
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
	OPT_FP_TYPE,
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
	{"monitor-mode", no_argument, NULL, 'I'},
	{"time-stamp-type", required_argument, NULL, 'j'},
	{"list-time-stamp-types", no_argument, NULL, 'J'},
	{"no-optimize", no_argument, NULL, 'O'},
	{"fp-type", no_argument, NULL, OPT_FP_TYPE},
	{NULL, 0, NULL, 0}};

static int parse_direction(const char *s)
{
	if (strcasecmp(s, "in") == 0)
		return 1;
	if (strcasecmp(s, "out") == 0)
		return 2;
	if (strcasecmp(s, "inout") == 0)
		return 3;
	die(1, "unknown capture direction `%s'", s);
}

static const char *const packettypes[] = {
	[PT_VAT] = "vat", [PT_WB] = "wb", [PT_RPC] = "rpc", [PT_RTP] = "rtp", [PT_RTCP] = "rtcp",
	[PT_SNMP] = "snmp", [PT_CNFP] = "cnfp", [PT_TFTP] = "tftp", [PT_AODV] = "aodv",
	[PT_CARP] = "carp", [PT_RADIUS] = "radius", [PT_ZMTP1] = "zmtp1", [PT_VXLAN] = "vxlan",
	[PT_PGM] = "pgm", [PT_PGM_ZMTP1] = "pgm_zmtp1", [PT_LMP] = "lmp", [PT_RESP] = "resp",
	[PT_PTP] = "ptp", [PT_SOMEIP] = "someip", [PT_DOMAIN] = "domain",
};

static int parse_packettype(const char *s)
{
	for (int i = 1; i < (int)(sizeof packettypes / sizeof packettypes[0]); i++)
		if (packettypes[i] && strcasecmp(s, packettypes[i]) == 0)
			return i;
	die(1, "unknown packet type `%s'", s);
}

static void parse_args(int argc, char **argv, struct opts *o, int *print_too)
{
	int c;
	int fflag = 0;
	o->promisc = 1;
	o->tstamp_type = -1;
	opterr = 1; /* getopt's own "unrecognized option" / "invalid option" line, as tcpdump */
	while ((c = getopt_long(argc, argv, "aAbB:c:C:dDeE:fF:G:hHi:Ij:JKlLm:M:nNOpqQ:r:s:StT:uUvV:w:W:xXy:Yz:Z:#",
				long_opts, NULL)) != -1) {
		switch (c) {
		case 'a': break; /* compatibility with old tcpdump -a */
		case 'A': o->Aflag++; break;
		case 'b': o->bflag++; break;
		case 'B':
			o->bufsize_kib = leading_int(optarg);
			if (o->bufsize_kib <= 0 || o->bufsize_kib > INT_MAX / 1024)
				die(1, "invalid packet buffer size %s", optarg);
			break;
		case 'c':
			o->count = leading_int(optarg);
			if (o->count <= 0)
				die(1, "invalid packet count %s", optarg);
			break;
		case 'C': {
			char *end;
			errno = 0;
			long long x = strtoll(optarg, &end, 10);
			if (errno || end == optarg || *end || x < 1)
				die(1, "invalid file size %s", optarg);
			if (x > LLONG_MAX / 1000000 || x * 1000000 > LONG_MAX)
				die(1, "file size %s is too large", optarg);
			o->Cflag = (long)(x * 1000000);
			break;
		}
		case 'd': o->dflag++; break;
		case 'D': o->list_ifaces = 1; break;
		case 'e': o->eflag = 1; break;
		case 'E': /* parsed before the sandbox (esp_sa_setup), reported at the first ESP packet */
			o->espsecret = optarg;
			break;
		case 'f': fflag = 1; break;
		case 'F': o->Ffile = optarg; break;
		case 'G': /* 0 (or no number): no rotation */
			o->Gflag = leading_int(optarg);
			if (o->Gflag < 0)
				die(1, "invalid number of seconds %s", optarg);
			break;
		case 'h': help(); exit(0);
		case 'H': o->Hflag++; break;
		case 'i': o->device = optarg; break;
		case 'I': o->Iflag = 1; break;
		case 'j':
			o->tstamp_type = capture_tstamp_type_from_name(optarg);
			if (o->tstamp_type < 0)
				die(1, "invalid time stamp type %s", optarg);
			break;
		case 'J': o->Jflag = 1; break;
		case 'K': o->Kflag = 1; break;
		case 'l': o->lflag = 1; break;
		case 'L': o->list_linktypes = 1; break;
		case 'm': /* no MIB modules: synack decodes SNMP without libsmi, as Debian's tcpdump */
			fprintf(stderr, "synack: ignoring option `-m %s' (no libsmi support)\n", optarg);
			break;
		case 'M': o->sigsecret = optarg; break; /* TCP-MD5 signatures checked (print/tcp.c) */
		case 'n': o->nflag++; break;
		case 'N': break; /* host names are printed as given */
		case 'O': o->no_optimize = 1; break;
		case 'p': o->promisc = 0; break;
		case 'q': o->qflag++; break;
		case 'r': /* tcpdump reads the last -r; conns and diagnose read them all */
			if (!o->rfile || o->mode == MODE_TCPDUMP)
				o->rfile = optarg;
			if (o->nrfiles < 64)
				o->rfiles[o->nrfiles++] = optarg;
			else
				die(1, "too many -r files (at most 64)");
			break;
		case 's': { /* any C base, as tcpdump: 0x100 is 256 */
			char *end;
			long x = strtol(optarg, &end, 0);
			if (end == optarg || *end || x < 0 || x > 262144)
				die(1, "invalid snaplen %s (must be >= 0 and <= 262144)", optarg);
			o->snaplen = (int)x;
			break;
		}
		case 'S': o->Sflag = 1; break;
		case 't': o->tflag++; break;
		case 'T': o->packettype = parse_packettype(optarg); break;
		case 'u': o->uflag = 1; break;
		case 'U': o->Uflag = 1; break;
		case 'v': o->vflag++; break;
		case 'V': o->Vfile = optarg; break;
		case 'w': o->wfile = optarg; break;
		case 'W':
			o->Wflag = leading_int(optarg);
			if (o->Wflag <= 0)
				die(1, "invalid number of output files %s", optarg);
			break;
		case 'x': o->xflag++; break;
		case 'X': o->Xflag++; break;
		case 'y':
			if (capture_linktype_from_name(optarg) < 0)
				die(1, "invalid data link type %s", optarg);
			o->linktype = optarg;
			break;
		case 'Y': /* tcpdump takes the letter, but Debian's has no parser debugging: usage */
			usage(stderr);
			exit(error_status);
		case 'z': o->zcmd = optarg; break;
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
				die(1, "unsupported time stamp precision");
			break;
		case OPT_NANO: o->tstamp_precision = 1; break;
		case OPT_MICRO: o->tstamp_precision = 0; break;
		case OPT_VERSION:
			printf("synack version %s\n%s\n", SYNACK_VERSION, capture_lib_version());
			exit(0);
		case OPT_HELP: help(); exit(0);
		case OPT_PRINT: *print_too = 1; break;
		case OPT_ANALYZE: o->analyze = 1; break;
		case OPT_JSON: o->json = 1; break;
		case OPT_FP_TYPE: {
			/* tcpdump's check of the floating-point arithmetic: the single-precision
			 * number with bits 0x4e93312d divided by 125000, in single precision */
			uint32_t bits = 0x4e93312d;
			float f;
			memcpy(&f, &bits, sizeof f);
			volatile float q = f / 125000.0f;
			printf("%.3f\n", (double)q);
			exit(0);
		}
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
			long v = strtol(optarg, &end, 0);
			if (errno || *end || end == optarg || v < 0 || v > 65535)
				die(1, "invalid Community ID seed '%s' (0 to 65535)", optarg);
			community_id_set_seed((uint16_t)v);
			break;
		}
		default: /* getopt printed what was wrong */
			usage(stderr);
			exit(error_status);
		}
	}
	if (o->tflag > 5)
		die(1, "only -t, -tt, -ttt, -tttt and -ttttt are supported");
	/* tflag: 0 default, 1..5 = -t .. -ttttt */
	if (fflag && (o->Vfile || o->rfile))
		die(1, "-f can not be used with -V or -r");
	if (o->Vfile && o->rfile)
		die(1, "-V and -r are mutually exclusive.");
	o->nano = o->tstamp_precision;
	/* -W without -C or -G, and -C, -G or -z without -w, are accepted and do nothing, as in tcpdump. */
	if (o->Ffile) {
		o->filter = read_filter_file(o->Ffile);
		if (optind < argc)
			fprintf(stderr, "synack: Warning: command line arguments ignored since -F used\n");
	} else if (optind < argc) {
		o->filter = join_args(argv + optind, argc - optind);
	}
}

/* -V: the files to read (capture_file_list: one name a line, as tcpdump reads them). */
static char **vfiles;
static int nvfiles;

static void load_vfile(const char *path)
{
	char err[ERRBUF];
	if (capture_file_list(path, &vfiles, &nvfiles, err) < 0)
		die(1, "%s", err);
}

/* tcpdump's line for each file it reads; a cooked v2 file's interface names come
 * from this machine's interface indexes, which tcpdump warns about (first file). */
static void print_reading(const char *name, const struct capture *cap, int first)
{
	char ltd[128];
	capture_linktype_desc(cap->linktype, ltd, sizeof ltd);
	fprintf(stderr, "reading from file %s, link-type %s, snapshot length %d\n", name, ltd, cap->snaplen);
	if (first && cap->linktype == DLT_LINUX_SLL2)
		fprintf(stderr, "Warning: interface names might be incorrect\n");
}

struct run {
	struct opts *o;
	struct pipeline pl;
	struct capture cap;
	struct capture *files;  /* several -r files, merged by time */
	int nfiles;
	void (**linkfn)(void);  /* --analyze over several files: each file's link printer */
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
	uint64_t recv = r->kernel_recv, drops = r->kernel_drops;
	int known = cap ? capture_drop_stats(cap, &recv, &drops) : r->drops_known;
	tap_capture_info(&ci, &r->pl, known, recv, drops);
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

/* Several -r files or a -V list (conns, diagnose): opened and filtered one by one, then read
 * as one, packets merged in time order.  Returns 0, or -1 when a file could not be read to its end. */
static int run_merged(struct run *r, struct opts *o, const char **names, int n, char *err)
{
	r->files = calloc((size_t)n, sizeof *r->files);
	if (!r->files)
		die(2, "out of memory");
	r->nfiles = n;
	for (int i = 0; i < n; i++) {
		if (capture_open_file(&r->files[i], names[i], o, err) < 0)
			die(2, "%s", err);
		if (capture_filter(&r->files[i], o->filter, 0, !o->no_optimize, err) < 0)
			die(2, "%s", err);
		capture_want_file_stats(&r->files[i], names[i]);
		print_reading(names[i], &r->files[i], 1);
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

/* --analyze over several files: a packet of file idx.  A file of another link type than the
 * previous packet's gets its own link printer; the printer's other state (the previous time
 * for -ttt, relative sequence numbers) is the stream's. */
static void on_analyze_packet(void *user, int idx, const struct pcap_pkthdr *h, const uint8_t *bytes)
{
	struct run *r = user;
	if (r->o->count_only) {
		r->pl.count++;
		return;
	}
	int lt = r->files[idx].linktype;
	if (r->printing && lt != r->tp.pr.nd.linktype) {
		r->tp.pr.fn = r->linkfn[idx];
		r->tp.pr.nd.linktype = lt;
	}
	pipeline_packet(&r->pl, lt, h, bytes);
}

/* synack --analyze with several -r files or a -V list: the files are one capture, read merged
 * by time as conns and diagnose read them (plain tcpdump mode reads the last -r, and -V's files
 * one after another).  A connection that crosses a file boundary (a -C/-G ring) is tracked
 * whole, lines come in time order, and packet numbers (-#, "packet" in --json) and -c count
 * the merged stream: packet N is the N-th of all files in time order, the number conns and
 * diagnose give it.  Returns the exit status. */
static int run_analyze_merged(struct run *r, struct opts *o, const char **names, int n)
{
	char err[ERRBUF] = "";
	if (o->wfile)
		die(1, "-w cannot be used with --analyze and several files");
	r->files = calloc((size_t)n, sizeof *r->files);
	r->linkfn = calloc((size_t)n, sizeof *r->linkfn);
	if (!r->files || !r->linkfn)
		die(1, "out of memory");
	r->nfiles = n;
	for (int i = 0; i < n; i++) {
		if (capture_open_file(&r->files[i], names[i], o, err) < 0)
			die(1, "%s", err);
		print_reading(names[i], &r->files[i], i == 0);
		if (capture_filter(&r->files[i], o->filter, 0, !o->no_optimize, err) < 0)
			die(1, "%s", err);
	}
	/* every file is open: drop privileges and enter the sandbox, as for one -r */
	if (o->Zuser) {
		if (capture_drop_privileges(o->Zuser, 0, err) < 0)
			die(1, "%s", err);
	} else if (sandbox_default_user(o, 0, err) < 0) {
		die(1, "%s", err);
	}
	if (sandbox_enter(o, err) < 0)
		die(1, "%s", err);
	pipeline_init(&r->pl, o->tstamp_precision);
	struct tracker_cfg tc = {0};
	tc.lazy_idle = 1;
	if (pipeline_track(&r->pl, &tc) < 0)
		die(1, "out of memory");
	if (isatty(1))
		o->lflag = 1;
	if (o->count_only) {
		/* only the number of packets */
	} else if (o->json) {
		r->tj.out = &stdout_buf;
		pipeline_add(&r->pl, &tap_analyze_json_ops, &r->tj);
	} else {
		/* each file's link printer; the first file's stays in the printer */
		for (int i = n - 1; i >= 0; i--) {
			print_init(&r->tp.pr, o, &stdout_buf, r->files[i].linktype);
			r->linkfn[i] = r->tp.pr.fn;
		}
		r->tp.out = &stdout_buf;
		r->tp.tags = 1;
		r->tp.flush_each = o->lflag || o->Uflag;
		r->printing = 1;
		pipeline_add(&r->pl, &tap_print_ops, &r->tp);
	}
	int rc = capture_loop_merged(r->files, n, o->count, on_analyze_packet, r, err);
	pipeline_finish(&r->pl, "end of capture");
	pipeline_free(&r->pl);
	if (capture_interrupted() && r->printing)
		out_char(&stdout_buf, '\n');
	out_flush(&stdout_buf);
	if (o->count_only)
		printf("%llu packet%s\n", (unsigned long long)r->pl.count, r->pl.count == 1 ? "" : "s");
	fflush(stdout);
	int status = 0;
	if (rc < 0) {
		fprintf(stderr, "synack: %s\n", err);
		status = 1;
	}
	if (stdout_buf.err && stdout_buf.err != EPIPE) {
		fprintf(stderr, "synack: error writing standard output: %s\n", strerror(stdout_buf.err));
		status = 1;
	}
	for (int i = 0; i < n; i++)
		capture_close(&r->files[i]);
	free(r->files);
	free(r->linkfn);
	r->files = NULL;
	r->linkfn = NULL;
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

/* diagnose -r A -r B: each file's diagnose pipeline, fed by compare's second pass. */
struct pair_side {
	struct run run;
	struct opts one;        /* the options with this file as the only -r */
	struct pair_tap pt;
	long fed;               /* packets handed to the pipeline (-c) */
};

struct pair_feed {
	struct pair_side *side; /* [2], in -r order */
	long count;
	int nano;
};

/* compare's side hook: one packet of file k for that file's diagnose pipeline, with the
 * timestamp precision diagnose reads files with (compare reads nanoseconds). */
static void pair_side_packet(void *user, int k, int linktype, const struct pcap_pkthdr *h, const uint8_t *bytes)
{
	struct pair_feed *f = user;
	struct pair_side *s = &f->side[k];
	if (f->count > 0 && s->fed >= f->count)
		return;
	s->fed++;
	struct pcap_pkthdr hh = *h;
	if (!f->nano)
		hh.ts.tv_usec /= 1000;
	pipeline_packet(&s->run.pl, linktype, &hh, bytes);
}

/* A side's pipeline, as run_merged would build it for this file alone. */
static void pair_side_init(struct pair_side *s, const struct opts *o, int k, const struct cmp_result *cr)
{
	memset(s, 0, sizeof *s);
	s->one = *o;
	s->one.rfiles[0] = o->rfiles[k];
	s->one.nrfiles = 1;
	s->run.o = &s->one;
	pipeline_init(&s->run.pl, o->tstamp_precision);
	/* first, so that its finish hook prints what goes before this side's report */
	s->pt.cr = cr;
	s->pt.json = o->json;
	pipeline_add(&s->run.pl, &pair_tap_ops, &s->pt);
	add_analysis_taps(&s->run, &s->one, 0);
	s->pt.diag = s->run.td.diag;
}

/* The end of one side's run (what run_merged does after reading): the file line on
 * stderr, the kernel drops from the file's statistics, the report. */
static int pair_side_finish(struct pair_side *s, const char *file, int side, int k)
{
	struct capture cap;
	char lt[128], e[ERRBUF];
	if (capture_open_file(&cap, file, &s->one, e) < 0) /* the header only, as run_merged opens it */
		die(2, "%s", e);
	capture_linktype_desc(cap.linktype, lt, sizeof lt);
	fprintf(stderr, "reading from file %s, link-type %s, snapshot length %d\n", file, lt, cap.snaplen);
	capture_close(&cap);
	s->pt.side = side;
	s->pt.k = k;
	diag_set_source(s->run.td.diag, file, side == 0 ? "client" : "server");
	uint64_t recv, drops;
	s->run.drops_known = capture_pcapng_stats(file, &recv, &drops);
	s->run.kernel_recv = s->run.drops_known ? recv : 0;
	s->run.kernel_drops = s->run.drops_known ? drops : 0;
	report_capture(&s->run, NULL, 0);
	int found = pipeline_finish(&s->run.pl, "end of capture");
	pipeline_free(&s->run.pl);
	return found;
}

/* diagnose -r A -r B where A and B are two captures of the same traffic (one
 * near the client, one near the server): each is diagnosed on its own (merged
 * they would count every packet twice), and the path between them from synack
 * compare's matcher.  Compare reads each file twice (clock fit, then matching);
 * its second read also feeds each file's diagnose pipeline, so no file is read
 * a third time.  The first finding printed is the one to act on: the server
 * side's report comes first (what the server did with what reached it), then
 * the path (what was lost between the two points), then the client side's
 * (mostly the same trouble seen from afar); when nothing reached the server
 * capture, the path comes first: the loss on the way is the finding.
 * Returns the exit status, or -1 when the files are not two vantage points of
 * the same traffic (or compare failed): the caller then reads them merged. */
static int run_vantage_pair(struct opts *o)
{
	static struct cmp_result cr;
	static struct pair_side side[2];
	struct pair_feed feed = {side, o->count, o->tstamp_precision};
	struct compare_opts co;
	memset(&co, 0, sizeof co);
	co.filter = o->filter;
	co.side_packet = pair_side_packet;
	co.side_user = &feed;
	for (int k = 0; k < 2; k++)
		pair_side_init(&side[k], o, k, &cr);
	char cerr[ERRBUF];
	int ok = 0;
	struct cmp *c = compare_new(o->rfiles[0], o->rfiles[1], &co, NULL, &cr, cerr, sizeof cerr);
	if (c && compare_run(c, cerr, sizeof cerr) == 0) {
		compare_finish(c);
		ok = compare_same_traffic(&cr);
	}
	compare_free(c);
	if (!ok) {
		for (int k = 0; k < 2; k++)
			pipeline_free(&side[k].run.pl);
		return -1;
	}
	int found = 0, paths_done = 0;
	for (int k = 0; k < 2; k++) {
		int s = k == 0 ? 1 : 0;     /* server side first */
		int idx = s == 0 ? cr.client_cap : !cr.client_cap;
		found += pair_side_finish(&side[idx], cr.name[idx], s, k);
		if (side[idx].pt.paths_done)
			paths_done = 1;
		if (s == 1 && !paths_done) {
			found += diag_paths(&stdout_buf, o->json, &cr);
			paths_done = 1;
		}
	}
	out_flush(&stdout_buf);
	return found ? 1 : 0;
}

/* ---- synack compare A B [C ...] [expression] [--json] [--ladder[=CONN]] [--window S] ---- */

#define COMPARE_MAX_FILES 64

struct compare_args {
	const char *files[COMPARE_MAX_FILES];
	int nf;
	struct compare_opts co;
	char *filter;           /* the expression words joined (malloc'd) */
	int help;
};

static int is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && !S_ISDIR(st.st_mode);
}

static void compare_usage(FILE *f)
{
	fputs("Usage: synack compare CAPTURE1 CAPTURE2 [CAPTURE3 ...] [expression]\n"
	      "                      [--json] [--ladder[=CONN]] [--window SECONDS]\n"
	      "  Matches the packets of captures taken at two points of a path (client side\n"
	      "  and server side, in any order) and reports lost, unexpected, reordered,\n"
	      "  duplicated and modified packets, the clock offset and the one-way delays.\n"
	      "  CONN is a connection number from the report or part of its address:port.\n"
	      "  Exit status: 0 nothing lost, 1 differences found, 2 error.\n",
	      f);
}

/* A word after --ladder is its CONN when it is a number or an address:port, not a file. */
static int ladder_conn_word(const char *w)
{
	return w[0] != '-' && !is_file(w) && (strspn(w, "0123456789") == strlen(w) || strchr(w, ':'));
}

/* Joins the n words of expr with spaces (the filter expression). */
static char *join_words(char **expr, int n)
{
	size_t len = 1;
	for (int i = 0; i < n; i++)
		len += strlen(expr[i]) + 1;
	char *s = calloc(len, 1);
	if (!s)
		return NULL;
	size_t off = 0;
	for (int i = 0; i < n; i++) {
		size_t k = strlen(expr[i]);
		if (i)
			s[off++] = ' ';
		memcpy(s + off, expr[i], k);
		off += k;
	}
	return s;
}

/* argv[0] is "compare".  Returns 0 (a->help set for --help), or the exit status 2 after
 * printing the error and usage. */
static int parse_compare_args(int argc, char **argv, struct compare_args *a)
{
	char **expr = calloc((size_t)argc + 1, sizeof *expr);
	int nexpr = 0;
	if (!expr) {
		fprintf(stderr, "synack: out of memory\n");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		const char *w = argv[i];
		if (!strcmp(w, "--json")) {
			a->co.json = 1;
		} else if (!strcmp(w, "--help") || !strcmp(w, "-h")) {
			a->help = 1;
			free(expr);
			return 0;
		} else if (!strncmp(w, "--ladder", 8) && (w[8] == 0 || w[8] == '=')) {
			a->co.ladder = 1;
			if (w[8] == '=')
				a->co.ladder_conn = w + 9;
			else if (i + 1 < argc && ladder_conn_word(argv[i + 1]))
				a->co.ladder_conn = argv[++i];
		} else if (!strcmp(w, "--window") && i + 1 < argc) {
			char *end;
			a->co.window = strtod(argv[++i], &end);
			if (*end || !(a->co.window > 0) || a->co.window > 3600) {
				fprintf(stderr, "synack: compare: bad --window '%s'\n", argv[i]);
				free(expr);
				return 2;
			}
		} else if (!strcmp(w, "-n") || !strcmp(w, "-nn") || !strcmp(w, "--")) {
			/* numeric output is the only kind compare prints */
		} else if (w[0] == '-' && w[1]) {
			fprintf(stderr, "synack: compare: unknown option '%s'\n", w);
			compare_usage(stderr);
			free(expr);
			return 2;
		} else if (!nexpr && a->nf < COMPARE_MAX_FILES && is_file(w)) {
			a->files[a->nf++] = w;
		} else {
			expr[nexpr++] = argv[i];
		}
	}
	if (a->nf < 2) {
		fprintf(stderr, "synack: compare: needs at least two capture files%s%s\n", nexpr ? ", not found: " : "",
			nexpr ? expr[0] : "");
		compare_usage(stderr);
		free(expr);
		return 2;
	}
	a->filter = join_words(expr, nexpr);
	free(expr);
	if (!a->filter)
		return 2;
	a->co.filter = a->filter;
	return 0;
}

/* One pair: 0 same, 1 differences, 2 error (printed after what was output so far). */
static int compare_one_pair(const char *fa, const char *fb, const struct compare_opts *co)
{
	char err[ERRBUF] = "";
	int status = 2;
	struct cmp *c = compare_new(fa, fb, co, &stdout_buf, NULL, err, sizeof err);
	if (c && compare_run(c, err, sizeof err) == 0)
		status = compare_finish(c);
	compare_free(c);
	if (status == 2) {
		out_flush(&stdout_buf);
		fprintf(stderr, "synack: compare: %s\n", err);
	}
	return status;
}

/* synack compare: each adjacent pair of files. */
static int run_compare(int argc, char **argv)
{
	static struct compare_args a;
	int rc = parse_compare_args(argc, argv, &a);
	if (rc || a.help) {
		if (a.help)
			compare_usage(stdout);
		return rc;
	}
	int status = 0;
	for (int i = 0; i + 1 < a.nf; i++) {
		if (a.nf > 2 && !a.co.json)
			out_fmt(&stdout_buf, "%s=== %s vs %s ===\n", i ? "\n" : "", a.files[i], a.files[i + 1]);
		int s = compare_one_pair(a.files[i], a.files[i + 1], &a.co);
		if (s > status)
			status = s;
	}
	if (out_flush(&stdout_buf) < 0 && status < 2) {
		fprintf(stderr, "synack: compare: write error: %s\n", strerror(stdout_buf.err));
		status = 2;
	}
	free(a.filter);
	return status;
}

int main(int argc, char **argv)
{
	static struct run r;
	static struct opts o;
	char err[ERRBUF] = "";
	int print_too = 0;

	out_init(&stdout_buf, 1);
	capture_signals(NULL); /* a stop signal during set-up must not kill us with files half made */
	/* --no-progress (any mode): no progress line on stderr for long file reads */
	int progress = isatty(2);
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--no-progress") == 0) {
			progress = 0;
			memmove(argv + i, argv + i + 1, (size_t)(argc - i) * sizeof *argv);
			argc--;
			i--;
		}
	int help_status = help_dispatch(argc, argv); /* help, COMMAND --help, "did you mean" (src/help.c) */
	if (help_status >= 0)
		return help_status;
	if (argc > 1 && strcmp(argv[1], "top") == 0) /* synack top: src/top/ */
		return top_main(argc - 1, argv + 1);
	/* ---- compare mode (its own command line: see run_compare) ---- */
	if (argc > 1 && strcmp(argv[1], "compare") == 0) {
		capture_progress(progress);
		return run_compare(argc - 1, argv + 1);
	}
	/* ---- end compare ---- */
	/* ---- report / graph (src/report/html.c parses their own options) ---- */
	if (argc > 1 && (strcmp(argv[1], "report") == 0 || strcmp(argv[1], "graph") == 0)) {
		capture_progress(progress);
		return report_cli(argc - 1, argv + 1);
	}
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
	/* files read for conns, diagnose, -w or --count (printing to the terminal has its own output) */
	capture_progress(progress && (o.mode != MODE_TCPDUMP || o.wfile || o.count_only));

	if (o.list_ifaces) {
		if (capture_list_devices(err) < 0)
			die(1, "%s", err);
		return 0;
	}
	/* The files read as one capture, merged by time: every -r, or -V's list, for conns,
	 * diagnose and --analyze.  Plain tcpdump mode reads the last -r (o.rfile), and -V's
	 * files one after another (below), as tcpdump does. */
	const char **merge = o.rfiles;
	int nmerge = o.nrfiles;
	if (o.Vfile) {
		load_vfile(o.Vfile);
		o.rfile = vfiles[0];
		if (o.mode != MODE_TCPDUMP || o.analyze) {
			merge = (const char **)vfiles;
			nmerge = nvfiles;
			for (int i = 0; i < nvfiles && i < 2; i++) /* the vantage-pair check's view */
				o.rfiles[i] = vfiles[i];
			o.nrfiles = nvfiles < 2 ? nvfiles : 2;
		}
	}
	if (o.mode == MODE_TCPDUMP && o.analyze && nmerge > 1 && !o.dflag)
		return run_analyze_merged(&r, &o, merge, nmerge);
	if (o.mode != MODE_TCPDUMP && nmerge > 1) {
		if (o.wfile)
			die(1, "-w cannot be used with several -r files");
		if (o.mode == MODE_DIAGNOSE && nmerge == 2 && strcmp(merge[0], "-") && strcmp(merge[1], "-")) {
			/* two vantage points of the same traffic, or pieces of one capture? */
			int st = run_vantage_pair(&o);
			if (st >= 0)
				return st;
		}
		pipeline_init(&r.pl, o.tstamp_precision);
		add_analysis_taps(&r, &o, 0);
		int st = run_merged(&r, &o, merge, nmerge, err);
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
		/* tcpdump says what it reads before anything else (-d, a filter that fails) */
		print_reading(o.rfile, &r.cap, 1);
	} else if (o.dflag && !o.device) {
		if (!o.linktype)
			fprintf(stderr, "Warning: assuming Ethernet\n");
		if (capture_open_dead(&r.cap, &o, err) < 0)
			die(1, "%s", err);
	} else {
		if (capture_open_live(&r.cap, &o, err) < 0)
			die(1, "%s", err);
		if (o.list_linktypes) { /* -L applies to devices only: with -r the file is read */
			if (capture_list_linktypes(&r.cap, err) < 0)
				die(1, "%s", err);
			return 0;
		}
		if (capture_set_linktype(&r.cap, &o, err) < 0)
			die(1, "%s", err);
	}
	if (o.dflag) {
		if (capture_filter(&r.cap, o.filter, o.dflag, !o.no_optimize, err) < 0)
			die(1, "%s", err);
		return 0;
	}
	if (capture_filter(&r.cap, o.filter, 0, !o.no_optimize, err) < 0)
		die(1, "%s", err);

	r.writing = o.wfile != NULL && !o.count_only;
	r.printing = !o.count_only && (!o.wfile || print_too) && o.mode == MODE_TCPDUMP;
	if (r.writing && r.printing && strcmp(o.wfile, "-") == 0)
		r.printing = 0;
	pipeline_init(&r.pl, o.tstamp_precision);
	if (r.writing)
		pipeline_add(&r.pl, &tap_writer_ops, &r.tw); /* opened below, after the privilege drop */
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
	/* As tcpdump: drop to -Z's user (default: tcpdump, else nobody) first, then create the
	 * -w file as that user.  Without -C/-G the first and only file may still be created where
	 * only root may write (CAP_DAC_OVERRIDE kept until the sandbox); with -C/-G every file is
	 * created without it, so a directory the user cannot write fails now, not at the first
	 * rotation. */
	int keep_dac = r.writing && !o.Cflag && !o.Gflag;
	if (o.Zuser) {
		if (capture_drop_privileges(o.Zuser, keep_dac, err) < 0)
			die(1, "%s", err);
	} else if (sandbox_default_user(&o, keep_dac, err) < 0) {
		die(1, "%s", err);
	}
	if (r.writing) {
		if (writer_open(&r.tw.w, o.wfile, r.cap.linktype, r.cap.snaplen, o.tstamp_precision, o.Uflag,
				o.Cflag, o.Gflag, o.Wflag, err) < 0)
			die(1, "%s", err);
		if (o.zcmd && (o.Cflag || o.Gflag)) {
			/* -z: a helper forked now (as the dropped user, outside the sandbox) runs the
			 * command for each closed file; the capture only writes names to a pipe. */
			if (writer_postrotate(&r.tw.w, o.zcmd, err) < 0)
				die(1, "%s", err);
		}
	}
	if (r.printing)
		esp_sa_setup(o.espsecret); /* -E: key file read, ciphers keyed, outside the sandbox */
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
	/* -V: the next files, one after the other, as tcpdump reads them (-c counts per file) */
	for (int vi = 1; o.Vfile && o.mode == MODE_TCPDUMP && vi < nvfiles && rc == 0 && !capture_interrupted() &&
			 !r.pl.stopped;
	     vi++) {
		int dlt = r.cap.linktype;
		capture_close(&r.cap);
		if (capture_open_file(&r.cap, vfiles[vi], &o, err) < 0)
			die(1, "%s", err);
		if (r.cap.linktype != dlt) {
			if (r.writing)
				die(1, "%s: new dlt does not match original", vfiles[vi]);
			if (r.printing && !(o.analyze && o.json))
				print_init(&r.tp.pr, &o, &stdout_buf, r.cap.linktype);
		}
		if (capture_filter(&r.cap, o.filter, 0, !o.no_optimize, err) < 0)
			die(1, "%s", err);
		print_reading(vfiles[vi], &r.cap, 0);
		capture_signals(&r.cap);
		rc = capture_loop(&r.cap, o.count, on_packet, &r, NULL, err);
	}
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
