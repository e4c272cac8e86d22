#!/usr/bin/env bash
# tests/compare/healthy.sh - nothing dropped: two GETs and a 200 KB download,
# compare must find no loss at all (no false positives), 1 hop each way.
# timeout: 40
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve http 8080
lab_serve source 8081 200000
lab_capture_start
lab_client get "$SRV_IP" 8080 || fail "GET failed"
lab_client get "$SRV_IP" 8081 || fail "download failed"
lab_client get "$SRV_IP" 8080 || fail "GET failed"
lab_capture_stop
cmp_compare
expect_losses 0 0
grep -q '"hops_c2s":1,' "$T/cmp.json" || _cmp_report "expected 1 hop client->server"
grep -q '"hops_s2c":1,' "$T/cmp.json" || _cmp_report "expected 1 hop server->client"
grep -q '"modified":0,' "$T/cmp.json" || _cmp_report "expected no modified packets"
cmp_finish
