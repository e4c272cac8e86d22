#!/usr/bin/python3
# links-make-captures.py - crafted captures for tests/golden/links.list (print/ppp.c,
# ppi.c, token.c, fddi.c, atm.c, juniper.c, CARP in vrrp.c).  Expected outputs come
# from tcpdump only (tests/golden/regen.sh links.list).  Writes tests/captures/links-*.pcap.
import os, struct
from scapy.all import IP, IPv6, TCP, UDP, ICMP, Raw

CAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "captures")
H = bytes.fromhex


def write(name, linktype, frames):
    with open(os.path.join(CAP, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, linktype))
        for i, fr in enumerate(frames):
            data, wire = (fr, len(fr)) if isinstance(fr, bytes) else fr
            f.write(struct.pack("<IIII", 1700000000 + i, 1000 * i, len(data), wire))
            f.write(data)


def cp(code, ident, body):
    """a control protocol packet (RFC 1661 section 5)"""
    return struct.pack(">BBH", code, ident, 4 + len(body)) + body


def opt(t, v=b""):
    return struct.pack(">BB", t, 2 + len(v)) + v


def ppp(proto, payload, acf=True):
    return (b"\xff\x03" if acf else b"") + struct.pack(">H", proto) + payload


ip4 = bytes(IP(src="10.0.0.1", dst="10.0.0.2", id=1) / ICMP(id=7, seq=1) / Raw(b"ping"))
tcp4 = bytes(IP(src="192.168.1.1", dst="192.168.1.2", id=2) / TCP(sport=1234, dport=80, flags="S", seq=1000,
                                                                       window=8192))
ip6 = bytes(IPv6(src="2001:db8::1", dst="2001:db8::2") / UDP(sport=5000, dport=53) / Raw(b"\x00" * 12))

lcp_opts = (opt(1, H("05dc")) + opt(2, H("000a0000")) + opt(3, H("c22305")) + opt(5, H("12345678")) +
            opt(7) + opt(8) + opt(13, H("01") + b"555") + opt(17, H("05ea")) + opt(19, H("020a000001")) +
            opt(23, H("0102")) + opt(0, H("00000c01aa")) + opt(4, H("c0250000")) + opt(9, H("02")) +
            opt(3, H("c023")) + opt(3, H("c22381")) + opt(19, H("03") + H("00112233445566")[:6]) + opt(19, H("00")))
