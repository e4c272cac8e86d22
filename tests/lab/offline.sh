#!/usr/bin/env bash
# tests/lab/offline.sh - synack diagnose on the shipped lab captures
# (tests/captures/lab-*.pcap, recorded by the tests/lab scenarios with
# LAB_SAVE=DIR; see tests/lab/README).  Needs no root and no namespaces, so
# the diagnosis keeps a test everywhere.  Each line: capture, the exact set of
# top-level finding ids expected ("-" for none; the first one listed must be
# the first finding printed: the one to act on), the capture point, and
# optionally a text the JSON must contain.  Symptoms a root cause explains are
# nested under it ("consequences") and are not top-level ids.
. "$(dirname "$0")/lib.bash"
need_synack
n=0
while read -r name ids vantage evidence; do
    case $name in '#'*|'') continue ;; esac
    pcap=$CAP/lab-$name.pcap
    [ -f "$pcap" ] || { fail "missing $pcap"; continue; }
    side=c$n; n=$((n + 1))
    [ "$ids" = - ] && ids=
    lab_diag "$side" "$pcap" >/dev/null
    eval "got=\$IDS_$side"
    if [ "$got" != "$(echo "${ids//,/ }" | tr ' ' '\n' | sort -u | tr '\n' ' ' | sed 's/ $//')" ]; then
        _lab_report "$side" "lab-$name.pcap: expected ids [${ids//,/ }], got [$got]"
    fi
    first=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$T/$side.json" | head -n1)
    [ "$first" = "${ids%%,*}" ] ||
        _lab_report "$side" "lab-$name.pcap: expected '${ids%%,*}' as the first finding, got '$first'"
    expect_vantage "$side" "$vantage"
    if [ -z "$ids" ]; then expect_rc "$side" 0; else expect_rc "$side" 1; fi
    [ -n "$evidence" ] && expect_evidence "$side" "$evidence"
    echo "lab-$name: [$got] $vantage"
done <<'EOF_LIST'
healthy-client        -                          client
healthy-server        -                          server
syn-drop-client       syn-unanswered             client  5 SYNs at +0 s, +1.0 s, +2.1 s, +3.1 s, +4.1 s
synack-drop-server    synack-unacked             server
ack-drop-client       rto-stall,packet-loss      client
ack-drop-server       synack-unacked             server
refused-server        refused                    server
rst-reject-client     refused-by-middlebox       client
icmp-reject-client    rejected-icmp              client  administratively prohibited from 10.198.1.1
host-unreach-client   host-unreachable           client  host unreachable from 10.198.1.1
app-reset-server      app-reset                  server
slow-server-client    slow-server                client
backlog-server        listen-overflow            server
high-rtt-client       high-rtt                   client
pmtu-server           pmtu-blackhole             server
pmtu-client           response-stalled           client
EOF_LIST
finish
