/*
 * findings.h - the inside of `synack diagnose` (src/diag/ only, not an API).
 *
 * Files: diag.c collects (diag_packet, diag_conn_done, host/port/MAC tables),
 * vantage.c decides the capture point, rules.c classifies one finished
 * connection, across.c holds the rules over many connections (per port, per
 * host, root cause and consequences, capture artefacts, packet-level
 * detector events), playbook.c is the table of finding kinds (texts per
 * vantage point), render.c prints findings as text or JSON.
 *
 * A finding is a group: one kind of problem towards one server endpoint,
 * with up to MAX_EXAMPLES example connections and their packet numbers.  A
 * group explained by another (a symptom of a root cause) points at its root
 * through `parent` and is printed under it as a consequence.
 */
#ifndef SYNACK_DIAG_FINDINGS_H
#define SYNACK_DIAG_FINDINGS_H

#include <stdint.h>

#include "detect.h"
#include "diag.h"
#include "diag_int.h"

enum vantage { V_UNKNOWN = 0, V_CLIENT, V_SERVER, V_MIDDLE, V_COUNT };
extern const char *const diag_vantage_name[V_COUNT];

/* Every finding kind; the enum indexes diag_kinds[], so a misspelt id does not compile. */
enum fid {
	F_NO_TRAFFIC,
	F_SYN_FLOOD,
	F_LISTEN_OVERFLOW,
	F_PMTU_BLACKHOLE,
	F_NEIGHBOR_UNREACHABLE,
	F_DUPLICATE_IP,
	F_HOST_UNREACHABLE,
	F_TTL_EXPIRED,
	F_DNS_FAILURE,
	F_REJECTED_ICMP,
	F_REFUSED_BY_MIDDLEBOX,
	F_REFUSED,
	F_NO_SYNACK,
	F_SYN_UNANSWERED,
	F_SYNACK_UNACKED,
	F_ACK_LOST,
	F_CLIENT_RESET,
	F_BAD_SEQ,
	F_TLS_REJECTED,
	F_APP_RESET,
	F_ZERO_WINDOW,
	F_EARLY_CLOSE,
	F_RESPONSE_STALLED,
	F_RTO_STALL,
	F_PACKET_LOSS,
	F_WINDOW_FULL,
	F_WSCALE_STRIPPED,
	F_SLOW_SERVER,
	F_HIGH_RTT,
	F_CAPTURE_LOSS,
	F_COUNT
};

struct diag_kind {
	const char *id;
	enum sev sev;               /* default severity */
	int cause;                  /* 1: names a cause; 0: a symptom (ranks after causes of equal severity) */
	const char *title;
	const char *causes[V_COUNT];    /* per vantage; "" falls back to causes[V_UNKNOWN] */
	const char *next[V_COUNT];      /* command templates (%SERVER% %CLIENT% %PORT%); "" falls back to next[V_UNKNOWN] */
};
extern const struct diag_kind diag_kinds[F_COUNT];
const char *diag_kind_causes(enum fid k, enum vantage v);
const char *diag_kind_next(enum fid k, enum vantage v);

#define MAX_GROUPS 512
#define MAX_EXAMPLES 3
#define MAX_KEYS 4
#define MAX_COUNTERS 6
#define MAX_HOSTS 4096
#define MAX_PORTS 1024
#define MAX_MACS 512
#define MAX_NOTES 256

struct example {
	char conn[128];             /* "client -> server", or a label ("port summary") */
	char text[400];
	uint64_t first_pkt, last_pkt;   /* 0: none */
	uint64_t key[MAX_KEYS];     /* the packets that prove it */
	int nkey;
	double t0, t1;
};

struct counter {
	const char *name;           /* static string */
	double val;
};

struct group {
	enum fid kind;
	int dead;                   /* folded into another group */
	enum sev sev;
	int v6;
	uint8_t srv[16], cli[16];   /* server, and the client of the first example */
	uint16_t sport;
	uint64_t count;
	double first, last;
	uint64_t first_pkt, last_pkt;
	struct example ex[MAX_EXAMPLES + 2];    /* + summary lines */
	int nex;
	uint64_t last_conn_id;
	int has_last;
	struct counter ctr[MAX_COUNTERS];
	int nctr;
	uint8_t from[16];           /* who sent the ICMP error / forged reset */
	int from_v6, uses_from;
	char note[200];             /* appended to the title ("uncertain: ...") */
	int parent;                 /* index of the root group, -1 when a root */
	int events;                 /* counts packet-level events (detectors), not connections */
};

