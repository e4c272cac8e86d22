/*
 * fuzz.h - shared bits of the fuzz targets (fuzz/fuzz_*.c).
 *
 * Each target defines LLVMFuzzerTestOneInput.  Built with
 * -fsanitize=fuzzer it is a libFuzzer binary; linked with fuzz/replay.c
 * instead it is a plain program that replays the files (or directories of
 * files) named on its command line, so a crash reproduces without libFuzzer.
 */
#ifndef SYNACK_FUZZ_H
#define SYNACK_FUZZ_H
#include <pcap/pcap.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The link types the printer and decoder handle, picked by one input byte. */
static const int fuzz_linktypes[] = {
	DLT_EN10MB, DLT_LINUX_SLL,
#ifdef DLT_LINUX_SLL2
	DLT_LINUX_SLL2,
#else
	DLT_EN10MB,
#endif
	DLT_NULL, DLT_LOOP, DLT_RAW,
#ifdef DLT_IPV4
	DLT_IPV4,
#else
	DLT_RAW,
#endif
#ifdef DLT_IPV6
	DLT_IPV6,
#else
	DLT_RAW,
#endif
	/* link types of print/wlan.c chdlc.c fr.c arcnet.c dsa.c (p-link) */
	105, 127, 119, 163, 104, 107, 7, 129, 281, 284, 285,
	/* PPP (ppp.c), SunATM, PPI, Token Ring, FDDI, LocalTalk, vsock, Juniper (appended:
	 * earlier inputs keep their link type) */
	9, 166, 50, 51, DLT_PPP_BSDOS, 123, 192, 6, 10, 114, 271,
	137, 135, 130, 132, 133, 164, 136, 167, 168, 178, 179, 180, 181,
	/* SLIP, ATM, FRF.16, USB, Bluetooth (serial.c atm.c fr.c), 802.15.4 (wpan.c), the
	 * log/tunnel/odd-media headers of links2.c (DLT values as on Linux) */
	8, 15, 11, 19, 182, 131, 134, 189, 220, 201, 195, 230, 283,
	239, 258, 149, 226, 109, 117, 99, 240, 241, 242, 122, 138, 282, 112,
};
#define FUZZ_NLINKTYPES (sizeof fuzz_linktypes / sizeof fuzz_linktypes[0])

#endif
