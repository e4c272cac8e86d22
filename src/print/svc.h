/*
 * svc.h - printers of classic UDP services (SNMP, TFTP, Cisco NetFlow, RIP,
 * RIPng, RTP/RTCP/vat, wb), each in its own file under print/, reached from
 * udp.c by port or by -T.  p points at the UDP payload, len is its length on
 * the wire; every read goes through the nd.h accessors.
 */
#ifndef SYNACK_PRINT_SVC_H
#define SYNACK_PRINT_SVC_H

#include "nd.h"

/* SNMP v1/v2c/v3, UDP 161/162 (print/snmp.c) */
void snmp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* TFTP (RFC 1350, 2347), UDP 69 (print/tftp.c) */
void tftp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* Cisco NetFlow v1/v5/v6, -T cnfp only (print/cnfp.c) */
void cnfp_print(struct nd *nd, const uint8_t *p);
/* RIP v1/v2 (RFC 1058, 2453, 4822), UDP 520, and RIPng (RFC 2080), UDP 521 (print/rip.c) */
void rip_print(struct nd *nd, const uint8_t *p, uint32_t len);
void ripng_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* RTP, RTCP and vat (print/rtp.c): -T rtp / rtcp / vat, and vat on UDP port 3456 */
void rtp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void rtcp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void vat_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* LBL whiteboard (print/wb.c): -T wb, and UDP destination port 4567 */
void wb_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* The services above that tcpdump picks by UDP port, in tcpdump's order
 * among the ports it checks earlier; 1 when printed. */
int svc_udp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport);
/* -T snmp/tftp/cnfp/rtp/rtcp/vat/wb: the printer, whatever the ports; 1 when handled. */
int svc_udp_forced(struct nd *nd, const uint8_t *p, uint32_t len);

#endif
