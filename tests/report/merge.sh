#!/usr/bin/env bash
# tests/report/merge.sh - `synack report --merge` and `report -V LIST` read the pieces of one
# capture (a -C/-G ring) as that capture (issue 14): one section whose summary (time span,
# packets, connections, verdict), findings, connections table, graphs and packet list are
# byte for byte those of the report over the unsplit file (only the file names and the
# page's random nonce differ), with the pieces in any order.  Pieces: a real lab capture cut
# inside its connections (tests/misc/split-pcap.py) and a `synack -w ring -C 1` ring of a
# generated capture with 400 concurrent connections.  Also: graph --merge draws what graph
# over the whole file draws; without --merge the pieces get one section each, with a hint;
# two vantage points keep their meaning; the first piece alone gives another report; bad
# command lines fail with exit status 2.
. "$(dirname "$0")/../lib.sh"
need_synack
PY=/usr/bin/python3
[ -x "$PY" ] || skip "python3 not installed"
SPLIT=$TOP/tests/misc/split-pcap.py

# norm HTML: from the first summary on, without the nonce and the "Capture" row (file names)
norm() {
    sed -e 's/nonce-[0-9a-f]*/N/g' -e 's/nonce="[0-9a-f]*"/N/g' \
        -e 's#<dt>Capture</dt><dd>.*</dd><dt>Time span#<dt>Time span#' "$1" | sed -n '/<dl class="sum">/,$p'
}

# check NAME WHOLE ARGS...: report ARGS is the report of WHOLE
check() {
    local name=$1 whole=$2
    shift 2
    "$SYNACK" report -r "$whole" -o "$T/whole.html" 2>/dev/null; local wrc=$?
    "$SYNACK" report "$@" -o "$T/merged.html" 2>"$T/err"; local rc=$?
    [ $rc = $wrc ] || { fail "$name: exit status $rc, the whole file's report $wrc"; show "$T/err" 3; }
    [ "$(grep -c '<section class="capture"' "$T/merged.html")" = 1 ] || fail "$name: not exactly one section"
    grep -q 'files read as one capture, merged by time' "$T/merged.html" || fail "$name: the summary does not say the files are one capture"
    norm "$T/whole.html" >"$T/whole.n"
    norm "$T/merged.html" >"$T/merged.n"
    [ "$(wc -c <"$T/whole.n")" -gt 10000 ] || fail "$name: the whole file's report is nearly empty"
    cmp -s "$T/whole.n" "$T/merged.n" || { fail "$name: differs from the report of the whole file"; diff "$T/whole.n" "$T/merged.n" | head -4 | cut -c1-250; }
}

# ---- a lab capture with 5% loss, cut in three inside its two connections
W=$CAP/ana-loss5-sack.pcap
"$PY" "$SPLIT" "$W" "$T/p." 70 150 >/dev/null || die "split-pcap.py failed"
check "3 pieces, --merge" "$W" --merge -r "$T/p.0" -r "$T/p.1" -r "$T/p.2"
check "3 pieces, --merge, reverse" "$W" -r "$T/p.2" -r "$T/p.1" --merge -r "$T/p.0"
printf '%s\n' "$T/p.1" "$T/p.2" "$T/p.0" >"$T/list"
check "3 pieces, -V" "$W" -V "$T/list"
check "3 pieces, -V -" "$W" -V - <"$T/list"
# the first piece alone is another capture: another report
"$SYNACK" report -r "$T/p.0" -o "$T/one.html" 2>/dev/null
norm "$T/one.html" | cmp -s - "$T/whole.n" && fail "the first piece alone gives the whole file's report (no connection cut?)"
# graph: connection 1 crosses both boundaries
for kind in tsg ladder rtt inflight throughput; do
    "$SYNACK" graph $kind -r "$W" --conn 1 -o "$T/gw.svg" 2>/dev/null || fail "graph $kind over the whole file failed"
    "$SYNACK" graph $kind --merge -r "$T/p.2" -r "$T/p.0" -r "$T/p.1" --conn 1 -o "$T/gm.svg" 2>/dev/null || fail "graph $kind --merge: exit $?"
    cmp -s "$T/gw.svg" "$T/gm.svg" || fail "graph $kind --merge differs from the whole file's"
    "$SYNACK" graph $kind -V "$T/list" --conn 1 2>/dev/null | cmp -s - "$T/gw.svg" || fail "graph $kind -V differs from the whole file's"
