#!/usr/bin/env bash
# tests/lab/loss.sh - the router drops 5% of the server's data packets during
# a 400 KB download: packet-loss from both sides (at the client the losses show
# as holes, at the server as retransmissions).
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve source 8080 400000
lab_nft iifname "$RSIF" tcp sport 8080 ip length '>' 200 numgen random mod 100 '<' 5 counter drop
lab_capture_start
lab_client get "$SRV_IP" 8080 10 || fail "download failed: $(tail -n1 "$T/client.out")"
lab_capture_stop
dropped=$(ip netns exec "$LAB_R" nft list chain inet lab labfwd | sed -n "s/.*counter packets \([0-9]*\) .*/\1/p")
echo "router dropped ${dropped:-?} data packets"
lab_diag client
expect_ids client "packet-loss"
expect_only client "packet-loss rto-stall window-full"
expect_vantage client client
lab_diag server
expect_ids server "packet-loss"
expect_only server "packet-loss rto-stall window-full"
expect_vantage server server
lab_finish
