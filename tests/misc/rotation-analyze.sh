#!/usr/bin/env bash
# tests/misc/rotation-analyze.sh - `synack --analyze` reads several -r files, or a -V list, as
# one capture merged by time (issue 14): the pieces of a capture print exactly what the whole
# file prints, whatever order they are given in.
#  - real lab captures (retransmissions, SACK, zero windows, reordering) cut into pieces
#    inside their connections (tests/misc/split-pcap.py), and a `synack -w ring -C 1` ring of
#    a 6000-packet generated capture (400 concurrent connections);
#  - text with -# (numbers of the merged stream), -v -ttt (deltas across boundaries), JSON,
#    -c (counts the merged stream), a filter: byte-identical to the whole file, with -r in
#    order, in reverse order and from a shuffled -V list; each piece read alone gives other
#    lines (the cut really splits connections);
#  - two captures of different link types (Ethernet, Linux cooked v2) interleaved in time:
#    each packet printed by its own file's link printer, tags as when read alone;
#  - a -V list of 101 pieces (more files than -r takes);
#  - plain tcpdump mode still reads the last -r (as tcpdump 4.99 does); -w is refused.
. "$(dirname "$0")/../lib.sh"
need_synack
need_cmd cmp
PY=/usr/bin/python3
[ -x "$PY" ] || skip "python3 not installed"
SPLIT=$TOP/tests/misc/split-pcap.py

# same WHAT WHOLE-ARGS -- MERGED-ARGS...: stdout of synack --analyze identical
same() {
    local what=$1 opts=$2
    shift 2
    # shellcheck disable=SC2086
    "$SYNACK" --analyze $opts -r "$whole" >"$T/whole.out" 2>/dev/null
    # shellcheck disable=SC2086
    "$SYNACK" --analyze $opts "$@" >"$T/merged.out" 2>"$T/merged.err"; local rc=$?
    [ $rc = 0 ] || { fail "$what ($opts): exit status $rc"; show "$T/merged.err" 3; return; }
    [ -s "$T/whole.out" ] || { fail "$what ($opts): the whole file printed nothing"; return; }
    cmp -s "$T/whole.out" "$T/merged.out" || {
        fail "$what ($opts): differs from the whole file"
        diff "$T/whole.out" "$T/merged.out" | head -4 | cut -c1-250
    }
}

