/* capture.c - libpcap: open, filter, loop, stats, signals, privileges. */
#include "capture.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#define DEFAULT_SNAPLEN 262144
/* Packet buffer timeout: the kernel hands over a block of packets at least this often. */
#define LIVE_TIMEOUT_MS 200

static pcap_t *volatile stop_handle;
static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
	if (stop_handle)
		pcap_breakloop(stop_handle);
}

void capture_signals(struct capture *c)
{
	stop_handle = c ? c->p : NULL;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

int capture_filter_compiles(const char *expr, char *errbuf, size_t errlen)
{
	pcap_t *p = pcap_open_dead(DLT_EN10MB, 262144);
	if (!p)
		return 1;
	struct bpf_program prog;
	int ok = pcap_compile(p, &prog, expr, 1, PCAP_NETMASK_UNKNOWN) == 0;
	if (ok)
		pcap_freecode(&prog);
	else
		snprintf(errbuf, errlen, "%s", pcap_geterr(p));
	pcap_close(p);
	return ok;
}

int capture_tstamp_type_from_name(const char *name)
{
	return pcap_tstamp_type_name_to_val(name);
}

int capture_selectable_fd(struct capture *c)
{
	return c->p ? pcap_get_selectable_fd(c->p) : -1;
}

int capture_set_nonblock(struct capture *c, char *err)
{
	char ebuf[PCAP_ERRBUF_SIZE];
	if (pcap_setnonblock(c->p, 1, ebuf) < 0) {
		snprintf(err, ERRBUF, "%s", ebuf);
		return -1;
	}
	return 0;
}

const char *capture_lib_version(void)
{
	return pcap_lib_version();
}

int capture_linktype_from_name(const char *name)
{
	return pcap_datalink_name_to_val(name);
}

void capture_linktype_desc(int dlt, char *buf, size_t n)
{
	const char *name = pcap_datalink_val_to_name(dlt);
	const char *desc = pcap_datalink_val_to_description(dlt);
	if (name)
		snprintf(buf, n, "%s (%s)", name, desc ? desc : "");
	else
		snprintf(buf, n, "%d", dlt);
}

/* -Q: a live capture's direction. */
static int apply_direction(struct capture *c, const struct opts *o, char *err)
{
	if (o->direction) {
		pcap_direction_t d = o->direction == 1 ? PCAP_D_IN : o->direction == 2 ? PCAP_D_OUT : PCAP_D_INOUT;
		if (pcap_setdirection(c->p, d) < 0) {
			snprintf(err, ERRBUF, "%s: pcap_setdirection() failed: %s", c->name, pcap_geterr(c->p));
			return -1;
		}
	}
	return 0;
}

/* -J: the time stamp types of the device, tcpdump's text.  Exits. */
static void list_tstamp_types(pcap_t *p, const char *dev)
{
	int *types = NULL;
	int n = pcap_list_tstamp_types(p, &types);
	if (n < 0) {
		fprintf(stderr, "synack: %s\n", pcap_geterr(p));
		exit(1);
	}
	if (n == 0) {
		fprintf(stderr, "Time stamp type cannot be set for %s\n", dev);
		exit(0);
	}
	fprintf(stderr, "Time stamp types for %s (use option -j to set):\n", dev);
	for (int i = 0; i < n; i++) {
		const char *name = pcap_tstamp_type_val_to_name(types[i]);
		if (name)
			fprintf(stderr, "  %s (%s)\n", name, pcap_tstamp_type_val_to_description(types[i]));
		else
			fprintf(stderr, "  %d\n", types[i]);
	}
	pcap_free_tstamp_types(types);
	fflush(stdout);
	exit(0);
}

/* Opens dev; *nodev = 1 when the device does not exist (the caller may then try
 * it as a number in the -D list, as tcpdump does). */
static int open_device(struct capture *c, const struct opts *o, const char *dev, int *nodev, char *err);

int capture_open_live(struct capture *c, const struct opts *o, char *err)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	memset(c, 0, sizeof *c);
	c->live = 1;
	const char *dev = o->device;
	pcap_if_t *all = NULL;
	if (!dev) {
		if (pcap_findalldevs(&all, ebuf) < 0) {
			snprintf(err, ERRBUF, "%s", ebuf);
			return -1;
		}
		if (!all) {
			snprintf(err, ERRBUF, "no interfaces available for capture");
			return -1;
		}
		static char first[256];
		snprintf(first, sizeof first, "%s", all->name);
		pcap_freealldevs(all);
		dev = first;
	}
	int nodev = 0;
	if (open_device(c, o, dev, &nodev, err) == 0)
		return 0;
	if (!nodev)
		return -1;
	/* "-i 2": the second device of -D's list */
	char *end;
	long num = strtol(dev, &end, 10);
	if (end == dev || *end)
		return -1;
	if (num <= 0) {
		snprintf(err, ERRBUF, "Invalid adapter index");
		return -1;
	}
	if (pcap_findalldevs(&all, ebuf) < 0) {
		snprintf(err, ERRBUF, "%s", ebuf);
		return -1;
	}
	pcap_if_t *d = all;
	for (long i = 1; d && i < num; i++)
		d = d->next;
	if (!d) {
		pcap_freealldevs(all);
		snprintf(err, ERRBUF, "Invalid adapter index");
		return -1;
	}
	static char byindex[256];
	snprintf(byindex, sizeof byindex, "%s", d->name);
	pcap_freealldevs(all);
	return open_device(c, o, byindex, &nodev, err);
}

