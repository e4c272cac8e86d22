#!/usr/bin/python3
# tests/diag/make-detect-captures.py - small crafted captures for the
# packet-level detectors of diagnose (src/diag/detect.c): unanswered ARP and
# neighbour solicitations, duplicate IP, DNS failures, TLS rejections, TTL
# expiry, a Linux "any" (cooked v2) capture, and healthy traffic that must give
# nothing.
#
#   /usr/bin/python3 tests/diag/make-detect-captures.py [OUTDIR]   (default tests/captures)
#
# Writes OUTDIR/det-*.pcap.  Deterministic (fixed times, no randomness), so
# re-running gives identical files.  tests/diag/detect.sh lists what each
# capture must give; the packet numbers there follow the order below.
import os
import sys

from scapy.all import (ARP, DNS, DNSQR, DNSRR, ICMP, IP, IPv6, ICMPv6DestUnreach, ICMPv6ND_NA, ICMPv6ND_NS,
                       ICMPv6NDOptDstLLAddr, ICMPv6NDOptSrcLLAddr, ICMPv6TimeExceeded, Ether, CookedLinuxV2,
                       Raw, TCP, UDP, wrpcap)
from scapy.layers.tls.all import (TLS, TLSAlert, TLSClientHello, TLSServerHello, TLS_Ext_ServerName, ServerName)

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'captures')
T0 = 1700000000.0
MAC_CLI = '02:00:00:00:00:0a'
MAC_B = '02:00:00:00:00:0b'
MAC_C = '02:00:00:00:00:0c'
MAC_GW = '02:00:00:00:00:01'
BCAST = 'ff:ff:ff:ff:ff:ff'
CLI, SRV, DNSS, GW = '10.198.0.1', '10.198.1.2', '10.198.0.53', '10.198.0.254'
CLI6, GW6 = 'fd00::1', 'fd00::fe'


def write(name, pkts):
    """pkts: list of (time offset, packet)"""
    out = []
    for t, p in pkts:
        p.time = T0 + t
        out.append(p)
    wrpcap(os.path.join(OUT, name), out)


def arp_req(t, mac, spa, tpa):
    return (t, Ether(src=mac, dst=BCAST) / ARP(op=1, hwsrc=mac, psrc=spa, hwdst='00:00:00:00:00:00', pdst=tpa))


def arp_rep(t, mac, spa, dmac, tpa, ethsrc=None):
    return (t, Ether(src=ethsrc or mac, dst=dmac) / ARP(op=2, hwsrc=mac, psrc=spa, hwdst=dmac, pdst=tpa))


def arp_capture():
    p = []
    # 1-3: three requests for an absent 10.198.0.99, one second apart
    for i in range(3):
        p.append(arp_req(i, MAC_CLI, CLI, '10.198.0.99'))
    # 4: a gratuitous ARP (announces 10.198.0.7); 5-6: probes from 0.0.0.0
    p.append(arp_req(3.0, MAC_B, '10.198.0.7', '10.198.0.7'))
    p.append(arp_req(3.1, MAC_C, '0.0.0.0', '10.198.0.50'))
    p.append(arp_req(4.1, MAC_C, '0.0.0.0', '10.198.0.50'))
    # 7-8: 10.198.0.2 asked for and answered
    p.append(arp_req(5.0, MAC_CLI, CLI, '10.198.0.2'))
    p.append(arp_rep(5.001, MAC_B, '10.198.0.2', MAC_CLI, CLI))
    # 9-11: 10.198.0.5 answered by two MACs (02:..:0b and 02:..:0c)
    p.append(arp_req(6.0, MAC_CLI, CLI, '10.198.0.5'))
    p.append(arp_rep(6.001, MAC_B, '10.198.0.5', MAC_CLI, CLI))
    p.append(arp_rep(6.002, MAC_C, '10.198.0.5', MAC_CLI, CLI))
    write('det-arp.pcap', p)


def ns(t, src, target, mac):
    return (t, Ether(src=mac, dst='33:33:ff:00:00:99') / IPv6(src=src, dst='ff02::1:ff00:99', hlim=255) /
            ICMPv6ND_NS(tgt=target) / ICMPv6NDOptSrcLLAddr(lladdr=mac))


def na(t, target, mac, dst=CLI6, dmac=MAC_CLI):
    return (t, Ether(src=mac, dst=dmac) / IPv6(src=target, dst=dst, hlim=255) /
            ICMPv6ND_NA(tgt=target, R=0, S=1, O=1) / ICMPv6NDOptDstLLAddr(lladdr=mac))


