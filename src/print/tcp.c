/*
 * tcp.c - TCP (RFC 9293) as tcpdump prints it: flags, relative sequence
 * numbers, options (RFC 7323 TS/wscale, RFC 2018 SACK, RFC 2385 md5,
 * RFC 5482 UTO, RFC 7413 TFO, RFC 5925 TCP-AO), and the payload printers
 * synack decodes (DNS over TCP; HTTP, RTSP, FTP, SMTP, WHOIS, telnet, BEEP
 * and MSDP in print/txtproto.c and print/apps.c).
 *
 *   +-------------------------------+-------------------------------+
 *   |          Source Port          |       Destination Port        |
 *   +-------------------------------+-------------------------------+
 *   |                        Sequence Number                        |
 *   |                     Acknowledgment Number                     |
 *   +-------+-------+---------------+-------------------------------+
 *   |  Off  |  Rsv  |C|E|U|A|P|R|S|F|            Window             |
 *   +-------+-------+---------------+-------------------------------+
 *   |           Checksum            |         Urgent Pointer        |
 *   +-------------------------------+-------------------------------+
 */
#include "nd.h"
#include "route.h"
#include "svc2.h"
#include "apps.h"
#include "../util/md5.h"

#include <stdlib.h>
#include <string.h>

#include "../proto.h"

/*
 * Relative sequence numbers, with tcpdump's rules: a conversation's base is
 * recorded from the first packet with ACK set (or any SYN-ACK), keyed by the
 * address/port pair in a canonical order.  Table size is fixed: when it is
 * full the oldest-probed slot is reused, so memory stays bounded.
 */
#define SEQ_SLOTS 65536
struct seq_ent {
	uint8_t used, v6;
	uint8_t src[16], dst[16];
	uint32_t port;
	uint32_t seq, ack;
};
struct tcp_seq_table {
	struct seq_ent e[SEQ_SLOTS];
};
static struct tcp_seq_table *seqtab;

/* A new printer starts with no conversations (print_init calls this). */
void tcp_seq_reset(void)
{
	free(seqtab);
	seqtab = NULL;
}

static struct seq_ent *seq_lookup(int v6, const uint8_t *src, const uint8_t *dst, uint32_t port, int *found)
{
	if (!seqtab) {
		seqtab = calloc(1, sizeof *seqtab);
		if (!seqtab)
			return NULL;
	}
	size_t alen = v6 ? 16 : 4;
	uint32_t h = 2166136261u ^ port;
	for (size_t i = 0; i < alen; i++)
		h = (h ^ src[i]) * 16777619u;
	for (size_t i = 0; i < alen; i++)
		h = (h ^ dst[i]) * 16777619u;
	h ^= (uint32_t)v6;
	/* Fold the high bits in: a port scan varies only the port's upper half. */
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	for (unsigned probe = 0; probe < 8; probe++) {
		struct seq_ent *e = &seqtab->e[(h + probe) % SEQ_SLOTS];
		if (!e->used) {
			*found = 0;
			return e;
		}
		if (e->v6 == v6 && e->port == port && memcmp(e->src, src, alen) == 0 &&
		    memcmp(e->dst, dst, alen) == 0) {
			*found = 1;
			return e;
		}
	}
	*found = 0;
	return &seqtab->e[h % SEQ_SLOTS];
}

static const struct tok tcp_option_values[] = {
	{0, "eol"}, {1, "nop"}, {2, "mss"}, {3, "wscale"}, {4, "sackOK"}, {5, "sack"},
	{6, "echo"}, {7, "echoreply"}, {8, "TS"}, {11, "cc"}, {12, "ccnew"}, {13, ""},
	{19, "md5"}, {20, "scps"}, {28, "uto"}, {29, "tcp-ao"}, {30, "mptcp"}, {34, "tfo"},
	{254, "exp"}, {0, NULL}};

static void print_hexbytes(struct nd *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		out_hex(nd->out, GET_U8(nd, p + i), 2);
}

