#!/usr/bin/python3
"""tests/compare/ipid-diff.py A.pcap B.pcap - an independent count of what two
captures of the same IPv4 traffic (Ethernet, classic pcap) do not share:
packets are named by (source, destination, protocol, IP ID), which a router
does not rewrite.  Prints "ONLY_A ONLY_B": packets seen in A and not in B,
and in B and not in A.  Used to check compare's capture-loss counts."""
import struct
import sys


def packets(path):
    data = open(path, "rb").read()
    magic = data[:4]
    if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
        e = "<"
    elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        e = ">"
    else:
        sys.exit("ipid-diff.py: not a classic pcap file: " + path)
    if struct.unpack(e + "I", data[20:24])[0] != 1:
        sys.exit("ipid-diff.py: not Ethernet: " + path)
    seen = set()
    off = 24
    while off + 16 <= len(data):
        incl = struct.unpack(e + "I", data[off + 8:off + 12])[0]
        frame = data[off + 16:off + 16 + incl]
        off += 16 + incl
        if len(frame) < 34 or frame[12:14] != b"\x08\x00" or frame[14] >> 4 != 4:
            continue
        ip = frame[14:]
        key = (bytes(ip[12:16]), bytes(ip[16:20]), ip[9], struct.unpack(">H", ip[4:6])[0])
        seen.add(key)
    return seen


a, b = packets(sys.argv[1]), packets(sys.argv[2])
print(len(a - b), len(b - a))
