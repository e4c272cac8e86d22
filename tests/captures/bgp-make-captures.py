#!/usr/bin/python3
# bgp-make-captures.py - builds the BGP and RPKI-RTR golden-test captures
# (bgp-msgs.pcap, bgp-trunc.pcap, bgp-rpki.pcap) from raw bytes with scapy.
import struct
from scapy.all import Ether, IP, IPv6, TCP, Raw, wrpcap

M = b'\xff' * 16

def msg(t, body):
    return M + struct.pack('!HB', 19 + len(body), t) + body

def attr(flags, t, val):
    if flags & 0x10:
        return struct.pack('!BBH', flags, t, len(val)) + val
    return struct.pack('!BBB', flags, t, len(val)) + val

def pkt(payload, sport=40000, dport=179, v6=False):
    ip = IPv6(src='2001:db8::1', dst='2001:db8::2') if v6 else IP(src='10.0.0.1', dst='10.0.0.2')
    return Ether(src='00:00:00:00:00:01', dst='00:00:00:00:00:02') / ip / \
        TCP(sport=sport, dport=dport, flags='PA', seq=1000, ack=2000) / Raw(payload)

def cap(code, val):
    return struct.pack('!BB', code, len(val)) + val

caps = (cap(1, struct.pack('!HBB', 1, 0, 1)) + cap(1, struct.pack('!HBB', 2, 0, 128)) +
        cap(2, b'') + cap(128, b'') + cap(65, struct.pack('!I', 4200000000)) +
        cap(64, struct.pack('!H', 0x8078) + struct.pack('!HBB', 1, 1, 0x80)) +
        cap(69, struct.pack('!HBB', 1, 1, 3) + struct.pack('!HBB', 2, 1, 7)) +
        cap(8, struct.pack('!HBB', 1, 4, 2)) + cap(70, b'') + cap(99, b'\x01\x02\x03'))
opts = struct.pack('!BB', 2, len(caps)) + caps + struct.pack('!BB', 1, 2) + b'\xaa\xbb'
open_msg = msg(1, struct.pack('!BHH4sB', 4, 23456, 90, bytes([192, 0, 2, 1]), len(opts)) + opts)

def pfx4(p, plen):
    n = (plen + 7) // 8
    return bytes([plen]) + bytes(p[:n])

aspath = bytes([2, 3]) + struct.pack('!HHH', 65001, 65002, 23456) + bytes([1, 2]) + struct.pack('!HH', 7, 8)
as4path = bytes([2, 2]) + struct.pack('!II', 4200000000, 65002)
ec = (struct.pack('!HHI', 0x0002, 65001, 100) + struct.pack('!H4sH', 0x0102, bytes([10, 1, 2, 3]), 7) +
      struct.pack('!HIH', 0x0202, 4200000001, 9) + struct.pack('!HHf', 0x4004, 1, 125000000.0) +
      struct.pack('!H4sBB', 0x0306, bytes([0, 0, 0, 1]), 5, 1) + struct.pack('!HHI', 0x030c, 0, 8) +
      struct.pack('!HHI', 0x0009, 64512, 0) + bytes([0x43, 0x01, 1, 2, 3, 4, 5, 6]))
attrs = (attr(0x40, 1, b'\x00') + attr(0x40, 2, aspath) + attr(0x40, 3, bytes([10, 0, 0, 9])) +
         attr(0x80, 4, struct.pack('!I', 50)) + attr(0x40, 5, struct.pack('!I', 200)) +
         attr(0x40, 6, b'') + attr(0xc0, 7, struct.pack('!H4s', 65001, bytes([10, 9, 9, 9]))) +
         attr(0xc0, 8, struct.pack('!III', 0xfde80064, 0xffffff01, 0xffffff02)) +
         attr(0x80, 9, bytes([1, 1, 1, 1])) + attr(0x80, 10, bytes([2, 2, 2, 2, 3, 3, 3, 3])) +
         attr(0xc0, 16, ec) + attr(0xc0, 17, as4path) +
         attr(0xc0, 18, struct.pack('!I4s', 4200000000, bytes([10, 8, 8, 8]))) +
         attr(0xc0, 32, struct.pack('!III', 4200000000, 1, 2) + struct.pack('!III', 1, 2, 3)) +
         attr(0x80, 26, bytes([1, 0, 11]) + struct.pack('!Q', 12345)) +
         attr(0xc0, 99, b'\x01\x02\x03\x04') + attr(0x50, 200, b'\x05'))
