/*
 * radius.c - RADIUS (RFC 2865/2866 and the attribute RFCs), UDP ports 1645,
 * 1646, 1812, 1813, 1700 and 3799, as tcpdump 4.99 prints it.
 *
 *   code(1) id(1) length(2) authenticator(16) attributes: type(1) length(1) value
 *
 * Without -v one line; with -v one line per attribute, its value decoded by
 * the attribute's kind (see radius_attrs[] below); -vv adds a hex dump.
 */
#include <string.h>
#include <time.h>

#include "nd.h"

#define MIN_RADIUS_LEN 20
#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct tok radius_codes[] = {
	{1, "Access-Request"}, {2, "Access-Accept"}, {3, "Access-Reject"},
	{4, "Accounting-Request"}, {5, "Accounting-Response"}, {11, "Access-Challenge"},
	{12, "Status-Server"}, {13, "Status-Client"}, {40, "Disconnect-Request"},
	{41, "Disconnect-ACK"}, {42, "Disconnect-NAK"}, {43, "CoA-Request"}, {44, "CoA-ACK"},
	{45, "CoA-NAK"}, {255, "Reserved"}, {0, NULL},
};

/* Standard values of enumerated attributes. */
static const char *const serv_type[] = {
	NULL, "Login", "Framed", "Callback Login", "Callback Framed", "Outbound",
	"Administrative", "NAS Prompt", "Authenticate Only", "Callback NAS Prompt", "Call Check",
	"Callback Administrative", "Voice", "Fax", "Modem Relay", "IAPP-Register", "IAPP-AP-Check",
	"Authorize Only", "Framed-Management", "Additional-Authorization",
};
static const char *const frm_proto[] = {
	NULL, "PPP", "SLIP", "ARAP", "Gandalf proprietary", "Xylogics IPX/SLIP",
	"X.75 Synchronous", "GPRS PDP Context",
};
static const char *const frm_routing[] = {"None", "Send", "Listen", "Send&Listen"};
static const char *const frm_comp[] = {"None", "VJ TCP/IP", "IPX", "Stac-LZS"};
static const char *const login_serv[] = {
	"Telnet", "Rlogin", "TCP Clear", "PortMaster(proprietary)", "LAT", "X.25-PAD",
	"X.25-T3POS", "Unassigned", "TCP Clear Quiet",
};
static const char *const term_action[] = {"Default", "RADIUS-Request"};
static const char *const ingress_filters[] = {NULL, "Enabled", "Disabled"};
static const char *const nas_port_type[] = {
	"Async", "Sync", "ISDN Sync", "ISDN Async V.120", "ISDN Async V.110", "Virtual", "PIAFS",
	"HDLC Clear Channel", "X.25", "X.75", "G.3 Fax", "SDSL", "ADSL-CAP", "ADSL-DMT",
	"ISDN-DSL", "Ethernet", "xDSL", "Cable", "Wireless - Other", "Wireless - IEEE 802.11",
	"Token-Ring", "FDDI", "Wireless - CDMA200", "Wireless - UMTS", "Wireless - 1X-EV", "IAPP",
	"FTTP", "Wireless - IEEE 802.16", "Wireless - IEEE 802.20", "Wireless - IEEE 802.22",
	"PPPoA", "PPPoEoA", "PPPoEoE", "PPPoEoVLAN", "PPPoEoQinQ", "xPON", "Wireless - XGP",
	"WiMAX Pre-Release 8 IWK Function", "WIMAX-WIFI-IWK", "WIMAX-SFF", "WIMAX-HA-LMA",
	"WIMAX-DHCP", "WIMAX-LBS", "WIMAX-WVS",
};
static const char *const acct_status[] = {
	NULL, "Start", "Stop", "Interim-Update", "Unassigned", "Unassigned", "Unassigned",
	"Accounting-On", "Accounting-Off", "Tunnel-Start", "Tunnel-Stop", "Tunnel-Reject",
	"Tunnel-Link-Start", "Tunnel-Link-Stop", "Tunnel-Link-Reject", "Failed",
};
static const char *const acct_auth[] = {NULL, "RADIUS", "Local", "Remote", "Diameter"};
static const char *const acct_term[] = {
	NULL, "User Request", "Lost Carrier", "Lost Service", "Idle Timeout", "Session Timeout",
	"Admin Reset", "Admin Reboot", "Port Error", "NAS Error", "NAS Request", "NAS Reboot",
	"Port Unneeded", "Port Preempted", "Port Suspended", "Service Unavailable", "Callback",
	"User Error", "Host Request", "Supplicant Restart", "Reauthentication Failure",
	"Port Reinitialized", "Port Administratively Disabled", "Lost Power",
};
static const char *const tunnel_type[] = {
	NULL, "PPTP", "L2F", "L2TP", "ATMP", "VTP", "AH", "IP-IP", "MIN-IP-IP", "ESP", "GRE",
	"DVS", "IP-in-IP Tunneling", "VLAN",
};
static const char *const tunnel_medium[] = {
	NULL, "IPv4", "IPv6", "NSAP", "HDLC", "BBN 1822", "802", "E.163", "E.164", "F.69",
	"X.121", "IPX", "Appletalk", "Decnet IV", "Banyan Vines", "E.164 with NSAP subaddress",
};
static const char *const arap_zone[] = {
	NULL, "Only access to dfl zone", "Use zone filter inc.", "Not used", "Use zone filter exc.",
};
static const char *const prompt[] = {"No Echo", "Echo"};