static int open_device(struct capture *c, const struct opts *o, const char *dev, int *nodev, char *err)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	c->name = dev;
	c->p = pcap_create(dev, ebuf);
	if (!c->p) {
		*nodev = strstr(ebuf, "No such device") != NULL;
		snprintf(err, ERRBUF, "%s", ebuf);
		return -1;
	}
	if (o->Jflag)
		list_tstamp_types(c->p, dev);
	int st;
	pcap_set_snaplen(c->p, o->snaplen ? o->snaplen : DEFAULT_SNAPLEN);
	pcap_set_promisc(c->p, o->promisc);
	if (o->Iflag && (st = pcap_set_rfmon(c->p, 1)) != 0) {
		snprintf(err, ERRBUF, "%s: Can't set monitor mode: %s", dev, pcap_statustostr(st));
		return -1;
	}
	pcap_set_timeout(c->p, LIVE_TIMEOUT_MS);
	if (o->bufsize_kib && (st = pcap_set_buffer_size(c->p, o->bufsize_kib * 1024)) != 0) {
		snprintf(err, ERRBUF, "%s: Can't set buffer size: %s", dev, pcap_statustostr(st));
		return -1;
	}
	if (o->immediate)
		pcap_set_immediate_mode(c->p, 1);
	if (o->tstamp_precision && pcap_set_tstamp_precision(c->p, PCAP_TSTAMP_PRECISION_NANO) != 0) {
		snprintf(err, ERRBUF, "%s: Can't set nanosecond time stamp precision: %s", dev,
			 pcap_statustostr(PCAP_ERROR_TSTAMP_PRECISION_NOTSUP));
		return -1;
	}
	if (o->tstamp_type >= 0) {
		st = pcap_set_tstamp_type(c->p, o->tstamp_type);
		if (st < 0) {
			snprintf(err, ERRBUF, "%s: Can't set time stamp type: %s", dev, pcap_statustostr(st));
			return -1;
		}
		if (st > 0)
			fprintf(stderr, "synack: WARNING: When trying to set timestamp type '%s' on %s: %s\n",
				pcap_tstamp_type_val_to_name(o->tstamp_type), dev, pcap_statustostr(st));
	}
	st = pcap_activate(c->p);
	if (st < 0) {
		/* tcpdump's messages: the status, then libpcap's detail on a second line */
		const char *msg = pcap_geterr(c->p);
		if (st == PCAP_ERROR)
			snprintf(err, ERRBUF, "%s", msg);
		else if (st == PCAP_ERROR_NO_SUCH_DEVICE || (st == PCAP_ERROR_PERM_DENIED && *msg))
			snprintf(err, ERRBUF, "%s: %s\n(%s)", dev, pcap_statustostr(st), msg);
		else
			snprintf(err, ERRBUF, "%s: %s", dev, pcap_statustostr(st));
		*nodev = st == PCAP_ERROR_NO_SUCH_DEVICE;
		pcap_close(c->p);
		c->p = NULL;
		return -1;
	}
	if (st > 0) {
		const char *msg = pcap_geterr(c->p);
		if (st == PCAP_WARNING)
			fprintf(stderr, "synack: WARNING: %s\n", msg);
		else if (st == PCAP_WARNING_PROMISC_NOTSUP && *msg)
			fprintf(stderr, "synack: WARNING: %s: %s\n(%s)\n", dev, pcap_statustostr(st), msg);
		else
			fprintf(stderr, "synack: WARNING: %s: %s\n", dev, pcap_statustostr(st));
	}
	if (apply_direction(c, o, err) < 0)
		return -1;
	c->linktype = pcap_datalink(c->p);
	c->snaplen = pcap_snapshot(c->p);
	return 0;
}

int capture_set_linktype(struct capture *c, const struct opts *o, char *err)
{
	int dlt = -1;
	if (o->linktype)
		dlt = pcap_datalink_name_to_val(o->linktype);
	else if (c->name && strncmp(c->name, "any", 3) == 0)
		dlt = DLT_LINUX_SLL2; /* tcpdump 4.99 on "any": Linux cooked v2, with the interface name */
	if (dlt < 0)
		return 0;
	if (pcap_set_datalink(c->p, dlt) < 0) {
		snprintf(err, ERRBUF, "%s", pcap_geterr(c->p));
		return -1;
	}
	fprintf(stderr, "synack: data link type %s\n", pcap_datalink_val_to_name(dlt));
	fflush(stderr);
	c->linktype = pcap_datalink(c->p);
	c->snaplen = pcap_snapshot(c->p);
	return 0;
}

struct fastfile {
	int fd;
	int swapped;
	int scale;              /* 0 pass through, 1 micro->nano (x1000), -1 nano->micro (/1000) */
	uint32_t snapshot;
	unsigned char *buf;
	size_t len, off;        /* bytes in buf, read position */
	size_t size;            /* of buf */
	int eof;
};

#define FAST_BUFSZ (4u << 20)
/* A smaller file gets a smaller buffer, never below one record of the largest caplen
 * (16-byte header + 262144) so that a file growing while it is read still fits any record. */
#define FAST_BUFMIN (16u + 262144u)

/* ---- progress line on stderr for long file reads (capture_progress) ----
 * Cost: one counter increment and test per packet; the clock and the file
 * offsets are read once every PROGRESS_EVERY packets only. */
