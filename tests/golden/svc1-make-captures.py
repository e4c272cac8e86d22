#!/usr/bin/python3
# svc1-make-captures.py - captures for tests/golden/svc1.list: SNMP (print/snmp.c), TFTP
# (tftp.c), Cisco NetFlow (cnfp.c), RIP and RIPng (rip.c), RTP/RTCP/vat (rtp.c).  Every
# message type each printer decodes, malformed fields and packets cut short (snap length).
# Writes tests/captures/svc1-*.pcap.  Run: /usr/bin/python3 tests/golden/svc1-make-captures.py
import os, struct
from scapy.all import Ether, IP, IPv6, UDP, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
CAP = os.path.join(HERE, "..", "captures")
MAC_A, MAC_B = "02:00:00:00:00:01", "02:00:00:00:00:02"
A4, B4 = "10.199.1.1", "10.199.1.2"
A6, B6 = "fe80::1", "ff02::9"

def u8(v): return struct.pack(">B", v)
def u16(v): return struct.pack(">H", v)
def u32(v): return struct.pack(">I", v)

class Cap:
    """Packets with distinct times; cut=N keeps only the first N bytes of the frame."""
    def __init__(self):
        self.pkts = []
    def add(self, frame, cut=None):
        t = 1700000000 + len(self.pkts)
        if cut is not None:
            raw = bytes(frame)[:cut]
            p = Ether(raw)
            p.wirelen = len(bytes(frame))
            frame = p
        frame.time = t
        self.pkts.append(frame)
    def write(self, name):
        wrpcap(os.path.join(CAP, name), self.pkts)

def udp4(sport, dport, payload, src=A4, dst=B4):
    return Ether(src=MAC_A, dst=MAC_B) / IP(src=src, dst=dst, id=9) / UDP(sport=sport, dport=dport) / Raw(payload)

def udp6(sport, dport, payload, src=A6, dst=B6):
    return Ether(src=MAC_A, dst=MAC_B) / IPv6(src=src, dst=dst, hlim=255) / UDP(sport=sport, dport=dport) / Raw(payload)

HDR4 = 14 + 20 + 8

# ---- BER ----------------------------------------------------------------
def tlv(tag, body):
    n = len(body)
    if n < 128:
        ln = u8(n)
    elif n < 256:
        ln = b"\x81" + u8(n)
    else:
        ln = b"\x82" + u16(n)
    return u8(tag) + ln + body

