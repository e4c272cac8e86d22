/* Unit tests for the analysis decoder's encapsulations and layer offsets (decode/decode.c). */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "decode/decode.h"

static uint8_t buf[2048];
static size_t n;

static void put(const void *p, size_t k)
{
	memcpy(buf + n, p, k);
	n += k;
}
static void put16(unsigned v)
{
	uint8_t b[2] = {(uint8_t)(v >> 8), (uint8_t)v};
	put(b, 2);
}
static void put32(uint32_t v)
{
	uint8_t b[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
	put(b, 4);
}
static void eth(unsigned type)
{
	static const uint8_t macs[12] = {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1};
	put(macs, 12);
	put16(type);
}
/* IPv4 header; tot = total length, last address byte a/b */
static void ip4(unsigned proto, unsigned tot, uint8_t a, uint8_t b)
{
	uint8_t h[20] = {0x45, 0, (uint8_t)(tot >> 8), (uint8_t)tot, 0, 1, 0, 0, 64, (uint8_t)proto, 0, 0,
			 10, 198, 0, a, 10, 198, 0, b};
	put(h, 20);
}
static void tcp(unsigned sport, unsigned dport, uint32_t seq, uint8_t flags)
{
	put16(sport);
	put16(dport);
	put32(seq);
	put32(0);
	uint8_t x[8] = {0x50, flags, 0x10, 0, 0, 0, 0, 0};
	put(x, 8);
}

int main(void)
{
	static struct pkt pk;

	/* Ethernet / IPv4 / GRE with key / IPv4 / TCP / "hello" */
	n = 0;
	eth(0x0800);
	ip4(47, 20 + 8 + 20 + 20 + 5, 1, 2);
	put16(0x2000);
	put16(0x0800);
	put32(42);
	ip4(6, 45, 3, 4);
	tcp(40000, 80, 1000, 0x18);
	put("hello", 5);
	decode_packet(&pk, 1, buf, (uint32_t)n, (uint32_t)n);
	CHECK(pk.has_tcp && pk.l3 == 4 && pk.encap == 1);
	CHECK(pk.src[3] == 3 && pk.dst[3] == 4 && pk.ttl == 64);
	CHECK(pk.tcp.sport == 40000 && pk.tcp.dport == 80 && pk.tcp.seq == 1000 && pk.tcp.flags == 0x18);
	CHECK(pk.l3_off == 42 && pk.l4_off == 62 && pk.pay_off == 82 && pk.pay_len == 5);
	CHECK(pk.tcp.paylen == 5 && !pk.truncated && !pk.invalid);
	CHECK(pk.has_mac && pk.src_mac[5] == 1); /* the outer frame's MAC */

	/* the same, cut inside the inner TCP header: no TCP, truncated, inner IP kept */
	decode_packet(&pk, 1, buf, 70, (uint32_t)n);
	CHECK(!pk.has_tcp && pk.truncated && pk.l3 == 4 && pk.src[3] == 3);

	/* an outer UDP packet must not leave its ports behind when the inner is TCP-less */
	n = 0;
	eth(0x0800);
	ip4(17, 20 + 8 + 8 + 14 + 20 + 8, 1, 2);
	put16(50000);
	put16(4789);
	put16(8 + 8 + 14 + 20 + 8);
	put16(0);
	put32(0x08000000);
	put32(7 << 8);
	eth(0x0800);
	ip4(1, 28, 5, 6);
	put32(0x08000000); /* ICMP echo request */
	put32(1);
	decode_packet(&pk, 1, buf, (uint32_t)n, (uint32_t)n);
	CHECK(pk.l3 == 4 && pk.encap == 1 && pk.has_icmp && !pk.has_udp && pk.sport == 0 && pk.src[3] == 5);
	CHECK(pk.l3_off == 14 + 20 + 8 + 8 + 14 && pk.pay_len == 0);

	/* 802.1Q 0x9200 then PPPoE session then PPP IPv4 then TCP */
	n = 0;
	eth(0x9200);
	put16(12);
	put16(0x8864);
	put16(0x1100);
	put16(0x1234);
	put16(2 + 40);
	put16(0x0021);
	ip4(6, 40, 7, 8);
	tcp(1, 2, 3, 0x02);
	decode_packet(&pk, 1, buf, (uint32_t)n, (uint32_t)n);
	CHECK(pk.has_tcp && pk.encap == 1 && pk.l3_off == 18 + 6 + 2 && pk.l4_off == 18 + 8 + 20);

	/* MPLS, two labels, then IPv4 guessed from the first byte */
	n = 0;
	eth(0x8847);
	put32(100u << 12 | 64);
	put32(200u << 12 | 0x100 | 64);
	ip4(6, 40, 9, 10);
	tcp(5, 6, 7, 0x10);
	decode_packet(&pk, 1, buf, (uint32_t)n, (uint32_t)n);
	CHECK(pk.has_tcp && pk.encap == 1 && pk.l3_off == 22 && pk.src[3] == 9);

	/* IP in IP nested deeper than DECODE_MAX_DEPTH: stops, never reaches the TCP */
	n = 0;
	eth(0x0800);
	unsigned levels = DECODE_MAX_DEPTH + 3;
	for (unsigned i = 0; i < levels; i++)
		ip4(4, 20 * (levels - i) + 40, (uint8_t)i, 200);
	ip4(6, 40, 99, 100);
	tcp(1, 2, 3, 0x02);
	decode_packet(&pk, 1, buf, (uint32_t)n, (uint32_t)n);
	CHECK(!pk.has_tcp && pk.encap == DECODE_MAX_DEPTH && pk.l3 == 4);

	/* exactly DECODE_MAX_DEPTH tunnels: still followed */
	n = 0;
	eth(0x0800);
	levels = DECODE_MAX_DEPTH;
	for (unsigned i = 0; i < levels; i++)
		ip4(4, 20 * (levels - i) + 40, (uint8_t)i, 200);
	ip4(6, 40, 99, 100);
	tcp(1, 2, 3, 0x02);
	decode_packet(&pk, 1, buf, (uint32_t)n, (uint32_t)n);
	CHECK(pk.has_tcp && pk.encap == DECODE_MAX_DEPTH && pk.src[3] == 99);

	/* the dump line the agreement test reads */
	char line[256];
	decode_dump_line(&pk, line, sizeof line);
	CHECK_STR(line, "0 v4 10.198.0.99 1 10.198.0.100 2 3 0 0x02 e8");
	return check_done("test_decode");
}
