#!/usr/bin/env bash
# timeout: 900
# Every capture of ../shared/corpus/tcpdump (hundreds of real and malformed files,
# many of them old tcpdump crashers) through the ASan+UBSan build in the modes
# -nn, -nn -v, -nn -e: zero crashes, zero sanitizer reports, zero timeouts.
set -u
cd "$(dirname "$0")/../.."
cc=../shared/tools/corpus-compare
[ -x "$cc" ] || { echo "skip: ../shared/tools/corpus-compare not found"; exit 77; }
make -s asan >/dev/null 2>&1 || { echo "fail: make asan failed"; exit 1; }
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
out=$("$cc" -m nn -m nnv -m nne ./synack-asan 2>&1)
echo "$out" | grep -E '^(nn|nnv|nne) core|^crash'
bad=0
while read -r line; do
    case $line in
    *" core "*)
        c=$(echo "$line" | sed -n 's/.* crashes \([0-9]*\) timeouts \([0-9]*\).*/\1 \2/p')
        set -- $c
        [ "${1:-1}" = 0 ] && [ "${2:-1}" = 0 ] || bad=1 ;;
    esac
done <<<"$out"
[ "$bad" = 0 ] || { echo "fail: crashes or timeouts under ASan/UBSan"; echo "$out" | grep '^crash' | head; exit 1; }
echo "ok: 0 crashes, 0 timeouts"
