#!/usr/bin/python3
# wpan-make-captures.py - crafted captures for tests/golden/wpan.list (print/wpan.c:
# IEEE 802.15.4 with and without FCS, the 802.15.4 TAP header, ZEP over UDP).
# Expected outputs come from tcpdump only (tests/golden/regen.sh wpan.list).
# Writes tests/captures/wpan-*.pcap.  Deterministic (seeded); struct-packed frames.
import os, random, struct

CAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "captures")
H = bytes.fromhex

DLT_EN10MB, DLT_WPAN, DLT_WPAN_NOFCS, DLT_WPAN_TAP = 1, 195, 230, 283


def write(name, linktype, frames):
    with open(os.path.join(CAP, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, linktype))
        for i, fr in enumerate(frames):
            data, wire = (fr, len(fr)) if isinstance(fr, bytes) else fr
            f.write(struct.pack("<IIII", 1700000000 + i, 1000 * i, len(data), wire))
            f.write(data)


def crc16(d):
    """802.15.4 16-bit FCS: reflected CCITT, initial value 0"""
    c = 0
    for b in d:
        c ^= b
        for _ in range(8):
            c = (c >> 1) ^ 0x8408 if c & 1 else c >> 1
    return c


def crc32(d):
    """802.15.4 32-bit FCS: reflected 0x04C11DB7, initial value 0, no final xor"""
    c = 0
    for b in d:
        c ^= b
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
    return c


def fcs16(b):
    return b + struct.pack("<H", crc16(b))


def fcs32(b):
    return b + struct.pack("<I", crc32(b))


def fc(ftype, sec=0, pend=0, ar=0, comp=0, seqs=0, ie=0, dm=0, ver=0, sm=0):
    return struct.pack("<H", ftype | sec << 3 | pend << 4 | ar << 5 | comp << 6 | seqs << 8 | ie << 9 |
                       dm << 10 | ver << 12 | sm << 14)


def hie(eid, data=b""):
    return struct.pack("<H", len(data) | eid << 7) + data


def pie(gid, data=b""):
    return struct.pack("<H", len(data) | gid << 11 | 0x8000) + data


def sub_short(sid, data):
    return struct.pack("<H", len(data) | sid << 8) + data


def sub_long(sid, data):
    return struct.pack("<H", len(data) | sid << 11 | 0x8000) + data


S1, S2 = H("3412"), H("cdab")                       # short addresses 1234, abcd
L1, L2 = H("0102030405060708"), H("1112131415161718")
PAN = H("22bb")                                      # PAN bb22

