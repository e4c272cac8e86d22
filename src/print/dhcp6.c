/*
 * dhcp6.c - DHCPv6 (RFC 8415 and option RFCs), UDP ports 546 and 547, as
 * tcpdump 4.99 prints it.
 *
 *   client/server: msg-type(1) transaction-id(3) options
 *   relay:         msg-type(1) hop-count(1) link-address(16) peer-address(16) options
 *   option:        code(2) length(2) data
 *
 * Without -v only the message type; with -v every option in parentheses,
 * nested options (IA_NA, IA_PD, relay messages, ...) inside their parent.
 */
#include "nd.h"


enum {
	O_CLIENTID = 1, O_SERVERID, O_IA_NA, O_IA_TA, O_IA_ADDR, O_ORO, O_PREFERENCE,
	O_ELAPSED_TIME, O_RELAY_MSG, O_AUTH = 11, O_UNICAST, O_STATUS_CODE, O_RAPID_COMMIT,
	O_USER_CLASS, O_VENDOR_CLASS, O_VENDOR_OPTS, O_INTERFACE_ID, O_RECONF_MSG,
	O_RECONF_ACCEPT, O_SIP_SERVER_D, O_SIP_SERVER_A, O_DNS_SERVERS, O_DOMAIN_LIST, O_IA_PD,
	O_IA_PD_PREFIX, O_NIS_SERVERS, O_NISP_SERVERS, O_NIS_NAME, O_NISP_NAME, O_SNTP_SERVERS,
	O_LIFETIME, O_BCMCS_SERVER_D, O_BCMCS_SERVER_A, O_GEOCONF_CIVIC = 36, O_REMOTE_ID,
	O_SUBSCRIBER_ID, O_CLIENT_FQDN, O_PANA_AGENT, O_NEW_POSIX_TIMEZONE, O_NEW_TZDB_TIMEZONE,
	O_ERO, O_LQ_QUERY, O_CLIENT_DATA, O_CLT_TIME, O_LQ_RELAY_DATA, O_LQ_CLIENT_LINK,
	O_NTP_SERVER = 56, O_AFTR_NAME = 64, O_MUDURL = 112,
};

static const struct tok dh6_msgs[] = {
	{1, "solicit"}, {2, "advertise"}, {3, "request"}, {4, "confirm"}, {5, "renew"},
	{6, "rebind"}, {7, "reply"}, {8, "release"}, {9, "decline"}, {10, "reconfigure"},
	{11, "inf-req"}, {12, "relay-fwd"}, {13, "relay-reply"}, {14, "leasequery"},
	{15, "leasequery-reply"}, {0, NULL},
};

static const struct tok dh6_opts[] = {
	{O_CLIENTID, "client-ID"}, {O_SERVERID, "server-ID"}, {O_IA_NA, "IA_NA"},
	{O_IA_TA, "IA_TA"}, {O_IA_ADDR, "IA_ADDR"}, {O_ORO, "option-request"},
	{O_PREFERENCE, "preference"}, {O_ELAPSED_TIME, "elapsed-time"},
	{O_RELAY_MSG, "relay-message"}, {O_AUTH, "authentication"},
	{O_UNICAST, "server-unicast"}, {O_STATUS_CODE, "status-code"},
	{O_RAPID_COMMIT, "rapid-commit"}, {O_USER_CLASS, "user-class"},
	{O_VENDOR_CLASS, "vendor-class"}, {O_VENDOR_OPTS, "vendor-specific-info"},
	{O_INTERFACE_ID, "interface-ID"}, {O_RECONF_MSG, "reconfigure-message"},
	{O_RECONF_ACCEPT, "reconfigure-accept"}, {O_SIP_SERVER_D, "SIP-servers-domain"},
	{O_SIP_SERVER_A, "SIP-servers-address"}, {O_DNS_SERVERS, "DNS-server"},
	{O_DOMAIN_LIST, "DNS-search-list"}, {O_IA_PD, "IA_PD"}, {O_IA_PD_PREFIX, "IA_PD-prefix"},
	{O_SNTP_SERVERS, "SNTP-servers"}, {O_LIFETIME, "lifetime"},
	{O_NIS_SERVERS, "NIS-server"}, {O_NISP_SERVERS, "NIS+-server"},
	{O_NIS_NAME, "NIS-domain-name"}, {O_NISP_NAME, "NIS+-domain-name"},
	{O_BCMCS_SERVER_D, "BCMCS-domain-name"}, {O_BCMCS_SERVER_A, "BCMCS-server"},
	{O_GEOCONF_CIVIC, "Geoconf-Civic"}, {O_REMOTE_ID, "Remote-ID"},
	{O_SUBSCRIBER_ID, "Subscriber-ID"}, {O_CLIENT_FQDN, "Client-FQDN"},
	{O_PANA_AGENT, "PANA-agent"}, {O_NEW_POSIX_TIMEZONE, "POSIX-timezone"},
	{O_NEW_TZDB_TIMEZONE, "POSIX-tz-database"}, {O_ERO, "Echo-request-option"},
	{O_LQ_QUERY, "Lease-query"}, {O_CLIENT_DATA, "LQ-client-data"},
	{O_CLT_TIME, "Clt-time"}, {O_LQ_RELAY_DATA, "LQ-relay-data"},
	{O_LQ_CLIENT_LINK, "LQ-client-link"}, {O_NTP_SERVER, "NTP-server"},
	{O_AFTR_NAME, "AFTR-Name"}, {O_MUDURL, "MUD-URL"}, {0, NULL},
};

