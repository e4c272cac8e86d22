#!/usr/bin/python3
# svc-make-captures.py - captures for tests/golden/svc.list: IP services over UDP printed by
# print/krb.c babel.c bootp.c sflow.c ntp.c bcm_li.c dhcp6.c.  Every message type each printer
# decodes, odd and malformed fields, and packets cut short (snap length) inside each protocol.
# Writes tests/captures/svc-*.pcap.  Run: /usr/bin/python3 tests/golden/svc-make-captures.py
import os, struct
from scapy.all import Ether, IP, IPv6, UDP, TCP, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
CAP = os.path.join(HERE, "..", "captures")
MAC_A, MAC_B = "02:00:00:00:00:01", "02:00:00:00:00:02"
A4, B4 = "10.198.2.1", "10.198.2.2"
A6, B6 = "fe80::1", "ff02::1:6"

def u8(v): return struct.pack(">B", v)
def u16(v): return struct.pack(">H", v)
def u32(v): return struct.pack(">I", v)
def u64(v): return struct.pack(">Q", v)

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
    return Ether(src=MAC_A, dst=MAC_B) / IP(src=src, dst=dst, id=7) / UDP(sport=sport, dport=dport) / Raw(payload)

def udp6(sport, dport, payload, src=A6, dst=B6):
    return Ether(src=MAC_A, dst=MAC_B) / IPv6(src=src, dst=dst, hlim=1) / UDP(sport=sport, dport=dport) / Raw(payload)

HDR4 = 14 + 20 + 8   # bytes before a UDP payload over IPv4
HDR6 = 14 + 40 + 8

# ---- Kerberos ------------------------------------------------------------
def krb():
    c = Cap()
    princ = b"alice\0\0ATHENA.MIT.EDU\0"
    c.add(udp4(1024, 88, b"\x04\x02" + princ + u32(0x5f000000) + b"\x60" + b"krbtgt\0ATHENA.MIT.EDU\0"))
    c.add(udp4(1024, 88, b"\x04\x03" + princ + u32(0x5f000000) + b"\x0c" + b"rcmd\0host\0"))  # little endian
    c.add(udp4(88, 1024, b"\x04\x04" + princ + u32(1) + b"\x01" + u32(2) + b"\x07" + u16(300) + b"\0" * 8))
    c.add(udp4(88, 1024, b"\x04\x05" + princ + u32(1) + b"\x2c\x01" + b"\0\0" + b"le length\0"))
    c.add(udp4(1024, 750, b"\x04\x06" + b"\x05" + b"rcmd\0" + b"\x03\x09"))
    c.add(udp4(88, 1024, b"\x04\x0a" + princ + u32(1) + u16(8) + b"\0\0" + b"no such principal\0"))
    c.add(udp4(88, 1024, b"\x04\x0b" + princ + u32(1) + u16(99) + b"\0\0" + b"odd\0"))  # unknown error, le
    c.add(udp4(88, 1024, b"\x04\x0e" + b"\0" * 8))      # PRIVATE: no body decoded
    c.add(udp4(88, 1024, b"\x04\x40" + b"\0" * 8))      # unknown type
    c.add(udp4(88, 1024, b"\x02\x02" + b"\0" * 8))      # version 2
    c.add(udp4(88, 1024, b"\x6a\x81\x00" + b"\0" * 8))  # v5 (ASN.1, not decoded)
    c.add(udp4(88, 1024, b"\x09\x02" + b"\0" * 8))      # unknown version: nothing
    c.add(udp4(1024, 88, b"\x04\x02" + b"al\x01ce\xe9\0\0REALM"))  # string runs off the packet
    c.add(udp4(1024, 88, b"\x04\x02" + princ + u32(0) + b"\x60" + b"krbtgt\0ATH"), cut=HDR4 + 2 + len(princ) + 4 + 1 + 10)
    c.add(udp4(1024, 88, b"\x04"), cut=HDR4 + 1)
    c.write("svc-krb.pcap")

# ---- Babel ---------------------------------------------------------------
def tlv(t, body): return u8(t) + u8(len(body)) + body

def babel_pkt(body, trailer=b""):
    return b"\x2a\x02" + u16(len(body)) + body + trailer

