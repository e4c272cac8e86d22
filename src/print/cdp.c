/*
 * cdp.c - Cisco Discovery Protocol, carried in SNAP (OUI Cisco, PID 0x2000),
 * as tcpdump 4.99 prints it.
 *
 *   +---------+-----+----------+
 *   | version | ttl | checksum |   then TLVs: type(2) length(2, incl. header) value
 *   +---------+-----+----------+
 *   Address TLVs: count(4), then per address: protocol type(1) protocol
 *   length(1) protocol(n) address length(2) address(n).
 */
#include "lan.h"

#include <string.h>

static const struct tok cdp_tlv_names[] = {
	{0x01, "Device-ID"}, {0x02, "Address"}, {0x03, "Port-ID"}, {0x04, "Capability"},
	{0x05, "Version String"}, {0x06, "Platform"}, {0x07, "Prefixes"},
	{0x08, "Protocol-Hello option"}, {0x09, "VTP Management Domain"},
	{0x0a, "Native VLAN ID"}, {0x0b, "Duplex"}, {0x0e, "ATA-186 VoIP VLAN assignment"},
	{0x0f, "ATA-186 VoIP VLAN request"}, {0x10, "power consumption"}, {0x11, "MTU"},
	{0x12, "AVVID trust bitmap"}, {0x13, "AVVID untrusted ports CoS"},
	{0x14, "System Name"}, {0x15, "System Object ID (not decoded)"},
	{0x16, "Management Addresses"}, {0x17, "Physical Location"}, {0, NULL},
};

static const struct tok cdp_capability_names[] = {
	{0x01, "Router"}, {0x02, "Transparent Bridge"}, {0x04, "Source Route Bridge"},
	{0x08, "L2 Switch"}, {0x10, "L3 capable"}, {0x20, "IGMP snooping"},
	{0x40, "L1 capable"}, {0, NULL},
};

static void cdp_quoted(struct nd *nd, const uint8_t *p, uint32_t len)
{
	ND_CHR(nd, '\'');
	nd_printjn(nd, p, len);
	ND_CHR(nd, '\'');
}

/* Addresses: count(4), then protocol type, protocol, address per entry.
 * A short TLV is named and the rest of it skipped (0 either way). */
static int cdp_addr_print(struct nd *nd, const uint8_t *p, uint32_t l)
{
	static const uint8_t snap_ipv6[8] = {0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x86, 0xdd};
	uint32_t num = GET_BE32(nd, p);
	p += 4;
	l -= 4;
	while (num) {
		if (l < 2) {
			ND_STR(nd, " (not enough space for PT+PL)");
			goto invalid;
		}
		uint8_t pt = GET_U8(nd, p), pl = GET_U8(nd, p + 1);
		p += 2;
		l -= 2;
		if (l < (uint32_t)pl + 2) {
			ND_STR(nd, " (not enough space for P+AL)");
			goto invalid;
		}
		uint16_t al = GET_BE16(nd, p + pl);
		int v4 = pt == 1 && pl == 1 && GET_U8(nd, p) == 0xcc && al == 4;
		int v6 = pt == 2 && pl == 8 && al == 16 && nd_ok(nd, p, 8) && memcmp(p, snap_ipv6, 8) == 0;
		if (v4 || v6) {
			p += pl + 2;
			l -= pl + 2u;
			if (l < al) {
				ND_STR(nd, " (not enough space for A)");
				goto invalid;
			}
			nd_need(nd, p, al);
			out_fmt(nd->out, "IPv%c (%u) ", v4 ? '4' : '6', num);
			if (v4)
				nd_ipaddr(nd, p);
			else
				nd_ip6addr(nd, p);
			p += al;
			l -= al;
		} else {
			out_fmt(nd->out, "pt=0x%02x, pl=%u, pb=", pt, pl);
			for (; pl; pl--, p++, l--)
				out_fmt(nd->out, " %02x", GET_U8(nd, p));
			out_fmt(nd->out, ", al=%u, a=", al);
			p += 2;
			l -= 2;
			if (l < al) {
				ND_STR(nd, " (not enough space for A)");
				goto invalid;
			}
			for (; al; al--, p++, l--)
				out_fmt(nd->out, " %02x", GET_U8(nd, p));
		}
		num--;
		if (num)
			ND_CHR(nd, ' ');
	}
	if (l)
		out_fmt(nd->out, " (%u bytes of stray data)", l);
	return 0;
invalid:
	nd_need(nd, p, l);
	return 0;
}

