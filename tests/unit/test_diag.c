/* Unit tests for src/diag: the table of finding kinds (complete, unique ids,
 * advice that fits the capture point) and the rendering of packet-level
 * detector events (hand-built det_event values) as findings, text and JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag/findings.h"
#include "util/out.h"

static struct out o;

static struct diag *fresh(int json)
{
	o.len = 0;
	struct diag *d = diag_new(&o, json, 0);
	d->pkts = 10; /* something was captured */
	d->tfirst = 1700000000.0;
	d->tlast = 1700000010.0;
	return d;
}

static const char *finish(struct diag *d, int *serious)
{
	*serious = diag_finish(d);
	o.buf[o.len] = 0;
	return o.buf;
}

static struct det_event ev_v4(enum det_kind k, const char *addr, const char *peer)
{
	struct det_event e;
	memset(&e, 0, sizeof e);
	e.kind = k;
	unsigned a[4], b[4];
	sscanf(addr, "%u.%u.%u.%u", &a[0], &a[1], &a[2], &a[3]);
	sscanf(peer, "%u.%u.%u.%u", &b[0], &b[1], &b[2], &b[3]);
	for (int i = 0; i < 4; i++) {
		e.addr[i] = (uint8_t)a[i];
		e.peer[i] = (uint8_t)b[i];
	}
	e.first = 1700000001.0;
	e.last = 1700000004.0;
	e.count = 3;
	e.pkts[0] = 5;
	e.pkts[1] = 9;
	e.npkts = 2;
	return e;
}

