#!/usr/bin/env bash
# tests/compare/syn-drop.sh - the router drops every other SYN to :8080 (the
# first attempt of each connection, the retry 1 s later passes): every
# dropped SYN is lost on client->server, nothing else.
# timeout: 40
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve http 8080
cmp_drop syns iifname "$RCIF" tcp dport 8080 tcp flags '&' '(syn|ack)' == syn numgen inc mod 2 == 0
cmp_edge_serve
lab_capture_start
cmp_edge
lab_client get "$SRV_IP" 8080 5 || fail "GET failed"
lab_client get "$SRV_IP" 8080 5 || fail "GET failed"
cmp_edge
lab_capture_stop
n=$(cmp_dropped syns); echo "router dropped $n SYNs"
cmp_compare
expect_losses "$n" 0
expect_kinds client-\>server SYN
cmp_finish
