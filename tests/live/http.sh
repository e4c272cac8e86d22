#!/usr/bin/env bash
# tests/live/http.sh - live capture of a real HTTP exchange between two network
# namespaces joined by a veth pair (10.199.71.0/24, deleted on exit).
# synack -i VETH -w FILE runs in the client namespace while curl GETs a page from
# python3 -m http.server; a second synack prints live (-l -t -nn).  After
# SIGINT: the statistics lines on stderr, and the file (read by synack and by
# tcpdump) holds SYN, SYN-ACK, the request, the response and the FIN teardown.
. "$(dirname "$0")/../lib.sh"
need_synack
need_netns
need_cmd curl
need_tcpdump
netns_pair 71
PORT=8080
mkdir -p "$T/www"
printf 'hello from the synack live test\n' >"$T/www/index.html"

# the server, in namespace B
(cd "$T/www" && exec ip netns exec "$NS_B" python3 -m http.server $PORT --bind "$IP_B" >/dev/null 2>&1) &
SRV=$!
add_cleanup "kill $SRV"
wait_for 100 0.1 ip netns exec "$NS_A" curl -s -o /dev/null -m 1 "http://$IP_B:$PORT/" ||
    die "http.server did not come up"

# the captures, in namespace A
start_capture "$NS_A" "$IF_A" "$T/cap.pcap" "$T/cap.err" || finish
ip netns exec "$NS_A" "$SYNACK" -i "$IF_A" -l -t -nn "tcp port $PORT" >"$T/live.txt" 2>"$T/live.err" &
LIVE=$!
add_cleanup "kill -KILL $LIVE"
wait_for 100 0.1 grep -q "listening on" "$T/live.err" || sleep 1
sleep 0.3

# the exchange
ip netns exec "$NS_A" curl -s -m 10 -o "$T/got.html" "http://$IP_B:$PORT/index.html" || fail "curl failed"
cmp -s "$T/got.html" "$T/www/index.html" || fail "curl did not get the page"
sleep 1.5   # TPACKET_V3 hands over a block after at most 1 s (packet buffer timeout)

stop_pid "$LIVE" INT "synack (live printing)"
[ "$STOP_RC" = 0 ] || fail "live printing synack exited with status $STOP_RC after SIGINT"
stop_capture INT
[ "$CAP_RC" = 0 ] || fail "synack -w exited with status $CAP_RC after SIGINT"

# statistics on stderr, as tcpdump prints them
for line in "packets captured" "packets received by filter" "packets dropped by kernel"; do
    grep -Eq "^[0-9]+ $line\$" "$T/cap.err" || { fail "stderr lacks the '$line' line:"; show "$T/cap.err"; }
done
grep -q "^listening on $IF_A, link-type EN10MB (Ethernet), snapshot length 262144 bytes\$" "$T/cap.err" ||
    grep -q "listening on $IF_A" "$T/cap.err" || fail "stderr lacks the 'listening on $IF_A' line"

# the file, as tcpdump and synack read it
"$TCPDUMP" -nn -r "$T/cap.pcap" >"$T/tcpdump.txt" 2>"$T/tcpdump.err" || { fail "tcpdump cannot read the file:"; show "$T/tcpdump.err"; }
timeout 20 "$SYNACK" -nn -r "$T/cap.pcap" >"$T/synack.txt" 2>"$T/synack.err" || { fail "synack cannot read its file:"; show "$T/synack.err"; }
C="$IP_A.[0-9]+" S="$IP_B.$PORT"
for reader in tcpdump synack; do
    f=$T/$reader.txt
    check() { grep -Eq "$2" "$f" || { fail "$reader -r: no $1 in the capture"; show "$f" 20; }; }
    check "SYN"                  "IP $C > $S: Flags \[S\], seq [0-9]+, win"
    check "SYN-ACK"              "IP $S > $C: Flags \[S\.\], seq [0-9]+, ack [0-9]+"
    check "HTTP request"         "IP $C > $S: Flags \[P\.\], seq 1:[0-9]+, ack 1, .*HTTP: GET /index.html HTTP/1.1"
    check "HTTP response"        "IP $S > $C: Flags \[P\.\], seq 1:[0-9]+, .*HTTP: HTTP/1.0 200 OK"
    check "server FIN"           "IP $S > $C: Flags \[F\.\]"
    check "client FIN"           "IP $C > $S: Flags \[F\.\]"
done
expect_same "synack -r vs tcpdump -r of the live file" "$T/tcpdump.txt" "$T/synack.txt"
# the page body travelled in the capture
"$TCPDUMP" -A -r "$T/cap.pcap" 2>/dev/null | grep -q "hello from the synack live test" || fail "page body not in the capture"
# live printing = what tcpdump prints from the file (without timestamps)
"$TCPDUMP" -t -nn -r "$T/cap.pcap" "tcp port $PORT" >"$T/want.txt" 2>/dev/null
if cmp -s "$T/want.txt" "$T/live.txt"; then
    fail "live printing: tcpdump ends a live capture's stdout with one empty line (at exit); synack does not"
else
    echo >>"$T/want.txt"   # tcpdump ends a live capture's stdout with an empty line
    expect_same "live printing (-l -t -nn)" "$T/want.txt" "$T/live.txt"
fi
finish
