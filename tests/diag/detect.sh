#!/usr/bin/env bash
# tests/diag/detect.sh - the packet-level detectors (src/diag/detect.c) on the
# crafted captures tests/captures/det-*.pcap (made by
# tests/diag/make-detect-captures.py).
#
# The detectors' events are printed by the unit binary's test-only entry
# (build/tests/test_detect FILE.pcap, one line per event, in time order), so
# this test does not depend on how diagnose renders them.  The expected lines
# below were written from the way each capture is built (see the packet
# numbers in make-detect-captures.py), and the captures themselves are checked
# with tcpdump where it decodes the protocol, so a capture that does not hold
# what the generator says fails here too.
#
# Then, when it can (root, network namespaces, openssl, dig), the same on real
# Linux traffic: client ns -- router ns -- server ns (10.198.1.0/24,
# 10.198.2.0/24, fd00:1::/64, all inside the namespaces), captured with
# `synack -i` at the client: ARP and neighbour solicitations for absent
# addresses, openssl s_server (TLS 1.3 only) rejecting a TLS 1.2 client and a
# healthy TLS connection, TCP SYNs with TTL 1 expiring at the router, dig
# against a small DNS server answering NXDOMAIN / SERVFAIL / nothing / NOERROR.
# timeout: 180
. "$(dirname "$0")/../lib.sh"
BIN=$TOP/build/tests/test_detect
[ -x "$BIN" ] || die "$BIN not built (run make unit)"

check() {   # check PCAP: the expected event lines on stdin, exactly, in order
    local pcap=$1 f=$CAP/$1
    [ -f "$f" ] || { fail "missing $f (run /usr/bin/python3 tests/diag/make-detect-captures.py)"; return; }
    cat >"$T/want"
    local rc=0
    timeout 30 "$BIN" "$f" >"$T/got" 2>"$T/err" || rc=$?
    if [ "$rc" != 0 ]; then
        fail "$pcap: test_detect exit $rc: $(head -c 300 "$T/err")"
    elif ! diff -u "$T/want" "$T/got" >"$T/diff"; then
        fail "$pcap: events differ"
        show "$T/diff" 30
    fi
}

check det-arp.pcap <<'EOF'
neighbor-unreachable addr=10.198.0.99 peer=10.198.0.1 mac0=02:00:00:00:00:0a detail="no answer" count=3 pkts=1,2,3
duplicate-ip addr=10.198.0.5 peer=0.0.0.0 mac0=02:00:00:00:00:0b mac1=02:00:00:00:00:0c detail="two MACs answer" count=2 pkts=10,11
EOF

check det-nd.pcap <<'EOF'
neighbor-unreachable addr=fd00::99 peer=fd00::1 mac0=02:00:00:00:00:0a detail="no answer" count=3 pkts=1,3,4
duplicate-ip addr=fd00::5 peer=:: mac0=02:00:00:00:00:0b mac1=02:00:00:00:00:0c detail="two MACs answer" count=2 pkts=7,8
EOF

check det-dns.pcap <<'EOF'
dns-failure addr=10.198.0.53 peer=10.198.0.1 port=53 peer_port=41001 name=bad.example qtype=1 detail="NXDOMAIN" count=2 pkts=1,2,3,4
dns-failure addr=10.198.0.53 peer=10.198.0.1 port=53 peer_port=41003 name=broken.example qtype=28 detail="SERVFAIL" count=1 pkts=5,6
dns-failure addr=10.198.0.53 peer=10.198.0.1 port=53 peer_port=41007 name=slow.example qtype=1 detail="no answer" count=2 pkts=13,14
dns-failure addr=10.198.0.53 peer=10.198.0.1 port=53 peer_port=41008 name=refused.example qtype=1 detail="REFUSED" count=1 pkts=15,16
EOF

check det-tls.pcap <<'EOF'
tls-rejected addr=10.198.1.2 peer=10.198.0.1 port=443 peer_port=50001 name=www.example.test detail="protocol_version" count=1 pkts=4,6
tls-rejected addr=10.198.1.2 peer=10.198.0.1 port=8443 peer_port=50003 name=- detail="reset after ClientHello" count=1 pkts=17,18
tls-rejected addr=fd00:1::2 peer=fd00::1 port=443 peer_port=50004 name=v6.example.test detail="handshake_failure" count=1 pkts=22,23
EOF

check det-ttl.pcap <<'EOF'
ttl-expired addr=10.198.1.2 peer=10.198.0.254 port=80 proto=6 quoted_ttl=1 detail="time exceeded in transit" count=3 pkts=2,4,6
ttl-expired addr=fd00:1::2 peer=fd00::fe port=5000 proto=17 quoted_ttl=0 detail="hop limit exceeded" count=1 pkts=7
EOF

