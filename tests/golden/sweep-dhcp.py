#!/usr/bin/python3
# sweep-dhcp.py - BOOTP/DHCP options (every tag 0..255 with several lengths, patterned
# and random data, DHCP message types, agent/client-id/FQDN/classless-route options),
# DHCPv6 options (every code with several lengths inside several message types);
# compared between tcpdump and synack.  Not run by the test suite.
# Run: /usr/bin/python3 tests/golden/sweep-dhcp.py
import random, struct, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_lib import *

rng = random.Random(67)


def bootp(opts, op=1, sname=b"", file=b""):
    b = struct.pack("!BBBBIHH4s4s4s4s", op, 1, 6, 0, 0x12345678, 3, 0x8000, b"\0" * 4, b"\x0a\0\0\x05",
                    b"\0" * 4, b"\0" * 4)
    b += bytes.fromhex("020000000001") + b"\0" * 10 + sname.ljust(64, b"\0") + file.ljust(128, b"\0")
    b += b"\x63\x82\x53\x63" + opts
    u = struct.pack("!HHHH", 68 if op == 1 else 67, 67 if op == 1 else 68, 8 + len(b), 0) + b
    return eth(0x800, ip4(17, u))


frames = []
for tag in range(0, 256):
    for ln in (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 16, 17, 33):
        for pat in (0, 1):
            data = bytes(range(1, ln + 1)) if pat == 0 else rng.randbytes(ln)
            if pat == 0 and tag in (12, 15, 17, 40, 47, 56, 60, 64, 66, 67, 86, 87):
                data = (b"hostname.example" * 3)[:ln]
            frames.append(bootp(bytes([53, 1, 1, tag, ln]) + data + b"\xff"))
for mt in range(0, 20):
    frames.append(bootp(bytes([53, 1, mt, 255])))
# agent info suboptions, client id types, classless routes, FQDN flags, overload
for st in range(0, 16):
    for ln in (0, 1, 4, 6):
        frames.append(bootp(bytes([82, 2 + ln, st, ln]) + bytes(range(1, ln + 1)) + b"\xff"))
for ht in (0, 1, 6, 255):
    frames.append(bootp(bytes([61, 7, ht]) + bytes(range(1, 7)) + b"\xff"))
for w in range(0, 34, 3):
    d = bytes([w]) + bytes(range(1, (w + 7) // 8 + 1)) + b"\x0a\0\0\x01"
    frames.append(bootp(bytes([121, len(d)]) + d + b"\xff"))
for fl in range(0, 16):
    frames.append(bootp(bytes([81, 7, fl, 0, 0]) + b"\x01a\x00\x00" + b"\xff"))
for ov in (1, 2, 3, 4):
    frames.append(bootp(bytes([52, 1, ov, 255]), sname=b"\x0c\x02ab\xff", file=b"\x0f\x03xyz\xff"))
frames.append(bootp(b"", op=2))
frames.append(bootp(b"\x00\x00\x00", op=2))
frames.append(bootp(bytes([1, 4]) + b"\xff\xff\xff", op=2))

# DHCPv6
def d6(mt, opts):
    if mt in (12, 13):
        b = struct.pack("!BB", mt, 0) + a6("2001:db8::1") + a6("fe80::9") + opts
    else:
        b = struct.pack("!I", (mt << 24) | 0x123456) + opts
    u = struct.pack("!HHHH", 546, 547, 8 + len(b), 0) + b
    return eth(0x86dd, ip6(17, u))


for mt in range(0, 40):
    frames.append(d6(mt, b""))
for code in range(0, 150):
    for ln in (0, 1, 2, 3, 4, 6, 8, 12, 16, 18, 20, 24, 28, 40):
        data = bytes(range(1, ln + 1)) if code % 2 else rng.randbytes(ln)
        for mt in (1, 7, 12):
            frames.append(d6(mt, struct.pack("!HH", code, ln) + data))
# nested IA_NA/IA_PD with suboptions, status codes, DUID types
for st in range(0, 10):
    frames.append(d6(7, struct.pack("!HH", 13, 2 + 5) + struct.pack("!H", st) + b"hello"))
for dt in range(0, 6):
    for ln in (2, 4, 8, 10, 14, 18):
        frames.append(d6(1, struct.pack("!HHH", 1, ln, dt) + bytes(range(ln - 2))))
ia = struct.pack("!HH", 5, 24) + a6("2001:db8::5") + struct.pack("!II", 100, 200)
frames.append(d6(7, struct.pack("!HHIII", 3, 12 + len(ia), 1, 2, 3) + ia))
iapd = struct.pack("!HHIIB", 26, 25, 100, 200, 56) + a6("2001:db8:1::")
frames.append(d6(7, struct.pack("!HHIII", 25, 12 + len(iapd), 1, 2, 3) + iapd))
frames.append(d6(12, struct.pack("!HH", 9, 12) + struct.pack("!I", 0x01123456) + struct.pack("!HH", 1, 4) + b"abcd"))
# BOOTP header: op/htype/hlen/hops/flags, sname/file with and without a NUL, vendor areas
def bootp_hdr(op, htype, hlen, hops, flags, sname, file, vend, sp=68, dp=67):
    b = struct.pack("!BBBBIHH4s4s4s4s", op, htype, hlen, hops, 0x12345678, 3, flags, b"\x0a\0\0\x09",
                    b"\x0a\0\0\x05", b"\x0a\0\0\x06", b"\x0a\0\0\x07")
    b += bytes(range(1, 17)) + sname.ljust(64, b"\0")[:64] + file.ljust(128, b"\0")[:128] + vend
    return eth(0x800, ip4(17, struct.pack("!HHHH", sp, dp, 8 + len(b), 0) + b))


for op in (0, 1, 2, 3):
    for htype in (0, 1, 6, 32):
        for hlen in (0, 1, 6, 8, 16, 17, 255):
            frames.append(bootp_hdr(op, htype, hlen, 0, 0, b"", b"", b"\x63\x82\x53\x63\xff"))
for hops in (0, 1, 255):
    for fl in (0, 0x8000, 0x0001, 0xffff):
        frames.append(bootp_hdr(1, 1, 6, hops, fl, b"srv", b"boot/file", b"\x63\x82\x53\x63\xff"))
for sname in (b"", b"a", b"x" * 64, b"\x01\x02\xff", b"ab\0cd"):
    for file in (b"", b"f", b"y" * 128, b"\x80abc"):
        frames.append(bootp_hdr(2, 1, 6, 0, 0, sname, file, b"\x63\x82\x53\x63\xff"))
for vend in (b"", b"\0\0\0\0", b"CMU\0" + bytes(60), b"CMU\0" + bytes(range(60)), b"\x63\x82\x53",
             b"\x63\x82\x53\x63", b"\x63\x82\x53\x63" + b"\0" * 10, rng.randbytes(64)):
    frames.append(bootp_hdr(1, 1, 6, 0, 0, b"", b"", vend))
    frames.append(bootp_hdr(2, 1, 6, 0, 0, b"", b"", vend, sp=67, dp=68))
base = list(frames)
for fr in base[::6]:
    frames.append((fr, rng.randrange(14 + 28, len(fr) + 1)))
compare("dhcp", frames)
