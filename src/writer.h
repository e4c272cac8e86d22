/*
 * writer.h - the -w pcap file writer, with tcpdump's -C / -G / -W rotation.
 *
 * synack writes pcap itself (not pcap_dump) so that a failed write can be
 * undone: the file is cut back to the end of the last record that was
 * written completely, so whatever is on disk after an error (disk full,
 * EIO, signal) is always a valid capture.  Records are buffered and written
 * with write(2); -U writes each record as it comes.
 */
#ifndef SYNACK_WRITER_H
#define SYNACK_WRITER_H

#include <pcap/pcap.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define ERRBUF 512

struct writer {
	int fd;
	int is_stdout;
	const char *base;       /* -w name (may hold strftime patterns with -G) */
	char cur[4096];         /* current file name */
	int linktype, snaplen, nano;
	int packet_buffered;    /* -U */
	long long Cbytes;       /* -C in bytes, 0 = off */
	long Gsecs;             /* -G seconds, 0 = off */
	long Wcount;            /* -W, 0 = off */
	long filecount;         /* files opened so far with -G (for -W) */
	long Ccount;            /* number of the current -C file */
	time_t Gstart;          /* start of the current -G interval */
	uint64_t committed;     /* file offset after the last complete record on disk */
	uint64_t fileoff;       /* file offset after everything buffered */
	int zfd;                /* -z: the helper's pipe (0 = no -z) */
	size_t len;
	unsigned char buf[1 << 16];
};

/* Opens the first file.  Returns 0, or -1 with err filled. */
int writer_open(struct writer *w, const char *name, int linktype, int snaplen, int nano,
		int packet_buffered, long long Cbytes, long Gsecs, long Wcount, char *err);
/*
 * Appends one record (rotating first when -C/-G say so).  Returns 0; 1 when
 * -G/-W says capture is over (tcpdump's "Maximum file limit reached");
 * -1 on a write error (err filled, file cut back to the last whole record).
 */
int writer_write(struct writer *w, const struct pcap_pkthdr *h, const uint8_t *data, char *err);
/*
 * -z CMD: forks a helper that, for each file the writer closes on rotation, forks
 * and runs "CMD FILE" (execlp, lowest priority, as tcpdump does).  Call after the
 * privilege drop and before the sandbox: afterwards the writer only writes the
 * names to a pipe.  Returns 0, or -1 with err filled.
 */
int writer_postrotate(struct writer *w, const char *cmd, char *err);
/* Writes what is buffered. 0 or -1 (file cut back on error). */
int writer_flush(struct writer *w, char *err);
/* Flushes and closes.  0 or -1. */
int writer_close(struct writer *w, char *err);

#endif
