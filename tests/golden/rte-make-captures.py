#!/usr/bin/python3
# rte-make-captures.py - crafted captures for tests/golden/rte.list (routing and
# MPLS printers: OSPFv3 + AH, IS-IS, EIGRP, BFD, ...).  Every message type the
# printers decode, plus truncated copies.  Expected outputs come from tcpdump
# (tests/golden/regen.sh rte.list).  Run: /usr/bin/python3 tests/golden/rte-make-captures.py
import os, struct
from scapy.all import Ether, Dot3, LLC, IPv6, IP, UDP, TCP, Raw, wrpcap
from scapy.contrib.ospf import (OSPFv3_Hdr, OSPFv3_Hello, OSPFv3_DBDesc, OSPFv3_LSReq,
                                OSPFv3_LSReq_Item, OSPFv3_LSUpd, OSPFv3_LSAck, OSPFv3_LSA_Hdr,
                                OSPFv3_Router_LSA, OSPFv3_Link, OSPFv3_Network_LSA,
                                OSPFv3_Inter_Area_Prefix_LSA, OSPFv3_AS_External_LSA,
                                OSPFv3_Link_LSA, OSPFv3_Prefix_Item, OSPFv3_Intra_Area_Prefix_LSA,
                                OSPFv3_Inter_Area_Router_LSA)
from scapy.layers.ipsec import AH

HERE = os.path.dirname(os.path.abspath(__file__))
CAP = os.path.join(HERE, "..", "captures")
MAC_A, MAC_B = "02:00:00:00:00:01", "02:00:00:00:00:02"
A6, B6 = "fe80::1", "fe80::2"
A4, B4 = "10.198.0.1", "10.198.0.2"


def write(name, pkts, cut=()):
    """pkts, then for each (index, n) in cut a copy of pkts[index] cut to n bytes."""
    raw = [bytes(p) for p in pkts]
    for i, n in cut:
        raw.append(raw[i][:n])
    out = [Ether(b) for b in raw]
    for i, p in enumerate(out):
        p.time = 1700000000 + i
    wrpcap(os.path.join(CAP, name), out)


def e6(payload, nh=89):
    return Ether(src=MAC_A, dst=MAC_B) / IPv6(src=A6, dst=B6, hlim=1, nh=nh) / payload


def ospf6():
    pfx = [OSPFv3_Prefix_Item(prefix="2001:db8:1::/64", metric=10),
           OSPFv3_Prefix_Item(prefix="2001:db8::/48", prefixoptions=0x02)]
    lsas = [
        OSPFv3_Router_LSA(adrouter="1.1.1.1", id="0.0.0.0", seq=0x80000001, flags=0x01,
                          linklist=[OSPFv3_Link(type=1, metric=10, intid=5, neighintid=6,
                                                neighbor="2.2.2.2"),
                                    OSPFv3_Link(type=2, metric=1, intid=5, neighintid=5,
                                                neighbor="3.3.3.3"),
                                    OSPFv3_Link(type=4, metric=3, intid=7, neighintid=8,
                                                neighbor="4.4.4.4")]),
        OSPFv3_Network_LSA(adrouter="1.1.1.1", id="0.0.0.5", seq=0x80000002,
                           routerlist=["1.1.1.1", "2.2.2.2"]),
        OSPFv3_Inter_Area_Prefix_LSA(adrouter="1.1.1.1", id="0.0.0.1", metric=20,
                                     prefix="2001:db8:2::/64", prefixlen=64),
        OSPFv3_Inter_Area_Router_LSA(adrouter="1.1.1.1", id="0.0.0.2", metric=30,
                                     router="5.5.5.5"),
        OSPFv3_AS_External_LSA(adrouter="1.1.1.1", id="0.0.0.3", flags=0x03, metric=40,
                               prefix="2001:db8:3::/56", prefixlen=56, reflstype=1, reflsid="9.9.9.9",
                               fwaddr="2001:db8::1", tag=7),
        OSPFv3_Link_LSA(adrouter="1.1.1.1", id="0.0.0.5", prio=1, lladdr=A6, prefixlist=pfx),
        OSPFv3_Intra_Area_Prefix_LSA(adrouter="1.1.1.1", id="0.0.0.4", reflstype=0x2001,
                                     reflsid="0.0.0.0", refadrouter="1.1.1.1", prefixlist=pfx),
    ]
    hdrs = [OSPFv3_LSA_Hdr(type=0x2001, id="0.0.0.0", adrouter="1.1.1.1", seq=0x80000001),
            OSPFv3_LSA_Hdr(type=0x0008, id="0.0.0.5", adrouter="2.2.2.2", seq=0x80000003)]
    h = lambda t, area="0.0.0.0", inst=0: OSPFv3_Hdr(type=t, src="1.1.1.1", area=area,
                                                   instance=inst)
    pkts = [
        e6(h(1) / OSPFv3_Hello(intid=5, prio=1, options=0x13, hellointerval=10,
                               deadinterval=40, router="1.1.1.1", backup="2.2.2.2",
                               neighbors=["2.2.2.2", "3.3.3.3"])),
        e6(h(1, "0.0.0.1", 2) / OSPFv3_Hello(intid=6, prio=0, options=0x13)),
        e6(h(2) / OSPFv3_DBDesc(options=0x13, mtu=1500, dbdescr=0x07, ddseq=0x1234,
                                lsaheaders=hdrs)),
        e6(h(3) / OSPFv3_LSReq(requests=[
            OSPFv3_LSReq_Item(type=0x2001, id="0.0.0.0", adrouter="1.1.1.1"),
            OSPFv3_LSReq_Item(type=0xa002, id="0.0.0.5", adrouter="2.2.2.2")])),
        e6(h(4) / OSPFv3_LSUpd(lsalist=lsas)),
        e6(h(5) / OSPFv3_LSAck(lsaheaders=hdrs)),
        e6(h(9) / Raw(b"\x00" * 8)),
        e6(h(4) / Raw(struct.pack(">I", 3) + b"".join(
            struct.pack(">HH4s4sIHH", 1, t, b"\x00\x00\x00\x01", b"\x01\x01\x01\x01", 0x80000001, 0, 20 + len(v)) + v
            for t, v in [(0x000b, b"\x00\x01\x00\x04\x00\x00\x00\x3c\x00\x02\x00\x01\x01\x00\x00\x00"),
                         (0x000a, b"\x00\x01\x00\x04\x0a\xc6\x00\x01"),
                         (0x2007, b"\x01\x02\x03\x04")]))),
        e6(AH(nh=89, payloadlen=4, spi=0x100, seq=19, icv=b"\x11" * 12) / h(1) /
           OSPFv3_Hello(intid=5, prio=1, options=0x13, router="1.1.1.1"), nh=51),
    ]
    write("rte-ospf6.pcap", pkts, cut=[(0, 14 + 40 + 30), (0, 14 + 40 + 40), (2, 14 + 40 + 36),
                                        (4, 14 + 40 + 60), (4, 14 + 40 + 130), (7, 14 + 40 + 10)])


