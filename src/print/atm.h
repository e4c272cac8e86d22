/*
 * atm.h - ATM printers (print/atm.c) shared with the Juniper ATM PICs.
 */
#ifndef SYNACK_PRINT_ATM_H
#define SYNACK_PRINT_ATM_H

#include "nd.h"

/* An OAM cell (ITU-T I.610); hec = 1 when the cell still has its HEC byte. */
void oam_print(struct nd *nd, const uint8_t *p, uint32_t length, unsigned hec);
/* DLT_SUNATM: direction/type, VPI, VCI, then an AAL5 payload. */
void sunatm_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
/* The DLT_JUNIPER_* link types (print/juniper.c). */
void juniper_atm1_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void juniper_mlppp_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void juniper_atm2_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void juniper_es_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void juniper_ggsn_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void juniper_monitor_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void juniper_services_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void juniper_pppoe_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void juniper_pppoe_atm_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void juniper_ether_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void juniper_ppp_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void juniper_frelay_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void juniper_chdlc_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void juniper_mlfr_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void juniper_mfr_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);

#endif
