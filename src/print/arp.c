/*
 * arp.c - ARP / RARP / Inverse ARP (RFC 826, RFC 903, RFC 2390) and
 * ATM ARP (RFC 2225), printed as tcpdump 4.99 does.
 *
 *   0      7 8     15 16                    31
 *  +--------+--------+--------+--------+
 *  | hardware type   | protocol type   |
 *  +--------+--------+--------+--------+
 *  | hlen   | plen   | operation       |
 *  +--------+--------+--------+--------+
 *  | sender hw (hlen) | sender proto (plen) |
 *  | target hw (hlen) | target proto (plen) |
 *
 * ATM ARP replaces hlen/plen by type-and-length octets for the ATM number,
 * subaddress and protocol address of each side:
 *   hrd(2) pro(2) shtl(1) sstl(1) op(2) spln(1) thtl(1) tstl(1) tpln(1)
 *   then sha ssa spa tha tsa tpa.
 *
 * len is the length on the wire (printed as "length N", padding included),
 * caplen the captured bytes from p (used for the hex dump of an unknown
 * operation).  Nothing is printed when the addresses are not all captured:
 * the packet ends with " [|arp]".  With -e the "ARP, " prefix is left out,
 * since the link printer has already said "ethertype ARP".
 */
#include "nd.h"

/* Shared with link.c / hexdump.c (not in nd.h yet). */
extern const struct tok link_ethertype_names[];
void nd_default_print(struct nd *nd, const uint8_t *p, size_t n);

#define ARPHRD_ETHER 1
#define ARPHRD_FRELAY 15
#define ARPHRD_ATM2225 19

#define ARPOP_REQUEST 1
#define ARPOP_REPLY 2
#define ARPOP_REVREQUEST 3
#define ARPOP_REVREPLY 4
#define ARPOP_INVREQUEST 8
#define ARPOP_INVREPLY 9
#define ARPOP_NAK 10

#define ETHERTYPE_IP 0x0800
#define ETHERTYPE_TRAIL 0x1000

static const struct tok arp_ops[] = {
	{ ARPOP_REQUEST, "Request" },
	{ ARPOP_REPLY, "Reply" },
	{ ARPOP_REVREQUEST, "Reverse Request" },
	{ ARPOP_REVREPLY, "Reverse Reply" },
	{ ARPOP_INVREQUEST, "Inverse Request" },
	{ ARPOP_INVREPLY, "Inverse Reply" },
	{ ARPOP_NAK, "NACK Reply" },
	{ 0, NULL }
};

static const struct tok arp_hrds[] = {
	{ ARPHRD_ETHER, "Ethernet" },
	{ 6, "TokenRing" },
	{ 7, "ArcNet" },
	{ ARPHRD_FRELAY, "FrameRelay" },
	{ 23, "Strip" },
	{ 24, "IEEE 1394" },
	{ ARPHRD_ATM2225, "ATM" },
	{ 32, "InfiniBand" },
	{ 0, NULL }
};

/* Hardware address kinds, as tcpdump's linkaddr_string() tells them apart. */
enum hw_kind { HW_MAC, HW_FRELAY, HW_ATM };

/* Colon-separated hex of n bytes (n > 0), all already checked. */
static void print_hex_colons(struct nd *nd, const uint8_t *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			ND_CHR(nd, ':');
		out_hex(nd->out, GET_U8(nd, a + i), 2);
	}
}

/*
 * Q.922 address (RFC 2427 frame relay) of n bytes -> "DLCI n", as tcpdump's
 * q922_string(): 2, 3 or 4 bytes, each but the last with its EA bit clear.
 * An address that ends early prints "<Truncated>", a bad one "<Invalid DLCI>".
 */
static void print_q922(struct nd *nd, const uint8_t *a, size_t n)
{
	const char *bad = "<Truncated>";
	uint32_t dlci;

	if (n < 1)
		goto fail;
	uint32_t b0 = GET_U8(nd, a);
	if (b0 & 0x01) {
		bad = "<Invalid DLCI>";
		goto fail;
	}
	if (n < 2)
		goto fail;
	uint32_t b1 = GET_U8(nd, a + 1);
	dlci = ((b0 & 0xfc) << 2) | ((b1 & 0xf0) >> 4);
	if (!(b1 & 0x01)) {
		/* a 3- or 4-byte address */
		size_t i = 2;
		if (n < 3)
			goto fail;
		uint32_t b = GET_U8(nd, a + i);
		if (!(b & 0x01)) {
			dlci = (dlci << 7) | (b >> 1);
			i++;
			if (n < 4)
				goto fail;
			b = GET_U8(nd, a + i);
		}
		if (!(b & 0x01)) {
			bad = "<Invalid DLCI>";
			goto fail;
		}
		dlci = (dlci << 6) | (b >> 2);
	}
	ND_STR(nd, "DLCI ");
	ND_U(nd, dlci);
	return;
fail:
	ND_STR(nd, bad);
}

