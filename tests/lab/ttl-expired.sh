#!/usr/bin/env bash
# tests/lab/ttl-expired.sh - the client's SYNs leave with IP TTL 1 (a socket
# with IP_TTL=1, apps.py ttl-connect), so the router, which would have to
# forward them with TTL 0, drops them and answers ICMP time exceeded in
# transit.  connect() times out.  Expectations: row "ttl-expired" of
# expect-b.tsv (client: ttl-expired first, syn-unanswered allowed).
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/lib-apps.bash"
lab_need
lab_up
lab_serve http 8080
apps_cap_start client "$LAB_C" "$CIF"
sleep 0.3
apps_run "$LAB_C" 10 ttl-connect "$SRV_IP" 8080 1 4.5 && fail "connect with TTL 1 through a router succeeded"
apps_cap_stop
n=$("$TCPDUMP" -nn -r "$T/client.pcap" 'icmp[icmptype] == icmp-timxceed' 2>/dev/null | wc -l)
[ "$n" -ge 1 ] || fail "the router sent no ICMP time exceeded"
apps_expect ttl-expired client
apps_finish
