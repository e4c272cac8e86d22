#!/usr/bin/python3
# tests/diag/make-captures.py - hand-crafted captures for the `synack diagnose`
# rules that the namespace lab (tests/lab) cannot easily reproduce.
#
#   /usr/bin/python3 tests/diag/make-captures.py [OUTDIR]   (default tests/captures)
#
# Writes OUTDIR/diag-*.pcap (Ethernet, microsecond pcap).  Deterministic
# (fixed random seed, fixed start time), so re-running gives identical files.
#
# Model: two hosts and a capture point at one of them ("vantage").  A packet
# sent by the capture host at time t is recorded at t with an initial TTL
# (64); a packet sent by the far end at t arrives, and is recorded, at
# t + owd with TTL 64 - hops.  Sequence/ACK numbers, TCP timestamps (TSval =
# the sender's millisecond clock, TSecr = the newest TSval that had arrived)
# and cumulative ACKs are derived from what had actually arrived at the
# sender when it sent, so the captures are self-consistent.  Checksums are
# computed by scapy.
import heapq
import os
import random
import sys

from scapy.all import (ARP, Ether, ICMPv6DestUnreach, IP, IPv6, Raw, TCP, wrpcap)

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'captures')
T0 = 1700000000.0          # 2023-11-14 22:13:20 UTC
MAC_CLI = '02:00:00:00:00:0a'
MAC_SRV = '02:00:00:00:00:50'
MAC_GW = '02:00:00:00:00:01'


class Side:
    def __init__(self, ip, port, isn, ts_base, mss=1460, wscale=None, sack=True, ts=True, win=64240):
        self.ip, self.port, self.isn = ip, port, isn
        self.ts_base, self.mss, self.wscale, self.sack, self.ts = ts_base, mss, wscale, sack, ts
        self.win = win                  # default advertised window, bytes
        self.nxt = isn                  # next sequence number to send
        self.sent = []                  # (arrival time at peer, seq, end, tsval) of delivered segments
        self.fin_sent = False


