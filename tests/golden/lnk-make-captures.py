#!/usr/bin/python3
# lnk-make-captures.py - crafted captures for tests/golden/lnk.list (print/wlan.c and the
# other link/transport printers of the p-link group).  Expected outputs come from tcpdump
# (tests/golden/regen.sh lnk.list).  Writes tests/captures/lnk-*.pcap.
import os, struct
from scapy.all import IP, UDP, Raw

CAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "captures")
A1, A2, A3, A4 = (bytes.fromhex(x) for x in ("000c4182b255", "000d9382363a", "0200000000aa", "0200000000bb"))


def write(name, linktype, frames):
    with open(os.path.join(CAP, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, linktype))
        for i, fr in enumerate(frames):
            data, wire = (fr, len(fr)) if isinstance(fr, bytes) else fr
            f.write(struct.pack("<IIII", 1700000000 + i, 1000 * i, len(data), wire))
            f.write(data)


def rt(fields=b"", present=0, extra_words=()):
    """radiotap header: present words, then the already laid-out field bytes."""
    words = [present] + list(extra_words)
    body = b"".join(struct.pack("<I", w) for w in words) + fields
    return struct.pack("<BBH", 0, 0, 4 + len(body)) + body


def mgmt(sub, body, da=A1, sa=A2, bssid=A1):
    return struct.pack("<HH", sub << 4, 314) + da + sa + bssid + b"\x10\x00" + body


def data(sub, fl, payload, a1=A1, a2=A2, a3=A3, a4=None):
    fc = 0x08 | (sub << 4) | (fl << 8)
    h = struct.pack("<HH", fc, 44) + a1 + a2 + a3 + b"\x20\x00"
    if a4 is not None:
        h += a4
    if sub & 8:
        h += b"\x05\x00"
    return h + payload


def ctrl(sub, rest):
    return struct.pack("<HH", 0x04 | (sub << 4), 0) + rest


SNAP_IP = b"\xaa\xaa\x03\x00\x00\x00\x08\x00" + bytes(IP(src="10.198.0.1", dst="10.198.0.2") / UDP(sport=1234, dport=5678) / Raw(b"hello"))
RT_B = rt(struct.pack("<BBHH", 0x00, 2, 2412, 0x00a0) + b"\x58\x00\x00\x2a", 0x180e)  # flags rate channel sq antenna dBsig

# --- 802.11 frames behind radiotap ---
frames = []
def add(f):
    frames.append(RT_B + f)
for code in (0, 1, 13, 37, 50, 200):
    add(mgmt(0xb, struct.pack("<HHH", 0, 1, code)))          # auth seq 1 with a status
add(mgmt(0xb, struct.pack("<HHH", 0, 2, 0)))                  # auth seq 2: no status
add(mgmt(0xb, struct.pack("<HHH", 1, 2, 0) + b"\x10\x04abcd"))  # shared key, challenge
add(mgmt(0xb, struct.pack("<HHH", 1, 3, 15)))
add(mgmt(0xb, struct.pack("<HHH", 2, 1, 0)))
add(mgmt(0xb, struct.pack("<HHH", 7, 1, 0)))                  # reserved algorithm
add(mgmt(0xb, b"\x00\x00\x00\x12\x34\x56\x78"))               # shared key WEP body
for code in (0, 3, 7, 34, 45, 66, 67, 300):
    add(mgmt(0xc, struct.pack("<H", code)))                   # deauthentication
for code in (1, 8, 99):
    add(mgmt(0xa, struct.pack("<H", code)))                   # disassociation
add(mgmt(0x9, b""))                                           # ATIM
add(mgmt(0xc, b"\x03"))                                       # deauth, reason cut
add(mgmt(0xb, b"\x00\x00\x01"))                               # auth, body cut
add(ctrl(0xb, A1 + A2))                                       # RTS
add(ctrl(0xc, A1))                                            # CTS
add(ctrl(0xd, A2))                                            # ACK
add(ctrl(0xa, A1 + A2))                                       # PS-Poll (AID in duration)
add(ctrl(0xe, A1 + A2))                                       # CF-End
add(ctrl(0xf, A1 + A2))                                       # CF-End+CF-Ack
add(ctrl(0x8, A1 + A2 + b"\x04\x00\x30\x00"))                 # BAR
add(ctrl(0x9, A1 + A2))                                       # BA
add(ctrl(0x3, A1))                                            # unknown control subtype
add(ctrl(0xd, A2[:3]))                                        # ACK cut short
add(data(0, 0, SNAP_IP))                                      # plain data, no DS bits
add(data(0, 1, SNAP_IP))                                      # to DS
add(data(0, 2, SNAP_IP))                                      # from DS
add(data(0, 3, SNAP_IP, a4=A4))                               # WDS, 4 addresses
add(data(8, 1, SNAP_IP))                                      # QoS data
add(data(1, 2, SNAP_IP))                                      # data + CF-Ack
add(data(3, 2, SNAP_IP))                                      # data + CF-Ack/Poll
add(data(2, 2, SNAP_IP))                                      # data + CF-Poll
add(data(4, 1, b""))                                          # null function
add(data(0xc, 1, b""))                                        # QoS null
add(data(0, 0x41, b"\x12\x34\x56\x40\xde\xad"))               # protected (WEP IV)
add(data(0, 0x41, b"\x12\x34"))                               # protected, IV cut
add(data(0, 0x3c, SNAP_IP))                                   # retry, pwr mgmt, more data, more frag
add(data(0, 0x81, SNAP_IP))                                   # order bit
add(data(0, 1, b"\xe0\xe0\x03" + b"\x00" * 20))               # LLC, unknown SAP payload
add(data(0, 1, SNAP_IP[:20]))                                 # IP cut short
add(b"\x08")                                                  # 802.11 frame control cut
add(data(0, 1, b"")[:20])                                     # 802.11 header cut
add(struct.pack("<HH", 0x0c, 0) + A1)                         # frame type 3
write("lnk-wlan.pcap", 127, frames)

