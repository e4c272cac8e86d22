#!/usr/bin/python3
"""rx-make-captures.py (run with /usr/bin/python3) - crafted AFS/RX captures for tests/golden/rx.list.

Writes tests/captures/rx-*.pcap: every RX packet type and flag, ack
packets, calls and replies of the AFS services on UDP 7000-7009 (fs, cb,
pt, vldb, kauth, vol, bos, ubik), unknown opcodes, and truncated packets
(captured length shorter than the wire length).
"""
import os
import struct

from scapy.all import IP, IPv6, UDP, Ether, Raw

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "captures")
CLI, SRV = "10.0.0.1", "10.0.0.2"


def rxh(typ, flags=0, seq=1, call=1, serial=1, cid=0x12345678, epoch=0x5f000000,
        status=0, secidx=0, service=1):
    return struct.pack(">IIIIIBBBBHH", epoch, cid, call, seq, serial, typ, flags,
                       status, secidx, 0, service)


def u32(*v):
    return b"".join(struct.pack(">I", x & 0xffffffff) for x in v)


def xstr(s):
    b = s.encode()
    return u32(len(b)) + b + b"\0" * ((4 - len(b) % 4) % 4)


def vec(s, n):
    w = [ord(c) for c in s] + [0] * (n - len(s))
    return u32(*w[:n])


def pkt(payload, sport, dport, src=CLI, dst=SRV):
    return bytes(Ether(src="00:00:00:00:00:01", dst="00:00:00:00:00:02") /
                 IP(src=src, dst=dst, id=1) / UDP(sport=sport, dport=dport) / Raw(payload))


def pkt6(payload, sport, dport, src="2001:db8::1", dst="2001:db8::2"):
    return bytes(Ether(src="00:00:00:00:00:01", dst="00:00:00:00:00:02") /
                 IPv6(src=src, dst=dst) / UDP(sport=sport, dport=dport) / Raw(payload))


def write(name, frames):
    """frames: list of bytes or (bytes, caplen)"""
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, fr in enumerate(frames):
            data, cap = (fr if isinstance(fr, tuple) else (fr, len(fr)))
            f.write(struct.pack("<IIII", 1700000000 + i, 0, cap, len(data)))
            f.write(data[:cap])


def call(port, op, args=b"", callno=1, flags=1, **kw):
    return pkt(rxh(1, flags, call=callno, **kw) + u32(op) + args, 7001 if port != 7001 else 7000, port)


def reply(port, callno, payload=b"", typ=1, flags=0, **kw):
    cport = 7001 if port != 7001 else 7000
    return pkt(rxh(typ, flags, call=callno, **kw) + payload, port, cport, src=SRV, dst=CLI)


def types():
    f = []
    for t in list(range(0, 15)):
        f.append(pkt(rxh(t, 0, seq=5) + b"\0" * 8, 7000, 7000))
    for fl in (1, 2, 4, 8, 16, 32, 0x3f, 0xff):
        for t in (1, 2, 3):
            f.append(pkt(rxh(t, fl, seq=2, secidx=2, service=52) + b"\0" * 4, 7000, 7000))
    f.append(pkt(rxh(1, 1, seq=2, call=0x80000001, serial=0xffffffff, cid=0xdeadbeef), 7000, 7000))
    # truncated headers and header-only packets
    p = pkt(rxh(1, 1), 7000, 7000)
    f.append((p, 42 + 10))
    f.append((p, 42 + 27))
    f.append(p)
    return f


def acks():
    f = []
    def ack(first, serial, reason, acklist, extra=b"", bs=32, skew=5, fl=0):
        body = struct.pack(">HHIIIBB", bs, skew, first, 7, serial, reason, len(acklist))
        body += bytes(acklist) + extra
        return pkt(rxh(2, fl, seq=0) + body, 7000, 7001)
    f.append(ack(1, 3, 1, []))
    f.append(ack(10, 4, 2, [1, 1, 0, 1, 0, 0, 1, 1, 1]))
    f.append(ack(100, 5, 9, [0, 1, 0, 1, 1, 0, 0, 0, 2, 1]))
    f.append(ack(0xfffffffe, 6, 12, [1, 1, 1, 1]))
    f.append(ack(5, 7, 6, [1, 0], b"\0\0\0" + u32(1444, 1444, 32, 4)))
    f.append(ack(5, 7, 7, [], b"\0\0\0" + u32(1444, 0xfffffff0)))
    f.append(ack(5, 7, 8, [1, 1, 1], b"\0\0\0" + u32(1444, 1444, 32, 4), fl=32))
    p = ack(3, 3, 3, [1, 0, 1, 0, 1])
    f.append((p, 42 + 28 + 10))
    f.append((p, 42 + 28 + 20))
    return f


