#!/usr/bin/env bash
# tests/compare/offline.sh - `synack compare` on the shipped lab captures
# (tests/captures/cmp-*-{client,server}.pcap, recorded by the scenarios in
# this directory with LAB_SAVE=DIR; cmp-loss-* cut to 96 bytes a packet with
# tests/lab/trim.py).  No root needed.  Expected losses per path are those the
# router's nft counters reported when the captures were recorded.
. "$(dirname "$0")/../lib.sh"
need_synack
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# check NAME C2S S2C [compare args...]: captures given server first, so the
# client side has to be inferred
check() {
    local name=$1 c2s=$2 s2c=$3; shift 3
    local a=${A:-$CAP/cmp-$name-server.pcap} b=${B:-$CAP/cmp-$name-client.pcap} rc=0 sum got
    "$SYNACK" compare "$a" "$b" --json "$@" >"$T/$name.json" 2>"$T/$name.err" || rc=$?
    sum=$(grep '^{"summary":true' "$T/$name.json")
    if [ -z "$sum" ]; then fail "$name: no summary (exit $rc)"; show "$T/$name.err"; return; fi
    got=$(echo "$sum" | sed -n 's/.*"lost_c2s":\([0-9]*\),"lost_s2c":\([0-9]*\),"unexpected_c2s":\([0-9]*\),"unexpected_s2c":\([0-9]*\).*/\1 \2 \3 \4/p')
    echo "$name${A:+ (shifted)}: lost c->s, s->c, unexpected: $got (expected $c2s $s2c 0 0), exit $rc"
    [ "$got" = "$c2s $s2c 0 0" ] || fail "$name: expected lost $c2s/$s2c and nothing unexpected, got $got"
    case $sum in *'"client_capture":"'*client*) ;; *) fail "$name: client side not inferred: $sum" ;; esac
    local want=0; [ "$c2s$s2c" = 00 ] || want=1
    [ "$rc" = "$want" ] || fail "$name: exit status $rc, expected $want"
    # the text output agrees
    "$SYNACK" compare "$a" "$b" "$@" >"$T/$name.txt" 2>&1
    grep -q "lost client->server $c2s, server->client $s2c;" "$T/$name.txt" || { fail "$name: text summary differs"; show "$T/$name.txt" 30; }
}

check syn-drop 2 0
grep -q '"event":"lost","path":"client->server","sender":"client".*"kind":"SYN"' "$T/syn-drop.json" || fail "syn-drop: lost SYN events"
check synack-drop 0 2
[ "$(grep -c '"event":"lost","path":"server->client","sender":"server".*"kind":"SYN-ACK"' "$T/synack-drop.json")" = 2 ] ||
    fail "synack-drop: expected 2 lost SYN-ACK events"
check ack-drop 2 0
[ "$(grep -c '"event":"lost".*"kind":"ACK","tcp_flags":"A"' "$T/ack-drop.json")" = 2 ] || fail "ack-drop: expected 2 lost ACKs"
check nat 2 0
grep -q '"event":"modified".*"change":"nat: 10.198.1.2:[0-9]* > 10.198.2.2:8080 became 10.198.2.1:[0-9]* > 10.198.2.2:8080"' "$T/nat.json" ||
    fail "nat: the NAT rewrite is not reported"
check loss 5 7
[ "$(grep -c '"event":"lost".*"kind":"data"' "$T/loss.json")" = 12 ] || fail "loss: expected 12 lost data packets"
check clock 2 0

# never-synchronised clocks: +1 h and 200 ppm fast at the server, -1 h and
# 150 ppm slow at the client
$PY "$TOP/tests/compare/shift.py" "$CAP/cmp-clock-server.pcap" "$T/s.pcap" 3600 200 || die "shift.py failed"
$PY "$TOP/tests/compare/shift.py" "$CAP/cmp-clock-client.pcap" "$T/c.pcap" -3600 -150 || die "shift.py failed"
$PY "$TOP/tests/compare/shift.py" "$CAP/cmp-loss-server.pcap" "$T/ls.pcap" -3600 0 || die "shift.py failed"
A=$T/s.pcap check clock 2 0
grep -q '"clock_offset":3600.0000[0-9]*,"drift_ppm":\(19[0-9]\|20[0-9]\)\.' "$T/clock.json" || fail "clock: offset/drift not recovered: $(tail -n1 "$T/clock.json")"
A=$T/s.pcap B=$T/c.pcap check clock 2 0
grep -q '"clock_offset":7200.0000[0-9]*,"drift_ppm":3[2-7][0-9]\.' "$T/clock.json" || fail "clock (both shifted): $(tail -n1 "$T/clock.json")"
A=$T/ls.pcap check loss 5 7
grep -q '"clock_offset":-3600.0000' "$T/loss.json" || fail "loss (-1 h): $(tail -n1 "$T/loss.json")"

# no false losses: a healthy run (two GETs and a 200 KB download), and the
# syn-drop captures with the SYNs filtered out (an expression applies to both)
check healthy 0 0
grep -q '"modified":0,' "$T/healthy.json" || fail "healthy: modified packets reported"
check syn-drop 0 0 'not (tcp[tcpflags] & tcp-syn != 0 and tcp[tcpflags] & tcp-ack == 0)'

# the ladder of the connection whose SYN was dropped
"$SYNACK" compare "$CAP/cmp-syn-drop-client.pcap" "$CAP/cmp-syn-drop-server.pcap" --ladder 2 >"$T/ladder.txt" 2>&1
grep -q '^ladder of connection 2: 10.198.1.2:[0-9]* <-> 10.198.2.2:8080' "$T/ladder.txt" || { fail "ladder header"; show "$T/ladder.txt" 40; }
grep -Eq '^ +0\.000000  SYN S seq [0-9]+ ack 0 len 0 -+X +lost$' "$T/ladder.txt" || { fail "ladder: the lost first SYN"; show "$T/ladder.txt" 40; }
grep -Eq '<-+ SYN-ACK SA seq' "$T/ladder.txt" || fail "ladder: the SYN-ACK arrow"

# errors: one file, a missing file, a bad option
rc=0; "$SYNACK" compare "$CAP/cmp-nat-client.pcap" >/dev/null 2>"$T/e1" || rc=$?
[ "$rc" = 2 ] || fail "one file: exit $rc, expected 2"
rc=0; "$SYNACK" compare "$CAP/cmp-nat-client.pcap" /nonexistent.pcap >/dev/null 2>"$T/e2" || rc=$?
[ "$rc" = 2 ] || fail "missing file: exit $rc, expected 2"
rc=0; "$SYNACK" compare --bogus "$CAP/cmp-nat-client.pcap" "$CAP/cmp-nat-server.pcap" >/dev/null 2>"$T/e3" || rc=$?
[ "$rc" = 2 ] || fail "bad option: exit $rc, expected 2"
rc=0; "$SYNACK" compare "$CAP/cmp-nat-client.pcap" "$CAP/cmp-loss-server.pcap" >/dev/null 2>"$T/e4" || rc=$?
[ "$rc" = 2 ] && grep -q 'not the same traffic' "$T/e4" || fail "unrelated captures: exit $rc, $(cat "$T/e4")"
finish
