/*
 * loopback.c - the Ethernet Configuration Testing Protocol ("Loopback",
 * ethertype 0x9000), as tcpdump 4.99 prints it.  Fields are little-endian.
 *
 *   +---------------+-------------------+------------------------------+
 *   | skipCount (2) | skipped bytes ... | function(2) | receipt(2) / forward addr(6) | data
 *   +---------------+-------------------+------------------------------+
 */
#include "lan.h"

static const struct tok loopback_function_names[] = {
	{1, "Reply"}, {2, "Forward Data"}, {0, NULL},
};

static void loopback_message(struct nd *nd, const uint8_t *p, uint32_t length)
{
	if (length < 2)
		goto invalid;
	uint16_t fn = GET_LE16(nd, p);
	p += 2;
	length -= 2;
	ND_STR(nd, ", ");
	nd_tok(nd, loopback_function_names, " invalid (%u)", fn);
	if (fn == 1) {
		if (length < 2)
			goto invalid;
		out_fmt(nd->out, ", receipt number %u", GET_LE16(nd, p));
		p += 2;
		length -= 2;
		out_fmt(nd->out, ", data (%u octets)", length);
	} else if (fn == 2) {
		if (length < 6)
			goto invalid;
		nd_need(nd, p, 6);
		ND_STR(nd, ", forwarding address ");
		nd_etheraddr(nd, p);
		p += 6;
		length -= 6;
		out_fmt(nd->out, ", data (%u octets)", length);
	}
	nd_need(nd, p, length);
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, p, length);
}

void loopback_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "loopback";
	ND_STR(nd, "Loopback");
	if (length < 2)
		goto invalid;
	uint16_t skip = GET_LE16(nd, p);
	p += 2;
	length -= 2;
	out_fmt(nd->out, ", skipCount %u", skip);
	if (skip % 8)
		ND_STR(nd, " (bogus)");
	if (length < skip)
		goto invalid;
	nd_need(nd, p, skip);
	loopback_message(nd, p + skip, length - skip);
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, p, length);
}