def nd_capture():
    p = []
    for i in range(3):                       # 1, 3, 4 (sorted by time): fd00::99 never answers
        p.append(ns(i, CLI6, 'fd00::99', MAC_CLI))
    p.append(ns(0.5, "::", "fd00::77", MAC_C))   # 2: duplicate address detection
    p.append(ns(3.0, CLI6, 'fd00::2', MAC_CLI))  # 5-6: answered
    p.append(na(3.001, 'fd00::2', MAC_B))
    p.append(na(4.0, 'fd00::5', MAC_B))          # 7-8: two MACs for fd00::5
    p.append(na(4.1, 'fd00::5', MAC_C))
    p.sort(key=lambda x: x[0])
    write('det-nd.pcap', p)


def dns_q(t, cport, qid, name, qtype='A'):
    return (t, Ether(src=MAC_CLI, dst=MAC_GW) / IP(src=CLI, dst=DNSS) / UDP(sport=cport, dport=53) /
            DNS(id=qid, rd=1, qd=DNSQR(qname=name, qtype=qtype)))


def dns_r(t, cport, qid, name, rcode, qtype='A'):
    an = DNSRR(rrname=name, type=qtype, rdata='10.198.1.2' if qtype == 'A' else 'fd00:1::2') if rcode == 0 else None
    return (t, Ether(src=MAC_GW, dst=MAC_CLI) / IP(src=DNSS, dst=CLI) / UDP(sport=53, dport=cport) /
            DNS(id=qid, qr=1, rd=1, ra=1, rcode=rcode, qd=DNSQR(qname=name, qtype=qtype), an=an))


def dns_capture():
    p = [
        dns_q(0.0, 41001, 0x1001, 'bad.example.'),             # 1
        dns_r(0.010, 41001, 0x1001, 'bad.example.', 3),        # 2 NXDOMAIN
        dns_q(0.100, 41002, 0x1002, 'bad.example.'),           # 3
        dns_r(0.110, 41002, 0x1002, 'bad.example.', 3),        # 4
        dns_q(1.0, 41003, 0x2001, 'broken.example.', 'AAAA'),  # 5
        dns_r(1.5, 41003, 0x2001, 'broken.example.', 2, 'AAAA'),  # 6 SERVFAIL
        dns_q(2.0, 41004, 0x3001, 'good.example.'),            # 7
        dns_r(2.01, 41004, 0x3001, 'good.example.', 0),        # 8
        dns_q(3.0, 41005, 0x4001, 'www.example.corp.'),        # 9  search list: fails,
        dns_r(3.01, 41005, 0x4001, 'www.example.corp.', 3),    # 10
        dns_q(3.02, 41006, 0x4002, 'www.example.'),            # 11 then the real name works
        dns_r(3.03, 41006, 0x4002, 'www.example.', 0),         # 12
        dns_q(4.0, 41007, 0x5001, 'slow.example.'),            # 13 never answered,
        dns_q(5.0, 41007, 0x5002, 'slow.example.'),            # 14 tried twice
        dns_q(6.0, 41008, 0x6001, 'refused.example.'),         # 15
        dns_r(6.01, 41008, 0x6001, 'refused.example.', 5),     # 16 REFUSED
    ]
    # 17: a response whose question name is a compression pointer to itself
    bad = bytes.fromhex('600181830001000000000000') + b'\xc0\x0c' + b'\x00\x01\x00\x01'
    p.append((6.5, Ether(src=MAC_GW, dst=MAC_CLI) / IP(src=DNSS, dst=CLI) / UDP(sport=53, dport=41009) / Raw(bad)))
    p.append(dns_q(7.0, 41010, 0x7001, 'last.example.'))      # 18: capture ends 0.01 s later
    p.append(dns_r(7.01, 41010, 0x7001, 'last.example.', 0))  # 19
    write('det-dns.pcap', p)