# --- radiotap fields ---
D = data(0, 1, SNAP_IP)
rtf = []
rtf.append(rt(struct.pack("<Q", 123456789) + b"\x0e\x0b", 0x0007) + D)                # tsft, flags (short pre, wep, frag), rate 5.5
rtf.append(rt(b"\x41\x00" + struct.pack("<HH", 5180, 0x0140), 0x000a) + D)            # flags cfp+badfcs, 11a
rtf.append(rt(b"\x00\x00" + struct.pack("<HH", 2437, 0x0480), 0x000a) + D)            # 11g dynamic
rtf.append(rt(b"\x00\x00" + struct.pack("<HH", 2437, 0x00c0 | 0x4000), 0x000a) + D)  # 11g half
rtf.append(rt(b"\x00\x00" + struct.pack("<HH", 5180, 0x0150 | 0x8000), 0x000a) + D)  # 11a quarter turbo
rtf.append(rt(b"\x00\x00" + struct.pack("<HH", 2412, 0x0880), 0x000a) + D)            # FHSS
rtf.append(rt(b"\x03\x07\xc4\xa0", 0x0070) + D)                                       # fhss, dBm signal/noise
rtf.append(rt(struct.pack("<HHH", 55, 3, 6) + b"\xf6\x02\x30\x08\x00\x00", 0x7f80) + D)  # sq, tx atten, dB atten, dBm tx, antenna, dB sig/noise, rx flags
rtf.append(rt(b"\x0c\x00" + struct.pack("<HH", 5200, 0x140) + b"\x00\x00" + struct.pack("<IHBB", 0x10140, 5200, 40, 30), 0x4000c) + D)  # xchannel supersedes channel
rtf.append(rt(b"\x85" + b"\x3f\x15\x07", 0x80004) + D)                    # MCS rate, MCS field (known all)
rtf.append(rt(b"\x02\x00\x0d", 0x80000) + D)                                          # MCS index only
rtf.append(rt(b"\x07\x01\x0f", 0x80000) + D)                                          # MCS 15 40 MHz short GI
rtf.append(rt(b"\x00\x00\x00\x00" + struct.pack("<IHBB", 7, 0, 0, 0), 0x100000) + D)  # A-MPDU status
rtf.append(rt(struct.pack("<HBB", 0x0044, 0x04, 4) + b"\x91\x00\x00\x00" + b"\x01\x00\x00\x00", 0x200000) + D)  # VHT
rtf.append(rt(struct.pack("<HBB", 0x0040, 0, 27) + b"\x00\x21\x00\x00" + b"\x02\x00\x00\x00", 0x200000) + D)  # VHT bw unknown, user 1
rtf.append(rt(b"\x02", 0x400002) + D)                                                 # flags, then unknown bit 22
rtf.append(rt(b"\x00\x00\x00\x00" + b"\x04\x02", 0x80000002, [0x00000004]) + D)       # extended bitmap: bit 34
rtf.append(rt(b"\x02" + b"\x00" + b"\x00\x11\x22\x01\x04\x00" + b"abcd", 0x40000002, [0x00000001]) + D)  # vendor namespace skipped
rtf.append(rt(b"\x02" + b"\x00" + b"\x00\x11\x22\x01\x04\x00" + b"abcd" + b"\x04", 0x40000002, [0x20000001, 0x00000004]) + D)  # back to radiotap ns
rtf.append(rt(b"\x10", 0x0002) + D + b"\xde\xad\xbe\xef")                            # FCS at the end
rtf.append(rt(b"\x20\x00\x00\x00", 0x0002) + data(8, 1, b"\x00\x00" + SNAP_IP))     # data pad after a 26-byte header
rtf.append(rt(b"", 0x0001) + D)                                                       # TSFT bit but no room
rtf.append(rt(b"\x00\x00", 0x0008) + D)                                               # channel cut
rtf.append(b"\x00\x00\x40\x00\x02\x00\x00\x00\x00")                                   # radiotap length past capture
rtf.append(b"\x00\x00\x08")                                                           # 3 bytes
rtf.append(b"\x00\x00\x08\x00\x00\x00\x00\x80")                                       # extension bit without room
rtf.append((rt(b"\x10", 0x0002) + D[:10], len(D) + 40))                               # snapped, FCS flag
write("lnk-radiotap.pcap", 127, rtf)

