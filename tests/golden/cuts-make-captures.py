#!/usr/bin/python3
# cuts-make-captures.py - tests/captures/cuts.pcap for tests/golden/cuts.list: a RADIUS request
# with the RFC 5447/5580 attributes (MIP6 feature vector, operator name, location information
# and data, basic location policy rules), a SOME/IP message and a DTP frame, each whole and then
# cut after every byte from the UDP/LLC header on, where tcpdump reads a field before printing
# its label.  Expected outputs come from tcpdump only.
import os, struct

CAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "captures")


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def udp4(sport, dport, pay):
    l4 = struct.pack("!HHHH", sport, dport, 8 + len(pay), 0) + pay
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(l4), 7, 0, 64, 17, 0, bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]))
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    return bytes.fromhex("0200000000020200000000010800") + ip + l4


def attr(t, v):
    return bytes([t, 2 + len(v)]) + v


ntp = struct.pack("!II", 0xe2b36967, 0x89abcdef)
attrs = (attr(1, b"alice") + attr(124, struct.pack("!Q", 0x0000010000000001)) +
         attr(126, b"1example.net") +
         attr(127, struct.pack("!HBB", 1, 0, 0) + ntp + ntp + b"GPS") +
         attr(128, struct.pack("!H", 1) + b"\x00\x01\x02") +
         attr(129, struct.pack("!H", 0x0001) + ntp + b"ok"))
radius = struct.pack("!BBH", 1, 9, 20 + len(attrs)) + bytes(range(16)) + attrs
someip = struct.pack("!IIIBBBB", 0xffff8100, 8, 0x00010002, 1, 1, 2, 0) + b"abcd"
dtp_pay = (bytes([1]) + struct.pack("!HH", 1, 8) + b"dom\0" + struct.pack("!HHB", 2, 5, 0x03) +
           struct.pack("!HHB", 3, 5, 0xa5) + struct.pack("!HH", 4, 10) + bytes.fromhex("020000000001"))
llc = bytes.fromhex("aaaa0300000c2004") + dtp_pay
dtp = bytes.fromhex("01000ccccccc020000000001") + struct.pack("!H", len(llc)) + llc


def ip6(nh, pay):
    src = bytes.fromhex("fe800000000000000000000000000001")
    dst = bytes.fromhex("ff020000000000000000000000000005")
    return bytes.fromhex("33330000000502000000000186dd") + \
        struct.pack("!IHBB", 0x6e000000, len(pay), nh, 1) + src + dst + pay


def ospf3(t, body):
    return struct.pack("!BBHIIHBB", 3, t, 16 + len(body), 0x01010101, 0, 0, 0, 0) + body


hello = struct.pack("!IIHHII", 5, 0x01000013, 10, 40, 0x01010101, 0)
lsa_hdr = struct.pack("!HHIIIHH", 1, 0x2001, 0, 0x01010101, 0x80000001, 0, 40)
dd = struct.pack("!IHBBI", 0x00000013, 1500, 0, 7, 0x1234) + lsa_hdr
ah = struct.pack("!BBHII", 89, 4, 0, 0x100, 1) + bytes(12)
frames = [udp4(40000, 1812, radius), udp4(30490, 30490, someip), dtp,
          ip6(51, ah + ospf3(1, hello)), ip6(89, ospf3(2, dd))]
recs = []
for fr in frames:
    start = 14 if fr is dtp else 42 if fr[12:14] == b"\x08\x00" else 54
    recs.append((fr, len(fr)))
    for cut in range(start, len(fr)):
        recs.append((fr[:cut], len(fr)))
with open(os.path.join(CAP, "cuts.pcap"), "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, (data, wire) in enumerate(recs):
        f.write(struct.pack("<IIII", 1700000000, i, len(data), wire))
        f.write(data)
