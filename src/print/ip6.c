/*
 * ip6.c - IPv6 (RFC 8200) and its extension headers: hop-by-hop and destination
 * options, routing (type 0 and segment routing, RFC 8754), fragment.
 *
 *   +-------+---------------+---------------------------------------+
 *   |Version| Traffic Class |           Flow Label                  |
 *   +-------+---------------+-------+---------------+---------------+
 *   |         Payload Length        |  Next Header  |   Hop Limit   |
 *   +-------------------------------+---------------+---------------+
 *   |            Source Address (16) / Destination Address (16)     |
 *   +---------------------------------------------------------------+
 */
#include "nd.h"

#include <string.h>

void ip6_demux(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip, uint8_t nh);

/*
 * An option whose own length is wrong: tcpdump says so (whatever -v) before
 * the truncation marker.  exact: the length must be want, else at least want.
 */
static int ip6_opt_badlen(struct nd *nd, const char *name, unsigned left, unsigned optlen,
			  unsigned want, int exact)
{
	if (left < want) {
		out_fmt(nd->out, "(%s: trunc)", name);
		return 1;
	}
	if (exact ? optlen != want : optlen < want) {
		out_fmt(nd->out, "(%s: invalid len %u)", name, optlen - 2);
		return 1;
	}
	return 0;
}

/* Sub-options after a home address option's address; -1 when malformed. */
static int ip6_subopt_print(struct nd *nd, const uint8_t *bp, unsigned len)
{
	unsigned optlen;

	for (unsigned i = 0; i < len; i += optlen) {
		uint8_t type = GET_U8(nd, bp + i);

		if (type == 0) {
			optlen = 1;
		} else {
			if (len - i < 2)
				return -1;
			optlen = GET_U8(nd, bp + i + 1) + 2u;
		}
		if (len - i < optlen)
			return -1;
		if (type == 0)
			ND_STR(nd, ", pad1");
		else if (type == 1)
			ND_STR(nd, ", padn");
		else
			out_fmt(nd->out, ", sopt_type 0x%02x: len=%u", type, optlen - 2);
	}
	return 0;
}

/* Options of HBH / DSTOPT headers; -1 when malformed. */
static int ip6_opt_process(struct nd *nd, const uint8_t *bp, unsigned len, int *found_jumbo,
			   uint32_t *payload_len)
{
	unsigned optlen;
	int jumbo_seen = 0;
	if (len == 0)
		return 0;
	for (unsigned i = 0; i < len; i += optlen) {
		uint8_t type = GET_U8(nd, bp + i);
		if (type == 0) {
			optlen = 1;
		} else {
			if (len - i < 2)
				return -1;
			optlen = GET_U8(nd, bp + i + 1) + 2u;
		}
		if (len - i < optlen)
			return -1;
		nd_need(nd, bp + i, optlen);
		switch (type) {
		case 0:
			if (nd->o->vflag)
				ND_STR(nd, "(pad1)");
			break;
		case 1:
			if (nd->o->vflag)
				ND_STR(nd, "(padn)");
			break;
		case 5:
			if (ip6_opt_badlen(nd, "rtalert", len - i, optlen, 4, 1))
				return -1;
			if (nd->o->vflag)
				out_fmt(nd->out, "(rtalert: 0x%04x) ", GET_BE16(nd, bp + i + 2));
			break;
		case 0xc2: {
			if (ip6_opt_badlen(nd, "jumbo", len - i, optlen, 6, 1))
				return -1;
			uint32_t jl = GET_BE32(nd, bp + i + 2);
			if (jumbo_seen) {
				if (nd->o->vflag)
					out_fmt(nd->out, "(jumbo: %u - already seen) ", jl);
			} else {
				jumbo_seen = 1;
				if (!payload_len) {
					if (nd->o->vflag)
						out_fmt(nd->out, "(jumbo: %u - not a hop-by-hop option) ", jl);
				} else if (*payload_len != 0) {
					if (nd->o->vflag)
						out_fmt(nd->out, "(jumbo: %u - payload len != 0) ", jl);
				} else if (jl < 65536) {
					if (nd->o->vflag)
						out_fmt(nd->out, "(jumbo: %u - < 65536) ", jl);
				} else {
					*found_jumbo = 1;
					*payload_len = jl;
					if (nd->o->vflag)
						out_fmt(nd->out, "(jumbo: %u) ", jl);
				}
			}
			break;
		}
		case 0xc9:
			if (ip6_opt_badlen(nd, "homeaddr", len - i, optlen, 18, 0))
				return -1;
			if (nd->o->vflag) {
				ND_STR(nd, "(homeaddr: ");
				nd_ip6addr(nd, bp + i + 2);
				if (optlen > 18 &&
				    ip6_subopt_print(nd, bp + i + 18, optlen - 18) < 0)
					return -1;
				ND_CHR(nd, ')');
			}
			break;
		default:
			if (nd->o->vflag)
				out_fmt(nd->out, "(opt_type 0x%02x: len=%u)", type, optlen - 2);
			break;
		}
	}
	if (nd->o->vflag)
		ND_CHR(nd, ' ');
	return 0;
}

