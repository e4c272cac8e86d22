/*
 * lan.h - printers for LAN control and first-hop protocols (PTP, STP, EAPOL,
 * IGMP, UDLD, PIM, LLDP, CDP, loopback, DTP, VRRP, ...), each in its own file
 * under print/.  p points at the protocol header, len is the length on the
 * wire; every read goes through the nd.h accessors.
 */
#ifndef SYNACK_PRINT_LAN_H
#define SYNACK_PRINT_LAN_H

#include "nd.h"

/* PTP (IEEE 1588): ethertype 0x88f7, UDP ports 319 and 320 */
void ptp_print(struct nd *nd, const uint8_t *p, uint32_t len);

/* Spanning tree BPDUs (LLC SAP 0x42, SNAP PVST) */
void stp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* The payloads under SNAP that this group prints (Cisco CDP/DTP/UDLD/VTP/PVST,
 * bridged BPDUs); 1 when printed (print/lan.c). */
int lan_snap_print(struct nd *nd, uint32_t oui, uint16_t pid, const uint8_t *p, uint32_t len);

/* 802.1X EAPOL (ethertype 0x888e) and EAP */
void eapol_print(struct nd *nd, const uint8_t *p, uint32_t len);

/* IGMP (IP protocol 2), PIMv1 inside IGMP, PIMv2 (IP protocol 103) */
void igmp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void pimv1_print(struct nd *nd, const uint8_t *p, uint32_t len);
void pim_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip);
/* tcpdump's unsigned_relts_print: "1m45s", "0s" */
void lan_relts_print(struct nd *nd, uint32_t secs);

/* Cisco UDLD (SNAP PID 0x0111) */
void udld_print(struct nd *nd, const uint8_t *p, uint32_t len);

/* Cisco DTP (SNAP PID 0x2004) */
void dtp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* Configuration Testing Protocol, ethertype 0x9000 */
void loopback_print(struct nd *nd, const uint8_t *p, uint32_t len);

/* Cisco CDP (SNAP PID 0x2000) */
void cdp_print(struct nd *nd, const uint8_t *p, uint32_t len);

/* VRRP v2/v3 (IP protocol 112) */
void vrrp_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip);
/* MS NLB heartbeat (ethertype 0x886f) */
void msnlb_print(struct nd *nd, const uint8_t *p);

/* LLDP (ethertype 0x88cc) */
void lldp_print(struct nd *nd, const uint8_t *p, uint32_t len);

/* Arista vendor header (ethertype 0xd28b): bytes used before the inner
 * ethertype, or -1 when the subtype or format is unknown. */
int arista_print(struct nd *nd, const uint8_t *p);

/* DVMRP in IGMP type 0x13 (p at the IGMP header, len >= 8) */
void dvmrp_print(struct nd *nd, const uint8_t *p, uint32_t len);

/* Cisco HSRP v0/v1 (UDP port 1985) */
void hsrp_print(struct nd *nd, const uint8_t *p, uint32_t len);

/* Slow protocols: LACP and Marker (ethertype 0x8809) */
void slow_print(struct nd *nd, const uint8_t *p, uint32_t len);

/* IEEE 802.1ag CFM (ethertype 0x8902) */
void cfm_print(struct nd *nd, const uint8_t *p, uint32_t len);

/* Address family names as tcpdump prints them (print/lldp.c) */
extern const struct tok lan_af_names[];

#endif
