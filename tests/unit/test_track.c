/*
 * Unit tests for the TCP tracker (src/tcp/track.c): handshake, sequence
 * wraparound, window scaling, retransmission classification, dup acks, zero
 * window probes, keep-alives, RTT, connection states, the table cap.
 * Packets are built directly as decoded structs, so each rule is tested alone.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "tcp/track.h"

static struct tracker *trk;
static struct conn last_done;
static int ndone;
static uint64_t num;

static void on_done(void *user, const struct conn *c)
{
	(void)user;
	last_done = *c;
	ndone++;
}

static const uint8_t CLI[4] = {10, 0, 0, 1}, SRV[4] = {10, 0, 0, 2};

/* dir 0: client -> server */
static struct tcp_result seg(int dir, double t, uint8_t flags, uint32_t seq, uint32_t ack, uint32_t len, uint16_t win)
{
	struct pkt pk;
	memset(&pk, 0, sizeof pk);
	pk.num = ++num;
	pk.ts_sec = (int64_t)t;
	pk.ts_frac = (uint32_t)((t - (double)(int64_t)t) * 1e6 + 0.5);
	pk.l3 = 4;
	pk.ttl = 64;
	memcpy(pk.src, dir ? SRV : CLI, 4);
	memcpy(pk.dst, dir ? CLI : SRV, 4);
	pk.has_tcp = 1;
	pk.tcp.sport = dir ? 80 : 40000;
	pk.tcp.dport = dir ? 40000 : 80;
	pk.tcp.seq = seq;
	pk.tcp.ack = ack;
	pk.tcp.flags = flags;
	pk.tcp.win = win;
	pk.tcp.hlen = 20;
	pk.tcp.paylen = len;
	pk.tcp.opt.mss = -1;
	pk.tcp.opt.wscale = -1;
	if (flags & TCPF_SYN) {
		pk.tcp.opt.mss = 1460;
		pk.tcp.opt.wscale = 7;
	}
	struct tcp_result r;
	tracker_packet(trk, &pk, &r);
	return r;
}

#define S TCPF_SYN
#define A TCPF_ACK
#define F TCPF_FIN
#define R TCPF_RST
#define P TCPF_PSH

/* An ICMP error from a router (10.0.9.9) quoting a TCP packet src:sport -> dst:dport with seq. */
static void icmp_err(double t, uint8_t type, uint8_t code, int quote_dir, uint32_t qseq)
{
	static const uint8_t RTR[4] = {10, 0, 9, 9};
	struct pkt pk;
	memset(&pk, 0, sizeof pk);
	pk.num = ++num;
	pk.ts_sec = (int64_t)t;
	pk.ts_frac = (uint32_t)((t - (double)(int64_t)t) * 1e6 + 0.5);
	pk.l3 = 4;
	pk.ttl = 250;
	memcpy(pk.src, RTR, 4);
	memcpy(pk.dst, quote_dir ? SRV : CLI, 4);
	pk.has_icmp = 1;
	pk.icmp_type = type;
	pk.icmp_code = code;
	pk.quote.valid = 1;
	pk.quote.proto = 6;
	memcpy(pk.quote.src, quote_dir ? SRV : CLI, 4);
	memcpy(pk.quote.dst, quote_dir ? CLI : SRV, 4);
	pk.quote.sport = quote_dir ? 80 : 40000;
	pk.quote.dport = quote_dir ? 40000 : 80;
	pk.quote.seq = qseq;
	struct tcp_result r;
	tracker_packet(trk, &pk, &r);
	CHECK(r.conn == NULL && r.tags == 0);  /* not a TCP packet: no tags */
}

static void reset(void)
{
	if (trk)
		tracker_free(trk);
	struct tracker_cfg cfg = {0};
	trk = tracker_new(&cfg, on_done, NULL);
	ndone = 0;
	num = 0;
}

