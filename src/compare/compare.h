/*
 * compare.h - `synack compare`: the same traffic captured at two points of a
 * path (client side and server side), packet by packet.
 *
 *   synack compare A.pcap B.pcap [C.pcap ...] [expression] [--json]
 *                  [--ladder[=CONN]] [--window SECONDS]
 *
 * Packets are matched on fields a router or a NAT does not rewrite (IPv4 ID,
 * TCP seq/ack/flags, TCP timestamps, payload length; a hash of the first
 * payload bytes breaks ties and reveals rewritten payloads).  Pass 1 reads
 * both files and keeps a hash-sampled subset (bounded) to infer which capture
 * is the client side (TTLs, else timing) and to fit the clock offset and drift
 * from the minimum-delay envelopes of both directions.  Pass 2 merges the two
 * files in corrected time order and matches packets inside a sliding window:
 * only the unmatched packets of the last few seconds are held.  What is left
 * over is lost (seen at the sender's capture only) or unexpected (seen at the
 * receiver's only); matched pairs give delays, hop counts, reordering,
 * duplicates and in-flight modifications (NAT, MSS clamping, options, DSCP/ECN).
 * A packet is judged when its expected arrival at the other capture point
 * falls inside that capture's first-to-last packet span (or, assuming both
 * ran at the same time, when nothing answered its connection and the other
 * capture never saw it, e.g. is empty).  Capture loss is told from network
 * loss: a "lost" packet the receiver acknowledged (never sent again) and an
 * unexpected one (TTL of the path, not an ICMP error) were missed by a
 * capture, counted per capture (cap_missed), not lost.  Link-scope traffic
 * (ND, MLD, fe80::/10, ff02::/16, 169.254/16, 224.0.0.0/24) is never matched.
 *
 * With more than two files, main.c compares each adjacent pair (1-2, 2-3, ...).
 * Exit status: 0 nothing lost or unexpected, 1 differences found, 2 error.
 *
 * The module (src/compare/cmp_int.h shows the passes): main.c parses the
 * command line and, per pair,
 *
 *   struct cmp *c = compare_new(a, b, &opts, out, NULL, err, n);
 *   compare_run(c, err, n);       reads both files twice (pass 1, pass 2);
 *                                 the header goes to out between the passes
 *   compare_finish(c);            the report (and ladder) to out; 0 or 1
 *   compare_free(c);
 *
 * Errors come back in the caller's buffer; this module prints none.
 */
#ifndef SYNACK_COMPARE_H
#define SYNACK_COMPARE_H

#include <stddef.h>
#include <stdint.h>

struct out;
struct pcap_pkthdr;

/* ---- the results as numbers (used by `synack diagnose -r A -r B`) ----
 *
 * A run given a struct cmp_result (compare_new's res, or compare_files())
 * fills it; it is caller-owned and large: keep it static or on the heap.  Paths are [0] client->server and [1] server->client; times are
 * absolute (seconds since the epoch), each in the named capture's clock. */

enum cmp_kind { CMP_K_SYN, CMP_K_SYNACK, CMP_K_RST, CMP_K_FIN, CMP_K_DATA, CMP_K_ACK, CMP_K_OTHER, CMP_NKINDS };
extern const char *const cmp_kind_name[CMP_NKINDS];   /* "SYN", "SYN-ACK", ... */

enum cmp_mod { CMP_M_NAT, CMP_M_MSS, CMP_M_WSCALE, CMP_M_SACK, CMP_M_TS, CMP_M_TOS, CMP_M_WIN, CMP_M_PAYLOAD, CMP_NMODS };
extern const char *const cmp_mod_name[CMP_NMODS];     /* "nat", "mss", ... */

#define CMP_EXAMPLES 3

/* One packet seen at the sender's capture and never at the receiver's (nor
 * shown to have arrived: a capture's misses are counted apart, cap_missed). */
struct cmp_loss {
	uint64_t num;           /* packet number in the sender's capture file */
	double t_sender;        /* when it passed the sender's capture, sender's clock */
	double t_receiver;      /* the same instant in the receiver's capture clock */
	uint32_t seq, ack, len;
	int tcp;
	char kind[8];           /* "SYN", "data", "udp", "icmp"... */
	char flags[12];         /* "S", "SA", "PA"... */
	char src[64], dst[64];  /* addr:port as captured at the sender's side */
	char conn[136];         /* "client:port <-> server:port", client-side addressing */
};

