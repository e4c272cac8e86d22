/*
 * bootp.c - BOOTP (RFC 951) and DHCP (RFC 2131/2132), UDP ports 67 and 68,
 * as tcpdump 4.99 prints them.
 *
 *   op(1) htype(1) hlen(1) hops(1) xid(4) secs(2) flags(2)
 *   ciaddr(4) yiaddr(4) siaddr(4) giaddr(4) chaddr(16) sname(64) file(128)
 *   vendor area: magic cookie 99.130.83.99, then options tag(1) len(1) data
 *
 * Without -v one line (op, client MAC of a request, length); with -v the
 * non-zero header fields and every option, each decoded by its kind: a
 * table maps the option to a name and a format letter (see opt_fmt below).
 */
#include <string.h>

#include "nd.h"

enum {
	BOOTP_SNAME = 44, BOOTP_FILE = 108, BOOTP_VEND = 236,
	TAG_PAD = 0, TAG_END = 255, TAG_DHCP_MESSAGE = 53, TAG_PARM_REQUEST = 55,
	TAG_NETBIOS_NODE = 46, TAG_OPT_OVERLOAD = 52, TAG_CLIENT_ID = 61, TAG_USER_CLASS = 77,
	TAG_CLIENT_FQDN = 81, TAG_AGENT_CIRCUIT = 82, TAG_CLASSLESS_STATIC_RT = 121,
	TAG_CLASSLESS_STA_RT_MS = 249,
};

/*
 * Option names; the first character is how the data is printed:
 *   i IPv4 addresses   p address pairs   l unsigned 32-bit   L signed 32-bit
 *   s 16-bit values    b decimal bytes   x hex bytes         a ASCII text
 *   B booleans (Y/N)   $ decoded by its own code              ' ' no data
 */
static const struct tok bootp_tags[] = {
	{0, " PAD"}, {1, "iSubnet-Mask"}, {2, "LTime-Zone"}, {3, "iDefault-Gateway"},
	{4, "iTime-Server"}, {5, "iIEN-Name-Server"}, {6, "iDomain-Name-Server"}, {7, "iLOG"},
	{8, "iCS"}, {9, "iLPR-Server"}, {10, "iIM"}, {11, "iRL"}, {12, "aHostname"},
	{13, "sBS"}, {255, " END"}, {14, "aDP"}, {15, "aDomain-Name"}, {16, "iSS"},
	{17, "aRP"}, {18, "aEP"}, {19, "BIPF"}, {20, "BSRT"}, {21, "pPF"}, {22, "sRSZ"},
	{23, "bTTL"}, {24, "lMTU-Timeout"}, {25, "sMTU-Table"}, {26, "sMTU"}, {27, "BLSN"},
	{28, "iBR"}, {29, "BMD"}, {30, "BMS"}, {31, "BRouter-Discovery"}, {32, "iRSA"},
	{33, "pStatic-Route"}, {34, "BUT"}, {35, "lAT"}, {36, "BIE"}, {37, "bTT"},
	{38, "lKI"}, {39, "BKG"}, {40, "aYD"}, {41, "iYS"}, {42, "iNTP"},
	{43, "bVendor-Option"}, {44, "iNetbios-Name-Server"}, {45, "iWDD"},
	{46, "$Netbios-Node"}, {47, "aNetbios-Scope"}, {48, "iXFS"}, {49, "iXDM"},
	{64, "sN+D"}, {65, "iN+S"}, {68, "iMH"}, {69, "iSMTP"}, {70, "iPOP3"},
	{71, "iNNTP"}, {72, "iWWW"}, {73, "iFG"}, {74, "iIRC"}, {75, "iSTS"}, {76, "iSTDA"},
	{50, "iRequested-IP"}, {51, "lLease-Time"}, {52, "$OO"}, {66, "aTFTP"}, {67, "aBF"},
	{53, " DHCP-Message"}, {54, "iServer-ID"}, {55, "bParameter-Request"}, {56, "aMSG"},
	{57, "sMSZ"}, {58, "lRN"}, {59, "lRB"}, {60, "aVendor-Class"}, {61, "$Client-ID"},
	{98, "aUAP"}, {116, "BNOAUTO"}, {78, "bSLP-DA"}, {79, "bSLP-SCOPE"},
	{117, "sNSSEARCH"}, {77, "$User-Class"}, {118, "iSUBNET"},
	{121, "$Classless-Static-Route"}, {249, "$Classless-Static-Route-Microsoft"},
	{150, "iTFTP-Server-Address"}, {80, "aSLP-NA"}, {81, "$FQDN"},
	{82, "$Agent-Information"}, {83, "bARMT"}, {88, "aTZSTR"}, {89, "bFQDNS"},
	{90, "bAUTH"}, {91, "LLast-Transaction-Time"}, {92, "iAssociated-IP"},
	{93, "sARCH"}, {94, "bNDI"}, {97, "bGUID"}, {95, "aLDAP"}, {100, "aPOSIX-TZ"},
	{101, "aTZ-Name"}, {112, "iNI"}, {113, "aNITAG"}, {114, "aURL"}, {161, "aMUD-URL"},
	{0, NULL},
};

