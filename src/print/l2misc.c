/*
 * l2misc.c - small Ethernet-type protocols, as tcpdump 4.99 prints them:
 *
 *   IEEE 802.3ah MPCP (EPON, ethertype 0x8808):
 *     opcode(2) timestamp(4), then per opcode: GATE grants, REPORT
 *     queue sets, REGISTER_REQ / REGISTER / REGISTER_ACK fields.
 *   Realtek protocols (ethertype 0x8899): the first byte selects RRCP (1),
 *     REP (2), RLDP (3, 0x23) or a switch CPU tag; RRCP:
 *     proto(1) opcode|reply(1) authkey(2) reg addr(2, LE) data(4, LE)
 *     cookie1(4) cookie2(4); a hello reply carries ports, uplink MAC,
 *     chip id(2) and vendor id(4) instead.
 */
#include "nd.h"
#include "l2odds.h"

/* ---- MPCP ---- */

static const struct tok mpcp_opcodes[] = {
	{1, "Pause"}, {2, "Gate"}, {3, "Report"}, {4, "Register Request"},
	{5, "Register"}, {6, "Register ACK"}, {0, NULL},
};
static const struct tok mpcp_grant_flags[] = {
	{0x08, "Discovery"}, {0x10, "Force Grant #1"}, {0x20, "Force Grant #2"},
	{0x40, "Force Grant #3"}, {0x80, "Force Grant #4"}, {0, NULL},
};
static const struct tok mpcp_report_bits[] = {
	{0x01, "Q0"}, {0x02, "Q1"}, {0x04, "Q2"}, {0x08, "Q3"},
	{0x10, "Q4"}, {0x20, "Q5"}, {0x40, "Q6"}, {0x80, "Q7"}, {0, NULL},
};
static const struct tok mpcp_regreq_flags[] = {{1, "Register"}, {3, "De-Register"}, {0, NULL}};
static const struct tok mpcp_reg_flags[] = {
	{1, "Re-Register"}, {2, "De-Register"}, {3, "ACK"}, {4, "NACK"}, {0, NULL},
};
static const struct tok mpcp_regack_flags[] = {{0, "NACK"}, {1, "ACK"}, {0, NULL}};

/* tcpdump 4.99's bittok2str(): the names of the (non-zero) values whose
 * bits are all set in v, joined by ", "; none: the fallback text. */
static void mpcp_bits(struct nd *nd, const struct tok *t, uint32_t v, const char *none)
{
	int first = 1;
	for (; t->s; t++) {
		if (t->v && (v & t->v) == t->v) {
			if (!first)
				ND_STR(nd, ", ");
			ND_STR(nd, t->s);
			first = 0;
		}
	}
	if (first)
		ND_STR(nd, none);
}

static void mpcp_flags(struct nd *nd, const struct tok *t, uint32_t v, const char *none)
{
	ND_STR(nd, "Flags [ ");
	mpcp_bits(nd, t, v, none);
	ND_STR(nd, " ]");
}

static void mpcp_report(struct nd *nd, const uint8_t *p)
{
	uint8_t sets = GET_U8(nd, p++);
	out_fmt(nd->out, "\n\tTotal Queue-Sets %u", sets);
	for (unsigned s = 1; s < sets; s++) {
		uint8_t bitmap = GET_U8(nd, p++);
		/* tcpdump numbers every set with the total count */
		out_fmt(nd->out, "\n\t  Queue-Set #%u, Report-Bitmap [ ", sets);
		mpcp_bits(nd, mpcp_report_bits, bitmap, "Unknown");
		ND_STR(nd, " ]");
		for (unsigned q = 1; bitmap; q++, bitmap >>= 1) {
			if (bitmap & 1) {
				out_fmt(nd->out, "\n\t    Q%u Report, Duration %u ticks", q, GET_BE16(nd, p));
				p += 2;
			}
		}
	}
}

