/*
 * diag.c - the playbook.  Each finished connection is classified by a table
 * of rules (classify_rules[]); connections with the same problem towards the
 * same server endpoint are grouped into one finding.  Patterns that need many
 * connections (listen queue overflow, SYN flood) and the vantage point are
 * decided in diag_finish().
 *
 * Vantage point: a host's own packets are captured before their TTL is
 * decremented, so they carry an initial TTL (64, 128, 255, 32); packets from
 * the far end arrive with fewer.  Handshake timing agrees: at the client the
 * SYN -> SYN-ACK gap is the whole path RTT and SYN-ACK -> ACK is tiny; at the
 * server it is the other way round.
 */
#include "diag.h"
#include "diag_int.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../report/conns.h"

const char *const diag_sev_name[] = {"info", "warning", "error", "critical"};
#define sev_name diag_sev_name

enum vantage { V_UNKNOWN = 0, V_CLIENT, V_SERVER, V_MIDDLE };
static const char *const vantage_name[] = {"unknown", "client", "server", "in between"};

#define MAX_GROUPS 512
#define MAX_EXAMPLES 3
#define MAX_HOSTS 4096
#define MAX_PORTS 1024

struct group {
	char id[24];
	enum sev sev;
	int v6;
	uint8_t srv[16], cli[16];   /* server, and the client of the first example */
	uint16_t sport;
	uint64_t count;
	double first, last;
	char conn[MAX_EXAMPLES + 1][128];   /* "client -> server" of examples (+1 for a summary line) */
	char evidence[MAX_EXAMPLES + 1][400];
	uint64_t last_conn_id;
	int has_last;
	int nex;
	enum vantage vseen;             /* vantage of the examples */
	/* numbers aggregated for the text */
	double v1, v2;
	uint64_t n1, n2;
	uint8_t from[16];
	int from_v6;
	int uses_from;
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
	uint64_t ok, halfopen, synack_unacked, refused;
	double first_bad, last_bad, first_ok, last_ok;
	uint64_t distinct_src;  /* approximate: count of half-open with distinct client port */
};

struct diag {
	struct out *o;
	int json, live;
	struct group g[MAX_GROUPS];
	int ng;
	uint64_t dropped_groups;
	struct host hosts[MAX_HOSTS];
	struct port ports[MAX_PORTS];
	uint64_t conns, healthy, tcp_pkts, pkts;
	double tfirst, tlast;
	/* vantage votes */
	uint64_t votes[4];
	int printed_live;
	const char *src_file, *src_role;   /* one of two captures of the same traffic */
	struct diag_capture_info cap;
};

struct diag *diag_new(struct out *o, int json, int live)
{
	struct diag *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->o = o;
	d->json = json;
	d->live = live;
	return d;
}

void diag_set_source(struct diag *d, const char *file, const char *role)
{
	d->src_file = file;
	d->src_role = role;
}

void diag_set_capture_info(struct diag *d, const struct diag_capture_info *ci)
{
	d->cap = *ci;
}

void diag_stop_live(struct diag *d)
{
	d->live = 0;
}

void diag_free(struct diag *d)
{
	free(d);
}

static size_t alen(int v6)
{
	return v6 ? 16 : 4;
}

static struct host *host_get(struct diag *d, int v6, const uint8_t *a, int create)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < alen(v6); i++)
		h = (h ^ a[i]) * 16777619u;
	for (int probe = 0; probe < 16; probe++) {
		struct host *x = &d->hosts[(h + (uint32_t)probe) % MAX_HOSTS];
		if (x->used && x->v6 == v6 && memcmp(x->addr, a, alen(v6)) == 0)
			return x;
		if (!x->used) {
			if (!create)
				return NULL;
			x->used = 1;
			x->v6 = v6;
			memcpy(x->addr, a, alen(v6));
			return x;
		}
	}
	return NULL; /* table region full: bounded memory wins */
}

static struct port *port_get(struct diag *d, int v6, const uint8_t *a, uint16_t p)
{
	uint32_t h = 2166136261u ^ p;
	for (size_t i = 0; i < alen(v6); i++)
		h = (h ^ a[i]) * 16777619u;
	for (int probe = 0; probe < 16; probe++) {
		struct port *x = &d->ports[(h + (uint32_t)probe) % MAX_PORTS];
		if (x->used && x->v6 == v6 && x->sport == p && memcmp(x->srv, a, alen(v6)) == 0)
			return x;
		if (!x->used) {
			x->used = 1;
			x->v6 = v6;
			x->sport = p;
			memcpy(x->srv, a, alen(v6));
			return x;
		}
	}
	return NULL;
}

static void addr_str(char *buf, size_t n, int v6, const uint8_t *a)
{
	if (!inet_ntop(v6 ? AF_INET6 : AF_INET, a, buf, (socklen_t)n))
		snprintf(buf, n, "?");
}

static int initial_ttl(uint8_t ttl)
{
	return ttl == 64 || ttl == 128 || ttl == 255 || ttl == 32 || ttl == 60;
}

static void early_syn_alert(struct diag *d, const struct tcp_result *res, double now);

void diag_packet(struct diag *d, struct tracker *t, const struct pkt *pk, const struct tcp_result *res)
{
	double now = pkt_time(pk);
	if (d->live && res && res->conn && (res->tags & TAG_SYN_RETRANS) && (res->tags & TAG_SYN) &&
	    res->conn->synack_count == 0 && res->conn->syn_count == 2 && !res->conn->h[1].seen)
		early_syn_alert(d, res, now);
	if (d->pkts == 0)
		d->tfirst = now;
	d->tlast = now;
	d->pkts++;
	if (pk->has_tcp)
		d->tcp_pkts++;
	if (pk->is_arp) {
		uint8_t zero[16] = {0};
		if (pk->arp_op == 1) {
			struct host *h = host_get(d, 0, pk->arp_tpa, 1);
			if (h) {
				if (!h->arp_req)
					h->arp_first = now;
				h->arp_req++;
			}
		} else if (pk->arp_op == 2) {
			struct host *h = host_get(d, 0, pk->arp_spa, 1);
			if (h)
				h->arp_reply++;
		}
		(void)zero;
		return;
	}
	if (pk->l3 == 0)
		return;
	int v6 = pk->l3 == 6;
	struct host *h = host_get(d, v6, pk->src, 1);
	if (h) {
		h->pkts_from++;
		if (!(pk->has_tcp && (pk->tcp.flags & TCPF_RST)) && !pk->has_icmp) {
			h->ttl = pk->ttl;
			h->ttl_set = 1;
		}
	}
	if (pk->has_icmp && v6 && pk->icmp_type == 135 && pk->nd_ns) {
		struct host *x = host_get(d, 1, pk->quote.dst, 1);
		if (x) {
			if (!x->nd_req)
				x->arp_first = now;
			x->nd_req++;
		}
	}
	if (pk->has_icmp && v6 && pk->icmp_type == 136) {
		struct host *x = host_get(d, 1, pk->src, 1);
		if (x)
			x->nd_reply++;
	}
	/* An ICMP error quoting one of our TCP packets: attach it to the connection. */
	if (pk->has_icmp && pk->quote.valid && pk->quote.proto == 6) {
		const struct icmp_quote *q = &pk->quote;
		struct conn *c = tracker_find(t, q->v6, q->src, q->sport, q->dst, q->dport);
		if (c) {
			c->icmp_count++;
			if (c->icmp_count == 1) {
				c->icmp_type = pk->icmp_type;
				c->icmp_code = pk->icmp_code;
				c->icmp_v6 = (uint8_t)v6;
				memcpy(c->icmp_from, pk->src, alen(v6));
				c->icmp_mtu = pk->icmp_mtu;
				c->icmp_time = now;
				c->icmp_pkt = pk->num;
			}
		}
	}
}

