/*
 * across.c - rules over many connections and over the capture as a whole:
 * listen overflow and SYN floods (per server port), unanswered address
 * resolution (per host), the packet-level detector events (detect.h),
 * nothing captured, capture loss; then root cause first: a group that a root
 * cause on the same server endpoint explains becomes its consequence.
 */
#include "findings.h"

#include <stdio.h>
#include <string.h>

static int same_ep(const struct group *a, const struct group *b, int any_port)
{
	return a->v6 == b->v6 && (any_port || a->sport == b->sport) && memcmp(a->srv, b->srv, diag_alen(a->v6)) == 0;
}

static struct group *find_group(struct diag *d, enum fid k, const struct port *p)
{
	for (int i = 0; i < d->ng; i++) {
		struct group *g = &d->g[i];
		if (!g->dead && g->kind == k && g->v6 == p->v6 && g->sport == p->sport &&
		    memcmp(g->srv, p->srv, diag_alen(p->v6)) == 0)
			return g;
	}
	return NULL;
}

/* Listen overflow and SYN floods: some connections to a port succeed while others,
 * at the same moment, get no SYN-ACK, an ignored ACK, or an answer only seconds late. */
static void port_rules(struct diag *d, enum vantage v)
{
	for (int i = 0; i < MAX_PORTS; i++) {
		struct port *p = &d->ports[i];
		if (!p->used)
			continue;
		uint64_t bad = p->halfopen + p->synack_unacked + p->late;
		if (!bad)
			continue; /* neither rule below can fire: skip the three scans of every group */
		struct group *una = find_group(d, F_SYN_UNANSWERED, p);
		if (!una)
			una = find_group(d, F_NO_SYNACK, p);
		struct group *unacked = find_group(d, F_SYNACK_UNACKED, p);
		/* Connections with a clean handshake at the same moment (not the late ones themselves). */
		int overlap = p->clean && bad && p->first_bad <= p->last_ok + 5 && p->first_ok <= p->last_bad + 5;
		char ev[400];
		if ((una || unacked) && p->halfopen + p->synack_unacked >= 200) {
			struct group *g = una ? una : unacked;
			g->kind = F_SYN_FLOOD;
			g->sev = SEV_CRITICAL;
			if (una && unacked) {
				g->count += unacked->count;
				unacked->dead = 1; /* folded into the flood */
			}
			snprintf(ev, sizeof ev,
				 "%llu half-open connection attempt(s) (%llu never answered, %llu answered with a SYN-ACK that was never "
				 "acknowledged) while %llu connection(s) completed",
				 (unsigned long long)(p->halfopen + p->synack_unacked), (unsigned long long)p->halfopen,
				 (unsigned long long)p->synack_unacked, (unsigned long long)p->ok);
			diag_group_summary(g, "port summary", ev, NULL, 0, 0, 0);
			diag_counter(g, "half_open", (double)(p->halfopen + p->synack_unacked), 0);
			diag_counter(g, "completed", (double)p->ok, 0);
			continue;
		}
		/* At the server, any SYN that arrived and was left unanswered (or answered only
		 * seconds later) while other connections completed is the server's doing.  From
		 * the client or the path it must be a pattern across connections, not one loss. */
		int lo = overlap && (bad >= 2 || (v == V_SERVER && (una != NULL || p->synack_unacked > 0)));
		if (!lo)
			continue;
		struct group *g = find_group(d, F_LISTEN_OVERFLOW, p);
		if (!g) {
			struct group *src = una ? una : unacked ? unacked : NULL;
			g = diag_group_new(d, F_LISTEN_OVERFLOW, SEV_CRITICAL, p->v6, p->srv, src ? src->cli : NULL, p->sport);
			if (!g)
				continue;
			g->first = p->first_bad < p->first_ok ? p->first_bad : p->first_ok;
			g->last = p->last_bad > p->last_ok ? p->last_bad : p->last_ok;
			g->count = bad;
			/* The examples of what it explains prove it too. */
			for (int e = 0; src && e < src->nex && g->nex < MAX_EXAMPLES; e++)
				g->ex[g->nex++] = src->ex[e];
			if (src) {
				g->first_pkt = src->first_pkt;
				g->last_pkt = src->last_pkt;
			}
			if (p->late_ex_set && g->nex < MAX_EXAMPLES) {
				g->ex[g->nex++] = p->late_ex;
				if (!g->first_pkt || p->late_ex.first_pkt < g->first_pkt)
					g->first_pkt = p->late_ex.first_pkt;
				if (p->late_ex.last_pkt > g->last_pkt)
					g->last_pkt = p->late_ex.last_pkt;
			}
		}
		snprintf(ev, sizeof ev,
			 "%llu connection(s) to this port completed while, in the same period, %llu got no SYN-ACK, %llu had "
			 "their SYN-ACK never acknowledged or their ACK ignored, %llu were answered only after retransmissions",
			 (unsigned long long)p->ok, (unsigned long long)p->halfopen, (unsigned long long)p->synack_unacked,
			 (unsigned long long)p->late);
		diag_group_summary(g, "port summary", ev, NULL, 0, 0, 0);
		diag_counter(g, "completed", (double)p->ok, 0);
		diag_counter(g, "unanswered", (double)p->halfopen, 0);
		diag_counter(g, "late", (double)p->late, 0);
	}
	/* Unanswered ARP / ND for an address that SYNs went to. */
	for (int k = 0; k < d->ng; k++) {
		struct group *g = &d->g[k];
		if (g->dead || (g->kind != F_SYN_UNANSWERED && g->kind != F_NO_SYNACK))
			continue;
		struct host *h = diag_host_get(d, g->v6, g->srv, 0);
		if (h && ((h->arp_req >= 2 && !h->arp_reply) || (h->nd_req >= 2 && !h->nd_reply)) && h->pkts_from == 0) {
			g->kind = F_HOST_UNREACHABLE;
			char ev[400];
			snprintf(ev, sizeof ev, "%u %s request(s) for the server's address, none answered",
				 h->arp_req ? h->arp_req : h->nd_req, h->arp_req ? "ARP" : "neighbour solicitation");
			diag_group_summary(g, "address resolution", ev, NULL, 0, 0, 0);
			diag_counter(g, "resolution_requests", h->arp_req ? h->arp_req : h->nd_req, 1);
		}
	}
}

