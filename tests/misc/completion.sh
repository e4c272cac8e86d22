#!/usr/bin/env bash
# tests/misc/completion.sh - completion/synack.bash, sourced in a plain bash
# (no bash-completion package), fills COMPREPLY as a user expects: subcommands
# for the first word, options per subcommand, every interface of
# /sys/class/net after -i, files after -r and -w, graph kinds, -Q values.
. "$(dirname "$0")/../lib.sh"
F=$TOP/completion/synack.bash
[ -f "$F" ] || die "no completion/synack.bash"
bash -n "$F" || die "syntax error in $F"
# shellcheck source=/dev/null
. "$F"
complete -p synack 2>/dev/null | grep -q -- '-F _synack synack' || die "complete -F _synack synack not registered"

# comp WORD... : complete the last word of the command line "synack WORD..."
comp() {
    COMP_WORDS=(synack "$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="${COMP_WORDS[*]}"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _synack synack "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\n' "${COMPREPLY[@]}" | sort
}
# has REPLY WORD... : every WORD is in REPLY (one per line)
has() {
    local reply=$1 w
    shift
    for w in "$@"; do
        grep -qxF -- "$w" <<<"$reply" || { fail "missing '$w' in: $(echo $reply)"; return; }
    done
}
hasnot() {
    local reply=$1 w
    shift
    for w in "$@"; do
        grep -qxF -- "$w" <<<"$reply" && fail "unexpected '$w' in: $(echo $reply)"
    done
    return 0
}

r=$(comp ""); has "$r" diagnose conns compare report graph help host port tcp
r=$(comp diag); [ "$r" = diagnose ] || fail "'diag' completes to '$r', not diagnose"
r=$(comp co); has "$r" conns compare; hasnot "$r" diagnose
r=$(comp help ""); has "$r" diagnose conns compare report graph
r=$(comp graph ""); has "$r" tsg throughput rtt inflight ladder
r=$(comp graph tsg --c); [ "$r" = --conn ] || fail "graph tsg --c completes to '$r'"
r=$(comp -); has "$r" -i -r -w -c -nn -vv --analyze --json --version
r=$(comp --ana); [ "$r" = --analyze ] || fail "--ana completes to '$r'"
r=$(comp diagnose --j); [ "$r" = --json ] || fail "diagnose --j completes to '$r'"
r=$(comp compare --l); has "$r" --ladder
r=$(comp -Q ""); [ "$(echo $r)" = "in inout out" ] || fail "-Q completes to '$(echo $r)'"
r=$(comp --time-stamp-precision=n); [ "$r" = --time-stamp-precision=nano ] || fail "--time-stamp-precision=n: '$r'"
# interfaces: exactly what /sys/class/net has, plus any
want=$( (ls /sys/class/net; echo any) | sort)
r=$(comp -i ""); [ "$r" = "$want" ] || fail "-i completes to '$(echo $r)', /sys/class/net has '$(echo $want)'"
r=$(comp diagnose -nn -i l); has "$r" lo; hasnot "$r" any
r=$(comp --interface=l); has "$r" --interface=lo
# files after -r and -w (in a directory of our own)
mkdir -p "$T/d/sub" && touch "$T/d/a.pcap" "$T/d/b.pcapng" "$T/d/other.txt"
cd "$T/d" || die "cd"
r=$(comp -r ""); has "$r" a.pcap b.pcapng other.txt sub
r=$(comp -nn -r a); [ "$r" = a.pcap ] || fail "-r a completes to '$r'"
r=$(comp conns -w b); [ "$r" = b.pcapng ] || fail "conns -w b completes to '$r'"
r=$(comp report -r s); [ "$r" = sub ] || fail "report -r s completes to '$r'"
r=$(comp compare a.pcap ""); has "$r" a.pcap b.pcapng
# a number is not guessed
r=$(comp -c ""); [ -z "$r" ] || fail "-c completes to '$r'"
echo "completion: subcommands, options, $(echo "$want" | wc -l) interfaces, files"
finish