def babel():
    c = Cap()
    hello = tlv(4, u16(0) + u16(1000) + u16(400))
    hello_uc = tlv(4, u16(0x8000) + u16(7) + u16(0) + tlv(3, u32(12345678)) + b"\0" + tlv(1, b"\0\0"))
    ihu6 = tlv(5, b"\x03\x00" + u16(96) + u16(1200) + bytes.fromhex("00000000000000010000000000000002"[16:]))
    ihu4 = tlv(5, b"\x01\x00" + u16(256) + u16(1200) + bytes([10, 198, 2, 1]) + tlv(3, u32(1) + u32(2000001)))
    ihu_any = tlv(5, b"\x00\x00" + u16(65535) + u16(0))
    rid = tlv(6, b"\0\0" + bytes.fromhex("0211223344556677"))
    nh4 = tlv(7, b"\x01\x00" + bytes([10, 198, 2, 254]))
    nh6 = tlv(7, b"\x03\x00" + bytes.fromhex("0000000000000009"))
    upd4 = tlv(8, b"\x01\x80" + b"\x18\x00" + u16(1600) + u16(42) + u16(96) + bytes([10, 198, 3]))
    upd4b = tlv(8, b"\x01\x00" + b"\x20\x03" + u16(0xffff) + u16(43) + u16(0xffff) + bytes([9]) + tlv(2, b"\x01\xff\x00"))
    upd6 = tlv(8, b"\x02\xc0" + b"\x40\x00" + u16(400) + u16(1) + u16(0) + bytes.fromhex("fd00000000000001"))
    upd6b = tlv(8, b"\x02\x00" + b"\x80\x08" + u16(400) + u16(2) + u16(10) + bytes.fromhex("0000000000000005") + tlv(0x85, b"x"))
    upd_any = tlv(8, b"\x00\x3f" + b"\x00\x00" + u16(400) + u16(3) + u16(0xffff))
    rreq = tlv(9, b"\x01\x10" + bytes([10, 198]))
    rreq_any = tlv(9, b"\x00\x00")
    sreq = tlv(10, b"\x02\x30" + u16(77) + b"\x05\x00" + bytes.fromhex("0011223344556677") + bytes.fromhex("fd0000000000"))
    ackreq = tlv(2, b"\0\0" + u16(0xbeef) + u16(250))
    ack = tlv(3, u16(0xbeef))
    pad = b"\0" + tlv(1, b"\0\0\0")
    tspc = tlv(11, u16(5) + u32(99))
    hmac = tlv(12, u16(3) + bytes(range(16)))
    pc = tlv(17, u32(1234) + b"abcd")
    mac = tlv(16, bytes(16))
    chreq = tlv(18, b"nonce123")
    chrep = tlv(19, b"nonce123")
    unk = tlv(40, b"zz")
    c.add(udp6(6696, 6696, babel_pkt(hello + ihu6)))
    c.add(udp6(6696, 6696, babel_pkt(hello_uc + ihu4 + ihu_any + pad)))
    c.add(udp6(6696, 6696, babel_pkt(rid + nh4 + upd4 + upd4b + nh6 + upd6 + upd6b + upd_any)))
    c.add(udp6(6696, 6696, babel_pkt(rreq + rreq_any + sreq + ackreq + ack + tspc + hmac + unk)))
    c.add(udp6(6696, 6696, babel_pkt(hello + chreq + chrep, pc + mac)))
    c.add(udp4(6697, 6697, babel_pkt(hello, pc + b"\x10\x05ab")))        # trailer TLV runs past the end
    c.add(udp6(6696, 6696, babel_pkt(tlv(4, b"\0\0\0\0"))))            # hello too short
    c.add(udp6(6696, 6696, babel_pkt(tlv(6, b"\0\0\0\0"))))            # router-id too short
    c.add(udp6(6696, 6696, babel_pkt(tlv(8, b"\x07\x00" + b"\0" * 8)))) # bad address encoding
    c.add(udp6(6696, 6696, b"\x2a\x02" + u16(200) + hello))           # body longer than the packet
    c.add(udp6(6696, 6696, b"\x2b\x02\x00\x00"))                        # bad magic
    c.add(udp6(6696, 6696, b"\x2a\x01\x00\x00"))                        # version 1
    c.add(udp6(6696, 6696, babel_pkt(hello + ihu6 + rid)), cut=HDR6 + 4 + 8 + 6)
    c.add(udp6(6696, 6696, babel_pkt(hello)), cut=HDR6 + 3)
    c.write("svc-babel.pcap")

# ---- BOOTP / DHCP --------------------------------------------------------
def bootp_hdr(op, chaddr=b"\x02\x00\x00\x00\x00\x01", htype=1, hlen=6, hops=0, xid=0x3903f326,
              secs=0, flags=0, ci="0.0.0.0", yi="0.0.0.0", si="0.0.0.0", gi="0.0.0.0",
              sname=b"", file=b""):
    ip = lambda s: bytes(int(x) for x in s.split("."))
    return (u8(op) + u8(htype) + u8(hlen) + u8(hops) + u32(xid) + u16(secs) + u16(flags) +
            ip(ci) + ip(yi) + ip(si) + ip(gi) + chaddr.ljust(16, b"\0") +
            sname.ljust(64, b"\0") + file.ljust(128, b"\0"))

COOKIE = bytes([99, 130, 83, 99])
def opt(t, body): return u8(t) + u8(len(body)) + body