withdrawn = pfx4([192, 168, 1, 0], 24) + pfx4([10, 0, 0, 0], 8)
nlri = pfx4([172, 16, 0, 0], 12) + pfx4([203, 0, 113, 5], 32) + pfx4([0, 0, 0, 0], 0)
update = msg(2, struct.pack('!H', len(withdrawn)) + withdrawn + struct.pack('!H', len(attrs)) + attrs + nlri)

# MP_REACH IPv6 unicast, labeled VPN IPv4, RT constraint; MP_UNREACH and End-of-RIB
nh6 = bytes.fromhex('20010db8000000000000000000000001') + bytes.fromhex('fe800000000000000000000000000001')
mp6 = struct.pack('!HBB', 2, 1, 32) + nh6 + b'\x00' + bytes([64]) + bytes.fromhex('20010db800010002') + bytes([48]) + bytes.fromhex('20010db80002')
rd = struct.pack('!HHI', 0, 65001, 10)
vpn_nlri = bytes([24 + 64 + 24]) + bytes([0x00, 0x3e, 0x81]) + rd + bytes([10, 20, 30])
mpvpn = struct.pack('!HBB', 1, 128, 12) + rd + bytes([10, 0, 0, 1]) + b'\x00' + vpn_nlri
rtc = bytes([96]) + struct.pack('!I', 65001) + struct.pack('!HHI', 0x0002, 65001, 100)
rtc2 = bytes([0])
mprtc = struct.pack('!HBB', 1, 132, 4) + bytes([10, 0, 0, 1]) + b'\x00' + rtc + rtc2
lab = bytes([24 + 16]) + bytes([0x00, 0x01, 0x01]) + bytes([10, 1])
mplab = struct.pack('!HBB', 1, 4, 4) + bytes([10, 0, 0, 1]) + b'\x00' + lab
mpunk = struct.pack('!HBB', 25, 70, 0) + b'\x00\x01\x02'
upd_mp = msg(2, b'\x00\x00' + struct.pack('!H', 0) + b'')
mpattrs = (attr(0x40, 1, b'\x02') + attr(0x90, 14, mp6) + attr(0x80, 14, mpvpn) + attr(0x80, 14, mprtc) +
           attr(0x80, 14, mplab) + attr(0x80, 14, mpunk) +
           attr(0x80, 15, struct.pack('!HB', 2, 1) + bytes([64]) + bytes.fromhex('20010db800010002')))
upd_mp = msg(2, b'\x00\x00' + struct.pack('!H', len(mpattrs)) + mpattrs)
eor = msg(2, b'\x00\x00\x00\x00')
eor6 = msg(2, b'\x00\x00' + struct.pack('!H', 6) + attr(0x80, 15, struct.pack('!HB', 2, 1)))
# attribute set with nested attributes, PMSI tunnel
aset = struct.pack('!I', 65001) + attr(0x40, 1, b'\x00') + attr(0x40, 5, struct.pack('!I', 7))
pmsi = bytes([1, 6]) + bytes([0x00, 0x01, 0x01]) + bytes([10, 7, 7, 7])
upd_set = msg(2, b'\x00\x00' + struct.pack('!H', len(aset) + 3 + len(pmsi) + 3) +
              attr(0xc0, 128, aset) + attr(0xc0, 22, pmsi))

notes = [
    msg(3, bytes([6, 2, 9]) + b'maint now' + b'XY'),
    msg(3, bytes([6, 4, 0])),
    msg(3, bytes([6, 1]) + struct.pack('!HBI', 1, 1, 1000)),
    msg(3, bytes([2, 2])),
    msg(3, bytes([5, 1])),
    msg(3, bytes([7, 4])),
    msg(3, bytes([9, 9])),
    msg(3, bytes([1, 3])),
]
rr = msg(5, struct.pack('!HBB', 1, 0, 1))
ka = msg(4, b'')
unk = msg(9, b'\x01\x02\x03')

pkts = [
    pkt(open_msg),
    pkt(update, sport=179, dport=40000),
    pkt(upd_mp),
    pkt(eor + eor6 + ka + ka),
    pkt(upd_set),
    pkt(b''.join(notes)),
    pkt(rr + unk, v6=True),
    pkt(b'\x00\x01' + ka),                     # junk before the marker
    pkt(M + struct.pack('!HB', 10, 4)),       # length < 19
    pkt(M + struct.pack('!HB', 200, 2) + b'\x00'),  # message longer than the segment
]
wrpcap('bgp-msgs.pcap', pkts)

