/*
 * rpki_rtr.c - RPKI to Router protocol (RFC 6810), TCP port 323.
 *
 *  0          8          16         24        31
 * +----------+----------+---------------------+
 * | Version  | PDU Type | Session ID / Error  |
 * +----------+----------+---------------------+
 * |                 Length                    |
 * +-------------------------------------------+
 * |            type-specific body ...
 *
 * At default verbosity only ", RPKI-RTR" is printed; with -v every PDU of
 * the segment is decoded.  Only version 0 is understood: a PDU of another
 * version ends the decoding, since its length cannot be trusted.
 */
#include "nd.h"

#define RTR_HDR_LEN 8

enum {
	PDU_SERIAL_NOTIFY = 0, PDU_SERIAL_QUERY = 1, PDU_RESET_QUERY = 2,
	PDU_CACHE_RESPONSE = 3, PDU_IPV4_PREFIX = 4, PDU_IPV6_PREFIX = 6,
	PDU_END_OF_DATA = 7, PDU_CACHE_RESET = 8, PDU_ERROR_REPORT = 10
};

static const struct tok pdu_names[] = {
	{ PDU_SERIAL_NOTIFY, "Serial Notify" },
	{ PDU_SERIAL_QUERY, "Serial Query" },
	{ PDU_RESET_QUERY, "Reset Query" },
	{ PDU_CACHE_RESPONSE, "Cache Response" },
	{ PDU_IPV4_PREFIX, "IPV4 Prefix" },
	{ PDU_IPV6_PREFIX, "IPV6 Prefix" },
	{ PDU_END_OF_DATA, "End of Data" },
	{ PDU_CACHE_RESET, "Cache Reset" },
	{ PDU_ERROR_REPORT, "Error Report" },
	{ 0, NULL }
};

static const struct tok error_names[] = {
	{ 0, "Corrupt Data" },
	{ 1, "Internal Error" },
	{ 2, "No Data Available" },
	{ 3, "Invalid Request" },
	{ 4, "Unsupported Protocol Version" },
	{ 5, "Unsupported PDU Type" },
	{ 6, "Withdrawal of Unknown Record" },
	{ 7, "Duplicate Announcement Received" },
	{ 0, NULL }
};

/* A newline, one tab per 8 columns of indent, then spaces. */
static void indent_print(struct nd *nd, unsigned indent)
{
	ND_CHR(nd, '\n');
	for (; indent >= 8; indent -= 8)
		ND_CHR(nd, '\t');
	for (; indent; indent--)
		ND_CHR(nd, ' ');
}

static void prefix_pdu_print(struct nd *nd, const uint8_t *p, unsigned indent, int v6)
{
	/* flags, prefix length, max length, zero, prefix, AS */
	size_t alen = v6 ? 16 : 4;
	nd_need(nd, p, RTR_HDR_LEN + 4 + alen + 4);
	indent_print(nd, indent + 2);
	if (v6) {
		ND_STR(nd, "IPv6 Prefix ");
		nd_ip6addr(nd, p + 12);
	} else {
		ND_STR(nd, "IPv4 Prefix ");
		nd_ipaddr(nd, p + 12);
	}
	ND_CHR(nd, '/');
	ND_U(nd, GET_U8(nd, p + 9));
	ND_CHR(nd, '-');
	ND_U(nd, GET_U8(nd, p + 10));
	ND_STR(nd, ", origin-as ");
	ND_U(nd, GET_BE32(nd, p + 12 + alen));
	ND_STR(nd, ", flags 0x");
	out_hex(nd->out, GET_U8(nd, p + 8), 2);
}

