# shellcheck shell=bash disable=SC2034
# tests/lab/lib.bash - the diagnose lab: real Linux TCP between network
# namespaces, captured at the client and at the server with `synack -i -w`,
# then judged with `synack diagnose --json`.  Sourced by tests/lab/*.sh (this
# file does not end in .sh, so tests/run.sh does not run it as a test).
#
# Topology (created by lab_up, deleted on exit even on failure):
#
#   client ns  $LAB_C  10.198.1.2  [$CIF] ---- [$RCIF] 10.198.1.1
#                                              router ns $LAB_R (ip_forward=1,
#                                              nftables table "inet lab")
#   server ns  $LAB_S  10.198.2.2  [$SIF] ---- [$RSIF] 10.198.2.1
#
# Names carry the shell's PID, so parallel runs do not collide.  Traffic stays
# inside these namespaces.
#
# A scenario script:
#     . "$(dirname "$0")/lib.bash"
#     lab_need; lab_up
#     lab_serve http 8080            # server endpoint (lab.py serve ...)
#     lab_capture_start              # synack -i at the client and at the server
#     lab_client get "$SRV_IP" 8080  # client endpoint (bounded)
#     lab_capture_stop
#     lab_diag client; expect_ids client ""; expect_vantage client client
#     lab_diag server; ...
#     lab_finish
#
# Environment: LAB_SAVE=DIR copies every scenario's captures to
# DIR/NAME-{client,server}.pcap; failing scenarios always keep theirs in
# /tmp/lab-fail/ (LAB_FAIL_DIR).  VERBOSE=1 prints the diagnose text output.
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

LAB_NAME=$(basename "$0" .sh)
LAB_PY=/usr/bin/python3
LAB_TOOL=$TOP/tests/lab/lab.py
LAB_FAIL_DIR=${LAB_FAIL_DIR:-/tmp/lab-fail}
LAB_ID=$$
LAB_C="synlab$LAB_ID-c" LAB_R="synlab$LAB_ID-r" LAB_S="synlab$LAB_ID-s"
CIF="lab${LAB_ID}c" RCIF="lab${LAB_ID}rc" SIF="lab${LAB_ID}s" RSIF="lab${LAB_ID}rs"
CLI_IP=10.198.1.2 RTR_CIP=10.198.1.1 SRV_IP=10.198.2.2 RTR_SIP=10.198.2.1
LAB_UP=0

# Skip (77) unless we can build the lab: root, iproute2, netns, nft, python3.
lab_need() {
    need_synack
    need_netns
    need_cmd nft
    [ -x "$LAB_PY" ] || skip "$LAB_PY not installed"
}

# lab_up: three namespaces, two veth pairs, routes, forwarding, an empty
# nftables table on the router with a forward and an output chain.
lab_up() {
    local ns
    add_cleanup "lab_down"
    for ns in "$LAB_C" "$LAB_R" "$LAB_S"; do
        ip netns add "$ns" || die "ip netns add $ns failed"
        LAB_UP=1
        # IPv4 only: no IPv6 router solicitations / MLD reports in the captures
        ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 2>/dev/null
    done
    ip link add "$CIF" netns "$LAB_C" type veth peer name "$RCIF" netns "$LAB_R" || die "veth (client side) failed"
    ip link add "$SIF" netns "$LAB_S" type veth peer name "$RSIF" netns "$LAB_R" || die "veth (server side) failed"
    ip -n "$LAB_C" addr add "$CLI_IP/24" dev "$CIF"
    ip -n "$LAB_R" addr add "$RTR_CIP/24" dev "$RCIF"
    ip -n "$LAB_R" addr add "$RTR_SIP/24" dev "$RSIF"
    ip -n "$LAB_S" addr add "$SRV_IP/24" dev "$SIF"
    # one MSS-sized segment per frame at the capture points (no GSO super-frames)
    local dev
    for dev in "$LAB_C $CIF" "$LAB_R $RCIF" "$LAB_R $RSIF" "$LAB_S $SIF"; do
        set -- $dev
        ip -n "$1" link set "$2" gso_max_segs 1 2>/dev/null || true
        ip -n "$1" link set "$2" up || die "link $2 up failed"
    done
    for ns in "$LAB_C" "$LAB_R" "$LAB_S"; do ip -n "$ns" link set lo up; done
    ip -n "$LAB_C" route add default via "$RTR_CIP" || die "client route failed"
    ip -n "$LAB_S" route add default via "$RTR_SIP" || die "server route failed"
    ip netns exec "$LAB_R" sysctl -qw net.ipv4.ip_forward=1 || die "ip_forward failed"
    ip netns exec "$LAB_R" nft -f - <<'EOF' || die "nft table setup failed"
table inet lab {
    chain labfwd { type filter hook forward priority 0; policy accept; }
    chain labout { type filter hook output priority 0; policy accept; }
}
EOF
    wait_for 50 0.1 eval "ip -n $LAB_C link show $CIF | grep -q LOWER_UP && ip -n $LAB_S link show $SIF | grep -q LOWER_UP" ||
        die "veth links did not come up"
    # the path works (bounded): ping server from client
    wait_for 20 0.2 ip netns exec "$LAB_C" ping -c1 -W1 "$SRV_IP" || die "no route client -> server through the router"
}

