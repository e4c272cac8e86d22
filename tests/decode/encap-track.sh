#!/usr/bin/env bash
# tests/decode/encap-track.sh - one ordinary HTTP connection inside each encapsulation
# (tests/captures/enc-*.pcap, made by tests/golden/enc-make-captures.py from
# core-http.pcap / core-http6.pcap): `synack conns` sees exactly that one connection,
# between the INNER endpoints, with all of its packets; `synack diagnose` sees it and
# finds it healthy (exit 0).  Printing is checked by tests/golden/enc.list.
. "$(dirname "$0")/../lib.sh"
need_synack
n=0
for f in "$CAP"/enc-*.pcap; do
    name=${f##*/}
    [ "$name" = enc-edge.pcap ] && continue
    n=$((n + 1))
    case $name in
    enc-6in4.pcap | enc-mpls6.pcap | enc-pppoe6.pcap | enc-gre6.pcap) want='fd99:199:7::1]:56238|fd99:199:7::1\.56238|fd99:199:7::1:56238' ;;
    *) want='10\.199\.7\.1:54900' ;;
    esac
    timeout 20 "$SYNACK" conns -r "$f" >"$T/c.out" 2>"$T/c.err"
    rc=$?
    [ $rc = 0 ] || { fail "$name: conns exit status $rc"; show "$T/c.err"; continue; }
    tail -1 "$T/c.out" | grep -qx '1 connection' || { fail "$name: conns does not report 1 connection"; show "$T/c.out"; continue; }
    grep -qE "$want" "$T/c.out" || { fail "$name: conns does not show the inner endpoint ($want)"; show "$T/c.out"; }
    # the JSON record counts every packet of the connection (both directions)
    timeout 20 "$SYNACK" conns --json -r "$f" >"$T/j.out" 2>/dev/null
    /usr/bin/python3 - "$T/j.out" "$f" "$name" <<'PY' || fail "$name: conns --json packet count"
import json, struct, sys
recs = [json.loads(l) for l in open(sys.argv[1]) if l.strip().startswith("{")]
# packets in the capture (classic pcap, either byte order)
data = open(sys.argv[2], "rb").read()
bo = "<" if data[:4] in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
off, want = 24, 0
while off + 16 <= len(data):
    incl = struct.unpack(bo + "I", data[off + 8:off + 12])[0]
    off += 16 + incl
    want += 1
conns = [r for r in recs if "packets" in r]
got = [sum(r["packets"]) for r in conns]
if len(conns) != 1 or got[0] != want:
    print(f"    {sys.argv[3]}: {len(conns)} records, packets {got}, capture has {want}")
    sys.exit(1)
PY
    timeout 20 "$SYNACK" diagnose -r "$f" >"$T/d.out" 2>"$T/d.err"
    rc=$?
    [ $rc = 0 ] || { fail "$name: diagnose exit status $rc (expected 0, healthy)"; show "$T/d.out"; continue; }
    grep -q '1 TCP connection' "$T/d.out" || { fail "$name: diagnose does not see the connection"; show "$T/d.out"; }
    grep -q 'no problems found' "$T/d.out" || { fail "$name: diagnose reports a problem"; show "$T/d.out"; }
done
[ $n -ge 19 ] || fail "only $n enc-*.pcap captures found"
echo "$n encapsulations: conns 1 connection, diagnose healthy"
finish