done
"$SYNACK" graph tsg -r "$T/p.1" --conn 1 2>/dev/null | cmp -s - "$T/gw.svg" && fail "graph of the middle piece alone equals the whole's"
# without --merge: one section per file, and the hint
"$SYNACK" report -r "$T/p.0" -r "$T/p.1" -r "$T/p.2" -o "$T/sect.html" 2>"$T/err"
[ "$(grep -c '<section class="capture"' "$T/sect.html")" = 3 ] || fail "three -r without --merge: not three sections"
grep -q -- '--merge reads them as one' "$T/err" || { fail "three pieces without --merge: no hint on stderr"; show "$T/err"; }

# ---- a ring written by synack: -C 1 of a generated capture (400 concurrent connections)
"$PY" "$TOP/bench/gen-capture.py" -n 6000 -o "$T/gen.pcap" >/dev/null 2>&1 || die "gen-capture.py failed"
mkdir "$T/ring"
"$SYNACK" -Z root -r "$T/gen.pcap" -w "$T/ring/ring.pcap" -C 1 2>"$T/err" || { show "$T/err"; die "-w -C 1 failed"; }
ring=()
for f in $(cd "$T/ring" && ls ring.pcap* | sort -r); do ring+=(-r "$T/ring/$f"); done
[ ${#ring[@]} -ge 6 ] || die "-C 1: expected at least 3 files"
check "ring of $((${#ring[@]} / 2)) files, --merge, reverse" "$T/gen.pcap" --merge "${ring[@]}"
"$SYNACK" graph tsg -r "$T/gen.pcap" --conn 7 -o "$T/gw.svg" 2>/dev/null
"$SYNACK" graph tsg --merge "${ring[@]}" --conn 7 2>/dev/null | cmp -s - "$T/gw.svg" || fail "ring: graph tsg --conn 7 --merge differs"

# ---- two vantage points keep their meaning; --merge makes them one capture
C1=$CAP/cmp-loss-client.pcap C2=$CAP/cmp-loss-server.pcap
"$SYNACK" report -r "$C1" -r "$C2" -o "$T/pair.html" 2>/dev/null
grep -q 'Between the two captures' "$T/pair.html" || fail "client + server captures: no section between them"
"$SYNACK" report --merge -r "$C1" -r "$C2" -o "$T/pm.html" 2>/dev/null
grep -q 'Between the two captures' "$T/pm.html" && fail "--merge of client + server: still two vantage points"
[ "$(grep -c '<section class="capture"' "$T/pm.html")" = 1 ] || fail "--merge of client + server: not one section"

# ---- bad command lines: exit 2, one message, no output file
bad() { # WHAT TEXT ARGS...
    local what=$1 text=$2
    shift 2
    "$SYNACK" "$@" -o "$T/bad.html" >/dev/null 2>"$T/err" </dev/null; local rc=$?
    [ $rc = 2 ] || fail "$what: exit status $rc, expected 2"
    grep -q -- "$text" "$T/err" || { fail "$what: no '$text' on stderr"; show "$T/err" 3; }
    [ -e "$T/bad.html" ] && fail "$what: wrote an output file"
    rm -f "$T/bad.html"
}
bad "report -V and -r" "mutually exclusive" report -V "$T/list" -r "$W"
bad "report -V missing list" "Unable to open file" report -V "$T/nosuch"
: >"$T/empty"
bad "report -V empty list" "Nothing in" report -V "$T/empty"
bad "report -V list naming a missing file" "nosuch.pcap" report -V <(echo "$T/nosuch.pcap")
bad "graph two -r without --merge" "several with --merge" graph tsg -r "$W" -r "$W" --conn 1
finish
