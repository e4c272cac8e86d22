#!/usr/bin/env bash
# tests/report/bounded.sh - a connection longer than the series bound (20,000
# data segments, 40,000 packets, mklong.py): the time-sequence graph merges
# points into time buckets (at most SERIES_MAX_POINTS = 2048 segment bars) but
# still carries every retransmission marker (the tracker's count), its y axis
# reaches the bytes sent, its x axis the duration; the report keeps its packet
# list to the documented slices (first 1000 packets + tagged ones, gaps marked).
. "$(dirname "$0")/../lib.sh"
need_synack
PY=/usr/bin/python3
[ -x $PY ] || skip "python3 not installed"
$PY "$TOP/tests/report/mklong.py" "$T/long.pcap" 20000 || die "mklong.py failed"
"$SYNACK" conns --json -r "$T/long.pcap" 2>/dev/null >"$T/c.json"
read -r rx bytes dur <<<"$($PY -c 'import json,sys; o=json.load(sys.stdin); print(sum(o["retransmissions"]), o["bytes"][0], o["duration"])' <"$T/c.json")"
[ "$rx" = 20 ] || die "test capture: tracker counts $rx retransmissions, expected 20"
"$SYNACK" graph tsg -r "$T/long.pcap" --conn 1 -o "$T/g.svg" 2>/dev/null || die "graph tsg failed"
$PY - "$T/g.svg" "$rx" "$bytes" "$dur" <<'PYEOF' >"$T/check" 2>&1 || { fail "tsg:"; show "$T/check"; }
import sys, xml.etree.ElementTree as ET
ns = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
rx, nbytes, dur = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
segs = [p for p in root.iter(ns + "path") if p.get("class") == "segs"][0].get("d")
bars = segs.count("V")
assert 500 < bars <= 2048, "%d segment bars (bound 2048)" % bars
marks = [g for g in root.iter(ns + "g") if "rx" in (g.get("class") or "").split()]
assert len(marks) == rx, "%d retransmission marks, tracker %d" % (len(marks), rx)
y1, x1 = float(root.get("data-y1")), float(root.get("data-x1"))
assert nbytes <= y1 <= nbytes * 1.1, "y axis to %g for %d bytes" % (y1, nbytes)
assert dur <= x1 <= dur * 1.1, "x axis to %g for %g s" % (x1, dur)
PYEOF
"$SYNACK" report -r "$T/long.pcap" -o "$T/r.html" 2>/dev/null
rows=$(grep -c '<div class="pk[ "]' "$T/r.html")
gaps=$(grep -c '<div class="pk gap"' "$T/r.html")
# 1000 first packets + 20 retransmissions (+ gap lines); never all 40,026
[ "$((rows - gaps))" -ge 1020 ] && [ "$((rows - gaps))" -le 1100 ] || fail "packet list has $((rows - gaps)) rows"
[ "$gaps" -ge 1 ] || fail "no gap marks in the packet list"
# 99 short healthy connections, then the long one (with its 20 retransmissions): once the
# 64 graph slots are taken, healthy connections give theirs back, so #100 has its graphs
$PY "$TOP/tests/report/mklong.py" "$T/many.pcap" 2000 100 || die "mklong.py failed"
"$SYNACK" report -r "$T/many.pcap" -o "$T/m.html" 2>/dev/null
grep -q '<details class="conn" id="cap1-conn-100"' "$T/m.html" || fail "connection 100 (the one with retransmissions) has no graphs"
[ "$(grep -c '<details class="conn"' "$T/m.html")" -le 64 ] || fail "more than 64 connections with graphs"
grep -q '<details class="conn" id="cap1-conn-1"' "$T/m.html" || fail "the first healthy connections lost their graphs"
finish
