/*
 * sctp.c - SCTP (RFC 9260) common header and chunks, printed as tcpdump 4.99 does.
 *
 *   common header: sport(2) dport(2) verification tag(4) checksum(4)
 *   chunk:         type(1) flags(1) length(2) value..., padded to 4 bytes
 *
 * Every chunk prints "(n) [NAME] "; DATA, INIT, INIT ACK and SACK print their
 * fields.  DATA payloads go to ForCES (ports 6704-6706 or PPID 21-23); with
 * -vv M3UA (PPID 3) is decoded and other payloads are hex-dumped ("[Payload:...]").  -vv puts each chunk on
 * its own line.
 */
#include "nd.h"

static const struct tok chunk_names[] = {
	{0x00, "DATA"}, {0x01, "INIT"}, {0x02, "INIT ACK"}, {0x03, "SACK"},
	{0x04, "HB REQ"}, {0x05, "HB ACK"}, {0x06, "ABORT"}, {0x07, "SHUTDOWN"},
	{0x08, "SHUTDOWN ACK"}, {0x09, "OP ERR"}, {0x0a, "COOKIE ECHO"}, {0x0b, "COOKIE ACK"},
	{0x0c, "ECN ECHO"}, {0x0d, "ECN CWR"}, {0x0e, "SHUTDOWN COMPLETE"},
	{0xc0, "FOR CUM TSN"}, {0xc1, "REL CTRL"}, {0xc2, "REL CTRL ACK"}, {0, NULL},
};

static const struct tok ppid_names[] = {
	{1, "ISDN Q.921"}, {2, "M2UA"}, {3, "M3UA"}, {4, "SUA"}, {5, "M2PA"}, {6, "V5.2"},
	{7, "H.248"}, {8, "BICC"}, {9, "TALI"}, {10, "DUA"}, {11, "ASAP"}, {12, "ENRP"},
	{13, "H.323"}, {14, "Q.IPC"}, {15, "SIMCO"}, {16, "DDPSC"}, {17, "DDPSSC"},
	{18, "S1AP"}, {19, "RUA"}, {20, "HNBAP"}, {21, "ForCES HP"}, {22, "ForCES MP"},
	{23, "ForCES LP"}, {24, "SBc-AP"}, {25, "NBAP"}, {27, "X2AP"}, {0, NULL},
};

static const char *forces_channel(uint16_t port)
{
	switch (port) {
	case 6704: return "ForCES HP";
	case 6705: return "ForCES MP";
	case 6706: return "ForCES LP";
	default: return NULL;
	}
}

static void bogus(struct nd *nd, unsigned chunk_len)
{
	out_fmt(nd->out, "bogus chunk length %u]", chunk_len);
}