ppp_frames = [
    ppp(0xc021, cp(1, 1, lcp_opts)),
    ppp(0xc021, cp(2, 1, opt(1, H("05dc")) + opt(5, H("12345678")))),
    ppp(0xc021, cp(4, 2, opt(3, H("c0270000")) + opt(3, H("beef")) + opt(1, H("05")) + opt(0x42, H("0102")))),
    ppp(0xc021, cp(9, 3, H("12345678") + b"hello")),
    ppp(0xc021, cp(10, 3, H("87654321"))),
    ppp(0xc021, cp(8, 4, H("80fd") + cp(1, 1, b""))),
    ppp(0xc021, cp(12, 5, H("12345678") + b"synack-test")),
    ppp(0xc021, cp(13, 6, H("12345678") + H("00000e10") + b"bye")),
    ppp(0xc021, cp(5, 7, b"user request")),
    ppp(0xc021, cp(7, 8, H("0e0100")) ),
    ppp(0xc021, cp(1, 9, b"")),
    ppp(0x8021, cp(1, 1, opt(3, H("0a000001")) + opt(129, H("08080808")) + opt(131, H("08080404")) +
                   opt(2, H("002d0f01")) + opt(1, H("0a0000010a000002")) + opt(130, H("01020304")) +
                   opt(132, H("01020305")) + opt(4, H("0a0a0a0a")) + opt(0x99, H("abcd")))),
    ppp(0x8021, cp(3, 1, opt(3, H("c0a80101")) + opt(2, H("0061000f000f0005000a00ff01020202")))),
    ppp(0x8057, cp(1, 1, opt(1, H("0211223344556677")) + opt(2, H("0000")))),
    ppp(0x80fd, cp(1, 1, opt(26, H("7800")) + opt(21, H("2c")) + opt(24, H("a503")) + opt(18, H("01000040")) +
                   opt(17, H("000103")))),
    ppp(0x80fd, cp(14, 2, b"")),
    ppp(0x80fd, cp(15, 2, H("0102"))),
    ppp(0xc02b, cp(1, 1, opt(1, H("cafebabe")) + opt(2, H("01")))),
    ppp(0xc223, H("010100160a") + H("00112233445566778899") + b"router"),
    ppp(0xc223, H("0201001a10") + bytes(range(16)) + b"alice"),
    ppp(0xc223, H("03010009") + b"Hello"),
    ppp(0xc223, H("0401000a") + b"no\x01go"),
    ppp(0xc023, H("01020010") + b"\x05alice\x05s3cr3"),
    ppp(0xc023, H("0202000a") + b"\x04Okay"),
    ppp(0xc023, H("03030005") + b"\x00"),
    ppp(0x003d, H("c0123456") + ip4),
    ppp(0x003d, H("00ff")),
    ppp(0x0021, ip4),
    ppp(0x0057, ip6),
    ppp(0x0021, tcp4, acf=False),
    b"\x21" + ip4,
    ppp(0x00fd, H("0102030405")),
    ppp(0x1234, H("0102030405")),
    ppp(0x8035, cp(1, 1, H("0102"))),
    ppp(0xc02d, H("01020003")),
    ppp(0x0281, H("0001e1ff") + ip4),
    (ppp(0x0021, ip4[:20]), len(ip4) + 4),
    (ppp(0xc021, cp(1, 1, lcp_opts)[:20]), 4 + len(lcp_opts) + 4),
    H("ff03c0"),
    ppp(0xc021, cp(0, 1, H("1234567800000c01aa"))),
    ppp(0xc021, cp(11, 1, H("12345678"))),
    ppp(0xc021, cp(16, 1, b"ab")),
    ppp(0x8021, cp(1, 1, H("020e0061000f000f0005000a00ff"))),
    ppp(0x8021, cp(1, 1, H("0212006100"))),
    ppp(0x8021, cp(1, 1, H("0206006100"))),
]
write("links-ppp.pcap", 9, ppp_frames)
# pppd's direction header (DLT_PPP_PPPD)
write("links-pppd.pcap", 166, [b"\x00\x03" + H("0021") + ip4, b"\x01\x03" + H("c021") + cp(9, 1, H("01020304"))])
# PPP in HDLC-like framing (DLT_PPP_SERIAL), with escapes, and Cisco HDLC
write("links-pppser.pcap", 50, [
    ppp(0x0021, tcp4),
    ppp(0xc021, cp(1, 1, opt(1, H("05dc")) + opt(5, H("01020304")))),
    b"\x0f\x00\x08\x00" + ip4,
    b"\x8f\x00\x80\x35" + H("00000002000000010000000affff"),
    b"\xff\x03\x7e\x21" + ip4[:10] + b"\x7d\x5e" + ip4[11:],
    b"\xff\x03\x7e\x80\x21" + cp(1, 1, opt(3, H("0a7d3300"))),
    b"\xff\x03\x7e\xff\x03\x00\x21" + ip4,
    b"\xff\x03\x7e\x7e\x21",
    b"\x11\x22\x33\x44\x55",
    (b"\xff\x03", 60),
    (ppp(0x0021, ip4)[:12], len(ip4) + 4),
])
# PPPoE without Ethernet (DLT_PPP_ETHER)
pppoe_s = struct.pack(">BBHH", 0x11, 0, 0x1234, 2 + len(ip4)) + H("0021") + ip4
pppoe_d = struct.pack(">BBHH", 0x11, 0x09, 0, 8) + H("01010000") + H("01030000")
pppoe_l = struct.pack(">BBHH", 0x11, 0, 0x1234, 2 + 8) + H("c021") + cp(9, 1, H("0a0b0c0d"))
write("links-pppoe.pcap", 51, [pppoe_s, pppoe_d, pppoe_l, (pppoe_s[:16], len(pppoe_s))])
# PPP over Ethernet type 0x880b
eth = H("0200000000aa0200000000bb880b")
write("links-ppp-ether.pcap", 1, [eth + ppp(0x0021, ip4, acf=False), eth + H("c021") + cp(1, 1, opt(1, H("0400")))])

