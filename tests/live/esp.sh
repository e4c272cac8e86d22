#!/usr/bin/env bash
# tests/live/esp.sh - -E on a live capture, in the sandbox: synack and tcpdump capture
# on one end of a veth pair (namespaces of their own) while the other end sends the
# ESP packets of tests/captures/esp-tunnel4.pcap (AES-128-CBC, HMAC-SHA1-96) and
# esp-des.pcap (DES, which only synack decrypts: OpenSSL's legacy provider, loaded
# before the sandbox).  The printed lines (time stamps left out) must be tcpdump's.
. "$(dirname "$0")/../lib.sh"
need_synack
need_netns
need_tcpdump
for c in esp-tunnel4 esp-des; do [ -r "$CAP/$c.pcap" ] || die "missing capture $CAP/$c.pcap"; done
netns_pair 77
ip netns exec "$NS_A" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 2>/dev/null
ip netns exec "$NS_B" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 2>/dev/null

K128=0x00112233445566778899aabbccddeeff
KDES=133457799bbcdff1
pids=()
start() { # start NAME PROG ARGS...: run in NS_A, stdout NAME.out, stderr NAME.err
    local name=$1; shift
    ip netns exec "$NS_A" timeout 30 "$@" >"$T/$name.out" 2>"$T/$name.err" &
    pids+=($!)
    add_cleanup "kill -INT $!"
}
start t "$TCPDUMP" -nn -i "$IF_A" -E "aes128-cbc-hmac96:$K128,0xb00b@198.51.100.2 3des-cbc:0x$KDES$KDES$KDES" esp
start s "$SYNACK" -nn -i "$IF_A" -E "aes128-cbc-hmac96:$K128,0xb00b@198.51.100.2 des-cbc:0x$KDES" esp
for n in t s; do
    wait_for 100 0.1 grep -q "listening on" "$T/$n.err" || { fail "$n did not start:"; show "$T/$n.err"; }
done
sleep 0.5
ip netns exec "$NS_B" /usr/bin/python3 - "$IF_B" "$CAP/esp-tunnel4.pcap" "$CAP/esp-des.pcap" <<'PY' || fail "cannot send"
import sys
from scapy.all import rdpcap, sendp
pkts = list(rdpcap(sys.argv[2])) + [p for p in rdpcap(sys.argv[3]) if bytes(p)[34:38] == b"\x00\x00\xb0\x0b"]
sendp(pkts, iface=sys.argv[1], inter=0.02, verbose=0)
PY
sleep 1.5   # the kernel hands over a block of packets at least every second
for p in "${pids[@]}"; do stop_pid "$p" INT "capture $p"; done

cut -d' ' -f2- "$T/t.out" >"$T/t.lines"; cut -d' ' -f2- "$T/s.out" >"$T/s.lines"
[ "$(wc -l <"$T/t.lines")" -ge 11 ] || { fail "tcpdump printed $(wc -l <"$T/t.lines") lines, not 11"; show "$T/t.out" 20; }
expect_same "-E live, printed lines" "$T/t.lines" "$T/s.lines"
grep -q "ESP(spi=0x0000b00b,seq=0x1), length 64: IP 10.1.0.5.40000 > 10.2.0.7.80: Flags \[S\]" "$T/s.lines" ||
    { fail "DES not decrypted live"; show "$T/s.out"; }
finish
