/*
 * eigrp.c - Cisco EIGRP (RFC 7868), IP protocol 88.
 *
 *   +--------+--------+-----------------+
 *   |version | opcode |    checksum     |
 *   +--------+--------+-----------------+
 *   |               flags               |
 *   |             sequence              |
 *   |           acknowledgment          |
 *   |   virtual router id |  AS number  |
 *   +-----------------------------------+
 *   | TLVs: type (2) length (2, incl. header) value
 *
 * Route TLVs carry a variable-length destination after the metric block:
 * (prefix length + 7) / 8 bytes.
 */
#include <string.h>

#include "route.h"

#define EIGRP_HDRLEN 20

static const struct tok eigrp_opcodes[] = {
	{1, "Update"}, {3, "Query"}, {4, "Reply"}, {5, "Hello"}, {6, "IPX SAP"}, {7, "Probe"}, {0, NULL},
};

static const struct tok eigrp_flags[] = {
	{0x01, "Init"}, {0x02, "Conditionally Received"}, {0x04, "Restart"}, {0x08, "End-of-Table"},
	{0, NULL},
};

static const struct tok eigrp_tlvs[] = {
	{0x0001, "General Parameters"}, {0x0002, "Authentication"}, {0x0003, "Sequence"},
	{0x0004, "Software Version"}, {0x0005, "Next Multicast Sequence"},
	{0x0102, "IP Internal routes"}, {0x0103, "IP External routes"},
	{0x0202, "AppleTalk Internal routes"}, {0x0203, "AppleTalk External routes"},
	{0x0204, "AppleTalk Cable setup"}, {0x0302, "IPX Internal routes"},
	{0x0303, "IPX External routes"}, {0, NULL},
};

static const struct tok eigrp_ext_protos[] = {
	{0x01, "IGRP"}, {0x02, "EIGRP"}, {0x03, "Static"}, {0x04, "RIP"}, {0x05, "Hello"},
	{0x06, "OSPF"}, {0x07, "IS-IS"}, {0x08, "EGP"}, {0x09, "BGP"}, {0x0a, "IDRP"},
	{0x0b, "Connected"}, {0, NULL},
};

/* The metric block shared by the route TLVs: delay, bandwidth, mtu, hops... */
static void eigrp_metric(struct nd *nd, const uint8_t *m)
{
	out_fmt(nd->out, "\n\t      delay %u ms, bandwidth %u Kbps, mtu %u, hop %u, reliability %u, load %u",
		GET_BE32(nd, m) / 100, GET_BE32(nd, m + 4), GET_BE24(nd, m + 8), GET_U8(nd, m + 11),
		GET_U8(nd, m + 12), GET_U8(nd, m + 13));
}

/* IPv4 destination (prefix length at plen, bytes after it) and next hop. */
static int eigrp_ip_dest(struct nd *nd, const uint8_t *nexthop, const uint8_t *plen)
{
	unsigned bits = GET_U8(nd, plen);
	if (bits > 32) {
		out_fmt(nd->out, "\n\t    illegal prefix length %u", bits);
		return 0;
	}
	uint8_t a[4] = {0};
	GET_CPY(nd, a, plen + 1, (bits + 7) / 8);
	char buf[20];
	fmt_ip4(buf, sizeof buf, a);
	out_fmt(nd->out, "\n\t    IPv4 prefix: %15s/%u, nexthop: ", buf, bits);
	if (GET_BE32(nd, nexthop) == 0)
		ND_STR(nd, "self");
	else
		nd_ipaddr(nd, nexthop);
	return 1;
}

static void eigrp_at_nexthop(struct nd *nd, const uint8_t *t)
{
	if (GET_BE32(nd, t) == 0)
		ND_STR(nd, "self");
	else
		out_fmt(nd->out, "%u.%u", GET_BE16(nd, t), GET_BE16(nd, t + 2));
}

