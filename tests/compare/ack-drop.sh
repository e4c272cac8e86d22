#!/usr/bin/env bash
# tests/compare/ack-drop.sh - the router drops the final ACK of each
# handshake (the client's second packet, conntrack accounting): one ACK lost
# on client->server per connection.
# timeout: 40
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_sysctl "$LAB_R" net.netfilter.nf_conntrack_acct=1
lab_serve http 8080
cmp_drop hsack iifname "$RCIF" tcp dport 8080 tcp flags '&' '(syn|ack|fin|rst)' == ack ct original packets 2
cmp_edge_serve
lab_capture_start
cmp_edge
lab_client get "$SRV_IP" 8080 5 || fail "GET failed"
lab_client get "$SRV_IP" 8080 5 || fail "GET failed"
cmp_edge
lab_capture_stop
n=$(cmp_dropped hsack); echo "router dropped $n handshake ACKs"
[ "${n:-0}" -ge 1 ] || fail "the router dropped no ACK (conntrack accounting?)"
cmp_compare
expect_losses "$n" 0
expect_kinds client-\>server ACK
cmp_finish
