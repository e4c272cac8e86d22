#!/usr/bin/python3
# isisx-make-captures.py - captures for tests/golden/isisx.list: IS-IS PDUs (LAN and p2p
# IIH, LSP with extended IS/IP reachability and sub-TLVs, CSNP, PSNP), CLNP and ES-IS over
# Ethernet/LLC, Cisco HDLC and Ethernet II type 0xfefe, L2TP control AVPs, HNCP TLVs, Babel
# TLVs, RESP (Redis) and an OpenFlow 1.0 PACKET_IN carrying a frame, each whole and cut short at many lengths, so that the
# truncation marker and where the -x/-X dump starts (tcpdump's longjmp vs its own marker)
# are checked at every kind of cut.  Plain struct, no scapy.
# Writes tests/captures/isisx-*.pcap.  Run: /usr/bin/python3 tests/golden/isisx-make-captures.py
import os, struct

HERE = os.path.dirname(os.path.abspath(__file__))
CAP = os.path.join(HERE, "..", "captures")


def write_pcap(name, pkts, linktype=1):
    """pkts: (frame, caplen or None); caplen cuts the frame, the wire length stays."""
    with open(os.path.join(CAP, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, linktype))
        for i, (fr, cut) in enumerate(pkts):
            data = fr if cut is None else fr[:cut]
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(data), len(fr)))
            f.write(data)


def cuts(frames, start, step):
    """Each frame whole, then cut at start, start+step, ... (and one byte short)."""
    out = []
    for fr in frames:
        out.append((fr, None))
        for c in sorted(set(range(start, len(fr), step)) | {len(fr) - 1}):
            out.append((fr, c))
    return out

def u8(v): return struct.pack('>B', v)
def u16(v): return struct.pack('>H', v)
def u32(v): return struct.pack('>I', v & 0xffffffff)
def tlv(t, v): return u8(t) + u8(len(v)) + v
SYS = bytes.fromhex('192168001001')
SYS2 = bytes.fromhex('192168001002')

def hdr(ptype, fixed):
    return bytes([0x83, 8 + len(fixed), 1, 0, ptype, 1, 0, 0]) + fixed

def fill_len(pdu, off):
    return pdu[:off] + u16(len(pdu)) + pdu[off + 2:]

def iih_lan():
    fixed = u8(3) + SYS + u16(30) + u16(0) + u8(64) + SYS2 + u8(1)
    tl = (tlv(1, bytes.fromhex('03490001')) + tlv(129, bytes([0xcc, 0x8e])) +
          tlv(132, bytes([10, 0, 0, 1])) + tlv(6, bytes.fromhex('020000000001')) +
          tlv(232, bytes(16)) + tlv(211, bytes([0x01, 0, 30])) + tlv(8, bytes(6)))
    return fill_len(hdr(15, fixed) + tl, 8 + 9)

def iih_p2p():
    fixed = u8(2) + SYS + u16(30) + u16(0) + u8(1)
    tl = (tlv(1, bytes.fromhex('03490001')) + tlv(240, bytes([2]) + u32(7) + SYS2 + u32(9)) +
          tlv(129, bytes([0xcc])) + tlv(10, bytes([54]) + b'secretkey1234567'))
    return fill_len(hdr(17, fixed) + tl, 8 + 9)

