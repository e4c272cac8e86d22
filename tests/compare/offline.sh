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

# nothing arrived: the router dropped every SYN (4, its nft counter) and the
# server's capture is empty, or holds only later traffic
check syn-drop-empty 4 0
grep -q '"empty_capture":"[^"]*cmp-syn-drop-empty-server.pcap"' "$T/syn-drop-empty.json" || fail "syn-drop-empty: empty capture not named"
grep -q 'assuming both captures ran at the same time' "$T/syn-drop-empty.txt" || fail "syn-drop-empty: the same-time assumption is not stated"
# an empty capture next to answered traffic is not that traffic's other end:
# nothing judged lost, and diagnose keeps merging the two files
B=$CAP/cmp-healthy-client.pcap check syn-drop-empty 0 0
rc=0; "$SYNACK" diagnose -r "$CAP/cmp-healthy-client.pcap" -r "$CAP/cmp-syn-drop-empty-server.pcap" >"$T/he.txt" 2>&1 || rc=$?
grep -q '^== between the captures' "$T/he.txt" && fail "healthy + empty: taken for two capture points"
[ "$rc" = 0 ] || fail "healthy + empty: diagnose exit status $rc, expected 0"
check syn-drop-later 4 0
grep -q '"outside_overlap":0,.*"judged_beyond_span":4,' "$T/syn-drop-later.json" || fail "syn-drop-later: SYNs before the server capture's first packet not judged"

# link-scope traffic (IPv6 ND/RS/MLD, fe80::, ff02::, 169.254/16): never
# matched, lost, unexpected or listed as a connection
check link-scope 0 0
grep -q '"link_scope":[1-9]' "$T/link-scope.json" || fail "link-scope: nothing counted as link-scope"
grep -Eq 'fe80|ff02|169\.254|:0 <->|:0"' "$T/link-scope.json" && fail "link-scope: link-scope packets in events or connections"

# the first SYN-ACK of a return-path loss at the very start of both captures
# (no healthy GET before it): judged, counted and in the ladder
"$SYNACK" -r "$CAP/cmp-synack-drop-client.pcap" -w "$T/edge-client.pcap" 'not port 8090' 2>/dev/null || die "cut failed"
"$SYNACK" -r "$CAP/cmp-synack-drop-server.pcap" -w "$T/edge-server.pcap" 'not port 8090' 2>/dev/null || die "cut failed"
A=$T/edge-server.pcap B=$T/edge-client.pcap check synack-drop 0 2
"$SYNACK" compare "$T/edge-client.pcap" "$T/edge-server.pcap" --ladder=:37140 >"$T/edge-ladder.txt" 2>&1
[ "$(grep -Ec 'X-* SYN-ACK SA seq 1475098398 ack 3157085552 len 0 +[0-9.]+ +lost$' "$T/edge-ladder.txt")" = 2 ] ||
    { fail "edge: the ladder does not show both lost SYN-ACKs"; show "$T/edge-ladder.txt" 30; }

# per-connection counts are per path and per capture: for every connection,
# what each capture saw of each direction, counted independently with a filter
for name in syn-drop loss capture-drop; do
    "$SYNACK" compare --json "$CAP/cmp-$name-client.pcap" "$CAP/cmp-$name-server.pcap" 2>/dev/null | grep '^{"conn_id"' >"$T/conns-$name.json"
    [ -s "$T/conns-$name.json" ] || fail "$name: no connection records"
    while read -r line; do
        cp_=$(echo "$line" | sed -n 's/.*"conn":"10\.198\.1\.2:\([0-9]*\) <-> 10\.198\.2\.2:\([0-9]*\)".*/\1 \2/p')
        [ -n "$cp_" ] || continue
        set -- $cp_
        f="src host 10.198.1.2 and src port $1 and dst port $2"
        r="src host 10.198.2.2 and src port $2 and dst port $1"
        want="$("$SYNACK" -r "$CAP/cmp-$name-client.pcap" "$f" 2>/dev/null | wc -l) $("$SYNACK" -r "$CAP/cmp-$name-server.pcap" "$f" 2>/dev/null | wc -l) $("$SYNACK" -r "$CAP/cmp-$name-server.pcap" "$r" 2>/dev/null | wc -l) $("$SYNACK" -r "$CAP/cmp-$name-client.pcap" "$r" 2>/dev/null | wc -l)"
        got=$(echo "$line" | sed -n 's/.*"sent_c2s":\([0-9]*\),"received_c2s":\([0-9]*\),.*"sent_s2c":\([0-9]*\),"received_s2c":\([0-9]*\),.*/\1 \2 \3 \4/p')
        [ "$got" = "$want" ] || fail "$name: port $1: sent/received c->s, s->c $got, the captures hold $want"
    done <"$T/conns-$name.json"
done

