/*
 * nsh.c - Network Service Header (RFC 8300, Ethertype 0x894f) and VXLAN-GPE
 * (draft-ietf-nvo3-vxlan-gpe, UDP port 4790), as tcpdump 4.99 prints them.
 *
 * NSH:
 *   +---+-+-+-----------+-----------+-------+-------+---------------+
 *   |Ver|O|U|    TTL    |  Length   |U U U U|MD Type| Next Protocol |
 *   +---+-+-+-----------+-----------+-------+-------+---------------+
 *   |     Service Path Identifier (SPI)             | Service Index |
 *   +-----------------------------------------------+---------------+
 *   |  context headers: Length - 2 words (MD type 1: 4 fixed words, |
 *   |  MD type 2: class(2) type(1) len(1) value, padded to words)   |
 *
 * VXLAN-GPE:
 *   +-+-+---+-+-+-+-+-----------------------------+---------------+
 *   |R|R|Ver|I|P|B|O|          Reserved           | Next Protocol |
 *   +-+-+---+-+-+-+-+-----------------------------+---------------+
 *   |        VXLAN Network Identifier (VNI)       |   Reserved    |
 */
#include "nd.h"

#include "tunnel.h"

#define NSH_WORD 4u

static const struct tok nsh_flag_names[] = {{0x2, "O"}, {0, NULL}};

static const struct tok nsh_md_names[] = {{0x0, "reserved"}, {0x1, "1"}, {0x2, "2"}, {0xf, "experimental"},
					  {0, NULL}};

static const struct tok nsh_np_names[] = {{1, "IPv4"}, {2, "IPv6"},		{3, "Ethernet"},     {4, "NSH"},
					  {5, "MPLS"}, {0xfe, "Experiment 1"}, {0xff, "Experiment 2"}, {0, NULL}};

static const struct tok gpe_flag_names[] = {{0x08, "I"}, {0x04, "P"}, {0x02, "B"}, {0x01, "O"}, {0, NULL}};

/* The Ethernet frame inside a tunnel; the outer link header length is kept for -x. */
static void tunneled_ether(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t ll = nd->ll_hdr_len;
	ether_print(nd, p, (uint32_t)nd_avail(nd, p), len);
	nd->ll_hdr_len = ll;
}

/* MD type 2 context headers (-vvv): class/type/length TLVs over words words.
 * 0 when a TLV runs past them (tcpdump then says the packet is invalid). */
static int nsh_md2_print(struct nd *nd, const uint8_t **pp, unsigned words)
{
	const uint8_t *p = *pp;
	unsigned n = 0;
	while (n < words) {
		uint16_t cls = GET_BE16(nd, p);
		uint8_t type = GET_U8(nd, p + 2), tlen = GET_U8(nd, p + 3) & 0x7f;
		unsigned padded = (tlen + 3u) & ~3u;
		p += 4;
		out_fmt(nd->out, "\n        TLV Class %u, Type %u, Len %u", cls, type, tlen);
		n++;
		if (words < n + padded / NSH_WORD) {
			ND_STR(nd, " (length too big)");
			return 0;
		}
		if (tlen) {
			ND_STR(nd, "\n            Value: ");
			for (unsigned i = 0; i < tlen; i++)
				out_fmt(nd->out, "%s%02x", i ? ":" : "0x", GET_U8(nd, p + i));
			nd_need(nd, p + tlen, padded - tlen);
			p += padded;
			n += padded / NSH_WORD;
		}
	}
	*pp = p;
	return 1;
}

