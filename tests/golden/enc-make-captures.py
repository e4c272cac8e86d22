#!/usr/bin/python3
# enc-make-captures.py - captures for tests/golden/enc.list and tests/decode/agree.sh:
# the ordinary HTTP connection of tests/captures/core-http.pcap (IPv4) and
# core-http6.pcap (IPv6), re-wrapped inside each encapsulation the decoder
# follows.  Writes tests/captures/enc-*.pcap.  Run: /usr/bin/python3 tests/golden/enc-make-captures.py
import os, struct
from scapy.all import (Ether, Dot1Q, Dot1AD, IP, IPv6, UDP,
                       Raw, rdpcap, wrpcap, CookedLinux)

HERE = os.path.dirname(os.path.abspath(__file__))
CAP = os.path.join(HERE, "..", "captures")
MAC_A, MAC_B = "02:00:00:00:00:01", "02:00:00:00:00:02"
O4A, O4B = "10.198.1.1", "10.198.1.2"          # outer IPv4 tunnel endpoints
O6A, O6B = "fd00::1:1", "fd00::1:2"            # outer IPv6 tunnel endpoints

def inner(name):
    """IP packets (bytes) and timestamps of the HTTP connection in tests/captures/NAME."""
    out = []
    for p in rdpcap(os.path.join(CAP, name)):
        out.append((bytes(p[Ether].payload), p.time))
    return out

def ip_of(b):
    return IP(b) if b[0] >> 4 == 4 else IPv6(b)

def fwd(b):
    """1 when the packet goes client -> server (destination port 80)."""
    p = ip_of(b)
    return p.payload.dport == 80

def outer4(b, proto, payload):
    a, z = (O4A, O4B) if fwd(b) else (O4B, O4A)
    return Ether(src=MAC_A, dst=MAC_B) / IP(src=a, dst=z, proto=proto, id=1, flags="DF") / payload

def outer6(b, nh, payload):
    a, z = (O6A, O6B) if fwd(b) else (O6B, O6A)
    return Ether(src=MAC_A, dst=MAC_B) / IPv6(src=a, dst=z, nh=nh) / payload

def ethertype_of(b):
    return 0x0800 if b[0] >> 4 == 4 else 0x86dd

def inner_eth(b):
    return Ether(src="02:00:00:00:01:01", dst="02:00:00:00:01:02", type=ethertype_of(b)) / Raw(b)

def gre_hdr(ptype, csum=False, key=None, seq=None):
    flags = (0x8000 if csum else 0) | (0x2000 if key is not None else 0) | (0x1000 if seq is not None else 0)
    h = struct.pack(">HH", flags, ptype)
    if csum:
        h += b"\0\0\0\0"
    if key is not None:
        h += struct.pack(">I", key)
    if seq is not None:
        h += struct.pack(">I", seq)
    return h

def gre_csum(b):
    """Fill the GRE checksum (RFC 2784: over the GRE header and payload)."""
    s = 0
    data = b + (b"\0" if len(b) % 2 else b"")
    for i in range(0, len(data), 2):
        s += (data[i] << 8) | data[i + 1]
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    c = ~s & 0xffff
    return b[:4] + struct.pack(">H", c) + b[6:]

def write(name, pkts):
    wrpcap(os.path.join(CAP, name), pkts)

def build(name, src, wrap):
    pkts = []
    for i, (b, t) in enumerate(inner(src)):
        p = wrap(i, b)
        p.time = t
        pkts.append(p)
    write(name, pkts)

H4, H6 = "core-http.pcap", "core-http6.pcap"
E = lambda: Ether(src=MAC_A, dst=MAC_B)

# VLAN: 802.1Q with type 0x9200 as the outer tag, and QinQ 802.1ad
build("enc-vlan9200.pcap", H4, lambda i, b: Ether(src=MAC_A, dst=MAC_B, type=0x9200) /
      Raw(struct.pack(">HH", 0x2000 | 12, 0x0800) + b))
build("enc-qinq.pcap", H4, lambda i, b: E() / Dot1AD(vlan=100, prio=1) / Dot1Q(vlan=200, type=0x0800) / Raw(b))
# MPLS: two labels, then IPv4; one label then IPv6
build("enc-mpls.pcap", H4, lambda i, b: Ether(src=MAC_A, dst=MAC_B, type=0x8847) /
      Raw(struct.pack(">II", (1000 << 12) | (2 << 9) | 64, (2000 << 12) | (0 << 9) | 0x100 | 63) + b))
build("enc-mpls6.pcap", H6, lambda i, b: Ether(src=MAC_A, dst=MAC_B, type=0x8847) /
      Raw(struct.pack(">I", (17 << 12) | 0x100 | 255) + b))
