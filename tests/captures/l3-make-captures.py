#!/usr/bin/python3
"""Make the l3-*.pcap captures (scapy) for tests/golden/l3.list: IPv4 options,
fragments, IP-in-IP, IPv6 extension headers (hop-by-hop, jumbogram, router
alert, routing types 0/2/4, fragment, destination options, mobility), VLAN and
QinQ, 802.3/LLC/SNAP, UDP lengths and tunnels, and each cut short."""
import os
from scapy.all import (Ether, Dot1Q, Dot1AD, Raw, IP, IPv6, UDP, TCP, ICMP,
                       IPOption, IPv6ExtHdrHopByHop, IPv6ExtHdrDestOpt, IPv6ExtHdrRouting,
                       IPv6ExtHdrFragment, IPv6ExtHdrSegmentRouting, Jumbo, RouterAlert,
                       PadN, Pad1, wrpcap)

D = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000.0
M1, M2 = "00:11:22:33:44:55", "66:77:88:99:aa:bb"


def eth(p, **kw):
    return Ether(src=M1, dst=M2, **kw) / p


def save(name, pkts, cuts=()):
    out = []
    for i, p in enumerate(pkts):
        p.time = T0 + i
        out.append(p)
    # truncated copies: each cut drops bytes from the end of packet k
    for k, n in cuts:
        b = bytes(pkts[k])[:n]
        q = Ether(b)
        q.time = T0 + len(out)
        out.append(q)
    wrpcap(os.path.join(D, name), out)


def cut(p, n):
    return Ether(bytes(p)[:n])


# ---- IPv4 options, fragments, IP-in-IP ----
v4 = []
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", options=[IPOption(b"\x07\x0b\x04" + bytes(8))]) / ICMP()))  # RR
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", options=[IPOption(b"\x83\x0b\x04\x0a\x00\x00\x09\x0a\x00\x00\x0a"), IPOption(b"\x01")]) / UDP(sport=1000, dport=2000) / b"xx"))  # LSRR
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", options=[IPOption(b"\x89\x07\x04\x0a\x00\x00\x0b"), IPOption(b"\x01")]) / TCP(sport=1, dport=2)))  # SSRR
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", options=[IPOption(b"\x44\x0c\x05\x00" + bytes(8))]) / ICMP()))  # TS
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", options=[IPOption(b"\x44\x0c\x0d\x11" + bytes(8))]) / ICMP()))  # TS with addresses
v4.append(eth(IP(src="10.0.0.1", dst="224.0.0.22", options=[IPOption(b"\x94\x04\x00\x00")]) / Raw(b"\x22" + bytes(7))))  # RA, igmp
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", options=[IPOption(b"\x82\x0b" + bytes(9)), IPOption(b"\x01")]) / ICMP()))  # security
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", options=[IPOption(b"\x9e\x06abcd"), IPOption(b"\x00\x00")]) / ICMP()))  # unknown + eol
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", options=[IPOption(b"\x07\x02\x00\x00")]) / ICMP()))  # bad length
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", id=77, flags="MF", frag=0, proto=17) / Raw(bytes(24))))
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", id=77, frag=3, proto=17) / Raw(bytes(16))))
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", id=78, flags="DF", frag=100, proto=6) / Raw(bytes(40))))
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", proto=4) / IP(src="192.168.1.1", dst="192.168.1.2") / ICMP()))
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", proto=41) / IPv6(src="2001:db8::1", dst="2001:db8::2") / UDP(sport=5, dport=6)))
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", proto=99) / Raw(bytes(10))))
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", tos=0x03, ttl=1) / UDP(sport=1234, dport=5678) / Raw(bytes(4))))
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2") / UDP(sport=1234, dport=5678, len=200) / Raw(bytes(4))))  # bad length
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2") / UDP(sport=1234, dport=5678, len=4) / Raw(bytes(4))))  # truncated-udplength
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2") / UDP(sport=1234, dport=5678, chksum=0x1234) / Raw(bytes(4))))  # bad cksum
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2") / UDP(sport=1234, dport=5678, chksum=0) / Raw(bytes(4))))  # no cksum
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2") / UDP(sport=40000, dport=4789) / Raw(b"\x08\x00\x00\x00\x00\x00\x2a\x00") / Ether(src=M2, dst=M1) / IP(src="1.1.1.1", dst="2.2.2.2") / ICMP()))
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2") / UDP(sport=40000, dport=8472) / Raw(b"\x08\x00\x00\x01\x00\x00\x64\x00") / Ether(src=M2, dst=M1) / IP(src="1.1.1.1", dst="2.2.2.2") / ICMP()))
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", ihl=4) / Raw(bytes(20))))  # bad hlen
v4.append(eth(IP(src="10.0.0.1", dst="10.0.0.2", len=10) / Raw(bytes(20))))  # bad total length
save("l3-ipv4.pcap", v4, [(0, 14 + 22), (1, 14 + 30), (3, 14 + 26), (12, 14 + 20 + 10), (16, 14 + 20 + 6), (20, 14 + 28 + 8 + 10)])

