#!/usr/bin/python3
"""tests/analysis/ana-traffic.py - the TCP endpoints used by make-captures.bash.

Every mode is bounded in time (socket timeouts, fixed counts).  Run inside the
network namespaces that make-captures.bash creates; never aimed anywhere else.

  server modes (one accept loop, exit after --conns connections):
    sink PORT               read every connection until EOF
    source PORT NBYTES      send NBYTES on every connection, then close
    stall PORT HOLD         tiny receive buffer, do not read for HOLD seconds,
                            then read slowly, then until EOF
    idle PORT               wait for EOF without sending anything
    closer PORT             read a line, close first (server gets TIME_WAIT)
  client modes:
    up HOST PORT NBYTES     send NBYTES, then close
    down HOST PORT          read until EOF
    keepalive HOST PORT SECS  SO_KEEPALIVE, idle 1 s, interval 1 s, stay SECS
    reuse HOST PORT LPORT N   N connections from the same local port LPORT
    zwp HOST PORT IF        (root, scapy) userspace TCP sender that fills a
                            stalled receiver's window, then sends 1-byte
                            zero-window probes (Linux itself probes with empty
                            keep-alive-like segments)
    bridge IF1 IF2 SECS     (root) userspace L2 bridge that reorders frames
    nocsum IF               (root) turn off TX checksum offload on IF (the
                            ethtool ioctl), so frames the bridge copies with
                            AF_PACKET carry complete checksums
"""
import array
import fcntl
import struct
import os
import random
import select
import socket
import sys
import time

TIMEOUT = 60.0


def listener(port, rcvbuf=None):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.bind(("0.0.0.0", port))
    s.listen(8)
    s.settimeout(TIMEOUT)
    return s


def drain(c):
    c.settimeout(TIMEOUT)
    total = 0
    try:
        while True:
            b = c.recv(65536)
            if not b:
                break
            total += len(b)
    except OSError:
        pass
    return total


def serve(mode, args, conns):
    port = int(args[0])
    rcvbuf = 2048 if mode == "stall" else None
    s = listener(port, rcvbuf)
    for _ in range(conns):
        try:
            c, _ = s.accept()
        except OSError:
            break
        if mode == "sink" or mode == "idle":
            drain(c)
        elif mode == "source":
            c.settimeout(TIMEOUT)
            try:
                c.sendall(b"x" * int(args[1]))
            except OSError:
                pass
        elif mode == "stall":
            time.sleep(float(args[1]))
            c.settimeout(TIMEOUT)
            try:
                for _ in range(4):   # a few small reads: window updates
                    c.recv(1000)
                    time.sleep(0.05)
            except OSError:
                pass
            drain(c)
        elif mode == "closer":
            c.settimeout(TIMEOUT)
            try:
                c.recv(100)
            except OSError:
                pass
        c.close()
    s.close()


def connect(host, port, lport=None, ka=False):
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if lport:
        c.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        c.bind(("0.0.0.0", lport))
    if ka:
        c.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 1)
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 1)
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 5)
    c.settimeout(TIMEOUT)
    for _ in range(20):
        try:
            c.connect((host, port))
            return c
        except ConnectionRefusedError:
            time.sleep(0.1)
    raise SystemExit("cannot connect")


def bridge(if1, if2, secs):
    """Forward frames between two interfaces, holding back about a quarter of
    them for 10 ms so that later frames overtake them (netem's reorder)."""
    ETH_P_ALL = 3
    socks = []
    for name in (if1, if2):
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
        s.bind((name, 0))
        socks.append(s)
    held = []   # (due time, out socket, frame)
    rnd = random.Random(7)
    end = time.time() + secs
    while time.time() < end:
        now = time.time()
        for item in [h for h in held if h[0] <= now]:
            held.remove(item)
            item[1].send(item[2])
        r, _, _ = select.select(socks, [], [], 0.002)
        for s in r:
            frame, addr = s.recvfrom(65600)
            if addr[2] == socket.PACKET_OUTGOING:
                continue
            out = socks[1] if s is socks[0] else socks[0]
            if rnd.random() < 0.25:
                held.append((now + 0.010, out, frame))
            else:
                out.send(frame)


