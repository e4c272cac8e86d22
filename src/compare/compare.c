/*
 * compare.c - `synack compare`: match the packets of two captures of the same
 * traffic (see compare.h for the method).  Memory is bounded: the pass-1
 * sample is at most SAMPLE_MAX packets per file, pass 2 holds the unmatched
 * packets of the last window (at most REC_MAX), connection tables are capped.
 * Every table starts small and doubles as the input needs it.
 */
#include "compare.h"

#include <errno.h>
#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../decode/decode.h"
#include "../util/out.h"
#include "../util/fmt.h"
#include "ladder.h"

#define SAMPLE_MAX 65536
#define REC_MAX (1u << 18)
#define REC_START 4096          /* the tables start small and grow with the input */
#define CONN_START 1024
#define GCONN_START 256
#define HBITS 18
#define CONN_SLOTS (1u << 17)
#define CONN_MAX 65536
#define GCONN_MAX 65536
#define RES_MAX 8192
#define NBINS 16
#define MOD_KINDS CMP_NMODS
#define DEFER_MAX (1u << 20)

enum { MOD_NAT = CMP_M_NAT, MOD_MSS = CMP_M_MSS, MOD_WSCALE = CMP_M_WSCALE, MOD_SACK = CMP_M_SACK, MOD_TS = CMP_M_TS,
       MOD_TOS = CMP_M_TOS, MOD_WIN = CMP_M_WIN, MOD_PAYLOAD = CMP_M_PAYLOAD };
const char *const cmp_mod_name[CMP_NMODS] = {"nat", "mss", "wscale", "sackok", "timestamps", "dscp/ecn", "window", "payload"};
const char *const cmp_kind_name[CMP_NKINDS] = {"SYN", "SYN-ACK", "RST", "FIN", "data", "ACK", "other"};

/* ---- one decoded packet, reduced to what matching and reporting need ---- */
struct prec {
	uint64_t key;
	uint32_t phash;
	uint8_t phlen;          /* payload bytes hashed (0: none) */
	uint8_t cap;            /* 0 or 1 */
	uint8_t state;          /* 0 free, 1 unmatched, 2 matched (kept for duplicate detection) */
	uint8_t v6, ttl, tos, flags, proto;
	uint8_t c2s;            /* sent by the connection's client */
	uint8_t has_ts, sackok;
	int8_t wscale;
	int16_t mss;
	uint16_t win;
	uint16_t sport, dport;
	uint32_t seq, ack, paylen;
	uint64_t num;
	double t;               /* own clock, seconds since the base */
	double tc;              /* reference (first file's) clock */
	int32_t gid;            /* global connection, -1 none */
	uint8_t src[16], dst[16];
	uint32_t hnext, fnext;  /* 1-based indices, 0 = none */
	uint32_t snext;         /* sequence chain (segments carrying sequence space), 0 = none */
	uint32_t sb;            /* its bucket in the sequence chains (when schain) */
	uint8_t schain;         /* linked in the sequence chain */
	uint8_t retx;           /* its sequence range had been sent before (sender's capture) */
};

/* ---- per-capture connection table (canonical 4-tuple) ---- */
struct cconn {
	uint8_t used, v6, client_set, client_is_a;
	uint8_t dirs;           /* bit 0: a packet from a seen, bit 1: from b */
	uint8_t proto;
	uint8_t a[16], b[16];
	uint16_t pa, pb;
	int32_t gid;
};

struct ctab {
	struct cconn *slot;
	unsigned n, cap;        /* cap: slots, a power of two, grown up to CONN_SLOTS */
};

/* ---- a connection as reported (both captures) ---- */
struct gconn {
	char label[136];        /* client endpoint <-> server endpoint, client-side addressing */
	char other[136];        /* the same at the server-side capture when NAT rewrote it */
	uint32_t seen[2][2];    /* [0 client-side, 1 server-side capture][path]: packets each capture saw */
	uint32_t lost[2], unexp[2], reord[2], dup[2], modif[2], missed[2];
	uint32_t rack[2];       /* highest ACK the receiver of each path sent (rack_set) */
	uint32_t snd_hi[2];     /* highest sequence end each path's sender was seen sending (snd_set) */
	uint8_t rack_set[2], snd_set[2];
	uint8_t rttl[2];        /* TTL matched packets of each path arrive with (0 unknown) */
	uint8_t modseen[2][MOD_KINDS];
	uint8_t labelled_from_client;
	uint32_t last_rnum_lo[2], max_snum_lo[2]; /* reorder detection (packet numbers, low bits) */
	uint64_t last_rnum[2], max_snum[2];
	int32_t alias;          /* merged into this connection, -1 none */
};

struct sample {
	uint64_t key;
	double t;
	uint8_t ttl, c2s;
};

struct reservoir {
	double v[RES_MAX];
	uint64_t n;
	double min, max, sum;
};

struct cmp {
	const char *name[2];
	int json;
	int ladder_on;
	long ladder_gid;          /* selected connection, 0 = first */
	const char *ladder_str;
	int32_t ladder_sel;       /* -1 until chosen */
	double window_opt;
	const char *filter;
	struct out *o;
	int64_t base;             /* seconds subtracted from every timestamp */
	/* pass 1 results */
	double first[2], last[2];
	uint64_t npk[2];
	int client_cap;           /* 0 or 1 */
	const char *role_why;
	int role_ttl[2];          /* example TTLs of the client's packets at the client/server capture */
	double off0, drift, tref; /* tB - tA = off0 + drift * (tA - tref) */
	uint64_t fit_pairs;
	int fit_bins;
	double dmax, window, ov_lo, ov_hi;
	double dlo[2], dhi[2];    /* smallest and largest one-way delay per path (reference clock), from the sample */
	double span_lo[2], span_hi[2]; /* each capture's first and last packet, reference clock */
	int empty_cap;            /* the capture with no IP packets to compare, -1 none */
	struct ctab ct1[2];       /* pass 1's connection tables: which directions each capture saw */
	/* pass 2 */
	struct prec *rec;
	uint32_t *bucket;
	uint32_t *sbucket;        /* sequence chains: retransmissions of a segment */
	uint32_t freelist;
	uint32_t head[2], tail[2];
	uint32_t nrec;
	struct ctab ct[2];
	struct gconn *g;
	int32_t ng, g_cap;
	uint32_t rec_cap;         /* records allocated (grown up to REC_MAX) */
	uint64_t untracked;
	struct reservoir delay[2]; /* [0] client->server, [1] server->client */
	unsigned hops[2][256];
	uint64_t matched, lost[2], unexp[2], reord[2], dup[2], modif[2], outside, skipped, linkscope;
	uint64_t missed[2];       /* [capture]: packets that capture missed (seen to arrive or leave elsewhere) */
	uint64_t proven[2];       /* [capture]: of those, proven ones (acknowledged data, seen at the other end) */
	uint64_t beyond[2];       /* [path]: unanswered packets judged although outside the other capture's span */
	struct prec *defer;       /* losses nothing proves or disproves (pure ACKs, RSTs, UDP...), decided at the end */
	uint32_t ndefer, defer_cap;
	uint64_t evcount, rng;
	struct ladder *lad;
	/* library use (compare_files): no output, results collected here */
	int quiet;
	struct cmp_result *res;
	uint64_t tcp_npk[2], matched_tcp, matched_syn;
};

/* ---------------------------------------------------------------- helpers */

/* no libm: the Makefile does not link it */
static double dabs(double x)
{
	return x < 0 ? -x : x;
}


static uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

