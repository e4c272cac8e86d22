#!/usr/bin/env bash
# tests/report/browser.sh - synack report opened in headless Chromium (Debian's):
# no console errors or CSP refusals; one time-sequence graph per connection;
# as many retransmission marks as the tracker counts (synack conns --json) on
# a lab capture with drops; one finding card per finding of synack diagnose
# --json; packet links in the findings resolve to packet rows; two captures
# give two sections with unique ids; a screenshot that is not blank.
# timeout: 300
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/browser.bash"
need_synack
need_chromium
PY=/usr/bin/python3
get() { sed -n "s/^$1 //p" "$2"; }

# 1. a transfer with 5% loss (two connections, retransmissions both ways)
pc=$CAP/ana-loss5-sack.pcap
"$SYNACK" conns --json -r "$pc" 2>/dev/null >"$T/conns.json"
nconn=$(grep -c '"start"' "$T/conns.json")
nrx=$($PY -c 'import json,sys; print(sum(sum(json.loads(l)["retransmissions"]) for l in sys.stdin if l.strip()))' <"$T/conns.json")
nfind=$("$SYNACK" diagnose --json -r "$pc" 2>/dev/null | grep -vc '"summary":true')
rc=0; "$SYNACK" report -r "$pc" -o "$T/r1.html" 2>"$T/err" || rc=$?
[ "$rc" = 1 ] || { fail "report exit status $rc, expected 1 (problems found, as diagnose)"; show "$T/err"; }
chromium_dom "$T/r1.html" "$T/r1.dom" || die "chromium failed on the report"
$PY "$TOP/tests/report/domcheck.py" "$T/r1.dom" >"$T/r1.facts"
[ -z "$(console_errors "$T/r1.dom.log")" ] || { fail "console errors:"; console_errors "$T/r1.dom.log" | head -5; }
[ "$(get tsg "$T/r1.facts")" = "$nconn" ] || fail "time-sequence graphs: $(get tsg "$T/r1.facts"), connections: $nconn"
[ "$nrx" -gt 0 ] || fail "test capture has no retransmissions?"
[ "$(get rx "$T/r1.facts")" = "$nrx" ] || fail "retransmission marks: $(get rx "$T/r1.facts"), tracker counts $nrx"
[ "$(get findings "$T/r1.facts")" = "$nfind" ] || fail "finding cards: $(get findings "$T/r1.facts"), diagnose --json: $nfind"
# each finding names one connection: a link to its graphs
[ "$(get clinks "$T/r1.facts")" = "$nfind" ] || fail "links from findings to connection graphs: $(get clinks "$T/r1.facts"), findings $nfind"
[ "$(get badclinks "$T/r1.facts")" = 0 ] || fail "connection links without a target"
get verdict "$T/r1.facts" | grep -q '^warning: packet loss' || fail "verdict: '$(get verdict "$T/r1.facts")'"
[ "$(get dupids "$T/r1.facts")" = 0 ] || fail "duplicate element ids"
grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$T/r1.html" || fail "no CSP with default-src 'none'"
grep -Eiq '(src|href)="(https?:)?//' "$T/r1.html" && fail "the report references a remote resource"

# 2. findings whose evidence names packets: every link leads to a packet row
for pc in "$CAP/lab-host-unreach-client.pcap" "$CAP/lab-backlog-server.pcap"; do
    "$SYNACK" report -r "$pc" -o "$T/r2.html" 2>/dev/null
    chromium_dom "$T/r2.html" "$T/r2.dom" || die "chromium failed"
    $PY "$TOP/tests/report/domcheck.py" "$T/r2.dom" >"$T/r2.facts"
    [ "$(get plinks "$T/r2.facts")" -gt 0 ] || fail "$(basename "$pc"): no packet links in the findings"
    [ "$(get badlinks "$T/r2.facts")" = 0 ] || fail "$(basename "$pc"): $(get badlinks "$T/r2.facts") packet links without a row"
    [ -z "$(console_errors "$T/r2.dom.log")" ] || { fail "console errors:"; console_errors "$T/r2.dom.log" | head -5; }
done

