#!/usr/bin/env bash
# synack top -i on a veth pair this test creates (two namespaces, traffic only
# between them, bounded): a bulk download losing every 20th data segment (an
# nft rule at the client, after the capture) next to a clean transfer.  In tmux
# (80x24) the lossy connection is the first row with the packet-loss finding;
# a resize to 120x40 is redrawn; q quits.  Then --batch (stdout a file)
# prints plain-text snapshots once a second with the same rows.
. "$(dirname "$0")/../lib.sh"
need_synack
need_netns
command -v tmux >/dev/null || skip "tmux not installed"
need_cmd python3
netns_pair 215
ip netns exec "$NS_A" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 2>/dev/null
ip netns exec "$NS_B" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 2>/dev/null
ip netns exec "$NS_A" ping -c 1 -W 2 "$IP_B" >/dev/null 2>&1 || die "no ping across the veth pair"
need_cmd nft
# loss from the server (B) to the client (A), port 5001 only: every 20th data segment
    # dropped on input at the client (after the capture saw it): the server retransmits.
    # (A drop on the server's own output is repaired inside its stack and never seen.)
    ip netns exec "$NS_A" nft -f - <<NFT || skip "neither netem nor nft can drop packets here"
table inet toptest {
    chain in {
        type filter hook input priority 0;
        tcp sport 5001 meta length > 500 numgen inc mod 20 0 counter drop
    }
}
NFT
# servers in B: port 5001 (lossy) and 5002 (clean) each send 3 MB per connection, slowly enough to last a few seconds
cat >"$T/srv.py" <<'PY'
import socket, sys, threading, time
def serve(port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((sys.argv[1], port)); s.listen(4); s.settimeout(20)
    try:
        c, _ = s.accept()
    except OSError:
        return
    for _ in range(1200):
        try: c.sendall(b"x" * 4000)
        except OSError: break
        time.sleep(0.005)
    c.close()
for p in (5001, 5002): threading.Thread(target=serve, args=(p,), daemon=True).start()
time.sleep(20)
PY
cat >"$T/cli.py" <<'PY'
import socket, sys
s = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=20)
while s.recv(65536): pass
PY
S="synack-top-$$"
add_cleanup "tmux -L $S kill-server"
pane() { tmux -L "$S" capture-pane -p -t top; }
screen_has() { local i; for ((i = 0; i < 100; i++)); do pane | grep -Eq -- "$1" && return 0; sleep 0.1; done; echo "--- screen:"; pane; return 1; }

tpids=()
run_traffic() {
    ip netns exec "$NS_B" timeout 20 python3 "$T/srv.py" "$IP_B" & tpids+=($!); add_cleanup "kill $!"
    sleep 0.5
    ip netns exec "$NS_A" timeout 15 python3 "$T/cli.py" "$IP_B" 5001 & tpids+=($!); add_cleanup "kill $!"
    ip netns exec "$NS_A" timeout 15 python3 "$T/cli.py" "$IP_B" 5002 & tpids+=($!); add_cleanup "kill $!"
}
stop_traffic() { local p; for p in "${tpids[@]}"; do kill "$p" 2>/dev/null; done; for p in "${tpids[@]}"; do wait "$p" 2>/dev/null; done; tpids=(); }

tmux -L "$S" new-session -d -s top -x 80 -y 24 "ip netns exec $NS_A $SYNACK top -i $IF_A tcp; echo EXITED rc=\$?; sleep 30" || die "tmux did not start"
screen_has '^q quit' || die "top did not start"
run_traffic
ok=0
for ((i = 0; i < 80; i++)); do
    row1=$(pane | grep -A1 '^CONNECTION' | sed -n 2p)
    if echo "$row1" | grep -Eq "$IP_B:5001 .*packet-loss"; then ok=1; break; fi
    sleep 0.1
done
[ $ok = 1 ] || { fail "the lossy connection is not on the first row with packet-loss"; pane; }
pane | grep -Eq "$IP_B:5002 " || fail "the clean connection is not listed"
pane | grep -Eq "$IP_B:5002 .*packet-loss" && fail "the clean connection is marked packet-loss"
tmux -L "$S" resize-window -t top -x 120 -y 40 2>/dev/null || tmux -L "$S" resize-pane -t top -x 120 -y 40
sleep 1.5
w=$(pane | grep '^CONNECTION' | wc -L)
[ "$w" -gt 80 ] || fail "after the resize to 120 columns the header is $w columns wide"
pane | grep -q '^q quit' || fail "no footer after the resize"
pane; tmux -L "$S" send-keys -t top q
screen_has 'EXITED rc=0' || fail "q did not quit with status 0"
stop_traffic

# --batch: plain-text snapshots (about one a second) for a few seconds
ip netns exec "$NS_A" timeout -s INT 6 "$SYNACK" top --batch -i "$IF_A" tcp >"$T/batch.out" 2>"$T/batch.err" &
bp=$!
sleep 0.5
run_traffic
wait "$bp"
stop_traffic
n=$(grep -c '^synack top: ' "$T/batch.out")
[ "$n" -ge 3 ] && [ "$n" -le 9 ] || fail "--batch printed $n snapshots in 6 s"
grep -Eq "^10\.199\.215\.1:[0-9]+ $IP_B:5001 .*packet-loss" "$T/batch.out" || { fail "--batch: no lossy 5001 row"; tail -20 "$T/batch.out"; }
grep -q $'\e' "$T/batch.out" && fail "--batch output holds escape sequences"
finish
