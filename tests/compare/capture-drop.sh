#!/usr/bin/env bash
# tests/compare/capture-drop.sh - capture loss is not network loss: the
# server-side capture runs with a tiny kernel buffer (-B 1) under a bulk
# download, so the kernel drops packets at that capture point while the
# network loses nothing (the router's forward counter equals what the
# client's capture saw go and come).  compare must report 0 lost on both
# paths and count the misses against the server-side capture; diagnose -r
# client -r server must give capture-loss and neither lost-forward nor
# lost-return.  Retried (at most 3 times) until the kernel reports drops.
# timeout: 120
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
LAB_SERVE_FOR=100 lab_serve source 8080 30000000
cmp_edge_serve
drops=0
for attempt in 1 2 3; do
    cmp_capture_start "" "-B 1"
    cmp_edge
    LAB_CLIENT_FOR=20 lab_client get "$SRV_IP" 8080 15 || fail "bulk GET failed (attempt $attempt)"
    cmp_edge
    lab_capture_stop
    drops=$(cmp_kernel_drops server)
    echo "attempt $attempt: the server-side capture's kernel dropped $drops packets (client side: $(cmp_kernel_drops client))"
    [ "$drops" -gt 0 ] && break
done
[ "$drops" -gt 0 ] || skip "could not make the capture drop packets in 3 attempts"
[ "$(cmp_kernel_drops client)" = 0 ] || echo "note: the client-side capture dropped packets too"

cmp_compare
sum=$(grep '^{"summary":true' "$T/cmp.json" | tail -n1)
_g() { echo "$sum" | sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"; }
ms=$(_g capture_missed_server) mc=$(_g capture_missed_client)
echo "capture-missed: server side $ms, client side $mc"
[ "$LOST_C2S" = 0 ] || _cmp_report "client->server: $LOST_C2S packets reported lost, the network lost none"
[ "$LOST_S2C" = 0 ] || _cmp_report "server->client: $LOST_S2C packets reported lost, the network lost none"
[ "${ms:-0}" -gt 0 ] || _cmp_report "no packets counted as missed by the server-side capture"
# a capture cannot have missed more packets than its kernel dropped
[ "${ms:-0}" -le "$drops" ] || _cmp_report "$ms packets counted as missed by the server-side capture, its kernel dropped $drops"
# and, when only the server side dropped, nearly all of them are found (all
# but packets outside the judged span: within 5%)
if [ "$(cmp_kernel_drops client)" = 0 ]; then
    [ $(( ${ms:-0} * 100 )) -ge $(( drops * 95 )) ] || _cmp_report "only $ms of the $drops packets the server-side kernel dropped counted as missed"
fi
case $CLIENT_CAP in *client.pcap) ;; *) _cmp_report "client side inferred as '$CLIENT_CAP'" ;; esac
[ "$CMP_RC" = 1 ] || _cmp_report "exit status $CMP_RC, expected 1 (differences: capture loss)"
# every packet the server sent and only the client saw was missed by the
# server's capture (the client's may drop some too, under load)
us=$(_g unexpected_s2c)
[ "$us" -le "$ms" ] || _cmp_report "$us unexpected server->client packets, more than the $ms the server capture missed"
grep -q '^{"event":"lost"' "$T/cmp.json" && _cmp_report "lost events reported"
grep -q 'capture loss, not network loss: the client-side capture missed [0-9]* packets, the server-side capture [1-9]' "$T/cmp.txt" ||
    _cmp_report "text summary does not name the capture loss"

# diagnose with both captures: capture-loss, and no loss finding on either path
rc=0
timeout 60 "$SYNACK" diagnose --json -r "$T/client.pcap" -r "$T/server.pcap" >"$T/diag.json" 2>"$T/diag.err" </dev/null || rc=$?
grep -q '^{"id":"capture-loss","severity":"warning",.*"capture_missed":{"client":[0-9]*,"server":[1-9]' "$T/diag.json" ||
    { fail "diagnose: no capture-loss finding naming the server-side capture"; show "$T/diag.json" 20; }
grep -qE '^\{"id":"lost-(forward|return)"' "$T/diag.json" && { fail "diagnose: a path loss finding on a loss-free network"; grep -E '"lost-(forward|return)"' "$T/diag.json" | cut -c1-300 | show /dev/stdin 4; }
[ "$rc" = 1 ] || fail "diagnose exit status $rc, expected 1"
cmp_finish