def fs():
    f = []
    fid = u32(536870915, 1, 2)
    sa = u32(0x41f, 1600000000, 1000, 100, 0o100755, 65536)
    cases = [
        (130, fid + u32(0, 65536)), (131, fid), (132, fid), (133, fid + sa + u32(0, 100, 100)),
        (134, fid + xstr("2 1\nsystem:administrators 127\nsystem:anyuser 9\nbaduser 2\n")),
        (135, fid + u32(0, 0, 0, 0, 0, 0)), (136, fid + xstr("file.txt")),
        (137, fid + xstr("new\x01\xffname") + sa), (138, fid + xstr("a") + fid + xstr("b")),
        (139, fid + xstr("link") + xstr("/afs/target")), (140, fid + xstr("hard") + fid),
        (141, fid + xstr("dir") + u32(8, 0, 0, 0, 0o755, 0)), (142, fid + xstr("dir")),
        (143, fid), (146, b""), (148, xstr("root.cell")), (149, u32(536870912)),
        (150, u32(7)), (151, b""), (153, b""), (154, xstr("root.afs")),
        (155, u32(2) + fid + fid), (155, u32(0)), (156, fid + u32(1)), (160, u32(1, 2)),
        (220, b""), (65536, u32(0)), (65537, fid + u32(0, 1, 0, 2)),
        (65538, fid + sa + u32(0, 1, 0, 2, 0, 3)), (65540, b""), (999, u32(1)),
    ]
    for i, (op, a) in enumerate(cases):
        f.append(call(7000, op, a, callno=100 + i))
    # replies
    rep = [
        (131, xstr("1 0\nuser 63\n")), (137, fid), (141, fid), (151, xstr("root.afs")),
        (153, u32(1600000000, 0)), (130, u32(5) + b"hello"), (132, u32(1) * 21),
    ]
    for i, (op, payload) in enumerate(rep):
        n = 500 + i
        f.append(call(7000, op, fid, callno=n))
        f.append(reply(7000, n, payload))
    for i, err in enumerate([101, 112, -100, 5, 0]):
        n = 600 + i
        f.append(call(7000, 132, fid, callno=n))
        f.append(reply(7000, n, u32(err), typ=4))
    # reply with no matching call, reply of type busy after call, seq 2 reply
    f.append(reply(7000, 999, u32(1)))
    f.append(call(7000, 132, fid, callno=700))
    f.append(reply(7000, 700, u32(3), typ=3))
    f.append(reply(7000, 700, u32(3), typ=1, seq=2))
    f.append(reply(7000, 700, b"", typ=1))
    # truncated calls
    p = call(7000, 130, fid + u32(0, 65536), callno=800)
    for cut in (2, 6, 10, 16, 20):
        f.append((p, 42 + 28 + cut))
    p = call(7000, 137, fid + xstr("longername") + sa, callno=801)
    for cut in (18, 22, 30, 44):
        f.append((p, 42 + 28 + cut))
    f.append(call(7000, 136, fid + u32(300) + b"x" * 300, callno=802))
    f.append(pkt(rxh(1, 1, call=803), 7001, 7000))
    f.append(pkt(rxh(1, 1, call=804) + b"\0\0", 7001, 7000))
    return f


