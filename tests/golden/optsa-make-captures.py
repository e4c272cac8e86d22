#!/usr/bin/python3
# optsa-make-captures.py - captures for tests/golden/optsa.list: option-dependent output.
#   BGP 4-byte AS numbers under -b (asdot) in every place tcpdump uses it (OPEN capability,
#   AS_PATH/AS4_PATH, AGGREGATOR/AS4_AGGREGATOR, extended communities, ATTR_SET, RD type 2,
#   RT-constraint NLRI, MVPN Source-AS);
#   NFS file handles under -u (v2 and v3 calls, short and long handles);
#   ForCES messages at -vvv (LFBselect, oper TLVs, PATH-DATA, FULLDATA, SPARSEDATA, RESULT,
#   KEYINFO, table ranges, redirect metadata, association results, malformed TLVs).
# Packets cut short (snap length) too.  Writes tests/captures/optsa-*.pcap.
# Run: /usr/bin/python3 tests/golden/optsa-make-captures.py
import os, struct
from scapy.all import Ether, IP, UDP, TCP, Raw, wrpcap
from scapy.layers.sctp import SCTP, SCTPChunkData

HERE = os.path.dirname(os.path.abspath(__file__))
CAP = os.path.join(HERE, "..", "captures")
MAC_A, MAC_B = "02:00:00:00:00:01", "02:00:00:00:00:02"
A4, B4 = "10.199.3.1", "10.199.3.2"

def u8(v): return struct.pack(">B", v)
def u16(v): return struct.pack(">H", v)
def u32(v): return struct.pack(">I", v & 0xffffffff)

class Cap:
    """Packets with distinct times; cut=N keeps only the first N bytes of the frame."""
    def __init__(self):
        self.pkts = []
    def add(self, frame, cut=None):
        t = 1700000000 + len(self.pkts)
        if cut is not None:
            raw = bytes(frame)[:cut]
            p = Ether(raw)
            p.wirelen = len(bytes(frame))
            frame = p
        frame.time = t
        self.pkts.append(frame)
    def write(self, name):
        wrpcap(os.path.join(CAP, name), self.pkts)

# ---------------------------------------------------------------- BGP
def bgp(mtype, body):
    return b"\xff" * 16 + u16(19 + len(body)) + u8(mtype) + body

def attr(flags, atype, val):
    if len(val) > 255:
        flags |= 0x10
    return u8(flags) + u8(atype) + (u16(len(val)) if flags & 0x10 else u8(len(val))) + val

def update(attrs, nlri=b"", withdrawn=b""):
    a = b"".join(attrs)
    return bgp(2, u16(len(withdrawn)) + withdrawn + u16(len(a)) + a + nlri)

def seg(stype, ases, size=4):
    return u8(stype) + u8(len(ases)) + b"".join(u32(a) if size == 4 else u16(a) for a in ases)

def rd2(asn, num):
    return u16(2) + u32(asn) + u16(num)

def bgp_tcp(payload, seq=1000):
    return Ether(src=MAC_A, dst=MAC_B) / IP(src=A4, dst=B4, id=1) / \
        TCP(sport=40179, dport=179, flags="PA", seq=seq, ack=1) / Raw(payload)

