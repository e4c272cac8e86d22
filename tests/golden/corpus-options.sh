#!/bin/bash
# corpus-options.sh - run tcpdump and synack over the tcpdump corpus with option sets beyond
# corpus-compare's -nn / -nn -v / -nn -e and list the files whose whole outputs differ (with the
# number of differing lines), then one summary line per option set.  Not run by the test suite
# (a few minutes).  Usage:
#   bash tests/golden/corpus-options.sh [SYNACK] [GLOB]
#   OPTSETS=$'-nn -x\n-nn -b -v' bash tests/golden/corpus-options.sh    # other option sets
SYNACK=${1:-./synack}
GLOB=${2:-*}
CORPUS=${CORPUS:-$(dirname "$0")/../../../shared/corpus/tcpdump}
DEFAULT_SETS='-nn -q
-nn -e -q
-nn -v -q
-nn -vv
-nn -vvv
-nn -vvv -e -X
-nn -x
-nn -xx
-nn -X
-nn -A
-n -v
-nn -S
-nn -K -v
-nn -b -v
-nn -u -v
-nn -H -e
-nn -ttt
-nn -ttttt
-nn -tttt'
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
while IFS= read -r opts; do
	[ -n "$opts" ] || continue
	files=0 lines=0 total=0
	for f in "$CORPUS"/$GLOB.pcap*; do
		[ -f "$f" ] || continue
		# shellcheck disable=SC2086
		TZ=UTC timeout 20 tcpdump $opts -r "$f" >"$TMP/t" 2>/dev/null
		# shellcheck disable=SC2086
		TZ=UTC timeout 20 "$SYNACK" $opts -r "$f" >"$TMP/s" 2>/dev/null
		total=$((total + $(wc -l <"$TMP/t")))
		if ! cmp -s "$TMP/t" "$TMP/s"; then
			n=$(diff "$TMP/t" "$TMP/s" | grep -c '^<')
			echo "  $opts: $(basename "$f") ($n lines)"
			files=$((files + 1)) lines=$((lines + n))
		fi
	done
	echo "$opts: $files files differ, $lines of $total tcpdump lines"
done <<<"${OPTSETS:-$DEFAULT_SETS}"
