# shellcheck shell=bash
# tests/compare/lib.bash - `synack compare` in the diagnose lab (see
# tests/lab/lib.bash: client ns - router ns - server ns, captures at the client
# and at the server).  The router drops chosen packets with counting nft
# rules; the test then checks that compare finds exactly as many lost packets
# on each path as the router dropped, and no others.  Sourced by
# tests/compare/*.sh (this file does not end in .sh).
. "$(dirname "${BASH_SOURCE[0]}")/../lab/lib.bash"

# cmp_drop NAME RULE...: a forward-chain rule on the router that counts and
# drops; NAME labels its counter (nft comment).
cmp_drop() {
    local name=$1; shift
    lab_nft "$@" counter drop comment "\"$name\""
}

# cmp_dropped NAME: packets the rule NAME dropped so far.
cmp_dropped() {
    ip netns exec "$LAB_R" nft list chain inet lab labfwd |
        sed -n "s/.*counter packets \([0-9]*\) bytes.*comment \"$1\".*/\1/p" | head -n1
}

# cmp_nat [random]: masquerade the client behind the router's server-side
# address (optionally with random source ports).
cmp_nat() {
    ip netns exec "$LAB_R" nft -f - <<EOF2 || die "nat setup failed"
table ip labnat {
    chain post { type nat hook postrouting priority 100; policy accept; oifname "$RSIF" masquerade ${1:-}; }
}
EOF2
}

# cmp_compare [ARGS...]: synack compare --json on the two captures, given
# server first (the client side must be inferred, not taken from the order).
# Sets LOST_C2S LOST_S2C UNEXP MATCHED CLIENT_CAP; keeps $T/cmp.json, $T/cmp.txt.
cmp_compare() {
    local a=${CMP_A:-$T/server.pcap} b=${CMP_B:-$T/client.pcap}
    CMP_RC=0
    timeout 30 "$SYNACK" compare "$a" "$b" --json "$@" >"$T/cmp.json" 2>"$T/cmp.err" </dev/null || CMP_RC=$?
    timeout 30 "$SYNACK" compare "$a" "$b" "$@" >"$T/cmp.txt" 2>&1 </dev/null
    local sum
    sum=$(grep '^{"summary":true' "$T/cmp.json" | tail -n1)
    [ -n "$sum" ] || { fail "synack compare failed (exit $CMP_RC)"; show "$T/cmp.err"; }
    _f() { echo "$sum" | sed -n "s/.*\"$1\":\"\{0,1\}\([^,\"}]*\).*/\1/p"; }
    LOST_C2S=$(_f lost_c2s) LOST_S2C=$(_f lost_s2c)
    UNEXP=$(( $(_f unexpected_c2s) + $(_f unexpected_s2c) ))
    MATCHED=$(_f matched) CLIENT_CAP=$(_f client_capture) OFFSET=$(_f clock_offset) DRIFT=$(_f drift_ppm)
    echo "compare: matched $MATCHED, lost c->s $LOST_C2S, s->c $LOST_S2C, unexpected $UNEXP, client side $(basename "$CLIENT_CAP"), offset $OFFSET s, drift $DRIFT ppm (exit $CMP_RC)"
    [ "${VERBOSE:-0}" = 1 ] && sed 's/^/    | /' "$T/cmp.txt"
    return 0
}

_cmp_report() { fail "$*"; sed -n '1,40p' "$T/cmp.txt" | cut -c1-300 | sed 's/^/    | /'; }

