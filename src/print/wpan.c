/*
 * wpan.c - IEEE 802.15.4 low-rate wireless PAN frames as tcpdump 4.99 prints
 * them: DLT_IEEE802_15_4 (195), DLT_IEEE802_15_4_NOFCS (230), the
 * DLT_IEEE802_15_4_TAP pseudo-header (283), and ZEP (ZigBee Encapsulation
 * Protocol, UDP port 17754) which carries 802.15.4 frames.
 *
 *   frame control (2, LE) | seq (1, unless suppressed) | dst PAN | dst addr |
 *   src PAN | src addr | aux security header | header IEs | payload IEs |
 *   payload | MIC | FCS (2 or 4)
 *
 * The frame's length as tcpdump counts it (its u_int "caplen") is kept in a
 * uint32_t and shrinks the same way, wrapping where tcpdump's wraps, so the
 * error messages and the point where a read truncates match.  All packet
 * bytes are read through the checked accessors; the FCS is only computed over
 * bytes whose end has been checked first.
 */
#include <string.h>
#include <time.h>

#include "print.h"

#define BIT(v, n) (((v) >> (n)) & 1u)

static const char *const wpan_ftypes[8] = {
	"Beacon", "Data", "ACK", "Command", "Reserved", "Multipurpose", "Fragment", "Extended",
};

/* Header IE element IDs (802.15.4-2015 table 7-7); the rest print "Reserved 0x%02x". */
static const struct tok wpan_hie_names[] = {
	{0x00, "Vendor Specific Header IE"},
	{0x1a, "LE CSL IE"},
	{0x1b, "LE RIT IE"},
	{0x1c, "DSME PAN descriptor IE"},
	{0x1d, "Rendezvous Time IE"},
	{0x1e, "Time Correction IE"},
	{0x21, "Extended DSME PAN descriptor IE"},
	{0x22, "Fragment Sequence Context Description IE"},
	{0x23, "Simplified Superframe Specification IE"},
	{0x24, "Simplified GTS Specification IE"},
	{0x25, "LECIM Capabilities IE"},
	{0x26, "TRLE Descriptor IE"},
	{0x27, "RCC Capabilities IE"},
	{0x28, "RCCN Descriptor IE"},
	{0x29, "Global Time IE"},
	{0x2a, "Omnibus Header IE"},
	{0x2b, "DA IE"},
	{0x7e, "Header Termination 1 IE"},
	{0x7f, "Header Termination 2 IE"},
	{0, NULL},
};

/* Payload IE group IDs (table 7-15). */
static const struct tok wpan_pie_names[] = {
	{0x00, "ESDU IE"},
	{0x01, "MLME IE"},
	{0x02, "Vendor Specific Nested IE"},
	{0x03, "Multiplexed IE (802.15.9)"},
	{0x04, "Omnibus Payload Group IE"},
	{0x05, "IETF IE"},
	{0x0f, "List termination"},
	{0, NULL},
};

/* MLME sub-IDs, short format (table 7-16); 0x00-0x0f are long-format IDs. */
static const struct tok wpan_mlme_short_names[] = {
	{0x1a, "TSCH Synchronization IE"},
	{0x1b, "TSCH Slotframe and Link IE"},
	{0x1c, "TSCH Timeslot IE"},
	{0x1d, "Hopping timing IE"},
	{0x1e, "Enhanced Beacon Filter IE"},
	{0x1f, "MAC Metrics IE"},
	{0x20, "All MAC Metrics IE"},
	{0x21, "Coexistence Specification IE"},
	{0x22, "SUN Device Capabilities IE"},
	{0x23, "SUN FSK Generic PHY IE"},
	{0x24, "Mode Switch Parameter IE"},
	{0x25, "PHY Parameter Change IE"},
	{0x26, "O-QPSK PHY Mode IE"},
	{0x27, "PCA Allocation IE"},
	{0x28, "LECIM DSSS Operating Mode IE"},
	{0x29, "LECIM FSK Operating Mode IE"},
	{0x2b, "TVWS PHY Operating Mode Description IE"},
	{0x2c, "TVWS Device Capabilities IE"},
	{0x2d, "TVWS Device Category IE"},
	{0x2e, "TVWS Device Identiication IE"},
	{0x2f, "TVWS Device Location IE"},
	{0x30, "TVWS Channel Information Query IE"},
	{0x31, "TVWS Channel Information Source IE"},
	{0x32, "CTM IE"},
	{0x33, "Timestamp IE"},
	{0x34, "Timestamp Difference IE"},
	{0x35, "TMCTP Sepcification IE"},
	{0x36, "RCC PHY Operating Mode IE"},
	{0, NULL},
};

/* MLME sub-IDs, long format (table 7-17). */
static const struct tok wpan_mlme_long_names[] = {
	{0x08, "Vendor Specific MLME Nested IE"},
	{0x09, "Channel Hopping IE"},
	{0, NULL},
};

/* MAC command IDs (table 7-49). */
static const struct tok wpan_cmd_names[] = {
	{0x01, "Association Request command"},
	{0x02, "Association Response command"},
	{0x03, "Disassociation Notification command"},
	{0x04, "Data Request command"},
	{0x05, "PAN ID Conflict Notification command"},
	{0x06, "Orphan Notification command"},
	{0x07, "Beacon Request command"},
	{0x08, "Coordinator realignment command"},
	{0x09, "GTS request command"},
	{0x0a, "TRLE Management Request command"},
	{0x0b, "TRLE Management Response command"},
	{0x13, "DSME Association Request command"},
	{0x14, "DSME Association Response command"},
	{0x15, "DSME GTS Request command"},
	{0x16, "DSME GTS Response command"},
	{0x17, "DSME GTS Notify command"},
	{0x18, "DSME Information Request command"},
	{0x19, "DSME Information Response command"},
	{0x1a, "DSME Beacon Allocation Notification command"},
	{0x1b, "DSME Beacon Collision Notification command"},
	{0x1c, "DSME Link Report command"},
	{0x20, "RIT Data Request command"},
	{0x21, "DBS Request command"},
	{0x22, "DBS Response command"},
	{0x23, "RIT Data Response command"},
	{0x24, "Vendor Specific command"},
	{0, NULL},
};

/* CRC-16 with the reflected CCITT polynomial, initial value 0 (802.15.4 FCS). */
static uint16_t wpan_crc16(const uint8_t *p, uint32_t n)
{
	uint16_t crc = 0;
	while (n--) {
		crc ^= *p++;
		for (int b = 0; b < 8; b++)
			crc = (uint16_t)((crc & 1) ? (crc >> 1) ^ 0x8408 : crc >> 1);
	}
	return crc;
}

/* CRC-32 with the reflected 0x04C11DB7 polynomial, initial value 0, no final xor. */
static uint32_t wpan_crc32(const uint8_t *p, uint32_t n)
{
	uint32_t crc = 0;
	while (n--) {
		crc ^= *p++;
		for (int b = 0; b < 8; b++)
			crc = (crc & 1) ? (crc >> 1) ^ 0xedb88320u : crc >> 1;
	}
	return crc;
}

/* Address length for an addressing mode: none, reserved (-1), short, extended. */
static int wpan_addr_len(unsigned mode)
{
	static const int lens[4] = {0, -1, 2, 8};
	return lens[mode & 3];
}

