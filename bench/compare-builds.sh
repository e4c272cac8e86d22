#!/bin/bash
# compare-builds.sh - time two synack binaries against each other on one capture.
#
#   bench/compare-builds.sh OLD NEW [PCAP]
#   RUNS=9 MODES="conns diagnose" bench/compare-builds.sh /tmp/oldsyn/synack ./synack
#
# For each mode (default: conns diagnose) the two binaries alternate RUNS times
# (default 9) on the same capture (default bench/data/bench-500000.pcap, made by
# gen-capture.py if missing), output to /dev/null.  It prints, per binary, the
# best wall time and the best user+sys CPU time, and the ratios NEW/OLD (>1:
# NEW is slower).  Both binaries are copied to a scratch directory first so a
# concurrent make cannot swap them mid-run, and one untimed run of each checks
# whether the two outputs are identical (between releases they may differ
# on purpose: the column only says whether they do).  The sandbox is off (SYNACK_NO_SANDBOX=1)
# so the runs work as any user; TZ=UTC LC_ALL=C.
set -u
if [ $# -lt 2 ]; then
	echo "usage: $0 OLD NEW [PCAP]" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
runs=${RUNS:-9}
modes=${MODES:-"conns diagnose"}
pcap=${3:-$here/data/bench-500000.pcap}
if [ ! -f "$pcap" ]; then
	mkdir -p "$(dirname "$pcap")"
	/usr/bin/python3 "$here/gen-capture.py" -o "$pcap" || exit 1
fi
tmp=$(mktemp -d /dev/shm/synack-cmp.XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
cp "$1" "$tmp/old" && cp "$2" "$tmp/new" || exit 1
for b in old new; do
	"$tmp/$b" --version >/dev/null 2>&1 || { echo "$0: $b binary does not run" >&2; exit 1; }
done
export TZ=UTC LC_ALL=C SYNACK_NO_SANDBOX=1
TIMEFORMAT='%3R %3U %3S'        # bash's time: milliseconds (getrusage), finer than /usr/bin/time's %e
cat "$pcap" >/dev/null          # warm the page cache
echo "capture: $pcap; $runs alternating runs per binary and mode; best of each; $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %9s %9s %7s   %9s %9s %7s   %s\n' mode "old wall" "new wall" ratio "old cpu" "new cpu" ratio output
for m in $modes; do
	"$tmp/old" "$m" -r "$pcap" >"$tmp/out.old" 2>/dev/null
	"$tmp/new" "$m" -r "$pcap" >"$tmp/out.new" 2>/dev/null
	if cmp -s "$tmp/out.old" "$tmp/out.new"; then same=identical; else same=DIFFER; fi
	for b in old new; do : >"$tmp/t.$b"; done
	for ((i = 0; i < runs; i++)); do
		for b in old new; do
			{ time "$tmp/$b" "$m" -r "$pcap" >/dev/null 2>&1; } 2>>"$tmp/t.$b"
		done
	done
	read -r ow oc < <(awk '{w=$1; c=$2+$3; if (NR==1||w<bw) bw=w; if (NR==1||c<bc) bc=c} END {print bw, bc}' "$tmp/t.old")
	read -r nw nc < <(awk '{w=$1; c=$2+$3; if (NR==1||w<bw) bw=w; if (NR==1||c<bc) bc=c} END {print bw, bc}' "$tmp/t.new")
	awk -v m="$m" -v ow="$ow" -v nw="$nw" -v oc="$oc" -v nc="$nc" -v s="$same" 'BEGIN {
		printf "%-10s %9.3f %9.3f %7.3f   %9.3f %9.3f %7.3f   %s\n", m, ow, nw, (ow > 0 ? nw / ow : 0), oc, nc, (oc > 0 ? nc / oc : 0), s }'
done
