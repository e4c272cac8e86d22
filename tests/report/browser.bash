# shellcheck shell=bash
# tests/report/browser.bash - headless Chromium for the report tests (source after ../lib.sh).
#   need_chromium            skip (77) when Debian's chromium is not installed
#   chromium_dom HTML OUT    --dump-dom of file://HTML after its scripts ran; console to OUT.log
#   chromium_shot HTML PNG [WxH]
#   console_errors OUT.log   prints console messages and CSP refusals (empty: none)
CHROMIUM=${CHROMIUM:-chromium}
need_chromium() { command -v "$CHROMIUM" >/dev/null 2>&1 || skip "chromium not installed (apt-get install chromium)"; }
_chromium() {
    local prof
    prof=$(mktemp -d "$T/prof.XXXXXX")
    timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --user-data-dir="$prof" \
        --enable-logging=stderr --v=0 "$@"
}
chromium_dom() { _chromium --dump-dom "file://$1" >"$2" 2>"$2.log"; }
chromium_shot() { _chromium --window-size="${3:-1280,2000}" --screenshot="$2" "file://$1" >/dev/null 2>"$2.log"; }
console_errors() { grep -E 'CONSOLE|Content Security Policy|Refused to' "$1" || true; }
