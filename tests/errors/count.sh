#!/usr/bin/env bash
# tests/errors/count.sh - -c N stops after N packets (printing and writing),
# counts only packets that pass the filter, and --count prints "N packets".
. "$(dirname "$0")/../lib.sh"
need_synack
need_tcpdump
src=$CAP/core-http.pcap
for n in 1 5 12 100; do
    "$TCPDUMP" -nn -c $n -r "$src" >"$T/ref" 2>/dev/null
    rc=0; timeout 20 "$SYNACK" -nn -c $n -r "$src" >"$T/out" 2>"$T/err" || rc=$?
    [ "$rc" = 0 ] || { fail "-c $n: exit $rc"; show "$T/err" 3; }
    expect_same "-c $n" "$T/ref" "$T/out"
done
# -c with a filter counts matching packets only
"$TCPDUMP" -nn -c 2 -r "$src" 'tcp[tcpflags] & tcp-fin != 0' >"$T/ref" 2>/dev/null
timeout 20 "$SYNACK" -nn -c 2 -r "$src" 'tcp[tcpflags] & tcp-fin != 0' >"$T/out" 2>/dev/null
expect_same "-c 2 with a filter" "$T/ref" "$T/out"
# -c with -w writes exactly N packets
timeout 20 "$SYNACK" -c 3 -r "$src" -w "$T/three.pcap" 2>/dev/null || fail "-c 3 -w: non-zero exit"
n=$(pcap_count "$T/three.pcap"); [ "$n" = 3 ] || fail "-c 3 -w wrote $n packets"
# --count: only the number, on stdout (tcpdump prints "12 packets")
"$TCPDUMP" --count -r "$src" >"$T/ref" 2>/dev/null
timeout 20 "$SYNACK" --count -r "$src" >"$T/out" 2>/dev/null || fail "--count: non-zero exit"
expect_same "--count" "$T/ref" "$T/out"
"$TCPDUMP" --count -r "$src" tcp port 80 and 'tcp[tcpflags] & tcp-ack != 0' >"$T/ref" 2>/dev/null
timeout 20 "$SYNACK" --count -r "$src" tcp port 80 and 'tcp[tcpflags] & tcp-ack != 0' >"$T/out" 2>/dev/null
expect_same "--count with a filter" "$T/ref" "$T/out"
finish