void mpcp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "mpcp";
	uint16_t op = GET_BE16(nd, p);
	uint32_t ts = GET_BE32(nd, p + 2);
	ND_STR(nd, "MPCP, Opcode ");
	nd_tok(nd, mpcp_opcodes, "Unknown (%u)", op);
	if (op != 1)
		out_fmt(nd->out, ", Timestamp %u ticks", ts);
	out_fmt(nd->out, ", length %u", len);
	if (!nd->o->vflag)
		return;
	const uint8_t *q = p + 6;
	switch (op) {
	case 1:
		break;
	case 2: {
		uint8_t g = GET_U8(nd, q);
		unsigned n = g & 0x7;
		out_fmt(nd->out, "\n\tGrant Numbers %u, ", n);
		mpcp_flags(nd, mpcp_grant_flags, g & ~0x7u, "?");
		q++;
		for (unsigned i = 1; i <= n; i++, q += 6)
			out_fmt(nd->out, "\n\tGrant #%u, Start-Time %u ticks, duration %u ticks", i,
				GET_BE32(nd, q), GET_BE16(nd, q + 4));
		out_fmt(nd->out, "\n\tSync-Time %u ticks", GET_BE16(nd, q));
		break;
	}
	case 3:
		mpcp_report(nd, q);
		break;
	case 4:
	{
		uint8_t fl = GET_U8(nd, q), pending = GET_U8(nd, q + 1);
		ND_STR(nd, "\n\t");
		mpcp_flags(nd, mpcp_regreq_flags, fl, "Reserved");
		out_fmt(nd->out, ", Pending-Grants %u", pending);
	}
		break;
	case 5: {
		uint16_t port = GET_BE16(nd, q);
		uint8_t fl = GET_U8(nd, q + 2);
		uint16_t sync = GET_BE16(nd, q + 3);
		uint8_t echoed = GET_U8(nd, q + 5);
		out_fmt(nd->out, "\n\tAssigned-Port %u, ", port);
		mpcp_flags(nd, mpcp_reg_flags, fl, "Reserved");
		out_fmt(nd->out, "\n\tSync-Time %u ticks, Echoed-Pending-Grants %u", sync, echoed);
		break;
	}
	case 6: {
		uint8_t fl = GET_U8(nd, q);
		uint16_t port = GET_BE16(nd, q + 1);
		uint16_t sync = GET_BE16(nd, q + 3);
		out_fmt(nd->out, "\n\tEchoed-Assigned-Port %u, ", port);
		mpcp_flags(nd, mpcp_regack_flags, fl, "Reserved");
		out_fmt(nd->out, "\n\tEchoed-Sync-Time %u ticks", sync);
		break;
	}
	default:
		nd_print_unknown_data(nd, p, "\n\t", len);
		break;
	}
}

/* ---- Realtek ---- */

static const struct tok rrcp_opcodes[] = {{0, "hello"}, {1, "get"}, {2, "set"}, {0, NULL}};

static void rrcp_print(struct nd *nd, const uint8_t *p)
{
	nd->protocol = "rrcp";
	uint8_t b = GET_U8(nd, p + 1), op = b & 0x7f;
	ND_STR(nd, (b & 0x80) ? "RRCP reply: " : "RRCP query: ");
	nd_tok(nd, rrcp_opcodes, "unknown opcode (0x%02x)", op);
	if (op == 1 || op == 2)
		out_fmt(nd->out, " addr=0x%04x, data=0x%08x", GET_LE16(nd, p + 4), GET_LE32(nd, p + 6));
	out_fmt(nd->out, ", auth=0x%04x", GET_BE16(nd, p + 2));
	if (op == 0 && (b & 0x80)) {
		/* tcpdump reads the whole reply before printing any of it */
		uint8_t down = GET_U8(nd, p + 4), up = GET_U8(nd, p + 5);
		nd_need(nd, p + 6, 6);
		uint16_t chip = GET_BE16(nd, p + 12);
		uint32_t vendor = GET_BE32(nd, p + 14);
		out_fmt(nd->out, " downlink_port=%u, uplink_port=%u, uplink_mac=", down, up);
		nd_etheraddr(nd, p + 6);
		out_fmt(nd->out, ", vendor_id=%08x ,chip_id=%04x ", vendor, chip);
	} else if (op == 1 || op == 2) {
		uint32_t c2 = GET_BE32(nd, p + 14);
		out_fmt(nd->out, ", cookie=0x%08x%08x ", c2, GET_BE32(nd, p + 10));
	}
}

void rtl_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *src, const uint8_t *dst)
{
	(void)len;
	nd->protocol = "rtl";
	if (src && dst) {
		nd_etheraddr(nd, src);
		ND_STR(nd, " > ");
		nd_etheraddr(nd, dst);
		ND_STR(nd, ", ");
	}
	uint8_t proto = GET_U8(nd, p);
	if (proto == 0x01)
		rrcp_print(nd, p);
	else if (proto == 0x02)
		ND_STR(nd, "REP");
	else if (proto == 0x03 || proto == 0x23)
		ND_STR(nd, "RLDP");
	else if (proto == 0x04)
		ND_STR(nd, "Realtek 8-byte DSA tag");
	else if ((proto & 0xf0) == 0x90)
		ND_STR(nd, "Realtek RTL8306 4-byte DSA tag");
	else if ((proto & 0xf0) == 0xa0)
		ND_STR(nd, "Realtek RTL8366RB 4-byte DSA tag");
	else
		out_fmt(nd->out, "Realtek unknown type 0x%02x", proto);
}
