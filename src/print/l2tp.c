/*
 * l2tp.c - L2TPv2 (RFC 2661), UDP port 1701, as tcpdump 4.99 prints it.
 *
 *   flags+version(2: T L x x S x O P x x x x Ver) [length(2)] tunnel(2)
 *   session(2) [Ns(2) Nr(2)] [offset size(2) offset pad]
 *
 * Control messages (T) carry AVPs: M H rsvd length(10 bits) | vendor(2) |
 * type(2) | value, printed " NAME(value)"; data messages carry a PPP frame,
 * printed inside "{...}".
 */
#include "nd.h"
#include "tunnel.h"

static const struct tok l2tp_msgtypes[] = {
	{1, "SCCRQ"}, {2, "SCCRP"}, {3, "SCCCN"}, {4, "StopCCN"}, {6, "HELLO"}, {7, "OCRQ"},
	{8, "OCRP"}, {9, "OCCN"}, {10, "ICRQ"}, {11, "ICRP"}, {12, "ICCN"}, {14, "CDN"},
	{15, "WEN"}, {16, "SLI"}, {0, NULL},
};

enum {
	A_MSGTYPE, A_RESULT_CODE, A_PROTO_VER, A_FRAMING_CAP, A_BEARER_CAP, A_TIE_BREAKER,
	A_FIRM_VER, A_HOST_NAME, A_VENDOR_NAME, A_ASSND_TUN_ID, A_RECV_WIN_SIZE, A_CHALLENGE,
	A_Q931_CC, A_CHALLENGE_RESP, A_ASSND_SESS_ID, A_CALL_SER_NUM, A_MINIMUM_BPS,
	A_MAXIMUM_BPS, A_BEARER_TYPE, A_FRAMING_TYPE, A_PACKET_PROC_DELAY, A_CALLED_NUMBER,
	A_CALLING_NUMBER, A_SUB_ADDRESS, A_TX_CONN_SPEED, A_PHY_CHANNEL_ID, A_INI_RECV_LCP,
	A_LAST_SENT_LCP, A_LAST_RECV_LCP, A_PROXY_AUTH_TYPE, A_PROXY_AUTH_NAME,
	A_PROXY_AUTH_CHAL, A_PROXY_AUTH_ID, A_PROXY_AUTH_RESP, A_CALL_ERRORS, A_ACCM,
	A_RANDOM_VECTOR, A_PRIVATE_GRP_ID, A_RX_CONN_SPEED, A_SEQ_REQUIRED,
	A_PPP_DISCON_CC = 46,
};

static const struct tok l2tp_avps[] = {
	{A_MSGTYPE, "MSGTYPE"}, {A_RESULT_CODE, "RESULT_CODE"}, {A_PROTO_VER, "PROTO_VER"},
	{A_FRAMING_CAP, "FRAMING_CAP"}, {A_BEARER_CAP, "BEARER_CAP"},
	{A_TIE_BREAKER, "TIE_BREAKER"}, {A_FIRM_VER, "FIRM_VER"}, {A_HOST_NAME, "HOST_NAME"},
	{A_VENDOR_NAME, "VENDOR_NAME"}, {A_ASSND_TUN_ID, "ASSND_TUN_ID"},
	{A_RECV_WIN_SIZE, "RECV_WIN_SIZE"}, {A_CHALLENGE, "CHALLENGE"}, {A_Q931_CC, "Q931_CC"},
	{A_CHALLENGE_RESP, "CHALLENGE_RESP"}, {A_ASSND_SESS_ID, "ASSND_SESS_ID"},
	{A_CALL_SER_NUM, "CALL_SER_NUM"}, {A_MINIMUM_BPS, "MINIMUM_BPS"},
	{A_MAXIMUM_BPS, "MAXIMUM_BPS"}, {A_BEARER_TYPE, "BEARER_TYPE"},
	{A_FRAMING_TYPE, "FRAMING_TYPE"}, {A_PACKET_PROC_DELAY, "PACKET_PROC_DELAY"},
	{A_CALLED_NUMBER, "CALLED_NUMBER"}, {A_CALLING_NUMBER, "CALLING_NUMBER"},
	{A_SUB_ADDRESS, "SUB_ADDRESS"}, {A_TX_CONN_SPEED, "TX_CONN_SPEED"},
	{A_PHY_CHANNEL_ID, "PHY_CHANNEL_ID"}, {A_INI_RECV_LCP, "INI_RECV_LCP"},
	{A_LAST_SENT_LCP, "LAST_SENT_LCP"}, {A_LAST_RECV_LCP, "LAST_RECV_LCP"},
	{A_PROXY_AUTH_TYPE, "PROXY_AUTH_TYPE"}, {A_PROXY_AUTH_NAME, "PROXY_AUTH_NAME"},
	{A_PROXY_AUTH_CHAL, "PROXY_AUTH_CHAL"}, {A_PROXY_AUTH_ID, "PROXY_AUTH_ID"},
	{A_PROXY_AUTH_RESP, "PROXY_AUTH_RESP"}, {A_CALL_ERRORS, "CALL_ERRORS"},
	{A_ACCM, "ACCM"}, {A_RANDOM_VECTOR, "RANDOM_VECTOR"},
	{A_PRIVATE_GRP_ID, "PRIVATE_GRP_ID"}, {A_RX_CONN_SPEED, "RX_CONN_SPEED"},
	{A_SEQ_REQUIRED, "SEQ_REQUIRED"}, {A_PPP_DISCON_CC, "PPP_DISCON_CC"}, {0, NULL},
};

