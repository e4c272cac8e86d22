/*
 * tipc.c - Transparent Inter-Process Communication (TIPC), ethertype 0x88ca,
 * as tcpdump 4.99 prints it: payload, internal and neighbour-detection
 * headers, the extra words from -v.
 *
 *   w0: | ver (3) | user (4) | hsize (4) | ... | message size (17) |
 *   w1: | mtype (3) | ... | broadcast ack (16) |   then per-user words
 */
#include "svc2.h"

static const struct tok tipc_users[] = {
	{0, "Low Importance Data payload"}, {1, "Medium Importance Data payload"},
	{2, "High Importance Data payload"}, {3, "Critical Importance Data payload"},
	{5, "Broadcast Link Protocol internal"}, {6, "Message Bundler Protocol internal"},
	{7, "Link State Protocol internal"}, {8, "Connection Manager internal"},
	{10, "Link Changeover Protocol internal"}, {11, "Name Table Update Protocol internal"},
	{12, "Message Fragmentation Protocol internal"}, {13, "Neighbor Detection Protocol internal"},
	{0, NULL},
};
/* (tcpdump's names for 1 and 3 are swapped; kept as it prints them) */
static const struct tok tipc_mtypes[] = {
	{0, "CONN_MSG"}, {1, "MCAST_MSG"}, {2, "NAMED_MSG"}, {3, "DIRECT_MSG"}, {0, NULL},
};
static const struct tok tipc_linkconf_mtypes[] = {{0, "Link request"}, {1, "Link response"}, {0, NULL}};

static const char *tok_or(const struct tok *t, uint32_t v, const char *dflt)
{
	const char *s = tok_find(t, v);
	return s ? s : dflt;
}

static void tipc_addr(struct nd *nd, uint32_t a)
{
	out_fmt(nd->out, "%u.%u.%u", a >> 24, (a >> 12) & 0xfff, a & 0xfff);
}

static void tipc_head(struct nd *nd, uint32_t w0)
{
	out_fmt(nd->out, "TIPC v%u.0 ", (w0 >> 29) & 7);
}

static void tipc_sizes(struct nd *nd, uint32_t w0)
{
	out_fmt(nd->out, ", headerlength %u bytes, MessageSize %u bytes, %s, messageType ", ((w0 >> 21) & 15) * 4,
		w0 & 0x1ffff, tok_or(tipc_users, (w0 >> 25) & 15, "unknown"));
}

static void tipc_payload(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, 24);
	uint32_t w0 = GET_BE32(nd, p), w1 = GET_BE32(nd, p + 4), prev = GET_BE32(nd, p + 12);
	uint32_t oport = GET_BE32(nd, p + 16), dport = GET_BE32(nd, p + 20);
	const char *mt = tok_or(tipc_mtypes, w1 >> 29, "Unknown");
	if (((w0 >> 21) & 15) <= 6) {
		tipc_head(nd, w0);
		tipc_addr(nd, prev);
		out_fmt(nd->out, ":%u > %u", oport, dport);
		tipc_sizes(nd, w0);
		ND_STR(nd, mt);
		return;
	}
	nd_need(nd, p, 32);
	tipc_head(nd, w0);
	tipc_addr(nd, GET_BE32(nd, p + 24));
	out_fmt(nd->out, ":%u > ", oport);
	tipc_addr(nd, GET_BE32(nd, p + 28));
	out_fmt(nd->out, ":%u", dport);
	tipc_sizes(nd, w0);
	ND_STR(nd, mt);
	if (nd->o->vflag) {
		uint32_t w2 = GET_BE32(nd, p + 8);
		ND_STR(nd, "\n\tPrevious Node ");
		tipc_addr(nd, prev);
		out_fmt(nd->out, ", Broadcast Ack %u, Link Ack %u, Link Sequence %u", w1 & 0xffff, w2 >> 16, w2 & 0xffff);
	}
}

static void tipc_internal(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, 32);
	uint32_t w0 = GET_BE32(nd, p), w1 = GET_BE32(nd, p + 4);
	tipc_head(nd, w0);
	tipc_addr(nd, GET_BE32(nd, p + 24));
	ND_STR(nd, " > ");
	tipc_addr(nd, GET_BE32(nd, p + 28));
	tipc_sizes(nd, w0);
	out_fmt(nd->out, "%s (0x%08x)", tok_or(tipc_mtypes, w1 >> 29, "Unknown"), w1);
	if (!nd->o->vflag)
		return;
	nd_need(nd, p, 40);
	uint32_t w2 = GET_BE32(nd, p + 8), w4 = GET_BE32(nd, p + 16), w5 = GET_BE32(nd, p + 20);
	uint32_t w9 = GET_BE32(nd, p + 36);
	ND_STR(nd, "\n\tPrevious Node ");
	tipc_addr(nd, GET_BE32(nd, p + 12));
	out_fmt(nd->out,
		", Session No. %u, Broadcast Ack %u, Sequence Gap %u,  Broadcast Gap After %u, Broadcast Gap To %u, "
		"Last Sent Packet No. %u, Next sent Packet No. %u, Transport Sequence %u, msg_count %u, "
		"Link Tolerance %u",
		w5 >> 16, w1 & 0xffff, (w1 >> 16) & 0x1fff, w2 >> 16, w2 & 0xffff, w4 >> 16, w4 & 0xffff,
		GET_BE32(nd, p + 32), w9 >> 16, w9 & 0xffff);
}

static void tipc_link_conf(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, 16);
	uint32_t w0 = GET_BE32(nd, p), w1 = GET_BE32(nd, p + 4);
	tipc_head(nd, w0);
	tipc_addr(nd, GET_BE32(nd, p + 12));
	ND_STR(nd, " > ");
	tipc_addr(nd, GET_BE32(nd, p + 8));
	tipc_sizes(nd, w0);
	ND_STR(nd, tok_or(tipc_linkconf_mtypes, w1 >> 29, "Unknown"));
	if (nd->o->vflag) {
		nd_need(nd, p, 24);
		out_fmt(nd->out, "\n\tNodeSignature %u, network_id %u, media_id %u", w1 & 0xffff, GET_BE32(nd, p + 16),
			GET_BE32(nd, p + 20) & 0xff);
	}
}

void tipc_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	(void)len;
	(void)caplen;
	nd->protocol = "tipc";
	uint32_t w0 = GET_BE32(nd, p);
	switch ((w0 >> 25) & 15) {
	case 0: case 1: case 2: case 3: case 8: case 11:
		tipc_payload(nd, p);
		break;
	case 13:
		tipc_link_conf(nd, p);
		break;
	case 5: case 6: case 7: case 10: case 12:
		tipc_internal(nd, p);
		break;
	}
}
