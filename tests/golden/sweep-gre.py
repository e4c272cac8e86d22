#!/usr/bin/python3
# sweep-gre.py - GRE: every flag combination and version with a set of protocol types
# (every known Ethertype and a patterned range), source routes, and PPTP's enhanced
# GRE (version 1); compared between tcpdump and synack.  Not run by the test suite.
# Run: /usr/bin/python3 tests/golden/sweep-gre.py
import random, struct, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_lib import *

rng = random.Random(47)
inner4 = ip4(17, struct.pack("!HHHH", 1, 2, 12, 0) + b"abcd", src="192.168.0.1", dst="192.168.0.2")
inner6 = ip6(59, b"")
protos = [0x0800, 0x86dd, 0x8847, 0x8848, 0x6558, 0x880b, 0x00fe, 0x0806, 0x8035, 0x809b, 0x8137,
          0x0000, 0x0001, 0x2000, 0x22eb, 0x88be, 0x8100, 0x894f, 0x8863, 0x8864, 0x6559, 0x0101,
          0x22f3, 0x9000, 0x88a8, 0x8809, 0x88cc, 0x876b, 0x8902, 0xffff, 0x0200, 0x0600, 0x6000]
frames = []
for ver in range(0, 8):
    for flags in range(0, 0x100, 1 if ver < 2 else 16):
        for proto in (protos if flags % 8 == 0 else protos[:8]):
            w = ((flags & 0xf8) << 8) | ((flags & 0x7) << 8) | ver
            h = struct.pack("!HH", w, proto)
            if flags & 0xc0:
                h += struct.pack("!HH", 0x1234, 4)
            if flags & 0x20:
                h += struct.pack("!I", 0xdeadbeef) if ver != 1 else struct.pack("!HH", 12, 7)
            if flags & 0x10:
                h += struct.pack("!I", 42)
            if ver == 1 and flags & 0x01:
                h += struct.pack("!I", 41)
            if flags & 0x40:
                h += struct.pack("!HBB", 0x0800, 0, 4) + b"\x0a\0\0\x01" + b"\0\0\0\0"
            for pl in ((inner4, b"", b"\xff\x03\x00\x21" + inner4, rng.randbytes(20)) if flags % 16 == 0 else (inner4,)):
                frames.append(eth(0x800, ip4(47, h + pl)))
# source route entries
for af in (0x0800, 0xfffe, 0x1234):
    for off in (0, 4, 8):
        for ln in (0, 4, 8, 3, 6):
            sre = struct.pack("!HBB", af, off, ln) + bytes(range(1, ln + 1))
            h = struct.pack("!HH", 0x4000, 0x0800) + struct.pack("!HH", 0, off) + sre + struct.pack("!HBB", 0, 0, 0)
            frames.append(eth(0x800, ip4(47, h + inner4)))
# over IPv6
for proto in protos[:8]:
    frames.append(eth(0x86dd, ip6(47, struct.pack("!HH", 0x2000, proto) + struct.pack("!I", 5) + inner4)))
base = list(frames)
for fr in base[::5]:
    frames.append((fr, rng.randrange(14 + 20, len(fr) + 1)))
compare("gre", frames)
