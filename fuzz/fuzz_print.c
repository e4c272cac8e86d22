/*
 * fuzz_print.c - one packet through the tcpdump-format printer.
 *
 * Input: byte 0 picks the link type (fuzz_linktypes), byte 1 the flags
 * (bits 0-1 -v count, 2 -e, 3 -x, 4 -X, 5 -q, 6 -K, 7 -n instead of -nn),
 * byte 2 how many bytes the wire length exceeds the captured length (a
 * snapped packet; an odd count also turns on -E with the associations
 * below, so ESP decryption and the printing of what it yields are fuzzed
 * too), the rest is the packet.  Output goes to /dev/null.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "../src/opts.h"
#include "../src/util/out.h"
#include "../src/print/print.h"
#include "../src/print/esp_decrypt.h"
#include "../src/pipeline.h"
#include "../src/taps.h"
#include "fuzz.h"

static struct out out;
static struct tap_print tp;
static int null_fd = -1;
/* -E for odd byte-2 inputs: SPI 0x1000 to 10.0.0.2 (the seeds' usual server) in AES-CBC with
 * HMAC, SPI 0x2000 to 2001:db8::2 in 3DES, every other SPI in AES-128-CBC */
static const char esp_spec[] =
	"0x1000@10.0.0.2 aes128-cbc-hmac96:0x00112233445566778899aabbccddeeff,"
	"0x2000@2001:db8::2 3des-cbc:0x0123456789abcdeff1e0d3c2b5a49786fedcba9876543210,"
	"aes128-cbc:0x000102030405060708090a0b0c0d0e0f";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return 0;
	if (null_fd < 0) {
		null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
		if (null_fd < 0)
			return 0;
		out_init(&out, null_fd);
		esp_sa_setup(esp_spec);
	}
	struct opts o;
	memset(&o, 0, sizeof o);
	uint8_t fl = data[1];
	o.vflag = fl & 3;
	o.eflag = (fl >> 2) & 1;
	o.xflag = (fl >> 3) & 1;
	o.Xflag = (fl >> 4) & 1;
	o.qflag = (fl >> 5) & 1;
	o.Kflag = (fl >> 6) & 1;
	o.nflag = (fl >> 7) & 1 ? 1 : 2; /* never 0: no DNS look-ups while fuzzing */
	o.numflag = 1;
	if (data[2] & 1)
		o.espsecret = esp_spec;
	int dlt = fuzz_linktypes[data[0] % FUZZ_NLINKTYPES];
	/* tcpdump mode: the print tap of the pipeline, as main.c builds it */
	struct pipeline pl;
	pipeline_init(&pl, 0);
	print_init(&tp.pr, &o, &out, dlt);
	tp.out = &out;
	pipeline_add(&pl, &tap_print_ops, &tp);
	struct pcap_pkthdr h;
	memset(&h, 0, sizeof h);
	h.ts.tv_sec = 1700000000;
	h.ts.tv_usec = 123456;
	h.caplen = (uint32_t)(size - 3);
	h.len = h.caplen + data[2];
	pipeline_packet(&pl, dlt, &h, data + 3);
	pipeline_finish(&pl, "end of input");
	pipeline_free(&pl);
	out_flush(&out);
	return 0;
}
