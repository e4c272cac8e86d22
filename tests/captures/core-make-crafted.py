#!/usr/bin/python3
# tests/captures/core-make-crafted.py - write the scapy-crafted core-*.pcap files.
# Run with /usr/bin/python3 (has scapy) from anywhere; writes next to itself.
# Packets are built with scapy and written by a tiny pcap writer below so that
# timestamps, caplen and wire length are fully controlled (truncation cases).
import os, struct
from scapy.all import (Ether, Dot1Q, Dot1AD, IP, IPv6, IPOption, TCP, UDP, Raw,
                       IPv6ExtHdrHopByHop, IPv6ExtHdrFragment, IPv6ExtHdrDestOpt,
                       fragment, conf)

HERE = os.path.dirname(os.path.abspath(__file__))
MAC_A, MAC_B = "02:00:00:c7:00:01", "02:00:00:c7:00:02"
A, B = "10.199.20.1", "10.199.20.2"
A6, B6 = "fd99:199:20::1", "fd99:199:20::2"
T0 = 1700000000  # 2023-11-14 22:13:20 UTC


def write(name, pkts, nano=False, snaplen=262144, linktype=1):
    """pkts: list of bytes/scapy packets, or (data, wirelen) tuples."""
    path = os.path.join(HERE, name)
    magic = 0xa1b23c4d if nano else 0xa1b2c3d4
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", magic, 2, 4, 0, 0, snaplen, linktype))
        for i, p in enumerate(pkts):
            wirelen = None
            if isinstance(p, tuple):
                p, wirelen = p
            data = bytes(p)
            if wirelen is None:
                wirelen = len(data)
            sec = T0 + i // 4
            frac = (i % 4) * 250000 + 1234 + i
            if nano:
                frac = frac * 1000 + 567
            f.write(struct.pack("<IIII", sec, frac, len(data), wirelen))
            f.write(data)
    print("%s: %d packets, %d bytes" % (name, len(pkts), os.path.getsize(path)))


def eth():
    return Ether(src=MAC_A, dst=MAC_B)


def tcp4(**kw):
    args = dict(sport=40000, dport=80, seq=1000, ack=2000, window=512)
    args.update(kw)
    return eth() / IP(src=A, dst=B, id=0x1234) / TCP(**args)


def cut(p, n):
    """(first n bytes of p, original length) - captured short of the wire."""
    b = bytes(p)
    return (b[:n], len(b))


# --- every combination of the 8 TCP flag bits (FIN..CWR), plus the AE/NS bit
flags = []
for fl in range(256):
    flags.append(tcp4(flags=fl, seq=1000 + fl, urgptr=7 if fl & 0x20 else 0))
flags.append(eth() / IP(src=A, dst=B) / TCP(sport=40000, dport=80, flags=0x112, reserved=1))
write("core-flags.pcap", flags)

# --- TCP options
opts = [
    [("MSS", 1460)],
    [("MSS", 536), ("NOP", None), ("WScale", 7), ("SAckOK", b"")],
    [("MSS", 1460), ("SAckOK", b""), ("Timestamp", (12345, 0)), ("NOP", None), ("WScale", 14)],
    [("NOP", None), ("NOP", None), ("Timestamp", (4294967295, 1))],
    [("NOP", None), ("NOP", None), ("SAck", (1001, 2001))],
    [("NOP", None), ("NOP", None), ("SAck", (1001, 2001, 3001, 4001))],
    [("NOP", None), ("NOP", None), ("SAck", (1001, 2001, 3001, 4001, 5001, 6001))],
    [("NOP", None), ("NOP", None), ("SAck", (1001, 2001, 3001, 4001, 5001, 6001, 7001, 8001))],
    [(19, b"\x01" * 16)],                      # TCP MD5 signature
    [(28, b"\x80\x3c")],                        # user timeout, granularity=1 (minutes)
    [(28, b"\x00\x1e")],                        # user timeout 30 s
    [(99, b"\xde\xad")],                        # unknown kind
    [(99, b"")],                                # unknown kind, length 2
    [("EOL", None)],
    [("NOP", None), ("EOL", None), ("NOP", None), ("NOP", None)],
    [(34, b"\x11\x22\x33\x44\x55\x66\x77\x88")],  # TCP fast open cookie
    [(34, b"")],                                # TFO cookie request
    [(254, b"\xf9\x89\x01\x02")],               # experimental, RFC 6994 ExID
    [(253, b"\x12\x34")],
    [(5, b"\x00\x00\x03\xe8")],                 # SACK with a bad length (6)
    [(3, b"\x07\x07")],                         # wscale with a bad length (4)
    [(2, b"\x05")],                             # mss with a bad length (3)
    [(8, b"\x00\x00\x00\x01")],                 # timestamp with a bad length (6)
]
tp = [tcp4(flags="S" if i < 4 else "A", options=o) for i, o in enumerate(opts)]
# option whose length runs past the end of the TCP header
raw = bytes(tcp4(flags="A", options=[("NOP", None), ("NOP", None), (99, b"\x00\x00")]))
raw = bytearray(raw)
raw[14 + 20 + 20 + 3] = 40          # option length 40 > header space
tp.append(Ether(bytes(raw)))
# option with length 0 and length 1 (invalid)
for badlen in (0, 1):
    r = bytearray(bytes(tcp4(flags="A", options=[(99, b"\x00\x00")])))
    r[14 + 20 + 21] = badlen
    tp.append(Ether(bytes(r)))
