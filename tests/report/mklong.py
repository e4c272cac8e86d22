#!/usr/bin/python3
"""mklong.py OUT SEGMENTS [CONNS]: CONNS-1 short healthy connections (5 data
segments each, one after the other) and then one long TCP transfer (handshake, SEGMENTS data
segments of 1000 bytes, 1 ms apart, each acknowledged, every 1000th segment
sent a second time 0.5 ms later: a retransmission), FIN both ways.  Raw
Ethernet/IPv4/TCP with correct checksums, written with struct only."""
import struct, sys

out, nseg = sys.argv[1], int(sys.argv[2])
nconns = int(sys.argv[3]) if len(sys.argv) > 3 else 1
C, S = bytes([10, 198, 90, 1]), bytes([10, 198, 90, 2])

def csum(b):
    if len(b) % 2: b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

ipid = [0]
def pkt(src, dst, sp, dp, seq, ack, flags, payload=b"", opts=b""):
    # every packet its own IP ID, as a real stack sends them (a retransmission too:
    # an identical copy would be a capture duplicate, analysed once)
    ipid[0] = (ipid[0] + 1) & 0xffff
    hl = 20 + len(opts)
    tcp = struct.pack("!HHIIBBHHH", sp, dp, seq & 0xffffffff, ack & 0xffffffff, (hl // 4) << 4, flags, 65535, 0, 0) + opts + payload
    ph = src + dst + struct.pack("!BBH", 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack("!H", csum(ph + tcp)) + tcp[18:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), ipid[0], 0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    return b"\x02\0\0\0\0\x02\x02\0\0\0\0\x01\x08\x00" + ip + tcp

recs = []
t = 1795000000.0
def add(dt, b):
    global t
    t += dt
    recs.append((t, b))
syn_opts = struct.pack("!BBH", 2, 4, 1460) + b"\x01\x01\x04\x02"   # MSS, nop, nop, SACK-permitted
data = b"x" * 1000

def conn(port, nseg, cs=100, ss=900000):
    add(0.001, pkt(C, S, port, 5001, cs, 0, 0x02, opts=syn_opts))
    add(0.001, pkt(S, C, 5001, port, ss, cs + 1, 0x12, opts=syn_opts))
    add(0.001, pkt(C, S, port, 5001, cs + 1, ss + 1, 0x10))
    seq = cs + 1
    for i in range(nseg):
        add(0.001, pkt(C, S, port, 5001, seq, ss + 1, 0x10, data))
        if i % 1000 == 999:
            add(0.0005, pkt(C, S, port, 5001, seq, ss + 1, 0x10, data))
        seq += 1000
        add(0.0002, pkt(S, C, 5001, port, ss + 1, seq, 0x10))
    add(0.001, pkt(C, S, port, 5001, seq, ss + 1, 0x11))
    add(0.001, pkt(S, C, 5001, port, ss + 1, seq + 1, 0x11))
    add(0.001, pkt(C, S, port, 5001, seq + 1, ss + 2, 0x10))

for k in range(nconns - 1):
    conn(30000 + k, 5)
    t += 4.0    # closed connections are finished 3 s (capture time) after they close
conn(40000, nseg)
with open(out, "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for ts, b in recs:
        sec = int(ts); us = int(round((ts - sec) * 1e6))
        if us >= 1000000: sec += 1; us -= 1000000
        f.write(struct.pack("<IIII", sec, us, len(b), len(b)) + b)
