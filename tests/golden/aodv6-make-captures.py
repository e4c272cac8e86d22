#!/usr/bin/python3
# aodv6-make-captures.py - tests/captures/aodv6.pcap for tests/golden/aodv6.list: AODV's IPv6
# draft-01 messages (types 16-19: RREQ with both sequence numbers first, RREP, RERR, RREP-ACK)
# over IPv4 and IPv6, with and without an extension, the RFC 3561 messages over IPv6, and
# every message cut short every 3 bytes.  Expected outputs come from tcpdump only.
import os, struct

CAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "captures")


def frame(pay, v6):
    l4 = struct.pack("!HHHH", 654, 654, 8 + len(pay), 0) + pay
    if v6:
        ip = struct.pack("!IHBB", 0x60000000, len(l4), 17, 64) + bytes(15) + b"\1" + bytes(15) + b"\2"
        return bytes.fromhex("66778899aabb00112233445586dd") + ip + l4
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(l4), 1, 0, 64, 17, 0, bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]))
    return bytes.fromhex("66778899aabb0011223344550800") + ip + l4


msgs = []
for t in (16, 17, 18, 19, 1, 2, 3, 4):
    for n in (24, 44, 48, 52, 70):
        pay = bytes([t, 0x1f, 0x2f, 0x3f]) + bytes(range(0x40, 0x40 + n - 4))
        if t in (3, 18):
            pay = bytes([t, 0x80, 0, 2]) + bytes(range(0x40, 0x40 + n - 4))
        msgs.append(pay)
recs = [frame(m, v6) for v6 in (0, 1) for m in msgs]
cuts = []
for fr in recs[::7]:
    for cut in range(42, len(fr), 3):
        cuts.append((fr[:cut], len(fr)))
with open(os.path.join(CAP, "aodv6.pcap"), "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, (data, wire) in enumerate([(r, len(r)) for r in recs] + cuts):
        f.write(struct.pack("<IIII", 1700000000, i, len(data), wire))
        f.write(data)
