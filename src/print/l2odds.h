/*
 * l2odds.h - the less common Ethernet types and SNAP protocols: Cisco VTP
 * (print/vtp.c), ETSI GeoNetworking with BTP and ISO CALM FAST
 * (print/geonet.c), IEEE 802.3ah MPCP and the Realtek protocols
 * (print/l2misc.c).  p points at the protocol header, len is its length on
 * the wire; every read goes through the nd.h accessors.
 */
#ifndef SYNACK_PRINT_L2ODDS_H
#define SYNACK_PRINT_L2ODDS_H

#include "nd.h"

/* Cisco VLAN Trunking Protocol (SNAP OUI 0x00000c, PID 0x2003) */
void vtp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* GeoNetworking (ethertypes 0x8947 and 0x0707); src: the frame's source MAC or NULL */
void geonet_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *src);
/* CALM FAST (ethertype 0x1111) */
void calm_fast_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *src);
/* EPON Multi-Point Control Protocol (ethertype 0x8808) */
void mpcp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* Realtek RRCP, REP, RLDP and switch tags (ethertype 0x8899) */
void rtl_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *src, const uint8_t *dst);

#endif
