#!/usr/bin/python3
"""dns-make-captures.py - crafted DNS captures for the golden tests (scapy).

Writes, next to this script:
  dns-crafted.pcap  every RR type tcpdump decodes, EDNS options, flags and
                    opcodes, compression loops / bad labels / long names,
                    mDNS (5353), IPv6, DNS over TCP (good and bad prefixes)
  dns-trunc.pcap    well-formed messages cut short at every byte
  dns-fuzz.pcap     randomly mutated messages (fixed seed)
Run with /usr/bin/python3 (Debian's python3-scapy).
"""
import os
from scapy.all import *
os.chdir(os.path.dirname(os.path.abspath(__file__)))
T0 = 1700000000
E = dict(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")
def stamp(lst):
    for i, p in enumerate(lst):
        p.time = T0 + i * 0.001
    return lst
import struct, random
def hdr(id, flags, qd, an, ns, ar): return struct.pack(">HHHHHH", id, flags, qd, an, ns, ar)
def name(s):
    if s in ('', '.'): return b'\x00'
    return b''.join(bytes([len(l)]) + l.encode() for l in s.strip('.').split('.')) + b'\x00'
def rr(nm, t, data, cls=1, ttl=3600):
    return nm + struct.pack(">HHIH", t, cls, ttl, len(data)) + data
def opt(opts, size=1232, ext=0, ver=0, flags=0):
    d = b''.join(struct.pack(">HH", c, len(v)) + v for c, v in opts)
    return b'\x00' + struct.pack(">HHBBHH", 41, size, ext, ver, flags, len(d)) + d
Q = name("www.example.com") + struct.pack(">HH", 1, 1)
pk = []
def resp(payload, sport=53, dport=40000, snap=None):
    p = Ether(**E)/IP(src="192.0.2.53", dst="192.0.2.1")/UDP(sport=sport, dport=dport)/Raw(payload)
    pk.append(p)
def query(payload, dport=53):
    pk.append(Ether(**E)/IP(src="192.0.2.1", dst="192.0.2.53")/UDP(sport=40000, dport=dport)/Raw(payload))
P = b'\xc0\x0c'  # pointer to question name
good = []
# variety of RR types
rrs = [
  rr(P, 1, bytes([192,0,2,7])),
  rr(P, 28, bytes.fromhex("20010db8000000000000000000000001")),
  rr(P, 28, bytes.fromhex("00000000000000000000ffffc0000207")),
  rr(P, 28, bytes.fromhex("000000000000000000000000c0000207")),
  rr(P, 5, name("alias.example.net")),
  rr(P, 2, b'\x03ns1' + P),
  rr(P, 12, name("ptr.example")),
  rr(P, 15, struct.pack(">H", 10) + b'\x04mail' + P),
  rr(P, 16, b'\x05hello\x00\x03a\x01b\x04\xff\x80\x7f\x20'),
  rr(P, 16, b''),
  rr(P, 6, b'\x03ns1' + P + b'\x05admin' + P + struct.pack(">IIIII", 1, 2, 3, 4, 4294967295)),
  rr(P, 33, struct.pack(">HHH", 1, 2, 443) + name("srv.example")),
  rr(P, 39, name("dname.example")),
  rr(P, 38, b'\x00' + bytes(range(16))),
  rr(P, 38, b'\x40' + bytes(range(8)) + name("pfx.example")),
  rr(P, 38, b'\x80' + name("pfx.example")),
  rr(P, 38, b'\x81'),
  rr(P, 38, b'\x0c' + bytes(range(15)) + name("x")),
  rr(P, 256, struct.pack(">HH", 1, 2) + b'https://x/'),
  rr(P, 256, b'\x00\x01'),
  rr(P, 104, b'unspeca\x01text'),
  rr(P, 250, name("hmac-sha256") + b'\x00\x00\x5f\x00\x00\x00' + struct.pack(">HH", 300, 4) + b'abcd' + struct.pack(">HHH", 77, 16, 0)),
  rr(P, 46, b'\x00' * 20), rr(P, 48, b'\x01\x01\x03\x08'), rr(P, 43, b'\x12\x34\x08\x02'), rr(P, 47, P + b'\x00\x01\x40'),
  rr(P, 1, bytes([1,2,3,4]), cls=3), rr(P, 1, bytes([1,2,3,4]), cls=0x8001), rr(P, 1, bytes([1,2,3,4]), cls=254),
  rr(P, 1, bytes([1,2,3,4]), ttl=0), rr(P, 1, bytes([1,2,3,4]), ttl=31536000+604800+86400+3600+60+1), rr(P, 1, bytes([1,2,3,4]), ttl=0xffffffff), rr(P, 1, bytes([1,2,3,4]), ttl=120),
  rr(P, 1, bytes([1,2,3])), rr(P, 999, b'xyz'), rr(P, 65535, b''),
]
for i, r in enumerate(rrs):
    m = hdr(1000 + i, 0x8580, 1, 1, 0, 0) + Q + r
    resp(m); good.append(m)
# all in one response, with ns and ar
m = hdr(2000, 0x8180, 1, 3, 2, 3) + Q + rrs[0] + rrs[1] + rrs[4] + rrs[5] + rrs[10] + rrs[7] + rrs[8] + opt([(10, bytes(range(24)))], flags=0x8000)
resp(m); good.append(m)
# EDNS options variety
optsets = [
  [(8, b'\x00\x01\x18\x00\xc0\x00\x02')], [(8, b'\x00\x02\x30\x00\x20\x01\x0d\xb8\x00\x01')], [(8, b'\x00\x01\x00\x00')],
  [(8, b'\x00\x03\x08\x00\x01')], [(8, b'\x00\x01\x21\x00\x01\x02\x03\x04\x05')], [(8, b'\x00\x01\x18\x00\xc0\x00')], [(8, b'\x00\x01')],
  [(10, bytes(8))], [(10, bytes(16))], [(10, bytes(40))], [(10, bytes(41))], [(10, bytes(12))], [(10, bytes(7))],
  [(11, b'')], [(11, b'\x01\x2c')], [(11, b'\x00\x01\x02')], [(9, b'')], [(9, b'\x00\x00\x0e\x10')], [(9, b'\x01')],
  [(12, bytes(30))], [(12, b'')], [(14, b'\x00\x01\x00\x02')], [(14, b'\x00')], [(13, name("chain.example"))], [(13, b'\xc0\x00')],
  [(3, b'')], [(3, b'ns1')], [(5, b'\x08\x0d')], [(1, b'\x00'), (2, b'\x01'), (65535, b'')], [(16, b'\x00\x01'), (17, b'\x00\x02')],
]
for i, o in enumerate(optsets):
    m = hdr(3000 + i, 0x0100, 1, 0, 0, 1) + Q + opt(o)
    query(m); good.append(m)
query(hdr(3100, 0x0100, 1, 0, 0, 1) + Q + opt([], ext=1, ver=1, flags=0xffff))
resp(hdr(3101, 0x8183, 1, 0, 0, 1) + Q + opt([], ext=1))
resp(hdr(3102, 0x8187, 1, 0, 0, 1) + Q + opt([], ext=0xff))
resp(hdr(3103, 0x8180, 1, 1, 0, 1) + Q + rrs[0] + rr(b'\x00', 41, b'', cls=4096, ttl=0x01008000))
# queries: multiple questions, odd counts, iquery, flags
query(hdr(4000, 0x0100, 2, 0, 0, 0) + Q + name("b.example") + struct.pack(">HH", 28, 1))
query(hdr(4001, 0x0100, 0, 0, 0, 0))
query(hdr(4002, 0x0800, 0, 1, 0, 0) + rrs[0].replace(P, name("x")))
query(hdr(4003, 0x0800, 1, 2, 0, 0) + Q + rrs[0] + rrs[1])
query(hdr(4004, 0x0100, 1, 1, 1, 1) + Q + rrs[0] + rrs[5] + rrs[1])
query(hdr(4005, 0x7fff, 1, 0, 0, 0) + Q)
query(hdr(4006, 0x2800, 1, 1, 0, 0) + Q + rrs[0])
query(hdr(4007, 0x0100, 1, 0, 0, 0) + name("") + struct.pack(">HH", 255, 255))
resp(hdr(4008, 0xffff, 1, 0, 0, 0) + Q)
resp(hdr(4009, 0x8180, 0, 1, 0, 0) + rr(name("x"), 1, bytes(4)))
resp(hdr(4010, 0x8180, 2, 1, 0, 0) + Q + Q + rrs[0])
# compression trouble
query(hdr(5000, 0x0100, 1, 0, 0, 0) + b'\xc0\x0c' + struct.pack(">HH", 1, 1))           # self loop
query(hdr(5001, 0x0100, 1, 0, 0, 0) + b'\xc0\x0e\x00' + struct.pack(">HH", 1, 1))     # forward
query(hdr(5002, 0x0100, 1, 0, 0, 0) + b'\x01a\xc0\x0c' + struct.pack(">HH", 1, 1))     # loop via label
resp(hdr(5003, 0x8180, 1, 1, 0, 0) + Q + rr(b'\xc0\x23', 1, bytes(4)))                    # ptr forward to itself in RR
resp(hdr(5004, 0x8180, 1, 1, 0, 0) + Q + rr(b'\x01x\xc0\x1d', 5, b'\xc0\x1d'))             # pointer chain into RR name
resp(hdr(5005, 0x8180, 1, 1, 0, 0) + Q + rr(P, 5, b'\xc0\x00'))                          # pointer to header
resp(hdr(5006, 0x8180, 1, 1, 0, 0) + Q + rr(P, 5, b'\xff\xff'))
resp(hdr(5007, 0x8180, 1, 1, 0, 0) + Q + rr(P, 5, b'\x80abc\x00'))                        # reserved label
resp(hdr(5008, 0x8180, 1, 1, 0, 0) + Q + rr(P, 5, b'\x42abc\x00'))                        # ELT 2
resp(hdr(5009, 0x8180, 1, 1, 0, 0) + Q + rr(P, 5, b'\x41\x10\xab\xcd\x00'))               # bitlabel 16 bits
resp(hdr(5010, 0x8180, 1, 1, 0, 0) + Q + rr(P, 5, b'\x41\x0d\xab\xcd\x03abc\x00'))       # 13 bits
resp(hdr(5011, 0x8180, 1, 1, 0, 0) + Q + rr(P, 5, b'\x41\x03\xe0\x00'))                   # 3 bits
resp(hdr(5012, 0x8180, 1, 1, 0, 0) + Q + rr(P, 5, b'\x41\x00' + bytes(range(32)) + b'\x00'))   # 256 bits
query(hdr(5013, 0x0100, 1, 0, 0, 0) + b'\x41\x08\xaa\x01b\x00' + struct.pack(">HH", 1, 1))
query(hdr(5014, 0x0100, 1, 0, 0, 0) + b'\x7f\x00' + struct.pack(">HH", 1, 1))
long = b''.join(b'\x3f' + bytes([97 + i]) * 63 for i in range(5)) + b'\x00'
query(hdr(5015, 0x0100, 1, 0, 0, 0) + long + struct.pack(">HH", 1, 1))
long2 = b''.join(b'\x3f' + bytes([97 + i]) * 63 for i in range(3)) + b'\x3e' + b'z'*62 + b'\x00'
query(hdr(5016, 0x0100, 1, 0, 0, 0) + long2 + struct.pack(">HH", 1, 1))
long3 = b''.join(b'\x3f' + bytes([97 + i]) * 63 for i in range(3)) + b'\x3f' + b'z'*63 + b'\x00'
query(hdr(5017, 0x0100, 1, 0, 0, 0) + long3 + struct.pack(">HH", 1, 1))
query(hdr(5018, 0x0100, 1, 0, 0, 0) + b'\x03a\x00b\x02\x01\xff\x00' + struct.pack(">HH", 1, 1))
# lengths
query(b'')
query(b'\x00' * 11)
query(hdr(6000, 0x0100, 1, 0, 0, 0))
query(hdr(6001, 0x0100, 1, 0, 0, 0) + b'\x07exam')
query(hdr(6002, 0x0100, 1, 0, 0, 0) + name("example.com") + b'\x00')
resp(hdr(6003, 0x8180, 1, 3, 0, 0) + Q + rrs[0] + rrs[0][:8])
resp(hdr(6004, 0x8180, 1, 3, 0, 0) + Q + rrs[0] + rrs[0][:13])
resp(hdr(6005, 0x8180, 1, 2, 0, 0) + Q + rrs[0] + rr(P, 1, bytes(4))[:-3] + b'')
resp(hdr(6006, 0x8180, 1, 1, 0, 0) + Q + rr(P, 16, b'\x09short'))
resp(hdr(6007, 0x8180, 1, 1, 0, 0) + Q + rr(P, 16, b'\x03abc\x05de'))
resp(hdr(6008, 0x8180, 1, 1, 0, 0) + Q + rr(P, 15, b'\x00'))
resp(hdr(6009, 0x8180, 1, 0, 0, 1) + Q + opt([(10, bytes(8))])[:-3])
resp(hdr(6010, 0x8180, 1, 0, 0, 1) + Q + b'\x00' + struct.pack(">HHIH", 41, 512, 0, 8) + struct.pack(">HH", 10, 20) + bytes(4))
resp(hdr(6011, 0x8180, 1, 0, 0, 2) + Q + opt([]) + opt([]))
resp(hdr(6012, 0x8180, 1, 5, 5, 5) + Q + rrs[0])
resp(hdr(6013, 0x8180, 1, 1, 0, 0) + Q + rr(P, 6, b'\x03ns1' + P + b'\x05admin' + P + bytes(10)))
# mDNS
for sport, dport in ((5353, 5353), (40000, 5353), (5353, 40000)):
    pk.append(Ether(**E)/IP(src="192.0.2.9", dst="224.0.0.251")/UDP(sport=sport, dport=dport)/Raw(
        hdr(0, 0x0000, 2, 1, 0, 1) + name("_http._tcp.local") + struct.pack(">HH", 12, 0x8001) + name("x.local") + struct.pack(">HH", 1, 1)
        + rr(b'\xc0\x0c', 12, name("srv._http._tcp.local"), cls=1, ttl=4500) + opt([], size=0x85a0)))
    pk.append(Ether(**E)/IP(src="192.0.2.9", dst="224.0.0.251")/UDP(sport=sport, dport=dport)/Raw(
        hdr(0, 0x8400, 0, 3, 0, 1) + rr(name("x.local"), 1, bytes([192,0,2,9]), cls=0x8001, ttl=120)
        + rr(b'\xc0\x0c', 28, bytes(16), cls=0x8001) + rr(b'\xc0\x0c', 16, b'\x04a=bc', cls=0x0001) + rr(b'\xc0\x0c', 47, b'\xc0\x0c\x00\x04@\x00\x00\x08', cls=0x8001)))
pk.append(Ether(**E)/IPv6(src="fe80::1", dst="ff02::fb")/UDP(sport=5353, dport=5353)/Raw(hdr(0, 0, 1, 0, 0, 0) + name("h.local") + struct.pack(">HH", 255, 0x8001)))
# IPv6 DNS
pk.append(Ether(**E)/IPv6(src="2001:db8::1", dst="2001:db8::53")/UDP(sport=40000, dport=53)/Raw(good[0]))
# TCP
for m in (good[5], good[-1], hdr(7000, 0x8180, 1, 1, 0, 0) + Q + rrs[8]):
    pk.append(Ether(**E)/IP(src="192.0.2.53", dst="192.0.2.1")/TCP(sport=53, dport=40001, flags="PA", seq=1, ack=1)/Raw(struct.pack(">H", len(m)) + m))
pk.append(Ether(**E)/IP(src="192.0.2.53", dst="192.0.2.1")/TCP(sport=53, dport=40001, flags="PA", seq=1, ack=1)/Raw(b'\x00\x0c' + hdr(7001, 0x8180, 0, 0, 0, 0)))
pk.append(Ether(**E)/IP(src="192.0.2.53", dst="192.0.2.1")/TCP(sport=53, dport=40001, flags="PA", seq=1, ack=1)/Raw(b'\x00\x05' + b'abcde'))
pk.append(Ether(**E)/IP(src="192.0.2.53", dst="192.0.2.1")/TCP(sport=53, dport=40001, flags="PA", seq=1, ack=1)/Raw(b'\x00'))
pk.append(Ether(**E)/IP(src="192.0.2.53", dst="192.0.2.1")/TCP(sport=53, dport=40001, flags="PA", seq=1, ack=1)/Raw(b'\x00\x99' + good[0]))
wrpcap("dns-crafted.pcap", stamp(pk))
# truncation: every good message cut at every length (via IP total length kept, capture cut)
tr = []
for m in [good[0], good[10], good[13], good[21], good[35], good[44]]:
    full = Ether(**E)/IP(src="192.0.2.53", dst="192.0.2.1")/UDP(sport=53, dport=40000)/Raw(m)
    b = raw(full)
    for cut in range(42, len(b)):
        p = Ether(b[:cut]); tr.append((p, len(b)))
stamp([p for p, _ in tr])
w = PcapWriter("dns-trunc.pcap", linktype=1, snaplen=65535)
for p, wl in tr:
    p.wirelen = wl
    w.write(p)
w.close()
# random fuzz
random.seed(7)
fz = []
for i in range(600):
    base = bytearray(random.choice(good))
    for _ in range(random.randint(1, 6)):
        k = random.randrange(len(base))
        r = random.random()
        if r < 0.5: base[k] = random.randrange(256)
        elif r < 0.7: base[k] = random.choice([0xc0, 0xc0 | random.randrange(64), 0x41, 0x80, 0x3f, 0])
        elif r < 0.85: del base[k:k + random.randrange(1, 6)]
        else: base[k:k] = bytes(random.randrange(256) for _ in range(random.randrange(1, 5)))
    if len(base) > 12 and random.random() < 0.3:
        base[4:12] = bytes(random.randrange(4) for _ in range(8))
    fz.append(Ether(**E)/IP(src="192.0.2.53", dst="192.0.2.1")/UDP(sport=53 if i % 3 else 5353, dport=40000)/Raw(bytes(base)))
wrpcap("dns-fuzz.pcap", stamp(fz))