def tlv(t, v):
    return bytes([t, len(v)]) + v


def isis_frame(pdu):
    return Dot3(src=MAC_A, dst="01:80:c2:00:00:14") / LLC(dsap=0xfe, ssap=0xfe, ctrl=3) / Raw(pdu)


def isis_pdu(ptype, fixed, tlvs):
    """common header + fixed part (PDU length patched in) + TLVs"""
    hlen = 8 + len(fixed)
    body = fixed + b"".join(tlvs)
    total = 8 + len(body)
    hdr = bytes([0x83, hlen, 1, 0, ptype, 1, 0, 0])
    if ptype in (15, 16, 17):      # IIH: PDU length after circuit type, id, holding time
        body = body[:9] + struct.pack(">H", total) + body[11:]
    else:                          # LSP / SNP: PDU length first
        body = struct.pack(">H", total) + body[2:]
    return hdr + body


SYS1 = bytes.fromhex("192168000001")
SYS2 = bytes.fromhex("192168000002")


def isis():
    ip = lambda a: bytes(int(x) for x in a.split("."))
    f32 = lambda v: struct.pack(">f", v)
    te = (tlv(3, b"\x00\x00\x00\x05") + tlv(4, b"\x00\x00\x00\x01\x00\x00\x00\x02") +
          tlv(6, ip("10.198.0.1")) + tlv(8, ip("10.198.0.2")) + tlv(9, f32(125000000.0)) +
          tlv(10, f32(100000000.0)) + tlv(11, b"".join(f32(1e6 * i) for i in range(8))) +
          tlv(18, b"\x00\x00\x0a") + tlv(19, b"\x00\x01") + tlv(20, b"\x10\x03") +
          tlv(22, b"\x00" + f32(1e6) + f32(2e6)) +
          tlv(21, b"\x01\x02\x00\x00" + b"".join(f32(1e7) for i in range(8)) + f32(1e3) + b"\x05\xdc") +
          tlv(32, b"\x30\x00" + SYS2 + b"\x00\x3e\x80") + tlv(29, b"\x00\x00\x0a\x01\x00\x02") +
          tlv(99, b"\xaa\xbb"))
    ext_is = SYS2 + b"\x01" + b"\x00\x00\x0a" + bytes([len(te)]) + te
    ipsub = tlv(1, b"\x00\x00\x00\x07") + tlv(2, b"\x00\x00\x00\x00\x00\x00\x00\x09") + tlv(3, b"\x40\x00\x00\x00\x00\x10")
    ext_ip = (b"\x00\x00\x00\x0a" + bytes([0x40 | 24]) + ip("10.198.1.0")[:3] + bytes([len(ipsub)]) + ipsub +
              b"\x00\x00\x00\x14" + bytes([0x80 | 32]) + ip("10.198.2.1"))
    ip6r = (b"\x00\x00\x00\x0a" + b"\x00" + bytes([64]) + bytes.fromhex("fd00000000000001") +
            b"\x00\x00\x00\x0b" + b"\x60" + bytes([48]) + bytes.fromhex("fd0000000002") + b"\x06" + tlv(1, b"\x00\x00\x00\x01"))
    srcap = tlv(2, b"\xc0\x00\x03\xe8" + tlv(1, b"\x00\x3e\x80"))
    spb_port = (b"\x00\x01" + tlv(6, b"\x00\x80\xc2\x01\x00\x14\x00\x80\xc2\x02\x00\x1c") +
                tlv(5, b"\x15" + bytes(range(32))))
    spb_cap = b"\x00\x01" + tlv(1, bytes(8) + b"\x00\x00\x00\x01\x80\x00\x00\x00\x00\x01\x01" +
                                   b"\xa0\x00\x80\xc2\x01\x00\x10\x64")
    lsp_tlvs = [
        tlv(1, b"\x03\x49\x00\x01" + b"\x05\x49\x00\x02\x00\x03"),
        tlv(2, b"\x00" + b"\x0a\x80\x80\x80" + SYS2 + b"\x00" + b"\x0a\x14\x1e\x28" + SYS2 + b"\x01"),
        tlv(3, b"\x0a\x80\x80\x80" + SYS2),
        tlv(4, SYS1), tlv(5, b"\x0a\x80\x80\x80" + b"\x06\x49\x00\x01"),
        tlv(13, b"\x02" + SYS1 + SYS2), tlv(14, b"\x05\xd4"),
        tlv(22, ext_is), tlv(24, SYS2 + b"\x02" + b"\x00"),
        tlv(128, b"\x0a\x80\x80\x80" + ip("10.198.3.0") + ip("255.255.255.0") +
            b"\x4a\x01\x80\x80" + ip("10.198.4.0") + ip("255.0.255.0")),
        tlv(129, b"\xcc\x8e\x81"), tlv(130, b"\x8a\x80\x80\x80" + ip("0.0.0.0") + ip("0.0.0.0")),
        tlv(131, b"\x02\xfd\xe8"), tlv(131, b"\x01\x01\x02"),
        tlv(132, ip("10.198.0.1") + ip("10.198.0.9")), tlv(134, ip("10.198.0.1")),
        tlv(135, ext_ip), tlv(137, b"router-1"), tlv(138, SYS2 + b"\x00\x01" + ip("10.198.0.1") + ip("10.198.0.2") + b"\x00\x00\x00\x07"),
        tlv(222, b"\x00\x02" + ext_is), tlv(229, b"\x00\x00\x80\x02\x40\x03"),
        tlv(232, bytes.fromhex("fd000000000000000000000000000001")),
        tlv(235, b"\x00\x02" + b"\x00\x00\x00\x05\x18" + ip("10.198.5.0")[:3]),
        tlv(236, ip6r), tlv(237, b"\x00\x02" + b"\x00\x00\x00\x01\x00\x20\xfd\x00\x00\x00"),
        tlv(242, ip("10.198.0.1") + b"\x03" + srcap), tlv(242, b"\x01\x02"),
        tlv(250, b"\x00\x00\x0c\x01\x02"), tlv(143, spb_port), tlv(144, spb_cap),
        tlv(12, b"\x12\x34"), tlv(10, b"\x01secret"), tlv(10, b"\x36" + bytes(range(16))),
        tlv(10, b"\x03\x00\x05\xaa\xbb"), tlv(10, b"\x07\x01\x02"), tlv(99, b"\x01\x02\x03"),
    ]
    lsp_fixed = lambda typeblock, ck: (b"\x00\x00" + b"\x04\xb0" + SYS1 + b"\x00\x00" +
                                       b"\x00\x00\x00\x2a" + ck + bytes([typeblock]))
    lan_fixed = lambda: b"\x03" + SYS1 + b"\x00\x1e" + b"\x00\x00" + b"\x40" + SYS1 + b"\x01"
    ptp_fixed = b"\x02" + SYS1 + b"\x00\x1e" + b"\x00\x00" + b"\x01"
    entries = (b"\x04\xb0" + SYS1 + b"\x00\x00" + b"\x00\x00\x00\x2a" + b"\x12\x34" +
               b"\x00\x00" + SYS2 + b"\x00\x01" + b"\x00\x00\x00\x01" + b"\x00\x00")
    pkts = [
        isis_frame(isis_pdu(15, lan_fixed(), [tlv(129, b"\xcc"), tlv(1, b"\x03\x49\x00\x01"),
                                              tlv(6, bytes.fromhex("020000000002")),
                                              tlv(7, b"\x00\x05\x00\x01\x00\x02"),
                                              tlv(211, b"\x03\x00\x1e" + SYS2), tlv(241, b"\x00\x00\x00\x09"),
                                              tlv(8, bytes(6))])),
        isis_frame(isis_pdu(17, ptp_fixed, [tlv(240, b"\x00\x00\x00\x00\x05" + SYS2 + b"\x00\x00\x00\x07"),
                                            tlv(240, b"\x02"), tlv(232, bytes.fromhex("fe800000000000000000000000000001"))])),
        isis_frame(isis_pdu(20, lsp_fixed(0x7b, b"\x00\x00"), lsp_tlvs)),
        isis_frame(isis_pdu(18, lsp_fixed(0x83, b"\xbe\xef"), [tlv(137, b"r2")])),
        isis_frame(isis_pdu(24, b"\x00\x00" + SYS1 + b"\x00" + bytes(8) + b"\xff" * 8, [tlv(9, entries)])),
        isis_frame(isis_pdu(27, b"\x00\x00" + SYS1 + b"\x00", [tlv(9, entries)])),
        isis_frame(isis_pdu(21, b"\x00\x00", [])),
        isis_frame(bytes([0x83, 27, 2, 0, 18, 1, 0, 0]) + bytes(20)),
        isis_frame(bytes([0x83, 20, 1, 0, 16, 1, 0, 0]) + bytes(20)),
        isis_frame(b"\x00" + bytes(5)),
        isis_frame(b"\x99" + bytes(5)),
    ]
    write("rte-isis.pcap", pkts, cut=[(2, 14 + 3 + 60), (2, 14 + 3 + 200), (2, 14 + 3 + 400),
                                       (0, 14 + 3 + 20), (4, 14 + 3 + 40), (1, 14 + 3 + 30)])


