/*
 * aodv.c - AODV (RFC 3561, and the IPv6 draft), UDP port 654, as tcpdump 4.99
 * prints it.
 *
 *   RREQ: type flags reserved hops | id(4) | dst(a) dst-seq(4) | src(a) src-seq(4)
 *   RREP: type flags prefix hops | dst(a) dst-seq(4) | src(a) | lifetime(4)
 *   RERR: type flags reserved count | count x (dst(a) dst-seq(4))
 *   (a) is 4 bytes over IPv4, 16 over IPv6; an extension may follow RREQ/RREP.
 * The flag letters are taken from the first (type) byte, as tcpdump does.
 */
#include "nd.h"

static const struct tok aodv_types[] = {
	{1, "rreq"}, {2, "rrep"}, {3, "rerr"}, {4, "rrep-ack"}, {0, NULL},
};

static void aodv_addr(struct nd *nd, const uint8_t *p, int v6)
{
	if (v6)
		nd_ip6addr(nd, p);
	else
		nd_ipaddr(nd, p);
}

/* An extension after a RREQ/RREP; len bytes are left in the message. */
static void aodv_ext(struct nd *nd, const uint8_t *p, unsigned len)
{
	uint8_t type = GET_U8(nd, p), elen = GET_U8(nd, p + 1);
	if (type == 1) { /* hello */
		if (!nd_ok(nd, p, 6) || len < 6) {
			nd_print_trunc(nd);
			return;
		}
		if (elen < 4)
			out_fmt(nd->out, "\n\text HELLO - bad length %u", elen);
		else
			out_fmt(nd->out, "\n\text HELLO %u ms", GET_BE32(nd, p + 2));
		return;
	}
	out_fmt(nd->out, "\n\text %u %u", type, elen);
}

static void aodv_rreq(struct nd *nd, const uint8_t *p, unsigned len, int v6)
{
	unsigned a = v6 ? 16 : 4, size = 8 + 2 * (a + 4);
	if (!nd_ok(nd, p, size) || len < size) {
		nd_print_trunc(nd);
		return;
	}
	uint8_t f = GET_U8(nd, p);
	out_fmt(nd->out, "%s %u %s%s%s%s%shops %u id 0x%08x\n\tdst ", v6 ? " v6 rreq" : " rreq", len, (f & 0x80) ? "[J]" : "",
		(f & 0x40) ? "[R]" : "", (f & 0x20) ? "[G]" : "", (f & 0x10) ? "[D]" : "",
		(f & 0x08) ? "[U] " : " ", GET_U8(nd, p + 3), GET_BE32(nd, p + 4));
	aodv_addr(nd, p + 8, v6);
	out_fmt(nd->out, " seq %u src ", GET_BE32(nd, p + 8 + a));
	aodv_addr(nd, p + 12 + a, v6);
	out_fmt(nd->out, " seq %u", GET_BE32(nd, p + 12 + 2 * a));
	if (len - size >= 2)
		aodv_ext(nd, p + size, len - size);
}

static void aodv_rrep(struct nd *nd, const uint8_t *p, unsigned len, int v6)
{
	unsigned a = v6 ? 16 : 4, size = 4 + 2 * a + 8;
	if (!nd_ok(nd, p, size) || len < size) {
		nd_print_trunc(nd);
		return;
	}
	uint8_t f = GET_U8(nd, p);
	out_fmt(nd->out, " rrep %u %s%sprefix %u hops %u\n\tdst ", len, (f & 0x80) ? "[R]" : "",
		(f & 0x40) ? "[A] " : " ", GET_U8(nd, p + 2) & 0x1f, GET_U8(nd, p + 3));
	aodv_addr(nd, p + 4, v6);
	out_fmt(nd->out, " dseq %u src ", GET_BE32(nd, p + 4 + a));
	aodv_addr(nd, p + 8 + a, v6);
	out_fmt(nd->out, " %u ms", GET_BE32(nd, p + 8 + 2 * a));
	if (len - size >= 2)
		aodv_ext(nd, p + size, len - size);
}

/*
 * The IPv6 draft-01 messages (types 16-19, over either IP version): RREQ has both sequence
 * numbers before the two addresses, RREP the destination sequence before the addresses.
 */
