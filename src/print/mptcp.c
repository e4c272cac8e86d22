/*
 * mptcp.c - Multipath TCP option (TCP option kind 30; RFC 6824 for version 0,
 * RFC 8684 for version 1), printed inside the TCP options list the way
 * tcpdump 4.99 does: "mptcp LEN SUBTYPE details".
 *
 *    0                   1                   2                   3
 *   +---------------+---------------+-------+-----------------------+
 *   |     Kind=30   |     Length    |Subtype|  subtype-specific ... |
 *   +---------------+---------------+-------+-----------------------+
 *
 * Subtypes: 0 MP_CAPABLE, 1 MP_JOIN, 2 DSS, 3 ADD_ADDR, 4 REMOVE_ADDR,
 * 5 MP_PRIO, 6 MP_FAIL, 7 MP_FASTCLOSE; anything above is "unknown"
 * (tcpdump 4.99.3 has no name for 8, MP_TCPRST).
 *
 * Each subtype printer returns 0 when the option's length does not fit the
 * subtype (or the TCP flags it may appear with); the TCP printer then adds
 * "[bad opt]" and stops printing options.  The TCP printer has already
 * checked that the whole option is captured; reads still go through GET_*.
 */
#include "nd.h"

#include "../proto.h"

/* MP_CAPABLE flags byte */
#define MPC_FLAG_CSUM 0x80
/* MP_JOIN and MP_PRIO: backup bit in the subtype byte */
#define MP_BACKUP 0x01
/* DSS flags byte */
#define DSS_FIN 0x10
#define DSS_DSN8 0x08  /* data sequence number is 8 bytes */
#define DSS_MAP 0x04   /* mapping (DSN, subflow seq, length, csum) present */
#define DSS_ACK8 0x02  /* data ack is 8 bytes */
#define DSS_ACK 0x01   /* data ack present */

static void print_hex64(struct nd *nd, const uint8_t *p)
{
	out_hex(nd->out, GET_BE64(nd, p), 0);
}

/*
 * MP_CAPABLE: 4 (v1 SYN), 12 (SYN: sender key), 20 (third ACK: both keys),
 * 22 (v1 third ACK with data length, which tcpdump 4.99.3 does not print).
 */
static int capable_print(struct nd *nd, const uint8_t *opt, unsigned len, uint8_t flags)
{
	int syn_form = (len == 4 || len == 12) && (flags & TCPF_SYN);
	int ack_form = (len == 20 || len == 22) && (flags & (TCPF_SYN | TCPF_ACK)) == TCPF_ACK;
	if (!syn_form && !ack_form)
		return 0;
	unsigned version = GET_U8(nd, opt + 2) & 0x0f;
	if (version > 1) {
		ND_STR(nd, " Unknown Version (");
		ND_U(nd, version);
		ND_CHR(nd, ')');
		return 1;
	}
	ND_STR(nd, " v");
	ND_U(nd, version);
	if (GET_U8(nd, opt + 3) & MPC_FLAG_CSUM)
		ND_STR(nd, " csum");
	if (len == 12 || len >= 20) {
		ND_STR(nd, " {0x");
		print_hex64(nd, opt + 4);
		if (len >= 20) {
			ND_STR(nd, ",0x");
			print_hex64(nd, opt + 12);
		}
		ND_CHR(nd, '}');
	}
	return 1;
}

