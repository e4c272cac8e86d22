/*
 * dccp.c - DCCP (RFC 4340), printed as tcpdump 4.99 does.
 *
 *   sport(2) dport(2) data offset(1, words) CCVal:4|CsCov:4(1) checksum(2)
 *   res:3|type:4|X:1(1) then a 24-bit sequence number, or (X=1) a reserved
 *   byte and a 48-bit one; then per type: service code (Request), ack
 *   subheader (all but Data and Request), reset code; then options.
 *
 * -v adds CCVal, CsCov and the checksum (over CsCov words, RFC 4340 9.2);
 * -vv adds the sequence number and the options.
 */
#include "nd.h"

static const char *const type_names[10] = {
	"DCCP-Request", "DCCP-Response", "DCCP-Data", "DCCP-Ack", "DCCP-DataAck",
	"DCCP-CloseReq", "DCCP-Close", "DCCP-Reset", "DCCP-Sync", "DCCP-SyncAck",
};

static const char *const reset_codes[12] = {
	"unspecified", "closed", "aborted", "no_connection", "packet_error", "option_error",
	"mandatory_error", "connection_refused", "bad_service_code", "too_busy", "bad_init_cookie",
	"aggression_penalty",
};

static const char *const feature_names[10] = {
	"reserved", "ccid", "allow_short_seqno", "sequence_window", "ecn_incapable", "ack_ratio",
	"send_ack_vector", "send_ndp_count", "minimum checksum coverage", "check data checksum",
};

static const struct tok option_names[] = {
	{0, "nop"}, {1, "mandatory"}, {2, "slowreceiver"}, {32, "change_l"}, {33, "confirm_l"},
	{34, "change_r"}, {35, "confirm_r"}, {36, "initcookie"}, {37, "ndp_count"},
	{38, "ack_vector0"}, {39, "ack_vector1"}, {40, "data_dropped"}, {41, "timestamp"},
	{42, "timestamp_echo"}, {43, "elapsed_time"}, {44, "data_checksum"}, {0, NULL},
};

static uint64_t get_be48(struct nd *nd, const uint8_t *p)
{
	return (uint64_t)GET_BE16(nd, p) << 32 | GET_BE32(nd, p + 2);
}

/* pseudo header with the full length, sum over the covered bytes only */
static uint16_t dccp_cksum(const struct ipctx *ip, const uint8_t *p, uint32_t len, uint32_t cov)
{
	uint32_t sum = 0;
	int alen = ip->v6 ? 16 : 4;
	const uint8_t *d = ip->ckdst ? ip->ckdst : ip->dst;
	for (int i = 0; i < alen; i += 2) {
		sum += (uint32_t)ip->src[i] << 8 | ip->src[i + 1];
		sum += (uint32_t)d[i] << 8 | d[i + 1];
	}
	sum += (len >> 16) + (len & 0xffff);
	sum += 33;
	return in_cksum(p, cov, sum);
}

static void option_name(struct nd *nd, uint8_t o)
{
	nd_tok(nd, option_names, "Option %u", o);
}

