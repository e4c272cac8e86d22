/*
 * ospf.c - OSPF version 2 (RFC 2328, opaque LSAs RFC 5250, TE RFC 3630,
 * graceful restart RFC 3623, router information RFC 7770, LLS RFC 5613),
 * IP protocol 89 over IPv4.
 *
 *   +---------------+---------------+-------------------------------+
 *   |  Version (2)  |     Type      |         Packet length         |
 *   +---------------+---------------+-------------------------------+
 *   |                  Router ID  |  Area ID                        |
 *   +-------------------------------+-------------------------------+
 *   |           Checksum            |            AuType             |
 *   +-------------------------------+-------------------------------+
 *   |                    Authentication (8 bytes)                   |
 *   +---------------------------------------------------------------+
 *   | Hello / DD / LS-Request / LS-Update / LS-Ack                  |
 *
 * LSA header (20 bytes): age, options, type, link state id (for opaque
 * LSAs: opaque type + 24-bit id), advertising router, sequence, checksum,
 * length.
 */
#include <string.h>

#include "route.h"

#define OSPF_HDRLEN 24
#define LSA_HDRLEN 20

static const struct tok ospf_types[] = {
	{1, "Hello"}, {2, "Database Description"}, {3, "LS-Request"}, {4, "LS-Update"}, {5, "LS-Ack"},
	{0, NULL},
};

static const struct tok ospf_options[] = {
	{0x01, "MultiTopology"}, {0x02, "External"}, {0x04, "Multicast"}, {0x08, "NSSA"}, {0x10, "LLS"},
	{0x20, "Demand Circuit"}, {0x40, "Opaque"}, {0x80, "Up/Down"}, {0, NULL},
};

static const struct tok ospf_auth_types[] = {{0, "none"}, {1, "simple"}, {2, "MD5"}, {0, NULL}};

static const struct tok ospf_rla_flags[] = {
	{0x01, "ABR"}, {0x02, "ASBR"}, {0x04, "Virtual"}, {0x08, "Wildcard"}, {0x10, "Nt"}, {0x80, "Host"},
	{0, NULL},
};

static const struct tok ospf_lsa_types[] = {
	{1, "Router"}, {2, "Network"}, {3, "Summary"}, {4, "ASBR Summary"}, {5, "External"},
	{6, "Multicast Group"}, {7, "NSSA"}, {9, "Link Local Opaque"}, {10, "Area Local Opaque"},
	{11, "Domain Wide Opaque"}, {0, NULL},
};

static const struct tok ospf_dd_flags[] = {
	{0x04, "Init"}, {0x02, "More"}, {0x01, "Master"}, {0x08, "OOBResync"}, {0, NULL},
};

static const struct tok ospf_opaque_types[] = {
	{1, "Traffic Engineering"}, {3, "Graceful restart"}, {4, "Router Information"}, {0, NULL},
};

static const struct tok te_tlvs[] = {{1, "Router Address"}, {2, "Link"}, {0, NULL}};

static const struct tok te_link_subtlvs[] = {
	{1, "Link Type"}, {2, "Link ID"}, {3, "Local Interface IP address"},
	{4, "Remote Interface IP address"}, {5, "Traffic Engineering Metric"}, {6, "Maximum Bandwidth"},
	{7, "Maximum Reservable Bandwidth"}, {8, "Unreserved Bandwidth"}, {9, "Administrative Group"},
	{11, "Link Local/Remote Identifier"}, {14, "Link Protection Type"},
	{15, "Interface Switching Capability"}, {16, "Shared Risk Link Group"},
	{17, "Bandwidth Constraints"}, {0, NULL},
};

static const struct tok grace_tlvs[] = {
	{1, "Grace Period"}, {2, "Graceful restart Reason"}, {3, "IPv4 interface address"}, {0, NULL},
};

static const struct tok grace_reasons[] = {
	{0, "Unknown"}, {1, "Software Restart"}, {2, "Software Reload/Upgrade"},
	{3, "Control Processor Switch"}, {0, NULL},
};

static const struct tok te_link_types[] = {{1, "Point-to-point"}, {2, "Multi-Access"}, {0, NULL}};

static const struct tok ri_tlvs[] = {{1, "Router Capabilities"}, {0, NULL}};

