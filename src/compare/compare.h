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
 *
 * With more than two files, each adjacent pair (1-2, 2-3, ...) is compared.
 * Exit status: 0 nothing lost or unexpected, 1 differences found, 2 error.
 */
#ifndef SYNACK_COMPARE_H
#define SYNACK_COMPARE_H

/* argv[0] is "compare"; the rest are compare's own arguments. */
int compare_cli(int argc, char **argv);

#endif
