/*
 * diag.c - collecting for `synack diagnose`: every decoded packet (after the
 * tracker) updates the small per-host, per-port and per-MAC tables and feeds
 * the packet-level detectors (detect.h); every finished connection goes
 * through the per-connection rules (rules.c).  diag_finish() (render.c) runs
 * the rules across connections (across.c) and prints.  See findings.h for
 * how the files of src/diag/ fit together.
 */
#include "findings.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct diag *diag_new(struct out *o, int json, int live)
{
	struct diag *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->o = o;
	d->json = json;
	d->live = live;
	d->last_mac = d->last_dst_mac = -1;
	d->det = det_new();   /* NULL (out of memory): no packet-level findings */
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

int diag_saw_traffic(const struct diag *d)
{
	return d->routable > 0;
}

void diag_stop_live(struct diag *d)
{
	d->live = 0;
}

void diag_free(struct diag *d)
{
	if (!d)
		return;
	if (d->det)
		det_free(d->det);
	free(d);
}

size_t diag_alen(int v6)
{
	return v6 ? 16 : 4;
}

void diag_addr_str(char *buf, size_t n, int v6, const uint8_t *a)
{
	if (!inet_ntop(v6 ? AF_INET6 : AF_INET, a, buf, (socklen_t)n))
		snprintf(buf, n, "?");
}

void diag_mac_str(char *buf, size_t n, const uint8_t *a)
{
	snprintf(buf, n, "%02x:%02x:%02x:%02x:%02x:%02x", a[0], a[1], a[2], a[3], a[4], a[5]);
}

/* FNV-1a of an address; IPv4 (every packet of most captures) unrolled. */
static inline uint32_t addr_hash(uint32_t h, int v6, const uint8_t *a)
{
	if (!v6)
		return ((((h ^ a[0]) * 16777619u ^ a[1]) * 16777619u ^ a[2]) * 16777619u ^ a[3]) * 16777619u;
	for (size_t i = 0; i < 16; i++)
		h = (h ^ a[i]) * 16777619u;
	return h;
}

static inline int addr_eq(int v6, const uint8_t *x, const uint8_t *a)
{
	if (!v6) {
		uint32_t p, q;
		memcpy(&p, x, 4);
		memcpy(&q, a, 4);
		return p == q;
	}
	return memcmp(x, a, 16) == 0;
}

struct host *diag_host_get(struct diag *d, int v6, const uint8_t *a, int create)
{
	uint32_t h = addr_hash(2166136261u, v6, a);
	for (int probe = 0; probe < 16; probe++) {
		struct host *x = &d->hosts[(h + (uint32_t)probe) % MAX_HOSTS];
		if (x->used && x->v6 == v6 && addr_eq(v6, x->addr, a))
			return x;
		if (!x->used) {
			if (!create)
				return NULL;
			x->used = 1;
			x->v6 = v6;
			memcpy(x->addr, a, diag_alen(v6));
			return x;
		}
	}
	return NULL; /* table region full: bounded memory wins */
}

struct port *diag_port_get(struct diag *d, int v6, const uint8_t *a, uint16_t p)
{
	uint32_t h = addr_hash(2166136261u ^ p, v6, a);
	for (int probe = 0; probe < 16; probe++) {
		struct port *x = &d->ports[(h + (uint32_t)probe) % MAX_PORTS];
		if (x->used && x->v6 == v6 && x->sport == p && addr_eq(v6, x->srv, a))
			return x;
		if (!x->used) {
			x->used = 1;
			x->v6 = v6;
			x->sport = p;
			memcpy(x->srv, a, diag_alen(v6));
			return x;
		}
	}
	return NULL;
}

/* The MAC table: open addressing on a hash of the address, the last hit of each
 * kind cached; when a probe run is full, the MAC is not tracked (bounded memory). */
static struct mac *mac_lookup(struct diag *d, const uint8_t *a, int create, int *cache)
{
	if (cache && *cache >= 0 && memcmp(d->macs[*cache].a, a, 6) == 0)
		return &d->macs[*cache];
	uint32_t h = 2166136261u;
	for (int i = 0; i < 6; i++)
		h = (h ^ a[i]) * 16777619u;
	for (int probe = 0; probe < 8; probe++) {
		int i = (int)((h + (uint32_t)probe) % MAX_MACS);
		struct mac *m = &d->macs[i];
		if (m->used && memcmp(m->a, a, 6) == 0) {
			if (cache)
				*cache = i;
			return m;
		}
		if (!m->used) {
			if (!create)
				return NULL;
			m->used = 1;
			memcpy(m->a, a, 6);
			if (cache)
				*cache = i;
			return m;
		}
	}
	return NULL;
}

void diag_port_bad(struct port *p, double t0, double t1)
{
	if (p->first_bad == 0 || t0 < p->first_bad)
		p->first_bad = t0;
	if (t1 > p->last_bad)
		p->last_bad = t1;
}

struct mac *diag_mac_find(struct diag *d, const uint8_t *a)
{
	return mac_lookup(d, a, 0, NULL);
}

static struct conn_note *note_get(struct diag *d, uint64_t conn_id)
{
	int n = d->nnotes < MAX_NOTES ? d->nnotes : MAX_NOTES;
	for (int i = 0; i < n; i++)
		if (d->notes[i].conn_id == conn_id)
			return &d->notes[i];
	struct conn_note *x = &d->notes[d->nnotes % MAX_NOTES];   /* a ring: the oldest note goes */
	d->nnotes++;
	memset(x, 0, sizeof *x);
	x->conn_id = conn_id;
	return x;
}

const struct conn_note *diag_note_find(const struct diag *d, uint64_t conn_id)
{
	int n = d->nnotes < MAX_NOTES ? d->nnotes : MAX_NOTES;
	for (int i = 0; i < n; i++)
		if (d->notes[i].conn_id == conn_id)
			return &d->notes[i];
	return NULL;
}

static void link_layer(struct diag *d, const struct pkt *pk)
{
	static const uint8_t bcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
	struct mac *m = mac_lookup(d, pk->src_mac, 1, &d->last_mac);
	if (m) {
		if (pk->is_arp && pk->arp_op == 2) {
			m->owner_set = 1;
			m->owner_v6 = 0;
			memcpy(m->owner, pk->arp_spa, 4);
		} else if (pk->l3 && !pk->has_icmp && !diag_initial_ttl(pk->ttl)) {
			m->routed = 1;
		}
	}
	/* Frames sent to one MAC for several IP destinations: that MAC is a router. */
	if (pk->l3 && !(pk->dst_mac[0] & 1) && memcmp(pk->dst_mac, bcast, 6) != 0) {
		struct mac *t = mac_lookup(d, pk->dst_mac, 1, &d->last_dst_mac);
		if (t && t->ndst < 2) {
			size_t n = diag_alen(pk->l3 == 6);
			if (t->ndst == 0) {
				memcpy(t->dst1, pk->dst, n);
				t->ndst = 1;
			} else if (memcmp(t->dst1, pk->dst, n) != 0) {
				t->ndst = 2;
			}
		}
	}
}

/* Traffic that never leaves the link (multicast, broadcast, IPv6 link-local):
 * a capture with only this saw nothing of what the user is after. */
static int link_scope(const struct pkt *pk)
{
	if (pk->l3 == 6)
		return pk->dst[0] == 0xff || (pk->src[0] == 0xfe && (pk->src[1] & 0xc0) == 0x80);
	return (pk->dst[0] & 0xf0) == 0xe0 || (pk->dst[0] == 255 && pk->dst[1] == 255 && pk->dst[2] == 255 && pk->dst[3] == 255);
}

void diag_packet(struct diag *d, const struct pkt *pk, const struct tcp_result *res,
		 const uint8_t *data, uint32_t caplen)
{
	double now = pkt_time(pk);
	if (d->det && data) {
		if (!det_ignores(pk)) {
			det_packet(d->det, pk, data, caplen);
		} else if (!d->det_have_t || now > d->det_tmax) {
			d->det_tmax = now;  /* det_time'd before det_events (diag_across) */
			d->det_have_t = 1;
		}
	}
	if (d->live && res && res->conn && (res->tags & TAG_SYN_RETRANS) && (res->tags & TAG_SYN) &&
	    res->conn->synack_count == 0 && res->conn->syn_count == 2 && !res->conn->h[1].seen)
		diag_early_syn_alert(d, res, now);
	if (d->pkts == 0)
		d->tfirst = now;
	d->tlast = now;
	d->pkts++;
	if (pk->has_tcp)
		d->tcp_pkts++;
	/* Link-layer roles from the packets that show them (ARP replies, handshakes):
	 * cheap enough for every packet of a busy capture. */
	if (pk->has_mac && (pk->is_arp || (pk->has_tcp && (pk->tcp.flags & TCPF_SYN))))
		link_layer(d, pk);
	if (pk->is_arp) {
		if (pk->arp_op == 1) {
			struct host *h = diag_host_get(d, 0, pk->arp_tpa, 1);
			if (h) {
				if (!h->arp_req)
					h->arp_first = now;
				h->arp_req++;
			}
		} else if (pk->arp_op == 2) {
			struct host *h = diag_host_get(d, 0, pk->arp_spa, 1);
			if (h)
				h->arp_reply++;
		}
		return;
	}
	if (pk->l3 == 0)
		return;
	int v6 = pk->l3 == 6;
	if (!link_scope(pk))
		d->routable++;
	struct host *h = diag_host_get(d, v6, pk->src, 1);
	if (h) {
		h->pkts_from++;
		if (!(pk->has_tcp && (pk->tcp.flags & TCPF_RST)) && !pk->has_icmp) {
			h->ttl = pk->ttl;
			h->ttl_set = 1;
		}
	}
	/* A reset that answers a SYN: note where it came from (link layer) for rule_refused. */
	if (res && res->conn && (res->tags & TAG_RST) && res->dir == 1 && !res->conn->synack_count &&
	    !res->conn->established) {
		struct conn_note *x = note_get(d, res->conn->id);
		if (!x->rst_set) {
			x->rst_set = 1;
			x->rst_pkt = pk->num;
			if (pk->has_mac) {
				x->rst_mac_set = 1;
				memcpy(x->rst_mac, pk->src_mac, 6);
			}
		}
	}
	if (pk->has_icmp && v6 && pk->icmp_type == 135 && pk->nd_ns) {
		struct host *x = diag_host_get(d, 1, pk->quote.dst, 1);
		if (x) {
			if (!x->nd_req)
				x->arp_first = now;
			x->nd_req++;
		}
	}
	if (pk->has_icmp && v6 && pk->icmp_type == 136) {
		struct host *x = diag_host_get(d, 1, pk->src, 1);
		if (x)
			x->nd_reply++;
	}
}

void diag_conn_done(struct diag *d, const struct conn *c)
{
	int ng_before = d->ng;
	d->conns++;
	enum vantage v = diag_conn_vantage(c);
	d->votes[v]++;
	diag_classify(d, c, v);
	/* Live: a new kind of problem is reported as soon as a connection shows it. */
	if (d->live && d->ng > ng_before) {
		for (int i = ng_before; i < d->ng; i++)
			diag_print_group(d, i, diag_overall_vantage(d));
		out_flush(d->o);
	}
	struct port *p = diag_port_get(d, c->v6, c->srv, c->sport);
	if (p && c->established) {
		p->ok++;
		if (c->syn_count <= 1 && c->synack_count <= 1) {
			if (!p->clean || c->start < p->first_ok)
				p->first_ok = c->start;
			if (c->last > p->last_ok)
				p->last_ok = c->last;
			p->clean++;
		}
		if (c->syn_count > 1 && c->syn_count <= 8 && c->synack_count &&
		    c->synack_times[0] - c->syn_times[0] >= 0.9) {
			p->late++;  /* answered only after SYN retransmissions */
			diag_port_bad(p, c->syn_times[0], c->synack_times[0]);
			if (!p->late_ex_set) {
				struct example *e = &p->late_ex;
				p->late_ex_set = 1;
				diag_conn_label(e->conn, sizeof e->conn, c);
				snprintf(e->text, sizeof e->text, "%d SYNs, the SYN-ACK (packet %llu) came %.3f s after the first SYN (packet %llu)",
					 c->syn_count, (unsigned long long)c->synack_pkt, c->synack_times[0] - c->syn_times[0],
					 (unsigned long long)c->syn_pkt);
				e->first_pkt = c->first_pkt;
				e->last_pkt = c->last_pkt;
				e->key[0] = c->syn_pkt;
				e->key[1] = c->synack_pkt;
				e->nkey = 2;
				e->t0 = c->start;
				e->t1 = c->last;
			}
		}
	}
}
