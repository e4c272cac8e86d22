/*
 * txtproto.c - the text protocols tcpdump prints line by line: HTTP (TCP
 * 80/8080), RTSP (TCP 554/8554), FTP (21), SMTP (25), WHOIS (43) and SIP
 * (UDP 5060, print/sip.c), with tcpdump's txtproto rules:
 *
 *   - a message is shown when its first token is one of the protocol's
 *     request words or its response code (3 digits; the first token, or the
 *     second for RTSP and SIP) is there; a protocol without request words
 *     (FTP, SMTP, WHOIS) is always shown;
 *   - without -v: "NAME: first line"; with -v: "NAME, length: N" and every
 *     line on its own "\n\t" line, as long as the text is printable.
 */
#include <string.h>
#include <strings.h>

#include "apps.h"

static int txt_printable(uint8_t c)
{
	return c >= 0x20 && c < 0x7f;
}

/* The token at idx into tok; returns the index past it and the spaces after it,
 * 0 when there is no token (end of capture, a byte that is not printable ASCII,
 * too long).  A blank, CR or LF ends a token. */
static unsigned txt_token(struct nd *nd, const uint8_t *p, unsigned idx, unsigned len, char *tok,
			  size_t cap)
{
	size_t n = 0;
	for (; idx < len; idx++) {
		if (!nd_ok(nd, p + idx, 1))
			return 0;
		uint8_t c = p[idx];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			break;
		if (!txt_printable(c))
			return 0;
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

static const char *const http_cmds[] = {
	"GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST", "BCOPY", "BMOVE", "MKCOL",
	"TRACE", "LABEL", "MERGE", "DELETE", "SEARCH", "UNLOCK", "REPORT", "UPDATE", "NOTIFY",
	"BDELETE", "CONNECT", "OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST",
	"SUBSCRIBE", "PROPPATCH", "BPROPFIND", "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY",
	"MKWORKSPACE", "UNSUBSCRIBE", "RPC_CONNECT", "VERSION-CONTROL", "BASELINE-CONTROL", NULL,
};

static const char *const rtsp_cmds[] = {
	"DESCRIBE", "ANNOUNCE", "GET_PARAMETER", "OPTIONS", "PAUSE", "PLAY", "RECORD", "REDIRECT",
	"SETUP", "SET_PARAMETER", "TEARDOWN", NULL,
};

void http_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "http";
	txtproto_print(nd, p, len, "HTTP", http_cmds, 1);
}

void rtsp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "rtsp";
	txtproto_print(nd, p, len, "RTSP", rtsp_cmds, 1);
}

void ftp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "ftp";
	txtproto_print(nd, p, len, "FTP", NULL, 0);
}

void smtp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "smtp";
	txtproto_print(nd, p, len, "SMTP", NULL, 0);
}

void whois_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "whois";
	txtproto_print(nd, p, len, "WHOIS", NULL, 0);
}
