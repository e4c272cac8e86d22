/*
 * fr.c - Frame Relay (DLT_FRELAY, RFC 2427 / Q.922), printed as tcpdump 4.99 does.
 *
 *   Q.922 address, 2 to 4 bytes (EA bit ends it):
 *     DLCI(6) C/R EA | DLCI(4) FECN BECN DE EA | [DLCI(7) EA] | [DLCI(6) D/C EA]
 *   then either a Cisco-style Ethernet type, or UI (0x03) [pad 0x00] NLPID.
 *
 * NLPIDs decoded: IPv4, IPv6, SNAP, and the OSI ones (CLNP, ES-IS, IS-IS:
 * given to isoclns_print() of print/isis.c when it is linked in), Q.933 / LMI
 * (print/q933.c), FRF.15 fragmentation headers and PPP (print/ppp.c).
 *
 * FRF.16 multilink Frame Relay (DLT_MFR, and the Juniper MFR child links):
 *   control frame:  B E C=1 0000 EA | 0x00 | message type | IEs (type, len incl. header)
 *   fragment:       B E C=0 seq(4) EA | seq(8) | a Q.922 frame (first fragment)
 */
#include <time.h>

#include "nd.h"
#include "rest.h"
#include "serial.h"
#include "tunnel.h"

void isoclns_print(struct nd *nd, const uint8_t *p, uint32_t length) __attribute__((weak));

static const struct tok fr_flag_names[] = {
	{0x02000000, "C!"}, {0x00020000, "DE"}, {0x00040000, "BECN"}, {0x00080000, "FECN"},
	{0x00000002, "sdlcore"}, {0, NULL},
};

static const struct tok nlpid_names[] = {
	{0x00, "NULL"}, {0x08, "Q.933"}, {0x09, "LMI"}, {0x80, "SNAP"}, {0x81, "CLNP"},
	{0x82, "ES-IS"}, {0x83, "IS-IS"}, {0x84, "CONS"}, {0x85, "IDRP"}, {0xb1, "FRF.15"},
	{0xc1, "ISIS_SPB"}, {0xcc, "IPv4"}, {0xcf, "PPP"}, {0x8a, "X25 ES-IS"}, {0x8e, "IPv6"},
	{0, NULL},
};

/* 1: address parsed, 0: invalid, -1: cut short (by the capture or the length) */
static int parse_q922(struct nd *nd, const uint8_t *p, uint32_t length, unsigned *dlci, unsigned *alen,
		      uint32_t *flags)
{
	if (!nd_ok(nd, p, 1) || length < 1)
		return -1;
	uint8_t b0 = GET_U8(nd, p);
	if (b0 & 1)
		return 0;
	if (!nd_ok(nd, p + 1, 1) || length < 2)
		return -1;
	uint8_t b1 = GET_U8(nd, p + 1);
	*alen = 2;
	*dlci = ((unsigned)(b0 & 0xfc) << 2) | ((b1 & 0xf0) >> 4);
	*flags = (uint32_t)(b0 & 0x02) << 24 | (uint32_t)(b1 & 0x0e) << 16;
	if (b1 & 1)
		return 1;
	p += 2;
	length -= 2;
	if (!nd_ok(nd, p, 1) || length < 1)
		return -1;
	(*alen)++;
	if ((GET_U8(nd, p) & 1) == 0) {
		*dlci = (*dlci << 7) | (GET_U8(nd, p) >> 1);
		(*alen)++;
		p++;
		length--;
	}
	if (!nd_ok(nd, p, 1) || length < 1)
		return -1;
	uint8_t b = GET_U8(nd, p);
	if ((b & 1) == 0)
		return 0;
	*flags |= b & 0x02;
	*dlci = (*dlci << 6) | (b >> 2);
	return 1;
}