# truncated captures: cut every message short at several points
tr = []
for m in (open_msg, update, upd_mp, upd_set, notes[0], rr):
    for cut in (20, 25, 30, 41, 60, 77, 100):
        if cut < len(m):
            p = pkt(m)
            raw = bytes(p)
            t = Ether(raw[:len(raw) - len(m) + cut])
            t.wirelen = len(raw)
            tr.append(t)
# malformed: bad attribute lengths, bad prefix lengths, path attrs too short
bad = [
    msg(2, b'\x00\x00' + struct.pack('!H', 4) + bytes([0x40, 1, 9, 0])),
    msg(2, b'\x00\x00' + struct.pack('!H', 3) + attr(0x40, 1, b'\x00') + bytes([40, 1, 2, 3, 4, 5])),
    msg(2, b'\x00\x00' + struct.pack('!H', 7) + attr(0x40, 2, b'\x02\x01\x00') + attr(0x40, 1, b'')),
    msg(2, b'\x00\x00' + struct.pack('!H', 11) + attr(0xc0, 8, b'\x00\x01\x02') + attr(0x40, 3, b'\x01\x02\x03\x04\x05')),
    msg(2, b'\x00\x05' + bytes([33, 1, 2, 3, 4]) + b'\x00\x00'),
    msg(1, struct.pack('!BHH4sB', 4, 1, 2, b'\x01\x02\x03\x04', 6) + bytes([2, 9, 1, 2, 0, 1])),
    msg(1, struct.pack('!BHH4sB', 4, 1, 2, b'\x01\x02\x03\x04', 4) + bytes([2, 2, 1, 2])),
]
for b in bad:
    tr.append(pkt(b))
wrpcap('bgp-trunc.pcap', tr)

# RPKI-RTR (RFC 6810) PDUs on TCP port 323
def rtr(t, sid, body):
    return struct.pack('!BBHI', 0, t, sid, 8 + len(body)) + body
v4 = rtr(4, 0, bytes([1, 24, 24, 0, 192, 0, 2, 0]) + struct.pack('!I', 64496))
v6 = rtr(6, 0, bytes([0, 32, 48, 0]) + bytes.fromhex('20010db8000000000000000000000000') + struct.pack('!I', 65551))
errenc = rtr(10, 3, struct.pack('!I', len(v4)) + v4 + struct.pack('!I', 5) + b'oops!')
errnest = rtr(10, 1, struct.pack('!I', len(errenc)) + errenc + struct.pack('!I', 0))
rp = [
    pkt(rtr(0, 0x1234, struct.pack('!I', 77)) + rtr(1, 0x1234, struct.pack('!I', 78)), sport=323, dport=50000),
    pkt(rtr(2, 0, b'') + rtr(3, 0xbeef, b'') + v4 + v6 + rtr(7, 0xbeef, struct.pack('!I', 79)) + rtr(8, 0, b''), sport=323, dport=50000),
    pkt(errenc + errnest, sport=323, dport=50000),
    pkt(rtr(11, 0, b'\x01\x02\x03\x04'), sport=323, dport=50000),
    pkt(rtr(0, 0, b''), sport=323, dport=50000),            # wrong length
    pkt(b'\x01\x02\x03\x04\x05\x06\x07\x08', sport=323, dport=50000),  # version 1
    pkt(b'\x00\x00\x00', sport=323, dport=50000),            # too short
    pkt(b'\xc2\x00\x00', sport=323, dport=50000),            # too short, version 194
    pkt(struct.pack('!BBHI', 0, 4, 0, 100) + b'\x00' * 12, sport=323, dport=50000),  # length > segment
    pkt(rtr(10, 2, struct.pack('!I', 50) + b'\x00' * 8), sport=323, dport=50000),
]
raw = bytes(pkt(v6, sport=323, dport=50000))
t = Ether(raw[:-10]); t.wirelen = len(raw); rp.append(t)
raw = bytes(pkt(errenc, sport=323, dport=50000))
t = Ether(raw[:-8]); t.wirelen = len(raw); rp.append(t)
wrpcap('bgp-rpki.pcap', rp)