# --- plain 802.11, Prism and AVS headers ---
write("lnk-80211.pcap", 105, [D, mgmt(0xc, struct.pack("<H", 2)), ctrl(0xd, A1), b"\x08\x01\x00"])
prism = struct.pack(">I", 0x44) + bytes(140)
avs = struct.pack(">II", 0x80211001, 64) + bytes(56)
write("lnk-prism.pcap", 119, [prism + D, avs + D, prism[:100], struct.pack(">II", 0x80211001, 4) + bytes(8)])
write("lnk-avs.pcap", 163, [avs + D, avs[:30], struct.pack(">II", 0x80211002, 200) + bytes(20)])

# --- IPX over Ethernet II, 802.2 LLC and raw 802.3 ---
def ipx(dskt, payload, sskt=0x4008, length=None, dnet=0, snet=0xa8f87967):
    n = 30 + len(payload) if length is None else length
    return (struct.pack(">HHBBI", 0xffff, n, 0, 4, dnet) + b"\xff" * 6 + struct.pack(">HI", dskt, snet)
            + A2 + struct.pack(">H", sskt) + payload)


def sap_entry(stype, name, net, node, skt, hops):
    return struct.pack(">H", stype) + name.ljust(48, b"\0") + struct.pack(">I", net) + node + struct.pack(">HH", skt, hops)


def eth2(pl):
    return b"\xff" * 6 + A2 + b"\x81\x37" + pl


def e8023(pl):
    return b"\xff" * 6 + A2 + struct.pack(">H", len(pl)) + pl


SAPS = [
    ipx(0x452, struct.pack(">HH", 1, 4)),                                            # general request
    ipx(0x452, struct.pack(">HH", 3, 0x278)),                                        # nearest request
    ipx(0x452, struct.pack(">H", 2) + sap_entry(4, b"FILESRV1", 0x1234, A1, 0x451, 1)),
    ipx(0x452, struct.pack(">H", 4) + sap_entry(0x30c, b"PRN\x01\xe9", 0x1, A4, 0x8060, 2)
        + sap_entry(0x64e, b"X" * 48, 0x2, A3, 0x4000, 3)),                          # two entries, name without NUL
    ipx(0x452, struct.pack(">H", 7)),                                                # unknown SAP command
    ipx(0x453, struct.pack(">H", 1) + struct.pack(">IHH", 0xa8f87967, 1, 2)),        # RIP request
    ipx(0x453, struct.pack(">H", 1)),                                                # RIP request, no entry
    ipx(0x453, struct.pack(">H", 2) + struct.pack(">IHH", 0xa8f87967, 1, 2) + struct.pack(">IHH", 0x10, 3, 4)),
    ipx(0x453, struct.pack(">H", 9)),
    ipx(0x451, b"\x11" * 10), ipx(0x455, b"\x00" * 50), ipx(0x456, b"\x00" * 4),
    ipx(0x553, b"\x00" * 8), ipx(0x9001, b"\x00" * 3),
    ipx(0x451, b"", length=29),                                                      # length < header
]
ipxf = [eth2(x) for x in SAPS]
ipxf += [e8023(b"\xe0\xe0\x03" + x) for x in SAPS[:4]]                              # 802.2
ipxf += [e8023(x) for x in SAPS[5:8]]                                               # raw 802.3 (starts ffff)
ipxf.append(eth2(ipx(0x452, struct.pack(">H", 2) + sap_entry(4, b"CUT-NAME", 1, A1, 1, 1))[:30 + 2 + 2 + 5]))  # name cut
ipxf.append(eth2(ipx(0x452, struct.pack(">H", 2) + sap_entry(4, b"CUT", 1, A1, 1, 1))[:30 + 2 + 56]))        # addr cut
ipxf.append(eth2(ipx(0x453, struct.pack(">H", 2) + struct.pack(">IHH", 1, 1, 2))[:30 + 6]))                # RIP cut
ipxf.append(eth2(ipx(0x453, b"")[:20]))                                                                      # header cut
write("lnk-ipx.pcap", 1, ipxf)

# --- SCTP chunks (and ForCES in DATA chunks) over IPv4 and IPv6 ---
from scapy.all import IPv6, Ether


def chunk(ctype, flags, value, length=None):
    n = 4 + len(value) if length is None else length
    c = struct.pack(">BBH", ctype, flags, n) + value
    return c + b"\0" * (-len(c) % 4)


def sctp(chunks, sport=5000, dport=6000, v6=False, raw=None):
    body = struct.pack(">HHII", sport, dport, 0x11223344, 0) + b"".join(chunks) if raw is None else raw
    ip = IPv6(src="fd00::1", dst="fd00::2", nh=132) if v6 else IP(src="10.198.0.1", dst="10.198.0.2", proto=132)
    return bytes(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / ip / Raw(body))


def data_chunk(flags, tsn, sid, sseq, ppid, payload):
    return chunk(0, flags, struct.pack(">IHHI", tsn, sid, sseq, ppid) + payload)