static int hbhopt_process(struct nd *nd, const uint8_t *bp, int *found_jumbo, uint32_t *payload_len)
{
	nd->protocol = "hbhopt";
	unsigned hlen = (GET_U8(nd, bp + 1) + 1u) << 3;
	if (!nd_ok(nd, bp, hlen)) {
		nd_print_trunc(nd);
		return -1;
	}
	ND_STR(nd, "HBH ");
	if (ip6_opt_process(nd, bp + 2, hlen - 2, found_jumbo, payload_len) == -1) {
		nd_print_trunc(nd);
		return -1;
	}
	return (int)hlen;
}

static int dstopt_process(struct nd *nd, const uint8_t *bp)
{
	nd->protocol = "dstopt";
	unsigned hlen = (GET_U8(nd, bp + 1) + 1u) << 3;
	if (!nd_ok(nd, bp, hlen)) {
		nd_print_trunc(nd);
		return -1;
	}
	ND_STR(nd, "DSTOPT ");
	if (nd->o->vflag && ip6_opt_process(nd, bp + 2, hlen - 2, NULL, NULL) == -1) {
		nd_print_trunc(nd);
		return -1;
	}
	return (int)hlen;
}

static int frag6_print(struct nd *nd, const uint8_t *bp, const uint8_t *ip6)
{
	nd->protocol = "frag6";
	uint16_t offlg = GET_BE16(nd, bp + 2);
	unsigned plen = GET_BE16(nd, ip6 + 4);
	unsigned rest = 40 + plen - (unsigned)(bp - ip6) - 8;
	if (nd->o->vflag)
		out_fmt(nd->out, "frag (0x%08x:%u|%u)", GET_BE32(nd, bp + 4), offlg & 0xfff8, rest);
	else
		out_fmt(nd->out, "frag (%u|%u)", offlg & 0xfff8, rest);
	if ((offlg & 0xfff8) != 0)
		return -1;
	ND_CHR(nd, ' ');
	return 8;
}

static int rt6_print(struct nd *nd, const uint8_t *bp, const uint8_t *ip6, uint8_t final_dst[16])
{
	(void)ip6;
	nd_need(nd, bp, 1); /* tcpdump's first read, still under the outer marker */
	nd->protocol = "rt6";
	ND_STR(nd, "RT6");
	/* each field printed as soon as it is read, as tcpdump does */
	unsigned len = GET_U8(nd, bp + 1);
	out_fmt(nd->out, " (len=%u", len);
	uint8_t type = GET_U8(nd, bp + 2);
	if (type == 0)
		out_fmt(nd->out, ", type=%u [Deprecated]", type);
	else
		out_fmt(nd->out, ", type=%u", type);
	unsigned segleft = GET_U8(nd, bp + 3);
	out_fmt(nd->out, ", segleft=%u", segleft);
	const uint8_t *ep = nd->snapend;
	switch (type) {
	case 0:
	case 2: {
		uint32_t rsv = GET_BE32(nd, bp + 4);
		if (rsv || nd->o->vflag)
			out_fmt(nd->out, ", rsv=0x%0x", rsv);
		if (len % 2 == 1) {
			ND_STR(nd, " (invalid length ");
			ND_U(nd, len);
			ND_STR(nd, ")");
			nd_print_invalid(nd);
			return -1;
		}
		unsigned n = len >> 1;
		const uint8_t *a = bp + 8;
		for (unsigned i = 0; i < n; i++, a += 16) {
			if (!nd_ok(nd, a, 16) || a + 16 > ep) {
				nd_print_trunc(nd);
				return -1;
			}
			out_fmt(nd->out, ", [%u]", i);
			nd_ip6addr(nd, a);
			memcpy(final_dst, a, 16);
		}
		ND_STR(nd, ") ");
		return (int)((len + 1) << 3);
	}
	case 4: {
		unsigned last = GET_U8(nd, bp + 4);
		out_fmt(nd->out, ", last-entry=%u", last);
		if (nd->o->vflag)
			out_fmt(nd->out, ", flags=0x%0x", GET_U8(nd, bp + 5));
		out_fmt(nd->out, ", tag=%x", GET_BE16(nd, bp + 6));
		if (len % 2 == 1) {
			out_fmt(nd->out, " (invalid length %u)", len);
			nd_print_invalid(nd);
			return -1;
		}
		unsigned n = len >> 1;
		const uint8_t *a = bp + 8;
		for (unsigned i = 0; i < n; i++, a += 16) {
			if (!nd_ok(nd, a, 16)) {
				nd_print_trunc(nd);
				return -1;
			}
			out_fmt(nd->out, ", [%u]", i);
			nd_ip6addr(nd, a);
			if (i == 0)
				memcpy(final_dst, a, 16);
		}
		ND_STR(nd, ") ");
		return (int)((len + 1) << 3);
	}
	default:
		out_fmt(nd->out, " (unknown type)");
		nd_print_invalid(nd);
		return -1;
	}
}

