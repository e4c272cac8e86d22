#!/usr/bin/env bash
# tests/analysis/trk-live-drops.sh - live `synack conns` passes the kernel's drop
# counters on: the capture (smallest buffer, -B 1) is stopped with SIGSTOP while
# 20000 UDP datagrams cross a veth pair in two private namespaces, so the ring
# fills and the kernel drops; after SIGCONT and SIGINT, the conns report's last
# line must show the same drops as tcpdump-style stderr statistics.
. "$(dirname "$0")/../lib.sh"
need_synack
need_netns
need_cmd python3
netns_pair 198
ip netns exec "$NS_A" "$SYNACK" conns -i "$IF_A" -B 1 >"$T/out" 2>"$T/err" &
PID=$!
add_cleanup "kill -KILL $PID"
wait_for 100 0.1 grep -q "listening on" "$T/err" || die "conns did not start: $(cat "$T/err")"
kill -STOP $PID
ip netns exec "$NS_B" timeout 20 python3 -c "
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(20000):
    s.sendto(b'x' * 200, ('$IP_A', 9))" || fail "sender failed"
kill -CONT $PID
sleep 0.5
kill -INT $PID
rc=0; wait $PID || rc=$?
[ "$rc" = 0 ] || fail "conns exit status $rc: $(tail -3 "$T/err")"
kdrop=$(sed -n 's/^\([0-9]*\) packets\{0,1\} dropped by kernel$/\1/p' "$T/err")
ifdrop=$(sed -n 's/^\([0-9]*\) packets\{0,1\} dropped by interface$/\1/p' "$T/err")
recv=$(sed -n 's/^\([0-9]*\) packets\{0,1\} received by filter$/\1/p' "$T/err")
[ -n "$kdrop" ] && [ -n "$recv" ] || die "no kernel statistics on stderr: $(cat "$T/err")"
want=$((kdrop + ${ifdrop:-0}))
last=$(tail -1 "$T/out")
if [ "$want" = 0 ]; then
    [ "$last" = "0 connections" ] || fail "no drops, but the last line is '$last'"
    skip "the kernel dropped nothing this time (received $recv); only the no-drop case was checked"
fi
[ "$last" = "$want packets dropped by the kernel while capturing ($recv received by filter)" ] ||
    fail "last line '$last', want $want dropped of $recv (stderr: $(tr '\n' ' ' <"$T/err"))"
echo "kernel drops: $want of $recv"
finish
