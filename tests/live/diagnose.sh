#!/usr/bin/env bash
# tests/live/diagnose.sh - live `synack diagnose -i`: a SYN that the server side
# drops (nftables in its namespace) is reported as soon as the second SYN goes
# unanswered, and the full report with exit status 1 follows on SIGINT.
. "$(dirname "$0")/../lib.sh"
need_synack
need_netns
need_cmd nft
netns_pair 74
ip netns exec "$NS_B" nft add table inet sa || die "nft"
ip netns exec "$NS_B" nft add chain inet sa in '{ type filter hook input priority 0; }'
ip netns exec "$NS_B" nft add rule inet sa in tcp dport 9 drop
ip netns exec "$NS_A" "$SYNACK" diagnose -i "$IF_A" >"$T/out" 2>"$T/err" &
PID=$!
add_cleanup "kill -KILL $PID"
wait_for 100 0.1 grep -q "listening on" "$T/err" || die "diagnose did not start"
ip netns exec "$NS_A" timeout 4 python3 -c "
import socket
s = socket.socket(); s.settimeout(2.5)
try: s.connect(('$IP_B', 9))
except Exception: pass" || true
# the early alert must be there before we stop it
wait_for 30 0.1 grep -q 'no answer yet' "$T/out" || { fail "no early alert after 2 unanswered SYNs:"; show "$T/out"; }
kill -INT $PID
rc=0; wait $PID || rc=$?
[ "$rc" = 1 ] || fail "exit status $rc, expected 1 (problems found)"
grep -q '^!! \[syn-unanswered\]' "$T/out" || { fail "no syn-unanswered finding in the summary:"; show "$T/out"; }
grep -q 'capture point: at the client' "$T/out" || { fail "vantage not 'at the client':"; show "$T/out"; }
finish