static uint32_t fnv(const uint8_t *p, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

static void flags_str(char *b, uint8_t f)
{
	static const char let[] = "FSRPAUEW";
	/* tcpdump's order: S F P R U then '.' for a lone ACK; synack uses letters */
	size_t k = 0;
	if (f & TCPF_SYN)
		b[k++] = 'S';
	if (f & TCPF_FIN)
		b[k++] = 'F';
	if (f & TCPF_PSH)
		b[k++] = 'P';
	if (f & TCPF_RST)
		b[k++] = 'R';
	if (f & TCPF_URG)
		b[k++] = 'U';
	if (f & TCPF_ACK)
		b[k++] = 'A';
	if (f & TCPF_ECE)
		b[k++] = let[6];
	if (f & TCPF_CWR)
		b[k++] = let[7];
	if (!k)
		b[k++] = '-';
	b[k] = 0;
}

static const char *kind_of(const struct prec *r)
{
	if (r->proto != 6)
		return r->proto == 17 ? "udp" : r->proto == 1 || r->proto == 58 ? "icmp" : "ip";
	if (r->flags & TCPF_RST)
		return "RST";
	if ((r->flags & (TCPF_SYN | TCPF_ACK)) == TCPF_SYN)
		return "SYN";
	if (r->flags & TCPF_SYN)
		return "SYN-ACK";
	if (r->paylen)
		return "data"; /* a FIN carrying data is data, as in kind_idx() */
	if (r->flags & TCPF_FIN)
		return "FIN";
	return "ACK";
}

/* Absolute time of an offset from the capture's base: local time for people
 * (as print and diagnose show it), ISO UTC for JSON. */
static void fmt_abs(const struct cmp *c, char *buf, size_t n, double t, int iso)
{
	double abs_t = (double)c->base + t;
	if (!(abs_t > -9e15 && abs_t < 9e15)) /* NaN, inf or absurd: no UB in the cast */
		abs_t = 0;
	if (iso)
		fmt_iso_utc(buf, n, abs_t);
	else
		fmt_clock(buf, n, abs_t);
}


static void res_add(struct reservoir *r, double v, uint64_t *rng)
{
	if (!r->n || v < r->min)
		r->min = v;
	if (!r->n || v > r->max)
		r->max = v;
	r->sum += v;
	if (r->n < RES_MAX) {
		r->v[r->n] = v;
	} else {
		*rng = mix64(*rng + 0x9e3779b97f4a7c15ULL);
		uint64_t j = *rng % (r->n + 1);
		if (j < RES_MAX)
			r->v[j] = v;
	}
	r->n++;
}

static int cmp_dbl(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double res_q(struct reservoir *r, double q)
{
	size_t n = r->n < RES_MAX ? (size_t)r->n : RES_MAX;
	if (!n)
		return 0;
	qsort(r->v, n, sizeof r->v[0], cmp_dbl);
	size_t i = (size_t)(q * (double)(n - 1) + 0.5);
	return r->v[i < n ? i : n - 1];
}

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
static int make_rec(struct prec *r, const struct pkt *pk, const uint8_t *data, int cap)
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

static int ctab_init(struct ctab *t)
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
static struct cconn *conn_get(struct ctab *t, const struct prec *r, int *is_a, int insert)
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
static struct cconn *classify(struct cmp *c, int cap, struct prec *r)
{
	int is_a;
	struct cconn *s = conn_get(&c->ct[cap], r, &is_a, 1);
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

struct src {
	pcap_t *p;
	int dlt;
	uint64_t num;
	struct pkt pk;
	struct prec r;
	int have;               /* r holds the next packet */
	int eof;
	double tfirst, tlast;   /* any record, matchable or not */
};

static int src_open(struct cmp *c, struct src *s, const char *path, char *err)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	memset(s, 0, sizeof *s);
	s->p = pcap_open_offline_with_tstamp_precision(path, PCAP_TSTAMP_PRECISION_NANO, ebuf);
	if (!s->p) {
		snprintf(err, 512, "%s", ebuf);
		return -1;
	}
	s->dlt = pcap_datalink(s->p);
	if (c->filter && *c->filter) {
		struct bpf_program prog;
		if (pcap_compile(s->p, &prog, c->filter, 1, PCAP_NETMASK_UNKNOWN) < 0 || pcap_setfilter(s->p, &prog) < 0) {
			snprintf(err, 512, "%s", pcap_geterr(s->p));
			pcap_close(s->p);
			s->p = NULL;
			return -1;
		}
		pcap_freecode(&prog);
	}
	return 0;
}

/* Reads until the next matchable packet; returns 1, 0 at the end, -1 on error. */
static int src_next(struct cmp *c, struct src *s, int cap, int *basep_set, char *err)
{
	for (;;) {
		struct pcap_pkthdr *h;
		const u_char *d;
		int rc = pcap_next_ex(s->p, &h, &d);
		if (rc == PCAP_ERROR_BREAK || rc == 0) {
			s->eof = 1;
			return 0;
		}
		if (rc < 0) {
			snprintf(err, 512, "%s: %s", c->name[cap], pcap_geterr(s->p));
			s->eof = 1;
			return -1;
		}
		s->num++;
		if (!*basep_set) {
			c->base = (int64_t)h->ts.tv_sec;
			*basep_set = 1;
		}
		{
			double tr = (double)((int64_t)h->ts.tv_sec - c->base) + (double)h->ts.tv_usec / 1e9;
			if (s->num == 1)
				s->tfirst = tr;
			s->tlast = tr;
		}
		s->pk.num = s->num;
		s->pk.ts_sec = h->ts.tv_sec;
		s->pk.ts_frac = (uint32_t)h->ts.tv_usec;
		s->pk.ts_nano = 1;
		decode_packet(&s->pk, s->dlt, d, h->caplen, h->len);
		double t = (double)((int64_t)h->ts.tv_sec - c->base) + (double)h->ts.tv_usec / 1e9;
		int mr = make_rec(&s->r, &s->pk, d, cap);
		if (mr < 0) {
			if (mr == -2)
				c->linkscope++;
			else
				c->skipped++;
			continue;
		}
		s->r.t = t;
		return 1;
	}
}

/* --------------------------------------------------------------- pass 1 */

static int cmp_sample(const void *a, const void *b)
{
	const struct sample *x = a, *y = b;
	return x->key < y->key ? -1 : x->key > y->key;
}

struct pair1 {
	double ta, diff;
	uint8_t c2s, ttla, ttlb;
};

static int cmp_pair1(const void *a, const void *b)
{
	const struct pair1 *x = a, *y = b;
	return x->ta < y->ta ? -1 : x->ta > y->ta;
}

/* Least squares y = a + b (x - x0) over n points. */
static void linfit(const double *x, const double *y, int n, double x0, double *a, double *b)
{
	double sx = 0, sy = 0, sxx = 0, sxy = 0;
	for (int i = 0; i < n; i++) {
		double u = x[i] - x0;
		sx += u;
		sy += y[i];
		sxx += u * u;
		sxy += u * y[i];
	}
	double den = n * sxx - sx * sx;
	if (n < 2 || dabs(den) < 1e-12) {
		*b = 0;
		*a = n ? sy / n : 0;
		return;
	}
	*b = (n * sxy - sx * sy) / den;
	*a = (sy - *b * sx) / n;
}

static int pass1(struct cmp *c, char *err)
{
	struct sample *smp[2];
	size_t ns[2] = {0, 0};
	uint64_t thr[2] = {UINT64_MAX, UINT64_MAX};
	uint64_t initsyn[2] = {0, 0}, initsa[2] = {0, 0};
	int baseset = 0;
	int rc = 0;
	for (int k = 0; k < 2; k++) {
		smp[k] = malloc(SAMPLE_MAX * sizeof *smp[k]);
		if (!smp[k]) {
			snprintf(err, 512, "out of memory");
			return -1;
		}
	}
	for (int k = 0; k < 2 && !rc; k++) {
		struct src s;
		if (src_open(c, &s, c->name[k], err) < 0) {
			rc = -1;
			break;
		}
		int r;
		while ((r = src_next(c, &s, k, &baseset, err)) == 1) {
			c->npk[k]++;
			if (s.r.proto == 6)
				c->tcp_npk[k]++;
			classify(c, k, &s.r);
			/* a host's own packets carry an initial TTL at its capture point */
			if (s.r.proto == 6 && (s.r.ttl == 64 || s.r.ttl == 128 || s.r.ttl == 255)) {
				if ((s.r.flags & (TCPF_SYN | TCPF_ACK)) == TCPF_SYN)
					initsyn[k]++;
				else if ((s.r.flags & (TCPF_SYN | TCPF_ACK)) == (TCPF_SYN | TCPF_ACK))
					initsa[k]++;
			}
			uint64_t hk = mix64(s.r.key ^ 0xabcdefULL);
			if (hk > thr[k])
				continue;
			if (ns[k] == SAMPLE_MAX) { /* halve the sampling rate, keep the survivors */
				thr[k] >>= 1;
				size_t j = 0;
				for (size_t i = 0; i < ns[k]; i++)
					if (mix64(smp[k][i].key ^ 0xabcdefULL) <= thr[k])
						smp[k][j++] = smp[k][i];
				ns[k] = j;
				if (hk > thr[k])
					continue;
			}
			if (ns[k] < SAMPLE_MAX)
				smp[k][ns[k]++] = (struct sample){s.r.key, s.r.t, s.r.ttl, s.r.c2s};
		}
		if (r < 0)
			rc = -1;
		if (s.num) {
			c->first[k] = s.tfirst;
			c->last[k] = s.tlast;
		}
		pcap_close(s.p);
	}
	/* pass 1's tables are kept (which directions each capture saw of each
	 * connection); pass 2 rebuilds its own */
	for (int k = 0; k < 2; k++) {
		struct ctab t = c->ct1[k];
		c->ct1[k] = c->ct[k];
		c->ct[k] = t;
	}
	if (rc) {
		free(smp[0]);
		free(smp[1]);
		return -1;
	}
	if (!c->npk[0] && !c->npk[1]) {
		snprintf(err, 512, "%s and %s: no IP packets to compare", c->name[0], c->name[1]);
		free(smp[0]);
		free(smp[1]);
		return -1;
	}
	if (!c->npk[0] || !c->npk[1]) {
		/* one capture saw nothing (a router dropped everything before it):
		 * assume both ran at the same time; the other is the client side
		 * unless it shows a server answering SYNs from its own stack */
		int k = c->npk[0] ? 0 : 1;
		free(smp[0]);
		free(smp[1]);
		c->empty_cap = !k;
		c->client_cap = initsa[k] > initsyn[k] ? !k : k;
		c->role_why = "empty";
		c->tref = c->first[k];
		c->first[!k] = c->first[k];
		c->last[!k] = c->last[k];
		c->window = c->window_opt > 0 ? c->window_opt : 2.0;
		return 0;
	}
	uint64_t th = thr[0] < thr[1] ? thr[0] : thr[1];
	for (int k = 0; k < 2; k++) {
		size_t j = 0;
		for (size_t i = 0; i < ns[k]; i++)
			if (mix64(smp[k][i].key ^ 0xabcdefULL) <= th)
				smp[k][j++] = smp[k][i];
		ns[k] = j;
		qsort(smp[k], ns[k], sizeof *smp[k], cmp_sample);
	}
	/* unique keys present in both */
	struct pair1 *pr = malloc((ns[0] + 1) * sizeof *pr);
	size_t np = 0;
	if (!pr) {
		snprintf(err, 512, "out of memory");
		free(smp[0]);
		free(smp[1]);
		return -1;
	}
	for (size_t i = 0, j = 0; i < ns[0] && j < ns[1];) {
		uint64_t ka = smp[0][i].key, kb = smp[1][j].key;
		if (ka < kb) {
			i++;
			continue;
		}
		if (kb < ka) {
			j++;
			continue;
		}
		size_t i2 = i, j2 = j;
		while (i2 < ns[0] && smp[0][i2].key == ka)
			i2++;
		while (j2 < ns[1] && smp[1][j2].key == ka)
			j2++;
		if (i2 - i == 1 && j2 - j == 1)
			pr[np++] = (struct pair1){smp[0][i].t, smp[1][j].t - smp[0][i].t, smp[0][i].c2s, smp[0][i].ttl,
						  smp[1][j].ttl};
		i = i2;
		j = j2;
	}
	free(smp[0]);
	free(smp[1]);
	if (!np) {
		snprintf(err, 512, "no packet of %s was found in %s: not the same traffic?", c->name[0], c->name[1]);
		free(pr);
		return -1;
	}
	qsort(pr, np, sizeof *pr, cmp_pair1);
	c->fit_pairs = np;
	/* who is the client side: TTLs of the client's packets fall between the captures */
	long vote = 0;
	for (size_t i = 0; i < np; i++) {
		if (pr[i].ttla == pr[i].ttlb)
			continue;
		int a_up = pr[i].ttla > pr[i].ttlb;
		vote += (a_up == (int)pr[i].c2s) ? 1 : -1;
		if (pr[i].c2s && !c->role_ttl[0]) {
			c->role_ttl[0] = a_up ? pr[i].ttla : pr[i].ttlb;
			c->role_ttl[1] = a_up ? pr[i].ttlb : pr[i].ttla;
		}
	}
	double t0 = pr[0].ta, t1 = pr[np - 1].ta, span = t1 - t0;
	if (vote) {
		c->client_cap = vote > 0 ? 0 : 1;
		c->role_why = "ttl";
	} else {
		/* timing: within a time bin, client->server packets have the larger
		 * (tB - tA) when A is the client side (offset + d1 > offset - d2) */
		for (int b = 0; b < NBINS; b++) {
			double lo = t0 + span * b / NBINS, hi = t0 + span * (b + 1) / NBINS;
			double m[2] = {0, 0};
			int n[2] = {0, 0};
			for (size_t i = 0; i < np; i++)
				if (pr[i].ta >= lo && (pr[i].ta < hi || (b == NBINS - 1 && pr[i].ta <= hi))) {
					m[pr[i].c2s] += pr[i].diff;
					n[pr[i].c2s]++;
				}
			if (n[0] && n[1])
				vote += m[1] / n[1] > m[0] / n[0] ? 1 : -1;
		}
		c->client_cap = vote >= 0 ? 0 : 1;
		c->role_why = vote ? "timing" : "guess";
	}
	/* offset and drift: lower envelope of A-upstream diffs (offset + d1) and
	 * upper envelope of B-upstream diffs (offset - d2), one point per bin each */
	double ex[2][NBINS], ey[2][NBINS];
	int ne[2] = {0, 0};
	for (int b = 0; b < NBINS; b++) {
		double lo = t0 + span * b / NBINS, hi = t0 + span * (b + 1) / NBINS;
		int have[2] = {0, 0};
		double best[2] = {0, 0}, bt[2] = {0, 0};
		for (size_t i = 0; i < np; i++) {
			if (!(pr[i].ta >= lo && (pr[i].ta < hi || (b == NBINS - 1 && pr[i].ta <= hi))))
				continue;
			int aup = (c->client_cap == 0) == (int)pr[i].c2s;
			int d = aup ? 0 : 1;
			if (!have[d] || (d == 0 ? pr[i].diff < best[d] : pr[i].diff > best[d])) {
				best[d] = pr[i].diff;
				bt[d] = pr[i].ta;
				have[d] = 1;
			}
		}
		for (int d = 0; d < 2; d++)
			if (have[d]) {
				ex[d][ne[d]] = bt[d];
				ey[d][ne[d]] = best[d];
				ne[d]++;
			}
		if (span <= 0)
			break;
	}
	c->tref = t0;
	double a0 = 0, b0 = 0, a1 = 0, b1 = 0;
	if (ne[0])
		linfit(ex[0], ey[0], ne[0], t0, &a0, &b0);
	if (ne[1])
		linfit(ex[1], ey[1], ne[1], t0, &a1, &b1);
	/* the slope of a direction counts only over a long enough span with
	 * enough envelope points (otherwise it is noise); the intercepts are
	 * then refitted with the common slope */
	int ok[2];
	for (int d = 0; d < 2; d++)
		ok[d] = span >= 2.0 && ne[d] >= 2 && ex[d][ne[d] - 1] - ex[d][0] >= 1.0;
	double slope = ok[0] && ok[1] ? (b0 + b1) / 2 : ok[0] ? b0 : ok[1] ? b1 : 0;
	/* real clocks drift by ppm, not percent: a larger slope is a bad fit */
	if (!(slope > -0.01 && slope < 0.01))
		slope = 0;
	double inter[2] = {0, 0};
	for (int d = 0; d < 2; d++) {
		for (int i = 0; i < ne[d]; i++)
			inter[d] += ey[d][i] - slope * (ex[d][i] - t0);
		if (ne[d])
			inter[d] /= ne[d];
	}
	(void)a0;
	(void)a1;
	c->drift = slope;
	c->off0 = ne[0] && ne[1] ? (inter[0] + inter[1]) / 2 : ne[0] ? inter[0] : inter[1];
	c->fit_bins = ne[0] < ne[1] ? ne[0] : ne[1];
	/* a packet never arrives before it was sent: the offset lies between
	 * the largest (tB - tA) of packets B sent and the smallest of packets A
	 * sent (drift removed); a fit outside that range is moved to its edge */
	{
		double up_min = 0, down_max = 0;
		int hu = 0, hd = 0;
		for (size_t i = 0; i < np; i++) {
			double res = pr[i].diff - c->drift * (pr[i].ta - c->tref);
			if ((c->client_cap == 0) == (int)pr[i].c2s) {
				if (!hu || res < up_min)
					up_min = res;
				hu = 1;
			} else {
				if (!hd || res > down_max)
					down_max = res;
				hd = 1;
			}
		}
		if (!(hu && hd && down_max > up_min)) {
			if (hu && c->off0 > up_min)
				c->off0 = up_min;
			if (hd && c->off0 < down_max)
				c->off0 = down_max;
		}
	}
	/* the largest one-way delay in the sample sizes the matching window; the
	 * median of each path places a packet's expected arrival */
	double dmax = 0;
	double *dl = malloc((np + 1) * sizeof *dl);
	if (!dl) {
		snprintf(err, 512, "out of memory");
		free(pr);
		return -1;
	}
	for (int path = 0; path < 2; path++) {
		size_t nd = 0;
		for (size_t i = 0; i < np; i++) {
			if ((pr[i].c2s ? 0 : 1) != path)
				continue;
			double off = c->off0 + c->drift * (pr[i].ta - c->tref);
			int aup = (c->client_cap == 0) == (int)pr[i].c2s;
			double d = aup ? pr[i].diff - off : off - pr[i].diff;
			if (dabs(d) > dmax)
				dmax = dabs(d);
			dl[nd++] = d;
		}
		if (nd) {
			qsort(dl, nd, sizeof *dl, cmp_dbl);
			c->dlo[path] = dl[0] > 0 ? dl[0] : 0;
			c->dhi[path] = dl[nd - 1] > c->dlo[path] ? dl[nd - 1] : c->dlo[path];
		} else {
			c->dlo[path] = c->dhi[path] = -1;
		}
	}
	for (int path = 0; path < 2; path++)
		if (c->dlo[path] < 0) {
			c->dlo[path] = c->dlo[!path] > 0 ? c->dlo[!path] : 0;
			c->dhi[path] = c->dhi[!path] > 0 ? c->dhi[!path] : 0;
		}
	free(dl);
	free(pr);
	c->dmax = dmax;
	c->window = c->window_opt > 0 ? c->window_opt : 2.0 + 2 * dmax;
	return 0;
}

/* B's clock -> A's clock */
static double to_ref(const struct cmp *c, int cap, double t)
{
	if (cap == 0)
		return t;
	return (t - c->off0 + c->drift * c->tref) / (1 + c->drift);
}

/* --------------------------------------------------------------- pass 2 */

static int32_t gconn_new(struct cmp *c)
{
	if (c->ng >= GCONN_MAX)
		return -1;
	if (c->ng == c->g_cap) {
		int32_t nc = c->g_cap * 2 < GCONN_MAX ? c->g_cap * 2 : GCONN_MAX;
		struct gconn *ng = realloc(c->g, (size_t)nc * sizeof *ng);
		if (!ng)
			return -1;
		c->g = ng;
		c->g_cap = nc;
	}
	struct gconn *g = &c->g[c->ng];
	memset(g, 0, sizeof *g);
	g->alias = -1;
	return c->ng++;
}

static void label_conn(struct cmp *c, struct gconn *g, const struct prec *r, int from_client_cap)
{
	char e1[64], e2[64];
	const uint8_t *ca = r->c2s ? r->src : r->dst, *sa = r->c2s ? r->dst : r->src;
	uint16_t cp = r->c2s ? r->sport : r->dport, sp = r->c2s ? r->dport : r->sport;
	fmt_endpoint(e1, sizeof e1, r->v6, ca, cp);
	fmt_endpoint(e2, sizeof e2, r->v6, sa, sp);
	if (from_client_cap || !g->label[0]) {
		snprintf(g->label, sizeof g->label, "%s <-> %s", e1, e2);
		g->labelled_from_client = (uint8_t)from_client_cap;
	}
	if (!from_client_cap)
		snprintf(g->other, sizeof g->other, "%s <-> %s", e1, e2);
	(void)c;
}

static int32_t gresolve(const struct cmp *c, int32_t g)
{
	for (int i = 0; g >= 0 && c->g[g].alias >= 0 && i < GCONN_MAX; i++)
		g = c->g[g].alias;
	return g;
}

/* Both captures' views of one connection got numbers before a packet
 * linked them: fold the later one into the earlier one. */
static int32_t gmerge(struct cmp *c, int32_t a, int32_t b)
{
	a = gresolve(c, a);
	b = gresolve(c, b);
	if (a < 0 || b < 0 || a == b)
		return a >= 0 ? a : b;
	if (b < a) {
		int32_t t = a;
		a = b;
		b = t;
	}
	struct gconn *x = &c->g[a], *y = &c->g[b];
	for (int d = 0; d < 2; d++) {
		x->seen[0][d] += y->seen[0][d];
		x->seen[1][d] += y->seen[1][d];
		x->missed[d] += y->missed[d];
		if (y->rack_set[d] && (!x->rack_set[d] || (int32_t)(y->rack[d] - x->rack[d]) > 0)) {
			x->rack[d] = y->rack[d];
			x->rack_set[d] = 1;
		}
		if (y->snd_set[d] && (!x->snd_set[d] || (int32_t)(y->snd_hi[d] - x->snd_hi[d]) > 0)) {
			x->snd_hi[d] = y->snd_hi[d];
			x->snd_set[d] = 1;
		}
		if (!x->rttl[d])
			x->rttl[d] = y->rttl[d];
		x->lost[d] += y->lost[d];
		x->unexp[d] += y->unexp[d];
		x->reord[d] += y->reord[d];
		x->dup[d] += y->dup[d];
		x->modif[d] += y->modif[d];
		for (int k = 0; k < MOD_KINDS; k++)
			x->modseen[d][k] = (uint8_t)(x->modseen[d][k] | y->modseen[d][k]);
		if (y->max_snum[d] > x->max_snum[d])
			x->max_snum[d] = y->max_snum[d];
		if (y->last_rnum[d] > x->last_rnum[d])
			x->last_rnum[d] = y->last_rnum[d];
	}
	if (!x->labelled_from_client && y->labelled_from_client)
		memcpy(x->label, y->label, sizeof x->label);
	if (!x->other[0])
		memcpy(x->other, y->other, sizeof x->other);
	y->alias = a;
	if (c->ladder_sel == b)
		c->ladder_sel = a;
	return a;
}

/* The global connection of r (creates it); links the two captures' views. */
static int32_t conn_of(struct cmp *c, struct prec *r, struct cconn *cc)
{
	if (cc && cc->gid >= 0)
		return cc->gid = gresolve(c, cc->gid);
	int32_t g = gconn_new(c);
	if (g < 0)
		return -1;
	label_conn(c, &c->g[g], r, r->cap == c->client_cap);
	if (cc)
		cc->gid = g;
	if (c->ladder_on && c->ladder_sel < 0) {
		if (c->ladder_str ? strstr(c->g[g].label, c->ladder_str) != NULL : (c->ladder_gid ? g + 1 == c->ladder_gid : 1))
			c->ladder_sel = g;
	}
	return g;
}

static int is_upstream(const struct cmp *c, const struct prec *r)
{
	return (r->cap == c->client_cap) == (r->c2s != 0);
}

static const char *side_name(const struct cmp *c, int cap)
{
	return cap == c->client_cap ? "client" : "server";
}

static void emit_event(struct cmp *c, const char *ev, const struct prec *r, const char *extra_key, const char *extra,
		       const struct prec *peer)
{
	struct out *o = c->o;
	char ts[80], fl[12], e1[64], e2[64];
	int path = r->c2s ? 0 : 1;
	const char *pathname = path == 0 ? "client->server" : "server->client";
	const char *sender = path == 0 ? "client" : "server";
	int32_t gid = gresolve(c, r->gid);
	const char *conn = gid >= 0 ? c->g[gid].label : "?";
	fmt_abs(c, ts, sizeof ts, r->t, c->json);
	flags_str(fl, r->flags);
	fmt_endpoint(e1, sizeof e1, r->v6, r->src, r->sport);
	fmt_endpoint(e2, sizeof e2, r->v6, r->dst, r->dport);
	c->evcount++;
	if (c->quiet)
		return;
	if (c->json) {
		out_str(o, "{\"event\":");
		out_json_str(o, ev);
		out_str(o, ",\"path\":");
		out_json_str(o, pathname);
		out_str(o, ",\"sender\":");
		out_json_str(o, sender);
		out_str(o, ",\"capture\":");
		out_json_str(o, side_name(c, r->cap));
		out_str(o, ",\"file\":");
		out_json_str(o, c->name[r->cap]);
		out_fmt(o, ",\"packet\":%llu,\"time\":\"%s\",\"kind\":\"%s\"", (unsigned long long)r->num, ts, kind_of(r));
		if (r->proto == 6)
			out_fmt(o, ",\"tcp_flags\":\"%s\",\"seq\":%u,\"ack\":%u,\"len\":%u", fl, r->seq, r->ack, r->paylen);
		out_fmt(o, ",\"src\":\"%s\",\"dst\":\"%s\",\"conn\":", e1, e2);
		out_json_str(o, conn);
		if (gid >= 0)
			out_fmt(o, ",\"conn_id\":%d", gid + 1);
		if (peer)
			out_fmt(o, ",\"peer_packet\":%llu", (unsigned long long)peer->num);
		if (extra_key) {
			out_fmt(o, ",\"%s\":", extra_key);
			out_json_str(o, extra);
		}
		out_str(o, ",\"type\":\"compare_event\"}\n");
	} else {
		out_fmt(o, "%-10s %s %s %s packet %llu at the %s: %s %s > %s", ev, ts, pathname, kind_of(r),
			(unsigned long long)r->num, side_name(c, r->cap), r->proto == 6 ? fl : "", e1, e2);
		if (r->proto == 6)
			out_fmt(o, " seq %u ack %u len %u", r->seq, r->ack, r->paylen);
		if (peer)
			out_fmt(o, " (%s packet %llu)", side_name(c, peer->cap), (unsigned long long)peer->num);
		if (extra_key)
			out_fmt(o, " %s: %s", extra_key, extra);
		if (gid >= 0)
			out_fmt(o, " [conn %d]", gid + 1);
		out_char(o, '\n');
	}
}

static void ladder_row(struct cmp *c, const struct prec *snd, const struct prec *rcv, const struct prec *any, int status)
{
	if (!c->lad || any->gid < 0 || gresolve(c, any->gid) != c->ladder_sel)
		return;
	struct ladder_row w;
	memset(&w, 0, sizeof w);
	w.from_client = any->c2s;
	w.t_send = snd ? snd->tc : -1;
	w.t_recv = rcv ? rcv->tc : -1;
	w.have_send = snd != NULL;
	w.have_recv = rcv != NULL;
	w.num_send = snd ? snd->num : 0;
	w.num_recv = rcv ? rcv->num : 0;
	w.status = status;
	flags_str(w.flags, any->flags);
	w.tcp = any->proto == 6;
	w.seq = any->seq;
	w.ack = any->ack;
	w.len = any->paylen;
	snprintf(w.kind, sizeof w.kind, "%s", kind_of(any));
	ladder_add(c->lad, &w);
}

static void note_mod(struct cmp *c, const struct prec *snd, const struct prec *rcv, int kind, const char *what)
{
	int path = snd->c2s ? 0 : 1;
	struct gconn *g = snd->gid >= 0 ? &c->g[snd->gid] : NULL;
	c->modif[path]++;
	if (c->res) {
		struct cmp_path *cp = &c->res->path[path];
		if (!cp->mods[kind]++) {
			int32_t gid = gresolve(c, snd->gid);
			snprintf(cp->mod_ex[kind], sizeof cp->mod_ex[kind], "%s", what);
			snprintf(cp->mod_conn[kind], sizeof cp->mod_conn[kind], "%s", gid >= 0 ? c->g[gid].label : "?");
		}
	}
	if (g) {
		g->modif[path]++;
		if (g->modseen[path][kind]++)
			return; /* reported once per connection and direction */
	}
	char buf[340];
	snprintf(buf, sizeof buf, "%s: %s", cmp_mod_name[kind], what);
	emit_event(c, "modified", rcv, "change", buf, snd);
}

static void on_pair(struct cmp *c, struct prec *snd, struct prec *rcv)
{
	int path = snd->c2s ? 0 : 1;
	struct gconn *g = snd->gid >= 0 ? &c->g[snd->gid] : NULL;
	c->matched++;
	if (snd->proto == 6) {
		c->matched_tcp++;
		if ((snd->flags & (TCPF_SYN | TCPF_ACK)) == TCPF_SYN)
			c->matched_syn++;
	}
	res_add(&c->delay[path], rcv->tc - snd->tc, &c->rng);
	c->hops[path][(uint8_t)(snd->ttl - rcv->ttl)]++;
	char w[300];
	if (memcmp(snd->src, rcv->src, 16) || memcmp(snd->dst, rcv->dst, 16) || snd->sport != rcv->sport ||
	    snd->dport != rcv->dport) {
		char a1[64], a2[64], b1[64], b2[64];
		fmt_endpoint(a1, sizeof a1, snd->v6, snd->src, snd->sport);
		fmt_endpoint(a2, sizeof a2, snd->v6, snd->dst, snd->dport);
		fmt_endpoint(b1, sizeof b1, rcv->v6, rcv->src, rcv->sport);
		fmt_endpoint(b2, sizeof b2, rcv->v6, rcv->dst, rcv->dport);
		snprintf(w, sizeof w, "%s > %s became %s > %s", a1, a2, b1, b2);
		note_mod(c, snd, rcv, MOD_NAT, w);
	}
	/* an absent option is named as such, never printed as -1 */
	if (snd->mss != rcv->mss) {
		if (rcv->mss < 0)
			snprintf(w, sizeof w, "MSS %d removed", snd->mss);
		else if (snd->mss < 0)
			snprintf(w, sizeof w, "MSS %d added", rcv->mss);
		else
			snprintf(w, sizeof w, "MSS %d -> %d", snd->mss, rcv->mss);
		note_mod(c, snd, rcv, MOD_MSS, w);
	}
	if (snd->wscale != rcv->wscale) {
		if (rcv->wscale < 0)
			snprintf(w, sizeof w, "window scale %d stripped", snd->wscale);
		else if (snd->wscale < 0)
			snprintf(w, sizeof w, "window scale %d added", rcv->wscale);
		else
			snprintf(w, sizeof w, "window scale %d -> %d", snd->wscale, rcv->wscale);
		note_mod(c, snd, rcv, MOD_WSCALE, w);
	}
	if (snd->sackok != rcv->sackok) {
		snprintf(w, sizeof w, "SACK permitted %s", rcv->sackok ? "added" : "stripped");
		note_mod(c, snd, rcv, MOD_SACK, w);
	}
	if (snd->has_ts != rcv->has_ts) {
		snprintf(w, sizeof w, "timestamps option %s", rcv->has_ts ? "added" : "stripped");
		note_mod(c, snd, rcv, MOD_TS, w);
	}
	if (snd->tos != rcv->tos) {
		snprintf(w, sizeof w, "DSCP %u ECN %u -> DSCP %u ECN %u", snd->tos >> 2, snd->tos & 3, rcv->tos >> 2,
			 rcv->tos & 3);
		note_mod(c, snd, rcv, MOD_TOS, w);
	}
	if (snd->proto == 6 && snd->win != rcv->win) {
		snprintf(w, sizeof w, "window %u -> %u", snd->win, rcv->win);
		note_mod(c, snd, rcv, MOD_WIN, w);
	}
	if (snd->phlen && snd->phlen == rcv->phlen && snd->phash != rcv->phash) {
		snprintf(w, sizeof w, "payload bytes differ");
		note_mod(c, snd, rcv, MOD_PAYLOAD, w);
	}
	int st = LADDER_OK;
	if (g)
		g->rttl[path] = rcv->ttl;
	if (g) {
		/* reordered: this packet reached the receiver after one sent later */
		if (rcv->num > g->last_rnum[path]) {
			if (snd->num < g->max_snum[path]) {
				g->reord[path]++;
				c->reord[path]++;
				emit_event(c, "reordered", snd, NULL, NULL, rcv);
				st = LADDER_REORDERED;
			}
			g->last_rnum[path] = rcv->num;
		}
		if (snd->num > g->max_snum[path])
			g->max_snum[path] = snd->num;
	}
	ladder_row(c, snd, rcv, snd, st);
}

/* ---- the pending table ---- */

static void hash_unlink(struct cmp *c, uint32_t idx)
{
	struct prec *r = &c->rec[idx - 1];
	uint32_t *pp = &c->bucket[r->key >> (64 - HBITS)];
	for (uint32_t n = 0; *pp && n < REC_MAX; n++) {
		if (*pp == idx) {
			*pp = r->hnext;
			return;
		}
		pp = &c->rec[*pp - 1].hnext;
	}
}

static int kind_idx(const struct prec *r)
{
	if (r->proto != 6)
		return CMP_K_OTHER;
	if (r->flags & TCPF_RST)
		return CMP_K_RST;
	if ((r->flags & (TCPF_SYN | TCPF_ACK)) == TCPF_SYN)
		return CMP_K_SYN;
	if (r->flags & TCPF_SYN)
		return CMP_K_SYNACK;
	if (r->paylen)
		return CMP_K_DATA; /* a FIN carrying data counts as data */
	if (r->flags & TCPF_FIN)
		return CMP_K_FIN;
	return CMP_K_ACK;
}

/* Absolute time in capture k's clock of reference-clock time tc. */
static double abs_in(const struct cmp *c, int k, double tc)
{
	double t = k == 0 ? tc : tc + c->off0 + c->drift * (tc - c->tref);
	return (double)c->base + t;
}

/* A lost packet, for compare_files(): counted by kind, the first few kept. */
static void note_loss(struct cmp *c, const struct prec *r, int path)
{
	struct cmp_path *cp = &c->res->path[path];
	int k = kind_idx(r);
	cp->lost_kind[k]++;
	if (k == CMP_K_DATA)
		cp->data_lost++;
	if (cp->nex[k] >= CMP_EXAMPLES)
		return;
	struct cmp_loss *e = &cp->ex[k][cp->nex[k]++];
	int32_t gid = gresolve(c, r->gid);
	memset(e, 0, sizeof *e);
	e->num = r->num;
	e->t_sender = (double)c->base + r->t;
	e->t_receiver = abs_in(c, !r->cap, r->tc);
	e->tcp = r->proto == 6;
	e->seq = r->seq;
	e->ack = r->ack;
	e->len = r->paylen;
	snprintf(e->kind, sizeof e->kind, "%s", kind_of(r));
	flags_str(e->flags, r->flags);
	fmt_endpoint(e->src, sizeof e->src, r->v6, r->src, r->sport);
	fmt_endpoint(e->dst, sizeof e->dst, r->v6, r->dst, r->dport);
	snprintf(e->conn, sizeof e->conn, "%s", gid >= 0 ? c->g[gid].label : "?");
}

/* Whether r should have passed the other capture point while that capture
 * ran: a packet seen at its sender's capture is expected at the receiver's
 * between the path's smallest and largest one-way delay later (one seen at
 * the receiver's capture left the sender's that much earlier), and that
 * whole interval lies between the other capture's first and last packet.
 * No fixed margin: a SYN-ACK lost right after the captures' first packet is
 * judged.  With one capture empty, what the other saw leave in connections
 * nothing answered is judged (both assumed to have run at the same time);
 * answered ones prove the empty capture was not on their path. */
static int unanswered_elsewhere(struct cmp *c, const struct prec *r);

static int judged(struct cmp *c, const struct prec *r)
{
	int up = is_upstream(c, r), other = !r->cap, path = r->c2s ? 0 : 1;
	if (c->empty_cap >= 0)
		return up && unanswered_elsewhere(c, r);
	double lo = up ? r->tc + c->dlo[path] : r->tc - c->dhi[path];
	double hi = up ? r->tc + c->dhi[path] : r->tc - c->dlo[path];
	return lo >= c->span_lo[other] && hi <= c->span_hi[other];
}

/* A connection of which r's capture saw only r's direction and the other
 * capture saw nothing (pass 1's tables): unanswered packets, judged even
 * outside the other capture's span (a router dropping the SYNs while the
 * far capture saw only later traffic). */
static int unanswered_elsewhere(struct cmp *c, const struct prec *r)
{
	int is_a;
	const struct cconn *s = conn_get(&c->ct1[r->cap], r, &is_a, 0);
	if (!s || s->dirs != (is_a ? 1 : 2))
		return 0;
	return conn_get(&c->ct1[!r->cap], r, &is_a, 0) == NULL;
}

/* sequence space a TCP segment occupies (SYN and FIN count one) */
static uint32_t seq_len(const struct prec *r)
{
	if (r->proto != 6 || (r->flags & TCPF_RST))
		return 0;
	return r->paylen + !!(r->flags & TCPF_SYN) + !!(r->flags & TCPF_FIN);
}

static uint32_t skey_of(const struct prec *r)
{
	uint64_t h = mix64(fnv(r->src, 16) ^ (uint64_t)fnv(r->dst, 16) << 32 ^ (uint64_t)r->sport << 16 ^ r->dport);
	return (uint32_t)(mix64(h ^ (uint64_t)r->seq << 8 ^ r->cap) >> (64 - HBITS));
}

static int same_flow(const struct prec *a, const struct prec *b)
{
	return a->cap == b->cap && a->sport == b->sport && a->dport == b->dport && a->v6 == b->v6 &&
	       !memcmp(a->src, b->src, 16) && !memcmp(a->dst, b->dst, 16);
}

/* Whether the sender's capture saw r's sequence range sent again later (a
 * retransmission still in the window; earlier copies mark r->retx). */
static int retransmitted(const struct cmp *c, const struct prec *r)
{
	uint32_t idx = c->sbucket[skey_of(r)];
	for (uint32_t n = 0; idx && n < REC_MAX; n++) {
		const struct prec *q = &c->rec[idx - 1];
		if (q != r && q->seq == r->seq && q->t > r->t && same_flow(q, r))
			return 1;
		idx = q->snext;
	}
	return 0;
}

/* A packet that left the sender and is missing at the receiver's capture,
 * yet the receiver acknowledged its sequence range and the sender never sent
 * it again: it arrived, the receiver's capture missed it. */
static int proven_received(const struct cmp *c, const struct prec *r, const struct gconn *g)
{
	uint32_t n = seq_len(r);
	int path = r->c2s ? 0 : 1;
	if (!g || !n || r->retx || !g->rack_set[path])
		return 0;
	return (int32_t)(g->rack[path] - (r->seq + n)) >= 0 && !retransmitted(c, r);
}

static void count_lost(struct cmp *c, struct prec *r)
{
	int path = r->c2s ? 0 : 1;
	r->gid = gresolve(c, r->gid);
	struct gconn *g = r->gid >= 0 ? &c->g[r->gid] : NULL;
	c->lost[path]++;
	if (g)
		g->lost[path]++;
	if (c->res)
		note_loss(c, r, path);
	emit_event(c, "lost", r, NULL, NULL, NULL);
	ladder_row(c, r, NULL, r, LADDER_LOST);
}

/* r (seen leaving at its capture) never reached the other capture, which
 * missed it: counted against that capture, not the network. */
static void count_missed(struct cmp *c, struct prec *r, int proven)
{
	int path = r->c2s ? 0 : 1, k = !r->cap;
	r->gid = gresolve(c, r->gid);
	struct gconn *g = r->gid >= 0 ? &c->g[r->gid] : NULL;
	c->missed[k]++;
	c->proven[k] += proven != 0;
	if (g)
		g->missed[path]++;
	char why[160];
	snprintf(why, sizeof why, "the %s capture missed it (%s)", side_name(c, k),
		 proven ? "the receiver acknowledged it" : "that capture missed other packets");
	emit_event(c, "missed", r, "capture_loss", why, NULL);
	ladder_row(c, r, NULL, r, LADDER_MISSED);
}

/* Decided at the end: losses no acknowledgement can prove (pure ACKs, RSTs,
 * UDP...) are capture misses when that capture is shown to miss packets. */
static void defer_loss(struct cmp *c, const struct prec *r)
{
	if (c->ndefer == c->defer_cap) {
		uint32_t n = c->defer_cap ? c->defer_cap * 2 : 256;
		struct prec *d = n <= DEFER_MAX ? realloc(c->defer, n * sizeof *d) : NULL;
		if (!d) {
			struct prec x = *r;
			if (c->proven[!r->cap])
				count_missed(c, &x, 0);
			else
				count_lost(c, &x);
			return;
		}
		c->defer = d;
		c->defer_cap = n;
	}
	c->defer[c->ndefer++] = *r;
}

static void flush_deferred(struct cmp *c)
{
	for (uint32_t i = 0; i < c->ndefer; i++) {
		struct prec *r = &c->defer[i];
		if (c->proven[!r->cap])
			count_missed(c, r, 0);
		else
			count_lost(c, r);
	}
	c->ndefer = 0;
}

static void seq_unlink(struct cmp *c, uint32_t idx)
{
	struct prec *r = &c->rec[idx - 1];
	if (!r->schain)
		return;
	uint32_t *pp = &c->sbucket[r->sb];
	for (uint32_t n = 0; *pp && n < REC_MAX; n++) {
		if (*pp == idx) {
			*pp = r->snext;
			break;
		}
		pp = &c->rec[*pp - 1].snext;
	}
	r->schain = 0;
	r->snext = 0;
}

/* The oldest pending packet of capture k leaves the window. */
static void age_one(struct cmp *c, int k)
{
	uint32_t idx = c->head[k];
	struct prec *r = &c->rec[idx - 1];
	c->head[k] = r->fnext;
	if (!c->head[k])
		c->tail[k] = 0;
	hash_unlink(c, idx);
	r->gid = gresolve(c, r->gid);
	int up = is_upstream(c, r), judge = r->state == 2;
	if (r->state == 1) {
		int path = r->c2s ? 0 : 1;
		struct gconn *g = r->gid >= 0 ? &c->g[r->gid] : NULL;
		judge = judged(c, r);
		if (!judge && up && unanswered_elsewhere(c, r)) {
			judge = 1;
			c->beyond[path]++;
		}
		if (!judge) {
			c->outside++;
		} else if (up) {
			if (proven_received(c, r, g))
				count_missed(c, r, 1);
			else if (seq_len(r))
				count_lost(c, r);
			else
				defer_loss(c, r);
		} else {
			/* seen arriving, never leaving: the sender's capture missed
			 * it, unless it is an ICMP error or its TTL is not the one
			 * this path's packets arrive with (made by a device between
			 * the captures) */
			int icmperr = (r->proto == 1 && (r->flags == 3 || r->flags == 4 || r->flags == 5 || r->flags == 11 ||
							 r->flags == 12)) ||
				      (r->proto == 58 && r->flags >= 1 && r->flags <= 4);
			int forged = !icmperr && g && g->rttl[path] && g->rttl[path] != r->ttl;
			c->unexp[path]++;
			if (c->res)
				c->res->path[path].unexpected++;
			if (g)
				g->unexp[path]++;
			char why[160];
			if (icmperr) {
				snprintf(why, sizeof why, "an ICMP error, likely from a router between the captures");
				emit_event(c, "unexpected", r, "note", why, NULL);
			} else if (forged) {
				snprintf(why, sizeof why, "TTL %u where this path's packets arrive with %u: sent by a device between the captures?",
					 r->ttl, g->rttl[path]);
				emit_event(c, "unexpected", r, "note", why, NULL);
			} else {
				c->missed[!r->cap]++;
				c->proven[!r->cap]++;
				if (g)
					g->missed[path]++;
				snprintf(why, sizeof why, "the %s capture missed it", side_name(c, !r->cap));
				emit_event(c, "unexpected", r, "capture_loss", why, NULL);
			}
			ladder_row(c, NULL, r, r, LADDER_UNEXPECTED);
		}
	}
	seq_unlink(c, idx);
	/* what the sender's capture saw leave, for loss rates (lost or matched) */
	if (c->res && r->state && up && judge) {
		struct cmp_path *cp = &c->res->path[r->c2s ? 0 : 1];
		cp->sent++;
		if (r->proto == 6 && r->paylen && !(r->flags & (TCPF_SYN | TCPF_RST)))
			cp->data_sent++;
	}
	r->state = 0;
	r->fnext = c->freelist;
	c->freelist = idx;
	c->nrec--;
}

static void age_until(struct cmp *c, double tc)
{
	for (int k = 0; k < 2; k++)
		for (uint32_t n = 0; c->head[k] && n < REC_MAX; n++) {
			if (c->rec[c->head[k] - 1].tc >= tc - c->window)
				break;
			age_one(c, k);
		}
}

/* Twice the pending records (up to REC_MAX); 0 when it grew. */
static int rec_grow(struct cmp *c)
{
	if (c->rec_cap >= REC_MAX)
		return -1;
	uint32_t nc = c->rec_cap * 2 < REC_MAX ? c->rec_cap * 2 : REC_MAX;
	struct prec *nr = realloc(c->rec, (size_t)nc * sizeof *nr);
	if (!nr)
		return -1;
	memset(nr + c->rec_cap, 0, (size_t)(nc - c->rec_cap) * sizeof *nr);
	for (uint32_t i = c->rec_cap; i < nc; i++)
		nr[i].fnext = i + 2 <= nc ? i + 2 : c->freelist;
	c->freelist = c->rec_cap + 1;
	c->rec = nr;
	c->rec_cap = nc;
	return 0;
}

static void insert_pending(struct cmp *c, const struct prec *r)
{
	if (!c->freelist && rec_grow(c) < 0) {
		/* full: the oldest packet of either capture leaves early */
		int k = !c->head[1] || (c->head[0] && c->rec[c->head[0] - 1].tc <= c->rec[c->head[1] - 1].tc) ? 0 : 1;
		age_one(c, k);
	}
	uint32_t idx = c->freelist;
	struct prec *p = &c->rec[idx - 1];
	c->freelist = p->fnext;
	*p = *r;
	p->fnext = 0;
	uint32_t *b = &c->bucket[r->key >> (64 - HBITS)];
	p->hnext = *b;
	*b = idx;
	p->schain = 0;
	p->snext = 0;
	if (seq_len(p) && is_upstream(c, p)) {
		p->sb = skey_of(p);
		uint32_t *sb = &c->sbucket[p->sb];
		p->snext = *sb;
		*sb = idx;
		p->schain = 1;
	}
	int k = r->cap;
	if (c->tail[k])
		c->rec[c->tail[k] - 1].fnext = idx;
	else
		c->head[k] = idx;
	c->tail[k] = idx;
	c->nrec++;
}

/* Per connection: what each capture saw of each path, and the highest ACK
 * each side sent (proof that the other side's segments arrived). */
static void note_seen(struct cmp *c, struct prec *r)
{
	if (r->gid < 0)
		return;
	struct gconn *g = &c->g[gresolve(c, r->gid)];
	int path = r->c2s ? 0 : 1;
	g->seen[r->cap == c->client_cap ? 0 : 1][path]++;
	uint32_t n = seq_len(r);
	if (n && is_upstream(c, r)) {
		if (g->snd_set[path] && (int32_t)(r->seq - g->snd_hi[path]) < 0)
			r->retx = 1;
		if (!g->snd_set[path] || (int32_t)(r->seq + n - g->snd_hi[path]) > 0)
			g->snd_hi[path] = r->seq + n;
		g->snd_set[path] = 1;
	}
	if (r->proto == 6 && (r->flags & TCPF_ACK) && !(r->flags & TCPF_RST)) {
		int o = !path; /* r acknowledges the other path's segments */
		if (!g->rack_set[o] || (int32_t)(r->ack - g->rack[o]) > 0)
			g->rack[o] = r->ack;
		g->rack_set[o] = 1;
	}
}

static void process(struct cmp *c, struct prec *r)
{
	int k = r->cap;
	struct cconn *cc = classify(c, k, r);
	r->tc = to_ref(c, k, r->t);
	age_until(c, r->tc);
	int up = is_upstream(c, r);
	/* expected (receiver - sender) delay, for choosing among equal candidates */
	double best = 1e300;
	uint32_t bi = 0, dupi = 0;
	uint32_t idx = c->bucket[r->key >> (64 - HBITS)];
	for (uint32_t n = 0; idx && n < REC_MAX; n++) {
		struct prec *q = &c->rec[idx - 1];
		if (q->key == r->key && q->cap != k) {
			if (q->state == 2) {
				dupi = idx;
			} else if (q->state == 1) {
				double d = up ? q->tc - r->tc : r->tc - q->tc;
				double score = dabs(d);
				if (q->phlen && q->phlen == r->phlen && q->phash != r->phash)
					score += 1e6;
				if (score < best) {
					best = score;
					bi = idx;
				}
			}
		}
		idx = q->hnext;
	}
	if (bi) {
		struct prec *q = &c->rec[bi - 1];
		/* link the two views of the connection */
		int32_t g = q->gid >= 0 ? q->gid : -1;
		if (cc && cc->gid < 0 && g >= 0) {
			cc->gid = g;
			if (k == c->client_cap)
				label_conn(c, &c->g[g], r, 1);
			else
				label_conn(c, &c->g[g], r, 0);
		}
		r->gid = conn_of(c, r, cc);
		if (q->gid < 0)
			q->gid = r->gid;
		else if (gresolve(c, q->gid) != r->gid)
			r->gid = q->gid = gmerge(c, q->gid, r->gid);
		if (cc)
			cc->gid = r->gid;
		struct prec *snd = up ? r : q, *rcv = up ? q : r;
		note_seen(c, r);
		q->state = 2;
		on_pair(c, snd, rcv);
		r->state = 2;
		insert_pending(c, r); /* kept (matched) for duplicate detection */
		return;
	}
	r->gid = conn_of(c, r, cc);
	note_seen(c, r);
	if (dupi && !up) {
		/* a second copy at the receiver of a packet already matched */
		int path = r->c2s ? 0 : 1;
		c->dup[path]++;
		if (r->gid >= 0)
			c->g[r->gid].dup[path]++;
		emit_event(c, "duplicated", r, NULL, NULL, &c->rec[dupi - 1]);
		ladder_row(c, NULL, r, r, LADDER_DUP);
		r->state = 2;
		insert_pending(c, r);
		return;
	}
	r->state = 1;
	insert_pending(c, r);
}

static int pass2(struct cmp *c, char *err)
{
	struct src s[2];
	int baseset = 1, rc = 0;
	c->linkscope = c->skipped = 0; /* counted again below */
	for (int k = 0; k < 2; k++)
		if (src_open(c, &s[k], c->name[k], err) < 0) {
			if (k)
				pcap_close(s[0].p);
			return -1;
		}
	for (uint64_t guard = 0; guard < UINT64_MAX; guard++) {
		for (int k = 0; k < 2; k++)
			if (!s[k].have && !s[k].eof) {
				int r = src_next(c, &s[k], k, &baseset, err);
				if (r < 0)
					rc = -1;
				s[k].have = r == 1;
			}
		int pick = -1;
		double best = 0;
		for (int k = 0; k < 2; k++)
			if (s[k].have) {
				double tc = to_ref(c, k, s[k].r.t);
				if (pick < 0 || tc < best) {
					pick = k;
					best = tc;
				}
			}
		if (pick < 0)
			break;
		s[pick].have = 0;
		process(c, &s[pick].r);
	}
	for (int k = 0; k < 2; k++)
		for (uint32_t n = 0; c->head[k] && n <= REC_MAX; n++)
			age_one(c, k);
	flush_deferred(c);
	pcap_close(s[0].p);
	pcap_close(s[1].p);
	return rc;
}

/* --------------------------------------------------------------- report */

static int top_hops(const unsigned *h)
{
	int best = -1;
	for (int i = 0; i < 256; i++)
		if (h[i] && (best < 0 || h[i] > h[best]))
			best = i;
	return best;
}

static int nconn(const struct cmp *c)
{
	int n = 0;
	for (int32_t i = 0; i < c->ng; i++)
		n += c->g[i].alias < 0;
	return n;
}

static void report(struct cmp *c)
{
	struct out *o = c->o;
	const char *cn = c->name[c->client_cap], *sn = c->name[!c->client_cap];
	double q[2][4];
	for (int d = 0; d < 2; d++) {
		q[d][0] = c->delay[d].n ? c->delay[d].min : 0;
		q[d][1] = res_q(&c->delay[d], 0.5);
		q[d][2] = res_q(&c->delay[d], 0.95);
		q[d][3] = c->delay[d].n ? c->delay[d].max : 0;
	}
	/* the offset of the server-side clock relative to the client-side one */
	double off = c->off0, drift = c->drift;
	if (c->client_cap == 1) {
		off = -off;
		drift = -drift;
	}
	if (c->json) {
		for (int32_t i = 0; i < c->ng; i++) {
			struct gconn *g = &c->g[i];
			if (g->alias >= 0)
				continue;
			out_fmt(o, "{\"conn_id\":%d,\"conn\":", i + 1);
			out_json_str(o, g->label);
			if (g->other[0] && strcmp(g->other, g->label)) {
				out_str(o, ",\"conn_at_server\":");
				out_json_str(o, g->other);
			}
			/* sent: seen at the sender's capture; received: at the receiver's */
			out_fmt(o,
				",\"sent_c2s\":%u,\"received_c2s\":%u,\"lost_c2s\":%u,\"unexpected_c2s\":%u,\"missed_c2s\":%u,"
				"\"sent_s2c\":%u,\"received_s2c\":%u,\"lost_s2c\":%u,\"unexpected_s2c\":%u,\"missed_s2c\":%u,"
				"\"reordered\":%u,\"duplicated\":%u,\"modified\":%u,\"type\":\"compare_conn\"}\n",
				g->seen[0][0], g->seen[1][0], g->lost[0], g->unexp[0], g->missed[0], g->seen[1][1], g->seen[0][1],
				g->lost[1], g->unexp[1], g->missed[1], g->reord[0] + g->reord[1], g->dup[0] + g->dup[1],
				g->modif[0] + g->modif[1]);
		}
		out_str(o, "{\"summary\":true,\"client_capture\":");
		out_json_str(o, cn);
		out_str(o, ",\"server_capture\":");
		out_json_str(o, sn);
		out_fmt(o, ",\"client_side_from\":\"%s\",\"clock_offset\":%.6f,\"drift_ppm\":%.2f,\"matched\":%llu",
			c->role_why, off, drift * 1e6, (unsigned long long)c->matched);
		for (int d = 0; d < 2; d++) {
			/* nothing matched on a path: its delays and hop count are unknown (null) */
			int h = top_hops(c->hops[d]);
			const char *dn = d ? "s2c" : "c2s";
			if (c->delay[d].n)
				out_fmt(o, ",\"delay_%s\":{\"min\":%.6f,\"median\":%.6f,\"p95\":%.6f,\"max\":%.6f}", dn,
					q[d][0], q[d][1], q[d][2], q[d][3]);
			else
				out_fmt(o, ",\"delay_%s\":null", dn);
			if (h >= 0)
				out_fmt(o, ",\"hops_%s\":%d", dn, h);
			else
				out_fmt(o, ",\"hops_%s\":null", dn);
		}
		out_fmt(o,
			",\"lost_c2s\":%llu,\"lost_s2c\":%llu,\"unexpected_c2s\":%llu,\"unexpected_s2c\":%llu,"
			"\"reordered\":%llu,\"duplicated\":%llu,\"modified\":%llu,\"outside_overlap\":%llu,\"connections\":%d,"
			"\"capture_missed_client\":%llu,\"capture_missed_server\":%llu,\"judged_beyond_span\":%llu,"
			"\"link_scope\":%llu,\"empty_capture\":",
			(unsigned long long)c->lost[0], (unsigned long long)c->lost[1], (unsigned long long)c->unexp[0],
			(unsigned long long)c->unexp[1], (unsigned long long)(c->reord[0] + c->reord[1]),
			(unsigned long long)(c->dup[0] + c->dup[1]), (unsigned long long)(c->modif[0] + c->modif[1]),
			(unsigned long long)c->outside, nconn(c), (unsigned long long)c->missed[c->client_cap],
			(unsigned long long)c->missed[!c->client_cap], (unsigned long long)(c->beyond[0] + c->beyond[1]),
			(unsigned long long)c->linkscope);
		if (c->empty_cap >= 0)
			out_json_str(o, c->name[c->empty_cap]);
		else
			out_str(o, "null");
		out_str(o, ",\"type\":\"compare_summary\"}\n");
		return;
	}
	if (!c->evcount)
		out_str(o, "(no events: every packet judged was seen at both captures, unchanged)\n");
	out_str(o, "\nconnections (client <-> server; lost/sent per path):\n");
	for (int32_t i = 0; i < c->ng && i < 1000; i++) {
		struct gconn *g = &c->g[i];
		if (g->alias >= 0)
			continue;
		out_fmt(o, "  %3d %s", i + 1, g->label);
		if (g->other[0] && strcmp(g->other, g->label))
			out_fmt(o, " (at the server: %s)", g->other);
		out_fmt(o, ": c->s %u/%u lost (client capture %u, server capture %u), s->c %u/%u lost (server capture %u, client capture %u)",
			g->lost[0], g->seen[0][0], g->seen[0][0], g->seen[1][0], g->lost[1], g->seen[1][1], g->seen[1][1],
			g->seen[0][1]);
		if (g->missed[0] + g->missed[1])
			out_fmt(o, ", %u missed by a capture", g->missed[0] + g->missed[1]);
		if (g->unexp[0] + g->unexp[1])
			out_fmt(o, ", %u unexpected", g->unexp[0] + g->unexp[1]);
		if (g->reord[0] + g->reord[1])
			out_fmt(o, ", %u reordered", g->reord[0] + g->reord[1]);
		if (g->dup[0] + g->dup[1])
			out_fmt(o, ", %u duplicated", g->dup[0] + g->dup[1]);
		if (g->modif[0] + g->modif[1])
			out_fmt(o, ", %u modified", g->modif[0] + g->modif[1]);
		out_char(o, '\n');
	}
	if (c->ng > 1000)
		out_fmt(o, "  ... %d more\n", c->ng - 1000);
	out_str(o, "\nsummary:\n");
	out_fmt(o, "  matched %llu packets; lost client->server %llu, server->client %llu; unexpected %llu; reordered %llu; "
		"duplicated %llu; modified %llu\n",
		(unsigned long long)c->matched, (unsigned long long)c->lost[0], (unsigned long long)c->lost[1],
		(unsigned long long)(c->unexp[0] + c->unexp[1]), (unsigned long long)(c->reord[0] + c->reord[1]),
		(unsigned long long)(c->dup[0] + c->dup[1]), (unsigned long long)(c->modif[0] + c->modif[1]));
	for (int d = 0; d < 2; d++) {
		int h = top_hops(c->hops[d]);
		if (!c->delay[d].n) {
			out_fmt(o, "  %s: no packets matched\n", d ? "server->client" : "client->server");
			continue;
		}
		out_fmt(o, "  %s one-way delay: min %.3f ms, median %.3f ms, p95 %.3f ms, max %.3f ms",
			d ? "server->client" : "client->server", q[d][0] * 1e3, q[d][1] * 1e3, q[d][2] * 1e3, q[d][3] * 1e3);
		if (h >= 0)
			out_fmt(o, "; %d hop%s\n", h, h == 1 ? "" : "s");
		else
			out_str(o, "; hops unknown\n");
	}
	if (c->missed[0] + c->missed[1])
		out_fmt(o, "  capture loss, not network loss: the client-side capture missed %llu packets, the server-side "
			   "capture %llu (they arrived or left: the other end answered them, or the other capture saw them)\n",
			(unsigned long long)c->missed[c->client_cap], (unsigned long long)c->missed[!c->client_cap]);
	if (c->empty_cap >= 0)
		out_fmt(o, "  %s has no IP packets: every packet the %s side sent in connections nothing answered counts as "
			   "lost on the way, assuming both captures ran at the same time\n",
			c->name[c->empty_cap], side_name(c, !c->empty_cap));
	if (c->beyond[0] + c->beyond[1])
		out_fmt(o, "  %llu unanswered packets of connections the other capture never saw were judged although they "
			   "fall outside its first-to-last packet span (assuming both captures ran at the same time)\n",
			(unsigned long long)(c->beyond[0] + c->beyond[1]));
	if (c->outside && c->empty_cap >= 0)
		out_fmt(o, "  %llu packets of answered connections were not judged (they cannot have crossed the empty "
			   "capture's point unseen)\n",
			(unsigned long long)c->outside);
	else if (c->outside)
		out_fmt(o, "  %llu packets outside the time both captures cover were not judged\n",
			(unsigned long long)c->outside);
	if (c->linkscope)
		out_fmt(o, "  %llu link-scope packets (neighbour discovery, link-local, local multicast) are not matched: "
			   "they never cross a router\n",
			(unsigned long long)c->linkscope);
}

static void header(struct cmp *c)
{
	struct out *o = c->o;
	if (c->json)
		return;
	const char *cn = c->name[c->client_cap], *sn = c->name[!c->client_cap];
	out_fmt(o, "client side: %s, server side: %s (", cn, sn);
	if (!strcmp(c->role_why, "ttl"))
		out_fmt(o, "inferred from TTLs: the client's packets have TTL %d at %s and %d at %s", c->role_ttl[0], cn,
			c->role_ttl[1], sn);
	else if (!strcmp(c->role_why, "timing"))
		out_str(o, "inferred from timing: the client's packets appear first in this capture");
	else if (!strcmp(c->role_why, "empty"))
		out_fmt(o, "%s has no IP packets to compare", c->name[c->empty_cap]);
	else
		out_str(o, "guessed from the argument order: neither TTLs nor timing tell");
	out_str(o, ")\n");
	double off = c->off0, drift = c->drift;
	if (c->client_cap == 1) {
		off = -off;
		drift = -drift;
	}
	out_fmt(o, "clock: server-side clock = client-side clock %+.6f s, drift %+.2f ppm (%llu matched sample packets, "
		"%d envelope bins)\n",
		off, drift * 1e6, (unsigned long long)c->fit_pairs, c->fit_bins);
	char a[80], b[80], a2[80], b2[80];
	int cc = c->client_cap;
	fmt_abs(c, a, sizeof a, c->span_lo[cc], 0);
	fmt_abs(c, b, sizeof b, c->span_hi[cc], 0);
	fmt_abs(c, a2, sizeof a2, c->span_lo[!cc], 0);
	fmt_abs(c, b2, sizeof b2, c->span_hi[!cc], 0);
	if (c->empty_cap >= 0)
		out_fmt(o, "judged: every packet the %s side sent in connections nothing answered, %s to %s, assuming both "
			   "captures ran at the same time; matching window %.3f s\n\n",
			side_name(c, !c->empty_cap), a, b, c->window);
	else
		out_fmt(o, "judged: packets due at the other capture point while it ran (client side %s to %s, server side %s "
			   "to %s, client-side clock), matching window %.3f s\n\n",
			a, b, a2, b2, c->window);
}

/* Allocates the tables of c (fields already set by the caller). */
static int cmp_setup(struct cmp *c, char *err)
{
	c->empty_cap = -1;
	for (int k = 0; k < 2; k++)
		if (ctab_init(&c->ct[k]) < 0 || ctab_init(&c->ct1[k]) < 0) {
			snprintf(err, 512, "out of memory");
			return -1;
		}
	c->sbucket = calloc((size_t)1 << HBITS, sizeof *c->sbucket);
	c->rec = calloc(REC_START, sizeof *c->rec);
	c->rec_cap = c->rec ? REC_START : 0;
	c->bucket = calloc((size_t)1 << HBITS, sizeof *c->bucket);
	c->g = calloc(GCONN_START, sizeof *c->g);
	c->g_cap = GCONN_START;
	if (c->ladder_on)
		c->lad = ladder_new();
	if (!c->rec || !c->bucket || !c->sbucket || !c->g || (c->ladder_on && !c->lad)) {
		snprintf(err, 512, "out of memory");
		return -1;
	}
	for (uint32_t i = 0; i < REC_START; i++)
		c->rec[i].fnext = i + 2 <= REC_START ? i + 2 : 0;
	c->freelist = 1;
	return 0;
}

static void cmp_release(struct cmp *c)
{
	ladder_free(c->lad);
	for (int k = 0; k < 2; k++) {
		free(c->ct[k].slot);
		free(c->ct1[k].slot);
		c->ct[k].slot = c->ct1[k].slot = NULL;
	}
	free(c->rec);
	free(c->bucket);
	free(c->sbucket);
	free(c->g);
	free(c->defer);
	c->defer = NULL;
	c->sbucket = NULL;
	c->lad = NULL;
	c->rec = NULL;
	c->bucket = NULL;
	c->g = NULL;
}

/* Adds s to every client->server delay and takes it from every
 * server->client one: the offset moved by s. */
static void shift_delays(struct cmp *c, double s)
{
	for (int d = 0; d < 2; d++) {
		struct reservoir *r = &c->delay[d];
		double x = d ? -s : s;
		size_t n = r->n < RES_MAX ? (size_t)r->n : RES_MAX;
		for (size_t i = 0; i < n; i++)
			r->v[i] += x;
		if (r->n) {
			r->min += x;
			r->max += x;
			r->sum += x * (double)r->n;
		}
	}
	c->off0 += c->client_cap == 0 ? -s : s;
}

/* One-way delays are never negative: the pass-1 fit saw a sample; if a
 * matched packet still arrived "before" it left, move the offset (when the
 * other direction allows it), and read rounding noise as zero. */
static void fix_negative_delays(struct cmp *c)
{
	struct reservoir *r0 = &c->delay[0], *r1 = &c->delay[1];
	if (r0->n && r0->min < 0 && (!r1->n || r1->min + r0->min >= 0))
		shift_delays(c, -r0->min);
	else if (r1->n && r1->min < 0 && (!r0->n || r0->min + r1->min >= 0))
		shift_delays(c, r1->min);
	for (int d = 0; d < 2; d++) {
		struct reservoir *r = &c->delay[d];
		size_t n = r->n < RES_MAX ? (size_t)r->n : RES_MAX;
		for (size_t i = 0; i < n; i++)
			if (r->v[i] < 0 && r->v[i] > -1e-9)
				r->v[i] = 0;
		if (r->n && r->min < 0 && r->min > -1e-9)
			r->min = 0;
	}
}

/* Both passes; the header is printed between them (unless quiet). */
static int cmp_match(struct cmp *c, char *err)
{
	if (pass1(c, err) < 0)
		return -1;
	/* each capture's span (first to last packet) in the reference clock: a
	 * packet is judged when it should have passed the other capture point
	 * while that capture ran */
	for (int k = 0; k < 2; k++) {
		c->span_lo[k] = to_ref(c, k, c->first[k]);
		c->span_hi[k] = to_ref(c, k, c->last[k]);
	}
	c->ov_lo = c->span_lo[0] > c->span_lo[1] ? c->span_lo[0] : c->span_lo[1];
	c->ov_hi = c->span_hi[0] < c->span_hi[1] ? c->span_hi[0] : c->span_hi[1];
	if (!c->quiet)
		header(c);
	if (pass2(c, err) < 0)
		return -1;
	fix_negative_delays(c);
	return 0;
}

static int compare_pair(const char *fa, const char *fb, const char *filter, int json, int ladder, const char *lsel,
			double window, struct out *o)
{
	static struct cmp cs;
	struct cmp *c = &cs;
	char err[512] = "";
	memset(c, 0, sizeof *c);
	c->name[0] = fa;
	c->name[1] = fb;
	c->filter = filter;
	c->json = json;
	c->o = o;
	c->window_opt = window;
	c->ladder_on = ladder;
	c->ladder_sel = -1;
	if (lsel) {
		char *end;
		long v = strtol(lsel, &end, 10);
		if (*end || v <= 0)
			c->ladder_str = lsel;
		else
			c->ladder_gid = v;
	}
	int status = 2;
	if (cmp_setup(c, err) < 0 || cmp_match(c, err) < 0)
		goto done;
	report(c);
	if (c->lad) {
		const char *lbl = c->ladder_sel >= 0 ? c->g[c->ladder_sel].label : NULL;
		ladder_print(c->lad, o, lbl, c->ladder_sel + 1, c->name[c->client_cap], c->name[!c->client_cap], c->json);
	}
	status = c->lost[0] + c->lost[1] + c->unexp[0] + c->unexp[1] + c->missed[0] + c->missed[1] ? 1 : 0;
done:
	if (err[0]) {
		out_flush(o);
		fprintf(stderr, "synack: compare: %s\n", err);
	}
	cmp_release(c);
	return status;
}

/* ------------------------------------------------------------ library */

int compare_files(const char *a, const char *b, const char *filter, struct cmp_result *res, char *err, size_t errlen)
{
	struct cmp *c = calloc(1, sizeof *c);
	char e[512] = "";
	if (!c) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	memset(res, 0, sizeof *res);
	res->empty_cap = -1;
	c->name[0] = a;
	c->name[1] = b;
	c->filter = filter;
	c->quiet = 1;
	c->res = res;
	c->ladder_sel = -1;
	int rc = -1;
	if (cmp_setup(c, e) < 0 || cmp_match(c, e) < 0)
		goto done;
	res->name[0] = a;
	res->name[1] = b;
	res->client_cap = c->client_cap;
	res->role_why = c->role_why;
	res->role_ttl[0] = c->role_ttl[0];
	res->role_ttl[1] = c->role_ttl[1];
	/* the offset of the server-side clock relative to the client-side one */
	res->offset = c->client_cap == 1 ? -c->off0 : c->off0;
	res->drift_ppm = (c->client_cap == 1 ? -c->drift : c->drift) * 1e6;
	res->judged_from = abs_in(c, c->client_cap, c->ov_lo);
	res->judged_to = abs_in(c, c->client_cap, c->ov_hi);
	res->tcp_pkts[0] = c->tcp_npk[0];
	res->tcp_pkts[1] = c->tcp_npk[1];
	res->matched = c->matched;
	res->matched_tcp = c->matched_tcp;
	res->matched_syn = c->matched_syn;
	res->outside = c->outside;
	res->empty_cap = c->empty_cap;
	res->beyond = c->beyond[0] + c->beyond[1];
	for (int k = 0; k < 2; k++) {
		res->cap_missed[k] = c->missed[k];
		res->cap_missed_proven[k] = c->proven[k];
	}
	for (int d = 0; d < 2; d++) {
		struct cmp_path *p = &res->path[d];
		p->lost = c->lost[d];
		p->reordered = c->reord[d];
		p->duplicated = c->dup[d];
		p->modified = c->modif[d];
		p->delays = c->delay[d].n;
		p->delay_min = c->delay[d].n ? c->delay[d].min : 0;
		p->delay_median = res_q(&c->delay[d], 0.5);
		p->delay_p95 = res_q(&c->delay[d], 0.95);
		p->delay_max = c->delay[d].n ? c->delay[d].max : 0;
		p->hops = top_hops(c->hops[d]);
	}
	for (int32_t i = 0; i < c->ng; i++) {
		const struct gconn *g = &c->g[i];
		if (g->alias >= 0)
			continue;
		res->connections++;
		for (int d = 0; d < 2; d++)
			res->path[d].conns_lost += g->lost[d] > 0;
	}
	rc = 0;
done:
	if (rc < 0)
		snprintf(err, errlen, "%s", e);
	cmp_release(c);
	free(c);
	return rc;
}

int compare_same_traffic(const struct cmp_result *res)
{
	uint64_t small = res->tcp_pkts[0] < res->tcp_pkts[1] ? res->tcp_pkts[0] : res->tcp_pkts[1];
	if (res->empty_cap >= 0) /* the other capture shows unanswered traffic */
		return res->path[0].lost + res->path[1].lost > 0;
	if (res->matched_syn >= 3)
		return 1;
	return small > 0 && res->matched_tcp * 5 >= small;
}

/* ------------------------------------------------------------------ CLI */

static int is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && !S_ISDIR(st.st_mode);
}

static void compare_usage(FILE *f)
{
	fputs("Usage: synack compare CAPTURE1 CAPTURE2 [CAPTURE3 ...] [expression]\n"
	      "                      [--json] [--ladder[=CONN]] [--window SECONDS]\n"
	      "  Matches the packets of captures taken at two points of a path (client side\n"
	      "  and server side, in any order) and reports lost, unexpected, reordered,\n"
	      "  duplicated and modified packets, the clock offset and the one-way delays.\n"
	      "  CONN is a connection number from the report or part of its address:port.\n"
	      "  Exit status: 0 nothing lost, 1 differences found, 2 error.\n",
	      f);
}

int compare_cli(int argc, char **argv)
{
	static struct out o;
	const char *files[64];
	int nf = 0, json = 0, ladder = 0, nexpr = 0;
	const char *lsel = NULL;
	double window = 0;
	char **expr = calloc((size_t)argc + 1, sizeof *expr);
	if (!expr) {
		fprintf(stderr, "synack: out of memory\n");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--json")) {
			json = 1;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			compare_usage(stdout);
			free(expr);
			return 0;
		} else if (!strncmp(a, "--ladder", 8) && (a[8] == 0 || a[8] == '=')) {
			ladder = 1;
			if (a[8] == '=') {
				lsel = a + 9;
			} else if (i + 1 < argc && argv[i + 1][0] != '-' && !is_file(argv[i + 1]) &&
				   (strspn(argv[i + 1], "0123456789") == strlen(argv[i + 1]) || strchr(argv[i + 1], ':'))) {
				lsel = argv[++i];
			}
		} else if (!strcmp(a, "--window") && i + 1 < argc) {
			char *end;
			window = strtod(argv[++i], &end);
			if (*end || !(window > 0) || window > 3600) {
				fprintf(stderr, "synack: compare: bad --window '%s'\n", argv[i]);
				free(expr);
				return 2;
			}
		} else if (!strcmp(a, "-n") || !strcmp(a, "-nn") || !strcmp(a, "--")) {
			/* numeric output is the only kind compare prints */
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "synack: compare: unknown option '%s'\n", a);
			compare_usage(stderr);
			free(expr);
			return 2;
		} else if (!nexpr && nf < 64 && is_file(a)) {
			files[nf++] = a;
		} else {
			expr[nexpr++] = argv[i];
		}
	}
	if (nf < 2) {
		fprintf(stderr, "synack: compare: needs at least two capture files%s%s\n", nexpr ? ", not found: " : "",
			nexpr ? expr[0] : "");
		compare_usage(stderr);
		free(expr);
		return 2;
	}
	size_t len = 1;
	for (int i = 0; i < nexpr; i++)
		len += strlen(expr[i]) + 1;
	char *filter = calloc(len, 1);
	if (!filter) {
		free(expr);
		return 2;
	}
	size_t off = 0;
	for (int i = 0; i < nexpr; i++) {
		size_t k = strlen(expr[i]);
		if (i)
			filter[off++] = ' ';
		memcpy(filter + off, expr[i], k);
		off += k;
	}
	out_init(&o, 1);
	int status = 0;
	for (int i = 0; i + 1 < nf; i++) {
		if (nf > 2 && !json)
			out_fmt(&o, "%s=== %s vs %s ===\n", i ? "\n" : "", files[i], files[i + 1]);
		int s = compare_pair(files[i], files[i + 1], filter, json, ladder, lsel, window, &o);
		if (s > status)
			status = s;
	}
	if (out_flush(&o) < 0 && status < 2) {
		fprintf(stderr, "synack: compare: write error: %s\n", strerror(o.err));
		status = 2;
	}
	free(filter);
	free(expr);
	return status;
}
