/*
 * Unit tests for Karn's rule in the tracker (RFC 6298 section 5): no RTT
 * sample from a retransmitted segment, SYN and SYN-ACK included, and the
 * handshake halves unknown across a retransmission; and for the capture-loss
 * signs per direction (gaps the receiver acknowledged without any fill in the
 * capture vs gaps filled by a retransmission, told from reordering by the
 * retransmission tags or by the fill's IP ID).  Packets are built as decoded
 * structs; the expected values follow from the timestamps written here.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "tcp/track.h"

static struct tracker *trk;
static uint64_t num;
static const uint8_t CLI[4] = {10, 0, 0, 1}, SRV[4] = {10, 0, 0, 2};

#define S TCPF_SYN
#define A TCPF_ACK

static uint16_t cur_ipid;  /* IP ID of the next packet (0: none, as many stacks send with DF) */

/* dir 0: client -> server */
static struct tcp_result seg(int dir, double t, uint8_t flags, uint32_t seq, uint32_t ack, uint32_t len)
{
	struct pkt pk;
	memset(&pk, 0, sizeof pk);
	pk.num = ++num;
	pk.ts_sec = (int64_t)t;
	pk.ts_frac = (uint32_t)((t - (double)(int64_t)t) * 1e6 + 0.5);
	pk.l3 = 4;
	pk.ttl = 64;
	pk.ipid = cur_ipid;
	memcpy(pk.src, dir ? SRV : CLI, 4);
	memcpy(pk.dst, dir ? CLI : SRV, 4);
	pk.has_tcp = 1;
	pk.tcp.sport = dir ? 25 : 40000;
	pk.tcp.dport = dir ? 40000 : 25;
	pk.tcp.seq = seq;
	pk.tcp.ack = ack;
	pk.tcp.flags = flags;
	pk.tcp.win = 65535;
	pk.tcp.hlen = 20;
	pk.tcp.paylen = len;
	pk.tcp.opt.mss = -1;
	pk.tcp.opt.wscale = -1;
	struct tcp_result r;
	tracker_packet(trk, &pk, &r);
	return r;
}

static void reset(void)
{
	if (trk)
		tracker_free(trk);
	struct tracker_cfg cfg = {0};
	trk = tracker_new(&cfg, NULL, NULL);
	num = 0;
}

static int near(double a, double b)
{
	return fabs(a - b) < 1e-4;
}

/* Client ISN 1000, server ISN 5000; the handshake at the given times. */
static struct conn *handshake(double tsyn, double tsynack, double tack)
{
	seg(0, tsyn, S, 1000, 0, 0);
	seg(1, tsynack, S | A, 5000, 1001, 0);
	return seg(0, tack, A, 1001, 5001, 0).conn;
}

