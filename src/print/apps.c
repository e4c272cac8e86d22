/*
 * apps.c - small application printers over UDP and TCP, as tcpdump 4.99
 * prints them:
 *
 *   timed (UDP 525)      TSP: type(1) vers(1) seq(2) time(8)|hopcnt(1) name[256]
 *   Zephyr (UDP 2103/4)  NUL-terminated text fields: "ZEPH0.2", numfields,
 *                        kind, uid, port, auth, authlen, authdata, class,
 *                        instance, opcode, sender, recipient, format, ...
 *   VQP (UDP 1589)       version(1) type(1) error(1) nitems(1) seq(4), then
 *                        items: type(4) length(2) value
 *   LWAPP (UDP 12222 data, 12223 control; the control port has a 6-byte AP
 *                        identity first)  flags(1) frag-id(1) length(2)
 *                        status(2), then control messages: type(1) seq(1)
 *                        length(2) session(4)
 *   telnet (TCP 23)      IAC commands and option negotiation at the start
 *   BEEP (TCP 10288)     the frame keyword
 *   MSDP (TCP 639)       type(1) length(2) TLVs
 */
#include "apps.h"

#include <limits.h>
#include <string.h>

/* ---- timed ---- */

static const char *const tsp_types[] = {
	"ANY", "ADJTIME", "ACK", "MASTERREQ", "MASTERACK", "SETTIME", "MASTERUP", "SLAVEUP",
	"ELECTION", "ACCEPT", "REFUSE", "CONFLICT", "RESOLVE", "QUIT", "DATE", "DATEREQ", "DATEACK",
	"TRACEON", "TRACEOFF", "MSITE", "MSITEREQ", "TEST", "SETDATE", "SETDATEREQ", "LOOP",
};
#define TSP_NTYPES (sizeof tsp_types / sizeof tsp_types[0])

void timed_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)len;
	nd->protocol = "timed";
	unsigned type = GET_U8(nd, p);
	if (type < TSP_NTYPES)
		out_fmt(nd->out, "TSP_%s", tsp_types[type]);
	else
		out_fmt(nd->out, "(tsp_type %#x)", type);
	out_fmt(nd->out, " vers %u", GET_U8(nd, p + 1));
	out_fmt(nd->out, " seq %u", GET_BE16(nd, p + 2));
	if (type == 24) { /* LOOP */
		out_fmt(nd->out, " hopcnt %u", GET_U8(nd, p + 4));
	} else if (type == 1 || type == 5 || type == 22 || type == 23) {
		int32_t sec = (int32_t)GET_BE32(nd, p + 4), usec = (int32_t)GET_BE32(nd, p + 8);
		if (usec < 0)
			return; /* tcpdump skips the rest */
		ND_STR(nd, " time ");
		if (sec < 0 && usec != 0) {
			sec++;
			if (sec == 0)
				ND_CHR(nd, '-');
			usec = 1000000 - usec;
		}
		out_fmt(nd->out, "%d.%06d", sec, usec);
	}
	ND_STR(nd, " name ");
	nd_printn(nd, p + 12, 256);
}

/* ---- Zephyr ---- */

/* A NUL-terminated field in the packet: its start, and it is wholly captured. */
struct zfield {
	const uint8_t *s;
};

/* The field at *pp; 0 when the message ends first (truncation longjmps). */
static int z_parse(struct nd *nd, const uint8_t **pp, uint32_t *left, struct zfield *f)
{
	f->s = *pp;
	for (;;) {
		if (*left == 0)
			return 0;
		if (GET_U8(nd, *pp) == 0)
			break;
		(*pp)++;
		(*left)--;
	}
	(*pp)++;
	(*left)--;
	return 1;
}

/* strcmp(field, s) == 0 (the field's bytes up to its NUL are captured). */
static int z_eq(const struct zfield *f, const char *s)
{
	size_t i = 0;
	for (; s[i]; i++)
		if (f->s[i] != (uint8_t)s[i])
			return 0;
	return f->s[i] == 0;
}