class Flow:
    """One TCP connection seen from `vantage` ('client' or 'server')."""

    def __init__(self, pkts, cli, srv, vantage='client', rtt=0.040, hops=9, v6=False):
        self.pkts, self.c, self.s = pkts, cli, srv
        self.vantage, self.owd, self.hops, self.v6 = vantage, rtt / 2, hops, v6
        self.scale_ok = False
        self.ts_ok = False

    def side(self, who):
        return (self.c, self.s) if who == 'c' else (self.s, self.c)

    def local(self, who):
        return (who == 'c') == (self.vantage == 'client')

    def cum_ack(self, who, t):
        """What `who` can acknowledge at time t: the peer's contiguous delivered bytes."""
        me, peer = self.side(who)
        segs = sorted((s, e) for (a, s, e, _) in peer.sent if a <= t + 1e-9)
        cum = None
        for s, e in segs:
            if cum is None:
                cum = s
            if s <= cum:
                cum = max(cum, e)
            else:
                break
        return cum

    def tsecr(self, who, t):
        me, peer = self.side(who)
        got = [v for (a, s, e, v) in peer.sent if a <= t + 1e-9 and v is not None]
        return max(got) if got else 0

    def send(self, who, t, flags, data=0, seq=None, ack=None, win=None, opts=None, lost=False,
             refused=False, ttl=None, delay=None):
        """Send a segment from `who` ('c' or 's') at time t (seconds from T0).
        data: payload length (or bytes); lost: dropped on the way; refused: arrives (its
        timestamp is echoed) but the data is not accepted (a zero-window probe).
        Returns the arrival time at the peer."""
        me, peer = self.side(who)
        payload = data if isinstance(data, bytes) else b'x' * data
        n = len(payload)
        if seq is None:
            seq = me.nxt
        if ack is None and 'A' in flags:
            ack = self.cum_ack(who, t)
            if ack is None:
                ack = 0
        if ack is None:
            ack = 0
        tsval = int(t * 1000) + me.ts_base
        o = []
        if 'S' in flags:
            # a SYN-ACK carries an option only when the SYN offered it
            answer = 'A' in flags
            o.append(('MSS', me.mss))
            if me.sack and (peer.sack or not answer):
                o.append(('SAckOK', b''))
            if me.ts and (peer.ts or not answer):
                o.append(('Timestamp', (tsval, self.tsecr(who, t) if answer else 0)))
            if me.wscale is not None and (peer.wscale is not None or not answer):
                o += [('NOP', None), ('WScale', me.wscale)]
        elif self.ts_ok and 'R' not in flags:
            o += [('NOP', None), ('NOP', None), ('Timestamp', (tsval, self.tsecr(who, t)))]
        if opts:
            o += opts
        if win is None:
            win = me.win
        if 'R' in flags and 'A' not in flags:
            wfield = 0                  # a bare RST (Linux tcp_v4_send_reset) carries window 0
        elif 'S' in flags:
            wfield = min(win, 65535)
        elif self.scale_ok and me.wscale:
            wfield = win >> me.wscale
        else:
            wfield = min(win, 65535)
        arrival = t + (delay if delay is not None else self.owd)
        local = self.local(who)
        cap = t if local else arrival
        hl = 64 if local else 64 - self.hops
        if ttl is not None:
            hl = ttl
        if self.v6:
            ip = IPv6(src=me.ip, dst=peer.ip, hlim=hl)
        else:
            ip = IP(src=me.ip, dst=peer.ip, ttl=hl, id=random.randint(1, 65535), flags='DF')
        tcp = TCP(sport=me.port, dport=peer.port, seq=seq & 0xffffffff, ack=ack & 0xffffffff,
                  flags=flags, window=wfield, options=o)
        srcmac, dstmac = (MAC_CLI, MAC_GW) if who == 'c' else (MAC_GW, MAC_CLI)
        if self.vantage == 'server':
            srcmac, dstmac = (MAC_GW, MAC_SRV) if who == 'c' else (MAC_SRV, MAC_GW)
        p = Ether(src=srcmac, dst=dstmac) / ip / tcp
        if n:
            p = p / Raw(payload)
        p.time = T0 + cap
        self.pkts.append(p)
        end = seq + n + (1 if ('S' in flags or 'F' in flags) else 0)
        if 'R' not in flags and ((end - me.nxt) & 0xffffffff) < 0x80000000 and end != seq:
            me.nxt = end & 0xffffffff
        if not lost and 'R' not in flags:
            me.sent.append((arrival, seq, seq if refused else end, tsval if (me.ts and self.ts_ok or 'S' in flags) else None))
        return arrival

    def handshake(self, t, synack_delay=None):
        """SYN at t; returns the time the client sends its ACK (as seen by the client)."""
        c, s = self.c, self.s
        a = self.send('c', t, 'S')
        ts_ok = c.ts and s.ts
        a2 = self.send('s', a + (synack_delay or 0), 'SA')
        self.scale_ok = c.wscale is not None and s.wscale is not None
        self.ts_ok = ts_ok
        self.send('c', a2, 'A')
        return a2


def ether_sort_write(name, pkts):
    pkts.sort(key=lambda p: p.time)
    path = os.path.join(OUT, name)
    wrpcap(path, pkts)
    print('%s: %d packets' % (path, len(pkts)))


