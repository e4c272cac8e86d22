#!/usr/bin/env bash
# tests/errors/write-owner.sh - with tcpdump's default privilege drop (root
# without -Z becomes "tcpdump", else "nobody"), -w files belong to that user as
# tcpdump's do, even in a directory only root may write; with -C or -G every
# file is created as that user, so such a directory fails at the start (tcpdump:
# -C at the start, -G at the first rotation, losing the capture from then on).
. "$(dirname "$0")/../lib.sh"
need_synack
need_root
need_tcpdump
getent passwd tcpdump >/dev/null || getent passwd nobody >/dev/null || skip "no tcpdump or nobody user"
F=$CAP/core-http.pcap
chmod 0755 "$T"   # the dropped user must reach the directories below
mkdir -m 0700 "$T/rootonly" "$T/ro-t"
mkdir -m 0777 "$T/open" "$T/open-t"
owner() { stat -c %U:%G "$1" 2>/dev/null || echo missing; }

# one -w file: created, owned as tcpdump's, same bytes
for d in open rootonly; do
    tdir=$T/open-t; [ "$d" = rootonly ] && tdir=$T/ro-t
    "$TCPDUMP" -r "$F" -w "$tdir/x.pcap" 2>/dev/null || fail "test bug: tcpdump -w into $d failed"
    rc=0; "$SYNACK" -r "$F" -w "$T/$d/x.pcap" 2>"$T/err" || rc=$?
    [ "$rc" = 0 ] || { fail "-w into $d: exit $rc"; show "$T/err"; }
    o=$(owner "$T/$d/x.pcap") t=$(owner "$tdir/x.pcap")
    [ "$o" = "$t" ] || fail "-w into $d: file owned by $o, tcpdump's by $t"
    [ "$o" != root:root ] || fail "-w into $d: file owned by root (no privilege drop before creating it)"
    cmp -s "$T/$d/x.pcap" "$tdir/x.pcap" || fail "-w into $d: file differs from tcpdump's"
done

# -C into a directory the dropped user cannot write: fails at the start, as tcpdump
. "$(dirname "$0")/same.bash"
same -r "$F" -w "$T/rootonly/c.pcap" -C 1
[ -e "$T/rootonly/c.pcap" ] && fail "-C: a file was created anyway"
# -G: synack refuses at the start too (tcpdump would start and fail at the first rotation)
rc=0; "$SYNACK" -r "$F" -w "$T/rootonly/g.pcap" -G 1 >"$T/out" 2>"$T/err" || rc=$?
expect_fail_rc "-G into a root-only directory" "$rc"
expect_contains "-G into a root-only directory" "$T/err" "rootonly/g.pcap: Permission denied"
[ -e "$T/rootonly/g.pcap" ] && fail "-G: a file was created anyway"
# and -C/-G into a directory the user may write work, files owned as tcpdump's
"$TCPDUMP" -r "$F" -w "$T/open-t/c.pcap" -C 1 2>/dev/null
rc=0; "$SYNACK" -r "$F" -w "$T/open/c.pcap" -C 1 2>"$T/err" || rc=$?
[ "$rc" = 0 ] || { fail "-C into a writable directory: exit $rc"; show "$T/err"; }
[ "$(owner "$T/open/c.pcap")" = "$(owner "$T/open-t/c.pcap")" ] || fail "-C: owner $(owner "$T/open/c.pcap"), tcpdump's $(owner "$T/open-t/c.pcap")"
finish
