/*
 * cnfp.c - Cisco NetFlow export versions 1, 5 and 6 (-T cnfp), as tcpdump
 * 4.99 prints it: a header line, then per flow record its times, endpoints,
 * next hop, protocol, TCP flags, ToS, packets and octets.
 *
 *   header v1: version(2) count(2) uptime(4) secs(4) nsecs(4)            = 16
 *   header v5/v6: ... sequence(4) engine/sampling (v5) or reserved (v6)   = 24
 *   record v1: src dst nexthop in(2) out(2) pkts octets first last
 *              sport dport pad(2) proto tos flags pad(3) reserved(4)      = 48
 *   record v5/v6: src dst nexthop in out pkts octets first last sport dport
 *              pad flags proto tos src_as dst_as src_mask dst_mask
 *              pad(2) or encaps(2) (v6), peer nexthop: 52 bytes as tcpdump
 *              4.99 reads them (a real v5 record has 48)
 */
#include "nd.h"
#include "svc.h"

struct cnfp_layout {
	unsigned hdr_len, rec_len;
	int has_seq, has_as, has_encaps;
	unsigned proto_off, flags_off, tos_off;
};

static const struct cnfp_layout cnfp_v1 = {16, 48, 0, 0, 0, 38, 40, 39};
static const struct cnfp_layout cnfp_v5 = {24, 52, 1, 1, 0, 38, 37, 39};
static const struct cnfp_layout cnfp_v6 = {24, 52, 1, 1, 1, 38, 37, 39};

static void cnfp_ms(struct nd *nd, uint32_t ms)
{
	out_fmt(nd->out, "%u.%03u", ms / 1000, ms % 1000);
}

static void cnfp_addr(struct nd *nd, const uint8_t *p)
{
	out_fmt(nd->out, "%u.%u.%u.%u", GET_U8(nd, p), GET_U8(nd, p + 1), GET_U8(nd, p + 2),
		GET_U8(nd, p + 3));
}

static void cnfp_record(struct nd *nd, const uint8_t *r, const struct cnfp_layout *l)
{
	ND_STR(nd, "\n  started ");
	cnfp_ms(nd, GET_BE32(nd, r + 24));
	ND_STR(nd, ", last ");
	cnfp_ms(nd, GET_BE32(nd, r + 28));
	ND_STR(nd, "\n    ");
	cnfp_addr(nd, r);
	if (l->has_as)
		out_fmt(nd->out, "/%u:%u", GET_U8(nd, r + 44), GET_BE16(nd, r + 40));
	out_fmt(nd->out, ":%u > ", GET_BE16(nd, r + 32));
	cnfp_addr(nd, r + 4);
	if (l->has_as)
		out_fmt(nd->out, "/%u:%u", GET_U8(nd, r + 45), GET_BE16(nd, r + 42));
	out_fmt(nd->out, ":%u >> ", GET_BE16(nd, r + 34));
	cnfp_addr(nd, r + 8);
	ND_STR(nd, "\n    ");
	uint8_t proto = GET_U8(nd, r + l->proto_off);
	const char *pn = nd->o->nflag ? NULL : ipproto_name(proto);
	if (pn)
		out_fmt(nd->out, "%s ", pn);
	else
		out_fmt(nd->out, "%u ", proto);
	if (proto == 6) {
		uint8_t f = GET_U8(nd, r + l->flags_off);
		static const char letters[] = "FSRPAU";
		for (int i = 0; i < 6; i++)
			if (f & (1u << i))
				ND_CHR(nd, letters[i]);
		if (f)
			ND_CHR(nd, ' ');
	}
	out_fmt(nd->out, "tos %u, %u (%u octets) ", GET_U8(nd, r + l->tos_off), GET_BE32(nd, r + 16),
		GET_BE32(nd, r + 20));
	if (l->has_encaps) {
		uint16_t e = GET_BE16(nd, r + 46);
		out_fmt(nd->out, "(%u<>%u encaps)", e >> 8, e & 0xff);
	}
}

static void cnfp_version_print(struct nd *nd, const uint8_t *p, const struct cnfp_layout *l)
{
	if (!nd_ok(nd, p, l->hdr_len)) {
		nd_print_trunc(nd);
		return;
	}
	/* tcpdump 4.99 reads the 16-bit count as 32 bits (count and the top of the uptime) */
	uint32_t nrecs = GET_BE32(nd, p + 2), up = GET_BE32(nd, p + 4);
	out_fmt(nd->out, "NetFlow v%x, ", GET_BE16(nd, p));
	cnfp_ms(nd, up);
	out_fmt(nd->out, " uptime, %u.%09u, ", GET_BE32(nd, p + 8), GET_BE32(nd, p + 12));
	if (l->has_seq)
		out_fmt(nd->out, "#%u, ", GET_BE32(nd, p + 16));
	out_fmt(nd->out, "%2u recs", nrecs);
	const uint8_t *r = p + l->hdr_len;
	for (; nrecs != 0; nrecs--, r += l->rec_len) {
		if (!nd_ok(nd, r, l->rec_len)) {
			nd_print_trunc(nd);
			return;
		}
		cnfp_record(nd, r, l);
	}
}

void cnfp_print(struct nd *nd, const uint8_t *p)
{
	nd->protocol = "cnfp";
	uint16_t ver = GET_BE16(nd, p);
	if (ver == 1)
		cnfp_version_print(nd, p, &cnfp_v1);
	else if (ver == 5)
		cnfp_version_print(nd, p, &cnfp_v5);
	else if (ver == 6)
		cnfp_version_print(nd, p, &cnfp_v6);
	else
		out_fmt(nd->out, "NetFlow v%x", ver);
}