#define PROGRESS_EVERY 8192
#define PROGRESS_FILES 64
static int progress_on;
static double progress_after = 1;  /* seconds before the first line (SYNACK_PROGRESS_NOW=1: 0, for tests) */
static int progress_shown;
static uint64_t progress_pkts;
static double progress_t0, progress_last;
static struct {
	const struct capture *c;
	uint64_t size, done;    /* done: bytes read when the capture was closed */
} pfiles[PROGRESS_FILES];
static int npfiles;

void capture_progress(int on)
{
	progress_on = on;
	const char *now = getenv("SYNACK_PROGRESS_NOW");
	if (now && strcmp(now, "1") == 0)
		progress_after = 0;
}

static double mono_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t cap_offset(const struct capture *c)
{
	if (c->fast) {
		off_t o = lseek(c->fast->fd, 0, SEEK_CUR);
		return o > 0 ? (uint64_t)o : 0;
	}
	FILE *f = c->p ? pcap_file(c->p) : NULL;
	long o = f ? ftell(f) : -1;
	return o > 0 ? (uint64_t)o : 0;
}

static void progress_register(const struct capture *c, const char *path)
{
	struct stat st;
	if (!progress_on || npfiles >= PROGRESS_FILES || strcmp(path, "-") == 0 || stat(path, &st) < 0 ||
	    !S_ISREG(st.st_mode))
		return;
	pfiles[npfiles].c = c;
	pfiles[npfiles].size = (uint64_t)st.st_size;
	pfiles[npfiles].done = 0;
	npfiles++;
	if (progress_t0 == 0)
		progress_t0 = mono_now();
}

static void clock_fmt(char *b, size_t n, double s)
{
	long v = (long)(s + 0.5);
	if (v >= 3600)
		snprintf(b, n, "%ld:%02ld:%02ld", v / 3600, v / 60 % 60, v % 60);
	else
		snprintf(b, n, "%ld:%02ld", v / 60, v % 60);
}

static void progress_show(void)
{
	double now = mono_now();
	/* nothing for reads shorter than a second; then at most 4 updates a second */
	if (now - progress_t0 < progress_after || now - progress_last < 0.25)
		return;
	progress_last = now;
	uint64_t size = 0, done = 0;
	for (int i = 0; i < npfiles; i++) {
		size += pfiles[i].size;
		uint64_t d = pfiles[i].c ? cap_offset(pfiles[i].c) : pfiles[i].done;
		done += d < pfiles[i].size ? d : pfiles[i].size;
	}
	if (!size)
		return;
	double el = now - progress_t0, frac = (double)done / (double)size;
	char e[32], r[32] = "-";
	clock_fmt(e, sizeof e, el);
	if (frac > 0.01)
		clock_fmt(r, sizeof r, el / frac - el);
	char line[160];
	int n = snprintf(line, sizeof line, "\rsynack: %3.0f%% of %s%s, %.0f pkt/s, %s elapsed, %s left\033[K",
			 frac * 100, npfiles > 1 ? "the files" : "the file", "", (double)progress_pkts / el, e, r);
	if (n > 0 && write(2, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1) > 0)
		progress_shown = 1;
}

static inline void progress_tick(void)
{
	if (progress_on && (++progress_pkts % PROGRESS_EVERY) == 0 && npfiles)
		progress_show();
}

/* The read ended: clear the line so that what follows starts clean. */
static void progress_clear(void)
{
	if (progress_shown && write(2, "\r\033[K", 4) > 0)
		progress_shown = 0;
}

static uint32_t swap32(uint32_t v)
{
	return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
}

/* Set up the fast reader when the file is plain pcap with a link type synack prints. */
static void fast_setup(struct capture *c, const char *path, int want_nano)
{
	extern int print_linktype_supported(int dlt);
	if (strcmp(path, "-") == 0 || !print_linktype_supported(c->linktype))
		return;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	struct stat st;
	unsigned char hdr[24];
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || read(fd, hdr, sizeof hdr) != (ssize_t)sizeof hdr) {
		close(fd);
		return;
	}
	uint32_t magic;
	uint16_t major, minor;
	memcpy(&magic, hdr, 4);
	memcpy(&major, hdr + 4, 2);
	memcpy(&minor, hdr + 6, 2);
	int swapped = 0, nano;
	if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
		nano = magic == 0xa1b23c4d;
	} else if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) {
		swapped = 1;
		nano = magic == 0x4d3cb2a1;
		major = (uint16_t)((major >> 8) | (major << 8));
		minor = (uint16_t)((minor >> 8) | (minor << 8));
	} else {
		close(fd);
		return;
	}
	if (major != 2 || minor != 4) { /* older versions have quirks (e.g. swapped lengths before 2.3) libpcap knows about */
		close(fd);
		return;
	}
	/* From the other byte order, libpcap swaps the host-order fields of these
	 * pseudo-headers: NFLOG TLVs, Linux USB (189, 220).  Leave those to it. */
	if (swapped && (c->linktype == 239 || c->linktype == 189 || c->linktype == 220)) {
		close(fd);
		return;
	}
	struct fastfile *f = calloc(1, sizeof *f);
	size_t size = FAST_BUFSZ;
	if (st.st_size >= 0 && (uint64_t)st.st_size < FAST_BUFSZ)
		size = (size_t)st.st_size > FAST_BUFMIN ? (size_t)st.st_size : FAST_BUFMIN;
	unsigned char *buf = malloc(size);
	if (!f || !buf) {
		free(f);
		free(buf);
		close(fd);
		return;
	}
	f->fd = fd;
	f->swapped = swapped;
	f->scale = nano == want_nano ? 0 : nano ? -1 : 1;
	f->snapshot = (uint32_t)pcap_snapshot(c->p);
	f->buf = buf;
	f->size = size;
	c->fast = f;
}

