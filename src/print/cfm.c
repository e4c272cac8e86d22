/*
 * cfm.c - IEEE 802.1ag Connectivity Fault Management (ethertype 0x8902), as
 * tcpdump 4.99 prints it: continuity checks, loopback and linktrace messages
 * and the TLVs that follow them.
 *
 *   +-----------------+--------+-------+------------------+
 *   | level(3) ver(5) | opcode | flags | first TLV offset |  then the opcode's
 *   +-----------------+--------+-------+------------------+  fields, then TLVs:
 *   type(1) length(2) value (type 0 ends the list and has no length)
 */
#include "lan.h"

static const struct tok cfm_opcode_names[] = {
	{1, "Continuity Check Message"}, {2, "Loopback Reply"}, {3, "Loopback Message"},
	{4, "Linktrace Reply"}, {5, "Linktrace Message"}, {0, NULL},
};
static const struct tok cfm_md_format_names[] = {
	{0, "IEEE 802.1"}, {1, "No MD Name present"}, {2, "DNS string"},
	{3, "MAC + 16Bit Integer"}, {4, "Character string"}, {0, NULL},
};
static const struct tok cfm_ma_format_names[] = {
	{0, "IEEE 802.1"}, {1, "Primary VID"}, {2, "Character string"}, {3, "16Bit Integer"},
	{4, "RFC2685 VPN-ID"}, {0, NULL},
};
static const struct tok cfm_ltm_flag_names[] = {{0x80, "Use Forwarding-DB only"}, {0, NULL}};
static const struct tok cfm_ltr_flag_names[] = {
	{0x80, "UseFDB Only"}, {0x40, "FwdYes"}, {0x20, "Terminal MEP"}, {0, NULL},
};
static const struct tok cfm_ltr_action_names[] = {
	{1, "Exact Match"}, {2, "Filtering DB"}, {3, "MIP CCM DB"}, {0, NULL},
};
static const struct tok cfm_tlv_names[] = {
	{0, "End"}, {1, "Sender ID"}, {2, "Port status"}, {3, "Interface status"}, {4, "Data"},
	{5, "Reply Ingress"}, {6, "Reply Egress"}, {31, "Organization Specific"}, {0, NULL},
};
static const struct tok cfm_port_status_names[] = {{1, "Blocked"}, {2, "Up"}, {0, NULL}};
static const struct tok cfm_if_status_names[] = {
	{1, "Up"}, {2, "Down"}, {3, "Testing"}, {5, "Dormant"}, {6, "not present"},
	{7, "lower Layer down"}, {0, NULL},
};
static const struct tok cfm_chassis_names[] = {
	{0, "Reserved"}, {1, "Chassis component"}, {2, "Interface alias"}, {3, "Port component"},
	{4, "MAC address"}, {5, "Network address"}, {6, "Interface name"}, {7, "Locally assigned"},
	{0, NULL},
};

/* CCM interval codes in seconds, and the lifetime multipliers, as float like tcpdump */
static const float cfm_interval[8] = {0.0f, 0.003333f, 0.01f, 0.1f, 1.0f, 10.0f, 60.0f, 600.0f};

/* Network address of a sender ID chassis; 1 when a hex dump should follow. */
static int cfm_network_addr(struct nd *nd, const uint8_t *p, unsigned len)
{
	if (len < 1) {
		ND_STR(nd, "\n\t  Network Address Type (invalid, no data");
		return 0;
	}
	uint8_t af = GET_U8(nd, p);
	ND_STR(nd, "\n\t  Network Address Type ");
	nd_tok(nd, lan_af_names, "Unknown", af);
	out_fmt(nd->out, " (%u)", af);
	if (af == 1 || af == 2) {
		unsigned alen = af == 1 ? 4 : 16;
		if (len != 1 + alen) {
			out_fmt(nd->out, "(invalid IPv%c address length %u)", af == 1 ? '4' : '6', len - 1);
			return 1;
		}
		nd_need(nd, p + 1, alen);
		ND_STR(nd, ", ");
		if (af == 1)
			nd_ipaddr(nd, p + 1);
		else
			nd_ip6addr(nd, p + 1);
		return 0;
	}
	return 1;
}

