/*
 * arcnet.c - ARCNET (DLT_ARCNET, RFC 1051/1201) and Linux ARCNET
 * (DLT_ARCNET_LINUX) link headers, printed as tcpdump 4.99 does.
 *
 *   ARCNET:       source(1) dest(1) type(1) [flag(1) seqid(2)]
 *                 (flag 0xff: exception frame, type2 flag2 seqid2 follow)
 *   Linux ARCNET: source(1) dest(1) offset(2) type(1) [flag(1) seqid(2)]
 *   The RFC 1051 types (old IP, old ARP) and diagnostics have no flag/seqid.
 *
 * With -e tcpdump reads the Linux header with the plain ARCNET layout too
 * (so the "type" it shows is the first offset byte): synack does the same.
 */
#include "nd.h"
#include "rest.h"

#define ARCTYPE_IP_OLD 240
#define ARCTYPE_ARP_OLD 241
#define ARCTYPE_IP 212
#define ARCTYPE_ARP 213
#define ARCTYPE_REVARP 214
#define ARCTYPE_ATALK 221
#define ARCTYPE_BANIAN 247
#define ARCTYPE_IPX 250
#define ARCTYPE_INET6 0xc4
#define ARCTYPE_DIAGNOSE 0x80

static const struct tok arctype_names[] = {
	{ARCTYPE_IP_OLD, "oldip"}, {ARCTYPE_ARP_OLD, "oldarp"}, {ARCTYPE_IP, "ip"},
	{ARCTYPE_ARP, "arp"}, {ARCTYPE_REVARP, "rarp"}, {ARCTYPE_ATALK, "atalk"},
	{ARCTYPE_BANIAN, "banyan"}, {ARCTYPE_IPX, "ipx"}, {ARCTYPE_INET6, "ipv6"},
	{ARCTYPE_DIAGNOSE, "diag"}, {0, NULL},
};

/* -e: "src dst type [seqid ...] length: " from the plain ARCNET layout */
static void arc_hdr(struct nd *nd, const uint8_t *p, uint32_t length, int phds, unsigned flag, unsigned seqid)
{
	uint8_t s = GET_U8(nd, p), d = GET_U8(nd, p + 1);
	if (nd->o->qflag) {
		out_fmt(nd->out, "%02x %02x %u: ", s, d, length);
		return;
	}
	uint8_t t = GET_U8(nd, p + 2);
	out_fmt(nd->out, "%02x %02x ", s, d);
	nd_tok(nd, arctype_names, "%02x", t);
	if (!phds) {
		out_fmt(nd->out, " %u: ", length);
		return;
	}
	if (flag == 0)
		out_fmt(nd->out, " seqid %04x %u: ", seqid, length);
	else if (flag & 1)
		out_fmt(nd->out, " seqid %04x (first of %u fragments) %u: ", seqid, (flag + 3) / 2, length);
	else
		out_fmt(nd->out, " seqid %04x (fragment %u) %u: ", seqid, flag / 2 + 1, length);
}

/* the payload for an ARCNET system code; 0 when the code is unknown */
static int encap_print(struct nd *nd, uint8_t type, const uint8_t *p, uint32_t length, uint32_t caplen)
{
	switch (type) {
	case ARCTYPE_IP_OLD:
	case ARCTYPE_IP:
		ip_print(nd, p, length);
		return 1;
	case ARCTYPE_INET6:
		ip6_print(nd, p, length);
		return 1;
	case ARCTYPE_ARP_OLD:
	case ARCTYPE_ARP:
	case ARCTYPE_REVARP:
		arp_print(nd, p, length, caplen);
		return 1;
	case ARCTYPE_IPX:
		ipx_print(nd, p, length);
		return 1;
	case ARCTYPE_ATALK: /* rest */
		atalk_print(nd, p, length);
		return 1;
	default:
		return 0;
	}
}

/* a cut header: the marker, and the -x dump from the first byte, as tcpdump */
static void arc_trunc(struct nd *nd, const char *what)
{
	ND_STR(nd, what);
	nd_print_trunc(nd);
	nd->ll_hdr_len = 0;
}

static void payload(struct nd *nd, uint8_t type, const uint8_t *p, uint32_t length, uint32_t caplen)
{
	if (!encap_print(nd, type, p, length, caplen))
		nd_default_print(nd, p, caplen); /* tcpdump shows it even with -q or -x */
}

void arcnet_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t length)
{
	nd->protocol = "arcnet";
	if (caplen < 3) {
		arc_trunc(nd, "");
		return;
	}
	uint8_t type = GET_U8(nd, p + 2);
	int phds = !(type == ARCTYPE_IP_OLD || type == ARCTYPE_ARP_OLD || type == ARCTYPE_DIAGNOSE);
	unsigned flag = 0, seqid = 0;
	uint32_t hl = 3;
	if (phds) {
		if (caplen < 6) {
			arc_hdr(nd, p, length, 0, 0, 0);
			arc_trunc(nd, " phds");
			return;
		}
		if (GET_U8(nd, p + 3) == 0xff) {
			if (caplen < 10) {
				arc_hdr(nd, p, length, 0, 0, 0);
				arc_trunc(nd, " phds extended");
				return;
			}
			flag = GET_U8(nd, p + 7);
			seqid = GET_BE16(nd, p + 8);
			hl = 10;
		} else {
			flag = GET_U8(nd, p + 3);
			seqid = GET_BE16(nd, p + 4);
			hl = 6;
		}
	}
	if (nd->o->eflag)
		arc_hdr(nd, p, length, phds, flag, seqid);
	nd->ll_hdr_len = hl;
	if (phds && flag && (flag & 1) == 0)
		return; /* a middle fragment */
	payload(nd, type, p + hl, length - hl, caplen - hl);
}

void arcnet_linux_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t length)
{
	nd->protocol = "arcnet_linux";
	if (caplen < 5) {
		arc_trunc(nd, "");
		return;
	}
	uint8_t type = GET_U8(nd, p + 4);
	uint32_t hl = 5;
	if (!(type == ARCTYPE_IP_OLD || type == ARCTYPE_ARP_OLD || type == ARCTYPE_DIAGNOSE)) {
		hl = 8;
		if (caplen < 8) {
			arc_trunc(nd, "");
			return;
		}
	}
	if (nd->o->eflag)
		arc_hdr(nd, p, length, 0, 0, 0);
	nd->ll_hdr_len = hl;
	payload(nd, type, p + hl, length - hl, caplen - hl);
}