/* A packet-level detector event as a finding. */
void diag_det_event(struct diag *d, const struct det_event *ev)
{
	static const enum fid kind_of[] = {
		[DET_NEIGHBOR_UNREACHABLE] = F_NEIGHBOR_UNREACHABLE, [DET_DUPLICATE_IP] = F_DUPLICATE_IP,
		[DET_DNS_FAILURE] = F_DNS_FAILURE, [DET_TLS_REJECTED] = F_TLS_REJECTED, [DET_TTL_EXPIRED] = F_TTL_EXPIRED,
	};
	if (ev->kind < DET_NEIGHBOR_UNREACHABLE || ev->kind > DET_TTL_EXPIRED)
		return;
	enum fid k = kind_of[ev->kind];
	uint16_t port = ev->kind == DET_DNS_FAILURE ? 53 : ev->kind == DET_TLS_REJECTED || ev->kind == DET_TTL_EXPIRED ? ev->port : 0;
	struct group *g = diag_group_new(d, k, diag_kinds[k].sev, ev->v6, ev->addr, ev->peer, port);
	if (!g)
		return;
	char addr[64], peer[64], m0[24], m1[24], text[1024], label[160];
	diag_addr_str(addr, sizeof addr, ev->v6, ev->addr);
	diag_addr_str(peer, sizeof peer, ev->v6, ev->peer);
	diag_mac_str(m0, sizeof m0, ev->mac[0]);
	diag_mac_str(m1, sizeof m1, ev->mac[1]);
	const char *what = ev->v6 ? "neighbour solicitation" : "ARP request";
	switch (ev->kind) {
	case DET_NEIGHBOR_UNREACHABLE:
		snprintf(label, sizeof label, "who has %s", addr);
		snprintf(text, sizeof text, "%llu %s(s) for %s from %s (%s) over %.1f s, none answered",
			 (unsigned long long)ev->count, what, addr, peer, m0, ev->last - ev->first);
		break;
	case DET_DUPLICATE_IP:
		snprintf(label, sizeof label, "%s is at", addr);
		snprintf(text, sizeof text, "%s is claimed by two machines: %s and %s (%llu answers)", addr, m0, m1,
			 (unsigned long long)ev->count);
		break;
	case DET_DNS_FAILURE:
		snprintf(label, sizeof label, "%s -> %s:53", peer, addr);
		{
			static const struct { int t; const char *n; } qtypes[] = {
				{1, "A"}, {2, "NS"}, {5, "CNAME"}, {6, "SOA"}, {12, "PTR"}, {15, "MX"}, {16, "TXT"},
				{28, "AAAA"}, {33, "SRV"}, {64, "SVCB"}, {65, "HTTPS"}, {255, "ANY"}};
			char qt[16];
			snprintf(qt, sizeof qt, "type %d", ev->qtype);
			for (size_t i = 0; i < sizeof qtypes / sizeof qtypes[0]; i++)
				if (qtypes[i].t == ev->qtype)
					snprintf(qt, sizeof qt, "%s", qtypes[i].n);
			int noans = strcmp(ev->detail, "no answer") == 0;
			snprintf(text, sizeof text, "%llu quer%s for %.200s (%s) %s%.100s by %s, never resolved afterwards",
				 (unsigned long long)ev->count, ev->count == 1 ? "y" : "ies", ev->name, qt,
				 noans ? "never answered" : "answered ", noans ? "" : ev->detail, addr);
		}
		break;
	case DET_TLS_REJECTED:
		snprintf(label, sizeof label, "%s:%u -> %s:%u", peer, ev->peer_port, addr, ev->port);
		snprintf(text, sizeof text, "ClientHello%s%.200s%s rejected: %.100s", ev->name[0] ? " for " : "", ev->name,
			 ev->name[0] ? "" : " (no SNI)", ev->detail);
		break;
	case DET_TTL_EXPIRED:
		snprintf(label, sizeof label, "towards %s:%u", addr, ev->port);
		snprintf(text, sizeof text, "%llu ICMP %.100s from router %s quoting %s packets to %s:%u (TTL left %u)",
			 (unsigned long long)ev->count, ev->detail, peer, ev->quoted_proto == 17 ? "UDP" : "TCP", addr, ev->port,
			 ev->quoted_ttl);
		memcpy(g->from, ev->peer, 16);
		g->from_v6 = ev->v6;
		g->uses_from = 1;
		break;
	}
	g->count += ev->count ? 1 : 0;
	g->events = 1;
	diag_group_summary(g, label, text, ev->pkts, ev->npkts < DET_MAX_PKTS ? ev->npkts : DET_MAX_PKTS, ev->first, ev->last);
	diag_counter(g, "packets", (double)ev->count, 0);
}