def e4(payload, proto):
    return Ether(src=MAC_A, dst=MAC_B) / IP(src=A4, dst=B4, ttl=2, proto=proto, id=1) / payload


def eigrp():
    ip = lambda a: bytes(int(x) for x in a.split("."))
    t = lambda typ, v: struct.pack(">HH", typ, 4 + len(v)) + v
    hdr = lambda op, flags, tlvs: (struct.pack(">BBHIIIHH", 2, op, 0x1234, flags, 7, 3, 0, 100) + b"".join(tlvs))
    metric = struct.pack(">II", 28160, 256000) + b"\x00\x05\xdc" + b"\x01\xff\x01" + b"\x00\x00"
    ipint = ip("0.0.0.0") + metric + b"\x18" + ip("10.198.4.0")[:3]
    ipint2 = ip("10.198.0.9") + metric + b"\x20" + ip("10.198.4.1")
    ipext = (ip("10.198.0.9") + ip("10.198.0.5") + struct.pack(">III", 65001, 0xabcd, 7) + b"\x00\x00" +
             b"\x09\x02" + metric + b"\x10" + ip("10.198.0.0")[:2])
    bad = ip("0.0.0.0") + metric + b"\x21" + ip("10.198.4.1")
    atint = ip("0.0.0.0") + metric + struct.pack(">HH", 10, 20)
    atext = ip("0.10.0.20") + struct.pack(">III", 1, 2, 3) + b"\x04\x00" + b"\x00\x05" + metric + struct.pack(">HH", 30, 40)
    pkts = [
        e4(Raw(hdr(5, 0, [t(1, b"\x01\x00\x01\x00\x00\x00\x00\x0f"), t(4, b"\x0c\x04\x01\x02")])), 88),
        e4(Raw(hdr(1, 1, [t(0x102, ipint), t(0x102, ipint2), t(0x103, ipext), t(0x102, bad)])), 88),
        e4(Raw(hdr(3, 8, [t(0x202, atint), t(0x203, atext), t(0x204, struct.pack(">HHI", 1, 2, 3))])), 88),
        e4(Raw(hdr(4, 2, [t(3, b"\x04\x0a\x00\x00\x01"), t(5, b"\x00\x00\x00\x09"), t(2, b"\x00\x02" * 5),
                          t(0x102, b"\x00" * 4), t(1, b"\x00")])), 88),
        e4(Raw(hdr(9, 0x10, [t(0x999, b"\x01\x02")])), 88),
        e4(Raw(hdr(5, 0, [struct.pack(">HH", 1, 2)])), 88),
        e4(Raw(hdr(5, 0, [struct.pack(">HH", 1, 200)])), 88),
        e4(Raw(b"\x01\x05" + bytes(18)), 88),
        e4(Raw(b"\x02\x05" + bytes(10)), 88),
    ]
    write("rte-eigrp.pcap", pkts, cut=[(1, 14 + 20 + 30), (1, 14 + 20 + 60), (0, 14 + 20 + 10)])


