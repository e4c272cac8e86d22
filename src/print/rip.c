/*
 * rip.c - RIP v1/v2 (RFC 1058, 2453; authentication RFC 4822), UDP port 520,
 * and RIPng (RFC 2080), UDP port 521, as tcpdump 4.99 prints them.
 *
 *   RIP:   command(1) version(1) unused(2), then 20-byte entries:
 *          family(2) tag(2) address(4) mask(4) next hop(4) metric(4)
 *          (family 0xffff: authentication type(2) and data)
 *   RIPng: command(1) version(1) reserved(2), then 20-byte entries:
 *          prefix(16) route tag(2) prefix length(1) metric(1)
 */
#include "nd.h"
#include "svc.h"

#include <stdio.h>
#include <string.h>

#define RIP_ROUTELEN 20

static const struct tok rip_cmds[] = {
	{1, "Request"}, {2, "Response"}, {3, "Trace on"}, {4, "Trace off"}, {5, "Poll"},
	{6, "Poll Entry"}, {0, NULL},
};

/* BSD address family numbers as tcpdump names them */
static const struct tok rip_bsd_afs[] = {
	{2, "IPv4"}, {6, "NS"}, {7, "ISO"}, {16, "Appletalk"}, {23, "IPX"}, {24, "IPv6"},
	{28, "IPv6"}, {30, "IPv6"}, {0, NULL},
};

/* prefix length of a contiguous netmask, -1 otherwise */
static int rip_mask2plen(uint32_t mask)
{
	int plen = 32;
	uint32_t bits = 0xffffffffu;
	for (; plen >= 0; plen--, bits <<= 1) {
		if (mask == bits)
			return plen;
		if (plen == 0)
			break;
	}
	return -1;
}

static unsigned rip_entry_v1(struct nd *nd, const uint8_t *p, unsigned remaining)
{
	if (remaining < RIP_ROUTELEN || !nd_ok(nd, p, RIP_ROUTELEN))
		return 0;
	uint16_t family = GET_BE16(nd, p);
	if (family != 2 && family != 0) {
		ND_STR(nd, "\n\t AFI ");
		nd_tok(nd, rip_bsd_afs, "Unknown (%u)", family);
		ND_STR(nd, ", ");
		nd_print_unknown_data(nd, p + 4, "\n\t  ", RIP_ROUTELEN - 4);
		return RIP_ROUTELEN;
	}
	if (GET_BE16(nd, p + 2) || GET_BE32(nd, p + 8) || GET_BE32(nd, p + 12)) {
		nd_print_unknown_data(nd, p, "\n\t  ", RIP_ROUTELEN);
		return RIP_ROUTELEN;
	}
	ND_STR(nd, family == 0 ? "\n\t  AFI 0, " : "\n\t  ");
	nd_ipaddr(nd, p + 4);
	out_fmt(nd->out, ", metric: %u", GET_BE32(nd, p + 16));
	return RIP_ROUTELEN;
}

static unsigned rip_auth_v2(struct nd *nd, const uint8_t *p, unsigned remaining)
{
	uint16_t type = GET_BE16(nd, p + 2);
	p += 4;
	remaining -= 4;
	if (type == 2) {
		ND_STR(nd, "\n\t  Simple Text Authentication data: ");
		nd_printn(nd, p, 16);
	} else if (type == 3) {
		if (!nd_ok(nd, p, 16) || remaining < 16)
			return 0;
		out_fmt(nd->out, "\n\t  Auth header: Packet Len %u, Key-ID %u, Auth Data Len %u, SeqNo %u, MBZ %u, MBZ %u",
			GET_BE16(nd, p), GET_U8(nd, p + 2), GET_U8(nd, p + 3), GET_BE32(nd, p + 4),
			GET_BE32(nd, p + 8), GET_BE32(nd, p + 12));
	} else if (type == 1) {
		ND_STR(nd, "\n\t  Auth trailer:");
		nd_print_unknown_data(nd, p, "\n\t  ", remaining);
		return 4 + remaining;
	} else {
		out_fmt(nd->out, "\n\t  Unknown (%u) Authentication data:", type);
		nd_print_unknown_data(nd, p, "\n\t  ", remaining);
		return 4 + remaining;
	}
	return RIP_ROUTELEN;
}

static unsigned rip_entry_v2(struct nd *nd, const uint8_t *p, unsigned remaining)
{
	if (remaining < 4 || !nd_ok(nd, p, 4))
		return 0;
	uint16_t family = GET_BE16(nd, p);
	if (family == 0xffff)
		return rip_auth_v2(nd, p, remaining);
	if (family != 2 && family != 0) {
		ND_STR(nd, "\n\t  AFI ");
		nd_tok(nd, rip_bsd_afs, "Unknown (%u)", family);
		nd_print_unknown_data(nd, p + 4, "\n\t  ", RIP_ROUTELEN - 4);
		return RIP_ROUTELEN;
	}
	if (!nd_ok(nd, p, RIP_ROUTELEN) || remaining < RIP_ROUTELEN)
		return 0;
	char addr[16];
	snprintf(addr, sizeof addr, "%u.%u.%u.%u", GET_U8(nd, p + 4), GET_U8(nd, p + 5),
		 GET_U8(nd, p + 6), GET_U8(nd, p + 7));
	ND_STR(nd, "\n\t  AFI ");
	nd_tok(nd, rip_bsd_afs, "%u", family);
	out_fmt(nd->out, ", %15s/%-2d, tag 0x%04x, metric: %u, next-hop: ", addr,
		rip_mask2plen(GET_BE32(nd, p + 8)), GET_BE16(nd, p + 2), GET_BE32(nd, p + 16));
	if (GET_BE32(nd, p + 12))
		nd_ipaddr(nd, p + 12);
	else
		ND_STR(nd, "self");
	return RIP_ROUTELEN;
}

