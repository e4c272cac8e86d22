/*
 * fmt.c - text shared by every output: addresses, endpoints and wall-clock
 * times.  Times are local (TZ), as tcpdump prints them, everywhere a person
 * reads them; machine formats (JSON) carry UTC or epoch seconds.
 */
#include "fmt.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

size_t fmt_ip4(char *dst, size_t cap, const uint8_t a[4])
{
	char tmp[16];
	size_t n = 0;
	for (int i = 0; i < 4; i++) {
		unsigned v = a[i];
		if (i)
			tmp[n++] = '.';
		if (v >= 100)
			tmp[n++] = (char)('0' + v / 100);
		if (v >= 10)
			tmp[n++] = (char)('0' + v / 10 % 10);
		tmp[n++] = (char)('0' + v % 10);
	}
	if (cap == 0)
		return 0;
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, tmp, n);
	dst[n] = 0;
	return n;
}

/* inet_ntop's text (RFC 5952 compression, glibc's embedded-IPv4 forms), without stdio. */
size_t fmt_ip6(char *dst, size_t cap, const uint8_t a[16])
{
	static const char hx[] = "0123456789abcdef";
	char tmp[48];
	unsigned w[8];
	for (int i = 0; i < 8; i++)
		w[i] = (unsigned)a[2 * i] << 8 | a[2 * i + 1];
	int best = -1, bestlen = 0;
	for (int i = 0; i < 8;) {
		if (w[i] != 0) {
			i++;
			continue;
		}
		int j = i;
		while (j < 8 && w[j] == 0)
			j++;
		if (j - i > bestlen) {
			best = i;
			bestlen = j - i;
		}
		i = j;
	}
	if (bestlen < 2)
		best = -1;
	size_t n = 0;
	for (int i = 0; i < 8; i++) {
		if (best >= 0 && i >= best && i < best + bestlen) {
			if (i == best)
				tmp[n++] = ':';
			continue;
		}
		if (i != 0)
			tmp[n++] = ':';
		if (i == 6 && best == 0 && (bestlen == 6 || (bestlen == 5 && w[5] == 0xffff))) {
			n += fmt_ip4(tmp + n, sizeof tmp - n, a + 12);
			break;
		}
		unsigned v = w[i];
		int started = 0;
		for (int sh = 12; sh >= 0; sh -= 4) {
			unsigned d = (v >> sh) & 15;
			if (d || started || sh == 0) {
				tmp[n++] = hx[d];
				started = 1;
			}
		}
	}
	if (best >= 0 && best + bestlen == 8)
		tmp[n++] = ':';
	if (cap == 0)
		return 0;
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, tmp, n);
	dst[n] = 0;
	return n;
}

size_t fmt_endpoint(char *buf, size_t n, int v6, const uint8_t *addr, uint16_t port)
{
	char a[64];
	size_t k = 0;
	if (n < 2)
		return 0;
	if (v6)
		a[k++] = '[';
	k += v6 ? fmt_ip6(a + k, sizeof a - k, addr) : fmt_ip4(a + k, sizeof a - k, addr);
	if (v6)
		a[k++] = ']';
	a[k++] = ':';
	char d[8];
	int nd = 0;
	do {
		d[nd++] = (char)('0' + port % 10);
		port /= 10;
	} while (port);
	while (nd)
		a[k++] = d[--nd];
	if (k >= n)
		k = n - 1;
	memcpy(buf, a, k);
	buf[k] = 0;
	return k;
}

void fmt_datetime(char *buf, size_t n, double t)
{
	/* The date and time of day change once a second: cache them. */
	static time_t cached = (time_t)-1;
	static char hms[32];
	time_t s = (time_t)t;
	if (t < 0 || n < 28) {
		snprintf(buf, n, "%.6f", t);
		return;
	}
	if (s != cached) {
		struct tm tm;
		if (!localtime_r(&s, &tm)) {
			snprintf(buf, n, "%.6f", t);
			return;
		}
		strftime(hms, sizeof hms, "%Y-%m-%d %H:%M:%S", &tm);
		cached = s;
	}
	size_t k = strlen(hms);
	memcpy(buf, hms, k);
	long us = (long)((t - (double)s) * 1e6 + 0.5);
	if (us > 999999)
		us = 999999;
	buf[k++] = '.';
	for (int i = 5; i >= 0; i--) {
		buf[k + (size_t)i] = (char)('0' + us % 10);
		us /= 10;
	}
	buf[k + 6] = 0;
}

void fmt_clock(char *buf, size_t n, double t)
{
	time_t s = (time_t)t;
	struct tm tm;
	if (t < 0 || !localtime_r(&s, &tm)) {
		snprintf(buf, n, "%.6f", t);
		return;
	}
	long us = (long)((t - (double)s) * 1e6 + 0.5);
	if (us > 999999)
		us = 999999;
	snprintf(buf, n, "%02d:%02d:%02d.%06ld", tm.tm_hour, tm.tm_min, tm.tm_sec, us);
}

void fmt_iso_utc(char *buf, size_t n, double t)
{
	time_t s = (time_t)t;
	struct tm tm;
	if (t < 0 || !gmtime_r(&s, &tm)) {
		snprintf(buf, n, "%.6f", t);
		return;
	}
	long us = (long)((t - (double)s) * 1e6 + 0.5);
	if (us > 999999)
		us = 999999;
	snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02d.%06ldZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		 tm.tm_min, tm.tm_sec, us);
}
