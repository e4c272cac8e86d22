#!/usr/bin/python3
# lan-make-captures.py - captures for tests/golden/lan.list: the LAN control and
# first-hop printers (print/ptp.c stp.c eap.c igmp.c pim.c udld.c dtp.c cdp.c
# lldp.c loopback.c vrrp.c msnlb.c arista.c), each message type they decode plus
# truncated and malformed packets.  Writes tests/captures/lan-*.pcap.
# Run: /usr/bin/python3 tests/golden/lan-make-captures.py
import os, struct
from scapy.all import Ether, IP, IPv6, UDP, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
CAP = os.path.join(HERE, "..", "captures")
SRC, DST = "02:00:00:00:00:01", "01:80:c2:00:00:0e"
A4, B4 = "10.198.3.1", "10.198.3.2"
A6, B6 = "fd00::3:1", "fd00::3:2"

def save(name, pkts):
    t = 1700000000.0
    for i, p in enumerate(pkts):
        p.time = t + i
    wrpcap(os.path.join(CAP, name), pkts, linktype=1)

def eth(etype, data, dst=DST):
    return Ether(src=SRC, dst=dst, type=etype) / Raw(data)

def cut(pkt, n):
    """The frame with its last n bytes not captured (wire length kept)."""
    b = bytes(pkt)
    p = Raw(b[:len(b) - n])
    p.wirelen = len(b)
    return p

def dot3(data, dst=DST):
    """An 802.3 frame: the length field, then data (LLC and on)."""
    return Raw(bytes.fromhex(dst.replace(":", "")) + bytes.fromhex(SRC.replace(":", "")) +
               struct.pack(">H", len(data)) + data)

def llc(dsap, ssap, data):
    return bytes([dsap, ssap, 0x03]) + data

def snap(oui, pid, data):
    return llc(0xaa, 0xaa, struct.pack(">I", oui)[1:] + struct.pack(">H", pid) + data)

def ip4(proto, data, ttl=64, dst=B4):
    return Ether(src=SRC, dst="01:00:5e:00:00:0d") / IP(src=A4, dst=dst, proto=proto, ttl=ttl) / Raw(data)

def ip6(nh, data, hlim=255):
    return Ether(src=SRC, dst="33:33:00:00:00:0d") / IPv6(src=A6, dst=B6, nh=nh, hlim=hlim) / Raw(data)

