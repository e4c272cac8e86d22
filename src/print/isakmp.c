/*
 * isakmp.c - ISAKMP / IKEv1 (RFC 2408, 2409) and IKEv2 (RFC 7296) on UDP
 * port 500, their NAT-traversal encapsulation on UDP port 4500 (RFC 3948),
 * and the ESP inside it (print/esp.c).
 *
 * ISAKMP header (28 bytes):
 *   +---------------------------------------------------------------+
 *   |                  Initiator Cookie / SPI (8)                   |
 *   |                  Responder Cookie / SPI (8)                   |
 *   +---------------+-------+-------+---------------+---------------+
 *   | Next Payload  | MjVer | MnVer | Exchange Type |     Flags     |
 *   +---------------+-------+-------+---------------+---------------+
 *   |                          Message ID                           |
 *   |                            Length                             |
 *   +---------------------------------------------------------------+
 *
 * UDP 4500 (RFC 3948): a single 0xff byte is a NAT keepalive; four zero
 * bytes (the non-ESP marker) precede an IKE message; anything else is ESP.
 *
 * ESP header:  SPI (4) | Sequence Number (4) | encrypted payload ...
 *
 * IKEv1 names each packet's side (I)nitiator / (R)esponder from a small
 * table of initiator cookies seen in first packets, as tcpdump does; that
 * table is the only state this file keeps across packets.
 */
#include <string.h>

#include "nd.h"


#define ISAKMP_HDRLEN 28

#define ISAKMP_FLAG_E 0x01
#define ISAKMP_FLAG_C 0x02
#define ISAKMP_FLAG_I 0x08
#define ISAKMP_FLAG_V 0x10
#define ISAKMP_FLAG_R 0x20

static const struct tok isakmp_etype[] = {
	{0, "none"}, {1, "base"}, {2, "ident"}, {3, "auth"}, {4, "agg"}, {5, "inf"},
	{32, "oakley-quick"}, {33, "oakley-newgroup"},
	{34, "ikev2_init"}, {35, "ikev2_auth"}, {36, "child_sa"}, {37, "inf2"},
	{0, NULL},
};

/* Payload names, as tcpdump's NPSTR prints them ("#N" when unnamed). */
static const struct tok isakmp_np[] = {
	{0, "none"}, {1, "sa"}, {2, "p"}, {3, "t"}, {4, "ke"}, {5, "id"}, {6, "cert"},
	{7, "cr"}, {8, "hash"}, {9, "sig"}, {10, "nonce"}, {11, "n"}, {12, "d"}, {13, "vid"},
	{33, "v2sa"}, {34, "v2ke"}, {35, "v2IDi"}, {36, "v2IDr"}, {37, "v2cert"}, {38, "v2cr"},
	{39, "v2auth"}, {40, "v2nonce"}, {41, "v2n"}, {42, "v2d"}, {43, "v2vid"}, {44, "v2TSi"},
	{45, "v2TSr"}, {46, "v2e"}, {47, "v2cp"}, {48, "v2eap"}, {0, NULL},
};

/* ---- IKEv1 initiator cookie cache ---- */

#define COOKIE_SLOTS 20

struct cookie_slot {
	uint8_t cookie[8];
	int version;          /* 4, 6, or 0 when unused */
	uint8_t iaddr[16], raddr[16];
};

static struct cookie_slot cookie_cache[COOKIE_SLOTS];
static int cookie_next;

/* Unused slots hold an all-zero cookie, and do match one (as in tcpdump). */
static int cookie_find(const uint8_t ck[8])
{
	for (int i = 0; i < COOKIE_SLOTS; i++)
		if (memcmp(ck, cookie_cache[i].cookie, 8) == 0)
			return i;
	return -1;
}

static void cookie_record(const uint8_t ck[8], const struct ipctx *ip)
{
	int i = cookie_find(ck);
	if (i >= 0) {
		cookie_next = (i + 1) % COOKIE_SLOTS;
		return;
	}
	struct cookie_slot *s = &cookie_cache[cookie_next];
	size_t alen = ip->v6 ? 16 : 4;
	s->version = ip->v6 ? 6 : 4;
	memcpy(s->iaddr, ip->src, alen);
	memcpy(s->raddr, ip->dst, alen);
	memcpy(s->cookie, ck, 8);
	cookie_next = (cookie_next + 1) % COOKIE_SLOTS;
}

/* Is this packet's source the slot's initiator (initiator=1) or responder? */
static int cookie_side(int i, const struct ipctx *ip, int initiator)
{
	const struct cookie_slot *s = &cookie_cache[i];
	if (s->version != (ip->v6 ? 6 : 4))
		return 0;
	return memcmp(ip->src, initiator ? s->iaddr : s->raddr, ip->v6 ? 16 : 4) == 0;
}

/* ---- ISAKMP ---- */

static void isakmp_hex(struct nd *nd, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		out_hex(nd->out, GET_U8(nd, p + i), 2);
}

