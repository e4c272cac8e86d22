#!/usr/bin/env bash
# tests/lab/icmp6-synack.sh - IPv6; the router rejects the SERVER's SYN-ACKs
# (nft: reject with icmpv6 type no-route, forward chain, packets from the
# server's port 8080 with SYN+ACK), so the ICMPv6 destination unreachable
# "no route" goes back to the server, quoting its SYN-ACK.  The client only
# sees its SYNs go unanswered; the server keeps retransmitting SYN-ACKs, each
# answered by the router's ICMPv6 error.  Expectations: rows "icmp6-synack"
# of expect-b.tsv; besides, the server's rejected-icmp evidence must name the
# SYN-ACK (the return path), not the SYN.
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/lib-apps.bash"
lab_need
lab_up
apps_ipv6_up
apps_bg "$LAB_S" httpd6 httpd6 8080
lab_nft iifname "$RSIF" ip6 saddr "$SRV6" tcp sport 8080 tcp flags '&' '(syn|ack)' == 'syn|ack' \
    reject with icmpv6 type no-route
apps_cap_start client "$LAB_C" "$CIF"
apps_cap_start server "$LAB_S" "$SIF"
sleep 0.3
apps_run "$LAB_C" 10 tcp-connect "$SRV6" 8080 4.5 && fail "connect succeeded with the SYN-ACKs rejected"
apps_cap_stop
n=$("$TCPDUMP" -nn -r "$T/server.pcap" 'icmp6 and ip6[40] == 1 and ip6[41] == 0' 2>/dev/null | wc -l)
[ "$n" -ge 1 ] || fail "the server's capture has no ICMPv6 no-route"
apps_expect icmp6-synack client
apps_expect icmp6-synack server
apps_expect icmp6-synack pair
grep '^{"id":"rejected-icmp"' "$T/server.json" | grep -qiE 'SYN[-+ ]?ACK' ||
    _lab_report server "the rejected-icmp evidence does not name the SYN-ACK"
apps_finish
