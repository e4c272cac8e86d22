/*
 * decode.h - the packet decoder for analysis (TCP tracker, diagnose, compare).
 *
 * One pass over the link, network and transport headers, reading only through
 * the bounds-checked cursor in reader.h, into a plain host-order struct.  The
 * struct never points into the packet: everything kept is copied, so the
 * borrowed packet bytes may go away as soon as decode_packet() returns.
 *
 * "truncated" means fewer bytes were captured than the headers need;
 * "invalid" means a field breaks the spec (bad header length, etc).  A packet
 * that is truncated or invalid at the TCP layer has has_tcp == 0 so the
 * tracker never acts on half a header (decode, then act).
 *
 * Tunnels: the decoder follows 802.1Q/QinQ tags, MPLS label stacks, PPPoE
 * sessions, GRE (v0 with checksum/key/sequence/routing, v1 PPTP with PPP),
 * IPv4/IPv6 in IPv4/IPv6 (protocols 4 and 41), VXLAN (UDP 4789), GENEVE (UDP
 * 6081) and ERSPAN I/II/III, at most DECODE_MAX_DEPTH levels deep.  The
 * addresses, ports and TCP/UDP/ICMP fields are those of the INNERMOST IP
 * header reached: that is the connection.  The link fields (MACs, cooked
 * packet type, interface) stay those of the outer frame.
 */
#ifndef SYNACK_DECODE_H
#define SYNACK_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "../proto.h" /* TCPF_* and the other protocol constants */

/* Encapsulations followed to reach the innermost IP header, at most this deep. */
#define DECODE_MAX_DEPTH 8

struct tcp_opts {
	int mss;                /* -1 absent */
	int wscale;             /* -1 absent */
	int sack_ok;
	int has_ts;
	uint32_t ts_val, ts_ecr;
	int nsack;              /* SACK blocks (up to 4) */
	uint32_t sack[4][2];    /* left, right edges */
	int has_md5, has_tfo, has_mptcp;
};

struct tcp_seg {
	uint16_t sport, dport;
	uint32_t seq, ack;
	uint8_t flags;
	uint16_t win;           /* raw, unscaled */
	uint16_t hlen;          /* header length in bytes */
	uint32_t paylen;        /* payload length on the wire (from the IP length) */
	uint32_t capturedlen;   /* payload bytes actually captured */
	struct tcp_opts opt;
};

/* The network+transport header an ICMP error quotes (RFC 792 / 4443). */
struct icmp_quote {
	int valid;
	int v6;
	uint8_t src[16], dst[16];
	uint8_t proto;
	uint16_t sport, dport;
	uint32_t seq;           /* TCP only */
};

struct pkt {
	uint64_t num;           /* 1-based packet number in the input */
	int64_t ts_sec;
	uint32_t ts_frac;       /* micro- or nanoseconds, see ts_nano */
	int ts_nano;
	int time_set;           /* time holds the stamp in seconds (decode_packet sets it) */
	double time;
	uint32_t caplen, len;
	int l3;                 /* 0 none, 4, 6 */
	int encap;              /* tunnel layers crossed to reach that IP header (0 = none) */
	uint32_t l3_off;        /* offset of the innermost IP header in the packet bytes */
	uint32_t l4_off;        /* offset of its transport header (0 = none reached) */
	uint8_t src[16], dst[16];   /* IPv4 in the first 4 bytes */
	uint8_t ttl;            /* TTL / hop limit */
	uint16_t ipid;
	int df;
	uint8_t tos;
	uint8_t proto;          /* final next header */
	int frag;               /* a fragment other than a whole datagram */
	int has_tcp, has_udp, has_icmp;
	struct tcp_seg tcp;
	uint16_t sport, dport;  /* UDP ports */
	uint8_t icmp_type, icmp_code;
	uint16_t icmp_mtu;      /* need-frag / packet-too-big MTU */
	struct icmp_quote quote;
	int is_arp;
	uint16_t arp_op;
	uint8_t arp_spa[4], arp_tpa[4];
	int nd_ns;              /* ICMPv6 neighbour solicitation: target in quote.dst */
	/* link layer: what a capture artefact check needs (who sent the frame,
	 * which interface and direction on Linux "any" captures) */
	int has_mac;            /* Ethernet, or a cooked header with a 6-byte address */
	uint8_t src_mac[6], dst_mac[6];   /* dst_mac only for Ethernet */
	int pkttype;            /* cooked v1/v2 packet type (0 host, 1 broadcast, 2 multicast,
				 * 3 other host, 4 outgoing), -1 unknown */
	int ifindex;            /* cooked v2 interface index, -1 unknown */
	/* transport payload (TCP or UDP): offset from the start of the packet
	 * bytes and the number of those bytes captured (0 when none) */
	uint32_t pay_off, pay_len;
	int truncated, invalid;
};

/* Decodes one packet.  Returns 0 (also for packets it does not understand). */
int decode_packet(struct pkt *pk, int linktype, const uint8_t *data, uint32_t caplen, uint32_t len);

/* Debug output for the printer/decoder agreement test (tests/decode/agree.sh,
 * through its helper tests/decode/decode-dump.c; not reachable from the CLI): one line
 * per packet, "NUM v4|v6 SRC SPORT DST DPORT SEQ ACK FLAGS eENC" for TCP,
 * "NUM v4|v6 SRC SPORT DST DPORT udp" for UDP, "NUM - l3=.. enc=.. icmp=.."
 * otherwise (ENC = tunnel layers crossed, as pk->encap).  Writes
 * into buf (NUL-terminated) and returns its length. */
size_t decode_dump_line(const struct pkt *pk, char *buf, size_t cap);

/* Seconds as a double, for timing (microsecond precision is plenty); computed
 * once by decode_packet(), from the stamp for a struct filled by hand. */
static inline double pkt_time(const struct pkt *pk)
{
	if (pk->time_set)
		return pk->time;
	return (double)pk->ts_sec + (double)pk->ts_frac / (pk->ts_nano ? 1e9 : 1e6);
}

#endif
