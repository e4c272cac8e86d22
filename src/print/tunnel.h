/*
 * tunnel.h - printers of the encapsulations (print/gre.c, mpls.c, pppoe.c),
 * called from the ethertype, IP-protocol and GRE dispatchers.  Same contract
 * as the printers in nd.h: p at the header, len = bytes on the wire, every
 * read through the GET_* accessors.
 */
#ifndef SYNACK_PRINT_TUNNEL_H
#define SYNACK_PRINT_TUNNEL_H

#include "nd.h"

/* GRE (RFC 2784/2890, RFC 1701 routing; version 1 = PPTP enhanced GRE). */
void gre_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* GENEVE (RFC 8926), UDP port 6081. */
void geneve_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* NSH (RFC 8300), Ethertype 0x894f; VXLAN-GPE, UDP port 4790 (print/nsh.c). */
void nsh_print(struct nd *nd, const uint8_t *p, uint32_t len);
void vxlan_gpe_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* MPLS label stack (RFC 3032) and the payload it guesses. */
void mpls_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* PPPoE discovery and session stages (RFC 2516); returns the header length. */
uint32_t pppoe_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* A PPP frame (RFC 1661) from the address/control field on; returns the header length. */
uint32_t ppp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* PPP link types (print/ppp.c): DLT_PPP, DLT_PPP_SERIAL, DLT_PPP_BSDOS, DLT_PPP_ETHER. */
void ppp_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void ppp_hdlc_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void ppp_bsdos_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void pppoe_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);

#endif