/* ---------------- findings ---------------- */

static struct group *group_get(struct diag *d, const char *id, enum sev sev, const struct conn *c)
{
	for (int i = 0; i < d->ng; i++) {
		struct group *g = &d->g[i];
		if (strcmp(g->id, id) == 0 && g->v6 == c->v6 && g->sport == c->sport &&
		    memcmp(g->srv, c->srv, alen(c->v6)) == 0)
			return g;
	}
	if (d->ng >= MAX_GROUPS) {
		d->dropped_groups++;
		return NULL;
	}
	struct group *g = &d->g[d->ng++];
	memset(g, 0, sizeof *g);
	snprintf(g->id, sizeof g->id, "%s", id);
	g->sev = sev;
	g->v6 = c->v6;
	memcpy(g->srv, c->srv, alen(c->v6));
	memcpy(g->cli, c->cli, alen(c->v6));
	g->sport = c->sport;
	g->first = c->start;
	return g;
}

static void conn_label(char *buf, size_t n, const struct conn *c)
{
	char a[64], b[64];
	fmt_endpoint(a, sizeof a, c->v6, c->cli, c->cport);
	fmt_endpoint(b, sizeof b, c->v6, c->srv, c->sport);
	snprintf(buf, n, "%.60s -> %.60s", a, b);
}

void diag_fmt_clock(char *buf, size_t n, double t)
{
	time_t s = (time_t)t;
	struct tm tm;
	if (!localtime_r(&s, &tm)) {
		snprintf(buf, n, "%.6f", t);
		return;
	}
	char hms[16];
	strftime(hms, sizeof hms, "%H:%M:%S", &tm);
	snprintf(buf, n, "%s.%06ld", hms, (long)((t - (double)s) * 1e6 + 0.5) % 1000000);
}

/* "4 SYNs at +0 s, +1 s, +3 s, +7 s" */
static int syn_times(char *buf, size_t n, const double *times, int count, double t0)
{
	int k = 0, shown = count < 8 ? count : 8;
	for (int i = 0; i < shown && (size_t)k < n; i++) {
		double dt = times[i] - t0;
		int w = snprintf(buf + k, n - (size_t)k, "%s+%.*f s", i ? ", " : "", dt < 10 && dt != (double)(long long)dt ? 1 : 0, dt);
		if (w < 0)
			break;
		k += w;
	}
	return k;
}

static void add_example(struct group *g, const struct conn *c, const char *evidence)
{
	if (g->has_last && g->last_conn_id == c->id) {
		/* Same connection again (the other direction): add to its line. */
		for (int i = g->nex - 1; i >= 0 && i == g->nex - 1; i--) {
			size_t n = strlen(g->evidence[i]);
			snprintf(g->evidence[i] + n, sizeof g->evidence[i] - n, "; %s", evidence);
		}
		return;
	}
	g->has_last = 1;
	g->last_conn_id = c->id;
	g->count++;
	if (c->last > g->last)
		g->last = c->last;
	if (c->start < g->first)
		g->first = c->start;
	if (g->nex < MAX_EXAMPLES) {
		conn_label(g->conn[g->nex], sizeof g->conn[0], c);
		snprintf(g->evidence[g->nex], sizeof g->evidence[0], "%s", evidence);
		g->nex++;
	}
}

static enum vantage conn_vantage(const struct conn *c)
{
	/* TTLs first: our own packets carry an initial TTL. */
	int cli_init = c->h[0].seen && initial_ttl(c->h[0].ttl_first);
	int srv_init = c->h[1].seen && initial_ttl(c->h[1].ttl_first);
	if (c->h[0].seen && c->h[1].seen) {
		if (cli_init && !srv_init)
			return V_CLIENT;
		if (srv_init && !cli_init)
			return V_SERVER;
		if (!cli_init && !srv_init)
			return V_MIDDLE;
	}
	/* Then handshake timing. */
	if (c->syn_count && c->synack_count && c->established) {
		double a = c->synack_time - c->syn_time, b = c->hs_ack_time - c->synack_time;
		if (a > 4 * b && a > 0.0005)
			return V_CLIENT;
		if (b > 4 * a && b > 0.0005)
			return V_SERVER;
		if (a > 0.0005 && b > 0.0005)
			return V_MIDDLE;
	}
	/* Only one side seen sending: a SYN with an initial TTL was sent from here. */
	if (c->h[0].seen && !c->h[1].seen)
		return cli_init ? V_CLIENT : V_UNKNOWN;
	if (c->h[1].seen && !c->h[0].seen)
		return srv_init ? V_SERVER : V_UNKNOWN;
	return V_UNKNOWN;
}

static enum vantage overall_vantage(const struct diag *d)
{
	uint64_t best = 0;
	enum vantage v = V_UNKNOWN;
	for (int i = 1; i < 4; i++)
		if (d->votes[i] > best) {
			best = d->votes[i];
			v = (enum vantage)i;
		}
	return v;
}

static const char *icmp_text(int v6, int type, int code)
{
	if (!v6) {
		if (type == 3) {
			static const char *const u[] = {"network unreachable", "host unreachable", "protocol unreachable",
				"port unreachable", "fragmentation needed", "source route failed", "network unknown",
				"host unknown", "source host isolated", "network administratively prohibited",
				"host administratively prohibited", "network unreachable for TOS", "host unreachable for TOS",
				"communication administratively prohibited", "host precedence violation",
				"precedence cutoff in effect"};
			return code >= 0 && code < 16 ? u[code] : "destination unreachable";
		}
		if (type == 11)
			return "time exceeded";
		return "ICMP error";
	}
	if (type == 1) {
		static const char *const u[] = {"no route to destination", "administratively prohibited",
			"beyond scope of source address", "address unreachable", "port unreachable",
			"source address failed ingress/egress policy", "reject route to destination"};
		return code >= 0 && code < 7 ? u[code] : "destination unreachable";
	}
	if (type == 2)
		return "packet too big";
	if (type == 3)
		return "time exceeded";
	return "ICMPv6 error";
}