class Conn:
    """A TCP connection client -> server: handshake, then segments both ways."""

    def __init__(self, cli, srv, cport, sport, v6=False):
        self.cli, self.srv, self.cport, self.sport, self.v6 = cli, srv, cport, sport, v6
        self.seq = {0: 1000, 1: 5000}

    def seg(self, t, from_srv, flags, pay=b''):
        ip = IPv6 if self.v6 else IP
        src, dst = (self.srv, self.cli) if from_srv else (self.cli, self.srv)
        sp, dp = (self.sport, self.cport) if from_srv else (self.cport, self.sport)
        me, peer = (1, 0) if from_srv else (0, 1)
        pkt = (Ether(src=MAC_GW if from_srv else MAC_CLI, dst=MAC_CLI if from_srv else MAC_GW) /
               ip(src=src, dst=dst) /
               TCP(sport=sp, dport=dp, flags=flags, seq=self.seq[me], ack=self.seq[peer] if 'A' in flags else 0,
                   window=64240))
        if pay:
            pkt = pkt / Raw(pay)
        self.seq[me] += len(pay) + (1 if ('S' in flags or 'F' in flags) else 0)
        return (t, pkt)

    def handshake(self, t):
        a = self.seg(t, 0, 'S')
        b = self.seg(t + 0.01, 1, 'SA')
        c = self.seg(t + 0.02, 0, 'A')
        return [a, b, c]


def hello(sni):
    ext = [TLS_Ext_ServerName(servernames=[ServerName(servername=sni)])] if sni else []
    # fixed random and session id: scapy would draw them at random
    return bytes(TLS(msg=[TLSClientHello(gmt_unix_time=0, random_bytes=bytes(28), sid=b'', ciphers=[0x1301, 0xc02f],
                                         comp=[0], ext=ext)]))


def server_hello():
    return bytes(TLS(msg=[TLSServerHello(gmt_unix_time=0, random_bytes=bytes(28), sid=b'', cipher=0x1301)]))


def alert(desc):
    return bytes(TLS(type=21, msg=[TLSAlert(level=2, descr=desc)]))


def tls_capture():
    p = []
    # 1-7: rejected with protocol_version; the server then closes
    c = Conn(CLI, SRV, 50001, 443)
    p += c.handshake(0.0)
    p.append(c.seg(0.03, 0, 'PA', hello(b'www.example.test')))  # 4
    p.append(c.seg(0.04, 1, 'A'))                               # 5
    p.append(c.seg(0.05, 1, 'PA', alert(70)))                   # 6
    p.append(c.seg(0.06, 1, 'FA'))                              # 7
    # 8-13: healthy, a ServerHello, then a normal close
    c = Conn(CLI, SRV, 50002, 443)
    p += c.handshake(1.0)
    p.append(c.seg(1.03, 0, 'PA', hello(b'www.example.test')))  # 11
    p.append(c.seg(1.04, 1, 'PA', server_hello()))  # 12
    p.append(c.seg(2.0, 1, 'FA'))                               # 13
    # 14-18: a reset right after a ClientHello without SNI
    c = Conn(CLI, SRV, 50003, 8443)
    p += c.handshake(3.0)
    p.append(c.seg(3.03, 0, 'PA', hello(None)))                 # 17
    p.append(c.seg(3.04, 1, 'R'))                               # 18
    # 19-23: IPv6, handshake_failure
    c = Conn(CLI6, 'fd00:1::2', 50004, 443, v6=True)
    p += c.handshake(4.0)
    p.append(c.seg(4.03, 0, 'PA', hello(b'v6.example.test')))   # 22
    p.append(c.seg(4.04, 1, 'PA', alert(40)))                   # 23
    write('det-tls.pcap', p)


def time_exceeded(t, quoted, v6=False):
    if v6:
        return (t, Ether(src=MAC_GW, dst=MAC_CLI) / IPv6(src=GW6, dst=CLI6) / ICMPv6TimeExceeded(code=0) / quoted)
    return (t, Ether(src=MAC_GW, dst=MAC_CLI) / IP(src=GW, dst=CLI) / ICMP(type=11, code=0) / quoted)


def ttl_capture():
    p = []
    for i in range(3):   # 1-6: SYNs to 10.198.1.2:80 expire at the router (TTL 1 left)
        syn = IP(src=CLI, dst=SRV, ttl=1) / TCP(sport=40000, dport=80, flags='S', seq=1000)
        p.append((i, Ether(src=MAC_CLI, dst=MAC_GW) / syn))
        p.append(time_exceeded(i + 0.001, Raw(bytes(syn)[:28])))   # the IP header + 8 bytes, as received
    # 7: IPv6 hop limit exceeded quoting UDP to [fd00:1::2]:5000
    p.append(time_exceeded(4.0, IPv6(src=CLI6, dst='fd00:1::2', hlim=0) / UDP(sport=41000, dport=5000) / Raw(b'hi'),
                           v6=True))
    # 8: traceroute's UDP probe: expected, no event
    p.append(time_exceeded(5.0, IP(src=CLI, dst='10.198.9.9', ttl=1) / UDP(sport=41001, dport=33435)))
    # 9: an ICMPv6 unreachable (not hop limit): not this detector's
    p.append((6.0, Ether(src=MAC_GW, dst=MAC_CLI) / IPv6(src=GW6, dst=CLI6) / ICMPv6DestUnreach(code=0) /
              IPv6(src=CLI6, dst='fd00:1::3') / UDP(sport=41002, dport=5000)))
    write('det-ttl.pcap', p)


