/*
 * wlan.c - IEEE 802.11 frames (DLT_IEEE802_11), with the radiotap
 * (DLT_IEEE802_11_RADIO), Prism / AVS (DLT_PRISM_HEADER,
 * DLT_IEEE802_11_RADIO_AVS) capture headers, printed as tcpdump 4.99 does.
 *
 *   radiotap: version(1) pad(1) length(2, LE) present(4, LE)[+ more words
 *   while bit 31 is set], then the fields whose present bits are set, each
 *   aligned to its natural size counted from the start of the header.
 *
 *   802.11 MAC header: frame control(2, LE) duration(2) addr1 addr2 addr3
 *   seq-ctl(2) [addr4 when to-DS and from-DS] [QoS control(2)], then the body.
 *   Management bodies decoded: authentication, deauthentication,
 *   disassociation, ATIM; control frames by subtype; data frames go to LLC.
 *
 * Every byte is read through the nd.h accessors; a short header prints
 * " [|802.11_radio]" or " [|802.11]".
 */
#include "nd.h"

#include <string.h>

/* Frame control */
#define FC_TYPE(fc) (((fc) >> 2) & 0x3)
#define FC_SUBTYPE(fc) (((fc) >> 4) & 0xf)
#define FC_TO_DS(fc) ((fc) & 0x0100)
#define FC_FROM_DS(fc) ((fc) & 0x0200)
#define FC_MORE_FLAG(fc) ((fc) & 0x0400)
#define FC_RETRY(fc) ((fc) & 0x0800)
#define FC_POWER_MGMT(fc) ((fc) & 0x1000)
#define FC_MORE_DATA(fc) ((fc) & 0x2000)
#define FC_PROTECTED(fc) ((fc) & 0x4000)
#define FC_ORDER(fc) ((fc) & 0x8000)

#define T_MGMT 0
#define T_CTRL 1
#define T_DATA 2

#define DATA_IS_CF_ACK(st) ((st) & 0x01)
#define DATA_IS_CF_POLL(st) ((st) & 0x02)
#define DATA_IS_NULL(st) ((st) & 0x04)
#define DATA_IS_QOS(st) ((st) & 0x08)

/* Control subtypes */
#define CTRL_CONTROL_WRAPPER 0x7
#define CTRL_BAR 0x8
#define CTRL_BA 0x9
#define CTRL_PS_POLL 0xa
#define CTRL_RTS 0xb
#define CTRL_CTS 0xc
#define CTRL_ACK 0xd
#define CTRL_CF_END 0xe
#define CTRL_END_ACK 0xf

/* The reason and status code texts tcpdump 4.99.3 prints (IEEE 802.11-2016,
 * tables 9-45 and 9-46, in tcpdump's wording); codes past the end print
 * "Reserved" and "n/a". */
