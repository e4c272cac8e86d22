/* Unit tests for writer.c: valid pcap output, -C rotation names, cut-back on write errors. */
#include <fcntl.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "writer.h"

static int count_packets(const char *path)
{
	char eb[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline(path, eb);
	if (!p)
		return -1;
	struct pcap_pkthdr *h;
	const u_char *d;
	int n = 0, rc;
	while ((rc = pcap_next_ex(p, &h, &d)) == 1)
		n++;
	pcap_close(p);
	return rc == PCAP_ERROR ? -2 : n;
}

static struct writer w;

int main(void)
{
	char dir[] = "/tmp/synack-writer-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char path[256], err[ERRBUF];
	uint8_t data[1000];
	memset(data, 0xab, sizeof data);
	struct pcap_pkthdr h;
	memset(&h, 0, sizeof h);
	h.caplen = h.len = sizeof data;
	h.ts.tv_sec = 1700000000;

	/* Plain file: header + 10 records, readable by libpcap. */
	snprintf(path, sizeof path, "%s/a.pcap", dir);
	CHECK(writer_open(&w, path, DLT_EN10MB, 262144, 0, 0, 0, 0, 0, err) == 0);
	for (int i = 0; i < 10; i++)
		CHECK(writer_write(&w, &h, data, err) == 0);
	CHECK(writer_close(&w, err) == 0);
	CHECK(count_packets(path) == 10);
	struct stat st;
	CHECK(stat(path, &st) == 0 && st.st_size == 24 + 10 * (16 + 1000));

	/* -C rotation (2000-byte files) with -W 3: names b.pcap0..2, wrapping. */
	snprintf(path, sizeof path, "%s/b.pcap", dir);
	CHECK(writer_open(&w, path, DLT_EN10MB, 262144, 0, 0, 2000, 0, 3, err) == 0);
	for (int i = 0; i < 10; i++)
		CHECK(writer_write(&w, &h, data, err) == 0);
	CHECK(writer_close(&w, err) == 0);
	int total = 0;
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/b.pcap%d", dir, i);
		int n = count_packets(path);
		CHECK(n >= 1 && n <= 2);
		total += n;
	}
	CHECK(total >= 3);
	snprintf(path, sizeof path, "%s/b.pcap3", dir);
	CHECK(access(path, F_OK) != 0);

	/* -C without -W: c.pcap, c.pcap1, c.pcap2 ... every packet kept. */
	snprintf(path, sizeof path, "%s/c.pcap", dir);
	CHECK(writer_open(&w, path, DLT_EN10MB, 262144, 0, 0, 2000, 0, 0, err) == 0);
	for (int i = 0; i < 10; i++)
		CHECK(writer_write(&w, &h, data, err) == 0);
	CHECK(writer_close(&w, err) == 0);
	total = count_packets(path);
	for (int i = 1; i < 10; i++) {
		snprintf(path, sizeof path, "%s/c.pcap%d", dir, i);
		int n = count_packets(path);
		if (n > 0)
			total += n;
	}
	CHECK(total == 10);

	/* A write error (fd closed under us) is reported, and the file stays valid. */
	snprintf(path, sizeof path, "%s/d.pcap", dir);
	CHECK(writer_open(&w, path, DLT_EN10MB, 262144, 0, 1, 0, 0, 0, err) == 0);
	CHECK(writer_write(&w, &h, data, err) == 0);
	int fd = w.fd;
	int ro = open(path, O_RDONLY);
	dup2(ro, fd); /* writes now fail with EBADF */
	close(ro);
	CHECK(writer_write(&w, &h, data, err) == -1);
	CHECK(strstr(err, "write error") != NULL);
	writer_close(&w, err);
	CHECK(count_packets(path) == 1);

	/* An unwritable path fails at open with the path in the message. */
	CHECK(writer_open(&w, "/nonexistent-dir/x.pcap", DLT_EN10MB, 262144, 0, 0, 0, 0, 0, err) == -1);
	CHECK(strstr(err, "/nonexistent-dir/x.pcap") != NULL);

	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK(system(cmd) == 0);
	return check_done("test_writer");
}
