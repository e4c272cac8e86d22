#!/usr/bin/env bash
# tests/analysis/trk-dedup.sh - capture duplicates are analysed once (src/tcp/dedup.c).
# Captures from tests/captures/trk-make-captures.py (hand-built, checksums checked
# by tcpdump): -i any on a router, cooked v1 and v2 (every packet in, then out with
# TTL one lower), and an Ethernet file with every packet written twice plus one
# real retransmission 300 ms later, and -i any on lo (every packet out, then in).  The expected counts are those of the
# conversation the generator writes: 5 packets client->server, 4 back, no loss.
. "$(dirname "$0")/../lib.sh"
need_synack
[ -x /usr/bin/python3 ] || skip "/usr/bin/python3 not installed"

# field FILE KEY: conns --json value of KEY (lists as a,b)
field() {
    "$SYNACK" conns --json -r "$1" 2>/dev/null | /usr/bin/python3 -c '
import json, sys
objs = [json.loads(l) for l in sys.stdin if l.strip()]
if len(objs) != 1:
    print("conns=%d" % len(objs)); sys.exit()
v = objs[0]
for k in sys.argv[1].split("."):
    v = v[k]
print(",".join(str(x) for x in v) if isinstance(v, list) else v)' "$2"
}

for f in trk-any-v1.pcap trk-any-v2.pcap; do
    F=$CAP/$f
    # tcpdump mode prints every packet (18), dedup is for analysis only
    n=$("$SYNACK" -nn -r "$F" 2>/dev/null | wc -l)
    [ "$n" = 18 ] || fail "$f: printed $n packets, want 18"
    # without dedup (--analyze follows Wireshark) the copies are retransmissions: the file has duplicates
    r=$("$SYNACK" --analyze --json -r "$F" 2>/dev/null | grep -c '"retransmission"')
    [ "$r" -ge 6 ] || fail "$f: --analyze shows $r retransmissions, the capture should hold 6 duplicate data/SYN/FIN copies"
    [ "$(field "$F" packets)" = "5,4" ] || fail "$f: packets $(field "$F" packets), want 5,4"
    [ "$(field "$F" retransmissions)" = "0,0" ] || fail "$f: retransmissions $(field "$F" retransmissions), want 0,0"
    [ "$(field "$F" out_of_order)" = "0,0" ] || fail "$f: out_of_order $(field "$F" out_of_order), want 0,0"
    [ "$(field "$F" history)" = "ShADadFf" ] || fail "$f: history $(field "$F" history), want ShADadFf"
    [ "$(field "$F" handshake_ms.server_side)" = "10.0" ] || fail "$f: server-side handshake $(field "$F" handshake_ms.server_side) ms, want 10.0"
    out=$("$SYNACK" diagnose -r "$F" 2>/dev/null)
    case $out in *packet-loss*|*retransmi*) fail "$f: diagnose reports loss: $out" ;; esac
done

F=$CAP/trk-any-lo.pcap
[ "$(field "$F" packets)" = "5,4" ] || fail "trk-any-lo: packets $(field "$F" packets), want 5,4 (lo seen out and in)"
[ "$(field "$F" retransmissions)" = "0,0" ] || fail "trk-any-lo: retransmissions $(field "$F" retransmissions), want 0,0"

F=$CAP/trk-identical.pcap
n=$("$SYNACK" -nn -r "$F" 2>/dev/null | wc -l)
[ "$n" = 19 ] || fail "trk-identical: printed $n packets, want 19"
[ "$(field "$F" packets)" = "6,4" ] || fail "trk-identical: packets $(field "$F" packets), want 6,4 (9 once + 1 real retransmission)"
[ "$(field "$F" retransmissions)" = "1,0" ] || fail "trk-identical: retransmissions $(field "$F" retransmissions), want 1,0 (the one 300 ms later)"
finish
