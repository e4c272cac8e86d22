#!/usr/bin/python3
"""tests/lab/apps.py - application endpoints of the diagnose lab (DNS, TLS,
HTTP keep-alive, busy traffic), for the scenarios in tests/lab that source
lib-apps.bash.  Run inside the lab's network namespaces only; every mode is
bounded: the process kills itself (SIGALRM) after --for SECONDS (default 20)
and every socket operation has a timeout.

  apps.py [--for S] dns-serve ADDR          UDP DNS server on ADDR:53:
        nx.*  -> NXDOMAIN   fail.* -> SERVFAIL   drop.* -> never answered
        any other name -> NOERROR (A: 10.198.2.2, other types: no records)
  apps.py [--for S] dns-query SERVER NAME [ATTEMPTS] [TIMEOUT]
        a stub resolver: A query; retries (same id) after a timeout or a
        SERVFAIL, up to ATTEMPTS (3) attempts of TIMEOUT (1 s); gives up on
        NXDOMAIN at once.  Prints "ok A ADDR" or "error WHY", exit 0 / 1.
  apps.py [--for S] httpd PORT              HTTP/1.1 server with keep-alive
  apps.py [--for S] httpd6 PORT             the same on [::]:PORT (IPv6)
  apps.py [--for S] tcp-connect HOST PORT TIMEOUT
        TCP connect (IPv4 or IPv6 literal); prints the outcome.
  apps.py [--for S] tls-serve PORT CERT KEY HTTP/1.1 over TLS (python ssl)
  apps.py [--for S] ttl-connect HOST PORT TTL TIMEOUT
        TCP connect from a socket with IP_TTL=TTL; prints the outcome.
  apps.py [--for S] busy HOST PORT TLSPORT CAFILE N PAR
        a busy healthy client: N short HTTP requests (PAR at a time), an
        HTTP keep-alive connection idle 4 s between requests, a connection
        idle 4.5 s with TCP keep-alive probes every second, 3 TLS sessions,
        DNS queries that succeed (server HOST).  Exit 0 when all succeeded.
"""
import random
import signal
import socket
import ssl
import struct
import sys
import threading
import time

BODY = b"synack lab application\n" * 8
ANSWER_IP = "10.198.2.2"


# ---------------------------------------------------------------- DNS
def dns_name(name):
    out = b""
    for label in name.rstrip(".").split("."):
        out += bytes([len(label)]) + label.encode()
    return out + b"\0"


def dns_query_packet(qid, name, qtype=1):
    # id, flags RD, 1 question
    return struct.pack("!HHHHHH", qid, 0x0100, 1, 0, 0, 0) + dns_name(name) + struct.pack("!HH", qtype, 1)


def dns_parse_question(pkt):
    """(id, flags, name, qtype, end of question) or None."""
    if len(pkt) < 12:
        return None
    qid, flags, qd = struct.unpack("!HHH", pkt[:6])
    if qd != 1:
        return None
    off, labels = 12, []
    while off < len(pkt):
        n = pkt[off]
        off += 1
        if n == 0:
            break
        if n > 63 or off + n > len(pkt):
            return None
        labels.append(pkt[off:off + n].decode("ascii", "replace"))
        off += n
    if off + 4 > len(pkt):
        return None
    qtype, _ = struct.unpack("!HH", pkt[off:off + 4])
    return qid, flags, ".".join(labels).lower(), qtype, off + 4


def dns_serve(addr):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((addr, 53))
    print("listening dns", addr, flush=True)
    while True:
        pkt, peer = s.recvfrom(4096)
        q = dns_parse_question(pkt)
        if q is None:
            continue
        qid, flags, name, qtype, qend = q
        first = name.split(".")[0]
        if first == "drop":
            continue
        rcode, answers = 0, b""
        if first == "nx":
            rcode = 3
        elif first == "fail":
            rcode = 2
        elif qtype == 1:
            answers = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 60, 4) + socket.inet_aton(ANSWER_IP)
        # QR, AA (not for SERVFAIL), RD copied, RA
        rflags = 0x8000 | (0x0400 if rcode != 2 else 0) | (flags & 0x0100) | 0x0080 | rcode
        hdr = struct.pack("!HHHHHH", qid, rflags, 1, 1 if answers else 0, 0, 0)
        s.sendto(hdr + pkt[12:qend] + answers, peer)


