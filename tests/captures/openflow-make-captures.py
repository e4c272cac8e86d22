#!/usr/bin/python3
"""openflow-make-captures.py - crafted OpenFlow captures for tests/golden/openflow.list.

openflow-synth.pcap: headers of every version, OpenFlow 1.0 and 1.3 bodies (valid,
bogus and invalid lengths, partial headers, messages longer than the segment).
openflow-trunc.pcap: the longer of those packets cut short at several snap lengths.
Run with /usr/bin/python3 (scapy); expected outputs come from tcpdump.
"""
import os
import struct
from scapy.all import Ether, IP, TCP, wrpcap, Raw

HERE = os.path.dirname(os.path.abspath(__file__))

def hdr(ver, typ, body=b'', length=None, xid=1):
    if length is None: length = 8 + len(body)
    return struct.pack('!BBHI', ver, typ, length, xid) + body

def pkt(payload, sport=6653, dport=40000):
    return Ether(src='00:11:22:33:44:55', dst='66:77:88:99:aa:bb')/IP(src='10.0.0.1', dst='10.0.0.2')/TCP(sport=sport, dport=dport, flags='PA', seq=1, ack=1)/Raw(payload)

def port13(no=1, cfg=0x41, state=0x7, curr=0x2840, adv=0x10000, sup=0xffff, peer=0, cs=10000000, ms=40000000):
    return struct.pack('!I4s6s2s16sIIIIIIII', no, b'\0'*4, b'\x00\x01\x02\x03\x04\x05', b'\0\0', b'eth1'.ljust(16, b'\0'), cfg, state, curr, adv, sup, peer, cs, ms)

def port10(no=1):
    return struct.pack('!H6s16sIIIIII', no, b'\x00\x0a\x0b\x0c\x0d\x0e', b'ge-1/0/1'.ljust(16, b'\0'), 0x81, 0x201, 0x2a0, 0x1000, 0xfff, 0)