def nocsum(ifname):
    ETHTOOL_STXCSUM, SIOCETHTOOL = 0x17, 0x8946
    ev = array.array("I", [ETHTOOL_STXCSUM, 0])
    ifr = struct.pack("16sP", ifname.encode(), ev.buffer_info()[0])
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        fcntl.ioctl(s.fileno(), SIOCETHTOOL, ifr)


def zwp(host, port, ifname):
    from scapy.all import IP, TCP, AsyncSniffer, send, conf
    conf.verb = 0
    sport, isn = 45123, 1000
    seen = []   # AsyncSniffer.results is only filled in at stop()
    sn = AsyncSniffer(iface=ifname, store=False, prn=seen.append,
                      filter="tcp and src host %s and src port %d" % (host, port))
    sn.start()
    time.sleep(0.5)
    ip = IP(dst=host)

    def last():
        for _ in range(50):
            got = [p for p in seen if TCP in p]
            if got:
                return got[-1][TCP]
            time.sleep(0.02)
        return None

    def seg(flags, seq, data=b""):
        p = ip / TCP(sport=sport, dport=port, flags=flags, seq=seq, ack=rack, window=8192)
        send(p / data if data else p)

    send(ip / TCP(sport=sport, dport=port, flags="S", seq=isn, window=8192,
                  options=[("MSS", 536)]))
    time.sleep(0.3)
    sa = last()
    if sa is None or (sa.flags & 0x12) != 0x12:
        sn.stop()
        raise SystemExit("zwp: no SYN/ACK")
    rack = sa.seq + 1
    seq = isn + 1
    seg("A", seq)
    for _ in range(60):          # fill the window (never beyond it)
        time.sleep(0.06)
        t = last()
        if t is not None and t.window == 0 and t.ack == seq:
            break
        avail = (t.ack + t.window - seq) if t is not None else 500
        if avail > 0:
            n = min(500, avail)
            seg("PA", seq, b"z" * n)
            seq += n
    time.sleep(0.1)
    seq = last().ack             # go on from what the receiver has taken
    for i in range(10):          # 1-byte zero-window probes
        seg("PA", seq, b"p")
        time.sleep(0.2 * (i + 1))
        t = last()
        if t is not None and t.ack > seq:
            seq = t.ack
            break
    for _ in range(3):           # some data once the window is open
        time.sleep(0.05)
        seg("PA", seq, b"z" * 300)
        seq += 300
    time.sleep(0.3)
    seg("RA", seq)
    sn.stop()


def main():
    a = sys.argv[1:]
    conns = 1
    if a and a[0] == "--conns":
        conns = int(a[1])
        a = a[2:]
    mode, args = a[0], a[1:]
    if mode in ("sink", "source", "stall", "idle", "closer"):
        serve(mode, args, conns)
    elif mode == "up":
        c = connect(args[0], int(args[1]))
        c.sendall(b"y" * int(args[2]))
        c.shutdown(socket.SHUT_WR)
        drain(c)
        c.close()
    elif mode == "down":
        c = connect(args[0], int(args[1]))
        drain(c)
        c.close()
    elif mode == "keepalive":
        c = connect(args[0], int(args[1]), ka=True)
        time.sleep(float(args[2]))
        c.close()
    elif mode == "reuse":
        lport, n = int(args[2]), int(args[3])
        for i in range(n):
            c = connect(args[0], int(args[1]), lport=lport)
            c.sendall(b"hello %d\n" % i)
            time.sleep(0.2)
            if i % 2 == 0:
                # abortive close (RST): no TIME_WAIT on the client
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            else:
                drain(c)   # the server closes first and keeps the TIME_WAIT
            c.close()
            time.sleep(0.3)
    elif mode == "zwp":
        zwp(args[0], int(args[1]), args[2])
    elif mode == "nocsum":
        nocsum(args[0])
    elif mode == "bridge":
        bridge(args[0], args[1], float(args[2]))
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main()
