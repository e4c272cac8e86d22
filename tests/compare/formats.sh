#!/usr/bin/env bash
# tests/compare/formats.sh - `synack compare` reads its files through
# capture.c like every other mode: classic pcap (synack's own block reader),
# nanosecond pcap (the same reader, scaled) and pcapng (libpcap) must give
# the same report for the same packets, and a truncated file must fail with
# libpcap's own message whichever reader met it.  No root needed.
. "$(dirname "$0")/../lib.sh"
need_synack
need_cmd editcap

mkdir -p "$T/pcap" "$T/nsec" "$T/ng" || die "mkdir"
for side in client server; do
    cp "$CAP/cmp-loss-$side.pcap" "$T/pcap/$side" || die "cp"
    editcap -F nsecpcap "$CAP/cmp-loss-$side.pcap" "$T/nsec/$side" || die "editcap nsecpcap"
    editcap -F pcapng "$CAP/cmp-loss-$side.pcap" "$T/ng/$side" || die "editcap pcapng"
done
# the converted files really are in other formats (else the test proves nothing)
[ "$(od -An -tx1 -N4 "$T/nsec/client" | tr -d ' ')" = "4d3cb2a1" ] || die "nsecpcap magic not found"
[ "$(od -An -tx1 -N4 "$T/ng/client" | tr -d ' ')" = "0a0d0d0a" ] || die "pcapng block type not found"

# same relative names in each directory, so the reports can be compared byte for byte
for d in pcap nsec ng; do
    for args in "" "--json" "--ladder 2" "tcp port 8081"; do
        n=$d-$(echo "$args" | tr -c 'a-z0-9\n' '_')
        # shellcheck disable=SC2086
        (cd "$T/$d" && "$SYNACK" compare client server $args) >"$T/$n.out" 2>"$T/$n.err"
        echo $? >"$T/$n.rc"
    done
done
for d in nsec ng; do
    for args in "" "--json" "--ladder 2" "tcp port 8081"; do
        a=pcap-$(echo "$args" | tr -c 'a-z0-9\n' '_')
        n=$d-$(echo "$args" | tr -c 'a-z0-9\n' '_')
        cmp -s "$T/$a.out" "$T/$n.out" || fail "$d: compare $args differs from the pcap file's report"
        cmp -s "$T/$a.err" "$T/$n.err" || fail "$d: compare $args: stderr differs"
        cmp -s "$T/$a.rc" "$T/$n.rc" || fail "$d: compare $args: exit status differs"
    done
done
# the report is a real one: 5 + 7 losses recorded by the router (offline.sh checks the details)
grep -q '"lost_c2s":5,"lost_s2c":7' "$T/pcap-__json.out" || fail "pcap --json: lost_c2s 5 / lost_s2c 7 not reported"
grep -q '"lost_c2s":5,"lost_s2c":0' "$T/pcap-tcp_port_8081.out" 2>/dev/null ||
    grep -q 'lost client->server 5, server->client 0' "$T/pcap-tcp_port_8081.out" || fail "filter 'tcp port 8081': 5/0 losses not reported"

# truncated: the block reader must fail like libpcap does
head -c 20000 "$CAP/cmp-loss-server.pcap" >"$T/pcap/cut" || die "head"
(cd "$T/pcap" && "$SYNACK" compare client cut) >"$T/cut-fast.out" 2>"$T/cut-fast.err"
rc_fast=$?
(cd "$T/pcap" && SYNACK_NO_FASTREAD=1 "$SYNACK" compare client cut) >"$T/cut-lib.out" 2>"$T/cut-lib.err"
rc_lib=$?
[ "$rc_fast" = 2 ] || fail "truncated file: exit $rc_fast, want 2"
[ "$rc_lib" = 2 ] || fail "truncated file (libpcap reader): exit $rc_lib, want 2"
grep -q "^synack: compare: cut: truncated dump file; tried to read [0-9]* captured bytes, only got [0-9]*$" "$T/cut-lib.err" ||
    fail "libpcap reader: unexpected message: $(cat "$T/cut-lib.err")"
cmp -s "$T/cut-fast.err" "$T/cut-lib.err" || fail "block reader message differs: $(cat "$T/cut-fast.err") vs $(cat "$T/cut-lib.err")"
finish