/* An extended address, most significant byte first (it is stored little-endian). */
static void wpan_le64addr(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, 8);
	for (int i = 7; i >= 0; i--)
		out_fmt(nd->out, i == 7 ? "%02x" : ":%02x", p[i]);
}

static void wpan_addr(struct nd *nd, const uint8_t *p, int alen)
{
	if (alen == 0)
		ND_STR(nd, "none");
	else if (alen == 2)
		out_fmt(nd->out, "%04x", GET_LE16(nd, p));
	else if (alen == 8)
		wpan_le64addr(nd, p);
}

/* n bytes as "%02x " each. */
static void wpan_hex(struct nd *nd, const uint8_t *p, uint32_t from, uint32_t n)
{
	for (uint32_t i = from; i < n; i++)
		out_fmt(nd->out, "%02x ", GET_U8(nd, p + i));
}

static void wpan_superframe(struct nd *nd, uint16_t ss)
{
	if (nd->o->vflag < 1)
		return;
	out_fmt(nd->out, "\n\tBeacon order = %d, Superframe order = %d, ", ss & 0xf, (ss >> 4) & 0xf);
	out_fmt(nd->out, "Final CAP Slot = %d", (ss >> 8) & 0xf);
	if (BIT(ss, 12))
		ND_STR(nd, ", BLE enabled");
	if (BIT(ss, 14))
		ND_STR(nd, ", PAN Coordinator");
	if (BIT(ss, 15))
		ND_STR(nd, ", Association Permit");
}

/* Beacon GTS fields; bytes used, or -1. */
static int wpan_gts_info(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint8_t cnt = GET_U8(nd, p) & 7;
	if (cnt == 0) {
		if (nd->o->vflag > 0)
			out_fmt(nd->out, "\n\tGTS Descriptor Count = %d, ", cnt);
		return 1;
	}
	uint32_t need = 2u + cnt * 3u;
	if (len < need) {
		ND_STR(nd, " [ERROR: Truncated GTS Info List]");
		return -1;
	}
	if (nd->o->vflag < 2)
		return (int)need;
	out_fmt(nd->out, "GTS Descriptor Count = %d, ", cnt);
	out_fmt(nd->out, "GTS Directions Mask = %02x, [ ", GET_U8(nd, p + 1) & 0x7f);
	for (int i = 0; i < cnt; i++) {
		const uint8_t *d = p + 2 + i * 3;
		ND_STR(nd, "[ ");
		wpan_addr(nd, d, 2);
		uint8_t s = GET_U8(nd, d + 1);
		out_fmt(nd->out, ", Start slot = %d, Length = %d ] ", s & 0x0f, (s >> 4) & 0x0f);
	}
	ND_CHR(nd, ']');
	return (int)need;
}

/* Beacon pending address list; bytes used, or -1. */
static int wpan_pending(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint8_t pas = GET_U8(nd, p);
	int s_cnt = pas & 7, e_cnt = (pas >> 4) & 7;
	uint32_t need = 1u + (uint32_t)s_cnt * 2 + (uint32_t)e_cnt * 8;
	if (nd->o->vflag > 0)
		out_fmt(nd->out, "\n\tPending address list, # short addresses = %d, # extended addresses = %d",
			s_cnt, e_cnt);
	if (len < need) {
		ND_STR(nd, " [ERROR: Pending address list truncated]");
		return -1;
	}
	if (nd->o->vflag < 2)
		return (int)need;
	if (s_cnt) {
		ND_STR(nd, ", Short address list = [ ");
		for (int i = 0; i < s_cnt; i++) {
			wpan_addr(nd, p + 1 + i * 2, 2);
			ND_CHR(nd, ' ');
		}
		ND_CHR(nd, ']');
	}
	if (e_cnt) {
		ND_STR(nd, ", Extended address list = [ ");
		for (int i = 0; i < e_cnt; i++) {
			wpan_addr(nd, p + 1 + s_cnt * 2 + i * 8, 8);
			ND_CHR(nd, ' ');
		}
		ND_CHR(nd, ']');
	}
	return (int)need;
}

static void wpan_vendor_oui(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len < 3) {
		ND_STR(nd, "[ERROR: Vendor OUI missing]");
		return;
	}
	out_fmt(nd->out, "OUI = 0x%02x%02x%02x, ", GET_U8(nd, p), GET_U8(nd, p + 1), GET_U8(nd, p + 2));
	ND_STR(nd, "Data = ");
	wpan_hex(nd, p, 3, len);
}

/* The tail of a (Extended) DSME PAN descriptor IE after the superframe spec. */
static void wpan_dsme_pan(struct nd *nd, const uint8_t *p, uint32_t ie_len, int ext)
{
	uint32_t ptr = 2, ulen;
	int hopping = 0;
	wpan_superframe(nd, GET_LE16(nd, p));
	if (ie_len < 3) {
		ND_STR(nd, "[ERROR: Truncated before pending addresses field]");
		return;
	}
	int n = wpan_pending(nd, p + ptr, ie_len - ptr);
	if (n < 0)
		return;
	ptr = (uint16_t)(ptr + (uint32_t)n);
	if (ext) {
		if (ie_len < ptr + 2) {
			ND_STR(nd, "[ERROR: Truncated before DSME Superframe Specification]");
			return;
		}
		uint16_t ss = GET_LE16(nd, p + ptr);
		ptr += 2;
		out_fmt(nd->out, "Multi-superframe Order = %d", ss & 0xff);
		out_fmt(nd->out, ", %s", (ss & 0x100) ? "Channel hopping mode" : "Channel adaptation mode");
		if (ss & 0x400)
			ND_STR(nd, ", CAP reduction enabled");
		if (ss & 0x800)
			ND_STR(nd, ", Deferred beacon enabled");
		if (ss & 0x1000) {
			ND_STR(nd, ", Hopping Sequence Present");
			hopping = 1;
		}
	} else {
		if (ie_len < ptr + 1) {
			ND_STR(nd, "[ERROR: Truncated before DSME Superframe Specification]");
			return;
		}
		uint8_t ss = GET_U8(nd, p + ptr);
		ptr++;
		out_fmt(nd->out, "Multi-superframe Order = %d", ss & 0x0f);
		out_fmt(nd->out, ", %s", (ss & 0x10) ? "Channel hopping mode" : "Channel adaptation mode");
		if (ss & 0x40)
			ND_STR(nd, ", CAP reduction enabled");
		if (ss & 0x80)
			ND_STR(nd, ", Deferred beacon enabled");
	}
	if (ie_len < ptr + 8) {
		ND_STR(nd, " [ERROR: Truncated before Time synchronization specification]");
		return;
	}
	uint64_t ts = (uint64_t)GET_LE32(nd, p + ptr) | (uint64_t)GET_LE16(nd, p + ptr + 4) << 32;
	out_fmt(nd->out, "Beacon timestamp = %llu, offset = %d", (unsigned long long)ts,
		GET_LE16(nd, p + ptr + 6));
	ptr += 8;
	if (ie_len < ptr + 4) {
		ND_STR(nd, " [ERROR: Truncated before Beacon Bitmap]");
		return;
	}
	ulen = GET_LE16(nd, p + ptr + 2);
	out_fmt(nd->out, "SD Index = %d, Bitmap len = %d, ", GET_LE16(nd, p + ptr), ulen);
	ptr += 4;
	if (ie_len < ptr + ulen) {
		ND_STR(nd, " [ERROR: Truncated in SD bitmap]");
		return;
	}
	ND_STR(nd, " SD Bitmap = ");
	wpan_hex(nd, p + ptr, 0, ulen);
	ptr = (uint16_t)(ptr + ulen);
	if (ie_len < ptr + 5) {
		ND_STR(nd, " [ERROR: Truncated before Channel hopping specification]");
		return;
	}
	ulen = GET_LE16(nd, p + ptr + 4);
	out_fmt(nd->out, "Hopping Seq ID = %d, PAN Coordinator BSN = %d, Channel offset = %d, Bitmap length = %d, ",
		GET_U8(nd, p + ptr), GET_U8(nd, p + ptr + 1), GET_LE16(nd, p + ptr + 2), ulen);
	ptr += 5;
	if (ie_len < ptr + ulen) {
		ND_STR(nd, " [ERROR: Truncated in Channel offset bitmap]");
		return;
	}
	ND_STR(nd, " Channel offset bitmap = ");
	wpan_hex(nd, p + ptr, 0, ulen);
	ptr = (uint16_t)(ptr + ulen);
	if (!hopping)
		return;
	if (ie_len < ptr + 1) {
		ND_STR(nd, " [ERROR: Truncated in Hopping Sequence length]");
		return;
	}
	ulen = GET_U8(nd, p + ptr);
	ptr++;
	out_fmt(nd->out, "Hopping Seq length = %d [ ", ulen);
	if (ie_len < ptr + ulen * 2) {
		ND_STR(nd, " [ERROR: Truncated in Channel offset bitmap]");
		return;
	}
	for (uint32_t i = 0; i < ulen; i++)
		out_fmt(nd->out, "%02x ", GET_LE16(nd, p + ptr + i * 2));
	ND_CHR(nd, ']');
}