def bfd():
    def ctl(vd, flags, mult=3, tx=300000, auth=b""):
        return struct.pack(">BBBBIIIII", vd, flags, mult, 24 + len(auth), 0x11, 0x22, tx, 250000, 0) + auth
    u = lambda sport, dport, pl: e4(UDP(sport=sport, dport=dport) / Raw(pl), 17)
    pkts = [
        u(50000, 3784, ctl(0x20, 0xc0)), u(50000, 4784, ctl(0x21, 0x78, 5)), u(50000, 6784, ctl(0x28, 0x43)),
        u(50000, 3784, ctl(0x20, 0x80 | 0x04, auth=b"\x01\x08\x05secret")),
        u(50000, 3784, ctl(0x20, 0x44, auth=b"\x02\x18\x01\x00\x00\x00\x00\x07" + bytes(range(16)))),
        u(50000, 3784, ctl(0x20, 0x44, auth=b"\x05\x1c\x01\x00\x00\x00\x00\x08" + bytes(range(20)))),
        u(50000, 3784, ctl(0x20, 0x44, auth=b"\x02\x10\x01\x00")),
        u(50000, 3784, ctl(0x20, 0x44, auth=b"\x01\x02\x01\x00")),
        u(50000, 3784, ctl(0x07, 0xf5)), u(50000, 3784, ctl(0x60, 0x00)),
        u(50000, 3785, b"\x01\x02\x03\x04"), u(3784, 50000, ctl(0x20, 0xc0)),
    ]
    write("rte-bfd.pcap", pkts, cut=[(0, 14 + 28 + 10), (4, 14 + 28 + 30), (4, 14 + 28 + 40)])


