#!/usr/bin/python3
"""Write a large, realistic, deterministic pcap for benchmarking synack against tcpdump.

Usage: /usr/bin/python3 bench/gen-capture.py [-n PACKETS] [-o FILE] [--seed N] [--snaplen N]

Traffic mix (by packet count, roughly):
  ~85%  IPv4 TCP: many concurrent connections with full handshakes (MSS, SACK-permitted,
        timestamps, window scale), requests and multi-segment responses both ways,
        delayed ACKs, occasional retransmissions answered by SACK dup-ACKs, FIN or RST
        teardown. Ports 80 (HTTP text), 443 (opaque), 22 (SSH banner then opaque), 8080, 5432.
  ~5%   IPv6 TCP, same model.
  ~5%   UDP: DNS queries/responses (A, AAAA, PTR, MX; compression pointers, NXDOMAIN),
        plus some opaque UDP to high ports.
  ~2%   ICMP echo request/reply, port unreachable quoting the offending IP/UDP header,
        ICMPv6 echo and neighbour solicitation/advertisement.
  ~1%   ARP who-has / reply.
All IPv4/TCP/UDP/ICMP checksums are correct, so `-v` prints "(correct)" as on a real capture.
Packets are written with struct only (no scapy): 500,000 packets take a few seconds.
"""
import argparse
import os
import random
import struct
import sys

ETH_IP, ETH_IP6, ETH_ARP = 0x0800, 0x86DD, 0x0806


def csum_sum(data):
    """Ones'-complement 16-bit sum of data as an int in [0, 0xffff] (mod-65535 trick)."""
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


def ip_csum(hdr):
    return csum_fold(csum_sum(hdr))