int main(void)
{
	out_init(&o, -1);
	/* The table: every kind filled in, ids unique, advice fits the vantage point. */
	for (int k = 0; k < F_COUNT; k++) {
		const struct diag_kind *x = &diag_kinds[k];
		CHECK(x->id != NULL && x->title != NULL && x->causes[V_UNKNOWN] != NULL && x->next[V_UNKNOWN] != NULL);
		if (!x->id)
			continue;
		CHECK(*x->causes[V_UNKNOWN] && *x->next[V_UNKNOWN]);
		for (int j = 0; j < k; j++)
			CHECK(strcmp(diag_kinds[j].id, x->id) != 0);
		const char *nc = diag_kind_next((enum fid)k, V_CLIENT), *ns = diag_kind_next((enum fid)k, V_SERVER);
		if (strstr(nc, "capture at the client") || strstr(diag_kind_causes((enum fid)k, V_CLIENT), "capture at the client"))
			fprintf(stderr, "client advice of %s says capture at the client\n", x->id);
		CHECK(!strstr(nc, "capture at the client"));
		CHECK(!strstr(ns, "capture at the server"));
		CHECK(!strstr(diag_kind_causes((enum fid)k, V_SERVER), "capture at the server"));
	}
	CHECK_STR(diag_kinds[F_NO_TRAFFIC].id, "no-traffic");
	CHECK_STR(diag_kinds[F_ACK_LOST].id, "ack-lost");
	CHECK_STR(diag_kinds[F_CAPTURE_LOSS].id, "capture-loss");

	/* Each detector event kind becomes its finding, with its evidence and packets. */
	int serious = 0;
	struct diag *d = fresh(1);
	d->routable = 10;
	struct det_event e = ev_v4(DET_DNS_FAILURE, "10.198.2.53", "10.198.1.2");
	snprintf(e.name, sizeof e.name, "nosuch.example");
	snprintf(e.detail, sizeof e.detail, "NXDOMAIN");
	e.qtype = 1;
	diag_det_event(d, &e);
	e = ev_v4(DET_TLS_REJECTED, "10.198.2.2", "10.198.1.2");
	e.port = 443;
	e.peer_port = 40000;
	snprintf(e.name, sizeof e.name, "www.example");
	snprintf(e.detail, sizeof e.detail, "protocol_version");
	diag_det_event(d, &e);
	e = ev_v4(DET_NEIGHBOR_UNREACHABLE, "10.198.1.77", "10.198.1.2");
	diag_det_event(d, &e);
	e = ev_v4(DET_DUPLICATE_IP, "10.198.1.5", "10.198.1.5");
	e.mac[0][5] = 0x11;
	e.mac[1][5] = 0x22;
	diag_det_event(d, &e);
	e = ev_v4(DET_TTL_EXPIRED, "10.198.2.2", "10.198.1.1");
	e.port = 80;
	e.quoted_proto = 6;
	snprintf(e.detail, sizeof e.detail, "time exceeded in transit");
	diag_det_event(d, &e);
	const char *s = finish(d, &serious);
	CHECK(serious == 5);
	CHECK(strstr(s, "{\"id\":\"dns-failure\"") != NULL);
	CHECK(strstr(s, "queries for nosuch.example (A) answered NXDOMAIN by 10.198.2.53") != NULL);
	CHECK(strstr(s, "{\"id\":\"tls-rejected\"") != NULL);
	CHECK(strstr(s, "ClientHello for www.example rejected: protocol_version") != NULL);
	CHECK(strstr(s, "\"server\":\"10.198.2.2:443\"") != NULL);
	CHECK(strstr(s, "openssl s_client -connect 10.198.2.2:443") != NULL);
	CHECK(strstr(s, "{\"id\":\"neighbor-unreachable\"") != NULL);
	CHECK(strstr(s, "3 ARP request(s) for 10.198.1.77 from 10.198.1.2") != NULL);
	CHECK(strstr(s, "{\"id\":\"duplicate-ip\"") != NULL);
	CHECK(strstr(s, "00:00:00:00:00:11 and 00:00:00:00:00:22") != NULL);
	CHECK(strstr(s, "{\"id\":\"ttl-expired\",\"severity\":\"error\",\"title\":\"packets expire on the way (ICMP time exceeded) (from 10.198.1.1)\"") != NULL);
	CHECK(strstr(s, "\"packets\":[5,9]") != NULL);
	CHECK(strstr(s, "\"first_packet\":5,\"last_packet\":9") != NULL);
	CHECK(strstr(s, "{\"summary\":true") != NULL);
	diag_free(d);

	/* Text rendering of one event; consequences nest under their root. */
	d = fresh(0);
	d->routable = 10;
	e = ev_v4(DET_TLS_REJECTED, "10.198.2.2", "10.198.1.2");
	e.port = 443;
	snprintf(e.detail, sizeof e.detail, "reset after ClientHello");
	diag_det_event(d, &e);
	static const uint8_t srv[4] = {10, 198, 2, 2}, cli[4] = {10, 198, 1, 2};
	struct group *g = diag_group_new(d, F_APP_RESET, SEV_ERROR, 0, srv, cli, 443);
	CHECK(g != NULL);
	if (g) {
		g->count = 1;
		diag_group_summary(g, "10.198.1.2:40000 -> 10.198.2.2:443", "the server reset", NULL, 0, 0, 0);
	}
	s = finish(d, &serious);
	CHECK(serious == 1);
	CHECK(strstr(s, "!! [tls-rejected] TLS handshake rejected") != NULL);
	CHECK(strstr(s, "ClientHello (no SNI) rejected: reset after ClientHello [packets 5, 9]") != NULL);
	CHECK(strstr(s, "explains (consequences, not separate problems):\n     !! [app-reset]") != NULL);
	CHECK(strstr(s, "1 finding (explaining 1 more)") != NULL);
	diag_free(d);

	/* Kernel drops: capture-loss, and a loss finding from the same capture is marked uncertain. */
	d = fresh(0);
	d->routable = 10;
	struct diag_capture_info ci = {0};
	ci.drops_known = 1;
	ci.kernel_recv = 1000;
	ci.kernel_drops = 150;
	diag_set_capture_info(d, &ci);
	g = diag_group_new(d, F_PACKET_LOSS, SEV_ERROR, 0, srv, cli, 80);
	CHECK(g != NULL);
	if (g) {
		g->count = 1;
		diag_group_summary(g, "10.198.1.2:40000 -> 10.198.2.2:80", "about 15% loss", NULL, 0, 0, 0);
	}
	s = finish(d, &serious);
	CHECK(strstr(s, "[capture-loss] the capture itself missed packets") != NULL);
	CHECK(strstr(s, "150 packet(s) dropped by the capturing kernel") != NULL);
	CHECK(strstr(s, " ! [packet-loss] packet loss; uncertain: the capture dropped 150 packet(s)") != NULL);
	diag_free(d);

	/* Nothing captured. */
	o.len = 0;
	d = diag_new(&o, 1, 0);
	s = finish(d, &serious);
	CHECK(serious == 1);
	CHECK(strncmp(s, "{\"id\":\"no-traffic\"", 18) == 0);
	diag_free(d);
	return check_done("test_diag");
}
