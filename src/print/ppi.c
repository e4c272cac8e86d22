/*
 * ppi.c - the Per-Packet Information header (DLT_PPI), printed as tcpdump
 * 4.99 does: the header is skipped (-e shows it) and the frame behind it is
 * printed by the printer of the link type the header names, usually 802.11.
 *
 *   version(1) flags(1) length(2, little-endian) DLT(4, little-endian)
 *   then length - 8 bytes of fields, then the frame.
 */
#include <string.h>

#include "print.h"
#include "../capture.h"

#define PPI_HDRLEN 8
#define PPI_MAXLEN 65532

/* libpcap's name of a DLT ("IEEE802_11"), or "UNKNOWN". */
static void dlt_name(int dlt, char *buf, size_t n)
{
	char desc[128];
	capture_linktype_desc(dlt, desc, sizeof desc);
	const char *sp = strstr(desc, " (");
	if (!sp) {
		snprintf(buf, n, "UNKNOWN");
		return;
	}
	size_t k = (size_t)(sp - desc);
	if (k >= n)
		k = n - 1;
	memcpy(buf, desc, k);
	buf[k] = '\0';
}

static void ppi_header_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	char name[64];
	uint32_t dlt = GET_LE32(nd, p + 4);
	dlt_name((int)dlt, name, sizeof name);
	if (!nd->o->qflag)
		out_fmt(nd->out, "V.%u DLT %s (%u) len %u", GET_U8(nd, p), name, dlt, GET_LE16(nd, p + 2));
	else
		ND_STR(nd, name);
	out_fmt(nd->out, ", length %u: ", length);
}

void ppi_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t length)
{
	nd->protocol = "ppi";
	if (caplen < PPI_HDRLEN) {
		nd_print_trunc(nd);
		nd->ll_hdr_len = caplen;
		return;
	}
	uint32_t len = GET_LE16(nd, p + 2);
	if (len < PPI_HDRLEN || len > PPI_MAXLEN) {
		out_fmt(nd->out, " [length %u < %u or > 65532]", len, PPI_HDRLEN);
		nd_print_invalid(nd);
		nd->ll_hdr_len = caplen;
		return;
	}
	if (caplen < len) {
		nd_print_trunc(nd);
		nd->ll_hdr_len = caplen;
		return;
	}
	uint32_t dlt = GET_LE32(nd, p + 4);
	if (nd->o->eflag)
		ppi_header_print(nd, p, length);
	/* PPI inside PPI recurses as in tcpdump; every level takes at least 8 bytes, and the
	 * depth is capped so a hostile 256 KiB frame cannot exhaust the stack */
	static unsigned depth;
	if (p == nd->pkt)
		depth = 0; /* the outermost header (a truncated inner one never returned) */
	print_link_fn fn = dlt == 192 && depth >= 1024 ? NULL : print_link_lookup((int)dlt);
	if (fn) {
		nd->ll_hdr_len = 0;
		depth++;
		fn(nd, p + len, caplen - len, length - len);
		depth--;
		/* tcpdump counts the inner link header twice for -x/-X (observed) */
		nd->ll_hdr_len = 2 * nd->ll_hdr_len + len;
		return;
	}
	if (!nd->o->eflag)
		ppi_header_print(nd, p, length);
	nd->ll_hdr_len = len;
	if (!nd_default_print_suppressed(nd))
		nd_default_print(nd, p + len, caplen - len);
}
