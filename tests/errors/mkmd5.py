#!/usr/bin/python3
# tests/errors/mkmd5.py OUT - a pcap of TCP segments signed with the RFC 2385 MD5 option
# (key "secret"), for -M: IPv4 valid, IPv4 with a wrong signature, IPv6 valid,
# IPv4 without payload, and the first one again cut short (snaplen too short).
import struct, hashlib, sys
def csum(b):
    if len(b) % 2: b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b)//2), b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff
def tcp_seg(src, dst, v6, payload, key, bad=False):
    opts_len = 20  # kind 19 len 18 + 2 nops
    hlen = 20 + opts_len
    hdr = struct.pack("!HHIIBBHHH", 179, 40000, 1000, 2000, (hlen // 4) << 4, 0x18, 1000, 0, 0)
    tlen = hlen + len(payload)
    if v6:
        ph = src + dst + struct.pack("!I", tlen) + b"\0\0\0\x06"
    else:
        ph = src + dst + b"\0\x06" + struct.pack("!H", tlen)
    d = hashlib.md5(ph + hdr + payload + key).digest()
    if bad: d = bytes([d[0] ^ 1]) + d[1:]
    opts = b"\x13\x12" + d + b"\x01\x01"
    seg = hdr + opts + payload
    c = csum(ph + seg)
    seg = seg[:16] + struct.pack("!H", c) + seg[18:]
    return seg
def ip4(seg, src, dst):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(seg), 1, 0, 64, 6, 0, src, dst)
    h = h[:10] + struct.pack("!H", csum(h)) + h[12:]
    return h + seg
def ip6(seg, src, dst):
    return struct.pack("!IHBB", 0x60000000, len(seg), 6, 64) + src + dst + seg
eth = lambda t: b"\x02\0\0\0\0\x02\x02\0\0\0\0\x01" + struct.pack("!H", t)
a4, b4 = bytes([10,198,5,1]), bytes([10,198,5,2])
a6, b6 = bytes.fromhex("fd00" + "00"*13 + "01"), bytes.fromhex("fd00" + "00"*13 + "02")
pl = b"hello, md5"
pkts = [eth(0x0800) + ip4(tcp_seg(a4, b4, 0, pl, b"secret"), a4, b4),
        eth(0x0800) + ip4(tcp_seg(a4, b4, 0, pl, b"secret", True), a4, b4),
        eth(0x86dd) + ip6(tcp_seg(a6, b6, 1, pl, b"secret"), a6, b6),
        eth(0x0800) + ip4(tcp_seg(a4, b4, 0, b"", b"secret"), a4, b4)]
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
    for i, p in enumerate(pkts):
        cap = p if i != 1 else p
        f.write(struct.pack("<IIII", 1700000000, i, len(cap), len(p)) + cap)
    # the first packet again, cut 4 bytes short of its payload
    p = pkts[0]
    f.write(struct.pack("<IIII", 1700000000, 9, len(p) - 4, len(p)) + p[:-4])
