#!/usr/bin/python3
# xtrunc-make-captures.py - tests/captures/xtrunc.pcap for tests/golden/xtrunc.list: packets cut
# short inside printers that end a truncated packet themselves in tcpdump (DNS, GRE, AODV,
# LLDP: -x then dumps from after the link-layer header) and inside ones that do not (TCP, IPv4
# options: the whole packet is dumped).  Expected outputs come from tcpdump only.
import os, struct
from scapy.all import Ether, IP, UDP, TCP, GRE, Raw, DNS, DNSQR, DNSRR

CAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "captures")
E = dict(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")

full = [
    Ether(**E) / IP(src="10.0.0.1", dst="10.0.0.2") / UDP(sport=53, dport=3333) /
    DNS(id=7, qr=1, qd=DNSQR(qname="example.com"), an=DNSRR(rrname="example.com", rdata="10.1.2.3")),
    Ether(**E) / IP(src="10.0.0.1", dst="10.0.0.2") / GRE(key_present=1, key=0x1234, seqnum_present=1, seqence_number=9) /
    IP(src="192.168.0.1", dst="192.168.0.2") / UDP(sport=1, dport=2),
    Ether(**E) / IP(src="10.0.0.1", dst="10.0.0.2") / UDP(sport=654, dport=654) /
    Raw(bytes([1, 0, 0, 3]) + struct.pack("!I", 5) + bytes([10, 0, 0, 9]) + struct.pack("!I", 1) +
        bytes([10, 0, 0, 1]) + struct.pack("!I", 2)),
    Ether(src="02:00:00:00:00:01", dst="01:80:c2:00:00:0e", type=0x88cc) /
    Raw(bytes.fromhex("0207040200000000010403020005060200780a05686f7374310000")),
    Ether(**E) / IP(src="10.0.0.1", dst="10.0.0.2") / TCP(sport=1, dport=2, flags="S", options=[("MSS", 1460), ("SAckOK", b""), ("WScale", 7)]),
    Ether(**E) / IP(src="10.0.0.1", dst="10.0.0.2", options=b"\x44\x0c\x05\x00" + bytes(8)) / UDP(sport=1, dport=2),
]
cuts = {0: [20, 30, 40, 50, 60], 1: [40, 45, 50], 2: [45, 50, 60], 3: [18, 22, 30], 4: [40, 56], 5: [30, 40]}
with open(os.path.join(CAP, "xtrunc.pcap"), "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    i = 0
    for n, pkt in enumerate(full):
        data = bytes(pkt)
        for cut in [len(data)] + cuts[n]:
            f.write(struct.pack("<IIII", 1700000000, i, min(cut, len(data)), len(data)))
            f.write(data[:cut])
            i += 1
