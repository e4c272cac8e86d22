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
 * length, timestamps and SACK blocks, and the TCP or UDP checksum (which
 * covers the payload unless offloaded).  IPv4
 * fragments and IPv6 packets other than TCP and UDP are never matched
 * (nothing tells two of them apart).  The first copy is kept for analysis;
 * printing and -w see every packet.
 *
 * Memory: a fixed table of DEDUP_SLOTS recent packets (24 bytes each) and of
 * packet counters per (hashed) flow, no
 * allocation per packet; a pair further apart than the table remembers is
 * simply not recognised (analysed twice, as before).
 */
#ifndef SYNACK_DEDUP_H
#define SYNACK_DEDUP_H

#include <stdint.h>

#include "../decode/decode.h"

#define DEDUP_SLOTS 16384           /* power of two */
#define DEDUP_FWD_WINDOW_US 1000000 /* in -> out copy of a forwarded packet (queues, netem delays) */
#define DEDUP_SAME_WINDOW_US 5000   /* identical copies */

enum dedup_kind { DEDUP_NONE = 0, DEDUP_FORWARDED, DEDUP_IDENTICAL };

struct dedup;
struct dedup *dedup_new(void);
/* Classifies one decoded packet; bytes/caplen are the borrowed packet bytes
 * (only the transport checksum is read from them, bounds-checked).  Returns
 * DEDUP_NONE for a packet to analyse, else the kind of duplicate it is. */
enum dedup_kind dedup_packet(struct dedup *d, const struct pkt *pk, const uint8_t *bytes, uint32_t caplen);
uint64_t dedup_forwarded(const struct dedup *d);
uint64_t dedup_identical(const struct dedup *d);
void dedup_free(struct dedup *d);

#endif