static void print_hwaddr(struct nd *nd, const uint8_t *a, size_t n, enum hw_kind kind)
{
	if (n == 0) {
		ND_STR(nd, "<empty>");
		return;
	}
	if (kind == HW_MAC && n == 6) {
		nd_etheraddr(nd, a);
		return;
	}
	if (kind == HW_FRELAY) {
		print_q922(nd, a, n);
		return;
	}
	print_hex_colons(nd, a, n);
}

static int all_zero(struct nd *nd, const uint8_t *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (GET_U8(nd, a + i) != 0)
			return 0;
	return 1;
}

static int proto_is_ip(uint16_t pro)
{
	return pro == ETHERTYPE_IP || pro == ETHERTYPE_TRAIL;
}

/* A protocol address: IPv4 only; otherwise tcpdump's complaint. */
static void print_paddr(struct nd *nd, const uint8_t *a, uint16_t pro, unsigned plen,
			const char *wrong_len)
{
	if (!proto_is_ip(pro))
		ND_STR(nd, "<wrong proto type>");
	else if (plen != 4)
		ND_STR(nd, wrong_len);
	else
		nd_ipaddr(nd, a);
}

static void print_pro(struct nd *nd, uint16_t pro)
{
	nd_tok(nd, link_ethertype_names, "Unknown Protocol (0x%04x)", pro);
}

static void print_length(struct nd *nd, uint32_t len)
{
	ND_STR(nd, ", length ");
	ND_U(nd, len);
}

/* ATM number, then ",subaddress" when there is one. */
static void atm_addr(struct nd *nd, const uint8_t *num, unsigned numlen, const uint8_t *sub,
		     unsigned sublen)
{
	if (numlen == 0) {
		ND_STR(nd, "<No address>");
		return;
	}
	print_hex_colons(nd, num, numlen);
	if (sublen != 0) {
		ND_CHR(nd, ',');
		print_hex_colons(nd, sub, sublen);
	}
}

static void atmarp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	nd_need(nd, p, 12);
	uint16_t hrd = GET_BE16(nd, p);
	uint16_t pro = GET_BE16(nd, p + 2);
	unsigned shl = GET_U8(nd, p + 4) & 0x3f;
	unsigned ssl = GET_U8(nd, p + 5) & 0x3f;
	uint16_t op = GET_BE16(nd, p + 6);
	unsigned spl = GET_U8(nd, p + 8);
	unsigned thl = GET_U8(nd, p + 9) & 0x3f;
	unsigned tsl = GET_U8(nd, p + 10) & 0x3f;
	unsigned tpl = GET_U8(nd, p + 11);
	const uint8_t *sha = p + 12;
	const uint8_t *ssa = sha + shl;
	const uint8_t *spa = ssa + ssl;
	const uint8_t *tha = spa + spl;
	const uint8_t *tsa = tha + thl;
	const uint8_t *tpa = tsa + tsl;
	nd_need(nd, tpa, tpl);

	if (!nd->o->eflag)
		ND_STR(nd, "ARP, ");
	if (!proto_is_ip(pro) || spl != 4 || tpl != 4 || nd->o->vflag) {
		nd_tok(nd, arp_hrds, "Unknown Hardware (%u)", hrd);
		ND_STR(nd, ", ");
		print_pro(nd, pro);
		ND_STR(nd, " (len ");
		ND_U(nd, spl);
		ND_CHR(nd, '/');
		ND_U(nd, tpl);
		ND_CHR(nd, ')');
		if (!nd->o->vflag) {
			print_length(nd, len);
			return;
		}
	}
	if (nd->o->vflag)
		ND_STR(nd, ", ");
	nd_tok(nd, arp_ops, "Unknown (%u)", op);
	ND_CHR(nd, ' ');

	switch (op) {
	case ARPOP_REQUEST:
		ND_STR(nd, "who-has ");
		print_paddr(nd, tpa, pro, tpl, "<wrong tplen>");
		if (thl != 0) {
			ND_STR(nd, " (");
			atm_addr(nd, tha, thl, tsa, tsl);
			ND_CHR(nd, ')');
		}
		ND_STR(nd, " tell ");
		print_paddr(nd, spa, pro, spl, "<wrong splen>");
		break;
	case ARPOP_REPLY:
		print_paddr(nd, spa, pro, spl, "<wrong splen>");
		ND_STR(nd, " is-at ");
		atm_addr(nd, sha, shl, ssa, ssl);
		break;
	case ARPOP_INVREQUEST:
		ND_STR(nd, "who-is ");
		atm_addr(nd, tha, thl, tsa, tsl);
		ND_STR(nd, " tell ");
		atm_addr(nd, sha, shl, ssa, ssl);
		break;
	case ARPOP_INVREPLY:
		atm_addr(nd, sha, shl, ssa, ssl);
		ND_STR(nd, "at "); /* sic: tcpdump prints no space before "at" */
		print_paddr(nd, spa, pro, spl, "<wrong splen>");
		break;
	case ARPOP_NAK:
		ND_STR(nd, "for ");
		print_paddr(nd, spa, pro, spl, "<wrong splen>");
		break;
	default:
		nd_default_print(nd, p, caplen);
		return;
	}
	print_length(nd, len);
}

