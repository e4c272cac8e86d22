#!/usr/bin/python3
# sweep-iphdr.py - IPv4/IPv6/TCP header fields: version and header-length values, total
# lengths shorter/longer than the frame, TOS/ECN, flags and fragment offsets, TTL 0/1,
# IPv6 payload lengths and flow labels, every TCP flag combination with urgent pointers
# and data offsets; tcpdump vs synack.  Not run by the test suite.
# Run: /usr/bin/python3 tests/golden/sweep-iphdr.py
import random, struct, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_lib import *

rng = random.Random(4)
frames = []
udp = struct.pack("!HHHH", 1234, 9999, 12, 0) + b"abcd"
for ver in range(0, 16):
    for ihl in range(0, 16):
        h = bytearray(ip4(17, udp))
        h[0] = ver << 4 | ihl
        frames.append(eth(0x800, bytes(h) + bytes(40)))
for tl in (0, 1, 19, 20, 21, 27, 28, 32, 33, 100, 65535):
    frames.append(eth(0x800, ip4(17, udp, tot=tl)))
for tos in range(0, 256, 1):
    h = bytearray(ip4(17, udp))
    h[1] = tos
    frames.append(eth(0x800, bytes(h)))
for fl in (0, 0x2000, 0x4000, 0x8000, 0xe000, 0x0001, 0x2001, 0x1fff, 0x3fff, 0x0100):
    for proto in (17, 6, 1, 47, 58, 250):
        frames.append(eth(0x800, ip4(proto, udp, flags=fl)))
for ttl in (0, 1, 255):
    frames.append(eth(0x800, ip4(17, udp, ttl=ttl)))
# IPv6
for vtf in (0x60000000, 0x6fffffff, 0x600abcde, 0x4000000, 0x70000000, 0x61200000):
    for pl in (0, 4, 12, 13, 100):
        h = struct.pack("!IHBB16s16s", vtf, pl, 17, 64, a6("fe80::1"), a6("fe80::2"))
        frames.append(eth(0x86dd, h + udp))
# TCP flags / offsets / urgent
for fl in range(0, 0x1000, 3):
    for off in (5, 4, 6):
        h = struct.pack("!HHIIHHHH", 40000, 80, 0x11223344, 0x55667788, (off << 12) | fl, 512, 0, 7)
        frames.append(eth(0x800, ip4(6, h + bytes((off - 5) * 4 if off > 5 else 0) + b"data")))
for win in (0, 1, 65535):
    for urg in (0, 1, 65535):
        h = struct.pack("!HHIIHHHH", 40000, 80, 1, 2, (5 << 12) | 0x38, win, 0, urg)
        frames.append(eth(0x800, ip4(6, h)))
base = list(frames)
for fr in base[::5]:
    frames.append((fr, rng.randrange(14, len(fr) + 1)))
compare("iphdr", frames)