void eigrp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "eigrp";
	nd_need(nd, p, EIGRP_HDRLEN);
	uint8_t version = GET_U8(nd, p), opcode = GET_U8(nd, p + 1);
	if (version != 2) {
		out_fmt(nd->out, "EIGRP version %u packet not supported", version);
		return;
	}
	if (nd->o->vflag < 1) {
		ND_STR(nd, "EIGRP ");
		nd_tok(nd, eigrp_opcodes, "unknown (%u)", opcode);
		out_fmt(nd->out, ", length: %u", len);
		return;
	}
	if (len < EIGRP_HDRLEN) {
		ND_STR(nd, "EIGRP ");
		nd_tok(nd, eigrp_opcodes, "unknown (%u)", opcode);
		out_fmt(nd->out, ", length: %u (too short, < %u)", len, EIGRP_HDRLEN);
		return;
	}
	int tlen = (int)(len - EIGRP_HDRLEN);
	out_fmt(nd->out, "\n\tEIGRP v%u, opcode: ", version);
	nd_tok(nd, eigrp_opcodes, "unknown, type: %u", opcode);
	out_fmt(nd->out, " (%u), chksum: 0x%04x, Flags: [", opcode, GET_BE16(nd, p + 2));
	nd_bits(nd, eigrp_flags, GET_BE32(nd, p + 4), ", ");
	out_fmt(nd->out, "]\n\tseq: 0x%08x, ack: 0x%08x, VRID: %u, AS: %u, length: %u", GET_BE32(nd, p + 8),
		GET_BE32(nd, p + 12), GET_BE16(nd, p + 16), GET_BE16(nd, p + 18), (unsigned)tlen);

	const uint8_t *t = p + EIGRP_HDRLEN;
	while (tlen > 0) {
		/* tcpdump checks the TLV header and body and returns (the -X dump
		 * then starts after the link header) */
		if (!nd_ok(nd, t, 4)) {
			nd_print_trunc(nd);
			return;
		}
		unsigned tlv_len = GET_BE16(nd, t + 2), type = GET_BE16(nd, t);
		if (tlv_len < 4 || tlv_len > (unsigned)tlen) {
			nd_print_unknown_data(nd, t + 4, "\n\t    ", (unsigned)tlen);
			return;
		}
		ND_STR(nd, "\n\t  ");
		nd_tok(nd, eigrp_tlvs, "Unknown", type);
		out_fmt(nd->out, " TLV (0x%04x), length: %u", type, tlv_len);
		const uint8_t *v = t + 4;
		unsigned vlen = tlv_len - 4;
		if (!nd_ok(nd, t, tlv_len)) {
			nd_print_trunc(nd);
			return;
		}
		/* minimum body sizes, as tcpdump's structures (route TLVs count one
		 * destination byte) */
		unsigned min = 0;
		switch (type) {
		case 0x0001: min = 8; break;
		case 0x0004: min = 4; break;
		case 0x0102: min = 22; break;
		case 0x0103: min = 42; break;
		case 0x0204: min = 8; break;
		case 0x0202: min = 24; break;
		case 0x0203: min = 40; break;
		}
		if (min && vlen < min) {
			out_fmt(nd->out, " (too short, < %u)", 4 + min);
		} else {
			switch (type) {
			case 0x0001:
				out_fmt(nd->out, "\n\t    holdtime: %us, k1 %u, k2 %u, k3 %u, k4 %u, k5 %u", GET_BE16(nd, v + 6),
					GET_U8(nd, v), GET_U8(nd, v + 1), GET_U8(nd, v + 2), GET_U8(nd, v + 3),
					GET_U8(nd, v + 4));
				break;
			case 0x0004:
				out_fmt(nd->out, "\n\t    IOS version: %u.%u, EIGRP version %u.%u", GET_U8(nd, v),
					GET_U8(nd, v + 1), GET_U8(nd, v + 2), GET_U8(nd, v + 3));
				break;
			case 0x0102:
				if (!eigrp_ip_dest(nd, v, v + 20))
					break;
				eigrp_metric(nd, v + 4);
				break;
			case 0x0103:
				if (!eigrp_ip_dest(nd, v, v + 40))
					break;
				nd_need(nd, v + 4, 4);
				ND_STR(nd, "\n\t      origin-router ");
				nd_ipaddr(nd, v + 4);
				out_fmt(nd->out, ", origin-as %u, origin-proto ", GET_BE32(nd, v + 8));
				nd_tok(nd, eigrp_ext_protos, "unknown", GET_U8(nd, v + 22));
				out_fmt(nd->out, ", flags [0x%02x], tag 0x%08x, metric %u", GET_U8(nd, v + 23),
					GET_BE32(nd, v + 12), GET_BE32(nd, v + 16));
				eigrp_metric(nd, v + 24);
				break;
			case 0x0204:
				out_fmt(nd->out, "\n\t    Cable-range: %u-%u, Router-ID %u", GET_BE16(nd, v), GET_BE16(nd, v + 2),
					GET_BE32(nd, v + 4));
				break;
			case 0x0202:
				out_fmt(nd->out, "\n\t     Cable-Range: %u-%u, nexthop: ", GET_BE16(nd, v + 20),
					GET_BE16(nd, v + 22));
				eigrp_at_nexthop(nd, v);
				eigrp_metric(nd, v + 4);
				break;
			case 0x0203:
				out_fmt(nd->out, "\n\t     Cable-Range: %u-%u, nexthop: ", GET_BE16(nd, v + 36),
					GET_BE16(nd, v + 38));
				eigrp_at_nexthop(nd, v);
				out_fmt(nd->out, "\n\t      origin-router %u, origin-as %u, origin-proto ", GET_BE32(nd, v + 4),
					GET_BE32(nd, v + 8));
				nd_tok(nd, eigrp_ext_protos, "unknown", GET_U8(nd, v + 16));
				out_fmt(nd->out, ", flags [0x%02x], tag 0x%08x, metric %u", GET_U8(nd, v + 17),
					GET_BE32(nd, v + 12), GET_BE16(nd, v + 18));
				eigrp_metric(nd, v + 20);
				break;
			default:
				if (nd->o->vflag <= 1)
					nd_print_unknown_data(nd, v, "\n\t    ", vlen);
				break;
			}
		}
		if (nd->o->vflag > 1)
			nd_print_unknown_data(nd, v, "\n\t    ", vlen);
		t += tlv_len;
		tlen -= (int)tlv_len;
	}
}