static void det_cb(void *user, const struct det_event *ev)
{
	diag_det_event(user, ev);
}

/* What the capture itself missed: kernel drops, holes ACKed without any retransmission. */
static void capture_rules(struct diag *d)
{
	static const uint8_t zero[16];
	int others = 0;
	for (int i = 0; i < d->ng; i++)
		others += !d->g[i].dead;
	if (d->routable == 0 && !others) {
		/* Nothing, or only link-local chatter (ARP, neighbour discovery, multicast). */
		struct group *g = diag_group_new(d, F_NO_TRAFFIC, SEV_ERROR, 0, zero, zero, 0);
		if (g) {
			char ev[200];
			if (d->pkts == 0)
				snprintf(ev, sizeof ev, "no packet captured (or none matched the filter)");
			else
				snprintf(ev, sizeof ev, "%llu packet(s) captured, all of them link-local (ARP, neighbour discovery, "
					 "multicast): nothing from or to another network", (unsigned long long)d->pkts);
			diag_group_summary(g, "capture", ev, NULL, 0, 0, 0);
			diag_counter(g, "packets", (double)d->pkts, 0);
		}
		return;
	}
	uint64_t drops = d->cap.drops_known ? d->cap.kernel_drops : 0;
	if (drops == 0 && d->capture_gaps == 0)
		return;
	struct group *g = diag_group_new(d, F_CAPTURE_LOSS, SEV_WARNING, 0, zero, zero, 0);
	if (!g)
		return;
	char ev[400];
	uint64_t total = d->pkts + drops;
	snprintf(ev, sizeof ev, "%llu packet(s) dropped by the capturing kernel (%.1f%% of %llu); %llu gap(s) in connections "
		 "acknowledged by the receiver although the capture never saw the data and nobody retransmitted it",
		 (unsigned long long)drops, total ? 100.0 * (double)drops / (double)total : 0.0, (unsigned long long)total,
		 (unsigned long long)d->capture_gaps);
	diag_group_summary(g, "capture", ev, NULL, 0, d->tfirst, d->tlast);
	diag_counter(g, "kernel_drops", (double)drops, 0);
	diag_counter(g, "gaps_acked_unseen", (double)d->capture_gaps, 0);
	/* Loss findings from this capture are less certain now. */
	for (int i = 0; i < d->ng; i++) {
		struct group *x = &d->g[i];
		if (x->dead || (x->kind != F_PACKET_LOSS && x->kind != F_RTO_STALL))
			continue;
		snprintf(x->note, sizeof x->note, "uncertain: the capture dropped %llu packet(s)",
			 (unsigned long long)(drops + d->capture_gaps));
		if (x->kind == F_PACKET_LOSS && x->sev > SEV_WARNING)
			x->sev = SEV_WARNING;
	}
}

