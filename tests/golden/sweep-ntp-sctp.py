#!/usr/bin/python3
# sweep-ntp-sctp.py - NTP (every version x mode, leap/stratum/poll values, control
# messages, extension fields, short/long packets) and SCTP (every chunk type with flags
# and lengths, several chunks per packet, bad lengths); compared between tcpdump and
# synack.  Not run by the test suite.  Run: /usr/bin/python3 tests/golden/sweep-ntp-sctp.py
import random, struct, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_lib import *

rng = random.Random(123)


def udp(sp, dp, b):
    return eth(0x800, ip4(17, struct.pack("!HHHH", sp, dp, 8 + len(b), 0) + b))


frames = []
for vers in range(0, 8):
    for mode in range(0, 8):
        for li in (0, 3):
            for stratum in (0, 1, 2, 16, 255):
                b = struct.pack("!BBbb", li << 6 | vers << 3 | mode, stratum, 6, -20)
                b += struct.pack("!II4s", 0x00010000, 0x00020000, b"GPS\0" if stratum == 1 else b"\x0a\0\0\x01")
                b += rng.randbytes(32)
                for extra in (b"", rng.randbytes(4), rng.randbytes(20), rng.randbytes(24)):
                    frames.append(udp(123, 123, b + extra))
        frames.append(udp(123, 123, struct.pack("!B", vers << 3 | mode)))
        frames.append(udp(123, 123, struct.pack("!BB", vers << 3 | mode, 1) + b"\0" * 10))
# control messages (mode 6)
for op in range(0, 32):
    for rem in (0, 0x80, 0x40, 0xc0, 0x20):
        for cnt in (0, 4, 12, 500):
            b = struct.pack("!BBHHHHH", 2 << 3 | 6, rem | op, 7, 0, 0, 0, cnt) + b"abcdefghijkl"
            frames.append(udp(123, 40000, b))
# SCTP
def sctp(chunks, sp=5000, dp=5001):
    h = struct.pack("!HHII", sp, dp, 0x01020304, 0) + chunks
    return eth(0x800, ip4(132, h))


def ch(t, fl, body, ln=None):
    c = struct.pack("!BBH", t, fl, ln if ln is not None else 4 + len(body)) + body
    return c + b"\0" * (-len(c) % 4)


for t in list(range(0, 20)) + [63, 64, 127, 128, 129, 130, 191, 192, 193, 194, 255]:
    for fl in (0, 1, 2, 3, 4, 7, 0xff):
        for body in (b"", struct.pack("!IHHI", 1, 2, 3, 0x33) + b"data", struct.pack("!IIHHI", 1, 2, 3, 4, 5),
                     rng.randbytes(rng.randrange(1, 30)), struct.pack("!IHHHH", 9, 1, 0, 8, 4) + b"\0" * 4):
            frames.append(sctp(ch(t, fl, body)))
    for ln in (0, 1, 3, 4, 5, 100):
        frames.append(sctp(ch(t, 0, b"\0" * 12, ln=ln)))
    frames.append(sctp(ch(t, 0, b"\0" * 16) + ch(0, 3, struct.pack("!IHHI", 1, 2, 3, 0) + b"x") + ch(6, 0, b"")))
# DATA with PPIDs, ports of known upper protocols
for ppid in range(0, 60):
    frames.append(sctp(ch(0, 3, struct.pack("!IHHI", 1, 2, 3, ppid) + b"\x01\x00\x00\x10" + b"\0" * 12)))
for port in (2905, 2904, 3868, 36412, 9899, 2944, 5060, 1000):
    frames.append(sctp(ch(0, 3, struct.pack("!IHHI", 1, 2, 3, 0) + b"\x01\x00\x00\x08\0\0\0\0"), sp=port))
# M3UA (PPID 3, decoded with -vv): every class/type, every parameter tag, bad lengths
def m3(cls, typ, params, ln=None, ver=1):
    return struct.pack("!BBBBI", ver, 0, cls, typ, ln if ln is not None else 8 + len(params)) + params


def prm(tag, val):
    p = struct.pack("!HH", tag, 4 + len(val)) + val
    return p + b"\0" * (-len(p) % 4)


def m3data(payload):
    return ch(0, 3, struct.pack("!IHHI", 1, 2, 3, 3) + payload)


for cls in list(range(0, 11)) + [255]:
    for typ in range(0, 8):
        frames.append(sctp(m3data(m3(cls, typ, prm(6, b"\0\0\0\1")))))
for tag in [4, 6, 7, 9, 11, 12, 13, 17, 18, 19, 0x200, 0x204, 0x205, 0x206, 0x207, 0x208, 0x209,
            0x20a, 0x20b, 0x20c, 0x20e, 0x210, 0x212, 0x213, 1, 0x300, 0xffff]:
    for val in (b"", b"\1\2\3\4", b"abcdefg", bytes(range(1, 20))):
        frames.append(sctp(m3data(m3(1, 1, prm(tag, val)))))
for bad in (m3(1, 1, b"\0\6\0\x40\0\0"), m3(1, 1, b"\0\6\0\2"), m3(1, 1, b"", ln=3), b"\1\0",
            m3(1, 1, prm(6, b"\0\0\0\1") + b"\0\7"), m3(3, 3, prm(9, b"hb"), ver=2)):
    frames.append(sctp(m3data(bad) + ch(14, 0, b"") + m3data(m3(3, 3, prm(9, b"hb")))))
base = list(frames)
for fr in base[::6]:
    frames.append((fr, rng.randrange(14 + 20, len(fr) + 1)))
compare("ntp-sctp", frames)
