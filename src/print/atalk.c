/*
 * atalk.c - AppleTalk (Inside AppleTalk, 2nd ed.) as tcpdump 4.99 prints it:
 * DDP over EtherTalk (ethertype 0x809b, SNAP 08-00-07/809b, ARCnet),
 * LocalTalk LLAP (DLT_LTALK), AARP (ethertype 0x80f3), and in DDP the ATP
 * and NBP messages (RTMP, ZIP, echo... are named only).
 *
 *   DDP:  | len(2) | cksum(2) | dst net(2) | src net(2) | dnode | snode | dskt | sskt | type |
 *   LLAP: | dst node | src node | type (1 short DDP, 2 long DDP) |
 *   short DDP: | len(2) | dskt | sskt | type |
 *   ATP:  | control | bitmap | tid(2) | user data(4) |
 *   NBP:  | control/count | id | tuples: net(2) node skt enum, object/type/zone strings |
 */
#include "rest.h"
#include "route.h"

#define DDP_LEN 13
#define DDP_SHORT_LEN 5
#define LLAP_LEN 3
#define ATP_LEN 8
#define NBP_HDR_LEN 2
#define NBP_TUPLE_LEN 5

#define ATP_XO 0x20
#define ATP_EOM 0x10
#define ATP_STS 0x08

static const struct tok ddp_type_names[] = {
	{1, "rtmp"}, {5, "rtmpReq"}, {4, "echo"}, {22, "IP"}, {23, "ARP"}, {0x4b, "KLAP"}, {0, NULL},
};
static const struct tok ddp_skt_names[] = {
	{1, "rtmp"}, {2, "nis"}, {4, "echo"}, {6, "zip"}, {0, NULL},
};

/* net.node, or net alone for node 255 (no /etc/atalk.names lookup). */
static void at_addr(struct nd *nd, uint16_t net, uint8_t node)
{
	if (node != 255)
		out_fmt(nd->out, "%u.%u", net, node);
	else
		out_fmt(nd->out, "%u", net);
}

static void at_skt(struct nd *nd, uint8_t skt)
{
	if (nd->o->nflag)
		out_fmt(nd->out, "%u", skt);
	else
		nd_tok(nd, ddp_skt_names, "%u", skt);
}

static void atp_bitmap_print(struct nd *nd, uint8_t bm)
{
	if ((bm + 1) & bm) {
		char c = '<';
		for (unsigned i = 0; bm; i++, bm >>= 1) {
			if (bm & 1) {
				out_fmt(nd->out, "%c%u", c, i);
				c = ',';
			}
		}
		ND_CHR(nd, '>');
	} else {
		unsigned i = 0;
		for (; bm; i++)
			bm >>= 1;
		if (i > 1)
			out_fmt(nd->out, "<0-%u>", i - 1);
		else
			ND_STR(nd, "<0>");
	}
}

