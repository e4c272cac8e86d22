/*
 * isis.c - OSI network layer dispatch (NLPID) and IS-IS (ISO 10589, RFC 1195,
 * RFC 5305 and friends), as tcpdump 4.99 prints them.
 *
 * Common header (8 bytes), then a PDU-specific fixed part, then TLVs:
 *
 *   +--------+--------+--------+--------+--------+--------+--------+--------+
 *   | NLPID  | hdr len| version| id len |PDU type| pdu ver| rsvd   |max area|
 *   +--------+--------+--------+--------+--------+--------+--------+--------+
 *   LAN IIH: circuit type, source id (6), holding time, PDU length, prio, LAN id (7)
 *   p2p IIH: circuit type, source id (6), holding time, PDU length, circuit id
 *   LSP:     PDU length, lifetime, LSP id (8), sequence, checksum, type block
 *   CSNP:    PDU length, source id (7), start LSP id (8), end LSP id (8)
 *   PSNP:    PDU length, source id (7)
 *   TLVs:    type (1) length (1) value
 *
 * Where tcpdump stops silently, prints its marker twice, or dumps the whole
 * PDU in hex after a sanity check fails, this printer does the same: those
 * quirks are part of the output.
 */
#include <string.h>

#include "route.h"
#include "rest.h"   /* q933_print */
#include "tunnel.h" /* ppp_print */

#define SYSID_LEN 6
#define NODEID_LEN 7
#define LSPID_LEN 8

enum {
	PDU_L1_LAN_IIH = 15, PDU_L2_LAN_IIH = 16, PDU_PTP_IIH = 17, PDU_L1_LSP = 18,
	PDU_L2_LSP = 20, PDU_L1_CSNP = 24, PDU_L2_CSNP = 25, PDU_L1_PSNP = 26, PDU_L2_PSNP = 27,
};

static const struct tok isis_pdu_names[] = {
	{PDU_L1_LAN_IIH, "L1 Lan IIH"}, {PDU_L2_LAN_IIH, "L2 Lan IIH"}, {PDU_PTP_IIH, "p2p IIH"},
	{PDU_L1_LSP, "L1 LSP"}, {PDU_L2_LSP, "L2 LSP"}, {PDU_L1_CSNP, "L1 CSNP"},
	{PDU_L2_CSNP, "L2 CSNP"}, {PDU_L1_PSNP, "L1 PSNP"}, {PDU_L2_PSNP, "L2 PSNP"}, {0, NULL},
};

static const struct tok isis_tlv_names[] = {
	{1, "Area address(es)"}, {2, "IS Reachability"}, {3, "ES Neighbor(s)"},
	{4, "Partition DIS"}, {5, "Prefix Neighbors"}, {6, "IS Neighbor(s)"},
	{7, "Instance Identifier"}, {8, "Padding"}, {9, "LSP entries"}, {10, "Authentication"},
	{12, "Checksum"}, {13, "Purge Originator Identifier"}, {14, "LSP Buffersize"},
	{22, "Extended IS Reachability"}, {24, "IS Alias ID"}, {42, "DECnet Phase IV"},
	{66, "Lucent Proprietary"}, {128, "IPv4 Internal Reachability"},
	{129, "Protocols supported"}, {130, "IPv4 External Reachability"},
	{131, "Inter-Domain Information Type"}, {132, "IPv4 Interface address(es)"},
	{133, "IPv4 authentication (deprecated)"}, {134, "Traffic Engineering Router ID"},
	{135, "Extended IPv4 Reachability"}, {138, "Shared Risk Link Group"},
	{143, "Multi-Topology-Aware Port Capability"}, {144, "Multi-Topology Capability"},
	{176, "Nortel Proprietary"}, {177, "Nortel Proprietary"}, {137, "Hostname"},
	{211, "Restart Signaling"}, {222, "Multi Topology IS Reachability"},
	{229, "Multi Topology"}, {232, "IPv6 Interface address(es)"},
	{235, "Multi-Topology IPv4 Reachability"}, {236, "IPv6 reachability"},
	{237, "Multi-Topology IP6 Reachability"}, {240, "Point-to-point Adjacency State"},
	{241, "Hello PDU Sequence Number"}, {242, "IS-IS Router Capability"},
	{250, "Vendor Private"}, {0, NULL},
};

const struct tok osi_nlpid_names[] = {
	{0x00, "NULL"}, {0x08, "Q.933"}, {0x09, "LMI"}, {0x80, "SNAP"}, {0x81, "CLNP"},
	{0x82, "ES-IS"}, {0x83, "IS-IS"}, {0x84, "CONS"}, {0x85, "IDRP"}, {0xc1, "ISIS_SPB"},
	{0xb1, "FRF.15"}, {0xcc, "IPv4"}, {0xcf, "PPP"}, {0x8a, "X25 ES-IS"}, {0x8e, "IPv6"},
	{0, NULL},
};

static const struct tok ext_is_subtlv_names[] = {
	{3, "Administrative groups"}, {4, "Link Local/Remote Identifier"},
	{5, "Link Remote Identifier"}, {6, "IPv4 interface address"},
	{8, "IPv4 neighbor address"}, {9, "Maximum link bandwidth"},
	{10, "Reservable link bandwidth"}, {11, "Unreserved bandwidth"},
	{18, "Traffic Engineering Metric"}, {19, "Link Attribute"},
	{20, "Link Protection Type"}, {21, "Interface Switching Capability"},
	{12, "Bandwidth Constraints (old)"}, {22, "Bandwidth Constraints"},
	{32, "LAN Adjacency Segment Identifier"}, {29, "SPB Metric"},
	{250, "Reserved for cisco specific extensions"},
	{251, "Reserved for cisco specific extensions"},
	{252, "Reserved for cisco specific extensions"},
	{253, "Reserved for cisco specific extensions"},
	{254, "Reserved for cisco specific extensions"}, {255, "Reserved for future expansion"},
	{0, NULL},
};

static const struct tok ext_ip_subtlv_names[] = {
	{1, "32-Bit Administrative tag"}, {2, "64-Bit Administrative tag"}, {3, "Prefix SID"},
	{117, "Management Prefix Color"}, {0, NULL},
};

static const struct tok prefix_sid_flags[] = {
	{0x80, "Readvertisement"}, {0x40, "Node"}, {0x20, "No-PHP"}, {0x10, "Explicit NULL"},
	{0x08, "Value"}, {0x04, "Local"}, {0, NULL},
};

static const struct tok prefix_sid_algos[] = {{0, "SPF"}, {1, "strict-SPF"}, {0, NULL}};

static const struct tok link_attr_flags[] = {
	{0x01, "Local Protection Available"}, {0x02, "Link excluded from local protection path"},
	{0x04, "Local maintenance required"}, {0, NULL},
};

static const struct tok lan_adj_sid_flags[] = {
	{0x80, "Address family IPv6"}, {0x40, "Backup"}, {0x20, "Value"},
	{0x10, "Local significance"}, {0x08, "Set of adjacencies"}, {0x04, "Persistent"}, {0, NULL},
};

static const struct tok auth_names[] = {
	{1, "simple text password"}, {3, "Generic Crypto key-id"}, {54, "HMAC-MD5 password"},
	{255, "Routing Domain private password"}, {0, NULL},
};

static const struct tok idrp_names[] = {
	{0, "Reserved"}, {1, "Routing-Domain Specific"}, {2, "AS Number Tag"}, {0, NULL},
};

static const struct tok mt_port_cap_subtlv_names[] = {
	{4, "SPB MCID"}, {5, "SPB Digest"}, {6, "SPB BVID"}, {0, NULL},
};

static const struct tok mt_cap_subtlv_names[] = {
	{1, "SPB Instance"}, {3, "SPBM Service Identifier and Unicast Address"}, {0, NULL},
};

static const struct tok router_cap_flags[] = {{0x01, "S bit"}, {0x02, "D bit"}, {0, NULL}};
static const struct tok router_cap_subtlv_names[] = {{2, "SR-Capabilities"}, {0, NULL}};
static const struct tok router_cap_sr_flags[] = {{0x80, "ipv4"}, {0x40, "ipv6"}, {0, NULL}};

static const struct tok mt_flags[] = {{0x4000, "ATT bit set"}, {0x8000, "Overload bit set"}, {0, NULL}};

static const struct tok mt_names[] = {
	{0, "IPv4 unicast"}, {1, "In-Band Management"}, {2, "IPv6 unicast"}, {3, "Multicast"},
	{4095, "Development, Experimental or Proprietary"}, {0, NULL},
};

static const struct tok circuit_types[] = {
	{1, "Level 1 only"}, {2, "Level 2 only"}, {3, "Level 1, Level 2"}, {0, NULL},
};

static const struct tok lsp_istypes[] = {
	{0, "Unused 0x0 (invalid)"}, {1, "L1 IS"}, {2, "Unused 0x2 (invalid)"}, {3, "L2 IS"}, {0, NULL},
};

static const struct tok ptp_adj_states[] = {{0, "Up"}, {1, "Initializing"}, {2, "Down"}, {0, NULL}};

static const struct tok is_reach_virtual[] = {{0, "IsNotVirtual"}, {1, "IsVirtual"}, {0, NULL}};

static const struct tok restart_flags[] = {
	{0x1, "Restart Request"}, {0x2, "Restart Acknowledgement"},
	{0x4, "Suppress adjacency advertisement"}, {0, NULL},
};

/* GMPLS names (RFC 4202/4203, RFC 4124), shared with the TE sub-TLVs */
static const struct tok gmpls_link_prot[] = {
	{0x01, "Extra Traffic"}, {0x02, "Unprotected"}, {0x04, "Shared"}, {0x08, "Dedicated 1:1"},
	{0x10, "Dedicated 1+1"}, {0x20, "Enhanced"}, {0x40, "Reserved"}, {0x80, "Reserved"}, {0, NULL},
};
static const struct tok gmpls_switch_cap[] = {
	{1, "Packet-Switch Capable-1"}, {2, "Packet-Switch Capable-2"}, {3, "Packet-Switch Capable-3"},
	{4, "Packet-Switch Capable-4"}, {51, "Layer-2 Switch Capable"}, {100, "Time-Division-Multiplex"},
	{150, "Lambda-Switch Capable"}, {200, "Fiber-Switch Capable"}, {0, NULL},
};
static const struct tok gmpls_encoding[] = {
	{1, "Packet"}, {2, "Ethernet V2/DIX"}, {3, "ANSI/ETSI PDH"}, {4, "Reserved"},
	{5, "SDH ITU-T G.707 / SONET ANSI T1.105"}, {6, "Reserved"}, {7, "Digital Wrapper"},
	{8, "Lambda (photonic)"}, {9, "Fiber"}, {10, "Reserved"}, {11, "FiberChannel"},
	{12, "G.709 ODUk (Digital Path)"}, {13, "G.709 Optical Channel"}, {0, NULL},
};
static const struct tok gmpls_tsc_indication[] = {
	{0, "Standard SONET/SDH"}, {1, "Arbitrary SONET/SDH"}, {0, NULL},
};
static const struct tok diffserv_te_bc[] = {
	{0, "Russian dolls"}, {1, "Maximum allocation"}, /* tcpdump 4.99 names no others */
	{0, NULL},
};

