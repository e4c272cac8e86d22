#!/usr/bin/env bash
# tests/lab/backlog.sh - a listener with backlog 0 that never calls accept(),
# SYN cookies off in the server namespace, 8 clients at once.  The kernel
# completes one or two handshakes, then ignores the others' final ACKs
# (SYN-ACKs retransmitted) and drops new SYNs.  At the server: listen-overflow.
# At the client: each connection alone looks like a lost SYN or a lost ACK,
# but together (connections to the same port completing at the same moment
# while others get no SYN-ACK or one only after retransmissions) they are the
# server's full backlog: listen-overflow, with the per-connection symptoms
# (syn-unanswered, synack-unacked, ack-lost, ...) nested under it as
# consequences, and the capture point must be the client.
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_sysctl "$LAB_S" net.ipv4.tcp_syncookies=0
lab_serve backlog 8080
lab_capture_start
lab_client many "$SRV_IP" 8080 8 4
lab_capture_stop
lab_diag client
expect_ids client "listen-overflow"
expect_only client "listen-overflow"
expect_vantage client client
lab_diag server
expect_ids server "listen-overflow"
expect_no_ids server "syn-flood no-synack synack-unacked"
expect_vantage server server
lab_finish
