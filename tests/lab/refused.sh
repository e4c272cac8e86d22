#!/usr/bin/env bash
# tests/lab/refused.sh - nothing listens on the port: the server's kernel
# answers the SYN with RST+ACK.  "refused" from both capture points.
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_capture_start
lab_client connect "$SRV_IP" 8082 3 && fail "connect succeeded to a closed port"
lab_capture_stop
lab_diag client
expect_ids client "refused"
expect_only client "refused"
expect_vantage client client
lab_diag server
expect_ids server "refused"
expect_only server "refused"
expect_vantage server server
lab_finish
