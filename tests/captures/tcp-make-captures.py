#!/usr/bin/python3
"""tcp-make-captures.py - crafted TCP and MPTCP captures for tests/golden/tcp.list.

Run from tests/captures with Debian's /usr/bin/python3 (scapy).  Deterministic:
fixed seeds and timestamps.  Expected outputs come from tcpdump 4.99.3 only
(bash tests/golden/regen.sh tcp.list).
"""
import random
import socket
import struct

from scapy.all import Ether, IP, IPv6, Raw, wrpcap
from scapy.utils import checksum

E = dict(src='02:00:00:00:00:01', dst='02:00:00:00:00:02')
T0 = 1700000000.0


def l4sum(src, dst, seg, v6):
    if v6:
        ph = (socket.inet_pton(socket.AF_INET6, src) + socket.inet_pton(socket.AF_INET6, dst) +
              struct.pack('!I3xB', len(seg), 6))
    else:
        ph = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack('!xBH', 6, len(seg))
    return checksum(ph + seg)


def tcp(sport=1234, dport=4321, seq=1000, ack=2000, flags=0x10, win=512, urp=0, opts=b'',
        payload=b'', doff=None, src='10.0.0.1', dst='10.0.0.2', v6=False, good=True):
    """An Ethernet frame carrying a hand-built TCP segment (options as raw bytes)."""
    if doff is None:
        opts = opts[:40]
        opts += b'\0' * ((4 - len(opts) % 4) % 4)
        doff = 5 + len(opts) // 4
    seg = struct.pack('!HHIIBBHHH', sport, dport, seq, ack, doff << 4, flags, win, 0, urp) + opts + payload
    if good:
        seg = seg[:16] + struct.pack('!H', l4sum(src, dst, seg, v6)) + seg[18:]
    if v6:
        return Ether(**E) / IPv6(src=src, dst=dst, nh=6) / Raw(seg)
    return Ether(**E) / IP(src=src, dst=dst, proto=6) / Raw(seg)


def cut(p, n):
    b = bytes(p)
    return Ether(b[:n]) if n < len(b) else p


def save(name, pkts):
    for i, p in enumerate(pkts):
        p.time = T0 + i * 0.001
    wrpcap(name, pkts)


# Every flag combination, with and without payload, v4 and v6, plus urgent pointer.
def flags():
    pk = []
    for f in range(256):
        pk.append(tcp(flags=f, urp=7, payload=b'' if f % 3 else b'data'))
    for f in (0x02, 0x12, 0x10, 0x18, 0x11, 0x04, 0x14, 0xc2, 0x52):
        pk.append(tcp(flags=f, src='2001:db8::1', dst='2001:db8::2', v6=True, payload=b'hi'))
    pk.append(tcp(flags=0x18, good=False, payload=b'bad checksum'))
    pk.append(tcp(flags=0x18, doff=4))           # header length < 20
    pk.append(tcp(flags=0x18, doff=15))          # header longer than the segment
    return pk


def opt(kind, body):
    return bytes([kind, len(body) + 2]) + body


# Each option with its right length and with wrong ones.
def options():
    r = random.Random(7)
    good = [
        b'\x01\x01\x01\x00', opt(2, b'\x05\xb4'), opt(3, b'\x07'), opt(4, b''),
        opt(5, struct.pack('!II', 1500, 3000)), opt(5, struct.pack('!IIII', 1, 2, 3, 4)),
        opt(6, b'\0\0\0\x09'), opt(7, b'\0\0\0\x0a'), opt(8, struct.pack('!II', 12345, 678)),
        opt(11, b'\0\0\0\1'), opt(12, b'\0\0\0\2'), opt(13, b'\0\0\0\3'),
        opt(19, bytes(range(16))), opt(20, b'\x81\x02'), opt(28, b'\x00\x1e'), opt(28, b'\x00\x1f'),
        opt(29, b'\x01\x02'), opt(29, b'\x03\x04' + bytes(range(12))),
        opt(34, b''), opt(34, b'\x11\x22\x33\x44'), opt(34, bytes(range(16))), opt(34, b'\x01\x02\x03'),
        opt(34, bytes(18)),
        opt(254, b'\xf9\x89'), opt(254, b'\xf9\x89\xaa\xbb\xcc\xdd'), opt(254, b'\xf9\x89\x01'),
        opt(254, b'\x12\x34\x56'), opt(254, b'\x01'),
        opt(99, b''), opt(99, b'\xde\xad\xbe\xef'), opt(9, b'\x01'), opt(27, b'\x01\x02\x03\x04\x05\x06'),
    ]
    pk = []
    for o in good:
        pk.append(tcp(flags=0x02, opts=o))
        pk.append(tcp(flags=0x12, sport=4321, dport=1234, seq=5000, ack=1001, opts=o + b'\x01\x00'))
    for kind in (2, 3, 4, 5, 6, 8, 11, 19, 20, 28, 29, 30, 34, 254, 77):
        for ln in (0, 1, 2, 3, 5, 7, 9, 11, 17, 19, 41):
            body = bytes([kind, ln]) + bytes(r.randint(0, 255) for _ in range(max(0, ln - 2)))
            pk.append(tcp(flags=0x10, opts=b'\x01' + body + b'\x01\x01'))
    # eol stops the list; options after it are not printed
    pk.append(tcp(flags=0x10, opts=b'\x01\x00' + opt(2, b'\x05\xb4')))
    # sack relative to the conversation
    pk.append(tcp(flags=0x12, sport=80, dport=3000, seq=100000, ack=555, opts=opt(4, b'')))
    pk.append(tcp(flags=0x10, sport=3000, dport=80, seq=555, ack=100001,
                  opts=b'\x01\x01' + opt(5, struct.pack('!IIII', 100501, 101001, 102001, 103001))))
    pk.append(tcp(flags=0x10, sport=80, dport=3000, seq=100001, ack=555,
                  opts=b'\x01\x01' + opt(5, struct.pack('!II', 600, 900))))
    return pk


