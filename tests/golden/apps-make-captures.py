#!/usr/bin/python3
# apps-make-captures.py - captures for tests/golden/apps.list: the application printers of
# print/apps.c (timed, Zephyr, VQP, LWAPP, telnet, BEEP, MSDP) and print/txtproto.c (HTTP,
# RTSP, FTP, SMTP, WHOIS), NFS replies matched to their calls (print/nfs.c), the UDP 49152 (BCM-LI) source-port rule.  Every message type, odd
# fields, random payloads (fixed seed), and packets cut short (snap length) inside each protocol.
# Writes tests/captures/apps-*.pcap.  Run: /usr/bin/python3 tests/golden/apps-make-captures.py
import os, random, struct
from scapy.all import Ether, IP, UDP, TCP, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
CAP = os.path.join(HERE, "..", "captures")
MAC_A, MAC_B = "02:00:00:00:00:01", "02:00:00:00:00:02"
A4, B4 = "10.198.3.1", "10.198.3.2"
rnd = random.Random(13)

def u8(v): return struct.pack(">B", v)
def u16(v): return struct.pack(">H", v)
def u32(v): return struct.pack(">I", v & 0xffffffff)
def rbytes(n): return bytes(rnd.getrandbits(8) for _ in range(n))

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

def udp4(sport, dport, payload):
    return Ether(src=MAC_A, dst=MAC_B) / IP(src=A4, dst=B4, id=7) / UDP(sport=sport, dport=dport) / Raw(payload)

def tcp4(sport, dport, payload, flags="PA"):
    return (Ether(src=MAC_A, dst=MAC_B) / IP(src=A4, dst=B4, id=7) /
            TCP(sport=sport, dport=dport, flags=flags, seq=1000, ack=2000, window=512) / Raw(payload))

HDRU = 14 + 20 + 8    # bytes before a UDP payload
HDRT = 14 + 20 + 20   # bytes before a TCP payload

# ---- timed (UDP 525) -------------------------------------------------------
def timed():
    c = Cap()
    name = b"host.example\0"
    for t in range(0, 27):
        body = u8(t) + u8(2) + u16(772)
        if t == 24:
            body += u8(5) + b"\0" * 7
        else:
            body += u32(1700000000) + u32(123456)
        c.add(udp4(1023, 525, body + name))
    c.add(udp4(525, 1023, u8(1) + u8(1) + u16(1) + u32(0xfffffffe) + u32(250000) + name))  # negative
    c.add(udp4(525, 1023, u8(1) + u8(1) + u16(1) + u32(0xffffffff) + u32(250000) + name))  # -0.75
    c.add(udp4(525, 1023, u8(5) + u8(1) + u16(1) + u32(5) + u32(0x80000000) + name))      # usec < 0
    c.add(udp4(525, 1023, u8(0x79) + u8(2) + u16(772) + u32(0) * 2 + b"na\x01\x80me\0"))
    c.add(udp4(525, 1023, u8(1) + u8(2) + u16(3) + u32(1) * 2 + b"x" * 300))            # no NUL
    for cut in (HDRU, HDRU + 1, HDRU + 3, HDRU + 6, HDRU + 13, HDRU + 20):
        c.add(udp4(1023, 525, u8(1) + u8(2) + u16(772) + u32(7) + u32(8) + name), cut=cut)
    for _ in range(6):
        c.add(udp4(1023, 525, rbytes(48)))
    c.write("apps-timed.pcap")

# ---- Zephyr (UDP 2103/2104) --------------------------------------------------
def zmsg(kind, cls, inst, op, sender=b"alice@ATHENA", recip=b"", extra=b"", ver=b"ZEPH0.2"):
    f = [ver, b"11", b"%x" % kind if isinstance(kind, int) else kind, b"uid", b"1f", b"0", b"0", b"",
         cls, inst, op, sender, recip, b"text/plain", b"abcd", b"0", b"muid"]
    return b"\0".join(f) + b"\0" + extra