static const char *const wlan_reason_text[] = {
	"Reserved", /* 0 */
	"Unspecified reason", /* 1 */
	"Previous authentication no longer valid", /* 2 */
	"Deauthenticated because sending STA is leaving (or has left) IBSS or ESS", /* 3 */
	"Disassociated due to inactivity", /* 4 */
	"Disassociated because AP is unable to handle all currently  associated STAs", /* 5 */
	"Class 2 frame received from nonauthenticated STA", /* 6 */
	"Class 3 frame received from nonassociated STA", /* 7 */
	"Disassociated because sending STA is leaving (or has left) BSS", /* 8 */
	"STA requesting (re)association is not authenticated with responding STA", /* 9 */
	"Disassociated because the information in the Power Capability element is unacceptable", /* 10 */
	"Disassociated because the information in the Supported Channels element is unacceptable", /* 11 */
	"Disassociated due to BSS transition management", /* 12 */
	"Invalid element, i.e., an element defined in this standard for which the content does not meet the specifications in Clause 9", /* 13 */
	"Message integrity code (MIC) failure", /* 14 */
	"4-Way Handshake timeout", /* 15 */
	"Group key handshake timeout", /* 16 */
	"Information element in 4-Way Handshake different from (Re)AssociationRequest/Probe Response/Beacon frame", /* 17 */
	"Invalid group cipher", /* 18 */
	"Invalid pairwise cipher", /* 19 */
	"Invalid AKMP", /* 20 */
	"Unsupported RSNE version", /* 21 */
	"Invalid RSNE capabilities", /* 22 */
	"IEEE 802.1X authentication failed", /* 23 */
	"Cipher suite rejected because of the security policy", /* 24 */
	"TDLS direct-link teardown due to TDLS peer STA unreachable via the TDLS direct link", /* 25 */
	"TDLS direct-link teardown for unspecified reason", /* 26 */
	"Disassociated because session terminated by SSP request", /* 27 */
	"Disassociated because of lack of SSP roaming agreement", /* 28 */
	"Requested service rejected because of SSP cipher suite or AKM requirement", /* 29 */
	"Requested service not authorized in this location", /* 30 */
	"TS deleted because QoS AP lacks sufficient bandwidth for this QoS STA due to a change in BSS service characteristics or operational mode (e.g. an HT BSS change from 40 MHz channel to 20 MHz channel)", /* 31 */
	"Disassociated for unspecified, QoS-related reason", /* 32 */
	"Disassociated because QoS AP lacks sufficient bandwidth for this QoS STA", /* 33 */
	"Disassociated because of excessive number of frames that need to be acknowledged, but are not acknowledged due to AP transmissions and/or poor channel conditions", /* 34 */
	"Disassociated because STA is transmitting outside the limits of its TXOPs", /* 35 */
	"Requested from peer STA as the STA is leaving the BSS (or resetting)", /* 36 */
	"Requested from peer STA as it does not want to use the mechanism", /* 37 */
	"Requested from peer STA as the STA received frames using the mechanism for which a set up is required", /* 38 */
	"Requested from peer STA due to time out", /* 39 */
	"Reserved", /* 40 */
	"Reserved", /* 41 */
	"Reserved", /* 42 */
	"Reserved", /* 43 */
	"Reserved", /* 44 */
	"Peer STA does not support the requested cipher suite", /* 45 */
	"In a DLS Teardown frame: The teardown was initiated by the DLS peer. In a Disassociation frame: Disassociated because authorized access limit reached", /* 46 */
	"In a DLS Teardown frame: The teardown was initiated by the AP. In a Disassociation frame: Disassociated due to external service requirements", /* 47 */
	"Invalid FT Action frame count", /* 48 */
	"Invalid pairwise master key identifier (PMKID)", /* 49 */
	"Invalid MDE", /* 50 */
	"Invalid FTE", /* 51 */
	"Mesh peering canceled for unknown reasons", /* 52 */
	"The mesh STA has reached the supported maximum number of peer mesh STAs", /* 53 */
	"The received information violates the Mesh Configuration policy configured in the mesh STA profile", /* 54 */
	"The mesh STA has received a Mesh Peering Close frame requesting to close the mesh peering", /* 55 */
	"The mesh STA has resent dot11MeshMaxRetries Mesh Peering Open frames, without receiving a Mesh Peering Confirm frame", /* 56 */
	"The confirmTimer for the mesh peering instance times out", /* 57 */
	"The mesh STA fails to unwrap the GTK or the values in the wrapped contents do not match", /* 58 */
	"The mesh STA receives inconsistent information about the mesh parameters between mesh peering Management frames", /* 59 */
	"The mesh STA fails the authenticated mesh peering exchange because due to failure in selecting either the pairwise ciphersuite or group ciphersuite", /* 60 */
	"The mesh STA does not have proxy information for this external destination", /* 61 */
	"The mesh STA does not have forwarding information for this destination", /* 62 */
	"The mesh STA determines that the link to the next hop of an active path in its forwarding information is no longer usable", /* 63 */
	"The Deauthentication frame was sent because the MAC address of the STA already exists in the mesh BSS", /* 64 */
	"The mesh STA performs channel switch to meet regulatory requirements", /* 65 */
	"The mesh STA performs channel switching with unspecified reason", /* 66 */
};
static const char *const wlan_status_text[] = {
	"Successful", /* 0 */
	"Unspecified failure", /* 1 */
	"TDLS wakeup schedule rejected but alternative schedule provided", /* 2 */
	"TDLS wakeup schedule rejected", /* 3 */
	"Reserved", /* 4 */
	"Security disabled", /* 5 */
	"Unacceptable lifetime", /* 6 */
	"Not in same BSS", /* 7 */
	"Reserved", /* 8 */
	"Reserved", /* 9 */
	"Cannot Support all requested capabilities in the Capability Information field", /* 10 */
	"Reassociation denied due to inability to confirm that association exists", /* 11 */
	"Association denied due to reason outside the scope of this standard", /* 12 */
	"Responding STA does not support the specified authentication algorithm", /* 13 */
	"Received an Authentication frame with authentication transaction sequence number out of expected sequence", /* 14 */
	"Authentication rejected because of challenge failure", /* 15 */
	"Authentication rejected due to timeout waiting for next frame in sequence", /* 16 */
	"Association denied because AP is unable to handle additional associated STAs", /* 17 */
	"Association denied due to requesting STA not supporting all of the data rates in the BSSBasicRateSet parameter, the Basic HT-MCS Set field of the HT Operation parameter, or the Basic VHT-MCS and NSS Set field in the VHT Operation parameter", /* 18 */
	"Association denied due to requesting STA not supporting the short preamble option", /* 19 */
	"Reserved", /* 20 */
	"Reserved", /* 21 */
	"Association request rejected because Spectrum Management capability is required", /* 22 */
	"Association request rejected because the information in the Power Capability element is unacceptable", /* 23 */
	"Association request rejected because the information in the Supported Channels element is unacceptable", /* 24 */
	"Association denied due to requesting STA not supporting the Short Slot Time option", /* 25 */
	"Reserved", /* 26 */
	"Association denied because the requested STA does not support HT features", /* 27 */
	"R0KH unreachable", /* 28 */
	"Association denied because the requesting STA does not support the phased coexistence operation (PCO) transition time required by the AP", /* 29 */
	"Association request rejected temporarily; try again later", /* 30 */
	"Robust management frame policy violation", /* 31 */
	"Unspecified, QoS-related failure", /* 32 */
	"Association denied because QoS AP or PCP has insufficient bandwidth to handle another QoS STA", /* 33 */
	"Association denied due to excessive frame loss rates and/or poor conditions on current operating channel", /* 34 */
	"Association (with QoS BSS) denied because the requesting STA does not support the QoS facility", /* 35 */
	"Reserved", /* 36 */
	"The request has been declined", /* 37 */
	"The request has not been successful as one or more parameters have invalid values", /* 38 */
	"The allocation or TS has not been created because the request cannot be honored; however, a suggested TSPEC/DMG TSPEC is provided so that the initiating STA can attempt to set another allocation or TS with the suggested changes to the TSPEC/DMG TSPEC", /* 39 */
	"Invalid element, i.e., an element defined in this standard for which the content does not meet the specifications in Clause 9", /* 40 */
	"Invalid group cipher", /* 41 */
	"Invalid pairwise cipher", /* 42 */
	"Invalid AKMP", /* 43 */
	"Unsupported RSNE version", /* 44 */
	"Invalid RSNE capabilities", /* 45 */
	"Cipher suite rejected because of security policy", /* 46 */
	"The TS or allocation has not been created; however, the HC or PCP might be capable of creating a TS or allocation, in response to a request, after the time indicated in the TS Delay element", /* 47 */
	"Direct Link is not allowed in the BSS by policy", /* 48 */
	"The Destination STA is not present within this BSS", /* 49 */
	"The Destination STA is not a QoS STA", /* 50 */
	"Association denied because the listen interval is too large", /* 51 */
	"Invalid FT Action frame count", /* 52 */
	"Invalid pairwise master key identifier (PMKID)", /* 53 */
	"Invalid MDE", /* 54 */
	"Invalid FTE", /* 55 */
	"Requested TCLAS processing is not supported by the AP or PCP", /* 56 */
	"The AP or PCP has insufficient TCLAS processing resources to satisfy the request", /* 57 */
	"The TS has not been created because the request cannot be honored; however, the HC or PCP suggests that the STA transition to a different BSS to set up the TS", /* 58 */
	"GAS Advertisement Protocol not supported", /* 59 */
	"No outstanding GAS request", /* 60 */
	"GAS Response not received from the Advertisement Server", /* 61 */
	"STA timed out waiting for GAS Query Response", /* 62 */
	"LARGE GAS Response is larger than query response length limit", /* 63 */
	"Request refused because home network does not support request", /* 64 */
	"Advertisement Server in the network is not currently reachable", /* 65 */
	"Reserved", /* 66 */
	"Request refused due to permissions received via SSPN interface", /* 67 */
	"Request refused because the AP or PCP does not support unauthenticated access", /* 68 */
	"Reserved", /* 69 */
	"Reserved", /* 70 */
	"Reserved", /* 71 */
	"Invalid contents of RSNE", /* 72 */
	"U-APSD coexistence is not supported", /* 73 */
	"Requested U-APSD coexistence mode is not supported", /* 74 */
	"Requested Interval/Duration value cannot be supported with U-APSD coexistence", /* 75 */
	"Authentication is rejected because an Anti-Clogging Token is required", /* 76 */
	"Authentication is rejected because the offered finite cyclic group is not supported", /* 77 */
	"The TBTT adjustment request has not been successful because the STA could not find an alternative TBTT", /* 78 */
	"Transmission failure", /* 79 */
	"Requested TCLAS Not Supported", /* 80 */
	"TCLAS Resources Exhausted", /* 81 */
	"Rejected with Suggested BSS transition", /* 82 */
	"Reject with recommended schedule", /* 83 */
	"Reject because no wakeup schedule specified", /* 84 */
	"Success, the destination STA is in power save mode", /* 85 */
	"FST pending, in process of admitting FST session", /* 86 */
	"Performing FST now", /* 87 */
	"FST pending, gap(s) in block ack window", /* 88 */
	"Reject because of U-PID setting", /* 89 */
	"Reserved", /* 90 */
	"Reserved", /* 91 */
	"(Re)Association refused for some external reason", /* 92 */
	"(Re)Association refused because of memory limits at the AP", /* 93 */
	"(Re)Association refused because emergency services are not supported at the AP", /* 94 */
	"GAS query response not yet received", /* 95 */
	"Reject since the request is for transition to a frequency band subject to DSE procedures and FST Initiator is a dependent STA", /* 96 */
	"Requested TCLAS processing has been terminated by the AP", /* 97 */
	"The TS schedule conflicts with an existing schedule; an alternative schedule is provided", /* 98 */
	"The association has been denied; however, one or more Multi-band elements are included that can be used by the receiving STA to join the BSS", /* 99 */
	"The request failed due to a reservation conflict", /* 100 */
	"The request failed due to exceeded MAF limit", /* 101 */
	"The request failed due to exceeded MCCA track limit", /* 102 */
	"Association denied because the information in theSpectrum Management field is unacceptable", /* 103 */
	"Association denied because the requesting STA does not support VHT features", /* 104 */
	"Enablement denied", /* 105 */
	"Enablement denied due to restriction from an authorized GDB", /* 106 */
	"Authorization deenabled", /* 107 */
};

