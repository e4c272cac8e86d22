#!/usr/bin/env bash
# tests/misc/rotation-conns.sh - a connection that spans a -C rotation boundary
# stays whole when the ring is read back with several -r (issue 14).
# A generated capture (bench/gen-capture.py, 6000 packets, about 4 MB: 400
# concurrent connections) is written again with `synack -r IN -w ring -C 1`
# (1,000,000 bytes a file, as tcpdump counts) and -C 2 (two or three files,
# which diagnose must not take for a client and a server capture); `conns --json` and `diagnose --json` over all the ring's
# files, in order and in reverse order, must give exactly the records of the
# original capture, and each file alone must give less (the connection really
# is cut by the rotation).
. "$(dirname "$0")/../lib.sh"
need_synack
need_cmd cmp
PY=/usr/bin/python3
[ -x "$PY" ] || skip "python3 not installed"
"$PY" "$TOP/bench/gen-capture.py" -n 6000 -o "$T/gen.pcap" >/dev/null 2>&1 || die "gen-capture.py failed"
for c in gen.pcap; do
    in=$T/$c
    "$SYNACK" conns --json -r "$in" >"$T/$c.conns" 2>/dev/null || die "$c: conns exit $?"
    "$SYNACK" diagnose --json -r "$in" >"$T/$c.diag" 2>/dev/null
    for size in 1 2; do
        d=$T/$c.$size
        mkdir "$d"
        # -Z root: the files after the first are opened after the privilege drop
        "$SYNACK" -Z root -r "$in" -w "$d/ring.pcap" -C $size 2>"$T/err" || { show "$T/err"; die "$c: -w -C $size exit"; }
        files=$(cd "$d" && ls ring.pcap* | sort -V)
        n=$(echo "$files" | wc -l)
        [ "$n" -ge 2 ] || { fail "$c -C $size: $n file(s), expected a rotation"; continue; }
        fwd=() rev=()
        for f in $files; do fwd+=(-r "$d/$f"); rev=(-r "$d/$f" "${rev[@]}"); done
        for order in fwd rev; do
            if [ $order = fwd ]; then args=("${fwd[@]}"); else args=("${rev[@]}"); fi
            "$SYNACK" conns --json "${args[@]}" >"$T/out.conns" 2>/dev/null || fail "$c $size $order: conns exit $?"
            cmp -s "$T/$c.conns" "$T/out.conns" || { fail "$c -C $size ($n files, $order): conns differ from the single file"; diff "$T/$c.conns" "$T/out.conns" | head -4 | cut -c1-300; }
            "$SYNACK" diagnose --json "${args[@]}" >"$T/out.diag" 2>/dev/null
            cmp -s "$T/$c.diag" "$T/out.diag" || { fail "$c -C $size ($n files, $order): diagnose differs from the single file"; diff "$T/$c.diag" "$T/out.diag" | head -4 | cut -c1-300; }
        done
        # one file alone is a piece: its connection records are not the whole ones
        "$SYNACK" conns --json -r "$d/ring.pcap" >"$T/one.conns" 2>/dev/null
        cmp -s "$T/$c.conns" "$T/one.conns" && fail "$c -C $size: the first file alone already gives the whole records (no boundary crossed?)"
    done
done
finish