def lsp():
    fixed = u16(0) + u16(1199) + SYS + b'\x00\x00' + u32(0x1234) + u16(0) + u8(3)
    sub22 = tlv(6, bytes([10, 1, 1, 1])) + tlv(8, bytes([10, 1, 1, 2])) + tlv(9, u32(0x4e6e6b28)) + tlv(3, u32(0x40))
    e22 = SYS2 + b'\x00' + bytes([0, 0, 10]) + u8(len(sub22)) + sub22
    sub135 = tlv(1, u32(100)) + tlv(3, u8(0x40) + u8(0) + u16(0) + u8(0))
    e135 = u32(20) + u8(0x40 | 24) + bytes([10, 2, 3]) + u8(len(sub135)) + sub135
    e135b = u32(5) + u8(8) + bytes([11])
    e236 = u32(10) + u8(0) + u8(64) + bytes.fromhex('20010db800000001')
    cap = bytes([10, 0, 0, 1, 0]) + tlv(2, bytes([0xc0]) + bytes([0, 0, 100]) + tlv(1, bytes([0, 0, 16]) + bytes([16000 >> 8, 16000 & 255])))
    tl = (tlv(137, b'router-one') + tlv(1, bytes.fromhex('03490001')) + tlv(129, bytes([0xcc, 0x8e])) +
          tlv(134, bytes([10, 0, 0, 1])) + tlv(22, e22) + tlv(135, e135 + e135b) + tlv(236, e236) +
          tlv(242, cap) + tlv(2, bytes([0]) + bytes([10, 0x80, 0x80, 0x80]) + SYS2 + b'\x00') +
          tlv(128, bytes([10, 0x80, 0x80, 0x80, 10, 3, 0, 0, 255, 255, 0, 0])) +
          tlv(130, bytes([20, 0x80, 0x80, 0x80, 10, 4, 0, 0, 255, 255, 0, 0])) +
          tlv(232, bytes.fromhex('20010db8000000000000000000000001')) +
          tlv(229, u16(0) + u16(0x4002)) + tlv(14, u16(1492)))
    return fill_len(hdr(18, fixed) + tl, 8)

def csnp():
    fixed = u16(0) + SYS + b'\x00' + bytes(8) + b'\xff' * 8
    ent = u16(1199) + SYS + b'\x00\x00' + u32(5) + u16(0xabcd)
    ent2 = u16(300) + SYS2 + b'\x01\x00' + u32(9) + u16(0x1111)
    return fill_len(hdr(24, fixed) + tlv(9, ent + ent2), 8)

def psnp():
    fixed = u16(0) + SYS + b'\x00'
    ent = u16(1199) + SYS + b'\x00\x00' + u32(5) + u16(0xabcd)
    return fill_len(hdr(27, fixed) + tlv(9, ent) + tlv(10, bytes([1]) + b'pw'), 8)

PDUS = [iih_lan(), iih_p2p(), lsp(), csnp(), psnp()]

def eth_llc(pdu):
    body = b'\xfe\xfe\x03' + pdu
    return bytes.fromhex('0180c2000014') + bytes.fromhex('020000000001') + u16(len(body)) + body

def chdlc(pdu):
    return bytes([0x0f, 0x00]) + u16(0xfefe) + b'\x03' + pdu  # C_HDLC, OSI proto

def clnp(ptype=28, flags=0xa0, opts=b'', payload=b'\x01\x02\x03\x04'):
    dst = bytes.fromhex('490001aabbccddeeff00')
    src = bytes.fromhex('490001112233445566ff00')
    seg = u16(0x1234) + u16(0) + u16(0) if flags & 0x80 else b''
    body = u8(len(dst)) + dst + u8(len(src)) + src + seg + opts
    li = 9 + len(body)
    h = bytes([0x81, li, 1, 30, flags | ptype]) + u16(li + len(payload)) + u16(0) + body
    pdu = h + payload
    if flags & 0x80:
        pdu = pdu[:li - len(opts) - 2] + u16(len(pdu)) + pdu[li - len(opts):]
    return pdu

CLNP_OPTS = (tlv(0xcd, b'\x05') + tlv(0xc3, b'\x40') + tlv(0xc5, b'\x01\x02\x03') +
             tlv(0xcc, b'\x00\x00') + tlv(0xc8, b'\x00\x02' + b'\x03\x49\x00\x01'))

def clnp_pdus():
    data = clnp(28, 0xa0, CLNP_OPTS)
    er = clnp(1, 0x00, tlv(0xc1, b'\x81\x05'), data[:40])
    echo = clnp(30, 0x20, b'')
    return [data, er, echo]