static void print_tfo(struct nd *nd, const uint8_t *cp, unsigned datalen, int exp)
{
	if (exp)
		ND_STR(nd, "tfo");
	if (datalen == 0) {
		ND_STR(nd, " cookiereq");
	} else if (datalen % 2 != 0 || datalen < 4 || datalen > 16) {
		nd_print_invalid(nd);
	} else {
		ND_STR(nd, " cookie ");
		print_hexbytes(nd, cp, datalen);
	}
}

/* -v: RST segments may carry text explaining the reset (RFC 1122 4.2.2.12). */
static void print_rst_data(struct nd *nd, const uint8_t *sp, unsigned length)
{
	ND_STR(nd, nd_ok(nd, sp, length) ? " [RST" : " [!RST");
	if (length > 30) {
		length = 30;
		ND_CHR(nd, '+');
	}
	ND_CHR(nd, ' ');
	while (length && sp < nd->snapend) {
		uint8_t c = GET_U8(nd, sp);
		sp++;
		if (c & 0x80) {
			ND_STR(nd, "M-");
			c &= 0x7f;
		}
		if (c < 0x20 || c == 0x7f) {
			ND_CHR(nd, '^');
			ND_CHR(nd, (char)(c ^ 0x40));
		} else {
			ND_CHR(nd, (char)c);
		}
		length--;
	}
	ND_CHR(nd, ']');
}

/* DNS over TCP: a 2-byte length, then the message. */
static void tcp_dns(struct nd *nd, const uint8_t *bp, unsigned length)
{
	nd->protocol = "domain";
	if (length < 2) {
		out_fmt(nd->out, " [DNS over TCP: length %u < 2]", length);
		nd_print_invalid(nd);
		return;
	}
	uint16_t pl = GET_BE16(nd, bp);
	if (pl != length - 2) {
		out_fmt(nd->out, " [prefix length(%u) != length(%u)]", pl, length - 2);
		nd_print_invalid(nd);
		return;
	}
	ND_CHR(nd, ' ');
	dns_print(nd, bp + 2, length - 2, 1);
}

static void tcp_payload(struct nd *nd, const uint8_t *bp, unsigned length, uint16_t sport, uint16_t dport,
			const struct ipctx *ip)
{
	if (nd->o->packettype) { /* -T: the protocol named, never a guess by port (tcpdump) */
		if (nd->o->packettype == PT_DOMAIN)
			tcp_dns(nd, bp, length);
		else if (nd->o->packettype == PT_RESP) /* svc2 */
			resp_print(nd, bp, length);
		else if (nd->o->packettype == PT_ZMTP1) /* svc2 */
			zmtp1_print(nd, bp, length);
		return;
	}
#define PORT(x) (sport == (x) || dport == (x))
	if (PORT(23)) { /* telnet, SMTP, WHOIS: print/apps.c, print/txtproto.c */
		telnet_print(nd, bp, length);
	} else if (PORT(25)) {
		ND_STR(nd, ": ");
		smtp_print(nd, bp, length);
	} else if (PORT(43)) {
		ND_STR(nd, ": ");
		whois_print(nd, bp, length);
	} else if (PORT(PORT_BGP)) {
		bgp_print(nd, bp, length);
	} else if (PORT(PORT_PPTP)) {
		pptp_print(nd, bp, length);
	} else if (PORT(PORT_SSH)) {
		ssh_print(nd, bp, length);
	} else if (PORT(10288)) { /* BEEP, FTP, RTSP, MSDP: print/apps.c, print/txtproto.c */
		beep_print(nd, bp, length);
	} else if (PORT(PORT_OPENFLOW_OLD) || PORT(PORT_OPENFLOW)) {
		openflow_print(nd, bp, length);
	} else if (PORT(21)) {
		ND_STR(nd, ": ");
		ftp_print(nd, bp, length);
	} else if (PORT(PORT_HTTP) || PORT(PORT_HTTP_ALT)) {
		ND_STR(nd, ": ");
		http_print(nd, bp, length);
	} else if (PORT(554) || PORT(8554)) {
		ND_STR(nd, ": ");
		rtsp_print(nd, bp, length);
	} else if (PORT(PORT_DNS)) {
		tcp_dns(nd, bp, length);
	} else if (PORT(639)) {
		msdp_print(nd, bp, length);
	} else if (PORT(PORT_RPKI_RTR)) {
		rpki_rtr_print(nd, bp, length);
	} else if (PORT(PORT_NFS)) {
		nfs_tcp_print(nd, bp, length, sport, dport, ip);
	} else if (PORT(646)) {
		ldp_print(nd, bp, length);
	} else if (PORT(6379)) {
		resp_print(nd, bp, length);
	}
#undef PORT
}

