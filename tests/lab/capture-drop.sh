#!/usr/bin/env bash
# shellcheck disable=SC2034  # LAB_POINTS, LAB_CAPARGS_*: read by lib.bash
# tests/lab/capture-drop.sh - a capture that the KERNEL drops packets from,
# on a healthy network: a bulk download while the capture at the server runs
# with the smallest ring buffer (-B 1, KiB).  2 MB is enough here (shipped
# recording: 93 dropped by kernel, 1833 packets in the server capture, 1926
# at the client) and keeps the shipped files ~200 KB; without drops the
# script retries with 6 and 18 MB.  It checks that the server capture's
# "dropped by kernel" count is > 0 and the client's is 0 (big buffer, 96-byte
# snaplen); the router drops nothing.  Shipped trimmed to 96 bytes a packet.
# Expectations (tests/lab/expect-a.tsv): server capture-loss (not
# packet-loss: the packets reached the server, only the capture missed them);
# client none; pair capture-loss (no lost-forward).
. "$(dirname "$0")/lib.bash"
LAB_CAPARGS_server="-B 1"
LAB_CAPARGS_client="-B 65536 -s 96"
# the download grows (2, 6, 18 MB) until the server capture drops something
bytes=${LAB_CD_BYTES:-2000000}
lab_need
lab_up
for try in 1 2 3; do
    lab_serve source $((8080 + try)) "$bytes"
    lab_capture_start
    lab_client get "$SRV_IP" $((8080 + try)) 15 || fail "download failed: $(tail -n1 "$T/client.out")"
    lab_capture_stop
    sd=$(lab_kernel_drops server) cd=$(lab_kernel_drops client)
    echo "$bytes bytes: kernel drops: server ${sd:-?}, client ${cd:-?}"
    [ "${sd:-0}" -gt 0 ] && break
    bytes=$((bytes * 3))
done
[ "${sd:-0}" -gt 0 ] || fail "the server capture lost nothing (dropped by kernel: ${sd:-?}); no capture-loss to test"
[ "${cd:-1}" = 0 ] || fail "the client capture lost packets too (dropped by kernel: ${cd:-?})"
lab_expect capture-drop
lab_finish