def bgp_caps():
    c = Cap()
    big = [65536, 4200000001, 100, 65535, 65537, 4294967295, 70000]
    # OPEN with the 4-byte AS capability (AS_TRANS in my AS) and a small one
    for asn in (4200000001, 65536, 65535, 70000):
        cap = u8(65) + u8(4) + u32(asn)
        opt = u8(2) + u8(len(cap)) + cap
        c.add(bgp_tcp(bgp(1, u8(4) + u16(23456) + u16(180) + bytes([10, 0, 0, 1]) + u8(len(opt)) + opt)))
    # UPDATE: 4-byte AS_PATH (set and sequence), aggregators, AS4 attributes, communities
    ext = b"".join([
        u16(0x0002) + u16(65001) + u32(4200000001),      # RT, 2-byte AS: not asdot
        u16(0x0202) + u32(4200000001) + u16(7),          # RT, 4-byte AS
        u16(0x0203) + u32(65536) + u16(9),               # RO, 4-byte AS
        u16(0x0202) + u32(65535) + u16(1),               # 4-byte field, small AS
        u16(0x0102) + bytes([192, 0, 2, 1]) + u16(5),    # RT, IPv4
    ])
    attrs = [
        attr(0x40, 1, u8(0)),
        attr(0x40, 2, seg(2, big) + seg(1, [4200000002, 65536])),
        attr(0x40, 3, bytes([10, 0, 0, 2])),
        attr(0xc0, 7, u32(4200000001) + bytes([10, 0, 0, 3])),
        attr(0xc0, 8, u32(0xfde80064) + u32(0xffffff01)),
        attr(0xc0, 16, ext),
        attr(0xc0, 17, seg(2, [65536, 1, 4294967295])),
        attr(0xc0, 18, u32(131072) + bytes([10, 0, 0, 4])),
    ]
    c.add(bgp_tcp(update(attrs, nlri=u8(8) + u8(10))))
    # 2-byte AS_PATH and aggregator (nothing above 65535)
    c.add(bgp_tcp(update([attr(0x40, 1, u8(0)), attr(0x40, 2, seg(2, [65535, 1, 300], 2)),
                          attr(0xc0, 7, u16(65000) + bytes([10, 0, 0, 3]))], nlri=u8(8) + u8(10))))
    # ATTR_SET with a 4-byte origin AS and a nested AS_PATH
    inner = attr(0x40, 1, u8(0)) + attr(0x40, 2, seg(2, [70000, 2]))
    c.add(bgp_tcp(update([attr(0xc0, 128, u32(4200000001) + inner)])))
    # RT constraint (AFI 1 SAFI 132): origin AS, route targets with 4-byte AS
    rt = b"".join([
        u8(96) + u32(70000) + u16(0x0202) + u32(4200000001) + u16(3),
        u8(96) + u32(22) + u16(0x0202) + u32(65536) + u16(0),
        u8(96) + u32(4200000001) + u16(0x0002) + u16(65000) + u32(5),
        u8(80) + u32(65536) + u16(0x0202) + u32(65540) + b"",
        u8(0),
    ])
    mp = u16(1) + u8(132) + u8(4) + bytes([10, 0, 0, 9]) + u8(0) + rt
    c.add(bgp_tcp(update([attr(0x80, 14, mp)])))
    # L3VPN (SAFI 128) with RD type 2
    vpn = u8(24 + 64 + 24) + bytes([0, 0x10, 0x01]) + rd2(4200000001, 44) + bytes([192, 168, 7])
    vpn += u8(24 + 64 + 16) + bytes([0, 0x20, 0x01]) + rd2(65535, 45) + bytes([10, 1])
    mp = u16(1) + u8(128) + u8(12) + bytes(8) + bytes([10, 0, 0, 9]) + u8(0) + vpn
    c.add(bgp_tcp(update([attr(0x80, 14, mp)])))
    # MVPN (SAFI 5): Inter-AS I-PMSI and C-multicast routes with 4-byte Source-AS
    r2 = u8(2) + u8(12) + rd2(4200000001, 1) + u32(65536)
    r6 = rd2(70000, 2) + u32(4200000003) + u8(32) + bytes([10, 2, 2, 2]) + u8(32) + bytes([232, 1, 1, 1])
    r6 = u8(6) + u8(len(r6)) + r6
    r7 = rd2(1, 3) + u32(100) + u8(32) + bytes([10, 2, 2, 3]) + u8(32) + bytes([232, 1, 1, 2])
    r7 = u8(7) + u8(len(r7)) + r7
    mp = u16(1) + u8(5) + u8(4) + bytes([10, 0, 0, 9]) + u8(0) + r2 + r6 + r7
    c.add(bgp_tcp(update([attr(0x80, 14, mp)])))
    # the big UPDATE cut inside the AS_PATH and inside the aggregator
    full = bgp_tcp(update(attrs, nlri=u8(8) + u8(10)))
    c.add(full, cut=77 + 4 + 3 + 12)
    c.add(full, cut=77 + 4 + 43 + 7 + 3 + 5)
    c.write("optsa-bgp4as.pcap")

# ---------------------------------------------------------------- NFS
def rpc_call(xid, vers, proc, args, cred_len=0):
    cred = u32(0) + u32(cred_len) + bytes(cred_len)
    return u32(xid) + u32(0) + u32(2) + u32(100003) + u32(vers) + u32(proc) + cred + u32(0) + u32(0) + args