def zephyr():
    c = Cap()
    for k in range(0, 10):
        c.add(udp4(2104, 2103, zmsg(k, b"MESSAGE", b"personal", b"PING", recip=b"bob@ATHENA")))
    c.add(udp4(2104, 2103, zmsg(5, b"MESSAGE", b"x", b"", extra=b"LOST\0")))
    c.add(udp4(2104, 2103, zmsg(5, b"MESSAGE", b"x", b"", extra=b"SENT\0")))
    c.add(udp4(2104, 2103, zmsg(5, b"MESSAGE", b"x", b"")))                  # no ack field
    c.add(udp4(2104, 2103, zmsg(b"-0x10", b"MESSAGE", b"x", b"OP")))
    c.add(udp4(2104, 2103, zmsg(b"  fffffffffff", b"MESSAGE", b"x", b"OP")))
    c.add(udp4(2104, 2103, zmsg(b"0xz", b"MESSAGE", b"x", b"OP")))
    c.add(udp4(2104, 2103, zmsg(2, b"USER_LOCATE", b"bob", b"USER_HIDE")))
    c.add(udp4(2104, 2103, zmsg(2, b"USER_LOCATE", b"bob", b"USER_UNHIDE")))
    c.add(udp4(2104, 2103, zmsg(2, b"USER_LOCATE", b"bob", b"LOCATE")))
    c.add(udp4(2104, 2103, zmsg(2, b"ZEPHYR_ADMIN", b"x", b"Bdump_Ok", sender=b"")))
    for op in (b"SUBSCRIBE", b"SUBSCRIBE_NODEFS", b"UNSUBSCRIBE"):
        c.add(udp4(2104, 2103, zmsg(2, b"ZEPHYR_CTL", b"CLIENT", op,
                                    extra=b"MESSAGE\0PERSONAL\0\0")))
        c.add(udp4(2104, 2103, zmsg(5, b"ZEPHYR_CTL", b"CLIENT", op, extra=b"SENT\0")))
    c.add(udp4(2104, 2103, zmsg(2, b"ZEPHYR_CTL", b"CLIENT", b"SUBSCRIBE", extra=b"A\0B\0")))
    for op in (b"GIMME", b"GIMMEDEFS", b"CLEARSUB", b"FLUSH_ME"):
        c.add(udp4(2104, 2103, zmsg(2, b"ZEPHYR_CTL", b"CLIENT", op)))
    c.add(udp4(2104, 2103, zmsg(2, b"ZEPHYR_CTL", b"HM", b"BOOT")))
    for op in (b"ADD_SUBSCRIBE", b"REQ_SUBSCRIBE", b"RLM_SUBSCRIBE", b"RLM_UNSUBSCRIBE", b"OTHER"):
        c.add(udp4(2104, 2103, zmsg(2, b"ZEPHYR_CTL", b"REALM", op)))
    c.add(udp4(2104, 2103, zmsg(2, b"ZEPHYR_CTL", b"OTHER", b"OP")))
    c.add(udp4(2104, 2103, zmsg(2, b"HM_CTL", b"SERVER_SHUTDOWN", b"Flush")))
    c.add(udp4(2104, 2103, zmsg(2, b"HM_STAT", b"HMST_CLIENT", b"GIMMESTATS")))
    c.add(udp4(2104, 2103, zmsg(2, b"HM_STAT", b"HMST_CLIENT", b"OTHER")))
    c.add(udp4(2104, 2103, zmsg(2, b"WG_CTL", b"Instance", b"Op")))
    for op in (b"USER_FLUSH", b"NONE", b"OPSTAFF", b"REALM-VISIBLE", b"REALM-ANNOUNCED",
               b"NET-VISIBLE", b"NET-ANNOUNCED", b"OTHER"):
        c.add(udp4(2104, 2103, zmsg(2, b"LOGIN", b"x", op)))
    c.add(udp4(2104, 2103, zmsg(2, b"C" * 200, b"I" * 100, b"", recip=b"R\x01\xff")))
    c.add(udp4(2104, 2103, zmsg(2, b"MESSAGE", b"x", b"y", ver=b"ZEPH0.3")))
    c.add(udp4(2104, 2103, zmsg(2, b"MESSAGE", b"x", b"y", ver=b"ZEPH")))
    c.add(udp4(2104, 2103, zmsg(2, b"MESSAGE", b"x", b"y", ver=b"ZEPX0.2")))
    c.add(udp4(2104, 2103, b"ZEPH0.2\0" + b"11\0" * 5))                       # runs out: invalid
    c.add(udp4(2104, 2103, b"ZEPH0.2"))                                       # version unterminated
    c.add(udp4(2104, 2103, b""))
    good = zmsg(2, b"MESSAGE", b"personal", b"PING", recip=b"bob@ATHENA")
    for cut in (HDRU, HDRU + 3, HDRU + 20, HDRU + 60, HDRU + len(good) - 2):
        c.add(udp4(2104, 2103, good), cut=cut)
    for _ in range(4):
        c.add(udp4(2103, 40000, rbytes(48)))
    c.write("apps-zephyr.pcap")

