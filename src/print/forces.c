/*
 * forces.c - ForCES (RFC 5810) messages carried in SCTP DATA chunks, printed
 * as tcpdump 4.99 does up to -vv: the message type, with -v the common
 * header (version, length, flags, source and destination IDs, correlator),
 * with -vv the flags spelled out.
 *
 *   version/rsvd(1) type(1) length in 32-bit words(2) source ID(4)
 *   destination ID(4) correlator(8) flags(4)  -> 24 bytes, then TLVs.
 *
 * The top-level TLVs and the first level inside them are checked (lengths,
 * types) as tcpdump checks them; their contents, which tcpdump shows only at
 * -vv and more, are not decoded, nor are the operation TLVs checked.
 */
#include "nd.h"

#define HDRL 24

/* type of message: name and what top-level TLVs it takes */
#define ZERO_TTLV 0x01
#define ZERO_MORE_TTLV 0x02
#define ONE_MORE_TTLV 0x04
#define TTLV_T1 (ONE_MORE_TTLV | 0x10)
#define TTLV_T2 (ONE_MORE_TTLV | 0xf0)

/* what the top-level TLV of each message holds */
enum body { B_NONE, B_LFBSEL, B_TEARDOWN, B_REDIRECT, B_ASRESULT };

static const struct {
	uint8_t v;
	uint16_t flags;
	uint8_t body;
	const char *s;
} msgs[] = {
	{0x01, ZERO_MORE_TTLV | 0x20, B_LFBSEL, "Association Setup"},
	{0x02, TTLV_T1, B_TEARDOWN, "Association TearDown"},
	{0x03, TTLV_T2, B_LFBSEL, "Config"},
	{0x04, TTLV_T2, B_LFBSEL, "Query"},
	{0x05, TTLV_T1, B_LFBSEL, "Event Notification"},
	{0x06, TTLV_T2, B_REDIRECT, "Packet Redirect"},
	{0x0f, ZERO_TTLV, B_NONE, "HeartBeat"},
	{0x11, TTLV_T1, B_ASRESULT, "Association Response"},
	{0x13, TTLV_T2, B_LFBSEL, "Config Response"},
	{0x14, TTLV_T2, B_LFBSEL, "Query Response"},
};

static int tom_valid(uint8_t t)
{
	return t > 0 && !(t >= 0x7 && t <= 0xe) && t != 0x10 && t <= 0x14;
}

static const char *node_name(uint32_t n)
{
	if (n <= 0x3fffffff)
		return "FE";
	if (n >= 0x40000000 && n <= 0x7fffffff)
		return "CE";
	if (n >= 0xc0000000 && n <= 0xffffffef)
		return "AllMulticast";
	if (n == 0xfffffffd)
		return "AllCEsBroadcast";
	if (n == 0xfffffffe)
		return "AllFEsBroadcast";
	if (n == 0xffffffff)
		return "AllBroadcast";
	return "ForCESreserved";
}

static int ttlv_valid(uint16_t t)
{
	return t == 1 || t == 0x1000 || (t >= 0x10 && t <= 0x11) || (t >= 0x110 && t <= 0x116);
}

static void error_dump(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd_hex_ascii(nd, "\n\t[", p, len, 0);
	ND_STR(nd, "\n\t]");
}

/* The checks tcpdump makes (below -vvv) on one top-level TLV's data:
 * d points after the TLV header, tl is the TLV length. */
static int body_check(struct nd *nd, const uint8_t *d, uint32_t tl, int body)
{
	uint32_t dlen = tl - 4;
	switch (body) {
	case B_LFBSEL: {
		if (dlen <= 12) {
			out_fmt(nd->out, "\n\t\ttruncated lfb selector: %d bytes missing! ", 12 - (int)dlen);
			return -1;
		}
		nd_need(nd, d, 8);
		uint32_t rlen = dlen - 8;
		const uint8_t *o = d + 8;
		while (rlen != 0) {
			nd_need(nd, o, 4);
			uint16_t ol = GET_BE16(nd, o + 2);
			if (rlen < 4 || ol < 4 || ol > rlen || rlen < (((uint32_t)ol + 3) & ~3u))
				break;
			uint32_t al = ((uint32_t)ol + 3) & ~3u;
			o += al;
			rlen -= al;
		}
		if (rlen) {
			out_fmt(nd->out, "\n\t\tMessy oper TLV header, type (0x%x)\n\t\texcess of %d Bytes ",
				GET_BE16(nd, o), (int)rlen - GET_BE16(nd, o + 2));
			return -1;
		}
		return 0;
	}
	case B_REDIRECT:
		if (dlen <= 8) {
			out_fmt(nd->out, "\n\t\ttruncated Redirect TLV: %d bytes missing! ", 8 - (int)dlen);
			return -1;
		}
		return 0;
	case B_ASRESULT:
	case B_TEARDOWN: {
		const char *what = body == B_ASRESULT ? "ASR" : "AST";
		if (dlen != 4) {
			out_fmt(nd->out, "illegal %sresult-TLV: %d bytes!\n", what, (int)dlen);
			return -1;
		}
		uint32_t code = GET_BE32(nd, d);
		if (body == B_ASRESULT && code > 3) {
			out_fmt(nd->out, "illegal %sresult result code: %d!\n", what, (int)code);
			return -1;
		}
		return 0;
	}
	default:
		return 0;
	}
}