static const struct tok bootp_op[] = {{1, "Request"}, {2, "Reply"}, {0, NULL}};
static const struct tok bootp_flags[] = {{0x8000, "Broadcast"}, {0, NULL}};
static const struct tok oo_names[] = {{1, "file"}, {2, "sname"}, {3, "file+sname"}, {0, NULL}};
static const struct tok nbo_names[] = {
	{1, "b-node"}, {2, "p-node"}, {4, "m-node"}, {8, "h-node"}, {0, NULL},
};
static const struct tok arp_hw_names[] = {
	{1, "ether"}, {6, "ieee802"}, {7, "arcnet"}, {0xf, "frelay"}, {0x17, "strip"},
	{0x18, "ieee1394"}, {0, NULL},
};
static const struct tok dhcp_msgs[] = {
	{1, "Discover"}, {2, "Offer"}, {3, "Request"}, {4, "Decline"}, {5, "ACK"},
	{6, "NACK"}, {7, "Release"}, {8, "Inform"}, {10, "LeaseQuery"},
	{11, "LeaseUnassigned"}, {12, "LeaseUnknown"}, {13, "LeaseActive"}, {0, NULL},
};
static const struct tok agent_subopts[] = {
	{1, "Circuit-ID"}, {2, "Remote-ID"}, {6, "Subscriber-ID"}, {0, NULL},
};

/* n bytes as text (every byte, escaped); 1 when the capture ended first (what
 * was captured is printed). */
static int bootp_text(struct nd *nd, const uint8_t *p, unsigned n)
{
	size_t have = nd_avail(nd, p);
	if (have >= n) {
		nd_printjn(nd, p, n);
		return 0;
	}
	nd_printjn(nd, p, have);
	return 1;
}

/* A quoted string of n bytes; a capture that ends inside it ends the packet. */
static void bootp_quoted(struct nd *nd, const uint8_t *p, unsigned n)
{
	ND_CHR(nd, '"');
	int cut = bootp_text(nd, p, n);
	ND_CHR(nd, '"');
	if (cut)
		nd_trunc(nd);
}

/*
 * sname / file: text up to a NUL or n bytes; 0 when the capture ended first
 * or when the field has no NUL at all (tcpdump then reports truncation too).
 */
static int bootp_ztext(struct nd *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		if (!nd_ok(nd, p + i, 1))
			return 0;
		uint8_t c = GET_U8(nd, p + i);
		if (c == 0)
			return 1;
		nd_printjn(nd, p + i, 1);
	}
	return 0;
}

static void bootp_ip(struct nd *nd, const uint8_t *p)
{
	nd_ipaddr(nd, p);
}

