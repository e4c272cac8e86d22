/*
 * print.c - one packet, tcpdump style: packet number (-#), timestamp (-t…),
 * the link-layer printer chosen by link type, hex/ascii dumps (-x -X -A),
 * newline.  The truncation longjmp target lives here.
 */
#include "print.h"
#include "tunnel.h"
#include "atm.h"
#include "serial.h"

#include "../proto.h"
#include "svc2.h"
#include "rest.h"
#include "links2.h"

#include <pcap/pcap.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAXIMUM_SNAPLEN 262144

typedef void (*link_printer)(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);

static void null_if(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	null_print(nd, p, caplen, len, 0);
}
static void loop_if(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	null_print(nd, p, caplen, len, 1);
}
static const struct {
	int dlt;
	link_printer fn;
} link_printers[] = {
	{DLT_EN10MB, ether_print},
	{DLT_LINUX_SLL, sll_print},
#ifdef DLT_LINUX_SLL2
	{DLT_LINUX_SLL2, sll2_print},
#endif
	{DLT_NULL, null_if},
	{DLT_LOOP, loop_if},
	{DLT_RAW, raw_print},
	{DLT_IEEE802_11, ieee802_11_print},
	{DLT_IEEE802_11_RADIO, ieee802_11_radio_print},
	{DLT_PRISM_HEADER, prism_print},
	{DLT_IEEE802_11_RADIO_AVS, avs_print},
	{DLT_C_HDLC, chdlc_print},
	{DLT_FRELAY, fr_print},
	{DLT_ARCNET, arcnet_print},
	{DLT_ARCNET_LINUX, arcnet_linux_print},
	{271, vsock_print}, /* DLT_VSOCK (svc2) */
	{DLT_LTALK, ltalk_if_print}, /* rest */
	{DLT_PPP, ppp_if_print},
	{DLT_PPP_PPPD, ppp_if_print},
	{DLT_PPP_SERIAL, ppp_hdlc_if_print},
	{DLT_PPP_ETHER, pppoe_if_print},
	{DLT_PPP_BSDOS, ppp_bsdos_if_print},
	{DLT_SUNATM, sunatm_if_print},
	{DLT_PPI, ppi_if_print},
	{DLT_IEEE802, token_if_print},
	{DLT_FDDI, fddi_if_print},
	{DLT_JUNIPER_ATM1, juniper_atm1_if_print},
	{DLT_JUNIPER_ATM2, juniper_atm2_if_print},
	{DLT_JUNIPER_MLPPP, juniper_mlppp_if_print},
	{DLT_JUNIPER_ES, juniper_es_if_print},
	{DLT_JUNIPER_GGSN, juniper_ggsn_if_print},
	{DLT_JUNIPER_MONITOR, juniper_monitor_if_print},
	{DLT_JUNIPER_SERVICES, juniper_services_if_print},
	{DLT_JUNIPER_PPPOE, juniper_pppoe_if_print},
	{DLT_JUNIPER_PPPOE_ATM, juniper_pppoe_atm_if_print},
	{DLT_JUNIPER_ETHER, juniper_ether_if_print},
	{DLT_JUNIPER_PPP, juniper_ppp_if_print},
	{DLT_JUNIPER_FRELAY, juniper_frelay_if_print},
	{DLT_JUNIPER_CHDLC, juniper_chdlc_if_print},
	/* linkb: serial lines, ATM, multilink Frame Relay, USB, Bluetooth */
	{DLT_SLIP, sl_if_print},
	{DLT_SLIP_BSDOS, sl_bsdos_if_print},
	{DLT_ATM_RFC1483, atm_if_print},
	{DLT_ATM_CLIP, cip_if_print},
	{DLT_MFR, mfr_if_print},
	{DLT_JUNIPER_MLFR, juniper_mlfr_if_print},
	{DLT_JUNIPER_MFR, juniper_mfr_if_print},
	{DLT_USB_LINUX, usb_linux_48_byte_if_print},
	{DLT_USB_LINUX_MMAPPED, usb_linux_64_byte_if_print},
	{DLT_BLUETOOTH_HCI_H4_WITH_PHDR, bt_if_print},
#ifdef DLT_DSA_TAG_BRCM
	{DLT_DSA_TAG_BRCM, brcm_tag_print},
	{DLT_DSA_TAG_DSA, dsa_print},
	{DLT_DSA_TAG_EDSA, edsa_print},
#endif
	{195, ieee802_15_4_if_print},     /* DLT_IEEE802_15_4 (wpan) */
	{230, ieee802_15_4_if_print},     /* DLT_IEEE802_15_4_NOFCS (wpan) */
	{283, ieee802_15_4_tap_if_print}, /* DLT_IEEE802_15_4_TAP (wpan) */
	/* links2: log devices, tunnels and odd media (DLT values as on Linux) */
	{239, nflog_if_print},               /* DLT_NFLOG */
	{258, pktap_if_print},               /* DLT_PKTAP */
	{149, pktap_if_print},               /* DLT_USER2: Apple's PKTAP before 258 */
	{226, ipnet_if_print},               /* DLT_IPNET */
	{109, enc_if_print},                 /* DLT_ENC */
	{117, pflog_if_print},               /* DLT_PFLOG */
	{99, symantec_if_print},             /* DLT_SYMANTEC_FIREWALL */
	{240, netanalyzer_if_print},         /* DLT_NETANALYZER */
	{241, netanalyzer_transparent_if_print}, /* DLT_NETANALYZER_TRANSPARENT */
	{242, ipoib_if_print},               /* DLT_IPOIB */
	{122, ipfc_if_print},                /* DLT_IP_OVER_FC */
	{138, ap1394_if_print},              /* DLT_APPLE_IP_OVER_IEEE1394 */
	{282, brcm_tag_prepend_print},       /* DLT_DSA_TAG_BRCM_PREPEND (dsa.c) */
	{112, chdlc_print},                  /* DLT_HDLC (NetBSD): Cisco HDLC */
	{LINKTYPE_RAW, raw_print},
#ifdef DLT_IPV4
	{DLT_IPV4, raw_print},
#endif
#ifdef DLT_IPV6
	{DLT_IPV6, raw_print},
#endif
};

