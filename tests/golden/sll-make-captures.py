#!/usr/bin/python3
# sll-make-captures.py - tests/captures/sll-8023.pcap (Linux cooked v1) and sll2-8023.pcap (v2)
# for tests/golden/sll.list: protocol values up to 1500 (Novell 802.3 IPX, 802.2 LLC known and
# unknown, SNAP, other lengths), the same inside a VLAN tag, and cut frames.  Interface index 1
# (the loopback on any Linux machine) for v2.  Expected outputs come from tcpdump only.
import os, struct

CAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "captures")


def write(name, dlt, frames):
    with open(os.path.join(CAP, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, dlt))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", 1700000000, i, len(fr), len(fr)))
            f.write(fr)


H = bytes.fromhex
ipx = H("ffff0020000400000001000000000000045300000002020000000001400000010000")
llc_stp = H("424203") + H("000000000080000000000000010000000080000000000000018001000014000200")
llc_unk = H("121203") + bytes(20)
llc_snap = H("aaaa030000000800") + H("4500001c0001000040110000c0a80001c0a8000204d2162e00080000")
cases = [(1, ipx), (4, llc_stp), (4, llc_unk), (4, llc_snap), (0, bytes(20)), (5, bytes(20)),
         (1500, bytes(20)), (0x8100, struct.pack("!HH", 5, 4) + llc_stp),
         (0x8100, struct.pack("!HH", 5, 100) + llc_stp), (0x8100, struct.pack("!HH", 5, 1) + ipx),
         (4, llc_stp[:2]), (1, ipx[:5]), (1, ipx[:31])]
addr = b"\x02\0\0\0\0\x01\0\0"
write("sll-8023.pcap", 113, [struct.pack("!HHH8sH", 0, 1, 6, addr, t) + pl for t, pl in cases])
write("sll2-8023.pcap", 276, [struct.pack("!HHIHBB8s", t, 0, 1, 1, 0, 6, addr) + pl for t, pl in cases])
