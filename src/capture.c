/* capture.c - libpcap: open, filter, loop, stats, signals, privileges. */
#include "capture.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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
	stop_handle = c->p;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
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

static int apply_common(struct capture *c, const struct opts *o, char *err)
{
	c->linktype = pcap_datalink(c->p);
	c->snaplen = pcap_snapshot(c->p);
	if (o->linktype && c->live) {
		int dlt = pcap_datalink_name_to_val(o->linktype);
		if (dlt < 0) {
			snprintf(err, ERRBUF, "invalid data link type %s", o->linktype);
			return -1;
		}
		if (pcap_set_datalink(c->p, dlt) < 0) {
			snprintf(err, ERRBUF, "%s", pcap_geterr(c->p));
			return -1;
		}
		c->linktype = dlt;
	}
	if (o->direction) {
		pcap_direction_t d = o->direction == 1 ? PCAP_D_IN : o->direction == 2 ? PCAP_D_OUT : PCAP_D_INOUT;
		if (pcap_setdirection(c->p, d) < 0) {
			snprintf(err, ERRBUF, "%s", pcap_geterr(c->p));
			return -1;
		}
	}
	return 0;
}

int capture_open_live(struct capture *c, const struct opts *o, char *err)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	memset(c, 0, sizeof *c);
	c->live = 1;
	const char *dev = o->device;
	pcap_if_t *all = NULL;
	if (!dev) {
		if (pcap_findalldevs(&all, ebuf) < 0 || !all) {
			snprintf(err, ERRBUF, "%s", all ? ebuf : "no suitable device found");
			if (all)
				pcap_freealldevs(all);
			return -1;
		}
		static char first[256];
		snprintf(first, sizeof first, "%s", all->name);
		pcap_freealldevs(all);
		dev = first;
	}
	c->name = dev;
	c->p = pcap_create(dev, ebuf);
	if (!c->p) {
		snprintf(err, ERRBUF, "%s", ebuf);
		return -1;
	}
	pcap_set_snaplen(c->p, o->snaplen ? o->snaplen : DEFAULT_SNAPLEN);
	pcap_set_promisc(c->p, o->promisc);
	pcap_set_timeout(c->p, LIVE_TIMEOUT_MS);
	if (o->bufsize_kib)
		pcap_set_buffer_size(c->p, o->bufsize_kib * 1024);
	if (o->immediate)
		pcap_set_immediate_mode(c->p, 1);
	if (o->tstamp_precision)
		pcap_set_tstamp_precision(c->p, PCAP_TSTAMP_PRECISION_NANO);
	int st = pcap_activate(c->p);
	if (st < 0) {
		const char *msg = pcap_geterr(c->p);
		if (st == PCAP_ERROR_NO_SUCH_DEVICE)
			snprintf(err, ERRBUF, "%s: No such device exists", dev);
		else if (st == PCAP_ERROR_PERM_DENIED)
			snprintf(err, ERRBUF, "%s: You don't have permission to perform this capture on that device (%s)", dev, msg);
		else if (st == PCAP_ERROR_PROMISC_PERM_DENIED)
			snprintf(err, ERRBUF, "%s: You don't have permission to capture in promiscuous mode on that device (%s)", dev, msg);
		else if (st == PCAP_ERROR_IFACE_NOT_UP)
			snprintf(err, ERRBUF, "%s: That device is not up", dev);
		else
			snprintf(err, ERRBUF, "%s: %s", dev, msg && *msg ? msg : pcap_statustostr(st));
		pcap_close(c->p);
		c->p = NULL;
		return -1;
	}
	if (st > 0)
		fprintf(stderr, "synack: WARNING: %s: %s\n", dev, pcap_geterr(c->p));
	return apply_common(c, o, err);
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
	return apply_common(c, o, err);
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

int capture_filter(struct capture *c, const char *expr, int dflag, char *err)
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
	if (pcap_compile(c->p, &prog, expr ? expr : "", 1, mask) < 0) {
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
	lc->cb(lc->user, h, bytes);
}

int capture_loop(struct capture *c, long count, capture_cb cb, void *user, void (*batch_end)(void *),
		 char *err)
{
	struct loop_ctx lc = {cb, user};
	if (stop_requested)
		return 0;
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
	while (!stop_requested) {
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
	printf("Data link types for %s (use option -y to set):\n", c->name ? c->name : "");
	extern int print_linktype_supported(int dlt);
	for (int i = 0; i < n; i++) {
		const char *name = pcap_datalink_val_to_name(dlts[i]);
		const char *desc = pcap_datalink_val_to_description(dlts[i]);
		if (name)
			printf("  %s (%s)", name, desc ? desc : "");
		else
			printf("  DLT %d", dlts[i]);
		if (!print_linktype_supported(dlts[i]))
			printf(" (printing not supported)");
		printf("\n");
	}
	pcap_free_datalinks(dlts);
	return 0;
}

int capture_drop_privileges(const char *user, char *err)
{
	struct passwd *pw = getpwnam(user);
	if (!pw) {
		snprintf(err, ERRBUF, "Couldn't find user '%s'", user);
		return -1;
	}
	if (initgroups(pw->pw_name, pw->pw_gid) != 0 || setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0) {
		snprintf(err, ERRBUF, "Couldn't change to '%.32s' uid=%lu gid=%lu: %s", user,
			 (unsigned long)pw->pw_uid, (unsigned long)pw->pw_gid, strerror(errno));
		return -1;
	}
	return 0;
}

void capture_close(struct capture *c)
{
	if (c->p)
		pcap_close(c->p);
	c->p = NULL;
	stop_handle = NULL;
}
