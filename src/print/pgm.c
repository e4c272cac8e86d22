/*
 * pgm.c - Pragmatic General Multicast (RFC 3208), IP protocol 113.
 *
 *   +-------------------------------+-------------------------------+
 *   |          Source Port          |       Destination Port        |
 *   +---------------+---------------+-------------------------------+
 *   |     Type      |    Options    |           Checksum            |
 *   +---------------+---------------+-------------------------------+
 *   |                 Global Source ID (6 bytes) ...                |
 *   +-------------------------------+-------------------------------+
 *   |   ... Global Source ID        |          TSDU Length          |
 *   +-------------------------------+-------------------------------+
 *   | type-specific body (SPM, ODATA, NAK, ...) | options (TLVs)     |
 *
 * (tcpdump 4.99 decodes POLL with the long, NLA-carrying layout and POLR
 * with the short one; that is kept.)
 *
 * Options start with an OPT_LENGTH option giving their total length; each
 * option is type(1) length(1) then its body.  tcpdump's walk over them is
 * followed exactly, including where it skips the 2-byte option header twice
 * for options it only names, since the output depends on it.
 */
#include "nd.h"
#include "svc2.h"

enum {
	PGM_SPM = 0, PGM_POLL = 1, PGM_POLR = 2, PGM_ODATA = 4, PGM_RDATA = 5,
	PGM_NAK = 8, PGM_NULLNAK = 9, PGM_NCF = 10, PGM_ACK = 11, PGM_SPMR = 12,
};

enum {
	OPT_LENGTH = 0x00, OPT_FRAGMENT = 0x01, OPT_NAK_LIST = 0x02, OPT_JOIN = 0x03,
	OPT_NAK_BO_IVL = 0x04, OPT_NAK_BO_RNG = 0x05, OPT_REDIRECT = 0x07,
	OPT_PARITY_PRM = 0x08, OPT_PARITY_GRP = 0x09, OPT_CURR_TGSIZE = 0x0a,
	OPT_NBR_UNREACH = 0x0b, OPT_PATH_NLA = 0x0c, OPT_SYN = 0x0d, OPT_FIN = 0x0e,
	OPT_RST = 0x0f, OPT_CR = 0x10, OPT_CRQST = 0x11, OPT_PGMCC_DATA = 0x12,
	OPT_PGMCC_FEEDBACK = 0x13,
};
#define OPT_MASK 0x7f
#define OPT_END 0x80
#define MIN_OPT_LEN 4

#define AFNUM_INET 1
#define AFNUM_INET6 2

/* tcpdump's pgm_print gives up (" [|pgm]") on anything it cannot follow. */
#define PGM_GIVE_UP 1

/* Format an NLA address of family afi at *pp into buf, advancing *pp.
 * Returns 0 for an unknown family. */
static int pgm_nla(struct nd *nd, const uint8_t **pp, uint16_t afi, char *buf, size_t cap)
{
	uint8_t a[16];
	if (afi == AFNUM_INET) {
		GET_CPY(nd, a, *pp, 4);
		fmt_ip4(buf, cap, a);
		*pp += 4;
		return 1;
	}
	if (afi == AFNUM_INET6) {
		GET_CPY(nd, a, *pp, 16);
		fmt_ip6(buf, cap, a);
		*pp += 16;
		return 1;
	}
	return 0;
}

/* A fixed-length option whose body is n 32-bit words after 2 reserved bytes. */
struct pgm_fixed_opt {
	uint8_t type, len, nwords;
	const char *bad;      /* name in the "[Bad OPT_x option, ...]" message */
	const char *fmt[3];   /* text before each word ("" words printed in order) */
};

