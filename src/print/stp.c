/*
 * stp.c - Spanning Tree BPDUs: 802.1D (STP), 802.1w (RSTP), 802.1s/802.1Q
 * (MSTP) and 802.1aq (SPB), as tcpdump 4.99 prints them.  Reached from LLC
 * SAP 0x42 and from SNAP (Cisco PVST, RFC 2684 bridged BPDUs).
 *
 *   0      2     3      4       5            13        17          25     27
 *   +------+-----+------+-------+------------+---------+-----------+------+
 *   |proto | ver | type | flags | root id(8) | cost(4) | bridge(8) | port |
 *   +------+-----+------+-------+------------+---------+-----------+------+
 *   | msg age | max age | hello | fwd delay | v1len(1) | MSTP: v3len(2) ...
 *   times in 1/256 s.   MSTP adds the MST configuration id (name, revision,
 *   digest), the CIST internal cost, bridge id and hops, then 16-byte MSTIs.
 */
#include "lan.h"

#define STP_CONFIG_LEN 35    /* a configuration BPDU without v1 length */
#define STP_RSTP_LEN 36
#define MSTP_MIN_LEN 102
#define MSTP_V3LEN_OFF 36
#define MSTP_NAME_OFF 39
#define MSTP_DIGEST_OFF 73
#define MSTP_INT_COST_OFF 89
#define MSTP_BRIDGE_OFF 93
#define MSTP_HOPS_OFF 101
#define MSTP_MSTI_OFF 102
#define MSTP_MSTI_LEN 16
#define MSTP_CONFIG_INFO_LEN 64
#define SPB_MIN_LEN 87

static const struct tok stp_version_names[] = {
	{0x00, "802.1d"}, {0x02, "802.1w"}, {0x03, "802.1s"}, {0x04, "802.1aq"}, {0, NULL},
};

static const struct tok stp_type_names[] = {
	{0x00, "Config"}, {0x02, "Rapid STP"}, {0x80, "Topology Change"}, {0, NULL},
};

static const struct tok stp_flag_names[] = {
	{0x01, "Topology change"}, {0x02, "Proposal"}, {0x10, "Learn"},
	{0x20, "Forward"}, {0x40, "Agreement"}, {0x80, "Topology change ACK"},
	{0, NULL},
};

static const struct tok stp_role_names[] = {
	{0, "Unknown"}, {1, "Alternate"}, {2, "Root"}, {3, "Designated"}, {0, NULL},
};

/* "pppp.aa:bb:cc:dd:ee:ff": priority then MAC. */
static void stp_bridge_id(struct nd *nd, const uint8_t *p)
{
	nd_need(nd, p, 8);
	out_hex(nd->out, GET_U8(nd, p), 2);
	out_hex(nd->out, GET_U8(nd, p + 1), 2);
	for (int i = 2; i < 8; i++) {
		ND_CHR(nd, i == 2 ? '.' : ':');
		out_hex(nd->out, GET_U8(nd, p + i), 2);
	}
}

static void stp_flags(struct nd *nd, uint8_t flags)
{
	ND_STR(nd, "Flags [");
	nd_bits(nd, stp_flag_names, flags, ", ");
	ND_CHR(nd, ']');
}

static void stp_role(struct nd *nd, uint8_t flags)
{
	nd_tok(nd, stp_role_names, "Unknown", (flags >> 2) & 3);
}

/* Timers are in 1/256 s; tcpdump divides them as float and prints %.2f. */
static void stp_timers(struct nd *nd, const uint8_t *p)
{
	float age = (float)GET_BE16(nd, p + 27) / 256, max = (float)GET_BE16(nd, p + 29) / 256;
	float hello = (float)GET_BE16(nd, p + 31) / 256, fwd = (float)GET_BE16(nd, p + 33) / 256;
	out_fmt(nd->out, "\n\tmessage-age %.2fs, max-age %.2fs, hello-time %.2fs, forwarding-delay %.2fs",
		(double)age, (double)max, (double)hello, (double)fwd);
}