std = [
    # 2003/2006 data frames: short and extended addresses, PAN ID compression
    fcs16(fc(1, ar=1, comp=1, dm=2, sm=2) + b"\x05" + PAN + S1 + S2 + b"payload"),
    fcs16(fc(1, dm=3, sm=3, ver=1) + b"\x06" + PAN + L1 + PAN + L2 + H("0102")),
    fcs16(fc(1, comp=1, dm=2, sm=3, ver=1, pend=1) + b"\x07" + PAN + S1 + L2),
    fcs16(fc(1, dm=2, sm=0) + b"\x08" + PAN + S1),                        # no source
    fcs16(fc(1, dm=0, sm=2) + b"\x09" + PAN + S2 + b"x"),                 # no destination
    fcs16(fc(1, comp=1, dm=2, sm=0) + b"\x0a" + PAN + S1),                # error: compression, one address
    fc(1, comp=1, dm=2, sm=2) + b"\x0b" + PAN + S1 + S2 + b"nofcs",       # no FCS stored
    fcs32(fc(1, comp=1, dm=2, sm=2, ver=2) + b"\x0c" + PAN + S1 + S2 + b"fcs32"),
    fcs16(fc(1, dm=1, sm=2) + b"\x0d" + PAN + S1),                        # reserved dst mode
    fcs16(fc(1, dm=2, sm=1) + b"\x0e" + PAN + S1),                        # reserved src mode
    fcs16(fc(1, seqs=1, dm=2, sm=2, comp=1) + PAN + S1 + S2),             # seq suppressed, v0
    # acknowledgements
    fcs16(fc(2) + b"\x05"),
    fcs16(fc(2, pend=1, ver=1) + b"\x06"),
    fcs16(fc(2, ver=2, ie=1, dm=2, comp=1) + b"\x07" + PAN + S1 + hie(0x1e, H("3400")) + hie(0x7f)),
    # beacons (2003/2006): superframe, GTS, pending addresses
    fcs16(fc(0, sm=2) + b"\x10" + PAN + S1 + H("ffcf") + b"\x00" + b"\x00" + b"beacon"),
    fcs16(fc(0, sm=3, ver=1) + b"\x11" + PAN + L1 + H("1ad1") + b"\x02\x55" + S1 + b"\x21" + S2 + b"\x42" +
          b"\x12" + S1 + S2 + L2),
    fcs16(fc(0, sm=2) + b"\x12" + PAN + S1 + H("ff0f") + b"\x03\x01" + S1),   # GTS list truncated
    fcs16(fc(0, sm=2) + b"\x13" + PAN + S1 + H("ff0f") + b"\x00" + b"\x22" + S1),  # pending truncated
    fcs16(fc(0, sm=2) + b"\x14" + PAN + S1 + b"\x01"),                    # before beacon info
    fcs16(fc(0, sm=2, ver=2) + b"\x15" + PAN + S1 + b"enhanced"),
    # MAC commands
    fcs16(fc(3, ar=1, dm=2, sm=3) + b"\x20" + PAN + S1 + PAN + L1 + b"\x01\xce"),
    fcs16(fc(3, ar=1, comp=1, dm=3, sm=3, ver=1) + b"\x21" + PAN + L2 + L1 + b"\x02" + S2 + b"\x00"),
    fcs16(fc(3, comp=1, dm=3, sm=3) + b"\x22" + PAN + L2 + L1 + b"\x02" + S2 + b"\x80"),
    fcs16(fc(3, comp=1, dm=3, sm=3) + b"\x23" + PAN + L2 + L1 + b"\x02" + S2 + b"\x07"),
    fcs16(fc(3, comp=1, dm=3, sm=3) + b"\x24" + PAN + L2 + L1 + b"\x03\x02"),
    fcs16(fc(3, comp=1, dm=3, sm=3) + b"\x25" + PAN + L2 + L1 + b"\x03\x05"),
    fcs16(fc(3, comp=1, dm=2, sm=3) + b"\x26" + PAN + S1 + L1 + b"\x04"),
    fcs16(fc(3, dm=2, sm=0) + b"\x27" + H("ffff") + H("ffff") + b"\x07"),
    fcs16(fc(3, dm=2, sm=3) + b"\x28" + H("ffff") + H("ffff") + H("ffff") + L1 + b"\x06"),
    fcs16(fc(3, dm=3, sm=2) + b"\x29" + PAN + L1 + PAN + S1 + b"\x08" + PAN + S1 + b"\x0b" + S2),
    fcs16(fc(3, dm=3, sm=2) + b"\x2a" + PAN + L1 + PAN + S1 + b"\x08" + PAN + S1 + b"\x0b" + S2 + b"\x81"),
    fcs16(fc(3, dm=3, sm=2) + b"\x2b" + PAN + L1 + PAN + S1 + b"\x08" + PAN + S1 + b"\x0b" + S2 + b"\x02"),
    fcs16(fc(3, dm=2, sm=2, comp=1) + b"\x2c" + PAN + S1 + S2 + b"\x09\x35"),
    fcs16(fc(3, dm=2, sm=2, comp=1) + b"\x2d" + PAN + S1 + S2 + b"\x01\x02\x03"),     # bad length
    fcs16(fc(3, dm=2, sm=2, comp=1) + b"\x2e" + PAN + S1 + S2 + b"\x13\xaa\xbb"),     # DSME: raw data
    fcs16(fc(3, dm=2, sm=2, comp=1) + b"\x2f" + PAN + S1 + S2 + b"\x31\x01"),         # reserved id
    fcs16(fc(3, dm=2, sm=2, comp=1) + b"\x30" + PAN + S1 + S2),                       # no command id
    # auxiliary security header: levels, key id modes, frame counter suppression
    fcs16(fc(1, sec=1, comp=1, dm=2, sm=2, ver=1) + b"\x40" + PAN + S1 + S2 + b"\x05" + H("01000000") +
          b"enc" + H("a1a2a3a4")),
    fcs16(fc(1, sec=1, comp=1, dm=2, sm=2, ver=1) + b"\x41" + PAN + S1 + S2 + b"\x0e" + H("02000000") +
          b"\x07" + b"enc" + H("b1b2b3b4b5b6b7b8")),
    fcs16(fc(1, sec=1, comp=1, dm=2, sm=2, ver=1) + b"\x42" + PAN + S1 + S2 + b"\x17" + H("03000000") +
          H("22bb3412") + b"\x09" + b"e" * 4 + H("c0c1c2c3c4c5c6c7c8c9cacbcccdcecf")),
    fcs16(fc(1, sec=1, comp=1, dm=2, sm=2, ver=1) + b"\x43" + PAN + S1 + S2 + b"\x1c" + H("04000000") +
          L1 + b"\x0a" + b"e"),
    fcs16(fc(1, sec=1, comp=1, dm=2, sm=2, ver=2) + b"\x44" + PAN + S1 + S2 + b"\x29" + b"\x0b" + b"e" * 8),
    fcs16(fc(1, sec=1, comp=1, dm=2, sm=2, ver=1) + b"\x45" + PAN + S1 + S2 + b"\x05" + H("0100")),
    fcs16(fc(1, sec=1, comp=1, dm=2, sm=2, ver=1) + b"\x46" + PAN + S1 + S2 + b"\x03"),
    # 2015 frames: PAN ID rules, header and payload IEs
    fcs16(fc(1, ver=2, dm=3, sm=3) + b"\x50" + PAN + L1 + L2 + b"data"),
    fcs16(fc(1, ver=2, dm=3, sm=3, comp=1) + b"\x51" + L1 + L2 + b"data"),
    fcs16(fc(1, ver=2, dm=0, sm=0, comp=1) + b"\x52" + PAN + b"data"),
    fcs16(fc(1, ver=2, dm=2, sm=3) + b"\x53" + PAN + S1 + L2 + b"data"),
    fcs16(fc(1, ver=2, dm=0, sm=2, comp=1) + b"\x54" + S2 + b"data"),
    fcs16(fc(1, ver=2, seqs=1, dm=2, sm=2, comp=1, ie=1) + PAN + S1 + S2 +
          hie(0x1a, H("10002000")) + hie(0x1b, H("01020300")) + hie(0x1d, H("05000600")) + hie(0x7f) + b"pl"),
    fcs16(fc(1, ver=2, dm=2, sm=2, comp=1, ie=1) + b"\x55" + PAN + S1 + S2 +
          hie(0x00, H("aabbcc0102")) + hie(0x1e, H("0a88")) + hie(0x2a) + hie(0x7e) +
          pie(1, sub_short(0x1a, H("0102030405") + b"\x07") + sub_long(9, b"\x03")) + pie(0xf)),
    fcs16(fc(0, ver=2, dm=2, sm=3, ie=1) + b"\x56" + H("ffff") + H("ffff") + L1 +
          hie(0x7e) + pie(1, sub_short(0x1a, H("0a0b0c0d0e01")) + sub_short(0x1c, b"\x00") +
                          sub_short(0x1b, H("01000165000200010002000f0300040001")) +
                          sub_long(9, H("00" "00" "1000" "01000000" "0200" "0b000c00" "0100")))),
    fcs16(fc(1, ver=2, dm=2, sm=2, comp=1, ie=1) + b"\x57" + PAN + S1 + S2 + hie(0x7e) +
          pie(3, H("00" "3412" "abcdef")) + pie(3, H("0a01") + b"frag") + pie(3, H("12" "00" "2000" "3412") +
          b"first") + pie(3, H("06" "4000")) + pie(3, H("07") + b"r") + pie(5, H("01aabb")) +
          pie(2, H("00112233")) + pie(4) + pie(0xf)),
    fcs16(fc(1, ver=2, dm=2, sm=2, comp=1, ie=1) + b"\x58" + PAN + S1 + S2 +
          hie(0x1c, H("ff8f" "11" + "3412" + "0102030405060708" + "07" + "0102030405060708" + "0100" + "0100" + "aa" +
                      "05" "06" "0700" "0100" "bb")) +
          hie(0x21, H("ff8f" "00" "0711" + "1112131415161718" + "0000" "0000" + "01" "02" "0300" "0000" + "02" "0100" "0200")) +
          hie(0x7f)),
    fcs16(fc(1, ver=2, dm=2, sm=2, comp=1, ie=1) + b"\x59" + PAN + S1 + S2 + hie(0x1a, H("01")) +
          hie(0x1b, H("01")) + hie(0x1d, H("01")) + hie(0x1e, H("01")) + hie(0x00, H("01")) + hie(0x7f)),
    fcs16(fc(1, ver=2, dm=2, sm=2, comp=1, ie=1) + b"\x5a" + PAN + S1 + S2 + hie(0x7e) +
          pie(1, sub_short(0x1c, H("0100020003000400050006000700080009000a000b000c00"))) + pie(0xf)),
    fcs16(fc(1, ver=2, dm=2, sm=2, comp=1, ie=1) + b"\x5b" + PAN + S1 + S2 + hie(0x10, b"abcdefgh")),
    fcs16(fc(1, ver=2, dm=2, sm=2, comp=1, ie=1) + b"\x5c" + PAN + S1 + S2 + H("0380")),  # header IE type 1
    fcs16(fc(1, ver=2, dm=2, sm=2, comp=1, ie=1) + b"\x5d" + PAN + S1 + S2 + hie(0x7e) + H("0500")),
    fcs16(fc(1, ver=2, dm=2, sm=2, comp=1, ie=1, sec=1) + b"\x5e" + PAN + S1 + S2 + b"\x25" + b"\x01" +
          hie(0x7e) + b"encrypted" + H("01020304")),
    # multipurpose frames: short and long frame control
    fcs16(struct.pack("<H", 5 | 2 << 4 | 2 << 6) + b"\x60" + S1 + S2 + b"mp"),
    fcs16(struct.pack("<H", 5 | 1 << 3 | 3 << 4 | 3 << 6 | 1 << 8 | 1 << 11 | 2 << 12 | 1 << 14) + b"\x61" + PAN +
          L1 + L2 + b"mp long"),
    fcs16(struct.pack("<H", 5 | 1 << 3 | 2 << 4 | 0 << 6 | 1 << 10 | 1 << 15 | 1 << 9) + S1 + b"\x07" +
          hie(0x1e, H("0100")) + hie(0x7f) + b"x" + H("01020304")),
    fcs16(struct.pack("<H", 5 | 1 << 4)),
    # reserved, fragment and extended frame types are not decoded
    fcs16(struct.pack("<H", 4) + b"reserved"),
    fcs16(struct.pack("<H", 6) + b"frak"),
    fcs16(struct.pack("<H", 7) + b"extended"),
    b"\x41",                                                               # shorter than a frame control
    fcs16(fc(1, comp=1, dm=2, sm=2)),                                      # FCS where the addresses should be
]

