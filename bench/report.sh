#!/usr/bin/env bash
# bench/report.sh - synack report against synack diagnose on a big generated
# capture (bench/gen-capture.py, N packets, default 1,000,000), and the
# report's size and load time in headless Chromium (the load event's
# performance.now(), which the report writes into body[data-load-ms]).
#   bash bench/report.sh            RUNS=5 N=1000000
set -eu
cd "$(dirname "$0")/.."
N=${N:-1000000}
RUNS=${RUNS:-5}
F=${PCAP:-bench/data/bench-$N.pcap}
[ -f "$F" ] || { mkdir -p bench/data; /usr/bin/python3 bench/gen-capture.py -n "$N" -o "$F"; }
S=$(mktemp -d /dev/shm/synack-rbench.XXXXXX)
trap 'rm -rf "$S"' EXIT
cp ./synack "$S/synack"
cat "$F" >/dev/null
best() { sort -n | head -1; }
for i in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M' "$S/synack" diagnose -r "$F" >/dev/null 2>>"$S/diag.t" || true
    /usr/bin/time -f '%e %M' "$S/synack" report -r "$F" -o "$S/r.html" 2>>"$S/rep.t" || true
done
d=$(grep -E '^[0-9.]+ [0-9]+$' "$S/diag.t" | best)
r=$(grep -E '^[0-9.]+ [0-9]+$' "$S/rep.t" | best)
echo "capture: $F ($(stat -c %s "$F") bytes)"
echo "diagnose: best of $RUNS ${d% *} s, peak RSS ${d#* } KB"
echo "report:   best of $RUNS ${r% *} s, peak RSS ${r#* } KB (ratio $(echo "scale=2; ${r% *} / ${d% *}" | bc))"
echo "report.html: $(stat -c %s "$S/r.html") bytes"
if command -v chromium >/dev/null; then
    for i in $(seq 3); do
        P=$(mktemp -d "$S/prof.XXXXXX")
        timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
            --disable-component-update --disable-sync --no-first-run --user-data-dir="$P" \
            --dump-dom "file://$S/r.html" 2>/dev/null | grep -o 'data-load-ms="[0-9]*"' | tr -dc '0-9\n'
    done | sort -n | head -1 | sed 's/^/chromium load event (best of 3): /; s/$/ ms/'
fi
