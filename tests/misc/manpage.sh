#!/usr/bin/env bash
# tests/misc/manpage.sh - synack.1 renders without a single warning (groff -ww,
# and mandoc -T lint when installed), has the sections of tcpdump's man page,
# and documents what the program has: every finding id of diagnose's table
# (src/diag/playbook.c) and every subcommand synack -h lists.
. "$(dirname "$0")/../lib.sh"
need_synack
need_cmd groff
MAN=$TOP/synack.1
[ -f "$MAN" ] || die "no synack.1"
groff -ww -man -Tutf8 "$MAN" >"$T/out.txt" 2>"$T/warn.txt" || fail "groff failed"
[ -s "$T/warn.txt" ] && fail "groff warnings: $(head -5 "$T/warn.txt")"
if command -v mandoc >/dev/null 2>&1; then
    mandoc -T lint -W warning "$MAN" >"$T/lint.txt" 2>&1 || fail "mandoc -T lint: $(head -5 "$T/lint.txt")"
else
    echo "mandoc not installed: lint skipped"
fi
if command -v man >/dev/null 2>&1; then
    MANWIDTH=80 man -l "$MAN" >"$T/man.txt" 2>"$T/manerr.txt" || fail "man -l failed"
    [ -s "$T/manerr.txt" ] && fail "man -l warnings: $(head -3 "$T/manerr.txt")"
    grep -q '^SYNOPSIS' "$T/man.txt" || fail "man -l output has no SYNOPSIS"
fi
# plain text of the rendering, without overstrike
col -b <"$T/out.txt" >"$T/plain.txt"
for sec in NAME SYNOPSIS DESCRIPTION OPTIONS SUBCOMMANDS FINDINGS "EXIT STATUS" EXAMPLES FILES "SEE ALSO"; do
    grep -q "^$sec\$" "$T/plain.txt" || fail "section $sec missing"
done
# the FINDINGS section names every id of the playbook
sed -n '/^FINDINGS$/,/^EXIT STATUS$/p' "$T/plain.txt" >"$T/findings.txt"
ids=$(grep -oE '^\s*\[F_[A-Z0-9_]+\] = \{"[a-z0-9-]+"' "$TOP/src/diag/playbook.c" | grep -oE '"[a-z0-9-]+"' | tr -d '"')
[ "$(echo "$ids" | wc -w)" -ge 25 ] || die "could not read the finding ids from src/diag/playbook.c"
n=0
for id in $ids; do
    n=$((n + 1))
    grep -qE "(^|[ ,])$id(\$|[ ,])" "$T/findings.txt" || fail "finding id $id not in FINDINGS"
done
for id in lost-forward lost-return modified-in-flight; do
    grep -q "$id" "$T/findings.txt" || fail "finding id $id not in FINDINGS"
done
# every subcommand synack -h lists has its own subsection, and its usage with examples
cmds=$("$SYNACK" -h 2>/dev/null | sed -n 's/^  synack \([a-z]*\) .*/\1/p')
[ -n "$cmds" ] || die "synack -h lists no subcommands"
for c in $cmds; do
    grep -q "^   synack $c\$" "$T/plain.txt" || fail "no SUBCOMMANDS entry for $c"
done
# options of the README's tcpdump table are documented
for o in -i -r -w -c -C -G -W -Z -n -v -e -q -S -t -x -X -A -y -L -d -s -p -B -Q -U -l -K -F -D; do
    grep -qE "^       $o( |,|\$)" "$T/plain.txt" || fail "option $o not documented under OPTIONS"
done
echo "synack.1: $n finding ids, subcommands: $(echo $cmds)"
finish
