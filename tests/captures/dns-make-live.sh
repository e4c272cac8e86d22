#!/usr/bin/env bash
# dns-make-live.sh - record real DNS traffic for the golden tests: dnsmasq
# (authoritative for "test.") in a private network namespace, queried with dig
# over UDP and TCP with assorted EDNS options.  Needs root, dnsmasq-base,
# bind9-dnsutils and tcpdump.  Writes dns-live.pcap next to this script.
# Nothing leaves the namespace pair it creates (10.53.0.0/24), which it removes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
ns=synack-dns$$
va=sdns$$a vb=sdns$$b
cleanup() {
    [ -f "$work/dnsmasq.pid" ] && kill "$(cat "$work/dnsmasq.pid")" 2>/dev/null || true
    [ -n "${tdpid:-}" ] && kill "$tdpid" 2>/dev/null || true
    ip link del "$va" 2>/dev/null || true
    ip netns del "$ns" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
cat >"$work/dnsmasq.conf" <<CONF
no-resolv
no-hosts
bind-interfaces
listen-address=10.53.0.1
local=/test/
host-record=a.test,10.1.2.3,2001:db8::1
host-record=both.test,10.9.9.9,2001:db8::99
mx-host=test,mail.test,10
mx-host=test,mail2.test,20
txt-record=txt.test,"v=spf1 -all","second string"
txt-record=esc.test,"tab	and \"quote\""
srv-host=_sip._udp.test,sip.test,5060,10,60
cname=alias.test,a.test
ptr-record=3.2.1.10.in-addr.arpa,a.test
auth-zone=test
auth-zone=1.10.in-addr.arpa
auth-server=ns1.test,$vb
auth-soa=2024010101,hostmaster.test,1200,180,1209600,600
CONF
ip netns add "$ns"
ip link add "$va" type veth peer name "$vb"
ip link set "$vb" netns "$ns"
ip addr add 10.53.0.2/24 dev "$va"
ip link set "$va" up
ip -n "$ns" addr add 10.53.0.1/24 dev "$vb"
ip -n "$ns" link set "$vb" up
ip -n "$ns" link set lo up
ip netns exec "$ns" dnsmasq -C "$work/dnsmasq.conf" --pid-file="$work/dnsmasq.pid" --log-facility="$work/log"
sleep 0.5
tcpdump -i "$va" -s 0 -U -w "$here/dns-live.pcap" 'port 53' >/dev/null 2>&1 &
tdpid=$!
sleep 1
S="@10.53.0.1 +tries=1 +time=2"
q() { dig $S "$@" >/dev/null || true; }
q a.test A; q a.test AAAA; q test MX; q txt.test TXT; q esc.test TXT; q test SOA
q nope.test A; q _sip._udp.test SRV; q alias.test A; q -x 10.1.2.3; q test NS
q +tcp both.test ANY; q +cookie a.test; q +nsid +subnet=192.0.2.0/24 a.test
q +subnet=2001:db8::/48 +dnssec a.test; q +tcp a.test MX; q +tcp txt.test TXT
q +noedns +cd +adflag a.test; q +norec example.com; q +keepalive +tcp a.test
q +padding=64 a.test; q +ednsopt=65001:abcd +ednsflags=0x7fff +edns=1 a.test
q +expire a.test; q -c CH -t TXT version.bind; q +tcp test AXFR
sleep 1
kill "$tdpid"; wait "$tdpid" 2>/dev/null || true
tdpid=
echo "wrote $here/dns-live.pcap"
