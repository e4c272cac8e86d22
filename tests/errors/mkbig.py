#!/usr/bin/python3
# tests/errors/mkbig.py OUT NPACKETS PAYLOAD - write a synthetic pcap of UDP packets
# (10.199.30.1 -> 10.199.30.2), used by the rotation and disk-full tests.
import struct, sys
out, n, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(out, "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
    for i in range(n):
        payload = bytes([0x41 + i % 26]) * size
        ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 28 + size, i & 0xffff, 0, 64, 17, 0,
                         bytes([10, 199, 30, 1]), bytes([10, 199, 30, 2]))
        udp = struct.pack("!HHHH", 40000, 9999, 8 + size, 0)
        pkt = b"\x02\x00\x00\xc7\x00\x02\x02\x00\x00\xc7\x00\x01\x08\x00" + ip + udp + payload
        f.write(struct.pack("<IIII", 1700000000 + i // 1000, (i % 1000) * 1000, len(pkt), len(pkt)))
        f.write(pkt)