# One segment with options and HTTP payload cut after every byte.
def trunc():
    pk = []
    full = tcp(sport=5555, dport=80, flags=0x18,
               opts=b'\x01\x01' + opt(8, struct.pack('!II', 1, 2)) + opt(30, b'\x20\x01' + struct.pack('!I', 77)),
               payload=b'GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n')
    for n in range(14, len(bytes(full)) + 1):
        pk.append(cut(full, n))
    full6 = tcp(flags=0x12, src='2001:db8::1', dst='2001:db8::2', v6=True,
                opts=opt(2, b'\x05\xa0') + opt(4, b'') + opt(8, struct.pack('!II', 5, 6)) + b'\x01' + opt(3, b'\x07'))
    for n in range(54, len(bytes(full6)) + 1):
        pk.append(cut(full6, n))
    return pk


def mp(sub_byte, rest):
    body = bytes([sub_byte]) + rest
    return bytes([30, len(body) + 2]) + body


# MPTCP: each subtype, v0 and v1, the lengths and flags each accepts, and bad ones.
def mptcp():
    key1, key2 = bytes.fromhex('0123456789abcdef'), bytes.fromhex('fedcba9876543210')
    cases = [
        (0x02, mp(0x00, b'\x81' + key1)), (0x12, mp(0x00, b'\x01' + key2)), (0x02, mp(0x01, b'\x01')),
        (0x10, mp(0x00, b'\x81' + key1 + key2)), (0x10, mp(0x01, b'\x01' + key1 + key2)),
        (0x18, mp(0x01, b'\x01' + key1 + key2 + b'\x00\x10')), (0x12, mp(0x01, b'\x01')),
        (0x02, mp(0x05, b'\x01' + key1)), (0x10, mp(0x00, b'\x01' + key1)), (0x12, mp(0x00, b'\x01' + key1 + key2)),
        (0x02, mp(0x10, b'\x01' + b'\xe4\x7f\x01\x42\x1b\x66\x5a\x18')),
        (0x02, mp(0x11, b'\x02' + b'\xe4\x7f\x01\x42\x1b\x66\x5a\x18')),
        (0x12, mp(0x11, b'\x03' + key1 + b'\x33\xab\xe9\xd5')),
        (0x10, mp(0x10, b'\x00' + bytes(range(20)))), (0x10, mp(0x10, b'\x00' + key1)),
        (0x02, mp(0x10, b'\x00' + key1)),
        (0x10, mp(0x20, b'\x01' + b'\xd5\x2a\xfe\x03')), (0x10, mp(0x20, b'\x03' + key1)),
        (0x18, mp(0x20, b'\x05' + b'\x00\x00\x10\x00' + b'\x00\x00\x00\x01' + b'\x00\x29' + b'\x82\x11')),
        (0x18, mp(0x20, b'\x05' + b'\x00\x00\x10\x00' + b'\x00\x00\x00\x01' + b'\x00\x29')),
        (0x19, mp(0x20, b'\x1f' + key2 + key1 + b'\x00\x00\x00\x01' + b'\x00\x29' + b'\x82\x11')),
        (0x11, mp(0x20, b'\x10')), (0x02, mp(0x20, b'\x01' + bytes(4))), (0x10, mp(0x20, b'\x01' + bytes(3))),
        (0x10, mp(0x20, b'\x05' + bytes(12))), (0x10, mp(0x20, b'\x01' + bytes(6))),
        (0x10, mp(0x34, b'\x01\x0a\x01\x02\x02')), (0x10, mp(0x34, b'\x01\x0a\x01\x02\x02\x1f\x90')),
        (0x10, mp(0x30, b'\x02\x0a\x01\x02\x03' + key1)), (0x10, mp(0x31, b'\x02\x0a\x01\x02\x03\x00\x50' + key1)),
        (0x10, mp(0x36, b'\x03' + socket.inet_pton(socket.AF_INET6, '2001:db8::9'))),
        (0x10, mp(0x36, b'\x03' + socket.inet_pton(socket.AF_INET6, '2001:db8::9') + b'\x00\x16')),
        (0x10, mp(0x30, b'\x04' + socket.inet_pton(socket.AF_INET6, 'fe80::1') + key2)),
        (0x10, mp(0x30, b'\x04' + socket.inet_pton(socket.AF_INET6, 'fe80::1') + b'\x01\xbb' + key2)),
        (0x10, mp(0x39, b'\x05\x0a\x00\x00\x01')), (0x10, mp(0x34, b'\x05\x0a\x00\x00')),
        (0x10, mp(0x40, b'\x01')), (0x10, mp(0x40, b'\x01\x02\x03\x04')), (0x10, mp(0x40, b'')),
        (0x10, mp(0x51, b'')), (0x10, mp(0x50, b'\x07')), (0x10, mp(0x51, b'\x07\x08')),
        (0x10, mp(0x60, b'\x00' + key1)), (0x10, mp(0x60, b'\x00' + key1 + b'\x00')),
        (0x10, mp(0x70, b'\x00' + key2)), (0x14, mp(0x70, b'\x00' + key2[:6])),
        (0x14, mp(0x80, b'\x01')), (0x10, mp(0x90, b'')), (0x10, mp(0xf0, b'\x01\x02')),
        (0x10, b'\x1e\x02'), (0x10, b'\x1e\x03\x20'), (0x10, b'\x1e\x00\x00'),
    ]
    pk = []
    for fl, o in cases:
        pk.append(tcp(sport=35961, dport=5000, flags=fl, opts=b'\x01\x01' + o))
    # options after an MPTCP option, and a cut inside later options (marker is [|mptcp])
    two = mp(0x20, b'\x01' + b'\x00\x00\x00\x05') + mp(0x51, b'\x02') + b'\x01\x01' + opt(8, struct.pack('!II', 1, 2))
    full = tcp(sport=35961, dport=5000, flags=0x18, opts=two, payload=b'abc')
    for n in range(54, len(bytes(full)) + 1):
        pk.append(cut(full, n))
    return pk