static const struct tok ri_caps[] = {
	{1, "Reserved"}, {2, "Reserved"}, {4, "Reserved"}, {8, "Reserved"},
	{16, "graceful restart capable"}, {32, "graceful restart helper"}, {64, "Stub router support"},
	{128, "Traffic engineering"}, {256, "p2p over LAN"}, {512, "path computation server"}, {0, NULL},
};

static const struct tok lls_tlvs[] = {{1, "Extended Options"}, {2, "MD5 Authentication"}, {0, NULL}};
static const struct tok lls_eo_options[] = {{0x1, "LSDB resync"}, {0x2, "Restart"}, {0, NULL}};

static const struct tok ospf_topologies[] = {{0, "default"}, {1, "multicast"}, {2, "management"}, {0, NULL}};

static const struct tok gmpls_link_prot[] = {
	{0x01, "Extra Traffic"}, {0x02, "Unprotected"}, {0x04, "Shared"}, {0x08, "Dedicated 1:1"},
	{0x10, "Dedicated 1+1"}, {0x20, "Enhanced"}, {0x40, "Reserved"}, {0x80, "Reserved"}, {0, NULL},
};
static const struct tok gmpls_switch_cap[] = {
	{1, "Packet-Switch Capable-1"}, {2, "Packet-Switch Capable-2"}, {3, "Packet-Switch Capable-3"},
	{4, "Packet-Switch Capable-4"}, {51, "Layer-2 Switch Capable"}, {100, "Time-Division-Multiplex"},
	{150, "Lambda-Switch Capable"}, {200, "Fiber-Switch Capable"}, {0, NULL},
};
static const struct tok gmpls_encoding[] = {
	{1, "Packet"}, {2, "Ethernet V2/DIX"}, {3, "ANSI/ETSI PDH"}, {4, "Reserved"},
	{5, "SDH ITU-T G.707 / SONET ANSI T1.105"}, {6, "Reserved"}, {7, "Digital Wrapper"},
	{8, "Lambda (photonic)"}, {9, "Fiber"}, {10, "Reserved"}, {11, "FiberChannel"},
	{12, "G.709 ODUk (Digital Path)"}, {13, "G.709 Optical Channel"}, {0, NULL},
};
static const struct tok diffserv_te_bc[] = {
	{0, "Russian dolls"}, {1, "Maximum Allocation"}, {2, "Maximum Allocation with Reservation"},
	{0, NULL},
};

/* IEEE float bandwidth in bytes/s, printed in Mbit/s as tcpdump does (in float). */
static void ospf_bw(struct nd *nd, const char *pre, uint32_t raw)
{
	float f;
	memcpy(&f, &raw, sizeof f);
	float mbps = f * 8 / 1000000;
	out_fmt(nd->out, "%s%.3f Mbps", pre, (double)mbps);
}

/* Grace LSA TLVs (RFC 3623); -1 when tcpdump stops the LSA. */
int ospf_grace_tlvs(struct nd *nd, const uint8_t *t, unsigned len)
{
	while (len > 0) {
		if (!nd_ok(nd, t, 4))
			return -1;
		if (len < 4) {
			out_fmt(nd->out, "\n\t    Remaining LS length %u < 4", len);
			return -1;
		}
		unsigned type = GET_BE16(nd, t), tl = GET_BE16(nd, t + 2);
		t += 4;
		len -= 4;
		ND_STR(nd, "\n\t    ");
		nd_tok(nd, grace_tlvs, "unknown", type);
		out_fmt(nd->out, " TLV (%u), length %u, value: ", type, tl);
		if (tl > len) {
			out_fmt(nd->out, "\n\t    Bogus length %u > %u", tl, len);
			return -1;
		}
		if (type == 0 || tl == 0)
			return -1;
		if (!nd_ok(nd, t, tl))
			return -1;
		switch (type) {
		case 1:
			if (tl != 4) {
				out_fmt(nd->out, "\n\t    Bogus length %u != 4", tl);
				return -1;
			}
			out_fmt(nd->out, "%us", GET_BE32(nd, t));
			break;
		case 2:
			if (tl != 1) {
				out_fmt(nd->out, "\n\t    Bogus length %u != 1", tl);
				return -1;
			}
			nd_tok(nd, grace_reasons, "Unknown", GET_U8(nd, t));
			out_fmt(nd->out, " (%u)", GET_U8(nd, t));
			break;
		case 3:
			if (tl != 4) {
				out_fmt(nd->out, "\n\t    Bogus length %u != 4", tl);
				return -1;
			}
			nd_ipaddr(nd, t);
			break;
		default:
			if (nd->o->vflag <= 1)
				nd_print_unknown_data(nd, t, "\n\t      ", tl);
			break;
		}
		if (tl % 4)
			tl += 4 - tl % 4;
		len -= tl; /* tcpdump does not check the padding against the length */
		t += tl;
	}
	return 0;
}