# 3. two vantage points of the same traffic (loss between them): a section per capture and
# one for the path between them, whose "client-side packet N" links lead to the client
# capture's rows (cmp-loss-client.pcap is the first file: cap1) and "server-side" ones to cap2
"$SYNACK" report -r "$CAP/cmp-loss-client.pcap" -r "$CAP/cmp-loss-server.pcap" -o "$T/r3.html" 2>/dev/null
chromium_dom "$T/r3.html" "$T/r3.dom" || die "chromium failed"
$PY "$TOP/tests/report/domcheck.py" "$T/r3.dom" >"$T/r3.facts"
[ "$(get captures "$T/r3.facts")" = 3 ] || fail "two vantage points: $(get captures "$T/r3.facts") sections, expected 3"
[ "$(get dupids "$T/r3.facts")" = 0 ] || fail "two captures: duplicate element ids"
[ "$(get badlinks "$T/r3.facts")" = 0 ] || fail "two captures: packet links without a row"
"$SYNACK" compare --json "$CAP/cmp-loss-client.pcap" "$CAP/cmp-loss-server.pcap" 2>/dev/null |
    $PY -c 'import json,sys
ids = []
for l in sys.stdin:
    o = json.loads(l)
    if o.get("event") == "lost": ids.append("cap%d-p%d" % (1 if o["capture"] == "client" else 2, o["packet"]))
print("\n".join(ids[:3]))' >"$T/lost"
[ -s "$T/lost" ] || fail "compare reports no lost packets on cmp-loss"
while read -r id; do
    grep -q "href=\"#$id\"" "$T/r3.dom" || fail "no link to lost packet row $id"
done <"$T/lost"
# the lost-packet ladder: one arrow per lost example (3 per direction here: 5 and 7 lost)
[ "$(get lost "$T/r3.facts")" = 6 ] || fail "lost-packet arrows: $(get lost "$T/r3.facts"), expected 6"
[ -z "$(console_errors "$T/r3.dom.log")" ] || { fail "console errors:"; console_errors "$T/r3.dom.log" | head -5; }
# two unrelated captures: one section each, no path section
"$SYNACK" report -r "$CAP/ana-loss5-sack.pcap" -r "$CAP/ana-zerowin.pcap" -o "$T/r4.html" 2>/dev/null
chromium_dom "$T/r4.html" "$T/r4.dom" || die "chromium failed"
$PY "$TOP/tests/report/domcheck.py" "$T/r4.dom" >"$T/r4.facts"
[ "$(get captures "$T/r4.facts")" = 2 ] || fail "two unrelated captures: $(get captures "$T/r4.facts") sections, expected 2"
[ "$(get dupids "$T/r4.facts")" = 0 ] || fail "two unrelated captures: duplicate element ids"

# 4. a spread of shipped captures (IPv6, VLAN, no TCP at all, refused, zero window, port
# reuse, path MTU, SSH): no console errors, one tsg per connection, links resolve, ids unique
for f in core-http6 core-vlan dns-crafted lab-refused-server diag-zero-window-client ana-reuse lab-pmtu-client app-ssh; do
    pc=$CAP/$f.pcap
    [ -f "$pc" ] || { fail "$f.pcap missing"; continue; }
    "$SYNACK" report -r "$pc" -o "$T/s.html" 2>/dev/null
    chromium_dom "$T/s.html" "$T/s.dom" || { fail "$f: chromium failed"; continue; }
    $PY "$TOP/tests/report/domcheck.py" "$T/s.dom" >"$T/s.facts"
    n=$("$SYNACK" conns --json -r "$pc" 2>/dev/null | grep -c '"start"')
    [ "$(get tsg "$T/s.facts")" = "$n" ] || fail "$f: $(get tsg "$T/s.facts") time-sequence graphs, $n connections"
    [ "$(get badlinks "$T/s.facts")" = 0 ] && [ "$(get badclinks "$T/s.facts")" = 0 ] || fail "$f: links without a target"
    [ "$(get dupids "$T/s.facts")" = 0 ] || fail "$f: duplicate ids"
    [ -z "$(console_errors "$T/s.dom.log")" ] || { fail "$f: console errors:"; console_errors "$T/s.dom.log" | head -3; }
done

# 5. a screenshot that is not blank: many colours, some ink, mostly background
chromium_shot "$T/r1.html" "$T/r1.png" 1280,1600 || die "chromium screenshot failed"
read -r w h ncol ink < <($PY "$TOP/tests/report/pngstat.py" "$T/r1.png")
[ "$w" = 1280 ] || fail "screenshot width $w"
[ "$ncol" -ge 20 ] || fail "screenshot has only $ncol colours"
$PY -c "import sys; sys.exit(0 if 1 <= $ink <= 60 else 1)" || fail "screenshot ink $ink% (blank or solid)"
finish
