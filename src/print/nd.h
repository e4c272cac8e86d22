/*
 * nd.h - the printing context and the bounds-checked packet accessors.
 *
 * Every printer reads packet bytes only through the GET_* accessors below.
 * Each one checks that the bytes lie inside [nd->pkt, nd->snapend); when they
 * do not, the packet is truncated: the accessor longjmps back to print_packet(),
 * which prints tcpdump's " [|proto]" marker using nd->protocol (the innermost
 * protocol being printed), exactly as tcpdump 4.99 does.  No printer can read
 * past the captured length, whatever the length fields in the packet claim.
 *
 * Packet bytes are borrowed: valid only during the call for that packet.
 */
#ifndef SYNACK_ND_H
#define SYNACK_ND_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

#include "../opts.h"
#include "../util/out.h"
#include "../util/fmt.h"

struct tcp_seq_table;

struct nd {
	struct out *out;
	const struct opts *o;
	const uint8_t *pkt;       /* first captured byte */
	const uint8_t *snapend;   /* one past the last byte printers may read */
	const char *protocol;     /* for the truncation marker */
	jmp_buf trunc;            /* where accessors jump on truncation */
	int linktype;
	uint32_t caplen, len;
	uint64_t pkt_num;
	struct tcp_seq_table *tcpseq; /* relative sequence numbers (print/tcp.c) */
	/* snapend stack: IP and friends narrow the readable range to their length */
	const uint8_t *snap_stack[16];
	int snap_depth;
	uint32_t ll_hdr_len;      /* link printers set this: bytes of link header (-x skips them) */
	/* Token Ring: nd_etheraddr prints src_alias_addr (routing bit cleared) for the packet's
	 * source address at src_alias; print.c clears it for every packet */
	const uint8_t *src_alias;
	uint8_t src_alias_addr[6];
};

_Noreturn void nd_trunc(struct nd *nd);

/* 1 when n bytes at p are captured. */
static inline int nd_ok(const struct nd *nd, const uint8_t *p, size_t n)
{
	return p >= nd->pkt && p <= nd->snapend && n <= (size_t)(nd->snapend - p);
}

/* Bytes captured from p on (0 if p is outside the packet). */
static inline size_t nd_avail(const struct nd *nd, const uint8_t *p)
{
	if (p < nd->pkt || p > nd->snapend)
		return 0;
	return (size_t)(nd->snapend - p);
}

static inline void nd_need(struct nd *nd, const uint8_t *p, size_t n)
{
	if (!nd_ok(nd, p, n))
		nd_trunc(nd);
}

static inline uint8_t GET_U8(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, 1);
	return p[0];
}
static inline uint16_t GET_BE16(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, 2);
	return (uint16_t)((uint16_t)p[0] << 8 | p[1]);
}
static inline uint32_t GET_BE24(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, 3);
	return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}
static inline uint32_t GET_BE32(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, 4);
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static inline uint64_t GET_BE64(struct nd *nd, const uint8_t *p)
{
	return (uint64_t)GET_BE32(nd, p) << 32 | GET_BE32(nd, p + 4);
}
static inline uint16_t GET_LE16(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, 2);
	return (uint16_t)((uint16_t)p[1] << 8 | p[0]);
}
static inline uint32_t GET_LE32(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, 4);
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}
/* Copy n bytes out (checked). */
void GET_CPY(struct nd *nd, void *dst, const uint8_t *p, size_t n);

/* Narrow the readable range to [.., p+len) if that is shorter; pop restores. */
void nd_push_snaplen(struct nd *nd, const uint8_t *p, size_t len);
void nd_pop_snaplen(struct nd *nd);

/* Output shorthands. */
#define ND_STR(nd, s) out_mem((nd)->out, (s), strlen(s))
#define ND_CHR(nd, c) out_char((nd)->out, (c))
#define ND_U(nd, v) out_u64((nd)->out, (v))

/* Print " [|proto]" as tcpdump does when a packet ends early. */
void nd_print_trunc(struct nd *nd);
/* Print " (invalid)" */
void nd_print_invalid(struct nd *nd);

/* Address and port formatting (print/addr.c).  Honour -n / -nn. */
void nd_ipaddr(struct nd *nd, const uint8_t *p);      /* 4 bytes, checked */
void nd_ip6addr(struct nd *nd, const uint8_t *p);     /* 16 bytes, checked */
void nd_etheraddr(struct nd *nd, const uint8_t *p);   /* 6 bytes, checked */
void nd_port(struct nd *nd, uint16_t port, int is_udp); /* name or number */
/* "src.sport > dst.dport" from the enclosing IP header (tcpdump's transport line start). */
struct ipctx;
void nd_addr_ports(struct nd *nd, const struct ipctx *ip, uint16_t sport, uint16_t dport, int is_udp);
/* "src > dst" from the enclosing IP header. */
void nd_addr_pair(struct nd *nd, const struct ipctx *ip);
/* Format helpers on already-copied bytes (no packet access). */

