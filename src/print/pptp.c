/*
 * pptp.c - Point-to-Point Tunneling Protocol control connection (RFC 2637),
 * TCP port 1723.
 *
 *   +-------------------------------+-------------------------------+
 *   |            Length             |       PPTP Message Type       |
 *   +-------------------------------+-------------------------------+
 *   |                         Magic Cookie                          |
 *   +-------------------------------+-------------------------------+
 *   |     Control Message Type      |           Reserved0           |
 *   +-------------------------------+-------------------------------+
 *   |               message body (depends on the type)              |
 *
 * Each message body is described by a table of fields, printed in order;
 * fixed text fields (host name, vendor, phone numbers) are printed up to
 * their first NUL.
 */
#include "nd.h"

#define PPTP_MAGIC 0x1a2b3c4du

enum {
	SCCRQ = 1, SCCRP, STOPCCRQ, STOPCCRP, ECHORQ, ECHORP, OCRQ, OCRP,
	ICRQ, ICRP, ICCN, CCRQ, CDN, WEN, SLI
};

static const char *const pptp_msgtype[] = {
	"NOT_DEFINED", "SCCRQ", "SCCRP", "StopCCRQ", "StopCCRP", "ECHORQ",
	"ECHORP", "OCRQ", "OCRP", "ICRQ", "ICRP", "ICCN", "CCRQ", "CDN", "WEN", "SLI",
};

/* Field kinds of the message tables. */
enum fkind {
	F_END,
	F_U16,     /* " NAME(%u)" 16 bits */
	F_U32,     /* " NAME(%u)" 32 bits */
	F_HEX32,   /* " NAME(0x%08x)" */
	F_RSV8,    /* reserved 8 bits: complain when not zero */
	F_RSV16,   /* reserved 16 bits */
	F_VER,     /* " PROTO_VER(v.r)" */
	F_RESULT,  /* 8-bit result code, text with -v from the message's table */
	F_ERR,     /* 8-bit error code, text with -v */
	F_FRAMECAP,
	F_BEARERCAP,
	F_BTYPE,   /* bearer type A/D/Any */
	F_FTYPE,   /* framing type A/S/E */
	F_REASON,  /* StopCCRQ reason */
	F_TEXT,    /* fixed-size text; size in 'size' */
};

struct pfield {
	uint8_t kind;
	uint8_t size;     /* bytes the field takes */
	const char *name;
};

#define U16(n) {F_U16, 2, n}
#define U32(n) {F_U32, 4, n}
#define RSV8 {F_RSV8, 1, NULL}
#define RSV16 {F_RSV16, 2, NULL}
#define TEXT(n, sz) {F_TEXT, sz, n}
#define END {F_END, 0, NULL}

static const struct pfield f_sccrq[] = {
	{F_VER, 2, NULL}, RSV16, {F_FRAMECAP, 4, NULL}, {F_BEARERCAP, 4, NULL},
	U16("MAX_CHAN"), U16("FIRM_REV"), TEXT("HOSTNAME", 64), TEXT("VENDOR", 64), END};
static const struct pfield f_sccrp[] = {
	{F_VER, 2, NULL}, {F_RESULT, 1, NULL}, {F_ERR, 1, NULL}, {F_FRAMECAP, 4, NULL},
	{F_BEARERCAP, 4, NULL}, U16("MAX_CHAN"), U16("FIRM_REV"), TEXT("HOSTNAME", 64),
	TEXT("VENDOR", 64), END};
static const struct pfield f_stopccrq[] = {{F_REASON, 1, NULL}, RSV8, RSV16, END};
static const struct pfield f_stopccrp[] = {{F_RESULT, 1, NULL}, {F_ERR, 1, NULL}, RSV16, END};
static const struct pfield f_echorq[] = {U32("ID"), END};
static const struct pfield f_echorp[] = {
	U32("ID"), {F_RESULT, 1, NULL}, {F_ERR, 1, NULL}, RSV16, END};
static const struct pfield f_ocrq[] = {
	U16("CALL_ID"), U16("CALL_SER_NUM"), U32("MIN_BPS"), U32("MAX_BPS"),
	{F_BTYPE, 4, NULL}, {F_FTYPE, 4, NULL}, U16("RECV_WIN"), U16("PROC_DELAY"),
	U16("PHONE_NO_LEN"), RSV16, TEXT("PHONE_NO", 64), TEXT("SUB_ADDR", 64), END};
static const struct pfield f_ocrp[] = {
	U16("CALL_ID"), U16("PEER_CALL_ID"), {F_RESULT, 1, NULL}, {F_ERR, 1, NULL},
	U16("CAUSE_CODE"), U32("CONN_SPEED"), U16("RECV_WIN"), U16("PROC_DELAY"),
	U32("PHY_CHAN_ID"), END};