# RST with text (printed at -v), HTTP on 80 and 8080 with odd request lines.
def payloads():
    pk = []
    for txt in (b'connection reset', b'x' * 40, b'\x01\x7f\x80\xff\xc1abc', b''):
        pk.append(tcp(flags=0x04, payload=txt))
        pk.append(tcp(flags=0x14, payload=txt))
    pk.append(cut(tcp(flags=0x04, payload=b'reset by peer, goodbye'), 60))
    reqs = [b'GET / HTTP/1.1\r\nHost: a\r\nUser-Agent: t\r\n\r\n', b'HTTP/1.1 200 OK\r\nServer: x\r\n\r\nbody',
            b'get /lower HTTP/1.0\r\n\r\n', b'POST /x HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc',
            b'GET /no-end-of-line', b'GET /cr-only\r', b'GET /bare-cr\rX\r\n', b'HTTP/1.1 99 x\r\n',
            b'HTTP/1.1 2000 x\r\n', b'FOO /x HTTP/1.1\r\n', b'\x80GET /', b'GET\t/tab HTTP/1.1\n\n',
            b'OPTIONS * HTTP/1.1\r\n\r\n', b'BASELINE-CONTROL /a HTTP/1.1\r\n', b'GET /\x01ctl HTTP/1.1\r\n',
            b'HTTP/1.0 404 Not Found\nServer: y\n\n', b'/ 099\r\n', b'HTTP/1.1OK  099\r\n', b'  GET / HTTP/1.1\r\n', b'GET', b'G' * 300 + b' /x\r\n']
    for i, rq in enumerate(reqs):
        port = 80 if i % 2 == 0 else 8080
        pk.append(tcp(sport=40000 + i, dport=port, flags=0x18, payload=rq))
        pk.append(tcp(sport=port, dport=40000 + i, flags=0x18, payload=rq))
    pk.append(cut(tcp(sport=80, dport=40000, flags=0x18, payload=reqs[0]), 70))
    pk.append(cut(tcp(sport=80, dport=40000, flags=0x18, payload=reqs[1]), 80))
    return pk


if __name__ == '__main__':
    save('tcp-flags.pcap', flags())
    save('tcp-options.pcap', options())
    save('tcp-trunc.pcap', trunc())
    save('tcp-mptcp.pcap', mptcp())
    save('tcp-payload.pcap', payloads())
