#!/usr/bin/env bash
# tests/errors/read-truncated.sh - a capture file cut short (mid-packet data and
# mid-record-header): every complete packet is printed on stdout first, exactly
# as tcpdump prints them, then one error line on stderr and a non-zero exit.
. "$(dirname "$0")/../lib.sh"
need_synack
need_tcpdump
src=$CAP/core-http.pcap
# 700 bytes: inside a packet's data; 30 bytes: inside the first record header;
# 24+16+30: inside the first packet; 1000: somewhere later
for cut in 700 30 70 1000; do
    head -c $cut "$src" >"$T/cut.pcap"
    rc=0; "$TCPDUMP" -nn -r "$T/cut.pcap" >"$T/ref.out" 2>"$T/ref.err" && rc=0 || rc=$?
    [ "$rc" != 0 ] || { fail "cut $cut: test bug: tcpdump read it without error"; continue; }
    rc=0; timeout 20 "$SYNACK" -nn -r "$T/cut.pcap" >"$T/out" 2>"$T/err" || rc=$?
    expect_fail_rc "cut at $cut bytes" "$rc"
    expect_same "cut at $cut bytes: packets before the cut" "$T/ref.out" "$T/out"
    expect_one_line_error "cut at $cut bytes" "$T/err"
    expect_contains "cut at $cut bytes" "$T/err" "truncated"
done
# same through a pipe (-r -)
head -c 700 "$src" >"$T/cut.pcap"
"$TCPDUMP" -nn -r - <"$T/cut.pcap" >"$T/ref.out" 2>/dev/null
rc=0; timeout 20 "$SYNACK" -nn -r - <"$T/cut.pcap" >"$T/out" 2>"$T/err" || rc=$?
expect_fail_rc "cut file on stdin" "$rc"
expect_same "cut file on stdin" "$T/ref.out" "$T/out"
expect_contains "cut file on stdin" "$T/err" "truncated"
finish
