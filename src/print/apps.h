/*
 * apps.h - application printers over UDP and TCP as tcpdump 4.99 prints them:
 * the text protocols (print/txtproto.c) and timed, LWAPP, MSDP, BEEP,
 * Zephyr, VQP and telnet (print/apps.c).  p points at the payload, len is its
 * length on the wire; every read goes through nd.h.
 */
#ifndef SYNACK_PRINT_APPS_H
#define SYNACK_PRINT_APPS_H

#include "nd.h"

/* tcpdump's txtproto_print: a text protocol's first line (all lines at -v).
 * name is the protocol in capitals; cmds the request words (NULL: always print);
 * resp_second: the response code is the second token (SIP, RTSP) not the first. */
void txtproto_print(struct nd *nd, const uint8_t *p, uint32_t len, const char *name,
		    const char *const *cmds, int resp_second);
/* HTTP (TCP 80, 8080), RTSP (554, 8554), FTP (21), SMTP (25), WHOIS (43) */
void http_print(struct nd *nd, const uint8_t *p, uint32_t len);
void rtsp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void ftp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void smtp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void whois_print(struct nd *nd, const uint8_t *p, uint32_t len);

/* telnet options (TCP 23), BEEP (TCP 10288), MSDP (TCP 639) */
void telnet_print(struct nd *nd, const uint8_t *p, uint32_t len);
void beep_print(struct nd *nd, const uint8_t *p, uint32_t len);
void msdp_print(struct nd *nd, const uint8_t *p, uint32_t len);

/* timed (UDP 525), Zephyr (2103, 2104), VQP (1589), LWAPP (12222 data, 12223 control) */
void timed_print(struct nd *nd, const uint8_t *p, uint32_t len);
void zephyr_print(struct nd *nd, const uint8_t *p, uint32_t len);
void vqp_print(struct nd *nd, const uint8_t *p, uint32_t len);
void lwapp_control_print(struct nd *nd, const uint8_t *p, uint32_t len, int has_ap_ident);
void lwapp_data_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* The UDP ports above; 1 when one of them printed the payload. */
int apps_udp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport);

#endif
