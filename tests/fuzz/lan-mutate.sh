#!/usr/bin/env bash
# timeout: 300
# tests/fuzz/lan-mutate.sh - the LAN control printers (PTP, STP, EAPOL, IGMP, PIM, CDP,
# LLDP, CFM, ...) on damaged packets: mutated copies of tests/captures/lan-*.pcap
# (tests/fuzz/lan-mutate.py, fixed seeds) printed at -vv and -e -vvv.  Fails when synack
# crashes, hangs (30 s per file) or, in the sanitizer build (SYNACK=./synack-asan),
# reports an error.
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || die "no $TOP"
need_synack
[ -x /usr/bin/python3 ] || skip "no /usr/bin/python3"
n=0
for seed in 1 2 3 4; do
    mkdir -p "$T/m$seed"
    /usr/bin/python3 tests/fuzz/lan-mutate.py "$seed" "$T/m$seed" || die "lan-mutate.py failed"
    for f in "$T/m$seed"/lan-*.pcap; do
        for opts in "-nn -vv" "-nn -e -vvv"; do
            rc=0
            # shellcheck disable=SC2086
            timeout 30 "$SYNACK" $opts -r "$f" >"$T/out" 2>"$T/err" </dev/null || rc=$?
            n=$((n + 1))
            if [ "$rc" -ge 124 ] || grep -qE 'ERROR: (Address|Leak|Memory)Sanitizer|runtime error: ' "$T/err"; then
                fail "seed $seed $(basename "$f") $opts: exit status $rc"
                grep -m3 -E 'ERROR: |runtime error: |^    #[0-3] ' "$T/err" | cut -c1-200 | sed 's/^/    | /'
            fi
        done
    done
done
[ "$n" -gt 0 ] || die "no mutated captures were made"
echo "$n runs on mutated captures"
finish