/* The value of one TLV at -v; 0, or -1 when it is too short. */
static int cdp_value_print(struct nd *nd, uint16_t type, const uint8_t *p, uint32_t len)
{
	switch (type) {
	case 0x01: /* Device-ID */
	case 0x03: /* Port-ID */
	case 0x06: /* Platform */
	case 0x09: /* VTP domain */
	case 0x14: /* System Name */
		cdp_quoted(nd, p, len);
		return 0;
	case 0x02:
	case 0x16:
		return cdp_addr_print(nd, p, len);
	case 0x04: {
		if (len < 4)
			return -1;
		uint32_t caps = GET_BE32(nd, p);
		out_fmt(nd->out, "(0x%08x): ", caps);
		nd_bits(nd, cdp_capability_names, caps, ", ");
		return 0;
	}
	case 0x05: /* version: each line indented under the TLV */
		ND_STR(nd, "\n\t  ");
		for (uint32_t i = 0; i < len; i++) {
			uint8_t c = GET_U8(nd, p + i);
			if (c == '\n')
				ND_STR(nd, "\n\t  ");
			else
				nd_printjn(nd, p + i, 1);
		}
		return 0;
	case 0x07: /* prefixes: address(4) length(1) */
		if (len % 5) {
			out_fmt(nd->out, " [length %u is not a multiple of 5]", len);
			nd_need(nd, p, len);
			return 0;
		}
		out_fmt(nd->out, " IPv4 Prefixes (%u):", len / 5);
		for (uint32_t i = 0; i < len; i += 5) {
			out_fmt(nd->out, " %u.%u.%u.%u/%u", GET_U8(nd, p + i), GET_U8(nd, p + i + 1), GET_U8(nd, p + i + 2),
				GET_U8(nd, p + i + 3), GET_U8(nd, p + i + 4));
		}
		return 0;
	case 0x08: /* protocol hello: not decoded */
	case 0x15:
		nd_need(nd, p, len);
		return 0;
	case 0x0a:
		if (len < 2)
			return -1;
		ND_U(nd, GET_BE16(nd, p));
		return 0;
	case 0x0b:
		if (len < 1)
			return -1;
		ND_STR(nd, GET_U8(nd, p) ? "full" : "half");
		return 0;
	case 0x0e:
	case 0x0f:
		if (len < 2)
			return -1;
		if (len == 2)
			out_fmt(nd->out, "unknown 0x%04x", GET_BE16(nd, p));
		else
			out_fmt(nd->out, "app %u, vlan %u", GET_U8(nd, p), GET_BE16(nd, p + 1));
		return 0;
	case 0x10: {
		uint32_t v = 0;
		for (uint32_t i = 0; i < len && i < 3; i++)
			v = v << 8 | GET_U8(nd, p + i);
		out_fmt(nd->out, "%1.2fW", v / 1000.0);
		return 0;
	}
	case 0x11:
		if (len < 4)
			return -1;
		out_fmt(nd->out, "%u bytes", GET_BE32(nd, p));
		return 0;
	case 0x12:
	case 0x13:
		if (len < 1)
			return -1;
		out_fmt(nd->out, "0x%02x", GET_U8(nd, p));
		return 0;
	case 0x17:
		if (len < 1)
			return -1;
		out_fmt(nd->out, "0x%02x", GET_U8(nd, p));
		if (len > 1) {
			ND_CHR(nd, '/');
			nd_printjn(nd, p + 1, len - 1);
		}
		return 0;
	default: /* a gap in tcpdump's table: checked, not shown */
		nd_need(nd, p, len);
		return 0;
	}
}

