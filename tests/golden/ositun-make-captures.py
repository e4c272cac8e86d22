#!/usr/bin/python3
# ositun-make-captures.py - crafted captures for tests/golden/ositun.list: OSI over
# Ethertype 0xfefe (CLNP / ES-IS / IS-IS / other NLPIDs), NSH (Ethertype 0x894f),
# VXLAN-GPE (UDP 4790), VXLAN (4789) flags, Geneve (6081) options, MPLS in UDP (6635)
# and KIP (AppleTalk LLAP in UDP).  Fixed cases, seeded random sweeps of the dispatch
# fields, and truncated copies.  Expected outputs come from tcpdump
# (bash tests/golden/regen.sh ositun.list).
#   /usr/bin/python3 tests/golden/ositun-make-captures.py          # tests/captures/ositun-*.pcap
#   /usr/bin/python3 tests/golden/ositun-make-captures.py --big D  # large sweeps into dir D
import os, random, struct, sys
from scapy.all import Ether, Dot1Q, IP, IPv6, UDP, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
CAP = os.path.join(HERE, "..", "captures")
MAC_A, MAC_B = "02:00:00:00:00:01", "02:00:00:00:00:02"
A4, B4 = "10.66.0.1", "10.66.0.2"
BIG = 1
OUT = CAP


def write(name, raws, cuts=()):
    """Ethernet frames, then for each (index, n) in cuts a copy of raws[index] cut to n bytes."""
    raws = [bytes(r) for r in raws]
    for i, n in cuts:
        raws.append(raws[i][:n])
    pkts = [Ether(r) for r in raws]
    for i, p in enumerate(pkts):
        p.time = 1700000000 + i
    wrpcap(os.path.join(OUT, name), pkts)


def eth(etype, payload):
    return Ether(src=MAC_A, dst=MAC_B, type=etype) / Raw(payload)


def udp(sport, dport, payload, v6=False):
    ip = IPv6(src="2001:db8::1", dst="2001:db8::2") if v6 else IP(src=A4, dst=B4, id=7)
    return Ether(src=MAC_A, dst=MAC_B) / ip / UDP(sport=sport, dport=dport) / Raw(payload)


def rbytes(rng, n):
    return bytes(rng.randrange(256) for _ in range(n))


INNER4 = bytes(IP(src="192.0.2.1", dst="192.0.2.2", id=1) / UDP(sport=1000, dport=2000) / Raw(b"abcd"))
INNER6 = bytes(IPv6(src="2001:db8::a", dst="2001:db8::b") / UDP(sport=1000, dport=2000) / Raw(b"abcd"))
INNERE = bytes(Ether(src="02:00:00:00:00:0a", dst="02:00:00:00:00:0b") / IP(src="192.0.2.3", dst="192.0.2.4", id=2)
               / UDP(sport=3000, dport=4000) / Raw(b"xy"))


# ---- OSI (Ethertype 0xfefe: one byte, then the NLPID) ----
def clnp(ptype=0x1c, flags=0x80, li=None, ver=1, dst=b"\x49\x00\x01\x12\x34", src=b"\x49\x00\x02",
         seg=b"\x00\x01\x00\x00\x00\x40", opts=b"", data=b"", lifetime=0x20):
    hdr = bytes([len(dst)]) + dst + bytes([len(src)]) + src
    if flags & 0x80:
        hdr += seg
    hdr += opts
    L = 9 + len(hdr) if li is None else li
    fixed = bytes([0x81, L, ver, lifetime, flags | ptype]) + struct.pack(">HH", 9 + len(hdr) + len(data), 0)
    return fixed + hdr + data