# ---- VQP (UDP 1589) -----------------------------------------------------------
def vobj(t, v): return u32(t) + u16(len(v)) + v

def vqp():
    c = Cap()
    items = (vobj(0x0c01, bytes([10, 1, 2, 3])) + vobj(0x0c02, b"Fa0/1") + vobj(0x0c03, b"vlan10") +
             vobj(0x0c04, b"dom\0ain") + vobj(0x0c05, b"\x01\x02pkt") + vobj(0x0c06, bytes(6)) +
             vobj(0x0c08, bytes([0, 0x11, 0x22, 0x33, 0x44, 0x55])) + vobj(0x0c07, b"\xaa\xbb\xcc"))
    for t in range(0, 6):
        c.add(udp4(1589, 1589, u8(1) + u8(t) + u8(t) + u8(8) + u32(0x1234 + t) + items))
    c.add(udp4(1589, 1589, u8(1) + u8(1) + u8(0) + u8(20) + u32(1) + items))        # too many items
    c.add(udp4(1589, 1589, u8(1) + u8(1) + u8(0) + u8(2) + u32(1) + items))         # fewer
    c.add(udp4(1589, 1589, u8(1) + u8(1) + u8(0) + u8(2) + u32(1) + vobj(0x0c01, b"\1\2\3")))
    c.add(udp4(1589, 1589, u8(1) + u8(1) + u8(0) + u8(2) + u32(1) + vobj(0x0c08, b"\1\2\3")))
    c.add(udp4(1589, 1589, u8(1) + u8(1) + u8(0) + u8(2) + u32(1) + u32(0) + u16(4) + b"abcd"))
    c.add(udp4(1589, 1589, u8(1) + u8(1) + u8(0) + u8(2) + u32(1) + u32(0x0c02) + u16(0)))
    c.add(udp4(1589, 1589, u8(1) + u8(1) + u8(0) + u8(2) + u32(1) + u32(0x0c02) + u16(40) + b"ab"))
    c.add(udp4(1589, 1589, u8(1) + u8(1) + u8(0) + u8(2) + u32(1) + b"\0\0\x0c"))   # short item
    c.add(udp4(1589, 1589, u8(2) + u8(1) + u8(0) + u8(0) + u32(1)))
    c.add(udp4(1589, 1589, u8(1) + u8(1) + u8(0)))                                  # short header
    pkt = u8(1) + u8(1) + u8(0) + u8(8) + u32(7) + items
    for cut in (HDRU + 2, HDRU + 9, HDRU + 16, HDRU + 20, HDRU + 40):
        c.add(udp4(1589, 1589, pkt), cut=cut)
    for _ in range(4):
        c.add(udp4(40000, 1589, b"\x01" + rbytes(47)))
    c.write("apps-vqp.pcap")

