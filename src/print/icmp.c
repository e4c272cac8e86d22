/*
 * icmp.c - ICMP for IPv4 (RFC 792), with router discovery (RFC 1256),
 * path MTU discovery (RFC 1191) and multi-part extensions (RFC 4884,
 * MPLS label stack objects of RFC 4950), printed as tcpdump 4.99 does.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +---------------+---------------+-------------------------------+
 *   |     Type      |     Code      |           Checksum            |
 *   +---------------+---------------+-------------------------------+
 *   |  type-specific: id/seq, gateway, pointer, length/mtu, ...     |
 *   +---------------------------------------------------------------+
 *   |  errors: the original IP header + at least 8 bytes of data    |
 *   +---------------------------------------------------------------+
 *
 * tcpdump formats the whole description before printing anything, so a
 * packet cut short anywhere in the fields it needs prints only " [|icmp]".
 * We get the same effect by checking the furthest byte each message type
 * needs (icmp_needed) before the first character is written.
 */
#include <string.h>

#include "nd.h"

enum {
	ICMP_ECHOREPLY = 0, ICMP_UNREACH = 3, ICMP_SOURCEQUENCH = 4,
	ICMP_REDIRECT = 5, ICMP_ECHO = 8, ICMP_ROUTERADVERT = 9,
	ICMP_ROUTERSOLICIT = 10, ICMP_TIMXCEED = 11, ICMP_PARAMPROB = 12,
	ICMP_TSTAMP = 13, ICMP_TSTAMPREPLY = 14, ICMP_IREQ = 15,
	ICMP_IREQREPLY = 16, ICMP_MASKREQ = 17, ICMP_MASKREPLY = 18,
};

/* Offsets inside the ICMP message. */
#define ICMP_HDR      8                 /* type, code, checksum, 4 more */
#define OIP_P         (ICMP_HDR + 9)    /* quoted IP: protocol */
#define OIP_DST       (ICMP_HDR + 16)   /* quoted IP: destination */
#define EXT_OFF       136               /* RFC 4884: 8 + 128 bytes of original datagram */
#define EXT_HDR_NEED  141               /* tcpdump checks this much before reading the extension */
#define OIP_LEN_END   4                 /* tcpdump reads the quoted ip_len after narrowing to it */

static const struct tok icmp_type_names[] = {
	{ ICMP_ECHOREPLY, "echo reply" },
	{ ICMP_SOURCEQUENCH, "source quench" },
	{ ICMP_ECHO, "echo request" },
	{ ICMP_ROUTERSOLICIT, "router solicitation" },
	{ ICMP_TSTAMP, "time stamp request" },
	{ ICMP_TSTAMPREPLY, "time stamp reply" },
	{ ICMP_IREQ, "information request" },
	{ ICMP_IREQREPLY, "information reply" },
	{ ICMP_MASKREQ, "address mask request" },
	{ 0, NULL }
};

/* Destination unreachable codes printed as "<pre><dst><post>". */
struct unreach_fmt {
	uint8_t code;
	const char *pre, *post;
};
static const struct unreach_fmt unreach_fmts[] = {
	{ 0, "net ", " unreachable" },
	{ 1, "host ", " unreachable" },
	{ 5, "", " unreachable - source route failed" },
	{ 6, "net ", " unreachable - unknown" },
	{ 7, "host ", " unreachable - unknown" },
	{ 8, "", " unreachable - source host isolated" },
	{ 9, "net ", " unreachable - admin prohibited" },
	{ 10, "host ", " unreachable - admin prohibited" },
	{ 11, "net ", " unreachable - tos prohibited" },
	{ 12, "host ", " unreachable - tos prohibited" },
	{ 13, "host ", " unreachable - admin prohibited filter" },
	{ 14, "host ", " unreachable - host precedence violation" },
	{ 15, "host ", " unreachable - precedence cutoff" },
};

static const struct tok redirect_names[] = {
	{ 0, "redirect " },
	{ 1, "redirect " },
	{ 2, "redirect-tos " },
	{ 3, "redirect-tos " },
	{ 0, NULL }
};

static const struct tok ext_object_names[] = {
	{ 1, "MPLS Stack Entry" },
	{ 2, "Interface Identification" },
	{ 0, NULL }
};

