/*
 * series.h - per-connection time series for `synack graph` and `synack report`,
 * collected in one streaming pass as a tap of the pipeline (pipeline.h).
 *
 * Connections are numbered 1, 2, 3 ... in the order the tracker creates them,
 * which is the order of their first packet: the same order (and numbers) as
 * the lines of `synack conns` (sorted by start time).
 *
 * What is kept, per connection and direction (memory is bounded):
 *   - data segments (seq..seq+len, payload bytes, new bytes, bytes in flight)
 *     and ACKs (ack, ack + receive window): at most SERIES_MAX_POINTS points
 *     each; when full, neighbouring points merge pairwise into time buckets
 *     (min/max sequence, summed bytes) and later points fill buckets of the
 *     same width, so a long connection costs a fixed amount of memory.
 *   - event markers (retransmissions, fast and spurious retransmissions,
 *     out-of-order, lost segments, zero windows, window probes, SYN
 *     retransmissions, RSTs): every one up to SERIES_MAX_MARKS per connection,
 *     then only counted (marks_dropped).
 *   - SACK blocks up to SERIES_MAX_SACKS per connection, then counted.
 *   - the first SERIES_LADDER packets (flags, seq, ack, length, tags) for the ladder.
 *   - Karn-clean RTT samples (the tracker's ack_rtt) up to SERIES_MAX_RTT,
 *     then thinned (every 2nd, 4th ... sample kept).
 * At most SERIES_MAX_GRAPH connections have series (graph: only the one
 * selected with series_new(n)); when all slots are taken, a new connection
 * takes the slot of a finished one that had no event marker (the first 8 keep
 * theirs), so in a large capture the graphs go to the connections that had
 * trouble.  Every
 * connection up to SERIES_MAX_TABLE gets a summary row (later ones are counted
 * in table_dropped).
 *
 * Ownership: the series owns everything; series_free releases it.
 */
#ifndef SYNACK_SERIES_H
#define SYNACK_SERIES_H

#include <stddef.h>
#include <stdint.h>

#include "../pipeline.h"

#define SERIES_MAX_POINTS 2048
#define SERIES_MAX_MARKS 4000
#define SERIES_MAX_SACKS 4000
#define SERIES_MAX_RTT 4096
#define SERIES_MAX_GRAPH 64
#define SERIES_MAX_TABLE 20000
#define SERIES_LADDER 24        /* first packets of a connection kept for its ladder */

/* Tags that become event markers. */
#define SERIES_MARK_TAGS                                                                                    \
	(TAG_RETRANS | TAG_FAST_RETRANS | TAG_SPURIOUS | TAG_OUT_OF_ORDER | TAG_LOST_SEGMENT | TAG_ZERO_WINDOW | \
	 TAG_ZW_PROBE | TAG_SYN_RETRANS | TAG_RST)

struct series_pt {
	double t;               /* seconds since the connection started (bucket start) */
	int64_t lo, hi;         /* segments: seq, seq+len; ACKs: ack, ack + window (relative, unwrapped) */
	uint64_t bytes, good;   /* segments: payload bytes, of which not retransmitted */
	uint32_t inflight;      /* segments: bytes in flight (max over the bucket) */
	uint32_t win;           /* ACKs: receive window (bytes, scaled when known) */
	uint32_t n;             /* packets in the bucket */
};

struct series_mark {
	double t;
	int64_t seq, ack;       /* seq in the sender's space, ack in the other direction's space */
	uint32_t len, tags;
	uint64_t pkt;
	uint8_t dir;
};

struct series_sack {
	double t;
	int64_t lo, hi;         /* in the data sender's space (the ACK's dir is the receiver) */
	uint8_t dir;            /* direction of the ACK that carried it */
};

struct series_rtt {
	double t, ms;
	uint8_t dir;            /* direction of the ACK that gave the sample */
};

/* One of the first packets of a connection, for the ladder diagram. */
struct series_lpkt {
	double t;
	int64_t seq, ack;       /* relative to the sender's / the receiver's first sequence number */
	uint32_t len, tags, win;
	uint64_t pkt;
	uint8_t dir, flags;
};

struct series_dir {
	struct series_pt *seg, *ack;   /* ack[]: ACKs sent in this direction (acknowledge the other one) */
	size_t nseg, nack;
	double seg_dt, ack_dt;         /* bucket width after merging (0: every packet) */
	/* this direction's sequence space */
	int base_set;
	uint32_t base, raw_last;
	int64_t rel_last;
};

struct series_conn {
	uint64_t num;                  /* 1-based, as `synack conns` numbers them */
	char client[64], server[64];
	char state[8], history[24], end[64];
	double start, duration;
	uint64_t first_pkt, last_pkt;
	uint64_t pkts[2], bytes[2], retrans[2], fast[2], spurious[2], ooo[2], zerowin[2], lost[2], dupacks[2];
	double rtt_min, rtt_avg, rtt_max;  /* ms, -1 when no sample */
	uint64_t rtt_n;
	int done;                      /* the tracker finished it */
	/* series (NULL when this connection has none) */
	int has_series;
	struct series_dir d[2];
	struct series_mark *marks;
	size_t nmarks;
	uint64_t marks_dropped;
	struct series_sack *sacks;
	size_t nsacks;
	uint64_t sacks_dropped;
	struct series_rtt *rtt;
	size_t nrtt;
	struct series_lpkt *ladder;    /* SERIES_LADDER entries */
	size_t nladder;
	uint64_t ladder_more;          /* packets after the first SERIES_LADDER */
	uint64_t rtt_seen, rtt_stride;
};

struct series;
/* only_conn: 0 = every connection (report), else just that connection number (graph). */
struct series *series_new(uint64_t only_conn);
void series_free(struct series *s);
/* Connections in number order (index 0 = connection 1). */
size_t series_count(const struct series *s);
const struct series_conn *series_get(const struct series *s, size_t i);
/* Connection number n, or NULL. */
const struct series_conn *series_find(const struct series *s, uint64_t n);
uint64_t series_table_dropped(const struct series *s);
/* The direction that carried more payload (ties: client->server). */
int series_data_dir(const struct series_conn *c);

/* The tap (self = the struct series). */
extern const struct tap_ops tap_series_ops;

#endif