/* Make at least n bytes available at f->buf + f->off; returns what is available. */
/* The slow half of fast_fill: move what is left to the front and read. */
static size_t fast_refill(struct fastfile *f, size_t n)
{
	memmove(f->buf, f->buf + f->off, f->len - f->off);
	f->len -= f->off;
	f->off = 0;
	while (f->len < n && !f->eof) {
		ssize_t k = read(f->fd, f->buf + f->len, f->size - f->len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			f->eof = 1;
			break;
		}
		f->len += (size_t)k;
	}
	return f->len - f->off;
}

/* At least n bytes at f->buf + f->off (fewer only at the end of the file);
 * returns how many there are.  Inline: the usual case is one comparison. */
static inline size_t fast_fill(struct fastfile *f, size_t n)
{
	size_t have = f->len - f->off;
	if (have >= n || f->eof)
		return have;
	return fast_refill(f, n);
}

#define FAST_ERR 256            /* fast_next's messages, before a prefix */

/* The next record of f, with libpcap's semantics and error messages (without
 * the "pcap_loop: " prefix): 1 and *hp / *datap set, 0 at the end, -1 (err filled). */
static int fast_next(struct capture *c, struct pcap_pkthdr *hp, const uint8_t **datap, char *err)
{
	struct fastfile *f = c->fast;
	for (;;) {
		size_t have = fast_fill(f, 16);
		if (have == 0)
			return 0;
		if (have < 16) {
			snprintf(err, FAST_ERR, "truncated dump file; tried to read 16 header bytes, only got %zu", have);
			return -1;
		}
		uint32_t w[4];
		memcpy(w, f->buf + f->off, 16);
		if (f->swapped)
			for (int i = 0; i < 4; i++)
				w[i] = swap32(w[i]);
		f->off += 16;
		struct pcap_pkthdr h;
		h.ts.tv_sec = (int32_t)w[0]; /* signed 32-bit in the file, as libpcap reads it */
		h.ts.tv_usec = (int32_t)w[1]; /* also signed in libpcap */
		if (f->scale > 0)
			h.ts.tv_usec = h.ts.tv_usec * 1000;
		else if (f->scale < 0)
			h.ts.tv_usec = h.ts.tv_usec / 1000;
		h.caplen = w[2];
		h.len = w[3];
		if (h.caplen > 262144) {
			if (h.caplen > f->snapshot)
				snprintf(err, FAST_ERR, "invalid packet capture length %u, bigger than snaplen of %u", h.caplen,
					 f->snapshot);
			else
				snprintf(err, FAST_ERR, "invalid packet capture length %u, bigger than maximum of %u", h.caplen,
					 262144u);
			return -1;
		}
		uint32_t keep = h.caplen > f->snapshot ? f->snapshot : h.caplen;
		have = fast_fill(f, h.caplen);
		if (have < keep || have < h.caplen) {
			size_t got = have < h.caplen ? have : h.caplen;
			snprintf(err, FAST_ERR, "truncated dump file; tried to read %u captured bytes, only got %zu", h.caplen,
				 got);
			return -1;
		}
		const uint8_t *data = f->buf + f->off;
		f->off += h.caplen;
		h.caplen = keep;
		if (c->have_prog && !pcap_offline_filter(&c->prog, &h, data))
			continue;
		*hp = h;
		*datap = data;
		progress_tick();
		return 1;
	}
}

/* libpcap's record loop semantics and error messages, reading from f. */
static int fast_loop(struct capture *c, long count, capture_cb cb, void *user, char *err)
{
	long done = 0;
	while (!c->stop && !stop_requested) {
		struct pcap_pkthdr h;
		const uint8_t *data;
		char e[FAST_ERR];
		int rc = fast_next(c, &h, &data, e);
		if (rc < 0) {
			snprintf(err, ERRBUF, "pcap_loop: %s", e);
			return -1;
		}
		if (rc == 0)
			return 0;
		cb(user, &h, data);
		if (count > 0 && ++done >= count)
			return 0;
	}
	return 0;
}

int capture_next(struct capture *c, struct pcap_pkthdr *h, const uint8_t **bytes, char *err)
{
	if (c->fast) {
		char e[FAST_ERR];
		int rc = fast_next(c, h, bytes, e);
		if (rc < 0)
			snprintf(err, ERRBUF, "%s: %s", c->name, e);
		if (rc <= 0)
			progress_clear();
		return rc;
	}
	struct pcap_pkthdr *ph;
	const u_char *d;
	int rc = pcap_next_ex(c->p, &ph, &d);
	if (rc == 1) {
		progress_tick();
		*h = *ph;
		*bytes = d;
		return 1;
	}
	if (rc == PCAP_ERROR_BREAK || rc == 0) {
		progress_clear();
		return 0;
	}
	snprintf(err, FAST_ERR, "%s: %s", c->name, pcap_geterr(c->p));
	return -1;
}

