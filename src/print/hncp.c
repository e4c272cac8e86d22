/*
 * hncp.c - the Home Networking Control Protocol (RFC 7788) over DNCP
 * (RFC 7787), UDP port 8231, as tcpdump 4.99 prints it.  A packet is a list
 * of TLVs; several TLV types nest more TLVs.  Without -v (and at depths
 * beyond -v's count, up to -vv) the TLV types of a level are only listed,
 * runs of one type counted ("Peer (x3)").
 *
 *   TLV: | type (2) | length (2) | value, padded to 4 bytes |
 */
#include <string.h>

#include "svc2.h"

enum {
	DNCP_REQ_NETWORK = 1, DNCP_REQ_NODE = 2, DNCP_ENDPOINT = 3, DNCP_NETWORK = 4,
	DNCP_NODE = 5, DNCP_PEER = 8, DNCP_KEEPALIVE = 9, DNCP_TRUST = 10,
	HNCP_VERSION = 32, HNCP_EXTCONN = 33, HNCP_DELEGATED = 34, HNCP_ASSIGNED = 35,
	HNCP_NODEADDR = 36, HNCP_DHCP4 = 37, HNCP_DHCP6 = 38, HNCP_DNSZONE = 39,
	HNCP_DOMAIN = 40, HNCP_NODENAME = 41, HNCP_PSK = 42, HNCP_POLICY = 43,
	/* type ranges (above any 16-bit type) */
	R_RESERVED = 0x10000, R_UNASSIGNED, R_PRIVATE, R_FUTURE,
};

static const struct tok hncp_types[] = {
	{DNCP_REQ_NETWORK, "Request network state"}, {DNCP_REQ_NODE, "Request node state"},
	{DNCP_ENDPOINT, "Node endpoint"}, {DNCP_NETWORK, "Network state"}, {DNCP_NODE, "Node state"},
	{DNCP_PEER, "Peer"}, {DNCP_KEEPALIVE, "Keep-alive interval"}, {DNCP_TRUST, "Trust-Verdict"},
	{HNCP_VERSION, "HNCP-Version"}, {HNCP_EXTCONN, "External-Connection"},
	{HNCP_DELEGATED, "Delegated-Prefix"}, {HNCP_POLICY, "Prefix-Policy"},
	{HNCP_DHCP4, "DHCPv4-Data"}, {HNCP_DHCP6, "DHCPv6-Data"}, {HNCP_ASSIGNED, "Assigned-Prefix"},
	{HNCP_NODEADDR, "Node-Address"}, {HNCP_DNSZONE, "DNS-Delegated-Zone"},
	{HNCP_DOMAIN, "Domain-Name"}, {HNCP_NODENAME, "Node-Name"}, {HNCP_PSK, "Managed-PSK"},
	{R_RESERVED, "Reserved"}, {R_UNASSIGNED, "Unassigned"}, {R_PRIVATE, "Private use"},
	{R_FUTURE, "Future use"}, {0, NULL},
};

static const struct tok hncp_dh4_names[] = {
	{6, "DNS-server"}, {42, "NTP-server"}, {119, "DNS-search"}, {0, NULL},
};

static const struct tok hncp_dh6_names[] = {
	{23, "DNS-server"}, {24, "DNS-search-list"}, {31, "SNTP-servers"}, {0, NULL},
};

static void hncp_rec(struct nd *nd, const uint8_t *p, unsigned len, int indent);

static void hncp_indent(struct nd *nd, int indent)
{
	ND_CHR(nd, '\n');
	for (int t = indent; t > 0; t--)
		ND_CHR(nd, '\t');
}

static int hncp_v4mapped(const uint8_t *a)
{
	static const uint8_t head[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	return memcmp(a, head, 12) == 0;
}

/* An IPv6 address, or the IPv4 one inside an IPv4-mapped address (checked). */
static void hncp_addr(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, 16);
	if (hncp_v4mapped(p))
		nd_ipaddr(nd, p + 12);
	else
		nd_ip6addr(nd, p);
}

static void hncp_nid(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, 4);
	out_fmt(nd->out, "%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3]);
}