static void atp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (!nd_ok(nd, p, ATP_LEN)) {
		nd_print_trunc(nd);
		return;
	}
	if (len < ATP_LEN) {
		out_fmt(nd->out, " [|atp %u]", len);
		return;
	}
	len -= ATP_LEN;
	uint8_t control = GET_U8(nd, p), bitmap = GET_U8(nd, p + 1);
	uint16_t tid = GET_BE16(nd, p + 2);
	switch (control & 0xc0) {
	case 0x40:
		out_fmt(nd->out, " atp-req%s %u", control & ATP_XO ? " " : "*", tid);
		atp_bitmap_print(nd, bitmap);
		if (len != 0)
			out_fmt(nd->out, " [len=%u]", len);
		switch (control & (ATP_EOM | ATP_STS)) {
		case ATP_EOM: ND_STR(nd, " [EOM]"); break;
		case ATP_STS: ND_STR(nd, " [STS]"); break;
		case ATP_EOM | ATP_STS: ND_STR(nd, " [EOM,STS]"); break;
		}
		break;
	case 0x80:
		out_fmt(nd->out, " atp-resp%s%u:%u (%u)", control & ATP_EOM ? "*" : " ", tid, bitmap, len);
		switch (control & (ATP_XO | ATP_STS)) {
		case ATP_XO: ND_STR(nd, " [XO]"); break;
		case ATP_STS: ND_STR(nd, " [STS]"); break;
		case ATP_XO | ATP_STS: ND_STR(nd, " [XO,STS]"); break;
		}
		break;
	case 0xc0:
		out_fmt(nd->out, " atp-rel  %u", tid);
		atp_bitmap_print(nd, bitmap);
		if (len)
			out_fmt(nd->out, " [len=%u]", len);
		if (control & (ATP_XO | ATP_EOM | ATP_STS)) {
			char c = '[';
			if (control & ATP_XO) {
				out_fmt(nd->out, "%cXO", c);
				c = ',';
			}
			if (control & ATP_EOM) {
				out_fmt(nd->out, "%cEOM", c);
				c = ',';
			}
			if (control & ATP_STS)
				out_fmt(nd->out, "%cSTS", c);
			ND_CHR(nd, ']');
		}
		break;
	default:
		out_fmt(nd->out, " atp-0x%x  %u (%u)", control, tid, len);
		break;
	}
	uint32_t data = GET_BE32(nd, p + 4);
	if (data != 0)
		out_fmt(nd->out, " 0x%x", data);
}

/* A counted string (at most 32 bytes); NULL after a truncation mark. */
static const uint8_t *nbp_cstring(struct nd *nd, const uint8_t *cp)
{
	if (!nd_ok(nd, cp, 1)) {
		nd_print_trunc(nd);
		return NULL;
	}
	uint32_t n = GET_U8(nd, cp++);
	if (n > 32) {
		out_fmt(nd->out, "[len=%u]", n);
		return NULL;
	}
	for (; n != 0; n--, cp++) {
		if (!nd_ok(nd, cp, 1)) {
			nd_print_trunc(nd);
			return NULL;
		}
		nd_printjn(nd, cp, 1);
	}
	return cp;
}

/* " \"object:type@zone\"": the end of the tuple, or NULL. */
static const uint8_t *nbp_name_print(struct nd *nd, const uint8_t *tp)
{
	const uint8_t *cp = tp + NBP_TUPLE_LEN;
	ND_STR(nd, " \"");
	if ((cp = nbp_cstring(nd, cp)) == NULL)
		return NULL;
	ND_CHR(nd, ':');
	if ((cp = nbp_cstring(nd, cp)) == NULL)
		return NULL;
	ND_CHR(nd, '@');
	if ((cp = nbp_cstring(nd, cp)) == NULL)
		return NULL;
	ND_CHR(nd, '"');
	return cp;
}

static const uint8_t *nbp_tuple_print(struct nd *nd, const uint8_t *tp, uint16_t snet, uint8_t snode,
				      uint8_t skt)
{
	/* tcpdump tests for its 5-byte tuple struct plus padding: 6 bytes */
	if (!nd_ok(nd, tp, NBP_TUPLE_LEN + 1)) {
		nd_print_trunc(nd);
		return NULL;
	}
	const uint8_t *next = nbp_name_print(nd, tp);
	uint8_t en = GET_U8(nd, tp + 4);
	if (en != 1)
		out_fmt(nd->out, "(%u)", en);
	if (GET_U8(nd, tp + 3) != skt)
		out_fmt(nd->out, " %u", GET_U8(nd, tp + 3));
	uint16_t net = GET_BE16(nd, tp);
	uint8_t node = GET_U8(nd, tp + 2);
	if (net != snet || node != snode) {
		ND_STR(nd, " [addr=");
		at_addr(nd, net, node);
		ND_CHR(nd, ']');
	}
	return next;
}