/* Header IE contents (-vvvv). */
static void wpan_header_ie(struct nd *nd, const uint8_t *p, uint16_t ie_len, int id)
{
	switch (id) {
	case 0x00:
		wpan_vendor_oui(nd, p, ie_len);
		return;
	case 0x1a:
		if (ie_len < 4) {
			ND_STR(nd, "[ERROR: Truncated CSL IE]");
			return;
		}
		out_fmt(nd->out, "CSL Phase = %d, CSL Period = %d", GET_LE16(nd, p), GET_LE16(nd, p + 2));
		if (ie_len >= 6)
			out_fmt(nd->out, ", Rendezvous time = %d", GET_LE16(nd, p + 4));
		if (ie_len != 4 && ie_len != 6)
			ND_STR(nd, " [ERROR: CSL IE length wrong]");
		return;
	case 0x1b:
		if (ie_len < 4) {
			ND_STR(nd, "[ERROR: Truncated RIT IE]");
			return;
		}
		out_fmt(nd->out, "Time to First Listen = %d, # of Repeat Listen = %d, Repeat Listen Interval = %d",
			GET_U8(nd, p), GET_U8(nd, p + 1), GET_LE16(nd, p + 2));
		return;
	case 0x1c:
	case 0x21:
		if (ie_len < 2) {
			ND_STR(nd, "[ERROR: Truncated DSME PAN IE]");
			return;
		}
		wpan_dsme_pan(nd, p, ie_len, id == 0x21);
		return;
	case 0x1d:
		if (ie_len != 4) {
			ND_STR(nd, "[ERROR: Length != 2]");
			return;
		}
		out_fmt(nd->out, "Rendezvous time = %d, Wake-up Interval = %d", GET_LE16(nd, p), GET_LE16(nd, p + 2));
		return;
	case 0x1e:
		if (ie_len != 2) {
			ND_STR(nd, "[ERROR: Length != 2]");
			return;
		} else {
			uint16_t val = GET_LE16(nd, p);
			if (val & 0x8000)
				ND_STR(nd, "Negative ");
			int16_t corr = (int16_t)(uint16_t)((val & 0xfff) << 4);
			out_fmt(nd->out, "Ack time correction = %d, ", corr / 16);
		}
		return;
	default:
		ND_STR(nd, "IE Data = ");
		wpan_hex(nd, p, 0, ie_len);
		return;
	}
}

/* The header IE list; bytes used or -1.  *pie: a payload IE list follows. */
static int wpan_header_ie_list(struct nd *nd, const uint8_t *p, uint32_t caplen, int *pie)
{
	int len = 0;
	*pie = 0;
	do {
		if (caplen < 2) {
			ND_STR(nd, "[ERROR: Truncated header IE]");
			return -1;
		}
		uint16_t ie = GET_LE16(nd, p);
		if (BIT(ie, 15))
			ND_STR(nd, "[ERROR: Header IE with type 1] ");
		uint16_t ie_len = ie & 0x7f;
		int id = (ie >> 7) & 0xff;
		if (id > 127) {
			out_fmt(nd->out, "Reserved Element ID %02x, length = %d ", id, ie_len);
		} else {
			ND_STR(nd, "\n\t");
			nd_tok(nd, wpan_hie_names, "Reserved 0x%02x", (uint32_t)id);
			if (ie_len == 0)
				ND_STR(nd, " [");
			else
				out_fmt(nd->out, " [ length = %d, ", ie_len);
		}
		if (caplen < 2u + ie_len) {
			ND_STR(nd, "[ERROR: Truncated IE data]");
			return -1;
		}
		p += 2;
		if (nd->o->vflag > 3 && ie_len != 0) {
			wpan_header_ie(nd, p, ie_len, id);
		} else if (ie_len != 0) {
			ND_STR(nd, "IE Data = ");
			wpan_hex(nd, p, 0, ie_len);
		}
		ND_STR(nd, "] ");
		len += 2 + ie_len;
		p += ie_len;
		caplen -= 2u + ie_len;
		if (id == 0x7e) {
			*pie = 1;
			break;
		}
		if (id == 0x7f)
			break;
	} while (caplen > 0);
	return len;
}

static void wpan_ts_link_opts(struct nd *nd, uint8_t opts)
{
	if (opts & 0x1)
		ND_STR(nd, "TX ");
	if (opts & 0x2)
		ND_STR(nd, "RX ");
	if (opts & 0x4)
		ND_STR(nd, "Shared ");
	if (opts & 0x8)
		ND_STR(nd, "Timekeeping ");
	if (opts & 0x10)
		ND_STR(nd, "Priority ");
}

