#!/usr/bin/env bash
# fuzz/run.sh TARGET SECONDS [libFuzzer options...] - fuzz one target (print,
# track, file) from its seeds, keeping going past crashes (fork mode).
# Corpus grows in fuzz/corpus/TARGET, crashes land in fuzz/artifacts/TARGET/,
# the log in fuzz/logs/TARGET.log.  Run `make fuzz` first.
set -eu
cd "$(dirname "$0")/.."
t=$1 secs=$2; shift 2
bin=build-fuzz/fuzz-$t
[ -x "$bin" ] || { echo "run 'make fuzz' first" >&2; exit 2; }
mkdir -p fuzz/corpus/$t fuzz/artifacts/$t fuzz/logs
maxlen=4096
[ "$t" = file ] && maxlen=65536
[ "$t" = track ] && maxlen=16384
[ "$t" = compare ] && maxlen=131072
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
"$bin" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$secs" -max_len=$maxlen -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix=fuzz/artifacts/$t/ "$@" \
    fuzz/corpus/$t fuzz/seeds/$t 2>&1 | tee fuzz/logs/$t.log | grep -E '^#|INFO: (fuzz|Seed)|ERROR|SUMMARY|==.*==' | tail -n 40
