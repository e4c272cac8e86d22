#!/usr/bin/env bash
# tests/compare/forged-rst.sh - a firewall between the captures answers the
# client's request with a reset in the server's name (nft "reject with tcp
# reset" on the router: TTL 64 at the client, where the server's packets
# arrive with 63).  The reset is unexpected (never left the server) but is
# NOT capture loss at the server: compare must count it unexpected, count
# nothing as missed by a capture, and the rejected request as lost
# client->server (as many as the router's counter).
# timeout: 40
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve http 8080
cmp_edge_serve
lab_nft iifname "$RCIF" tcp dport 8080 tcp flags '&' psh == psh counter reject with tcp reset comment '"rej"'
lab_capture_start
cmp_edge
lab_client get "$SRV_IP" 8080 5 && fail "the GET succeeded through a rejecting router"
cmp_edge
lab_capture_stop
n=$(cmp_dropped rej); echo "router rejected $n segments"
[ "${n:-0}" -ge 1 ] || die "the router rejected nothing"
cmp_compare
sum=$(grep '^{"summary":true' "$T/cmp.json" | tail -n1)
_g() { echo "$sum" | sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"; }
[ "$LOST_C2S" = "$n" ] || _cmp_report "client->server: expected $n lost (rejected), compare found $LOST_C2S"
[ "$(_g unexpected_s2c)" -ge 1 ] || _cmp_report "the forged reset is not unexpected"
[ "$(_g capture_missed_server)" = 0 ] || _cmp_report "the forged reset counted as missed by the server-side capture"
[ "$(_g capture_missed_client)" = 0 ] || _cmp_report "packets counted as missed by the client-side capture"
grep -q '^{"event":"unexpected".*"kind":"RST".*"note":"TTL 64 where this path' "$T/cmp.json" || _cmp_report "the reset's TTL is not pointed out"
rc=0
timeout 30 "$SYNACK" diagnose --json -r "$T/client.pcap" -r "$T/server.pcap" >"$T/d.json" 2>/dev/null </dev/null || rc=$?
grep -q '"id":"capture-loss"' "$T/d.json" && fail "diagnose: capture-loss for a forged reset"
cmp_finish
