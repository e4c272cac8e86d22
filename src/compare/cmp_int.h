/*
 * cmp_int.h - what the passes of `synack compare` share (internal to
 * src/compare/).  The pipeline of one comparison:
 *
 *   input.c   reads each capture through capture.c and a pipeline that decodes
 *             every packet once; the input tap turns a decoded packet into a
 *             compact record (struct prec: matching key, addresses, TCP fields),
 *             drops link-scope traffic and keys connections (struct ctab)
 *   clock.c   pass 1: samples records by hash, infers which capture is the
 *             client side and fits the clock offset and drift
 *   match.c   pass 2: both captures merged in corrected time; matching in a
 *             sliding window and the loss / unexpected / reorder / modified /
 *             duplicated / capture-missed classification
 *   report.c  events as they are found, the header, the text and JSON report,
 *             the library result (struct cmp_result)
 *   compare.c the module API (compare.h): set-up, run, finish, release
 *
 * Memory: tables start small and double as the input needs them, each capped.
 */
#ifndef SYNACK_CMP_INT_H
#define SYNACK_CMP_INT_H

#include <stddef.h>
#include <stdint.h>

#include "../capture.h"
#include "../decode/decode.h"
#include "../pipeline.h"
#include "../util/out.h"
#include "compare.h"
#include "ladder.h"

#define CMP_ERR 512             /* the passes' error buffers */

#define SAMPLE_MAX 65536
#define REC_MAX (1u << 18)
#define REC_START 4096          /* the tables start small and grow with the input */
#define CONN_START 1024
#define GCONN_START 256
#define HBITS 18
#define CONN_SLOTS (1u << 17)
#define CONN_MAX 65536
#define GCONN_MAX 65536
#define RES_MAX 8192
#define NBINS 16
#define MOD_KINDS CMP_NMODS
#define DEFER_MAX (1u << 20)

enum { MOD_NAT = CMP_M_NAT, MOD_MSS = CMP_M_MSS, MOD_WSCALE = CMP_M_WSCALE, MOD_SACK = CMP_M_SACK, MOD_TS = CMP_M_TS,
       MOD_TOS = CMP_M_TOS, MOD_WIN = CMP_M_WIN, MOD_PAYLOAD = CMP_M_PAYLOAD };

/* ---- one decoded packet, reduced to what matching and reporting need ---- */
struct prec {
	uint64_t key;
	uint32_t phash;
	uint8_t phlen;          /* payload bytes hashed (0: none) */
	uint8_t cap;            /* 0 or 1 */
	uint8_t state;          /* 0 free, 1 unmatched, 2 matched (kept for duplicate detection) */
	uint8_t v6, ttl, tos, flags, proto;
	uint8_t c2s;            /* sent by the connection's client */
	uint8_t has_ts, sackok;
	int8_t wscale;
	int16_t mss;
	uint16_t win;
	uint16_t sport, dport;
	uint32_t seq, ack, paylen;
	uint64_t num;
	double t;               /* own clock, seconds since the base */
	double tc;              /* reference (first file's) clock */
	int32_t gid;            /* global connection, -1 none */
	uint8_t src[16], dst[16];
	uint32_t hnext, fnext;  /* 1-based indices, 0 = none */
	uint32_t snext;         /* sequence chain (segments carrying sequence space), 0 = none */
	uint32_t sb;            /* its bucket in the sequence chains (when schain) */
	uint8_t schain;         /* linked in the sequence chain */
	uint8_t retx;           /* its sequence range had been sent before (sender's capture) */
};

/* ---- per-capture connection table (canonical 4-tuple) ---- */
struct cconn {
	uint8_t used, v6, client_set, client_is_a;
	uint8_t dirs;           /* bit 0: a packet from a seen, bit 1: from b */
	uint8_t proto;
	uint8_t a[16], b[16];
	uint16_t pa, pb;
	int32_t gid;
};

struct ctab {
	struct cconn *slot;
	unsigned n, cap;        /* cap: slots, a power of two, grown up to CONN_SLOTS */
};

