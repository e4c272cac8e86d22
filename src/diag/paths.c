/*
 * paths.c - diagnose with two capture points: findings about the path between
 * them (lost-forward, lost-return, modified-in-flight) and about the capture
 * points themselves (capture-loss: packets a capture missed, which are not
 * network loss) from synack compare's matcher result.
 */
#include "diag.h"
#include "diag_int.h"
#include "../util/fmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------- two capture points: the path between them ----------------
 *
 * Two captures of the same traffic, one near each end, decide what one alone
 * cannot: a packet seen leaving at the sender's side and never arriving at
 * the receiver's was lost between the two points, in that direction. */

#define PF_EV 8

struct pfind {
	const char *id;
	enum sev sev;
	int path;               /* 0 client->server, 1 server->client, -1 both */
	char title[260];
	char where[240];
	char conn[136];
	char ev[PF_EV][600];
	int nev;
	const char *causes;
	char next[1024];
	const struct cmp_path *p;
	int capture;            /* a capture-loss finding: JSON carries the per-capture counts */
};

static const char *const path_name[2] = {"client->server", "server->client"};

/* "1.2.3.4:80" or "[::1]:80" -> address without brackets, and the port */
static void ep_split(const char *ep, char *addr, size_t n, unsigned *port)
{
	const char *colon = strrchr(ep, ':');
	size_t len = colon ? (size_t)(colon - ep) : strlen(ep);
	if (len && ep[0] == '[' && ep[len - 1] == ']') {
		ep++;
		len -= 2;
	}
	snprintf(addr, n, "%.*s", (int)(len < n ? len : n - 1), ep);
	*port = colon ? (unsigned)strtoul(colon + 1, NULL, 10) : 0;
}

static void fmt_rate(char *buf, size_t n, uint64_t part, uint64_t whole)
{
	if (!whole || !part) {
		snprintf(buf, n, whole ? "0%%" : "-");
		return;
	}
	double r = 100.0 * (double)part / (double)whole;
	snprintf(buf, n, "%.*f%%", r < 1 ? 2 : 1, r);
}

/* One lost packet as a sentence: where it was last seen, and where it never arrived. */
static void loss_sentence(char *buf, size_t n, const struct cmp_loss *e, int path, int kind)
{
	const char *snd = path ? "server" : "client", *rcv = path ? "client" : "server";
	char what[96], ts[40], tr[40];
	if (kind == CMP_K_SYN || kind == CMP_K_SYNACK || kind == CMP_K_RST || kind == CMP_K_FIN)
		snprintf(what, sizeof what, "the %s", e->kind);
	else if (kind == CMP_K_DATA)
		snprintf(what, sizeof what, "a data segment (%u bytes)", e->len);
	else if (kind == CMP_K_ACK)
		snprintf(what, sizeof what, "an ACK");
	else
		snprintf(what, sizeof what, "a %s packet", e->kind);
	fmt_clock(ts, sizeof ts, e->t_sender);
	fmt_clock(tr, sizeof tr, e->t_receiver);
	char seq[64] = "";
	if (e->tcp)
		snprintf(seq, sizeof seq, ", %s seq %u", e->flags, e->seq);
	snprintf(buf, n, "%s left the %s at %s (%s-side packet %llu%s, %s > %s) and never reached the %s: %s (%s by the %s-side clock)",
		 what, snd, ts, snd, (unsigned long long)e->num, seq, e->src, e->dst, rcv,
		 path ? "return-path loss between them" : "lost on the way to the server, between the two capture points", tr,
		 rcv);
}