static const struct tok error_causes[] = {
	{201, "Residual Session Context Removed"}, {202, "Invalid EAP Packet (Ignored)"},
	{401, "Unsupported Attribute"}, {402, "Missing Attribute"},
	{403, "NAS Identification Mismatch"}, {404, "Invalid Request"},
	{405, "Unsupported Service"}, {406, "Unsupported Extension"},
	{407, "Invalid Attribute Value"}, {501, "Administratively Prohibited"},
	{502, "Request Not Routable (Proxy)"}, {503, "Session Context Not Found"},
	{504, "Session Context Not Removable"}, {505, "Other Proxy Processing Error"},
	{506, "Resources Unavailable"}, {507, "Request Initiated"},
	{508, "Multiple Session Selection Unsupported"}, {509, "Location Info Required"},
	{0, NULL},
};
static const struct {
	uint64_t v;
	const char *s;
} mip6_features[] = {
	{0x0000000000000001ull, "MIP6_INTEGRATED"},
	{0x0000000000000002ull, "LOCAL_HOME_AGENT_ASSIGNMENT"},
	{0x0000010000000000ull, "PMIP6_SUPPORTED"},
	{0x0000020000000000ull, "IP4_HOA_SUPPORTED"},
	{0x0000040000000000ull, "LOCAL_MAG_ROUTING_SUPPORTED"},
	{0x0000080000000000ull, "ASSIGN_LOCAL_IP"},
	{0x0000100000000000ull, "MIP4_SUPPORTED"},
	{0x0000200000000000ull, "OPTIMIZED_IDLE_MODE_MOBILITY"},
	{0x0000400000000000ull, "GTPv2_SUPPORTED"},
	{0x0000800000000000ull, "IP4_TRANSPORT_SUPPORTED"},
	{0x0001000000000000ull, "IP4_HOA_ONLY_SUPPORTED"},
	{0x0002000000000000ull, "INTER_MAG_ROUTING_SUPPORTED"},
};
static const struct tok operator_names[] = {
	{0x30, "TADIG"}, {0x31, "REALM"}, {0x32, "E212"}, {0x33, "ICC"}, {0, NULL},
};
static const struct tok loc_codes[] = {{0, "Civic"}, {1, "Geospatial"}, {0, NULL}};
static const struct tok loc_entities[] = {{0, "User"}, {1, "RADIUS"}, {0, NULL}};
static const struct tok blpr_flags[] = {
	{0x0001, "MBZ-15"}, {0x0002, "MBZ-14"}, {0x0004, "MBZ-13"}, {0x0008, "MBZ-12"},
	{0x0010, "MBZ-11"}, {0x0020, "MBZ-10"}, {0x0040, "MBZ-9"}, {0x0080, "MBZ-8"},
	{0x0100, "MBZ-7"}, {0x0200, "MBZ-6"}, {0x0400, "MBZ-5"}, {0x0800, "MBZ-4"},
	{0x1000, "MBZ-3"}, {0x2000, "MBZ-2"}, {0x4000, "MBZ-1"}, {0x8000, "Retransmission Allowed"},
	{0, NULL},
};
static const struct tok vlan_tags[] = {{0x31, "Tagged"}, {0x32, "Untagged"}, {0, NULL}};
/* The SMI enterprise numbers tcpdump 4.99 names (its smi.h table). */
static const struct tok smi_names[] = {
	{5, "ACC"},
	{9, "Cisco"},
	{11, "Hewlett Packard"},
	{42, "Sun Microsystems"},
	{61, "Merit"},
	{74, "AT&T"},
	{161, "Motorola"},
	{166, "Shiva"},
	{193, "Ericsson AB"},
	{255, "Cisco VPN 5000"},
	{307, "Livingston"},
	{311, "Microsoft"},
	{429, "3Com"},
	{529, "Ascend"},
	{1584, "Bay Networks"},
	{1991, "Foundry"},
	{2180, "Versanet"},
	{2352, "Redback"},
	{2636, "Juniper Networks"},
	{2637, "Aptis"},
	{2937, "Deutsche Telekom AG"},
	{3054, "Ixia Communications"},
	{3076, "Cisco VPN 3000"},
	{3085, "CoSine Communications"},
	{3199, "Shasta"},
	{3224, "Netscreen"},
	{3309, "Nomadix"},
	{3414, "T-Mobile"},
	{3561, "The Broadband Forum"},
	{3902, "ZTE"},
	{4329, "Siemens"},
	{4491, "CableLabs"},
	{4874, "Unisphere Networks"},
	{5263, "Cisco BBSM"},
	{5535, "3rd Generation Partnership Project 2 (3GPP2)"},
	{5806, "SK Telecom"},
	{5925, "ipUnplugged"},
	{5948, "Issanni Communications"},
	{5951, "Netscaler"},
	{6490, "T-Mobile"},
	{6618, "Quintum"},
	{6728, "Interlink"},
	{7951, "CNCTC"},
	{8164, "Starent Networks"},
	{8744, "Colubris"},
	{10415, "3GPP"},
	{10529, "Gemtek-Systems"},
	{10704, "Barracuda Networks"},
	{10923, "Ericsson AB - Packet Core Networks"},
	{11665, "dacom"},
	{11862, "Columbia University"},
	{12356, "Fortinet"},
	{12951, "Verizon Wireless"},
	{13745, "Plixer"},
	{14122, "Wi-Fi Alliance"},
	{16787, "T-Systems Nova"},
	{20942, "China Telecom - Guangzhou Research Institute"},
	{26866, "Gigamon Systems"},
	{32622, "CACE Technologies"},
	{35632, "ntop"},
	{0, NULL},
};