def osi():
    rng = random.Random(13)
    p = []
    pre = b"\xfe"
    p.append(eth(0xfefe, pre + clnp()))                                    # DT
    p.append(eth(0xfefe, pre + clnp(ptype=0x1e, data=b"\x01\x02\x03\x04")))  # ER + data
    p.append(eth(0xfefe, pre + clnp(ptype=0x01, flags=0, data=clnp())))   # ER with original packet
    p.append(eth(0xfefe, pre + clnp(li=200)))                              # li > PDU size
    p.append(eth(0xfefe, pre + clnp(li=5)))                                # li < min
    p.append(eth(0xfefe, pre + clnp(ver=2)))                               # version
    p.append(eth(0xfefe, pre + clnp(opts=b"\xc5\x02\x40\x07\xcd\x01\x0f\xc3\x01\xc5\xc1\x01\x21"
                                         b"\xcc\x02\x00\x00\xc8\x06\x00\x02\x03\x01\x02\x03")))
    p.append(eth(0xfefe, pre + clnp(opts=b"\xc5\x09\x40")))               # option too long
    p.append(eth(0xfefe, pre + b"\x82\x0b\x01\x00\x02\x00\x2a\x00\x00\x01\x00"))   # ES-IS ESH
    p.append(eth(0xfefe, pre + b"\x83\x1b\x01\x00\x11\x01\x00\x00\x01" + b"\x12\x34\x56\x78\x9a\xbc\x00"
                 + b"\x00\x1e\x05\xd4\x00\x00\x00\x00\x00\x00\x00\x00\x40"))      # IS-IS L1 hello, short
    p.append(eth(0xfefe, pre + b"\x00\x01\x02\x03"))                       # NULL NS
    p.append(eth(0xfefe, pre + b"\xcc" + INNER4))                          # IP
    p.append(eth(0xfefe, pre + b"\x8e" + INNER6))                          # IPv6
    p.append(eth(0xfefe, pre + b"\x42" + b"\x30" * 58))                    # unknown NLPID
    p.append(eth(0xfefe, pre + b"\x42"))                                   # unknown, length 1
    p.append(eth(0xfefe, pre + b"\x08\x02\x00\x01\x75\x95\x01\x01\x00"))  # Q.933
    p.append(eth(0xfefe, pre + b"\xcf\xc0\x21\x01\x01\x00\x04"))          # PPP NLPID
    p.append(eth(0xfefe, b""))                                             # nothing after the type
    p.append(eth(0xfefe, b"\x30"))                                         # only the pad byte
    n = 40 * BIG
    for i in range(n):                                                     # random PDUs by NLPID
        nl = rng.choice([0x81, 0x82, 0x83, 0x00, 0x42, 0x81, 0x81])
        body = bytearray(rbytes(rng, rng.randrange(2, 60)))
        body[0] = nl
        if nl == 0x81 and rng.random() < 0.7:
            body[1] = rng.randrange(len(body) + 3)
            if len(body) > 2:
                body[2] = 1
        p.append(eth(0xfefe, bytes([rng.randrange(256)]) + bytes(body)))
    cuts = [(0, 14), (0, 15), (0, 16), (0, 20), (0, 26), (1, 40), (2, 50), (6, 44), (8, 20), (9, 30),
            (11, 30), (13, 20)]
    write("ositun-osi.pcap", p, cuts)


# ---- NSH ----
def nsh(ver=0, o=0, ttl=63, length=2, md=1, np=1, spi=0x123, si=0xff, ctx=b"", payload=INNER4):
    w0 = (ver << 30) | (o << 29) | (ttl << 22) | (length << 16) | (md << 8) | np
    return struct.pack(">II", w0, (spi << 8) | si) + ctx + payload


def md2(tlvs):
    out = b""
    for cls, typ, val in tlvs:
        out += struct.pack(">HBB", cls, typ, len(val)) + val + b"\x00" * ((-len(val)) % 4)
    return out


NSH_CTX1 = struct.pack(">IIII", 1, 2, 3, 0xdeadbeef)