int capture_open_file(struct capture *c, const char *path, const struct opts *o, char *err)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	memset(c, 0, sizeof *c);
	c->name = path;
	c->p = pcap_open_offline_with_tstamp_precision(
		path, o->tstamp_precision ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO, ebuf);
	if (!c->p) {
		snprintf(err, ERRBUF, "%s", ebuf);
		return -1;
	}
	c->linktype = pcap_datalink(c->p);
	c->snaplen = pcap_snapshot(c->p);
	if (!getenv("SYNACK_NO_FASTREAD"))
		fast_setup(c, path, o->tstamp_precision);
	progress_register(c, path);
	return 0;
}

int capture_open_dead(struct capture *c, const struct opts *o, char *err)
{
	memset(c, 0, sizeof *c);
	int dlt = DLT_EN10MB;
	if (o->linktype) {
		dlt = pcap_datalink_name_to_val(o->linktype);
		if (dlt < 0) {
			snprintf(err, ERRBUF, "invalid data link type %s", o->linktype);
			return -1;
		}
	}
	c->p = pcap_open_dead(dlt, o->snaplen ? o->snaplen : DEFAULT_SNAPLEN);
	if (!c->p) {
		snprintf(err, ERRBUF, "pcap_open_dead failed");
		return -1;
	}
	c->linktype = dlt;
	c->snaplen = pcap_snapshot(c->p);
	return 0;
}

int capture_filter(struct capture *c, const char *expr, int dflag, int optimize, char *err)
{
	struct bpf_program prog;
	bpf_u_int32 net = 0, mask = PCAP_NETMASK_UNKNOWN;
	if (c->live && c->name) {
		char ebuf[PCAP_ERRBUF_SIZE];
		if (pcap_lookupnet(c->name, &net, &mask, ebuf) < 0) {
			net = 0;
			mask = PCAP_NETMASK_UNKNOWN;
		}
	}
	if (pcap_compile(c->p, &prog, expr ? expr : "", optimize, mask) < 0) {
		snprintf(err, ERRBUF, "%s", pcap_geterr(c->p));
		return -1;
	}
	if (dflag) {
		bpf_dump(&prog, dflag);
		pcap_freecode(&prog);
		return 0;
	}
	if (expr && pcap_setfilter(c->p, &prog) < 0) {
		snprintf(err, ERRBUF, "%s", pcap_geterr(c->p));
		pcap_freecode(&prog);
		return -1;
	}
	if (expr && c->fast) {
		c->prog = prog; /* the fast reader filters with it */
		c->have_prog = 1;
		return 0;
	}
	pcap_freecode(&prog);
	return 0;
}

struct loop_ctx {
	capture_cb cb;
	void *user;
};

static void trampoline(u_char *u, const struct pcap_pkthdr *h, const u_char *bytes)
{
	struct loop_ctx *lc = (struct loop_ctx *)(void *)u;
	progress_tick();
	lc->cb(lc->user, h, bytes);
}

static int capture_loop1(struct capture *c, long count, capture_cb cb, void *user, void (*batch_end)(void *),
			 char *err);

int capture_loop(struct capture *c, long count, capture_cb cb, void *user, void (*batch_end)(void *),
		 char *err)
{
	int rc = capture_loop1(c, count, cb, user, batch_end, err);
	progress_clear();
	return rc;
}

static int capture_loop1(struct capture *c, long count, capture_cb cb, void *user, void (*batch_end)(void *),
			 char *err)
{
	struct loop_ctx lc = {cb, user};
	if (stop_requested)
		return 0;
	if (c->fast)
		return fast_loop(c, count, cb, user, err);
	if (!c->live || !batch_end) {
		int rc = pcap_loop(c->p, count > 0 ? (int)count : -1, trampoline, (u_char *)&lc);
		if (rc == -1) {
			snprintf(err, ERRBUF, "pcap_loop: %s", pcap_geterr(c->p));
			return -1;
		}
		return 0;
	}
	/* Live: dispatch a buffer at a time so output is flushed per batch. */
	long left = count;
	while (!stop_requested && !c->stop) { /* c->stop: capture_stop() from batch_end (non-blocking handles) */
		int rc = pcap_dispatch(c->p, left > 0 ? (int)(left < 1000000 ? left : 1000000) : -1, trampoline,
				       (u_char *)&lc);
		if (rc == -1) {
			snprintf(err, ERRBUF, "pcap_loop: %s", pcap_geterr(c->p));
			return -1;
		}
		if (rc == PCAP_ERROR_BREAK)
			break;
		batch_end(user);
		if (count > 0) {
			left -= rc;
			if (left <= 0)
				return 0;
		}
	}
	/*
	 * Stopped by a signal: packets the kernel has accepted may still sit in a
	 * ring block that is not handed over yet.  Drain without blocking for a
	 * little longer than the block timeout so they reach the file too.
	 */
	if (pcap_setnonblock(c->p, 1, err) == 0) {
		struct timespec start, now;
		clock_gettime(CLOCK_MONOTONIC, &start);
		for (int i = 0; i < 1000; i++) {
			int rc = pcap_dispatch(c->p, left > 0 ? (int)left : -1, trampoline, (u_char *)&lc);
			if (rc < 0)
				break;
			if (count > 0 && (left -= rc) <= 0)
				break;
			clock_gettime(CLOCK_MONOTONIC, &now);
			long ms = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
			if (ms > 2 * LIVE_TIMEOUT_MS)
				break;
			if (rc == 0) {
				struct timespec ts = {0, 20 * 1000000};
				nanosleep(&ts, NULL);
			}
		}
		batch_end(user);
	}
	return 0;
}

