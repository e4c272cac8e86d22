/*
 * track.h - the streaming TCP tracker: every TCP packet is mapped to its
 * connection and direction, tagged with what it means (the tags follow the
 * meanings Wireshark gives its tcp.analysis flags), and every connection is
 * summarised in a record.
 *
 * Ownership: the tracker owns its connections.  A finished connection (closed
 * and quiet for a while, idle too long, or evicted because the table is full)
 * is handed to the done callback and freed right after the callback returns;
 * the callback must copy what it keeps.  Memory is O(live connections): the
 * table has a hard cap (cfg.max_conns) and overflow is counted.
 * Sequence space is modulo 2^32 throughout; every time and duration is in
 * seconds (outputs convert, e.g. to ms).
 *
 * Files: flow.c (table), track.c (tracker_packet), analysis.c (per-segment
 * rules), rtt.c (RTT), tags.c (tag names, states); track_int.h for internals.
 */
#ifndef SYNACK_TRACK_H
#define SYNACK_TRACK_H

#include <stddef.h>
#include <stdint.h>

#include "../decode/decode.h"

/* Per-packet tags. */
enum {
	TAG_SYN = 1u << 0,            /* handshake step 1 */
	TAG_SYNACK = 1u << 1,         /* handshake step 2 */
	TAG_HS_ACK = 1u << 2,         /* handshake step 3 */
	TAG_RETRANS = 1u << 3,
	TAG_FAST_RETRANS = 1u << 4,
	TAG_SPURIOUS = 1u << 5,
	TAG_OUT_OF_ORDER = 1u << 6,
	TAG_LOST_SEGMENT = 1u << 7,   /* previous segment not captured */
	TAG_ACKED_UNSEEN = 1u << 8,   /* ACK of a segment that was not captured */
	TAG_DUP_ACK = 1u << 9,
	TAG_ZERO_WINDOW = 1u << 10,
	TAG_ZW_PROBE = 1u << 11,
	TAG_ZW_PROBE_ACK = 1u << 12,
	TAG_WINDOW_FULL = 1u << 13,
	TAG_WINDOW_UPDATE = 1u << 14,
	TAG_KEEPALIVE = 1u << 15,
	TAG_KEEPALIVE_ACK = 1u << 16,
	TAG_PORT_REUSE = 1u << 17,
	TAG_RST = 1u << 18,
	TAG_SYN_RETRANS = 1u << 19,   /* SYN or SYN-ACK sent again (attempt n) */
	TAG_BAD_ACK = 1u << 20,       /* acknowledges data never sent (beyond the window of what was seen) */
	TAG_OUT_OF_WINDOW = 1u << 21, /* far outside the receiver's window */
	TAG_WSCALE_UNKNOWN = 1u << 22,/* first packet of a connection whose handshake was not seen */
	TAG_FIN = 1u << 23,
};

struct tcp_result {
	uint32_t tags;
	struct conn *conn;
	int dir;                /* 0 client->server, 1 server->client */
	uint32_t dupack_num;
	int syn_attempt;        /* 2, 3, ... for SYN / SYN-ACK retransmissions */
	double syn_interval;    /* seconds since the previous attempt */
	int rst_by;             /* 0 client, 1 server (when TAG_RST) */
	double ack_rtt;         /* >= 0 when this ACK gave an RTT sample */
	uint32_t in_flight;     /* bytes in flight after this segment (data packets) */
};

#define RTT_SLOTS 4
#define GAP_SLOTS 4
#define SYN_TIMES 8     /* SYN / SYN-ACK attempt times kept */

/* What an ICMP error about a connection quoted (conn.icmp_what). */
enum { ICMP_QUOTED_SYN, ICMP_QUOTED_SYNACK, ICMP_QUOTED_OTHER };

/* The fields the tracker reads or writes for every segment come first, so a
 * segment touches few cache lines of its connection (with hundreds of live
 * connections they are not all in the CPU cache): a third of struct half. */
