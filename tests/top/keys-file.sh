#!/usr/bin/env bash
# synack top -r CAPTURE --speed 0 in tmux (80x24): the connection with
# the most loss is on the first row with its finding (packet-loss, the id
# diagnose gives), and q, s, g, p, /, Enter, w each do what the footer says;
# w writes a pcap that tcpdump reads with the connection's packets.
. "$(dirname "$0")/../lib.sh"
command -v tmux >/dev/null || skip "tmux not installed"
command -v "$TCPDUMP" >/dev/null || skip "tcpdump not installed"
S="synack-top-$$"
add_cleanup "tmux -L $S kill-server"
pane() { tmux -L "$S" capture-pane -p -t top; }
# wait_for REGEX: poll the screen (at most 5 s)
wait_for() {
    local i
    for ((i = 0; i < 50; i++)); do pane | grep -Eq -- "$1" && return 0; sleep 0.1; done
    echo "--- screen:"; pane; return 1
}
keys() { tmux -L "$S" send-keys -t top "$@"; }

cd "$T" || die "no tmp dir"
tmux -L "$S" new-session -d -s top -x 80 -y 24 "$SYNACK top -r $CAP/ana-loss5-sack.pcap --speed 0; echo EXITED rc=\$?; sleep 30" ||
    die "tmux did not start"
wait_for 'end of file' || die "no end-of-file screen"
wait_for '^finding: \[packet-loss\]' || fail "the header does not show diagnose's packet-loss finding"
# ana-loss5-sack (diagnose): the 5002 connection lost 4 segments (1 retransmission, 3 not captured,
# about 4.1%), the 5001 connection 3 (about 3.9%): 5002 first, both with packet-loss
row1=$(pane | grep -A1 '^CONNECTION' | sed -n 2p)
row2=$(pane | grep -A2 '^CONNECTION' | sed -n 3p)
echo "$row1" | grep -q '^10.199.80.1:43450 10.199.81.1:5002 .*packet-loss' || fail "first row is not the 5002 connection: $row1"
echo "$row2" | grep -q '^10.199.80.1:50432 10.199.81.1:5001 .*packet-loss' || fail "second row is not the 5001 connection: $row2"
wait_for '^q quit  s sort:trouble  g servers' || fail "no footer with the keys"

keys s; wait_for 'sort:bytes/s' || fail "s did not change the sort column"
keys s; wait_for 'sort:pkts/s' || fail "s did not cycle to pkts/s"
keys g; wait_for ' 2 servers' || fail "g did not switch to servers"
pane | grep -Eq '^10\.199\.81\.1:5001 .*1 conns' || fail "server view has no 10.199.81.1:5001 row"
keys g; wait_for ' 2 conns' || fail "g did not switch back"
keys p; wait_for 'PAUSED' || fail "p did not pause"
keys p; sleep 1.2; pane | grep -q PAUSED && fail "p did not resume"
keys / ; wait_for '^filter' || fail "/ did not ask for a filter"
keys 5001 Enter; wait_for ' 1 conns' || fail "the filter did not leave one connection"
pane | grep -q ':5002 ' && fail "filter 5001 still shows the 5002 connection"
pane | grep -q 'filter:5001' || fail "footer does not show the filter"
keys Enter; wait_for '^details: 10.199.80.1:50432 10.199.81.1:5001' || fail "Enter did not show details"
# the last packets in tcpdump's format
n=$(pane | grep -Ec '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} IP 10\.199\.8[01]\.1\.(50432|5001) > ')
[ "$n" -ge 10 ] || fail "details show $n tcpdump-format packet lines, expected >= 10"
keys Enter; wait_for '^CONNECTION' || fail "Enter did not return to the table"
# the 5001 connection has 117 packets in 0.007 s: the --ring cap (64) holds fewer than --ring-seconds (60)
keys w; wait_for 'wrote 64 packets to synack-top-50432-' || fail "w did not report the file"
f=$(ls synack-top-50432-*.pcap 2>/dev/null | head -1)
[ -n "$f" ] || die "w wrote no file"
"$TCPDUMP" -nn -r "$f" >tcpd.out 2>tcpd.err || fail "tcpdump cannot read $f: $(cat tcpd.err)"
[ "$(grep -c '10.199.80.1.50432 > 10.199.81.1.5001\|10.199.81.1.5001 > 10.199.80.1.50432' tcpd.out)" = 64 ] ||
    fail "tcpdump read $(wc -l <tcpd.out) packets of the connection from $f, expected 64"
keys q; wait_for 'EXITED rc=0' || fail "q did not quit with status 0"
finish
