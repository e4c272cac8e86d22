#!/usr/bin/env bash
# timeout: 600
# Tier-1 ("core") packets of ../shared/corpus/tcpdump must print exactly as
# tcpdump 4.99.3 printed them (expected output in the corpus), in -nn, -nn -v
# and -nn -e: at least 99% in every mode (issue 3), no crashes, no timeouts.
set -u
cd "$(dirname "$0")/../.."
cc=../shared/tools/corpus-compare
[ -x "$cc" ] || { echo "skip: ../shared/tools/corpus-compare not found"; exit 77; }
out=$("$cc" -m nn -m nnv -m nne ./synack 2>&1)
echo "$out" | grep -E '^(nn|nnv|nne) core'
fail=0
while read -r mode _ frac pct rest; do
    case $mode in nn|nnv|nne) ;; *) continue ;; esac
    ok=${frac%/*}; tot=${frac#*/}
    # ok*100 >= 99*tot
    [ $((ok * 100)) -ge $((tot * 99)) ] || { echo "fail: $mode core $frac below 99%"; fail=1; }
    echo "$rest" | grep -q 'crashes 0 timeouts 0' || { echo "fail: $mode crashes/timeouts: $rest"; fail=1; }
done <<<"$(echo "$out" | grep -E '^(nn|nnv|nne) core')"
exit $fail
