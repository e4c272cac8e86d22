/*
 * rules.c - the per-connection rules: each finished connection is classified
 * by classify_rules[] in order; connections with the same problem towards the
 * same server endpoint are grouped into one finding, with the packet numbers
 * that prove it.  A rule returns 1 when what it found makes later rules moot.
 */
#include "findings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/fmt.h"

struct group *diag_group_new(struct diag *d, enum fid kind, enum sev sev, int v6, const uint8_t *srv,
			     const uint8_t *cli, uint16_t sport)
{
	for (int i = 0; i < d->ng; i++) {
		struct group *g = &d->g[i];
		if (g->kind == kind && g->v6 == v6 && g->sport == sport && memcmp(g->srv, srv, diag_alen(v6)) == 0)
			return g;
	}
	if (d->ng >= MAX_GROUPS) {
		d->dropped_groups++;
		return NULL;
	}
	struct group *g = &d->g[d->ng++];
	memset(g, 0, sizeof *g);
	g->kind = kind;
	g->sev = sev;
	g->v6 = v6;
	g->parent = -1;
	memcpy(g->srv, srv, diag_alen(v6));
	if (cli)
		memcpy(g->cli, cli, diag_alen(v6));
	g->sport = sport;
	g->first = -1;
	return g;
}

struct group *diag_group_get(struct diag *d, enum fid kind, enum sev sev, const struct conn *c)
{
	struct group *g = diag_group_new(d, kind, sev, c->v6, c->srv, c->cli, c->sport);
	if (g && sev > g->sev)
		g->sev = sev;
	return g;
}

void diag_conn_label(char *buf, size_t n, const struct conn *c)
{
	char a[64], b[64];
	fmt_endpoint(a, sizeof a, c->v6, c->cli, c->cport);
	fmt_endpoint(b, sizeof b, c->v6, c->srv, c->sport);
	snprintf(buf, n, "%.60s -> %.60s", a, b);
}

void diag_counter(struct group *g, const char *name, double val, int max)
{
	for (int i = 0; i < g->nctr; i++)
		if (g->ctr[i].name == name || strcmp(g->ctr[i].name, name) == 0) {
			if (!max)
				g->ctr[i].val += val;
			else if (val > g->ctr[i].val)
				g->ctr[i].val = val;
			return;
		}
	if (g->nctr < MAX_COUNTERS) {
		g->ctr[g->nctr].name = name;
		g->ctr[g->nctr].val = val;
		g->nctr++;
	}
}

static void span_add(struct group *g, double t0, double t1, uint64_t p0, uint64_t p1)
{
	if (g->first < 0 || t0 < g->first)
		g->first = t0;
	if (t1 > g->last)
		g->last = t1;
	if (p0 && (!g->first_pkt || p0 < g->first_pkt))
		g->first_pkt = p0;
	if (p1 > g->last_pkt)
		g->last_pkt = p1;
}

static void keys_set(struct example *e, const uint64_t *keys, int nkeys)
{
	for (int i = 0; i < nkeys && e->nkey < MAX_KEYS; i++) {
		if (!keys[i])
			continue;
		int dup = 0;
		for (int k = 0; k < e->nkey; k++)
			dup |= e->key[k] == keys[i];
		if (!dup)
			e->key[e->nkey++] = keys[i];
	}
}

/* Connections counted into any group so far (every g->count++ below), so that
 * diag_classify tells whether a rule counted one without summing every group's
 * count twice per connection (a cache miss per group, per connection). */
static uint64_t conns_counted;

void diag_group_example(struct group *g, const struct conn *c, const char *text, const uint64_t *keys, int nkeys)
{
	if (g->has_last && g->last_conn_id == c->id && g->nex > 0) {
		/* Same connection again (the other direction): add to its line. */
		struct example *e = &g->ex[g->nex - 1];
		size_t n = strlen(e->text);
		snprintf(e->text + n, sizeof e->text - n, "; %s", text);
		keys_set(e, keys, nkeys);
		return;
	}
	g->has_last = 1;
	g->last_conn_id = c->id;
	g->count++;
	conns_counted++;
	span_add(g, c->start, c->last, c->first_pkt, c->last_pkt);
	if (g->nex < MAX_EXAMPLES) {
		struct example *e = &g->ex[g->nex++];
		memset(e, 0, sizeof *e);
		diag_conn_label(e->conn, sizeof e->conn, c);
		snprintf(e->text, sizeof e->text, "%s", text);
		e->first_pkt = c->first_pkt;
		e->last_pkt = c->last_pkt;
		e->t0 = c->start;
		e->t1 = c->last;
		keys_set(e, keys, nkeys);
	}
}

