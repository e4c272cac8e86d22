/*
 * sandbox.c - capabilities, no_new_privs and a seccomp-BPF allow-list
 * written by hand (see sandbox.h).  No libseccomp.
 *
 * Denied calls return EPERM rather than killing the process: a call that the
 * list forgot shows up as an ordinary "Operation not permitted" message from
 * whatever made it, which is easy to diagnose, and synack still prints its
 * statistics and closes its output file cleanly.  Nothing that matters to an
 * attacker (execve, socket without look-ups, ptrace, open for writing
 * without rotation, mprotect/mmap with PROT_EXEC) is reachable either way.
 */
#include "sandbox.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "capture.h"
#include "writer.h"

#if defined(__linux__)
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/if_packet.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <termios.h>
#endif

int sandbox_default_user(const struct opts *o, int keep_dac, char *err)
{
	if (o->Zuser || geteuid() != 0)
		return 0;
	static const char *const users[] = {"tcpdump", "nobody"};
	for (size_t i = 0; i < sizeof users / sizeof users[0]; i++) {
		char e[ERRBUF];
		if (capture_drop_privileges(users[i], keep_dac, e) == 0)
			return 0;
		if (strncmp(e, "Couldn't find user", 18) != 0) {
			snprintf(err, ERRBUF, "%s", e);
			return -1;
		}
	}
	return 0; /* no such account: stay as we are (the sandbox still drops every capability) */
}

#if defined(__linux__) && (defined(__x86_64__) || defined(__aarch64__))

#if defined(__x86_64__)
#define SB_ARCH AUDIT_ARCH_X86_64
#else
#define SB_ARCH AUDIT_ARCH_AARCH64
#endif

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define SB_SANITIZER 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SB_SANITIZER 1
#endif

#ifdef SB_SANITIZER
static const int sb_sanitizer = 1;
#else
static const int sb_sanitizer = 0;
#endif

#define SB_MAX 256
struct prog {
	struct sock_filter f[SB_MAX];
	unsigned n;
	int overflow;
};

static void emit(struct prog *p, uint16_t code, uint8_t jt, uint8_t jf, uint32_t k)
{
	if (p->n >= SB_MAX) {
		p->overflow = 1;
		return;
	}
	p->f[p->n++] = (struct sock_filter){code, jt, jf, k};
}

#define LD_NR(p) emit(p, BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, nr))
/* low 32 bits of argument i (little-endian: the first word) */
#define LD_ARG(p, i) emit(p, BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, args[i]))
#define RET(p, v) emit(p, BPF_RET | BPF_K, 0, 0, (v))
#define ALLOW SECCOMP_RET_ALLOW
#define DENY (SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA))

/* if (nr == n) return ALLOW; */
static void allow(struct prog *p, long nr)
{
	emit(p, BPF_JMP | BPF_JEQ | BPF_K, 0, 1, (uint32_t)nr);
	RET(p, ALLOW);
}

/* if (nr == n) { if ((arg & mask) == 0) ALLOW else DENY } -- A holds nr on entry and on fall-through. */
static void allow_if_clear(struct prog *p, long nr, int arg, uint32_t mask)
{
	emit(p, BPF_JMP | BPF_JEQ | BPF_K, 0, 4, (uint32_t)nr);
	LD_ARG(p, arg);
	emit(p, BPF_JMP | BPF_JSET | BPF_K, 1, 0, mask);
	RET(p, ALLOW);
	RET(p, DENY);
}

/* if (nr == n) { if (arg is one of vals) ALLOW else DENY } -- A holds nr on fall-through. */
static void allow_if_in(struct prog *p, long nr, int arg, const uint32_t *vals, unsigned nv)
{
	emit(p, BPF_JMP | BPF_JEQ | BPF_K, 0, (uint8_t)(nv + 3), (uint32_t)nr);
	LD_ARG(p, arg);
	for (unsigned i = 0; i < nv; i++)
		emit(p, BPF_JMP | BPF_JEQ | BPF_K, (uint8_t)(nv - i), 0, vals[i]);
	RET(p, DENY);
	RET(p, ALLOW);
}