int capture_interrupted(void)
{
	return stop_requested != 0;
}

void capture_stop(struct capture *c)
{
	c->stop = 1;
	pcap_breakloop(c->p);
}

void capture_print_stats(struct capture *c, unsigned long long captured)
{
	struct pcap_stat st;
	fprintf(stderr, "%llu packet%s captured\n", captured, captured == 1 ? "" : "s");
	if (pcap_stats(c->p, &st) < 0) {
		fprintf(stderr, "synack: pcap_stats: %s\n", pcap_geterr(c->p));
		return;
	}
	fprintf(stderr, "%u packet%s received by filter\n", st.ps_recv, st.ps_recv == 1 ? "" : "s");
	fprintf(stderr, "%u packet%s dropped by kernel\n", st.ps_drop, st.ps_drop == 1 ? "" : "s");
	if (st.ps_ifdrop != 0)
		fprintf(stderr, "%u packet%s dropped by interface\n", st.ps_ifdrop, st.ps_ifdrop == 1 ? "" : "s");
}

int capture_list_devices(char *err)
{
	char ebuf[PCAP_ERRBUF_SIZE];
	pcap_if_t *all = NULL;
	if (pcap_findalldevs(&all, ebuf) < 0) {
		snprintf(err, ERRBUF, "%s", ebuf);
		return -1;
	}
	int i = 1;
	for (pcap_if_t *d = all; d; d = d->next, i++) {
		printf("%d.%s", i, d->name);
		if (d->description)
			printf(" (%s)", d->description);
		const char *parts[6];
		int n = 0;
		if (d->flags & PCAP_IF_UP)
			parts[n++] = "Up";
		if (d->flags & PCAP_IF_RUNNING)
			parts[n++] = "Running";
		if (d->flags & PCAP_IF_WIRELESS)
			parts[n++] = "Wireless";
		if (d->flags & PCAP_IF_LOOPBACK)
			parts[n++] = "Loopback";
		switch (d->flags & PCAP_IF_CONNECTION_STATUS) {
		case PCAP_IF_CONNECTION_STATUS_CONNECTED:
			parts[n++] = (d->flags & PCAP_IF_WIRELESS) ? "Associated" : "Connected";
			break;
		case PCAP_IF_CONNECTION_STATUS_DISCONNECTED:
			parts[n++] = (d->flags & PCAP_IF_WIRELESS) ? "Not associated" : "Disconnected";
			break;
		default:
			break;
		}
		printf(" [");
		if (n == 0)
			printf("none");
		for (int k = 0; k < n; k++)
			printf("%s%s", k ? ", " : "", parts[k]);
		printf("]\n");
	}
	pcap_freealldevs(all);
	return 0;
}

int capture_list_linktypes(struct capture *c, char *err)
{
	int *dlts = NULL;
	int n = pcap_list_datalinks(c->p, &dlts);
	if (n < 0) {
		snprintf(err, ERRBUF, "%s", pcap_geterr(c->p));
		return -1;
	}
	fprintf(stderr, "Data link types for %s (use option -y to set):\n", c->name ? c->name : "");
	extern int print_linktype_supported(int dlt);
	for (int i = 0; i < n; i++) {
		const char *name = pcap_datalink_val_to_name(dlts[i]);
		const char *desc = pcap_datalink_val_to_description(dlts[i]);
		if (name)
			fprintf(stderr, "  %s (%s)", name, desc ? desc : "");
		else
			fprintf(stderr, "  DLT %d", dlts[i]);
		if (!print_linktype_supported(dlts[i]))
			fprintf(stderr, " (printing not supported)");
		fputc('\n', stderr);
	}
	pcap_free_datalinks(dlts);
	return 0;
}

int capture_drop_privileges(const char *user, int keep_dac, char *err)
{
	struct passwd *pw = getpwnam(user);
	if (!pw) {
		snprintf(err, ERRBUF, "Couldn't find user '%s'", user);
		return -1;
	}
	/* keep_dac: CAP_DAC_OVERRIDE survives setuid (kept permitted, made effective again)
	 * so that the one -w file can be created where tcpdump could create it; the sandbox
	 * drops it with every other capability before the first packet. */
	int keep = keep_dac && pw->pw_uid != 0 && prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) == 0;
	if (initgroups(pw->pw_name, pw->pw_gid) != 0 || setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0) {
		snprintf(err, ERRBUF, "Couldn't change to '%.32s' uid=%lu gid=%lu: %s", user,
			 (unsigned long)pw->pw_uid, (unsigned long)pw->pw_gid, strerror(errno));
		return -1;
	}
	if (keep) {
		struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
		struct __user_cap_data_struct data[2];
		memset(data, 0, sizeof data);
		data[0].effective = data[0].permitted = 1u << CAP_DAC_OVERRIDE;
		(void)syscall(SYS_capset, &hdr, data); /* failing: files are created as the user alone */
		(void)prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0);
	}
	return 0;
}

void capture_close(struct capture *c)
{
	for (int i = 0; i < npfiles; i++)
		if (pfiles[i].c == c) {
			pfiles[i].done = pfiles[i].size;
			pfiles[i].c = NULL;
		}
	progress_clear();
	if (c->stats_fd > 0) {
		close(c->stats_fd);
		c->stats_fd = 0;
	}
	if (c->fast) {
		close(c->fast->fd);
		free(c->fast->buf);
		free(c->fast);
		c->fast = NULL;
	}
	if (c->have_prog) {
		pcap_freecode(&c->prog);
		c->have_prog = 0;
	}
	if (c->p)
		pcap_close(c->p);
	c->p = NULL;
	stop_handle = NULL;
}