/* strncmp(p, s, n) == 0 on a NUL-terminated field. */
static int z_neq(const uint8_t *p, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] != (uint8_t)s[i])
			return 0;
		if (p[i] == 0)
			return 1;
	}
	return 1;
}

/* strtol(field, 0, 16) cast to int, as tcpdump reads Zephyr's numbers. */
static int z_int(const struct zfield *f)
{
	const uint8_t *p = f->s;
	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	int neg = 0;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (p[0] == '0' && (p[1] | 0x20) == 'x') {
		uint8_t c = p[2];
		if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'))
			p += 2;
	}
	unsigned long v = 0;
	int over = 0;
	for (;; p++) {
		unsigned d;
		uint8_t c = *p;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			d = (unsigned)(c | 0x20) - 'a' + 10;
		else
			break;
		if (v > (ULONG_MAX - d) / 16)
			over = 1;
		else
			v = v * 16 + d;
	}
	long r;
	if (neg)
		r = (over || v > (unsigned long)LONG_MAX + 1) ? LONG_MIN : (long)(0 - v);
	else
		r = (over || v > (unsigned long)LONG_MAX) ? LONG_MAX : (long)v;
	return (int)(unsigned int)(unsigned long)r;
}

/* tcpdump formats into a 256-byte buffer: at most 255 characters survive. */
struct zbuf {
	char b[256];
	size_t n;
};

static void zb_add(struct zbuf *z, const uint8_t *s, int lower)
{
	for (; *s && z->n < sizeof z->b - 1; s++) {
		uint8_t c = *s;
		if (lower && c >= 'A' && c <= 'Z')
			c = (uint8_t)(c + 32);
		z->b[z->n++] = (char)c;
	}
	z->b[z->n] = 0;
}

static void z_out(struct nd *nd, const char *pre, const struct zbuf *z)
{
	ND_STR(nd, pre);
	for (size_t i = 0; i < z->n; i++)
		nd_putc_esc(nd, (uint8_t)z->b[i]);
}

static void z_print(struct nd *nd, const char *pre, const uint8_t *s)
{
	ND_STR(nd, pre);
	for (; *s; s++)
		nd_putc_esc(nd, *s);
}

static void z_lower(struct nd *nd, const char *pre, const struct zfield *f)
{
	struct zbuf z = {.n = 0};
	zb_add(&z, f->s, 1);
	z_out(nd, pre, &z);
}

static void z_triple(struct nd *nd, const char *pre, const uint8_t *c, const uint8_t *i, const uint8_t *r)
{
	struct zbuf z = {.n = 0};
	zb_add(&z, (const uint8_t *)"<", 0);
	zb_add(&z, c, 0);
	zb_add(&z, (const uint8_t *)",", 0);
	zb_add(&z, i, 0);
	zb_add(&z, (const uint8_t *)",", 0);
	zb_add(&z, *r ? r : (const uint8_t *)"*", 0);
	zb_add(&z, (const uint8_t *)">", 0);
	z_out(nd, pre, &z);
}

static const struct tok z_types[] = {
	{0, "unsafe"}, {1, "unacked"}, {2, "acked"}, {3, "hm-ack"}, {4, "hm-ctl"},
	{5, "serv-ack"}, {6, "serv-nak"}, {7, "client-ack"}, {8, "stat"}, {0, NULL},
};

enum { ZF_VERSION, ZF_NUMFIELDS, ZF_KIND, ZF_UID, ZF_PORT, ZF_AUTH, ZF_AUTHLEN, ZF_AUTHDATA,
       ZF_CLASS, ZF_INST, ZF_OPCODE, ZF_SENDER, ZF_RECIPIENT, ZF_FORMAT, ZF_CKSUM, ZF_MULTI,
       ZF_MULTI_UID, ZF_COUNT };

