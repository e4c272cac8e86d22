/*
 * links2.c - the capture headers of log devices, tunnels and odd media, as
 * tcpdump 4.99 prints them: each is skipped (-e shows it) and the packet
 * behind it goes to the IPv4 / IPv6 / ethertype / LLC / Ethernet printers.
 *
 *   NFLOG (239)        family(1) version(1) resource id(2, BE), then TLVs:
 *                      length(2) type(2) in the capturing host's order, value
 *                      padded to 4; type 9 (NFULA_PAYLOAD) holds the packet.
 *   PKTAP (258, 149)   Apple's 108-byte little-endian header: length(4)
 *                      record type(4) DLT(4) interface(24) ...; the frame
 *                      behind it is printed by the printer of that DLT.
 *   IPNET (226)        Solaris: version family htype(2) pktlen(4) ifindex(4)
 *                      grifindex(4) zone src(4) zone dst(4), all BE.
 *   ENC (109)          OpenBSD IPsec: af(4) SPI(4, BE) flags(4); af and flags
 *                      in the capturing host's order (told apart by af).
 *   PFLOG (117)        length af action reason ifname[16] ruleset[16]
 *                      rule(4) subrule(4) uid pid rule_uid rule_pid dir pad[3],
 *                      the packet at length rounded up to 4.
 *   SYMANTEC_FIREWALL (99)  44 bytes, an ethertype at offset 6.
 *   NETANALYZER (240) / _TRANSPARENT (241)  4 (+ 8 preamble/SFD) bytes, Ethernet.
 *   IPOIB (242)        44 bytes, an ethertype at offset 40.
 *   IP_OVER_FC (122)   RFC 2625: dst(2+6) src(2+6), then LLC.
 *   APPLE_IP_OVER_IEEE1394 (138)  dst(8) src(8) ethertype(2).
 *
 * A header that is not all captured ends the line with " [|proto]".  The
 * link-layer header length (nd->ll_hdr_len, where -x/-X dumps start) follows
 * what tcpdump counts, quirks included (PKTAP counts the inner header twice).
 */
#include <string.h>

#include "print.h"
#include "links2.h"
#include "../capture.h"

#define ETHER_MAX_LEN_TYPE 1500 /* type fields up to this are lengths */

static uint32_t sub_sat(uint32_t a, uint32_t b)
{
	return a > b ? a - b : 0;
}

static void default_print(struct nd *nd, const uint8_t *p, uint32_t caplen)
{
	if (!nd_default_print_suppressed(nd))
		nd_default_print(nd, p, caplen);
}

/* ", length N: " that ends every header line. */
static void put_length(struct nd *nd, uint32_t len)
{
	ND_STR(nd, ", length ");
	ND_U(nd, len);
	ND_STR(nd, ": ");
}

/* "ethertype NAME (0xNNNN)" */
static void put_ethertype(struct nd *nd, uint16_t type)
{
	ND_STR(nd, "ethertype ");
	nd_tok(nd, link_ethertype_names, "Unknown", type);
	ND_STR(nd, " (0x");
	out_hex(nd->out, type, 4);
	ND_CHR(nd, ')');
}

/* ---- NFLOG ---------------------------------------------------------------- */

#define NFLOG_HDR_LEN 4
#define NFLOG_TLV_LEN 4
#define NFULA_PAYLOAD 9

static const struct tok nflog_families[] = {{2, "IPv4"}, {10, "IPv6"}, {0, NULL}};

static void nflog_hdr_print(struct nd *nd, const uint8_t *h, uint32_t len)
{
	uint8_t family = GET_U8(nd, h);
	out_fmt(nd->out, "version %u, resource ID %u", GET_U8(nd, h + 1), GET_BE16(nd, h + 2));
	if (!nd->o->qflag) {
		ND_STR(nd, ", family ");
		nd_tok(nd, nflog_families, "Unknown", family);
		out_fmt(nd->out, " (%u)", family);
	} else {
		ND_STR(nd, ", ");
		nd_tok(nd, nflog_families, "Unknown NFLOG (0x%02x)", family);
	}
	put_length(nd, len);
}