static void hdr_print(struct nd *nd, uint32_t length, unsigned alen, unsigned dlci, uint32_t flags, unsigned nlpid)
{
	if (nd->o->qflag) {
		out_fmt(nd->out, "Q.922, DLCI %u, length %u: ", dlci, length);
		return;
	}
	out_fmt(nd->out, "Q.922, hdr-len %u, DLCI %u, Flags [", alen, dlci);
	nd_bits(nd, fr_flag_names, flags, ", ");
	if (nlpid <= 0xff) {
		ND_STR(nd, "], NLPID ");
		nd_tok(nd, nlpid_names, "unknown", nlpid);
		out_fmt(nd->out, " (0x%02x), length %u: ", nlpid, length);
	} else {
		ND_STR(nd, "], cisco-ethertype ");
		nd_tok(nd, link_ethertype_names, "unknown", nlpid);
		out_fmt(nd->out, " (0x%04x), length %u: ", nlpid, length);
	}
}

static void fr_trunc(struct nd *nd)
{
	nd->protocol = "fr";
	nd_print_trunc(nd);
}

#define MFR_B_BIT 0x80
#define MFR_E_BIT 0x40
#define MFR_C_BIT 0x20

static const struct tok frf_flag_names[] = { /* FRF.15 and FRF.16 */
	{MFR_B_BIT, "Begin"}, {MFR_E_BIT, "End"}, {MFR_C_BIT, "Control"}, {0, NULL}};

/*
 * FRF.15 end-to-end fragmentation (NLPID 0xb1):
 *   B E C seq(4) R | seq(8)     (R: 1 interface fragmentation)
 */
static void frf15_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	if (length < 2) {
		nd_print_trunc(nd); /* as " [|fr]" */
		return;
	}
	uint8_t b0 = GET_U8(nd, p);
	unsigned seq = (unsigned)(b0 & 0x1e) << 7 | GET_U8(nd, p + 1);
	out_fmt(nd->out, "FRF.15, seq 0x%03x, Flags [", seq);
	nd_bits(nd, frf_flag_names, b0 & 0xe0, ", ");
	out_fmt(nd->out, "],%s Fragmentation, length %u", b0 & 0x01 ? "Interface" : "End-to-End", length);
}

/* The frame at p (length bytes on the wire); returns the header length. */
static uint32_t fr_body(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "fr";
	unsigned dlci = 0, alen = 0;
	uint32_t flags = 0;
	int r = parse_q922(nd, p, length, &dlci, &alen, &flags);
	if (r < 0) {
		fr_trunc(nd);
		return 0;
	}
	if (r == 0) {
		ND_STR(nd, "Q.922, invalid address");
		return 0;
	}
	if (!nd_ok(nd, p + alen, 1) || length < alen + 1) {
		fr_trunc(nd);
		return 0;
	}
	uint8_t ctl = GET_U8(nd, p + alen);
	if (ctl != 0x03 && dlci != 0) {
		/* Cisco style: an Ethernet type after the address */
		if (!nd_ok(nd, p + alen, 2) || length < alen + 2) {
			out_fmt(nd->out, "UI %02x! ", ctl);
		} else {
			uint16_t et = GET_BE16(nd, p + alen);
			if (nd->o->eflag)
				hdr_print(nd, length, alen, dlci, flags, et);
			const uint8_t *q = p + alen + 2;
			if (ethertype_print(nd, et, q, length - alen - 2, (uint32_t)nd_avail(nd, q), NULL, NULL))
				return alen + 2;
			out_fmt(nd->out, "UI %02x! ", ctl);
		}
	}
	if (!nd_ok(nd, p + alen + 1, 1) || length < alen + 2) {
		fr_trunc(nd);
		return 0;
	}
	uint32_t hdr_len;
	if (GET_U8(nd, p + alen + 1) == 0) {
		/* a pad byte after the UI; only right with a 3-byte address */
		if (alen != 3)
			ND_STR(nd, "Pad! ");
		hdr_len = alen + 3;
	} else {
		if (alen == 3)
			ND_STR(nd, "No pad! ");
		hdr_len = alen + 2;
	}
	if (!nd_ok(nd, p + hdr_len - 1, 1) || length < hdr_len) {
		fr_trunc(nd);
		return 0;
	}
	uint8_t nlpid = GET_U8(nd, p + hdr_len - 1);
	if (nd->o->eflag)
		hdr_print(nd, length, alen, dlci, flags, nlpid);
	p += hdr_len;
	length -= hdr_len;
	switch (nlpid) {
	case 0xcc:
		ip_print(nd, p, length);
		break;
	case 0x8e:
		ip6_print(nd, p, length);
		break;
	case 0x81:
	case 0x82:
	case 0x83:
		if (isoclns_print) {
			isoclns_print(nd, p - 1, length + 1); /* the OSI printers want the NLPID */
			break;
		}
		goto dflt;
	case 0x08: /* rest: Q.933 */
		q933_print(nd, p, length);
		break;
	case 0xb1:
		frf15_print(nd, p, length);
		break;
	case 0xcf:
		ppp_print(nd, p, length);
		break;
	case 0x80:
		if (!snap_print(nd, p, length, (uint32_t)nd_avail(nd, p), NULL, NULL)) {
			if (!nd->o->eflag)
				hdr_print(nd, length + hdr_len, hdr_len, dlci, flags, nlpid);
			if (!nd_default_print_suppressed(nd))
				nd_default_print(nd, p - hdr_len, length + hdr_len);
		}
		break;
	default:
	dflt:
		if (!nd->o->eflag)
			hdr_print(nd, length + hdr_len, alen, dlci, flags, nlpid);
		if (!nd->o->xflag)
			nd_default_print(nd, p, length);
		break;
	}
	return hdr_len;
}

