#!/usr/bin/python3
# top-make-captures.py - tests/captures/top-slow.pcap for tests/top/ring-seconds.sh:
# one TCP connection that lasts about 9 s (handshake, then a 100-byte request
# every 0.3 s, each acknowledged 0.02 s later, then FIN both ways), so that
# `synack top --ring-seconds N` keeps only part of it.
from scapy.all import Ether, IP, TCP, Raw, wrpcap

C, S = "10.0.7.1", "10.0.7.2"
CP, SP = 40123, 8080
def eth(pl, c2s): return Ether(src="00:11:22:33:44:01" if c2s else "00:11:22:33:44:02",
                               dst="00:11:22:33:44:02" if c2s else "00:11:22:33:44:01")/pl
def c2s(flags, seq, ack, data=b""):
    p = eth(IP(src=C, dst=S, ttl=64)/TCP(sport=CP, dport=SP, flags=flags, seq=seq, ack=ack, window=64240), True)
    return p/Raw(data) if data else p
def s2c(flags, seq, ack):
    return eth(IP(src=S, dst=C, ttl=64)/TCP(sport=SP, dport=CP, flags=flags, seq=seq, ack=ack, window=65160), False)

t0 = 1764500000.0
P = []
def at(t, p):
    p.time = t0 + t
    P.append(p)
ci, si = 1000, 5000
at(0.000, c2s("S", ci, 0))
at(0.010, s2c("SA", si, ci + 1))
at(0.020, c2s("A", ci + 1, si + 1))
seq = ci + 1
t = 0.05
for i in range(30):
    at(t, c2s("PA", seq, si + 1, b"q" * 100))
    seq += 100
    at(t + 0.02, s2c("A", si + 1, seq))
    t += 0.3
at(t, c2s("FA", seq, si + 1))
at(t + 0.01, s2c("FA", si + 1, seq + 1))
at(t + 0.02, c2s("A", seq + 1, si + 2))
wrpcap("top-slow.pcap", P)
