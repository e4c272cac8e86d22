#!/usr/bin/env bash
# tests/errors/write-stdout.sh - "-w -" writes a pcap to stdout: the same bytes
# tcpdump writes, readable by tcpdump, and nothing else on stdout.
. "$(dirname "$0")/../lib.sh"
need_synack
need_tcpdump
for f in core-http.pcap core-http.pcapng core-trunc.pcap; do
    "$TCPDUMP" -r "$CAP/$f" -w - 2>/dev/null >"$T/ref.pcap"
    rc=0; timeout 20 "$SYNACK" -r "$CAP/$f" -w - >"$T/out.pcap" 2>"$T/err" || rc=$?
    [ "$rc" = 0 ] || { fail "$f -w -: exit $rc"; show "$T/err" 3; continue; }
    cmp -s "$T/ref.pcap" "$T/out.pcap" || fail "$f -w -: bytes differ from tcpdump's -w - output"
    "$TCPDUMP" -nn -r "$T/ref.pcap" >"$T/ref.txt" 2>/dev/null
    "$TCPDUMP" -nn -r "$T/out.pcap" >"$T/out.txt" 2>/dev/null || fail "$f -w -: tcpdump cannot read the result"
    expect_same "$f -w - read back by tcpdump" "$T/ref.txt" "$T/out.txt"
done
# -w - piped into -r - (synack to synack), with a filter and -c
"$TCPDUMP" -nn -c 4 -r "$CAP/core-http.pcap" 'tcp[tcpflags] & tcp-push == 0' 2>/dev/null >"$T/ref.txt"
timeout 20 "$SYNACK" -c 4 -w - -r "$CAP/core-http.pcap" 'tcp[tcpflags] & tcp-push == 0' 2>/dev/null |
    timeout 20 "$SYNACK" -nn -r - >"$T/out.txt" 2>/dev/null
expect_same "synack -w - | synack -r -" "$T/ref.txt" "$T/out.txt"
finish
