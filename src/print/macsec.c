/*
 * macsec.c - IEEE 802.1AE MACsec SecTAG (ethertype 0x88e5), as tcpdump 4.99
 * prints it.  ether.c calls macsec_print() and then prints the protected
 * frame (or dumps it when it is encrypted).
 *
 *   +--------------+----+--------------+----------------+
 *   | TCI(6 bits)AN| SL | packet number| [SCI (8)]      |  then secure data, ICV (16)
 *   +--------------+----+--------------+----------------+
 */
#include "rest.h"

#define TCI_VERSION 0x80
#define TCI_ES 0x40
#define TCI_SC 0x20
#define TCI_SCB 0x10
#define TCI_E 0x08
#define TCI_C 0x04
#define TCI_FLAGS (TCI_ES | TCI_SC | TCI_SCB | TCI_E | TCI_C)
#define SECTAG_LEN 6
#define SECTAG_SCI_LEN 14
#define ICV_LEN 16

/* Flag letters in tcpdump's table order (bittok2str_nosep). */
static const struct {
	uint8_t bit;
	char c;
} macsec_flags[] = {{TCI_E, 'E'}, {TCI_C, 'C'}, {TCI_ES, 'S'}, {TCI_SCB, 'B'}, {TCI_SC, 'I'}};

static void macsec_header_print(struct nd *nd, const uint8_t *p, unsigned sl)
{
	uint8_t tci = GET_U8(nd, p);
	out_fmt(nd->out, "an %u, pn %u, flags ", tci & 3, GET_BE32(nd, p + 2));
	if ((tci & TCI_FLAGS) == 0)
		ND_STR(nd, "none");
	for (size_t i = 0; i < sizeof macsec_flags / sizeof macsec_flags[0]; i++)
		if (tci & macsec_flags[i].bit)
			ND_CHR(nd, macsec_flags[i].c);
	if (sl != 0)
		out_fmt(nd->out, ", sl %u", sl);
	if (tci & TCI_SC) {
		ND_STR(nd, ", sci ");
		uint64_t sci = GET_BE64(nd, p + 6);
		out_hex(nd->out, (uint32_t)(sci >> 32), 8);
		out_hex(nd->out, (uint32_t)sci, 8);
	}
	ND_STR(nd, ", ");
}

int macsec_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen, const uint8_t *src,
		 const uint8_t *dst, struct macsec_result *r)
{
	const char *saved = nd->protocol;
	nd->protocol = "macsec";
	int ret = 1;
	if (caplen < SECTAG_LEN || len < SECTAG_LEN) {
		nd_print_trunc(nd);
		goto out;
	}
	uint8_t tci = GET_U8(nd, p);
	uint32_t tag_len = SECTAG_LEN;
	if (tci & TCI_SC) {
		tag_len = SECTAG_SCI_LEN;
		if (caplen < SECTAG_SCI_LEN || len < SECTAG_SCI_LEN) {
			nd_print_trunc(nd);
			goto out;
		}
	}
	uint8_t slb = GET_U8(nd, p + 1);
	if ((slb & 0xc0) || (tci & TCI_VERSION)) {
		nd_print_invalid(nd);
		goto out;
	}
	unsigned sl = slb & 0x3f;
	if (nd->o->eflag)
		macsec_header_print(nd, p, sl);
	r->tag_len = tag_len;
	len -= tag_len;
	caplen -= tag_len;
	if (tci & (TCI_E | TCI_C)) {
		if (!nd->o->eflag) {
			if (src && dst) {
				nd_etheraddr(nd, src);
				ND_STR(nd, " > ");
				nd_etheraddr(nd, dst);
				ND_CHR(nd, ' ');
			}
			ND_STR(nd, "802.1AE MACsec, ");
			macsec_header_print(nd, p, sl);
		}
		r->len = len;
		r->caplen = caplen;
		ret = 0;
		goto out;
	}
	if (len < ICV_LEN || caplen < ICV_LEN) {
		nd_print_trunc(nd);
		goto out;
	}
	len -= ICV_LEN;
	caplen -= ICV_LEN;
	if (sl != 0) {
		if (sl > len || sl > caplen) {
			nd_print_trunc(nd);
			goto out;
		}
		len = sl;
		caplen = sl;
	}
	r->len = len;
	r->caplen = caplen;
	ret = -1;
out:
	nd->protocol = saved;
	return ret;
}