void diag_group_summary(struct group *g, const char *label, const char *text, const uint64_t *keys, int nkeys,
			double t0, double t1)
{
	if (g->nex >= MAX_EXAMPLES + 2)
		return;
	struct example *e = &g->ex[g->nex++];
	memset(e, 0, sizeof *e);
	snprintf(e->conn, sizeof e->conn, "%s", label);
	snprintf(e->text, sizeof e->text, "%s", text);
	e->t0 = t0;
	e->t1 = t1;
	keys_set(e, keys, nkeys);
	if (nkeys > 0) {
		e->first_pkt = e->last_pkt = e->key[0];
		for (int i = 0; i < e->nkey; i++) {
			if (e->key[i] < e->first_pkt)
				e->first_pkt = e->key[i];
			if (e->key[i] > e->last_pkt)
				e->last_pkt = e->key[i];
		}
	}
	if (t1 > 0)
		span_add(g, t0, t1, e->first_pkt, e->last_pkt);
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

typedef int (*rule_fn)(struct diag *d, const struct conn *c, enum vantage v);

/* An ICMP error about the connection, attributed to the packet it quotes: the
 * client's SYN blames the forward path, the server's SYN-ACK the return path. */
static int rule_icmp(struct diag *d, const struct conn *c, enum vantage v)
{
	(void)v;
	if (!c->icmp_count || c->established)
		return 0;
	int v6 = c->icmp_v6;
	int hostun = (!v6 && c->icmp_type == 3 && (c->icmp_code == 1 || c->icmp_code == 7)) ||
		     (v6 && c->icmp_type == 1 && c->icmp_code == 3);
	int texp = (!v6 && c->icmp_type == 11) || (v6 && c->icmp_type == 3);
	enum fid kind = texp ? F_TTL_EXPIRED : hostun ? F_HOST_UNREACHABLE : F_REJECTED_ICMP;
	struct group *g = diag_group_get(d, kind, SEV_ERROR, c);
	if (!g)
		return 1;
	int dir = c->icmp_dir, what = c->icmp_what;
	char from[64], ts[32], ev[400], quoted[96];
	diag_addr_str(from, sizeof from, v6, c->icmp_from);
	fmt_clock(ts, sizeof ts, c->icmp_time);
	uint64_t qpkt = 0;
	if (dir == 0 && what == ICMP_QUOTED_SYN) {
		snprintf(quoted, sizeof quoted, "the client's SYN (packet %llu)", (unsigned long long)c->syn_pkt);
		qpkt = c->syn_pkt;
	} else if (dir == 1 && what == ICMP_QUOTED_SYNACK) {
		snprintf(quoted, sizeof quoted, "the server's SYN-ACK (packet %llu)", (unsigned long long)c->synack_pkt);
		qpkt = c->synack_pkt;
	} else {
		snprintf(quoted, sizeof quoted, "a packet from the %s", dir ? "server" : "client");
	}
	int self = memcmp(c->icmp_from, dir ? c->cli : c->srv, diag_alen(c->v6)) == 0;
	snprintf(ev, sizeof ev, "%s answered at %s by ICMP%s %s from %s (packet %llu)%s; it quotes %s: the %s path (%s) is blocked",
		 dir ? "the server's SYN-ACK" : "SYN", ts, v6 ? "v6" : "", icmp_text(v6, c->icmp_type, c->icmp_code), from,
		 (unsigned long long)c->icmp_pkt,
		 self ? (dir ? " - the client itself" : " - the server itself") : " - a router or firewall on the path", quoted,
		 dir ? "return" : "forward", dir ? "server -> client" : "client -> server");
	memcpy(g->from, c->icmp_from, 16);
	g->from_v6 = v6;
	g->uses_from = 1;
	diag_counter(g, "icmp_type", c->icmp_type, 1);
	diag_counter(g, "icmp_code", c->icmp_code, 1);
	diag_counter(g, "icmp_errors", c->icmp_count, 0);
	if (dir)
		diag_counter(g, "return_path", 1, 1);
	uint64_t keys[3] = {c->syn_pkt, qpkt, c->icmp_pkt};
	diag_group_example(g, c, ev, keys, 3);
	return 1;
}

/* Client and server in different subnets, as far as the usual prefix lengths
 * (/24, /64) tell. */
static int other_subnet(const struct conn *c)
{
	return memcmp(c->cli, c->srv, c->v6 ? 8 : 3) != 0;
}

/* Does the reset come from the server?  Hop count first (the server's other
 * packets), then the link layer: a reset with an initial TTL (sent from this
 * link) from a MAC that carries other hosts' packets (a router) cannot be
 * from a server behind that router. */
static int rule_refused(struct diag *d, const struct conn *c, enum vantage v)
{
	if (!c->syn_count || c->synack_count || !c->h[1].rst)
		return 0;
	struct host *h = diag_host_get(d, c->v6, c->srv, 0);
	int forged = 0;
	char ev[400];
	const struct mac *m = NULL;
	const struct conn_note *nt = diag_note_find(d, c->id);
	uint64_t rst_pkt = nt && nt->rst_set ? nt->rst_pkt : 0;
	/* A reset with a higher TTL than the server's packets comes from something closer
	 * (one hop is enough); a lower one needs two hops of margin (paths can change by one). */
	if (h && h->ttl_set && ((int)c->rst_ttl - (int)h->ttl >= 1 || (int)h->ttl - (int)c->rst_ttl >= 2)) {
		forged = 1;
		snprintf(ev, sizeof ev,
			 "SYN (packet %llu) answered by RST with TTL %u, but the server's other packets arrive with TTL %u: "
			 "the reset was sent by something %d hop(s) %s",
			 (unsigned long long)c->syn_pkt, c->rst_ttl, h->ttl, abs((int)h->ttl - (int)c->rst_ttl),
			 c->rst_ttl > h->ttl ? "closer than the server" : "further away than the server");
	} else if (nt && nt->rst_mac_set && v != V_SERVER && diag_initial_ttl(c->rst_ttl) &&
		   (m = diag_mac_find(d, nt->rst_mac)) != NULL &&
		   (m->routed || m->ndst >= 2 ||
		    (m->owner_set && (m->owner_v6 != c->v6 || memcmp(m->owner, c->srv, diag_alen(c->v6)) != 0))) &&
		   !(m->owner_set && m->owner_v6 == c->v6 && memcmp(m->owner, c->srv, diag_alen(c->v6)) == 0)) {
		forged = 1;
		char mac[24], owner[64] = "";
		diag_mac_str(mac, sizeof mac, nt->rst_mac);
		if (m->owner_set) {
			char a[48];
			diag_addr_str(a, sizeof a, m->owner_v6, m->owner);
			snprintf(owner, sizeof owner, " (%s)", a);
		}
		snprintf(ev, sizeof ev,
			 "SYN (packet %llu) answered by RST with TTL %u - zero hops: sent from this link - by %s%s, a router "
			 "(it %s), while the server is behind it: the router or a firewall on it forged the reset",
			 (unsigned long long)c->syn_pkt, c->rst_ttl, mac, owner,
			 m->routed || m->ndst >= 2 ? "forwards other hosts' packets" : "answers ARP for another address");
	} else if (v != V_SERVER && diag_initial_ttl(c->rst_ttl) && diag_initial_ttl(c->h[0].ttl_first) &&
		   other_subnet(c)) {
		/* Nothing else in the capture: the addresses decide.  A server in another
		 * subnet is reached through a router, so its own reset would arrive with a
		 * decremented TTL; one with the initial TTL was made on this link. */
		forged = 1;
		char mac[32] = "";
		if (nt && nt->rst_mac_set) {
			char m6[24];
			diag_mac_str(m6, sizeof m6, nt->rst_mac);
			snprintf(mac, sizeof mac, " from %s", m6);
		}
		snprintf(ev, sizeof ev,
			 "SYN (packet %llu) answered by RST with TTL %u%s - zero hops, made on this link - while the server is in "
			 "another subnet (assuming a /%d), behind a router: its own reset would arrive with a lower TTL; the "
			 "router (the SYN's next hop) or a firewall there forged the reset",
			 (unsigned long long)c->syn_pkt, c->rst_ttl, mac, c->v6 ? 64 : 24);
	} else {
		snprintf(ev, sizeof ev, "%d SYN(s), answered by RST+ACK (TTL %u): nothing listens on port %u", c->syn_count,
			 c->rst_ttl, c->sport);
	}
	struct group *g = diag_group_get(d, forged ? F_REFUSED_BY_MIDDLEBOX : F_REFUSED, SEV_ERROR, c);
	if (g) {
		uint64_t keys[2] = {c->syn_pkt, rst_pkt};
		diag_group_example(g, c, ev, keys, 2);
		diag_counter(g, "rst_ttl", c->rst_ttl, 1);
		if (h && h->ttl_set)
			diag_counter(g, "server_ttl", h->ttl, 1);
		if (m && m->owner_set) {
			memcpy(g->from, m->owner, 16);
			g->from_v6 = m->owner_v6;
			g->uses_from = 1;
		}
	}
	struct port *p = diag_port_get(d, c->v6, c->srv, c->sport);
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
	int routed = !diag_initial_ttl(c->h[0].ttl_first);
	snprintf(ev, sizeof ev, "%d SYN%s at %s (first packet %llu, TTL %u%s), no answer%s", c->syn_count,
		 c->syn_count == 1 ? "" : "s", times, (unsigned long long)c->syn_pkt, c->h[0].ttl_first,
		 routed ? ": arrived over the network" : ": sent from this host",
		 v == V_SERVER ? " left this host" : "");
	struct port *p = diag_port_get(d, c->v6, c->srv, c->sport);
	if (p) {
		diag_port_bad(p, c->start, c->last);
		p->halfopen++;
	}
	struct group *g = diag_group_get(d, v == V_SERVER ? F_NO_SYNACK : F_SYN_UNANSWERED, SEV_ERROR, c);
	if (g) {
		uint64_t keys[2] = {c->syn_pkt, c->last_pkt};
		diag_group_example(g, c, ev, keys, 2);
		diag_counter(g, "syns", c->syn_count, 0);
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
		struct group *g = diag_group_get(d, F_CLIENT_RESET, SEV_ERROR, c);
		if (g) {
			uint64_t keys[2] = {c->synack_pkt, c->last_pkt};
			diag_group_example(g, c, ev, keys, 2);
		}
		return 1;
	}
	struct port *p = diag_port_get(d, c->v6, c->srv, c->sport);
	if (p) {
		p->synack_unacked++;
		diag_port_bad(p, c->start, c->last);
	}
	if (c->h[0].pkts > (uint64_t)c->syn_count && v == V_SERVER) {
		/* The client did answer, but the server kept retransmitting its SYN-ACK: the
		 * final ACK was dropped by the server (accept queue full). */
		snprintf(ev, sizeof ev, "%d SYN-ACKs, the client's ACK (packet %llu on) was ignored", c->synack_count,
			 (unsigned long long)c->h[0].first_pkt);
		struct group *g = diag_group_get(d, F_LISTEN_OVERFLOW, SEV_CRITICAL, c);
		if (g) {
			uint64_t keys[2] = {c->synack_pkt, c->h[0].first_pkt};
			diag_group_example(g, c, ev, keys, 2);
			diag_counter(g, "synacks", c->synack_count, 0);
		}
		return 1;
	}
	syn_times(times, sizeof times, c->synack_times, c->synack_count, c->syn_count ? c->syn_time : c->synack_times[0]);
	snprintf(ev, sizeof ev, "%d SYN%s, %d SYN-ACK%s (at %s after the first SYN), no ACK from the client%s",
		 c->syn_count, c->syn_count == 1 ? "" : "s", c->synack_count, c->synack_count == 1 ? "" : "s", times,
		 c->syn_count > 1 ? "; the client kept sending SYNs: it never got the SYN-ACK"
		 : c->synack_count > 1 ? "; a single SYN: the client probably got the SYN-ACK and its ACK was lost on the way back"
				       : "");
	struct group *g = diag_group_get(d, F_SYNACK_UNACKED, SEV_ERROR, c);
	if (g) {
		uint64_t keys[2] = {c->syn_pkt, c->synack_pkt};
		diag_group_example(g, c, ev, keys, 2);
		diag_counter(g, "synacks", c->synack_count, 0);
	}
	return 1;
}

/* The final ACK of the handshake was lost: the server retransmitted its SYN-ACK
 * after the client had already answered it (at the client), or without any
 * packet from the client in between (at the server, the ACK never arrived). */
static int rule_ack_lost(struct diag *d, const struct conn *c, enum vantage v)
{
	if (!c->established || c->synack_count < 2 || c->syn_count != 1 || c->h[0].max_backoff >= 3)
		return 0;
	double last_sa = c->synack_times[c->synack_count < 8 ? c->synack_count - 1 : 7];
	int ignored = v == V_SERVER && c->hs_ack_time > 0 && c->hs_ack_time < last_sa;
	double last_sa0 = c->synack_times[c->synack_count < 8 ? c->synack_count - 1 : 7];
	struct port *p = diag_port_get(d, c->v6, c->srv, c->sport);
	if (p) {
		p->late++;
		diag_port_bad(p, c->synack_times[0], last_sa0);
	}
	double wait = last_sa - c->synack_times[0];
	int srv_first = c->h[1].first_data_time > 0 &&
			(c->h[0].first_data_time <= 0 || c->h[1].first_data_time < c->h[0].first_data_time);
	char ev[400];
	if (ignored) {
		/* At the server the ACK arrived and was ignored: the accept queue was full. */
		snprintf(ev, sizeof ev, "the client's ACK (packet %llu) arrived and the server retransmitted its SYN-ACK "
			 "anyway (%d SYN-ACKs, %.1f s): the listener did not take the connection",
			 (unsigned long long)c->hs_ack_pkt, c->synack_count, wait);
		struct group *g = diag_group_get(d, F_LISTEN_OVERFLOW, SEV_CRITICAL, c);
		if (g) {
			uint64_t keys[2] = {c->hs_ack_pkt, c->synack_pkt};
			diag_group_example(g, c, ev, keys, 2);
		}
		return 0;
	}
	snprintf(ev, sizeof ev, "%d SYN-ACKs for one SYN (first packet %llu): the handshake's final ACK was lost and the "
		 "connection waited %.3f s for the retransmitted SYN-ACK%s", c->synack_count, (unsigned long long)c->synack_pkt,
		 wait, srv_first ? "; the server speaks first (its greeting waited too)" : "");
	struct group *g = diag_group_get(d, F_ACK_LOST, srv_first ? SEV_ERROR : SEV_WARNING, c);
	if (g) {
		uint64_t keys[2] = {c->synack_pkt, c->hs_ack_pkt};
		diag_group_example(g, c, ev, keys, 2);
		diag_counter(g, "wait_s", wait, 1);
		diag_counter(g, "synacks", c->synack_count, 0);
	}
	return 0;
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
	struct group *g = diag_group_get(d, F_BAD_SEQ, SEV_ERROR, c);
	if (g) {
		uint64_t keys[1] = {c->synack_bad_ack ? c->synack_pkt : 0};
		diag_group_example(g, c, ev, keys, 1);
		diag_counter(g, "bad_seq", (double)(c->h[0].bad_seq + c->h[1].bad_seq), 0);
	}
	return 0;
}

static int rule_app_close(struct diag *d, const struct conn *c, enum vantage v)
{
	(void)v;
	if (!c->established)
		return 0;
	char ev[400];
	const struct half *cl = &c->h[0], *sv = &c->h[1];
	uint64_t keys_last[1] = {c->last_pkt};
	/* The server resets or closes before sending any data. */
	if (sv->bytes == 0 && (sv->rst || (sv->fin && (!cl->fin || sv->fin_time <= cl->fin_time)))) {
		double dt = (sv->rst ? sv->rst_time : sv->fin_time) - c->hs_ack_time;
		snprintf(ev, sizeof ev, "handshake completed, client sent %llu byte(s), then the server %s after %.3f s without answering",
			 (unsigned long long)cl->bytes, sv->rst ? "reset the connection" : "closed it (FIN)", dt);
		struct group *g = diag_group_get(d, F_APP_RESET, SEV_ERROR, c);
		if (g) {
			uint64_t keys[2] = {c->hs_ack_pkt, c->last_pkt};
			diag_group_example(g, c, ev, keys, 2);
		}
		return 1;
	}
	/* The client closes early: RST from the client while data was coming, or data after its FIN. */
	if (cl->rst && c->rst_first_by == 0 && sv->bytes > 0 && !(cl->fin && sv->fin)) {
		snprintf(ev, sizeof ev, "client reset the connection after receiving %llu byte(s)%s",
			 (unsigned long long)sv->bytes, cl->fin ? ", having already sent FIN (data arrived after its FIN)" : "");
		struct group *g = diag_group_get(d, F_EARLY_CLOSE, SEV_WARNING, c);
		if (g)
			diag_group_example(g, c, ev, keys_last, 1);
		return 0;
	}
	if (cl->fin && cl->bytes == 0 && sv->bytes == 0 && !sv->fin) {
		snprintf(ev, sizeof ev, "client closed (FIN) right after the handshake without sending a request");
		struct group *g = diag_group_get(d, F_EARLY_CLOSE, SEV_WARNING, c);
		if (g)
			diag_group_example(g, c, ev, keys_last, 1);
		return 0;
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
			struct group *g = diag_group_get(d, F_ZERO_WINDOW, dur > 1 ? SEV_ERROR : SEV_WARNING, c);
			if (g) {
				diag_group_example(g, c, ev, NULL, 0);
				diag_counter(g, "zero_windows", (double)h->zerowin, 0);
				diag_counter(g, "zero_window_s", dur, 0);
			}
			any = 1;
		}
		if (h->winfull >= 3 && h->zerowin == 0) {
			snprintf(ev, sizeof ev, "%llu segment(s) from the %s filled the %s's receive window (max window %u bytes)",
				 (unsigned long long)h->winfull, who, other, o->max_win);
			struct group *g = diag_group_get(d, F_WINDOW_FULL, SEV_WARNING, c);
			if (g)
				diag_group_example(g, c, ev, NULL, 0);
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
		else
			needed += h->ooo_resent; /* resent quickly: Wireshark's timing calls it out-of-order */
		/* Holes the receiver acknowledged without any retransmission filling them were
		 * never lost on the network: the capture missed those segments. */
		uint64_t holes = h->lost;
		if (h->capture_gaps > 0 && h->gaps_untracked == 0) {
			/* the tracker followed every gap: those acknowledged and never filled were
			 * missed by the capture, not lost */
			d->capture_gaps += h->capture_gaps;
			holes = holes > h->capture_gaps ? holes - h->capture_gaps : 0;
		} else if (o->acked_unseen > 0 && holes > needed) {
			d->capture_gaps += holes - needed;
			holes = needed;
		}
		uint64_t lost = needed > holes ? needed : holes;
		/* path-MTU black hole: full-size segments retransmitted over and over, small ones pass */
		if (h->full_size_retrans >= 3 && h->consec_rto >= 3 && o->lastack_set && c->icmp_count == 0) {
			snprintf(ev, sizeof ev,
				 "%u full-size segment(s) (%u bytes) from the %s retransmitted, the same one %d times in a row, "
				 "while smaller segments were acknowledged; no ICMP \"fragmentation needed\" seen",
				 h->full_size_retrans, h->max_seg, who, h->max_backoff);
			struct group *g = diag_group_get(d, F_PMTU_BLACKHOLE, SEV_CRITICAL, c);
			if (g) {
				diag_group_example(g, c, ev, NULL, 0);
				diag_counter(g, "segment_size", h->max_seg, 1);
				diag_counter(g, "full_size_retransmissions", h->full_size_retrans, 0);
			}
			any = 1;
			continue;
		}
		if (h->max_backoff >= 3 || (h->max_rto >= 1.0 && h->retrans >= 2)) {
			snprintf(ev, sizeof ev,
				 "the %s retransmitted the same segment %d times in a row (exponential backoff); the last retransmission came %.3f s after the segment was first sent",
				 who, h->max_backoff, h->max_rto);
			struct group *g = diag_group_get(d, F_RTO_STALL, SEV_ERROR, c);
			if (g) {
				diag_group_example(g, c, ev, NULL, 0);
				diag_counter(g, "backoff", h->max_backoff, 1);
				diag_counter(g, "max_rto_s", h->max_rto, 1);
			}
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
			struct group *g = diag_group_get(d, F_PACKET_LOSS, rate >= 5 ? SEV_ERROR : SEV_WARNING, c);
			if (g) {
				diag_group_example(g, c, ev, NULL, 0);
				diag_counter(g, "loss_pct", rate, 1);
				diag_counter(g, "retransmissions", (double)h->retrans, 0);
				diag_counter(g, "not_captured", (double)h->lost, 0);
				diag_counter(g, "acked_unseen", (double)o->acked_unseen, 0);
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
		struct group *g = diag_group_get(d, F_WSCALE_STRIPPED, SEV_WARNING, c);
		if (g)
			diag_group_example(g, c, ev, NULL, 0);
		any = 1;
	}
	/* server think time */
	if (c->req_last_time > 0 && c->resp_time > 0) {
		/* Think time: from when the server had the whole request (its ACK of the last
		 * request byte, or that byte's first transmission) to the first response byte. */
		double start = c->req_acked_time > 0 && c->req_acked_time < c->resp_time ? c->req_acked_time : c->req_last_time;
		double ttfb = c->resp_time - start;
		double rtt = c->syn_count && c->established ? c->hs_ack_time - c->syn_time : c->rtt_n ? c->rtt_min : 0;
		if (ttfb >= 1.0 && ttfb > 10 * rtt) {
			snprintf(ev, sizeof ev, "first response byte %.3f s after the request (network RTT %.1f ms)", ttfb, rtt * 1000);
			struct group *g = diag_group_get(d, F_SLOW_SERVER, SEV_WARNING, c);
			if (g) {
				diag_group_example(g, c, ev, NULL, 0);
				diag_counter(g, "first_byte_s", ttfb, 1);
			}
			any = 1;
		}
	}
	/* high RTT */
	/* Karn's rule: no RTT from a retransmitted SYN or SYN-ACK (that time is a timeout, not the path). */
	if (c->syn_count == 1 && c->synack_count == 1 && c->established) {
		double hs = c->hs_ack_time - c->syn_time;
		if (hs >= 0.3) {
			snprintf(ev, sizeof ev, "handshake took %.1f ms (SYN->SYN-ACK %.1f ms, SYN-ACK->ACK %.1f ms)", hs * 1000,
				 (c->synack_time - c->syn_time) * 1000, (c->hs_ack_time - c->synack_time) * 1000);
			struct group *g = diag_group_get(d, F_HIGH_RTT, SEV_WARNING, c);
			if (g) {
				uint64_t keys[3] = {c->syn_pkt, c->synack_pkt, c->hs_ack_pkt};
				diag_group_example(g, c, ev, keys, 3);
				diag_counter(g, "handshake_ms", hs * 1000, 1);
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
	struct group *g = diag_group_get(d, F_RESPONSE_STALLED, SEV_ERROR, c);
	if (g)
		diag_group_example(g, c, ev, NULL, 0);
	(void)v;
	return 1;
}

static const rule_fn classify_rules[] = {
	rule_icmp, rule_refused, rule_no_answer, rule_bad_seq, rule_synack_unacked, rule_ack_lost, rule_app_close,
	rule_stalls, rule_response_stalled,
};

/* Runs the rules on one finished connection; counts it healthy when none fired. */
void diag_classify(struct diag *d, const struct conn *c, enum vantage v)
{
	uint64_t before = conns_counted;
	for (size_t i = 0; i < sizeof classify_rules / sizeof classify_rules[0]; i++)
		if (classify_rules[i](d, c, v))
			break;
	if (conns_counted == before)
		d->healthy++;
}