/* A connection's problems.  Each rule returns 1 when it produced a finding that makes later rules moot. */
typedef int (*rule_fn)(struct diag *d, const struct conn *c, enum vantage v);

static int rule_icmp(struct diag *d, const struct conn *c, enum vantage v)
{
	(void)v;
	if (!c->icmp_count || c->established)
		return 0;
	int v6 = c->icmp_v6;
	int hostun = (!v6 && c->icmp_type == 3 && (c->icmp_code == 1 || c->icmp_code == 7)) ||
		     (v6 && c->icmp_type == 1 && c->icmp_code == 3);
	struct group *g = group_get(d, hostun ? "host-unreachable" : "rejected-icmp", SEV_ERROR, c);
	if (!g)
		return 1;
	char from[64], ts[32], ev[400];
	addr_str(from, sizeof from, v6, c->icmp_from);
	diag_fmt_clock(ts, sizeof ts, c->icmp_time);
	snprintf(ev, sizeof ev, "SYN (packet %llu) answered at %s by ICMP%s %s from %s (packet %llu)%s",
		 (unsigned long long)c->syn_pkt, ts, v6 ? "v6" : "", icmp_text(v6, c->icmp_type, c->icmp_code), from,
		 (unsigned long long)c->icmp_pkt,
		 memcmp(c->icmp_from, c->srv, alen(c->v6)) == 0 ? " - the server itself" : " - a router or firewall on the path");
	memcpy(g->from, c->icmp_from, 16);
	g->from_v6 = v6;
	g->uses_from = 1;
	g->n1 = c->icmp_type;
	g->n2 = c->icmp_code;
	add_example(g, c, ev);
	return 1;
}

static int rule_refused(struct diag *d, const struct conn *c, enum vantage v)
{
	(void)v;
	if (!c->syn_count || c->synack_count || !c->h[1].rst)
		return 0;
	/* The RST's TTL against what the server normally sends. */
	struct host *h = host_get(d, c->v6, c->srv, 0);
	int forged = 0;
	char ev[400];
	/* A reset with a higher TTL than the server's packets comes from something closer
	 * (one hop is enough); a lower one needs two hops of margin (paths can change by one). */
	if (h && h->ttl_set && ((int)c->rst_ttl - (int)h->ttl >= 1 || (int)h->ttl - (int)c->rst_ttl >= 2))
		forged = 1;
	if (forged)
		snprintf(ev, sizeof ev,
			 "SYN (packet %llu) answered by RST with TTL %u, but the server's other packets arrive with TTL %u: "
			 "the reset was sent by something %d hop(s) %s",
			 (unsigned long long)c->syn_pkt, c->rst_ttl, h->ttl, abs((int)h->ttl - (int)c->rst_ttl),
			 c->rst_ttl > h->ttl ? "closer than the server" : "further away than the server");
	else
		snprintf(ev, sizeof ev, "%d SYN(s), answered by RST+ACK (TTL %u): nothing listens on port %u", c->syn_count,
			 c->rst_ttl, c->sport);
	struct group *g = group_get(d, forged ? "refused-by-middlebox" : "refused", SEV_ERROR, c);
	if (g)
		add_example(g, c, ev);
	struct port *p = port_get(d, c->v6, c->srv, c->sport);
	if (p)
		p->refused++;
	return 1;
}

static int rule_no_answer(struct diag *d, const struct conn *c, enum vantage v)
{
	if (!c->syn_count || c->synack_count || c->h[1].seen)
		return 0;
	char times[200], ev[400];
	syn_times(times, sizeof times, c->syn_times, c->syn_count, c->syn_times[0]);
	snprintf(ev, sizeof ev, "%d SYN%s at %s (first packet %llu), no answer", c->syn_count, c->syn_count == 1 ? "" : "s",
		 times, (unsigned long long)c->syn_pkt);
	struct port *p = port_get(d, c->v6, c->srv, c->sport);
	if (p) {
		if (!p->halfopen)
			p->first_bad = c->start;
		p->last_bad = c->last;
		p->halfopen++;
	}
	struct group *g = group_get(d, v == V_SERVER ? "no-synack" : "syn-unanswered", SEV_ERROR, c);
	if (g) {
		add_example(g, c, ev);
		g->n1 += (uint64_t)c->syn_count;
	}
	return 1;
}

static int rule_synack_unacked(struct diag *d, const struct conn *c, enum vantage v)
{
	if (!c->synack_count || c->established)
		return 0;
	char ev[400], times[200];
	if (c->h[0].rst && c->rst_first_by == 0) {
		snprintf(ev, sizeof ev, "SYN-ACK (packet %llu) answered by RST from the client", (unsigned long long)c->synack_pkt);
		struct group *g = group_get(d, "client-reset", SEV_ERROR, c);
		if (g)
			add_example(g, c, ev);
		return 1;
	}
	if (c->h[0].pkts > (uint64_t)c->syn_count && v == V_SERVER) {
		/* The client did answer, but the server kept retransmitting its SYN-ACK: the
		 * final ACK was dropped by the server (accept queue full). */
		struct port *p = port_get(d, c->v6, c->srv, c->sport);
		if (p)
			p->synack_unacked++;
		snprintf(ev, sizeof ev, "%d SYN-ACKs, the client's ACK (packet %llu on) was ignored", c->synack_count,
			 (unsigned long long)c->h[0].first_pkt);
		struct group *g = group_get(d, "listen-overflow", SEV_CRITICAL, c);
		if (g)
			add_example(g, c, ev);
		return 1;
	}
	syn_times(times, sizeof times, c->synack_times, c->synack_count, c->syn_count ? c->syn_time : c->synack_times[0]);
	snprintf(ev, sizeof ev, "%d SYN%s, %d SYN-ACK%s (at %s after the first SYN), no ACK from the client%s",
		 c->syn_count, c->syn_count == 1 ? "" : "s", c->synack_count, c->synack_count == 1 ? "" : "s", times,
		 c->syn_count > 1 ? "; the client kept sending SYNs: it never got the SYN-ACK"
		 : c->synack_count > 1 ? "; a single SYN: the client probably got the SYN-ACK and its ACK was lost on the way back"
				       : "");
	struct port *p = port_get(d, c->v6, c->srv, c->sport);
	if (p)
		p->synack_unacked++;
	struct group *g = group_get(d, "synack-unacked", SEV_ERROR, c);
	if (g)
		add_example(g, c, ev);
	return 1;
}

