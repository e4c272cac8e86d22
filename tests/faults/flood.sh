#!/usr/bin/env bash
# timeout: 150
# tests/faults/flood.sh - live capture under a bounded UDP flood on a veth
# pair (namespaces made here): synack -w and tcpdump -w capture the same
# interface at the same time with the same small kernel buffer (-B).
#  - the statistics are honest: the file holds exactly "packets captured",
#    and "received by filter" = captured + "dropped by kernel" (what
#    libpcap's TPACKET_V3 counters mean), and at least what was sent;
#  - synack keeps up at least as well as tcpdump (captured >= 95% of
#    tcpdump's, and never fewer than tcpdump minus 2% of what was sent).
. "$(dirname "$0")/../lib.sh"
need_synack
need_tcpdump
need_netns
N=${FLOOD_PACKETS:-150000}
netns_pair 74
ip netns exec "$NS_B" "$SYNACK" -nn -i "$IF_B" -B ${FLOOD_BUFFER_KIB:-128} -w "$T/s.pcap" udp port 9999 2>"$T/s.err" &
SPID=$!; add_cleanup "kill -KILL $SPID"
ip netns exec "$NS_B" "$TCPDUMP" -Z root -nn -i "$IF_B" -B ${FLOOD_BUFFER_KIB:-128} -w "$T/t.pcap" udp port 9999 2>"$T/t.err" &
TPID=$!; add_cleanup "kill -KILL $TPID"
wait_for 100 0.1 grep -q "listening on" "$T/s.err" || die "synack did not start: $(cat "$T/s.err")"
wait_for 100 0.1 grep -q "listening on" "$T/t.err" || die "tcpdump did not start: $(cat "$T/t.err")"
sleep 0.5
ip netns exec "$NS_A" /usr/bin/python3 - "$IP_B" "$N" <<'PY' || die "sender failed"
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
dst, n = (sys.argv[1], 9999), int(sys.argv[2])
payload = b'f' * 1400
for i in range(n):          # bounded: n datagrams, as fast as python goes
    s.sendto(payload, dst)
PY
sleep 1.5   # let the last ring block time out
stop_pid "$SPID" INT "synack"; src=$STOP_RC
stop_pid "$TPID" INT "tcpdump"; trc=$STOP_RC
[ "$src" = 0 ] || fail "synack exit status $src after SIGINT"
stat_of() { sed -n "s/^\([0-9]*\) packets\? $2\$/\1/p" "$1"; }
for who in s t; do
    name=synack; [ $who = t ] && name=tcpdump
    cap=$(stat_of "$T/$who.err" captured); recv=$(stat_of "$T/$who.err" "received by filter")
    drop=$(stat_of "$T/$who.err" "dropped by kernel")
    [ -n "$cap" ] && [ -n "$recv" ] && [ -n "$drop" ] || { fail "$name: statistics missing:"; show "$T/$who.err"; continue; }
    infile=$(pcap_count "$T/$who.pcap")
    echo "$name: sent $N, captured $cap (file $infile), received by filter $recv, dropped by kernel $drop"
    eval "${who}_cap=$cap"
    [ $who = t ] && continue
    [ "$infile" = "$cap" ] || fail "synack: the file holds $infile packets, stats say $cap captured"
    [ $((cap + drop)) = "$recv" ] || fail "synack: captured $cap + dropped $drop != received $recv"
    [ "$recv" -ge "$N" ] || fail "synack: received by filter $recv < $N sent"
    "$TCPDUMP" -nn -r "$T/s.pcap" 2>&1 >/dev/null | grep -qi truncated && fail "synack: file ends truncated"
done
if [ -n "${s_cap:-}" ] && [ -n "${t_cap:-}" ]; then
    [ $((s_cap * 100)) -ge $((t_cap * 95)) ] || [ $((s_cap + N / 50)) -ge "$t_cap" ] ||
        fail "synack captured $s_cap, tcpdump $t_cap in the same run"
fi
finish