def bootp():
    c = Cap()
    disc = (opt(53, b"\x01") + opt(55, bytes([1, 3, 6, 15, 119, 121, 252, 42, 28])) +
            opt(57, u16(1500)) + opt(61, b"\x01\x02\x00\x00\x00\x00\x01") + opt(12, b"host-a") +
            opt(60, b"vendor\x01") + opt(77, b"\x03abc\x02de") + opt(81, b"\x05\x00\x00a.example.") +
            b"\0\0" + b"\xff")
    c.add(udp4(68, 67, bootp_hdr(1, flags=0x8000, secs=3) + COOKIE + disc, src="0.0.0.0", dst="255.255.255.255"))
    offer = (opt(53, b"\x02") + opt(54, bytes([10, 198, 2, 2])) + opt(51, u32(86400)) +
             opt(1, bytes([255, 255, 255, 0])) + opt(3, bytes([10, 198, 2, 254, 10, 198, 2, 253])) +
             opt(2, u32(0xfffff1f0)) + opt(19, b"\x00") + opt(31, b"\x01\x02") + opt(33, bytes([10, 0, 0, 0, 10, 198, 2, 1])) +
             opt(121, bytes([24, 192, 168, 1, 10, 198, 2, 1, 0, 10, 198, 2, 254, 33])) +
             opt(46, b"\x08") + opt(52, b"\x03") + opt(26, u16(1400)) + opt(23, b"\x40") +
             opt(150, bytes([10, 0, 0, 9])) + opt(200, b"\x01\x02\x03") + opt(201, b"\x01\x02") +
             opt(202, u32(7)) + opt(82, b"\x01\x04eth0\x02\x03abc\x09\x02\xaa\xbb") + b"\xff")
    c.add(udp4(67, 68, bootp_hdr(2, yi="10.198.2.50", si="10.198.2.2", gi="10.198.2.254", hops=1,
                                 sname=b"boot-server", file=b"/pxe/linux.0") + COOKIE + offer))
    c.add(udp4(68, 67, bootp_hdr(1, ci="10.198.2.50") + COOKIE + opt(53, b"\x03") +
               opt(61, b"\x00client-name") + opt(121, b"\x21\x00\x00\x00\x00\x00") +
               opt(82, b"\x01\x09abc") + opt(77, b"\x00") + b"\xff"))
    c.add(udp4(68, 67, bootp_hdr(1, htype=6, hlen=6) + COOKIE + opt(53, b"\x09") + opt(53, b"\x01\x02") + b"\xff"))
    cmu = b"CMU\0" + u32(0x00000003) + bytes([255, 255, 0, 0, 10, 198, 0, 1, 10, 198, 0, 53]) + b"\0" * 20 + b"\0" * 24
    c.add(udp4(67, 68, bootp_hdr(2, yi="10.198.2.51") + cmu))
    c.add(udp4(67, 68, bootp_hdr(2, xid=0, yi="10.198.2.52") + b"\x12\x34\x56\x78" + b"\0" * 60))
    c.add(udp4(67, 68, bootp_hdr(7, htype=0, hlen=0) + b"\0" * 64))
    c.add(udp4(68, 67, bootp_hdr(1) + COOKIE + disc), cut=HDR4 + 236 + 4 + 3 + 2 + 5)   # inside Parameter-Request
    c.add(udp4(68, 67, bootp_hdr(1) + COOKIE + opt(12, b"a-long-host-name")), cut=HDR4 + 236 + 4 + 2 + 5)
    c.add(udp4(67, 68, bootp_hdr(2, sname=b"cut-server-name")), cut=HDR4 + 44 + 5)   # inside sname
    c.add(udp4(68, 67, bootp_hdr(1)), cut=HDR4 + 20)
    c.write("svc-bootp.pcap")

# ---- sFlow ---------------------------------------------------------------
def rec(fmt, body): return u32(fmt) + u32(len(body)) + body

def sflow():
    c = Cap()
    generic = rec(1, u32(5) + u32(6) + u64(1000000000) + u32(1) + u32(3) + u64(123456789) +
                  u32(10) + u32(11) + u32(12) + u32(13) + u32(14) + u32(15) + u64(987654321) +
                  u32(20) + u32(21) + u32(22) + u32(23) + u32(24) + u32(1))
    eth = rec(2, b"".join(u32(i) for i in range(13)))
    vlan = rec(5, u32(100) + u64(5000) + u32(1) + u32(2) + u32(3) + u32(4))
    proc = rec(1001, u32(10) + u32(20) + u32(30) + u64(1 << 33) + u64(1 << 32))
    basevg = rec(4, u32(1) + u64(2) + u32(3) + u64(4) + u32(5) + u32(6) + u32(7) + u32(8) +
                 u32(9) + u64(10) + u32(11) + u64(12) + u64(13) + u64(14))
    tr = rec(3, b"\0" * 8)
    odd = rec(77, b"\x01\x02\x03\x04")
    vendor = rec((9 << 20) | 1, b"\0" * 4)
    cs = u32(9) + u32((0 << 24) | 5) + u32(7)
    csample = rec(2, cs + generic + eth + vlan + proc + basevg + tr + odd)
    ecsample = rec(4, u32(10) + u32(0) + u32(70000) + u32(2) + generic + vendor)
    raw = rec(1, u32(1) + u32(64) + u32(4) + u32(8) + b"\xaa" * 8)
    sw = rec(1001, u32(10) + u32(0) + u32(20) + u32(7))
    ethf = rec(2, u32(64) + b"\x02\0\0\0\0\x01\0\0" + b"\x02\0\0\0\0\x02\0\0" + u32(0x800))
    gw = rec(1003, b"\0" * 8)
    fsample = rec(1, u32(5) + u32(3) + u32(400) + u32(1000) + u32(9) + u32(1) + u32(2) + u32(4) + raw + sw + ethf + gw)
    efsample = rec(3, u32(6) + u32(0) + u32(70001) + u32(512) + u32(99) + u32(0) + u32(0) + u32(1) + u32(0) + u32(2) + u32(2) + raw + rec(55, b"\x01\x02"))
    unk_sample = rec(9, b"\x01\x02\x03\x04")
    def dgram(samples, n=None, agent=bytes([10, 198, 2, 9])):
        v = 1 if len(agent) == 4 else 2
        return u32(5) + u32(v) + agent + u32(3) + u32(1000) + u32(123456) + u32(len(samples) if n is None else n) + b"".join(samples)
    c.add(udp4(50000, 6343, dgram([csample, ecsample])))
    c.add(udp4(50000, 6343, dgram([fsample, efsample, unk_sample])))
    c.add(udp6(50000, 6343, dgram([csample], agent=bytes.fromhex("fd000000000000000000000000000009")), src="fd00::9", dst="fd00::1"))
    c.add(udp4(50000, 6343, dgram([rec(2, cs + rec(1, b"\0" * 40))])))        # record longer than the rest
    c.add(udp4(50000, 6343, dgram([rec(2, cs + u32(1) + u32(500))])))         # record length past the end
    c.add(udp4(50000, 6343, dgram([rec(2, b"\0" * 4)])))                      # sample body too short
    c.add(udp4(50000, 6343, dgram([u32(2) + u32(0)])))                        # zero-length sample
    c.add(udp4(50000, 6343, u32(4) + u32(1) + b"\0" * 20))                    # version 4
    c.add(udp4(50000, 6343, u32(5) + u32(1) + b"\0" * 4))                     # header too short
    c.add(udp4(50000, 6343, dgram([csample])), cut=HDR4 + 28 + 8 + 12 + 8 + 40)
    c.write("svc-sflow.pcap")

