/*
 * rtp.c - RTP (RFC 3550, and the v1 draft), RTCP sender/receiver reports,
 * SDES and BYE, and the LBL vat/vt audio header, as tcpdump 4.99 prints them.
 * tcpdump never guesses RTP or RTCP from a port: only -T rtp / -T rtcp reach
 * them; vat also runs for UDP destination port 3456.
 *
 *   RTP v2:  V(2) P X CC(4) | M PT(7) | sequence(16) | timestamp(32) | SSRC(32)
 *   RTCP:    V(2) P count(5) | type(8) | length in words - 1 (16) | SSRC(32) ...
 */
#include "nd.h"
#include "svc.h"

void vat_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "vat";
	if (len < 2) {
		out_fmt(nd->out, "udp/va/vat, length %u < 2", len);
		return;
	}
	uint16_t ts = GET_BE16(nd, p);
	if (ts & 0xf060) {
		out_fmt(nd->out, "udp/vt %u %u / %u", len, ts & 0x3ff, ts >> 10);
		return;
	}
	if (len < 8) {
		out_fmt(nd->out, "udp/vat, length %u < 8", len);
		return;
	}
	uint32_t i0 = GET_BE32(nd, p), i1 = GET_BE32(nd, p + 4);
	out_fmt(nd->out, "udp/vat %u c%u %u%s", len - 8, i0 & 0xffff, i1, (i0 & 0x800000) ? "*" : "");
	if (i0 & 0x1f0000)
		out_fmt(nd->out, " f%u", (i0 >> 16) & 0x1f);
	if (i0 & 0x3f000000)
		out_fmt(nd->out, " s%u", (i0 >> 24) & 0x3f);
}

/* -v: skip v1 options / the v2 extension to an H.261 header; 0 after "!opt"/"!ext" */
static int rtp_skip(struct nd *nd, const uint8_t **wp, uint32_t *words, int hasopt, int hasext)
{
	const uint8_t *w = *wp;
	if (hasopt) {
		uint32_t i2;
		do {
			i2 = GET_BE32(nd, w);
			uint32_t optlen = (i2 >> 16) & 0xff;
			if (optlen == 0 || optlen > *words) {
				ND_STR(nd, " !opt");
				return 0;
			}
			w += 4 * optlen;
			*words -= optlen;
		} while (!(i2 & 0x80000000u));
	}
	if (hasext) {
		uint32_t extlen = (GET_BE32(nd, w) & 0xffff) + 1;
		if (extlen > *words) {
			ND_STR(nd, " !ext");
			return 0;
		}
		w += 4 * extlen;
	}
	*wp = w;
	return 1;
}

void rtp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "rtp";
	if (len < 8) {
		out_fmt(nd->out, "udp/rtp, length %u < 8", len);
		return;
	}
	uint32_t i0 = GET_BE32(nd, p), i1 = GET_BE32(nd, p + 4);
	uint32_t dlen = len - 8, words = (len >> 2) - 2;
	const uint8_t *w = p + 8;
	int hasopt = 0, hasext = 0, marker;
	unsigned contype;
	const char *ptype;
	if ((i0 >> 30) == 1) {
		hasopt = (i0 & 0x800000) != 0;
		contype = (i0 >> 16) & 0x3f;
		marker = (i0 & 0x400000) != 0;
		ptype = "rtpv1";
	} else {
		if (dlen < 4) {
			out_fmt(nd->out, "udp/rtp, length %u < 12", dlen + 8);
			return;
		}
		hasext = (i0 & 0x10000000) != 0;
		contype = (i0 >> 16) & 0x7f;
		marker = (i0 & 0x800000) != 0;
		dlen -= 4;
		ptype = "rtp";
		w += 4;
		words -= 1;
	}
	out_fmt(nd->out, "udp/%s %u c%u %s%s %u %u", ptype, dlen, contype, (hasopt || hasext) ? "+" : "",
		marker ? "*" : "", i0 & 0xffff, i1);
	if (!nd->o->vflag)
		return;
	out_fmt(nd->out, " %u", GET_BE32(nd, p + 8));
	if (!rtp_skip(nd, &w, &words, hasopt, hasext))
		return;
	if (contype == 0x1f)
		out_fmt(nd->out, " 0x%04x", GET_BE32(nd, w) >> 16);
}