void fr_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	(void)caplen;
	nd->protocol = "fr";
	if (!nd_ok(nd, p, 4)) {
		fr_trunc(nd);
		nd->ll_hdr_len = nd->caplen;
		return;
	}
	nd->ll_hdr_len = fr_body(nd, p, len);
}

/* ---- FRF.16 ---- */

#define MFR_BEC_MASK (MFR_B_BIT | MFR_E_BIT | MFR_C_BIT)
#define MFR_CTRL_FRAME MFR_BEC_MASK
#define MFR_FRAG_FRAME (MFR_B_BIT | MFR_E_BIT)
#define MFR_ID_STRING_MAXLEN 50
#define MFR_IE_HDRLEN 2

enum { MFR_IE_BUNDLE_ID = 1, MFR_IE_LINK_ID = 2, MFR_IE_MAGIC = 3, MFR_IE_TIMESTAMP = 5 };


static const struct tok mfr_msg_names[] = {
	{1, "Add Link"}, {2, "Add Link ACK"}, {3, "Add Link Reject"}, {4, "Hello"}, {5, "Hello ACK"},
	{6, "Remove Link"}, {7, "Remove Link ACK"}, {0, NULL}};

static const struct tok mfr_ie_names[] = {
	{MFR_IE_BUNDLE_ID, "Bundle ID"}, {MFR_IE_LINK_ID, "Link ID"}, {MFR_IE_MAGIC, "Magic Number"},
	{MFR_IE_TIMESTAMP, "Timestamp"}, {6, "Vendor Extension"}, {7, "Cause"}, {0, NULL}};

/* A timestamp IE holds the sender's struct timeval (two host-order longs on
 * the machines that send it); tcpdump prints it as it prints packet times. */
static void mfr_timestamp(struct nd *nd, const uint8_t *p)
{
	int64_t sec = (int64_t)((uint64_t)GET_LE32(nd, p + 4) << 32 | GET_LE32(nd, p));
	uint64_t usec = (uint64_t)GET_LE32(nd, p + 12) << 32 | GET_LE32(nd, p + 8);
	switch (nd->o->tflag) {
	case 1:
		return;
	case 2:
		out_fmt(nd->out, "%lld.%06u ", (long long)sec, (unsigned)(uint32_t)usec);
		return;
	default: {
		time_t t = (time_t)sec;
		struct tm tm;
		char buf[32];
		if (sec < 0 || !localtime_r(&t, &tm) ||
		    !strftime(buf, sizeof buf, nd->o->tflag == 4 ? "%Y-%m-%d %H:%M:%S" : "%H:%M:%S", &tm)) {
			ND_STR(nd, "[Error converting time] ");
			return;
		}
		out_fmt(nd->out, "%s.%06u ", buf, (unsigned)(uint32_t)usec);
		return;
	}
	}
}

