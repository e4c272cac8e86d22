#!/usr/bin/env bash
# tests/compare/clock.sh - never-synchronised clocks: a 3.5 s session with
# dropped SYNs, then the server capture's clock is set 1 hour ahead and runs
# 200 ppm fast, the client's 1 hour behind and 150 ppm slow (shift.py):
# the same packets must be lost, and the offset and drift recovered.
# timeout: 40
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve http 8080
cmp_drop syns iifname "$RCIF" tcp dport 8080 tcp flags '&' '(syn|ack)' == syn numgen inc mod 2 == 0
cmp_edge_serve
lab_capture_start
cmp_edge
lab_client get "$SRV_IP" 8080 5 || fail "GET failed"
sleep 0.5
lab_client get "$SRV_IP" 8080 5 || fail "GET failed"
cmp_edge
lab_capture_stop
n=$(cmp_dropped syns); echo "router dropped $n SYNs"
cmp_compare
expect_losses "$n" 0
$LAB_PY "$TOP/tests/compare/shift.py" "$T/server.pcap" "$T/server-shifted.pcap" 3600 200
$LAB_PY "$TOP/tests/compare/shift.py" "$T/client.pcap" "$T/client-shifted.pcap" -3600 -150
CMP_A=$T/server-shifted.pcap CMP_B=$T/client.pcap cmp_compare
expect_losses "$n" 0
awk -v o="$OFFSET" -v d="$DRIFT" 'BEGIN { exit !(o > 3599.99 && o < 3600.01 && d > 150 && d < 250) }' ||
    _cmp_report "server clock +1 h, +200 ppm: compare says offset $OFFSET s, drift $DRIFT ppm"
CMP_A=$T/server.pcap CMP_B=$T/client-shifted.pcap cmp_compare
expect_losses "$n" 0
awk -v o="$OFFSET" -v d="$DRIFT" 'BEGIN { exit !(o > 3599.99 && o < 3600.01 && d > 100 && d < 200) }' ||
    _cmp_report "client clock -1 h, -150 ppm: compare says offset $OFFSET s, drift $DRIFT ppm"
cmp_finish
