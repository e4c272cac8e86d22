/*
 * Unit tests for the packet-level detectors (src/diag/detect.c).  Packets are
 * built as bytes (Ethernet frames), decoded by decode_packet and fed to
 * det_packet, so the detectors see exactly what diagnose would give them.
 * Healthy traffic must give no event; truncated and hostile packets (DNS
 * compression loops, lengths past the end, cut TLS records) must give no
 * event and no sanitizer report.
 *
 * Test-only entry: `test_detect FILE.pcap...` reads the captures with libpcap
 * and prints one line per event (tests/diag/detect.sh checks them).
 */
#include <arpa/inet.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag/detect.h"

/* ---- packet builder ---------------------------------------------------------- */

struct buf {
	uint8_t b[2048];
	size_t n;
};

static void put(struct buf *b, const void *p, size_t n)
{
	if (n > sizeof b->b - b->n)
		abort();
	memcpy(b->b + b->n, p, n);
	b->n += n;
}
static void put8(struct buf *b, unsigned v)
{
	uint8_t x = (uint8_t)v;
	put(b, &x, 1);
}
static void put16(struct buf *b, unsigned v)
{
	put8(b, v >> 8);
	put8(b, v);
}
static void put32(struct buf *b, uint32_t v)
{
	put16(b, v >> 16);
	put16(b, v & 0xffff);
}
static void set16(struct buf *b, size_t off, unsigned v)
{
	b->b[off] = (uint8_t)(v >> 8);
	b->b[off + 1] = (uint8_t)v;
}