/* How a value is printed. */
enum { P_NONE, P_STRING, P_NUM, P_ADDR, P_ADDR6, P_NETMASK6, P_VENDOR, P_TIME, P_STRANGE,
       P_VECTOR64, P_MIP6_PREFIX, P_OPERATOR, P_LOCINFO, P_LOCDATA, P_BLPR };

static const struct radius_attr {
	const char *name;
	const char *const *values; /* standard values, or NULL */
	uint8_t nvalues, first;    /* count of values, first value (0 or 1) */
	uint8_t kind;
} radius_attrs[] = {
#define V(t, f) t, (uint8_t)(N(t) - (f)), f
	{NULL, NULL, 0, 0, P_NONE},
	{"User-Name", NULL, 0, 0, P_STRING},
	{"User-Password", NULL, 0, 0, P_NONE},
	{"CHAP-Password", NULL, 0, 0, P_NONE},
	{"NAS-IP-Address", NULL, 0, 0, P_ADDR},
	{"NAS-Port", NULL, 0, 0, P_NUM},
	{"Service-Type", V(serv_type, 1), P_NUM},
	{"Framed-Protocol", V(frm_proto, 1), P_NUM},
	{"Framed-IP-Address", NULL, 0, 0, P_ADDR},
	{"Framed-IP-Netmask", NULL, 0, 0, P_ADDR},
	{"Framed-Routing", V(frm_routing, 0), P_NUM},
	{"Filter-Id", NULL, 0, 0, P_STRING},
	{"Framed-MTU", NULL, 0, 0, P_NUM},
	{"Framed-Compression", V(frm_comp, 0), P_NUM},
	{"Login-IP-Host", NULL, 0, 0, P_ADDR},
	{"Login-Service", V(login_serv, 0), P_NUM},
	{"Login-TCP-Port", NULL, 0, 0, P_NUM},
	{"Unassigned", NULL, 0, 0, P_NONE},
	{"Reply-Message", NULL, 0, 0, P_STRING},
	{"Callback-Number", NULL, 0, 0, P_STRING},
	{"Callback-Id", NULL, 0, 0, P_STRING},
	{"Unassigned", NULL, 0, 0, P_NONE},
	{"Framed-Route", NULL, 0, 0, P_STRING},
	{"Framed-IPX-Network", NULL, 0, 0, P_NUM},
	{"State", NULL, 0, 0, P_STRING},
	{"Class", NULL, 0, 0, P_STRING},
	{"Vendor-Specific", NULL, 0, 0, P_VENDOR},
	{"Session-Timeout", NULL, 0, 0, P_NUM},
	{"Idle-Timeout", NULL, 0, 0, P_NUM},
	{"Termination-Action", V(term_action, 0), P_NUM},
	{"Called-Station-Id", NULL, 0, 0, P_STRING},
	{"Calling-Station-Id", NULL, 0, 0, P_STRING},
	{"NAS-Identifier", NULL, 0, 0, P_STRING},
	{"Proxy-State", NULL, 0, 0, P_STRING},
	{"Login-LAT-Service", NULL, 0, 0, P_STRING},
	{"Login-LAT-Node", NULL, 0, 0, P_STRING},
	{"Login-LAT-Group", NULL, 0, 0, P_STRING},
	{"Framed-AppleTalk-Link", NULL, 0, 0, P_NUM},
	{"Framed-AppleTalk-Network", NULL, 0, 0, P_NUM},
	{"Framed-AppleTalk-Zone", NULL, 0, 0, P_STRING},
	{"Acct-Status-Type", V(acct_status, 1), P_NUM},
	{"Acct-Delay-Time", NULL, 0, 0, P_NUM},
	{"Acct-Input-Octets", NULL, 0, 0, P_NUM},
	{"Acct-Output-Octets", NULL, 0, 0, P_NUM},
	{"Acct-Session-Id", NULL, 0, 0, P_STRING},
	{"Acct-Authentic", V(acct_auth, 1), P_NUM},
	{"Acct-Session-Time", NULL, 0, 0, P_NUM},
	{"Acct-Input-Packets", NULL, 0, 0, P_NUM},
	{"Acct-Output-Packets", NULL, 0, 0, P_NUM},
	{"Acct-Terminate-Cause", V(acct_term, 1), P_NUM},
	{"Acct-Multi-Session-Id", NULL, 0, 0, P_STRING},
	{"Acct-Link-Count", NULL, 0, 0, P_NUM},
	{"Acct-Input-Gigawords", NULL, 0, 0, P_NUM},
	{"Acct-Output-Gigawords", NULL, 0, 0, P_NUM},
	{"Unassigned", NULL, 0, 0, P_NONE},
	{"Event-Timestamp", NULL, 0, 0, P_TIME},
	{"Egress-VLANID", NULL, 0, 0, P_NUM},
	{"Ingress-Filters", V(ingress_filters, 1), P_NUM},
	{"Egress-VLAN-Name", NULL, 0, 0, P_STRING},
	{"User-Priority-Table", NULL, 0, 0, P_NONE},
	{"CHAP-Challenge", NULL, 0, 0, P_STRING},
	{"NAS-Port-Type", V(nas_port_type, 0), P_NUM},
	{"Port-Limit", NULL, 0, 0, P_NUM},
	{"Login-LAT-Port", NULL, 0, 0, P_STRING},
	{"Tunnel-Type", V(tunnel_type, 1), P_NUM},
	{"Tunnel-Medium-Type", V(tunnel_medium, 1), P_NUM},
	{"Tunnel-Client-Endpoint", NULL, 0, 0, P_STRING},
	{"Tunnel-Server-Endpoint", NULL, 0, 0, P_STRING},
	{"Acct-Tunnel-Connection", NULL, 0, 0, P_STRING},
	{"Tunnel-Password", NULL, 0, 0, P_STRING},
	{"ARAP-Password", NULL, 0, 0, P_STRANGE},
	{"ARAP-Features", NULL, 0, 0, P_STRANGE},
	{"ARAP-Zone-Access", V(arap_zone, 1), P_NUM},
	{"ARAP-Security", NULL, 0, 0, P_STRING},
	{"ARAP-Security-Data", NULL, 0, 0, P_STRING},
	{"Password-Retry", NULL, 0, 0, P_NUM},
	{"Prompt", V(prompt, 0), P_NUM},
	{"Connect-Info", NULL, 0, 0, P_STRING},
	{"Configuration-Token", NULL, 0, 0, P_STRING},
	{"EAP-Message", NULL, 0, 0, P_STRING},
	{"Message-Authenticator", NULL, 0, 0, P_STRING},
	{"Tunnel-Private-Group-ID", NULL, 0, 0, P_STRING},
	{"Tunnel-Assignment-ID", NULL, 0, 0, P_STRING},
	{"Tunnel-Preference", NULL, 0, 0, P_NUM},
	{"ARAP-Challenge-Response", NULL, 0, 0, P_STRANGE},
	{"Acct-Interim-Interval", NULL, 0, 0, P_NUM},
	{"Acct-Tunnel-Packets-Lost", NULL, 0, 0, P_NUM},
	{"NAS-Port-Id", NULL, 0, 0, P_STRING},
	{"Framed-Pool", NULL, 0, 0, P_STRING},
	{"CUI", NULL, 0, 0, P_STRING},
	{"Tunnel-Client-Auth-ID", NULL, 0, 0, P_STRING},
	{"Tunnel-Server-Auth-ID", NULL, 0, 0, P_STRING},
	{"NAS-Filter-Rule", NULL, 0, 0, P_STRING},
	{"Unassigned", NULL, 0, 0, P_NONE},
	{"Originating-Line-Info", NULL, 0, 0, P_NONE},
	{"NAS-IPv6-Address", NULL, 0, 0, P_ADDR6},
	{"Framed-Interface-ID", NULL, 0, 0, P_NONE},
	{"Framed-IPv6-Prefix", NULL, 0, 0, P_NETMASK6},
	{"Login-IPv6-Host", NULL, 0, 0, P_ADDR6},
	{"Framed-IPv6-Route", NULL, 0, 0, P_STRING},
	{"Framed-IPv6-Pool", NULL, 0, 0, P_STRING},
	{"Error-Cause", NULL, 0, 0, P_STRANGE},
	{"EAP-Key-Name", NULL, 0, 0, P_NONE},
	{"Digest-Response", NULL, 0, 0, P_STRING},
	{"Digest-Realm", NULL, 0, 0, P_STRING},
	{"Digest-Nonce", NULL, 0, 0, P_STRING},
	{"Digest-Response-Auth", NULL, 0, 0, P_STRING},
	{"Digest-Nextnonce", NULL, 0, 0, P_STRING},
	{"Digest-Method", NULL, 0, 0, P_STRING},
	{"Digest-URI", NULL, 0, 0, P_STRING},
	{"Digest-Qop", NULL, 0, 0, P_STRING},
	{"Digest-Algorithm", NULL, 0, 0, P_STRING},
	{"Digest-Entity-Body-Hash", NULL, 0, 0, P_STRING},
	{"Digest-CNonce", NULL, 0, 0, P_STRING},
	{"Digest-Nonce-Count", NULL, 0, 0, P_STRING},
	{"Digest-Username", NULL, 0, 0, P_STRING},
	{"Digest-Opaque", NULL, 0, 0, P_STRING},
	{"Digest-Auth-Param", NULL, 0, 0, P_STRING},
	{"Digest-AKA-Auts", NULL, 0, 0, P_STRING},
	{"Digest-Domain", NULL, 0, 0, P_STRING},
	{"Digest-Stale", NULL, 0, 0, P_STRING},
	{"Digest-HA1", NULL, 0, 0, P_STRING},
	{"SIP-AOR", NULL, 0, 0, P_STRING},
	{"Delegated-IPv6-Prefix", NULL, 0, 0, P_NETMASK6},
	{"MIP6-Feature-Vector", NULL, 0, 0, P_VECTOR64},
	{"MIP6-Home-Link-Prefix", NULL, 0, 0, P_MIP6_PREFIX},
	{"Operator-Name", NULL, 0, 0, P_OPERATOR},
	{"Location-Information", NULL, 0, 0, P_LOCINFO},
	{"Location-Data", NULL, 0, 0, P_LOCDATA},
	{"Basic-Location-Policy-Rules", NULL, 0, 0, P_BLPR},
#undef V
};

