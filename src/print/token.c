/*
 * token.c - IEEE 802.5 Token Ring (DLT_IEEE802) and FDDI (DLT_FDDI), printed
 * as tcpdump 4.99 does.  Both carry 802.2 LLC when the frame control says so
 * and print other frames as a header line and a hex dump (FDDI SMT frames:
 * tcpdump's "not yet implemented" line).
 *
 *   Token Ring: AC(1) FC(1) dst(6) src(6) [RCF(2) route segments(2 each)]
 *     source routing is present when the source's top bit is set; the RCF
 *     holds broadcast(3) length(5) direction(1) largest frame(3) bits.
 *   FDDI: FC(1) dst(6) src(6); addresses are in canonical order on Linux,
 *     where tcpdump does not bit-swap them.
 */
#include "nd.h"

#define TOKEN_HDRLEN 14
#define TOKEN_FC_LLC 1
#define FDDI_HDRLEN 13

static const char *const tr_broadcast[] = {
	"Non-Broadcast", "Non-Broadcast", "Non-Broadcast", "Non-Broadcast",
	"All-routes", "All-routes", "Single-route", "Single-route"};
static const char *const tr_largest[] = {"516", "1500", "2052", "4472", "8144", "11407", "17800", "??"};

/* A MAC address already copied out of the packet. */
static void mac_print(struct nd *nd, const uint8_t *a)
{
	out_fmt(nd->out, "%02x:%02x:%02x:%02x:%02x:%02x", a[0], a[1], a[2], a[3], a[4], a[5]);
}

static void token_hdr(struct nd *nd, const uint8_t *p, uint32_t length, const uint8_t *src, const uint8_t *dst)
{
	if (!nd->o->qflag)
		out_fmt(nd->out, "%02x %02x ", GET_U8(nd, p), GET_U8(nd, p + 1));
	mac_print(nd, src);
	ND_STR(nd, " > ");
	mac_print(nd, dst);
	out_fmt(nd->out, ", length %u: ", length);
}

/* The LLC payload of either ring; the raw dump when LLC does not know it. */
static int llc_payload(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen, const uint8_t *src,
		       const uint8_t *dst)
{
	int n = llc_print(nd, p, length, caplen, src, dst);
	if (n < 0) {
		if (!nd_default_print_suppressed(nd))
			nd_default_print(nd, p, caplen);
		n = -n;
	}
	return n;
}

void token_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t length)
{
	uint8_t src[6], dst[6];
	uint32_t route_len = 0, hdr_len = TOKEN_HDRLEN;
	nd->protocol = "token-ring";
	if (caplen < TOKEN_HDRLEN) {
		nd_print_trunc(nd);
		nd->ll_hdr_len = caplen;
		return;
	}
	GET_CPY(nd, dst, p + 2, 6);
	GET_CPY(nd, src, p + 8, 6);
	int routed = src[0] & 0x80;
	if (routed) {
		src[0] &= 0x7f;
		if (nd->o->eflag)
			token_hdr(nd, p, length, src, dst);
		if (caplen < TOKEN_HDRLEN + 2) {
			nd_print_trunc(nd);
			nd->ll_hdr_len = TOKEN_HDRLEN; /* as tcpdump's -x shows */
			return;
		}
		uint16_t rcf = GET_BE16(nd, p + 14);
		route_len = (rcf & 0x1f00) >> 8;
		hdr_len += route_len;
		if (caplen < hdr_len) {
			nd_print_trunc(nd);
			nd->ll_hdr_len = caplen;
			return;
		}
		int segs = ((int)route_len - 2) / 2;
		if (nd->o->vflag) {
			out_fmt(nd->out, "%s %s", tr_broadcast[(rcf & 0xe000) >> 13], (rcf & 0x80) ? "Backward" : "Forward");
			for (int s = 0; s < segs; s++) {
				uint16_t seg = GET_BE16(nd, p + 16 + 2 * s);
				out_fmt(nd->out, " [%u:%u]", (seg & 0xfff0) >> 4, seg & 0x000f);
			}
		} else {
			out_fmt(nd->out, "rt = %x", rcf);
			for (int s = 0; s < segs; s++)
				out_fmt(nd->out, ":%x", GET_BE16(nd, p + 16 + 2 * s));
		}
		out_fmt(nd->out, " (%s) ", tr_largest[(rcf & 0x70) >> 4]);
	} else if (nd->o->eflag) {
		token_hdr(nd, p, length, src, dst);
	}
	const uint8_t *q = p + hdr_len;
	nd->ll_hdr_len = hdr_len;
	if (((GET_U8(nd, p + 1) & 0xc0) >> 6) == TOKEN_FC_LLC) {
		/* where LLC prints the source address, tcpdump's has the routing bit cleared */
		nd->src_alias = p + 8;
		memcpy(nd->src_alias_addr, src, 6);
		nd->ll_hdr_len += (uint32_t)llc_payload(nd, q, length - hdr_len, caplen - hdr_len, p + 8, p + 2);
		nd->src_alias = NULL;
	} else {
		if (!nd->o->eflag)
			token_hdr(nd, p, length, src, dst);
		if (!nd_default_print_suppressed(nd))
			nd_default_print(nd, q, caplen - hdr_len);
	}
}

