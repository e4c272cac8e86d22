/*
 * chdlc.c - Cisco HDLC (DLT_C_HDLC) and its SLARP keepalives, printed as
 * tcpdump 4.99 does.
 *
 *   address(1: 0x0f unicast, 0x8f broadcast) control(1) protocol(2, an Ethernet type)
 *
 *   SLARP (type 0x8035): code(4) then, for a reply, address(4) mask(4); for a
 *   keepalive, my sequence(4) your sequence(4) reliability(2) [uptime in ms(4)].
 *
 * OSI payloads (0xfefe) go to isoclns_print() (print/isis.c) when that printer
 * is linked in; it is declared weak so this file builds without it.
 */
#include "nd.h"
#include "tunnel.h"

#define CHDLC_HDRLEN 4
#define SLARP_MIN_LEN 14
#define SLARP_MAX_LEN 18

void isoclns_print(struct nd *nd, const uint8_t *p, uint32_t length) __attribute__((weak));

static void slarp_print(struct nd *nd, const uint8_t *cp, uint32_t length)
{
	nd->protocol = "chdlc_slarp";
	out_fmt(nd->out, "SLARP (length: %u), ", length);
	if (length < SLARP_MIN_LEN || !nd_ok(nd, cp, SLARP_MIN_LEN)) {
		nd_print_trunc(nd);
		return;
	}
	uint32_t code = GET_BE32(nd, cp);
	switch (code) {
	case 0:
		ND_STR(nd, "request");
		break;
	case 1:
		ND_STR(nd, "reply ");
		nd_ipaddr(nd, cp + 4);
		ND_CHR(nd, '/');
		nd_ipaddr(nd, cp + 8);
		break;
	case 2:
		out_fmt(nd->out, "keepalive: mineseen=0x%08x, yourseen=0x%08x, reliability=0x%04x", GET_BE32(nd, cp + 4),
			GET_BE32(nd, cp + 8), GET_BE16(nd, cp + 12));
		if (length >= SLARP_MAX_LEN) { /* the uptime is optional */
			cp += SLARP_MIN_LEN;
			uint32_t sec = GET_BE32(nd, cp) / 1000;
			uint32_t min = sec / 60;
			sec -= min * 60;
			uint32_t hrs = min / 60;
			min -= hrs * 60;
			uint32_t days = hrs / 24;
			hrs -= days * 24;
			out_fmt(nd->out, ", link uptime=%ud%uh%um%us", days, hrs, min, sec);
		}
		break;
	default:
		out_fmt(nd->out, "0x%02x unknown", code);
		if (nd->o->vflag <= 1)
			nd_print_unknown_data(nd, cp + 4, "\n\t", length - 4);
		break;
	}
	if (SLARP_MAX_LEN < length && nd->o->vflag)
		out_fmt(nd->out, ", (trailing junk: %u bytes)", length - SLARP_MAX_LEN);
	if (nd->o->vflag > 1)
		nd_print_unknown_data(nd, cp + 4, "\n\t", length - 4);
}

void chdlc_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t length)
{
	(void)caplen;
	nd->protocol = "chdlc";
	if (length < CHDLC_HDRLEN) {
		nd_print_trunc(nd);
		nd->ll_hdr_len = (uint32_t)nd_avail(nd, p);
		return;
	}
	nd_need(nd, p, CHDLC_HDRLEN); /* a jump: the -x dump then shows the whole capture */
	uint8_t addr = GET_U8(nd, p);
	uint16_t proto = GET_BE16(nd, p + 2);
	if (nd->o->eflag) {
		if (addr == 0x0f)
			ND_STR(nd, "unicast");
		else if (addr == 0x8f)
			ND_STR(nd, "bcast");
		else
			out_fmt(nd->out, "0x%02x", addr);
		ND_STR(nd, ", ethertype ");
		nd_tok(nd, link_ethertype_names, "Unknown", proto);
		out_fmt(nd->out, " (0x%04x), length %u: ", proto, length);
	}
	nd->ll_hdr_len = CHDLC_HDRLEN;
	length -= CHDLC_HDRLEN;
	p += CHDLC_HDRLEN;
	switch (proto) {
	case 0x0800:
		ip_print(nd, p, length);
		break;
	case 0x86dd:
		ip6_print(nd, p, length);
		break;
	case 0x8035:
		slarp_print(nd, p, length);
		break;
	case 0x8847:
	case 0x8848:
		mpls_print(nd, p, length);
		break;
	case 0xfefe:
		if (length < 2) {
			nd_print_trunc(nd);
			break;
		}
		{
			/* a "fudge" byte may come before the NLPID */
			uint8_t b = GET_U8(nd, p + 1);
			if (b == 0x81 || b == 0x82 || b == 0x83) {
				p++;
				length--; /* rest: as tcpdump, the NLPID's length excludes it */
			}
		}
		if (isoclns_print)
			isoclns_print(nd, p, length);
		else if (!nd_default_print_suppressed(nd))
			nd_default_print(nd, p, nd_avail(nd, p));
		break;
	default:
		if (!nd->o->eflag)
			out_fmt(nd->out, "unknown CHDLC protocol (0x%04x)", proto);
		break;
	}
}
