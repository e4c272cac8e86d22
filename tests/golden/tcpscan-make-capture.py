#!/usr/bin/python3
# tcpscan-make-capture.py - tests/captures/tcp-portscan.pcap for tests/golden/tcp.list:
# one source port to 200 destination ports (a port scan), each conversation seen
# three times, so relative sequence numbers need a conversation table that does
# not collide when only the port's upper half varies.  Expected output: tcpdump.
import os, struct

CAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "captures")


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def frame(dport, n):
    payload = bytes([n]) * 4
    tcp = struct.pack("!HHIIBBHHH", 40000, dport, 1000 + n, 5000, 5 << 4, 0x18, 8192, 0, 0) + payload
    src, dst = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
    c = csum(src + dst + struct.pack("!BBH", 0, 6, len(tcp)) + tcp)
    tcp = tcp[:16] + struct.pack("!H", c) + tcp[18:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), n, 0, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    return bytes.fromhex("66778899aabb0011223344550800") + ip + tcp


with open(os.path.join(CAP, "tcp-portscan.pcap"), "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    i = 0
    for rnd in range(3):
        for dport in range(1000, 1200):
            data = frame(dport, rnd)
            f.write(struct.pack("<IIII", 1700000000 + i // 1000, (i % 1000) * 1000, len(data), len(data)))
            f.write(data)
            i += 1
