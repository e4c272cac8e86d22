#!/usr/bin/python3
# sweep-frag.py - IPv4 and IPv6 fragments (first, middle, last, DF/MF/offset combinations,
# after a hop-by-hop header) of every upper protocol synack decodes, cut at every third
# capture length; tcpdump vs synack.  Not run by the test suite.
# Run: /usr/bin/python3 tests/golden/sweep-frag.py
import random, struct, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_lib import *

fr=[]
pls = {6: struct.pack("!HHIIBBHHH", 1, 80, 1, 2, 0x50, 2, 100, 0, 0), 17: struct.pack("!HHHH", 5, 53, 20, 0) + bytes(12),
       1: struct.pack("!BBHHH", 8, 0, 0, 1, 2), 58: struct.pack("!BBHHH", 128, 0, 0, 1, 2), 47: struct.pack("!HH", 0, 0x800) + bytes(20),
       132: bytes(16), 50: bytes(16), 51: b"\x3b\x04\0\0" + bytes(20), 89: bytes(24), 2: bytes(8), 103: bytes(8), 112: bytes(20), 255: b"xyz"}
for proto, pl in pls.items():
    for fl in (0x2000, 0x0001, 0x2001, 0x4000, 0x1fff, 0x0000):
        fr.append(eth(0x800, ip4(proto, pl, flags=fl)))
    for off, m in ((0, 1), (1, 0), (1, 1), (100, 0)):
        fh = struct.pack("!BBHI", proto, 0, (off << 3) | m, 0xabcdef)
        fr.append(eth(0x86dd, ip6(44, fh + pl)))
        fr.append(eth(0x86dd, ip6(0, b"\x2c\0\1\4\0\0\0\0" + fh + pl)))
base=list(fr)
for f in base:
    for n in range(14+20, len(f), 3):
        fr.append((f, n))
compare("frag", fr, show=3)
