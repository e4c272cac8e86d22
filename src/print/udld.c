/*
 * udld.c - Cisco UniDirectional Link Detection (RFC 5171), carried in SNAP
 * (OUI Cisco, PID 0x0111), as tcpdump 4.99 prints it.
 *
 *   +-----+--------+-------+----------+
 *   | ver | opcode | flags | checksum |   ver: 3 bits, opcode: 5 bits
 *   +-----+--------+-------+----------+
 *   then TLVs: type(2) length(2, includes the 4-byte TLV header) value
 */
#include "lan.h"

static const struct tok udld_tlv_names[] = {
	{1, "Device-ID TLV"}, {2, "Port-ID TLV"}, {3, "Echo TLV"},
	{4, "Message Interval TLV"}, {5, "Timeout Interval TLV"},
	{6, "Device Name TLV"}, {7, "Sequence Number TLV"}, {0, NULL},
};

static const struct tok udld_code_names[] = {
	{0, "Reserved"}, {1, "Probe message"}, {2, "Echo message"}, {3, "Flush message"},
	{0, NULL},
};

static const struct tok udld_flag_names[] = {
	{0x01, "RT"}, {0x02, "RSY"}, {0x04, "MBZ-2"}, {0x08, "MBZ-3"}, {0x10, "MBZ-4"},
	{0x20, "MBZ-5"}, {0x40, "MBZ-6"}, {0x80, "MBZ-7"}, {0, NULL},
};

void udld_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "udld";
	if (length < 4) {
		nd_print_invalid(nd);
		nd_need(nd, p, length);
		return;
	}
	uint8_t b0 = GET_U8(nd, p), flags = GET_U8(nd, p + 1);
	ND_STR(nd, "UDLDv");
	ND_U(nd, b0 >> 5);
	ND_STR(nd, ", Code ");
	nd_tok(nd, udld_code_names, "Reserved", b0 & 0x1f);
	out_fmt(nd->out, " (%x), Flags [", b0 & 0x1f);
	nd_bits(nd, udld_flag_names, flags, ", ");
	out_fmt(nd->out, "] (0x%02x), length %u", flags, length);
	p += 2;
	length -= 2;
	if (!nd->o->vflag) {
		nd_need(nd, p, length);
		return;
	}
	out_fmt(nd->out, "\n\tChecksum 0x%04x (unverified)", GET_BE16(nd, p));
	p += 2;
	length -= 2;
	while (length) {
		if (length < 4)
			goto invalid;
		uint16_t type = GET_BE16(nd, p), len = GET_BE16(nd, p + 2);
		p += 4;
		length -= 4;
		ND_STR(nd, "\n\t");
		nd_tok(nd, udld_tlv_names, "Unknown", type);
		out_fmt(nd->out, " (0x%04x) TLV, length %u", type, len);
		if (len <= 4)
			goto invalid;
		len -= 4;
		if (length < len)
			goto invalid;
		switch (type) {
		case 1:
		case 2:
		case 6:
			ND_STR(nd, ", ");
			nd_printn(nd, p, len);
			break;
		case 3:
			ND_STR(nd, ", ");
			nd_printjn(nd, p, len);
			break;
		case 4:
		case 5:
			if (len != 1)
				goto invalid;
			out_fmt(nd->out, ", %us", GET_U8(nd, p));
			break;
		case 7:
			if (len != 4)
				goto invalid;
			out_fmt(nd->out, ", %u", GET_BE32(nd, p));
			break;
		default:
			nd_need(nd, p, len);
			break;
		}
		p += len;
		length -= len;
	}
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, p, length);
}