/* The ZEPHYR_CTL class; 1 when it printed the message. */
static int zephyr_ctl(struct nd *nd, const struct zfield *z, int kind, const uint8_t **pp, uint32_t *left)
{
	const struct zfield *inst = &z[ZF_INST], *op = &z[ZF_OPCODE];
	if (z_eq(inst, "CLIENT")) {
		if (z_eq(op, "SUBSCRIBE") || z_eq(op, "SUBSCRIBE_NODEFS") || z_eq(op, "UNSUBSCRIBE")) {
			out_fmt(nd->out, " %ssub%s", z_eq(op, "SUBSCRIBE") ? "" : "un",
				z_eq(op, "SUBSCRIBE_NODEFS") ? "-nodefs" : "");
			if (kind != 5) {
				struct zfield c, i, r;
				if (z_parse(nd, pp, left, &c) && z_parse(nd, pp, left, &i) &&
				    z_parse(nd, pp, left, &r))
					z_triple(nd, " ", c.s, i.s, r.s);
			}
		} else if (z_eq(op, "GIMME")) {
			ND_STR(nd, " ret");
		} else if (z_eq(op, "GIMMEDEFS")) {
			ND_STR(nd, " gimme-defs");
		} else if (z_eq(op, "CLEARSUB")) {
			ND_STR(nd, " clear-subs");
		} else {
			z_lower(nd, " ", op);
		}
		return 1;
	}
	if (z_eq(inst, "HM")) {
		z_lower(nd, " ", op);
		return 1;
	}
	if (z_eq(inst, "REALM")) {
		if (z_eq(op, "ADD_SUBSCRIBE"))
			ND_STR(nd, " realm add-subs");
		if (z_eq(op, "REQ_SUBSCRIBE"))
			ND_STR(nd, " realm req-subs");
		if (z_eq(op, "RLM_SUBSCRIBE"))
			ND_STR(nd, " realm rlm-sub");
		if (z_eq(op, "RLM_UNSUBSCRIBE"))
			ND_STR(nd, " realm rlm-unsub");
		return 1;
	}
	return 0;
}

static const char *const z_exposures[] = {
	"NONE", "OPSTAFF", "REALM-VISIBLE", "REALM-ANNOUNCED", "NET-VISIBLE", "NET-ANNOUNCED", NULL,
};

void zephyr_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	struct zfield z[ZF_COUNT];
	nd->protocol = "zephyr";
	const uint8_t *pp = p;
	uint32_t left = len;
	if (!z_parse(nd, &pp, &left, &z[ZF_VERSION])) {
		nd_print_invalid(nd);
		return;
	}
	if (!z_neq(z[ZF_VERSION].s, "ZEPH", 4))
		return;
	for (int f = ZF_NUMFIELDS; f < ZF_COUNT; f++)
		if (!z_parse(nd, &pp, &left, &z[f])) {
			nd_print_invalid(nd);
			return;
		}
	ND_STR(nd, " zephyr");
	const uint8_t *ver = z[ZF_VERSION].s + 4;
	if (!z_neq(ver, "0.2", 3)) {
		z_print(nd, " v", ver);
		return;
	}
	int kind = z_int(&z[ZF_KIND]);
	ND_CHR(nd, ' ');
	const char *kn = kind >= 0 ? tok_find(z_types, (uint32_t)kind) : NULL;
	if (kn)
		ND_STR(nd, kn);
	else
		out_fmt(nd->out, "type %d", kind);
	if (kind == 5) { /* serv-ack */
		struct zfield ack;
		if (z_parse(nd, &pp, &left, &ack) && !z_eq(&ack, "SENT"))
			z_lower(nd, "/", &ack);
	}
	const struct zfield *cls = &z[ZF_CLASS], *inst = &z[ZF_INST], *op = &z[ZF_OPCODE];
	if (z[ZF_SENDER].s[0])
		z_print(nd, " ", z[ZF_SENDER].s);
	if (z_eq(cls, "USER_LOCATE")) {
		if (z_eq(op, "USER_HIDE"))
			ND_STR(nd, " hide");
		else if (z_eq(op, "USER_UNHIDE"))
			ND_STR(nd, " unhide");
		else
			z_print(nd, " locate ", inst->s);
		return;
	}
	if (z_eq(cls, "ZEPHYR_ADMIN")) {
		z_lower(nd, " zephyr-admin ", op);
		return;
	}
	if (z_eq(cls, "ZEPHYR_CTL") && zephyr_ctl(nd, z, kind, &pp, &left))
		return;
	if (z_eq(cls, "HM_CTL") || z_eq(cls, "WG_CTL")) {
		z_lower(nd, z_eq(cls, "HM_CTL") ? " hm_ctl " : " wg_ctl ", inst);
		z_lower(nd, " ", op);
		return;
	}
	if (z_eq(cls, "HM_STAT") && z_eq(inst, "HMST_CLIENT") && z_eq(op, "GIMMESTATS")) {
		ND_STR(nd, " get-client-stats");
		return;
	}
	if (z_eq(cls, "LOGIN")) {
		if (z_eq(op, "USER_FLUSH")) {
			ND_STR(nd, " flush_locs");
			return;
		}
		for (const char *const *e = z_exposures; *e; e++)
			if (z_eq(op, *e)) {
				z_lower(nd, " set-exposure ", op);
				return;
			}
	}
	z_triple(nd, " to ", cls->s, inst->s, z[ZF_RECIPIENT].s);
	if (op->s[0])
		z_print(nd, " op ", op->s);
}

