/*
 * egp.c - Exterior Gateway Protocol version 2 (RFC 904), IP protocol 8, as
 * tcpdump 4.99 prints it.
 *
 *   +---------+------+------+--------+----------+----+-----+--------------+-------------+
 *   | version | type | code | status | checksum | AS | seq | hello/#gw(2) | poll/net(4) |
 *   +---------+------+------+--------+----------+----+-----+--------------+-------------+
 *   Updates (-v) then list gateways, each with distances and networks.
 */
#include "rest.h"

#define EGP_HDR_LEN 16

static const struct tok egp_acquire_codes[] = {
	{0, "request"}, {1, "confirm"}, {2, "refuse"}, {3, "cease"}, {4, "cease_ack"}, {0, NULL},
};
static const struct tok egp_acquire_status[] = {
	{0, "unspecified"}, {1, "active_mode"}, {2, "passive_mode"}, {3, "insufficient_resources"},
	{4, "administratively_prohibited"}, {5, "going_down"}, {6, "parameter_violation"},
	{7, "protocol_violation"}, {0, NULL},
};
static const struct tok egp_reach_codes[] = {{0, "hello"}, {1, "i-h-u"}, {0, NULL}};
static const struct tok egp_updown[] = {{0, "indeterminate"}, {1, "up"}, {2, "down"}, {0, NULL}};
static const struct tok egp_reasons[] = {
	{0, "unspecified"}, {1, "bad_EGP_header_format"}, {2, "bad_EGP_data_field_format"},
	{3, "reachability_info_unavailable"}, {4, "excessive_polling_rate"}, {5, "no_response"},
	{6, "unsupported_version"}, {0, NULL},
};

/*
 * tcpdump 4.99.3 keeps the source net in network byte order in a host
 * integer, tests its class and builds the gateway and network numbers in
 * that integer, then prints its bytes from memory: on a little-endian host
 * (where the expected outputs are made) the four bytes come out reversed.
 * These helpers reproduce that, so the output is the same on any host.
 */
static void egp_addr_le(struct nd *nd, uint32_t a)
{
	out_fmt(nd->out, "%u.%u.%u.%u", a & 0xff, (a >> 8) & 0xff, (a >> 16) & 0xff, a >> 24);
}

static int egp_class_a(uint32_t a) { return (a & 0x80000000u) == 0; }
static int egp_class_b(uint32_t a) { return (a & 0xc0000000u) == 0x80000000u; }
static int egp_class_c(uint32_t a) { return (a & 0xe0000000u) == 0xc0000000u; }

/* Network reachability of an update (-v).  The length checks print the
 * truncation mark and end the line (tcpdump's "goto trunc"). */
static void egp_nr_print(struct nd *nd, const uint8_t *egp, uint32_t len)
{
	uint32_t src = GET_LE32(nd, egp + 12), net, netlen;
	if (egp_class_a(src)) {
		net = src & 0xff000000u;
		netlen = 1;
	} else if (egp_class_b(src)) {
		net = src & 0xffff0000u;
		netlen = 2;
	} else if (egp_class_c(src)) {
		net = src & 0xffffff00u;
		netlen = 3;
	} else {
		net = 0;
		netlen = 0;
	}
	const uint8_t *cp = egp + EGP_HDR_LEN;
	len -= EGP_HDR_LEN;
	uint32_t intgw = GET_U8(nd, egp + 10), extgw = GET_U8(nd, egp + 11);
	for (uint32_t gw = 0; gw < intgw + extgw; gw++) {
		if (len < 4 - netlen || !nd_ok(nd, cp, 4 - netlen))
			goto trunc;
		uint32_t addr = 0;
		for (uint32_t i = netlen; i < 4 && netlen; i++)
			addr = addr << 8 | GET_U8(nd, cp++);
		addr |= net;
		len -= 4 - netlen;
		if (len < 1)
			goto trunc;
		uint32_t distances = GET_U8(nd, cp++);
		len--;
		out_fmt(nd->out, " %s ", gw < intgw ? "int" : "ext");
		egp_addr_le(nd, addr);
		ND_STR(nd, " (");
		const char *comma = "";
		while (distances != 0) {
			if (len < 2)
				goto trunc;
			out_fmt(nd->out, "%sd%u:", comma, GET_U8(nd, cp));
			comma = ", ";
			uint32_t networks = GET_U8(nd, cp + 1);
			cp += 2;
			len -= 2;
			while (networks != 0) {
				if (len < 1)
					goto trunc;
				uint32_t a = (uint32_t)GET_U8(nd, cp++) << 24;
				len--;
				if (egp_class_b(a)) {
					if (len < 1)
						goto trunc;
					a |= (uint32_t)GET_U8(nd, cp++) << 16;
					len--;
				} else if (!egp_class_a(a)) {
					if (len < 2)
						goto trunc;
					a |= (uint32_t)GET_U8(nd, cp) << 16;
					a |= (uint32_t)GET_U8(nd, cp + 1) << 8;
					cp += 2;
					len -= 2;
				}
				ND_CHR(nd, ' ');
				egp_addr_le(nd, a);
				networks--;
			}
			distances--;
		}
		ND_CHR(nd, ')');
	}
	return;
trunc:
	nd_print_trunc(nd);
}

