/*
 * sflow.c - sFlow version 5 (sflow.org), UDP port 6343, as tcpdump 4.99
 * prints it.
 *
 *   version(4) ip-version(4: 1 IPv4, 2 IPv6) agent(4 or 16) sub-agent(4)
 *   seqnum(4) uptime(4) samples(4), then samples: format(4) length(4) data
 *
 * Samples are flow samples (1, 3 expanded) and counter samples (2, 4
 * expanded), each a list of records: format(4) length(4) data.  Without -v
 * only the datagram header is printed.  A sample or record that does not fit
 * the datagram ends the packet with " (invalid)".
 */
#include "nd.h"

static const struct tok sflow_formats[] = {
	{1, "flow sample"}, {2, "counter sample"}, {3, "expanded flow sample"},
	{4, "expanded counter sample"}, {0, NULL},
};

static const struct tok sflow_flow_types[] = {
	{1, "Raw packet"}, {2, "Ethernet frame"}, {3, "IPv4 Data"}, {4, "IPv6 Data"},
	{1001, "Extended Switch data"}, {1002, "Extended Router data"},
	{1003, "Extended Gateway data"}, {1004, "Extended User data"},
	{1005, "Extended URL data"}, {1006, "Extended MPLS data"}, {1007, "Extended NAT data"},
	{1008, "Extended MPLS tunnel"}, {1009, "Extended MPLS VC"}, {1010, "Extended MPLS FEC"},
	{1011, "Extended MPLS LVP FEC"}, {1012, "Extended VLAN Tunnel"}, {0, NULL},
};

static const struct tok sflow_raw_protos[] = {
	{1, "Ethernet"}, {11, "IPv4"}, {12, "IPv6"}, {0, NULL},
};

static const struct tok sflow_counter_types[] = {
	{1, "Generic counter"}, {2, "Ethernet counter"}, {3, "Token ring counter"},
	{4, "100 BaseVG counter"}, {5, "Vlan counter"}, {1001, "Processor counter"}, {0, NULL},
};

static const struct tok sflow_directions[] = {
	{0, "unknown"}, {1, "full-duplex"}, {2, "half-duplex"}, {3, "in"}, {4, "out"}, {0, NULL},
};

#define U32(o) GET_BE32(nd, p + (o))
#define U64(o) GET_BE64(nd, p + (o))

static const char *tok_or(const struct tok *t, uint32_t v, const char *dflt)
{
	const char *s = tok_find(t, v);
	return s ? s : dflt;
}

/* Counter record bodies; 1 when the record does not fit len. */
static int sflow_counter_body(struct nd *nd, unsigned type, const uint8_t *p, unsigned len)
{
	switch (type) {
	case 1: /* generic interface counters */
		if (len < 88)
			return 1;
		nd_need(nd, p, 88);
		out_fmt(nd->out, "\n\t      ifindex %u, iftype %u, ifspeed %llu, ifdirection %u (%s)",
			U32(0), U32(4), (unsigned long long)U64(8), U32(16),
			tok_or(sflow_directions, U32(16), "Unknown"));
		out_fmt(nd->out, "\n\t      ifstatus %u, adminstatus: %s, operstatus: %s", U32(20),
			(U32(20) & 1) ? "up" : "down", ((U32(20) >> 1) & 1) ? "up" : "down");
		out_fmt(nd->out,
			"\n\t      In octets %llu, unicast pkts %u, multicast pkts %u, broadcast pkts %u, discards %u",
			(unsigned long long)U64(24), U32(32), U32(36), U32(40), U32(44));
		out_fmt(nd->out, "\n\t      In errors %u, unknown protos %u", U32(48), U32(52));
		out_fmt(nd->out,
			"\n\t      Out octets %llu, unicast pkts %u, multicast pkts %u, broadcast pkts %u, discards %u",
			(unsigned long long)U64(56), U32(64), U32(68), U32(72), U32(76));
		out_fmt(nd->out, "\n\t      Out errors %u, promisc mode %u", U32(80), U32(84));
		break;
	case 2: /* Ethernet */
		if (len < 52)
			return 1;
		nd_need(nd, p, 52);
		out_fmt(nd->out,
			"\n\t      align errors %u, fcs errors %u, single collision %u, multiple collision %u, test error %u",
			U32(0), U32(4), U32(8), U32(12), U32(16));
		out_fmt(nd->out,
			"\n\t      deferred %u, late collision %u, excessive collision %u, mac trans error %u",
			U32(20), U32(24), U32(28), U32(32));
		out_fmt(nd->out,
			"\n\t      carrier error %u, frames too long %u, mac receive errors %u, symbol errors %u",
			U32(36), U32(40), U32(44), U32(48));
		break;
	case 3: /* token ring: nothing printed */
		break;
	case 4: /* 100BaseVG */
		if (len < 80)
			return 1;
		nd_need(nd, p, 80);
		out_fmt(nd->out, "\n\t      in high prio frames %u, in high prio octets %llu", U32(0),
			(unsigned long long)U64(4));
		out_fmt(nd->out, "\n\t      in norm prio frames %u, in norm prio octets %llu", U32(12),
			(unsigned long long)U64(16));
		out_fmt(nd->out,
			"\n\t      in ipm errors %u, oversized %u, in data errors %u, null addressed frames %u",
			U32(24), U32(28), U32(32), U32(36));
		out_fmt(nd->out,
			"\n\t      out high prio frames %u, out high prio octets %llu, trans into frames %u",
			U32(40), (unsigned long long)U64(44), U32(52));
		out_fmt(nd->out,
			"\n\t      in hc high prio octets %llu, in hc norm prio octets %llu, out hc high prio octets %llu",
			(unsigned long long)U64(56), (unsigned long long)U64(64),
			(unsigned long long)U64(72));
		break;
	case 5: /* VLAN */
		if (len < 28)
			return 1;
		nd_need(nd, p, 28);
		out_fmt(nd->out,
			"\n\t      vlan_id %u, octets %llu, unicast_pkt %u, multicast_pkt %u, broadcast_pkt %u, discards %u",
			U32(0), (unsigned long long)U64(4), U32(12), U32(16), U32(20), U32(24));
		break;
	case 1001: /* processor */
		if (len < 28)
			return 1;
		nd_need(nd, p, 28);
		out_fmt(nd->out, "\n\t      5sec %u, 1min %u, 5min %u, total_mem %llu, total_mem %llu",
			U32(0), U32(4), U32(8), (unsigned long long)U64(12),
			(unsigned long long)U64(20));
		break;
	default:
		return -1;
	}
	return 0;
}