# capture loss is not network loss: the server-side capture's kernel dropped
# packets (lab-capture-drop, no loss in the network).  What the server side
# missed is counted independently: packets (source, destination, IP ID) in
# the client-side capture and not in the server-side one
check_cl() {
    local sum got want
    "$SYNACK" compare --json "$CAP/cmp-capture-drop-server.pcap" "$CAP/cmp-capture-drop-client.pcap" >"$T/cd.json" 2>&1
    sum=$(grep '^{"summary":true' "$T/cd.json")
    got=$(echo "$sum" | sed -n 's/.*"lost_c2s":\([0-9]*\),"lost_s2c":\([0-9]*\),.*"capture_missed_client":\([0-9]*\),"capture_missed_server":\([0-9]*\),.*/\1 \2 \4 \3/p')
    want="0 0 $($PY "$TOP/tests/compare/ipid-diff.py" "$CAP/cmp-capture-drop-client.pcap" "$CAP/cmp-capture-drop-server.pcap")"
    echo "capture-drop: lost c->s, s->c, missed by the server side, by the client side: $got (expected $want)"
    [ "$got" = "$want" ] || fail "capture-drop: got $got, expected $want"
    grep -q '^{"event":"lost"' "$T/cd.json" && fail "capture-drop: lost events"
    "$SYNACK" diagnose --json -r "$CAP/cmp-capture-drop-client.pcap" -r "$CAP/cmp-capture-drop-server.pcap" >"$T/cdd.json" 2>/dev/null
    grep -q '^{"id":"capture-loss","severity":"warning",.*"capture_missed":{"client":0,"server":[1-9]' "$T/cdd.json" || fail "capture-drop: no capture-loss finding"
    grep -Eq '^\{"id":"lost-(forward|return)"' "$T/cdd.json" && fail "capture-drop: path loss reported"
    # the ladder shows every judged packet: each one the server capture missed is a row
    "$SYNACK" compare "$CAP/cmp-capture-drop-client.pcap" "$CAP/cmp-capture-drop-server.pcap" --ladder=1 >"$T/cd-ladder.txt" 2>&1
    local rows
    rows=$(( $(grep -c ' capture missed it$' "$T/cd-ladder.txt") + $(grep -c ' unexpected$' "$T/cd-ladder.txt") ))
    [ "$rows" = "$(echo "$want" | cut -d' ' -f3)" ] || fail "capture-drop: $rows ladder rows missed by a capture, expected $(echo "$want" | cut -d' ' -f3)"
}
check_cl

# and at the client: every 7th record of the healthy client-side capture
# removed; the network lost nothing, so nothing is lost, and what the client
# side missed (counted independently by IP ID) is capture loss there (a
# packet at the very edge may be left unjudged)
$PY - "$CAP/cmp-healthy-client.pcap" "$T/thin-client.pcap" 7 <<'PYEOF' || die "thinning failed"
import struct, sys
src, dst, every = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, 'rb').read()
e = '<' if data[:4] in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1') else '>'
out, off, n = [data[:24]], 24, 0
while off + 16 <= len(data):
    incl = struct.unpack(e + 'I', data[off + 8:off + 12])[0]
    n += 1
    if n % every:
        out.append(data[off:off + 16 + incl])
    off += 16 + incl
open(dst, 'wb').write(b''.join(out))
PYEOF
sum=$("$SYNACK" compare --json "$CAP/cmp-healthy-server.pcap" "$T/thin-client.pcap" 2>/dev/null | grep '^{"summary":true')
set -- $(echo "$sum" | sed -n 's/.*"lost_c2s":\([0-9]*\),"lost_s2c":\([0-9]*\),.*"outside_overlap":\([0-9]*\),.*"capture_missed_client":\([0-9]*\),"capture_missed_server":\([0-9]*\),.*/\1 \2 \3 \4 \5/p')
indep=$($PY "$TOP/tests/compare/ipid-diff.py" "$CAP/cmp-healthy-server.pcap" "$T/thin-client.pcap" | cut -d' ' -f1)
echo "thinned client capture: lost $1/$2, missed by the client side $4 (+$3 unjudged), by the server side $5; independent count $indep"
[ "$1 $2 $5" = "0 0 0" ] || fail "thinned client capture: lost $1/$2, missed by the server side $5, expected 0 0 0"
[ "${4:-0}" -gt 0 ] && [ "$4" -le "$indep" ] && [ $(( $4 + $3 )) -ge "$indep" ] || fail "thinned client capture: $4 missed (+$3 unjudged), independent count $indep"

# one-way delays are never negative (a shared clock: every lab capture)
for j in "$T"/*.json; do
    grep -q '"delay_[cs2]*":{"min":-' "$j" && fail "$(basename "$j"): negative one-way delay: $(grep -o '"delay_[cs2]*":{[^}]*}' "$j" | head -2)"
done

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