#define N_REASON (sizeof wlan_reason_text / sizeof wlan_reason_text[0])
#define N_STATUS (sizeof wlan_status_text / sizeof wlan_status_text[0])

static const char *const auth_alg_text[] = {"Open System", "Shared Key", "EAP"};

static const struct tok mgmt_subtype_names[] = {
	{0x0, "Assoc Request"}, {0x1, "Assoc Response"}, {0x2, "ReAssoc Request"},
	{0x3, "ReAssoc Response"}, {0x4, "Probe Request"}, {0x5, "Probe Response"},
	{0x8, "Beacon"}, {0x9, "ATIM"}, {0xa, "Disassociation"},
	{0xb, "Authentication"}, {0xc, "DeAuthentication"}, {0xd, "Action"}, {0, NULL},
};

static void put_mac(struct nd *nd, const char *label, const uint8_t *p)
{
	ND_STR(nd, label);
	nd_etheraddr(nd, p);
	ND_CHR(nd, ' ');
}

/* "Data IV:..." of a WEP-protected body; 0 when the 4 bytes are missing. */
static int wep_print(struct nd *nd, const uint8_t *p)
{
	if (!nd_ok(nd, p, 4))
		return 0;
	uint32_t iv = GET_LE32(nd, p);
	out_fmt(nd->out, " IV:%3x Pad %x KeyID %x", iv & 0xffffff, (iv >> 24) & 0x3f, (iv >> 30) & 0x3);
	return 1;
}

/* Walk the information elements of a management body (len bytes on the wire
 * from p): 0 when one is cut short by the capture or the frame length. */
static int elements_ok(struct nd *nd, const uint8_t *p, uint32_t len)
{
	while (len != 0) {
		if (!nd_ok(nd, p, 2) || len < 2)
			return 0;
		uint32_t el = GET_U8(nd, p + 1);
		if (!nd_ok(nd, p + 2, el) || len < el + 2)
			return 0;
		p += el + 2;
		len -= el + 2;
	}
	return 1;
}

static int handle_auth(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (!nd_ok(nd, p, 6))
		return 0;
	int ret = len >= 6 ? elements_ok(nd, p + 6, len - 6) : 1;
	uint16_t alg = GET_LE16(nd, p), seq = GET_LE16(nd, p + 2), status = GET_LE16(nd, p + 4);
	const char *algs = alg < 3 ? auth_alg_text[alg] : "Reserved";
	const char *st = (seq % 2) ? (status < N_STATUS ? wlan_status_text[status] : "n/a") : "";
	if (alg == 1 && (seq == 2 || seq == 3))
		out_fmt(nd->out, " (%s)-%x [Challenge Text] %s", algs, seq, st);
	else
		out_fmt(nd->out, " (%s)-%x: %s", algs, seq, st);
	return ret;
}

/* What tcpdump keeps of a management body's elements: the first SSID, the
 * first non-empty rate set, the first DS channel. */