/* ---- small helpers ---------------------------------------------------- */

static void hex2(char *b, uint8_t v)
{
	static const char hx[] = "0123456789abcdef";
	b[0] = hx[v >> 4];
	b[1] = hx[v & 15];
}

/* System id "xxxx.xxxx.xxxx", node id "+.yy", LSP id "+-zz" (len 6, 7, 8). */
static const char *isis_id(struct nd *nd, const uint8_t *p, unsigned len, char *buf)
{
	char *o = buf;
	unsigned sys = len < SYSID_LEN ? len : SYSID_LEN;
	for (unsigned i = 1; i <= sys; i++) {
		hex2(o, GET_U8(nd, p + i - 1));
		o += 2;
		if (i == 2 || i == 4)
			*o++ = '.';
	}
	if (len >= NODEID_LEN) {
		*o++ = '.';
		hex2(o, GET_U8(nd, p + 6));
		o += 2;
	}
	if (len == LSPID_LEN) {
		*o++ = '-';
		hex2(o, GET_U8(nd, p + 7));
		o += 2;
	}
	*o = 0;
	return buf;
}

static void put_id(struct nd *nd, const uint8_t *p, unsigned len)
{
	char buf[32];
	ND_STR(nd, isis_id(nd, p, len, buf));
}

/*
 * tcpdump's isis_print() has two ways to end a cut PDU: its ND_TCHECKs and
 * length checks "goto trunc" (print the marker, return: -x then dumps from
 * after the link header), while its GET_ macros longjmp (-x dumps from byte
 * 0).  isis_need()/isis_trunc() are the first kind: they jump with value 2,
 * which isis_print() catches; the accessors' jump (value 1) passes through.
 */
#define ISIS_SOFT_JUMP 2

static _Noreturn void isis_trunc(struct nd *nd)
{
	longjmp(nd->trunc, ISIS_SOFT_JUMP);
}

static void isis_need(struct nd *nd, const uint8_t *p, size_t n)
{
	if (!nd_ok(nd, p, n))
		isis_trunc(nd);
}


/* tcpdump's isonsap_string: pairs of bytes separated by dots, checked. */
void osi_nsap(struct nd *nd, const uint8_t *p, unsigned len)
{
	if (len < 1 || len > 20) {
		ND_STR(nd, "isonsap_string: illegal length");
		return;
	}
	char buf[64], *o = buf;
	nd_need(nd, p, len);
	for (unsigned i = 0; i < len; i++) {
		hex2(o, GET_U8(nd, p + i));
		o += 2;
		if ((i & 1) == 0 && i + 1 < len)
			*o++ = '.';
	}
	*o = 0;
	ND_STR(nd, buf);
}

/* tcpdump's print_unknown_data: 0 when p is already past the capture. */
static int unknown(struct nd *nd, const uint8_t *p, const char *ident, unsigned len)
{
	if (p < nd->pkt || p > nd->snapend) {
		nd_print_unknown_data(nd, p, ident, len);
		return 0;
	}
	nd_print_unknown_data(nd, p, ident, len);
	return 1;
}

/* The TE bandwidth floats: tcpdump computes in float, then prints %.3f. */
static void put_bw(struct nd *nd, const char *pre, uint32_t raw, const char *post)
{
	float f;
	memcpy(&f, &raw, sizeof f);
	float mbps = f * 8 / 1000000;
	out_fmt(nd->out, "%s%.3f Mbps%s", pre, (double)mbps, post);
}

/* ISO 8473 Fletcher checksum with the 2-byte field at off taken as zero
 * (tcpdump's create_osi_cksum); bytes already checked by the caller. */
static uint16_t osi_cksum(const uint8_t *p, int off, int len)
{
	uint32_t c0 = 0, c1 = 0;
	for (int i = 0; i < len; i++) {
		if (i != off && i != off + 1)
			c0 += p[i];
		c1 += c0;
	}
	c0 %= 255;
	c1 %= 255;
	uint32_t mul = (uint32_t)(len - off) * c0;
	int x = (int)(mul - c0 - c1);
	int y = (int)(c1 - mul - 1);
	if (y >= 0)
		y++;
	if (x < 0)
		x--;
	x %= 255;
	y %= 255;
	if (x == 0)
		x = 255;
	if (y == 0)
		y = 255;
	y &= 0xff;
	return (uint16_t)(((unsigned)x << 8) | (unsigned)y);
}

static void osi_print_cksum(struct nd *nd, const uint8_t *p, uint16_t ck, int off, unsigned len)
{
	if (!ck || off < 0 || !nd_ok(nd, p + off, 2) || (unsigned)off > len || !nd_ok(nd, p, len)) {
		ND_STR(nd, " (unverified)");
		return;
	}
	uint16_t calc = osi_cksum(p, off, (int)len);
	if (ck == calc)
		ND_STR(nd, " (correct)");
	else
		out_fmt(nd->out, " (incorrect should be 0x%04x)", calc);
}

/* ---- metric blocks and reachability ----------------------------------- */

static const char *ie(uint8_t m)
{
	return (m & 0x40) ? "External" : "Internal";
}

static void metric_block(struct nd *nd, const uint8_t *p)
{
	uint8_t d = GET_U8(nd, p);
	out_fmt(nd->out, ", Default Metric: %u, %s", d & 0x3f, ie(d));
	static const char *const names[] = {"Delay", "Expense", "Error"};
	for (int i = 0; i < 3; i++) {
		uint8_t m = GET_U8(nd, p + 1 + i);
		if (!(m & 0x80))
			out_fmt(nd->out, "\n\t\t  %s Metric: %u, %s", names[i], m & 0x3f, ie(m));
	}
}

static int mask2plen(uint32_t mask)
{
	for (int bits = 32; bits >= 0; bits--) {
		uint32_t m = bits ? 0xffffffffu << (32 - bits) : 0;
		if (mask == m)
			return bits;
	}
	return -1;
}

/* TLVs 128/130: 0 when tcpdump silently gives up on the PDU. */
static int tlv_ip_reach(struct nd *nd, const uint8_t *p, const char *ident, unsigned len)
{
	while (len > 0) {
		if (len < 12) {
			out_fmt(nd->out, "short IPv4 Reachability (%u vs %u)", len, 12u);
			return 0;
		}
		if (!nd_ok(nd, p, 12))
			return 0;
		char a[20], m[20];
		fmt_ip4(a, sizeof a, p + 4);
		int plen = mask2plen(GET_BE32(nd, p + 8));
		if (plen == -1) {
			fmt_ip4(m, sizeof m, p + 8);
			out_fmt(nd->out, "%sIPv4 prefix: %s mask %s", ident, a, m);
		} else
			out_fmt(nd->out, "%sIPv4 prefix: %15s/%d", ident, a, plen);
		uint8_t d = GET_U8(nd, p);
		out_fmt(nd->out, ", Distribution: %s, Metric: %u, %s", (d & 0x80) ? "down" : "up", d & 0x3f,
			ie(d));
		static const char *const names[] = {"Delay", "Expense", "Error"};
		for (int i = 0; i < 3; i++) {
			uint8_t mm = GET_U8(nd, p + 1 + i);
			if (!(mm & 0x80))
				out_fmt(nd->out, "%s  %s Metric: %u, %s", ident, names[i], mm & 0x3f, ie(mm));
		}
		len -= 12;
		p += 12;
	}
	return 1;
}

static int ip_reach_subtlv(struct nd *nd, const uint8_t *p, unsigned t, unsigned l, const char *ident)
{
	ND_STR(nd, ident);
	nd_tok(nd, ext_ip_subtlv_names, "unknown", t);
	out_fmt(nd->out, " subTLV #%u, length: %u", t, l);
	if (!nd_ok(nd, p, l)) {
		nd_print_trunc(nd);
		return 0;
	}
	switch (t) {
	case 117:
	case 1:
		for (; l >= 4; l -= 4, p += 4)
			out_fmt(nd->out, ", 0x%08x (=%u)", GET_BE32(nd, p), GET_BE32(nd, p));
		break;
	case 2:
		for (; l >= 8; l -= 8, p += 8)
			out_fmt(nd->out, ", 0x%08x%08x", GET_BE32(nd, p), GET_BE32(nd, p + 4));
		break;
	case 3: {
		uint8_t flags = GET_U8(nd, p), algo = GET_U8(nd, p + 1);
		uint32_t sid;
		if (flags & 0x08) {
			if (l < 5) {
				nd_print_trunc(nd);
				return 0;
			}
			sid = GET_BE24(nd, p + 2);
		} else {
			if (l < 6) {
				nd_print_trunc(nd);
				return 0;
			}
			sid = GET_BE32(nd, p + 2);
		}
		ND_STR(nd, ", Flags [");
		if (flags & 0xfc)
			nd_bits(nd, prefix_sid_flags, flags, ", ");
		else
			ND_STR(nd, "None");
		ND_STR(nd, "], Algo ");
		nd_tok(nd, prefix_sid_algos, "Unknown", algo);
		out_fmt(nd->out, " (%u), %s %u", algo, (flags & 0x08) ? "label" : "index", sid);
		break;
	}
	default:
		if (!unknown(nd, p, "\n\t\t    ", l))
			return 0;
		break;
	}
	return 1;
}

/* TLVs 135/235/236/237 entry; bytes used, 0 on error (caller prints the marker). */
static unsigned extd_ip_reach(struct nd *nd, const uint8_t *p, const char *ident, int v6)
{
	uint32_t metric = GET_BE32(nd, p);
	unsigned used = 4, bits, status;
	p += 4;
	if (!v6) {
		status = GET_U8(nd, p);
		p++;
		bits = status & 0x3f;
		if (bits > 32) {
			out_fmt(nd->out, "%sIPv4 prefix: bad bit length %u", ident, bits);
			return 0;
		}
		used++;
	} else {
		status = GET_U8(nd, p);
		bits = GET_U8(nd, p + 1);
		if (bits > 128) {
			out_fmt(nd->out, "%sIPv6 prefix: bad bit length %u", ident, bits);
			return 0;
		}
		p += 2;
		used += 2;
	}
	unsigned bytes = (bits + 7) / 8;
	uint8_t pfx[16] = {0};
	GET_CPY(nd, pfx, p, bytes);
	p += bytes;
	used += bytes;
	char a[64];
	if (!v6) {
		fmt_ip4(a, sizeof a, pfx);
		out_fmt(nd->out, "%sIPv4 prefix: %15s/%u", ident, a, bits);
	} else {
		fmt_ip6(a, sizeof a, pfx);
		out_fmt(nd->out, "%sIPv6 prefix: %s/%u", ident, a, bits);
	}
	out_fmt(nd->out, ", Distribution: %s, Metric: %u", (status & 0x80) ? "down" : "up", metric);
	int sub;
	if (!v6) {
		sub = status & 0x40;
		if (sub)
			ND_STR(nd, ", sub-TLVs present");
	} else {
		sub = status & 0x20;
		out_fmt(nd->out, ", %s%s", (status & 0x40) ? "External" : "Internal",
			sub ? ", sub-TLVs present" : "");
	}
	if (sub) {
		unsigned sublen = GET_U8(nd, p);
		p++;
		used += sublen + 1;
		out_fmt(nd->out, " (%u)", sublen);
		char id2[24];
		size_t il = strlen(ident);
		if (il > sizeof id2 - 3)
			il = sizeof id2 - 3;
		memcpy(id2, ident, il);
		memcpy(id2 + il, "  ", 3);
		/* tcpdump subtracts in 8 bits of unsigned arithmetic: sublen wraps */
		while (sublen > 0) {
			unsigned st = GET_U8(nd, p), sl = GET_U8(nd, p + 1);
			p += 2;
			if (!ip_reach_subtlv(nd, p, st, sl, id2))
				return 0;
			p += sl;
			sublen -= sl + 2;
		}
	}
	return used;
}

