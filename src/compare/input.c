/*
 * input.c - reading the captures of `synack compare`: each file through
 * capture.c and a pipeline of its own (packets numbered per file, decoded
 * once), whose input tap reduces a decoded packet to a compact record
 * (struct prec), leaves link-scope traffic out, and keys connections by
 * their canonical 4-tuple.  Pass 1 reads the files one after the other into
 * the clock sample; pass 2 pulls from both and hands the earlier record in
 * corrected time to the matcher.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmp_int.h"

/* --------------------------------------------------- packet -> record */

/* Traffic that never crosses a router: IPv6 link-local addresses and
 * link-scope multicast, neighbour discovery, router solicitations and
 * adverts, MLD; IPv4 link-local 169.254/16, local network control
 * 224.0.0.0/24, limited broadcast, the unspecified source (DHCP, DAD).  ARP,
 * LLDP and STP are not IP and never reach make_rec's matching. */
static int link_scope(const struct pkt *pk)
{
	const uint8_t *s = pk->src, *d = pk->dst;
	if (pk->l3 == 4) {
		static const uint8_t bcast[4] = {255, 255, 255, 255}, zero[4] = {0, 0, 0, 0};
		if ((s[0] == 169 && s[1] == 254) || (d[0] == 169 && d[1] == 254))
			return 1;
		if (d[0] == 224 && d[1] == 0 && d[2] == 0)
			return 1;
		return !memcmp(d, bcast, 4) || !memcmp(s, zero, 4);
	}
	static const uint8_t zero16[16] = {0};
	if ((s[0] == 0xfe && (s[1] & 0xc0) == 0x80) || (d[0] == 0xfe && (d[1] & 0xc0) == 0x80))
		return 1;
	if (d[0] == 0xff && ((d[1] & 0x0f) == 0x01 || (d[1] & 0x0f) == 0x02))
		return 1; /* interface- and link-local multicast (ff02::1, ff02::1:ffXX:XXXX...) */
	if (!memcmp(s, zero16, 16))
		return 1;
	if (pk->proto == 58 && pk->has_icmp) {
		unsigned t = pk->icmp_type;
		if ((t >= 130 && t <= 137) || t == 143 || t == 151 || t == 152 || t == 153)
			return 1; /* MLD, RS, RA, NS, NA, redirect, MLDv2, multicast router discovery */
	}
	return 0;
}

/* Fills r from a decoded packet; 0 when it is an IP packet we can match. */
int cmp_make_rec(struct prec *r, const struct pkt *pk, const uint8_t *data, int cap)
{
	memset(r, 0, sizeof *r);
	if (!pk->l3 || pk->frag || pk->invalid)
		return -1;
	if (link_scope(pk))
		return -2;
	r->cap = (uint8_t)cap;
	r->v6 = pk->l3 == 6;
	r->ttl = pk->ttl;
	r->tos = pk->tos;
	r->proto = pk->proto;
	r->num = pk->num;
	r->gid = -1;
	r->wscale = -1;
	r->mss = -1;
	memcpy(r->src, pk->src, 16);
	memcpy(r->dst, pk->dst, 16);
	uint64_t k = mix64(0x5eed0000ULL + pk->proto);
	if (!r->v6)
		k = mix64(k ^ pk->ipid);
	if (pk->has_tcp) {
		const struct tcp_seg *t = &pk->tcp;
		r->sport = t->sport;
		r->dport = t->dport;
		r->seq = t->seq;
		r->ack = t->ack;
		r->flags = t->flags;
		r->paylen = t->paylen;
		r->win = t->win;
		r->has_ts = (uint8_t)t->opt.has_ts;
		r->sackok = (uint8_t)t->opt.sack_ok;
		r->wscale = (int8_t)t->opt.wscale;
		r->mss = (int16_t)(t->opt.mss > 32767 ? 32767 : t->opt.mss);
		k = mix64(k ^ ((uint64_t)t->seq << 32 | t->ack));
		k = mix64(k ^ ((uint64_t)(t->flags & 0x3f) << 32 | t->paylen));
		if (t->opt.has_ts)
			k = mix64(k ^ ((uint64_t)t->opt.ts_val << 32 | t->opt.ts_ecr));
		/* the payload is the last capturedlen bytes (frames this long carry no padding) */
		if (t->paylen >= 8 && t->capturedlen >= 8 && t->capturedlen <= pk->caplen) {
			uint32_t n = t->capturedlen < 32 ? t->capturedlen : 32;
			r->phlen = (uint8_t)n;
			r->phash = fnv(data + (pk->caplen - t->capturedlen), n);
		}
	} else if (pk->has_udp || pk->has_icmp) {
		if (pk->has_udp) {
			r->sport = pk->sport;
			r->dport = pk->dport;
		} else {
			r->flags = pk->icmp_type;
		}
		uint32_t n = pk->caplen < 16 ? pk->caplen : 16;
		k = mix64(k ^ fnv(data + (pk->caplen - n), n) ^ (uint64_t)pk->icmp_type << 40);
	} else {
		return -1;
	}
	r->key = k;
	return 0;
}

