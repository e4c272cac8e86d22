#!/usr/bin/python3
# linka-make-captures.py - crafted captures for tests/golden/linka.list (print/links2.c:
# NFLOG, PKTAP / USER2, IPNET, ENC, PFLOG, Symantec firewall, netANALYZER (and
# transparent), IPoIB, IP over Fibre Channel, Apple IP over IEEE 1394, Broadcom tag
# prepended, and link type 112, Cisco HDLC).  Expected outputs come from tcpdump only
# (tests/golden/regen.sh linka.list).  Writes tests/captures/linka-*.pcap.
import os, struct
from scapy.all import IP, IPv6, TCP, UDP, ICMP, ARP, Ether, Raw

CAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "captures")
H = bytes.fromhex


def write(name, linktype, frames, order="<"):
    """frames: bytes, or (bytes, wirelen), or (bytes, wirelen, caplen) to cut the capture;
    order ">" writes a big-endian file (as a big-endian host would)"""
    with open(os.path.join(CAP, name), "wb") as f:
        f.write(struct.pack(order + "IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, linktype))
        for i, fr in enumerate(frames):
            if isinstance(fr, bytes):
                data, wire = fr, len(fr)
            elif len(fr) == 2:
                data, wire = fr
            else:
                data, wire = fr[0][:fr[2]], fr[1]
            f.write(struct.pack(order + "IIII", 1700000000 + i, 1000 * i, len(data), wire))
            f.write(data)


def cut(frame, n):
    """frame captured to n bytes"""
    return (frame, len(frame), n)


tcp4 = bytes(IP(src="192.0.2.1", dst="192.0.2.2", id=7, ttl=64) /
             TCP(sport=40000, dport=80, flags="S", seq=1000, window=29200,
                 options=[("MSS", 1460), ("SAckOK", b""), ("Timestamp", (1, 0)), ("NOP", None),
                          ("WScale", 7)]))
udp6 = bytes(IPv6(src="2001:db8::1", dst="2001:db8::2", hlim=64) / UDP(sport=5000, dport=5001) /
             Raw(b"hello, world"))
icmp4 = bytes(IP(src="10.1.1.1", dst="10.1.1.2", id=9) / ICMP(id=3, seq=4) / Raw(b"abcdefgh"))
arp = bytes(ARP(op=1, hwsrc="00:11:22:33:44:55", psrc="10.0.0.1", pdst="10.0.0.2"))
eth_tcp = bytes(Ether(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb", type=0x0800)) + tcp4
eth_udp6 = bytes(Ether(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb", type=0x86dd)) + udp6
eth_arp = bytes(Ether(src="00:11:22:33:44:55", dst="ff:ff:ff:ff:ff:ff", type=0x0806)) + arp
eth_unk = bytes(Ether(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb", type=0x88b5)) + b"\x01\x02\x03\x04" * 4
rnd = bytes(range(0x30, 0x70))


# ---- NFLOG (239): family version rid(BE), then TLVs (length, type: host order) --------
def tlv(t, v, order="<"):
    n = 4 + len(v)
    pad = (4 - n % 4) % 4
    return struct.pack(order + "HH", n, t) + v + b"\x00" * pad


def nflog(fam, body, ver=0, rid=20):
    return struct.pack(">BBH", fam, ver, rid) + body


nf_pre = (tlv(1, H("08000300")) + tlv(10, b"synack\x00") + tlv(4, H("00000002")) +
          tlv(8, H("000600000011223344550000")))
write("linka-nflog.pcap", 239, [
    nflog(2, nf_pre + tlv(9, tcp4)),
    nflog(10, tlv(1, H("86dd0100")) + tlv(9, udp6), rid=65535),
    nflog(7, nf_pre + tlv(9, rnd)),                    # unknown family: header + hex
    nflog(2, tlv(9, icmp4), ver=1),                    # unknown version
    nflog(2, nf_pre),                                   # no payload TLV
    nflog(2, struct.pack("<HH", 2, 9) + tcp4),          # TLV length < 4
    nflog(2, struct.pack("<HH", 200, 5) + b"\x00" * 8),  # TLV longer than the capture
    nflog(2, tlv(9, tcp4))[:3],                         # header cut
    cut(nflog(2, nf_pre + tlv(9, tcp4)), 30),           # cut in the TLVs
    cut(nflog(2, nf_pre + tlv(9, tcp4)), 70),           # cut in the IPv4 header
    cut(nflog(10, tlv(9, udp6)), 50),                   # cut in the IPv6 payload
    nflog(2, tlv(3, b"\x00" * 16) + tlv(9, b"")),       # empty payload
    nflog(2, struct.pack("<HH", 0xffff, 5) + tcp4),     # TLV length that wraps when padded
])
# written by a big-endian host: libpcap swaps the TLV headers back
write("linka-nflog-be.pcap", 239, [
    nflog(2, tlv(1, H("08000300"), ">") + tlv(10, b"be\x00", ">") + tlv(9, tcp4, ">")),
    nflog(10, tlv(9, udp6, ">")),
], order=">")


# ---- PKTAP (258) and USER2 (149): a 108-byte little-endian header, then the frame ----
def pktap(dlt, frame, rectype=1, hdrlen=108, ifname=b"en0", extra=b""):
    h = struct.pack("<III24sIIIII20sIHHI20s", hdrlen, rectype, dlt, ifname, 0, 2, 14, 0, 1234,
                    b"curl", 0, 6, 0, 1234, b"curl")
    return h + extra + frame


pk_frames = [
    pktap(1, eth_tcp),
    pktap(1, eth_udp6, ifname=b"en1"),
    pktap(12, tcp4),                        # DLT_RAW
    pktap(0, struct.pack("<I", 2) + icmp4),  # DLT_NULL
    pktap(147, rnd),                        # a DLT without a printer: header + hex
    pktap(1, eth_tcp, rectype=0),           # no data
    pktap(1, eth_tcp, rectype=5),           # unknown record type
    pktap(1, eth_arp, hdrlen=112, extra=b"\xee" * 4),
    pktap(1, eth_tcp, hdrlen=100),          # header length too small
    pktap(1, b"", hdrlen=200),              # header length past the packet
    pktap(1, eth_tcp)[:90],                 # packet shorter than the header
    cut(pktap(1, eth_tcp), 100),            # capture cut in the header
    cut(pktap(1, eth_tcp), 130),            # capture cut in the IPv4 header
    pktap(1, eth_unk),
    pktap(113, H("00000001000600112233445500000800") + icmp4),  # Linux cooked
    pktap(101, tcp4),                       # LINKTYPE_RAW is not a DLT tcpdump looks up
    pktap(258, pktap(1, eth_tcp)),          # PKTAP in PKTAP
    pktap(149, pktap(12, tcp4)),
    pktap(0xffffffff, rnd[:8]),
    pktap(1, eth_tcp, hdrlen=0xffffffff),
]
write("linka-pktap.pcap", 258, pk_frames)
write("linka-user2.pcap", 149, pk_frames[:5])


# ---- IPNET (226): version family htype pktlen ifindex grifindex zsrc zdst -----------
def ipnet(fam, payload, zsrc=0, zdst=1):
    return struct.pack(">BBHIIIII", 1, fam, 0, len(payload), 3, 0, zsrc, zdst) + payload


write("linka-ipnet.pcap", 226, [
    ipnet(2, tcp4),
    ipnet(26, udp6, zsrc=5, zdst=4294967295),
    ipnet(9, rnd),
    ipnet(2, tcp4)[:20],
    cut(ipnet(2, icmp4), 40),
])


# ---- ENC (109): af (host order), SPI (BE), flags (host order) -----------------------
def enc(af, spi, flags, payload, big=False):
    e = ">" if big else "<"
    return struct.pack(e + "I", af) + struct.pack(">I", spi) + struct.pack(e + "I", flags) + payload


write("linka-enc.pcap", 109, [
    enc(2, 0x1234, 0, tcp4),
    enc(2, 0xdeadbeef, 0x800, icmp4),
    enc(24, 0x100, 0x400, udp6),
    enc(28, 0x101, 0xc00, udp6, big=True),
    enc(30, 0x102, 0x801, udp6),
    enc(2, 0x103, 0x1, icmp4),
    enc(7, 0x104, 0x400, rnd),
    enc(2, 5, 0, tcp4)[:10],
    cut(enc(2, 6, 0x800, tcp4), 30),
])


# ---- PFLOG (117): length af action reason ifname[16] ruleset[16] rulenr subrulenr ---
# uid pid rule_uid rule_pid dir pad[3] (on the systems that are not OpenBSD)
def pflog(af, action, reason, direction, payload, rulenr=3, subrulenr=0xffffffff, ruleset=b"",
          ifname=b"em0", length=61, uid=0xffffffff, tail=b""):
    h = struct.pack(">BBBB16s16sII", length, af, action, reason, ifname, ruleset, rulenr, subrulenr)
    h += struct.pack("<IiIiB3s", uid, -1, 0, 0, direction, b"") + tail
    hl = (length + 3) & ~3
    h = h[:hl] if hl < len(h) else h + b"\x00" * (hl - len(h))
    return h + payload


write("linka-pflog.pcap", 117, [
    pflog(2, 0, 0, 1, tcp4),
    pflog(24, 1, 1, 2, udp6, rulenr=12, subrulenr=4, ruleset=b"anchor/x"),
    pflog(28, 2, 2, 0, udp6),
    pflog(30, 3, 3, 3, udp6),
    pflog(2, 4, 4, 1, icmp4, uid=1000),
    pflog(2, 5, 5, 1, icmp4, ifname=b"vlan\x01\x80x"),
    pflog(2, 6, 6, 1, icmp4, ruleset=b"0123456789abcdef", subrulenr=0),
    pflog(2, 7, 7, 1, icmp4),
    pflog(2, 8, 8, 1, icmp4),
    pflog(2, 9, 9, 1, icmp4),
    pflog(2, 10, 10, 1, icmp4),
    pflog(2, 11, 11, 1, icmp4),
    pflog(2, 12, 12, 1, icmp4),
    pflog(2, 13, 13, 1, icmp4),
    pflog(2, 14, 14, 1, icmp4),
    pflog(2, 15, 15, 1, icmp4),
    pflog(2, 99, 99, 9, icmp4),
    pflog(17, 1, 0, 1, rnd),                           # unknown family: header + hex
    pflog(2, 1, 0, 1, tcp4, length=72, tail=struct.pack(">I", 77) + b"\x00" * 4),  # FreeBSD
    pflog(2, 1, 0, 1, icmp4, length=40),               # invalid header length
    pflog(2, 1, 0, 1, icmp4, length=45),               # shortest valid length
    pflog(10, 1, 0, 1, udp6),                          # Linux AF_INET6
    pflog(2, 1, 0, 1, icmp4, length=66),               # rounded up to 68
    pflog(24, 1, 0, 1, udp6, length=255),
    pflog(2, 1, 0, 1, tcp4)[:1],
    pflog(2, 1, 0, 1, tcp4)[:50],                      # shorter than the header length
    cut(pflog(2, 1, 0, 1, tcp4), 62),                  # header length 64 > caplen 62
    cut(pflog(2, 1, 0, 1, tcp4, length=45), 60),       # caplen covers length, not the struct
    cut(pflog(2, 1, 0, 1, tcp4), 80),                  # cut in the IPv4 header
])


# ---- Symantec firewall (99): 6 bytes, ethertype, 36 bytes ---------------------------
def sym(etype, payload):
    return b"\x00" * 6 + struct.pack(">H", etype) + b"\x11" * 36 + payload


write("linka-symantec.pcap", 99, [
    sym(0x0800, tcp4),
    sym(0x86dd, udp6),
    sym(0x0806, arp),
    sym(0x0040, rnd),
    sym(0x88b5, rnd),
    sym(0x0800, tcp4)[:30],
    cut(sym(0x0800, tcp4), 60),
])

# ---- netANALYZER (240): 4-byte header; transparent (241): 4 + preamble 7 + SFD 1 ----
na = H("01020304")
write("linka-netanalyzer.pcap", 240, [
    na + eth_tcp, na + eth_udp6, na + eth_arp, na + eth_unk, na[:3], (na + eth_tcp)[:12],
    cut(na + eth_tcp, 40),
])
nat = na + H("55555555555555d5")
write("linka-netanalyzer-t.pcap", 241, [
    nat + eth_tcp, nat + eth_udp6, nat + eth_arp, nat + eth_unk, nat[:10], (nat + eth_tcp)[:20],
    cut(nat + eth_tcp, 48),
])


# ---- IPoIB (242): 44 bytes, the ethertype at offset 40 -------------------------------
def ipoib(etype, payload):
    return bytes(range(40)) + struct.pack(">HH", etype, 0) + payload


write("linka-ipoib.pcap", 242, [
    ipoib(0x0800, tcp4), ipoib(0x86dd, udp6), ipoib(0x0806, arp), ipoib(0x88b5, rnd), ipoib(0x0200, rnd),
    ipoib(0x0800, tcp4)[:40], cut(ipoib(0x0800, icmp4), 44), cut(ipoib(0x0800, tcp4), 60),
])


# ---- IP over Fibre Channel (122): dst(2+6) src(2+6), then LLC/SNAP ------------------
def ipfc(payload, snap=b"\xaa\xaa\x03\x00\x00\x00\x08\x00"):
    return (H("1000") + H("0a0b0c0d0e0f") + H("1000") + H("001122334455")) + snap + payload


write("linka-ipfc.pcap", 122, [
    ipfc(tcp4),
    ipfc(udp6, snap=H("aaaa0300000086dd")),
    ipfc(arp, snap=H("aaaa03000000 0806".replace(" ", ""))),
    ipfc(rnd, snap=H("f0f003")),
    ipfc(rnd, snap=H("424203")),
    ipfc(tcp4)[:12],
    cut(ipfc(tcp4), 30),
])


# ---- Apple IP over IEEE 1394 (138): dst(8) src(8) type(2) ----------------------------
def fw(etype, payload):
    return H("0011223344556677") + H("8899aabbccddeeff") + struct.pack(">H", etype) + payload


write("linka-ap1394.pcap", 138, [
    fw(0x0800, tcp4), fw(0x86dd, udp6), fw(0x0806, arp), fw(0x88b5, rnd), fw(0x0800, tcp4)[:17],
    cut(fw(0x0800, tcp4), 40),
])

# ---- Broadcom tag prepended (282): 4-byte tag, then Ethernet -------------------------
write("linka-brcmp.pcap", 282, [
    H("20000001") + eth_tcp,      # egress, port 1
    H("00010002") + eth_udp6,
    H("40400100") + eth_arp,      # ingress
    H("00000005") + eth_unk,
    H("200000"),
    (H("20000001") + eth_tcp)[:14],
    cut(H("20000001") + eth_tcp, 40),
])

# ---- link type 112 (DLT_HDLC on NetBSD): Cisco HDLC ----------------------------------
write("linka-hdlc.pcap", 112, [
    H("0f000800") + tcp4,
    H("8f0086dd") + udp6,
    H("0f008035") + H("00000000") + H("0a000001ffffff00") + H("ffff"),
    H("0f00"),
    cut(H("0f000800") + tcp4, 20),
])
