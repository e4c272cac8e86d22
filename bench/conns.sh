#!/usr/bin/env bash
# Benchmark `synack conns` against `tshark -q -z conv,tcp` and `tcptrace -l` (issue 4).
#
#   bench/conns.sh                 # all captures, best of 3, table on stdout
#   bench/conns.sh --json          # one JSON object per capture (NDJSON) instead of the table
#   RUNS=5 bench/conns.sh          # best of 5
#   CAPS="conns-100000" bench/conns.sh   # only some captures (names in bench/data/, no .pcap)
#   COUNT=0 bench/conns.sh         # skip the untimed runs that count connections
#
# Captures (generated into bench/data/ on first use, ~2.2 GB in all):
#   bench-500000   bench/gen-capture.py: 500k packets of mixed traffic, 8.7k TCP connections
#   conns-100000   bench/gen-conns.py: 100k short complete connections, ~915k packets (1x)
#   conns-200000   the same traffic twice as long (2x)
#   conns-400000   four times as long (4x); peak memory must not grow along 1x/2x/4x
#
# Each command is timed with /usr/bin/time -f '%e %M' (wall seconds, peak RSS KB); the three
# programs alternate, RUNS times each, and the fastest run of each is reported with that
# run's peak RSS.  Commands (F = capture, output to /dev/null):
#   synack conns -r F      tshark -q -z conv,tcp -r F      tcptrace -n -l F
# Ratios are tool wall seconds / synack wall seconds (targets: tshark >= 20, tcptrace >= 3) and the
# memory target is synack peak RSS < 32 MB.  Connection counts come from one extra untimed
# run of each: synack's footer ("N connections"), the "<->" rows of tshark's conversation
# table, and tcptrace's "N TCP connections traced" line.
set -eu
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
COUNT=${COUNT:-1}
CAPS=${CAPS:-"bench-500000 conns-100000 conns-200000 conns-400000"}
JSON=0
for a in "$@"; do
	case $a in
	--json) JSON=1 ;;
	-h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "usage: bench/conns.sh [--json]" >&2; exit 2 ;;
	esac
done
PY=/usr/bin/python3
export TZ=UTC LC_ALL=C

for t in /usr/bin/time tshark tcptrace capinfos; do
	command -v "$t" >/dev/null || { scripts/deps.sh; break; }
done

if ! make -s synack >/tmp/synack-conns-make.$$ 2>&1; then
	if [ -x ./synack ]; then
		echo "warning: make failed, benchmarking the existing ./synack:" >&2
		tail -5 /tmp/synack-conns-make.$$ >&2
	else
		cat /tmp/synack-conns-make.$$ >&2; rm -f /tmp/synack-conns-make.$$; exit 1
	fi
fi
rm -f /tmp/synack-conns-make.$$

base=/dev/shm
[ -d "$base" ] && [ -w "$base" ] || base=${TMPDIR:-/tmp}
W=$(mktemp -d "$base/synack-conns.XXXXXX")
trap 'rm -rf "$W"' EXIT
# Copy the binary so a concurrent make cannot swap it mid-run.  Another session's make may be
# linking ./synack right now (a half-written file run as a script "succeeds" in no time), so
# retry until the copy is an ELF file that answers --version.
SYNACK=$W/synack
for i in $(seq 30); do
	cp ./synack "$SYNACK" 2>/dev/null && [ "$(head -c 4 "$SYNACK" | tail -c 3)" = ELF ] &&
		"$SYNACK" --version 2>&1 | grep -q '^synack version' && break
	[ "$i" = 30 ] && { echo "./synack does not run" >&2; exit 1; }
	sleep 2
done

gen() {   # gen NAME: make bench/data/NAME.pcap if missing
	local f=bench/data/$1.pcap
	[ -s "$f" ] && return 0
	mkdir -p bench/data
	echo "generating $f ..." >&2
	case $1 in
	bench-*) $PY bench/gen-capture.py -n "${1#bench-}" -o "$f.tmp" >&2 ;;
	conns-*) $PY bench/gen-conns.py -n "${1#conns-}" -o "$f.tmp" >&2 ;;
	*) echo "don't know how to make $f" >&2; return 1 ;;
	esac
	mv "$f.tmp" "$f"
}