static const struct tok l2tp_authtypes[] = {
	{0, "Reserved"}, {1, "Textual"}, {2, "CHAP"}, {3, "PAP"}, {4, "No Auth"},
	{5, "MS-CHAPv1"}, {0, NULL},
};

static const struct tok l2tp_cc_dirs[] = {
	{0, "global error"}, {1, "at peer"}, {2, "at local"}, {0, NULL},
};

#define TOO_SHORT "AVP too short"

static void l2tp_octets(struct nd *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		out_hex(nd->out, GET_U8(nd, p + i), 2);
}

/* A 32-bit mask as letters: hi names bit 1, lo bit 0. */
static void l2tp_bits2(struct nd *nd, const uint8_t *p, unsigned len, char hi, char lo)
{
	if (len < 4) {
		ND_STR(nd, TOO_SHORT);
		return;
	}
	uint32_t v = GET_BE32(nd, p);
	if (v & 2)
		ND_CHR(nd, hi);
	if (v & 1)
		ND_CHR(nd, lo);
}

static void l2tp_result_code(struct nd *nd, const uint8_t *p, unsigned len)
{
	if (len < 2) {
		ND_STR(nd, TOO_SHORT);
		return;
	}
	ND_U(nd, GET_BE16(nd, p));
	p += 2;
	len -= 2;
	if (len == 0)
		return;
	if (len < 2) {
		ND_STR(nd, " " TOO_SHORT);
		return;
	}
	out_fmt(nd->out, "/%u", GET_BE16(nd, p));
	p += 2;
	len -= 2;
	if (len == 0)
		return;
	ND_CHR(nd, ' ');
	nd_printjn(nd, p, len);
}

static void l2tp_call_errors(struct nd *nd, const uint8_t *p, unsigned len)
{
	static const char *const names[] = {"CRCErr", "FrameErr", "HardOver", "BufOver", "Timeout",
					    "AlignErr"};
	if (len < 2) {
		ND_STR(nd, TOO_SHORT);
		return;
	}
	p += 2; /* reserved */
	len -= 2;
	for (unsigned i = 0; i < 6; i++) {
		if (len < 4) {
			ND_STR(nd, TOO_SHORT);
			return;
		}
		out_fmt(nd->out, "%s=%u ", names[i], GET_BE32(nd, p));
		p += 4;
		len -= 4;
	}
}

static void l2tp_accm(struct nd *nd, const uint8_t *p, unsigned len)
{
	if (len < 2) {
		ND_STR(nd, TOO_SHORT);
		return;
	}
	p += 2; /* reserved */
	len -= 2;
	if (len < 4) {
		ND_STR(nd, TOO_SHORT);
		return;
	}
	out_fmt(nd->out, "send=%08x ", GET_BE32(nd, p));
	p += 4;
	len -= 4;
	if (len < 4) {
		ND_STR(nd, TOO_SHORT);
		return;
	}
	out_fmt(nd->out, "recv=%08x ", GET_BE32(nd, p));
}

