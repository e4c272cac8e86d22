/*
 * fmt.h - text shared by every output (printers, conns, diagnose, compare,
 * report): addresses, endpoints, wall-clock times.  Times a person reads are
 * in local time (TZ), as tcpdump prints them; JSON carries UTC.
 * All write a NUL-terminated string into buf (truncated to n) and never fail.
 */
#ifndef SYNACK_FMT_H
#define SYNACK_FMT_H

#include <stddef.h>
#include <stdint.h>

/* "10.0.0.1"; returns the length. */
size_t fmt_ip4(char *dst, size_t cap, const uint8_t a[4]);
/* inet_ntop's text for IPv6 (RFC 5952), without stdio; returns the length. */
size_t fmt_ip6(char *dst, size_t cap, const uint8_t a[16]);
/* "10.0.0.1:1234" / "[2001:db8::1]:80"; returns the length. */
size_t fmt_endpoint(char *buf, size_t n, int v6, const uint8_t *addr, uint16_t port);
/* "HH:MM:SS.uuuuuu", local time. */
void fmt_clock(char *buf, size_t n, double t);
/* "YYYY-MM-DD HH:MM:SS.uuuuuu", local time (n >= 28; cached per second). */
void fmt_datetime(char *buf, size_t n, double t);
/* "YYYY-MM-DDTHH:MM:SS.uuuuuuZ", UTC, for JSON. */
void fmt_iso_utc(char *buf, size_t n, double t);

#endif
