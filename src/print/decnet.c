/*
 * decnet.c - DECnet Phase IV (DNA Routing Layer Functional Specification
 * 2.0.0, NSP Functional Specification 4.0.1), ethertype 0x6003, as tcpdump
 * 4.99 prints it.  All fields are little-endian.
 *
 *   +-----------+-------+------+------+--------+---------------------+
 *   | pktlen(2) | flags | dst  | src  | visits | NSP message ...     |  short data header
 *   +-----------+-------+------+------+--------+---------------------+
 *   long data header: flags, 2 area bytes, dst id(6), 2 area bytes, src id(6),
 *   next-l2, visits, service, pt (21 bytes).  Control messages (flags bit 0)
 *   are init, verification, test, level 1/2 routing, router/endnode hello.
 *   Node address: 6-bit area, 10-bit node, printed "area.node".
 */
#include "rest.h"

#include <string.h>

/* routing flags */
#define DN_RMF_CTL 0x01
#define DN_RMF_MASK 0x07
#define DN_RMF_SHORT 0x02
#define DN_RMF_LONG 0x06
#define DN_RMF_RQR 0x08
#define DN_RMF_RTS 0x10
#define DN_RMF_IE 0x20
#define DN_RMF_FVER 0x40
#define DN_RMF_PAD 0x80

#define DN_SHORT_LEN 6
#define DN_LONG_LEN 21

/* sequence / ack fields of NSP */
#define SGQ_ACK 0x8000
#define SGQ_NAK 0x9000
#define SGQ_OACK 0xa000
#define SGQ_ONAK 0xb000
#define SGQ_MASK 0x0fff

static const struct tok dn_reason_names[] = {
	{0, "object rejected connect"},
	{1, "insufficient resources"},
	{2, "unrecognized node name"},
	{3, "node is shutting down"},
	{4, "unrecognized object"},
	{5, "invalid object name format"},
	{6, "object too busy"},
	{7, "protocol error discovered"},
	{8, "third party abort"},
	{9, "user abort"},
	{10, "invalid node name format"},
	{11, "local node shutting down"},
	{32, "insufficient local resources"},
	{33, "insufficient remote user resources"},
	{34, "invalid access control information"},
	{36, "bad ACCOUNT information"},
	{38, "no response from object"},
	{39, "node unreachable"},
	{41, "no link terminate"},
	{42, "disconnect complete"},
	{43, "bad image data in connect"},
	{54, "cryptographic service mismatch"},
	{0, NULL},
};

static void dn_addr(struct nd *nd, uint16_t a)
{
	out_fmt(nd->out, "%u.%u", (unsigned)(a >> 10), (unsigned)(a & 0x3ff));
}

/* Node type in the init message's info byte. */
static void dn_t_info(struct nd *nd, uint8_t info)
{
	static const char *const types[] = {"reserved-ntype? ", "l2rout ", "l1rout ", "endnode "};
	ND_STR(nd, types[info & 3]);
	if (info & 0x04)
		ND_STR(nd, "verif ");
	if (info & 0x08)
		ND_STR(nd, "blo ");
}

/* Node type in the hello messages' info byte. */
static void dn_i_info(struct nd *nd, uint8_t info)
{
	static const char *const types[] = {"reserved-ntype? ", "l2rout ", "l1rout ", "endnode "};
	ND_STR(nd, types[info & 3]);
	if (info & 0x04)
		ND_STR(nd, "verif ");
	if (info & 0x20)
		ND_STR(nd, "nomcast ");
	if (info & 0x40)
		ND_STR(nd, "blo ");
}

/* Level 1 ({ids ...}) or level 2 ({areas ...}) routing segments; the last
 * word is a checksum. */
