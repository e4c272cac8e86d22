/*
 * print.h - the tcpdump-format printer as a whole: state kept across packets
 * (timestamps for -ttt, the cached date, the link printer) and the per-packet
 * entry point.
 */
#ifndef SYNACK_PRINT_H
#define SYNACK_PRINT_H

#include <pcap/pcap.h>

#include "nd.h"

struct printer {
	struct nd nd;
	void (*fn)(void);   /* the link printer (a link_printer, see print.c) */
	int64_t prev_sec, prev_frac;

	int64_t cached_sec;
	int cached_date;
	size_t cached_len;
	char cached[64];
};

void print_init(struct printer *pr, const struct opts *o, struct out *out, int linktype);
/* The link printer for a DLT, or NULL (PPI's encapsulated link type). */
typedef void (*print_link_fn)(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
print_link_fn print_link_lookup(int dlt);
/* 1 when synack has a printer for this DLT. */
int print_linktype_supported(int dlt);
/* Print one packet and its newline.  tag (may be NULL) is appended to the line. */
void print_packet(struct printer *pr, const struct pcap_pkthdr *h, const uint8_t *sp, uint64_t num,
		  const char *tag);

/* IEEE 802.15.4 (print/wpan.c): DLT 195/230, DLT 283 (TAP header), ZEP over UDP 17754 */
void ieee802_15_4_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void ieee802_15_4_tap_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
uint32_t wpan_frame_print(struct nd *nd, const uint8_t *p, uint32_t caplen);
void zep_print(struct nd *nd, const uint8_t *p, uint32_t len);

#endif
