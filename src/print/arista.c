/*
 * arista.c - the Arista vendor-specific Ethernet type (0xd28b), printed as
 * tcpdump 4.99 does: a subtype (1 = timestamp), then for timestamps a
 * timescale byte, a format/hardware byte and a 64-bit (seconds.nanoseconds)
 * or 48-bit (16-bit seconds, 32-bit nanoseconds) timestamp.  The frame's own
 * Ethernet type follows; print/ether.c goes on from there.
 */
#include "nd.h"

#include <time.h>

static const struct tok timescales[] = {{0, "TAI"}, {1, "UTC"}, {0, NULL}};
static const struct tok formats[] = {{1, "64-bit"}, {2, "48-bit"}, {0, NULL}};
static const struct tok hwinfos[] = {{0, "R/R2"}, {1, "R3"}, {0, NULL}};

/* Bytes of Arista header consumed, or -1 when the subtype or format is unknown. */
int arista_print(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	(void)len;
	nd->protocol = "arista";
	uint16_t sub = GET_BE16(nd, bp);
	ND_STR(nd, "SubType ");
	nd_tok(nd, (const struct tok[]){{1, "Timestamp"}, {0, NULL}}, "Unknown", sub);
	out_fmt(nd->out, " (0x%04x), ", sub);
	if (sub != 1)
		return -1;
	uint8_t scale = GET_U8(nd, bp + 2);
	ND_STR(nd, "Timescale ");
	nd_tok(nd, timescales, "Unknown", scale);
	out_fmt(nd->out, " (%u), ", scale);
	uint8_t b = GET_U8(nd, bp + 3);
	unsigned fmt = b >> 4, hw = b & 0x0f;
	ND_STR(nd, "Format ");
	nd_tok(nd, formats, "Unknown", fmt);
	out_fmt(nd->out, " (%u), HwInfo ", fmt);
	nd_tok(nd, hwinfos, "Unknown", hw);
	out_fmt(nd->out, " (%u), Timestamp ", hw);
	int used = 4;
	if (fmt == 1) {
		uint32_t sec = GET_BE32(nd, bp + 4), ns = GET_BE32(nd, bp + 8);
		time_t ts = (time_t)sec + ns / 1000000000;
		struct tm tm;
		char buf[64];
		if (gmtime_r(&ts, &tm) && strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm))
			out_fmt(nd->out, "%s.%09u", buf, ns % 1000000000);
		else
			out_fmt(nd->out, "[Time conversion error].%09u", ns % 1000000000);
		used += 8;
	} else if (fmt == 2) {
		uint64_t sec = GET_BE16(nd, bp + 4);
		uint32_t ns = GET_BE32(nd, bp + 6);
		sec += ns / 1000000000;
		out_fmt(nd->out, "%llu.%09u", (unsigned long long)sec, ns % 1000000000);
		used += 6;
	} else {
		return -1;
	}
	ND_STR(nd, ": ");
	return used;
}