def integer(v):
    b = v.to_bytes(max(1, (v.bit_length() + 8) // 8), "big", signed=True)
    return tlv(0x02, b)

def octets(s): return tlv(0x04, s)
def null(): return b"\x05\x00"
def seq(*items): return tlv(0x30, b"".join(items))

def oid(text):
    parts = [int(x) for x in text.strip(".").split(".")]
    out = b""
    for p in [parts[0] * 40 + parts[1]] + parts[2:]:
        enc = [p & 0x7f]
        p >>= 7
        while p:
            enc.append(0x80 | (p & 0x7f))
            p >>= 7
        out += bytes(reversed(enc))
    return tlv(0x06, out)

def ipaddr(a): return tlv(0x40, bytes(int(x) for x in a.split(".")))
def counter(v): return tlv(0x41, v.to_bytes(4, "big"))
def gauge(v): return tlv(0x42, v.to_bytes(4, "big"))
def ticks(v): return tlv(0x43, v.to_bytes(4, "big"))
def counter64(v): return tlv(0x46, v.to_bytes(8, "big"))

def vbl(*pairs): return seq(*[seq(o, v) for o, v in pairs])

def pdu(tag, reqid, es, ei, binds):
    return tlv(0xa0 + tag, integer(reqid) + integer(es) + integer(ei) + binds)

def msg(version, community, body):
    return seq(integer(version), octets(community), body)

SYSDESCR = oid("1.3.6.1.2.1.1.1.0")
UPTIME = oid("1.3.6.1.2.1.1.3.0")
ENT = oid("1.3.6.1.4.1.9.9.41.1.2.3.1.5.1234567")

def snmp():
    c = Cap()
    get = msg(0, b"public", pdu(0, 1234, 0, 0, vbl((SYSDESCR, null()), (UPTIME, null()))))
    c.add(udp4(40001, 161, get))
    c.add(udp4(40001, 161, msg(1, b"private", pdu(1, 7, 0, 0, vbl((oid("1.3.6.1.2.1.2.2.1.10"), null()))))))
    resp = msg(0, b"public", pdu(2, 1234, 0, 0, vbl(
        (SYSDESCR, octets(b"Linux box 6.1")), (UPTIME, ticks(123456)),
        (oid("1.3.6.1.2.1.4.20.1.1.10.0.0.1"), ipaddr("10.0.0.1")),
        (oid("1.3.6.1.2.1.2.2.1.10.1"), counter(4000000000)), (oid("1.3.6.1.2.1.2.2.1.5.1"), gauge(1000000000)),
        (oid("1.3.6.1.2.1.31.1.1.1.6.1"), counter64(123456789012345)),
        (oid("1.3.6.1.2.1.2.2.1.6.1"), octets(b"\x00\x1b\x21\x3c\x4d\x5e")),
        (oid("1.3.6.1.2.1.1.2.0"), oid("1.3.6.1.4.1.8072.3.2.10")),
        (oid("1.3.6.1.2.1.1.7.0"), integer(-72)))))
    c.add(udp4(161, 40001, resp))
    # error response, v2c exceptions
    c.add(udp4(161, 40001, msg(0, b"public", pdu(2, 9, 2, 1, vbl((SYSDESCR, null()))))))
    c.add(udp4(161, 40001, msg(1, b"public", pdu(2, 10, 0, 0, vbl(
        (SYSDESCR, b"\x80\x00"), (UPTIME, b"\x81\x00"), (oid("1.3.6.1.2.1.1.9.9"), b"\x82\x00"))))))
    c.add(udp4(161, 40001, msg(0, b"public", pdu(2, 11, 0, 3, vbl((SYSDESCR, null()))))))
    c.add(udp4(161, 40001, msg(0, b"public", pdu(2, 12, 5, 0, vbl((SYSDESCR, null()))))))
    c.add(udp4(161, 40001, msg(0, b"public", pdu(2, 13, 42, 1, vbl((SYSDESCR, null()))))))
    # set
    c.add(udp4(40001, 161, msg(1, b"rw\x01secret", pdu(3, 77, 0, 0, vbl((oid("1.3.6.1.2.1.1.5.0"), octets(b"router1")))))))
    # v1 trap: enterprise specific and link down
    trap = tlv(0xa4, ENT + ipaddr("10.199.1.1") + integer(6) + integer(17) + ticks(5000) +
               vbl((oid("1.3.6.1.2.1.2.2.1.1.3"), integer(3))))
    c.add(udp4(40002, 162, msg(0, b"public", trap)))
    trap2 = tlv(0xa4, oid("1.3.6.1.4.1.2021") + ipaddr("10.199.1.1") + integer(2) + integer(5) + ticks(99) + vbl())
    c.add(udp4(40002, 162, msg(0, b"public", trap2)))
    # v2 trap, inform, getbulk, report
    v2t = pdu(7, 55, 0, 0, vbl((UPTIME, ticks(777)), (oid("1.3.6.1.6.3.1.1.4.1.0"), oid("1.3.6.1.6.3.1.1.5.3"))))
    c.add(udp4(40002, 162, msg(1, b"public", v2t)))
    c.add(udp4(40002, 162, msg(1, b"public", pdu(6, 56, 0, 0, vbl((UPTIME, ticks(1)))))))
    c.add(udp4(40001, 161, msg(1, b"public", pdu(5, 57, 0, 10, vbl((oid("1.3.6.1.2.1.2.2.1"), null()))))))
    c.add(udp4(40001, 161, msg(1, b"public", pdu(8, 58, 0, 0, vbl((oid("1.3.6.1.6.3.15.1.1.4.0"), counter(3)))))))
    # v2 PDU in a v1 message, v1 trap in v2c
    c.add(udp4(40001, 161, msg(0, b"public", pdu(5, 59, 0, 10, vbl((SYSDESCR, null()))))))
    c.add(udp4(40002, 162, msg(1, b"public", trap2)))
    # v3: discovery (noAuthNoPriv, reportable) and authenticated get
    usm = seq(octets(b""), integer(0), integer(0), octets(b""), octets(b""), octets(b""))
    hdr = seq(integer(821490644), integer(65507), octets(b"\x04"), integer(3))
    scoped = seq(octets(b""), octets(b""), pdu(0, 1, 0, 0, vbl()))
    c.add(udp4(40003, 161, seq(integer(3), hdr, octets(usm), scoped)))
    engine = b"\x80\x00\x1f\x88\x80\x5b\x2c\x6e\x11\x22\x33\x44"
    usm2 = seq(octets(engine), integer(12), integer(4567), octets(b"bob"), octets(b"\x11" * 12), octets(b""))
    hdr2 = seq(integer(821490645), integer(65507), octets(b"\x05"), integer(3))
    scoped2 = seq(octets(engine), octets(b"ctx"), pdu(0, 2, 0, 0, vbl((SYSDESCR, null()))))
    c.add(udp4(40003, 161, seq(integer(3), hdr2, octets(usm2), scoped2)))
    # v3 with bad flags, other security model
    c.add(udp4(40003, 161, seq(integer(3), seq(integer(1), integer(65507), octets(b"\x02"), integer(3)), octets(usm), scoped)))
    c.add(udp4(40003, 161, seq(integer(3), seq(integer(1), integer(65507), octets(b"\x00"), integer(2)), octets(usm), scoped)))
    # malformed BER
    c.add(udp4(40001, 161, b"\x02\x01\x05"))                               # not a SEQUENCE
    c.add(udp4(40001, 161, b"\x30\x10\x02\x01\x00"))                       # length past the end
    c.add(udp4(40001, 161, seq(integer(2), octets(b"public"), pdu(0, 1, 0, 0, vbl()))))  # version 2
    c.add(udp4(40001, 161, seq(octets(b"x"))))                             # version not INT
    c.add(udp4(40001, 161, get + b"\x00\x00"))                             # extra bytes
    c.add(udp4(40001, 161, seq(integer(0), octets(b"public"), b"\x02\x00")))  # INT length 0
    c.add(udp4(40001, 161, seq(integer(0), octets(b"public"), b"\x3f\x85\x03\x00")))  # extended tag
    c.add(udp4(40001, 161, seq(integer(0), octets(b"public"), b"\x1f\x81")))  # extended tag cut
    c.add(udp4(40001, 161, seq(integer(0), b"\x04\x84\x00")))             # long length cut
    c.add(udp4(40001, 161, seq(integer(0), octets(b"public"), b"\x43\x01\x00")))  # no PDU
    c.add(udp4(40001, 161, seq(integer(0), octets(b"public"), pdu(2, 1, 0, 0, vbl((SYSDESCR, tlv(0x44, b"\x01\x02")))))))
    c.add(udp4(40001, 161, seq(integer(0), octets(b"public"), pdu(2, 1, 0, 0, vbl((SYSDESCR, tlv(0x01, b"\x01")))))))
    c.add(udp4(40001, 161, seq(integer(0), octets(b"public"), pdu(2, 1, 0, 0, vbl((SYSDESCR, tlv(0xc0, b"\x01")))))))
    c.add(udp4(40001, 161, seq(integer(0), octets(b"public"), pdu(2, 1, 0, 0, vbl((SYSDESCR, tlv(0x31, b"")))))))
    c.add(udp4(40001, 161, seq(integer(0), octets(b"public"), pdu(2, 1, 0, 0, vbl((SYSDESCR, ipaddr("1.2.3.4")[:1] + b"\x03\x01\x02\x03"))))))
    c.add(udp4(40001, 161, seq(integer(0), octets(b"public"), pdu(0, 1, 0, 0, vbl((SYSDESCR, integer(5)))))))
    c.add(udp4(40001, 161, seq(integer(0), octets(b"public"), pdu(2, 1, 0, 0, seq(integer(1))))))
    c.add(udp4(40001, 161, seq(integer(0), octets(b"public"), pdu(2, 1, 0, 0, seq(seq(integer(1), null()))))))
    c.add(udp4(40001, 161, seq(integer(0), octets(b"public"), b"\x85\x00")))  # context id 5 primitive
    c.add(udp4(40001, 161, seq(integer(0), octets(b"public"), b"\xbf\x1e\x00")))  # context id 30
    # cut short: inside the community, inside a varbind value, inside a tag
    c.add(udp4(161, 40001, resp), cut=HDR4 + 9)
    c.add(udp4(161, 40001, resp), cut=HDR4 + 40)
    c.add(udp4(161, 40001, resp), cut=HDR4 + 2)
    c.add(udp4(40003, 161, seq(integer(3), hdr2, octets(usm2), scoped2)), cut=HDR4 + 45)
    # names through tcpdump's MIB (shown without -n): every abbreviation, deep and unknown nodes
    names = ["1.3.6.1.2.1.4.20.1.2.10.0.0.1", "1.3.6.1.2.1.6.13.1.1", "1.3.6.1.2.1.99.1", "1.3.6.1.4.1.9.2.1.3",
             "1.3.6.1.4.1.2636.3", "1.3.6.1.3.1.2", "1.3.6.1.6.3.15.1.2.2.1.3", "1.3.6.1.6.3.1.1.5.1",
             "1.3.6.1.5.5", "1.3.6", "1.3", "0.0.8", "2.999.1", "1.0.8802.1.1.2", "1.3.6.1.2.1", "1.3.6.1.2.1.200000.1"]
    c.add(udp4(40001, 161, msg(1, b"public", pdu(1, 8, 0, 0, vbl(*[(oid(n), null()) for n in names])))))
    c.add(udp4(40001, 161, msg(0, b"public", pdu(0, 8, 0, 0, vbl((tlv(0x06, b"\x2b\x06\x81"), null()), (tlv(0x06, b""), null()))))))
    # over IPv6
    c.add(udp6(40001, 161, get))
    c.write("svc1-snmp.pcap")

# ---- TFTP ---------------------------------------------------------------
def tftp():
    c = Cap()
    c.add(udp4(50000, 69, u16(1) + b"pxelinux.0\0octet\0tsize\x000\0blksize\x001468\0"))
    c.add(udp4(50000, 69, u16(2) + b"up\x01load.bin\0netascii\0"))
    c.add(udp4(69, 50000, u16(6) + b"tsize\x0026624\0blksize\x001468\0"))
    c.add(udp4(50000, 69, u16(3) + u16(1) + b"A" * 32))
    c.add(udp4(50000, 69, u16(4) + u16(65535)))
    c.add(udp4(69, 50000, u16(5) + u16(1) + b"File not found\0"))
    c.add(udp4(69, 50000, u16(5) + u16(9) + b"odd\0"))
    c.add(udp4(69, 50000, u16(5) + u16(2)))
    c.add(udp4(50000, 69, u16(9) + b"xx"))
    c.add(udp4(50000, 69, b"\x00"))
    c.add(udp4(50000, 69, u16(1) + b"noterm"))
    c.add(udp4(50000, 69, u16(1) + b"file\0"))
    c.add(udp4(50000, 69, u16(4)))
    c.add(udp4(50000, 69, u16(6) + b"a\0\0b\0"))
    c.add(udp4(50000, 69, u16(1) + b"pxelinux.0\0octet\0tsize\x000\0"), cut=HDR4 + 9)
    c.add(udp4(50000, 69, u16(3) + u16(7)), cut=HDR4 + 3)
    c.add(udp4(69, 50000, u16(5) + u16(1) + b"x\0"), cut=HDR4 + 3)
    c.add(udp4(50000, 1069, u16(4) + u16(3)))          # other port: needs -T tftp
    c.write("svc1-tftp.pcap")

# ---- NetFlow ------------------------------------------------------------
def nf_rec_v1(src, dst, proto, flags):
    return (bytes(int(x) for x in src.split(".")) + bytes(int(x) for x in dst.split(".")) +
            bytes([10, 0, 0, 254]) + u16(1) + u16(2) + u32(10) + u32(8400) + u32(1000) + u32(61234) +
            u16(33000) + u16(443) + b"\0\0" + u8(proto) + u8(0x10) + u8(flags) + b"\0\0\0" + u32(0))

def nf_rec_v5(src, dst, proto, flags, extra=b""):
    return (bytes(int(x) for x in src.split(".")) + bytes(int(x) for x in dst.split(".")) +
            bytes([10, 0, 0, 254]) + u16(1) + u16(2) + u32(10) + u32(8400) + u32(1000) + u32(61234) +
            u16(33000) + u16(443) + b"\0" + u8(flags) + u8(proto) + u8(0) + u16(65001) + u16(65002) +
            u8(24) + u8(16) + extra)

def cnfp():
    c = Cap()
    h1 = u16(1) + u16(2) + u32(123456789) + u32(1700000000) + u32(5000)
    c.add(udp4(2055, 2055, h1 + nf_rec_v1("10.1.1.1", "10.2.2.2", 6, 0x1b) + nf_rec_v1("10.1.1.3", "10.2.2.4", 17, 0)))
    h5 = u16(5) + u16(2) + u32(3600000) + u32(1700000001) + u32(999999999) + u32(42) + b"\0\0\0\0"
    r5 = nf_rec_v5("192.168.1.10", "172.16.0.1", 6, 0x12, b"\0\0")          # a real 48-byte record
    r5b = nf_rec_v5("192.168.1.12", "172.16.0.3", 6, 0x3f, b"\0\0\x0a\0\0\x09")
    c.add(udp4(2055, 2055, h5 + r5 + r5))
    c.add(udp4(2055, 2055, h5 + r5b + r5b + b"\0" * 8))
    h6 = u16(6) + u16(1) + u32(17) + u32(1700000002) + u32(1) + u32(43) + u32(0)
    c.add(udp4(2055, 2055, h6 + nf_rec_v5("192.168.1.11", "172.16.0.2", 1, 0, u16(0x0203) + b"\x0a\0\0\x01")))
    c.add(udp4(2055, 2055, h6[:2] + u16(0) + h6[4:]))
    c.add(udp4(2055, 2055, u16(9) + u16(1) + b"\0" * 16))
    c.add(udp4(2055, 2055, h5 + r5 + r5), cut=HDR4 + 24 + 30)
    c.add(udp4(2055, 2055, h5), cut=HDR4 + 10)
    c.write("svc1-cnfp.pcap")

# ---- RIP / RIPng --------------------------------------------------------
def ip4(a): return bytes(int(x) for x in a.split("."))

def rip():
    c = Cap()
    e1 = u16(2) + u16(0) + ip4("10.10.0.0") + u32(0) + u32(0) + u32(3)
    c.add(udp4(520, 520, b"\x02\x01\0\0" + e1 + u16(0) + u16(0) + ip4("0.0.0.0") + u32(0) + u32(0) + u32(16)))
    c.add(udp4(520, 520, b"\x01\x01\0\0" + u16(0) + u16(0) + u32(0) + u32(0) + u32(0) + u32(16)))
    c.add(udp4(520, 520, b"\x02\x01\0\0" + u16(2) + u16(0) + ip4("10.10.0.0") + u32(1) + u32(0) + u32(3)))
    c.add(udp4(520, 520, b"\x02\x01\0\0" + u16(7) + u16(0) + b"\x11" * 16))
    e2 = u16(2) + u16(0x1234) + ip4("192.168.10.0") + ip4("255.255.255.0") + ip4("0.0.0.0") + u32(1)
    e3 = u16(2) + u16(0) + ip4("172.16.0.0") + ip4("255.240.0.0") + ip4("10.0.0.9") + u32(2)
    e4 = u16(2) + u16(0) + ip4("10.9.0.0") + ip4("255.0.255.0") + ip4("0.0.0.0") + u32(5)
    c.add(udp4(520, 520, b"\x02\x02\0\0" + e2 + e3 + e4))
    c.add(udp4(520, 520, b"\x02\x02\0\0" + u16(0xffff) + u16(2) + b"secret\0\0\0\0\0\0\0\0\0\0" + e2))
    c.add(udp4(520, 520, b"\x02\x02\0\0" + u16(0xffff) + u16(3) + u16(44) + u8(1) + u8(16) + u32(77) + u32(0) + u32(0) + e2 +
               u16(0xffff) + u16(1) + b"\xaa" * 16))
    c.add(udp4(520, 520, b"\x02\x02\0\0" + u16(0xffff) + u16(9) + b"\x01\x02\x03\x04"))
    c.add(udp4(520, 520, b"\x02\x02\0\0" + u16(28) + u16(0) + b"\x22" * 16))
    c.add(udp4(520, 520, b"\x01\x02\0\0" + u16(0) + u16(0) + u32(0) + u32(0) + u32(0) + u32(16)))
    c.add(udp4(520, 520, b"\x05\x02\0\0" + b"\x01\x02\x03\x04"))
    c.add(udp4(520, 520, b"\x03\x01\0\0" + b"trace"))
    c.add(udp4(520, 520, b"\x02\x03\0\0" + e2))
    c.add(udp4(520, 520, b"\x02\x02\0\0" + e2 + e3[:10]))
    c.add(udp4(520, 520, b"\x02\x01\0\0" + e1 + e1[:8]))
    c.add(udp4(520, 520, b"\x02\x02\0\0" + e2 + e3), cut=HDR4 + 4 + 20 + 9)
    c.add(udp4(520, 520, b"\x02\x02\0\0"), cut=HDR4 + 2)
    c.add(udp4(520, 520, b"\x02\x00\0\0" + e2))                      # version 0: a hex dump
    for cmd in range(0, 13):                                        # every command number
        c.add(udp4(520, 520, bytes([cmd, 2, 0, 0]) + b"abcd"))
    # RIPng
    c.add(udp6(521, 521, b"\x01\x01\0\0" + b"\0" * 16 + u16(0) + u8(0) + u8(16)))
    p1 = bytes.fromhex("20010db8000100000000000000000000") + u16(0) + u8(48) + u8(1)
    p2 = bytes.fromhex("20010db8000200000000000000000000") + u16(7) + u8(64) + u8(0)
    c.add(udp6(521, 521, b"\x02\x01\0\0" + p1 + p2))
    c.add(udp6(521, 521, b"\x01\x01\0\0" + p1 + p2))
    c.add(udp6(521, 521, b"\x02\x01\0\0" + p1 + b"\0\0\0"))
    c.add(udp6(521, 521, b"\x02\x02\0\0" + p1))
    c.add(udp6(521, 521, b"\x07\x01\0\0" + p1))
    c.add(udp6(521, 521, b"\x02\x01\0\0" + p1 + p2), cut=14 + 40 + 8 + 4 + 20 + 6)
    c.write("svc1-rip.pcap")

# ---- RTP / RTCP / vat ---------------------------------------------------
def rtp():
    c = Cap()
    c.add(udp4(16384, 16386, b"\x80\x00" + u16(1000) + u32(160000) + u32(0xdeadbeef) + b"\xd5" * 160))
    c.add(udp4(16384, 16386, b"\x80\x88" + u16(1001) + u32(160160) + u32(0xdeadbeef) + b"\xd5" * 20))
    c.add(udp4(16384, 16386, b"\x90\x1f" + u16(7) + u32(9) + u32(1) + u16(0xbede) + u16(1) + u32(0x11223344) + u32(0xabcd0000) + b"x" * 8))
    c.add(udp4(16384, 16386, b"\x90\x60" + u16(7) + u32(9) + u32(1) + u16(0xbede) + u16(9) + u32(0)))
    c.add(udp4(16384, 16386, b"\x40\xdf" + u16(5) + u32(6) + u32(0x00020000 | 0x80000000) + u32(0x12340000) + b"yy"))
    c.add(udp4(16384, 16386, b"\x40\xc0" + u16(5) + u32(6) + u32(0x00000000)))
    c.add(udp4(16384, 16386, b"\x80\x00\x00"))
    c.add(udp4(16384, 16386, b"\x80\x00" + u16(1) + u32(2) + b"\x01"))
    c.add(udp4(16384, 16386, b"\x80\x00" + u16(1000) + u32(160000) + u32(0xdeadbeef) + b"\xd5" * 160), cut=HDR4 + 10)
    # RTCP: SR with one report block + SDES, RR with two blocks, BYE, APP, truncated
    rb = u32(0x01020304) + u32(0x05000007) + u32(70000) + u32(12) + u32(0x12345678) + u32(0x00018000)
    sr = b"\x81\xc8" + u16(12) + u32(0xdeadbeef) + u32(3900000000) + u32(0x80000000) + u32(160000) + u32(50) + u32(8000) + rb
    sdes = b"\x81\xca" + u16(3) + u32(0xdeadbeef) + b"\x01\x04host\0\0"
    c.add(udp4(16385, 16387, sr + sdes))
    rb2 = u32(0x0a0b0c0d) + u32(0x01000009) + u32(70001) + u32(13) + u32(0x00010000) + u32(0x00020000)
    c.add(udp4(16385, 16387, b"\x82\xc9" + u16(13) + u32(0xcafe) + rb + rb2))   # tcpdump repeats the first block
    c.add(udp4(16385, 16387, b"\x81\xcb" + u16(1) + u32(0xdeadbeef)))
    c.add(udp4(16385, 16387, b"\x80\xcc" + u16(2) + u32(1) + b"name"))
    c.add(udp4(16385, 16387, b"\x81\xc9" + u16(9) + u32(5) + rb))
    c.add(udp4(16385, 16387, sr + sdes), cut=HDR4 + 30)
    # vat / vt on destination port 3456
    c.add(udp4(3456, 3456, u32(0x00830005) + u32(123456) + b"a" * 40))
    c.add(udp4(3456, 3456, u32(0x3f9f0001) + u32(7)))
    c.add(udp4(3456, 3456, u16(0x1234) + b"vtdata"))
    c.add(udp4(3456, 3456, u16(0) + b"abc"))
    c.add(udp4(3456, 3456, b"\x00"))
    c.write("svc1-rtp.pcap")

# ---- wb (LBL whiteboard) ------------------------------------------------
def wb():
    c = Cap()
    def hdr(t, flags=0): return ip4("10.9.9.9") + u32(1234) + u16(1) + u8(t) + u8(flags)
    page = ip4("10.9.9.1") + u32(3)
    def dop(ts, t, body=b""):
        b = u32(ts) + u16(len(body)) + u8(0) + u8(t) + body
        return b + b"\0" * ((-len(b)) % 4)
    c.add(udp4(4567, 4567, hdr(4)))
    ident = u32(2) + page + u32(5) + page + u16(2) + u16(0) + ip4("10.9.9.2") + u32(10) + ip4("10.9.9.3") + u32(11) + b"alice@lab\0"
    c.add(udp4(4567, 4567, hdr(1, 1) + ident))
    c.add(udp4(4567, 4567, hdr(1) + ident[:28] ))
    c.add(udp4(4567, 4567, hdr(2) + ip4("10.9.9.4") + page + u32(7) + u32(9)))
    ops = dop(7, 2, b"abcd") + dop(8, 9, b"hello") + dop(9, 14) + dop(12, 3) + dop(13, 20)
    c.add(udp4(4567, 4567, hdr(0) + page + u32(7) + u32(13) + ops))
    c.add(udp4(4567, 4567, hdr(3) + ip4("10.9.9.5") + page + u32(1) + u32(3) + dop(1, 15) + dop(0, 2)))
    c.add(udp4(4567, 4567, hdr(0) + page + u32(1) + u32(5) + dop(1, 2)))
    c.add(udp4(4567, 4567, hdr(5) + page + u32(4) + u32(8)))
    prep = u32(2) + u32(1) + page + u16(1) + u16(0) + ip4("10.9.9.6") + u32(3) + u32(2) + page + u16(0) + u16(0)
    c.add(udp4(4567, 4567, hdr(7) + prep))
    c.add(udp4(4567, 4567, hdr(7) + u32(3) + prep[4:]))
    c.add(udp4(4567, 4567, hdr(9)))
    c.add(udp4(4567, 4567, hdr(2) + ip4("10.9.9.4")))
    c.add(udp4(4567, 4567, hdr(1)[:8]))
    c.add(udp4(4567, 4567, hdr(0) + page + u32(7) + u32(13) + ops), cut=HDR4 + 12 + 16 + 12)
    c.add(udp4(4000, 4567, hdr(4)))
    c.add(udp4(4567, 4567, hdr(1) + u32(2) + page + u32(5) + page + u16(0) + u16(0) + b"caf\xe9\x01x"))
    c.add(udp4(4567, 4567, hdr(1, 2) + ident), cut=HDR4 + 12 + 28 + 10)
    prep2 = u32(2) + u32(1) + page + b"\x02\0\0\0" + ip4("10.9.9.6") + u32(3) + ip4("10.9.9.7") + u32(4) + u32(2) + page + u32(0)
    c.add(udp4(4567, 4567, hdr(7) + prep2))
    c.add(udp4(4567, 4567, hdr(7) + prep2 + b"\0" * 4))
    c.add(udp4(4567, 4567, hdr(4)), cut=HDR4 + 6)
    c.add(udp4(4567, 4567, hdr(0) + page + u32(5) + u32(4) + dop(1, 2)))
    c.write("svc1-wb.pcap")

if __name__ == "__main__":
    snmp(); tftp(); cnfp(); rip(); rtp(); wb()