static const struct pfield f_icrq[] = {
	U16("CALL_ID"), U16("CALL_SER_NUM"), {F_BTYPE, 4, NULL}, U32("PHY_CHAN_ID"),
	U16("DIALED_NO_LEN"), U16("DIALING_NO_LEN"), TEXT("DIALED_NO", 64),
	TEXT("DIALING_NO", 64), TEXT("SUB_ADDR", 64), END};
static const struct pfield f_icrp[] = {
	U16("CALL_ID"), U16("PEER_CALL_ID"), {F_RESULT, 1, NULL}, {F_ERR, 1, NULL},
	U16("RECV_WIN"), U16("PROC_DELAY"), RSV16, END};
static const struct pfield f_iccn[] = {
	U16("PEER_CALL_ID"), RSV16, U32("CONN_SPEED"), U16("RECV_WIN"), U16("PROC_DELAY"),
	{F_FTYPE, 4, NULL}, END};
static const struct pfield f_ccrq[] = {U16("CALL_ID"), RSV16, END};
static const struct pfield f_cdn[] = {
	U16("CALL_ID"), {F_RESULT, 1, NULL}, {F_ERR, 1, NULL}, U16("CAUSE_CODE"), RSV16,
	TEXT("CALL_STATS", 128), END};
static const struct pfield f_wen[] = {
	U16("PEER_CALL_ID"), RSV16, U32("CRC_ERR"), U32("FRAMING_ERR"),
	U32("HARDWARE_OVERRUN"), U32("BUFFER_OVERRUN"), U32("TIMEOUT_ERR"), U32("ALIGN_ERR"), END};
static const struct pfield f_sli[] = {
	U16("PEER_CALL_ID"), RSV16, {F_HEX32, 4, "SEND_ACCM"}, {F_HEX32, 4, "RECV_ACCM"}, END};

static const struct pfield *const pptp_fields[] = {
	NULL, f_sccrq, f_sccrp, f_stopccrq, f_stopccrp, f_echorq, f_echorp, f_ocrq,
	f_ocrp, f_icrq, f_icrp, f_iccn, f_ccrq, f_cdn, f_wen, f_sli,
};

static const struct tok pptp_btype[] = {{1, "A"}, {2, "D"}, {3, "Any"}, {0, NULL}};
static const struct tok pptp_ftype[] = {{1, "A"}, {2, "S"}, {3, "E"}, {0, NULL}};
static const struct tok pptp_errcode[] = {
	{0, "None"}, {1, "Not-Connected"}, {2, "Bad-Format"}, {3, "Bad-Value"},
	{4, "No-Resource"}, {5, "Bad-Call-ID"}, {6, "PAC-Error"}, {0, NULL}};
static const struct tok pptp_sccrp_result[] = {
	{1, "Successful channel establishment"}, {2, "General error"},
	{3, "Command channel already exists"},
	{4, "Requester is not authorized to establish a command channel"},
	{5, "The protocol version of the requester is not supported"}, {0, NULL}};
static const struct tok pptp_echorp_result[] = {{1, "OK"}, {2, "General Error"}, {0, NULL}};
static const struct tok pptp_ocrp_result[] = {
	{1, "Connected"}, {2, "General Error"}, {3, "No Carrier"}, {4, "Busy"},
	{5, "No Dial Tone"}, {6, "Time-out"}, {7, "Do Not Accept"}, {0, NULL}};
static const struct tok pptp_icrp_result[] = {
	{1, "Connect"}, {2, "General Error"}, {3, "Do Not Accept"}, {0, NULL}};
static const struct tok pptp_cdn_result[] = {
	{1, "Lost Carrier"}, {2, "General Error"}, {3, "Admin Shutdown"}, {4, "Request"}, {0, NULL}};
static const struct tok pptp_stop_reason[] = {
	{1, "None"}, {2, "Stop-Protocol"}, {3, "Stop-Local-Shutdown"}, {0, NULL}};

static const struct tok *result_table(unsigned type)
{
	switch (type) {
	case SCCRP: return pptp_sccrp_result;
	case STOPCCRP:
	case ECHORP: return pptp_echorp_result;
	case OCRP: return pptp_ocrp_result;
	case ICRP: return pptp_icrp_result;
	case CDN: return pptp_cdn_result;
	default: return NULL;
	}
}

static void pptp_reserved(struct nd *nd, uint32_t v)
{
	if (v) {
		ND_STR(nd, " [ERROR: reserved=");
		ND_U(nd, v);
		ND_STR(nd, " must be zero]");
	}
}

/* " NAME(code[:text])": the text only with -v. */
static void pptp_code(struct nd *nd, const char *name, uint8_t v, const struct tok *t)
{
	ND_CHR(nd, ' ');
	ND_STR(nd, name);
	ND_CHR(nd, '(');
	ND_U(nd, v);
	if (nd->o->vflag && t) {
		ND_CHR(nd, ':');
		nd_tok(nd, t, "?", v);
	}
	ND_CHR(nd, ')');
}