/* A table of {value, "name"} ends with {0, NULL}. */
struct tok {
	uint32_t v;
	const char *s;
};
const char *tok_find(const struct tok *t, uint32_t v); /* NULL if absent */
/* tcpdump's tok2str: name, or fmt with the value (fmt has one %u/%x). */
void nd_tok(struct nd *nd, const struct tok *t, const char *fmt, uint32_t v);
/* tcpdump's bittok2str: names of the set bits joined by sep, "none" if 0. */
void nd_bits(struct nd *nd, const struct tok *t, uint32_t v, const char *sep);

/* Hex / ascii dumps (print/hexdump.c), tcpdump's -x -X -A formats. */
void nd_hex_ascii(struct nd *nd, const char *ident, const uint8_t *p, size_t n, int ascii);
void nd_ascii(struct nd *nd, const uint8_t *p, size_t n);
/* tcpdump's default hex+ascii dump of undecoded bytes, and whether -q/-x/-X suppress it. */
void nd_default_print(struct nd *nd, const uint8_t *p, size_t n);
int nd_default_print_suppressed(const struct nd *nd);
extern const struct tok link_ethertype_names[];
/* The whole -x/-xx/-X/-XX/-A/-AA dump after a packet (nothing if no flag). */
void nd_dump_packet(struct nd *nd, const uint8_t *pkt, uint32_t caplen, uint32_t hdrlen);
/* "\n\t0x0000:  4500 ..." as tcpdump prints undecoded data with -v. */
void nd_print_unknown_data(struct nd *nd, const uint8_t *p, const char *ident, size_t n);

/* Printable ASCII from the packet, checked (fn_print style): stops at NUL. */
void nd_printn(struct nd *nd, const uint8_t *p, size_t n);
/* One byte as tcpdump escapes it: printable ASCII, else M-x / ^x. */
void nd_putc_esc(struct nd *nd, uint8_t c);
/* tcpdump's nd_printjnp: n bytes, non-printables as M-x / ^x escapes, no stop at NUL */
void nd_printjn(struct nd *nd, const uint8_t *p, size_t n);

/* Protocol printers (one per file under print/). len = bytes on the wire, */
/* p points at the header, all reads through GET_*.                         */
void ether_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void sll_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void sll2_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void null_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len, int loop);
void raw_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
/* IEEE 802.11 and its capture headers (print/wlan.c) */
void ieee802_11_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void ieee802_11_radio_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void prism_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void avs_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
/* Per-Packet Information header, then the frame of the link type it names (print/ppi.c) */
void ppi_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
/* Token Ring (DLT_IEEE802) and FDDI (print/token.c) */
void token_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void fddi_if_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
/* Ethernet with a switch tag (print/dsa.c, print/ether.c) */
void ether_switch_tag_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len, uint32_t tag_len,
			    void (*tag_print)(struct nd *, const uint8_t *));
void dsa_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void edsa_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void brcm_tag_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void brcm_tag_prepend_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
/* ARCNET and Linux ARCNET (print/arcnet.c) */
void arcnet_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
void arcnet_linux_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
/* Frame Relay (print/fr.c) */
void fr_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
/* DCCP (print/dccp.c) */
void dccp_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip);
/* Cisco HDLC (print/chdlc.c) */
void chdlc_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len);
/* SCTP (print/sctp.c) and ForCES in SCTP DATA (print/forces.c) */
void sctp_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip);
void forces_print(struct nd *nd, const uint8_t *p, uint32_t len);
void m3ua_print(struct nd *nd, const uint8_t *p, uint32_t len); /* print/m3ua.c */
/* Novell IPX (print/ipx.c) */
void ipx_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* Dispatch on an Ethernet type; returns 0 if the type is not decoded. */
int ethertype_print(struct nd *nd, uint16_t type, const uint8_t *p, uint32_t len, uint32_t caplen,
		    const uint8_t *src, const uint8_t *dst);
void ip_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* IEEE 802.2 LLC (print/llc.c): src/dst are the 6-byte MAC addresses or NULL.
 * Returns the LLC(+SNAP) header length when the payload was printed, or its
 * negative when the caller should hex-dump the frame (unknown payload). */
int llc_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen,
	      const uint8_t *src, const uint8_t *dst);