static int sflow_counter_records(struct nd *nd, const uint8_t *p, unsigned len, unsigned n)
{
	while (n > 0) {
		if (len < 8)
			return 1;
		uint32_t fmt = U32(0), rlen = U32(4);
		unsigned type = fmt & 0x0fff, ent = fmt >> 20;
		out_fmt(nd->out, "\n\t    enterprise %u, %s (%u) length %u", ent,
			ent == 0 ? tok_or(sflow_counter_types, type, "Unknown") : "Unknown", type,
			rlen);
		p += 8;
		len -= 8;
		if (len < rlen)
			return 1;
		if (ent == 0) {
			int rc = sflow_counter_body(nd, type, p, len);
			if (rc > 0)
				return 1;
			if (rc < 0 && nd->o->vflag <= 1)
				nd_print_unknown_data(nd, p, "\n\t\t", rlen);
		}
		p += rlen;
		len -= rlen;
		n--;
	}
	return 0;
}

static int sflow_flow_records(struct nd *nd, const uint8_t *p, unsigned len, unsigned n)
{
	while (n > 0) {
		if (len < 8)
			return 1;
		uint32_t fmt = U32(0), rlen = U32(4);
		unsigned type = fmt & 0x0fff, ent = fmt >> 12;
		out_fmt(nd->out, "\n\t    enterprise %u %s (%u) length %u", ent,
			ent == 0 ? tok_or(sflow_flow_types, type, "Unknown") : "Unknown", type, rlen);
		p += 8;
		len -= 8;
		if (len < rlen)
			return 1;
		if (ent == 0) {
			switch (type) {
			case 1: /* raw packet header */
				if (len < 16)
					return 1;
				nd_need(nd, p, 16);
				out_fmt(nd->out,
					"\n\t      protocol %s (%u), length %u, stripped bytes %u, header_size %u",
					tok_or(sflow_raw_protos, U32(0), "Unknown"), U32(0), U32(4), U32(8),
					U32(12));
				break;
			case 2: /* Ethernet frame data */
				if (len < 24)
					return 1;
				nd_need(nd, p, 24);
				out_fmt(nd->out, "\n\t      frame len %u, type %u", U32(0), U32(20));
				break;
			case 1001: /* extended switch data */
				if (len < 16)
					return 1;
				nd_need(nd, p, 16);
				out_fmt(nd->out, "\n\t      src vlan %u, src pri %u, dst vlan %u, dst pri %u",
					U32(0), U32(4), U32(8), U32(12));
				break;
			case 3:
			case 4:
			case 1002:
			case 1003:
			case 1004:
			case 1005:
			case 1006:
			case 1007:
			case 1008:
			case 1009:
			case 1010:
			case 1011:
			case 1012:
				break;
			default:
				if (nd->o->vflag <= 1)
					nd_print_unknown_data(nd, p, "\n\t\t", rlen);
				break;
			}
		}
		p += rlen;
		len -= rlen;
		n--;
	}
	return 0;
}

