#!/usr/bin/env bash
# shellcheck disable=SC2034  # LAB_POINTS, LAB_CAPARGS_*: read by lib.bash
# tests/lab/any-healthy.sh - healthy HTTP (30 GETs, 10 at a time) captured on
# THE ROUTER with `synack -i any`: every forwarded packet appears twice (in on
# one interface, out on the other).  Two captures at the same time: with the
# default for "any" (cooked v2, as tcpdump 4.99 on libpcap 1.10) and with
# `-y LINUX_SLL` (cooked v1).  Neither
# duplicates nor the cooked headers are a problem: expectations
# (tests/lab/expect-a.tsv): any-healthy router none, any-healthy-sll1 router none.
. "$(dirname "$0")/lib.bash"
LAB_POINTS="router router-sll1"
LAB_CAPARGS_router_sll1="-y LINUX_SLL"
lab_need
lab_up
lab_serve http 8080
lab_capture_start
grep -q 'LINUX_SLL2' "$T/router.caperr" || fail "the router capture is not cooked v2: $(cat "$T/router.caperr")"
grep -q 'LINUX_SLL ' "$T/router-sll1.caperr" || fail "the -y LINUX_SLL capture is not cooked v1: $(cat "$T/router-sll1.caperr")"
for round in 1 2 3; do
    lab_client many "$SRV_IP" 8080 10 5 || fail "round $round failed"
done
n=$(grep -c '^ok' "$T/client.out")
[ "$n" = 30 ] || fail "$n of 30 GETs succeeded"
lab_capture_stop
lab_expect any-healthy router="$T/router.pcap"
lab_expect any-healthy-sll1 router="$T/router-sll1.pcap"
lab_finish
