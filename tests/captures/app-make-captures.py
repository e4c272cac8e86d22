#!/usr/bin/python3
# app-make-captures.py - captures for tests/golden/app.list (PPTP, SSH, SOME/IP,
# syslog, NAT-T/ESP, PGM, NFS over TCP), including truncated and malformed cases.
import struct
from scapy.all import Ether, IP, IPv6, TCP, UDP, Raw, wrpcap

def eth(pl): return Ether(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb")/pl
def tcp(sp, dp, data): return eth(IP(src="10.0.0.1", dst="10.0.0.2")/TCP(sport=sp, dport=dp, flags="PA", seq=1, ack=1)/Raw(data))
def udp(sp, dp, data, v6=False):
    ip = IPv6(src="2001:db8::1", dst="2001:db8::2") if v6 else IP(src="10.0.0.1", dst="10.0.0.2")
    return eth(ip/UDP(sport=sp, dport=dp)/Raw(data))
def cut(pkt, n):
    b = bytes(pkt); return Ether(b[:len(b)-n])

# --- PPTP ---
def pptp(t, body, cookie=0x1a2b3c4d, rsv=0, mtype=1):
    return struct.pack(">HHIHH", 12+len(body), mtype, cookie, t, rsv) + body
host = b"host\x01x".ljust(64, b"\0"); vend = b"vendor name".ljust(64, b"\0")
P = []
P.append(tcp(3000, 1723, pptp(1, struct.pack(">HHIIHH", 0x100, 0, 3, 3, 2, 7) + host + vend)))
P.append(tcp(1723, 3000, pptp(2, struct.pack(">HBBIIHH", 0x100, 1, 0, 1, 2, 1, 1) + host + vend)))
P.append(tcp(3000, 1723, pptp(3, struct.pack(">BBH", 2, 5, 0))))
P.append(tcp(1723, 3000, pptp(4, struct.pack(">BBH", 1, 0, 9))))
P.append(tcp(3000, 1723, pptp(5, struct.pack(">I", 77))))
P.append(tcp(1723, 3000, pptp(6, struct.pack(">IBBH", 77, 2, 6, 0))))
P.append(tcp(3000, 1723, pptp(7, struct.pack(">HHIIIIHHHH", 1, 2, 300, 1000, 3, 3, 64, 0, 5, 0) + b"12345".ljust(64, b"\0") + b"sub".ljust(64, b"\0"))))
P.append(tcp(1723, 3000, pptp(8, struct.pack(">HHBBHIHHI", 1, 2, 4, 0, 3, 64000, 16, 1, 9))))
P.append(tcp(3000, 1723, pptp(9, struct.pack(">HHIIHH", 4, 5, 2, 8, 3, 3) + b"555".ljust(64, b"\0") + b"666".ljust(64, b"\0") + b"".ljust(64, b"\0"))))
P.append(tcp(1723, 3000, pptp(10, struct.pack(">HHBBHHH", 4, 5, 3, 7, 8, 9, 1))))
P.append(tcp(3000, 1723, pptp(11, struct.pack(">HHIHHI", 5, 0, 9600, 8, 2, 1))))
P.append(tcp(3000, 1723, pptp(12, struct.pack(">HH", 5, 0))))
P.append(tcp(1723, 3000, pptp(13, struct.pack(">HBBHH", 5, 3, 0, 17, 0) + b"stats".ljust(128, b"\0"))))
P.append(tcp(3000, 1723, pptp(14, struct.pack(">HHIIIIII", 5, 0, 1, 2, 3, 4, 5, 6))))
P.append(tcp(3000, 1723, pptp(15, struct.pack(">HHII", 5, 0, 0xffffffff, 0x0a))))
P.append(tcp(3000, 1723, pptp(99, b"", cookie=0xdeadbeef, rsv=4, mtype=2)))
P.append(cut(tcp(3000, 1723, pptp(1, struct.pack(">HHIIHH", 0x100, 0, 3, 3, 2, 7) + host + vend)), 70))
P.append(cut(tcp(3000, 1723, pptp(8, struct.pack(">HHBBHIHHI", 1, 2, 4, 0, 3, 64000, 16, 1, 9))), 12))
wrpcap("app-pptp.pcap", P)

# --- SSH ---
S = [tcp(22, 4000, b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"),
     tcp(4000, 22, b"SSH-2.0-Client\n"),
     tcp(4000, 22, b"SSH-2.0-NoEnd"),
     tcp(4000, 22, b"SSH-2.0-Bad\rX\r\n"),
     tcp(4000, 22, b"SSH-2.0-Bin\x01\r\n"),
     tcp(4000, 22, b"\x00\x00\x01\x0c\x05\x14binary"),
     cut(tcp(4000, 22, b"SSH-2.0-Cut-here-long\r\n"), 10),
     tcp(4000, 22, b"SS")]
wrpcap("app-ssh.pcap", S)

# --- SOME/IP + syslog ---
def someip(svc, mid, ln, cl, ses, pv, iv, mt, rc): return struct.pack(">HHIHHBBBB", svc, mid, ln, cl, ses, pv, iv, mt, rc)
U = [udp(30490, 30491, someip(0x1234, 0x8001, 8, 1, 2, 1, 1, 0x02, 0)),
     udp(30491, 30490, someip(1, 2, 8, 3, 4, 1, 2, 0x80, 0x0a) + b"payload"),
     udp(30491, 30490, someip(1, 2, 8, 3, 4, 1, 2, 0x55, 0x0f)),
     udp(30491, 30490, b"short"),
     cut(udp(30491, 30490, someip(1, 2, 8, 3, 4, 1, 2, 0x80, 0)), 6),
     udp(5000, 514, b"<34>Oct 11 22:14:15 mymachine su: 'su root' failed\x07 for lonvick"),
     udp(5000, 514, b"<191>ok"),
     udp(5000, 514, b"<1999>too many digits"),
     udp(5000, 514, b"no pri"),
     udp(5000, 514, b"<12x>bad close"),
     udp(5000, 514, b"<13>"),
     cut(udp(5000, 514, b"<165>1 2003-10-11T22:14:15.003Z host app - ID47 msg"), 20),
     cut(udp(5000, 514, b"<16"), 1)]
wrpcap("app-udp.pcap", U)

# --- NAT-T / ESP / IKE header ---
ike1 = bytes(range(1, 9)) + b"\0"*8 + bytes([1, 0x10, 2, 0]) + b"\0\0\0\0" + struct.pack(">I", 28)
ike2 = bytes(range(1, 9)) + bytes(range(9, 17)) + bytes([33, 0x20, 34, 0x08]) + b"\0\0\0\0" + struct.pack(">I", 28)
ike2b = bytes(range(1, 9)) + bytes(range(9, 17)) + bytes([46, 0x20, 35, 0x20]) + b"\0\0\0\1" + struct.pack(">I", 28)
N = [udp(4500, 4500, b"\xff"),
     udp(4500, 4500, b"\x00\x00\x00\x00" + ike1),
     udp(4500, 4500, b"\x00\x00\x00\x00" + ike1, v6=True),
     udp(4500, 4500, b"\x00\x00\x00\x00" + ike2),
     udp(4500, 4500, b"\x00\x00\x00\x00" + ike2b),
     udp(4500, 4500, b"\x00\x00\x00\x00" + ike1[:20]),
     udp(4500, 4500, struct.pack(">II", 0x1234, 7) + b"\xaa"*40),
     udp(4500, 4500, struct.pack(">II", 0x1234, 7)),
     udp(4500, 4500, b"\x01\x02"),
     udp(4500, 4500, b""),
     cut(udp(4500, 4500, struct.pack(">II", 0x1234, 7) + b"\xaa"*40), 38)]
wrpcap("app-natt.pcap", N)

# --- PGM ---
def pgmhdr(t, opts, body, tsdu=0): return struct.pack(">HHBBH", 7500, 7501, t, opts, 0) + b"\x01\x02\x03\x04\x05\x06" + struct.pack(">H", tsdu) + body
def pgm(pl, v6=False):
    ip = IPv6(src="2001:db8::1", dst="ff0e::1", nh=113) if v6 else IP(src="10.0.0.1", dst="239.1.1.1", proto=113)
    return eth(ip/Raw(pl))
def opts(*o):
    body = b"".join(o); return struct.pack(">BBH", 0, 4, 4 + len(body)) + body
def opt(t, b): return struct.pack(">BB", t, 2 + len(b)) + b
G = [pgm(pgmhdr(0, 0, struct.pack(">IIIHH", 1, 2, 3, 1, 0) + bytes([10, 0, 0, 9]))),
     pgm(pgmhdr(0, 0, struct.pack(">IIIHH", 1, 2, 3, 2, 0) + bytes(16)), v6=True),
     pgm(pgmhdr(1, 0, struct.pack(">IHH", 5, 6, 0))),
     pgm(pgmhdr(2, 0, struct.pack(">IHHHH", 5, 6, 0, 1, 0) + bytes([1, 2, 3, 4]) + struct.pack(">III", 7, 8, 9))),
     pgm(pgmhdr(4, 1, struct.pack(">II", 100, 90) + opts(opt(0x01, struct.pack(">HIII", 0, 1, 2, 3)), opt(0x03, struct.pack(">HI", 0, 44)), opt(0x8d, b"\0\0")) + b"data", 4)),
     pgm(pgmhdr(5, 1, struct.pack(">II", 100, 90) + opts(opt(0x02, struct.pack(">HIII", 0, 1, 2, 3)), opt(0x04, struct.pack(">HII", 0, 5, 6)), opt(0x85, struct.pack(">HII", 0, 7, 8))))),
     pgm(pgmhdr(8, 0, struct.pack(">IHH", 9, 1, 0) + bytes([10, 0, 0, 1]) + struct.pack(">HH", 1, 0) + bytes([239, 1, 1, 1]))),
     pgm(pgmhdr(9, 0, struct.pack(">IHH", 9, 1, 0) + bytes([10, 0, 0, 1]) + struct.pack(">HH", 1, 0) + bytes([239, 1, 1, 1]))),
     pgm(pgmhdr(10, 0, struct.pack(">IHH", 9, 1, 0) + bytes([10, 0, 0, 1]) + struct.pack(">HH", 7, 0) + bytes([239, 1, 1, 1]))),
     pgm(pgmhdr(11, 1, struct.pack(">II", 3, 0xff) + opts(opt(0x07, struct.pack(">HHH", 0, 1, 0) + bytes([1, 2, 3, 4])), opt(0x88, struct.pack(">HI", 0, 12))))),
     pgm(pgmhdr(12, 1, opts(opt(0x92, struct.pack(">HIHH", 0, 5, 1, 0) + bytes([9, 9, 9, 9])))[2:])),
     pgm(pgmhdr(4, 1, struct.pack(">II", 1, 2) + struct.pack(">BBH", 1, 4, 4))),
     pgm(pgmhdr(4, 1, struct.pack(">II", 1, 2) + struct.pack(">BBH", 0, 5, 4))),
     pgm(pgmhdr(4, 1, struct.pack(">II", 1, 2) + struct.pack(">BBH", 0, 4, 2))),
     pgm(pgmhdr(4, 1, struct.pack(">II", 1, 2) + opts(opt(0x0e, b"\0\0\0\0")))),
     pgm(pgmhdr(4, 1, struct.pack(">II", 1, 2) + opts(opt(0x30, b"\0\0"), opt(0x8c, b"\0\0")))),
     pgm(pgmhdr(4, 1, struct.pack(">II", 1, 2) + struct.pack(">BBH", 0, 4, 7) + b"\x0d\x04\0")),
     pgm(pgmhdr(0, 0, struct.pack(">IIIHH", 1, 2, 3, 9, 0))),
     pgm(b"\x1d\x4c"),
     cut(pgm(pgmhdr(4, 0, struct.pack(">II", 100, 90))), 5)]
wrpcap("app-pgm.pcap", G)

# --- NFS over TCP ---
def rpc_call(xid, vers, proc, args, credlen=8):
    body = struct.pack(">IIIIII", xid, 0, 2, 100003, vers, proc) + struct.pack(">II", 1, credlen) + bytes(credlen) + struct.pack(">II", 0, 0) + args
    return struct.pack(">I", 0x80000000 | len(body)) + body
def rpc_reply(xid, stat, rest): 
    body = struct.pack(">III", xid, 1, stat) + rest
    return struct.pack(">I", 0x80000000 | len(body)) + body
fh3 = struct.pack(">I", 32) + bytes([1, 0, 0, 0, 0, 0, 0, 0]) + bytes(range(8, 32))
fh3u = struct.pack(">I", 32) + bytes([0xf0, 0xc8, 0x62, 0xc6]) + bytes(range(1, 29))
fh2 = bytes([0, 0, 1, 2, 3, 4, 5, 6]) + bytes(range(10, 34))
name = struct.pack(">I", 5) + b"hello\0\0\0"
F = [tcp(800, 2049, rpc_call(1, 3, 1, fh3)),
     tcp(800, 2049, rpc_call(2, 3, 3, fh3u + name)),
     tcp(800, 2049, rpc_call(3, 3, 4, fh3 + struct.pack(">I", 0x1f))),
     tcp(800, 2049, rpc_call(4, 3, 6, fh3 + struct.pack(">QI", 4096, 512))),
     tcp(800, 2049, rpc_call(5, 3, 7, fh3 + struct.pack(">QIII", 8, 3, 1, 3) + b"abc\0")),
     tcp(800, 2049, rpc_call(6, 3, 14, fh3 + name + fh3u + name)),
     tcp(800, 2049, rpc_call(7, 3, 15, fh3 + fh3u + name)),
     tcp(800, 2049, rpc_call(8, 2, 1, fh2)),
     tcp(800, 2049, rpc_call(9, 2, 6, fh2 + struct.pack(">III", 0, 1024, 0))),
     tcp(800, 2049, rpc_call(10, 2, 8, fh2 + struct.pack(">IIII", 0, 64, 3, 3) + b"xyz\0")),
     tcp(800, 2049, rpc_call(11, 3, 0, b"")),
     tcp(800, 2049, rpc_call(12, 3, 40, fh3)),
     tcp(800, 2049, rpc_call(13, 3, 1, fh3, credlen=4000)),
     tcp(800, 2049, rpc_call(14, 3, 3, fh3 + struct.pack(">I", 0xfffffffe))),
     cut(tcp(800, 2049, rpc_call(15, 3, 1, fh3)), 10),
     tcp(2049, 800, rpc_reply(99, 0, bytes(16))),
     tcp(2049, 800, rpc_reply(98, 1, struct.pack(">III", 0, 2, 3))),
     tcp(2049, 800, rpc_reply(97, 1, struct.pack(">II", 1, 5))),
     tcp(2049, 800, rpc_reply(96, 1, struct.pack(">I", 7))),
     tcp(2049, 800, rpc_reply(95, 4, b"")),
     tcp(800, 2049, rpc_reply(94, 0, b"")),
     tcp(2049, 800, b"\x80\x00"),
     tcp(2049, 800, b"\x80\x00\x00\x10\x00\x00\x00\x01")]
wrpcap("app-nfs.pcap", F)