def esis_pdus():
    out = []
    nsap = bytes.fromhex('490001112233445566ff00')
    for t, body in ((2, u8(1) + u8(len(nsap)) + nsap), (4, u8(len(nsap)) + nsap),
                    (6, u8(len(nsap)) + nsap + u8(6) + bytes.fromhex('020000000009') + u8(len(nsap)) + nsap)):
        opts = tlv(0xc5, b'\x01') + tlv(0xcd, b'\x03') + tlv(0x81, b'\xcc') + tlv(0xc6, u16(30))
        pdu = bytes([0x82, 0, 1, 0, t]) + u16(60) + u16(0) + body + opts
        pdu = pdu[:1] + u8(len(pdu)) + pdu[2:]
        out.append(pdu)
    return out

def esis_conf_time():
    """ISH whose first option is the ES configuration time (cut inside its value below)."""
    nsap = bytes.fromhex("490001112233445566ff00")
    pdu = bytes([0x82, 0, 1, 0, 4]) + u16(60) + u16(0) + u8(len(nsap)) + nsap + tlv(0xc6, u16(30)) + tlv(0xc5, b"\x01")
    return pdu[:1] + u8(len(pdu)) + pdu[2:]


def eth_osi(pdu):
    """Ethernet II type 0xfefe: tcpdump skips the byte after the type."""
    return bytes.fromhex('020000000002') + bytes.fromhex('020000000001') + u16(0xfefe) + b'\xfe' + pdu

