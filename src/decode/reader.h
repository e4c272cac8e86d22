/*
 * reader.h - a bounds-checked cursor over borrowed packet bytes.
 *
 * Every read checks the remaining length first ("n <= end - p" style, never
 * "p + n <= end") and returns 0 on success, -1 when the bytes were not
 * captured; values are returned in host order.  Nothing here can read outside
 * [start, start + len).
 */
#ifndef SYNACK_READER_H
#define SYNACK_READER_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Always inlined: a call per field (gcc gave up inlining rd_be32 in decode.c)
 * costs more than the read. */
#define RD_INLINE static inline __attribute__((always_inline))

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define rd_from_be16(x) (x)
#define rd_from_be32(x) (x)
#else
#define rd_from_be16(x) __builtin_bswap16(x)
#define rd_from_be32(x) __builtin_bswap32(x)
#endif

struct rd {
	const uint8_t *p;
	size_t len;
};

RD_INLINE int rd_have(const struct rd *r, size_t off, size_t n)
{
	return off <= r->len && n <= r->len - off;
}
RD_INLINE int rd_u8(const struct rd *r, size_t off, uint8_t *v)
{
	if (!rd_have(r, off, 1))
		return -1;
	*v = r->p[off];
	return 0;
}
RD_INLINE int rd_be16(const struct rd *r, size_t off, uint16_t *v)
{
	if (!rd_have(r, off, 2))
		return -1;
	uint16_t x;
	memcpy(&x, r->p + off, 2);      /* one load, then a byte swap */
	*v = rd_from_be16(x);
	return 0;
}
RD_INLINE int rd_le16(const struct rd *r, size_t off, uint16_t *v)
{
	if (!rd_have(r, off, 2))
		return -1;
	*v = (uint16_t)((uint16_t)r->p[off + 1] << 8 | r->p[off]);
	return 0;
}
RD_INLINE int rd_be32(const struct rd *r, size_t off, uint32_t *v)
{
	if (!rd_have(r, off, 4))
		return -1;
	uint32_t x;
	memcpy(&x, r->p + off, 4);
	*v = rd_from_be32(x);
	return 0;
}
RD_INLINE int rd_le32(const struct rd *r, size_t off, uint32_t *v)
{
	if (!rd_have(r, off, 4))
		return -1;
	*v = (uint32_t)r->p[off + 3] << 24 | (uint32_t)r->p[off + 2] << 16 | (uint32_t)r->p[off + 1] << 8 |
	     r->p[off];
	return 0;
}
RD_INLINE int rd_copy(const struct rd *r, size_t off, void *dst, size_t n)
{
	if (!rd_have(r, off, n))
		return -1;
	memcpy(dst, r->p + off, n);
	return 0;
}
/* A sub-range [off, off+n) clipped to what was captured. */
RD_INLINE struct rd rd_sub(const struct rd *r, size_t off, size_t n)
{
	struct rd s = {r->p, 0};
	if (off > r->len)
		return s;
	s.p = r->p + off;
	s.len = r->len - off < n ? r->len - off : n;
	return s;
}

#endif
