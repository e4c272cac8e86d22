/*
 * ntp.c - NTP (RFC 5905) time messages and mode 6 control messages, UDP
 * port 123, as tcpdump 4.99 prints them.
 *
 *   LI(2) VN(3) Mode(3) | stratum | poll | precision | root delay(4)
 *   root dispersion(4) | reference id(4) | reference, originate, receive,
 *   transmit time stamps (8 each) | [key id(4) [digest(16 or 20)]]
 *
 *   control (mode 6): LI VN Mode | R E M OpCode | sequence(2) status(2)
 *   association(2) offset(2) count(2) | data
 *
 * Time stamps are seconds since 1900 with a 32-bit binary fraction, printed
 * with nine decimals and, when non-zero, the UTC date.
 */
#include <time.h>

#include "nd.h"

#define NTP_TIMEMSG_MINLEN 48u
#define NTP_CTRLMSG_MINLEN 12u
#define JAN_1970 2208988800u

static const struct tok ntp_modes[] = {
	{0, "unspecified"}, {1, "symmetric active"}, {2, "symmetric passive"}, {3, "Client"},
	{4, "Server"}, {5, "Broadcast"}, {6, "Control Message"}, {7, "Reserved"}, {0, NULL},
};

static const struct tok ntp_leap[] = {
	{0x00, ""}, {0x40, "+1s"}, {0x80, "-1s"}, {0xc0, "clock unsynchronized"}, {0, NULL},
};

/* The fraction of a 32.32 fixed-point number in parts per billion. */
static uint32_t ntp_frac_ppb(uint32_t f)
{
	double ff = (double)f / 4294967296.0;
	return (uint32_t)(ff * 1000000000.0);
}

static void ntp_time(struct nd *nd, const uint8_t *p)
{
	uint32_t i = GET_BE32(nd, p), f = GET_BE32(nd, p + 4);
	out_fmt(nd->out, "%u.%09u", i, ntp_frac_ppb(f));
	if (i) {
		time_t secs = (time_t)((int64_t)i - JAN_1970);
		struct tm tm;
		char buf[64];
		if (gmtime_r(&secs, &tm) && strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm))
			out_fmt(nd->out, " (%s)", buf);
		else
			ND_STR(nd, " ([Time is out of range])");
	}
}

/* The difference of two time stamps, signed. */
static void ntp_delta(struct nd *nd, const uint8_t *olfp, const uint8_t *lfp)
{
	uint32_t u = GET_BE32(nd, lfp), uf = GET_BE32(nd, lfp + 4);
	uint32_t ou = GET_BE32(nd, olfp), ouf = GET_BE32(nd, olfp + 4);
	uint32_t i, f;
	int neg;
	if (ou == 0 && ouf == 0) {
		ntp_time(nd, lfp);
		return;
	}
	if (u > ou) {
		neg = 0;
		i = u - ou;
		f = uf - ouf;
		if (ouf > uf)
			i--;
	} else if (u < ou) {
		neg = 1;
		i = ou - u;
		f = ouf - uf;
		if (uf > ouf)
			i--;
	} else {
		i = 0;
		neg = !(uf > ouf);
		f = neg ? ouf - uf : uf - ouf;
	}
	out_fmt(nd->out, "%s%u.%09u", neg ? "-" : "+", i, ntp_frac_ppb(f));
}

/* 16.16 fixed point as seconds with six decimals. */
static void ntp_sfix(struct nd *nd, const uint8_t *p)
{
	int i = GET_BE16(nd, p);
	double ff = GET_BE16(nd, p + 2) / 65536.0;
	out_fmt(nd->out, "%d.%06d", i, (int)(ff * 1000000.0));
}

