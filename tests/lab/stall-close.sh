#!/usr/bin/env bash
# tests/lab/stall-close.sh - a receiver that stops reading: the client sends a
# GET, the server answers with 4 MB, the client reads nothing for 5 s (its
# window closes: zero windows, the server's zero-window probes back off),
# then closes with the data unread, so its kernel sends a RST.
# Expectations (tests/lab/expect-a.tsv): zero-window first at the client and
# at the server; early-close and client-reset allowed.
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve source 8080 4000000
lab_capture_start
lab_client sink "$SRV_IP" 8080 5 || fail "the client failed: $(tail -n1 "$T/client.out")"
lab_capture_stop
"$SYNACK" -nn -r "$T/client.pcap" 2>/dev/null | grep -q '10.198.1.2.[0-9]* > 10.198.2.2.8080: Flags \[R' ||
    fail "the client sent no RST"
"$SYNACK" -nn -r "$T/client.pcap" 2>/dev/null | grep -q '10.198.1.2.[0-9]* > 10.198.2.2.8080: .* win 0,' ||
    fail "the client advertised no zero window"
lab_expect stall-close
lab_finish