static void rip_entries(struct nd *nd, const uint8_t *p, unsigned len,
			unsigned (*entry)(struct nd *, const uint8_t *, unsigned))
{
	while (len != 0) {
		unsigned n = entry(nd, p, len);
		if (n == 0) {
			nd_print_trunc(nd);
			return;
		}
		if (len < n) {
			out_fmt(nd->out, " [remaining entries length %u < %u]", len, n);
			nd_print_invalid(nd);
			return;
		}
		p += n;
		len -= n;
	}
}

void rip_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "rip";
	size_t avail = nd_avail(nd, p);
	unsigned len = avail > length ? length : (unsigned)avail;
	if (p > nd->snapend || len < 4) {
		nd_print_trunc(nd);
		return;
	}
	len -= 4;
	uint8_t vers = GET_U8(nd, p + 1);
	out_fmt(nd->out, "%sRIPv%u", nd->o->vflag ? "\n\t" : "", vers);
	if (vers == 0) {
		/* RFC 1058: version 0 is to be ignored; tcpdump dumps it */
		nd_print_unknown_data(nd, p, "\n\t", length);
		return;
	}
	uint8_t cmd = GET_U8(nd, p);
	ND_STR(nd, ", ");
	nd_tok(nd, rip_cmds, "unknown command (%u)", cmd);
	out_fmt(nd->out, ", length: %u", length);
	if (!nd->o->vflag)
		return;
	if (cmd == 1 || cmd == 2) {
		if (vers == 1) {
			out_fmt(nd->out, ", routes: %u", length / RIP_ROUTELEN);
			rip_entries(nd, p + 4, len, rip_entry_v1);
		} else if (vers == 2) {
			out_fmt(nd->out, ", routes: %u or less", length / RIP_ROUTELEN);
			rip_entries(nd, p + 4, len, rip_entry_v2);
		} else {
			ND_STR(nd, ", unknown version");
		}
	} else if (cmd < 4 || cmd > 6) {
		/* trace on and unknown commands: the bytes once at -v */
		if (nd->o->vflag <= 1)
			nd_print_unknown_data(nd, p, "\n\t", length);
	}
	if (nd->o->vflag > 1)
		nd_print_unknown_data(nd, p, "\n\t", length);
}

/* prefix/len [tag] (metric) */
static void ripng_entry(struct nd *nd, const uint8_t *ni, int print_metric)
{
	nd_need(nd, ni, 19);
	nd_ip6addr(nd, ni);
	out_fmt(nd->out, "/%u", GET_U8(nd, ni + 18));
	uint16_t tag = GET_BE16(nd, ni + 16);
	if (tag)
		out_fmt(nd->out, " [%u]", tag);
	uint8_t metric = GET_U8(nd, ni + 19);
	if (metric && print_metric)
		out_fmt(nd->out, " (%u)", metric);
}

void ripng_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "ripng";
	uint8_t vers = GET_U8(nd, p + 1);
	if (vers != 1) {
		out_fmt(nd->out, " [vers %u]", vers);
		nd_print_invalid(nd);
		return;
	}
	uint8_t cmd = GET_U8(nd, p);
	if (cmd != 1 && cmd != 2) {
		out_fmt(nd->out, " ripng-%u ?? %u", cmd, length);
		nd_print_invalid(nd);
		return;
	}
	if (length < 4) {
		nd_print_invalid(nd);
		return;
	}
	uint32_t left = length - 4, j = left / 20;
	const uint8_t *ni = p + 4;
	if (cmd == 1 && j == 1 && GET_U8(nd, ni + 19) == 16) {
		static const uint8_t unspec[16];
		nd_need(nd, ni, 16);
		if (memcmp(ni, unspec, 16) == 0) {
			ND_STR(nd, " ripng-req dump");
			return;
		}
	}
	out_fmt(nd->out, " ripng-%s %u", cmd == 1 ? "req" : "resp", j);
	if (j * 20 != left)
		out_fmt(nd->out, "[%u]", length);
	ND_CHR(nd, ':');
	for (; left >= 20; left -= 20, ni += 20) {
		ND_STR(nd, nd->o->vflag > 1 ? "\n\t" : " ");
		ripng_entry(nd, ni, cmd == 2);
	}
	if (left != 0)
		nd_print_invalid(nd);
}
