/*
 * igmp.c - IGMP v1/v2/v3 (RFC 1112, 2236, 3376) and mtrace (IP protocol 2),
 * as tcpdump 4.99 prints it.
 *
 *   +------+---------------+----------+---------------+
 *   | type | max resp code | checksum | group address |    8 bytes (v1/v2)
 *   +------+---------------+----------+---------------+
 *   v3 query: + flags/QRV(1) QQIC(1) #sources(2) sources...
 *   v3 report: type 0x22, reserved(1) checksum(2) reserved(2) #records(2),
 *   then records: type(1) auxlen(1) #sources(2) group(4) sources...
 */
#include "lan.h"

static const struct tok igmpv3_record_names[] = {
	{1, "is_in"}, {2, "is_ex"}, {3, "to_in"}, {4, "to_ex"}, {5, "allow"}, {6, "block"},
	{0, NULL},
};

/* tcpdump's unsigned_relts_print: 0s, or units from years down to seconds. */
void lan_relts_print(struct nd *nd, uint32_t secs)
{
	static const char *units[] = {"y", "w", "d", "h", "m", "s"};
	static const uint32_t sizes[] = {31536000, 604800, 86400, 3600, 60, 1};
	if (secs == 0) {
		ND_STR(nd, "0s");
		return;
	}
	for (int i = 0; i < 6 && secs > 0; i++) {
		if (secs >= sizes[i]) {
			ND_U(nd, secs / sizes[i]);
			ND_STR(nd, units[i]);
			secs %= sizes[i];
		}
	}
}

static void mtrace_print(struct nd *nd, const char *name, const uint8_t *p, uint32_t len)
{
	if (len < 8 + 16) {
		out_fmt(nd->out, " [invalid len %u]", len);
		return;
	}
	nd_need(nd, p + 8, 16);
	ND_STR(nd, name);
	ND_CHR(nd, ' ');
	ND_U(nd, GET_BE24(nd, p + 21));
	ND_STR(nd, ": ");
	nd_ipaddr(nd, p + 8);
	ND_STR(nd, " to ");
	nd_ipaddr(nd, p + 12);
	ND_STR(nd, " reply-to ");
	nd_ipaddr(nd, p + 16);
	if ((GET_BE32(nd, p + 16) & 0xf0000000u) == 0xe0000000u)
		out_fmt(nd->out, " with-ttl %u", GET_U8(nd, p + 20));
}

static void igmpv3_report_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len < 16 || (len & 3)) {
		out_fmt(nd->out, " [invalid len %u]", len);
		return;
	}
	uint16_t ngroups = GET_BE16(nd, p + 6);
	out_fmt(nd->out, ", %u group record(s)", ngroups);
	if (!nd->o->vflag)
		return;
	uint32_t off = 8;
	for (uint32_t i = 0; i < ngroups; i++) {
		if (len < off + 8) {
			ND_STR(nd, " [invalid number of groups]");
			return;
		}
		nd_need(nd, p + off + 4, 4);
		ND_STR(nd, " [gaddr ");
		nd_ipaddr(nd, p + off + 4);
		ND_CHR(nd, ' ');
		nd_tok(nd, igmpv3_record_names, " [v3-report-#%u]", GET_U8(nd, p + off));
		uint32_t nsrcs = GET_BE16(nd, p + off + 2);
		if (len < off + 8 + (nsrcs << 2)) {
			out_fmt(nd->out, " [invalid number of sources %u]", nsrcs);
			return;
		}
		if (nd->o->vflag == 1) {
			out_fmt(nd->out, ", %u source(s)", nsrcs);
		} else {
			ND_STR(nd, " {");
			for (uint32_t j = 0; j < nsrcs; j++) {
				nd_need(nd, p + off + 8 + (j << 2), 4);
				ND_CHR(nd, ' ');
				nd_ipaddr(nd, p + off + 8 + (j << 2));
			}
			ND_STR(nd, " }");
		}
		off += 8 + (nsrcs << 2);
		ND_CHR(nd, ']');
	}
}

