#!/usr/bin/env bash
# tests/lab/zero-window.sh - the server (64 KB receive buffer) stops reading
# for 3 s while the client uploads 200 KB: zero-window from both sides.
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve stall 8080 3
lab_capture_start
lab_client up "$SRV_IP" 8080 200000 10 || fail "upload failed: $(tail -n1 "$T/client.out")"
lab_capture_stop
lab_diag client
expect_ids client "zero-window"
expect_only client "zero-window window-full"
expect_vantage client client
lab_diag server
expect_ids server "zero-window"
expect_only server "zero-window window-full"
expect_vantage server server
lab_finish