# lab_down: kill what runs in the lab namespaces, delete them.
lab_down() {
    [ "$LAB_UP" = 1 ] || return 0
    local ns pid
    for ns in "$LAB_C" "$LAB_R" "$LAB_S"; do
        for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
    done
    for ns in "$LAB_C" "$LAB_R" "$LAB_S"; do ip netns del "$ns" 2>/dev/null; done
    LAB_UP=0
}

# nft rules on the router: lab_nft "iifname $RSIF tcp sport 8080 drop" (forward
# chain); lab_nft_out "icmp type destination-unreachable drop" (router's own output).
lab_nft()     { ip netns exec "$LAB_R" nft add rule inet lab labfwd "$@" || die "nft rule failed: $*"; }
lab_nft_out() { ip netns exec "$LAB_R" nft add rule inet lab labout "$@" || die "nft rule failed: $*"; }

# lab_sysctl NS KEY=VALUE...
lab_sysctl() { local ns=$1; shift; ip netns exec "$ns" sysctl -qw "$@" || die "sysctl $* failed in $ns"; }

# lab_serve MODE PORT [ARG]: a lab.py server in the server namespace (background,
# killed on exit, dies by itself after LAB_SERVE_FOR seconds, default 30).
lab_serve() {
    local mode=$1 port=$2
    ip netns exec "$LAB_S" "$LAB_PY" "$LAB_TOOL" --for "${LAB_SERVE_FOR:-30}" serve "$@" >"$T/serve-$port.out" 2>&1 &
    add_cleanup "kill -KILL $!"
    wait_for 50 0.1 grep -q listening "$T/serve-$port.out" || die "lab server $mode :$port did not start"
}

# lab_client ARGS...: lab.py in the client namespace, bounded (LAB_CLIENT_FOR,
# default 15 s); output in $T/client.out (appended), exit status returned.
lab_client() {
    local rc=0
    timeout -k 2 "${LAB_CLIENT_FOR:-15}" ip netns exec "$LAB_C" "$LAB_PY" "$LAB_TOOL" --for "${LAB_CLIENT_FOR:-15}" "$@" \
        >>"$T/client.out" 2>&1 || rc=$?
    return $rc
}

