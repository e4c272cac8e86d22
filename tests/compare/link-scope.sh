#!/usr/bin/env bash
# tests/compare/link-scope.sh - link-scope traffic never crosses a router:
# IPv6 is switched on in the lab (duplicate address detection, router
# solicitations, MLD reports to ff02::, fe80:: neighbour discovery), the
# client pings the router's IPv4 link-local address (169.254/16) and the
# router pings the client over fe80::, while healthy GETs run.  Each capture
# sees its own link's share only; compare must match none of it across the
# router, list no connection with port :0 and count nothing lost or
# unexpected.
# timeout: 40
. "$(dirname "$0")/lib.bash"
lab_need
need_cmd ping
lab_up
lab_serve http 8080
cmp_edge_serve
lab_capture_start
cmp_edge
# IPv6 on (DAD, RS, MLD reports) on both links
for ns in "$LAB_C" "$LAB_R" "$LAB_S"; do
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 2>/dev/null
done
for dev in "$LAB_C $CIF" "$LAB_R $RCIF" "$LAB_R $RSIF" "$LAB_S $SIF"; do
    set -- $dev
    ip netns exec "$1" sysctl -qw "net.ipv6.conf.$2.disable_ipv6=0" || die "IPv6 could not be enabled on $2"
done
# IPv4 link-local on the client's link
ip -n "$LAB_C" addr add 169.254.77.2/16 dev "$CIF" || die "169.254 address (client) failed"
ip -n "$LAB_R" addr add 169.254.77.1/16 dev "$RCIF" || die "169.254 address (router) failed"
ip netns exec "$LAB_C" ping -c 3 -i 0.2 -W 1 169.254.77.1 >/dev/null || fail "169.254 ping failed"
# link-local IPv6 (fe80::) once addresses are usable (bounded)
rll=$(ip -n "$LAB_R" -6 addr show dev "$RCIF" scope link | sed -n 's/.*inet6 \(fe80::[0-9a-f:]*\)\/64.*/\1/p' | head -n1)
[ -n "$rll" ] || wait_for 30 0.1 eval "ip -n $LAB_R -6 addr show dev $RCIF scope link | grep -q fe80"
rll=$(ip -n "$LAB_R" -6 addr show dev "$RCIF" scope link | sed -n 's/.*inet6 \(fe80::[0-9a-f:]*\)\/64.*/\1/p' | head -n1)
[ -n "$rll" ] && wait_for 30 0.2 ip netns exec "$LAB_C" ping -6 -c1 -W1 "$rll%$CIF" >/dev/null
lab_client get "$SRV_IP" 8080 5 || fail "GET failed"
lab_client get "$SRV_IP" 8080 5 || fail "GET failed"
cmp_edge
lab_capture_stop
v6=$("$SYNACK" -nn -r "$T/client.pcap" ip6 2>/dev/null | wc -l)
ll4=$("$SYNACK" -nn -r "$T/client.pcap" net 169.254.0.0/16 2>/dev/null | wc -l)
echo "client-side capture: $v6 IPv6 packets, $ll4 IPv4 link-local packets"
[ "$v6" -gt 0 ] || fail "no IPv6 link-scope traffic was captured: the test proves nothing"
[ "$ll4" -gt 0 ] || fail "no IPv4 link-local traffic was captured"
cmp_compare
expect_losses 0 0
grep -q '"link_scope":[1-9]' "$T/cmp.json" || _cmp_report "no link-scope packets counted as set aside"
grep -Eq '"conn":"[^"]*:0 <->|<-> [^"]*:0"' "$T/cmp.json" && _cmp_report "a connection with port :0 is listed"
grep -Eq 'fe80|ff02|169\.254' "$T/cmp.json" && _cmp_report "link-scope addresses appear in the events or connections"
cmp_finish
