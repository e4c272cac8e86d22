#!/bin/bash
# tcp-make-real.sh - record real TCP traffic between two network namespaces that
# this script creates and deletes (nothing leaves them), for tests/golden/tcp.list.
#   tcp-real-http.pcap    HTTP GET (python3 -m http.server + curl), kernel defaults
#   tcp-real-plain.pcap   same with SACK, timestamps and window scaling off
#   tcp-real-ecn.pcap     ECN negotiated, with dropped segments (nft) so SACK blocks appear
#   tcp-real-http6.pcap   HTTP over IPv6 on port 8080
#   tcp-real-mptcp.pcap   MPTCP connection with a second subflow and ADD_ADDR
# Run as root from tests/captures.  Expected outputs come from tcpdump (regen.sh).
set -eu
A=synack-tcp-a B=synack-tcp-b
cleanup() {
    [ -n "${SRV:-}" ] && kill "$SRV" 2>/dev/null || true
    [ -n "${CAP:-}" ] && kill "$CAP" 2>/dev/null || true
    ip netns del $A 2>/dev/null || true
    ip netns del $B 2>/dev/null || true
}
trap cleanup EXIT
cleanup
WWW=$(mktemp -d)
head -c 30000 /dev/zero | tr '\0' 'a' > "$WWW/file.txt"
ip netns add $A
ip netns add $B
ip link add va netns $A type veth peer name vb netns $B
ip link add va2 netns $A type veth peer name vb2 netns $B
for ns in $A $B; do ip -n $ns link set lo up; done
ip -n $A addr add 10.77.0.1/24 dev va
ip -n $B addr add 10.77.0.2/24 dev vb
ip -n $A addr add 10.78.0.1/24 dev va2
ip -n $B addr add 10.78.0.2/24 dev vb2
ip -n $A addr add fd00:77::1/64 dev va nodad
ip -n $B addr add fd00:77::2/64 dev vb nodad
for l in va va2; do ip -n $A link set $l up; done
for l in vb vb2; do ip -n $B link set $l up; done

sysb() { for ns in $A $B; do ip netns exec $ns sysctl -q "$@"; done; }

# capture FILE FILTER -- COMMAND...: record on B's interfaces while COMMAND runs
capture() {
    local out=$1 filt=$2; shift 3
    ip netns exec $B tcpdump -i any -y LINUX_SLL -U -s 0 -w "$out" "$filt" 2>/dev/null &
    CAP=$!
    sleep 1
    "$@"
    sleep 1
    kill $CAP; wait $CAP 2>/dev/null || true
    CAP=
}

http() { # PORT URL
    ip netns exec $B /usr/bin/python3 -m http.server --bind :: -d "$WWW" "$1" >/dev/null 2>&1 &
    SRV=$!
    sleep 1
    ip netns exec $A curl -s -o /dev/null "$2"
    ip netns exec $A curl -s -o /dev/null "${2%file.txt}nothere"
    kill $SRV; wait $SRV 2>/dev/null || true
    SRV=
}

capture tcp-real-http.pcap "tcp port 80" -- http 80 http://10.77.0.2/file.txt
sysb net.ipv4.tcp_sack=0 net.ipv4.tcp_timestamps=0 net.ipv4.tcp_window_scaling=0
capture tcp-real-plain.pcap "tcp port 80" -- http 80 http://10.77.0.2/file.txt
sysb net.ipv4.tcp_sack=1 net.ipv4.tcp_timestamps=1 net.ipv4.tcp_window_scaling=1 net.ipv4.tcp_ecn=1
ip netns exec $A nft add table inet loss
ip netns exec $A nft add chain inet loss in '{ type filter hook input priority 0; }'
ip netns exec $A nft add rule inet loss in tcp sport 80 tcp flags ack numgen inc mod 5 == 3 drop
capture tcp-real-ecn.pcap "tcp port 80" -- http 80 http://10.77.0.2/file.txt
ip netns exec $A nft delete table inet loss
sysb net.ipv4.tcp_ecn=0
capture tcp-real-http6.pcap "tcp port 8080" -- http 8080 "http://[fd00:77::2]:8080/file.txt"

# MPTCP: server announces its second address, client opens a second subflow.
sysb net.mptcp.enabled=1
ip -n $A mptcp limits set subflow 2 add_addr_accepted 2
ip -n $B mptcp limits set subflow 2 add_addr_accepted 2
ip -n $B mptcp endpoint add 10.78.0.2 dev vb2 signal
ip -n $A mptcp endpoint add 10.78.0.1 dev va2 subflow
mptcp() {
    ip netns exec $B /usr/bin/python3 - <<'PY' &
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_MPTCP)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('10.77.0.2', 5001)); s.listen(1); s.settimeout(10)
c, _ = s.accept()
n = 0
while n < 30000:
    d = c.recv(4096)
    if not d: break
    n += len(d)
c.sendall(b'done')
c.close()
PY
    SRV=$!
    sleep 1
    ip netns exec $A /usr/bin/python3 - <<'PY'
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_MPTCP)
s.connect(('10.77.0.2', 5001))
time.sleep(0.5)
for i in range(30):
    s.sendall(b'm' * 1000); time.sleep(0.02)
s.recv(10)
s.close()
PY
    wait $SRV || true
    SRV=
}
capture tcp-real-mptcp.pcap "tcp port 5001" -- mptcp
rm -rf "$WWW"
