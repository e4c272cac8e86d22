#!/usr/bin/env bash
# tests/misc/timezone.sh - every output a person reads shows the same wall
# clock for the same packet, in the zone TZ names (as tcpdump does): the
# printer, conns, diagnose and compare.  The expected time comes from tcpdump.
. "$(dirname "$0")/../lib.sh"
need_synack
need_tcpdump
C=$TOP/tests/captures/cmp-synack-drop-client.pcap
S=$TOP/tests/captures/cmp-synack-drop-server.pcap
for zone in America/New_York Asia/Kolkata UTC; do
    [ -e "/usr/share/zoneinfo/$zone" ] || { echo "no zoneinfo for $zone"; continue; }
    # the first SYN-ACK the server sent (lost on the way to the client)
    want=$(TZ=$zone "$TCPDUMP" -nn -r "$S" 'tcp[tcpflags] & (tcp-syn|tcp-ack) == (tcp-syn|tcp-ack) and src port 8080' 2>/dev/null | head -1 | cut -d' ' -f1)
    first=$(TZ=$zone "$TCPDUMP" -nn -r "$C" 2>/dev/null | head -1 | cut -d' ' -f1)
    [ -n "$want" ] && [ -n "$first" ] || die "tcpdump printed nothing for $zone"
    got=$(TZ=$zone "$SYNACK" -nn -r "$C" 2>/dev/null | head -1 | cut -d' ' -f1)
    [ "$got" = "$first" ] || fail "$zone: print says $got, tcpdump $first"
    TZ=$zone "$SYNACK" conns -r "$C" 2>/dev/null | sed -n 2p | grep -q " $first" ||
        fail "$zone: conns does not start at $first: $(TZ=$zone "$SYNACK" conns -r "$C" 2>/dev/null | sed -n 2p | cut -c1-40)"
    TZ=$zone "$SYNACK" compare "$C" "$S" 2>/dev/null | grep -q "^lost .*$want .*SYN-ACK" ||
        fail "$zone: compare does not show the lost SYN-ACK at $want"
    TZ=$zone "$SYNACK" diagnose -r "$C" -r "$S" 2>/dev/null | grep -q "$want" ||
        fail "$zone: diagnose does not name the lost SYN-ACK's time $want"
    echo "$zone: $first / $want everywhere"
done
finish
