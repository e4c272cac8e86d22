#!/usr/bin/python3
# kipports-make-capture.py - tests/captures/kipports.pcap for tests/golden/kipports.list: a DDP
# payload (third byte 2) over UDP to ports around each AppleTalk-over-UDP (KIP) range tcpdump
# knows, 200-327, 768-895 and 16512-16639, over IPv4 and IPv6.  Expected outputs: tcpdump.
import os, struct

CAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "captures")
pay = bytes([0, 0, 2, 4]) + bytes(range(5, 49))
ports = [p for lo, hi in ((195, 332), (763, 900), (16507, 16644)) for p in range(lo, hi, 4)] + [327, 328, 767, 768, 895, 896]
with open(os.path.join(CAP, "kipports.pcap"), "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    i = 0
    for v6 in (0, 1):
        for dp in ports:
            l4 = struct.pack("!HHHH", 50000, dp, 8 + len(pay), 0) + pay
            if v6:
                ip = struct.pack("!IHBB", 0x60000000, len(l4), 17, 64) + bytes(15) + b"\1" + bytes(15) + b"\2"
                et = "86dd"
            else:
                ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(l4), 1, 0, 64, 17, 0, bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]))
                et = "0800"
            fr = bytes.fromhex("66778899aabb001122334455" + et) + ip + l4
            f.write(struct.pack("<IIII", 1700000000, i, len(fr), len(fr)))
            f.write(fr)
            i += 1