static void l2tp_ppp_discon_cc(struct nd *nd, const uint8_t *p, unsigned len)
{
	if (len < 5) {
		ND_STR(nd, TOO_SHORT);
		return;
	}
	out_fmt(nd->out, "%04x, ", GET_BE16(nd, p));
	out_fmt(nd->out, "%04x ", GET_BE16(nd, p + 2));
	nd_tok(nd, l2tp_cc_dirs, "Direction-#%u", GET_U8(nd, p + 4));
	if (len > 5) {
		ND_CHR(nd, ' ');
		nd_printjn(nd, p + 5, len - 5);
	}
}

static void l2tp_avp_value(struct nd *nd, unsigned type, const uint8_t *p, unsigned len)
{
	switch (type) {
	case A_MSGTYPE:
		if (len < 2)
			ND_STR(nd, TOO_SHORT);
		else
			nd_tok(nd, l2tp_msgtypes, "MSGTYPE-#%u", GET_BE16(nd, p));
		break;
	case A_RESULT_CODE:
		l2tp_result_code(nd, p, len);
		break;
	case A_PROTO_VER:
		if (len < 2)
			ND_STR(nd, TOO_SHORT);
		else
			out_fmt(nd->out, "%u.%u", GET_U8(nd, p), GET_U8(nd, p + 1));
		break;
	case A_FRAMING_CAP:
	case A_FRAMING_TYPE:
		l2tp_bits2(nd, p, len, 'A', 'S');
		break;
	case A_BEARER_CAP:
	case A_BEARER_TYPE:
		l2tp_bits2(nd, p, len, 'A', 'D');
		break;
	case A_TIE_BREAKER:
		if (len < 8)
			ND_STR(nd, TOO_SHORT);
		else
			l2tp_octets(nd, p, 8);
		break;
	case A_FIRM_VER:
	case A_ASSND_TUN_ID:
	case A_RECV_WIN_SIZE:
	case A_ASSND_SESS_ID:
		if (len < 2)
			ND_STR(nd, TOO_SHORT);
		else
			ND_U(nd, GET_BE16(nd, p));
		break;
	case A_HOST_NAME:
	case A_VENDOR_NAME:
	case A_CALLING_NUMBER:
	case A_CALLED_NUMBER:
	case A_SUB_ADDRESS:
	case A_PROXY_AUTH_NAME:
	case A_PRIVATE_GRP_ID:
		nd_printjn(nd, p, len);
		break;
	case A_CHALLENGE:
	case A_INI_RECV_LCP:
	case A_LAST_SENT_LCP:
	case A_LAST_RECV_LCP:
	case A_PROXY_AUTH_CHAL:
	case A_PROXY_AUTH_RESP:
	case A_RANDOM_VECTOR:
		l2tp_octets(nd, p, len);
		break;
	case A_Q931_CC:
		if (len < 3) {
			ND_STR(nd, TOO_SHORT);
			break;
		}
		out_fmt(nd->out, "%u, %02x", GET_BE16(nd, p), GET_U8(nd, p + 2));
		if (len > 3) {
			ND_CHR(nd, ' ');
			nd_printjn(nd, p + 3, len - 3);
		}
		break;
	case A_CHALLENGE_RESP:
		if (len < 16)
			ND_STR(nd, TOO_SHORT);
		else
			l2tp_octets(nd, p, 16);
		break;
	case A_CALL_SER_NUM:
	case A_MINIMUM_BPS:
	case A_MAXIMUM_BPS:
	case A_TX_CONN_SPEED:
	case A_PHY_CHANNEL_ID:
	case A_RX_CONN_SPEED:
		if (len < 4)
			ND_STR(nd, TOO_SHORT);
		else
			ND_U(nd, GET_BE32(nd, p));
		break;
	case A_PACKET_PROC_DELAY:
		ND_STR(nd, "obsolete");
		break;
	case A_PROXY_AUTH_TYPE:
		if (len < 2)
			ND_STR(nd, TOO_SHORT);
		else
			nd_tok(nd, l2tp_authtypes, "AuthType-#%u", GET_BE16(nd, p));
		break;
	case A_PROXY_AUTH_ID:
		if (len < 2)
			ND_STR(nd, TOO_SHORT);
		else
			ND_U(nd, GET_BE16(nd, p) & 0xff);
		break;
	case A_CALL_ERRORS:
		l2tp_call_errors(nd, p, len);
		break;
	case A_ACCM:
		l2tp_accm(nd, p, len);
		break;
	case A_PPP_DISCON_CC:
		l2tp_ppp_discon_cc(nd, p, len);
		break;
	default: /* SEQ_REQUIRED has no value; others are not decoded */
		break;
	}
}