static int capture_loop_merged1(struct capture *caps, int n, long count, capture_merged_cb cb, void *user,
				char *err);

int capture_loop_merged(struct capture *caps, int n, long count, capture_merged_cb cb, void *user, char *err)
{
	int rc = capture_loop_merged1(caps, n, count, cb, user, err);
	progress_clear();
	return rc;
}

static int capture_loop_merged1(struct capture *caps, int n, long count, capture_merged_cb cb, void *user,
				char *err)
{
	struct pcap_pkthdr **hs = calloc((size_t)n, sizeof *hs);
	const u_char **ds = calloc((size_t)n, sizeof *ds);
	int *open = calloc((size_t)n, sizeof *open);
	/* the time of each file's first packet: packets with equal times come from
	 * the file that started first (a rotated ring given in any order) */
	struct timeval *first = calloc((size_t)n, sizeof *first);
	if (!hs || !ds || !open || !first) {
		free(hs);
		free(ds);
		free(open);
		free(first);
		snprintf(err, ERRBUF, "out of memory");
		return -1;
	}
	for (int i = 0; i < n; i++)
		open[i] = 1;
	int status = 0;
	long delivered = 0;
	while (!stop_requested) {
		int best = -1;
		for (int i = 0; i < n; i++) {
			if (open[i] && !hs[i]) {
				int rc = pcap_next_ex(caps[i].p, &hs[i], &ds[i]);
				if (rc == 1)
					progress_tick();
				if (rc != 1) {
					if (rc == PCAP_ERROR && status == 0) {
						snprintf(err, ERRBUF, "%s: %s", caps[i].name, pcap_geterr(caps[i].p));
						status = -1;
					}
					open[i] = 0;
					hs[i] = NULL;
					continue;
				}
				if (!first[i].tv_sec && !first[i].tv_usec)
					first[i] = hs[i]->ts;
			}
			if (!open[i] || !hs[i])
				continue;
			if (best < 0 || timercmp(&hs[i]->ts, &hs[best]->ts, <) ||
			    (timercmp(&hs[i]->ts, &hs[best]->ts, ==) && timercmp(&first[i], &first[best], <)))
				best = i;
		}
		if (best < 0)
			break;
		cb(user, best, hs[best], ds[best]);
		hs[best] = NULL;
		if (count > 0 && ++delivered >= count)
			break;
		if (caps[best].stop)
			break;
	}
	free(hs);
	free(ds);
	free(open);
	free(first);
	return status;
}

/* ---- kernel drop statistics ---- */

/* A window of the file, refilled with pread: every block header is checked
 * against what was actually read (pcapng: block type, total length, body,
 * total length again; RFC draft-ietf-opsawg-pcapng). */
struct ngscan {
	int fd;
	unsigned char *buf;
	size_t cap;
	uint64_t base;          /* file offset of buf[0] */
	size_t len;             /* bytes valid in buf */
	int swapped;
};

#define NG_BUFSZ (1u << 20)
#define NG_MAX_IFACES 64
#define NG_MAX_ISB (64u << 10)

/* Makes [off, off + n) available; returns a pointer or NULL at EOF / error. */
static const unsigned char *ng_get(struct ngscan *s, uint64_t off, size_t n)
{
	if (n > s->cap)
		return NULL;
	if (off >= s->base && off - s->base <= s->len && n <= s->len - (size_t)(off - s->base))
		return s->buf + (off - s->base);
	s->base = off;
	s->len = 0;
	while (s->len < s->cap) {
		ssize_t k = pread(s->fd, s->buf + s->len, s->cap - s->len, (off_t)(off + s->len));
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		s->len += (size_t)k;
	}
	return n <= s->len ? s->buf : NULL;
}

static uint32_t ng_u32(const struct ngscan *s, const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return s->swapped ? swap32(v) : v;
}

static uint16_t ng_u16(const struct ngscan *s, const unsigned char *p)
{
	uint16_t v;
	memcpy(&v, p, 2);
	return s->swapped ? (uint16_t)((v >> 8) | (v << 8)) : v;
}

static uint64_t ng_u64(const struct ngscan *s, const unsigned char *p)
{
	/* two 32-bit halves in the section's byte order, high half first in memory for big endian */
	uint32_t a = ng_u32(s, p), b = ng_u32(s, p + 4);
	uint32_t probe = 1;
	unsigned char little;
	memcpy(&little, &probe, 1);
	int file_little = little ? !s->swapped : s->swapped;
	return file_little ? ((uint64_t)b << 32 | a) : ((uint64_t)a << 32 | b);
}

struct ng_iface {
	int seen;
	uint64_t recv, drops;
	int has_recv;
};

static void ng_flush(struct ng_iface *ifs, int n, uint64_t *recv, uint64_t *drops, int *any)
{
	for (int i = 0; i < n; i++) {
		if (!ifs[i].seen)
			continue;
		*recv += ifs[i].recv;
		*drops += ifs[i].drops;
		*any = 1;
		ifs[i].seen = 0;
	}
}

