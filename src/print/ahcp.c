/*
 * ahcp.c - the Ad-Hoc Configuration Protocol (ahcpd 0.53), UDP port 5359, as
 * tcpdump 4.99 prints it: the header from -v, the options from -vv.
 *
 *   | magic 43 | version 1 | hopcount | orig hopcount | nonce (4) |
 *   | source id (8) | destination id (8) |
 *   body: | type | mbz | length (2) | options: type [len value]... |
 */
#include <time.h>

#include "svc2.h"

#define AHCP_MAGIC 43
#define AHCP1_HDR 24

static const struct tok ahcp_msg_names[] = {
	{0, "Discover"}, {1, "Offer"}, {2, "Request"}, {3, "Ack"}, {4, "Nack"}, {5, "Release"},
	{0, NULL},
};

static const struct tok ahcp_opt_names[] = {
	{0, "Pad"}, {1, "Mandatory"}, {2, "Origin Time"}, {3, "Expires"},
	{4, "My-IPv6-Address"}, {5, "My-IPv4-Address"}, {6, "IPv6 Prefix"}, {7, "IPv4 Prefix"},
	{8, "IPv6 Address"}, {9, "IPv4 Address"}, {10, "IPv6 Prefix Delegation"},
	{11, "IPv4 Prefix Delegation"}, {12, "Name Server"}, {13, "NTP Server"}, {0, NULL},
};

/* How an option's value prints. */
enum ahcp_kind { AK_RAW, AK_TIME, AK_SECS, AK_V6, AK_V4, AK_V6PFX, AK_V4PFX };
static const uint8_t ahcp_kinds[14] = {
	AK_RAW, AK_RAW, AK_TIME, AK_SECS, AK_V6, AK_V4, AK_V6PFX, AK_RAW,
	AK_V6, AK_V4, AK_V6PFX, AK_V4PFX, AK_V6, AK_V6,
};

/* " (invalid)", and the rest must still be captured. */
static void ahcp_invalid(struct nd *nd, const uint8_t *p, unsigned n)
{
	nd_print_invalid(nd);
	nd_need(nd, p, n);
}

static void ahcp_value(struct nd *nd, enum ahcp_kind k, const uint8_t *p, unsigned n)
{
	if (k == AK_TIME || k == AK_SECS) {
		if (n != 4) {
			ahcp_invalid(nd, p, n);
			return;
		}
		uint32_t v = GET_BE32(nd, p);
		if (k == AK_SECS) {
			out_fmt(nd->out, ": %us", v);
			return;
		}
		time_t t = (time_t)v;
		struct tm tm;
		char buf[64];
		if (gmtime_r(&t, &tm) && strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm))
			out_fmt(nd->out, ": %s", buf);
		return;
	}
	unsigned esz = k == AK_V6 ? 16 : k == AK_V4 ? 4 : k == AK_V6PFX ? 17 : 5;
	const char *sep = ": ";
	for (; n; p += esz, n -= esz, sep = ", ") {
		if (n < esz) {
			ahcp_invalid(nd, p, n);
			return;
		}
		nd_need(nd, p, esz);
		ND_STR(nd, sep);
		if (k == AK_V6 || k == AK_V6PFX)
			nd_ip6addr(nd, p);
		else
			nd_ipaddr(nd, p);
		if (k == AK_V6PFX || k == AK_V4PFX)
			out_fmt(nd->out, "/%u", GET_U8(nd, p + esz - 1));
	}
}

static void ahcp_options(struct nd *nd, const uint8_t *p, unsigned n)
{
	while (n) {
		uint8_t type = GET_U8(nd, p);
		p++;
		n--;
		ND_STR(nd, "\n\t ");
		nd_tok(nd, ahcp_opt_names, "Unknown-%u", type);
		if (type == 0 || type == 1)
			continue;
		if (n == 0) {
			ahcp_invalid(nd, p, n);
			return;
		}
		uint8_t olen = GET_U8(nd, p);
		p++;
		n--;
		if (olen > n) {
			ahcp_invalid(nd, p, n);
			return;
		}
		enum ahcp_kind k = type < 14 ? (enum ahcp_kind)ahcp_kinds[type] : AK_RAW;
		if (k == AK_RAW) {
			out_fmt(nd->out, " (Length %u)", olen);
			nd_need(nd, p, olen);
		} else {
			ahcp_value(nd, k, p, olen);
		}
		p += olen;
		n -= olen;
	}
}

static void ahcp_body(struct nd *nd, const uint8_t *p, unsigned n)
{
	if (n < 4) {
		ahcp_invalid(nd, p, n);
		return;
	}
	uint8_t type = GET_U8(nd, p), mbz = GET_U8(nd, p + 1);
	unsigned blen = GET_BE16(nd, p + 2);
	p += 4;
	n -= 4;
	if (nd->o->vflag) {
		ND_STR(nd, "\n\t");
		nd_tok(nd, ahcp_msg_names, "Unknown-%u", type);
		if (mbz)
			out_fmt(nd->out, ", MBZ %u", mbz);
		out_fmt(nd->out, ", Length %u", blen);
	}
	if (blen > n) {
		ahcp_invalid(nd, p, n);
		return;
	}
	if (nd->o->vflag >= 2)
		ahcp_options(nd, p, blen);
	else
		nd_need(nd, p, blen);
}

static void ahcp_id(struct nd *nd, const char *label, const uint8_t *p)
{
	nd_need(nd, p, 8);
	ND_STR(nd, label);
	for (int i = 0; i < 8; i++)
		out_fmt(nd->out, i ? ":%02x" : "%02x", GET_U8(nd, p + i));
}

void ahcp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "ahcp";
	ND_STR(nd, "AHCP");
	if (len < 2 || GET_U8(nd, p) != AHCP_MAGIC) {
		ahcp_invalid(nd, p, len);
		return;
	}
	uint8_t ver = GET_U8(nd, p + 1);
	p += 2;
	len -= 2;
	if (ver != 1) {
		out_fmt(nd->out, " Version %u (unknown)", ver);
		nd_need(nd, p, len);
		return;
	}
	ND_STR(nd, " Version 1");
	if (len < AHCP1_HDR - 2) {
		ahcp_invalid(nd, p, len);
		return;
	}
	if (nd->o->vflag) {
		out_fmt(nd->out, "\n\tHopcount %u", GET_U8(nd, p));
		out_fmt(nd->out, ", Original Hopcount %u", GET_U8(nd, p + 1));
		out_fmt(nd->out, ", Nonce 0x%08x", GET_BE32(nd, p + 2));
		ahcp_id(nd, ", Source Id ", p + 6);
		ahcp_id(nd, ", Destination Id ", p + 14);
	} else {
		nd_need(nd, p, AHCP1_HDR - 2);
	}
	ahcp_body(nd, p + AHCP1_HDR - 2, len - (AHCP1_HDR - 2));
}