check det-any.pcap <<'EOF'
duplicate-ip addr=10.198.0.5 peer=0.0.0.0 mac0=02:00:00:00:00:0b mac1=02:00:00:00:00:0c detail="two MACs answer" count=2 pkts=2,3
dns-failure addr=10.198.0.53 peer=10.198.0.1 port=53 peer_port=41001 name=any.example qtype=1 detail="NXDOMAIN" count=1 pkts=4,6
ttl-expired addr=10.198.1.2 peer=10.198.0.254 port=443 proto=6 quoted_ttl=1 detail="time exceeded in transit" count=1 pkts=7
EOF

check det-healthy.pcap </dev/null

# The captures hold what the generator says (tcpdump's reading, not ours).
if command -v "$TCPDUMP" >/dev/null 2>&1; then
    tdump() { "$TCPDUMP" -nn -r "$CAP/$1" 2>/dev/null; }
    count() { tdump "$1" | grep -c -- "$2"; }
    expect_count() {   # expect_count PCAP REGEX N
        local n
        n=$(count "$1" "$2")
        [ "$n" = "$3" ] || fail "$1: tcpdump shows $n packets matching '$2', want $3"
    }
    expect_count det-arp.pcap 'Request who-has 10.198.0.99 tell 10.198.0.1' 3
    expect_count det-arp.pcap 'Reply 10.198.0.5 is-at' 2
    expect_count det-arp.pcap 'Reply 10.198.0.99' 0
    expect_count det-nd.pcap 'neighbor solicitation, who has fd00::99' 3
    expect_count det-nd.pcap 'tgt is fd00::99' 0
    expect_count det-dns.pcap 'NXDomain' 4   # bad.example x2, the search-list try, the hostile packet
    expect_count det-dns.pcap 'ServFail' 1
    expect_count det-dns.pcap 'Refused' 1
    expect_count det-dns.pcap 'A? slow.example' 2
    expect_count det-dns.pcap '10.198.0.53.53 > 10.198.0.1.41007' 0
    expect_count det-ttl.pcap 'ICMP time exceeded in-transit' 4
    expect_count det-ttl.pcap 'ICMP6, time exceeded in-transit for fd00:1::2' 1
    expect_count det-tls.pcap '10.198.1.2.8443 > 10.198.0.1.50003: Flags \[R\]' 1
    expect_count det-any.pcap 'A? any.example' 2
    expect_count det-healthy.pcap 'NXDomain\|ServFail\|Refused\|time exceeded\|Flags \[R' 0
else
    echo "note: tcpdump not installed, captures not cross-checked"
fi


# ---- real traffic between namespaces -------------------------------------------
tcpdump_count() { "$SYNACK" -r "$1" 2>/dev/null | wc -l; }
live_skip() { echo "note: live part skipped: $*"; }
live() {
    [ "$(id -u)" = 0 ] || { live_skip "needs root"; return; }
    local c
    for c in ip openssl dig timeout; do command -v $c >/dev/null 2>&1 || { live_skip "$c not installed"; return; }; done
    [ -x "$SYNACK" ] || { live_skip "$SYNACK not built"; return; }
    local id=$$ C="sadet$$-c" R="sadet$$-r" S="sadet$$-s" ns
    ip netns add "$C" 2>/dev/null || { live_skip "cannot create network namespaces"; return; }
    add_cleanup "ip netns del $C"
    ip netns add "$R" && add_cleanup "ip netns del $R"
    ip netns add "$S" && add_cleanup "ip netns del $S"
    for ns in "$C" "$R" "$S"; do ip -n "$ns" link set lo up; done
    ip link add "dtc$id" netns "$C" type veth peer name "dtrc$id" netns "$R" || { fail "live: veth"; return; }
    ip link add "dts$id" netns "$S" type veth peer name "dtrs$id" netns "$R" || { fail "live: veth"; return; }
    ip -n "$C" addr add 10.198.1.2/24 dev "dtc$id"
    ip -n "$C" addr add fd00:1::2/64 dev "dtc$id" nodad
    ip -n "$R" addr add 10.198.1.1/24 dev "dtrc$id"
    ip -n "$R" addr add 10.198.2.1/24 dev "dtrs$id"
    ip -n "$S" addr add 10.198.2.2/24 dev "dts$id"
    ip -n "$C" link set "dtc$id" up; ip -n "$R" link set "dtrc$id" up
    ip -n "$R" link set "dtrs$id" up; ip -n "$S" link set "dts$id" up
    ip -n "$C" route add default via 10.198.1.1
    ip -n "$S" route add default via 10.198.2.1
    ip netns exec "$R" sysctl -qw net.ipv4.ip_forward=1
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/k.pem" -out "$T/c.pem" -days 1 -subj /CN=srv.test \
        >/dev/null 2>&1 || { fail "live: openssl req"; return; }
    local pids=() p
    ip netns exec "$S" timeout 60 openssl s_server -accept 4433 -tls1_3 -cert "$T/c.pem" -key "$T/k.pem" -quiet \
        >/dev/null 2>&1 </dev/null & pids+=($!)
    ip netns exec "$S" timeout 60 openssl s_server -accept 4434 -cert "$T/c.pem" -key "$T/k.pem" -quiet \
        >/dev/null 2>&1 </dev/null & pids+=($!)
    # DNS: NXDOMAIN for nx.test, SERVFAIL for sf.test, silence for drop.test, else NOERROR
    ip netns exec "$S" timeout 60 /usr/bin/python3 -c '
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("10.198.2.2", 53)); s.settimeout(1)
end = time.time() + 55
while time.time() < end:
    try: d, a = s.recvfrom(2048)
    except socket.timeout: continue
    if len(d) < 12: continue
    name = d[12:].split(b"\0")[0]
    if b"drop" in name: continue
    rcode = 3 if name.startswith(b"\x02nx") else 2 if name.startswith(b"\x02sf") else 0
    s.sendto(d[:2] + bytes([0x81, 0x80 | rcode]) + d[4:6] + bytes(6) + d[12:], a)