# ---- NTP -----------------------------------------------------------------
def ntp_time(li_vn_mode, stratum, poll, prec, refid, ts, extra=b""):
    return (u8(li_vn_mode) + u8(stratum) + struct.pack(">bb", poll, prec) + u32(0x00010800) +
            u32(0x00002345) + refid + b"".join(u64(t) for t in ts) + extra)

def ntp():
    c = Cap()
    t0 = (3912345678 << 32) | 0x80000000
    t1 = (3912345679 << 32) | 0x10000000
    c.add(udp4(40123, 123, ntp_time(0xe3, 0, 6, -20, b"\0\0\0\0", [0, 0, 0, t0])))
    c.add(udp4(123, 40123, ntp_time(0x24, 2, 6, -23, bytes([10, 198, 2, 200]), [t0, t0, t1, t1 + 5])))
    c.add(udp4(123, 40123, ntp_time(0x1c, 1, -3, -30, b"GPS\0", [t1, t1, t0, t1], u32(8))))
    c.add(udp4(123, 40123, ntp_time(0x64, 3, 40, 0, b"\x01\x02\x03\x04", [t1, t1, t1, t0], u32(7) + bytes(range(16)))))
    c.add(udp4(123, 40123, ntp_time(0xa5, 4, 10, -10, b"\x01\x02\x03\x04", [t1, t1, t1, t1], u32(9) + bytes(range(20)))))
    c.add(udp4(123, 40123, ntp_time(0x21, 20, 0, 0, b"\0\0\0\0", [1 << 32, 0, 0, 0], b"\0" * 12)))
    c.add(udp4(123, 40123, ntp_time(0x13, 62, 0, 0, bytes([10, 198, 2, 1]), [0, 0, 0, 0])))
    c.add(udp4(123, 40123, ntp_time(0x13, 63, 0, 0, bytes([10, 198, 2, 1]), [0, 0, 0, 0])))
    c.add(udp4(40123, 123, b"\x16\x02" + u16(5) + u16(0) + u16(0) + u16(0) + u16(0)))
    c.add(udp4(123, 40123, b"\x16\xa1" + u16(5) + u16(0x0618) + u16(7) + u16(0) + u16(4) + b"x=1,"))
    c.add(udp4(123, 40123, b"\x16\xc2" + u16(5) + u16(0) + u16(0) + u16(0) + u16(40) + b"short"))  # count > length
    c.add(udp4(40123, 123, b"\x16\x02\x00"))                                                  # control too short
    c.add(udp4(40123, 123, b"\x23" + b"\0" * 20))                                             # time message too short
    c.add(udp4(40123, 123, b"\x27" + b"\0" * 47))                                             # mode 7
    c.add(udp4(123, 40123, ntp_time(0x24, 2, 6, -23, bytes([10, 198, 2, 200]), [t0, t0, t1, t1])), cut=HDR4 + 30)
    c.write("svc-ntp.pcap")

# ---- Broadcom LI -------------------------------------------------------------
def bcm_li():
    c = Cap()
    inner4 = bytes(IP(src="10.198.9.1", dst="10.198.9.2", id=3) / UDP(sport=5000, dport=5001) / Raw(b"hello"))
    inner6 = bytes(IPv6(src="fd00::a", dst="fd00::b") / UDP(sport=5000, dport=5001) / Raw(b"hello"))
    innere = bytes(Ether(src="02:00:00:00:09:01", dst="02:00:00:00:09:02") / IP(src="10.198.9.1", dst="10.198.9.2") / UDP(sport=1, dport=2))
    shim = lambda d, t, s, li: u32((d << 29) | (t << 25) | (s << 22) | li)
    c.add(udp4(49152, 49153, shim(3, 4, 2, 66666) + inner4))
    c.add(udp4(49152, 49153, shim(2, 4, 3, 1) + inner6))
    c.add(udp4(49152, 49153, shim(2, 7, 1, 2) + innere))
    c.add(udp4(49152, 49153, shim(1, 5, 0, 3) + inner4))
    c.add(udp4(49152, 49153, shim(0, 6, 7, 4) + inner6))
    c.add(udp4(49152, 49153, shim(3, 4, 2, 5) + b"\x10\x00"))
    c.add(udp4(49152, 49153, shim(3, 9, 2, 6) + b"\0\0"))
    c.add(udp4(49152, 49153, b"\x01\x02"))
    c.add(udp4(49152, 49153, shim(3, 4, 2, 66666) + inner4), cut=HDR4 + 10)
    c.write("svc-bcmli.pcap")