def nfs_udp(payload, sport=1023):
    return Ether(src=MAC_A, dst=MAC_B) / IP(src=A4, dst=B4, id=2) / UDP(sport=sport, dport=2049) / Raw(payload)

def nfs_caps():
    c = Cap()
    fh32 = bytes([0xf0, 0xc8, 0x62, 0xc6, 0, 0, 0x10, 0, 0, 0, 0, 0, 0x14, 0xab, 2, 0,
                  0xc6, 0xdd, 0x76, 0x07, 0x58, 0xaa, 0x7a, 0x5b, 0, 0, 0, 0, 0, 0, 0, 0])
    fh8 = bytes([0, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef])
    fh64 = bytes(range(64))
    name = u32(5) + b"hello" + bytes(3)
    # v3: GETATTR with 32-, 8- and 64-byte handles, LOOKUP, READ, WRITE
    c.add(nfs_udp(rpc_call(0x1001, 3, 1, u32(32) + fh32)))
    c.add(nfs_udp(rpc_call(0x1002, 3, 1, u32(8) + fh8)))
    c.add(nfs_udp(rpc_call(0x1003, 3, 1, u32(64) + fh64)))
    c.add(nfs_udp(rpc_call(0x1004, 3, 3, u32(32) + fh32 + name)))
    c.add(nfs_udp(rpc_call(0x1005, 3, 6, u32(32) + fh32 + struct.pack(">Q", 8192) + u32(4096))))
    c.add(nfs_udp(rpc_call(0x1006, 3, 7, u32(8) + fh8 + struct.pack(">Q", 0) + u32(3) + u32(2) + u32(3) + b"abc\0")))
    c.add(nfs_udp(rpc_call(0x1007, 3, 14, u32(32) + fh32 + name + u32(32) + fh32 + name)))
    # v2: GETATTR and LOOKUP (fixed 32-byte handles)
    c.add(nfs_udp(rpc_call(0x2001, 2, 1, fh32)))
    c.add(nfs_udp(rpc_call(0x2002, 2, 4, bytes([0xbb] * 32) + name)))
    # cut inside the handle
    c.add(nfs_udp(rpc_call(0x1008, 3, 1, u32(32) + fh32)), cut=42 + 40 + 4 + 12)
    c.add(nfs_udp(rpc_call(0x2003, 2, 1, fh32)), cut=42 + 40 + 20)
    c.write("optsa-nfsfh.pcap")

# ---------------------------------------------------------------- ForCES
def tlv(t, val, pad=True):
    b = u16(t) + u16(4 + len(val)) + val
    if pad:
        b += bytes((-len(b)) % 4)
    return b

def pathdata(ids, inner=b"", flags=0):
    return tlv(0x0110, u16(flags) + u16(len(ids)) + b"".join(u32(i) for i in ids) + inner)

def lfbsel(cls, inst, ops):
    return tlv(0x1000, u32(cls) + u32(inst) + b"".join(ops))