static const struct pgm_fixed_opt pgm_fixed[] = {
	{OPT_LENGTH, 4, 0, "OPT_LENGTH", {NULL}},
	{OPT_FRAGMENT, 16, 3, "OPT_FRAGMENT", {" FRAG seq ", " off ", " len "}},
	{OPT_JOIN, 8, 1, "OPT_JOIN", {" JOIN "}},
	{OPT_NAK_BO_IVL, 12, 2, "OPT_NAK_BO_IVL", {" BACKOFF ivl ", " ivlseq "}},
	{OPT_NAK_BO_RNG, 12, 2, "OPT_NAK_BO_RNG", {" BACKOFF max ", " min "}},
	{OPT_PARITY_PRM, 8, 1, "OPT_PARITY_PRM", {" PARITY MAXTGS "}},
	{OPT_PARITY_GRP, 8, 1, "OPT_PARITY_GRP", {" PARITY GROUP "}},
	{OPT_CURR_TGSIZE, 8, 1, "OPT_CURR_TGSIZE", {" PARITY ATGS "}},
	{OPT_NBR_UNREACH, 4, 0, "OPT_NBR_UNREACH", {" NBR_UNREACH"}},
	{OPT_SYN, 4, 0, "OPT_SYN", {" SYN"}},
	{OPT_FIN, 4, 0, "OPT_FIN", {" FIN"}},
	{OPT_RST, 4, 0, "OPT_RST", {" RST"}},
	{OPT_CRQST, 4, 0, "OPT_CRQST", {" CRQST"}},
};