# ---- LWAPP (UDP 12222 data, 12223 control) ----------------------------------
def lwapp():
    c = Cap()
    ap = bytes([0, 0x0b, 0x85, 1, 2, 3])
    msgs = b"".join(u8(t) + u8(t + 1) + u16(4) + u32(0xdead0000 + t) + b"abcd"
                    for t in (1, 2, 3, 10, 22, 26, 40, 41))
    for flags in (0x04, 0x05, 0x06, 0x07, 0x00, 0x3c):
        c.add(udp4(12223, 12223, ap + u8(flags) + u8(9) + u16(len(msgs)) + u16(0) + msgs))
    c.add(udp4(12223, 40000, ap + u8(0x04) + u8(0) + u16(len(msgs) + 5) + u16(0) + msgs))   # past end
    c.add(udp4(12223, 40000, ap + u8(0x04) + u8(0) + u16(4) + u16(0) + msgs))
    c.add(udp4(12223, 40000, ap + u8(0x04) + u8(0) + u16(12) + u16(0) + u8(1) + u8(0) + u16(100) + u32(0) + b"x" * 4))
    c.add(udp4(12223, 40000, ap + u8(0x84) + u8(0) + u16(0) + u16(0)))              # version 2
    c.add(udp4(12223, 40000, ap + u8(0x44) + u8(0) + u16(0) + u16(0)))              # version 1
    c.add(udp4(12223, 40000, ap + u8(0x04)))
    data = bytes(range(40))
    for flags in (0x00, 0x01, 0x02, 0x04, 0x1b):
        c.add(udp4(12222, 12222, u8(flags) + u8(3) + u16(len(data) + 6) + u16(0) + data))
    c.add(udp4(12222, 40000, u8(0) + u8(3) + u16(200) + u16(0) + data))
    c.add(udp4(12222, 40000, u8(0) + u8(3) + u16(4) + u16(0) + data))
    c.add(udp4(12222, 40000, u8(0xc0) + u8(3) + u16(4) + u16(0) + data))
    c.add(udp4(12222, 40000, u8(0) + u8(3) + u16(4)))
    ctl = ap + u8(0x04) + u8(9) + u16(len(msgs)) + u16(0) + msgs
    for cut in (HDRU + 3, HDRU + 8, HDRU + 12, HDRU + 16, HDRU + 22, HDRU + 30):
        c.add(udp4(12223, 12223, ctl), cut=cut)
    for cut in (HDRU + 3, HDRU + 6, HDRU + 20):
        c.add(udp4(12222, 12222, u8(0) + u8(3) + u16(46) + u16(0) + data), cut=cut)
    for _ in range(3):
        c.add(udp4(40000, 12222, rbytes(48)))
        c.add(udp4(40000, 12223, rbytes(48)))
    c.write("apps-lwapp.pcap")

# ---- telnet (TCP 23) ----------------------------------------------------------
def telnet():
    c = Cap()
    IAC, SB, SE = 255, 250, 240
    c.add(tcp4(23, 40000, bytes([IAC, 253, 1, IAC, 251, 3, IAC, 252, 36, IAC, 254, 39, IAC, 253, 200])))
    c.add(tcp4(23, 40000, bytes([IAC, SB, 24, 1, IAC, SE, IAC, SB, 24, 0]) + b"xterm" + bytes([IAC, SE])))
    c.add(tcp4(23, 40000, bytes([IAC, SB, 37, 0, 2, 9, 9, IAC, SE, IAC, SB, 37, 3, 8, IAC, SE,
                                 IAC, SB, 37, 9, 30, IAC, SE, IAC, SB, 37, 1, IAC, SE, IAC, SB, 37, IAC, SE])))
    c.add(tcp4(23, 40000, bytes([IAC, SB, 38, 0, 1, IAC, SE, IAC, SB, 38, 8, 5, 7, IAC, SE,
                                 IAC, SB, 38, 12, 12, IAC, SE, IAC, SB, 31, 0, 80, 0, 24, IAC, SE])))
    c.add(tcp4(23, 40000, bytes([IAC, IAC, IAC, 241, IAC, 236,
                                 IAC, 244, IAC, 249, IAC, 239, IAC, 100]) + b"text"))
    c.add(tcp4(40000, 23, bytes([IAC, SB, 24, 1, 2, 3])))                 # no IAC SE
    c.add(tcp4(40000, 23, bytes([IAC, SB, 24, 1, 2, IAC])))
    c.add(tcp4(40000, 23, bytes([IAC, SB])))
    c.add(tcp4(40000, 23, bytes([IAC, SB, 24])))
    c.add(tcp4(40000, 23, bytes([IAC, 253])))
    c.add(tcp4(40000, 23, bytes([IAC, SB, 200, 0xf5, 0, 1, IAC, SE, IAC, 251, 1])))
    c.add(tcp4(40000, 23, b"login: " + bytes([IAC, 251, 1])))
    c.add(tcp4(40000, 23, bytes([IAC, SB, 24, 1, IAC, SE]) * 3, flags="PA"))
    pkt = bytes([IAC, 253, 1, IAC, SB, 24, 0]) + b"vt100" + bytes([IAC, SE, IAC, 251, 3])
    for cut in (HDRT + 1, HDRT + 3, HDRT + 6, HDRT + 10, HDRT + 13, HDRT + 15):
        c.add(tcp4(23, 40000, pkt), cut=cut)
    for _ in range(4):
        c.add(tcp4(40000, 23, bytes([IAC]) + rbytes(47)))
    c.write("apps-telnet.pcap")