static void stp_config_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint8_t flags = GET_U8(nd, p + 4);
	ND_STR(nd, ", ");
	stp_flags(nd, flags);
	/* tcpdump formats each line part whole: nothing of it shows if it is cut */
	nd_need(nd, p + 17, 10);
	ND_STR(nd, ", bridge-id ");
	stp_bridge_id(nd, p + 17);
	ND_CHR(nd, '.');
	out_hex(nd->out, GET_BE16(nd, p + 25), 4);
	ND_STR(nd, ", length ");
	ND_U(nd, len);
	if (!nd->o->vflag)
		return;
	stp_timers(nd, p);
	nd_need(nd, p + 5, 12);
	ND_STR(nd, "\n\troot-id ");
	stp_bridge_id(nd, p + 5);
	ND_STR(nd, ", root-pathcost ");
	ND_U(nd, GET_BE32(nd, p + 13));
	if (GET_U8(nd, p + 2) == 0x02) {
		ND_STR(nd, ", port-role ");
		stp_role(nd, flags);
	}
}

static void stp_digest(struct nd *nd, const uint8_t *p, int words)
{
	for (int i = 0; i < words; i++)
		out_hex(nd->out, GET_BE32(nd, p + 4 * i), 8);
}

static void mstp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint8_t flags = GET_U8(nd, p + 4);
	ND_STR(nd, ", CIST ");
	stp_flags(nd, flags);
	ND_STR(nd, ", length ");
	ND_U(nd, len);
	if (!nd->o->vflag)
		return;
	ND_STR(nd, "\n\tport-role ");
	stp_role(nd, flags);
	ND_STR(nd, ", ");
	nd_need(nd, p + 5, 12);
	ND_STR(nd, "CIST root-id ");
	stp_bridge_id(nd, p + 5);
	ND_STR(nd, ", CIST ext-pathcost ");
	ND_U(nd, GET_BE32(nd, p + 13));
	nd_need(nd, p + 17, 8);
	ND_STR(nd, "\n\tCIST regional-root-id ");
	stp_bridge_id(nd, p + 17);
	ND_STR(nd, ", ");
	nd_need(nd, p + 25, 2);
	ND_STR(nd, "CIST port-id ");
	out_hex(nd->out, GET_BE16(nd, p + 25), 4);
	ND_CHR(nd, ',');
	stp_timers(nd, p);
	uint16_t v3len = GET_BE16(nd, p + MSTP_V3LEN_OFF);
	ND_STR(nd, "\n\tv3len ");
	ND_U(nd, v3len);
	ND_STR(nd, ", MCID Name ");
	nd_printn(nd, p + MSTP_NAME_OFF, 32);
	nd_need(nd, p + MSTP_NAME_OFF + 32, 18);
	ND_STR(nd, ", rev ");
	ND_U(nd, GET_BE16(nd, p + MSTP_NAME_OFF + 32));
	ND_STR(nd, ",\n\t\tdigest ");
	stp_digest(nd, p + MSTP_DIGEST_OFF, 4);
	ND_STR(nd, ", ");
	nd_need(nd, p + MSTP_INT_COST_OFF, 4);
	ND_STR(nd, "CIST int-root-pathcost ");
	ND_U(nd, GET_BE32(nd, p + MSTP_INT_COST_OFF));
	ND_CHR(nd, ',');
	nd_need(nd, p + MSTP_BRIDGE_OFF, 8);
	ND_STR(nd, "\n\tCIST bridge-id ");
	stp_bridge_id(nd, p + MSTP_BRIDGE_OFF);
	ND_STR(nd, ", ");
	nd_need(nd, p + MSTP_HOPS_OFF, 1);
	ND_STR(nd, "CIST remaining-hops ");
	ND_U(nd, GET_U8(nd, p + MSTP_HOPS_OFF));

	if (v3len <= MSTP_CONFIG_INFO_LEN)
		return;
	uint32_t left = v3len - MSTP_CONFIG_INFO_LEN;
	for (uint32_t off = MSTP_MSTI_OFF; left >= MSTP_MSTI_LEN; off += MSTP_MSTI_LEN) {
		const uint8_t *m = p + off;
		nd_need(nd, m, 3);
		uint8_t mflags = GET_U8(nd, m);
		ND_STR(nd, "\n\tMSTI ");
		ND_U(nd, GET_BE16(nd, m + 1) & 0x0fff);
		ND_STR(nd, ", ");
		stp_flags(nd, mflags);
		ND_STR(nd, ", port-role ");
		stp_role(nd, mflags);
		nd_need(nd, m + 1, 12);
		ND_STR(nd, "\n\t\tMSTI regional-root-id ");
		stp_bridge_id(nd, m + 1);
		ND_STR(nd, ", pathcost ");
		ND_U(nd, GET_BE32(nd, m + 9));
		nd_need(nd, m + 13, 3);
		ND_STR(nd, "\n\t\tMSTI bridge-prio ");
		ND_U(nd, GET_U8(nd, m + 13) >> 4);
		ND_STR(nd, ", port-prio ");
		ND_U(nd, GET_U8(nd, m + 14) >> 4);
		ND_STR(nd, ", hops ");
		ND_U(nd, GET_U8(nd, m + 15));
		left -= MSTP_MSTI_LEN;
	}
}

