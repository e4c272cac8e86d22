#!/usr/bin/env bash
# timeout: 300
# tests/misc/deb.sh - the Debian package: dpkg-buildpackage -us -uc -b builds
# synack_*.deb from a copy of the tree (the worktree stays clean), it depends
# on libpcap0.8 through ${shlibs:Depends} and holds the binary, the man page
# and the completion, lintian finds no error, apt installs it, the installed
# /usr/bin/synack runs, and apt removes it without a trace.
. "$(dirname "$0")/../lib.sh"
need_root
need_cmd dpkg-buildpackage
need_cmd dh
need_cmd apt-get
dpkg-checkbuilddeps "$TOP/debian/control" >/dev/null 2>&1 || skip "build dependencies missing: $(dpkg-checkbuilddeps "$TOP/debian/control" 2>&1 | head -1)"
if dpkg-query -W -f='${Status}' synack 2>/dev/null | grep -q 'install ok installed'; then
    skip "a synack package is already installed on this machine; not touching it"
fi
git_before=$(git -C "$TOP" status --porcelain 2>/dev/null)

# ---- build, in a copy of what the package is made from
B=$T/src/synack
mkdir -p "$B"
cp -r "$TOP/Makefile" "$TOP/src" "$TOP/synack.1" "$TOP/completion" "$TOP/debian" "$TOP/README.md" "$B/"
t0=$(date +%s)
(cd "$B" && DEB_BUILD_OPTIONS="parallel=2 nocheck noddebs" timeout 600 dpkg-buildpackage -us -uc -b) >"$T/build.log" 2>&1 ||
    die "dpkg-buildpackage failed: $(tail -15 "$T/build.log")"
echo "package built in $(( $(date +%s) - t0 )) s"
deb=$(ls "$T"/src/synack_*_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || die "no synack_*.deb: $(ls "$T/src")"
dep=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $dep"
grep -q 'libpcap0\.8' <<<"$dep" || fail "the package does not depend on libpcap0.8: $dep"
dpkg-deb -c "$deb" >"$T/contents"
for f in ./usr/bin/synack ./usr/share/man/man1/synack.1.gz ./usr/share/bash-completion/completions/synack ./usr/share/doc/synack/copyright; do
    grep -q " $f\$" "$T/contents" || fail "not in the package: $f"
done
if command -v lintian >/dev/null 2>&1; then
    lintian "$deb" >"$T/lintian" 2>&1
    grep -E '^[EW]: ' "$T/lintian" | sed 's/^/lintian: /'
    grep -q '^E: ' "$T/lintian" && fail "lintian errors"
else
    echo "lintian not installed: not run"
fi

# ---- install, run, remove
add_cleanup "dpkg-query -W synack >/dev/null 2>&1 && dpkg --purge synack"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=120 --no-install-recommends "$deb" >"$T/apt.log" 2>&1 ||
    die "apt-get install failed: $(tail -5 "$T/apt.log")"
dpkg-query -W -f='${Status}' synack | grep -q 'install ok installed' || fail "synack not installed after apt-get install"
v=$(/usr/bin/synack --version 2>&1 | head -1)
echo "installed: $v"
[ "$v" = "$("$SYNACK" --version 2>&1 | head -1)" ] || fail "/usr/bin/synack --version says '$v'"
/usr/bin/synack -h 2>/dev/null | grep -q '^  synack diagnose ' || fail "/usr/bin/synack -h does not list the subcommands"
/usr/bin/synack conns -r "$CAP/ana-loss5-sack.pcap" >"$T/conns" 2>/dev/null || fail "/usr/bin/synack conns failed"
[ "$(tail -1 "$T/conns")" = "2 connections" ] || fail "/usr/bin/synack conns: $(tail -1 "$T/conns")"
if command -v man >/dev/null 2>&1; then
    [ "$(man -w synack 2>/dev/null)" = /usr/share/man/man1/synack.1.gz ] || fail "man -w synack: $(man -w synack 2>&1)"
fi
DEBIAN_FRONTEND=noninteractive apt-get remove -y -q -o DPkg::Lock::Timeout=120 synack >"$T/apt.log" 2>&1 ||
    fail "apt-get remove failed: $(tail -5 "$T/apt.log")"
dpkg-query -W -f='${Status}' synack 2>/dev/null | grep -q 'installed' && fail "still installed after remove"
for f in /usr/bin/synack /usr/share/man/man1/synack.1.gz /usr/share/bash-completion/completions/synack; do
    [ -e "$f" ] && fail "left after remove: $f"
done
[ "$(git -C "$TOP" status --porcelain 2>/dev/null)" = "$git_before" ] || fail "the worktree changed: $(git -C "$TOP" status --porcelain | head -5)"
finish
