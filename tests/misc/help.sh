#!/usr/bin/env bash
# tests/misc/help.sh - synack finds its way without a manual:
#  - synack -h / --help: one line per subcommand, then the usage text that
#    synack prints on a usage error (tcpdump's), byte for byte; exit 0
#  - synack help [COMMAND], synack COMMAND -h / --help: that command's usage
#    with examples, the same text all three ways; exit 0
#  - a mistyped subcommand that is not a filter expression gets a hint and
#    starts nothing; every valid filter expression still runs as a filter
#    (the output checked against tcpdump's), even one whose first word is
#    close to a subcommand name.
. "$(dirname "$0")/../lib.sh"
need_synack
F=$CAP/ana-loss5-sack.pcap
CMDS="diagnose conns compare report graph"

# ---- synack -h
"$SYNACK" -h >"$T/h.out" 2>"$T/h.err"; rc=$?
[ $rc = 0 ] || fail "synack -h exit status $rc"
[ -s "$T/h.err" ] && fail "synack -h wrote to stderr: $(head -2 "$T/h.err")"
"$SYNACK" --help >"$T/help.out" 2>/dev/null || fail "synack --help exit status $?"
cmp -s "$T/h.out" "$T/help.out" || fail "-h and --help differ"
for c in $CMDS; do
    grep -qE "^  synack $c +[a-z]" "$T/h.out" || fail "synack -h has no line for $c"
done
# the subcommand lines come first, then exactly the usage text of a usage error
"$SYNACK" -Y >/dev/null 2>"$T/usage.err"
grep -v "^synack: invalid option" "$T/usage.err" >"$T/usage.txt"
grep -q '^Usage: synack \[-' "$T/usage.txt" || die "no usage text on a usage error: $(head -3 "$T/usage.err")"
n=$(wc -l <"$T/usage.txt")
tail -n "$n" "$T/h.out" | cmp -s - "$T/usage.txt" || fail "synack -h does not end with the usage text, byte for byte"
first_usage=$(grep -n '^synack version' "$T/h.out" | head -1 | cut -d: -f1)
last_cmd=$(grep -n '^  synack graph ' "$T/h.out" | cut -d: -f1)
[ -n "$first_usage" ] && [ -n "$last_cmd" ] && [ "$last_cmd" -lt "$first_usage" ] || fail "subcommands are not before the usage text"

# ---- synack help, per-command usage
"$SYNACK" help >"$T/o" 2>&1 || fail "synack help exit status $?"
for c in $CMDS; do grep -qE "^  synack $c " "$T/o" || fail "synack help does not list $c"; done
for c in $CMDS; do
    "$SYNACK" help "$c" >"$T/a" 2>&1 || fail "synack help $c: exit status $?"
    extra=
    [ "$c" = graph ] && extra=tsg
    "$SYNACK" "$c" $extra -h >"$T/b" 2>&1 || fail "synack $c -h: exit status $?"
    "$SYNACK" "$c" --help >"$T/c" 2>&1 || fail "synack $c --help: exit status $?"
    cmp -s "$T/a" "$T/b" && cmp -s "$T/a" "$T/c" || fail "synack help $c, $c -h and $c --help differ"
    grep -q "^Usage: synack $c " "$T/a" || fail "synack help $c: no 'Usage: synack $c' line"
    grep -q '^Examples:' "$T/a" || fail "synack help $c: no examples"
    grep -qE "^  synack $c .*(-r|\.pcap)" "$T/a" || fail "synack help $c: no example command line"
    grep -qi 'tcpdump version\|Usage: synack \[-' "$T/a" && fail "synack help $c prints tcpdump's usage"
