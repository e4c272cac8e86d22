#!/usr/bin/python3
# sweep-icmp6.py - ICMPv6 dispatch sweep: every type with several codes and bodies (zero,
# patterned, random, quoted datagrams), every ND option type with several lengths, MLD,
# RPL, node information, router renumbering; compared between tcpdump and synack.
# Not run by the test suite.  Run: /usr/bin/python3 tests/golden/sweep-icmp6.py
import random, struct, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_lib import *

rng = random.Random(6)
S, D = "fe80::1", "ff02::1"


def icmp6(t, c, body, src=S, dst=D):
    h = struct.pack("!BBH", t, c, 0) + body
    ck = cks6(src, dst, 58, h)
    h = h[:2] + struct.pack("!H", ck) + h[4:]
    return eth(0x86dd, ip6(58, h, src=src, dst=dst, hlim=255))


def inner6():
    u = struct.pack("!HHHH", 1234, 9999, 16, 0) + b"\0" * 8
    return ip6(17, u, src="2001:db8::1", dst="2001:db8::2")


def opt(t, data, ln=None):
    b = struct.pack("!BB", t, ln if ln is not None else (2 + len(data) + 7) // 8) + data
    return b + b"\0" * (-len(b) % 8)


frames = []
for t in range(256):
    for c in (0, 1, 2, 3, 4, 5, 6, 7, 8, 255) if t < 5 or t in (138, 139, 140, 155) else (0, 1):
        for body in (b"", b"\0" * 4, b"\0" * 4 + inner6(), rng.randbytes(rng.randrange(1, 48)),
                     bytes(range(40)), b"\0" * 24, b"\xff" * 28):
            frames.append(icmp6(t, c, body))
# ND messages with every option type and a few lengths
nd_fixed = {133: b"\0" * 4, 134: struct.pack("!BBHII", 64, 0xc0, 1800, 0, 0),
            135: b"\0" * 4 + a6("fe80::9"), 136: struct.pack("!I", 0xe0000000) + a6("fe80::9"),
            137: b"\0" * 4 + a6("fe80::9") + a6("fe80::a")}
for t, fixed in nd_fixed.items():
    for ot in range(0, 40):
        for data in (b"", b"\0" * 6, rng.randbytes(14), rng.randbytes(22), rng.randbytes(30),
                     struct.pack("!BBIII", 64, 0xc0, 3600, 1800, 0) + a6("2001:db8::")):
            frames.append(icmp6(t, 0, fixed + opt(ot, data)))
        frames.append(icmp6(t, 0, fixed + opt(ot, b"\0" * 6, ln=0)))
        frames.append(icmp6(t, 0, fixed + opt(ot, b"\0" * 6, ln=3)))
    for ot in (24, 25, 31, 38):
        for pl in range(0, 129, 8):
            for ln in (1, 2, 3, 4):
                d = struct.pack("!BBI", pl, rng.choice([0, 0x08, 0x18]), 3600) + rng.randbytes(16)
                frames.append(icmp6(t, 0, fixed + opt(ot, d[:ln * 8 - 2], ln=ln)))
# MLD v1/v2
for t in (130, 131, 132, 143):
    for n in range(0, 4):
        if t == 143:
            recs = b""
            for i in range(n):
                recs += struct.pack("!BBH", i + 1, 0, 1) + a6("ff0e::%d" % (i + 1)) + a6("2001:db8::%d" % i)
            body = struct.pack("!HH", 0, n) + recs
        elif t == 130:
            body = struct.pack("!HH", 1000, 0) + a6("ff0e::1") + struct.pack("!BBH", 2, 125, n) + \
                   b"".join(a6("2001:db8::%d" % i) for i in range(n))
        else:
            body = struct.pack("!HH", 0, 0) + a6("ff0e::1")
        frames.append(icmp6(t, 0, body))
# RPL (155) codes with base objects and options
for c in (0, 1, 2, 3, 0x80, 0x81, 0x82, 0x8a):
    for o in (b"", opt(0, b"")[:1], struct.pack("!BB", 1, 2) + b"\0\0", struct.pack("!BB", 2, 6) + b"\0" * 6,
              struct.pack("!BB", 3, 8) + b"\x40" * 8, rng.randbytes(20)):
        if c & 0x7f == 0:
            base = struct.pack("!BBBB", 1, 0, 0, 0)
        elif c & 0x7f == 1:
            base = struct.pack("!BBHBBBB", 1, 1, 256, 0x88, 1, 0, 0) + a6("2001:db8::1")
        elif c & 0x7f == 2:
            base = struct.pack("!BBBB", 1, 0x40, 0, 3) + a6("2001:db8::1")
        else:
            base = struct.pack("!BBBB", 1, 0x00, 0, 3)
        frames.append(icmp6(155, c, base + o))
# node information query/reply, router renumbering
for t in (139, 140):
    for c in (0, 1, 2, 3):
        for qt in (0, 1, 2, 3, 4, 5):
            for data in (b"", a6("2001:db8::1"), b"\x04test\x00", rng.randbytes(8),
                         struct.pack("!I", 60) + a6("2001:db8::5"), b"\x00\x00\x00\x3c\x04test\x00\x00"):
                frames.append(icmp6(t, c, struct.pack("!HH", qt, 0x003f) + b"\x01" * 8 + data))
for c in (0, 1, 255):
    for n in range(0, 3):
        body = struct.pack("!IBBH", 7, 0, 0x7f, 100) + b"\0" * 4
        for i in range(n):
            body += struct.pack("!BBBBB3x", 1, 3, 0x80 | 64, 48, 48) + a6("2001:db8::")
            body += struct.pack("!BBBBII4x", 64, 64, 0xc0, 0, 3600, 1800) + a6("2001:db8:1::")
        frames.append(icmp6(138, c, body))
base = list(frames)
for fr in base[::5]:
    frames.append((fr, rng.randrange(14 + 40, len(fr) + 1)))
compare("icmp6", frames)
