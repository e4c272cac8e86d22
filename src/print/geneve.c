/*
 * geneve.c - GENEVE (RFC 8926, UDP port 6081) as tcpdump 4.99 prints it.
 *
 *   +---+------+-+-+---------+-------------------------------+
 *   |Ver|OptLen|O|C|  Rsvd   |         Protocol Type         |
 *   +---+------+-+-+---------+-------------------------------+
 *   |        Virtual Network Identifier (VNI)  |   Reserved  |
 *   +------------------------------------------+-------------+
 *   |  options, OptLen 4-byte words                          |
 */
#include "tunnel.h"

#include "../proto.h"

const char *ethertype_name(uint16_t type); /* print/ether.c */

/* O = control packet, C = critical options present, then the reserved bits */
static const struct tok geneve_flags[] = {{0x80, "O"}, {0x40, "C"}, {0x20, "R1"}, {0x10, "R2"}, {0x08, "R3"},
					  {0x04, "R4"}, {0x02, "R5"}, {0x01, "R6"}, {0, NULL}};

/* Who allocated an option class (IANA "Geneve Option Class" registry). */
static const char *geneve_class_name(uint16_t cls)
{
	static const struct tok owners[] = {{0x0100, "Linux"},
					    {0x0101, "Open vSwitch"},
					    {0x0102, "Open Virtual Networking (OVN)"},
					    {0x0103, "In-band Network Telemetry (INT)"},
					    {0x0104, "VMware"},
					    {0, NULL}};
	const char *name = tok_find(owners, cls);
	if (name)
		return name;
	if (cls <= 0x00ff)
		return "Standard";
	return cls >= 0xfff0 ? "Experimental" : "Unknown";
}

/* -v: each option's class, type (C = critical) and length; -vv adds its data words.
 * An option longer than what is left of the option area ends the list. */
static void geneve_opts_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	for (int first = 1; len > 0; first = 0) {
		if (!first)
			ND_STR(nd, ", ");
		uint16_t cls = GET_BE16(nd, p);
		uint8_t type = GET_U8(nd, p + 2);
		uint32_t olen = 4 + (GET_U8(nd, p + 3) & 0x1f) * 4u;
		out_fmt(nd->out, "class %s (0x%x) type 0x%x%s len %u", geneve_class_name(cls), cls, type,
			(type & 0x80) ? "(C)" : "", olen);
		if (olen > len) {
			ND_STR(nd, " [bad length]");
			return;
		}
		if (nd->o->vflag > 1 && olen > 4) {
			ND_STR(nd, " data");
			for (uint32_t i = 4; i < olen; i += 4)
				out_fmt(nd->out, " %08x", GET_BE32(nd, p + i));
		}
		p += olen;
		len -= olen;
	}
}

void geneve_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "geneve";
	ND_STR(nd, "Geneve");
	if (len < 8) {
		out_fmt(nd->out, " [length %u < 8]", len);
		nd_print_invalid(nd);
		return;
	}
	if (!nd_ok(nd, p, 8)) { /* tcpdump's own marker, not the early end (-x skips the link header) */
		nd_print_trunc(nd);
		return;
	}
	uint8_t vo = GET_U8(nd, p);
	if ((vo >> 6) != 0) {
		out_fmt(nd->out, " ERROR: unknown-version %u", vo >> 6);
		return;
	}
	uint8_t flags = GET_U8(nd, p + 1);
	uint16_t prot = GET_BE16(nd, p + 2);
	uint32_t vni = GET_BE24(nd, p + 4);
	uint8_t rsvd = GET_U8(nd, p + 7);
	p += 8;
	len -= 8;
	ND_STR(nd, ", Flags [");
	nd_bits(nd, geneve_flags, flags, "");
	out_fmt(nd->out, "], vni 0x%x", vni);
	if (rsvd)
		out_fmt(nd->out, ", rsvd 0x%x", rsvd);
	if (nd->o->eflag) {
		const char *name = ethertype_name(prot);
		ND_STR(nd, ", proto ");
		ND_STR(nd, name ? name : "unknown");
		ND_STR(nd, " (0x");
		out_hex(nd->out, prot, 4);
		ND_CHR(nd, ')');
	}
	uint32_t olen = (vo & 0x3f) * 4u;
	if (len < olen) {
		out_fmt(nd->out, " truncated-geneve - %u bytes missing", olen - len);
		return;
	}
	if (!nd_ok(nd, p, olen)) {
		nd_print_trunc(nd);
		return;
	}
	if (olen > 0) {
		ND_STR(nd, ", options [");
		if (nd->o->vflag)
			geneve_opts_print(nd, p, olen);
		else
			out_fmt(nd->out, "%u bytes", olen);
		ND_CHR(nd, ']');
	}
	p += olen;
	len -= olen;
	ND_STR(nd, nd->o->vflag ? "\n\t" : ": ");
	uint32_t avail = (uint32_t)nd_avail(nd, p);
	if (ethertype_print(nd, prot, p, len, avail, NULL, NULL) == 0) {
		if (prot == ETHERTYPE_TEB) {
			uint32_t ll = nd->ll_hdr_len;
			ether_print(nd, p, avail, len);
			nd->ll_hdr_len = ll;
		} else {
			out_fmt(nd->out, "geneve-proto-0x%x", prot);
		}
	}
}
