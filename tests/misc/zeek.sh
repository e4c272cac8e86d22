#!/usr/bin/env bash
# tests/misc/zeek.sh - `synack conns --format zeek` is Zeek's conn.log (issue 14).
# A small reader checks the header lines (#separator ... #types, #close) and
# the field names and types against Zeek's conn.log field list (Zeek's
# base/protocols/conn/main.zeek, community_id as its community-id policy adds
# it), then every row against synack's own NDJSON for the same capture
# (--format json, which must equal --json): endpoints, times, state,
# history, packets, bytes (sequence space, so never more than the payload
# synack counted), and a Community ID the reader computes itself (hashlib).
# Also: --community-id-seed changes it as the spec says; --format zeek
# is refused outside conns.
. "$(dirname "$0")/../lib.sh"
need_synack
need_cmd python3
caps="ana-loss5-sack.pcap ana-reuse.pcap ana-zerowin.pcap diag-healthy6-client.pcap core-http6.pcap
      diag-syn-flood-cookies-server.pcap diag-client-reset-client.pcap diag-high-rtt6-server.pcap"
for seed in 0 7; do
    for c in $caps; do
        f=$CAP/$c
        [ -e "$f" ] || die "missing capture $c"
        "$SYNACK" conns --community-id-seed $seed --format zeek -r "$f" >"$T/$c.$seed.zeek" 2>/dev/null || fail "$c: zeek exit $?"
        "$SYNACK" conns --community-id-seed $seed --format json -r "$f" >"$T/$c.$seed.json" 2>/dev/null || fail "$c: json exit $?"
        "$SYNACK" conns --community-id-seed $seed --json -r "$f" >"$T/$c.$seed.json2" 2>/dev/null
        cmp -s "$T/$c.$seed.json" "$T/$c.$seed.json2" || fail "$c: --format json differs from --json"
    done
done
python3 - "$T" $caps <<'PY' || fail "conn.log check (above)"
import base64, hashlib, ipaddress, json, re, sys
T, caps = sys.argv[1], sys.argv[2:]
FIELDS = [("ts", "time"), ("uid", "string"), ("id.orig_h", "addr"), ("id.orig_p", "port"),
          ("id.resp_h", "addr"), ("id.resp_p", "port"), ("proto", "enum"), ("service", "string"),
          ("duration", "interval"), ("orig_bytes", "count"), ("resp_bytes", "count"),
          ("conn_state", "string"), ("local_orig", "bool"), ("local_resp", "bool"),
          ("missed_bytes", "count"), ("history", "string"), ("orig_pkts", "count"),
          ("orig_ip_bytes", "count"), ("resp_pkts", "count"), ("resp_ip_bytes", "count"),
          ("tunnel_parents", "set[string]"), ("community_id", "string")]
STATES = {"S0", "S1", "SF", "REJ", "S2", "S3", "RSTO", "RSTR", "RSTOS0", "RSTRH", "SH", "SHR", "OTH"}
errs = []
def err(m):
    if len(errs) < 30:
        errs.append(m)

def cid(seed, a, pa, b, pb):
    a, b = ipaddress.ip_address(a), ipaddress.ip_address(b)
    if (a.packed, pa) > (b.packed, pb):
        a, pa, b, pb = b, pb, a, pa
    m = seed.to_bytes(2, "big") + a.packed + b.packed + bytes([6, 0]) + pa.to_bytes(2, "big") + pb.to_bytes(2, "big")
    return "1:" + base64.b64encode(hashlib.sha1(m).digest()).decode()

def check_value(name, typ, v, where):
    if v == "-":
        return
    if typ == "time" or typ == "interval":
        ok = re.fullmatch(r"\d+\.\d{6}", v)
    elif typ in ("count", "port"):
        ok = re.fullmatch(r"\d+", v)
    elif typ == "addr":
        try:
            ipaddress.ip_address(v); ok = True
        except ValueError:
            ok = False
    elif typ == "bool":
        ok = v in ("T", "F")
    elif typ == "enum":
        ok = v in ("tcp", "udp", "icmp", "unknown_transport")
    else:
        ok = v != "" and "\t" not in v
    if not ok:
        err(f"{where}: {name}={v!r} is not a Zeek {typ}")

