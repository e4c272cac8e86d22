#!/usr/bin/env bash
# tests/compare/syn-drop-empty.sh - the router drops every SYN to :8080 and
# nothing else happens: the server's capture is EMPTY.  compare must not give
# up ("no IP packets"): every SYN the client sent is lost client->server (as
# many as the router's nft counter dropped), saying it assumes both captures
# ran at the same time; diagnose -r client -r server (both orders) treats the
# two files as two capture points and gives lost-forward.
# timeout: 40
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve http 8080
cmp_drop syns iifname "$RCIF" tcp dport 8080 tcp flags '&' '(syn|ack)' == syn
lab_capture_start
lab_client connect "$SRV_IP" 8080 4 && fail "the connection succeeded through a router dropping SYNs"
lab_capture_stop
n=$(cmp_dropped syns); echo "router dropped $n SYNs"
[ "${n:-0}" -ge 2 ] || die "the router dropped ${n:-0} SYNs, expected the first and its retries"
ip_pkts=$("$SYNACK" -r "$T/server.pcap" ip 2>/dev/null | wc -l)
[ "$ip_pkts" = 0 ] || fail "the server-side capture holds $ip_pkts IP packets, expected none"
cmp_compare
# (expect_losses wants matched packets: none can match an empty capture)
[ "$LOST_C2S" = "$n" ] || _cmp_report "client->server: expected $n lost, compare found $LOST_C2S"
[ "$LOST_S2C" = 0 ] || _cmp_report "server->client: expected 0 lost, compare found $LOST_S2C"
[ "$UNEXP" = 0 ] || _cmp_report "expected no unexpected packets, compare found $UNEXP"
[ "$CMP_RC" = 1 ] || _cmp_report "exit status $CMP_RC, expected 1"
case $CLIENT_CAP in *client.pcap) ;; *) _cmp_report "client side taken as '$CLIENT_CAP'" ;; esac
expect_kinds client-\>server SYN
grep -q 'assuming both captures ran at the same time' "$T/cmp.txt" || _cmp_report "the same-time assumption is not stated"
grep -q '"empty_capture":"[^"]*server.pcap"' "$T/cmp.json" || _cmp_report "the empty capture is not named in the JSON summary"
for order in cs sc; do
    if [ $order = cs ]; then a=$T/client.pcap b=$T/server.pcap; else a=$T/server.pcap b=$T/client.pcap; fi
    rc=0
    timeout 30 "$SYNACK" diagnose -r "$a" -r "$b" >"$T/d-$order.txt" 2>&1 </dev/null || rc=$?
    [ "$rc" = 1 ] || fail "diagnose ($order): exit status $rc, expected 1"
    grep -q '^== between the captures: client side .*client\.pcap, server side .*server\.pcap' "$T/d-$order.txt" ||
        { fail "diagnose ($order): the pair is not recognised as two capture points"; show "$T/d-$order.txt" 30; }
    grep -q '^!! \[lost-forward\] SYN lost between the captures, on the way to the server' "$T/d-$order.txt" ||
        { fail "diagnose ($order): no lost-forward"; show "$T/d-$order.txt" 40; }
    grep -q "evidence: client->server: $n of $n packets the client sent were lost" "$T/d-$order.txt" ||
        fail "diagnose ($order): lost-forward does not count the $n dropped SYNs"
    grep -q 'this assumes both captures ran at the same time' "$T/d-$order.txt" ||
        fail "diagnose ($order): the same-time assumption is not stated"
done
cmp_finish
