/*
 * arista.c - the Arista Vendor Specific Protocol header (ethertype 0xd28b,
 * "AVSP"), as tcpdump 4.99 prints it: a timestamp header inserted by Arista
 * switches before the original ethertype.
 *
 *   +-------------+---------------------------------+------------------------+
 *   | subtype (2) | timescale(1) format(4b) hw(4b)  | timestamp: 64-bit      |
 *   +-------------+---------------------------------+ (sec 4, ns 4) or 48-bit|
 *                                                     (sec 2, ns 4)          |
 *   then the original ethertype and frame.
 */
#include "lan.h"

#include <inttypes.h>
#include <time.h>

static const struct tok arista_timescale_names[] = {{0, "TAI"}, {1, "UTC"}, {0, NULL}};
static const struct tok arista_format_names[] = {{1, "64-bit"}, {2, "48-bit"}, {0, NULL}};
static const struct tok arista_hw_names[] = {{0, "R/R2"}, {1, "R3"}, {0, NULL}};


int arista_print(struct nd *nd, const uint8_t *p)
{
	nd->protocol = "arista";
	uint16_t subtype = GET_BE16(nd, p);
	ND_STR(nd, "SubType ");
	ND_STR(nd, subtype == 1 ? "Timestamp" : "Unknown");
	out_fmt(nd->out, " (0x%04x), ", subtype);
	if (subtype != 1)
		return -1;
	uint8_t scale = GET_U8(nd, p + 2);
	ND_STR(nd, "Timescale ");
	nd_tok(nd, arista_timescale_names, "Unknown", scale);
	out_fmt(nd->out, " (%u), ", scale);
	uint8_t b = GET_U8(nd, p + 3);
	unsigned fmt = b >> 4, hw = b & 0x0f;
	ND_STR(nd, "Format ");
	nd_tok(nd, arista_format_names, "Unknown", fmt);
	out_fmt(nd->out, " (%u), HwInfo ", fmt);
	nd_tok(nd, arista_hw_names, "Unknown", hw);
	out_fmt(nd->out, " (%u), Timestamp ", hw);
	int used;
	if (fmt == 1) {
		uint32_t ns = GET_BE32(nd, p + 8);
		/* tcpdump carries whole seconds out of an oversized nanosecond field */
		time_t t = (time_t)GET_BE32(nd, p + 4) + ns / 1000000000u;
		ns %= 1000000000u;
		struct tm tm;
		char buf[40];
		if (gmtime_r(&t, &tm) && strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm))
			ND_STR(nd, buf);
		else
			ND_STR(nd, "[Time is out of range]");
		out_fmt(nd->out, ".%09u", ns);
		used = 12;
	} else if (fmt == 2) {
		uint32_t ns = GET_BE32(nd, p + 6);
		uint64_t sec = GET_BE16(nd, p + 4) + ns / 1000000000u;
		out_fmt(nd->out, "%" PRIu64 ".%09u", sec, ns % 1000000000u);
		used = 10;
	} else {
		return -1;
	}
	ND_STR(nd, ": ");
	return used;
}