rows = 0
for seed in (0, 7):
    for c in caps:
        lines = open(f"{T}/{c}.{seed}.zeek").read().split("\n")
        if lines[-1] != "":
            err(f"{c}: no final newline")
        lines = lines[:-1]
        head = lines[:8]
        want = ["#separator \\x09", "#set_separator\t,", "#empty_field\t(empty)", "#unset_field\t-", "#path\tconn"]
        if head[:5] != want:
            err(f"{c}: header {head[:5]!r}")
        if not re.fullmatch(r"#open\t\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d", head[5]):
            err(f"{c}: {head[5]!r}")
        if head[6].split("\t") != ["#fields"] + [f for f, _ in FIELDS]:
            err(f"{c}: #fields {head[6]!r}")
        if head[7].split("\t") != ["#types"] + [t for _, t in FIELDS]:
            err(f"{c}: #types {head[7]!r}")
        if not re.fullmatch(r"#close\t\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d", lines[-1]):
            err(f"{c}: last line {lines[-1]!r}")
        body = [l for l in lines[8:-1]]
        js = [json.loads(l) for l in open(f"{T}/{c}.{seed}.json")]
        if len(body) != len(js) or not body:
            err(f"{c}: {len(body)} conn.log rows, {len(js)} JSON records")
            continue
        uids = set()
        for l, j in zip(body, js):
            rows += 1
            v = l.split("\t")
            if len(v) != len(FIELDS):
                err(f"{c}: {len(v)} columns: {l!r}")
                continue
            r = dict(zip([f for f, _ in FIELDS], v))
            for (name, typ) in FIELDS:
                check_value(name, typ, r[name], c)
            w = f"{c} {r['uid']}"
            exp = {"ts": "%.6f" % j["start_epoch"], "id.orig_h": j["client"], "id.orig_p": str(j["client_port"]),
                   "id.resp_h": j["server"], "id.resp_p": str(j["server_port"]), "proto": "tcp",
                   "duration": "%.6f" % j["duration"], "conn_state": j["state"],
                   "history": j["history"] or "-", "orig_pkts": str(j["packets"][0]),
                   "resp_pkts": str(j["packets"][1]), "uid": j["uid"],
                   "community_id": cid(seed, j["client"], j["client_port"], j["server"], j["server_port"])}
            for k, e in exp.items():
                if r[k] != e:
                    err(f"{w}: {k} is {r[k]!r}, want {e!r}")
            if j["community_id"] != exp["community_id"]:
                err(f"{w}: JSON community_id {j['community_id']} != {exp['community_id']}")
            if not re.fullmatch(r"C[0-9A-Za-z]{10,20}", r["uid"]) or r["uid"] in uids:
                err(f"{w}: bad or repeated uid")
            uids.add(r["uid"])
            if r["conn_state"] not in STATES:
                err(f"{w}: conn_state {r['conn_state']} is not Zeek's")
            for d, key in ((0, "orig_bytes"), (1, "resp_bytes")):
                b = int(r[key])
                if b > j["bytes"][d]:
                    err(f"{w}: {key} {b} > payload bytes {j['bytes'][d]}")
                if j["retransmissions"][d] == 0 and j["keepalives"][d] == 0 and j["out_of_order"][d] == 0 and b != j["bytes"][d]:
                    err(f"{w}: {key} {b} != payload bytes {j['bytes'][d]} with nothing sent twice")
for e in errs:
    print("   ", e)
print(f"{rows} rows checked")
sys.exit(1 if errs or rows < 10 else 0)
PY
# the seed changes the ID, and the same flow keeps its ID in findings and per-packet records
a=$("$SYNACK" conns --json -r "$CAP/ana-loss5-sack.pcap" 2>/dev/null | sed -n '1s/.*"community_id":"\([^"]*\)".*/\1/p')
b=$("$SYNACK" diagnose --json -r "$CAP/ana-loss5-sack.pcap" 2>/dev/null | sed -n '1s/.*"community_id":"\([^"]*\)","connections".*/\1/p')
p=$("$SYNACK" --analyze --json -r "$CAP/ana-loss5-sack.pcap" 2>/dev/null | sed -n '1s/.*"community_id":"\([^"]*\)".*/\1/p')
s=$("$SYNACK" conns --json --community-id-seed 1 -r "$CAP/ana-loss5-sack.pcap" 2>/dev/null | sed -n '1s/.*"community_id":"\([^"]*\)".*/\1/p')
[ -n "$a" ] && [ "$a" = "$b" ] && [ "$a" = "$p" ] || fail "conn/finding/packet Community IDs differ: '$a' '$b' '$p'"
[ -n "$s" ] && [ "$s" != "$a" ] || fail "--community-id-seed 1 did not change the ID ('$s')"
"$SYNACK" diagnose --format zeek -r "$CAP/ana-loss5-sack.pcap" >/dev/null 2>&1; expect_fail_rc "diagnose --format zeek" $?
"$SYNACK" conns --community-id-seed 65536 -r "$CAP/ana-loss5-sack.pcap" >/dev/null 2>&1; expect_fail_rc "seed 65536" $?
"$SYNACK" conns --format csv -r "$CAP/ana-loss5-sack.pcap" >/dev/null 2>&1; expect_fail_rc "--format csv" $?
finish
