/*
 * hsrp.c - Cisco Hot Standby Router Protocol version 0/1 (RFC 2281), UDP
 * port 1985, as tcpdump 4.99 prints it.
 *
 *   +---------+--------+-------+-----------+----------+----------+-------+------+
 *   | version | opcode | state | hellotime | holdtime | priority | group | rsvd |
 *   +---------+--------+-------+-----------+----------+----------+-------+------+
 *   | authentication data (8)  | virtual IP address (4)                        |
 */
#include "lan.h"

static const struct tok hsrp_op_names[] = {{0, "hello"}, {1, "coup"}, {2, "resign"}, {0, NULL}};

static const struct tok hsrp_state_names[] = {
	{0, "initial"}, {1, "learn"}, {2, "listen"}, {4, "speak"}, {8, "standby"}, {16, "active"},
	{0, NULL},
};

void hsrp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "hsrp";
	uint8_t version = GET_U8(nd, p);
	out_fmt(nd->out, "HSRPv%u", version);
	if (version != 0)
		return;
	ND_CHR(nd, '-');
	nd_tok(nd, hsrp_op_names, "unknown (%u)", GET_U8(nd, p + 1));
	out_fmt(nd->out, " %u: ", len);
	uint8_t state = GET_U8(nd, p + 2);
	ND_STR(nd, "state=");
	nd_tok(nd, hsrp_state_names, "Unknown (%u)", state);
	ND_CHR(nd, ' ');
	out_fmt(nd->out, "group=%u ", GET_U8(nd, p + 6));
	uint8_t rsv = GET_U8(nd, p + 7);
	if (rsv)
		out_fmt(nd->out, "[reserved=%u!] ", rsv);
	nd_need(nd, p + 16, 4);
	ND_STR(nd, "addr=");
	nd_ipaddr(nd, p + 16);
	if (!nd->o->vflag)
		return;
	ND_STR(nd, " hellotime=");
	lan_relts_print(nd, GET_U8(nd, p + 3));
	ND_STR(nd, " holdtime=");
	lan_relts_print(nd, GET_U8(nd, p + 4));
	out_fmt(nd->out, " priority=%u", GET_U8(nd, p + 5));
	ND_STR(nd, " auth=\"");
	nd_printn(nd, p + 8, 8);
	ND_CHR(nd, '"');
}
