#!/usr/bin/python3
"""Make the rest-*.pcap captures for tests/golden/rest.list: DECnet Phase IV
routing-layer control messages and NSP messages (crafted byte by byte after the
DNA Routing Layer and NSP specifications, as scapy has no DECnet layer), and
copies cut short by the snapshot length (caplen < wire length)."""
import os
import struct
from scapy.all import Ether, Raw, IP, UDP, raw

D = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000
M1, M2 = "aa:00:04:00:01:04", "ab:00:00:03:00:00"


def write_pcap(name, frames, linktype=1):
    """frames: list of (bytes, wire_len); wire_len >= len(bytes)."""
    with open(os.path.join(D, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, linktype))
        for i, (b, wl) in enumerate(frames):
            f.write(struct.pack("<IIII", T0 + i, 0, len(b), wl))
            f.write(b)


def with_cuts(frames, cuts):
    """Append copies of frame k keeping only its first n bytes (wire length kept)."""
    out = [(b, len(b)) for b in frames]
    for k, n in cuts:
        out.append((frames[k][:n], len(frames[k])))
    return out


# ---- DECnet ----
def dn_addr(area, node):
    return struct.pack("<H", area << 10 | node)


def dn_id(area, node):
    return bytes.fromhex("aa000400") + dn_addr(area, node)


def dn(body, pad=0):
    """Ethernet frame with the DECnet length word (it counts itself, as tcpdump reads it)."""
    if pad:
        body = bytes([0x80 | pad]) + b"\0" * (pad - 1) + body
    data = struct.pack("<H", len(body) + 2) + body
    return raw(Ether(src=M1, dst=M2, type=0x6003) / Raw(data))


def short_hdr(flags, dst, src, visits=0):
    return bytes([flags]) + dst + src + bytes([visits])


def long_hdr(flags, dst, src, visits=3):
    return (bytes([flags, 0, 0]) + dn_id(*dst) + bytes([0, 0]) + dn_id(*src)
            + bytes([0, visits, 0, 0]))


A, B = dn_addr(1, 1), dn_addr(1, 2)
rhello = (bytes([0x0b, 2, 0, 0]) + dn_id(1, 1) + bytes([0x01]) + struct.pack("<H", 1498)
          + bytes([64, 0]) + struct.pack("<H", 15) + bytes([0])
          + bytes([0x07]) + b"\0" * 7 + bytes([0x0e]) + dn_id(1, 2) + bytes([0x80 | 64]))
ehello = (bytes([0x0d, 2, 0, 0]) + dn_id(1, 5) + bytes([0x03]) + struct.pack("<H", 1498)
          + bytes([0]) + bytes(range(8)) + dn_id(1, 1) + struct.pack("<H", 15) + bytes([0, 0xaa])
          + b"\xaa" * 4)
init = bytes([0x01]) + A + bytes([0x0e]) + struct.pack("<H", 576) + bytes([2, 0, 0]) \
    + struct.pack("<H", 60) + bytes([0])
verif = bytes([0x03]) + A + bytes([0x07])
test = bytes([0x05]) + A + bytes([0xaa, 0xaa, 0xaa])
l1 = bytes([0x07]) + A + bytes([0]) + struct.pack("<HHH", 2, 0, 4 | 1 << 10) \
    + struct.pack("<HHH", 1, 3, 0x7fff) + struct.pack("<H", 0x1234)
l2 = bytes([0x09]) + A + bytes([0]) + struct.pack("<HHH", 1, 1, 7 | 2 << 10) \
    + struct.pack("<H", 0xbeef)
unknown_ctl = bytes([0x0f]) + A + b"\x01\x02\x03"

sh = short_hdr(0x02, B, A, 2)
shrq = short_hdr(0x2a, B, A, 5)
lg = long_hdr(0x26, (1, 2), (1, 1))


def nsp(flags, dst=0x1001, src=0x2002):
    return bytes([flags]) + struct.pack("<HH", dst, src)


def w(*v):
    return struct.pack("<" + "H" * len(v), *v)


