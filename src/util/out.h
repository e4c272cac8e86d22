/*
 * out.h - buffered text output for the packet printers.
 *
 * One large buffer per stream; printers append with the out_* helpers, which
 * never call printf.  The buffer is written with write(2) when it fills, when
 * out_flush() is called, or after every packet when line buffering (-l) is on.
 * A write error is remembered (out->err) and reported by the caller; output
 * is dropped after the first error so a closed pipe does not spin.
 */
#ifndef SYNACK_OUT_H
#define SYNACK_OUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define OUT_BUFSZ (256 * 1024)

struct out {
	int fd;
	size_t len;
	int err;            /* errno of the first failed write, 0 if none */
	char buf[OUT_BUFSZ];
};

void out_init(struct out *o, int fd);
/* Write everything buffered; returns 0 or -1 (errno in o->err). */
int out_flush(struct out *o);

/* Make room for n bytes; flushes when needed.  n must be < OUT_BUFSZ. */
static inline char *out_reserve(struct out *o, size_t n)
{
	if (OUT_BUFSZ - o->len < n)
		out_flush(o);
	return o->buf + o->len;
}

static inline void out_char(struct out *o, char c)
{
	if (o->len == OUT_BUFSZ)
		out_flush(o);
	o->buf[o->len++] = c;
}

void out_mem_slow(struct out *o, const char *s, size_t n);
/* Append n bytes: one memcpy when they fit (the usual case). */
static inline void out_mem(struct out *o, const char *s, size_t n)
{
	if (n <= OUT_BUFSZ - o->len) {
		memcpy(o->buf + o->len, s, n);
		o->len += n;
	} else {
		out_mem_slow(o, s, n);
	}
}
/* strlen is folded at compile time for string literals, the common case. */
#define out_str(o, s) out_mem((o), (s), strlen(s))
void out_u64(struct out *o, uint64_t v);
void out_i64(struct out *o, int64_t v);
/* Unsigned, zero padded to at least width digits. */
void out_u64w(struct out *o, uint64_t v, int width);
/* Unsigned, space padded to at least width characters. */
void out_u64sp(struct out *o, uint64_t v, int width);
/* Lower-case hex, zero padded to at least width digits, no prefix. */
void out_hex(struct out *o, uint64_t v, int width);
/* A JSON string literal: quotes, backslash and control characters escaped. */
void out_json_str(struct out *o, const char *s);
/* printf into the buffer, for cold paths only (bounded to 1024 bytes). */
void out_fmt(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