/* ---- VQP ---- */

static const struct tok vqp_msg_types[] = {
	{1, "Request, Join Port"}, {2, "Response, VLAN"}, {3, "Request, Reconfirm"},
	{4, "Response, Reconfirm"}, {0, NULL},
};
static const struct tok vqp_errors[] = {
	{0, "No error"}, {3, "Access denied"}, {4, "Shutdown port"}, {5, "Wrong VTP domain"}, {0, NULL},
};
static const struct tok vqp_objects[] = {
	{0x0c01, "Client IP Address"}, {0x0c02, "Port Name"}, {0x0c03, "VLAN Name"},
	{0x0c04, "VTP Domain"}, {0x0c05, "Ethernet Packet"}, {0x0c06, "MAC Null"},
	{0x0c08, "MAC Address"}, {0, NULL},
};

/* One item value; 0 when the message is invalid (printed). */
static int vqp_object(struct nd *nd, const uint8_t *p, uint32_t type, unsigned olen)
{
	switch (type) {
	case 0x0c01:
		if (olen != 4) {
			nd_print_invalid(nd);
			return 0;
		}
		nd_ipaddr(nd, p);
		out_fmt(nd->out, " (0x%08x)", GET_BE32(nd, p));
		break;
	case 0x0c02: case 0x0c03: case 0x0c04: case 0x0c05:
		nd_printn(nd, p, olen);
		break;
	case 0x0c06: case 0x0c08:
		if (olen != 6) {
			nd_print_invalid(nd);
			return 0;
		}
		nd_etheraddr(nd, p);
		break;
	default:
		if (nd->o->vflag <= 1)
			nd_print_unknown_data(nd, p, "\n\t    ", olen);
		break;
	}
	return 1;
}

void vqp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "vqp";
	nd_need(nd, p, 8);
	if (len < 8)
		nd_trunc(nd);
	unsigned version = GET_U8(nd, p);
	if (version != 1) {
		out_fmt(nd->out, "VQP version %u packet not supported", version);
		return;
	}
	unsigned type = GET_U8(nd, p + 1), err = GET_U8(nd, p + 2);
	out_fmt(nd->out, nd->o->vflag ? "\n\tVQPv%u, " : "VQPv%u ", version);
	nd_tok(nd, vqp_msg_types, "unknown (%u)", type);
	ND_STR(nd, " Message, error-code ");
	const char *en = tok_find(vqp_errors, err);
	ND_STR(nd, en ? en : "unknown");
	out_fmt(nd->out, " (%u), ", err);
	if (!nd->o->vflag) {
		out_fmt(nd->out, "length %u", len);
		return;
	}
	unsigned nitems = GET_U8(nd, p + 3);
	out_fmt(nd->out, "seq 0x%08x, items %u, length %u", GET_BE32(nd, p + 4), nitems, len);
	p += 8;
	len -= 8;
	while (nitems != 0 && len != 0) {
		nd_need(nd, p, 6);
		if (len < 6)
			nd_trunc(nd);
		uint32_t otype = GET_BE32(nd, p);
		unsigned olen = GET_BE16(nd, p + 4);
		p += 6;
		len -= 6;
		const char *name = tok_find(vqp_objects, otype);
		out_fmt(nd->out, "\n\t  %s Object (0x%08x), length %u, value: ", name ? name : "Unknown", otype, olen);
		if (otype == 0 || olen == 0)
			return;
		nd_need(nd, p, olen);
		if (olen > len)
			nd_trunc(nd);
		if (!vqp_object(nd, p, otype, olen))
			return;
		p += olen;
		len -= olen;
		nitems--;
	}
}