INIT = struct.pack(">IIHHI", 0xdeadbeef, 65536, 10, 65535, 12345) + struct.pack(">HHI", 5, 8, 0x0a000001)
sc = [
    sctp([chunk(1, 0, INIT)]),
    sctp([chunk(2, 0, INIT + struct.pack(">HH", 7, 8) + b"ckie")]),
    sctp([chunk(10, 0, b"cookie!")]),                                  # padded chunk
    sctp([chunk(11, 0, b"")]),
    sctp([data_chunk(3, 1, 2, 3, 0, b"hello")]),
    sctp([data_chunk(4, 7, 0, 0, 46, b"unordered middle")]),            # (U), PPID as hex
    sctp([data_chunk(2, 8, 1, 1, 18, b"first"), data_chunk(1, 9, 1, 1, 18, b"last"), chunk(3, 0, struct.pack(">IIHH", 100, 5000, 0, 0))]),
    sctp([chunk(3, 0, struct.pack(">IIHH", 1000, 65535, 2, 2) + struct.pack(">HHHH", 2, 3, 5, 9) + struct.pack(">II", 998, 999))]),
    sctp([chunk(4, 0, struct.pack(">HH", 1, 8) + b"info"), chunk(5, 0, struct.pack(">HH", 1, 8) + b"info")]),
    sctp([chunk(6, 1, b""), chunk(7, 0, struct.pack(">I", 77)), chunk(8, 0, b""), chunk(14, 0, b"")]),
    sctp([chunk(9, 0, struct.pack(">HH", 1, 8) + b"\0\1\0\0"), chunk(12, 0, struct.pack(">I", 5)), chunk(13, 0, struct.pack(">I", 6))]),
    sctp([chunk(0xc0, 0, struct.pack(">I", 9)), chunk(0xc1, 0, b""), chunk(0xc2, 0, b""), chunk(0x80, 0, b"xx")]),
    sctp([data_chunk(3, 1, 2, 3, 5, b"m2pa-ish")], sport=2905, dport=2905, v6=True),  # IPv6
    sctp([chunk(0, 3, b"\0" * 8)]),                                     # DATA too short
    sctp([chunk(0, 3, struct.pack(">IHHI", 1, 1, 1, 0))]),              # DATA without payload
    sctp([chunk(1, 0, b"\0" * 8)]),                                     # INIT too short
    sctp([chunk(3, 0, b"\0" * 8)]),                                     # SACK too short
    sctp([chunk(3, 0, struct.pack(">IIHH", 1, 1, 3, 0) + b"\0\1")]),   # SACK gap cut
    sctp([chunk(7, 0, b"", length=2)]),                                 # chunk length < 4
    sctp([chunk(1, 0, INIT)[:6]]),                                      # descriptor cut off
    sctp([], raw=struct.pack(">HHII", 1, 2, 3, 4) + b"\x01\x00\x00\x07abc"),  # padding missing
    sctp([], raw=b"\x13\x88\x17\x70\x00\x00"),                          # shorter than the header
    sctp([chunk(1, 0, INIT)])[:60],                                     # snapped in the INIT
]
def forces(tom, body=b"", mlen=None, ver=0x10, sid=0x40000001, did=0x2, flags=0x38400000):
    n = (24 + len(body)) // 4 if mlen is None else mlen
    return struct.pack(">BBHIIQI", ver, tom, n, sid, did, 0x1234, flags) + body


TLV = struct.pack(">HHII", 0x1000, 20, 1, 1) + struct.pack(">HH", 7, 8) + b"\0" * 4
SHORT_LFB = struct.pack(">HH", 0x1000, 12) + b"\0" * 8
# (operation TLVs inside LFB selectors are not checked by synack: no test vectors need them)
for m in [forces(0x0f), forces(0x01), forces(0x11, struct.pack(">HH", 0x11, 8) + b"\0\0\0\0", sid=2, did=0xfffffffe),
          forces(0x02, struct.pack(">HH", 0x10, 8) + b"\0\0\0\1", did=0x80000000), forces(0x04, SHORT_LFB, sid=0xfffffffd, did=0xc0000001),
          forces(0x13, SHORT_LFB, sid=0xffffffff), forces(0x06, struct.pack(">HH", 0x1000, 12) + b"\0" * 8),
          forces(0x11, struct.pack(">HH", 0x11, 12) + b"\0" * 8), forces(0x11, struct.pack(">HH", 0x11, 8) + b"\0\0\0\x09"),
          forces(0x02, struct.pack(">HH", 0x10, 8) + b"\0\0\0\x09"), forces(0x03), forces(0x0f, TLV),
          forces(0x04, struct.pack(">HH", 0x9999, 8) + b"\0" * 4), forces(0x04, struct.pack(">HH", 0x1000, 40) + b"\0" * 4),
          forces(0x08), forces(0x15), forces(0x04, TLV, mlen=3), forces(0x0f)[:20]]:
    sc.append(sctp([data_chunk(3, 1, 0, 0, 0, m)], sport=40000, dport=6704))
sc.append(sctp([data_chunk(3, 1, 0, 0, 21, forces(0x0f))]))             # ForCES by PPID
sc.append(sctp([data_chunk(3, 1, 0, 0, 0, forces(0x0f))], sport=6705, dport=6706))
write("lnk-sctp.pcap", 1, sc)