def ldp():
    ip = lambda a: bytes(int(x) for x in a.split("."))
    tlv = lambda typ, v: struct.pack(">HH", typ, len(v)) + v
    msg = lambda typ, tlvs, mid=1: struct.pack(">HHI", typ, 4 + len(b"".join(tlvs)), mid) + b"".join(tlvs)
    pdu = lambda msgs: struct.pack(">HH", 1, 6 + len(b"".join(msgs))) + ip("10.198.0.1") + b"\x00\x00" + b"".join(msgs)
    martini = (b"\x80" + b"\x80\x05" + b"\x0e" + struct.pack(">II", 7, 100) +
               b"\x01\x04\x05\xdc" + b"\x03\x06eth0" + b"\x0c\x04\x03\x02" + b"\x09\x03\x01")
    msgs = [
        msg(0x0100, [tlv(0x0400, b"\x00\x0f\xc0\x00"), tlv(0x0401, ip("10.198.0.1")),
                     tlv(0x0403, bytes.fromhex("fd000000000000000000000000000001")), tlv(0x0402, b"\x00\x00\x00\x05")]),
        msg(0x0200, [tlv(0x0500, bytes.fromhex("0001001e0000c0000a0000010000")),
                     tlv(0x0503, struct.pack(">HHII", 0x800f, 0, 1000, 2000)), tlv(0x0601, b"\x05\xdc")]),
        msg(0x0300, [tlv(0x0101, b"\x00\x01" + ip("10.198.0.1") + ip("10.198.0.2")),
                     tlv(0x0101, b"\x00\x02" + bytes(16)), tlv(0x0101, b"\x00\x09\x01\x02")]),
        msg(0x0400, [tlv(0x0100, b"\x02\x00\x01\x18" + ip("10.198.3.0")[:3]),
                     tlv(0x0100, b"\x02\x00\x02\x30" + bytes(6)), tlv(0x0100, b"\x02\x00\x01\x21\x00"),
                     tlv(0x0100, b"\x02\x00\x07\x08"),
                     tlv(0x0100, b"\x01"), tlv(0x0100, martini),
                     tlv(0x0100, b"\x80\x00\x04\x00\x00\x00\x00\x01"), tlv(0x0100, b"\x80\x00\x04\x02" + bytes(7)),
                     tlv(0x0100, b"\x80\x00\x04\x04\x00\x00\x00\x01"),
                     tlv(0x0200, b"\x00\x01\x23\x45"), tlv(0x8103, b"\x01")]),
        msg(0x0001, [tlv(0x0300, b"\x40\x00\x00\x19\x00\x00\x00\x07"), tlv(0x0300, b"\x00"),
                     tlv(0x0401, b"\x0a")]),
        msg(0x0401, [tlv(0x0200, b"\x00\x00\x00\x03")]),
        msg(0x0301, [tlv(0x0200, b"\x00\x00\x00\x03" + b"\x00" * 30)]),
    ]
    u = lambda pl, sport=646, dport=646: e4(UDP(sport=sport, dport=dport) / Raw(pl), 17)
    pkts = [u(pdu(msgs[:1])), u(pdu(msgs[1:2])), u(pdu(msgs[2:3])), u(pdu(msgs[3:4])), u(pdu(msgs[4:5])),
            u(pdu(msgs[5:])), u(pdu(msgs[:1]) + pdu(msgs[2:3]), 49999), u(b"\x00\x02" + bytes(20)),
            u(b"\x00\x01\x00\x02" + bytes(18)), u(pdu([b"\x01\x00\x00\x02" + bytes(10)])),
            e4(TCP(sport=50001, dport=646, flags="PA") / Raw(pdu(msgs[:1]) + pdu(msgs[1:2])), 6),
            u(pdu([msg(0x0400, [tlv(0x0100, b"\x02\x00\x01\x20\x0a"), tlv(0x0200, b"\x00\x00\x00\x03")])]))]
    write("rte-ldp.pcap", pkts, cut=[(3, 14 + 28 + 60), (0, 14 + 28 + 12)])


