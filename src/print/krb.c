/*
 * krb.c - Kerberos, UDP ports 88 and 750, as tcpdump 4.99 prints it.
 *
 * Only the version byte is decoded for v1-v3 and v5; version 4 messages
 * (Athena Technical Plan E.2.1) have this layout:
 *
 *   +------+--------+----------------------------------------------+
 *   | pvno | type+B | message body (NUL-terminated strings, ...)  |
 *   +------+--------+----------------------------------------------+
 *
 * The low bit of the type byte says the sender's byte order (1 = little
 * endian).  Strings are printed up to their NUL; a string that runs to the
 * end of the capture ends the line with " [|krb]".
 */
#include "nd.h"

enum {
	KRB4_KDC_REQUEST = 1 << 1,
	KRB4_KDC_REPLY = 2 << 1,
	KRB4_APPL_REQUEST = 3 << 1,
	KRB4_APPL_REQUEST_MUTUAL = 4 << 1,
	KRB4_ERR_REPLY = 5 << 1,
	KRB4_PRIVATE = 6 << 1,
	KRB4_SAFE = 7 << 1,
	KRB4_APPL_ERR = 8 << 1,
	KRB4_DIE = 63 << 1,
};

static const struct tok krb4_types[] = {
	{KRB4_KDC_REQUEST, "KDC_REQUEST"}, {KRB4_KDC_REPLY, "KDC_REPLY"},
	{KRB4_APPL_REQUEST, "APPL_REQUEST"}, {KRB4_APPL_REQUEST_MUTUAL, "APPL_REQUEST_MUTUAL"},
	{KRB4_ERR_REPLY, "ERR_REPLY"}, {KRB4_PRIVATE, "PRIVATE"}, {KRB4_SAFE, "SAFE"},
	{KRB4_APPL_ERR, "APPL_ERR"}, {KRB4_DIE, "DIE"}, {0, NULL},
};

static const struct tok krb4_errors[] = {
	{0, "OK"}, {1, "NAME_EXP"}, {2, "SERVICE_EXP"}, {3, "AUTH_EXP"}, {4, "PKT_VER"},
	{5, "NAME_MAST_KEY_VER"}, {6, "SERV_MAST_KEY_VER"}, {7, "BYTE_ORDER"},
	{8, "PRINCIPAL_UNKNOWN"}, {9, "PRINCIPAL_NOT_UNIQUE"}, {10, "NULL_KEY"}, {0, NULL},
};

/* A NUL-terminated string, escaped; returns the byte after the NUL, or NULL
 * when the capture ends first (the caller prints the truncation marker). */
static const uint8_t *krb_string(struct nd *nd, const uint8_t *p)
{
	if (!p)
		return NULL;
	for (;;) {
		if (!nd_ok(nd, p, 1))
			return NULL;
		uint8_t c = GET_U8(nd, p);
		p++;
		if (c == 0)
			return p;
		nd_printjn(nd, p - 1, 1);
	}
}

/* name "." instance "@" realm */
static const uint8_t *krb4_principal(struct nd *nd, const uint8_t *p)
{
	p = krb_string(nd, p + 2);
	if (!p)
		return NULL;
	ND_CHR(nd, '.');
	p = krb_string(nd, p);
	if (!p)
		return NULL;
	ND_CHR(nd, '@');
	return krb_string(nd, p);
}

static uint16_t krb4_u16(struct nd *nd, const uint8_t *p, int le)
{
	return le ? GET_LE16(nd, p) : GET_BE16(nd, p);
}

static void krb4_print(struct nd *nd, const uint8_t *p)
{
	uint8_t tb = GET_U8(nd, p + 1);
	int le = tb & 1;
	uint8_t type = tb & 0xfe;
	ND_STR(nd, le ? " le " : " be ");
	nd_tok(nd, krb4_types, "#%u", type);
	ND_STR(nd, ": ");
	switch (type) {
	case KRB4_KDC_REQUEST:
		if (!(p = krb4_principal(nd, p)))
			goto trunc;
		p += 4; /* after the time stamp */
		out_fmt(nd->out, " %umin ", (unsigned)GET_U8(nd, p) * 5);
		if (!(p = krb_string(nd, p + 1)))
			goto trunc;
		ND_CHR(nd, '.');
		if (!krb_string(nd, p))
			goto trunc;
		break;
	case KRB4_APPL_REQUEST:
		p += 2;
		out_fmt(nd->out, "v%u ", GET_U8(nd, p));
		if (!(p = krb_string(nd, p + 1)))
			goto trunc;
		out_fmt(nd->out, " (%u)", GET_U8(nd, p));
		out_fmt(nd->out, " (%u)", GET_U8(nd, p + 1));
		break;
	case KRB4_KDC_REPLY:
		if (!(p = krb4_principal(nd, p)))
			goto trunc;
		p += 10; /* time stamp, n, expiry, kvno */
		out_fmt(nd->out, " (%u)", krb4_u16(nd, p, le));
		break;
	case KRB4_ERR_REPLY:
		if (!(p = krb4_principal(nd, p)))
			goto trunc;
		p += 4;
		ND_CHR(nd, ' ');
		nd_tok(nd, krb4_errors, "#%u", krb4_u16(nd, p, le));
		ND_CHR(nd, ' ');
		if (!krb_string(nd, p + 4))
			goto trunc;
		break;
	default:
		ND_STR(nd, "(unknown)");
		break;
	}
	return;
trunc:
	nd_print_trunc(nd);
}

void krb_print(struct nd *nd, const uint8_t *p)
{
	nd->protocol = "krb";
	uint8_t pvno = GET_U8(nd, p);
	switch (pvno) {
	case 1:
	case 2:
	case 3:
		out_fmt(nd->out, " v%u", pvno);
		break;
	case 4:
		ND_STR(nd, " v4");
		krb4_print(nd, p);
		break;
	case 106:
	case 107:
		ND_STR(nd, " v5");
		break;
	default:
		break;
	}
}