# SunATM (DLT_SUNATM): signalling, OAM F4 cells, LLC/SNAP IP, unknown LLC
def oam_cell(vpi, vci, pti, tf, body):
    hdr = struct.pack(">I", (vpi << 20) | (vci << 4) | (pti << 1))
    pl = bytes([tf]) + body.ljust(45, b"\x6a")
    # CRC-10 over the 48-byte payload with the CRC field zero
    data = pl + b"\x00\x00"
    crc = 0
    for b in data:
        for k in range(7, -1, -1):
            inb = ((b >> k) & 1) ^ ((crc >> 9) & 1)
            crc = (crc << 1) & 0x3ff
            if inb:
                crc ^= 0x233
    return hdr + pl + struct.pack(">H", crc)


snap_ip = H("aaaa030000000800") + ip4
atm = [
    H("02000005") + H("09030000010500"),
    H("82000005") + H("0903123456f9"),
    H("02000005") + H("0a0000"),
    H("02000003") + b"\x55" + oam_cell(0, 3, 0, 0x18, H("01a1b2c3d4") + bytes(range(32))),
    H("82000004") + b"\x55" + oam_cell(0, 4, 0, 0x10, H("6a") + bytes(range(16))),
    H("02000004") + b"\x55" + oam_cell(0, 4, 0, 0x24, b""),
    H("02000003") + b"\x55" + oam_cell(0, 3, 0, 0x81, b"")[:30],
    H("02010020") + snap_ip,
    H("02000002") + H("00"),
    H("02000001") + H("00"),
    (H("02010020") + snap_ip[:20], 4 + len(snap_ip)),
]
write("links-sunatm.pcap", 123, atm)

# Juniper: ATM1 (OAM, SNAP, raw IP), ATM2, Ether, PPP, ES, Monitor, Services, extensions
jmagic = H("4d4743")
ext_tlvs = H("010405000000") + H("030101") + H("06010e") + H("810200ff")
ext = struct.pack(">H", len(ext_tlvs)) + ext_tlvs
eth_frame = H("0200000000aa0200000000bb0800") + ip4
write("links-juniper-atm1.pcap", 137, [
    jmagic + H("01") + H("00001234") + snap_ip,
    jmagic + H("00") + H("00001234") + ip4,
    jmagic + H("01") + H("80000000") + oam_cell(0, 5, 4, 0x18, b"\x01" + bytes(range(36))),
    jmagic + H("01") + H("00001234") + H("0302") + b"\x00" * 6,
    jmagic + H("81") + ext + H("00001234") + snap_ip,
    jmagic + H("03") + H("00000000") + ip4,
    jmagic + H("01") + H("54001234ab") + ip4,
])
write("links-juniper-ether.pcap", 178, [
    jmagic + H("01") + eth_frame,
    jmagic + H("80") + ext + eth_frame,
    jmagic + H("80") + H("000a") + H("0a0f") + b"\x00" * 8 + eth_frame,
    (jmagic + H("01") + eth_frame[:20], len(eth_frame) + 4),
])
write("links-juniper-ppp.pcap", 179, [jmagic + H("01") + ppp(0x0021, ip4), jmagic + H("00") + ppp(0xc021, cp(9, 1, H("01020304")))])
write("links-juniper-es.pcap", 132, [
    jmagic + H("01") + H("0001400300001000") + H("0a000001") + H("0a000002") + ip4,
    jmagic + H("01") + H("0002400100000000") + H("00000000") + H("00000000") + ip4[:20],
    jmagic + H("01") + H("0003400900000000") + H("00000000") + H("00000000"),
])
write("links-juniper-monitor.pcap", 164, [
    jmagic + H("01") + H("0000000000000001") + H("0100000500000007") + ip4,
    jmagic + H("00") + H("4700000000000001") + H("0000000500000007") + ip6,
])
write("links-juniper-services.pcap", 136, [jmagic + H("01") + H("0100000000000001") + H("0102000300000005") + ip4])
write("links-juniper-chdlc.pcap", 181, [jmagic + H("01") + H("0f000800") + ip4])