/*
 * Mobility header (RFC 6275, section 6.1), next header 135 (and 62, its old
 * number, as tcpdump also decodes it):
 *   payload proto(1) | header len(1, 8-octet units past the first 8) |
 *   MH type(1) | reserved(1) | checksum(2) | message data ... | options
 * Options are shown only with -v.  Returns 0, or -1 when truncated (the
 * " [|mobility]" marker is printed here then).
 */
static const uint8_t mob_min_len[8] = {8, 16, 16, 24, 24, 12, 12, 24};

/* 1 when the options ran past len (tcpdump then prints the truncation mark). */
static int mobility_opt_print(struct nd *nd, const uint8_t *bp, unsigned len)
{
	unsigned i, optlen;
	for (i = 0; i < len; i += optlen) {
		uint8_t type = GET_U8(nd, bp + i);
		if (type == 0) {
			optlen = 1;
		} else {
			if (i + 1 >= len)
				return 1;
			optlen = GET_U8(nd, bp + i + 1) + 2u;
		}
		if (i + optlen > len)
			return 1;
		/* tcpdump 4.99 checks the byte after the option (one past it) */
		if (!nd_ok(nd, bp + i + optlen, 1))
			return 1;
		switch (type) {
		case 0:
			ND_STR(nd, "(pad1)");
			break;
		case 1:
			if (len - i < 2) {
				ND_STR(nd, "(padn: trunc)");
				return 1;
			}
			ND_STR(nd, "(padn)");
			break;
		case 2:
			if (len - i < 4) {
				ND_STR(nd, "(refresh: trunc)");
				return 1;
			}
			nd_need(nd, bp + i + 2, 2);
			ND_STR(nd, "(refresh: ");
			ND_U(nd, (uint32_t)GET_BE16(nd, bp + i + 2) << 2);
			ND_CHR(nd, ')');
			break;
		case 3:
			if (len - i < 18) {
				ND_STR(nd, "(altcoa: trunc)");
				return 1;
			}
			nd_need(nd, bp + i + 2, 16);
			ND_STR(nd, "(alt-CoA: ");
			nd_ip6addr(nd, bp + i + 2);
			ND_CHR(nd, ')');
			break;
		case 4:
			if (len - i < 6) {
				ND_STR(nd, "(ni: trunc)");
				return 1;
			}
			nd_need(nd, bp + i + 2, 4);
			ND_STR(nd, "(ni: ho=0x");
			out_hex(nd->out, GET_BE16(nd, bp + i + 2), 4);
			ND_STR(nd, " co=0x");
			out_hex(nd->out, GET_BE16(nd, bp + i + 4), 4);
			ND_CHR(nd, ')');
			break;
		case 5:
			if (len - i < 12) {
				ND_STR(nd, "(auth: trunc)");
				return 1;
			}
			ND_STR(nd, "(auth)");
			break;
		default:
			if (len - i < 2) {
				out_fmt(nd->out, "(sopt_type %u: trunc)", type);
				return 1;
			}
			{
				uint8_t olen = GET_U8(nd, bp + i + 1);
				out_fmt(nd->out, "(type-0x%02x: len=%u)", type, olen);
			}
			break;
		}
	}
	return 0;
}

/* tcpdump checks the 8 bytes from the start of the message data (bp + 8)
 * up to and including this cookie before printing it. */
static void mob_cookie(struct nd *nd, const uint8_t *p, const char *who, const char *what)
{
	uint32_t a = GET_BE32(nd, p), b = GET_BE32(nd, p + 4);
	out_fmt(nd->out, " %s %s=%08x:%08x", who, what, a, b);
}

