#!/usr/bin/env bash
# tests/analysis/trk-drops.sh - kernel drops from pcapng Interface Statistics
# Blocks (src/capture.c).  tests/captures/trk-isb-{le,be}.pcapng hold two ISBs
# for interface 0, written by trk-make-captures.py: ifrecv 500 / ifdrop 50, then
# ifrecv 1000 / ifdrop 150 / osdrop 7 (capinfos counts 2 stat entries).  The last
# one counts: 157 dropped of 1000.  No ISB, or stdin: no drops line.
. "$(dirname "$0")/../lib.sh"
need_synack
want="157 packets dropped by the kernel while capturing (1000 received by filter)"
for f in trk-isb-le.pcapng trk-isb-be.pcapng; do
    got=$("$SYNACK" conns -r "$CAP/$f" 2>/dev/null | tail -1)
    [ "$got" = "$want" ] || fail "$f: last line '$got', want '$want'"
    # JSON output stays one object per connection
    n=$("$SYNACK" conns --json -r "$CAP/$f" 2>/dev/null | grep -vc '^{')
    [ "$n" = 0 ] || fail "$f: conns --json printed $n non-JSON lines"
done
got=$("$SYNACK" conns -r "$CAP/trk-noisb.pcapng" 2>/dev/null | tail -1)
[ "$got" = "1 connection" ] || fail "trk-noisb: last line '$got', want '1 connection'"
got=$("$SYNACK" conns -r - <"$CAP/trk-isb-le.pcapng" 2>/dev/null | tail -1)
[ "$got" = "1 connection" ] || fail "stdin: last line '$got', want '1 connection' (stdin is never scanned)"
# diagnose reads the file to its end without trouble (the scan runs inside the sandbox)
"$SYNACK" diagnose -r "$CAP/trk-isb-le.pcapng" >/dev/null 2>"$T/err"
rc=$?
[ $rc -le 1 ] || fail "diagnose exit $rc: $(cat "$T/err")"
finish
