/*
 * ptp.c - Precision Time Protocol (IEEE 1588-2008, PTPv2), over Ethernet
 * (ethertype 0x88f7) and UDP (event port 319, general port 320), printed as
 * tcpdump 4.99 prints it.
 *
 *   0        1        2        3
 *   +--------+--------+-----------------+
 *   |sdo|type|  vers  |  messageLength  |   vers: tcpdump prints the whole byte
 *   +--------+--------+-----------------+   (2.1 shows as "PTPv18")
 *   | domain |  rsvd  |      flags      |
 *   +--------+--------+-----------------+
 *   |  correction (ns, 6)  | sub-ns (2) |   the 8-byte correction field,
 *   +-----------------------------------+   shown as its two parts
 *   |  reserved (4) | clock identity (8)|
 *   +-----------------------------------+
 *   | port (2) | sequence (2) | ctrl | logInterval |   then the body (34 on)
 */
#include "lan.h"

#include <inttypes.h>

#define PTP_HDR_LEN 34

static const struct tok ptp_msg_names[] = {
	{0x0, "sync msg"},         {0x1, "delay req msg"},   {0x2, "peer delay req msg"},
	{0x3, "peer delay resp msg"}, {0x8, "follow up msg"}, {0x9, "delay resp msg"},
	{0xa, "pdelay resp fup msg"}, {0xb, "announce msg"}, {0xc, "signalling msg"},
	{0xd, "management msg"},   {0, NULL},
};

static const struct tok ptp_control_names[] = {
	{0, "Sync"}, {1, "Delay_Req"}, {2, "Follow_Up"}, {3, "Delay_Resp"},
	{4, "Management"}, {5, "Other"}, {0, NULL},
};

/* Single flag bits only: tcpdump never matches its multi-bit "unknown" entry. */
static const struct tok ptp_flag_names[] = {
	{0x0001, "l1 61"},          {0x0002, "l1 59"},
	{0x0004, "utc reasonable"}, {0x0008, "timescale"},
	{0x0010, "time tracable"},  {0x0020, "frequency tracable"},
	{0x0100, "alternate master"}, {0x0200, "two step"},
	{0x0400, "unicast"},        {0x1000, "profile specific 1"},
	{0x2000, "profile specific 2"}, {0x4000, "security mask"},
	{0, NULL},
};

static uint64_t get_be48(struct nd *nd, const uint8_t *p)
{
	return (uint64_t)GET_BE16(nd, p) << 32 | GET_BE32(nd, p + 2);
}

/*
 * Each ", label : value" piece is formatted whole after its bytes are read,
 * as tcpdump does: a field cut by the capture does not show its label.
 */

/* 6-byte seconds and 4-byte nanoseconds; comma says whether a comma follows "seconds". */
static void ptp_timestamp(struct nd *nd, const uint8_t *p, const char *name, int comma)
{
	out_fmt(nd->out, ", %s :", name);
	out_fmt(nd->out, " %" PRIu64 " seconds%s", get_be48(nd, p), comma ? "," : "");
	out_fmt(nd->out, " %u nanoseconds", GET_BE32(nd, p + 6));
}

static void ptp_port_identity(struct nd *nd, const uint8_t *p)
{
	out_fmt(nd->out, ", port identity : 0x%" PRIx64, GET_BE64(nd, p));
	out_fmt(nd->out, ", port id : %u", GET_BE16(nd, p + 8));
}

static void ptp_announce(struct nd *nd, const uint8_t *p)
{
	ptp_timestamp(nd, p, "originTimeStamp", 0);
	out_fmt(nd->out, ", origin cur utc :%u", GET_BE16(nd, p + 10));
	out_fmt(nd->out, ", rsvd : %u", GET_U8(nd, p + 12));
	out_fmt(nd->out, ", gm priority_1 : %u", GET_U8(nd, p + 13));
	out_fmt(nd->out, ", gm clock class : %u", GET_U8(nd, p + 14));
	out_fmt(nd->out, ", gm clock accuracy : %u", GET_U8(nd, p + 15));
	out_fmt(nd->out, ", gm clock variance : %u", GET_BE16(nd, p + 16));
	out_fmt(nd->out, ", gm priority_2 : %u", GET_U8(nd, p + 18));
	out_fmt(nd->out, ", gm clock id : 0x%" PRIx64, GET_BE64(nd, p + 19));
	out_fmt(nd->out, ", steps removed : %u", GET_BE16(nd, p + 27));
	out_fmt(nd->out, ", time source : 0x%x", GET_U8(nd, p + 29));
}