/* The "$" options; returns the bytes left undecoded. */
static unsigned bootp_special(struct nd *nd, unsigned tag, const uint8_t **bpp, unsigned len)
{
	const uint8_t *bp = *bpp;
	int first = 1;
	switch (tag) {
	case TAG_NETBIOS_NODE:
	case TAG_OPT_OVERLOAD:
		if (len < 1) {
			ND_STR(nd, "[ERROR: length < 1 bytes]");
			break;
		}
		{
			const char *s = tok_find(tag == TAG_NETBIOS_NODE ? nbo_names : oo_names,
						 GET_U8(nd, bp));
			if (s)
				ND_STR(nd, s);
			else
				out_fmt(nd->out, "#%u", GET_U8(nd, bp));
		}
		bp++;
		len--;
		break;
	case TAG_CLIENT_FQDN: {
		if (len < 3) {
			ND_STR(nd, "[ERROR: length < 3 bytes]");
			bp += len;
			len = 0;
			break;
		}
		uint8_t fl = GET_U8(nd, bp);
		if (fl & 0xf0)
			out_fmt(nd->out, "[ERROR: MBZ nibble 0x%x != 0] ", (fl & 0xf0) >> 4);
		if (fl & 0x0f) {
			ND_CHR(nd, '[');
			if (fl & 1)
				ND_CHR(nd, 'S');
			if (fl & 2)
				ND_CHR(nd, 'O');
			if (fl & 4)
				ND_CHR(nd, 'E');
			if (fl & 8)
				ND_CHR(nd, 'N');
			ND_STR(nd, "] ");
		}
		bp++;
		if (GET_U8(nd, bp) || GET_U8(nd, bp + 1))
			out_fmt(nd->out, "%u/%u ", GET_U8(nd, bp), GET_U8(nd, bp + 1));
		bp += 2;
		bootp_quoted(nd, bp, len - 3);
		bp += len - 3;
		len = 0;
		break;
	}
	case TAG_CLIENT_ID: {
		if (len < 1) {
			ND_STR(nd, "[ERROR: length < 1 bytes]");
			break;
		}
		uint8_t type = GET_U8(nd, bp);
		bp++;
		len--;
		if (type == 0) {
			bootp_quoted(nd, bp, len);
			bp += len;
			len = 0;
			break;
		}
		const char *s = tok_find(arp_hw_names, type);
		if (s)
			ND_STR(nd, s);
		else
			out_fmt(nd->out, "hardware-type %u,", type);
		ND_CHR(nd, ' ');
		while (len > 0) {
			if (!first)
				ND_CHR(nd, ':');
			out_hex(nd->out, GET_U8(nd, bp), 2);
			bp++;
			len--;
			first = 0;
		}
		break;
	}
	case TAG_AGENT_CIRCUIT:
		while (len >= 2) {
			uint8_t so = GET_U8(nd, bp), sl = GET_U8(nd, bp + 1);
			bp += 2;
			len -= 2;
			const char *s = tok_find(agent_subopts, so);
			out_fmt(nd->out, "\n\t      %s SubOption %u, length %u: ", s ? s : "Unknown", so,
				sl);
			if (sl > len) {
				ND_STR(nd, "length goes past end of option");
				bp += len;
				len = 0;
				break;
			}
			if (so == 1 || so == 2 || so == 6) {
				if (bootp_text(nd, bp, sl))
					nd_trunc(nd);
			} else {
				nd_print_unknown_data(nd, bp, "\n\t\t", sl);
			}
			len -= sl;
			bp += sl;
		}
		break;
	case TAG_CLASSLESS_STATIC_RT:
	case TAG_CLASSLESS_STA_RT_MS:
		if (len < 5) {
			ND_STR(nd, "[ERROR: length < 5 bytes]");
			bp += len;
			len = 0;
			break;
		}
		while (len > 0) {
			if (!first)
				ND_CHR(nd, ',');
			unsigned mw = GET_U8(nd, bp);
			bp++;
			len--;
			if (mw > 32) {
				out_fmt(nd->out, "[ERROR: Mask width (%u) > 32]", mw);
				bp += len;
				len = 0;
				break;
			}
			unsigned sig = (mw + 7) / 8;
			if (len < sig + 4) {
				out_fmt(nd->out, "[ERROR: Remaining length (%u) < %u bytes]", len, sig + 4);
				bp += len;
				len = 0;
				break;
			}
			ND_CHR(nd, '(');
			if (mw == 0) {
				ND_STR(nd, "default");
			} else {
				for (unsigned i = 0; i < sig; i++) {
					if (i)
						ND_CHR(nd, '.');
					ND_U(nd, GET_U8(nd, bp));
					bp++;
				}
				for (unsigned i = sig; i < 4; i++)
					ND_STR(nd, ".0");
				out_fmt(nd->out, "/%u", mw);
			}
			ND_CHR(nd, ':');
			bootp_ip(nd, bp);
			ND_CHR(nd, ')');
			bp += 4;
			len -= sig + 4;
			first = 0;
		}
		break;
	case TAG_USER_CLASS: {
		unsigned n = 1;
		if (len < 2) {
			ND_STR(nd, "[ERROR: length < 2 bytes]");
			bp += len;
			len = 0;
			break;
		}
		while (len > 0) {
			unsigned sl = GET_U8(nd, bp);
			bp++;
			len--;
			out_fmt(nd->out, "\n\t      instance#%u: ", n);
			if (sl == 0) {
				ND_STR(nd, "[ERROR: suboption length must be non-zero]");
				bp += len;
				len = 0;
				break;
			}
			if (len < sl) {
				ND_STR(nd, "[ERROR: invalid option]");
				bp += len;
				len = 0;
				break;
			}
			bootp_quoted(nd, bp, sl);
			out_fmt(nd->out, ", length %u", sl);
			n++;
			len -= sl;
			bp += sl;
		}
		break;
	}
	default:
		out_fmt(nd->out, "[unknown special tag %u, size %u]", tag, len);
		bp += len;
		len = 0;
		break;
	}
	*bpp = bp;
	return len;
}

