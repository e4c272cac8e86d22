#!/usr/bin/env bash
# Benchmark synack against tcpdump on a large generated capture.
#
#   bench/run.sh                 # 500,000 packets (bench/data/bench-500000.pcap, ~370 MB)
#   N=2000000 bench/run.sh       # a bigger capture (generated on first use)
#   RUNS=3 bench/run.sh          # best of 3 instead of 5
#   PCAP=/path/file.pcap bench/run.sh   # any other capture
#
# Every case is timed with /usr/bin/time -f '%e %M' (wall seconds, peak RSS KB);
# the best of RUNS wall times is reported with the peak RSS of that run. The synack binary is
# copied to the scratch directory first, so a concurrent `make` cannot swap it mid-run.
# Output files for the comparisons go to a scratch directory in /dev/shm (or $TMPDIR)
# so that disk speed does not enter the write-path numbers.
set -eu
cd "$(dirname "$0")/.."
ROOT=$PWD
N=${N:-500000}
RUNS=${RUNS:-5}
PY=/usr/bin/python3
export TZ=UTC LC_ALL=C

if [ ! -x /usr/bin/time ] || ! command -v tcpdump >/dev/null; then
	scripts/deps.sh
fi

# Build (incremental); if the tree is mid-edit and does not build, use the existing binary.
if ! make -s synack >/tmp/synack-bench-make.$$ 2>&1; then
	if [ -x ./synack ]; then
		echo "warning: make failed, benchmarking the existing ./synack:" >&2
		tail -5 /tmp/synack-bench-make.$$ >&2
	else
		cat /tmp/synack-bench-make.$$ >&2; rm -f /tmp/synack-bench-make.$$; exit 1
	fi
fi
rm -f /tmp/synack-bench-make.$$

F=${PCAP:-bench/data/bench-$N.pcap}
if [ ! -s "$F" ]; then
	echo "generating $F ..." >&2
	mkdir -p "$(dirname "$F")"
	$PY bench/gen-capture.py -n "$N" -o "$F"
fi