/* TLVs 22/24/222 entry; bytes used, 0 on error. */
static unsigned ext_is_reach(struct nd *nd, const uint8_t *p, const char *ident, unsigned type,
			     unsigned rem)
{
	unsigned used = 0;
	isis_need(nd, p, NODEID_LEN);
	if (rem < NODEID_LEN)
		return 0;
	ND_STR(nd, ident);
	ND_STR(nd, "IS Neighbor: ");
	put_id(nd, p, NODEID_LEN);
	p += NODEID_LEN;
	rem -= NODEID_LEN;
	used += NODEID_LEN;
	if (type != 24) {
		isis_need(nd, p, 3);
		if (rem < 3)
			return 0;
		out_fmt(nd->out, ", Metric: %u", GET_BE24(nd, p));
		p += 3;
		rem -= 3;
		used += 3;
	}
	isis_need(nd, p, 1);
	if (rem < 1)
		return 0;
	unsigned sum = GET_U8(nd, p);
	p++;
	rem--;
	used++;
	out_fmt(nd->out, ", %ssub-TLVs present", sum ? "" : "no ");
	if (!sum)
		return used;
	out_fmt(nd->out, " (%u)", sum);
	char id2[24];
	size_t il = strlen(ident);
	if (il > sizeof id2 - 3)
		il = sizeof id2 - 3;
	memcpy(id2, ident, il);
	memcpy(id2 + il, "  ", 3);
	ident = id2;
	while (sum != 0) {
		isis_need(nd, p, 2);
		if (rem < 2) {
			out_fmt(nd->out, "%sRemaining data in TLV shorter than a subTLV header", ident);
			used += rem;
			break;
		}
		if (sum < 2) {
			out_fmt(nd->out, "%sRemaining data in subTLVs shorter than a subTLV header", ident);
			used += sum;
			break;
		}
		unsigned st = GET_U8(nd, p), sl = GET_U8(nd, p + 1);
		p += 2;
		rem -= 2;
		sum -= 2;
		used += 2;
		ND_STR(nd, ident);
		nd_tok(nd, ext_is_subtlv_names, "unknown", st);
		out_fmt(nd->out, " subTLV #%u, length: %u", st, sl);
		if (sum < sl) {
			ND_STR(nd, " (remaining data in subTLVs shorter than the current subTLV)");
			used += sum;
			break;
		}
		if (rem < sl) {
			ND_STR(nd, " (> remaining tlv length)");
			used += rem;
			break;
		}
		isis_need(nd, p, sl);
		switch (st) {
		case 3:
		case 4:
		case 5:
			if (sl >= 4) {
				out_fmt(nd->out, ", 0x%08x", GET_BE32(nd, p));
				if (sl == 8)
					out_fmt(nd->out, ", 0x%08x", GET_BE32(nd, p + 4));
			}
			break;
		case 6:
		case 8:
			if (sl >= 4)
				rt_ip4(nd, ", ", p);
			break;
		case 9:
		case 10:
			if (sl >= 4)
				put_bw(nd, ", ", GET_BE32(nd, p), "");
			break;
		case 11:
			if (sl >= 32)
				for (unsigned c = 0; c < 8; c++) {
					uint32_t raw = GET_BE32(nd, p);
					out_fmt(nd->out, "%s  TE-Class %u: ", ident, c);
					put_bw(nd, "", raw, "");
					p += 4;
					sl -= 4;
					sum -= 4;
					used += 4;
				}
			break;
		case 22:
		case 12: {
			if (sl == 0)
				break;
			uint8_t m = GET_U8(nd, p);
			out_fmt(nd->out, "%sBandwidth Constraints Model ID: ", ident);
			nd_tok(nd, diffserv_te_bc, "unknown", m);
			out_fmt(nd->out, " (%u)", m);
			p++;
			sl--;
			sum--;
			used++;
			for (unsigned c = 0; sl != 0; c++) {
				if (sl < 4)
					break;
				uint32_t raw = GET_BE32(nd, p);
				out_fmt(nd->out, "%s  Bandwidth constraint CT%u: ", ident, c);
				put_bw(nd, "", raw, "");
				p += 4;
				sl -= 4;
				sum -= 4;
				used += 4;
			}
			break;
		}
		case 18:
			if (sl >= 3)
				out_fmt(nd->out, ", %u", GET_BE24(nd, p));
			break;
		case 19:
			if (sl == 2) {
				uint16_t v = GET_BE16(nd, p);
				ND_STR(nd, ", [ ");
				if (v & 0x07)
					nd_bits(nd, link_attr_flags, v, ", ");
				else
					ND_STR(nd, "Unknown");
				out_fmt(nd->out, " ] (0x%04x)", v);
			}
			break;
		case 20:
			if (sl >= 2) {
				ND_STR(nd, ", ");
				nd_bits(nd, gmpls_link_prot, GET_U8(nd, p), ", ");
				out_fmt(nd->out, ", Priority %u", GET_U8(nd, p + 1));
			}
			break;
		case 29:
			if (sl >= 6) {
				out_fmt(nd->out, ", LM: %u", GET_BE24(nd, p));
				p += 3;
				sl -= 3;
				sum -= 3;
				used += 3;
				out_fmt(nd->out, ", P: %u", GET_U8(nd, p));
				p++;
				sl--;
				sum--;
				used++;
				out_fmt(nd->out, ", P-ID: %u", GET_BE16(nd, p));
			}
			break;
		case 21:
			if (sl >= 36) {
				uint8_t cap = GET_U8(nd, p);
				out_fmt(nd->out, "%s  Interface Switching Capability:", ident);
				nd_tok(nd, gmpls_switch_cap, "Unknown", cap);
				ND_STR(nd, ", LSP Encoding: ");
				nd_tok(nd, gmpls_encoding, "Unknown", GET_U8(nd, p + 1));
				p += 4;
				sl -= 4;
				sum -= 4;
				used += 4;
				out_fmt(nd->out, "%s  Max LSP Bandwidth:", ident);
				for (unsigned lvl = 0; lvl < 8; lvl++) {
					uint32_t raw = GET_BE32(nd, p);
					out_fmt(nd->out, "%s    priority level %u: ", ident, lvl);
					put_bw(nd, "", raw, "");
					p += 4;
					sl -= 4;
					sum -= 4;
					used += 4;
				}
				if (cap >= 1 && cap <= 4) {
					if (sl < 6)
						break;
					uint32_t raw = GET_BE32(nd, p);
					out_fmt(nd->out, "%s  Min LSP Bandwidth: ", ident);
					put_bw(nd, "", raw, "");
					out_fmt(nd->out, "%s  Interface MTU: %u", ident, GET_BE16(nd, p + 4));
				} else if (cap == 100) {
					if (sl < 8)
						break;
					uint32_t raw = GET_BE32(nd, p);
					out_fmt(nd->out, "%s  Min LSP Bandwidth: ", ident);
					put_bw(nd, "", raw, "");
					out_fmt(nd->out, "%s  Indication ", ident);
					nd_tok(nd, gmpls_tsc_indication, "Unknown (%u)", GET_U8(nd, p + 4));
				} else if (sl != 0) {
					if (!unknown(nd, p, "\n\t\t    ", sl))
						return 0;
				}
			}
			break;
		case 32:
			if (sl >= 8) {
				uint8_t fl = GET_U8(nd, p);
				out_fmt(nd->out, "%s  Flags: [", ident);
				nd_bits(nd, lan_adj_sid_flags, fl, ", ");
				ND_CHR(nd, ']');
				int vf = (fl & 0x20) != 0, lf = (fl & 0x10) != 0;
				p++;
				sl--;
				sum--;
				used++;
				out_fmt(nd->out, "%s  Weight: %u", ident, GET_U8(nd, p));
				p++;
				sl--;
				sum--;
				used++;
				if (sl >= SYSID_LEN) {
					isis_need(nd, p, SYSID_LEN);
					out_fmt(nd->out, "%s  Neighbor System-ID: ", ident);
					put_id(nd, p, SYSID_LEN);
				}
				if (vf && lf)
					out_fmt(nd->out, "%s  Label: %u", ident, GET_BE24(nd, p + SYSID_LEN));
				else if (!vf && !lf)
					out_fmt(nd->out, "%s  Index: %u", ident, GET_BE32(nd, p + SYSID_LEN));
				else
					nd_print_invalid(nd);
			}
			break;
		default:
			if (!unknown(nd, p, "\n\t\t    ", sl))
				return 0;
			break;
		}
		p += sl;
		rem -= sl;
		sum -= sl;
		used += sl;
	}
	return used;
}

/* 2-byte multi-topology id; 0 when fewer than 2 bytes remain. */
static unsigned mtid(struct nd *nd, const uint8_t *p, const char *ident, unsigned rem)
{
	if (rem < 2)
		return 0;
	uint16_t v = GET_BE16(nd, p);
	ND_STR(nd, ident);
	nd_tok(nd, mt_names, "Reserved for IETF Consensus", v & 0x0fff);
	out_fmt(nd->out, " Topology (0x%03x), Flags: [", v & 0x0fff);
	nd_bits(nd, mt_flags, v & 0xf000, ", ");
	ND_CHR(nd, ']');
	return 2;
}

/* ---- SPB (RFC 6329) ---------------------------------------------------- */

static void spb_mcid(struct nd *nd, const uint8_t *p)
{
	if (!nd_ok(nd, p, 51)) {
		nd_print_trunc(nd);
		return;
	}
	out_fmt(nd->out, "ID: %u, Name: ", GET_U8(nd, p));
	nd_printn(nd, p + 1, 32);
	out_fmt(nd->out, "\n\t              Lvl: %u", GET_BE16(nd, p + 33));
	ND_STR(nd, ", Digest: ");
	for (int i = 0; i < 16; i++)
		out_fmt(nd->out, "%.2x ", GET_U8(nd, p + 35 + i));
}