static const uint8_t MAC_A[6] = {2, 0, 0, 0, 0, 0xa}, MAC_B[6] = {2, 0, 0, 0, 0, 0xb},
		     MAC_C[6] = {2, 0, 0, 0, 0, 0xc}, BCAST[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

static void eth(struct buf *b, const uint8_t *dst, const uint8_t *src, unsigned type)
{
	b->n = 0;
	put(b, dst, 6);
	put(b, src, 6);
	put16(b, type);
}

static void v4(const char *s, uint8_t *out)
{
	memset(out, 0, 16);
	if (inet_pton(AF_INET, s, out) != 1)
		abort();
}
static void v6(const char *s, uint8_t *out)
{
	if (inet_pton(AF_INET6, s, out) != 1)
		abort();
}

/* IPv4 header (no options) followed by l4; ttl given. */
static void ip4(struct buf *b, const char *src, const char *dst, unsigned proto, unsigned ttl, const struct buf *l4)
{
	uint8_t a[16], c[16];
	v4(src, a);
	v4(dst, c);
	put8(b, 0x45);
	put8(b, 0);
	put16(b, 20 + (unsigned)l4->n);
	put16(b, 1);
	put16(b, 0x4000);
	put8(b, ttl);
	put8(b, proto);
	put16(b, 0);
	put(b, a, 4);
	put(b, c, 4);
	put(b, l4->b, l4->n);
}

static void ip6(struct buf *b, const char *src, const char *dst, unsigned nh, unsigned hlim, const struct buf *l4)
{
	uint8_t a[16], c[16];
	v6(src, a);
	v6(dst, c);
	put32(b, 0x60000000u);
	put16(b, (unsigned)l4->n);
	put8(b, nh);
	put8(b, hlim);
	put(b, a, 16);
	put(b, c, 16);
	put(b, l4->b, l4->n);
}

static void udp(struct buf *b, unsigned sport, unsigned dport, const struct buf *pay)
{
	b->n = 0;
	put16(b, sport);
	put16(b, dport);
	put16(b, 8 + (unsigned)pay->n);
	put16(b, 0);
	put(b, pay->b, pay->n);
}

static void tcp(struct buf *b, unsigned sport, unsigned dport, unsigned flags, const struct buf *pay)
{
	b->n = 0;
	put16(b, sport);
	put16(b, dport);
	put32(b, 1000);
	put32(b, 2000);
	put8(b, 5 << 4);
	put8(b, flags);
	put16(b, 65535);
	put16(b, 0);
	put16(b, 0);
	if (pay)
		put(b, pay->b, pay->n);
}

/* ---- feeding ------------------------------------------------------------------ */

static struct det *det;
static uint64_t num;
#define NEV 32
static struct det_event evs[NEV];
static int nev;

static void on_event(void *user, const struct det_event *e)
{
	(void)user;
	if (nev < NEV)
		evs[nev] = *e;
	nev++;
}

static void reset(void)
{
	if (det)
		det_free(det);
	det = det_new();
	if (!det)
		abort();
	num = 0;
	nev = 0;
}

/* Decodes the frame (cut to caplen when caplen < its length) and feeds it. */
static void feed_cut(double t, const struct buf *f, size_t caplen)
{
	struct pkt pk;
	memset(&pk, 0, sizeof pk);
	pk.num = ++num;
	pk.ts_sec = (int64_t)t;
	pk.ts_frac = (uint32_t)((t - (double)(int64_t)t) * 1e6 + 0.5);
	if (caplen > f->n)
		caplen = f->n;
	/* a copy of exactly caplen bytes, so ASan sees any read past the end */
	uint8_t *copy = malloc(caplen ? caplen : 1);
	if (!copy)
		abort();
	memcpy(copy, f->b, caplen);
	decode_packet(&pk, 1, copy, (uint32_t)caplen, (uint32_t)f->n);
	det_packet(det, &pk, copy, (uint32_t)caplen);
	free(copy);
}
static void feed(double t, const struct buf *f)
{
	feed_cut(t, f, f->n);
}

static int events(void)
{
	nev = 0;
	int n = det_events(det, on_event, NULL);
	CHECK(n == nev);
	return n;
}

static int has_pkts(const struct det_event *e, int n, const uint64_t *want)
{
	if (e->npkts != n)
		return 0;
	for (int i = 0; i < n; i++)
		if (e->pkts[i] != want[i])
			return 0;
	return 1;
}

static int addr_is(const uint8_t *a, const char *s)
{
	uint8_t x[16] = {0};
	if (strchr(s, ':'))
		v6(s, x);
	else
		v4(s, x);
	return memcmp(a, x, strchr(s, ':') ? 16 : 4) == 0;
}

/* ---- ARP / ND ---------------------------------------------------------------- */

static void arp(struct buf *f, unsigned op, const uint8_t *sha, const char *spa, const uint8_t *tha, const char *tpa,
		const uint8_t *ethsrc)
{
	uint8_t a[16], c[16];
	v4(spa, a);
	v4(tpa, c);
	eth(f, op == 1 ? BCAST : tha, ethsrc, 0x0806);
	put16(f, 1);
	put16(f, 0x0800);
	put8(f, 6);
	put8(f, 4);
	put16(f, op);
	put(f, sha, 6);
	put(f, a, 4);
	put(f, tha, 6);
	put(f, c, 4);
}

static void nd(struct buf *f, unsigned type, const char *src, const char *target, const uint8_t *mac)
{
	struct buf ic = {.n = 0};
	uint8_t tg[16];
	v6(target, tg);
	put8(&ic, type);
	put8(&ic, 0);
	put16(&ic, 0);
	put32(&ic, type == 136 ? 0x60000000u : 0);
	put(&ic, tg, 16);
	put8(&ic, type == 136 ? 2 : 1); /* target / source link-layer address option */
	put8(&ic, 1);
	put(&ic, mac, 6);
	eth(f, type == 135 ? BCAST : MAC_A, mac, 0x86dd);
	ip6(f, src, type == 135 ? "ff02::1:ff00:99" : "fd00::1", 58, 255, &ic);
}

static void test_neighbour(void)
{
	struct buf f;
	static const uint8_t Z[6] = {0};

	/* Three requests for an absent host, one second apart, plus a gratuitous
	 * ARP and a probe from 0.0.0.0 (neither is a request for someone absent),
	 * plus a request for .2 that is answered. */
	reset();
	for (int i = 0; i < 3; i++) {
		arp(&f, 1, MAC_A, "10.198.0.1", Z, "10.198.0.99", MAC_A);
		feed(10.0 + i, &f); /* 1, 3, 5 */
		arp(&f, 1, MAC_B, "10.198.0.7", Z, "10.198.0.7", MAC_B);
		feed(10.1 + i, &f); /* 2, 4, 6 */
	}
	arp(&f, 1, MAC_C, "0.0.0.0", Z, "10.198.0.50", MAC_C);
	feed(13.0, &f); /* 7 */
	feed(13.5, &f);
	feed(14.0, &f);
	arp(&f, 1, MAC_A, "10.198.0.1", Z, "10.198.0.2", MAC_A);
	feed(15.0, &f);
	feed(15.5, &f);
	feed(16.0, &f);
	arp(&f, 2, MAC_B, "10.198.0.2", MAC_A, "10.198.0.1", MAC_B);
	feed(16.1, &f); /* 13 */
	CHECK(events() == 1);
	CHECK(evs[0].kind == DET_NEIGHBOR_UNREACHABLE);
	CHECK(addr_is(evs[0].addr, "10.198.0.99"));
	CHECK(addr_is(evs[0].peer, "10.198.0.1"));
	CHECK(memcmp(evs[0].mac[0], MAC_A, 6) == 0);
	CHECK(evs[0].count == 3 && !evs[0].v6);
	CHECK(evs[0].first == 10.0 && evs[0].last == 12.0);
	CHECK(has_pkts(&evs[0], 3, (const uint64_t[]){1, 3, 5}));

	/* Two requests two seconds apart are enough; one is not; a bystander's
	 * requests an hour apart are not a failed resolution. */
	reset();
	arp(&f, 1, MAC_A, "10.198.0.1", Z, "10.198.0.99", MAC_A);
	feed(1.0, &f);
	feed(3.0, &f);
	arp(&f, 1, MAC_A, "10.198.0.1", Z, "10.198.0.98", MAC_A);
	feed(4.0, &f);
	arp(&f, 1, MAC_C, "10.198.0.3", Z, "10.198.0.97", MAC_C);
	feed(5.0, &f);
	feed(3605.0, &f);
	feed(7205.0, &f);
	CHECK(events() == 1);
	CHECK(evs[0].kind == DET_NEIGHBOR_UNREACHABLE && addr_is(evs[0].addr, "10.198.0.99") && evs[0].count == 2);

	/* Duplicate IP: replies for .5 from two MACs (the ARP sender MAC counts,
	 * not the Ethernet source: the third reply is relayed by MAC_C for MAC_B). */
	reset();
	arp(&f, 1, MAC_A, "10.198.0.1", Z, "10.198.0.5", MAC_A);
	feed(1.0, &f);
	arp(&f, 2, MAC_B, "10.198.0.5", MAC_A, "10.198.0.1", MAC_B);
	feed(1.001, &f);
	arp(&f, 2, MAC_B, "10.198.0.5", MAC_A, "10.198.0.1", MAC_C);
	feed(1.002, &f);
	arp(&f, 2, MAC_C, "10.198.0.5", MAC_A, "10.198.0.1", MAC_C);
	feed(1.003, &f);
	CHECK(events() == 1);
	CHECK(evs[0].kind == DET_DUPLICATE_IP && addr_is(evs[0].addr, "10.198.0.5"));
	CHECK(memcmp(evs[0].mac[0], MAC_B, 6) == 0 && memcmp(evs[0].mac[1], MAC_C, 6) == 0);
	CHECK(evs[0].count == 3);
	CHECK(has_pkts(&evs[0], 3, (const uint64_t[]){2, 3, 4}));

	/* A reply that names a broadcast or zero MAC names no station: the
	 * frame's source counts, so this is one MAC, not two. */
	reset();
	arp(&f, 2, MAC_B, "10.198.0.5", MAC_A, "10.198.0.1", MAC_B);
	feed(1.0, &f);
	arp(&f, 2, BCAST, "10.198.0.5", MAC_A, "10.198.0.1", MAC_B);
	feed(1.1, &f);
	arp(&f, 2, Z, "10.198.0.5", MAC_A, "10.198.0.1", MAC_B);
	feed(1.2, &f);
	CHECK(events() == 0);

	/* IPv6: NS for fd00::99 x3 unanswered; NS for fd00::2 answered by one
	 * NA; NS from :: (duplicate address detection) is not a request;
	 * fd00::5 answered by two MACs (target link-layer option). */
	reset();
	for (int i = 0; i < 3; i++) {
		nd(&f, 135, "fd00::1", "fd00::99", MAC_A);
		feed(20.0 + i, &f); /* 1 2 3 */
	}
	nd(&f, 135, "::", "fd00::77", MAC_C);
	feed(20.5, &f);
	feed(21.5, &f);
	feed(22.5, &f); /* 6 */
	nd(&f, 135, "fd00::1", "fd00::2", MAC_A);
	feed(23.0, &f);
	nd(&f, 136, "fd00::2", "fd00::2", MAC_B);
	feed(23.001, &f); /* 8 */
	nd(&f, 136, "fd00::5", "fd00::5", MAC_B);
	feed(24.0, &f);
	nd(&f, 136, "fd00::5", "fd00::5", MAC_C);
	feed(24.1, &f); /* 10 */
	CHECK(events() == 2);
	CHECK(evs[0].kind == DET_NEIGHBOR_UNREACHABLE && evs[0].v6 && addr_is(evs[0].addr, "fd00::99"));
	CHECK(addr_is(evs[0].peer, "fd00::1") && evs[0].count == 3);
	CHECK(has_pkts(&evs[0], 3, (const uint64_t[]){1, 2, 3}));
	CHECK(evs[1].kind == DET_DUPLICATE_IP && evs[1].v6 && addr_is(evs[1].addr, "fd00::5"));
	CHECK(memcmp(evs[1].mac[0], MAC_B, 6) == 0 && memcmp(evs[1].mac[1], MAC_C, 6) == 0);
	CHECK(has_pkts(&evs[1], 2, (const uint64_t[]){9, 10}));

	/* Truncated ARP and NA: no event, no crash. */
	reset();
	arp(&f, 2, MAC_B, "10.198.0.5", MAC_A, "10.198.0.1", MAC_B);
	for (size_t cut = 0; cut < f.n; cut++)
		feed_cut(1.0, &f, cut);
	nd(&f, 136, "fd00::5", "fd00::5", MAC_B);
	for (size_t cut = 0; cut < f.n; cut++)
		feed_cut(2.0, &f, cut);
	CHECK(events() == 0);
}

/* ---- DNS -------------------------------------------------------------------- */

static void qname(struct buf *b, const char *name)
{
	while (*name) {
		const char *dot = strchr(name, '.');
		size_t l = dot ? (size_t)(dot - name) : strlen(name);
		put8(b, (unsigned)l);
		put(b, name, l);
		name += l;
		if (*name == '.')
			name++;
	}
	put8(b, 0);
}

/* A DNS message: a question, and for a successful response one A answer. */
static void dnsmsg(struct buf *m, unsigned id, int response, unsigned rcode, const char *name, unsigned qtype)
{
	m->n = 0;
	put16(m, id);
	put16(m, response ? 0x8180 | rcode : 0x0100);
	put16(m, 1);
	put16(m, response && rcode == 0 ? 1 : 0);
	put16(m, 0);
	put16(m, 0);
	qname(m, name);
	put16(m, qtype);
	put16(m, 1);
	if (response && rcode == 0) {
		put16(m, 0xc00c);
		put16(m, qtype);
		put16(m, 1);
		put32(m, 300);
		put16(m, 4);
		put32(m, 0x0ac60001);
	}
}

#define CLI "10.198.0.1"
#define SRV "10.198.0.53"

static void dns_pkt(struct buf *f, const struct buf *m, int response, unsigned cport)
{
	struct buf u;
	udp(&u, response ? 53 : cport, response ? cport : 53, m);
	eth(f, MAC_B, MAC_A, 0x0800);
	ip4(f, response ? SRV : CLI, response ? CLI : SRV, 17, 64, &u);
}

static void dns_q(double t, unsigned id, unsigned cport, const char *name, unsigned qtype)
{
	struct buf m, f;
	dnsmsg(&m, id, 0, 0, name, qtype);
	dns_pkt(&f, &m, 0, cport);
	feed(t, &f);
}
static void dns_r(double t, unsigned id, unsigned cport, unsigned rcode, const char *name, unsigned qtype)
{
	struct buf m, f;
	dnsmsg(&m, id, 1, rcode, name, qtype);
	dns_pkt(&f, &m, 1, cport);
	feed(t, &f);
}

static void test_dns(void)
{
	/* NXDOMAIN twice for bad.example (mixed case: names compare without
	 * case), SERVFAIL for broken.example, REFUSED for refused.example; healthy
	 * good.example; search list: foo.example.corp NXDOMAIN then foo.example
	 * answered (no event); AAAA NODATA (NOERROR, no answer) is fine. */
	reset();
	dns_q(1.0, 0x1111, 40001, "Bad.Example", 1);     /* 1 */
	dns_r(1.01, 0x1111, 40001, 3, "Bad.Example", 1); /* 2 */
	dns_q(1.1, 0x2222, 40002, "bad.example", 1);     /* 3 */
	dns_r(1.11, 0x2222, 40002, 3, "bAd.example", 1); /* 4 */
	dns_q(2.0, 0x3333, 40003, "good.example", 1);
	dns_r(2.01, 0x3333, 40003, 0, "good.example", 1);
	dns_q(2.0, 0x3334, 40004, "good.example", 28);
	dns_r(2.01, 0x3334, 40004, 0, "good.example", 28);
	dns_q(3.0, 0x4444, 40005, "broken.example", 28);     /* 9 */
	dns_r(3.5, 0x4444, 40005, 2, "broken.example", 28);  /* 10 */
	dns_q(4.0, 0x5555, 40006, "foo.example.corp", 1);
	dns_r(4.01, 0x5555, 40006, 3, "foo.example.corp", 1);
	dns_q(4.02, 0x5556, 40006, "foo.example", 1);
	dns_r(4.03, 0x5556, 40006, 0, "foo.example", 1);
	dns_q(5.0, 0x6666, 40007, "refused.example", 1);    /* 15 */
	dns_r(5.01, 0x6666, 40007, 5, "refused.example", 1); /* 16 */
	/* A and AAAA at once: A answered, then AAAA SERVFAIL: the client has an
	 * address, no event; the same name's AAAA failing alone later does. */
	dns_q(5.2, 0x6701, 40010, "dual.example", 1);
	dns_q(5.2001, 0x6702, 40010, "dual.example", 28);
	dns_r(5.21, 0x6701, 40010, 0, "dual.example", 1);
	dns_r(5.22, 0x6702, 40010, 2, "dual.example", 28);
	/* service and policy probes ("_dmarc", SRV "_ldap._tcp"): NXDOMAIN is an answer */
	dns_q(5.3, 0x6801, 40011, "_dmarc.example", 16);
	dns_r(5.31, 0x6801, 40011, 3, "_dmarc.example", 16);
	/* a reverse lookup without a name: routine, no event */
	dns_q(5.5, 0x6667, 40007, "9.0.198.10.in-addr.arpa", 12);
	dns_r(5.51, 0x6667, 40007, 3, "9.0.198.10.in-addr.arpa", 12);
	/* failed first, answered later: no event */
	dns_q(6.0, 0x7777, 40008, "flaky.example", 1);
	dns_r(6.01, 0x7777, 40008, 2, "flaky.example", 1);
	dns_q(7.0, 0x7778, 40008, "flaky.example", 1);
	dns_r(7.01, 0x7778, 40008, 0, "flaky.example", 1);
	CHECK(events() == 3);
	CHECK(evs[0].kind == DET_DNS_FAILURE);
	CHECK_STR(evs[0].name, "bad.example");
	CHECK_STR(evs[0].detail, "NXDOMAIN");
	CHECK(evs[0].qtype == 1 && evs[0].count == 2 && evs[0].port == 53 && evs[0].peer_port == 40001);
	CHECK(addr_is(evs[0].addr, SRV) && addr_is(evs[0].peer, CLI));
	CHECK(has_pkts(&evs[0], 4, (const uint64_t[]){1, 2, 3, 4}));
	CHECK(evs[0].first == 1.0 && evs[0].last == 1.11);
	CHECK_STR(evs[1].name, "broken.example");
	CHECK_STR(evs[1].detail, "SERVFAIL");
	CHECK(evs[1].qtype == 28 && evs[1].count == 1 && has_pkts(&evs[1], 2, (const uint64_t[]){9, 10}));
	CHECK_STR(evs[2].name, "refused.example");
	CHECK_STR(evs[2].detail, "REFUSED");
	CHECK(has_pkts(&evs[2], 2, (const uint64_t[]){15, 16}));

	/* Never answered: two tries (different ids) -> event; one try with the
	 * capture ending 1 s later -> no event; one try and the capture goes on
	 * 3 s -> event.  The same query twice within 50 ms is one try (-i any). */
	reset();
	dns_q(1.0, 0x0101, 40001, "slow.example", 1);  /* 1 */
	dns_q(1.01, 0x0101, 40001, "slow.example", 1); /* 2: copy */
	dns_q(3.0, 0x0102, 40001, "slow.example", 1);  /* 3 */
	dns_q(4.0, 0x0201, 40002, "once.example", 1);  /* 4 */
	dns_q(5.0, 0x0301, 40003, "ok.example", 1);
	dns_r(5.01, 0x0301, 40003, 0, "ok.example", 1);
	CHECK(events() == 1);
	CHECK_STR(evs[0].name, "slow.example");
	CHECK_STR(evs[0].detail, "no answer");
	CHECK(evs[0].count == 2 && has_pkts(&evs[0], 2, (const uint64_t[]){1, 3}));
	dns_q(7.5, 0x0401, 40004, "late.example", 1);
	CHECK(events() == 2); /* once.example now waited 3.5 s */
	CHECK_STR(evs[1].name, "once.example");
	CHECK(evs[1].count == 1);

	/* A try that got no answer, then a retry (new id) answered: no event,
	 * however long the capture goes on. */
	reset();
	dns_q(1.0, 0x0b01, 40001, "retry.example", 1);
	dns_q(2.0, 0x0b02, 40001, "retry.example", 1);
	dns_r(2.01, 0x0b02, 40001, 0, "retry.example", 1);
	dns_q(9.0, 0x0b03, 40002, "other.example", 1);
	dns_r(9.01, 0x0b03, 40002, 0, "other.example", 1);
	CHECK(events() == 0);
	/* ... and one more try after the answer, unanswered but only 1.5 s
	 * before the end: still nothing (the try before the answer is not
	 * counted again). */
	dns_q(10.0, 0x0b04, 40001, "retry.example", 1);
	dns_q(11.5, 0x0b05, 40002, "other.example", 1);
	dns_r(11.51, 0x0b05, 40002, 0, "other.example", 1);
	CHECK(events() == 0);

	/* A response from another port or server does not answer the query. */
	reset();
	dns_q(1.0, 0x0a0a, 40001, "x.example", 1);
	dns_r(1.01, 0x0a0a, 40009, 0, "y.example", 1);
	dns_q(4.0, 0x0a0b, 40001, "z.example", 1);
	CHECK(events() == 1);
	CHECK_STR(evs[0].name, "x.example");

	/* Hostile: a compression pointer to itself and a pointer loop in the
	 * question, a label longer than the message, a name over 255 bytes, an
	 * empty message; every cut of a valid response.  No event, no crash. */
	reset();
	struct buf m, f;
	static const uint8_t hdr[12] = {0x12, 0x34, 0x81, 0x83, 0, 1, 0, 0, 0, 0, 0, 0};
	m.n = 0;
	put(&m, hdr, 12);
	put16(&m, 0xc00c); /* points at itself */
	put32(&m, 0x00010001);
	dns_pkt(&f, &m, 1, 40001);
	feed(1.0, &f);
	m.n = 0;
	put(&m, hdr, 12);
	put8(&m, 1);
	put8(&m, 'a');
	put16(&m, 0xc00c); /* back to the start: a loop */
	put32(&m, 0x00010001);
	dns_pkt(&f, &m, 1, 40001);
	feed(1.1, &f);
	m.n = 0;
	put(&m, hdr, 12);
	put8(&m, 63); /* label past the end */
	put(&m, "abc", 3);
	dns_pkt(&f, &m, 1, 40001);
	feed(1.2, &f);
	m.n = 0;
	put(&m, hdr, 12);
	for (int i = 0; i < 5; i++) {
		put8(&m, 63);
		for (int j = 0; j < 63; j++)
			put8(&m, 'a');
	}
	put8(&m, 0);
	put32(&m, 0x00010001);
	dns_pkt(&f, &m, 1, 40001);
	feed(1.3, &f);
	m.n = 0;
	put(&m, hdr, 12);
	put8(&m, 0x80); /* reserved label type */
	dns_pkt(&f, &m, 1, 40001);
	feed(1.4, &f);
	m.n = 0;
	dns_pkt(&f, &m, 1, 40001);
	feed(1.5, &f);
	dnsmsg(&m, 0x99, 1, 3, "cut.example", 1);
	dns_pkt(&f, &m, 1, 40001);
	for (size_t cut = 0; cut < f.n; cut++)
		feed_cut(2.0, &f, cut);
	/* only the two cuts that keep the whole question (name and type) count */
	CHECK(events() == 1);
	CHECK_STR(evs[0].name, "cut.example");
	CHECK(evs[0].count == 2);
	/* A UDP length larger than the packet: the payload is clipped; the whole
	 * message is there, so it still counts. */
	dnsmsg(&m, 0x98, 1, 2, "long.example", 1);
	dns_pkt(&f, &m, 1, 40001);
	set16(&f, 14 + 20 + 4, 1400);
	feed(3.0, &f);
	CHECK(events() == 2);
	CHECK_STR(evs[1].name, "long.example");
	CHECK_STR(evs[1].detail, "SERVFAIL");

	/* A name with a dot and a NUL inside a label is shown escaped. */
	reset();
	m.n = 0;
	put(&m, hdr, 12);
	put8(&m, 3);
	put(&m, "a.\0", 3);
	put8(&m, 2);
	put(&m, "EX", 2);
	put8(&m, 0);
	put32(&m, 0x00010001);
	dns_pkt(&f, &m, 1, 40001);
	feed(1.0, &f);
	CHECK(events() == 1);
	CHECK_STR(evs[0].name, "a\\046\\000.ex");
}

/* ---- TLS -------------------------------------------------------------------- */

static void client_hello(struct buf *p, const char *sni)
{
	struct buf ext = {.n = 0}, body = {.n = 0};
	put16(&ext, 0x000b); /* ec_point_formats, first: the SNI is not always first */
	put16(&ext, 2);
	put8(&ext, 1);
	put8(&ext, 0);
	if (sni) {
		size_t l = strlen(sni);
		put16(&ext, 0);
		put16(&ext, (unsigned)l + 5);
		put16(&ext, (unsigned)l + 3);
		put8(&ext, 0);
		put16(&ext, (unsigned)l);
		put(&ext, sni, l);
	}
	put16(&body, 0x0303);
	for (int i = 0; i < 32; i++)
		put8(&body, (unsigned)i);
	put8(&body, 0); /* session id */
	put16(&body, 4);
	put32(&body, 0x13011302);
	put8(&body, 1);
	put8(&body, 0);
	put16(&body, (unsigned)ext.n);
	put(&body, ext.b, ext.n);
	p->n = 0;
	put8(p, 22);
	put16(p, 0x0301);
	put16(p, (unsigned)body.n + 4);
	put8(p, 1);
	put8(p, 0);
	put16(p, (unsigned)body.n);
	put(p, body.b, body.n);
}

static void tls_seg(double t, int from_server, unsigned cport, unsigned flags, const struct buf *pay)
{
	struct buf s, f;
	tcp(&s, from_server ? 443 : cport, from_server ? cport : 443, flags, pay);
	eth(&f, MAC_B, MAC_A, 0x0800);
	ip4(&f, from_server ? "10.198.1.2" : "10.198.0.1", from_server ? "10.198.0.1" : "10.198.1.2", 6, 64, &s);
	feed(t, &f);
}

static void record(struct buf *p, unsigned type, const uint8_t *b, size_t n)
{
	p->n = 0;
	put8(p, type);
	put16(p, 0x0303);
	put16(p, (unsigned)n);
	put(p, b, n);
}

static void test_tls(void)
{
	struct buf ch, r;
	const unsigned PA = TCPF_PSH | TCPF_ACK;
	client_hello(&ch, "Www.Example.Test");
	reset();
	/* 1: rejected with a protocol_version alert */
	tls_seg(1.0, 0, 50001, PA, &ch);                                  /* 1 */
	tls_seg(1.01, 1, 50001, TCPF_ACK, NULL);                           /* 2 */
	record(&r, 21, (const uint8_t[]){2, 70}, 2);
	tls_seg(1.02, 1, 50001, PA, &r);                                   /* 3 */
	tls_seg(1.03, 1, 50001, TCPF_FIN | TCPF_ACK, NULL);                /* 4: no second event */
	/* 2: healthy: ServerHello, then the server's FIN much later */
	tls_seg(2.0, 0, 50002, PA, &ch);
	static const uint8_t sh[8] = {2, 0, 0, 4, 3, 3, 0, 0};
	record(&r, 22, sh, sizeof sh);
	tls_seg(2.01, 1, 50002, PA, &r);
	tls_seg(9.0, 1, 50002, TCPF_FIN | TCPF_ACK, NULL);
	/* 3: a reset right after the ClientHello, no SNI */
	client_hello(&ch, NULL);
	tls_seg(3.0, 0, 50003, PA, &ch);           /* 8 */
	tls_seg(3.01, 1, 50003, TCPF_RST, NULL);   /* 9 */
	/* 4: the client gives up first: no event */
	tls_seg(4.0, 0, 50004, PA, &ch);
	tls_seg(4.01, 0, 50004, TCPF_FIN | TCPF_ACK, NULL);
	tls_seg(4.02, 1, 50004, TCPF_FIN | TCPF_ACK, NULL);
	/* 5: the server closes: closed after ClientHello; 6: unknown alert 99 */
	client_hello(&ch, "a.test");
	tls_seg(5.0, 0, 50005, PA, &ch);                     /* 13 */
	tls_seg(5.01, 1, 50005, TCPF_FIN | TCPF_ACK, NULL);  /* 14 */
	tls_seg(6.0, 0, 50006, PA, &ch);                     /* 15 */
	record(&r, 21, (const uint8_t[]){1, 99}, 2);
	tls_seg(6.01, 1, 50006, PA, &r);                     /* 16 */
	/* 7: same SNI and alert as 1 again: counted in the same event */
	client_hello(&ch, "www.example.test");
	tls_seg(7.0, 0, 50007, PA, &ch);                     /* 17 */
	record(&r, 21, (const uint8_t[]){2, 70}, 2);
	tls_seg(7.01, 1, 50007, PA, &r);                     /* 18 */
	/* 8: a plain-text answer (not TLS) then a close: not a rejection to name;
	 * 9: the server's answer cut by the snap length (3 bytes), then a close */
	tls_seg(8.0, 0, 50008, PA, &ch);
	struct buf txt = {.n = 0};
	put(&txt, "HTTP/1.1 400 Bad Request\r\n\r\n", 28);
	tls_seg(8.01, 1, 50008, PA, &txt);
	tls_seg(8.02, 1, 50008, TCPF_FIN | TCPF_ACK, NULL);
	tls_seg(9.0, 0, 50009, PA, &ch);
	{
		struct buf s9, f9;
		record(&r, 22, sh, sizeof sh);
		tcp(&s9, 443, 50009, PA, &r);
		eth(&f9, MAC_B, MAC_A, 0x0800);
		ip4(&f9, "10.198.1.2", "10.198.0.1", 6, 64, &s9);
		feed_cut(9.01, &f9, 14 + 20 + 20 + 3);
	}
	tls_seg(9.02, 1, 50009, TCPF_FIN | TCPF_ACK, NULL);
	CHECK(events() == 4);
	CHECK(evs[0].kind == DET_TLS_REJECTED);
	CHECK_STR(evs[0].name, "www.example.test");
	CHECK_STR(evs[0].detail, "protocol_version");
	CHECK(evs[0].count == 2 && evs[0].port == 443 && evs[0].peer_port == 50001);
	CHECK(addr_is(evs[0].addr, "10.198.1.2") && addr_is(evs[0].peer, "10.198.0.1"));
	CHECK(has_pkts(&evs[0], 4, (const uint64_t[]){1, 3, 17, 18}));
	CHECK(evs[0].first == 1.0 && evs[0].last == 7.01);
	CHECK_STR(evs[1].name, "");
	CHECK_STR(evs[1].detail, "reset after ClientHello");
	CHECK(has_pkts(&evs[1], 2, (const uint64_t[]){8, 9}));
	CHECK_STR(evs[2].name, "a.test");
	CHECK_STR(evs[2].detail, "closed after ClientHello");
	CHECK(has_pkts(&evs[2], 2, (const uint64_t[]){13, 14}));
	CHECK_STR(evs[3].detail, "alert 99");

	/* More ClientHellos waiting than the table holds (a one-way capture):
	 * the oldest make room, so a rejection at the end is still seen. */
	reset();
	for (unsigned i = 0; i < 1500; i++)
		tls_seg(1.0 + i * 0.001, 0, 10000 + i, PA, &ch);
	tls_seg(3.0, 0, 60000, PA, &ch);
	tls_seg(3.01, 1, 60000, TCPF_RST, NULL);
	CHECK(det_dropped(det) == 1500 + 1 - 1024);
	CHECK(events() == 1 && evs[0].peer_port == 60000);

	/* Alert names from the table. */
	static const struct {
		uint8_t code;
		const char *name;
	} names[] = {{40, "handshake_failure"}, {112, "unrecognized_name"}, {42, "bad_certificate"},
		     {48, "unknown_ca"},        {47, "illegal_parameter"},  {50, "decode_error"},
		     {80, "internal_error"},    {86, "inappropriate_fallback"}, {109, "missing_extension"},
		     {120, "no_application_protocol"}};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		reset();
		tls_seg(1.0, 0, 50001, PA, &ch);
		uint8_t a[2] = {2, names[i].code};
		record(&r, 21, a, 2);
		tls_seg(1.01, 1, 50001, PA, &r);
		CHECK(events() == 1);
		CHECK_STR(evs[0].detail, names[i].name);
	}

	/* Hostile ClientHellos: every cut, lengths past the end, an SNI length
	 * larger than its extension; a "ClientHello" that is not TLS (version 9). */
	reset();
	client_hello(&ch, "cut.test");
	for (size_t cut = 0; cut < ch.n; cut++) {
		struct buf c = ch;
		c.n = cut;
		tls_seg(1.0 + (double)cut / 1000, 0, (unsigned)(51000 + cut), PA, &c);
	}
	struct buf bad = ch;
	set16(&bad, 3, 0xffff); /* record length past the end (and too big) */
	tls_seg(2.0, 0, 52001, PA, &bad);
	bad = ch;
	bad.b[bad.n - 9] = 0xff; /* SNI name length past the extension */
	tls_seg(2.1, 0, 52002, PA, &bad);
	bad = ch;
	bad.b[1] = 9;
	tls_seg(2.2, 0, 52003, PA, &bad);
	/* Records cut: a ClientHello of 6+ bytes still counts, with no SNI. */
	tls_seg(3.0, 1, 52002, TCPF_RST, NULL);
	tls_seg(3.1, 1, 52003, TCPF_RST, NULL);
	CHECK(events() == 1);
	CHECK_STR(evs[0].detail, "reset after ClientHello");
	CHECK_STR(evs[0].name, "");
	CHECK(evs[0].peer_port == 52002);
}