/* Root cause -> the symptoms it explains on the same server endpoint. */
static const struct {
	enum fid root;
	int any_port;
	enum fid cons[12];
	int n;
} fold_table[] = {
	{F_SYN_FLOOD, 0, {F_SYN_UNANSWERED, F_NO_SYNACK, F_SYNACK_UNACKED, F_HIGH_RTT, F_ACK_LOST}, 5},
	{F_LISTEN_OVERFLOW, 0, {F_SYN_UNANSWERED, F_NO_SYNACK, F_SYNACK_UNACKED, F_ACK_LOST, F_PACKET_LOSS, F_RTO_STALL,
				F_HIGH_RTT, F_SLOW_SERVER, F_RESPONSE_STALLED}, 9},
	{F_PMTU_BLACKHOLE, 0, {F_RTO_STALL, F_PACKET_LOSS, F_RESPONSE_STALLED}, 3},
	{F_NEIGHBOR_UNREACHABLE, 1, {F_SYN_UNANSWERED, F_HOST_UNREACHABLE}, 2},
	/* Two machines with the server's address: half the handshakes go to the wrong one. */
	{F_DUPLICATE_IP, 1, {F_REFUSED, F_CLIENT_RESET, F_SYN_UNANSWERED, F_NO_SYNACK, F_SYNACK_UNACKED, F_RTO_STALL,
			     F_PACKET_LOSS, F_APP_RESET, F_BAD_SEQ}, 9},
	{F_TTL_EXPIRED, 1, {F_SYN_UNANSWERED, F_RTO_STALL, F_PACKET_LOSS, F_REJECTED_ICMP}, 4},
	{F_TLS_REJECTED, 0, {F_APP_RESET, F_EARLY_CLOSE}, 2},
	{F_ZERO_WINDOW, 0, {F_EARLY_CLOSE, F_WINDOW_FULL}, 2},
};

static int has_children(const struct diag *d, int j)
{
	for (int i = 0; i < d->ng; i++)
		if (d->g[i].parent == j)
			return 1;
	return 0;
}

static void fold(struct diag *d)
{
	for (size_t r = 0; r < sizeof fold_table / sizeof fold_table[0]; r++)
		for (int j = 0; j < d->ng; j++) {
			struct group *root = &d->g[j];
			if (root->dead || root->kind != fold_table[r].root || root->parent >= 0)
				continue;
			for (int i = 0; i < d->ng; i++) {
				struct group *x = &d->g[i];
				if (i == j || x->dead || x->parent >= 0 || !same_ep(root, x, fold_table[r].any_port))
					continue;
				for (int k = 0; k < fold_table[r].n; k++)
					if (x->kind == fold_table[r].cons[k] && !has_children(d, i)) {
						x->parent = j;
						break;
					}
			}
		}
	/* A root is as serious as the worst thing it explains. */
	for (int i = 0; i < d->ng; i++) {
		struct group *x = &d->g[i];
		if (!x->dead && x->parent >= 0 && x->sev > d->g[x->parent].sev)
			d->g[x->parent].sev = x->sev;
	}
}

void diag_across(struct diag *d, enum vantage v)
{
	port_rules(d, v);
	if (d->det) {
		if (d->det_have_t)
			det_time(d->det, d->det_tmax);
		det_events(d->det, det_cb, d);
	}
	capture_rules(d);
	fold(d);
}