static void pfind_print(struct out *o, int json, const struct pfind *f, const struct cmp_result *r)
{
	const char *cf = r->name[r->client_cap], *sf = r->name[!r->client_cap];
	if (json) {
		out_str(o, "{\"id\":");
		out_json_str(o, f->id);
		out_str(o, ",\"severity\":");
		out_json_str(o, diag_sev_name[f->sev]);
		out_str(o, ",\"title\":");
		out_json_str(o, f->title);
		out_str(o, ",\"conn\":");
		out_json_str(o, f->conn);
		out_str(o, ",\"vantage\":\"both\",\"client_capture\":");
		out_json_str(o, cf);
		out_str(o, ",\"server_capture\":");
		out_json_str(o, sf);
		if (f->path >= 0) {
			const struct cmp_path *p = f->p;
			out_fmt(o, ",\"path\":\"%s\",\"connections\":%d,\"sent\":%llu,\"lost\":%llu,\"loss_rate\":%.6f,"
				   "\"data_sent\":%llu,\"data_lost\":%llu,\"data_loss_rate\":%.6f,\"lost_kinds\":{",
				path_name[f->path], p->conns_lost, (unsigned long long)p->sent, (unsigned long long)p->lost,
				p->sent ? (double)p->lost / (double)p->sent : 0.0, (unsigned long long)p->data_sent,
				(unsigned long long)p->data_lost,
				p->data_sent ? (double)p->data_lost / (double)p->data_sent : 0.0);
			int first = 1;
			for (int k = 0; k < CMP_NKINDS; k++)
				if (p->lost_kind[k]) {
					out_fmt(o, "%s\"%s\":%llu", first ? "" : ",", cmp_kind_name[k],
						(unsigned long long)p->lost_kind[k]);
					first = 0;
				}
			out_char(o, '}');
		}
		if (f->capture)
			out_fmt(o, ",\"capture_missed\":{\"client\":%llu,\"server\":%llu}",
				(unsigned long long)r->cap_missed[r->client_cap], (unsigned long long)r->cap_missed[!r->client_cap]);
		out_str(o, ",\"evidence\":[");
		for (int i = 0; i < f->nev; i++) {
			if (i)
				out_char(o, ',');
			out_json_str(o, f->ev[i]);
		}
		out_str(o, "],\"causes\":");
		out_json_str(o, f->causes);
		out_str(o, ",\"next\":");
		out_json_str(o, f->next);
		out_str(o, ",\"type\":\"finding\"}\n");
		return;
	}
	out_fmt(o, "\n%s [%s] %s\n", f->sev >= SEV_ERROR ? "!!" : f->sev == SEV_WARNING ? " !" : "  ", f->id, f->title);
	out_fmt(o, "   where:    %s\n", f->where);
	for (int i = 0; i < f->nev; i++)
		out_fmt(o, "   evidence: %s\n", f->ev[i]);
	out_fmt(o, "   likely:   %s\n", f->causes);
	out_fmt(o, "   next:     %s\n", f->next);
}

static const char *const next_forward =
	"on the routers and firewalls between the two capture points: nft list ruleset / iptables -L -n -v (counters of "
	"drop rules for %SERVER% port %PORT%); ip route get %SERVER% on each hop; ip -s link and ethtool -S <if> for drops; "
	"capture half way and run synack compare again to narrow the spot down";
static const char *const next_return =
	"the return route: ip route get %CLIENT% on the server and on each hop (asymmetric routing sends replies another "
	"way); nft list ruleset / iptables -L -n -v and conntrack -S (invalid and drop counters) on stateful firewalls "
	"between the captures; ip -s link and ethtool -S <if> for drops; capture half way and run synack compare again";

