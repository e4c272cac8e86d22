/* syslog.c - stub: syslog (RFC 3164/5424), UDP port 514. */
#include "nd.h"

void syslog_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)p;
	(void)len;
	ND_STR(nd, "SYSLOG");
}
