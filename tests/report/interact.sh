#!/usr/bin/env bash
# tests/report/interact.sh - the report's script in headless Chromium, driven by
# a harness page that loads the report in an iframe and sends it real DOM
# events: a wheel zooms the time-sequence graph (viewBox shrinks, tick labels
# change, markers keep their size), a drag pans, a double-click resets; a
# click on a column header sorts the table; a click on a packet link in a
# finding highlights that packet's row.
# timeout: 200
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/browser.bash"
need_synack
need_chromium
"$SYNACK" report -r "$CAP/lab-backlog-server.pcap" -o "$T/r.html" 2>/dev/null
cat >"$T/h.html" <<'HTML'
<!DOCTYPE html><html><body><iframe id="f" src="r.html" width="1200" height="900"></iframe><pre id="out"></pre>
<script>
const out = document.getElementById('out');
function log(s) { out.textContent += s + '\n'; }
document.getElementById('f').addEventListener('load', () => {
  try {
    const w = document.getElementById('f').contentWindow, d = w.document;
    const g = d.querySelector('svg.g-tsg .mk').closest('svg.graph'), plot = g.querySelector('svg.plot');
    g.scrollIntoView();
    const r = plot.getBoundingClientRect();
    const ticks = () => Array.from(g.querySelectorAll('.tk')).map(t => t.textContent).join(',');
    const t0 = ticks();
    log('vb0 ' + plot.getAttribute('viewBox'));
    g.dispatchEvent(new w.WheelEvent('wheel', {deltaY: -100, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true}));
    g.dispatchEvent(new w.WheelEvent('wheel', {deltaY: -100, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true}));
    log('vb1 ' + plot.getAttribute('viewBox'));
    log('ticks_changed ' + (ticks() !== t0));
    const mk = plot.querySelector('.mk');
    log('mk ' + (mk ? mk.getAttribute('transform') : 'none'));
    const vb1 = plot.getAttribute('viewBox');
    g.dispatchEvent(new w.MouseEvent('mousedown', {clientX: r.left + 300, clientY: r.top + 100, bubbles: true, cancelable: true}));
    w.dispatchEvent(new w.MouseEvent('mousemove', {clientX: r.left + 200, clientY: r.top + 60, bubbles: true}));
    w.dispatchEvent(new w.MouseEvent('mouseup', {bubbles: true}));
    log('panned ' + (plot.getAttribute('viewBox') !== vb1));
    g.dispatchEvent(new w.MouseEvent('dblclick', {bubbles: true}));
    log('vb2 ' + plot.getAttribute('viewBox'));
    log('ticks_reset ' + (ticks() === t0));
    // sort by duration (3rd column), ascending
    const th = d.querySelectorAll('table.conns th')[2];
    th.click();
    const v = Array.from(d.querySelectorAll('table.conns tbody tr')).map(tr => parseFloat(tr.cells[2].dataset.v));
    log('sorted ' + v.every((x, i) => i === 0 || v[i - 1] <= x) + ' ' + v.length);
    th.click();
    const v2 = Array.from(d.querySelectorAll('table.conns tbody tr')).map(tr => parseFloat(tr.cells[2].dataset.v));
    log('sorted_desc ' + v2.every((x, i) => i === 0 || v2[i - 1] >= x));
    // a packet link in a finding
    const a = d.querySelector('a.plink');
    if (a) {
      a.click();
      const row = d.getElementById(a.getAttribute('href').slice(1));
      log('plink ' + a.dataset.pkt + ' ' + (row && row.classList.contains('hl')));
    } else log('plink none');
  } catch (e) { log('error ' + e); }
  document.body.dataset.done = '1';
});
</script></body></html>
HTML
prof=$(mktemp -d "$T/prof.XXXXXX")
timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$prof" --allow-file-access-from-files --window-size=1280,1000 \
    --virtual-time-budget=5000 --dump-dom "file://$T/h.html" >"$T/h.dom" 2>"$T/h.log" || die "chromium failed"
res=$(sed -n '/<pre id="out">/,/<\/pre>/p' "$T/h.dom" | sed 's/<[^>]*>//g')
echo "$res" | grep -q '^error' && fail "harness: $(echo "$res" | grep '^error')"
get() { echo "$res" | sed -n "s/^$1 //p"; }
[ "$(get vb0)" = "0 0 850 300" ] || fail "initial viewBox '$(get vb0)'"
read -r _ _ w1 h1 <<<"$(get vb1)"
[ -n "${w1:-}" ] && awk -v w="$w1" -v h="$h1" 'BEGIN { exit !(w > 500 && w < 600 && h > 180 && h < 210) }' ||
    fail "two wheel steps in should zoom to 0.64: viewBox '$(get vb1)'"
[ "$(get ticks_changed)" = true ] || fail "tick labels did not follow the zoom"
case $(get mk) in *"scale(0.64"*) ;; *) fail "marker not counter-scaled: '$(get mk)'" ;; esac
[ "$(get panned)" = true ] || fail "drag did not pan"
[ "$(get vb2)" = "0 0 850 300" ] || fail "double-click did not reset: '$(get vb2)'"
[ "$(get ticks_reset)" = true ] || fail "tick labels not restored by the reset"
case $(get sorted) in "true "[2-9]*|"true "[1-9][0-9]*) ;; *) fail "ascending sort: '$(get sorted)'" ;; esac
[ "$(get sorted_desc)" = true ] || fail "descending sort"
case $(get plink) in *" true") ;; *) fail "packet link did not highlight its row: '$(get plink)'" ;; esac
finish