static void dn_routes(struct nd *nd, const uint8_t *p, uint32_t len, const char *what)
{
	while (len > 6) {
		nd_need(nd, p, 6);
		uint16_t count = GET_LE16(nd, p);
		if (count > 1024)
			return;
		uint16_t id = GET_LE16(nd, p + 2);
		uint16_t info = GET_LE16(nd, p + 4);
		out_fmt(nd->out, "{%s %u-%u cost %u hops %u} ", what, id, (unsigned)id + count,
			info & 0x1ff, (info >> 10) & 0x1f);
		p += 6;
		len -= 6;
	}
}

/* tcpdump's ND_DEFAULTPRINT here: not suppressed by -x/-q, and a dump cut
 * short by the capture ends the packet (so -x then dumps it all). */
static void dn_default(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	size_t n = len < caplen ? len : caplen;
	size_t avail = nd_avail(nd, p);
	if (n <= avail) {
		nd_default_print(nd, p, n);
		return;
	}
	nd_default_print(nd, p, avail);
	nd_trunc(nd);
}

/* 1 when printed, 0 when invalid. */
static int dn_ctl_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	uint8_t flags = GET_U8(nd, p);
	switch (flags & 0x0f) {
	case 0x01:
		ND_STR(nd, "init ");
		if (len < 12)
			return 0;
		nd_need(nd, p, 12);
		dn_t_info(nd, GET_U8(nd, p + 3));
		ND_STR(nd, "src ");
		dn_addr(nd, GET_LE16(nd, p + 1));
		out_fmt(nd->out, "blksize %u vers %u eco %u ueco %u hello %u", GET_LE16(nd, p + 4),
			GET_U8(nd, p + 6), GET_U8(nd, p + 7), GET_U8(nd, p + 8), GET_LE16(nd, p + 9));
		break;
	case 0x03:
		ND_STR(nd, "verification ");
		if (len < 4)
			return 0;
		ND_STR(nd, "src ");
		dn_addr(nd, GET_LE16(nd, p + 1));
		out_fmt(nd->out, " fcnval %o", GET_U8(nd, p + 3));
		break;
	case 0x05:
		ND_STR(nd, "test ");
		if (len < 4)
			return 0;
		ND_STR(nd, "src ");
		dn_addr(nd, GET_LE16(nd, p + 1));
		out_fmt(nd->out, " data %o", GET_U8(nd, p + 3));
		break;
	case 0x07:
	case 0x09:
		ND_STR(nd, (flags & 0x0f) == 0x07 ? "lev-1-routing " : "lev-2-routing ");
		if (len < 4)
			return 0;
		nd_need(nd, p, 4);
		ND_STR(nd, "src ");
		dn_addr(nd, GET_LE16(nd, p + 1));
		ND_CHR(nd, ' ');
		dn_routes(nd, p + 4, len - 4, (flags & 0x0f) == 0x07 ? "ids" : "areas");
		break;
	case 0x0b:
		ND_STR(nd, "router-hello ");
		if (len < 18)
			return 0;
		nd_need(nd, p, 18);
		dn_i_info(nd, GET_U8(nd, p + 10));
		out_fmt(nd->out, "vers %u eco %u ueco %u src ", GET_U8(nd, p + 1), GET_U8(nd, p + 2),
			GET_U8(nd, p + 3));
		dn_addr(nd, GET_LE16(nd, p + 8));
		out_fmt(nd->out, " blksize %u pri %u hello %u", GET_LE16(nd, p + 11), GET_U8(nd, p + 13),
			GET_LE16(nd, p + 15));
		break;
	case 0x0d:
		ND_STR(nd, "endnode-hello ");
		if (len < 32)
			return 0;
		{
			uint8_t vers = GET_U8(nd, p + 1), eco = GET_U8(nd, p + 2), ueco = GET_U8(nd, p + 3);
			uint16_t src = GET_LE16(nd, p + 8);
			uint8_t info = GET_U8(nd, p + 10);
			uint16_t blksize = GET_LE16(nd, p + 11);
			uint16_t rtr = GET_LE16(nd, p + 26);
			uint16_t hello = GET_LE16(nd, p + 28);
			uint8_t data = GET_U8(nd, p + 31);
			dn_i_info(nd, info);
			out_fmt(nd->out, "vers %u eco %u ueco %u src ", vers, eco, ueco);
			dn_addr(nd, src);
			out_fmt(nd->out, " blksize %u rtr ", blksize);
			dn_addr(nd, rtr);
			out_fmt(nd->out, " hello %u data %o", hello, data);
		}
		break;
	default:
		ND_STR(nd, "unknown control message");
		dn_default(nd, p, len, caplen);
		break;
	}
	return 1;
}

