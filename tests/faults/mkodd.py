#!/usr/bin/python3
"""mkodd.py DIR - odd but legal-looking capture files for tests/faults/headers.sh.

Each file is written as DIR/NAME.pcap; the packets are small Ethernet/IPv4/UDP
frames.  Headers use little-endian classic pcap unless the name says otherwise.
"""
import os
import struct
import sys

d = sys.argv[1]


def pkt(i, size=32):
    payload = bytes([0x61 + i % 26]) * size
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 28 + size, i, 0, 64, 17, 0,
                     bytes([10, 199, 31, 1]), bytes([10, 199, 31, 2]))
    udp = struct.pack('!HHHH', 40000, 9999, 8 + size, 0)
    return b'\x02\x00\x00\xc7\x00\x02\x02\x00\x00\xc7\x00\x01\x08\x00' + ip + udp + payload


def hdr(magic=0xa1b2c3d4, snap=262144, link=1, e='<', major=2, minor=4):
    return struct.pack(e + 'IHHiIII', magic, major, minor, 0, 0, snap, link)


def rec(sec, frac, data, caplen=None, length=None, e='<'):
    caplen = len(data) if caplen is None else caplen
    length = len(data) if length is None else length
    return struct.pack(e + 'IIII', sec, frac, caplen, length) + data


def w(name, blob):
    with open(os.path.join(d, name + '.pcap'), 'wb') as f:
        f.write(blob)


P = [pkt(i) for i in range(5)]
w('zero-length', b'')
w('short-header', hdr()[:10])
w('header-only', hdr())
w('header-only-be', hdr(e='>'))
w('snaplen0', hdr(snap=0) + b''.join(rec(1700000000 + i, 0, p) for i, p in enumerate(P)))
w('snaplen-huge', hdr(snap=0xffffffff) + b''.join(rec(1700000000 + i, 0, p) for i, p in enumerate(P)))
w('snaplen-small', hdr(snap=40) + b''.join(rec(1700000000 + i, 0, p) for i, p in enumerate(P)))
w('nano', hdr(magic=0xa1b23c4d) + b''.join(rec(1700000000, 999999999 - i, p) for i, p in enumerate(P)))
w('nano-be', hdr(magic=0xa1b23c4d, e='>') + b''.join(rec(1700000000, 123456789, p, e='>') for p in P))
w('future', hdr() + b''.join(rec(s, 999999, p) for s, p in zip(
    [0x7fffffff, 0x80000000, 0xffffffff, 4102444800, 0], P)))
w('usec-overflow', hdr() + b''.join(rec(1700000000, u, p) for u, p in zip(
    [1000000, 0xffffffff, 999999, 5, 2000000], P)))
w('len-lt-caplen', hdr() + b''.join(rec(1700000000, 0, p, length=10) for p in P))
w('len-huge', hdr() + b''.join(rec(1700000000, 0, p, length=0xffffffff) for p in P))
w('caplen-zero', hdr() + b''.join(rec(1700000000, 0, b'', length=60) for _ in P))
w('caplen-over-snap', hdr(snap=40) + rec(1700000000, 0, P[0] + bytes(300000)[:300000 - len(P[0])]))
w('cut-in-header', hdr() + rec(1700000000, 0, P[0]) + rec(1700000001, 0, P[1])[:9])
w('cut-in-data', hdr() + rec(1700000000, 0, P[0]) + rec(1700000001, 0, P[1])[:30])
w('version-1', hdr(major=1, minor=0) + rec(1700000000, 0, P[0]))
w('version-3', hdr(major=3) + rec(1700000000, 0, P[0]))
w('link-unknown', hdr(link=4242) + rec(1700000000, 0, P[0]))
w('link-raw', hdr(link=101) + rec(1700000000, 0, P[0][14:]))