struct elems {
	uint8_t ssid[33];
	int ssid_present;
	uint8_t rates[16];
	unsigned nrates;
	int rates_present;
	unsigned channel;
	int ds_present;
};

/* tcpdump 4.99's parse_elements: 0 when an element is cut short or malformed. */
static int parse_elems(struct nd *nd, struct elems *e, const uint8_t *p, uint32_t len)
{
	memset(e, 0, sizeof *e);
	while (len != 0) {
		if (!nd_ok(nd, p, 2) || len < 2)
			return 0;
		uint8_t id = GET_U8(nd, p);
		uint32_t el = GET_U8(nd, p + 1);
		if (!nd_ok(nd, p + 2, el) || len < el + 2)
			return 0;
		switch (id) {
		case 0: /* SSID */
			if (el > 32)
				return 0;
			if (!e->ssid_present) {
				GET_CPY(nd, e->ssid, p + 2, el);
				e->ssid[el] = 0;
				e->ssid_present = 1;
			}
			break;
		case 16: /* challenge text */
			if (el > 253)
				return 0;
			break;
		case 1: /* supported rates */
			if (el != 0 && el <= sizeof e->rates && !e->rates_present) {
				GET_CPY(nd, e->rates, p + 2, el);
				e->nrates = el;
				e->rates_present = 1;
			}
			break;
		case 3: /* DS parameter set */
			if (el == 1 && !e->ds_present) {
				e->channel = GET_U8(nd, p + 2);
				e->ds_present = 1;
			}
			break;
		default:
			break;
		}
		p += el + 2;
		len -= el + 2;
	}
	return 1;
}

static void print_ssid(struct nd *nd, const struct elems *e)
{
	if (!e->ssid_present)
		return;
	ND_STR(nd, " (");
	for (unsigned i = 0; i < sizeof e->ssid && e->ssid[i]; i++) {
		uint8_t c = e->ssid[i];
		if (c & 0x80) {
			ND_STR(nd, "M-");
			c &= 0x7f;
		}
		if (c < 0x20 || c == 0x7f) {
			ND_CHR(nd, '^');
			ND_CHR(nd, (char)(c ^ 0x40));
		} else {
			ND_CHR(nd, (char)c);
		}
	}
	ND_CHR(nd, ')');
}

static void print_rates(struct nd *nd, const struct elems *e)
{
	if (!e->rates_present)
		return;
	for (unsigned i = 0; i < e->nrates; i++) {
		unsigned r = e->rates[i] & 0x7f;
		out_fmt(nd->out, "%s%u.%u%s", i ? " " : " [", r / 2, (r & 1) ? 5 : 0, (e->rates[i] & 0x80) ? "*" : "");
	}
	if (e->nrates)
		ND_STR(nd, " Mbit]");
}

static void print_channel(struct nd *nd, const struct elems *e)
{
	if (e->ds_present)
		out_fmt(nd->out, " CH: %u", e->channel);
}

static const char *reason_str(uint16_t r)
{
	return r < N_REASON ? wlan_reason_text[r] : "Reserved";
}

static int mgmt_body_print(struct nd *nd, uint16_t fc, const uint8_t *sa, const uint8_t *p, uint32_t len)
{
	unsigned st = FC_SUBTYPE(fc);
	nd_tok(nd, mgmt_subtype_names, "Unhandled Management subtype(%x)", st);
	struct elems e;
	int ret;
	switch (st) {
	case 0x0: /* Assoc Request: capabilities(2) listen interval(2) elements */
	case 0x2: /* ReAssoc Request: ... current AP(6) elements */
		if (!nd_ok(nd, p, st ? 10 : 4))
			return 0;
		ret = parse_elems(nd, &e, p + (st ? 10 : 4), len >= (st ? 10u : 4u) ? len - (st ? 10 : 4) : 0);
		print_ssid(nd, &e);
		if (st) {
			ND_STR(nd, " AP : ");
			nd_etheraddr(nd, p + 4);
		} else {
			print_rates(nd, &e);
		}
		return ret;
	case 0x1: /* Assoc Response: capabilities(2) status(2) AID(2) elements */
	case 0x3: {
		if (!nd_ok(nd, p, 6))
			return 0;
		uint16_t cap = GET_LE16(nd, p), status = GET_LE16(nd, p + 2), aid = GET_LE16(nd, p + 4);
		ret = parse_elems(nd, &e, p + 6, len >= 6 ? len - 6 : 0);
		out_fmt(nd->out, " AID(%x) :%s: %s", (uint16_t)(aid << 2) >> 2, (cap & 0x10) ? " PRIVACY " : "",
			status < N_STATUS ? wlan_status_text[status] : "n/a");
		return ret;
	}
	case 0x4: /* Probe Request: elements */
		ret = parse_elems(nd, &e, p, len);
		print_ssid(nd, &e);
		print_rates(nd, &e);
		return ret;
	case 0x5: /* Probe Response and Beacon: timestamp(8) interval(2) capabilities(2) elements */
	case 0x8: {
		if (!nd_ok(nd, p, 12))
			return 0;
		uint16_t cap = GET_LE16(nd, p + 10);
		ret = parse_elems(nd, &e, p + 12, len >= 12 ? len - 12 : 0);
		print_ssid(nd, &e);
		print_rates(nd, &e);
		if (st == 0x8)
			ND_STR(nd, (cap & 0x1) ? " ESS" : " IBSS");
		print_channel(nd, &e);
		if (cap & 0x10)
			ND_STR(nd, ", PRIVACY");
		return ret;
	}
	case 0x9: /* ATIM: empty body */
		return 1;
	case 0xd: { /* Action: category(1) action(1) ... */
		if (!nd_ok(nd, p, 2))
			return 0;
		if (nd->o->eflag) {
			ND_STR(nd, ": ");
		} else {
			ND_STR(nd, " (");
			nd_etheraddr(nd, sa);
			ND_STR(nd, "): ");
		}
		uint8_t cat = GET_U8(nd, p), act = GET_U8(nd, p + 1);
		static const struct tok ba_acts[] = {{0, "ADDBA Request"}, {1, "ADDBA Response"}, {2, "DELBA"}, {0, NULL}};
		static const struct tok ht_acts[] = {{0, "TxChWidth"}, {1, "MIMOPwrSave"}, {0, NULL}};
		switch (cat) {
		case 0:
			out_fmt(nd->out, "Spectrum Management Act#%u", act);
			break;
		case 1:
			out_fmt(nd->out, "QoS Act#%u", act);
			break;
		case 2:
			out_fmt(nd->out, "DLS Act#%u", act);
			break;
		case 3:
			ND_STR(nd, "BA ");
			nd_tok(nd, ba_acts, "Act#%u", act);
			break;
		case 7:
			ND_STR(nd, "HT ");
			nd_tok(nd, ht_acts, "Act#%u", act);
			break;
		case 13: {
			static const struct tok mesh_acts[] = {
				{0, "MeshLink"}, {1, "HWMP"}, {2, "Gate Announcement"}, {3, "Congestion Control"},
				{4, "MCCA Setup Request"}, {5, "MCCA Setup Reply"}, {6, "MCCA Advertisement Request"},
				{7, "MCCA Advertisement"}, {8, "MCCA Teardown"}, {9, "TBTT Adjustment Request"},
				{10, "TBTT Adjustment Response"}, {0, NULL},
			};
			ND_STR(nd, "MeshAction ");
			nd_tok(nd, mesh_acts, "Act#%u", act);
			break;
		}
		case 14: {
			static const struct tok mh_acts[] = {{0, "Proxy Update"}, {1, "Proxy Update Confirmation"}, {0, NULL}};
			ND_STR(nd, "MultiohopAction ");
			nd_tok(nd, mh_acts, "Act#%u", act);
			break;
		}
		case 15: {
			static const struct tok sp_acts[] = {
				{1, "Peering Open"}, {2, "Peering Confirm"}, {3, "Peering Close"},
				{4, "Group Key Inform"}, {5, "Group Key Acknowledge"}, {0, NULL},
			};
			ND_STR(nd, "SelfprotectAction ");
			nd_tok(nd, sp_acts, "Act#%u", act);
			break;
		}
		case 127:
			out_fmt(nd->out, "Vendor Act#%u", act);
			break;
		default:
			out_fmt(nd->out, "Reserved(%u) Act#%u", cat, act);
			break;
		}
		return 1;
	}
	case 0xa: /* Disassociation */
		if (!nd_ok(nd, p, 2))
			return 0;
		ND_STR(nd, ": ");
		ND_STR(nd, reason_str(GET_LE16(nd, p)));
		return 1;
	case 0xb: /* Authentication */
		return handle_auth(nd, p, len);
	case 0xc: /* DeAuthentication */
		if (!nd_ok(nd, p, 2))
			return 0;
		{
			const char *r = reason_str(GET_LE16(nd, p));
			if (nd->o->eflag) {
				ND_STR(nd, ": ");
			} else {
				ND_STR(nd, " (");
				nd_etheraddr(nd, sa);
				ND_STR(nd, "): ");
			}
			ND_STR(nd, r);
		}
		return 1;
	default:
		return 1;
	}
}