static const struct tok dh6_stcodes[] = {
	{0, "Success"}, {1, "UnspecFail"}, {2, "NoAddrsAvail"}, {3, "NoBinding"},
	{4, "NotOnLink"}, {5, "UseMulticast"}, {6, "NoPrefixAvail"}, {7, "UnknownQueryType"},
	{8, "MalformedQuery"}, {9, "NotConfigured"}, {10, "NotAllowed"}, {0, NULL},
};

static void dhcp6_body(struct nd *nd, const uint8_t *cp, uint32_t length);

/* At most the first 10 of n bytes as hex, then "..." (always, as tcpdump 4.99). */
static void dh6_hex_capped(struct nd *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n && i < 10; i++)
		out_hex(nd->out, GET_U8(nd, p + i), 2);
	ND_STR(nd, "...");
}

static void dh6_hex(struct nd *nd, const uint8_t *p, unsigned from, unsigned to)
{
	for (unsigned i = from; i < to; i++)
		out_hex(nd->out, GET_U8(nd, p + i), 2);
}

static void dh6_duid(struct nd *nd, const uint8_t *tp, unsigned optlen)
{
	if (optlen < 2) {
		ND_STR(nd, " ?)");
		return;
	}
	unsigned type = GET_BE16(nd, tp);
	switch (type) {
	case 1: /* link-layer address plus time */
		if (optlen < 8)
			break;
		out_fmt(nd->out, " hwaddr/time type %u time %u ", GET_BE16(nd, tp + 2),
			GET_BE32(nd, tp + 4));
		dh6_hex(nd, tp, 8, optlen);
		ND_CHR(nd, ')');
		return;
	case 2: /* vendor-assigned: the first 8 bytes after the type */
		if (optlen < 10)
			break;
		ND_STR(nd, " vid ");
		dh6_hex(nd, tp, 2, 10);
		ND_CHR(nd, ')');
		return;
	case 3: /* link-layer address */
		if (optlen < 4)
			break;
		out_fmt(nd->out, " hwaddr type %u ", GET_BE16(nd, tp + 2));
		dh6_hex(nd, tp, 4, optlen);
		ND_CHR(nd, ')');
		return;
	default:
		out_fmt(nd->out, " type %u)", type);
		return;
	}
	ND_STR(nd, " ?)");
}