enum {
	A_FRM_IPADDR = 8, A_LOG_IPHOST = 14, A_FRM_IPX = 23, A_SESSION_TIMEOUT = 27,
	A_IDLE_TIMEOUT = 28, A_FRM_ATALK_LINK = 37, A_FRM_ATALK_NETWORK = 38, A_ACCT_DELAY = 41,
	A_ACCT_SESSION_TIME = 46, A_EGRESS_VLAN_ID = 56, A_EGRESS_VLAN_NAME = 58,
	A_TUNNEL_TYPE = 64, A_TUNNEL_MEDIUM = 65, A_TUNNEL_CLIENT_END = 66,
	A_TUNNEL_SERVER_END = 67, A_TUNNEL_PASS = 69, A_ARAP_PASS = 70, A_ARAP_FEATURES = 71,
	A_TUNNEL_PRIV_GROUP = 81, A_TUNNEL_ASSIGN_ID = 82, A_TUNNEL_PREFERENCE = 83,
	A_ARAP_CHALLENGE_RESP = 84, A_ACCT_INT_INTERVAL = 85, A_TUNNEL_CLIENT_AUTH = 90,
	A_TUNNEL_SERVER_AUTH = 91, A_ERROR_CAUSE = 101,
};

static void radius_tag(struct nd *nd, uint8_t t)
{
	if (t)
		out_fmt(nd->out, "Tag[%u] ", t);
	else
		ND_STR(nd, "Tag[Unused] ");
}