static void aodv_rreq_draft(struct nd *nd, const uint8_t *p, unsigned len)
{
	unsigned size = 48;
	if (!nd_ok(nd, p, size) || len < size) {
		nd_print_trunc(nd);
		return;
	}
	uint8_t f = GET_U8(nd, p);
	out_fmt(nd->out, " rreq %u %s%s%s%s%shops %u id 0x%08x\n\tdst ", len, (f & 0x80) ? "[J]" : "",
		(f & 0x40) ? "[R]" : "", (f & 0x20) ? "[G]" : "", (f & 0x10) ? "[D]" : "",
		(f & 0x08) ? "[U] " : " ", GET_U8(nd, p + 3), GET_BE32(nd, p + 4));
	nd_ip6addr(nd, p + 16);
	out_fmt(nd->out, " seq %u src ", GET_BE32(nd, p + 8));
	nd_ip6addr(nd, p + 32);
	out_fmt(nd->out, " seq %u", GET_BE32(nd, p + 12));
	if (len - size >= 2)
		aodv_ext(nd, p + size, len - size);
}

static void aodv_rrep_draft(struct nd *nd, const uint8_t *p, unsigned len)
{
	unsigned size = 44;
	if (!nd_ok(nd, p, size) || len < size) {
		nd_print_trunc(nd);
		return;
	}
	uint8_t f = GET_U8(nd, p);
	out_fmt(nd->out, " rrep %u %s%sprefix %u hops %u\n\tdst ", len, (f & 0x80) ? "[R]" : "",
		(f & 0x40) ? "[A] " : " ", GET_U8(nd, p + 2) & 0x1f, GET_U8(nd, p + 3));
	nd_ip6addr(nd, p + 8);
	out_fmt(nd->out, " dseq %u src ", GET_BE32(nd, p + 4));
	nd_ip6addr(nd, p + 24);
	out_fmt(nd->out, " %u ms", GET_BE32(nd, p + 40));
	if (len - size >= 2)
		aodv_ext(nd, p + size, len - size);
}

static void aodv_rerr(struct nd *nd, const uint8_t *p, unsigned len, int v6)
{
	unsigned a = v6 ? 16 : 4;
	if (!nd_ok(nd, p, 4) || len < 4) {
		nd_print_trunc(nd);
		return;
	}
	unsigned dc = GET_U8(nd, p + 3);
	out_fmt(nd->out, " rerr %s [items %u] [%u]:", (GET_U8(nd, p + 1) & 0x80) ? "[D]" : "", dc, len);
	const uint8_t *d = p + 4;
	unsigned left = len - 4;
	for (; dc; dc--) {
		if (!nd_ok(nd, d, a + 4) || left < a + 4) {
			nd_print_trunc(nd);
			return;
		}
		ND_STR(nd, " {");
		aodv_addr(nd, d, v6);
		out_fmt(nd->out, "}(%u)", GET_BE32(nd, d + a));
		d += a + 4;
		left -= a + 4;
	}
}

void aodv_print(struct nd *nd, const uint8_t *p, uint32_t len, int v6)
{
	nd->protocol = "aodv";
	if (!nd_ok(nd, p, 1)) /* tcpdump's read of the type jumps out: " [|aodv]" alone */
		nd_trunc_full(nd);
	uint8_t type = GET_U8(nd, p);
	ND_STR(nd, " aodv");
	/* the name comes with the body (after its length checks), as in tcpdump */
	switch (type) {
	case 1:
		aodv_rreq(nd, p, len, v6);
		break;
	case 2:
		aodv_rrep(nd, p, len, v6);
		break;
	case 3:
		aodv_rerr(nd, p, len, v6);
		break;
	case 16:
		aodv_rreq_draft(nd, p, len);
		break;
	case 17:
		aodv_rrep_draft(nd, p, len);
		break;
	case 18:
		aodv_rerr(nd, p, len, 1);
		break;
	case 19:
		out_fmt(nd->out, " rrep-ack %u", len);
		break;
	default:
		ND_CHR(nd, ' ');
		nd_tok(nd, aodv_types, "type %u", type);
		out_fmt(nd->out, " %u", len);
		break;
	}
}