static unsigned ctrl_hdr_len(unsigned st)
{
	switch (st) {
	case CTRL_CONTROL_WRAPPER: return 10;
	case CTRL_BAR: return 20;
	case CTRL_BA: return 10;
	case CTRL_PS_POLL: return 16;
	case CTRL_RTS: return 16;
	case CTRL_CTS: return 10;
	case CTRL_ACK: return 10;
	case CTRL_CF_END: return 16;
	case CTRL_END_ACK: return 16;
	default: return 0;
	}
}

static int ctrl_body_print(struct nd *nd, uint16_t fc, const uint8_t *p)
{
	unsigned st = FC_SUBTYPE(fc);
	int e = nd->o->eflag;
	switch (st) {
	case CTRL_BAR:
		ND_STR(nd, "BAR");
		if (!nd_ok(nd, p, 20))
			return 0;
		if (!e) {
			put_mac(nd, " RA:", p + 4);
			put_mac(nd, "TA:", p + 10);
			out_fmt(nd->out, "CTL(%x) SEQ(%u) ", GET_LE16(nd, p + 16), GET_LE16(nd, p + 18));
		}
		break;
	case CTRL_BA:
		ND_STR(nd, "BA");
		if (!nd_ok(nd, p, 16))
			return 0;
		if (!e)
			put_mac(nd, " RA:", p + 4);
		break;
	case CTRL_PS_POLL:
		ND_STR(nd, "Power Save-Poll");
		if (!nd_ok(nd, p, 16))
			return 0;
		out_fmt(nd->out, " AID(%x)", GET_LE16(nd, p + 2));
		break;
	case CTRL_RTS:
		ND_STR(nd, "Request-To-Send");
		if (!nd_ok(nd, p, 16))
			return 0;
		if (!e)
			put_mac(nd, " TA:", p + 10);
		break;
	case CTRL_CTS:
	case CTRL_ACK:
		ND_STR(nd, st == CTRL_CTS ? "Clear-To-Send" : "Acknowledgment");
		if (!nd_ok(nd, p, 10))
			return 0;
		if (!e)
			put_mac(nd, " RA:", p + 4);
		break;
	case CTRL_CF_END:
	case CTRL_END_ACK:
		ND_STR(nd, st == CTRL_CF_END ? "CF-End" : "CF-End+CF-Ack");
		if (!nd_ok(nd, p, 16))
			return 0;
		if (!e)
			put_mac(nd, " RA:", p + 4);
		break;
	default:
		ND_STR(nd, "Unknown Ctrl Subtype");
	}
	return 1;
}