def bulk(f, sender, t0, nbytes, rwnd_fn=None, mss=1448, init_cwnd=10, drop=(), ack_every=2,
         rate=100e6, end_fin=False, probe_style='byte'):
    """Event simulation of a one-way bulk transfer from `sender` ('c'/'s').
    rwnd_fn(t, unread) -> the receiver's advertised window in bytes given the
    bytes it holds unread; drop: set of (seq offset, transmission number) lost.
    The receiver's application reads everything immediately unless rwnd_fn
    models otherwise.  Returns the time the last byte is acknowledged at the
    sender."""
    rcv = 'c' if sender == 's' else 's'
    me, peer = f.side(sender)
    base = me.nxt
    end = base + nbytes
    ev = []
    k = [0]

    def push(t, kind, data=None):
        k[0] += 1
        heapq.heappush(ev, (t, k[0], kind, data))

    # sender state
    snd = {'una': base, 'nxt': base, 'rwnd': rwnd_fn(t0, 0) if rwnd_fn else peer.win, 'cwnd': init_cwnd * mss,
           'free': t0, 'tx': {}, 'rto': 0.2, 'rto_at': None, 'probe_at': None, 'probe_back': 0.2}
    # receiver state
    rv = {'cum': base, 'unacked': 0, 'delack': None, 'unread': 0, 'ooo': {}, 'last_win': None}
    ser = mss * 8 / rate

    def try_send(t):
        while snd['nxt'] < end:
            inflight = snd['nxt'] - snd['una']
            wnd = min(snd['cwnd'], snd['rwnd'])
            n = min(mss, end - snd['nxt'], wnd - inflight)
            if n <= 0:
                break
            ts = max(t, snd['free'])
            snd['free'] = ts + ser
            transmit(ts, snd['nxt'], n)
            snd['nxt'] += n
        if snd['rwnd'] == 0 and snd['nxt'] == snd['una'] and snd['nxt'] < end and snd['probe_at'] is None:
            snd['probe_at'] = t + snd['probe_back']
            push(snd['probe_at'], 'probe')

    def transmit(ts, seq, n, probe=False):
        cnt = snd['tx'].get(seq, 0) + 1
        if not probe:
            snd['tx'][seq] = cnt
        lost = (seq - base, cnt) in drop
        # a refused probe byte is not delivered (lost=True keeps it out of the ACKs)
        a = f.send(sender, ts, 'PA' if seq + n == end or probe else 'A', n, seq=seq, lost=lost, refused=probe)
        if not probe and snd['rto_at'] is None:
            snd['rto_at'] = ts + snd['rto']
            push(snd['rto_at'], 'rto')
        if not lost:
            push(a, 'data', (seq, n, probe))

    def send_ack(t):
        win = rwnd_fn(t, rv['unread']) if rwnd_fn else peer.win
        rv['last_win'] = win
        rv['unacked'] = 0
        a = f.send(rcv, t, 'A', 0, win=win)
        push(a, 'ack', (rv['cum'], win))

    push(t0, 'go')
    last = t0
    while ev:
        t, _, kind, d = heapq.heappop(ev)
        if kind == 'go':
            try_send(t)
        elif kind == 'data':
            seq, n, probe = d
            win = rwnd_fn(t, rv['unread']) if rwnd_fn else peer.win
            if probe and win == 0:
                send_ack(t)           # probe refused: ACK with the zero window
                push(t + 0.0005, 'read')
                continue
            if seq == rv['cum']:
                rv['cum'] += n
                rv['unread'] += n
                while rv['cum'] in rv['ooo']:
                    rv['cum'] += rv['ooo'].pop(rv['cum'])
                rv['unacked'] += 1
                if rv['unacked'] >= ack_every or rv['cum'] == end:
                    send_ack(t)
                elif rv['delack'] is None:
                    rv['delack'] = t + 0.040
                    push(rv['delack'], 'delack')
            elif seq > rv['cum']:
                rv['ooo'][seq] = n
                send_ack(t)           # dup ack
            else:
                send_ack(t)
            if rwnd_fn:
                push(t + 0.0005, 'read')
        elif kind == 'delack':
            if rv['delack'] == t:
                rv['delack'] = None
                if rv['unacked']:
                    send_ack(t)
        elif kind == 'read':
            # the application reads everything (or nothing, while stalled); a window
            # that opens again from zero is announced at once
            if rwnd_fn(t, -1):
                rv['unread'] = 0
                if rv['last_win'] == 0:
                    send_ack(t)       # window update
            elif rv['unread']:
                push(t + 0.05, 'read')
        elif kind == 'ack':
            cum, win = d
            if cum > snd['una']:
                acked = cum - snd['una']
                snd['una'] = cum
                snd['cwnd'] += min(acked, mss)
                snd['rto_at'] = None
                snd['rto'] = 0.2
                if snd['nxt'] > snd['una']:
                    snd['rto_at'] = t + snd['rto']
                    push(snd['rto_at'], 'rto')
            snd['rwnd'] = win
            if win > 0:
                snd['probe_at'] = None
                snd['probe_back'] = 0.2
            last = t
            if snd['una'] >= end:
                break
            try_send(t)
        elif kind == 'rto':
            if snd['rto_at'] != t or snd['una'] >= snd['nxt']:
                continue
            n = min(mss, snd['nxt'] - snd['una'])
            snd['rto'] *= 2
            snd['rto_at'] = t + snd['rto']
            push(snd['rto_at'], 'rto')
            snd['cwnd'] = mss
            cnt = snd['tx'].get(snd['una'], 0) + 1
            snd['tx'][snd['una']] = cnt
            lost = (snd['una'] - base, cnt) in drop
            a = f.send(sender, t, 'A', n, seq=snd['una'], lost=lost)
            if not lost:
                push(a, 'data', (snd['una'], n, False))
        elif kind == 'probe':
            if snd['probe_at'] != t or snd['rwnd'] > 0:
                continue
            transmit(t, snd['nxt'], 1, probe=True)
            me.nxt = snd['nxt']            # the probe byte is sent again later
            snd['probe_back'] *= 2
            snd['probe_at'] = t + snd['probe_back']
            push(snd['probe_at'], 'probe')
    me.nxt = end
    return last