static void wpan_channel_hopping(struct nd *nd, const uint8_t *p, uint16_t sub_len)
{
	if (sub_len < 1) {
		ND_STR(nd, "[ERROR: Hopping sequence ID missing]");
		return;
	}
	out_fmt(nd->out, "Hopping Sequence ID = %d", GET_U8(nd, p));
	if (sub_len == 1)
		return;
	p++;
	sub_len--;
	if (sub_len < 7) {
		ND_STR(nd, "[ERROR: IE truncated]");
		return;
	}
	uint16_t page = GET_U8(nd, p), nchan = GET_LE16(nd, p + 1);
	out_fmt(nd->out, "Channel Page = %d, Number of Channels = %d, ", page, nchan);
	out_fmt(nd->out, "Phy Configuration = 0x%08x, ", GET_LE32(nd, p + 3));
	p += 7;
	sub_len = (uint16_t)(sub_len - 7);
	uint16_t len;
	if (page == 9 || page == 10) {
		len = (uint16_t)((nchan + 7) / 8);
		if (sub_len < len) {
			ND_STR(nd, "[ERROR: IE truncated]");
			return;
		}
		ND_STR(nd, "Extended bitmap = 0x");
		for (int i = 0; i < len; i++)
			out_fmt(nd->out, "%02x", GET_U8(nd, p + i));
		ND_STR(nd, ", ");
		p += len;
		sub_len = (uint16_t)(sub_len - len);
	}
	if (sub_len < 2) {
		ND_STR(nd, "[ERROR: IE truncated]");
		return;
	}
	len = GET_LE16(nd, p);
	p += 2;
	sub_len = (uint16_t)(sub_len - 2);
	out_fmt(nd->out, "Hopping Seq length = %d [ ", len);
	if (sub_len < len * 2) {
		ND_STR(nd, " [ERROR: IE truncated]");
		return;
	}
	for (int i = 0; i < len; i++)
		out_fmt(nd->out, "%02x ", GET_LE16(nd, p + i * 2));
	ND_CHR(nd, ']');
	p += len * 2;
	sub_len = (uint16_t)(sub_len - len * 2);
	if (sub_len < 2) {
		ND_STR(nd, "[ERROR: IE truncated]");
		return;
	}
	out_fmt(nd->out, "Current hop = %d", GET_LE16(nd, p));
}

static void wpan_slotframes(struct nd *nd, const uint8_t *p, uint16_t sub_len)
{
	if (sub_len < 1) {
		ND_STR(nd, "[ERROR: Truncated IE]");
		return;
	}
	int sf_num = GET_U8(nd, p), off = 1;
	out_fmt(nd->out, "Slotframes = %d ", sf_num);
	for (int i = 0; i < sf_num; i++) {
		if (sub_len < off + 4) {
			ND_STR(nd, "[ERROR: Truncated IE before slotframes]");
			break;
		}
		int links = GET_U8(nd, p + off + 3);
		out_fmt(nd->out, "\n\t\t\t[ Handle %d, size = %d, links = %d ", GET_U8(nd, p + off),
			GET_LE16(nd, p + off + 1), links);
		off += 4;
		for (int j = 0; j < links; j++) {
			if (sub_len < off + 5) {
				ND_STR(nd, "[ERROR: Truncated IE links]");
				break;
			}
			uint8_t opts = GET_U8(nd, p + off + 4);
			out_fmt(nd->out, "\n\t\t\t\t[ Timeslot =  %d, Offset = %d, Options = ", GET_LE16(nd, p + off),
				GET_LE16(nd, p + off + 2));
			wpan_ts_link_opts(nd, opts);
			off += 5;
			ND_STR(nd, "] ");
		}
		ND_STR(nd, "] ");
	}
}

static void wpan_timeslot(struct nd *nd, const uint8_t *p, uint16_t sub_len)
{
	if (sub_len == 1) {
		out_fmt(nd->out, "Time slot ID = %d ", GET_U8(nd, p));
		return;
	}
	if (sub_len != 25 && sub_len != 27) {
		ND_STR(nd, "[ERROR: Length not 1, 25, or 27]");
		ND_STR(nd, "\n\t\t\tIE Data = ");
		wpan_hex(nd, p, 0, sub_len);
		return;
	}
	static const char *const names[] = {
		"CCA Offset", "CCA", "TX Offset", "RX Offset", "RX Ack Delay", "TX Ack Delay",
		"RX Wait", "Ack Wait", "RX TX", "Max Ack", "Max TX", "Time slot Length",
	};
	uint32_t v[12];
	for (int i = 0; i < 10; i++)
		v[i] = GET_LE16(nd, p + 1 + 2 * i);
	if (sub_len == 25) {
		v[10] = GET_LE16(nd, p + 21);
		v[11] = GET_LE16(nd, p + 23);
	} else {
		v[10] = GET_LE16(nd, p + 21) | (uint32_t)GET_U8(nd, p + 23) << 16;
		v[11] = GET_LE16(nd, p + 24) | (uint32_t)GET_U8(nd, p + 26) << 16;
	}
	out_fmt(nd->out, "Time slot ID = %d", GET_U8(nd, p));
	for (int i = 0; i < 12; i++)
		out_fmt(nd->out, ", %s = %d", names[i], (int)v[i]);
	ND_CHR(nd, ' ');
}

/* MLME sub-IE contents (-vvvv). */
static void wpan_mlme_ie(struct nd *nd, const uint8_t *p, uint16_t sub_len, int sub_id)
{
	switch (sub_id) {
	case 0x08:
		wpan_vendor_oui(nd, p, sub_len);
		break;
	case 0x09:
		wpan_channel_hopping(nd, p, sub_len);
		break;
	case 0x1a:
		if (sub_len < 6)
			ND_STR(nd, "[ERROR: Length != 6]");
		out_fmt(nd->out, "ASN = %010llx, Join Metric = %d ",
			(unsigned long long)((uint64_t)GET_LE32(nd, p) | (uint64_t)GET_U8(nd, p + 4) << 32),
			GET_U8(nd, p + 5));
		break;
	case 0x1b:
		wpan_slotframes(nd, p, sub_len);
		break;
	case 0x1c:
		wpan_timeslot(nd, p, sub_len);
		break;
	default:
		ND_STR(nd, "IE Data = ");
		wpan_hex(nd, p, 0, sub_len);
		break;
	}
}

static void wpan_mlme_ie_list(struct nd *nd, const uint8_t *p, uint16_t ie_len)
{
	do {
		if (ie_len < 2) {
			ND_STR(nd, "[ERROR: Truncated MLME IE]");
			return;
		}
		uint16_t ie = GET_LE16(nd, p);
		int type = BIT(ie, 15), sub_id;
		uint16_t sub_len;
		if (type) {
			sub_len = ie & 0x3ff;
			sub_id = (ie >> 11) & 0x0f;
		} else {
			sub_len = ie & 0xff;
			sub_id = (ie >> 8) & 0x7f;
		}
		p += 2;
		ND_STR(nd, "\n\t\t");
		if (type)
			nd_tok(nd, wpan_mlme_long_names, "Reserved 0x%02x", (uint32_t)sub_id);
		else if (sub_id < 0x10)
			out_fmt(nd->out, "Reserved for long format 0x%x", sub_id);
		else
			nd_tok(nd, wpan_mlme_short_names, "Reserved 0x%02x", (uint32_t)sub_id);
		out_fmt(nd->out, " [ length = %d, ", sub_len);
		if (ie_len < 2 + sub_len) {
			ND_STR(nd, "[ERROR: Truncated IE data]");
			return;
		}
		if (sub_len != 0) {
			if (nd->o->vflag > 3) {
				wpan_mlme_ie(nd, p, sub_len, sub_id);
			} else if (nd->o->vflag > 2) {
				ND_STR(nd, "IE Data = ");
				wpan_hex(nd, p, 0, sub_len);
			}
		}
		ND_STR(nd, "] ");
		p += sub_len;
		ie_len = (uint16_t)(ie_len - 2 - sub_len);
	} while (ie_len != 0);
}

