#!/usr/bin/env bash
# tests/lab/icmp-reject.sh - the router rejects connections to port 8080 with
# ICMP "communication administratively prohibited".  At the client:
# rejected-icmp naming the router's address.  The server sees nothing:
# no-traffic (issue 10: nothing arrived is a finding).
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve http 8080
lab_nft iifname "$RCIF" tcp dport 8080 reject with icmp type admin-prohibited
lab_capture_start
lab_client connect "$SRV_IP" 8080 3 && fail "connect succeeded through a rejecting router"
lab_capture_stop
lab_diag client
expect_ids client "rejected-icmp"
expect_only client "rejected-icmp"
expect_evidence client "from $RTR_CIP"
expect_evidence client "administratively prohibited"
expect_vantage client client
lab_diag server
expect_ids server "no-traffic"
expect_only server "no-traffic"
lab_finish
