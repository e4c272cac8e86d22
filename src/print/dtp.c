/*
 * dtp.c - Cisco Dynamic Trunking Protocol, carried in SNAP (OUI Cisco,
 * PID 0x2004), as tcpdump 4.99 prints it.
 *
 *   +---------+--------------------------------------------+
 *   | version | TLVs: type(2) length(2, incl. header) value |
 *   +---------+--------------------------------------------+
 */
#include "lan.h"

static const struct tok dtp_tlv_names[] = {
	{1, "Domain"}, {2, "Status"}, {3, "DTP type"}, {4, "Neighbor"}, {0, NULL},
};

void dtp_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "dtp";
	if (length < 1) {
		ND_STR(nd, "[zero packet length]");
		goto invalid;
	}
	out_fmt(nd->out, "DTPv%u, length %u", GET_U8(nd, p), length);
	if (!nd->o->vflag)
		return;
	p += 1;
	length -= 1;
	while (length) {
		if (length < 4) {
			out_fmt(nd->out, "[%u bytes remaining]", length);
			goto invalid;
		}
		uint16_t type = GET_BE16(nd, p), len = GET_BE16(nd, p + 2);
		if (type == 0) /* seen in real captures: padding after the last TLV */
			return;
		ND_STR(nd, "\n\t");
		nd_tok(nd, dtp_tlv_names, "Unknown", type);
		out_fmt(nd->out, " (0x%04x) TLV, length %u", type, len);
		if (len < 4 || len > length) {
			out_fmt(nd->out, "[invalid TLV length %u]", len);
			goto invalid;
		}
		switch (type) {
		case 1:
			ND_STR(nd, ", ");
			nd_printn(nd, p + 4, len - 4u);
			break;
		case 2:
		case 3:
			if (len != 5)
				goto invalid;
			{
				uint8_t v = GET_U8(nd, p + 4); /* read before the separator, as tcpdump */
				out_fmt(nd->out, ", 0x%x", v);
			}
			break;
		case 4:
			if (len != 10)
				goto invalid;
			nd_need(nd, p + 4, 6);
			ND_STR(nd, ", ");
			nd_etheraddr(nd, p + 4);
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
