#!/usr/bin/python3
# sweep-ipopt.py - IPv4 options (every option type with several lengths, padding, bad
# lengths) and IPv6 extension headers / options (hop-by-hop and destination options of
# every type and length, routing headers of every type, fragment headers), compared
# between tcpdump and synack.  Not run by the test suite.
# Run: /usr/bin/python3 tests/golden/sweep-ipopt.py
import random, struct, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_lib import *

rng = random.Random(44)
udp = struct.pack("!HHHH", 1234, 9999, 12, 0) + b"abcd"


def pad4(b):
    return b + b"\0" * (-len(b) % 4)


frames = []
for t in range(256):
    for ln in (0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 39, 40):
        data = bytes([t, ln]) + rng.randbytes(max(0, ln - 2))
        if ln < 2:
            data = bytes([t]) + (bytes([ln]) if ln else b"")
        opts = pad4(data)
        if len(opts) > 40:
            continue
        frames.append(eth(0x800, ip4(17, udp, opts=opts)))
# record route / timestamp with pointers and flags
for t in (7, 68, 131, 137, 148, 130, 133, 134, 136, 82, 149):
    for ln in (3, 7, 8, 11, 12, 36, 39):
        for ptr in (0, 1, 4, 5, 8, 9, 12, 13, 40):
            for fl in (0, 1, 3, 2, 0xf1):
                data = bytes([t, ln, ptr, fl]) + bytes(range(1, ln - 3)) if ln > 4 else bytes([t, ln, ptr])[:ln]
                frames.append(eth(0x800, ip4(17, udp, opts=pad4(data))))
# NOP / EOL sequences
for seq in (b"\x01\x01\x01\x01", b"\x00\x00\x00\x00", b"\x01\x00\x07\x03", b"\x94\x04\x00\x00\x01\x00\x00\x00"):
    frames.append(eth(0x800, ip4(17, udp, opts=seq)))

# IPv6 hop-by-hop / destination options
def ext(nh, body):
    b = struct.pack("!BB", nh, 0) + body
    b += b"\0" * (-len(b) % 8)
    return bytes([b[0], len(b) // 8 - 1]) + b[2:]


u6 = struct.pack("!HHHH", 1234, 9999, 12, 0) + b"abcd"
for hdr in (0, 60):
    for t in range(256):
        for ln in (0, 1, 2, 4, 6, 8, 12, 20):
            body = bytes([t, ln]) + rng.randbytes(ln) if t != 0 else b"\0"
            frames.append(eth(0x86dd, ip6(hdr, ext(17, body) + u6)))
    for t in (0xc2, 0x05, 0x07, 0x1e, 0x3e, 0x6d, 0x8b, 0x26, 0x31, 0x04, 0xc9, 0x63):
        for ln in range(0, 30):
            body = b"\x01\x00" + bytes([t, ln]) + rng.randbytes(ln)
            frames.append(eth(0x86dd, ip6(hdr, ext(17, body) + u6)))
            body = bytes([t, ln]) + bytes(ln)
            frames.append(eth(0x86dd, ip6(hdr, ext(17, body) + u6)))
# home address sub-options
for sub in (b"\0", b"\1\0", b"\1\2\0\0", b"\x07\1x", b"\x07", b"\1", b"\1\5\0", b"\0\x09\0", b"\x05\2ab\0"):
    for hdr in (0, 60):
        body = b"\xc9" + bytes([16 + len(sub)]) + a6("2001:db8::7") + sub
        frames.append(eth(0x86dd, ip6(hdr, ext(17, body) + u6)))
# routing headers
for rt in range(0, 6):
    for segl in (0, 1, 2, 3):
        for n in (0, 1, 2):
            body = struct.pack("!BB", rt, segl) + struct.pack("!BBH", n - 1 if n else 0, 0, 0) + b"".join(
                a6("2001:db8::%d" % (i + 1)) for i in range(n))
            b = bytes([17, 2 * n]) + body
            frames.append(eth(0x86dd, ip6(43, b + u6)))
            frames.append(eth(0x86dd, ip6(43, bytes([17, 2 * n + 1]) + body + bytes(8) + u6)))
# fragment headers
for off in (0, 1, 8, 0x1fff):
    for m in (0, 1):
        for nh in (17, 58, 6, 59, 44):
            fh = struct.pack("!BBHI", nh, 0, (off << 3) | m, 0x12345678)
            frames.append(eth(0x86dd, ip6(44, fh + u6)))
# no next header, mobility, chains
frames.append(eth(0x86dd, ip6(59, b"")))
frames.append(eth(0x86dd, ip6(59, b"xyz")))
frames.append(eth(0x86dd, ip6(60, ext(60, b"\x01\x00") + ext(17, b"\x01\x00") + u6)))
frames.append(eth(0x86dd, ip6(0, ext(43, b"\x01\x00") + bytes([17, 0, 0, 0, 0, 0, 0, 0]) + u6)))
base = list(frames)
for fr in base[::6]:
    frames.append((fr, rng.randrange(14 + 20, len(fr) + 1)))
compare("ipopt", frames)