static void nbp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t snet, uint8_t snode, uint8_t skt)
{
	if (len < NBP_HDR_LEN) {
		out_fmt(nd->out, " truncated-nbp %u", len);
		return;
	}
	len -= NBP_HDR_LEN;
	if (len < 8) {
		out_fmt(nd->out, " truncated-nbp %u", len + NBP_HDR_LEN);
		return;
	}
	const uint8_t *tp = p + NBP_HDR_LEN;
	if (!nd_ok(nd, tp, 0)) {
		nd_print_trunc(nd);
		return;
	}
	uint8_t control = GET_U8(nd, p), id = GET_U8(nd, p + 1);
	switch (control & 0xf0) {
	case 0x10:
	case 0x20:
		out_fmt(nd->out, (control & 0xf0) == 0x20 ? " nbp-lkup %u:" : " nbp-brRq %u:", id);
		if (!nd_ok(nd, tp, NBP_TUPLE_LEN + 1)) {
			nd_print_trunc(nd);
			return;
		}
		nbp_name_print(nd, tp);
		if ((control & 0xf) != 1)
			out_fmt(nd->out, " [ntup=%u]", control & 0xf);
		if (GET_U8(nd, tp + 4))
			out_fmt(nd->out, " [enum=%u]", GET_U8(nd, tp + 4));
		if (GET_BE16(nd, tp) != snet || GET_U8(nd, tp + 2) != snode || GET_U8(nd, tp + 3) != skt) {
			ND_STR(nd, " [addr=");
			at_addr(nd, GET_BE16(nd, tp), GET_U8(nd, tp + 2));
			out_fmt(nd->out, ".%u]", GET_U8(nd, tp + 3));
		}
		break;
	case 0x30:
		out_fmt(nd->out, " nbp-reply %u:", id);
		for (unsigned i = control & 0xf; i != 0 && tp; i--)
			tp = nbp_tuple_print(nd, tp, snet, snode, skt);
		break;
	default:
		out_fmt(nd->out, " nbp-0x%x  %u (%u)", control, id, len);
		break;
	}
}

static void ddp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint8_t type, uint16_t snet, uint8_t snode,
		      uint8_t skt)
{
	switch (type) {
	case 2:
		nbp_print(nd, p, len, snet, snode, skt);
		break;
	case 3:
		atp_print(nd, p, len);
		break;
	case 88:
		eigrp_print(nd, p, len);
		break;
	default:
		ND_STR(nd, " at-");
		nd_tok(nd, ddp_type_names, "#%u", type);
		out_fmt(nd->out, " %u", len);
		break;
	}
}

/* The long DDP header's addresses and the payload; colon_sep: ": " or ":". */
static void ddp_long_print(struct nd *nd, const uint8_t *p, uint32_t len, const char *colon)
{
	uint16_t snet = GET_BE16(nd, p + 6);
	uint8_t snode = GET_U8(nd, p + 9), sskt = GET_U8(nd, p + 11);
	at_addr(nd, snet, snode);
	ND_CHR(nd, '.');
	at_skt(nd, sskt);
	ND_STR(nd, " > ");
	at_addr(nd, GET_BE16(nd, p + 4), GET_U8(nd, p + 8));
	ND_CHR(nd, '.');
	at_skt(nd, GET_U8(nd, p + 10));
	ND_STR(nd, colon);
	ddp_print(nd, p + DDP_LEN, len - DDP_LEN, GET_U8(nd, p + 12), snet, snode, sskt);
}

void atalk_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (nd->o->vflag) /* tcpdump's EtherTalk phase 1 mark, whatever the link */
		ND_STR(nd, "et1 ");
	atalk_ddp_print(nd, p, len);
}

/* DDP without the "et1" mark (GRE). */
void atalk_ddp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "atalk";
	if (!nd->o->eflag)
		ND_STR(nd, "AT ");
	if (len < DDP_LEN) {
		out_fmt(nd->out, " [|ddp %u]", len);
		return;
	}
	if (!nd_ok(nd, p, DDP_LEN)) {
		ND_STR(nd, " [|ddp]");
		return;
	}
	ddp_long_print(nd, p, len, ": ");
}

