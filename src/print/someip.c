/*
 * someip.c - SOME/IP (AUTOSAR Scalable service-Oriented MiddlewarE over IP),
 * UDP/TCP port 30490.
 *
 *    0                   1                   2                   3
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |          Service ID           |E|   Method / Event ID         |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                           Length                              |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |           Client ID           |          Session ID           |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   | Protocol Ver  | Interface Ver | Message Type  |  Return Code  |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
#include "nd.h"

static const struct tok someip_msgtype[] = {
	{0x00, "REQUEST"}, {0x01, "REQUEST_NO_RETURN"}, {0x02, "NOTIFICATION"},
	{0x80, "RESPONSE"}, {0x81, "ERROR"}, {0x20, "TP_REQUEST"},
	{0x21, "TP_REQUEST_NO_RETURN"}, {0x22, "TP_NOTIFICATION"},
	{0xa0, "TP_RESPONSE"}, {0xa1, "TP_ERROR"}, {0, NULL},
};

static const struct tok someip_retcode[] = {
	{0x00, "E_OK"}, {0x01, "E_NOT_OK"}, {0x02, "E_UNKNOWN_SERVICE"},
	{0x03, "E_UNKNOWN_METHOD"}, {0x04, "E_NOT_READY"}, {0x05, "E_NOT_REACHABLE"},
	{0x06, "E_TIMEOUT"}, {0x07, "E_WRONG_PROTOCOL_VERSION"},
	{0x08, "E_WRONG_INTERFACE_VERSION"}, {0x09, "E_MALFORMED_MESSAGE"},
	{0x0a, "E_WRONG_MESSAGE_TYPE"}, {0x0b, "E_E2E_REPEATED"},
	{0x0c, "E_E2E_WRONG_SEQUENCE"}, {0x0d, "E_E2E"}, {0x0e, "E_E2E_NOT_AVAILABLE"},
	{0x0f, "E_E2E_NO_NEW_DATA"}, {0, NULL},
};

void someip_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "someip";
	/* printed field by field, so a short capture shows what it holds */
	ND_STR(nd, "SOMEIP");
	if (len < 16) {
		nd_print_invalid(nd);
		return;
	}
	/* each field is read before its label, so a cut capture ends where tcpdump's does */
	uint32_t msgid = GET_BE32(nd, p);
	ND_STR(nd, ", service ");
	ND_U(nd, msgid >> 16);
	ND_STR(nd, (msgid & 0x8000) ? ", event " : ", method ");
	ND_U(nd, msgid & 0x7fff);
	uint32_t mlen = GET_BE32(nd, p + 4);
	ND_STR(nd, ", len ");
	ND_U(nd, mlen);
	uint32_t reqid = GET_BE32(nd, p + 8);
	ND_STR(nd, ", client ");
	ND_U(nd, reqid >> 16);
	ND_STR(nd, ", session ");
	ND_U(nd, reqid & 0xffff);
	uint8_t v = GET_U8(nd, p + 12);
	ND_STR(nd, ", pver ");
	ND_U(nd, v);
	v = GET_U8(nd, p + 13);
	ND_STR(nd, ", iver ");
	ND_U(nd, v);
	v = GET_U8(nd, p + 14);
	ND_STR(nd, ", msgtype ");
	nd_tok(nd, someip_msgtype, "Unknown", v);
	v = GET_U8(nd, p + 15);
	ND_STR(nd, ", retcode ");
	nd_tok(nd, someip_retcode, "Unknown", v);
	ND_CHR(nd, '\n');
}
