#!/usr/bin/env bash
# tests/lab/host-unreach.sh - the client connects to 10.198.2.99, an address on
# the server's subnet that nobody owns.  The router's ARP requests go
# unanswered and after ~3 s it sends ICMP host unreachable.  At the client:
# host-unreachable (naming the router).  At the server's link only the
# router's ARP requests are seen: no TCP; the unanswered ARP requests are
# neighbor-unreachable (packet-level detector), and without the detector
# the link-local chatter alone is no-traffic (issue 10).
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_capture_start
lab_client connect 10.198.2.99 8080 6 && fail "connect to an address nobody owns succeeded"
lab_capture_stop
lab_diag client
expect_ids client "host-unreachable"
expect_only client "host-unreachable"
expect_evidence client "host unreachable from $RTR_CIP"
expect_vantage client client
lab_diag server
expect_ids server "neighbor-unreachable|no-traffic"
expect_only server "neighbor-unreachable no-traffic"
lab_finish
