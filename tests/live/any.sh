#!/usr/bin/env bash
# tests/live/any.sh - "-i any" as tcpdump 4.99 on libpcap 1.10: synack and
# tcpdump capture at the same time in a namespace of their own (veth pair made
# here, traffic only between its two ends, bounded): the same stderr banner
# ("data link type LINUX_SLL2", "listening on any, link-type LINUX_SLL2 ..."),
# the same printed lines (interface name and direction included; timestamps
# left out), -w files of link type LINUX_SLL2 holding the same packets, and the
# same -d program for that link type.
. "$(dirname "$0")/../lib.sh"
need_synack
need_netns
need_tcpdump
netns_pair 88
# IPv4 only in the namespace: no router solicitations or MLD reports at random times
ip netns exec "$NS_A" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 2>/dev/null
ip netns exec "$NS_B" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 2>/dev/null
# ARP resolved first, so that both captures see only the pings
ip netns exec "$NS_A" ping -c 1 -W 2 "$IP_B" >/dev/null 2>&1 || die "no ping across the veth pair"

pids=()
start() { # start NAME PROG ARGS...: run in NS_A, stdout NAME.out, stderr NAME.err
    local name=$1; shift
    ip netns exec "$NS_A" timeout 30 "$@" >"$T/$name.out" 2>"$T/$name.err" &
    pids+=($!)
    add_cleanup "kill -INT $!"
}
filter=(icmp and host "$IP_B")
start t-print "$TCPDUMP" -nn -i any "${filter[@]}"
start s-print "$SYNACK" -nn -i any "${filter[@]}"
start t-write "$TCPDUMP" -i any -w "$T/t.pcap" "${filter[@]}"
start s-write "$SYNACK" -i any -w "$T/s.pcap" "${filter[@]}"
for n in t-print s-print t-write s-write; do
    wait_for 100 0.1 grep -q "listening on" "$T/$n.err" || { fail "$n did not start:"; show "$T/$n.err"; }
done
sleep 0.5
ip netns exec "$NS_A" ping -c 4 -i 0.2 -W 2 "$IP_B" >/dev/null || fail "ping failed"
sleep 1.5   # the kernel hands over a block of packets at least every second
for p in "${pids[@]}"; do stop_pid "$p" INT "capture $p"; done

strip() { sed -e 's/^tcpdump: /synack: /' -e '/packets\{0,1\} \(captured\|received by filter\|dropped by kernel\)$/d' "$1"; }
for n in print write; do
    strip "$T/t-$n.err" >"$T/t-$n.err2"; strip "$T/s-$n.err" >"$T/s-$n.err2"
    expect_same "-i any ($n) stderr" "$T/t-$n.err2" "$T/s-$n.err2"
done
grep -q '^synack: data link type LINUX_SLL2$' "$T/s-print.err" || { fail "no 'data link type LINUX_SLL2' line"; show "$T/s-print.err"; }
# printed lines: without the time stamp (two processes, one packet: the same instant, not the same digits)
cut -d' ' -f2- "$T/t-print.out" >"$T/t.lines"; cut -d' ' -f2- "$T/s-print.out" >"$T/s.lines"
[ "$(wc -l <"$T/t.lines")" -ge 8 ] || { fail "tcpdump printed only $(wc -l <"$T/t.lines") lines for 4 pings"; show "$T/t-print.out"; }
expect_same "-i any printed lines" "$T/t.lines" "$T/s.lines"
grep -q "^$IF_A \+Out IP $IP_A > $IP_B: ICMP echo request" "$T/s.lines" || { fail "no interface name / direction on synack's lines"; show "$T/s.lines" 3; }
# -w: link type LINUX_SLL2, the same packets
for w in t s; do
    "$TCPDUMP" -r "$T/$w.pcap" 2>&1 >/dev/null | head -1 | grep -q 'link-type LINUX_SLL2 (Linux cooked v2)' ||
        { fail "$w.pcap: not LINUX_SLL2:"; "$TCPDUMP" -r "$T/$w.pcap" 2>&1 | sed -n 1p; }
    "$TCPDUMP" -nn -tt -r "$T/$w.pcap" 2>/dev/null | cut -d' ' -f2- >"$T/$w.read"
done
expect_same "-i any -w packets (read back by tcpdump)" "$T/t.read" "$T/s.read"
# -d: the program for LINUX_SLL2 (protocol at offset 0), and the banner line
ip netns exec "$NS_A" "$TCPDUMP" -i any -d ip >"$T/t.d" 2>"$T/t.derr"
ip netns exec "$NS_A" "$SYNACK" -i any -d ip >"$T/s.d" 2>"$T/s.derr" || fail "-i any -d: exit status"
expect_same "-i any -d ip" "$T/t.d" "$T/s.d"
sed -i 's/^tcpdump: /synack: /' "$T/t.derr"
expect_same "-i any -d stderr" "$T/t.derr" "$T/s.derr"
finish