static int mobility_print(struct nd *nd, const uint8_t *bp)
{
	nd->protocol = "mobility";
	unsigned mhlen = ((unsigned)GET_U8(nd, bp + 1) + 1) << 3;
	uint8_t type = GET_U8(nd, bp + 2);
	unsigned hlen = 8;
	if (type <= 7 && mhlen < mob_min_len[type]) {
		out_fmt(nd->out, "(header length %u is too small for type %u)", mhlen, type);
		nd_print_trunc(nd);
		return -1;
	}
	switch (type) {
	case 0:
		ND_STR(nd, "mobility: BRR");
		break;
	case 1:
	case 2:
		ND_STR(nd, type == 1 ? "mobility: HoTI" : "mobility: CoTI");
		if (nd->o->vflag)
			mob_cookie(nd, bp + hlen, type == 1 ? "Home" : "Care-of", "Init Cookie");
		hlen += 8;
		break;
	case 3:
	case 4: {
		ND_STR(nd, type == 3 ? "mobility: HoT" : "mobility: CoT");
		uint16_t nonce = GET_BE16(nd, bp + 6);
		ND_STR(nd, " nonce id=0x");
		out_hex(nd->out, nonce, 0);
		if (nd->o->vflag)
			mob_cookie(nd, bp + hlen, type == 3 ? "Home" : "Care-of", "Init Cookie");
		hlen += 8;
		if (nd->o->vflag)
			mob_cookie(nd, bp + hlen, type == 3 ? "Home" : "Care-of", "Keygen Token");
		hlen += 8;
		break;
	}
	case 5: {
		ND_STR(nd, "mobility: BU");
		uint16_t seq = GET_BE16(nd, bp + 6);
		ND_STR(nd, " seq#=");
		ND_U(nd, seq);
		nd_need(nd, bp + hlen, 2); /* tcpdump checks the flags and reserved bytes */
		uint8_t fl = GET_U8(nd, bp + hlen);
		if (fl & 0xf0)
			ND_CHR(nd, ' ');
		if (fl & 0x80)
			ND_CHR(nd, 'A');
		if (fl & 0x40)
			ND_CHR(nd, 'H');
		if (fl & 0x20)
			ND_CHR(nd, 'L');
		if (fl & 0x10)
			ND_CHR(nd, 'K');
		hlen += 2;
		uint32_t life = (uint32_t)GET_BE16(nd, bp + hlen) << 2;
		ND_STR(nd, " lifetime=");
		ND_U(nd, life);
		hlen += 2;
		break;
	}
	case 6: {
		ND_STR(nd, "mobility: BA");
		uint8_t status = GET_U8(nd, bp + 6);
		ND_STR(nd, " status=");
		ND_U(nd, status);
		if (GET_U8(nd, bp + 7) & 0x80)
			ND_STR(nd, " K");
		uint16_t seq = GET_BE16(nd, bp + hlen);
		ND_STR(nd, " seq#=");
		ND_U(nd, seq);
		hlen += 2;
		uint32_t life = (uint32_t)GET_BE16(nd, bp + hlen) << 2;
		ND_STR(nd, " lifetime=");
		ND_U(nd, life);
		hlen += 2;
		break;
	}
	case 7: {
		ND_STR(nd, "mobility: BE");
		uint8_t status = GET_U8(nd, bp + 6);
		ND_STR(nd, " status=");
		ND_U(nd, status);
		nd_need(nd, bp + hlen, 16);
		ND_STR(nd, " homeaddr ");
		nd_ip6addr(nd, bp + hlen);
		hlen += 16;
		break;
	}
	default:
		out_fmt(nd->out, "mobility: type-#%u len=%u", type, GET_U8(nd, bp + 1));
		return 0;
	}
	if (nd->o->vflag && mobility_opt_print(nd, bp + hlen, mhlen - hlen)) {
		nd_print_trunc(nd);
		return -1;
	}
	return 0;
}

