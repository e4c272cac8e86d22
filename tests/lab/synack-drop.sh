#!/usr/bin/env bash
# tests/lab/synack-drop.sh - the router drops the server's SYN-ACKs.  At the
# client: syn-unanswered (the client cannot tell a lost SYN from a lost
# SYN-ACK).  At the server: synack-unacked (SYN-ACKs retransmitted, the client
# keeps sending SYNs).
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve http 8080
lab_nft iifname "$RSIF" tcp sport 8080 tcp flags '&' '(syn|ack)' == 'syn|ack' drop
lab_capture_start
lab_client connect "$SRV_IP" 8080 4.5 && fail "connect succeeded through a router dropping SYN-ACKs"
lab_capture_stop
lab_diag client
expect_ids client "syn-unanswered"
expect_only client "syn-unanswered"
expect_vantage client client
lab_diag server
expect_ids server "synack-unacked"
expect_only server "synack-unacked"
expect_vantage server server
lab_finish
