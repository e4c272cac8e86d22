#!/usr/bin/env bash
# tests/analysis/make-captures.bash - regenerate tests/captures/ana-*.pcap, real
# Linux TCP traffic for the synack-vs-tshark analysis comparison
# (tests/analysis/compare-tshark.py).  Run as root; only needed to re-create
# the captures (the .pcap files are kept in the tree).
#
# Topology, all inside network namespaces created here and deleted on exit:
#   ana-c (10.199.80.1) --veth-- ana-r (router, nftables loss) --veth-- ana-s (10.199.81.1)
# and, for reordering, ana-c (10.199.82.1) --veth-- ana-b (python userspace
# bridge that holds back 25% of frames for 10 ms) --veth-- ana-s (10.199.82.2),
# used because sch_netem is not available here.
# Captures are taken with tcpdump -s 96 on the client's interface, so losses
# on the client->server path happen after the capture point (the capture shows
# the original and its retransmission) and losses on the way back happen before
# it (the capture shows holes, dup ACKs and out-of-order fills).
#
# usage: make-captures.bash --all        regenerate every ana-* capture
#        make-captures.bash NAME...      only these (NAME as in the scenarios below)
# Without arguments it does nothing and exits 77: tests/run.sh runs every
# tests/analysis/*.sh, and this script is not a test (it rewrites captures).
set -eu
if [ $# -eq 0 ]; then
    echo "skip: make-captures.bash regenerates tests/captures/ana-*.pcap (run it with --all); not a test"
    exit 77
fi
[ "$1" = --all ] && shift
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$(cd "$HERE/../captures" && pwd)
PY=/usr/bin/python3
TR="$HERE/ana-traffic.py"
C=ana-c R=ana-r S=ana-s B=ana-b
exec 9>/tmp/synack-ana-make-captures.lock
flock -w 300 9 || { echo "make-captures.bash: another run holds the lock" >&2; exit 1; }
W=$(mktemp -d)
PIDS=""
cleanup() {
    set +e
    for p in $PIDS; do kill "$p" 2>/dev/null; done
    for ns in $C $R $S $B; do ip netns del $ns 2>/dev/null; done
    rm -rf "$W"
}
trap cleanup EXIT
for ns in $C $R $S $B; do ip netns del $ns 2>/dev/null || true; done

# ---- topology ----------------------------------------------------------------
routed() {
    ip netns add $C; ip netns add $R; ip netns add $S
    ip link add anac0 netns $C type veth peer name anac1 netns $R
    ip link add anas0 netns $S type veth peer name anas1 netns $R
    ip -n $C addr add 10.199.80.1/24 dev anac0
    ip -n $R addr add 10.199.80.2/24 dev anac1
    ip -n $R addr add 10.199.81.2/24 dev anas1
    ip -n $S addr add 10.199.81.1/24 dev anas0
    for ns in $C $R $S; do ip -n $ns link set lo up; done
    ip -n $C link set anac0 up; ip -n $R link set anac1 up
    ip -n $R link set anas1 up; ip -n $S link set anas0 up
    ip -n $C route add default via 10.199.80.2
    ip -n $S route add default via 10.199.81.2
    ip netns exec $R sysctl -qw net.ipv4.ip_forward=1
    # one MSS-sized packet per frame (no GSO super-frames at the capture point)
    for dev in "$C anac0" "$S anas0" "$R anac1" "$R anas1"; do
        set -- $dev; ip -n "$1" link set "$2" gso_max_segs 1 2>/dev/null || true
    done
    ip netns exec $R nft -f - <<'EOF'
table inet ana {
    chain lossy {
        type filter hook forward priority 0; policy accept;
    }
}
EOF
    CLI=10.199.80.1 SRV=10.199.81.1 CIF=anac0
}
bridged() {
    ip netns add $C; ip netns add $B; ip netns add $S
    ip link add anac0 netns $C type veth peer name anab0 netns $B
    ip link add anas0 netns $S type veth peer name anab1 netns $B
    ip -n $C addr add 10.199.82.1/24 dev anac0
    ip -n $S addr add 10.199.82.2/24 dev anas0
    for ns in $C $B $S; do ip -n $ns link set lo up; done
    ip -n $C link set anac0 up; ip -n $S link set anas0 up
    ip -n $B link set anab0 up; ip -n $B link set anab1 up
    for dev in "$C anac0" "$S anas0"; do
        set -- $dev; ip -n "$1" link set "$2" gso_max_segs 1 2>/dev/null || true
        ip netns exec "$1" $PY "$TR" nocsum "$2"
    done
    CLI=10.199.82.1 SRV=10.199.82.2 CIF=anac0
}
teardown() {
    for p in $PIDS; do kill "$p" 2>/dev/null || true; done
    PIDS=""
    for ns in $C $R $S $B; do ip netns del $ns 2>/dev/null || true; done
    sleep 0.2
}
loss() { # loss C2S_PERCENT S2C_PERCENT
    ip netns exec $R nft flush chain inet ana lossy
    ip netns exec $R nft add rule inet ana lossy iifname anac1 numgen random mod 100 '<' "$1" drop
    ip netns exec $R nft add rule inet ana lossy iifname anas1 numgen random mod 100 '<' "$2" drop
}
tcpopts() { # tcpopts SACK TIMESTAMPS  (both ends)
    for ns in $C $S; do
        ip netns exec $ns sysctl -qw net.ipv4.tcp_sack="$1" net.ipv4.tcp_timestamps="$2"
    done
}
server() { # server ARGS...   (in the server namespace, background)
    ip netns exec $S $PY "$TR" "$@" &
    PIDS="$PIDS $!"
    sleep 0.3
}
client() { timeout 90 ip netns exec $C ${WRAP:-} $PY "$TR" "$@"; }
record_start() {
    ip netns exec $C tcpdump -i $CIF -s 96 --immediate-mode -U -w "$W/cap.pcap" tcp 2>"$W/err" &
    CAP=$!
    for _ in $(seq 100); do grep -q listening "$W/err" && break; sleep 0.1; done
    sleep 0.3
}
record_stop() { # record_stop NAME
    sleep 1.5   # TPACKET_V3 hands a block over after at most 1 s
    kill -INT $CAP; wait $CAP || true
    cp "$W/cap.pcap" "$OUT/$1"
    echo "$1: $(tcpdump -r "$OUT/$1" 2>/dev/null | wc -l) packets, $(stat -c %s "$OUT/$1") bytes"
}
wanted() { [ -z "$WANT" ] && return 0; local n; for n in $WANT; do [ "$n" = "$1" ] && return 0; done; return 1; }
WANT="$*"

# ---- bulk transfers with random loss ----------------------------------------
# ana-lossN-{sack,nosack,nots}: N% loss on each direction; one upload and one
# download per capture.
bulk() { # bulk NAME PERCENT SACK TS BYTES
    local name=$1 pct=$2 sack=$3 ts=$4 bytes=$5
    wanted "$name" || return 0
    routed; tcpopts "$sack" "$ts"
    server --conns 1 sink 5001
    server --conns 1 source 5002 "$bytes"
    loss "$pct" "$pct"
    record_start
    client up $SRV 5001 "$bytes" || echo "warning: upload failed in $name"
    client down $SRV 5002 || echo "warning: download failed in $name"
    record_stop "$name.pcap"
    teardown
}
bulk ana-loss1-sack      1 1 1 200000
bulk ana-loss1-nosack    1 0 1 200000
bulk ana-loss5-sack      5 1 1 100000
bulk ana-loss5-nosack    5 0 1 100000
bulk ana-loss5-nots      5 1 0 100000
bulk ana-loss20-sack    20 1 1  40000
bulk ana-loss20-nosack  20 0 1  40000
bulk ana-loss20-nots    20 0 0  40000

# ---- receiver that stops reading: zero windows, probes, window updates ------
if wanted ana-zerowin; then
    routed; tcpopts 1 1
    server --conns 1 stall 5003 3
    record_start
    client up $SRV 5003 60000 || echo "warning: zero-window client failed"
    record_stop ana-zerowin.pcap
    teardown
fi

# ---- 1-byte zero-window probes ---------------------------------------------------
# Linux probes a zero window with empty keep-alive-like segments (seq - 1), so
# the probing sender here is a scapy userspace TCP in the client namespace
# (whose kernel RSTs are dropped by nftables); the receiver is the real stack.
if wanted ana-zwprobe; then
    routed; tcpopts 1 1
    printf '%s\n' 'table inet anazw {' ' chain out {' \
        '  type filter hook output priority 0; policy accept;' '  tcp flags rst drop' ' }' '}' |
        ip netns exec $C nft -f -
    server --conns 1 stall 5008 2
    record_start
    client zwp $SRV 5008 $CIF || echo "warning: zero-window-probe client failed"
    record_stop ana-zwprobe.pcap
    teardown
fi

# ---- keepalives ----------------------------------------------------------------
if wanted ana-keepalive; then
    routed; tcpopts 1 1
    server --conns 2 idle 5004
    record_start
    client keepalive $SRV 5004 4 || echo "warning: keepalive client failed"
    tcpopts 0 0
    client keepalive $SRV 5004 3 || echo "warning: keepalive client failed"
    record_stop ana-keepalive.pcap
    teardown
fi

# ---- the same client port again (reused ports) ---------------------------------
if wanted ana-reuse; then
    routed; tcpopts 1 1
    server --conns 4 closer 5005
    record_start
    client reuse $SRV 5005 40123 4 || echo "warning: reuse client failed"
    record_stop ana-reuse.pcap
    teardown
fi

# ---- reordering (userspace bridge; netem is not available) ---------------------
if wanted ana-reorder; then
    bridged; tcpopts 1 1
    ip netns exec $B $PY "$TR" bridge anab0 anab1 30 &
    PIDS="$PIDS $!"
    sleep 0.5
    server --conns 1 sink 5006
    server --conns 1 source 5007 150000
    record_start
    client up $SRV 5006 150000 || echo "warning: reorder upload failed"
    client down $SRV 5007 || echo "warning: reorder download failed"
    record_stop ana-reorder.pcap
    teardown
fi