# --- Cisco HDLC and SLARP ---
def chdlc(addr, proto, payload):
    return struct.pack(">BBH", addr, 0, proto) + payload


IP4 = bytes(IP(src="10.198.0.1", dst="10.198.0.2") / UDP(sport=1, dport=2) / Raw(b"x"))
IP6 = bytes(IPv6(src="fd00::1", dst="fd00::2") / UDP(sport=1, dport=2) / Raw(b"x"))
ch = [
    chdlc(0x8f, 0x8035, struct.pack(">IIIH", 2, 0x000d0a31, 0x57405e26, 0x04ff) + struct.pack(">I", 4279953000)),
    chdlc(0x8f, 0x8035, struct.pack(">IIIH", 2, 1, 2, 0xffff)),                               # no uptime
    chdlc(0x0f, 0x8035, struct.pack(">I", 0) + b"\0" * 14),                                   # request
    chdlc(0x0f, 0x8035, struct.pack(">I", 1) + bytes([10, 198, 0, 1, 255, 255, 255, 252]) + b"\0" * 6),  # reply
    chdlc(0x0f, 0x8035, struct.pack(">I", 7) + b"\x01\x02" * 7),                              # unknown code
    chdlc(0x0f, 0x8035, struct.pack(">IIIH", 2, 1, 2, 3) + struct.pack(">I", 60000) + b"junk"),  # trailing junk
    chdlc(0x0f, 0x8035, struct.pack(">II", 2, 1)),                                            # too short
    chdlc(0x0f, 0x0800, IP4), chdlc(0x8f, 0x86dd, IP6), chdlc(0x42, 0x0800, IP4),
    chdlc(0x0f, 0x8847, struct.pack(">I", (100 << 12) | 0x1ff) + IP4),                        # MPLS
    chdlc(0x0f, 0x1234, b"abcd"),                                                              # unknown protocol
    chdlc(0x0f, 0x0800, IP4)[:20],                                                             # IP cut
    b"\x0f\x00\x08",                                                                           # header cut
]
write("lnk-chdlc.pcap", 104, ch)

# --- DCCP over IPv4 and IPv6 ---
def dccp(ptype, x, seq, rest=b"", opts=b"", cscov=0, ccval=0, doff=None, payload=b"", v6=False, fix_sum=True):
    hdr_fixed = 16 if x else 12
    hdr = hdr_fixed + len(rest) + len(opts)
    d_off = (hdr + 3) // 4 if doff is None else doff
    opts += b"\0" * (d_off * 4 - hdr if doff is None else 0)
    xtr = (ptype << 1) | x
    if x:
        base = struct.pack(">HHBBHBB", 40000, 5001, d_off, (ccval << 4) | cscov, 0, xtr, 0) + struct.pack(">Q", seq)[2:]
    else:
        base = struct.pack(">HHBBHB", 40000, 5001, d_off, (ccval << 4) | cscov, 0, xtr) + struct.pack(">I", seq)[1:]
    body = base + rest + opts + payload
    ip = IPv6(src="fd00::1", dst="fd00::2", nh=33) if v6 else IP(src="10.198.0.1", dst="10.198.0.2", proto=33)
    pkt = bytearray(bytes(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / ip / Raw(body)))
    if fix_sum:
        # checksum via scapy's in4/in6 pseudo-header helpers over the covered bytes
        from scapy.utils import checksum
        from scapy.layers.inet6 import in6_chksum
        off = 14 + (40 if v6 else 20)
        n = len(body)
        cov = n if cscov == 0 else min(n, (d_off + cscov - 1) * 4)
        if v6:
            ph = bytes(16 * [0])
            src, dst = bytes.fromhex("fd00" + "00" * 13 + "01"), bytes.fromhex("fd00" + "00" * 13 + "02")
            pseudo = src + dst + struct.pack(">IxxxB", n, 33)
        else:
            pseudo = bytes([10, 198, 0, 1, 10, 198, 0, 2]) + struct.pack(">xBH", 33, n)
        s = checksum(pseudo + bytes(pkt[off:off + cov]))
        pkt[off + 6:off + 8] = struct.pack(">H", s)
    return bytes(pkt)


ACK3 = struct.pack(">I", 12345)          # reserved(1) + 24-bit ack
ACK6 = struct.pack(">HHI", 0, 0x0001, 0x23456789)  # reserved(2) + 48-bit ack
OPTS = (b"\x00" + b"\x02" + bytes([32, 4, 1, 2]) + bytes([33, 3, 8]) + bytes([34, 3, 11]) + bytes([36, 4, 0xab, 0xcd])
        + bytes([37, 3, 7]) + bytes([38, 4, 1, 2]) + bytes([39, 3, 9]) + bytes([40, 3, 5]) + bytes([41, 6, 0, 0, 1, 0])
        + bytes([42, 6, 0, 0, 0, 9]) + bytes([42, 8, 0, 0, 0, 9, 0, 7]) + bytes([42, 10, 0, 0, 0, 9, 0, 0, 0, 7])
        + bytes([43, 4, 1, 0]) + bytes([43, 6, 0, 1, 0, 0]) + bytes([44, 6, 1, 2, 3, 4]) + bytes([130, 4, 0, 5])
        + bytes([131, 6, 0, 0, 0, 6]) + bytes([132, 3, 1]) + bytes([41, 5, 0, 0, 0]) + bytes([43, 5, 0, 0, 0])
        + bytes([42, 7, 0, 0, 0, 0, 0]) + bytes([33, 2]) + bytes([200, 2]) + bytes([45, 2]))