/* The IEs of a control frame; 0 when one is cut short by the capture. */
static int mfr_ies(struct nd *nd, const uint8_t *tp, uint32_t tlen)
{
	while (tlen > MFR_IE_HDRLEN) {
		if (!nd_ok(nd, tp, MFR_IE_HDRLEN))
			return 0;
		unsigned type = GET_U8(nd, tp), ielen = GET_U8(nd, tp + 1);
		ND_STR(nd, "\n\tIE ");
		nd_tok(nd, mfr_ie_names, "Unknown", type);
		out_fmt(nd->out, " (%u), length %u: ", type, ielen);
		if (type == 0 || ielen <= MFR_IE_HDRLEN)
			return 1;
		if (!nd_ok(nd, tp, ielen))
			return 0;
		tp += MFR_IE_HDRLEN;
		ielen -= MFR_IE_HDRLEN;
		tlen -= MFR_IE_HDRLEN;
		switch (type) {
		case MFR_IE_MAGIC:
			if (ielen != 4) {
				out_fmt(nd->out, "[IE data length %d != 4]", ielen);
				nd_print_invalid(nd);
			} else {
				out_fmt(nd->out, "0x%08x", GET_BE32(nd, tp));
			}
			break;
		case MFR_IE_BUNDLE_ID:
		case MFR_IE_LINK_ID:
			for (unsigned i = 0; i < ielen && i < MFR_ID_STRING_MAXLEN; i++) {
				uint8_t c = GET_U8(nd, tp + i);
				if (c == 0)
					break;
				nd_putc_esc(nd, c);
			}
			break;
		default:
			if (type == MFR_IE_TIMESTAMP && ielen == 16)
				mfr_timestamp(nd, tp);
			else if (nd->o->vflag <= 1) /* not decoded (or not a timeval): dumped */
				nd_print_unknown_data(nd, tp, "\n\t  ", ielen);
			break;
		}
		if (nd->o->vflag > 1)
			nd_print_unknown_data(nd, tp, "\n\t  ", ielen);
		tlen -= ielen;
		tp += ielen;
	}
	return 1;
}

/*
 * tcpdump checks the fixed parts itself: a short frame is invalid, a frame
 * cut by the capture prints " [|mfr]", and both count the whole frame as
 * header (no -x dump); what the fields say is read through the accessors.
 */
uint32_t mfr_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "mfr";
	if (length < 4) {
		out_fmt(nd->out, "[length %u < 4]", length);
		nd_print_invalid(nd);
		return length;
	}
	if (!nd_ok(nd, p, 4)) {
		nd_print_trunc(nd);
		return length;
	}
	uint8_t b0 = GET_U8(nd, p);
	unsigned bec = b0 & MFR_BEC_MASK;
	if (bec == MFR_CTRL_FRAME && GET_U8(nd, p + 1) == 0) {
		ND_STR(nd, "FRF.16 Control, Flags [");
		nd_bits(nd, frf_flag_names, bec, ", ");
		ND_STR(nd, "], ");
		nd_tok(nd, mfr_msg_names, "Unknown Message (0x%02x)", GET_U8(nd, p + 2));
		out_fmt(nd->out, ", length %u", length);
		if (nd->o->vflag && !mfr_ies(nd, p + 3, length - 3)) {
			nd->protocol = "mfr";
			nd_print_trunc(nd);
			return length;
		}
		return 3;
	}
	unsigned seq = (unsigned)(b0 & 0x1e) << 7 | GET_U8(nd, p + 1);
	out_fmt(nd->out, "FRF.16 Frag, seq %u, Flags [", seq);
	nd_bits(nd, frf_flag_names, bec, ", ");
	if (bec == MFR_FRAG_FRAME || bec == MFR_B_BIT) {
		/* the whole frame or its first fragment: a Q.922 frame follows */
		ND_STR(nd, "], ");
		fr_body(nd, p + 2, length - 2);
		return 2;
	}
	ND_CHR(nd, ']');
	nd_print_unknown_data(nd, p, "\n\t", length);
	return 0;
}

void mfr_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "mfr";
	if (!nd_ok(nd, p, 2)) {
		nd_print_trunc(nd);
		nd->ll_hdr_len = caplen;
		return;
	}
	nd->ll_hdr_len = mfr_print(nd, p, len);
}
