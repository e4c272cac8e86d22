#!/usr/bin/env bash
# tests/lab/input-drop.sh - the SERVER's own firewall (nft, input hook of the
# server namespace, not the router) drops tcp dport 8080.  The SYNs cross the
# router (TTL 63 at the server) and reach the server host, which never
# answers.  Expectations (tests/lab/expect-a.tsv): client syn-unanswered;
# server no-synack (SYNs arrived, no SYN-ACK left); pair no-synack.
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve http 8080
lab_nft_server tcp dport 8080 drop
lab_capture_start
lab_client connect "$SRV_IP" 8080 4.5 && fail "connect succeeded through a dropping server firewall"
lab_capture_stop
# the SYNs did reach the server host, one routed hop away (TTL 63)
"$SYNACK" -v -nn -r "$T/server.pcap" 2>/dev/null | grep -A1 'ttl 63,' | grep -q '> 10.198.2.2.8080: Flags \[S\]' ||
    fail "no SYN with TTL 63 in the server capture"
"$SYNACK" -nn -r "$T/server.pcap" 2>/dev/null | grep -q 'Flags \[S\.\]' && fail "the server answered a SYN"
lab_expect input-drop
lab_finish