static void mt_port_cap_subtlv(struct nd *nd, const uint8_t *p, unsigned len)
{
	while (len > 2) {
		unsigned st = GET_U8(nd, p), sl = GET_U8(nd, p + 1);
		ND_STR(nd, "\n\t       ");
		nd_tok(nd, mt_port_cap_subtlv_names, "unknown", st);
		out_fmt(nd->out, " subTLV #%u, length: %u", st, sl);
		p += 2;
		len -= 2;
		if (len < sl) {
			ND_STR(nd, " (> containing TLV length)");
			return;
		}
		if (!nd_ok(nd, p, sl)) {
			nd_print_trunc(nd);
			return;
		}
		switch (st) {
		case 4:
			if (sl < 102) {
				ND_STR(nd, " (too short)");
				return;
			}
			ND_STR(nd, "\n\t         MCID: ");
			spb_mcid(nd, p);
			ND_STR(nd, "\n\t         AUX-MCID: ");
			spb_mcid(nd, p + 51);
			p += 102;
			len -= 102;
			sl -= 102;
			break;
		case 5: {
			if (sl < 33) {
				ND_STR(nd, " (too short)");
				return;
			}
			uint8_t b = GET_U8(nd, p);
			out_fmt(nd->out, "\n\t        RES: %u V: %u A: %u D: %u", b >> 5, (b >> 4) & 1, (b >> 2) & 3,
				b & 3);
			p++;
			ND_STR(nd, "\n\t         Digest: ");
			for (int i = 1; i <= 8; i++) {
				out_fmt(nd->out, "%08x ", GET_BE32(nd, p));
				if (i % 4 == 0 && i != 8)
					ND_STR(nd, "\n\t                 ");
				p += 4;
			}
			len -= 33;
			sl -= 33;
			break;
		}
		case 6:
			while (sl != 0) {
				if (sl < 4) {
					ND_STR(nd, " (too short)");
					return;
				}
				out_fmt(nd->out, "\n\t           ECT: %08x", GET_BE32(nd, p));
				p += 4;
				len -= 4;
				sl -= 4;
				if (sl < 2) {
					ND_STR(nd, " (too short)");
					return;
				}
				uint16_t v = GET_BE16(nd, p);
				out_fmt(nd->out, " BVID: %u, U:%01x M:%01x ", v >> 4, (v >> 3) & 1, (v >> 2) & 1);
				p += 2;
				len -= 2;
				sl -= 2;
			}
			break;
		default:
			break;
		}
		p += sl;
		len -= sl;
	}
}

static void mt_cap_subtlv(struct nd *nd, const uint8_t *p, unsigned len)
{
	while (len > 2) {
		unsigned st = GET_U8(nd, p), sl = GET_U8(nd, p + 1);
		p += 2;
		len -= 2;
		ND_STR(nd, "\n\t      ");
		nd_tok(nd, mt_cap_subtlv_names, "unknown", st);
		out_fmt(nd->out, " subTLV #%u, length: %u", st, sl);
		if (len < sl) {
			ND_STR(nd, " (> containing TLV length)");
			return;
		}
		if (!nd_ok(nd, p, sl)) {
			nd_print_trunc(nd);
			return;
		}
		switch (st) {
		case 1: {
			if (sl < 19) {
				ND_STR(nd, " (too short)");
				return;
			}
			out_fmt(nd->out, "\n\t        CIST Root-ID: %08x", GET_BE32(nd, p));
			out_fmt(nd->out, " %08x", GET_BE32(nd, p + 4));
			out_fmt(nd->out, ", Path Cost: %08x", GET_BE32(nd, p + 8));
			out_fmt(nd->out, ", Prio: %u", GET_BE16(nd, p + 12));
			p += 14;
			out_fmt(nd->out, "\n\t        RES: %u", GET_BE16(nd, p) >> 5);
			out_fmt(nd->out, ", V: %u", (GET_BE16(nd, p) >> 4) & 1);
			out_fmt(nd->out, ", SPSource-ID: %u", GET_BE32(nd, p) & 0x000fffff);
			p += 4;
			unsigned trees = GET_U8(nd, p);
			out_fmt(nd->out, ", No of Trees: %x", trees);
			p++;
			len -= 19;
			sl -= 19;
			while (trees) {
				if (sl < 8) {
					nd_print_trunc(nd);
					return;
				}
				uint8_t b = GET_U8(nd, p);
				out_fmt(nd->out, "\n\t         U:%u, M:%u, A:%u, RES:%u", b >> 7, (b >> 6) & 1, (b >> 5) & 1,
					b & 0x1f);
				p++;
				out_fmt(nd->out, ", ECT: %08x", GET_BE32(nd, p));
				p += 4;
				uint32_t v = GET_BE24(nd, p);
				out_fmt(nd->out, ", BVID: %u, SPVID: %u", (v >> 12) & 0xfff, v & 0xfff);
				p += 3;
				len -= 8;
				sl -= 8;
				trees--;
			}
			break;
		}
		case 3:
			if (sl < 8) {
				nd_print_trunc(nd);
				return;
			}
			out_fmt(nd->out, "\n\t        BMAC: %08x", GET_BE32(nd, p));
			out_fmt(nd->out, "%04x", GET_BE16(nd, p + 4));
			p += 6;
			out_fmt(nd->out, ", RES: %u, VID: %u", GET_BE16(nd, p) >> 12, GET_BE16(nd, p) & 0x0fff);
			p += 2;
			len -= 8;
			sl -= 8;
			while (sl >= 4) {
				uint32_t v = GET_BE32(nd, p);
				out_fmt(nd->out, "\n\t        T: %u, R: %u, RES: %u, ISID: %u", v >> 31, (v >> 30) & 1,
					(v >> 24) & 0x3f, v & 0xffffff);
				p += 4;
				len -= 4;
				sl -= 4;
			}
			break;
		default:
			break;
		}
		p += sl;
		len -= sl;
	}
}

static void router_cap_subtlv(struct nd *nd, const uint8_t *p, uint8_t len)
{
	while (len >= 2) {
		uint8_t st = GET_U8(nd, p), sl = GET_U8(nd, p + 1);
		len -= 2;
		p += 2;
		ND_STR(nd, "\n\t\t");
		nd_tok(nd, router_cap_subtlv_names, "unknown", st);
		out_fmt(nd->out, " subTLV #%u, length: %u", st, sl);
		if (sl > len)
			break;
		if (!nd_ok(nd, p, sl))
			return;
		if (st == 2) {
			uint8_t fl = GET_U8(nd, p);
			uint32_t range = GET_BE24(nd, p + 1);
			ND_STR(nd, ", Flags [");
			if (fl & 0xc0)
				nd_bits(nd, router_cap_sr_flags, fl, ", ");
			else
				ND_STR(nd, "None");
			out_fmt(nd->out, "], Range %u", range);
			const uint8_t *s = p + 4;
			uint8_t stl = (uint8_t)(sl - 4);
			while (stl >= 5) {
				uint8_t t = GET_U8(nd, s), l = GET_U8(nd, s + 1);
				stl -= 2;
				s += 2;
				if (l > stl)
					break;
				if (t == 1) {
					if (l == 3)
						out_fmt(nd->out, ", SID value %u", GET_BE24(nd, s));
					else if (l == 4)
						out_fmt(nd->out, ", SID value %u", GET_BE32(nd, s));
					else
						out_fmt(nd->out, ", Unknown SID length%u", l);
				} else
					nd_print_unknown_data(nd, s, "\n\t\t  ", l);
				s += l;
				stl -= l;
			}
		} else
			nd_print_unknown_data(nd, p, "\n\t\t", sl);
		len -= sl;
		p += sl;
	}
}

/* ---- the PDU ----------------------------------------------------------- */
#define ISIS_TRUNC 2 /* print the marker and stop (tcpdump's "goto trunc") */

/* One TLV body; 0 ok, ISIS_TRUNC, or -1 for "isis_print returns 0",
 * 1 for "isis_print returns 1 now". */
