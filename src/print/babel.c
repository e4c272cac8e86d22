/*
 * babel.c - the Babel routing protocol (RFC 8966, 8967, 9229), UDP 6696/6697,
 * as tcpdump 4.99 prints it.
 *
 *   +--------+---------+----------------+--------------+--------------+
 *   | magic  | version |  body length   |  TLVs ...    | trailer TLVs |
 *   | (42)   |   (2)   |                |  (body)      | (MAC, PC)    |
 *   +--------+---------+----------------+--------------+--------------+
 *
 * Each TLV is type(1) length(1) body, except Pad1 (a single zero byte).
 * Without -v only the TLV names are listed; with -v one line per TLV.
 * Prefixes may omit leading bytes shared with the previous Update's prefix
 * (the "default prefix"), which is kept per address family while printing.
 */
#include <string.h>

#include "nd.h"

enum {
	B_PAD1 = 0, B_PADN, B_ACK_REQ, B_ACK, B_HELLO, B_IHU, B_ROUTER_ID, B_NH, B_UPDATE,
	B_ROUTE_REQ, B_SEQNO_REQ, B_TSPC, B_HMAC, B_SS_UPDATE, B_SS_REQ, B_SS_MH_REQ,
	B_MAC, B_PC, B_CHAL_REQ, B_CHAL_REPLY,
};

enum { SUB_PAD1 = 0, SUB_PADN, SUB_DIVERSITY, SUB_TIMESTAMP };

/* A TLV that does not fit its length, or a malformed body; a TLV cut by the
 * capture (tcpdump checks that by hand, no longjmp). */
#define BABEL_INVALID (-2)
#define BABEL_TRUNC (-1)

static const uint8_t v4_mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

/* Default prefixes for omitted bytes, one per address encoding. */
struct babel_state {
	uint8_t v4[16], v6[16];
};

static void babel_id(struct nd *nd, const uint8_t *p)
{
	for (int i = 0; i < 8; i++) {
		if (i)
			ND_CHR(nd, ':');
		out_hex(nd->out, GET_U8(nd, p + i), 2);
	}
}

/* A 16-byte address that may be an IPv4-mapped one. */
static void babel_addr(struct nd *nd, const uint8_t a[16])
{
	char buf[64];
	if (memcmp(a, v4_mapped, 12) == 0)
		fmt_ip4(buf, sizeof buf, a + 12);
	else
		fmt_ip6(buf, sizeof buf, a);
	ND_STR(nd, buf);
}

static void babel_prefix(struct nd *nd, const uint8_t a[16], unsigned plen)
{
	char buf[64];
	if (plen >= 96 && memcmp(a, v4_mapped, 12) == 0) {
		fmt_ip4(buf, sizeof buf, a + 12);
		plen -= 96;
	} else {
		fmt_ip6(buf, sizeof buf, a);
	}
	ND_STR(nd, buf);
	out_fmt(nd->out, "/%u", plen);
}

/* Centiseconds as "S.CCs". */
static void babel_interval(struct nd *nd, uint16_t i)
{
	if (i == 0)
		ND_STR(nd, "0.0s (bogus)");
	else
		out_fmt(nd->out, "%u.%02us", i / 100u, i % 100u);
}

static void babel_interval_update(struct nd *nd, uint16_t i)
{
	if (i == 0xffff)
		ND_STR(nd, "infinity");
	else
		babel_interval(nd, i);
}

static void babel_timestamp(struct nd *nd, uint32_t t)
{
	out_fmt(nd->out, "%u.%06us", t / 1000000u, t % 1000000u);
}

/*
 * Decode a prefix of address encoding ae into out[16]: plen < 0 means a full
 * address; omitted bytes come from dflt.  Returns the bytes used from p (at
 * most avail), or -1 when the encoding is bad.  p is read checked.
 */