/* One AVP; returns its length, or 0 when it does not fit (marker printed). */
static unsigned l2tp_avp(struct nd *nd, const uint8_t *p, unsigned length)
{
	ND_CHR(nd, ' ');
	uint16_t fl = GET_BE16(nd, p); /* tcpdump's GET: a longjmp */
	unsigned len = fl & 0x03ff;
	if (len < 6 || len > length || !nd_ok(nd, p, len))
		goto trunc;
	if (fl & 0x8000)
		ND_CHR(nd, '*');
	if (fl & 0x4000)
		ND_CHR(nd, '?');
	uint16_t vendor = GET_BE16(nd, p + 2), type = GET_BE16(nd, p + 4);
	if (vendor) {
		out_fmt(nd->out, "VENDOR%04x:ATTR%04x(", vendor, type);
		l2tp_octets(nd, p + 6, len - 6);
		ND_CHR(nd, ')');
		return len;
	}
	nd_tok(nd, l2tp_avps, "AVP-#%u", type);
	ND_CHR(nd, '(');
	if (fl & 0x4000)
		ND_STR(nd, "???");
	else
		l2tp_avp_value(nd, type, p + 6, len - 6);
	ND_CHR(nd, ')');
	return len;
trunc:
	nd_print_trunc(nd);
	return 0;
}

void l2tp_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "l2tp";
	uint32_t cnt = 0, l2tp_len = 0;
	uint16_t fl = GET_BE16(nd, p);
	if ((fl & 0x000f) == 2) {
		ND_STR(nd, " l2tp:");
	} else if ((fl & 0x000f) == 1) {
		ND_STR(nd, " l2f:");
		return;
	} else {
		ND_STR(nd, " Unknown Version, neither L2F(1) nor L2TP(2)");
		return;
	}
	ND_CHR(nd, '[');
	if (fl & 0x8000)
		ND_CHR(nd, 'T');
	if (fl & 0x4000)
		ND_CHR(nd, 'L');
	if (fl & 0x0800)
		ND_CHR(nd, 'S');
	if (fl & 0x0200)
		ND_CHR(nd, 'O');
	if (fl & 0x0100)
		ND_CHR(nd, 'P');
	ND_CHR(nd, ']');
	p += 2;
	cnt += 2;
	if (fl & 0x4000) {
		l2tp_len = GET_BE16(nd, p);
		p += 2;
		cnt += 2;
	}
	out_fmt(nd->out, "(%u/", GET_BE16(nd, p));
	out_fmt(nd->out, "%u)", GET_BE16(nd, p + 2));
	p += 4;
	cnt += 4;
	if (fl & 0x0800) {
		out_fmt(nd->out, "Ns=%u,", GET_BE16(nd, p));
		out_fmt(nd->out, "Nr=%u", GET_BE16(nd, p + 2));
		p += 4;
		cnt += 4;
	}
	if (fl & 0x0200) {
		uint16_t pad = GET_BE16(nd, p);
		p += 2 + pad;
		cnt += 2u + pad;
	}
	if (fl & 0x4000) {
		if (length < l2tp_len) {
			out_fmt(nd->out, " Length %u larger than packet", l2tp_len);
			return;
		}
		length = l2tp_len;
	}
	if (length < cnt) {
		out_fmt(nd->out, " Length %u smaller than header length", length);
		return;
	}
	if (fl & 0x8000) {
		if (!(fl & 0x4000)) {
			ND_STR(nd, " No length");
			return;
		}
		if (length == cnt) {
			ND_STR(nd, " ZLB");
			return;
		}
		while (length > cnt) {
			unsigned n = l2tp_avp(nd, p, length - cnt);
			if (n == 0)
				break;
			cnt += n;
			p += n;
		}
	} else {
		ND_STR(nd, " {");
		ppp_print(nd, p, length - cnt);
		ND_CHR(nd, '}');
	}
}