/* Multiplexed IE (802.15.9). */
static void wpan_mpx_ie(struct nd *nd, const uint8_t *p, uint16_t ie_len)
{
	uint32_t start = 0;
	if (ie_len < 1) {
		ND_STR(nd, "[ERROR: Transaction control byte missing]");
		return;
	}
	uint8_t tc = GET_U8(nd, p);
	int ttype = tc & 7, tid = tc >> 3;
	switch (ttype) {
	case 0:
	case 1:
		out_fmt(nd->out, "Type = Full upper layer fragment%s, ", ttype == 1 ? " with small Multiplex ID" : "");
		if (ttype == 0) {
			if (ie_len < 3) {
				ND_STR(nd, "[ERROR: Multiplex ID missing]");
				return;
			}
			start = 3;
			out_fmt(nd->out, "tid = 0x%02x, Multiplex ID = 0x%04x, ", tid, GET_LE16(nd, p + 1));
		} else {
			start = 1;
			out_fmt(nd->out, "Multiplex ID = 0x%04x, ", tid);
		}
		break;
	case 2:
	case 4: {
		if (ie_len < 2) {
			ND_STR(nd, "[ERROR: fragment number missing]");
			return;
		}
		int frag = GET_U8(nd, p + 1);
		out_fmt(nd->out, "Type = %s, tid = 0x%02x, fragment = 0x%02x, ",
			ttype == 2 ? (frag == 0 ? "First fragment" : "Middle fragment") : "Last fragment", tid, frag);
		start = 2;
		if (frag == 0) {
			if (ie_len < 6) {
				ND_STR(nd, "[ERROR: Total upper layer size or multiplex ID missing]");
				return;
			}
			out_fmt(nd->out, "Total upper layer size = 0x%04x, Multiplex ID = 0x%04x, ", GET_LE16(nd, p + 2),
				GET_LE16(nd, p + 4));
			start = 6;
		}
		break;
	}
	case 6:
		if (ie_len == 1) {
			out_fmt(nd->out, "Type = Abort, tid = 0x%02x, no max size given", tid);
		} else if (ie_len == 3) {
			out_fmt(nd->out, "Type = Abort, tid = 0x%02x, max size = 0x%04x", tid, GET_LE16(nd, p + 1));
		} else {
			out_fmt(nd->out, "Type = Abort, tid = 0x%02x, invalid length = %d (not 1 or 3)", tid, ie_len);
			ND_STR(nd, "Abort data = ");
			wpan_hex(nd, p, 1, ie_len);
		}
		return;
	default:
		out_fmt(nd->out, "Type = %d (Reserved), tid = 0x%02x, ", ttype, tid);
		start = 1;
		break;
	}
	ND_STR(nd, "Upper layer data = ");
	wpan_hex(nd, p, start, ie_len);
}

/* The payload IE list; bytes used or -1. */
static int wpan_payload_ie_list(struct nd *nd, const uint8_t *p, uint32_t caplen)
{
	int len = 0;
	do {
		if (caplen < 2) {
			ND_STR(nd, "[ERROR: Truncated header IE]");
			return -1;
		}
		uint16_t ie = GET_LE16(nd, p);
		if (!BIT(ie, 15))
			ND_STR(nd, "[ERROR: Payload IE with type 0] ");
		uint16_t ie_len = ie & 0x3ff;
		int gid = (ie >> 11) & 0x0f;
		p += 2;
		ND_STR(nd, "\n\t");
		nd_tok(nd, wpan_pie_names, "Reserved 0x%02x", (uint32_t)gid);
		if (ie_len == 0)
			ND_STR(nd, " [");
		else
			out_fmt(nd->out, " [ length = %d, ", ie_len);
		if (caplen < 2u + ie_len) {
			ND_STR(nd, "[ERROR: Truncated IE data]");
			return -1;
		}
		if (nd->o->vflag > 3 && ie_len != 0) {
			switch (gid) {
			case 0x1:
				wpan_mlme_ie_list(nd, p, ie_len);
				break;
			case 0x2:
				wpan_vendor_oui(nd, p, ie_len);
				break;
			case 0x3:
				wpan_mpx_ie(nd, p, ie_len);
				break;
			case 0x5:
				out_fmt(nd->out, "Subtype ID = 0x%02x, Subtype content = ", GET_U8(nd, p));
				wpan_hex(nd, p, 1, ie_len);
				break;
			default:
				ND_STR(nd, "IE Data = ");
				wpan_hex(nd, p, 0, ie_len);
				break;
			}
		} else if (ie_len != 0) {
			ND_STR(nd, "IE Data = ");
			wpan_hex(nd, p, 0, ie_len);
		}
		ND_STR(nd, "]\n\t");
		len += 2 + ie_len;
		p += ie_len;
		caplen -= 2u + ie_len;
		if (gid == 0xf)
			break;
	} while (caplen > 0);
	return len;
}

/* Auxiliary security header; bytes used or -1, *level: the security level. */
static int wpan_aux_sec(struct nd *nd, const uint8_t *p, uint32_t caplen, int *level)
{
	int v = nd->o->vflag;
	if (caplen < 1) {
		ND_STR(nd, "[ERROR: Truncated before Aux Security Header]");
		return -1;
	}
	uint8_t sc = GET_U8(nd, p);
	int len = 1, kid = (sc >> 3) & 3;
	*level = sc & 7;
	caplen--;
	p++;
	if (v > 0)
		out_fmt(nd->out, "\n\tSecurity Level %d, Key Id Mode %d, ", *level, kid);
	if (!BIT(sc, 5)) {
		if (caplen < 4) {
			ND_STR(nd, "[ERROR: Truncated before Frame Counter]");
			return -1;
		}
		if (v > 1)
			out_fmt(nd->out, "Frame Counter 0x%08x ", GET_LE32(nd, p));
		p += 4;
		caplen -= 4;
		len += 4;
	}
	switch (kid) {
	case 0:
		if (v > 1)
			ND_STR(nd, "Implicit");
		return len;
	case 2:
		if (caplen < 4) {
			ND_STR(nd, "[ERROR: Truncated before Key Source]");
			return -1;
		}
		if (v > 1) /* tcpdump's format has "%0x4x" */
			out_fmt(nd->out, "KeySource 0x%04x:%x4x, ", GET_LE16(nd, p), GET_LE16(nd, p + 2));
		p += 4;
		caplen -= 4;
		len += 4;
		break;
	case 3:
		if (caplen < 8) {
			ND_STR(nd, "[ERROR: Truncated before Key Source]");
			return -1;
		}
		if (v > 1) {
			ND_STR(nd, "KeySource ");
			wpan_le64addr(nd, p);
			ND_STR(nd, ", ");
		}
		p += 4; /* sic: tcpdump skips only 4 of the 8 bytes */
		caplen -= 4;
		len += 4;
		break;
	default:
		break;
	}
	if (caplen < 1) {
		ND_STR(nd, "[ERROR: Truncated before Key Index]");
		return -1;
	}
	if (v > 1)
		out_fmt(nd->out, "KeyIndex 0x%02x, ", GET_U8(nd, p));
	return len + 1;
}

static int wpan_mic_len(int level)
{
	static const int mic[8] = {0, 4, 8, 16, 0, 4, 8, 16};
	return mic[level & 7];
}

