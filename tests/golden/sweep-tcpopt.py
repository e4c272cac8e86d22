#!/usr/bin/python3
# sweep-tcpopt.py - TCP options (every kind with every length 0..40, patterned and random
# data, several flag combinations) and UDP checksum/length cases over IPv4 and IPv6,
# compared between tcpdump and synack.  Not run by the test suite.
# Run: /usr/bin/python3 tests/golden/sweep-tcpopt.py
import random, struct, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_lib import *

rng = random.Random(7)


def tcp4(opts, flags=0x18, payload=b"", sport=40000, dport=9999, src="10.0.0.1", dst="10.0.0.2",
         good=True):
    opts += b"\0" * (-len(opts) % 4)
    off = (20 + len(opts)) // 4
    h = struct.pack("!HHIIBBHHH", sport, dport, 1000, 2000, off << 4, flags, 512, 0, 0) + opts + payload
    if good:
        ph = bytes(map(int, src.split("."))) + bytes(map(int, dst.split("."))) + struct.pack("!xBH", 6, len(h))
        h = h[:16] + struct.pack("!H", csum(ph + h)) + h[18:]
    return eth(0x800, ip4(6, h, src=src, dst=dst))


def tcp6(opts, flags=0x18, payload=b""):
    opts += b"\0" * (-len(opts) % 4)
    off = (20 + len(opts)) // 4
    h = struct.pack("!HHIIBBHHH", 40000, 9999, 1000, 2000, off << 4, flags, 512, 0, 0) + opts + payload
    h = h[:16] + struct.pack("!H", cks6("fe80::1", "fe80::2", 6, h)) + h[18:]
    return eth(0x86dd, ip6(6, h))


frames = []
for kind in range(0, 256):
    for ln in range(0, 41) if kind < 35 or kind in (253, 254, 76, 69, 78, 172, 79) else (0, 1, 2, 3, 4, 6, 10, 18):
        for pat in (0, 1):
            if ln < 2:
                o = bytes([kind]) + (bytes([ln]) if ln == 1 else b"")
            else:
                data = bytes(range(ln - 2)) if pat == 0 else rng.randbytes(ln - 2)
                o = bytes([kind, ln]) + data
            if len(o) > 40:
                o = o[:40]
            frames.append(tcp4(o, flags=rng.choice([0x02, 0x12, 0x10, 0x18, 0x04, 0x14])))
# MPTCP subtypes
for st in range(0, 16):
    for ln in (3, 4, 8, 12, 16, 20, 24, 30):
        o = bytes([30, ln, st << 4 | 1]) + rng.randbytes(max(0, ln - 3))
        frames.append(tcp4(o[:40], flags=0x12))
# SACK blocks, TS, wscale combos, chains
for n in range(0, 5):
    o = bytes([1, 1, 5, 2 + 8 * n]) + b"".join(struct.pack("!II", 1000 + i, 2000 + i) for i in range(n))
    frames.append(tcp4(o))
frames.append(tcp4(bytes([2, 4, 5, 0xb4, 4, 2, 8, 10]) + struct.pack("!II", 1, 0) + bytes([1, 3, 3, 7]), flags=2))
frames.append(tcp6(bytes([2, 4, 5, 0xb4, 4, 2, 8, 10]) + struct.pack("!II", 1, 0) + bytes([1, 3, 3, 7]), flags=2))
# TCP header lengths
for off in range(0, 16):
    h = struct.pack("!HHIIBBHHH", 40000, 9999, 1, 2, off << 4, 0x10, 512, 0, 0) + bytes(range(40))
    frames.append(eth(0x800, ip4(6, h)))
# UDP lengths and checksums
for ulen in (0, 1, 7, 8, 9, 12, 16, 100):
    for ck in (0, 1, 0xffff, None):
        for port in (9999, 53, 123):
            p = struct.pack("!HHHH", 1234, port, ulen, 0) + b"abcdefgh"
            if ck is None:
                ph = bytes([10, 0, 0, 1, 10, 0, 0, 2]) + struct.pack("!xBH", 17, len(p))
                p = p[:6] + struct.pack("!H", csum(ph + p)) + p[8:]
            else:
                p = p[:6] + struct.pack("!H", ck) + p[8:]
            frames.append(eth(0x800, ip4(17, p)))
            p6 = struct.pack("!HHHH", 1234, port, ulen, ck or 0) + b"abcdefgh"
            frames.append(eth(0x86dd, ip6(17, p6)))
base = list(frames)
for fr in base[::5]:
    frames.append((fr, rng.randrange(14 + 20, len(fr) + 1)))
compare("tcpopt", frames)
