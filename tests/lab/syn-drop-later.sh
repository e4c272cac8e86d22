#!/usr/bin/env bash
# tests/lab/syn-drop-later.sh - the router drops the SYNs to port 8080 (the
# connect fails), then a GET to port 8081, which the router lets through,
# succeeds.  The server's capture holds only that later, healthy connection.
# Expectations (tests/lab/expect-a.tsv): client syn-unanswered; server none
# (it never saw the lost SYNs); pair lost-forward.
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_static_arp
lab_serve http 8080
lab_serve http 8081
lab_nft iifname "$RCIF" tcp dport 8080 drop
lab_capture_start
lab_client connect "$SRV_IP" 8080 4.5 && fail "connect :8080 succeeded through a router dropping SYNs"
lab_client get "$SRV_IP" 8081 || fail "the GET :8081 failed: $(tail -n1 "$T/client.out")"
lab_capture_stop
"$SYNACK" -nn -r "$T/server.pcap" 2>/dev/null | grep -q '\.8080[ :]' && fail "a packet to :8080 reached the server"
lab_expect syn-drop-later
lab_finish
