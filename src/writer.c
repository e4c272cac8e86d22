/* writer.c - pcap file output that is always valid on disk, and tcpdump's rotation rules. */
#include "writer.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Number of digits tcpdump pads -C file numbers to with -W N: digits of N-1. */
static int wflag_chars(long w)
{
	int c = 0;
	for (w -= 1; w > 0; w /= 10)
		c++;
	return c;
}

static void make_name(struct writer *w, long cnt, int pad)
{
	char base[sizeof w->cur];
	if (w->Gsecs) {
		struct tm tm;
		time_t t = w->Gstart;
		if (!localtime_r(&t, &tm) || strftime(base, sizeof base, w->base, &tm) == 0)
			snprintf(base, sizeof base, "%s", w->base);
	} else {
		snprintf(base, sizeof base, "%s", w->base);
	}
	int n;
	if (cnt == 0 && pad == 0)
		n = snprintf(w->cur, sizeof w->cur, "%s", base);
	else
		n = snprintf(w->cur, sizeof w->cur, "%.4000s%0*ld", base, pad, cnt);
	(void)n; /* names longer than PATH_MAX are cut, as the open() would fail anyway */
}

static void put32(unsigned char *p, uint32_t v)
{
	memcpy(p, &v, 4); /* host byte order, as pcap files are written */
}

static int write_all(struct writer *w, const unsigned char *p, size_t n, char *err)
{
	while (n > 0) {
		ssize_t k = write(w->fd, p, n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			snprintf(err, ERRBUF, "write error on '%.200s': %s", w->is_stdout ? "-" : w->cur, strerror(errno));
			return -1;
		}
		p += k;
		n -= (size_t)k;
		w->committed += (uint64_t)k; /* adjusted to a record boundary by the caller on error */
	}
	return 0;
}

/* Cut the file back to the last whole record so what is on disk stays a valid capture. */
static void cut_back(struct writer *w, uint64_t good)
{
	if (!w->is_stdout && w->fd >= 0)
		(void)!ftruncate(w->fd, (off_t)good);
	w->committed = good;
	w->fileoff = good;
	w->len = 0;
}

