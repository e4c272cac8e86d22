#!/usr/bin/python3
# sweep-dns.py - DNS: every RR type 0..300 (+ a few high ones) in answers with several
# RDATA lengths, question types/classes, EDNS OPT with every option code and lengths,
# opcodes/rcodes/flags, names with pointers/bad labels; over UDP and TCP; compared
# between tcpdump and synack.  Not run by the test suite.
# Run: /usr/bin/python3 tests/golden/sweep-dns.py
import random, struct, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_lib import *

rng = random.Random(53)
NAME = b"\x03www\x07example\x03com\x00"


def dns(flags, qd, an, ns=b"", ar=b"", counts=None, port=53):
    qdc, anc, nsc, arc = counts
    b = struct.pack("!HHHHHH", 0x1234, flags, qdc, anc, nsc, arc) + qd + an + ns + ar
    u = struct.pack("!HHHH", port, 40000, 8 + len(b), 0) + b
    return eth(0x800, ip4(17, u))


def q(t=1, c=1):
    return NAME + struct.pack("!HH", t, c)


def rr(t, rdata, c=1, name=b"\xc0\x0c", ttl=300):
    return name + struct.pack("!HHIH", t, c, ttl, len(rdata)) + rdata


frames = []
types = list(range(0, 300)) + [32768, 32769, 65280, 65535, 249, 250, 251, 252, 253, 254, 255, 256, 257]
for t in types:
    for rd in (b"", b"\x0a\0\0\x01", bytes(range(1, 17)), rng.randbytes(rng.randrange(1, 40)),
               NAME, b"\x00\x0a" + NAME, b"\x05hello\x05world"):
        frames.append(dns(0x8180, q(t), rr(t, rd), counts=(1, 1, 0, 0)))
    frames.append(dns(0x0100, q(t), b"", counts=(1, 0, 0, 0)))
for c in (0, 1, 2, 3, 4, 254, 255, 0x8001, 0x8000):
    frames.append(dns(0x0100, q(1, c), b"", counts=(1, 0, 0, 0)))
    frames.append(dns(0x8180, q(1, c), rr(1, b"\x0a\0\0\x01", c=c), counts=(1, 1, 0, 0)))
for fl in range(0, 0x10000, 0x0111):
    frames.append(dns(fl, q(), b"", counts=(1, 0, 0, 0)))
# EDNS
for code in range(0, 30):
    for ln in (0, 1, 2, 4, 8, 12, 20):
        data = bytes(range(1, ln + 1))
        if code == 8 and ln >= 4:
            data = struct.pack("!HBB", 1 + (ln % 3 == 0), 24, 0) + data[4:]
        opt = struct.pack("!HH", code, ln) + data
        o = b"\x00" + struct.pack("!HHIH", 41, 1232, 0x00008000, len(opt)) + opt
        frames.append(dns(0x0100, q(), b"", ar=o, counts=(1, 0, 0, 1)))
        frames.append(dns(0x8180, q(), b"", ar=o, counts=(1, 0, 0, 1)))
for ext in (0, 1, 0x100, 0xff00):
    o = b"\x00" + struct.pack("!HHIH", 41, 512, ext << 16, 0)
    frames.append(dns(0x8183, q(), b"", ar=o, counts=(1, 0, 0, 1)))
# weird names
for nm in (b"\xc0\x0c", b"\xc0\xff", b"\x40\x01", b"\x41\x08abcdefgh\x00", b"\x80", b"\x3f" + b"a" * 63 + b"\x00",
           b"\x01.\x00", b"\x04a b\x01\x00", b"\xc0\x12"):
    frames.append(dns(0x8180, q(), rr(1, b"\x0a\0\0\x01", name=nm), counts=(1, 1, 0, 0)))
# count mismatches
frames.append(dns(0x8180, q(), b"", counts=(1, 3, 2, 1)))
frames.append(dns(0x8180, b"", b"", counts=(0, 0, 0, 0)))
# mDNS / LLMNR ports
for port in (5353, 5355):
    frames.append(dns(0x8400, q(12, 0x8001), rr(12, NAME, c=0x8001), counts=(1, 1, 0, 0), port=port))
base = list(frames)
for fr in base[::6]:
    frames.append((fr, rng.randrange(14 + 28, len(fr) + 1)))
compare("dns", frames)