def others():
    f = []
    fid = u32(1, 2, 3)
    uuid = u32(0x01020304, 0x0506, 0x0708, 9, 10, 11, 12, 13, 14, 15, 0x1ff)
    f.append(call(7001, 204, u32(2) + fid + fid + u32(1) + u32(3, 1600000000, 1), callno=1))
    f.append(call(7001, 204, u32(0, 0), callno=2))
    f.append(call(7001, 214, uuid, callno=3))
    f.append(call(7001, 206, b"", callno=4))
    f.append(call(7001, 999, b"", callno=5))
    f.append(call(7001, 213, b"", callno=6))
    f.append(reply(7001, 6, uuid))
    f.append(reply(7001, 4, u32(0)))
    f.append(reply(7001, 5, u32(7), typ=4))
    # pt
    pt = [(500, xstr("alice") + u32(5, 0)), (501, u32(5)), (502, u32(1)), (503, u32(5, 6)),
          (504, u32(2) + vec("bob", 64) + vec("carol", 64)), (504, u32(0)),
          (505, u32(3, 1, 2, 3)), (505, u32(0)), (509, xstr("grp") + u32(1, 2)),
          (511, u32(1, 2)), (513, u32(1) + xstr("x") + u32(2, 3)), (520, u32(4) + xstr("y")),
          (510, b""), (999, b""), (10000, u32(1, 1600000000, 1, 2, 3, 4)), (20004, b"")]
    for i, (op, a) in enumerate(pt):
        f.append(call(7002, op, a, callno=10 + i))
    for i, (op, payload) in enumerate([(504, u32(2, 5, 6)), (505, u32(1) + vec("dave", 64)),
                                       (508, u32(2, 1, 2)), (510, u32(10, 0xffffff00)),
                                       (20004, u32(1, 2)), (10000, b"")]):
        n = 40 + i
        f.append(call(7002, op, b"\0" * 8, callno=n))
        f.append(reply(7002, n, payload))
    f.append(call(7002, 501, u32(5), callno=60))
    f.append(reply(7002, 60, u32(267268), typ=4))
    f.append(call(7002, 10000, u32(1, 2, 3, 4, 5, 6), callno=61))
    f.append(reply(7002, 61, u32(1600000000), typ=4))
    # vldb
    vl = [(501, vec("vol.a", 65)), (503, u32(536870912, 1)), (503, u32(5, 9)),
          (504, xstr("root.cell")), (505, u32(1)), (506, u32(2, 0) + vec("v", 65)),
          (510, u32(3)), (521, u32(4)), (999, b""), (20003, u32(1, 2, 3, 4)),
          (20002, u32(1, 2, 3, 4, 5, 1)), (20006, u32(1, 2, 3, 4)), (20009, u32(1, 2, 3, 4)),
          (20012, u32(1, 2, 3, 4, 5, 6)), (20013, u32(1, 2, 3, 4, 5, 6)), (20005, u32(1)),
          (10003, u32(9)), (20000, u32(1, 2)), (10005, b"")]
    for i, (op, a) in enumerate(vl):
        f.append(call(7003, op, a, callno=100 + i))
    entry8 = vec("root.cell", 65) + u32(0) + u32(2) + u32(0x0a000001, 0x0a000002, 0, 0, 0, 0, 0, 0) \
        + u32(0, 30, 0, 0, 0, 0, 0, 0) + u32(0) * 8 + u32(536870912, 536870913, 536870914)
    entry13 = vec("root.afs", 65) + u32(1) + u32(0x0a000003) + u32(0) * 12 + u32(1) + u32(0) * 12 \
        + u32(0) * 13 + u32(1, 2, 3)
    entryu = vec("u", 65) + u32(1) + u32(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11) + b"\0" * 44 * 12 \
        + u32(0) * 13 + u32(2) + u32(0) * 12 + u32(0) * 13 + u32(4, 5, 6)
    for i, (op, payload) in enumerate([(503, entry8), (510, u32(1, 2) + entry8), (505, u32(77)),
                                       (518, entry13), (521, u32(1, 2) + entry13),
                                       (527, entryu), (20004, u32(3, 4)), (504, entry8[:100])]):
        n = 200 + i
        f.append(call(7003, op, b"\0" * 8, callno=n))
        f.append(reply(7003, n, payload))
    f.append(call(7003, 503, u32(1, 0), callno=220))
    f.append(reply(7003, 220, u32(363524), typ=4))
    # kauth
    ka = [(1, xstr("admin") + xstr("")), (21, xstr("u") + xstr("i")), (3, u32(2) + xstr("CELL") +
          u32(4) + b"tick" + xstr("afs") + xstr("")), (4, xstr("a") + xstr("b") + u32(3)),
          (12, xstr("n")), (13, b""), (999, b""), (20001, u32(7, 8))]
    for i, (op, a) in enumerate(ka):
        f.append(call(7004, op, a, callno=300 + i))
    f.append(reply(7004, 300, u32(1)))
    f.append(reply(7004, 301, u32(180490), typ=4))
    f.append(reply(7004, 307, u32(1, 2)))
    # vol
    for i, op in enumerate([100, 113, 128, 999]):
        f.append(call(7005, op, u32(1, 2), callno=400 + i))
    f.append(reply(7005, 400, u32(1)))
    f.append(reply(7005, 401, u32(5), typ=4))
    volargs = {100: u32(1) + xstr("vol.x") + u32(0, 5), 103: u32(1, 1600000000, 1, 2, 3) + u32(0xffffffff),
               105: u32(1, 2, 3) + xstr("clone"), 114: xstr("n") + u32(1, 2, 3),
               117: u32(1) + xstr("n") + u32(1, 2, 3, 4), 119: xstr("/vicepa"),
               123: u32(1, 1600000000), 128: u32(1, 1600000000, 2, 1, 2, 3, 4, 5, 6),
               65538: u32(1, 1600000000, 4)}
    for i, op in enumerate([128, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 114,
                            116, 117, 119, 120, 121, 122, 123, 124, 125, 126, 127, 65536, 65537,
                            65538, 655537]):
        f.append(call(7005, op, volargs.get(op, u32(7, 8, 9)), callno=410 + i))
    f.append(call(7005, 128, u32(1, 2, 0), callno=450))
    vent = vec("vol.one", 32) + u32(536870912) + u32(0) * 21
    for i, (op, payload) in enumerate([(100, u32(1, 2)), (104, u32(3)), (105, u32(4)), (107, u32(5)),
                                       (108, u32(6)), (110, u32(7, 8)), (112, xstr("name")),
                                       (113, u32(*range(10)) + u32(1600000000) * 6),
                                       (116, u32(2) + vent + vent), (121, u32(0)), (115, u32(1)),
                                       (113, u32(1, 2))]):
        n = 460 + i
        f.append(call(7005, op, b"\0" * 8, callno=n))
        f.append(reply(7005, n, payload))
    # bos
    bos = [(80, xstr("simple") + xstr("fs")), (81, xstr("fs")), (82, xstr("fs") + u32(1)),
           (86, xstr("fs") + u32(2)), (84, u32(3)), (105, xstr("bin") + u32(1, 2, 3)),
           (94, b""), (999, b"")]
    for i, (op, a) in enumerate(bos):
        f.append(call(7007, op, a, callno=500 + i))
    f.append(reply(7007, 500, u32(1)))
    f.append(reply(7007, 501, u32(39), typ=4))
    # header-only replies (the services differ on length <= 28 or < 28)
    for port in (7000, 7001, 7002, 7003, 7004, 7005, 7007):
        f.append(call(port, 10000 if port in (7002, 7003) else 132, u32(1, 2, 3, 4, 5, 6), callno=950 + port))
        f.append(reply(port, 950 + port, b"", typ=4))
        f.append(call(port, 510, u32(1, 2, 3), callno=960 + port))
        f.append(reply(port, 960 + port, b""))
    # over IPv6 (tcpdump matches replies on bytes 12-19 of the IP header whatever the version)
    fid6 = u32(4, 5, 6)
    f.append(pkt6(rxh(1, 1, call=900) + u32(132) + fid6, 7001, 7000))
    f.append(pkt6(rxh(4, 0, call=900) + u32(102), 7000, 7001, src="2001:db8::2", dst="2001:db8::1"))
    f.append(pkt6(rxh(2, 0, call=901, seq=0) + bytes(18), 7000, 7001))
    # ports without a service printer: error 7006, 7008, 7009
    for port in (7006, 7008, 7009):
        f.append(call(port, 10000, u32(1, 2, 3, 4, 5, 6), callno=600 + port))
        f.append(reply(port, 600 + port, u32(1)))
    return f


def truncs():
    f = []
    fid = u32(1, 2, 3)
    for port, op, a in [(7001, 214, u32(1) * 11), (7002, 500, xstr("alice") + u32(5, 0)),
                        (7002, 504, u32(1) + vec("bob", 64)), (7003, 501, vec("v", 65)),
                        (7003, 20000, u32(1, 2)), (7004, 3, u32(2) + xstr("CELL") + u32(4) + b"tick"),
                        (7007, 80, xstr("simple") + xstr("fs")), (7005, 100, u32(1)),
                        (7000, 135, fid + u32(1, 2, 3, 4, 5, 6)), (7001, 204, u32(1) + fid + u32(1, 2, 3, 4))]:
        p = call(port, op, a, callno=op)
        for cut in (1, 4, 6, 10, 14, 22, 30, 60, 200):
            if 32 + cut < len(p) - 42:
                f.append((p, 42 + 32 + cut))
    return f


if __name__ == "__main__":
    write("rx-types.pcap", types())
    write("rx-ack.pcap", acks())
    write("rx-fs.pcap", fs())
    write("rx-svc.pcap", others())
    write("rx-trunc.pcap", truncs())