static void hncp_interval(struct nd *nd, uint32_t ms)
{
	out_fmt(nd->out, "%u.%03us", ms / 1000, ms % 1000);
}

static void hncp_256(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, 32);
	for (int i = 0; i < 32; i++)
		out_fmt(nd->out, "%02x", p[i]);
}

/* A prefix: length byte then its bytes (IPv4-mapped ones as IPv4).  Returns the
 * bytes used, -1 for a bad prefix length, -2/-3 when it runs past max. */
static int hncp_prefix(struct nd *nd, const uint8_t *p, unsigned max)
{
	if (max < 1)
		return -2;
	unsigned plen = GET_U8(nd, p);
	if (plen >= 96 && max >= 13 && nd_ok(nd, p + 1, 12) && hncp_v4mapped(p + 1)) {
		plen -= 96;
		if (plen > 32)
			return -1;
		unsigned nb = (plen + 7) / 8;
		if (max - 1 < nb + 12)
			return -3;
		uint8_t a[4] = {0};
		GET_CPY(nd, a, p + 13, nb);
		if (plen % 8)
			a[nb - 1] &= (uint8_t)(0xff00 >> (plen % 8));
		char buf[20];
		out_mem(nd->out, buf, fmt_ip4(buf, sizeof buf, a));
		out_fmt(nd->out, "/%u", plen);
		return (int)(nb + 13);
	}
	if (plen > 128)
		return -1;
	unsigned nb = (plen + 7) / 8;
	if (max - 1 < nb)
		return -2;
	uint8_t a[16] = {0};
	GET_CPY(nd, a, p + 1, nb);
	if (plen % 8)
		a[nb - 1] &= (uint8_t)(0xff00 >> (plen % 8));
	char buf[48];
	out_mem(nd->out, buf, fmt_ip6(buf, sizeof buf, a));
	out_fmt(nd->out, "/%u", plen);
	return (int)(nb + 1);
}

/* Labels without compression; bytes used, -1 (after "[|DNS]") when they do not end. */
static int hncp_label(struct nd *nd, const uint8_t *p, unsigned max)
{
	unsigned n = 0;
	while (n < max) {
		unsigned l = GET_U8(nd, p + n);
		n++;
		if (l == 0)
			return (int)n;
		if (n > 1)
			ND_CHR(nd, '.');
		if (n + l > max) {
			nd_printn(nd, p + n, max - n);
			break;
		}
		nd_printn(nd, p + n, l);
		n += l;
	}
	ND_STR(nd, "[|DNS]");
	return -1;
}

static int hncp_dhcp4(struct nd *nd, const uint8_t *p, unsigned len, int indent)
{
	for (unsigned i = 0; i < len;) {
		if (i + 2 > len)
			return -1;
		uint8_t type = GET_U8(nd, p + i), olen = GET_U8(nd, p + i + 1);
		const uint8_t *v = p + i + 2;
		hncp_indent(nd, indent);
		nd_tok(nd, hncp_dh4_names, "Unknown", type);
		out_fmt(nd->out, " (%u)", olen + 2);
		if (i + 2 + olen > len)
			return -1;
		if (type == 6 || type == 42) {
			if (olen < 4 || olen % 4)
				return -1;
			for (unsigned t = 0; t < olen; t += 4) {
				nd_need(nd, v + t, 4);
				ND_CHR(nd, ' ');
				nd_ipaddr(nd, v + t);
			}
		} else if (type == 119) {
			for (const uint8_t *tp = v; tp < v + olen;) {
				ND_CHR(nd, ' ');
				if ((tp = dns_fqdn_print(nd, tp, v + olen)) == NULL)
					return -1;
			}
		}
		i += 2 + olen;
	}
	return 0;
}

