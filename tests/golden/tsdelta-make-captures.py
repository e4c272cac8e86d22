#!/usr/bin/python3
# tsdelta-make-captures.py - tests/captures/tsdelta.pcap (microseconds) and tsdelta-ns.pcap
# (nanoseconds) for tests/golden/tsdelta.list: -ttt/-ttttt across zero time stamps (tcpdump
# takes 0.000000 as "no reference yet"), differences over a day, going backwards, and fraction
# fields out of range (libpcap reads them signed).  Expected outputs come from tcpdump only.
import os, struct

CAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "captures")
frame = bytes.fromhex("02000000000202000000000108004500001c00010000401166960a0000010a00000204d2162e00080000")
stamps = [(1700000000, 5), (1700000000, 7), (0, 0), (0, 999999), (6553600, 999999), (6553632, 0),
          (512, 0), (1700090000, 3), (1700000000, 999999), (1700000001, 0), (1700000001, 2147483648),
          (1700000001, 4294967295), (1700000002, 1000000), (1700000002, 1)]
for name, magic, scale in (("tsdelta.pcap", 0xa1b2c3d4, 1), ("tsdelta-ns.pcap", 0xa1b23c4d, 1000)):
    with open(os.path.join(CAP, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", magic, 2, 4, 0, 0, 65535, 1))
        for sec, frac in stamps:
            frac = frac * scale if frac < 1000000 else frac
            f.write(struct.pack("<IIII", sec, frac & 0xffffffff, len(frame), len(frame)))
            f.write(frame)