/* ---- TTL -------------------------------------------------------------------- */

static void test_ttl(void)
{
	struct buf f, l4, inner, q, ic;
	reset();
	/* ICMP time exceeded from 10.198.0.254 quoting a SYN to 10.198.1.2:80 (x3). */
	for (int i = 0; i < 3; i++) {
		tcp(&l4, 40000, 80, TCPF_SYN, NULL);
		inner.n = 0;
		ip4(&inner, "10.198.0.1", "10.198.1.2", 6, 1, &l4);
		inner.n = 20 + 8; /* the IP header + 8 bytes, as routers quote */
		ic.n = 0;
		put8(&ic, 11);
		put8(&ic, 0);
		put16(&ic, 0);
		put32(&ic, 0);
		put(&ic, inner.b, inner.n);
		eth(&f, MAC_A, MAC_B, 0x0800);
		ip4(&f, "10.198.0.254", "10.198.0.1", 1, 64, &ic);
		feed(1.0 + i, &f);
	}
	/* ICMPv6 hop limit exceeded quoting UDP to [fd00:1::2]:5000 (hop limit 0 left). */
	struct buf pay = {.n = 0};
	put32(&pay, 0);
	udp(&l4, 41000, 5000, &pay);
	q.n = 0;
	ip6(&q, "fd00::1", "fd00:1::2", 17, 0, &l4);
	ic.n = 0;
	put8(&ic, 3);
	put8(&ic, 0);
	put16(&ic, 0);
	put32(&ic, 0);
	put(&ic, q.b, q.n);
	eth(&f, MAC_A, MAC_B, 0x86dd);
	ip6(&f, "fd00::fe", "fd00::1", 58, 64, &ic);
	feed(5.0, &f);
	/* traceroute's UDP probes expect the error: no event; code 1
	 * (reassembly time exceeded) is another problem: no event. */
	udp(&l4, 41000, 33435, &pay);
	q.n = 0;
	ip4(&q, "10.198.0.1", "10.198.9.9", 17, 1, &l4);
	ic.n = 0;
	put8(&ic, 11);
	put8(&ic, 0);
	put16(&ic, 0);
	put32(&ic, 0);
	put(&ic, q.b, q.n);
	eth(&f, MAC_A, MAC_B, 0x0800);
	ip4(&f, "10.198.0.254", "10.198.0.1", 1, 64, &ic);
	feed(6.0, &f);
	f.b[14 + 20 + 1] = 1;
	feed(6.1, &f);
	CHECK(events() == 2);
	CHECK(evs[0].kind == DET_TTL_EXPIRED && !evs[0].v6);
	CHECK(addr_is(evs[0].addr, "10.198.1.2") && addr_is(evs[0].peer, "10.198.0.254"));
	CHECK(evs[0].port == 80 && evs[0].quoted_proto == 6 && evs[0].quoted_ttl == 1 && evs[0].count == 3);
	CHECK_STR(evs[0].detail, "time exceeded in transit");
	CHECK(has_pkts(&evs[0], 3, (const uint64_t[]){1, 2, 3}));
	CHECK(evs[1].kind == DET_TTL_EXPIRED && evs[1].v6);
	CHECK(addr_is(evs[1].addr, "fd00:1::2") && addr_is(evs[1].peer, "fd00::fe"));
	CHECK(evs[1].port == 5000 && evs[1].quoted_proto == 17 && evs[1].quoted_ttl == 0);
	CHECK_STR(evs[1].detail, "hop limit exceeded");

	/* Cut ICMP errors: no crash; those that keep the ports still count. */
	reset();
	tcp(&l4, 40000, 80, TCPF_SYN, NULL);
	inner.n = 0;
	ip4(&inner, "10.198.0.1", "10.198.1.2", 6, 1, &l4);
	ic.n = 0;
	put8(&ic, 11);
	put8(&ic, 0);
	put16(&ic, 0);
	put32(&ic, 0);
	put(&ic, inner.b, inner.n);
	eth(&f, MAC_A, MAC_B, 0x0800);
	ip4(&f, "10.198.0.254", "10.198.0.1", 1, 64, &ic);
	for (size_t cut = 0; cut < f.n; cut++)
		feed_cut(1.0, &f, cut);
	CHECK(events() == 1);
	CHECK(evs[0].count == f.n - (14 + 20 + 8 + 20 + 4));
}

