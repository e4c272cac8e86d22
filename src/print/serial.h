/*
 * serial.h - link printers for serial lines and host buses: SLIP (print/serial.c),
 * Linux USB and Bluetooth H4 captures (print/serial.c), multilink Frame Relay
 * FRF.16 (print/fr.c) and the ATM link types RFC 1483 and Classical IP
 * (print/atm.c).  Each takes the whole captured frame, as the link-type table
 * in print.c calls it.
 */
#ifndef SYNACK_PRINT_SERIAL_H
#define SYNACK_PRINT_SERIAL_H

#include "nd.h"

/* DLT_SLIP: 16-byte BPF SLIP header (direction, compressed TCP/IP header copy), IP */
void sl_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
/* DLT_SLIP_BSDOS: the same header size, always IPv4 after it */
void sl_bsdos_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
/* DLT_USB_LINUX (48-byte header) and DLT_USB_LINUX_MMAPPED (64-byte header) */
void usb_linux_48_byte_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void usb_linux_64_byte_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
/* DLT_BLUETOOTH_HCI_H4_WITH_PHDR: 4-byte direction, then the HCI packet (hex) */
void bt_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
/* DLT_MFR: FRF.16 multilink Frame Relay (print/fr.c) */
void mfr_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
/* An FRF.16 frame of length bytes; returns its header length (print/fr.c). */
uint32_t mfr_print(struct nd *nd, const uint8_t *p, uint32_t length);
/* DLT_ATM_RFC1483 (LLC/SNAP over AAL5) and DLT_ATM_CLIP (print/atm.c) */
void atm_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void cip_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);

#endif
