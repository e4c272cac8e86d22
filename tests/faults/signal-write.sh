#!/usr/bin/env bash
# timeout: 200
# tests/faults/signal-write.sh - SIGINT, SIGTERM and SIGHUP at random moments
# while "synack -r BIG -w OUT" is writing (with and without -U, and with -C
# rotation): synack exits 0 like tcpdump, every file it leaves is a valid
# capture that tcpdump reads to the end without a truncation error, and the
# packets in it are the first packets of the input, in order.
. "$(dirname "$0")/../lib.sh"
# As root, synack (like Debian's tcpdump) drops to an unprivileged user after opening
# its files; rotation creates new files in root-only temp dirs, so keep root here.
ZR=; [ "$(id -u)" = 0 ] && ZR="-Z root"
need_synack
need_tcpdump
make_big "$T/big.pcap" 300000 200 || die "mkbig failed"
total=300000
# the first packets' IP ids, to check what was written is a prefix of the input
RANDOM=$$
n=0
for round in 1 2 3 4 5 6 7 8 9; do
    case $((round % 3)) in 0) sig=INT ;; 1) sig=TERM ;; 2) sig=HUP ;; esac
    extra=()
    [ $round -gt 3 ] && extra=(-U)
    [ $round -gt 6 ] && extra=(-C 5)
    rm -f "$T"/out*
    "$SYNACK" $ZR -r "$T/big.pcap" -w "$T/out" "${extra[@]}" >"$T/stdout" 2>"$T/err" &
    pid=$!
    # a random moment within the first ~0.4 s (the whole file takes longer; -C is slower)
    ms=$((RANDOM % 400)); [ $round -gt 6 ] && ms=$((RANDOM % 150))
    sleep "0.$(printf '%03d' $ms)"
    stop_pid "$pid" "$sig" "synack -r -w ${extra[*]}"
    [ "$STOP_RC" = 0 ] || { fail "round $round (SIG$sig ${extra[*]}): exit status $STOP_RC (tcpdump exits 0)"; show "$T/err"; }
    # tcpdump -w FILE writes nothing at all on stdout, interrupted or not
    [ -s "$T/stdout" ] && fail "round $round (SIG$sig): $(wc -c <"$T/stdout") byte(s) on stdout ($(od -An -c "$T/stdout" | head -c 40)); tcpdump prints none with -w FILE"
    got=0
    for f in "$T"/out*; do
        [ -f "$f" ] || continue
        "$TCPDUMP" -nn -r "$f" >"$T/read.txt" 2>"$T/read.err"
        rc=$?
        [ "$rc" = 0 ] || { fail "round $round (SIG$sig ${extra[*]}): tcpdump -r $(basename "$f"): exit $rc"; show "$T/read.err"; }
        grep -qi 'truncated' "$T/read.err" && { fail "round $round: $(basename "$f") ends in a truncated record"; show "$T/read.err"; }
        c=$(wc -l <"$T/read.txt")
        got=$((got + c))
    done
    # in order, no gaps: the last packet written is packet number $got (ids count from 0)
    if [ "$got" -gt 0 ]; then
        last=$(ls "$T"/out* | sort -V | tail -n 1)
        id=$("$TCPDUMP" -nn -v -r "$last" 2>/dev/null | grep -o 'id [0-9]*' | tail -n 1 | cut -d' ' -f2)
        [ "$id" = $(((got - 1) & 0xffff)) ] || fail "round $round: $got packets written but the last has IP id $id (lost or reordered)"
    fi
    [ "$got" -le "$total" ] || fail "round $round: more packets ($got) than the input"
    echo "round $round SIG$sig ${extra[*]}: $got packets in $(ls "$T"/out* | wc -l) file(s), valid"
    n=$((n + 1))
done

# live on a veth pair: traffic flowing, a signal at a random moment
if [ "$(id -u)" = 0 ] && ip netns add "sa-probe-$$" 2>/dev/null; then
    ip netns del "sa-probe-$$"
    netns_pair 76
    for sig in INT TERM HUP; do
        rm -f "$T/live.pcap"
        start_capture "$NS_B" "$IF_B" "$T/live.pcap" "$T/live.err" udp || continue
        # bounded sender: at most 20000 datagrams or 3 s
        ip netns exec "$NS_A" /usr/bin/python3 -c '
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
end = time.time() + 3
for i in range(20000):
    if time.time() > end: break
    s.sendto(b"y" * 500, (sys.argv[1], 9999))
    time.sleep(0.0001)' "$IP_B" >/dev/null 2>&1 &
        snd=$!
        sleep "0.$(printf '%03d' $((RANDOM % 900 + 100)))"
        stop_capture "$sig"
        wait "$snd" 2>/dev/null
        [ "$CAP_RC" = 0 ] || fail "live SIG$sig: exit status $CAP_RC"
        cap=$(sed -n 's/^\([0-9]*\) packets\? captured$/\1/p' "$T/live.err")
        grep -q 'received by filter' "$T/live.err" && grep -q 'dropped by kernel' "$T/live.err" ||
            { fail "live SIG$sig: statistics missing"; show "$T/live.err"; }
        "$TCPDUMP" -nn -r "$T/live.pcap" >"$T/read.txt" 2>"$T/read.err"
        rc=$?
        [ "$rc" = 0 ] || { fail "live SIG$sig: tcpdump -r: exit $rc"; show "$T/read.err"; }
        grep -qi truncated "$T/read.err" && fail "live SIG$sig: the file ends in a truncated record"
        inf=$(wc -l <"$T/read.txt")
        [ "$inf" = "${cap:-x}" ] || fail "live SIG$sig: $inf packets in the file, '$cap' captured reported"
        echo "live SIG$sig: $inf packets, file valid, statistics printed"
    done
fi
finish