/* Bytes from the start of the message that the one-line summary reads. */
static size_t icmp_needed(struct nd *nd, const uint8_t *p, uint8_t type, uint8_t code)
{
	switch (type) {
	case ICMP_ECHO:
	case ICMP_ECHOREPLY:
	case ICMP_TSTAMP:
		return 8;
	case ICMP_UNREACH:
		if (code == 3) {
			/* the port lies after the quoted header, whatever its length */
			size_t hl = (size_t)(GET_U8(nd, p + ICMP_HDR) & 0x0f) * 4;
			size_t n = ICMP_HDR + hl + 4;

			nd_need(nd, p, OIP_P + 1);
			return n > OIP_DST + 4 ? n : OIP_DST + 4;
		}
		return OIP_DST + 4;
	case ICMP_REDIRECT:
	case ICMP_TIMXCEED:
		return OIP_DST + 4;
	case ICMP_ROUTERADVERT: {
		size_t num;

		nd_need(nd, p, 8);
		if (p[5] != 2)
			return 8;
		num = p[4];
		return 8 + 8 * num;
	}
	case ICMP_PARAMPROB:
		return code ? 2 : 5;
	case ICMP_MASKREPLY:
		return 12;
	case ICMP_TSTAMPREPLY:
		return 20;
	default:
		return 2;
	}
}

/* Milliseconds since midnight UTC as hh:mm:ss.mmm. */
static void icmp_tstamp(struct nd *nd, uint32_t t)
{
	uint32_t ms = t % 1000, sec = t / 1000;
	uint32_t min = sec / 60, hrs;

	sec -= min * 60;
	hrs = min / 60;
	min -= hrs * 60;
	out_u64w(nd->out, hrs, 2);
	ND_CHR(nd, ':');
	out_u64w(nd->out, min, 2);
	ND_CHR(nd, ':');
	out_u64w(nd->out, sec, 2);
	ND_CHR(nd, '.');
	out_u64w(nd->out, ms, 3);
}

static void icmp_unreach(struct nd *nd, const uint8_t *p, uint8_t code)
{
	const uint8_t *dst = p + OIP_DST;
	size_t i;

	switch (code) {
	case 2:
		nd_ipaddr(nd, dst);
		ND_STR(nd, " protocol ");
		ND_U(nd, p[OIP_P]);
		ND_STR(nd, " unreachable");
		return;
	case 3: {
		size_t hl = (size_t)(p[ICMP_HDR] & 0x0f) * 4;
		uint16_t dport = GET_BE16(nd, p + ICMP_HDR + hl + 2);
		uint8_t proto = p[OIP_P];

		nd_ipaddr(nd, dst);
		if (proto == 6 || proto == 17) {
			ND_STR(nd, proto == 6 ? " tcp port " : " udp port ");
			nd_port(nd, dport, proto == 17);
		} else {
			ND_STR(nd, " protocol ");
			ND_U(nd, proto);
			ND_STR(nd, " port ");
			ND_U(nd, dport);
		}
		ND_STR(nd, " unreachable");
		return;
	}
	case 4: {
		uint16_t mtu = GET_BE16(nd, p + 6);

		nd_ipaddr(nd, dst);
		ND_STR(nd, " unreachable - need to frag");
		if (mtu) {
			ND_STR(nd, " (mtu ");
			ND_U(nd, mtu);
			ND_CHR(nd, ')');
		}
		return;
	}
	}
	for (i = 0; i < sizeof(unreach_fmts) / sizeof(unreach_fmts[0]); i++) {
		if (unreach_fmts[i].code == code) {
			ND_STR(nd, unreach_fmts[i].pre);
			nd_ipaddr(nd, dst);
			ND_STR(nd, unreach_fmts[i].post);
			return;
		}
	}
	nd_ipaddr(nd, dst);
	ND_STR(nd, " unreachable - #");
	ND_U(nd, code);
}

static void icmp_lifetime(struct nd *nd, uint32_t life)
{
	if (life < 60) {
		ND_U(nd, life);
	} else if (life < 3600) {
		ND_U(nd, life / 60);
		ND_CHR(nd, ':');
		out_u64w(nd->out, life % 60, 2);
	} else {
		ND_U(nd, life / 3600);
		ND_CHR(nd, ':');
		out_u64w(nd->out, (life % 3600) / 60, 2);
		ND_CHR(nd, ':');
		out_u64w(nd->out, life % 60, 2);
	}
}

