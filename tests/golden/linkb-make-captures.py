#!/usr/bin/python3
# linkb-make-captures.py - captures for tests/golden/linkb.list: one file per
# link type of print/serial.c, the ATM link types of print/atm.c, FRF.16
# (print/fr.c) and the Juniper multilink Frame Relay PICs (print/juniper.c).
# Each file sweeps the header fields the printers dispatch on, with a few
# frames cut short (a small caplen).  Writes tests/captures/linkb-*.pcap.
# Run: /usr/bin/python3 tests/golden/linkb-make-captures.py
import os, struct
from scapy.all import IP, IPv6, UDP, TCP, ICMP, Raw

HERE = os.path.dirname(os.path.abspath(__file__))
CAP = os.path.join(HERE, "..", "captures")


def write(name, linktype, frames, snaplen=65535):
    """frames: bytes, or (bytes, caplen) to cut the frame short."""
    with open(os.path.join(CAP, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snaplen, linktype))
        for i, fr in enumerate(frames):
            data, caplen = (fr if isinstance(fr, tuple) else (fr, len(fr)))
            f.write(struct.pack("<IIII", 1700000000 + i, 1000 * i, caplen, len(data)))
            f.write(data[:caplen])


def udp4(payload=b"hello", src="10.0.0.1", dst="10.0.0.2"):
    return bytes(IP(src=src, dst=dst, id=1) / UDP(sport=1234, dport=5678) / Raw(payload))


def tcp4(payload=b"data!" * 4, flags="PA"):
    return bytes(IP(src="10.0.0.1", dst="10.0.0.2", id=2) /
                 TCP(sport=1025, dport=23, seq=1000, ack=2000, flags=flags) / Raw(payload))


def udp6():
    return bytes(IPv6(src="fd00::1", dst="fd00::2") / UDP(sport=1, dport=2) / Raw(b"v6"))


def icmp4():
    return bytes(IP(src="192.0.2.1", dst="192.0.2.2", id=3) / ICMP(id=1, seq=1))


# ---- SLIP: direction, 15 bytes of the line's header, IP ----
def slip(direction, chdr, ip):
    chdr = (chdr + bytes(15))[:15]
    return bytes([direction]) + chdr + ip


def vj(flags, conn=None, deltas=b""):
    b = bytes([0x80 | flags])
    if conn is not None:
        b += bytes([conn])
    return b + b"\x12\x34" + deltas


def utcp_hdr(conn):
    # an uncompressed TCP header copy: IP header with the connection id as protocol
    return bytes([0x70 | 5, 0, 0, 40, 0, 1, 0, 0, 64, conn])


slip_frames = [
    slip(0, b"\x45", udp4()),
    slip(1, b"\x45", icmp4()),
    slip(1, utcp_hdr(7), tcp4()),
    slip(0, utcp_hdr(9), tcp4(b"x" * 33)),
    # compressed TCP: connection, every delta, one-byte and three-byte forms
    slip(1, vj(0x40 | 0x20 | 0x0f & 0x07, 7, b"\x05\x00\x01\x00\x11\x22\x03"), tcp4()),
    slip(1, vj(0x0f & 0x0e, None, b"\x00\xff\xf0\x10\x20"), tcp4()),
    slip(1, vj(0x40 | 0x08 | 0x04, 7, b"\x00\x12\x34\x00\x01\x00"), tcp4()),
    slip(1, vj(0x0b, 7), tcp4(b"y" * 10)),        # SPECIAL_I
    slip(0, vj(0x0b, 9), tcp4(b"y" * 10)),        # SPECIAL_I, other direction
    slip(1, vj(0x40 | 0x09, 7), tcp4(b"z" * 3)),  # SPECIAL_D
    slip(1, vj(0x20, None, b"\x00\x00\x07"), tcp4()),
    slip(0, vj(0x02, None, b"\x80"), tcp4()),     # window -128
    slip(1, b"\x20", udp4()),                     # slip-32!
    slip(1, b"\x00", udp4()),
    slip(7, b"\x45", udp4()),                     # invalid direction
    slip(7, utcp_hdr(3), tcp4()),
    slip(7, vj(0x40, 3), tcp4()),
    slip(0, b"\x45", udp6()),
    slip(0, b"\x45", b"\x35" + udp4()[1:]),       # ip v3
    (slip(1, b"\x45", udp4()), 10),               # no full SLIP header
    (slip(1, b"\x45", udp4()), 16),               # header only
    (slip(1, utcp_hdr(5), tcp4()), 30),           # cut in the IP header
    (slip(1, vj(0x40 | 0x0f & 0x07, 4, b"\x01\x02\x03"), tcp4()), 40),
    (slip(0, b"\x45", udp4()), 30),
]
write("linkb-slip.pcap", 8, slip_frames)

