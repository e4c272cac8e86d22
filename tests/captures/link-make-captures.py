#!/usr/bin/python3
"""Generate the link-*.pcap and arp-*.pcap golden-test captures (synack).

Run from anywhere with /usr/bin/python3 (needs scapy); writes next to this
file.  Expected outputs come from tcpdump 4.99.3, see tests/golden/link.list
and tests/golden/arp.list.  Packets are written with a tiny pcap writer so
that caplen / wire length can be chosen freely (truncated cases).
"""
import os, struct, sys
from scapy.all import IP, IPv6, UDP, TCP, Raw, ARP

D = os.path.dirname(os.path.abspath(__file__)) + '/'

def wpcap(fn, linktype, pkts, snaplen=65535):
    """pkts: bytes, or (bytes, wirelen) for a packet cut short."""
    with open(fn, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, snaplen, linktype))
        t = 1700000000
        for i, p in enumerate(pkts):
            data, wl = p if isinstance(p, tuple) else (p, len(p))
            f.write(struct.pack('<IIII', t + i, 1000 * i, len(data), wl))
            f.write(data)

def mac(s): return bytes(int(x,16) for x in s.split(':'))
def ip4(s): return bytes(int(x) for x in s.split('.'))
def arp(op, sha, spa, tha, tpa, hrd=1, pro=0x0800, hln=None, pln=None):
    hln = len(sha) if hln is None else hln
    pln = len(spa) if pln is None else pln
    return struct.pack('>HHBBH', hrd, pro, hln, pln, op) + sha + spa + tha + tpa
def eth(t, payload, dst=b'\xff'*6, src=mac('00:11:22:33:44:55')):
    return dst + src + struct.pack('>H', t) + payload
A = mac('00:11:22:33:44:55'); B = mac('66:77:88:99:aa:bb'); Z = b'\0'*6
a1 = ip4('10.0.0.1'); a2 = ip4('10.0.0.2')
pk = []
pk.append(eth(0x806, arp(1, A, a1, Z, a2)))
pk.append(eth(0x806, arp(2, B, a2, A, a1)))
pk.append(eth(0x806, arp(1, A, a1, Z, a1)))              # gratuitous req
pk.append(eth(0x806, arp(2, A, a1, b'\xff'*6, a1)))      # gratuitous reply
pk.append(eth(0x806, arp(1, A, a1, B, a2)))              # nonzero tha
pk.append(eth(0x8035, arp(3, A, Z[:4], A, Z[:4])))       # rarp req
pk.append(eth(0x8035, arp(4, B, a2, A, a1)))             # rarp reply
pk.append(eth(0x806, arp(8, A, a1, B, Z[:4])))           # inarp
pk.append(eth(0x806, arp(9, B, a2, A, a1)))
pk.append(eth(0x806, arp(10, B, a2, A, a1)))
pk.append(eth(0x806, arp(5, B, a2, A, a1)))              # unknown op
pk.append(eth(0x806, arp(1, A, a1, Z, a2, hrd=6)))
pk.append(eth(0x806, arp(2, b'\x50', a1, b'\x00', a2, hrd=7)))
pk.append(eth(0x806, arp(2, b'\x18\x41', a1, b'\x00\x00', a2, hrd=15)))  # FR
pk.append(eth(0x806, arp(1, b'\x18\x41', a1, b'\x04\x01', a2, hrd=15)))
pk.append(eth(0x806, arp(2, bytes(range(16)), a1, b'\0'*16, a2, hrd=24)))
pk.append(eth(0x806, arp(2, bytes(range(20)), a1, b'\0'*20, a2, hrd=32)))
pk.append(eth(0x806, arp(2, A, a1, Z, a2, hrd=99)))
pk.append(eth(0x806, arp(1, A, b'\0'*16, Z, b'\0'*16, pro=0x86dd)))
pk.append(eth(0x806, arp(1, A, a1+b'\0\0', Z, a2+b'\0\0')))
pk.append(eth(0x806, arp(1, b'', a1, b'', a2)))
pk.append(eth(0x806, arp(1, A, a1, Z, a2, pro=0x1000)))
pk.append(eth(0x806, arp(2, A, a1, Z, a2, pro=0x1234)))
pk.append(eth(0x806, arp(1, A, a1, Z, a2))[:14+7])       # trunc fixed hdr
pk.append(eth(0x806, arp(1, A, a1, Z, a2))[:14+8])
pk.append(eth(0x806, arp(1, A, a1, Z, a2))[:14+27])      # trunc TPA
pk.append((eth(0x806, arp(1, A, a1, Z, a2))[:14+27], 60))
pk.append((eth(0x806, arp(1, A, a1, Z, a2)), 60))         # wire longer
pk.append(eth(0x806, arp(1, A, a1, Z, a2) + b'\0'*18))   # padded
pk.append(eth(0x806, arp(2, mac('ff:ff:ff:ff:ff:ff'), a1, Z, a2)))
pk.append(eth(0x806, arp(2, mac('01:00:5e:00:00:01'), a1, Z, a2)))
pk.append(eth(0x806, arp(1, A, a1, b'\x00\x00\x00\x00\x00\x01', a2)))
pk.append(eth(0x806, arp(3, A, a1, B, a2, hrd=7, hln=6)))
pk.append(eth(0x806, arp(4, A, a1, B, a2, pln=4, pro=0x86dd)))
pk.append(eth(0x806, arp(8, A, a1, B, a2, hrd=15)))
pk.append(eth(0x806, arp(9, A, a1, B, a2, hrd=15)))
pk.append(eth(0x806, arp(0x1234, A, a1, B, a2, pro=0x86dd)))
pk.append(eth(0x806, arp(2, mac('00:00:0c:01:02:03'), a1, Z, a2)))
pk.append(eth(0x806, arp(2, b'', a1, b'', a2)))                  # hln 0: <empty>
pk.append(eth(0x806, arp(3, b'', a1, b'', a2, hrd=15)))
pk.append(eth(0x806, arp(2, A, a1, Z, a2, pro=0x0200)))         # PUP
pk.append(eth(0x806, arp(2, b'\x18\x40\x01', a1, b'\0\0\0', a2, hrd=15)))   # 3-byte Q.922
pk.append(eth(0x806, arp(2, b'\x18\x40\x00\x01', a1, b'\0'*4, a2, hrd=15)))  # 4-byte Q.922
pk.append(eth(0x806, arp(2, b'\x19\x41', a1, b'\0\0', a2, hrd=15)))  # EA set: invalid
wpcap(D+'arp-misc.pcap', 1, pk)
# ATM ARP (hrd 19): shtl sstl op spln thtl tstl tpln
def atm(op, sha, ssa, spa, tha, tsa, tpa, pro=0x0800, e164=0):
    return struct.pack('>HHBBHBBBB', 19, pro, len(sha)|e164, len(ssa), op, len(spa), len(tha), len(tsa), len(tpa)) + sha+ssa+spa+tha+tsa+tpa