/* Organisationally unique identifiers as tcpdump names them (print/llc.c). */
extern const struct tok oui_names[];
/* SNAP header after an LLC UI header; 1 when the payload was printed. */
int snap_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen,
	       const uint8_t *src, const uint8_t *dst);
void ip6_print(struct nd *nd, const uint8_t *p, uint32_t len);
void arp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen);
/* ip/ip6 are the enclosing headers (for pseudo-header checksums and addresses). */
struct ipctx {
	int v6;
	const uint8_t *src, *dst;   /* 4 or 16 bytes, copied out of the header */
	const uint8_t *ckdst;       /* destination for pseudo-header checksums (source route end) */
	const uint8_t *iph;         /* the IP header (ip_print's p) */
	int fragmented;             /* not the first fragment or more to come */
	uint8_t ttl;
};
/* Forget relative-sequence state (a new printer, a new file). */
void tcp_seq_reset(void);
void tcp_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip);
void udp_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip);
void icmp_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip);
void icmp6_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip);
/* MPTCP option; cp at the option kind; 0 when malformed. */
int mptcp_print(struct nd *nd, const uint8_t *cp, unsigned len, uint8_t flags);
/* DNS over UDP (tcp=0) or TCP (tcp=1: p points after the 2-byte length). */
void dns_print(struct nd *nd, const uint8_t *p, uint32_t len, int tcp);
/* mDNS (UDP 5353): DNS with the QU/QM and cache-flush bits. */
void mdns_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* BGP (RFC 4271), called for TCP port 179 */
void bgp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* OpenFlow, called for TCP ports 6633 and 6653 */
void openflow_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* PPTP control (RFC 2637), TCP port 1723 */
void pptp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* RPKI-RTR (RFC 6810/8210), TCP port 323 */
void rpki_rtr_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* SSH version banner (RFC 4253), TCP port 22 */
void ssh_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* SOME/IP, UDP/TCP port 30490 */
void someip_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* syslog (RFC 3164/5424), UDP port 514 */
void syslog_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* IP services over UDP (p-svc): Kerberos 88/750, ... */
void krb_print(struct nd *nd, const uint8_t *p);
/* BOOTP/DHCP, UDP 67/68 */
void bootp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* NTP time and control messages, UDP 123 */
void ntp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* Broadcom LI shim, UDP 49152 */
void bcm_li_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* A domain name (print/dns.c); base: where compression pointers count from; NULL on trouble. */
const uint8_t *dns_fqdn_print(struct nd *nd, const uint8_t *cp, const uint8_t *base);
/* DHCPv6, UDP 546/547 */
void dhcp6_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* L2TPv2, UDP 1701 */
void l2tp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* Cisco auto-RP, UDP 496 */
void cisco_autorp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* LISP control messages, UDP 4342 */
void lisp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* AODV, UDP 654 (v6: over IPv6) */
void aodv_print(struct nd *nd, const uint8_t *p, uint32_t len, int v6);
/* RADIUS, UDP 1645/1646/1812/1813/1700/3799 */
void radius_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* RESP (Redis), TCP 6379 */
void resp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* sFlow v5, UDP 6343 */
void sflow_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* Babel (RFC 8966), UDP 6696 and 6697 */
void babel_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* ISAKMP/IKE (UDP 500) and NAT-T encapsulation (RFC 3948, UDP 4500) */
void isakmp_rfc3948_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip);
/* PGM (RFC 3208), IP protocol 113 */
void pgm_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip);
/* Sun RPC / NFS over TCP port 2049 (and UDP); returns 1 when it printed */
int nfs_tcp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport, const struct ipctx *ip);
/* ISAKMP/IKE (UDP 500, 7500, 8500), ESP (IP protocol 50), NFS over UDP 2049 (1 when printed). */
void isakmp_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip);
/* tcpdump's netdb_protoname(): IP protocol name printed without -n, or NULL (print/ip.c) */
const char *proto_names_get(uint8_t proto);
/* ESP (print/esp.c): ip is the enclosing IP header (-E decrypts with its destination). */
void esp_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip);
int nfs_udp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport,
		  const struct ipctx *ip);
/* Name of an IP protocol number, as tcpdump prints it, or NULL. */
const char *ipproto_name(uint8_t proto);
/* Internet checksum over a byte range that is entirely captured. */
uint16_t in_cksum(const uint8_t *p, size_t n, uint32_t sum);
/* tcpdump's in_cksum_shouldbe: what the checksum field should have held. */
uint16_t in_cksum_shouldbe(uint16_t sum, uint16_t computed);
uint16_t nextproto_cksum(const struct ipctx *ip, const uint8_t *p, size_t n, uint8_t proto);

#endif