/* A TLV's 16-bit field, written in the capturing host's order (libpcap has
 * already swapped it when the file came from the other byte order). */
static uint16_t nflog_he16(struct nd *nd, const uint8_t *p)
{
	uint16_t v;
	GET_CPY(nd, &v, p, sizeof v);
	return v;
}

void nflog_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	const uint8_t *h = p;
	uint16_t hsize = NFLOG_HDR_LEN; /* 16 bits, as tcpdump counts it */

	nd->protocol = "nflog";
	if (caplen < NFLOG_HDR_LEN) {
		nd->ll_hdr_len = caplen;
		nd_print_trunc(nd);
		return;
	}
	nd->ll_hdr_len = NFLOG_HDR_LEN;
	uint8_t version = GET_U8(nd, h + 1);
	if (version != 0) {
		out_fmt(nd->out, "version %u (unknown)", version);
		return;
	}
	if (nd->o->eflag)
		nflog_hdr_print(nd, h, len);
	p += NFLOG_HDR_LEN;
	len -= NFLOG_HDR_LEN;
	caplen -= NFLOG_HDR_LEN;

	while (len > 0) {
		if (caplen < NFLOG_TLV_LEN)
			goto trunc;
		uint16_t size = nflog_he16(nd, p);
		if (size % 4 != 0)
			size = (uint16_t)(size + 4 - size % 4);
		if (size < NFLOG_TLV_LEN || caplen < size)
			goto trunc;
		if (nflog_he16(nd, p + 2) == NFULA_PAYLOAD) {
			p += NFLOG_TLV_LEN;
			hsize = (uint16_t)(hsize + NFLOG_TLV_LEN);
			len -= NFLOG_TLV_LEN;
			caplen -= NFLOG_TLV_LEN;
			break;
		}
		p += size;
		hsize = (uint16_t)(hsize + size);
		len -= size;
		caplen -= size;
	}
	nd->ll_hdr_len = hsize;

	switch (GET_U8(nd, h)) {
	case 2:
		ip_print(nd, p, len);
		break;
	case 10:
		ip6_print(nd, p, len);
		break;
	default:
		if (!nd->o->eflag)
			nflog_hdr_print(nd, h, len + NFLOG_HDR_LEN);
		default_print(nd, p, caplen);
		break;
	}
	return;
trunc:
	nd->ll_hdr_len = hsize;
	nd_print_trunc(nd);
}

/* ---- PKTAP ---------------------------------------------------------------- */

#define PKTAP_HDR_LEN 108
#define PKT_REC_NONE 0
#define PKT_REC_PACKET 1

/* libpcap's name of a DLT ("EN10MB"), or "UNKNOWN". */
static void dlt_name(int dlt, char *buf, size_t n)
{
	char desc[160];
	capture_linktype_desc(dlt, desc, sizeof desc);
	const char *sp = strstr(desc, " (");
	size_t k = sp ? (size_t)(sp - desc) : 0;
	if (!sp)
		snprintf(buf, n, "UNKNOWN");
	else {
		if (k >= n)
			k = n - 1;
		memcpy(buf, desc, k);
		buf[k] = '\0';
	}
}

static void pktap_hdr_print(struct nd *nd, const uint8_t *h, uint32_t len)
{
	char name[64];
	uint32_t dlt = GET_LE32(nd, h + 8);
	uint32_t hdrlen = GET_LE32(nd, h);
	dlt_name((int)dlt, name, sizeof name);
	if (!nd->o->qflag)
		out_fmt(nd->out, "DLT %s (%u) len %u", name, dlt, hdrlen);
	else
		ND_STR(nd, name);
	put_length(nd, len);
}

/* The printer tcpdump finds for a DLT inside PKTAP: its own table, where
 * USER2 means PKTAP and LINKTYPE_RAW (101, a file-only value) is not listed. */
static print_link_fn pktap_inner(uint32_t dlt)
{
	if (dlt == 101 || dlt > 0x7fffffff)
		return NULL;
	return print_link_lookup((int)dlt);
}