/* MAC command payload; bytes used, 0, or -1. */
static int wpan_command_data(struct nd *nd, uint8_t id, const uint8_t *p, uint32_t caplen)
{
	switch (id) {
	case 0x01:
		if (caplen != 1) {
			ND_STR(nd, "Invalid Association request command length");
			return -1;
		} else {
			uint8_t ci = GET_U8(nd, p);
			ND_STR(nd, (ci & 0x02) ? "FFD, " : "RFD, ");
			if (ci & 0x04)
				ND_STR(nd, "AC powered, ");
			if (ci & 0x08)
				ND_STR(nd, "Receiver on when idle, ");
			if (ci & 0x10)
				ND_STR(nd, "Fast association, ");
			if (ci & 0x40)
				ND_STR(nd, "Security supported, ");
			if (ci & 0x80)
				ND_STR(nd, "Allocate address, ");
			return (int)caplen;
		}
	case 0x02:
		if (caplen != 3) {
			ND_STR(nd, "Invalid Association response command length");
			return -1;
		} else {
			static const struct tok st[] = {
				{0x00, ", Association successful"}, {0x01, ", PAN at capacity"},
				{0x02, ", PAN access denied"}, {0x03, ", Hooping sequence offset duplication"},
				{0x80, ", Fast association successful"}, {0, NULL},
			};
			ND_STR(nd, "Short address = ");
			wpan_addr(nd, p, 2);
			nd_tok(nd, st, ", Status = 0x%02x", GET_U8(nd, p + 2));
			return (int)caplen;
		}
	case 0x03:
		if (caplen != 1) {
			ND_STR(nd, "Invalid Disassociation Notification command length");
			return -1;
		}
		switch (GET_U8(nd, p)) {
		case 0x00:
			ND_STR(nd, "Reserved");
			break;
		case 0x01:
			ND_STR(nd, "Reason = The coordinator wishes the device to leave PAN");
			break;
		case 0x02:
			ND_STR(nd, "Reason = The device wishes to leave the PAN");
			break;
		default: /* sic: tcpdump prints the byte two further on */
			out_fmt(nd->out, "Reason = 0x%02x", GET_U8(nd, p + 2));
			break;
		}
		return (int)caplen;
	case 0x04:
	case 0x05:
	case 0x06:
	case 0x07:
		return 0;
	case 0x08:
		if (caplen < 7 || caplen > 8) {
			ND_STR(nd, "Invalid Coordinator Realignment command length");
			return -1;
		} else {
			out_fmt(nd->out, "Pan ID = 0x%04x, Coordinator short address = ", GET_LE16(nd, p));
			wpan_addr(nd, p + 2, 2);
			uint16_t channel = GET_U8(nd, p + 4);
			uint16_t page = caplen == 8 ? GET_U8(nd, p + 7) : 0x80;
			if (BIT(page, 7)) {
				channel = (uint16_t)(channel | (page & 0x7f) << 8);
				out_fmt(nd->out, ", Channel Number = %d", channel);
			} else {
				out_fmt(nd->out, ", Channel Number = %d, page = %d", channel, page);
			}
			ND_STR(nd, ", Short address = ");
			wpan_addr(nd, p + 5, 2);
			return (int)caplen;
		}
	case 0x09:
		if (caplen != 1) {
			ND_STR(nd, "Invalid GTS Request command length");
			return -1;
		} else {
			uint8_t gts = GET_U8(nd, p);
			out_fmt(nd->out, "GTS Length = %d, %s, %s", gts & 0xf,
				BIT(gts, 4) ? "Receive-only GTS" : "Transmit-only GTS",
				BIT(gts, 5) ? "GTS allocation" : "GTS deallocations");
			return (int)caplen;
		}
	default:
		ND_STR(nd, "Command Data = ");
		wpan_hex(nd, p, 0, caplen);
		return 0;
	}
}

/* Which FCS (if any) ends the frame: *caplen shrinks by its size. */
static void wpan_fcs(struct nd *nd, const uint8_t *p, uint32_t *caplen, int try32, uint32_t *fcs, uint32_t *crc)
{
	uint32_t n = *caplen;
	*fcs = 0;
	*crc = 0;
	if (try32) {
		*fcs = GET_LE32(nd, p + n - 4); /* checks that all n bytes are captured */
		*crc = wpan_crc32(p, n - 4);
		if (*crc == *fcs) {
			*caplen = n - 4;
			return;
		}
	}
	*fcs = GET_LE16(nd, p + n - 2);
	*crc = wpan_crc16(p, n - 2);
	if (*crc == *fcs)
		*caplen = n - 2;
}

/* The parts shared by standard and multipurpose frames after the addresses:
 * security header, MIC, IEs, MIC and FCS printing.  0 on error. */
static int wpan_tail(struct nd *nd, const uint8_t **pp, uint32_t *caplenp, int secure, int ie_present,
		     uint32_t fcs, uint32_t crc)
{
	const uint8_t *p = *pp, *mic = NULL;
	uint32_t caplen = *caplenp;
	int level = 0, len, pie = 0;
	if (secure) {
		len = wpan_aux_sec(nd, p, caplen, &level);
		if (len < 0)
			return 0;
		nd_need(nd, p, (size_t)len);
		p += len;
		caplen -= (uint32_t)len;
	}
	int miclen = wpan_mic_len(level);
	if (miclen > 0) {
		if (caplen < (uint32_t)miclen) {
			ND_STR(nd, "[ERROR: Truncated before MIC]");
			return 0;
		}
		caplen -= (uint32_t)miclen;
		mic = p + caplen;
	}
	if (ie_present) {
		len = wpan_header_ie_list(nd, p, caplen, &pie);
		if (len < 0)
			return 0;
		p += len;
		caplen -= (uint32_t)len;
	}
	if (pie) {
		if (level >= 4) {
			ND_STR(nd, "Payload IEs present, but encrypted, cannot print ");
		} else {
			len = wpan_payload_ie_list(nd, p, caplen);
			if (len < 0)
				return 0;
			p += len;
			caplen -= (uint32_t)len;
		}
	}
	if (nd->o->vflag > 2 && miclen != 0) {
		ND_STR(nd, "\n\tMIC ");
		for (int i = 0; i < miclen; i++)
			out_fmt(nd->out, "%02x", GET_U8(nd, mic + i));
		ND_CHR(nd, ' ');
	}
	if (nd->o->vflag > 2) {
		if (crc == fcs)
			out_fmt(nd->out, "FCS %x ", fcs);
		else
			out_fmt(nd->out, "wrong FCS %x vs %x (assume no FCS stored) ", fcs, crc);
	}
	*pp = p;
	*caplenp = caplen;
	return 1;
}

/* "pan:addr" or "-:addr" of one end; 0 (after an error message) when short. */
static int wpan_end(struct nd *nd, const uint8_t **pp, uint32_t *caplen, int pan, int alen)
{
	const uint8_t *p = *pp;
	if (pan) {
		if (*caplen < 2) {
			ND_STR(nd, "[ERROR: Truncated before dst_pan]");
			return 0;
		}
		out_fmt(nd->out, "%04x:", GET_LE16(nd, p));
		p += 2;
		*caplen -= 2;
	} else {
		ND_STR(nd, "-:");
	}
	if (*caplen < (uint32_t)alen) {
		ND_STR(nd, "[ERROR: Truncated before dst_addr]");
		return 0;
	}
	wpan_addr(nd, p, alen);
	*pp = p + alen;
	*caplen -= (uint32_t)alen;
	return 1;
}

/* Step over the frame control and sequence number: tcpdump prints the
 * truncation marker (without stopping the packet) when the FCS took them. */
