#!/usr/bin/env bash
# tests/misc/clickhouse.sh - docs/clickhouse.md works against a real server
# (issue 14).  Starts Debian's clickhouse-server on 127.0.0.1 (free ports, data
# in this test's temp dir, a one-shard cluster "synack_cluster" pointing at
# itself, timezone UTC), runs the doc's CREATE statements, streams the records
# of every shipped lab capture in with the doc's own commands (capture.pcap
# replaced by each file, $CH by a client for this server), runs every
# "-- query:" of the doc and checks each answer equals the count computed
# from synack's own NDJSON of the same captures.  Stops the server (bounded).
# Skips (77) when clickhouse-server / clickhouse-client are not installed.
. "$(dirname "$0")/../lib.sh"
need_synack
need_cmd python3
command -v clickhouse-server >/dev/null 2>&1 || skip "clickhouse-server not installed (apt-get install clickhouse-server clickhouse-client)"
need_cmd clickhouse-client
DOC=$TOP/docs/clickhouse.md
[ -s "$DOC" ] || die "docs/clickhouse.md missing"

read -r PTCP PHTTP PINT < <(python3 -c '
import socket
ss = [socket.socket() for _ in range(3)]
for s in ss: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in ss])')
D=$T/ch
mkdir -p "$D/data" "$D/tmp" "$D/log"
cat >"$D/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$D/log/server.log</log><errorlog>$D/log/error.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <tcp_port>$PTCP</tcp_port>
  <http_port>$PHTTP</http_port>
  <interserver_http_port>$PINT</interserver_http_port>
  <path>$D/data/</path>
  <tmp_path>$D/tmp/</tmp_path>
  <user_files_path>$D/tmp/</user_files_path>
  <format_schema_path>$D/tmp/</format_schema_path>
  <users_config>$D/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <remote_servers>
    <synack_cluster>
      <shard><replica><host>127.0.0.1</host><port>$PTCP</port></replica></shard>
    </synack_cluster>
  </remote_servers>
</yandex>
EOF
cat >"$D/users.xml" <<'EOF'
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
EOF
(cd "$D" && exec clickhouse-server --config-file="$D/config.xml" >"$D/log/stdout" 2>&1) &
CH_PID=$!
add_cleanup "kill $CH_PID; sleep 1; kill -KILL $CH_PID"
CH="clickhouse-client --host 127.0.0.1 --port $PTCP --input_format_skip_unknown_fields=1 --insert_distributed_sync=1"
if ! wait_for 120 0.25 $CH -q "SELECT 1"; then
    show "$D/log/stdout"; show "$D/log/error.log"
    die "clickhouse-server did not answer within 30 s"
fi

# the doc's DDL, in order, extracted as the README's recipe does
awk '/^CREATE/{p=1} p{print} /;$/{p=0}' "$DOC" >"$T/ddl.sql"
[ "$(grep -c '^CREATE' "$T/ddl.sql")" -ge 7 ] || die "CREATE statements not found in the doc"
$CH --multiquery <"$T/ddl.sql" 2>"$T/err" || { show "$T/err"; die "the doc's CREATE statements failed"; }

