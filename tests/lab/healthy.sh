#!/usr/bin/env bash
# tests/lab/healthy.sh - a healthy HTTP GET through the router: no findings
# (exit status 0) from the client's capture and from the server's, and each
# capture point recognised.
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve http 8080
lab_capture_start
lab_client get "$SRV_IP" 8080 || fail "the GET failed: $(tail -n1 "$T/client.out")"
lab_client get "$SRV_IP" 8080 || fail "the second GET failed: $(tail -n1 "$T/client.out")"
lab_capture_stop
lab_diag client
expect_ids client ""
expect_rc client 0
expect_vantage client client
lab_diag server
expect_ids server ""
expect_rc server 0
expect_vantage server server
lab_finish
