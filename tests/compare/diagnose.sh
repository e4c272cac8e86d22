#!/usr/bin/env bash
# tests/compare/diagnose.sh - `synack diagnose -r A -r B` with two captures of
# the same traffic (client side and server side, the shipped lab captures
# tests/captures/cmp-*-{client,server}.pcap): each capture gets its own report
# and the path between them is judged with compare's matcher (lost-forward,
# lost-return, loss rates, modified-in-flight).  Two rotated pieces of one
# capture must still be merged into one report, as before.  No root needed.
. "$(dirname "$0")/../lib.sh"
need_synack
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# diag NAME ORDER: runs diagnose (text and --json) with the captures in ORDER
# ("cs" client first, "sc" server first); output in $T/NAME-ORDER.{txt,json},
# exit statuses in RC_TXT / RC_JSON.
diag() {
    local name=$1 order=$2 a b
    if [ "$order" = cs ]; then a=$CAP/cmp-$name-client.pcap b=$CAP/cmp-$name-server.pcap
    else a=$CAP/cmp-$name-server.pcap b=$CAP/cmp-$name-client.pcap; fi
    RC_TXT=0 RC_JSON=0
    "$SYNACK" diagnose -r "$a" -r "$b" >"$T/$name-$order.txt" 2>"$T/$name-$order.err" || RC_TXT=$?
    "$SYNACK" diagnose --json -r "$a" -r "$b" >"$T/$name-$order.json" 2>>"$T/$name-$order.err" || RC_JSON=$?
    TXT=$T/$name-$order.txt JSON=$T/$name-$order.json
}

# has FILE REGEX WHAT: FILE must contain a line matching REGEX
has() { grep -qE -- "$2" "$1" || { fail "$3"; show "$1" 60; }; }
hasnt() { ! grep -qE -- "$2" "$1" || { fail "$3"; grep -E -- "$2" "$1" | show /dev/stdin 5; }; }

# every vantage-pair run: the server side's report, the path section, then the
# client side's (the first finding printed is the one to act on; issue 10)
common() {
    local what=$1 want_rc=$2
    [ "$RC_TXT" = "$want_rc" ] || fail "$what: exit status $RC_TXT, expected $want_rc"
    [ "$RC_JSON" = "$want_rc" ] || fail "$what: --json exit status $RC_JSON, expected $want_rc"
    has "$TXT" '^== client-side capture: .*client\.pcap ==$' "$what: no client-side report"
    has "$TXT" '^== server-side capture: .*server\.pcap ==$' "$what: no server-side report"
    has "$TXT" '^== between the captures: client side .*client\.pcap, server side .*server\.pcap' "$what: no path section"
    [ "$(grep '^== ' "$TXT" | cut -c1-14 | tr '\n' '|')" = "== server-side|== between the|== client-side|" ] ||
        fail "$what: sections out of order"
    # per-file reports count each packet once (a merge would double the counts)
    local n
    n=$(grep -c '^{"summary":true,"capture":' "$JSON")
    [ "$n" = 2 ] || fail "$what: expected 2 per-capture JSON summaries, got $n"
    has "$JSON" '^\{"summary":true,"paths":true,' "$what: no JSON path summary"
    # every JSON finding has the common fields
    local bad
    bad=$(grep '^{"id":' "$JSON" | grep -vc '"severity":.*"title":.*"conn":.*"evidence":\[.*"causes":.*"next":')
    [ "$bad" = 0 ] || fail "$what: $bad JSON findings lack id/severity/title/conn/evidence/causes/next"
    $PY -c 'import json,sys
for l in open(sys.argv[1]): json.loads(l)' "$JSON" || fail "$what: invalid JSON"
}