static int isis_tlv(struct nd *nd, const uint8_t *pptr, uint8_t type, uint8_t tlv_len)
{
	const uint8_t *t = pptr;
	uint8_t tlen = tlv_len;
	unsigned n;
	char id[32];
	static const char ind[] = "\n\t      ";

	switch (type) {
	case 1:
		while (tlen != 0) {
			uint8_t alen = GET_U8(nd, t);
			t++;
			tlen--;
			if (tlen < alen)
				return 0;
			nd_need(nd, t, alen); /* tcpdump reads it before printing the line */
			out_fmt(nd->out, "\n\t      Area address (length: %u): ", alen);
			osi_nsap(nd, t, alen);
			t += alen;
			tlen -= alen;
		}
		break;
	case 6:
		while (tlen != 0) {
			if (tlen < 6)
				return 0;
			isis_need(nd, t, 6);
			out_fmt(nd->out, "\n\t      SNPA: %s", isis_id(nd, t, 6, id));
			tlen -= 6;
			t += 6;
		}
		break;
	case 7: {
		if (tlen < 4)
			return 0;
		unsigned nv = (tlen - 2u) / 2u;
		out_fmt(nd->out, "\n\t      Instance ID: %u, ITIDs(%u)%s ", GET_BE16(nd, t), nv, nv ? ":" : "");
		t += 2;
		for (unsigned i = 0; i < nv; i++) {
			ND_U(nd, GET_BE16(nd, t));
			if (i < nv - 1)
				ND_STR(nd, ", ");
			t += 2;
		}
		break;
	}
	case 8:
		break;
	case 222:
		if (!(n = mtid(nd, t, ind, tlen)))
			return ISIS_TRUNC;
		t += n;
		tlen = (uint8_t)(tlen - n);
		/* fall through */
	case 22:
	case 24:
		while (tlen != 0) {
			n = ext_is_reach(nd, t, ind, type, tlen);
			if (n == 0)
				return ISIS_TRUNC;
			if (tlen < n) {
				out_fmt(nd->out, " [remaining tlv length %u < %u]", tlen, n);
				nd_print_invalid(nd);
				break;
			}
			tlen = (uint8_t)(tlen - n);
			t += (uint8_t)n;
		}
		break;
	case 2:
		if (tlen < 1)
			return 0;
		uint8_t vf = GET_U8(nd, t); /* read before the line starts, as tcpdump does */
		ND_STR(nd, ind);
		nd_tok(nd, is_reach_virtual, "bogus virtual flag 0x%02x", vf);
		t++;
		tlen--;
		while (tlen != 0) {
			if (tlen < 11)
				return 0;
			isis_need(nd, t, 11);
			out_fmt(nd->out, "\n\t      IS Neighbor: %s", isis_id(nd, t + 4, NODEID_LEN, id));
			metric_block(nd, t);
			tlen -= 11;
			t += 11;
		}
		break;
	case 3:
		while (tlen != 0) {
			if (tlen < 10)
				return 0;
			isis_need(nd, t, 10);
			out_fmt(nd->out, "\n\t      ES Neighbor: %s", isis_id(nd, t + 4, SYSID_LEN, id));
			metric_block(nd, t);
			tlen -= 10;
			t += 10;
		}
		break;
	case 128:
	case 130:
		if (!tlv_ip_reach(nd, pptr, ind, tlv_len))
			return 1;
		break;
	case 235:
	case 237:
		if (!(n = mtid(nd, t, ind, tlen)))
			return ISIS_TRUNC;
		t += n;
		tlen = (uint8_t)(tlen - n);
		/* fall through */
	case 135:
	case 236:
		while (tlen != 0) {
			n = extd_ip_reach(nd, t, ind, type == 236 || type == 237);
			if (n == 0)
				return ISIS_TRUNC;
			if (tlen < n) {
				out_fmt(nd->out, " [remaining tlv length %u < %u]", tlen, n);
				nd_print_invalid(nd);
				break;
			}
			tlen = (uint8_t)(tlen - n);
			t += (uint8_t)n;
		}
		break;
	case 232:
		while (tlen != 0) {
			if (tlen < 16)
				return 0;
			rt_ip6(nd, "\n\t      IPv6 interface address: ", t);
			t += 16;
			tlen -= 16;
		}
		break;
	case 10: {
		if (tlen < 1)
			return 0;
		uint8_t at = GET_U8(nd, t);
		t++;
		tlen--;
		ND_STR(nd, ind);
		nd_tok(nd, auth_names, "unknown Authentication type 0x%02x", at);
		ND_STR(nd, ": ");
		if (at == 1)
			nd_printn(nd, t, tlen);
		else if (at == 54) {
			for (unsigned i = 0; i < tlen; i++)
				out_fmt(nd->out, "%02x", GET_U8(nd, t + i));
			if (tlen != 16)
				ND_STR(nd, ", (invalid subTLV) ");
			/* tcpdump built without libcrypto cannot check the signature */
			ND_STR(nd, " (unchecked)");
		} else if (at == 3) {
			if (tlen < 2)
				return 0;
			out_fmt(nd->out, "%u, password: ", GET_BE16(nd, t));
			t += 2;
			tlen -= 2;
			for (unsigned i = 0; i < tlen; i++)
				out_fmt(nd->out, "%02x", GET_U8(nd, t + i));
		} else if (!unknown(nd, t, "\n\t\t  ", tlen))
			return -1;
		break;
	}
	case 240:
		if (tlen >= 1) {
			uint8_t s = GET_U8(nd, t);
			ND_STR(nd, "\n\t      Adjacency State: ");
			nd_tok(nd, ptp_adj_states, "unknown", s);
			out_fmt(nd->out, " (%u)", s);
			tlen--;
		}
		if (tlen > 4) {
			out_fmt(nd->out, "\n\t      Extended Local circuit-ID: 0x%08x", GET_BE32(nd, t + 1));
			tlen -= 4;
		}
		if (tlen >= 6) {
			isis_need(nd, t + 5, 6);
			out_fmt(nd->out, "\n\t      Neighbor System-ID: %s", isis_id(nd, t + 5, SYSID_LEN, id));
			tlen -= 6;
		}
		if (tlen >= 4)
			out_fmt(nd->out, "\n\t      Neighbor Extended Local circuit-ID: 0x%08x", GET_BE32(nd, t + 11));
		break;
	case 129:
		ND_STR(nd, "\n\t      NLPID(s): ");
		while (tlen != 0) {
			uint8_t v = GET_U8(nd, t);
			nd_tok(nd, osi_nlpid_names, "unknown", v);
			out_fmt(nd->out, " (0x%02x)", v);
			if (tlen > 1)
				ND_STR(nd, ", ");
			t++;
			tlen--;
		}
		break;
	case 143: {
		if (tlen < 2)
			return 0;
		uint16_t v = GET_BE16(nd, t);
		out_fmt(nd->out, "\n\t       RES: %u, MTID(s): %u", v >> 12, v & 0x0fff);
		t += 2;
		tlen -= 2;
		if (tlen)
			mt_port_cap_subtlv(nd, t, tlen);
		break;
	}
	case 144: {
		if (tlen < 2)
			return 0;
		uint16_t v = GET_BE16(nd, t);
		out_fmt(nd->out, "\n\t      O: %u, RES: %u, MTID(s): %u", (v >> 15) & 1, (v >> 12) & 7, v & 0x0fff);
		t += 2;
		tlen -= 2;
		if (tlen)
			mt_cap_subtlv(nd, t, tlen);
		break;
	}
	case 134:
		if (tlen < 4)
			return 0;
		rt_ip4(nd, "\n\t      Traffic Engineering Router ID: ", pptr);
		break;
	case 132:
		while (tlen != 0) {
			if (tlen < 4)
				return 0;
			rt_ip4(nd, "\n\t      IPv4 interface address: ", t);
			t += 4;
			tlen -= 4;
		}
		break;
	case 137:
		ND_STR(nd, "\n\t      Hostname: ");
		nd_printn(nd, t, tlen);
		break;
	case 138:
		if (tlen < NODEID_LEN)
			break;
		isis_need(nd, t, NODEID_LEN);
		out_fmt(nd->out, "\n\t      IS Neighbor: %s", isis_id(nd, t, NODEID_LEN, id));
		t += NODEID_LEN;
		tlen -= NODEID_LEN;
		if (tlen < 1)
			break;
		out_fmt(nd->out, ", Flags: [%s]", (GET_U8(nd, t) & 1) ? "numbered" : "unnumbered");
		t++;
		tlen--;
		if (tlen < 4)
			break;
		rt_ip4(nd, "\n\t      IPv4 interface address: ", t);
		t += 4;
		tlen -= 4;
		if (tlen < 4)
			break;
		rt_ip4(nd, "\n\t      IPv4 neighbor address: ", t);
		t += 4;
		tlen -= 4;
		while (tlen != 0) {
			if (tlen < 4)
				return 0;
			out_fmt(nd->out, "\n\t      Link-ID: 0x%08x", GET_BE32(nd, t));
			t += 4;
			tlen -= 4;
		}
		break;
	case 9:
		while (tlen != 0) {
			if (tlen < 16)
				return 0;
			isis_need(nd, t + 2 + LSPID_LEN - 1, 1);
			out_fmt(nd->out, "\n\t      lsp-id: %s", isis_id(nd, t + 2, LSPID_LEN, id));
			out_fmt(nd->out, ", seq: 0x%08x", GET_BE32(nd, t + 10));
			out_fmt(nd->out, ", lifetime: %5ds", GET_BE16(nd, t));
			out_fmt(nd->out, ", chksum: 0x%04x", GET_BE16(nd, t + 14));
			tlen -= 16;
			t += 16;
		}
		break;
	case 12:
		/* handled by the caller (needs the PDU start) */
		break;
	case 13: {
		if (tlen < 1)
			return 0;
		uint8_t nids = GET_U8(nd, t);
		t++;
		tlen--;
		if (nids == 0) {
			ND_STR(nd, " No system IDs supplied");
			break;
		}
		if (tlen < SYSID_LEN)
			return 0;
		isis_need(nd, t, SYSID_LEN);
		out_fmt(nd->out, "\n\t      Purge Originator System-ID: %s", isis_id(nd, t, SYSID_LEN, id));
		t += SYSID_LEN;
		tlen -= SYSID_LEN;
		if (nids > 1) {
			if (tlen < SYSID_LEN)
				return 0;
			isis_need(nd, t, 2 * SYSID_LEN + 1);
			out_fmt(nd->out, "\n\t      Received from System-ID: %s", isis_id(nd, t, SYSID_LEN, id));
		}
		break;
	}
	case 229:
		while (tlen != 0) {
			if (tlen != 1) {
				if (!(n = mtid(nd, t, ind, tlen)))
					return ISIS_TRUNC;
				t += n;
				tlen = (uint8_t)(tlen - n);
			} else {
				ND_STR(nd, "\n\t      invalid MT-ID");
				break;
			}
		}
		break;
	case 211:
		if (tlen < 1)
			break;
		isis_need(nd, t, 1);
		ND_STR(nd, "\n\t      Flags [");
		nd_bits(nd, restart_flags, GET_U8(nd, t), ", ");
		ND_CHR(nd, ']');
		t++;
		tlen--;
		if (tlen == 0 || tlen < 2)
			break;
		isis_need(nd, t, 2);
		out_fmt(nd->out, ", Remaining holding time %us", GET_BE16(nd, t));
		t += 2;
		tlen -= 2;
		if (tlen == SYSID_LEN) {
			isis_need(nd, t, SYSID_LEN);
			out_fmt(nd->out, ", for %s", isis_id(nd, t, SYSID_LEN, id));
		}
		break;
	case 131: {
		if (tlen < 1)
			break;
		uint8_t v = GET_U8(nd, t);
		ND_STR(nd, "\n\t      Inter-Domain Information Type: ");
		nd_tok(nd, idrp_names, "Unknown (0x%02x)", v);
		t++;
		tlen--;
		if (v == 2) {
			if (tlen < 2)
				return 0;
			out_fmt(nd->out, "AS Number: %u", GET_BE16(nd, t));
		} else if (!unknown(nd, t, ind, tlen))
			return -1;
		break;
	}
	case 14:
		if (tlen < 2)
			break;
		out_fmt(nd->out, "\n\t      LSP Buffersize: %u", GET_BE16(nd, t));
		break;
	case 4:
		while (tlen != 0) {
			if (tlen < SYSID_LEN)
				return 0;
			isis_need(nd, t, SYSID_LEN);
			out_fmt(nd->out, "\n\t      %s", isis_id(nd, t, SYSID_LEN, id));
			t += SYSID_LEN;
			tlen -= SYSID_LEN;
		}
		break;
	case 5:
		if (tlen < 4)
			break;
		isis_need(nd, t, 4);
		ND_STR(nd, "\n\t      Metric Block");
		metric_block(nd, t);
		t += 4;
		tlen -= 4;
		while (tlen != 0) {
			uint8_t pl = GET_U8(nd, t);
			t++;
			tlen--;
			if (pl < 2) {
				out_fmt(nd->out, "\n\t\tAddress: prefix length %u < 2", pl);
				break;
			}
			if (tlen < pl / 2)
				break;
			nd_need(nd, t, pl / 2u); /* tcpdump reads it before printing */
			ND_STR(nd, "\n\t\tAddress: ");
			osi_nsap(nd, t, pl / 2u);
			out_fmt(nd->out, "/%u", pl * 4u);
			t += pl / 2;
			tlen -= pl / 2;
		}
		break;
	case 241:
		if (tlen < 4)
			break;
		out_fmt(nd->out, "\n\t      Sequence number: %u", GET_BE32(nd, t));
		break;
	case 242:
		if (tlen < 5) {
			out_fmt(nd->out, " [object length %u < 5]", tlen);
			nd_print_invalid(nd);
			break;
		}
		rt_ip4(nd, "\n\t      Router-ID ", t);
		uint8_t capf = GET_U8(nd, t + 4); /* read before ", Flags [" as tcpdump does */
		ND_STR(nd, ", Flags [");
		nd_bits(nd, router_cap_flags, capf, ", ");
		ND_CHR(nd, ']');
		if (tlen > 5)
			router_cap_subtlv(nd, t + 5, (uint8_t)(tlen - 5));
		break;
	case 250: {
		if (tlen < 3)
			break;
		uint32_t v = GET_BE24(nd, t);
		ND_STR(nd, "\n\t      Vendor: ");
		nd_tok(nd, oui_names, "Unknown", v);
		out_fmt(nd->out, " (%u)", v);
		t += 3;
		tlen -= 3;
		if (tlen != 0 && !unknown(nd, t, "\n\t\t", tlen))
			return -1;
		break;
	}
	default:
		if (nd->o->vflag <= 1 && !unknown(nd, pptr, "\n\t\t", tlv_len))
			return -1;
		break;
	}
	return 0;
}