write("linkb-slip-bsdos.pcap", 102, [
    slip(0, b"\x45", udp4()),
    slip(1, b"\x45", tcp4()),
    (slip(1, b"\x45", udp4()), 12),
    (slip(1, b"\x45", udp4()), 28),
])

# ---- ATM RFC 1483 ----
snap_ip = b"\xaa\xaa\x03\x00\x00\x00\x08\x00"
atm_frames = [
    snap_ip + udp4(),
    b"\xfe\xfe\x03\xcc" + icmp4(),                      # routed NLPID
    b"\x06\x06\x03" + udp4(),                           # LLC SAP IP
    b"\x03\xcc" + udp4(),                               # Cisco-style NLPID
    b"\x03\x8e" + udp6(),
    bytes(range(0x10, 0x24)) + snap_ip + tcp4(),        # Fore 802.6 header
    b"\xaa\xaa\x03\x00\x00\x00\x86\xdd" + udp6(),
    b"\xaa\xaa\x03\x00\x80\xc2\x00\x07" + bytes(12) + b"\x08\x00" + udp4(),  # bridged 802.3? (pid 7)
    b"\xaa\xaa\x03\x12\x34\x56\x00\x01" + b"unknown-oui",  # unknown SNAP
    b"\x42\x42\x03" + bytes(40),                         # not LLC: Fore header, then LLC
    (snap_ip + udp4(), 5),
    (bytes(range(0x10, 0x24)) + snap_ip + tcp4(), 12),
    (snap_ip + udp4(), 20),
]
write("linkb-atm1483.pcap", 100, atm_frames)

write("linkb-atm-clip.pcap", 106, [
    snap_ip + udp4(),
    udp4(b"raw ip"),
    b"\xaa\xaa\x03\x00\x00\x00\x08\x06" + bytes.fromhex("0001080006040001020000000001c0000201000000000000c0000202"),
    b"\xaa\xaa\x03\x00\x00\x01\x08\x00" + udp4(),      # SNAP, not the CLIP header: IP?
    (snap_ip + udp4(), 4),
    (udp4(), 14),
])


# ---- FRF.16 ----
def ie(t, v):
    return bytes([t, len(v) + 2]) + v


