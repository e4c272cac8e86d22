#!/usr/bin/env bash
# tests/errors/rotate-size.sh - -C (size, units of 1,000,000 bytes) and -W
# (file count) rotation: the same file names, sizes and packets as tcpdump;
# every file is a valid capture readable by tcpdump.
. "$(dirname "$0")/../lib.sh"
# As root, synack (like Debian's tcpdump) drops to an unprivileged user after opening
# its files; rotation creates new files in root-only temp dirs, so keep root here.
ZR=; [ "$(id -u)" = 0 ] && ZR="-Z root"
need_synack
need_tcpdump
make_big "$T/big.pcap" 1500 1400          # ~2.2 MB: three 1 MB files
zroot=(); [ "$(id -u)" = 0 ] && zroot=(-Z root)   # Debian's tcpdump drops to user tcpdump
check() { # check NAME ARGS...
    local what=$1; shift
    rm -rf "$T/ref" "$T/got"; mkdir -p "$T/ref" "$T/got"
    "$TCPDUMP" "${zroot[@]}" -r "$T/big.pcap" -w "$T/ref/out" "$@" 2>/dev/null
    local rc=0
    (cd "$T/got" && timeout 30 "$SYNACK" $ZR -r "$T/big.pcap" -w "$T/got/out" "$@") >/dev/null 2>"$T/err" || rc=$?
    [ "$rc" = 0 ] || { fail "$what: exit $rc"; show "$T/err" 3; return; }
    (cd "$T/ref" && ls) >"$T/ref.ls"; (cd "$T/got" && ls) >"$T/got.ls"
    expect_same "$what: file names" "$T/ref.ls" "$T/got.ls" || return
    local f
    while read -r f; do
        cmp -s "$T/ref/$f" "$T/got/$f" || fail "$what: $f differs from tcpdump's (sizes $(stat -c %s "$T/ref/$f") vs $(stat -c %s "$T/got/$f"))"
        "$TCPDUMP" -r "$T/got/$f" >/dev/null 2>"$T/rerr" || { fail "$what: $f unreadable by tcpdump"; show "$T/rerr" 2; }
    done <"$T/ref.ls"
}
check "-C 1"            -C 1       # out out1 out2
check "-C 1 -W 2"       -C 1 -W 2  # ring of out0 out1 (out0 overwritten)
check "-C 1 -W 12"      -C 1 -W 12 # zero-padded: out00 out01 out02
finish