/* ---- LWAPP ---- */

static const struct tok lwapp_flags[] = {{0x01, "Last Fragment Bit"}, {0x02, "Fragment Bit"}, {0x04, "Control Bit"}, {0, NULL}};

static const struct tok lwapp_msg_types[] = {
	{1, "Discovery req"}, {2, "Discovery resp"}, {3, "Join req"}, {4, "Join resp"},
	{5, "Join ack"}, {6, "Join confirm"}, {10, "Configure req"}, {11, "Configure resp"},
	{12, "Update req"}, {13, "Update resp"}, {14, "WTP event req"}, {15, "WTP event resp"},
	{16, "Change state event req"}, {17, "Change state event resp"}, {22, "Echo req"},
	{23, "Echo resp"}, {24, "Image data req"}, {25, "Image data resp"},
	{26, "Channel status req"}, {27, "Channel status resp"}, {30, "Key update req"},
	{31, "Key update resp"}, {32, "Primary discovery req"}, {33, "Primary discovery resp"},
	{34, "Data transfer req"}, {35, "Data transfer resp"}, {36, "Clear config ind"},
	{37, "Wlan config req"}, {38, "Wlan config resp"}, {39, "Mobile config req"},
	{40, "Mobile config resp"}, {0, NULL},
};

/* "LWAPPv0, Control frame" ..; 0 when the version is not 0 (printed). */
static int lwapp_head(struct nd *nd, unsigned ver)
{
	if ((ver >> 6) != 0) {
		out_fmt(nd->out, "LWAPP version %u packet not supported", ver >> 6);
		return 0;
	}
	out_fmt(nd->out, "LWAPPv%u, %s frame, ", ver >> 6, (ver & 4) ? "Control" : "Data");
	return 1;
}

static void lwapp_flags_print(struct nd *nd, unsigned ver)
{
	ND_STR(nd, "Flags [");
	nd_bits(nd, lwapp_flags, ver & 7, ", ");
	ND_CHR(nd, ']');
}

void lwapp_control_print(struct nd *nd, const uint8_t *p, uint32_t len, int has_ap_ident)
{
	nd->protocol = "lwapp_control";
	const uint8_t *th = p;
	if (has_ap_ident) {
		nd_need(nd, p, 6);
		th = p + 6;
	}
	nd_need(nd, th, 6);
	unsigned ver = GET_U8(nd, th);
	if (!lwapp_head(nd, ver))
		return;
	if (!nd->o->vflag) {
		lwapp_flags_print(nd, ver);
		out_fmt(nd->out, ", length %u", len);
		return;
	}
	unsigned tlen = GET_BE16(nd, th + 2);
	out_fmt(nd->out, "Radio-id %u, ", (ver >> 3) & 7);
	lwapp_flags_print(nd, ver);
	out_fmt(nd->out, ", Frag-id %u, length %u", GET_U8(nd, th + 1), tlen);
	const uint8_t *tp = th + 6;
	if (has_ap_ident) {
		ND_STR(nd, "\n\tAP identity: ");
		nd_etheraddr(nd, p);
	}
	while (tlen != 0) {
		nd_need(nd, tp, 8);
		unsigned mlen = GET_BE16(nd, tp + 2);
		if (tlen < 8 || tlen < 8 + mlen) {
			ND_STR(nd, "\n\t  Msg goes past end of PDU");
			break;
		}
		unsigned type = GET_U8(nd, tp);
		const char *name = tok_find(lwapp_msg_types, type);
		out_fmt(nd->out, "\n\t  Msg type: %s (%u), Seqnum: %u, Msg len: %u, Session: 0x%08x",
			name ? name : "Unknown", type, GET_U8(nd, tp + 1), mlen, GET_BE32(nd, tp + 4));
		nd_need(nd, tp, mlen); /* tcpdump checks the message length from the header */
		tp += 8 + mlen;
		tlen -= 8 + mlen;
	}
}