/* "ack N " / "nak N " and, when present, the other-channel field (names
 * oack/onak or ackdat/nakdat); leaves the last word read (the segment number
 * of data messages) in *last.  check: the data message form, which checks
 * nsplen before each field and reads the segment number after the acks;
 * 0 when nsplen is too short. */
static int dn_acks(struct nd *nd, const uint8_t *p, uint32_t nsplen, const char *oack, const char *onak,
		   int check, int seg, uint16_t *last)
{
	uint32_t off = 5;
	uint16_t ack = GET_LE16(nd, p + off);
	*last = ack;
	if (!(ack & SGQ_ACK))
		return 1;
	out_fmt(nd->out, "%s %u ", (ack & SGQ_NAK) == SGQ_NAK ? "nak" : "ack", ack & SGQ_MASK);
	off += 2;
	if (check && nsplen < off + 2)
		return 0;
	ack = GET_LE16(nd, p + off);
	*last = ack;
	if (!(ack & SGQ_OACK))
		return 1;
	out_fmt(nd->out, "%s %u ", (ack & SGQ_ONAK) == SGQ_ONAK ? onak : oack, ack & SGQ_MASK);
	if (!seg)
		return 1;
	off += 2;
	if (check && nsplen < off + 2)
		return 0;
	*last = GET_LE16(nd, p + off);
	return 1;
}

static void dn_services(struct nd *nd, uint8_t services, uint8_t info)
{
	static const char *const vers[] = {"ver 3.2 ", "ver 3.1 ", "ver 4.0 ", "ver 4.1 "};
	if ((services & 0x0c) == 0x04)
		ND_STR(nd, "seg ");
	else if ((services & 0x0c) == 0x08)
		ND_STR(nd, "msg ");
	ND_STR(nd, vers[info & 3]);
}

static void dn_reason(struct nd *nd, uint16_t reason)
{
	nd_tok(nd, dn_reason_names, "reason-%u", reason);
	ND_CHR(nd, ' ');
}

static int dn_nsp_data(struct nd *nd, const uint8_t *p, uint32_t nsplen, uint8_t flags, uint16_t src,
		       uint16_t dst)
{
	uint16_t last;
	switch (flags & 0x70) {
	case 0x00:
	case 0x20:
	case 0x40:
	case 0x60:
		out_fmt(nd->out, "data %u>%u ", src, dst);
		if (nsplen < 7 || !dn_acks(nd, p, nsplen, "oack", "onak", 1, 1, &last))
			return 0;
		out_fmt(nd->out, "seg %u ", last & SGQ_MASK);
		return 1;
	case 0x30:
		ND_STR(nd, "intr ");
		if (nsplen < 7 || !dn_acks(nd, p, nsplen, "ackdat", "nakdat", 1, 1, &last))
			return 0;
		out_fmt(nd->out, "seg %u ", last & SGQ_MASK);
		return 1;
	case 0x10: {
		out_fmt(nd->out, "link-service %u>%u ", src, dst);
		if (nsplen < 13)
			return 0;
		dn_acks(nd, p, nsplen, "ackdat", "nakdat", 0, 1, &last);
		out_fmt(nd->out, "seg %u ", last & SGQ_MASK);
		uint8_t lsflags = GET_U8(nd, p + 11), fcval = GET_U8(nd, p + 12);
		switch (lsflags & 0x0c) {
		case 0x00:
			out_fmt(nd->out, "dat seg count %u ", fcval);
			switch (lsflags & 3) {
			case 0: break;
			case 1: ND_STR(nd, "donotsend-data "); break;
			case 2: ND_STR(nd, "send-data "); break;
			default: out_fmt(nd->out, "reserved-fcmod? %x", lsflags); break;
			}
			break;
		case 0x04:
			out_fmt(nd->out, "intr req count %u ", fcval);
			break;
		default:
			out_fmt(nd->out, "reserved-fcval-int? %x", lsflags);
			break;
		}
		return 1;
	}
	default:
		out_fmt(nd->out, "reserved-subtype? %x %u > %u", flags, src, dst);
		return 1;
	}
}

