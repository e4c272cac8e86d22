/*
 * fr.c - Frame Relay (DLT_FRELAY, RFC 2427 / Q.922), printed as tcpdump 4.99 does.
 *
 *   Q.922 address, 2 to 4 bytes (EA bit ends it):
 *     DLCI(6) C/R EA | DLCI(4) FECN BECN DE EA | [DLCI(7) EA] | [DLCI(6) D/C EA]
 *   then either a Cisco-style Ethernet type, or UI (0x03) [pad 0x00] NLPID.
 *
 * NLPIDs decoded: IPv4, IPv6, SNAP, and the OSI ones (CLNP, ES-IS, IS-IS:
 * given to isoclns_print() of print/isis.c when it is linked in), Q.933 / LMI
 * (print/q933.c).  FRF.15 and PPP are shown as an unknown NLPID (hex dump).
 */
#include "nd.h"
#include "rest.h"

void isoclns_print(struct nd *nd, const uint8_t *p, uint32_t length) __attribute__((weak));

static const struct tok fr_flag_names[] = {
	{0x02000000, "C!"}, {0x00020000, "DE"}, {0x00040000, "BECN"}, {0x00080000, "FECN"},
	{0x00000002, "sdlcore"}, {0, NULL},
};

static const struct tok nlpid_names[] = {
	{0x00, "NULL"}, {0x08, "Q.933"}, {0x09, "LMI"}, {0x80, "SNAP"}, {0x81, "CLNP"},
	{0x82, "ES-IS"}, {0x83, "IS-IS"}, {0x84, "CONS"}, {0x85, "IDRP"}, {0xb1, "FRF.15"},
	{0xc1, "ISIS_SPB"}, {0xcc, "IPv4"}, {0xcf, "PPP"}, {0x8a, "X25 ES-IS"}, {0x8e, "IPv6"},
	{0, NULL},
};

/* 1: address parsed, 0: invalid, -1: cut short (by the capture or the length) */
static int parse_q922(struct nd *nd, const uint8_t *p, uint32_t length, unsigned *dlci, unsigned *alen,
		      uint32_t *flags)
{
	if (!nd_ok(nd, p, 1) || length < 1)
		return -1;
	uint8_t b0 = GET_U8(nd, p);
	if (b0 & 1)
		return 0;
	if (!nd_ok(nd, p + 1, 1) || length < 2)
		return -1;
	uint8_t b1 = GET_U8(nd, p + 1);
	*alen = 2;
	*dlci = ((unsigned)(b0 & 0xfc) << 2) | ((b1 & 0xf0) >> 4);
	*flags = (uint32_t)(b0 & 0x02) << 24 | (uint32_t)(b1 & 0x0e) << 16;
	if (b1 & 1)
		return 1;
	p += 2;
	length -= 2;
	if (!nd_ok(nd, p, 1) || length < 1)
		return -1;
	(*alen)++;
	if ((GET_U8(nd, p) & 1) == 0) {
		*dlci = (*dlci << 7) | (GET_U8(nd, p) >> 1);
		(*alen)++;
		p++;
		length--;
	}
	if (!nd_ok(nd, p, 1) || length < 1)
		return -1;
	uint8_t b = GET_U8(nd, p);
	if ((b & 1) == 0)
		return 0;
	*flags |= b & 0x02;
	*dlci = (*dlci << 6) | (b >> 2);
	return 1;
}

static void hdr_print(struct nd *nd, uint32_t length, unsigned alen, unsigned dlci, uint32_t flags, unsigned nlpid)
{
	if (nd->o->qflag) {
		out_fmt(nd->out, "Q.922, DLCI %u, length %u: ", dlci, length);
		return;
	}
	out_fmt(nd->out, "Q.922, hdr-len %u, DLCI %u, Flags [", alen, dlci);
	nd_bits(nd, fr_flag_names, flags, ", ");
	if (nlpid <= 0xff) {
		ND_STR(nd, "], NLPID ");
		nd_tok(nd, nlpid_names, "unknown", nlpid);
		out_fmt(nd->out, " (0x%02x), length %u: ", nlpid, length);
	} else {
		ND_STR(nd, "], cisco-ethertype ");
		nd_tok(nd, link_ethertype_names, "unknown", nlpid);
		out_fmt(nd->out, " (0x%04x), length %u: ", nlpid, length);
	}
}