/* The CCM names: MD name (format, length, name) then MA name; -1 when a
 * length is too large (tcpdump then stops printing the packet). */
static int cfm_ccm_names(struct nd *nd, const uint8_t *p)
{
	unsigned left = 48;
	uint8_t mdf = GET_U8(nd, p);
	p++;
	left--;
	if (mdf != 1) {
		uint8_t mdl = GET_U8(nd, p);
		p++;
		left--;
		ND_STR(nd, "\n\t  MD Name Format ");
		nd_tok(nd, cfm_md_format_names, "Unknown", mdf);
		out_fmt(nd->out, " (%u), MD Name length %u", mdf, mdl);
		if (mdl > left - 3) {
			out_fmt(nd->out, " (too large, must be <= %u)", left - 2);
			return -1;
		}
		ND_STR(nd, "\n\t  MD Name: ");
		if (mdf == 2 || mdf == 4) {
			nd_printn(nd, p, mdl);
		} else if (mdf == 3) {
			if (mdl == 6) {
				nd_need(nd, p, 6);
				ND_STR(nd, "\n\t  MAC ");
				nd_etheraddr(nd, p);
			} else {
				ND_STR(nd, "\n\t  MAC (length invalid)");
			}
		} else {
			nd_print_unknown_data(nd, p, "\n\t    ", mdl);
		}
		p += mdl;
		left -= mdl;
	} else {
		ND_STR(nd, "\n\t  MD Name Format ");
		nd_tok(nd, cfm_md_format_names, "Unknown", mdf);
		out_fmt(nd->out, " (%u)", mdf);
	}
	uint8_t maf = GET_U8(nd, p), mal = GET_U8(nd, p + 1);
	p += 2;
	left -= 2;
	ND_STR(nd, "\n\t  MA Name-Format ");
	nd_tok(nd, cfm_ma_format_names, "Unknown", maf);
	out_fmt(nd->out, " (%u), MA name length %u", maf, mal);
	if (mal > left) {
		out_fmt(nd->out, " (too large, must be <= %u)", left);
		return -1;
	}
	ND_STR(nd, "\n\t  MA Name: ");
	if (maf == 2)
		nd_printn(nd, p, mal);
	else
		nd_print_unknown_data(nd, p, "\n\t    ", mal);
	return 0;
}

/* Sender ID TLV.  Returns 1 for a hex dump, 0 for none, -1 to skip the rest of
 * the TLV without a dump; *used tells how much of the value was consumed. */