static int rule_bad_seq(struct diag *d, const struct conn *c, enum vantage v)
{
	(void)v;
	char ev[400];
	if (c->synack_bad_ack) {
		snprintf(ev, sizeof ev, "SYN-ACK (packet %llu) acknowledges something other than the SYN's ISN %u + 1",
			 (unsigned long long)c->synack_pkt, c->syn_isn);
	} else if (c->h[0].bad_seq + c->h[1].bad_seq >= 1) {
		snprintf(ev, sizeof ev,
			 "%llu segment(s) or ACK(s) far outside the sequence space (client->server %llu, server->client %llu)",
			 (unsigned long long)(c->h[0].bad_seq + c->h[1].bad_seq), (unsigned long long)c->h[0].bad_seq,
			 (unsigned long long)c->h[1].bad_seq);
	} else {
		return 0;
	}
	struct group *g = group_get(d, "bad-seq", SEV_ERROR, c);
	if (g)
		add_example(g, c, ev);
	return 0;
}

static int rule_app_close(struct diag *d, const struct conn *c, enum vantage v)
{
	(void)v;
	if (!c->established)
		return 0;
	char ev[400];
	const struct half *cl = &c->h[0], *sv = &c->h[1];
	/* The server resets or closes before sending any data. */
	if (sv->bytes == 0 && (sv->rst || (sv->fin && (!cl->fin || sv->fin_time <= cl->fin_time)))) {
		double dt = (sv->rst ? sv->rst_time : sv->fin_time) - c->hs_ack_time;
		snprintf(ev, sizeof ev, "handshake completed, client sent %llu byte(s), then the server %s after %.3f s without answering",
			 (unsigned long long)cl->bytes, sv->rst ? "reset the connection" : "closed it (FIN)", dt);
		struct group *g = group_get(d, "app-reset", SEV_ERROR, c);
		if (g)
			add_example(g, c, ev);
		return 1;
	}
	/* The client closes early: RST from the client while data was coming, or data after its FIN. */
	if (cl->rst && c->rst_first_by == 0 && sv->bytes > 0 && !(cl->fin && sv->fin)) {
		snprintf(ev, sizeof ev, "client reset the connection after receiving %llu byte(s)%s",
			 (unsigned long long)sv->bytes, cl->fin ? ", having already sent FIN (data arrived after its FIN)" : "");
		struct group *g = group_get(d, "early-close", SEV_WARNING, c);
		if (g)
			add_example(g, c, ev);
		return 1;
	}
	if (cl->fin && cl->bytes == 0 && sv->bytes == 0 && !sv->fin) {
		snprintf(ev, sizeof ev, "client closed (FIN) right after the handshake without sending a request");
		struct group *g = group_get(d, "early-close", SEV_WARNING, c);
		if (g)
			add_example(g, c, ev);
		return 1;
	}
	return 0;
}

static int rule_stalls(struct diag *d, const struct conn *c, enum vantage v)
{
	char ev[400];
	int any = 0;
	for (int dir = 0; dir < 2; dir++) {
		const struct half *h = &c->h[dir], *o = &c->h[!dir];
		const char *who = dir ? "server" : "client";
		const char *other = dir ? "client" : "server";
		/* zero window advertised by this side */
		if (h->zerowin > 0) {
			double dur = h->zerowin_total + (h->zerowin_since > 0 ? c->last - h->zerowin_since : 0);
			snprintf(ev, sizeof ev,
				 "the %s advertised a zero window %llu time(s), for %.3f s in all%s; the %s sent %llu probe(s)",
				 who, (unsigned long long)h->zerowin, dur, h->zerowin_since > 0 ? " (still zero at the end)" : "",
				 other, (unsigned long long)o->zwprobes);
			struct group *g = group_get(d, "zero-window", dur > 1 ? SEV_ERROR : SEV_WARNING, c);
			if (g) {
				add_example(g, c, ev);
				g->v1 += dur;
			}
			any = 1;
		}
		if (h->winfull >= 3 && h->zerowin == 0) {
			snprintf(ev, sizeof ev, "%llu segment(s) from the %s filled the %s's receive window (max window %u bytes)",
				 (unsigned long long)h->winfull, who, other, o->max_win);
			struct group *g = group_get(d, "window-full", SEV_WARNING, c);
			if (g)
				add_example(g, c, ev);
			any = 1;
		}
		uint64_t data_pkts = h->pkts;
		/* Loss events: retransmissions that were needed (not spurious, not D-SACKed);
		 * at the sender's own capture point a repeat of a sent range is always a
		 * retransmission even when it came fast enough to look reordered; at the
		 * receiver a hole and the retransmission that fills it are one loss. */
		int sender_here = (dir == 0 && v == V_CLIENT) || (dir == 1 && v == V_SERVER);
		uint64_t needed = h->retrans > h->spurious + h->dsacked ? h->retrans - h->spurious - h->dsacked : 0;
		if (sender_here)
			needed += h->ooo;
		uint64_t lost = needed > h->lost ? needed : h->lost;
		/* path-MTU black hole: full-size segments retransmitted over and over, small ones pass */
		if (h->full_size_retrans >= 3 && h->consec_rto >= 3 && o->lastack_set && c->icmp_count == 0) {
			snprintf(ev, sizeof ev,
				 "%u full-size segment(s) (%u bytes) from the %s retransmitted, the same one %d times in a row, "
				 "while smaller segments were acknowledged; no ICMP \"fragmentation needed\" seen",
				 h->full_size_retrans, h->max_seg, who, h->max_backoff);
			struct group *g = group_get(d, "pmtu-blackhole", SEV_CRITICAL, c);
			if (g) {
				add_example(g, c, ev);
				g->n1 = h->max_seg;
			}
			any = 1;
			continue;
		}
		if (h->max_backoff >= 3 || (h->max_rto >= 1.0 && h->retrans >= 2)) {
			snprintf(ev, sizeof ev,
				 "the %s retransmitted the same segment %d times in a row (exponential backoff); the last retransmission came %.3f s after the segment was first sent",
				 who, h->max_backoff, h->max_rto);
			struct group *g = group_get(d, "rto-stall", SEV_ERROR, c);
			if (g)
				add_example(g, c, ev);
			any = 1;
		}
		if (data_pkts >= 10 && lost > 0 && lost * 100 >= data_pkts) {
			double rate = 100.0 * (double)lost / (double)data_pkts;
			snprintf(ev, sizeof ev,
				 "%s->%s: %llu retransmission(s) (%llu fast, %llu spurious or D-SACKed%s) and %llu segment(s) not "
				 "captured out of %llu packets: about %.1f%% loss",
				 who, other, (unsigned long long)(h->retrans + (sender_here ? h->ooo : 0)),
				 (unsigned long long)h->fast_retrans, (unsigned long long)(h->spurious + h->dsacked),
				 sender_here && h->ooo ? ", resent too fast to look like reordering" : "",
				 (unsigned long long)h->lost, (unsigned long long)data_pkts, rate);
			struct group *g = group_get(d, "packet-loss", rate >= 5 ? SEV_ERROR : SEV_WARNING, c);
			if (g) {
				add_example(g, c, ev);
				if (rate > g->v1)
					g->v1 = rate;
			}
			any = 1;
		}
	}
	/* window scaling stripped: one side offered it, the other's SYN lacks it while carrying SACK/TS */
	if (c->h[0].syn_seen && c->h[1].syn_seen && c->h[0].syn_opt_ws != c->h[1].syn_opt_ws &&
	    (c->h[0].sack_ok || c->h[0].ts_ok) && (c->h[1].sack_ok || c->h[1].ts_ok)) {
		int missing = c->h[0].syn_opt_ws ? 1 : 0;
		snprintf(ev, sizeof ev,
			 "the %s's SYN carried window scale %d, the %s's %s did not, although it carried SACK/timestamps: "
			 "windows are limited to 64 KB",
			 missing ? "client" : "server", c->h[!missing].wscale, missing ? "server" : "client",
			 missing ? "SYN-ACK" : "SYN");
		struct group *g = group_get(d, "wscale-stripped", SEV_WARNING, c);
		if (g)
			add_example(g, c, ev);
		any = 1;
	}
	/* server think time */
	if (c->req_last_time > 0 && c->resp_time > 0) {
		/* Think time: from when the server had the whole request (its ACK of the last
		 * request byte, or that byte's first transmission) to the first response byte. */
		double start = c->req_acked_time > 0 && c->req_acked_time < c->resp_time ? c->req_acked_time : c->req_last_time;
		double ttfb = c->resp_time - start;
		double rtt = c->syn_count && c->established ? c->hs_ack_time - c->syn_time : c->rtt_n ? c->rtt_min / 1000.0 : 0;
		if (ttfb >= 1.0 && ttfb > 10 * rtt) {
			snprintf(ev, sizeof ev, "first response byte %.3f s after the request (network RTT %.1f ms)", ttfb, rtt * 1000);
			struct group *g = group_get(d, "slow-server", SEV_WARNING, c);
			if (g) {
				add_example(g, c, ev);
				if (ttfb > g->v1)
					g->v1 = ttfb;
			}
			any = 1;
		}
	}
	/* high RTT */
	if (c->syn_count && c->synack_count && c->established) {
		double hs = c->hs_ack_time - c->syn_time;
		if (hs >= 0.3) {
			snprintf(ev, sizeof ev, "handshake took %.1f ms (SYN->SYN-ACK %.1f ms, SYN-ACK->ACK %.1f ms)", hs * 1000,
				 (c->synack_time - c->syn_time) * 1000, (c->hs_ack_time - c->synack_time) * 1000);
			struct group *g = group_get(d, "high-rtt", SEV_WARNING, c);
			if (g) {
				add_example(g, c, ev);
				if (hs > g->v1)
					g->v1 = hs;
			}
			any = 1;
		}
	}
	return any;
}

