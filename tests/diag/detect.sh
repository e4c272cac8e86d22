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

finish