# CARP (IP protocol 112 with -T carp): good and bad checksums, ttl not 255, v1, truncated
from scapy.all import Ether, checksum


def carp(vhid, skew, base, counter, good=True, vt=0x21):
    body = struct.pack(">BBBBBBH", vt, vhid, skew, 7, 0, base, 0) + struct.pack(">Q", counter) + bytes(range(20))
    ck = checksum(body) if good else 0x1234
    return body[:6] + struct.pack(">H", ck) + body[8:]


def carp_frame(payload, ttl=255, v6=False):
    if v6:
        l3 = IPv6(src="fe80::1", dst="ff02::12", nh=112, hlim=ttl) / Raw(payload)
    else:
        l3 = IP(src="192.168.0.2", dst="224.0.0.18", proto=112, ttl=ttl, id=9) / Raw(payload)
    return bytes(Ether(src="00:00:5e:00:01:01", dst="01:00:5e:00:00:12") / l3)


cf = carp_frame(carp(1, 0, 1, 0x0102030405060708))
write("links-carp.pcap", 1, [
    cf,
    carp_frame(carp(2, 100, 3, 42, good=False)),
    carp_frame(carp(3, 0, 1, 7), ttl=64),
    carp_frame(carp(4, 0, 1, 7, vt=0x11)),
    carp_frame(carp(5, 0, 1, 7, vt=0x22)),
    carp_frame(carp(6, 10, 1, 99), v6=True),
    (cf[:14 + 20 + 12], len(cf)),
])

# PPI (DLT_PPI) around 802.11, Ethernet and an unknown link type; bad and short headers
def ppi(dlt, frame, fields=b"", ver=0):
    return struct.pack("<BBHI", ver, 0, 8 + len(fields), dlt) + fields + frame


common = struct.pack("<HH", 2, 20) + struct.pack("<QHHHHbb", 123456789, 0, 0x2412, 0x00a0, 0, -40, -95)
wlan_data = struct.pack("<HH", 0x0208, 44) + H("0200000000aa0200000000bb0200000000cc") + H("1000") + \
    H("aaaa030000000800") + ip4
beacon = struct.pack("<HH", 0x0080, 0) + H("ffffffffffff0200000000bb0200000000bb") + H("2000") + \
    struct.pack("<QHH", 1000, 100, 0x0401) + H("0004") + b"test" + H("010482848b96")
eth = H("0200000000aa0200000000bb0800") + ip4
write("links-ppi.pcap", 192, [
    ppi(105, wlan_data, common),
    ppi(105, beacon),
    ppi(1, eth),
    ppi(147, H("0102030405")),
    struct.pack("<BBHI", 0, 0, 4, 105) + wlan_data,
    struct.pack("<BBHI", 0, 0, 200, 105) + wlan_data[:10],
    H("0000"),
    (ppi(105, wlan_data, common)[:40], 8 + 24 + len(wlan_data)),
    # PPI inside PPI, twice nested, and truncated inside
    ppi(192, ppi(1, eth)),
    ppi(192, ppi(192, ppi(105, wlan_data, common))),
    ppi(192, ppi(192, H("0000"))),
])

