/*
 * sip.c - SIP (RFC 3261), UDP port 5060, and the text-protocol line
 * printer tcpdump shares among its text protocols (txtproto_print): the first
 * line when the message starts with a request word or has a 3-digit status
 * code, every line at -v.
 *
 *   INVITE sip:bob@example.com SIP/2.0\r\n      request line
 *   SIP/2.0 200 OK\r\n                         status line (code: 2nd token)
 *   Header: value\r\n ...
 */
#include <string.h>
#include <strings.h>

#include "svc2.h"

static int txt_printable(uint8_t c)
{
	return c >= 0x20 && c < 0x7f;
}

/* The token at idx into tok; returns the index past it and the blanks after it,
 * 0 when there is no token (end of capture, a byte that is not printable ASCII,
 * too long).  CR, LF and tab are not printable: a token must end in a space. */
static unsigned txt_token(struct nd *nd, const uint8_t *p, unsigned idx, unsigned len, char *tok,
			  size_t cap)
{
	size_t n = 0;
	for (; idx < len; idx++) {
		if (!nd_ok(nd, p + idx, 1))
			return 0;
		uint8_t c = p[idx];
		if (!txt_printable(c))
			return 0;
		if (c == ' ')
			break;
		if (n + 2 > cap)
			return 0;
		tok[n++] = (char)c;
	}
	if (n == 0)
		return 0;
	tok[n] = '\0';
	while (idx < len && nd_ok(nd, p + idx, 1) && p[idx] == ' ')
		idx++;
	return idx;
}

/* One line from idx, prefixed; returns the index of the next line, 0 at the end
 * (a line without its end, or a byte that is not text). */
static unsigned txt_line(struct nd *nd, const char *prefix, const uint8_t *p, unsigned idx, unsigned len)
{
	unsigned start = idx;
	while (idx < len) {
		uint8_t c = GET_U8(nd, p + idx);
		if (c == '\n') {
			ND_STR(nd, prefix);
			out_mem(nd->out, (const char *)p + start, idx - start);
			return idx + 1;
		}
		if (c == '\r') {
			if (idx + 1 >= len)
				return 0;
			if (GET_U8(nd, p + idx + 1) != '\n')
				return 0;
			ND_STR(nd, prefix);
			out_mem(nd->out, (const char *)p + start, idx - start);
			return idx + 2;
		}
		if (!txt_printable(c) && c != '\t')
			return 0;
		idx++;
	}
	/* the message ends inside a line: print what there is, as truncated */
	ND_STR(nd, prefix);
	out_mem(nd->out, (const char *)p + start, idx - start);
	nd_print_trunc(nd);
	return 0;
}

static int txt_is_code(const char *t)
{
	return t[0] >= '0' && t[0] <= '9' && t[1] >= '0' && t[1] <= '9' && t[2] >= '0' && t[2] <= '9' &&
	       t[3] == '\0';
}

void txtproto_print(struct nd *nd, const uint8_t *p, uint32_t len, const char *name,
		    const char *const *cmds, int resp_second)
{
	char tok[129];
	int show = cmds == NULL;
	if (cmds) {
		unsigned idx = txt_token(nd, p, 0, len, tok, sizeof tok);
		if (idx != 0) {
			for (; *cmds; cmds++)
				if (strcasecmp(tok, *cmds) == 0) {
					show = 1;
					break;
				}
			if (resp_second)
				idx = txt_token(nd, p, idx, len, tok, sizeof tok);
			if (idx != 0 && txt_is_code(tok))
				show = 1;
		}
	}
	ND_STR(nd, name);
	if (!show)
		return;
	if (nd->o->vflag) {
		out_fmt(nd->out, ", length: %u", len);
		unsigned idx = 0, next;
		while (idx < len && (next = txt_line(nd, "\n\t", p, idx, len)) != 0)
			idx = next;
	} else {
		txt_line(nd, ": ", p, 0, len);
	}
}

static const char *const sip_cmds[] = {
	"ACK", "BYE", "CANCEL", "DO", "INFO", "INVITE", "MESSAGE", "NOTIFY", "OPTIONS", "PRACK",
	"QAUTH", "REFER", "REGISTER", "SPRACK", "SUBSCRIBE", "UPDATE", "PUBLISH", NULL,
};

void sip_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "sip";
	txtproto_print(nd, p, len, "SIP", sip_cmds, 1);
}
