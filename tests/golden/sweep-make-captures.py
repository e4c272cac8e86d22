#!/usr/bin/python3
# sweep-make-captures.py - small captures for tests/golden/sweep.list: one case for each
# difference the dispatch sweeps (tests/golden/sweep-*.py) found between tcpdump and synack.
# Expected outputs come from tcpdump (bash tests/golden/regen.sh sweep.list).
# Run: /usr/bin/python3 tests/golden/sweep-make-captures.py
import os, struct, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_lib import write_pcap, eth, ip4, ip6, csum, cks6, a6

CAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "captures")


def icmp(t, c, rest, body):
    h = struct.pack("!BBH", t, c, 0) + rest + body
    return h[:2] + struct.pack("!H", csum(h)) + h[4:]


def icmp_ext_mpls():
    h = struct.pack("!BBH", 0x20, 0, 0) + struct.pack("!HBB", 8, 1, 1) + \
        struct.pack("!I", (100 << 12) | (1 << 8) | 64)
    return h[:2] + struct.pack("!H", csum(h)) + h[4:]


def sweep_icmp():
    """quoted ip_len shorter than 4 / than a header; DNS truncated inside a quote
    followed by RFC 4884 extensions (tcpdump's DNS printer returns, ICMP goes on)."""
    fr = []
    for il in (0, 3, 4, 19, 20):
        u = struct.pack("!HHHH", 1234, 9999, 20, 0) + b"\0" * 12
        inner = ip4(17, u, src="10.0.0.2", dst="10.9.9.9", tot=il)
        fr.append(eth(0x800, ip4(1, icmp(3, 0, b"\0" * 4, inner))))
    u = struct.pack("!HHHH", 1234, 53, 20, 0) + b"\0" * 12
    inner = ip4(17, u, src="10.0.0.2", dst="10.9.9.9")
    pkt = eth(0x800, ip4(1, icmp(11, 0, struct.pack("!BBH", 0, 32, 0),
                                 inner + b"\0" * (128 - len(inner)) + icmp_ext_mpls())))
    fr.append(pkt)
    fr.append((pkt, 14 + 20 + 8 + 20 + 8 + 6))
    write_pcap(os.path.join(CAP, "sweep-icmp.pcap"), fr)


def icmp6(t, c, body, src="fe80::1", dst="ff02::1"):
    h = struct.pack("!BBH", t, c, 0) + body
    h = h[:2] + struct.pack("!H", cks6(src, dst, 58, h)) + h[4:]
    return eth(0x86dd, ip6(58, h, src=src, dst=dst, hlim=255))


