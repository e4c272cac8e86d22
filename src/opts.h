/*
 * opts.h - the command line, parsed once by main.c and read (never written)
 * by every other module.
 */
#ifndef SYNACK_OPTS_H
#define SYNACK_OPTS_H

#include <stdint.h>

enum mode { MODE_TCPDUMP, MODE_CONNS, MODE_DIAGNOSE, MODE_COMPARE };

struct opts {
	enum mode mode;
	/* printing (tcpdump's flags, same meaning) */
	int nflag;           /* 0: resolve names, 1: -n, 2: -nn (ports numeric too) */
	int vflag;           /* -v count */
	int eflag;           /* -e link-level header */
	int qflag;           /* -q quiet */
	int tflag;           /* timestamp format: 0 default, 1 -t none, 2 -tt, 3 -ttt, 4 -tttt, 5 -ttttt */
	int Sflag;           /* -S absolute sequence numbers */
	int Kflag;           /* -K do not verify checksums */
	int xflag;           /* -x count: hex */
	int Xflag;           /* -X count: hex and ascii */
	int Aflag;           /* -A count: ascii */
	int numflag;         /* -# packet numbers */
	int lflag;           /* -l line buffered */
	int Uflag;           /* -U packet-buffered -w */
	int nano;            /* print nanosecond timestamps */
	int analyze;         /* --analyze: tags on printed lines */
	int json;            /* --json */
	int zeek;            /* --format zeek (conns) */
	/* capture */
	const char *device;  /* -i */
	const char *rfile;   /* -r (the first one) */
	const char *rfiles[64]; /* every -r, for diagnose (merged by time) */
	int nrfiles;
	const char *wfile;   /* -w */
	const char *Ffile;   /* -F */
	const char *Zuser;   /* -Z */
	char *filter;        /* expression (owned by main) */
	long count;          /* -c, 0 = unlimited */
	int snaplen;         /* -s, 0 = default */
	int promisc;         /* !-p */
	int bufsize_kib;     /* -B */
	int immediate;       /* --immediate-mode */
	int count_only;      /* --count */
	int dflag;           /* -d count */
	int direction;       /* -Q: 0 unset, 1 in, 2 out, 3 inout */
	const char *linktype; /* -y */
	int list_linktypes;  /* -L */
	int list_ifaces;     /* -D */
	int tstamp_precision; /* 0 micro, 1 nano (--time-stamp-precision) */
	long Cflag;          /* -C file size in bytes (millions) */
	long Gflag;          /* -G seconds */
	long Wflag;          /* -W file count */
	int time_zone_utc;   /* unused: TZ decides, as for tcpdump */
	/* the rest of tcpdump 4.99's options */
	int bflag;           /* -b: BGP AS numbers in asdot notation */
	int uflag;           /* -u: print undecoded NFS handles */
	int Hflag;           /* -H: look for 802.11s mesh headers */
	int Iflag;           /* -I / --monitor-mode */
	int tstamp_type;     /* -j / --time-stamp-type: a PCAP_TSTAMP_* value, -1 unset */
	int Jflag;           /* -J / --list-time-stamp-types */
	int no_optimize;     /* -O / --no-optimize: pcap_compile without the optimizer */
	int packettype;      /* -T: one of enum packettype (0 = by port, as usual) */
	const char *espsecret; /* -E: ESP security associations (print/esp_decrypt.c) */
	const char *sigsecret; /* -M secret: TCP-MD5 signatures (RFC 2385) are checked with it */
	const char *Vfile;   /* -V: a file listing the files to read */
	const char *zcmd;    /* -z: run after each -C/-G rotation with the closed file's name */
};

/* -T types, tcpdump's names (ascii case-insensitive): vat wb rpc rtp rtcp snmp cnfp
 * tftp aodv carp radius zmtp1 vxlan pgm pgm_zmtp1 lmp resp ptp someip domain. */
enum packettype {
	PT_NONE, PT_VAT, PT_WB, PT_RPC, PT_RTP, PT_RTCP, PT_SNMP, PT_CNFP, PT_TFTP, PT_AODV,
	PT_CARP, PT_RADIUS, PT_ZMTP1, PT_VXLAN, PT_PGM, PT_PGM_ZMTP1, PT_LMP, PT_RESP, PT_PTP,
	PT_SOMEIP, PT_DOMAIN
};

#endif
