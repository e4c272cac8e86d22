#!/usr/bin/env bash
# tests/report/graph.sh - synack graph: every kind is well-formed SVG with axes
# and a legend; the time-sequence graph of each connection of a lab capture
# with drops carries exactly as many retransmission marks as the tracker
# counts for that connection (synack conns --json); bad arguments fail cleanly.
. "$(dirname "$0")/../lib.sh"
need_synack
PY=/usr/bin/python3
[ -x $PY ] || skip "python3 not installed"
pc=$CAP/ana-loss5-sack.pcap
"$SYNACK" conns --json -r "$pc" 2>/dev/null >"$T/conns.json"
nconn=$(grep -c '"start"' "$T/conns.json")
[ "$nconn" -ge 2 ] || die "expected 2 connections in $pc, conns says $nconn"
for n in $(seq 1 "$nconn"); do
    # tracker count: retransmissions both ways of the N-th connection
    want=$(sed -n "${n}p" "$T/conns.json" | $PY -c 'import json,sys; print(sum(json.load(sys.stdin)["retransmissions"]))')
    for kind in tsg throughput rtt inflight; do
        out=$T/c$n-$kind.svg
        if ! "$SYNACK" graph "$kind" -r "$pc" --conn "$n" -o "$out" 2>"$T/err"; then
            fail "graph $kind --conn $n: exit status non-zero"; show "$T/err"; continue
        fi
        $PY - "$out" "$kind" "$want" >"$T/check" 2>&1 <<'PYEOF' || { fail "graph $kind --conn $n:"; show "$T/check"; }
import sys, xml.etree.ElementTree as ET
path, kind, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
ns = "{http://www.w3.org/2000/svg}"
root = ET.parse(path).getroot()          # well-formed XML or an exception
assert root.tag == ns + "svg", root.tag
assert "g-" + kind in root.get("class"), root.get("class")
texts = " ".join("".join(t.itertext()) for t in root.iter(ns + "text"))
assert "time since the connection started (s)" in texts, "no x axis label"
ticks = [t for t in root.iter(ns + "text") if t.get("class") == "tk"]
assert len([t for t in ticks if t.get("data-axis") == "x"]) >= 3, "fewer than 3 x ticks"
assert len([t for t in ticks if t.get("data-axis") == "y"]) >= 3, "fewer than 3 y ticks"
legend = [g for g in root.iter(ns + "g") if g.get("class") == "legend"]
assert legend and len(list(legend[0])) >= 1, "no legend"
if kind == "tsg":
    marks = [g for g in root.iter(ns + "g") if "rx" in (g.get("class") or "").split()]
    assert len(marks) == want, "%d retransmission marks, tracker counts %d" % (len(marks), want)
    for g in root.iter(ns + "g"):
        if "mk" in (g.get("class") or "").split():
            x, y = float(g.get("data-x")), float(g.get("data-y"))
            assert 0 <= x <= 850 and 0 <= y <= 300, "marker outside the plot: %s %s" % (x, y)
            assert g.get("data-pkt").isdigit(), "marker without a packet number"
    segs = [p for p in root.iter(ns + "path") if p.get("class") == "segs"]
    assert segs and segs[0].get("d").count("V") > 10, "no segment bars"
    assert "ACK" in texts and "receive window" in texts, "legend lacks ACK / window"
PYEOF
    done
done
# annotations: a connection whose SYN went unanswered (lab listen-queue overflow) has one
# "SYN retransmitted (packet N)" line per retransmitted SYN, N the packet conns/--analyze name
pb=$CAP/lab-backlog-server.pcap
"$SYNACK" graph tsg -r "$pb" --conn 2 -o "$T/b.svg" 2>/dev/null || fail "graph tsg lab-backlog --conn 2 failed"
syns=$("$SYNACK" conns --json -r "$pb" 2>/dev/null | sed -n 2p | $PY -c 'import json,sys; print(json.load(sys.stdin)["syn_count"] - 1)')
got=$(grep -o 'SYN retransmitted (packet [0-9]*)' "$T/b.svg" | sed 's/.*packet //; s/)//' | tr '\n' ' ')
want=$("$SYNACK" --analyze --json -r "$pb" 2>/dev/null | $PY -c '
import json, sys
first = None
for l in sys.stdin:
    o = json.loads(l)
    if "syn_retransmission" in " ".join(o.get("tags", [])) or "syn retransmission" in " ".join(o.get("tags", [])):
        print(o["packet"], end=" ")' )
[ "$syns" -ge 1 ] || fail "test capture: connection 2 has no SYN retransmission"
n=$(echo "$got" | wc -w)
[ "$n" = "$syns" ] || fail "$n SYN-retransmitted annotations, conns says $syns: '$got'"
case " $want " in *" ${got%% *} "*) ;; *) fail "annotated packet ${got%% *} is not a tagged SYN retransmission ($want)" ;; esac

