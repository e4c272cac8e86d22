#!/usr/bin/env bash
# tests/misc/unknown-values.sh - a value synack does not know is absent, never a
# placeholder: "-" in tables, null in JSON (issue 14).  Over every shipped
# capture: conns tables and NDJSON, diagnose NDJSON, compare NDJSON.  Known
# values are still there and right: the MSS and window scale of a handshake
# are the ones tcpdump prints in the SYN and SYN-ACK options.
. "$(dirname "$0")/../lib.sh"
need_synack
need_cmd python3
n=0
for f in "$CAP"/*.pcap "$CAP"/*.pcapng; do
    [ -e "$f" ] || continue
    n=$((n + 1))
    "$SYNACK" conns -r "$f" 2>/dev/null >>"$T/conns.txt"
    "$SYNACK" conns --json -r "$f" 2>/dev/null >>"$T/conns.json"
    "$SYNACK" diagnose --json -r "$f" 2>/dev/null >>"$T/diag.json"
done
for s in "$CAP"/cmp-*-client.pcap; do
    "$SYNACK" compare --json "$s" "${s%-client.pcap}-server.pcap" 2>/dev/null >>"$T/cmp.json"
    "$SYNACK" compare "$s" "${s%-client.pcap}-server.pcap" 2>/dev/null >>"$T/cmp.txt"
done
[ -s "$T/conns.json" ] && [ -s "$T/diag.json" ] && [ -s "$T/cmp.json" ] || die "no output to check"
python3 - "$T" <<'PY' || fail "JSON placeholders (above)"
import json, sys, re
T = sys.argv[1]
bad = []
def walk(x, path, where):
    if isinstance(x, dict):
        for k, v in x.items():
            walk(v, path + "." + k, where)
    elif isinstance(x, list):
        for i, v in enumerate(x):
            walk(v, "%s[%d]" % (path, i), where)
    elif isinstance(x, (int, float)) and not isinstance(x, bool) and x < 0:
        if not re.search(r"offset|drift|delta|shift", path):   # signed by nature
            bad.append("%s: %s = %s" % (where, path, x))
    elif isinstance(x, str) and x in ("-", "?", "-1", "n/a", "unknown?"):
        bad.append("%s: %s = %r" % (where, path, x))
for name in ("conns.json", "diag.json", "cmp.json"):
    for ln, line in enumerate(open("%s/%s" % (T, name)), 1):
        o = json.loads(line)
        walk(o, "", "%s:%d" % (name, ln))
        if name == "diag.json" and "id" in o:
            for k in ("first_packet", "last_packet"):
                if o.get(k) == 0:
                    bad.append("%s:%d %s = 0 (packet numbers start at 1)" % (name, ln, k))
conns = [json.loads(l) for l in open(T + "/conns.json")]
nulls = 0
for o in conns:
    # unknown exactly when it cannot be known
    if o["syn_count"] == 0 and (o["mss"][0] is not None or o["wscale"][0] is not None):
        bad.append("conn without a SYN has mss/wscale %s %s" % (o["mss"], o["wscale"]))
    if o["synack_count"] == 0 and o["mss"][1] is not None:
        bad.append("conn without a SYN-ACK has a server mss %s" % o["mss"])
    for d in (0, 1):
        if (o["packets"][d] == 0) != (o["max_window"][d] is None):
            bad.append("max_window %s with packets %s" % (o["max_window"], o["packets"]))
    nulls += sum(v is None for v in o["mss"] + o["wscale"] + o["max_window"])
if nulls == 0:
    bad.append("no null at all: the captures have connections without handshakes, their values must be null")
for b in bad[:15]:
    print("fail:", b)
print("JSON: %d connections, %d null mss/wscale/max_window values, %d placeholders" % (len(conns), nulls, len(bad)))
sys.exit(1 if bad else 0)
PY
# tables: no -1, no ? for an unknown value
grep -nE '(^| |/)-1(/| |$)' "$T/conns.txt" | head -3 | sed 's/^/fail: conns table: /'
grep -qE '(^| |/)-1(/| |$)' "$T/conns.txt" && _failed=1
grep -nE ' \? ' "$T/conns.txt" | head -3 | sed 's/^/fail: conns table ?: /'
grep -qE ' \? ' "$T/conns.txt" && _failed=1
grep -nE -- '-> -1|-1 \(' "$T/cmp.txt" | head -3 | sed 's/^/fail: compare: /'
grep -qE -- '-> -1|-1 \(' "$T/cmp.txt" && _failed=1
# a SYN that was never answered: the client's MSS as tcpdump prints it, the server's "-" / null
F=$CAP/cmp-syn-drop-empty-client.pcap
if command -v "$TCPDUMP" >/dev/null 2>&1; then
    mss=$("$TCPDUMP" -nn -r "$F" 'tcp[tcpflags] == tcp-syn' 2>/dev/null | head -1 | sed -n 's/.*options \[mss \([0-9]*\),.*/\1/p')
    [ -n "$mss" ] || die "tcpdump shows no MSS in the first SYN of $F"
    line=$("$SYNACK" conns -r "$F" 2>/dev/null | sed -n 2p)
    grep -q " $mss/-  " <<<"$line" || fail "conns: unanswered SYN with MSS $mss is not '$mss/-': $line"
    grep -q '  -      ' <<<"$line" || fail "conns: unknown window scale is not '-': $line"
    "$SYNACK" conns --json -r "$F" 2>/dev/null | head -1 | grep -q "\"mss\":\[$mss,null\],\"wscale\":\[null,null\]" ||
        fail "conns --json: not mss [$mss,null], wscale [null,null]: $("$SYNACK" conns --json -r "$F" 2>/dev/null | head -1 | grep -o '"mss.*max_window')"
    # a full handshake: both values from tcpdump's SYN and SYN-ACK
    G=$CAP/ana-loss5-sack.pcap
    read -r m0 w0 <<<"$("$TCPDUMP" -nn -r "$G" 'tcp[tcpflags] == tcp-syn' 2>/dev/null | head -1 | sed -n 's/.*mss \([0-9]*\),.*wscale \([0-9]*\)\].*/\1 \2/p')"
    read -r m1 w1 <<<"$("$TCPDUMP" -nn -r "$G" 'tcp[tcpflags] == tcp-syn|tcp-ack' 2>/dev/null | head -1 | sed -n 's/.*mss \([0-9]*\),.*wscale \([0-9]*\)\].*/\1 \2/p')"
    "$SYNACK" conns --json -r "$G" 2>/dev/null | head -1 | grep -q "\"mss\":\[$m0,$m1\],\"wscale\":\[$w0,$w1\]" ||
        fail "conns --json: not mss [$m0,$m1] wscale [$w0,$w1] as tcpdump shows"
fi
# diagnose: a finding without a server endpoint has "server":null, not "-"
"$SYNACK" diagnose --json -r "$CAP/cmp-syn-drop-empty-server.pcap" 2>/dev/null | head -1 >"$T/nt.json"
grep -q '"id":"no-traffic"' "$T/nt.json" || fail "no no-traffic finding for an empty capture: $(cut -c1-100 "$T/nt.json")"
grep -q '"server":null' "$T/nt.json" || fail "no-traffic: server is not null: $(grep -o '"server":[^,]*' "$T/nt.json")"
echo "$n captures checked"
finish
