#!/usr/bin/env bash
# tests/errors/rotate-time.sh - -G (rotate every N seconds, strftime file names).
# Reading a file is instantaneous, so one file results; its name is the
# strftime expansion of the -w pattern at the time of writing (as tcpdump).
# Also: with -G, -W limits the number of files (here 1).
. "$(dirname "$0")/../lib.sh"
# As root, synack (like Debian's tcpdump) drops to an unprivileged user after opening
# its files; rotation creates new files in root-only temp dirs, so keep root here.
ZR=; [ "$(id -u)" = 0 ] && ZR="-Z root"
need_synack
need_tcpdump
src=$CAP/core-http.pcap
mkdir "$T/got"
before=$(date -u +%s)
rc=0; timeout 30 "$SYNACK" $ZR -r "$src" -w "$T/got/cap-%Y%m%d-%H%M%S-%s.pcap" -G 60 2>"$T/err" >/dev/null || rc=$?
after=$(date -u +%s)
[ "$rc" = 0 ] || { fail "-G 60: exit $rc"; show "$T/err" 3; }
n=$(ls "$T/got" | wc -l)
[ "$n" = 1 ] || { fail "-G 60: expected 1 file, got $n"; ls "$T/got" | sed 's/^/    | /'; }
f=$(ls "$T/got" | head -1)
ok=0
for ((s = before; s <= after; s++)); do
    [ "$f" = "cap-$(TZ=UTC date -u -d "@$s" +%Y%m%d-%H%M%S)-$s.pcap" ] && ok=1
done
# tcpdump uses local time for the strftime expansion; TZ=UTC is exported
[ "$ok" = 1 ] || fail "-G 60: file name '$f' is not the strftime expansion of the pattern"
if [ -n "$f" ]; then
    "$TCPDUMP" -nn -r "$src" >"$T/ref.txt" 2>/dev/null
    "$TCPDUMP" -nn -r "$T/got/$f" >"$T/out.txt" 2>/dev/null || fail "-G 60: tcpdump cannot read $f"
    expect_same "-G 60: packets in the file" "$T/ref.txt" "$T/out.txt"
fi
# -G with -W 1 (stop after one file) behaves the same on a file read
rm -f "$T/got"/*
rc=0; timeout 30 "$SYNACK" $ZR -r "$src" -w "$T/got/g-%s" -G 60 -W 1 2>"$T/err" >/dev/null || rc=$?
[ "$rc" = 0 ] || { fail "-G 60 -W 1: exit $rc"; show "$T/err" 3; }
n=$(ls "$T/got" | wc -l); [ "$n" = 1 ] || fail "-G 60 -W 1: expected 1 file, got $n"
finish