static void igmpv3_query_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	ND_STR(nd, " v3");
	if (len < 12 || (len & 3)) {
		out_fmt(nd->out, " [invalid len %u]", len);
		return;
	}
	uint8_t mrc = GET_U8(nd, p + 1);
	uint32_t mrt = mrc < 128 ? mrc : ((uint32_t)(mrc & 0x0f) | 0x10) << (((mrc & 0x70) >> 4) + 3);
	if (mrc != 100) {
		ND_STR(nd, " [max resp time ");
		if (mrt < 600)
			out_fmt(nd->out, "%.1fs", mrt * 0.1);
		else
			lan_relts_print(nd, mrt / 10);
		ND_CHR(nd, ']');
	}
	if (GET_BE32(nd, p + 4) == 0)
		return;
	ND_STR(nd, " [gaddr ");
	nd_ipaddr(nd, p + 4);
	uint32_t nsrcs = GET_BE16(nd, p + 10);
	if (nsrcs > 0) {
		if (len < 12 + (nsrcs << 2)) {
			ND_STR(nd, " [invalid number of sources]");
		} else if (nd->o->vflag > 1) {
			ND_STR(nd, " {");
			for (uint32_t i = 0; i < nsrcs; i++) {
				nd_need(nd, p + 12 + (i << 2), 4);
				ND_CHR(nd, ' ');
				nd_ipaddr(nd, p + 12 + (i << 2));
			}
			ND_STR(nd, " }");
		} else {
			out_fmt(nd->out, ", %u source(s)", nsrcs);
		}
	}
	ND_CHR(nd, ']');
}

/* "igmp v1 report 224.0.0.1" and friends: the group read before the words. */
static void igmp_group_line(struct nd *nd, const char *what, const uint8_t *p)
{
	nd_need(nd, p + 4, 4);
	ND_STR(nd, what);
	nd_ipaddr(nd, p + 4);
}

void igmp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "igmp";
	if (nd->o->qflag) {
		ND_STR(nd, "igmp");
		return;
	}
	uint8_t type = GET_U8(nd, p);
	switch (type) {
	case 0x11:
		ND_STR(nd, "igmp query");
		if (len >= 12) {
			igmpv3_query_print(nd, p, len);
		} else {
			uint8_t mrt = GET_U8(nd, p + 1);
			if (mrt) {
				ND_STR(nd, " v2");
				if (mrt != 100)
					out_fmt(nd->out, " [max resp time %u]", mrt);
			} else {
				ND_STR(nd, " v1");
			}
			if (GET_BE32(nd, p + 4)) {
				ND_STR(nd, " [gaddr ");
				nd_ipaddr(nd, p + 4);
				ND_CHR(nd, ']');
			}
			if (len != 8)
				out_fmt(nd->out, " [len %u]", len);
		}
		break;
	case 0x12:
		igmp_group_line(nd, "igmp v1 report ", p);
		if (len != 8)
			out_fmt(nd->out, " [len %u]", len);
		break;
	case 0x16:
		igmp_group_line(nd, "igmp v2 report ", p);
		break;
	case 0x22:
		ND_STR(nd, "igmp v3 report");
		igmpv3_report_print(nd, p, len);
		break;
	case 0x17:
		igmp_group_line(nd, "igmp leave ", p);
		break;
	case 0x13:
		ND_STR(nd, "igmp dvmrp");
		if (len < 8)
			out_fmt(nd->out, " [len %u]", len);
		else
			dvmrp_print(nd, p, len);
		break;
	case 0x14:
		ND_STR(nd, "igmp pimv1");
		pimv1_print(nd, p, len);
		break;
	case 0x1e:
		mtrace_print(nd, "mresp", p, len);
		break;
	case 0x1f:
		mtrace_print(nd, "mtrace", p, len);
		break;
	default:
		out_fmt(nd->out, "igmp-%u", type);
		break;
	}
	if (nd->o->vflag && len >= 4 && nd_ok(nd, p, len)) {
		if (in_cksum(p, len, 0) != 0)
			out_fmt(nd->out, " bad igmp cksum %x!", GET_BE16(nd, p + 2));
	}
}
