#!/usr/bin/env bash
# tests/lab/app-reset.sh - the server accepts, reads the request and resets
# the connection (SO_LINGER 0) without answering: app-reset from both sides.
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve reset 8080
lab_capture_start
lab_client get "$SRV_IP" 8080 3 && fail "GET succeeded against a resetting server"
lab_capture_stop
lab_diag client
expect_ids client "app-reset"
expect_only client "app-reset"
expect_vantage client client
lab_diag server
expect_ids server "app-reset"
expect_only server "app-reset"
expect_vantage server server
lab_finish