struct host {
	int used, v6;
	uint8_t addr[16];
	uint8_t ttl;            /* last TTL seen in a non-RST packet from it */
	int ttl_set;
	uint32_t arp_req, arp_reply, nd_req, nd_reply;
	double arp_first;
	uint64_t pkts_from;
};

struct port {
	int used, v6;
	uint8_t srv[16];
	uint16_t sport;
	uint64_t ok, halfopen, synack_unacked, refused, late;   /* late: established after SYN or SYN-ACK retransmissions */
	uint64_t clean;             /* completed with one SYN and one SYN-ACK */
	double first_bad, last_bad, first_ok, last_ok;     /* *_ok: of the clean ones */
	struct example late_ex;     /* the first connection answered late, as evidence */
	int late_ex_set;
};

/* What a link-layer address has been seen doing: a router's MAC carries packets
 * of other hosts (routed TTLs, or several destinations). */
struct mac {
	int used;
	uint8_t a[6];
	int routed;                 /* sent a packet with a non-initial TTL */
	int ndst;                   /* distinct IPv4/IPv6 destinations sent to it (0..2) */
	uint8_t dst1[16];
	int owner_set, owner_v6;
	uint8_t owner[16];          /* the address it claims (ARP reply / neighbour advertisement) */
};

/* What diag noted about a live connection that its record does not keep:
 * where a reset to a SYN came from.  A small ring: only connections with a
 * reset to a SYN.  (ICMP errors are attached to the record by the tracker.) */
struct conn_note {
	uint64_t conn_id;
	int rst_set, rst_mac_set;
	uint64_t rst_pkt;
	uint8_t rst_mac[6];
};

struct diag {
	struct out *o;
	int json, live;
	struct group g[MAX_GROUPS];
	int ng;
	uint64_t dropped_groups;
	struct host hosts[MAX_HOSTS];
	struct port ports[MAX_PORTS];
	struct mac macs[MAX_MACS];
	int last_mac, last_dst_mac;     /* lookup caches */
	struct conn_note notes[MAX_NOTES];
	int nnotes;
	uint64_t conns, healthy, tcp_pkts, pkts;
	uint64_t routable;           /* IP packets beyond link scope (not ARP, ND, multicast, link-local) */
	uint64_t capture_gaps;          /* holes ACKed without a retransmission: the capture missed them */
	double tfirst, tlast;
	uint64_t votes[V_COUNT];
	int printed_live;
	const char *src_file, *src_role;
	struct diag_capture_info cap;
	struct det *det;
	double det_tmax;                /* latest time of the packets det_packet was spared (det_ignores) */
	int det_have_t;
};

/* diag.c */
size_t diag_alen(int v6);
struct host *diag_host_get(struct diag *d, int v6, const uint8_t *a, int create);
struct port *diag_port_get(struct diag *d, int v6, const uint8_t *a, uint16_t p);
/* A connection to this port that went wrong in the handshake, from t0 to t1. */
void diag_port_bad(struct port *p, double t0, double t1);
struct mac *diag_mac_find(struct diag *d, const uint8_t *a);
void diag_addr_str(char *buf, size_t n, int v6, const uint8_t *a);
void diag_mac_str(char *buf, size_t n, const uint8_t *a);
const struct conn_note *diag_note_find(const struct diag *d, uint64_t conn_id);

/* vantage.c */
int diag_initial_ttl(uint8_t ttl);
enum vantage diag_conn_vantage(const struct conn *c);
enum vantage diag_overall_vantage(const struct diag *d);

/* rules.c */
void diag_classify(struct diag *d, const struct conn *c, enum vantage v);
struct group *diag_group_get(struct diag *d, enum fid kind, enum sev sev, const struct conn *c);
struct group *diag_group_new(struct diag *d, enum fid kind, enum sev sev, int v6, const uint8_t *srv,
			     const uint8_t *cli, uint16_t sport);
void diag_group_example(struct group *g, const struct conn *c, const char *text, const uint64_t *keys, int nkeys);
void diag_group_summary(struct group *g, const char *label, const char *text, const uint64_t *keys, int nkeys,
			double t0, double t1);
void diag_counter(struct group *g, const char *name, double val, int max);  /* max: keep the largest, else add */
void diag_conn_label(char *buf, size_t n, const struct conn *c);

/* across.c */
void diag_across(struct diag *d, enum vantage v);
void diag_det_event(struct diag *d, const struct det_event *ev);

/* render.c */
void diag_print_group(struct diag *d, int gi, enum vantage v);
void diag_early_syn_alert(struct diag *d, const struct tcp_result *res, double now);

#endif
