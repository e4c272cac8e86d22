#!/usr/bin/python3
"""Makes the trk-* captures for the capture-artefact tests (struct only, no scapy).

trk-any-v1.pcap, trk-any-v2.pcap  -i any on a router (Linux cooked v1 / v2): one
    TCP connection 10.198.1.2:40000 -> 10.198.2.2:80, every packet captured
    coming in (TTL 64, packet type 0 "host") and 40 us later going out (TTL 63,
    packet type 4 "outgoing", v2: another interface index).  8 packets each way
    on the wire... 5 client->server, 4 server->client; no loss.
trk-identical.pcap  Ethernet, the same connection, every packet written twice
    (identical bytes, 3 us apart), plus one real retransmission of the request
    (identical bytes 300 ms later), which must stay a retransmission.
trk-any-lo.pcap  -i any (cooked v1) on a host talking to itself over lo: every
    packet seen going out (type 4) and coming in (type 0) with the same TTL.
trk-isb-le.pcapng, trk-isb-be.pcapng  pcapng (little / big endian sections) with
    one SYN and two Interface Statistics Blocks for interface 0: an early one
    (ifrecv 500, ifdrop 50) and the final one (ifrecv 1000, ifdrop 150,
    osdrop 7): the final one counts, 157 dropped of 1000.
trk-noisb.pcapng  the same without statistics blocks.
"""
import struct
import sys
import os

OUT = os.path.dirname(os.path.abspath(__file__))
CLI, SRV = bytes([10, 198, 1, 2]), bytes([10, 198, 2, 2])
T0 = 1764500000


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def ipv4_tcp(src, dst, ttl, ipid, sport, dport, seq, ack, flags, payload=b"", win=64240):
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, win, 0, 0) + payload
    ph = src + dst + struct.pack("!BBH", 0, 6, len(tcp))
    c = csum(ph + tcp)
    tcp = tcp[:16] + struct.pack("!H", c) + tcp[18:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), ipid, 0x4000, ttl, 6, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    return ip + tcp


S, A, F, P = 0x02, 0x10, 0x01, 0x08
REQ = b"GET / HTTP/1.0\r\n\r\n"
RESP = b"HTTP/1.0 200 OK\r\n\r\nhello"


def conversation():
    """(time offset, dir, flags, seq, ack, payload); dir 0 client -> server."""
    c, s = 1000, 5000
    return [
        (0.000, 0, S, c, 0, b""),
        (0.010, 1, S | A, s, c + 1, b""),
        (0.020, 0, A, c + 1, s + 1, b""),
        (0.021, 0, P | A, c + 1, s + 1, REQ),
        (0.031, 1, A, s + 1, c + 1 + len(REQ), b""),
        (0.040, 1, P | A, s + 1, c + 1 + len(REQ), RESP),
        (0.050, 0, A, c + 1 + len(REQ), s + 1 + len(RESP), b""),
        (0.060, 0, F | A, c + 1 + len(REQ), s + 1 + len(RESP), b""),
        (0.070, 1, F | A, s + 1 + len(RESP), c + 2 + len(REQ), b""),
    ]


def ip_of(i, d, fl, seq, ack, pl, ttl):
    src, dst = (CLI, SRV) if d == 0 else (SRV, CLI)
    sp, dp = (40000, 80) if d == 0 else (80, 40000)
    return ipv4_tcp(src, dst, ttl, 100 + i, sp, dp, seq, ack, fl, pl)


def pcap(path, linktype, recs):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, linktype))
        for t, data in recs:
            sec = int(t)
            usec = int(round((t - sec) * 1e6))
            f.write(struct.pack("<IIII", T0 + sec, usec, len(data), len(data)) + data)


MAC_C, MAC_R1, MAC_R2, MAC_S = (bytes([2, 0, 0, 0, 0, i]) for i in (1, 2, 3, 4))


def sll1(ptype, mac, ip):
    return struct.pack("!HHH8sH", ptype, 1, 6, mac + b"\0\0", 0x0800) + ip


def sll2(ifindex, ptype, mac, ip):
    return struct.pack("!HHIHBB8s", 0x0800, 0, ifindex, 1, ptype, 6, mac + b"\0\0") + ip