# time1 CMD...: one run, stdout to /dev/null; prints "wall_s rss_kb cpu_s" (nothing if it failed)
time1() {
	/usr/bin/time -o "$W/time" -f '%e %M %x %U %S' "$@" > /dev/null 2>"$W/err" || true
	tail -1 "$W/time" | awk '$3 == 0 { printf "%s %s %.2f\n", $1, $2, $4 + $5 }'
}
f1() { echo "$1" | awk '{print $1}'; }   # wall seconds
f3() { echo "$1" | awk '{print $3}'; }   # cpu seconds
better() { [ -n "$1" ] || return 1; [ -z "$2" ] || awk -v a="$(f1 "$1")" -v c="$(f1 "$2")" 'BEGIN{exit !(a < c)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a == "" || b == "" || b + 0 == 0) print "-"; else printf "%.1f", a / b }'; }
mb() { [ -n "$1" ] && echo "$1" | awk '{printf "%.1f", $2 / 1024}' || echo -; }
sec() { [ -n "$1" ] && f1 "$1" || echo -; }
cpu() { [ -n "$1" ] && f3 "$1" || echo -; }

if [ "$JSON" = 0 ]; then
	echo "best of $RUNS wall-clock runs; $(nproc) CPUs; $(date -u '+%Y-%m-%d %H:%M UTC'); MB = peak RSS"
	echo "ratio = tool seconds / synack seconds, wall clock (targets: tshark >= 20, tcptrace >= 3; synack < 32 MB, flat)"
	echo "cpu x = the same ratios (tshark/tcptrace) in user+sys CPU seconds of the same runs"
	echo
	printf '%-14s %9s %7s %7s %8s %7s %8s %7s %8s %7s %7s %10s  %s\n' capture packets conns \
		"synack s" MB "tshark s" MB "tcptr s" MB "x tshark" "x tcptr" "cpu x" "counts synack/tshark/tcptrace"
fi

for c in $CAPS; do
	gen "$c"
	F=bench/data/$c.pcap
	cat "$F" > /dev/null   # warm the page cache
	pkts=$(capinfos -M -c "$F" 2>/dev/null | awk '/Number of packets/ {print $NF}')
	S=""; T=""; P=""
	for i in $(seq "$RUNS"); do
		r=$(time1 "$SYNACK" conns -r "$F"); better "$r" "$S" && S=$r
		r=$(time1 tshark -q -z conv,tcp -r "$F"); better "$r" "$T" && T=$r
		r=$(time1 tcptrace -n -l "$F"); better "$r" "$P" && P=$r
	done
	ns=-; nt=-; np=-; note=""
	if [ "$COUNT" = 1 ]; then
		ns=$("$SYNACK" conns -r "$F" 2>/dev/null | awk '/^[0-9]+ connections?/ {n = $1} END {print n + 0}')
		nt=$(tshark -q -z conv,tcp -r "$F" 2>/dev/null | grep -c '<->' || true)
		np=$(tcptrace -n -l "$F" 2>/dev/null | awk '/TCP connections traced/ {print $1; exit}')
		if [ "$ns" = "$nt" ] && [ "$ns" = "$np" ]; then note=same; else note=MISMATCH; fi
	fi
	xt=$(ratio "$(f1 "$T")" "$(f1 "$S")"); xp=$(ratio "$(f1 "$P")" "$(f1 "$S")")
	ct=$(ratio "$(f3 "$T")" "$(f3 "$S")"); cp=$(ratio "$(f3 "$P")" "$(f3 "$S")")
	if [ "$JSON" = 1 ]; then
		printf '{"capture":"%s","packets":%s,"connections":{"synack":%s,"tshark":%s,"tcptrace":%s},' \
			"$c" "${pkts:-null}" "${ns/-/null}" "${nt/-/null}" "${np/-/null}"
		for v in S T P; do
			case $v in S) n=synack ;; T) n=tshark ;; P) n=tcptrace ;; esac
			printf '"%s":{"seconds":%s,"cpu_seconds":%s,"mb":%s},' "$n" \
				"$(sec "${!v}" | sed 's/^-$/null/')" "$(cpu "${!v}" | sed 's/^-$/null/')" "$(mb "${!v}" | sed 's/^-$/null/')"
		done
		printf '"ratio_tshark":%s,"ratio_tcptrace":%s,"cpu_ratio_tshark":%s,"cpu_ratio_tcptrace":%s,"runs":%s}\n' \
			"${xt/-/null}" "${xp/-/null}" "${ct/-/null}" "${cp/-/null}" "$RUNS"
	else
		printf '%-14s %9s %7s %7s %8s %7s %8s %7s %8s %7s %7s %10s  %s\n' "$c" "${pkts:--}" "$ns" \
			"$(sec "$S")" "$(mb "$S")" "$(sec "$T")" "$(mb "$T")" "$(sec "$P")" "$(mb "$P")" \
			"$xt" "$xp" "$ct/$cp" "$ns/$nt/$np $note"
	fi
done