/* The loss finding of one path, if it lost anything; returns 1 if built. */
static int path_loss_finding(struct pfind *f, const struct cmp_result *r, int path)
{
	const struct cmp_path *p = &r->path[path];
	if (!p->lost)
		return 0;
	memset(f, 0, sizeof *f);
	f->id = path ? "lost-return" : "lost-forward";
	f->path = path;
	f->p = p;
	uint64_t hs = p->lost_kind[CMP_K_SYN] + p->lost_kind[CMP_K_SYNACK];
	uint64_t ctl = hs + p->lost_kind[CMP_K_RST] + p->lost_kind[CMP_K_FIN];
	int data_bad = p->data_sent && p->data_lost * 200 >= p->data_sent; /* 0.5% or more */
	f->sev = hs ? SEV_ERROR : ctl || data_bad ? SEV_WARNING : SEV_INFO;
	char prate[16], drate[16];
	fmt_rate(prate, sizeof prate, p->lost, p->sent);
	fmt_rate(drate, sizeof drate, p->data_lost, p->data_sent);
	const char *way = path ? "on the way back to the client" : "on the way to the server";
	if (hs)
		snprintf(f->title, sizeof f->title, "%s lost between the captures, %s", path ? "SYN-ACK" : "SYN", way);
	else if (p->data_lost)
		snprintf(f->title, sizeof f->title, "packet loss %s: %llu of %llu data segments lost (%s)", path_name[path],
			 (unsigned long long)p->data_lost, (unsigned long long)p->data_sent, drate);
	else
		snprintf(f->title, sizeof f->title, "packets lost between the captures, %s", way);
	/* examples: handshake first, then the rest, in the order of the kinds */
	double t0 = 0, t1 = 0;
	int have = 0;
	char cli[64] = "", srv[64] = "";
	unsigned port = 0;
	for (int k = 0; k < CMP_NKINDS; k++)
		for (int i = 0; i < p->nex[k]; i++) {
			const struct cmp_loss *e = &p->ex[k][i];
			if (!have || e->t_sender < t0)
				t0 = e->t_sender;
			if (!have || e->t_sender > t1)
				t1 = e->t_sender;
			if (!have) {
				unsigned p1, p2;
				ep_split(path ? e->dst : e->src, cli, sizeof cli, &p1);
				ep_split(path ? e->src : e->dst, srv, sizeof srv, &p2);
				port = p2;
				snprintf(f->conn, sizeof f->conn, "%s", e->conn);
			}
			have = 1;
			if (f->nev < PF_EV - 2 && (k <= CMP_K_FIN || f->nev < 3)) {
				char s[440];
				loss_sentence(s, sizeof s, e, path, k);
				snprintf(f->ev[f->nev++], sizeof f->ev[0], "%.130s: %s", e->conn, s);
			}
		}
	char kinds[200] = "";
	size_t kl = 0;
	for (int k = 0; k < CMP_NKINDS; k++)
		if (p->lost_kind[k] && kl < sizeof kinds) {
			int w = snprintf(kinds + kl, sizeof kinds - kl, "%s%llu %s", kl ? ", " : "", (unsigned long long)p->lost_kind[k],
					 cmp_kind_name[k]);
			kl += w > 0 ? (size_t)w : 0;
		}
	snprintf(f->ev[f->nev++], sizeof f->ev[0],
		 "%s: %llu of %llu packets the %s sent were lost (%s: %s); data segments: %llu of %llu lost (%s); "
		 "%d connection%s affected",
		 path_name[path], (unsigned long long)p->lost, (unsigned long long)p->sent, path ? "server" : "client", prate,
		 kinds, (unsigned long long)p->data_lost, (unsigned long long)p->data_sent, drate, p->conns_lost,
		 p->conns_lost == 1 ? "" : "s");
	if (!path && r->empty_cap >= 0 && f->nev < PF_EV)
		snprintf(f->ev[f->nev++], sizeof f->ev[0],
			 "the server-side capture %.150s holds no IP packets: every packet the client sent in connections "
			 "nothing answered counts as lost on the way; this assumes both captures ran at the same time",
			 r->name[r->empty_cap]);
	else if (r->beyond && f->nev < PF_EV)
		snprintf(f->ev[f->nev++], sizeof f->ev[0],
			 "%llu unanswered packet%s of connections the other capture never saw fall outside that capture's first "
			 "to last packet and %s counted as lost: this assumes both captures ran at the same time",
			 (unsigned long long)r->beyond, r->beyond == 1 ? "" : "s", r->beyond == 1 ? "is" : "are");
	uint64_t missed_rcv = r->cap_missed[path ? r->client_cap : !r->client_cap];
	if (missed_rcv && f->nev < PF_EV)
		snprintf(f->ev[f->nev++], sizeof f->ev[0],
			 "the %s-side capture also missed %llu packets (capture-loss): these losses are the ones no "
			 "acknowledgement shows arriving, some may be capture loss too",
			 path ? "client" : "server", (unsigned long long)missed_rcv);
	char a[40] = "?", b[40] = "?";
	if (have) {
		fmt_clock(a, sizeof a, t0);
		fmt_clock(b, sizeof b, t1);
	}
	snprintf(f->where, sizeof f->where, "%s, %llu packet%s in %d connection%s, %s - %s (%s-side clock)", path_name[path],
		 (unsigned long long)p->lost, p->lost == 1 ? "" : "s", p->conns_lost, p->conns_lost == 1 ? "" : "s", a, b,
		 path ? "server" : "client");
	if (hs && !path)
		f->causes = "the SYN left the client and never arrived at the server capture: it was dropped on the way to the "
			    "server, between the two capture points (a firewall or ACL, routing, a congested or faulty link). "
			    "The client-side capture alone cannot tell this from a silent server or a lost reply; the "
			    "server-side capture alone never sees the SYN at all. The unanswered SYNs, retransmissions or slow "
			    "handshakes the client-side report shows for these connections come from here";
	else if (hs)
		f->causes = "the server answered and its SYN-ACK was dropped on the way back, between the two capture points: "
			    "return-path loss (asymmetric routing, a firewall or stateful device dropping replies, a congested "
			    "link). The client-side capture alone shows only an unanswered or slow handshake and cannot tell "
			    "where it was lost; the server-side capture alone only a client that does not answer. The slow "
			    "handshakes or SYN-ACK retransmissions the two reports show for these connections come from here";
	else if (!path)
		f->causes = "packets from the client were dropped between the two capture points on the way to the server "
			    "(congestion, a faulty link, a policer or shaper, a firewall); the retransmissions each capture "
			    "shows come from this direction";
	else
		f->causes = "packets from the server were dropped between the two capture points on the way back to the client "
			    "(congestion, a faulty link, a policer or shaper, a firewall); the retransmissions each capture "
			    "shows come from this direction";
	diag_expand(f->next, sizeof f->next, path ? next_return : next_forward, srv, cli, port);
	return 1;
}