base=/dev/shm
[ -d "$base" ] && [ -w "$base" ] || base=${TMPDIR:-/tmp}
W=$(mktemp -d "$base/synack-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
chmod 755 "$W"   # tcpdump drops to its own user after opening -w files
cp ./synack "$W/synack"
SYNACK=$W/synack

# Resolving mode must not send PTR queries anywhere: run it in an empty network namespace.
NONET=""
if unshare -n true 2>/dev/null; then NONET="unshare -n"; fi

cat "$F" > /dev/null   # warm the page cache
pkts=$(capinfos -M -c "$F" 2>/dev/null | awk '/Number of packets/ {print $NF}' || true)
size=$(stat -c %s "$F")

# time1 OUTFILE CMD... : one run, prints "seconds rss_kb" (nothing if the command failed)
time1() {
	local out=$1; shift
	/usr/bin/time -o "$W/time" -f '%e %M %x' "$@" > "$out" 2>/dev/null || true
	tail -1 "$W/time" | awk '$3 == 0 { print $1, $2 }'
}

# pair: runs the tcpdump command T=(...) and the synack command S=(...) alternately, RUNS
# times each (alternating spreads background noise over both), and sets TRES and SRES to
# "seconds rss_kb" of the fastest run of each. Stdout goes to $OT / $OS (default /dev/null).
# $FT / $FS name the -w output files, removed before every run so that no run pays for
# truncating the previous run's 370 MB file in tmpfs.
better() { [ -n "$1" ] || return 1; [ -z "$2" ] || awk -v a="${1% *}" -v c="${2% *}" 'BEGIN{exit !(a < c)}'; }
pair() {
	local i r
	TRES=""; SRES=""
	for i in $(seq "$RUNS"); do
		[ -z "${FT:-}" ] || rm -f "$FT"
		r=$(time1 "${OT:-/dev/null}" "${T[@]}"); better "$r" "$TRES" && TRES=$r
		[ -z "${FS:-}" ] || rm -f "$FS"
		r=$(time1 "${OS:-/dev/null}" "${S[@]}"); better "$r" "$SRES" && SRES=$r
	done
	OT=""; OS=""; FT=""; FS=""
	return 0
}

ROWS=()
NOTES=()
row() { # case tcpdump_result synack_result check
	local c=$1 t=$2 s=$3 chk=$4
	local ts=${t% *} tr=${t#* } ss=${s% *} sr=${s#* }
	local ratio
	ratio=$(awk -v a="$ts" -v b="$ss" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "inf" }')
	ROWS+=("$(printf '%-34s %8s %8s %7s %10s %10s  %s' "$c" "$ts" "$ss" "$ratio" "$tr" "$sr" "$chk")")
	echo "${ROWS[-1]}" >&2
}

# Compare two text outputs; prints a short verdict and records the first differences.
compare_text() { # label tcpdump_file synack_file
	if cmp -s "$2" "$3"; then echo "identical ($(wc -l < "$2") lines)"; return; fi
	local d
	d=$(diff "$2" "$3" | grep -c '^<' || true)
	echo "DIFFER: $d of $(wc -l < "$2") lines"
	# runs in a command substitution: record the notes in a file, not a variable
	{ echo "$1: $d differing lines; first differences (diff tcpdump synack):"
	  diff "$2" "$3" | head -8 | cut -c1-220; } >> "$W/notes"
}

# printing cases: CASE-NAME PREFIX OPTIONS...   (PREFIX: "" or "unshare -n")
print_case() {
	local name=$1 pre=$2; shift 2
	T=($pre tcpdump "$@" -r "$F"); S=($pre "$SYNACK" "$@" -r "$F")
	pair
	"${T[@]}" > "$W/t.out" 2>/dev/null || true
	"${S[@]}" > "$W/s.out" 2>/dev/null || true
	row "$name" "$TRES" "$SRES" "$(compare_text "$name" "$W/t.out" "$W/s.out")"
	rm -f "$W/t.out" "$W/s.out"
}

echo "capture: $F ($pkts packets, $size bytes); best of $RUNS; $(nproc) CPUs" >&2
hdr=$(printf '%-34s %8s %8s %7s %10s %10s  %s' case "tcpd s" "synack s" ratio "tcpd KB" "synack KB" check)
echo "$hdr" >&2

print_case "print -nn"            "" -nn
print_case "print -nn -v"         "" -nn -v
print_case "print -nn -e"         "" -nn -e
print_case "print -nn -vv"        "" -nn -vv
if [ -n "$NONET" ]; then
	print_case "print default (no -n; empty netns)" "$NONET"
else
	NOTES+=("default (resolving) case skipped: unshare -n unavailable, it would send PTR queries")
fi

# write path
T=(tcpdump -r "$F" -w "$W/t.pcap"); S=("$SYNACK" -r "$F" -w "$W/s.pcap")
FT=$W/t.pcap FS=$W/s.pcap pair
ct=$(capinfos -M -c "$W/t.pcap" 2>/dev/null | awk '/Number of packets/ {print $NF}')
cs=$(capinfos -M -c "$W/s.pcap" 2>/dev/null | awk '/Number of packets/ {print $NF}')
if cmp -s "$W/t.pcap" "$W/s.pcap"; then chk="files identical, $cs packets"
elif [ "$ct" = "$cs" ]; then chk="files differ, same count $cs"
else chk="COUNT DIFFERS: tcpdump $ct, synack $cs"; fi
row "write -r F -w out" "$TRES" "$SRES" "$chk"
rm -f "$W/t.pcap" "$W/s.pcap"

# filter only: timed with -w /dev/null; the filtered files are compared from one extra run
flt='tcp port 80'
tcpdump -r "$F" -w "$W/t.pcap" "$flt" 2>/dev/null || true
"$SYNACK" -r "$F" -w "$W/s.pcap" "$flt" 2>/dev/null || true
if cmp -s "$W/t.pcap" "$W/s.pcap"; then chk="filtered files identical"; else chk="FILTERED FILES DIFFER"; fi
rm -f "$W/t.pcap" "$W/s.pcap"
T=(tcpdump -r "$F" -w /dev/null "$flt"); S=("$SYNACK" -r "$F" -w /dev/null "$flt")
pair
row "filter -w /dev/null '$flt'" "$TRES" "$SRES" "$chk"

T=(tcpdump --count -r "$F" "$flt"); S=("$SYNACK" --count -r "$F" "$flt")
OT=$W/t.cnt OS=$W/s.cnt pair
if cmp -s "$W/t.cnt" "$W/s.cnt"; then chk="same: $(cat "$W/s.cnt")"; else chk="DIFFER: tcpdump '$(cat "$W/t.cnt")' synack '$(cat "$W/s.cnt")'"; fi
row "--count '$flt'" "$TRES" "$SRES" "$chk"

echo
echo "capture: $F ($pkts packets, $size bytes); best of $RUNS wall-clock runs; $(nproc) CPUs; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "ratio = tcpdump seconds / synack seconds (>1: synack faster); KB = peak RSS"
echo
echo "$hdr"
printf '%s\n' "${ROWS[@]}"
if [ ${#NOTES[@]} -gt 0 ] || [ -s "$W/notes" ]; then
	echo
	[ ${#NOTES[@]} -eq 0 ] || printf '%s\n' "${NOTES[@]}"
	[ -s "$W/notes" ] && cat "$W/notes"
fi