' >/dev/null 2>&1 </dev/null & pids+=($!)
    for p in "${pids[@]}"; do add_cleanup "kill $p"; done
    ip netns exec "$C" timeout 60 "$SYNACK" -i "dtc$id" -U -w "$T/live.pcap" >/dev/null 2>"$T/cap.err" </dev/null &
    local cap=$!
    add_cleanup "kill $cap"
    sleep 2
    timeout 10 ip netns exec "$C" ping -c 2 -W 2 10.198.1.99 >/dev/null 2>&1
    timeout 10 ip netns exec "$C" ping -6 -c 2 -W 2 fd00:1::99 >/dev/null 2>&1
    echo | timeout 10 ip netns exec "$C" openssl s_client -connect 10.198.2.2:4433 -tls1_2 -servername bad.srv.test >/dev/null 2>&1
    echo | timeout 10 ip netns exec "$C" openssl s_client -connect 10.198.2.2:4434 -servername good.srv.test >/dev/null 2>&1
    timeout 10 ip netns exec "$C" /usr/bin/python3 -c '
import socket
for i in range(2):
    s = socket.socket(); s.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, 1); s.settimeout(1)
    try: s.connect(("10.198.2.2", 8080))
    except OSError: pass
    s.close()
' >/dev/null 2>&1
    timeout 10 ip netns exec "$C" dig +tries=2 +time=1 @10.198.2.2 nx.test A >/dev/null 2>&1
    timeout 10 ip netns exec "$C" dig +tries=2 +time=1 @10.198.2.2 sf.test AAAA >/dev/null 2>&1
    timeout 10 ip netns exec "$C" dig +tries=2 +time=1 @10.198.2.2 drop.test A >/dev/null 2>&1
    timeout 10 ip netns exec "$C" dig +tries=1 +time=1 @10.198.2.2 ok.test A >/dev/null 2>&1
    sleep 2.5   # drop.test's last try waits >= 2 s before the end
    kill -INT "$cap" 2>/dev/null; wait "$cap" 2>/dev/null
    [ -s "$T/live.pcap" ] || { fail "live: no capture ($(head -c 200 "$T/cap.err"))"; return; }
    timeout 30 "$BIN" "$T/live.pcap" >"$T/live.out" 2>&1 || { fail "live: test_detect failed"; show "$T/live.out"; return; }
    local want=(
        '^neighbor-unreachable addr=10\.198\.1\.99 peer=10\.198\.1\.2 .*count=[3-9] '
        '^neighbor-unreachable addr=fd00:1::99 peer=fd00:1::2 .*count=[3-9] '
        '^tls-rejected addr=10\.198\.2\.2 peer=10\.198\.1\.2 port=4433 .*name=bad\.srv\.test detail="protocol_version" count=1 '
        '^ttl-expired addr=10\.198\.2\.2 peer=10\.198\.1\.1 port=8080 proto=6 quoted_ttl=1 .*count=2 '
        '^dns-failure addr=10\.198\.2\.2 peer=10\.198\.1\.2 port=53 .*name=nx\.test qtype=1 detail="NXDOMAIN" count=1 '
        '^dns-failure addr=10\.198\.2\.2 .*name=sf\.test qtype=28 detail="SERVFAIL" count=1 '
        '^dns-failure addr=10\.198\.2\.2 .*name=drop\.test qtype=1 detail="no answer" count=2 '
    )
    local w n
    for w in "${want[@]}"; do
        grep -Eq -- "$w" "$T/live.out" || fail "live: no event matching: $w"
    done
    n=$(wc -l <"$T/live.out")
    [ "$n" = "${#want[@]}" ] || fail "live: $n events, want ${#want[@]} (nothing for the healthy TLS connection, ok.test, DAD, router solicitations)"
    echo "live: $n events from $(tcpdump_count "$T/live.pcap") packets"
    [ "$_failed" = 0 ] || { show "$T/live.out" 20; mkdir -p /tmp/det-fail && cp "$T/live.pcap" /tmp/det-fail/; }
}
live

finish
