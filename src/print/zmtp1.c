/*
 * zmtp1.c - ZeroMQ Message Transport Protocol 1.0 (13/ZMTP), printed only
 * when asked for (-T zmtp1 over TCP, -T pgm_zmtp1 in PGM ODATA/RDATA), as
 * tcpdump 4.99 prints it.
 *
 *   frame: | length (1, or 0xff + 8) | flags | body (length - 1) |
 *   PGM datagram: | first frame offset (2, 0xffff: none) | frames ... |
 */
#include "svc2.h"

#define ZMTP1_VBYTES 128

static uint64_t u64min(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

/* One frame from p (p < end); returns where the next one starts. */
static const uint8_t *zmtp1_frame(struct nd *nd, const uint8_t *p, const uint8_t *end)
{
	uint64_t declared, hlen;
	ND_STR(nd, "\n\t");
	uint8_t l = GET_U8(nd, p);
	if (l != 0xff) {
		hlen = 1;
		declared = l;
		out_fmt(nd->out, " frame flags+body  (8-bit) length %llu", (unsigned long long)declared);
	} else {
		hlen = 9;
		ND_STR(nd, " frame flags+body (64-bit) length");
		declared = GET_BE64(nd, p + 1);
		out_fmt(nd->out, " %llu", (unsigned long long)declared);
	}
	if (declared == 0)
		return p + hlen;
	uint8_t flags = GET_U8(nd, p + hlen);
	uint64_t captured = (uint64_t)(end - p) - hlen;
	if (declared > captured)
		out_fmt(nd->out, " (%llu captured)", (unsigned long long)captured);
	out_fmt(nd->out, ", flags 0x%02x", flags);
	if (nd->o->vflag) {
		uint64_t shown = u64min(captured, declared);
		out_fmt(nd->out, " (%s|%s|%s|%s|%s|%s|%s|%s)", flags & 0x80 ? "MBZ" : "-", flags & 0x40 ? "MBZ" : "-",
			flags & 0x20 ? "MBZ" : "-", flags & 0x10 ? "MBZ" : "-", flags & 0x08 ? "MBZ" : "-",
			flags & 0x04 ? "MBZ" : "-", flags & 0x02 ? "MBZ" : "-", flags & 0x01 ? "MORE" : "-");
		if (nd->o->vflag == 1)
			shown = u64min(ZMTP1_VBYTES + 1, shown);
		if (shown > 1) {
			out_fmt(nd->out, ", first %llu byte(s) of body:", (unsigned long long)(shown - 1));
			nd_hex_ascii(nd, "\n\t ", p + hlen + 1, (size_t)(shown - 1), 1);
		}
	}
	p += hlen;
	/* the whole body must be captured before stepping over it */
	if (declared > nd_avail(nd, p))
		nd_trunc(nd);
	return p + declared;
}

static const uint8_t *zmtp1_end(struct nd *nd, const uint8_t *p, uint32_t len)
{
	size_t avail = nd_avail(nd, p);
	return p + (len < avail ? len : avail);
}

void zmtp1_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "zmtp1";
	const uint8_t *end = zmtp1_end(nd, p, len);
	ND_STR(nd, ": ZMTP/1.0");
	while (p < end)
		p = zmtp1_frame(nd, p, end);
}

void zmtp1_datagram_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "zmtp1";
	const uint8_t *end = zmtp1_end(nd, p, len);
	unsigned off = GET_BE16(nd, p);
	out_fmt(nd->out, "\n\t frame offset 0x%04x", off);
	p += 2;
	uint64_t remaining = nd_avail(nd, p);
	if (off == 0xffff) {
		off = len - 2;
	} else if (2 + off > len) {
		ND_STR(nd, " (exceeds datagram declared length)");
		nd_trunc(nd);
	}
	if (off) {
		out_fmt(nd->out, "\n\t frame intermediate part, %u bytes", off);
		if (off > remaining)
			out_fmt(nd->out, " (%llu captured)", (unsigned long long)remaining);
		if (nd->o->vflag) {
			uint64_t shown = u64min(off, remaining);
			if (nd->o->vflag == 1)
				shown = u64min(ZMTP1_VBYTES, shown);
			if (shown > 1) {
				out_fmt(nd->out, ", first %llu byte(s):", (unsigned long long)shown);
				nd_hex_ascii(nd, "\n\t ", p, (size_t)shown, 1);
			}
		}
	}
	if (off > nd_avail(nd, p))
		return;
	for (p += off; p < end;)
		p = zmtp1_frame(nd, p, end);
}
