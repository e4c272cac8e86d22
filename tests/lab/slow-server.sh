#!/usr/bin/env bash
# tests/lab/slow-server.sh - the server waits 2 s before answering a GET on a
# sub-millisecond path: slow-server from both sides.
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve http 8080 2
lab_capture_start
lab_client get "$SRV_IP" 8080 6 || fail "GET failed: $(tail -n1 "$T/client.out")"
lab_capture_stop
lab_diag client
expect_ids client "slow-server"
expect_only client "slow-server"
expect_vantage client client
lab_diag server
expect_ids server "slow-server"
expect_only server "slow-server"
expect_vantage server server
lab_finish