/* 1 printed (or truncated), 0 tcpdump's "hex-dump the PDU" failure path. */
static int isis_pdu(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "isis";
	char id[32];
	uint32_t packet_len = length;
	isis_need(nd, p, 8);
	if (length < 8)
		isis_trunc(nd);
	const uint8_t *h = p + 8;
	int e = nd->o->eflag, v = nd->o->vflag;
	if (!e)
		ND_STR(nd, "IS-IS");
	uint8_t version = GET_U8(nd, p + 2);
	if (version != 1) {
		out_fmt(nd->out, "version %u packet not supported", version);
		return 0;
	}
	uint8_t pdu_id_len = GET_U8(nd, p + 3);
	if (pdu_id_len != SYSID_LEN && pdu_id_len != 0) {
		out_fmt(nd->out, "system ID length of %u is not supported", pdu_id_len);
		return 0;
	}
	uint8_t pdu_version = GET_U8(nd, p + 5);
	if (pdu_version != 1) {
		out_fmt(nd->out, "version %u packet not supported", pdu_version);
		return 0;
	}
	uint8_t fixed_len = GET_U8(nd, p + 1);
	if (length < fixed_len) {
		out_fmt(nd->out, "fixed header length %u > packet length %u", fixed_len, length);
		return 0;
	}
	if (fixed_len < 8) {
		out_fmt(nd->out, "fixed header length %u < minimum header size %u", fixed_len, 8u);
		return 0;
	}
	uint8_t pdu_max_area = GET_U8(nd, p + 7), max_area;
	if (pdu_max_area == 0)
		max_area = 3;
	else if (pdu_max_area == 255) {
		ND_STR(nd, "bad packet -- 255 areas");
		return 0;
	} else
		max_area = pdu_max_area;
	uint8_t id_length = pdu_id_len == 0 ? 6 : pdu_id_len;
	uint8_t pdu_type = GET_U8(nd, p + 4);
	if (v == 0) {
		if (!e)
			ND_STR(nd, ", ");
		nd_tok(nd, isis_pdu_names, "unknown PDU-Type %u", pdu_type);
	} else {
		out_fmt(nd->out, "%slength %u", e ? "" : ", ", length);
		ND_STR(nd, "\n\t");
		nd_tok(nd, isis_pdu_names, "unknown, type %u", pdu_type);
		out_fmt(nd->out, ", hlen: %u, v: %u, pdu-v: %u, sys-id-len: %u (%u), max-area: %u (%u)", fixed_len,
			version, pdu_version, id_length, pdu_id_len, max_area, pdu_max_area);
		if (v > 1 && !unknown(nd, p, "\n\t", 8))
			return 0;
	}

	unsigned hdr; /* fixed part after the common header */
	uint16_t pdu_len;
	switch (pdu_type) {
	case PDU_L1_LAN_IIH:
	case PDU_L2_LAN_IIH:
		hdr = 19;
		if (fixed_len != 8 + hdr) {
			out_fmt(nd->out, ", bogus fixed header length %u should be %u", fixed_len, 8 + hdr);
			return 0;
		}
		isis_need(nd, h, hdr);
		if (length < 8 + hdr)
			isis_trunc(nd);
		if (v == 0) {
			out_fmt(nd->out, ", src-id %s", isis_id(nd, h + 1, SYSID_LEN, id));
			out_fmt(nd->out, ", lan-id %s, prio %u", isis_id(nd, h + 12, NODEID_LEN, id), GET_U8(nd, h + 11));
			out_fmt(nd->out, ", length %u", length);
			return 1;
		}
		pdu_len = GET_BE16(nd, h + 9);
		if (packet_len > pdu_len)
			packet_len = length = pdu_len;
		out_fmt(nd->out, "\n\t  source-id: %s,  holding time: %us, Flags: [", isis_id(nd, h + 1, SYSID_LEN, id),
			GET_BE16(nd, h + 7));
		nd_tok(nd, circuit_types, "unknown circuit type 0x%02x", GET_U8(nd, h));
		ND_CHR(nd, ']');
		out_fmt(nd->out, "\n\t  lan-id:    %s, Priority: %u, PDU length: %u", isis_id(nd, h + 12, NODEID_LEN, id),
			GET_U8(nd, h + 11) & 0x7f, pdu_len);
		break;
	case PDU_PTP_IIH:
		hdr = 12;
		if (fixed_len != 8 + hdr) {
			out_fmt(nd->out, ", bogus fixed header length %u should be %u", fixed_len, 8 + hdr);
			return 0;
		}
		isis_need(nd, h, hdr);
		if (length < 8 + hdr)
			isis_trunc(nd);
		if (v == 0) {
			out_fmt(nd->out, ", src-id %s", isis_id(nd, h + 1, SYSID_LEN, id));
			out_fmt(nd->out, ", length %u", length);
			return 1;
		}
		pdu_len = GET_BE16(nd, h + 9);
		if (packet_len > pdu_len)
			packet_len = length = pdu_len;
		out_fmt(nd->out, "\n\t  source-id: %s, holding time: %us, Flags: [", isis_id(nd, h + 1, SYSID_LEN, id),
			GET_BE16(nd, h + 7));
		nd_tok(nd, circuit_types, "unknown circuit type 0x%02x", GET_U8(nd, h));
		ND_CHR(nd, ']');
		out_fmt(nd->out, "\n\t  circuit-id: 0x%02x, PDU length: %u", GET_U8(nd, h + 11), pdu_len);
		break;
	case PDU_L1_LSP:
	case PDU_L2_LSP: {
		hdr = 19;
		if (fixed_len != 8 + hdr) {
			out_fmt(nd->out, ", bogus fixed header length %u should be %u", fixed_len, hdr);
			return 0;
		}
		isis_need(nd, h, hdr);
		if (length < 8 + hdr)
			isis_trunc(nd);
		if (v == 0) {
			out_fmt(nd->out, ", lsp-id %s, seq 0x%08x, lifetime %5us", isis_id(nd, h + 4, LSPID_LEN, id),
				GET_BE32(nd, h + 12), GET_BE16(nd, h + 2));
			out_fmt(nd->out, ", length %u", length);
			return 1;
		}
		pdu_len = GET_BE16(nd, h);
		if (packet_len > pdu_len)
			packet_len = length = pdu_len;
		uint16_t ck = GET_BE16(nd, h + 16);
		out_fmt(nd->out, "\n\t  lsp-id: %s, seq: 0x%08x, lifetime: %5us\n\t  chksum: 0x%04x",
			isis_id(nd, h + 4, LSPID_LEN, id), GET_BE32(nd, h + 12), GET_BE16(nd, h + 2), ck);
		osi_print_cksum(nd, h + 4, ck, 12, length - 12);
		uint8_t tb = GET_U8(nd, h + 18);
		out_fmt(nd->out, ", PDU length: %u, Flags: [ %s", pdu_len, (tb & 4) ? "Overload bit set, " : "");
		if (tb & 0x78) {
			ND_STR(nd, (tb & 0x08) ? "default " : "");
			ND_STR(nd, (tb & 0x10) ? "delay " : "");
			ND_STR(nd, (tb & 0x20) ? "expense " : "");
			ND_STR(nd, (tb & 0x40) ? "error " : "");
			ND_STR(nd, "ATT bit set, ");
		}
		ND_STR(nd, (tb & 0x80) ? "P bit set, " : "");
		nd_tok(nd, lsp_istypes, "Unknown(0x%x)", tb & 3);
		ND_STR(nd, " ]");
		break;
	}
	case PDU_L1_CSNP:
	case PDU_L2_CSNP:
		hdr = 25;
		if (fixed_len != 8 + hdr) {
			out_fmt(nd->out, ", bogus fixed header length %u should be %u", fixed_len, 8 + hdr);
			return 0;
		}
		isis_need(nd, h, hdr);
		if (length < 8 + hdr)
			isis_trunc(nd);
		if (v == 0) {
			out_fmt(nd->out, ", src-id %s", isis_id(nd, h + 2, NODEID_LEN, id));
			out_fmt(nd->out, ", length %u", length);
			return 1;
		}
		pdu_len = GET_BE16(nd, h);
		if (packet_len > pdu_len)
			packet_len = length = pdu_len;
		out_fmt(nd->out, "\n\t  source-id:    %s, PDU length: %u", isis_id(nd, h + 2, NODEID_LEN, id), pdu_len);
		out_fmt(nd->out, "\n\t  start lsp-id: %s", isis_id(nd, h + 9, LSPID_LEN, id));
		out_fmt(nd->out, "\n\t  end lsp-id:   %s", isis_id(nd, h + 17, LSPID_LEN, id));
		break;
	case PDU_L1_PSNP:
	case PDU_L2_PSNP:
		hdr = 9;
		if (fixed_len != 8 + hdr) {
			out_fmt(nd->out, "- bogus fixed header length %u should be %u", fixed_len, 8 + hdr);
			return 0;
		}
		isis_need(nd, h, hdr);
		if (length < 8 + hdr)
			isis_trunc(nd);
		if (v == 0) {
			out_fmt(nd->out, ", src-id %s", isis_id(nd, h + 2, NODEID_LEN, id));
			out_fmt(nd->out, ", length %u", length);
			return 1;
		}
		pdu_len = GET_BE16(nd, h);
		if (packet_len > pdu_len)
			packet_len = length = pdu_len;
		out_fmt(nd->out, "\n\t  source-id:    %s, PDU length: %u", isis_id(nd, h + 2, NODEID_LEN, id), pdu_len);
		break;
	default:
		if (v == 0) {
			out_fmt(nd->out, ", length %u", length);
			return 1;
		}
		unknown(nd, h, "\n\t  ", length);
		return 0;
	}
	if (v > 1 && !unknown(nd, h, "\n\t  ", hdr))
		return 0;
	if (packet_len < 8 + hdr) {
		out_fmt(nd->out, " [packet length %u < %u]", packet_len, 8 + hdr);
		nd_print_invalid(nd);
		return 1;
	}
	packet_len -= 8 + hdr;
	const uint8_t *pptr = p + 8 + hdr;

	while (packet_len > 0) {
		isis_need(nd, pptr, 2);
		if (packet_len < 2)
			isis_trunc(nd);
		uint8_t type = GET_U8(nd, pptr), tlv_len = GET_U8(nd, pptr + 1);
		pptr += 2;
		packet_len -= 2;
		ND_STR(nd, "\n\t    ");
		nd_tok(nd, isis_tlv_names, "unknown", type);
		out_fmt(nd->out, " TLV #%u, length: %u", type, tlv_len);
		if (packet_len < tlv_len)
			isis_trunc(nd);
		int r;
		if (type == 12) {
			r = 0;
			if (tlv_len >= 2) {
				isis_need(nd, pptr, 2);
				uint16_t ck = GET_BE16(nd, pptr);
				out_fmt(nd->out, "\n\t      checksum: 0x%04x ", ck);
				osi_print_cksum(nd, p, ck, (int)(pptr - p), length);
			}
		} else
			r = isis_tlv(nd, pptr, type, tlv_len);
		if (r == ISIS_TRUNC)
			isis_trunc(nd);
		if (r == 1)
			return 1;
		if (r == -1)
			return 0;
		if (v > 1 && !unknown(nd, pptr, "\n\t      ", tlv_len))
			return 0;
		pptr += tlv_len;
		packet_len -= tlv_len;
	}
	return 1;
}


/* fn() with tcpdump's "goto trunc" ending caught here: the marker, then a
 * normal return, so the link header stays out of the -x dump. */