# ---- DHCPv6 ----------------------------------------------------------------
def o6(t, body): return u16(t) + u16(len(body)) + body

def dhcp6():
    c = Cap()
    duid_llt = o6(1, u16(1) + u16(1) + u32(600000000) + bytes.fromhex("020000000001"))
    duid_en = o6(2, u16(2) + u32(9) + b"\x0a\x0b")
    duid_ll = o6(2, u16(3) + u16(1) + bytes.fromhex("020000000002"))
    duid_uuid = o6(1, u16(4) + bytes(range(16)))
    oro = o6(6, u16(23) + u16(24) + u16(56) + u16(999))
    ia_addr = o6(5, bytes.fromhex("fd000000000000000000000000000064") + u32(3600) + u32(7200) + o6(13, u16(0) + b"ok"))
    ia_na = o6(3, u32(1) + u32(1800) + u32(2880) + ia_addr)
    ia_pd = o6(25, u32(2) + u32(0) + u32(0) + o6(26, u32(100) + u32(200) + b"\x38" + bytes.fromhex("fd000001000000000000000000000000")))
    ia_ta = o6(4, u32(3) + o6(13, u16(300)))
    sol = b"\x01\x12\x34\x56" + duid_llt + o6(8, u16(100)) + oro + o6(14, b"") + ia_na + o6(20, b"") + o6(16, b"\0\0\0\x09")
    c.add(udp6(546, 547, sol, dst="ff02::1:2"))
    adv = (b"\x02\x12\x34\x56" + duid_llt + duid_en + o6(7, b"\xff") + ia_pd + ia_ta +
           o6(23, bytes.fromhex("fd000000000000000000000000000035")) +
           o6(24, b"\x07example\x03com\x00\x03lab\x00") + o6(21, b"\x03sip\x07example\x00") +
           o6(31, bytes.fromhex("fd00000000000000000000000000007b")) + o6(32, u32(86400)) +
           o6(64, b"\x04aftr\x07example\x00") + o6(112, b"https://mud.example/x") +
           o6(41, b"EST5EDT") + o6(13, u16(2) + b"none") + o6(13, u16(999)))
    c.add(udp6(547, 546, adv, src="fe80::2", dst="fe80::1"))
    rep = (b"\x07\xab\xcd\xef" + duid_ll + duid_uuid + o6(19, b"\x05") + o6(19, b"\x0b") + o6(19, b"\x03") +
           o6(12, bytes(16)) + o6(56, o6(1, bytes.fromhex("fd00000000000000000000000000007b")) + o6(3, b"\x03ntp\x07example\x00") + o6(9, b"")) +
           o6(11, b"\x03\x01\x00" + bytes(8) + b"\x01" + bytes(16)) + o6(11, b"\x02\x01\x00" + bytes(8) + b"realm" + u32(5) + bytes(16)) +
           o6(18, b"interface-identifier") + o6(37, u32(9) + b"remote") + o6(38, b"sub"))
    c.add(udp6(547, 546, rep, src="fe80::2", dst="fe80::1"))
    relay = (b"\x0c\x00" + bytes.fromhex("fd000000000000000000000000000001") + bytes.fromhex("fe800000000000000000000000000001") +
             o6(9, sol) + o6(18, b"\0\0\0\x08"))
    c.add(udp6(547, 547, relay, src="fd00::2", dst="fd00::3"))
    lq = b"\x0e\x00\x00\x01" + o6(44, b"\x01" + bytes(16) + o6(6, u16(23))) + o6(45, duid_llt + o6(46, u32(5))) + o6(47, bytes(16) + b"relaydata")
    c.add(udp6(546, 547, lq, dst="fd00::3"))
    c.add(udp6(546, 547, b"\x63\x00\x00\x01" + o6(8, u16(1) + b"x") + o6(6, b"\x01") + o6(1, b"\x00")))  # odd lengths
    c.add(udp6(546, 547, b"\x0b\x00\x00\x02" + u16(1) + u16(40) + b"short"))                            # option past the end
    c.add(udp6(546, 547, sol, dst="ff02::1:2"), cut=HDR6 + 4 + 10)
    c.add(udp6(546, 547, b"\x01\x00"), cut=HDR6 + 2)
    c.write("svc-dhcp6.pcap")

# ---- L2TP ------------------------------------------------------------------
def avp(t, body, m=True, h=False, vendor=0):
    return u16((0x8000 if m else 0) | (0x4000 if h else 0) | (6 + len(body))) + u16(vendor) + u16(t) + body

def l2tp_ctrl(tun, sess, avps, ns=0, nr=0):
    body = u16(tun) + u16(sess) + u16(ns) + u16(nr) + avps
    return u16(0xc802) + u16(4 + len(body)) + body