static int open_file(struct writer *w, char *err)
{
	if (w->is_stdout) {
		w->fd = 1;
	} else {
		w->fd = open(w->cur, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (w->fd < 0) {
			snprintf(err, ERRBUF, "%.300s: %s", w->cur, strerror(errno));
			return -1;
		}
	}
	unsigned char hdr[24];
	put32(hdr, w->nano ? 0xa1b23c4d : 0xa1b2c3d4);
	uint16_t major = 2, minor = 4;
	memcpy(hdr + 4, &major, 2);
	memcpy(hdr + 6, &minor, 2);
	put32(hdr + 8, 0);
	put32(hdr + 12, 0);
	put32(hdr + 16, (uint32_t)w->snaplen);
	put32(hdr + 20, (uint32_t)w->linktype);
	w->committed = 0;
	w->fileoff = 24;
	w->len = 0;
	if (write_all(w, hdr, sizeof hdr, err) < 0) {
		cut_back(w, 0);
		return -1;
	}
	return 0;
}

/* The file being written when something calls exit() in the middle of a capture (a fatal -E
 * error found while printing, die()): its buffered packets are written out first, as
 * tcpdump's stdio buffers are, so nothing already captured is lost. */
static struct writer *exit_writer;

static void flush_at_exit(void)
{
	char err[ERRBUF];
	if (exit_writer && exit_writer->fd >= 0)
		(void)writer_flush(exit_writer, err);
}

int writer_open(struct writer *w, const char *name, int linktype, int snaplen, int nano,
		int packet_buffered, long long Cbytes, long Gsecs, long Wcount, char *err)
{
	static int registered;
	if (!registered && atexit(flush_at_exit) == 0)
		registered = 1;
	exit_writer = w;
	memset(w, 0, sizeof *w);
	w->fd = -1;
	w->base = name;
	w->is_stdout = strcmp(name, "-") == 0;
	w->linktype = linktype;
	w->snaplen = snaplen;
	w->nano = nano;
	w->packet_buffered = packet_buffered;
	w->Cbytes = Cbytes;
	w->Gsecs = Gsecs;
	w->Wcount = Wcount;
	w->Gstart = time(NULL);
	make_name(w, 0, Cbytes ? wflag_chars(Wcount) : 0);
	w->filecount = 1;
	return open_file(w, err);
}

int writer_flush(struct writer *w, char *err)
{
	if (w->len == 0)
		return 0;
	uint64_t start = w->committed;
	/* Records in buf are whole; if the write fails part-way, keep only what
	 * ended on a record boundary (tracked by rec_end offsets is costly, so we
	 * cut back to where this flush began: every record before it is whole). */
	if (write_all(w, w->buf, w->len, err) < 0) {
		cut_back(w, start);
		return -1;
	}
	w->len = 0;
	return 0;
}

/* -z helper: names arrive NUL-terminated; each one runs CMD NAME in a child. */
_Noreturn static void postrotate_helper(int fd, const char *cmd)
{
	signal(SIGINT, SIG_IGN); /* outlive a ^C to the capture: its last names still come */
	signal(SIGHUP, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGPIPE, SIG_DFL);
	static char name[4096 + 1];
	size_t n = 0;
	for (;;) {
		char c;
		ssize_t k = read(fd, &c, 1);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			_exit(0);
		if (c != 0) {
			if (n < sizeof name - 1)
				name[n++] = c;
			continue;
		}
		name[n] = 0;
		n = 0;
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		pid_t pid = fork();
		if (pid < 0) {
			fprintf(stderr, "compress_savefile: fork failed: %s\n", strerror(errno));
			continue;
		}
		if (pid == 0) {
			close(fd);
			signal(SIGINT, SIG_DFL);
			signal(SIGHUP, SIG_DFL);
			signal(SIGTERM, SIG_DFL);
			(void)setpriority(PRIO_PROCESS, 0, 19);
			execlp(cmd, cmd, name, (char *)NULL);
			fprintf(stderr, "compress_savefile: execlp(%s, %s) failed: %s\n", cmd, name, strerror(errno));
			_exit(1);
		}
	}
}

int writer_postrotate(struct writer *w, const char *cmd, char *err)
{
	int p[2];
	if (pipe2(p, O_CLOEXEC) < 0) {
		snprintf(err, ERRBUF, "-z: pipe: %s", strerror(errno));
		return -1;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(err, ERRBUF, "-z: fork: %s", strerror(errno));
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		/* nothing of the capture's (packet socket, -w file) reaches the command */
		int fd = p[0];
		if (fd != 3) {
			if (dup2(fd, 3) < 0)
				_exit(1);
			fd = 3;
		}
		closefrom(4);
		postrotate_helper(fd, cmd);
	}
	close(p[0]);
	w->zfd = p[1];
	return 0;
}

/* Hand the closed file to the -z helper (a short write to a pipe is atomic). */
static void postrotate(struct writer *w)
{
	if (w->zfd <= 0)
		return;
	size_t n = strlen(w->cur) + 1;
	while (write(w->zfd, w->cur, n) < 0 && errno == EINTR)
		;
}

static int rotate(struct writer *w, long cnt, int pad, char *err)
{
	if (writer_flush(w, err) < 0)
		return -1;
	if (!w->is_stdout && close(w->fd) < 0) {
		snprintf(err, ERRBUF, "close error on '%.200s': %s", w->cur, strerror(errno));
		w->fd = -1;
		return -1;
	}
	w->fd = -1;
	postrotate(w);
	make_name(w, cnt, pad);
	return open_file(w, err);
}

int writer_write(struct writer *w, const struct pcap_pkthdr *h, const uint8_t *data, char *err)
{
	if (w->Gsecs) {
		time_t t = time(NULL);
		if (t - w->Gstart >= w->Gsecs) {
			w->Gstart = t;
			w->filecount++;
			if (!w->Cbytes && w->Wcount > 0 && w->filecount > w->Wcount) {
				if (writer_flush(w, err) < 0)
					return -1;
				if (w->zfd > 0 && !w->is_stdout) { /* closed now, then handed to -z */
					if (close(w->fd) < 0) {
						w->fd = -1;
						snprintf(err, ERRBUF, "close error on '%.200s': %s", w->cur, strerror(errno));
						return -1;
					}
					w->fd = -1;
					postrotate(w);
				}
				return 1;
			}
			w->Ccount = 0;
			if (rotate(w, 0, w->Cbytes ? wflag_chars(w->Wcount) : 0, err) < 0)
				return -1;
		}
	}
	if (w->Cbytes && (long long)w->fileoff > w->Cbytes) {
		w->Ccount++;
		if (w->Wcount > 0 && w->Ccount >= w->Wcount)
			w->Ccount = 0;
		if (rotate(w, w->Ccount, wflag_chars(w->Wcount), err) < 0)
			return -1;
	}
	size_t need = 16 + (size_t)h->caplen;
	if (sizeof w->buf - w->len < need && writer_flush(w, err) < 0)
		return -1;
	unsigned char rh[16];
	put32(rh, (uint32_t)h->ts.tv_sec);
	put32(rh + 4, (uint32_t)h->ts.tv_usec);
	put32(rh + 8, h->caplen);
	put32(rh + 12, h->len);
	if (need > sizeof w->buf) {
		/* Larger than the buffer: write header and data directly. */
		uint64_t start = w->committed;
		if (write_all(w, rh, 16, err) < 0 || write_all(w, data, h->caplen, err) < 0) {
			cut_back(w, start);
			return -1;
		}
		w->fileoff += need;
		return 0;
	}
	memcpy(w->buf + w->len, rh, 16);
	memcpy(w->buf + w->len + 16, data, h->caplen);
	w->len += need;
	w->fileoff += need;
	if (w->packet_buffered)
		return writer_flush(w, err);
	return 0;
}

int writer_close(struct writer *w, char *err)
{
	if (exit_writer == w)
		exit_writer = NULL;
	int rc = writer_flush(w, err);
	if (w->fd >= 0 && !w->is_stdout) {
		if (fsync(w->fd) < 0 && errno != EINVAL && errno != EROFS && rc == 0) {
			snprintf(err, ERRBUF, "write error on '%.200s': %s", w->cur, strerror(errno));
			rc = -1;
		}
		if (close(w->fd) < 0 && rc == 0) {
			snprintf(err, ERRBUF, "close error on '%.200s': %s", w->cur, strerror(errno));
			rc = -1;
		}
	}
	w->fd = -1;
	return rc;
}
