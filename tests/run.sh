#!/usr/bin/env bash
# tests/run.sh - the one test command.  Usage (from anywhere):
#     make && make unit && bash tests/run.sh [PATTERN]
#     SYNACK=./synack-asan bash tests/run.sh      # same suite, sanitizer build
# Runs: unit test binaries (build/tests/*), golden tests (tests/golden/*.list),
# tests/errors/*.sh and tests/live/*.sh.  Optional PATTERN (a grep -E regex)
# selects tests by name.  One line per test, then "N passed, N failed, N skipped".
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP" || exit 2
SYNACK=${SYNACK:-./synack}
case $SYNACK in /*) ;; *) SYNACK=$TOP/${SYNACK#./} ;; esac
export TOP SYNACK TZ=UTC LC_ALL=C
# sanitizer builds (SYNACK=./synack-asan): report, and fail, on the first error
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
PATTERN=${1:-}
VERBOSE=${VERBOSE:-0}

pass=0 failn=0 skipn=0
LOG=$(mktemp -d "${TMPDIR:-/tmp}/synack-run.XXXXXX")
trap 'rm -rf "$LOG"' EXIT

selected() { [ -z "$PATTERN" ] || echo "$1" | grep -qE -- "$PATTERN"; }
ok()    { pass=$((pass + 1));   echo "ok $1"; }
bad()   { failn=$((failn + 1)); echo "FAIL $1"; }
skipt() { skipn=$((skipn + 1)); echo "skip $1 ($2)"; }
# showdiff EXPECTED ACTUAL: the first differing lines, both sides (short).
showdiff() {
    diff "$1" "$2" | awk '
        /^[0-9]/ { if (hunks++ >= 3) exit; print "    @" $0; next }
        /^</ { if (++m <= 4) print "    -" substr($0, 3); next }
        /^>/ { if (++p <= 4) print "    +" substr($0, 3); next }
        /^---/ { m = 0; p = 0 }' | cut -c1-300
}
# indent the first N lines of a file under a FAIL line
detail() { sed -n "1,${2:-15}p" "$1" | sed 's/^/    /'; }

# ---- unit tests -------------------------------------------------------------
for src in tests/unit/*.c; do
    [ -e "$src" ] || continue
    name=$(basename "$src" .c)
    selected "unit/$name" || continue
    bin=build/tests/$name
    if [ ! -x "$bin" ]; then bad "unit/$name"; echo "    not built: run 'make unit'"; continue; fi
    rc=0; timeout 120 "$bin" >"$LOG/u.out" 2>&1 || rc=$?
    if [ "$rc" = 0 ]; then ok "unit/$name"
    elif [ "$rc" = 77 ]; then skipt "unit/$name" "$(tail -n1 "$LOG/u.out")"
    else bad "unit/$name"; echo "    exit status $rc"; tail -n 15 "$LOG/u.out" | sed 's/^/    /'; fi
done
# unit binaries without a source (stale) are ignored on purpose.

# ---- golden tests -----------------------------------------------------------
have_synack=1
[ -x "$SYNACK" ] || have_synack=0
for list in tests/golden/*.list; do
    [ -e "$list" ] || continue
    lineno=0
    while IFS= read -r line || [ -n "$line" ]; do
        lineno=$((lineno + 1))
        # comments are whole lines starting with '#' ('-#' is an option)
        trimmed=${line#"${line%%[![:space:]]*}"}
        case $trimmed in '#'*|'') continue ;; esac
        set -f
        # shellcheck disable=SC2086
        set -- $line
        set +f
        [ $# -ge 2 ] || { bad "golden/$list:$lineno"; echo "    malformed line: $line"; continue; }
        name=$1 pcap=$2; shift 2
        selected "golden/$name" || continue
        exp=tests/golden/$name.out
        if [ ! -f "$exp" ]; then bad "golden/$name"; echo "    missing $exp (run tests/golden/regen.sh)"; continue; fi
        if [ ! -f "tests/captures/$pcap" ]; then bad "golden/$name"; echo "    missing tests/captures/$pcap"; continue; fi
        if [ $have_synack = 0 ]; then bad "golden/$name"; echo "    $SYNACK not built"; continue; fi
        rc=0
        timeout 30 "$SYNACK" "$@" -r "tests/captures/$pcap" >"$LOG/g.out" 2>"$LOG/g.err" </dev/null || rc=$?
        if [ "$rc" -ge 124 ]; then
            bad "golden/$name"; echo "    exit status $rc (timeout or crash): synack $* -r tests/captures/$pcap"
            detail "$LOG/g.err" 8
        elif grep -qE 'ERROR: (Address|Leak|Memory)Sanitizer|runtime error: ' "$LOG/g.err"; then
            bad "golden/$name"; echo "    sanitizer report: synack $* -r tests/captures/$pcap"
            grep -m3 -E 'ERROR: |runtime error: |^    #[0-3] ' "$LOG/g.err" | cut -c1-200 | sed 's/^/    /'
        elif cmp -s "$exp" "$LOG/g.out"; then
            ok "golden/$name"
        else
            bad "golden/$name"
            echo "    synack $* -r tests/captures/$pcap  (- tcpdump, + synack)"
            showdiff "$exp" "$LOG/g.out"
            [ -s "$LOG/g.err" ] && { echo "    stderr:"; detail "$LOG/g.err" 3; }
        fi
    done <"$list"
done

# ---- script tests -----------------------------------------------------------
# A script may ask for a longer limit with a line "# timeout: SECONDS" near its top.
for script in tests/lint.sh tests/errors/*.sh tests/live/*.sh tests/analysis/*.sh tests/lab/*.sh tests/corpus/*.sh tests/compare/*.sh tests/fuzz/*.sh tests/faults/*.sh tests/diag/*.sh tests/decode/*.sh tests/misc/*.sh tests/report/*.sh tests/top/*.sh; do
    [ -f "$script" ] || continue
    name=${script#tests/}; name=${name%.sh}
    selected "$name" || continue
    tmo=$(sed -n '1,10s/^# timeout: *\([0-9][0-9]*\).*/\1/p' "$script" | head -n1)
    tmo=${tmo:-120}
    rc=0
    timeout -k 5 "$tmo" bash "$script" >"$LOG/s.out" 2>&1 </dev/null || rc=$?
    case $rc in
    0)  ok "$name"
        [ "$VERBOSE" = 1 ] && detail "$LOG/s.out" 30 ;;
    77) reason=$(grep -m1 '^skip: ' "$LOG/s.out" | sed 's/^skip: //')
        skipt "$name" "${reason:-no reason given}" ;;
    *)  bad "$name"
        [ "$rc" = 124 ] && echo "    timed out after ${tmo}s"
        if grep -q '^fail: ' "$LOG/s.out"; then
            grep -A 12 '^fail: ' "$LOG/s.out" | head -n 30 | sed 's/^/    /'
        else
            echo "    exit status $rc"; tail -n 15 "$LOG/s.out" | sed 's/^/    /'
        fi ;;
    esac
done

echo "$pass passed, $failn failed, $skipn skipped"
[ "$failn" = 0 ]
