/*
 * detect.c - packet-level detectors for diagnose (see detect.h).
 *
 * Five small state machines fed by det_packet():
 *
 *   neighbour   ARP (RFC 826) requests / replies and IPv6 neighbour
 *               solicitations / advertisements (RFC 4861), per address:
 *               requests, answers, the MACs that answered.
 *   dns         DNS over UDP port 53 (RFC 1035): queries waiting for an
 *               answer (client, server, client port, id) and, per name and
 *               type, the failures since the last successful answer.
 *   tls         TCP connections whose client sent a ClientHello (RFC 8446
 *               4.1.2) and whose server has not answered with a ServerHello.
 *   ttl         ICMP time exceeded (RFC 792) / ICMPv6 hop limit exceeded
 *               (RFC 4443) quoting TCP or UDP, per quoted destination.
 *
 *   ARP over Ethernet/IPv4:                 DNS header:
 *    0 htype(2) ptype(2) hlen(1) plen(1)     0 id(2) flags(2) qd(2) an(2)
 *    6 op(2)  8 sha(6) 14 spa(4)             8 ns(2) ar(2) 12 question...
 *   18 tha(6) 24 tpa(4)                      flags: QR(15) opcode(11-14) rcode(0-3)
 *
 *   TLS record: type(1) version(2) length(2) | handshake: type(1) length(3) body
 *
 * All bytes are read through reader.h.  struct pkt gives addresses, ports and
 * the transport payload; the few fields it does not carry (ARP sender MAC,
 * the neighbour advertisement's target, the quoted header's TTL) are read
 * from the bytes after locating the network header again (find_l3): det_packet
 * is not told the link type, so the known link header lengths are tried and
 * the one whose header matches what decode found (addresses, protocol) wins.
 *
 * Memory: every table is allocated once in det_new with a fixed capacity; what
 * does not fit is counted in d->dropped (det_dropped()).
 */
#include "detect.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../decode/reader.h"

#define NB_CAP 2048     /* addresses asked for / answered */
#define DQ_CAP 4096     /* DNS queries waiting for an answer */
#define DN_CAP 2048     /* DNS names (+ type) */
#define TLS_CAP 1024    /* connections between ClientHello and ServerHello */
#define EV_CAP 512      /* TLS / TTL events (aggregated) */

/* Requests count as a failed resolution only in a run with gaps of at most
 * NB_RUN_GAP: a host that gets no answer asks again within a second or so,
 * while a bystander sees one broadcast request per resolution, minutes apart,
 * and never the unicast reply. */
#define NB_RUN_GAP 5.0

#define DNS_PORT 53
#define DUP_WINDOW 0.05 /* the same query again within 50 ms: a capture copy (-i any), not a retry */

/* ---- a fixed-capacity hash table ---------------------------------------
 * Entries live in one array (stride bytes each, the key in the first klen
 * bytes, zero-padded by the caller); slots hold entry index + 1 (0 = empty),
 * linear probing, twice as many slots as entries; removal shifts the probe
 * run back so no tombstones are needed. */
struct tab {
	uint8_t *ent;
	uint32_t *hash;     /* per entry */
	uint32_t *slot;
	uint32_t *freel;    /* free entry indexes (stack) */
	uint32_t nfree, cap, mask;
	size_t stride, klen;
};

static int tab_init(struct tab *t, uint32_t cap, size_t stride, size_t klen)
{
	uint32_t ns = 1;
	while (ns < 2 * cap)
		ns <<= 1;
	t->ent = calloc(cap, stride);
	t->hash = calloc(cap, sizeof *t->hash);
	t->slot = calloc(ns, sizeof *t->slot);
	t->freel = calloc(cap, sizeof *t->freel);
	if (!t->ent || !t->hash || !t->slot || !t->freel)
		return -1;
	t->cap = cap;
	t->mask = ns - 1;
	t->stride = stride;
	t->klen = klen;
	for (uint32_t i = 0; i < cap; i++)
		t->freel[i] = cap - 1 - i;
	t->nfree = cap;
	return 0;
}

static void tab_release(struct tab *t)
{
	free(t->ent);
	free(t->hash);
	free(t->slot);
	free(t->freel);
}