/* Printable ASCII or '.', up to a NUL. */
static void radius_chars(struct nd *nd, const uint8_t *p, unsigned n, int stop_at_nul)
{
	for (unsigned i = 0; i < n; i++) {
		uint8_t c = GET_U8(nd, p + i);
		if (stop_at_nul && c == 0)
			break;
		ND_CHR(nd, (c >= 0x20 && c < 0x7f) ? (char)c : '.');
	}
}

static void radius_string(struct nd *nd, const uint8_t *p, unsigned len, unsigned code)
{
	if (!nd_ok(nd, p, len)) {
		nd_print_trunc(nd);
		return;
	}
	switch (code) {
	case A_TUNNEL_PASS:
		if (len < 3) {
			nd_print_trunc(nd);
			return;
		}
		if (GET_U8(nd, p) && GET_U8(nd, p) <= 0x1f)
			out_fmt(nd->out, "Tag[%u] ", GET_U8(nd, p));
		else
			ND_STR(nd, "Tag[Unused] ");
		out_fmt(nd->out, "Salt %u ", GET_BE16(nd, p + 1));
		p += 3;
		len -= 3;
		break;
	case A_TUNNEL_CLIENT_END:
	case A_TUNNEL_SERVER_END:
	case A_TUNNEL_PRIV_GROUP:
	case A_TUNNEL_ASSIGN_ID:
	case A_TUNNEL_CLIENT_AUTH:
	case A_TUNNEL_SERVER_AUTH:
		if (GET_U8(nd, p) <= 0x1f) {
			radius_tag(nd, GET_U8(nd, p));
			p++;
			len--;
		}
		break;
	case A_EGRESS_VLAN_NAME: {
		uint8_t t = GET_U8(nd, p);
		const char *s = tok_find(vlan_tags, t);
		out_fmt(nd->out, "%s (0x%02x) ", s ? s : "Unknown tag", t);
		p++;
		len--;
		break;
	}
	default:
		break;
	}
	radius_chars(nd, p, len, 1);
}