void lwapp_data_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "lwapp_data";
	nd_need(nd, p, 6);
	unsigned ver = GET_U8(nd, p);
	if (!lwapp_head(nd, ver))
		return;
	if (!nd->o->vflag) {
		lwapp_flags_print(nd, ver);
		out_fmt(nd->out, ", length %u", len);
		return;
	}
	unsigned tlen = GET_BE16(nd, p + 2);
	out_fmt(nd->out, "Radio-id  %u, ", (ver >> 3) & 7);
	lwapp_flags_print(nd, ver);
	if (tlen < 6) {
		out_fmt(nd->out, ", length %u < transport header length", tlen);
		return;
	}
	out_fmt(nd->out, ", Frag-id  %u, length %u", GET_U8(nd, p + 1), tlen);
	/* an IEEE 802.11 frame follows: tcpdump dumps it in hex */
	nd_print_unknown_data(nd, p + 6, "\n\t", tlen - 6);
}

int apps_udp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport)
{
#define PORT(x) (sport == (x) || dport == (x))
	if (PORT(525))
		timed_print(nd, p, len);
	else if (PORT(2103) || PORT(2104))
		zephyr_print(nd, p, len);
	else if (PORT(1589))
		vqp_print(nd, p, len);
	else if (dport == 12223) /* the AP identity is there only towards the controller port */
		lwapp_control_print(nd, p, len, 1);
	else if (sport == 12223)
		lwapp_control_print(nd, p, len, 0);
	else if (PORT(12222))
		lwapp_data_print(nd, p, len);
	else
		return 0;
#undef PORT
	return 1;
}

/* ---- telnet ---- */

#define TN_IAC 255
#define TN_SB 250
#define TN_SE 240

static const char *const tn_cmds[] = {
	"EOF", "SUSP", "ABORT", "EOR", "SE", "NOP", "DMARK", "BRK", "IP", "AO",
	"AYT", "EC", "EL", "GA", "SB", "WILL", "WONT", "DO", "DONT", "IAC",
};
static const char *const tn_opts[] = {
	"BINARY", "ECHO", "RCP", "SUPPRESS GO AHEAD", "NAME", "STATUS", "TIMING MARK", "RCTE",
	"NAOL", "NAOP", "NAOCRD", "NAOHTS", "NAOHTD", "NAOFFD", "NAOVTS", "NAOVTD", "NAOLFD",
	"EXTEND ASCII", "LOGOUT", "BYTE MACRO", "DATA ENTRY TERMINAL", "SUPDUP", "SUPDUP OUTPUT",
	"SEND LOCATION", "TERMINAL TYPE", "END OF RECORD", "TACACS UID", "OUTPUT MARKING", "TTYLOC",
	"3270 REGIME", "X.3 PAD", "NAWS", "TSPEED", "LFLOW", "LINEMODE", "XDISPLOC", "OLD-ENVIRON",
	"AUTHENTICATION", "ENCRYPT", "NEW-ENVIRON",
};
static const char *const tn_sub_cmds[] = {"IS", "SEND", "INFO", NULL};
static const char *const tn_auth_cmds[] = {"IS", "SEND", "REPLY", "NAME", NULL};
static const char *const tn_auth_types[] = {
	"NULL", "KERBEROS_V4", "KERBEROS_V5", "SPX", "MINK", "SRP", "RSA", "SSL", "", "",
	"LOKI", "SSA", "KEA_SJ", "KEA_SJ_INTEG", "DSS", "NTLM", NULL,
};
static const char *const tn_enc_cmds[] = {
	"IS", "SUPPORT", "REPLY", "START", "END", "REQUEST-START", "REQUEST-END", "END_KEYID",
	"DEC_KEYID", NULL,
};
static const char *const tn_enc_types[] = {
	"NULL", "DES_CFB64", "DES_OFB64", "DES3_CFB64", "DES3_OFB64", "", "CAST5_40_CFB64",
	"CAST5_40_OFB64", "CAST128_CFB64", "CAST128_OFB64", NULL,
};

