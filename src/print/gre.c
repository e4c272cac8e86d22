/*
 * gre.c - Generic Routing Encapsulation as tcpdump 4.99 prints it.
 *
 *   version 0 (RFC 2784, RFC 2890 key/sequence, RFC 1701 routing):
 *   +-+-+-+-+-+---------+-----+---------------------+
 *   |C|R|K|S|s| recur   |flags| ver | protocol type |
 *   +-+-+-+-+-+---------+-----+---------------------+
 *   | checksum (if C|R)     | offset (if C|R)       |
 *   | key (if K)                                    |
 *   | sequence number (if S)                        |
 *   | source route entries (if R), up to a null one |
 *
 *   version 1 (PPTP enhanced GRE, RFC 2637): K is mandatory (payload length,
 *   call id), then sequence (S) and acknowledgment (A) numbers; PPP inside.
 */
#include "tunnel.h"
#include "route.h"
#include "rest.h"

#include "../proto.h"

const char *ethertype_name(uint16_t type); /* print/ether.c */

static const struct tok gre_flag_names[] = {
	{GRE_F_CSUM, "checksum present"}, {GRE_F_ROUTING, "routing present"}, {GRE_F_KEY, "key present"},
	{GRE_F_SEQ, "sequence# present"}, {GRE_F_SSR, "source routing present"},
	{GRE_F_ACK, "ack present"}, {0, NULL}};

#define GRE_SRE_IP 0x0800
#define GRE_SRE_ASN 0xfffe

static void gre_proto_e(struct nd *nd, uint16_t prot)
{
	if (!nd->o->eflag)
		return;
	const char *name = ethertype_name(prot);
	ND_STR(nd, ", proto ");
	ND_STR(nd, name ? name : "unknown");
	ND_STR(nd, " (0x");
	out_hex(nd->out, prot, 4);
	ND_CHR(nd, ')');
}

/* One source route entry's addresses (4 bytes IPv4, 2 bytes AS numbers);
 * the one at the offset is starred.  0 when the entry is not captured. */
static int gre_sre_addrs(struct nd *nd, int asn, uint8_t sreoff, uint8_t srelen, const uint8_t *p,
			 uint32_t len)
{
	unsigned step = asn ? 2 : 4;
	if (sreoff & (step - 1)) {
		out_fmt(nd->out, ", badoffset=%u", sreoff);
		return 1;
	}
	if (srelen & (step - 1)) {
		out_fmt(nd->out, ", badlength=%u", srelen);
		return 1;
	}
	if (sreoff >= srelen) {
		out_fmt(nd->out, ", badoff/len=%u/%u", sreoff, srelen);
		return 1;
	}
	for (unsigned off = 0; off < srelen; off += step) {
		if (len < step || !nd_ok(nd, p + off, step))
			return 0;
		ND_STR(nd, off == sreoff ? " *" : " ");
		if (asn)
			out_hex(nd->out, GET_BE16(nd, p + off), 0);
		else
			nd_ipaddr(nd, p + off);
		len -= step;
	}
	return 1;
}