/*
 * Most of tcpdump's printers end a truncated packet with a longjmp, and tcpdump then dumps the
 * whole packet for -x/-X/-A.  These print their "[|proto]" and return instead, so the dump
 * still starts after the link-layer header: where synack's accessors jump out of one of them
 * (nd->protocol names the innermost printer), the link-layer length is kept.
 */
static int trunc_keeps_ll(const char *proto)
{
	static const char *const keep[] = {"domain", "aodv", "gre", "lldp", "ah"};
	if (!proto)
		return 0;
	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
		if (strcmp(proto, keep[i]) == 0)
			return 1;
	return 0;
}

print_link_fn print_link_lookup(int dlt)
{
	for (size_t i = 0; i < sizeof link_printers / sizeof link_printers[0]; i++)
		if (link_printers[i].dlt == dlt)
			return link_printers[i].fn;
	return NULL;
}

int print_linktype_supported(int dlt)
{
	for (size_t i = 0; i < sizeof link_printers / sizeof link_printers[0]; i++)
		if (link_printers[i].dlt == dlt)
			return 1;
	return 0;
}

void print_init(struct printer *pr, const struct opts *o, struct out *out, int linktype)
{
	memset(pr, 0, sizeof *pr);
	tcp_seq_reset();
	pr->nd.o = o;
	pr->nd.out = out;
	pr->nd.linktype = linktype;
	pr->fn = NULL;
	for (size_t i = 0; i < sizeof link_printers / sizeof link_printers[0]; i++)
		if (link_printers[i].dlt == linktype)
			pr->fn = (void (*)(void))link_printers[i].fn;
}

/* "HH:MM:SS" of the local time, cached per second (the date part rarely changes). */
static void put_hms(struct printer *pr, int64_t sec, int date)
{
	struct out *o = pr->nd.out;
	if (sec != pr->cached_sec || date != pr->cached_date || !pr->cached_len) {
		time_t t = (time_t)sec;
		struct tm tm;
		if (!localtime_r(&t, &tm)) {
			out_str(o, "[localtime() error]");
			return;
		}
		size_t n = strftime(pr->cached, sizeof pr->cached, date ? "%Y-%m-%d %H:%M:%S" : "%H:%M:%S", &tm);
		pr->cached_len = n;
		pr->cached_sec = sec;
		pr->cached_date = date;
	}
	out_mem(o, pr->cached, pr->cached_len);
}

static void put_frac(struct printer *pr, uint64_t frac)
{
	out_char(pr->nd.out, '.');
	out_u64w(pr->nd.out, frac, pr->nd.o->nano ? 9 : 6);
}

/*
 * -ttt / -ttttt: " HH:MM:SS.frac" of a difference, "-" when negative, as tcpdump computes it:
 * seconds and fractions subtracted apart (a borrow when the fraction goes negative, so a
 * fraction field out of range in the file stays visible), and the hours of a gmtime() of the
 * difference, modulo a day.
 */
static void put_delta(struct printer *pr, int64_t sec, int64_t frac, int64_t psec, int64_t pfrac)
{
	int64_t unit = pr->nd.o->nano ? 1000000000 : 1000000;
	struct out *o = pr->nd.out;
	int neg = sec < psec || (sec == psec && frac < pfrac);
	int64_t s = neg ? psec - sec : sec - psec, f = neg ? pfrac - frac : frac - pfrac;
	if (f < 0) {
		s--;
		f += unit;
	}
	out_char(o, neg ? '-' : ' ');
	out_u64w(o, (uint64_t)(s / 3600 % 24), 2);
	out_char(o, ':');
	out_u64w(o, (uint64_t)(s / 60 % 60), 2);
	out_char(o, ':');
	out_u64w(o, (uint64_t)(s % 60), 2);
	put_frac(pr, (uint32_t)f); /* a fraction still negative prints as tcpdump's %u does */
}