def any_router(path, v2):
    recs = []
    for i, (t, d, fl, seq, ack, pl) in enumerate(conversation()):
        ip_in = ip_of(i, d, fl, seq, ack, pl, 64)
        ip_out = ip_of(i, d, fl, seq, ack, pl, 63)
        if_in, if_out = (2, 3) if d == 0 else (3, 2)
        mac_in = MAC_C if d == 0 else MAC_S
        mac_out = MAC_R2 if d == 0 else MAC_R1
        if v2:
            recs.append((t, sll2(if_in, 0, mac_in, ip_in)))
            recs.append((t + 0.00004, sll2(if_out, 4, mac_out, ip_out)))
        else:
            recs.append((t, sll1(0, mac_in, ip_in)))
            recs.append((t + 0.00004, sll1(4, mac_out, ip_out)))
    pcap(path, 276 if v2 else 113, recs)


def any_lo(path):
    recs = []
    for i, (t, d, fl, seq, ack, pl) in enumerate(conversation()):
        ip = ip_of(i, d, fl, seq, ack, pl, 64)
        recs.append((t, sll1(4, b"\0" * 6, ip)))
        recs.append((t + 0.000002, sll1(0, b"\0" * 6, ip)))
    pcap(path, 113, recs)


def eth(d, ip):
    dst, src = (MAC_S, MAC_C) if d == 0 else (MAC_C, MAC_S)
    return dst + src + struct.pack("!H", 0x0800) + ip


def identical(path):
    recs = []
    conv = conversation()
    for i, (t, d, fl, seq, ack, pl) in enumerate(conv):
        frame = eth(d, ip_of(i, d, fl, seq, ack, pl, 64))
        recs.append((t, frame))
        recs.append((t + 0.000003, frame))
        if i == 3:
            req = frame
    # the request again, byte for byte, 300 ms later: a real retransmission
    recs.append((0.321, req))
    recs.sort(key=lambda r: r[0])
    pcap(path, 1, recs)


def pcapng(path, big, stats):
    e = ">" if big else "<"

    def block(btype, body):
        body += b"\0" * (-len(body) % 4)
        n = 12 + len(body)
        return struct.pack(e + "II", btype, n) + body + struct.pack(e + "I", n)

    def opt(code, val):
        return struct.pack(e + "HH", code, len(val)) + val + b"\0" * (-len(val) % 4)

    out = block(0x0A0D0D0A, struct.pack(e + "IHHq", 0x1A2B3C4D, 1, 0, -1))
    out += block(1, struct.pack(e + "HHI", 1, 0, 262144))
    frame = eth(0, ipv4_tcp(CLI, SRV, 64, 1, 40000, 80, 1000, 0, S))
    ts = (T0 * 1000000)
    out += block(6, struct.pack(e + "IIIII", 0, ts >> 32, ts & 0xFFFFFFFF, len(frame), len(frame)) + frame)
    if stats:
        for recv, ifdrop, osdrop in ((500, 50, None), (1000, 150, 7)):
            opts = opt(4, struct.pack(e + "Q", recv)) + opt(5, struct.pack(e + "Q", ifdrop))
            if osdrop is not None:
                opts += opt(7, struct.pack(e + "Q", osdrop))
            opts += opt(0, b"")
            out += block(5, struct.pack(e + "III", 0, ts >> 32, (ts + 1000000) & 0xFFFFFFFF) + opts)
    with open(path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    d = sys.argv[1] if len(sys.argv) > 1 else OUT
    any_router(os.path.join(d, "trk-any-v1.pcap"), False)
    any_router(os.path.join(d, "trk-any-v2.pcap"), True)
    identical(os.path.join(d, "trk-identical.pcap"))
    any_lo(os.path.join(d, "trk-any-lo.pcap"))
    pcapng(os.path.join(d, "trk-isb-le.pcapng"), False, True)
    pcapng(os.path.join(d, "trk-isb-be.pcapng"), True, True)
    pcapng(os.path.join(d, "trk-noisb.pcapng"), False, False)
