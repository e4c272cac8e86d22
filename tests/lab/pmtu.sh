#!/usr/bin/env bash
# tests/lab/pmtu.sh - path-MTU black hole: the router's link towards the
# client has MTU 1200 and the router drops its own ICMP "fragmentation needed"
# (nft output: icmp type destination-unreachable drop).  The server sends a
# 100-byte header (acknowledged), then 60 KB in full-size (1500-byte) segments
# that never get through.  At the server: pmtu-blackhole (rto-stall at least).
# At the client: the header arrived and then nothing; the server's data never
# reaches this capture point, so the client sees a stalled response.
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
ip -n "$LAB_R" link set "$RCIF" mtu 1200 || die "cannot set the router's MTU"
lab_nft_out icmp type destination-unreachable drop
lab_serve source 8080 60000
lab_capture_start
lab_client get "$SRV_IP" 8080 7 && fail "the download succeeded through a path-MTU black hole"
lab_capture_stop
lab_diag client
expect_vantage client client
expect_ids client "response-stalled"
lab_diag server
expect_ids server "pmtu-blackhole|rto-stall"
expect_ids server "pmtu-blackhole"
expect_vantage server server
lab_finish