void pktap_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	const uint8_t *h = p;

	nd->protocol = "pktap";
	if (len < PKTAP_HDR_LEN) {
		out_fmt(nd->out, " (packet too short, %u < %u)", len, PKTAP_HDR_LEN);
		nd_print_invalid(nd);
		return;
	}
	uint32_t dlt = GET_LE32(nd, h + 8);
	uint32_t hdrlen = GET_LE32(nd, h);
	if (hdrlen < PKTAP_HDR_LEN) {
		out_fmt(nd->out, " (pkt_len too small, %u < %u)", hdrlen, PKTAP_HDR_LEN);
		nd_print_invalid(nd);
		return;
	}
	if (hdrlen > len) {
		out_fmt(nd->out, " (pkt_len too big, %u > %u)", hdrlen, len);
		nd_print_invalid(nd);
		return;
	}
	nd_need(nd, h, hdrlen);
	if (nd->o->eflag)
		pktap_hdr_print(nd, h, len);
	len -= hdrlen;
	caplen -= hdrlen;
	p += hdrlen;

	uint32_t ll = hdrlen;
	switch (GET_LE32(nd, h + 4)) {
	case PKT_REC_NONE:
		ND_STR(nd, "no data");
		break;
	case PKT_REC_PACKET: {
		print_link_fn fn = pktap_inner(dlt);
		if (fn) {
			nd->ll_hdr_len = 0;
			fn(nd, p, caplen, len);
			ll += 2 * nd->ll_hdr_len; /* tcpdump adds the inner length twice */
		} else {
			if (!nd->o->eflag)
				pktap_hdr_print(nd, h, len + hdrlen);
			default_print(nd, p, caplen);
		}
		break;
	}
	default:
		break;
	}
	nd->ll_hdr_len = ll;
}

/* ---- IPNET ---------------------------------------------------------------- */

#define IPNET_HDR_LEN 24

static const struct tok ipnet_families[] = {{2, "IPv4"}, {26, "IPv6"}, {0, NULL}};

static void ipnet_hdr_print(struct nd *nd, const uint8_t *h, uint32_t len)
{
	uint8_t family = GET_U8(nd, h + 1);
	out_fmt(nd->out, "%u > %u", GET_BE32(nd, h + 16), GET_BE32(nd, h + 20));
	if (!nd->o->qflag) {
		ND_STR(nd, ", family ");
		nd_tok(nd, ipnet_families, "Unknown", family);
		out_fmt(nd->out, " (%u)", family);
	} else {
		ND_STR(nd, ", ");
		nd_tok(nd, ipnet_families, "Unknown Ethertype (0x%04x)", family);
	}
	put_length(nd, len);
}

void ipnet_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	const uint8_t *h = p;

	nd->protocol = "ipnet";
	nd_need(nd, h, IPNET_HDR_LEN);
	nd->ll_hdr_len = IPNET_HDR_LEN;
	if (nd->o->eflag)
		ipnet_hdr_print(nd, h, len);
	len -= IPNET_HDR_LEN;
	caplen -= IPNET_HDR_LEN;
	p += IPNET_HDR_LEN;
	switch (GET_U8(nd, h + 1)) {
	case 2:
		ip_print(nd, p, len);
		break;
	case 26:
		ip6_print(nd, p, len);
		break;
	default:
		if (!nd->o->eflag)
			ipnet_hdr_print(nd, h, len + IPNET_HDR_LEN);
		default_print(nd, p, caplen);
		break;
	}
}

/* ---- ENC ------------------------------------------------------------------ */

#define ENC_HDR_LEN 12
#define ENC_M_CONF 0x0400 /* encrypted (ESP) */
#define ENC_M_AUTH 0x0800 /* authenticated (AH) */

static uint32_t swap32(uint32_t v)
{
	return (v >> 24) | ((v >> 8) & 0xff00u) | ((v & 0xff00u) << 8) | (v << 24);
}