# seeded structured sweep: frame types, versions, address modes, security and IEs
r = random.Random(154)


def rb(n):
    return bytes(r.randrange(256) for _ in range(n))


def sweep_frame():
    ftype, ver = r.choice([0, 1, 1, 2, 3, 5]), r.choice([0, 1, 2, 2])
    dm, sm = r.choice([0, 2, 3]), r.choice([0, 2, 3])
    sec, ie, comp = int(r.random() < 0.3), int(ver == 2 and r.random() < 0.5), int(r.random() < 0.5)
    b = fc(ftype, sec=sec, pend=r.randrange(2), ar=r.randrange(2), comp=comp, ie=ie, dm=dm, ver=ver, sm=sm)
    b += bytes([r.randrange(256)]) + rb(r.choice([2, 4, 6, 10, 12, 20]))
    if sec:
        lvl, kid = r.randrange(8), r.randrange(4)
        b += bytes([lvl | kid << 3]) + rb(4) + rb([0, 1, 5, 9][kid])
    if ie:
        b += hie(r.choice([0x1a, 0x1e, 0x22, 0x40]), rb(r.choice([0, 2, 4]))) + hie(0x7e)
        b += pie(r.choice([1, 3, 5, 6]), rb(r.choice([0, 1, 3, 4])))
    b += rb(r.choice([0, 3, 8]))
    return r.choice([fcs16, fcs32, lambda x: x])(b)


