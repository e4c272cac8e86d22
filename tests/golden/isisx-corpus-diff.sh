#!/bin/bash
# isisx-corpus-diff.sh: run tcpdump and synack over the tcpdump corpus with option
# sets beyond -nn/-nn -v/-nn -e and list the files whose outputs differ (line counts).
# Not run by the test suite.  Usage: bash tests/golden/isisx-corpus-diff.sh [SYNACK] [GLOB]
SYNACK=${1:-./synack}
GLOB=${2:-*}
CORPUS=${CORPUS:-$(dirname "$0")/../../../shared/corpus/tcpdump}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for opts in "-nn -vvv -e -X" "-nn -x" "-nn -A" "-nn -vvv -X"; do
	for f in "$CORPUS"/$GLOB.pcap*; do
		[ -f "$f" ] || continue
		TZ=UTC timeout 20 tcpdump $opts -r "$f" >"$TMP/t" 2>/dev/null
		TZ=UTC timeout 20 "$SYNACK" $opts -r "$f" >"$TMP/s" 2>/dev/null
		if ! cmp -s "$TMP/t" "$TMP/s"; then
			n=$(diff "$TMP/t" "$TMP/s" | grep -c '^[<>]')
			echo "$opts: $(basename "$f") ($n)"
		fi
	done
done