/* SPB (802.1aq) additions after the MSTP part, at offset off. */
static void spb_print(struct nd *nd, const uint8_t *p, uint32_t off)
{
	if (!nd->o->vflag)
		return;
	const uint8_t *s = p + off;
	nd_need(nd, s, 2);
	ND_STR(nd, "\n\tv4len ");
	ND_U(nd, GET_BE16(nd, s));
	ND_STR(nd, ", AUXMCID Name ");
	nd_printn(nd, s + 3, 32);
	nd_need(nd, s + 35, 18);
	ND_STR(nd, ", Rev ");
	ND_U(nd, GET_BE16(nd, s + 35));
	ND_STR(nd, ",\n\t\tdigest ");
	stp_digest(nd, s + 37, 4);
	nd_need(nd, s + 53, 34);
	uint8_t agr = GET_U8(nd, s + 53), fmt = GET_U8(nd, s + 55), conv = GET_U8(nd, s + 56);
	out_fmt(nd->out, "\n\tAgreement num %u, Discarded Agreement num %u, Agreement valid-flag %u,",
		agr >> 6, (agr >> 4) & 3, (agr >> 3) & 1);
	out_fmt(nd->out, "\n\tRestricted role-flag: %u, Format id %u cap %u, Convention id %u cap %u,",
		(agr >> 2) & 1, fmt >> 4, fmt, conv >> 4, conv);
	out_fmt(nd->out, "\n\tEdge count %u, Agreement digest ", GET_BE16(nd, s + 57));
	stp_digest(nd, s + 67, 5);
}

void stp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "stp";
	if (len < 4) {
		nd_print_invalid(nd);
		return;
	}
	if (GET_BE16(nd, p) != 0) {
		ND_STR(nd, "unknown STP version, length ");
		ND_U(nd, len);
		return;
	}
	uint8_t version = GET_U8(nd, p + 2);
	ND_STR(nd, "STP ");
	nd_tok(nd, stp_version_names, "Unknown STP protocol (0x%02x)", version);
	if (version != 0 && version != 2 && version != 3 && version != 4)
		return;
	uint8_t type = GET_U8(nd, p + 3);
	ND_STR(nd, ", ");
	nd_tok(nd, stp_type_names, "Unknown BPDU Type (0x%02x)", type);

	if (type == 0x00) {
		if (len < STP_CONFIG_LEN)
			goto invalid;
		stp_config_print(nd, p, len);
	} else if (type == 0x02) {
		if (version == 0x02) {
			if (len < STP_RSTP_LEN)
				goto invalid;
			stp_config_print(nd, p, len);
		} else if (version == 0x03 || version == 0x04) {
			if (len < MSTP_MIN_LEN)
				goto invalid;
			if (GET_U8(nd, p + 35) != 0)
				goto invalid;
			uint32_t mstp_len = (uint32_t)GET_BE16(nd, p + MSTP_V3LEN_OFF) + 2;
			if (len < STP_RSTP_LEN + mstp_len)
				goto invalid;
			mstp_print(nd, p, len);
			if (version == 0x04) {
				uint32_t spb_len = (uint32_t)GET_BE16(nd, p + MSTP_V3LEN_OFF + mstp_len) + 2;
				if (len < STP_RSTP_LEN + mstp_len + spb_len || spb_len < SPB_MIN_LEN)
					goto invalid;
				spb_print(nd, p, STP_RSTP_LEN + mstp_len);
			}
		}
	}
	return;
invalid:
	nd_print_invalid(nd);
}