/* ---- caps --------------------------------------------------------------------- */

static void test_caps(void)
{
	/* More unanswered queries than the table holds: counted, not grown. */
	reset();
	for (unsigned i = 0; i < 5000; i++) {
		char name[32];
		snprintf(name, sizeof name, "n%u.example", i);
		dns_q(1.0 + i * 0.001, i & 0xffff, 40000 + (i % 1000), name, 1);
	}
	CHECK(det_dropped(det) > 0);
	int n = events();
	CHECK(n > 0 && n <= 2048);
	/* det_events twice gives the same events */
	CHECK(events() == n);
	det_free(det);
	det = NULL;
	CHECK(det_dropped(NULL) == 0);

	/* Answers remove their queries: eight full tables' worth of queries, each
	 * round answered in a scrambled order, fit without dropping any (a
	 * removal that broke a probe run would leave queries behind). */
	reset();
	for (unsigned round = 0; round < 8; round++) {
		for (unsigned i = 0; i < 4096; i++)
			dns_q(1.0 + round, i, 20000 + round, "r.example", 1);
		for (unsigned i = 0; i < 4096; i++) {
			unsigned j = (i * 2654435761u) % 4096; /* odd multiplier: a permutation */
			dns_r(1.5 + round, j, 20000 + round, 0, "r.example", 1);
		}
	}
	CHECK(det_dropped(det) == 0);
	CHECK(events() == 0);
}