# PPPoE session: IPv4 (PPP 0x0021) and IPv6 (0x0057)
def pppoe(ppp):
    def w(i, b):
        body = struct.pack(">H", ppp) + b
        return Ether(src=MAC_A, dst=MAC_B, type=0x8864) / Raw(struct.pack(">BBHH", 0x11, 0, 0x1234, len(body)) + body)
    return w
build("enc-pppoe.pcap", H4, pppoe(0x0021))
build("enc-pppoe6.pcap", H6, pppoe(0x0057))
# GRE: plain, key + sequence, checksum, IPv6 payload, transparent Ethernet, GRE over IPv6
build("enc-gre.pcap", H4, lambda i, b: outer4(b, 47, Raw(gre_hdr(0x0800) + b)))
build("enc-gre-keyseq.pcap", H4, lambda i, b: outer4(b, 47, Raw(gre_hdr(0x0800, key=0x2a, seq=i + 1) + b)))
build("enc-gre-csum.pcap", H4, lambda i, b: outer4(b, 47, Raw(gre_csum(gre_hdr(0x0800, csum=True) + b))))
build("enc-gre6.pcap", H6, lambda i, b: outer4(b, 47, Raw(gre_hdr(0x86dd, key=7) + b)))
build("enc-gre-eth.pcap", H4, lambda i, b: outer4(b, 47, Raw(gre_hdr(0x6558) + bytes(inner_eth(b)))))
build("enc-gre-ip6.pcap", H4, lambda i, b: outer6(b, 47, Raw(gre_hdr(0x0800) + b)))
# IP in IP, 6in4, 4in6, 6in6
build("enc-ipip.pcap", H4, lambda i, b: outer4(b, 4, Raw(b)))
build("enc-6in4.pcap", H6, lambda i, b: outer4(b, 41, Raw(b)))
build("enc-4in6.pcap", H4, lambda i, b: outer6(b, 4, Raw(b)))
# VXLAN (UDP 4789) and GENEVE (UDP 6081), each carrying Ethernet
def udp_tun(port, hdr):
    def w(i, b):
        a, z = (O4A, O4B) if fwd(b) else (O4B, O4A)
        return E() / IP(src=a, dst=z, id=1) / UDP(sport=50000 + i, dport=port) / Raw(hdr + bytes(inner_eth(b)))
    return w
build("enc-vxlan.pcap", H4, udp_tun(4789, struct.pack(">II", 0x08000000, 4242 << 8)))
build("enc-geneve.pcap", H4, udp_tun(6081, struct.pack(">BBHI", 0, 0, 0x6558, 77 << 8)))
# ERSPAN type II (GRE 0x88be, with sequence) and type III (0x22eb)
def erspan(ver):
    def w(i, b):
        if ver == 2:
            eh = struct.pack(">HHI", (1 << 12) | 10, 5, 0)
            g = gre_hdr(0x88be, seq=i + 1)
        else:
            eh = struct.pack(">HHII", (2 << 12) | 10, 5, 0, 0)
            g = gre_hdr(0x22eb, seq=i + 1)
        return outer4(b, 47, Raw(g + eh + bytes(inner_eth(b))))
    return w
build("enc-erspan2.pcap", H4, erspan(2))
build("enc-erspan3.pcap", H4, erspan(3))
# Linux cooked v1 around an MPLS-less GRE (link layer other than Ethernet), and BSD loopback + IPIP
def sll(i, b):
    return CookedLinux(pkttype=0, lladdrtype=1, lladdrlen=6, src=b"\x02\0\0\0\0\x01\0\0", proto=0x0800) / \
        IP(src=O4A, dst=O4B, proto=47) / Raw(gre_hdr(0x0800) + b)
build("enc-sll-gre.pcap", H4, sll)

# Edge cases for the printers (one file): GRE flags, routing, version 1 (PPTP),
# unknown versions and protocols, truncation at every field; MPLS reserved
# labels, unknown payloads, missing bottom of stack; PPPoE discovery tags, bad
# version/type/length, PPP control protocols, unknown PPP protocols.
def ipgre(g):
    return E() / IP(src=O4A, dst=O4B, proto=47, id=2) / Raw(g)
b0, _ = inner(H4)[0]
b3, _ = inner(H4)[3]
X = []
X.append(ipgre(gre_hdr(0x0800, csum=True, key=1, seq=2) + b0))
X.append(ipgre(struct.pack(">HH", 0x4000, 0x0800) + struct.pack(">HH", 0, 0) +
               struct.pack(">HBB", 0x0800, 4, 8) + bytes([192, 0, 2, 1, 192, 0, 2, 2]) + struct.pack(">HBB", 0, 0, 0) + b0))