s20 = bytes(range(0x40,0x54))
pk = [eth(0x806, atm(1, s20, b'', a1, b'', b'', a2)), eth(0x806, atm(2, s20, b'', a1, s20, b'', a2)),
      eth(0x806, atm(2, s20, b'\x01\x02', a1, b'', b'', a2)),
      eth(0x806, atm(8, s20, b'', a1, s20, b'', a2)), eth(0x806, atm(9, s20, b'', a1, b'', b'', a2)),
      eth(0x806, atm(10, s20, b'', a1, b'', b'', a2)), eth(0x806, atm(1, s20, b'', a1, s20, b'\x05', a2)),
      eth(0x806, atm(7, s20, b'', a1, b'', b'', a2)), eth(0x806, atm(1, b'', b'', a1, b'', b'', a2)),
      eth(0x806, atm(1, s20, b'', a1, b'', b'', a2, pro=0x86dd)), eth(0x806, atm(1, s20, b'', a1+b'\0', b'', b'', a2)),
      eth(0x806, atm(1, s20, b'', a1, b'', b'', a2))[:14+11], eth(0x806, atm(1, s20, b'', a1, b'', b'', a2))[:14+12],
      eth(0x806, atm(1, s20, b'', a1, b'', b'', a2))[:14+40]]
wpcap(D+'arp-atm.pcap', 1, pk)
def b(x): return bytes(x)
ip = b(IP(src='10.0.0.1',dst='10.0.0.2')/UDP(sport=1234,dport=9999)/Raw(b'hello world\r\nfoo\tbar \x01\x80\xff\r\rend\r'))
ip6 = b(IPv6(src='fe80::1',dst='ff02::1')/UDP(sport=1,dport=2)/Raw(b'abc'))
arpq = b(ARP(op=1,psrc='10.0.0.1',pdst='10.0.0.2',hwsrc='00:11:22:33:44:55'))
def sll(pkttype, proto, payload, hatype=1, halen=6, addr=b'\x00\x11\x22\x33\x44\x55\x00\x00'):
    return struct.pack('>HHH8sH', pkttype, hatype, halen, addr[:8].ljust(8,b'\0'), proto) + payload
