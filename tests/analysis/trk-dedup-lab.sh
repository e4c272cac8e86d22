#!/usr/bin/env bash
# tests/analysis/trk-dedup-lab.sh - capture duplicates on real `-i any` router captures.
# tests/captures/trk-lab-any-*.pcap were recorded by the lab (tests/lab, namespaces,
# the real Linux stack) with `-i any` on the router: healthy HTTP (cooked v2 and v1,
# 30 connections) and a transfer losing packets on the router (cooked v2).
# Property: analysing the whole capture (every forwarded packet twice) must give
# exactly what the inbound copies alone give (libpcap's "inbound" filter keeps one
# copy of each packet, and the packets the router dropped), field by field.
. "$(dirname "$0")/../lib.sh"
need_synack
[ -x /usr/bin/python3 ] || skip "/usr/bin/python3 not installed"

KEYS="client client_port server server_port state history packets bytes retransmissions fast_retransmissions
spurious_retransmissions out_of_order dup_acks zero_windows lost_segments acked_unseen keepalives syn_count
synack_count handshake_ms"
pick() { # conns --json on stdin -> the fields above, one connection per line
    /usr/bin/python3 -c '
import json, sys
keys = sys.argv[1].split()
for l in sys.stdin:
    if l.strip():
        o = json.loads(l)
        print(json.dumps([o[k] for k in keys]))' "$KEYS"
}
for f in trk-lab-any-healthy-v2.pcap trk-lab-any-healthy-v1.pcap trk-lab-any-loss-v2.pcap; do
    F=$CAP/$f
    "$SYNACK" -r "$F" -w "$T/in.pcap" inbound 2>/dev/null || { fail "$f: cannot filter inbound"; continue; }
    all=$("$SYNACK" -r "$F" 2>/dev/null | wc -l)
    one=$("$SYNACK" -r "$T/in.pcap" 2>/dev/null | wc -l)
    [ "$all" -gt "$one" ] || fail "$f: $all packets, $one inbound: the capture should hold duplicates"
    "$SYNACK" conns --json -r "$F" 2>/dev/null | pick >"$T/all.txt"
    "$SYNACK" conns --json -r "$T/in.pcap" 2>/dev/null | pick >"$T/one.txt"
    [ -s "$T/one.txt" ] || fail "$f: no connections"
    diff "$T/one.txt" "$T/all.txt" >"$T/diff.txt" || fail "$f: whole capture differs from its inbound copies: $(head -4 "$T/diff.txt")"
done
# the healthy ones: nothing retransmitted, and diagnose finds nothing
for f in trk-lab-any-healthy-v2.pcap trk-lab-any-healthy-v1.pcap; do
    n=$("$SYNACK" conns --json -r "$CAP/$f" 2>/dev/null | grep -c '"retransmissions":\[0,0\],"fast_retransmissions":\[0,0\]')
    [ "$n" = 30 ] || fail "$f: $n of 30 connections without retransmissions"
    out=$("$SYNACK" diagnose -r "$CAP/$f" 2>/dev/null)
    rc=$?
    [ $rc = 0 ] || fail "$f: diagnose exit $rc: $(echo "$out" | head -5)"
done
finish
