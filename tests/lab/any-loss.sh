#!/usr/bin/env bash
# shellcheck disable=SC2034  # LAB_POINTS, LAB_CAPARGS_*: read by lib.bash
# tests/lab/any-loss.sh - the router drops ~5% of the server's data packets
# (nft "numgen random mod 20 == 0" on forwarded segments from the server with
# payload) during a 600 KB download; captured at the client, at the server,
# and with `synack -i any` on the router (LINUX_SLL2: every forwarded packet
# twice, a dropped one only once, on its way in).  Expectations
# (tests/lab/expect-a.tsv): packet-loss first at all three points.
# The true loss rate is counted by nft (rule comments "data" and "lost"); in
# the shipped recording (tests/captures/lab-any-loss-*.pcap) it was
# 22 of 443 data packets, 5.0%.  The loss percentage diagnose reports at the
# router ("about X% loss" for server->client, or a loss_rate field) must be
# within a factor 1.5 of the true one - not ~50% from counting each
# forwarded packet's second copy as a retransmission.
. "$(dirname "$0")/lib.bash"
LAB_POINTS="client server router"
LAB_CAPARGS_router="-y LINUX_SLL2"
lab_need
lab_up
lab_serve source 8080 600000
lab_nft iifname "$RSIF" tcp sport 8080 ip length '>' 200 counter comment '"data"'
lab_nft iifname "$RSIF" tcp sport 8080 ip length '>' 200 numgen random mod 20 == 0 counter drop comment '"lost"'
lab_capture_start
lab_client get "$SRV_IP" 8080 15 || fail "download failed: $(tail -n1 "$T/client.out")"
lab_capture_stop
sent=$(lab_nft_count data) lost=$(lab_nft_count lost)
echo "router: $lost of $sent data packets from the server dropped"
[ "${lost:-0}" -gt 0 ] || fail "the router dropped nothing (counter ${lost:-?})"
lab_expect any-loss
# the reported loss rate at the router against the true one
lab_diag router >/dev/null
/usr/bin/python3 - "$T/router.json" "$sent" "$lost" <<'PYEOF' || fail "router: the reported loss rate is not within a factor 1.5 of the true one"
import json, re, sys
path, sent, lost = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
true = 100.0 * lost / sent
rates = []
def walk(o):
    if o.get("id") == "packet-loss":
        for k in ("loss_rate", "loss_pct", "loss_percent"):
            if isinstance(o.get(k), (int, float)):
                v = float(o[k])
                rates.append(v * 100 if k == "loss_rate" and v <= 1 else v)
        for e in o.get("evidence") or []:
            for m in re.finditer(r"server->client:[^;]*?about ([0-9.]+)% loss", str(e)):
                rates.append(float(m.group(1)))
    for c in o.get("consequences") or []:
        if isinstance(c, dict):
            walk(c)
for line in open(path):
    try:
        o = json.loads(line)
    except ValueError:
        continue
    if isinstance(o, dict):
        walk(o)
if not rates:
    print("router: no loss rate reported (true %.1f%%)" % true)
    sys.exit(1)
got = max(rates)
print("router: reported %.1f%% loss, true %.1f%% (%d/%d)" % (got, true, lost, sent))
sys.exit(0 if true / 1.5 <= got <= true * 1.5 else 1)
PYEOF
lab_finish
