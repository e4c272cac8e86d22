/*
 * slow.c - IEEE 802.3 "slow protocols" (ethertype 0x8809): LACP and the
 * Marker protocol (802.3ad / 802.1AX), as tcpdump 4.99 prints them.  OAM
 * (802.3ah) is named with its length; its body is not decoded.
 *
 *   +---------+---------+---------------------------------------------+
 *   | subtype | version | TLVs: type(1) length(1, incl. header) value |
 *   +---------+---------+---------------------------------------------+
 *   actor/partner: system priority(2) system(6) key(2) port priority(2)
 *   port(2) state(1) pad(3); collector: max delay(2) pad(12);
 *   marker: requester port(2) system(6) transaction id(4) pad(2).
 */
#include "lan.h"

static const struct tok slow_proto_names[] = {{1, "LACP"}, {2, "MARKER"}, {3, "OAM"}, {0, NULL}};

static const struct tok slow_tlv_names[] = {
	{0x100, "Terminator"}, {0x101, "Actor Information"}, {0x102, "Partner Information"},
	{0x103, "Collector Information"}, {0x200, "Terminator"}, {0x201, "Marker Information"},
	{0, NULL},
};

static const struct tok lacp_state_names[] = {
	{0x01, "Activity"}, {0x02, "Timeout"}, {0x04, "Aggregation"}, {0x08, "Synchronization"},
	{0x10, "Collecting"}, {0x20, "Distributing"}, {0x40, "Default"}, {0x80, "Expired"},
	{0, NULL},
};

static void slow_tlvs(struct nd *nd, const uint8_t *p, uint32_t len, unsigned subtype)
{
	while (len) {
		if (len < 2)
			goto tooshort;
		uint8_t type = GET_U8(nd, p), tl = GET_U8(nd, p + 1);
		unsigned key = subtype << 8 | type;
		ND_STR(nd, "\n\t");
		nd_tok(nd, slow_tlv_names, "Unknown", key);
		out_fmt(nd->out, " TLV (0x%02x), length %u", type, tl);
		if (type == 0)
			return;
		if (tl < 2) {
			ND_STR(nd, "\n\t    ERROR: illegal length - should be >= 2");
			return;
		}
		if (len < tl)
			goto tooshort;
		nd_need(nd, p, tl);
		const uint8_t *v = p + 2;
		uint32_t vl = tl - 2u;
		switch (key) {
		case 0x101:
		case 0x102:
			if (vl != 18) {
				ND_STR(nd, "\n\t    ERROR: illegal length - should be 20");
				break;
			}
			ND_STR(nd, "\n\t  System ");
			nd_etheraddr(nd, v + 2);
			out_fmt(nd->out, ", System Priority %u, Key %u, Port %u, Port Priority %u\n\t  State Flags [",
				GET_BE16(nd, v), GET_BE16(nd, v + 8), GET_BE16(nd, v + 12), GET_BE16(nd, v + 10));
			nd_bits(nd, lacp_state_names, GET_U8(nd, v + 14), ", ");
			ND_CHR(nd, ']');
			break;
		case 0x103:
			if (vl != 14) {
				ND_STR(nd, "\n\t    ERROR: illegal length - should be 16");
				break;
			}
			out_fmt(nd->out, "\n\t  Max Delay %u", GET_BE16(nd, v));
			break;
		case 0x201:
			if (vl != 14) {
				ND_STR(nd, "\n\t    ERROR: illegal length - should be 16");
				break;
			}
			ND_STR(nd, "\n\t  Request System ");
			nd_etheraddr(nd, v + 2);
			out_fmt(nd->out, ", Request Port %u, Request Transaction ID 0x%08x", GET_BE16(nd, v),
				GET_BE32(nd, v + 8));
			break;
		default:
			if (nd->o->vflag <= 1)
				nd_print_unknown_data(nd, v, "\n\t  ", vl);
			break;
		}
		if (nd->o->vflag > 1)
			nd_print_unknown_data(nd, v, "\n\t  ", vl);
		p += tl;
		len -= tl;
	}
	return;
tooshort:
	ND_STR(nd, "\n\t\t packet is too short");
}

void slow_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "slow";
	if (len < 1)
		goto tooshort;
	uint8_t subtype = GET_U8(nd, p);
	int with_version = 0;
	if (subtype == 1 || subtype == 2) {
		if (len < 2)
			goto tooshort;
		uint8_t ver = GET_U8(nd, p + 1);
		if (ver != 1) {
			out_fmt(nd->out, "%s version %u packet not supported", subtype == 1 ? "LACP" : "MARKER", ver);
			return;
		}
		with_version = 1;
	}
	nd_tok(nd, slow_proto_names, "unknown (%u)", subtype);
	if (with_version)
		out_fmt(nd->out, "v%u", GET_U8(nd, p + 1));
	out_fmt(nd->out, ", length %u", len);
	if (subtype < 1 || subtype > 3) {
		nd_print_unknown_data(nd, p, "\n\t", len);
		return;
	}
	if (!nd->o->vflag || subtype == 3)
		return;
	slow_tlvs(nd, p + 2, len - 2, subtype);
	return;
tooshort:
	ND_STR(nd, nd->o->vflag ? "\n\t\t packet is too short" : " (packet is too short)");
}