def l2tp():
    c = Cap()
    sccrq = (avp(0, u16(1)) + avp(2, b"\x01\x00") + avp(3, u32(3)) + avp(4, u32(3)) +
             avp(5, bytes(range(8))) + avp(6, u16(0x0680)) + avp(7, b"lac-host") + avp(8, b"vend\x01") +
             avp(9, u16(7)) + avp(10, u16(4)) + avp(11, bytes(range(16))) + avp(99, b"zz", m=False))
    c.add(udp4(1701, 1701, l2tp_ctrl(0, 0, sccrq)))
    icrq = (avp(0, u16(10)) + avp(14, u16(9)) + avp(15, u32(77)) + avp(18, u32(1)) + avp(19, u32(2)) +
            avp(21, b"5551234") + avp(22, b"5559876") + avp(23, b"sub") + avp(25, u32(4)) +
            avp(16, u32(9600)) + avp(17, u32(64000)) + avp(24, u32(56000)) + avp(38, u32(1)) + avp(20, b"") +
            avp(29, u16(2)) + avp(30, b"user") + avp(31, b"\x01\x02") + avp(32, u16(0x1234)) +
            avp(33, b"\xaa") + avp(26, b"\x01\x02") + avp(27, b"\x03") + avp(28, b"\x04") + avp(36, b"\x05\x06") +
            avp(37, b"grp") + avp(39, b"") + avp(12, u16(16) + b"\x07" + b"cause") + avp(13, bytes(16)))
    c.add(udp4(1701, 1701, l2tp_ctrl(7, 0, icrq, 1, 2)))
    cdn = (avp(0, u16(14)) + avp(1, u16(3) + u16(2) + b"admin down") + avp(1, u16(1)) + avp(1, u16(1) + b"x") +
           avp(34, u16(0) + b"".join(u32(i) for i in range(6))) + avp(35, u16(0) + u32(0xffffffff) + u32(0)) +
           avp(46, u16(1) + u16(0xc021) + b"\x01" + b"peer") + avp(7, b"secret", h=True) +
           avp(5, b"\x01\x02", vendor=9) + avp(0, b"\x01") + avp(35, b"\x00") + avp(29, u16(9)))
    c.add(udp4(1701, 1701, l2tp_ctrl(7, 3, cdn, 3, 4)))
    c.add(udp4(1701, 1701, u16(0xc802) + u16(12) + u16(7) + u16(0) + u16(5) + u16(6)))          # ZLB
    c.add(udp4(1701, 1701, u16(0x4002) + u16(0) + u16(7) + u16(3) + b"\xff\x03\xc0\x21\x09\x01\x00\x08\x00\x00\x00\x01", ))  # data: LCP echo
    c.add(udp4(1701, 1701, u16(0x0002) + u16(7) + u16(3) + b"\xff\x03\xc0\x21\x09\x01\x00\x08\x00\x00\x00\x01"))  # data: LCP echo
    ppp_ip = b"\xff\x03\x00\x21" + bytes(IP(src="10.198.5.1", dst="10.198.5.2", id=1) / UDP(sport=7, dport=9))
    c.add(udp4(1701, 1701, u16(0x0b02) + u16(7) + u16(3) + u16(1) + u16(2) + u16(2) + b"\0\0" + ppp_ip))   # S, O and P flags
    c.add(udp4(1701, 1701, u16(0x8802) + u16(7) + u16(0) + u16(0) + u16(0)))                     # control, no length
    c.add(udp4(1701, 1701, u16(0xc802) + u16(400) + u16(7) + u16(0)))                            # length > packet
    c.add(udp4(1701, 1701, u16(0xc802) + u16(6) + u16(7) + u16(0) + u16(0) + u16(0)))            # length < header
    c.add(udp4(1701, 1701, l2tp_ctrl(1, 0, u16(0x8003) + u16(0) + u16(0))))                     # AVP length < 6
    c.add(udp4(1701, 1701, l2tp_ctrl(1, 0, avp(0, u16(1))[:-2] + b"\x80\x40")))                   # AVP past the end
    c.add(udp4(1701, 1701, u16(0x0001) + b"\0" * 6))                                            # L2F
    c.add(udp4(1701, 1701, u16(0x0005) + b"\0" * 6))                                            # version 5
    c.add(udp4(1701, 1701, l2tp_ctrl(0, 0, sccrq)), cut=HDR4 + 12 + 8 + 8 + 3)
    c.add(udp4(1701, 1701, l2tp_ctrl(0, 0, sccrq)), cut=HDR4 + 5)
    c.write("svc-l2tp.pcap")

# ---- Cisco auto-RP -----------------------------------------------------------
def autorp():
    c = Cap()
    grp = lambda flags, mask, a: u8(flags) + u8(mask) + bytes(a)
    rp1 = bytes([10, 198, 7, 1]) + b"\x03" + b"\x02" + grp(0, 4, [224, 0, 0, 0]) + grp(1, 24, [239, 1, 2, 0])
    rp2 = bytes([10, 198, 7, 2]) + b"\x06" + b"\x01" + grp(0x06, 8, [239, 0, 0, 0])
    c.add(udp4(496, 496, b"\x11\x01" + u16(181) + b"\0" * 4 + rp1, dst="224.0.1.39"))
    c.add(udp4(496, 496, b"\x12\x02" + u16(0) + b"\0" * 4 + rp1 + rp2, dst="224.0.1.40"))
    c.add(udp4(496, 496, b"\x13\x00" + u16(3600) + b"\0" * 4, dst="224.0.1.40"))
    c.add(udp4(496, 496, b"\x11\x01" + u16(60) + b"\0" * 4 + rp1[:7], dst="224.0.1.39"))   # group cut short
    c.add(udp4(496, 496, b"\x11\x01\x00", dst="224.0.1.39"))                                # header too short
    c.add(udp4(496, 496, b"\x12\x02" + u16(10) + b"\0" * 4 + rp1 + rp2, dst="224.0.1.40"), cut=HDR4 + 8 + 9)
    c.write("svc-autorp.pcap")

