#!/usr/bin/env bash
# tests/lab/accept-overflow.sh - a server that accepts slowly (listen backlog
# 1, accept() once every 2 s; lab.py serve slowaccept) and 10 clients at
# once, each sending one GET.  The accept queue overflows: the kernel drops
# new SYNs and ignores final ACKs (SYN-ACKs retransmitted) until accept()
# makes room; the clients get their answers one after the other, seconds
# late.  Default sysctls (SYN cookies on).  Expectations
# (tests/lab/expect-a.tsv): listen-overflow first at the server and at the
# client, the retransmissions and delays it causes allowed as consequences.
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
LAB_SERVE_FOR=40 lab_serve slowaccept 8080 2
ovf0=$(ip netns exec "$LAB_S" nstat -az TcpExtListenOverflows | awk '/ListenOverflows/ {print $2}')
lab_capture_start
LAB_CLIENT_FOR=30 lab_client many "$SRV_IP" 8080 10 25
lab_capture_stop
ovf=$(ip netns exec "$LAB_S" nstat -az TcpExtListenOverflows | awk '/ListenOverflows/ {print $2}')
ovf=$((${ovf:-0} - ${ovf0:-0}))
echo "server kernel: TcpExtListenOverflows +$ovf"
[ "$ovf" -gt 0 ] || fail "the kernel counted no listen queue overflow"
n=$(grep -c '^ok' "$T/client.out")
echo "$n of 10 GETs answered"
[ "$n" -ge 1 ] || fail "no GET was answered: $(sort "$T/client.out" | uniq -c | tr '\n' ' ')"
lab_expect accept-overflow
lab_finish
