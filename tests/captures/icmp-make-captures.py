#!/usr/bin/python3
# Regenerates the icmp-* captures: run from tests/captures with /usr/bin/python3 (scapy).
# icmp-rfc5837-eth.pcap needs the tcpdump corpus (CORPUS env, default /work/shared/corpus/tcpdump).
import os
from scapy.all import *
from scapy.layers.inet import *
import struct
E = lambda: Ether(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb")
A, B = "10.0.0.1", "10.0.0.2"
def orig_udp(dport=33434, payload=b"abcdefgh"):
    return IP(src=B, dst="192.0.2.9", ttl=1, id=77)/UDP(sport=40000, dport=dport)/payload
def orig_tcp(dport=80):
    return IP(src=B, dst="192.0.2.9", id=78)/TCP(sport=40001, dport=dport, flags="S", seq=1000)
pk = []
# echo
pk.append(E()/IP(src=A, dst=B)/ICMP(type=8, id=1, seq=1)/(b"x"*56))
pk.append(E()/IP(src=B, dst=A)/ICMP(type=0, id=1, seq=1)/(b"x"*56))
# unreach codes
for code in range(0, 17):
    if code == 3: continue
    pk.append(E()/IP(src="10.0.0.254", dst=B)/ICMP(type=3, code=code)/orig_udp())
# port unreachable udp, tcp, other proto
pk.append(E()/IP(src="192.0.2.9", dst=B)/ICMP(type=3, code=3)/orig_udp())
pk.append(E()/IP(src="192.0.2.9", dst=B)/ICMP(type=3, code=3)/orig_udp(dport=53))
pk.append(E()/IP(src="192.0.2.9", dst=B)/ICMP(type=3, code=3)/orig_tcp())
pk.append(E()/IP(src="192.0.2.9", dst=B)/ICMP(type=3, code=3)/(IP(src=B, dst="192.0.2.9", proto=250)/b"\x04\x00\x00\x50abcd"))
# need frag with and without mtu
pk.append(E()/IP(src="10.0.0.254", dst=B)/ICMP(type=3, code=4, nexthopmtu=1400)/orig_tcp())
pk.append(E()/IP(src="10.0.0.254", dst=B)/ICMP(type=3, code=4, nexthopmtu=0)/orig_tcp())
# redirect
for code in range(0, 5):
    pk.append(E()/IP(src="10.0.0.254", dst=B)/ICMP(type=5, code=code, gw="10.0.0.253")/orig_udp())
# source quench
pk.append(E()/IP(src="10.0.0.254", dst=B)/ICMP(type=4)/orig_udp())
# time exceeded
for code in range(0, 3):
    pk.append(E()/IP(src="10.0.0.254", dst=B)/ICMP(type=11, code=code)/orig_udp())
# param problem
pk.append(E()/IP(src="10.0.0.254", dst=B)/ICMP(type=12, code=0, ptr=20)/orig_udp())
pk.append(E()/IP(src="10.0.0.254", dst=B)/ICMP(type=12, code=1)/orig_udp())
# timestamp
pk.append(E()/IP(src=A, dst=B)/ICMP(type=13, id=5, seq=6, ts_ori=12345678, ts_rx=0, ts_tx=0))
pk.append(E()/IP(src=B, dst=A)/ICMP(type=14, id=5, seq=6, ts_ori=12345678, ts_rx=12345900, ts_tx=86399999))
# router adv: size 2 w/ 2 entries, lifetime variants
def radv(life, num, size, entries):
    body = struct.pack("!BBBBH", 9, 0, 0, 0, 0)[:4] + struct.pack("!BBH", num, size, life)
    for a, p in entries:
        body += inet_aton(a) + struct.pack("!I", p)
    return body
for life, num, size, ents in [(30, 1, 2, [("10.0.0.254", 0)]), (1800, 2, 2, [("10.0.0.254", 5), ("10.0.0.253", 0xffffffff)]), (7322, 0, 2, []), (600, 1, 3, [("10.0.0.254", 5)])]:
    raw = bytearray(radv(life, num, size, ents))
    c = checksum(bytes(raw)); raw[2:4] = struct.pack("!H", c)
    pk.append(E()/IP(src="10.0.0.254", dst="224.0.0.1", proto=1)/Raw(bytes(raw)))
pk.append(E()/IP(src=B, dst="224.0.0.2")/ICMP(type=10))
# mask / info
pk.append(E()/IP(src=A, dst=B)/ICMP(type=17, id=1, seq=2, addr_mask="0.0.0.0"))
pk.append(E()/IP(src=B, dst=A)/ICMP(type=18, id=1, seq=2, addr_mask="255.255.255.0"))
pk.append(E()/IP(src=A, dst=B)/ICMP(type=15, id=1, seq=2))
pk.append(E()/IP(src=B, dst=A)/ICMP(type=16, id=1, seq=2))
# unknown type
pk.append(E()/IP(src=A, dst=B)/ICMP(type=42, code=1)/b"zzzz")
# bad checksum
pk.append(E()/IP(src=A, dst=B)/ICMP(type=8, id=9, seq=9, chksum=0x1234)/(b"y"*16))
# fragmented ICMP (first fragment, MF)
pk.append(E()/IP(src=A, dst=B, flags="MF", id=500)/ICMP(type=8, id=9, seq=10, chksum=0x1111)/(b"y"*16))
# time exceeded quoting a fragment of a tcp packet
pk.append(E()/IP(src="10.0.0.254", dst=B)/ICMP(type=11, code=0)/orig_tcp())
wrpcap("icmp-types.pcap", pk)

# multipart extensions (RFC 4884/4950)
mp = []
def ext_objs(objs):
    body = b""
    for cls, ct, data in objs:
        body += struct.pack("!HBB", 4 + len(data), cls, ct) + data
    hdr = bytearray(b"\x20\x00\x00\x00" + body)
    c = checksum(bytes(hdr)); hdr[2:4] = struct.pack("!H", c)
    return bytes(hdr)
orig = bytes(orig_udp(payload=b"q"*12))
orig128 = orig + b"\x00"*(128-len(orig))
label = struct.pack("!I", (16004 << 12) | (3 << 9) | (1 << 8) | 1)
ext = ext_objs([(1, 1, label)])
mp.append(E()/IP(src="10.0.0.254", dst=B)/ICMP(type=11, code=0, length=32)/(orig128+ext))
mp.append(E()/IP(src="10.0.0.254", dst=B)/ICMP(type=11, code=0, length=0)/(orig128+ext))
ext2 = ext_objs([(1, 1, label + struct.pack("!I", (17 << 12) | 1)), (2, 14, b"\x00\x00\x00\x0f" + b"abcd"), (1, 2, b"wxyz"), (9, 1, b"1234")])
mp.append(E()/IP(src="10.0.0.254", dst=B)/ICMP(type=3, code=1, length=32)/(orig128+ext2))
bad = bytearray(ext); bad[0] = 0x10
mp.append(E()/IP(src="10.0.0.254", dst=B)/ICMP(type=12, code=0, length=32)/(orig128+bytes(bad)))
badck = bytearray(ext); badck[2] ^= 0xff
mp.append(E()/IP(src="10.0.0.254", dst=B)/ICMP(type=11, code=0, length=32)/(orig128+bytes(badck)))
mp.append(E()/IP(src="10.0.0.254", dst=B)/ICMP(type=11, code=0, length=0)/(orig128+bytes(badck)))
zero = ext_objs([(0, 1, b"abcd")])
mp.append(E()/IP(src="10.0.0.254", dst=B)/ICMP(type=11, code=0, length=32)/(orig128+zero))
wrpcap("icmp-multipart.pcap", mp)

# truncated / malformed: cut packets short
tr = []
def cut(p, n):
    b = bytes(p); return Ether(b[:n])
base = E()/IP(src=A, dst=B)/ICMP(type=8, id=1, seq=1)/(b"x"*56)
for n in (14+20+1, 14+20+2, 14+20+6, 14+20+8, 14+20+20):
    tr.append(cut(base, n))
un = E()/IP(src="192.0.2.9", dst=B)/ICMP(type=3, code=3)/orig_udp()
for n in (14+20+8+10, 14+20+8+19, 14+20+8+20, 14+20+8+22, 14+20+8+24, 14+20+8+27):
    tr.append(cut(un, n))
te = E()/IP(src="10.0.0.254", dst=B)/ICMP(type=11, code=0)/orig_udp()
for n in (14+20+8+16, 14+20+8+20, 14+20+8+25):
    tr.append(cut(te, n))
rd = E()/IP(src="10.0.0.254", dst=B)/ICMP(type=5, code=1, gw="10.0.0.253")/orig_udp()
tr.append(cut(rd, 14+20+8+18))
ts = E()/IP(src=B, dst=A)/ICMP(type=14, id=5, seq=6, ts_ori=1, ts_rx=2, ts_tx=3)
tr.append(cut(ts, 14+20+18))
tr.append(cut(E()/IP(src=B, dst=A)/ICMP(type=18, addr_mask="255.0.0.0"), 14+20+10))
tr.append(cut(E()/IP(src=B, dst=A)/ICMP(type=12, code=0, ptr=3)/orig_udp(), 14+20+4))
raw = bytearray(radv(1800, 2, 2, [("10.0.0.254", 5), ("10.0.0.253", 7)]))
tr.append(cut(E()/IP(src="10.0.0.254", dst="224.0.0.1", proto=1)/Raw(bytes(raw)), 14+20+8+12))
tr.append(cut(E()/IP(src="10.0.0.254", dst="224.0.0.1", proto=1)/Raw(bytes(raw)), 14+20+6))
# quoted IP header with bad ihl / tiny
q = E()/IP(src="192.0.2.9", dst=B)/ICMP(type=3, code=3)/(b"\x46" + bytes(orig_udp())[1:])
tr.append(q)
tr.append(E()/IP(src="192.0.2.9", dst=B)/ICMP(type=3, code=1)/b"\x45\x00\x00")
# ip len shorter than payload of ICMP (icmp len computed from ip)
tr.append(E()/IP(src=A, dst=B, len=20+8+4)/ICMP(type=8, id=1, seq=2)/(b"x"*16))
wrpcap("icmp-trunc.pcap", tr)
from scapy.layers.inet6 import *
E = lambda: Ether(src="00:11:22:33:44:55", dst="33:33:00:00:00:01")
A, B, LL, R = "2001:db8::1", "2001:db8::2", "fe80::211:22ff:fe33:4455", "fe80::1"
def oudp(dport=33434):
    return IPv6(src=B, dst="2001:db8:99::9", hlim=1)/UDP(sport=40000, dport=dport)/b"abcdefgh"
def otcp(dport=80):
    return IPv6(src=B, dst="2001:db8:99::9")/TCP(sport=40001, dport=dport, flags="S")
pk = []
pk.append(E()/IPv6(src=A, dst=B)/ICMPv6EchoRequest(id=7, seq=1, data=b"x"*32))
pk.append(E()/IPv6(src=B, dst=A)/ICMPv6EchoReply(id=7, seq=1, data=b"x"*32))
for code in range(0, 7):
    pk.append(E()/IPv6(src="2001:db8::fe", dst=B)/ICMPv6DestUnreach(code=code)/oudp())
pk.append(E()/IPv6(src="2001:db8::fe", dst=B)/ICMPv6DestUnreach(code=4)/oudp(53))
pk.append(E()/IPv6(src="2001:db8::fe", dst=B)/ICMPv6DestUnreach(code=4)/otcp())
pk.append(E()/IPv6(src="2001:db8::fe", dst=B)/ICMPv6DestUnreach(code=4)/(IPv6(src=B, dst="2001:db8:99::9")/IPv6ExtHdrDestOpt()/UDP(sport=1, dport=7)))
pk.append(E()/IPv6(src="2001:db8::fe", dst=B)/ICMPv6DestUnreach(code=4)/(IPv6(src=B, dst="2001:db8:99::9", nh=132)/b"\x00\x01\x00\x09abcd"))
pk.append(E()/IPv6(src="2001:db8::fe", dst=B)/ICMPv6PacketTooBig(mtu=1280)/otcp())
for code in range(0, 3):
    pk.append(E()/IPv6(src="2001:db8::fe", dst=B)/ICMPv6TimeExceeded(code=code)/oudp())
for code in range(0, 5):
    pk.append(E()/IPv6(src="2001:db8::fe", dst=B)/ICMPv6ParamProblem(code=code, ptr=40)/oudp())
# MLD v1
pk.append(E()/IPv6(src=LL, dst="ff02::1", hlim=1)/ICMPv6MLQuery(mrd=10000, mladdr="::"))
pk.append(E()/IPv6(src=LL, dst="ff02::1:3", hlim=1)/ICMPv6MLReport(mladdr="ff02::1:3"))
pk.append(E()/IPv6(src=LL, dst="ff02::2", hlim=1)/ICMPv6MLDone(mladdr="ff02::1:3"))
# MLDv2 query with sources, large mrc/qqic
pk.append(E()/IPv6(src=LL, dst="ff02::1", hlim=1)/ICMPv6MLQuery2(mrd=40000, mladdr="ff05::1:3", S=1, QRV=2, QQIC=200, sources=["2001:db8::5", "2001:db8::6"]))
pk.append(E()/IPv6(src=LL, dst="ff02::1", hlim=1)/ICMPv6MLQuery2(mrd=1000, mladdr="::", QRV=0, QQIC=125))
pk.append(E()/IPv6(src=LL, dst="ff02::1", hlim=1)/ICMPv6MLQuery(mrd=100)/b"\x00")
# MLDv2 report
recs = [ICMPv6MLDMultAddrRec(rtype=t, dst="ff05::%d" % t, sources=(["2001:db8::7", "2001:db8::8"] if t in (1, 5) else [])) for t in range(1, 8)]
pk.append(E()/IPv6(src=LL, dst="ff02::16", hlim=1)/ICMPv6MLReport2(records=recs))
pk.append(E()/IPv6(src=LL, dst="ff02::16", hlim=1)/ICMPv6MLReport2(records=recs[:1], records_number=3))
# RS / RA
pk.append(E()/IPv6(src=LL, dst="ff02::2")/ICMPv6ND_RS()/ICMPv6NDOptSrcLLAddr(lladdr="00:11:22:33:44:55"))
pk.append(E()/IPv6(src=LL, dst="ff02::2")/ICMPv6ND_RS())
ra = (E()/IPv6(src=R, dst="ff02::1")/ICMPv6ND_RA(chlim=64, M=1, O=1, H=0, prf=1, routerlifetime=1800, reachabletime=30000, retranstimer=1000)
      /ICMPv6NDOptSrcLLAddr(lladdr="00:11:22:33:44:66")
      /ICMPv6NDOptMTU(mtu=1500)
      /ICMPv6NDOptPrefixInfo(prefixlen=64, L=1, A=1, R=1, validlifetime=0xffffffff, preferredlifetime=0xffffffff, prefix="2001:db8:1::")
      /ICMPv6NDOptPrefixInfo(prefixlen=48, L=0, A=0, validlifetime=100, preferredlifetime=50, prefix="2001:db8:2::")
      /ICMPv6NDOptRouteInfo(plen=0, prf=3, rtlifetime=0xffffffff)
      /ICMPv6NDOptRouteInfo(plen=48, prf=1, rtlifetime=300, prefix="2001:db8:3::")
      /ICMPv6NDOptRouteInfo(plen=96, prf=2, rtlifetime=300, prefix="2001:db8:4::5:0")
      /ICMPv6NDOptRDNSS(lifetime=600, dns=["2001:db8::53", "2001:db8::54"])
      /ICMPv6NDOptDNSSL(lifetime=600, searchlist=["example.com.", "corp.example.net."])
      /ICMPv6NDOptAdvInterval(advint=60000)
      /ICMPv6NDOptHAInfo(pref=10, lifetime=20)
      /ICMPv6NDOptUnknown(type=99, len=1, data=b"\x01\x02\x03\x04\x05\x06"))
pk.append(ra)
pk.append(E()/IPv6(src=R, dst="ff02::1")/ICMPv6ND_RA(H=1, prf=2, routerlifetime=0)/ICMPv6NDOptMTU(mtu=9000, len=2)/(b"\x00"*8))
pk.append(E()/IPv6(src=R, dst="ff02::1")/ICMPv6ND_RA(prf=3, res=2)/ICMPv6NDOptPrefixInfo(len=5, prefix="2001:db8:9::")/(b"\x00"*8))
# NS / NA
pk.append(E()/IPv6(src=LL, dst="ff02::1:ff00:2")/ICMPv6ND_NS(tgt="2001:db8::2")/ICMPv6NDOptSrcLLAddr(lladdr="00:11:22:33:44:55"))
pk.append(E()/IPv6(src="::", dst="ff02::1:ff00:2")/ICMPv6ND_NS(tgt="2001:db8::2"))
pk.append(E()/IPv6(src=B, dst=LL)/ICMPv6ND_NA(tgt="2001:db8::2", R=1, S=1, O=1)/ICMPv6NDOptDstLLAddr(lladdr="00:11:22:33:44:77"))
pk.append(E()/IPv6(src=B, dst=LL)/ICMPv6ND_NA(tgt="2001:db8::2", R=0, S=0, O=0))
# redirect
pk.append(E()/IPv6(src=R, dst=B)/ICMPv6ND_Redirect(tgt="fe80::2", dst="2001:db8:77::1")/ICMPv6NDOptDstLLAddr(lladdr="00:11:22:33:44:88")/ICMPv6NDOptRedirectedHdr(pkt=bytes(oudp())))
# node information
pk.append(E()/IPv6(src=A, dst=B)/ICMPv6NIQueryNOOP(nonce=b"12345678"))
pk.append(E()/IPv6(src=A, dst=B)/ICMPv6NIQueryName(nonce=b"12345678", data="2001:db8::2"))
pk.append(E()/IPv6(src=A, dst=B)/ICMPv6NIQueryIPv6(nonce=b"12345678", flags=0x3e, data="2001:db8::2"))
pk.append(E()/IPv6(src=A, dst=B)/ICMPv6NIQueryIPv4(nonce=b"12345678", data="10.1.2.3"))
pk.append(E()/IPv6(src=A, dst=B)/ICMPv6NIQueryName(nonce=b"12345678", data="host.example."))
pk.append(E()/IPv6(src=B, dst=A)/ICMPv6NIReplyName(nonce=b"12345678", data=[60, "host.example."]))
pk.append(E()/IPv6(src=B, dst=A)/ICMPv6NIReplyIPv6(nonce=b"12345678", flags=0x3f, data=[(60, "2001:db8::2"), (30, "fe80::2")]))
pk.append(E()/IPv6(src=B, dst=A)/ICMPv6NIReplyRefuse(nonce=b"12345678"))
pk.append(E()/IPv6(src=B, dst=A)/ICMPv6NIReplyUnknown(nonce=b"12345678"))
pk.append(E()/IPv6(src=B, dst=A)/ICMPv6NIReplyNOOP(nonce=b"12345678"))
# HA / mobile prefix
pk.append(E()/IPv6(src=A, dst=B)/ICMPv6HAADRequest(id=0x1234))
pk.append(E()/IPv6(src=B, dst=A)/ICMPv6HAADReply(id=0x1234, addresses=["2001:db8::a", "2001:db8::b"]))
pk.append(E()/IPv6(src=A, dst=B)/ICMPv6MPSol(id=0x55))
pk.append(E()/IPv6(src=B, dst=A)/ICMPv6MPAdv(id=0x55, flags=3)/ICMPv6NDOptPrefixInfo(prefix="2001:db8:5::"))
# inverse ND, router renumbering, unknown
pk.append(E()/IPv6(src=A, dst=B)/ICMPv6Unknown(type=141, code=0)/(b"\x00"*4))
pk.append(E()/IPv6(src=A, dst=B)/ICMPv6Unknown(type=138, code=0)/(struct.pack("!IBBHI", 7, 1, 0xc0, 100, 0) + bytes([1, 11, 2, 48, 32, 64, 0, 0]) + inet_pton(socket.AF_INET6, "2001:db8::") + bytes([64, 64, 0xff, 0xc0]) + struct.pack("!III", 100, 0xffffffff, 0x80000000) + inet_pton(socket.AF_INET6, "2001:db8:1::")))
pk.append(E()/IPv6(src=A, dst=B)/ICMPv6Unknown(type=138, code=1)/struct.pack("!IBBHI", 8, 0, 0, 0, 5))
pk.append(E()/IPv6(src=A, dst=B)/ICMPv6Unknown(type=250, code=3)/b"unknown-data")
pk.append(E()/IPv6(src=A, dst=B)/ICMPv6EchoRequest(id=1, seq=2, cksum=0x1234))
# RPL
pk.append(E()/IPv6(src=LL, dst="ff02::1a")/ICMPv6Unknown(type=155, code=0)/b"\x00\x00")
pk.append(E()/IPv6(src=LL, dst="ff02::1a")/ICMPv6Unknown(type=155, code=1)/(bytes([1, 2, 0, 1, 0x88 | 3, 5, 0, 0]) + inet_pton(socket.AF_INET6, "2001:db8::100") + b"\x00\x04\x02\x03\x04\x05\x01\x00"))
pk.append(E()/IPv6(src=LL, dst="ff02::1a")/ICMPv6Unknown(type=155, code=2)/(bytes([1, 0xc0, 0, 9]) + inet_pton(socket.AF_INET6, "2001:db8::100")))
pk.append(E()/IPv6(src=LL, dst="ff02::1a")/ICMPv6Unknown(type=155, code=3)/bytes([1, 0, 9, 0]))
pk.append(E()/IPv6(src=LL, dst="ff02::1a")/ICMPv6Unknown(type=155, code=0x80)/bytes([1, 0, 9, 0]))
pk.append(E()/IPv6(src=LL, dst="ff02::1a")/ICMPv6Unknown(type=155, code=7)/bytes([1, 0, 9, 0]))
wrpcap("icmp-v6-types.pcap", pk)

tr = []
def cut(p, n):
    return Ether(bytes(p)[:n])
H = 14 + 40
tr.append(cut(pk[0], H + 1)); tr.append(cut(pk[0], H + 6)); tr.append(cut(pk[0], H + 8))
un = E()/IPv6(src="2001:db8::fe", dst=B)/ICMPv6DestUnreach(code=4)/oudp()
for n in (H + 8 + 5, H + 8 + 30, H + 8 + 40, H + 8 + 42, H + 8 + 44):
    tr.append(cut(un, n))
un3 = E()/IPv6(src="2001:db8::fe", dst=B)/ICMPv6DestUnreach(code=3)/oudp()
tr.append(cut(un3, H + 8 + 30))
tr.append(cut(E()/IPv6(src="2001:db8::fe", dst=B)/ICMPv6PacketTooBig(mtu=1280)/otcp(), H + 6))
tr.append(cut(E()/IPv6(src="2001:db8::fe", dst=B)/ICMPv6ParamProblem(code=0, ptr=40)/oudp(), H + 8 + 30))
tr.append(cut(ra, H + 16 + 8 + 20))
tr.append(cut(ra, H + 16 + 8 + 8 + 32 + 3))
tr.append(cut(ra, H + 10))
tr.append(cut(E()/IPv6(src=LL, dst="ff02::1:ff00:2")/ICMPv6ND_NS(tgt="2001:db8::2")/ICMPv6NDOptSrcLLAddr(lladdr="00:11:22:33:44:55"), H + 20))
tr.append(E()/IPv6(src=LL, dst="ff02::2")/ICMPv6ND_RS()/b"\x01\x00\x00\x11\x22\x33\x44\x55")
tr.append(E()/IPv6(src=LL, dst="ff02::2")/ICMPv6ND_RS()/b"\x01\x02\x00\x11\x22\x33\x44\x55")
tr.append(E()/IPv6(src=LL, dst="ff02::1", hlim=1)/ICMPv6MLQuery2(mrd=1000, mladdr="::", sources_number=5))
tr.append(E()/IPv6(src=LL, dst="ff02::16", hlim=1)/ICMPv6MLReport2(records=[ICMPv6MLDMultAddrRec(rtype=1, dst="ff05::1", sources_number=4)]))
tr.append(E()/IPv6(src=LL, dst="ff02::16", hlim=1)/ICMPv6Unknown(type=143)/b"\x00\x00")
tr.append(cut(E()/IPv6(src=LL, dst="ff02::1:3", hlim=1)/ICMPv6MLReport(mladdr="ff02::1:3"), H + 12))
tr.append(E()/IPv6(src=A, dst=B, plen=0, nh=58))
wrpcap("icmp-v6-trunc.pcap", tr)
corpus = os.environ.get("CORPUS", "/work/shared/corpus/tcpdump")
out = []
for f in ["icmp-rfc5837.pcap", "icmp_inft_name_length_zero.pcap"]:
    for p in rdpcap(os.path.join(corpus, f)):
        e = Ether(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb", type=0x800)/Raw(bytes(p)[4:])
        e.time = p.time
        e.wirelen = p.wirelen - 4 + 14 if p.wirelen else None
        out.append(e)
wrpcap("icmp-rfc5837-eth.pcap", out)