/*
 * tcpdump 4.99 prints the four one-byte management fields all from the first
 * byte of the target port identity (it never advances its pointer), with a
 * doubled ", " before each; synack shows the same bytes the same way.
 */
static void ptp_management(struct nd *nd, const uint8_t *p)
{
	ptp_port_identity(nd, p);
	uint8_t b = GET_U8(nd, p);
	out_fmt(nd->out, ", , start boundary hops  %u, , boundary hops  %u", b, b);
	out_fmt(nd->out, ", , flags  0x%x, , reserved  0x%x", b, b);
}

static void ptp_v2_print(struct nd *nd, const uint8_t *p)
{
	uint8_t b0 = GET_U8(nd, p);
	uint8_t type = b0 & 0x0f;
	const char *tname = tok_find(ptp_msg_names, type);
	out_fmt(nd->out, ", v1 compat : %s", (b0 & 0x10) ? "yes" : "no");
	out_fmt(nd->out, ", msg type : %s", tname ? tname : "Reserved");
	out_fmt(nd->out, ", length : %u", GET_BE16(nd, p + 2));
	uint16_t dom = GET_BE16(nd, p + 4); /* domain and reserved1, read as one field */
	out_fmt(nd->out, ", domain : %u", dom >> 8);
	out_fmt(nd->out, ", reserved1 : %u", dom & 0xff);
	uint16_t flags = GET_BE16(nd, p + 6);
	ND_STR(nd, ", Flags [");
	nd_bits(nd, ptp_flag_names, flags, ", ");
	ND_CHR(nd, ']');
	out_fmt(nd->out, ", NS correction : %" PRIu64, get_be48(nd, p + 8));
	out_fmt(nd->out, ", sub NS correction : %u", GET_BE16(nd, p + 14));
	out_fmt(nd->out, ", reserved2 : %u", GET_BE32(nd, p + 16));
	out_fmt(nd->out, ", clock identity : 0x%" PRIx64, GET_BE64(nd, p + 20));
	out_fmt(nd->out, ", port id : %u", GET_BE16(nd, p + 28));
	out_fmt(nd->out, ", seq id : %u", GET_BE16(nd, p + 30));
	uint8_t control = GET_U8(nd, p + 32);
	const char *cname = tok_find(ptp_control_names, control);
	out_fmt(nd->out, ", control : %u (%s)", control, cname ? cname : "Reserved");
	out_fmt(nd->out, ", log message interval : %u", GET_U8(nd, p + 33));

	const uint8_t *body = p + PTP_HDR_LEN;
	switch (type) {
	case 0x0: /* sync */
	case 0x1: /* delay request */
		ptp_timestamp(nd, body, "originTimeStamp", 1);
		break;
	case 0x8: /* follow up */
		ptp_timestamp(nd, body, "preciseOriginTimeStamp", 1);
		break;
	case 0x2: /* peer delay request */
	case 0xa: /* peer delay response follow up */
		ptp_timestamp(nd, body, "preciseOriginTimeStamp", 1);
		ptp_port_identity(nd, body + 10);
		break;
	case 0x3: /* peer delay response */
	case 0x9: /* delay response */
		ptp_timestamp(nd, body, "receiveTimeStamp", 1);
		ptp_port_identity(nd, body + 10);
		break;
	case 0xb:
		ptp_announce(nd, body);
		break;
	case 0xc: /* signaling: the target port identity */
		ptp_port_identity(nd, body);
		break;
	case 0xd:
		ptp_management(nd, body);
		break;
	default:
		break;
	}
}

void ptp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "ptp";
	if (len < PTP_HDR_LEN) {
		out_fmt(nd->out, " [length %u < %u]", len, PTP_HDR_LEN);
		nd_print_invalid(nd);
		return;
	}
	uint8_t vers = (uint8_t)(GET_BE16(nd, p) & 0xff);
	ND_STR(nd, "PTPv");
	ND_U(nd, vers);
	if (vers == 1)
		ND_STR(nd, " (not implemented)");
	else if (vers == 2)
		ptp_v2_print(nd, p);
}