def close(f, t, first='c'):
    """FIN from `first`, FIN from the other side when the first arrives, last ACK."""
    other = 's' if first == 'c' else 'c'
    a = f.send(first, t, 'FA')
    b = f.send(other, a, 'FA')
    return f.send(first, b, 'A')


def http(f, t, resp_len, think=0.0005, req_len=120):
    """Request from the client at t, response after `think` at the server."""
    a = f.send('c', t, 'PA', req_len)
    t1 = a + think
    if think > 0.1:
        f.send('s', a, 'A')        # quick ACK of the request while the server thinks
    return bulk(f, 's', t1, resp_len)


# ---------------------------------------------------------------------------------------------
def syn_flood(nanswered=70, name='diag-syn-flood-server.pcap'):
    """At the server: a flood of spoofed SYNs to port 80, `nanswered` of them answered with a
    SYN-ACK (retransmitted once after 1 s, never acknowledged), and two real clients."""
    pk = []
    srv_ip = '198.51.100.80'
    t = 0.0
    flood = []
    for i in range(330):
        t += random.uniform(0.002, 0.014)
        src = '%d.%d.%d.%d' % (random.choice([23, 45, 77, 91, 103, 151, 176, 185, 212]), random.randint(0, 255),
                               random.randint(0, 255), random.randint(1, 254))
        flood.append((t, src, random.randint(1025, 65535), random.choice([37, 41, 45, 49, 51, 53, 57, 113, 117, 242])))
    answered = set(random.sample(range(330), nanswered))
    for i, (t, src, sport, ttl) in enumerate(flood):
        c = Side(src, sport, random.getrandbits(32), 0, wscale=None, sack=False, ts=False, win=1024)
        s = Side(srv_ip, 80, random.getrandbits(32), 900000, wscale=7)
        f = Flow(pk, c, s, vantage='server', hops=64 - ttl)
        f.send('c', t, 'S')
        if i in answered:
            a = t + f.owd
            f.send('s', a + 0.00005, 'SA')
            if nanswered < 330:
                f.send('s', a + 1.0, 'SA', seq=s.isn)   # SYN-ACK retransmitted after 1 s, never acknowledged
    for k, t in enumerate((0.9, 2.3)):
        c = Side('192.0.2.%d' % (33 + k), 40122 + k * 1111, random.getrandbits(32), 5000000 + k, wscale=7)
        s = Side(srv_ip, 80, random.getrandbits(32), 900000, wscale=7)
        f = Flow(pk, c, s, vantage='server', rtt=0.030, hops=11)
        ta = f.handshake(t)
        done = http(f, ta + 0.0001, 3000)
        close(f, done + 0.001, first='s')
    ether_sort_write(name, pk)


def client_reset():
    """At the client: SYN, SYN-ACK, and the client answers with RST (its connect() gave up)."""
    pk = []
    c = Side('192.168.1.23', 51544, 0x3c1d8e01, 77000, wscale=7)
    s = Side('203.0.113.5', 443, 0x9a01fe22, 31000000, wscale=9)
    f = Flow(pk, c, s, vantage='client', rtt=0.034, hops=12)
    f.send('c', 0.0, 'S')
    a = f.send('s', f.owd, 'SA')
    f.send('c', a + 0.00003, 'R', seq=c.isn + 1)
    ether_sort_write('diag-client-reset-client.pcap', pk)


def bad_seq_synack():
    """At the client: the SYN-ACK acknowledges ISN+1000; the client resets and retries."""
    pk = []
    c = Side('192.168.1.23', 51550, 0x11223344, 77000, wscale=7)
    s = Side('203.0.113.5', 443, 0x55667788, 31000000, wscale=9)
    f = Flow(pk, c, s, vantage='client', rtt=0.034, hops=12)
    for t in (0.0, 1.0, 3.0):
        f.send('c', t, 'S', seq=c.isn)
        a = f.send('s', t + f.owd, 'SA', seq=s.isn, ack=c.isn + 1000)
        f.send('c', a + 0.00002, 'R', seq=c.isn + 1000)
    ether_sort_write('diag-bad-seq-synack-client.pcap', pk)