/* tcpdump's "%.2f" of an NTP-style fixed point value */
static void rtcp_fixed(struct nd *nd, double v)
{
	out_fmt(nd->out, "%.2f", v);
}

/* One RTCP packet at p (ep: end of the captured datagram); returns the next. */
static const uint8_t *rtcp_one(struct nd *nd, const uint8_t *p, const uint8_t *ep)
{
	if (ep - p < 8 || !nd_ok(nd, p, 8)) {
		nd_print_trunc(nd);
		return ep;
	}
	uint32_t len = ((uint32_t)GET_BE16(nd, p + 2) + 1) * 4;
	uint16_t flags = GET_BE16(nd, p);
	uint32_t cnt = (flags >> 8) & 0x1f;
	const uint8_t *rr = NULL;
	switch (flags & 0xff) {
	case 200:
		ND_STR(nd, " sr");
		if (len != cnt * 24 + 20 + 8)
			out_fmt(nd->out, " [%u]", len);
		if (nd->o->vflag)
			out_fmt(nd->out, " %u", GET_BE32(nd, p + 4));
		if (ep - (p + 8) < 20 || !nd_ok(nd, p + 8, 20)) {
			nd_print_trunc(nd);
			return ep;
		}
		ND_STR(nd, " @");
		rtcp_fixed(nd, (double)GET_BE32(nd, p + 8) + (double)GET_BE32(nd, p + 12) / 4294967296.0);
		out_fmt(nd->out, " %u %up %ub", GET_BE32(nd, p + 16), GET_BE32(nd, p + 20), GET_BE32(nd, p + 24));
		rr = p + 28;
		break;
	case 201:
		ND_STR(nd, " rr");
		if (len != cnt * 24 + 8)
			out_fmt(nd->out, " [%u]", len);
		rr = p + 8;
		if (nd->o->vflag)
			out_fmt(nd->out, " %u", GET_BE32(nd, p + 4));
		break;
	case 202:
	case 203:
		out_fmt(nd->out, " %s %u", (flags & 0xff) == 202 ? "sdes" : "bye", len);
		if (nd->o->vflag)
			out_fmt(nd->out, " %u", GET_BE32(nd, p + 4));
		cnt = 0;
		break;
	default:
		out_fmt(nd->out, " type-0x%x %u", flags & 0xff, len);
		cnt = 0;
		break;
	}
	if (cnt > 1)
		out_fmt(nd->out, " c%u", cnt);
	/* tcpdump 4.99 prints the first report block cnt times (it never steps on) */
	for (; cnt != 0; cnt--) {
		if (ep - rr < 24 || !nd_ok(nd, rr, 24)) {
			nd_print_trunc(nd);
			return ep;
		}
		if (nd->o->vflag)
			out_fmt(nd->out, " %u", GET_BE32(nd, rr));
		out_fmt(nd->out, " %ul %us %uj @", GET_BE32(nd, rr + 4) & 0xffffff, GET_BE32(nd, rr + 8),
			GET_BE32(nd, rr + 12));
		rtcp_fixed(nd, (double)GET_BE32(nd, rr + 16) / 65536.0);
		ND_CHR(nd, '+');
		rtcp_fixed(nd, (double)GET_BE32(nd, rr + 20) / 65536.0);
	}
	if (len > (size_t)(ep - p))
		return ep;
	return p + len;
}

void rtcp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)len;
	nd->protocol = "rtcp";
	/* tcpdump walks to the end of the captured bytes, not the UDP length */
	const uint8_t *ep = nd->snapend;
	while (p < ep)
		p = rtcp_one(nd, p, ep);
}
