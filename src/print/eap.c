/*
 * eap.c - 802.1X EAPOL frames (IEEE 802.1X, ethertype 0x888e) and the EAP
 * packets they carry (RFC 3748), as tcpdump 4.99 prints them.
 *
 *   EAPOL: +---------+------+-----------+      EAP: +------+----+-----------+------+
 *          | version | type | length(2) |           | code | id | length(2) | type |
 *          +---------+------+-----------+           +------+----+-----------+------+
 *   The -v form adds the EAP header and, for requests and responses, the
 *   method type with a few method details (identity, TLS flags, SIM/AKA subtype).
 */
#include "lan.h"

static const struct tok eapol_type_names[] = {
	{0, "EAP packet"}, {1, "EAPOL start"}, {2, "EAPOL logoff"},
	{3, "EAPOL key"},  {4, "Encapsulated ASF alert"}, {0, NULL},
};

static const struct tok eap_code_names[] = {
	{1, "Request"}, {2, "Response"}, {3, "Success"}, {4, "Failure"}, {0, NULL},
};

static const struct tok eap_method_names[] = {
	{0, "No proposed"}, {1, "Identity"}, {2, "Notification"}, {3, "Nak"},
	{4, "MD5-challenge"}, {5, "OTP"}, {6, "GTC"}, {13, "TLS"}, {18, "SIM"},
	{21, "TTLS"}, {23, "AKA"}, {43, "FAST"}, {254, "Expanded types"},
	{255, "Experimental"}, {0, NULL},
};

static const struct tok eap_tls_flag_names[] = {
	{0x80, "L bit"}, {0x40, "More fragments bit"}, {0x20, "Start bit"}, {0, NULL},
};

static const struct tok eap_aka_subtype_names[] = {
	{1, "Challenge"}, {2, "Auth reject"}, {4, "Sync failure"}, {5, "Identity"},
	{10, "Start"}, {11, "Challenge"}, {12, "Notification"}, {13, "Reauth"},
	{14, "Client error"}, {0, NULL},
};

/* tcpdump's ND_ICHECK_U: " [len 3 < 4] (invalid)"; 1 when the check failed. */
static int eap_len_bad(struct nd *nd, uint32_t len, uint32_t min)
{
	if (len >= min)
		return 0;
	out_fmt(nd->out, " [len %u < %u]", len, min);
	nd_print_invalid(nd);
	return 1;
}

/* The method part of a request or response; p at the EAP header, len its length. */
static void eap_method_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len < 5) {
		ND_STR(nd, " (too short for EAP request/response)");
		return;
	}
	uint8_t method = GET_U8(nd, p + 4);
	ND_STR(nd, "\n\t\t Type ");
	nd_tok(nd, eap_method_names, "unknown", method);
	out_fmt(nd->out, " (%u)", method);
	switch (method) {
	case 1: /* identity: the name is optional */
		if (len > 5) {
			ND_STR(nd, ", Identity: ");
			nd_printn(nd, p + 5, len - 5);
		}
		break;
	case 2: /* notification: at least one byte of message */
		if (len < 6) {
			ND_STR(nd, " (too short for EAP Notification request/response)");
			return;
		}
		ND_STR(nd, ", Notification: ");
		nd_printn(nd, p + 5, len - 5);
		break;
	case 3: /* nak: the desired methods, one byte each */
		if (len < 6) {
			ND_STR(nd, " (too short for EAP Legacy NAK request/response)");
			return;
		}
		for (uint32_t i = 5; i < len; i++) {
			uint8_t t = GET_U8(nd, p + i);
			ND_STR(nd, i == 5 ? " " : ", ");
			nd_tok(nd, eap_method_names, "unknown", t);
			out_fmt(nd->out, " (%u)", t);
		}
		break;
	case 13: /* TLS */
	case 21: /* TTLS */
	case 43: /* FAST */ {
		const char *what = method == 43 ? "FAST" : "TLS/TTLS";
		if (len < 6) {
			out_fmt(nd->out, " (too short for EAP %s request/response)", what);
			return;
		}
		uint8_t f = GET_U8(nd, p + 5);
		if (method == 21)
			out_fmt(nd->out, " TTLSv%u", f & 7);
		else if (method == 43)
			out_fmt(nd->out, " FASTv%u", f & 7);
		ND_STR(nd, " flags [");
		nd_bits(nd, eap_tls_flag_names, f, ", ");
		ND_STR(nd, "] 0x");
		out_hex(nd->out, f, 2);
		if (f & 0x80) {
			if (len < 10) {
				out_fmt(nd->out, " (too short for EAP %s request/response with length)", what);
				return;
			}
			out_fmt(nd->out, ", len %u", GET_BE32(nd, p + 6));
		}
		break;
	}
	case 18: /* SIM */
	case 23: /* AKA */ {
		if (len < 6) {
			ND_STR(nd, " (too short for EAP SIM/AKA request/response)");
			return;
		}
		uint8_t st = GET_U8(nd, p + 5);
		ND_STR(nd, " subtype [");
		nd_tok(nd, eap_aka_subtype_names, "unknown", st);
		ND_STR(nd, "] 0x");
		out_hex(nd->out, st, 2);
		break;
	}
	default:
		break;
	}
}

/* An EAP packet (RFC 3748) of length bytes, as carried by EAPOL. */
static void eap_packet_print(struct nd *nd, const uint8_t *e, uint32_t length)
{
	uint8_t code = GET_U8(nd, e);
	uint16_t elen = GET_BE16(nd, e + 2);
	if (elen != length) { /* a fragment, or a header without its packet */
		ND_STR(nd, "EAP fragment?");
		return;
	}
	if (eap_len_bad(nd, elen, 4))
		return;
	nd_tok(nd, eap_code_names, "unknown", code);
	out_fmt(nd->out, " (%u), id %u, len %u", code, GET_U8(nd, e + 1), elen);
	nd_need(nd, e, elen);
	if (code == 1 || code == 2)
		eap_method_print(nd, e, elen);
}

void eapol_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)len;
	nd->protocol = "eap";
	nd_need(nd, p, 4);
	uint8_t type = GET_U8(nd, p + 1);
	uint16_t plen = GET_BE16(nd, p + 2);
	nd_tok(nd, eapol_type_names, "unknown", type);
	out_fmt(nd->out, " (%u) v%u, len %u", type, GET_U8(nd, p), plen);
	if (!nd->o->vflag || type != 0)
		return;
	if (plen == 0) { /* no EAP packet at all */
		nd_print_trunc(nd);
		return;
	}
	ND_STR(nd, ", ");
	eap_packet_print(nd, p + 4, plen);
}
