#!/usr/bin/env bash
# Soak (shortened for CI, about 35 s): `synack top --batch` and `synack diagnose -i`
# on a veth pair this test creates, flooded with many short connections (2000-4000
# a second) and a bulk transfer.  RSS of each is sampled every second and must stay
# flat after a 10 s warm-up: the mean of the last 5 samples may exceed the mean of
# samples 9-11 by less than SOAK_TOL_KIB (default 1536 KiB).
# Why that tolerance: after the warm-up the connections in the tracker stay about
# constant (closed ones leave 2 s after their last packet), but the kernel drops
# about 10% of the flood before the capture sees it, and a connection whose FIN or
# RST was dropped looks open until the 300 s idle timeout or the reuse of its port:
# a few hundred such records of 1.6 KiB each come and go (measured: 100-420 live,
# under 0.7 MiB), plus malloc's slack.  Flat runs grew 0-600 KiB; the bug this test
# guards against (closed connections held behind one open one) grew 2.6-4.3 MiB in
# the same 20 s.  The exact regression test of that bug is unit/test_flow_expiry.
# SOAK_SECONDS overrides 30 (at least 20).
. "$(dirname "$0")/../lib.sh"
need_synack
need_netns
need_cmd python3
secs=${SOAK_SECONDS:-30}
tol=${SOAK_TOL_KIB:-1536}
[ "$secs" -ge 20 ] 2>/dev/null || die "SOAK_SECONDS must be at least 20"
netns_pair 216
ip netns exec "$NS_A" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 2>/dev/null
ip netns exec "$NS_B" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 2>/dev/null
ip netns exec "$NS_A" ping -c 1 -W 2 "$IP_B" >/dev/null 2>&1 || die "no ping across the veth pair"
cat >"$T/srv.py" <<'PY'
import socket, sys, threading, time
end = time.time() + float(sys.argv[2])
def bulk():
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((sys.argv[1], 6001)); s.listen(1); s.settimeout(10)
    c, _ = s.accept()
    while time.time() < end:
        try: c.sendall(b"y" * 65536)
        except OSError: break
    c.close()
threading.Thread(target=bulk, daemon=True).start()
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((sys.argv[1], 6002)); s.listen(512); s.settimeout(1)
while time.time() < end:
    try: c, _ = s.accept()
    except OSError: continue
    try: c.sendall(b"hello\n")
    except OSError: pass
    c.close()
PY
cat >"$T/cli.py" <<'PY'
import socket, sys, threading, time
end = time.time() + float(sys.argv[2])
def bulk():
    c = socket.create_connection((sys.argv[1], 6001), timeout=10)
    while time.time() < end and c.recv(1 << 20): pass
threading.Thread(target=bulk, daemon=True).start()
n = 0
while time.time() < end:
    try:
        c = socket.create_connection((sys.argv[1], 6002), timeout=2); c.recv(100); c.close(); n += 1
    except OSError:
        time.sleep(0.01)
print(n)
PY
ip netns exec "$NS_A" timeout $((secs + 30)) "$SYNACK" top --batch -i "$IF_A" tcp >"$T/top.out" 2>"$T/top.err" &
tp=$!; add_cleanup "kill -INT $tp"
ip netns exec "$NS_A" timeout $((secs + 30)) "$SYNACK" diagnose -i "$IF_A" tcp >"$T/diag.out" 2>"$T/diag.err" &
dp=$!; add_cleanup "kill -INT $dp"
sleep 1
ip netns exec "$NS_B" timeout $((secs + 5)) python3 "$T/srv.py" "$IP_B" "$secs" & sp=$!; add_cleanup "kill $sp"
sleep 0.3
ip netns exec "$NS_A" timeout $((secs + 5)) python3 "$T/cli.py" "$IP_B" "$secs" >"$T/conns.n" & cp=$!; add_cleanup "kill $cp"
rss() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null; }
# the synack processes themselves (their command line starts with the binary, not with timeout or ip)
tpid=$(pgrep -n -f "^$SYNACK top --batch -i $IF_A"); dpid=$(pgrep -n -f "^$SYNACK diagnose -i $IF_A")
[ -n "$tpid" ] && [ -n "$dpid" ] || die "synack top / diagnose did not start"
# one sample a second by the clock (the flood loads the machine: sampling must not drift)
t0=${EPOCHREALTIME/./}
for ((i = 1; i <= secs; i++)); do
    echo "$(rss "$tpid") $(rss "$dpid")" >>"$T/rss"
    d=$((t0 + i * 1000000 - ${EPOCHREALTIME/./}))
    [ "$d" -gt 0 ] && sleep "$((d / 1000000)).$(printf %06d $((d % 1000000)))"
done
wait "$cp"
kill -INT "$tp" "$dp" 2>/dev/null; wait "$tp" "$dp" 2>/dev/null
echo "short connections made: $(cat "$T/conns.n")"
echo "RSS (KiB) top / diagnose, every second:"; tr '\n' ';' <"$T/rss"; echo
[ "$(cat "$T/conns.n")" -ge 100 ] 2>/dev/null || fail "the flood made only $(cat "$T/conns.n") connections"
check() { # check COLUMN NAME: the growth after the warm-up, means of a few samples
    local warm last n
    n=$(awk -v c="$1" '$c > 0' "$T/rss" | wc -l)
    [ "$n" -ge "$secs" ] || { fail "$2: only $n RSS samples of $secs (did it exit?)"; return; }
    warm=$(awk -v c="$1" 'NR >= 9 && NR <= 11 {s += $c} END {printf "%d", s / 3}' "$T/rss")
    last=$(awk -v c="$1" '{v[NR] = $c} END {for (i = NR - 4; i <= NR; i++) s += v[i]; printf "%d", s / 5}' "$T/rss")
    echo "$2: RSS after the warm-up (9-11 s) $warm KiB, at the end (last 5 s) $last KiB: growth $((last - warm)) KiB (tolerance $tol)"
    [ $((last - warm)) -lt "$tol" ] || fail "$2 grew by $((last - warm)) KiB after warm-up (tolerance $tol KiB)"
}
check 1 top
check 2 diagnose
grep -q '^synack top: ' "$T/top.out" || fail "top printed no snapshot"
grep -q "drops [0-9]" "$T/top.out" || fail "top does not report drops"
finish