static int babel_network_prefix(struct nd *nd, unsigned ae, int plen, unsigned omitted,
				const uint8_t *p, const uint8_t *dflt, unsigned avail, uint8_t out[16])
{
	unsigned pb;
	uint8_t pfx[16];
	int used = 0;
	if (plen >= 0)
		pb = ((unsigned)plen + 7) / 8;
	else if (ae == 1)
		pb = 4;
	else
		pb = 16;
	if (pb > 16)
		return -1;
	memset(pfx, 0, sizeof pfx);
	switch (ae) {
	case 0:
		break;
	case 1: /* AE 4 (v4-via-v6) is unknown to tcpdump 4.99: invalid, as AE 5+ */
		if (omitted > 4 || pb > 4 || (pb > omitted && avail < pb - omitted))
			return -1;
		memcpy(pfx, v4_mapped, 12);
		if (omitted) {
			if (!dflt)
				return -1;
			memcpy(pfx, dflt, 12 + omitted);
		}
		if (pb > omitted) {
			GET_CPY(nd, pfx + 12 + omitted, p, pb - omitted);
			used = (int)(pb - omitted);
		}
		break;
	case 2:
		if (omitted > 16 || (pb > omitted && avail < pb - omitted))
			return -1;
		if (omitted) {
			if (!dflt)
				return -1;
			memcpy(pfx, dflt, omitted);
		}
		if (pb > omitted) {
			GET_CPY(nd, pfx + omitted, p, pb - omitted);
			used = (int)(pb - omitted);
		}
		break;
	case 3:
		if (pb > 8 && avail < pb - 8)
			return -1;
		pfx[0] = 0xfe;
		pfx[1] = 0x80;
		if (pb > 8) {
			GET_CPY(nd, pfx + 8, p, pb - 8);
			used = (int)(pb - 8);
		}
		break;
	default:
		return -1;
	}
	memcpy(out, pfx, 16);
	return used;
}

static int babel_network_address(struct nd *nd, unsigned ae, const uint8_t *p, unsigned avail,
				 uint8_t out[16])
{
	return babel_network_prefix(nd, ae, -1, 0, p, NULL, avail, out);
}

/* Sub-TLVs in [p, end) of a TLV of type tlv; a malformed one prints " (invalid)". */
static void babel_subtlvs(struct nd *nd, const uint8_t *p, const uint8_t *end, unsigned tlv)
{
	while (p < end) {
		uint8_t st = GET_U8(nd, p);
		p++;
		if (st == SUB_PAD1) {
			ND_STR(nd, " sub-pad1");
			continue;
		}
		if (st & 0x80)
			ND_STR(nd, " (M)");
		if (p == end)
			goto invalid;
		unsigned sl = GET_U8(nd, p);
		p++;
		if (sl > (size_t)(end - p))
			goto invalid;
		switch (st) {
		case SUB_PADN:
			ND_STR(nd, " sub-padn");
			p += sl;
			break;
		case SUB_DIVERSITY:
			ND_STR(nd, " sub-diversity");
			if (sl == 0) {
				ND_STR(nd, " empty");
				break;
			}
			for (unsigned k = 0; k < sl; k++) {
				uint8_t ch = GET_U8(nd, p);
				ND_STR(nd, k ? "-" : " ");
				if (ch == 0)
					ND_STR(nd, "reserved");
				else if (ch == 255)
					ND_STR(nd, "all");
				else
					ND_U(nd, ch);
				p++;
			}
			if (tlv != B_UPDATE && tlv != B_SS_UPDATE)
				ND_STR(nd, " (bogus)");
			break;
		case SUB_TIMESTAMP:
			ND_STR(nd, " sub-timestamp");
			if (tlv == B_HELLO) {
				if (sl < 4)
					goto invalid;
				ND_CHR(nd, ' ');
				babel_timestamp(nd, GET_BE32(nd, p));
			} else if (tlv == B_IHU) {
				if (sl < 8)
					goto invalid;
				ND_CHR(nd, ' ');
				babel_timestamp(nd, GET_BE32(nd, p));
				ND_CHR(nd, '|');
				babel_timestamp(nd, GET_BE32(nd, p + 4));
			} else {
				ND_STR(nd, " (bogus)");
			}
			p += sl;
			break;
		default:
			out_fmt(nd->out, " sub-unknown-0x%02x", st);
			p += sl;
			break;
		}
	}
	return;
invalid:
	nd_print_invalid(nd);
}

