/*
 * dedup.h - capture duplicates, so that analysis counts every packet once.
 *
 * Two kinds, both artefacts of how the capture was taken, not of the network:
 *
 *  - forwarded: `-i any` on a router (Linux cooked v1 and v2) captures every
 *    forwarded packet twice, once coming in and once going out, the second
 *    copy with the TTL / hop limit one lower, marked outgoing (packet type 4)
 *    or seen on another interface (cooked v2 interface index);
 *  - identical: the same IP packet again with the same TTL within a few
 *    milliseconds, with nothing of the reverse flow in between (a packet
 *    written twice, two taps merged, loopback seen going out and coming in
 *    on `-i any`); an answer in between makes it a possible retransmission.
 *
 * A packet is identified by what a router does not change: addresses,
 * protocol, IP ID, ports, TCP sequence / ack / flags / window / payload
 * length / timestamps / SACK blocks (not the TCP checksum: MSS clamping
 * rewrites it), UDP length and checksum.  IPv4 fragments and IPv6 packets
 * other than TCP and UDP are never matched (nothing tells them apart).  The first copy is kept for analysis;
 * printing and -w see every packet.
 *
 * Memory: a small 4-way table of recent packets, then, from the first
 * cooked packet on, a table of DEDUP_SLOTS (16 bytes each; dedup.c), no
 * allocation per packet; a pair further apart than the tables remember is
 * simply not recognised (analysed twice, as before).
 */
#ifndef SYNACK_DEDUP_H
#define SYNACK_DEDUP_H

#include <stdint.h>

#include "../decode/decode.h"
#include "track.h"

#define DEDUP_SLOTS 16384      /* power of two */
#define DEDUP_FWD_WINDOW 1.0    /* seconds from the in to the out copy of a forwarded packet (queues, netem delays) */
#define DEDUP_SAME_WINDOW 0.005 /* seconds between identical copies */

enum dedup_kind { DEDUP_NONE = 0, DEDUP_FORWARDED, DEDUP_IDENTICAL };

struct dedup;
struct dedup *dedup_new(void);
/* Classifies one decoded packet, before the tracker sees it; bytes/caplen are
 * the borrowed packet bytes (only the UDP length and checksum are read from
 * them, bounds-checked).  t (may be NULL) is asked, only for a candidate identical
 * copy, whether the other side of the connection sent anything since the
 * first copy.  Returns DEDUP_NONE for a packet to analyse, else the kind of
 * duplicate it is. */
enum dedup_kind dedup_packet(struct dedup *d, const struct pkt *pk, const uint8_t *bytes, uint32_t caplen,
			     struct tracker *t);
uint64_t dedup_forwarded(const struct dedup *d);
uint64_t dedup_identical(const struct dedup *d);
void dedup_free(struct dedup *d);

#endif