void arp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	nd->protocol = "arp";
	nd_need(nd, p, 8);
	uint16_t hrd = GET_BE16(nd, p);
	uint16_t pro = GET_BE16(nd, p + 2);
	unsigned hln = GET_U8(nd, p + 4);
	unsigned pln = GET_U8(nd, p + 5);
	uint16_t op = GET_BE16(nd, p + 6);
	enum hw_kind kind = HW_MAC;

	if (hrd == ARPHRD_ATM2225) {
		atmarp_print(nd, p, len, caplen);
		return;
	}
	if (hrd == ARPHRD_FRELAY)
		kind = HW_FRELAY;

	const uint8_t *sha = p + 8;
	const uint8_t *spa = sha + hln;
	const uint8_t *tha = spa + pln;
	const uint8_t *tpa = tha + hln;
	nd_need(nd, tpa, pln); /* every address captured, or " [|arp]" alone */

	if (!nd->o->eflag)
		ND_STR(nd, "ARP, ");
	if (!proto_is_ip(pro) || pln != 4 || hln == 0 || nd->o->vflag) {
		nd_tok(nd, arp_hrds, "Unknown Hardware (%u)", hrd);
		ND_STR(nd, " (len ");
		ND_U(nd, hln);
		ND_STR(nd, "), ");
		print_pro(nd, pro);
		ND_STR(nd, " (len ");
		ND_U(nd, pln);
		ND_CHR(nd, ')');
		if (!nd->o->vflag) {
			/* the address formats are unknown: say no more */
			print_length(nd, len);
			return;
		}
		ND_STR(nd, ", ");
	}
	nd_tok(nd, arp_ops, "Unknown (%u)", op);
	ND_CHR(nd, ' ');

	switch (op) {
	case ARPOP_REQUEST:
		ND_STR(nd, "who-has ");
		print_paddr(nd, tpa, pro, pln, "<wrong len>");
		if (!all_zero(nd, tha, hln)) {
			ND_STR(nd, " (");
			print_hwaddr(nd, tha, hln, kind);
			ND_CHR(nd, ')');
		}
		ND_STR(nd, " tell ");
		print_paddr(nd, spa, pro, pln, "<wrong len>");
		break;
	case ARPOP_REPLY:
		print_paddr(nd, spa, pro, pln, "<wrong len>");
		ND_STR(nd, " is-at ");
		print_hwaddr(nd, sha, hln, kind);
		break;
	case ARPOP_REVREQUEST:
	case ARPOP_INVREQUEST:
		ND_STR(nd, "who-is ");
		print_hwaddr(nd, tha, hln, kind);
		ND_STR(nd, " tell ");
		print_hwaddr(nd, sha, hln, kind);
		break;
	case ARPOP_REVREPLY:
		print_hwaddr(nd, tha, hln, kind);
		ND_STR(nd, " at ");
		print_paddr(nd, tpa, pro, pln, "<wrong len>");
		break;
	case ARPOP_INVREPLY:
		print_hwaddr(nd, sha, hln, kind);
		ND_STR(nd, " at ");
		print_paddr(nd, spa, pro, pln, "<wrong len>");
		break;
	default:
		/* Unknown operation: a hex dump of what was captured, no length. */
		nd_default_print(nd, p, caplen);
		return;
	}
	print_length(nd, len);
}