/* The server started answering, then went silent for seconds while the connection stayed open:
 * what a client-side capture shows of a path-MTU black hole or a stalled server. */
static int rule_response_stalled(struct diag *d, const struct conn *c, enum vantage v)
{
	const struct half *cl = &c->h[0], *sv = &c->h[1];
	if (!c->established || sv->bytes == 0 || sv->last_data_time <= 0 || sv->fin || sv->rst)
		return 0;
	double gap = c->last - sv->last_data_time;
	if (gap < 3.0 || cl->bytes == 0)
		return 0;
	char ev[400];
	int mss = cl->mss > 0 ? cl->mss : 0;
	snprintf(ev, sizeof ev,
		 "the server sent %llu byte(s) (largest segment %u bytes%s), then nothing for %.1f s while the connection "
		 "stayed open%s",
		 (unsigned long long)sv->bytes, sv->max_seg, mss ? "" : "", gap,
		 cl->fin || cl->rst ? "; the client gave up and closed it" : "");
	if (mss && sv->max_seg + 100 < (unsigned)mss) {
		size_t n = strlen(ev);
		snprintf(ev + n, sizeof ev - n, "; no segment near the MSS of %d ever arrived: full-size segments are "
						"likely lost on the way (path-MTU black hole)", mss);
	}
	struct group *g = group_get(d, "response-stalled", SEV_ERROR, c);
	if (g)
		add_example(g, c, ev);
	(void)v;
	return 1;
}

static const rule_fn classify_rules[] = {
	rule_icmp, rule_refused, rule_no_answer, rule_bad_seq, rule_synack_unacked, rule_app_close, rule_stalls,
	rule_response_stalled,
};

static void print_group(struct diag *d, const struct group *g, enum vantage v);

void diag_conn_done(struct diag *d, const struct conn *c)
{
	int ng_before = d->ng;
	d->conns++;
	enum vantage v = conn_vantage(c);
	d->votes[v]++;
	int before = 0;
	for (int i = 0; i < d->ng; i++)
		before += (int)d->g[i].count;
	for (size_t i = 0; i < sizeof classify_rules / sizeof classify_rules[0]; i++)
		if (classify_rules[i](d, c, v))
			break;
	int after = 0;
	for (int i = 0; i < d->ng; i++)
		after += (int)d->g[i].count;
	if (after == before)
		d->healthy++;
	/* Live: a new kind of problem is reported as soon as a connection shows it. */
	if (d->live && d->ng > ng_before) {
		for (int i = ng_before; i < d->ng; i++)
			print_group(d, &d->g[i], overall_vantage(d));
		out_flush(d->o);
	}
	if (c->established) {
		struct port *p = port_get(d, c->v6, c->srv, c->sport);
		if (p) {
			if (!p->ok)
				p->first_ok = c->start;
			p->last_ok = c->last;
			p->ok++;
		}
	}
}

/* ---------------- output ---------------- */

struct text {
	const char *title, *causes_client, *causes_server, *causes_middle, *next;
};

