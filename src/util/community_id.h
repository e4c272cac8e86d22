/*
 * community_id.h - Community ID v1 flow hashes (Corelight's community-id-spec):
 * "1:" + base64(SHA-1(seed, addresses, protocol, 0, ports)), the same for both
 * directions of a flow, so synack's records join Zeek, Suricata and Arkime
 * records of the same flow.  The seed (2 bytes, default 0) is process-wide:
 * main.c sets it from --community-id-seed.
 */
#ifndef SYNACK_COMMUNITY_ID_H
#define SYNACK_COMMUNITY_ID_H

#include <stddef.h>
#include <stdint.h>

#define COMMUNITY_ID_LEN 32     /* "1:" + 28 base64 characters + NUL, rounded up */

void community_id_set_seed(uint16_t seed);
uint16_t community_id_seed(void);

/*
 * The ID of a flow seen as src -> dst (addresses 4 or 16 bytes, network
 * order).  For ICMP (1) and ICMPv6 (58) sport/dport are the type and code.
 * Protocols without ports (neither TCP, UDP, SCTP, ICMP nor ICMPv6) hash
 * only the addresses and protocol.  Writes the NUL-terminated text to out;
 * returns its length, 0 if n is too small.
 */
size_t community_id_v1(char *out, size_t n, uint16_t seed, int v6, const uint8_t *saddr, const uint8_t *daddr,
		       uint8_t proto, uint16_t sport, uint16_t dport);

/* For a TCP connection with the process-wide seed. */
size_t community_id_tcp(char *out, size_t n, int v6, const uint8_t *saddr, uint16_t sport, const uint8_t *daddr,
			uint16_t dport);

/*
 * For a diagnose label "ADDR:PORT -> ADDR:PORT" (IPv6 as "[ADDR]:PORT"), TCP,
 * process-wide seed.  Returns 0 (out = "") when the label is not a pair of
 * endpoints ("port summary", a bare server endpoint).
 */
size_t community_id_label(char *out, size_t n, const char *label);

/* Standard base64 (RFC 4648, with '=' padding) of in; returns the length, 0 if n is too small. */
size_t base64_encode(char *out, size_t n, const uint8_t *in, size_t len);

#endif