#define TE_INVALID(s)                                                                              \
	do {                                                                                       \
		ND_STR(nd, s);                                                                     \
		nd_print_invalid(nd);                                                              \
		return -1;                                                                         \
	} while (0)

/* Traffic engineering LSA TLVs (RFC 3630, RFC 4203); -1 when tcpdump stops. */
int ospf_te_tlvs(struct nd *nd, const uint8_t *t, unsigned len)
{
	while (len != 0) {
		if (!nd_ok(nd, t, 4))
			return -1;
		if (len < 4) {
			out_fmt(nd->out, "\n\t    Remaining LS length %u < 4", len);
			return -1;
		}
		unsigned type = GET_BE16(nd, t), tl = GET_BE16(nd, t + 2);
		t += 4;
		len -= 4;
		ND_STR(nd, "\n\t    ");
		nd_tok(nd, te_tlvs, "unknown", type);
		out_fmt(nd->out, " TLV (%u), length: %u", type, tl);
		if (tl > len) {
			out_fmt(nd->out, "\n\t    Bogus length %u > %u", tl, len);
			return -1;
		}
		if (type == 0 || tl == 0)
			return -1;
		switch (type) {
		case 2:
			while (tl != 0) {
				if (tl < 4) {
					out_fmt(nd->out, "\n\t    Remaining TLV length %u < 4", tl);
					return -1;
				}
				unsigned st = GET_BE16(nd, t), sl = GET_BE16(nd, t + 2);
				t += 4;
				tl -= 4;
				if (st == 0 || sl == 0) {
					nd_print_invalid(nd);
					return -1;
				}
				ND_STR(nd, "\n\t      ");
				nd_tok(nd, te_link_subtlvs, "unknown", st);
				out_fmt(nd->out, " subTLV (%u), length: %u", st, sl);
				if (tl < sl) {
					out_fmt(nd->out, "\n\t    Remaining TLV length %u < %u", tl + 4, sl + 4);
					return -1;
				}
				if (!nd_ok(nd, t, sl))
					return -1;
				switch (st) {
				case 9:
					if (sl != 4)
						TE_INVALID(" != 4");
					out_fmt(nd->out, ", 0x%08x", GET_BE32(nd, t));
					break;
				case 2:
				case 11:
					if (sl != 4 && sl != 8)
						TE_INVALID(" != 4 && != 8");
					rt_ip4(nd, ", ", t);
					out_fmt(nd->out, " (0x%08x)", GET_BE32(nd, t));
					if (sl == 8) {
						rt_ip4(nd, ", ", t + 4);
						out_fmt(nd->out, " (0x%08x)", GET_BE32(nd, t + 4));
					}
					break;
				case 3:
				case 4:
					if (sl != 4)
						TE_INVALID(" != 4");
					rt_ip4(nd, ", ", t);
					break;
				case 6:
				case 7:
					if (sl != 4)
						TE_INVALID(" != 4");
					ospf_bw(nd, ", ", GET_BE32(nd, t));
					break;
				case 8:
					if (sl != 32)
						TE_INVALID(" != 32");
					for (unsigned c = 0; c < 8; c++) {
						uint32_t raw = GET_BE32(nd, t + c * 4);
						out_fmt(nd->out, "\n\t\tTE-Class %u: ", c);
						ospf_bw(nd, "", raw);
					}
					break;
				case 17:
					if (sl < 4)
						TE_INVALID(" < 4");
					ND_STR(nd, "\n\t\tBandwidth Constraints Model ID: ");
					nd_tok(nd, diffserv_te_bc, "unknown", GET_U8(nd, t));
					out_fmt(nd->out, " (%u)", GET_U8(nd, t));
					if (sl % 4 != 0) {
						out_fmt(nd->out, "\n\t\tlength %u != N x 4", sl);
						nd_print_invalid(nd);
						return -1;
					}
					if (sl > 36) {
						out_fmt(nd->out, "\n\t\tlength %u > 36", sl);
						nd_print_invalid(nd);
						return -1;
					}
					for (unsigned c = 0; c < (sl - 4) / 4; c++) {
						uint32_t raw = GET_BE32(nd, t + 4 + c * 4);
						out_fmt(nd->out, "\n\t\t  Bandwidth constraint CT%u: ", c);
						ospf_bw(nd, "", raw);
					}
					break;
				case 5:
					if (sl != 4)
						TE_INVALID(" != 4");
					out_fmt(nd->out, ", Metric %u", GET_BE32(nd, t));
					break;
				case 14:
					if (sl != 4)
						TE_INVALID(" != 4");
					ND_STR(nd, ", ");
					nd_bits(nd, gmpls_link_prot, GET_U8(nd, t), ", ");
					break;
				case 15:
					if (sl < 36)
						TE_INVALID(" < 36");
					ND_STR(nd, "\n\t\tInterface Switching Capability: ");
					nd_tok(nd, gmpls_switch_cap, "Unknown", GET_U8(nd, t));
					ND_STR(nd, "\n\t\tLSP Encoding: ");
					nd_tok(nd, gmpls_encoding, "Unknown", GET_U8(nd, t + 1));
					ND_STR(nd, "\n\t\tMax LSP Bandwidth:");
					for (unsigned l = 0; l < 8; l++) {
						uint32_t raw = GET_BE32(nd, t + 4 + l * 4);
						out_fmt(nd->out, "\n\t\t  priority level %u: ", l);
						ospf_bw(nd, "", raw);
					}
					break;
				case 1:
					if (sl != 1)
						TE_INVALID(" != 1");
					ND_STR(nd, ", ");
					nd_tok(nd, te_link_types, "unknown", GET_U8(nd, t));
					out_fmt(nd->out, " (%u)", GET_U8(nd, t));
					break;
				case 16: {
					if (sl % 4 != 0)
						TE_INVALID(" != N x 4");
					unsigned n = sl / 4;
					if (n != 0)
						ND_STR(nd, "\n\t\t  Shared risk group: ");
					/* tcpdump walks the groups with the sub-TLV pointer itself */
					while (n > 0) {
						ND_U(nd, GET_BE32(nd, t));
						t += 4;
						n--;
						if (n > 0)
							ND_STR(nd, ", ");
					}
					break;
				}
				default:
					if (nd->o->vflag <= 1)
						nd_print_unknown_data(nd, t, "\n\t\t", sl);
					break;
				}
				if (sl % 4 != 0)
					sl += 4 - sl % 4;
				if (tl < sl) {
					out_fmt(nd->out, "\n\t    Remaining TLV length %u < %u", tl + 4, sl + 4);
					return -1;
				}
				tl -= sl;
				t += sl;
			}
			break;
		case 1:
			if (tl < 4) {
				out_fmt(nd->out, "\n\t    TLV length %u < 4", tl);
				return -1;
			}
			rt_ip4(nd, ", ", t);
			break;
		default:
			if (nd->o->vflag <= 1)
				nd_print_unknown_data(nd, t, "\n\t      ", tl);
			break;
		}
		if (tl % 4 != 0)
			tl += 4 - tl % 4;
		if (tl > len) {
			out_fmt(nd->out, "\n\t    Bogus padded length %u > %u", tl, len);
			return -1;
		}
		len -= tl;
		t += tl;
	}
	return 0;
}