ts = struct.pack("<qq", 1700000123, 456789)
mfr_ctrl = [
    b"\xe1\x00\x01" + ie(1, b"bundle-1\x00") + ie(2, b"link\x01A") + ie(3, b"\x11\x22\x33\x44"),
    b"\xe1\x00\x02" + ie(3, b"\x00\x00\x00\x01") + ie(5, ts),
    b"\xe1\x00\x04" + ie(5, ts) + ie(6, b"\x01\x02\x03") + ie(7, b"\x09"),
    b"\xe1\x00\x05" + ie(5, b"\x01\x02\x03\x04"),
    b"\xe1\x00\x03" + ie(3, b"\x01\x02") + ie(9, b"zzz"),
    b"\xe1\x00\x06" + ie(1, b"x" * 60),
    b"\xe1\x00\x07" + ie(1, b"b") + b"\x00\x05abc",          # IE type 0 stops
    b"\xe1\x00\x09" + ie(1, b"b") + b"\x01\x01",             # IE length 1 stops
    b"\xe1\x00\x42",
]
q922_ip = b"\x18\x41\x03\xcc"   # DLCI 100, UI, NLPID IPv4
mfr_frames = mfr_ctrl + [
    b"\xc3\x05" + q922_ip + udp4(),            # Begin+End, seq 0x105
    b"\x81\x01" + q922_ip + icmp4(),           # Begin
    b"\x01\x02" + bytes(range(30)),            # middle
    b"\x41\x03" + bytes(range(12)),            # End
    b"\xa0\x00\x01\x02\x03",                   # C bit with Begin only: fragment
    b"\xe0\x01\x01\x02\x03",                   # control bits, byte 1 non-zero
    b"\xc1\x00" + b"\x18\x41\x08\x00",         # a Q.922 header cut by the length
    b"\xc3\x06\x18\x41\x03\xb1\xc5\x23" + bytes(6),  # FRF.15 end-to-end
    b"\xc3\x07\x18\x41\x03\xb1\x01\x23" + bytes(6),  # FRF.15 interface, no flags
    b"\xc3\x08\x18\x41\x03\xb1\x81",                 # FRF.15 cut by the length
    b"\xc3\x09\x18\x41\x03\xcf\x00\x21" + udp4(),     # PPP
    b"\xc3\x0b\x18\x41\x03\x08\x02\x07\x08\x75",     # Q.933, 2-byte call reference ends the frame
    b"\xc3\x0c\x18\x41\x03\x08\x01\x00\x75\x00\x01",  # 1-byte call reference 0, next byte 0
    b"\xc3\x0a\x18\x41\x03\x83" + bytes.fromhex("831b0100120100000021ffff"),  # IS-IS, short
    (b"\xe1\x00\x01" + ie(1, b"bundle-1\x00") + ie(3, b"\x11\x22\x33\x44"), 9),
    (b"\xc3\x05" + q922_ip + udp4(), 3),
    (b"\xc3\x05" + q922_ip + udp4(), 1),
    (b"\xc3\x05" + q922_ip + udp4(), 20),
]
write("linkb-mfr.pcap", 182, mfr_frames)


# ---- Juniper MLFR / MFR ----
def jnx(flags, cookie, payload, ext=b""):
    h = b"MGC" + bytes([flags])
    if flags & 0x80:
        h += struct.pack(">H", len(ext)) + ext
    return h + cookie + payload


nlpid_ip = b"\x03\xcc" + udp4()
write("linkb-juniper-mlfr.pcap", 131, [
    jnx(0x01, b"\x54\x07\x00\x00", nlpid_ip),           # LS cookie: bundle 7
    jnx(0x00, b"\x05\x01", nlpid_ip),                   # plain 2-byte cookie
    jnx(0x00, b"\x00\x01", b"\x03\x8e" + udp6()),
    jnx(0x01, b"\x05\x01", b"\x03\x00" + b"\x83\x1b\x01\x00\x12\x01\x00\x00" + bytes(20)),
    jnx(0x01, b"\x05\x01", b"\x00\x03" + bytes(10)),
    jnx(0x00, b"\x05\x01", b"\x12\x34" + bytes(10)),    # unknown protocol
    jnx(0x01, b"\x47\x00\x00\x00\x00\x10\x01\x28", udp6()),  # AS cookie
    jnx(0x01, b"\x47\x00\x00\x00\x00\x00\x12\x38", b"\x03\xcc" + udp4()),  # AS cookie, bundle 583
    jnx(0x81, b"\x54\x02\x00\x00", nlpid_ip, ext=b"\x01\x01\x05\x06\x01\x12"),
    b"XYZ\x01" + bytes(20),                             # no magic
    jnx(0x03, b"", bytes(4) + udp4()),                  # no layer 2
    (jnx(0x01, b"\x54\x07\x00\x00", nlpid_ip), 9),
    (jnx(0x01, b"\x05\x01", nlpid_ip), 5),
    (b"MGC", 3),
])
write("linkb-juniper-mfr.pcap", 134, [
    jnx(0x01, b"", b"\xc3\x05" + q922_ip + udp4()),                 # child link: FRF.16
    jnx(0x00, b"", b"\xe1\x00\x04" + ie(3, b"\x11\x22\x33\x44")),   # child link control
    jnx(0x01, b"\x54\x03\x00\x00\x00\x00", nlpid_ip),               # LS cookie
    jnx(0x01, b"\x54\x03\x00\x00\x00\x00", b"\xfe\xfe\x83\x1b" + bytes(24)),
    jnx(0x00, b"\x00\x00\x00\x01", b"\x03\xcc" + udp4()),           # plain cookie, child marker 1
    jnx(0x00, b"\x02\x00\x00\x03", b"\x03\xcc" + udp4()),
    jnx(0x01, b"\x47\x00\x00\x00\x00\x00\x12\x38", udp4()),         # AS: IPv4, bundle > 255
    jnx(0x01, b"\x47\x00\x00\x00\x00\x10\x01\x28", udp6()),         # AS: IPv6
    jnx(0x01, b"\x47\x00\x00\x00\x00\x20\x01\x28", b"\x00\x01\x01\x40" + udp4()),  # AS: MPLS
    jnx(0x01, b"\x47\x00\x00\x00\x00\x70\x01\x28", udp4()),         # AS: other
    jnx(0x01, b"\x54\x03\x00\x00\x00\x00", b"\x99\x99" + bytes(8)),  # unknown protocol
    (jnx(0x01, b"", b"\xc3\x05" + q922_ip + udp4()), 7),
    (jnx(0x01, b"\x54\x03\x00\x00\x00\x00", nlpid_ip), 11),
])


