#!/usr/bin/env bash
# tests/lab/busy-healthy.sh - a busy but HEALTHY network: 320 short HTTP
# requests (40 at a time, each its own connection), an HTTP keep-alive
# connection idle 4 s between its requests, a connection idle 4.5 s with TCP
# keep-alive probes every second, 3 TLS sessions that succeed (python ssl,
# throwaway certificate) and DNS queries that are answered (apps.py busy).
# Captured at the client, at the server and with -i any on the router.
# Expectations: rows "busy-healthy" of expect-b.tsv: no findings (exit 0) at
# every point and for the client+server pair.
# timeout: 200
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/lib-apps.bash"
lab_need
APPS_NO_DROPS=1   # a "healthy" recording must be complete
lab_up
apps_cert
apps_bg "$LAB_S" dns dns-serve "$SRV_IP"
apps_bg "$LAB_S" httpd httpd 8080
apps_bg "$LAB_S" tls tls-serve 8443 "$T/cert.pem" "$T/key.pem"
apps_cap_start client "$LAB_C" "$CIF"
apps_cap_start server "$LAB_S" "$SIF"
apps_cap_start router "$LAB_R" any
sleep 0.3
apps_run "$LAB_C" 30 busy "$SRV_IP" 8080 8443 "$T/cert.pem" 320 40 || fail "the busy client failed: $(grep -m3 error "$T/apps.out")"
tail -n1 "$T/apps.out"
apps_cap_stop
n=$("$TCPDUMP" -nn -r "$T/client.pcap" 'tcp[tcpflags] == tcp-syn' 2>/dev/null | wc -l)
[ "$n" -ge 320 ] || fail "only $n connections in the client's capture"
apps_expect busy-healthy client
apps_expect busy-healthy server
apps_expect busy-healthy router
apps_expect busy-healthy pair
apps_finish
