/*
 * vantage.c - where the capture was taken.
 *
 * A host's own packets are captured before their TTL is decremented, so they
 * carry an initial TTL (64, 128, 255, 32); packets from the far end arrive
 * with fewer.  Handshake timing agrees: at the client the SYN -> SYN-ACK gap
 * is the whole path RTT and SYN-ACK -> ACK is tiny; at the server it is the
 * other way round.  SYNs that arrive with a routed TTL and get no answer from
 * this host were captured at the receiving end (or on the way).
 */
#include "findings.h"

int diag_initial_ttl(uint8_t ttl)
{
	return ttl == 64 || ttl == 128 || ttl == 255 || ttl == 32 || ttl == 60;
}

enum vantage diag_conn_vantage(const struct conn *c)
{
	/* TTLs first: our own packets carry an initial TTL. */
	int cli_init = c->h[0].seen && diag_initial_ttl(c->h[0].ttl_first);
	int srv_init = c->h[1].seen && diag_initial_ttl(c->h[1].ttl_first);
	if (c->h[0].seen && c->h[1].seen) {
		if (cli_init && !srv_init)
			return V_CLIENT;
		if (srv_init && !cli_init)
			return V_SERVER;
		if (!cli_init && !srv_init)
			return V_MIDDLE;
		/* Both initial: the SYN was sent from here and the answer came from this link. */
		if (c->syn_count && !c->synack_count)
			return V_CLIENT;
	}
	/* Then handshake timing. */
	if (c->syn_count && c->synack_count && c->established) {
		double a = c->synack_time - c->syn_time, b = c->hs_ack_time - c->synack_time;
		if (a > 4 * b && a > 0.0005)
			return V_CLIENT;
		if (b > 4 * a && b > 0.0005)
			return V_SERVER;
		if (a > 0.0005 && b > 0.0005)
			return V_MIDDLE;
	}
	/* Only one side seen sending: a SYN with an initial TTL was sent from here;
	 * SYNs with a routed TTL and nothing back arrived here (the server's side of
	 * the path; a router capture shows the same, the other connections decide). */
	if (c->h[0].seen && !c->h[1].seen) {
		if (cli_init)
			return V_CLIENT;
		return c->syn_count ? V_SERVER : V_UNKNOWN;
	}
	if (c->h[1].seen && !c->h[0].seen)
		return srv_init ? V_SERVER : V_UNKNOWN;
	return V_UNKNOWN;
}

enum vantage diag_overall_vantage(const struct diag *d)
{
	uint64_t best = 0;
	enum vantage v = V_UNKNOWN;
	for (int i = 1; i < V_COUNT; i++)
		if (d->votes[i] > best) {
			best = d->votes[i];
			v = (enum vantage)i;
		}
	/* Packets forwarded through the capture point (-i any on a router: seen in and
	 * out) say it sits on the path when nothing else decides. */
	if (v == V_UNKNOWN && d->cap.dup_forwarded > 0)
		v = V_MIDDLE;
	return v;
}