# Capture points (LAB_POINTS, default "client server"): "client" (the client's
# interface), "server" (the server's), "router" (`-i any` on the router); a
# name "POINT-TAG" is a second capture at POINT (e.g. "router-sll1").  Extra
# synack options for a point: LAB_CAPARGS_<point, '-' as '_'>, e.g.
# LAB_CAPARGS_router_sll1="-y LINUX_SLL".  Files: $T/POINT.pcap, synack's
# stderr (with its "dropped by kernel" count) in $T/POINT.caperr.
LAB_POINTS=${LAB_POINTS:-client server}
_lab_point_where() { # _lab_point_where POINT: sets _NS and _IF
    case $1 in
        client*) _NS=$LAB_C _IF=$CIF ;;
        server*) _NS=$LAB_S _IF=$SIF ;;
        router*) _NS=$LAB_R _IF=any ;;
        *) die "unknown capture point $1" ;;
    esac
}
_lab_point_var() { local v=${1//-/_}; echo "$v"; }

# lab_capture_start: synack -i at every point of LAB_POINTS, writing
# $T/POINT.pcap.
lab_capture_start() {
    local side pid args v
    for side in $LAB_POINTS; do
        _lab_point_where "$side"
        v=$(_lab_point_var "$side")
        eval "args=\${LAB_CAPARGS_$v:-}"
        # shellcheck disable=SC2086
        ip netns exec "$_NS" "$SYNACK" -i "$_IF" $args -w "$T/$side.pcap" >/dev/null 2>"$T/$side.caperr" &
        pid=$!
        add_cleanup "kill -KILL $pid"
        eval "LAB_CAP_$v=$pid"
    done
    for side in $LAB_POINTS; do
        v=$(_lab_point_var "$side")
        wait_for 100 0.05 grep -q "listening on" "$T/$side.caperr" ||
            { eval "pid=\$LAB_CAP_$v"; kill -0 "$pid" 2>/dev/null || { show "$T/$side.caperr"; die "synack -i ($side) exited early"; }; }
    done
    sleep 0.3
}

# lab_capture_stop: SIGINT every capture (after the 1 s TPACKET_V3 block
# timeout), wait for them (bounded).
lab_capture_stop() {
    local side pid
    sleep 1.3
    for side in $LAB_POINTS; do
        eval "pid=\$LAB_CAP_$(_lab_point_var "$side")"
        stop_pid "$pid" INT "synack -i ($side)"
        [ "$STOP_RC" = 0 ] || fail "synack -i ($side) exited with status $STOP_RC after SIGINT"
        [ -s "$T/$side.pcap" ] || die "no capture file written at the $side"
    done
    if [ -n "${LAB_SAVE:-}" ]; then
        mkdir -p "$LAB_SAVE"
        for side in $LAB_POINTS; do cp "$T/$side.pcap" "$LAB_SAVE/$LAB_NAME-$side.pcap"; done
    fi
}

# lab_kernel_drops POINT: the "N packets dropped by kernel" count synack
# printed when its capture at POINT stopped (empty if it printed none).
lab_kernel_drops() { sed -n 's/^\([0-9][0-9]*\) packets\{0,1\} dropped by kernel.*/\1/p' "$T/$1.caperr" | tail -n1; }

# lab_diag SIDE [PCAP]: synack diagnose --json -r PCAP (default $T/SIDE.pcap).
# Sets DIAG_RC, IDS (space-separated, sorted, unique), VANTAGE; keeps the
# JSON in $T/SIDE.json and the text report in $T/SIDE.txt.
lab_diag() {
    local side=$1 pcap=${2:-$T/$1.pcap}
    DIAG_RC=0
    timeout 30 "$SYNACK" diagnose --json -r "$pcap" >"$T/$side.json" 2>"$T/$side.jerr" </dev/null || DIAG_RC=$?
    timeout 30 "$SYNACK" diagnose -r "$pcap" >"$T/$side.txt" 2>&1 </dev/null
    IDS=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$T/$side.json" | sort -u | tr '\n' ' ')
    IDS=${IDS% }
    VANTAGE=$(sed -n 's/^{"summary":true.*"vantage":"\([^"]*\)".*/\1/p' "$T/$side.json" | tail -n1)
    eval "IDS_$side=\$IDS RC_$side=\$DIAG_RC VANTAGE_$side=\$VANTAGE"
    echo "$side: ids [${IDS}] vantage ${VANTAGE:-?} exit $DIAG_RC"
    [ "${VERBOSE:-0}" = 1 ] && sed 's/^/    | /' "$T/$side.txt"
    if [ "$DIAG_RC" -ge 2 ] || ! grep -q '^{"summary":true' "$T/$side.json"; then
        fail "$side: synack diagnose failed (exit $DIAG_RC)"; show "$T/$side.jerr"
    fi
    return 0
}

_lab_report() { # _lab_report SIDE MESSAGE: fail with the evidence
    local side=$1; shift
    fail "$side capture: $*"
    sed -n '1,40p' "$T/$side.txt" | cut -c1-400 | sed 's/^/    | /'
}

# expect_ids SIDE "A B|C": every word must be among SIDE's finding ids; a
# word "B|C" is satisfied by either.  An empty list expects no findings at all.
expect_ids() {
    local side=$1 want=$2 w alt ok have
    eval "have=\" \$IDS_$side \""
    if [ -z "$want" ]; then
        [ "$have" = "  " ] || _lab_report "$side" "expected no findings, got [${have# }]"
        return 0
    fi
    for w in $want; do
        ok=0
        for alt in ${w//|/ }; do case $have in *" $alt "*) ok=1 ;; esac; done
        [ $ok = 1 ] || _lab_report "$side" "expected finding '$w', got [$(echo $have)]"
    done
    return 0
}

# expect_no_ids SIDE "A B": none of these ids may be reported.
expect_no_ids() {
    local side=$1 w have
    eval "have=\" \$IDS_$side \""
    for w in $2; do
        case $have in *" $w "*) _lab_report "$side" "unexpected finding '$w' (got [$(echo $have)])" ;; esac
    done
    return 0
}

# expect_only SIDE "A B": every reported id must be in this list.
expect_only() {
    local side=$1 allowed=" $2 " w have
    eval "have=\$IDS_$side"
    for w in $have; do
        case $allowed in *" $w "*) ;; *) _lab_report "$side" "unexpected finding '$w' (allowed: [$2])" ;; esac
    done
    return 0
}