# with payload and options
tp.append(tcp4(flags="PA", options=[("NOP", None), ("NOP", None), ("Timestamp", (1, 2))]) / Raw(b"GET / HTTP/1.0\r\n\r\n"))
# data offset < 5 and data offset beyond the packet
r = bytearray(bytes(tcp4(flags="A")))
r[14 + 20 + 12] = 0x30
tp.append(Ether(bytes(r)))
r = bytearray(bytes(tcp4(flags="A")))
r[14 + 20 + 12] = 0xf0
tp.append(Ether(bytes(r)))
write("core-tcpopts.pcap", tp)

# --- truncated at each layer (caplen < wire length)
full = tcp4(flags="PA", options=[("MSS", 1460), ("SAckOK", b""), ("Timestamp", (1, 2)), ("NOP", None), ("WScale", 7)]) / Raw(b"x" * 40)
udp = eth() / IP(src=A, dst=B) / UDP(sport=40000, dport=53) / Raw(b"\x12\x34" + b"\x00" * 20)
udp2 = eth() / IP(src=A, dst=B) / UDP(sport=40000, dport=9999) / Raw(b"abcdefghijklmnop")
tcp6 = eth() / IPv6(src=A6, dst=B6) / TCP(sport=40000, dport=80, flags="S", seq=1, window=100, options=[("MSS", 1440)])
tr = [cut(full, n) for n in (6, 13, 14, 20, 33, 34, 40, 53, 54, 60, 66, 70, 80)]
tr += [cut(udp2, n) for n in (36, 40, 41, 45)]
tr += [cut(tcp6, n) for n in (20, 53, 54, 60, 74, 79)]
tr.append(full)
write("core-trunc.pcap", tr)

# --- bad IP headers and IP options
def ipraw(p, off, val):
    r = bytearray(bytes(p)); r[14 + off] = val; return Ether(bytes(r))

good = eth() / IP(src=A, dst=B, id=7, ttl=64) / TCP(sport=1234, dport=80, flags="S", seq=5, window=100)
bi = [
    good,
    ipraw(good, 0, 0x44),                                   # IHL 4 (< 5)
    ipraw(good, 0, 0x40),                                   # IHL 0
    ipraw(good, 0, 0x4f),                                   # IHL 15, past the packet
    ipraw(good, 0, 0x55),                                   # version 5
    ipraw(good, 3, 10),                                     # total length 10 < header
    ipraw(good, 3, 200),                                    # total length > captured
    eth() / IP(src=A, dst=B, chksum=0xdead) / TCP(sport=1234, dport=80, flags="S"),  # bad IP checksum
    eth() / IP(src=A, dst=B) / TCP(sport=1234, dport=80, flags="S", chksum=0xbeef),  # bad TCP checksum
    eth() / IP(src=A, dst=B) / UDP(sport=1234, dport=7777, chksum=0xbeef) / Raw(b"hello"),  # bad UDP checksum
    eth() / IP(src=A, dst=B) / UDP(sport=1234, dport=7777, chksum=0) / Raw(b"hello"),  # no UDP checksum
    eth() / IP(src=A, dst=B, flags="DF", tos=0xb8, ttl=1) / TCP(sport=1234, dport=80, flags="S"),
    eth() / IP(src=A, dst=B, tos=0x03) / TCP(sport=1234, dport=80, flags="S"),  # ECN CE
    eth() / IP(src=A, dst=B, tos=0x01) / UDP(sport=1234, dport=7777) / Raw(b"ect1"),
    eth() / IP(src=A, dst=B, options=[IPOption(b"\x94\x04\x00\x00")]) / TCP(sport=1234, dport=80, flags="S"),  # router alert
    eth() / IP(src=A, dst=B, options=[IPOption(b"\x07\x0b\x04" + bytes(8)), IPOption(b"\x00")]) / UDP(sport=1, dport=2),  # RR
    eth() / IP(src=A, dst=B, options=[IPOption(b"\x01\x01\x01\x00")]) / UDP(sport=1, dport=2),  # NOPs + EOL
    eth() / IP(src=A, dst=B, options=[IPOption(b"\x83\x07\x04\x0a\xc7\x14\x03\x00")]) / TCP(sport=1, dport=2),  # LSRR
    eth() / IP(src=A, dst=B, options=[IPOption(b"\x44\x0c\x05\x00" + bytes(8))]) / UDP(sport=1, dport=2),  # timestamp
    eth() / IP(src=A, dst=B, options=[IPOption(b"\x99\x02\x00\x00")]) / UDP(sport=1, dport=2),  # unknown option
    eth() / IP(src=A, dst=B, proto=253) / Raw(b"\x00" * 8),  # experimental protocol
    eth() / IP(src=A, dst=B, len=28) / UDP(sport=1, dport=2) / Raw(b"pad-past-ip-length"),  # trailing bytes
    eth() / IP(src=A, dst=B) / UDP(sport=1234, dport=7777, len=200) / Raw(b"short"),  # UDP length too big
    eth() / IP(src=A, dst=B) / UDP(sport=1234, dport=7777, len=4) / Raw(b"short"),   # UDP length too small
]
write("core-badip.pcap", bi)