sweep = [sweep_frame() for _ in range(120)]


def cut(frames, seed):
    """every frame again, captured short (the wire length stays)"""
    rc = random.Random(seed)
    return [(f[:rc.randrange(1, len(f))], len(f)) for f in frames if len(f) > 1]


def tap(frame, tlvs=b"", version=0, hlen=None):
    return struct.pack("<BBH", version, 0, 4 + len(tlvs) if hlen is None else hlen) + tlvs + frame


FCS_TLV = struct.pack("<HHI", 0, 1, 1)
CHAN_TLV = struct.pack("<HHHBB", 3, 3, 11, 0, 0)
taps = [tap(std[0]), tap(std[15], FCS_TLV), tap(std[21], FCS_TLV + CHAN_TLV), tap(std[50]),
        tap(std[0], version=1), tap(std[0], hlen=2), tap(std[0], hlen=200), b"\x00\x00\x04",
        (tap(std[1], FCS_TLV)[:10], len(tap(std[1], FCS_TLV))), tap(b"")]


def ipsum(h):
    s = sum(struct.unpack("!10H", h))
    s = (s & 0xffff) + (s >> 16)
    s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def udp(payload, sport=17754, dport=17754):
    u = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(u), 1, 0, 64, 17, 0, bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]))
    ip = ip[:10] + struct.pack("!H", ipsum(ip)) + ip[12:]
    return H("001122334455") + H("66778899aabb") + b"\x08\x00" + ip + u