nsp_msgs = [
    nsp(0x60) + w(0x8000 | 5, 0xa000 | 3, 7) + b"hello",    # data BOM+EOM, ack, oack, seg
    nsp(0x40) + w(0x9000 | 2, 9) + b"x",                    # data EOM, nak, seg
    nsp(0x20) + w(11) + b"abc",                             # data BOM, seg only
    nsp(0x00) + w(0x8000 | 1, 0xb000 | 4, 12),              # data MOM, ack, onak
    nsp(0x30) + w(0x8000 | 6, 0xa000 | 2, 8) + b"I",        # interrupt
    nsp(0x10) + w(0x8000 | 1, 3) + bytes([0x01, 0]),        # link service, donotsend
    nsp(0x10) + w(4) + bytes([0x02, 5]),                    # link service, send-data
    nsp(0x10) + w(4) + bytes([0x04, 1]),                    # link service, intr req
    nsp(0x10) + w(4) + bytes([0x0c, 1]),                    # link service, reserved
    nsp(0x04) + w(0x8000 | 7, 0xa000 | 1),                  # data-ack, oack
    nsp(0x04) + w(0x9000 | 7, 0xb000 | 1),                  # data-ack, nak, onak
    nsp(0x14) + w(0x8000 | 3, 0xa000 | 2),                  # ils-ack, ackdat
    nsp(0x24, 0x1001, 0),                                   # conn-ack
    nsp(0x18, 0, 0x2002) + bytes([0x05, 0x02]) + w(1459) + b"\x01\x00",  # conn-initiate
    nsp(0x68, 0, 0x2002) + bytes([0x09, 0x03]) + w(576),   # retrans conn-initiate
    nsp(0x28) + bytes([0x01, 0x01]) + w(1024) + bytes([3]) + b"abc",  # conn-confirm
    nsp(0x38) + w(0) + bytes([0]),                          # disconn-initiate
    nsp(0x38) + w(38) + bytes([2]) + b"zz",                 # disconn-initiate, optlen
    nsp(0x48) + w(42),                                      # disconn-confirm
    nsp(0x48) + w(99),                                      # disconn-confirm, unknown reason
    nsp(0x0c),                                              # reserved type
    nsp(0x58),                                              # reserved ctl type
    nsp(0x74),                                              # reserved ack type
    nsp(0x50),                                              # reserved data subtype
]

decnet = [dn(rhello), dn(rhello, pad=1), dn(ehello), dn(init), dn(verif), dn(test), dn(l1),
          dn(l2), dn(unknown_ctl)]
decnet += [dn(sh + m) for m in nsp_msgs]
decnet += [dn(shrq + nsp_msgs[0]), dn(lg + nsp_msgs[9]), dn(lg + nsp_msgs[13], pad=3)]
decnet += [dn(bytes([0x42]) + B + A + bytes([0]) + b"future"),   # future version
           dn(bytes([0x04]) + B + A + bytes([0]) + b"odd"),      # unknown data format
           dn(sh + b"\x60\x01")]                                 # NSP too short
bad_len = raw(Ether(src=M1, dst=M2, type=0x6003) / Raw(struct.pack("<H", 200) + sh + nsp_msgs[2]))
tiny = raw(Ether(src=M1, dst=M2, type=0x6003) / Raw(b"\x03\x00\x02"))
pktlen_small = raw(Ether(src=M1, dst=M2, type=0x6003) / Raw(struct.pack("<H", 3) + sh))
decnet += [bad_len, tiny, pktlen_small]
cuts = [(0, 20), (0, 28), (2, 30), (3, 20), (6, 24), (9, 24), (9, 30), (14, 28), (18, 27),
        (22, 27), (24, 29), (33, 40), (34, 50)]
write_pcap("rest-decnet.pcap", with_cuts(decnet, cuts))