for order in cs sc; do
    # the router dropped 2 SYN-ACKs (the server's retransmission too)
    diag synack-drop $order
    common "synack-drop ($order)" 1
    has "$TXT" '^!! \[lost-return\] SYN-ACK lost' "synack-drop ($order): no lost-return finding"
    has "$TXT" 'the SYN-ACK left the server at 18:03:50\.176589 \(server-side packet 12.*and never reached the client: return-path loss between them' \
        "synack-drop ($order): lost SYN-ACK not shown with its time"
    has "$TXT" 'the SYN-ACK left the server at 18:03:51\.206126 \(server-side packet 15' "synack-drop ($order): second lost SYN-ACK"
    hasnt "$TXT" '\[lost-forward\]' "synack-drop ($order): lost-forward reported"
    has "$JSON" '^\{"id":"lost-return","severity":"error",.*"path":"server->client",.*"lost":2,.*"lost_kinds":\{"SYN-ACK":2\}' \
        "synack-drop ($order): JSON lost-return"

    # the router dropped 2 SYNs
    diag syn-drop $order
    common "syn-drop ($order)" 1
    has "$TXT" '^!! \[lost-forward\] SYN lost' "syn-drop ($order): no lost-forward finding"
    has "$TXT" 'the SYN left the client at 18:03:44\.524221 \(client-side packet 11.*and never reached the server: lost on the way to the server' \
        "syn-drop ($order): lost SYN not shown with its time"
    has "$TXT" 'the SYN left the client at 18:03:45\.593915 \(client-side packet 22' "syn-drop ($order): second lost SYN"
    hasnt "$TXT" '\[lost-return\]' "syn-drop ($order): lost-return reported"
    has "$JSON" '^\{"id":"lost-forward","severity":"error",.*"path":"client->server",.*"lost":2,.*"lost_kinds":\{"SYN":2\}' \
        "syn-drop ($order): JSON lost-forward"
    # the server-side capture alone saw nothing wrong: only the pair tells
    has "$TXT" '^no problems found: 4 connections looked healthy' "syn-drop ($order): the server-side report alone"

    # random loss both ways: 5 data segments client->server, 7 server->client
    diag loss $order
    common "loss ($order)" 1
    has "$TXT" '^ ! \[lost-forward\] packet loss client->server: 5 of [0-9]+ data segments lost \([0-9.]+%\)' "loss ($order): forward loss rate"
    has "$TXT" '^ ! \[lost-return\] packet loss server->client: 7 of [0-9]+ data segments lost \([0-9.]+%\)' "loss ($order): return loss rate"
    has "$JSON" '^\{"id":"lost-forward","severity":"warning",.*"data_lost":5,"data_loss_rate":0\.0[0-9]+' "loss ($order): JSON forward rate"
    has "$JSON" '^\{"id":"lost-return","severity":"warning",.*"data_lost":7,"data_loss_rate":0\.0[0-9]+' "loss ($order): JSON return rate"

    # masquerading router (and 2 SYNs dropped)
    diag nat $order
    common "nat ($order)" 1
    has "$TXT" '^   \[modified-in-flight\] packets modified between the captures: address/port translation \(NAT\)' "nat ($order): no modified-in-flight"
    has "$TXT" 'client->server nat \([0-9]+ packets\): 10\.198\.1\.2:[0-9]+ > 10\.198\.2\.2:8090 became 10\.198\.2\.1:[0-9]+ > 10\.198\.2\.2:8090' \
        "nat ($order): the rewrite is not shown"
    has "$JSON" '^\{"id":"modified-in-flight","severity":"info",' "nat ($order): JSON modified-in-flight"

    # healthy: nothing serious anywhere, exit 0
    diag healthy $order
    common "healthy ($order)" 0
    hasnt "$TXT" '\[(lost-forward|lost-return|modified-in-flight)\]' "healthy ($order): path finding reported"
    has "$TXT" '^no problems found between the captures' "healthy ($order): no all-clear line"
    hasnt "$JSON" '"severity":"(warning|error|critical)"' "healthy ($order): serious JSON finding"
done

