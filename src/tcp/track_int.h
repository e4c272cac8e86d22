/*
 * track_int.h - internals shared by the files of the TCP tracker (not an API):
 *
 *   flow.c      the flow table: hash, activity (LRU) list, cap, expiry, eviction, finish
 *   track.c     tracker_packet(): per-packet orchestration (flow, handshake and
 *               close bookkeeping, then analysis, then RTT) and the ICMP errors
 *               that quote a packet of a live connection
 *   analysis.c  the Wireshark-order per-segment rules, D-SACK, sequence gaps
 *   rtt.c       RTT samples (Karn's rule), handshake RTT halves
 *   tags.c      tag names and formatters, Zeek connection state, history letters
 *
 * Every threshold the rules use is named here, once, with the reason for it.
 * Times are seconds (double) everywhere in the tracker.
 */
#ifndef SYNACK_TRACK_INT_H
#define SYNACK_TRACK_INT_H

#include "track.h"

/* Sequence-space comparisons, modulo 2^32 (RFC 9293 3.4). */
#define SEQ_LT(a, b) ((int32_t)((uint32_t)(a) - (uint32_t)(b)) < 0)
#define SEQ_LE(a, b) ((int32_t)((uint32_t)(a) - (uint32_t)(b)) <= 0)
#define SEQ_GT(a, b) ((int32_t)((uint32_t)(a) - (uint32_t)(b)) > 0)

/* ---- thresholds ---------------------------------------------------------- */

/* A retransmission within this many seconds of the second duplicate ACK that
 * asked for it is a fast retransmission (Wireshark's rule). */
#define FAST_RETRANS_WINDOW 0.020
/* An older segment arriving within this many seconds of the newest one is
 * out-of-order rather than retransmitted, when the first RTT (SYN to the first
 * ACK) is unknown; otherwise the first RTT is the threshold (as Wireshark). */
#define OOO_DEFAULT_THRESHOLD 0.003
/* An ACK this far (or farther) away, either way, from anything the other side
 * sent is bogus: 1 GiB, a quarter of the sequence space. */
#define BOGUS_ACK_MIN (1u << 30)
#define BOGUS_ACK_MAX (3u << 30)
/* A segment is out of window when it starts more than OOW_WIN_FACTOR times the
 * receiver's largest window plus OOW_WIN_SLACK bytes past its last ACK (room
 * for window growth the capture did not show), or more than OOW_FAR bytes
 * before it; OOW_FAR is also the forward limit when no window was seen. */
#define OOW_WIN_FACTOR 4u
#define OOW_WIN_SLACK 65536u
#define OOW_FAR (1u << 30)
/* Path-MTU black-hole signs: a retransmission is "full size" when the side's
 * largest segment is at least FULL_SEG_MIN bytes and this one is as large, or
 * within HDR_ALLOWANCE bytes (IPv4 + TCP headers) of the peer's MSS. */
#define FULL_SEG_MIN 1000u
#define HDR_ALLOWANCE 40u

/* ---- flow table ---------------------------------------------------------- */

#define DEFAULT_MAX_CONNS ((size_t)1 << 18)   /* cfg.max_conns 0 */
#define DEFAULT_IDLE_TIMEOUT 300.0            /* seconds, cfg.idle_timeout 0 */
/* Seconds a closed connection stays for late FIN retransmissions and final
 * ACKs (cfg.close_linger 0): they arrive well within this. */
#define DEFAULT_CLOSE_LINGER 3.0
#define MIN_BUCKETS ((size_t)1024)
#define MAX_BUCKETS ((size_t)1 << 24)
/* Timeouts are seconds: the expiry scan runs once every EXPIRE_EVERY packets
 * and finishes at most EXPIRE_BUDGET connections per scan. */
#define EXPIRE_EVERY 64u
#define EXPIRE_BUDGET 64
/* Finished records kept for reuse (no malloc/free churn). */
#define FREELIST_MAX 4096

/* The connection of a TCP packet, created when new (a SYN with a new ISN on a
 * known 4-tuple finishes the old one first: TAG_PORT_REUSE), moved to the end
 * of the activity list.  Also advances the tracker's clock (now: the packet's
 * time) and runs the expiry
 * scan.  NULL when the table is full and nothing can be evicted, or out of
 * memory.  *dir: 0 client->server, 1 server->client; *tags gets
 * TAG_PORT_REUSE / TAG_WSCALE_UNKNOWN. */
struct conn *flow_packet(struct tracker *t, const struct pkt *pk, double now, int *dir, uint32_t *tags);
/* c is closed (FIN both ways or RST): it moves to the list of closed
 * connections, finished close_linger seconds after its last packet. */
void flow_closed(struct tracker *t, struct conn *c);

/* ---- one segment, as the stages see it ----------------------------------- */

struct seg {
	const struct pkt *pk;
	const struct tcp_seg *s;
	struct conn *c;
	struct half *fwd, *rev;         /* the sender's half, the receiver's half */
	struct tcp_result *res;
	double now;
	uint32_t seq, ack, seglen;
	uint32_t window;                /* scaled when the scale is known */
	uint8_t flags;
	int dir;
	uint32_t tags;
	/* the sender's previous IPv4 ID / newest TCP timestamp, before this segment */
	uint16_t ipid_prev;
	int ts_prev_set;
	uint32_t ts_prev;
	/* set by the stages for the ones after them */
	int hs_acked;                   /* this packet completed the handshake */
	int not_advanced;               /* sequence space below the sender's highest */
	int advanced;                   /* the sender's highest sequence number moved to end */
	uint32_t end;                   /* seq + seglen (+1 for SYN/FIN) */
};

/* analysis.c: the Wireshark-order rules and the sequence state of both halves. */
void analysis_segment(struct seg *g);

/* rtt.c: Karn marking of retransmitted data, new samples. */
void rtt_segment(struct seg *g);

/* tags.c: Zeek-style history letter (upper case: client, lower: server), once each. */
void history_record(struct conn *c, char letter, int resp, unsigned bit);

/* The letter's bit in conn.hist_seen: its place in "SHADFRTWGQ" times two,
 * plus resp; 0 for other letters.  A constant where the letter is one. */
static inline unsigned history_bit(char letter, int resp)
{
	unsigned i;
	switch (letter) {
	case 'S': i = 0; break;
	case 'H': i = 1; break;
	case 'A': i = 2; break;
	case 'D': i = 3; break;
	case 'F': i = 4; break;
	case 'R': i = 5; break;
	case 'T': i = 6; break;
	case 'W': i = 7; break;
	case 'G': i = 8; break;
	case 'Q': i = 9; break;
	default: return 0;
	}
	return 1u << (i * 2 + (unsigned)resp);
}

/* Inline: nearly every call finds its letter already recorded. */
static inline void history_add(struct conn *c, char letter, int resp)
{
	unsigned bit = history_bit(letter, resp);
	if (bit && !(c->hist_seen & bit))
		history_record(c, letter, resp, bit);
}

#endif