/* ------------------------------------------------ connection tables */

static int ep_less(const uint8_t *a, uint16_t pa, const uint8_t *b, uint16_t pb)
{
	int c = memcmp(a, b, 16);
	return c < 0 || (c == 0 && pa < pb);
}

static uint64_t conn_hash(const uint8_t *a, const uint8_t *b, uint16_t pa, uint16_t pb, uint8_t proto)
{
	return mix64(fnv(a, 16) ^ (uint64_t)fnv(b, 16) << 32 ^ (uint64_t)pa << 16 ^ pb ^ (uint64_t)proto << 56);
}

int cmp_ctab_init(struct ctab *t)
{
	t->slot = calloc(CONN_START, sizeof *t->slot);
	t->n = 0;
	t->cap = t->slot ? CONN_START : 0;
	return t->slot ? 0 : -1;
}

/* Twice the slots, entries rehashed (kept as is when out of memory or at
 * CONN_SLOTS: the table then fills up and counts the overflow). */
static void ctab_grow(struct ctab *t)
{
	if (t->cap >= CONN_SLOTS)
		return;
	unsigned nc = t->cap * 2;
	struct cconn *ns = calloc(nc, sizeof *ns);
	if (!ns)
		return;
	for (unsigned i = 0; i < t->cap; i++) {
		const struct cconn *s = &t->slot[i];
		if (!s->used)
			continue;
		uint64_t h = conn_hash(s->a, s->b, s->pa, s->pb, s->proto);
		for (unsigned j = 0; j < nc; j++) {
			struct cconn *d = &ns[(h + j) & (nc - 1)];
			if (!d->used) {
				*d = *s;
				break;
			}
		}
	}
	free(t->slot);
	t->slot = ns;
	t->cap = nc;
}

/* The entry of r's connection in t; created when insert (NULL when full). */
struct cconn *cmp_conn_get(struct ctab *t, const struct prec *r, int *is_a, int insert)
{
	const uint8_t *a = r->src, *b = r->dst;
	uint16_t pa = r->sport, pb = r->dport;
	*is_a = 1;
	if (!ep_less(a, pa, b, pb)) {
		a = r->dst;
		b = r->src;
		pa = r->dport;
		pb = r->sport;
		*is_a = 0;
	}
	if (insert && t->n * 2 >= t->cap)
		ctab_grow(t);
	uint64_t h = conn_hash(a, b, pa, pb, r->proto);
	for (unsigned i = 0; i < t->cap; i++) {
		struct cconn *s = &t->slot[(h + i) & (t->cap - 1)];
		if (!s->used) {
			if (!insert || t->n >= CONN_MAX || t->n + 1 >= t->cap)
				return NULL;
			s->used = 1;
			s->v6 = r->v6;
			s->proto = r->proto;
			memcpy(s->a, a, 16);
			memcpy(s->b, b, 16);
			s->pa = pa;
			s->pb = pb;
			s->gid = -1;
			t->n++;
			return s;
		}
		if (s->pa == pa && s->pb == pb && s->v6 == r->v6 && !memcmp(s->a, a, 16) && !memcmp(s->b, b, 16))
			return s;
	}
	return NULL;
}

/* Classify r (client->server or not) with the connection's initiator. */
struct cconn *cmp_classify(struct cmp *c, int cap, struct prec *r)
{
	int is_a;
	struct cconn *s = cmp_conn_get(&c->ct[cap], r, &is_a, 1);
	if (!s) {
		c->untracked++;
		r->c2s = r->sport > r->dport;
		return NULL;
	}
	s->dirs = (uint8_t)(s->dirs | (is_a ? 1 : 2));
	if (r->proto == 6 && (r->flags & (TCPF_SYN | TCPF_ACK)) == TCPF_SYN) {
		s->client_set = 1;
		s->client_is_a = (uint8_t)is_a;
	} else if (r->proto == 6 && (r->flags & (TCPF_SYN | TCPF_ACK)) == (TCPF_SYN | TCPF_ACK) && !s->client_set) {
		s->client_set = 1;
		s->client_is_a = (uint8_t)!is_a;
	}
	if (s->client_set)
		r->c2s = (uint8_t)(s->client_is_a == is_a);
	else if (r->sport != r->dport)
		r->c2s = r->sport > r->dport; /* no handshake seen: the higher port is the client's */
	else
		r->c2s = (uint8_t)is_a;
	return s;
}

