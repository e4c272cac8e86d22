#!/usr/bin/python3
# sweep-trunc.py - truncation sweep: takes a sample of the frames the other sweeps wrote
# (run them first; they leave their pcaps in $SWEEP_TMP, default /tmp/sweep) and cuts each
# at every capture length, so every " [|proto]" marker position is compared between
# tcpdump and synack.  Not run by the test suite.
# Run: /usr/bin/python3 tests/golden/sweep-trunc.py [NAME...]
import random, struct, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_lib import *


def read_pcap(path):
    out = []
    with open(path, "rb") as f:
        hdr = f.read(24)
        lt = struct.unpack("<I", hdr[20:24])[0]
        while True:
            h = f.read(16)
            if len(h) < 16:
                break
            _, _, cap, wire = struct.unpack("<IIII", h)
            data = f.read(cap)
            if cap == wire:
                out.append(data)
    return lt, out


rng = random.Random(int(os.environ.get("SWEEP_SEED", "1")))
names = sys.argv[1:] or ["icmp", "icmp6", "ipopt", "tcpopt", "gre", "ppp", "arp", "dhcp", "dns",
                         "ntp-sctp", "more", "m3ua"]
for name in names:
    path = os.path.join(TMP, name + ".pcap")
    if not os.path.exists(path):
        continue
    lt, frames = read_pcap(path)
    sample = rng.sample(frames, min(120, len(frames)))
    cut = []
    for fr in sample:
        for n in range(1, len(fr)):
            cut.append((fr, n))
    compare("trunc-" + name, cut, linktype=lt, show=2)