/* Packets a capture missed: they arrived (the receiver acknowledged them) or
 * left (the other capture saw them arrive) without that capture recording
 * them.  Not network loss; a capture this lossy makes loss figures less sure. */
static int capture_loss_finding(struct pfind *f, const struct cmp_result *r)
{
	uint64_t mc = r->cap_missed[r->client_cap], ms = r->cap_missed[!r->client_cap];
	if (!mc && !ms)
		return 0;
	memset(f, 0, sizeof *f);
	f->id = "capture-loss";
	f->sev = SEV_WARNING;
	f->path = -1;
	f->capture = 1;
	const char *cf = r->name[r->client_cap], *sf = r->name[!r->client_cap];
	if (mc && ms)
		snprintf(f->title, sizeof f->title,
			 "capture loss, not network loss: the client-side capture missed %llu packets, the server-side capture %llu",
			 (unsigned long long)mc, (unsigned long long)ms);
	else
		snprintf(f->title, sizeof f->title, "capture loss, not network loss: the %s-side capture missed %llu packet%s",
			 mc ? "client" : "server", (unsigned long long)(mc ? mc : ms), (mc ? mc : ms) == 1 ? "" : "s");
	snprintf(f->where, sizeof f->where, "the capture points: %.90s missed %llu, %.90s missed %llu", cf,
		 (unsigned long long)mc, sf, (unsigned long long)ms);
	for (int side = 0; side < 2; side++) {
		int k = side ? !r->client_cap : r->client_cap;
		uint64_t n = r->cap_missed[k], pv = r->cap_missed_proven[k];
		if (!n || f->nev >= PF_EV)
			continue;
		snprintf(f->ev[f->nev++], sizeof f->ev[0],
			 "the %s-side capture %.150s missed %llu packets: %llu the other capture saw it send or the receiver "
			 "acknowledged without a retransmission, %llu more (pure ACKs, resets, non-TCP) that a capture shown "
			 "to miss packets cannot be trusted to have recorded",
			 side ? "server" : "client", r->name[k], (unsigned long long)n, (unsigned long long)pv,
			 (unsigned long long)(n - pv));
	}
	f->causes = "the capture itself dropped packets (the kernel's capture buffer overflowed under load: tcpdump and "
		    "synack -i print 'packets dropped by kernel' when they stop), not the network: the other end "
		    "acknowledged these packets or the other capture saw them. Loss, retransmission and unexpected-packet "
		    "figures from a capture this lossy are less sure";
	snprintf(f->next, sizeof f->next, "%s",
		 "capture again with a bigger buffer (-B 65536), a short snap length (-s 128) and a filter for the traffic of "
		 "interest, writing to a fast local disk; check the 'packets dropped by kernel' line when the capture stops");
	return 1;
}

