#!/usr/bin/python3
# lan-mutate.py SEED OUTDIR - mutated copies of tests/captures/lan-*.pcap: 40 packets per
# file, each with 1-6 random bytes after the Ethernet header changed and, for about a
# third, the capture cut short (the wire length kept).  Deterministic for a seed.
import glob, os, random, struct, sys

top = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
rng = random.Random(int(sys.argv[1]))
for src in sorted(glob.glob(os.path.join(top, "tests", "captures", "lan-*.pcap"))):
    data = open(src, "rb").read()
    head, body, pkts, off = data[:24], data[24:], [], 0
    while off + 16 <= len(body):
        ts, tu, cl, wl = struct.unpack("<IIII", body[off:off + 16])
        pkts.append((ts, tu, body[off + 16:off + 16 + cl], wl))
        off += 16 + cl
    out = bytearray(head)
    for _ in range(40):
        ts, tu, p, wl = rng.choice(pkts)
        p = bytearray(p)
        for _ in range(rng.randint(1, 6)):
            if len(p) > 14:
                p[rng.randrange(14, len(p))] = rng.randrange(256)
        if rng.random() < 0.3 and len(p) > 15:
            p = p[:rng.randrange(14, len(p))]
        out += struct.pack("<IIII", ts, tu, len(p), max(wl, len(p))) + p
    open(os.path.join(sys.argv[2], os.path.basename(src)), "wb").write(out)