def lspping():
    ip = lambda a: bytes(int(x) for x in a.split("."))
    v6 = bytes.fromhex("fd000000000000000000000000000001")
    tlv = lambda typ, v: struct.pack(">HH", typ, len(v)) + v + bytes((4 - len(v) % 4) % 4)
    hdr = lambda msg=1, mode=2, rc=0, rs=0, rcvd=(0, 0): struct.pack(
        ">HHBBBBIIIIII", 1, 0, msg, mode, rc, rs, 0x23, 7, 3558141471, 0x8192a000, rcvd[0], rcvd[1])
    rd0 = struct.pack(">HHI", 0, 65000, 7)
    rd1 = struct.pack(">H", 1) + ip("10.198.0.1") + struct.pack(">H", 9)
    rd2 = struct.pack(">HIH", 2, 4200000000, 3)
    fec = ([
        tlv(1, ip("10.198.1.1") + b"\x20"), tlv(2, v6 + b"\x40"),
        tlv(3, ip("10.198.1.1") + b"\x00\x00\x00\x07" + ip("10.198.9.9") + ip("10.198.2.2") + b"\x00\x00\x00\x10"),
        tlv(4, v6 + b"\x00\x00\x00\x07" + v6 + v6 + b"\x00\x00\x00\x10"),
        tlv(6, rd0 + ip("10.198.3.0") + b"\x18"), tlv(7, rd1 + v6 + b"\x30"),
        tlv(8, rd2 + struct.pack(">HHH", 1, 2, 5)), tlv(9, ip("10.198.0.2") + struct.pack(">IH", 100, 4)),
        tlv(10, ip("10.198.0.1") + ip("10.198.0.2") + struct.pack(">IH", 100, 99)),
        tlv(12, ip("10.198.4.0") + b"\x18"), tlv(13, v6 + b"\x80"), tlv(1, b"\x01\x02"),
        tlv(11, b"\x01\x02\x03\x04"), tlv(5, b"\x00\x00\x00\x00")])
    # one sub-TLV per packet: tcpdump 4.99 loses its place after a padded sub-TLV
    ds = lambda at, body: tlv(2, struct.pack(">HBB", 1500, at, 0) + body + b"\x00\x00\x00\x00" + b"\x00\x01\x00\x03")
    u = lambda pl, sport=50000, dport=3503: e4(UDP(sport=sport, dport=dport) / Raw(pl), 17)
    pkts = [
        u(hdr() + tlv(1, b"".join(fec))),
        u(hdr(2, 3, 3, 1, (3558141472, 0x40000000)) + ds(1, ip("10.198.0.5") + ip("10.198.0.6")) +
          ds(2, ip("10.198.0.5") + b"\x00\x00\x00\x09") + ds(3, v6 + v6) + ds(4, v6 + b"\x00\x00\x00\x09") +
          ds(7, b"") + tlv(2, b"\x05\xdc\x01\x00\x0a") + tlv(2, b"\x05"), 3503, 50000),
        u(hdr(1, 4, 8, 2) + tlv(15, b"\x00\x00\x12\x34") + tlv(15, b"\x01") + tlv(5, b"\x00\x00\x00\x09") +
          tlv(5, b"\x00\x00\x0a\x4c") + tlv(5, b"\x00\x00\x00\x01") + tlv(3, b"\x01\x00") + tlv(9, b"\x00\x00\x00\x01") +
          tlv(0, b"") + tlv(77, b"\xaa")),
        u(hdr(3, 9, 13, 0, (0, 5)) + tlv(1, struct.pack(">HH", 1, 40) + b"\x00" * 4)),
        u(hdr() + struct.pack(">HH", 1, 400) + b"\x00" * 8), u(hdr()[:20]), u(b"\x00\x02" + hdr()[2:]),
    ]
    pkts += [u(hdr() + tlv(1, f)) for f in fec]
    write("rte-lspping.pcap", pkts, cut=[(0, 14 + 28 + 50), (0, 14 + 28 + 120)])