def csum(b):
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('>%dH' % (len(b) // 2), b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff

def ip4(proto, payload, src=bytes([10, 1, 1, 1]), dst=bytes([10, 1, 1, 2])):
    h = bytes([0x45, 0]) + u16(20 + len(payload)) + u16(7) + u16(0) + bytes([64, proto]) + u16(0) + src + dst
    h = h[:10] + u16(csum(h)) + h[12:]
    return h + payload

def udp4(sport, dport, payload):
    u = u16(sport) + u16(dport) + u16(8 + len(payload)) + u16(0)
    return ip4(17, u + payload)

def tcp4(sport, dport, payload, flags=0x18):
    t = u16(sport) + u16(dport) + u32(1000) + u32(2000) + u16(0x5000 | flags) + u16(8192) + u16(0) + u16(0)
    return ip4(6, t + payload)

def ip6(nh, payload, src=bytes.fromhex('fe800000000000000000000000000001'), dst=bytes.fromhex('ff020000000000000000000000000011')):
    return bytes([0x60, 0, 0, 0]) + u16(len(payload)) + bytes([nh, 64]) + src + dst + payload

def udp6(sport, dport, payload):
    return ip6(17, u16(sport) + u16(dport) + u16(8 + len(payload)) + u16(0) + payload)

def eth(typ, payload, dst=bytes.fromhex('020000000002'), src=bytes.fromhex('020000000001')):
    return dst + src + u16(typ) + payload

def avp(typ, val, m=1):
    return u16((0x8000 if m else 0) | (6 + len(val))) + u16(0) + u16(typ) + val

def l2tp_ctrl():
    avps = (avp(0, u16(1)) + avp(2, u16(0x100)) + avp(3, u32(3)) + avp(4, u32(1)) +
            avp(7, b'lns.example') + avp(9, u16(5)) + avp(10, u16(4)) + avp(8, b'vendorX') +
            avp(1, u16(2) + u16(6) + b'bad') + avp(35, u16(0) + u32(0xffffffff) + u32(0xffffffff)))
    body = u16(0xc802) + u16(12 + len(avps)) + u16(5) + u16(0) + u16(0) + u16(0) + avps
    return eth(0x0800, udp4(1701, 1701, body))

def hncp():
    def tlv(t, v):
        pad = (4 - len(v) % 4) % 4
        return u16(t) + u16(len(v)) + v + b'\0' * pad
    node = tlv(3, bytes(4) + u32(7) + bytes(8))
    dh6 = tlv(37, tlv(1, bytes.fromhex('20010db8000000000000000000000053')) + tlv(2, b'\x03abc'))
    prefix = tlv(35, u32(1) + u8(64) + bytes.fromhex('20010db800010000'))
    ep = tlv(4, u32(1) + u32(2))
    nbr = tlv(8, bytes(4) + u32(3) + u32(4))
    body = tlv(1, b'\x01\x02\x03\x04' + b'\0' * 4) + node + ep + nbr + tlv(32, u16(2) + u16(1)) + dh6 + prefix
    return eth(0x86dd, udp6(8231, 8231, body))

def resp():
    return [eth(0x0800, tcp4(6379, 40000, m)) for m in (
        b'*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n',
        b'+OK\r\n-ERR wrong\r\n:1000\r\n',
        b'PING inline\r\n\r\n',
        b'$-1\r\n*0\r\n$0\r\n\r\n')]

def babel():
    hello = u8(4) + u8(6) + u16(0) + u16(5) + u16(400)
    ihu = u8(5) + u8(10) + u8(1) + u8(0) + u16(96) + u16(1200) + bytes([10, 1, 1, 2])
    rid = u8(6) + u8(10) + u16(0) + bytes.fromhex('0200000000000001')
    upd = u8(8) + u8(14) + u8(1) + u8(0) + u8(24) + u8(0) + u16(1600) + u16(3) + u16(96) + bytes([10, 9, 9])
    nh = u8(7) + u8(6) + u8(1) + u8(0) + bytes([10, 1, 1, 1])
    body = hello + ihu + rid + nh + upd
    return eth(0x0800, udp4(6696, 6696, bytes([42, 2]) + u16(len(body)) + body))

def openflow():
    inner = bytes.fromhex('0180c2000000') + bytes.fromhex('020000000009') + u16(38) + bytes([0x42, 0x42, 0x03]) + bytes(35)
    msg = u32(0xffffffff) + u16(len(inner)) + u16(1) + u8(0) + u8(0) + inner
    of = u8(1) + u8(10) + u16(8 + len(msg)) + u32(0) + msg
    return eth(0x0800, tcp4(40000, 6653, of))


def lsp2():
    fixed = u16(0) + u16(1199) + SYS + b'\x00\x01' + u32(0x99) + u16(0) + u8(0x0b)
    sub22 = tlv(4, u32(1) + u32(2)) + tlv(10, u32(0x4e6e6b28) * 2) + tlv(11, u32(0x4e6e6b28) * 8) + tlv(18, bytes([0, 0, 5]))
    e222 = u16(2) + SYS2 + b'\x00' + bytes([0, 0, 10]) + u8(len(sub22)) + sub22
    e235 = u16(2) + u32(20) + u8(0x40 | 16) + bytes([10, 7]) + u8(6) + tlv(2, u32(0x12345678))
    e237 = u16(2) + u32(10) + u8(0x20) + u8(48) + bytes.fromhex('20010db80001') + u8(6) + tlv(1, u32(7))
    cap = bytes([10, 0, 0, 1, 3]) + tlv(2, bytes([0x80]) + bytes([0, 0, 100]) + tlv(1, bytes([0, 0, 16])))
    tl = (tlv(222, e222) + tlv(235, e235) + tlv(237, e237) + tlv(10, bytes([54]) + bytes(16)) +
          tlv(10, bytes([1]) + b'plain') + tlv(3, bytes([0x0a, 0x80, 0x80, 0x80]) + SYS) +
          tlv(5, bytes([0x0a, 0x80, 0x80, 0x80, 6]) + bytes.fromhex('490001')) +
          tlv(131, bytes([1]) + b'\x0a\x0b') + tlv(13, SYS + SYS2) + tlv(229, u16(0x8000) + u16(2)) +
          tlv(242, cap) + tlv(211, bytes([2, 0, 30]) + SYS2) + tlv(236, u32(10) + u8(0x40) + u8(64) + bytes(8) + u8(6) + tlv(1, u32(3))) +
          tlv(133, bytes([10, 0, 0, 9])) + tlv(14, u16(1400)) + tlv(128, bytes([10, 0, 0, 0, 10, 5, 0, 0, 255, 255, 0, 0])))
    return fill_len(hdr(20, fixed) + tl, 8)


def bc_models():
    """LSPs whose TE bandwidth-constraint sub-TLV carries model ids 0-4."""
    fixed = u16(0) + u16(1199) + SYS + b'\x00\x00' + u32(1) + u16(0) + u8(3)
    out = []
    for m in range(5):
        s = tlv(22, bytes([m]) + u32(0x4e6e6b28))
        v = SYS2 + b'\x00' + bytes([0, 0, 10]) + u8(len(s)) + s
        out.append(fill_len(hdr(18, fixed) + tlv(22, v), 8))
    return out


def babel_ae():
    """IHU, Next Hop, Update, Route and Seqno Request with address encodings 0-5."""
    out = []
    for ae in range(6):
        for t in (u8(5) + u8(10) + u8(ae) + u8(0) + u16(96) + u16(1200) + bytes([10, 1, 1, 2]),
                  u8(7) + u8(6) + u8(ae) + u8(0) + bytes([10, 1, 1, 1]),
                  u8(8) + u8(13) + u8(ae) + u8(0) + u8(24) + u8(0) + u16(1600) + u16(3) + u16(96) + bytes([10, 9, 9]),
                  u8(9) + u8(5) + u8(ae) + u8(24) + bytes([10, 9, 9]),
                  u8(10) + u8(17) + u8(ae) + u8(24) + u16(5) + u8(3) + u8(0) +
                  bytes.fromhex("0200000000000001") + bytes([10, 9, 9])):
            out.append(eth(0x0800, udp4(6696, 6696, bytes([42, 2]) + u16(len(t)) + t)))
    return out


def hncp_nul():
    """HNCP strings and DNS labels with a NUL inside."""
    def htlv(t, v):
        return u16(t) + u16(len(v)) + v + b"\0" * ((4 - len(v) % 4) % 4)
    s = b"ab\x00cd\x01e"
    bodies = [htlv(32, b"\x00\x00\x12\x34" + s), htlv(43, b"\x82" + s),
              htlv(43, b"\x81" + b"\x03a\x00b\x02cd\x00"), htlv(10, bytes(36) + s),
              htlv(41, bytes(16) + u8(len(s)) + s), htlv(40, b"\x03a\x00b\x00"),
              htlv(39, bytes(17) + b"\x03a\x00b\x00")]
    return [eth(0x86dd, udp6(8231, 8231, b)) for b in bodies]

def main():
    # IS-IS: every fourth cut over Ethernet/LLC, every ninth over Cisco HDLC
    write_pcap("isisx-isis.pcap", cuts([eth_llc(p) for p in PDUS], 14, 4))
    write_pcap("isisx-isis2.pcap", cuts([eth_llc(lsp2())], 40, 5) + [(eth_llc(p), None) for p in bc_models()])
    write_pcap("isisx-isis-chdlc.pcap", cuts([chdlc(p) for p in PDUS], 2, 9), linktype=104)
    osi = clnp_pdus() + esis_pdus()
    ct = eth_llc(esis_conf_time())
    write_pcap("isisx-clnp.pcap", cuts([eth_llc(p) for p in osi], 14, 3) + [(ct, None)] +
               [(ct, len(ct) - k) for k in range(2, 6)])
    write_pcap("isisx-osi-ether2.pcap", cuts([eth_osi(p) for p in (osi[0], PDUS[0], osi[3])], 12, 5))
    write_pcap("isisx-l2tp.pcap", cuts([l2tp_ctrl()], 40, 3))
    write_pcap("isisx-hncp.pcap", cuts([hncp()], 62, 4) + [(f, None) for f in hncp_nul()])
    babel_edge = [eth(0x0800, udp4(6696, 6696, bytes([42, 2]) + u16(bl) + extra))
                  for bl in (1, 2, 10) for extra in (b"\x04", b"\x00", b"\x04\x06")]
    write_pcap("isisx-babel.pcap", cuts([babel()], 43, 4) + [(f, None) for f in babel_edge + babel_ae()])
    write_pcap("isisx-resp.pcap", cuts(resp(), 52, 2))
    write_pcap("isisx-openflow.pcap", cuts([openflow()], 60, 3))


if __name__ == "__main__":
    main()
