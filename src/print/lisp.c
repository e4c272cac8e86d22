/*
 * lisp.c - LISP control messages (RFC 6830/9301), UDP port 4342, as tcpdump
 * 4.99 prints them: the message type of every message, and the records of
 * Map-Register and Map-Notify.
 *
 *   type(4 bits) flags | reserved | flags | record count | nonce(8)
 *   key id(2) | auth data length(2) | auth data | records
 *   record:  TTL(4) locator count | EID mask length | A/act bits | rsvd
 *            | map version(2) | EID AFI(2) | EID | locators
 *   locator: priority weight m-priority m-weight | flags(2) | AFI(2) | address
 */
#include "nd.h"

enum { LISP_MAP_REGISTER = 3, LISP_MAP_NOTIFY = 4 };

static const struct tok lisp_types[] = {
	{0, "LISP-Reserved"}, {1, "LISP-Map-Request"}, {2, "LISP-Map-Reply"},
	{3, "LISP-Map-Register"}, {4, "LISP-Map-Notify"},
	{8, "LISP-Encapsulated-Contol-Message"}, {0, NULL},
};
static const struct tok lisp_register_flags[] = {
	{0x08000000, "P-Proxy-Map-Reply"}, {0x04000000, "S-LISP-SEC-Capable"},
	{0x02000000, "I-xTR-ID-Present"}, {0x01000000, "R-Build-For-RTR"},
	{0x00000100, "M-Want-Map-Notify"}, {0, NULL},
};
static const struct tok lisp_notify_flags[] = {
	{0x08000000, "I-xTR-ID-Present"}, {0x04000000, "R-Build-For-RTR"}, {0, NULL},
};
static const struct tok lisp_auth_types[] = {{0, "None"}, {1, "SHA1"}, {2, "SHA256"}, {0, NULL}};
static const struct tok lisp_actions[] = {
	{0, "No-Action"}, {1, "Natively-Forward"}, {2, "Send-Map-Request"}, {3, "Drop"}, {0, NULL},
};
static const struct tok lisp_loc_flags[] = {
	{4, "Local-Locator"}, {2, "RLoc-Probed"}, {1, "Reachable"}, {0, NULL},
};

/* tcpdump's hex_print: n bytes as hex lines after ident; a capture that ends
 * first prints what there is, then the truncation marker. */
static void lisp_hex(struct nd *nd, const char *ident, const uint8_t *p, size_t n)
{
	size_t have = nd_avail(nd, p);
	nd_hex_ascii(nd, ident, p, n < have ? n : have, 0);
	if (n > have)
		nd_trunc(nd);
}

static void lisp_name(struct nd *nd, const struct tok *t, uint32_t v, const char *dflt)
{
	const char *s = tok_find(t, v);
	ND_STR(nd, s ? s : dflt);
}

