#!/usr/bin/python3
"""tests/lab/lab.py - the TCP endpoints of the diagnose lab (tests/lab/*.sh).

Run inside the network namespaces that tests/lab/lib.bash creates; never aimed
anywhere else.  Every mode is bounded: the process kills itself (SIGALRM)
after --for SECONDS (default 20), and every socket operation has a timeout.

  lab.py [--for SECS] serve MODE PORT [ARG]      (listens on 0.0.0.0:PORT)
     http [DELAY]   read a request, wait DELAY s, answer a small HTTP page, close
     reset          read a request, then close with SO_LINGER 0 (RST)
     source NBYTES  read a request, answer 100 bytes, then NBYTES more, close
     stall HOLD     64 KB receive buffer; do not read for HOLD s, then read to EOF
     backlog        listen(0) and never accept()
     slowaccept GAP listen(1), accept() one connection every GAP s (default 2),
                    answer each like http
     banner         server speaks first: "220 ready\r\n" on accept, then read
                    to EOF (SMTP-like)
  lab.py [--for SECS] get HOST PORT [TIMEOUT]          one HTTP/1.0 GET
  lab.py [--for SECS] many HOST PORT N TIMEOUT         N GETs at once (threads)
  lab.py [--for SECS] up HOST PORT NBYTES [TIMEOUT]    send NBYTES, close, read to EOF
  lab.py [--for SECS] connect HOST PORT TIMEOUT        connect only; prints the outcome
  lab.py [--for SECS] banner HOST PORT TIMEOUT         connect, read the server's banner
                                                       line, send QUIT, read to EOF
  lab.py [--for SECS] sink HOST PORT HOLD              send a GET, read nothing for HOLD s,
                                                       then close with the data unread (RST)
  lab.py [--for SECS] delay MS PORT                    (router, root) delay line:
     re-send every forwarded TCP packet to/from PORT MS ms late through a raw
     socket (TTL decremented, checksums recomputed); the kernel's own copy must
     be dropped by nft in the forward chain.  Used where sch_netem is missing.
Clients print one line ("ok ..." or "error ...") and exit 0 on success, 1 otherwise.
"""
import errno
import heapq
import select
import struct
import signal
import socket
import sys
import threading
import time

REQ = b"GET /lab HTTP/1.0\r\nHost: lab\r\nUser-Agent: synack-lab\r\n\r\n"
BODY = b"synack diagnose lab\n" * 20


def read_request(c, timeout=5.0):
    c.settimeout(timeout)
    buf = b""
    while b"\r\n\r\n" not in buf and len(buf) < 65536:
        b = c.recv(4096)
        if not b:
            break
        buf += b
    return buf


def drain(c, timeout=10.0, want_eof=False):
    """Read until EOF; returns the byte count (with want_eof: (count, eof_seen))."""
    c.settimeout(timeout)
    total, eof = 0, False
    try:
        while True:
            b = c.recv(65536)
            if not b:
                eof = True
                break
            total += len(b)
    except OSError:
        pass
    return (total, eof) if want_eof else total


def handle(mode, arg, c):
    try:
        if mode == "http":
            read_request(c)
            if arg:
                time.sleep(float(arg))
            c.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(BODY) + BODY)
            c.shutdown(socket.SHUT_WR)
            drain(c, 5)
        elif mode == "reset":
            read_request(c)
            time.sleep(0.05)
            c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        elif mode == "source":
            read_request(c)
            c.settimeout(30)
            c.sendall(b"HTTP/1.0 200 OK\r\n" + b"x" * 81 + b"\r\n")
            time.sleep(0.05)
            chunk = b"y" * 65536
            left = int(arg)
            while left > 0:
                n = min(left, len(chunk))
                c.sendall(chunk[:n])
                left -= n
            c.shutdown(socket.SHUT_WR)
            drain(c, 5)
        elif mode == "banner":
            c.settimeout(10)
            c.sendall(b"220 ready\r\n")
            drain(c, 10)
        elif mode == "stall":
            time.sleep(float(arg))
            # then read slowly for a moment (window updates), then to EOF
            c.settimeout(5)
            for _ in range(5):
                c.recv(2048)
                time.sleep(0.05)
            drain(c, 5)
    except OSError:
        pass
    finally:
        try:
            c.close()
        except OSError:
            pass


def serve(mode, port, arg):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if mode == "stall":
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
    s.bind(("0.0.0.0", port))
    s.listen({"backlog": 0, "slowaccept": 1}.get(mode, 16))
    print("listening", port, flush=True)
    if mode == "backlog":
        while True:
            time.sleep(1)
    if mode == "slowaccept":
        gap = float(arg) if arg else 2.0
        while True:
            time.sleep(gap)
            c, _ = s.accept()
            threading.Thread(target=handle, args=("http", None, c), daemon=True).start()
    s.settimeout(1.0)
    while True:
        try:
            c, _ = s.accept()
        except socket.timeout:
            continue
        threading.Thread(target=handle, args=(mode, arg, c), daemon=True).start()


def connect(host, port, timeout):
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.settimeout(timeout)
    c.connect((host, port))
    return c


def err_name(e):
    if isinstance(e, socket.timeout):
        return "timeout"
    return errno.errorcode.get(e.errno or 0, str(e))