/* One option; its length, or 0 to stop. */
static unsigned print_option(struct nd *nd, const uint8_t *opt, unsigned hlen)
{
	uint8_t o = GET_U8(nd, opt), optlen;
	if (o >= 32) {
		optlen = GET_U8(nd, opt + 1);
		if (optlen < 2) {
			if (o >= 128)
				out_fmt(nd->out, "CCID option %u optlen too short", o);
			else {
				option_name(nd, o);
				ND_STR(nd, " optlen too short");
			}
			return 0;
		}
	} else {
		optlen = 1;
	}
	if (hlen < optlen) {
		if (o >= 128)
			out_fmt(nd->out, "CCID option %u optlen goes past header length", o);
		else {
			option_name(nd, o);
			ND_STR(nd, " optlen goes past header length");
		}
		return 0;
	}
	if (!nd_ok(nd, opt, optlen)) {
		nd_print_trunc(nd);
		return 0;
	}
	if (o >= 128) {
		out_fmt(nd->out, "CCID option %u", o);
		if (optlen == 4)
			out_fmt(nd->out, " %u", GET_BE16(nd, opt + 2));
		else if (optlen == 6)
			out_fmt(nd->out, " %u", GET_BE32(nd, opt + 2));
		return optlen;
	}
	option_name(nd, o);
	switch (o) {
	case 32:
	case 33:
	case 34:
	case 35:
		if (optlen < 3) {
			ND_STR(nd, " optlen too short");
			return optlen;
		}
		if (GET_U8(nd, opt + 2) < 10) {
			out_fmt(nd->out, " %s", feature_names[GET_U8(nd, opt + 2)]);
			for (unsigned i = 0; i < (unsigned)optlen - 3; i++)
				out_fmt(nd->out, " %u", GET_U8(nd, opt + 3 + i));
		}
		break;
	case 37:
		for (unsigned i = 0; i < (unsigned)optlen - 2; i++)
			out_fmt(nd->out, " %u", GET_U8(nd, opt + 2 + i));
		break;
	case 36:
	case 38:
	case 39:
	case 40:
	case 44:
		if (optlen > 2) {
			ND_STR(nd, o == 44 ? " " : " 0x");
			for (unsigned i = 0; i < (unsigned)optlen - 2; i++)
				out_hex(nd->out, GET_U8(nd, opt + 2 + i), 2);
		}
		break;
	case 41:
		if (optlen == 6)
			out_fmt(nd->out, " %u", GET_BE32(nd, opt + 2));
		else
			ND_STR(nd, " [optlen != 6]");
		break;
	case 42:
		if (optlen == 6) {
			out_fmt(nd->out, " %u", GET_BE32(nd, opt + 2));
		} else if (optlen == 8) {
			out_fmt(nd->out, " %u (elapsed time %u)", GET_BE32(nd, opt + 2), GET_BE16(nd, opt + 6));
		} else if (optlen == 10) {
			out_fmt(nd->out, " %u (elapsed time %u)", GET_BE32(nd, opt + 2), GET_BE32(nd, opt + 6));
		} else {
			ND_STR(nd, " [optlen != 6 or 8 or 10]");
		}
		break;
	case 43:
		if (optlen == 6)
			out_fmt(nd->out, " %u", GET_BE32(nd, opt + 2));
		else if (optlen == 4)
			out_fmt(nd->out, " %u", GET_BE16(nd, opt + 2));
		else
			ND_STR(nd, " [optlen != 4 or 6]");
		break;
	}
	return optlen;
}

