/*
 * forces.c - ForCES (RFC 5810) messages carried in SCTP DATA chunks, printed
 * as tcpdump 4.99 does: the message type, with -v the common header
 * (version, length, flags, source and destination IDs, correlator), with -vv
 * the flags spelled out, with -vvv the TLVs (LFB selectors, operation TLVs,
 * path data with their IDs, FULLDATA/SPARSEDATA hex blocks, results,
 * association and teardown results, redirect metadata).
 *
 *   version/rsvd(1) type(1) length in 32-bit words(2) source ID(4)
 *   destination ID(4) correlator(8) flags(4)  -> 24 bytes, then TLVs.
 *
 * The TLVs are checked (lengths, types, what an operation may carry) at every
 * verbosity, as tcpdump checks them, and what is wrong is said the same way.
 */
#include "nd.h"

#define HDRL 24

/* type of message: name and what top-level TLVs it takes */
#define ZERO_TTLV 0x01
#define ZERO_MORE_TTLV 0x02
#define ONE_MORE_TTLV 0x04
#define TTLV_T1 (ONE_MORE_TTLV | 0x10)
#define TTLV_T2 (ONE_MORE_TTLV | 0xf0)

/* operation bits: bit (op - 1) for operation TLV type op */
#define OPB(op) (1u << ((op) - 1))
#define CFG_OPS (OPB(1) | OPB(2) | OPB(5) | OPB(12) | OPB(14))
#define CFG_ROPS (OPB(3) | OPB(4) | OPB(6) | OPB(13))
#define CFG_QY (OPB(7) | OPB(8))
#define CFG_QYR (OPB(9) | OPB(10))
#define CFG_EVN OPB(11)

/* what path data an operation may carry, and path flags seen on the way */
#define B_FULLD 0x1
#define B_SPARD 0x2
#define B_RESTV 0x4
#define B_KEYIN 0x8
#define B_APPND 0x10
#define B_TRNG 0x20

/* TLV types */
#define T_REDR 0x0001
#define T_PDAT 0x0110
#define T_KEYI 0x0111
#define T_FULD 0x0112
#define T_SPAD 0x0113
#define T_REST 0x0114
#define T_METD 0x0115
#define T_REDD 0x0116

/* what the top-level TLV of each message holds */
enum body { B_NONE, B_LFBSEL, B_TEARDOWN, B_REDIRECT, B_ASRESULT };

static const struct {
	uint8_t v;
	uint16_t flags;
	uint16_t op_msk;
	uint8_t body;
	const char *s;
} msgs[] = {
	{0x01, ZERO_MORE_TTLV | 0x20, OPB(11), B_LFBSEL, "Association Setup"},
	{0x02, TTLV_T1, 0, B_TEARDOWN, "Association TearDown"},
	{0x03, TTLV_T2, CFG_OPS, B_LFBSEL, "Config"},
	{0x04, TTLV_T2, CFG_QY, B_LFBSEL, "Query"},
	{0x05, TTLV_T1, CFG_EVN, B_LFBSEL, "Event Notification"},
	{0x06, TTLV_T2, 0, B_REDIRECT, "Packet Redirect"},
	{0x0f, ZERO_TTLV, 0, B_NONE, "HeartBeat"},
	{0x11, TTLV_T1, 0, B_ASRESULT, "Association Response"},
	{0x13, TTLV_T2, CFG_ROPS, B_LFBSEL, "Config Response"},
	{0x14, TTLV_T2, CFG_QYR, B_LFBSEL, "Query Response"},
};

/* operation TLVs: name (with tcpdump's leading space), data allowed, decoder */
enum opprint { OP_NONE, OP_INV, OP_PATH, OP_GEN };
static const struct {
	uint16_t op_msk;
	uint8_t print;
	const char *s;
} optlvs[] = {
	{0, OP_INV, "Invalid OPTLV"},
	{B_FULLD | B_SPARD, OP_PATH, " Set"},
	{B_FULLD | B_SPARD, OP_PATH, " SetProp"},
	{B_RESTV, OP_PATH, " SetResp"},
	{B_RESTV, OP_PATH, " SetPropResp"},
	{0, OP_PATH, " Del"},
	{B_RESTV, OP_PATH, " DelResp"},
	{0, OP_PATH, " Get"},
	{0, OP_PATH, " GetProp"},
	{B_FULLD | B_SPARD | B_RESTV, OP_PATH, " GetResp"},
	{B_FULLD | B_RESTV, OP_PATH, " GetPropResp"},
	{B_FULLD | B_SPARD, OP_PATH, " Report"},
	{0, OP_NONE, " Commit"},
	{B_RESTV, OP_GEN, " RCommit"},
	{0, OP_NONE, " RTRCOMP"},
};
#define OP_MAX 14