/* ---- the test-only entry: print the events of capture files ------------------- */

static void fmt_addr(int isv6, const uint8_t *a, char *out, size_t n)
{
	if (!inet_ntop(isv6 ? AF_INET6 : AF_INET, a, out, (socklen_t)n))
		snprintf(out, n, "?");
}

static const char *const kind_names[] = {"", "neighbor-unreachable", "duplicate-ip", "dns-failure", "tls-rejected",
					 "ttl-expired"};

static void print_event(void *user, const struct det_event *e)
{
	(void)user;
	char a[64], p[64];
	fmt_addr(e->v6, e->addr, a, sizeof a);
	fmt_addr(e->v6, e->peer, p, sizeof p);
	printf("%s addr=%s peer=%s", kind_names[e->kind], a, p);
	if (e->kind == DET_DNS_FAILURE || e->kind == DET_TLS_REJECTED)
		printf(" port=%u peer_port=%u name=%s", e->port, e->peer_port, e->name[0] ? e->name : "-");
	if (e->kind == DET_DNS_FAILURE)
		printf(" qtype=%d", e->qtype);
	if (e->kind == DET_TTL_EXPIRED)
		printf(" port=%u proto=%u quoted_ttl=%u", e->port, e->quoted_proto, e->quoted_ttl);
	int nmac = e->kind == DET_DUPLICATE_IP ? 2 : e->kind == DET_NEIGHBOR_UNREACHABLE ? 1 : 0;
	for (int m = 0; m < nmac; m++)
		printf(" mac%d=%02x:%02x:%02x:%02x:%02x:%02x", m, e->mac[m][0], e->mac[m][1], e->mac[m][2], e->mac[m][3],
		       e->mac[m][4], e->mac[m][5]);
	printf(" detail=\"%s\" count=%llu pkts=", e->detail, (unsigned long long)e->count);
	for (int i = 0; i < e->npkts; i++)
		printf("%s%llu", i ? "," : "", (unsigned long long)e->pkts[i]);
	printf("\n");
}

