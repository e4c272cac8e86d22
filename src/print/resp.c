/*
 * resp.c - RESP, the Redis serialization protocol (redis.io/topics/protocol),
 * TCP port 6379, as tcpdump 4.99 prints it.
 *
 *   +simple\r\n  -error\r\n  :integer\r\n  $len\r\n<bytes>\r\n  *count\r\n<items>
 *   anything else: an inline command line ending in \r and/or \n
 *
 * Every item of a segment is printed in turn (pipelining), strings quoted
 * and escaped.  Anything that runs past the segment or the capture ends the
 * line with " [|resp]".
 */
#include <limits.h>

#include "nd.h"

#define RESP_TRUNC (-1)

static int resp_parse(struct nd *nd, const uint8_t *bp, int length);

/* ' "text"' of len bytes; -1 when the capture ends first. */
static int resp_segment(struct nd *nd, const uint8_t *bp, int len)
{
	ND_STR(nd, " \"");
	size_t have = nd_avail(nd, bp);
	if ((size_t)len > have) {
		nd_printjn(nd, bp, have);
		return -1;
	}
	nd_printjn(nd, bp, (size_t)len);
	ND_CHR(nd, '"');
	return 0;
}

/* Advance the pointer and length to the next CR LF; -1 if not in the segment. */
static int resp_find_crlf(struct nd *nd, const uint8_t **pp, int *len)
{
	for (;;) {
		if (*len < 2 || !nd_ok(nd, *pp, 2))
			return -1;
		if (GET_U8(nd, *pp) == '\r' && GET_U8(nd, *pp + 1) == '\n')
			return 0;
		(*pp)++;
		(*len)--;
	}
}

/*
 * A length after '$' or '*' and its "\r\n": the value, or -1 (null), -2 (cut
 * short), -3 (too large), -4 (negative and not -1), -5 (malformed); *endp is
 * where parsing stopped.
 */
static int resp_get_length(struct nd *nd, const uint8_t *bp, int len, const uint8_t **endp)
{
	int result = 0, saw_digit = 0, neg = 0, too_large = 0;
	if (len == 0)
		goto trunc;
	if (GET_U8(nd, bp) == '-') {
		neg = 1;
		bp++;
		len--;
	}
	for (;;) {
		if (len == 0)
			goto trunc;
		uint8_t c = GET_U8(nd, bp);
		if (c < '0' || c > '9') {
			if (!saw_digit) {
				bp++;
				goto invalid;
			}
			break;
		}
		c = (uint8_t)(c - '0');
		if (result > INT_MAX / 10) {
			too_large = 1;
		} else {
			result *= 10;
			if (result == (INT_MAX / 10) * 10 && c > INT_MAX % 10)
				too_large = 1;
			else
				result += c;
		}
		bp++;
		len--;
		saw_digit = 1;
	}
	if (GET_U8(nd, bp) != '\r') {
		bp++;
		goto invalid;
	}
	bp++;
	len--;
	if (len == 0)
		goto trunc;
	if (GET_U8(nd, bp) != '\n') {
		bp++;
		goto invalid;
	}
	bp++;
	*endp = bp;
	if (neg)
		return (too_large || result != 1) ? -4 : -1;
	return too_large ? -3 : result;
trunc:
	*endp = bp;
	return -2;
invalid:
	*endp = bp;
	return -5;
}

static void resp_bad_length(struct nd *nd, int v)
{
	switch (v) {
	case -1:
		ND_STR(nd, " null");
		break;
	case -3:
		ND_STR(nd, " length too large");
		break;
	case -4:
		ND_STR(nd, " length negative and not -1");
		break;
	default:
		ND_STR(nd, " invalid");
		break;
	}
}

/* +, - and : lines. */
static int resp_line(struct nd *nd, const uint8_t *bp, int length)
{
	int cur = length - 1;
	const uint8_t *s = bp + 1, *e = s;
	if (resp_find_crlf(nd, &e, &cur) < 0)
		return RESP_TRUNC;
	int len = (int)(e - s);
	if (resp_segment(nd, s, len) < 0)
		return RESP_TRUNC;
	return 1 + len + 2;
}