static void rfc1048_print(struct nd *nd, const uint8_t *bp)
{
	ND_STR(nd, "\n\t  Vendor-rfc1048 Extensions");
	out_fmt(nd->out, "\n\t    Magic Cookie 0x%08x", GET_BE32(nd, bp));
	bp += 4;
	while (nd_ok(nd, bp, 1)) {
		unsigned tag = GET_U8(nd, bp);
		bp++;
		if (tag == TAG_PAD && nd->o->vflag < 3)
			continue;
		if (tag == TAG_END && nd->o->vflag < 3)
			return;
		const char *name = tok_find(bootp_tags, tag);
		if (!name)
			name = "?Unknown";
		char c = name[0];
		name++;
		unsigned len = 0;
		if (tag != TAG_PAD && tag != TAG_END) {
			len = GET_U8(nd, bp);
			bp++;
		}
		out_fmt(nd->out, "\n\t    %s (%u), length %u%s", name, tag, len, len ? ": " : "");
		if (tag == TAG_PAD && nd->o->vflag > 2) {
			unsigned n = 1;
			while (nd_ok(nd, bp, 1) && GET_U8(nd, bp) == TAG_PAD) {
				bp++;
				n++;
			}
			if (n > 1)
				out_fmt(nd->out, ", occurs %u", n);
		}
		nd_need(nd, bp, len);
		if (tag == TAG_DHCP_MESSAGE && len == 1) {
			nd_tok(nd, dhcp_msgs, "Unknown (%u)", GET_U8(nd, bp));
			bp++;
			continue;
		}
		if (tag == TAG_PARM_REQUEST) {
			for (unsigned idx = 0; len > 0; idx++, len--, bp++) {
				unsigned t = GET_U8(nd, bp);
				const char *n = tok_find(bootp_tags, t);
				ND_STR(nd, idx % 4 == 0 ? "\n\t      " : ", ");
				out_fmt(nd->out, "%s (%u)", n ? n + 1 : "Unknown", t);
			}
			continue;
		}
		if (c == '?')
			c = (len & 1) ? 'b' : (len & 2) ? 's' : 'l';
		int first = 1;
		switch (c) {
		case 'a':
			bootp_quoted(nd, bp, len);
			bp += len;
			len = 0;
			break;
		case 'i':
		case 'l':
		case 'L':
			for (; len >= 4; len -= 4, bp += 4, first = 0) {
				if (!first)
					ND_CHR(nd, ',');
				if (c == 'i')
					bootp_ip(nd, bp);
				else if (c == 'L')
					out_fmt(nd->out, "%d", (int32_t)GET_BE32(nd, bp));
				else
					ND_U(nd, GET_BE32(nd, bp));
			}
			break;
		case 'p':
			for (; len >= 8; len -= 8, bp += 8, first = 0) {
				if (!first)
					ND_CHR(nd, ',');
				ND_CHR(nd, '(');
				bootp_ip(nd, bp);
				ND_CHR(nd, ':');
				bootp_ip(nd, bp + 4);
				ND_CHR(nd, ')');
			}
			break;
		case 's':
			for (; len >= 2; len -= 2, bp += 2, first = 0) {
				if (!first)
					ND_CHR(nd, ',');
				ND_U(nd, GET_BE16(nd, bp));
			}
			break;
		case 'B':
			for (; len > 0; len--, bp++, first = 0) {
				uint8_t v = GET_U8(nd, bp);
				if (!first)
					ND_CHR(nd, ',');
				if (v == 0)
					ND_CHR(nd, 'N');
				else if (v == 1)
					ND_CHR(nd, 'Y');
				else
					out_fmt(nd->out, "%u?", v);
			}
			break;
		case '$':
			len = bootp_special(nd, tag, &bp, len);
			break;
		default: /* b, x and no format */
			for (; len > 0; len--, bp++, first = 0) {
				uint8_t v = GET_U8(nd, bp);
				if (!first)
					ND_CHR(nd, c == 'x' ? ':' : '.');
				if (c == 'x')
					out_hex(nd->out, v, 2);
				else
					ND_U(nd, v);
			}
			break;
		}
		if (len) {
			out_fmt(nd->out, "\n\t  trailing data length %u", len);
			bp += len;
		}
	}
}

