#!/usr/bin/python3
# sweep-icmp.py - ICMP (v4) dispatch sweep: every type with several codes and payloads
# (zero, patterned, random, quoted inner datagrams, RFC 4884 extensions), compared between
# tcpdump and synack.  Not run by the test suite.  Run: /usr/bin/python3 tests/golden/sweep-icmp.py
import random, struct, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_lib import *

rng = random.Random(4)


def icmp(t, c, rest, body):
    h = struct.pack("!BBH", t, c, 0) + rest + body
    return h[:2] + struct.pack("!H", csum(h)) + h[4:]


def inner_udp():
    u = struct.pack("!HHHH", 1234, 53, 20, 0) + b"\0" * 12
    return ip4(17, u, src="10.0.0.2", dst="10.9.9.9")


def inner_tcp():
    t = struct.pack("!HHIIBBHHH", 40000, 80, 1, 0, 0x50, 2, 1024, 0, 0)
    return ip4(6, t, src="10.0.0.2", dst="10.9.9.9")


def ext_mpls(objs=None):
    # ICMP extension header v2 + MPLS label stack object
    if objs is None:
        objs = [struct.pack("!HBB", 8, 1, 1) + struct.pack("!I", (100 << 12) | (0 << 9) | (1 << 8) | 64)]
    body = b"".join(objs)
    h = struct.pack("!BBH", 0x20, 0, 0) + body
    return h[:2] + struct.pack("!H", csum(h)) + h[4:]


frames = []
bodies = lambda: [b"", inner_udp(), inner_tcp(), rng.randbytes(rng.randrange(1, 40)), b"\0" * 28]
for t in range(0, 256):
    codes = [0, 1, 2, 3, 4, 5, 9, 13, 15, 16, 255] if t in (3, 5, 11, 12, 4, 40) else [0, 1, 7]
    for c in codes:
        for rest in (struct.pack("!I", 0x01020304), b"\0\0\0\0", rng.randbytes(4)):
            for body in bodies():
                frames.append(eth(0x800, ip4(1, icmp(t, c, rest, body))))
    # rfc 4884 length + extensions
    for t2 in (3, 11, 12):
        pad = inner_udp() + b"\0" * (128 - len(inner_udp()))
        for ln in (0, 32, 4, 200):
            for ext in (ext_mpls(), b"", ext_mpls([struct.pack("!HBB", 12, 1, 1) + struct.pack("!II", 100 << 12 | 1 << 8, 200 << 12 | 0x100 | 5)]),
                        ext_mpls([struct.pack("!HBB", 8, 2, 1) + b"\0" * 4]), ext_mpls([struct.pack("!HBB", 3, 1, 1)])):
                rest = struct.pack("!BBH", 0, ln, 0) if t2 != 12 else struct.pack("!BBH", 0, ln, 0)
                frames.append(eth(0x800, ip4(1, icmp(t2, 0, rest, pad + ext))))
# timestamps / address mask / router adv
for t in (13, 14, 17, 18, 9, 10):
    for n in range(0, 30, 3):
        frames.append(eth(0x800, ip4(1, icmp(t, 0, rng.randbytes(4), rng.randbytes(n)))))
for nadv in range(0, 4):
    for sz in (0, 1, 2, 3):
        frames.append(eth(0x800, ip4(1, icmp(9, 0, struct.pack("!BBH", nadv, sz, 1800), rng.randbytes(nadv * 8)))))
# quoted datagram length field 0..40 (tcpdump narrows the capture to it)
for il in list(range(0, 24)) + [28, 40, 1000]:
    u = struct.pack("!HHHH", 1234, 9999, 20, 0) + b"\0" * 12
    inner = ip4(17, u, src="10.0.0.2", dst="10.9.9.9", tot=il)
    for t in (3, 11):
        frames.append(eth(0x800, ip4(1, icmp(t, 0, b"\0" * 4, inner))))
        frames.append(eth(0x800, ip4(1, icmp(t, 0, b"\0" * 4, inner + b"\0" * 100 + ext_mpls()))))
# truncations of everything notable
base = list(frames)
for fr in base[::7]:
    frames.append((fr, rng.randrange(14 + 20, len(fr) + 1)))
compare("icmp", frames)