void sctp_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	nd->protocol = "sctp";
	if (len < 12) {
		out_fmt(nd->out, "truncated-sctp - %u bytes missing!", 12 - len);
		return;
	}
	/* tcpdump's explicit length checks print the marker and return (the
	 * -x dump then still skips the link header), unlike a failed read */
	if (!nd_ok(nd, p, 12)) {
		nd_print_trunc(nd);
		return;
	}
	uint16_t sport = GET_BE16(nd, p), dport = GET_BE16(nd, p + 2);
	if (ip->v6)
		nd_ip6addr(nd, ip->iph + 8);
	else
		nd_ipaddr(nd, ip->iph + 12);
	ND_CHR(nd, '.');
	ND_U(nd, sport);
	ND_STR(nd, " > ");
	if (ip->v6)
		nd_ip6addr(nd, ip->iph + 24);
	else
		nd_ipaddr(nd, ip->iph + 16);
	ND_CHR(nd, '.');
	ND_U(nd, dport);
	ND_STR(nd, ": sctp");
	int isforces = 0;
	const char *ch;
	if ((ch = forces_channel(sport)) != NULL) {
		out_fmt(nd->out, "[%s]", ch);
		isforces = 1;
	}
	if ((ch = forces_channel(dport)) != NULL) {
		out_fmt(nd->out, "[%s]", ch);
		isforces = 1;
	}
	const uint8_t *bp = p + 12;
	uint32_t rem = len - 12;
	int vv = nd->o->vflag >= 2;
	const char *sep = vv ? "\n\t" : " (";
	for (unsigned n = 1; rem != 0; n++) {
		if (rem < 4) {
			out_fmt(nd->out, "%s%u) [chunk descriptor cut off at end of packet]", sep, n);
			break;
		}
		if (!nd_ok(nd, bp, 4)) {
			nd_print_trunc(nd);
			return;
		}
		uint32_t clen = GET_BE16(nd, bp + 2);
		if (clen < 4) {
			out_fmt(nd->out, "%s%u) [Bad chunk length %u, < size of chunk descriptor]", sep, n, clen);
			break;
		}
		uint32_t align = clen % 4 ? 4 - clen % 4 : 0;
		if (rem < align) {
			out_fmt(nd->out, "%s%u) [Bad chunk length %u, > remaining data in packet]", sep, n, clen);
			break;
		}
		if (!nd_ok(nd, bp, clen)) {
			nd_print_trunc(nd);
			return;
		}
		uint8_t id = GET_U8(nd, bp), flg = GET_U8(nd, bp + 1);
		const uint8_t *c = bp + 4;
		uint32_t crem = clen - 4;
		bp += 4;
		rem -= 4;
		out_fmt(nd->out, "%s%u) [", sep, n);
		nd_tok(nd, chunk_names, "Unknown chunk type: 0x%x", id);
		ND_STR(nd, "] ");
		switch (id) {
		case 0x00: { /* DATA */
			if (flg & 0x04)
				ND_STR(nd, "(U)");
			if (flg & 0x02)
				ND_STR(nd, "(B)");
			if (flg & 0x01)
				ND_STR(nd, "(E)");
			if (flg & 0x07)
				ND_CHR(nd, ' ');
			if (crem < 12) {
				bogus(nd, clen);
				return;
			}
			uint32_t ppid = GET_BE32(nd, c + 8);
			out_fmt(nd->out, "[TSN: %u] [SID: %u] [SSEQ %u] [PPID ", GET_BE32(nd, c), GET_BE16(nd, c + 4),
				GET_BE16(nd, c + 6));
			nd_tok(nd, ppid_names, "0x%x", ppid);
			ND_STR(nd, "] ");
			if (!isforces)
				isforces = ppid >= 21 && ppid <= 23;
			c += 12;
			crem -= 12;
			if (crem == 0) {
				bogus(nd, clen);
				return;
			}
			if (isforces) {
				forces_print(nd, c, crem);
				nd->protocol = "sctp";
			} else if (vv && ppid == 3) {
				m3ua_print(nd, c, crem);
				nd->protocol = "sctp";
			} else if (vv) {
				ND_STR(nd, "[Payload");
				if (!nd_default_print_suppressed(nd)) {
					ND_CHR(nd, ':');
					nd_default_print(nd, c, crem);
				}
				ND_CHR(nd, ']');
			}
			break;
		}
		case 0x01: /* INIT */
		case 0x02: /* INIT ACK */
			if (crem < 16) {
				bogus(nd, clen);
				return;
			}
			out_fmt(nd->out, "[init tag: %u] [rwnd: %u] [OS: %u] [MIS: %u] [init TSN: %u] ",
				GET_BE32(nd, c), GET_BE32(nd, c + 4), GET_BE16(nd, c + 8), GET_BE16(nd, c + 10),
				GET_BE32(nd, c + 12));
			break;
		case 0x03: { /* SACK */
			if (crem < 12) {
				bogus(nd, clen);
				return;
			}
			uint32_t cum = GET_BE32(nd, c);
			uint16_t ngap = GET_BE16(nd, c + 8), ndup = GET_BE16(nd, c + 10);
			out_fmt(nd->out, "[cum ack %u] [a_rwnd %u] [#gap acks %u] [#dup tsns %u] ", cum, GET_BE32(nd, c + 4),
				ngap, ndup);
			c += 12;
			crem -= 12;
			for (unsigned i = 0; crem != 0 && i < ngap; i++) {
				if (crem < 4) {
					bogus(nd, clen);
					return;
				}
				out_fmt(nd->out, "\n\t\t[gap ack block #%u: start = %u, end = %u] ", i + 1,
					cum + GET_BE16(nd, c), cum + GET_BE16(nd, c + 2));
				c += 4;
				crem -= 4;
			}
			for (unsigned i = 0; crem != 0 && i < ndup; i++) {
				if (crem < 4) {
					bogus(nd, clen);
					return;
				}
				out_fmt(nd->out, "\n\t\t[dup TSN #%u: %u] ", i + 1, GET_BE32(nd, c));
				c += 4;
				crem -= 4;
			}
			break;
		}
		default:
			break;
		}
		/* the whole chunk (already checked as captured), then its padding */
		bp += clen - 4;
		rem -= clen - 4; /* wraps like tcpdump's unsigned count when a chunk overruns */
		if (!vv)
			sep = ", (";
		if (align) {
			if (!nd_ok(nd, bp, align)) {
				nd_print_trunc(nd);
				return;
			}
			bp += align;
			rem -= align;
		}
	}
}