static void radius_num(struct nd *nd, const uint8_t *p, unsigned len, unsigned code)
{
	if (len != 4) {
		out_fmt(nd->out, "ERROR: length %u != 4", len);
		return;
	}
	if (!nd_ok(nd, p, 4)) {
		nd_print_trunc(nd);
		return;
	}
	const struct radius_attr *a = &radius_attrs[code];
	if (a->nvalues) {
		uint32_t v;
		if (code == A_TUNNEL_TYPE || code == A_TUNNEL_MEDIUM) {
			radius_tag(nd, GET_U8(nd, p));
			v = GET_BE24(nd, p + 1);
		} else {
			v = GET_BE32(nd, p);
		}
		if (v >= a->first && v <= (uint32_t)(a->nvalues - 1 + a->first))
			ND_STR(nd, a->values[v]);
		else
			out_fmt(nd->out, "#%u", v);
		return;
	}
	uint32_t v = GET_BE32(nd, p);
	switch (code) {
	case A_FRM_IPX:
		if (v == 0xfffffffe)
			ND_STR(nd, "NAS Select");
		else
			ND_U(nd, v);
		break;
	case A_SESSION_TIMEOUT:
	case A_IDLE_TIMEOUT:
	case A_ACCT_DELAY:
	case A_ACCT_SESSION_TIME:
	case A_ACCT_INT_INTERVAL:
		if (v < 60)
			out_fmt(nd->out, "%02d secs", (int)v);
		else if (v < 3600)
			out_fmt(nd->out, "%02d:%02d min", (int)(v / 60), (int)(v % 60));
		else
			out_fmt(nd->out, "%02d:%02d:%02d hours", (int)(v / 3600), (int)((v % 3600) / 60),
				(int)(v % 60));
		break;
	case A_FRM_ATALK_LINK:
		if (v)
			ND_U(nd, v);
		else
			ND_STR(nd, "Unnumbered");
		break;
	case A_FRM_ATALK_NETWORK:
		if (v)
			ND_U(nd, v);
		else
			ND_STR(nd, "NAS assigned");
		break;
	case A_TUNNEL_PREFERENCE:
		radius_tag(nd, GET_U8(nd, p));
		ND_U(nd, GET_BE24(nd, p + 1));
		break;
	case A_EGRESS_VLAN_ID: {
		uint8_t t = GET_U8(nd, p);
		const char *s = tok_find(vlan_tags, t);
		out_fmt(nd->out, "%s (0x%02x) %u", s ? s : "Unknown tag", t, GET_BE24(nd, p + 1));
		break;
	}
	default:
		ND_U(nd, v);
		break;
	}
}

static void radius_hex(struct nd *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		out_fmt(nd->out, "%02X", GET_U8(nd, p + i));
}

static void radius_ntp_time(struct nd *nd, const uint8_t *p)
{
	uint32_t i = GET_BE32(nd, p), f = GET_BE32(nd, p + 4);
	out_fmt(nd->out, "%u.%09u", i, (uint32_t)((double)f / 4294967296.0 * 1000000000.0));
	if (i) {
		time_t secs = (time_t)((int64_t)i - 2208988800u);
		struct tm tm;
		char buf[64];
		if (gmtime_r(&secs, &tm) && strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm))
			out_fmt(nd->out, " (%s)", buf);
	}
}

/* tcpdump's RFC 5580 attribute printers check their fixed part first and end a cut one with their
 * own " [|radius]"; the attribute loop then ends with another (at -v; at -vv one). */
static void radius_need(struct nd *nd, const uint8_t *p, unsigned n)
{
	if (!nd_ok(nd, p, n)) {
		if (nd->o->vflag < 2) /* at -vv only the attribute dump's marker (observed) */
			nd_print_trunc(nd);
		nd_trunc(nd);
	}
}

