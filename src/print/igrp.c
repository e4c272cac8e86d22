/*
 * igrp.c - Cisco Interior Gateway Routing Protocol, IP protocol 9, as tcpdump
 * 4.99 prints it.
 *
 *   +---------+-----+-----+---------+---------+---------+----------+
 *   | ver|op  | ed  | AS  | #inter  | #system | #exter  | checksum |  12 bytes
 *   +---------+-----+-----+---------+---------+---------+----------+
 *   then 14-byte routes: net(3) delay(3) bandwidth(3) mtu(2) rel load hops
 */
#include "rest.h"

#define IGRP_HDR_LEN 12
#define IGRP_RTE_LEN 14

static const struct tok igrp_op_names[] = {{1, "update"}, {2, "request"}, {0, NULL}};

static void igrp_route_print(struct nd *nd, const uint8_t *p, char kind)
{
	uint8_t n0 = GET_U8(nd, p), n1 = GET_U8(nd, p + 1), n2 = GET_U8(nd, p + 2);
	if (kind == 'i')
		out_fmt(nd->out, " *.%u.%u.%u", n0, n1, n2);
	else if (kind == 's')
		out_fmt(nd->out, " %u.%u.%u.0", n0, n1, n2);
	else
		out_fmt(nd->out, " X%u.%u.%u.0", n0, n1, n2);
	uint32_t delay = GET_BE24(nd, p + 3);
	uint32_t bw = GET_BE24(nd, p + 6);
	uint32_t metric = delay + bw > 0xffffff ? 0xffffff : delay + bw;
	uint16_t mtu = GET_BE16(nd, p + 9);
	out_fmt(nd->out, " d=%u b=%u r=%u l=%u M=%u mtu=%u in %u hops", 10 * delay,
		bw == 0 ? 0 : 10000000 / bw, GET_U8(nd, p + 11), GET_U8(nd, p + 12), metric, mtu,
		GET_U8(nd, p + 13));
}

void igrp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "igrp";
	ND_STR(nd, "igrp:");
	uint32_t nint = GET_BE16(nd, p + 4);
	uint32_t nsys = GET_BE16(nd, p + 6);
	uint32_t next = GET_BE16(nd, p + 8);
	uint8_t vop = GET_U8(nd, p);
	ND_CHR(nd, ' ');
	nd_tok(nd, igrp_op_names, "op-#%u", vop & 0x0f);
	out_fmt(nd->out, " V%u edit=%u AS=%u (%u/%u/%u)", vop >> 4, GET_U8(nd, p + 1),
		GET_BE16(nd, p + 2), nint, nsys, next);
	uint16_t sum = GET_BE16(nd, p + 10);
	if (nd->o->vflag)
		out_fmt(nd->out, " checksum=0x%04x", sum);
	/* tcpdump subtracts the header unchecked: a short length wraps and the
	 * routes then run into the end of the capture. */
	len -= IGRP_HDR_LEN;
	p += IGRP_HDR_LEN;
	while (len >= IGRP_RTE_LEN) {
		nd_need(nd, p, 3);
		if (nint > 0) {
			igrp_route_print(nd, p, 'i');
			nint--;
		} else if (nsys > 0) {
			igrp_route_print(nd, p, 's');
			nsys--;
		} else if (next > 0) {
			igrp_route_print(nd, p, 'x');
			next--;
		} else {
			out_fmt(nd->out, " [extra bytes %u]", len);
			break;
		}
		p += IGRP_RTE_LEN;
		len -= IGRP_RTE_LEN;
	}
	if (nint || nsys || next || len)
		nd_print_invalid(nd);
}
