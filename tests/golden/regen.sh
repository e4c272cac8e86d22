#!/usr/bin/env bash
# tests/golden/regen.sh - regenerate expected outputs from tcpdump (never synack).
#   bash tests/golden/regen.sh            # every tests/golden/*.list
#   bash tests/golden/regen.sh core.list  # one list
# Each list line: NAME PCAPFILE OPTIONS...   ->  tests/golden/NAME.out =
#   TZ=UTC tcpdump OPTIONS -r tests/captures/PCAPFILE   (stdout only)
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 2
export TZ=UTC LC_ALL=C
TCPDUMP=${TCPDUMP:-tcpdump}
"$TCPDUMP" --version 2>&1 | grep -q 'tcpdump version 4\.99' ||
    echo "warning: $("$TCPDUMP" --version 2>&1 | head -1); expected outputs are defined by tcpdump 4.99.x" >&2
lists=()
if [ $# -gt 0 ]; then for l in "$@"; do lists+=("tests/golden/${l##*/}"); done
else lists=(tests/golden/*.list); fi
n=0
for list in "${lists[@]}"; do
    while IFS= read -r line || [ -n "$line" ]; do
        trimmed=${line#"${line%%[![:space:]]*}"}
        case $trimmed in '#'*|'') continue ;; esac
        set -f
        # shellcheck disable=SC2086
        set -- $line
        set +f
        [ $# -ge 2 ] || { echo "$list: malformed line: $line" >&2; continue; }
        name=$1 pcap=$2; shift 2
        "$TCPDUMP" "$@" -r "tests/captures/$pcap" >"tests/golden/$name.out" 2>/dev/null </dev/null
        n=$((n + 1))
    done <"$list"
done
echo "regenerated $n expected outputs" >&2