static void radius_value(struct nd *nd, const uint8_t *p, unsigned len, unsigned code)
{
	switch (radius_attrs[code].kind) {
	case P_STRING:
		radius_string(nd, p, len, code);
		break;
	case P_NUM:
		radius_num(nd, p, len, code);
		break;
	case P_ADDR:
		if (len != 4) {
			out_fmt(nd->out, "ERROR: length %u != 4", len);
			break;
		}
		if ((code == A_FRM_IPADDR || code == A_LOG_IPHOST) && GET_BE32(nd, p) == 0xffffffff)
			ND_STR(nd, "User Selected");
		else if ((code == A_FRM_IPADDR || code == A_LOG_IPHOST) && GET_BE32(nd, p) == 0xfffffffe)
			ND_STR(nd, "NAS Select");
		else
			nd_ipaddr(nd, p);
		break;
	case P_ADDR6:
		if (len != 16)
			out_fmt(nd->out, "ERROR: length %u != 16", len);
		else
			nd_ip6addr(nd, p);
		break;
	case P_NETMASK6: {
		if (!nd_ok(nd, p, len) || len < 2 || len > 18) {
			nd_print_trunc(nd);
			break;
		}
		unsigned plen = GET_U8(nd, p + 1);
		if (plen > 128) {
			out_fmt(nd->out, "ERROR: netmask %u not in range (0..128)", plen);
			break;
		}
		uint8_t a[16] = {0};
		GET_CPY(nd, a, p + 2, len - 2);
		char buf[64];
		fmt_ip6(buf, sizeof buf, a);
		out_fmt(nd->out, "%s/%u", buf, plen);
		if (plen > 8 * (len - 2))
			ND_STR(nd, " (inconsistent prefix length)");
		break;
	}
	case P_VENDOR: {
		if (len < 4) {
			nd_print_trunc(nd);
			break;
		}
		uint32_t vid = GET_BE32(nd, p);
		const char *s = tok_find(smi_names, vid);
		out_fmt(nd->out, "Vendor: %s (%u)", s ? s : "Unknown", vid);
		p += 4;
		len -= 4;
		while (len >= 2) {
			unsigned vt = GET_U8(nd, p), vl = GET_U8(nd, p + 1);
			if (vl < 2) {
				out_fmt(nd->out, "\n\t    Vendor Attribute: %u, Length: %u (bogus, must be >= 2)",
					vt, vl);
				return;
			}
			if (vl > len) {
				out_fmt(nd->out,
					"\n\t    Vendor Attribute: %u, Length: %u (bogus, goes past end of vendor-specific attribute)",
					vt, vl);
				return;
			}
			p += 2;
			vl -= 2;
			len -= 2;
			if (!nd_ok(nd, p, vl)) {
				nd_print_trunc(nd);
				return;
			}
			out_fmt(nd->out, "\n\t    Vendor Attribute: %u, Length: %u, Value: ", vt, vl);
			radius_chars(nd, p, vl, 0);
			p += vl;
			len -= vl;
		}
		break;
	}
	case P_TIME: {
		if (len != 4) {
			out_fmt(nd->out, "ERROR: length %u != 4", len);
			break;
		}
		time_t t = (time_t)GET_BE32(nd, p);
		struct tm tm;
		char buf[64];
		if (localtime_r(&t, &tm) && strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &tm))
			ND_STR(nd, buf);
		break;
	}
	case P_STRANGE:
		switch (code) {
		case A_ARAP_PASS:
			if (len != 16) {
				out_fmt(nd->out, "ERROR: length %u != 16", len);
				break;
			}
			ND_STR(nd, "User_challenge (");
			radius_hex(nd, p, 8);
			ND_STR(nd, ") User_resp(");
			radius_hex(nd, p + 8, 8);
			ND_CHR(nd, ')');
			break;
		case A_ARAP_FEATURES:
			if (len != 14) {
				out_fmt(nd->out, "ERROR: length %u != 14", len);
				break;
			}
			ND_STR(nd, GET_U8(nd, p) ? "User can change password"
						 : "User cannot change password");
			out_fmt(nd->out, ", Min password length: %u, created at: ", GET_U8(nd, p + 1));
			radius_hex(nd, p + 2, 4);
			ND_STR(nd, ", expires in: ");
			radius_hex(nd, p + 6, 4);
			ND_STR(nd, ", Current Time: ");
			radius_hex(nd, p + 10, 4);
			break;
		case A_ARAP_CHALLENGE_RESP:
			if (len != 8)
				out_fmt(nd->out, "ERROR: length %u != 8", len);
			else
				radius_hex(nd, p, 8);
			break;
		case A_ERROR_CAUSE: {
			if (len != 4) {
				out_fmt(nd->out, "Error: length %u != 4", len);
				break;
			}
			uint32_t v = GET_BE32(nd, p);
			out_fmt(nd->out, "Error cause %u: ", v);
			nd_tok(nd, error_causes, "Error-Cause %u not known", v);
			break;
		}
		default:
			break;
		}
		break;
	case P_VECTOR64: {
		if (len != 8) {
			out_fmt(nd->out, "ERROR: length %u != 8", len);
			break;
		}
		ND_CHR(nd, '['); /* before the read, as tcpdump */
		uint64_t v = GET_BE64(nd, p);
		const char *sep = "";
		for (size_t i = 0; i < N(mip6_features); i++) {
			if (v & mip6_features[i].v) {
				ND_STR(nd, sep);
				ND_STR(nd, mip6_features[i].s);
				sep = ", ";
			}
		}
		ND_CHR(nd, ']');
		break;
	}
	case P_MIP6_PREFIX:
		if (len != 17) {
			out_fmt(nd->out, "ERROR: length %u != 17", len);
			break;
		}
		if (GET_U8(nd, p) > 128) {
			out_fmt(nd->out, "ERROR: netmask %u not in range (0..128)", GET_U8(nd, p));
			break;
		}
		nd_ip6addr(nd, p + 1);
		out_fmt(nd->out, "/%u", GET_U8(nd, p));
		break;
	case P_OPERATOR:
		if (len < 2) {
			out_fmt(nd->out, "ERROR: length %u < 2", len);
			break;
		}
		radius_need(nd, p, len);
		ND_CHR(nd, '[');
		nd_tok(nd, operator_names, "unknown namespace %u", GET_U8(nd, p));
		ND_STR(nd, "] ");
		nd_printjn(nd, p + 1, len - 1);
		break;
	case P_LOCINFO:
		if (len < 21) {
			out_fmt(nd->out, "ERROR: length %u < 21", len);
			break;
		}
		radius_need(nd, p, len);
		out_fmt(nd->out, "index %u, code ", GET_BE16(nd, p));
		nd_tok(nd, loc_codes, "Unknown (%u)", GET_U8(nd, p + 2));
		ND_STR(nd, ", entity ");
		nd_tok(nd, loc_entities, "Unknown (%u)", GET_U8(nd, p + 3));
		ND_STR(nd, ", sighting time ");
		radius_ntp_time(nd, p + 4);
		ND_STR(nd, ", time to live ");
		radius_ntp_time(nd, p + 12);
		ND_STR(nd, ", method \"");
		nd_printjn(nd, p + 20, len - 20);
		ND_CHR(nd, '"');
		break;
	case P_LOCDATA:
		if (len < 3) {
			out_fmt(nd->out, "ERROR: length %u < 3", len);
			break;
		}
		radius_need(nd, p, len);
		out_fmt(nd->out, "index %u, location", GET_BE16(nd, p));
		nd_need(nd, p + 2, len - 2);
		nd_hex_ascii(nd, "\n\t    ", p + 2, len - 2, 1);
		break;
	case P_BLPR:
		if (len < 10) {
			out_fmt(nd->out, "ERROR: length %u < 10", len);
			break;
		}
		nd_need(nd, p, len); /* the whole value checked first: a cut is one marker */
		uint16_t fl = GET_BE16(nd, p);
		ND_STR(nd, "flags [");
		nd_bits(nd, blpr_flags, fl, ", ");
		ND_STR(nd, "], retention expires ");
		radius_ntp_time(nd, p + 2);
		if (len > 10) {
			ND_STR(nd, ", note well \"");
			nd_printjn(nd, p + 10, len - 10);
			ND_CHR(nd, '"');
		}
		break;
	default:
		break;
	}
}