def forces_msg(tom, tlvs, flags=0xf8000000, sid=2, did=0x40000003, cor=1):
    body = b"".join(tlvs)
    return u8(0x10) + u8(tom) + u16((24 + len(body)) // 4) + u32(sid) + u32(did) + struct.pack(">Q", cor) + \
        u32(flags) + body

def forces_sctp(msg, tsn, dport=6704):
    return Ether(src=MAC_A, dst=MAC_B) / IP(src=A4, dst=B4, id=3, tos=2) / \
        SCTP(sport=33985, dport=dport, tag=0x1234) / SCTPChunkData(tsn=tsn, stream_id=0, stream_seq=0, data=msg,
                                                                 beginning=1, ending=1)

def forces_caps():
    c = Cap()
    fd = tlv(0x0112, u32(1) + u32(2) + u32(3))
    fd_pad = tlv(0x0112, b"\x01\x02\x03\x04\x05\x06")
    res = tlv(0x0114, u8(0) + bytes(3))
    res_err = tlv(0x0114, u8(0x0b) + bytes(3))
    sparse = tlv(0x0113, u32(1) + u32(12) + u32(0xaabbccdd) + u32(2) + u32(9) + b"\x01\x02\x03\x04\x05" + bytes(3))
    msgs = [
        # Config: SET with FULLDATA, SETPROP with padded FULLDATA, DEL, SET with SPARSEDATA
        forces_msg(3, [lfbsel(1, 1, [tlv(1, pathdata([2, 3], fd)), tlv(2, pathdata([60, 1], fd_pad)),
                                     tlv(5, pathdata([4])), tlv(1, pathdata([5], sparse))])]),
        # Config Response: SETRESP with RESULT, DELRESP with an error result
        forces_msg(0x13, [lfbsel(3, 1, [tlv(3, pathdata([60, 2], res)), tlv(6, pathdata([7], res_err))])]),
        # Query: GET, GETPROP; Query Response: GETRESP, GETPROPRESP with nested path data
        forces_msg(4, [lfbsel(1, 1, [tlv(7, pathdata([1])), tlv(8, pathdata([1, 2]))])]),
        forces_msg(0x14, [lfbsel(2, 7, [tlv(9, pathdata([1], fd)),
                                        tlv(10, pathdata([1], pathdata([3], fd)))])]),
        # Event notification: REPORT with FULLDATA
        forces_msg(5, [lfbsel(10, 2, [tlv(11, pathdata([4], fd))])]),
        # keyed path (flag 1) with KEYINFO; table range (flag 2)
        forces_msg(0x14, [lfbsel(1, 1, [tlv(9, pathdata([1], u32(9) + tlv(0x0111, u32(0xabc) + fd), 1))])]),
        forces_msg(4, [lfbsel(1, 1, [tlv(7, pathdata([1], u32(0x01170000 | 12) + u32(3) + u32(9), 2))])]),
        forces_msg(0x14, [lfbsel(1, 1, [tlv(9, pathdata([1], u32(9) + tlv(0x0112, u32(5)) +
                                                        tlv(0x0111, u32(0xabc) + fd), 1))])]),
        # table append flag
        forces_msg(3, [lfbsel(1, 1, [tlv(1, pathdata([6], fd, 4))])]),
        # association setup response, teardown (normal, unknown reason)
        forces_msg(0x11, [tlv(0x0010, u32(0))]),
        forces_msg(0x11, [tlv(0x0010, u32(2))]),
        forces_msg(2, [tlv(0x0011, u32(0))]),
        forces_msg(2, [tlv(0x0011, u32(9))]),
        # packet redirect: METADATA and REDIRECTDATA
        forces_msg(6, [tlv(0x0001, tlv(0x0115, u32(7) + u32(12) + u32(0x11223344)) +
                                   tlv(0x0116, b"\x45\x00\x00\x14redirected!"))]),
        # heartbeat, association setup with an LFBselect REPORT
        forces_msg(0x0f, []),
        forces_msg(1, [lfbsel(1, 1, [tlv(11, pathdata([1], fd))])]),
        # an operation not allowed in this message; an oper TLV too short; a Commit
        forces_msg(3, [lfbsel(1, 1, [tlv(9, pathdata([1], fd))])]),
        forces_msg(3, [lfbsel(1, 1, [tlv(1, u32(0))])]),
        forces_msg(3, [lfbsel(1, 1, [tlv(12, bytes(8))])]),
        # FULLDATA where RESULT is expected; too few IDs; bad path data type
        forces_msg(0x13, [lfbsel(1, 1, [tlv(3, pathdata([1], fd))])]),
        forces_msg(3, [lfbsel(1, 1, [tlv(1, u16(0) + u16(5) + u32(1) + u32(2) + u32(3) + u32(4))])]),
        forces_msg(3, [lfbsel(1, 1, [tlv(1, pathdata([1], tlv(0x0200, u32(5))))])]),
        # RCOMMIT (generic oper printer)
        forces_msg(0x13, [lfbsel(1, 1, [tlv(13, tlv(0x0110, u16(0) + u16(1) + u32(1) + res))])]),
    ]
    for i, m in enumerate(msgs):
        c.add(forces_sctp(m, 100 + i, dport=6704 + i % 3))
    # cut inside the FULLDATA hex block and inside the path IDs
    big = forces_sctp(msgs[0], 200)
    c.add(big, cut=14 + 20 + 12 + 16 + 24 + 4 + 8 + 4 + 4 + 10)
    c.add(big, cut=14 + 20 + 12 + 16 + 24 + 4 + 8 + 4 + 6)
    c.write("optsa-forces.pcap")

if __name__ == "__main__":
    bgp_caps()
    nfs_caps()
    forces_caps()
