#!/usr/bin/env bash
# tests/lint.sh - source rules a compiler does not check (make lint).
#  1. banned functions anywhere in src/ and fuzz/: sprintf vsprintf strcpy
#     strcat strtok atoi gets (snprintf, strtol, fgets are the replacements).
#  2. in the packet code (src/print, src/decode): no cast of a pointer to a
#     struct or to a multi-byte integer type, i.e. no "(const struct ip *)bp"
#     or "*(uint16_t *)(p + 2)": packet bytes are read only through the
#     bounds-checked accessors (GET_*, rd_*).  Taking the address of a local
#     object is fine: "(struct sockaddr *)&sin" is not reported.  A line that
#     really needs such a cast says so with the comment "lint: ok".
# Comments are ignored (text after //, inside /* */ on one line, and lines of
# a block comment that start with "*").  Exit status 1 and one line per
# finding ("file:line: rule: text") when anything is found.
set -u
cd "$(dirname "$0")/.." || exit 2

# strip_comments FILE: "LINENO:code" for every line, comments removed.
strip_comments() {
    awk '{
        line = $0
        if (inblock) {
            i = index(line, "*/")
            if (!i) { print NR ":"; next }
            line = substr(line, i + 2); inblock = 0
        }
        out = ""
        while (1) {
            a = index(line, "/*"); b = index(line, "//")
            if (b && (!a || b < a)) { out = out substr(line, 1, b - 1); line = ""; break }
            if (!a) break
            out = out substr(line, 1, a - 1)
            rest = substr(line, a + 2); e = index(rest, "*/")
            if (!e) { inblock = 1; line = ""; break }
            line = substr(rest, e + 2)
        }
        print NR ":" out line
    }' "$1"
}

fail=0
report() { echo "$1"; fail=1; }

banned='(^|[^A-Za-z0-9_])(sprintf|vsprintf|strcpy|strcat|strtok|atoi|gets)[[:space:]]*\('
# (const) struct NAME * or (const) [u]intNN_t * cast, not followed by '&' (address of a local)
cast='\((const[[:space:]]+)?(volatile[[:space:]]+)?(struct[[:space:]]+[A-Za-z_][A-Za-z0-9_]*|u?int(16|32|64)_t|u_int(16|32|64)_t|u_(short|int|long))[[:space:]]*(const[[:space:]]*)?\*[[:space:]]*\)[[:space:]]*[^&[:space:]]'

for f in $(find src fuzz -name '*.[ch]' 2>/dev/null | sort); do
    stripped=$(strip_comments "$f")
    while IFS= read -r hit; do
        [ -n "$hit" ] || continue
        report "$f:${hit%%:*}: banned function: $(echo "${hit#*:}" | sed 's/^[[:space:]]*//')"
    done < <(printf '%s\n' "$stripped" | grep -E "^[0-9]+:.*$banned" )
    case $f in src/print/*|src/decode/*) ;; *) continue ;; esac
    while IFS= read -r hit; do
        [ -n "$hit" ] || continue
        n=${hit%%:*}
        sed -n "${n}p" "$f" | grep -q 'lint: ok' && continue
        report "$f:$n: cast of packet bytes (use GET_*/rd_*): $(echo "${hit#*:}" | sed 's/^[[:space:]]*//')"
    done < <(printf '%s\n' "$stripped" | grep -E "^[0-9]+:.*$cast")
done

# libpcap is called from src/capture.c only (docs/ARCHITECTURE.md): no pcap_*() call elsewhere
for f in $(ls src/*.c src/*/*.c fuzz/*.c 2>/dev/null); do
    [ "$f" = src/capture.c ] && continue
    while IFS= read -r hit; do
        [ -n "$hit" ] || continue
        report "$f:${hit%%:*}: libpcap call outside src/capture.c: $(echo "${hit#*:}" | sed 's/^[[:space:]]*//')"
    done < <(strip_comments "$f" | grep -nE '\bpcap_[a-z_]+[[:space:]]*\(' | grep -vE 'pcap_pkthdr')
done

# self-test: the patterns must catch what they are meant to and nothing else
t=$(mktemp -d) && trap 'rm -rf "$t"' EXIT
printf '%s\n' 'x = (const struct ip *)bp;' 'v = *(const uint16_t *)(p + 2);' 'sprintf(b, "x");' 'n = atoi(s);' >"$t/bad"
printf '%s\n' 'getnameinfo((struct sockaddr *)&sin, 1);' 'snprintf(b, n, "x");' 'fgets(b, n, f);' \
    'n = strtol(s, 0, 10);' '/* sprintf(x) */' 'y = nd_tok(x); // (struct ip *)bp' >"$t/good"
nbad=$(strip_comments "$t/bad" | grep -cE "$banned|$cast")
ngood=$(strip_comments "$t/good" | grep -cE "$banned|$cast")
if [ "$nbad" != 4 ] || [ "$ngood" != 0 ]; then
    echo "lint: self-test failed (caught $nbad of 4 bad lines, $ngood false positives of 6)"
    fail=1
fi
[ $fail = 0 ] && echo "lint: ok"
exit $fail