/* The top-level TLVs: 0 when fine, -1 after printing what is wrong. */
static int type_check(struct nd *nd, const uint8_t *p, uint32_t mlen, uint16_t flags, int body)
{
	uint32_t rlen = mlen - HDRL;
	if (rlen > 4) {
		if (flags & ZERO_TTLV) {
			out_fmt(nd->out, "<0x%x>Illegal Top level TLV!\n", flags);
			return -1;
		}
	} else {
		if (flags & ZERO_MORE_TTLV)
			return 0;
		if (flags & ONE_MORE_TTLV) {
			ND_STR(nd, "\tTop level TLV Data missing!\n");
			return -1;
		}
	}
	if (flags & ZERO_TTLV)
		return 0;
	int ttlv = flags >> 4;
	const uint8_t *t = p + HDRL;
	while (rlen != 0) {
		nd_need(nd, t, 4);
		uint16_t type = GET_BE16(nd, t), tl = GET_BE16(nd, t + 2);
		uint32_t al = ((uint32_t)tl + 3) & ~3u;
		if (rlen < 4 || tl < 4 || tl > rlen || rlen < al)
			break;
		if (!ttlv_valid(type)) {
			out_fmt(nd->out, "\n\tInvalid ForCES Top TLV type=0x%x", type);
			return -1;
		}
		if (body_check(nd, t + 4, tl, body) < 0)
			return -1;
		rlen -= al;
		t += al;
		if (--ttlv <= 0)
			break;
	}
	if (rlen) {
		out_fmt(nd->out, "\tMess TopTLV header: min %u, total %d advertised %d ", 4, (int)rlen,
			GET_BE16(nd, t + 2));
		return -1;
	}
	return 0;
}

void forces_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "forces";
	if (!nd_ok(nd, p, HDRL)) {
		nd_print_trunc(nd);
		return;
	}
	uint8_t tom = GET_U8(nd, p + 1);
	if (!tom_valid(tom)) {
		out_fmt(nd->out, "Invalid ForCES message type %u\n", tom);
		error_dump(nd, p, len);
		return;
	}
	uint32_t mlen = (uint32_t)GET_BE16(nd, p + 2) << 2;
	size_t i = 0;
	while (i < sizeof msgs / sizeof msgs[0] && msgs[i].v != tom)
		i++;
	if (i == sizeof msgs / sizeof msgs[0]) {
		out_fmt(nd->out, "\n\tUnknown ForCES message type=0x%x", tom);
		error_dump(nd, p, len);
		return;
	}
	out_fmt(nd->out, "\n\tForCES %s ", msgs[i].s);
	if (!(len >= HDRL && mlen >= HDRL && mlen == len)) {
		out_fmt(nd->out, "Illegal ForCES pkt len - min %u, total recvd %u, advertised %u ", HDRL, len, mlen);
		error_dump(nd, p, len);
		return;
	}
	uint32_t flags = GET_BE32(nd, p + 20);
	if (nd->o->vflag >= 1) {
		uint32_t sid = GET_BE32(nd, p + 4), did = GET_BE32(nd, p + 8);
		out_fmt(nd->out, "\n\tForCES Version %u len %uB flags 0x%08x ", GET_U8(nd, p) >> 4, mlen, flags);
		out_fmt(nd->out, "\n\tSrcID 0x%x(%s) DstID 0x%x(%s) Correlator 0x%llx", sid, node_name(sid), did,
			node_name(did), (unsigned long long)GET_BE64(nd, p + 12));
	}
	if (nd->o->vflag >= 2) {
		static const char *const acks[4] = {"NoACK", "SuccessACK", "FailureACK", "AlwaysACK"};
		static const char *const ems[4] = {"EMReserved", "execute-all-or-none", "execute-until-failure",
						   "continue-execute-on-failure"};
		static const char *const ats[2] = {"Standalone", "2PCtransaction"};
		static const char *const tps[4] = {"StartofTransaction", "MiddleofTransaction", "EndofTransaction",
						   "abort"};
		unsigned ack = flags >> 30, pri = (flags >> 27) & 7, em = (flags >> 22) & 3, at = (flags >> 21) & 1,
			 tp = (flags >> 19) & 3;
		out_fmt(nd->out, "\n\tForCES flags:\n\t  %s(0x%x), prio=%u, %s(0x%x),\n\t  %s(0x%x), %s(0x%x)\n",
			acks[ack], ack, pri, ems[em], em, ats[at], at, tps[tp], tp);
		out_fmt(nd->out, "\t  Extra flags: rsv(b5-7) 0x%x rsv(b13-31) 0x%x\n", (flags >> 24) & 7,
			flags & 0x7ffff);
	}
	if (type_check(nd, p, mlen, msgs[i].flags, msgs[i].body) < 0)
		error_dump(nd, p, len);
}