def any_capture():
    """Linux "any" (cooked v2): a duplicate IP seen through the ARP sender
    address, a DNS query seen twice (in and out of a router: one try) answered
    NXDOMAIN, a TTL expiry."""
    def sll(t, ptype, ifx, mac, payload, proto):
        return (t, CookedLinuxV2(proto=proto, ifindex=ifx, pkttype=ptype, lladdrtype=1, lladdrlen=6, src=mac) / payload)
    p = [
        sll(0.0, 1, 2, MAC_CLI, ARP(op=1, hwsrc=MAC_CLI, psrc=CLI, pdst='10.198.0.5'), 0x0806),          # 1
        sll(0.001, 0, 2, MAC_B, ARP(op=2, hwsrc=MAC_B, psrc='10.198.0.5', hwdst=MAC_CLI, pdst=CLI), 0x0806),  # 2
        # 3: the frame's source is 02:..:0b again, the ARP sender address 02:..:0c: the latter counts
        sll(0.002, 0, 2, MAC_B, ARP(op=2, hwsrc=MAC_C, psrc='10.198.0.5', hwdst=MAC_CLI, pdst=CLI), 0x0806),
        sll(1.0, 0, 2, MAC_CLI, IP(src=CLI, dst=DNSS) / UDP(sport=41001, dport=53) /
            DNS(id=0x11, rd=1, qd=DNSQR(qname='any.example.')), 0x0800),                                   # 4
        sll(1.0001, 4, 3, MAC_GW, IP(src=CLI, dst=DNSS, ttl=63) / UDP(sport=41001, dport=53) /
            DNS(id=0x11, rd=1, qd=DNSQR(qname='any.example.')), 0x0800),                                   # 5
        sll(1.01, 0, 3, MAC_B, IP(src=DNSS, dst=CLI) / UDP(sport=53, dport=41001) /
            DNS(id=0x11, qr=1, ra=1, rcode=3, qd=DNSQR(qname='any.example.')), 0x0800),                    # 6
        sll(2.0, 0, 3, MAC_B, IP(src=GW, dst=CLI) / ICMP(type=11, code=0) /
            IP(src=CLI, dst=SRV, ttl=1) / TCP(sport=40000, dport=443, flags='S'), 0x0800),                 # 7
    ]
    write('det-any.pcap', p)


def healthy_capture():
    p = [arp_req(0.0, MAC_CLI, CLI, GW), arp_rep(0.001, MAC_GW, GW, MAC_CLI, CLI),
         ns(0.1, CLI6, GW6, MAC_CLI), na(0.101, GW6, MAC_GW),
         dns_q(0.2, 42001, 0x0a01, 'www.example.'), dns_r(0.21, 42001, 0x0a01, 'www.example.', 0),
         dns_q(0.2, 42002, 0x0a02, 'www.example.', 'AAAA'), dns_r(0.21, 42002, 0x0a02, 'www.example.', 0, 'AAAA')]
    c = Conn(CLI, SRV, 50010, 443)
    p += c.handshake(0.3)
    p.append(c.seg(0.33, 0, 'PA', hello(b'www.example')))
    p.append(c.seg(0.34, 1, 'PA', server_hello()))
    p.append(c.seg(0.35, 0, 'PA', bytes(TLS(type=23, msg=[Raw(b'x' * 40)]))))
    p.append(c.seg(0.5, 0, 'FA'))
    p.append(c.seg(0.51, 1, 'FA'))
    p.append(c.seg(0.52, 0, 'A'))
    # a plain HTTP connection on port 80, closed by the server
    c = Conn(CLI, SRV, 50011, 80)
    p += c.handshake(1.0)
    p.append(c.seg(1.03, 0, 'PA', b'GET / HTTP/1.1\r\nHost: x\r\n\r\n'))
    p.append(c.seg(1.04, 1, 'PA', b'HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'))
    p.append(c.seg(1.05, 1, 'FA'))
    p.sort(key=lambda x: x[0])
    write('det-healthy.pcap', p)


if __name__ == '__main__':
    arp_capture()
    nd_capture()
    dns_capture()
    tls_capture()
    ttl_capture()
    any_capture()
    healthy_capture()