# expect_losses C2S S2C: exact lost counts per path, no unexpected packets,
# the client capture recognised.
expect_losses() {
    [ "$LOST_C2S" = "$1" ] || _cmp_report "client->server: expected $1 lost, compare found $LOST_C2S"
    [ "$LOST_S2C" = "$2" ] || _cmp_report "server->client: expected $2 lost, compare found $LOST_S2C"
    [ "$UNEXP" = 0 ] || _cmp_report "expected no unexpected packets, compare found $UNEXP"
    case $CLIENT_CAP in *client.pcap|*client*.pcap) ;; *) _cmp_report "client side inferred as '$CLIENT_CAP'" ;; esac
    [ "${MATCHED:-0}" -gt 0 ] || _cmp_report "no packets matched"
    if [ "$1$2" = 00 ]; then [ "$CMP_RC" = 0 ] || _cmp_report "exit status $CMP_RC, expected 0"
    else [ "$CMP_RC" = 1 ] || _cmp_report "exit status $CMP_RC, expected 1"; fi
}

# expect_kinds PATH KIND: every lost event on PATH is of KIND (SYN, SYN-ACK, ACK, data...)
expect_kinds() {
    local bad
    bad=$(grep '^{"event":"lost"' "$T/cmp.json" | grep "\"path\":\"$1\"" | grep -vc "\"kind\":\"$2\"")
    [ "$bad" = 0 ] || _cmp_report "$bad lost packets on $1 are not $2"
}

cmp_finish() {
    if [ "$_failed" != 0 ]; then
        mkdir -p "$LAB_FAIL_DIR"
        local side
        for side in client server; do
            [ -f "$T/$side.pcap" ] && cp "$T/$side.pcap" "$LAB_FAIL_DIR/cmp-$LAB_NAME-$side.pcap"
        done
        [ -f "$T/cmp.txt" ] && cp "$T/cmp.txt" "$LAB_FAIL_DIR/cmp-$LAB_NAME.txt"
        echo "captures kept in $LAB_FAIL_DIR/cmp-$LAB_NAME-{client,server}.pcap"
    fi
    if [ -n "${LAB_SAVE:-}" ]; then
        mkdir -p "$LAB_SAVE"
        cp "$T/client.pcap" "$LAB_SAVE/cmp-$LAB_NAME-client.pcap"
        cp "$T/server.pcap" "$LAB_SAVE/cmp-$LAB_NAME-server.pcap"
    fi
    finish
}

# The captures do not record when they started or stopped, so compare judges
# only the time both cover (from the first to the last packet of each).  The
# scenarios bracket the interesting traffic with a healthy GET to :8090
# (cmp_edge_serve once, cmp_edge before and after).
cmp_edge_serve() { lab_serve http 8090; }
cmp_edge() { lab_client get "$SRV_IP" 8090 5 || fail "edge GET failed"; }

# cmp_capture_start CLIENT_ARGS SERVER_ARGS: like lab_capture_start, with
# extra synack -i options at each capture point (e.g. "" "-B 1": a tiny
# kernel buffer at the server that drops packets under load).
cmp_capture_start() {
    local side ns ifc pid extra
    for side in client server; do
        if [ $side = client ]; then ns=$LAB_C ifc=$CIF extra=$1; else ns=$LAB_S ifc=$SIF extra=$2; fi
        # shellcheck disable=SC2086
        ip netns exec "$ns" "$SYNACK" -i "$ifc" $extra -w "$T/$side.pcap" >/dev/null 2>"$T/$side.caperr" &
        pid=$!
        add_cleanup "kill -KILL $pid"
        eval "LAB_CAP_$side=$pid"
    done
    for side in client server; do
        wait_for 100 0.05 grep -q "listening on" "$T/$side.caperr" ||
            { eval "pid=\$LAB_CAP_$side"; kill -0 "$pid" 2>/dev/null || { show "$T/$side.caperr"; die "synack -i ($side) exited early"; }; }
    done
    sleep 0.3
}

# cmp_kernel_drops SIDE: packets the kernel dropped at that capture (its
# "N packets dropped by kernel" line when it stopped), 0 if none reported.
cmp_kernel_drops() {
    local n
    n=$(sed -n 's/^\([0-9][0-9]*\) packets\{0,1\} dropped by kernel$/\1/p' "$T/$1.caperr" | tail -n1)
    echo "${n:-0}"
}