/* -e: the MAC header as tcpdump shows it. */
static void hdr_print(struct nd *nd, uint16_t fc, const uint8_t *p)
{
	if (nd->o->vflag) {
		if (FC_MORE_DATA(fc))
			ND_STR(nd, "More Data ");
		if (FC_MORE_FLAG(fc))
			ND_STR(nd, "More Fragments ");
		if (FC_POWER_MGMT(fc))
			ND_STR(nd, "Pwr Mgmt ");
		if (FC_RETRY(fc))
			ND_STR(nd, "Retry ");
		if (FC_ORDER(fc))
			ND_STR(nd, "Strictly Ordered ");
		if (FC_PROTECTED(fc))
			ND_STR(nd, "Protected ");
		if (FC_TYPE(fc) != T_CTRL || FC_SUBTYPE(fc) != CTRL_PS_POLL)
			out_fmt(nd->out, "%uus ", GET_LE16(nd, p + 2));
	}
	unsigned st = FC_SUBTYPE(fc);
	switch (FC_TYPE(fc)) {
	case T_MGMT:
		put_mac(nd, "BSSID:", p + 16);
		put_mac(nd, "DA:", p + 4);
		put_mac(nd, "SA:", p + 10);
		break;
	case T_CTRL:
		switch (st) {
		case CTRL_BAR:
			put_mac(nd, " RA:", p + 4);
			put_mac(nd, "TA:", p + 10);
			out_fmt(nd->out, "CTL(%x) SEQ(%u) ", GET_LE16(nd, p + 16), GET_LE16(nd, p + 18));
			break;
		case CTRL_BA:
		case CTRL_CTS:
		case CTRL_ACK:
			put_mac(nd, "RA:", p + 4);
			break;
		case CTRL_PS_POLL:
			put_mac(nd, "BSSID:", p + 4);
			put_mac(nd, "TA:", p + 10);
			break;
		case CTRL_RTS:
			put_mac(nd, "RA:", p + 4);
			put_mac(nd, "TA:", p + 10);
			break;
		case CTRL_CF_END:
		case CTRL_END_ACK:
			put_mac(nd, "RA:", p + 4);
			put_mac(nd, "BSSID:", p + 10);
			break;
		}
		break;
	case T_DATA:
		if (DATA_IS_CF_ACK(st) || DATA_IS_CF_POLL(st) || DATA_IS_QOS(st)) {
			ND_STR(nd, "CF ");
			if (DATA_IS_CF_ACK(st))
				ND_STR(nd, DATA_IS_CF_POLL(st) ? "Ack/Poll" : "Ack");
			else if (DATA_IS_CF_POLL(st))
				ND_STR(nd, "Poll");
			if (DATA_IS_QOS(st))
				ND_STR(nd, "+QoS");
			ND_CHR(nd, ' ');
		}
		if (!FC_TO_DS(fc) && !FC_FROM_DS(fc)) {
			put_mac(nd, "DA:", p + 4);
			put_mac(nd, "SA:", p + 10);
			put_mac(nd, "BSSID:", p + 16);
		} else if (!FC_TO_DS(fc)) {
			put_mac(nd, "DA:", p + 4);
			put_mac(nd, "BSSID:", p + 10);
			put_mac(nd, "SA:", p + 16);
		} else if (!FC_FROM_DS(fc)) {
			put_mac(nd, "BSSID:", p + 4);
			put_mac(nd, "SA:", p + 10);
			put_mac(nd, "DA:", p + 16);
		} else {
			put_mac(nd, "RA:", p + 4);
			put_mac(nd, "TA:", p + 10);
			put_mac(nd, "DA:", p + 16);
			put_mac(nd, "SA:", p + 24);
		}
		break;
	}
}

static void wlan_trunc(struct nd *nd)
{
	ND_STR(nd, " [|802.11]");
}

/* A link header cut short: the marker, and (as tcpdump) no -x dump after it. */
static void hdr_trunc(struct nd *nd)
{
	nd_print_trunc(nd);
	nd->ll_hdr_len = nd->caplen;
}

/* The 802.11 frame at p: len bytes on the wire, caplen captured. */
static void ieee802_11_body(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen, int pad,
			    uint32_t fcslen)
{
	nd->protocol = "802.11";
	if (len < fcslen) {
		hdr_trunc(nd);
		return;
	}
	len -= fcslen;
	if (caplen > len) {
		/* the FCS is in the captured bytes: not part of the frame */
		nd_push_snaplen(nd, p, len);
		caplen = len;
	}
	if (caplen < 2) {
		hdr_trunc(nd);
		return;
	}
	uint16_t fc = GET_LE16(nd, p);
	unsigned type = FC_TYPE(fc), st = FC_SUBTYPE(fc);
	uint32_t hdrlen;
	switch (type) {
	case T_MGMT:
		hdrlen = 24;
		break;
	case T_CTRL:
		hdrlen = ctrl_hdr_len(st);
		if (!hdrlen) {
			out_fmt(nd->out, "unknown 802.11 ctrl frame subtype (%u)", st);
			return;
		}
		break;
	case T_DATA:
		hdrlen = (FC_TO_DS(fc) && FC_FROM_DS(fc)) ? 30 : 24;
		if (DATA_IS_QOS(st))
			hdrlen += 2;
		break;
	default:
		out_fmt(nd->out, "unknown 802.11 frame type (%u)", type);
		return;
	}
	if (pad)
		hdrlen = (hdrlen + 3) & ~3u;
	if (caplen < hdrlen) {
		hdr_trunc(nd);
		return;
	}
	if (nd->o->eflag)
		hdr_print(nd, fc, p);
	nd->ll_hdr_len += hdrlen;
	const uint8_t *b = p + hdrlen;
	len = len > hdrlen ? len - hdrlen : 0;
	caplen -= hdrlen;
	switch (type) {
	case T_MGMT:
		if (!mgmt_body_print(nd, fc, p + 10, b, len))
			wlan_trunc(nd);
		break;
	case T_CTRL:
		if (!ctrl_body_print(nd, fc, p))
			wlan_trunc(nd);
		break;
	case T_DATA: {
		if (DATA_IS_NULL(st))
			break;
		if (FC_PROTECTED(fc)) {
			ND_STR(nd, "Data");
			if (!wep_print(nd, b))
				wlan_trunc(nd);
			break;
		}
		const uint8_t *src, *dst;
		if (!FC_TO_DS(fc)) {
			dst = p + 4;
			src = FC_FROM_DS(fc) ? p + 16 : p + 10;
		} else {
			dst = p + 16;
			src = FC_FROM_DS(fc) ? p + 24 : p + 10;
		}
		int n = llc_print(nd, b, len, caplen, src, dst);
		if (n < 0) {
			if (!nd_default_print_suppressed(nd))
				nd_default_print(nd, b, caplen);
			n = -n;
		}
		nd->ll_hdr_len += (uint32_t)n;
		break;
	}
	}
}

