#!/usr/bin/env bash
# tests/errors/opt-W-alone.sh - -W without -C or -G.  tcpdump 4.99.3 accepts it
# and ignores it (one ordinary file named exactly as -w says, exit 0), so a
# runbook line using it must keep working with synack.
. "$(dirname "$0")/../lib.sh"
need_synack
need_tcpdump
zroot=(); [ "$(id -u)" = 0 ] && zroot=(-Z root)
mkdir "$T/ref" "$T/got"
"$TCPDUMP" "${zroot[@]}" -W 3 -r "$CAP/core-http.pcap" -w "$T/ref/out" 2>/dev/null || fail "test bug: tcpdump rejects -W alone"
rc=0; timeout 20 "$SYNACK" -W 3 -r "$CAP/core-http.pcap" -w "$T/got/out" >/dev/null 2>"$T/err" || rc=$?
[ "$rc" = 0 ] || { fail "-W 3 without -C/-G: exit $rc (tcpdump accepts it)"; show "$T/err" 3; }
(cd "$T/ref" && ls) >"$T/ref.ls"; (cd "$T/got" && ls) >"$T/got.ls"
expect_same "-W 3 alone: file names" "$T/ref.ls" "$T/got.ls"
[ -f "$T/got/out" ] && { cmp -s "$T/ref/out" "$T/got/out" || fail "-W 3 alone: file differs from tcpdump's"; }
finish
