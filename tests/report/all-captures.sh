#!/usr/bin/env bash
# tests/report/all-captures.sh - synack report and synack graph on every shipped
# capture: the report is written (exit 0 or 1 as diagnose, never 2 / a crash),
# holds one graph section per connection (up to the cap of 64), and every graph kind
# of the first connection is well-formed SVG.  With SYNACK=./synack-asan this
# is also the sanitizer run.
# timeout: 600
. "$(dirname "$0")/../lib.sh"
need_synack
PY=/usr/bin/python3
n=0
for pc in "$CAP"/*.pcap "$CAP"/*.pcapng; do
    [ -f "$pc" ] || continue
    b=$(basename "$pc")
    rc=0; "$SYNACK" report -r "$pc" -o "$T/r.html" >/dev/null 2>"$T/err" || rc=$?
    # a capture cut short (truncated) is read to its end; diagnose exits 2 then too
    drc=0; "$SYNACK" diagnose -r "$pc" >/dev/null 2>&1 || drc=$?
    if [ "$rc" != "$drc" ]; then fail "$b: report exit status $rc, diagnose $drc"; show "$T/err" 3; continue; fi
    grep -q '^==[0-9]*==ERROR\|runtime error' "$T/err" && { fail "$b: sanitizer:"; show "$T/err" 5; }
    [ "$rc" -le 1 ] || continue
    tail -c 20 "$T/r.html" | grep -q '</html>' || fail "$b: report not complete"
    nconn=$("$SYNACK" conns --json -r "$pc" 2>/dev/null | grep -c "\"start\"")
    got=$(grep -c '<details class="conn"' "$T/r.html")
    # every connection has graphs up to 64; beyond, healthy ones give their slot back
    if [ "$nconn" -le 64 ]; then
        [ "$got" = "$nconn" ] || fail "$b: $got connection graph sections, $nconn connections"
    elif [ "$got" -lt 8 ] || [ "$got" -gt 64 ]; then
        fail "$b: $got connection graph sections for $nconn connections (expected 8..64)"
    fi
    if [ "$nconn" -gt 0 ]; then
        svgs=()
        for kind in tsg throughput rtt inflight ladder; do
            "$SYNACK" graph "$kind" -r "$pc" --conn 1 -o "$T/g-$kind.svg" 2>"$T/err" || { fail "$b: graph $kind failed"; show "$T/err" 3; continue; }
            svgs+=("$T/g-$kind.svg")
        done
        # one interpreter for the five files (a start-up each made this test the slowest)
        $PY -c 'import sys, xml.etree.ElementTree as E
for f in sys.argv[1:]:
    try:
        E.parse(f)
    except Exception as e:
        print(f, e)
        sys.exit(1)' "${svgs[@]}" >"$T/xerr" 2>&1 || { fail "$b: graph not well-formed"; show "$T/xerr" 3; }
        rm -f "${svgs[@]}"
    fi
    n=$((n + 1))
done
[ "$n" -gt 50 ] || fail "only $n captures checked"
finish