static void allow_if_eq2(struct prog *p, long nr, int arg, uint32_t v1, uint32_t v2)
{
	const uint32_t v[2] = {v1, v2};
	allow_if_in(p, nr, arg, v, 2);
}

static void build(struct prog *p, const struct opts *o)
{
	int rotate = o->Cflag > 0 || o->Gflag > 0;
	int ports = o->nflag < 2;   /* port names from /etc/services */
	int hosts = o->nflag == 0;  /* reverse DNS through the libc resolver */
	/* live: pcap_stats reads /sys/class/net/DEV/statistics/; -V: the next files */
	int live = o->rfile == NULL || o->Vfile != NULL;

	/* the architecture the numbers below belong to, and no x32 calls */
	emit(p, BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, arch));
	emit(p, BPF_JMP | BPF_JEQ | BPF_K, 1, 0, SB_ARCH);
	RET(p, SECCOMP_RET_KILL_PROCESS); /* foreign ABI: never legitimate here */
	LD_NR(p);
#if defined(__x86_64__)
	emit(p, BPF_JMP | BPF_JGE | BPF_K, 0, 1, 0x40000000u);
	RET(p, DENY);
#endif

	/* reading and writing: packets, the -r file, stdout, -w */
	allow(p, __NR_read);
	allow(p, __NR_write);
	allow(p, __NR_writev);
	allow(p, __NR_pread64);
	allow(p, __NR_lseek);
	allow(p, __NR_close);
	allow(p, __NR_fstat);
	allow(p, __NR_newfstatat);
#ifdef __NR_statx
	allow(p, __NR_statx);
#endif
	allow(p, __NR_ftruncate);   /* writer: cut back to the last whole record */
	allow(p, __NR_fsync);       /* writer: close */
	allow(p, __NR_fdatasync);
	/* live capture (libpcap's TPACKET ring): wait, statistics */
#ifdef __NR_poll
	allow(p, __NR_poll);
#endif
	allow(p, __NR_ppoll);
	allow(p, __NR_recvfrom);
	allow(p, __NR_recvmsg);
	allow(p, __NR_getsockopt);  /* pcap_stats: PACKET_STATISTICS */
	if (hosts) /* the resolver's sockets */
		allow(p, __NR_setsockopt);
	else if (live) /* pcap_close: tear down the ring (PACKET_RX_RING) */
		allow_if_eq2(p, __NR_setsockopt, 1, SOL_PACKET, SOL_PACKET);
	allow(p, __NR_uname);       /* pcap_stats */
	allow_if_eq2(p, __NR_fcntl, 1, F_GETFL, F_SETFL); /* pcap_setnonblock, stdio */
	/* isatty(1) for -l; SIOCGIFNAME: if_indextoname() for Linux cooked v2 interface
	 * names; FIONREAD: the resolver reading a DNS answer */
	const uint32_t ioctls[3] = {TCGETS, SIOCGIFNAME, FIONREAD};
	allow_if_in(p, __NR_ioctl, 1, ioctls, hosts ? 3 : 2);
	/* sockets: AF_UNIX for if_indextoname() (useless without connect/bind/sendto,
	 * which only name look-ups get), AF_INET/AF_INET6 for DNS look-ups */
	const uint32_t domains[3] = {AF_UNIX, AF_INET, AF_INET6};
	allow_if_in(p, __NR_socket, 0, domains, hosts ? 3 : 1);
	allow(p, __NR_getpid);
	allow(p, __NR_gettid);
	/* memory (malloc), never new executable mappings unless the resolver must load an NSS module */
	allow(p, __NR_brk);
	allow(p, __NR_munmap);
	allow(p, __NR_mremap);
	allow(p, __NR_madvise);
	if (hosts) {
		allow(p, __NR_mmap);
		allow(p, __NR_mprotect);
	} else {
		allow_if_clear(p, __NR_mmap, 2, PROT_EXEC);
		allow_if_clear(p, __NR_mprotect, 2, PROT_EXEC);
	}
	/* time, sleeping, signals, the end */
	allow(p, __NR_clock_gettime);
	allow(p, __NR_gettimeofday);
	allow(p, __NR_nanosleep);
	allow(p, __NR_clock_nanosleep);
	allow(p, __NR_rt_sigreturn);
	allow(p, __NR_rt_sigaction);
	allow(p, __NR_rt_sigprocmask);
	allow(p, __NR_futex);
	allow(p, __NR_restart_syscall);
	allow(p, __NR_exit);
	allow(p, __NR_exit_group);

	/* opening files: any for -C/-G rotation; read-only for name look-ups
	 * (/etc/services, /etc/hosts, resolv.conf) and live captures (pcap_stats
	 * reads sysfs counters); none for "-nn -r FILE" */
	if (rotate) {
		allow(p, __NR_openat);
	} else if (ports || hosts || live) {
		allow_if_clear(p, __NR_openat, 2,
			       O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND | (O_TMPFILE & ~O_DIRECTORY));
	}
	if (hosts) {
		/* glibc's stub resolver and nscd: connect, send, receive */
		allow(p, __NR_connect);
		allow(p, __NR_sendto);
		allow(p, __NR_sendmmsg);
		allow(p, __NR_bind);
		allow(p, __NR_getsockname);
	}
	RET(p, DENY);
}