def zep1(frame, chan=11, dev=0x1234, crc=0, lqi=200, inner=None):
    return b"EX\x01" + struct.pack("!BHBB", chan, dev, crc, lqi) + b"\x00" * 7 + \
        bytes([len(frame) if inner is None else inner]) + frame


def zep2(frame, ts=(3912345678, 0x80000000), seq=7, ftype=1, crc=1, lqi=0, inner=None, ver=2):
    return b"EX" + bytes([ver, ftype]) + struct.pack("!BHBB", 15, 0xbeef, crc, lqi) + struct.pack("!II", *ts) + \
        struct.pack("!I", seq) + b"\x00" * 10 + bytes([len(frame) if inner is None else inner]) + frame


zeps = [udp(zep1(std[0])), udp(zep1(std[21], crc=1)), udp(zep2(std[2])), udp(zep2(std[15], ts=(0, 0), lqi=9, crc=0)),
        udp(zep2(std[50], ts=(1603747242, 123456789))), udp(b"EX\x02\x02" + struct.pack("!I", 99)),
        udp(zep2(std[11], ver=3, ftype=3)), udp(zep1(std[0], inner=5)), udp(zep2(std[0], inner=90)),
        udp(zep1(std[8])), udp(zep2(b"", inner=0) + b"trailing"), udp(b"EY\x02\x01" + b"\x00" * 28),
        udp(b"\x00\x01"), udp(b"\x80"), udp(b"EX\x01" + b"\x00" * 5), udp(b"EX\x02\x02\x00"),
        udp(b"EX\x02\x01" + b"\x00" * 10), udp(zep1(std[0]), dport=30490),
        udp(zep2(std[64]))]

write("wpan-std.pcap", DLT_WPAN, std)
write("wpan-sweep.pcap", DLT_WPAN, sweep)
write("wpan-trunc.pcap", DLT_WPAN, cut(std, 1) + cut(sweep[:60], 2))
write("wpan-nofcs.pcap", DLT_WPAN_NOFCS, [f[:-2] for f in std[:30]])
write("wpan-tap.pcap", DLT_WPAN_TAP, taps)
write("wpan-zep.pcap", DLT_EN10MB, zeps + cut(zeps[:8], 3))
