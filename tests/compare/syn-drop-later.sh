#!/usr/bin/env bash
# tests/compare/syn-drop-later.sh - the router drops every SYN to :8080; the
# server's capture holds only LATER traffic (a GET to :8090 after the client
# gave up).  The unanswered SYNs fall before the server capture's first
# packet and must still be judged (lost client->server, as many as the
# router dropped), not set aside as "outside the time both captures cover".
# timeout: 40
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve http 8080
cmp_edge_serve
cmp_drop syns iifname "$RCIF" tcp dport 8080 tcp flags '&' '(syn|ack)' == syn
lab_capture_start
lab_client connect "$SRV_IP" 8080 4 && fail "the connection succeeded through a router dropping SYNs"
cmp_edge
lab_capture_stop
n=$(cmp_dropped syns); echo "router dropped $n SYNs"
[ "${n:-0}" -ge 2 ] || die "the router dropped ${n:-0} SYNs, expected the first and its retries"
first=$("$SYNACK" -nn -r "$T/server.pcap" ip 2>/dev/null | head -n1)
case $first in *"> $SRV_IP.8090: Flags [S]"*) ;; *) fail "the server capture does not start with the later GET: $first" ;; esac
cmp_compare
expect_losses "$n" 0
expect_kinds client-\>server SYN
grep -q '"outside_overlap":0,' "$T/cmp.json" || _cmp_report "packets set aside as outside the captures' time"
grep -q "\"judged_beyond_span\":$n," "$T/cmp.json" || _cmp_report "expected $n packets judged beyond the server capture's span"
rc=0
timeout 30 "$SYNACK" diagnose -r "$T/server.pcap" -r "$T/client.pcap" >"$T/d.txt" 2>&1 </dev/null || rc=$?
[ "$rc" = 1 ] || fail "diagnose: exit status $rc, expected 1"
grep -q '^!! \[lost-forward\] SYN lost between the captures' "$T/d.txt" || { fail "diagnose: no lost-forward"; show "$T/d.txt" 40; }
grep -q "evidence: client->server: $n of [0-9]* packets the client sent were lost" "$T/d.txt" || fail "diagnose: lost-forward does not count the $n SYNs"
cmp_finish