/* "name): " when it was the last flag left, "name," otherwise. */
static uint32_t enc_flag(struct nd *nd, uint32_t flags, uint32_t bit, const char *name)
{
	if (!(flags & bit))
		return flags;
	ND_STR(nd, name);
	ND_STR(nd, flags == bit ? "): " : ",");
	return flags & ~bit;
}

void enc_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	uint32_t af, flags;

	(void)caplen;
	nd->protocol = "enc";
	nd_need(nd, p, ENC_HDR_LEN);
	nd->ll_hdr_len = ENC_HDR_LEN;
	/* af and flags are in the capturing host's order; an af with bits in
	 * its upper half was written in the other one. */
	GET_CPY(nd, &af, p, sizeof af);
	GET_CPY(nd, &flags, p + 8, sizeof flags);
	if (af & 0xffff0000u) {
		af = swap32(af);
		flags = swap32(flags);
	}
	ND_STR(nd, flags == 0 ? "(unprotected): " : "(");
	flags = enc_flag(nd, flags, ENC_M_AUTH, "authentic");
	enc_flag(nd, flags, ENC_M_CONF, "confidential");
	ND_STR(nd, "SPI 0x");
	out_hex(nd->out, GET_BE32(nd, p + 4), 8);
	ND_STR(nd, ": ");
	len -= ENC_HDR_LEN;
	p += ENC_HDR_LEN;
	switch (af) {
	case 2:
		ip_print(nd, p, len);
		break;
	case 24:
	case 28:
	case 30:
		ip6_print(nd, p, len);
		break;
	default:
		break;
	}
}

/* ---- PFLOG ---------------------------------------------------------------- */

#define PFLOG_MIN_HDR_LEN 45
#define PFLOG_STRUCT_LEN 64 /* struct pfloghdr where it is neither OpenBSD nor FreeBSD */

/* tcpdump 4.99's tables, quirks kept: reason 3 has no name and 4 is "3(short)". */
static const struct tok pf_reasons[] = {
	{0, "0(match)"}, {1, "1(bad-offset)"}, {2, "2(fragment)"}, {4, "3(short)"},
	{4, "4(normalize)"}, {5, "5(memory)"}, {6, "6(bad-timestamp)"}, {7, "7(congestion)"},
	{8, "8(ip-option)"}, {9, "9(proto-cksum)"}, {10, "10(state-mismatch)"},
	{11, "11(state-insert)"}, {12, "12(state-limit)"}, {13, "13(src-limit)"},
	{14, "14(synproxy)"}, {0, NULL},
};
static const struct tok pf_actions[] = {
	{0, "pass"}, {1, "block"}, {2, "scrub"}, {4, "nat"}, {5, "nonat"}, {6, "binat"},
	{7, "nobinat"}, {8, "rdr"}, {9, "nordr"}, {10, "synproxy-drop"}, {0, NULL},
};
static const struct tok pf_directions[] = {{0, "in/out"}, {1, "in"}, {2, "out"}, {0, NULL}};

static void pflog_hdr_print(struct nd *nd, const uint8_t *h)
{
	nd->protocol = "pflog";
	uint32_t rulenr = GET_BE32(nd, h + 36);
	uint32_t subrulenr = GET_BE32(nd, h + 40);
	if (subrulenr == 0xffffffffu) {
		out_fmt(nd->out, "rule %u/", rulenr);
	} else {
		out_fmt(nd->out, "rule %u.", rulenr);
		nd_printn(nd, h + 20, 16);
		out_fmt(nd->out, ".%u/", subrulenr);
	}
	nd_tok(nd, pf_reasons, "unkn(%u)", GET_U8(nd, h + 3));
	ND_STR(nd, ": ");
	nd_tok(nd, pf_actions, "unkn(%u)", GET_U8(nd, h + 2));
	ND_CHR(nd, ' ');
	nd_tok(nd, pf_directions, "unkn(%u)", GET_U8(nd, h + 60));
	ND_STR(nd, " on ");
	nd_printn(nd, h + 4, 16);
	ND_STR(nd, ": ");
}

