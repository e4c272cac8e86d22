#!/usr/bin/env bash
# tests/lab/high-rtt.sh - 200 ms of delay each way in the router (400 ms RTT):
# high-rtt from both sides.  The delay is sch_netem on the router's links
# where it loads; elsewhere a delay line in the router (lab.py delay: the
# kernel's forwarded copy is dropped by nft, a raw socket re-sends each packet
# 200 ms later with its TTL decremented).
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
if tc -n "$LAB_R" qdisc add dev "$RCIF" root netem delay 200ms 2>/dev/null; then
    tc -n "$LAB_R" qdisc add dev "$RSIF" root netem delay 200ms || die "netem on $RSIF failed"
else
    ip netns exec "$LAB_R" "$LAB_PY" "$LAB_TOOL" --for 30 delay 200 8080 >"$T/delay.out" 2>&1 &
    add_cleanup "kill -KILL $!"
    disown $!   # no "Killed" job message at cleanup
    wait_for 50 0.1 grep -q listening "$T/delay.out" || { show "$T/delay.out"; die "delay line did not start"; }
    lab_nft tcp sport 8080 drop
    lab_nft tcp dport 8080 drop
fi
lab_serve http 8080
lab_capture_start
lab_client get "$SRV_IP" 8080 8 || fail "GET failed: $(tail -n1 "$T/client.out")"
lab_capture_stop
lab_diag client
expect_ids client "high-rtt"
expect_only client "high-rtt"
expect_vantage client client
lab_diag server
expect_ids server "high-rtt"
expect_only server "high-rtt"
expect_vantage server server
lab_finish