# ---- EGP, IGRP, IPComp, Mobile IP minimal encapsulation (IP protocols 8, 9, 108, 55) ----
def ip4(proto, payload, src="10.0.0.1", dst="10.0.0.2"):
    return raw(Ether(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb")
               / IP(src=src, dst=dst, proto=proto) / Raw(payload))


def egp(typ, code, status, handg, pands, extra=b"", version=2):
    return (bytes([version, typ, code, status]) + struct.pack(">HHHH", 0, 65001, 7, handg)
            + pands + extra)


def net(s):
    return bytes(int(x) for x in s.split("."))


# update: source net 10.0.0.0 (class A, 3 host bytes per gateway)
upd_nr = (bytes([0, 0, 5, 2]) + bytes([0, 1]) + net("192.168.1") + net("172.16")
          + bytes([1, 1]) + bytes([44])
          + bytes([0, 0, 9, 1]) + bytes([3, 1]) + net("10"))
ipproto = [
    ip4(8, egp(3, 0, 1, 30, struct.pack(">HH", 120, 0))),           # acquire request active
    ip4(8, egp(3, 1, 9, 30, struct.pack(">HH", 120, 0))),           # acquire confirm [status]
    ip4(8, egp(3, 3, 5, 0, b"\0" * 4)),                             # cease going_down
    ip4(8, egp(3, 2, 1, 0, b"\0" * 4)),                             # refuse [status 1]
    ip4(8, egp(3, 9, 0, 0, b"\0" * 4)),                             # [code 9]
    ip4(8, egp(5, 0, 1, 0, b"\0" * 4)),                             # reach hello up
    ip4(8, egp(5, 1, 7, 0, b"\0" * 4)),                             # i-h-u state 7
    ip4(8, egp(2, 0, 2, 0, net("10.0.0.0"))),                       # poll
    ip4(8, egp(1, 0, 0x81, 0x0201, net("10.0.0.0"), upd_nr)),       # update with NR
    ip4(8, egp(8, 0, 1, 3, b"\0" * 4)),                             # error
    ip4(8, egp(8, 0, 1, 77, b"\0" * 4)),                            # error [reason 77]
    ip4(8, egp(9, 0, 1, 0, b"\0" * 4)),                             # [type 9]
    ip4(8, egp(3, 0, 1, 0, b"\0" * 4, version=3)),                  # bad version
    ip4(8, b"\x02\x03\x00"),                                        # short
    ip4(8, egp(1, 0, 0x01, 0x0100, net("10.0.0.0"), bytes([0, 0, 5, 3, 1]))),  # NR too short
]
igrp_hdr = bytes([0x11, 5]) + struct.pack(">HHHHH", 100, 1, 1, 1, 0xabcd)


def rte(n, delay, bw, mtu, rel, load, hops):
    return net(n) + struct.pack(">I", delay)[1:] + struct.pack(">I", bw)[1:] \
        + struct.pack(">H", mtu) + bytes([rel, load, hops])


igrp_body = (rte("10.1.2", 2000, 1000, 1500, 255, 1, 0) + rte("172.16.0", 100, 0, 1500, 250, 2, 1)
             + rte("192.168.5", 0xffffff, 0x10, 576, 1, 3, 4))
ipproto += [
    ip4(9, igrp_hdr + igrp_body),                                   # update, 1/1/1
    ip4(9, bytes([0x12, 0]) + struct.pack(">HHHHH", 100, 0, 0, 0, 0)),  # request
    ip4(9, bytes([0x13, 0]) + struct.pack(">HHHHH", 1, 0, 1, 0, 0) + igrp_body[:14] + b"xx"),
    ip4(9, bytes([0x11, 0]) + struct.pack(">HHHHH", 1, 0, 1, 0, 0) + igrp_body),  # extra
    ip4(9, bytes([0x11, 0]) + struct.pack(">HHHHH", 1, 2, 1, 0, 0) + igrp_body[:14]),  # missing
    ip4(108, bytes([4, 0]) + struct.pack(">H", 0x1234) + b"\x78\x9c" + b"\0" * 20),
    ip4(108, bytes([4, 0])),
]


def mobile(proto, s, odst, osrc=None):
    h = bytes([proto, 0x80 if s else 0]) + b"\0\0" + net(odst) + (net(osrc) if osrc else b"")
    c = 0
    for i in range(0, len(h), 2):
        c += h[i] << 8 | h[i + 1]
    while c >> 16:
        c = (c & 0xffff) + (c >> 16)
    c = ~c & 0xffff
    return h[:2] + struct.pack(">H", c) + h[4:]


ipproto += [
    ip4(55, mobile(6, 0, "192.0.2.7") + b"payload"),
    ip4(55, mobile(17, 1, "192.0.2.7", "198.51.100.9") + b"payload"),
    ip4(55, mobile(17, 0, "192.0.2.7")[:2] + b"\x12\x34" + net("192.0.2.7")),   # bad checksum
    ip4(55, b"\x06\x00\x00"),                                                      # short
]
ipcuts = [(0, 40), (8, 52), (8, 60), (15, 40), (15, 50), (21, 36), (22, 40), (23, 40)]
write_pcap("rest-ipproto.pcap", with_cuts(ipproto, ipcuts))


# ---- AppleTalk: DDP (EtherTalk and SNAP), ATP, NBP, AARP, LocalTalk ----
def ddp(dnet, dnode, dskt, snet, snode, sskt, typ, payload):
    ln = 13 + len(payload)
    return struct.pack(">HHHHBBBBB", ln, 0, dnet, snet, dnode, snode, dskt, sskt, typ) + payload


def at_eth(d):
    return raw(Ether(src="08:00:07:11:22:33", dst="09:00:07:ff:ff:ff", type=0x809b) / Raw(d))


def at_snap(d):
    llc = bytes([0xaa, 0xaa, 0x03, 0x08, 0x00, 0x07, 0x80, 0x9b]) + d
    return raw(Ether(src="08:00:07:11:22:33", dst="09:00:07:ff:ff:ff", type=len(llc)) / Raw(llc))


def cstr(s):
    return bytes([len(s)]) + s


def tuple_(net, node, skt, enum, obj, typ, zone):
    return struct.pack(">HBBB", net, node, skt, enum) + cstr(obj) + cstr(typ) + cstr(zone)


nbp_lkup = bytes([0x21, 7]) + tuple_(100, 5, 253, 0, b"=", b"LaserWriter", b"*")
nbp_brrq = bytes([0x12, 8]) + tuple_(101, 6, 2, 3, b"Mac", b"AFPServer", b"Zone \x01A")
nbp_reply = bytes([0x32, 7]) + tuple_(100, 9, 250, 1, b"Printer", b"LaserWriter", b"*") \
    + tuple_(200, 1, 253, 2, b"Other", b"LaserWriter", b"*")
nbp_bad = bytes([0x41, 3]) + b"\0" * 10
nbp_short = bytes([0x21, 1, 0, 1, 2])
nbp_badlen = bytes([0x21, 9]) + struct.pack(">HBBB", 100, 5, 253, 0) + bytes([40]) + b"x" * 8
atp_req = struct.pack(">BBHI", 0x40 | 0x20 | 0x10, 0x0f, 1234, 0)
atp_req2 = struct.pack(">BBHI", 0x40 | 0x08, 0x05, 1235, 0x01020304) + b"data"
atp_resp = struct.pack(">BBHI", 0x80 | 0x10 | 0x20, 2, 1234, 0) + b"response"
atp_resp2 = struct.pack(">BBHI", 0x80 | 0x08, 0, 1236, 7)
atp_rel = struct.pack(">BBHI", 0xc0 | 0x38, 0xff, 1234, 0)
atp_odd = struct.pack(">BBHI", 0x00, 1, 99, 0)
ddps = [
    ddp(0, 255, 2, 100, 5, 253, 2, nbp_lkup),
    ddp(0, 255, 2, 101, 6, 2, 2, nbp_brrq),
    ddp(100, 5, 253, 100, 9, 2, 2, nbp_reply),
    ddp(100, 5, 253, 100, 9, 2, 2, nbp_bad),
    ddp(100, 5, 253, 100, 9, 2, 2, nbp_short),
    ddp(100, 5, 253, 100, 5, 253, 2, nbp_badlen),
    ddp(100, 9, 220, 100, 5, 221, 3, atp_req),
    ddp(100, 9, 220, 100, 5, 221, 3, atp_req2),
    ddp(100, 5, 221, 100, 9, 220, 3, atp_resp),
    ddp(100, 5, 221, 100, 9, 220, 3, atp_resp2),
    ddp(100, 9, 220, 100, 5, 221, 3, atp_rel),
    ddp(100, 9, 220, 100, 5, 221, 3, atp_odd),
    ddp(100, 9, 220, 100, 5, 221, 3, b"\x40\x01"),
    ddp(0, 255, 1, 100, 1, 1, 1, b"\x00\x64\x08\x01"),
    ddp(100, 2, 4, 100, 1, 4, 4, b"\x01echo"),
    ddp(100, 2, 6, 100, 1, 6, 6, b"\x05\x01zip"),
    ddp(100, 2, 77, 100, 1, 77, 77, b"?"),
]
atalk = [at_eth(d) for d in ddps] + [at_snap(ddps[0]), at_snap(ddps[6])]
atalk.append(raw(Ether(src="08:00:07:11:22:33", dst="09:00:07:ff:ff:ff", type=0x809b) / Raw(b"\0\x05ab")))


def aarp(op, hsrc, psrc, hdst, pdst, htype=1, ptype=0x809b, halen=6, palen=4):
    return raw(Ether(src="08:00:07:11:22:33", dst="09:00:07:ff:ff:ff", type=0x80f3)
               / Raw(struct.pack(">HHBBH", htype, ptype, halen, palen, op)
                     + bytes.fromhex(hsrc.replace(":", "")) + b"\0" + struct.pack(">HB", *psrc)
                     + bytes.fromhex(hdst.replace(":", "")) + b"\0" + struct.pack(">HB", *pdst)))


Z = "00:00:00:00:00:00"
atalk += [
    aarp(1, "08:00:07:11:22:33", (100, 5), Z, (100, 9)),
    aarp(2, "08:00:07:44:55:66", (100, 9), "08:00:07:11:22:33", (100, 5)),
    aarp(3, "08:00:07:11:22:33", (100, 7), Z, (100, 7)),
    aarp(4, "08:00:07:11:22:33", (100, 7), Z, (100, 7)),
    aarp(1, "08:00:07:11:22:33", (100, 5), Z, (100, 9), htype=6),
]
atcuts = [(0, 20), (0, 40), (2, 60), (6, 35), (8, 40), (19, 30), (20, 50)]
write_pcap("rest-atalk.pcap", with_cuts(atalk, atcuts))

# LocalTalk (DLT_LTALK 114): LLAP with short and long DDP
lt = [
    bytes([0xff, 5, 1]) + struct.pack(">HBBB", 5 + len(nbp_lkup), 2, 253, 2) + nbp_lkup,
    bytes([9, 5, 1]) + struct.pack(">HBBB", 5 + len(atp_req), 220, 221, 3) + atp_req,
    bytes([9, 5, 2]) + ddps[8],
    bytes([9, 5, 1]) + struct.pack(">HBBB", 9, 1, 1, 1) + b"\0\0\0\0",
    bytes([9, 5, 0x4b, 1, 2, 3]),
    bytes([9, 5, 1, 0, 3]),
    bytes([9, 5]),
]
write_pcap("rest-ltalk.pcap", with_cuts(lt, [(1, 6), (2, 10), (0, 20)]), linktype=114)


# ---- MACsec (ethertype 0x88e5): SecTAG with and without SCI, short length, encrypted ----
def sectag(tci_an, sl, pn, sci=None):
    return bytes([tci_an, sl]) + struct.pack(">I", pn) + (struct.pack(">Q", sci) if sci else b"")


inner = raw(IP(src="192.0.2.1", dst="192.0.2.2") / UDP(sport=1000, dport=53) / Raw(b"\0" * 12))
ICV = bytes(range(16))
SCI = 0x2eb73f3995c30001


def msec(tag, body, outer=None):
    e = Ether(src="2e:b7:3f:39:95:c3", dst="3e:6f:f3:74:23:7c", type=0x88e5)
    if outer:
        e = Ether(src="2e:b7:3f:39:95:c3", dst="3e:6f:f3:74:23:7c") / outer
        e.lastlayer().type = 0x88e5
    return raw(e / Raw(tag + body))


from scapy.all import Dot1Q  # noqa: E402
ms = [
    msec(sectag(0x20, 0, 68, SCI), b"\x08\x00" + inner + ICV),           # integrity only, SCI
    msec(sectag(0x00 | 1, 0, 69), b"\x08\x00" + inner + ICV),            # no SCI, an 1
    msec(sectag(0x2c, 0, 70, SCI), b"\xde\xad" * 20 + ICV),              # encrypted+changed
    msec(sectag(0x48, 0, 71), b"\xbe\xef" * 8 + ICV),                    # encrypted, ES
    msec(sectag(0x10, 6, 72), b"\x88\xb5abcd" + b"\0" * 10 + ICV),       # SCB, short length 6
    msec(sectag(0xa0, 0, 73, SCI), b"\x08\x00" + inner + ICV),           # version bit: invalid
    msec(sectag(0x20, 0x40, 74, SCI), b"\x08\x00" + inner + ICV),        # SL high bits: invalid
    msec(sectag(0x20, 50 & 0x3f, 75, SCI), b"\x08\x00" + b"\0" * 4 + ICV),  # SL > data
    msec(sectag(0x20, 0, 76, SCI), b"\x08\x00"),                         # no ICV
    msec(sectag(0x20, 0, 77, SCI), b"\x08\x00" + inner + ICV, outer=Dot1Q(vlan=5)),
    msec(sectag(0x20, 0, 78, SCI), b"\x00\x20\xaa\xaa\x03\x00\x00\x00\x08\x00" + inner[:20] + ICV),
]
mscuts = [(0, 16), (0, 22), (0, 40), (2, 30)]
write_pcap("rest-macsec.pcap", with_cuts(ms, mscuts))


# ---- Q.933 / ANSI T1.617 Annex D LMI over Frame Relay (DLT_FRELAY 107), DLCI 0 ----
def q933(body):
    return bytes([0x00, 0x01, 0x03, 0x08]) + body


lmi = [
    q933(bytes([0x00, 0x75, 0x95, 0x01, 0x01, 0x01, 0x03, 0x02, 0x05, 0x04])),      # ANSI enquiry
    q933(bytes([0x00, 0x7d, 0x95, 0x01, 0x01, 0x00, 0x03, 0x02, 0x06, 0x05,
                0x07, 0x03, 0x00, 0x80 | 0x10, 0x82, 0x07, 0x03, 0x01, 0x98, 0x8a])),  # full status
    q933(bytes([0x00, 0x75, 0x51, 0x01, 0x01, 0x53, 0x02, 0x10, 0x0f])),            # CCITT enquiry
    q933(bytes([0x00, 0x7d, 0x51, 0x01, 0x00, 0x53, 0x02, 0x11, 0x10, 0x57, 0x03, 0x01, 0x05, 0x80])),
    q933(bytes([0x01, 0x05, 0x05, 0x04, 0x02, 0x88, 0x90])),                         # Setup, call ref
    q933(bytes([0x02, 0x81, 0x23, 0x4d, 0x08, 0x02, 0x80, 0x90])),                   # Release
    q933(bytes([0x00, 0x7d, 0x96, 0x07, 0x02, 0x00, 0x80, 0x57, 0x06, 0, 0, 0, 0, 0, 0x80])),
    q933(bytes([0x00, 0x33, 0x9d, 0x07, 0x03, 0x00, 0x90, 0x82, 0x57, 0x03, 0x01, 0x90, 0x80])),
    q933(bytes([0x00, 0x7d, 0x95, 0x01, 0x00])),                                     # zero length IE
    q933(bytes([0x00, 0x7d, 0x95, 0x01, 0x05, 0x01])),                               # IE past end
    q933(bytes([0x03, 0x01])),                                                       # short call ref
    q933(b""),
]
write_pcap("rest-q933.pcap", with_cuts(lmi, [(1, 9), (1, 14), (3, 12), (4, 7)]), linktype=107)