# the doc's ingest commands for files, run on each lab capture
grep -E '^synack .*-r capture\.pcap .*\| \$CH' "$DOC" >"$T/cmds"
[ "$(wc -l <"$T/cmds")" -ge 3 ] || die "ingest commands not found in the doc"
n=0
for f in "$CAP"/lab-*.pcap; do
    n=$((n + 1))
    while IFS= read -r cmd; do
        cmd=${cmd//capture.pcap/\"\$F\"}
        cmd="\"\$SYNACK\"${cmd#synack}"
        F=$f SYNACK=$SYNACK CH=$CH bash -c "set -o pipefail; $cmd" 2>"$T/err" >/dev/null
        # diagnose exits 1/2 on findings: only the client's status matters
        # an empty stream (no connection or finding in this capture): client 18.x says "No data to insert"
        if grep -q 'Exception' "$T/err" && ! grep -q 'Code: 108' "$T/err"; then show "$T/err"; fail "ingest failed: $cmd ($f)"; fi
    done <"$T/cmds"
    "$SYNACK" conns --json -r "$f" 2>/dev/null >>"$T/conns.json"
    "$SYNACK" diagnose --json -r "$f" 2>/dev/null >>"$T/diag.json"
    "$SYNACK" --analyze --json -r "$f" 2>/dev/null >>"$T/packets.json"
done
[ $n -ge 10 ] || die "only $n lab captures"

# every example query, as the doc writes it
python3 - "$DOC" "$T" <<'PY'
import re, sys
for b in re.findall(r"```sql\n(.*?)```", open(sys.argv[1]).read(), re.S):
    m = re.match(r"-- query: (\S+)\n", b)
    if m:
        open(f"{sys.argv[2]}/q.{m.group(1)}.sql", "w").write(b)
PY
for q in retransmissions findings-per-hour states; do
    [ -s "$T/q.$q.sql" ] || { fail "query $q not in the doc"; continue; }
    $CH --format TSV <"$T/q.$q.sql" >"$T/got.$q" 2>"$T/err" || { show "$T/err"; fail "query $q failed"; }
done
for t in conns findings packet_tags; do
    $CH -q "SELECT count() FROM synack.$t" >"$T/count.$t" 2>/dev/null || fail "count $t"
done

python3 - "$T" <<'PY' || fail "ClickHouse answers differ from synack's counts (above)"
import collections, json, sys, time
T = sys.argv[1]
def recs(name):
    return [json.loads(l) for l in open(f"{T}/{name}.json") if l.startswith("{")]
conns, diag, pkts = recs("conns"), recs("diag"), recs("packets")
finds = [r for r in diag if r.get("type") == "finding"]
errs = []
def rows(q):
    return [l.split("\t") for l in open(f"{T}/got.{q}").read().splitlines()]
def same(q, want):
    got = rows(q)
    if got != want:
        errs.append(f"{q}: got {got[:5]} ... ({len(got)} rows), want {want[:5]} ... ({len(want)} rows)")
# servers with the most retransmissions
retx = collections.Counter()
for c in conns:
    retx[(c["server"], c["server_port"])] += sum(c["retransmissions"])
want = sorted(((s, p, n) for (s, p), n in retx.items() if n > 0), key=lambda x: (-x[2], x[0], x[1]))[:20]
same("retransmissions", [[s, str(p), str(n)] for s, p, n in want])
# findings per hour per server
per = collections.Counter()
for f in finds:
    if not f.get("first_time"):
        continue
    h = int(f["first_time"]) // 3600 * 3600
    per[(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(h)), f["server"] if f["server"] is not None else "-", f["id"])] += 1
same("findings-per-hour", [[h, s, i, str(n)] for (h, s, i), n in sorted(per.items())])
# connections by state
st = collections.Counter(c["state"] for c in conns)
same("states", [[s, str(n)] for s, n in sorted(st.items(), key=lambda x: (-x[1], x[0]))])
for t, n in (("conns", len(conns)), ("findings", len(finds)), ("packet_tags", len(pkts))):
    got = open(f"{T}/count.{t}").read().strip()
    if got != str(n):
        errs.append(f"{t}: {got} rows in ClickHouse, synack printed {n}")
for e in errs:
    print("   ", e)
print(f"{len(conns)} connections, {len(finds)} findings, {len(pkts)} packet records; "
      f"{len(rows('retransmissions'))} + {len(rows('findings-per-hour'))} + {len(rows('states'))} answer rows checked")
sys.exit(1 if errs or not conns or not finds or not rows("retransmissions") else 0)
PY
stop_pid "$CH_PID" TERM "clickhouse-server"
finish
