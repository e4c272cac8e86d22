#!/usr/bin/env bash
# shellcheck disable=SC2034  # LAB_POINTS, LAB_CAPARGS_*: read by lib.bash
# tests/lab/forged-rst-alone.sh - ONE connection attempt, answered by the
# router with a forged TCP reset (nft "reject with tcp reset" in forward)
# although the server listens: the RST comes with TTL 64 from the router's MAC
# while the server is one routed hop away (its packets would arrive with TTL
# 63).  No healthy connection in the capture to compare with (rst-reject.sh
# has one).  Expectation (tests/lab/expect-a.tsv): client refused-by-middlebox.
. "$(dirname "$0")/lib.bash"
LAB_POINTS=client
lab_need
lab_up
lab_serve http 8080
lab_nft iifname "$RCIF" tcp dport 8080 reject with tcp reset
lab_capture_start
lab_client connect "$SRV_IP" 8080 3 && fail "connect succeeded through a rejecting router"
lab_capture_stop
# the forged RST: TTL 64 (made by the router), where the server's would be 63
"$SYNACK" -v -nn -r "$T/client.pcap" 2>/dev/null | grep -A1 'ttl 64,' | grep -q '10.198.2.2.8080 > .*Flags \[R' ||
    fail "no RST with TTL 64 in the client capture"
grep -q 'ECONNREFUSED' "$T/client.out" || fail "the client was not refused: $(tail -n1 "$T/client.out")"
lab_expect forged-rst-alone
lab_finish
