#!/usr/bin/env bash
# tests/errors/read-stdin.sh - "-r -" reads pcap and pcapng from stdin, from a
# pipe and from a redirected file, printing what tcpdump prints.
. "$(dirname "$0")/../lib.sh"
need_synack
need_tcpdump
for f in core-http.pcap core-http.pcapng core-nano.pcap; do
    "$TCPDUMP" -nn -v -r - <"$CAP/$f" >"$T/ref" 2>/dev/null
    rc=0; timeout 20 "$SYNACK" -nn -v -r - <"$CAP/$f" >"$T/out" 2>"$T/err" || rc=$?
    [ "$rc" = 0 ] || { fail "$f on stdin (redirect): exit $rc"; show "$T/err" 3; }
    expect_same "$f on stdin (redirect)" "$T/ref" "$T/out"
    rc=0; cat "$CAP/$f" | timeout 20 "$SYNACK" -nn -v -r - >"$T/out" 2>"$T/err" || rc=$?
    [ "$rc" = 0 ] || { fail "$f on stdin (pipe): exit $rc"; show "$T/err" 3; }
    expect_same "$f on stdin (pipe)" "$T/ref" "$T/out"
done
# the banner names the file "-", like tcpdump
"$SYNACK" -nn -r - <"$CAP/core-http.pcap" 2>"$T/err" >/dev/null
expect_contains "banner" "$T/err" "reading from file -, link-type EN10MB (Ethernet)"
finish