# ---- LISP ------------------------------------------------------------------
def lisp():
    c = Cap()
    def hdr(tf, flags2, nrec, key, auth):
        return u8(tf) + b"\0" + u8(flags2) + u8(nrec) + bytes(8) + u16(key) + u16(len(auth)) + auth
    def rec(ttl, nloc, mask, act, afi, eid, locs):
        return u32(ttl) + u8(nloc) + u8(mask) + u8(act) + b"\0" + u16(3) + u16(afi) + eid + b"".join(locs)
    def loc(pri, w, fl, afi, a):
        return u8(pri) + u8(w) + u8(255) + u8(0) + u16(fl) + u16(afi) + a
    r4 = rec(1440, 2, 24, 0x10, 1, bytes([10, 198, 8, 0]), [loc(1, 100, 5, 1, bytes([10, 198, 9, 1])), loc(2, 50, 2, 2, bytes.fromhex("fd000000000000000000000000000009"))])
    r6 = rec(60, 1, 48, 0x60, 2, bytes.fromhex("fd000001000000000000000000000000"), [loc(1, 1, 0, 1, bytes([10, 198, 9, 2]))])
    c.add(udp4(4342, 4342, hdr(0x3e, 0x01, 2, 2, bytes(32)) + r4 + r6 + bytes(range(16)) + u64(77)))   # register, P S I R M
    c.add(udp4(4342, 4342, hdr(0x48, 0x00, 1, 1, bytes(20)) + r4 + bytes(range(16)) + u64(5)))          # notify, I
    c.add(udp4(4342, 4342, hdr(0x40, 0x00, 1, 0, b"") + r6 + b"extra"))                                # notify, trailing data
    c.add(udp4(4342, 4342, hdr(0x30, 0x00, 0, 0, b"")))                                                # no records
    c.add(udp4(4342, 4342, hdr(0x30, 0x00, 1, 0, b"") + rec(1, 0, 0, 0, 16387, b"", [])))             # LCAF EID
    c.add(udp4(4342, 4342, hdr(0x38, 0x00, 1, 0, b"") + r6))                                           # I bit, no xTR-ID
    c.add(udp4(4342, 4342, hdr(0x10, 0, 0, 0, b"")))                                                   # Map-Request
    c.add(udp4(4342, 4342, hdr(0x90, 0, 0, 0, b"")))                                                   # type 9
    c.add(udp4(4342, 4342, hdr(0x30, 0x00, 2, 1, bytes(20)) + r4 + r6), cut=HDR4 + 16 + 20 + 12 + 4 + 5)
    c.add(udp4(4342, 4342, hdr(0x30, 0x00, 1, 1, bytes(20)) + r4), cut=HDR4 + 16 + 7)
    c.write("svc-lisp.pcap")

# ---- AODV ------------------------------------------------------------------
def aodv():
    c = Cap()
    a4 = lambda *b: bytes([10, 198, 10] + list(b))
    a6 = lambda n: bytes.fromhex("fd00000000000000000000000000%04x" % n)
    rreq4 = b"\x01\xf8\x00\x03" + u32(0x1234) + a4(1) + u32(5) + a4(2) + u32(6)
    c.add(udp4(654, 654, rreq4 + b"\x01\x04" + u32(1000)))                       # hello extension
    c.add(udp4(654, 654, rreq4 + b"\x01\x02" + u16(1)))                            # hello, bad length
    c.add(udp4(654, 654, b"\x02\xc0\x18\x02" + a4(3) + u32(7) + a4(4) + u32(3000) + b"\x07\x00"))
    c.add(udp4(654, 654, b"\x03\x80\x00\x02" + a4(5) + u32(8) + a4(6) + u32(9)))
    c.add(udp4(654, 654, b"\x03\x00\x00\x03" + a4(5) + u32(8)))                    # one item short
    c.add(udp4(654, 654, b"\x04\x00"))
    c.add(udp4(654, 654, b"\x09\x00\x00\x00"))
    c.add(udp4(654, 654, b"\x01\x00\x00\x00" + bytes(10)))                          # RREQ too short
    c.add(udp6(654, 654, b"\x01\x00\x00\x01" + u32(9) + a6(1) + u32(2) + a6(2) + u32(3), dst="ff02::1"))
    c.add(udp6(654, 654, b"\x02\x00\x40\x01" + a6(3) + u32(4) + a6(4) + u32(500), dst="ff02::1"))
    c.add(udp6(654, 654, b"\x03\x00\x00\x01" + a6(5) + u32(6), dst="ff02::1"))
    c.add(udp4(654, 654, rreq4), cut=HDR4 + 12)
    c.write("svc-aodv.pcap")

