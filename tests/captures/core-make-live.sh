#!/usr/bin/env bash
# tests/captures/core-make-live.sh - record the core-* captures made from real
# traffic (run as root; only needed to re-create them, the .pcap files are kept).
# Two network namespaces joined by a veth pair, 10.199.7.0/24 and fd99:199:7::/64
# only inside them; everything is deleted on exit.  Expected outputs are then
# regenerated with tests/golden/regen.sh (from tcpdump).
set -eu
cd "$(dirname "$0")"
A=sa-cap-a B=sa-cap-b
W=$(mktemp -d)
cleanup() {
    set +e
    [ -n "${SRV:-}" ] && kill "$SRV" 2>/dev/null
    ip netns del $A 2>/dev/null; ip netns del $B 2>/dev/null; rm -rf "$W"
}
trap cleanup EXIT
ip netns add $A; ip netns add $B
ip link add sacapa netns $A type veth peer name sacapb netns $B
ip -n $A addr add 10.199.7.1/24 dev sacapa
ip -n $B addr add 10.199.7.2/24 dev sacapb
ip -n $A addr add fd99:199:7::1/64 dev sacapa nodad
ip -n $B addr add fd99:199:7::2/64 dev sacapb nodad
for ns in $A $B; do ip -n $ns link set lo up; done
ip -n $A link set sacapa up; ip -n $B link set sacapb up
for i in $(seq 50); do ip -n $A link show sacapa | grep -q LOWER_UP && break; sleep 0.1; done
# a small document to serve
mkdir -p "$W/www"; printf 'hello from synack tests\n' > "$W/www/index.html"
head -c 3000 /dev/zero | tr '\0' 'x' > "$W/www/big.txt"

serve() { # serve PORT [BIND]
    (cd "$W/www" && exec ip netns exec $B /usr/bin/python3 -m http.server "$1" --bind "${2:-0.0.0.0}" >/dev/null 2>&1) &
    SRV=$!
    for i in $(seq 50); do ip netns exec $A curl -s -o /dev/null -m 1 "http://${3:-10.199.7.2}:$1/" 2>/dev/null && break; sleep 0.1; done
}
unserve() { kill "$SRV"; wait "$SRV" 2>/dev/null || true; SRV=; }
record() { # record FILE FILTER -- commands...
    local f=$1 filt=$2; shift 3
    ip netns exec $A tcpdump -i sacapa -U -w "$W/$f" "$filt" 2>"$W/err" &
    local p=$!
    for i in $(seq 100); do grep -q listening "$W/err" && break; sleep 0.1; done
    sleep 0.5
    "$@"
    sleep 0.5
    kill -INT $p; wait $p || true
    cp "$W/$f" "$f"
    echo "$f: $(tcpdump -r "$f" 2>/dev/null | wc -l) packets, $(stat -c %s "$f") bytes"
}
get() { ip netns exec $A curl -s -o /dev/null -m 5 "$@"; }

# 1. HTTP over IPv4 with Linux default TCP options (TS, SACK, wscale), port 80
serve 80
record core-http.pcap "tcp port 80" -- get http://10.199.7.2/index.html
record core-http-big.pcap "tcp port 80" -- get http://10.199.7.2/big.txt
# connection refused (RST) + a UDP datagram + ping
record core-misc.pcap "ip" -- bash -c "
  ip netns exec $A curl -s -m 2 http://10.199.7.2:81/ ;
  ip netns exec $A bash -c 'echo hello-udp > /dev/udp/10.199.7.2/5353; echo hi > /dev/udp/10.199.7.2/7777' || true" 
unserve
# 2. timestamps, SACK and window scaling disabled on both sides (port 8080)
for ns in $A $B; do
    ip netns exec $ns sysctl -q -w net.ipv4.tcp_timestamps=0 net.ipv4.tcp_sack=0 net.ipv4.tcp_window_scaling=0
done
serve 8080
record core-http-noopts.pcap "tcp port 8080" -- get http://10.199.7.2:8080/index.html
unserve
# 3. IPv6 TCP (options back on)
for ns in $A $B; do
    ip netns exec $ns sysctl -q -w net.ipv4.tcp_timestamps=1 net.ipv4.tcp_sack=1 net.ipv4.tcp_window_scaling=1
done
serve 8000 :: "[fd99:199:7::2]"
record core-http6.pcap "tcp port 8000" -- get -g "http://[fd99:199:7::2]:8000/index.html"
unserve
# 4. the same HTTP exchange as pcapng (pcapng reader test)
editcap -F pcapng core-http.pcap core-http.pcapng