void pflog_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	const uint8_t *h = p;

	nd->protocol = "pflog";
	if (caplen < 1) {
		nd->ll_hdr_len = caplen;
		nd_print_trunc(nd);
		return;
	}
	uint8_t hlen = GET_U8(nd, h);
	if (hlen < PFLOG_MIN_HDR_LEN) {
		ND_STR(nd, "[pflog: invalid header length!]");
		nd->ll_hdr_len = hlen;
		return;
	}
	uint32_t hdrlen = ((uint32_t)hlen + 3) & ~3u;
	if (caplen < hdrlen) {
		nd->ll_hdr_len = hdrlen;
		nd_print_trunc(nd);
		return;
	}
	nd->ll_hdr_len = hdrlen;
	if (!nd_ok(nd, h, PFLOG_STRUCT_LEN)) { /* no jump: -x still starts after hdrlen */
		nd_print_trunc(nd);
		return;
	}
	if (nd->o->eflag)
		pflog_hdr_print(nd, h);
	uint8_t af = GET_U8(nd, h + 1);
	len = sub_sat(len, hdrlen);
	caplen -= hdrlen;
	p += hdrlen;
	switch (af) {
	case 2:
		ip_print(nd, p, len);
		break;
	case 24:
	case 28:
	case 30:
		ip6_print(nd, p, len);
		break;
	default:
		if (!nd->o->eflag)
			pflog_hdr_print(nd, h);
		default_print(nd, p, caplen);
		break;
	}
}

/* ---- Symantec Enterprise Firewall ----------------------------------------- */

#define SYMANTEC_HDR_LEN 44

static void symantec_hdr_print(struct nd *nd, const uint8_t *h, uint32_t len)
{
	uint16_t type = GET_BE16(nd, h + 6);
	if (type <= ETHER_MAX_LEN_TYPE)
		out_fmt(nd->out, "invalid ethertype %u", type);
	else if (!nd->o->qflag)
		put_ethertype(nd, type);
	else
		nd_tok(nd, link_ethertype_names, "Unknown Ethertype (0x%04x)", type);
	put_length(nd, len);
}

void symantec_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	const uint8_t *h = p;

	nd->protocol = "symantec";
	nd_need(nd, h, SYMANTEC_HDR_LEN);
	nd->ll_hdr_len = SYMANTEC_HDR_LEN;
	if (nd->o->eflag)
		symantec_hdr_print(nd, h, len);
	len -= SYMANTEC_HDR_LEN;
	caplen -= SYMANTEC_HDR_LEN;
	p += SYMANTEC_HDR_LEN;
	uint16_t type = GET_BE16(nd, h + 6);
	if (type <= ETHER_MAX_LEN_TYPE || ethertype_print(nd, type, p, len, caplen, NULL, NULL) == 0) {
		if (!nd->o->eflag)
			symantec_hdr_print(nd, h, len + SYMANTEC_HDR_LEN);
		default_print(nd, p, caplen);
	}
}

/* ---- Hilscher netANALYZER ------------------------------------------------- */

/* skip bytes of pseudo-header (and preamble), then Ethernet. */
static void netanalyzer_common(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len, uint32_t skip)
{
	nd_need(nd, p, skip);
	nd->ll_hdr_len = 0;
	ether_print(nd, p + skip, caplen - skip, len - skip);
	nd->ll_hdr_len += skip;
}

void netanalyzer_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "netanalyzer";
	netanalyzer_common(nd, p, caplen, len, 4);
}

void netanalyzer_transparent_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "netanalyzer_transparent";
	netanalyzer_common(nd, p, caplen, len, 12);
}

/* ---- IP over InfiniBand --------------------------------------------------- */

#define IPOIB_HDR_LEN 44

static void ipoib_hdr_print(struct nd *nd, const uint8_t *h, uint32_t len)
{
	uint16_t type = GET_BE16(nd, h + 40);
	ND_STR(nd, ", ");
	if (!nd->o->qflag) {
		put_ethertype(nd, type);
	} else {
		ND_STR(nd, "ethertype ");
		nd_tok(nd, link_ethertype_names, "Unknown", type);
	}
	put_length(nd, len);
}