static void cmu_print(struct nd *nd, const uint8_t *bp)
{
	static const struct {
		unsigned off;
		const char *name;
	} f[] = {{12, "DG"}, {8, NULL}, {16, "NS1"}, {20, "NS2"}, {24, "IEN1"}, {28, "IEN2"},
		 {32, "TS1"}, {36, "TS2"}};
	ND_STR(nd, " vend-cmu");
	nd_need(nd, bp + 4, 4);
	uint8_t fl = GET_U8(nd, bp + 4);
	if (fl & ~1u)
		out_fmt(nd->out, " F:0x%x", fl);
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		if (GET_BE32(nd, bp + f[i].off) == 0)
			continue;
		ND_CHR(nd, ' ');
		ND_STR(nd, f[i].name ? f[i].name : (fl & 1) ? "SM" : "SM*");
		ND_CHR(nd, ':');
		bootp_ip(nd, bp + f[i].off);
	}
}

void bootp_print(struct nd *nd, const uint8_t *bp, uint32_t length)
{
	nd->protocol = "bootp";
	uint8_t op = GET_U8(nd, bp);
	ND_STR(nd, "BOOTP/DHCP, ");
	nd_tok(nd, bootp_op, "unknown (0x%02x)", op);
	uint8_t htype = GET_U8(nd, bp + 1), hlen = GET_U8(nd, bp + 2);
	if (htype == 1 && hlen == 6 && op == 1) {
		nd_need(nd, bp + 28, 6);
		ND_STR(nd, " from ");
		nd_etheraddr(nd, bp + 28);
	}
	out_fmt(nd->out, ", length %u", length);
	if (!nd->o->vflag)
		return;
	nd_need(nd, bp + 8, 2);
	if (htype != 1)
		out_fmt(nd->out, ", htype %u", htype);
	if (htype != 1 || hlen != 6)
		out_fmt(nd->out, ", hlen %u", hlen);
	if (GET_U8(nd, bp + 3))
		out_fmt(nd->out, ", hops %u", GET_U8(nd, bp + 3));
	if (GET_BE32(nd, bp + 4))
		out_fmt(nd->out, ", xid 0x%x", GET_BE32(nd, bp + 4));
	if (GET_BE16(nd, bp + 8))
		out_fmt(nd->out, ", secs %u", GET_BE16(nd, bp + 8));
	uint16_t flags = GET_BE16(nd, bp + 10);
	ND_STR(nd, ", Flags [");
	nd_bits(nd, bootp_flags, flags, ", ");
	ND_CHR(nd, ']');
	if (nd->o->vflag > 1)
		out_fmt(nd->out, " (0x%04x)", flags);
	static const char *const addr_names[] = {"Client-IP", "Your-IP", "Server-IP", "Gateway-IP"};
	for (unsigned i = 0; i < 4; i++) {
		if (GET_BE32(nd, bp + 12 + 4 * i)) {
			out_fmt(nd->out, "\n\t  %s ", addr_names[i]);
			bootp_ip(nd, bp + 12 + 4 * i);
		}
	}
	if (htype == 1 && hlen == 6) {
		nd_need(nd, bp + 28, 6); /* tcpdump reads it before the label */
		ND_STR(nd, "\n\t  Client-Ethernet-Address ");
		nd_etheraddr(nd, bp + 28);
	}
	static const struct {
		unsigned off, n;
		const char *label;
	} strs[] = {{BOOTP_SNAME, 64, "\n\t  sname \""}, {BOOTP_FILE, 128, "\n\t  file \""}};
	for (unsigned i = 0; i < 2; i++) {
		if (GET_U8(nd, bp + strs[i].off)) {
			ND_STR(nd, strs[i].label);
			if (!bootp_ztext(nd, bp + strs[i].off, strs[i].n)) {
				ND_CHR(nd, '"');
				nd_trunc(nd);
			}
			ND_CHR(nd, '"');
		}
	}
	const uint8_t *v = bp + BOOTP_VEND;
	uint32_t magic = GET_BE32(nd, v);
	if (magic == 0x63825363)
		rfc1048_print(nd, v);
	else if (magic >> 8 == 0x434d55 /* "CMU" */ && (magic & 0xff) == 0)
		cmu_print(nd, v);
	else if (magic != 0)
		out_fmt(nd->out, "\n\t  Vendor-#0x%x", magic);
}
