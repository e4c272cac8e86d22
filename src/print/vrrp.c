/*
 * vrrp.c - Virtual Router Redundancy Protocol v2 (RFC 3768) and v3
 * (RFC 5798), IP protocol 112, as tcpdump 4.99 prints it.
 *
 *   +-----+------+------+----------+--------------------------+----------+
 *   | ver | type | vrid | priority | #addrs | auth type (v2)  | interval | checksum
 *   +-----+------+------+----------+--------------------------+----------+
 *   v3: 4 reserved bits and a 12-bit interval in centiseconds instead of
 *   auth type and interval.  Then the addresses and (v2) 8 bytes of auth data.
 *
 * With -T carp the same protocol number is OpenBSD's CARP instead:
 *   version/type(1) vhid(1) advskew(1) authlen(1) pad(1) advbase(1)
 *   checksum(2) counter(8) HMAC-SHA1(20)
 */
#include "lan.h"

static const struct tok vrrp_type_names[] = {{1, "Advertisement"}, {0, NULL}};
static const struct tok vrrp_auth_names[] = {{0, "none"}, {1, "simple"}, {2, "ah"}, {0, NULL}};

static void carp_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned ttl)
{
	nd->protocol = "carp";
	uint8_t b0 = GET_U8(nd, p);
	unsigned version = b0 >> 4, type = b0 & 0x0f;
	out_fmt(nd->out, "CARPv%u-%s %u: ", version, type == 1 ? "advertise" : "unknown", len);
	if (ttl != 255)
		out_fmt(nd->out, "[ttl=%u!] ", ttl);
	if (version != 2 || type != 1)
		return;
	out_fmt(nd->out, "vhid=%u advbase=%u advskew=%u authlen=%u ", GET_U8(nd, p + 1), GET_U8(nd, p + 5),
		GET_U8(nd, p + 2), GET_U8(nd, p + 3));
	if (nd->o->vflag && nd_ok(nd, p, len) && in_cksum(p, len, 0) != 0)
		out_fmt(nd->out, " (bad carp cksum %x!)", GET_BE16(nd, p + 6));
	out_fmt(nd->out, "counter=%llu", (unsigned long long)GET_BE64(nd, p + 8));
}

void vrrp_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	if (nd->o->packettype == PT_CARP) {
		carp_print(nd, p, len, ip->ttl);
		return;
	}
	nd->protocol = "vrrp";
	ND_STR(nd, "VRRP");
	uint8_t b0 = GET_U8(nd, p);
	unsigned version = b0 >> 4, type = b0 & 0x0f;
	out_fmt(nd->out, "v%u, ", version);
	nd_tok(nd, vrrp_type_names, "unknown type (%u)", type);
	if (ip->ttl != 255)
		out_fmt(nd->out, ", (ttl %u)", ip->ttl);
	if (version < 2 || version > 3 || type != 1)
		return;
	nd_need(nd, p + 1, 2);
	out_fmt(nd->out, ", vrid %u, prio %u", GET_U8(nd, p + 1), GET_U8(nd, p + 2));
	uint8_t auth = 0;
	if (version == 2) {
		auth = GET_U8(nd, p + 4);
		ND_STR(nd, ", authtype ");
		nd_tok(nd, vrrp_auth_names, "#%u", auth);
		out_fmt(nd->out, ", intvl %us, length %u", GET_U8(nd, p + 5), len);
	} else {
		nd_need(nd, p + 4, 2);
		unsigned intvl = (GET_U8(nd, p + 4) & 0x0f) << 8 | GET_U8(nd, p + 5);
		out_fmt(nd->out, ", intvl %ucs, length %u", intvl, len);
	}
	if (!nd->o->vflag)
		return;
	unsigned naddrs = GET_U8(nd, p + 3);
	if (nd_ok(nd, p, len)) {
		uint16_t sum = version == 2 ? in_cksum(p, len, 0) : nextproto_cksum(ip, p, len, 112);
		if (sum)
			out_fmt(nd->out, ", (bad vrrp cksum %x)", GET_BE16(nd, p + 6));
	}
	ND_STR(nd, ", addrs");
	if (naddrs > 1)
		out_fmt(nd->out, "(%u)", naddrs);
	ND_CHR(nd, ':');
	/* the addresses are of the enclosing IP version (IPv6 for VRRP over IPv6) */
	const uint8_t *c = p + 8;
	unsigned asz = ip->v6 ? 16 : 4;
	for (; naddrs; naddrs--, c += asz) {
		nd_need(nd, c, asz);
		ND_CHR(nd, c == p + 8 ? ' ' : ',');
		if (ip->v6)
			nd_ip6addr(nd, c);
		else
			nd_ipaddr(nd, c);
	}
	if (version == 2 && auth == 1) {
		ND_STR(nd, " auth \"");
		nd_printn(nd, c, 8);
		ND_CHR(nd, '"');
	}
}