/* The last ISB of each interface wins (periodic ISBs are cumulative). */
static int ng_scan_fd(int fd, uint64_t *recv, uint64_t *drops)
{
	struct ngscan s = {fd, NULL, NG_BUFSZ, 0, 0, 0};
	s.buf = malloc(s.cap);
	if (!s.buf)
		return 0;
	struct ng_iface ifs[NG_MAX_IFACES];
	memset(ifs, 0, sizeof ifs);
	int any = 0, in_section = 0;
	uint64_t off = 0;
	*recv = *drops = 0;
	for (;;) {
		const unsigned char *h = ng_get(&s, off, 12);
		if (!h)
			break;
		uint32_t type;
		memcpy(&type, h, 4);
		if (type == 0x0A0D0D0A) { /* Section Header Block: byte order from its magic */
			uint32_t bom;
			memcpy(&bom, h + 8, 4);
			if (bom == 0x1A2B3C4D)
				s.swapped = 0;
			else if (bom == 0x4D3C2B1A)
				s.swapped = 1;
			else
				break;
			ng_flush(ifs, NG_MAX_IFACES, recv, drops, &any);
			in_section = 1;
		} else {
			type = ng_u32(&s, h);
		}
		if (!in_section)
			break;
		uint32_t tlen = ng_u32(&s, h + 4);
		if (tlen < 12 || tlen % 4)
			break;
		if (type == 5 && tlen >= 24 && tlen <= NG_MAX_ISB) {
			const unsigned char *b = ng_get(&s, off, tlen);
			if (!b)
				break;
			uint32_t ifid = ng_u32(&s, b + 8);
			struct ng_iface one = {1, 0, 0, 0};
			uint64_t ifrecv = 0, accept = 0;
			int has_ifrecv = 0, has_accept = 0;
			size_t p = 20, end = tlen - 4; /* options between the timestamp and the trailing length */
			while (p <= end && end - p >= 4) {
				uint16_t code = ng_u16(&s, b + p), olen = ng_u16(&s, b + p + 2);
				p += 4;
				if (code == 0 || olen > end - p)
					break;
				if (olen == 8) {
					uint64_t v = ng_u64(&s, b + p);
					if (code == 4)
						ifrecv = v, has_ifrecv = 1;
					else if (code == 6)
						accept = v, has_accept = 1;
					else if (code == 5 || code == 7)
						one.drops += v;
				}
				size_t padded = ((size_t)olen + 3) & ~(size_t)3;
				if (padded > end - p)
					break;
				p += padded;
			}
			one.recv = has_ifrecv ? ifrecv : accept;
			one.has_recv = has_ifrecv || has_accept;
			if (ifid < NG_MAX_IFACES)
				ifs[ifid] = one;
		}
		off += tlen;
	}
	ng_flush(ifs, NG_MAX_IFACES, recv, drops, &any);
	free(s.buf);
	return any;
}

static int ng_open(const char *path)
{
	if (!path || strcmp(path, "-") == 0)
		return -1;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	unsigned char magic[4];
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || pread(fd, magic, 4, 0) != 4 ||
	    memcmp(magic, "\x0a\x0d\x0d\x0a", 4) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

void capture_want_file_stats(struct capture *c, const char *path)
{
	if (c->live || c->stats_fd > 0)
		return;
	int fd = ng_open(path);
	if (fd > 0)
		c->stats_fd = fd;
	else if (fd == 0)
		close(fd); /* 0 marks "none" in struct capture; stdin is never scanned */
}

int capture_pcapng_stats(const char *path, uint64_t *recv, uint64_t *drops)
{
	int fd = ng_open(path);
	if (fd < 0)
		return 0;
	int rc = ng_scan_fd(fd, recv, drops);
	close(fd);
	return rc;
}

int capture_drop_stats(struct capture *c, uint64_t *recv, uint64_t *drops)
{
	*recv = *drops = 0;
	if (c->live) {
		struct pcap_stat st;
		if (!c->p || pcap_stats(c->p, &st) < 0)
			return 0;
		*recv = st.ps_recv;
		*drops = (uint64_t)st.ps_drop + st.ps_ifdrop;
		return 1;
	}
	if (c->stats_fd > 0)
		return ng_scan_fd(c->stats_fd, recv, drops);
	return 0;
}

/* ---- -V: a list of capture files ---- */

int capture_file_list(const char *path, char ***names, int *n, char *err)
{
	*names = NULL;
	*n = 0;
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (!f) {
		snprintf(err, ERRBUF, "Unable to open file: %s", strerror(errno));
		return -1;
	}
	char line[PATH_MAX + 1];
	char **v = NULL;
	int cnt = 0, cap = 0, rc = 0;
	while (fgets(line, sizeof line, f)) {
		size_t len = strlen(line);
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = 0;
		if (cnt == cap) {
			cap = cap ? cap * 2 : 16;
			char **nv = realloc(v, (size_t)cap * sizeof *nv);
			if (!nv) {
				rc = -1;
				break;
			}
			v = nv;
		}
		v[cnt] = strdup(line);
		if (!v[cnt]) {
			rc = -1;
			break;
		}
		cnt++;
	}
	if (f != stdin)
		fclose(f);
	if (rc < 0) {
		for (int i = 0; i < cnt; i++)
			free(v[i]);
		free(v);
		snprintf(err, ERRBUF, "out of memory");
		return -1;
	}
	if (cnt == 0) {
		free(v);
		snprintf(err, ERRBUF, "Nothing in %s", path);
		return -1;
	}
	*names = v;
	*n = cnt;
	return 0;
}
