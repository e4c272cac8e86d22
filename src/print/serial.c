/*
 * serial.c - SLIP (RFC 1055) with Van Jacobson TCP/IP header compression
 * (RFC 1144), Linux USB (usbmon) and Bluetooth H4 captures, printed as
 * tcpdump 4.99 does.
 *
 *   BPF SLIP header (16 bytes): direction(1: 0 in, 1 out)
 *                               link header(15: the first bytes of the
 *                               compressed header as it crossed the line)
 *   then the (uncompressed) IP packet.
 *
 *   VJ compressed header: change mask(1: C I P S A W U) [connection(1)]
 *                         TCP checksum(2) [urgent] [window] [ack] [seq] [ip id]
 *   each delta is one byte, or 0 and two bytes.
 *
 *   usbmon header (48 bytes, 64 when memory-mapped):
 *     id(8) event(1: 'S' 'C' 'E') transfer(1) endpoint(1) device(1)
 *     bus(2, host order) setup flag(1) data flag(1) ...
 *
 *   Bluetooth H4 with pseudo-header: direction(4, big-endian, bit 0: in)
 *   then the HCI packet, shown as hex.
 */
#include <string.h>

#include "nd.h"
#include "serial.h"

#define SLIP_HDRLEN 16
#define SLX_DIR 0
#define SLX_CHDR 1
#define SLX_IP_PROTO (SLX_CHDR + 9) /* the connection number of an uncompressed TCP frame */

/* The type in the top bits of the link header's first byte. */
#define SL_TYPE_IP 0x40
#define SL_TYPE_UNCOMPRESSED_TCP 0x70
#define SL_TYPE_COMPRESSED_TCP 0x80

/* The VJ change mask. */
#define VJ_NEW_C 0x40
#define VJ_NEW_I 0x20
#define VJ_NEW_S 0x08
#define VJ_NEW_A 0x04
#define VJ_NEW_W 0x02
#define VJ_NEW_U 0x01
#define VJ_SPECIALS 0x0f
#define VJ_SPECIAL_I (VJ_NEW_S | VJ_NEW_W | VJ_NEW_U) /* echoed interactive traffic */
#define VJ_SPECIAL_D (VJ_NEW_S | VJ_NEW_A | VJ_NEW_W | VJ_NEW_U) /* unidirectional data */

/*
 * tcpdump remembers, per direction and connection, the payload length of the
 * last TCP segment it saw: a "special" compressed header advances the
 * sequence number by that much, and the printer shows it.  The state lives as
 * long as the process, as in tcpdump.
 */
static uint32_t vj_lastlen[2][256];
static unsigned vj_lastconn = 255;

/* The payload length of the TCP/IP packet at ip: length less both headers. */
static uint32_t vj_payload_len(struct nd *nd, const uint8_t *ip, uint32_t length)
{
	nd_need(nd, ip, 20);
	unsigned hlen = GET_U8(nd, ip) & 0x0f;
	const uint8_t *th = ip + 4 * hlen;
	nd_need(nd, th, 20);
	hlen += GET_U8(nd, th + 12) >> 4;
	return length - (hlen << 2);
}

/* A delta: one byte, or 0 then two bytes.  tcpdump moves on only in the
 * second case (a one-byte delta leaves the pointer where it was). */
static const uint8_t *vj_change(struct nd *nd, const char *label, const uint8_t *cp)
{
	unsigned v = GET_U8(nd, cp);
	if (v == 0) {
		v = GET_BE16(nd, cp + 1);
		cp += 3;
	}
	out_fmt(nd->out, " %s%u", label, v);
	return cp;
}

static const uint8_t *vj_winchange(struct nd *nd, const uint8_t *cp)
{
	int v = GET_U8(nd, cp);
	if (v == 0) {
		v = (int16_t)GET_BE16(nd, cp + 1);
		cp += 3;
	}
	out_fmt(nd->out, v >= 0 ? " W+%d" : " W%d", v);
	return cp;
}

static void vj_compressed_print(struct nd *nd, const uint8_t *chdr, const uint8_t *ip, uint32_t length, int dir)
{
	const uint8_t *cp = chdr;
	unsigned flags = GET_U8(nd, cp++);
	if (flags & VJ_NEW_C) {
		vj_lastconn = GET_U8(nd, cp++);
		out_fmt(nd->out, "ctcp %u", vj_lastconn);
	} else {
		ND_STR(nd, "ctcp *");
	}
	cp += 2; /* the TCP checksum */
	switch (flags & VJ_SPECIALS) {
	case VJ_SPECIAL_I:
		out_fmt(nd->out, " *SA+%u", vj_lastlen[dir][vj_lastconn]);
		break;
	case VJ_SPECIAL_D:
		out_fmt(nd->out, " *S+%u", vj_lastlen[dir][vj_lastconn]);
		break;
	default:
		if (flags & VJ_NEW_U)
			cp = vj_change(nd, "U=", cp);
		if (flags & VJ_NEW_W)
			cp = vj_winchange(nd, cp);
		if (flags & VJ_NEW_A)
			cp = vj_change(nd, "A+", cp);
		if (flags & VJ_NEW_S)
			cp = vj_change(nd, "S+", cp);
		break;
	}
	if (flags & VJ_NEW_I)
		cp = vj_change(nd, "I+", cp);
	vj_lastlen[dir][vj_lastconn] = vj_payload_len(nd, ip, length);
	out_fmt(nd->out, " %u (%ld)", vj_lastlen[dir][vj_lastconn], (long)(cp - chdr));
}

