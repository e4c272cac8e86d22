/*
 * bcm_li.c - Broadcom lawful-intercept shim (UDP port 49152), as tcpdump
 * 4.99 prints it.
 *
 *   shim (4 bytes): direction(3) pkt-type(4) pkt-subtype(3) li-id(22)
 *
 * Then the intercepted packet (Ethernet, IPv4, IPv6, or "undecided": IP of
 * the version in its first nibble), printed only with -v.
 */
#include "nd.h"

static const struct tok bcm_li_dirs[] = {{1, "unused"}, {2, "egress"}, {3, "ingress"}, {0, NULL}};
static const struct tok bcm_li_types[] = {
	{4, "undecided"}, {5, "ipv4"}, {6, "ipv6"}, {7, "ethernet"}, {0, NULL},
};
static const struct tok bcm_li_subtypes[] = {
	{1, "single VLAN tag"}, {2, "double VLAN tag"}, {3, "untagged"}, {0, NULL},
};

static const char *bcm_li_name(const struct tok *t, uint32_t v)
{
	const char *s = tok_find(t, v);
	return s ? s : "unknown";
}

void bcm_li_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "bcm_li";
	if (len < 4) {
		out_fmt(nd->out, " (length %u < 4)", len);
		nd_print_invalid(nd);
		return;
	}
	uint32_t shim = GET_BE32(nd, p);
	unsigned type = (shim >> 25) & 0xf;
	int v = nd->o->vflag != 0;
	out_fmt(nd->out, "%sBCM-LI-SHIM: direction %s, pkt-type %s, pkt-subtype %s, li-id %u%s",
		v ? "\n    " : "", bcm_li_name(bcm_li_dirs, (shim >> 29) & 7),
		bcm_li_name(bcm_li_types, type), bcm_li_name(bcm_li_subtypes, (shim >> 22) & 7),
		shim & 0x3fffff, v ? "\n    " : "");
	p += 4;
	len -= 4;
	if (!v) {
		nd_need(nd, p, len);
		return;
	}
	if (type == 4) {
		uint8_t ver = GET_U8(nd, p) >> 4;
		type = ver == 4 ? 5 : ver == 6 ? 6 : 0;
		if (!type) {
			ND_STR(nd, "unknown payload");
			return;
		}
	}
	switch (type) {
	case 7: {
		uint32_t ll = nd->ll_hdr_len;
		ether_print(nd, p, (uint32_t)nd_avail(nd, p), len);
		nd->ll_hdr_len = ll;
		break;
	}
	case 5:
		ip_print(nd, p, len);
		break;
	case 6:
		ip6_print(nd, p, len);
		break;
	default:
		nd_print_invalid(nd);
		break;
	}
}