/* tcpdump's names of the frame control values. */
static void fddi_fc(struct nd *nd, uint8_t fc)
{
	switch (fc) {
	case 0x40: ND_STR(nd, "void "); return;
	case 0x80: ND_STR(nd, "nrt "); return;
	case 0xc0: ND_STR(nd, "rt "); return;
	case 0x41: ND_STR(nd, "info "); return;
	case 0x4f: ND_STR(nd, "nsa "); return;
	case 0xc2: ND_STR(nd, "beacon "); return;
	case 0xc3: ND_STR(nd, "claim "); return;
	default: break;
	}
	static const struct {
		uint8_t cl;
		const char *name;
	} classes[] = {{0xc0, "mac"}, {0x40, "smt"}, {0x50, "async"}, {0xd0, "sync"}, {0x60, "imp_async"}, {0xe0, "imp_sync"}};
	for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
		if ((fc & 0xf0) == classes[i].cl) {
			out_fmt(nd->out, "%s%x ", classes[i].name, fc & 0x0f);
			return;
		}
	}
	out_fmt(nd->out, "%02x ", fc);
}

static void fddi_hdr(struct nd *nd, uint8_t fc, uint32_t length, const uint8_t *p)
{
	if (!nd->o->qflag)
		fddi_fc(nd, fc);
	nd_etheraddr(nd, p + 7);
	ND_STR(nd, " > ");
	nd_etheraddr(nd, p + 1);
	out_fmt(nd->out, ", length %u: ", length);
}

void fddi_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t length)
{
	nd->protocol = "fddi";
	if (caplen < FDDI_HDRLEN) {
		nd_print_trunc(nd);
		nd->ll_hdr_len = caplen;
		return;
	}
	uint8_t fc = GET_U8(nd, p);
	if (nd->o->eflag)
		fddi_hdr(nd, fc, length, p);
	const uint8_t *q = p + FDDI_HDRLEN;
	nd->ll_hdr_len = FDDI_HDRLEN;
	if ((fc & 0xf0) == 0x50) {
		nd->ll_hdr_len += (uint32_t)llc_payload(nd, q, length - FDDI_HDRLEN, caplen - FDDI_HDRLEN, p + 7, p + 1);
	} else if ((fc & 0xf0) == 0x40) {
		ND_STR(nd, "<SMT printer not yet implemented>");
	} else {
		if (!nd->o->eflag)
			fddi_hdr(nd, fc, length, p);
		if (!nd_default_print_suppressed(nd))
			nd_default_print(nd, q, caplen - FDDI_HDRLEN);
	}
}