def sweep_icmp6():
    """DNSSL names with bad label types / pointers, RPL DIO/DAO/DAO-ACK shorter than
    their fixed parts, node information messages cut short (tcpdump goes on to
    ", length N" except when a name's first byte is missing)."""
    ra = struct.pack("!BBHII", 64, 0xc0, 1800, 0, 0)
    fr = []
    for name in (b"\x03abc\x00", b"\x45abcdef", b"\xc0\x30\x00\x00\x00\x00", b"\x80\x01",
                 b"\x04te\x01t\x03com\x00"):
        d = struct.pack("!xxI", 3600) + name
        d += b"\0" * (-(len(d) + 2) % 8)
        fr.append(icmp6(134, 0, ra + struct.pack("!BB", 31, (len(d) + 2) // 8) + d))
    fr.append(icmp6(155, 1, b""))
    fr.append(icmp6(155, 1, struct.pack("!BBBB", 1, 0, 0, 0)))
    fr.append(icmp6(155, 2, b""))
    fr.append(icmp6(155, 2, struct.pack("!BBBB", 1, 0, 0, 3)))
    fr.append(icmp6(155, 3, b""))
    fr.append(icmp6(155, 3, struct.pack("!BBBB", 1, 0, 0, 3)))
    fr.append(icmp6(139, 0, b"\0" * 4))
    fr.append(icmp6(139, 0, b"\0\x02\0\0" + b"\1" * 5))
    fr.append(icmp6(140, 0, b"\0\x02\0\0" + b"\1" * 5))
    fr.append(icmp6(140, 0, b"\0\x02\0\0" + b"\1" * 8))
    fr.append(icmp6(139, 1, b"\0\x02\0\0" + b"\1" * 8))
    write_pcap(os.path.join(CAP, "sweep-icmp6.pcap"), fr)


def ext6(nh, body):
    b = struct.pack("!BB", nh, 0) + body
    b += b"\0" * (-len(b) % 8)
    return bytes([b[0], len(b) // 8 - 1]) + b[2:]


def sweep_ip6opt():
    """IPv6 hop-by-hop / destination options with wrong lengths (tcpdump names the
    option before the marker, even without -v) and home address sub-options."""
    u6 = struct.pack("!HHHH", 1234, 9999, 12, 0) + b"abcd"
    fr = []
    for hdr in (0, 60):
        for body in (b"\x05\x02\0\0", b"\x05\x04\0\0\0\0", b"\x01\x00\x05\x01\0",
                     b"\xc2\x04\0\0\0\0", b"\xc2\x08" + bytes(8), b"\x01\x00\xc2\x01\0",
                     b"\xc9\x04" + bytes(4), b"\xc9\x0c" + bytes(12), b"\x01\x00\xc9\x0e" + bytes(14),
                     b"\xc9\x13" + a6("2001:db8::7") + b"\0\1\1\0",
                     b"\xc9\x13" + a6("2001:db8::7") + b"\x07\1x",
                     b"\xc9\x12" + a6("2001:db8::7") + b"\1\5"):
            fr.append(eth(0x86dd, ip6(hdr, ext6(17, body) + u6)))
    write_pcap(os.path.join(CAP, "sweep-ip6opt.pcap"), fr)


def sweep_gre():
    """GRE carrying IPX and AppleTalk DDP (no "et1" mark under -v)."""
    inner4 = ip4(17, struct.pack("!HHHH", 1, 2, 12, 0) + b"abcd", src="192.168.0.1",
                 dst="192.168.0.2")
    fr = []
    for proto in (0x8137, 0x809b):
        for flags in (0x0000, 0x3000):
            h = struct.pack("!HH", flags, proto) + (struct.pack("!II", 5, 6) if flags else b"")
            fr.append(eth(0x800, ip4(47, h + inner4)))
        fr.append(eth(0x800, ip4(47, struct.pack("!HH", 0, proto) + b"\0\1")))
    write_pcap(os.path.join(CAP, "sweep-gre.pcap"), fr)


def sweep_ppp():
    """DLT_PPP: PAP/CHAP cut after the code, LCP vendor / callback options cut short,
    IPCP unknown option cut short under -vv, OSI NLPIDs 0x08 (Q.933) and 0xcf (PPP)."""
    fr = []
    for proto in (0xc023, 0xc223):
        for code in (1, 8):
            m = b"\xff\x03" + struct.pack("!HBBH", proto, code, 7, 12) + b"\x04abcd\x02xy"
            fr.append(m)
            fr.append((m, 5))
    for ot, ln in ((0, 10), (13, 18)):
        o = bytes([ot, ln]) + bytes(range(1, ln - 1))
        m = b"\xff\x03" + struct.pack("!HBBH", 0xc021, 1, 7, 4 + ln) + o
        fr.append(m)
        fr.append((m, 10))
    o = bytes([0x24, 10]) + bytes(range(1, 9))
    m = b"\xff\x03" + struct.pack("!HBBH", 0x8021, 1, 7, 14) + o
    fr.append(m)
    fr.append((m, 15))
    fr.append(b"\xff\x03\x00\x23\x08\x02\x00\x01\x75\x95\x01\x01\x00")
    fr.append(b"\xff\x03\x00\x23\xcf\xc0\x21\x09\x01\x00\x08\x00\x00\x00\x01")
    write_pcap(os.path.join(CAP, "sweep-ppp.pcap"), fr, linktype=9)


def sweep_m3ua():
    """SCTP DATA with PPID 3: M3UA classes, parameters, corrupt/short lengths."""
    def chunk(t, fl, body):
        c = struct.pack("!BBH", t, fl, 4 + len(body)) + body
        return c + b"\0" * (-len(c) % 4)

    def m3(cls, typ, params, ln=None, ver=1):
        return struct.pack("!BBBBI", ver, 0, cls, typ, ln if ln is not None else 8 + len(params)) + params

    def prm(tag, val):
        p = struct.pack("!HH", tag, 4 + len(val)) + val
        return p + b"\0" * (-len(p) % 4)

    def pkt(*msgs):
        c = b"".join(chunk(0, 3, struct.pack("!IHHI", 1, 2, 3, 3) + m) for m in msgs)
        return eth(0x800, ip4(132, struct.pack("!HHII", 2905, 2905, 1, 0) + c))

    fr = [pkt(m3(1, 1, prm(0x200, b"\0\0\0\7") + prm(6, b"\0\0\0\1") +
                 prm(0x210, struct.pack("!IIBBBB", 0x1234, 0x5678, 3, 2, 0, 5) + b"sccpdata"))),
          pkt(m3(3, 3, prm(9, b"heartbeat"))), pkt(m3(0, 0, prm(12, b"\0\0\0\1") + prm(0x13, b"\0\0\0\2"))),
          pkt(m3(2, 1, prm(0x12, b"\0\0\0\1")), m3(4, 3, b""), m3(9, 1, b""), m3(7, 1, b"")),
          pkt(m3(1, 1, b"", ln=3), b"\1\0", m3(1, 1, b"\0\6\0\2"), m3(2, 1, b"", ver=2)),
          pkt(m3(1, 1, b"\0\6\0\x40\0\0"), m3(3, 3, b""))]
    write_pcap(os.path.join(CAP, "sweep-m3ua.pcap"), fr)


def sweep_ah():
    """AH with 0, 1 and 2 bytes captured (IPv4, IPv6, after a hop-by-hop header) and
    quoted in an ICMP error with none of it captured."""
    ah = b"\x11\x04\0\0" + bytes(20)
    fr = []
    for n in (0, 1, 2):
        fr.append((eth(0x800, ip4(51, ah)), 14 + 20 + n))
        fr.append((eth(0x86dd, ip6(51, ah)), 14 + 40 + n))
        fr.append((eth(0x86dd, ip6(0, b"\x33\0\1\4\0\0\0\0" + ah)), 14 + 48 + n))
    inner = ip4(51, b"", src="10.0.0.2", dst="10.9.9.9", tot=44)
    fr.append(eth(0x800, ip4(1, icmp(3, 4, struct.pack("!I", 256), inner))))
    write_pcap(os.path.join(CAP, "sweep-ah.pcap"), fr)


def sweep_dhcp6():
    """DHCPv6 relay-forward cut inside the link and the peer address."""
    b = struct.pack("!BB", 12, 0) + a6("2001:db8::1") + a6("fe80::9") + struct.pack("!HH", 9, 0)
    pkt = eth(0x86dd, ip6(17, struct.pack("!HHHH", 546, 547, 8 + len(b), 0) + b))
    fr = [pkt] + [(pkt, 14 + 40 + 8 + n) for n in (1, 2, 10, 18, 20, 33)]
    write_pcap(os.path.join(CAP, "sweep-dhcp6.pcap"), fr)


def sweep_cuts():
    """Frames cut where tcpdump reads before printing: IPv6 routing header after 0-4
    bytes, mobility binding update inside its flags, BOOTP inside the client address."""
    u6 = struct.pack("!HHHH", 1234, 9999, 12, 0) + b"abcd"
    rt = bytes([17, 2, 0, 1, 0, 0, 0, 0]) + a6("2001:db8::1")
    fr = []
    for n in (0, 1, 2, 3, 4):
        fr.append((eth(0x86dd, ip6(43, rt + u6)), 14 + 40 + n))
    bu = struct.pack("!BBBBHHBBH", 59, 1, 5, 0, 0, 0xc325, 0xd0, 0, 100) + bytes(6)
    for n in (8, 9, 10):
        fr.append((eth(0x86dd, ip6(135, bu)), 14 + 40 + n))
    b = struct.pack("!BBBBIHH4s4s4s4s", 2, 1, 6, 0, 0x12345678, 3, 0x8000, bytes(4), b"\x0a\0\0\x05",
                    bytes(4), bytes(4)) + bytes.fromhex("020000000001") + bytes(202) + b"\x63\x82\x53\x63\xff"
    pkt = eth(0x800, ip4(17, struct.pack("!HHHH", 67, 68, 8 + len(b), 0) + b))
    for n in (28, 30, 34):
        fr.append((pkt, 14 + 28 + n))
    write_pcap(os.path.join(CAP, "sweep-cuts.pcap"), fr)


def sweep_cuts2():
    """LCP Protocol-Reject and Vendor-Extension cut before their fields (DLT_PPP), and an
    MLDv2 query cut between its flags and QQIC."""
    fr = []
    for code, body in ((8, b"\x00\x21abcdef"), (0, b"\x01\x02\x03\x04\x00\x00\x0c\x05")):
        m = b"\xff\x03" + struct.pack("!HBBH", 0xc021, code, 7, 4 + len(body)) + body
        for n in (9, 10, 11, 13, 14, len(m)):
            fr.append((m, n))
    write_pcap(os.path.join(CAP, "sweep-cuts2.pcap"), fr, linktype=9)
    q = struct.pack("!HH", 1000, 0) + a6("ff0e::1") + struct.pack("!BBH", 0x0b, 125, 0)
    pkt = icmp6(130, 0, q)
    write_pcap(os.path.join(CAP, "sweep-cuts3.pcap"), [pkt, (pkt, len(pkt) - 3), (pkt, len(pkt) - 2)])


def sweep_bootp():
    """BOOTP sname / file filling their whole field (no NUL): tcpdump stops there."""
    fr = []
    for sname, file in ((b"x" * 64, b"f"), (b"srv", b"y" * 128), (b"srv", b"boot")):
        b = struct.pack("!BBBBIHH4s4s4s4s", 2, 1, 6, 0, 0x12345678, 3, 0, bytes(4), b"\x0a\0\0\x05",
                        bytes(4), bytes(4)) + bytes.fromhex("020000000001") + bytes(10)
        b += sname.ljust(64, b"\0") + file.ljust(128, b"\0") + b"\x63\x82\x53\x63\x35\x01\x05\xff"
        fr.append(eth(0x800, ip4(17, struct.pack("!HHHH", 67, 68, 8 + len(b), 0) + b)))
    write_pcap(os.path.join(CAP, "sweep-bootp.pcap"), fr)


if __name__ == "__main__":
    sweep_bootp()
    sweep_cuts2()
    sweep_cuts()
    sweep_dhcp6()
    sweep_ah()
    sweep_m3ua()
    sweep_ppp()
    sweep_gre()
    sweep_ip6opt()
    sweep_icmp()
    sweep_icmp6()
