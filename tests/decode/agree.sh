#!/usr/bin/env bash
# timeout: 300
# tests/decode/agree.sh - the printer and the analysis decoder agree (issue 11):
# for every packet of tests/captures/*.pcap* and of the shared corpus (when
# ../shared exists), the addresses, ports, TCP flags and sequence/ack numbers
# that `synack -nn -S -t` prints for the innermost transport header equal what
# src/decode/decode.c produced.  The decoder side comes from
# tests/decode/decode-dump.c, built here against src/decode/decode.c.
# Skip rules and the comparison: tests/decode/agree.py.  Prints the totals.
. "$(dirname "$0")/../lib.sh"
need_synack
need_cmd cc
PY=/usr/bin/python3
[ -x $PY ] || PY=python3
cc -O1 -Wall -Wextra -Werror -I"$TOP/src" -o "$T/decode-dump" "$TOP/tests/decode/decode-dump.c" \
    "$TOP/src/decode/decode.c" -lpcap 2>"$T/cc.err" || { show "$T/cc.err"; die "cannot build decode-dump"; }
files=("$TOP"/tests/captures/*.pcap "$TOP"/tests/captures/*.pcapng)
SHARED=${SHARED:-$TOP/../shared}
if [ -d "$SHARED/corpus/tcpdump" ]; then
    for f in "$SHARED"/corpus/tcpdump/*.pcap "$SHARED"/corpus/tcpdump/*.pcapng; do
        [ -e "$f" ] && files+=("$f")
    done
fi
tot_cmp=0 tot_bad=0 tot_skip=0 nfiles=0
for f in "${files[@]}"; do
    [ -e "$f" ] || continue
    name=${f##*/}
    timeout 20 "$SYNACK" -nn -S -t -# -r "$f" >"$T/p.out" 2>/dev/null </dev/null
    rc=$?
    [ $rc -ge 124 ] && { fail "$name: synack exit status $rc"; continue; }
    timeout 20 "$T/decode-dump" "$f" >"$T/d.out" 2>/dev/null </dev/null
    rc=$?
    [ $rc -ge 124 ] && { fail "$name: decode-dump exit status $rc"; continue; }
    [ $rc = 0 ] || continue   # a file libpcap cannot open: nothing to compare
    $PY "$TOP/tests/decode/agree.py" "$T/p.out" "$T/d.out" "$name" >"$T/a.out"
    arc=$?
    tail -1 "$T/a.out" >>"$T/summary"
    read -r _ _ c _ _ _ bad _ sk _ < <(tail -1 "$T/a.out")
    tot_cmp=$((tot_cmp + ${c:-0})) tot_bad=$((tot_bad + ${bad:-0})) tot_skip=$((tot_skip + ${sk:-0}))
    nfiles=$((nfiles + 1))
    if [ $arc != 0 ]; then
        fail "$name: printer and decoder disagree"
        head -5 "$T/a.out" | sed 's/^/    /'
    fi
done
echo "files $nfiles packets compared $tot_cmp disagree $tot_bad skipped $tot_skip"
# skipped, by rule
grep -o '[a-z-]*=[0-9]*' "$T/summary" 2>/dev/null |
    awk -F= '{n[$1] += $2} END {for (k in n) printf "  skipped %s: %d\n", k, n[k]}' | sort
[ "$tot_cmp" -gt 0 ] || fail "nothing compared"
finish