static int osi_soft_trunc(struct nd *nd, int (*fn)(struct nd *, const uint8_t *, uint32_t),
			  const uint8_t *p, uint32_t length)
{
	jmp_buf outer;
	const int depth = nd->snap_depth;
	const uint8_t *const snapend = nd->snapend;
	memcpy(outer, nd->trunc, sizeof outer);
	int jumped = setjmp(nd->trunc);
	if (jumped == 0) {
		int r = fn(nd, p, length);
		memcpy(nd->trunc, outer, sizeof outer);
		return r;
	}
	memcpy(nd->trunc, outer, sizeof outer);
	if (jumped != ISIS_SOFT_JUMP)
		nd_trunc(nd);
	nd->snap_depth = depth;
	nd->snapend = snapend;
	nd_print_trunc(nd);
	return 1;
}

static int isis_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	return osi_soft_trunc(nd, isis_pdu, p, length);
}

/* ---- ES-IS (ISO 9542) and CLNP (ISO 8473) ----------------------------- */

static const struct tok esis_pdus[] = {{6, "redirect"}, {2, "ESH"}, {4, "ISH"}, {0, NULL}};

static const struct tok esis_options[] = {
	{129, "Protocols supported"}, {195, "QoS Maintenance"}, {197, "Security"},
	{198, "ES Configuration Time"}, {205, "Priority"}, {225, "Addressk Mask"}, {226, "SNPA Mask"},
	{0, NULL},
};

static const struct tok clnp_pdus[] = {
	{1, "Error Report"}, {29, "MD"}, {28, "Data"}, {30, "Echo Request"}, {31, "Echo Response"}, {0, NULL},
};

static const struct tok clnp_options[] = {
	{193, "Discard Reason"}, {205, "Priority"}, {195, "QoS Maintenance"}, {197, "Security"},
	{200, "Source Routing"}, {203, "Route Recording"}, {204, "Padding"}, {0, NULL},
};

static const struct tok clnp_flags[] = {
	{0x80, "Segmentation permitted"}, {0x40, "more Segments"}, {0x20, "request Error Report"}, {0, NULL},
};

static const struct tok clnp_rfd_classes[] = {
	{0x0, "General"}, {0x8, "Address"}, {0x9, "Source Routeing"}, {0xa, "Lifetime"},
	{0xb, "PDU Discarded"}, {0xc, "Reassembly"}, {0, NULL},
};
static const struct tok clnp_rfd_general[] = {
	{0x0, "Reason not specified"}, {0x1, "Protocol procedure error"}, {0x2, "Incorrect checksum"},
	{0x3, "PDU discarded due to congestion"}, {0x4, "Header syntax error (cannot be parsed)"},
	{0x5, "Segmentation needed but not permitted"}, {0x6, "Incomplete PDU received"},
	{0x7, "Duplicate option"}, {0, NULL},
};
static const struct tok clnp_rfd_address[] = {
	{0x0, "Destination address unreachable"}, {0x1, "Destination address unknown"}, {0, NULL},
};
static const struct tok clnp_rfd_sr[] = {
	{0x0, "Unspecified source routeing error"}, {0x1, "Syntax error in source routeing field"},
	{0x2, "Unknown address in source routeing field"}, {0x3, "Path not acceptable"}, {0, NULL},
};
static const struct tok clnp_rfd_lifetime[] = {
	{0x0, "Lifetime expired while data unit in transit"}, {0x1, "Lifetime expired during reassembly"},
	{0, NULL},
};
static const struct tok clnp_rfd_discard[] = {
	{0x0, "Unsupported option not specified"}, {0x1, "Unsupported protocol version"},
	{0x2, "Unsupported security option"}, {0x3, "Unsupported source routeing option"},
	{0x4, "Unsupported recording of route option"}, {0, NULL},
};
static const struct tok clnp_rfd_reassembly[] = {{0x0, "Reassembly interference"}, {0, NULL}};
static const struct tok *const clnp_rfd_by_class[16] = {
	clnp_rfd_general, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	clnp_rfd_address, clnp_rfd_sr, clnp_rfd_lifetime, clnp_rfd_discard, clnp_rfd_reassembly,
	NULL, NULL, NULL,
};
static const struct tok clnp_scopes[] = {
	{0x40, "Source Address Specific"}, {0x80, "Destination Address Specific"},
	{0xc0, "Globally unique"}, {0, NULL},
};
static const struct tok clnp_sr_rr[] = {{0x0, "partial"}, {0x1, "complete"}, {0, NULL}};
static const struct tok clnp_sr_rr_names[] = {
	{200, "source routing"}, {203, "recording of route in progress"}, {0, NULL},
};
static const struct tok clnp_qos_global[] = {
	{0x20, "reserved"}, {0x10, "sequencing vs. delay"}, {0x08, "congested"},
	{0x04, "delay vs. cost"}, {0x02, "error vs. delay"}, {0x01, "error vs. cost"}, {0, NULL},
};

/* tcpdump's "length indicator %u < min PDU size:" dump: every captured byte in upper-case hex. */
static void osi_short_dump(struct nd *nd, const uint8_t *p)
{
	for (; p < nd->snapend; p++)
		out_fmt(nd->out, "%02X", GET_U8(nd, p));
}

static void esis_pdu(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "esis";
	int e = nd->o->eflag;
	if (!e)
		ND_STR(nd, "ES-IS");
	if (length <= 2) {
		ND_STR(nd, nd->o->qflag ? "bad pkt!" : "no header at all!");
		return;
	}
	if (!nd_ok(nd, p, 9)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned li = GET_U8(nd, p + 1);
	const uint8_t *optr = p;
	if (GET_U8(nd, p) != 0x82) {
		out_fmt(nd->out, " nlpid 0x%02x packet not supported", GET_U8(nd, p));
		return;
	}
	unsigned version = GET_U8(nd, p + 2);
	if (version != 1) {
		out_fmt(nd->out, " version %u packet not supported", version);
		return;
	}
	if (li > length) {
		out_fmt(nd->out, " length indicator(%u) > PDU size (%u)!", li, length);
		return;
	}
	if (li < 11) {
		out_fmt(nd->out, " length indicator %u < min PDU size:", li);
		osi_short_dump(nd, p);
		return;
	}
	unsigned type = GET_U8(nd, p + 4) & 0x1f;
	if (nd->o->vflag < 1) {
		out_fmt(nd->out, "%s", e ? "" : ", ");
		nd_tok(nd, esis_pdus, "unknown type (%u)", type);
		out_fmt(nd->out, ", length %u", length);
		return;
	}
	out_fmt(nd->out, "%slength %u\n\t", e ? "" : ", ", length);
	nd_tok(nd, esis_pdus, "unknown type: %u", type);
	out_fmt(nd->out, " (%u)", type);
	out_fmt(nd->out, ", v: %u%s", version, "");
	uint16_t ck = GET_BE16(nd, p + 7);
	out_fmt(nd->out, ", checksum: 0x%04x", ck);
	osi_print_cksum(nd, p, ck, 7, li);
	out_fmt(nd->out, ", holding time: %us, length indicator: %u", GET_BE16(nd, p + 5), li);
	if (nd->o->vflag > 1)
		nd_print_unknown_data(nd, optr, "\n\t", 9);
	p += 9;
	li -= 9;
	switch (type) {
	case 6: {
		isis_need(nd, p, 1);
		if (li < 1) {
			ND_STR(nd, ", bad redirect/li");
			return;
		}
		unsigned dstl = GET_U8(nd, p);
		p++;
		li--;
		isis_need(nd, p, dstl);
		if (li < dstl) {
			ND_STR(nd, ", bad redirect/li");
			return;
		}
		const uint8_t *dst = p;
		p += dstl;
		li -= dstl;
		ND_STR(nd, "\n\t  ");
		osi_nsap(nd, dst, dstl);
		isis_need(nd, p, 1);
		if (li < 1) {
			ND_STR(nd, ", bad redirect/li");
			return;
		}
		unsigned snpal = GET_U8(nd, p);
		p++;
		li--;
		isis_need(nd, p, snpal);
		if (li < snpal) {
			ND_STR(nd, ", bad redirect/li");
			return;
		}
		const uint8_t *snpa = p;
		p += snpal;
		li -= snpal;
		isis_need(nd, p, 1);
		if (li < 1) {
			ND_STR(nd, ", bad redirect/li");
			return;
		}
		unsigned netal = GET_U8(nd, p);
		p++;
		isis_need(nd, p, netal);
		if (li < netal) {
			ND_STR(nd, ", bad redirect/li");
			return;
		}
		const uint8_t *neta = p;
		p += netal;
		li -= netal;
		out_fmt(nd->out, "\n\t  SNPA (length: %u): ", snpal);
		if (snpal == 6)
			nd_etheraddr(nd, snpa);
		else if (snpal == 0)
			ND_STR(nd, "<empty>");
		else
			for (unsigned i = 0; i < snpal; i++)
				out_fmt(nd->out, "%s%02x", i ? ":" : "", GET_U8(nd, snpa + i));
		if (netal != 0) {
			out_fmt(nd->out, "\n\t  NET (length: %u) ", netal);
			osi_nsap(nd, neta, netal);
		}
		break;
	}
	case 2: {
		isis_need(nd, p, 1);
		if (li < 1) {
			ND_STR(nd, ", bad esh/li");
			return;
		}
		unsigned n = GET_U8(nd, p);
		p++;
		li--;
		out_fmt(nd->out, "\n\t  Number of Source Addresses: %u", n);
		while (n > 0) {
			isis_need(nd, p, 1);
			if (li < 1) {
				ND_STR(nd, ", bad esh/li");
				return;
			}
			unsigned al = GET_U8(nd, p);
			p++;
			li--;
			isis_need(nd, p, al);
			if (li < al) {
				ND_STR(nd, ", bad esh/li");
				return;
			}
			out_fmt(nd->out, "\n\t  NET (length: %u): ", al);
			osi_nsap(nd, p, al);
			p += al;
			li -= al;
			n--;
		}
		break;
	}
	case 4: {
		isis_need(nd, p, 1);
		if (li < 1) {
			ND_STR(nd, ", bad ish/li");
			return;
		}
		unsigned al = GET_U8(nd, p);
		p++;
		li--;
		isis_need(nd, p, al);
		if (li < al) {
			ND_STR(nd, ", bad ish/li");
			return;
		}
		out_fmt(nd->out, "\n\t  NET (length: %u): ", al);
		osi_nsap(nd, p, al);
		p += al;
		li -= al;
		break;
	}
	default:
		if (nd->o->vflag <= 1 && p < nd->snapend)
			nd_print_unknown_data(nd, p, "\n\t  ", (size_t)(nd->snapend - p));
		return;
	}
	while (li != 0) {
		if (li < 2) {
			ND_STR(nd, ", bad opts/li");
			return;
		}
		unsigned op = GET_U8(nd, p), opli = GET_U8(nd, p + 1);
		p += 2;
		li -= 2;
		if (opli > li) {
			out_fmt(nd->out, ", opt (%u) too long", op);
			return;
		}
		li -= opli;
		const uint8_t *t = p;
		ND_STR(nd, "\n\t  ");
		nd_tok(nd, esis_options, "Unknown", op);
		out_fmt(nd->out, " Option #%u, length %u, value: ", op, opli);
		if (op == 198) {
			if (opli == 2) {
				isis_need(nd, t, 2);
				out_fmt(nd->out, "%us", GET_BE16(nd, t));
			} else {
				ND_STR(nd, "(bad length)");
			}
		} else if (op == 129) {
			/* tcpdump counts the option length down to 0 here, so the
			 * walk does not move past this option */
			for (; opli > 0; opli--, t++) {
				uint8_t v = GET_U8(nd, t);
				nd_tok(nd, osi_nlpid_names, "unknown", v);
				out_fmt(nd->out, " (0x%02x)", v);
				if (opli > 1)
					ND_STR(nd, ", ");
			}
		} else
			nd_print_unknown_data(nd, t, "\n\t  ", opli);
		if (nd->o->vflag > 1)
			nd_print_unknown_data(nd, p, "\n\t  ", opli);
		p += opli;
	}
}

static int esis_pdu_done(struct nd *nd, const uint8_t *p, uint32_t length)
{
	esis_pdu(nd, p, length);
	return 1;
}

/* ES-IS's ND_TCHECKs end softly too (its own marker). */
static void esis_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	osi_soft_trunc(nd, esis_pdu_done, p, length);
}

