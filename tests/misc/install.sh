#!/usr/bin/env bash
# tests/misc/install.sh - make install / make uninstall with DESTDIR and PREFIX:
# the binary, the man page and the bash completion land where Debian's tools
# look for them, the installed binary runs, uninstall removes them all.
. "$(dirname "$0")/../lib.sh"
need_synack
need_cmd make
[ -x "$TOP/synack" ] || skip "no ./synack built (make)"
D=$T/root
# -o synack: install what is built, never rebuild the tree under test
make -s -C "$TOP" -o synack install DESTDIR="$D" PREFIX=/usr >"$T/log" 2>&1 || die "make install failed: $(tail -5 "$T/log")"
for f in usr/bin/synack usr/share/man/man1/synack.1 usr/share/bash-completion/completions/synack; do
    [ -f "$D/$f" ] || fail "not installed: /$f"
done
[ -x "$D/usr/bin/synack" ] || fail "/usr/bin/synack not executable"
[ "$(stat -c %a "$D/usr/share/man/man1/synack.1")" = 644 ] || fail "man page mode $(stat -c %a "$D/usr/share/man/man1/synack.1")"
cmp -s "$TOP/synack" "$D/usr/bin/synack" || fail "installed binary differs from ./synack"
"$D/usr/bin/synack" --version 2>&1 | grep -q '^synack version ' || fail "installed synack --version: $("$D/usr/bin/synack" --version 2>&1 | head -1)"
cmp -s "$TOP/synack.1" "$D/usr/share/man/man1/synack.1" || fail "installed man page differs"
if command -v man >/dev/null 2>&1; then
    MANWIDTH=80 man -l "$D/usr/share/man/man1/synack.1" 2>/dev/null | grep -q '^SYNOPSIS' || fail "installed man page does not render"
fi
bash -c ". '$D/usr/share/bash-completion/completions/synack' && complete -p synack" | grep -q _synack ||
    fail "installed completion does not register"
# nothing else than these three files
n=$(find "$D" -type f | wc -l)
[ "$n" = 3 ] || fail "make install wrote $n files: $(find "$D" -type f | sed "s|$D||")"
# the default PREFIX is /usr/local
make -s -C "$TOP" -o synack -n install DESTDIR=/nonexistent | grep -q '/nonexistent/usr/local/bin/synack' ||
    fail "default PREFIX is not /usr/local"
make -s -C "$TOP" -o synack uninstall DESTDIR="$D" PREFIX=/usr >"$T/log" 2>&1 || fail "make uninstall failed: $(tail -3 "$T/log")"
left=$(find "$D" -type f)
[ -z "$left" ] && echo "installed 3 files under DESTDIR, uninstall removed them" || fail "left after uninstall: $left"
finish
