# shellcheck shell=bash disable=SC2034,SC2153,SC2154
# tests/lab/lib-apps.bash - extra helpers for the application-level lab
# scenarios (arp-absent, dup-ip, dns-fail, tls-reject, ttl-expired,
# busy-healthy).  Sourced after lib.bash (this file does not end in .sh, so
# tests/run.sh does not run it as a test):
#     . "$(dirname "$0")/lib.bash"
#     . "$(dirname "$0")/lib-apps.bash"
#
# What it adds to lib.bash:
#   apps_cap_start POINT NS IF   synack -i IF -w $T/POINT.pcap inside NS
#   apps_cap_stop                stop every apps_cap_start capture (SIGINT),
#                                LAB_SAVE=DIR copies them to DIR/NAME-POINT.pcap;
#                                kernel drops: a note (a failure with
#                                APPS_NO_DROPS=1)
#   apps_run NS SECS ARGS...     apps.py in NS, bounded; output in $T/apps.out
#   apps_bg NS TAG ARGS...       apps.py in NS in the background (killed on exit);
#                                waits for its "listening" line in $T/TAG.out
#   apps_cert                    a throwaway self-signed cert in $T (app.lab.test)
#   apps_expect SCENARIO POINT   judge $T/POINT.pcap (pair: client + server) by
#                                the row (SCENARIO, POINT) of tests/lab/expect-b.tsv
#   apps_finish                  like lab_finish, for every captured point
#
# expect-b.tsv rows: scenario, point, first, allowed (tab-separated).  "first"
# is the id of the first finding printed (or "none": no findings at all, exit
# status 0); "allowed" lists every other id that may appear in the output,
# at the top level after the first or nested as "consequences" ("-" = none);
# the first id, when it may repeat, must be listed there too.  The same rules
# as tests/lab/score.sh (which scores the shipped captures offline).
APPS_PY=$TOP/tests/lab/apps.py
APPS_TSV=$TOP/tests/lab/expect-b.tsv
APPS_POINTS=""

apps_cap_start() {
    local point=$1 ns=$2 ifc=$3 pid
    ip netns exec "$ns" "$SYNACK" -i "$ifc" -w "$T/$point.pcap" >/dev/null 2>"$T/$point.caperr" &
    pid=$!
    add_cleanup "kill -KILL $pid"
    eval "APPS_CAP_$point=$pid"
    APPS_POINTS="$APPS_POINTS $point"
    wait_for 100 0.05 grep -q "listening on" "$T/$point.caperr" ||
        { kill -0 "$pid" 2>/dev/null || { show "$T/$point.caperr"; die "synack -i $ifc ($point) exited early"; }; }
}

apps_cap_stop() {
    local point pid drops
    sleep 1.3   # the 1 s TPACKET_V3 block timeout
    for point in $APPS_POINTS; do
        eval "pid=\$APPS_CAP_$point"
        [ -n "$pid" ] || continue
        stop_pid "$pid" INT "synack -i ($point)"
        [ "$STOP_RC" = 0 ] || fail "synack -i ($point) exited with status $STOP_RC after SIGINT"
        [ -s "$T/$point.pcap" ] || die "no capture file written at the $point"
        eval "APPS_CAP_$point="
        # a capture that lost packets is not a faithful record of the wire
        drops=$(sed -n 's/^\([0-9][0-9]*\) packets* dropped by kernel$/\1/p' "$T/$point.caperr")
        if [ -n "$drops" ] && [ "$drops" != 0 ]; then
            if [ "${APPS_NO_DROPS:-0}" = 1 ]; then fail "the $point capture dropped $drops packets"
            else echo "note: the $point capture dropped $drops packets"; fi
        fi
        if [ -n "${LAB_SAVE:-}" ]; then
            mkdir -p "$LAB_SAVE"
            cp "$T/$point.pcap" "$LAB_SAVE/$LAB_NAME-$point.pcap"
        fi
    done
}