def bad_seq_ack(jump, name):
    """At the client: established; a server ACK jumps `jump` ahead of anything the client sent."""
    pk = []
    c = Side('192.168.1.23', 51552, 0x0badcafe, 77000, wscale=7)
    s = Side('203.0.113.5', 80, 0x71b3a550, 31000000, wscale=9)
    f = Flow(pk, c, s, vantage='client', rtt=0.034, hops=12)
    ta = f.handshake(0.0)
    done = http(f, ta + 0.0001, 6000)
    # the client sends a second request; a (broken) middlebox rewrites the server's ACK
    a = f.send('c', done + 0.2, 'PA', 200)
    f.send('s', a, 'A', ack=(c.nxt + jump) & 0xffffffff)
    # the client's challenge/duplicate ACK, then the real ACK and response
    f.send('c', a + f.owd, 'A')
    bulk(f, 's', a + 0.001, 1500)
    close(f, a + 0.3, first='c')
    ether_sort_write(name, pk)


def early_close():
    """At the client: request, large response; the client application closes (FIN) while the
    response is still coming, and the client stack answers the next data segment with a bare RST
    (Linux tcp_v4_send_reset: no ACK flag, ack field 0, seq = the segment's ACK)."""
    pk = []
    c = Side('192.168.1.23', 51560, 0x20304050, 77000, wscale=7)
    s = Side('203.0.113.5', 80, 0x60708090, 31000000, wscale=9)
    f = Flow(pk, c, s, vantage='client', rtt=0.040, hops=12)
    ta = f.handshake(0.0)
    a = f.send('c', ta + 0.0001, 'PA', 150)
    # slow start: rounds of 10, 20, 30 segments, each released by the previous round's ACKs
    t = a + 0.0005
    fin_after = 36
    got = 0
    for nseg in (10, 20, 30):
        arr = [f.send('s', t + i * 0.00012, 'A', 1448) for i in range(nseg)]
        for i, at in enumerate(arr):
            got += 1
            if got == fin_after + 1:
                # data after the FIN: reset
                f.send('c', at + 0.00002, 'R', seq=c.isn + 151, ack=0)
            if got > fin_after:
                continue
            if i % 2 == 1:
                f.send('c', at, 'A')
            if got == fin_after:
                f.send('c', at + 0.0001, 'FA')
        t += f.owd * 2 + 0.0002
    ether_sort_write('diag-early-close-client.pcap', pk)


def wscale_stripped():
    """At the client: SYN with wscale 7 + SACK + TS; SYN-ACK with SACK + TS, no wscale; 400 KB download."""
    pk = []
    c = Side('192.168.1.23', 51570, 0x0a0b0c0d, 77000, wscale=7, win=65160)
    s = Side('203.0.113.5', 443, 0x1a1b1c1d, 31000000, wscale=None)
    f = Flow(pk, c, s, vantage='client', rtt=0.060, hops=12)
    ta = f.handshake(0.0)
    f.send('c', ta + 0.0001, 'PA', 300)
    c.win = 65160                           # 45 x 1448, the most an unscaled window can offer
    done = bulk(f, 's', ta + 0.0001 + f.owd * 2, 400000, rwnd_fn=lambda t, u: 65160)
    close(f, done + 0.01, first='c')
    ether_sort_write('diag-wscale-stripped-client.pcap', pk)


def window_full():
    """At the sender (client uploading): the server offers an 8 KB window (wscale 7 negotiated)."""
    pk = []
    c = Side('192.168.1.23', 51580, 0x31415926, 77000, wscale=7)
    s = Side('203.0.113.5', 8080, 0x27182818, 31000000, wscale=7, win=8192)
    f = Flow(pk, c, s, vantage='client', rtt=0.040, hops=12)
    ta = f.handshake(0.0)
    done = bulk(f, 'c', ta + 0.0001, 200000, rwnd_fn=lambda t, u: 8192)
    a = f.send('s', done + 0.002, 'PA', 60)
    close(f, a + 0.001, first='c')
    ether_sort_write('diag-window-full-client.pcap', pk)


def zero_window():
    """At the receiver (client): its application stops reading for 5 s; the server probes with 1-byte probes."""
    pk = []
    c = Side('192.168.1.23', 51590, 0x01010101, 77000, wscale=7)
    s = Side('203.0.113.5', 443, 0x02020202, 31000000, wscale=9)
    f = Flow(pk, c, s, vantage='client', rtt=0.040, hops=12)
    ta = f.handshake(0.0)
    a = f.send('c', ta + 0.0001, 'PA', 200)
    buf = 65536
    stall = (a + 0.05, a + 0.05 + 5.6)

    def rwnd(t, unread):
        reading = not (stall[0] <= t < stall[1])
        if unread == -1:
            return reading           # "does the application read now?"
        free = buf - unread
        return free // 128 * 128 if free >= 1448 else 0   # no silly windows (RFC 1122 4.2.3.3)
    done = bulk(f, "s", a + 0.0005, 160000, rwnd_fn=rwnd)
    close(f, done + 0.01, first='c')
    ether_sort_write('diag-zero-window-client.pcap', pk)


