#!/usr/bin/env bash
# Progress line for long file reads: with stderr a terminal (script(1) gives
# one) conns, diagnose, -w and --count... show "synack: N% of the file, N pkt/s,
# M:SS elapsed, M:SS left" (SYNACK_PROGRESS_NOW=1 skips the first-second wait);
# never when stderr is not a terminal; never with --no-progress; and the
# line is cleared before the results (stdout unchanged).
. "$(dirname "$0")/../lib.sh"
need_synack
need_cmd script
make_big "$T/big.pcap" 300000 60 || die "could not make the capture"
export SYNACK_PROGRESS_NOW=1
re='synack: +[0-9]{1,3}% of the file, [0-9]+ pkt/s, [0-9]+:[0-9]{2} elapsed, ([0-9]+:[0-9]{2}|-) left'
for args in "conns -r $T/big.pcap" "diagnose -r $T/big.pcap" "-r $T/big.pcap -w $T/out.pcap"; do
    script -qec "$SYNACK $args" /dev/null >"$T/tty.out" 2>&1 </dev/null
    tr '\r' '\n' <"$T/tty.out" | grep -Eaq "$re" || { fail "no progress line on a terminal: synack $args"; head -c 600 "$T/tty.out" | cat -A; }
    grep -aq $'\r\e\\[K' "$T/tty.out" || fail "the progress line is not cleared: synack $args"
    script -qec "$SYNACK --no-progress $args" /dev/null >"$T/np.out" 2>&1 </dev/null
    tr '\r' '\n' <"$T/np.out" | grep -Eaq "$re" && fail "--no-progress still shows progress: synack $args"
    "$SYNACK" $args >"$T/plain.out" 2>"$T/plain.err"
    grep -Eaq "$re" "$T/plain.err" && fail "progress on stderr that is not a terminal: synack $args"
    grep -aq $'\r' "$T/plain.err" && fail "carriage return on stderr that is not a terminal: synack $args"
done
# the results are the same with and without the progress line
"$SYNACK" conns -r "$T/big.pcap" >"$T/a.out" 2>/dev/null
script -qec "$SYNACK conns -r $T/big.pcap 2>/dev/null" /dev/null </dev/null | tr -d '\r' >"$T/b.out"
cmp -s "$T/a.out" "$T/b.out" || fail "conns output differs under a terminal"
# printing packets to the terminal: no progress line mixed into them
script -qec "$SYNACK -nn -c 20000 -r $T/big.pcap" /dev/null >"$T/print.out" 2>&1 </dev/null
tr '\r' '\n' <"$T/print.out" | grep -Eaq "$re" && fail "progress shown while printing packets"
finish
