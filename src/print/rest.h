/*
 * rest.h - printers for the remaining protocols of the corpus: DECnet Phase IV
 * (ethertype 0x6003), EGP, IGRP, IPComp, Mobile IP, AppleTalk and MACsec, as
 * tcpdump 4.99 prints them.  p points at the protocol header, len is its
 * length on the wire; every read goes through the nd.h accessors.
 */
#ifndef SYNACK_PRINT_REST_H
#define SYNACK_PRINT_REST_H

#include "nd.h"

/* DECnet Phase IV routing layer and NSP (ethertype 0x6003) */
void decnet_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen);
/* EGP version 2 (IP protocol 8) */
void egp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* Cisco IGRP (IP protocol 9) */
void igrp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* IPComp (IP protocol 108): the CPI; the payload stays undecoded */
void ipcomp_print(struct nd *nd, const uint8_t *p);
/* Mobile IP minimal encapsulation (IP protocol 55) */
void mobile_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* AppleTalk DDP over EtherTalk (ethertype 0x809b), with ATP and NBP */
void atalk_print(struct nd *nd, const uint8_t *p, uint32_t len);
void atalk_ddp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* AppleTalk ARP (ethertype 0x80f3) */
void aarp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* LocalTalk LLAP: header bytes printed, 0 when cut short */
uint32_t llap_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* DLT_LTALK link printer */
void ltalk_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
/* MACsec SecTAG (ethertype 0x88e5).  Returns -1 when the protected frame
 * follows (r: SecTAG length, and the frame's lengths without the ICV), 0 when
 * it is encrypted (printed as data by the caller; r set as well), 1 when the
 * SecTAG was truncated or invalid (marker printed, nothing more to print).
 * src/dst: the Ethernet addresses (printed before an encrypted frame
 * without -e), may be NULL. */
struct macsec_result {
	uint32_t tag_len, len, caplen;
};
int macsec_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen, const uint8_t *src,
		 const uint8_t *dst, struct macsec_result *r);
/* Q.933 / T1.617 Annex D over Frame Relay (NLPID 0x08) */
void q933_print(struct nd *nd, const uint8_t *p, uint32_t length);

#endif
