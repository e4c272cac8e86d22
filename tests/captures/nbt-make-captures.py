#!/usr/bin/python3
# nbt-make-captures.py - captures for tests/golden/nbt.list: NetBIOS name service
# (UDP 137), datagram service with an SMB browser announcement (UDP 138), session
# service with SMB (TCP 139), SMB and SMB2 over TCP 445, NetBEUI over LLC (SAP 0xf0)
# and NetBIOS over IPX (sockets 0x455, 0x553); each with truncated variants.
# Packets are built byte by byte after RFC 1002 and [MS-CIFS]/[MS-SMB2].
import struct
from scapy.all import Ether, Dot3, LLC, IP, IPv6, TCP, UDP, Raw, wrpcap

MAC_A, MAC_B = "00:11:22:33:44:55", "66:77:88:99:aa:bb"
def eth(pl, dst=MAC_B): return Ether(src=MAC_A, dst=dst)/pl
def udp(sp, dp, data, dst="10.0.0.2", v6=False):
    ip = IPv6(src="2001:db8::1", dst="2001:db8::2") if v6 else IP(src="10.0.0.1", dst=dst)
    return eth(ip/UDP(sport=sp, dport=dp)/Raw(data), "ff:ff:ff:ff:ff:ff" if dst.endswith("255") else MAC_B)
def tcp(sp, dp, data, seq=1):
    return eth(IP(src="10.0.0.1", dst="10.0.0.2")/TCP(sport=sp, dport=dp, flags="PA", seq=seq, ack=1)/Raw(data))
def save(name, pkts):
    """Fixed timestamps, so that re-running the script changes nothing."""
    for i, p in enumerate(pkts):
        p.time = 1700000000 + i * 0.001
    wrpcap(name, pkts)
def cut(pkt, n):
    """Captured with a snapshot length: the last n bytes missing from the capture."""
    b = bytes(pkt); p = pkt.__class__(b[:len(b)-n]); p.wirelen = len(b); return p
def ipcut(pkt, n):
    """The IP datagram itself shorter than its length field says."""
    b = bytes(pkt); return Ether(b[:len(b)-n])

def nbname(name, suffix=0x20, scope=b""):
    """RFC 1002 first-level encoding: 16 bytes -> 32 letters, then the scope labels."""
    raw = name.encode().ljust(15, b" ")[:15] + bytes([suffix])
    enc = b"".join(bytes([0x41 + (c >> 4), 0x41 + (c & 15)]) for c in raw)
    out = bytes([32]) + enc
    for lab in scope.split(b".") if scope else []:
        out += bytes([len(lab)]) + lab
    return out + b"\0"

# --- name service, UDP 137 ---
def nbns(tid, flags, qd=0, an=0, ns=0, ar=0): return struct.pack(">HHHHHH", tid, flags, qd, an, ns, ar)
q_nb = nbname("WORKSTATION") + struct.pack(">HH", 0x20, 1)
N = []
N.append(udp(137, 137, nbns(0x1234, 0x0110, qd=1) + q_nb, dst="10.0.0.255"))          # query, broadcast
N.append(udp(137, 137, nbns(0x1234, 0x8500, an=1) + nbname("WORKSTATION") +
             struct.pack(">HHIHH", 0x20, 1, 300000, 6, 0x6000) + bytes([10, 0, 0, 7])))  # positive response
N.append(udp(137, 137, nbns(0x1235, 0x8503, an=1) + nbname("NOSUCH") +
             struct.pack(">HHIH", 0x20, 1, 0, 0)))                                      # negative response
N.append(udp(137, 137, nbns(0x1236, 0x2910, qd=1, ar=1) + nbname("MYHOST", 0x00) +
             struct.pack(">HH", 0x20, 1) + b"\xc0\x0c" +
             struct.pack(">HHIHH", 0x20, 1, 300000, 6, 0) + bytes([10, 0, 0, 1]), dst="10.0.0.255"))  # registration
N.append(udp(137, 137, nbns(0x1237, 0x0000, qd=1) + nbname("*", 0x00) + struct.pack(">HH", 0x21, 1)))  # NBSTAT query
stat = bytes([2]) + b"MYHOST".ljust(15) + b"\x00" + b"\x04\x00" + b"WORKGROUP".ljust(15) + b"\x00" + b"\x84\x00" + \
    bytes.fromhex("001122334455") + bytes(40)
N.append(udp(137, 137, nbns(0x1237, 0x8400, an=1) + nbname("*", 0x00) + struct.pack(">HHIH", 0x21, 1, 0, len(stat)) + stat))
N.append(udp(137, 137, nbns(0x1238, 0x0110, qd=1) + nbname("SCOPED", 0x20, b"corp.example") +
             struct.pack(">HH", 0x20, 1), v6=True))                                       # scope, over IPv6
