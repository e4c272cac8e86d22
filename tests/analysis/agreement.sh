#!/usr/bin/env bash
# tests/analysis/agreement.sh - synack --analyze tags vs Wireshark's tcp.analysis.*
# flags (tshark), over tests/captures/ana-*.pcap (real Linux TCP: loss, SACK on/off,
# timestamps off, zero windows, keep-alives, port reuse, reordering) and the
# TCP-bearing captures of /work/shared/corpus/tcpdump (tests/analysis/corpus-tcp.list).
# Passes when every tag flagged on at least 20 packets agrees >= 98% (Jaccard).
# Prints both tables.  exit 0 pass, 1 fail, 77 skip (no tshark / no captures).
#
# NOTE for tests/run.sh: this script is meant to be run by tests/run.sh together
# with the other tests/analysis/*.sh scripts (those in this directory that are
# tests: agreement.sh; make-captures.bash is NOT a test, it regenerates captures).
# Manual use:  bash tests/analysis/agreement.sh   (SYNACK=./synack-asan works too)
. "$(dirname "$0")/../lib.sh"
need_synack
command -v tshark >/dev/null 2>&1 || skip "tshark not installed"
[ -x /usr/bin/python3 ] || skip "/usr/bin/python3 not installed"
CMP="/usr/bin/python3 $TOP/tests/analysis/compare-tshark.py --synack $SYNACK --min 98 --show 5"
shopt -s nullglob
caps=("$CAP"/ana-*.pcap)
[ ${#caps[@]} -gt 0 ] || skip "no tests/captures/ana-*.pcap"

echo "== tests/captures/ana-*.pcap =="
rc=0
timeout 100 $CMP "${caps[@]}" >"$T/ana.txt" 2>&1 || rc=$?
cat "$T/ana.txt"
case $rc in
0) ;;
1) fail "tag agreement below 98% on the ana-* captures" ;;
*) fail "compare-tshark.py failed on the ana-* captures (status $rc)" ;;
esac

echo
echo "== corpus (tests/analysis/corpus-tcp.list) =="
if [ -d /work/shared/corpus/tcpdump ]; then
    rc=0
    timeout 100 $CMP --corpus --quiet >"$T/corpus.txt" 2>&1 || rc=$?
    cat "$T/corpus.txt"
    case $rc in
    0) ;;
    1) fail "tag agreement below 98% on the corpus" ;;
    *) fail "compare-tshark.py failed on the corpus (status $rc)" ;;
    esac
else
    echo "corpus not present, skipped"
fi
# run.sh shows the lines after "fail:"; repeat the tables' failing rows there
if [ "$_failed" = 1 ]; then
    echo "fail: summary of the rows below 98% (see the tables above):"
    grep -h 'FAIL$' "$T/ana.txt" "$T/corpus.txt" 2>/dev/null
fi
finish