dc = [
    dccp(0, 1, 1, struct.pack(">I", 42)),                                   # Request, X=1
    dccp(1, 1, 2, ACK6 + struct.pack(">I", 42)),                            # Response
    dccp(2, 1, 3, payload=b"data!"),                                        # Data
    dccp(3, 1, 4, ACK6),                                                    # Ack
    dccp(4, 1, 5, ACK6, payload=b"x" * 9, cscov=1, ccval=3),                # DataAck, partial coverage
    dccp(5, 1, 6, ACK6), dccp(6, 1, 7, ACK6),
    dccp(7, 1, 8, ACK6 + bytes([3, 1, 2, 3])), dccp(7, 1, 8, ACK6 + bytes([99, 0, 0, 0])),
    dccp(8, 1, 9, ACK6), dccp(9, 1, 10, ACK6), dccp(12, 1, 11, ACK6),       # Sync, SyncAck, unknown type
    dccp(3, 0, 0x123456, ACK3),                                             # short sequence numbers
    dccp(3, 1, 4, ACK6, opts=OPTS),                                         # every option
    dccp(3, 1, 4, ACK6, opts=bytes([41, 9, 0, 0])),                         # option past header
    dccp(3, 1, 4, ACK6, opts=bytes([38, 1, 0, 0])),                         # optlen < 2
    dccp(3, 1, 4, ACK6, opts=bytes([130, 1, 0, 0])),
    dccp(3, 1, 4, ACK6, opts=bytes([33, 2, 0, 0])),
    dccp(3, 1, 4, ACK6, fix_sum=False),                                     # bad checksum
    dccp(0, 1, 1, struct.pack(">I", 42), v6=True), dccp(3, 1, 4, ACK6, v6=True, opts=bytes([41, 6, 0, 0, 0, 1])),
    dccp(3, 1, 4, b""),                                                     # Ack without ack subheader
    dccp(0, 1, 1, b""), dccp(1, 1, 1, ACK6), dccp(7, 1, 1, ACK6),           # type-specific parts missing
    dccp(3, 1, 4, ACK6)[:14 + 20 + 14],                                     # header cut by the capture
    dccp(3, 1, 4, ACK6)[:14 + 20 + 8],
    dccp(3, 1, 4, ACK6, opts=bytes([42, 10, 0, 0, 0, 9, 0, 0, 0, 7]))[:-6],  # option cut by the capture
]
dc.append(bytes(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / IP(src="10.198.0.1", dst="10.198.0.2", proto=33) / Raw(b"\0" * 8)))
dc.append(bytes(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / IP(src="10.198.0.1", dst="10.198.0.2", proto=33) / Raw(b"\0" * 8 + b"\x07" + b"\0" * 3)))
write("lnk-dccp.pcap", 1, dc)

# --- Frame Relay ---
def q922(dlci, alen=2, cr=0, fecn=0, becn=0, de=0):
    if alen == 2:
        return bytes([((dlci >> 4) << 2) | (cr << 1), ((dlci & 0xf) << 4) | (fecn << 3) | (becn << 2) | (de << 1) | 1])
    if alen == 3:
        return bytes([((dlci >> 10) << 2) | (cr << 1), (((dlci >> 6) & 0xf) << 4) | (fecn << 3) | (becn << 2) | (de << 1), ((dlci & 0x3f) << 2) | 1])
    return bytes([((dlci >> 17) << 2) | (cr << 1), (((dlci >> 13) & 0xf) << 4) | (fecn << 3) | (becn << 2) | (de << 1),
                  ((dlci >> 6) & 0x7f) << 1, ((dlci & 0x3f) << 2) | 1])


frs = [
    q922(100) + b"\x03\xcc" + IP4,                                    # NLPID IPv4
    q922(101, fecn=1, becn=1, de=1, cr=1) + b"\x03\x8e" + IP6,        # IPv6, all flags
    q922(102, alen=3) + b"\x03\x00\xcc" + IP4,                        # 3-byte address with pad
    q922(103, alen=3) + b"\x03\xcc" + IP4,                            # 3-byte without pad
    q922(104) + b"\x03\x00\xcc" + IP4,                                # pad with 2-byte address
    q922(70000, alen=4) + b"\x03\xcc" + IP4,                          # 4-byte address
    q922(105) + b"\x08\x00" + IP4,                                    # Cisco ethertype IPv4
    q922(106) + b"\x86\xdd" + IP6,                                    # Cisco ethertype IPv6
    q922(107) + b"\x12\x34" + b"\x03\xcc" + IP4,                      # unknown ethertype: UI 12!
    q922(108) + b"\x03\x80" + b"\x00\x00\x00\x08\x00" + IP4,          # SNAP
    q922(109) + b"\x03\x80" + b"\x12\x34\x56\x00\x01" + b"abc",       # SNAP, unknown
    q922(110) + b"\x03\x77" + b"payload",                             # unknown NLPID
    q922(0) + b"\x08\x00" + b"\xcc" + IP4,                            # DLCI 0 is never Cisco style
    b"\x01\x00\x03\xcc" + IP4,                                        # invalid address (EA in byte 1)
    q922(103, alen=3)[:2] + b"\x00\x01\x03",                          # more than 4 address bytes
    q922(100) + b"\x03\xcc" + IP4[:10],                               # IP cut
    q922(100)[:1] + b"\x00\x00",                                      # cut before 4 bytes
]
write("lnk-fr.pcap", 107, frs)