/* 1 printed, 0 tcpdump's "hex-dump the PDU" failure path. */
static int clnp_print(struct nd *nd, const uint8_t *p, uint32_t length);

static int clnp_pdu(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "clnp";
	int e = nd->o->eflag;
	const uint8_t *optr = p;
	isis_need(nd, p, 9);
	unsigned li = GET_U8(nd, p + 1), rem = li;
	if (!e)
		ND_STR(nd, "CLNP");
	if (GET_U8(nd, p + 2) != 1) {
		out_fmt(nd->out, "version %u packet not supported", GET_U8(nd, p + 2));
		return 0;
	}
	if (li > length) {
		out_fmt(nd->out, " length indicator(%u) > PDU size (%u)!", li, length);
		return 0;
	}
	if (li < 9) {
		out_fmt(nd->out, " length indicator %u < min PDU size:", li);
		osi_short_dump(nd, p);
		return 0;
	}
	unsigned type = GET_U8(nd, p + 4) & 0x1f, flags = GET_U8(nd, p + 4) & 0xe0;
	p += 9;
	rem -= 9;
	static const char bad[] = "li < size of fixed part of CLNP header and addresses";
	if (rem < 1) {
		ND_STR(nd, bad);
		return 0;
	}
	unsigned dl = GET_U8(nd, p);
	p++;
	rem--;
	if (rem < dl) {
		ND_STR(nd, bad);
		return 0;
	}
	isis_need(nd, p, dl);
	const uint8_t *dst = p;
	p += dl;
	rem -= dl;
	if (rem < 1) {
		ND_STR(nd, bad);
		return 0;
	}
	unsigned sl = GET_U8(nd, p);
	p++;
	rem--;
	if (rem < sl) {
		ND_STR(nd, bad);
		return 0;
	}
	isis_need(nd, p, sl);
	const uint8_t *src = p;
	p += sl;
	rem -= sl;
	if (nd->o->vflag < 1) {
		ND_STR(nd, e ? "" : ", ");
		osi_nsap(nd, src, sl);
		ND_STR(nd, " > ");
		osi_nsap(nd, dst, dl);
		ND_STR(nd, ", ");
		nd_tok(nd, clnp_pdus, "unknown (%u)", type);
		out_fmt(nd->out, ", length %u", length);
		return 1;
	}
	out_fmt(nd->out, "%slength %u\n\t", e ? "" : ", ", length);
	nd_tok(nd, clnp_pdus, "unknown (%u)", type);
	uint8_t lt = GET_U8(nd, optr + 3);
	uint16_t ck = GET_BE16(nd, optr + 7);
	out_fmt(nd->out, " PDU, hlen: %u, v: %u, lifetime: %u.%us, Segment PDU length: %u, checksum: 0x%04x", li,
		GET_U8(nd, optr + 2), lt / 2, (lt % 2) * 5, GET_BE16(nd, optr + 5), ck);
	osi_print_cksum(nd, optr, ck, 7, li);
	ND_STR(nd, "\n\tFlags [");
	nd_bits(nd, clnp_flags, flags, ", ");
	out_fmt(nd->out, "]\n\tsource address (length %u): ", sl);
	osi_nsap(nd, src, sl);
	out_fmt(nd->out, "\n\tdest   address (length %u): ", dl);
	osi_nsap(nd, dst, dl);
	if (flags & 0x80) {
		if (rem < 6) {
			ND_STR(nd, "li < size of fixed part of CLNP header, addresses, and segment part");
			return 0;
		}
		isis_need(nd, p, 6);
		out_fmt(nd->out, "\n\tData Unit ID: 0x%04x, Segment Offset: %u, Total PDU Length: %u", GET_BE16(nd, p),
			GET_BE16(nd, p + 2), GET_BE16(nd, p + 4));
		p += 6;
		rem -= 6;
	}
	while (rem != 0) {
		if (rem < 2) {
			ND_STR(nd, ", bad opts/li");
			return 0;
		}
		unsigned op = GET_U8(nd, p), opli = GET_U8(nd, p + 1);
		p += 2;
		rem -= 2;
		if (opli > rem) {
			out_fmt(nd->out, ", opt (%u) too long", op);
			return 0;
		}
		isis_need(nd, p, opli);
		rem -= opli;
		const uint8_t *t = p;
		unsigned tl = opli;
		ND_STR(nd, "\n\t  ");
		nd_tok(nd, clnp_options, "Unknown", op);
		out_fmt(nd->out, " Option #%u, length %u, value: ", op, opli);
		switch (op) {
		case 203:
		case 200: {
			if (tl < 2) {
				ND_STR(nd, ", bad opt len");
				return 0;
			}
			nd_tok(nd, clnp_sr_rr, "Unknown", GET_U8(nd, t));
			ND_CHR(nd, ' ');
			nd_tok(nd, clnp_sr_rr_names, "Unknown Option %u", op);
			unsigned off = GET_U8(nd, t + 1);
			if (off == 0) {
				ND_STR(nd, " Bad NSAP offset (0)");
				break;
			}
			off -= 1;
			if (off > tl) {
				ND_STR(nd, " Bad NSAP offset (past end of option)");
				break;
			}
			t += off;
			tl -= off;
			while (tl > 0) {
				unsigned al = GET_U8(nd, t);
				if (tl < al + 1) {
					ND_STR(nd, "\n\t    NSAP address goes past end of option");
					break;
				}
				if (al > 0) {
					isis_need(nd, t + 1, al);
					out_fmt(nd->out, "\n\t    NSAP address (length %u): ", al);
					osi_nsap(nd, t + 1, al);
				}
				tl -= al + 1;
				/* tcpdump never advances to the next address */
			}
			break;
		}
		case 205:
			if (tl < 1) {
				ND_STR(nd, ", bad opt len");
				return 0;
			}
			out_fmt(nd->out, "0x%1x", GET_U8(nd, t) & 0x0f);
			break;
		case 195: {
			if (tl < 1) {
				ND_STR(nd, ", bad opt len");
				return 0;
			}
			uint8_t v = GET_U8(nd, t);
			ND_STR(nd, "\n\t    Format Code: ");
			nd_tok(nd, clnp_scopes, "Reserved", v & 0xc0);
			if ((v & 0xc0) == 0xc0) {
				ND_STR(nd, "\n\t    QoS Flags [");
				nd_bits(nd, clnp_qos_global, v & 0x3f, ", ");
				ND_CHR(nd, ']');
			}
			break;
		}
		case 197:
			if (tl < 2) {
				ND_STR(nd, ", bad opt len");
				return 0;
			}
			ND_STR(nd, "\n\t    Format Code: ");
			nd_tok(nd, clnp_scopes, "Reserved", GET_U8(nd, t) & 0xc0);
			out_fmt(nd->out, ", Security-Level %u", GET_U8(nd, t + 1));
			break;
		case 193: {
			if (tl < 1) {
				ND_STR(nd, ", bad opt len");
				return 0;
			}
			uint8_t v = GET_U8(nd, t), maj = v >> 4, min = v & 0x0f;
			ND_STR(nd, "\n\t    Class: ");
			nd_tok(nd, clnp_rfd_classes, "Unknown", maj);
			out_fmt(nd->out, " Error (0x%01x), ", maj);
			const struct tok *tt = clnp_rfd_by_class[maj];
			const char *nm = tt ? tok_find(tt, min) : NULL;
			ND_STR(nd, nm ? nm : "Unknown");
			out_fmt(nd->out, " (0x%01x)", min);
			break;
		}
		case 204:
			ND_STR(nd, "padding data");
			break;
		default:
			nd_print_unknown_data(nd, t, "\n\t  ", opli);
			break;
		}
		if (nd->o->vflag > 1)
			nd_print_unknown_data(nd, p, "\n\t  ", opli);
		p += opli;
	}
	if ((type == 1 || type == 31) && GET_U8(nd, p) == 0x81) {
		ND_STR(nd, "\n\t-----original packet-----\n\t");
		clnp_print(nd, p, length - li);
		return 1;
	}
	if ((int64_t)length - (p - optr) > 0) {
		out_fmt(nd->out, "\n\t  undecoded non-header data, length %u", length - li);
		nd_print_unknown_data(nd, p, "\n\t  ", length - (uint32_t)(p - optr));
	}
	return 1;
}

/* CLNP's ND_TCHECKs end softly too (its own marker, return 1). */
static int clnp_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	return osi_soft_trunc(nd, clnp_pdu, p, length);
}

void isoclns_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "isoclns";
	uint8_t nlpid = GET_U8(nd, p);
	int e = nd->o->eflag;
	if (e) {
		ND_STR(nd, "OSI NLPID ");
		nd_tok(nd, osi_nlpid_names, "Unknown", nlpid);
		out_fmt(nd->out, " (0x%02x): ", nlpid);
	}
	switch (nlpid) {
	case 0x81:
		if (!clnp_print(nd, p, length))
			nd_print_unknown_data(nd, p, "\n\t", length);
		break;
	case 0x82:
		esis_print(nd, p, length);
		return;
	case 0x83:
		if (!isis_print(nd, p, length))
			nd_print_unknown_data(nd, p, "\n\t", length);
		break;
	case 0x00:
		out_fmt(nd->out, "%slength: %u", e ? "" : ", ", length);
		break;
	case 0x08: /* linkb: Q.933 and PPP, reached from ATM and Juniper MLFR/MFR */
		q933_print(nd, p + 1, length - 1);
		break;
	case 0xcf:
		ppp_print(nd, p + 1, length - 1);
		break;
	case 0xcc:
		ip_print(nd, p + 1, length - 1);
		break;
	case 0x8e:
		ip6_print(nd, p + 1, length - 1);
		break;
	default:
		if (!e)
			out_fmt(nd->out, "OSI NLPID 0x%02x unknown", nlpid);
		out_fmt(nd->out, "%slength: %u", e ? "" : ", ", length);
		if (length > 1)
			nd_print_unknown_data(nd, p, "\n\t", length);
		break;
	}
}