# pieces NAME CAPTURE CUT...: cut CAPTURE after the given packet counts; check every order
pieces() {
    local name=$1
    whole=$2
    shift 2
    "$PY" "$SPLIT" "$whole" "$T/$name." "$@" >/dev/null || { fail "$name: split-pcap.py failed"; return; }
    local n=$(($# + 1)) fwd=() rev=() i
    : >"$T/$name.list"
    for ((i = 0; i < n; i++)); do
        fwd+=(-r "$T/$name.$i")
        rev=(-r "$T/$name.$i" "${rev[@]}")
    done
    # a shuffled list: the middle pieces first, then the last, then the first
    for ((i = 1; i < n - 1; i++)); do echo "$T/$name.$i" >>"$T/$name.list"; done
    echo "$T/$name.$((n - 1))" >>"$T/$name.list"
    echo "$T/$name.0" >>"$T/$name.list"
    for opts in "-nn -#" "-nn -v -ttt" "--json" "-nn -c 57" "-nn -# greater 200"; do
        same "$name forward" "$opts" "${fwd[@]}"
        same "$name reverse" "$opts" "${rev[@]}"
        same "$name -V" "$opts" -V "$T/$name.list"
    done
    # every file's "reading from file" line, in the order given
    "$SYNACK" --analyze -nn "${rev[@]}" 2>"$T/err" >/dev/null
    [ "$(grep -c '^reading from file' "$T/err")" = "$n" ] || { fail "$name: expected $n 'reading from file' lines"; show "$T/err"; }
    # each piece alone is not the whole story: its lines (tags, relative numbers) differ
    for ((i = 0; i < n; i++)); do "$SYNACK" --analyze -nn -r "$T/$name.$i" 2>/dev/null; done >"$T/alone.out"
    "$SYNACK" --analyze -nn -r "$whole" >"$T/whole.out" 2>/dev/null
    cmp -s "$T/alone.out" "$T/whole.out" && fail "$name: the pieces read one by one print what the whole prints (no connection cut?)"
    # the whole numbers its packets 1..N; merged, the last number is N too
    local N
    N=$("$SYNACK" --count -r "$whole" 2>/dev/null | cut -d' ' -f1)
    "$SYNACK" --analyze -nn -# "${rev[@]}" 2>/dev/null | tail -n 1 | grep -qE "^ *$N  " || fail "$name: the last packet of the merged stream is not number $N"
}

pieces loss5 "$CAP/ana-loss5-sack.pcap" 70 150
pieces zerowin "$CAP/ana-zerowin.pcap" 60 100
pieces reorder "$CAP/ana-reorder.pcap" 200 201 400
pieces loss20 "$CAP/ana-loss20-nots.pcap" 77

# a ring written by synack itself: -C 1 (1,000,000 bytes a file)
"$PY" "$TOP/bench/gen-capture.py" -n 6000 -o "$T/gen.pcap" >/dev/null 2>&1 || die "gen-capture.py failed"
mkdir "$T/ring"
"$SYNACK" -Z root -r "$T/gen.pcap" -w "$T/ring/ring.pcap" -C 1 2>"$T/err" || { show "$T/err"; die "-w -C 1 failed"; }
files=$(cd "$T/ring" && ls ring.pcap* | sort -V)
n=$(echo "$files" | wc -l)
[ "$n" -ge 3 ] || die "-C 1: $n file(s), expected at least 3"
fwd=() rev=()
for f in $files; do fwd+=(-r "$T/ring/$f"); rev=(-r "$T/ring/$f" "${rev[@]}"); done
whole=$T/gen.pcap
same "ring forward" "-nn -#" "${fwd[@]}"
same "ring reverse" "-nn -#" "${rev[@]}"
same "ring reverse" "--json" "${rev[@]}"
(cd "$T/ring" && ls ring.pcap*) | sed "s#^#$T/ring/#" | sort -r >"$T/ring.list"
same "ring -V" "-nn -#" -V "$T/ring.list"
"$SYNACK" --analyze -nn -r "$T/ring/ring.pcap1" 2>/dev/null | grep -q 'handshake not seen' ||
    fail "ring: the second file alone has no connection without its handshake (no boundary crossed?)"

# a -V list of 101 files (more than -r's 64): ana-reorder.pcap cut every 6 packets
mkdir "$T/many"
"$PY" "$SPLIT" "$CAP/ana-reorder.pcap" "$T/many/r." $(seq 6 6 600) >/dev/null || die "split-pcap.py failed"
ls "$T"/many/r.* | sort -r >"$T/many.list"
[ "$(wc -l <"$T/many.list")" = 101 ] || die "expected 101 pieces"
whole=$CAP/ana-reorder.pcap
same "101 pieces -V" "-nn -#" -V "$T/many.list"

# two link types interleaved: ana-loss5-sack (Ethernet) shifted into the time span of a
# Linux cooked v2 capture; merged, the lines are the two files' own lines in time order
L=$CAP/lab-any-healthy-router.pcap
"$PY" "$SPLIT" --shift 437868124458 "$CAP/ana-loss5-sack.pcap" "$T/shift." >/dev/null || die "split-pcap.py --shift failed"
"$SYNACK" --analyze -tt -nn -r "$T/shift.0" -r "$L" >"$T/mix.out" 2>/dev/null || fail "mixed link types: exit $?"
{ "$SYNACK" --analyze -tt -nn -r "$L" 2>/dev/null; "$SYNACK" --analyze -tt -nn -r "$T/shift.0" 2>/dev/null; } | sort -s -n -k1,1 >"$T/mix.exp"
cmp -s "$T/mix.exp" "$T/mix.out" || { fail "mixed link types: not each file's own lines in time order"; diff "$T/mix.exp" "$T/mix.out" | head -4 | cut -c1-200; }
# the interleaving is real: an Ethernet line between two cooked lines
awk '/ In  | Out /{c=1; next} c==1 && / IP /{print "yes"; exit}' "$T/mix.out" | grep -q yes || fail "mixed link types: the files do not interleave"

# plain tcpdump mode: the last -r only, as tcpdump 4.99
"$SYNACK" -nn -r "$T/loss5.0" -r "$T/loss5.2" >"$T/plain.out" 2>/dev/null
"$SYNACK" -nn -r "$T/loss5.2" 2>/dev/null | cmp -s - "$T/plain.out" || fail "synack -r A -r B (no --analyze) does not read only B"
if command -v "$TCPDUMP" >/dev/null 2>&1; then
    "$TCPDUMP" -nn -r "$T/loss5.0" -r "$T/loss5.2" 2>/dev/null | cmp -s - "$T/plain.out" || fail "synack -r A -r B differs from tcpdump -r A -r B"
fi
# -w with several files is refused with one error line
"$SYNACK" --analyze -r "$T/loss5.0" -r "$T/loss5.1" -w "$T/x.pcap" >/dev/null 2>"$T/err"; rc=$?
[ $rc = 1 ] && grep -q '^synack: -w cannot be used' "$T/err" || { fail "--analyze, two -r, -w: exit $rc"; show "$T/err"; }
[ -e "$T/x.pcap" ] && fail "--analyze, two -r, -w: a file was written"
finish
