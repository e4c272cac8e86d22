#!/usr/bin/env bash
# timeout: 120
# tests/faults/sandbox.sh - the sandbox synack enters once its input and
# output are open (src/sandbox.c):
#  - a forbidden call is refused: SYNACK_SANDBOX_SELFTEST=1 makes synack try
#    socket(AF_PACKET) and execve() after entering; both must fail with EPERM;
#  - reading, printing (with -n: /etc/services, with -nn: no files at all),
#    -w, -C and -G rotation and live capture all still work and give the
#    same output as with the sandbox off (SYNACK_NO_SANDBOX=1);
#  - /proc/PID/status of a running synack shows no capabilities,
#    NoNewPrivs 1 and a seccomp filter.
. "$(dirname "$0")/../lib.sh"
# As root, synack (like Debian's tcpdump) drops to an unprivileged user after opening
# its files; rotation creates new files in root-only temp dirs, so keep root here.
ZR=; [ "$(id -u)" = 0 ] && ZR="-Z root"
need_synack
[ "$(uname -s)" = Linux ] || skip "the sandbox is Linux-only"
C=$CAP/core-http.pcap
SYNACK_SANDBOX_SELFTEST=1 "$SYNACK" -nn -c 1 -r "$C" >/dev/null 2>"$T/self.err" || fail "selftest run: exit status $?"
if grep -q 'seccomp off in sanitizer builds' "$T/self.err"; then
    skip "sanitizer build: seccomp filter is not installed"
fi
grep -qx 'sandbox selftest: socket: Operation not permitted; execve: Operation not permitted' "$T/self.err" ||
    { fail "forbidden calls were not refused:"; show "$T/self.err"; }

# same output with and without the sandbox
for opts in "-nn" "-n -v" "-nn -e -x" "-nn -tttt" "-nn --analyze"; do
    # shellcheck disable=SC2086
    SYNACK_NO_SANDBOX=1 "$SYNACK" $ZR $opts -r "$C" >"$T/ref.out" 2>"$T/ref.err"
    # shellcheck disable=SC2086
    "$SYNACK" $ZR $opts -r "$C" >"$T/got.out" 2>"$T/got.err" || fail "$opts: exit status $?"
    expect_same "sandboxed synack $opts vs unsandboxed" "$T/ref.out" "$T/got.out"
    cmp -s "$T/ref.err" "$T/got.err" || { fail "$opts: stderr differs"; show "$T/got.err"; }
done
if [ -f "$CAP/link-sll2.pcap" ]; then   # interface names: if_indextoname() under the sandbox
    SYNACK_NO_SANDBOX=1 "$SYNACK" -nn -e -r "$CAP/link-sll2.pcap" >"$T/ref.out" 2>&1
    "$SYNACK" -nn -e -r "$CAP/link-sll2.pcap" >"$T/got.out" 2>&1
    expect_same "sandboxed synack, Linux cooked v2" "$T/ref.out" "$T/got.out"
fi
for mode in conns diagnose; do
    SYNACK_NO_SANDBOX=1 "$SYNACK" $mode -r "$CAP/ana-loss5-sack.pcap" >"$T/ref.out" 2>&1
    "$SYNACK" $mode -r "$CAP/ana-loss5-sack.pcap" >"$T/got.out" 2>&1
    expect_same "sandboxed synack $mode" "$T/ref.out" "$T/got.out"
done

# -w and rotation
make_big "$T/big.pcap" 8000 300 || die "mkbig failed"
"$SYNACK" -r "$T/big.pcap" -w "$T/w.pcap" 2>"$T/err" || { fail "-w: exit $?"; show "$T/err"; }
cmp -s "$T/big.pcap" "$T/w.pcap" || fail "-w under the sandbox: the copy differs from the input"
mkdir "$T/c"
"$SYNACK" $ZR -r "$T/big.pcap" -w "$T/c/out" -C 1 2>"$T/err" || { fail "-C 1: exit $?"; show "$T/err"; }
[ "$(ls "$T/c" | wc -l)" -ge 2 ] || fail "-C 1 under the sandbox made $(ls "$T/c" | wc -l) file(s)"
mkdir "$T/g"
"$SYNACK" $ZR -r "$T/big.pcap" -w "$T/g/g-%s" -G 1 2>"$T/err" || { fail "-G 1: exit $?"; show "$T/err"; }
[ "$(ls "$T/g" | wc -l)" -ge 1 ] || fail "-G 1 under the sandbox made no file"

# live, and what the kernel says about the running process
if [ "$(id -u)" = 0 ] && ip netns add "sa-probe-$$" 2>/dev/null; then
    ip netns del "sa-probe-$$"
    netns_pair 75
    start_capture "$NS_A" "$IF_A" "$T/live.pcap" "$T/live.err" icmp || finish
    ip netns exec "$NS_A" ping -c 3 -i 0.2 -W 1 "$IP_B" >/dev/null 2>&1 || fail "ping failed"
    st=/proc/$CAP_PID/status
    grep -q '^Seccomp:[[:space:]]*2' "$st" || { fail "live synack has no seccomp filter:"; grep -E 'Seccomp|NoNewPrivs|Cap' "$st" | sed 's/^/    | /'; }
    grep -q '^NoNewPrivs:[[:space:]]*1' "$st" || fail "live synack: NoNewPrivs is not set"
    grep -q '^CapEff:[[:space:]]*0*$' "$st" || fail "live synack still has capabilities: $(grep CapEff "$st")"
    sleep 1.2
    stop_capture INT
    [ "$CAP_RC" = 0 ] || fail "live: exit status $CAP_RC"
    grep -q 'packets captured' "$T/live.err" || { fail "live: no statistics"; show "$T/live.err"; }
    grep -qi 'not permitted' "$T/live.err" && { fail "live: a call was refused:"; show "$T/live.err"; }
    n=$(pcap_count "$T/live.pcap")
    [ "$n" -ge 6 ] || fail "live: $n packets in the file (3 pings = 6 packets)"
    echo "live: $n packets, seccomp on, no capabilities"
fi
finish