/* Options; bp at the first one.  Returns PGM_GIVE_UP or 0 (stopped or done). */
static int pgm_options(struct nd *nd, const uint8_t *bp)
{
	char nla[64];
	if (!nd_ok(nd, bp, MIN_OPT_LEN)) {
		nd_print_trunc(nd);
		return -1;
	}
	uint8_t type = GET_U8(nd, bp), olen = GET_U8(nd, bp + 1);
	if ((type & OPT_MASK) != OPT_LENGTH) {
		out_fmt(nd->out, "[First option bad, should be PGM_OPT_LENGTH, is %u]", type & OPT_MASK);
		return -1;
	}
	if (olen != 4) {
		out_fmt(nd->out, "[Bad OPT_LENGTH option, length %u != 4]", olen);
		return -1;
	}
	uint32_t opts_len = GET_BE16(nd, bp + 2);
	bp += 4;
	if (opts_len < 4) {
		out_fmt(nd->out, "[Bad total option length %u < 4]", opts_len);
		return -1;
	}
	ND_STR(nd, " OPTS LEN ");
	ND_U(nd, opts_len);
	opts_len -= 4;

	while (opts_len) {
		if (opts_len < MIN_OPT_LEN) {
			ND_STR(nd, "[Total option length leaves no room for final option]");
			return -1;
		}
		/* a truncated option header ends the packet (tcpdump's GET_U_1) */
		type = GET_U8(nd, bp);
		olen = GET_U8(nd, bp + 1);
		bp += 2;
		if (olen < MIN_OPT_LEN) {
			out_fmt(nd->out, "[Bad option, length %u < %u]", olen, MIN_OPT_LEN);
			break;
		}
		if (opts_len < olen) {
			ND_STR(nd, "[Total option length leaves no room for final option]");
			return -1;
		}
		if (!nd_ok(nd, bp, (size_t)olen - 2)) {
			nd_print_trunc(nd);
			return -1;
		}
		unsigned t = type & OPT_MASK;
		const struct pgm_fixed_opt *fx = NULL;
		for (size_t i = 0; i < sizeof pgm_fixed / sizeof pgm_fixed[0]; i++)
			if (pgm_fixed[i].type == t)
				fx = &pgm_fixed[i];
		if (fx) {
			if (olen != fx->len) {
				out_fmt(nd->out, "[Bad %s option, length %u != %u]", fx->bad, olen, fx->len);
				return -1;
			}
			if (t == OPT_LENGTH) {
				ND_STR(nd, " OPTS LEN (extra?) ");
				ND_U(nd, GET_BE16(nd, bp));
			} else {
				const uint8_t *w = bp + 2;
				if (fx->nwords == 0)
					ND_STR(nd, fx->fmt[0]);
				for (unsigned k = 0; k < fx->nwords; k++, w += 4) {
					ND_STR(nd, fx->fmt[k]);
					ND_U(nd, GET_BE32(nd, w));
				}
			}
			bp += olen - 2;
			opts_len -= olen;
		} else if (t == OPT_NAK_LIST) {
			bp += 2;
			unsigned left = olen - 4u;
			ND_STR(nd, " NAK LIST");
			while (left) {
				if (left < 4) {
					ND_STR(nd, "[Option length not a multiple of 4]");
					return -1;
				}
				ND_CHR(nd, ' ');
				ND_U(nd, GET_BE32(nd, bp));
				bp += 4;
				left -= 4;
				opts_len -= 4;
			}
		} else if (t == OPT_REDIRECT || t == OPT_PGMCC_DATA || t == OPT_PGMCC_FEEDBACK) {
			unsigned fixed = t == OPT_REDIRECT ? 8 : 12;
			const char *bad = t == OPT_REDIRECT ? "OPT_REDIRECT"
					  : t == OPT_PGMCC_DATA ? "OPT_PGMCC_DATA" : "OPT_PGMCC_FEEDBACK";
			if (olen < fixed) {
				out_fmt(nd->out, "[Bad %s%s option, length %u < %u]",
					t == OPT_PGMCC_FEEDBACK ? "PGM_" : "",
					bad, olen, fixed);
				return -1;
			}
			bp += 2;
			uint32_t off = 0;
			if (t != OPT_REDIRECT) {
				off = GET_BE32(nd, bp);
				bp += 4;
			}
			uint16_t afi = GET_BE16(nd, bp);
			bp += 4;
			unsigned alen = afi == AFNUM_INET ? 4 : afi == AFNUM_INET6 ? 16 : 0;
			if (alen == 0)
				return PGM_GIVE_UP;
			if (olen != fixed + alen) {
				/* tcpdump swaps the two numbers for IPv6 redirects */
				if (t == OPT_REDIRECT && alen == 16)
					out_fmt(nd->out, "[Bad %s option, length %u != %u + address size]",
						bad, fixed, olen);
				else
					out_fmt(nd->out, "[Bad %s option, length %u != %u + address size]",
						bad, olen, fixed);
				return -1;
			}
			pgm_nla(nd, &bp, afi, nla, sizeof nla);
			opts_len -= fixed + alen;
			if (t == OPT_REDIRECT) {
				ND_STR(nd, " REDIRECT ");
			} else {
				ND_STR(nd, t == OPT_PGMCC_DATA ? " PGMCC DATA " : " PGMCC FEEDBACK ");
				ND_U(nd, off);
				ND_CHR(nd, ' ');
			}
			ND_STR(nd, nla);
		} else if (t == OPT_PATH_NLA) {
			ND_STR(nd, " PATH_NLA [");
			ND_U(nd, olen);
			ND_CHR(nd, ']');
			bp += olen;
			opts_len -= olen;
		} else if (t == OPT_CR) {
			ND_STR(nd, " CR");
			bp += olen;
			opts_len -= olen;
		} else {
			ND_STR(nd, " OPT_");
			out_fmt(nd->out, "%02X", type);
			ND_STR(nd, " [");
			ND_U(nd, olen);
			ND_STR(nd, "] ");
			bp += olen;
			opts_len -= olen;
		}
		if (type & OPT_END)
			break;
	}
	return 0;
}

