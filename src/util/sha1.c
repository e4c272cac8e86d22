/* sha1.c - SHA-1 as FIPS 180-4 section 6.1 describes it. */
#include "sha1.h"

#include <string.h>

static uint32_t rol(uint32_t x, unsigned k)
{
	return (x << k) | (x >> (32 - k));
}

static void compress(uint32_t h[5], const uint8_t b[64])
{
	uint32_t w[80];
	for (int t = 0; t < 16; t++)
		w[t] = (uint32_t)b[4 * t] << 24 | (uint32_t)b[4 * t + 1] << 16 | (uint32_t)b[4 * t + 2] << 8 |
		       (uint32_t)b[4 * t + 3];
	for (int t = 16; t < 80; t++)
		w[t] = rol(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
	uint32_t a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4];
	for (int t = 0; t < 80; t++) {
		uint32_t f, k;
		if (t < 20) {
			f = (bb & c) | (~bb & d);
			k = 0x5a827999u;
		} else if (t < 40) {
			f = bb ^ c ^ d;
			k = 0x6ed9eba1u;
		} else if (t < 60) {
			f = (bb & c) | (bb & d) | (c & d);
			k = 0x8f1bbcdcu;
		} else {
			f = bb ^ c ^ d;
			k = 0xca62c1d6u;
		}
		uint32_t tmp = rol(a, 5) + f + e + k + w[t];
		e = d;
		d = c;
		c = rol(bb, 30);
		bb = a;
		a = tmp;
	}
	h[0] += a;
	h[1] += bb;
	h[2] += c;
	h[3] += d;
	h[4] += e;
}

void sha1_init(struct sha1 *s)
{
	static const uint32_t iv[5] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u, 0xc3d2e1f0u};
	memcpy(s->h, iv, sizeof iv);
	s->total = 0;
	s->used = 0;
}

void sha1_update(struct sha1 *s, const void *data, size_t n)
{
	const uint8_t *p = data;
	s->total += n;
	while (n) {
		size_t k = sizeof s->block - s->used;
		if (k > n)
			k = n;
		memcpy(s->block + s->used, p, k);
		s->used += k;
		p += k;
		n -= k;
		if (s->used == sizeof s->block) {
			compress(s->h, s->block);
			s->used = 0;
		}
	}
}

void sha1_final(struct sha1 *s, uint8_t out[SHA1_LEN])
{
	uint64_t bits = s->total * 8;
	uint8_t pad[72];
	size_t np = (s->used < 56 ? 56 : 120) - s->used;
	memset(pad, 0, sizeof pad);
	pad[0] = 0x80;
	for (int i = 0; i < 8; i++)
		pad[np + (size_t)i] = (uint8_t)(bits >> (56 - 8 * i));
	sha1_update(s, pad, np + 8);
	for (int i = 0; i < 5; i++) {
		out[4 * i] = (uint8_t)(s->h[i] >> 24);
		out[4 * i + 1] = (uint8_t)(s->h[i] >> 16);
		out[4 * i + 2] = (uint8_t)(s->h[i] >> 8);
		out[4 * i + 3] = (uint8_t)s->h[i];
	}
}

void sha1(const void *data, size_t n, uint8_t out[SHA1_LEN])
{
	struct sha1 s;
	sha1_init(&s);
	sha1_update(&s, data, n);
	sha1_final(&s, out);
}