static int pptp_field(struct nd *nd, const struct pfield *f, const uint8_t *p, unsigned type)
{
	uint32_t v;
	switch (f->kind) {
	case F_U16:
	case F_U32:
	case F_HEX32:
		v = f->size == 2 ? GET_BE16(nd, p) : GET_BE32(nd, p);
		ND_CHR(nd, ' ');
		ND_STR(nd, f->name);
		if (f->kind == F_HEX32) {
			ND_STR(nd, "(0x");
			out_hex(nd->out, v, 8);
		} else {
			ND_CHR(nd, '(');
			ND_U(nd, v);
		}
		ND_CHR(nd, ')');
		break;
	case F_RSV8:
		pptp_reserved(nd, GET_U8(nd, p));
		break;
	case F_RSV16:
		pptp_reserved(nd, GET_BE16(nd, p));
		break;
	case F_VER:
		v = GET_BE16(nd, p);
		ND_STR(nd, " PROTO_VER(");
		ND_U(nd, v >> 8);
		ND_CHR(nd, '.');
		ND_U(nd, v & 0xff);
		ND_CHR(nd, ')');
		break;
	case F_RESULT:
		pptp_code(nd, "RESULT_CODE", GET_U8(nd, p), result_table(type));
		break;
	case F_ERR:
		pptp_code(nd, "ERR_CODE", GET_U8(nd, p), pptp_errcode);
		break;
	case F_REASON:
		pptp_code(nd, "REASON", GET_U8(nd, p), pptp_stop_reason);
		break;
	case F_FRAMECAP:
		v = GET_BE32(nd, p);
		ND_STR(nd, " FRAME_CAP(");
		if (v & 1)
			ND_CHR(nd, 'A');
		if (v & 2)
			ND_CHR(nd, 'S');
		ND_CHR(nd, ')');
		break;
	case F_BEARERCAP:
		v = GET_BE32(nd, p);
		ND_STR(nd, " BEARER_CAP(");
		if (v & 2)
			ND_CHR(nd, 'D');
		if (v & 1)
			ND_CHR(nd, 'A');
		ND_CHR(nd, ')');
		break;
	case F_BTYPE:
	case F_FTYPE:
		v = GET_BE32(nd, p);
		ND_STR(nd, f->kind == F_BTYPE ? " BEARER_TYPE(" : " FRAME_TYPE(");
		nd_tok(nd, f->kind == F_BTYPE ? pptp_btype : pptp_ftype, "?", v);
		ND_CHR(nd, ')');
		break;
	case F_TEXT:
		/* printable up to the first NUL, others escaped; checked byte by byte */
		ND_CHR(nd, ' ');
		ND_STR(nd, f->name);
		ND_CHR(nd, '(');
		nd_printn(nd, p, f->size);
		ND_CHR(nd, ')');
		break;
	default:
		break;
	}
	return 1;
}

void pptp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)len;
	nd->protocol = "pptp";
	ND_STR(nd, ": pptp");
	if (nd->o->vflag) {
		ND_STR(nd, " Length=");
		ND_U(nd, GET_BE16(nd, p));
		uint16_t mt = GET_BE16(nd, p + 2);
		ND_STR(nd, mt == 1 ? " CTRL-MSG" : mt == 2 ? " MGMT-MSG" : " UNKNOWN-MSG-TYPE");
	}
	uint32_t mc = GET_BE32(nd, p + 4);
	if (mc != PPTP_MAGIC) {
		ND_STR(nd, " UNEXPECTED Magic-Cookie!!(");
		out_hex(nd->out, mc, 8);
		ND_CHR(nd, ')');
	}
	if (nd->o->vflag || mc != PPTP_MAGIC) {
		ND_STR(nd, " Magic-Cookie=");
		out_hex(nd->out, mc, 8);
	}
	uint16_t type = GET_BE16(nd, p + 8);
	if (type < sizeof pptp_msgtype / sizeof pptp_msgtype[0]) {
		ND_STR(nd, " CTRL_MSGTYPE=");
		ND_STR(nd, pptp_msgtype[type]);
	} else {
		ND_STR(nd, " UNKNOWN_CTRL_MSGTYPE(");
		ND_U(nd, type);
		ND_CHR(nd, ')');
	}
	pptp_reserved(nd, GET_BE16(nd, p + 10));
	if (type >= sizeof pptp_fields / sizeof pptp_fields[0] || !pptp_fields[type])
		return;
	const uint8_t *q = p + 12;
	for (const struct pfield *f = pptp_fields[type]; f->kind != F_END; q += f->size, f++)
		if (!pptp_field(nd, f, q, type))
			return;
}