/* LSA header; its length, or -1 (bogus). */
static int ospf_lshdr(struct nd *nd, const uint8_t *h)
{
	unsigned ls_length = GET_BE16(nd, h + 18);
	if (ls_length < LSA_HDRLEN) {
		out_fmt(nd->out, "\n\t    Bogus length %u < header (%u)", ls_length, LSA_HDRLEN);
		return -1;
	}
	nd_need(nd, h + 8, 8);
	ND_STR(nd, "\n\t  Advertising Router ");
	nd_ipaddr(nd, h + 8);
	out_fmt(nd->out, ", seq 0x%08x, age %us, length %u", GET_BE32(nd, h + 12), GET_BE16(nd, h),
		ls_length - LSA_HDRLEN);
	uint8_t type = GET_U8(nd, h + 3);
	if (type == 9 || type == 10 || type == 11) {
		uint8_t ot = GET_U8(nd, h + 4);
		uint32_t oid = GET_BE24(nd, h + 5);
		ND_STR(nd, "\n\t    ");
		nd_tok(nd, ospf_lsa_types, "unknown", type);
		out_fmt(nd->out, " LSA (%u), Opaque-Type ", type);
		nd_tok(nd, ospf_opaque_types, "unknown", ot);
		out_fmt(nd->out, " LSA (%u), Opaque-ID %u", ot, oid);
	} else {
		nd_need(nd, h + 4, 4);
		ND_STR(nd, "\n\t    ");
		nd_tok(nd, ospf_lsa_types, "unknown", type);
		out_fmt(nd->out, " LSA (%u), LSA-ID: ", type);
		nd_ipaddr(nd, h + 4);
	}
	ND_STR(nd, "\n\t    Options: [");
	nd_bits(nd, ospf_options, GET_U8(nd, h + 2), ", ");
	ND_CHR(nd, ']');
	return (int)ls_length;
}

