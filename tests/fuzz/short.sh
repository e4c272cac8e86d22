#!/usr/bin/env bash
# timeout: 600
# tests/fuzz/short.sh - every libFuzzer target for ~10 s from its seeds
# (about a minute in all): catches a crash that a change made easy to reach
# (the file target with FUZZ_DIFF=1: fast reader and libpcap must agree).
# Needs clang with libFuzzer; skipped without it.  A crash fails the test
# and leaves the input in fuzz/artifacts/TARGET/ (replay it with
# build-fuzz/replay-TARGET FILE; add it to tests/fuzz/crashes/ once fixed).
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || die "no $TOP"
SECS=${FUZZ_SECONDS:-10}
command -v clang >/dev/null 2>&1 || skip "clang not installed"
echo 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }' >"$T/probe.c"
clang -fsanitize=fuzzer "$T/probe.c" -o "$T/probe" >/dev/null 2>&1 || skip "clang has no libFuzzer"
make -s build-fuzz/fuzz-print build-fuzz/fuzz-track build-fuzz/fuzz-file build-fuzz/fuzz-compare fuzz-seeds >"$T/build.log" 2>&1 ||
    { fail "make fuzz failed:"; tail -n 15 "$T/build.log" | sed 's/^/    | /'; finish; }
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for t in print track file compare; do
    mkdir -p "$T/corpus-$t" "fuzz/artifacts/$t"
    maxlen=4096
    case $t in track) maxlen=16384 ;; file) maxlen=65536 ;; compare) maxlen=131072 ;; esac
    rc=0
    FUZZ_DIFF=1 timeout $((SECS + 120)) "build-fuzz/fuzz-$t" -max_total_time="$SECS" -max_len=$maxlen -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="fuzz/artifacts/$t/" "$T/corpus-$t" "fuzz/seeds/$t" >"$T/$t.log" 2>&1 || rc=$?
    stats=$(grep -E '^#[0-9]+' "$T/$t.log" | tail -n 1 | awk '{print $1, $3, $4, $5, $6}')
    if [ "$rc" != 0 ]; then
        fail "fuzz-$t: exit status $rc after ${SECS}s ($stats)"
        grep -m6 -E 'ERROR: |runtime error: |^    #[0-5] |Test unit written' "$T/$t.log" | cut -c1-200 | sed 's/^/    | /'
    else
        echo "fuzz-$t: ${SECS}s, $stats"
    fi
done
finish