def rto_stall():
    """At the client: the request segment is lost 4 times (RTO 0.2, 0.4, 0.8, 1.6 s)."""
    pk = []
    c = Side('192.168.1.23', 51600, 0x7e57e57e, 77000, wscale=7)
    s = Side('203.0.113.5', 80, 0x0c0ffee0, 31000000, wscale=9)
    f = Flow(pk, c, s, vantage='client', rtt=0.040, hops=12)
    ta = f.handshake(0.0)
    seq = c.nxt
    t = ta + 0.0001
    for i, gap in enumerate((0, 0.2, 0.4, 0.8, 1.6)):
        t += gap
        a = f.send('c', t, 'PA', 420, seq=seq, lost=i < 4)
    done = bulk(f, 's', a + 0.002, 9000)
    close(f, done + 0.005, first='c')
    ether_sort_write('diag-rto-stall-client.pcap', pk)


def rejected_icmp6():
    """At the client: an IPv6 SYN answered by ICMPv6 administratively prohibited from the first router."""
    pk = []
    c = Side('2001:db8:10::23', 50312, 0x5eed5eed, 77000, wscale=7)
    s = Side('2001:db8:99::80', 443, 0, 0, wscale=7)
    f = Flow(pk, c, s, vantage='client', v6=True)
    f.send('c', 0.0, 'S')
    syn = pk[-1]
    quoted = bytes(syn[IPv6])
    r = Ether(src=MAC_GW, dst=MAC_CLI) / IPv6(src='2001:db8:10::1', dst=c.ip, hlim=64) / \
        ICMPv6DestUnreach(code=1) / Raw(quoted)
    r.time = T0 + 0.00041
    pk.append(r)
    ether_sort_write('diag-rejected-icmp6-client.pcap', pk)


def healthy6():
    """At the client: two IPv6 HTTP exchanges with timestamps, 40 ms RTT, clean close."""
    pk = []
    for k, (t, size) in enumerate(((0.0, 1200), (0.5, 60000))):
        c = Side('2001:db8:10::23', 50400 + k, 0x10000000 * (k + 1) + 12345, 77000, wscale=7)
        s = Side('2001:db8:99::80', 80, 0x0abc0000 + k, 31000000, wscale=9)
        f = Flow(pk, c, s, vantage='client', rtt=0.040, hops=13, v6=True)
        ta = f.handshake(t)
        done = http(f, ta + 0.0001, size)
        close(f, done + 0.002, first='c')
    ether_sort_write('diag-healthy6-client.pcap', pk)


def slow_server6():
    """At the client: IPv6, 30 ms RTT, the server thinks 3 s before answering."""
    pk = []
    c = Side('2001:db8:10::23', 50500, 0x31313131, 77000, wscale=7)
    s = Side('2001:db8:99::80', 80, 0x42424242, 31000000, wscale=9)
    f = Flow(pk, c, s, vantage='client', rtt=0.030, hops=13, v6=True)
    ta = f.handshake(0.0)
    done = http(f, ta + 0.0001, 5000, think=3.0)
    close(f, done + 0.002, first='c')
    ether_sort_write('diag-slow-server6-client.pcap', pk)


def high_rtt6(vantage):
    """IPv6 over a 500 ms path (geostationary link): handshake and a small exchange."""
    pk = []
    c = Side('2001:db8:10::23', 50600, 0x51515151, 77000, wscale=7)
    s = Side('2001:db8:99::80', 443, 0x62626262, 31000000, wscale=9)
    f = Flow(pk, c, s, vantage=vantage, rtt=0.500, hops=15, v6=True)
    ta = f.handshake(0.0)
    done = http(f, ta + 0.0001, 4000)
    close(f, done + 0.002, first='c')
    ether_sort_write('diag-high-rtt6-%s.pcap' % vantage, pk)


