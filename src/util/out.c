/* out.c - buffered output with hand-rolled integer formatting (no printf per packet). */
#include "out.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void out_init(struct out *o, int fd)
{
	o->fd = fd;
	o->len = 0;
	o->err = 0;
}

int out_flush(struct out *o)
{
	size_t done = 0;
	if (o->err) {
		o->len = 0;
		return -1;
	}
	while (done < o->len) {
		ssize_t n = write(o->fd, o->buf + done, o->len - done);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			o->err = errno;
			o->len = 0;
			return -1;
		}
		done += (size_t)n;
	}
	o->len = 0;
	return 0;
}

void out_mem_slow(struct out *o, const char *s, size_t n)
{
	while (n > 0) {
		size_t room = OUT_BUFSZ - o->len;
		if (room == 0) {
			out_flush(o);
			continue;
		}
		size_t k = n < room ? n : room;
		memcpy(o->buf + o->len, s, k);
		o->len += k;
		s += k;
		n -= k;
	}
}


static const char digit_pairs[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* Digits of v, least significant first, into tmp; returns the count. */
static size_t fmt_u64(char *tmp, uint64_t v)
{
	size_t n = 0;
	while (v >= 100) {
		unsigned r = (unsigned)(v % 100);
		v /= 100;
		tmp[n++] = digit_pairs[2 * r + 1];
		tmp[n++] = digit_pairs[2 * r];
	}
	if (v >= 10) {
		tmp[n++] = digit_pairs[2 * v + 1];
		tmp[n++] = digit_pairs[2 * v];
	} else {
		tmp[n++] = (char)('0' + v);
	}
	return n;
}

static int ndigits(uint64_t v)
{
	int n = 1;
	while (v >= 10000) {
		v /= 10000;
		n += 4;
	}
	if (v >= 1000)
		return n + 3;
	if (v >= 100)
		return n + 2;
	if (v >= 10)
		return n + 1;
	return n;
}

/* The common case: values below 2^32 (ports, lengths, sequence numbers), 32-bit arithmetic. */
static void out_u32w(struct out *o, uint32_t v, int width)
{
	int n = v >= 100000 ? (v >= 10000000 ? (v >= 1000000000 ? 10 : v >= 100000000 ? 9 : 8) : (v >= 1000000 ? 7 : 6))
			    : (v >= 1000 ? (v >= 10000 ? 5 : 4) : (v >= 100 ? 3 : v >= 10 ? 2 : 1));
	int pad = width > n ? width - n : 0;
	if (pad > 40)
		pad = 40;
	char *p = out_reserve(o, 64);
	for (int i = 0; i < pad; i++)
		p[i] = '0';
	char *e = p + pad + n;
	while (v >= 100) {
		uint32_t r = v % 100;
		v /= 100;
		*--e = digit_pairs[2 * r + 1];
		*--e = digit_pairs[2 * r];
	}
	if (v >= 10) {
		*--e = digit_pairs[2 * v + 1];
		*--e = digit_pairs[2 * v];
	} else {
		*--e = (char)('0' + v);
	}
	o->len += (size_t)(pad + n);
}

void out_u64w(struct out *o, uint64_t v, int width)
{
	if (v <= 0xffffffffu) {
		out_u32w(o, (uint32_t)v, width);
		return;
	}
	/* Written in place, right to left, two digits per division. */
	int n = ndigits(v);
	int pad = width > n ? width - n : 0;
	if (pad > 40)
		pad = 40;
	char *p = out_reserve(o, 64);
	for (int i = 0; i < pad; i++)
		p[i] = '0';
	char *e = p + pad + n;
	while (v >= 100) {
		unsigned r = (unsigned)(v % 100);
		v /= 100;
		*--e = digit_pairs[2 * r + 1];
		*--e = digit_pairs[2 * r];
	}
	if (v >= 10) {
		*--e = digit_pairs[2 * v + 1];
		*--e = digit_pairs[2 * v];
	} else {
		*--e = (char)('0' + v);
	}
	o->len += (size_t)(pad + n);
}

void out_u64sp(struct out *o, uint64_t v, int width)
{
	char tmp[24];
	size_t n = fmt_u64(tmp, v);
	char *p = out_reserve(o, 64);
	size_t k = 0;
	for (int i = (int)n; i < width && k < 40; i++)
		p[k++] = ' ';
	while (n)
		p[k++] = tmp[--n];
	o->len += k;
}

void out_u64(struct out *o, uint64_t v)
{
	out_u64w(o, v, 0);
}

void out_i64(struct out *o, int64_t v)
{
	if (v < 0) {
		out_char(o, '-');
		out_u64(o, (uint64_t)0 - (uint64_t)v);
	} else {
		out_u64(o, (uint64_t)v);
	}
}

void out_hex(struct out *o, uint64_t v, int width)
{
	static const char digits[] = "0123456789abcdef";
	char tmp[20];
	size_t n = 0;
	do {
		tmp[n++] = digits[v & 15];
		v >>= 4;
	} while (v);
	char *p = out_reserve(o, 64);
	size_t k = 0;
	for (int i = (int)n; i < width && k < 40; i++)
		p[k++] = '0';
	while (n)
		p[k++] = tmp[--n];
	o->len += k;
}

void out_fmt(struct out *o, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof tmp)
		n = sizeof tmp - 1;
	out_mem(o, tmp, (size_t)n);
}

void out_json_str(struct out *o, const char *s)
{
	out_char(o, '"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\') {
			out_char(o, '\\');
			out_char(o, (char)ch);
		} else if (ch < 0x20) {
			out_fmt(o, "\\u%04x", ch);
		} else {
			out_char(o, (char)ch);
		}
	}
	out_char(o, '"');
}