static int hncp_dhcp6(struct nd *nd, const uint8_t *p, unsigned len, int indent)
{
	for (unsigned i = 0; i < len;) {
		if (i + 4 > len)
			return -1;
		unsigned type = GET_BE16(nd, p + i), olen = GET_BE16(nd, p + i + 2);
		const uint8_t *v = p + i + 4;
		hncp_indent(nd, indent);
		nd_tok(nd, hncp_dh6_names, "Unknown", type);
		out_fmt(nd->out, " (%u)", olen + 4);
		if (i + 4 + olen > len)
			return -1;
		if (type == 23 || type == 31) {
			if (olen % 16) {
				nd_print_invalid(nd);
				return -1;
			}
			for (unsigned t = 0; t < olen; t += 16) {
				nd_need(nd, v + t, 16);
				ND_CHR(nd, ' ');
				nd_ip6addr(nd, v + t);
			}
		} else if (type == 24) {
			for (const uint8_t *tp = v; tp < v + olen;) {
				ND_CHR(nd, ' ');
				if ((tp = dns_fqdn_print(nd, tp, v + olen)) == NULL)
					return -1;
			}
		}
		i += 4 + olen;
	}
	return 0;
}

static uint32_t hncp_type_class(unsigned type)
{
	if (tok_find(hncp_types, type) && type <= 0xffff)
		return type;
	if (type == 0)
		return R_RESERVED;
	if (type >= 44 && type <= 511)
		return R_UNASSIGNED;
	if (type >= 768 && type <= 1023)
		return R_PRIVATE;
	return R_FUTURE;
}

static void hncp_inline_type(struct nd *nd, uint32_t cls, int count, int indent, int *first)
{
	if (count <= 0)
		return;
	if (*first) {
		*first = 0;
		if (indent > 1)
			hncp_indent(nd, indent);
		else
			ND_CHR(nd, ' ');
	} else {
		ND_STR(nd, ", ");
	}
	nd_tok(nd, hncp_types, "Easter Egg", cls);
	if (count > 1)
		out_fmt(nd->out, " (x%d)", count);
}

/* Nested TLVs after a fixed part of l bytes rounded up to 4. */
static void hncp_rest(struct nd *nd, const uint8_t *v, unsigned blen, unsigned l, int indent)
{
	l = (l + 3) & ~3u;
	if (blen >= l)
		hncp_rec(nd, v + l, blen - l, indent + 1);
}

static void hncp_policy(struct nd *nd, const uint8_t *v, unsigned blen)
{
	if (blen < 1) {
		nd_print_invalid(nd);
		return;
	}
	uint8_t pol = GET_U8(nd, v);
	ND_STR(nd, " type: ");
	if (pol == 0) {
		if (blen != 1)
			nd_print_invalid(nd);
		else
			ND_STR(nd, "Internet connectivity");
	} else if (pol <= 128) {
		ND_STR(nd, "Dest-Prefix: ");
		int l = hncp_prefix(nd, v, blen);
		if (l == -1)
			ND_STR(nd, "(length is invalid)");
		else if (l < 0)
			nd_print_invalid(nd);
	} else if (pol == 129) {
		ND_STR(nd, "DNS domain: ");
		hncp_label(nd, v + 1, blen - 1);
	} else if (pol == 130) {
		ND_STR(nd, "Opaque UTF-8: ");
		nd_printn(nd, v + 1, blen - 1);
	} else if (pol == 131) {
		if (blen != 1)
			nd_print_invalid(nd);
		else
			ND_STR(nd, "Restrictive assignment");
	} else {
		out_fmt(nd->out, "Unknown (%u)", pol);
	}
}