X.append(ipgre(struct.pack(">HH", 0x4000, 0x0800) + struct.pack(">HH", 0, 0) +
               struct.pack(">HBB", 0xfffe, 2, 4) + struct.pack(">HH", 65001, 65002) + struct.pack(">HBB", 0, 0, 0) + b0))
X.append(ipgre(struct.pack(">HH", 0x4000, 0x0800) + struct.pack(">HH", 0, 0) +
               struct.pack(">HBB", 0x0800, 3, 8) + bytes(8) + struct.pack(">HBB", 0, 0, 0) + b0))
X.append(ipgre(struct.pack(">HH", 0x4000, 0x0800) + struct.pack(">HH", 0, 0) +
               struct.pack(">HBB", 0x1234, 0, 4) + bytes(4) + struct.pack(">HBB", 0, 0, 0) + b0))
X.append(ipgre(struct.pack(">HH", 0x0800 | 0x0080, 0x0800) + b0))
X.append(ipgre(struct.pack(">HH", 0x0002, 0x0800) + b0))                         # version 2
X.append(ipgre(struct.pack(">HH", 0x0000, 0x1234) + b"abcdefgh"))               # unknown protocol
X.append(ipgre(struct.pack(">HH", 0x3081, 0x880b) + struct.pack(">HHII", 24, 7, 5, 4) +
               b"\xff\x03\x00\x21" + b0))                                       # v1 key+seq+ack, PPP IP
X.append(ipgre(struct.pack(">HH", 0x2081, 0x880b) + struct.pack(">HHI", 0, 7, 9)))  # v1 ack only
X.append(ipgre(struct.pack(">HH", 0x3001, 0x880b) + struct.pack(">HHI", 8, 7, 5) + b"\xc0\x21\x09\x01\x00\x08\x11\x22\x33\x44"))
X.append(ipgre(struct.pack(">HH", 0x3001, 0x880b) + struct.pack(">HHI", 8, 7, 5) + b"\x80\x21\x01\x02\x00\x04"))
X.append(ipgre(struct.pack(">HH", 0x3001, 0x880b) + struct.pack(">HHI", 8, 7, 5) + b"\xc0\x21\x0a\x03\x00\x0c\x11\x22\x33\x44\xaa\xbb\xcc\xdd"))
X.append(ipgre(struct.pack(">HH", 0x3001, 0x880b) + struct.pack(">HHI", 8, 7, 5) + b"\xc0\x21\x05\x04\x00\x04"))
X.append(ipgre(struct.pack(">HH", 0x3001, 0x880b) + struct.pack(">HHI", 8, 7, 5) + b"\x12\x34\x01\x02\x03"))
X.append(ipgre(struct.pack(">HH", 0x3001, 0x880b) + struct.pack(">HHI", 8, 7, 5) + b"\x21" + b0))  # PFC
for cut_at in (1, 3, 5, 7, 9, 11, 13, 15):
    g = gre_hdr(0x0800, csum=True, key=1, seq=2) + b0
    X.append(ipgre(g[:cut_at]))
X.append(ipgre(gre_hdr(0x6558) + b"\x02\0\0\0"))                                 # TEB, short frame
X.append(ipgre(gre_hdr(0x8847) + struct.pack(">I", (5 << 12) | 0x100 | 9) + b0))   # MPLS in GRE
def mpls(labels, payload):
    h = b""
    for i, l in enumerate(labels):
        h += struct.pack(">I", (l << 12) | (3 << 9) | (0x100 if i == len(labels) - 1 else 0) | 7)
    return Ether(src=MAC_A, dst=MAC_B, type=0x8847) / Raw(h + payload)
b6, _ = inner(H6)[0]
for l in range(0, 16):
    X.append(mpls([l], b0 if l != 2 else b6))
X.append(mpls([100], b"\x12\x34\x56"))
X.append(mpls([100], b""))
X.append(mpls([100, 200, 300], b"\x44" + b0[1:]))
X.append(Ether(src=MAC_A, dst=MAC_B, type=0x8847) / Raw(struct.pack(">I", 100 << 12)))    # no bottom label
X.append(Ether(src=MAC_A, dst=MAC_B, type=0x8847) / Raw(b"\x00\x01"))
X.append(Ether(src=MAC_A, dst=MAC_B, type=0x8848) / Raw(struct.pack(">I", (3 << 12) | 0x100 | 1) + b0))
def pppoe_raw(et, vt, code, sid, body, plen=None):
    return Ether(src=MAC_A, dst=MAC_B, type=et) / Raw(struct.pack(">BBHH", vt, code, sid, len(body) if plen is None else plen) + body)