static int print_file(const char *path)
{
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline(path, err);
	if (!p) {
		fprintf(stderr, "test_detect: %s\n", err);
		return 2;
	}
	struct det *d = det_new();
	if (!d) {
		pcap_close(p);
		return 2;
	}
	int lt = pcap_datalink(p);
	struct pcap_pkthdr *h;
	const u_char *data;
	uint64_t n = 0;
	int rc;
	while ((rc = pcap_next_ex(p, &h, &data)) == 1) {
		struct pkt pk;
		memset(&pk, 0, sizeof pk);
		pk.num = ++n;
		pk.ts_sec = h->ts.tv_sec;
		pk.ts_frac = (uint32_t)h->ts.tv_usec;
		decode_packet(&pk, lt, data, h->caplen, h->len);
		det_packet(d, &pk, data, h->caplen);
	}
	det_events(d, print_event, NULL);
	if (det_dropped(d))
		printf("dropped=%llu\n", (unsigned long long)det_dropped(d));
	det_free(d);
	pcap_close(p);
	return rc == -1 ? 2 : 0;
}

int main(int argc, char **argv)
{
	if (argc > 1) {
		int rc = 0;
		for (int i = 1; i < argc; i++)
			if (print_file(argv[i]))
				rc = 2;
		return rc;
	}
	test_neighbour();
	test_dns();
	test_tls();
	test_ttl();
	test_caps();
	return check_done("test_detect");
}