/* -M: the RFC 2385 signature, MD5 over the IP pseudo-header, the TCP header without
 * options (checksum zero), the payload and the secret.  1 valid, 0 invalid, -1 cannot
 * check (and why printed), as tcpdump. */
static int tcp_md5_check(struct nd *nd, const struct ipctx *ip, const uint8_t *bp, unsigned hlen,
			 unsigned length, const uint8_t *sig)
{
	struct md5 m;
	uint8_t b[64];
	unsigned ver = GET_U8(nd, ip->iph) >> 4;
	md5_init(&m);
	if (ver == 4) {
		for (int i = 0; i < 8; i++)
			b[i] = GET_U8(nd, ip->iph + 12 + i);
		b[8] = 0;
		b[9] = GET_U8(nd, ip->iph + 9);
		uint16_t tlen = (uint16_t)(GET_BE16(nd, ip->iph + 2) - (GET_U8(nd, ip->iph) & 15) * 4);
		b[10] = (uint8_t)(tlen >> 8);
		b[11] = (uint8_t)tlen;
		md5_update(&m, b, 12);
	} else if (ver == 6) {
		for (int i = 0; i < 32; i++)
			b[i] = GET_U8(nd, ip->iph + 8 + i);
		uint16_t plen = GET_BE16(nd, ip->iph + 4);
		memset(b + 32, 0, 8);
		b[34] = (uint8_t)(plen >> 8);
		b[35] = (uint8_t)plen;
		b[39] = 6;
		md5_update(&m, b, 40);
	} else {
		ND_STR(nd, "IP version not 4 or 6, ");
		return -1;
	}
	for (int i = 0; i < 20; i++)
		b[i] = GET_U8(nd, bp + i);
	b[16] = b[17] = 0;
	md5_update(&m, b, 20);
	for (unsigned off = 0; off < length;) {
		unsigned k = length - off < sizeof b ? length - off : (unsigned)sizeof b;
		for (unsigned i = 0; i < k; i++)
			b[i] = GET_U8(nd, bp + hlen + off + i);
		md5_update(&m, b, k);
		off += k;
	}
	md5_update(&m, nd->o->sigsecret, strlen(nd->o->sigsecret));
	unsigned char d[16];
	md5_final(&m, d);
	for (int i = 0; i < 16; i++)
		if (GET_U8(nd, sig + i) != d[i])
			return 0;
	return 1;
}