N.append(udp(137, 137, nbns(0x1239, 0x0110, qd=1)))                                        # no question bytes
N.append(cut(udp(137, 137, nbns(0x1234, 0x0110, qd=1) + q_nb, dst="10.0.0.255"), 20))     # truncated
N.append(udp(137, 137, b"\x12"))                                                           # 1 byte
N.append(ipcut(udp(137, 137, nbns(0x1234, 0x8500, an=1) + nbname("WORKSTATION") +
             struct.pack(">HHIHH", 0x20, 1, 300000, 6, 0x6000) + bytes([10, 0, 0, 7])), 8))
save("nbt-ns.pcap", N)

# --- SMB header (32 bytes, [MS-CIFS] 2.2.3.1) ---
def smb(cmd, words=b"", data=b"", flags=0x18, flags2=0xc803, status=0, tid=0, pid=0xfeff, uid=0, mid=0):
    hdr = b"\xffSMB" + struct.pack("<BIBHH8sHHHHH", cmd, status, flags, flags2, 0, bytes(8), 0, tid, pid, uid, mid)
    assert len(words) % 2 == 0
    return hdr + bytes([len(words) // 2]) + words + struct.pack("<H", len(data)) + data

# --- datagram service, UDP 138: direct group datagram carrying a browser host announcement ---
def browser_announce():
    body = struct.pack("<BBI", 1, 0, 720000) + b"MYHOST".ljust(16, b"\0") + \
        struct.pack("<BBIHHB", 6, 1, 0x00051003, 0x010f, 0xaa55, 0) + b"Samba host\0"
    mailslot = b"\\MAILSLOT\\BROWSE\0"
    # Trans (0x25) with 17 words; setup: opcode 1, priority 1, class 2 (mailslot write)
    data_off = 32 + 1 + 34 + 2 + len(mailslot)
    words = struct.pack("<HHHHBBHIHHHHHHBB", 0, len(body), 0, 0, 0, 0, 0, 0, 0, 0, 0, len(body), data_off, 0, 3, 0) + \
        struct.pack("<HHH", 1, 1, 2)
    return smb(0x25, words, mailslot + body, flags=0, flags2=0, pid=0, tid=0)
def nbdgm(mtype, payload, src="MYHOST", dst="WORKGROUP"):
    names = nbname(src, 0x00) + nbname(dst, 0x1d)
    return struct.pack(">BBHIHHH", mtype, 0x02, 0x4242, 0x0a000001, 138, len(names) + len(payload), 0) + names + payload
D = []
D.append(udp(138, 138, nbdgm(0x11, browser_announce()), dst="10.0.0.255"))
D.append(udp(138, 138, nbdgm(0x10, smb(0x25, b"", b"")), dst="10.0.0.255"))        # Trans with no words
D.append(udp(138, 138, struct.pack(">BBHIHB", 0x14, 0x02, 0x4243, 0x0a000001, 138, 0x82), dst="10.0.0.255"))  # error
D.append(udp(138, 138, struct.pack(">BBHIH", 0x15, 0x02, 0x4244, 0x0a000001, 138) + nbname("WORKGROUP", 0x1b)))  # query
D.append(cut(udp(138, 138, nbdgm(0x11, browser_announce()), dst="10.0.0.255"), 60))
D.append(cut(udp(138, 138, nbdgm(0x11, browser_announce()), dst="10.0.0.255"), 150))
save("nbt-dgm.pcap", D)

# --- session service, TCP 139 ---
def nbss(t, payload, flags=0): return struct.pack(">BBH", t, flags, len(payload)) + payload
neg_req = smb(0x72, b"", b"\x02PC NETWORK PROGRAM 1.0\0\x02LANMAN1.0\0\x02NT LM 0.12\0")
neg_rsp = smb(0x72, struct.pack("<HBHHIIIIQhB", 2, 3, 50, 1, 16644, 65536, 0, 0x8001e3fc, 0x01d9_1234_5678_9abc, 0, 8),
              bytes(8) + "WORKGROUP\0".encode("utf-16le"), flags=0x98)
S = []
S.append(tcp(1025, 139, nbss(0x81, nbname("SERVER") + nbname("CLIENT", 0x00))))
S.append(tcp(139, 1025, nbss(0x82, b"")))
S.append(tcp(139, 1025, nbss(0x83, b"\x82")))
S.append(tcp(1025, 139, nbss(0x85, b"")))
S.append(tcp(1025, 139, nbss(0x00, neg_req), seq=73))
S.append(tcp(139, 1025, nbss(0x00, neg_rsp), seq=5))
S.append(tcp(1025, 139, nbss(0x00, smb(0x71, b"", b"", tid=1, uid=100)), seq=200))     # tree disconnect
S.append(tcp(1025, 139, nbss(0x84, struct.pack(">IH", 0x0a000003, 139))))              # retarget
S.append(cut(tcp(1025, 139, nbss(0x00, neg_req), seq=73), 30))
S.append(cut(tcp(1025, 139, nbss(0x81, nbname("SERVER") + nbname("CLIENT", 0x00))), 40))
S.append(tcp(1025, 139, b"\x00\x00"))
S.append(ipcut(tcp(139, 1025, nbss(0x00, neg_rsp), seq=5), 30))
save("nbt-ssn.pcap", S)

# --- SMB directly over TCP 445, and SMB2 ---
def smb2(cmd, body, flags=0, mid=0):
    hdr = b"\xfeSMB" + struct.pack("<HHIHHIIQIIQ16s", 64, 0, 0, cmd, 1, flags, 0, mid, 0xfeff, 0, 0, bytes(16))
    return hdr + body
smb2_neg = smb2(0, struct.pack("<HHHHI16sQ", 36, 2, 1, 0, 0x7f, bytes(16), 0) + struct.pack("<HH", 0x0202, 0x0210))
M = []
M.append(tcp(49200, 445, nbss(0x00, neg_req)))
M.append(tcp(445, 49200, nbss(0x00, neg_rsp)))
M.append(tcp(49200, 445, nbss(0x00, smb2_neg), seq=200))
M.append(tcp(445, 49200, nbss(0x00, smb2(0, struct.pack("<HHHH", 65, 1, 0x0210, 0) + bytes(57), flags=1)), seq=300))
M.append(cut(tcp(49200, 445, nbss(0x00, neg_req)), 25))
M.append(cut(tcp(49200, 445, nbss(0x00, smb2_neg), seq=200), 60))
M.append(tcp(49200, 445, b"\x00\x00\x00"))
save("nbt-smb.pcap", M)

# --- NetBEUI over 802.3/LLC SAP 0xf0, NetBIOS over IPX ---
def netbeui(cmd, d1=0, d2=0, x1=0, x2=0, dst=b"", src=b""):
    body = struct.pack("<HHBBHHH", 0, 0xefff, cmd, d1, d2, x1, x2) + dst + src
    return struct.pack("<H", len(body)) + body[2:]
nb_dst = b"WORKGROUP".ljust(15) + b"\x1d"; nb_src = b"MYHOST".ljust(15) + b"\x00"
L = []
L.append(Dot3(src=MAC_A, dst="03:00:00:00:00:01")/LLC(dsap=0xf0, ssap=0xf0, ctrl=3)/Raw(netbeui(0x0a, 0, 0x0102, 0, 0x0003, nb_dst, nb_src)))
L.append(Dot3(src=MAC_A, dst=MAC_B)/LLC(dsap=0xf0, ssap=0xf0, ctrl=3)/Raw(netbeui(0x08, 0, 0, 0, 0, nb_dst, nb_src) + smb(0x25)))
L.append(Dot3(src=MAC_A, dst=MAC_B)/Raw(bytes([0xf0, 0xf0, 0x04, 0x06]) + netbeui(0x16, 0, 0, 0x0001, 0x0203) + smb(0x72, b"", b"\x02NT LM 0.12\0")))
L.append(Dot3(src=MAC_A, dst=MAC_B)/Raw(bytes([0xf0, 0xf1, 0x01, 0x0c])))                  # RR response
L.append(cut(Dot3(src=MAC_A, dst="03:00:00:00:00:01")/LLC(dsap=0xf0, ssap=0xf0, ctrl=3)/Raw(netbeui(0x0a, 0, 0x0102, 0, 0x0003, nb_dst, nb_src)), 20))
def ipx(dskt, payload, ptype=4):
    hdr = struct.pack(">HHBBI6sHI6sH", 0xffff, 30 + len(payload), 0, ptype, 0, b"\xff" * 6, dskt, 0x00000001, bytes.fromhex("001122334455"), dskt)
    return hdr + payload
nbipx_body = bytes(32) + bytes([0x02, 0x01]) + nb_src + nb_dst + smb(0x25)
L.append(Ether(src=MAC_A, dst="ff:ff:ff:ff:ff:ff", type=0x8137)/Raw(ipx(0x455, nbipx_body, 20)))
L.append(Ether(src=MAC_A, dst="ff:ff:ff:ff:ff:ff", type=0x8137)/Raw(ipx(0x553, nb_dst + nb_src + smb(0x25))))
L.append(Dot3(src=MAC_A, dst="ff:ff:ff:ff:ff:ff")/LLC(dsap=0xe0, ssap=0xe0, ctrl=3)/Raw(ipx(0x455, nbipx_body, 20)))
L.append(cut(Dot3(src=MAC_A, dst=MAC_B)/Raw(bytes([0xf0, 0xf0, 0x04, 0x06]) + netbeui(0x16, 0, 0, 0x0001, 0x0203)), 15))  # only 2 LLC bytes
L.append(cut(Dot3(src=MAC_A, dst=MAC_B)/Raw(bytes([0xf0, 0xf0, 0x04, 0x06]) + netbeui(0x16, 0, 0, 0x0001, 0x0203)), 14))  # 3 of 4 LLC bytes
L.append(cut(Ether(src=MAC_A, dst="ff:ff:ff:ff:ff:ff", type=0x8137)/Raw(ipx(0x455, nbipx_body, 20)), 120))  # IPX header cut
# IPX SAP beside NetBIOS over IPX: service types tcpdump names without -n (NetBIOS is 0x0020)
sap_ent = lambda t, n: struct.pack(">H", t) + n.ljust(48, b"\0") + bytes.fromhex("00000001001122334455") + struct.pack(">HH", 0x455, 1)
L.append(Ether(src=MAC_A, dst="ff:ff:ff:ff:ff:ff", type=0x8137)/Raw(ipx(0x452, struct.pack(">HH", 1, 0x0020))))
L.append(Ether(src=MAC_A, dst="ff:ff:ff:ff:ff:ff", type=0x8137)/Raw(ipx(0x452, struct.pack(">H", 2) +
         sap_ent(0x0020, b"MYHOST") + sap_ent(0x030c, b"PRINTER") + sap_ent(0x1234, b"OTHER") + sap_ent(0xffff, b"ANY"))))
save("nbt-llc.pcap", L)

# --- IPX SAP/RIP beside NetBIOS over IPX: IPX lengths that end inside an entry, too many
#     entries, odd bytes in names (tcpdump checks the IPX length before each part) ---
def ipxl(dskt, payload, dl):
    return ipx(dskt, payload)[:2] + struct.pack(">H", 30 + dl) + ipx(dskt, payload)[4:]
E = lambda pl: Ether(src=MAC_A, dst="ff:ff:ff:ff:ff:ff", type=0x8137)/Raw(pl)
three = struct.pack(">H", 2) + sap_ent(0x20, b"MYHOST") + sap_ent(0x4, b"A" * 48) + sap_ent(0x7, b"B" * 10)
X = [E(ipxl(0x452, three, dl)) for dl in (0, 1, 2, 3, 64, 66, 67, 113, 123, 127, 132)]
X += [E(ipxl(0x452, struct.pack(">HH", 1, 0x0004), 2))]
X += [E(ipx(0x452, struct.pack(">H", 2) + b"".join(sap_ent(i, b"N%d" % i) for i in range(9))))]
X += [E(ipx(0x452, struct.pack(">H", 4) + sap_ent(1, bytes(range(1, 49))) + sap_ent(2, bytes(range(128, 176)))))]
rip = struct.pack(">H", 2) + struct.pack(">IHH", 0xa8f87967, 1, 2) * 51
X += [E(ipxl(0x453, rip, dl)) for dl in (1, 2, 9, 10, 17, 410)]
X += [E(ipxl(0x453, struct.pack(">H", 1) + rip[2:], dl)) for dl in (2, 7, 18)]
X += [cut(E(ipx(0x452, three)), 100), cut(E(ipx(0x452, three)), 160)]
def capd(pkt, n):
    """Only n bytes after the IPX header captured."""
    b = bytes(pkt); p = Ether(b[:14 + 30 + n]); p.wirelen = len(b); return p
X += [capd(E(ipxl(0x452, three, dl)), n) for dl, n in ((3, 2), (55, 20), (67, 66), (66, 64), (66, 65))]
save("nbt-ipx.pcap", X)

# --- IP protocol numbers (found while testing the above): tcpdump's built-in names without
#     -n, its own "nd" case for protocol 77 (even with -n), "no next header" over IPv4,
#     ICMP/IGMP only over IPv4, ICMPv6 and Ethernet (143) only over IPv6 ---
ipn = lambda proto, frag=0: eth(IP(src="10.0.0.1", dst="10.0.0.2", proto=proto, frag=frag)/Raw(bytes(8)))
save("ipproto-names.pcap", [ipn(p) for p in (0, 3, 7, 23, 59, 77, 107, 134, 143, 200, 253, 255)] +
     [ipn(p, 10) for p in (6, 17, 4, 77, 143, 250)] +
     [eth(IPv6(src="2001:db8::1", dst="2001:db8::2", nh=p)/Raw(bytes(8))) for p in (1, 2, 77, 143, 200)] +
     [eth(IPv6(src="2001:db8::1", dst="2001:db8::2", nh=143)/Raw(bytes(Ether(src=MAC_B, dst=MAC_A)/IP(src="10.9.9.9", dst="10.8.8.8")/UDP(sport=1, dport=2))))])