# ---- Linux USB ----
def usb(event, transfer, ep, dev, bus, data=b"", mmapped=False):
    h = struct.pack("<QBBBBHBBqiiII", 0xffff8800deadbeef, ord(event) if isinstance(event, str) else event,
                    transfer, ep, dev, bus, 0, 0 if data else 1, 1700000000, 5, 0, len(data), len(data))
    h += bytes(8)  # setup / iso
    if mmapped:
        h += struct.pack("<iiII", 8, 0, 0x200, 0)
    return h + data


def usb_sweep(mm):
    fr = []
    for t in (0, 1, 2, 3, 4):
        for e in ("S", "C", "E", "X"):
            fr.append(usb(e, t | (0x80 if t == 1 else 0), 0x81 if e == "C" else 2, 5, 1, b"", mm))
    fr.append(usb("S", 3, 0x02, 127, 0x1234, b"\x55\x53\x42\x43" + bytes(27), mm))
    fr.append(usb("C", 3, 0xff, 3, 65535, b"\x01\x02", mm))
    fr.append((usb("S", 2, 0, 1, 2, b"", mm), 20))
    fr.append((usb("S", 2, 0, 1, 2, b"", mm), 47))
    fr.append((usb("S", 2, 0, 1, 2, b"abc", mm), 60))
    return fr


write("linkb-usb.pcap", 189, usb_sweep(False))
write("linkb-usb-mmapped.pcap", 220, usb_sweep(True))

# ---- Bluetooth H4 with direction ----
write("linkb-bt.pcap", 201, [
    struct.pack(">I", 0) + b"\x01\x03\x0c\x00",
    struct.pack(">I", 1) + b"\x04\x0e\x04\x01\x03\x0c\x00",
    struct.pack(">I", 0xfffffffe) + b"\x02" + bytes(range(40)),
    struct.pack(">I", 1),
    (struct.pack(">I", 1) + b"\x04\x0e\x04\x01\x03\x0c\x00", 2),
    (struct.pack(">I", 0) + b"\x02" + bytes(range(40)), 12),
])


# ---- Linux USB written by a big-endian host: libpcap puts the header in host order ----
def usb_be(event, transfer, ep, dev, bus):
    return struct.pack(">QBBBBHBBqiiII", 0x1234, ord(event), transfer, ep, dev, bus, 0, 1,
                       1700000000, 5, 0, 0, 0) + bytes(8)


with open(os.path.join(CAP, "linkb-usb-be.pcap"), "wb") as f:
    f.write(struct.pack(">IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 189))
    for i, (e, t, bus) in enumerate([("S", 3, 0x0102), ("C", 1, 7), ("E", 2, 300)]):
        d = usb_be(e, t, 0x81, 4, bus)
        f.write(struct.pack(">IIII", 1700000000 + i, 0, len(d), len(d)))
        f.write(d)
