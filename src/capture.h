/*
 * capture.h - the only module that talks to libpcap for reading packets:
 * live devices (-i), files (-r, pcap and pcapng, "-" = stdin), filters,
 * direction, link types, statistics, signals and dropping privileges.
 */
#ifndef SYNACK_CAPTURE_H
#define SYNACK_CAPTURE_H

#include <pcap/pcap.h>
#include <stdint.h>

#include "opts.h"
#include "writer.h"

struct capture {
	pcap_t *p;
	int live;
	int linktype;
	int snaplen;
	const char *name;     /* device or file name as given */
	/* Fast path for classic pcap files: synack reads the records itself in
	 * large blocks (no per-packet stdio copy); libpcap still validates the
	 * file header and compiles the filter. */
	struct fastfile *fast;
	struct bpf_program prog;
	int have_prog;
	volatile int stop;
	int stats_fd;           /* > 0: the -r file again, for its pcapng statistics blocks */
};

typedef void (*capture_cb)(void *user, const struct pcap_pkthdr *h, const uint8_t *bytes);

/* Open -i DEVICE (NULL = first device, as tcpdump).  Warnings go to stderr. */
int capture_open_live(struct capture *c, const struct opts *o, char *err);
/* After -L: -y's link type, or LINUX_SLL2 on "any" (tcpdump 4.99), with tcpdump's
 * "data link type X" line on stderr.  0 or -1. */
int capture_set_linktype(struct capture *c, const struct opts *o, char *err);
/* Open -r FILE. */
int capture_open_file(struct capture *c, const char *path, const struct opts *o, char *err);
/* A handle with no source, for -d on its own (link type from -y or Ethernet). */
int capture_open_dead(struct capture *c, const struct opts *o, char *err);
/* Compile (optimize: 0 for -O) and (unless dflag) attach the filter; prints the program for -d. */
int capture_filter(struct capture *c, const char *expr, int dflag, int optimize, char *err);
/* Run until EOF, count, error or a stop signal.  Returns 0, or -1 (err filled). */
int capture_loop(struct capture *c, long count, capture_cb cb, void *user, void (*batch_end)(void *),
		 char *err);
/* Files: the next packet (after the filter), for readers that pull (synack compare merges two
 * files in its own corrected time order).  Returns 1 with *h and *bytes set (bytes borrowed
 * until the next call), 0 at the end of the file, -1 with err = "FILE: reason". */
int capture_next(struct capture *c, struct pcap_pkthdr *h, const uint8_t **bytes, char *err);
/* Several files read as one (diagnose/conns -r A -r B ...): every file open and filtered,
 * packets delivered in time order, idx = the file's index in caps.  Stops at count (> 0),
 * a stop signal, or capture_stop() on the file being delivered.  A read error in one file
 * ends that file only: returns -1 with err naming the first such file, else 0. */
typedef void (*capture_merged_cb)(void *user, int idx, const struct pcap_pkthdr *h, const uint8_t *bytes);
int capture_loop_merged(struct capture *caps, int n, long count, capture_merged_cb cb, void *user, char *err);
/* -V FILE: the capture files FILE lists, one name a line (- = standard input), as tcpdump
 * reads them: lines of up to PATH_MAX bytes, only the newline cut.  0 with *names (malloc'd,
 * each name too) and *n >= 1, or -1 with err = tcpdump's "Unable to open file: ..." or
 * "Nothing in FILE". */
int capture_file_list(const char *path, char ***names, int *n, char *err);
/* Progress line on stderr ("synack: 42% of the file, N pkt/s, 0:03 elapsed, 0:04 left") while
 * files opened from now on are read, shown after the first second of a read; the caller
 * enables it only when stderr is a terminal.  Cleared when a read ends. */
void capture_progress(int on);
/* 1 when a signal stopped the capture. */
int capture_interrupted(void);
/* Stop from a callback (count reached, -W limit, write error). */
void capture_stop(struct capture *c);
/* Install SIGINT/SIGTERM/SIGHUP handlers that stop the loop cleanly.  main() calls it once
 * with NULL at start-up (a signal during set-up then ends the run cleanly before the
 * first packet) and again with the open capture. */
void capture_signals(struct capture *c);
/* Print tcpdump's "N packets captured / received by filter / dropped by kernel". */
void capture_print_stats(struct capture *c, unsigned long long captured);
/* 1 when expr compiles as a pcap-filter(7) expression (for an Ethernet link);
 * else 0 and libpcap's message in errbuf.  Used to tell a typo from a filter. */
int capture_filter_compiles(const char *expr, char *errbuf, size_t errlen);
/* -j NAME: libpcap's time stamp type, or -1. */
int capture_tstamp_type_from_name(const char *name);
/* A descriptor to poll(2) for packets on a live capture, or -1. */
int capture_selectable_fd(struct capture *c);
/* Non-blocking reads on a live capture (synack top).  Returns 0 or -1 (err filled). */
int capture_set_nonblock(struct capture *c, char *err);
/* libpcap's version line, for -h and --version. */
const char *capture_lib_version(void);
/* The DLT for a -y name ("EN10MB"), or -1. */
int capture_linktype_from_name(const char *name);
/* Kernel drop counters, for diagnose and conns.  Live: pcap_stats (ps_recv;
 * ps_drop + ps_ifdrop).  Files: the pcapng Interface Statistics Blocks
 * (isb_ifrecv, else isb_filteraccept; isb_ifdrop + isb_osdrop; the last
 * block of each interface, summed over interfaces and sections), read
 * bounds-checked with pread after capture_want_file_stats().  Returns 1 and
 * fills recv / drops when the numbers are known, else 0. */
int capture_drop_stats(struct capture *c, uint64_t *recv, uint64_t *drops);
/* Files: keep a descriptor to scan the pcapng statistics later (call before
 * the sandbox; does nothing for stdin, pipes and classic pcap files). */
void capture_want_file_stats(struct capture *c, const char *path);
/* The same scan of a pcapng file by name (tests, tools).  Returns 1 when it holds statistics. */
int capture_pcapng_stats(const char *path, uint64_t *recv, uint64_t *drops);
/* "EN10MB (Ethernet)" */
void capture_linktype_desc(int dlt, char *buf, size_t n);
/* -D */
int capture_list_devices(char *err);
/* -L */
int capture_list_linktypes(struct capture *c, char *err);
/* -Z: setgid/initgroups/setuid to the user; keep_dac: CAP_DAC_OVERRIDE stays effective
 * (for creating the -w file; sandbox_enter() drops it).  Returns 0 or -1. */
int capture_drop_privileges(const char *user, int keep_dac, char *err);
void capture_close(struct capture *c);

#endif