static int wpan_skip(struct nd *nd, const uint8_t **p, uint32_t *caplen, uint32_t n)
{
	if (*caplen < n) {
		nd_print_trunc(nd);
		return 0;
	}
	*p += n;
	*caplen -= n;
	return 1;
}

/* Which PAN IDs are present (802.15.4-2015 table 7-2 and the older rules). */
static void wpan_pan_ids(struct nd *nd, int version, int comp, int dlen, int slen, int *dpan, int *span)
{
	*dpan = 1;
	*span = !comp;
	if (version < 2 && comp && (dlen <= 0 || slen <= 0))
		ND_STR(nd, "[ERROR: PAN ID Compression != 0, and only one address with frame version < 2]");
	if (dlen <= 0)
		*dpan = 0;
	if (slen <= 0)
		*span = 0;
	if (version < 2)
		return;
	if (comp) {
		if (slen == 0 && dlen == 0) {
			*dpan = 1;
		} else if ((slen == 0) != (dlen == 0) || (slen == 8 && dlen == 8)) {
			*dpan = 0;
			*span = 0;
		}
	} else {
		if (slen == 8 && dlen == 8) {
			*dpan = 1;
			*span = 0;
		}
		if (slen == 8 && dlen == 2) /* tcpdump's BROKEN_6TISCH_PAN_ID_COMPRESSION */
			*span = 0;
	}
}

/* The 2003/2006 beacon payload: superframe, GTS, pending addresses.  0 after
 * an error message (tcpdump then skips the hex dump of the rest). */
static int wpan_beacon(struct nd *nd, const uint8_t **pp, uint32_t *caplenp)
{
	const uint8_t *p = *pp;
	uint32_t caplen = *caplenp;
	int len;
	if (caplen < 2) {
		ND_STR(nd, "[ERROR: Truncated before beacon information]");
		return 0;
	}
	wpan_superframe(nd, GET_LE16(nd, p));
	p += 2;
	caplen -= 2;
	if (caplen < 1) {
		ND_STR(nd, "[ERROR: Truncated before GTS info]");
		return 0;
	}
	len = wpan_gts_info(nd, p, caplen);
	if (len < 0)
		return 0;
	p += len;
	caplen -= (uint32_t)len;
	if (caplen < 1) {
		ND_STR(nd, "[ERROR: Truncated before pending addresses]");
		return 0;
	}
	len = wpan_pending(nd, p, caplen);
	if (len < 0)
		return 0;
	nd_need(nd, p, (size_t)len);
	*pp = p + len;
	*caplenp = caplen - (uint32_t)len;
	return 1;
}

/* Beacon, data, ACK and command frames. */
static uint32_t wpan_std_frame(struct nd *nd, const uint8_t *p, uint32_t caplen, uint16_t fc)
{
	uint32_t fcs = 0, crc = 0;
	if (caplen >= 4)
		wpan_fcs(nd, p, &caplen, 1, &fcs, &crc);
	int version = (fc >> 12) & 3, type = fc & 7, v = nd->o->vflag;
	out_fmt(nd->out, "v%d ", version);
	if (v > 2) {
		if (BIT(fc, 3))
			ND_STR(nd, "Security Enabled, ");
		if (BIT(fc, 4))
			ND_STR(nd, "Frame Pending, ");
		if (BIT(fc, 5))
			ND_STR(nd, "AR, ");
		if (BIT(fc, 6))
			ND_STR(nd, "PAN ID Compression, ");
		if (BIT(fc, 8))
			ND_STR(nd, "Sequence Number Suppression, ");
		if (BIT(fc, 9))
			ND_STR(nd, "IE present, ");
	}
	if (BIT(fc, 8)) {
		if (version < 2)
			ND_STR(nd, "[ERROR: Sequence number suppressed on frames where version < 2]");
		if (v)
			ND_STR(nd, "seq suppressed ");
		if (!wpan_skip(nd, &p, &caplen, 2))
			return 0;
	} else {
		uint8_t seq = GET_U8(nd, p + 2);
		if (v)
			out_fmt(nd->out, "seq %02x ", seq);
		if (!wpan_skip(nd, &p, &caplen, 3))
			return 0;
	}
	int dlen = wpan_addr_len(fc >> 10), slen = wpan_addr_len(fc >> 14);
	if (slen < 0) {
		ND_STR(nd, "[ERROR: Invalid src address mode]");
		return 0;
	}
	if (dlen < 0) {
		ND_STR(nd, "[ERROR: Invalid dst address mode]");
		return 0;
	}
	int dpan, span;
	wpan_pan_ids(nd, version, BIT(fc, 6), dlen, slen, &dpan, &span);
	if (!wpan_end(nd, &p, &caplen, dpan, dlen))
		return 0;
	ND_STR(nd, " < ");
	if (!wpan_end(nd, &p, &caplen, span, slen))
		return 0;
	ND_CHR(nd, ' ');
	if (!wpan_tail(nd, &p, &caplen, BIT(fc, 3), BIT(fc, 9), fcs, crc))
		return 0;
	switch (type) {
	case 0:
		if (version < 2 && !wpan_beacon(nd, &p, &caplen))
			return 1;
		break;
	case 3:
		if (caplen < 1) {
			ND_STR(nd, "[ERROR: Truncated before Command ID]");
		} else {
			uint8_t id = GET_U8(nd, p);
			ND_STR(nd, "Command ID = ");
			if (id >= 0x30)
				out_fmt(nd->out, "Reserved 0x%02x", id);
			else
				nd_tok(nd, wpan_cmd_names, "Reserved 0x%02x", id);
			ND_CHR(nd, ' ');
			p++;
			caplen--;
			if (caplen != 0) {
				int len = wpan_command_data(nd, id, p, caplen);
				if (len >= 0) {
					p += len;
					caplen -= (uint32_t)len;
				}
			}
		}
		break;
	default:
		break;
	}
	if (!nd_default_print_suppressed(nd))
		nd_default_print(nd, p, caplen);
	return 1;
}

/* Multipurpose frames (short or long frame control). */
static uint32_t wpan_mp_frame(struct nd *nd, const uint8_t *p, uint32_t caplen, uint16_t fc)
{
	uint32_t fcs = 0, crc = 0;
	int pan_present = 0, ie_present = 0, secure = 0, v = nd->o->vflag;
	if (caplen >= 3)
		wpan_fcs(nd, p, &caplen, caplen > 4, &fcs, &crc);
	if (BIT(fc, 3)) {
		out_fmt(nd->out, "v%d ", (fc >> 12) & 3);
		pan_present = BIT(fc, 8);
		ie_present = BIT(fc, 15);
		secure = BIT(fc, 9);
		if (v > 2) {
			if (secure)
				ND_STR(nd, "Security Enabled, ");
			if (BIT(fc, 11))
				ND_STR(nd, "Frame Pending, ");
			if (BIT(fc, 14))
				ND_STR(nd, "AR, ");
			if (pan_present)
				ND_STR(nd, "PAN ID Present, ");
			if (BIT(fc, 10))
				ND_STR(nd, "Sequence Number Suppression, ");
			if (ie_present)
				ND_STR(nd, "IE present, ");
		}
		if (BIT(fc, 10)) {
			if (!wpan_skip(nd, &p, &caplen, 2))
				return 0;
		} else {
			uint8_t seq = GET_U8(nd, p + 2);
			if (v)
				out_fmt(nd->out, "seq %02x ", seq);
			if (!wpan_skip(nd, &p, &caplen, 3))
				return 0;
		}
	} else {
		uint8_t seq = GET_U8(nd, p + 1);
		p += 2;
		caplen -= 2;
		if (v)
			out_fmt(nd->out, "seq %02x ", seq);
	}
	int dlen = wpan_addr_len(fc >> 4), slen = wpan_addr_len(fc >> 6);
	if (slen < 0) {
		ND_STR(nd, "[ERROR: Invalid src address mode]");
		return 0;
	}
	if (dlen < 0) {
		ND_STR(nd, "[ERROR: Invalid dst address mode]");
		return 0;
	}
	if (!wpan_end(nd, &p, &caplen, pan_present, dlen))
		return 0;
	ND_STR(nd, " <  ");
	if (!wpan_end(nd, &p, &caplen, 0, slen))
		return 0;
	ND_CHR(nd, ' ');
	if (!wpan_tail(nd, &p, &caplen, secure, ie_present, fcs, crc))
		return 0;
	if (!nd_default_print_suppressed(nd))
		nd_default_print(nd, p, caplen);
	return 1;
}

