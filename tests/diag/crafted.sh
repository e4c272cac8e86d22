#!/usr/bin/env bash
# tests/diag/crafted.sh - synack diagnose on hand-crafted captures
# (tests/captures/diag-*.pcap, made by tests/diag/make-captures.py) for the
# rules the namespace lab cannot easily reproduce: SYN flood, client reset,
# bad sequence numbers, early close, stripped window scaling, window full,
# zero window, RTO stall, ICMPv6 reject, IPv6 healthy / slow server / high RTT.
#
# Each line of the table below:
#   LABEL  PCAP  EXPECT  ALLOW  VANTAGE  [EVIDENCE TEXT...]
# EXPECT: finding ids that must be reported (comma-separated; "-" none; "*"
#   do not check ids or exit status, only vantage/evidence); ALLOW: further ids
#   that may be reported ("-" none); anything else is a failure.  The exit
#   status must be 1 when EXPECT lists ids, 0 when it is "-".  VANTAGE: the
#   summary's capture point ("-" unchecked).  EVIDENCE: a fixed string the
#   JSON must contain.
# Labels in XFAIL are known misdiagnoses (see the reason): a failure there is
# reported as "xfail" and does not fail the test; DIAG_STRICT=1 makes them
# fail; a pass prints "xpass" (remove the label from XFAIL).
. "$(dirname "$0")/../lib.sh"
[ -x "$SYNACK" ] || die "$SYNACK not built"

declare -A XFAIL=(
    # none: the eight misdiagnoses this test found were fixed in src/diag/diag.c and src/tcp/track.c
)
STRICT=${DIAG_STRICT:-0}

