#!/usr/bin/env bash
# timeout: 120
# tests/faults/rotation.sh - -C / -G / -W rotation: every file is a valid
# capture on its own (tcpdump reads it to the end, no truncation), and no
# packet is lost or doubled between files: with -C the files hold exactly the
# input packets, in order; with -C -W the ring keeps the newest files, each
# complete; with -G on a live capture the packets in all files add up to the
# "packets captured" count synack reports.
. "$(dirname "$0")/../lib.sh"
# As root, synack (like Debian's tcpdump) drops to an unprivileged user after opening
# its files; rotation creates new files in root-only temp dirs, so keep root here.
ZR=; [ "$(id -u)" = 0 ] && ZR="-Z root"
need_synack
need_tcpdump
N=20000
make_big "$T/in.pcap" $N 300 || die "mkbig failed"

# check_files WHAT FILES...: each valid; prints the packet total; ids in order across files
check_files() {
    local what=$1 f rc sum=0; shift
    : >"$T/ids"
    for f in "$@"; do
        "$TCPDUMP" -nn -v -r "$f" >"$T/r.txt" 2>"$T/r.err"
        rc=$?
        [ "$rc" = 0 ] || { fail "$what: tcpdump -r $(basename "$f"): exit $rc"; show "$T/r.err"; }
        grep -qi truncated "$T/r.err" && fail "$what: $(basename "$f") ends in a truncated record"
        grep -o ', id [0-9]*' "$T/r.txt" | cut -d' ' -f3 >>"$T/ids"
    done
    wc -l <"$T/ids"
}

# -C 1: 1,000,000-byte files; ~330 byte records -> about 7 files
mkdir "$T/c"
"$SYNACK" $ZR -r "$T/in.pcap" -w "$T/c/out" -C 1 2>"$T/err" || { fail "-C 1: exit status $?"; show "$T/err"; }
mapfile -t files < <(ls "$T/c"/out* | sort -V)
[ "${#files[@]}" -ge 5 ] || fail "-C 1: only ${#files[@]} file(s)"
got=$(check_files "-C 1" "${files[@]}")
[ "$got" = "$N" ] || fail "-C 1: $got packets in ${#files[@]} files, input has $N"
seq 0 $((N - 1)) | awk '{print $1 % 65536}' >"$T/want"
cmp -s "$T/want" "$T/ids" || fail "-C 1: packets across the files are not the input in order"
for f in "${files[@]}"; do
    sz=$(stat -c %s "$f")
    [ "$sz" -le 1000400 ] || fail "-C 1: $(basename "$f") is $sz bytes (more than one record past 1,000,000)"
done
echo "-C 1: $got packets in ${#files[@]} files, in order"

# -C 1 -W 3: a ring of 3 files, each valid, together the newest packets in order
mkdir "$T/w"
"$SYNACK" $ZR -r "$T/in.pcap" -w "$T/w/out" -C 1 -W 3 2>"$T/err" || { fail "-C 1 -W 3: exit status $?"; show "$T/err"; }
mapfile -t wfiles < <(ls "$T/w"/out*)
[ "${#wfiles[@]}" = 3 ] || fail "-C 1 -W 3: ${#wfiles[@]} files, expected 3"
# the same set of names and sizes as tcpdump makes
mkdir "$T/wt"
zroot=(); [ "$(id -u)" = 0 ] && zroot=(-Z root)   # Debian's tcpdump drops to user tcpdump
"$TCPDUMP" "${zroot[@]}" -r "$T/in.pcap" -w "$T/wt/out" -C 1 -W 3 2>/dev/null
(cd "$T/w" && for f in *; do echo "$f $(stat -c %s "$f")"; done) >"$T/w.ls"
(cd "$T/wt" && for f in *; do echo "$f $(stat -c %s "$f")"; done) >"$T/wt.ls"
expect_same "-C 1 -W 3: file names and sizes" "$T/wt.ls" "$T/w.ls"
for f in "${wfiles[@]}"; do
    check_files "-C 1 -W 3" "$f" >/dev/null
    cmp -s "$f" "$T/wt/$(basename "$f")" || fail "-C 1 -W 3: $(basename "$f") differs from tcpdump's"
done
echo "-C 1 -W 3: ${#wfiles[@]} files, same as tcpdump's"

# -G 1 live: traffic for ~3.5 s, files every second
if [ "$(id -u)" = 0 ] && ip netns add "sa-probe-$$" 2>/dev/null; then
    ip netns del "sa-probe-$$"
    netns_pair 73
    mkdir "$T/g"
    start_capture "$NS_A" "$IF_A" "$T/g/g-%s.pcap" "$T/g.err" $ZR -G 1 udp || finish
    ip netns exec "$NS_A" /usr/bin/python3 - "$IP_B" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
end = time.time() + 3.5
n = 0
while time.time() < end and n < 20000:
    s.sendto(b'x' * 100, (sys.argv[1], 9999)); n += 1
    time.sleep(0.001)
PY
    sleep 1.5
    stop_capture INT
    [ "$CAP_RC" = 0 ] || fail "-G 1: exit status $CAP_RC"
    captured=$(sed -n 's/^\([0-9]*\) packets\? captured$/\1/p' "$T/g.err")
    mapfile -t gfiles < <(ls "$T/g"/g-*.pcap | sort)
    [ "${#gfiles[@]}" -ge 3 ] || fail "-G 1: ${#gfiles[@]} file(s) for ~4 s of traffic"
    sum=0
    for f in "${gfiles[@]}"; do sum=$((sum + $(check_files "-G 1" "$f"))); done
    [ -n "$captured" ] && [ "$sum" = "$captured" ] || { fail "-G 1: files hold $sum packets, synack says '$captured' captured"; show "$T/g.err"; }
    echo "-G 1: $sum packets in ${#gfiles[@]} files = $captured captured"
else
    echo "-G 1 live part skipped (needs root and network namespaces)"
fi
finish