void ieee802_11_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	ieee802_11_body(nd, p, len, caplen, 0, 0);
}

/* Radiotap fields: alignment and size of each known bit. */
static const uint8_t rt_align[22] = {8, 1, 1, 2, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 2, 0, 0, 0, 4, 1, 4, 2};
static const uint8_t rt_size[22] = {8, 1, 1, 4, 2, 1, 1, 2, 2, 1, 1, 1, 1, 1, 2, 0, 0, 0, 8, 3, 8, 12};

static void chaninfo(struct nd *nd, unsigned freq, uint32_t flags, uint32_t present)
{
	out_fmt(nd->out, "%u MHz", freq);
	if (present & (1u << 19)) {
		ND_STR(nd, " 11n");
	} else {
		if ((flags & 0x0880) == 0x0880)
			ND_STR(nd, " FHSS");
		if ((flags & 0x0140) == 0x0140) {
			ND_STR(nd, (flags & 0x4000) ? " 11a/10Mhz" : (flags & 0x8000) ? " 11a/5Mhz" : " 11a");
		}
		if ((flags & 0x00c0) == 0x00c0 || (flags & 0x0480) == 0x0480) {
			ND_STR(nd, (flags & 0x4000) ? " 11g/10Mhz" : (flags & 0x8000) ? " 11g/5Mhz" : " 11g");
		} else if ((flags & 0x00a0) == 0x00a0) {
			ND_STR(nd, " 11b");
		}
		if (flags & 0x0010)
			ND_STR(nd, " Turbo");
	}
	if (flags & 0x10000)
		ND_STR(nd, " ht/20");
	else if (flags & 0x40000)
		ND_STR(nd, " ht/40-");
	else if (flags & 0x20000)
		ND_STR(nd, " ht/40+");
	ND_CHR(nd, ' ');
}

static const char *const vht_bw[26] = {
	"20 MHz", "40 MHz", "20 MHz (L)", "20 MHz (U)", "80 MHz", "80 MHz (L)", "80 MHz (U)",
	"80 MHz (LL)", "80 MHz (LU)", "80 MHz (UL)", "80 MHz (UU)", "160 MHz", "160 MHz (L)",
	"160 MHz (U)", "160 MHz (LL)", "160 MHz (LU)", "160 MHz (UL)", "160 MHz (UU)",
	"160 MHz (LLL)", "160 MHz (LLU)", "160 MHz (LUL)", "160 MHz (UUU)", "160 MHz (ULL)",
	"160 MHz (ULU)", "160 MHz (UUL)", "160 MHz (UUU)",
};

/* 11n rate (Mb/s) of MCS 0-31 at 20/40 MHz, long/short guard interval; 0 if unknown. */
static double ht_rate(unsigned mcs, int bw40, int sgi)
{
	static const double base20[8] = {6.5, 13, 19.5, 26, 39, 52, 58.5, 65};
	static const double base40[8] = {13.5, 27, 40.5, 54, 81, 108, 121.5, 135};
	if (mcs > 31)
		return 0;
	double r = (bw40 ? base40 : base20)[mcs % 8] * (mcs / 8 + 1);
	return sgi ? r * 10 / 9 : r;
}

/* One radiotap field at f (already aligned and checked); flags collects bit 1. */
static void rt_field(struct nd *nd, unsigned bit, const uint8_t *f, uint8_t *flags, uint32_t present)
{
	switch (bit) {
	case 0:
		out_fmt(nd->out, "%lluus tsft ", (unsigned long long)((uint64_t)GET_LE32(nd, f + 4) << 32 | GET_LE32(nd, f)));
		break;
	case 1: {
		uint8_t v = GET_U8(nd, f);
		*flags = v;
		if (v & 0x01)
			ND_STR(nd, "cfp ");
		if (v & 0x02)
			ND_STR(nd, "short preamble ");
		if (v & 0x04)
			ND_STR(nd, "wep ");
		if (v & 0x08)
			ND_STR(nd, "fragmented ");
		if (v & 0x40)
			ND_STR(nd, "bad-fcs ");
		break;
	}
	case 2: {
		uint8_t r = GET_U8(nd, f);
		if (r >= 0x80 && r <= 0x8f)
			out_fmt(nd->out, "MCS %u ", r & 0x7f);
		else
			out_fmt(nd->out, "%u.%u Mb/s ", r / 2, (r & 1) ? 5 : 0);
		break;
	}
	case 3:
		if (present & (1u << 18))
			break;
		chaninfo(nd, GET_LE16(nd, f), GET_LE16(nd, f + 2), present);
		break;
	case 4:
		out_fmt(nd->out, "fhset %d fhpat %d ", GET_U8(nd, f), GET_U8(nd, f + 1));
		break;
	case 5:
		out_fmt(nd->out, "%ddBm signal ", (int8_t)GET_U8(nd, f));
		break;
	case 6:
		out_fmt(nd->out, "%ddBm noise ", (int8_t)GET_U8(nd, f));
		break;
	case 7:
		out_fmt(nd->out, "%u sq ", GET_LE16(nd, f));
		break;
	case 8:
		out_fmt(nd->out, "%d tx power ", -(int)GET_LE16(nd, f));
		break;
	case 9: /* tcpdump 4.99 reads one byte here */
		out_fmt(nd->out, "%ddB tx attenuation ", -(int)GET_U8(nd, f));
		break;
	case 10:
		out_fmt(nd->out, "%ddBm tx power ", (int8_t)GET_U8(nd, f));
		break;
	case 11:
		out_fmt(nd->out, "antenna %u ", GET_U8(nd, f));
		break;
	case 12:
		out_fmt(nd->out, "%udB signal ", GET_U8(nd, f));
		break;
	case 13:
		out_fmt(nd->out, "%udB noise ", GET_U8(nd, f));
		break;
	case 14: /* RX flags: not shown */
		break;
	case 18:
		chaninfo(nd, GET_LE16(nd, f + 4), GET_LE32(nd, f), present);
		break;
	case 19: {
		uint8_t known = GET_U8(nd, f), fl = GET_U8(nd, f + 1), mcs = GET_U8(nd, f + 2);
		static const char *const htbw[4] = {"20 MHz", "40 MHz", "20 MHz (L)", "20 MHz (U)"};
		if (known & 0x02) {
			double r = 0;
			if (known & 0x05)
				r = ht_rate(mcs, (fl & 3) == 1, (fl & 0x04) != 0);
			if (r != 0)
				out_fmt(nd->out, "%.1f Mb/s MCS %u ", r, mcs);
			else
				out_fmt(nd->out, "MCS %u ", mcs);
		}
		if (known & 0x01)
			out_fmt(nd->out, "%s ", htbw[fl & 3]);
		if (known & 0x04)
			out_fmt(nd->out, "%s GI ", (fl & 0x04) ? "short" : "long");
		if (known & 0x08)
			out_fmt(nd->out, "%s ", (fl & 0x08) ? "greenfield" : "mixed");
		if (known & 0x10)
			out_fmt(nd->out, "%s FEC ", (fl & 0x10) ? "LDPC" : "BCC");
		if (known & 0x20)
			out_fmt(nd->out, "RX-STBC%u ", (fl & 0x60) >> 5);
		break;
	}
	case 20: /* A-MPDU status: not shown */
		break;
	case 21: {
		uint16_t known = GET_LE16(nd, f);
		uint8_t fl = GET_U8(nd, f + 2), bw = GET_U8(nd, f + 3), coding = GET_U8(nd, f + 8);
		for (unsigned i = 0; i < 4; i++) {
			uint8_t m = GET_U8(nd, f + 4 + i);
			if (!(m & 0x0f))
				continue;
			out_fmt(nd->out, "User %u MCS %u %s FEC ", i, m >> 4, (coding & (1u << i)) ? "LDPC" : "BCC");
		}
		if (known & 0x0040) {
			unsigned b = bw & 0x1f;
			if (b < 26)
				out_fmt(nd->out, "%s ", vht_bw[b]);
			else
				out_fmt(nd->out, "unknown (%u) ", b);
		}
		if (known & 0x0004)
			out_fmt(nd->out, "%s GI ", (fl & 0x04) ? "short" : "long");
		break;
	}
	}
}