static void gre_print_0(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint32_t len = length;
	uint16_t flags = GET_BE16(nd, p);
	if (nd->o->vflag) {
		ND_STR(nd, ", Flags [");
		nd_bits(nd, gre_flag_names, flags, ", ");
		ND_CHR(nd, ']');
	}
	len -= 2;
	p += 2;
	if (len < 2)
		goto trunc;
	uint16_t prot = GET_BE16(nd, p);
	len -= 2;
	p += 2;
	if (flags & (GRE_F_CSUM | GRE_F_ROUTING)) {
		if (len < 2)
			goto trunc;
		if (nd->o->vflag)
			out_fmt(nd->out, ", sum 0x%x", GET_BE16(nd, p));
		p += 2;
		len -= 2;
		if (len < 2)
			goto trunc;
		out_fmt(nd->out, ", off 0x%x", GET_BE16(nd, p));
		p += 2;
		len -= 2;
	}
	if (flags & GRE_F_KEY) {
		if (len < 4)
			goto trunc;
		out_fmt(nd->out, ", key=0x%x", GET_BE32(nd, p));
		p += 4;
		len -= 4;
	}
	if (flags & GRE_F_SEQ) {
		if (len < 4)
			goto trunc;
		out_fmt(nd->out, ", seq %u", GET_BE32(nd, p));
		p += 4;
		len -= 4;
	}
	if (flags & GRE_F_ROUTING) {
		for (;;) {
			nd_need(nd, p, 4);
			if (len < 4)
				goto trunc;
			uint16_t af = GET_BE16(nd, p);
			uint8_t sreoff = GET_U8(nd, p + 2), srelen = GET_U8(nd, p + 3);
			p += 4;
			len -= 4;
			if (af == 0 && srelen == 0)
				break;
			int ok;
			if (af == GRE_SRE_IP || af == GRE_SRE_ASN) {
				ND_STR(nd, af == GRE_SRE_IP ? ", (rtaf=ip" : ", (rtaf=asn");
				ok = gre_sre_addrs(nd, af == GRE_SRE_ASN, sreoff, srelen, p, len);
				ND_CHR(nd, ')');
			} else {
				out_fmt(nd->out, ", (rtaf=0x%x)", af);
				ok = 1;
			}
			if (!ok || len < srelen)
				goto trunc;
			p += srelen;
			len -= srelen;
		}
	}
	gre_proto_e(nd, prot);
	ND_STR(nd, ", length ");
	ND_U(nd, length);
	ND_STR(nd, nd->o->vflag ? "\n\t" : ": ");
	switch (prot) {
	case ETHERTYPE_IPV4:
		ip_print(nd, p, len);
		break;
	case ETHERTYPE_IPV6:
		ip6_print(nd, p, len);
		break;
	case ETHERTYPE_MPLS:
		mpls_print(nd, p, len);
		break;
	case 0x00fe: /* OSI network layer (tcpdump's ETHERTYPE_GRE_ISO) */
		isoclns_print(nd, p, len);
		break;
	case 0x8137: /* Novell IPX */
		ipx_print(nd, p, len);
		break;
	case 0x809b: /* AppleTalk DDP */
		atalk_ddp_print(nd, p, len);
		break;
	case ETHERTYPE_TEB: {
		uint32_t ll = nd->ll_hdr_len;
		ether_print(nd, p, (uint32_t)nd_avail(nd, p), len);
		nd->ll_hdr_len = ll;
		break;
	}
	default:
		out_fmt(nd->out, "gre-proto-0x%x", prot);
		break;
	}
	return;
trunc:
	nd_print_trunc(nd);
}

static void gre_print_1(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint32_t len = length;
	uint16_t flags = GET_BE16(nd, p);
	len -= 2;
	p += 2;
	if (nd->o->vflag) {
		ND_STR(nd, ", Flags [");
		nd_bits(nd, gre_flag_names, flags, ", ");
		ND_CHR(nd, ']');
	}
	if (len < 2)
		goto trunc;
	uint16_t prot = GET_BE16(nd, p);
	len -= 2;
	p += 2;
	if (flags & GRE_F_KEY) {
		if (len < 4)
			goto trunc;
		out_fmt(nd->out, ", call %u", GET_BE32(nd, p) & 0xffff);
		len -= 4;
		p += 4;
	}
	if (flags & GRE_F_SEQ) {
		if (len < 4)
			goto trunc;
		out_fmt(nd->out, ", seq %u", GET_BE32(nd, p));
		p += 4;
		len -= 4;
	}
	if (flags & GRE_F_ACK) {
		if (len < 4)
			goto trunc;
		out_fmt(nd->out, ", ack %u", GET_BE32(nd, p));
		p += 4;
		len -= 4;
	}
	if (!(flags & GRE_F_SEQ))
		ND_STR(nd, ", no-payload");
	gre_proto_e(nd, prot);
	ND_STR(nd, ", length ");
	ND_U(nd, length);
	if (!(flags & GRE_F_SEQ))
		return;
	ND_STR(nd, nd->o->vflag ? "\n\t" : ": ");
	if (prot == ETHERTYPE_PPP)
		ppp_print(nd, p, len);
	else
		out_fmt(nd->out, "gre-proto-0x%x", prot);
	return;
trunc:
	nd_print_trunc(nd);
}

void gre_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "gre";
	if (!nd_ok(nd, p, 2) || len < 2) {
		nd_print_trunc(nd);
		return;
	}
	uint16_t flags = GET_BE16(nd, p);
	ND_STR(nd, "GREv");
	ND_U(nd, flags & GRE_VERSION_MASK);
	switch (flags & GRE_VERSION_MASK) {
	case 0:
		gre_print_0(nd, p, len);
		break;
	case 1:
		gre_print_1(nd, p, len);
		break;
	default:
		ND_STR(nd, " ERROR: unknown-version");
		break;
	}
}
