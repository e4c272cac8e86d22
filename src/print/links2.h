/*
 * links2.h - the link printers of print/links2.c: NFLOG, PKTAP (and USER2),
 * IPNET, ENC, PFLOG, Symantec firewall, netANALYZER, IPoIB, IP over Fibre
 * Channel, Apple IP over IEEE 1394.  Each takes the bytes from the start of
 * the link header, caplen captured bytes and len bytes on the wire.
 */
#ifndef SYNACK_LINKS2_H
#define SYNACK_LINKS2_H

#include "nd.h"

void nflog_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void pktap_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void ipnet_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void enc_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void pflog_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void symantec_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void netanalyzer_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void netanalyzer_transparent_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void ipoib_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void ipfc_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void ap1394_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);

#endif
