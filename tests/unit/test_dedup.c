/*
 * Unit tests for capture-duplicate recognition (src/tcp/dedup.c): -i any
 * copies of forwarded packets (TTL one lower, outgoing or another interface),
 * identical copies, and the packets that must never be taken for duplicates
 * (real retransmissions after an answer, late copies, other hops, fragments).
 * Packets are built as decoded structs; the bytes only carry UDP length/checksum
 * (and a TCP checksum that must not matter).
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "tcp/dedup.h"

static struct dedup *dd;
static struct tracker *trk;
static uint8_t bytes[64]; /* a 20-byte IPv4 header, then TCP: checksum at 36 */

static struct pkt mk(int dir, double t, uint8_t ttl, int ptype, int ifindex, uint32_t seq)
{
	static const uint8_t A[4] = {10, 198, 1, 2}, B[4] = {10, 198, 2, 2};
	struct pkt pk;
	memset(&pk, 0, sizeof pk);
	pk.ts_sec = (int64_t)t;
	pk.ts_frac = (uint32_t)((t - (double)(int64_t)t) * 1e6 + 0.5);
	pk.l3 = 4;
	pk.proto = 6;
	pk.ttl = ttl;
	pk.ipid = 0; /* as for IPv6: the ID tells nothing */
	pk.pkttype = ptype;
	pk.ifindex = ifindex;
	memcpy(pk.src, dir ? B : A, 4);
	memcpy(pk.dst, dir ? A : B, 4);
	pk.has_tcp = 1;
	pk.tcp.sport = dir ? 80 : 40000;
	pk.tcp.dport = dir ? 40000 : 80;
	pk.tcp.seq = seq;
	pk.tcp.ack = 1;
	pk.tcp.flags = 0x18;
	pk.tcp.win = 500;
	pk.tcp.hlen = 20;
	pk.tcp.paylen = 100;
	pk.tcp.opt.mss = pk.tcp.opt.wscale = -1;
	pk.pay_off = 40;
	pk.pay_len = 0;
	return pk;
}

/* As main.c does: what is not a duplicate goes on to the tracker. */
static enum dedup_kind feed(struct pkt pk)
{
	enum dedup_kind k = dedup_packet(dd, &pk, bytes, sizeof bytes, trk);
	if (k == DEDUP_NONE)
		tracker_packet(trk, &pk, NULL);
	return k;
}

static void reset(void)
{
	dedup_free(dd);
	dd = dedup_new();
	if (trk)
		tracker_free(trk);
	struct tracker_cfg cfg = {0};
	trk = tracker_new(&cfg, NULL, NULL);
}