/* " name" from a NULL-terminated table ("" holes are unnamed), else " 0x..". */
static void tn_name(struct nd *nd, int print, const char *const *t, unsigned v)
{
	if (!print)
		return;
	for (unsigned i = 0; t[i]; i++)
		if (i == v && t[i][0]) {
			ND_CHR(nd, ' ');
			ND_STR(nd, t[i]);
			return;
		}
	out_fmt(nd->out, " %#x", v);
}

/* One command at p; its length, or -1 when it is not a whole command. */
static int telnet_parse(struct nd *nd, const uint8_t *p, uint32_t len, int print)
{
	const uint8_t *start = p;
#define FETCH(v)                          \
	do {                              \
		if (len < 1)              \
			return -1;        \
		(v) = GET_U8(nd, p);      \
		p++;                      \
		len--;                    \
	} while (0)
	unsigned c, x;
	FETCH(c);
	if (c != TN_IAC)
		return -1;
	FETCH(c);
	if (c == TN_IAC) {
		if (print)
			ND_STR(nd, "IAC IAC");
		return (int)(p - start);
	}
	if (c < 236)
		return -1;
	const char *cmd = tn_cmds[c - 236];
	if (c < TN_SB || c == TN_IAC) {
		if (print)
			ND_STR(nd, cmd);
		return (int)(p - start);
	}
	FETCH(x);
	if (print) {
		if (x < sizeof tn_opts / sizeof tn_opts[0])
			out_fmt(nd->out, "%s %s", cmd, tn_opts[x]);
		else
			out_fmt(nd->out, "%s %#x", cmd, x);
	}
	if (c != TN_SB)
		return (int)(p - start);
	/* IAC SB ... IAC SE: q stops at the IAC of IAC SE, or at the last byte */
	const uint8_t *q = p;
	while (len > (uint32_t)(q + 1 - p)) {
		if (GET_U8(nd, q) == TN_IAC && GET_U8(nd, q + 1) == TN_SE)
			break;
		q++;
	}
	if (GET_U8(nd, q) != TN_IAC)
		return -1;
	const char *const *t1 = tn_sub_cmds, *const *t2 = NULL;
	if (x == 37) {
		t1 = tn_auth_cmds;
		t2 = tn_auth_types;
	} else if (x == 38) {
		t1 = tn_enc_cmds;
		t2 = tn_enc_types;
	}
	if (q > p) {
		FETCH(c);
		tn_name(nd, print, t1, c);
		if (t2 && q > p) {
			FETCH(c);
			tn_name(nd, print, t2, c);
		}
	}
	while (q > p) {
		FETCH(x);
		if (print)
			out_fmt(nd->out, " %#x", x);
	}
	if (print)
		ND_STR(nd, " SE");
	p += 2; /* tcpdump does not count the IAC SE against the length */
	return (int)(p - start);
#undef FETCH
}

/* tcpdump's hex_print_with_offset: "\n0x0010: " lines of 8 two-byte groups, offsets from off. */
static void tn_hex(struct nd *nd, const uint8_t *p, unsigned n, unsigned off)
{
	size_t avail = nd_avail(nd, p);
	int cut = n > avail;
	if (cut)
		n = (unsigned)avail;
	unsigned i = 0;
	for (unsigned k = 0; k + 1 < n; k += 2, i++) {
		if (i % 8 == 0) {
			out_fmt(nd->out, "\n0x%04x: ", off);
			off += 16;
		}
		out_fmt(nd->out, " %02x%02x", GET_U8(nd, p + k), GET_U8(nd, p + k + 1));
	}
	if (n & 1) {
		if (i % 8 == 0)
			out_fmt(nd->out, "\n0x%04x: ", off);
		out_fmt(nd->out, " %02x", GET_U8(nd, p + n - 1));
	}
	if (cut)
		nd_trunc(nd);
}