pk = [sll(t, 0x0800, ip) for t in range(6)]
pk += [sll(0, 0x86dd, ip6, halen=0), sll(0, 0x1234, b'\x01\x02\x03\x04\x05'),
       sll(4, 0x1234, b'\x01\x02\x03\x04\x05\x06', hatype=772), sll(0, 0x0005, b'\x42\x42\x03'),
       sll(0, 0x8100, b'\x20\x05\x08\x00'+ip), sll(0, 0x8100, b'\xf0\x07\x86\xdd'+ip6),
       sll(0, 0x8100, b'\x20\x05\x12\x34'+b'xyz'), sll(0, 0x8100, b'\x20'), sll(0, 0x0806, arpq),
       sll(0, 0x0800, b'')[:10], (sll(0, 0x0800, ip)[:30], len(ip)+16),
       sll(3, 0x0800, ip, hatype=0xffff, halen=4, addr=b'\x01\x02\x03\x04'),
       sll(0, 0x0800, ip, halen=8, addr=b'\x01\x02\x03\x04\x05\x06\x07\x08'),
       sll(0, 0x0800, ip)[:16], sll(2, 0x6004, b'\x00'*17), sll(1, 0x8035, arpq)]
wpcap(D+'link-sll.pcap', 113, pk)
def sll2(pkttype, proto, payload, ifidx=1000, hatype=1, halen=6, addr=b'\x00\x11\x22\x33\x44\x55\x00\x00'):
    return struct.pack('>HHIHBB8s', proto, 0, ifidx, hatype, pkttype, halen, addr) + payload
pk = [sll2(t, 0x0800, ip) for t in range(6)]
pk += [sll2(0, 0x86dd, ip6, ifidx=1, halen=0), sll2(0, 0x1234, b'\x01\x02\x03\x04\x05'),
       sll2(0, 0x0005, b'\x42\x42\x03'), sll2(0, 0x8100, b'\x20\x05\x08\x00'+ip),
       sll2(0, 0x0800, b'')[:18], sll2(0, 0x0800, ip, ifidx=0xffffffff), sll2(4, 0x0806, arpq, ifidx=0),
       sll2(0, 0x8100, b'\x30\x05\x99\x99'+b'abcdefghijklmnopq')]
wpcap(D+'link-sll2.pcap', 276, pk)
def nul(fam, payload, be=False): return struct.pack('>I' if be else '<I', fam) + payload
wpcap(D+'link-null.pcap', 0, [nul(2, ip), nul(24, ip6), nul(28, ip6), nul(30, ip6), nul(2, ip, be=True),
      nul(30, ip6, be=True), nul(2,b'')[:3], nul(0x11223344, b'ab'), nul(2, b'\x45'), nul(26, ip6), nul(10, ip6),
      nul(6, b'\x01'*19)])
wpcap(D+'link-loop.pcap', 108, [nul(2, ip, be=True), nul(24, ip6, be=True), nul(28, ip6, be=True),
      nul(30, ip6, be=True), nul(99, b'\x01\x02\x03', be=True), nul(2, ip), nul(2,b'')[:2], nul(30, ip6)])
wpcap(D+'link-raw.pcap', 101, [ip, ip6, b'\x00\x01\x02', b'\x45', b'\x65\x00\x00\x10'+b'\0'*12, (ip[:20], len(ip)), b'\xf0'])
wpcap(D+'link-raw12.pcap', 12, [ip, ip6, b'\x70\x01'])
wpcap(D+'link-ipv4.pcap', 228, [ip, ip6])
wpcap(D+'link-ipv6.pcap', 229, [ip6, ip])
# dump formats: raw IP so the link header length is 0
pl = [b'', b'a', b'ab', b'abc', bytes(range(256)), b'GET / HTTP/1.1\r\nHost: x\r\n\r\n', b'x\ry', b'xy\r', b'x\rz\r', b'\r\n\r\n', b'line1\nline2\n\t tab\x7f\x80\xfe']
pk = [b(IP(src='10.0.0.1',dst='10.0.0.2')/TCP(sport=80,dport=1000,flags='PA')/Raw(x)) for x in pl if x] 
pk += [b(IP(src='10.0.0.1',dst='10.0.0.2')/UDP(sport=53,dport=1000)/Raw(b'q'*n)) for n in (1,2,3,14,15,16,17,31,32,33)]
pk += [(pk[4][:37], len(pk[4])), (pk[4][:20], len(pk[4]))]
wpcap(D+'link-hexdump.pcap', 101, pk)
# the same on cooked v1 (link header excluded / included)
wpcap(D+'link-hexdump-sll.pcap', 113, [sll(0, 0x0800, x) for x in pk[:12] if isinstance(x, bytes)] + [sll(0,0x1234,b'z'*33), sll(0, 0x8100, b'\x20')])
