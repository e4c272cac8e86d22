#!/usr/bin/env bash
# tests/faults/headers.sh - odd capture-file headers and records (made by
# mkodd.py): zero-length and header-only files, snaplen 0 / tiny / huge,
# nanosecond files in both byte orders, far-future and overflowing
# timestamps, caplen 0 / > snaplen / > len, files cut inside a record, other
# pcap versions and link types.  For each, synack must print exactly what
# tcpdump prints (stdout byte for byte, the same exit status, and stderr the
# same apart from the program name), with the fast reader and with libpcap's,
# and must not crash.  So messages are as clear as tcpdump's and every
# complete packet before a broken one is still printed.
. "$(dirname "$0")/../lib.sh"
need_synack
need_tcpdump
/usr/bin/python3 "$TOP/tests/faults/mkodd.py" "$T" || die "mkodd.py failed"
for f in "$T"/*.pcap; do
    name=$(basename "$f" .pcap)
    for opts in "-nn" "-nn -v -e -tttt" "-nn --nano -tt"; do
        # shellcheck disable=SC2086
        timeout 20 "$TCPDUMP" -# $opts -r "$f" >"$T/exp.out" 2>"$T/exp.err"
        erc=$?
        sed 's/^tcpdump: /synack: /' "$T/exp.err" >"$T/exp.err2"
        for fast in "" 1; do
            # shellcheck disable=SC2086
            SYNACK_NO_FASTREAD=$fast timeout 20 "$SYNACK" -# $opts -r "$f" >"$T/got.out" 2>"$T/got.err"
            rc=$?
            what="$name ($opts${fast:+, libpcap reader})"
            [ "$rc" -ge 124 ] && { fail "$what: exit status $rc (crash/timeout)"; show "$T/got.err"; continue; }
            [ "$rc" = "$erc" ] || fail "$what: exit status $rc, tcpdump $erc"
            expect_same "$what: stdout" "$T/exp.out" "$T/got.out"
            if ! cmp -s "$T/exp.err2" "$T/got.err"; then
                fail "$what: stderr differs (- tcpdump, + synack):"
                diff "$T/exp.err2" "$T/got.err" | grep '^[<>]' | head -n 4 | sed 's/^/    | /'
            fi
        done
    done
done
finish