static int dn_nsp_ack(struct nd *nd, const uint8_t *p, uint32_t nsplen, uint8_t flags, uint16_t src,
		      uint16_t dst)
{
	uint16_t last;
	switch (flags & 0x70) {
	case 0x00:
	case 0x10:
		out_fmt(nd->out, "%s %u>%u ", (flags & 0x70) ? "ils-ack" : "data-ack", src, dst);
		if (nsplen < 9)
			return 0;
		nd_need(nd, p, 9);
		if ((flags & 0x70) == 0)
			dn_acks(nd, p, nsplen, "oack", "onak", 0, 0, &last);
		else
			dn_acks(nd, p, nsplen, "ackdat", "nakdat", 0, 0, &last);
		return 1;
	case 0x20:
		out_fmt(nd->out, "conn-ack %u", dst);
		return 1;
	default:
		out_fmt(nd->out, "reserved-acktype? %x %u > %u", flags, src, dst);
		return 1;
	}
}

static int dn_nsp_ctl(struct nd *nd, const uint8_t *p, uint32_t nsplen, uint8_t flags, uint16_t src,
		      uint16_t dst)
{
	switch (flags & 0x70) {
	case 0x10:
	case 0x60:
		ND_STR(nd, (flags & 0x70) == 0x10 ? "conn-initiate " : "retrans-conn-initiate ");
		out_fmt(nd->out, "%u>%u ", src, dst);
		if (nsplen < 9)
			return 0;
		dn_services(nd, GET_U8(nd, p + 5), GET_U8(nd, p + 6));
		out_fmt(nd->out, "segsize %u ", GET_LE16(nd, p + 7));
		return 1;
	case 0x20: {
		out_fmt(nd->out, "conn-confirm %u>%u ", src, dst);
		if (nsplen < 10)
			return 0;
		uint8_t services = GET_U8(nd, p + 5), info = GET_U8(nd, p + 6);
		uint16_t segsize = GET_LE16(nd, p + 7);
		uint8_t optlen = GET_U8(nd, p + 9);
		dn_services(nd, services, info);
		out_fmt(nd->out, "segsize %u ", segsize);
		if (optlen)
			out_fmt(nd->out, "optlen %u ", optlen);
		return 1;
	}
	case 0x30: {
		out_fmt(nd->out, "disconn-initiate %u>%u ", src, dst);
		if (nsplen < 8)
			return 0;
		uint16_t reason = GET_LE16(nd, p + 5);
		uint8_t optlen = GET_U8(nd, p + 7);
		dn_reason(nd, reason);
		if (optlen)
			out_fmt(nd->out, "optlen %u ", optlen);
		return 1;
	}
	case 0x40:
		out_fmt(nd->out, "disconn-confirm %u>%u ", src, dst);
		dn_reason(nd, GET_LE16(nd, p + 5));
		return 1;
	default:
		out_fmt(nd->out, "reserved-ctltype? %x %u > %u", flags, src, dst);
		return 1;
	}
}

static int dn_nsp_print(struct nd *nd, const uint8_t *p, uint32_t nsplen)
{
	if (nsplen < 5) {
		out_fmt(nd->out, " (nsplen %u < 5)", nsplen);
		return 0;
	}
	uint8_t flags = GET_U8(nd, p);
	uint16_t dst = GET_LE16(nd, p + 1);
	uint16_t src = GET_LE16(nd, p + 3);
	switch (flags & 0x0c) {
	case 0x00:
		return dn_nsp_data(nd, p, nsplen, flags, src, dst);
	case 0x04:
		return dn_nsp_ack(nd, p, nsplen, flags, src, dst);
	case 0x08:
		return dn_nsp_ctl(nd, p, nsplen, flags, src, dst);
	default:
		out_fmt(nd->out, "reserved-type? %x %u > %u", flags, src, dst);
		return 1;
	}
}