# ---- IPv6 extension headers ----
S6, D6 = "2001:db8::1", "2001:db8::2"
v6 = []
v6.append(eth(IPv6(src=S6, dst=D6) / IPv6ExtHdrHopByHop(options=[RouterAlert()]) / UDP(sport=1, dport=2) / b"abcd"))
v6.append(eth(IPv6(src=S6, dst=D6, plen=0) / IPv6ExtHdrHopByHop(options=[Jumbo(jumboplen=8 + 8 + 4)]) / UDP(sport=1, dport=2, len=0) / b"abcd"))
v6.append(eth(IPv6(src=S6, dst=D6) / IPv6ExtHdrHopByHop(options=[Pad1(), PadN(optdata=b"\x00\x00"), Pad1()]) / ICMP()))
v6.append(eth(IPv6(src=S6, dst=D6) / IPv6ExtHdrDestOpt(options=[PadN(optdata=b"\x00" * 4)]) / TCP(sport=3, dport=4)))
v6.append(eth(IPv6(src=S6, dst=D6) / IPv6ExtHdrRouting(type=0, addresses=["2001:db8::10", "2001:db8::11"], segleft=2) / UDP(sport=7, dport=8)))
v6.append(eth(IPv6(src=S6, dst=D6) / IPv6ExtHdrRouting(type=2, addresses=["2001:db8::99"], segleft=1) / UDP(sport=7, dport=8)))
v6.append(eth(IPv6(src=S6, dst=D6) / IPv6ExtHdrSegmentRouting(addresses=["2001:db8::20", "2001:db8::21", "2001:db8::22"], segleft=1, lastentry=2, tag=0x1234) / UDP(sport=9, dport=10)))
v6.append(eth(IPv6(src=S6, dst=D6) / IPv6ExtHdrFragment(id=0x1234, m=1, offset=0) / UDP(sport=11, dport=12) / bytes(16)))
v6.append(eth(IPv6(src=S6, dst=D6) / IPv6ExtHdrFragment(id=0x1234, m=0, offset=3, nh=17) / Raw(bytes(16))))
v6.append(eth(IPv6(src=S6, dst=D6, nh=59) / Raw(b"")))
v6.append(eth(IPv6(src=S6, dst=D6, nh=99) / Raw(bytes(6))))
v6.append(eth(IPv6(src=S6, dst=D6, nh=135) / Raw(b"\x3b\x01\x05\x00\x00\x00\x00\x07\x80\x00\x00\x10\x01\x00\x00\x00")))  # MH BU
v6.append(eth(IPv6(src=S6, dst=D6, nh=135) / Raw(b"\x3b\x02\x06\x00\x00\x00\x00\x80\x00\x07\x00\x20\x04\x04\x00\x01\x00\x02\x00\x00\x00\x00")))  # MH BA + ni
v6.append(eth(IPv6(src=S6, dst=D6, nh=135) / Raw(b"\x3b\x00\x00\x00\x00\x00\x00\x00")))  # BRR
v6.append(eth(IPv6(src=S6, dst=D6, nh=135) / Raw(b"\x3b\x02\x03\x00\x00\x00\x12\x34" + bytes(16))))  # HoT
v6.append(eth(IPv6(src=S6, dst=D6) / IPv6ExtHdrHopByHop() / IPv6ExtHdrDestOpt() / IPv6ExtHdrRouting(addresses=["2001:db8::30"]) / IPv6ExtHdrFragment() / UDP(sport=13, dport=14)))
v6.append(eth(IPv6(src=S6, dst=D6) / IPv6(src="2001:db8::5", dst="2001:db8::6") / UDP(sport=15, dport=16)))
v6.append(eth(IPv6(src=S6, dst=D6) / IP(src="1.2.3.4", dst="5.6.7.8") / UDP(sport=17, dport=18)))
v6.append(eth(IPv6(src=S6, dst=D6) / UDP(sport=19, dport=20, chksum=0x4321) / b"zz"))
save("l3-ipv6.pcap", v6, [(0, 14 + 40 + 4), (4, 14 + 40 + 20), (6, 14 + 40 + 30), (7, 14 + 40 + 5), (11, 14 + 40 + 10), (12, 14 + 40 + 14), (15, 14 + 40 + 10), (1, 14 + 30)])

