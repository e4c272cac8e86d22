#!/usr/bin/env bash
# tests/errors/write-nano.sh - pcap timestamp precision through -r/-w:
# a nanosecond file read with --time-stamp-precision=nano is written as a
# nanosecond file (same bytes as tcpdump), and without it as microseconds.
. "$(dirname "$0")/../lib.sh"
need_synack
need_tcpdump
src=$CAP/core-nano.pcap
for opt in --time-stamp-precision=nano --time-stamp-precision=micro ""; do
    what="-w with '${opt:-default}'"
    # shellcheck disable=SC2086
    "$TCPDUMP" $opt -r "$src" -w "$T/ref.pcap" 2>/dev/null
    rc=0
    # shellcheck disable=SC2086
    timeout 20 "$SYNACK" $opt -r "$src" -w "$T/out.pcap" 2>"$T/err" || rc=$?
    [ "$rc" = 0 ] || { fail "$what: exit $rc"; show "$T/err" 3; continue; }
    cmp -s "$T/ref.pcap" "$T/out.pcap" || fail "$what: file differs from tcpdump's"
    "$TCPDUMP" -nn --time-stamp-precision=nano -r "$T/ref.pcap" >"$T/ref.txt" 2>/dev/null
    "$TCPDUMP" -nn --time-stamp-precision=nano -r "$T/out.pcap" >"$T/out.txt" 2>/dev/null
    expect_same "$what: timestamps read back" "$T/ref.txt" "$T/out.txt"
done
finish