# --- ARCNET and Linux ARCNET ---
ARCARP = struct.pack(">HHBBH", 7, 0x0800, 1, 4, 1) + bytes([0xbe, 10, 198, 0, 1, 0, 10, 198, 0, 2])
arc = [
    b"\xbe\x50\xf0" + IP4,                                  # RFC 1051 IP
    b"\xbe\x00\xf1" + ARCARP,                               # RFC 1051 ARP
    b"\xbe\x50\xd4\x00\x12\x34" + IP4,                      # RFC 1201 IP, unfragmented
    b"\xbe\x50\xd4\x03\x12\x35" + IP4,                      # first of 3 fragments
    b"\xbe\x50\xd4\x02\x12\x35" + b"rest",                  # middle fragment: not decoded
    b"\xbe\x50\xd4\xff\xd4\x00\x00\x00\x12\x36" + IP4,      # exception frame
    b"\xbe\x50\xd5\x00\x00\x01" + ARCARP,                   # RFC 1201 ARP
    b"\xbe\x50\xc4\x00\x00\x02" + IP6,                      # IPv6
    b"\xbe\x50\x80" + b"diag",                              # diagnostics: unknown payload
    b"\xbe\x50\x42\x00\x00\x03" + b"other",                 # unknown type
    b"\xbe\x50\xd4\x00",                                    # phds cut
    b"\xbe\x50\xd4\xff\xd4\x00\x00",                        # extended phds cut
    b"\xbe\x50",                                            # header cut
]
write("lnk-arcnet.pcap", 7, arc)
arcl = [
    b"\xbe\x00\xed\x08\xf1" + ARCARP,                       # old ARP (as in tcpdump's capture)
    b"\xbe\x50\xab\x08\xf0" + IP4,                          # old IP
    b"\xbe\x50\x00\x00\xd4\x00\x00\x01" + IP4,              # RFC 1201 IP
    b"\xbe\x50\x00\x00\xc4\x00\x00\x01" + IP6,
    b"\xbe\x50\x00\x00\x77\x00\x00\x01" + b"unknown",
    b"\xbe\x50\x00\x00\xd4\x00",                            # new header cut
    b"\xbe\x50\x00",                                        # header cut
]
write("lnk-arcnet-linux.pcap", 129, arcl)

# --- Ethernet switch tags: Marvell DSA / EDSA, Broadcom ---
MACS = bytes.fromhex("020000000002" "020000000001")


def dsa_tag(mode, dev, port, tagged=0, trunk=0, cfi=0, pri=0, vid=0, code=0):
    b0 = (mode << 6) | (tagged << 5) | dev
    b1 = (port << 3) | (((code >> 1) & 3) << 1 if mode == 0 else trunk << 2) | cfi
    b2 = (pri << 5) | ((code & 1) << 4) | (vid >> 8)
    return bytes([b0, b1, b2, vid & 0xff])


def tagged_frame(tag, etype=0x0800, payload=IP4):
    return MACS + tag + struct.pack(">H", etype) + payload


dsas = [dsa_tag(3, 0, 2, vid=1337), dsa_tag(3, 1, 5, tagged=1, trunk=1, cfi=1, pri=5, vid=7), dsa_tag(1, 0, 3),
        dsa_tag(0, 2, 4, code=0), dsa_tag(0, 2, 4, code=5), dsa_tag(0, 2, 4, code=7), dsa_tag(2, 1, 1, trunk=1),
        dsa_tag(2, 1, 1, trunk=0)]
write("lnk-dsa.pcap", 284, [tagged_frame(t) for t in dsas] + [tagged_frame(dsas[0], 0x86dd, IP6), tagged_frame(dsas[0], 0x1234, b"xyz"),
                                                             tagged_frame(dsas[0])[:14], tagged_frame(dsas[0])[:20]])
edsas = [b"\xda\xda\x00\x00" + t for t in dsas[:4]] + [b"\x08\x00\x01\x02" + dsas[0]]
write("lnk-edsa.pcap", 285, [tagged_frame(t) for t in edsas] + [tagged_frame(edsas[0])[:18]])
brcm = [bytes([0x20, 0x00, 0x00, 0x80]), bytes([0x20, 0x8e, 0x01, 0xff]), bytes([0x20, 0x03, 0, 1]),
        bytes([0x00, 0x05, 0x20, 0x00]), bytes([0x00, 0x00, 0x01, 0xe3]), bytes([0x00, 0x01, 0x10, 0x1f]),
        bytes([0x00, 0x01, 0x03, 0x00]), bytes([0x40, 0x01, 0x08, 0x00])]
