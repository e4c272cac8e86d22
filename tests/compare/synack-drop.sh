#!/usr/bin/env bash
# tests/compare/synack-drop.sh - the router drops every other SYN-ACK: lost
# on server->client, sent by the server.
# timeout: 40
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve http 8080
cmp_drop synacks iifname "$RSIF" tcp sport 8080 tcp flags '&' '(syn|ack)' == 'syn|ack' numgen inc mod 2 == 0
cmp_edge_serve
lab_capture_start
cmp_edge
lab_client get "$SRV_IP" 8080 5 || fail "GET failed"
lab_client get "$SRV_IP" 8080 5 || fail "GET failed"
cmp_edge
lab_capture_stop
n=$(cmp_dropped synacks); echo "router dropped $n SYN-ACKs"
cmp_compare
expect_losses 0 "$n"
expect_kinds server-\>client SYN-ACK
grep '^{"event":"lost"' "$T/cmp.json" | grep -vq '"sender":"server"' && _cmp_report "a lost SYN-ACK not sent by the server"
cmp_finish