void pgm_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	char src[64], grp[64];
	nd->protocol = "pgm";
	if (!nd_ok(nd, p + 2, 2)) {
		nd_addr_pair(nd, ip);
		ND_STR(nd, ": [|pgm]");
		return;
	}
	uint16_t sport = GET_BE16(nd, p), dport = GET_BE16(nd, p + 2);
	uint8_t nxt = GET_U8(nd, ip->iph + (ip->v6 ? 6 : 9));
	if (nxt == 113) {
		nd_addr_ports(nd, ip, sport, dport, 0);
	} else {
		nd_port(nd, sport, 0);
		ND_STR(nd, " > ");
		nd_port(nd, dport, 0);
	}
	ND_STR(nd, ": ");
	nd_need(nd, p, 16);
	ND_STR(nd, "PGM, length ");
	ND_U(nd, GET_BE16(nd, p + 14));
	if (!nd->o->vflag)
		return;

	uint8_t type = GET_U8(nd, p + 4);
	ND_STR(nd, " 0x");
	for (int i = 0; i < 6; i++)
		out_hex(nd->out, GET_U8(nd, p + 8 + i), 2);
	ND_CHR(nd, ' ');
	/* types without a body leave tcpdump parsing options from the PGM header itself */
	const uint8_t *b = p + 16, *bp = p;
	switch (type) {
	case PGM_SPM:
		nd_need(nd, b, 16);
		bp = b + 16;
		if (!pgm_nla(nd, &bp, GET_BE16(nd, b + 12), src, sizeof src))
			goto trunc;
		out_fmt(nd->out, "SPM seq %u trail %u lead %u nla %s", GET_BE32(nd, b),
			GET_BE32(nd, b + 4), GET_BE32(nd, b + 8), src);
		break;
	case PGM_POLR:
		nd_need(nd, b, 8);
		out_fmt(nd->out, "POLR seq %u round %u", GET_BE32(nd, b), GET_BE16(nd, b + 4));
		bp = b + 8;
		break;
	case PGM_POLL: {
		nd_need(nd, b, 12);
		bp = b + 12;
		if (!pgm_nla(nd, &bp, GET_BE16(nd, b + 8), src, sizeof src))
			goto trunc;
		uint32_t ivl = GET_BE32(nd, bp), rnd = GET_BE32(nd, bp + 4), mask = GET_BE32(nd, bp + 8);
		bp += 12;
		out_fmt(nd->out, "POLL seq %u round %u nla %s ivl %u rnd 0x%08x mask 0x%08x",
			GET_BE32(nd, b), GET_BE16(nd, b + 4), src, ivl, rnd, mask);
		break;
	}
	case PGM_ODATA:
	case PGM_RDATA:
		nd_need(nd, b, 8);
		ND_STR(nd, type == PGM_ODATA ? "ODATA trail " : "RDATA trail ");
		ND_U(nd, GET_BE32(nd, b + 4));
		ND_STR(nd, " seq ");
		ND_U(nd, GET_BE32(nd, b));
		bp = b + 8;
		break;
	case PGM_NAK:
	case PGM_NULLNAK:
	case PGM_NCF:
		nd_need(nd, b, 8);
		bp = b + 8;
		if (!pgm_nla(nd, &bp, GET_BE16(nd, b + 4), src, sizeof src))
			goto trunc;
		bp += 4;
		/* tcpdump reads the group's family at the group address itself */
		if (!pgm_nla(nd, &bp, GET_BE16(nd, bp), grp, sizeof grp))
			goto trunc;
		ND_STR(nd, type == PGM_NAK ? "NAK " : type == PGM_NULLNAK ? "NNAK " : "NCF ");
		out_fmt(nd->out, "(%s -> %s), seq %u", src, grp, GET_BE32(nd, b));
		break;
	case PGM_ACK:
		nd_need(nd, b, 8);
		ND_STR(nd, "ACK seq ");
		ND_U(nd, GET_BE32(nd, b));
		bp = b + 8;
		break;
	case PGM_SPMR:
		ND_STR(nd, "SPMR");
		break;
	default:
		ND_STR(nd, "UNKNOWN type 0x");
		out_hex(nd->out, type, 2);
		break;
	}
	if (GET_U8(nd, p + 5) & 0x01) {
		int r = pgm_options(nd, bp);
		if (r == PGM_GIVE_UP)
			goto trunc;
		if (r < 0)
			return;
	}
	ND_STR(nd, " [");
	ND_U(nd, len);
	ND_CHR(nd, ']');
	if (nd->o->packettype == PT_PGM_ZMTP1 && (type == PGM_ODATA || type == PGM_RDATA)) /* svc2 */
		zmtp1_datagram_print(nd, GET_U8(nd, p + 5) & 0x01 ? bp + GET_BE16(nd, bp + 2) : bp,
				     GET_BE16(nd, p + 14));
	return;
trunc:
	nd_print_trunc(nd);
}
