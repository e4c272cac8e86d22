#!/usr/bin/python3
# sweep-ppp.py - PPP over DLT_PPP (9): every 16-bit protocol number, with and without
# the ff03 address/control, compressed protocol fields, and for the control protocols
# (LCP, IPCP, IP6CP, CCP, BACP, PAP, CHAP, ...) every code and every option type with
# several lengths; compared between tcpdump and synack.  Not run by the test suite.
# Run: /usr/bin/python3 tests/golden/sweep-ppp.py
import random, struct, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_lib import *

rng = random.Random(9)
inner4 = ip4(17, struct.pack("!HHHH", 1, 2, 12, 0) + b"abcd")
frames = []
pl = rng.randbytes(24)
for proto in range(0, 0x10000):
    frames.append(b"\xff\x03" + struct.pack("!H", proto) + (inner4 if proto & 0xff == 0x21 else pl))
print("all protocols:", end=" ")
compare("ppp-all", frames, linktype=9, modes=("nn", "nnv", "nne"))

frames = []
for proto in range(0, 256):
    frames.append(bytes([proto]) + pl)
    frames.append(b"\xff\x03" + bytes([proto]) + pl)
    frames.append(struct.pack("!H", proto) + pl)
# control protocols
cps = [0xc021, 0x8021, 0x8057, 0x80fd, 0x80fb, 0xc02b, 0xc023, 0xc223, 0x802b, 0x8029, 0x8031,
       0x8207, 0x8281, 0x8053, 0x8041, 0x803f, 0x8023, 0x8027, 0x804b, 0xc025, 0xc029]
for proto in cps:
    for code in range(0, 20):
        for body in (b"", b"\0\0\0\0", rng.randbytes(8), b"\x01\x04\x05\xdc\x05\x06\x12\x34\x56\x78"):
            m = struct.pack("!BBH", code, 7, 4 + len(body)) + body
            frames.append(b"\xff\x03" + struct.pack("!H", proto) + m)
        frames.append(b"\xff\x03" + struct.pack("!H", proto) + struct.pack("!BBH", code, 7, 40) + b"\0" * 4)
        frames.append(b"\xff\x03" + struct.pack("!H", proto) + struct.pack("!BBH", code, 7, 2))
    for ot in range(0, 40):
        for ln in (0, 1, 2, 3, 4, 5, 6, 8, 10, 14, 18):
            o = bytes([ot, ln]) + rng.randbytes(max(0, ln - 2))
            if ln < 2:
                o = bytes([ot, ln])
            for code in (1, 2, 3, 4):
                m = struct.pack("!BBH", code, 7, 4 + len(o)) + o
                frames.append(b"\xff\x03" + struct.pack("!H", proto) + m)
# every code of every control protocol cut at every length
for proto in cps:
    for code in range(0, 16):
        for body in (b"\x00\x21abcdefghij", b"\x01\x02\x03\x04\x00\x00\x0c\x05\x06abcd"):
            m = b"\xff\x03" + struct.pack("!HBBH", proto, code, 7, 4 + len(body)) + body
            for n in range(5, len(m)):
                frames.append((m, n))
base = list(frames)
for fr in base[::4]:
    if not isinstance(fr, tuple):
        frames.append((fr, rng.randrange(1, len(fr) + 1)))
compare("ppp", frames, linktype=9)
