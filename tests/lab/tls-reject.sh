#!/usr/bin/env bash
# tests/lab/tls-reject.sh - a TLS server that accepts only TLS 1.3
# (openssl s_server -tls1_3) and a client that offers only TLS 1.2
# (openssl s_client -tls1_2 -servername app.lab.test): the server answers the
# ClientHello with a protocol_version alert and the handshake fails.  The
# certificate is a throwaway made in the test's temporary directory.
# Expectations: rows "tls-reject" of expect-b.tsv (tls-rejected first at the
# client and at the server).
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/lib-apps.bash"
lab_need
need_cmd openssl
lab_up
apps_cert
ip netns exec "$LAB_S" timeout -k 2 30 openssl s_server -tls1_3 -accept 4433 -naccept 1 \
    -cert "$T/cert.pem" -key "$T/key.pem" -quiet >"$T/s_server.out" 2>&1 </dev/null &
add_cleanup "kill -KILL $!"
wait_for 50 0.1 eval "ip netns exec $LAB_S ss -Hltn 'sport = :4433' | grep -q LISTEN" || { show "$T/s_server.out"; die "openssl s_server did not start"; }
apps_cap_start client "$LAB_C" "$CIF"
apps_cap_start server "$LAB_S" "$SIF"
sleep 0.3
rc=0
timeout -k 2 10 ip netns exec "$LAB_C" openssl s_client -tls1_2 -connect "$SRV_IP:4433" \
    -servername app.lab.test </dev/null >"$T/s_client.out" 2>&1 || rc=$?
[ "$rc" = 0 ] && fail "a TLS 1.2 client completed a handshake with a TLS 1.3-only server"
grep -qi 'protocol version' "$T/s_client.out" || { fail "the client did not report a protocol_version alert"; show "$T/s_client.out"; }
apps_cap_stop
apps_expect tls-reject client
apps_expect tls-reject server
apps_finish