void dccp_print(struct nd *nd, const uint8_t *bp, uint32_t len, const struct ipctx *ip)
{
	nd->protocol = "dccp";
	if (!nd_ok(nd, bp, 12)) {
		nd_print_trunc(nd);
		return;
	}
	if (len < 12) {
		out_fmt(nd->out, "truncated-dccp - %u bytes missing!", 12 - len);
		return;
	}
	uint8_t xtr = GET_U8(nd, bp + 8);
	int x = xtr & 1;
	uint32_t fixed = x ? 16 : 12;
	if (len < fixed) {
		out_fmt(nd->out, "truncated-dccp - %u bytes missing!", fixed - len);
		return;
	}
	if (!nd_ok(nd, bp, fixed)) {
		nd_print_trunc(nd);
		return;
	}
	uint16_t sport = GET_BE16(nd, bp), dport = GET_BE16(nd, bp + 2);
	uint32_t hlen = (uint32_t)GET_U8(nd, bp + 4) * 4;
	uint8_t cc = GET_U8(nd, bp + 5);
	if (ip->v6)
		nd_ip6addr(nd, ip->iph + 8);
	else
		nd_ipaddr(nd, ip->iph + 12);
	out_fmt(nd->out, ".%u > ", sport);
	if (ip->v6)
		nd_ip6addr(nd, ip->iph + 24);
	else
		nd_ipaddr(nd, ip->iph + 16);
	out_fmt(nd->out, ".%u: DCCP", dport);
	if (nd->o->qflag) {
		out_fmt(nd->out, " %u", len - hlen);
		if (hlen > len)
			out_fmt(nd->out, " [bad hdr length %u - too long, > %u]", hlen, len);
		return;
	}
	if (nd->o->vflag)
		out_fmt(nd->out, " (CCVal %u, CsCov %u", cc >> 4, cc & 0xf);
	if (nd->o->vflag && nd_ok(nd, bp, len)) {
		uint16_t sum_field = GET_BE16(nd, bp + 6);
		uint32_t cov = len;
		if (cc & 0xf) {
			cov = ((uint32_t)GET_U8(nd, bp + 4) + (cc & 0xf) - 1) * 4;
			if (cov > len)
				cov = len;
		}
		out_fmt(nd->out, ", cksum 0x%04x ", sum_field);
		uint16_t sum = dccp_cksum(ip, bp, len, cov);
		if (sum != 0)
			out_fmt(nd->out, "(incorrect -> 0x%04x)", in_cksum_shouldbe(sum_field, sum));
		else
			ND_STR(nd, "(correct)");
	}
	if (nd->o->vflag)
		ND_CHR(nd, ')');
	ND_CHR(nd, ' ');

	unsigned type = (xtr >> 1) & 0xf;
	const char *name = type < 10 ? type_names[type] : NULL;
	uint32_t extra = 0;
	switch (type) {
	case 0: extra = 4; break;
	case 1: extra = 12; break;
	case 2: extra = 0; break;
	case 7: extra = 12; break;
	default: extra = type < 10 ? 8 : 0; break;
	}
	if (type < 10 && extra) {
		fixed += extra;
		if (len < fixed) {
			out_fmt(nd->out, "truncated-%s - %u bytes missing!", name, fixed - len);
			return;
		}
	}
	switch (type) {
	case 0:
	case 1: {
		const uint8_t *svc = bp + fixed - 4;
		if (!nd_ok(nd, bp + fixed - extra, extra)) {
			nd_print_trunc(nd);
			return;
		}
		out_fmt(nd->out, "%s (service=%u) ", name, GET_BE32(nd, svc));
		break;
	}
	case 7: {
		if (!nd_ok(nd, bp + fixed - extra, extra)) {
			nd_print_trunc(nd);
			return;
		}
		uint8_t code = GET_U8(nd, bp + fixed - 4);
		out_fmt(nd->out, "%s (code=%s) ", name, code < 12 ? reset_codes[code] : "invalid");
		break;
	}
	default:
		if (name)
			out_fmt(nd->out, "%s ", name);
		else
			out_fmt(nd->out, "unknown-type-%u ", type);
		break;
	}
	if (type != 2 && type != 0) {
		const uint8_t *ackp = bp + (x ? 16 : 12);
		uint64_t ack = x ? get_be48(nd, ackp + 2) : GET_BE24(nd, ackp + 1);
		out_fmt(nd->out, "(ack=%llu) ", (unsigned long long)ack);
	}
	if (nd->o->vflag < 2)
		return;
	uint64_t seq = x ? get_be48(nd, bp + 10) : GET_BE24(nd, bp + 9);
	out_fmt(nd->out, "seq %llu", (unsigned long long)seq);
	if (hlen > fixed) {
		const uint8_t *cp = bp + fixed;
		ND_STR(nd, " <");
		hlen -= fixed;
		for (;;) {
			unsigned n = print_option(nd, cp, hlen);
			if (!n || hlen <= n)
				break;
			hlen -= n;
			cp += n;
			ND_STR(nd, ", ");
		}
		ND_CHR(nd, '>');
	}
}