/* MP_JOIN: 12 on SYN (token, nonce), 16 on SYN-ACK (truncated hmac, nonce), 24 on ACK. */
static int join_print(struct nd *nd, const uint8_t *opt, unsigned len, uint8_t flags)
{
	uint8_t sa = flags & (TCPF_SYN | TCPF_ACK);
	if (!(len == 12 && (flags & TCPF_SYN)) && !(len == 16 && sa == (TCPF_SYN | TCPF_ACK)) &&
	    !(len == 24 && (flags & TCPF_ACK)))
		return 0;
	if (len != 24) {
		if (GET_U8(nd, opt + 2) & MP_BACKUP)
			ND_STR(nd, " backup");
		ND_STR(nd, " id ");
		ND_U(nd, GET_U8(nd, opt + 3));
	}
	if (len == 12) {
		ND_STR(nd, " token 0x");
		out_hex(nd->out, GET_BE32(nd, opt + 4), 0);
		ND_STR(nd, " nonce 0x");
		out_hex(nd->out, GET_BE32(nd, opt + 8), 0);
	} else if (len == 16) {
		ND_STR(nd, " hmac 0x");
		print_hex64(nd, opt + 4);
		ND_STR(nd, " nonce 0x");
		out_hex(nd->out, GET_BE32(nd, opt + 12), 0);
	} else {
		ND_STR(nd, " hmac 0x");
		for (unsigned i = 4; i < 24; i++)
			out_hex(nd->out, GET_U8(nd, opt + i), 2);
	}
	return 1;
}

/*
 * Reads a 4- or 8-byte number at *p if it fits in *left, prints it in
 * decimal and advances; 0 when it does not fit.
 */
static int dss_number(struct nd *nd, const uint8_t **p, unsigned *left, int wide)
{
	unsigned n = wide ? 8 : 4;
	if (*left < n)
		return 0;
	ND_U(nd, wide ? GET_BE64(nd, *p) : GET_BE32(nd, *p));
	*p += n;
	*left -= n;
	return 1;
}

/* DSS: flags, then optional data ack and optional mapping, nothing else. */
static int dss_print(struct nd *nd, const uint8_t *opt, unsigned len, uint8_t flags)
{
	if (len < 4 || (flags & TCPF_SYN))
		return 0;
	uint8_t dflags = GET_U8(nd, opt + 3);
	const uint8_t *p = opt + 4;
	unsigned left = len - 4;
	if (dflags & DSS_FIN)
		ND_STR(nd, " fin");
	if (dflags & DSS_ACK) {
		ND_STR(nd, " ack ");
		if (!dss_number(nd, &p, &left, dflags & DSS_ACK8))
			return 0;
	}
	if (dflags & DSS_MAP) {
		ND_STR(nd, " seq ");
		if (!dss_number(nd, &p, &left, dflags & DSS_DSN8))
			return 0;
		if (left < 4)
			return 0;
		ND_STR(nd, " subseq ");
		ND_U(nd, GET_BE32(nd, p));
		p += 4;
		left -= 4;
		if (left < 2)
			return 0;
		ND_STR(nd, " len ");
		ND_U(nd, GET_BE16(nd, p));
		p += 2;
		left -= 2;
		/* the checksum is there only when it was negotiated */
		if (left >= 2) {
			ND_STR(nd, " csum 0x");
			out_hex(nd->out, GET_BE16(nd, p), 0);
			left -= 2;
		}
	}
	return left == 0;
}

/* ADD_ADDR: the low nibble of the subtype byte is the v0 IP version or the v1 echo bit. */
static const struct tok add_addr_kinds[] = {
	{0x6, "v0-ip6"}, {0x4, "v0-ip4"}, {0x1, "v1-echo"}, {0x0, "v1"}, {0, NULL}};

/*
 * Lengths: IPv4 8, +port 10, +hmac 16, +port+hmac 18; IPv6 20, 22, 28, 30.
 */