def get(host, port, timeout):
    try:
        c = connect(host, port, timeout)
        c.sendall(REQ)
        n, eof = drain(c, timeout, want_eof=True)
        c.close()
        if not eof:
            return "error timeout after %d bytes" % n
        if n == 0:
            return "error empty-response"
        return "ok %d bytes" % n
    except OSError as e:
        return "error " + err_name(e)


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def delay_line(ms, port):
    """Router-side delay line: AF_PACKET in, raw IPv4 out, ms later."""
    ETH_P_IP = 0x0800
    rx = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(ETH_P_IP))
    tx = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    print("listening delay", ms, flush=True)
    pending = []  # (due, seq, packet, dst)
    n = 0
    while True:
        now = time.monotonic()
        while pending and pending[0][0] <= now:
            _, _, pkt, dst = heapq.heappop(pending)
            try:
                tx.sendto(pkt, (dst, 0))
            except OSError:
                pass
        wait = max(0.0, pending[0][0] - now) if pending else 0.5
        r, _, _ = select.select([rx], [], [], wait)
        if not r:
            continue
        pkt, addr = rx.recvfrom(65535)
        if addr[2] != socket.PACKET_HOST or len(pkt) < 40 or pkt[9] != 6:
            continue
        ihl = (pkt[0] & 15) * 4
        sport, dport = struct.unpack("!HH", pkt[ihl:ihl + 4])
        if port not in (sport, dport) or pkt[8] <= 1:
            continue
        total = struct.unpack("!H", pkt[2:4])[0]
        pkt = bytearray(pkt[:total])
        pkt[8] -= 1                       # TTL, as a router would
        pkt[10:12] = b"\0\0"
        pkt[10:12] = struct.pack("!H", csum(bytes(pkt[:ihl])))
        seg = pkt[ihl:]
        seg[16:18] = b"\0\0"            # TCP checksum (may be partial: offload)
        pseudo = bytes(pkt[12:20]) + struct.pack("!BBH", 0, 6, len(seg))
        seg[16:18] = struct.pack("!H", csum(pseudo + bytes(seg)))
        pkt[ihl:] = seg
        n += 1
        heapq.heappush(pending, (time.monotonic() + ms / 1000.0, n, bytes(pkt), socket.inet_ntoa(bytes(pkt[16:20]))))


def main():
    argv = sys.argv[1:]
    limit = 20
    if argv[:1] == ["--for"]:
        limit = int(float(argv[1]))
        argv = argv[2:]
    signal.signal(signal.SIGALRM, lambda *_: sys.exit(3))
    signal.alarm(max(1, limit))
    cmd = argv[0]
    if cmd == "serve":
        serve(argv[1], int(argv[2]), argv[3] if len(argv) > 3 else None)
    elif cmd == "get":
        r = get(argv[1], int(argv[2]), float(argv[3]) if len(argv) > 3 else 5.0)
        print(r, flush=True)
        sys.exit(0 if r.startswith("ok") else 1)
    elif cmd == "many":
        host, port, n, timeout = argv[1], int(argv[2]), int(argv[3]), float(argv[4])
        res = [None] * n

        def one(i):
            res[i] = get(host, port, timeout)

        ts = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(n)]
        for t in ts:
            t.start()
            time.sleep(0.02)
        for t in ts:
            t.join(timeout + 2)
        for r in res:
            print(r, flush=True)
        sys.exit(0)
    elif cmd == "up":
        timeout = float(argv[4]) if len(argv) > 4 else 10.0
        try:
            c = connect(argv[1], int(argv[2]), timeout)
            c.sendall(b"u" * int(argv[3]))
            c.shutdown(socket.SHUT_WR)
            drain(c, timeout)
            c.close()
            print("ok sent", argv[3])
        except OSError as e:
            print("error", err_name(e))
            sys.exit(1)
    elif cmd == "banner":
        try:
            c = connect(argv[1], int(argv[2]), float(argv[3]))
            line = b""
            while not line.endswith(b"\n") and len(line) < 512:
                b = c.recv(512)
                if not b:
                    break
                line += b
            c.sendall(b"QUIT\r\n")
            c.shutdown(socket.SHUT_WR)
            drain(c, float(argv[3]))
            c.close()
            if not line.startswith(b"220"):
                print("error no banner")
                sys.exit(1)
            print("ok banner", line.strip().decode("ascii", "replace"))
        except OSError as e:
            print("error", err_name(e))
            sys.exit(1)
    elif cmd == "sink":
        try:
            c = connect(argv[1], int(argv[2]), 5.0)
            c.sendall(REQ)
            time.sleep(float(argv[3]))
            c.close()   # unread data in the receive queue: the kernel sends a RST
            print("ok closed unread")
        except OSError as e:
            print("error", err_name(e))
            sys.exit(1)
    elif cmd == "delay":
        delay_line(float(argv[1]), int(argv[2]))
    elif cmd == "connect":
        try:
            c = connect(argv[1], int(argv[2]), float(argv[3]))
            c.close()
            print("ok connected")
        except OSError as e:
            print("error", err_name(e))
            sys.exit(1)
    else:
        sys.exit("lab.py: unknown command " + cmd)


if __name__ == "__main__":
    main()