# --- fragments (IPv4 UDP and TCP, IPv6 fragment header)
big = IP(src=A, dst=B, id=0x4242) / UDP(sport=5000, dport=6000) / Raw(b"F" * 120)
fr = [eth() / f for f in fragment(big, fragsize=48)]
bigt = IP(src=A, dst=B, id=0x4343) / TCP(sport=5000, dport=80, flags="PA", seq=9, ack=9) / Raw(b"T" * 60)
fr += [eth() / f for f in fragment(bigt, fragsize=32)]
fr.append(eth() / IP(src=A, dst=B, id=0x4444, flags="MF", frag=0) / Raw(b"\x00" * 4))  # first frag shorter than UDP header
fr.append(eth() / IPv6(src=A6, dst=B6) / IPv6ExtHdrFragment(id=0x1234, m=1, offset=0) / UDP(sport=5000, dport=6000, len=120) / Raw(b"6" * 40))
fr.append(eth() / IPv6(src=A6, dst=B6) / IPv6ExtHdrFragment(id=0x1234, m=0, offset=6, nh=17) / Raw(b"6" * 72))
write("core-frag.pcap", fr)

# --- 802.1Q VLAN, QinQ (802.1ad outer), double 0x8100, priority tags
vl = [
    Ether(src=MAC_A, dst=MAC_B) / Dot1Q(vlan=100) / IP(src=A, dst=B) / TCP(sport=40000, dport=80, flags="S", seq=1),
    Ether(src=MAC_B, dst=MAC_A) / Dot1Q(vlan=100, prio=5) / IP(src=B, dst=A) / TCP(sport=80, dport=40000, flags="SA", seq=1, ack=2),
    Ether(src=MAC_A, dst=MAC_B) / Dot1Q(vlan=0, prio=3) / IP(src=A, dst=B) / UDP(sport=1, dport=7777) / Raw(b"prio"),
    Ether(src=MAC_A, dst=MAC_B, type=0x88a8) / Dot1AD(vlan=200) / Dot1Q(vlan=300) / IP(src=A, dst=B) / UDP(sport=1, dport=7777) / Raw(b"qinq"),
    Ether(src=MAC_A, dst=MAC_B) / Dot1Q(vlan=10) / Dot1Q(vlan=20) / IP(src=A, dst=B) / TCP(sport=1, dport=2, flags="R"),
    Ether(src=MAC_A, dst=MAC_B) / Dot1Q(vlan=4095, id=1) / IPv6(src=A6, dst=B6) / TCP(sport=40000, dport=443, flags="S"),
    cut(Ether(src=MAC_A, dst=MAC_B) / Dot1Q(vlan=100) / IP(src=A, dst=B) / TCP(sport=1, dport=2), 16),  # truncated tag
    Ether(src=MAC_A, dst=MAC_B) / Dot1Q(vlan=100, type=0x9999) / Raw(b"\x00" * 20),  # unknown inner ethertype
]
write("core-vlan.pcap", vl)

# --- IPv6 with extension headers
v6 = [
    eth() / IPv6(src=A6, dst=B6, tc=0xb8, fl=0x12345, hlim=3) / TCP(sport=40000, dport=80, flags="S", options=[("MSS", 1440)]),
    eth() / IPv6(src=A6, dst=B6) / IPv6ExtHdrHopByHop() / TCP(sport=40000, dport=80, flags="A"),
    eth() / IPv6(src=A6, dst=B6) / IPv6ExtHdrDestOpt() / UDP(sport=1, dport=7777) / Raw(b"dst"),
    eth() / IPv6(src=A6, dst=B6, plen=500) / UDP(sport=1, dport=7777) / Raw(b"badplen"),
    eth() / IPv6(src="::", dst="ff02::1") / UDP(sport=1, dport=7777) / Raw(b"mc"),
    eth() / IPv6(src=A6, dst=B6, nh=59) / Raw(b""),  # no next header
]
write("core-ip6.pcap", v6)

# --- nanosecond-resolution pcap
ns = [tcp4(flags="S"), tcp4(flags="SA"), tcp4(flags="A") / Raw(b"nano"), tcp4(flags="FA"), tcp4(flags="A")]
write("core-nano.pcap", ns, nano=True)
