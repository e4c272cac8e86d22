#!/usr/bin/env bash
# tests/compare/nat.sh - the router masquerades the client (address and
# random source ports rewritten) and drops every other SYN: compare still
# matches, reports the NAT as a modification and the lost SYNs.
# timeout: 40
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
cmp_nat random
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
grep -q '"change":"nat: 10.198.1.2:[0-9]* > 10.198.2.2:8080 became 10.198.2.1:' "$T/cmp.json" ||
    _cmp_report "expected the NAT rewrite to be reported"
grep -q '"conn_at_server":"10.198.2.1:' "$T/cmp.json" || _cmp_report "expected the server-side view of the connection"
cmp_finish
