/* Unit tests for the bounds-checked packet accessors and the truncation longjmp (print/nd.h). */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "print/nd.h"

static struct out o;
static struct opts opts;

static int read_be32_at(struct nd *nd, const uint8_t *p, uint32_t *v)
{
	if (setjmp(nd->trunc) != 0)
		return -1;
	*v = GET_BE32(nd, p);
	return 0;
}

int main(void)
{
	/* The packet is the middle of a larger array, so out-of-packet pointers stay valid C. */
	static uint8_t mem[24] = {0, 0, 0, 0, 0, 0, 0, 0, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0};
	uint8_t *pkt = mem + 8;
	struct nd nd;
	memset(&nd, 0, sizeof nd);
	out_init(&o, -1);
	nd.out = &o;
	nd.o = &opts;
	nd.pkt = pkt;
	nd.snapend = pkt + 8;

	uint32_t v = 0;
	CHECK(read_be32_at(&nd, pkt, &v) == 0 && v == 0x12345678);
	CHECK(read_be32_at(&nd, pkt + 4, &v) == 0 && v == 0x9abcdef0);
	CHECK(read_be32_at(&nd, pkt + 5, &v) == -1);   /* 1 byte short */
	CHECK(read_be32_at(&nd, pkt + 8, &v) == -1);   /* at the end */
	CHECK(read_be32_at(&nd, pkt - 1, &v) == -1);   /* before the start */
	CHECK(nd_ok(&nd, pkt, 8));
	CHECK(!nd_ok(&nd, pkt, 9));
	CHECK(!nd_ok(&nd, pkt + 1, SIZE_MAX));          /* no overflow in the check */
	CHECK(nd_avail(&nd, pkt + 3) == 5);
	CHECK(nd_avail(&nd, pkt + 9) == 0);

	/* Narrowing the readable range only ever shrinks it, and pops restore it. */
	nd_push_snaplen(&nd, pkt, 4);
	CHECK(read_be32_at(&nd, pkt, &v) == 0);
	CHECK(read_be32_at(&nd, pkt + 1, &v) == -1);
	nd_push_snaplen(&nd, pkt, 100);                  /* a lying length cannot widen */
	CHECK(!nd_ok(&nd, pkt, 5));
	nd_pop_snaplen(&nd);
	nd_pop_snaplen(&nd);
	CHECK(nd_ok(&nd, pkt, 8));

	/* Internet checksum: RFC 1071 example bytes. */
	uint8_t ck[] = {0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};
	CHECK(in_cksum(ck, sizeof ck, 0) == (uint16_t)~0xddf2);
	/* An IPv4 header with a correct checksum sums to zero. */
	uint8_t iph[20] = {0x45, 0, 0, 0x3c, 0x1c, 0x46, 0x40, 0, 0x40, 0x06, 0xb1, 0xe6,
			   0xac, 0x10, 0x0a, 0x63, 0xac, 0x10, 0x0a, 0x0c};
	CHECK(in_cksum(iph, 20, 0) == 0);
	iph[11] ^= 1;
	CHECK(in_cksum(iph, 20, 0) != 0);
	CHECK(in_cksum_shouldbe(0xb1e7, in_cksum(iph, 20, 0)) == 0xb1e6);
	/* The word-wise checksum against the plain RFC 1071 byte-pair loop, all lengths and offsets. */
	{
		static uint8_t buf[2100];
		uint32_t seed = 12345;
		for (size_t i = 0; i < sizeof buf; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = (uint8_t)(seed >> 16);
		}
		int bad = 0;
		for (size_t off = 0; off < 8; off++) {
			for (size_t n = 0; n < 2048; n += (n < 40 ? 1 : 37)) {
				for (uint32_t init = 0; init < 3; init++) {
					uint32_t in = init * 0x12345u;
					uint64_t ref = in;
					for (size_t i = 0; i + 1 < n; i += 2)
						ref += (uint32_t)buf[off + i] << 8 | buf[off + i + 1];
					if (n & 1)
						ref += (uint32_t)buf[off + n - 1] << 8;
					while (ref >> 16)
						ref = (ref & 0xffff) + (ref >> 16);
					if (in_cksum(buf + off, n, in) != (uint16_t)~ref)
						bad++;
				}
			}
		}
		CHECK(bad == 0);
	}
	return check_done("test_accessors");
}