void telnet_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	int first = 1, hex = nd->o->Xflag && nd->o->vflag > 2;
	const uint8_t *start = p;
	nd->protocol = "telnet";
	while (len > 0 && GET_U8(nd, p) == TN_IAC) {
		int l = telnet_parse(nd, p, len, 0);
		if (l < 0)
			break;
		if (hex) { /* -X -vvv: each command's bytes, then its decoding */
			if (first)
				ND_STR(nd, "\nTelnet:");
			tn_hex(nd, p, (unsigned)l, (unsigned)(p - start));
			if (l > 8)
				ND_STR(nd, "\n\t\t\t\t");
			else
				out_fmt(nd->out, "%*s\t", (8 - l) * 3, "");
		} else {
			ND_STR(nd, first ? " [telnet " : ", ");
		}
		telnet_parse(nd, p, len, 1);
		first = 0;
		p += l;
		len -= (uint32_t)l;
	}
	if (!first)
		ND_STR(nd, hex ? "\n" : "]");
}

/* ---- BEEP ---- */

/* The first n bytes are captured, the message is long enough, and they match. */
static int beep_starts(struct nd *nd, const uint8_t *p, uint32_t len, const char *s, size_t n)
{
	if (!nd_ok(nd, p, n) || n > len)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] != (uint8_t)s[i])
			return 0;
		if (s[i] == 0)
			break;
	}
	return 1;
}

void beep_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	static const char *const kinds[] = {"MSG", "RPY ", "ERR ", "ANS ", "NUL ", "SEQ ", "END", NULL};
	nd->protocol = "beep";
	for (const char *const *k = kinds; *k; k++)
		if (beep_starts(nd, p, len, *k, 4)) {
			ND_STR(nd, " BEEP ");
			out_mem(nd->out, *k, 3);
			return;
		}
	ND_STR(nd, " BEEP (payload or undecoded)");
}

/* ---- MSDP ---- */

void msdp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "msdp";
	ND_STR(nd, ": msdp");
	unsigned type = GET_U8(nd, p), tlen = GET_BE16(nd, p + 1);
	if (tlen > 1500 || tlen < 3 || type == 0 || type > 7)
		goto trunc; /* not a message start: tcpdump calls it truncated */
	while (len != 0) {
		if (len < 3)
			goto trunc;
		type = GET_U8(nd, p);
		tlen = GET_BE16(nd, p + 1);
		if (tlen > 1400 || nd->o->vflag)
			out_fmt(nd->out, " [len %u]", tlen);
		if (tlen < 3 || len < tlen)
			goto trunc;
		const uint8_t *v = p + 3;
		switch (type) {
		case 1:
		case 3: {
			ND_STR(nd, type == 1 ? " SA" : " SA-Response");
			unsigned n = GET_U8(nd, v);
			out_fmt(nd->out, " %u entries", n);
			if (n * 12 + 8 < tlen) {
				ND_STR(nd, " [w/data]");
				if (nd->o->vflag > 1) {
					ND_CHR(nd, ' ');
					ip_print(nd, v + n * 12 + 8 - 3, tlen - (n * 12 + 8));
				}
			}
			break;
		}
		case 2:
			ND_STR(nd, " SA-Request");
			nd_need(nd, v + 1, 4);
			ND_STR(nd, " for ");
			nd_ipaddr(nd, v + 1);
			break;
		case 4:
			ND_STR(nd, " Keepalive");
			if (tlen != 3)
				out_fmt(nd->out, "[len=%u] ", tlen);
			break;
		case 5:
			ND_STR(nd, " Notification");
			break;
		default:
			out_fmt(nd->out, " [type=%u len=%u]", type, tlen);
			break;
		}
		p += tlen;
		len -= tlen;
	}
	return;
trunc:
	nd_print_trunc(nd);
}
