/*
 * diag.h - `synack diagnose`: the TCP troubleshooting playbook as rules over
 * connection records and a few packet-level events (ICMP errors, ARP/ND
 * requests, TTLs per host).
 *
 * Flow: diag_packet() sees every decoded packet (after the tracker, which
 * also attaches ICMP errors to the connections they quote: conn.icmp_*), and
 * diag_conn_done() every finished connection; diag_finish() runs the rules
 * that need the whole picture (per-port and per-host patterns, vantage point)
 * and prints the findings, most serious first.  Memory: connection records
 * are reduced to small per-problem groups as they finish; host and port
 * tables are bounded.
 */
#ifndef SYNACK_DIAG_H
#define SYNACK_DIAG_H

#include "../compare/compare.h"
#include "../decode/decode.h"
#include "../util/out.h"
#include "../tcp/track.h"

struct diag;

struct diag *diag_new(struct out *o, int json, int live);
/* data/caplen: the packet's bytes (borrowed for the call; the packet-level detectors read them). */
void diag_packet(struct diag *d, const struct pkt *pk, const struct tcp_result *res,
		 const uint8_t *data, uint32_t caplen);
void diag_conn_done(struct diag *d, const struct conn *c);
/* Capture is stopping: the summary follows, so stop printing findings one by one. */
void diag_stop_live(struct diag *d);
/* Two captures of the same traffic (diagnose -r A -r B): this report is of
 * one of them.  file and role ("client", "server") are borrowed and must
 * outlive d; the text report opens with them, JSON findings carry them. */
void diag_set_source(struct diag *d, const char *file, const char *role);
/* What the capture itself did wrong or twice, so that diagnose never reports
 * it as network trouble.  Set before diag_finish() (live: may be called again
 * with newer numbers). */
struct diag_capture_info {
	int drops_known;            /* kernel_recv / kernel_drops are real numbers */
	uint64_t kernel_recv;       /* packets the kernel's filter accepted (pcap_stats ps_recv, pcapng ISB) */
	uint64_t kernel_drops;      /* dropped by the kernel / the interface (ps_drop + ps_ifdrop, pcapng ISB drops) */
	uint64_t dup_forwarded;     /* -i any on a router: forwarded packets seen twice (in and out), analysed once */
	uint64_t dup_identical;     /* the same packet twice in one capture, analysed once */
};
void diag_set_capture_info(struct diag *d, const struct diag_capture_info *ci);
/* Did the capture hold any traffic beyond link-local chatter (ARP, ND, multicast)? */
int diag_saw_traffic(const struct diag *d);
/* Prints the findings; returns the number of findings at warning level or worse. */
int diag_finish(struct diag *d);
void diag_free(struct diag *d);

/* Findings about the path between two capture points, from synack compare's
 * matcher: lost-forward, lost-return (per path: lost handshake packets with
 * their times, loss rates) and modified-in-flight.  Same output format as
 * diag_finish(); returns the number of findings at warning level or worse. */
int diag_paths(struct out *o, int json, const struct cmp_result *r);

#endif