static uint32_t hash_bytes(const uint8_t *p, size_t n)
{
	/* 8 bytes at a time, multiply-xorshift mixing; the keys are local
	 * structs, not packet bytes */
	uint64_t h = 0x9e3779b97f4a7c15u ^ n;
	size_t i = 0;
	for (; n - i >= 8; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3u;
	h ^= h >> 29;
	h *= 0xc4ceb9fe1a85ec53u;
	h ^= h >> 32;
	return (uint32_t)h;
}

static void *tab_at(const struct tab *t, uint32_t idx)
{
	return t->ent + (size_t)idx * t->stride;
}

/* The entry with this key; a new zeroed one (key filled in, *isnew = 1) when
 * create and there is room; NULL otherwise.  *slotp: its slot. */
static void *tab_get_n(struct tab *t, const void *key, size_t hlen, int create, int *isnew, uint32_t *slotp)
{
	uint32_t h = hash_bytes(key, hlen);
	uint32_t i = h & t->mask;
	if (isnew)
		*isnew = 0;
	for (;;) {
		uint32_t s = t->slot[i];
		if (!s)
			break;
		if (t->hash[s - 1] == h && memcmp(tab_at(t, s - 1), key, t->klen) == 0) {
			if (slotp)
				*slotp = i;
			return tab_at(t, s - 1);
		}
		i = (i + 1) & t->mask;
	}
	if (!create || t->nfree == 0)
		return NULL;
	uint32_t e = t->freel[--t->nfree];
	uint8_t *p = tab_at(t, e);
	memset(p, 0, t->stride);
	memcpy(p, key, t->klen);
	t->hash[e] = h;
	t->slot[i] = e + 1;
	if (isnew)
		*isnew = 1;
	if (slotp)
		*slotp = i;
	return p;
}

static void tab_del(struct tab *t, uint32_t i)
{
	uint32_t e = t->slot[i] - 1;
	t->freel[t->nfree++] = e;
	uint32_t j = i;
	for (;;) {
		j = (j + 1) & t->mask;
		uint32_t s = t->slot[j];
		if (!s)
			break;
		uint32_t home = t->hash[s - 1] & t->mask;
		/* move s back into the hole at i unless its home lies in (i, j] */
		int stay = i <= j ? (home > i && home <= j) : (home > i || home <= j);
		if (!stay) {
			t->slot[i] = s;
			i = j;
		}
	}
	t->slot[i] = 0;
}

/* The same, hashing the whole key. */
static void *tab_get(struct tab *t, const void *key, int create, int *isnew, uint32_t *slotp)
{
	return tab_get_n(t, key, t->klen, create, isnew, slotp);
}

/* Removes the entry whose time (a double at toff) is the oldest: a table
 * full of waits that will never end (a one-way capture, a silent server)
 * makes room for new ones. */
static void tab_evict_oldest(struct tab *t, size_t toff)
{
	uint32_t best = 0;
	double bt = 0;
	int found = 0;
	for (uint32_t i = 0; i <= t->mask; i++) {
		if (!t->slot[i])
			continue;
		double v;
		memcpy(&v, (const uint8_t *)tab_at(t, t->slot[i] - 1) + toff, sizeof v);
		if (!found || v < bt) {
			best = i;
			bt = v;
			found = 1;
		}
	}
	if (found)
		tab_del(t, best);
}

/* Calls fn for every entry in use. */
static void tab_each(struct tab *t, void (*fn)(void *ctx, void *ent), void *ctx)
{
	for (uint32_t i = 0; i <= t->mask; i++)
		if (t->slot[i])
			fn(ctx, tab_at(t, t->slot[i] - 1));
}

/* ---- state --------------------------------------------------------------- */

struct nb_key {
	uint8_t v6, pad[3];
	int32_t ifindex;        /* neighbours are per link: -i any captures carry it (cooked v2) */
	uint8_t addr[16];
};

struct nb {
	struct nb_key k;
	uint64_t nreq;
	double rq_first, rq_last;
	uint64_t rq_pkts[DET_MAX_PKTS];
	int nrq;
	double run_start;       /* the current run of requests (gaps <= NB_RUN_GAP) */
	uint64_t run_n;
	int burst;              /* some run had >= 3 requests or lasted >= 1 s */
	uint8_t asker[16], asker_mac[6];
	uint64_t nrep;
	double rp_first, rp_last;
	int nmac;
	uint8_t mac[2][6];
	uint64_t rp_pkts[2][DET_MAX_PKTS / 2];
	int nrp[2];
};

struct dq_key {
	uint8_t v6, pad;
	uint16_t cport, id, pad2;
	uint8_t client[16], server[16];
};

struct dq {
	struct dq_key k;
	double t;               /* the last try */
	double t0;              /* the first try */
	uint32_t tries;         /* tries with this id (a resolver retries with the same id) */
	uint32_t name;          /* index into the names table + 1 (0 none) */
};

#define DNS_NAME_MAX 256

/* Per name, whatever the type: NXDOMAIN is about the name, and a client that
 * asks for A and AAAA at once connects when either works. */
struct dn_key {
	char name[DNS_NAME_MAX];   /* zero-padded: only the used part is hashed */
};

enum { DN_NX, DN_SERVFAIL, DN_REFUSED, DN_NOANSWER, DN_NKIND };

struct dn {
	struct dn_key k;
	int ever_ok;
	double ok_last;         /* the last successful answer */
	/* since the last successful answer: */
	uint64_t fail[DN_NKIND];
	uint64_t queries;
	double first, last;
	double noans_first;     /* the first query never answered (set at the end) */
	uint64_t pkts[DET_MAX_PKTS];
	int npkts;
	int v6;
	uint8_t server[16], client[16];
	uint16_t cport;
	int qtype;              /* of the first query or failure since the last success */
	int have_ends;
};

struct tls_key {
	uint8_t v6, pad;
	uint16_t cport, sport, pad2;
	uint8_t client[16], server[16];
};

struct tls {
	struct tls_key k;
	double t;
	uint64_t hello_pkt;
	char sni[sizeof ((struct det_event *)0)->name];
};

struct det {
	struct tab nb, dq, dn, tls;
	struct det_event *ev;   /* TLS and TTL events, aggregated */
	int nev;
	double t_last;
	int have_t;
	uint64_t dropped;
};

/* ---- small helpers -------------------------------------------------------- */

static void add_pkt(uint64_t *pkts, int *n, int cap, uint64_t num)
{
	if (*n < cap && (*n == 0 || pkts[*n - 1] != num))
		pkts[(*n)++] = num;
}

static size_t addr_len(int v6)
{
	return v6 ? 16 : 4;
}

/* Appends the printable form of byte c to out (lower case; '\\',
 * non-printable bytes and, inside a DNS label (label != 0), '.' as \DDD, as
 * dig shows them); stops when full. */
static void put_char(char *out, size_t outsz, size_t *n, uint8_t c, int label)
{
	char tmp[5];
	size_t k = 0;
	if (c >= 'A' && c <= 'Z')
		c = (uint8_t)(c - 'A' + 'a');
	if (c > 0x20 && c < 0x7f && !(label && c == '.') && c != '\\') {
		if (*n + 1 >= outsz) /* the usual case: one byte, no escape */
			return;
		out[(*n)++] = (char)c;
		out[*n] = 0;
		return;
	} else {
		tmp[k++] = '\\';
		tmp[k++] = (char)('0' + c / 100);
		tmp[k++] = (char)('0' + c / 10 % 10);
		tmp[k++] = (char)('0' + c % 10);
	}
	if (*n + k >= outsz)
		return;
	memcpy(out + *n, tmp, k);
	*n += k;
	out[*n] = 0;
}

/* Where the network header starts in the packet bytes: the link header lengths
 * synack decodes (raw 0, null/loop 4, Ethernet 14 + up to four VLAN tags,
 * cooked v1 16, v2 20), checked against what decode found.  -1 when none fits. */
static const size_t link_lens[] = {14, 18, 16, 20, 0, 4, 22, 26, 30};

static long find_ip(const struct pkt *pk, const struct rd *r)
{
	for (size_t i = 0; i < sizeof link_lens / sizeof link_lens[0]; i++) {
		size_t o = link_lens[i];
		uint8_t v;
		if (rd_u8(r, o, &v) || (v >> 4) != pk->l3)
			continue;
		struct rd ip = rd_sub(r, o, r->len);
		if (pk->l3 == 4) {
			if (rd_have(&ip, 0, 20) && memcmp(ip.p + 12, pk->src, 4) == 0 && memcmp(ip.p + 16, pk->dst, 4) == 0)
				return (long)o;
		} else if (rd_have(&ip, 0, 40) && memcmp(ip.p + 8, pk->src, 16) == 0 &&
			   memcmp(ip.p + 24, pk->dst, 16) == 0) {
			return (long)o;
		}
	}
	return -1;
}

/* The ICMP / ICMPv6 header of pk inside r, as a sub-range; len 0 when not found. */
static struct rd find_icmp(const struct pkt *pk, const struct rd *r)
{
	struct rd none = {r->p, 0};
	long o = find_ip(pk, r);
	if (o < 0)
		return none;
	struct rd ip = rd_sub(r, (size_t)o, r->len);
	if (pk->l3 == 4) {
		uint8_t vhl, proto;
		if (rd_u8(&ip, 0, &vhl) || rd_u8(&ip, 9, &proto) || proto != 1 || (vhl & 15) < 5)
			return none;
		return rd_sub(&ip, (vhl & 15) * 4u, ip.len);
	}
	uint8_t nh;
	size_t off = 40;
	if (rd_u8(&ip, 6, &nh))
		return none;
	for (int i = 0; i < 8 && nh != 58; i++) { /* extension headers, as decode walks them */
		uint8_t next, l8;
		if ((nh != 0 && nh != 43 && nh != 60 && nh != 44) || rd_u8(&ip, off, &next) || rd_u8(&ip, off + 1, &l8))
			return none;
		off += nh == 44 ? 8 : (l8 + 1u) * 8u;
		nh = next;
	}
	if (nh != 58)
		return none;
	return rd_sub(&ip, off, ip.len);
}

static double capture_span_end(const struct det *d)
{
	return d->t_last;
}

/* ---- neighbours ------------------------------------------------------------ */

static struct nb *nb_get(struct det *d, const struct pkt *pk, int v6, const uint8_t *addr)
{
	struct nb_key k;
	memset(&k, 0, sizeof k);
	k.v6 = (uint8_t)v6;
	k.ifindex = pk->ifindex;
	memcpy(k.addr, addr, addr_len(v6));
	int isnew;
	struct nb *n = tab_get(&d->nb, &k, 1, &isnew, NULL);
	if (!n)
		d->dropped++;
	return n;
}

static void nb_request(struct det *d, const struct pkt *pk, int v6, const uint8_t *target, const uint8_t *asker,
		       double t)
{
	struct nb *n = nb_get(d, pk, v6, target);
	if (!n)
		return;
	if (n->nreq == 0) {
		n->rq_first = t;
		memcpy(n->asker, asker, addr_len(v6));
		if (pk->has_mac)
			memcpy(n->asker_mac, pk->src_mac, 6);
	}
	if (n->nreq == 0 || t - n->rq_last > NB_RUN_GAP) {
		n->run_start = t;
		n->run_n = 0;
	}
	n->run_n++;
	if (n->run_n >= 3 || t - n->run_start >= 1.0)
		n->burst = 1;
	n->nreq++;
	n->rq_last = t;
	add_pkt(n->rq_pkts, &n->nrq, DET_MAX_PKTS, pk->num);
}

/* A station's own address: not all zero, not a group (broadcast/multicast) address. */
static int mac_station(const uint8_t *mac)
{
	static const uint8_t zero[6];
	return mac && !(mac[0] & 1) && memcmp(mac, zero, 6) != 0;
}

/* The MAC that answers: the one the reply names (ARP sender / target
 * link-layer option) when it is a station's, else the frame's source. */
static const uint8_t *answer_mac(const struct pkt *pk, const uint8_t *named)
{
	if (mac_station(named))
		return named;
	return pk->has_mac && mac_station(pk->src_mac) ? pk->src_mac : NULL;
}

static void nb_reply(struct det *d, const struct pkt *pk, int v6, const uint8_t *addr, const uint8_t *mac, double t)
{
	struct nb *n = nb_get(d, pk, v6, addr);
	if (!n)
		return;
	if (n->nrep == 0)
		n->rp_first = t;
	n->nrep++;
	n->rp_last = t;
	if (!mac)
		return;
	int m;
	for (m = 0; m < n->nmac; m++)
		if (memcmp(n->mac[m], mac, 6) == 0)
			break;
	if (m == n->nmac) {
		if (m == 2)
			return; /* a third MAC: two are enough to prove it */
		memcpy(n->mac[m], mac, 6);
		n->nmac++;
	}
	add_pkt(n->rp_pkts[m], &n->nrp[m], DET_MAX_PKTS / 2, pk->num);
}

static const uint8_t zero16[16];

static void det_arp(struct det *d, const struct pkt *pk, const struct rd *r, double t)
{
	int gratuitous = memcmp(pk->arp_spa, pk->arp_tpa, 4) == 0;
	if (pk->arp_op == 1) {
		/* a probe (sender 0.0.0.0, RFC 5227) hopes for silence; a gratuitous
		 * request announces the sender's own address */
		if (!gratuitous && memcmp(pk->arp_spa, zero16, 4) != 0)
			nb_request(d, pk, 0, pk->arp_tpa, pk->arp_spa, t);
		return;
	}
	if (pk->arp_op != 2)
		return;
	/* The sender hardware address: find the ARP header (decode does not say
	 * where it is) by its fixed Ethernet/IPv4 shape and the addresses decode read. */
	const uint8_t *mac = NULL;
	uint8_t sha[6];
	for (size_t i = 0; i < sizeof link_lens / sizeof link_lens[0]; i++) {
		struct rd a = rd_sub(r, link_lens[i], 28);
		uint16_t ptype, op;
		uint8_t hl, pl;
		if (a.len < 28 || rd_be16(&a, 2, &ptype) || rd_u8(&a, 4, &hl) || rd_u8(&a, 5, &pl) ||
		    rd_be16(&a, 6, &op) || ptype != 0x0800 || hl != 6 || pl != 4 || op != 2 ||
		    memcmp(a.p + 14, pk->arp_spa, 4) != 0 || memcmp(a.p + 24, pk->arp_tpa, 4) != 0)
			continue;
		if (rd_copy(&a, 8, sha, 6) == 0)
			mac = sha;
		break;
	}
	nb_reply(d, pk, 0, pk->arp_spa, answer_mac(pk, mac), t);
}

static void det_nd(struct det *d, const struct pkt *pk, const struct rd *r, double t)
{
	if (pk->nd_ns) {
		/* from :: it is duplicate address detection, which hopes for silence */
		if (memcmp(pk->src, zero16, 16) != 0)
			nb_request(d, pk, 1, pk->quote.dst, pk->src, t);
		return;
	}
	struct rd ic = find_icmp(pk, r);
	uint8_t target[16];
	if (rd_copy(&ic, 8, target, 16))
		return;
	/* the target link-layer address option (type 2) names the MAC */
	const uint8_t *mac = NULL;
	uint8_t tlla[6];
	size_t off = 24;
	for (int i = 0; i < 16; i++) {
		uint8_t type, len8;
		if (rd_u8(&ic, off, &type) || rd_u8(&ic, off + 1, &len8) || len8 == 0)
			break;
		if (type == 2 && len8 == 1 && rd_copy(&ic, off + 2, tlla, 6) == 0) {
			mac = tlla;
			break;
		}
		off += len8 * 8u;
	}
	nb_reply(d, pk, 1, target, answer_mac(pk, mac), t);
}

/* ---- DNS ------------------------------------------------------------------- */

/* The name at off in the message m: lower case, dotted, "." for the root.
 * Compression pointers (RFC 1035 4.1.4) must each point before the previous
 * one (and before the name), so a loop is impossible; the steps are bounded
 * as well.  Returns 0, or -1 for a malformed or truncated name. */
static int dns_name(const struct rd *m, size_t off, char *out, size_t outsz)
{
	size_t o = off, lim = off, n = 0, wire = 0;
	out[0] = 0;
	for (int steps = 0; steps < 128; steps++) {
		uint8_t len;
		if (rd_u8(m, o, &len))
			return -1;
		if ((len & 0xc0) == 0xc0) {
			uint8_t lo;
			if (rd_u8(m, o + 1, &lo))
				return -1;
			size_t ptr = (size_t)(len & 0x3f) << 8 | lo;
			if (ptr >= lim)
				return -1;
			lim = o = ptr;
			continue;
		}
		if (len & 0xc0)
			return -1; /* extended label types: not in questions */
		if (len == 0) {
			if (n == 0 && outsz > 1) {
				out[0] = '.';
				out[1] = 0;
			}
			return 0;
		}
		wire += 1u + len;
		if (wire > 255 || !rd_have(m, o + 1, len))
			return -1;
		if (n && n + 1 < outsz) {
			out[n++] = '.';
			out[n] = 0;
		}
		for (size_t i = 0; i < len; i++) {
			uint8_t c = 0;
			rd_u8(m, o + 1 + i, &c); /* in range: rd_have above */
			put_char(out, outsz, &n, c, 1);
		}
		o += 1u + len;
	}
	return -1;
}

struct dns_msg {
	uint16_t id, flags, qtype;
	char name[DNS_NAME_MAX];
};

static int dns_parse(const struct rd *m, struct dns_msg *msg)
{
	uint16_t qd;
	if (rd_be16(m, 0, &msg->id) || rd_be16(m, 2, &msg->flags) || rd_be16(m, 4, &qd) || qd == 0)
		return -1;
	if ((msg->flags >> 11 & 15) != 0)
		return -1; /* only standard queries */
	if (dns_name(m, 12, msg->name, sizeof msg->name))
		return -1;
	/* the type follows the name where it ends in the message: the question
	 * name is normally not compressed, so find its end by walking labels */
	size_t o = 12;
	for (int i = 0; i < 128; i++) {
		uint8_t len;
		if (rd_u8(m, o, &len))
			return -1;
		if ((len & 0xc0) == 0xc0) {
			o += 2;
			break;
		}
		o += 1u + len;
		if (len == 0)
			break;
	}
	if (rd_be16(m, o, &msg->qtype))
		return -1;
	return 0;
}

static struct dn *dn_get(struct det *d, const struct dns_msg *msg, uint32_t *idx)
{
	struct dn_key k;
	memset(&k, 0, sizeof k);
	size_t l = strlen(msg->name);
	memcpy(k.name, msg->name, l < sizeof k.name ? l : sizeof k.name - 1);
	struct dn *n = tab_get_n(&d->dn, &k, strlen(k.name), 1, NULL, NULL);
	if (!n) {
		d->dropped++;
		return NULL;
	}
	if (idx)
		*idx = (uint32_t)(((uint8_t *)n - d->dn.ent) / d->dn.stride) + 1;
	return n;
}

static void dn_involve(struct dn *n, const struct pkt *pk, double t, int qtype, int v6, const uint8_t *server,
		       const uint8_t *client, uint16_t cport)
{
	if (!n->have_ends) {
		n->have_ends = 1;
		n->first = t;
		n->qtype = qtype;
		n->v6 = v6;
		memcpy(n->server, server, addr_len(v6));
		memcpy(n->client, client, addr_len(v6));
		n->cport = cport;
	}
	n->last = t;
	add_pkt(n->pkts, &n->npkts, DET_MAX_PKTS, pk->num);
}

static void dn_success(struct dn *n, double t)
{
	n->ever_ok = 1;
	n->ok_last = t;
	memset(n->fail, 0, sizeof n->fail);
	n->queries = 0;
	n->npkts = 0;
	n->have_ends = 0;
}

static void det_dns(struct det *d, const struct pkt *pk, const struct rd *r, double t)
{
	struct rd m = rd_sub(r, pk->pay_off, pk->pay_len);
	struct dns_msg msg;
	if (m.len < 12 || dns_parse(&m, &msg))
		return;
	int v6 = pk->l3 == 6;
	int response = msg.flags >> 15;
	if (!response && pk->dport != DNS_PORT)
		return;
	if (response && pk->sport != DNS_PORT)
		return;
	struct dq_key k;
	memset(&k, 0, sizeof k);
	k.v6 = (uint8_t)v6;
	k.id = msg.id;
	k.cport = response ? pk->dport : pk->sport;
	memcpy(k.client, response ? pk->dst : pk->src, addr_len(v6));
	memcpy(k.server, response ? pk->src : pk->dst, addr_len(v6));
	uint32_t idx = 0;
	struct dn *n = dn_get(d, &msg, &idx);
	if (!response) {
		int isnew;
		struct dq *q = tab_get(&d->dq, &k, 1, &isnew, NULL);
		if (!q) {
			d->dropped++;
			tab_evict_oldest(&d->dq, offsetof(struct dq, t));
			q = tab_get(&d->dq, &k, 1, &isnew, NULL);
			if (!q)
				return;
		}
		if (!isnew && t - q->t < DUP_WINDOW)
			return; /* the same packet seen twice (-i any) */
		if (isnew) {
			q->t0 = t;
			q->tries = 0;
		}
		q->tries++;
		q->t = t;
		q->name = idx;
		if (n) {
			n->queries++;
			dn_involve(n, pk, t, msg.qtype, v6, k.server, k.client, k.cport);
		}
		return;
	}
	uint32_t slot;
	struct dq *q = tab_get(&d->dq, &k, 0, NULL, &slot);
	double asked = q ? q->t : t;
	if (q)
		tab_del(&d->dq, slot);
	if (!n)
		return;
	int rcode = msg.flags & 15;
	int kind = rcode == 3 ? DN_NX : rcode == 2 ? DN_SERVFAIL : rcode == 5 ? DN_REFUSED : -1;
	/* a reverse lookup (PTR) for an address without a name is routine and
	 * no connection waits for it; one that times out or fails still counts
	 * (a slow PTR lookup delays e.g. an SSH login) */
	if (kind == DN_NX && msg.qtype == 12)
		kind = -1;
	/* names starting with '_' (SRV, DMARC, DNS-SD ...) are asked to learn
	 * whether something exists: "no" is an answer */
	if (kind == DN_NX && msg.name[0] == '_')
		kind = -1;
	/* asked before the name's last success (A and AAAA at once): the client
	 * already has what it needs */
	if (n->ever_ok && asked <= n->ok_last)
		kind = -1;
	if (rcode == 0) {
		dn_success(n, t);
	} else if (kind >= 0) {
		n->fail[kind]++;
		dn_involve(n, pk, t, msg.qtype, v6, k.server, k.client, k.cport);
	}
}

/* ---- TLS ------------------------------------------------------------------- */

static const struct {
	uint8_t code;
	const char *name;
} tls_alerts[] = {
	{0, "close_notify"},          {10, "unexpected_message"},  {20, "bad_record_mac"},
	{22, "record_overflow"},      {40, "handshake_failure"},   {42, "bad_certificate"},
	{43, "unsupported_certificate"}, {44, "certificate_revoked"}, {45, "certificate_expired"},
	{46, "certificate_unknown"},  {47, "illegal_parameter"},   {48, "unknown_ca"},
	{49, "access_denied"},        {50, "decode_error"},        {51, "decrypt_error"},
	{70, "protocol_version"},     {71, "insufficient_security"}, {80, "internal_error"},
	{86, "inappropriate_fallback"}, {90, "user_canceled"},     {109, "missing_extension"},
	{110, "unsupported_extension"}, {112, "unrecognized_name"}, {113, "bad_certificate_status_response"},
	{115, "unknown_psk_identity"}, {116, "certificate_required"}, {120, "no_application_protocol"},
};

static void alert_name(uint8_t code, char *out, size_t outsz)
{
	for (size_t i = 0; i < sizeof tls_alerts / sizeof tls_alerts[0]; i++) {
		if (tls_alerts[i].code == code) {
			snprintf(out, outsz, "%s", tls_alerts[i].name);
			return;
		}
	}
	snprintf(out, outsz, "alert %u", code);
}

/* A TLS record header at the start of the payload: its content type, and the
 * record body (clipped to what was captured).  Only records that start a
 * segment are seen: the detector does not reassemble TCP. */
static int tls_record(const struct rd *pay, uint8_t *type, struct rd *body)
{
	uint8_t ct, major, minor;
	uint16_t len;
	if (rd_u8(pay, 0, &ct) || rd_u8(pay, 1, &major) || rd_u8(pay, 2, &minor) || rd_be16(pay, 3, &len))
		return -1;
	if ((ct != 21 && ct != 22) || major != 3 || minor > 4 || len < 2 || len > 16384 + 2048)
		return -1;
	*type = ct;
	*body = rd_sub(pay, 5, len);
	return 0;
}

/* The server_name (RFC 6066 3) of a ClientHello body; "" when absent or cut. */
static void tls_sni(const struct rd *hs, char *out, size_t outsz)
{
	out[0] = 0;
	uint32_t hlen;
	if (rd_be32(hs, 0, &hlen))
		return;
	struct rd b = rd_sub(hs, 4, hlen & 0xffffff);
	size_t off = 2 + 32; /* legacy_version, random */
	uint8_t l8;
	uint16_t l16;
	if (rd_u8(&b, off, &l8))
		return;
	off += 1u + l8; /* session id */
	if (rd_be16(&b, off, &l16))
		return;
	off += 2u + l16; /* cipher suites */
	if (rd_u8(&b, off, &l8))
		return;
	off += 1u + l8; /* compression methods */
	if (rd_be16(&b, off, &l16))
		return;
	struct rd ext = rd_sub(&b, off + 2, l16);
	size_t eo = 0;
	for (int i = 0; i < 128; i++) {
		uint16_t type, len;
		if (rd_be16(&ext, eo, &type) || rd_be16(&ext, eo + 2, &len))
			return;
		if (type == 0) {
			struct rd list = rd_sub(&ext, eo + 4, len);
			uint16_t llen, nlen;
			uint8_t nt;
			if (rd_be16(&list, 0, &llen) || rd_u8(&list, 2, &nt) || nt != 0 || rd_be16(&list, 3, &nlen) ||
			    !rd_have(&list, 5, nlen))
				return;
			size_t n = 0;
			for (size_t j = 0; j < nlen; j++) {
				uint8_t c = 0;
				rd_u8(&list, 5 + j, &c); /* in range: rd_have above */
				put_char(out, outsz, &n, c, 0);
			}
			return;
		}
		eo += 4u + len;
	}
}

static struct det_event *ev_find(struct det *d, enum det_kind kind, int v6, const uint8_t *addr, uint16_t port,
				 uint8_t proto, const char *name, const char *detail)
{
	for (int i = 0; i < d->nev; i++) {
		struct det_event *e = &d->ev[i];
		if (e->kind == kind && e->v6 == v6 && memcmp(e->addr, addr, 16) == 0 && e->port == port &&
		    e->quoted_proto == proto && strcmp(e->name, name) == 0 && strcmp(e->detail, detail) == 0)
			return e;
	}
	if (d->nev == EV_CAP) {
		d->dropped++;
		return NULL;
	}
	struct det_event *e = &d->ev[d->nev++];
	memset(e, 0, sizeof *e);
	e->kind = kind;
	e->v6 = v6;
	memcpy(e->addr, addr, 16);
	e->port = port;
	e->quoted_proto = proto;
	snprintf(e->name, sizeof e->name, "%s", name);
	snprintf(e->detail, sizeof e->detail, "%s", detail);
	return e;
}

static void tls_reject(struct det *d, const struct pkt *pk, const struct tls *c, const char *detail, double t)
{
	struct det_event *e = ev_find(d, DET_TLS_REJECTED, c->k.v6, c->k.server, c->k.sport, 0, c->sni, detail);
	if (!e)
		return;
	if (e->count == 0) {
		e->first = c->t;
		memcpy(e->peer, c->k.client, 16);
		e->peer_port = c->k.cport;
	}
	e->count++;
	e->last = t;
	add_pkt(e->pkts, &e->npkts, DET_MAX_PKTS, c->hello_pkt);
	add_pkt(e->pkts, &e->npkts, DET_MAX_PKTS, pk->num);
}

static void det_tls(struct det *d, const struct pkt *pk, const struct rd *r, double t)
{
	int v6 = pk->l3 == 6;
	uint8_t flags = pk->tcp.flags;
	/* the common case, first: no ClientHello waiting and this is not one */
	if (d->tls.nfree == d->tls.cap) {
		uint8_t first = 0;
		if (pk->pay_len < 6 || rd_u8(r, pk->pay_off, &first) || first != 22)
			return;
	}
	struct rd pay = rd_sub(r, pk->pay_off, pk->pay_len);
	uint8_t ctype = 0, hst = 0;
	struct rd body = {pay.p, 0};
	if (pay.len >= 6 && tls_record(&pay, &ctype, &body) == 0)
		rd_u8(&body, 0, &hst);
	struct tls_key k;
	memset(&k, 0, sizeof k);
	k.v6 = (uint8_t)v6;
	if (ctype == 22 && hst == 1) { /* ClientHello: this side is the client */
		uint8_t maj;
		if (rd_u8(&body, 4, &maj) || maj != 3)
			return;
		k.cport = pk->tcp.sport;
		k.sport = pk->tcp.dport;
		memcpy(k.client, pk->src, addr_len(v6));
		memcpy(k.server, pk->dst, addr_len(v6));
		int isnew;
		struct tls *c = tab_get(&d->tls, &k, 1, &isnew, NULL);
		if (!c) {
			d->dropped++;
			tab_evict_oldest(&d->tls, offsetof(struct tls, t));
			c = tab_get(&d->tls, &k, 1, &isnew, NULL);
			if (!c)
				return;
		}
		if (isnew) {
			c->t = t;
			c->hello_pkt = pk->num;
			tls_sni(&body, c->sni, sizeof c->sni);
		}
		return;
	}
	if (d->tls.nfree == d->tls.cap)
		return; /* no ClientHello waiting */
	if (!(flags & (TCPF_RST | TCPF_FIN)) && ctype == 0 && pk->tcp.paylen == 0)
		return; /* a bare ACK */
	/* from the server? */
	k.cport = pk->tcp.dport;
	k.sport = pk->tcp.sport;
	memcpy(k.client, pk->dst, addr_len(v6));
	memcpy(k.server, pk->src, addr_len(v6));
	uint32_t slot;
	struct tls *c = tab_get(&d->tls, &k, 0, NULL, &slot);
	if (!c) {
		/* from the client: a close from its side ends the wait, no event */
		struct tls_key ck = k;
		ck.cport = pk->tcp.sport;
		ck.sport = pk->tcp.dport;
		memcpy(ck.client, pk->src, addr_len(v6));
		memcpy(ck.server, pk->dst, addr_len(v6));
		if ((flags & (TCPF_RST | TCPF_FIN)) && tab_get(&d->tls, &ck, 0, NULL, &slot))
			tab_del(&d->tls, slot);
		return;
	}
	char detail[sizeof ((struct det_event *)0)->detail];
	if (ctype == 22 && hst == 2) {
		tab_del(&d->tls, slot); /* ServerHello: the handshake goes on */
		return;
	}
	if (ctype == 21) {
		uint8_t desc;
		if (rd_u8(&body, 1, &desc))
			return;
		alert_name(desc, detail, sizeof detail);
	} else if (pk->tcp.paylen > 0) {
		/* the server answered with something else, or the capture cut the
		 * bytes that would say what: not a rejection this can name */
		tab_del(&d->tls, slot);
		return;
	} else if (flags & TCPF_RST) {
		snprintf(detail, sizeof detail, "reset after ClientHello");
	} else if (flags & TCPF_FIN) {
		snprintf(detail, sizeof detail, "closed after ClientHello");
	} else {
		return;
	}
	struct tls copy = *c;
	tab_del(&d->tls, slot);
	tls_reject(d, pk, &copy, detail, t);
}

/* ---- TTL / hop limit expired ---------------------------------------------- */

/* Quoted UDP to these ports is traceroute's probing, which expects the error. */
#define TRACEROUTE_LO 33434
#define TRACEROUTE_HI 33534

static void det_ttl(struct det *d, const struct pkt *pk, const struct rd *r, double t)
{
	const struct icmp_quote *q = &pk->quote;
	if (!q->valid || (q->proto != 6 && q->proto != 17))
		return;
	if (q->proto == 17 && q->dport >= TRACEROUTE_LO && q->dport <= TRACEROUTE_HI)
		return;
	int v6 = pk->l3 == 6;
	uint8_t dst[16] = {0};
	memcpy(dst, q->dst, addr_len(v6));
	struct det_event *e = ev_find(d, DET_TTL_EXPIRED, v6, dst, q->dport, q->proto, "",
				      v6 ? "hop limit exceeded" : "time exceeded in transit");
	if (!e)
		return;
	if (e->count == 0) {
		e->first = t;
		memcpy(e->peer, pk->src, addr_len(v6));
		e->peer_port = q->sport;
		/* the quoted header's TTL: IPv4 byte 8, IPv6 byte 7 */
		struct rd ic = find_icmp(pk, r);
		uint8_t ttl;
		if (rd_u8(&ic, 8 + (v6 ? 7 : 8), &ttl) == 0)
			e->quoted_ttl = ttl;
	}
	e->count++;
	e->last = t;
	add_pkt(e->pkts, &e->npkts, DET_MAX_PKTS, pk->num);
}

/* ---- the interface ---------------------------------------------------------- */

struct det *det_new(void)
{
	struct det *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->ev = calloc(EV_CAP, sizeof *d->ev);
	if (!d->ev || tab_init(&d->nb, NB_CAP, sizeof(struct nb), sizeof(struct nb_key)) ||
	    tab_init(&d->dq, DQ_CAP, sizeof(struct dq), sizeof(struct dq_key)) ||
	    tab_init(&d->dn, DN_CAP, sizeof(struct dn), sizeof(struct dn_key)) ||
	    tab_init(&d->tls, TLS_CAP, sizeof(struct tls), sizeof(struct tls_key))) {
		det_free(d);
		return NULL;
	}
	return d;
}

void det_free(struct det *d)
{
	if (!d)
		return;
	tab_release(&d->nb);
	tab_release(&d->dq);
	tab_release(&d->dn);
	tab_release(&d->tls);
	free(d->ev);
	free(d);
}

uint64_t det_dropped(const struct det *d)
{
	return d ? d->dropped : 0;
}

void det_time(struct det *d, double t)
{
	if (!d->have_t || t > d->t_last)
		d->t_last = t;
	d->have_t = 1;
}

void det_packet(struct det *d, const struct pkt *pk, const uint8_t *data, uint32_t caplen)
{
	if (!d || !pk)
		return;
	double t = pkt_time(pk);
	det_time(d, t);
	/* the usual packet, a bare TCP ACK, carries nothing any detector reads */
	if (det_ignores(pk))
		return;
	struct rd r = {data, data ? caplen : 0};
	if (pk->is_arp) {
		det_arp(d, pk, &r, t);
		return;
	}
	if (pk->has_tcp) {
		if (pk->l3 && !pk->frag)
			det_tls(d, pk, &r, t);
		return;
	}
	if (pk->has_udp) {
		if ((pk->sport == DNS_PORT || pk->dport == DNS_PORT) && pk->pay_len >= 12 && !pk->frag)
			det_dns(d, pk, &r, t);
		return;
	}
	if (!pk->has_icmp)
		return;
	if (pk->l3 == 6 && pk->proto == 58) {
		if (pk->nd_ns || pk->icmp_type == 136)
			det_nd(d, pk, &r, t);
		else if (pk->icmp_type == 3 && pk->icmp_code == 0)
			det_ttl(d, pk, &r, t);
	} else if (pk->l3 == 4 && pk->proto == 1 && pk->icmp_type == 11 && pk->icmp_code == 0) {
		det_ttl(d, pk, &r, t);
	}
}

/* ---- events ----------------------------------------------------------------- */

struct collect {
	struct det *d;
	struct det_event *out;
	int n, cap;
	struct tab *names;
};

static struct det_event *collect_new(struct collect *c)
{
	if (c->n == c->cap) {
		int ncap = c->cap ? c->cap * 2 : 64;
		struct det_event *p = realloc(c->out, (size_t)ncap * sizeof *p);
		if (!p)
			return NULL;
		c->out = p;
		c->cap = ncap;
	}
	struct det_event *e = &c->out[c->n++];
	memset(e, 0, sizeof *e);
	return e;
}

static void merge_pkts(struct det_event *e, const uint64_t *a, int na, const uint64_t *b, int nb)
{
	int i = 0, j = 0;
	while (e->npkts < DET_MAX_PKTS && (i < na || j < nb)) {
		uint64_t v = j >= nb || (i < na && a[i] <= b[j]) ? a[i++] : b[j++];
		add_pkt(e->pkts, &e->npkts, DET_MAX_PKTS, v);
	}
}

static void collect_nb(void *ctx, void *ent)
{
	struct collect *c = ctx;
	struct nb *n = ent;
	if (n->nreq && !n->nrep && n->burst) {
		struct det_event *e = collect_new(c);
		if (!e)
			return;
		e->kind = DET_NEIGHBOR_UNREACHABLE;
		e->v6 = n->k.v6;
		memcpy(e->addr, n->k.addr, 16);
		memcpy(e->peer, n->asker, 16);
		memcpy(e->mac[0], n->asker_mac, 6);
		e->count = n->nreq;
		e->first = n->rq_first;
		e->last = n->rq_last;
		merge_pkts(e, n->rq_pkts, n->nrq, NULL, 0);
		snprintf(e->detail, sizeof e->detail, "%s", "no answer");
	}
	if (n->nmac == 2) {
		struct det_event *e = collect_new(c);
		if (!e)
			return;
		e->kind = DET_DUPLICATE_IP;
		e->v6 = n->k.v6;
		memcpy(e->addr, n->k.addr, 16);
		memcpy(e->mac, n->mac, sizeof e->mac);
		e->count = n->nrep;
		e->first = n->rp_first;
		e->last = n->rp_last;
		merge_pkts(e, n->rp_pkts[0], n->nrp[0], n->rp_pkts[1], n->nrp[1]);
		snprintf(e->detail, sizeof e->detail, "%s", "two MACs answer");
	}
}

/* Queries never answered count against their name, unless it was answered
 * successfully after them. */
static void collect_dq(void *ctx, void *ent)
{
	struct collect *c = ctx;
	struct dq *q = ent;
	if (!q->name)
		return;
	struct dn *n = tab_at(&c->d->dn, q->name - 1);
	if (n->ever_ok && n->ok_last >= q->t)
		return;
	if (n->fail[DN_NOANSWER] == 0 || q->t0 < n->noans_first)
		n->noans_first = q->t0;
	n->fail[DN_NOANSWER] += q->tries ? q->tries : 1;
}

static const char *const dn_detail[DN_NKIND] = {"NXDOMAIN", "SERVFAIL", "REFUSED", "no answer"};

/* "a.b.corp" failed while "a.b" was answered: the resolver's search list
 * trying suffixes first, not a failure. */
static int search_list_try(struct tab *names, const char *failed)
{
	size_t fl = strlen(failed);
	for (uint32_t i = 0; i <= names->mask; i++) {
		if (!names->slot[i])
			continue;
		const struct dn *s = tab_at(names, names->slot[i] - 1);
		if (!s->ever_ok)
			continue;
		size_t sl = strlen(s->k.name);
		if (sl < fl && failed[sl] == '.' && memcmp(failed, s->k.name, sl) == 0)
			return 1;
	}
	return 0;
}

static void collect_dn(void *ctx, void *ent)
{
	struct collect *c = ctx;
	struct dn *n = ent;
	uint64_t answered_bad = n->fail[DN_NX] + n->fail[DN_SERVFAIL] + n->fail[DN_REFUSED];
	uint64_t noans = n->fail[DN_NOANSWER];
	int noans_counts = noans >= 2 || (noans && capture_span_end(c->d) - n->noans_first >= 2.0);
	if (!answered_bad && !noans_counts)
		return;
	if (!n->have_ends || search_list_try(c->names, n->k.name))
		return;
	int best = -1;
	for (int k = 0; k < DN_NKIND; k++) {
		if (k == DN_NOANSWER && !noans_counts)
			continue;
		if (n->fail[k] && (best < 0 || n->fail[k] > n->fail[best]))
			best = k;
	}
	struct det_event *e = collect_new(c);
	if (!e)
		return;
	e->kind = DET_DNS_FAILURE;
	e->v6 = n->v6;
	memcpy(e->addr, n->server, 16);
	memcpy(e->peer, n->client, 16);
	e->port = DNS_PORT;
	e->peer_port = n->cport;
	snprintf(e->name, sizeof e->name, "%s", n->k.name);
	snprintf(e->detail, sizeof e->detail, "%s", dn_detail[best]);
	e->qtype = n->qtype;
	e->count = answered_bad + noans;
	if (e->count < n->queries)
		e->count = n->queries;
	e->first = n->first;
	e->last = n->last;
	merge_pkts(e, n->pkts, n->npkts, NULL, 0);
}

static int ev_cmp(const void *a, const void *b)
{
	const struct det_event *x = a, *y = b;
	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	uint64_t px = x->npkts ? x->pkts[0] : 0, py = y->npkts ? y->pkts[0] : 0;
	if (px != py)
		return px < py ? -1 : 1;
	return (int)x->kind - (int)y->kind;
}

int det_events(struct det *d, void (*cb)(void *user, const struct det_event *ev), void *user)
{
	if (!d)
		return 0;
	struct collect c = {d, NULL, 0, 0, &d->dn};
	/* the no-answer counts are computed here, once: start from zero so a
	 * second call gives the same answer */
	for (uint32_t i = 0; i <= d->dn.mask; i++)
		if (d->dn.slot[i])
			((struct dn *)tab_at(&d->dn, d->dn.slot[i] - 1))->fail[DN_NOANSWER] = 0;
	tab_each(&d->dq, collect_dq, &c);
	tab_each(&d->nb, collect_nb, &c);
	tab_each(&d->dn, collect_dn, &c);
	for (int i = 0; i < d->nev; i++) {
		struct det_event *e = collect_new(&c);
		if (e)
			*e = d->ev[i];
	}
	if (c.n > 1)
		qsort(c.out, (size_t)c.n, sizeof *c.out, ev_cmp);
	for (int i = 0; i < c.n; i++)
		if (cb)
			cb(user, &c.out[i]);
	int n = c.n;
	free(c.out);
	return n;
}