/* Value lengths tcpdump accepts per TLV type (0: no bound). */
static int cdp_len_ok(uint16_t type, uint32_t len)
{
	static const struct {
		uint16_t type;
		uint8_t min, max;
	} bounds[] = {
		{0x02, 4, 0}, {0x04, 4, 4}, {0x0a, 2, 2}, {0x0b, 1, 1}, {0x0e, 3, 3}, {0x0f, 2, 3},
		{0x10, 1, 3}, {0x11, 4, 4}, {0x12, 1, 1}, {0x13, 1, 1}, {0x16, 4, 0}, {0x17, 1, 0},
	};
	for (size_t i = 0; i < sizeof bounds / sizeof bounds[0]; i++) {
		if (bounds[i].type != type)
			continue;
		if (bounds[i].min && len < bounds[i].min)
			return 0;
		if (bounds[i].max && len > bounds[i].max)
			return 0;
	}
	return 1;
}

/*
 * tcpdump 4.99 hex-dumps every TLV it does not decode, also without -v: at the
 * default verbosity only the Device-ID is decoded and the others follow as
 * bare hex lines, then ", length N".
 */
void cdp_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "cdp";
	uint32_t orig_length = length;
	if (length < 4) {
		out_fmt(nd->out, " (packet length %u < 4)", length);
		goto invalid;
	}
	nd_need(nd, p, 2);
	out_fmt(nd->out, "CDPv%u, ttl: %us", GET_U8(nd, p), GET_U8(nd, p + 1));
	uint16_t sum = GET_BE16(nd, p + 2);
	if (nd->o->vflag)
		out_fmt(nd->out, ", checksum: 0x%04x (unverified), length %u", sum, length);
	p += 4;
	length -= 4;
	while (length) {
		if (length < 4) {
			out_fmt(nd->out, " (remaining packet length %u < 4)", length);
			goto invalid;
		}
		uint16_t type = GET_BE16(nd, p);
		uint32_t len = GET_BE16(nd, p + 2);
		const char *known = tok_find(cdp_tlv_names, type);
		const char *name = known ? known : "unknown field type";
		if (len < 4) {
			if (nd->o->vflag)
				out_fmt(nd->out, "\n\t%s (0x%02x), TLV length: %u byte%s (too short)", name, type,
					len, len == 1 ? "" : "s");
			else
				out_fmt(nd->out, ", %s TLV length %u too short", name, len);
			goto invalid;
		}
		if (len > length) {
			out_fmt(nd->out, " (TLV length %u > %u)", len, length);
			goto invalid;
		}
		p += 4;
		length -= 4;
		len -= 4;
		if (nd->o->vflag)
			out_fmt(nd->out, "\n\t%s (0x%02x), value length: %u byte%s: ", name, type, len,
				len == 1 ? "" : "s");
		else if (type == 0x01)
			ND_STR(nd, ", Device-ID ");
		/* tcpdump's table runs to type 0x17: gaps in it (0x00, 0x0c, 0x0d)
		 * are nameless but still "known" and never hex-dumped at -v */
		int covered = 0;
		if (type < 0x18) {
			if (!cdp_len_ok(type, len)) {
				ND_STR(nd, " (malformed TLV)");
			} else if (nd->o->vflag || type == 0x01) {
				if (cdp_value_print(nd, type, p, len) < 0)
					nd_need(nd, p, len);
				covered = 1;
			}
		}
		if (!covered) {
			nd_need(nd, p, len);
			nd_print_unknown_data(nd, p, "\n\t  ", len);
		}
		p += len;
		length -= len;
	}
	if (!nd->o->vflag)
		out_fmt(nd->out, ", length %u", orig_length);
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, p, length);
}