static void babel_update_flags(struct nd *nd, uint8_t fl)
{
	if (fl & 0x80)
		ND_STR(nd, "/prefix");
	if (fl & 0x40)
		ND_STR(nd, "/id");
	if (fl & 0x3f)
		ND_STR(nd, "/unknown");
}

/* One TLV body (m at the type byte, len its length) at -v. */
static int babel_tlv_verbose(struct nd *nd, struct babel_state *st, const uint8_t *m, unsigned type,
			     unsigned len)
{
	uint8_t a[16], src[16];
	int rc;
	switch (type) {
	case B_PADN:
		out_fmt(nd->out, "\n\tPad %u", len + 2);
		break;
	case B_ACK_REQ:
		ND_STR(nd, "\n\tAcknowledgment Request ");
		if (len < 6)
			return BABEL_INVALID;
		out_fmt(nd->out, "%04x ", GET_BE16(nd, m + 4));
		babel_interval(nd, GET_BE16(nd, m + 6));
		break;
	case B_ACK:
		ND_STR(nd, "\n\tAcknowledgment ");
		if (len < 2)
			return BABEL_INVALID;
		out_fmt(nd->out, "%04x", GET_BE16(nd, m + 2));
		break;
	case B_HELLO: {
		ND_STR(nd, "\n\tHello ");
		if (len < 6)
			return BABEL_INVALID;
		uint16_t flags = GET_BE16(nd, m + 2), seq = GET_BE16(nd, m + 4),
			 itv = GET_BE16(nd, m + 6);
		if (flags & 0x8000)
			ND_STR(nd, "(Unicast) ");
		out_fmt(nd->out, "seqno %u ", seq);
		if (itv) {
			ND_STR(nd, "interval ");
			babel_interval(nd, itv);
		} else {
			ND_STR(nd, "unscheduled");
		}
		if (len > 6)
			babel_subtlvs(nd, m + 8, m + 2 + len, type);
		break;
	}
	case B_IHU: {
		ND_STR(nd, "\n\tIHU ");
		if (len < 6)
			return BABEL_INVALID;
		uint16_t rxcost = GET_BE16(nd, m + 4), itv = GET_BE16(nd, m + 6);
		uint8_t ae = GET_U8(nd, m + 2);
		rc = babel_network_address(nd, ae, m + 8, len - 6, a);
		if (rc < 0) {
			nd_print_trunc(nd);
			break;
		}
		if (ae == 0)
			ND_STR(nd, "any");
		else
			babel_addr(nd, a);
		out_fmt(nd->out, " rxcost %u interval ", rxcost);
		babel_interval(nd, itv);
		if ((unsigned)rc < len - 6)
			babel_subtlvs(nd, m + 8 + rc, m + 2 + len, type);
		break;
	}
	case B_ROUTER_ID:
		ND_STR(nd, "\n\tRouter Id");
		if (len < 10)
			return BABEL_INVALID;
		ND_CHR(nd, ' ');
		babel_id(nd, m + 4);
		break;
	case B_NH: {
		ND_STR(nd, "\n\tNext Hop");
		if (len < 2)
			return BABEL_INVALID;
		uint8_t ae = GET_U8(nd, m + 2);
		rc = babel_network_address(nd, ae, m + 4, len - 2, a);
		if (rc < 0)
			return BABEL_INVALID;
		ND_CHR(nd, ' ');
		if (ae == 0)
			ND_STR(nd, "invalid AE 0");
		else
			babel_addr(nd, a);
		break;
	}
	case B_UPDATE: {
		ND_STR(nd, "\n\tUpdate");
		if (len < 10)
			return BABEL_INVALID;
		uint8_t ae = GET_U8(nd, m + 2), fl = GET_U8(nd, m + 3), pl = GET_U8(nd, m + 4);
		uint8_t *dflt;
		switch (ae) {
		case 0:
		case 2:
		case 3:
			dflt = st->v6;
			break;
		case 1:
			dflt = st->v4;
			break;
		default:
			return BABEL_INVALID;
		}
		unsigned plen = (uint8_t)(pl + (ae == 1 ? 96 : 0));
		rc = babel_network_prefix(nd, ae, pl, GET_U8(nd, m + 5), m + 12, dflt, len - 10, a);
		if (rc < 0)
			return BABEL_INVALID;
		uint16_t itv = GET_BE16(nd, m + 6), seq = GET_BE16(nd, m + 8),
			 metric = GET_BE16(nd, m + 10);
		babel_update_flags(nd, fl);
		ND_CHR(nd, ' ');
		if (ae == 0)
			ND_STR(nd, "any");
		else
			babel_prefix(nd, a, plen);
		out_fmt(nd->out, " metric %u seqno %u interval ", metric, seq);
		babel_interval_update(nd, itv);
		if (fl & 0x80)
			memcpy(dflt, a, 16);
		if ((unsigned)rc < len - 10)
			babel_subtlvs(nd, m + 12 + rc, m + 2 + len, type);
		break;
	}
	case B_ROUTE_REQ: {
		ND_STR(nd, "\n\tRoute Request ");
		if (len < 2)
			return BABEL_INVALID;
		uint8_t ae = GET_U8(nd, m + 2), pl = GET_U8(nd, m + 3);
		unsigned plen = (uint8_t)(pl + (ae == 1 ? 96 : 0));
		rc = babel_network_prefix(nd, ae, pl, 0, m + 4, NULL, len - 2, a);
		if (rc < 0)
			return BABEL_INVALID;
		ND_STR(nd, "for ");
		if (ae == 0)
			ND_STR(nd, "any");
		else
			babel_prefix(nd, a, plen);
		break;
	}
	case B_SEQNO_REQ: {
		ND_STR(nd, "\n\tSeqno Request ");
		if (len < 14)
			return BABEL_INVALID;
		uint8_t ae = GET_U8(nd, m + 2), pl = GET_U8(nd, m + 3);
		uint16_t seq = GET_BE16(nd, m + 4);
		rc = babel_network_prefix(nd, ae, pl, 0, m + 16, NULL, len - 14, a);
		if (rc < 0)
			return BABEL_INVALID;
		unsigned plen = (uint8_t)(pl + (ae == 1 ? 96 : 0));
		out_fmt(nd->out, "(%u hops) for ", GET_U8(nd, m + 6));
		if (ae == 0)
			ND_STR(nd, "invalid AE 0");
		else
			babel_prefix(nd, a, plen);
		out_fmt(nd->out, " seqno %u id ", seq);
		babel_id(nd, m + 8);
		break;
	}
	case B_TSPC:
		ND_STR(nd, "\n\tTS/PC ");
		if (len < 6)
			return BABEL_INVALID;
		out_fmt(nd->out, "timestamp %u packetcounter %u", GET_BE32(nd, m + 4),
			GET_BE16(nd, m + 2));
		break;
	case B_HMAC:
		ND_STR(nd, "\n\tHMAC ");
		if (len < 18)
			return BABEL_INVALID;
		out_fmt(nd->out, "key-id %u digest-%u ", GET_BE16(nd, m + 2), len - 2);
		for (unsigned j = 0; j < len - 2; j++)
			out_fmt(nd->out, "%02X", GET_U8(nd, m + j + 4));
		break;
	case B_SS_UPDATE: {
		ND_STR(nd, "\n\tSS-Update");
		if (len < 10)
			return BABEL_INVALID;
		unsigned used = 10;
		uint8_t ae = GET_U8(nd, m + 2), spl = GET_U8(nd, m + 3), pl = GET_U8(nd, m + 4),
			om = GET_U8(nd, m + 5);
		uint16_t itv = GET_BE16(nd, m + 6), seq = GET_BE16(nd, m + 8),
			 metric = GET_BE16(nd, m + 10);
		rc = babel_network_prefix(nd, ae, pl, om, m + 2 + used, ae == 1 ? st->v4 : st->v6,
					  len - used, a);
		if (rc < 0)
			return BABEL_INVALID;
		if (ae == 1)
			pl = (uint8_t)(pl + 96);
		used += (unsigned)rc;
		rc = babel_network_prefix(nd, ae, spl, 0, m + 2 + used, NULL, len - used, src);
		if (rc < 0)
			return BABEL_INVALID;
		if (ae == 1)
			spl = (uint8_t)(spl + 96);
		used += (unsigned)rc;
		ND_CHR(nd, ' ');
		babel_prefix(nd, a, pl);
		ND_STR(nd, " from ");
		babel_prefix(nd, src, spl);
		out_fmt(nd->out, " metric %u seqno %u interval ", metric, seq);
		babel_interval_update(nd, itv);
		if (used < len)
			babel_subtlvs(nd, m + 2 + used, m + 2 + len, type);
		break;
	}
	case B_SS_REQ: {
		ND_STR(nd, "\n\tSS-Request ");
		if (len < 3)
			return BABEL_INVALID;
		unsigned used = 3;
		uint8_t ae = GET_U8(nd, m + 2), pl = GET_U8(nd, m + 3), spl = GET_U8(nd, m + 4);
		rc = babel_network_prefix(nd, ae, pl, 0, m + 2 + used, NULL, len - used, a);
		if (rc < 0)
			return BABEL_INVALID;
		if (ae == 1)
			pl = (uint8_t)(pl + 96);
		used += (unsigned)rc;
		rc = babel_network_prefix(nd, ae, spl, 0, m + 2 + used, NULL, len - used, src);
		if (rc < 0)
			return BABEL_INVALID;
		if (ae == 1)
			spl = (uint8_t)(spl + 96);
		if (ae == 0) {
			ND_STR(nd, "for any");
		} else {
			ND_STR(nd, "for (");
			babel_prefix(nd, a, pl);
			ND_STR(nd, ", ");
			babel_prefix(nd, src, spl);
			ND_CHR(nd, ')');
		}
		break;
	}
	case B_SS_MH_REQ: {
		ND_STR(nd, "\n\tSS-MH-Request ");
		if (len < 14)
			return BABEL_INVALID;
		unsigned used = 14;
		uint8_t ae = GET_U8(nd, m + 2), pl = GET_U8(nd, m + 3), hops = GET_U8(nd, m + 6),
			spl = GET_U8(nd, m + 7);
		uint16_t seq = GET_BE16(nd, m + 4);
		rc = babel_network_prefix(nd, ae, pl, 0, m + 2 + used, NULL, len - used, a);
		if (rc < 0)
			return BABEL_INVALID;
		if (ae == 1)
			pl = (uint8_t)(pl + 96);
		used += (unsigned)rc;
		rc = babel_network_prefix(nd, ae, spl, 0, m + 2 + used, NULL, len - used, src);
		if (rc < 0)
			return BABEL_INVALID;
		if (ae == 1)
			spl = (uint8_t)(spl + 96);
		out_fmt(nd->out, "(%u hops) for (", hops);
		babel_prefix(nd, a, pl);
		ND_STR(nd, ", ");
		babel_prefix(nd, src, spl);
		out_fmt(nd->out, ") seqno %u id ", seq);
		babel_id(nd, m + 8);
		break;
	}
	case B_MAC:
		out_fmt(nd->out, "\n\tMAC len %u", len);
		break;
	case B_PC:
		ND_STR(nd, "\n\tPC");
		if (len < 4)
			return BABEL_INVALID;
		out_fmt(nd->out, " value %u index len %u", GET_BE32(nd, m + 2), len - 4);
		break;
	case B_CHAL_REQ:
	case B_CHAL_REPLY:
		ND_STR(nd, type == B_CHAL_REQ ? "\n\tChallenge Request" : "\n\tChallenge Reply");
		if (len > 192)
			return BABEL_INVALID;
		out_fmt(nd->out, " len %u", len);
		break;
	default:
		out_fmt(nd->out, "\n\tUnknown message type %u", type);
		break;
	}
	return 0;
}