static const struct tok tlv_names[] = {
	{0x0000, "Invalid TLV"},
	{T_REDR, "REDIRECT TLV"},
	{0x0010, "ASResult TLV"},
	{0x0011, "ASTreason TLV"},
	{0x1000, "LFBselect TLV"},
	{T_PDAT, "PATH-DATA TLV"},
	{T_KEYI, "KEYINFO TLV"},
	{T_FULD, "FULLDATA TLV"},
	{T_SPAD, "SPARSEDATA TLV"},
	{T_REST, "RESULT TLV"},
	{T_METD, "METADATA TLV"},
	{T_REDD, "REDIRECTDATA TLV"},
	{0, NULL}
};

static const struct tok lfb_names[] = {
	{0, "Invalid TLV"},
	{1, "FEObj LFB"},
	{2, "FEProtoObj LFB"},
	{0, NULL}
};

static const struct tok xlv_errs[] = {
	{1, "Invalid total length"},
	{2, "xLV too short"},
	{3, "xLV too long"},
	{4, "data padding missing"},
	{0, NULL}
};

static const struct tok result_names[] = {
	{0x00, "SUCCESS"},
	{0x01, "INVALID HEADER"},
	{0x02, "LENGTH MISMATCH"},
	{0x03, "VERSION MISMATCH"},
	{0x04, "INVALID DESTINATION PID"},
	{0x05, "LFB UNKNOWN"},
	{0x06, "LFB NOT FOUND"},
	{0x07, "LFB INSTANCE ID NOT FOUND"},
	{0x08, "INVALID PATH"},
	{0x09, "COMPONENT DOES NOT EXIST"},
	{0x0a, "EXISTS ALREADY"},
	{0x0b, "NOT FOUND"},
	{0x0c, "READ ONLY"},
	{0x0d, "INVALID ARRAY CREATION"},
	{0x0e, "VALUE OUT OF RANGE"},
	{0x0f, "CONTENTS TOO LONG"},
	{0x10, "INVALID PARAMETERS"},
	{0x11, "INVALID MESSAGE TYPE"},
	{0x12, "INVALID FLAGS"},
	{0x13, "INVALID TLV"},
	{0x14, "EVENT ERROR"},
	{0x15, "NOT SUPPORTED"},
	{0x16, "MEMORY ERROR"},
	{0x17, "INTERNAL ERROR"},
	{0xff, "UNSPECIFIED ERROR"},
	{0, NULL}
};

static const struct tok teardown_names[] = {
	{0, "Normal Teardown"},
	{1, "Loss of Heartbeats"},
	{2, "Out of bandwidth"},
	{3, "Out of Memory"},
	{4, "Application Crash"},
	{0, NULL}
};

/* tcpdump's tok2str with no default: the name or "#N" */
static void put_tok(struct nd *nd, const struct tok *t, uint32_t v)
{
	const char *s = tok_find(t, v);
	if (s)
		ND_STR(nd, s);
	else
		out_fmt(nd->out, "#%d", (int)v);
}

static int verbose3(const struct nd *nd)
{
	return nd->o->vflag >= 3;
}

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

static uint32_t aln4(uint32_t n)
{
	return (n + 3) & ~3u;
}

/* 0 when a TLV (or ILV) of length tl fits in rlen bytes, else an xlv_errs code */
static int xlv_check(uint32_t tl, uint32_t rlen, uint32_t hdr)
{
	if (rlen < hdr)
		return 1;
	if (tl < hdr)
		return 2;
	if (tl > rlen)
		return 3;
	if (rlen < aln4(tl))
		return 4;
	return 0;
}

