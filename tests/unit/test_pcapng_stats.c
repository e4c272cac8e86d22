/*
 * Unit tests for the pcapng statistics scan in src/capture.c
 * (capture_pcapng_stats): Interface Statistics Blocks in either byte order,
 * the last block per interface counting, interfaces and sections summed, and
 * hostile files (lengths that lie, options running past the block, a file cut
 * short) read without going out of bounds.  Files are written here block by
 * block, as the pcapng format describes them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "capture.h"

static unsigned char buf[4096];
static size_t len;
static int big;

static void put32(uint32_t v)
{
	for (int i = 0; i < 4; i++)
		buf[len + (size_t)i] = (unsigned char)(big ? v >> (24 - 8 * i) : v >> (8 * i));
	len += 4;
}

static void put16(uint16_t v)
{
	buf[len] = (unsigned char)(big ? v >> 8 : v);
	buf[len + 1] = (unsigned char)(big ? v : v >> 8);
	len += 2;
}

static void put64(uint64_t v)
{
	if (big) {
		put32((uint32_t)(v >> 32));
		put32((uint32_t)v);
	} else {
		put32((uint32_t)v);
		put32((uint32_t)(v >> 32));
	}
}

static void shb(void)
{
	size_t start = len;
	memcpy(buf + len, "\x0a\x0d\x0d\x0a", 4);
	len += 4;
	put32(28);
	put32(0x1A2B3C4D);
	put16(1);
	put16(0);
	put64(~0ULL);
	put32(28);
	(void)start;
}

static void idb(void)
{
	put32(1);
	put32(20);
	put16(1);
	put16(0);
	put32(262144);
	put32(20);
}

/* ISB for interface ifid with ifrecv, ifdrop, osdrop (osdrop skipped when ~0). */
static void isb(uint32_t ifid, uint64_t recv, uint64_t ifdrop, uint64_t osdrop)
{
	uint32_t n = 12 + 12 + 12 + 12 + (osdrop != ~0ULL ? 12 : 0) + 4;
	put32(5);
	put32(n);
	put32(ifid);
	put32(0);
	put32(0);
	put16(4), put16(8), put64(recv);
	put16(5), put16(8), put64(ifdrop);
	if (osdrop != ~0ULL)
		put16(7), put16(8), put64(osdrop);
	put16(0), put16(0);
	put32(n);
}

static int scan(uint64_t *recv, uint64_t *drops)
{
	char path[] = "/tmp/synack-ngstats-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	if (write(fd, buf, len) != (ssize_t)len) {
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	int rc = capture_pcapng_stats(path, recv, drops);
	unlink(path);
	return rc;
}

int main(void)
{
	uint64_t recv = 0, drops = 0;
	for (big = 0; big < 2; big++) {
		/* the last ISB of an interface wins (periodic ISBs are running totals) */
		len = 0;
		shb();
		idb();
		isb(0, 500, 50, ~0ULL);
		isb(0, 1000, 150, 7);
		CHECK(scan(&recv, &drops) == 1 && recv == 1000 && drops == 157);
		/* two interfaces and a second section add up */
		idb();
		isb(1, 10, 1, ~0ULL);
		shb();
		idb();
		isb(0, 5, 2, 3);
		CHECK(scan(&recv, &drops) == 1 && recv == 1015 && drops == 163);
		/* 64-bit counters keep their high half */
		len = 0;
		shb();
		idb();
		isb(0, 0x100000002ULL, 0x300000000ULL, ~0ULL);
		CHECK(scan(&recv, &drops) == 1 && recv == 0x100000002ULL && drops == 0x300000000ULL);
	}
	big = 0;
	/* no ISB: nothing known */
	len = 0;
	shb();
	idb();
	CHECK(scan(&recv, &drops) == 0);
	/* an option claiming more bytes than the block has: the block's options stop there */
	len = 0;
	shb();
	idb();
	put32(5), put32(36), put32(0), put32(0), put32(0);
	put16(5), put16(200), put64(99);
	put32(36);
	CHECK(scan(&recv, &drops) == 1 && drops == 0);
	/* a block length that is not a multiple of 4, or too small, ends the scan */
	len = 0;
	shb();
	idb();
	isb(0, 7, 1, ~0ULL);
	put32(6), put32(13);
	CHECK(scan(&recv, &drops) == 1 && recv == 7 && drops == 1);
	len = 0;
	shb();
	put32(6), put32(4);
	isb(0, 7, 1, ~0ULL);
	CHECK(scan(&recv, &drops) == 0);
	/* an ISB cut short by the end of the file is not read */
	len = 0;
	shb();
	idb();
	isb(0, 7, 1, ~0ULL);
	len -= 10;
	CHECK(scan(&recv, &drops) == 0);
	/* a huge length is skipped over, not allocated or read */
	len = 0;
	shb();
	idb();
	isb(0, 8, 2, ~0ULL);
	put32(6), put32(0x7ffffff0u);
	CHECK(scan(&recv, &drops) == 1 && recv == 8 && drops == 2);
	/* an interface id beyond the table is ignored */
	len = 0;
	shb();
	isb(100000, 8, 2, ~0ULL);
	CHECK(scan(&recv, &drops) == 0);
	/* classic pcap, and a file that does not exist: not pcapng */
	len = 0;
	put32(0xa1b2c3d4);
	put32(0);
	CHECK(scan(&recv, &drops) == 0);
	CHECK(capture_pcapng_stats("/nonexistent/x.pcapng", &recv, &drops) == 0);
	return check_done("test_pcapng_stats");
}
