#!/usr/bin/python3
# l2odds-make-captures.py - captures for tests/golden/l2odds.list: the less common
# Ethernet types and SNAP protocols (print/vtp.c geonet.c l2misc.c, and the
# dispatch of CFM's old type, 3Com's PPPoE types, Alteon jumbo frames, bridged
# Token Ring / FDDI in SNAP, TIPC's 17-bit size, IPv6 Hop-by-Hop placement).
# Writes small tests/captures/l2odds-*.pcap files, plus truncated copies.
#
#   /usr/bin/python3 tests/golden/l2odds-make-captures.py
#   /usr/bin/python3 tests/golden/l2odds-make-captures.py --sweep DIR
#       also writes DIR/sweep-eth.pcap (every ethertype 0x0600-0xffff with a
#       random, a 01 02 03.. and a zero payload) and DIR/sweep-snap.pcap (every
#       PID under a few OUIs), to diff `tcpdump -nn [-v|-e] -r` against synack.
#       They are large (tens of MB): never commit them.
import os, random, struct, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CAP = os.path.join(HERE, "..", "captures")
SRC = bytes.fromhex("001122334455")
DST = bytes.fromhex("0180c2000001")


def write_pcap(path, frames, dlt=1):
    """frames: bytes, or (bytes, caplen) for a frame cut short on capture."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, dlt))
        for i, fr in enumerate(frames):
            data, cap = (fr, len(fr)) if isinstance(fr, bytes) else fr
            f.write(struct.pack("<IIII", 1700000000 + i, 0, cap, len(data)))
            f.write(data[:cap])


def eth(etype, body, src=SRC, dst=DST):
    return dst + src + struct.pack(">H", etype) + body


def snap(oui, pid, body):
    data = bytes([0xAA, 0xAA, 0x03]) + oui.to_bytes(3, "big") + struct.pack(">H", pid) + body
    return DST + SRC + struct.pack(">H", len(data)) + data


def cuts(frames, offsets):
    """Truncated copies: each frame captured up to 14+k bytes for k in offsets."""
    out = []
    for fr in frames:
        for k in offsets:
            if 14 + k < len(fr):
                out.append((fr, 14 + k))
    return out


# ---- GeoNetworking / BTP, CALM FAST ----
def geonet(ver, nh, ht, hst, body, plen=None, hoplim=10):
    hdr = bytes([(ver << 4) | nh, (ht << 4) | hst, 0x00, 0x05])
    hdr += struct.pack(">HBB", len(body) if plen is None else plen, 0x00, hoplim)
    lpv = bytes.fromhex("bc00112233445566") + struct.pack(">IiiHHI", 123456, 599123456, -105987654, 30, 90, 0)
    return hdr + lpv


def geonet_frames():
    f = []
    btp_cam = struct.pack(">HH", 2001, 0) + bytes([1, 0]) + b"\x11\x22\x33"
    btp_sa = struct.pack(">HH", 2002, 7) + bytes([2, 150])
    f.append(eth(0x8947, geonet(0, 1, 1, 0, btp_cam) + btp_cam))           # Beacon, BTP-A, CAM
    f.append(eth(0x8947, geonet(1, 2, 5, 0, btp_sa) + btp_sa))             # TSB single hop, BTP-B, SA
    mh = bytes(range(32)) + struct.pack(">HH", 7, 9) + bytes([1, 1]) + b"x" * 8
    f.append(eth(0x8947, geonet(1, 2, 5, 1, mh) + mh))                     # TSB multi hop: 32-byte extension
    f.append(eth(0x0707, geonet(0, 1, 0, 0, b"") + struct.pack(">HH", 1, 2) + b"\x05"))  # old type, body < 2
    f.append(eth(0x8947, geonet(0, 1, 1, 0, b"") + b"\x00\x01"))           # BTP shorter than 4
    f.append(eth(0x8947, geonet(0, 3, 5, 1, b"") + bytes(10)))             # extension longer than the rest
    for ht, hst in ((2, 0), (3, 0), (3, 1), (3, 2), (3, 5), (4, 0), (4, 1), (4, 2), (4, 9),
                    (5, 3), (6, 0), (6, 1), (6, 2), (7, 0), (15, 15)):
        f.append(eth(0x8947, geonet(1, 1, ht, hst, b"") + bytes(range(1, 25))))
    f.append(eth(0x8947, bytes(35)))                                        # common header too short
    f.append(eth(0x8947, b""))
    f.append(eth(0x1111, bytes([7, 9]) + b"calm payload"))
    f.append(eth(0x1111, bytes([7, 9])))
    f.append(eth(0x1111, bytes([7])))
    return f


# ---- MPCP ----
def mpcp(op, ts, body):
    return eth(0x8808, struct.pack(">HI", op, ts) + body)


def mpcp_frames():
    return [
        mpcp(1, 0, bytes(4)),
        mpcp(2, 1000, bytes([0x1B]) + struct.pack(">IH", 5000, 100) + struct.pack(">IH", 6000, 200)
             + struct.pack(">IH", 7000, 300) + struct.pack(">H", 42)),
        mpcp(2, 1001, bytes([0x08]) + struct.pack(">H", 7)),
        mpcp(2, 1002, bytes([0xF0]) + struct.pack(">H", 7)),
        mpcp(3, 2000, bytes([3, 0x05]) + struct.pack(">HH", 11, 22) + bytes([0x80]) + struct.pack(">H", 33)),
        mpcp(3, 2001, bytes([1])),
        mpcp(4, 3000, bytes([1, 4])),
        mpcp(4, 3001, bytes([3, 0])),
        mpcp(4, 3002, bytes([0, 0])),
        mpcp(5, 4000, struct.pack(">HBHB", 17, 3, 999, 2)),
        mpcp(5, 4001, struct.pack(">HBHB", 18, 12, 999, 2)),
        mpcp(6, 5000, struct.pack(">BHH", 1, 17, 999)),
        mpcp(6, 5001, struct.pack(">BHH", 0, 17, 999)),
        mpcp(6, 5002, struct.pack(">BHH", 0xFF, 17, 999)),
        mpcp(9, 6000, bytes(range(20))),
    ]


# ---- Realtek ----
def rtl_frames():
    rrcp = lambda op, rest: eth(0x8899, bytes([0x01, op]) + struct.pack(">H", 0x2379) + rest)
    return [
        rrcp(0x00, bytes(16)),
        rrcp(0x80, bytes([3, 9]) + bytes.fromhex("00e04c112233") + struct.pack(">HI", 0x8316, 0x10ec8316)),
        rrcp(0x01, struct.pack("<HI", 0x0200, 0xDEADBEEF) + struct.pack(">II", 0x11111111, 0x22222222)),
        rrcp(0x82, struct.pack("<HI", 0x0201, 0x00000001) + struct.pack(">II", 0x33333333, 0x44444444)),
        rrcp(0x05, bytes(16)),
        eth(0x8899, bytes([0x02]) + bytes(20)),
        eth(0x8899, bytes([0x03]) + bytes(20)),
        eth(0x8899, bytes([0x23]) + bytes(20)),
        eth(0x8899, bytes([0x04]) + bytes(8)),
        eth(0x8899, bytes([0x95, 0, 0, 0])),
        eth(0x8899, bytes([0xA3, 0, 0, 0])),
        eth(0x8899, bytes([0x77])),
    ]


# ---- VTP ----
def vtp(code, b3, dom, body, dlen=None, ver=1):
    d = dom.encode()
    hdr = bytes([ver, code, b3, len(d) if dlen is None else dlen]) + d.ljust(32, b"\0")
    return snap(0x00000C, 0x2003, hdr + body)


def vlan(status, vtype, vid, name, tlvs=b"", mtu=1500, said=100000):
    n = name.encode()
    padded = n.ljust(4 * ((len(n) + 3) // 4), b"\0")
    body = struct.pack(">HHI", vid, mtu, said) + padded + tlvs
    return bytes([4 + len(body), status, vtype, len(n)]) + body


def vtp_frames():
    tlv = lambda t, v: bytes([t, 1]) + struct.pack(">H", v)
    all_tlvs = b"".join(tlv(t, v) for t, v in ((1, 5), (2, 6), (3, 2), (4, 7), (5, 8), (6, 1),
                                                 (7, 1), (8, 7), (9, 7), (10, 1), (3, 9), (6, 0),
                                                 (7, 0), (10, 0), (12, 3)))
    summary = struct.pack(">I", 0x2A) + bytes([10, 1, 2, 3]) + b"930301000000" + bytes(range(16))
    subset = struct.pack(">I", 0x2A) + vlan(0, 1, 1, "default") + vlan(1, 2, 1002, "fddi-default", all_tlvs) \
        + vlan(0, 3, 1003, "trcrf", tlv(10, 0)) + vlan(0, 9, 20, "") + bytes(4)
    return [
        vtp(1, 1, "lab", summary),
        vtp(1, 0, "a-very-long-management-domain-32", summary),
        vtp(2, 1, "lab", subset),
        vtp(2, 2, "lab", struct.pack(">I", 5) + vlan(0, 1, 10, "ten") + bytes([3, 0, 0, 0])),  # VLAN field < 12
        vtp(2, 3, "lab", struct.pack(">I", 5) + vlan(0, 1, 10, "ten", bytes([6, 2, 0, 1, 0, 0]))),  # TLV length 2
        vtp(2, 4, "lab", struct.pack(">I", 5) + bytes([16, 0, 1, 8]) + struct.pack(">HHI", 1, 1500, 1) + b"abcd"),  # name past field
        vtp(2, 5, "lab", struct.pack(">I", 5) + bytes([17, 0, 1, 0]) + struct.pack(">HHI", 1, 1500, 1) + bytes([6]) + bytes(4)),
        vtp(2, 6, "lab", struct.pack(">I", 5) + vlan(0, 1, 10, "x", bytes([6, 3, 0, 1]))),  # TLV past the end
        vtp(3, 0, "lab", struct.pack(">I", 7)),
        vtp(4, 0, "lab", bytes(8)),
        vtp(9, 0, "lab\x01\xff", bytes(4)),
        vtp(1, 0, "lab", summary, dlen=0),
        vtp(1, 0, "lab", summary, dlen=33),
        snap(0x00000C, 0x2003, bytes([1, 1, 0, 3]) + b"lab" + bytes(20)),  # shorter than the header
    ]


# ---- SNAP: bridged 802.5 / FDDI, and friends ----
def snap_frames():
    llc_ip = bytes([0xAA, 0xAA, 0x03, 0, 0, 0, 0x08, 0x00]) + bytes.fromhex(
        "45000020000100004011f9c5c0a80001c0a8000204d2162e000c0000") + b"abcd"
    tr_llc = bytes([0x10, 0x40]) + bytes.fromhex("02aabbccddee") + bytes.fromhex("021122334455") + llc_ip
    tr_rt = bytes([0x10, 0x40]) + bytes.fromhex("02aabbccddee") + bytes.fromhex("821122334455") + \
        struct.pack(">H", 0x0630) + struct.pack(">HH", 0x0011, 0x0022) + llc_ip
    tr_mac = bytes([0x10, 0x01]) + bytes.fromhex("02aabbccddee") + bytes.fromhex("021122334455") + bytes(12)
    fd_llc = bytes([0x50]) + bytes.fromhex("02aabbccddee") + bytes.fromhex("021122334455") + llc_ip
    fd_smt = bytes([0x41]) + bytes.fromhex("02aabbccddee") + bytes.fromhex("021122334455") + bytes(20)
    fd_mac = bytes([0xC2]) + bytes.fromhex("02aabbccddee") + bytes.fromhex("021122334455") + bytes(8)
    bpdu = bytes.fromhex("000000000080000011223344550000000480000011223344558001000014000200020000000000")
    return [
        snap(0x0080C2, 0x0003, bytes(2) + tr_llc + bytes(4)),
        snap(0x0080C2, 0x0009, bytes(2) + tr_rt),
        snap(0x0080C2, 0x0009, bytes(2) + tr_mac),
        snap(0x0080C2, 0x0004, bytes(3) + fd_llc + bytes(4)),
        snap(0x0080C2, 0x000A, bytes(3) + fd_smt),
        snap(0x0080C2, 0x000A, bytes(3) + fd_mac),
        snap(0x0080C2, 0x0005, bytes(20)),
        snap(0x0080C2, 0x000E, bpdu),
        snap(0x0080C2, 0x0009, bytes(2) + bytes(6)),   # inner Token Ring header cut short
        snap(0x0080C2, 0x000A, bytes(2)),              # not even the padding
    ]


# ---- other ethertypes ----
def misc_frames():
    cfm = bytes([0x60, 0x01, 0x04, 0x46]) + struct.pack(">I", 1) + struct.pack(">HH", 7, 0x0403) + \
        b"\x04\x00\x04abcd" + bytes(48) + bytes([0])
    pado = bytes([0x11, 0x07, 0, 0]) + struct.pack(">H", 12) + bytes([1, 1, 0, 0, 1, 2, 0, 4]) + b"isp1"
    sess = bytes([0x11, 0x00, 0x12, 0x34]) + struct.pack(">H", 6) + bytes([0xC0, 0x21, 9, 1, 0, 4])
    jumbo_llc = bytes([0xF0, 0xF1, 0x03]) + bytes(range(24))
    tipc = struct.pack(">I", (2 << 29) | (0 << 25) | (6 << 21) | 0x1F000) + bytes(20)
    maid = (bytes([4, 3]) + b"abc" + bytes([2, 3]) + b"xyz").ljust(48, b"\0")
    ccm = bytes([0x60, 0x01, 0x04, 70]) + struct.pack(">IH", 7, 12) + maid + bytes(16) + \
        bytes([2, 0, 1, 2, 4, 0, 1, 1, 1, 0, 8, 4, 10, 1, 2, 3, 4, 5, 6, 0, 0])
    ltm = bytes([0x40, 0x05, 0x80, 17]) + struct.pack(">IB", 99, 64) + SRC + DST + \
        bytes([7, 0, 2, 0x12, 0x34, 0])
    return [
        eth(0xABCD, ccm),
        eth(0xABCD, ltm),
        eth(0xABCD, cfm),
        eth(0xABCD, bytes([0x20, 0x01, 0x04, 0x46]) + bytes(10)),
        eth(0x3C12, pado),
        eth(0x3C13, sess),
        eth(0x8870, jumbo_llc),
        eth(0x8870, bytes([0x42, 0x42, 0x03]) + bytes(35)),
        DST + SRC + b"\x81\x00\x00\x05\x88\x70" + bytes([0xE0, 0xE0, 0x03]) + bytes(30),
        eth(0x88CA, tipc),
    ]


# ---- IPv6: where a Hop-by-Hop header may be ----
def ip6_frames():
    src = bytes.fromhex("20010db8000000000000000000000001")
    dst = bytes.fromhex("20010db8000000000000000000000002")
    ip6 = lambda nh, pl: bytes.fromhex("00000000000200000000000186dd") + \
        struct.pack(">IHBB", 0x60000000, len(pl), nh, 64) + src + dst + pl
    hbh = bytes([17, 0, 1, 4, 0, 0, 0, 0])
    udp = struct.pack(">HHHH", 1234, 5678, 12, 0) + b"abcd"
    rt = bytes([0, 2, 0, 1]) + bytes(4) + bytes.fromhex("20010db8000000000000000000000003")
    return [
        ip6(43, rt + hbh + udp),
        ip6(44, bytes([0, 0, 0, 0, 0, 0, 0, 1]) + hbh + udp),
        ip6(60, bytes([0, 0, 1, 4, 0, 0, 0, 0]) + hbh + udp),
        ip6(0, bytes([0, 0, 1, 4, 0, 0, 0, 0]) + hbh + udp),
        ip6(0, hbh + udp),
        ip6(60, bytes([0, 0, 1, 4, 0, 0, 0, 0]) + bytes([60, 0, 1, 4, 0, 0, 0, 0]) + hbh + udp),
    ]


# ---- the same types under Linux cooked capture (no Ethernet addresses for the printers) ----
def sll_frames():
    body = geonet(0, 1, 1, 0, b"") + struct.pack(">HH", 1, 2) + bytes([1, 0])
    sll = lambda t, b: struct.pack(">HHH", 0, 1, 6) + SRC + b"\0\0" + struct.pack(">H", t) + b
    return [sll(0x8947, body), sll(0x0707, body), sll(0x1111, bytes([1, 2, 3])),
            sll(0x8899, bytes([0x02])), sll(0x8808, struct.pack(">HI", 1, 0)), sll(0xABCD, bytes([0x20, 0, 0, 0]))]


def sweep(d):
    random.seed(1)
    pays = [bytes(random.randrange(256) for _ in range(60)), bytes(range(1, 61)), bytes(60)]
    write_pcap(os.path.join(d, "sweep-eth.pcap"),
               [eth(t, p) for t in range(0x600, 0x10000) for p in pays])
    write_pcap(os.path.join(d, "sweep-snap.pcap"),
               [snap(o, pid, pays[0]) for o in (0x00000C, 0x0080C2, 0x080007, 0x00E02B, 0x0040A0)
                for pid in range(0x10000)])


def main():
    sets = {
        "geonet": geonet_frames(), "mpcp": mpcp_frames(), "rtl": rtl_frames(),
        "vtp": vtp_frames(), "snap": snap_frames(), "misc": misc_frames(), "ip6": ip6_frames(),
    }
    for name, frames in sets.items():
        write_pcap(os.path.join(CAP, "l2odds-%s.pcap" % name), frames)
    write_pcap(os.path.join(CAP, "l2odds-sll.pcap"), sll_frames(), dlt=113)
    trunc = cuts(sets["geonet"][:4] + sets["geonet"][-3:], (1, 5, 20, 35, 38, 41)) + \
        cuts(sets["mpcp"], (1, 5, 7, 12, 20)) + cuts(sets["rtl"], (0, 1, 3, 9, 13, 17)) + \
        cuts(sets["vtp"][:3] + sets["vtp"][8:10], (8, 20, 44, 50, 60, 75, 100, 130)) + \
        cuts(sets["snap"], (5, 9, 12, 18, 25, 40)) + cuts(sets["misc"], (1, 4, 10, 20)) + \
        cuts(sets["misc"][:2], (30, 60, 74, 76, 77, 80, 84, 88, 93, 95, 6, 12, 16, 22, 25, 27))
    trunc.append((eth(0x3C12, bytes([0x11, 0x07])), 15))  # PPPoE shorter than its header, cut
    trunc.append((snap(0x0080C2, 0x0007, bytes(20)), 23))  # bridged Ethernet, padding cut
    trunc.append((eth(0x8947, bytes(40)), 13))             # not even the Ethernet header
    write_pcap(os.path.join(CAP, "l2odds-trunc.pcap"), trunc)
    if len(sys.argv) == 3 and sys.argv[1] == "--sweep":
        sweep(sys.argv[2])


if __name__ == "__main__":
    main()
