#!/usr/bin/env bash
# tests/lab/ack-lost.sh - the server speaks first (lab.py serve banner:
# "220 ready\r\n" on accept, SMTP-like) and the router drops only the FIRST
# pure ACK of the handshake from the client (nft quota: the rule matches
# while fewer than 60 bytes went through it, i.e. one 52-byte ACK).  The
# client thinks it is connected and waits for the banner; the server never
# saw the ACK, so it retransmits its SYN-ACK ~1 s later, the client ACKs
# again, accept() returns and the banner goes out ~1 s late.  Expectations
# (tests/lab/expect-a.tsv): ack-lost at the client and at the server; the
# 1 s wait is not a high RTT (nothing else allowed).
. "$(dirname "$0")/lib.bash"
lab_need
lab_up
lab_serve banner 8080
lab_nft iifname "$RCIF" tcp dport 8080 tcp flags '&' '(syn|ack|fin|rst|psh)' == ack quota until 60 bytes counter drop comment '"ack"'
lab_capture_start
lab_client banner "$SRV_IP" 8080 5 || fail "no banner: $(tail -n1 "$T/client.out")"
lab_capture_stop
n=$(lab_nft_count ack)
echo "router dropped ${n:-?} ACK(s)"
[ "${n:-0}" = 1 ] || fail "the router should drop exactly one ACK, it dropped ${n:-?}"
n=$("$SYNACK" -nn -r "$T/server.pcap" 2>/dev/null | grep -c 'Flags \[S\.\]')
[ "$n" -ge 2 ] || fail "the server sent its SYN-ACK $n time(s), expected a retransmission"
lab_expect ack-lost
lab_finish
