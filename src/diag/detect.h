/*
 * detect.h - packet-level detectors for diagnose: the causes that are not in
 * any TCP connection record.  Fed every decoded packet with its bytes; at the
 * end it hands over what it found as plain events that diag turns into
 * findings.
 *
 *   neighbor-unreachable  ARP requests / IPv6 neighbour solicitations for an
 *                         address that nobody answers
 *   duplicate-ip          two different MACs answer (ARP reply / neighbour
 *                         advertisement) for the same address
 *   dns-failure           DNS queries answered NXDOMAIN / SERVFAIL / REFUSED,
 *                         or never answered, with no successful answer for
 *                         the same name afterwards
 *   tls-rejected          a TLS alert, or a reset / FIN from the server right
 *                         after a ClientHello, before any ServerHello
 *   ttl-expired           ICMP time exceeded / ICMPv6 hop limit exceeded
 *                         quoting a TCP or UDP packet
 *
 * When each one speaks (details in detect.c):
 *   neighbor-unreachable  >= 3 requests, or requests over >= 1 s, in one run
 *                         (gaps <= 5 s), and no answer in the whole capture;
 *                         ARP probes (sender 0.0.0.0), gratuitous ARP and
 *                         duplicate address detection (from ::) are not
 *                         requests.  Per link on cooked v2 (ifindex).
 *   duplicate-ip          the MAC an answer names (ARP sender / target
 *                         link-layer option), else the frame's source MAC.
 *   dns-failure           per name (any type), failures of queries sent after
 *                         its last successful answer; "no answer" needs >= 2
 *                         tries or >= 2 s to the end of the capture; UDP only;
 *                         a failed name whose prefix was answered (search
 *                         list), PTR NXDOMAIN and NXDOMAIN for "_..." names
 *                         are not failures.  qtype: the first query's.
 *   tls-rejected          records that start a segment only (no reassembly);
 *                         one event per server, port, SNI and detail.
 *   ttl-expired           one event per quoted destination, port, protocol;
 *                         traceroute's UDP ports 33434-33534 are ignored.
 *
 * Memory: bounded tables (caps at det_new); what does not fit is counted
 * (det_dropped).  Bytes are borrowed for the duration of det_packet() only.
 * Cost: about 10-20 ns per packet on top of decode (measured on the bench
 * capture).
 */
#ifndef SYNACK_DETECT_H
#define SYNACK_DETECT_H

#include <stdint.h>

#include "../decode/decode.h"

enum det_kind {
	DET_NEIGHBOR_UNREACHABLE = 1,
	DET_DUPLICATE_IP,
	DET_DNS_FAILURE,
	DET_TLS_REJECTED,
	DET_TTL_EXPIRED,
};

#define DET_MAX_PKTS 8

struct det_event {
	enum det_kind kind;
	int v6;
	uint8_t addr[16];           /* neighbor/duplicate: the address asked for; dns: the DNS server;
				     * tls: the server; ttl: the destination of the quoted packet */
	uint8_t peer[16];           /* dns/tls: the client; ttl: the ICMP sender (router); neighbor: the asker */
	uint16_t port, peer_port;   /* tls: server port, client port; dns: 53, the client's port;
				     * ttl: quoted destination port, quoted source port */
	uint8_t mac[2][6];          /* duplicate-ip: the two MACs that answered; neighbor: the asker's MAC */
	char name[256];             /* dns: the query name; tls: the SNI ("" when none) */
	char detail[128];           /* dns: "NXDOMAIN", "SERVFAIL", "REFUSED", "no answer";
				     * tls: the alert's name ("handshake_failure", "protocol_version", ...)
				     * or "reset after ClientHello" / "closed after ClientHello";
				     * ttl: "time exceeded in transit" / "hop limit exceeded";
				     * neighbor: "no answer"; duplicate: "two MACs answer" */
	int qtype;                  /* dns: the query type (1 A, 28 AAAA, ...) */
	uint8_t quoted_ttl;         /* ttl: TTL left in the quoted header (usually 0 or 1) */
	uint8_t quoted_proto;       /* ttl: 6 TCP, 17 UDP */
	uint64_t count;             /* requests / failed queries / rejected connections / ICMP
				     * errors; duplicate-ip: answers */
	double first, last;         /* times of the first and last packet involved */
	uint64_t pkts[DET_MAX_PKTS];/* packet numbers that prove it, first ones first */
	int npkts;
};

struct det;

struct det *det_new(void);
/* One decoded packet; data/caplen are its bytes (pk->pay_off/pay_len index them). */
void det_packet(struct det *d, const struct pkt *pk, const uint8_t *data, uint32_t caplen);
/* A packet no detector reads (a bare TCP ACK: no payload, no FIN or RST):
 * det_packet only notes its time.  A caller may skip det_packet for it and
 * pass the latest such time to det_time before det_events instead. */
static inline int det_ignores(const struct pkt *pk)
{
	return pk->has_tcp && pk->tcp.paylen == 0 && !(pk->tcp.flags & (TCPF_RST | TCPF_FIN));
}
void det_time(struct det *d, double t);
/* Calls cb for every event found, in time order of their first packet.
 * Returns the number of events. */
int det_events(struct det *d, void (*cb)(void *user, const struct det_event *ev), void *user);
void det_free(struct det *d);
/* What did not fit in the tables (addresses, queries, names, connections,
 * events): a non-zero count means the events may be incomplete. */
uint64_t det_dropped(const struct det *d);

#endif
