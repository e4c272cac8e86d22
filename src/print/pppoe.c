/*
 * pppoe.c - PPP over Ethernet (RFC 2516), as tcpdump 4.99 prints it; the PPP
 * frame of the session stage goes to ppp_print() (print/ppp.c).
 *
 *   +-----+-----+--------+------------+---------+
 *   | ver | typ |  code  | session id |  length |   6 bytes, then tags
 *   +-----+-----+--------+------------+---------+   (discovery) or PPP (session)
 *
 * The return value is the header length tcpdump's -x/-X dumps skip.
 */
#include "tunnel.h"

#include <stdio.h>

#include "../proto.h"

#define PPPOE_HDRLEN 6
#define PPPOE_PADI 0x09
#define PPPOE_TAG_MAX 80 /* tag values longer than this are cut for the ASCII form */

static const struct tok pppoe_codes[] = {
	{0x09, "PADI"}, {0x07, "PADO"}, {0x19, "PADR"}, {0x65, "PADS"}, {0xa7, "PADT"}, {0, ""}, {0, NULL}};

static const struct tok pppoe_tags[] = {
	{0x0000, "EOL"}, {0x0101, "Service-Name"}, {0x0102, "AC-Name"}, {0x0103, "Host-Uniq"},
	{0x0104, "AC-Cookie"}, {0x0105, "Vendor-Specific"}, {0x0110, "Relay-Session-ID"},
	{0x0120, "PPP-Max-Payload"}, {0x0201, "Service-Name-Error"}, {0x0202, "AC-System-Error"},
	{0x0203, "Generic-Error"}, {0, NULL}};

uint32_t pppoe_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "pppoe";
	if (length < PPPOE_HDRLEN) {
		out_fmt(nd->out, " (length %u < %u)", length, PPPOE_HDRLEN);
		nd_print_invalid(nd); /* tcpdump 4.99.3 does not check these bytes were captured */
		return length;
	}
	length -= PPPOE_HDRLEN;
	nd_need(nd, p, PPPOE_HDRLEN);
	uint8_t vt = GET_U8(nd, p), code = GET_U8(nd, p + 1);
	uint16_t sid = GET_BE16(nd, p + 2);
	uint32_t plen = GET_BE16(nd, p + 4);
	const uint8_t *pl = p + PPPOE_HDRLEN;
	if ((vt >> 4) != 1)
		out_fmt(nd->out, " [ver %u]", vt >> 4);
	if ((vt & 15) != 1)
		out_fmt(nd->out, " [type %u]", vt & 15);
	ND_STR(nd, "PPPoE ");
	nd_tok(nd, pppoe_codes, "PAD-%x", code);
	if (code == PPPOE_PADI && plen > 1484 - PPPOE_HDRLEN)
		out_fmt(nd->out, " [len %u!]", plen);
	if (plen > length) {
		out_fmt(nd->out, " [len %u > %u!]", plen, length);
		plen = length;
	}
	if (sid)
		out_fmt(nd->out, " [ses 0x%x]", sid);
	if (code == 0) {
		ND_CHR(nd, ' ');
		return PPPOE_HDRLEN + ppp_print(nd, pl, plen);
	}
	/* discovery: tags up to the end-of-list tag or the PPPoE length */
	const uint8_t *t = pl;
	uint16_t type = 0xffff;
	while (type && (size_t)(t - pl) < plen) {
		type = GET_BE16(nd, t);
		uint16_t tlen = GET_BE16(nd, t + 2);
		t += 4;
		nd_need(nd, t, tlen); /* the whole value is captured before anything is printed */
		const char *name = tok_find(pppoe_tags, type);
		ND_STR(nd, " [");
		if (name)
			ND_STR(nd, name);
		else
			out_fmt(nd->out, "TAG-0x%x", type);
		if (tlen) {
			unsigned ascii = 0, other = 0, n = tlen < PPPOE_TAG_MAX - 1 ? tlen : PPPOE_TAG_MAX - 1;
			for (unsigned i = 0; i < n; i++) {
				uint8_t c = GET_U8(nd, t + i);
				if (c >= 0x20 && c < 0x7f)
					ascii++;
				else
					other++;
			}
			if (ascii > other) {
				ND_STR(nd, " \"");
				for (unsigned i = 0; i < n; i++) {
					uint8_t c = GET_U8(nd, t + i);
					ND_CHR(nd, (char)(c >= 0x20 && c < 0x7f ? c : '.'));
				}
				ND_CHR(nd, '"');
			} else {
				ND_STR(nd, " 0x");
				static const char hx[] = "0123456789ABCDEF";
				for (unsigned i = 0; i < tlen; i++) {
					uint8_t c = GET_U8(nd, t + i);
					ND_CHR(nd, hx[c >> 4]);
					ND_CHR(nd, hx[c & 15]);
				}
			}
		}
		ND_CHR(nd, ']');
		t += tlen;
	}
	return PPPOE_HDRLEN;
}