/* tcpdump's indentation: n spaces, or a newline and n - 1 spaces */
static const char *ind(char *buf, size_t size, int n, int nl)
{
	size_t i = 0;
	if (nl && i + 1 < size) {
		buf[i++] = '\n';
		n--;
	}
	while (n-- > 0 && i + 1 < size)
		buf[i++] = ' ';
	buf[i] = '\0';
	return buf;
}

#define IND(n, nl) ind(ib, sizeof ib, (n), (nl))

static void error_dump(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd_hex_ascii(nd, "\n\t[", p, len, 0);
	ND_STR(nd, "\n\t]");
}

static int recpd_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned op_msk, int indent);

/* FULLDATA: t points at what is taken for the TLV header, len its length */
static int fulldata_print(struct nd *nd, const uint8_t *t, uint32_t len, int indent)
{
	char ib[260];
	if (GET_BE16(nd, t) != T_FULD) {
		ND_STR(nd, "Error: expecting FULLDATA!\n");
		return -1;
	}
	if (verbose3(nd)) {
		IND(indent + 2, 1);
		out_fmt(nd->out, "%s[", ib + 1);
		nd_hex_ascii(nd, ib, t + 4, len - 4, 0);
		out_fmt(nd->out, "\n%s]", ib + 1);
	}
	return 0;
}

static int sparse_print(struct nd *nd, const uint8_t *t, uint32_t len, int indent)
{
	char ib[260];
	if (GET_BE16(nd, t) != T_SPAD) {
		ND_STR(nd, "Error: expecting SPARSEDATA!\n");
		return -1;
	}
	const uint8_t *ilv = t + 4;
	uint32_t rlen = len - 4;
	if (rlen < 8) {
		ND_STR(nd, "Error: BAD SPARSEDATA-TLV!\n");
		return -1;
	}
	indent++;
	while (rlen != 0) {
		IND(indent, 1);
		uint32_t il = rlen >= 8 ? GET_BE32(nd, ilv + 4) : 0;
		int e = xlv_check(il, rlen, 8);
		if (e) {
			out_fmt(nd->out, "Error: %s, rlen %u\n", tok_find(xlv_errs, (uint32_t)e), rlen);
			return -1;
		}
		if (verbose3(nd)) {
			out_fmt(nd->out, "\n%s ILV: type %x length %u\n", ib + 1, GET_BE32(nd, ilv), il);
			nd_hex_ascii(nd, "\t\t[", ilv + 8, il - 8, 0);
		}
		rlen -= aln4(il);
		ilv += aln4(il);
	}
	return 0;
}

static int keyinfo_print(struct nd *nd, const uint8_t *t, uint32_t len, int indent)
{
	char ib[260];
	IND(indent, 0);
	out_fmt(nd->out, "%sKeyinfo: Key 0x%x\n", ib, GET_BE32(nd, t + 4));
	const uint8_t *kd = t + 8;
	uint16_t type = GET_BE16(nd, kd), tl = GET_BE16(nd, kd + 2);
	int e = xlv_check(tl, len, 4);
	if (e) {
		out_fmt(nd->out, "%s TLV type 0x%x len %u\n", tok_find(xlv_errs, (uint32_t)e), type, tl);
		return -1;
	}
	/* tcpdump takes the key TLV's data for the FULLDATA TLV */
	return fulldata_print(nd, kd + 4, tl, indent);
}

static int result_print(struct nd *nd, const uint8_t *t, uint32_t len, int indent)
{
	char ib[260];
	if (len - 4 != 4) {
		out_fmt(nd->out, "illegal RESULT-TLV: %u bytes!\n", len - 4);
		return -1;
	}
	nd_need(nd, t + 4, 4);
	uint8_t r = GET_U8(nd, t + 4);
	if (r >= 0x18 && r <= 0xfe) {
		out_fmt(nd->out, "illegal reserved result code: 0x%x!\n", r);
		return -1;
	}
	if (verbose3(nd)) {
		out_fmt(nd->out, "%s  Result: ", IND(indent, 0));
		put_tok(nd, result_names, r);
		out_fmt(nd->out, " (code 0x%x)\n", r);
	}
	return 0;
}