write("lnk-brcm.pcap", 281, [tagged_frame(t) for t in brcm] + [tagged_frame(brcm[0])[:15]])

# --- Arista vendor Ethernet type (timestamps) ---
def arista(hdr, etype=0x0800, payload=IP4):
    return MACS + b"\xd2\x8b" + hdr + struct.pack(">H", etype) + payload


ar = [
    arista(struct.pack(">HBBII", 1, 0, 0x10, 1559162199, 944724424)),            # 64-bit TAI R/R2
    arista(struct.pack(">HBBII", 1, 1, 0x11, 1559162199, 1944724424)),           # UTC R3, ns overflow
    arista(struct.pack(">HBBHI", 1, 0, 0x20, 60821, 404038772)),                  # 48-bit
    arista(struct.pack(">HBBHI", 1, 7, 0x25, 60821, 2404038772)),                 # unknown timescale/hw
    arista(struct.pack(">HBBII", 1, 0, 0x10, 1, 2), 0x8100, struct.pack(">HH", 100, 0x0800) + IP4),  # VLAN inside
    arista(struct.pack(">HBBII", 1, 0, 0x10, 1, 2), 0x8847, struct.pack(">I", (1024 << 12) | 0x1ff) + IP4),  # MPLS inside
    arista(struct.pack(">HBB", 1, 0, 0x30) + b"\0" * 8),                          # unknown format
    arista(struct.pack(">H", 5) + b"\0" * 10),                                    # unknown subtype
    arista(struct.pack(">HBBII", 1, 0, 0x10, 1, 2))[:20],                         # cut in the header
    (MACS + b"\xd2\x8b" + b"\x00", 40),                                           # 1 byte of Arista
]
write("lnk-arista.pcap", 1, ar)

# --- 802.11 management bodies with elements, and action frames (plain 802.11) ---
BC = bytes.fromhex("ffffffffffff")


def el(i, d):
    return bytes([i, len(d)]) + d


SSID = el(0, b"home-net")
RATES = el(1, bytes([0x82, 0x84, 0x8b, 0x96, 0x0c, 0x12, 0x18, 0x24]))
RATES12 = el(1, bytes([0x82, 0x84, 0x8b, 0x96, 0x0c, 0x12, 0x18, 0x24, 0x30, 0x48, 0x60, 0x6c]))
DS = el(3, b"\x06")
FIX = b"\0" * 8 + struct.pack("<HH", 100, 0x0011)
mg = [
    mgmt(8, FIX + SSID + RATES + DS, da=BC), mgmt(8, struct.pack("<Q", 1) + struct.pack("<HH", 100, 2) + SSID + RATES12 + DS + el(5, b"\0\1\0\0"), da=BC),
    mgmt(8, FIX + el(0, b"") + RATES + el(3, b"\x06\x07") + DS, da=BC), mgmt(8, FIX + el(0, b"\x01ab\xe9\x7f") + el(1, b"") + RATES + el(221, b"vendor") + DS, da=BC),
    mgmt(8, FIX + el(0, b"x" * 33) + RATES, da=BC), mgmt(8, FIX + SSID + b"\x01", da=BC), mgmt(8, FIX[:10], da=BC),
    mgmt(8, FIX + SSID + el(0, b"second") + RATES + DS + RATES12, da=BC), mgmt(8, FIX + SSID + el(16, b"c" * 254), da=BC),
    mgmt(4, SSID + RATES, da=BC), mgmt(4, b"", da=BC), mgmt(4, el(0, b"") + RATES12, da=BC),
    mgmt(5, FIX + SSID + RATES + DS), mgmt(5, b"\0" * 8 + struct.pack("<HH", 100, 1) + SSID),
    mgmt(0, struct.pack("<HH", 0x11, 10) + SSID + RATES), mgmt(2, struct.pack("<HH", 0x11, 10) + A3 + SSID + RATES),
    mgmt(1, struct.pack("<HHH", 0x11, 0, 0xc001) + RATES), mgmt(3, struct.pack("<HHH", 1, 17, 5)), mgmt(1, struct.pack("<HHH", 1, 300, 5)),
    mgmt(1, b"\0\0"), mgmt(0, b"\0"), mgmt(2, b"\0" * 8), mgmt(6, b"x"), mgmt(14, b"x"), mgmt(15, b""),
]
mg += [mgmt(13, bytes([c, a])) for c, a in [(0, 4), (1, 1), (2, 2), (3, 0), (3, 1), (3, 2), (3, 9), (7, 0), (7, 1), (7, 5), (127, 3),
                                             (4, 0), (13, 1), (13, 10), (13, 11), (14, 0), (14, 1), (14, 2), (15, 0), (15, 5)]]
mg += [mgmt(13, b"\x03")]
write("lnk-wlan-mgmt.pcap", 105, mg)