# apps_run NS SECS ARGS...: apps.py in NS, killed after SECS (+2) seconds.
apps_run() {
    local ns=$1 secs=$2 rc=0; shift 2
    timeout -k 2 "$secs" ip netns exec "$ns" "$LAB_PY" "$APPS_PY" --for "$secs" "$@" >>"$T/apps.out" 2>&1 || rc=$?
    return $rc
}

# apps_bg NS TAG ARGS...: apps.py in NS in the background (dies by itself after
# APPS_BG_FOR seconds, default 40, and is killed on exit).
apps_bg() {
    local ns=$1 tag=$2; shift 2
    ip netns exec "$ns" "$LAB_PY" "$APPS_PY" --for "${APPS_BG_FOR:-40}" "$@" >"$T/$tag.out" 2>&1 &
    add_cleanup "kill -KILL $!"
    wait_for 50 0.1 grep -q listening "$T/$tag.out" || { show "$T/$tag.out"; die "apps.py $* did not start"; }
}

# apps_cert: $T/cert.pem + $T/key.pem, self-signed for app.lab.test (1 day).
apps_cert() {
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 \
        -subj /CN=app.lab.test -addext subjectAltName=DNS:app.lab.test \
        -keyout "$T/key.pem" -out "$T/cert.pem" >"$T/openssl-req.out" 2>&1 || { show "$T/openssl-req.out"; die "openssl req failed"; }
}

