#!/usr/bin/env bash
# tests/lab/dns-fail.sh - name resolution fails, so the client never connects.
# A DNS server (apps.py dns-serve, UDP 53 in the server namespace) answers
# NXDOMAIN for nx.lab.test, SERVFAIL for fail.lab.test and never answers
# drop.lab.test; the client's stub resolver (apps.py dns-query) gives up on
# NXDOMAIN at once and after 3 attempts (1 s apart) for the other two.
# Expectations: rows "dns-fail" of expect-b.tsv (dns-failure first at the
# client and at the server).
# timeout: 150
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/lib-apps.bash"
lab_need
lab_up
apps_bg "$LAB_S" dns dns-serve "$SRV_IP"
apps_cap_start client "$LAB_C" "$CIF"
apps_cap_start server "$LAB_S" "$SIF"
sleep 0.3
for name in nx.lab.test fail.lab.test drop.lab.test; do
    apps_run "$LAB_C" 10 dns-query "$SRV_IP" "$name" 3 1 && fail "$name resolved"
done
grep -q '^error NXDOMAIN' "$T/apps.out" || fail "no NXDOMAIN: $(cat "$T/apps.out")"
grep -q '^error SERVFAIL' "$T/apps.out" || fail "no SERVFAIL: $(cat "$T/apps.out")"
grep -q '^error timeout' "$T/apps.out" || fail "no timeout: $(cat "$T/apps.out")"
apps_cap_stop
apps_expect dns-fail client
apps_expect dns-fail server
apps_finish