static int drop_caps(char *err)
{
	/* bounding set first (needs CAP_SETPCAP, which the capset below removes) */
	if (prctl(PR_CAPBSET_READ, 0, 0, 0, 0) >= 0) {
		for (int cap = 0; cap <= 63; cap++) {
			int r = prctl(PR_CAPBSET_READ, cap, 0, 0, 0);
			if (r < 0)
				break; /* past the kernel's last capability */
			if (r == 1)
				(void)prctl(PR_CAPBSET_DROP, cap, 0, 0, 0); /* EPERM without CAP_SETPCAP: fine */
		}
	}
	struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
	struct __user_cap_data_struct data[2];
	memset(data, 0, sizeof data);
	if (syscall(SYS_capset, &hdr, data) != 0) {
		snprintf(err, ERRBUF, "sandbox: capset: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static void selftest(void)
{
	int s = (int)syscall(SYS_socket, AF_PACKET, SOCK_RAW, 0);
	int se = s < 0 ? errno : 0;
	if (s >= 0)
		close(s);
	char *const argv[] = {(char *)"/bin/true", NULL};
	char *const envp[] = {NULL};
	long e = syscall(SYS_execve, "/bin/true", argv, envp);
	int ee = e < 0 ? errno : 0;
	fprintf(stderr, "sandbox selftest: socket: %s; execve: %s\n", se ? strerror(se) : "allowed",
		ee ? strerror(ee) : "allowed");
}

int sandbox_enter(const struct opts *o, char *err)
{
	const char *off = getenv("SYNACK_NO_SANDBOX");
	if (off && strcmp(off, "1") == 0)
		return 0;
	int test = getenv("SYNACK_SANDBOX_SELFTEST") != NULL;
	tzset(); /* localtime_r reads /etc/localtime once: do it while open() still works */
	if (drop_caps(err) < 0)
		return -1;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		snprintf(err, ERRBUF, "sandbox: PR_SET_NO_NEW_PRIVS: %s", strerror(errno));
		return -1;
	}
	if (sb_sanitizer) {
		/* ASan/UBSan reports need calls (readlink, fork+exec of the symbolizer) the list refuses */
		if (test)
			fprintf(stderr, "sandbox selftest: seccomp off in sanitizer builds\n");
		return 0;
	}
	static struct prog p;
	memset(&p, 0, sizeof p);
	build(&p, o);
	if (p.overflow) {
		snprintf(err, ERRBUF, "sandbox: filter too long");
		return -1;
	}
	struct sock_fprog fp = {(unsigned short)p.n, p.f};
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fp, 0, 0) != 0) {
		if (errno == EINVAL) /* kernel without seccomp filters: capabilities are gone, go on */
			return 0;
		snprintf(err, ERRBUF, "sandbox: seccomp: %s", strerror(errno));
		return -1;
	}
	if (test)
		selftest();
	return 0;
}

#else /* not Linux x86-64/arm64 */

int sandbox_enter(const struct opts *o, char *err)
{
	(void)o;
	(void)err;
	return 0;
}

#endif