/* One sample body of type t; p/len are the rest of the datagram. */
static int sflow_sample(struct nd *nd, unsigned t, const uint8_t *p, unsigned len)
{
	switch (t) {
	case 1:
		if (len < 32)
			return 1;
		nd_need(nd, p, 32);
		out_fmt(nd->out,
			" seqnum %u, type %u, idx %u, rate %u, pool %u, drops %u, input %u output %u records %u",
			U32(0), GET_U8(nd, p + 4), GET_BE24(nd, p + 5), U32(8), U32(12), U32(16), U32(20),
			U32(24), U32(28));
		return sflow_flow_records(nd, p + 32, len - 32, U32(28));
	case 2:
		if (len < 12)
			return 1;
		nd_need(nd, p, 12);
		out_fmt(nd->out, " seqnum %u, type %u, idx %u, records %u", U32(0), GET_U8(nd, p + 4),
			GET_BE24(nd, p + 5), U32(8));
		return sflow_counter_records(nd, p + 12, len - 12, U32(8));
	case 3:
		if (len < 44)
			return 1;
		nd_need(nd, p, 44);
		out_fmt(nd->out,
			" seqnum %u, type %u, idx %u, rate %u, pool %u, drops %u, records %u", U32(0),
			U32(4), U32(8), U32(12), U32(16), U32(20), U32(40));
		return sflow_flow_records(nd, p + 44, len - 44, U32(40));
	case 4:
		if (len < 16)
			return 1;
		nd_need(nd, p, 16);
		out_fmt(nd->out, " seqnum %u, type %u, idx %u, records %u", U32(0), U32(4), U32(8),
			U32(12));
		return sflow_counter_records(nd, p + 16, len - 16, U32(12));
	default:
		return -1;
	}
}

void sflow_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "sflow";
	uint32_t ipv = GET_BE32(nd, p + 4);
	unsigned hlen = ipv == 1 ? 28 : 40;
	if ((ipv == 1 || ipv == 2) && len < hlen) {
		out_fmt(nd->out, "sFlowv%u [length %u < 28]", GET_BE32(nd, p), len);
		nd_print_invalid(nd);
		return;
	}
	nd_need(nd, p, 28);
	uint32_t ver = U32(0);
	if (ver != 5) {
		out_fmt(nd->out, "sFlow version %u packet not supported", ver);
		return;
	}
	out_fmt(nd->out, "sFlowv%u, %s agent ", ver, ipv == 1 ? "IPv4" : "IPv6");
	if (ipv == 1)
		nd_ipaddr(nd, p + 8);
	else
		nd_ip6addr(nd, p + 8);
	const uint8_t *h = p + (ipv == 1 ? 12 : 24);
	if (!nd->o->vflag) {
		out_fmt(nd->out, ", agent-id %u, length %u", GET_BE32(nd, h), len);
		return;
	}
	uint32_t nsamples = GET_BE32(nd, h + 12);
	out_fmt(nd->out, ", agent-id %u, seqnum %u, uptime %u, samples %u, length %u",
		GET_BE32(nd, h), GET_BE32(nd, h + 4), GET_BE32(nd, h + 8), nsamples, len);
	if (len < hlen) {
		nd_print_invalid(nd);
		return;
	}
	p += hlen;
	len -= hlen;
	while (nsamples > 0 && len > 0) {
		unsigned t = U32(0) & 0x0fff;
		uint32_t slen = U32(4);
		if (len < 8)
			goto invalid;
		p += 8;
		len -= 8;
		out_fmt(nd->out, "\n\t%s (%u), length %u,", tok_or(sflow_formats, t, "Unknown"), t,
			slen);
		if (t == 0 || slen == 0)
			return;
		if (len < slen)
			goto invalid;
		nd_need(nd, p, slen);
		int rc = sflow_sample(nd, t, p, len);
		if (rc > 0)
			goto invalid;
		if (rc < 0 && nd->o->vflag <= 1)
			nd_print_unknown_data(nd, p, "\n\t    ", slen);
		p += slen;
		len -= slen;
		nsamples--;
	}
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, p, len);
}