# ---- issue 10: root cause first, attribution, capture point -----------------------------------
def forged_rst_alone():
    """At the client: the only connection.  The client resolves its gateway (ARP), sends a SYN
    to a routed server; the gateway itself answers with a reset (TTL 64: zero hops, from the
    gateway's MAC), pretending to be the server."""
    pk = []
    a = Ether(src=MAC_CLI, dst='ff:ff:ff:ff:ff:ff') / ARP(op=1, hwsrc=MAC_CLI, psrc='192.168.1.23', pdst='192.168.1.1')
    a.time = T0
    b = Ether(src=MAC_GW, dst=MAC_CLI) / ARP(op=2, hwsrc=MAC_GW, psrc='192.168.1.1', hwdst=MAC_CLI, pdst='192.168.1.23')
    b.time = T0 + 0.0002
    pk += [a, b]
    c = Side('192.168.1.23', 51700, 0x70707070, 77000, wscale=7)
    s = Side('203.0.113.5', 80, 0, 0, wscale=7)
    f = Flow(pk, c, s, vantage='client', rtt=0.030, hops=12)
    f.send('c', 0.001, 'S')
    f.send('s', 0.001, 'RA', seq=0, ack=c.isn + 1, ttl=64, delay=0.0003)
    ether_sort_write('diag-forged-rst-alone-client.pcap', pk)


def ack_lost(vantage):
    """SMTP (the server speaks first): the client's final handshake ACK is lost; the server
    retransmits its SYN-ACK after 1 s, the client ACKs again, then the banner comes."""
    pk = []
    c = Side('192.168.1.23', 51710, 0x1a1a1a1a, 77000, wscale=7)
    s = Side('203.0.113.25', 25, 0x2b2b2b2b, 31000000, wscale=7)
    f = Flow(pk, c, s, vantage=vantage, rtt=0.030, hops=12)
    a = f.send('c', 0.0, 'S')
    a2 = f.send('s', a, 'SA')
    f.scale_ok = f.ts_ok = True
    f.send('c', a2, 'A', lost=True)
    if vantage == 'server':
        pk.pop()                        # lost before the server's capture point
    a3 = f.send('s', a + 1.0, 'SA', seq=s.isn)
    a4 = f.send('c', a3, 'A')
    b = f.send('s', a4 + 0.001, 'PA', b'220 mail.example.net ESMTP\r\n')
    r = f.send('c', b + 0.001, 'PA', b'QUIT\r\n')
    b2 = f.send('s', r + 0.001, 'PA', b'221 bye\r\n')
    close(f, b2 + 0.001, first='s')
    ether_sort_write('diag-ack-lost-%s.pcap' % vantage, pk)


def backlog_client():
    """At the client: 8 connections to one port at once; the server's accept queue is full:
    2 complete at once, 3 only after SYN retransmissions (1 s late), 3 never get a SYN-ACK."""
    pk = []
    for k in range(8):
        c = Side('192.168.1.23', 51800 + k, random.getrandbits(32), 77000, wscale=7)
        s = Side('203.0.113.8', 8080, random.getrandbits(32), 31000000, wscale=7)
        f = Flow(pk, c, s, vantage='client', rtt=0.020, hops=12)
        t = 0.001 * k
        if k < 2:
            ta = f.handshake(t)
            done = http(f, ta + 0.0001, 800)
            close(f, done + 0.001, first='c')
        elif k < 5:
            f.send('c', t, 'S', lost=True)
            pk[-1].time = T0 + t
            a = f.send('c', t + 1.0, 'S', seq=c.isn)
            a2 = f.send('s', a, 'SA')
            f.scale_ok = f.ts_ok = True
            ta = f.send('c', a2, 'A')
            done = http(f, a2 + 0.0001, 800)
            close(f, done + 0.001, first='c')
        else:
            for g in (0, 1.0, 3.0, 7.0):
                f.send('c', t + g, 'S', seq=c.isn)
    ether_sort_write('diag-backlog-client.pcap', pk)


def icmp6_noroute_synack():
    """At the server: the SYN arrives, the SYN-ACK is answered by ICMPv6 'no route' from a router
    on the way back: the return path is broken, not the forward one."""
    pk = []
    c = Side('2001:db8:10::23', 50700, 0x7a7a7a7a, 77000, wscale=7)
    s = Side('2001:db8:99::80', 443, 0x6b6b6b6b, 31000000, wscale=7)
    f = Flow(pk, c, s, vantage='server', rtt=0.030, hops=9, v6=True)
    for t in (0.0, 1.0):
        f.send('c', t, 'S', seq=c.isn)
        f.send('s', t + f.owd + 0.0001, 'SA', seq=s.isn)
        sa = pk[-1]
        r = Ether(src=MAC_GW, dst=MAC_SRV) / IPv6(src='2001:db8:99::1', dst=s.ip, hlim=64) / \
            ICMPv6DestUnreach(code=0) / Raw(bytes(sa[IPv6]))
        r.time = sa.time + 0.0002
        pk.append(r)
    ether_sort_write('diag-icmp6-noroute-synack-server.pcap', pk)