static int resp_bulk_string(struct nd *nd, const uint8_t *bp, int length)
{
	int cur = length - 1;
	const uint8_t *p = bp + 1, *end;
	int n = resp_get_length(nd, p, cur, &end);
	cur -= (int)(end - p);
	p = end;
	if (n >= 0) {
		if (n == 0) {
			ND_STR(nd, " empty");
		} else {
			if (cur < n || !nd_ok(nd, p, (size_t)n))
				return RESP_TRUNC;
			if (resp_segment(nd, p, n) < 0)
				return RESP_TRUNC;
			p += n;
			cur -= n;
		}
		if (resp_find_crlf(nd, &p, &cur) < 0)
			return RESP_TRUNC;
		p += 2;
		cur -= 2;
	} else if (n == -2) {
		return RESP_TRUNC;
	} else {
		resp_bad_length(nd, n);
	}
	return length - cur;
}

static int resp_array(struct nd *nd, const uint8_t *bp, int length)
{
	int cur = length - 1;
	const uint8_t *p = bp + 1, *end;
	int n = resp_get_length(nd, p, cur, &end);
	cur -= (int)(end - p);
	p = end;
	if (n > 0) {
		for (int i = 0; i < n; i++) {
			int r = resp_parse(nd, p, cur);
			if (r < 0)
				return RESP_TRUNC;
			p += r;
			cur -= r;
		}
	} else if (n == 0) {
		ND_STR(nd, " empty");
	} else if (n == -2) {
		return RESP_TRUNC;
	} else {
		resp_bad_length(nd, n);
	}
	return length - cur;
}

/* Skip \r and \n bytes; -1 if the data ends before any other byte and none was seen. */
static int resp_skip_crlf(struct nd *nd, const uint8_t **pp, int *len)
{
	int found = 0;
	for (;;) {
		if (*len == 0)
			return found ? 0 : -1;
		if (GET_U8(nd, *pp) != '\r' && GET_U8(nd, *pp) != '\n')
			return 0;
		found = 1;
		(*pp)++;
		(*len)--;
	}
}

static int resp_inline(struct nd *nd, const uint8_t *bp, int length)
{
	int cur = length;
	if (resp_skip_crlf(nd, &bp, &cur) < 0)
		return RESP_TRUNC;
	const uint8_t *e = bp;
	for (;;) {
		if (cur < 1)
			return RESP_TRUNC;
		if (GET_U8(nd, e) == '\r' || GET_U8(nd, e) == '\n')
			break;
		e++;
		cur--;
	}
	if (resp_segment(nd, bp, (int)(e - bp)) < 0)
		return RESP_TRUNC;
	if (resp_skip_crlf(nd, &e, &cur) < 0)
		return RESP_TRUNC;
	return length - cur;
}

/* One item; its length, or RESP_TRUNC.  Bytes past the capture longjmp (as
 * tcpdump's GET_U_1 does); only the length checks print our own marker. */
static int resp_parse(struct nd *nd, const uint8_t *bp, int length)
{
	if (length < 1)
		return RESP_TRUNC;
	switch (GET_U8(nd, bp)) {
	case '+':
	case '-':
	case ':':
		return resp_line(nd, bp, length);
	case '$':
		return resp_bulk_string(nd, bp, length);
	case '*':
		return resp_array(nd, bp, length);
	default:
		return resp_inline(nd, bp, length);
	}
}

void resp_print(struct nd *nd, const uint8_t *bp, uint32_t length)
{
	nd->protocol = "resp";
	int cur = length > INT_MAX ? INT_MAX : (int)length;
	ND_STR(nd, ": RESP");
	while (cur > 0) {
		int r = resp_parse(nd, bp, cur);
		if (r < 0) {
			nd_print_trunc(nd);
			return;
		}
		bp += r;
		cur -= r;
	}
}