void tcp_print(struct nd *nd, const uint8_t *bp, uint32_t length, const struct ipctx *ip)
{
	nd->protocol = "tcp";
	char ch = 0;
	if (!nd_ok(nd, bp + 2, 2)) {
		nd_addr_pair(nd, ip);
		ND_CHR(nd, ':');
		nd_print_trunc(nd);
		return;
	}
	uint16_t sport = GET_BE16(nd, bp), dport = GET_BE16(nd, bp + 2);
	uint8_t nxt = GET_U8(nd, ip->iph + (ip->v6 ? 6 : 9));
	if (nxt == 6) {
		nd_addr_ports(nd, ip, sport, dport, 0);
		ND_STR(nd, ": ");
	} else {
		nd_port(nd, sport, 0);
		ND_STR(nd, " > ");
		nd_port(nd, dport, 0);
		ND_STR(nd, ": ");
	}
	if (!nd_ok(nd, bp, 20)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned hlen = (GET_U8(nd, bp + 12) >> 4) * 4u;
	if (hlen < 20) {
		out_fmt(nd->out, " tcp %u [bad hdr length %u - too short, < 20]", length - hlen, hlen);
		return;
	}
	uint32_t seq = GET_BE32(nd, bp + 4), ack = GET_BE32(nd, bp + 8);
	uint16_t win = GET_BE16(nd, bp + 14), urp = GET_BE16(nd, bp + 18);
	if (nd->o->qflag) {
		out_fmt(nd->out, "tcp %u", length - hlen);
		if (hlen > length)
			out_fmt(nd->out, " [bad hdr length %u - too long, > %u]", hlen, length);
		return;
	}
	uint8_t flags = GET_U8(nd, bp + 13);
	ND_STR(nd, "Flags [");
	if (flags == 0) {
		ND_STR(nd, "none");
	} else {
		static const char fl[8] = {'F', 'S', 'R', 'P', '.', 'U', 'E', 'W'};
		for (int i = 0; i < 8; i++)
			if (flags & (1u << i))
				ND_CHR(nd, fl[i]);
	}
	ND_CHR(nd, ']');

	uint32_t thseq = 0, thack = 0;
	int rev = 0;
	if (!nd->o->Sflag && (flags & TCPF_ACK)) {
		size_t alen = ip->v6 ? 16 : 4;
		uint8_t ksrc[16] = {0}, kdst[16] = {0};
		uint32_t port;
		if (sport > dport)
			rev = 1;
		else if (sport == dport && memcmp(ip->src, ip->dst, alen) > 0)
			rev = 1;
		if (rev) {
			memcpy(ksrc, ip->dst, alen);
			memcpy(kdst, ip->src, alen);
			port = (uint32_t)dport << 16 | sport;
		} else {
			memcpy(ksrc, ip->src, alen);
			memcpy(kdst, ip->dst, alen);
			port = (uint32_t)sport << 16 | dport;
		}
		int found = 0;
		struct seq_ent *e = seq_lookup(ip->v6, ksrc, kdst, port, &found);
		if (e) {
			if (!found || (flags & TCPF_SYN)) {
				e->used = 1;
				e->v6 = (uint8_t)ip->v6;
				memcpy(e->src, ksrc, 16);
				memcpy(e->dst, kdst, 16);
				e->port = port;
				if (rev) {
					e->ack = seq;
					e->seq = ack - 1;
				} else {
					e->seq = seq;
					e->ack = ack - 1;
				}
			} else {
				if (rev) {
					seq -= e->ack;
					ack -= e->seq;
				} else {
					seq -= e->seq;
					ack -= e->ack;
				}
			}
			thseq = e->seq;
			thack = e->ack;
		}
	}
	if (hlen > length) {
		out_fmt(nd->out, " [bad hdr length %u - too long, > %u]", hlen, length);
		return;
	}
	if (nd->o->vflag && !nd->o->Kflag && !ip->fragmented) {
		if (nd_ok(nd, bp, length)) {
			uint16_t sum = nextproto_cksum(ip, bp, length, 6);
			uint16_t tcp_sum = GET_BE16(nd, bp + 16);
			ND_STR(nd, ", cksum 0x");
			out_hex(nd->out, tcp_sum, 4);
			if (sum != 0) {
				ND_STR(nd, " (incorrect -> 0x");
				out_hex(nd->out, in_cksum_shouldbe(tcp_sum, sum), 4);
				ND_CHR(nd, ')');
			} else {
				ND_STR(nd, " (correct)");
			}
		}
	}
	length -= hlen;
	if (nd->o->vflag > 1 || length > 0 || (flags & (TCPF_SYN | TCPF_FIN | TCPF_RST))) {
		ND_STR(nd, ", seq ");
		ND_U(nd, seq);
		if (length > 0) {
			ND_CHR(nd, ':');
			ND_U(nd, (uint32_t)(seq + length));
		}
	}
	if (flags & TCPF_ACK) {
		ND_STR(nd, ", ack ");
		ND_U(nd, ack);
	}
	ND_STR(nd, ", win ");
	ND_U(nd, win);
	if (flags & TCPF_URG) {
		ND_STR(nd, ", urg ");
		ND_U(nd, urp);
	}

	if (hlen > 20) {
		unsigned left = hlen - 20;
		const uint8_t *cp = bp + 20;
		ND_STR(nd, ", options [");
		while (left > 0) {
			if (ch != 0)
				ND_CHR(nd, ch);
			unsigned opt = GET_U8(nd, cp), len;
			cp++;
			if (opt == 0 || opt == 1) {
				len = 1;
			} else {
				len = GET_U8(nd, cp);
				cp++;
				if (len < 2 || len > left)
					goto bad;
				--left;
			}
			--left;
			unsigned datalen = 0;
#define LENCHECK(l)                              \
	do {                                     \
		if ((l) > left)                  \
			goto bad;                \
		if (!nd_ok(nd, cp, (l)))         \
			goto trunc;              \
	} while (0)
			const char *name = tok_find(tcp_option_values, opt);
			if (name)
				ND_STR(nd, name);
			else
				out_fmt(nd->out, "unknown-%u", opt);
			switch (opt) {
			case TCPOPT_MSS:
				datalen = 2;
				LENCHECK(datalen);
				ND_CHR(nd, ' ');
				ND_U(nd, GET_BE16(nd, cp));
				break;
			case TCPOPT_WSCALE:
				datalen = 1;
				LENCHECK(datalen);
				ND_CHR(nd, ' ');
				ND_U(nd, GET_U8(nd, cp));
				break;
			case TCPOPT_SACK:
				datalen = len - 2;
				if (datalen % 8 != 0) {
					ND_STR(nd, " invalid sack");
				} else {
					ND_CHR(nd, ' ');
					ND_U(nd, datalen / 8);
					ND_CHR(nd, ' ');
					for (unsigned i = 0; i < datalen; i += 8) {
						LENCHECK(i + 4);
						uint32_t s = GET_BE32(nd, cp + i);
						LENCHECK(i + 8);
						uint32_t e = GET_BE32(nd, cp + i + 4);
						if (rev) {
							s -= thseq;
							e -= thseq;
						} else {
							s -= thack;
							e -= thack;
						}
						ND_CHR(nd, '{');
						ND_U(nd, s);
						ND_CHR(nd, ':');
						ND_U(nd, e);
						ND_CHR(nd, '}');
					}
				}
				break;
			case TCPOPT_CC:
			case TCPOPT_CCNEW:
			case TCPOPT_CCECHO:
			case TCPOPT_ECHO:
			case TCPOPT_ECHOREPLY:
				datalen = 4;
				LENCHECK(datalen);
				ND_CHR(nd, ' ');
				ND_U(nd, GET_BE32(nd, cp));
				break;
			case TCPOPT_TS:
				datalen = 8;
				LENCHECK(datalen);
				ND_STR(nd, " val ");
				ND_U(nd, GET_BE32(nd, cp));
				ND_STR(nd, " ecr ");
				ND_U(nd, GET_BE32(nd, cp + 4));
				break;
			case TCPOPT_MD5:
				datalen = 16;
				LENCHECK(datalen);
				ND_CHR(nd, ' ');
				/* checked as Debian's tcpdump (built with libcrypto) checks it */
				if (!nd_ok(nd, bp + hlen, length)) {
					ND_STR(nd, "snaplen too short, ");
				} else if (!nd->o->sigsecret) {
					ND_STR(nd, "shared secret not supplied with -M, ");
				} else {
					int ok = tcp_md5_check(nd, ip, bp, hlen, length, cp);
					if (ok == 1) {
						ND_STR(nd, "valid");
						break;
					}
					if (ok == 0) {
						nd_print_invalid(nd);
						break;
					}
				}
				ND_STR(nd, "can't check - ");
				print_hexbytes(nd, cp, 16);
				break;
			case TCPOPT_SCPS:
				datalen = 2;
				LENCHECK(datalen);
				out_fmt(nd->out, " cap %02x id %u", GET_U8(nd, cp), GET_U8(nd, cp + 1));
				break;
			case TCPOPT_AO:
				datalen = len - 2;
				if (datalen < 2) {
					nd_print_invalid(nd);
				} else {
					LENCHECK(1);
					out_fmt(nd->out, " keyid %u", GET_U8(nd, cp));
					LENCHECK(2);
					out_fmt(nd->out, " rnextkeyid %u", GET_U8(nd, cp + 1));
					if (datalen > 2) {
						ND_STR(nd, " mac 0x");
						for (unsigned i = 2; i < datalen; i++) {
							LENCHECK(i + 1);
							out_hex(nd->out, GET_U8(nd, cp + i), 2);
						}
					}
				}
				break;
			case TCPOPT_EOL:
			case TCPOPT_NOP:
			case TCPOPT_SACK_OK:
				break;
			case TCPOPT_UTO: {
				datalen = 2;
				LENCHECK(datalen);
				unsigned uto = GET_BE16(nd, cp);
				ND_STR(nd, " 0x");
				out_hex(nd->out, uto, 0);
				if (uto & 1)
					uto = (uto >> 1) * 60;
				else
					uto >>= 1;
				ND_CHR(nd, ' ');
				ND_U(nd, uto);
				break;
			}
			case TCPOPT_MPTCP:
				datalen = len - 2;
				LENCHECK(datalen);
				if (!mptcp_print(nd, cp - 2, len, flags))
					goto bad;
				break;
			case TCPOPT_FASTOPEN:
				datalen = len - 2;
				LENCHECK(datalen);
				ND_CHR(nd, ' ');
				print_tfo(nd, cp, datalen, 0);
				break;
			case TCPOPT_EXPERIMENT2: {
				datalen = len - 2;
				LENCHECK(datalen);
				if (datalen < 2)
					goto bad;
				uint16_t magic = GET_BE16(nd, cp);
				ND_CHR(nd, '-');
				if (magic == 0xf989)
					print_tfo(nd, cp + 2, datalen - 2, 1);
				else
					out_hex(nd->out, magic, 4);
				break;
			}
			default:
				datalen = len - 2;
				if (datalen)
					ND_STR(nd, " 0x");
				for (unsigned i = 0; i < datalen; ++i) {
					LENCHECK(i + 1);
					out_hex(nd->out, GET_U8(nd, cp + i), 2);
				}
				break;
			}
#undef LENCHECK
			cp += datalen;
			left -= datalen;
			++datalen;
			if (opt != 0 && opt != 1)
				++datalen;
			if (datalen != len)
				out_fmt(nd->out, "[len %u]", len);
			ch = ',';
			if (opt == 0)
				break;
		}
		ND_CHR(nd, ']');
	}
	ND_STR(nd, ", length ");
	ND_U(nd, length);
	if (length == 0)
		return;
	if (!nd_ok(nd, bp, hlen)) {
		out_fmt(nd->out, " [remaining caplen(%zu) < header length(%u)]", nd_avail(nd, bp), hlen);
		nd_trunc(nd);
	}
	bp += hlen;
	if ((flags & TCPF_RST) && nd->o->vflag) {
		print_rst_data(nd, bp, length);
		return;
	}
	tcp_payload(nd, bp, length, sport, dport, ip);
	return;
bad:
	ND_STR(nd, "[bad opt]");
	if (ch != 0)
		ND_CHR(nd, ']');
	return;
trunc:
	nd_print_trunc(nd);
	if (ch != 0)
		ND_CHR(nd, '>');
}
