#!/usr/bin/env bash
# tests/live/filter.sh - a live capture filter ("tcp port 8080") keeps exactly
# the matching packets: traffic to port 8080 is in the file, traffic to port
# 8081 and UDP are not.
. "$(dirname "$0")/../lib.sh"
need_synack
need_netns
need_cmd curl
need_tcpdump
netns_pair 73
mkdir -p "$T/www"; printf 'filter test\n' >"$T/www/index.html"
for port in 8080 8081; do
    (cd "$T/www" && exec ip netns exec "$NS_B" python3 -m http.server $port --bind "$IP_B" >/dev/null 2>&1) &
    add_cleanup "kill $!"
    wait_for 100 0.1 ip netns exec "$NS_A" curl -s -o /dev/null -m 1 "http://$IP_B:$port/" || die "http.server :$port did not come up"
done

start_capture "$NS_A" "$IF_A" "$T/cap.pcap" "$T/cap.err" tcp port 8080 || finish
for port in 8081 8080 8081 8080; do
    ip netns exec "$NS_A" curl -s -m 10 -o /dev/null "http://$IP_B:$port/index.html" || fail "curl :$port failed"
done
ip netns exec "$NS_A" bash -c "echo x >/dev/udp/$IP_B/8080" 2>/dev/null
sleep 1.5   # TPACKET_V3 hands over a block after at most 1 s (packet buffer timeout)
stop_capture INT
[ "$CAP_RC" = 0 ] || fail "exit status $CAP_RC after SIGINT"

"$TCPDUMP" -nn -r "$T/cap.pcap" >"$T/all.txt" 2>/dev/null || fail "tcpdump cannot read the file"
total=$(wc -l <"$T/all.txt")
other=$("$TCPDUMP" -nn -r "$T/cap.pcap" 'not (tcp port 8080)' 2>/dev/null | wc -l)
syns=$(grep -Ec "> $IP_B.8080: Flags \[S\]," "$T/all.txt")
[ "$other" = 0 ] || { fail "$other packets in the file do not match 'tcp port 8080':"; "$TCPDUMP" -nn -r "$T/cap.pcap" 'not (tcp port 8080)' 2>/dev/null | sed -n 1,5p | sed 's/^/    | /'; }
[ "$syns" = 2 ] || fail "expected the 2 connections to port 8080 (2 SYNs), found $syns"
[ "$total" -ge 16 ] || fail "only $total packets captured for 2 HTTP exchanges"
grep -Eq '^[0-9]+ packets received by filter$' "$T/cap.err" || { fail "no 'received by filter' line:"; show "$T/cap.err"; }
finish
