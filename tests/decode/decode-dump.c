/*
 * decode-dump.c - test helper for tests/decode/agree.sh: reads a capture with
 * libpcap and prints, per packet, the analysis decoder's innermost tuple
 * (decode_dump_line() in src/decode/decode.c), plus why there is none.
 * Built by agree.sh itself:  cc -Isrc tests/decode/decode-dump.c src/decode/decode.c -lpcap
 */
#include <pcap/pcap.h>
#include <stdio.h>

#include "decode/decode.h"

int main(int argc, char **argv)
{
	char err[PCAP_ERRBUF_SIZE];
	if (argc != 2) {
		fprintf(stderr, "usage: decode-dump FILE\n");
		return 2;
	}
	pcap_t *p = pcap_open_offline(argv[1], err);
	if (!p) {
		fprintf(stderr, "decode-dump: %s\n", err);
		return 1;
	}
	int dlt = pcap_datalink(p);
	struct pcap_pkthdr *h;
	const u_char *d;
	static struct pkt pk;
	char line[512];
	uint64_t n = 0;
	int rc;
	while ((rc = pcap_next_ex(p, &h, &d)) == 1) {
		pk.num = ++n;
		decode_packet(&pk, dlt, d, h->caplen, h->len);
		decode_dump_line(&pk, line, sizeof line);
		printf("%s frag=%d trunc=%d inv=%d\n", line, pk.frag, pk.truncated, pk.invalid);
	}
	pcap_close(p);
	return 0;
}
