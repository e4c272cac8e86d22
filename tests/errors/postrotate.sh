#!/usr/bin/env bash
# tests/errors/postrotate.sh - -z CMD runs "CMD FILE" for each file closed by a
# -C rotation, as tcpdump does (not for the last file), as the dropped user,
# with synack's seccomp sandbox on: the same files, compressed the same way, as
# tcpdump -z gzip; a command that records its argument and user; a command that
# does not exist gives tcpdump's message for each file.
. "$(dirname "$0")/../lib.sh"
need_synack
need_tcpdump
need_cmd gzip
chmod 0755 "$T"   # as root both drop to tcpdump/nobody: the directories must be theirs to write
make_big "$T/big.pcap" 2600 1100          # ~3 MB: files out, out1, out2 closed, out3 left
mkdir -m 0777 "$T/ref" "$T/got" "$T/rec"

# settle DIR: wait (bounded, 10 s) until the gzip children are done (no .pcap left
# next to its .gz, no gzip running on DIR's files).
settle() {
    local i
    for ((i = 0; i < 100; i++)); do
        pgrep -f "gzip $1/" >/dev/null || { ls "$1" >"$1.ls"; return 0; }
        sleep 0.1
    done
    fail "gzip still running after 10 s in $1"
}
"$TCPDUMP" -r "$T/big.pcap" -w "$T/ref/out" -C 1 -z gzip 2>/dev/null || fail "test bug: tcpdump -z failed"
rc=0; "$SYNACK" -r "$T/big.pcap" -w "$T/got/out" -C 1 -z gzip >"$T/out" 2>"$T/err" || rc=$?
[ "$rc" = 0 ] || { fail "-z gzip: exit $rc"; show "$T/err"; }
settle "$T/ref"; settle "$T/got"
expect_same "-z gzip: files" "$T/ref.ls" "$T/got.ls"
grep -q '\.gz$' "$T/got.ls" || fail "-z gzip: nothing compressed"
while read -r f; do
    case $f in
    *.gz) cmp -s <(gzip -dc "$T/ref/$f") <(gzip -dc "$T/got/$f") || fail "-z gzip: $f differs from tcpdump's" ;;
    *) cmp -s "$T/ref/$f" "$T/got/$f" || fail "-z gzip: $f differs from tcpdump's" ;;
    esac
done <"$T/ref.ls"

# a script that records its argument and the user it runs as
cat >"$T/rec.sh" <<EOS
#!/bin/sh
echo "\$1 \$(id -un)" >>"$T/rec/\$(basename "\$0").\$\$"
EOS
chmod 0755 "$T/rec.sh"
rm -rf "$T/ref" "$T/got"; mkdir -m 0777 "$T/ref" "$T/got"
"$TCPDUMP" -r "$T/big.pcap" -w "$T/ref/out" -C 1 -z "$T/rec.sh" 2>/dev/null
for ((i = 0; i < 100; i++)); do [ "$(cat "$T/rec/"* 2>/dev/null | wc -l)" -ge 3 ] && break; sleep 0.1; done
cat "$T/rec/"* 2>/dev/null | sed "s|$T/ref/||" | sort >"$T/rec.ref"; rm -f "$T/rec/"*
"$SYNACK" -r "$T/big.pcap" -w "$T/got/out" -C 1 -z "$T/rec.sh" 2>"$T/err" || { fail "-z script: exit status"; show "$T/err"; }
for ((i = 0; i < 100; i++)); do [ "$(cat "$T/rec/"* 2>/dev/null | wc -l)" -ge 3 ] && break; sleep 0.1; done
cat "$T/rec/"* 2>/dev/null | sed "s|$T/got/||" | sort >"$T/rec.got"
[ "$(wc -l <"$T/rec.ref")" = 3 ] || { fail "test bug: tcpdump ran the script $(wc -l <"$T/rec.ref") times"; show "$T/rec.ref"; }
expect_same "-z script: arguments and user" "$T/rec.ref" "$T/rec.got"

# a command that cannot be run: tcpdump's message once per closed file, and the capture
# goes on.  (tcpdump's own capture breaks here when it reads a file: its failed child
# exits through stdio and moves the shared read offset; so only its first message is
# the reference, and the files come from a run without -z.)
rm -rf "$T/ref" "$T/got"; mkdir -m 0777 "$T/ref" "$T/got"
"$TCPDUMP" -r "$T/big.pcap" -w "$T/ref/out" -C 1 -z "$T/nosuch" 2>"$T/t.err"
rc=0; "$SYNACK" -r "$T/big.pcap" -w "$T/got/out" -C 1 -z "$T/nosuch" 2>"$T/s.err" || rc=$?
[ "$rc" = 0 ] || fail "-z nosuch: exit $rc"
for ((i = 0; i < 50; i++)); do [ "$(grep -c '^compress_savefile' "$T/s.err")" -ge 3 ] && break; sleep 0.1; done
# (which file tcpdump's first message names depends on its children's timing: take its wording, name "out")
grep '^compress_savefile' "$T/t.err" | sed "s|$T/ref/||" | head -1 | sed 's/\bout[0-9]*)/out)/' >"$T/t.msg"
grep '^compress_savefile' "$T/s.err" | sed "s|$T/got/||" | sort >"$T/s.msg"
[ -s "$T/t.msg" ] || fail "test bug: tcpdump printed no compress_savefile message"
printf '%s\n' "$(cat "$T/t.msg")" "$(sed 's/\bout)/out1)/' "$T/t.msg")" "$(sed 's/\bout)/out2)/' "$T/t.msg")" >"$T/want.msg"
expect_same "-z nosuch: messages" "$T/want.msg" "$T/s.msg"
rm -rf "$T/ref"; mkdir -m 0777 "$T/ref"
"$TCPDUMP" -r "$T/big.pcap" -w "$T/ref/out" -C 1 2>/dev/null
(cd "$T/ref" && ls) >"$T/ref.ls"; (cd "$T/got" && ls) >"$T/got.ls"
expect_same "-z nosuch: files" "$T/ref.ls" "$T/got.ls"
finish
