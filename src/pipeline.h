/*
 * pipeline.h - source -> packet context -> taps.
 *
 * The source (capture.c) hands every packet to pipeline_packet().  The
 * pipeline numbers it, and - only when some tap analyses packets - decodes it
 * once (src/decode/) and runs the TCP tracker on it, so every tap sees the
 * same struct pkt_ctx: the pcap header, the borrowed bytes, the packet number,
 * the decoded layers and the tracker's result.  A mode is a list of taps
 * (src/taps.h builds them): tcpdump = writer + print; conns = tracker + table;
 * diagnose = tracker + diag; --analyze = tracker + print with tags.
 *
 * The tracker is part of the pipeline, not a tap: taps that want finished
 * connections implement the conn hook.  The end of a run happens in one place,
 * pipeline_finish(): the tracker finishes every live connection (their conn
 * hooks run), then each tap's finish hook, in order.
 *
 * Ownership: the pipeline owns the tracker; taps are owned by whoever added
 * them (the free hook, when set, is called by pipeline_free).  Packet bytes
 * and the context are borrowed for the duration of the packet hook only.
 */
#ifndef SYNACK_PIPELINE_H
#define SYNACK_PIPELINE_H

#include <pcap/pcap.h>
#include <stdint.h>

#include "decode/decode.h"
#include "tcp/dedup.h"
#include "tcp/track.h"

struct pkt_ctx {
	const struct pcap_pkthdr *h;
	const uint8_t *bytes;           /* h->caplen bytes, borrowed */
	int linktype;                   /* of this packet (merged inputs may differ) */
	uint64_t num;                   /* 1-based, across every input */
	const struct pkt *pk;           /* decoded layers; NULL when nothing analyses */
	const struct tcp_result *res;   /* tracker result; NULL when nothing analyses, or for a
					 * capture duplicate (analysis taps skip those) */
	int dup;                        /* enum dedup_kind: a capture duplicate (not analysed) */
	struct tracker *trk;            /* the tracker, for taps that look connections up */
};

struct pipeline;

struct tap_ops {
	const char *name;
	/* Every packet, in input order.  Returns 0, or 1 to stop the run (write error, -W limit):
	 * the taps after this one do not see the packet and the source should stop. */
	int (*packet)(void *self, const struct pkt_ctx *px);
	/* A finished TCP connection (copy what you keep). Optional. */
	void (*conn)(void *self, const struct conn *c);
	/* Input ended; the tracker is about to finish every live connection. Optional. */
	void (*stop)(void *self);
	/* End of input (or Ctrl+C), after the tracker finished: returns the number of problems found (diagnose), else 0. Optional. */
	int (*finish)(void *self, struct pipeline *pl);
	/* Release the tap. Optional. */
	void (*release)(void *self);
};

#define PIPELINE_MAX_TAPS 8

struct pipeline {
	struct { const struct tap_ops *ops; void *self; } taps[PIPELINE_MAX_TAPS];
	int ntaps;
	struct tracker *trk;            /* NULL unless pipeline_track() */
	struct dedup *dedup;            /* NULL unless pipeline_dedup() */
	int decode;                     /* decode every packet even without a tracker (pipeline_decode) */
	int nano;                       /* timestamps are nanoseconds */
	uint64_t count;                 /* packets seen */
	int finished;
	int stopped;                    /* a tap asked to stop the run */
	struct pkt pk;
	struct tcp_result res;
};

void pipeline_init(struct pipeline *pl, int nano);
/* Adds a tap at the end of the list.  Returns 0, or -1 when the list is full. */
int pipeline_add(struct pipeline *pl, const struct tap_ops *ops, void *self);
/* Decode and track every packet from now on.  Returns 0 or -1 (out of memory). */
int pipeline_track(struct pipeline *pl, const struct tracker_cfg *cfg);
/* Decode every packet (px->pk set) without tracking TCP (px->res stays NULL): taps that
 * read decoded layers but keep their own state (synack compare). */
void pipeline_decode(struct pipeline *pl);
/* conns / diagnose / report: capture duplicates (-i any forwarded copies,
 * identical packets) are recognised after decoding (src/tcp/dedup.h); the
 * tracker skips them and taps see them with res == NULL and dup set, so
 * analysis ignores them while a packet list still shows every packet.
 * Returns 0 or -1 (out of memory). */
int pipeline_dedup(struct pipeline *pl);
/* One packet from the source. */
void pipeline_packet(struct pipeline *pl, int linktype, const struct pcap_pkthdr *h, const uint8_t *bytes);
/* Live capture, quiet moment: finish connections idle past their timeouts. */
void pipeline_tick(struct pipeline *pl, double now);
/* End of the run: finish the tracker (reason: "end of capture", "capture stopped"), then every
 * tap.  Returns the sum of the taps' finish results.  Idempotent. */
int pipeline_finish(struct pipeline *pl, const char *reason);
/* Releases the tracker and every tap. */
void pipeline_free(struct pipeline *pl);

#endif