# ---- RADIUS ----------------------------------------------------------------
def radius():
    c = Cap()
    def at(t, v): return u8(t) + u8(2 + len(v)) + v
    def msg(code, ident, attrs):
        return u8(code) + u8(ident) + u16(20 + len(attrs)) + bytes(range(16)) + attrs
    req = (at(1, b"alice") + at(2, bytes(16)) + at(4, bytes([10, 198, 11, 1])) + at(5, u32(7)) +
           at(6, u32(2)) + at(6, u32(99)) + at(7, u32(1)) + at(8, u32(0xfffffffe)) + at(10, u32(3)) +
           at(12, u32(1500)) + at(13, u32(1)) + at(15, u32(8)) + at(23, u32(0xfffffffe)) +
           at(27, u32(45)) + at(28, u32(125)) + at(46, u32(4000)) + at(37, u32(0)) + at(38, u32(0)) +
           at(31, b"02-00-00-00-00-01") + at(32, b"nas\x01one") + at(61, u32(15)) + at(80, bytes(range(1, 17))))
    c.add(udp4(40000, 1812, msg(1, 0x10, req)))
    acc = (at(64, b"\x01\x00\x00\x0d") + at(65, b"\x00\x00\x00\x06") + at(81, b"\x01vlan10") + at(81, b"plain") +
           at(69, b"\x02\x12\x34secret") + at(83, b"\x03\x00\x00\x07") + at(56, b"\x31\x00\x00\x64") +
           at(58, b"\x32vname") + at(57, u32(1)) + at(57, u32(5)) + at(95, bytes.fromhex("fd000000000000000000000000000001")) +
           at(97, b"\x00\x40\xfd\x00\x00\x00\x00\x00\x00\x01") + at(97, b"\x00\x81") + at(123, b"\x00\x20\x20\x01\x0d\xb8") +
           at(26, u32(9) + b"\x01\x08avpair" + b"\x02\x03x") + at(26, u32(12345) + b"\x05\x01") +
           b"".join(at(26, u32(v)) for v in (311, 2636, 14988, 25506, 3076, 529, 2011, 4874, 5771, 6527, 10415, 14823, 1584, 8164)) +
           at(124, u64(0x0000020000000001)) + at(125, b"\x20" + bytes.fromhex("20010db8000000000000000000000000")) +
           at(126, b"\x31example.net") + at(55, u32(1700000000)))
    c.add(udp4(1812, 40000, msg(2, 0x10, acc)))
    acct = (at(40, u32(1)) + at(40, u32(42)) + at(45, u32(1)) + at(49, u32(23)) + at(44, b"sess-1") +
            at(101, u32(201)) + at(101, u32(999)) + at(70, bytes(16)) + at(71, b"\x01\x06" + bytes(12)) +
            at(84, bytes(8)) + at(72, u32(4)) + at(76, u32(1)) + at(127, u16(1) + b"\x00\x00" + u64(3803408743 << 32) + u64(3803451943 << 32) + b"GPS") +
            at(128, u16(1) + b"location") + at(129, u16(0x8000) + u64(3803581543 << 32) + b"note") +
            at(200, b"unknown") + at(4, b"\x01\x02") + at(127, b"short") + at(124, b"\x00"))
    c.add(udp4(40000, 1813, msg(4, 0x11, acct)))
    c.add(udp4(40000, 3799, msg(40, 0x12, at(1, b"bob"))))
    c.add(udp4(40000, 1700, msg(43, 0x13, at(1, b"bob") + u8(5) + u8(1))))                 # attribute length < 2
    c.add(udp4(40000, 1645, msg(99, 0x14, at(1, b"bob") + u8(11) + u8(40) + b"x")))          # past the end, unknown code
    c.add(udp4(40000, 1646, u8(1) + u8(1) + u16(10) + bytes(16)))                             # length < 20
    c.add(udp4(40000, 1812, msg(1, 0x15, req)), cut=HDR4 + 20 + 9)
    c.add(udp4(40000, 1812, msg(1, 0x16, req)), cut=HDR4 + 12)
    c.write("svc-radius.pcap")

# ---- RESP (Redis) --------------------------------------------------------------
def resp():
    c = Cap()
    seq = [1000]
    def tcp(payload, cli=True):
        sp, dp = (50000, 6379) if cli else (6379, 50000)
        p = Ether(src=MAC_A, dst=MAC_B) / IP(src=A4 if cli else B4, dst=B4 if cli else A4, id=9) / \
            TCP(sport=sp, dport=dp, flags="PA", seq=seq[0], ack=1, window=512) / Raw(payload)
        seq[0] += len(payload)
        return p
    c.add(tcp(b"*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nva\x01ue\r\n"))
    c.add(tcp(b"+OK\r\n-ERR unknown command\r\n:1000\r\n", cli=False))
    c.add(tcp(b"$-1\r\n$0\r\n\r\n*0\r\n*-1\r\n", cli=False))
    c.add(tcp(b"*2\r\n*1\r\n:1\r\n$2\r\nhi\r\n", cli=False))
    c.add(tcp(b"PING\r\nPING\nINFO server\r\n"))
    c.add(tcp(b"$-7\r\n$99999999999\r\n$x\r\n*1a\r\n", cli=False))
    c.add(tcp(b"$10\r\nshort\r\n", cli=False))                 # bulk string past the segment
    c.add(tcp(b"+no end of line", cli=False))
    c.add(tcp(b"*3\r\n$3\r\nGET\r\n$3\r\nkey\r\n"))          # array ends early
    c.add(tcp(b"*1\r\n$11\r\nhello world\r\n"), cut=14 + 20 + 20 + 12)
    c.write("svc-resp.pcap")

for f in (krb, babel, bootp, sflow, ntp, bcm_li, dhcp6, l2tp, autorp, lisp, aodv, radius, resp):
    f()