/* The one-line description after "ICMP ". */
static void icmp_summary(struct nd *nd, const uint8_t *p, uint8_t type, uint8_t code)
{
	const char *name;

	switch (type) {
	case ICMP_ECHO:
	case ICMP_ECHOREPLY:
		ND_STR(nd, type == ICMP_ECHO ? "echo request, id " : "echo reply, id ");
		ND_U(nd, GET_BE16(nd, p + 4));
		ND_STR(nd, ", seq ");
		ND_U(nd, GET_BE16(nd, p + 6));
		return;
	case ICMP_UNREACH:
		icmp_unreach(nd, p, code);
		return;
	case ICMP_REDIRECT:
		name = tok_find(redirect_names, code);
		if (name) {
			ND_STR(nd, name);
			nd_ipaddr(nd, p + OIP_DST);
			ND_STR(nd, code & 1 ? " to host " : " to net ");
		} else {
			ND_STR(nd, "redirect-#");
			ND_U(nd, code);
			ND_CHR(nd, ' ');
			nd_ipaddr(nd, p + OIP_DST);
			ND_STR(nd, " to ");
		}
		nd_ipaddr(nd, p + 4);
		return;
	case ICMP_ROUTERADVERT: {
		unsigned num = p[4], i;

		ND_STR(nd, "router advertisement lifetime ");
		icmp_lifetime(nd, GET_BE16(nd, p + 6));
		ND_CHR(nd, ' ');
		ND_U(nd, num);
		ND_CHR(nd, ':');
		if (p[5] != 2) {
			ND_STR(nd, " [size ");
			ND_U(nd, p[5]);
			ND_CHR(nd, ']');
			return;
		}
		for (i = 0; i < num; i++) {
			const uint8_t *e = p + 8 + 8 * (size_t)i;

			ND_STR(nd, " {");
			nd_ipaddr(nd, e);
			ND_CHR(nd, ' ');
			ND_U(nd, GET_BE32(nd, e + 4));
			ND_CHR(nd, '}');
		}
		return;
	}
	case ICMP_TIMXCEED:
		if (code == 0)
			ND_STR(nd, "time exceeded in-transit");
		else if (code == 1)
			ND_STR(nd, "ip reassembly time exceeded");
		else {
			ND_STR(nd, "time exceeded-#");
			ND_U(nd, code);
		}
		return;
	case ICMP_PARAMPROB:
		if (code) {
			ND_STR(nd, "parameter problem - code ");
			ND_U(nd, code);
		} else {
			ND_STR(nd, "parameter problem - octet ");
			ND_U(nd, GET_U8(nd, p + 4));
		}
		return;
	case ICMP_MASKREPLY:
		ND_STR(nd, "address mask is 0x");
		out_hex(nd->out, GET_BE32(nd, p + 8), 8);
		return;
	case ICMP_TSTAMP:
	case ICMP_TSTAMPREPLY:
		ND_STR(nd, type == ICMP_TSTAMP ? "time stamp query id " : "time stamp reply id ");
		ND_U(nd, GET_BE16(nd, p + 4));
		ND_STR(nd, " seq ");
		ND_U(nd, GET_BE16(nd, p + 6));
		if (type == ICMP_TSTAMPREPLY) {
			ND_STR(nd, ": org ");
			icmp_tstamp(nd, GET_BE32(nd, p + 8));
			ND_STR(nd, ", recv ");
			icmp_tstamp(nd, GET_BE32(nd, p + 12));
			ND_STR(nd, ", xmit ");
			icmp_tstamp(nd, GET_BE32(nd, p + 16));
		}
		return;
	default:
		nd_tok(nd, icmp_type_names, "type-#%u", type);
		return;
	}
}

