# shellcheck shell=bash
# tests/errors/same.bash - run the same command line through tcpdump and synack
# and compare what a script sees: stdout, stderr and the exit status.  Sourced
# after ../lib.sh (this file does not end in .sh: tests/run.sh does not run it).
#
#   same ARGS...     both must agree; a failure prints a short diff.
#
# Both programs are started by bare name from a private PATH (synack through a
# symlink), so messages that carry argv[0] (getopt's) can match.  In tcpdump's
# stderr "tcpdump: " and "Usage: tcpdump" become synack's; the version lines of the usage text
# ("X version", "libpcap version", "OpenSSL") are left out of both.
# STDIN=FILE feeds both; EXTRA_ERR=LINE is a line synack prints first on stderr
# where tcpdump prints nothing (said in the calling test why).
need_tcpdump
mkdir -p "$T/bin"
ln -sf "$SYNACK" "$T/bin/synack"
TD=$(command -v "$TCPDUMP")
same_n=0

strip_version() { grep -v -e '^synack version ' -e '^tcpdump version ' -e '^libpcap version ' -e '^OpenSSL ' "$1"; }

same() {
    local trc=0 src=0
    same_n=$((same_n + 1))
    (cd "$T" && timeout 20 "$TCPDUMP" "$@" <"${STDIN:-/dev/null}" >"$T/t.out" 2>"$T/t.err") || trc=$?
    (cd "$T" && PATH="$T/bin:$PATH" timeout 20 synack "$@" <"${STDIN:-/dev/null}" >"$T/s.out" 2>"$T/s.err") || src=$?
    sed -i -e 's/^tcpdump: /synack: /' -e 's/^Usage: tcpdump /Usage: synack /' "$T/t.err"
    strip_version "$T/t.err" >"$T/t.err2"
    strip_version "$T/s.err" >"$T/s.err2"
    if [ -n "${EXTRA_ERR:-}" ]; then
        { printf '%s\n' "$EXTRA_ERR"; cat "$T/t.err2"; } >"$T/t.err3"
        mv "$T/t.err3" "$T/t.err2"
    fi
    [ "$trc" = "$src" ] || fail "'$*': exit status $src, tcpdump's $trc"
    [ "$src" -lt 124 ] || fail "'$*': exit status $src (timeout or signal)"
    expect_same "'$*' stdout" "$T/t.out" "$T/s.out"
    expect_same "'$*' stderr" "$T/t.err2" "$T/s.err2"
}