static int add_addr_print(struct nd *nd, const uint8_t *opt, unsigned len, uint8_t flags)
{
	(void)flags;
	int v4 = len == 8 || len == 10 || len == 16 || len == 18;
	int v6 = len == 20 || len == 22 || len == 28 || len == 30;
	if (!v4 && !v6)
		return 0;
	const char *kind = tok_find(add_addr_kinds, GET_U8(nd, opt + 2) & 0x0f);
	ND_CHR(nd, ' ');
	ND_STR(nd, kind ? kind : "[bad version/echo]");
	ND_STR(nd, " id ");
	ND_U(nd, GET_U8(nd, opt + 3));
	unsigned alen = v4 ? 4 : 16;
	unsigned base = v4 ? 8 : 20; /* length without port and hmac */
	ND_CHR(nd, ' ');
	if (v4)
		nd_ipaddr(nd, opt + 4);
	else
		nd_ip6addr(nd, opt + 4);
	unsigned extra = len - base; /* 0, 2 (port), 8 (hmac) or 10 (both) */
	const uint8_t *p = opt + 4 + alen;
	if (extra == 2 || extra == 10) {
		ND_CHR(nd, ':');
		ND_U(nd, GET_BE16(nd, p));
		p += 2;
	}
	if (extra >= 8) {
		ND_STR(nd, " hmac 0x");
		print_hex64(nd, p);
	}
	return 1;
}

/* REMOVE_ADDR: a list of address ids, at least one. */
static int remove_addr_print(struct nd *nd, const uint8_t *opt, unsigned len, uint8_t flags)
{
	(void)flags;
	if (len < 4)
		return 0;
	ND_STR(nd, " id");
	for (unsigned i = 3; i < len; i++) {
		ND_CHR(nd, ' ');
		ND_U(nd, GET_U8(nd, opt + i));
	}
	return 1;
}

/* MP_PRIO: 3 bytes, or 4 with an address id. */
static int prio_print(struct nd *nd, const uint8_t *opt, unsigned len, uint8_t flags)
{
	(void)flags;
	if (len != 3 && len != 4)
		return 0;
	ND_STR(nd, (GET_U8(nd, opt + 2) & MP_BACKUP) ? " backup" : " non-backup");
	if (len == 4) {
		ND_STR(nd, " id ");
		ND_U(nd, GET_U8(nd, opt + 3));
	}
	return 1;
}

/* MP_FAIL: 2 reserved bytes, then the 64-bit data sequence number. */
static int fail_print(struct nd *nd, const uint8_t *opt, unsigned len, uint8_t flags)
{
	(void)flags;
	if (len != 12)
		return 0;
	ND_STR(nd, " seq ");
	ND_U(nd, GET_BE64(nd, opt + 4));
	return 1;
}

/* MP_FASTCLOSE: 2 reserved bytes, then the receiver's key. */
static int fastclose_print(struct nd *nd, const uint8_t *opt, unsigned len, uint8_t flags)
{
	(void)flags;
	if (len != 12)
		return 0;
	ND_STR(nd, " key 0x");
	print_hex64(nd, opt + 4);
	return 1;
}

static int unknown_print(struct nd *nd, const uint8_t *opt, unsigned len, uint8_t flags)
{
	(void)nd;
	(void)opt;
	(void)len;
	(void)flags;
	return 1;
}

static const struct {
	const char *name;
	int (*print)(struct nd *, const uint8_t *, unsigned, uint8_t);
} subtypes[] = {
	{"capable", capable_print},  {"join", join_print}, {"dss", dss_print},
	{"add-addr", add_addr_print}, {"rem-addr", remove_addr_print},
	{"prio", prio_print},         {"fail", fail_print}, {"fast-close", fastclose_print},
	{"unknown", unknown_print},
};

int mptcp_print(struct nd *nd, const uint8_t *cp, unsigned len, uint8_t flags)
{
	/* tcpdump names later truncation in this packet after us */
	nd->protocol = "mptcp";
	if (len < 3)
		return 0;
	unsigned subtype = GET_U8(nd, cp + 2) >> 4;
	unsigned last = sizeof subtypes / sizeof subtypes[0] - 1;
	if (subtype > last)
		subtype = last;
	ND_CHR(nd, ' ');
	ND_U(nd, len);
	ND_CHR(nd, ' ');
	ND_STR(nd, subtypes[subtype].name);
	return subtypes[subtype].print(nd, cp, len, flags);
}