/* ---- a connection as reported (both captures) ---- */
struct gconn {
	char label[136];        /* client endpoint <-> server endpoint, client-side addressing */
	char other[136];        /* the same at the server-side capture when NAT rewrote it */
	uint32_t seen[2][2];    /* [0 client-side, 1 server-side capture][path]: packets each capture saw */
	uint32_t lost[2], unexp[2], reord[2], dup[2], modif[2], missed[2];
	uint32_t rack[2];       /* highest ACK the receiver of each path sent (rack_set) */
	uint32_t snd_hi[2];     /* highest sequence end each path's sender was seen sending (snd_set) */
	uint8_t rack_set[2], snd_set[2];
	uint8_t rttl[2];        /* TTL matched packets of each path arrive with (0 unknown) */
	uint8_t modseen[2][MOD_KINDS];
	uint8_t labelled_from_client;
	uint32_t last_rnum_lo[2], max_snum_lo[2]; /* reorder detection (packet numbers, low bits) */
	uint64_t last_rnum[2], max_snum[2];
	int32_t alias;          /* merged into this connection, -1 none */
};

struct sample {
	uint64_t key;
	double t;
	uint8_t ttl, c2s;
};

struct reservoir {
	double v[RES_MAX];
	uint64_t n;
	double min, max, sum;
};

/* Pass 1's hash-sampled packets of both captures (clock.c). */
struct sampling {
	struct sample *smp[2];
	size_t ns[2], cap[2];    /* samples held, allocated */
	uint64_t thr[2];          /* a packet is sampled when its key hashes at most to this */
	uint64_t initsyn[2], initsa[2]; /* SYNs / SYN-ACKs with an initial TTL, per capture */
};

/* One capture being read (input.c): the source, the pipeline that decodes
 * its packets (numbered per file) and the input tap's latest record. */
struct cmp_input {
	struct cmp *c;
	int k;                  /* index in name[] */
	int pass;               /* 1: records go to the sample; 2: staged for the merge */
	int open;
	struct capture cap;
	struct pipeline pl;
	struct prec r;
	int have;               /* r holds the next matchable packet (pass 2) */
	int eof;
	double tfirst, tlast;   /* any packet, matchable or not */
};

struct cmp {
	const char *name[2];
	int json;
	int ladder_on;
	long ladder_gid;          /* selected connection, 0 = first */
	const char *ladder_str;
	int32_t ladder_sel;       /* -1 until chosen */
	double window_opt;
	const char *filter;
	void (*side_packet)(void *user, int k, int linktype, const struct pcap_pkthdr *h, const uint8_t *bytes);
	void *side_user;
	struct out *o;
	int64_t base;             /* seconds subtracted from every timestamp */
	/* pass 1 results */
	double first[2], last[2];
	uint64_t npk[2];
	int client_cap;           /* 0 or 1 */
	const char *role_why;
	int role_ttl[2];          /* example TTLs of the client's packets at the client/server capture */
	double off0, drift, tref; /* tB - tA = off0 + drift * (tA - tref) */
	uint64_t fit_pairs;
	int fit_bins;
	double dmax, window, ov_lo, ov_hi;
	double dlo[2], dhi[2];    /* smallest and largest one-way delay per path (reference clock), from the sample */
	double span_lo[2], span_hi[2]; /* each capture's first and last packet, reference clock */
	int empty_cap;            /* the capture with no IP packets to compare, -1 none */
	struct ctab ct1[2];       /* pass 1's connection tables: which directions each capture saw */
	/* pass 2 */
	struct prec *rec;
	uint32_t *bucket;
	uint32_t *sbucket;        /* sequence chains: retransmissions of a segment */
	uint32_t freelist;
	uint32_t head[2], tail[2];
	uint32_t nrec;
	struct ctab ct[2];
	struct gconn *g;
	int32_t ng, g_cap;
	uint32_t rec_cap;         /* records allocated (grown up to REC_MAX) */
	uint64_t untracked;
	struct reservoir delay[2]; /* [0] client->server, [1] server->client */
	unsigned hops[2][256];
	uint64_t matched, lost[2], unexp[2], reord[2], dup[2], modif[2], outside, skipped, linkscope;
	uint64_t missed[2];       /* [capture]: packets that capture missed (seen to arrive or leave elsewhere) */
	uint64_t proven[2];       /* [capture]: of those, proven ones (acknowledged data, seen at the other end) */
	uint64_t beyond[2];       /* [path]: unanswered packets judged although outside the other capture's span */
	struct prec *defer;       /* losses nothing proves or disproves (pure ACKs, RSTs, UDP...), decided at the end */
	uint32_t ndefer, defer_cap;
	uint64_t evcount, rng;
	struct ladder *lad;
	int baseset;              /* base is set (from the first packet read) */
	struct sampling sm;
	struct cmp_input in[2];
	/* library use (compare_files): no output, results collected here */
	int quiet;
	struct cmp_result *res;
	uint64_t tcp_npk[2], matched_tcp, matched_syn;
};