static const struct {
	const char *id;
	struct text t;
} texts[] = {
	{"syn-unanswered", {"SYN never answered",
		"seen from the client, these cannot be told apart: the SYN was lost on the way to the server (firewall, routing), "
		"the server got it and stayed silent (full backlog, host firewall, wrong address), or the SYN-ACK was lost on the way back. "
		"A capture at the server decides: synack compare client.pcap server.pcap",
		"the SYN arrived and the server stayed silent: listen queue full, host firewall dropping after the capture point, address not configured",
		"the SYN passed here and no answer came back: the server, or the path beyond this point",
		"capture at the server too (tcpdump -i any -w server.pcap 'tcp port %PORT%'); on the server: ss -ltn 'sport = :%PORT%'; "
		"nstat -az TcpExtListenOverflows TcpExtListenDrops; nft list ruleset / iptables -L -n -v; ip addr show | grep %SERVER%; "
		"from the client: ip route get %SERVER%"}},
	{"no-synack", {"the server received SYNs and never answered",
		"", "the SYN reached the server host and no SYN-ACK left it: the listen (SYN) queue is full or SYN cookies are off under a flood, "
		"a host firewall drops it after the capture point (nftables/iptables INPUT, an application blocklist), or the destination "
		"address is not configured on this host",
		"",
		"ss -ltn 'sport = :%PORT%' (Recv-Q vs the backlog); nstat -az TcpExtListenOverflows TcpExtListenDrops TcpExtSyncookiesSent; "
		"sysctl net.ipv4.tcp_max_syn_backlog net.core.somaxconn net.ipv4.tcp_syncookies; nft list ruleset / iptables -L -n -v / ufw status; "
		"ip addr show | grep %SERVER%"}},
	{"listen-overflow", {"listen queue overflow: the server completes some connections and drops others",
		"", "the accept queue of the listener is full (the application does not call accept() fast enough, or its backlog is too small): "
		"the kernel ignores the client's final ACK and retransmits its SYN-ACK, or drops new SYNs while other connections succeed",
		"", "ss -ltn 'sport = :%PORT%' (Recv-Q = queued, Send-Q = backlog); nstat -az TcpExtListenOverflows TcpExtListenDrops; "
		"sysctl net.core.somaxconn net.ipv4.tcp_max_syn_backlog; check the application's listen() backlog and accept loop"}},
	{"syn-flood", {"SYN flood: many half-open connections to one port",
		"", "many sources send SYNs that never complete; legitimate clients may be refused while the SYN queue is full",
		"", "nstat -az TcpExtSyncookiesSent TcpExtListenDrops; sysctl net.ipv4.tcp_syncookies net.ipv4.tcp_max_syn_backlog; "
		"ss -tn state syn-recv 'sport = :%PORT%' | wc -l"}},
	{"refused", {"connection refused: RST in answer to SYN",
		"nothing listens on that port on the server (or the service is down / bound to another address)",
		"nothing listens on that port on this host", "the server answered with a reset: nothing listens on that port",
		"on the server: ss -ltnp 'sport = :%PORT%'; systemctl status <service>; check the address the service binds to"}},
	{"refused-by-middlebox", {"connection refused by something other than the server",
		"a firewall or middlebox on the path forged the reset (its TTL does not match the server's other packets)",
		"a device in front of this host forged the reset", "a device on the path forged the reset",
		"nft list ruleset / iptables -L -n -v on routers and firewalls on the path (look for 'reject with tcp reset'); "
		"traceroute -T -p %PORT% %SERVER%"}},
	{"rejected-icmp", {"connection rejected on the path by ICMP",
		"a router or firewall answered the SYN with an ICMP error (see who sent it)", "", "",
		"nft list ruleset / iptables -L -n -v on the device that sent the ICMP (look for 'reject'); ip route get %SERVER%; "
		"traceroute -T -p %PORT% %SERVER%"}},
	{"host-unreachable", {"destination host unreachable",
		"nobody answers for the destination address (ARP/ND unanswered or ICMP host unreachable): the host is down, "
		"the address is not configured anywhere, or the route points to the wrong place",
		"", "", "ip neigh show %SERVER%; ip route get %SERVER%; ping %SERVER% from the last router; check the address is configured on the server (ip addr)"}},
	{"synack-unacked", {"SYN-ACK never acknowledged",
		"the SYN-ACK reached this capture point and the client did not acknowledge it: a client-side firewall or a broken client stack",
		"the server sent SYN-ACKs that the client never acknowledged, and the client kept sending SYNs: the SYN-ACK is lost on the "
		"return path (routing asymmetry, firewall) or dropped by a firewall at the client",
		"the SYN-ACK passed here and was never acknowledged: lost between here and the client, or dropped at the client",
		"capture at the client too and run: synack compare client.pcap server.pcap; on the client: nft list ruleset / iptables -L -n -v; "
		"check the return route: ip route get %CLIENT% on the server"}},
	{"client-reset", {"the client answered the SYN-ACK with a reset",
		"the client stack rejected the SYN-ACK (its connection attempt was already abandoned, or the SYN-ACK did not match: "
		"wrong sequence number, NAT rewriting)", "", "", "capture at the client; conntrack -L on NAT devices on the path"}},
	{"bad-seq", {"nonsensical sequence or acknowledgment numbers",
		"a middlebox rewrites sequence numbers (sequence randomisation, broken NAT/load balancer) or packets from two connections are mixed",
		"", "", "capture on both sides of the suspected middlebox and run synack compare; check firewall sequence randomisation settings"}},
	{"app-reset", {"the server accepted the connection and then closed or reset it without answering",
		"an application-level rejection: the service closed the connection (access control, TLS/protocol mismatch, overload, crash)",
		"", "", "check the server application's logs; try the request by hand (curl -v / openssl s_client)"}},
	{"early-close", {"the client closed the connection early",
		"the client gave up or reset before the response was complete (timeout in the client, user cancel, or data arriving after the client's FIN)",
		"", "", "check the client's timeouts and logs"}},
	{"zero-window", {"receiver window closed (zero window)",
		"the receiving application does not read fast enough (or at all); the sender must wait",
		"", "", "on the receiver: ss -tnm (Recv-Q, rcv_space); check the application's read loop; sysctl net.ipv4.tcp_rmem"}},
	{"window-full", {"sender limited by the receiver's window",
		"the receive window is too small for the path (bandwidth x delay), or window scaling is missing",
		"", "", "sysctl net.ipv4.tcp_rmem net.core.rmem_max on the receiver; ss -tni (rcv_space, wscale)"}},
	{"packet-loss", {"packet loss",
		"segments are lost on the path (congestion, a bad link, a policer) and retransmitted",
		"", "", "ip -s link; ethtool -S <if> | grep -i -E 'drop|err'; tc -s qdisc; mtr -T -P %PORT% %SERVER%; "
		"capture at both ends and run synack compare to see which direction loses packets"}},
	{"rto-stall", {"transfer stalled by retransmission timeouts",
		"the same segment is lost again and again: heavy loss, a path that stopped forwarding, or a path-MTU problem",
		"", "", "ss -tni (retrans, rto); mtr -T -P %PORT% %SERVER%; ping -M do -s 1472 %SERVER% to test the path MTU"}},
	{"pmtu-blackhole", {"path-MTU black hole",
		"full-size segments never get through while small ones do, and no ICMP 'fragmentation needed' comes back: "
		"a link with a smaller MTU on the path (tunnel, VPN, PPPoE) and ICMP filtered",
		"", "", "test the path MTU from the sending side: ping -M do -s 1472 %CLIENT% on the server or "
		"ping -M do -s 1472 %SERVER% on the client (shrink -s until it passes); ip route get %CLIENT% (mtu); "
		"clamp the MSS: nft add rule inet filter forward tcp flags syn tcp option maxseg size set rt mtu; "
		"sysctl net.ipv4.tcp_mtu_probing=1; allow ICMP type 3 code 4 / ICMPv6 packet-too-big through firewalls"}},
	{"wscale-stripped", {"window scaling missing on one side",
		"a middlebox stripped the window scale option, or one stack has it disabled: throughput is capped at 64 KB per RTT",
		"", "", "sysctl net.ipv4.tcp_window_scaling on both hosts; capture on both sides and run synack compare to see where the option disappears"}},
	{"response-stalled", {"response stalled: the server went silent mid-answer",
		"the server started answering and then nothing more arrived: full-size segments lost on the path "
		"(a path-MTU black hole: a smaller MTU on the way and ICMP 'fragmentation needed' filtered), a stalled "
		"server, or heavy loss on the way back; a capture at the server shows which",
		"", "", "test the path MTU: ping -M do -s 1472 %SERVER% from the client (shrink -s until it passes); "
		"capture at the server too and run synack compare client.pcap server.pcap; on the server: ss -tni dst %CLIENT%"}},
	{"slow-server", {"slow server response",
		"the server took long to answer the request while the network was fast: application think time (database, backend, locks)",
		"", "", "check the server application's latency and logs; compare with the network RTT shown"}},
	{"high-rtt", {"high round-trip time",
		"the path is long or congested (queues, bufferbloat), or a host was slow to answer the handshake",
		"", "", "mtr -T -P %PORT% %SERVER%; ping %SERVER%; tc -s qdisc on the bottleneck"}},
};