# ---- VLAN / QinQ / LLC / SNAP ----
import struct


def dot3(body, vlan=None, dst=M2):
    """An 802.3 frame (length field) with LLC body bytes, optionally VLAN-tagged."""
    b = bytes(body)
    hdr = bytes.fromhex(dst.replace(":", "")) + bytes.fromhex(M1.replace(":", ""))
    if vlan is not None:
        hdr += struct.pack("!HH", 0x8100, vlan)
    f = hdr + struct.pack("!H", len(b)) + b
    return Ether(f + bytes(max(0, 60 - len(f))))


def snap(oui, pid, payload):
    return b"\xaa\xaa\x03" + oui.to_bytes(3, "big") + pid.to_bytes(2, "big") + bytes(payload)


l2 = []
l2.append(Ether(src=M1, dst=M2) / Dot1Q(vlan=100, prio=3) / IP(src="10.1.1.1", dst="10.1.1.2") / ICMP())
l2.append(Ether(src=M1, dst=M2, type=0x88a8) / Dot1AD(vlan=200, prio=0) / Dot1Q(vlan=300, id=1) / IP(src="10.1.1.1", dst="10.1.1.2") / UDP(sport=53000, dport=9))
l2.append(Ether(src=M1, dst=M2) / Dot1Q(vlan=5, type=0x1234) / Raw(bytes(20)))  # unknown ethertype in vlan
l2.append(Ether(src=M1, dst=M2, type=0x9999) / Raw(bytes(20)))  # unknown ethertype
l2.append(dot3(snap(0, 0x0800, IP(src="10.2.2.2", dst="10.3.3.3") / ICMP())))
l2.append(dot3(snap(0x00000c, 0x0003, bytes(20))))
l2.append(dot3(snap(0, 0x1234, bytes(20))))
l2.append(dot3(snap(0x123456, 0x0001, bytes(20))))
l2.append(dot3(b"\x06\x06\x03" + bytes(IP(src="10.4.4.4", dst="10.5.5.5") / UDP(sport=1, dport=2))))
l2.append(dot3(b"\x44\x10\x00\x34" + bytes(20)))  # I frame
l2.append(dot3(b"\x44\x45\x05\x01" + bytes(20)))  # S frame, response, poll
l2.append(dot3(b"\xf1\xf0\xaf\x81\x01\x00"))  # XID, group dsap
l2.append(dot3(b"\x04\x04\xf3" + bytes(10)))  # TEST with poll
l2.append(dot3(snap(0x00000c, 0x0003, bytes(10)), vlan=7))
l2.append(dot3(b"\x01\x00\x13" + bytes(30)))
l2.append(dot3(snap(0x0080c2, 0x0007, bytes(30))))
l2.append(dot3(snap(0x0080c2, 0x0007, b"\x00\x00" + bytes(Ether(src=M2, dst=M1) / IP(src="10.6.6.6", dst="10.7.7.7") / ICMP()))))
# (STP and IPX bodies are not decoded by synack, so no such frames here.)
save("l3-l2.pcap", l2, [(0, 14 + 2), (1, 14 + 6), (4, 14 + 2), (4, 14 + 5), (9, 14 + 3), (5, 14 + 6)])