int main(void)
{
	bytes[36] = 0x12;
	bytes[37] = 0x34;
	reset();
	CHECK(dd != NULL && trk != NULL);

	/* -i any on a router, cooked v1: in (host), then out one TTL lower. */
	CHECK(feed(mk(0, 1.0, 64, 0, -1, 100)) == DEDUP_NONE);
	CHECK(feed(mk(0, 1.00004, 63, 4, -1, 100)) == DEDUP_FORWARDED);
	/* the answer, the same way */
	CHECK(feed(mk(1, 1.001, 64, 0, -1, 900)) == DEDUP_NONE);
	CHECK(feed(mk(1, 1.00104, 63, 4, -1, 900)) == DEDUP_FORWARDED);
	CHECK(dedup_forwarded(dd) == 2 && dedup_identical(dd) == 0);

	/* cooked v2: in on interface 2, out on 3 */
	reset();
	CHECK(feed(mk(0, 2.0, 64, 0, 2, 100)) == DEDUP_NONE);
	CHECK(feed(mk(0, 2.0001, 63, 0, 3, 100)) == DEDUP_FORWARDED);
	/* forwarded again by a second hop in the same capture */
	CHECK(feed(mk(0, 2.0002, 62, 4, 4, 100)) == DEDUP_FORWARDED);
	CHECK(dedup_forwarded(dd) == 2);

	/* not forwarded copies: two hops lower, or one lower but neither outgoing nor another interface */
	reset();
	CHECK(feed(mk(0, 3.0, 64, 0, -1, 100)) == DEDUP_NONE);
	CHECK(feed(mk(0, 3.0001, 62, 4, -1, 100)) == DEDUP_NONE);
	reset();
	CHECK(feed(mk(0, 3.0, 64, -1, -1, 100)) == DEDUP_NONE);
	CHECK(feed(mk(0, 3.0001, 63, -1, -1, 100)) == DEDUP_NONE);
	/* too late for the in -> out copy (more than DEDUP_FWD_WINDOW_US) */
	reset();
	CHECK(feed(mk(0, 4.0, 64, 0, -1, 100)) == DEDUP_NONE);
	CHECK(feed(mk(0, 5.5, 63, 4, -1, 100)) == DEDUP_NONE);
	/* another segment (other seq) is never a copy */
	CHECK(feed(mk(0, 5.5001, 62, 4, -1, 101)) == DEDUP_NONE);

	/* identical: lo on -i any (out, then in, same TTL), or the same packet twice */
	reset();
	CHECK(feed(mk(0, 6.0, 64, 4, -1, 100)) == DEDUP_NONE);
	CHECK(feed(mk(0, 6.000002, 64, 0, -1, 100)) == DEDUP_IDENTICAL);
	CHECK(feed(mk(0, 6.000003, 64, 0, -1, 100)) == DEDUP_IDENTICAL);
	CHECK(dedup_identical(dd) == 2 && dedup_forwarded(dd) == 0);
	/* the same bytes later than DEDUP_SAME_WINDOW_US: a real retransmission */
	CHECK(feed(mk(0, 6.2, 64, -1, -1, 100)) == DEDUP_NONE);
	/* the same bytes right after an answer (a fast retransmit on a LAN): not a duplicate */
	CHECK(feed(mk(0, 7.0, 64, -1, -1, 300)) == DEDUP_NONE);
	CHECK(feed(mk(1, 7.00005, 64, -1, -1, 900)) == DEDUP_NONE);
	CHECK(feed(mk(0, 7.0001, 64, -1, -1, 300)) == DEDUP_NONE);
	CHECK(dedup_identical(dd) == 2);
	/* but packets of other flows in between do not matter */
	struct pkt other = mk(1, 8.00005, 64, -1, -1, 900);
	other.tcp.dport = 40001;
	CHECK(feed(mk(0, 8.0, 64, -1, -1, 500)) == DEDUP_NONE);
	CHECK(feed(other) == DEDUP_NONE);
	CHECK(feed(mk(0, 8.0001, 64, -1, -1, 500)) == DEDUP_IDENTICAL);

	/* another SACK block or timestamp is another packet */
	reset();
	struct pkt p1 = mk(0, 9.0, 64, -1, -1, 100), p2 = p1, p3 = p1;
	p2.tcp.opt.nsack = 1;
	p2.tcp.opt.sack[0][0] = 5;
	p2.tcp.opt.sack[0][1] = 9;
	p3.tcp.opt.has_ts = 1;
	p3.tcp.opt.ts_val = 77;
	CHECK(feed(p1) == DEDUP_NONE);
	CHECK(feed(p2) == DEDUP_NONE);
	CHECK(feed(p3) == DEDUP_NONE);
	/* a SYN whose MSS (and so TCP checksum) the router clamped still pairs */
	bytes[36] = 0x56;
	struct pkt syn_out = mk(0, 9.00001, 63, 4, -1, 100);
	syn_out.tcp.opt.mss = 1400;
	CHECK(feed(syn_out) == DEDUP_FORWARDED);
	bytes[36] = 0x12;
	/* UDP: the checksum (of the payload) tells datagrams apart */
	reset();
	struct pkt u = mk(0, 9.5, 64, -1, -1, 0);
	u.has_tcp = 0;
	u.has_udp = 1;
	u.proto = 17;
	u.sport = 5353;
	u.dport = 53;
	u.pay_off = 28; /* UDP header at 20: length at 24, checksum at 26 */
	bytes[24] = 0;
	bytes[25] = 30;
	bytes[26] = 0xab;
	CHECK(feed(u) == DEDUP_NONE);
	bytes[26] = 0xac;
	u.ts_frac += 10;
	CHECK(feed(u) == DEDUP_NONE);
	u.ts_frac += 10;
	CHECK(feed(u) == DEDUP_IDENTICAL);
	CHECK(dedup_packet(dd, &u, bytes, 26, trk) == DEDUP_NONE); /* checksum not captured: another key */

	/* never matched: fragments, IPv6 other than TCP/UDP, non-IP */
	reset();
	struct pkt f = mk(0, 10.0, 64, 0, -1, 100);
	f.frag = 1;
	CHECK(feed(f) == DEDUP_NONE && feed(f) == DEDUP_NONE);
	struct pkt v6 = mk(0, 10.1, 64, 0, -1, 100);
	v6.l3 = 6;
	v6.has_tcp = 0;
	v6.proto = 58;
	CHECK(feed(v6) == DEDUP_NONE && feed(v6) == DEDUP_NONE);
	struct pkt arp = mk(0, 10.2, 64, 0, -1, 100);
	arp.l3 = 0;
	arp.has_tcp = 0;
	CHECK(feed(arp) == DEDUP_NONE && feed(arp) == DEDUP_NONE);
	CHECK(dedup_identical(dd) == 0 && dedup_forwarded(dd) == 0);

	/* without a tracker (NULL) nothing is known about answers: copies are identical */
	dedup_free(dd);
	dd = dedup_new();
	struct pkt q = mk(0, 11.0, 64, -1, -1, 100);
	CHECK(dedup_packet(dd, &q, bytes, sizeof bytes, NULL) == DEDUP_NONE);
	q = mk(0, 11.0001, 64, -1, -1, 100);
	CHECK(dedup_packet(dd, &q, bytes, sizeof bytes, NULL) == DEDUP_IDENTICAL);

	dedup_free(dd);
	tracker_free(trk);
	return check_done("test_dedup");
}
