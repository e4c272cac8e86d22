#!/usr/bin/python3
"""Writes tests/captures/rep-inject.pcap: a capture crafted to inject markup and
script into an HTML report through every field synack prints from a packet:
HTTP request and status lines and headers, DNS names (queries and answers).
Every payload would set document.title to a string starting with PWNED if it
ran; tests/report/inject.sh asserts that the title is synack's own.
Run: /usr/bin/python3 tests/report/make-rep-inject.py tests/captures/rep-inject.pcap"""
import sys
from scapy.all import Ether, IP, TCP, UDP, DNS, DNSQR, DNSRR, wrpcap

C, S = "10.198.77.1", "10.198.77.2"
E = dict(src="02:00:00:00:77:01", dst="02:00:00:00:77:02")
ER = dict(src="02:00:00:00:77:02", dst="02:00:00:00:77:01")
req = (b"GET /<script>document.title='PWNED1'</script> HTTP/1.1\r\n"
       b"Host: x\"onload=\"document.title='PWNED2'\r\n"
       b"Referer: javascript:document.title='PWNED3'\r\n"
       b"X: </svg><svg onload=\"document.title='PWNED4'\"></svg><img src=x onerror=\"document.title='PWNED5'\">\r\n\r\n")
resp = (b"HTTP/1.1 200 <script>document.title='PWNED6'</script>\r\n"
        b"Content-Length: 0\r\n\r\n")
t = 1795000000.0
pk = []
def add(p, dt):
    global t
    t += dt
    p.time = t
    pk.append(p)
cs, ss = 1000, 5000
add(Ether(**E)/IP(src=C, dst=S, ttl=64)/TCP(sport=40000, dport=80, flags="S", seq=cs, window=64240, options=[("MSS", 1460), ("SAckOK", b""), ("WScale", 7)]), 0)
add(Ether(**ER)/IP(src=S, dst=C, ttl=64)/TCP(sport=80, dport=40000, flags="SA", seq=ss, ack=cs+1, window=65160, options=[("MSS", 1460), ("SAckOK", b""), ("WScale", 7)]), 0.010)
add(Ether(**E)/IP(src=C, dst=S, ttl=64)/TCP(sport=40000, dport=80, flags="A", seq=cs+1, ack=ss+1, window=502), 0.010)
add(Ether(**E)/IP(src=C, dst=S, ttl=64)/TCP(sport=40000, dport=80, flags="PA", seq=cs+1, ack=ss+1, window=502)/req, 0.001)
# the request again after 200 ms: a retransmission (its line is in the packet list twice)
add(Ether(**E)/IP(src=C, dst=S, ttl=64)/TCP(sport=40000, dport=80, flags="PA", seq=cs+1, ack=ss+1, window=502)/req, 0.200)
add(Ether(**ER)/IP(src=S, dst=C, ttl=64)/TCP(sport=80, dport=40000, flags="A", seq=ss+1, ack=cs+1+len(req), window=509), 0.010)
add(Ether(**ER)/IP(src=S, dst=C, ttl=64)/TCP(sport=80, dport=40000, flags="PA", seq=ss+1, ack=cs+1+len(req), window=509)/resp, 0.001)
add(Ether(**E)/IP(src=C, dst=S, ttl=64)/TCP(sport=40000, dport=80, flags="FA", seq=cs+1+len(req), ack=ss+1+len(resp), window=502), 0.010)
add(Ether(**ER)/IP(src=S, dst=C, ttl=64)/TCP(sport=80, dport=40000, flags="FA", seq=ss+1+len(resp), ack=cs+2+len(req), window=509), 0.010)
add(Ether(**E)/IP(src=C, dst=S, ttl=64)/TCP(sport=40000, dport=80, flags="A", seq=cs+2+len(req), ack=ss+2+len(resp), window=502), 0.010)
# DNS: names with markup (labels may hold any byte)
qn = b"<script>document.title='PWNED7'</script>.\"onload=x.javascript:alert(1).example."
add(Ether(**E)/IP(src=C, dst=S, ttl=64)/UDP(sport=40001, dport=53)/DNS(id=0x1234, rd=1, qd=DNSQR(qname=qn, qtype="A")), 0.050)
add(Ether(**ER)/IP(src=S, dst=C, ttl=64)/UDP(sport=53, dport=40001)/DNS(id=0x1234, qr=1, rd=1, ra=1, qd=DNSQR(qname=qn, qtype="A"),
    an=DNSRR(rrname=qn, type="CNAME", rdata=b"</svg><img src=x onerror=document.title='PWNED8'>.example.", ttl=60)), 0.005)
wrpcap(sys.argv[1], pk)
