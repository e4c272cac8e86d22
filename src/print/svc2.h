/*
 * svc2.h - printers for SIP, OLSR, HNCP, AHCP, LWRES, RSVP, LMP, AFS/RX, AoE,
 * TIPC and vsock, as tcpdump 4.99 prints them.  p points at the protocol
 * header, len is its length on the wire; every read goes through nd.h.
 */
#ifndef SYNACK_PRINT_SVC2_H
#define SYNACK_PRINT_SVC2_H

#include "nd.h"

/* SIP (RFC 3261), UDP port 5060 (tcpdump 4.99 leaves SIP over TCP undecoded) */
void sip_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* OLSR (RFC 3626), UDP port 698 */
void olsr_print(struct nd *nd, const uint8_t *p, uint32_t len, int v6);
/* HNCP (RFC 7788), UDP port 8231 */
void hncp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* AHCP, UDP port 5359 */
void ahcp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* BIND 9 lightweight resolver, UDP port 921 */
void lwres_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* RSVP (RFC 2205), IP protocol 46 */
void rsvp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* LMP (RFC 4204), UDP port 701 */
void lmp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* AFS/RX, UDP ports 7000-7009 */
void rx_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport,
	      const struct ipctx *ip);
/* ATA over Ethernet, ethertype 0x88a2 */
void aoe_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* TIPC, ethertype 0x88ca */
void tipc_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen);
/* Linux vsock monitor, DLT_VSOCK */
void vsock_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
/* DLT_PPP link printer */
/* The UDP ports above; 1 when one of them printed the payload. */
int svc2_udp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport,
		   const struct ipctx *ip);

/* ZMTP/1.0 frames (-T zmtp1 over TCP) and a ZeroMQ PGM datagram (-T pgm_zmtp1) */
void zmtp1_print(struct nd *nd, const uint8_t *p, uint32_t len);
void zmtp1_datagram_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* -T lmp/aodv/radius/pgm/pgm_zmtp1/ptp over UDP: the forced printer (after the addresses). */
void svc2_udp_forced(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip);

#endif