static void fr_trunc(struct nd *nd)
{
	nd->protocol = "fr";
	nd_print_trunc(nd);
}

/* The frame at p (length bytes on the wire); returns the header length. */
static uint32_t fr_body(struct nd *nd, const uint8_t *p, uint32_t length)
{
	unsigned dlci = 0, alen = 0;
	uint32_t flags = 0;
	int r = parse_q922(nd, p, length, &dlci, &alen, &flags);
	if (r < 0) {
		fr_trunc(nd);
		return 0;
	}
	if (r == 0) {
		ND_STR(nd, "Q.922, invalid address");
		return 0;
	}
	if (!nd_ok(nd, p + alen, 1) || length < alen + 1) {
		fr_trunc(nd);
		return 0;
	}
	uint8_t ctl = GET_U8(nd, p + alen);
	if (ctl != 0x03 && dlci != 0) {
		/* Cisco style: an Ethernet type after the address */
		if (!nd_ok(nd, p + alen, 2) || length < alen + 2) {
			out_fmt(nd->out, "UI %02x! ", ctl);
		} else {
			uint16_t et = GET_BE16(nd, p + alen);
			if (nd->o->eflag)
				hdr_print(nd, length, alen, dlci, flags, et);
			const uint8_t *q = p + alen + 2;
			if (ethertype_print(nd, et, q, length - alen - 2, (uint32_t)nd_avail(nd, q), NULL, NULL))
				return alen + 2;
			out_fmt(nd->out, "UI %02x! ", ctl);
		}
	}
	if (!nd_ok(nd, p + alen + 1, 1) || length < alen + 2) {
		fr_trunc(nd);
		return 0;
	}
	uint32_t hdr_len;
	if (GET_U8(nd, p + alen + 1) == 0) {
		/* a pad byte after the UI; only right with a 3-byte address */
		if (alen != 3)
			ND_STR(nd, "Pad! ");
		hdr_len = alen + 3;
	} else {
		if (alen == 3)
			ND_STR(nd, "No pad! ");
		hdr_len = alen + 2;
	}
	if (!nd_ok(nd, p + hdr_len - 1, 1) || length < hdr_len) {
		fr_trunc(nd);
		return 0;
	}
	uint8_t nlpid = GET_U8(nd, p + hdr_len - 1);
	if (nd->o->eflag)
		hdr_print(nd, length, alen, dlci, flags, nlpid);
	p += hdr_len;
	length -= hdr_len;
	switch (nlpid) {
	case 0xcc:
		ip_print(nd, p, length);
		break;
	case 0x8e:
		ip6_print(nd, p, length);
		break;
	case 0x81:
	case 0x82:
	case 0x83:
		if (isoclns_print) {
			isoclns_print(nd, p - 1, length + 1); /* the OSI printers want the NLPID */
			break;
		}
		goto dflt;
	case 0x08: /* rest: Q.933 */
		q933_print(nd, p, length);
		break;
	case 0x80:
		if (!snap_print(nd, p, length, (uint32_t)nd_avail(nd, p), NULL, NULL)) {
			if (!nd->o->eflag)
				hdr_print(nd, length + hdr_len, hdr_len, dlci, flags, nlpid);
			if (!nd_default_print_suppressed(nd))
				nd_default_print(nd, p - hdr_len, length + hdr_len);
		}
		break;
	default:
	dflt:
		if (!nd->o->eflag)
			hdr_print(nd, length + hdr_len, alen, dlci, flags, nlpid);
		if (!nd->o->xflag)
			nd_default_print(nd, p, length);
		break;
	}
	return hdr_len;
}

void fr_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	(void)caplen;
	nd->protocol = "fr";
	if (!nd_ok(nd, p, 4)) {
		fr_trunc(nd);
		nd->ll_hdr_len = nd->caplen;
		return;
	}
	nd->ll_hdr_len = fr_body(nd, p, len);
}
