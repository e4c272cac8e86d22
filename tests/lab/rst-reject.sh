#!/usr/bin/env bash
# tests/lab/rst-reject.sh - the router answers SYNs to port 8081 with a forged
# TCP reset (nft "reject with tcp reset") although the server listens there.
# A successful GET to port 8080 in the same capture gives the diagnosis a
# baseline (the server's TTL).  At the client: refused-by-middlebox.  At the
# server: only the healthy connection.
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve http 8080
lab_serve http 8081
lab_nft iifname "$RCIF" tcp dport 8081 reject with tcp reset
lab_capture_start
lab_client get "$SRV_IP" 8080 || fail "baseline GET :8080 failed"
lab_client connect "$SRV_IP" 8081 3 && fail "connect :8081 succeeded through a rejecting router"
lab_capture_stop
lab_diag client
expect_ids client "refused-by-middlebox"
expect_only client "refused-by-middlebox"
expect_vantage client client
lab_diag server
expect_ids server ""
expect_vantage server server
lab_finish