/* ------------------------------------------------------------ reading */

/* ------------------------------------------------------------ reading */

/* The input tap: every packet of one capture, decoded by its pipeline. */
static int input_tap_packet(void *self, const struct pkt_ctx *px)
{
	struct cmp_input *in = self;
	struct cmp *c = in->c;
	const struct pcap_pkthdr *h = px->h;
	if (!c->baseset) {
		c->base = (int64_t)h->ts.tv_sec;
		c->baseset = 1;
	}
	double t = (double)((int64_t)h->ts.tv_sec - c->base) + (double)h->ts.tv_usec / 1e9;
	if (px->num == 1)
		in->tfirst = t;
	in->tlast = t;
	int mr = cmp_make_rec(&in->r, px->pk, px->bytes, in->k);
	if (mr < 0) {
		if (mr == -2)
			c->linkscope++;
		else
			c->skipped++;
		return 0;
	}
	in->r.t = t;
	if (in->pass == 1)
		cmp_sample_add(c, in->k, &in->r);
	else
		in->have = 1;
	return 0;
}

static const struct tap_ops input_tap_ops = {"compare-input", input_tap_packet, NULL, NULL, NULL, NULL};

/* Opens capture k (nanosecond timestamps, the filter) with its pipeline. */
static int input_open(struct cmp *c, int k, int pass, char *err)
{
	struct cmp_input *in = &c->in[k];
	struct opts o;
	memset(&o, 0, sizeof o);
	o.tstamp_precision = 1;
	memset(in, 0, sizeof *in);
	in->c = c;
	in->k = k;
	in->pass = pass;
	char e[ERRBUF] = "";
	if (capture_open_file(&in->cap, c->name[k], &o, e) < 0 ||
	    (c->filter && *c->filter && capture_filter(&in->cap, c->filter, 0, 1, e) < 0)) {
		snprintf(err, CMP_ERR, "%s", e);
		capture_close(&in->cap);
		return -1;
	}
	in->open = 1;
	pipeline_init(&in->pl, 1);
	pipeline_decode(&in->pl);
	pipeline_add(&in->pl, &input_tap_ops, in);
	return 0;
}

static void input_close(struct cmp_input *in)
{
	if (!in->open)
		return;
	pipeline_free(&in->pl);
	capture_close(&in->cap);
	in->open = 0;
}

/* Feeds the next packet of in to its pipeline: 1, 0 at the end, -1 (err). */
static int input_step(struct cmp_input *in, char *err)
{
	struct pcap_pkthdr h;
	const uint8_t *d;
	char e[ERRBUF] = "";
	int rc = capture_next(&in->cap, &h, &d, e);
	if (rc <= 0) {
		in->eof = 1;
		if (rc < 0)
			snprintf(err, CMP_ERR, "%s", e);
		return rc;
	}
	if (in->pass == 2 && in->c->side_packet)
		in->c->side_packet(in->c->side_user, in->k, in->cap.linktype, &h, d);
	pipeline_packet(&in->pl, in->cap.linktype, &h, d);
	return 1;
}

int cmp_read_pass1(struct cmp *c, char *err)
{
	int rc = 0;
	for (int k = 0; k < 2 && !rc; k++) {
		if (input_open(c, k, 1, err) < 0)
			return -1;
		struct cmp_input *in = &c->in[k];
		int r;
		while ((r = input_step(in, err)) == 1)
			;
		if (r < 0)
			rc = -1;
		if (in->pl.count) {
			c->first[k] = in->tfirst;
			c->last[k] = in->tlast;
		}
		input_close(in);
	}
	return rc;
}

int cmp_read_pass2(struct cmp *c, char *err)
{
	int rc = 0;
	c->linkscope = c->skipped = 0; /* counted again */
	for (int k = 0; k < 2; k++)
		if (input_open(c, k, 2, err) < 0) {
			input_close(&c->in[0]);
			return -1;
		}
	for (;;) {
		int pick = -1;
		double best = 0;
		for (int k = 0; k < 2; k++) {
			struct cmp_input *in = &c->in[k];
			while (!in->have && !in->eof)
				if (input_step(in, err) < 0)
					rc = -1;
			if (!in->have)
				continue;
			double tc = cmp_to_ref(c, k, in->r.t);
			if (pick < 0 || tc < best) {
				pick = k;
				best = tc;
			}
		}
		if (pick < 0)
			break;
		c->in[pick].have = 0;
		cmp_process(c, &c->in[pick].r);
	}
	cmp_match_end(c);
	input_close(&c->in[0]);
	input_close(&c->in[1]);
	return rc;
}
