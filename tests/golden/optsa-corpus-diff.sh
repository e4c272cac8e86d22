#!/bin/bash
# optsa-corpus-diff.sh: run tcpdump and synack with option sets beyond
# -nn/-nn -v/-nn -e over the tcpdump corpus and list the files whose whole
# outputs differ.  Not run by the suite.
# Usage: bash tests/golden/optsa-corpus-diff.sh [SYNACK] [GLOB]
SYNACK=${1:-./synack}
GLOB=${2:-*}
CORPUS=$(dirname "$0")/../../../shared/corpus/tcpdump
[ -d "$CORPUS" ] || CORPUS=/work/shared/corpus/tcpdump
OPTSETS=("-nn -b -v" "-nn -u -v" "-nn -vv" "-nn -vvv" "-nn -vvv -e -X")
for f in "$CORPUS"/$GLOB.pcap*; do
	for o in "${OPTSETS[@]}"; do
		# shellcheck disable=SC2086
		a=$(TZ=UTC timeout 20 tcpdump $o -r "$f" 2>/dev/null)
		# shellcheck disable=SC2086
		b=$(TZ=UTC timeout 20 "$SYNACK" $o -r "$f" 2>/dev/null)
		if [ "$a" != "$b" ]; then
			n=$(diff <(echo "$a") <(echo "$b") | grep -c '^[<>]')
			echo "$(basename "$f") [$o] $n"
		fi
	done
done