struct cmp_path {
	uint64_t sent;          /* judged packets the sender's capture saw leave */
	uint64_t lost, unexpected, reordered, duplicated, modified;
	uint64_t data_sent, data_lost;   /* TCP segments with payload */
	uint64_t lost_kind[CMP_NKINDS];
	int nex[CMP_NKINDS];
	struct cmp_loss ex[CMP_NKINDS][CMP_EXAMPLES];   /* the first few of each kind */
	int conns_lost;         /* connections with at least one loss on this path */
	uint64_t mods[CMP_NMODS];
	char mod_ex[CMP_NMODS][300];     /* the first change of each kind, as text */
	char mod_conn[CMP_NMODS][136];
	uint64_t delays;        /* matched packets; the delays are in seconds */
	double delay_min, delay_median, delay_p95, delay_max;
	int hops;               /* most common TTL decrease, -1 unknown */
};

struct cmp_result {
	const char *name[2];    /* the two files, as given */
	int client_cap;         /* index in name[] of the client-side capture */
	const char *role_why;   /* "ttl", "timing" or "guess" */
	int role_ttl[2];        /* client's TTL at the client / server capture (role_why "ttl") */
	double offset;          /* server-side clock = client-side clock + offset (seconds) */
	double drift_ppm;
	double judged_from, judged_to;   /* client-side clock */
	uint64_t tcp_pkts[2];   /* matchable TCP packets in each file (name[] order) */
	uint64_t matched, matched_tcp, matched_syn, outside;
	uint64_t cap_missed[2]; /* packets each capture (name[] order) missed: capture loss, not network loss */
	uint64_t cap_missed_proven[2]; /* of those, proven (acknowledged, or seen leaving at the other point) */
	int empty_cap;          /* index in name[] of a capture with no IP packets to compare, -1 none */
	uint64_t beyond;        /* unanswered packets judged outside the other capture's span */
	int connections;
	struct cmp_path path[2];
};

struct compare_opts {
	const char *filter;     /* pcap-filter expression applied to both files; NULL or "" none */
	int json;               /* --json: NDJSON events and report */
	int ladder;             /* --ladder: the ladder diagram of one connection */
	const char *ladder_conn;/* --ladder=CONN: its number, or part of its "addr:port <-> addr:port"; NULL the first */
	double window;          /* --window SECONDS, 0 = from the measured delays */
	/* Optional: pass 2 also hands every packet of file k (0 = a, 1 = b; after the filter,
	 * nanosecond timestamps, in file order, bytes borrowed) to this hook, so that another
	 * consumer (diagnose -r A -r B: each side's pipeline) shares the read. */
	void (*side_packet)(void *user, int k, int linktype, const struct pcap_pkthdr *h, const uint8_t *bytes);
	void *side_user;
};

struct cmp;

/* A comparison of files a and b (names borrowed until compare_free).  out:
 * where the events and the report go, NULL for none.  res: filled by the
 * run and by compare_finish (caller-owned; see compare_files), or NULL.
 * NULL on error (out of memory, err filled). */
struct cmp *compare_new(const char *a, const char *b, const struct compare_opts *co, struct out *out,
			struct cmp_result *res, char *err, size_t errlen);
/* Both passes.  0, or -1 with err filled ("FILE: reason", a bad filter,
 * no IP packets, nothing in common). */
int compare_run(struct cmp *c, char *err, size_t errlen);
/* After a successful run: the report and ladder to out, the summary to res.
 * Returns 1 when packets were lost, unexpected or missed by a capture, else 0. */
int compare_finish(struct cmp *c);
void compare_free(struct cmp *c);

/* compare_new + compare_run + compare_finish without output, for callers that
 * only want the numbers.  Runs the matcher on files a and b (optional BPF filter).  0 on success;
 * -1 with err filled (unreadable file, no IP packets, nothing in common). */
int compare_files(const char *a, const char *b, const char *filter, struct cmp_result *res, char *err, size_t errlen);

/* Whether a result shows two captures of the same traffic (two vantage
 * points) rather than, say, consecutive pieces of one capture: at least 20%
 * of the smaller file's TCP packets matched, or at least 3 SYNs, or one
 * capture is empty and the other shows packets nothing answered (lost on
 * the way to the empty capture's point). */
int compare_same_traffic(const struct cmp_result *res);

#endif
