/*
 * hexdump.c - tcpdump's raw dump formats: -x/-xx (hex), -X/-XX (hex and
 * ASCII), -A/-AA (ASCII), the "default print" used for undecoded payloads,
 * and print_unknown_data (hex only) used by printers at -v.
 *
 * Hex line layout (16 bytes a line, bytes paired in 2-byte groups):
 *
 *   <ident>0x0000:  4500 0034 1a2b 4000 4006 0000 0a00 0001  E..4.+@.@.......
 *          |       |                                        |  |
 *          offset  each group is " %02x%02x" (5 columns);   2 spaces, then
 *                  a final odd byte is " %02x"; with ASCII   one char a byte:
 *                  the hex part is padded to 40 columns      0x21..0x7e as is,
 *                                                            the rest '.'
 *
 * Contracts (all byte reads go through the nd.h accessors):
 *
 *   nd_hex_ascii(nd, ident, p, n, ascii)
 *       ident is printed at the START of every line, the first included, so
 *       the caller passes "\n\t" to get tcpdump's usual layout: this function
 *       never prints a newline of its own.  Offsets start at 0x0000.  When
 *       fewer than n bytes are captured from p, the captured ones are dumped
 *       and then the packet is treated as truncated (nd_trunc), as tcpdump
 *       4.99's hex_print / hex_and_ascii_print do.
 *   nd_ascii(nd, p, n)
 *       tcpdump's ascii_print: "\n" first, then the bytes; printable bytes,
 *       tab, space and newline as they are, CR dropped before a newline (and
 *       at the very end), anything else '.'.  Truncation as above.
 *   nd_print_unknown_data(nd, p, ident, n)
 *       hex only, n clamped to what is captured (never truncates); a p past
 *       the captured data prints tcpdump's "Dissector error" line.
 *   nd_default_print(nd, p, n)
 *       tcpdump's ND_DEFAULTPRINT: nd_hex_ascii(nd, "\n\t", p, n, 1).  Callers
 *       decide whether it is suppressed (tcpdump skips it in many places
 *       under -q, -x or -X: see nd_default_print_suppressed()).
 *   nd_dump_packet(nd, pkt, caplen, hdrlen)
 *       the whole top-level -x/-xx/-X/-XX/-A/-AA logic of tcpdump's
 *       pretty_print_packet(), to be called after the packet's line has been
 *       printed and BEFORE the final '\n' (which the caller prints, dump or
 *       not).  pkt/caplen are the whole captured packet, hdrlen the link-
 *       layer header length as the link printer reported it (0 when the link
 *       header itself was truncated).  -X wins over -x, which wins over -A;
 *       a count of 2 or more includes the link header, otherwise the dump
 *       starts at hdrlen and is empty when caplen <= hdrlen.  The dump always
 *       covers every captured byte (not limited by the IP length).  It resets
 *       nd->snapend to pkt + caplen first, as tcpdump restores the snapend
 *       before dumping.
 */
#include "nd.h"

/* Exported helpers not (yet) declared in nd.h; see the comment above. */
void nd_default_print(struct nd *nd, const uint8_t *p, size_t n);
int nd_default_print_suppressed(const struct nd *nd);

#define HEX_BYTES_PER_LINE 16
#define HEX_COLS_PER_LINE 40 /* 8 groups of " xxxx" */

static const char hexdig[] = "0123456789abcdef";

static int is_graph(uint8_t c)
{
	return c > 0x20 && c < 0x7f;
}

/* "0x%04x: " - the offset wraps to more digits past 0xffff, as %04x does. */
static void put_offset(struct nd *nd, const char *ident, uint32_t off)
{
	ND_STR(nd, ident);
	ND_STR(nd, "0x");
	out_hex(nd->out, off, 4);
	ND_STR(nd, ": ");
}