/* The IDs of a path, then maybe a data TLV; returns the bytes left or -1. */
static int64_t pdatacnt_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned idcnt, unsigned op_msk,
			      int indent)
{
	char ib[260];
	IND(indent, 0);
	if ((op_msk & B_APPND) && verbose3(nd))
		out_fmt(nd->out, "%sTABLE APPEND\n", ib);
	for (unsigned i = 0; i < idcnt; i++) {
		uint32_t id = GET_BE32(nd, p);
		if (verbose3(nd))
			out_fmt(nd->out, "%sID#%02u: %u\n", ib, i + 1, id);
		len -= 4;
		p += 4;
	}
	if (op_msk & B_TRNG) {
		if (len < 12) {
			out_fmt(nd->out, "pathlength %u with key/range too short %u\n", len, 12);
			return -1;
		}
		uint32_t a = GET_BE32(nd, p + 4), b = GET_BE32(nd, p + 8);
		p += 12;
		len -= 12;
		if (verbose3(nd))
			out_fmt(nd->out, "%sTable range: [%u,%u]\n", ib, a, b);
	}
	if (op_msk & B_KEYIN) {
		if (len < 12) {
			out_fmt(nd->out, "pathlength %u with key/range too short %u\n", len, 12);
			return -1;
		}
		uint16_t kl = GET_BE16(nd, p + 6);
		p += 8;
		len -= 8;
		if (kl < 4) {
			out_fmt(nd->out, "key content length %u < %u\n", kl, 4);
			return -1;
		}
		kl -= 4;
		if (len < kl) {
			ND_STR(nd, "key content too short\n");
			return -1;
		}
		p += kl;
		len -= kl;
	}
	if (!len)
		return 0;
	uint16_t type = GET_BE16(nd, p), tl = GET_BE16(nd, p + 2);
	int e = xlv_check(tl, len, 4);
	if (!e && type >= T_PDAT && type <= T_REST) {
		uint32_t pad = aln4(tl) - tl;
		static const struct {
			const char *s;
			unsigned msk;
		} pds[] = {
			{"Inner PATH-DATA TLV", 0}, {"KEYINFO TLV", 0}, {"FULLDATA TLV", B_FULLD},
			{"SPARSEDATA TLV", B_SPARD}, {"RESULT TLV", B_RESTV},
		};
		unsigned k = type - T_PDAT;
		if (verbose3(nd) && type != T_PDAT) {
			if (pad)
				out_fmt(nd->out, "%s  %s (Length %u DataLen %u pad %u Bytes)\n", ib, pds[k].s, tl,
					tl - 4u, pad);
			else
				out_fmt(nd->out, "%s  %s (Length %u DataLen %u Bytes)\n", ib, pds[k].s, tl, tl - 4u);
		}
		if (type != T_PDAT) {
			if (op_msk & B_KEYIN) {
				if (type != T_KEYI)
					ND_STR(nd, "Based on flags expected KEYINFO TLV!\n");
			} else if (!(op_msk & pds[k].msk)) {
				out_fmt(nd->out, "Illegal DATA encoding for type 0x%x programmed %x got %x\n", type,
					pds[k].msk, op_msk);
			}
		}
		uint32_t tlen = tl + pad;
		int rc;
		switch (type) {
		case T_PDAT:
			rc = recpd_print(nd, p, tlen, op_msk, indent + 2);
			break;
		case T_KEYI:
			rc = keyinfo_print(nd, p, tlen, indent + 2);
			break;
		case T_FULD:
			rc = fulldata_print(nd, p, tlen, indent + 2);
			break;
		case T_SPAD:
			rc = sparse_print(nd, p, tlen, indent + 2);
			break;
		default:
			rc = result_print(nd, p, tlen, indent + 2);
			break;
		}
		if (rc == -1)
			return -1;
		return len - tlen;
	}
	if (e)
		out_fmt(nd->out, "%s Outstanding bytes %u for TLV type 0x%x TLV len %u\n",
			tok_find(xlv_errs, (uint32_t)e), len, type, tl);
	else
		out_fmt(nd->out, "Invalid path data content type 0x%x len %u\n", type, tl);
	if (tl) {
		nd_hex_ascii(nd, "Bad Data val\n\t  [", p, len, 0);
		ND_STR(nd, "]\n");
		return -1;
	}
	return len;
}