def zero_window_reset():
    """At the receiver (client): its application stops reading; 5 s of zero windows; then the
    client closes with unread data (RST)."""
    pk = []
    c = Side('192.168.1.23', 51720, 0x03030303, 77000, wscale=7)
    s = Side('203.0.113.5', 80, 0x04040404, 31000000, wscale=9)
    f = Flow(pk, c, s, vantage='client', rtt=0.040, hops=12)
    ta = f.handshake(0.0)
    a = f.send('c', ta + 0.0001, 'PA', 200)
    buf = 65536
    stall = (a + 0.05, a + 0.05 + 5.6)

    def rwnd(t, unread):
        reading = not (stall[0] <= t < stall[1])
        if unread == -1:
            return reading
        free = buf - unread
        return free // 128 * 128 if free >= 1448 else 0
    bulk(f, "s", a + 0.0005, 160000, rwnd_fn=rwnd)
    cut = T0 + stall[0] + 5.0
    pk[:] = [p for p in pk if p.time < cut]
    f.send('c', stall[0] + 5.0, 'RA', seq=c.nxt)
    ether_sort_write('diag-zero-window-reset-client.pcap', pk)


def no_synack_server():
    """At the server: SYNs arrive over the network (TTL 55) and this host never answers
    (a host firewall drops them after the capture point)."""
    pk = []
    c = Side('192.0.2.44', 40500, 0x0d0d0d0d, 77000, wscale=7)
    s = Side('198.51.100.9', 22, 0, 0, wscale=7)
    f = Flow(pk, c, s, vantage='server', rtt=0.030, hops=9)
    for g in (0, 1.0, 3.0, 7.0):
        f.send('c', g, 'S', seq=c.isn)
    ether_sort_write('diag-no-synack-server.pcap', pk)


def empty():
    """A capture with no packet at all (pcap header only)."""
    path = os.path.join(OUT, 'diag-empty.pcap')
    with open(path, 'wb') as fh:
        fh.write(bytes.fromhex('d4c3b2a1020004000000000000000000ffff000001000000'))
    print('%s: 0 packets' % path)


def capture_gap_oow():
    """At the server: a bulk download while the receiver's window grows from 40 KB to 800 KB;
    the capture misses 60 ms in the middle (the window updates and ~600 KB of data), so the
    next segment it sees is far beyond the last window it saw, and the client ACKs it: the
    capture missed packets (capture-loss), the sequence numbers are fine (no bad-seq)."""
    pk = []
    c = Side('192.168.7.2', 46794, 0x3a1b2c3d, 77000, wscale=10)
    s = Side('192.168.8.2', 8081, 0x7d6e5f40, 31000000, wscale=7)
    f = Flow(pk, c, s, vantage='server', rtt=0.002, hops=1)
    ta = f.handshake(0.0)
    req = f.send('c', ta + 0.0001, 'PA', 56)
    t_grow = req + 0.03

    def rwnd(t, unread):
        return 40960 if t < t_grow else 819200

    bulk(f, 's', req + 0.001, 2000000, rwnd_fn=rwnd, rate=200e6)
    t0 = min(p.time for p in pk)
    close(f, max(p.time for p in pk) - t0 + 0.01, first='c')
    gap_from, gap_to = t0 + req + 0.02, t0 + req + 0.08
    ether_sort_write('diag-capture-gap-oow-server.pcap', [p for p in pk if not gap_from <= p.time < gap_to])


def main():
    random.seed(20231114)
    os.makedirs(OUT, exist_ok=True)
    syn_flood()
    # Linux with net.ipv4.tcp_syncookies=1 (the default) answers every SYN with a cookie
    # SYN-ACK once the queue overflows, and keeps no state (so no SYN-ACK retransmissions)
    syn_flood(330, 'diag-syn-flood-cookies-server.pcap')
    client_reset()
    bad_seq_synack()
    bad_seq_ack(0x80000000, 'diag-bad-ack-2g-client.pcap')
    bad_seq_ack(0x60000000, 'diag-bad-ack-1g5-client.pcap')
    early_close()
    wscale_stripped()
    window_full()
    zero_window()
    rto_stall()
    rejected_icmp6()
    healthy6()
    slow_server6()
    high_rtt6('client')
    high_rtt6('server')
    forged_rst_alone()
    ack_lost('client')
    ack_lost('server')
    backlog_client()
    icmp6_noroute_synack()
    zero_window_reset()
    no_synack_server()
    empty()
    capture_gap_oow()


if __name__ == '__main__':
    main()