void ipoib_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	const uint8_t *h = p;

	nd->protocol = "ipoib";
	if (caplen < IPOIB_HDR_LEN || len < IPOIB_HDR_LEN) {
		nd->ll_hdr_len = caplen < IPOIB_HDR_LEN ? caplen : len;
		nd_print_trunc(nd);
		return;
	}
	if (nd->o->eflag) {
		ND_STR(nd, "IPOIB");
		ipoib_hdr_print(nd, h, len);
	}
	nd->ll_hdr_len = IPOIB_HDR_LEN;
	uint16_t type = GET_BE16(nd, h + 40);
	p += IPOIB_HDR_LEN;
	if (ethertype_print(nd, type, p, len - IPOIB_HDR_LEN, caplen - IPOIB_HDR_LEN, NULL, NULL) == 0) {
		if (!nd->o->eflag)
			ipoib_hdr_print(nd, h, len);
		default_print(nd, p, caplen - IPOIB_HDR_LEN);
	}
}

/* ---- IP over Fibre Channel (RFC 2625) ------------------------------------- */

#define IPFC_HDR_LEN 16

void ipfc_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "ipfc";
	if (caplen < IPFC_HDR_LEN) { /* and the -x dump shows all of it */
		nd_print_trunc(nd);
		return;
	}
	/* the low 48 bits of each network address are a MAC address */
	const uint8_t *dst = p + 2, *src = p + 10;
	if (nd->o->eflag) {
		nd_etheraddr(nd, src);
		ND_STR(nd, " > ");
		nd_etheraddr(nd, dst);
		put_length(nd, len);
	}
	nd->ll_hdr_len = IPFC_HDR_LEN;
	p += IPFC_HDR_LEN;
	caplen -= IPFC_HDR_LEN;
	int hl = llc_print(nd, p, len - IPFC_HDR_LEN, caplen, src, dst);
	if (hl < 0) {
		default_print(nd, p, caplen);
		hl = -hl;
	}
	nd->ll_hdr_len = IPFC_HDR_LEN + (uint32_t)hl;
}

/* ---- Apple IP over IEEE 1394 ---------------------------------------------- */

#define FIREWIRE_HDR_LEN 18

/* An EUI-64 as tcpdump prints it: eight lowercase hex pairs joined by ':'. */
static void put_eui64(struct nd *nd, const uint8_t *a)
{
	for (int i = 0; i < 8; i++) {
		if (i)
			ND_CHR(nd, ':');
		out_hex(nd->out, GET_U8(nd, a + i), 2);
	}
}

static void ap1394_hdr_print(struct nd *nd, const uint8_t *h, uint32_t len)
{
	uint16_t type = GET_BE16(nd, h + 16);
	put_eui64(nd, h + 8);
	ND_STR(nd, " > ");
	put_eui64(nd, h);
	ND_STR(nd, ", ");
	if (!nd->o->qflag)
		put_ethertype(nd, type);
	else
		nd_tok(nd, link_ethertype_names, "Unknown Ethertype (0x%04x)", type);
	put_length(nd, len);
}

void ap1394_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	const uint8_t *h = p;

	nd->protocol = "ap1394";
	nd_need(nd, h, FIREWIRE_HDR_LEN);
	nd->ll_hdr_len = FIREWIRE_HDR_LEN;
	if (nd->o->eflag)
		ap1394_hdr_print(nd, h, len);
	p += FIREWIRE_HDR_LEN;
	uint16_t type = GET_BE16(nd, h + 16);
	if (ethertype_print(nd, type, p, len - FIREWIRE_HDR_LEN, caplen - FIREWIRE_HDR_LEN, NULL, NULL) == 0) {
		if (!nd->o->eflag)
			ap1394_hdr_print(nd, h, len);
		default_print(nd, p, caplen - FIREWIRE_HDR_LEN);
	}
}