static void radius_attrs_print(struct nd *nd, const uint8_t *p, unsigned length)
{
	while (length > 0) {
		if (length < 2 || !nd_ok(nd, p, 2)) {
			nd_print_trunc(nd);
			return;
		}
		unsigned type = GET_U8(nd, p), len = GET_U8(nd, p + 1);
		const char *name = (type > 0 && type < N(radius_attrs)) ? radius_attrs[type].name
									  : "Unknown";
		if (len < 2) {
			out_fmt(nd->out, "\n\t  %s Attribute (%u), length: %u (bogus, must be >= 2)", name,
				type, len);
			return;
		}
		if (len > length) {
			out_fmt(nd->out,
				"\n\t  %s Attribute (%u), length: %u (bogus, goes past end of packet)", name,
				type, len);
			return;
		}
		out_fmt(nd->out, "\n\t  %s Attribute (%u), length: %u, Value: ", name, type, len);
		if (type < N(radius_attrs) && len > 2)
			radius_value(nd, p + 2, len - 2, type);
		if (nd->o->vflag > 1)
			nd_print_unknown_data(nd, p + 2, "\n\t    ", len - 2);
		length -= len;
		p += len;
	}
}

void radius_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	nd->protocol = "radius";
	if (!nd_ok(nd, p, MIN_RADIUS_LEN)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned len = GET_BE16(nd, p + 2);
	if (len < MIN_RADIUS_LEN) {
		nd_print_trunc(nd);
		return;
	}
	if (len > length)
		len = length;
	uint8_t code = GET_U8(nd, p);
	const char *cn = tok_find(radius_codes, code);
	if (!cn)
		cn = "Unknown Command";
	if (nd->o->vflag < 1) {
		out_fmt(nd->out, "RADIUS, %s (%u), id: 0x%02x length: %u", cn, code, GET_U8(nd, p + 1), len);
		return;
	}
	out_fmt(nd->out, "RADIUS, length: %u\n\t%s (%u), id: 0x%02x, Authenticator: ", len, cn, code,
		GET_U8(nd, p + 1));
	for (int i = 0; i < 16; i++)
		out_hex(nd->out, GET_U8(nd, p + 4 + i), 2);
	if (len > MIN_RADIUS_LEN)
		radius_attrs_print(nd, p + MIN_RADIUS_LEN, len - MIN_RADIUS_LEN);
}
