#!/usr/bin/env bash
# tests/report/inject.sh - a capture crafted to inject markup and script into
# the report (tests/captures/rep-inject.pcap, made by make-rep-inject.py:
# <script>, "onload=, </svg>, <img onerror>, javascript: in HTTP request and
# status lines, headers and DNS names) read from a file whose name is itself
# markup.  In Chromium nothing runs (each payload would set document.title to
# PWNEDn), no element or handler is created from packet bytes, no CSP refusal
# is logged (nothing even tried), and the strings are shown as text.
# timeout: 200
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/browser.bash"
need_synack
PY=/usr/bin/python3
get() { sed -n "s/^$1 //p" "$2"; }
name="\"><svg onload=document.title='PWNED9'>.pcap"
cp "$CAP/rep-inject.pcap" "$T/$name"
rc=0; (cd "$T" && "$SYNACK" report -r "$name" -o "$T/r.html") 2>"$T/err" || rc=$?
[ "$rc" -le 1 ] || { fail "report exit status $rc"; show "$T/err"; }
# without a browser: no raw markup from the packets in the file
for bad in "<script>document" "<svg onload" "<img src" "\"onload=\"document"; do
    grep -qF -- "$bad" "$T/r.html" && fail "raw '$bad' in the report"
done
grep -qF -- "&lt;script&gt;document.title=&#39;PWNED1&#39;&lt;/script&gt;" "$T/r.html" ||
    fail "the HTTP request line is not in the packet list, escaped"
# the SVG graph of the connection: well-formed
"$SYNACK" graph tsg -r "$CAP/rep-inject.pcap" --conn 1 -o "$T/g.svg" 2>/dev/null || fail "graph tsg failed"
$PY -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$T/g.svg" || fail "graph is not well-formed XML"

need_chromium
chromium_dom "$T/r.html" "$T/r.dom" || die "chromium failed"
$PY "$TOP/tests/report/domcheck.py" "$T/r.dom" >"$T/facts"
title=$(get title "$T/facts")
# the file name itself contains PWNED9 as text: the title must be exactly synack's
[ "$title" = "synack report: $name" ] || fail "title changed (injected script ran?): '$title'"
[ "$(get scripts "$T/facts")" = 2 ] || fail "script elements: $(get scripts "$T/facts"), expected 2 (findings data, the page script)"
[ "$(get handlers "$T/facts")" = 0 ] || fail "elements with on* handlers: $(get handlers "$T/facts")"
[ "$(get jsurls "$T/facts")" = 0 ] || fail "javascript: URLs in attributes: $(get jsurls "$T/facts")"
[ -z "$(console_errors "$T/r.dom.log")" ] || { fail "console messages / CSP refusals:"; console_errors "$T/r.dom.log" | head -5; }
text=$(get text "$T/facts")
for s in "GET /<script>document.title='PWNED1'</script> HTTP/1.1" "HTTP/1.1 200 <script>document.title='PWNED6'</script>" \
    "A? <script>document.title='PWNED7'</script>.\"onload=x.javascript:alert(1).example." \
    "CNAME </svg><img src=x onerror=document.title='PWNED8'>.example."; do
    case $text in *"$s"*) ;; *) fail "not shown as text: $s" ;; esac
done
finish