# the server capture is empty (the router dropped all 4 SYNs): still two
# capture points, lost-forward with the same-time assumption stated; and
# with only later traffic at the server
for order in cs sc; do
    diag syn-drop-empty $order
    [ "$RC_TXT" = 1 ] || fail "syn-drop-empty ($order): exit status $RC_TXT, expected 1"
    has "$TXT" '^== between the captures: client side .*client\.pcap, server side .*server\.pcap \(one capture is empty\)' "syn-drop-empty ($order): no path section"
    has "$TXT" '^!! \[lost-forward\] SYN lost between the captures, on the way to the server' "syn-drop-empty ($order): no lost-forward"
    has "$TXT" 'evidence: client->server: 4 of 4 packets the client sent were lost' "syn-drop-empty ($order): lost count"
    has "$TXT" 'this assumes both captures ran at the same time' "syn-drop-empty ($order): assumption not stated"
    has "$JSON" '^\{"id":"lost-forward","severity":"error",.*"lost":4,.*"lost_kinds":\{"SYN":4\}' "syn-drop-empty ($order): JSON lost-forward"
    diag syn-drop-later $order
    common "syn-drop-later ($order)" 1
    has "$JSON" '^\{"id":"lost-forward","severity":"error",.*"lost":4,.*"lost_kinds":\{"SYN":4\}' "syn-drop-later ($order): JSON lost-forward"
done

# two rotated pieces of one capture: merged into one report, as before
WHOLE=$CAP/cmp-loss-client.pcap
mkdir -p "$T/rot"
if command -v editcap >/dev/null 2>&1; then
    editcap -c 400 "$WHOLE" "$T/rot/piece.pcap" >/dev/null || die "editcap failed"
else
    $PY - "$WHOLE" "$T/rot/piece" 400 <<'EOF' || die "split failed"
import struct, sys
src, out, per = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, 'rb').read()
hdr, off, n, part, f = data[:24], 24, 0, 0, None
end = '<' if data[:4] in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1') else '>'
while off + 16 <= len(data):
    incl = struct.unpack(end + 'I', data[off + 8:off + 12])[0]
    if n % per == 0:
        if f: f.close()
        f = open('%s_%05d.pcap' % (out, part), 'wb'); f.write(hdr); part += 1
    f.write(data[off:off + 16 + incl]); off += 16 + incl; n += 1
f.close()
EOF
fi
set -- "$T"/rot/piece*
[ $# = 2 ] || die "expected 2 pieces, got $#"
rc=0; "$SYNACK" diagnose -r "$1" -r "$2" >"$T/rot.txt" 2>"$T/rot.err" || rc=$?
rcw=0; "$SYNACK" diagnose -r "$WHOLE" >"$T/whole.txt" 2>/dev/null || rcw=$?
[ "$rc" = "$rcw" ] || fail "rotated pieces: exit status $rc, the whole capture $rcw"
if ! cmp -s "$T/rot.txt" "$T/whole.txt"; then
    fail "rotated pieces: the merged report differs from the whole capture's"
    diff "$T/whole.txt" "$T/rot.txt" | show /dev/stdin 20
fi
hasnt "$T/rot.txt" '^== ' "rotated pieces: treated as two vantage points"
[ "$(grep -c '^reading from file' "$T/rot.err")" = 2 ] || fail "rotated pieces: both files not read"
# and the JSON summary counts each packet once
p_rot=$("$SYNACK" diagnose --json -r "$1" -r "$2" 2>/dev/null | sed -n 's/^{"summary":true,"packets":\([0-9]*\),.*/\1/p')
p_all=$("$SYNACK" diagnose --json -r "$WHOLE" 2>/dev/null | sed -n 's/^{"summary":true,"packets":\([0-9]*\),.*/\1/p')
[ -n "$p_rot" ] && [ "$p_rot" = "$p_all" ] || fail "rotated pieces: $p_rot packets, the whole capture $p_all"
echo "pair reports and path findings checked (both orders); rotated pieces merged ($p_rot packets)"
finish