done
# -h after other options, and -h as the value of -r is a file name, not help
"$SYNACK" conns -nn -r "$F" -h >"$T/o" 2>&1 || fail "conns -nn -r FILE -h: exit $?"
grep -q '^Usage: synack conns' "$T/o" || fail "conns -nn -r FILE -h: no usage"
"$SYNACK" diagnose -r -h >"$T/o" 2>&1; rc=$?
[ $rc = 2 ] && grep -q -- "-h" "$T/o" || fail "diagnose -r -h (a file named -h): exit $rc, $(head -1 "$T/o")"
"$SYNACK" help nosuch >"$T/o" 2>"$T/e"; rc=$?
[ $rc = 1 ] && grep -q "no subcommand 'nosuch'" "$T/e" || fail "help nosuch: exit $rc, $(head -1 "$T/e")"
"$SYNACK" help diagnos >/dev/null 2>"$T/e"
grep -q "did you mean diagnose" "$T/e" || fail "help diagnos: no hint: $(head -1 "$T/e")"

# ---- hints for mistyped subcommands: nothing starts
hint() { # WANT ARGS...
    local want=$1
    shift
    timeout 20 "$SYNACK" "$@" >"$T/o" 2>"$T/e" </dev/null; local rc=$?
    [ $rc = 1 ] || fail "synack $*: exit status $rc, expected 1"
    grep -q "did you mean $want?" "$T/e" || fail "synack $*: no 'did you mean $want?': $(head -2 "$T/e")"
    grep -q "reading from file\|listening on" "$T/e" && fail "synack $*: started reading anyway"
    [ -s "$T/o" ] && fail "synack $*: printed on stdout: $(head -1 "$T/o")"
    return 0
}
hint diagnose diagnos -r "$F"
hint diagnose diagnsoe -r "$F"
hint diagnose diag -r "$F"
hint conns conn -r "$F"
hint compare comapre a.pcap b.pcap
hint report reprot -r "$F"
hint graph grpah tsg -r "$F"
hint help help-me
hint help hlep
# a filter keyword is never a typo: libpcap's own message, as tcpdump gives it
"$SYNACK" port 99999 -r "$F" >/dev/null 2>"$T/e"; rc=$?
[ $rc = 1 ] && grep -q "illegal port number 99999" "$T/e" && ! grep -q "did you mean" "$T/e" ||
    fail "synack port 99999: exit $rc, $(head -2 "$T/e")"
# ---- valid filters stay filters, exactly as tcpdump prints them
filter_same() { # COUNT "FILTER" SYNACK-ARGS... (tcpdump -nn -r F -c COUNT FILTER)
    local c=$1 filt=$2
    shift 2
    # shellcheck disable=SC2086
    "$TCPDUMP" -nn -r "$F" -c "$c" $filt 2>/dev/null >"$T/want"
    "$SYNACK" "$@" 2>/dev/null >"$T/got"; local rc=$?
    [ $rc = 0 ] || fail "synack $*: exit status $rc"
    [ -s "$T/want" ] || fail "tcpdump $filt printed nothing"
    cmp -s "$T/want" "$T/got" || fail "synack $* differs from tcpdump: $(diff "$T/want" "$T/got" | head -3)"
}
if command -v "$TCPDUMP" >/dev/null 2>&1; then
    # "port" is two edits from "report", "host" is not close to anything; both are filters
    filter_same 3 "port 5002" port 5002 -nn -r "$F" -c 3
    filter_same 2 "host 10.199.81.1 and port 5001" host 10.199.81.1 and port 5001 -nn -r "$F" -c 2
    filter_same 2 "tcp" tcp -r "$F" -nn -c 2
    filter_same 2 "src port 5001" src -nn -r "$F" port 5001 -c 2
    filter_same 2 "src port 5001" -nn src -r "$F" port 5001 -c2
else
    echo "tcpdump not installed: filter outputs not compared"
fi
# a real subcommand without -h runs
"$SYNACK" conns -r "$F" >"$T/o" 2>/dev/null || fail "conns -r: exit $?"
[ "$(tail -1 "$T/o")" = "2 connections" ] || fail "conns -r: $(tail -1 "$T/o")"
echo "help: -h, help, per-command usage for $CMDS; 9 hints; filters unchanged"
finish