# ---- BEEP (TCP 10288) and MSDP (TCP 639) --------------------------------------
def beep_msdp():
    c = Cap()
    for w in (b"MSG 1 2 . 0 10\r\n", b"MSG\0", b"RPY 1 2", b"ERR 1", b"ANS 1", b"NUL 1", b"SEQ 1",
              b"END\r\n", b"END\0", b"RPY", b"xyz 1", b"MS"):
        c.add(tcp4(40000, 10288, w))
    c.add(tcp4(10288, 40000, b"RPY 0 0 . 0 0\r\n"), cut=HDRT + 2)
    inner = bytes(IP(src="192.0.2.1", dst="239.1.1.1", id=1, ttl=9) / UDP(sport=1, dport=2) / Raw(b"hi"))
    sa = u8(1) + u16(8 + 12 * 2) + u8(2) + bytes([10, 0, 0, 1]) + bytes(24)
    sadata = u8(1) + u16(8 + 12 + len(inner)) + u8(1) + bytes([10, 0, 0, 1]) + bytes(12) + inner
    sar = u8(3) + u16(8 + 12) + u8(1) + bytes([10, 0, 0, 2]) + bytes(12)
    req = u8(2) + u16(8) + u8(0) + bytes([239, 1, 1, 1])
    ka = u8(4) + u16(3)
    ka5 = u8(4) + u16(5) + b"\0\0"
    note = u8(5) + u16(6) + b"\x80\x01\x02"
    unk = u8(6) + u16(4) + b"\0"
    c.add(tcp4(40000, 639, sa + sadata + sar + req + ka + ka5 + note + unk))
    c.add(tcp4(639, 40000, ka))
    c.add(tcp4(639, 40000, ka + b"\x04"))                       # leftover < 3
    c.add(tcp4(639, 40000, ka + u8(4) + u16(2)))                # len < 3 inside
    c.add(tcp4(639, 40000, ka + u8(1) + u16(90)))               # past the end
    c.add(tcp4(639, 40000, u8(7) + u16(1401) + bytes(1398)))    # > 1400
    c.add(tcp4(639, 40000, u8(8) + u16(3)))                     # bad first type
    c.add(tcp4(639, 40000, u8(0) + u16(3)))
    c.add(tcp4(639, 40000, u8(1) + u16(2000)))
    for cut in (HDRT + 1, HDRT + 3, HDRT + 10, HDRT + 40, HDRT + 60):
        c.add(tcp4(40000, 639, sa + sadata + req), cut=cut)
    for _ in range(3):
        c.add(tcp4(40000, 639, rbytes(48)))
        c.add(tcp4(40000, 10288, rbytes(48)))
    c.write("apps-beep-msdp.pcap")

# ---- text protocols -----------------------------------------------------------
def txt():
    c = Cap()
    bodies = [b"GET / HTTP/1.1\r\nHost: a\r\n\r\n", b"HTTP/1.1 404 Not Found\r\nServer: x\r\n\r\n",
              b"DESCRIBE rtsp://a/b RTSP/1.0\r\nCSeq: 2\r\n\r\n", b"RTSP/1.0 200 OK\r\nCSeq: 2\r\n",
              b"SETUP x RTSP/1.0\r\n", b"TEARDOWN x\n", b"220 smtp.example ESMTP\r\n250 OK\r\n",
              b"USER anonymous\r\n", b"whois.example\r\n", b"no line end", b"tab\there\r\n",
              b"GET\r\n", b"GET\tx\r\n", b"get  /lower\r\n", b"200 bare\r\n", b"bad\rcr\r\n",
              b"line\x01ctl\r\n", b"\x80high\r\n", b"x" * 130 + b" 200 long\r\n", b"ends with cr\r"]
    for port in (80, 8080, 554, 8554, 21, 25, 43):
        for b in bodies:
            c.add(tcp4(40000, port, b))
        c.add(tcp4(40000, port, rbytes(48)))
    for port in (80, 554, 21):
        for cut in (HDRT + 2, HDRT + 9, HDRT + 20):
            c.add(tcp4(port, 40000, b"HTTP/1.0 200 OK\r\nA: b\r\n"), cut=cut)
    c.add(udp4(5060, 5060, b"INVITE sip:b@x SIP/2.0\r\nVia: x\r\n"))
    c.add(udp4(5060, 5060, b"SIP/2.0 180 Ringing\r\n"))
    c.write("apps-txt.pcap")

# ---- NFS (UDP 2049): a call, then its reply, for every v2/v3 procedure -------------
def u64(v): return struct.pack(">Q", v)