/* -e: direction and what the link header says the frame was on the line. */
static void sliplink_print(struct nd *nd, const uint8_t *p, const uint8_t *ip, uint32_t length)
{
	int dir = GET_U8(nd, p + SLX_DIR);
	if (dir == 0) {
		ND_STR(nd, "I ");
	} else if (dir == 1) {
		ND_STR(nd, "O ");
	} else {
		out_fmt(nd->out, "Invalid direction %d ", dir);
		dir = -1;
	}
	uint8_t type = GET_U8(nd, p + SLX_CHDR);
	switch (type & 0xf0) {
	case SL_TYPE_IP:
		out_fmt(nd->out, "ip %u: ", length + SLIP_HDRLEN);
		break;
	case SL_TYPE_UNCOMPRESSED_TCP:
		vj_lastconn = GET_U8(nd, p + SLX_IP_PROTO);
		out_fmt(nd->out, "utcp %u: ", vj_lastconn);
		if (dir < 0)
			return;
		vj_lastlen[dir][vj_lastconn] = vj_payload_len(nd, ip, length);
		break;
	default:
		if (dir < 0)
			return;
		if (type & SL_TYPE_COMPRESSED_TCP) {
			vj_compressed_print(nd, p + SLX_CHDR, ip, length, dir);
			ND_STR(nd, ": ");
		} else {
			out_fmt(nd->out, "slip-%u!: ", type);
		}
		break;
	}
}

void sl_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	(void)caplen;
	nd->protocol = "slip";
	nd_need(nd, p, SLIP_HDRLEN);
	nd->ll_hdr_len = SLIP_HDRLEN;
	const uint8_t *ip = p + SLIP_HDRLEN;
	uint32_t length = len - SLIP_HDRLEN;
	if (nd->o->eflag)
		sliplink_print(nd, p, ip, length);
	unsigned v = GET_U8(nd, ip) >> 4;
	if (v == 4)
		ip_print(nd, ip, length);
	else if (v == 6)
		ip6_print(nd, ip, length);
	else
		out_fmt(nd->out, "ip v%u", v);
}

void sl_bsdos_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	(void)caplen;
	nd->protocol = "slip_bsdos";
	nd_need(nd, p, SLIP_HDRLEN);
	nd->ll_hdr_len = SLIP_HDRLEN;
	ip_print(nd, p + SLIP_HDRLEN, len - SLIP_HDRLEN);
}

/* ---- Linux usbmon ---- */

#define USB_HDRLEN_48 48
#define USB_HDRLEN_64 64

enum { URB_ISOCHRONOUS, URB_INTERRUPT, URB_CONTROL, URB_BULK };

static const struct tok usb_transfer_names[] = {
	{URB_ISOCHRONOUS, "ISOCHRONOUS"}, {URB_INTERRUPT, "INTERRUPT"}, {URB_CONTROL, "CONTROL"},
	{URB_BULK, "BULK"}, {0, NULL}};
static const struct tok usb_event_names[] = {
	{'S', " SUBMIT"}, {'C', " COMPLETE"}, {'E', " ERROR"}, {0, NULL}};

/* " from" (device to host), " to", or nothing for an unknown combination. */
static const char *usb_direction(unsigned transfer, unsigned event)
{
	int submit = event == 'S', done = event == 'C' || event == 'E';
	if (!submit && !done)
		return "";
	if (transfer == URB_INTERRUPT)
		return submit ? " from" : " to";
	if (transfer <= URB_BULK)
		return submit ? " to" : " from";
	return "";
}

static void usb_header_print(struct nd *nd, const uint8_t *p)
{
	nd->protocol = "usb";
	ND_STR(nd, "USB");
	if (nd->o->qflag)
		return;
	ND_CHR(nd, ' ');
	unsigned transfer = GET_U8(nd, p + 9);
	const char *s = tok_find(usb_transfer_names, transfer);
	ND_STR(nd, s ? s : " ?");
	unsigned event = GET_U8(nd, p + 8);
	s = tok_find(usb_event_names, event);
	ND_STR(nd, s ? s : " ?");
	ND_STR(nd, usb_direction(transfer, event));
	/* the bus number is in the capturing host's byte order; libpcap has
	 * already put it in ours when the file came from another one */
	uint16_t bus;
	GET_CPY(nd, &bus, p + 12, sizeof bus);
	out_fmt(nd->out, " %u:%u:%u", bus, GET_U8(nd, p + 11), GET_U8(nd, p + 10) & 0x7f);
}

static void usb_if_print(struct nd *nd, const char *proto, uint32_t hdrlen, const uint8_t *p)
{
	nd->protocol = proto;
	nd_need(nd, p, hdrlen);
	nd->ll_hdr_len = hdrlen;
	usb_header_print(nd, p);
}

void usb_linux_48_byte_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	(void)caplen;
	(void)len;
	usb_if_print(nd, "usb_linux_48_byte", USB_HDRLEN_48, p);
}

void usb_linux_64_byte_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	(void)caplen;
	(void)len;
	usb_if_print(nd, "usb_linux_64_byte", USB_HDRLEN_64, p);
}

/* ---- Bluetooth HCI H4 with the direction pseudo-header ---- */

#define BT_HDRLEN 4

void bt_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "bluetooth";
	ND_STR(nd, "bluetooth");
	nd_need(nd, p, BT_HDRLEN);
	nd->ll_hdr_len = BT_HDRLEN;
	if (nd->o->eflag)
		out_fmt(nd->out, ", hci length %u, direction %s", len - BT_HDRLEN,
			GET_BE32(nd, p) & 1 ? "in" : "out");
	if (!nd_default_print_suppressed(nd))
		nd_default_print(nd, p + BT_HDRLEN, caplen - BT_HDRLEN);
}