/* One TLV's value; returns 0, or -1 when the level must stop with " (invalid)". */
static int hncp_value(struct nd *nd, uint32_t cls, const uint8_t *v, unsigned blen, int indent)
{
	int l;
	switch (cls) {
	case DNCP_REQ_NETWORK:
		if (blen != 0)
			nd_print_invalid(nd);
		break;
	case DNCP_REQ_NODE:
		if (blen != 4) {
			nd_print_invalid(nd);
			break;
		}
		ND_STR(nd, " NID: ");
		hncp_nid(nd, v);
		break;
	case DNCP_ENDPOINT:
		if (blen != 8) {
			nd_print_invalid(nd);
			break;
		}
		ND_STR(nd, " NID: ");
		hncp_nid(nd, v);
		out_fmt(nd->out, " EPID: %08x", GET_BE32(nd, v + 4));
		break;
	case DNCP_NETWORK:
		if (blen != 8) {
			nd_print_invalid(nd);
			break;
		}
		out_fmt(nd->out, " hash: %016llx", (unsigned long long)GET_BE64(nd, v));
		break;
	case DNCP_NODE:
		if (blen < 20) {
			nd_print_invalid(nd);
			break;
		}
		ND_STR(nd, " NID: ");
		hncp_nid(nd, v);
		out_fmt(nd->out, " seqno: %u ", GET_BE32(nd, v + 4));
		hncp_interval(nd, GET_BE32(nd, v + 8));
		out_fmt(nd->out, " hash: %016llx", (unsigned long long)GET_BE64(nd, v + 12));
		hncp_rec(nd, v + 20, blen - 20, indent + 1);
		break;
	case DNCP_PEER:
		if (blen != 12) {
			nd_print_invalid(nd);
			break;
		}
		ND_STR(nd, " Peer-NID: ");
		hncp_nid(nd, v);
		out_fmt(nd->out, " Peer-EPID: %08x Local-EPID: %08x", GET_BE32(nd, v + 4), GET_BE32(nd, v + 8));
		break;
	case DNCP_KEEPALIVE:
		if (blen < 8) {
			nd_print_invalid(nd);
			break;
		}
		out_fmt(nd->out, " EPID: %08x Interval: ", GET_BE32(nd, v));
		hncp_interval(nd, GET_BE32(nd, v + 4));
		break;
	case DNCP_TRUST:
		if (blen <= 36) {
			nd_print_invalid(nd);
			break;
		}
		out_fmt(nd->out, " Verdict: %u Fingerprint: ", GET_U8(nd, v));
		hncp_256(nd, v + 4);
		ND_STR(nd, " Common Name: ");
		nd_printn(nd, v + 36, blen - 36);
		break;
	case HNCP_VERSION: {
		if (blen < 5) {
			nd_print_invalid(nd);
			break;
		}
		unsigned cap = GET_BE16(nd, v + 2);
		out_fmt(nd->out, " M: %u P: %u H: %u L: %u User-agent: ", cap >> 12 & 15, cap >> 8 & 15,
			cap >> 4 & 15, cap & 15);
		nd_printn(nd, v + 4, blen - 4);
		break;
	}
	case HNCP_EXTCONN:
		hncp_rec(nd, v, blen, indent + 1);
		break;
	case HNCP_DELEGATED:
		if (blen < 9 || blen < 9 + (GET_U8(nd, v + 8) + 7u) / 8) {
			nd_print_invalid(nd);
			break;
		}
		ND_STR(nd, " VLSO: ");
		hncp_interval(nd, GET_BE32(nd, v));
		ND_STR(nd, " PLSO: ");
		hncp_interval(nd, GET_BE32(nd, v + 4));
		ND_STR(nd, " Prefix: ");
		l = hncp_prefix(nd, v + 8, blen - 8);
		if (l == -1) {
			ND_STR(nd, "(length is invalid)");
			break;
		}
		if (l < 0) {
			nd_print_invalid(nd);
			break;
		}
		hncp_rest(nd, v, blen, (unsigned)l + 8, indent);
		break;
	case HNCP_POLICY:
		hncp_policy(nd, v, blen);
		break;
	case HNCP_DHCP4:
		if (blen == 0) {
			nd_print_invalid(nd);
			break;
		}
		if (hncp_dhcp4(nd, v, blen, indent + 1) != 0)
			return -1;
		break;
	case HNCP_DHCP6:
		if (blen == 0 || hncp_dhcp6(nd, v, blen, indent + 1) != 0)
			nd_print_invalid(nd);
		break;
	case HNCP_ASSIGNED:
		if (blen < 6 || blen < 6 + (GET_U8(nd, v + 5) + 7u) / 8) {
			nd_print_invalid(nd);
			break;
		}
		out_fmt(nd->out, " EPID: %08x Prty: %u", GET_BE32(nd, v), GET_U8(nd, v + 4) & 15);
		ND_STR(nd, " Prefix: ");
		l = hncp_prefix(nd, v + 5, blen - 5);
		if (l < 0) {
			nd_print_invalid(nd);
			break;
		}
		hncp_rest(nd, v, blen, (unsigned)l + 5, indent);
		break;
	case HNCP_NODEADDR:
		if (blen < 20) {
			nd_print_invalid(nd);
			break;
		}
		out_fmt(nd->out, " EPID: %08x IP Address: ", GET_BE32(nd, v));
		hncp_addr(nd, v + 4);
		hncp_rec(nd, v + 20, blen - 20, indent + 1);
		break;
	case HNCP_DNSZONE: {
		if (blen < 17) {
			nd_print_invalid(nd);
			break;
		}
		uint8_t f = GET_U8(nd, v + 16);
		ND_STR(nd, " IP-Address: ");
		hncp_addr(nd, v);
		out_fmt(nd->out, " %c%c%c ", f & 4 ? 'l' : '-', f & 2 ? 'b' : '-', f & 1 ? 's' : '-');
		l = hncp_label(nd, v + 17, blen - 17);
		if (l < 0) {
			nd_print_invalid(nd);
			break;
		}
		hncp_rest(nd, v, blen, (unsigned)l + 17, indent);
		break;
	}
	case HNCP_DOMAIN:
		if (blen == 0) {
			nd_print_invalid(nd);
			break;
		}
		ND_STR(nd, " Domain: ");
		hncp_label(nd, v, blen);
		break;
	case HNCP_NODENAME: {
		if (blen < 17) {
			nd_print_invalid(nd);
			break;
		}
		unsigned nl = GET_U8(nd, v + 16);
		if (blen < 17 + nl) {
			nd_print_invalid(nd);
			break;
		}
		ND_STR(nd, " IP-Address: ");
		hncp_addr(nd, v);
		ND_STR(nd, " Name: ");
		if (nl < 64) {
			ND_CHR(nd, '"');
			nd_printn(nd, v + 17, nl);
			ND_CHR(nd, '"');
		} else {
			nd_print_invalid(nd);
		}
		hncp_rest(nd, v, blen, nl + 17, indent);
		break;
	}
	case HNCP_PSK:
		if (blen < 32) {
			nd_print_invalid(nd);
			break;
		}
		ND_STR(nd, " PSK: ");
		hncp_256(nd, v);
		hncp_rec(nd, v + 32, blen - 32, indent + 1);
		break;
	}
	return 0;
}