def nfs():
    """Replies are decoded by the procedure of the call with the same xid (tcpdump's xid map)."""
    C, S = "10.1.1.1", "10.1.1.2"
    pk = []
    def add(f, cut=None):
        if cut is not None:
            raw=bytes(f)[:cut]; p=Ether(raw); p.wirelen=len(bytes(f)); f=p
        pk.append(f)
    def call(xid, vers, proc, args=b''):
        return u32(xid) + u32(0) + u32(2) + u32(100003) + u32(vers) + u32(proc) + u32(1) + u32(8) + u32(0)*2 + u32(0) + u32(0) + args
    def rep(xid, body, astat=0, verflen=0):
        return u32(xid) + u32(1) + u32(0) + u32(0) + u32(verflen) + b'\0'*((verflen+3)&~3) + u32(astat) + body
    def fattr3(t=1):
        return u32(t) + u32(0o100644) + u32(1) + u32(0xfffffffe) + u32(100) + u64(3) + u64(4096) + u32(0) + u32(0) + u64(0x5b7a) + u64(0x2ab14) + u32(1) + u32(2) + u32(3) + u32(4) + u32(5) + u32(6)
    def fattr2(t=2):
        return u32(t) + u32(0o40755) + u32(2) + u32(0) + u32(0) + u32(512) + u32(4096) + u32(0) + u32(8) + u32(0x801) + u32(77) + u32(1)*6
    post3 = u32(1) + fattr3()
    pre3 = u32(1) + u64(9) + u32(10) + u32(11) + u32(12) + u32(13)
    wcc = pre3 + post3
    fh3 = u32(32) + bytes(range(32))
    fh2 = bytes(range(32))
    bodies3 = {
     1: u32(0) + fattr3(), 2: u32(0) + wcc, 3: u32(0) + fh3 + post3 + post3, 4: u32(0) + post3 + u32(0x1f),
     5: u32(0) + post3 + u32(5) + b'abc\0\0\0\0\0', 6: u32(0) + post3 + u32(100) + u32(1) + u32(100),
     7: u32(0) + wcc + u32(3) + u32(2) + u64(0x851b4), 8: u32(0) + u32(1) + fh3 + post3 + wcc,
     9: u32(0) + u32(1) + fh3 + post3 + wcc, 10: u32(0) + u32(0), 11: u32(0) + u32(1) + fh3 + u32(0) + wcc,
     12: u32(0) + wcc, 13: u32(0) + wcc, 14: u32(0) + wcc + wcc, 15: u32(0) + post3 + wcc,
     16: u32(0) + post3 + u64(0x1122334455667788) + u32(0), 17: u32(0) + post3 + u64(7),
     18: u32(0) + post3 + u64(1)+u64(2)+u64(3)+u64(4)+u64(5)+u64(6)+u32(7),
     19: u32(0) + post3 + u32(1)+u32(2)+u32(3)+u32(4)+u32(5)+u32(6)+u32(7)+u64(8)+u32(9)+u32(10)+u32(11),
     20: u32(0) + post3 + u32(1)+u32(255)+u32(1)+u32(0)+u32(1)+u32(1), 21: u32(0) + wcc + u64(0xabc),
     0: b'', 30: b'',
    }
    xid = 1000
    for proc, body in sorted(bodies3.items()):
        for variant in (('ok', 'err', 'nopost', 'cut') if proc in (1, 3, 7, 8, 16, 19, 21) else ('ok', 'err')):
            xid += 1
            add(Ether(src=MAC_A, dst=MAC_B)/IP(src=C, dst=S)/UDP(sport=800, dport=2049)/Raw(call(xid, 3, proc, fh3 + u32(1) + b'a\0\0\0' + fh3 + u32(1) + b'b\0\0\0' + bytes(40))))
            b = body
            if variant == 'err': b = u32(70) + (wcc + post3 if proc else b'')
            if variant == 'nopost': b = body.replace(post3, u32(0)).replace(pre3, u32(0))
            f = Ether(src=MAC_A, dst=MAC_B)/IP(src=S, dst=C)/UDP(sport=2049, dport=800)/Raw(rep(xid, b))
            add(f, cut=(42 + 24 + len(b)//2) if variant == 'cut' else None)
    bodies2 = {1: u32(0) + fattr2(), 2: u32(0) + fattr2(), 4: u32(0) + fh2 + fattr2(), 5: u32(0) + u32(3) + b'xyz\0',
     6: u32(0) + fattr2(), 8: u32(0) + fattr2(), 9: u32(0) + fh2 + fattr2(), 10: u32(0), 11: u32(0), 12: u32(0),
     13: u32(0), 14: u32(0) + fh2 + fattr2(), 15: u32(0), 16: u32(0) + u32(5) + u32(6) + u32(1), 17: u32(0) + u32(1)+u32(2)+u32(3)+u32(4)+u32(5)}
    for proc, body in sorted(bodies2.items()):
        for variant in ('ok', 'err'):
            xid += 1
            add(Ether(src=MAC_A, dst=MAC_B)/IP(src=C, dst=S)/UDP(sport=800, dport=2049)/Raw(call(xid, 2, proc, fh2 + u32(1) + b'a\0\0\0' + fh2 + u32(1) + b'b\0\0\0' + bytes(40))))
            b = body if variant == 'ok' else u32(2)
            add(Ether(src=MAC_A, dst=MAC_B)/IP(src=S, dst=C)/UDP(sport=2049, dport=800)/Raw(rep(xid, b)))
    # accept stat errors, unmatched, verifier lengths
    for astat in (1, 2, 3, 4, 5, 9):
        xid += 1
        add(Ether(src=MAC_A, dst=MAC_B)/IP(src=C, dst=S)/UDP(sport=800, dport=2049)/Raw(call(xid, 3, 1, fh3)))
        add(Ether(src=MAC_A, dst=MAC_B)/IP(src=S, dst=C)/UDP(sport=2049, dport=800)/Raw(rep(xid, b'', astat=astat)))
    xid += 1
    add(Ether(src=MAC_A, dst=MAC_B)/IP(src=C, dst=S)/UDP(sport=800, dport=2049)/Raw(call(xid, 3, 1, fh3)))
    add(Ether(src=MAC_A, dst=MAC_B)/IP(src=S, dst=C)/UDP(sport=2049, dport=800)/Raw(rep(xid, u32(0)+fattr3(), verflen=400)))
    add(Ether(src=MAC_A, dst=MAC_B)/IP(src=S, dst="10.9.9.9")/UDP(sport=2049, dport=800)/Raw(rep(xid, u32(0)+fattr3())))
    # v2 procedures 18-25 are "nop" (tcpdump's 26-entry table), 26 on are numbers
    for proc in (18, 22, 25, 26, 30):
        xid += 1
        add(Ether(src=MAC_A, dst=MAC_B)/IP(src=C, dst=S)/UDP(sport=800, dport=2049)/Raw(call(xid, 2, proc, fh2)))
        add(Ether(src=MAC_A, dst=MAC_B)/IP(src=S, dst=C)/UDP(sport=2049, dport=800)/Raw(rep(xid, u32(0) + fattr2())))
    # file handles of every length: tcpdump guesses the layout only from 16 bytes on
    base = bytes([0,0,0,0,0,0,1,9,0,0,0,0,0,0,0,3]) + bytes(range(16,40))
    bsd = bytes([1,2,0,0,5,6,0,0]) + bytes(range(8,40))
    for fhb in (base, bsd, bytes(range(1, 41))):
        for n in (0, 4, 12, 14, 16, 20, 36):
            for tail in ((b'', bytes(range(100, 140))) if n in (0, 16) else (bytes(range(100, 140)),)):
                xid += 1
                add(Ether(src=MAC_A, dst=MAC_B)/IP(src=C, dst=S)/UDP(sport=800, dport=2049)/Raw(call(xid, 3, 1, u32(n) + fhb[:n] + tail)))
    wrpcap(os.path.join(CAP, 'apps-nfs.pcap'), pk)

# ---- UDP 49152: BCM-LI only when it is the source port --------------------------
def bcmli_port():
    c = Cap()
    shim = bytes.fromhex("6881046a") + bytes(44)
    for sp, dp, b in ((1234, 49152, rbytes(48)), (49152, 1234, rbytes(48)), (1234, 49152, shim),
                      (49153, 49152, shim), (49152, 49152, shim)):
        c.add(udp4(sp, dp, b))
    c.write("apps-udp49152.pcap")

if __name__ == "__main__":
    timed(); zephyr(); vqp(); lwapp(); telnet(); beep_msdp(); txt(); bcmli_port(); nfs()
