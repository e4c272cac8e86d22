#!/usr/bin/env bash
# tests/lab/syn-drop.sh - the router drops the client's SYNs.  At the client:
# syn-unanswered, with the kernel's SYN retry timings (+0 s, +1 s, then
# +2 s or +3 s depending on net.ipv4.tcp_syn_linear_timeouts).  At
# the server nothing arrives: no-traffic (issue 10: nothing arrived is a
# finding, exit 1).
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve http 8080
lab_nft iifname "$RCIF" tcp dport 8080 tcp flags '&' '(syn|ack)' == syn drop
lab_capture_start
lab_client connect "$SRV_IP" 8080 4.5 && fail "connect succeeded through a router dropping SYNs"
lab_capture_stop
lab_diag client
expect_ids client "syn-unanswered"
expect_only client "syn-unanswered"
# the retry timings as the kernel sent them: the first retry 1 s after the
# first SYN (later ones depend on net.ipv4.tcp_syn_linear_timeouts)
grep -Eq '"[^"]*: [3-9] SYNs at \+0 s, \+1(\.0)? s, \+[23](\.[0-9])? s' "$T/client.json" ||
    _lab_report client "expected the SYN retry timings (+0 s, +1 s, ...) in the evidence"
expect_vantage client client
expect_rc client 1
lab_diag server
expect_ids server "no-traffic"
expect_only server "no-traffic"
expect_rc server 1
lab_finish