static int cfm_sender_id(struct nd *nd, const uint8_t *p, unsigned *tlv_len, unsigned *used)
{
	unsigned len = *tlv_len, u = 0;
	int hexdump = 0;
	if (len < 1) {
		ND_STR(nd, " (too short, must be >= 1)");
		return -1;
	}
	unsigned clen = GET_U8(nd, p);
	p++;
	u++;
	len--;
	if (clen) {
		if (len < 1) {
			ND_STR(nd, "\n\t  (TLV too short)");
			goto skip;
		}
		uint8_t ctype = GET_U8(nd, p);
		len--;
		ND_STR(nd, "\n\t  Chassis-ID Type ");
		nd_tok(nd, cfm_chassis_names, "Unknown", ctype);
		out_fmt(nd->out, " (%u), Chassis-ID length %u", ctype, clen);
		if (len < clen) {
			ND_STR(nd, "\n\t  (TLV too short)");
			goto skip;
		}
		switch (ctype) {
		case 4:
			if (clen != 6) {
				ND_STR(nd, " (invalid MAC address length)");
				hexdump = 1;
				break;
			}
			nd_need(nd, p + 1, 6);
			ND_STR(nd, "\n\t  MAC ");
			nd_etheraddr(nd, p + 1);
			break;
		case 5:
			hexdump |= cfm_network_addr(nd, p + 1, clen);
			break;
		case 1: case 2: case 3: case 6: case 7:
			nd_printn(nd, p + 1, clen);
			break;
		default:
			hexdump = 1;
			break;
		}
		len -= clen;
		p += 1 + clen;
		u += 1 + clen;
	}
	if (len == 0)
		goto done;
	unsigned dlen = GET_U8(nd, p);
	p++;
	u++;
	len--;
	out_fmt(nd->out, "\n\t  Management Address Domain Length %u", dlen);
	if (dlen) {
		if (len < dlen) {
			ND_STR(nd, "\n\t  (TLV too short)");
			goto skip;
		}
		len -= dlen;
		nd_need(nd, p, dlen);
		nd_hex_ascii(nd, "\n\t  Management Address Domain: ", p, dlen, 0);
		p += dlen;
		u += dlen;
		if (len < 1) {
			ND_STR(nd, " (Management Address Length is missing)");
			hexdump = 1;
			goto done;
		}
		unsigned alen = GET_U8(nd, p);
		p++;
		u++;
		len--;
		out_fmt(nd->out, "\n\t  Management Address Length %u", alen);
		if (alen) {
			if (len < alen) {
				ND_STR(nd, "\n\t  (TLV too short)");
				*tlv_len = len;
				*used = u;
				return -2;
			}
			len -= alen;
			nd_need(nd, p, alen);
			nd_hex_ascii(nd, "\n\t  Management Address: ", p, alen, 0);
			u += alen;
		}
	}
done:
	*tlv_len = len;
	*used = u;
	return hexdump;
skip:
	*tlv_len = len;
	*used = u;
	return -1;
}

/* tcpdump's cfm printer checks its fixed parts and TLVs with ND_TCHECK (no
 * jump: the line ends in " [|cfm]" and -x still skips the link header);
 * only its field reads jump.  0 after printing the marker. */
static int cfm_tcheck(struct nd *nd, const uint8_t *p, size_t n)
{
	if (nd_ok(nd, p, n))
		return 1;
	nd_print_trunc(nd);
	return 0;
}

