#!/usr/bin/env bash
# timeout: 400
# tests/fuzz/replay.sh - regression inputs for the fuzz targets, replayed
# without libFuzzer (build-fuzz/replay-TARGET: ASan + UBSan, any compiler):
#  - tests/fuzz/crashes/TARGET-*: every crash the fuzzers found (fuzz/README.md),
#  - tests/captures/*.pcap through the file and compare targets (a sanitizer
#    pass over synack's whole file reading path on the project's captures).
# A sanitizer report or a non-zero exit fails the test.
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || die "no $TOP"
command -v "${CC:-cc}" >/dev/null 2>&1 || skip "no C compiler"
make -s fuzz-replay >"$T/build.log" 2>&1 || { fail "make fuzz-replay failed:"; tail -n 15 "$T/build.log" | sed 's/^/    | /'; finish; }
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run() { # [FUZZ_DIFF=1] run WHAT BIN INPUTS...
    local what=$1 bin=$2 rc=0; shift 2
    timeout 240 "$bin" "$@" >"$T/out" 2>"$T/err" || rc=$?
    if [ "$rc" != 0 ] || grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error: ' "$T/err"; then
        fail "$what: exit status $rc"
        grep -m4 -E 'ERROR: |runtime error: |disagree|^    #[0-4] ' "$T/err" | cut -c1-200 | sed 's/^/    | /'
    else
        echo "$what: $(tail -n 1 "$T/err")"
    fi
}
for t in print track file compare; do
    set -- tests/fuzz/crashes/"$t"-*
    [ -e "$1" ] || continue
    FUZZ_DIFF=all run "crashes/$t" "build-fuzz/replay-$t" "$@"   # file: fast reader vs libpcap too
done
run "captures through the file target" build-fuzz/replay-file tests/captures/*.pcap
# compare: each cmp-*-client.pcap with its server side (input format of fuzz/fuzz_compare.c)
mkdir -p "$T/cmp"
for cli in tests/captures/cmp-*-client.pcap; do
    [ -f "$cli" ] || continue
    srv=${cli%-client.pcap}-server.pcap
    [ -f "$srv" ] || continue
    out="$T/cmp/$(basename "${cli%-client.pcap}")"
    sz=$(stat -c %s "$cli")
    { printf '\\x01\\x%02x\\x%02x\\x%02x' $((sz >> 16 & 255)) $((sz >> 8 & 255)) $((sz & 255)) | xargs -0 printf; cat "$cli" "$srv"; } >"$out"
done
if ls "$T/cmp"/* >/dev/null 2>&1; then
    run "compare pairs through the compare target" build-fuzz/replay-compare "$T/cmp"
fi
finish