def nsh_cases(rng, n):
    c = [nsh(length=6, ctx=NSH_CTX1),
         nsh(length=6, ctx=NSH_CTX1, np=2, payload=INNER6, o=1),
         nsh(length=6, ctx=NSH_CTX1, np=3, payload=INNERE),
         nsh(length=6, ctx=NSH_CTX1, np=4),
         nsh(length=6, ctx=NSH_CTX1, np=5),
         nsh(length=6, ctx=NSH_CTX1, np=0xfe),
         nsh(length=2, md=2),
         nsh(length=5, md=2, ctx=md2([(1, 2, b"\x12"), (0x100, 3, b"\xab\xcd\xef\x01\x02")])),
         nsh(length=4, md=2, ctx=md2([(7, 8, b"\x01\x02\x03\x04\x05\x06\x07\x08\x09")])[:8]),  # TLV too big
         nsh(length=3, md=2, ctx=struct.pack(">HBB", 9, 9, 0)),
         nsh(length=4, md=1, ctx=NSH_CTX1[:8]),                        # MD1 with wrong length
         nsh(length=2, md=0xf), nsh(length=2, md=3),
         nsh(length=1), nsh(length=0),
         nsh(length=40),                                               # too many headers
         nsh(ver=1), nsh(ver=2, o=1), nsh(ver=3),
         nsh(o=1, ttl=0, length=2, np=1), nsh(length=2, np=1) [:6],      # short
         ]
    for _ in range(n):
        hl = rng.choice([2, 2, 3, 4, 5, 6, 6, rng.randrange(64)])
        md = rng.choice([1, 2, 2, 0, 0xf, rng.randrange(16)])
        ctx = rbytes(rng, max(0, hl - 2) * 4)
        if md == 2 and hl > 2 and rng.random() < 0.7:
            words = hl - 2
            b = b""
            while len(b) < words * 4:
                ln = rng.randrange(0, 12)
                b += struct.pack(">HBB", rng.randrange(65536), rng.randrange(256), ln | rng.choice([0, 0x80]))
                b += rbytes(rng, ln + ((-ln) % 4))
            ctx = b[:words * 4]
        np = rng.choice([1, 2, 3, 4, 5, rng.randrange(256)])
        pay = {1: INNER4, 2: INNER6, 3: INNERE}.get(np, rbytes(rng, 10))
        c.append(nsh(ver=rng.choice([0, 0, 0, 0, 1, 2, 3]), o=rng.randrange(4) & 1 | (rng.randrange(2) << 1) >> 1,
                     ttl=rng.randrange(64), length=hl, md=md, np=np, spi=rng.randrange(1 << 24),
                     si=rng.randrange(256), ctx=ctx, payload=pay))
    return c


def nsh_pcap():
    rng = random.Random(894)
    p = [eth(0x894f, b) for b in nsh_cases(rng, 30 * BIG)]
    p.append(eth(0x894f, bytes(2)))
    # U bit set (0x1000_0000) must not count as O
    p.append(eth(0x894f, struct.pack(">II", 0x1fc20101, 0x00030907) + INNER4))
    cuts = [(0, 16), (0, 20), (0, 25), (0, 30), (0, 40), (7, 30), (7, 34), (7, 40), (2, 50)]
    write("ositun-nsh.pcap", p, cuts)


# ---- VXLAN-GPE ----
def gpe(flags=0x0c, np=1, vni=0x123456, rsv=b"\0\0", last=0, payload=INNER4):
    return bytes([flags]) + rsv + bytes([np]) + struct.pack(">I", (vni << 8) | last) + payload


def gpe_pcap():
    rng = random.Random(4790)
    c = [gpe(), gpe(np=2, payload=INNER6), gpe(np=3, payload=INNERE),
         gpe(np=4, payload=nsh(length=6, ctx=NSH_CTX1)), gpe(np=4, payload=nsh(length=2, np=9)),
         gpe(np=5), gpe(np=0), gpe(np=0xff, flags=0xff), gpe(flags=0), gpe(flags=0x01),
         gpe(flags=0x30, np=1), b"\x0c\x00\x00", b""]
    for f in range(16):
        c.append(gpe(flags=f | (rng.randrange(16) << 4), np=rng.randrange(1, 5), vni=rng.randrange(1 << 24),
                     payload={1: INNER4, 2: INNER6, 3: INNERE}.get(rng.randrange(1, 5),
                                                                    nsh(length=6, ctx=NSH_CTX1))))
    for _ in range(20 * BIG):
        c.append(gpe(flags=rng.randrange(256), np=rng.randrange(7), vni=rng.randrange(1 << 24),
                     payload=rbytes(rng, rng.randrange(30))))
    p = [udp(4790, 4790, b) for b in c]
    p.append(udp(12345, 4790, gpe(np=4, payload=nsh(length=5, md=2, ctx=md2([(1, 2, b"\x12"),
                                                                           (2, 3, b"\x34\x56")]))), v6=True))
    cuts = [(0, 42), (0, 44), (0, 47), (0, 49), (0, 50), (0, 60), (3, 55), (3, 62), (3, 70)]
    write("ositun-gpe.pcap", p, cuts)