/* One 802.15.4 frame of caplen bytes; tcpdump's return value (1 printed, 0 error). */
uint32_t wpan_frame_print(struct nd *nd, const uint8_t *p, uint32_t caplen)
{
	nd->protocol = "802.15.4";
	if (caplen < 2) {
		nd_print_trunc(nd);
		return caplen;
	}
	uint16_t fc = GET_LE16(nd, p);
	out_fmt(nd->out, "IEEE 802.15.4 %s packet ", wpan_ftypes[fc & 7]);
	switch (fc & 7) {
	case 0:
	case 1:
	case 2:
	case 3:
		return wpan_std_frame(nd, p, caplen, fc);
	case 5:
		return wpan_mp_frame(nd, p, caplen, fc);
	default: /* reserved, fragment and extended frames are not decoded */
		return 0;
	}
}

/* DLT_IEEE802_15_4 and DLT_IEEE802_15_4_NOFCS (the FCS is recognised by its value). */
void ieee802_15_4_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	(void)len;
	nd->protocol = "802.15.4_if";
	nd->ll_hdr_len = wpan_frame_print(nd, p, caplen);
}

/* DLT_IEEE802_15_4_TAP: version (1), reserved (1), header length (2, LE), TLVs. */
void ieee802_15_4_tap_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	(void)len;
	nd->protocol = "802.15.4_tap";
	if (caplen < 4) {
		nd_print_trunc(nd);
		nd->ll_hdr_len = caplen;
		return;
	}
	uint8_t version = GET_U8(nd, p);
	uint16_t hlen = GET_LE16(nd, p + 2);
	if (version != 0 || hlen < 4) {
		nd_print_invalid(nd);
		return;
	}
	if (caplen < hlen) {
		nd_print_trunc(nd);
		nd->ll_hdr_len = caplen;
		return;
	}
	nd->ll_hdr_len = wpan_frame_print(nd, p + hlen, caplen - hlen) + hlen;
}

/* ZEP's NTP time stamp as tcpdump 4.99's ZEP printer shows it: the fraction
 * computed in single precision, the date in local time, "YYYY/MM/DD HH:MM:SS". */
static void zep_time(struct nd *nd, const uint8_t *p)
{
	uint32_t i = GET_BE32(nd, p), uf = GET_BE32(nd, p + 4);
	float ff = (float)uf;
	ff = (float)(ff / 4294967296.0);
	uint32_t f = (uint32_t)(ff * 1000000000.0);
	out_fmt(nd->out, "%u.%09d", i, (int)f);
	if (!i)
		return;
	time_t secs = (time_t)(uint32_t)(i - 2208988800u);
	struct tm tm;
	char buf[64];
	if (localtime_r(&secs, &tm) && strftime(buf, sizeof buf, "%Y/%m/%d %H:%M:%S", &tm))
		out_fmt(nd->out, " (%s)", buf);
	else
		ND_STR(nd, " ([Time is out of range])");
}

/* tcpdump's ND_ICHECK_U: " [len N < MIN] (invalid)" when the datagram is too short. */
static int zep_short(struct nd *nd, uint32_t len, uint32_t min)
{
	if (len >= min)
		return 0;
	out_fmt(nd->out, " [len %u < %u]", len, min);
	nd_print_invalid(nd);
	return 1;
}

/*
 * ZEP, UDP port 17754: "EX", version, then
 *   v1: channel (1), device (2), CRC/LQI mode (1), LQI (1), reserved (7), length (1)
 *   v2: type (1); ack (2): sequence (4); data: channel (1), device (2),
 *       CRC/LQI mode (1), LQI (1), NTP time (8), sequence (4), reserved (10), length (1)
 * and the 802.15.4 frame.
 */
void zep_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint8_t inner;
	nd->protocol = "zep";
	ND_STR(nd, "ZEP");
	if (GET_U8(nd, p) != 'E' || GET_U8(nd, p + 1) != 'X') {
		ND_STR(nd, " [Preamble Code: ");
		nd_putc_esc(nd, GET_U8(nd, p));
		nd_putc_esc(nd, GET_U8(nd, p + 1));
		ND_CHR(nd, ']');
		nd_print_invalid(nd);
		return;
	}
	uint8_t version = GET_U8(nd, p + 2);
	out_fmt(nd->out, "v%u ", version);
	if (version == 1) {
		if (zep_short(nd, len, 16))
			return;
		out_fmt(nd->out, "Channel ID %u, Device ID 0x%04x, ", GET_U8(nd, p + 3), GET_BE16(nd, p + 4));
		if (GET_U8(nd, p + 6))
			ND_STR(nd, "CRC, ");
		else
			out_fmt(nd->out, "LQI %u, ", GET_U8(nd, p + 7));
		inner = GET_U8(nd, p + 15);
		out_fmt(nd->out, "inner len = %u", inner);
		p += 16;
		len -= 16;
	} else if (GET_U8(nd, p + 3) == 2) {
		if (zep_short(nd, len, 8))
			return;
		out_fmt(nd->out, "ACK, seq# = %u", GET_BE32(nd, p + 4));
		inner = 0;
		p += 8;
		len -= 8;
	} else {
		if (zep_short(nd, len, 32))
			return;
		out_fmt(nd->out, "Type %u, Channel ID %u, Device ID 0x%04x, ", GET_U8(nd, p + 3), GET_U8(nd, p + 4),
			GET_BE16(nd, p + 5));
		if (GET_U8(nd, p + 7))
			ND_STR(nd, "CRC, ");
		else
			out_fmt(nd->out, "LQI %u, ", GET_U8(nd, p + 8));
		zep_time(nd, p + 9);
		uint32_t seq = GET_BE32(nd, p + 17);
		inner = GET_U8(nd, p + 31);
		out_fmt(nd->out, ", seq# = %u, inner len = %u", seq, inner);
		p += 32;
		len -= 32;
	}
	if (inner != 0) {
		ND_STR(nd, "\n\t");
		if (wpan_frame_print(nd, p, inner)) {
			nd_need(nd, p, len);
			p += len;
			len = 0;
		}
	}
	if (!nd_default_print_suppressed(nd))
		nd_default_print(nd, p, len);
}