/* ---- helpers (no libm: the Makefile does not link it) ---- */
static inline double dabs(double x)
{
	return x < 0 ? -x : x;
}

static inline uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

static inline uint32_t fnv(const uint8_t *p, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

/* input.c */
/* Fills r from a decoded packet: 0 when it is an IP packet that can be
 * matched, -2 link-scope traffic, -1 anything else. */
int cmp_make_rec(struct prec *r, const struct pkt *pk, const uint8_t *data, int cap);
int cmp_ctab_init(struct ctab *t);
/* The entry of r's connection in t (either direction); created when insert
 * (NULL when not found, or full).  *is_a: r goes from endpoint a to b. */
struct cconn *cmp_conn_get(struct ctab *t, const struct prec *r, int *is_a, int insert);
/* r's connection in capture cap's table (created); sets r->c2s.  NULL when the table is full. */
struct cconn *cmp_classify(struct cmp *c, int cap, struct prec *r);
/* Pass 1: reads both captures one after the other into the sample. */
int cmp_read_pass1(struct cmp *c, char *err);
/* Pass 2: reads both captures merged in corrected time into cmp_process(). */
int cmp_read_pass2(struct cmp *c, char *err);

/* clock.c */
int cmp_sample_init(struct cmp *c, char *err);
void cmp_sample_free(struct cmp *c);
void cmp_sample_add(struct cmp *c, int k, const struct prec *r);
/* After pass 1: client side, offset, drift, delay bounds, window.  0 or -1 (err). */
int cmp_clock_fit(struct cmp *c, char *err);
/* Capture cap's clock -> the reference (first file's) clock. */
double cmp_to_ref(const struct cmp *c, int cap, double t);
/* Absolute time in capture k's clock of reference-clock time tc. */
double cmp_abs_in(const struct cmp *c, int k, double tc);
void cmp_fix_negative_delays(struct cmp *c);
int cmp_dbl(const void *a, const void *b);

/* match.c */
void cmp_process(struct cmp *c, struct prec *r);
/* End of pass 2: judge everything still held. */
void cmp_match_end(struct cmp *c);
int32_t cmp_gresolve(const struct cmp *c, int32_t g);
int cmp_is_upstream(const struct cmp *c, const struct prec *r);

/* report.c */
void cmp_flags_str(char *b, uint8_t f);
const char *cmp_kind_of(const struct prec *r);
void cmp_fmt_abs(const struct cmp *c, char *buf, size_t n, double t, int iso);
void cmp_res_add(struct reservoir *r, double v, uint64_t *rng);
double cmp_res_q(struct reservoir *r, double q);
const char *cmp_side_name(const struct cmp *c, int cap);
void cmp_emit_event(struct cmp *c, const char *ev, const struct prec *r, const char *extra_key, const char *extra,
		    const struct prec *peer);
void cmp_ladder_row(struct cmp *c, const struct prec *snd, const struct prec *rcv, const struct prec *any, int status);
void cmp_header(struct cmp *c);
void cmp_report(struct cmp *c);
int cmp_top_hops(const unsigned *h);
int cmp_nconn(const struct cmp *c);
void cmp_fill_result(struct cmp *c, struct cmp_result *res);

#endif