# ---- VXLAN flags ----
def vxlan_pcap():
    rng = random.Random(4789)
    c = []
    for f in [0x08, 0x00, 0x01, 0x0c, 0x80, 0xff, 0xf7]:
        c.append(bytes([f, 0, 0, 0]) + struct.pack(">I", 0x00abcd00) + INNERE)
    for _ in range(8 * BIG):
        c.append(bytes([rng.randrange(256)]) + rbytes(rng, 7) + INNERE)
    c += [b"\x08\x00\x00\x00\x00\x00\x01", b"\x08\x00\x00\x00\x00\x00\x01\x00"]
    p = [udp(50000, 4789, b) for b in c]
    cuts = [(0, 42), (0, 45), (0, 49), (0, 50), (0, 55)]
    write("ositun-vxlan.pcap", p, cuts)


# ---- Geneve options ----
def gopt(cls, typ, dlen_words, data=None):
    data = bytes(range(1, 4 * dlen_words + 1)) if data is None else data
    return struct.pack(">HBB", cls, typ, dlen_words & 0x1f) + data


def geneve(opts=b"", optlen=None, ver=0, flags=0, prot=0x6558, vni=0x1234, rsvd=0, payload=INNERE):
    ol = len(opts) // 4 if optlen is None else optlen
    return bytes([(ver << 6) | ol, flags]) + struct.pack(">H", prot) + struct.pack(">I", (vni << 8) | rsvd) \
        + opts + payload


def geneve_pcap():
    rng = random.Random(6081)
    c = [geneve(gopt(0x0000, 0x01, 1)),
         geneve(gopt(0x0102, 0x80, 2) + gopt(0xffff, 0x7f, 0)),
         geneve(gopt(0x090a, 0x0b, 12)[:4] + bytes(4), optlen=2),              # option runs past header
         geneve(gopt(0x0100, 0x81, 31)[:12], optlen=3),
         geneve(gopt(0x00ff, 0x00, 0) * 3 + gopt(0x0101, 0xff, 2)),
         geneve(gopt(0x0001, 2, 1), prot=0x0800, payload=INNER4, flags=0xc0),
         geneve(gopt(0x0001, 2, 1), prot=0x86dd, payload=INNER6, flags=0x3f, rsvd=5),
         geneve(prot=0x1234, payload=b"zz"),
         geneve(ver=1), geneve(optlen=10, payload=b"\x00" * 8), geneve(optlen=63, payload=b""),
         b"\x00\x00\x65\x58\x00\x00"]
    for _ in range(25 * BIG):
        opts = b""
        for _ in range(rng.randrange(1, 4)):
            opts += gopt(rng.choice([0, 1, 0xff, 0x100, 0xfffe, 0xffff, rng.randrange(65536)]), rng.randrange(256),
                         rng.randrange(4))
        ol = len(opts) // 4
        if rng.random() < 0.3:
            ol = max(1, ol - rng.randrange(1, 3))
        c.append(geneve(opts, optlen=ol, flags=rng.randrange(256), prot=rng.choice([0x6558, 0x0800, 0x86dd, 0x8847]),
                        payload=rbytes(rng, 30)))
    p = [udp(40000, 6081, b) for b in c]
    cuts = [(1, 50), (1, 54), (1, 58), (1, 62), (4, 60)]
    write("ositun-geneve.pcap", p, cuts)


# ---- MPLS in UDP ----
def mpls_pcap():
    rng = random.Random(6635)
    lab = lambda l, tc, s, ttl: struct.pack(">I", (l << 12) | (tc << 9) | (s << 8) | ttl)
    c = [lab(849135, 4, 1, 97) + INNER4, lab(16, 0, 0, 64) + lab(17, 1, 1, 63) + INNER6,
         lab(2, 0, 1, 1) + INNER6, lab(0, 0, 1, 1) + INNER4, lab(100, 0, 1, 5) + rbytes(rng, 20), b"\x00\x01"]
    for _ in range(8 * BIG):
        c.append(lab(rng.randrange(1 << 20), rng.randrange(8), rng.randrange(2), rng.randrange(256))
                 + rbytes(rng, rng.randrange(40)))
    p = [udp(33000, 6635, b) for b in c]
    cuts = [(0, 44), (0, 48), (0, 55), (1, 50)]
    write("ositun-mplsudp.pcap", p, cuts)