# expect_vantage SIDE VANTAGE (client, server, "in between", unknown)
expect_vantage() {
    local side=$1 v
    eval "v=\$VANTAGE_$side"
    [ "$v" = "$2" ] || _lab_report "$side" "expected capture point '$2', synack says '${v:-?}'"
}

# expect_rc SIDE N: diagnose's exit status
expect_rc() {
    local side=$1 r
    eval "r=\$RC_$side"
    [ "$r" = "$2" ] || _lab_report "$side" "expected diagnose exit status $2, got $r"
}

# expect_evidence SIDE TEXT: the JSON output mentions TEXT (fixed string)
expect_evidence() {
    grep -qF -- "$2" "$T/$1.json" || _lab_report "$1" "expected the report to mention '$2'"
}

# lab_expect SCENARIO [POINT=FILE...]: judge this run's captures against the
# rows of SCENARIO in tests/lab/expect-*.tsv, with the same checker as the
# offline tests/lab/score.sh (first finding id, every other id allowed).  The
# captures are $T/POINT.pcap for every POINT of LAB_POINTS unless given as
# POINT=FILE.  Fails the test when a row fails or no row names SCENARIO.
lab_expect() {
    local scen=$1 d="$T/expect-$1" side f rc=0; shift
    mkdir -p "$d"
    for side in $LAB_POINTS; do
        [ -f "$T/$side.pcap" ] && ln -sf "$T/$side.pcap" "$d/lab-$scen-$side.pcap"
    done
    for f in "$@"; do ln -sf "${f#*=}" "$d/lab-$scen-${f%%=*}.pcap"; done
    bash "$TOP/tests/lab/score.sh" -d "$d" -s "$scen" >"$T/score-$scen.out" 2>&1 || rc=$?
    sed 's/^/    /' "$T/score-$scen.out"
    [ "$rc" = 0 ] || fail "$scen: the expectations of tests/lab/expect-*.tsv are not met (score.sh exit $rc)"
    return 0
}

# lab_static_arp: permanent neighbour entries between the router and the
# server (both ways), so that no ARP (not even the kernel's reachability
# probe a few seconds after the lab_up ping) reaches the server's capture.
lab_static_arp() {
    local smac rmac
    smac=$(ip -n "$LAB_S" -o link show "$SIF" | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p')
    rmac=$(ip -n "$LAB_R" -o link show "$RSIF" | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p')
    [ -n "$smac" ] && [ -n "$rmac" ] || die "cannot read the MAC addresses"
    ip -n "$LAB_S" neigh replace "$RTR_SIP" lladdr "$rmac" dev "$SIF" nud permanent || die "static ARP (server) failed"
    ip -n "$LAB_R" neigh replace "$SRV_IP" lladdr "$smac" dev "$RSIF" nud permanent || die "static ARP (router) failed"
}

# lab_nft_server RULE...: an nft rule in the SERVER namespace's own input hook
# (table "inet labsrv", created on first use), e.g. "tcp dport 8080 drop".
lab_nft_server() {
    if ! ip netns exec "$LAB_S" nft list table inet labsrv >/dev/null 2>&1; then
        ip netns exec "$LAB_S" nft -f - <<'EOF' || die "nft table setup (server) failed"
table inet labsrv {
    chain labin { type filter hook input priority 0; policy accept; }
}
EOF
    fi
    ip netns exec "$LAB_S" nft add rule inet labsrv labin "$@" || die "nft rule (server) failed: $*"
}

# lab_nft_count NAME: the packet count of the router rule (table inet lab)
# that carries 'counter comment "NAME"'.
lab_nft_count() {
    ip netns exec "$LAB_R" nft list table inet lab |
        sed -n "/comment \"$1\"/s/.*counter packets \([0-9]*\) .*/\1/p" | head -n1
}

# lab_finish: keep the captures of a failing scenario in $LAB_FAIL_DIR, exit.
lab_finish() {
    if [ "$_failed" != 0 ]; then
        mkdir -p "$LAB_FAIL_DIR"
        local side
        for side in $LAB_POINTS pair; do
            [ -f "$T/$side.pcap" ] && cp "$T/$side.pcap" "$LAB_FAIL_DIR/$LAB_NAME-$side.pcap"
            [ -f "$T/$side.txt" ] && cp "$T/$side.txt" "$LAB_FAIL_DIR/$LAB_NAME-$side.txt"
        done
        echo "captures kept in $LAB_FAIL_DIR/$LAB_NAME-*.pcap"
    fi
    finish
}
