#!/usr/bin/env bash
# tests/lab/score.sh - score `synack diagnose` against the lab's expectations
# (no root, offline).  For every row of every tests/lab/expect-*.tsv
#     scenario  point  first  allowed
# it runs `synack diagnose --json` on tests/captures/lab-SCENARIO-POINT.pcap
# (point "pair": -r lab-SCENARIO-client.pcap -r lab-SCENARIO-server.pcap),
# takes the first top-level finding id ("none" when there is none), checks
# that every other id (top-level, and nested under "consequences") is in
# "allowed" (comma-separated, "-" for none) or is the expected first id again, and prints a table and
# "score: N/M".  A missing capture fails its row ("missing").
# Exit 0 only when every row passes (2 on bad usage / no rows).
#
#   bash tests/lab/score.sh [-d CAPDIR] [-s SCENARIO] [-v] [TSV...]
#     -d  read the captures from CAPDIR (default tests/captures)
#     -s  only the rows of SCENARIO (the live scripts use this: lab_expect)
#     -v  show the ids found for every row, not only the failing ones
# tests/run.sh runs it too (as lab/score): it fails until diagnose meets
# every expectation.  The live tests/lab/*.sh call it through lab_expect.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
SYNACK=${SYNACK:-$TOP/synack}
case $SYNACK in /*) ;; *) SYNACK=$TOP/$SYNACK ;; esac
capdir=$TOP/tests/captures scen='' verbose=0
while getopts d:s:v o; do
    case $o in
        d) capdir=$OPTARG ;;
        s) scen=$OPTARG ;;
        v) verbose=1 ;;
        *) echo "usage: score.sh [-d CAPDIR] [-s SCENARIO] [-v] [TSV...]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || set -- "$TOP"/tests/lab/expect-*.tsv
[ -x "$SYNACK" ] || { echo "score.sh: $SYNACK not found (run make)" >&2; exit 2; }
PY=$(command -v python3 || echo /usr/bin/python3)
exec "$PY" - "$SYNACK" "$capdir" "$scen" "$verbose" "$@" <<'PYEOF'
import json
import os
import subprocess
import sys

synack, capdir, only, verbose = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
tsvs = sys.argv[5:]


def rows():
    for path in tsvs:
        try:
            f = open(path, encoding="utf-8")
        except OSError as e:
            sys.exit("score.sh: %s: %s" % (path, e.strerror))
        with f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) != 4 or not all(c.strip() for c in cols):
                    sys.exit("score.sh: %s:%d: want 4 tab-separated columns: %r" % (path, n, line))
                yield [c.strip() for c in cols]


def ids_of(obj, top, nested):
    """Collect the finding ids: top-level ones in order, nested consequences."""
    for c in obj.get("consequences") or []:
        if isinstance(c, dict) and isinstance(c.get("id"), str):
            nested.append(c["id"])
            ids_of(c, top, nested)


def judge(scenario, point):
    """Returns (first, others, error): error is None or a short reason."""
    if point == "pair":
        files = [os.path.join(capdir, "lab-%s-%s.pcap" % (scenario, s)) for s in ("client", "server")]
    else:
        files = [os.path.join(capdir, "lab-%s-%s.pcap" % (scenario, point))]
    for f in files:
        if not os.path.isfile(f):
            return None, [], "missing"
    cmd = [synack, "diagnose", "--json"]
    for f in files:
        cmd += ["-r", f]
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=60)
    except subprocess.TimeoutExpired:
        return None, [], "timeout"
    top, nested, summary = [], [], None
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        if not line.strip():
            continue
        try:
            o = json.loads(line)
        except ValueError:
            return None, [], "bad JSON line"
        if not isinstance(o, dict):
            return None, [], "bad JSON object"
        if o.get("summary") is True:
            summary = o
            continue
        if isinstance(o.get("id"), str):
            top.append(o["id"])
            ids_of(o, top, nested)
    if p.returncode not in (0, 1) or summary is None:
        return None, [], "diagnose exit %d" % p.returncode
    if not top and p.returncode != 0:
        return None, [], "exit %d without findings" % p.returncode
    first = top[0] if top else "none"
    return first, top[1:] + nested, None


results = []
for scenario, point, first, allowed in rows():
    if only and scenario != only:
        continue
    allow = set() if allowed == "-" else {a.strip() for a in allowed.split(",") if a.strip()}
    allow.add(first)   # the root finding may come again (other connections)
    got, others, err = judge(scenario, point)
    if err:
        ok, note = False, err
    else:
        bad = sorted({i for i in others if i not in allow})
        ok = got == first and not bad
        note = ""
        if bad:
            note = "not allowed: " + ",".join(bad)
        if verbose or not ok:
            rest = ",".join(others) if others else "-"
            note = (note + "; " if note else "") + "others: " + rest
    results.append((scenario, point, first, got or "-", ok, note))

if not results:
    print("score.sh: no expectation rows%s" % (" for scenario " + only if only else ""))
    sys.exit(2)
w1 = max(8, max(len(r[0]) for r in results))
w3 = max(8, max(len(r[2]) for r in results))
w4 = max(3, max(len(r[3]) for r in results))
print("%-*s %-6s  %-*s %-*s %s" % (w1, "scenario", "point", w3, "expected", w4, "got", "ok"))
for s, pt, exp, got, ok, note in results:
    print("%-*s %-6s  %-*s %-*s %s%s" % (w1, s, pt, w3, exp, w4, got, "ok" if ok else "FAIL",
                                         "  (" + note + ")" if note else ""))
n = sum(1 for r in results if r[4])
print("score: %d/%d" % (n, len(results)))
sys.exit(0 if n == len(results) else 1)
PYEOF
