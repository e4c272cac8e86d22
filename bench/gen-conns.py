#!/usr/bin/python3
"""Write a deterministic pcap of many short, complete TCP connections (for `synack conns`).

Usage: /usr/bin/python3 bench/gen-conns.py [-n CONNECTIONS] [-o FILE] [--seed N] [--rate PER_SECOND]

Each connection: SYN (MSS, SACK-permitted, timestamps, window scale), SYN-ACK, ACK, one
request (client -> server), a response of 1 to 4 segments (server -> client) and its ACK,
then a teardown:
  ~85%  FIN/ACK from the client, FIN/ACK from the server, last ACK
  ~10%  RST/ACK from the client (as browsers do)
   ~5%  RST from the server
About 10% of connections are IPv6; ports 80, 443, 8080 and 5432.

Connections start at a constant average rate (--rate, default 2000/s, exponential
gaps) and last from a few milliseconds to about two seconds (RTT 1-80 ms, server think
time, a few pauses), so about a thousand are open at any moment and packets of many
connections interleave.  The file is in time order.

Every connection has its own 4-tuple (no port reuse), so connection counts from tshark's
conv,tcp table, tcptrace and synack can be compared directly.

Deterministic: connection i is built from its own random stream seeded by (seed, i), and
start times come from one stream, so the file for -n 2N begins with exactly the packets of
the file for -n N (up to the point where connection N+1 starts) -- a growth series
(1x, 2x, 4x) is the same traffic, longer.  Written with struct only (no scapy).
"""
import argparse
import heapq
import random
import struct

FIN, SYN, RST, PSH, ACK = 0x01, 0x02, 0x04, 0x08, 0x10


def csum_sum(data):
    """Ones'-complement 16-bit sum of data, in [0, 0xffff] (mod-65535 trick)."""
    if len(data) & 1:
        data += b"\0"
    r = int.from_bytes(data, "big") % 0xFFFF
    if r == 0 and any(data):
        r = 0xFFFF
    return r


def csum_fold(s):
    while s > 0xFFFF:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


MAC_CLI = bytes.fromhex("02420a010001")
MAC_GW = bytes.fromhex("0242c0a80001")
ETH_V4 = struct.pack(">H", 0x0800)
ETH_V6 = struct.pack(">H", 0x86DD)

SERVERS4 = [bytes([192, 0, 2, i]) for i in range(1, 41)] + [bytes([198, 51, 100, i]) for i in range(1, 41)]
SERVERS6 = [bytes.fromhex("20010db8000000000000000000000%03x" % i) for i in range(1, 41)]
PORTS = (80, 80, 80, 443, 443, 443, 443, 8080, 5432)
N_CLIENTS = 4000   # client i % N_CLIENTS; its port comes from i // N_CLIENTS: tuples never repeat

PATHS = ["/", "/index.html", "/api/v1/items?page=2", "/static/app.js", "/images/logo.png",
         "/search?q=packet+capture", "/favicon.ico", "/login", "/api/v2/users/1234/profile"]


