#!/usr/bin/python3
"""tests/golden/isakmp-make-captures.py - ISAKMP/IKE captures for isakmp.list and
tests/errors/isakmp.sh (run with /usr/bin/python3: scapy, cryptography).

  isakmp-v1.pcap     IKEv1: every payload type, SA/proposal/transform with attributes,
                     ID types, notify and delete payloads; lengths good, short, long
  isakmp-v2.pcap     IKEv2: the same sweep over the v2 payloads
  isakmp-mixed.pcap  random payloads and mutated messages on UDP 500/4500/7500/8500,
                     NAT keepalives, the non-ESP marker, IPv6
  isakmp-v2e.pcap    IKEv2 Encrypted payloads (AES-128-CBC, 3DES-CBC) for -E "ikev2 ..."

Deterministic (fixed seeds): the expected outputs come from tcpdump (regen.sh).

Not made here: isakmp-strongswan.pcap, a real IKEv2 exchange (IKE_SA_INIT, IKE_AUTH with
PSK, the CHILD_SA refused, INFORMATIONAL delete) between two strongSwan 5.9.8 charon
daemons in network namespaces (10.77.0.1 "moon" initiator, 10.77.0.2 "sun"), proposal
aes128-sha1-modp2048, captured by tcpdump on the initiator's veth.  Its keys, from
charon's log at "ike = 4" (Sk_ei, Sk_er), are in tests/errors/isakmp.sh:
  SPIs 0x23e8fc78cab98a77 0x99b51cffe6fb0c2d
  Sk_ei 0xdc299a52517eef5e9a5b5b847726dc8a   Sk_er 0x2b60822e8f1e4a995b9a32ab4240eab0
"""
import os
import random
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from scapy.all import IP, UDP, Ether, IPv6, Raw, wrpcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "captures")


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def rb(self, n):
        return bytes(self.r.randrange(256) for _ in range(n))

    def gen(self, np, body):
        return struct.pack(">BBH", np, self.r.choice([0, 0, 0x80]), len(body) + 4) + body

    def attr(self):
        r = self.r
        if r.random() < .6:
            return struct.pack(">HH", 0x8000 | r.choice([r.randrange(20), r.randrange(0x8000)]),
                               r.choice([r.randrange(20), r.randrange(65536)]))
        n = r.choice([0, 1, 2, 4, 8, r.randrange(40)])
        return struct.pack(">HH", r.randrange(20), n if r.random() < .8 else r.randrange(100)) + self.rb(n)

    def transform(self, v2, last):
        r = self.r
        attrs = b"".join(self.attr() for _ in range(r.randrange(4)))
        if v2:
            body = struct.pack(">BBH", r.choice([1, 2, 3, 4, 5, 0, 6, r.randrange(256)]), 0,
                               r.choice([r.randrange(20), r.randrange(65536)])) + attrs
        else:
            body = struct.pack(">BBH", r.randrange(5), r.choice([r.randrange(14), r.randrange(256)]), 0) + attrs
        return self.gen(0 if last else 3, body)

    def proposal(self, v2, last):
        r = self.r
        spi = self.rb(r.choice([0, 0, 4, 8, r.randrange(20)]))
        nt = r.randrange(1, 4)
        ts = b"".join(self.transform(v2, i == nt - 1) for i in range(nt))
        body = struct.pack(">BBBB", r.randrange(4), r.choice([1, 2, 3, 4, r.randrange(8)]), len(spi), nt) + spi + ts
        return self.gen(0 if last else 2, body)

    def body(self, t):
        r = self.r
        if t == 1:
            sit = r.choice([1, 1, 2, 3, 4, 7, 0, r.randrange(1 << 32)])
            n = r.randrange(1, 3)
            props = b"".join(self.proposal(False, i == n - 1) for i in range(n))
            return struct.pack(">II", r.choice([1, 1, 1, 0, 2]), sit) + (self.rb(4) if sit != 1 else b"") + props
        if t == 33:
            n = r.randrange(1, 3)
            return b"".join(self.proposal(True, i == n - 1) for i in range(n))
        if t == 5:
            typ = r.choice(list(range(13)) + [r.randrange(256)])
            ln = r.choice({1: [4, 3, 5], 4: [8, 7], 5: [16, 15], 6: [32, 31, 20], 7: [8, 5],
                           8: [32, 17], 2: [11, 3], 3: [15, 0]}.get(typ, [0, 5, 10]))
            data = b"host.example\x01\x80" if typ in (2, 3) else self.rb(ln)
            return struct.pack(">BBH", typ, r.choice([0, 17, 6, r.randrange(256)]), r.randrange(65536)) + data[:ln]
        if t == 11:
            spi = self.rb(r.choice([0, 4, 8]))
            typ = r.choice([r.randrange(1, 32), 24576, 24577, 24578, r.randrange(8192, 16384),
                            r.randrange(16384, 24576), r.randrange(24576, 32768), r.randrange(32768, 65536)])
            data = b"".join(self.attr() for _ in range(2)) if typ == 24576 else self.rb(r.choice([0, 4, 8, 30]))
            return struct.pack(">IBBH", r.choice([1, 1, 0, 2]), r.randrange(6), len(spi), typ) + spi + data
        if t == 41:
            spi = self.rb(r.choice([0, 4, 8]))
            typ = r.choice([1, 4, 5, 7, 9, 11, 14, 17, 24, 34, 35, 36, 37, 39] + list(range(16384, 16396)) +
                           [r.randrange(65536), r.randrange(100), 16390])
            return struct.pack(">BBH", r.randrange(6), len(spi), typ) + spi + self.rb(r.choice([0, 4, 20, 40]))
        if t == 12:
            ss = r.choice([0, 4, 16])
            n = r.randrange(4)
            return struct.pack(">IBBH", r.choice([1, 0]), r.randrange(6), ss, n) + self.rb(ss * n)
        if t in (35, 36):
            typ = r.choice([1, 2, 3, 5, 9, 10, 11, 0, 4, r.randrange(256)])
            data = b"moon.strongswan.org" if typ in (2, 3) else self.rb(r.choice([0, 1, 4, 16, 10]))
            return struct.pack(">BBH", typ, 0, 0) + data
        if t == 34:
            return struct.pack(">HH", r.choice([r.randrange(20), r.randrange(65536)]), 0) + self.rb(r.choice([0, 8, 32]))
        if t == 39:
            return struct.pack(">BBH", r.randrange(5), 0, 0) + self.rb(r.choice([0, 4, 20, 40]))
        if t in (13, 43):
            return r.choice([b"strongSwan", self.rb(16), b"\x00\x01abc\x7f\x80"])
        if t in (6, 7):
            return bytes([r.randrange(12)]) + self.rb(r.choice([0, 1, 10]))
        return self.rb(r.choice([0, 1, 2, 4, 8, 16, 24, 40, 70]))

    def message(self, v2, types=None, mutate=0.0):
        r = self.r
        if types is None:
            n = r.randrange(1, 5)
            pool = list(range(33, 49)) + [1, 11] if v2 else list(range(1, 14)) + [33, 41]
            types = [r.choice(pool + [r.randrange(256)]) for _ in range(n)]
        pl = b""
        for i in reversed(range(len(types))):
            nxt = types[i + 1] if i + 1 < len(types) else 0
            p = self.gen(nxt, self.body(types[i]))
            x = r.random()
            if x < .06:   # a length under the generic header's
                p = p[:2] + struct.pack(">H", r.choice([0, 1, 2, 3, 4])) + p[4:]
            elif x < .12:  # longer than what follows
                p = p[:2] + struct.pack(">H", len(p) + r.randrange(1, 50)) + p[4:]
            elif x < .18:  # shorter than its contents
                p = p[:2] + struct.pack(">H", max(4, len(p) - r.randrange(1, 8))) + p[4:]
            pl = p + pl
        flags = r.choice([0, 0, 8, 0x20, 0x28, 1, 2, 3, 4, 0x10, r.randrange(256)])
        etype = r.choice([2, 4, 5, 32, 33, 34, 35, 36, 37, 0, 1, 3, r.randrange(256)])
        total = 28 + len(pl) if r.random() < .8 else r.randrange(1 << 16)
        hdr = self.rb(8) + r.choice([bytes(8), self.rb(8)]) + struct.pack(
            ">BBBBII", types[0], 0x20 if v2 else 0x10, etype, flags, r.choice([0, r.randrange(1 << 32)]), total)
        m = bytearray(hdr + pl)
        if r.random() < mutate:
            for _ in range(r.randrange(1, 6)):
                m[r.randrange(28, len(m))] = r.randrange(256)
        return bytes(m)