P = []
# --- headers of every version, unknown version, several messages per segment
P.append(pkt(hdr(1,0) + hdr(2,0,xid=2) + hdr(3,5,xid=3) + hdr(4,0,xid=4) + hdr(5,0,xid=5) + hdr(6,0,xid=6) + hdr(7,0,xid=7)))
P.append(pkt(hdr(2, 0x20) + hdr(4, 0x40) + hdr(1, 0x30)))
# 1.3 HELLO with version bitmap element, a bogus element, unknown element
P.append(pkt(hdr(4,0, struct.pack('!HHI', 1, 8, 0x12) + struct.pack('!HH', 1, 4) + struct.pack('!HHI', 7, 8, 0))))
P.append(pkt(hdr(4,0, struct.pack('!HHI', 1, 8, 0xffff0010))))
P.append(pkt(hdr(4,0, struct.pack('!HH', 1, 40) + b'\0'*4)))
P.append(pkt(hdr(4,0, struct.pack('!HH', 1, 8) + b'\0'*3 + struct.pack('!HH', 1, 2))))
# 1.3 ERROR various, with data
P.append(pkt(hdr(4,1, struct.pack('!HH', 1, 6) + b'\x04\x0e\x00\x50' + b'A'*20)))
P.append(pkt(hdr(4,1, struct.pack('!HH', 0xffff, 3)) + hdr(4,1, struct.pack('!HH', 12, 99)) + hdr(4,1, struct.pack('!HH', 77, 1))))
# 1.3 ECHO, EXPERIMENTER
P.append(pkt(hdr(4,2, b'hello world') + hdr(4,3) + hdr(4,4, struct.pack('!II', 0x002320, 7) + b'xyz') + hdr(4,4, struct.pack('!II', 0xff000002, 1)) + hdr(4,4, struct.pack('!II', 0x00a42305, 1))))
P.append(pkt(hdr(4,4, struct.pack('!I', 0x4f4e4600))))
# 1.3 FEATURES
P.append(pkt(hdr(4,5) + hdr(4,6, struct.pack('!QIBBHII', 0x0000001122334455, 256, 254, 0, 0, 0x14f, 0))))
P.append(pkt(hdr(4,6, struct.pack('!QIBBHII', 1, 0, 1, 3, 0, 0x80, 0))))
P.append(pkt(hdr(4,6, b'\0'*20)))
# 1.3 config
P.append(pkt(hdr(4,7) + hdr(4,8, struct.pack('!HH', 0, 0xffe5)) + hdr(4,9, struct.pack('!HH', 2, 128)) + hdr(4,9, struct.pack('!HH', 7, 0xffff))))
# 1.3 unimplemented bodies
P.append(pkt(hdr(4,10, b'\0'*30) + hdr(4,14, b'\0'*50) + hdr(4,18, b'\0'*8) + hdr(4,19, b'\0'*8) + hdr(4,29, b'\0'*8)))
# 1.3 PORT_STATUS
P.append(pkt(hdr(4,12, struct.pack('!B7s', 2, b'\0'*7) + port13())))
P.append(pkt(hdr(4,12, struct.pack('!B7s', 9, b'\0'*7) + port13(no=0xfffffffe, cfg=0x80, state=0x8, curr=0x10000))))
# 1.3 PORT_MOD, TABLE_MOD
P.append(pkt(hdr(4,16, struct.pack('!I4s6s2sIII4s', 0xfffffffd, b'\0'*4, b'\x01\x02\x03\x04\x05\x06', b'\0\0', 0x45, 0x1, 0x20000, b'\0'*4))))
P.append(pkt(hdr(4,17, struct.pack('!B3sI', 0xff, b'\0'*3, 3)) + hdr(4,17, struct.pack('!B3sI', 5, b'\0'*3, 0))))
# barrier, queue get config
P.append(pkt(hdr(4,20) + hdr(4,21) + hdr(4,22, struct.pack('!I4s', 0xffffffff, b'\0'*4)) + hdr(4,23, b'\0'*8)))
# role, async
P.append(pkt(hdr(4,24, struct.pack('!I4sQ', 2, b'\0'*4, 0x123456789)) + hdr(4,25, struct.pack('!I4sQ', 9, b'\0'*4, 0))))
P.append(pkt(hdr(4,26) + hdr(4,27, struct.pack('!IIIIII', 3, 0x10, 7, 0, 1, 0x100)) + hdr(4,28, struct.pack('!IIIIII', 0,0,0,0,0,0))))
# fixlen violations
P.append(pkt(hdr(4,24, b'\0'*8) + hdr(4,5, b'\0'*4) + hdr(1,5, b'\0\0')))
# too short / invalid length
P.append(pkt(hdr(4,0, length=4) + hdr(1,0)))
P.append(pkt(hdr(1,2, length=0)))
# partial headers (end of TCP payload)
P.append(pkt(hdr(1,0) + b'\x01'))
P.append(pkt(hdr(1,0) + b'\x04\x00'))
P.append(pkt(hdr(1,0) + b'\x04\x00\x00\x08\x00'))
# message longer than segment
P.append(pkt(hdr(1,2, b'abcdef', length=100)))
# 1.0 bodies
P.append(pkt(hdr(1,6, struct.pack('!QIB3sII', 0xabcdef, 256, 2, b'\0'*3, 0xff, 0x1fff) + port10(1) + port10(0xfffe))))
P.append(pkt(hdr(1,12, struct.pack('!B7s', 1, b'\0'*7) + port10(3))))
P.append(pkt(hdr(1,15, struct.pack('!H6sIII4s', 5, b'\x01\x02\x03\x04\x05\x06', 1, 0x7f, 0x2000, b'\0'*4))))
P.append(pkt(hdr(1,1, struct.pack('!HH', 2, 4) + b'\x01\x0e\x00\x48') + hdr(1,1, struct.pack('!HH', 9, 4))))
P.append(pkt(hdr(1,4, struct.pack('!I', 0x5c16c7) + struct.pack('!I', 6) + struct.pack('!I', 1) + b'show\x01ver') + hdr(1,4, struct.pack('!II', 0x5c16c7, 8) + b'\0\0\0\1') + hdr(1,4, struct.pack('!II', 0x5c16c7, 99) + b'zz')))
P.append(pkt(hdr(1,4, struct.pack('!IIB3s4s', 0x5c16c7, 0, 3, b'\0'*3, b'\xff\xff\xff\x00')) + hdr(1,4, struct.pack('!IIB3s', 0x5c16c7, 3, 5, b'\0'*3)) + hdr(1,4, struct.pack('!II', 0x5c16c7, 9)) + hdr(1,4, struct.pack('!II', 0x5c16c7, 9) + b'x')))
# flow mod with many actions
acts = (struct.pack('!HHHH', 0, 8, 0xfffd, 128) + struct.pack('!HHH2s', 1, 8, 100, b'\0\0') + struct.pack('!HHB3s', 2, 8, 9, b'\0'*3) + struct.pack('!HH4s', 3, 8, b'\0'*4)
        + struct.pack('!HH6s6s', 4, 16, b'\xaa'*6, b'\0'*6) + struct.pack('!HH4s', 6, 8, b'\x0a\x01\x02\x03') + struct.pack('!HHB3s', 8, 8, 0x10, b'\0'*3)
        + struct.pack('!HHH2s', 9, 8, 80, b'\0\0') + struct.pack('!HHH6sI', 11, 16, 3, b'\0'*6, 0xffffffff) + struct.pack('!HHIIIIB3s', 0xffff, 24, 0x5c16c7, 1, 7, 0x81000064, 1, b'\0'*3)
        + struct.pack('!HHI', 0xffff, 8, 0x002320) + struct.pack('!HH4s', 0x20, 8, b'\0'*4) + struct.pack('!HH', 0, 12) + b'\0'*8)