static const struct text *text_of(const char *id)
{
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (strcmp(texts[i].id, id) == 0)
			return &texts[i].t;
	return NULL;
}

/* Substitute %PORT% and %SERVER% in a command template. */
void diag_expand(char *dst, size_t n, const char *tpl, const char *server, const char *client, unsigned port)
{
	size_t k = 0;
	while (*tpl && k + 1 < n) {
		if (strncmp(tpl, "%CLIENT%", 8) == 0) {
			int w = snprintf(dst + k, n - k, "%s", client);
			k += w > 0 ? (size_t)w : 0;
			tpl += 8;
			if (k >= n)
				k = n - 1;
			continue;
		}
		if (strncmp(tpl, "%PORT%", 6) == 0) {
			int w = snprintf(dst + k, n - k, "%u", port);
			k += w > 0 ? (size_t)w : 0;
			tpl += 6;
		} else if (strncmp(tpl, "%SERVER%", 8) == 0) {
			int w = snprintf(dst + k, n - k, "%s", server);
			k += w > 0 ? (size_t)w : 0;
			tpl += 8;
		} else {
			dst[k++] = *tpl++;
		}
		if (k >= n)
			k = n - 1;
	}
	dst[k] = 0;
}


static void print_group(struct diag *d, const struct group *g, enum vantage v)
{
	if (!g->id[0])
		return;
	const struct text *t = text_of(g->id);
	if (!t)
		return;
	char server[64], client[64], srvep[80], next[1024];
	addr_str(server, sizeof server, g->v6, g->srv);
	addr_str(client, sizeof client, g->v6, g->cli);
	fmt_endpoint(srvep, sizeof srvep, g->v6, g->srv, g->sport);
	diag_expand(next, sizeof next, t->next, server, client, g->sport);
	const char *causes = t->causes_client;
	if (v == V_SERVER && *t->causes_server)
		causes = t->causes_server;
	else if (v == V_MIDDLE && *t->causes_middle)
		causes = t->causes_middle;
	char title[256];
	if (g->uses_from) {
		char from[64];
		addr_str(from, sizeof from, g->from_v6, g->from);
		snprintf(title, sizeof title, "%s (from %s)", t->title, from);
	} else {
		snprintf(title, sizeof title, "%s", t->title);
	}
	if (d->json) {
		struct out *o = d->o;
		out_str(o, "{\"id\":");
		out_json_str(o, g->id);
		out_str(o, ",\"severity\":");
		out_json_str(o, sev_name[g->sev]);
		out_str(o, ",\"title\":");
		out_json_str(o, title);
		out_str(o, ",\"server\":");
		out_json_str(o, srvep);
		out_str(o, ",\"conn\":");
		out_json_str(o, g->nex ? g->conn[0] : srvep);
		out_fmt(o, ",\"connections\":%llu,\"vantage\":", (unsigned long long)g->count);
		out_json_str(o, vantage_name[v]);
		if (d->src_file) {
			out_str(o, ",\"capture\":");
			out_json_str(o, d->src_role);
			out_str(o, ",\"file\":");
			out_json_str(o, d->src_file);
		}
		out_str(o, ",\"evidence\":[");
		for (int i = 0; i < g->nex; i++) {
			char line[600];
			snprintf(line, sizeof line, "%s: %s", g->conn[i], g->evidence[i]);
			if (i)
				out_char(o, ',');
			out_json_str(o, line);
		}
		out_str(o, "],\"causes\":");
		out_json_str(o, causes);
		out_str(o, ",\"next\":");
		out_json_str(o, next);
		out_str(o, "}\n");
		return;
	}
	struct out *o = d->o;
	out_fmt(o, "\n%s [%s] %s\n", g->sev >= SEV_ERROR ? "!!" : g->sev == SEV_WARNING ? " !" : "  ", g->id, title);
	out_fmt(o, "   where:    %s, %llu connection%s", srvep, (unsigned long long)g->count, g->count == 1 ? "" : "s");
	char t0[32], t1[32];
	diag_fmt_clock(t0, sizeof t0, g->first);
	diag_fmt_clock(t1, sizeof t1, g->last);
	out_fmt(o, ", %s - %s\n", t0, t1);
	for (int i = 0; i < g->nex; i++)
		out_fmt(o, "   evidence: %s: %s\n", g->conn[i], g->evidence[i]);
	if (g->count > (uint64_t)g->nex)
		out_fmt(o, "             ... and %llu more like these\n", (unsigned long long)(g->count - (uint64_t)g->nex));
	out_fmt(o, "   likely:   %s\n", causes);
	out_fmt(o, "   next:     %s\n", next);
}

static void early_syn_alert(struct diag *d, const struct tcp_result *res, double now)
{
	const struct conn *c = res->conn;
	char label[160];
	conn_label(label, sizeof label, c);
	if (d->json) {
		out_fmt(d->o, "{\"id\":\"syn-unanswered\",\"severity\":\"error\",\"early\":true,\"conn\":\"%s\","
			      "\"evidence\":[\"2 SYNs %.1f s apart, no answer yet\"]}\n", label, now - c->syn_times[0]);
	} else {
		char ts[32];
		diag_fmt_clock(ts, sizeof ts, now);
		out_fmt(d->o, "%s !! [syn-unanswered] %s: 2 SYNs %.1f s apart, no answer yet (full report on Ctrl+C)\n", ts,
			label, now - c->syn_times[0]);
	}
	out_flush(d->o);
}