class Writer:
    def __init__(self, path, snaplen):
        self.f = open(path, "wb", buffering=1 << 20)
        self.snaplen = snaplen
        self.f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snaplen, 1))
        self.count = 0

    def write(self, ts_us, frame):
        n = len(frame)
        cap = min(n, self.snaplen)
        self.f.write(struct.pack("<IIII", ts_us // 1000000, ts_us % 1000000, cap, n))
        self.f.write(frame[:cap] if cap < n else frame)
        self.count += 1

    def close(self):
        self.f.close()


class Host:
    def __init__(self, rnd, v4, v6, mac, ttl):
        self.v4 = v4  # 4 bytes or None
        self.v6 = v6  # 16 bytes or None
        self.mac = mac
        self.ttl = ttl
        self.ipid = rnd.randrange(65536)
        self.tsclock = rnd.randrange(1 << 31)

    def next_id(self):
        self.ipid = (self.ipid + 1) & 0xFFFF
        return self.ipid


def ether(dst, src, etype):
    return dst + src + struct.pack(">H", etype)


def ipv4(src, dst, proto, payload, ipid, ttl, df=True, tos=0):
    tot = 20 + len(payload)
    h = struct.pack(">BBHHHBBH4s4s", 0x45, tos, tot, ipid, 0x4000 if df else 0, ttl, proto, 0, src, dst)
    c = ip_csum(h)
    return h[:10] + struct.pack(">H", c) + h[12:] + payload


def ipv6(src, dst, nxt, payload, hlim, flow=0):
    return struct.pack(">IHBB", (6 << 28) | flow, len(payload), nxt, hlim) + src + dst + payload


def l4_csum_v4(src, dst, proto, seg):
    ph = src + dst + struct.pack(">BBH", 0, proto, len(seg))
    return csum_fold(csum_sum(ph) + csum_sum(seg))


def l4_csum_v6(src, dst, proto, seg):
    ph = src + dst + struct.pack(">IxxxB", len(seg), proto)
    return csum_fold(csum_sum(ph) + csum_sum(seg))


# TCP flags
FIN, SYN, RST, PSH, ACK = 0x01, 0x02, 0x04, 0x08, 0x10


def tcp_opts_syn(mss, tsval, tsecr, wscale, synack):
    # Linux order: MSS, SACK-permitted, timestamps, NOP, window scale
    return (struct.pack(">BBH", 2, 4, mss) + b"\x04\x02" + struct.pack(">BBII", 8, 10, tsval, tsecr)
            + b"\x01" + struct.pack(">BBB", 3, 3, wscale))


def tcp_opts_ts(tsval, tsecr, sack=None):
    o = b"\x01\x01" + struct.pack(">BBII", 8, 10, tsval, tsecr)
    if sack:
        o += b"\x01\x01" + struct.pack(">BB", 5, 2 + 8 * len(sack))
        for l, r in sack:
            o += struct.pack(">II", l & 0xFFFFFFFF, r & 0xFFFFFFFF)
    return o


HTTP_PATHS = ["/", "/index.html", "/api/v1/items?page=2", "/static/app.js", "/images/logo.png",
              "/search?q=packet+capture", "/favicon.ico", "/login", "/api/v2/users/1234/profile"]
HOSTNAMES = ["www.example.com", "api.example.net", "cdn.example.org", "mail.example.com",
             "ntp.example.net", "git.example.org", "files.example.com", "db.internal.example",
             "login.example.net", "static.example.org", "a.b.c.example.com", "images.example.com"]


class Conn:
    """One TCP connection between client c and server s; emits packets step by step."""
    __slots__ = ("g", "c", "s", "v6", "cport", "sport", "cseq", "sseq", "cack", "state",
                 "pending", "reqs", "unacked", "cwin", "swin", "last_seg", "mss")

    def __init__(self, g, c, s, v6, sport):
        rnd = g.rnd
        self.g, self.c, self.s, self.v6 = g, c, s, v6
        self.cport = rnd.randrange(32768, 61000)
        self.sport = sport
        self.cseq = rnd.randrange(1 << 32)
        self.sseq = rnd.randrange(1 << 32)
        self.state = 0
        self.pending = []  # list of callables emitting packets
        self.reqs = rnd.choice((1, 1, 1, 2, 3, 5, 8))
        self.unacked = 0
        self.cwin = rnd.choice((502, 501, 64240 >> 7, 2048))
        self.swin = rnd.choice((509, 235, 1024, 65535 >> 7))
        self.mss = 1220 if v6 else 1448
        self.last_seg = None

    # --- packet emission -------------------------------------------------
    def send(self, from_client, flags, payload=b"", opts=None, seq=None, sack=None):
        g = self.g
        a, b = (self.c, self.s) if from_client else (self.s, self.c)
        sp, dp = (self.cport, self.sport) if from_client else (self.sport, self.cport)
        if seq is None:
            seq = self.cseq if from_client else self.sseq
        ack = (self.sseq if from_client else self.cseq) if flags & ACK else 0
        a.tsclock = (a.tsclock + g.rnd.randrange(0, 40)) & 0xFFFFFFFF
        if opts is None:
            opts = tcp_opts_ts(a.tsclock, b.tsclock, sack)
        while len(opts) % 4:
            opts += b"\x00"
        win = self.cwin if from_client else self.swin
        if flags & RST:
            win = 0
        hl = 20 + len(opts)
        seg = struct.pack(">HHIIBBHHH", sp, dp, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, (hl // 4) << 4,
                          flags, win, 0, 0) + opts + payload
        if self.v6:
            ck = l4_csum_v6(a.v6, b.v6, 6, seg)
            seg = seg[:16] + struct.pack(">H", ck) + seg[18:]
            pkt = ipv6(a.v6, b.v6, 6, seg, a.ttl, flow=(self.cport * 2654435761) & 0xFFFFF)
            fr = ether(b.mac if b.mac else g.router_mac, a.mac if a.mac else g.router_mac, ETH_IP6) + pkt
        else:
            ck = l4_csum_v4(a.v4, b.v4, 6, seg)
            seg = seg[:16] + struct.pack(">H", ck) + seg[18:]
            pkt = ipv4(a.v4, b.v4, 6, seg, a.next_id(), a.ttl)
            fr = ether(b.mac if b.mac else g.router_mac, a.mac if a.mac else g.router_mac, ETH_IP) + pkt
        g.emit(fr)
        return seq

    def request_payload(self):
        rnd = self.g.rnd
        if self.sport in (80, 8080):
            path = rnd.choice(HTTP_PATHS)
            host = rnd.choice(HOSTNAMES)
            return (f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: bench/1.0\r\n"
                    f"Accept: */*\r\nConnection: keep-alive\r\n\r\n").encode()
        if self.sport == 22 and self.state == 3:
            return b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"
        return self.g.blob(rnd.randrange(40, 700))

    def response_payloads(self):
        rnd = self.g.rnd
        total = rnd.choice((120, 300, 900, 1448, 2896, 5000, 14480, 30000, 64000))
        out = []
        if self.sport in (80, 8080):
            hdr = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {total}\r\n"
                   f"Server: bench\r\n\r\n").encode()
            body = hdr + self.g.blob(total)
        elif self.sport == 22 and self.state == 3:
            body = b"SSH-2.0-OpenSSH_8.4p1 Debian-5+deb11u1\r\n"
        else:
            body = self.g.blob(total)
        for i in range(0, len(body), self.mss):
            out.append(body[i:i + self.mss])
        return out

    # --- state machine ---------------------------------------------------
    def step(self):
        """Emit the next packet(s); return False when the connection is finished."""
        g, rnd = self.g, self.g.rnd
        if self.pending:
            self.pending.pop(0)()
            return True
        st = self.state
        if st == 0:  # SYN
            self.c.tsclock = (self.c.tsclock + 7) & 0xFFFFFFFF
            self.send(True, SYN, opts=tcp_opts_syn(self.mss + 12 if not self.v6 else 1440, self.c.tsclock, 0, 7, False))
            self.cseq += 1
            self.state = 1
        elif st == 1:  # SYN-ACK (sometimes RST: port closed)
            if rnd.random() < 0.02:
                self.send(False, RST | ACK, opts=b"")
                return False
            self.send(False, SYN | ACK, opts=tcp_opts_syn(1460 if not self.v6 else 1440, self.s.tsclock, self.c.tsclock, 9, True))
            self.sseq += 1
            self.state = 2
        elif st == 2:  # ACK of handshake
            self.send(True, ACK)
            self.state = 3
        elif st == 3 or st == 4:  # request from client, then response segments queued
            req = self.request_payload()
            self.send(True, PSH | ACK, req)
            self.cseq += len(req)
            segs = self.response_payloads()
            self.state = 4
            self.reqs -= 1
            self.queue_response(segs)
            if self.reqs <= 0:
                self.state = 5
        elif st == 5:  # teardown
            r = rnd.random()
            if r < 0.08:  # abort
                self.send(True, RST | ACK, opts=b"")
                return False
            if r < 0.55:  # client closes first
                self.send(True, FIN | ACK)
                self.cseq += 1
                self.pending.append(lambda: self.send(False, ACK))
                self.pending.append(lambda: self._fin(False))
                self.pending.append(lambda: self.send(True, ACK))
            else:
                self.send(False, FIN | ACK)
                self.sseq += 1
                self.pending.append(lambda: self._fin(True))
                self.pending.append(lambda: self.send(False, ACK))
            self.state = 6
        else:
            return False
        return True

    def _fin(self, from_client):
        self.send(from_client, FIN | ACK)
        if from_client:
            self.cseq += 1
        else:
            self.sseq += 1

    def queue_response(self, segs):
        rnd = self.g.rnd
        # server acks the request on its own only sometimes (delayed ACK piggybacks otherwise)
        if rnd.random() < 0.3:
            self.pending.append(lambda: self.send(False, ACK))
        n = 0
        for i, data in enumerate(segs):
            last = i == len(segs) - 1
            lost = len(segs) > 3 and not last and rnd.random() < 0.015
            self.pending.append(self._mk_data(data, last, lost))
            n += 1
            if n % 2 == 0 or last:
                self.pending.append(lambda: self.send(True, ACK))

    def _mk_data(self, data, last, lost):
        def f():
            seq = self.sseq
            self.send(False, (PSH | ACK) if last else ACK, data)
            self.sseq += len(data)
            if lost:
                # receiver saw a hole: dup ACKs with SACK, then the retransmission
                hole_l, hole_r = seq, seq + len(data)
                sack = [(hole_r, hole_r + self.mss)]

                def dup():
                    self.sseq_ack_override(hole_l, sack)

                def retrans():
                    self.send(False, ACK, data, seq=hole_l)

                # the dup ACKs follow the next data segment (the one SACKed)
                k = next((i for i, p in enumerate(self.pending) if getattr(p, "is_data", False)), 0)
                self.pending[k + 1:k + 1] = [dup, dup, retrans]
        f.is_data = True
        return f

    def sseq_ack_override(self, ack_val, sack):
        saved = self.sseq
        self.sseq = ack_val
        self.send(True, ACK, sack=[(l - 0, r) for l, r in sack])
        self.sseq = saved


class Gen:
    def __init__(self, args):
        self.rnd = random.Random(args.seed)
        rnd = self.rnd
        self.w = Writer(args.output, args.snaplen)
        self.limit = args.packets
        self.ts = 1700000000 * 1000000 + 123456
        self.router_mac = bytes.fromhex("00005e000101")
        blob = bytearray(rnd.getrandbits(8) for _ in range(1 << 16))
        # printable text occupies part of the blob so payload-dumping modes see both kinds
        text = (b"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
                b"incididunt ut labore et dolore magna aliqua. ") * 200
        self._blob = bytes(blob) + text
        self.clients = []
        for i in range(240):
            v4 = bytes((10, 1, i // 200, 10 + i % 200))
            v6 = bytes.fromhex("fd000000000000010000000000") + bytes((0, i // 256, i % 256 or 1))
            mac = bytes((0x02, 0x42, 0xAC, 0x11, i // 256, i % 256))
            self.clients.append(Host(rnd, v4, v6, mac, 64))
        self.servers = []
        for i, net in enumerate((b"\xc0\x00\x02", b"\xc6\x33\x64", b"\xcb\x00\x71") * 20):
            v4 = net + bytes((1 + i,))
            v6 = bytes.fromhex("20010db80000") + bytes((0, i)) + bytes(7) + bytes((i + 1,))
            self.servers.append(Host(rnd, v4, v6, None, rnd.choice((52, 54, 56, 118, 242))))
        self.resolver = Host(rnd, bytes((10, 1, 0, 1)), None, bytes.fromhex("02420a010001"), 64)
        self.conns = []

    def blob(self, n):
        off = self.rnd.randrange(0, len(self._blob) - n - 1) if n < len(self._blob) else 0
        out = self._blob[off:off + n]
        while len(out) < n:
            out += self._blob[:n - len(out)]
        return out

    def emit(self, frame):
        if self.w.count >= self.limit:
            return
        self.ts += int(self.rnd.expovariate(1 / 180.0)) + 1
        self.w.write(self.ts, frame)

    def new_conn(self):
        rnd = self.rnd
        v6 = rnd.random() < 0.055
        c = rnd.choice(self.clients)
        s = rnd.choice(self.servers)
        port = rnd.choices((80, 443, 22, 8080, 5432), (40, 40, 6, 8, 6))[0]
        return Conn(self, c, s, v6, port)

    # --- non-TCP traffic --------------------------------------------------
    def dns_name(self, name):
        out = b""
        for lab in name.split("."):
            out += bytes((len(lab),)) + lab.encode()
        return out + b"\0"

    def dns(self):
        rnd = self.rnd
        c = rnd.choice(self.clients)
        r = self.resolver
        qid = rnd.randrange(65536)
        name = rnd.choice(HOSTNAMES)
        qtype = rnd.choices((1, 28, 12, 15), (60, 25, 8, 7))[0]
        if qtype == 12:
            s = rnd.choice(self.servers)
            name = ".".join(str(b) for b in reversed(s.v4)) + ".in-addr.arpa"
        qname = self.dns_name(name)
        sport = rnd.randrange(1024, 65535)
        q = struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 1) + qname + struct.pack(">HH", qtype, 1) + \
            b"\x00\x00\x29\x04\xd0\x00\x00\x00\x00\x00\x00"  # EDNS0 OPT
        self.udp4(c, r, sport, 53, q)
        # response
        nx = rnd.random() < 0.05
        ans = b""
        an = 0
        if not nx:
            if qtype == 1:
                for _ in range(rnd.choice((1, 1, 2, 4))):
                    ans += struct.pack(">HHHIH", 0xC00C, 1, 1, rnd.randrange(30, 86400), 4) + bytes(rnd.choice(self.servers).v4)
                    an += 1
            elif qtype == 28:
                ans += struct.pack(">HHHIH", 0xC00C, 28, 1, 300, 16) + rnd.choice(self.servers).v6
                an = 1
            elif qtype == 12:
                tgt = self.dns_name(rnd.choice(HOSTNAMES))
                ans += struct.pack(">HHHIH", 0xC00C, 12, 1, 3600, len(tgt)) + tgt
                an = 1
            else:
                tgt = b"\x04mail" + b"\xc0\x0c"
                ans += struct.pack(">HHHIHH", 0xC00C, 15, 1, 3600, 2 + len(tgt), 10) + tgt
                an = 1
        flags = 0x8180 | (3 if nx else 0)
        resp = struct.pack(">HHHHHH", qid, flags, 1, an, 0, 0) + qname + struct.pack(">HH", qtype, 1) + ans
        self.udp4(r, c, 53, sport, resp)

    def udp4(self, a, b, sp, dp, payload, ttl=None):
        seg = struct.pack(">HHHH", sp, dp, 8 + len(payload), 0) + payload
        ck = l4_csum_v4(a.v4, b.v4, 17, seg) or 0xFFFF
        seg = seg[:6] + struct.pack(">H", ck) + seg[8:]
        pkt = ipv4(a.v4, b.v4, 17, seg, a.next_id(), ttl or a.ttl, df=False)
        self.emit(ether(b.mac or self.router_mac, a.mac or self.router_mac, ETH_IP) + pkt)
        return pkt

    def opaque_udp(self):
        rnd = self.rnd
        c = rnd.choice(self.clients)
        s = rnd.choice(self.servers)
        pkt = self.udp4(c, s, rnd.randrange(1024, 65535), rnd.choice((33434, 40000, 51820, 3478)),
                        self.blob(rnd.randrange(16, 400)))
        if rnd.random() < 0.3:
            # ICMP port unreachable quoting the datagram
            quote = pkt[:28]
            icmp = struct.pack(">BBHI", 3, 3, 0, 0) + quote
            ck = ip_csum(icmp)
            icmp = icmp[:2] + struct.pack(">H", ck) + icmp[4:]
            p = ipv4(s.v4, c.v4, 1, icmp, s.next_id(), s.ttl, df=False, tos=0xC0)
            self.emit(ether(c.mac, self.router_mac, ETH_IP) + p)

    def icmp_echo(self):
        rnd = self.rnd
        c = rnd.choice(self.clients)
        s = rnd.choice(self.servers)
        ident = rnd.randrange(65536)
        data = struct.pack(">Q", self.ts // 1000000) + bytes(range(0x10, 0x38))
        for seq in range(1, rnd.randrange(2, 5)):
            for typ, a, b in ((8, c, s), (0, s, c)):
                icmp = struct.pack(">BBHHH", typ, 0, 0, ident, seq) + data
                ck = ip_csum(icmp)
                icmp = icmp[:2] + struct.pack(">H", ck) + icmp[4:]
                p = ipv4(a.v4, b.v4, 1, icmp, a.next_id(), a.ttl)
                self.emit(ether(b.mac or self.router_mac, a.mac or self.router_mac, ETH_IP) + p)

    def icmp6(self):
        rnd = self.rnd
        c = rnd.choice(self.clients)
        s = rnd.choice(self.servers)
        if rnd.random() < 0.5:
            ident = rnd.randrange(65536)
            for typ, a, b in ((128, c, s), (129, s, c)):
                body = struct.pack(">BBHHH", typ, 0, 0, ident, 1) + bytes(56)
                ck = l4_csum_v6(a.v6, b.v6, 58, body)
                body = body[:2] + struct.pack(">H", ck) + body[4:]
                self.emit(ether(b.mac or self.router_mac, a.mac or self.router_mac, ETH_IP6) + ipv6(a.v6, b.v6, 58, body, 64))
        else:
            tgt = rnd.choice(self.clients)
            sol = b"\xff\x02" + bytes(9) + b"\x01\xff" + tgt.v6[13:]
            body = struct.pack(">BBHI", 135, 0, 0, 0) + tgt.v6 + b"\x01\x01" + c.mac
            ck = l4_csum_v6(c.v6, sol, 58, body)
            body = body[:2] + struct.pack(">H", ck) + body[4:]
            self.emit(ether(b"\x33\x33\xff" + tgt.v6[13:], c.mac, ETH_IP6) + ipv6(c.v6, sol, 58, body, 255))
            body = struct.pack(">BBHI", 136, 0, 0, 0x60000000) + tgt.v6 + b"\x02\x01" + tgt.mac
            ck = l4_csum_v6(tgt.v6, c.v6, 58, body)
            body = body[:2] + struct.pack(">H", ck) + body[4:]
            self.emit(ether(c.mac, tgt.mac, ETH_IP6) + ipv6(tgt.v6, c.v6, 58, body, 255))

    def arp(self):
        rnd = self.rnd
        a = rnd.choice(self.clients)
        b = rnd.choice(self.clients + [self.resolver])
        req = struct.pack(">HHBBH", 1, 0x0800, 6, 4, 1) + a.mac + a.v4 + bytes(6) + b.v4
        self.emit(ether(b"\xff" * 6, a.mac, ETH_ARP) + req + bytes(18))
        rep = struct.pack(">HHBBH", 1, 0x0800, 6, 4, 2) + b.mac + b.v4 + a.mac + a.v4
        self.emit(ether(a.mac, b.mac, ETH_ARP) + rep + bytes(18))

    def run(self, concurrency):
        rnd = self.rnd
        conns = [self.new_conn() for _ in range(concurrency)]
        others = (self.dns, self.opaque_udp, self.icmp_echo, self.icmp6, self.arp)
        weights = (55, 12, 8, 6, 6)
        while self.w.count < self.limit:
            if rnd.random() < 0.045:
                rnd.choices(others, weights)[0]()
                continue
            i = rnd.randrange(len(conns))
            if not conns[i].step():
                conns[i] = self.new_conn()
        self.w.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", "--packets", type=int, default=500000)
    ap.add_argument("-o", "--output", default=None)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--snaplen", type=int, default=262144)
    ap.add_argument("--concurrency", type=int, default=400, help="concurrent TCP connections")
    args = ap.parse_args()
    if args.output is None:
        d = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
        os.makedirs(d, exist_ok=True)
        args.output = os.path.join(d, f"bench-{args.packets}.pcap")
    tmp = args.output + ".tmp"
    a2 = argparse.Namespace(**vars(args))
    a2.output = tmp
    g = Gen(a2)
    g.run(args.concurrency)
    os.replace(tmp, args.output)
    print(f"{args.output}: {g.w.count} packets, {os.path.getsize(args.output)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