static void ntp_time_msg(struct nd *nd, const uint8_t *p, uint32_t length)
{
	if (length < NTP_TIMEMSG_MINLEN) {
		nd_print_invalid(nd);
		nd_need(nd, p, length);
		return;
	}
	uint8_t stratum = GET_U8(nd, p + 1);
	const char *sn = stratum == 0 ? "unspecified"
		       : stratum == 1 ? "primary reference"
		       : stratum <= 15 ? "secondary reference"
				       : "reserved";
	out_fmt(nd->out, ", Stratum %u (%s)", stratum, sn);
	int poll = (int8_t)GET_U8(nd, p + 2);
	out_fmt(nd->out, ", poll %d", poll);
	if (poll > -32 && poll < 32) {
		if (poll >= 0)
			out_fmt(nd->out, " (%us)", 1u << poll);
		else
			out_fmt(nd->out, " (1/%us)", 1u << -poll);
	}
	out_fmt(nd->out, ", precision %d", (int8_t)GET_U8(nd, p + 3));
	nd_need(nd, p + 4, 4);
	ND_STR(nd, "\n\tRoot Delay: ");
	ntp_sfix(nd, p + 4);
	nd_need(nd, p + 8, 4);
	ND_STR(nd, ", Root dispersion: ");
	ntp_sfix(nd, p + 8);
	nd_need(nd, p + 12, 4);
	ND_STR(nd, ", Reference-ID: ");
	switch (stratum) {
	case 0:
		ND_STR(nd, "(unspec)");
		break;
	case 1:
		nd_printjn(nd, p + 12, 4);
		break;
	case 62:
	case 63:
		nd_ipaddr(nd, p + 12);
		ND_STR(nd, stratum == 62 ? " INFO_QUERY" : " INFO_REPLY");
		return;
	default:
		out_fmt(nd->out, "0x%08x", GET_BE32(nd, p + 12));
		break;
	}
	static const char *const labels[] = {
		"\n\t  Reference Timestamp:  ", "\n\t  Originator Timestamp: ",
		"\n\t  Receive Timestamp:    ", "\n\t  Transmit Timestamp:   ",
	};
	for (unsigned k = 0; k < 4; k++) {
		nd_need(nd, p + 16 + 8 * k, 8);
		ND_STR(nd, labels[k]);
		ntp_time(nd, p + 16 + 8 * k);
	}
	ND_STR(nd, "\n\t    Originator - Receive Timestamp:  ");
	ntp_delta(nd, p + 24, p + 32);
	ND_STR(nd, "\n\t    Originator - Transmit Timestamp: ");
	ntp_delta(nd, p + 24, p + 40);
	const uint8_t *k = p + 48;
	if (length == NTP_TIMEMSG_MINLEN + 4) {
		out_fmt(nd->out, "\n\tKey id: %u", GET_BE32(nd, k));
	} else if (length == NTP_TIMEMSG_MINLEN + 4 + 16 || length == NTP_TIMEMSG_MINLEN + 4 + 20) {
		unsigned words = (length - NTP_TIMEMSG_MINLEN - 4) / 4;
		out_fmt(nd->out, "\n\tKey id: %u", GET_BE32(nd, k));
		nd_need(nd, k + 4, words * 4);
		ND_STR(nd, "\n\tAuthentication: ");
		for (unsigned w = 0; w < words; w++)
			out_fmt(nd->out, "%08x", GET_BE32(nd, k + 4 + 4 * w));
	} else if (length > NTP_TIMEMSG_MINLEN) {
		out_fmt(nd->out, "\n\t(%u more bytes after the header)", length - NTP_TIMEMSG_MINLEN);
	}
}

static void ntp_control_msg(struct nd *nd, const uint8_t *p, uint32_t length)
{
	if (length < NTP_CTRLMSG_MINLEN)
		goto invalid;
	uint8_t c = GET_U8(nd, p + 1);
	out_fmt(nd->out, ", %s, %s, %s, OpCode=%u\n", (c & 0x80) ? "Response" : "Request",
		(c & 0x40) ? "Error" : "OK", (c & 0x20) ? "More" : "Last", c & 0x1f);
	out_fmt(nd->out, "\tSequence=%u", GET_BE16(nd, p + 2));
	uint16_t status = GET_BE16(nd, p + 4);
	if (status)
		out_fmt(nd->out, ", Status=0x%x", status);
	else
		ND_STR(nd, ", Status=0");
	out_fmt(nd->out, ", Assoc.=%u", GET_BE16(nd, p + 6));
	out_fmt(nd->out, ", Offset=%u", GET_BE16(nd, p + 8));
	uint16_t count = GET_BE16(nd, p + 10);
	out_fmt(nd->out, ", Count=%u", count);
	if (NTP_CTRLMSG_MINLEN + count > length)
		goto invalid;
	if (count) {
		nd_need(nd, p + 12, count);
		ND_STR(nd, "\n\tTO-BE-DONE: data not interpreted");
	}
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, p, length);
}

void ntp_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "ntp";
	uint8_t st = GET_U8(nd, p);
	unsigned mode = st & 7;
	out_fmt(nd->out, "NTPv%u, ", (st & 0x38) >> 3);
	const char *m = tok_find(ntp_modes, mode);
	ND_STR(nd, m ? m : "Unknown mode");
	out_fmt(nd->out, ", length %u", length);
	if (!nd->o->vflag)
		return;
	const char *l = tok_find(ntp_leap, st & 0xc0);
	out_fmt(nd->out, "\n\tLeap indicator: %s (%u)", l ? l : "Unknown", st & 0xc0);
	if (mode <= 5)
		ntp_time_msg(nd, p, length);
	else if (mode == 6)
		ntp_control_msg(nd, p, length);
}
