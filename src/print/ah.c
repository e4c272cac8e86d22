/*
 * ah.c - IP Authentication Header (RFC 4302), IP protocol 51.
 *
 *   +---------------+---------------+-------------------------------+
 *   |  Next Header  |  Payload Len  |          RESERVED             |
 *   +---------------+---------------+-------------------------------+
 *   |                 Security Parameters Index (SPI)               |
 *   +---------------------------------------------------------------+
 *   |                    Sequence Number Field                      |
 *   +---------------------------------------------------------------+
 *   |                Integrity Check Value (variable)               |
 *
 * Payload Len is the header length in 32-bit words minus 2.
 */
#include "route.h"

unsigned ah_print(struct nd *nd, const uint8_t *p)
{
	nd->protocol = "ah";
	ND_STR(nd, "AH");
	/* a read past the capture from here on is tcpdump's longjmp (whole packet dumped for -x);
	 * only the caller's marker for nothing captured keeps the link header (print.c) */
#define AH_NEED(n) do { if (!nd_ok(nd, p, (n))) nd_trunc_full(nd); } while (0)
	AH_NEED(2);
	uint8_t ahlen = GET_U8(nd, p + 1);
	ND_CHR(nd, '(');
	unsigned hlen = (ahlen + 2u) * 4u;
	if (nd->o->vflag)
		out_fmt(nd->out, "length=%u(%u-bytes),", ahlen, hlen);
	AH_NEED(4);
	uint16_t rsv = GET_BE16(nd, p + 2);
	if (rsv)
		out_fmt(nd->out, "reserved=0x%x[MustBeZero],", rsv);
	AH_NEED(8);
	out_fmt(nd->out, "spi=0x%08x,", GET_BE32(nd, p + 4));
	AH_NEED(12);
	out_fmt(nd->out, "seq=0x%x,", GET_BE32(nd, p + 8));
	ND_STR(nd, "icv=0x");
	for (unsigned i = 12; i < hlen; i++) {
		AH_NEED(i + 1);
		out_hex(nd->out, GET_U8(nd, p + i), 2);
	}
	ND_STR(nd, "): ");
	return hlen;
#undef AH_NEED
}