void nd_hex_ascii(struct nd *nd, const char *ident, const uint8_t *p, size_t n, int ascii)
{
	size_t avail = nd_avail(nd, p);
	int truncated = 0;
	if (n > avail) {
		n = avail;
		truncated = 1;
	}
	uint32_t off = 0;
	size_t i = 0;
	while (i < n) {
		size_t line = n - i < HEX_BYTES_PER_LINE ? n - i : HEX_BYTES_PER_LINE;
		char hex[HEX_COLS_PER_LINE + 1];
		char asc[HEX_BYTES_PER_LINE];
		size_t h = 0;
		for (size_t k = 0; k < line; k++) {
			uint8_t c = GET_U8(nd, p + i + k);
			if ((k & 1) == 0)
				hex[h++] = ' ';
			hex[h++] = hexdig[c >> 4];
			hex[h++] = hexdig[c & 0xf];
			asc[k] = is_graph(c) ? (char)c : '.';
		}
		put_offset(nd, ident, off);
		out_mem(nd->out, hex, h);
		if (ascii) {
			while (h < HEX_COLS_PER_LINE) {
				ND_CHR(nd, ' ');
				h++;
			}
			ND_STR(nd, "  ");
			out_mem(nd->out, asc, line);
		}
		i += line;
		off += HEX_BYTES_PER_LINE;
	}
	if (truncated)
		nd_trunc(nd);
}

void nd_ascii(struct nd *nd, const uint8_t *p, size_t n)
{
	size_t avail = nd_avail(nd, p);
	int truncated = 0;
	if (n > avail) {
		n = avail;
		truncated = 1;
	}
	ND_CHR(nd, '\n');
	for (size_t i = 0; i < n; i++) {
		uint8_t c = GET_U8(nd, p + i);
		size_t left = n - i - 1; /* bytes after this one */
		if (c == '\r') {
			/*
			 * tcpdump drops a CR that ends a line (or that is one of
			 * the last two bytes) and shows any other as '.'.
			 */
			if (left > 1 && GET_U8(nd, p + i + 1) != '\n')
				ND_CHR(nd, '.');
		} else if (is_graph(c) || c == '\t' || c == ' ' || c == '\n') {
			ND_CHR(nd, (char)c);
		} else {
			ND_CHR(nd, '.');
		}
	}
	if (truncated)
		nd_trunc(nd);
}

void nd_print_unknown_data(struct nd *nd, const uint8_t *p, const char *ident, size_t n)
{
	if (p < nd->pkt || p > nd->snapend) {
		ND_STR(nd, ident);
		ND_STR(nd, "Dissector error: print_unknown_data called with pointer past end of packet");
		return;
	}
	size_t avail = nd_avail(nd, p);
	if (n > avail)
		n = avail;
	nd_hex_ascii(nd, ident, p, n, 0);
}

void nd_default_print(struct nd *nd, const uint8_t *p, size_t n)
{
	nd_hex_ascii(nd, "\n\t", p, n, 1);
}

/* tcpdump's ndo_suppress_default_print: set by -q, -x and -X (not -A). */
int nd_default_print_suppressed(const struct nd *nd)
{
	return nd->o->qflag || nd->o->xflag || nd->o->Xflag;
}

void nd_dump_packet(struct nd *nd, const uint8_t *pkt, uint32_t caplen, uint32_t hdrlen)
{
	const struct opts *o = nd->o;
	int level;
	enum { DUMP_HEX, DUMP_HEX_ASCII, DUMP_ASCII } kind;

	if (o->Xflag) {
		kind = DUMP_HEX_ASCII;
		level = o->Xflag;
	} else if (o->xflag) {
		kind = DUMP_HEX;
		level = o->xflag;
	} else if (o->Aflag) {
		kind = DUMP_ASCII;
		level = o->Aflag;
	} else {
		return;
	}

	/* Undo any narrowing a printer left behind (it may have longjmp'ed). */
	nd->snapend = pkt + caplen;
	nd->snap_depth = 0;

	const uint8_t *p = pkt;
	uint32_t n = caplen;
	if (level < 2) {
		if (caplen <= hdrlen)
			return;
		p += hdrlen;
		n -= hdrlen;
	}
	switch (kind) {
	case DUMP_HEX_ASCII:
		nd_hex_ascii(nd, "\n\t", p, n, 1);
		break;
	case DUMP_HEX:
		nd_hex_ascii(nd, "\n\t", p, n, 0);
		break;
	case DUMP_ASCII:
		nd_ascii(nd, p, n);
		break;
	}
}