def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack(">%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff

def with_csum(b, off):
    """b with the Internet checksum over all of it written at offset off."""
    b = b[:off] + b"\0\0" + b[off + 2:]
    return b[:off] + struct.pack(">H", csum(b)) + b[off + 2:]

# ---------------------------------------------------------------- PTP (IEEE 1588)
def ptp(mtype, body, ver=2, flags=0, corr=0, seq=7, control=0, lmi=0, domain=0, length=None):
    hdr = struct.pack(">BBHBBH", mtype, ver, length if length is not None else 34 + len(body),
                      domain, 0, flags)
    hdr += struct.pack(">Q", corr) + struct.pack(">I", 0) + bytes.fromhex("0011223344556677")
    hdr += struct.pack(">HHBB", 5, seq, control, lmi)
    return hdr + body

ts = struct.pack(">HI", 0, 1700000000) + struct.pack(">I", 123456789)
pid = bytes.fromhex("8899aabbccddeeff") + struct.pack(">H", 3)
announce = ts + struct.pack(">hBBBBHB", 37, 0, 128, 248, 254, 65535, 128) + \
    bytes.fromhex("0011223344556677") + struct.pack(">HB", 2, 0xa0)
mgmt = pid + bytes([1, 1, 1, 0]) + struct.pack(">HH", 1, 0)
P = [eth(0x88f7, ptp(0x0, ts, flags=0x0200, control=0)),
     eth(0x88f7, ptp(0x1, ts, control=1, lmi=0x7f)),
     eth(0x88f7, ptp(0x8, ts, control=2, corr=(1234 << 16) | 5)),
     eth(0x88f7, ptp(0x9, ts + pid, control=3, flags=0x0400)),
     eth(0x88f7, ptp(0x2, ts + pid, control=5)),
     eth(0x88f7, ptp(0x3, ts + pid, control=5)),
     eth(0x88f7, ptp(0xa, ts + pid, control=5)),
     eth(0x88f7, ptp(0xb, announce, control=5, flags=0x003f)),
     eth(0x88f7, ptp(0xc, pid, control=5, flags=0x7100)),
     eth(0x88f7, ptp(0xd, mgmt, control=4, domain=4)),
     eth(0x88f7, ptp(0x5, b"", control=9)),
     eth(0x88f7, ptp(0x0, ts, ver=1)),
     eth(0x88f7, ptp(0x0, ts, ver=0x12)),
     eth(0x88f7, ptp(0x0, ts, ver=7)),
     eth(0x88f7, ptp(0x0, b"")[:20]),
     cut(eth(0x88f7, ptp(0xb, announce, control=5)), 12),
     cut(eth(0x88f7, ptp(0x0, ts)), 4),
     Ether(src=SRC, dst="01:00:5e:00:01:81") / IP(src=A4, dst="224.0.1.129") / UDP(sport=319, dport=319) / Raw(ptp(0x0, ts)),
     Ether(src=SRC, dst="01:00:5e:00:01:81") / IP(src=A4, dst="224.0.1.129") / UDP(sport=320, dport=320) / Raw(ptp(0x8, ts, control=2)),
     Ether(src=SRC, dst="33:33:00:00:01:81") / IPv6(src=A6, dst="ff0e::181") / UDP(sport=320, dport=320) / Raw(ptp(0x9, ts + pid, control=3))]
save("lan-ptp.pcap", P)

# ---------------------------------------------------------------- STP
def bpdu(ver, btype, flags=0, root=b"\x80\x01" + bytes(range(1, 7)), cost=4, bridge=b"\x80\x02" + bytes(range(11, 17)),
         port=0x8003, age=256, maxage=20 * 256, hello=2 * 256, fwd=15 * 256):
    return struct.pack(">HBBB", 0, ver, btype, flags) + root + struct.pack(">I", cost) + bridge + \
        struct.pack(">HHHHH", port, age, maxage, hello, fwd)

def msti(flags, prio_id, cost, bprio, pprio, hops):
    return bytes([flags]) + prio_id + struct.pack(">IBBB", cost, bprio, pprio, hops)

name = b"region-one".ljust(32, b"\0")
mst_cfg = bytes([0]) + name + struct.pack(">H", 7) + bytes(range(16))
mst_tail = struct.pack(">I", 20000) + b"\x80\x00" + bytes(range(21, 27)) + bytes([19])
mstis = msti(0x7e, b"\x80\x05" + bytes(range(31, 37)), 200, 0x80, 0x90, 18) + \
    msti(0x01, b"\x90\x0a" + bytes(range(41, 47)), 0, 0x90, 0x80, 17)

def mstp(ver=3, extra=b"", msti_part=mstis):
    body = bpdu(ver, 2, flags=0x7c) + b"\0"
    v3 = mst_cfg + mst_tail + msti_part
    return body + struct.pack(">H", len(v3)) + v3 + extra

spb = struct.pack(">H", 86) + bytes([0]) + b"aux-name".ljust(32, b"\0") + struct.pack(">H", 3) + \
    bytes(range(100, 116)) + bytes([0xdc, 0, 0x12, 0x34]) + struct.pack(">H", 9) + bytes(8) + bytes(range(200, 220))
S = [dot3(llc(0x42, 0x42, bpdu(0, 0, flags=0x81))),
     dot3(llc(0x42, 0x42, struct.pack(">HBB", 0, 0, 0x80))),
     dot3(llc(0x42, 0x42, bpdu(2, 2, flags=0x7e) + b"\0")),
     dot3(llc(0x42, 0x42, bpdu(2, 2, flags=0x08) + b"\0")),
     dot3(llc(0x42, 0x42, mstp())),
     dot3(llc(0x42, 0x42, mstp(msti_part=b""))),
     dot3(llc(0x42, 0x42, mstp(ver=4, extra=spb))),
     dot3(snap(0x00000c, 0x010b, bpdu(0, 0)), dst="01:00:0c:cc:cc:cd"),
     dot3(llc(0x42, 0x42, struct.pack(">HBB", 0, 9, 0))),
     dot3(llc(0x42, 0x42, struct.pack(">HBB", 1, 0, 0))),
     dot3(llc(0x42, 0x42, struct.pack(">HBB", 0, 0, 0x55))),
     dot3(llc(0x42, 0x42, bpdu(0, 0)[:20])),
     dot3(llc(0x42, 0x42, b"\0\0")),
     dot3(llc(0x42, 0x42, mstp()[:80])),
     cut(dot3(llc(0x42, 0x42, bpdu(0, 0))), 12),
     cut(dot3(llc(0x42, 0x42, mstp())), 20),
     cut(dot3(llc(0x42, 0x42, mstp(ver=4, extra=spb))), 30)]
save("lan-stp.pcap", S)

# ---------------------------------------------------------------- EAPOL / EAP
def eapol(ptype, body=b"", ver=1, length=None):
    return struct.pack(">BBH", ver, ptype, len(body) if length is None else length) + body

def eap(code, ident, data=b""):
    return struct.pack(">BBH", code, ident, 4 + len(data)) + data

PAE = "01:80:c2:00:00:03"
E = [eth(0x888e, eapol(1), PAE),
     eth(0x888e, eapol(2), PAE),
     eth(0x888e, eapol(3, bytes(57)), PAE),
     eth(0x888e, eapol(4, bytes(8)), PAE),
     eth(0x888e, eapol(9, bytes(4)), PAE),
     eth(0x888e, eapol(0, eap(1, 1, b"\x01")), PAE),
     eth(0x888e, eapol(0, eap(2, 1, b"\x01user@example.org")), PAE),
     eth(0x888e, eapol(0, eap(1, 2, b"\x02Please log in")), PAE),
     eth(0x888e, eapol(0, eap(2, 2, b"\x03\x0d\x15\x19")), PAE),
     eth(0x888e, eapol(0, eap(1, 3, b"\x0d\xa0" + struct.pack(">I", 1400))), PAE),
     eth(0x888e, eapol(0, eap(1, 4, b"\x15\x21")), PAE),
     eth(0x888e, eapol(0, eap(2, 5, b"\x2b\x81" + struct.pack(">I", 99))), PAE),
     eth(0x888e, eapol(0, eap(1, 6, b"\x12\x0a\x00\x00")), PAE),
     eth(0x888e, eapol(0, eap(1, 7, b"\x17\x01\x00\x00")), PAE),
     eth(0x888e, eapol(0, eap(1, 8, b"\x04\x10" + bytes(16))), PAE),
     eth(0x888e, eapol(0, eap(1, 9, b"\x63")), PAE),
     eth(0x888e, eapol(0, eap(3, 9)), PAE),
     eth(0x888e, eapol(0, eap(4, 10)), PAE),
     eth(0x888e, eapol(0, eap(7, 11)), PAE),
     eth(0x888e, eapol(0, b"", length=0), PAE),
     cut(eth(0x888e, eapol(0, eap(2, 1, b"\x01" + b"x" * 40)), PAE), 46),
     cut(eth(0x888e, eapol(0, eap(2, 1, b"\x01abc")), PAE), 6)]
save("lan-eapol.pcap", E)

# ---------------------------------------------------------------- IGMP and PIMv1
def igmp(t, code, group, extra=b"", good=True):
    b = struct.pack(">BBH4s", t, code, 0, bytes(map(int, group.split(".")))) + extra
    return with_csum(b, 2) if good else b[:2] + b"\x12\x34" + b[4:]

def a4(s):
    return bytes(map(int, s.split(".")))

def v3rec(rtype, group, srcs, aux=b""):
    return struct.pack(">BBH", rtype, len(aux) // 4, len(srcs)) + a4(group) + b"".join(a4(s) for s in srcs) + aux

def v3report(recs):
    return with_csum(struct.pack(">BBHHH", 0x22, 0, 0, 0, len(recs)) + b"".join(recs), 2)

def v3query(mrc, group, srcs, qqic=125):
    b = struct.pack(">BBH", 0x11, mrc, 0) + a4(group) + struct.pack(">BBH", 2, qqic, len(srcs)) + \
        b"".join(a4(s) for s in srcs)
    return with_csum(b, 2)

mtrace = a4("10.198.3.9") + a4("239.1.1.1") + a4("10.198.3.5") + bytes([64]) + struct.pack(">I", 0x123456)[1:]
mtrace_mc = a4("10.198.3.9") + a4("239.1.1.1") + a4("224.0.1.32") + bytes([32]) + struct.pack(">I", 42)[1:]
jp1 = a4("10.198.3.7") + struct.pack(">HH", 0, 210) + bytes([0, 0, 0, 1]) + a4("239.2.2.2") + a4("255.255.255.255") + \
    struct.pack(">HH", 1, 0) + bytes([0x01, 0xa0]) + a4("10.198.3.8")
jp2 = a4("10.198.3.7") + struct.pack(">HH", 0, 180) + bytes([0, 0, 0, 1]) + a4("239.2.2.2") + a4("255.255.0.0") + \
    struct.pack(">HH", 1, 1) + bytes([0x01, 0x60]) + a4("10.198.3.8") + bytes([0x00, 0x20]) + a4("10.198.3.11")

def pimv1(ptype, body, ver=1):
    return with_csum(struct.pack(">BBHB3s", 0x14, ptype, 0, ver << 4, b"\0\0\0") + body, 2)

G = [ip4(2, igmp(0x11, 0, "0.0.0.0"), ttl=1, dst="224.0.0.1"),
     ip4(2, igmp(0x11, 100, "0.0.0.0"), ttl=1, dst="224.0.0.1"),
     ip4(2, igmp(0x11, 50, "239.1.1.1"), ttl=1, dst="239.1.1.1"),
     ip4(2, igmp(0x12, 0, "239.1.1.1"), ttl=1, dst="239.1.1.1"),
     ip4(2, igmp(0x12, 0, "239.1.1.1", extra=b"\0\0"), ttl=1, dst="239.1.1.1"),
     ip4(2, igmp(0x16, 0, "239.1.1.2"), ttl=1, dst="239.1.1.2"),
     ip4(2, igmp(0x17, 0, "239.1.1.2"), ttl=1, dst="224.0.0.2"),
     ip4(2, igmp(0x16, 0, "239.1.1.3", good=False), ttl=1, dst="239.1.1.3"),
     ip4(2, v3query(100, "0.0.0.0", []), ttl=1, dst="224.0.0.1"),
     ip4(2, v3query(20, "239.1.1.1", ["10.198.3.5", "10.198.3.6"]), ttl=1, dst="239.1.1.1"),
     ip4(2, v3query(0x8f, "239.1.1.1", []), ttl=1, dst="239.1.1.1"),
     ip4(2, v3query(0xff, "239.1.1.1", ["10.198.3.5"]), ttl=1, dst="239.1.1.1"),
     ip4(2, v3report([v3rec(1, "239.1.1.1", ["10.198.3.5"]), v3rec(4, "239.1.1.2", []),
                      v3rec(6, "239.1.1.3", ["10.198.3.5", "10.198.3.6"]), v3rec(9, "239.1.1.4", [])]),
         ttl=1, dst="224.0.0.22"),
     ip4(2, v3report([v3rec(2, "239.1.1.1", ["10.198.3.5"] * 3)])[:20], ttl=1, dst="224.0.0.22"),
     ip4(2, with_csum(struct.pack(">BBHHH", 0x22, 0, 0, 0, 3) + v3rec(1, "239.1.1.1", []), 2), ttl=1, dst="224.0.0.22"),
     ip4(2, igmp(0x1f, 0, "239.1.1.1", extra=mtrace), dst="10.198.3.2"),
     ip4(2, igmp(0x1e, 0, "239.1.1.1", extra=mtrace_mc), dst="224.0.1.32"),
     ip4(2, igmp(0x1f, 0, "239.1.1.1", extra=b"\0\0"), dst="10.198.3.2"),
     ip4(2, igmp(0x13, 3, "0.0.0.0"), dst="10.198.3.2"),
     ip4(2, igmp(0x77, 0, "0.0.0.0"), dst="10.198.3.2"),
     ip4(2, pimv1(0, struct.pack(">BBH", 0x10, 0, 105)), dst="224.0.0.2"),
     ip4(2, pimv1(1, bytes(IP(src="10.198.3.40", dst="239.3.3.3") / UDP(sport=1, dport=2))), dst="10.198.3.2"),
     ip4(2, pimv1(2, a4("239.3.3.3") + a4("10.198.3.40")), dst="10.198.3.2"),
     ip4(2, pimv1(4, a4("239.3.3.3") + a4("255.255.255.0") + a4("10.198.3.1") + struct.pack(">HH", 0, 270)), dst="224.0.0.2"),
     ip4(2, pimv1(5, a4("239.3.3.3") + a4("255.255.255.255") + a4("10.198.3.40") + struct.pack(">II", 0x80000064, 10)), dst="224.0.0.2"),
     ip4(2, pimv1(3, jp1), dst="224.0.0.2"),
     ip4(2, pimv1(3, jp2, ver=2), dst="224.0.0.2"),
     ip4(2, pimv1(6, jp2), dst="10.198.3.2"),
     ip4(2, pimv1(9, b""), dst="10.198.3.2"),
     cut(ip4(2, igmp(0x16, 0, "239.1.1.2"), ttl=1, dst="239.1.1.2"), 6),
     cut(ip4(2, v3report([v3rec(1, "239.1.1.1", ["10.198.3.5", "10.198.3.6"])]), ttl=1, dst="224.0.0.22"), 6)]
save("lan-igmp.pcap", G)

# ---------------------------------------------------------------- PIMv2
def ea_u(addr):
    return (b"\x01\x00" + a4(addr)) if "." in addr else (b"\x02\x00" + bytes(IPv6(dst=addr))[24:40])

def ea_g(addr, mlen, flags=0):
    return (bytes([1, 0, flags, mlen]) + a4(addr)) if "." in addr else \
        (bytes([2, 0, flags, mlen]) + bytes(IPv6(dst=addr))[24:40])

def pim(ptype, body, rsv=0, good=True):
    b = struct.pack(">BBH", 0x20 | ptype, rsv, 0) + body
    return with_csum(b, 2) if good else b[:2] + b"\xbe\xef" + b[4:]

def opt(t, v):
    return struct.pack(">HH", t, len(v)) + v

hello = opt(1, struct.pack(">H", 105)) + opt(2, struct.pack(">HH", 0x8000 | 500, 2500)) + \
    opt(19, struct.pack(">I", 1)) + opt(18, b"") + opt(20, struct.pack(">I", 0x12345678)) + \
    opt(21, bytes([1, 60, 0, 0])) + opt(22, b"") + opt(24, ea_u("10.198.3.61") + ea_u("10.198.3.62")) + \
    opt(99, b"\x01\x02\x03")
inner = bytes(IP(src="10.198.3.40", dst="239.3.3.3", ttl=9) / UDP(sport=5000, dport=6000) / Raw(b"data"))
jp = ea_u("10.198.3.7") + struct.pack(">BBH", 0, 2, 210) + \
    ea_g("239.2.2.2", 32) + struct.pack(">HH", 1, 1) + ea_g("10.198.3.8", 32, 4) + ea_g("10.198.3.0", 24, 7) + \
    ea_g("239.2.2.3", 32) + struct.pack(">HH", 1, 0) + ea_g("10.198.3.9", 32, 0x0c)
bsr = struct.pack(">HBB", 0x4b0, 30, 64) + ea_u("10.198.3.1") + \
    ea_g("224.0.0.0", 4) + bytes([2, 2, 0, 0]) + ea_u("10.198.3.2") + struct.pack(">HBB", 150, 0, 0) + \
    ea_u("10.198.3.3") + struct.pack(">HBB", 3600, 9, 0)
I = [ip4(103, pim(0, hello), ttl=1, dst="224.0.0.13"),
     ip4(103, pim(1, struct.pack(">I", 0) + inner), dst="10.198.3.2"),
     ip4(103, pim(1, struct.pack(">I", 0x40000000) + bytes(20)), dst="10.198.3.2"),
     ip4(103, pim(2, ea_g("239.3.3.3", 32) + ea_u("10.198.3.40")), dst="10.198.3.2"),
     ip4(103, pim(3, jp), ttl=1, dst="224.0.0.13"),
     ip4(103, pim(7, jp[6:]), dst="10.198.3.2"),
     ip4(103, pim(4, bsr), ttl=1, dst="224.0.0.13"),
     ip4(103, pim(5, ea_g("239.3.3.3", 32) + ea_u("10.198.3.40") + struct.pack(">II", 0x80000065, 20)), ttl=1, dst="224.0.0.13"),
     ip4(103, pim(8, struct.pack(">BBH", 2, 192, 150) + ea_u("10.198.3.3") + ea_g("239.0.0.0", 8) + ea_g("232.0.0.0", 8, 1)), dst="10.198.3.2"),
     ip4(103, pim(9, ea_u("10.198.3.40") + ea_g("239.3.3.3", 32) + ea_u("10.198.3.1") + struct.pack(">H", 60)), dst="10.198.3.2"),
     ip4(103, pim(10, ea_u("10.198.3.3") + struct.pack(">II", 110, 20), rsv=0x10), ttl=1, dst="224.0.0.13"),
     ip4(103, pim(10, ea_u("10.198.3.3") + struct.pack(">II", 110, 20) + ea_u("10.198.3.4") + struct.pack(">IIH", 90, 10, 300), rsv=0x30), ttl=1, dst="224.0.0.13"),
     ip4(103, pim(10, ea_u("10.198.3.3") + struct.pack(">II", 110, 20) + ea_u("10.198.3.4") + struct.pack(">II", 90, 10), rsv=0x40), ttl=1, dst="224.0.0.13"),
     ip4(103, pim(0, hello, good=False), ttl=1, dst="224.0.0.13"),
     ip4(103, pim(2, a4("239.3.3.3") + a4("10.198.3.40"), rsv=4), dst="10.198.3.2"),
     ip4(103, pim(14, b"\0" * 4), dst="10.198.3.2"),
     ip4(103, struct.pack(">BBH", 0x30, 0, 0) + bytes(4), dst="10.198.3.2"),
     ip4(103, pim(0, opt(1, b"\0\0\0")), ttl=1, dst="224.0.0.13"),
     ip4(103, pim(0, opt(20, b"\0\0")), ttl=1, dst="224.0.0.13"),
     ip4(103, pim(0, struct.pack(">HH", 1, 40) + b"\0\0"), ttl=1, dst="224.0.0.13"),
     ip4(103, pim(2, b"\x07\x00\x00\x20"), dst="10.198.3.2"),
     ip6(103, pim(0, opt(1, struct.pack(">H", 105)) + opt(24, ea_u("fd00::3:9")))),
     ip6(103, pim(3, ea_u("fd00::3:7") + struct.pack(">BBH", 0, 1, 0xffff) + ea_g("ff3e::1", 128) +
                  struct.pack(">HH", 1, 0) + ea_g("fd00::3:8", 128, 4))),
     cut(ip4(103, pim(4, bsr), ttl=1, dst="224.0.0.13"), 10),
     cut(ip4(103, pim(1, struct.pack(">I", 0) + inner), dst="10.198.3.2"), 30),
     cut(ip4(103, pim(0, hello), ttl=1, dst="224.0.0.13"), 40)]
save("lan-pim.pcap", I)

# ---------------------------------------------------------------- Cisco: CDP, DTP, UDLD
def tlv(t, v):
    return struct.pack(">HH", t, 4 + len(v)) + v

cdp_addr = struct.pack(">I", 3) + b"\x01\x01\xcc" + struct.pack(">H", 4) + a4("10.198.3.1") + \
    b"\x02\x08" + bytes.fromhex("aaaa0300000086dd") + struct.pack(">H", 16) + bytes(IPv6(dst="fd00::3:1"))[24:40] + \
    b"\x01\x01\x81" + struct.pack(">H", 2) + b"\x12\x34"
cdp_body = tlv(1, b"switch-1") + tlv(5, b"IOS line one\nline two") + tlv(6, b"cisco WS-C2960") + \
    tlv(2, cdp_addr) + tlv(3, b"Gi0/1") + tlv(4, struct.pack(">I", 0x29)) + tlv(7, a4("10.198.3.0") + b"\x18") + \
    tlv(8, bytes(32)) + tlv(9, b"dom") + tlv(10, struct.pack(">H", 10)) + tlv(11, b"\x00") + \
    tlv(14, b"\x01\x00\x64") + tlv(15, b"\x20\x00") + tlv(16, b"\x1f\x40") + tlv(17, struct.pack(">I", 1500)) + \
    tlv(18, b"\x00") + tlv(19, b"\x03") + tlv(20, b"sysname") + tlv(21, b"\x06\x01") + \
    tlv(22, struct.pack(">I", 0)) + tlv(23, b"\x05rack 4") + tlv(0x1a, bytes(12)) + tlv(10, b"\x01")
def cdp(body, ver=2, ttl=180):
    return with_csum(struct.pack(">BBH", ver, ttl, 0) + body, 2)

dtp_body = b"\x01" + tlv(1, b"Lab\0") + tlv(2, b"\x04") + tlv(3, b"\x40") + tlv(4, bytes.fromhex("020000000001"))
def udld(opcode, flags, tlvs, ver=1):
    return struct.pack(">BBH", (ver << 5) | opcode, flags, 0x1234) + tlvs

udld_tlvs = tlv(1, b"FOC123") + tlv(2, b"Gi0/1") + tlv(3, b"\0\0\0\x01\0\x03abc") + tlv(4, b"\x07") + \
    tlv(5, b"\x05") + tlv(6, b"S1") + tlv(7, struct.pack(">I", 9)) + tlv(8, b"zz")
CISCO = "01:00:0c:cc:cc:cc"
C = [dot3(snap(0x00000c, 0x2000, cdp(cdp_body)), CISCO),
     dot3(snap(0x00000c, 0x2000, cdp(tlv(1, b"r1") + struct.pack(">HH", 3, 2))), CISCO),
     dot3(snap(0x00000c, 0x2000, cdp(tlv(1, b"r1") + struct.pack(">HH", 3, 40))), CISCO),
     dot3(snap(0x00000c, 0x2000, cdp(tlv(4, b"\x01") + tlv(1, b"r2"))), CISCO),
     dot3(snap(0x00000c, 0x2000, b"\x02\xb4"), CISCO),
     cut(dot3(snap(0x00000c, 0x2000, cdp(cdp_body)), CISCO), 60),
     dot3(snap(0x00000c, 0x2004, dtp_body), "01:00:0c:cc:cc:cc"),
     dot3(snap(0x00000c, 0x2004, b"\x01" + tlv(2, b"\x04\x05") + tlv(1, b"x")), CISCO),
     dot3(snap(0x00000c, 0x2004, b"\x01" + tlv(9, b"abc") + tlv(0, b"") + tlv(1, b"y")), CISCO),
     dot3(snap(0x00000c, 0x2004, b"\x01" + struct.pack(">HH", 1, 90)), CISCO),
     dot3(snap(0x00000c, 0x2004, b"\x01\x00\x01"), CISCO),
     dot3(snap(0x00000c, 0x0111, udld(1, 0x03, udld_tlvs)), CISCO),
     dot3(snap(0x00000c, 0x0111, udld(2, 0x00, tlv(1, b"A"))), CISCO),
     dot3(snap(0x00000c, 0x0111, udld(3, 0xfc, tlv(4, b"\x07\x08"))), CISCO),
     dot3(snap(0x00000c, 0x0111, udld(7, 0x00, struct.pack(">HH", 1, 4))), CISCO),
     dot3(snap(0x00000c, 0x0111, b"\x21\x00"), CISCO),
     cut(dot3(snap(0x00000c, 0x0111, udld(1, 0x01, udld_tlvs)), CISCO), 30)]
save("lan-cisco.pcap", C)

# ---------------------------------------------------------------- LLDP
def ltlv(t, v):
    return struct.pack(">H", (t << 9) | len(v)) + v

def org(oui, sub, v):
    return ltlv(127, struct.pack(">I", oui)[1:] + bytes([sub]) + v)

lldp_full = ltlv(1, b"\x04" + bytes.fromhex("020000000001")) + ltlv(2, b"\x05eth0") + \
    ltlv(3, struct.pack(">H", 120)) + ltlv(4, b"uplink port") + ltlv(5, b"host-1.example") + \
    ltlv(6, b"Linux 6.1\nsecond line") + ltlv(7, struct.pack(">HH", 0x0094, 0x0014)) + \
    ltlv(8, bytes([5, 1]) + a4("10.198.3.1") + b"\x02" + struct.pack(">I", 2) + b"\x00") + \
    ltlv(8, bytes([17, 2]) + bytes(IPv6(dst="fd00::3:1"))[24:40] + b"\x03" + struct.pack(">I", 7) + b"\x03abc") + \
    ltlv(8, bytes([7, 6]) + bytes.fromhex("020000000009") + b"\x01" + struct.pack(">I", 1)) + \
    ltlv(8, bytes([3, 9, 1, 2]) + b"\x01" + struct.pack(">I", 1)) + \
    org(0x0080c2, 1, struct.pack(">H", 10)) + org(0x0080c2, 2, b"\x06" + struct.pack(">H", 20)) + \
    org(0x0080c2, 3, struct.pack(">H", 30) + b"\x05green") + org(0x0080c2, 4, b"\x04\x88\x8e\x01\x03") + \
    org(0x0080c2, 7, b"\x03" + struct.pack(">I", 5)) + org(0x0080c2, 9, bytes(21)) + \
    org(0x00120f, 1, b"\x03" + struct.pack(">HH", 0x6c01, 16)) + org(0x00120f, 2, b"\x07\x01\x03") + \
    org(0x00120f, 3, b"\x01" + struct.pack(">I", 0)) + org(0x00120f, 4, struct.pack(">H", 9216)) + \
    org(0x00120f, 9, b"\x00") + \
    org(0x0012bb, 1, struct.pack(">HB", 0x0033, 3)) + org(0x0012bb, 2, b"\x01" + struct.pack(">HB", 0x4000 | (100 << 1), 0xae)) + \
    org(0x0012bb, 4, b"\x51" + struct.pack(">H", 64)) + org(0x0012bb, 4, b"\x92" + struct.pack(">H", 2000)) + \
    org(0x0012bb, 5, b"rev A") + org(0x0012bb, 10, b"model-x") + org(0x0012bb, 3, b"\x03911") + \
    org(0x00005e, 1, b"https://mud.example/x") + org(0x00005e, 2, b"abcd") + org(0x123456, 1, b"zz") + \
    ltlv(9, b"odd") + ltlv(1, b"\x09xyz") + ltlv(1, b"\x07local-id") + ltlv(2, b"\x03" + bytes.fromhex("020000000002")) + \
    ltlv(2, b"\x04\x01" + a4("10.198.3.5")) + ltlv(0, b"")
L = [eth(0x88cc, lldp_full),
     eth(0x88cc, ltlv(1, b"\x04\x02") + ltlv(0, b"")),
     eth(0x88cc, ltlv(3, b"\x01") + ltlv(0, b"")),
     eth(0x88cc, ltlv(8, b"\x09\x01\x02") + ltlv(0, b"")),
     eth(0x88cc, ltlv(5, b"n") + ltlv(6, b"d")[:2]),
     cut(eth(0x88cc, lldp_full), 100)]
save("lan-lldp.pcap", L)

# ---------------------------------------------------------------- loopback, VRRP, MS NLB, Arista
def loop(skip, msgs):
    return struct.pack("<H", skip) + msgs

def vrrp2(vrid, prio, addrs, auth=1, key=b"secret", intvl=1, good=True):
    b = struct.pack(">BBBBBBH", 0x21, vrid, prio, len(addrs), auth, intvl, 0) + b"".join(a4(x) for x in addrs) + key.ljust(8, b"\0")
    return with_csum(b, 6) if good else b[:6] + b"\x00\x01" + b[8:]

def vrrp3(vrid, prio, addrs, intvl=100):
    return struct.pack(">BBBBHH", 0x31, vrid, prio, len(addrs), intvl, 0xabcd) + b"".join(a4(x) for x in addrs)

nlb = struct.pack("<II", 0xc0de0001, 2) + struct.pack("<I", 3) + a4("10.198.3.80") + a4("10.198.3.82") + bytes(20)
inner_ip = bytes(IP(src="10.198.3.1", dst="10.198.3.2", proto=63) / Raw(bytes(30)))
ar64 = struct.pack(">HBB", 1, 0, 0x10) + struct.pack(">II", 1559162199, 944724424)
ar48 = struct.pack(">HBB", 1, 1, 0x21) + struct.pack(">HI", 60821, 404038772)
M = [eth(0x9000, loop(0, struct.pack("<H", 2) + bytes.fromhex("020000000002") + struct.pack("<H", 1) + struct.pack("<H", 5) + bytes(20)), SRC),
     eth(0x9000, loop(8, bytes(8) + struct.pack("<HH", 1, 7) + bytes(30)), SRC),
     eth(0x9000, loop(3, bytes(3) + struct.pack("<H", 5) + bytes(10)), SRC),
     eth(0x9000, loop(64, bytes(10)), SRC),
     eth(0x9000, b"\x00", SRC),
     ip4(112, vrrp2(7, 100, ["10.198.3.254"]), ttl=255, dst="224.0.0.18"),
     ip4(112, vrrp2(8, 200, ["10.198.3.253", "10.198.3.252"], auth=0, key=b""), ttl=255, dst="224.0.0.18"),
     ip4(112, vrrp2(9, 100, ["10.198.3.251"], auth=2, good=False), ttl=254, dst="224.0.0.18"),
     ip4(112, vrrp2(9, 100, ["10.198.3.251"], auth=5), ttl=255, dst="224.0.0.18"),
     ip4(112, vrrp3(10, 150, ["10.198.3.250"]), ttl=255, dst="224.0.0.18"),
     ip4(112, struct.pack(">BBBB", 0x22, 1, 2, 0) + bytes(4), ttl=255, dst="224.0.0.18"),
     ip6(112, vrrp3(11, 100, [])),
     cut(ip4(112, vrrp2(7, 100, ["10.198.3.254", "10.198.3.253"]), ttl=255, dst="224.0.0.18"), 12),
     eth(0x886f, nlb, "ff:ff:ff:ff:ff:ff"),
     eth(0x886f, nlb[:10], "ff:ff:ff:ff:ff:ff"),
     eth(0xd28b, ar64 + struct.pack(">H", 0x0800) + inner_ip, "00:00:00:00:00:01"),
     eth(0xd28b, ar48 + struct.pack(">H", 0x8100) + struct.pack(">HH", 100, 0x0800) + inner_ip, "00:00:00:00:00:01"),
     eth(0xd28b, struct.pack(">HBB", 1, 0, 0x30) + bytes(20), "00:00:00:00:00:01"),
     eth(0xd28b, struct.pack(">H", 2) + bytes(20), "00:00:00:00:00:01")]
save("lan-misc.pcap", M)

# ---------------------------------------------------------------- DVMRP (in IGMP)
def dvmrp(code, body, ver=(0xff, 3)):
    return with_csum(struct.pack(">BBHBBBB", 0x13, code, 0, 0, 0, ver[0], ver[1]) + body, 2)

report = bytes([255, 255, 0]) + a4("10.198.3.0")[:3] + b"\x01" + a4("10.198.4.0")[:3] + b"\x82" + \
    bytes([0, 0, 0]) + b"\x0a" + b"\x83"
D = [ip4(2, dvmrp(1, struct.pack(">I", 77) + a4("10.198.3.9") + a4("10.198.3.10")), dst="224.0.0.4"),
     ip4(2, dvmrp(1, b"\0\0"), dst="224.0.0.4"),
     ip4(2, dvmrp(2, report), dst="224.0.0.4"),
     ip4(2, dvmrp(2, bytes([255, 0, 0]) + b"\x0a"), dst="224.0.0.4"),
     ip4(2, dvmrp(3, b""), dst="10.198.3.2"),
     ip4(2, dvmrp(4, a4("10.198.3.1") + bytes([1, 2, 2]) + a4("10.198.3.9") + a4("10.198.3.10")), dst="10.198.3.2"),
     ip4(2, dvmrp(6, a4("10.198.3.1") + bytes([1, 0, 0x53, 2]) + a4("10.198.3.9") + a4("10.198.3.10"), ver=(4, 12)), dst="10.198.3.2"),
     ip4(2, dvmrp(6, a4("10.198.3.1") + bytes([1, 0, 0, 3]) + a4("10.198.3.9")), dst="10.198.3.2"),
     ip4(2, dvmrp(7, a4("10.198.3.40") + a4("239.3.3.3") + struct.pack(">I", 7200)), dst="10.198.3.2"),
     ip4(2, dvmrp(8, a4("10.198.3.40") + a4("239.3.3.3")), dst="10.198.3.2"),
     ip4(2, dvmrp(9, a4("10.198.3.40") + a4("239.3.3.3")), dst="10.198.3.2"),
     ip4(2, dvmrp(12, b""), dst="10.198.3.2"),
     cut(ip4(2, dvmrp(7, a4("10.198.3.40") + a4("239.3.3.3") + struct.pack(">I", 7200)), dst="10.198.3.2"), 6)]
save("lan-dvmrp.pcap", D)

# ---------------------------------------------------------------- HSRP, LACP, Marker, OAM
def hsrp(op, state, group, rsv=0, ver=0):
    return struct.pack(">BBBBBBBB", ver, op, state, 3, 10, 120, group, rsv) + b"cisco\0\0\0" + a4("10.198.3.254")

def udp4(sport, dport, data):
    return Ether(src=SRC, dst="01:00:5e:00:00:02") / IP(src=A4, dst="224.0.0.2", ttl=1) / UDP(sport=sport, dport=dport) / Raw(data)

def lacp_ap(t, sysmac, key, port, state):
    return bytes([t, 20]) + struct.pack(">H", 32768) + bytes.fromhex(sysmac) + struct.pack(">HHHB", key, 128, port, state) + bytes(3)

lacp = b"\x01\x01" + lacp_ap(1, "020000000001", 13, 1, 0x3d) + lacp_ap(2, "020000000002", 14, 7, 0x02) + \
    bytes([3, 16]) + struct.pack(">H", 50) + bytes(12) + bytes([9, 4, 1, 2]) + bytes([0, 0]) + bytes(50)
marker = b"\x02\x01" + bytes([1, 16]) + struct.pack(">H", 3) + bytes.fromhex("020000000003") + struct.pack(">I", 0xabcdef01) + bytes(2) + bytes([0, 0]) + bytes(90)
SLOW = "01:80:c2:00:00:02"
H = [udp4(1985, 1985, hsrp(0, 16, 1)),
     udp4(1985, 1985, hsrp(1, 8, 2, rsv=5)),
     udp4(1985, 1985, hsrp(7, 3, 2)),
     udp4(1985, 1985, hsrp(0, 16, 1, ver=1)),
     cut(udp4(1985, 1985, hsrp(2, 4, 1)), 6),
     eth(0x8809, lacp, SLOW),
     eth(0x8809, marker, SLOW),
     eth(0x8809, b"\x01\x02" + bytes(20), SLOW),
     eth(0x8809, b"\x02\x01" + bytes([1, 10]) + bytes(8) + bytes([0, 0]), SLOW),
     eth(0x8809, b"\x01\x01" + bytes([1, 1]), SLOW),
     eth(0x8809, b"\x01\x01" + bytes([1, 60]) + bytes(30), SLOW),
     eth(0x8809, b"\x07" + bytes(10), SLOW),
     cut(eth(0x8809, lacp, SLOW), 100)]
save("lan-slow.pcap", H)
save("lan-oam.pcap", [eth(0x8809, b"\x03\x00\x50\x00" + bytes(40), SLOW)])

# ---------------------------------------------------------------- CFM (802.1ag)
def cfm(level, opcode, flags, first, body, tlvs=b"", ver=0):
    return bytes([(level << 5) | ver, opcode, flags, first]) + body + tlvs

def ctlv(t, v):
    return bytes([t]) + struct.pack(">H", len(v)) + v

names = bytes([4, 6]) + b"domain" + bytes([2, 5]) + b"maint"
ccm_body = struct.pack(">IH", 77, 0x0102) + names.ljust(48, b"\0") + bytes(16)
ccm_mac = struct.pack(">IH", 78, 3) + (bytes([3, 6]) + bytes.fromhex("020000000007") + bytes([3, 2, 0, 9])).ljust(48, b"\0") + bytes(16)
ccm_none = struct.pack(">IH", 79, 4) + (bytes([1, 0, 2]) + b"x" * 2).ljust(48, b"\0") + bytes(16)
ccm_big = struct.pack(">IH", 80, 5) + bytes([2, 60]).ljust(48, b"\0") + bytes(16)
sender = ctlv(1, bytes([6, 4]) + bytes.fromhex("020000000008") + bytes([3]) + b"\x06\x01\x02" + bytes([4]) + b"\x0a\x0b\x0c\x0d")
sender_net = ctlv(1, bytes([5, 5, 1]) + a4("10.198.3.1"))
sender_short = ctlv(1, bytes([9, 7]) + b"ab")
tlvs = ctlv(2, b"\x02") + ctlv(3, b"\x05") + ctlv(4, b"payload") + ctlv(31, b"\x00\x80\xc2\x01zz") + sender + sender_net + b"\x00"
CFMD = "01:80:c2:00:00:30"
F = [eth(0x8902, cfm(5, 1, 0x84, 70, ccm_body, tlvs), CFMD),
     eth(0x8902, cfm(3, 1, 0x03, 70, ccm_mac, b"\x00"), CFMD),
     eth(0x8902, cfm(3, 1, 0x00, 70, ccm_none, b"\x00"), CFMD),
     eth(0x8902, cfm(3, 1, 0x01, 70, ccm_big, b"\x00"), CFMD),
     eth(0x8902, cfm(2, 3, 0, 4, struct.pack(">I", 5), ctlv(4, b"abc") + b"\x00"), CFMD),
     eth(0x8902, cfm(2, 2, 0, 4, struct.pack(">I", 5), b"\x00"), CFMD),
     eth(0x8902, cfm(4, 5, 0x80, 17, struct.pack(">IB", 9, 64) + bytes.fromhex("020000000001020000000002"), sender_short + b"\x00"), CFMD),
     eth(0x8902, cfm(4, 4, 0x60, 6, struct.pack(">IBB", 9, 63, 2), ctlv(5, bytes(7)) + ctlv(6, bytes(7)) + b"\x00"), CFMD),
     eth(0x8902, cfm(1, 1, 0, 8, ccm_body), CFMD),
     eth(0x8902, cfm(1, 1, 0, 200, b""), CFMD),
     eth(0x8902, cfm(1, 9, 0, 0, b"", ctlv(2, b"") ), CFMD),
     eth(0x8902, cfm(1, 3, 0, 4, b"\0\0\0\1", ctlv(4, b"abc")[:2]), CFMD),
     eth(0x8902, cfm(1, 3, 0, 0, b"", ver=1), CFMD),
     eth(0x8902, b"\x00\x01", CFMD),
     cut(eth(0x8902, cfm(5, 1, 0x84, 70, ccm_body, tlvs), CFMD), 40)]
save("lan-cfm.pcap", F)

# ---------------------------------------------------------------- edge cases found by comparing
# mutated captures with tcpdump: where a truncation or a bad length is reported
short_cdp_addr = struct.pack(">I", 2) + b"\x01\x01\xcc" + struct.pack(">H", 4) + a4("10.198.3.1") + b"\x01\x01\xcc\x00\x74"
X = [eth(0x888e, eapol(0, eap(2, 1, b"\x01abc"))[:4] + struct.pack(">BBH", 2, 1, 2), PAE),
     eth(0x888e, eapol(0, eap(2, 10)), PAE),
     eth(0x888e, eapol(0, eap(1, 3, b"\x0d\x80")), PAE),
     cut(dot3(snap(0x00000c, 0x2000, cdp(tlv(1, b"r1"))), CISCO), 5),
     cut(dot3(snap(0x00000c, 0x2000, cdp(tlv(1, b"router-one"))), CISCO), 6),
     dot3(snap(0x00000c, 0x2000, cdp(tlv(2, short_cdp_addr) + tlv(2, struct.pack(">I", 1) + b"\x01") +
                                     tlv(2, struct.pack(">I", 0) + b"xyz"))), CISCO),
     udp4(1985, 2028, hsrp(0, 16, 1)),
     cut(udp4(5000, 1985, hsrp(0, 16, 1)), 14),
     cut(ip4(112, vrrp2(7, 100, ["10.198.3.254"]), ttl=255, dst="224.0.0.18"), 24),
     cut(ip4(2, dvmrp(6, a4("10.198.3.1") + bytes([1, 0, 0x53, 2]) + a4("10.198.3.9") + a4("10.198.3.10"), ver=(4, 12)), dst="10.198.3.2"), 2),
     cut(ip4(2, dvmrp(4, a4("10.198.3.1") + bytes([1, 2, 2]) + a4("10.198.3.9") + a4("10.198.3.10")), dst="10.198.3.2"), 6),
     cut(eth(0x88f7, ptp(0x0, ts)), 41),
     eth(0xd28b, struct.pack(">HBB", 1, 0, 0x10) + struct.pack(">II", 1559162199, 3944724424) + struct.pack(">H", 0x0800) + inner_ip, "00:00:00:00:00:01"),
     eth(0xd28b, struct.pack(">HBB", 1, 0, 0x20) + struct.pack(">HI", 60821, 2944724424) + struct.pack(">H", 0x0800) + inner_ip, "00:00:00:00:00:01")]
for d in (b"\x02", b"\x03", b"\x0d", b"\x15", b"\x2b", b"\x2b\x80", b"\x15\x80", b"\x12", b"\x17"):
    X.append(eth(0x888e, eapol(0, eap(1, 1, d)), PAE))
ar = eth(0xd28b, struct.pack(">HBB", 1, 0, 0x10) + struct.pack(">II", 1559162199, 5) + struct.pack(">H", 0x0800) + inner_ip, "00:00:00:00:00:01")
for n in (15, 16, 20, 26):
    X.append(cut(ar, len(bytes(ar)) - n))
X.append(dot3(snap(0x00000c, 0x2000, cdp(tlv(1, b"r3") + tlv(0, b"ab") + tlv(0x0c, b"cd") + tlv(0x1b, b"ef"))), CISCO))
for af in (0, 11, 16, 25):
    X.append(eth(0x88cc, ltlv(8, bytes([3, af, 1, 2]) + b"\x02" + struct.pack(">I", 1)) + ltlv(0, b"")))
X.append(dot3(snap(0x00000c, 0x2000, cdp(tlv(1, b"r4") + tlv(7, a4("10.198.3.0") + b"\x18\x01") + tlv(9, b"d"))), CISCO))
X.append(cut(udp4(5000, 1985, hsrp(2, 16, 1)), 18))
save("lan-edge.pcap", X)