tags = struct.pack(">HH", 0x0101, 0) + struct.pack(">HH", 0x0102, 6) + b"my-acs" + \
    struct.pack(">HH", 0x0103, 4) + b"\x01\x02\x03\x04" + struct.pack(">HH", 0x0104, 3) + b"ab\x01" + \
    struct.pack(">HH", 0x0999, 2) + b"\xff\xfe" + struct.pack(">HH", 0, 0)
for code in (0x09, 0x07, 0x19, 0x65, 0xa7, 0x33):
    X.append(pppoe_raw(0x8863, 0x11, code, 0 if code in (9, 7, 0x19) else 0x42, tags))
X.append(pppoe_raw(0x8863, 0x11, 0x09, 0, tags, plen=2000))
X.append(pppoe_raw(0x8863, 0x22, 0x07, 0, tags))
X.append(pppoe_raw(0x8864, 0x11, 0, 0x42, b"\xc0\x21\x09\x07\x00\x08\xa4\xcb\xea\x34"))
X.append(pppoe_raw(0x8864, 0x11, 0, 0x42, b"\x00\xfd\x01\x02"))
X.append(pppoe_raw(0x8864, 0x11, 0, 0x42, b"\x02\x81" + struct.pack(">I", (3 << 12) | 0x100 | 1) + b0))
X.append(pppoe_raw(0x8864, 0x11, 0, 0, b"\x00"))
X.append(Ether(src=MAC_A, dst=MAC_B, type=0x8864) / Raw(b"\x11\x00\x00"))
# LCP configure options (-v): the ones synack decodes, bogus lengths, names only
def lcp(code, ident, opts):
    body = bytes([code, ident]) + struct.pack(">H", 4 + len(opts)) + opts
    b = b"\xc0\x21" + body
    return Ether(src=MAC_A, dst=MAC_B, type=0x8864) / Raw(struct.pack(">BBHH", 0x11, 0, 0x42, len(b)) + b)
def lcpopt(t, v):
    return bytes([t, 2 + len(v)]) + v
for t in [1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 17, 18, 19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30]:
    X.append(lcp(1, t, lcpopt(t, b"\x01\x02\x03\x04")))
X.append(lcp(1, 1, lcpopt(1, b"\x05\xd4") + lcpopt(2, b"\0\0\0\0") + lcpopt(3, b"\xc0\x23") +
             lcpopt(5, b"\x11\x22\x33\x44") + lcpopt(7, b"") + lcpopt(8, b"")))
X.append(lcp(2, 2, lcpopt(3, b"\xc2\x23\x05") + lcpopt(17, b"\x06\x4e")))
X.append(lcp(3, 3, lcpopt(1, b"\x05")))
X.append(lcp(4, 4, lcpopt(13, b"\x06")))
X.append(lcp(1, 5, lcpopt(19, b"\x00") + lcpopt(19, b"\x01\x02\x03\x04\x05\x06")))
for i, p in enumerate(X):
    p.time = 1700000000 + i / 1000
write("enc-edge.pcap", X)

# Other link layers around tunnels: raw IP (LINKTYPE_RAW) with IP in IP, Linux
# cooked v2 with PPPoE + PPP, BSD null (little-endian AF_INET6) with 4in6.
def linkfile(name, src, linktype, wrap):
    pkts = []
    for i, (b, t) in enumerate(inner(src)):
        p = Raw(wrap(i, b))
        p.time = t
        pkts.append(p)
    wrpcap(os.path.join(CAP, name), pkts, linktype=linktype)
def raw_ipip(i, b):
    a, z = (O4A, O4B) if fwd(b) else (O4B, O4A)
    return bytes(IP(src=a, dst=z, proto=4, id=3) / Raw(b))
def sll2_pppoe(i, b):
    body = struct.pack(">H", 0x0021) + b
    pl = struct.pack(">BBHH", 0x11, 0, 0x77, len(body)) + body
    # protocol, reserved, ifindex (1000: no such interface, printed as "?"), arphrd, pkttype, addr len, addr(8)
    hdr = struct.pack(">HHIHBB", 0x8864, 0, 1000, 1, 0 if fwd(b) else 4, 6) + b"\x02\0\0\0\0\x01\0\0"
    return hdr + pl
def null_4in6(i, b):
    a, z = (O6A, O6B) if fwd(b) else (O6B, O6A)
    return struct.pack("<I", 30) + bytes(IPv6(src=a, dst=z, nh=4) / Raw(b))
linkfile("enc-raw-ipip.pcap", H4, 101, raw_ipip)
linkfile("enc-sll2-pppoe.pcap", H4, 276, sll2_pppoe)
linkfile("enc-null-4in6.pcap", H4, 0, null_4in6)