static void dh6_auth(struct nd *nd, const uint8_t *tp, unsigned optlen)
{
	uint8_t proto = GET_U8(nd, tp), alg = GET_U8(nd, tp + 1), rdm = GET_U8(nd, tp + 2);
	if (proto == 2)
		ND_STR(nd, " proto: delayed");
	else if (proto == 3)
		ND_STR(nd, " proto: reconfigure");
	else
		out_fmt(nd->out, " proto: %u", proto);
	if (alg == 1)
		ND_STR(nd, ", alg: HMAC-MD5");
	else
		out_fmt(nd->out, ", alg: %u", alg);
	if (rdm == 0)
		ND_STR(nd, ", RDM: mono");
	else
		out_fmt(nd->out, ", RDM: %u", rdm);
	tp += 3;
	ND_STR(nd, ", RD:");
	for (int i = 0; i < 4; i++, tp += 2)
		out_fmt(nd->out, " %04x", GET_BE16(nd, tp));
	unsigned infolen = optlen - 11;
	switch (proto) {
	case 2:
		if (infolen == 0)
			break;
		if (infolen < 20) {
			ND_STR(nd, " ??");
			break;
		}
		if (infolen - 20 > 0)
			ND_STR(nd, ", realm: ");
		for (unsigned i = 0; i < infolen - 20; i++, tp++)
			out_hex(nd->out, GET_U8(nd, tp), 2);
		out_fmt(nd->out, ", key ID: %08x", GET_BE32(nd, tp));
		tp += 4;
		ND_STR(nd, ", HMAC-MD5:");
		for (int i = 0; i < 4; i++, tp += 4)
			out_fmt(nd->out, " %08x", GET_BE32(nd, tp));
		break;
	case 3: {
		if (infolen != 17) {
			ND_STR(nd, " ??");
			break;
		}
		uint8_t t = GET_U8(nd, tp);
		ND_STR(nd, t == 1 ? " reconfig-key" : t == 2 ? " type: HMAC-MD5" : " type: ??");
		tp++;
		ND_STR(nd, " value:");
		for (int i = 0; i < 4; i++, tp += 4)
			out_fmt(nd->out, " %08x", GET_BE32(nd, tp));
		break;
	}
	default:
		ND_STR(nd, " ??");
		break;
	}
	ND_CHR(nd, ')');
}

/* The options in [cp, ep).  An option that does not fit prints " [|dhcp6]" and
 * ends this list only (an enclosing option goes on), as in tcpdump. */