void cfm_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "cfm";
	if (length < 4)
		goto tooshort;
	if (!cfm_tcheck(nd, p, 4))
		return;
	uint8_t lv = GET_U8(nd, p), opcode = GET_U8(nd, p + 1);
	if ((lv & 0x1f) != 0) {
		out_fmt(nd->out, "CFMv%u not supported, length %u", lv & 0x1f, length);
		return;
	}
	ND_STR(nd, "CFMv0 ");
	nd_tok(nd, cfm_opcode_names, "unknown (%u)", opcode);
	out_fmt(nd->out, ", MD Level %u, length %u", lv >> 5, length);
	if (!nd->o->vflag)
		return;
	uint8_t flags = GET_U8(nd, p + 2), first = GET_U8(nd, p + 3);
	out_fmt(nd->out, "\n\tFirst TLV offset %u", first);
	const uint8_t *t = p + 4;
	uint32_t tlen = length - 4;
	if (first > tlen) {
		out_fmt(nd->out, " (too large, must be <= %u)", tlen);
		return;
	}
	switch (opcode) {
	case 1: {
		if (first < 70) {
			ND_STR(nd, " (too small 1, must be >= 70)");
			return;
		}
		if (tlen < 70)
			goto tooshort;
		if (!cfm_tcheck(nd, t, 70))
			return;
		unsigned iv = flags & 7;
		out_fmt(nd->out, ", Flags [CCM Interval %u%s]", iv, (flags & 0x80) ? ", RDI" : "");
		if (iv)
			out_fmt(nd->out, "\n\t  CCM Interval %.3fs, min CCM Lifetime %.3fs, max CCM Lifetime %.3fs",
				(double)cfm_interval[iv], cfm_interval[iv] * 3.25, cfm_interval[iv] * 3.5);
		out_fmt(nd->out, "\n\t  Sequence Number 0x%08x, MA-End-Point-ID 0x%04x", GET_BE32(nd, t),
			GET_BE16(nd, t + 4));
		if (cfm_ccm_names(nd, t + 6) < 0)
			return;
		break;
	}
	case 5:
	case 4: {
		unsigned need = opcode == 5 ? 17 : 6;
		if (first < need) {
			out_fmt(nd->out, " (too small %u, must be >= %u)", opcode == 5 ? 4 : 5, need);
			return;
		}
		if (tlen < need)
			goto tooshort;
		if (!cfm_tcheck(nd, t, need))
			return;
		ND_STR(nd, ", Flags [");
		nd_bits(nd, opcode == 5 ? cfm_ltm_flag_names : cfm_ltr_flag_names, flags, ", ");
		out_fmt(nd->out, "]\n\t  Transaction-ID 0x%08x, ttl %u", GET_BE32(nd, t), GET_U8(nd, t + 4));
		if (opcode == 5) {
			ND_STR(nd, "\n\t  Original-MAC ");
			nd_etheraddr(nd, t + 5);
			ND_STR(nd, ", Target-MAC ");
			nd_etheraddr(nd, t + 11);
		} else {
			ND_STR(nd, "\n\t  Replay-Action ");
			nd_tok(nd, cfm_ltr_action_names, "Unknown", GET_U8(nd, t + 5));
			out_fmt(nd->out, " (%u)", GET_U8(nd, t + 5));
		}
		break;
	}
	default: /* no decoder: the fixed part up to the TLVs as hex */
		nd_print_unknown_data(nd, t, "\n\t  ", tlen - first);
		break;
	}
	t += first;
	tlen -= first;
	while (tlen) {
		uint8_t type = GET_U8(nd, t);
		ND_STR(nd, "\n\t");
		nd_tok(nd, cfm_tlv_names, "Unknown", type);
		out_fmt(nd->out, " TLV (0x%02x)", type);
		if (type == 0)
			return;
		if (tlen < 3)
			goto tooshort;
		if (!cfm_tcheck(nd, t, 3))
			return;
		unsigned tl = GET_BE16(nd, t + 1);
		out_fmt(nd->out, ", length %u", tl);
		t += 3;
		tlen -= 3;
		const uint8_t *v = t;
		if (tlen < tl)
			goto tooshort;
		if (!cfm_tcheck(nd, t, tl))
			return;
		int hexdump = 0;
		switch (type) {
		case 2:
		case 3:
			if (tl < 1) {
				ND_STR(nd, " (too short, must be >= 1)");
				return;
			}
			ND_STR(nd, ", Status: ");
			nd_tok(nd, type == 2 ? cfm_port_status_names : cfm_if_status_names, "Unknown", GET_U8(nd, t));
			out_fmt(nd->out, " (%u)", GET_U8(nd, t));
			break;
		case 31: {
			if (tl < 4) {
				ND_STR(nd, " (too short, must be >= 4)");
				return;
			}
			uint32_t oui = GET_BE24(nd, t);
			ND_STR(nd, ", Vendor: ");
			nd_tok(nd, oui_names, "Unknown", oui);
			out_fmt(nd->out, " (%u), Sub-Type %u", oui, GET_U8(nd, t + 3));
			hexdump = 1;
			break;
		}
		case 1: {
			unsigned used = 0;
			int r = cfm_sender_id(nd, t, &tl, &used);
			t += used;
			tlen -= used;
			if (r == -2)
				return;
			if (r < 0)
				goto next;
			hexdump = r;
			break;
		}
		default:
			hexdump = 1;
			break;
		}
		if (hexdump || nd->o->vflag > 1)
			nd_print_unknown_data(nd, v, "\n\t  ", tl);
next:
		t += tl;
		tlen -= tl;
	}
	return;
tooshort:
	ND_STR(nd, "\n\t\t packet is too short");
}