struct half {
	int seen;
	uint32_t nextseq;       /* highest seq + len (+1 for SYN/FIN) seen */
	uint32_t maxseqtobeacked;
	uint32_t lastack;        /* raw ACK field of the last segment, ACK flag or not (as Wireshark) */
	uint32_t last_real_ack;  /* last ACK field of a segment with the ACK flag */
	uint32_t window;        /* last window, scaled when the scale is known */
	int window_set;
	int32_t dupacknum;      /* -1: an ACK of an unseen segment was just reported */
	uint32_t last_tags;     /* tags of the last segment in this direction */
	int wscale;             /* from this side's SYN: -1 none seen, else 0..14 */
	int syn_opt_ws;         /* this side's SYN carried the window scale option */
	uint32_t max_win;
	int nextseq_set;
	int lastack_set;
	int maxseq_set;
	int isn_set;
	uint32_t isn;
	uint8_t ttl_first, ttl_last;
	uint16_t ipid_last;
	int ts_last_set;
	uint32_t ts_last;        /* newest TCP timestamp value sent in this direction */
	uint32_t max_seg;       /* largest payload sent */
	int nrtt;               /* rtt[] below */
	int ngap;               /* gap[] below */
	int fin, rst;
	double nextseq_time;
	uint64_t nextseq_pkt;
	double lastack_time;
	double zerowin_since;   /* > 0 while the window is zero */
	double first_data_time, last_data_time;
	uint64_t pkts, bytes;   /* packets and payload bytes */
	/* Segments waiting for their ACK, for RTT samples.  Karn's rule (RFC 6298
	 * section 5): a segment seen more than once gives no sample. */
	struct {
		uint32_t start, end;
		double dt;              /* sent at conn start + dt seconds */
		uint8_t retrans;
	} rtt[RTT_SLOTS];
	/* Capture loss or network loss?  A gap in this side's sequence space
	 * ("previous segment not captured") is resolved by what comes first: a
	 * segment of this side filling it (retransmitted: the network lost it),
	 * or an ACK of the other side past its start without any fill (the
	 * receiver had the bytes: the capture missed them).  A fill counts as a
	 * retransmission when it is tagged so, or when it was sent after the
	 * segment that revealed the gap (newer IPv4 ID or TCP timestamp): on a
	 * LAN the Wireshark rule calls a quick retransmission "out-of-order".
	 * An older fill is reordering, not loss.  At most GAP_SLOTS open gaps are
	 * followed; more are counted in gaps_untracked. */
	struct {
		uint32_t start, end;
		uint32_t tsval;         /* of the segment after the gap, when has_ts */
		uint16_t ipid;          /* of the segment after the gap, IPv4 */
		uint8_t has_ts, v4;
	} gap[GAP_SLOTS];
	/* cold: the SYN's options, event counters */
	int syn_seen;
	int mss;
	int sack_ok, ts_ok;
	uint64_t retrans, fast_retrans, spurious, ooo, lost, dupacks, zerowin, zwprobes, keepalives, winfull;
	uint64_t acked_unseen, bad_seq;
	/* segments counted in bad_seq for being far beyond the window the capture saw; when the
	 * receiver then acknowledges the furthest of them (oow_end), it had a wider window (its
	 * updates went uncaptured): they are taken back out of bad_seq */
	uint64_t oow_pending;
	uint32_t oow_end;
	uint64_t dsacked;       /* this side's retransmissions the receiver reported as duplicates (D-SACK, RFC 2883) */
	double zerowin_total;
	double max_rto;         /* longest gap between a segment and its retransmission */
	int consec_rto;         /* retransmissions of the same segment in a row */
	int max_backoff;
	uint32_t last_retrans_seq;
	uint32_t fin_seq;
	double fin_time, rst_time;
	uint64_t first_pkt;
	uint32_t full_size_retrans, small_retrans; /* for path-MTU black-hole detection */
	uint64_t ooo_resent;        /* tagged out-of-order (Wireshark's timing rule) but sent after later data
				     * (newer IPv4 ID or TCP timestamp): a quick retransmission, not reordering */
	uint64_t capture_gaps;      /* gaps the receiver acknowledged, never filled in the capture */
	uint64_t repaired_gaps;     /* gaps later filled by a retransmission */
	uint64_t gaps_untracked;    /* gaps seen while all slots were busy */
};