void ip6_print(struct nd *nd, const uint8_t *bp, uint32_t length)
{
	nd->protocol = "ip6";
	if (!nd_ok(nd, bp, 40)) {
		nd_print_trunc(nd);
		return;
	}
	if (length < 40) {
		ND_STR(nd, "truncated-ip6 ");
		ND_U(nd, length);
		return;
	}
	if (!nd->o->eflag)
		ND_STR(nd, "IP6 ");
	uint8_t v = GET_U8(nd, bp) >> 4;
	if (v != 6) {
		out_fmt(nd->out, "version error: %u != 6", v);
		return;
	}
	uint32_t payload_len = GET_BE16(nd, bp + 4);
	uint32_t len;
	if (payload_len != 0) {
		len = payload_len + 40;
		if (length < len)
			out_fmt(nd->out, "truncated-ip6 - %u bytes missing!", len - length);
	} else {
		len = length + 40;
	}
	uint8_t nh = GET_U8(nd, bp + 6);
	if (nd->o->vflag) {
		uint32_t flow = GET_BE32(nd, bp);
		ND_CHR(nd, '(');
		if (flow & 0x0ff00000)
			out_fmt(nd->out, "class 0x%02x, ", (flow & 0x0ff00000) >> 20);
		if (flow & 0x000fffff)
			out_fmt(nd->out, "flowlabel 0x%05x, ", flow & 0x000fffff);
		const char *pn = ipproto_name(nh);
		out_fmt(nd->out, "hlim %u, next-header %s (%u) payload length: %u) ", GET_U8(nd, bp + 7),
			pn ? pn : "unknown", nh, payload_len);
	}
	nd_push_snaplen(nd, bp, length < len ? length : len);

	uint8_t src[16], dst[16], ckdst[16];
	GET_CPY(nd, src, bp + 8, 16);
	GET_CPY(nd, dst, bp + 24, 16);
	memcpy(ckdst, dst, 16);
	struct ipctx ip = {0};
	ip.v6 = 1;
	ip.src = src;
	ip.dst = dst;
	ip.ckdst = ckdst;
	ip.iph = bp;
	ip.ttl = GET_U8(nd, bp + 7);

	const uint8_t *cp = bp;
	int advance = 40;
	unsigned total_advance = 0;
	int found_ext = 0, found_jumbo = 0, found_hbh = 0;
	while (cp < nd->snapend && advance > 0) {
		if (len < (unsigned)advance) {
			nd_print_trunc(nd);
			goto out;
		}
		cp += advance;
		len -= (unsigned)advance;
		total_advance += (unsigned)advance;
		if (cp == bp + 40 && nh != 6 && nh != 17 && nh != 33 && nh != 132) {
			nd_ip6addr(nd, bp + 8);
			ND_STR(nd, " > ");
			nd_ip6addr(nd, bp + 24);
			ND_STR(nd, ": ");
		}
		switch (nh) {
		case 0: /* RFC 8200: only once, and right after the IPv6 header */
			if (found_hbh || cp != bp + 40) {
				ND_STR(nd, found_hbh ? "[The Hop-by-Hop Options header was already found]"
						     : "[The Hop-by-Hop Options header don't follow the IPv6 header]");
				nd_print_invalid(nd);
				goto out;
			}
			found_hbh = 1;
			advance = hbhopt_process(nd, cp, &found_jumbo, &payload_len);
			if (advance < 0)
				goto out;
			found_ext = 1;
			nh = GET_U8(nd, cp);
			break;
		case 60:
			advance = dstopt_process(nd, cp);
			if (advance < 0)
				goto out;
			found_ext = 1;
			nh = GET_U8(nd, cp);
			break;
		case 44:
			advance = frag6_print(nd, cp, bp);
			if (advance < 0 || nd->snapend <= cp + advance)
				goto out;
			found_ext = 1;
			nh = GET_U8(nd, cp);
			ip.fragmented = 1;
			break;
		case 43:
			advance = rt6_print(nd, cp, bp, ckdst);
			if (advance < 0)
				goto out;
			found_ext = 1;
			nh = GET_U8(nd, cp);
			break;
		case 62:
		case 135:
			mobility_print(nd, cp);
			goto out;
		default:
			if (found_jumbo) {
				len = payload_len + 40;
				if (len < total_advance) {
					nd_print_trunc(nd);
					goto out;
				}
				if (len > length) {
					out_fmt(nd->out, "[header+payload length %u > length %u]", len, length);
					nd_print_invalid(nd);
					ND_CHR(nd, ' ');
				}
				len -= total_advance;
			} else if (payload_len == 0) {
				if (found_ext) {
					ND_STR(nd, "[No valid Jumbo Payload Hop-by-Hop option found]");
					nd_print_invalid(nd);
					goto out;
				}
				len = 40 - total_advance;
				if (nd->snapend > bp + 40)
					nd->snapend = bp + 40;
			}
			ip6_demux(nd, cp, len, &ip, nh);
			goto out;
		}
		nd->protocol = "ip6";
	}
out:
	nd_pop_snaplen(nd);
}
