#!/usr/bin/python3
# sweep_lib.py - helpers for the tests/golden/sweep-*.py dispatch sweeps (not run by the
# test suite): write struct-packed frames to a pcap, run tcpdump and synack on it with
# several option sets, and count the packets whose printed text differs.
import os, re, struct, subprocess, sys, random

TOP = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SYNACK = os.environ.get("SYNACK", os.path.join(TOP, "synack"))
TMP = os.environ.get("SWEEP_TMP", "/tmp/sweep")
MODES = {"nn": ["-nn"], "nnv": ["-nn", "-v"], "nnvv": ["-nn", "-vv"], "nne": ["-nn", "-e"]}
TS = re.compile(rb"^\d\d:\d\d:\d\d\.\d{6} ")


def write_pcap(path, frames, linktype=1, snap=262144):
    """frames: list of bytes or (bytes, caplen) tuples."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snap, linktype))
        for i, fr in enumerate(frames):
            if isinstance(fr, tuple):
                data, cap = fr
            else:
                data, cap = fr, len(fr)
            f.write(struct.pack("<IIII", 1700000000 + i, i, min(cap, len(data)), len(data)))
            f.write(data[:cap])


def split_packets(out):
    pk, cur = [], None
    for line in out.split(b"\n"):
        if TS.match(line):
            cur = [line]
            pk.append(cur)
        elif cur is not None and line:
            cur.append(line)
    return [b"\n".join(p) for p in pk]


def run(prog, path, opts):
    env = dict(os.environ, TZ="UTC", LC_ALL="C")
    r = subprocess.run([prog] + opts + ["-r", path], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, env=env, timeout=300)
    return r.stdout


def compare(name, frames, linktype=1, modes=("nn", "nnv", "nnvv", "nne"), show=3):
    """Write frames, compare tcpdump and synack per mode; return {mode: ndiff}."""
    os.makedirs(TMP, exist_ok=True)
    path = os.path.join(TMP, name + ".pcap")
    write_pcap(path, frames, linktype)
    res = {}
    for m in modes:
        a = split_packets(run("tcpdump", path, MODES[m]))
        b = split_packets(run(SYNACK, path, MODES[m]))
        nd, shown = 0, 0
        for i in range(max(len(a), len(b))):
            x = a[i] if i < len(a) else b"<none>"
            y = b[i] if i < len(b) else b"<none>"
            if x != y:
                nd += 1
                if shown < show:
                    shown += 1
                    print("--- %s %s pkt %d\n T: %s\n S: %s" % (name, m, i,
                          x.decode("latin1").replace("\n", "\n    "),
                          y.decode("latin1").replace("\n", "\n    ")))
        res[m] = nd
    print("%-12s %d packets  %s" % (name, len(frames),
          "  ".join("%s=%d" % (k, v) for k, v in res.items())))
    sys.stdout.flush()
    return res


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


MAC = bytes.fromhex("020000000002") + bytes.fromhex("020000000001")


def eth(etype, payload):
    return MAC + struct.pack("!H", etype) + payload


def ip4(proto, payload, src="10.0.0.1", dst="10.0.0.2", opts=b"", ttl=64, ident=1, flags=0,
        tot=None):
    ihl = 5 + len(opts) // 4
    tl = tot if tot is not None else 20 + len(opts) + len(payload)
    h = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, 0, tl, ident, flags, ttl, proto, 0,
                    bytes(map(int, src.split("."))), bytes(map(int, dst.split("."))))
    h += opts
    h = h[:10] + struct.pack("!H", csum(h)) + h[12:]
    return h + payload


def a6(s):
    import socket
    return socket.inet_pton(socket.AF_INET6, s)


def ip6(nh, payload, src="fe80::1", dst="fe80::2", hlim=64, plen=None):
    pl = plen if plen is not None else len(payload)
    return struct.pack("!IHBB16s16s", 0x60000000, pl, nh, hlim, a6(src), a6(dst)) + payload


def cks6(src, dst, nh, payload):
    ph = a6(src) + a6(dst) + struct.pack("!IxxxB", len(payload), nh)
    return csum(ph + payload)


def payloads(rng, n=3):
    """zero, patterned and random payloads."""
    out = [b"", b"\0" * 8, bytes(range(16)), b"\xff" * 12]
    for _ in range(n):
        out.append(bytes(rng.getrandbits(8) for _ in range(rng.randrange(1, 40))))
    return out
