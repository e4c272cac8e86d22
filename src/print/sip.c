/*
 * sip.c - SIP (RFC 3261), UDP port 5060, printed by the text-protocol line
 * printer (print/txtproto.c): the first line when the message starts with a
 * request word or has a 3-digit status code, every line at -v.
 *
 *   INVITE sip:bob@example.com SIP/2.0\r\n      request line
 *   SIP/2.0 200 OK\r\n                         status line (code: 2nd token)
 *   Header: value\r\n ...
 */
#include "apps.h"
#include "svc2.h"

static const char *const sip_cmds[] = {
	"ACK", "BYE", "CANCEL", "DO", "INFO", "INVITE", "MESSAGE", "NOTIFY", "OPTIONS", "PRACK",
	"QAUTH", "REFER", "REGISTER", "SPRACK", "SUBSCRIBE", "UPDATE", "PUBLISH", NULL,
};

void sip_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "sip";
	txtproto_print(nd, p, len, "SIP", sip_cmds, 1);
}