def ospf2():
    ip = lambda a: bytes(int(x) for x in a.split("."))
    f32 = lambda v: struct.pack(">f", v)
    def lsa(typ, lsid, body, opts=0x02, age=5, seq=0x80000001):
        return struct.pack(">HBB4s4sIHH", age, opts, typ, lsid, ip("1.1.1.1"), seq, 0, 20 + len(body)) + body
    def hdr(typ, body, auth=0, authdata=bytes(8), area="0.0.0.0", extra=b""):
        return (struct.pack(">BBH4s4sHH", 2, typ, 24 + len(body), ip("1.1.1.1"), ip(area), 0, auth) +
                authdata + body + extra)
    o4 = lambda pl: e4(Raw(pl), 89)
    tlv = lambda t, v: struct.pack(">HH", t, len(v)) + v + bytes((4 - len(v) % 4) % 4)
    links = (ip("2.2.2.2") + ip("10.198.0.1") + b"\x01\x00\x00\x0a" +
             ip("10.198.0.0") + ip("255.255.255.0") + b"\x03\x02\x00\x01" + b"\x01\x00\x00\x05" + b"\x02\x00\x00\x07" +
             ip("10.198.9.9") + ip("10.198.0.9") + b"\x02\x00\x00\x01" + ip("3.3.3.3") + ip("0.0.0.9") + b"\x04\x00\x00\x02")
    te_link = tlv(2, tlv(1, b"\x02") + tlv(2, ip("10.198.0.2")) + tlv(3, ip("10.198.0.1")) + tlv(4, ip("10.198.0.2")) +
                  tlv(5, b"\x00\x00\x00\x0a") + tlv(6, f32(125000000.0)) + tlv(7, f32(1e8)) +
                  tlv(8, b"".join(f32(1e6 * i) for i in range(8))) + tlv(9, b"\x00\x00\x00\x01") +
                  tlv(11, b"\x00\x00\x00\x01\x00\x00\x00\x02") + tlv(14, b"\x08\x00\x00\x00") +
                  tlv(15, b"\x33\x02\x00\x00" + b"".join(f32(1e6) for i in range(8))) +
                  tlv(16, b"\x00\x00\x00\x01\x00\x00\x00\x02") + tlv(17, b"\x00\x00\x00\x00" + f32(1e6) + f32(2e6)) +
                  tlv(99, b"\x01\x02") + tlv(5, b"\x01"))
    lsas = [
        lsa(1, ip("1.1.1.1"), b"\x03\x00\x00\x04" + links),
        lsa(2, ip("10.198.0.1"), ip("255.255.255.0") + ip("1.1.1.1") + ip("2.2.2.2")),
        lsa(3, ip("10.198.5.0"), ip("255.255.255.0") + b"\x00\x00\x00\x0a" + b"\x01\x00\x00\x14"),
        lsa(4, ip("5.5.5.5"), ip("0.0.0.0") + b"\x00\x00\x00\x0b"),
        lsa(5, ip("10.198.6.0"), ip("255.255.255.0") + b"\x80\x00\x00\x0c" + ip("10.198.0.7") + ip("0.0.0.9") +
            b"\x01\xff\xff\xff" + ip("0.0.0.0") + ip("0.0.0.0")),
        lsa(7, ip("10.198.7.0"), ip("255.255.255.0") + b"\x00\x00\x00\x0d" + ip("0.0.0.0") + ip("0.0.0.0")),
        lsa(6, ip("224.1.1.1"), b"\x00\x00\x00\x01" + ip("1.1.1.1") + b"\x00\x00\x00\x02" + ip("10.198.0.1") + b"\x00\x00\x00\x07" + ip("0.0.0.0")),
        lsa(10, b"\x01\x00\x00\x05", tlv(1, ip("1.1.1.1")) + te_link, opts=0x42),
        lsa(9, b"\x03\x00\x00\x00", tlv(1, b"\x00\x00\x00\x3c") + tlv(2, b"\x01") + tlv(3, ip("10.198.0.1")) + tlv(9, b"\xaa")),
        lsa(10, b"\x04\x00\x00\x00", tlv(1, b"\x00\x00\x00\x70") + tlv(1, b"\x00\x00\x04\x00") + tlv(7, b"\x01\x02\x03\x04")),
        lsa(11, b"\x07\x00\x00\x01", b"\x01\x02\x03\x04"),
        lsa(1, ip("9.9.9.9"), b"\x00\x00\x00\x01" + ip("2.2.2.2") + ip("10.198.0.1") + b"\x09\x00\x00\x0a"),
    ]
    hello = lambda opts=0x12, nbrs=(): (ip("255.255.255.0") + struct.pack(">HBBI", 10, opts, 1, 40) + ip("10.198.0.1") +
                                        ip("10.198.0.2") + b"".join(ip(n) for n in nbrs))
    hdrs = b"".join(l[:20] for l in lsas[:3])
    lls = b"\x00\x00\x00\x03" + struct.pack(">HHI", 1, 4, 3) + struct.pack(">HH", 2, 20) + b"\x00\x00\x00\x09" + bytes(16)
    pkts = [
        o4(hdr(1, hello(nbrs=("2.2.2.2", "3.3.3.3")), area="0.0.0.1")),
        o4(hdr(1, hello(0x00), auth=1, authdata=b"secret\x00\x00")),
        o4(hdr(1, hello(0x10), extra=lls)),
        o4(hdr(2, struct.pack(">HBBI", 1500, 0x42, 0x07, 0x1234) + hdrs)),
        o4(hdr(2, struct.pack(">HBBI", 0, 0x52, 0x08, 0x1235), extra=lls)),
        o4(hdr(3, struct.pack(">I4s4s", 1, ip("1.1.1.1"), ip("1.1.1.1")) + struct.pack(">IBBH4s", 10, 4, 0, 5, ip("1.1.1.1")))),
        o4(hdr(4, struct.pack(">I", len(lsas)) + b"".join(lsas))),
        o4(hdr(5, hdrs)),
        o4(hdr(5, hdrs, auth=2, authdata=b"\x00\x00\x07\x10\x00\x00\x00\x2a", extra=bytes(16))),
        o4(hdr(1, hello(), auth=7)),
        o4(hdr(9, b"\x00" * 4)),
        o4(hdr(4, struct.pack(">I", 2) + lsa(1, ip("1.1.1.1"), b"\x00\x00\x00\x00")[:18] + b"\x00\x05")),
        o4(struct.pack(">BBH", 3, 1, 24) + bytes(20)),
    ]
    write("rte-ospf2.pcap", pkts, cut=[(6, 14 + 20 + 100), (6, 14 + 20 + 300), (0, 14 + 20 + 30)])


