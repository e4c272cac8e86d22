#!/usr/bin/env bash
# tests/live/sigterm.sh - SIGTERM (and SIGHUP-free default buffering, no -U)
# stops a live capture cleanly: exit status 0, statistics on stderr, and a
# complete file (tcpdump reads it without a truncation error) holding all the
# traffic that was sent (3 HTTP exchanges).
. "$(dirname "$0")/../lib.sh"
need_synack
need_netns
need_cmd curl
need_tcpdump
netns_pair 72
PORT=8081
mkdir -p "$T/www"; head -c 20000 /dev/zero | tr '\0' 'z' >"$T/www/z.txt"
(cd "$T/www" && exec ip netns exec "$NS_B" python3 -m http.server $PORT --bind "$IP_B" >/dev/null 2>&1) &
SRV=$!
add_cleanup "kill $SRV"
wait_for 100 0.1 ip netns exec "$NS_A" curl -s -o /dev/null -m 1 "http://$IP_B:$PORT/" || die "http.server did not come up"

start_capture "$NS_A" "$IF_A" "$T/cap.pcap" "$T/cap.err" || finish
for i in 1 2 3; do
    ip netns exec "$NS_A" curl -s -m 10 -o /dev/null "http://$IP_B:$PORT/z.txt" || fail "curl $i failed"
done
sleep 1.5   # TPACKET_V3 hands over a block after at most 1 s (packet buffer timeout)
stop_capture TERM
[ "$CAP_RC" = 0 ] || fail "exit status $CAP_RC after SIGTERM (tcpdump exits 0)"
grep -Eq '^[0-9]+ packets captured$' "$T/cap.err" || { fail "no 'packets captured' line after SIGTERM:"; show "$T/cap.err"; }
"$TCPDUMP" -nn -r "$T/cap.pcap" >"$T/all.txt" 2>"$T/read.err"
rc=$?
[ "$rc" = 0 ] || { fail "tcpdump reading the file: exit $rc"; show "$T/read.err"; }
grep -q truncated "$T/read.err" && fail "the file ends with a truncated record"
syns=$(grep -Ec "> $IP_B.$PORT: Flags \[S\]," "$T/all.txt")
fins=$(grep -Ec "$IP_B.$PORT > .*Flags \[F\.\]" "$T/all.txt")
[ "$syns" = 3 ] || fail "expected 3 SYNs in the file, found $syns"
[ "$fins" = 3 ] || fail "expected 3 server FINs in the file, found $fins"
# the reported count matches the file
cnt=$(sed -n 's/^\([0-9][0-9]*\) packets captured$/\1/p' "$T/cap.err")
got=$(wc -l <"$T/all.txt")
[ "${cnt:-x}" = "$got" ] || fail "stderr says ${cnt:-?} packets captured, the file holds $got"
finish