static void dh6_options(struct nd *nd, const uint8_t *cp, const uint8_t *ep)
{
	while (cp < ep) {
		if (ep - cp < 4 || !nd_ok(nd, cp, 4))
			goto trunc;
		unsigned optlen = GET_BE16(nd, cp + 2);
		if ((size_t)(ep - cp) < 4 + (size_t)optlen)
			goto trunc;
		unsigned type = GET_BE16(nd, cp);
		ND_STR(nd, " (");
		nd_tok(nd, dh6_opts, "opt_%u", type);
		const uint8_t *tp = cp + 4, *oend = tp + optlen;
		if (!nd_ok(nd, tp, optlen))
			goto trunc;
		switch (type) {
		case O_CLIENTID:
		case O_SERVERID:
			dh6_duid(nd, tp, optlen);
			break;
		case O_IA_ADDR:
			if (optlen < 24) {
				ND_STR(nd, " ?)");
				break;
			}
			ND_CHR(nd, ' ');
			nd_ip6addr(nd, tp);
			out_fmt(nd->out, " pltime:%u vltime:%u", GET_BE32(nd, tp + 16),
				GET_BE32(nd, tp + 20));
			if (optlen > 24)
				dh6_options(nd, tp + 24, oend);
			ND_CHR(nd, ')');
			break;
		case O_ORO:
		case O_ERO:
			if (optlen % 2) {
				ND_STR(nd, " ?)");
				break;
			}
			for (unsigned i = 0; i < optlen; i += 2) {
				ND_CHR(nd, ' ');
				nd_tok(nd, dh6_opts, "opt_%u", GET_BE16(nd, tp + i));
			}
			ND_CHR(nd, ')');
			break;
		case O_PREFERENCE:
			if (optlen != 1)
				ND_STR(nd, " ?)");
			else
				out_fmt(nd->out, " %u)", GET_U8(nd, tp));
			break;
		case O_ELAPSED_TIME:
			if (optlen != 2)
				ND_STR(nd, " ?)");
			else
				out_fmt(nd->out, " %u)", GET_BE16(nd, tp));
			break;
		case O_RELAY_MSG: {
			ND_STR(nd, " (");
			const char *saved = nd->protocol;
			nd_push_snaplen(nd, tp, optlen);
			dhcp6_body(nd, tp, optlen);
			nd_pop_snaplen(nd);
			nd->protocol = saved;
			ND_CHR(nd, ')');
			break;
		}
		case O_AUTH:
			if (optlen < 11) {
				ND_STR(nd, " ?)");
				break;
			}
			dh6_auth(nd, tp, optlen);
			break;
		case O_RAPID_COMMIT:
		case O_RECONF_ACCEPT:
			ND_CHR(nd, ')');
			break;
		case O_INTERFACE_ID:
		case O_SUBSCRIBER_ID:
			ND_CHR(nd, ' ');
			dh6_hex_capped(nd, tp, optlen);
			ND_CHR(nd, ')');
			break;
		case O_RECONF_MSG: {
			if (optlen != 1) {
				ND_STR(nd, " ?)");
				break;
			}
			uint8_t t = GET_U8(nd, tp);
			if (t == 5)
				ND_STR(nd, " for renew)");
			else if (t == 11)
				ND_STR(nd, " for inf-req)");
			else
				out_fmt(nd->out, " for ?\?\?(%02x))", t);
			break;
		}
		case O_SIP_SERVER_A:
		case O_DNS_SERVERS:
		case O_SNTP_SERVERS:
		case O_NIS_SERVERS:
		case O_NISP_SERVERS:
		case O_BCMCS_SERVER_A:
		case O_PANA_AGENT:
		case O_LQ_CLIENT_LINK:
			if (optlen % 16) {
				ND_STR(nd, " ?)");
				break;
			}
			for (unsigned i = 0; i < optlen; i += 16) {
				ND_CHR(nd, ' ');
				nd_ip6addr(nd, tp + i);
			}
			ND_CHR(nd, ')');
			break;
		case O_SIP_SERVER_D:
		case O_DOMAIN_LIST:
			while (tp < oend) {
				ND_CHR(nd, ' ');
				tp = dns_fqdn_print(nd, tp, oend);
				if (!tp)
					goto trunc;
			}
			ND_CHR(nd, ')');
			break;
		case O_STATUS_CODE: {
			if (optlen < 2) {
				ND_STR(nd, " ?)");
				break;
			}
			unsigned code = GET_BE16(nd, tp);
			ND_CHR(nd, ' ');
			if (code > 255)
				ND_STR(nd, "INVALID code");
			else
				nd_tok(nd, dh6_stcodes, "code%u", code);
			ND_CHR(nd, ')');
			break;
		}
		case O_IA_NA:
		case O_IA_PD:
			if (optlen < 12) {
				ND_STR(nd, " ?)");
				break;
			}
			out_fmt(nd->out, " IAID:%u T1:%u T2:%u", GET_BE32(nd, tp), GET_BE32(nd, tp + 4),
				GET_BE32(nd, tp + 8));
			if (optlen > 12)
				dh6_options(nd, tp + 12, oend);
			ND_CHR(nd, ')');
			break;
		case O_IA_TA:
			if (optlen < 4) {
				ND_STR(nd, " ?)");
				break;
			}
			out_fmt(nd->out, " IAID:%u", GET_BE32(nd, tp));
			if (optlen > 4)
				dh6_options(nd, tp + 4, oend);
			ND_CHR(nd, ')');
			break;
		case O_IA_PD_PREFIX:
			if (optlen < 25) {
				ND_STR(nd, " ?)");
				break;
			}
			ND_CHR(nd, ' ');
			nd_ip6addr(nd, tp + 9);
			out_fmt(nd->out, "/%u pltime:%u vltime:%u", GET_U8(nd, tp + 8), GET_BE32(nd, tp),
				GET_BE32(nd, tp + 4));
			if (optlen > 25)
				dh6_options(nd, tp + 25, oend);
			ND_CHR(nd, ')');
			break;
		case O_LIFETIME:
		case O_CLT_TIME:
			if (optlen != 4)
				ND_STR(nd, " ?)");
			else
				out_fmt(nd->out, " %u)", GET_BE32(nd, tp));
			break;
		case O_REMOTE_ID:
			if (optlen < 4) {
				ND_STR(nd, " ?)");
				break;
			}
			out_fmt(nd->out, " %u ", GET_BE32(nd, tp));
			dh6_hex_capped(nd, tp + 4, optlen - 4);
			ND_CHR(nd, ')');
			break;
		case O_LQ_QUERY: {
			if (optlen < 17) {
				ND_STR(nd, " ?)");
				break;
			}
			uint8_t qt = GET_U8(nd, tp);
			if (qt == 1)
				ND_STR(nd, " by-address");
			else if (qt == 2)
				ND_STR(nd, " by-clientID");
			else
				out_fmt(nd->out, " type_%u", qt);
			ND_CHR(nd, ' ');
			nd_ip6addr(nd, tp + 1);
			if (optlen > 17)
				dh6_options(nd, tp + 17, oend);
			ND_CHR(nd, ')');
			break;
		}
		case O_CLIENT_DATA:
			if (optlen > 0)
				dh6_options(nd, tp, oend);
			ND_CHR(nd, ')');
			break;
		case O_LQ_RELAY_DATA:
			if (optlen < 16) {
				ND_STR(nd, " ?)");
				break;
			}
			ND_CHR(nd, ' ');
			nd_ip6addr(nd, tp);
			ND_CHR(nd, ' ');
			dh6_hex_capped(nd, tp + 16, optlen - 16);
			ND_CHR(nd, ')');
			break;
		case O_NTP_SERVER:
			if (optlen < 4) {
				ND_STR(nd, " ?)");
				break;
			}
			while (tp < oend - 4) {
				unsigned sc = GET_BE16(nd, tp), sl = GET_BE16(nd, tp + 2);
				tp += 4;
				if ((size_t)(oend - tp) < sl)
					goto trunc;
				out_fmt(nd->out, " subopt:%u", sc);
				if (sc == 1 || sc == 2) {
					if (sl != 16) {
						ND_STR(nd, " ?");
					} else {
						ND_CHR(nd, ' ');
						nd_ip6addr(nd, tp);
					}
				} else if (sc == 3) {
					ND_CHR(nd, ' ');
					if (!dns_fqdn_print(nd, tp, tp + sl))
						goto trunc;
				} else {
					ND_STR(nd, " ?");
				}
				tp += sl;
			}
			ND_CHR(nd, ')');
			break;
		case O_AFTR_NAME: {
			if (optlen < 3) {
				ND_STR(nd, " ?)");
				break;
			}
			unsigned remain = optlen;
			ND_CHR(nd, ' ');
			while (remain && GET_U8(nd, tp)) {
				unsigned ll = GET_U8(nd, tp);
				tp++;
				if (ll < remain - 1) {
					nd_printn(nd, tp, ll);
					tp += ll;
					remain -= ll + 1;
					if (GET_U8(nd, tp))
						ND_CHR(nd, '.');
				} else {
					ND_STR(nd, " ?");
					break;
				}
			}
			ND_CHR(nd, ')');
			break;
		}
		case O_NEW_POSIX_TIMEZONE:
		case O_NEW_TZDB_TIMEZONE:
		case O_MUDURL:
			if (optlen < 5) {
				ND_STR(nd, " ?)");
				break;
			}
			ND_CHR(nd, ' ');
			nd_printn(nd, tp, optlen);
			ND_CHR(nd, ')');
			break;
		default:
			ND_CHR(nd, ')');
			break;
		}
		cp += 4 + optlen;
	}
	return;
trunc:
	nd_print_trunc(nd);
}