def frame(i, payload, port=500, v6=False, rev=False):
    src, dst = ("10.0.0.2", "10.0.0.1") if rev else ("10.0.0.1", "10.0.0.2")
    eth = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")
    if v6:
        p = eth / IPv6(src="2001:db8::1", dst="2001:db8::2") / UDP(sport=port, dport=port) / Raw(payload)
    else:
        p = eth / IP(src=src, dst=dst, id=i) / UDP(sport=port, dport=port) / Raw(payload)
    p.time = 1700000000 + i
    return p


def sweep(name, v2, seed):
    g = Gen(seed)
    pk = []
    # every payload type once, alone
    for t in list(range(0, 50)) + [128, 255]:
        pk.append(frame(len(pk), g.message(v2, [t] if t else [0]), rev=len(pk) % 3 == 1))
    # chains, some mutated
    for _ in range(36):
        pk.append(frame(len(pk), g.message(v2, mutate=.3), rev=g.r.random() < .4, v6=g.r.random() < .1))
    wrpcap(os.path.join(OUT, name), pk)


def mixed():
    g = Gen(500)
    pk = []
    for port in (500, 4500, 7500, 8500):
        for n in (1, 3, 4, 20, 27, 28, 40, 60):
            pk.append(frame(len(pk), g.rb(n), port))
    pk.append(frame(len(pk), b"\xff", 4500))
    pk.append(frame(len(pk), b"\xff\xff", 4500))
    pk.append(frame(len(pk), bytes(4), 4500))
    for v2 in (False, True, False, True):
        pk.append(frame(len(pk), bytes(4) + g.message(v2), 4500))
        pk.append(frame(len(pk), g.message(v2), 7500))
        pk.append(frame(len(pk), g.message(v2, mutate=1), 8500))
    # an IKEv1 exchange: the initiator's cookie remembered, then both sides named
    ick = bytes.fromhex("a1a2a3a4a5a6a7a8")
    sa = g.gen(0, struct.pack(">II", 1, 1) + g.proposal(False, True))
    for i, (rck, rev) in enumerate([(bytes(8), False), (b"\xb1" * 8, True), (b"\xb1" * 8, False)]):
        hdr = ick + rck + struct.pack(">BBBBII", 1, 0x10, 2, 0, 0, 28 + len(sa))
        pk.append(frame(len(pk), hdr + sa, rev=rev))
    # other major versions, the encryption flag
    for vers, flags in ((0x30, 0), (0x00, 0), (0x10, 1), (0x20, 1), (0x10, 3)):
        pk.append(frame(len(pk), g.rb(16) + struct.pack(">BBBBII", 13, vers, 5, flags, 1, 40) + g.rb(12)))
    wrpcap(os.path.join(OUT, "isakmp-mixed.pcap"), pk)


