#!/usr/bin/env bash
# tests/misc/json-doc.sh - docs/json.md stays true (issue 14): every key synack
# emits, in every record type, on every shipped capture (conns --json,
# diagnose --json, --analyze --json, and compare --json / --ladder and
# two-capture diagnose on the client/server pairs) is listed in the doc's
# table for that record type, with a type that fits the value (integer,
# number, string, boolean, array, object; "or null" when null was seen); every
# record carries a "type" that the doc lists; every documented record type
# was seen at least once, except the live-only keys named below.
. "$(dirname "$0")/../lib.sh"
need_synack
need_cmd python3
DOC=$TOP/docs/json.md
[ -s "$DOC" ] || die "docs/json.md missing"
out=$T/all.json
for f in "$CAP"/*.pcap "$CAP"/*.pcapng; do
    [ -e "$f" ] || continue
    "$SYNACK" conns --json -r "$f" 2>/dev/null
    "$SYNACK" diagnose --json -r "$f" 2>/dev/null
    "$SYNACK" --analyze --json -r "$f" 2>/dev/null
done >"$out"
for s in "$CAP"/cmp-*-client.pcap; do
    "$SYNACK" compare --json "$s" "${s%-client.pcap}-server.pcap" 2>/dev/null
    "$SYNACK" compare --json --ladder 1 "$s" "${s%-client.pcap}-server.pcap" 2>/dev/null
    "$SYNACK" diagnose --json -r "$s" -r "${s%-client.pcap}-server.pcap" 2>/dev/null
done >>"$out"
python3 - "$DOC" "$out" <<'PY' || fail "docs/json.md does not match the output (above)"
import json, re, sys, collections
doc, out = sys.argv[1], sys.argv[2]
# the doc: "## `TYPE`" sections, each with a "| key | type | unit | meaning |" table
tables, cur = {}, None
for line in open(doc):
    m = re.match(r"## `([a-z_]+)`", line)
    if m:
        cur = tables.setdefault(m.group(1), {})
        continue
    if line.startswith("## "):
        cur = None
    m = re.match(r"\| `([^`]+)` \| ([^|]*) \|", line)
    if cur is not None and m:
        cur[m.group(1)] = m.group(2).strip()
TY = {int: "integer", float: "number", str: "string", bool: "boolean", list: "array", dict: "object"}
seen = collections.defaultdict(lambda: collections.defaultdict(set))
errs, nrec = [], 0
def walk(x, t, p):
    if isinstance(x, dict):
        for k, v in x.items():
            q = (p + "." if p else "") + k
            if p.endswith("counters") or p.endswith("lost_kinds"):
                q = p + ".*"
            if p == "consequences[]":       # nested findings: same keys as the root
                q = k
            seen[t][q].add(type(v))
            walk(v, t, q)
    elif isinstance(x, list):
        for v in x:
            if isinstance(v, dict):
                walk(v, t, p + "[]")
for line in open(out):
    if not line.startswith("{"):
        continue
    nrec += 1
    j = json.loads(line)
    t = j.get("type")
    if t not in tables:
        errs.append(f"record without a documented type: {line[:120]}")
        continue
    walk(j, t, "")
for t, keys in seen.items():
    for k, types in keys.items():
        if k not in tables[t]:
            errs.append(f"{t}: key {k} not in docs/json.md")
            continue
        dt = tables[t][k]
        for ty in types:
            if ty is type(None):
                if "null" not in dt:
                    errs.append(f"{t}.{k}: null seen, doc says {dt!r}")
            elif TY[ty] not in dt and not (ty is int and "number" in dt):
                errs.append(f"{t}.{k}: {TY[ty]} seen, doc says {dt!r}")
live_only = {("finding", "early")}
for t, keys in tables.items():
    if t not in seen:
        errs.append(f"documented record type {t} never seen")
        continue
    for k in keys:
        if k not in seen[t] and (t, k) not in live_only:
            errs.append(f"{t}: documented key {k} never seen on the shipped captures")
for e in errs[:40]:
    print("   ", e)
print(f"{nrec} records, {sum(len(k) for k in seen.values())} keys checked")
sys.exit(1 if errs or nrec < 1000 else 0)
PY
finish