/* RFC 4884 extension structure after the 128-byte original datagram. */
static void icmp_multipart(struct nd *nd, const uint8_t *p, uint32_t len)
{
	const uint8_t *ext = p + EXT_OFF, *obj;
	uint32_t hlen = len - EXT_OFF;
	unsigned version;

	nd_need(nd, p, EXT_HDR_NEED);
	/*
	 * A zero length field may still hide an extension: senders that do
	 * not fill it in are detected by a valid extension checksum.
	 */
	if (p[5] == 0 && nd_ok(nd, ext, hlen) && in_cksum(ext, hlen, 0) != 0)
		return;
	version = ext[0] >> 4;
	ND_STR(nd, "\n\tICMP Multi-Part extension v");
	ND_U(nd, version);
	if (version != 2) {
		ND_STR(nd, " packet not supported");
		return;
	}
	if (nd_ok(nd, ext, hlen)) {
		ND_STR(nd, ", checksum 0x");
		out_hex(nd->out, GET_BE16(nd, ext + 2), 4);
		ND_STR(nd, in_cksum(ext, hlen, 0) ? " (incorrect), length " : " (correct), length ");
		ND_U(nd, hlen);
	}
	hlen -= 4;
	obj = ext + 4;
	while (hlen > 4) {
		/* tcpdump checks each object header and returns (the -X dump
		 * then starts after the link header) */
		if (!nd_ok(nd, obj, 4)) {
			nd_print_trunc(nd);
			return;
		}
		uint32_t olen = GET_BE16(nd, obj);
		uint8_t cls = GET_U8(nd, obj + 2), ctype = GET_U8(nd, obj + 3);
		const char *name = tok_find(ext_object_names, cls);

		obj += 4;
		ND_STR(nd, "\n\t  ");
		ND_STR(nd, name ? name : "unknown");
		ND_STR(nd, " Object (");
		ND_U(nd, cls);
		ND_STR(nd, "), Class-Type: ");
		ND_U(nd, ctype);
		ND_STR(nd, ", length ");
		ND_U(nd, olen);
		hlen -= 4;
		if (cls == 0 || olen < 4)
			return;
		olen -= 4;
		if (cls == 1 && ctype == 1) {
			uint32_t entry = GET_BE32(nd, obj);

			ND_STR(nd, "\n\t    label ");
			ND_U(nd, entry >> 12);
			ND_STR(nd, ", tc ");
			ND_U(nd, (entry >> 9) & 7);
			if (entry & 0x100)
				ND_STR(nd, ", [S]");
			ND_STR(nd, ", ttl ");
			ND_U(nd, entry & 0xff);
		} else {
			nd_print_unknown_data(nd, obj, "\n\t    ", olen);
		}
		if (hlen < olen)
			break;
		hlen -= olen;
		obj += olen;
	}
}

/*
 * The quoted datagram.  A few of tcpdump's printers (DNS) print their
 * truncation marker and return instead of abandoning the packet, so the
 * ICMP printer goes on after them (the RFC 4884 extensions): catch a
 * truncation there, print the marker and carry on; any other one ends
 * the packet as usual.
 */
static void icmp_quoted(struct nd *nd, const uint8_t *oip, uint16_t olen)
{
	jmp_buf outer;
	int depth = nd->snap_depth;
	const uint8_t *snapend = nd->snapend;

	memcpy(outer, nd->trunc, sizeof outer);
	if (setjmp(nd->trunc)) {
		memcpy(nd->trunc, outer, sizeof outer);
		nd->snap_depth = depth;
		nd->snapend = snapend;
		if (strcmp(nd->protocol, "domain") != 0)
			nd_trunc(nd);
		nd_print_trunc(nd);
		nd->protocol = "icmp";
		return;
	}
	nd_push_snaplen(nd, oip, olen);
	ip_print(nd, oip, olen);
	nd_pop_snaplen(nd);
	memcpy(nd->trunc, outer, sizeof outer);
	nd->protocol = "icmp";
}

void icmp_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	uint8_t type, code;
	int is_error;

	nd->protocol = "icmp";
	type = GET_U8(nd, p);
	code = GET_U8(nd, p + 1);
	nd_need(nd, p, icmp_needed(nd, p, type, code));

	ND_STR(nd, "ICMP ");
	icmp_summary(nd, p, type, code);
	ND_STR(nd, ", length ");
	ND_U(nd, len);

	if (nd->o->vflag && !ip->fragmented && nd_ok(nd, p, len)) {
		uint16_t sum = in_cksum(p, len, 0);

		if (sum != 0) {
			uint16_t field = GET_BE16(nd, p + 2);

			ND_STR(nd, " (wrong icmp cksum ");
			out_hex(nd->out, field, 1);
			ND_STR(nd, " (->");
			out_hex(nd->out, in_cksum_shouldbe(field, sum), 1);
			ND_STR(nd, ")!)");
		}
	}
	if (!nd->o->vflag)
		return;

	is_error = type == ICMP_UNREACH || type == ICMP_SOURCEQUENCH ||
		   type == ICMP_REDIRECT || type == ICMP_TIMXCEED ||
		   type == ICMP_PARAMPROB;
	if (is_error) {
		/* the quoted datagram, as far as its own length says */
		const uint8_t *oip = p + ICMP_HDR;
		uint16_t olen;

		ND_STR(nd, "\n\t");
		olen = GET_BE16(nd, oip + 2);
		/* tcpdump narrows the capture to the quoted length: too short
		 * to hold ip_len itself, its read fails while still in ICMP */
		if (olen < OIP_LEN_END)
			nd_trunc(nd);
		icmp_quoted(nd, oip, olen);
	}
	if (len > EXT_OFF && (type == ICMP_UNREACH || type == ICMP_TIMXCEED ||
			      type == ICMP_PARAMPROB))
		icmp_multipart(nd, p, len);
}