SPII = bytes.fromhex("0102030405060708")
SPIR = bytes.fromhex("1112131415161718")
AES_KEY = bytes(range(16))
DES_KEY = bytes(range(0x20, 0x38))


def v2e():
    g = Gen(46)

    def enc(pt, key=AES_KEY, des=False):
        bs = 8 if des else 16
        pad = (-(len(pt) + 1)) % bs
        pt = pt + bytes(pad) + bytes([pad])
        iv = g.rb(bs)
        alg = algorithms.TripleDES(key) if des else algorithms.AES(key)
        e = Cipher(alg, modes.CBC(iv)).encryptor()
        return iv + e.update(pt) + e.finalize()

    def msg(np, flags, mid, body, spii=SPII):
        return spii + SPIR + struct.pack(">BBBBII", np, 0x20, 35, flags, mid, 28 + len(body)) + body

    gen = g.gen
    icv = bytes(12)
    t = gen(3, struct.pack(">BBH", 1, 0, 12) + struct.pack(">HH", 0x800E, 128)) + gen(0, struct.pack(">BBH", 3, 0, 2))
    inner = (gen(39, struct.pack(">BBH", 1, 0, 0) + bytes([10, 0, 0, 1])) +
             gen(33, struct.pack(">BBH", 2, 0, 0) + bytes(range(20))) +
             gen(44, gen(0, struct.pack(">BBBB", 1, 3, 4, 2) + b"\xc0\xff\xee\x01" + t)) +
             gen(45, bytes(4) + bytes(range(16))) + gen(0, bytes(4) + bytes(range(16))))
    pk = []
    add = lambda m, port=500, rev=False: pk.append(frame(len(pk), m, port, rev=rev))
    add(msg(46, 0x08, 1, gen(35, enc(inner) + icv)))                     # initiator
    add(msg(46, 0x20, 1, gen(35, enc(inner) + icv)), rev=True)           # responder
    add(msg(41, 0x08, 2, gen(46, struct.pack(">BBH", 0, 0, 16384)) +     # a notify, then v2e
            gen(41, enc(gen(0, struct.pack(">BBH", 1, 0, 16393))) + icv)))
    add(msg(46, 0x08, 3, gen(35, enc(inner)[:-3] + icv)))                # not whole blocks
    add(msg(46, 0x08, 4, gen(35, enc(inner, bytes(16)) + icv)))          # the wrong key
    bad = gen(39, bytes(8))[:2] + struct.pack(">H", 200) + bytes(8)
    add(msg(46, 0x08, 5, gen(35, enc(bad) + icv)))                       # chain past the plaintext
    add(msg(46, 0x08, 6, gen(41, enc(struct.pack(">BBHBBH", 0, 0, 8, 3, 8, 1)) + icv)))
    add(msg(46, 0x08, 7, gen(35, enc(inner) + icv), bytes(8)))           # SPIs without keys
    add(msg(46, 0x08, 8, gen(35, bytes(20))))                            # shorter than IV + ICV
    add(bytes(4) + msg(46, 0x08, 9, gen(35, enc(inner) + icv)), 4500)    # NAT-T
    nested = gen(0, enc(gen(0, struct.pack(">BBH", 1, 0, 16384))) + icv)
    add(msg(46, 0x08, 10, gen(46, enc(nested) + icv)))                   # v2e inside v2e
    add(msg(46, 0x08, 11, gen(35, enc(inner, DES_KEY, True) + icv)))     # 3DES (with a 3des key)
    wrpcap(os.path.join(OUT, "isakmp-v2e.pcap"), pk)


if __name__ == "__main__":
    sweep("isakmp-v1.pcap", False, 1)
    sweep("isakmp-v2.pcap", True, 2)
    mixed()
    v2e()