static int pdata_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned op_msk, int indent)
{
	char ib[260];
	nd_need(nd, p, 4);
	if (len < 4) {
		nd_print_trunc(nd);
		return -1;
	}
	uint16_t pflags = GET_BE16(nd, p), idcnt = GET_BE16(nd, p + 2);
	if (verbose3(nd))
		out_fmt(nd->out, "\n%sPathdata: Flags 0x%x ID count %u\n", IND(indent, 0), pflags, idcnt);
	if (pflags & 1)
		op_msk |= B_KEYIN;
	if (pflags & 2)
		op_msk |= B_TRNG;
	if (pflags & 4)
		op_msk |= B_APPND;
	p += 4;
	len -= 4;
	uint32_t minsize = (uint32_t)idcnt * 4;
	if (len < minsize) {
		out_fmt(nd->out, "\t\t\ttruncated IDs expected %uB got %uB\n", minsize, len);
		nd_hex_ascii(nd, "\t\t\tID Data[", p, len, 0);
		ND_STR(nd, "]\n");
		return -1;
	}
	if ((op_msk & B_TRNG) && (op_msk & B_KEYIN)) {
		ND_STR(nd, "\t\t\tIllegal to have both Table ranges and keys\n");
		return -1;
	}
	int64_t more = pdatacnt_print(nd, p, len, idcnt, op_msk, indent);
	if (more > 0)
		return recpd_print(nd, p + (len - (uint32_t)more), (uint32_t)more, op_msk, indent + 1);
	return (int)more;
}

/* a run of PATH-DATA TLVs */
static int recpd_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned op_msk, int indent)
{
	char ib[260];
	while (len != 0) {
		uint16_t tl = len >= 4 ? GET_BE16(nd, p + 2) : 0;
		if (xlv_check(tl, len, 4))
			break;
		uint16_t type = GET_BE16(nd, p);
		if (verbose3(nd)) {
			out_fmt(nd->out, "%s", IND(indent, 0));
			put_tok(nd, tlv_names, type);
			out_fmt(nd->out, ", length %u (data encapsulated %u Bytes)", tl, tl - 4u);
		}
		if (pdata_print(nd, p + 4, tl - 4u, op_msk, indent + 1) == -1)
			return -1;
		len -= aln4(tl);
		p += aln4(tl);
	}
	if (len) {
		out_fmt(nd->out, "\n\t\tMessy PATHDATA TLV header, type (0x%x)\n\t\texcess of %u Bytes ",
			GET_BE16(nd, p), len - GET_BE16(nd, p + 2));
		return -1;
	}
	return 0;
}

static int invop_print(struct nd *nd, const uint8_t *p, uint32_t len, int indent)
{
	char ib[260];
	if (verbose3(nd)) {
		IND(indent, 1);
		out_fmt(nd->out, "%sData[", ib + 1);
		nd_hex_ascii(nd, ib, p, len, 0);
		out_fmt(nd->out, "%s]\n", ib);
	}
	return -1;
}

static int genop_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned op_msk, int indent)
{
	char ib[260];
	uint16_t type = GET_BE16(nd, p), tl = GET_BE16(nd, p + 2);
	int e = xlv_check(tl, len, 4);
	ND_STR(nd, "genoptlvprint - ");
	put_tok(nd, tlv_names, type);
	out_fmt(nd->out, " TLV type 0x%x len %u\n", type, tl);
	if (e) {
		out_fmt(nd->out, "\t\t\tInvalid ForCES TLV type=%x", type);
		return -1;
	}
	if (!ttlv_valid(type)) {
		out_fmt(nd->out, "#0 TLV type 0x%x len %u\n", type, tl);
		return -1;
	}
	if (verbose3(nd)) {
		out_fmt(nd->out, "%s", IND(indent, 0));
		put_tok(nd, tlv_names, type);
		out_fmt(nd->out, ", length %u (data length %u Bytes)", tl, tl - 4u);
	}
	return pdata_print(nd, p + 4, tl - 4u, op_msk, indent + 1);
}