static void hncp_rec(struct nd *nd, const uint8_t *p, unsigned len, int indent)
{
	int in_line = indent - 1 >= nd->o->vflag && nd->o->vflag < 3;
	int first = 1, last_count = -1;
	uint32_t last_cls = 0xffffffffu;
	for (unsigned i = 0; i < len;) {
		const uint8_t *tlv = p + i;
		if (!in_line)
			hncp_indent(nd, indent);
		if (!nd_ok(nd, tlv, 4))
			goto trunc;
		if (i + 4 > len) {
			nd_print_invalid(nd);
			return;
		}
		unsigned type = GET_BE16(nd, tlv), blen = GET_BE16(nd, tlv + 2);
		const uint8_t *v = tlv + 4;
		if (!nd_ok(nd, v, blen))
			goto trunc;
		if (i + blen + 4 > len) {
			nd_print_invalid(nd);
			return;
		}
		uint32_t cls = hncp_type_class(type);
		if (in_line) {
			if (cls == last_cls) {
				last_count++;
			} else {
				hncp_inline_type(nd, last_cls, last_count, indent, &first);
				last_cls = cls;
				last_count = 1;
			}
		} else {
			nd_tok(nd, hncp_types, "Easter Egg (42)", cls);
			if (cls > 0xffff)
				out_fmt(nd->out, ": type=%u", type);
			out_fmt(nd->out, " (%u)", blen + 4);
			if (hncp_value(nd, cls, v, blen, indent) != 0) {
				nd_print_invalid(nd);
				return;
			}
		}
		i += 4 + ((blen + 3) & ~3u);
	}
	hncp_inline_type(nd, last_cls, last_count, indent, &first);
	return;
trunc:
	/* tcpdump checks by hand here: its own marker, no longjmp, and an
	 * enclosing TLV list goes on with its next TLV. */
	nd_print_trunc(nd);
}

void hncp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "hncp";
	out_fmt(nd->out, "hncp (%u)", len);
	hncp_rec(nd, p, len, 1);
}