void nsh_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "nsh";
	if (len < 2 * NSH_WORD) {
		out_fmt(nd->out, " (packet length %u < %u)", len, 2 * NSH_WORD);
		nd_print_invalid(nd);
		return;
	}
	uint32_t base = GET_BE32(nd, p);
	unsigned ver = base >> 30, hlen = (base >> 16) & 0x3f, md = (base >> 8) & 0x0f;
	uint8_t np = base & 0xff;
	p += 4;
	ND_STR(nd, "NSH, ");
	if (nd->o->vflag > 1)
		out_fmt(nd->out, "ver %u, ", ver);
	if (ver != 0)
		return;
	ND_STR(nd, "flags [");
	nd_bits(nd, nsh_flag_names, (base >> 28) & 0x3, "");
	ND_STR(nd, "], ");
	if (nd->o->vflag > 2) {
		out_fmt(nd->out, "TTL %u, length %u, md type ", (base >> 22) & 0x3f, hlen);
		nd_tok(nd, nsh_md_names, "unknown (0x%02x)", md);
		ND_STR(nd, ", ");
	}
	if (nd->o->vflag > 1) {
		ND_STR(nd, "next-protocol ");
		nd_tok(nd, nsh_np_names, "unknown (0x%02x)", np);
		ND_STR(nd, ", ");
	}
	if (len < hlen * NSH_WORD) {
		out_fmt(nd->out, " (too many headers for packet length %u)", len);
		nd_print_invalid(nd);
		return;
	}
	out_fmt(nd->out, "service-path-id 0x%06x, ", GET_BE24(nd, p));
	out_fmt(nd->out, "service-index 0x%x", GET_U8(nd, p + 3));
	p += 4;
	if (hlen < 2) {
		ND_STR(nd, " (less than two headers)");
		nd_print_invalid(nd);
		return;
	}
	int skipped = 0;
	if (nd->o->vflag > 2 && md == 1) {
		if (hlen != 6) {
			ND_STR(nd, " (invalid length for the MD type)");
			nd_print_invalid(nd);
			return;
		}
		for (unsigned i = 0; i < hlen - 2; i++, p += NSH_WORD)
			out_fmt(nd->out, "\n        Context[%02u]: 0x%08x", i, GET_BE32(nd, p));
		skipped = 1;
	} else if (nd->o->vflag > 2 && md == 2) {
		if (!nsh_md2_print(nd, &p, hlen - 2)) {
			nd_print_invalid(nd);
			return;
		}
		skipped = 1;
	}
	if (!skipped) {
		nd_need(nd, p, (hlen - 2) * NSH_WORD);
		p += (hlen - 2) * NSH_WORD;
	}
	ND_STR(nd, nd->o->vflag ? "\n    " : ": ");
	uint32_t next_len = len - hlen * NSH_WORD;
	switch (np) {
	case 1:
		ip_print(nd, p, next_len);
		break;
	case 2:
		ip6_print(nd, p, next_len);
		break;
	case 3:
		tunneled_ether(nd, p, next_len);
		break;
	default:
		ND_STR(nd, "ERROR: unknown-next-protocol");
		break;
	}
}

void vxlan_gpe_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "vxlan_gpe";
	ND_STR(nd, "VXLAN-GPE, ");
	if (len < 8) {
		out_fmt(nd->out, " (len %u < 8)", len);
		nd_print_invalid(nd);
		return;
	}
	uint8_t flags = GET_U8(nd, p);
	ND_STR(nd, "flags [");
	nd_bits(nd, gpe_flag_names, flags, "");
	ND_STR(nd, "], ");
	uint8_t np = GET_U8(nd, p + 3);
	uint32_t vni = GET_BE24(nd, p + 4);
	nd_need(nd, p + 7, 1);
	out_fmt(nd->out, "vni %u", vni);
	ND_STR(nd, nd->o->vflag ? "\n    " : ": ");
	p += 8;
	len -= 8;
	switch (np) {
	case 1:
		ip_print(nd, p, len);
		break;
	case 2:
		ip6_print(nd, p, len);
		break;
	case 3:
		tunneled_ether(nd, p, len);
		break;
	case 4:
		nsh_print(nd, p, len);
		break;
	default:
		ND_STR(nd, "ERROR: unknown-next-protocol");
		nd_print_invalid(nd);
		break;
	}
}