static void oper_print(struct nd *nd, const uint8_t *t, int indent)
{
	char ib[260];
	uint16_t type = GET_BE16(nd, t), tl = GET_BE16(nd, t + 2);
	uint32_t dl = tl - 4u;
	unsigned k = type > OP_MAX ? 0 : type;
	if (verbose3(nd))
		out_fmt(nd->out, "%sOper TLV %s(0x%x) length %u\n", IND(indent, 0), optlvs[k].s, type, tl);
	if (dl < 8) {
		out_fmt(nd->out, "\t\tOper TLV %s(0x%x) length %u\n", optlvs[k].s, type, tl);
		out_fmt(nd->out, "\t\tTruncated data size %u minimum required %u\n", dl, 8);
		invop_print(nd, t + 4, dl, indent);
		return;
	}
	switch (optlvs[k].print) {
	case OP_PATH:
		recpd_print(nd, t + 4, dl, optlvs[k].op_msk, indent + 1);
		break;
	case OP_GEN:
		genop_print(nd, t + 4, dl, optlvs[k].op_msk, indent + 1);
		break;
	case OP_INV:
		invop_print(nd, t + 4, dl, indent + 1);
		break;
	default:
		break;
	}
}

static int op_valid(uint16_t op, unsigned mask)
{
	if (op == 0)
		return 0;
	if (op <= OP_MAX)
		return (OPB(op) & mask) != 0;
	return op >= 0x8000;
}

/* LFBselect: class, instance, then operation TLVs; d after the TLV header */
static int lfbsel_print(struct nd *nd, const uint8_t *d, uint32_t tl, unsigned op_msk, int indent)
{
	char ib[260];
	uint32_t dlen = tl - 4;
	if (dlen <= 12) {
		out_fmt(nd->out, "\n\t\ttruncated lfb selector: %d bytes missing! ", 12 - (int)dlen);
		return -1;
	}
	nd_need(nd, d, 8);
	if (verbose3(nd)) {
		uint32_t cls = GET_BE32(nd, d);
		out_fmt(nd->out, "\n%s", IND(indent, 0));
		put_tok(nd, lfb_names, cls);
		out_fmt(nd->out, "(Classid %x) instance %x\n", cls, GET_BE32(nd, d + 4));
	}
	uint32_t rlen = dlen - 8;
	const uint8_t *o = d + 8;
	indent++;
	while (rlen != 0) {
		uint16_t type = rlen >= 4 ? GET_BE16(nd, o) : 0, ol = rlen >= 4 ? GET_BE16(nd, o + 2) : 0;
		if (xlv_check(ol, rlen, 4))
			break;
		if (op_valid(type, op_msk)) {
			oper_print(nd, o, indent);
		} else {
			if (!verbose3(nd))
				ND_CHR(nd, '\n');
			out_fmt(nd->out, "\t\tINValid oper-TLV type 0x%x length %u for this ForCES message\n", type,
				ol);
			invop_print(nd, o, rlen, indent);
		}
		rlen -= aln4(ol);
		o += aln4(ol);
	}
	if (rlen) {
		out_fmt(nd->out, "\n\t\tMessy oper TLV header, type (0x%x)\n\t\texcess of %d Bytes ", GET_BE16(nd, o),
			(int)rlen - GET_BE16(nd, o + 2));
		return -1;
	}
	return 0;
}

static void metadata_print(struct nd *nd, const uint8_t *p, uint32_t tl, int indent)
{
	char ib[260];
	uint32_t rlen = tl - 4;
	out_fmt(nd->out, "\n%s METADATA length %u\n", IND(indent, 0), rlen);
	while (rlen != 0) {
		uint32_t il = rlen >= 8 ? GET_BE32(nd, p + 4) : 0;
		if (xlv_check(il, rlen, 8))
			break;
		out_fmt(nd->out, "%sMetaID 0x%x length %u\n", IND(indent + 1, 0), GET_BE32(nd, p), il);
		if (verbose3(nd)) {
			nd_hex_ascii(nd, "\t\t[", p + 8, il - 8, 0);
			ND_STR(nd, " ]\n");
		}
		rlen -= aln4(il);
		p += aln4(il);
	}
}

static void reddata_print(struct nd *nd, const uint8_t *p, uint32_t tl, int indent)
{
	char ib[260];
	out_fmt(nd->out, "\n%s Redirect Data length %u\n", IND(indent, 0), tl - 4);
	if (verbose3(nd)) {
		ND_STR(nd, "\t\t[");
		nd_hex_ascii(nd, "\n\t\t", p, tl - 4, 0);
		ND_STR(nd, "\n\t\t]");
	}
}

