#!/usr/bin/env bash
# tests/lab/syn-drop-empty.sh - the router drops every packet to tcp port
# 8080, so the server's capture is EMPTY: not one packet (IPv6 is off in the
# lab, and no other traffic reaches the server while it captures; this is
# checked).  Expectations (tests/lab/expect-a.tsv): client syn-unanswered;
# server no-traffic; pair lost-forward (the SYNs left the client and never
# reached the server).
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_static_arp
lab_serve http 8080
lab_nft iifname "$RCIF" tcp dport 8080 drop
lab_capture_start
lab_client connect "$SRV_IP" 8080 4.5 && fail "connect succeeded through a router dropping SYNs"
lab_capture_stop
n=$(stat -c %s "$T/server.pcap")
[ "$n" = 24 ] || fail "the server capture should be empty (a 24-byte pcap header), it has $n bytes: $("$SYNACK" -nn -r "$T/server.pcap" 2>/dev/null | head -n 3)"
lab_expect syn-drop-empty
lab_finish