match = struct.pack('!IH6s6sHBBHBB2sIIHH', 0x00300000 | 0x3ffff & ~0xff & 0, 1, b'\x00\x01\x02\x03\x04\x05', b'\x10\x11\x12\x13\x14\x15', 10, 3, 0, 0x0800, 0x10, 1, b'\0\0', 0x0a000001, 0x0a000002, 8, 0)
P.append(pkt(hdr(1,14, match + struct.pack('!QHHHHIHH', 0x1122, 0, 60, 0, 1000, 0xffffffff, 0, 0x9) + acts)))
match2 = struct.pack('!IH6s6sHBBHBB2sIIHH', 0x003820ef & ~0x10 & ~0x20, 1, b'\0'*6, b'\0'*6, 0, 9, 0, 0x0806, 0, 2, b'\0\0', 0, 0, 0, 0)
P.append(pkt(hdr(1,14, match2 + struct.pack('!QHHHHIHH', 0, 3, 0, 0, 0, 0, 0xfffb, 0x10))))
P.append(pkt(hdr(1,11, match + struct.pack('!QHBBIIH2sQQ', 7, 5, 1, 0, 10, 20, 30, b'\0\0', 100, 2000))))
# packet in/out with data
eth = bytes(Ether(src='00:00:00:00:00:01', dst='ff:ff:ff:ff:ff:ff')/IP(src='1.2.3.4', dst='5.6.7.8')/TCP(sport=1, dport=2))
P.append(pkt(hdr(1,10, struct.pack('!IHHBB', 0xffffffff, len(eth), 1, 0, 0) + eth)))
P.append(pkt(hdr(1,13, struct.pack('!IHH', 0x100, 0xfff8, 8) + struct.pack('!HHHH', 0, 8, 2, 0) + eth)))
# stats request/reply
P.append(pkt(hdr(1,16, struct.pack('!HH', 0, 0)) + hdr(1,16, struct.pack('!HH', 1, 1) + match + struct.pack('!BBH', 0xff, 0, 0xffff)) + hdr(1,16, struct.pack('!HH', 4, 0) + struct.pack('!H6s', 0xfffe, b'\0'*6)) + hdr(1,16, struct.pack('!HH', 5, 0) + struct.pack('!HHI', 1, 0, 0xffffffff)) + hdr(1,16, struct.pack('!HH', 0xffff, 0) + struct.pack('!I', 0x5c16c7) + b'abc') + hdr(1,16, struct.pack('!HH', 3, 0) + b'x') + hdr(1,16, struct.pack('!HH', 9, 0))))
P.append(pkt(hdr(1,17, struct.pack('!HH', 2, 1) + struct.pack('!QQI4s', 10, 20, 30, b'\0'*4)) + hdr(1,17, struct.pack('!HH', 3, 0) + struct.pack('!B3s32sIIIQQ', 0, b'\0'*3, b'table0'.ljust(32, b'\0'), 0x3ff0ff, 1000, 5, 99, 88))))
P.append(pkt(hdr(1,17, struct.pack('!HH', 4, 0) + struct.pack('!H6s12Q', 1, b'\0'*6, *range(1, 13))) + hdr(1,17, struct.pack('!HH', 5, 0) + struct.pack('!H2sIQQQ', 2, b'\0\0', 3, 4, 5, 6)) + hdr(1,17, struct.pack('!HH', 1, 0) + struct.pack('!HBB', 96, 0, 0) + match + struct.pack('!IIHHH6sQQQ', 1, 2, 3, 4, 5, b'\0'*6, 6, 7, 8) + struct.pack('!HHHH', 0, 8, 1, 0))))
desc = b''.join(s.ljust(256, b'\0') for s in (b'Maker', b'HW\x80x', b'SW')) + b'SN1'.ljust(32, b'\0') + b'DP'.ljust(256, b'\0')
P.append(pkt(hdr(1,17, struct.pack('!HH', 0, 0) + desc)))
# queue config
props = struct.pack('!HH4s', 0, 8, b'\0'*4) + struct.pack('!HH4sH6s', 1, 16, b'\0'*4, 500, b'\0'*6) + struct.pack('!HH4sH6s', 1, 16, b'\0'*4, 2000, b'\0'*6) + struct.pack('!HH4s', 7, 8, b'\0'*4)
P.append(pkt(hdr(1,20, struct.pack('!H2s', 1, b'\0\0')) + hdr(1,21, struct.pack('!H6s', 1, b'\0'*6) + struct.pack('!IH2s', 1, 8 + len(props), b'\0\0') + props + struct.pack('!IH2s', 2, 4, b'\0\0'))))
# config
P.append(pkt(hdr(1,7) + hdr(1,8, struct.pack('!HH', 1, 128)) + hdr(1,9, struct.pack('!HH', 3, 0)) + hdr(1,18) + hdr(1,19)))
wrpcap(os.path.join(HERE, 'openflow-synth.pcap'), P)
# truncated versions: cut each packet
T = []
for p in P:
    b = bytes(p)
    if len(b) > 70:
        for cut in (56, 60, 66, 70, 80, 100, 130):
            if cut < len(b):
                q = Ether(b[:cut]); q.wirelen = len(b); T.append(q)
wrpcap(os.path.join(HERE, 'openflow-trunc.pcap'), T)