/* One PDU; returns the bytes it used (len when the PDU is invalid). */
static unsigned pdu_print(struct nd *nd, const uint8_t *p, unsigned len, int recurse, unsigned indent)
{
	int hexdump = 0;

	unsigned ver = GET_U8(nd, p);
	if (ver != 0) {
		indent_print(nd, 8);
		ND_STR(nd, "RPKI-RTRv");
		ND_U(nd, ver);
		ND_STR(nd, " (unknown)");
		return len;
	}
	if (len < RTR_HDR_LEN) {
		ND_CHR(nd, '(');
		ND_U(nd, len);
		ND_STR(nd, " bytes is too few to decode)");
		goto invalid;
	}
	unsigned type = GET_U8(nd, p + 1);
	uint32_t pdu_len = GET_BE32(nd, p + 4);
	indent_print(nd, 8);
	ND_STR(nd, "RPKI-RTRv");
	ND_U(nd, ver);
	ND_STR(nd, ", ");
	nd_tok(nd, pdu_names, "Unknown", type);
	ND_STR(nd, " PDU (");
	ND_U(nd, type);
	ND_STR(nd, "), length: ");
	ND_U(nd, pdu_len);
	if (pdu_len < RTR_HDR_LEN || pdu_len > len)
		goto invalid;

	switch (type) {
	case PDU_SERIAL_NOTIFY:
	case PDU_SERIAL_QUERY:
	case PDU_END_OF_DATA: {
		if (pdu_len != RTR_HDR_LEN + 4)
			goto invalid;
		unsigned sid = GET_BE16(nd, p + 2);
		uint32_t serial = GET_BE32(nd, p + 8);
		indent_print(nd, indent + 2);
		ND_STR(nd, "Session ID: 0x");
		out_hex(nd->out, sid, 4);
		ND_STR(nd, ", Serial: ");
		ND_U(nd, serial);
		break;
	}
	case PDU_RESET_QUERY:
	case PDU_CACHE_RESET:
		if (pdu_len != RTR_HDR_LEN)
			goto invalid;
		break;
	case PDU_CACHE_RESPONSE: {
		if (pdu_len != RTR_HDR_LEN)
			goto invalid;
		unsigned sid = GET_BE16(nd, p + 2);
		indent_print(nd, indent + 2);
		ND_STR(nd, "Session ID: 0x");
		out_hex(nd->out, sid, 4);
		break;
	}
	case PDU_IPV4_PREFIX:
		if (pdu_len != RTR_HDR_LEN + 12)
			goto invalid;
		prefix_pdu_print(nd, p, indent, 0);
		break;
	case PDU_IPV6_PREFIX:
		if (pdu_len != RTR_HDR_LEN + 24)
			goto invalid;
		prefix_pdu_print(nd, p, indent, 1);
		break;
	case PDU_ERROR_REPORT: {
		unsigned tlen = RTR_HDR_LEN;
		if (pdu_len < tlen + 4)
			goto invalid;
		uint32_t encap_len = GET_BE32(nd, p + 8);
		tlen += 4;
		unsigned code = GET_BE16(nd, p + 2);
		indent_print(nd, indent + 2);
		ND_STR(nd, "Error code: ");
		nd_tok(nd, error_names, "Unknown", code);
		ND_STR(nd, " (");
		ND_U(nd, code);
		ND_STR(nd, "), Encapsulated PDU length: ");
		ND_U(nd, encap_len);
		if (encap_len) {
			/* only the two outermost layers are decoded */
			if (pdu_len < tlen + encap_len)
				goto invalid;
			if (!recurse) {
				nd_need(nd, p, tlen + encap_len);
			} else {
				indent_print(nd, indent + 4);
				ND_STR(nd, "-----encapsulated PDU-----");
				pdu_print(nd, p + tlen, encap_len, 0, indent + 2);
			}
			tlen += encap_len;
		}
		if (pdu_len < tlen + 4)
			goto invalid;
		uint32_t text_len = GET_BE32(nd, p + tlen);
		tlen += 4;
		if (text_len) {
			if (pdu_len < tlen + text_len)
				goto invalid;
			indent_print(nd, indent + 2);
			ND_STR(nd, "Error text: ");
			nd_printjn(nd, p + tlen, text_len);
		}
		break;
	}
	default:
		nd_need(nd, p, pdu_len);
		hexdump = 1;
		break;
	}
	if (nd->o->vflag > 1 || (nd->o->vflag && hexdump))
		nd_print_unknown_data(nd, p, "\n\t  ", pdu_len);
	return pdu_len;

invalid:
	nd_print_invalid(nd);
	nd_need(nd, p, len);
	return len;
}

void rpki_rtr_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "rpki_rtr";
	if (!nd->o->vflag) {
		ND_STR(nd, ", RPKI-RTR");
		return;
	}
	while (len) {
		unsigned used = pdu_print(nd, p, len, 1, 8);
		len -= used;
		p += used;
	}
}