static void isakmp_etype_print(struct nd *nd, uint8_t etype)
{
	ND_CHR(nd, ' ');
	nd_tok(nd, isakmp_etype, "#%u", etype);
}

static void ikev1_print(struct nd *nd, const uint8_t *p, const struct ipctx *ip)
{
	uint8_t ick[8];
	int phase = GET_BE32(nd, p + 20) == 0 ? 1 : 2;
	ND_STR(nd, phase == 1 ? " phase 1" : " phase 2/others");
	GET_CPY(nd, ick, p, 8);
	int i = cookie_find(ick);
	if (i < 0) {
		int rzero = 1;
		for (int k = 8; k < 16; k++)
			if (GET_U8(nd, p + k))
				rzero = 0;
		if (rzero) {
			ND_STR(nd, " I");
			if (ip)
				cookie_record(ick, ip);
		} else {
			ND_STR(nd, " ?");
		}
	} else if (ip && cookie_side(i, ip, 1)) {
		ND_STR(nd, " I");
	} else if (ip && cookie_side(i, ip, 0)) {
		ND_STR(nd, " R");
	} else {
		ND_STR(nd, " ?");
	}
	isakmp_etype_print(nd, GET_U8(nd, p + 18));
	uint8_t flags = GET_U8(nd, p + 19);
	if (flags) {
		ND_CHR(nd, '[');
		if (flags & ISAKMP_FLAG_E)
			ND_CHR(nd, 'E');
		if (flags & ISAKMP_FLAG_C)
			ND_CHR(nd, 'C');
		ND_CHR(nd, ']');
	}
}

static void ikev2_print(struct nd *nd, const uint8_t *p)
{
	int phase = GET_BE32(nd, p + 20) == 0 ? 1 : 2;
	ND_STR(nd, phase == 1 ? " parent_sa" : " child_sa ");
	isakmp_etype_print(nd, GET_U8(nd, p + 18));
	uint8_t flags = GET_U8(nd, p + 19);
	if (flags) {
		ND_CHR(nd, '[');
		if (flags & ISAKMP_FLAG_I)
			ND_CHR(nd, 'I');
		if (flags & ISAKMP_FLAG_V)
			ND_CHR(nd, 'V');
		if (flags & ISAKMP_FLAG_R)
			ND_CHR(nd, 'R');
		ND_CHR(nd, ']');
	}
}

void isakmp_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	nd->protocol = "isakmp";
	if (!nd_ok(nd, p, ISAKMP_HDRLEN)) {
		nd_print_trunc(nd);
		return;
	}
	uint8_t vers = GET_U8(nd, p + 17);
	unsigned major = vers >> 4, minor = vers & 0xf;
	ND_STR(nd, "isakmp");
	if (nd->o->vflag) {
		ND_CHR(nd, ' ');
		ND_U(nd, major);
		ND_CHR(nd, '.');
		ND_U(nd, minor);
		ND_STR(nd, " msgid ");
		isakmp_hex(nd, p + 20, 4);
	}
	if (nd->o->vflag > 1) {
		ND_STR(nd, " cookie ");
		isakmp_hex(nd, p, 8);
		ND_STR(nd, "->");
		isakmp_hex(nd, p + 8, 8);
	}
	ND_CHR(nd, ':');
	if (major == 1)
		ikev1_print(nd, p, ip);
	else if (major == 2)
		ikev2_print(nd, p);
	else
		return;
	if (!nd->o->vflag)
		return;
	/*
	 * -v: the payload chain.  Only its two simplest outcomes are printed
	 * so far: an encrypted body, and a first payload header not captured.
	 * TODO: the payload printers (SA/proposal/transform, KE, ID, notify...).
	 */
	ND_CHR(nd, ':');
	uint8_t np = GET_U8(nd, p + 16), flags = GET_U8(nd, p + 19);
	if (flags & ISAKMP_FLAG_E) {
		ND_STR(nd, " [encrypted ");
		nd_tok(nd, isakmp_np, "#%u", np);
		ND_CHR(nd, ']');
	} else if (np != 0 && !nd_ok(nd, p + ISAKMP_HDRLEN, 4)) {
		ND_STR(nd, " [|");
		nd_tok(nd, isakmp_np, "#%u", np);
		ND_CHR(nd, ']');
	}
	uint32_t ilen = GET_BE32(nd, p + 24);
	if (ilen != len)
		out_fmt(nd->out, " (len mismatch: isakmp %u/ip %u)", ilen, len);
}

/* ---- UDP 4500 ---- */

void isakmp_rfc3948_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	nd->protocol = "isakmp_rfc3948";
	if (len == 1 && GET_U8(nd, p) == 0xff) {
		ND_STR(nd, "isakmp-nat-keep-alive");
		return;
	}
	if (len < 4) {
		nd_print_trunc(nd);
		return;
	}
	if (GET_BE32(nd, p) == 0) {
		ND_STR(nd, "NONESP-encap: ");
		isakmp_print(nd, p + 4, len - 4, ip);
		return;
	}
	ND_STR(nd, "UDP-encap: ");
	esp_print(nd, p, len, ip);
}
