/*
 * sandbox.h - confine synack once its capture source and output files are
 * open (Linux; a no-op elsewhere).
 *
 * sandbox_default_user(): as Debian's tcpdump does, a synack started as root
 * without -Z gives up root for an unprivileged user: "tcpdump" when that
 * account exists, else "nobody".  Call it where -Z is honoured (after the
 * capture device is open, before the -w file is created: the files belong to
 * that user, as tcpdump's do; keep_dac keeps CAP_DAC_OVERRIDE until
 * sandbox_enter() for a single -w file, see capture_drop_privileges()).
 * -z runs its command from a helper forked before sandbox_enter(), so the
 * allow-list needs no fork/exec even then (writer_postrotate()).
 *
 * sandbox_enter(): drops every capability (bounding set too where permitted),
 * sets no_new_privs and installs a seccomp-BPF allow-list of the system calls
 * that reading packets, printing and writing need; every other call fails
 * with EPERM.  What the list allows depends on the options: opening files
 * only for -C/-G rotation (any file) or for name look-ups (read-only, when
 * -nn is not given), sockets only for DNS look-ups (no -n).
 * SYNACK_NO_SANDBOX=1 in the environment skips it (debugging).
 * SYNACK_SANDBOX_SELFTEST=1 makes synack try socket() and execve() right
 * after entering and print "sandbox selftest: socket: ...; execve: ..." to
 * stderr before going on (tests/faults/sandbox.sh).
 */
#ifndef SYNACK_SANDBOX_H
#define SYNACK_SANDBOX_H
#include "opts.h"

/* 0: dropped (or nothing to do); -1 err filled. */
int sandbox_default_user(const struct opts *o, int keep_dac, char *err);
/* 0 on success (or not supported here); -1 with err filled (ERRBUF bytes). */
int sandbox_enter(const struct opts *o, char *err);

#endif