static void ts_print(struct printer *pr, const struct pcap_pkthdr *h)
{
	struct out *o = pr->nd.out;
	int64_t sec = h->ts.tv_sec, frac = (uint32_t)h->ts.tv_usec; /* tcpdump prints it as unsigned 32-bit */
	switch (pr->nd.o->tflag) {
	case 0:
		if (sec < 0) {
			out_str(o, "[Error converting time] ");
			break;
		}
		put_hms(pr, sec, 0);
		put_frac(pr, (uint64_t)frac);
		out_char(o, ' ');
		break;
	case 1:
		break;
	case 2:
		if (sec < 0) {
			out_str(o, "[Error converting time] ");
			break;
		}
		out_i64(o, sec);
		put_frac(pr, (uint64_t)frac);
		out_char(o, ' ');
		break;
	case 3:
	case 5:
		/* the fraction as the signed value libpcap gives; a reference of 0.000000
		 * counts as none and is replaced, as tcpdump's timevalisset() test does */
		if (pr->prev_sec == 0 && pr->prev_frac == 0) {
			pr->prev_sec = sec;
			pr->prev_frac = (int64_t)h->ts.tv_usec;
		}
		put_delta(pr, sec, (int64_t)h->ts.tv_usec, pr->prev_sec, pr->prev_frac);
		out_char(o, ' ');
		if (pr->nd.o->tflag == 3) {
			pr->prev_sec = sec;
			pr->prev_frac = (int64_t)h->ts.tv_usec;
		}
		break;
	case 4:
		if (sec < 0) {
			out_str(o, "[Error converting time] ");
			break;
		}
		put_hms(pr, sec, 1);
		put_frac(pr, (uint64_t)frac);
		out_char(o, ' ');
		break;
	}
}

void print_packet(struct printer *pr, const struct pcap_pkthdr *h, const uint8_t *sp, uint64_t num,
		  const char *tag)
{
	struct nd *nd = &pr->nd;
	struct out *o = nd->out;
	if (nd->o->numflag) {
		out_u64sp(o, num, 5);
		out_str(o, "  ");
	}
	int bad = 0;
	if (h->caplen == 0) {
		bad = 1;
		out_str(o, "[Invalid header: caplen==0");
	}
	if (h->len == 0) {
		out_str(o, bad ? "," : "[Invalid header:");
		bad = 1;
		out_str(o, " len==0");
	} else if (h->len < h->caplen) {
		out_str(o, bad ? "," : "[Invalid header:");
		bad = 1;
		out_fmt(o, " len(%u) < caplen(%u)", h->len, h->caplen);
	}
	if (h->caplen > MAXIMUM_SNAPLEN) {
		out_str(o, bad ? "," : "[Invalid header:");
		bad = 1;
		out_fmt(o, " caplen(%u) > %u", h->caplen, MAXIMUM_SNAPLEN);
	}
	if (h->len > MAXIMUM_SNAPLEN) {
		out_str(o, bad ? "," : "[Invalid header:");
		bad = 1;
		out_fmt(o, " len(%u) > %u", h->len, MAXIMUM_SNAPLEN);
	}
	if (bad) {
		out_str(o, "]\n");
		return;
	}
	ts_print(pr, h);

	nd->pkt = sp;
	nd->snapend = sp + h->caplen;
	nd->caplen = h->caplen;
	nd->len = h->len;
	nd->pkt_num = num;
	nd->protocol = "";
	nd->snap_depth = 0;
	nd->ll_hdr_len = 0;
	nd->src_alias = NULL;
	nd->trunc_full = 0;
	if (setjmp(nd->trunc) == 0) {
		if (pr->fn) {
			((link_printer)pr->fn)(nd, sp, h->caplen, h->len);
		} else {
			/* A link type synack does not decode: tcpdump's unsupported printer. */
			out_str(o, "UNSUPPORTED");
			nd_hex_ascii(nd, "\n\t", sp, h->caplen, 1);
		}
	} else {
		nd_print_trunc(nd);
		if (nd->trunc_full || !trunc_keeps_ll(nd->protocol))
			nd->ll_hdr_len = 0;
	}
	nd->pkt = sp; /* a printer may have pointed it at a private copy (ppp.c) */
	nd->snapend = sp + h->caplen;
	nd->snap_depth = 0;
	nd->src_alias = NULL;
	nd_dump_packet(nd, sp, h->caplen, nd->ll_hdr_len);
	if (tag)
		out_str(o, tag);
	out_char(o, '\n');
}