void lisp_print(struct nd *nd, const uint8_t *bp, uint32_t length)
{
	nd->protocol = "lisp";
	if (!nd_ok(nd, bp, 16))
		goto trunc;
	uint8_t tf = GET_U8(nd, bp);
	unsigned type = tf >> 4;
	const char *tn = tok_find(lisp_types, type);
	if (tn)
		ND_STR(nd, tn);
	else
		out_fmt(nd->out, "unknown-type-%u", type);
	ND_CHR(nd, ',');
	int v = nd->o->vflag != 0;
	if (v && (type == LISP_MAP_REGISTER || type == LISP_MAP_NOTIFY)) {
		ND_STR(nd, " flags [");
		nd_bits(nd, type == LISP_MAP_REGISTER ? lisp_register_flags : lisp_notify_flags,
			GET_BE32(nd, bp), ", ");
		ND_STR(nd, "],");
	}
	if (type != LISP_MAP_REGISTER && type != LISP_MAP_NOTIFY)
		return;
	int xtr = type == LISP_MAP_REGISTER ? (tf & 2) : (tf & 8);
	unsigned auth_len = GET_BE16(nd, bp + 14);
	unsigned nrec = GET_U8(nd, bp + 3);
	uint32_t off = 16;
	if (v) {
		out_fmt(nd->out, "\n    %u record(s), Authentication ", nrec);
		lisp_name(nd, lisp_auth_types, GET_BE16(nd, bp + 12), "unknown-type");
		ND_CHR(nd, ',');
		lisp_hex(nd, "\n    Authentication-Data: ", bp + off, auth_len);
	} else {
		out_fmt(nd->out, " %u record(s),", nrec);
	}
	off += auth_len;
	if (nrec == 0) {
		nd_print_invalid(nd);
		return;
	}
	while (length > (off & 0xffff) && nrec--) {
		off &= 0xffff; /* tcpdump keeps the offset in 16 bits */
		const uint8_t *e = bp + off;
		if (!nd_ok(nd, e, 12))
			goto trunc;
		ND_CHR(nd, '\n');
		off += 12;
		unsigned mask = GET_U8(nd, e + 5), nloc = GET_U8(nd, e + 4);
		uint16_t afi = GET_BE16(nd, e + 10);
		if (v) {
			uint8_t a = GET_U8(nd, e + 6);
			out_fmt(nd->out, "      Record TTL %u,", GET_BE32(nd, e));
			ND_STR(nd, ((a >> 4) & 1) ? " Authoritative," : " Non-Authoritative,");
			ND_CHR(nd, ' ');
			lisp_name(nd, lisp_actions, a >> 5, "unknown");
			ND_CHR(nd, ',');
			out_fmt(nd->out, " Map Version: %u,", GET_BE16(nd, e + 8) & 0x0fff);
		}
		if (afi == 1) {
			if (!nd_ok(nd, bp + off, 4))
				goto trunc;
			ND_STR(nd, " EID ");
			nd_ipaddr(nd, bp + off);
			off += 4;
		} else if (afi == 2) {
			if (!nd_ok(nd, bp + off, 16))
				goto trunc;
			ND_STR(nd, " EID ");
			nd_ip6addr(nd, bp + off);
			off += 16;
		} else {
			return; /* LCAF and others are not decoded */
		}
		out_fmt(nd->out, "/%u, %u locator(s)", mask, nloc);
		while (nloc--) {
			off &= 0xffff;
			const uint8_t *l = bp + off;
			if (!nd_ok(nd, l, 8))
				goto trunc;
			off += 8;
			uint16_t lafi = GET_BE16(nd, l + 6);
			if (v)
				ND_STR(nd, "\n       ");
			if (lafi == 1) {
				if (!nd_ok(nd, bp + off, 4))
					goto trunc;
				ND_STR(nd, " LOC ");
				nd_ipaddr(nd, l + 8);
				off += 4;
			} else if (lafi == 2) {
				if (!nd_ok(nd, bp + off, 16))
					goto trunc;
				ND_STR(nd, " LOC ");
				nd_ip6addr(nd, l + 8);
				off += 16;
			}
			if (v) {
				out_fmt(nd->out,
					"\n          Priority/Weight %u/%u, Multicast Priority/Weight %u/%u,",
					GET_U8(nd, l), GET_U8(nd, l + 1), GET_U8(nd, l + 2), GET_U8(nd, l + 3));
				ND_STR(nd, " flags [");
				nd_bits(nd, lisp_loc_flags, GET_BE16(nd, l + 4), ", ");
				ND_STR(nd, "],");
			}
		}
	}
	off &= 0xffff;
	const uint8_t *rest = bp + off;
	if (xtr) {
		if (!nd_ok(nd, rest, 24)) {
			nd_print_invalid(nd);
			return;
		}
		lisp_hex(nd, "\n    xTR-ID: ", rest, 16);
		out_fmt(nd->out, "\n    SITE-ID: %llu", (unsigned long long)GET_BE64(nd, rest + 16));
	} else if (rest < nd->snapend) {
		lisp_hex(nd, "\n    Data: ", rest, nd_avail(nd, rest));
	}
	return;
trunc:
	nd_print_trunc(nd);
}