int main(void)
{
	struct tcp_result r;
	struct conn *c;

	/* A clean handshake: both halves and one sample (20 ms). */
	reset();
	c = handshake(10.0, 10.010, 10.020);
	CHECK(c && near(conn_hs_rtt_syn(c), 0.010));
	CHECK(c && near(conn_hs_rtt_ack(c), 0.010));
	CHECK(c && near(conn_hs_rtt(c), 0.020));
	CHECK(c && c->rtt_n == 1 && near(c->rtt_max, 0.020));

	/* The final ACK lost (capture at the server): SYN-ACK again after 1 s, then the
	 * ACK 30 ms later.  SYN-ACK -> ACK is ambiguous, no 1031 ms sample. */
	reset();
	seg(0, 20.0, S, 1000, 0, 0);
	seg(1, 20.001, S | A, 5000, 1001, 0);
	r = seg(1, 21.001, S | A, 5000, 1001, 0);
	CHECK(r.tags & TAG_SYN_RETRANS);
	c = seg(0, 21.031, A, 1001, 5001, 0).conn;
	CHECK(c && c->established);
	CHECK(c && c->synack_rtt_unknown == 1 && c->syn_rtt_unknown == 0);
	CHECK(c && conn_hs_rtt_ack(c) < 0);
	CHECK(c && near(conn_hs_rtt_syn(c), 0.001));
	CHECK(c && conn_hs_rtt(c) < 0);
	CHECK(c && c->rtt_n == 0);
	/* The server's banner then gets a real sample (its ACK 5 ms later). */
	seg(1, 21.040, A, 5001, 1001, 100);
	r = seg(0, 21.045, A, 1001, 5101, 0);
	CHECK(near(r.ack_rtt, 0.005));
	CHECK(c && c->rtt_n == 1 && c->rtt_max < 0.010);

	/* The SYN sent twice: SYN -> SYN-ACK ambiguous, SYN-ACK -> ACK still known. */
	reset();
	seg(0, 30.0, S, 1000, 0, 0);
	r = seg(0, 31.0, S, 1000, 0, 0);
	CHECK(r.tags & TAG_SYN_RETRANS);
	seg(1, 31.020, S | A, 5000, 1001, 0);
	c = seg(0, 31.040, A, 1001, 5001, 0).conn;
	CHECK(c && c->syn_rtt_unknown == 1 && c->synack_rtt_unknown == 0);
	CHECK(c && conn_hs_rtt_syn(c) < 0);
	CHECK(c && near(conn_hs_rtt_ack(c), 0.020));
	CHECK(c && conn_hs_rtt(c) < 0);
	CHECK(c && c->rtt_n == 0);

	/* The SYN-ACK sent again after the ACK (capture at the client, the ACK lost
	 * later): the first ACK answered the only SYN-ACK then, both halves known. */
	reset();
	c = handshake(40.0, 40.020, 40.021);
	seg(1, 41.020, S | A, 5000, 1001, 0);
	seg(0, 41.021, A, 1001, 5001, 0);
	CHECK(c && c->syn_rtt_unknown == 0 && c->synack_rtt_unknown == 0);
	CHECK(c && near(conn_hs_rtt(c), 0.021));
	CHECK(c && c->rtt_n == 1 && near(c->rtt_max, 0.021));

	/* Data: a clean segment gives a sample, a retransmitted one does not. */
	reset();
	c = handshake(50.0, 50.001, 50.002);
	seg(0, 51.0, A, 1001, 5001, 100);
	r = seg(1, 51.010, A, 5001, 1101, 0);
	CHECK(near(r.ack_rtt, 0.010));
	CHECK(c && c->rtt_n == 2);
	seg(0, 52.0, A, 1101, 5001, 100);
	r = seg(0, 52.300, A, 1101, 5001, 100); /* RTO */
	CHECK(r.tags & TAG_RETRANS);
	r = seg(1, 52.310, A, 5001, 1201, 0);
	CHECK(r.ack_rtt < 0);
	CHECK(c && c->rtt_n == 2 && c->rtt_max < 0.011);
	/* Part of a segment sent again (a smaller retransmission): still no sample. */
	seg(0, 53.0, A, 1201, 5001, 1000);
	r = seg(0, 53.400, A, 1201, 5001, 500);
	CHECK(r.tags & TAG_RETRANS);
	seg(0, 53.401, A, 1701, 5001, 500);
	r = seg(1, 53.410, A, 5001, 2201, 0);
	CHECK(r.ack_rtt < 0);
	CHECK(c && c->rtt_n == 2);

	/* Capture gap: bytes 1101..1201 never captured, the receiver ACKs past them. */
	reset();
	c = handshake(60.0, 60.001, 60.002);
	seg(0, 61.0, A, 1001, 5001, 100);
	r = seg(0, 61.001, A, 1101 + 100, 5001, 100);
	CHECK(r.tags & TAG_LOST_SEGMENT);
	CHECK(c && c->h[0].ngap == 1);
	seg(1, 61.010, A, 5001, 1301, 0);
	CHECK(c && c->h[0].capture_gaps == 1 && c->h[0].repaired_gaps == 0 && c->h[0].ngap == 0);
	CHECK(c && c->h[1].capture_gaps == 0);

	/* Network loss: the receiver repeats its ACK, the sender retransmits the hole. */
	reset();
	c = handshake(70.0, 70.001, 70.002);
	seg(0, 71.0, A, 1001, 5001, 100);
	seg(1, 71.010, A, 5001, 1101, 0);
	r = seg(0, 71.011, A, 1201, 5001, 100);
	CHECK(r.tags & TAG_LOST_SEGMENT);
	seg(1, 71.020, A, 5001, 1101, 0);
	CHECK(c && c->h[0].ngap == 1 && c->h[0].capture_gaps == 0);
	r = seg(0, 71.300, A, 1101, 5001, 100);
	CHECK(r.tags & (TAG_RETRANS | TAG_FAST_RETRANS));
	seg(1, 71.310, A, 5001, 1301, 0);
	CHECK(c && c->h[0].repaired_gaps == 1 && c->h[0].capture_gaps == 0 && c->h[0].ngap == 0);

	/* Reordering (the hole filled within the first RTT): neither count. */
	reset();
	c = handshake(80.0, 80.010, 80.020);
	seg(0, 81.0, A, 1001, 5001, 100);
	seg(0, 81.0001, A, 1201, 5001, 100);
	r = seg(0, 81.0002, A, 1101, 5001, 100);
	CHECK(r.tags & TAG_OUT_OF_ORDER);
	seg(1, 81.010, A, 5001, 1301, 0);
	CHECK(c && c->h[0].repaired_gaps == 0 && c->h[0].capture_gaps == 0 && c->h[0].ngap == 0);

	/* A LAN: the sender repairs the hole within the first RTT, so the fill is tagged
	 * out-of-order (Wireshark's rule), but its IP ID shows it was sent after the
	 * segment that revealed the gap: a retransmission, the network lost the original. */
	reset();
	c = handshake(100.0, 100.010, 100.020);
	cur_ipid = 10;
	seg(0, 101.0, A, 1001, 5001, 100);
	cur_ipid = 12; /* id 11 lost on the path */
	seg(0, 101.0001, A, 1201, 5001, 100);
	cur_ipid = 13;
	r = seg(0, 101.0002, A, 1101, 5001, 100);
	CHECK(r.tags & TAG_OUT_OF_ORDER);
	CHECK(c && c->h[0].repaired_gaps == 1 && c->h[0].ngap == 0);
	/* The same with an older IP ID: the original, reordered on the path: no loss. */
	cur_ipid = 20;
	seg(0, 102.0, A, 1301, 5001, 100);
	cur_ipid = 22;
	seg(0, 102.0001, A, 1501, 5001, 100);
	cur_ipid = 21;
	r = seg(0, 102.0002, A, 1401, 5001, 100);
	CHECK(r.tags & TAG_OUT_OF_ORDER);
	CHECK(c && c->h[0].repaired_gaps == 1 && c->h[0].capture_gaps == 0 && c->h[0].ngap == 0);
	/* IPv4 IDs wrap: 65535 -> 1 is later. */
	cur_ipid = 65534;
	seg(0, 103.0, A, 1601, 5001, 100);
	cur_ipid = 65535;
	seg(0, 103.0001, A, 1801, 5001, 100);
	cur_ipid = 1;
	seg(0, 103.0002, A, 1701, 5001, 100);
	CHECK(c && c->h[0].repaired_gaps == 2);
	cur_ipid = 0;

	/* Bounded: more open gaps than slots are counted as untracked. */
	reset();
	c = handshake(90.0, 90.001, 90.002);
	for (uint32_t i = 0; i < GAP_SLOTS + 2; i++)
		seg(0, 91.0 + i * 0.001, A, 1001 + i * 200, 5001, 100);
	CHECK(c && c->h[0].ngap == GAP_SLOTS && c->h[0].gaps_untracked == 1);
	seg(1, 91.1, A, 5001, 1001 + (GAP_SLOTS + 2) * 200, 0);
	CHECK(c && c->h[0].ngap == 0 && c->h[0].capture_gaps == GAP_SLOTS);

	tracker_free(trk);
	return check_done("test_karn");
}
