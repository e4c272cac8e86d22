# shellcheck shell=bash disable=SC2034
# tests/lib.sh - helpers shared by tests/errors/*.sh and tests/live/*.sh.
# Source it from a test script:  . "$(dirname "$0")/../lib.sh"
#
# Conventions (tests/run.sh relies on them):
#   exit 0  = pass, exit 77 = skipped, anything else = failed.
#   A skipped test prints "skip: REASON" (run.sh shows REASON).
#   A failing test prints "fail: WHAT" lines; run.sh shows the tail of the output.
#
# Environment:
#   SYNACK   the binary under test (default ./synack), made absolute here.
#   TOP      repository root (computed here if unset).

set -u
: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
: "${SYNACK:=$TOP/synack}"
case $SYNACK in /*) ;; *) SYNACK=$TOP/$SYNACK ;; esac
export TOP SYNACK TZ=UTC LC_ALL=C
CAP=$TOP/tests/captures
TCPDUMP=${TCPDUMP:-tcpdump}

# A private temporary directory, removed on exit (extend with add_cleanup).
T=$(mktemp -d "${TMPDIR:-/tmp}/synack-test.XXXXXX")
_cleanups=()
add_cleanup() { _cleanups+=("$1"); }
_run_cleanups() {
    local i
    for ((i = ${#_cleanups[@]} - 1; i >= 0; i--)); do eval "${_cleanups[i]}" >/dev/null 2>&1 || true; done
    rm -rf "$T"
}
trap _run_cleanups EXIT
trap 'exit 130' INT TERM

_failed=0
skip() { echo "skip: $*"; exit 77; }
fail() { echo "fail: $*"; _failed=1; }
die()  { echo "fail: $*"; exit 1; }
# finish: the last line of every test script.
finish() { exit "$_failed"; }

need_synack()  { [ -x "$SYNACK" ] || die "binary under test not found: $SYNACK (run make)"; }
need_tcpdump() { command -v "$TCPDUMP" >/dev/null 2>&1 || skip "tcpdump not installed"; }
# make_big OUT N SIZE: synthetic UDP pcap (python3, no scapy needed)
make_big() { python3 "$TOP/tests/errors/mkbig.py" "$@" 2>/dev/null || /usr/bin/python3 "$TOP/tests/errors/mkbig.py" "$@"; }
need_root()    { [ "$(id -u)" = 0 ] || skip "needs root"; }
need_cmd()     { command -v "$1" >/dev/null 2>&1 || skip "$1 not installed"; }

# Can we create network namespaces here? (root, iproute2, kernel/container support)
need_netns() {
    need_root
    need_cmd ip
    local probe="sa-probe-$$"
    ip netns add "$probe" >/dev/null 2>&1 || skip "cannot create network namespaces (ip netns add failed)"
    ip netns del "$probe" >/dev/null 2>&1
}

# show FILE [N]: print the first N lines of FILE, indented (diagnostics for failures).
show() { sed -n "1,${2:-10}p" "$1" | sed 's/^/    | /'; }

# expect_rc WHAT RC: RC must be non-zero (and not a crash/timeout).
expect_fail_rc() {
    local what=$1 rc=$2
    if [ "$rc" = 0 ]; then fail "$what: exit status 0, expected non-zero"
    elif [ "$rc" -ge 124 ]; then fail "$what: exit status $rc (timeout/crash/signal)"
    fi
}

# expect_one_line_error WHAT STDERRFILE: apart from tcpdump's informational
# banners ("reading from file ...", "listening on ..."), stderr holds exactly one
# non-empty line and it starts with "synack: " (tcpdump's "tcpdump: ").
# With ALLOW_USAGE=1 a usage text may come with it (tcpdump prints one after
# the error for a bad option): exactly one "synack: " line is then required.
expect_one_line_error() {
    local what=$1 f=$2 n
    grep -v -e '^reading from file ' -e '^listening on ' -e '^synack: listening on ' "$f" | grep . >"$f.msg"
    n=$(wc -l <"$f.msg")
    # a usage text may surround the error: keep only the "synack: " lines
    if [ "${ALLOW_USAGE:-0}" = 1 ]; then grep '^synack: ' "$f.msg" >"$f.msg2"; mv "$f.msg2" "$f.msg"; n=$(wc -l <"$f.msg"); fi
    if [ "$n" != 1 ]; then fail "$what: expected one error line on stderr, got $n:"; show "$f"; return; fi
    grep -q '^synack: ' "$f.msg" || { fail "$what: error line does not start with 'synack: '"; show "$f"; }
}

# expect_contains WHAT FILE TEXT...: FILE contains (fixed string, case-insensitive) one of TEXTs.
expect_contains() {
    local what=$1 f=$2 t; shift 2
    for t in "$@"; do grep -qiF -- "$t" "$f" && return 0; done
    fail "$what: expected one of [$*] in output:"; show "$f"
    return 1
}

# expect_same WHAT EXPECTED ACTUAL: files identical, else short diff.
expect_same() {
    if ! cmp -s "$2" "$3"; then
        fail "$1: output differs from tcpdump (- tcpdump, + synack):"
        diff "$2" "$3" | awk '
            /^[0-9]/ { if (hunks++ >= 3) exit; print "    | @" $0; next }
            /^</ { if (++m <= 4) print "    | -" substr($0, 3); next }
            /^>/ { if (++p <= 4) print "    | +" substr($0, 3); next }
            /^---/ { m = 0; p = 0 }' | cut -c1-300
        return 1
    fi
}

# bad_option WHAT KEY ARGS...: "synack ARGS" must fail (non-zero exit, no
# stdout) with one clear error line containing KEY.  tcpdump is run the same
# way first: it must fail too and print KEY, which keeps the test honest.
bad_option() {
    local what=$1 key=$2; shift 2
    local rc=0
    if command -v "$TCPDUMP" >/dev/null 2>&1; then
        timeout 20 "$TCPDUMP" "$@" </dev/null >"$T/ref.out" 2>"$T/ref.err" && {
            fail "$what: test bug: tcpdump accepted it"; return; }
        grep -qiF -- "$key" "$T/ref.err" || { fail "$what: test bug: tcpdump does not say '$key':"; show "$T/ref.err"; return; }
    fi
    timeout 20 "$SYNACK" "$@" </dev/null >"$T/out" 2>"$T/err" || rc=$?
    expect_fail_rc "$what" "$rc"
    [ -s "$T/out" ] && { fail "$what: unexpected output on stdout:"; show "$T/out" 3; }
    expect_one_line_error "$what" "$T/err"
    expect_contains "$what" "$T/err" "$key"
    return 0
}

# Wait (bounded) until command succeeds: wait_for TRIES SLEEP CMD...
wait_for() {
    local tries=$1 pause=$2 i; shift 2
    for ((i = 0; i < tries; i++)); do "$@" >/dev/null 2>&1 && return 0; sleep "$pause"; done
    return 1
}

# Count packets in a capture using tcpdump (the reference reader).
pcap_count() { "$TCPDUMP" -nn -r "$1" 2>/dev/null | wc -l; }

# A pair of network namespaces joined by a veth pair.  Sets NS_A NS_B IF_A IF_B
# IP_A IP_B; the caller must have called need_netns.  Deleted on exit.
# netns_pair SUBNET (1..254): addresses 10.199.SUBNET.1 and .2
netns_pair() {
    local sub=$1 id="$$"
    NS_A="sa-t$id-a"; NS_B="sa-t$id-b"
    IF_A="sa${id}a"; IF_B="sa${id}b"
    IF_A=${IF_A:0:15}; IF_B=${IF_B:0:15}
    IP_A="10.199.$sub.1"; IP_B="10.199.$sub.2"
    add_cleanup "ip netns del $NS_A"
    add_cleanup "ip netns del $NS_B"
    ip netns add "$NS_A" && ip netns add "$NS_B" || die "ip netns add failed"
    ip link add "$IF_A" netns "$NS_A" type veth peer name "$IF_B" netns "$NS_B" || die "veth creation failed"
    ip -n "$NS_A" addr add "$IP_A/24" dev "$IF_A"
    ip -n "$NS_B" addr add "$IP_B/24" dev "$IF_B"
    ip -n "$NS_A" link set lo up; ip -n "$NS_B" link set lo up
    ip -n "$NS_A" link set "$IF_A" up; ip -n "$NS_B" link set "$IF_B" up
    wait_for 50 0.1 eval "ip -n $NS_A link show $IF_A | grep -q LOWER_UP" || die "veth link did not come up"
}

# Start synack capturing in the background in namespace NS:
# start_capture NS IFACE OUTFILE STDERRFILE [extra args...]; sets CAP_PID.
# Waits (bounded) until synack reports it is listening.
start_capture() {
    local ns=$1 ifc=$2 out=$3 err=$4; shift 4
    ip netns exec "$ns" "$SYNACK" -i "$ifc" -w "$out" "$@" 2>"$err" &
    CAP_PID=$!
    add_cleanup "kill -KILL $CAP_PID"
    # "listening on IF, link-type ..." appears once the capture is open.
    if ! wait_for 100 0.1 grep -q "listening on" "$err"; then
        kill -0 "$CAP_PID" 2>/dev/null || { fail "synack exited early:"; show "$err"; return 1; }
        sleep 1   # no banner but still running; give it a moment
    fi
    sleep 0.3
}

# stop_pid PID SIGNAL WHAT: signal PID, wait (bounded, 10 s) for it to exit,
# SIGKILL it if it does not; sets STOP_RC to its exit status.
stop_pid() {
    local pid=$1 sig=$2 what=$3 i
    kill "-$sig" "$pid" 2>/dev/null
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        fail "$what did not exit within 10s of SIG$sig"; kill -KILL "$pid" 2>/dev/null
    fi
    STOP_RC=0; wait "$pid" || STOP_RC=$?
}

# stop_capture SIGNAL: stop the start_capture synack; sets CAP_RC.
stop_capture() { stop_pid "$CAP_PID" "$1" "synack (capture)"; CAP_RC=$STOP_RC; }