# ---- KIP: LLAP (dst, src, type) then DDP, over UDP AppleTalk ports ----
def kip_pcap():
    rng = random.Random(16628)
    long_ddp = lambda ln, dnet, snet, dn, sn, ds, ss, t: struct.pack(">HHHHBBBBB", ln, 0, dnet, snet, dn, sn, ds, ss, t)
    c = [(16628, 16628, b"\x01\x02\x02" + long_ddp(20, 26182, 57522, 198, 2, 27, 59, 238) + b"abcdefgh"),
         (200, 3000, b"\x01\x02\x02" + long_ddp(20, 1, 2, 3, 4, 5, 6, 1) + b"\x01\x02\x03\x04"),
         (327, 328, b"\x01\x02\x02" + long_ddp(20, 1, 2, 3, 4, 2, 6, 2) + b"\x21\x07\x00\x01\x02\x03\x04\x05"),
         (16512, 5000, b"\x01\x02\x01" + b"\x00\x10\x05\x06\x03" + b"\x41\x00\x00\x01"),
         (16639, 16640, b"\x01\x02\x02" + long_ddp(20, 9, 9, 9, 9, 9, 9, 3) + b"\x40\x00\x00\x01" + bytes(8)),
         (199, 16640, b"\x01\x02\x02" + long_ddp(20, 9, 9, 9, 9, 9, 9, 3)),        # not an AppleTalk port
         (16628, 9, b"\x01\x02\x05abc"), (16628, 9, b"\x01\x02"), (16628, 9, b"\x01\x02\x02\x00"),
         (53, 201, b"\x01\x02\x02" + long_ddp(20, 1, 2, 3, 4, 5, 6, 7)),
         (319, 320, b"\x01\x02\x02" + long_ddp(20, 1, 2, 3, 4, 5, 6, 7))]
    for _ in range(10 * BIG):
        c.append((rng.choice([200 + rng.randrange(128), 16512 + rng.randrange(128)]), rng.randrange(1024, 65536),
                  bytes([rng.randrange(256), rng.randrange(256), rng.choice([1, 2, 2, 3])]) + rbytes(rng, rng.randrange(30))))
    p = [udp(s, d, b) for s, d, b in c]
    cuts = [(0, 44), (0, 45), (0, 50), (0, 60), (3, 47)]
    write("ositun-kip.pcap", p, cuts)


# ---- NSH and OSI inside other carriers: GRE, Geneve, an 802.1Q tag, MPLS in UDP ----
def carriers_pcap():
    n = nsh(length=6, ctx=NSH_CTX1)
    c = clnp()
    gre = lambda proto, pl: Ether(src=MAC_A, dst=MAC_B) / IP(src=A4, dst=B4, proto=47) / Raw(struct.pack(">HH", 0, proto) + pl)
    p = [gre(0x894f, n), gre(0xfefe, b"\xfe" + c), gre(0x00fe, c), gre(0x6558, INNERE),
         udp(1, 6081, geneve(prot=0x894f, payload=n)), udp(1, 6081, geneve(prot=0xfefe, payload=b"\xfe" + c)),
         Ether(src=MAC_A, dst=MAC_B) / Dot1Q(vlan=5, type=0xfefe) / Raw(b"\xfe" + c),
         Ether(src=MAC_A, dst=MAC_B) / Dot1Q(vlan=5, type=0x894f) / Raw(n),
         udp(2, 6635, struct.pack(">I", (77 << 12) | 0x100 | 9) + c),
         udp(2, 6635, struct.pack(">I", (77 << 12) | 0x100 | 9) + b"\x83\x1b\x01\x00\x11\x01\x00\x00")]
    write("ositun-carriers.pcap", p, [(0, 50), (4, 70), (8, 50)])


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--big":
        BIG, OUT = 25, sys.argv[2]
    osi()
    nsh_pcap()
    gpe_pcap()
    vxlan_pcap()
    geneve_pcap()
    mpls_pcap()
    kip_pcap()
    carriers_pcap()