static const char *const babel_short_names[] = {
	[B_PADN] = " padN", [B_ACK_REQ] = " ack-req", [B_ACK] = " ack", [B_HELLO] = " hello",
	[B_IHU] = " ihu", [B_ROUTER_ID] = " router-id", [B_NH] = " nh", [B_UPDATE] = " update",
	[B_ROUTE_REQ] = " route-request", [B_SEQNO_REQ] = " seqno-request", [B_TSPC] = " tspc",
	[B_HMAC] = " hmac", [B_SS_UPDATE] = " ss-update", [B_SS_REQ] = " ss-request",
	[B_SS_MH_REQ] = " ss-mh-request", [B_MAC] = " mac", [B_PC] = " pc",
	[B_CHAL_REQ] = " challenge_request", [B_CHAL_REPLY] = " challenge_reply",
};

/* The TLVs in cp[0, tlvs_len); avail = bytes of the packet left from cp.
 * Returns 0 or BABEL_INVALID (truncation longjmps). */
static int babel_tlvs(struct nd *nd, struct babel_state *st, const uint8_t *cp, unsigned tlvs_len,
		      unsigned avail)
{
	unsigned i = 0;
	while (i < tlvs_len) {
		const uint8_t *m = cp + i;
		if (i + 1 > tlvs_len || i + 1 > avail)
			return BABEL_INVALID;
		unsigned type = GET_U8(nd, m);
		if (type == B_PAD1) {
			ND_STR(nd, nd->o->vflag ? "\n\tPad 1" : " pad1");
			i++;
			continue;
		}
		if (i + 2 > tlvs_len || i + 2 > avail)
			return BABEL_INVALID;
		if (!nd_ok(nd, m, 2))
			return BABEL_TRUNC; /* tcpdump's check: its marker, no longjmp */
		unsigned len = GET_U8(nd, m + 1);
		if (i + 2 + len > tlvs_len || i + 2 + len > avail)
			return BABEL_INVALID;
		if (!nd_ok(nd, m, 2 + len))
			return BABEL_TRUNC;
		if (nd->o->vflag) {
			int rc = babel_tlv_verbose(nd, st, m, type, len);
			if (rc)
				return rc;
		} else if (type == B_UPDATE) {
			ND_STR(nd, " update");
			if (len < 10)
				return BABEL_INVALID;
			babel_update_flags(nd, GET_U8(nd, m + 3));
		} else if (type < sizeof babel_short_names / sizeof babel_short_names[0]) {
			ND_STR(nd, babel_short_names[type]);
		} else {
			ND_STR(nd, " unknown");
		}
		i += len + 2;
	}
	return 0;
}