struct conn {
	struct conn *hnext;         /* hash chain */
	struct conn *lprev, *lnext; /* activity list, oldest first */
	uint64_t id;                /* creation order */
	int v6;
	uint8_t cli[16], srv[16];
	uint16_t cport, sport;
	int client_known;           /* client decided by a SYN (not guessed) */
	double start, last;
	uint64_t first_pkt, last_pkt;
	/* read or written for most segments: next to the header, before h[] */
	int established;
	int closed;                 /* FIN both ways or RST */
	int first_rtt_set;
	unsigned hist_seen;         /* letters already recorded in history[] */
	double last_syn_time;       /* most recent SYN (without ACK) */
	double first_rtt;           /* SYN to the first ACK after it: Wireshark's out-of-order threshold */
	/* request / response */
	double req_time, resp_time;     /* first request byte, first response byte */
	double req_last_time;           /* last new request data before the response */
	double req_acked_time;          /* when the server acknowledged the whole request */
	uint32_t req_end_seq;           /* client's next sequence number after that data */
	struct half h[2];           /* 0: client->server, 1: server->client */
	/* handshake */
	int syn_count, synack_count;
	double syn_times[SYN_TIMES], synack_times[SYN_TIMES];
	uint32_t syn_isn, synack_isn;
	uint64_t syn_pkt, synack_pkt, hs_ack_pkt;
	double syn_time, synack_time, hs_ack_time;
	/* Karn's rule for the handshake: a half is unknown when the packet that
	 * ends it may answer either of two transmissions. */
	int syn_rtt_unknown;        /* the SYN was sent again before the first SYN-ACK */
	int synack_rtt_unknown;     /* the SYN-ACK was sent again before the handshake ACK */
	int synack_bad_ack;         /* SYN-ACK acknowledged something other than ISN+1 */
	/* RTT samples (seconds), never from a retransmitted segment (Karn) */
	double rtt_min, rtt_max, rtt_sum;
	uint64_t rtt_n;
	char history[24];
	size_t hlen;
	const char *end_reason;
	double closed_time;
	int rst_first_by;           /* -1 none, 0 client, 1 server */
	uint8_t rst_ttl;            /* TTL of the first RST */
	uint16_t rst_ipid;
	int port_reused;
	/* ICMP / ICMPv6 errors that quote a TCP packet of this connection (while it
	 * is live); the fields below describe the first one. */
	int icmp_count;
	int icmp_dir;               /* it quotes a packet of 0 the client, 1 the server */
	int icmp_what;              /* ICMP_QUOTED_SYN / _SYNACK / _OTHER */
	uint8_t icmp_type, icmp_code, icmp_v6;
	uint8_t icmp_from[16];
	uint16_t icmp_mtu;
	double icmp_time;
	uint64_t icmp_pkt;
	void *user;                 /* for the consumer (diagnose) */
};

struct tracker_cfg {
	size_t max_conns;       /* hard cap on live connections */
	double idle_timeout;    /* seconds without packets before an open connection is finished */
	double close_linger;    /* seconds a closed connection is kept for late packets */
	int lazy_idle;          /* files: finish idle open connections only when the table is half full
				 * (Wireshark never expires them; time jumps in a file must not split them) */
};

typedef void (*conn_done_cb)(void *user, const struct conn *c);

struct tracker;
struct tracker *tracker_new(const struct tracker_cfg *cfg, conn_done_cb done, void *user);
/* Account one decoded packet.  TCP packets are tracked (res gets the tags);
 * an ICMP / ICMPv6 error that quotes a TCP packet of a live connection is
 * attached to it (conn.icmp_*); other packets are ignored.  res may be NULL. */
void tracker_packet(struct tracker *t, const struct pkt *pk, struct tcp_result *res);
/* The live connection of a 4-tuple (either direction), or NULL. */
struct conn *tracker_find(struct tracker *t, int v6, const uint8_t *src, uint16_t sport, const uint8_t *dst,
			  uint16_t dport);
/* Finish connections idle past their timeouts at time now (live captures call this when quiet). */
void tracker_tick(struct tracker *t, double now);
/* Finish every live connection (end of input, Ctrl+C). */
void tracker_finish(struct tracker *t, const char *reason);
void tracker_free(struct tracker *t);
/* Counters: connections seen, dropped because the table was full. */
uint64_t tracker_conns_seen(const struct tracker *t);
uint64_t tracker_overflow(const struct tracker *t);

/* " [retransmission] [dup ack #2]" etc. into buf (empty when no tags). */
size_t tcp_tags_format(const struct tcp_result *r, char *buf, size_t n);
/* {"packet":N,"tags":[...],...}\n for --analyze --json (TCP packets only). */
size_t tcp_tags_json(const struct tcp_result *r, uint64_t pkt, char *buf, size_t n);
/* Handshake RTT halves in seconds, or -1 when not measurable: not captured,
 * or ambiguous because the SYN (first) / SYN-ACK (second) was retransmitted
 * before its answer (Karn's rule).  conn_hs_rtt() is SYN to handshake ACK,
 * -1 unless both halves are known. */
double conn_hs_rtt_syn(const struct conn *c);    /* SYN -> SYN-ACK */
double conn_hs_rtt_ack(const struct conn *c);    /* SYN-ACK -> handshake ACK */
double conn_hs_rtt(const struct conn *c);
/* Zeek-style connection state: S0, S1, SF, REJ, S2, S3, RSTO, RSTR, RSTOS0, RSTRH, SH, SHR, OTH. */
const char *conn_state(const struct conn *c);

#endif
