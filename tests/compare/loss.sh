#!/usr/bin/env bash
# tests/compare/loss.sh - the router drops 5% of the server's data packets
# during a 300 KB download and 5% of the client's during a 200 KB upload:
# the counts per path must equal the router's counters.
# timeout: 60
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve source 8080 300000
lab_serve http 8081
cmp_drop down iifname "$RSIF" tcp sport 8080 ip length '>' 200 numgen random mod 100 '<' 5
cmp_drop up iifname "$RCIF" tcp dport 8081 ip length '>' 200 numgen random mod 100 '<' 5
cmp_edge_serve
lab_capture_start
cmp_edge
lab_client get "$SRV_IP" 8080 10 || fail "download failed: $(tail -n1 "$T/client.out")"
lab_client up "$SRV_IP" 8081 200000 10 || fail "upload failed: $(tail -n1 "$T/client.out")"
cmp_edge
lab_capture_stop
d=$(cmp_dropped down) u=$(cmp_dropped up); echo "router dropped $u upload and $d download data packets"
cmp_compare
expect_losses "$u" "$d"
expect_kinds server-\>client data
expect_kinds client-\>server data
cmp_finish