static void ospf_metric_line(struct nd *nd, const char *fmt, unsigned topo, unsigned metric)
{
	ND_STR(nd, "\n\t\ttopology ");
	nd_tok(nd, ospf_topologies, "Unknown", topo);
	out_fmt(nd->out, fmt, topo, metric);
}

/* One LSA; pointer past it, or NULL (tcpdump's truncation). */
static const uint8_t *ospf_lsa(struct nd *nd, const uint8_t *l)
{
	int r = ospf_lshdr(nd, l);
	if (r < 0)
		return NULL;
	unsigned ls_length = (unsigned)r;
	const uint8_t *end = l + ls_length, *b = l + LSA_HDRLEN;
	ls_length -= LSA_HDRLEN;
	uint8_t type = GET_U8(nd, l + 3);
	switch (type) {
	case 1: {
		ND_STR(nd, "\n\t    Router LSA Options: [");
		nd_bits(nd, ospf_rla_flags, GET_U8(nd, b), ", ");
		ND_CHR(nd, ']');
		unsigned count = GET_BE16(nd, b + 2);
		const uint8_t *rl = b + 4;
		nd_need(nd, rl, 12);
		for (unsigned i = count; i != 0; i--) {
			nd_need(nd, rl, 12);
			uint8_t lt = GET_U8(nd, rl + 8);
			switch (lt) {
			case 4:
				rt_ip4(nd, "\n\t      Virtual Link: Neighbor Router-ID: ", rl);
				break;
			case 1:
				rt_ip4(nd, "\n\t      Neighbor Router-ID: ", rl);
				break;
			case 2:
				rt_ip4(nd, "\n\t      Neighbor Network-ID: ", rl);
				break;
			case 3:
				rt_ip4(nd, "\n\t      Stub Network: ", rl);
				break;
			default:
				out_fmt(nd->out, "\n\t      Unknown Router Link Type (%u)", lt);
				return end;
			}
			rt_ip4(nd, lt == 3 ? ", Mask: " : ", Interface Address: ", rl + 4);
			unsigned ntos = GET_U8(nd, rl + 9);
			const uint8_t *tos = rl + 8;
			for (unsigned k = 0; k <= ntos; k++, tos += 4) {
				unsigned tt = k ? GET_U8(nd, tos) : 0;
				ospf_metric_line(nd, " (%u), metric %u", tt, GET_BE16(nd, tos + 2));
			}
			rl += 12 + ntos * 4u;
		}
		break;
	}
	case 2:
		rt_ip4(nd, "\n\t    Mask ", b);
		ND_STR(nd, "\n\t    Connected Routers:");
		for (const uint8_t *a = b + 4; a < end; a += 4)
			rt_ip4(nd, "\n\t      ", a);
		break;
	case 3:
	case 4:
		if (type == 3) {
			nd_need(nd, b, 4);
			rt_ip4(nd, "\n\t    Mask ", b);
		}
		nd_need(nd, b + 4, 4);
		for (const uint8_t *m = b + 4; m < end; m += 4) {
			uint32_t ul = GET_BE32(nd, m);
			unsigned topo = (ul & 0x7f000000) >> 24;
			ospf_metric_line(nd, " (%u) metric %u", topo, ul & 0x00ffffff);
		}
		break;
	case 5:
	case 7:
		nd_need(nd, b, 4);
		rt_ip4(nd, "\n\t    Mask ", b);
		nd_need(nd, b + 4, 4);
		for (const uint8_t *m = b + 4; m < end; m += 12) {
			uint32_t ul = GET_BE32(nd, m);
			unsigned topo = (ul & 0x7f000000) >> 24;
			ND_STR(nd, "\n\t\ttopology ");
			nd_tok(nd, ospf_topologies, "Unknown", topo);
			out_fmt(nd->out, " (%u), type %u, metric", topo, (ul & 0x80000000u) ? 2 : 1);
			if ((ul & 0xffffff) == 0xffffff)
				ND_STR(nd, " infinite");
			else
				out_fmt(nd->out, " %u", ul & 0xffffff);
			if (GET_BE32(nd, m + 4))
				rt_ip4(nd, ", forward ", m + 4);
			if (GET_BE32(nd, m + 8))
				rt_ip4(nd, ", tag ", m + 8);
		}
		break;
	case 6:
		for (const uint8_t *m = b; m < end; m += 8) {
			uint32_t vt = GET_BE32(nd, m);
			if (vt == 1)
				rt_ip4(nd, "\n\t    Router Router-ID ", m + 4);
			else if (vt == 2)
				rt_ip4(nd, "\n\t    Network Designated Router ", m + 4);
			else
				out_fmt(nd->out, "\n\t    unknown VertexType (%u)", vt);
		}
		break;
	case 9:
	case 10:
	case 11:
		switch (GET_U8(nd, l + 4)) {
		case 4: {
			const uint8_t *t = b;
			unsigned rem = ls_length;
			while (rem != 0) {
				nd_need(nd, t, 4);
				if (rem < 4) {
					out_fmt(nd->out, "\n\t    Remaining LS length %u < 4", rem);
					return end;
				}
				unsigned tt = GET_BE16(nd, t), tl = GET_BE16(nd, t + 2);
				t += 4;
				rem -= 4;
				ND_STR(nd, "\n\t    ");
				nd_tok(nd, ri_tlvs, "unknown", tt);
				out_fmt(nd->out, " TLV (%u), length: %u, value: ", tt, tl);
				if (tl > rem) {
					out_fmt(nd->out, "\n\t    Bogus length %u > remaining LS length %u", tl, rem);
					return end;
				}
				nd_need(nd, t, tl);
				if (tt == 1) {
					if (tl != 4) {
						out_fmt(nd->out, "\n\t    Bogus length %u != 4", tl);
						return end;
					}
					ND_STR(nd, "Capabilities: ");
					uint32_t caps = GET_BE32(nd, t);
					if (caps & 0x3ff)
						nd_bits(nd, ri_caps, caps, ", ");
					else
						ND_STR(nd, "Unknown");
				} else if (nd->o->vflag <= 1)
					nd_print_unknown_data(nd, t, "\n\t      ", tl);
				/* tcpdump 4.99 does not skip the padding of RI TLVs */
				t += tl;
				rem -= tl;
			}
			break;
		}
		case 3:
			if (ospf_grace_tlvs(nd, b, ls_length) == -1)
				return end;
			break;
		case 1:
			if (ospf_te_tlvs(nd, b, ls_length) == -1)
				return end;
			break;
		default:
			if (nd->o->vflag <= 1)
				nd_print_unknown_data(nd, b, "\n\t    ", ls_length);
			break;
		}
		break;
	}
	if (nd->o->vflag > 1)
		nd_print_unknown_data(nd, b, "\n\t    ", ls_length);
	return end;
}

