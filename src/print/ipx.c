/*
 * ipx.c - Novell IPX (over Ethernet type 0x8137, LLC SAP 0xe0 and "raw" 802.3),
 * with its SAP and RIP messages, printed as tcpdump 4.99 does.
 *
 *   +--------+--------+------+------+---------+----------+--------+---------+----------+--------+
 *   | cksum 2| len 2  | tc 1 | pt 1 | dnet 4  | dnode 6  | dskt 2 | snet 4  | snode 6  | sskt 2 |
 *   +--------+--------+------+------+---------+----------+--------+---------+----------+--------+
 *   (30 bytes, big-endian).  Socket 0x452 = SAP, 0x453 = RIP; the others are
 *   named and their length printed.
 *
 * SAP service types print as 4 hex digits (tcpdump's -n form).
 */
#include "nd.h"

#define IPX_HDR 30

/* net.node: both are read (checked) before anything is printed.  The node is
 * printed as tcpdump's linkaddr_string does: bare hex, no vendor name even
 * without -n (unlike an Ethernet address). */
static void ipx_addr(struct nd *nd, const uint8_t *net)
{
	nd_need(nd, net, 10);
	out_hex(nd->out, GET_BE32(nd, net), 8);
	for (int i = 0; i < 6; i++) {
		ND_CHR(nd, i ? ':' : '.');
		out_hex(nd->out, GET_U8(nd, net + 4 + i), 2);
	}
}


static void sap_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint16_t cmd = GET_BE16(nd, p);
	p += 2;
	len -= 2;
	switch (cmd) {
	case 1:
	case 3:
		ND_STR(nd, cmd == 1 ? "ipx-sap-req" : "ipx-sap-nearest-req");
		ND_CHR(nd, ' ');
		out_hex(nd->out, GET_BE16(nd, p), 4);
		break;
	case 2:
	case 4:
		ND_STR(nd, cmd == 2 ? "ipx-sap-resp" : "ipx-sap-nearest-resp");
		for (int i = 0; i < 8 && len != 0; i++) {
			ND_CHR(nd, ' ');
			out_hex(nd->out, GET_BE16(nd, p), 4);
			ND_STR(nd, " '");
			nd_printn(nd, p + 2, 48);
			ND_CHR(nd, '\'');
			nd_need(nd, p + 50, 10);
			ND_STR(nd, " addr ");
			ipx_addr(nd, p + 50);
			p += 64;
			len -= 64;
		}
		break;
	default:
		out_fmt(nd->out, "ipx-sap-?%x", cmd);
		break;
	}
}

static void rip_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint16_t cmd = GET_BE16(nd, p);
	p += 2;
	len -= 2;
	switch (cmd) {
	case 1:
		ND_STR(nd, "ipx-rip-req");
		if (len != 0)
			out_fmt(nd->out, " %08x/%u.%u", GET_BE32(nd, p), GET_BE16(nd, p + 4), GET_BE16(nd, p + 6));
		break;
	case 2:
		ND_STR(nd, "ipx-rip-resp");
		for (int i = 0; i < 50 && len != 0; i++) {
			out_fmt(nd->out, " %08x/%u.%u", GET_BE32(nd, p), GET_BE16(nd, p + 4), GET_BE16(nd, p + 6));
			p += 8;
			len -= 8;
		}
		break;
	default:
		out_fmt(nd->out, "ipx-rip-?%x", cmd);
		break;
	}
}

void ipx_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)len;
	nd->protocol = "ipx";
	if (!nd->o->eflag)
		ND_STR(nd, "IPX ");
	nd_need(nd, p + 18, 12);
	ipx_addr(nd, p + 18);
	ND_CHR(nd, '.');
	out_hex(nd->out, GET_BE16(nd, p + 28), 4);
	ND_STR(nd, " > ");
	nd_need(nd, p + 6, 12);
	ipx_addr(nd, p + 6);
	ND_CHR(nd, '.');
	uint16_t dskt = GET_BE16(nd, p + 16);
	out_hex(nd->out, dskt, 4);
	ND_STR(nd, ": ");
	uint32_t length = GET_BE16(nd, p + 2);
	if (length < IPX_HDR) {
		out_fmt(nd->out, "[length %u < %u]", length, IPX_HDR);
		nd_print_invalid(nd);
		return;
	}
	length -= IPX_HDR;
	const uint8_t *d = p + IPX_HDR;
	switch (dskt) {
	case 0x0451:
		out_fmt(nd->out, "ipx-ncp %u", length);
		break;
	case 0x0452:
		sap_print(nd, d, length);
		break;
	case 0x0453:
		rip_print(nd, d, length);
		break;
	case 0x0455:
		out_fmt(nd->out, "ipx-netbios %u", length);
		break;
	case 0x0456:
		out_fmt(nd->out, "ipx-diags %u", length);
		break;
	case 0x0553:
		out_fmt(nd->out, "ipx-nwlink-dgm %u", length);
		break;
	default:
		out_fmt(nd->out, "ipx-#%x %u", dskt, length);
		break;
	}
}
