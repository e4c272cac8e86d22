/*
 * syslog.c - BSD syslog (RFC 3164) and syslog protocol (RFC 5424), UDP port 514.
 *
 *   "<" PRI ">" MSG        PRI = facility * 8 + severity, 1 to 3 digits
 *
 * Without -v only facility.severity and the length are printed; with -v the
 * message itself follows, every byte shown (control bytes escaped), since
 * RFC 5424 lets MSG hold anything.
 */
#include "nd.h"

static const struct tok syslog_severity[] = {
	{0, "emergency"}, {1, "alert"}, {2, "critical"}, {3, "error"},
	{4, "warning"}, {5, "notice"}, {6, "info"}, {7, "debug"}, {0, NULL},
};

static const struct tok syslog_facility[] = {
	{0, "kernel"}, {1, "user"}, {2, "mail"}, {3, "daemon"}, {4, "auth"},
	{5, "syslog"}, {6, "lpr"}, {7, "news"}, {8, "uucp"}, {9, "cron"},
	{10, "authpriv"}, {11, "ftp"}, {12, "ntp"}, {13, "security"},
	{14, "console"}, {15, "cron"}, {16, "local0"}, {17, "local1"},
	{18, "local2"}, {19, "local3"}, {20, "local4"}, {21, "local5"},
	{22, "local6"}, {23, "local7"}, {0, NULL},
};

#define SYSLOG_MAX_DIGITS 3

void syslog_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t off = 0, pri = 0;
	nd->protocol = "syslog";
	if (GET_U8(nd, p) != '<') {
		nd_print_invalid(nd);
		return;
	}
	off++;
	while (off <= SYSLOG_MAX_DIGITS) {
		uint8_t c = GET_U8(nd, p + off);
		if (c < '0' || c > '9')
			break;
		pri = pri * 10 + (uint32_t)(c - '0');
		off++;
	}
	if (GET_U8(nd, p + off) != '>') {
		nd_print_invalid(nd);
		return;
	}
	off++;
	uint32_t facility = (pri & 0x03f8) >> 3, severity = pri & 0x7;
	if (nd->o->vflag < 1) {
		ND_STR(nd, "SYSLOG ");
		nd_tok(nd, syslog_facility, "unknown (%u)", facility);
		ND_CHR(nd, '.');
		nd_tok(nd, syslog_severity, "unknown (%u)", severity);
		ND_STR(nd, ", length: ");
		ND_U(nd, len);
		return;
	}
	ND_STR(nd, "SYSLOG, length: ");
	ND_U(nd, len);
	ND_STR(nd, "\n\tFacility ");
	nd_tok(nd, syslog_facility, "unknown (%u)", facility);
	ND_STR(nd, " (");
	ND_U(nd, facility);
	ND_STR(nd, "), Severity ");
	nd_tok(nd, syslog_severity, "unknown (%u)", severity);
	ND_STR(nd, " (");
	ND_U(nd, severity);
	ND_STR(nd, ")\n\tMsg: ");
	if (len > off)
		nd_printjn(nd, p + off, len - off);
	if (nd->o->vflag > 1)
		nd_print_unknown_data(nd, p, "\n\t", len);
}