void babel_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "babel";
	ND_STR(nd, "babel");
	if (!nd_ok(nd, p, 4)) {
		nd_print_trunc(nd);
		return;
	}
	if (GET_U8(nd, p) != 42) {
		ND_STR(nd, " invalid header");
		return;
	}
	uint8_t ver = GET_U8(nd, p + 1);
	ND_CHR(nd, ' ');
	ND_U(nd, ver);
	if (ver != 2) {
		ND_STR(nd, " unknown version");
		return;
	}
	if (len < 4) {
		nd_print_invalid(nd);
		return;
	}
	unsigned body = GET_BE16(nd, p + 2);
	out_fmt(nd->out, " (%u)", body);
	len -= 4;
	p += 4;
	struct babel_state st;
	memcpy(st.v4, v4_mapped, 12);
	memset(st.v4 + 12, 0, 4);
	memset(st.v6, 0, 16);
	int rc = len < body ? BABEL_INVALID : babel_tlvs(nd, &st, p, body, len);
	if (rc == 0) {
		len -= body;
		p += body;
		if (len != 0) {
			ND_STR(nd, nd->o->vflag ? "\n\t----" : " |");
			rc = babel_tlvs(nd, &st, p, len, len);
		}
	}
	if (rc == BABEL_TRUNC)
		nd_print_trunc(nd);
	else if (rc == BABEL_INVALID)
		nd_print_invalid(nd);
}
