/*
 * bfd.c - Bidirectional Forwarding Detection (RFC 5880/5881/5883, RFC 7130),
 * UDP ports 3784 (single hop), 3785 (echo), 4784 (multihop), 6784 (LAG).
 *
 *   +-------+---------+---------------+---------------+---------------+
 *   |Vers(3)|Diag (5) |Sta|P|F|C|A|D|M|  Detect Mult  |    Length     |
 *   +-------+---------+---------------+---------------+---------------+
 *   |                       My Discriminator                          |
 *   |                      Your Discriminator                         |
 *   |                    Desired Min TX Interval                      |
 *   |                   Required Min RX Interval                      |
 *   |                 Required Min Echo RX Interval                   |
 *   +-----------------------------------------------------------------+
 *   | optional authentication section (type, length, key id, ...)     |
 *
 * Version 0 (the draft) has a different flags byte; both are printed.
 */
#include "route.h"

#define BFD_CONTROL 3784
#define BFD_ECHO 3785
#define BFD_MULTIHOP 4784
#define BFD_LAG 6784
#define BFD_HDRLEN 24
#define BFD_FLAG_AUTH 0x04

static const struct tok bfd_diags[] = {
	{0, "No Diagnostic"}, {1, "Control Detection Time Expired"}, {2, "Echo Function Failed"},
	{3, "Neighbor Signaled Session Down"}, {4, "Forwarding Plane Reset"}, {5, "Path Down"},
	{6, "Concatenated Path Down"}, {7, "Administratively Down"},
	{8, "Reverse Concatenated Path Down"}, {0, NULL},
};

static const struct tok bfd_ports[] = {
	{BFD_CONTROL, "Control"}, {BFD_MULTIHOP, "Multihop"}, {BFD_LAG, "Lag"}, {0, NULL},
};

static const struct tok bfd_v0_flags[] = {
	{0x80, "I Hear You"}, {0x40, "Demand"}, {0x20, "Poll"}, {0x10, "Final"},
	{0x08, "Control Plane Independent"}, {BFD_FLAG_AUTH, "Authentication Present"},
	{0x02, "Reserved"}, {0x01, "Reserved"}, {0, NULL},
};

static const struct tok bfd_v1_flags[] = {
	{0x20, "Poll"}, {0x10, "Final"}, {0x08, "Control Plane Independent"},
	{BFD_FLAG_AUTH, "Authentication Present"}, {0x02, "Demand"}, {0x01, "Multipoint"}, {0, NULL},
};

static const struct tok bfd_states[] = {{0, "AdminDown"}, {1, "Down"}, {2, "Init"}, {3, "Up"}, {0, NULL}};

static const struct tok bfd_auth_types[] = {
	{1, "Simple Password"}, {2, "Keyed MD5"}, {3, "Meticulous Keyed MD5"}, {4, "Keyed SHA1"},
	{5, "Meticulous Keyed SHA1"}, {0, NULL},
};

static void bfd_auth(struct nd *nd, const uint8_t *p)
{
	p += BFD_HDRLEN;
	nd_need(nd, p, 4);
	uint8_t type = GET_U8(nd, p), alen = GET_U8(nd, p + 1);
	ND_STR(nd, "\n\tAuthentication: ");
	nd_tok(nd, bfd_auth_types, "Unknown", type);
	out_fmt(nd->out, " (%u), length: %u", type, alen);
	p += 2;
	out_fmt(nd->out, "\n\t  Auth Key ID: %u", GET_U8(nd, p));
	switch (type) {
	case 1:
		if (alen < 4 || alen > 19) {
			out_fmt(nd->out, "[invalid length %u]", alen);
			break;
		}
		p++;
		ND_STR(nd, ", Password: ");
		nd_printjn(nd, p, alen - 3u);
		break;
	case 2:
	case 3:
	case 4:
	case 5: {
		unsigned field = type <= 3 ? 24 : 28, hash = type <= 3 ? 16 : 20;
		if (alen != field) {
			out_fmt(nd->out, "[invalid length %u]", alen);
			break;
		}
		p += 2;
		out_fmt(nd->out, ", Sequence Number: 0x%08x", GET_BE32(nd, p));
		p += 4;
		nd_need(nd, p, hash);
		ND_STR(nd, type <= 3 ? "\n\t  Digest: " : "\n\t  Hash: ");
		for (unsigned i = 0; i < hash; i++)
			out_hex(nd->out, GET_U8(nd, p + i), 2);
		break;
	}
	}
}