/* LocalTalk: bytes of LLAP + DDP header, 0 when cut short by the capture. */
uint32_t llap_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "llap";
	if (len < LLAP_LEN) {
		out_fmt(nd->out, " [|llap %u]", len);
		return len;
	}
	if (!nd_ok(nd, p, LLAP_LEN)) {
		nd_print_trunc(nd);
		return 0;
	}
	uint8_t dst = GET_U8(nd, p), src = GET_U8(nd, p + 1), type = GET_U8(nd, p + 2);
	p += LLAP_LEN;
	len -= LLAP_LEN;
	switch (type) {
	case 1:
		if (len < DDP_SHORT_LEN) {
			out_fmt(nd->out, " [|sddp %u]", len);
			return len;
		}
		if (!nd_ok(nd, p, DDP_SHORT_LEN)) {
			ND_STR(nd, " [|sddp]");
			return 0;
		}
		at_addr(nd, 0, src);
		ND_CHR(nd, '.');
		at_skt(nd, GET_U8(nd, p + 3));
		ND_STR(nd, " > ");
		at_addr(nd, 0, dst);
		ND_CHR(nd, '.');
		at_skt(nd, GET_U8(nd, p + 2));
		ND_CHR(nd, ':');
		ddp_print(nd, p + DDP_SHORT_LEN, len - DDP_SHORT_LEN, GET_U8(nd, p + 4), 0, src,
			  GET_U8(nd, p + 3));
		return LLAP_LEN + DDP_SHORT_LEN;
	case 2:
		if (len < DDP_LEN) {
			out_fmt(nd->out, " [|ddp %u]", len);
			return len;
		}
		if (!nd_ok(nd, p, DDP_LEN)) {
			ND_STR(nd, " [|ddp]");
			return 0;
		}
		ddp_long_print(nd, p, len, ":");
		return LLAP_LEN + DDP_LEN;
	default:
		out_fmt(nd->out, "%u > %u at-lap#%u %u", src, dst, type, len);
		return LLAP_LEN;
	}
}

/* DLT_LTALK */
void ltalk_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	uint32_t hl = llap_print(nd, p, len);
	nd->ll_hdr_len = hl ? hl : caplen;
}

void aarp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "aarp";
	ND_STR(nd, "aarp ");
	if (!nd_ok(nd, p, 28)) {
		nd_print_trunc(nd);
		return;
	}
	if (len < 28) {
		out_fmt(nd->out, " [|aarp %u]", len);
		return;
	}
	uint16_t htype = GET_BE16(nd, p), ptype = GET_BE16(nd, p + 2), op = GET_BE16(nd, p + 6);
	uint8_t halen = GET_U8(nd, p + 4), palen = GET_U8(nd, p + 5);
	if (htype == 1 && ptype == 0x809b && halen == 6 && palen == 4) {
		/* protocol addresses: a zero pad byte, net(2), node */
		const uint8_t *psa = p + 14, *pda = p + 24;
		switch (op) {
		case 1:
		case 3:
			ND_STR(nd, op == 1 ? "who-has " : "probe ");
			at_addr(nd, GET_BE16(nd, pda + 1), GET_U8(nd, pda + 3));
			ND_STR(nd, " tell ");
			at_addr(nd, GET_BE16(nd, psa + 1), GET_U8(nd, psa + 3));
			return;
		case 2:
			ND_STR(nd, "reply ");
			at_addr(nd, GET_BE16(nd, psa + 1), GET_U8(nd, psa + 3));
			ND_STR(nd, " is-at ");
			nd_etheraddr(nd, p + 8);
			return;
		}
	}
	out_fmt(nd->out, "len %u op %u htype %u ptype %#x halen %u palen %u", len, op, htype, ptype, halen,
		palen);
}
