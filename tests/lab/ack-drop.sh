#!/usr/bin/env bash
# tests/lab/ack-drop.sh - the router drops every packet from the client that
# is not a SYN: the final handshake ACK, and the request that follows it.
#   server: synack-unacked (SYN-ACKs retransmitted, never acknowledged).
#   client: the client completed its handshake and sent the request; the
#   server kept repeating its SYN-ACK and never acknowledged the request, so
#   the client retransmits it with exponential backoff: rto-stall (the
#   client-side view of "my packets do not reach the server").  The
#   handshake looked complete from here, so no handshake finding is expected.
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve http 8080
lab_nft iifname "$RCIF" tcp dport 8080 tcp flags '&' '(syn|ack)' == ack drop
lab_capture_start
lab_client get "$SRV_IP" 8080 5 && fail "GET succeeded although the router drops the client's ACKs"
lab_capture_stop
lab_diag client
expect_ids client "rto-stall"
expect_no_ids client "syn-unanswered synack-unacked listen-overflow"
expect_vantage client client
lab_diag server
expect_ids server "synack-unacked"
expect_only server "synack-unacked"
expect_vantage server server
lab_finish