/* Packets that arrived changed: NAT, MSS clamping, options stripped... */
static int path_mod_finding(struct pfind *f, const struct cmp_result *r)
{
	static const char *const why[CMP_NMODS] = {
		"address/port translation (NAT)", "MSS clamping", "window scaling stripped", "SACK stripped",
		"timestamps stripped", "DSCP/ECN re-marking", "window rewritten", "payload rewritten (proxy or ALG)"};
	memset(f, 0, sizeof *f);
	f->id = "modified-in-flight";
	f->sev = SEV_INFO;
	f->path = -1;
	char kinds[200] = "";
	size_t kl = 0;
	uint64_t total = 0;
	for (int m = 0; m < CMP_NMODS; m++) {
		uint64_t n = r->path[0].mods[m] + r->path[1].mods[m];
		if (!n)
			continue;
		total += n;
		if (kl < sizeof kinds) {
			int w = snprintf(kinds + kl, sizeof kinds - kl, "%s%s", kl ? ", " : "", why[m]);
			kl += w > 0 ? (size_t)w : 0;
		}
		for (int d = 0; d < 2; d++)
			if (r->path[d].mods[m] && f->nev < PF_EV) {
				if (!f->conn[0])
					snprintf(f->conn, sizeof f->conn, "%s", r->path[d].mod_conn[m]);
				snprintf(f->ev[f->nev++], sizeof f->ev[0], "%.130s: %s %s (%llu packet%s): %s",
					 r->path[d].mod_conn[m], path_name[d], cmp_mod_name[m],
					 (unsigned long long)r->path[d].mods[m], r->path[d].mods[m] == 1 ? "" : "s",
					 r->path[d].mod_ex[m]);
			}
	}
	if (!total)
		return 0;
	snprintf(f->title, sizeof f->title, "packets modified between the captures: %s", kinds);
	snprintf(f->where, sizeof f->where, "between the two capture points, %llu change%s", (unsigned long long)total,
		 total == 1 ? "" : "s");
	f->causes = "a device between the two capture points rewrites packets (NAT gateway, firewall clamping the MSS, a "
		    "middlebox stripping TCP options or re-marking DSCP): expected if deliberate; stripped window scaling or "
		    "SACK costs throughput, and addresses differ between the two captures";
	snprintf(f->next, sizeof f->next, "%s",
		 "nft list ruleset / iptables -t nat -L -n -v and -t mangle (TCPMSS, DSCP rules) on the devices between the "
		 "captures; conntrack -L to see the translations");
	return 1;
}

int diag_paths(struct out *o, int json, const struct cmp_result *r)
{
	static struct pfind f[4];
	int nf = 0, serious = 0;
	nf += capture_loss_finding(&f[nf], r);
	nf += path_loss_finding(&f[nf], r, 0);
	nf += path_loss_finding(&f[nf], r, 1);
	nf += path_mod_finding(&f[nf], r);
	const char *cf = r->name[r->client_cap], *sf = r->name[!r->client_cap];
	const char *why = !strcmp(r->role_why, "ttl")      ? "from TTLs"
			  : !strcmp(r->role_why, "timing") ? "from timing"
			  : !strcmp(r->role_why, "empty")  ? "one capture is empty"
							   : "guessed";
	/* most serious first */
	for (int i = 1; i < nf; i++)
		for (int j = i; j > 0 && f[j].sev > f[j - 1].sev; j--) {
			struct pfind t = f[j];
			f[j] = f[j - 1];
			f[j - 1] = t;
		}
	for (int i = 0; i < nf; i++)
		serious += f[i].sev >= SEV_WARNING;
	if (!json) {
		out_fmt(o, "\n== between the captures: client side %s, server side %s (%s) ==\n", cf, sf, why);
		out_fmt(o, "synack diagnose: %llu packets matched across the captures; server-side clock = client-side clock "
			   "%+.6f s",
			(unsigned long long)r->matched, r->offset);
		for (int d = 0; d < 2; d++)
			if (r->path[d].delays)
				out_fmt(o, "; %s one-way delay %.3f ms (median)", path_name[d], r->path[d].delay_median * 1e3);
		out_char(o, '\n');
	}
	for (int i = 0; i < nf; i++)
		pfind_print(o, json, &f[i], r);
	if (json) {
		out_str(o, "{\"summary\":true,\"paths\":true,\"client_capture\":");
		out_json_str(o, cf);
		out_str(o, ",\"server_capture\":");
		out_json_str(o, sf);
		out_fmt(o, ",\"client_side_from\":\"%s\",\"clock_offset\":%.6f,\"matched\":%llu", r->role_why, r->offset,
			(unsigned long long)r->matched);
		for (int d = 0; d < 2; d++)
			out_fmt(o, ",\"%s\":{\"sent\":%llu,\"lost\":%llu,\"data_sent\":%llu,\"data_lost\":%llu,\"unexpected\":%llu,"
				   "\"delay_median\":%.6f}",
				d ? "s2c" : "c2s", (unsigned long long)r->path[d].sent, (unsigned long long)r->path[d].lost,
				(unsigned long long)r->path[d].data_sent, (unsigned long long)r->path[d].data_lost,
				(unsigned long long)r->path[d].unexpected, r->path[d].delay_median);
		out_fmt(o, ",\"findings\":%d,\"type\":\"summary\"}\n", nf);
		return serious;
	}
	if (!nf)
		out_fmt(o, "no problems found between the captures: nothing lost (%llu packets client->server, %llu "
			   "server->client), nothing modified\n",
			(unsigned long long)r->path[0].sent, (unsigned long long)r->path[1].sent);
	else
		out_fmt(o, "\n%d path finding%s\n", nf, nf == 1 ? "" : "s");
	return serious;
}