int main(void)
{
	struct tcp_result r;

	/* Handshake near the top of sequence space: data wraps past 2^32 cleanly. */
	reset();
	uint32_t ci = 0xfffffc00u, si = 0xffffff00u;
	r = seg(0, 1.000, S, ci, 0, 0, 64240);
	CHECK(r.tags & TAG_SYN);
	r = seg(1, 1.010, S | A, si, ci + 1, 0, 65160);
	CHECK(r.tags & TAG_SYNACK);
	r = seg(0, 1.020, A, ci + 1, si + 1, 0, 502);
	CHECK(r.tags & TAG_HS_ACK);
	uint32_t cs = ci + 1;
	for (int i = 0; i < 4; i++) { /* 4 x 1000 bytes: crosses 2^32 */
		r = seg(0, 1.030 + i * 0.001, A | P, cs, si + 1, 1000, 502);
		CHECK(!(r.tags & (TAG_RETRANS | TAG_LOST_SEGMENT | TAG_OUT_OF_ORDER)));
		cs += 1000;
	}
	r = seg(1, 1.045, A, si + 1, cs, 0, 509);
	CHECK(!(r.tags & TAG_ACKED_UNSEEN));
	CHECK(r.ack_rtt >= 0 && r.ack_rtt < 0.02);

	/* Retransmission after a timeout; spurious when already acknowledged. */
	r = seg(0, 1.300, A | P, cs - 1000, si + 1, 1000, 502);
	CHECK(r.tags & TAG_SPURIOUS);
	r = seg(0, 1.301, A | P, cs, si + 1, 1000, 502);
	CHECK(r.tags == 0);
	r = seg(0, 1.700, A | P, cs, si + 1, 1000, 502);
	CHECK(r.tags & TAG_RETRANS);
	CHECK(!(r.tags & (TAG_FAST_RETRANS | TAG_SPURIOUS)));
	cs += 1000;

	/* Lost segment, dup acks #1..#3, then a fast retransmission within 20 ms. */
	r = seg(0, 2.000, A | P, cs + 1000, si + 1, 1000, 502); /* cs..cs+1000 never seen */
	CHECK(r.tags & TAG_LOST_SEGMENT);
	r = seg(1, 2.010, A, si + 1, cs, 0, 509);
	CHECK(!(r.tags & TAG_DUP_ACK));
	r = seg(1, 2.011, A, si + 1, cs, 0, 509);
	CHECK((r.tags & TAG_DUP_ACK) && r.dupack_num == 1);
	r = seg(1, 2.012, A, si + 1, cs, 0, 509);
	CHECK((r.tags & TAG_DUP_ACK) && r.dupack_num == 2);
	r = seg(1, 2.013, A, si + 1, cs, 0, 509);
	CHECK((r.tags & TAG_DUP_ACK) && r.dupack_num == 3);
	r = seg(0, 2.020, A | P, cs, si + 1, 1000, 502);
	CHECK(r.tags & TAG_FAST_RETRANS);
	r = seg(1, 2.030, A, si + 1, cs + 2000, 0, 509);
	CHECK(!(r.tags & (TAG_DUP_ACK | TAG_ACKED_UNSEEN)));
	cs += 2000;

	/* Window update: same seq/ack, new window. */
	r = seg(1, 2.040, A, si + 1, cs, 0, 700);
	CHECK(r.tags & TAG_WINDOW_UPDATE);

	/* ACK beyond anything sent: acked unseen segment. */
	r = seg(1, 2.050, A, si + 1, cs + 5000, 0, 700);
	CHECK(r.tags & TAG_ACKED_UNSEEN);

	/* Keep-alive (seq = next - 1) and its ack. */
	r = seg(0, 3.000, A, cs - 1, si + 1, 0, 502);
	CHECK(r.tags & TAG_KEEPALIVE);
	r = seg(1, 3.001, A, si + 1, cs + 5000, 0, 700);
	CHECK(r.tags & TAG_KEEPALIVE_ACK);

	/* Server closes its window; client probes; server acks the probe. */
	r = seg(1, 4.000, A, si + 1, cs, 0, 0);
	CHECK(r.tags & TAG_ZERO_WINDOW);
	r = seg(0, 4.200, A, cs, si + 1, 1, 502);
	CHECK(r.tags & TAG_ZW_PROBE);
	r = seg(1, 4.201, A, si + 1, cs, 0, 0);
	CHECK(r.tags & TAG_ZW_PROBE_ACK);

	/* Orderly close: SF. */
	seg(0, 5.000, F | A, cs, si + 1, 0, 502);
	seg(1, 5.001, F | A, si + 1, cs + 1, 0, 509);
	seg(0, 5.002, A, cs + 1, si + 2, 0, 502);
	tracker_finish(trk, "end");
	CHECK(ndone == 1);
	CHECK_STR(conn_state(&last_done), "SF");
	CHECK(last_done.h[0].retrans >= 3);
	CHECK(last_done.h[1].dupacks == 3);
	CHECK(last_done.rtt_n >= 1);
	CHECK(last_done.h[0].wscale == 7 && last_done.h[1].wscale == 7);

	/* Window full with a known scale: data reaching lastack + (win << scale). */
	reset();
	seg(0, 1.0, S, 1000, 0, 0, 64240);
	seg(1, 1.0, S | A, 5000, 1001, 0, 65160);
	seg(0, 1.0, A, 1001, 5001, 0, 502);
	seg(1, 1.01, A, 5001, 1001, 0, 16);    /* 16 << 7 = 2048 bytes of window */
	r = seg(0, 1.02, A | P, 1001, 5001, 1024, 502);
	CHECK(!(r.tags & TAG_WINDOW_FULL));
	r = seg(0, 1.03, A | P, 2025, 5001, 1024, 502);
	CHECK(r.tags & TAG_WINDOW_FULL);

	/* SYN retransmissions with attempt numbers and intervals; no answer: S0. */
	reset();
	r = seg(0, 10.0, S, 777, 0, 0, 64240);
	r = seg(0, 11.0, S, 777, 0, 0, 64240);
	CHECK((r.tags & TAG_SYN_RETRANS) && r.syn_attempt == 2 && r.syn_interval > 0.99 && r.syn_interval < 1.01);
	CHECK(r.tags & TAG_RETRANS); /* as Wireshark: a repeated SYN is a retransmission */
	r = seg(0, 13.0, S, 777, 0, 0, 64240);
	CHECK(r.syn_attempt == 3);
	tracker_finish(trk, "end");
	CHECK_STR(conn_state(&last_done), "S0");
	CHECK(last_done.syn_count == 3);

	/* Refused: RST in answer to the SYN. */
	reset();
	seg(0, 1.0, S, 100, 0, 0, 64240);
	r = seg(1, 1.001, R | A, 0, 101, 0, 0);
	CHECK((r.tags & TAG_RST) && r.rst_by == 1);
	tracker_finish(trk, "end");
	CHECK_STR(conn_state(&last_done), "REJ");

	/* A new SYN with another ISN on the same ports: port reuse, two records. */
	reset();
	seg(0, 1.0, S, 100, 0, 0, 64240);
	seg(1, 1.0, S | A, 900, 101, 0, 64240);
	seg(0, 1.0, A, 101, 901, 0, 64240);
	r = seg(0, 2.0, S, 5555, 0, 0, 64240);
	CHECK(r.tags & TAG_PORT_REUSE);
	CHECK(ndone == 1);
	tracker_finish(trk, "end");
	CHECK(ndone == 2);

	/* SYN-ACK acknowledging the wrong ISN is flagged. */
	reset();
	seg(0, 1.0, S, 100, 0, 0, 64240);
	r = seg(1, 1.0, S | A, 900, 12345, 0, 64240);
	CHECK(r.tags & TAG_BAD_ACK);

	/* Mid-stream: no handshake, the well-known port is the server, state OTH. */
	reset();
	r = seg(1, 1.0, A | P, 5000, 9000, 100, 500);
	CHECK(r.tags & TAG_WSCALE_UNKNOWN);
	CHECK(r.dir == 1);
	tracker_finish(trk, "end");
	CHECK_STR(conn_state(&last_done), "OTH");
	CHECK(last_done.cport == 40000 && last_done.sport == 80);

	/* ICMP errors quoting a packet of a live connection are attached to it: the first
	 * one is kept with the side and the kind of packet it quotes; later ones are counted. */
	reset();
	seg(0, 1.0, S, 1000, 0, 0, 64240);
	icmp_err(1.01, 3, 13, 0, 1000);         /* quotes the client's SYN */
	icmp_err(1.02, 11, 0, 1, 777);          /* another one: counted only */
	icmp_err(1.03, 3, 1, 0, 1000);
	{
		const struct conn *c = tracker_find(trk, 0, CLI, 40000, SRV, 80);
		CHECK(c && c->icmp_count == 3);
		CHECK(c && c->icmp_type == 3 && c->icmp_code == 13 && !c->icmp_v6);
		CHECK(c && c->icmp_dir == 0 && c->icmp_what == ICMP_QUOTED_SYN);
		CHECK(c && c->icmp_pkt == 2 && c->icmp_time > 1.005 && c->icmp_time < 1.015);
		CHECK(c && c->icmp_from[0] == 10 && c->icmp_from[3] == 9);
	}
	reset();
	seg(0, 1.0, S, 1000, 0, 0, 64240);
	seg(1, 1.01, S | A, 5000, 1001, 0, 65160);
	icmp_err(1.02, 3, 3, 1, 5000);          /* quotes the server's SYN-ACK */
	{
		const struct conn *c = tracker_find(trk, 0, SRV, 80, CLI, 40000);
		CHECK(c && c->icmp_count == 1 && c->icmp_dir == 1 && c->icmp_what == ICMP_QUOTED_SYNACK);
	}
	reset();
	seg(0, 1.0, S, 1000, 0, 0, 64240);
	seg(1, 1.01, S | A, 5000, 1001, 0, 65160);
	seg(0, 1.02, A, 1001, 5001, 0, 502);
	seg(0, 1.03, A | P, 1001, 5001, 100, 502);
	icmp_err(1.04, 3, 4, 0, 1001);          /* quotes client data: "other" */
	{
		const struct conn *c = tracker_find(trk, 0, CLI, 40000, SRV, 80);
		CHECK(c && c->icmp_count == 1 && c->icmp_dir == 0 && c->icmp_what == ICMP_QUOTED_OTHER);
		CHECK(c && c->h[0].pkts == 3 && c->h[1].pkts == 1); /* the error is not a packet of the connection */
	}
	icmp_err(1.05, 3, 4, 0, 1001);
	tracker_finish(trk, "end");
	CHECK(ndone == 1 && last_done.icmp_count == 2);
	icmp_err(1.06, 3, 4, 0, 1001);          /* the connection is gone: nothing to attach to */
	CHECK(ndone == 1);

	/* The table cap: the least recently active connection is finished first. */
	tracker_free(trk);
	struct tracker_cfg small = {.max_conns = 4};
	trk = tracker_new(&small, on_done, NULL);
	ndone = 0;
	for (int i = 0; i < 10; i++) {
		struct pkt pk;
		memset(&pk, 0, sizeof pk);
		pk.num = ++num;
		pk.ts_sec = 100 + i;
		pk.l3 = 4;
		memcpy(pk.src, CLI, 4);
		memcpy(pk.dst, SRV, 4);
		pk.has_tcp = 1;
		pk.tcp.sport = (uint16_t)(20000 + i);
		pk.tcp.dport = 80;
		pk.tcp.flags = S;
		pk.tcp.seq = (uint32_t)i;
		pk.tcp.opt.mss = pk.tcp.opt.wscale = -1;
		tracker_packet(trk, &pk, NULL);
	}
	CHECK(ndone == 6);
	CHECK(tracker_overflow(trk) == 6);
	CHECK(tracker_conns_seen(trk) == 10);
	tracker_free(trk);
	CHECK(ndone == 10);
	trk = NULL;
	return check_done("test_track");
}