void ieee802_11_radio_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "802.11_radio";
	if (caplen < 8) {
		hdr_trunc(nd);
		return;
	}
	uint32_t rtlen = GET_LE16(nd, p + 2);
	if (caplen < rtlen) {
		hdr_trunc(nd);
		return;
	}
	/* the presence words: the last is the first without bit 31 */
	uint32_t nwords = 1;
	while (4 + 4 * nwords <= rtlen && (GET_LE32(nd, p + 4 * nwords) & 0x80000000u))
		nwords++;
	if (4 + 4 * nwords > rtlen) {
		hdr_trunc(nd);
		return;
	}
	uint32_t off = 4 + 4 * nwords; /* offset of the next field */
	uint8_t flags = 0;
	int vendor = 0, stop = 0;
	uint32_t skip = 0, bit0 = 0;
	for (uint32_t w = 0; w < nwords && !stop; w++) {
		uint32_t present = GET_LE32(nd, p + 4 + 4 * w);
		if (vendor) {
			if (skip > rtlen - off)
				break;
			off += skip;
			skip = 0;
		} else {
			for (unsigned b = 0; b < 29; b++) {
				if (!(present & (1u << b)))
					continue;
				unsigned bit = bit0 + b;
				if (bit >= 22 || rt_size[bit] == 0) {
					out_fmt(nd->out, "[bit %u] ", bit);
					stop = 1;
					break;
				}
				uint32_t a = rt_align[bit];
				uint32_t o2 = (off + a - 1) & ~(a - 1);
				if (o2 > rtlen || rt_size[bit] > rtlen - o2) {
					ND_STR(nd, " [|802.11_radio]");
					stop = 1;
					break;
				}
				rt_field(nd, bit, p + o2, &flags, present);
				off = o2 + rt_size[bit];
			}
			if (stop)
				break;
		}
		switch (present & 0x60000000u) {
		case 0:
			bit0 += 32;
			break;
		case 0x20000000u: /* radiotap namespace */
			bit0 = 0;
			vendor = 0;
			skip = 0;
			break;
		case 0x40000000u: { /* vendor namespace: OUI(3) subns(1) length(2) */
			bit0 = 0;
			vendor = 1;
			uint32_t o2 = (off + 1) & ~1u;
			if (o2 > rtlen || 6 > rtlen - o2) {
				ND_STR(nd, " [|802.11_radio]");
				break;
			}
			skip = GET_LE16(nd, p + o2 + 4);
			off = o2 + 6;
			break;
		}
		default:
			break;
		}
	}
	nd->ll_hdr_len = rtlen;
	ieee802_11_body(nd, p + rtlen, len - rtlen, caplen - rtlen, (flags & 0x20) != 0,
			(flags & 0x10) ? 4 : 0);
}

/* AVS capture header: version cookie(4) header length(4), big-endian. */
void avs_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "802.11_radio_avs";
	if (caplen < 8) {
		hdr_trunc(nd);
		return;
	}
	uint32_t hl = GET_BE32(nd, p + 4);
	if (hl < 8 || caplen < hl) {
		hdr_trunc(nd);
		return;
	}
	nd->ll_hdr_len = hl;
	ieee802_11_body(nd, p + hl, len - hl, caplen - hl, 0, 0);
}

/* Prism (144-byte header), or AVS when the AVS cookie is there. */
void prism_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	nd->protocol = "prism";
	if (caplen < 4) {
		hdr_trunc(nd);
		return;
	}
	uint32_t code = GET_BE32(nd, p);
	if (code == 0x80211001 || code == 0x80211002) {
		avs_print(nd, p, caplen, len);
		return;
	}
	if (caplen < 144) {
		hdr_trunc(nd);
		return;
	}
	nd->ll_hdr_len = 144;
	ieee802_11_body(nd, p + 144, len - 144, caplen - 144, 0, 0);
}
