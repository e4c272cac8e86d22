/*
 * autorp.c - Cisco auto-RP (pim-autorp-spec01, version 1+), UDP port 496, as
 * tcpdump 4.99 prints it.
 *
 *   type(1: 0x11 candidate-advert, 0x12 mapping) rp-count(1) holdtime(2)
 *   reserved(4), then per RP: address(4) | rsvd(6 bits) PIM version(2 bits)
 *   | group count(1) | groups: rsvd(6) bidir(1) negative(1) | mask(1) | prefix(4)
 */
#include "nd.h"

/* tcpdump's unsigned_relts_print: "1h2m3s", "0s". */
static void autorp_relts(struct nd *nd, uint32_t secs)
{
	static const uint32_t unit[] = {31536000, 604800, 86400, 3600, 60, 1};
	static const char name[] = "ywdhms";
	if (secs == 0) {
		ND_STR(nd, "0s");
		return;
	}
	for (int i = 0; i < 6; i++) {
		if (secs >= unit[i]) {
			out_fmt(nd->out, "%u%c", secs / unit[i], name[i]);
			secs %= unit[i];
		}
	}
}

void cisco_autorp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	static const char *const pimv[] = {" PIMv?", " PIMv1", " PIMv2", " PIMv1+2"};
	nd->protocol = "cisco_autorp";
	if (len < 8) {
		nd_print_trunc(nd);
		return;
	}
	uint8_t type = GET_U8(nd, p);
	ND_STR(nd, " auto-rp ");
	if (type == 0x11)
		ND_STR(nd, "candidate-advert");
	else if (type == 0x12)
		ND_STR(nd, "mapping");
	else
		out_fmt(nd->out, "type-0x%02x", type);
	unsigned nrps = GET_U8(nd, p + 1);
	uint16_t hold = GET_BE16(nd, p + 2);
	ND_STR(nd, " Hold ");
	if (hold)
		autorp_relts(nd, hold);
	else
		ND_STR(nd, "FOREVER");
	p += 8;
	len -= 8;
	while (nrps--) {
		if (len < 4)
			goto trunc;
		ND_STR(nd, " RP ");
		nd_ipaddr(nd, p);
		p += 4;
		len -= 4;
		if (len < 1)
			goto trunc;
		uint8_t v = GET_U8(nd, p);
		ND_STR(nd, pimv[v & 3]);
		if (v & 0xfc)
			out_fmt(nd->out, " [rsvd=0x%02x]", v & 0xfc);
		p++;
		len--;
		if (len < 1)
			goto trunc;
		unsigned ngroups = GET_U8(nd, p);
		p++;
		len--;
		char sep = ' ';
		for (; ngroups; ngroups--) {
			if (len < 6)
				goto trunc;
			nd_need(nd, p, 6);
			uint8_t f = GET_U8(nd, p);
			ND_CHR(nd, sep);
			if (f & 1)
				ND_CHR(nd, '!');
			nd_ipaddr(nd, p + 2);
			out_fmt(nd->out, "/%u", GET_U8(nd, p + 1));
			if (f & 2)
				ND_STR(nd, " bidir");
			if (f & 0xfc)
				out_fmt(nd->out, "[rsvd=0x%02x]", f & 0xfc);
			sep = ',';
			p += 6;
			len -= 6;
		}
	}
	return;
trunc:
	nd_print_trunc(nd);
}
