/*
 * tftp.c - Trivial File Transfer Protocol (RFC 1350, options RFC 2347), UDP
 * port 69 and -T tftp, as tcpdump 4.99 prints it.
 *
 *   RRQ/WRQ  | 01/02 | filename | 0 | mode | 0 | [option | 0 | value | 0]...
 *   DATA/ACK | 03/04 | block (2) | [data]
 *   ERROR    | 05    | code (2) | message | 0
 *   OACK     | 06    | [option | 0 | value | 0]...
 */
#include "nd.h"
#include "svc.h"

static const struct tok tftp_ops[] = {
	{1, "RRQ"}, {2, "WRQ"}, {3, "DATA"}, {4, "ACK"}, {5, "ERROR"}, {6, "OACK"}, {0, NULL},
};

static const struct tok tftp_errors[] = {
	{0, "EUNDEF"}, {1, "ENOTFOUND"}, {2, "EACCESS"}, {3, "ENOSPACE"}, {4, "EBADOP"},
	{5, "EBADID"}, {6, "EEXISTS"}, {7, "ENOUSER"}, {0, NULL},
};

/* tcpdump's nd_printztn: a NUL-terminated string of at most n bytes, escaped;
 * the bytes used with the NUL, or 0 when it runs out first. */
static uint32_t tftp_string(struct nd *nd, const uint8_t *p, uint32_t n)
{
	uint32_t used = 0;
	for (;;) {
		if (n == 0 || !nd_ok(nd, p, 1))
			return 0;
		uint8_t c = GET_U8(nd, p);
		p++;
		used++;
		n--;
		if (c == 0)
			return used;
		nd_putc_esc(nd, c);
	}
}

/* option name/value strings to the end; 0 when one is cut short */
static int tftp_options(struct nd *nd, const uint8_t *p, uint32_t len)
{
	while (len != 0) {
		if (GET_U8(nd, p) != 0)
			ND_CHR(nd, ' ');
		uint32_t n = tftp_string(nd, p, len);
		if (n == 0)
			return 0;
		p += n;
		len -= n;
	}
	return 1;
}

static int tftp_request(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len == 0)
		return 0;
	ND_STR(nd, " \"");
	uint32_t n = tftp_string(nd, p, len);
	ND_CHR(nd, '"');
	if (n == 0)
		return 0;
	p += n;
	len -= n;
	if (len == 0)
		return 0;
	ND_CHR(nd, ' ');
	if ((n = tftp_string(nd, p, len)) == 0)
		return 0;
	return tftp_options(nd, p + n, len - n);
}

static int tftp_error(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len < 2)
		return 0;
	uint16_t code = GET_BE16(nd, p);
	ND_CHR(nd, ' ');
	nd_tok(nd, tftp_errors, "tftp-err-#%u \"", code);
	if (len == 2)
		return 0;
	ND_STR(nd, " \"");
	uint32_t n = tftp_string(nd, p + 2, len - 2);
	ND_CHR(nd, '"');
	return n != 0;
}

void tftp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "tftp";
	out_fmt(nd->out, "TFTP, length %u", len);
	if (len < 2) {
		nd_print_trunc(nd);
		return;
	}
	uint16_t op = GET_BE16(nd, p);
	const char *name = tok_find(tftp_ops, op);
	if (!name) {
		out_fmt(nd->out, ", tftp-#%u", op);
		return;
	}
	ND_STR(nd, ", ");
	ND_STR(nd, name);
	p += 2;
	len -= 2;
	int ok = 1;
	switch (op) {
	case 1:
	case 2:
		ok = tftp_request(nd, p, len);
		break;
	case 6:
		ok = tftp_options(nd, p, len);
		break;
	case 3:
	case 4:
		if (len < 2)
			ok = 0;
		else
			out_fmt(nd->out, " block %u", GET_BE16(nd, p));
		break;
	case 5:
		ok = tftp_error(nd, p, len);
		break;
	}
	if (!ok)
		nd_print_trunc(nd);
}