static int redirect_print(struct nd *nd, const uint8_t *d, uint32_t tl, int indent)
{
	uint32_t rlen = tl - 4;
	if (rlen <= 8) {
		out_fmt(nd->out, "\n\t\ttruncated Redirect TLV: %d bytes missing! ", 8 - (int)rlen);
		return -1;
	}
	indent++;
	const uint8_t *t = d;
	while (rlen != 0) {
		uint16_t type = rlen >= 4 ? GET_BE16(nd, t) : 0, l = rlen >= 4 ? GET_BE16(nd, t + 2) : 0;
		if (xlv_check(l, rlen, 4)) {
			ND_STR(nd, "Bad Redirect data\n");
			break;
		}
		if (type == T_METD)
			metadata_print(nd, t + 4, l, indent);
		else if (type == T_REDD)
			reddata_print(nd, t + 4, l, indent);
		else
			out_fmt(nd->out, "Unknown REDIRECT TLV 0x%x len %u\n", type, l);
		rlen -= aln4(l);
		t += aln4(l);
	}
	if (rlen) {
		out_fmt(nd->out, "\n\t\tMessy Redirect TLV header, type (0x%x)\n\t\texcess of %d Bytes ",
			GET_BE16(nd, t), (int)rlen - GET_BE16(nd, t + 2));
		return -1;
	}
	return 0;
}

static int result_tlv_print(struct nd *nd, const uint8_t *d, uint32_t tl, int body, int indent)
{
	char ib[260];
	const char *what = body == B_ASRESULT ? "ASR" : "AST";
	uint32_t dlen = tl - 4;
	if (dlen != 4) {
		out_fmt(nd->out, "illegal %sresult-TLV: %d bytes!\n", what, (int)dlen);
		return -1;
	}
	uint32_t code = GET_BE32(nd, d);
	if (code > (body == B_ASRESULT ? 3u : 255u)) {
		out_fmt(nd->out, "illegal %sresult result code: %d!\n", what, (int)code);
		return -1;
	}
	if (!verbose3(nd))
		return 0;
	IND(indent, 0);
	if (body == B_ASRESULT) {
		static const char *const r[4] = {"Success ", "FE ID invalid ", "permission denied ", "Unknown "};
		out_fmt(nd->out, "\n%s%s", ib, r[code]);
	} else {
		const char *s = tok_find(teardown_names, code);
		out_fmt(nd->out, "Teardown reason:\n%s%s", ib, s ? s : "Unknown Teardown reason");
	}
	out_fmt(nd->out, "(%x)\n%s", code, ib);
	return 0;
}

/* The top-level TLVs: 0 when fine, -1 after printing what is wrong. */
static int type_print(struct nd *nd, const uint8_t *p, uint32_t mlen, size_t m)
{
	uint16_t flags = msgs[m].flags;
	int body = msgs[m].body;
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
		if (xlv_check(tl, rlen, 4))
			break;
		if (!ttlv_valid(type)) {
			out_fmt(nd->out, "\n\tInvalid ForCES Top TLV type=0x%x", type);
			return -1;
		}
		if (verbose3(nd)) {
			ND_CHR(nd, '\t');
			put_tok(nd, tlv_names, type);
			out_fmt(nd->out, ", length %u (data length %u Bytes)", tl, tl - 4u);
		}
		int rc = 0;
		switch (body) {
		case B_LFBSEL:
			rc = lfbsel_print(nd, t + 4, tl, msgs[m].op_msk, 9);
			break;
		case B_REDIRECT:
			rc = redirect_print(nd, t + 4, tl, 9);
			break;
		case B_ASRESULT:
		case B_TEARDOWN:
			rc = result_tlv_print(nd, t + 4, tl, body, 9);
			break;
		default:
			break;
		}
		if (rc < 0)
			return -1;
		rlen -= aln4(tl);
		t += aln4(tl);
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
	if (type_print(nd, p, mlen, i) < 0) {
		error_dump(nd, p, len);
		return;
	}
	if (nd->o->vflag >= 4) {
		ND_STR(nd, "\n\t  Raw ForCES message\n\t [");
		nd_hex_ascii(nd, "\n\t ", p, len, 0);
		ND_STR(nd, "\n\t ]");
	}
}
