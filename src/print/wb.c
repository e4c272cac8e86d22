/*
 * wb.c - the LBL whiteboard ("wb") protocol, UDP destination port 4567 and
 * -T wb, as tcpdump 4.99 prints it: announcements, repair requests/replies,
 * drawing operations, page vector requests/replies.
 *
 *   header: source site(4) timestamp(4) version(2) type(1) flags(1)
 *   page id: session(4) page(4);  drawing op header: ts(4) len(2) flags(1) type(1)
 */
#include "nd.h"
#include "svc.h"

#define WB_HDR 12

static const char *const wb_dop_names[] = {
	"dop-0!", "dop-1!", "RECT", "LINE", "ML", "DEL", "XFORM", "ELL", "CHAR", "STR", "NOP",
	"PSCODE", "PSCOMP", "REF", "SKIP", "HOLE",
};

/* "addr:page" of a page id */
static void wb_page(struct nd *nd, const uint8_t *p)
{
	nd_ipaddr(nd, p);
	out_fmt(nd->out, ":%u", GET_BE32(nd, p + 4));
}

/* "<addr:off,addr:off>" of n id/offset pairs */
static const uint8_t *wb_ids(struct nd *nd, const uint8_t *io, uint32_t n)
{
	char c = '<';
	for (; n != 0; n--, io += 8) {
		nd_need(nd, io, 8);
		ND_CHR(nd, c);
		nd_ipaddr(nd, io);
		out_fmt(nd->out, ":%u", GET_BE32(nd, io + 4));
		c = ',';
	}
	ND_CHR(nd, '>');
	return io;
}

/* announcement: mslot(4) mpage(8) pgstate{slot(4) page(8) nid(2) rsvd(2)} id_off[nid] name */
static int wb_id(struct nd *nd, const uint8_t *p, uint32_t len)
{
	ND_STR(nd, " wb-id:");
	if (len < 28)
		return -1;
	len -= 28;
	nd_need(nd, p, 24);
	out_fmt(nd->out, " %u/", GET_BE32(nd, p + 12));
	wb_page(nd, p + 16);
	out_fmt(nd->out, " (max %u/", GET_BE32(nd, p));
	wb_page(nd, p + 4);
	ND_STR(nd, ") ");
	nd_need(nd, p, 28);
	uint32_t nid = GET_BE16(nd, p + 24);
	if (len < nid * 8)
		return -1;
	len -= nid * 8;
	const uint8_t *cp = wb_ids(nd, p + 28, nid);
	ND_STR(nd, " \"");
	nd_printn(nd, cp, len); /* escaped, up to a NUL */
	ND_CHR(nd, '"');
	return 0;
}

static int wb_rreq(struct nd *nd, const uint8_t *p, uint32_t len)
{
	ND_STR(nd, " wb-rreq:");
	if (len < 20)
		return -1;
	nd_need(nd, p, 20);
	ND_STR(nd, " please repair ");
	nd_ipaddr(nd, p);
	ND_CHR(nd, ' ');
	wb_page(nd, p + 4);
	out_fmt(nd->out, "<%u:%u>", GET_BE32(nd, p + 12), GET_BE32(nd, p + 16));
	return 0;
}

static int wb_preq(struct nd *nd, const uint8_t *p, uint32_t len)
{
	ND_STR(nd, " wb-preq:");
	if (len < 16)
		return -1;
	nd_need(nd, p, 12);
	out_fmt(nd->out, " need %u/", GET_BE32(nd, p + 8));
	wb_page(nd, p);
	nd_need(nd, p, 16);
	return 0;
}

/* page vector: n, then n pgstates each followed by its id/offset pairs
 * (tcpdump 4.99 reads the 16-bit id count by its first byte) */
static int wb_prep(struct nd *nd, const uint8_t *p, uint32_t len)
{
	ND_STR(nd, " wb-prep:");
	if (len < 4)
		return -1;
	uint32_t n = GET_BE32(nd, p);
	const uint8_t *ps = p + 4;
	for (; n != 0; n--) {
		nd_need(nd, ps, 12);
		out_fmt(nd->out, " %u/", GET_BE32(nd, ps));
		wb_page(nd, ps + 4);
		nd_need(nd, ps, 16);
		ps = wb_ids(nd, ps + 16, GET_U8(nd, ps + 12));
	}
	return 0;
}

/* -v: the drawing ops of a drawing op or repair reply packet, sequence ss..es */
static void wb_dops(struct nd *nd, const uint8_t *dh, uint32_t ss, uint32_t es)
{
	ND_STR(nd, " <");
	for (; ss <= es; ++ss) {
		nd_need(nd, dh, 8);
		uint8_t t = GET_U8(nd, dh + 7);
		if (t > 15) {
			out_fmt(nd->out, " dop-%u!", t);
		} else {
			ND_CHR(nd, ' ');
			ND_STR(nd, wb_dop_names[t]);
			if (t == 14 || t == 15) {
				uint32_t ts = GET_BE32(nd, dh);
				out_fmt(nd->out, "%u", ts - ss + 1);
				if (ss > ts || ts > es) {
					ND_STR(nd, "[|]");
					if (ts < ss)
						return;
				}
				ss = ts;
			}
		}
		/* ops are padded to 4 bytes; every step moves at least 8 bytes on */
		size_t step = ((size_t)GET_BE16(nd, dh + 4) + 8 + 3) & ~(size_t)3;
		dh = step > nd_avail(nd, dh) ? nd->snapend : dh + step;
	}
	ND_STR(nd, " >");
}

/* drawing op: page(8) sseq(4) eseq(4), ops;  repair reply: site(4) + the same */
static int wb_dop(struct nd *nd, const uint8_t *p, uint32_t len, int rrep)
{
	uint32_t need = rrep ? 20 : 16;
	ND_STR(nd, rrep ? " wb-rrep:" : " wb-dop:");
	if (len < need)
		return -1;
	nd_need(nd, p, need);
	if (rrep) {
		ND_STR(nd, " for ");
		nd_ipaddr(nd, p);
		p += 4;
	}
	ND_CHR(nd, ' ');
	wb_page(nd, p);
	uint32_t ss = GET_BE32(nd, p + 8), es = GET_BE32(nd, p + 12);
	out_fmt(nd->out, "<%u:%u>", ss, es);
	if (nd->o->vflag)
		wb_dops(nd, p + 16, ss, es);
	return 0;
}

void wb_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "wb";
	if (len < WB_HDR) {
		nd_print_invalid(nd);
		return;
	}
	nd_need(nd, p, WB_HDR);
	len -= WB_HDR;
	if (GET_U8(nd, p + 11))
		ND_CHR(nd, '*');
	uint8_t type = GET_U8(nd, p + 10);
	const uint8_t *b = p + WB_HDR;
	int r;
	switch (type) {
	case 4:
		ND_STR(nd, " wb-kill");
		return;
	case 1:
		r = wb_id(nd, b, len);
		break;
	case 2:
		r = wb_rreq(nd, b, len);
		break;
	case 3:
		r = wb_dop(nd, b, len, 1);
		break;
	case 0:
		r = wb_dop(nd, b, len, 0);
		break;
	case 5:
		r = wb_preq(nd, b, len);
		break;
	case 7:
		r = wb_prep(nd, b, len);
		break;
	default:
		out_fmt(nd->out, " wb-%u!", type);
		r = -1;
		break;
	}
	if (r < 0)
		nd_print_invalid(nd);
}
