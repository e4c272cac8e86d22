#!/usr/bin/python3
# sweep-more.py - second-level sweeps: IPv6 mobility header (every MH type with options),
# ICMP/ICMPv6 errors quoting every inner protocol (TCP, UDP, ICMP, GRE, SCTP, options,
# fragments), IPv4 options inside quoted datagrams; tcpdump vs synack.
# Not run by the test suite.  Run: /usr/bin/python3 tests/golden/sweep-more.py
import random, struct, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_lib import *

rng = random.Random(135)
frames = []
# mobility header
for mh in range(0, 20):
    for body_len in (0, 2, 6, 10, 14, 22, 30, 38):
        body = bytes([0, 0]) + bytes(range(1, body_len + 1))
        for opts in (b"", b"\x00", b"\x01\x02\0\0", b"\x02\x02\x12\x34", b"\x03\x06" + bytes(6),
                     b"\x04\x0a" + bytes(10), b"\x05\x0c" + bytes(12), b"\x06\x02\0\0", b"\x09\x01\0",
                     rng.randbytes(8)):
            b = struct.pack("!BBBB", 59, 0, mh, 0) + body + opts
            b += b"\0" * (-len(b) % 8)
            b = b[:1] + bytes([len(b) // 8 - 1]) + b[2:]
            frames.append(eth(0x86dd, ip6(135, b)))
    frames.append(eth(0x86dd, ip6(135, struct.pack("!BBBB", 59, 0, mh, 0))))
    frames.append(eth(0x86dd, ip6(135, struct.pack("!BBBB", 59, 5, mh, 0) + bytes(4))))


def icmp(t, c, rest, body):
    h = struct.pack("!BBH", t, c, 0) + rest + body
    return h[:2] + struct.pack("!H", csum(h)) + h[4:]


inners = []
for proto, pl in ((6, struct.pack("!HHIIBBHHH", 40000, 80, 1, 2, 0x50, 0x12, 100, 0, 0)),
                  (6, struct.pack("!HHII", 40000, 80, 1, 2)), (17, struct.pack("!HHHH", 5, 53, 30, 0)),
                  (1, struct.pack("!BBHHH", 8, 0, 0, 1, 2)), (1, struct.pack("!BBHHH", 3, 3, 0, 0, 0)),
                  (47, struct.pack("!HH", 0, 0x800)), (132, struct.pack("!HHII", 1, 2, 3, 4)),
                  (50, struct.pack("!II", 0x100, 1)), (51, b"\x04\x04\0\0" + bytes(20)), (89, bytes(24)),
                  (2, bytes(8)), (103, bytes(8)), (112, bytes(8)), (4, ip4(17, b"")), (41, ip6(59, b""))):
    for cut in (None, 4, 8):
        p = pl if cut is None else pl[:cut]
        inners.append(ip4(proto, p, src="10.0.0.2", dst="10.9.9.9", tot=20 + len(pl)))
    inners.append(ip4(proto, pl, src="10.0.0.2", dst="10.9.9.9", flags=0x2000))
    inners.append(ip4(proto, pl, src="10.0.0.2", dst="10.9.9.9", flags=0x0010))
    inners.append(ip4(proto, pl, src="10.0.0.2", dst="10.9.9.9", opts=b"\x94\x04\0\0"))
for inner in inners:
    for t, c in ((3, 3), (3, 4), (11, 0), (12, 0), (5, 1), (4, 0)):
        frames.append(eth(0x800, ip4(1, icmp(t, c, struct.pack("!I", 0x0a000001 if t == 5 else 0x00000100), inner))))


def icmp6(t, c, body, src="fe80::1", dst="fe80::2"):
    h = struct.pack("!BBH", t, c, 0) + body
    h = h[:2] + struct.pack("!H", cks6(src, dst, 58, h)) + h[4:]
    return eth(0x86dd, ip6(58, h, src=src, dst=dst))


for nh, pl in ((6, struct.pack("!HHIIBBHHH", 40000, 80, 1, 2, 0x50, 0x12, 100, 0, 0)),
               (17, struct.pack("!HHHH", 5, 53, 30, 0)), (58, struct.pack("!BBHHH", 128, 0, 0, 1, 2)),
               (58, struct.pack("!BBH", 135, 0, 0) + bytes(20)), (0, b"\x11\0\x01\x04\0\0\0\0" + bytes(8)),
               (44, struct.pack("!BBHI", 17, 0, 1, 7) + bytes(8)), (132, bytes(12)), (47, bytes(4)),
               (50, bytes(8)), (59, b""), (43, b"\x11\x02\0\1\0\0\0\0" + bytes(16))):
    for cut in (None, 4):
        inner = ip6(nh, pl if cut is None else pl[:cut], src="2001:db8::1", dst="2001:db8::2", plen=len(pl))
        for t, c in ((1, 0), (1, 4), (2, 0), (3, 0), (3, 1), (4, 0), (4, 1), (4, 2)):
            frames.append(icmp6(t, c, struct.pack("!I", 1280 if t == 2 else 0) + inner))
base = list(frames)
for fr in base[::5]:
    frames.append((fr, rng.randrange(14 + 20, len(fr) + 1)))
compare("more", frames)
