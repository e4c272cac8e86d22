#!/usr/bin/env bash
# tests/errors/disk-full.sh - -w onto a full file system (64 KiB tmpfs).
# synack must stop with a non-zero exit and one clear error line (tcpdump 4.99.3
# itself exits 0 silently here: synack is stricter on purpose), and the file
# written so far must be readable by tcpdump up to the last complete packet.
. "$(dirname "$0")/../lib.sh"
need_synack
need_tcpdump
need_root
mkdir "$T/mnt"
mount -t tmpfs -o size=64k,mode=0777 synack-test "$T/mnt" 2>/dev/null || skip "cannot mount a tmpfs here"
add_cleanup "umount '$T/mnt'"
make_big "$T/big.pcap" 200 1000          # ~210 KB, far more than 64 KiB
rc=0; timeout 30 "$SYNACK" -r "$T/big.pcap" -w "$T/mnt/out.pcap" >"$T/out" 2>"$T/err" || rc=$?
expect_fail_rc "disk full" "$rc"
expect_one_line_error "disk full" "$T/err"
expect_contains "disk full" "$T/err" "No space left on device"
[ -s "$T/mnt/out.pcap" ] || die "nothing was written before the disk filled up"
# every complete packet in the file must be the input's packets, in order
"$TCPDUMP" -nn -r "$T/mnt/out.pcap" >"$T/got.txt" 2>/dev/null
n=$(wc -l <"$T/got.txt")
[ "$n" -ge 40 ] || fail "disk full: only $n packets readable from the 64 KiB file (expected ~60)"
"$TCPDUMP" -nn -c "$n" -r "$T/big.pcap" >"$T/want.txt" 2>/dev/null
expect_same "disk full: readable packets" "$T/want.txt" "$T/got.txt"
finish