static int dn_body(struct nd *nd, const uint8_t *ap, uint32_t len, uint32_t caplen)
{
	if (len < DN_SHORT_LEN) {
		out_fmt(nd->out, " (length %u < %u)", len, DN_SHORT_LEN);
		return 0;
	}
	uint16_t pktlen = GET_LE16(nd, ap);
	if (pktlen < DN_SHORT_LEN) {
		out_fmt(nd->out, " (pktlen %u < %u)", pktlen, DN_SHORT_LEN);
		return 0;
	}
	if (pktlen > len) {
		out_fmt(nd->out, " (pktlen %u > %u)", pktlen, len);
		return 0;
	}
	len = pktlen;
	const uint8_t *rh = ap + 2;
	uint8_t mflags = GET_U8(nd, rh);
	if (mflags & DN_RMF_PAD) {
		uint32_t padlen = mflags & 0x7f;
		if (nd->o->vflag)
			out_fmt(nd->out, "[pad:%u] ", padlen);
		if (len < padlen + 2) {
			out_fmt(nd->out, " (length %u < %u)", len, padlen + 2);
			return 0;
		}
		nd_need(nd, rh, padlen);
		ap += padlen;
		len -= padlen;
		caplen = caplen > padlen ? caplen - padlen : 0;
		rh = ap + 2;
		mflags = GET_U8(nd, rh);
	}
	if (mflags & DN_RMF_FVER) {
		ND_STR(nd, "future-version-decnet");
		dn_default(nd, ap, len, caplen);
		return 1;
	}
	if (mflags & DN_RMF_CTL)
		return dn_ctl_print(nd, rh, len, caplen);

	uint16_t dst, src;
	uint32_t hops;
	const uint8_t *nsp;
	uint32_t nsplen;
	switch (mflags & DN_RMF_MASK) {
	case DN_RMF_LONG:
		if (len < DN_LONG_LEN) {
			out_fmt(nd->out, " (length %u < %u)", len, DN_LONG_LEN);
			return 0;
		}
		nd_need(nd, rh, DN_LONG_LEN);
		dst = GET_LE16(nd, rh + 7);
		src = GET_LE16(nd, rh + 15);
		hops = GET_U8(nd, rh + 18);
		nsp = rh + DN_LONG_LEN;
		nsplen = len - DN_LONG_LEN;
		break;
	case DN_RMF_SHORT:
		dst = GET_LE16(nd, rh + 1);
		src = GET_LE16(nd, rh + 3);
		hops = (GET_U8(nd, rh + 5) & 0x3f) + 1u;
		nsp = rh + DN_SHORT_LEN;
		nsplen = len - DN_SHORT_LEN;
		break;
	default:
		ND_STR(nd, "unknown message flags under mask");
		dn_default(nd, ap, len, caplen);
		return 1;
	}
	dn_addr(nd, src);
	ND_STR(nd, " > ");
	dn_addr(nd, dst);
	out_fmt(nd->out, " %u ", pktlen);
	if (nd->o->vflag) {
		if (mflags & DN_RMF_RQR)
			ND_STR(nd, "RQR ");
		if (mflags & DN_RMF_RTS)
			ND_STR(nd, "RTS ");
		if (mflags & DN_RMF_IE)
			ND_STR(nd, "IE ");
		out_fmt(nd->out, "%u hops ", hops);
	}
	return dn_nsp_print(nd, nsp, nsplen);
}

void decnet_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	nd->protocol = "decnet";
	if (!dn_body(nd, p, len, caplen))
		nd_print_invalid(nd);
}