# apps_expect SCENARIO POINT: diagnose the capture(s) of POINT and check them
# against the expect-b.tsv row.  Missing row = test bug.
apps_expect() {
    local scen=$1 point=$2 row first allowed rc=0 verdict
    row=$(awk -F'\t' -v s="$scen" -v p="$point" '$1 == s && $2 == p { print $3 "\t" $4; exit }' "$APPS_TSV")
    [ -n "$row" ] || { fail "test bug: no row ($scen, $point) in expect-b.tsv"; return 0; }
    first=${row%%$'\t'*} allowed=${row#*$'\t'}
    if [ "$point" = pair ]; then
        timeout 60 "$SYNACK" diagnose --json -r "$T/client.pcap" -r "$T/server.pcap" >"$T/pair.json" 2>"$T/pair.jerr" </dev/null || rc=$?
        timeout 60 "$SYNACK" diagnose -r "$T/client.pcap" -r "$T/server.pcap" >"$T/pair.txt" 2>&1 </dev/null
    else
        timeout 60 "$SYNACK" diagnose --json -r "$T/$point.pcap" >"$T/$point.json" 2>"$T/$point.jerr" </dev/null || rc=$?
        timeout 60 "$SYNACK" diagnose -r "$T/$point.pcap" >"$T/$point.txt" 2>&1 </dev/null
    fi
    [ "${VERBOSE:-0}" = 1 ] && sed 's/^/    | /' "$T/$point.txt"
    if [ "$rc" -ge 2 ] || ! grep -q '^{"summary":true' "$T/$point.json"; then
        fail "$scen/$point: synack diagnose failed (exit $rc)"; show "$T/$point.jerr"; return 0
    fi
    verdict=$("$LAB_PY" - "$T/$point.json" "$first" "$allowed" "$rc" <<'EOF'
import json, sys
path, first, allowed, rc = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
tops, every = [], []
def nested(o):
    for c in o.get("consequences") or []:
        if isinstance(c, dict) and isinstance(c.get("id"), str):
            every.append(c["id"])
            nested(c)
for line in open(path):
    line = line.strip()
    if not line.startswith("{"):
        continue
    try:
        o = json.loads(line)
    except ValueError:
        print("bad JSON line: " + line[:120]); sys.exit(1)
    if o.get("summary") is True:
        continue
    if isinstance(o.get("id"), str):
        tops.append(o["id"])
        nested(o)
got = "[" + " ".join(tops) + "]" + (" consequences [" + " ".join(every) + "]" if every else "")
if (rc == 0) != (not tops):
    print("exit status %d with findings %s" % (rc, got)); sys.exit(1)
if first == "none":
    if tops:
        print("expected no findings (exit 0), got %s exit %d" % (got, rc)); sys.exit(1)
    print("ok none"); sys.exit(0)
if not tops:
    print("expected first finding %s, got none (exit %d)" % (first, rc)); sys.exit(1)
if tops[0] != first:
    print("expected first finding %s, got %s" % (first, got)); sys.exit(1)
ok = set() if allowed == "-" else {a.strip() for a in allowed.split(",")}
bad = sorted(set(tops[1:] + every) - ok)
if bad:
    print("not allowed: %s (allowed: %s), got %s" % (",".join(bad), allowed, got)); sys.exit(1)
print("ok " + got)
EOF
) || { _lab_report "$point" "$scen/$point: $verdict"; return 0; }
    echo "$scen/$point: $verdict"
}

# apps_finish: keep every point's capture and report of a failing scenario
# in $LAB_FAIL_DIR, then exit.
apps_finish() {
    if [ "$_failed" != 0 ]; then
        mkdir -p "$LAB_FAIL_DIR"
        local point
        for point in $APPS_POINTS pair; do
            [ -f "$T/$point.pcap" ] && cp "$T/$point.pcap" "$LAB_FAIL_DIR/$LAB_NAME-$point.pcap"
            [ -f "$T/$point.txt" ] && cp "$T/$point.txt" "$LAB_FAIL_DIR/$LAB_NAME-$point.txt"
        done
        echo "captures kept in $LAB_FAIL_DIR/$LAB_NAME-*.pcap"
    fi
    finish
}

# apps_hub_up IP: replace the server's veth by an L2 hub: a switch namespace
# $LAB_W with a bridge that never learns (ageing_time 0, so it floods every
# frame to every port and each host's capture sees all of the segment), the
# router ($RSIF), the server ($SIF) and a second server namespace $LAB_S2
# ($S2IF, address IP) as its ports.  Deleted on exit.
apps_hub_up() {
    local s2ip=$1 ns p
    LAB_W="synlab$LAB_ID-w" LAB_S2="synlab$LAB_ID-s2" S2IF="lab${LAB_ID}s2"
    add_cleanup "apps_hub_down"
    for ns in "$LAB_W" "$LAB_S2"; do
        ip netns add "$ns" || die "ip netns add $ns failed"
        ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 2>/dev/null
        ip -n "$ns" link set lo up
    done
    APPS_HUB=1
    ip -n "$LAB_R" link del "$RSIF" || die "cannot delete $RSIF"
    ip link add "$RSIF" netns "$LAB_R" type veth peer name wr netns "$LAB_W" || die "veth (hub-router) failed"
    ip link add "$SIF" netns "$LAB_S" type veth peer name ws netns "$LAB_W" || die "veth (hub-server) failed"
    ip link add "$S2IF" netns "$LAB_S2" type veth peer name ws2 netns "$LAB_W" || die "veth (hub-server2) failed"
    ip -n "$LAB_W" link add br0 type bridge ageing_time 0 stp_state 0 || die "bridge failed"
    for p in wr ws ws2; do
        ip -n "$LAB_W" link set "$p" master br0 || die "bridge port $p failed"
        ip -n "$LAB_W" link set "$p" up
    done
    ip -n "$LAB_W" link set br0 up
    ip -n "$LAB_R" addr add "$RTR_SIP/24" dev "$RSIF"
    ip -n "$LAB_S" addr add "$SRV_IP/24" dev "$SIF"
    ip -n "$LAB_S2" addr add "$s2ip/24" dev "$S2IF"
    for p in "$LAB_R:$RSIF" "$LAB_S:$SIF" "$LAB_S2:$S2IF"; do
        ip -n "${p%%:*}" link set "${p#*:}" gso_max_segs 1 2>/dev/null || true
        ip -n "${p%%:*}" link set "${p#*:}" up || die "link ${p#*:} up failed"
    done
    ip -n "$LAB_S" route add default via "$RTR_SIP" || die "server route failed"
    ip -n "$LAB_S2" route add default via "$RTR_SIP" || die "server2 route failed"
    wait_for 50 0.1 eval "ip -n $LAB_S2 link show $S2IF | grep -q LOWER_UP && ip -n $LAB_S link show $SIF | grep -q LOWER_UP" ||
        die "hub links did not come up"
}

apps_hub_down() {
    [ "${APPS_HUB:-0}" = 1 ] || return 0
    local ns pid
    for ns in "$LAB_S2" "$LAB_W"; do
        for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
        ip netns del "$ns" 2>/dev/null
    done
    APPS_HUB=0
}

# apps_ipv6_up: IPv6 in the lab (lib.bash disables it): fd00:1::2 (client),
# fd00:1::1 / fd00:2::1 (router, forwarding), fd00:2::2 (server); no router
# solicitations, no DAD (addresses usable at once).  Sets CLI6 RTR_C6 RTR_S6
# SRV6.
apps_ipv6_up() {
    local p ns ifc
    CLI6=fd00:1::2 RTR_C6=fd00:1::1 RTR_S6=fd00:2::1 SRV6=fd00:2::2
    for p in "$LAB_C:$CIF" "$LAB_R:$RCIF" "$LAB_R:$RSIF" "$LAB_S:$SIF"; do
        ns=${p%%:*} ifc=${p#*:}
        ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.router_solicitations=0 \
            "net.ipv6.conf.$ifc.router_solicitations=0" "net.ipv6.conf.$ifc.accept_dad=0" \
            "net.ipv6.conf.$ifc.accept_ra=0" || die "IPv6 sysctls failed in $ns"
        ip netns exec "$ns" sysctl -qw "net.ipv6.conf.$ifc.disable_ipv6=0" net.ipv6.conf.all.disable_ipv6=0 ||
            die "cannot enable IPv6 on $ifc"
    done
    ip -n "$LAB_C" addr add "$CLI6/64" dev "$CIF" nodad
    ip -n "$LAB_R" addr add "$RTR_C6/64" dev "$RCIF" nodad
    ip -n "$LAB_R" addr add "$RTR_S6/64" dev "$RSIF" nodad
    ip -n "$LAB_S" addr add "$SRV6/64" dev "$SIF" nodad
    lab_sysctl "$LAB_R" net.ipv6.conf.all.forwarding=1
    ip -n "$LAB_C" -6 route add default via "$RTR_C6" || die "client IPv6 route failed"
    ip -n "$LAB_S" -6 route add default via "$RTR_S6" || die "server IPv6 route failed"
    wait_for 20 0.2 ip netns exec "$LAB_C" ping -6 -c1 -W1 "$SRV6" || die "no IPv6 path client -> server"
}

# apps_dns_case NAME WANT: the DNS failure scenarios (dns-*.sh): a DNS server
# (apps.py dns-serve) in the server namespace, captures at the client and the
# server, one stub-resolver lookup of NAME from the client (3 attempts, 1 s
# apart) that must fail with WANT (NXDOMAIN, SERVFAIL, timeout), then the
# rows of this scenario for client and server.
apps_dns_case() {
    local name=$1 want=$2
    lab_need
    lab_up
    apps_bg "$LAB_S" dns dns-serve "$SRV_IP"
    apps_cap_start client "$LAB_C" "$CIF"
    apps_cap_start server "$LAB_S" "$SIF"
    sleep 0.3
    apps_run "$LAB_C" 10 dns-query "$SRV_IP" "$name" 3 1 && fail "$name resolved"
    grep -q "^error $want" "$T/apps.out" || fail "$name: expected $want, got: $(cat "$T/apps.out")"
    apps_cap_stop
    apps_expect "$LAB_NAME" client
    apps_expect "$LAB_NAME" server
    apps_finish
}