/* " state:NAME" for status 0..2, else " [status N]". */
static void egp_state(struct nd *nd, uint8_t status)
{
	if (status <= 2) {
		ND_STR(nd, " state:");
		ND_STR(nd, tok_find(egp_updown, status));
	} else {
		out_fmt(nd->out, " [status %u]", status);
	}
}

/* tcpdump 4.99.3 prints AS and sequence only without -v (its test is
 * inverted), and the message itself only with -v. */
void egp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "egp";
	if (len < EGP_HDR_LEN || !nd_ok(nd, p, EGP_HDR_LEN)) {
		nd_print_trunc(nd);
		return;
	}
	uint8_t version = GET_U8(nd, p);
	out_fmt(nd->out, "EGPv%u", version);
	if (!nd->o->vflag) {
		out_fmt(nd->out, ", AS %u, seq %u, length %u", GET_BE16(nd, p + 6), GET_BE16(nd, p + 8), len);
		return;
	}
	out_fmt(nd->out, ", length %u", len);
	if (version != 2) {
		out_fmt(nd->out, "[version %u]", version);
		return;
	}
	uint8_t type = GET_U8(nd, p + 1), code = GET_U8(nd, p + 2), status = GET_U8(nd, p + 3);
	switch (type) {
	case 3:
		ND_STR(nd, " acquire");
		if (code <= 1) {
			out_fmt(nd->out, " %s", tok_find(egp_acquire_codes, code));
			if (status <= 2)
				out_fmt(nd->out, " %s", tok_find(egp_acquire_status, status));
			else
				out_fmt(nd->out, " [status %u]", status);
			out_fmt(nd->out, " hello:%u poll:%u", GET_BE16(nd, p + 10), GET_BE16(nd, p + 12));
		} else if (code <= 4) {
			out_fmt(nd->out, " %s", tok_find(egp_acquire_codes, code));
			if (status == 0 || (status >= 3 && status <= 7))
				out_fmt(nd->out, " %s", tok_find(egp_acquire_status, status));
			else
				out_fmt(nd->out, "[status %u]", status);
		} else {
			out_fmt(nd->out, "[code %u]", code);
		}
		break;
	case 5:
		if (code <= 1) {
			out_fmt(nd->out, " %s", tok_find(egp_reach_codes, code));
			egp_state(nd, status);
		} else {
			out_fmt(nd->out, "[reach code %u]", code);
		}
		break;
	case 2:
		ND_STR(nd, " poll");
		egp_state(nd, status);
		ND_STR(nd, " net:");
		nd_ipaddr(nd, p + 12);
		break;
	case 1:
		ND_STR(nd, " update");
		if (status & 0x80) {
			status &= 0x7f;
			ND_STR(nd, " unsolicited");
		}
		egp_state(nd, status);
		ND_CHR(nd, ' ');
		nd_ipaddr(nd, p + 12);
		out_fmt(nd->out, " int %u ext %u", GET_U8(nd, p + 10), GET_U8(nd, p + 11));
		egp_nr_print(nd, p, len);
		break;
	case 8: {
		ND_STR(nd, " error");
		egp_state(nd, status);
		uint16_t reason = GET_BE16(nd, p + 10);
		if (reason <= 6)
			out_fmt(nd->out, " %s", tok_find(egp_reasons, reason));
		else
			out_fmt(nd->out, " [reason %u]", reason);
		break;
	}
	default:
		out_fmt(nd->out, "[type %u]", type);
		break;
	}
}