# Token Ring (DLT_IEEE802): LLC/SNAP IP, source routed (2 segments), a MAC frame, unknown LLC, short
llc_snap_ip = H("aaaa030000000800") + ip4
tr_dst, tr_src = H("0200000000aa"), H("0200000000bb")
tr_src_rt = bytes([tr_src[0] | 0x80]) + tr_src[1:]
write("links-token.pcap", 6, [
    H("1040") + tr_dst + tr_src + llc_snap_ip,
    H("1040") + tr_dst + tr_src_rt + H("06b0") + H("00110022") + llc_snap_ip,
    H("1040") + tr_dst + tr_src_rt + H("c230") + llc_snap_ip,
    H("1000") + tr_dst + tr_src + H("0011223344"),
    H("1040") + tr_dst + tr_src + H("f0f0030102"),
    H("1040") + tr_dst[:4],
    H("1040") + tr_dst + tr_src_rt + H("0a"),
    H("1040") + tr_dst + tr_src_rt + H("0880") + H("0011"),
    (H("1040") + tr_dst + tr_src + llc_snap_ip[:20], 14 + len(llc_snap_ip)),
    # source routed, then LLC that prints the addresses itself: routing bit cleared there too
    H("1040") + tr_dst + tr_src_rt + H("8270") + H("121203") + bytes(range(12)),
    H("1040") + tr_dst + tr_src_rt + H("86300010") + H("f0f003") + bytes(range(12)),
])
# FDDI (DLT_FDDI): LLC/SNAP IP, SMT, MAC claim, void, sync, short
write("links-fddi.pcap", 10, [
    H("50") + tr_dst + tr_src + llc_snap_ip,
    H("57") + tr_dst + tr_src + llc_snap_ip,
    H("41") + tr_dst + tr_src + H("0102030405"),
    H("c3") + tr_dst + tr_src + H("0102"),
    H("40") + tr_dst + tr_src,
    H("d1") + tr_dst + tr_src + H("01"),
    H("c5") + tr_dst + tr_src + H("01"),
    H("45") + tr_dst + tr_src + H("01"),
    H("20") + tr_dst + tr_src + H("01"),
    H("50") + tr_dst + tr_src + H("e0e0030102"),
    H("50") + tr_dst,
    (H("50") + tr_dst + tr_src + llc_snap_ip[:20], 13 + len(llc_snap_ip)),
])

# DLT_PPP_BSDOS: tcpdump decodes it only on BSD/OS and prints nothing elsewhere
write("links-ppp-bsdos.pcap", 16, [H("ff030021") + ip4, H("00")])

# SunATM LAN emulation: control frames and an Ethernet frame behind a LEC id
write("links-sunatm-lane.pcap", 123, [
    H("01010040") + H("ff000101") + H("0001") + b"\x00" * 10,
    H("81010040") + H("ff000101") + H("0106") + b"\x00" * 10,
    H("01010040") + H("ff000101") + H("0042"),
    H("01010041") + H("0005") + eth_frame,
    H("01010041") + H("0005") + eth_frame[:20],
])

# Juniper multilink PPP: bundle cookie, link-services and adaptive-services cookies
write("links-juniper-mlppp.pcap", 130, [
    jmagic + H("01") + H("0503") + ppp(0x0021, ip4),
    jmagic + H("00") + H("ff03") + H("0021") + ip4,
    jmagic + H("01") + H("0023") + H("0021") + ip4,
    jmagic + H("01") + H("5407ab12") + ppp(0xc021, cp(9, 1, H("01020304"))),
    jmagic + H("01") + H("4700000000000048") + ip4,
    jmagic + H("01") + H("4700000000100048") + ip6,
    jmagic + H("01") + H("470000000c000048") + ppp(0x0021, ip4),
    jmagic + H("01") + H("4700000000200048") + H("0001e1ff") + ip4,
])