static void ospf_lls(struct nd *nd, const uint8_t *op, unsigned length)
{
	uint8_t type = GET_U8(nd, op + 1);
	if (type == 1) {
		if (!(GET_U8(nd, op + 24 + 6) & 0x10))
			return;
	} else if (type == 2) {
		if (!(GET_U8(nd, op + 24 + 2) & 0x10))
			return;
	} else
		return;
	unsigned len2 = GET_BE16(nd, op + 2);
	const uint8_t *d = op + len2, *dataend = op + length;
	if (GET_BE16(nd, op + 14) == 2) {
		d += GET_U8(nd, op + 16 + 3);
		len2 += GET_U8(nd, op + 16 + 3);
	}
	if (len2 >= length) {
		ND_STR(nd, "\n\t[LLS truncated]");
		return;
	}
	out_fmt(nd->out, "\n\t  LLS: checksum: 0x%04x", GET_BE16(nd, d));
	d += 2;
	out_fmt(nd->out, ", length: %u", GET_BE16(nd, d));
	d += 2;
	while (d < dataend) {
		unsigned lt = GET_BE16(nd, d);
		ND_STR(nd, "\n\t    ");
		nd_tok(nd, lls_tlvs, "Unknown TLV", lt);
		out_fmt(nd->out, " (%u)", lt);
		d += 2;
		unsigned ll = GET_BE16(nd, d);
		out_fmt(nd->out, ", length: %u", ll);
		d += 2;
		if (lt == 1) {
			if (ll != 4) {
				ND_STR(nd, " [should be 4]");
				ll = 4;
			}
			uint32_t fl = GET_BE32(nd, d);
			out_fmt(nd->out, "\n\t      Options: 0x%08x [", fl);
			if (fl & 0x3)
				nd_bits(nd, lls_eo_options, fl, ", ");
			else
				ND_CHR(nd, '?');
			ND_CHR(nd, ']');
		} else if (lt == 2) {
			if (ll != 20) {
				ND_STR(nd, " [should be 20]");
				ll = 20;
			}
			out_fmt(nd->out, "\n\t      Sequence number: 0x%08x", GET_BE32(nd, d));
		}
		d += ll;
	}
}