static void bfd_body(struct nd *nd, const uint8_t *p)
{
	uint8_t mult = GET_U8(nd, p + 2);
	uint32_t tx = GET_BE32(nd, p + 12);
	out_fmt(nd->out, "\n\tDetection Timer Multiplier: %u (%u ms Detection time), BFD Length: %u", mult,
		mult * tx / 1000, GET_U8(nd, p + 3));
	out_fmt(nd->out, "\n\tMy Discriminator: 0x%08x", GET_BE32(nd, p + 4));
	out_fmt(nd->out, ", Your Discriminator: 0x%08x", GET_BE32(nd, p + 8));
	out_fmt(nd->out, "\n\t  Desired min Tx Interval:    %4u ms", tx / 1000);
	out_fmt(nd->out, "\n\t  Required min Rx Interval:   %4u ms", GET_BE32(nd, p + 16) / 1000);
	out_fmt(nd->out, "\n\t  Required min Echo Interval: %4u ms", GET_BE32(nd, p + 20) / 1000);
	if (GET_U8(nd, p + 1) & BFD_FLAG_AUTH)
		bfd_auth(nd, p);
}

void bfd_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned port)
{
	nd->protocol = "bfd";
	if (port == BFD_CONTROL || port == BFD_MULTIHOP || port == BFD_LAG) {
		nd_need(nd, p, BFD_HDRLEN);
		uint8_t vd = GET_U8(nd, p), flags = GET_U8(nd, p + 1);
		unsigned version = vd >> 5, diag = vd & 0x1f;
		if (version == 0) {
			if (nd->o->vflag < 1) {
				ND_STR(nd, "BFDv0, Control, Flags: [");
				nd_bits(nd, bfd_v0_flags, flags, ", ");
				out_fmt(nd->out, "], length: %u", len);
				return;
			}
			out_fmt(nd->out, "BFDv0, length: %u\n\tControl, Flags: [", len);
			nd_bits(nd, bfd_v0_flags, flags, ", ");
			ND_STR(nd, "], Diagnostic: ");
			nd_tok(nd, bfd_diags, "unknown", diag);
			out_fmt(nd->out, " (0x%02x)", diag);
			bfd_body(nd, p);
		} else if (version == 1) {
			if (nd->o->vflag < 1)
				ND_STR(nd, "BFDv1, ");
			else
				out_fmt(nd->out, "BFDv1, length: %u\n\t", len);
			nd_tok(nd, bfd_ports, "unknown (%u)", port);
			ND_STR(nd, ", State ");
			nd_tok(nd, bfd_states, "unknown (%u)", (flags & 0xc0u) >> 6);
			ND_STR(nd, ", Flags: [");
			nd_bits(nd, bfd_v1_flags, flags & 0x3f, ", ");
			if (nd->o->vflag < 1) {
				out_fmt(nd->out, "], length: %u", len);
				return;
			}
			ND_STR(nd, "], Diagnostic: ");
			nd_tok(nd, bfd_diags, "unknown", diag);
			out_fmt(nd->out, " (0x%02x)", diag);
			bfd_body(nd, p);
		} else {
			out_fmt(nd->out, "BFDv%u, Control, length: %u", version, len);
			if (nd->o->vflag >= 1)
				nd_print_unknown_data(nd, p, "\n\t", len);
		}
	} else if (port == BFD_ECHO) {
		out_fmt(nd->out, "BFD, Echo, length: %u", len);
		if (nd->o->vflag >= 1)
			nd_print_unknown_data(nd, p, "\n\t", len);
	} else {
		out_fmt(nd->out, "BFD, unknown (%u), length: %u", port, len);
		if (nd->o->vflag >= 1)
			nd_print_unknown_data(nd, p, "\n\t", len);
	}
}

int route_udp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport)
{
	if (sport == 3503 || dport == 3503) {
		lspping_print(nd, p, len);
		return 1;
	}
	if (sport == 646 || dport == 646) {
		ldp_print(nd, p, len);
		return 1;
	}
	/* tcpdump matches BFD on the destination port only */
	if (dport == BFD_CONTROL || dport == BFD_MULTIHOP || dport == BFD_LAG || dport == BFD_ECHO) {
		bfd_print(nd, p, len, dport);
		return 1;
	}
	return 0;
}