# ladder: one row per packet of the connection, at most 24, the first one is the
# connection's first packet (conns --json first_packet)
for n in $(seq 1 "$nconn"); do
    "$SYNACK" graph ladder -r "$pc" --conn "$n" -o "$T/l.svg" 2>/dev/null || { fail "graph ladder --conn $n failed"; continue; }
    read -r pk first <<<"$(sed -n "${n}p" "$T/conns.json" | $PY -c 'import json,sys; o=json.load(sys.stdin); print(sum(o["packets"]), o["first_packet"])')"
    rows=$(grep -o 'class="lrow" data-pkt="[0-9]*"' "$T/l.svg" | sed 's/.*="//; s/"//')
    [ "$(echo "$rows" | wc -l)" = "$((pk < 24 ? pk : 24))" ] || fail "ladder --conn $n: $(echo "$rows" | wc -l) rows for $pk packets"
    [ "$(echo "$rows" | head -1)" = "$first" ] || fail "ladder --conn $n starts at packet $(echo "$rows" | head -1), not $first"
done

# a filter selects connections before numbering: port 5002 becomes connection 1
"$SYNACK" graph tsg -r "$pc" --conn 1 -o "$T/f.svg" 'tcp port 5002' 2>/dev/null || fail "graph with a filter failed"
grep -q ':5002: time-sequence' "$T/f.svg" || fail "graph --conn 1 'tcp port 5002' is not the port 5002 connection"
"$SYNACK" report -r "$pc" -o "$T/f.html" 'tcp port 5002' 2>/dev/null
[ "$(grep -c '<details class="conn"' "$T/f.html")" = 1 ] || fail "report with a filter: not exactly one connection"

# bad arguments: one error line, exit 2, no output file
for args in "tsg -r $pc --conn 0" "tsg -r $pc --conn 99" "nosuch -r $pc --conn 1" "tsg -r $pc" "tsg --conn 1"; do
    rc=0
    # shellcheck disable=SC2086
    "$SYNACK" graph $args -o "$T/bad.svg" >"$T/out" 2>"$T/err" || rc=$?
    [ "$rc" = 2 ] || fail "graph $args: exit status $rc, expected 2"
    [ -e "$T/bad.svg" ] && fail "graph $args: left an output file"
    grep -q '^synack: ' "$T/err" || { fail "graph $args: no 'synack: ' error line"; show "$T/err"; }
    rm -f "$T/bad.svg"
done
# report errors: an output that cannot be opened fails before reading; a full disk fails
# and leaves no half-written file; a capture cut short still gives its report, exit 2
rc=0; "$SYNACK" report -r "$pc" -o "$T/no/such/dir/r.html" >/dev/null 2>"$T/err" || rc=$?
[ "$rc" = 2 ] || fail "report -o into a missing directory: exit status $rc"
grep -q "^synack: cannot open '$T/no/such/dir/r.html'" "$T/err" || { fail "report -o missing dir: message"; show "$T/err"; }
grep -q '^reading from file' "$T/err" && fail "report -o missing dir: read the capture anyway"
if [ -w /dev/full ]; then
    rc=0; "$SYNACK" report -r "$pc" -o /dev/full >/dev/null 2>"$T/err" || rc=$?
    [ "$rc" = 2 ] || fail "report -o /dev/full: exit status $rc"
    grep -q "^synack: write error on '/dev/full'" "$T/err" || { fail "report -o /dev/full: message"; show "$T/err"; }
fi
head -c 20000 "$pc" >"$T/cut.pcap"
rc=0; "$SYNACK" report -r "$T/cut.pcap" -o "$T/cut.html" >/dev/null 2>"$T/err" || rc=$?
[ "$rc" = 2 ] || fail "report of a cut capture: exit status $rc, expected 2 (as diagnose)"
tail -c 20 "$T/cut.html" 2>/dev/null | grep -q '</html>' || fail "report of a cut capture: no complete report"
finish