/* 1 when truncated. */
static int ospf_v2_body(struct nd *nd, const uint8_t *op, const uint8_t *dataend)
{
	const uint8_t *b = op + OSPF_HDRLEN;
	switch (GET_U8(nd, op + 1)) {
	case 1: {
		uint8_t opts = GET_U8(nd, b + 6);
		ND_STR(nd, "\n\tOptions [");
		nd_bits(nd, ospf_options, opts, ", ");
		uint16_t hi = GET_BE16(nd, b + 4);
		uint32_t dead = GET_BE32(nd, b + 8);
		nd_need(nd, b, 4);
		out_fmt(nd->out, "]\n\t  Hello Timer %us, Dead Timer %us, Mask ", hi, dead);
		nd_ipaddr(nd, b);
		out_fmt(nd->out, ", Priority %u", GET_U8(nd, b + 7));
		if (GET_BE32(nd, b + 12))
			rt_ip4(nd, "\n\t  Designated Router ", b + 12);
		if (GET_BE32(nd, b + 16))
			rt_ip4(nd, ", Backup Designated Router ", b + 16);
		const uint8_t *a = b + 20;
		if (a < dataend)
			ND_STR(nd, "\n\t  Neighbor List:");
		for (; a < dataend; a += 4)
			rt_ip4(nd, "\n\t    ", a);
		break;
	}
	case 2: {
		uint8_t opts = GET_U8(nd, b + 2);
		ND_STR(nd, "\n\tOptions [");
		nd_bits(nd, ospf_options, opts, ", ");
		uint8_t fl = GET_U8(nd, b + 3);
		ND_STR(nd, "], DD Flags [");
		nd_bits(nd, ospf_dd_flags, fl, ", ");
		ND_CHR(nd, ']');
		if (GET_BE16(nd, b))
			out_fmt(nd->out, ", MTU: %u", GET_BE16(nd, b));
		out_fmt(nd->out, ", Sequence: 0x%08x", GET_BE32(nd, b + 4));
		for (const uint8_t *h = b + 8; h < dataend && ospf_lshdr(nd, h) != -1; h += LSA_HDRLEN)
			;
		break;
	}
	case 3:
		for (const uint8_t *r = b; r < dataend; r += 12) {
			nd_need(nd, r, 12);
			uint32_t lt = GET_BE32(nd, r);
			rt_ip4(nd, "\n\t  Advertising Router: ", r + 8);
			ND_STR(nd, ", ");
			nd_tok(nd, ospf_lsa_types, "unknown", lt);
			out_fmt(nd->out, " LSA (%u)", lt);
			if (lt == 9 || lt == 10 || lt == 11) {
				uint8_t ot = GET_U8(nd, r + 4);
				ND_STR(nd, ", Opaque-Type: ");
				nd_tok(nd, ospf_opaque_types, "unknown", ot);
				out_fmt(nd->out, " LSA (%u), Opaque-ID: %u", ot, GET_BE24(nd, r + 5));
			} else
				rt_ip4(nd, ", LSA-ID: ", r + 4);
		}
		break;
	case 4: {
		uint32_t n = GET_BE32(nd, b);
		out_fmt(nd->out, ", %u LSA%s", n, n == 1 ? "" : "s");
		const uint8_t *l = b + 4;
		for (uint32_t i = 1; i <= n; i++) {
			out_fmt(nd->out, "\n\t  LSA #%u", i);
			l = ospf_lsa(nd, l);
			if (!l)
				return 1;
		}
		break;
	}
	case 5:
		/* tcpdump 4.99 walks LS-Ack headers until one is bogus or the
		 * capture ends, not to the end of the packet */
		for (const uint8_t *h = b; ospf_lshdr(nd, h) != -1; h += LSA_HDRLEN)
			;
		break;
	}
	return 0;
}

