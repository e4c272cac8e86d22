#!/usr/bin/env bash
# synack top --ring-seconds: w writes the connection's last N seconds.  On
# tests/captures/top-slow.pcap (one connection of 9.07 s: a request every
# 0.3 s, each acknowledged 0.02 s later; top-make-captures.py) replayed at
# --speed 0 in tmux: with --ring-seconds 2 the file tcpdump reads holds the 15
# packets within 2 s of the last one (7.25 s .. 9.07 s); with --ring 4 the
# packet cap wins and 4 packets are written; bad --ring-seconds values are refused.
# Deterministic: capture times only.
. "$(dirname "$0")/../lib.sh"
need_synack
command -v tmux >/dev/null || skip "tmux not installed"
command -v "$TCPDUMP" >/dev/null || skip "tcpdump not installed"
S=
pane() { tmux -L "$S" capture-pane -p -t top; }
wait_for() {
    local i
    for ((i = 0; i < 50; i++)); do pane | grep -Eq -- "$1" && return 0; sleep 0.1; done
    echo "--- screen:"; pane; return 1
}
keys() { tmux -L "$S" send-keys -t top "$@"; }
cd "$T" || die "no tmp dir"

# run OPTIONS...: replay the capture, press w on the only row, quit; the file is $T/DIR/*.pcap
run() {
    local dir=$1; shift
    mkdir -p "$T/$dir" && cd "$T/$dir" || die "no dir"
    S="synack-ring-$$-$dir"         # a tmux server of its own for each run
    add_cleanup "tmux -L $S kill-server"
    tmux -L "$S" new-session -d -s top -x 100 -y 24 "$SYNACK top -r $CAP/top-slow.pcap --speed 0 $*; echo EXITED rc=\$?; sleep 30" ||
        die "tmux did not start"
    wait_for 'end of file' || die "$dir: no end-of-file screen"
    wait_for '^10\.0\.7\.1:40123 10\.0\.7\.2:8080 ' || die "$dir: no row for the connection"
    keys w
    wait_for 'wrote [0-9]+ packets to synack-top-40123-' || fail "$dir: w did not report the file"
    pane | grep 'wrote ' >msg; sed 's/^/    /' msg
    keys q; wait_for 'EXITED rc=0' || fail "$dir: q did not quit with status 0"
    tmux -L "$S" kill-server
    f=$(ls synack-top-40123-*.pcap 2>/dev/null | head -1)
    [ -n "$f" ] || die "$dir: w wrote no file"
    "$TCPDUMP" -nn -tt -r "$f" >tcpd.out 2>tcpd.err || fail "$dir: tcpdump cannot read $f: $(cat tcpd.err)"
    cd "$T" || die "no tmp dir"
}

# a bad window is one error line and status 1
for bad in 0 -1 x nan; do
    rc=0; "$SYNACK" top -r "$CAP/top-slow.pcap" --batch --ring-seconds "$bad" >bad.out 2>bad.err || rc=$?
    [ "$rc" = 1 ] && grep -qx "synack: top: bad --ring-seconds '$bad'" bad.err ||
        fail "--ring-seconds $bad: status $rc, stderr: $(cat bad.err)"
done

run win --ring-seconds 2
n=$(wc -l <win/tcpd.out)
[ "$n" = 15 ] || fail "--ring-seconds 2: tcpdump read $n packets, expected 15"
# every packet within 2 s of the last one, and the first one older than 1.7 s before it
awk 'NR == 1 {first = $1} {t[NR] = $1} END {last = t[NR]
        for (i = 1; i <= NR; i++) if (last - t[i] > 2.0) { print "packet " i " is " last - t[i] " s before the last"; bad = 1 }
        if (last - first < 1.7) { print "the window spans only " last - first " s"; bad = 1 }
        exit bad}' win/tcpd.out || fail "--ring-seconds 2: packets outside the window"
grep -q 'Flags \[F\.\]' win/tcpd.out || fail "--ring-seconds 2: the FINs are missing"
grep -q 'wrote 15 packets to synack-top-40123-0.pcap (1.820 s of the last 2)' win/msg || fail "--ring-seconds 2: message: $(cat win/msg)"

run cap --ring-seconds 60 --ring 4
n=$(wc -l <cap/tcpd.out)
[ "$n" = 4 ] || fail "--ring 4: tcpdump read $n packets, expected 4"
grep -q 'wrote 4 packets .*ring full' cap/msg || fail "--ring 4: message: $(cat cap/msg)"
tail -n 1 cap/tcpd.out | grep -q '^1764500009\.070000 ' || fail "--ring 4: the last packet written is not the connection's last"

run def
n=$(wc -l <def/tcpd.out)
[ "$n" = 64 ] || fail "defaults (60 s, 64 packets): tcpdump read $n packets, expected 64 (of 66)"
finish