def osi():
    nsap = bytes.fromhex("490001192168000001") + b"\x00"
    nsap2 = bytes.fromhex("490001192168000002") + b"\x00"
    def esis(typ, body, opts=b"", hold=30):
        li = 9 + len(body) + len(opts)
        return bytes([0x82, li, 1, 0, typ]) + struct.pack(">HH", hold, 0x1234) + body + opts
    def clnp(typ, opts=b"", data=b"", seg=None, flags=0x20):
        addrs = bytes([len(nsap2)]) + nsap2 + bytes([len(nsap)]) + nsap
        segp = struct.pack(">HHH", 7, 0, 100) if seg else b""
        flags |= 0x80 if seg else 0
        li = 9 + len(addrs) + len(segp) + len(opts)
        return bytes([0x81, li, 1, 40, flags | typ]) + struct.pack(">HH", li + len(data), 0) + addrs + segp + opts + data
    topt = lambda o, v: bytes([o, len(v)]) + v
    pkts = [isis_frame(x) for x in [
        esis(4, bytes([len(nsap)]) + nsap, topt(198, b"\x00\x1e") + topt(129, b"\xcc\x8e") + topt(197, b"\x01")),
        esis(2, b"\x02" + bytes([len(nsap)]) + nsap + bytes([len(nsap2)]) + nsap2),
        esis(6, bytes([len(nsap)]) + nsap + b"\x06" + bytes.fromhex("020000000002") + bytes([len(nsap2)]) + nsap2),
        esis(6, bytes([len(nsap)]) + nsap + b"\x02\xaa\xbb\x00"),
        esis(9, b"\x01\x02"), esis(4, b"\x05\x49"), b"\x82\x05\x01\x00\x04\x00\x1e\x00\x00",
        b"\x82\x09\x02\x00\x04\x00\x1e\x00\x00", esis(4, bytes([len(nsap)]) + nsap, topt(198, b"\x00")),
        clnp(28, data=b"hello"), clnp(30, topt(205, b"\x03") + topt(195, b"\xc5") + topt(197, b"\x40\x02"), b"\x01"),
        clnp(1, topt(193, b"\x81") + topt(204, b"\x00\x00"), clnp(28, data=b"x")),
        clnp(31, topt(200, b"\x01\x03" + bytes([len(nsap)]) + nsap) + topt(203, b"\x00\x00") + topt(250, b"\x01"), seg=True),
        clnp(29, topt(193, b"\x95") + topt(193, b"\x43")), b"\x81\x05\x01\x00\x1c\x00\x00\x00\x00",
        b"\x81\x09\x02\x00\x1c\x00\x00\x00\x00", clnp(28, data=b"", flags=0x00),
    ]]
    write("rte-osi.pcap", pkts, cut=[(0, 14 + 3 + 20), (9, 14 + 3 + 12), (2, 14 + 3 + 25)])


if __name__ == "__main__":
    osi()
    ospf2()
    lspping()
    ldp()
    eigrp()
    bfd()
    ospf6()
    isis()