/* Rules over many connections: listen overflow, SYN flood, unanswered ARP. */
static void port_rules(struct diag *d, enum vantage v)
{
	for (int i = 0; i < MAX_PORTS; i++) {
		struct port *p = &d->ports[i];
		if (!p->used)
			continue;
		/* Some connections succeed while others to the same port get nothing: listen overflow. */
		int overlap = p->ok && p->halfopen && p->first_bad <= p->last_ok + 5 && p->first_ok <= p->last_bad + 5;
		int which = -1, unacked = -1;
		for (int k = 0; k < d->ng; k++) {
			struct group *g = &d->g[k];
			if (g->v6 == p->v6 && g->sport == p->sport && memcmp(g->srv, p->srv, alen(p->v6)) == 0) {
				if (!strcmp(g->id, "no-synack") || !strcmp(g->id, "syn-unanswered"))
					which = k;
				else if (!strcmp(g->id, "synack-unacked"))
					unacked = k;
			}
		}
		/* A flood: many half-open attempts, answered (SYN cookies) or not. */
		if ((which >= 0 || unacked >= 0) && p->halfopen + p->synack_unacked >= 200) {
			struct group *g = &d->g[which >= 0 ? which : unacked];
			snprintf(g->id, sizeof g->id, "syn-flood");
			g->sev = SEV_CRITICAL;
			if (which >= 0 && unacked >= 0) {
				struct group *u = &d->g[unacked];
				g->count += u->count;
				u->id[0] = 0; /* folded into the flood */
			}
			char ev[400];
			snprintf(ev, sizeof ev,
				 "%llu half-open connection attempt(s) (%llu never answered, %llu answered with a SYN-ACK that was never "
				 "acknowledged) while %llu connection(s) completed",
				 (unsigned long long)(p->halfopen + p->synack_unacked), (unsigned long long)p->halfopen,
				 (unsigned long long)p->synack_unacked, (unsigned long long)p->ok);
			if (g->nex <= MAX_EXAMPLES) {
				snprintf(g->conn[g->nex], sizeof g->conn[0], "port summary");
				snprintf(g->evidence[g->nex], sizeof g->evidence[0], "%s", ev);
				g->nex++;
			}
		} else if (which >= 0 && overlap && (v == V_SERVER || p->synack_unacked)) {
			struct group *g = &d->g[which];
			snprintf(g->id, sizeof g->id, "listen-overflow");
			g->sev = SEV_CRITICAL;
			char ev[400];
			snprintf(ev, sizeof ev, "%llu connection(s) to this port completed while %llu got no SYN-ACK in the same period",
				 (unsigned long long)p->ok, (unsigned long long)p->halfopen);
			if (g->nex <= MAX_EXAMPLES) {
				snprintf(g->conn[g->nex], sizeof g->conn[0], "port summary");
				snprintf(g->evidence[g->nex], sizeof g->evidence[0], "%s", ev);
				g->nex++;
			}
		}
	}
	/* Unanswered ARP / ND for an address that SYNs went to. */
	for (int k = 0; k < d->ng; k++) {
		struct group *g = &d->g[k];
		if (strcmp(g->id, "syn-unanswered") && strcmp(g->id, "no-synack"))
			continue;
		struct host *h = host_get(d, g->v6, g->srv, 0);
		if (h && ((h->arp_req >= 2 && !h->arp_reply) || (h->nd_req >= 2 && !h->nd_reply)) && h->pkts_from == 0) {
			snprintf(g->id, sizeof g->id, "host-unreachable");
			char ev[400];
			snprintf(ev, sizeof ev, "%u %s request(s) for the server's address, none answered",
				 h->arp_req ? h->arp_req : h->nd_req, h->arp_req ? "ARP" : "neighbour solicitation");
			if (g->nex <= MAX_EXAMPLES) {
				snprintf(g->conn[g->nex], sizeof g->conn[0], "%s", "address resolution");
				snprintf(g->evidence[g->nex], sizeof g->evidence[0], "%s", ev);
				g->nex++;
			}
		}
	}
}

static int cmp_group(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	if (x->sev != y->sev)
		return y->sev - x->sev;
	if (x->count != y->count)
		return y->count > x->count ? 1 : -1;
	return x->first < y->first ? -1 : x->first > y->first;
}

int diag_finish(struct diag *d)
{
	enum vantage v = overall_vantage(d);
	port_rules(d, v);
	/* Merge groups that became the same id (listen-overflow from two rules). */
	/* Drop groups folded into others. */
	int k = 0;
	for (int i = 0; i < d->ng; i++)
		if (d->g[i].id[0])
			d->g[k++] = d->g[i];
	d->ng = k;
	qsort(d->g, (size_t)d->ng, sizeof d->g[0], cmp_group);
	int serious = 0;
	for (int i = 0; i < d->ng; i++)
		if (d->g[i].sev >= SEV_WARNING)
			serious++;
	struct out *o = d->o;
	if (d->json) {
		for (int i = 0; i < d->ng; i++)
			print_group(d, &d->g[i], v);
		out_str(o, "{\"summary\":true,");
		if (d->src_file) {
			out_str(o, "\"capture\":");
			out_json_str(o, d->src_role);
			out_str(o, ",\"file\":");
			out_json_str(o, d->src_file);
			out_char(o, ',');
		}
		out_fmt(o, "\"packets\":%llu,\"tcp_packets\":%llu,\"connections\":%llu,\"healthy\":%llu,"
			   "\"findings\":%d,\"vantage\":\"%s\",\"duration\":%.3f}\n",
			(unsigned long long)d->pkts, (unsigned long long)d->tcp_pkts, (unsigned long long)d->conns,
			(unsigned long long)d->healthy, d->ng, vantage_name[v], d->tlast - d->tfirst);
		return serious;
	}
	if (d->src_file)
		out_fmt(o, "== %s-side capture: %s ==\n", d->src_role, d->src_file);
	out_fmt(o, "synack diagnose: %llu packets, %llu TCP connection%s over %.3f s; capture point: %s\n",
		(unsigned long long)d->pkts, (unsigned long long)d->conns, d->conns == 1 ? "" : "s", d->tlast - d->tfirst,
		v == V_CLIENT ? "at the client" : v == V_SERVER ? "at the server" : v == V_MIDDLE ? "in between (on the path)"
								 : "unknown (no complete handshake or TTL evidence)");
	if (d->ng == 0) {
		out_fmt(o, "no problems found: %llu connection%s looked healthy\n", (unsigned long long)d->healthy,
			d->healthy == 1 ? "" : "s");
		return 0;
	}
	for (int i = 0; i < d->ng; i++)
		print_group(d, &d->g[i], v);
	out_fmt(o, "\n%d finding%s; %llu of %llu connection%s healthy\n", d->ng, d->ng == 1 ? "" : "s",
		(unsigned long long)d->healthy, (unsigned long long)d->conns, d->conns == 1 ? "" : "s");
	if (d->dropped_groups)
		out_fmt(o, "(%llu further problem groups not shown: table full)\n", (unsigned long long)d->dropped_groups);
	return serious;
}

