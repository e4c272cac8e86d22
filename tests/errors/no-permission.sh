#!/usr/bin/env bash
# tests/errors/no-permission.sh - live capture as an unprivileged user (nobody)
# fails as tcpdump does: "You don't have permission ..." and libpcap's reason on
# a second line, exit != 0.
. "$(dirname "$0")/../lib.sh"
need_synack
need_root
need_cmd setpriv
getent passwd nobody >/dev/null || skip "no user 'nobody'"
grp=nogroup; getent group nogroup >/dev/null || grp=nobody
as_nobody() { setpriv --reuid=nobody --regid="$grp" --clear-groups --inh-caps=-all "$@"; }
as_nobody test -x "$SYNACK" || skip "$SYNACK is not executable by nobody (path permissions)"
key="You don't have permission to perform this capture on that device"
if command -v "$TCPDUMP" >/dev/null; then
    as_nobody timeout 10 "$TCPDUMP" -i lo -c 1 >/dev/null 2>"$T/ref.err" && skip "even nobody may capture here"
    grep -qF "$key" "$T/ref.err" || { fail "test bug: tcpdump says:"; show "$T/ref.err"; }
    sed 's/^tcpdump: /synack: /' "$T/ref.err" >"$T/ref.err2"
fi
rc=0; as_nobody timeout 10 "$SYNACK" -i lo -c 1 >"$T/out" 2>"$T/err" </dev/null || rc=$?
expect_fail_rc "capture as nobody" "$rc"
expect_contains "capture as nobody" "$T/err" "$key"
[ -s "$T/out" ] && fail "capture as nobody: output on stdout"
[ -f "$T/ref.err2" ] && expect_same "capture as nobody: stderr" "$T/ref.err2" "$T/err"
finish