void ospf_print(struct nd *nd, const uint8_t *bp, uint32_t length)
{
	nd->protocol = "ospf2";
	int md5 = GET_BE16(nd, bp + 14) == 2;
	if (md5) {
		/* tcpdump strips the MD5 trailer off both lengths first */
		length -= 16;
		size_t avail = nd_avail(nd, bp);
		nd_push_snaplen(nd, bp, avail >= 16 ? avail - 16 : 0);
	}
	uint8_t type = GET_U8(nd, bp + 1);
	const char *name = tok_find(ospf_types, type);
	out_fmt(nd->out, "OSPFv%u, ", GET_U8(nd, bp));
	if (!name) {
		out_fmt(nd->out, "unknown LS-type %u, length %u", type, length);
		goto out;
	}
	out_fmt(nd->out, "%s, length %u", name, length);
	if (!nd->o->vflag)
		goto out;
	uint16_t olen = GET_BE16(nd, bp + 2);
	if (length != olen)
		out_fmt(nd->out, " [len %u]", olen);
	const uint8_t *dataend = length > olen ? bp + olen : bp + length;
	rt_ip4(nd, "\n\tRouter-ID ", bp + 4);
	if (GET_BE32(nd, bp + 8))
		rt_ip4(nd, ", Area ", bp + 8);
	else
		ND_STR(nd, ", Backbone Area");
	nd_need(nd, bp + 16, 8);
	uint16_t at = GET_BE16(nd, bp + 14);
	ND_STR(nd, ", Authentication Type: ");
	nd_tok(nd, ospf_auth_types, "unknown", at);
	out_fmt(nd->out, " (%u)", at);
	switch (at) {
	case 0:
		break;
	case 1:
		ND_STR(nd, "\n\tSimple text password: ");
		nd_printn(nd, bp + 16, 8);
		break;
	case 2:
		out_fmt(nd->out, "\n\tKey-ID: %u, Auth-Length: %u, Crypto Sequence Number: 0x%08x", GET_U8(nd, bp + 18),
			GET_U8(nd, bp + 19), GET_BE32(nd, bp + 20));
		break;
	default:
		goto out;
	}
	if (GET_U8(nd, bp) == 2) {
		if (ospf_v2_body(nd, bp, dataend))
			nd_trunc(nd);
		if (length > olen)
			ospf_lls(nd, bp, length);
	} else
		out_fmt(nd->out, " ospf [version %u]", GET_U8(nd, bp));
out:
	if (md5)
		nd_pop_snaplen(nd);
}