def dns_query(server, name, attempts=3, timeout=1.0):
    """A stub resolver's A query: (ok, text)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.connect((server, 53))
    qid = random.randrange(1, 65536)
    pkt = dns_query_packet(qid, name)
    why = "no answer"
    for _ in range(attempts):
        s.send(pkt)
        deadline = time.monotonic() + timeout
        answered = False
        while not answered:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            s.settimeout(left)
            try:
                r = s.recv(4096)
            except socket.timeout:
                break
            except OSError as e:
                why = "recv " + str(e)
                break
            if len(r) < 12 or struct.unpack("!H", r[:2])[0] != qid:
                continue
            answered = True
            rflags, _, an = struct.unpack("!HHH", r[2:8])
            rcode = rflags & 15
            if rcode == 3:
                s.close()
                return False, "NXDOMAIN"
            if rcode == 2:
                why = "SERVFAIL"
                continue
            if rcode != 0:
                why = "rcode %d" % rcode
                continue
            if an and len(r) >= 4:
                s.close()
                return True, "A " + socket.inet_ntoa(r[-4:])
            s.close()
            return False, "no records"
        if not answered:
            why = "timeout"
        else:
            time.sleep(0.2)  # resolvers pause a little before asking again
    s.close()
    return False, why


# ---------------------------------------------------------------- HTTP
def read_head(f):
    """Read one request head from a buffered file; None at EOF."""
    head = b""
    while True:
        line = f.readline(8192)
        if not line:
            return None
        head += line
        if line in (b"\r\n", b"\n") or len(head) > 65536:
            return head


def serve_http_conn(c):
    try:
        c.settimeout(15)
        f = c.makefile("rb")
        while True:
            head = read_head(f)
            if head is None:
                break
            close = b"connection: close" in head.lower()
            resp = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n%s\r\n"
                    % (len(BODY), b"Connection: close\r\n" if close else b"")) + BODY
            c.sendall(resp)
            if close:
                break
    except (OSError, ssl.SSLError):
        pass
    finally:
        try:
            if isinstance(c, ssl.SSLSocket):
                c.unwrap()
        except (OSError, ssl.SSLError, ValueError):
            pass
        try:
            c.close()
        except OSError:
            pass


def listen(port, v6=False):
    s = socket.socket(socket.AF_INET6 if v6 else socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("::" if v6 else "0.0.0.0", port))
    s.listen(1024)
    s.settimeout(1.0)
    return s


def httpd(port, ctx=None, v6=False):
    s = listen(port, v6)
    print("listening", "tls" if ctx else "http", port, flush=True)
    while True:
        try:
            c, _ = s.accept()
        except socket.timeout:
            continue
        threading.Thread(target=tls_conn if ctx else serve_http_conn, args=(c, ctx) if ctx else (c,), daemon=True).start()


def tls_conn(c, ctx):
    try:
        c.settimeout(10)
        t = ctx.wrap_socket(c, server_side=True)
    except (OSError, ssl.SSLError):
        c.close()
        return
    serve_http_conn(t)


def http_exchange(sock, f, close):
    req = b"GET /busy HTTP/1.1\r\nHost: app.lab.test\r\nUser-Agent: synack-lab\r\n%s\r\n" % (
        b"Connection: close\r\n" if close else b"")
    sock.sendall(req)
    head = read_head(f)
    if head is None or not head.startswith(b"HTTP/1.1 200"):
        raise OSError("bad response")
    n = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            n = int(line.split(b":")[1])
    if len(f.read(n)) != n:
        raise OSError("short body")


def short_get(host, port):
    c = socket.create_connection((host, port), timeout=10)
    try:
        f = c.makefile("rb")
        http_exchange(c, f, True)
        if f.read(1) != b"":     # the server closes after the response
            raise OSError("no EOF")
    finally:
        c.close()


def keepalive_http(host, port, n, idle):
    c = socket.create_connection((host, port), timeout=10)
    try:
        f = c.makefile("rb")
        for i in range(n):
            if i:
                time.sleep(idle)
            http_exchange(c, f, i == n - 1)
    finally:
        c.close()


def tcp_keepalive(host, port, idle):
    c = socket.create_connection((host, port), timeout=10)
    try:
        c.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 1)
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 1)
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 5)
        f = c.makefile("rb")
        http_exchange(c, f, False)
        time.sleep(idle)          # probes every second while idle
        http_exchange(c, f, True)
    finally:
        c.close()


def tls_get(host, port, cafile):
    ctx = ssl.create_default_context(cafile=cafile)
    raw = socket.create_connection((host, port), timeout=10)
    t = ctx.wrap_socket(raw, server_hostname="app.lab.test")
    try:
        f = t.makefile("rb")
        http_exchange(t, f, True)
        f.read(1)
        try:
            t.unwrap()
        except (OSError, ssl.SSLError, ValueError):
            pass
    finally:
        t.close()


def busy(host, port, tlsport, cafile, n, par):
    errors = []
    lock = threading.Lock()

    def run(what, fn, *args):
        try:
            fn(*args)
        except Exception as e:  # noqa: BLE001 - report every failure
            with lock:
                errors.append("%s: %s" % (what, e))

    def dns_all():
        for name in ("app.lab.test", "www.lab.test", "api.lab.test"):
            ok, txt = dns_query(host, name)
            if not ok:
                raise OSError("dns %s: %s" % (name, txt))
            time.sleep(0.3)

    def tls_all():
        for _ in range(3):
            tls_get(host, tlsport, cafile)
            time.sleep(0.5)

    long_ones = [
        threading.Thread(target=run, args=("keep-alive", keepalive_http, host, port, 3, 4.0)),
        threading.Thread(target=run, args=("tcp-keepalive", tcp_keepalive, host, port, 4.5)),
        threading.Thread(target=run, args=("tls", tls_all)),
        threading.Thread(target=run, args=("dns", dns_all)),
    ]
    for t in long_ones:
        t.start()
    sem = threading.Semaphore(par)
    short = []

    def one(i):
        try:
            run("get %d" % i, short_get, host, port)
        finally:
            sem.release()

    for i in range(n):
        sem.acquire()
        t = threading.Thread(target=one, args=(i,), daemon=True)
        t.start()
        short.append(t)
    for t in short + long_ones:
        t.join(20)
    for e in errors:
        print("error", e)
    print("busy: %d short requests, %d errors" % (n, len(errors)), flush=True)
    return not errors


# ---------------------------------------------------------------- main
def main():
    argv = sys.argv[1:]
    limit = 20
    if argv[:1] == ["--for"]:
        limit = int(float(argv[1]))
        argv = argv[2:]
    signal.signal(signal.SIGALRM, lambda *_: sys.exit(3))
    signal.alarm(max(1, limit))
    cmd = argv[0]
    if cmd == "dns-serve":
        dns_serve(argv[1])
    elif cmd == "dns-query":
        attempts = int(argv[3]) if len(argv) > 3 else 3
        timeout = float(argv[4]) if len(argv) > 4 else 1.0
        ok, txt = dns_query(argv[1], argv[2], attempts, timeout)
        print(("ok " if ok else "error ") + txt, flush=True)
        sys.exit(0 if ok else 1)
    elif cmd == "httpd":
        httpd(int(argv[1]))
    elif cmd == "httpd6":
        httpd(int(argv[1]), v6=True)
    elif cmd == "tcp-connect":
        try:
            c = socket.create_connection((argv[1], int(argv[2])), timeout=float(argv[3]))
            c.close()
            print("ok connected", flush=True)
            sys.exit(0)
        except OSError as e:
            print("error", "timeout" if isinstance(e, socket.timeout) else e, flush=True)
            sys.exit(1)
    elif cmd == "tls-serve":
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(argv[2], argv[3])
        httpd(int(argv[1]), ctx)
    elif cmd == "ttl-connect":
        c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        c.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, int(argv[3]))
        c.settimeout(float(argv[4]))
        try:
            c.connect((argv[1], int(argv[2])))
            print("ok connected", flush=True)
            sys.exit(0)
        except OSError as e:
            print("error", "timeout" if isinstance(e, socket.timeout) else e, flush=True)
            sys.exit(1)
        finally:
            c.close()
    elif cmd == "busy":
        ok = busy(argv[1], int(argv[2]), int(argv[3]), argv[4], int(argv[5]), int(argv[6]))
        sys.exit(0 if ok else 1)
    else:
        sys.exit("apps.py: unknown command " + cmd)


if __name__ == "__main__":
    main()
