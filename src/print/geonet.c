/*
 * geonet.c - ETSI GeoNetworking (EN 302 636-4-1) with the Basic Transport
 * Protocol (EN 302 636-5-1), and ISO 29281 CALM FAST, as tcpdump 4.99 prints
 * them.
 *
 *   GeoNet common header (36 bytes):
 *   +-------+-------+-------+-------+-------------+-------+--------+
 *   |ver|NH | HT|HST| flags         | payload len | class | hoplim |
 *   +-------+-------+-------+-------+-------------+-------+--------+
 *   | long position vector: GN_ADDR(8) time(4) lat(4) lon(4) ...   |
 *   +--------------------------------------------------------------+
 *   then (for the header types whose size tcpdump knows) BTP-A/B:
 *   dst port(2) src port(2), and an ITS PDU header: version(1) type(1).
 *
 *   CALM FAST: source nwref(1) destination nwref(1), payload.
 */
#include "nd.h"
#include "l2odds.h"

#define GN_COMMON_LEN 36

static const struct tok its_msg_names[] = {
	{0, "CAM"},   {1, "DENM"},  {101, "TPEGM"},  {102, "TSPDM"}, {103, "VPM"},
	{104, "SRM"}, {105, "SLAM"}, {106, "ecoCAM"}, {107, "ITM"},  {150, "SA"},
	{0, NULL},
};

static const char *const gn_next_names[] = {"Any", "BTP-A", "BTP-B", "IPv6"};

/* Header type/subtype name, and the size of the extended header tcpdump
 * skips (-1: unknown, then nothing after the common header is decoded). */
static const char *gn_type_name(unsigned ht, unsigned hst, int *ext)
{
	*ext = -1;
	switch (ht) {
	case 0: *ext = 0; return "Any";
	case 1: *ext = 0; return "Beacon";
	case 2: return "GeoUnicast";
	case 3:
		return hst == 0 ? "GeoAnycastCircle" : hst == 1 ? "GeoAnycastRect" :
		       hst == 2 ? "GeoAnycastElipse" : "Unknown";
	case 4:
		return hst == 0 ? "GeoBroadcastCircle" : hst == 1 ? "GeoBroadcastRect" :
		       hst == 2 ? "GeoBroadcastElipse" : "Unknown";
	case 5:
		if (hst == 0) {
			*ext = 0;
			return "TopoScopeBcast-SH";
		}
		if (hst == 1) {
			*ext = 68 - GN_COMMON_LEN;
			return "TopoScopeBcast-MH";
		}
		return "Unknown";
	case 6:
		return hst == 0 ? "LocService-Request" : hst == 1 ? "LocService-Reply" : "Unknown";
	default:
		return "Unknown";
	}
}

/* "NAME src:MAC; " ("GeoNet " keeps its space when the link has no source) */
static void gn_src(struct nd *nd, const char *name, const char *src_label, const uint8_t *src)
{
	ND_STR(nd, name);
	if (src) {
		ND_STR(nd, src_label);
		nd_etheraddr(nd, src);
	}
	ND_STR(nd, "; ");
}

void geonet_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *src)
{
	nd->protocol = "geonet";
	gn_src(nd, "GeoNet ", "src:", src);
	if (len < GN_COMMON_LEN) {
		out_fmt(nd->out, " (common header length %u < 36)", len);
		nd_print_invalid(nd);
		return;
	}
	uint8_t b0 = GET_U8(nd, p), b1 = GET_U8(nd, p + 1);
	unsigned nh = b0 & 0x0f, ht = b1 >> 4, hst = b1 & 0x0f;
	uint16_t payload = GET_BE16(nd, p + 4);
	uint8_t hoplim = GET_U8(nd, p + 7);
	int ext;
	const char *tname = gn_type_name(ht, hst, &ext);
	out_fmt(nd->out, "v:%u NH:%u-%s HT:%u-%u-%s HopLim:%u Payload:%u ", b0 >> 4, nh,
		nh < 4 ? gn_next_names[nh] : "Unknown", ht, hst, tname, hoplim, payload);
	nd_need(nd, p + 8, 8);
	ND_STR(nd, "GN_ADDR:");
	for (int i = 0; i < 8; i++)
		out_fmt(nd->out, i ? ":%02x" : "%02x", GET_U8(nd, p + 8 + i));
	ND_CHR(nd, ' ');
	out_fmt(nd->out, "lat:%u ", GET_BE32(nd, p + 20));
	out_fmt(nd->out, "lon:%u", GET_BE32(nd, p + 24));
	nd_need(nd, p, GN_COMMON_LEN);
	p += GN_COMMON_LEN;
	len -= GN_COMMON_LEN;

	if (ext >= 0) {
		if (len < (uint32_t)ext) {
			out_fmt(nd->out, " (header size %d > %u)", ext, len);
			nd_print_invalid(nd);
			return;
		}
		nd_need(nd, p, (size_t)ext);
		p += ext;
		len -= (uint32_t)ext;
		if (nh == 1 || nh == 2) {
			if (len < 4) {
				out_fmt(nd->out, " (BTP length %u < 4)", len);
				nd_print_invalid(nd);
				return;
			}
			out_fmt(nd->out, "; BTP Dst:%u", GET_BE16(nd, p));
			out_fmt(nd->out, " Src:%u", GET_BE16(nd, p + 2));
			p += 4;
			len -= 4;
			if (len >= 2) {
				out_fmt(nd->out, "; ItsPduHeader v:%u", GET_U8(nd, p));
				uint8_t t = GET_U8(nd, p + 1);
				out_fmt(nd->out, " t:%u-", t);
				nd_tok(nd, its_msg_names, "unknown (%u)", t);
			}
		}
	}
	if (nd->o->vflag)
		nd_default_print(nd, p, len);
}

void calm_fast_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *src)
{
	nd->protocol = "calm_fast";
	gn_src(nd, "CALM FAST", " src:", src);
	if (len < 2) {
		out_fmt(nd->out, " (length %u < 2)", len);
		nd_print_invalid(nd);
		nd_need(nd, p, len);
		return;
	}
	out_fmt(nd->out, "SrcNwref:%u; ", GET_U8(nd, p));
	out_fmt(nd->out, "DstNwref:%u; ", GET_U8(nd, p + 1));
	if (nd->o->vflag)
		nd_default_print(nd, p + 2, len - 2);
}
