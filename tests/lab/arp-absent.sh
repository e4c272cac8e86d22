#!/usr/bin/env bash
# tests/lab/arp-absent.sh - the client connects to 10.198.2.3, an address on
# the server's segment that nobody owns.  The router ARPs for it (broadcasts
# the server's interface sees), gets no answer and sends ICMP host unreachable
# to the client.  Expectations: rows "arp-absent" of expect-b.tsv (server:
# neighbor-unreachable first; client: host-unreachable first).
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/lib-apps.bash"
lab_need
lab_up
apps_cap_start client "$LAB_C" "$CIF"
apps_cap_start server "$LAB_S" "$SIF"
sleep 0.3
lab_client connect 10.198.2.3 8080 6 && fail "connect to an address nobody owns succeeded"
grep -q 'EHOSTUNREACH' "$T/client.out" || fail "the client did not get EHOSTUNREACH: $(tail -n1 "$T/client.out")"
apps_cap_stop
apps_expect arp-absent client
apps_expect arp-absent server
apps_finish