class Conn:
    def __init__(self, i, seed, t0):
        r = random.Random(seed * 1000003 + i)
        self.r = r
        self.v6 = r.random() < 0.10
        h = i % N_CLIENTS
        if self.v6:
            self.c = bytes.fromhex("20010db8000a000000000000") + struct.pack(">I", 0x1000 + h)
            self.s = r.choice(SERVERS6)
        else:
            self.c = bytes([10, 1 + h // 250 // 250, (h // 250) % 250, 1 + h % 250])
            self.s = r.choice(SERVERS4)
        self.cport = 32768 + ((i // N_CLIENTS) * 97 + h) % 28232   # 97 is prime to 28232
        self.sport = r.choice(PORTS)
        self.cseq = r.randrange(1 << 32)
        self.sseq = r.randrange(1 << 32)
        self.cts = r.randrange(1 << 31)
        self.sts = r.randrange(1 << 31)
        self.cttl, self.sttl = 64, r.choice((52, 57, 116, 243))
        self.cid, self.sid = r.randrange(65536), r.randrange(65536)
        self.cwin, self.swin = r.choice((502, 501, 2048)), r.choice((509, 235, 1024))
        self.rtt = r.choice((1000, 2000, 5000, 12000, 25000, 40000, 80000))  # microseconds
        self.t = t0
        self.pkts = []

    def send(self, from_client, flags, payload=b"", opts=None):
        if from_client:
            a, b, sp, dp, seq, ack, win = self.c, self.s, self.cport, self.sport, self.cseq, self.sseq, self.cwin
            self.cts = (self.cts + 1) & 0xFFFFFFFF
            tsv, tse = self.cts, self.sts
        else:
            a, b, sp, dp, seq, ack, win = self.s, self.c, self.sport, self.cport, self.sseq, self.cseq, self.swin
            self.sts = (self.sts + 1) & 0xFFFFFFFF
            tsv, tse = self.sts, self.cts
        if opts is None:
            opts = b"\x01\x01" + struct.pack(">BBII", 8, 10, tsv, tse)
        if flags & RST:
            win = 0
            opts = b""
        if not flags & ACK:
            ack = 0
        hl = 20 + len(opts)
        seg = struct.pack(">HHIIBBHHH", sp, dp, seq, ack, (hl // 4) << 4, flags, win, 0, 0) + opts + payload
        if self.v6:
            ph = a + b + struct.pack(">IxxxB", len(seg), 6)
            ck = csum_fold(csum_sum(ph) + csum_sum(seg))
            seg = seg[:16] + struct.pack(">H", ck) + seg[18:]
            hop = self.cttl if from_client else self.sttl
            ip = struct.pack(">IHBB", (6 << 28) | (self.cport * 2654435761 & 0xFFFFF), len(seg), 6, hop) + a + b + seg
            eth = (MAC_GW + MAC_CLI if from_client else MAC_CLI + MAC_GW) + ETH_V6
        else:
            ph = a + b + struct.pack(">BBH", 0, 6, len(seg))
            ck = csum_fold(csum_sum(ph) + csum_sum(seg))
            seg = seg[:16] + struct.pack(">H", ck) + seg[18:]
            if from_client:
                self.cid = (self.cid + 1) & 0xFFFF
                ipid, ttl = self.cid, self.cttl
            else:
                self.sid = (self.sid + 1) & 0xFFFF
                ipid, ttl = self.sid, self.sttl
            h = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(seg), ipid, 0x4000, ttl, 6, 0, a, b)
            h = h[:10] + struct.pack(">H", csum_fold(csum_sum(h))) + h[12:]
            ip = h + seg
            eth = (MAC_GW + MAC_CLI if from_client else MAC_CLI + MAC_GW) + ETH_V4
        adv = len(payload) + (1 if flags & (SYN | FIN) else 0)
        if from_client:
            self.cseq = (self.cseq + adv) & 0xFFFFFFFF
        else:
            self.sseq = (self.sseq + adv) & 0xFFFFFFFF
        self.pkts.append((self.t, eth + ip))

    def wait(self, us):
        self.t += max(1, int(us))

    def build(self):
        r, rtt = self.r, self.rtt
        half = rtt // 2
        syn = lambda ws, mss, ts_v, ts_e: (struct.pack(">BBH", 2, 4, mss) + b"\x04\x02"
                                           + struct.pack(">BBII", 8, 10, ts_v, ts_e) + b"\x01"
                                           + struct.pack(">BBB", 3, 3, ws))
        mss = 1220 if self.v6 else 1448
        self.send(True, SYN, opts=syn(7, mss + 12, self.cts, 0))
        self.wait(half + r.randrange(50))
        self.send(False, SYN | ACK, opts=syn(9, mss + 12, self.sts, self.cts))
        self.wait(half + r.randrange(50))
        self.send(True, ACK)
        self.wait(r.randrange(5, 200))
        if self.sport in (80, 8080):
            req = (f"GET {r.choice(PATHS)} HTTP/1.1\r\nHost: www.example.com\r\n"
                   f"User-Agent: bench/1.0\r\nAccept: */*\r\n\r\n").encode()
        else:
            req = r.randbytes(r.randrange(60, 500))
        self.send(True, PSH | ACK, req)
        self.wait(half + r.randrange(100, 30000 if r.random() < 0.2 else 3000))  # server think time
        total = r.choice((200, 500, 900, 1400, 2800, 4000))
        nseg = 0
        while total > 0:
            n = min(total, mss)
            total -= n
            self.send(False, (PSH | ACK) if total == 0 else ACK, r.randbytes(n))
            nseg += 1
            self.wait(r.randrange(10, 120))
        self.wait(half)
        end = r.random()
        if end < 0.05:    # server resets
            self.send(True, ACK)
            self.wait(r.randrange(1000, 500000))
            self.send(False, RST)
            return
        if end < 0.15:    # client resets
            self.wait(r.randrange(1000, 300000))
            self.send(True, RST | ACK)
            return
        self.send(True, ACK)
        self.wait(r.randrange(1000, 1000000))   # keep-alive idle, then the client closes
        self.send(True, FIN | ACK)
        self.wait(half + r.randrange(50))
        self.send(False, FIN | ACK)
        self.wait(half + r.randrange(50))
        self.send(True, ACK)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=100000, help="connections (default 100000)")
    ap.add_argument("-o", default="bench/data/conns-100000.pcap")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--rate", type=float, default=2000.0, help="new connections per second")
    a = ap.parse_args()

    starts = random.Random(a.seed)
    t = 1700000000 * 1000000
    heap = []
    npk = 0
    with open(a.o, "wb", buffering=1 << 20) as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        pack = struct.Struct("<IIII").pack

        def flush(until):
            nonlocal npk
            while heap and (until is None or heap[0][0] < until):
                ts, _, _, fr = heapq.heappop(heap)
                f.write(pack(ts // 1000000, ts % 1000000, len(fr), len(fr)))
                f.write(fr)
                npk += 1

        for i in range(a.n):
            t += max(1, int(starts.expovariate(a.rate / 1e6)))
            flush(t)
            c = Conn(i, a.seed, t)
            c.build()
            for k, (ts, fr) in enumerate(c.pkts):
                heapq.heappush(heap, (ts, i, k, fr))
        flush(None)
    print(f"{a.o}: {a.n} connections, {npk} packets")


if __name__ == "__main__":
    main()
