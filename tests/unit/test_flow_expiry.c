/*
 * Unit tests for the tracker's expiry (src/tcp/flow.c): closed connections
 * (FIN both ways, or RST) are finished close_linger seconds after their last
 * packet even when an open connection that is older (a half-closed one whose
 * last FIN the capture dropped, an idle keep-alive) sits in front of them;
 * open ones only after the idle timeout; the end of the capture and the table
 * cap still finish the least recently active connection first, across open
 * and closed ones.  (Live `diagnose -i` kept every closed connection behind
 * one such open connection until its 300 s idle timeout.)
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "tcp/track.h"

static struct tracker *trk;
static int ndone;
static uint16_t done_port[64];
static uint16_t last_port[2];   /* the last two finished, newest first */
static uint64_t num;

static void on_done(void *user, const struct conn *c)
{
	(void)user;
	if (ndone < 64)
		done_port[ndone] = c->cport;
	last_port[1] = last_port[0];
	last_port[0] = c->cport;
	ndone++;
}

static const uint8_t CLI[4] = {10, 0, 0, 1}, SRV[4] = {10, 0, 0, 2};

/* One segment of the connection from client port cport (dir 0: client -> server). */
static void seg(uint16_t cport, int dir, double t, uint8_t flags, uint32_t seq, uint32_t ack)
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
	pk.tcp.sport = dir ? 80 : cport;
	pk.tcp.dport = dir ? cport : 80;
	pk.tcp.seq = seq;
	pk.tcp.ack = ack;
	pk.tcp.flags = flags;
	pk.tcp.win = 1000;
	pk.tcp.hlen = 20;
	pk.tcp.opt.mss = pk.tcp.opt.wscale = -1;
	tracker_packet(trk, &pk, NULL);
}

#define S TCPF_SYN
#define A TCPF_ACK
#define F TCPF_FIN
#define R TCPF_RST

static void handshake(uint16_t p, double t)
{
	seg(p, 0, t, S, 100, 0);
	seg(p, 1, t + 0.001, S | A, 500, 101);
	seg(p, 0, t + 0.002, A, 101, 501);
}

/* A whole short connection: handshake, FIN both ways, last ACK. */
static void short_conn(uint16_t p, double t)
{
	handshake(p, t);
	seg(p, 1, t + 0.003, F | A, 501, 101);
	seg(p, 0, t + 0.004, F | A, 101, 502);
	seg(p, 1, t + 0.005, A, 502, 102);
}

int main(void)
{
	struct tracker_cfg live = {.close_linger = 2};   /* as diagnose -i: idle timeout 300 s */
	trk = tracker_new(&live, on_done, NULL);
	CHECK(trk != NULL);
	/* an open connection first: the server's FIN seen, the client's never */
	handshake(1000, 1.0);
	seg(1000, 1, 1.003, F | A, 501, 101);
	/* then 40 short connections that close, one of them by a RST */
	for (int i = 0; i < 40; i++)
		short_conn((uint16_t)(2000 + i), 1.1 + i * 0.01);
	handshake(3000, 1.6);
	seg(3000, 0, 1.61, R, 101, 0);
	CHECK(ndone == 0);
	tracker_tick(trk, 3.0);                  /* less than 2 s after their last packets */
	CHECK(ndone == 0);
	tracker_tick(trk, 4.0);                  /* more: every closed one, not the open one */
	CHECK(ndone == 41);
	int open_done = 0;
	for (int i = 0; i < 41; i++)
		open_done |= done_port[i] == 1000;
	CHECK(!open_done);
	/* and the same when the packets themselves advance the clock */
	for (int i = 0; i < 200; i++)
		handshake((uint16_t)(4000 + i), 4.0 + i * 0.01); /* still open: 600 packets, expiry runs every 64 */
	short_conn(5000, 10.0);
	for (int i = 0; i < 70; i++)               /* more than one expiry scan's worth */
		seg((uint16_t)(4000 + i % 30), 0, 13.0 + i * 0.001, A, 101, 501);
	CHECK(ndone == 42);                       /* 5000 too, without a tick */
	CHECK(done_port[41] == 5000);
	tracker_tick(trk, 302.0);                 /* 1000 is idle for 300 s */
	CHECK(ndone == 43);
	CHECK(done_port[42] == 1000);
	/* end of capture: the least recently active first, open or closed */
	int before = ndone;
	short_conn(6000, 302.5);                  /* closed */
	seg(4001, 0, 302.4, A, 101, 501);        /* open, with the last packet (capture order counts) */
	tracker_finish(trk, "end of capture");
	CHECK(ndone == before + 201);
	CHECK(last_port[1] == 6000 && last_port[0] == 4001);
	tracker_free(trk);

	/* The cap evicts the least recently active connection, closed or open. */
	struct tracker_cfg small = {.max_conns = 3, .close_linger = 2};
	trk = tracker_new(&small, on_done, NULL);
	ndone = 0;
	handshake(7000, 1.0);                     /* open, oldest */
	short_conn(7001, 1.1);                    /* closed */
	handshake(7002, 1.2);                     /* open */
	handshake(7003, 1.3);                     /* a fourth: 7000 goes */
	CHECK(ndone == 1 && done_port[0] == 7000);
	handshake(7004, 1.4);                     /* then 7001, the closed one */
	CHECK(ndone == 2 && done_port[1] == 7001);
	tracker_free(trk);
	CHECK(ndone == 5);
	trk = NULL;
	return check_done("test_flow_expiry");
}