n=0 xf=0
while read -r label pcap expect allow vantage evidence; do
    case $label in '#'*|'') continue ;; esac
    n=$((n + 1))
    f=$CAP/$pcap
    [ -f "$f" ] || { fail "$label: missing $f (run /usr/bin/python3 tests/diag/make-captures.py)"; continue; }
    rc=0
    timeout 30 "$SYNACK" diagnose --json -r "$f" >"$T/$label.json" 2>"$T/$label.err" </dev/null || rc=$?
    got=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$T/$label.json" | sort -u | tr '\n' ' ')
    got=${got% }
    v=$(sed -n 's/^{"summary":true.*"vantage":"\([^"]*\)".*/\1/p' "$T/$label.json" | tail -n1)
    problems=()
    if [ "$rc" -ge 2 ] || ! grep -q '^{"summary":true' "$T/$label.json"; then
        problems+=("diagnose failed (exit $rc): $(head -c 300 "$T/$label.err")")
    elif [ "$expect" != '*' ]; then
        [ "$expect" = - ] && expect=
        [ "$allow" = - ] && allow=
        for w in ${expect//,/ }; do
            case " $got " in *" $w "*) ;; *) problems+=("expected finding '$w' missing") ;; esac
        done
        for w in $got; do
            case " ${expect//,/ } ${allow//,/ } " in *" $w "*) ;; *) problems+=("unexpected finding '$w'") ;; esac
        done
        want_rc=1
        [ -z "$expect" ] && want_rc=0
        [ "$rc" = "$want_rc" ] || problems+=("exit status $rc, expected $want_rc")
    fi
    [ "$vantage" = - ] || [ "$v" = "$vantage" ] || problems+=("capture point '$v', expected '$vantage'")
    [ -z "$evidence" ] || grep -qF -- "$evidence" "$T/$label.json" || problems+=("the report does not mention '$evidence'")
    reason=${XFAIL[$label]:-}
    if [ ${#problems[@]} = 0 ]; then
        if [ -n "$reason" ]; then echo "xpass $label: [$got] (known misdiagnosis fixed? remove it from XFAIL)"
        else echo "ok $label: [$got] $v"; fi
        continue
    fi
    if [ -n "$reason" ] && [ "$STRICT" != 1 ]; then
        xf=$((xf + 1))
        echo "xfail $label: [$got] ${problems[*]} -- $reason"
        continue
    fi
    fail "$label ($pcap): ${problems[*]}; got [$got] vantage '$v' exit $rc"
    [ -n "$reason" ] && echo "    known: $reason"
    cut -c1-400 "$T/$label.json" | sed 's/^/    | /'
done <<'EOF_LIST'
# label           pcap                                   expect           allow          vantage  evidence
syn-flood         diag-syn-flood-server.pcap             syn-flood        -              server
syn-flood-cookies diag-syn-flood-cookies-server.pcap     syn-flood        -              server
client-reset      diag-client-reset-client.pcap          client-reset     -              client   SYN-ACK (packet 2) answered by RST from the client
bad-seq-synack    diag-bad-seq-synack-client.pcap        bad-seq          client-reset   client
bad-ack-1g5       diag-bad-ack-1g5-client.pcap           bad-seq          -              client   server->client 1
bad-ack-2g        diag-bad-ack-2g-client.pcap            bad-seq          -              client
early-close       diag-early-close-client.pcap           early-close      -              client   having already sent FIN
wscale-stripped   diag-wscale-stripped-client.pcap       wscale-stripped  window-full    client   the client's SYN carried window scale 7, the server's SYN-ACK did not
window-full       diag-window-full-client.pcap           window-full      -              client   filled the server's receive window (max window 8192 bytes)
zero-window       diag-zero-window-client.pcap           zero-window      -              client   for 5.510 s in all; the server sent 4 probe(s)
rto-stall         diag-rto-stall-client.pcap             rto-stall        packet-loss    client   the client retransmitted the same segment 4 times in a row
rejected-icmp6    diag-rejected-icmp6-client.pcap        rejected-icmp    -              client   administratively prohibited from 2001:db8:10::1
rejected-icmp6-t  diag-rejected-icmp6-client.pcap        *                -              -        "title":"connection rejected on the path by ICMP (from 2001:db8:10::1)"
healthy6          diag-healthy6-client.pcap              -                -              client
slow-server6      diag-slow-server6-client.pcap          slow-server      -              client   first response byte 3.0
slow-server6-rtt  diag-slow-server6-client.pcap          *                -              -        (network RTT 30.0 ms)
high-rtt6-client  diag-high-rtt6-client.pcap             high-rtt         -              client   SYN->SYN-ACK 500.0 ms
high-rtt6-server  diag-high-rtt6-server.pcap             high-rtt         -              server   SYN-ACK->ACK 500.0 ms
# issue 10: root cause first, attribution, capture point, nothing captured
forged-rst-alone  diag-forged-rst-alone-client.pcap      refused-by-middlebox -      client   by 02:00:00:00:00:01 (192.168.1.1), a router
ack-lost-client   diag-ack-lost-client.pcap              ack-lost         -              client   the connection waited 1.000 s for the retransmitted SYN-ACK; the server speaks first
ack-lost-server   diag-ack-lost-server.pcap              ack-lost         -              server   2 SYN-ACKs for one SYN
backlog-client    diag-backlog-client.pcap               listen-overflow  -              client   "consequences":[{"id":"syn-unanswered"
icmp6-return      diag-icmp6-noroute-synack-server.pcap  rejected-icmp    -              server   it quotes the server's SYN-ACK (packet 2): the return path (server -> client) is blocked
zw-reset          diag-zero-window-reset-client.pcap     zero-window      -              client   "consequences":[{"id":"early-close"
no-synack-server  diag-no-synack-server.pcap             no-synack        -              server   TTL 55: arrived over the network
empty             diag-empty.pcap                        no-traffic       -              -        "packets":0
# a capture gap hid the window growing: the segment after it is "out of window", the client ACKs it
capture-gap-oow   diag-capture-gap-oow-server.pcap       capture-loss     window-full    server
EOF_LIST
# Advice fits the capture point (issue 10): a report made at the client never
# tells the user to capture at the client, one made at the server never to
# capture at the server.
for j in "$T"/*.json; do
    v=$(sed -n 's/^{"summary":true.*"vantage":"\([^"]*\)".*/\1/p' "$j" | tail -n1)
    case $v in
        client) ! grep -q 'capture at the client' "$j" || fail "$(basename "$j" .json): client-side report says 'capture at the client'" ;;
        server) ! grep -q 'capture at the server' "$j" || fail "$(basename "$j" .json): server-side report says 'capture at the server'" ;;
    esac
done
echo "$n checks, $xf known misdiagnoses (xfail)"
finish