static void dhcp6_body(struct nd *nd, const uint8_t *cp, uint32_t length)
{
	nd->protocol = "dhcp6";
	ND_STR(nd, "dhcp6");
	const uint8_t *ep = nd->snapend;
	if (nd_avail(nd, cp) > length)
		ep = cp + length;
	if (!nd_ok(nd, cp, 4)) {
		nd_print_trunc(nd);
		return;
	}
	uint8_t type = GET_U8(nd, cp);
	ND_CHR(nd, ' ');
	nd_tok(nd, dh6_msgs, "msgtype-%u", type);
	if (!nd->o->vflag)
		return;
	ND_STR(nd, " (");
	if (type != 12 && type != 13) {
		out_fmt(nd->out, "xid=%x", GET_BE32(nd, cp) & 0xffffff);
		dh6_options(nd, cp + 4, ep);
	} else {
		nd_need(nd, cp + 2, 16); /* tcpdump reads each address before its label */
		ND_STR(nd, "linkaddr=");
		nd_ip6addr(nd, cp + 2);
		nd_need(nd, cp + 18, 16);
		ND_STR(nd, " peeraddr=");
		nd_ip6addr(nd, cp + 18);
		dh6_options(nd, cp + 34, ep);
	}
	ND_CHR(nd, ')');
}

void dhcp6_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	dhcp6_body(nd, p, len);
}
