#!/usr/bin/python3
# esp-make-captures.py - ESP captures with known keys for tests/golden/esp.list and
# tests/errors/esp.sh (print/esp.c, print/esp_decrypt.c: tcpdump's -E).  Encrypted with
# scapy's SecurityAssociation (python3-cryptography), fixed IVs so a rerun writes the same
# bytes.  Writes tests/captures/esp-*.pcap and tests/captures/esp-secrets.txt.
#   Run: /usr/bin/python3 tests/golden/esp-make-captures.py
import os
from scapy.all import (Ether, IP, IPv6, TCP, UDP, ICMP, ICMPv6EchoRequest, ICMPv6EchoReply,
                       DNS, DNSQR, DNSRR, Raw, wrpcap)
from scapy.layers.ipsec import SecurityAssociation, ESP

HERE = os.path.dirname(os.path.abspath(__file__))
CAP = os.path.join(HERE, "..", "captures")
MAC_A, MAC_B = "02:00:00:00:00:0a", "02:00:00:00:00:0b"
GW4A, GW4B = "198.51.100.1", "198.51.100.2"    # tunnel endpoints / transport hosts
GW6A, GW6B = "2001:db8::a", "2001:db8::b"
H4A, H4B = "10.1.0.5", "10.2.0.7"              # hosts behind the IPv4 gateways
H6A, H6B = "fd00:1::5", "fd00:2::7"

# keys (hex for the golden list lines; the same bytes for scapy)
K128 = bytes.fromhex("00112233445566778899aabbccddeeff")
K192 = bytes.fromhex("000102030405060708090a0b0c0d0e0f1011121314151617")
K256 = bytes.fromhex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4")
K3DES = bytes.fromhex("0123456789abcdeff1e0d3c2b5a49786fedcba9876543210")
KDES = bytes.fromhex("133457799bbcdff1")          # single DES: 3DES with K|K|K is DES with K
KASCII = b"synack-esp-key16"                    # an ASCII secret, 16 bytes: AES-128
KAUTH = b"\x11" * 20                             # HMAC-SHA1-96: tcpdump only skips the ICV

T0 = 1700000000.0
_t = [T0]


def ts():
    _t[0] += 0.001250
    return _t[0]


def iv_for(n, size):
    return bytes((n * 7 + i) & 0xff for i in range(size))


def conv4(a, b):
    """A small TCP connection, a DNS exchange and a ping between a and b (IPv4)."""
    return [
        IP(src=a, dst=b, id=1) / TCP(sport=40000, dport=80, flags="S", seq=1000, window=64240),
        IP(src=b, dst=a, id=2) / TCP(sport=80, dport=40000, flags="SA", seq=5000, ack=1001, window=65160),
        IP(src=a, dst=b, id=3) / TCP(sport=40000, dport=80, flags="A", seq=1001, ack=5001, window=502),
        IP(src=a, dst=b, id=4) / TCP(sport=40000, dport=80, flags="PA", seq=1001, ack=5001, window=502)
        / Raw(b"GET / HTTP/1.1\r\nHost: example\r\n\r\n"),
        IP(src=b, dst=a, id=5) / TCP(sport=80, dport=40000, flags="FA", seq=5001, ack=1035, window=509),
        IP(src=a, dst=b, id=6) / UDP(sport=33000, dport=53) / DNS(id=0x1234, rd=1, qd=DNSQR(qname="example.com")),
        IP(src=b, dst=a, id=7) / UDP(sport=53, dport=33000)
        / DNS(id=0x1234, qr=1, rd=1, ra=1, qd=DNSQR(qname="example.com"),
              an=DNSRR(rrname="example.com", ttl=300, rdata="93.184.216.34")),
        IP(src=a, dst=b, id=8) / ICMP(type=8, id=7, seq=1) / Raw(b"ping-payload-0123"),
    ]


def conv6(a, b):
    return [
        IPv6(src=a, dst=b) / TCP(sport=40001, dport=443, flags="S", seq=7000, window=64800),
        IPv6(src=b, dst=a) / TCP(sport=443, dport=40001, flags="SA", seq=9000, ack=7001, window=64800),
        IPv6(src=a, dst=b) / UDP(sport=33001, dport=53) / DNS(id=0x4321, rd=1, qd=DNSQR(qname="example.org", qtype="AAAA")),
        IPv6(src=a, dst=b) / ICMPv6EchoRequest(id=9, seq=1, data=b"v6-ping"),
        IPv6(src=b, dst=a) / ICMPv6EchoReply(id=9, seq=1, data=b"v6-ping"),
    ]


def gw_of(p, a, b):
    """(outer src, outer dst) for an inner packet: direction from its source."""
    src = p[IP].src if IP in p else p[IPv6].src
    return (a, b) if src in (H4A, H6A, GW4A, GW6A) else (b, a)


def tunnel(pkts, algo, key, spi, outer, auth=False):
    """Tunnel mode: each packet inside a new outer header between the gateways."""
    out = []
    a, b = (GW4A, GW4B) if outer == 4 else (GW6A, GW6B)
    for n, p in enumerate(pkts):
        s, d = gw_of(p, a, b)
        hdr = IP(src=s, dst=d, ttl=63) if outer == 4 else IPv6(src=s, dst=d, hlim=63)
        sa = SecurityAssociation(ESP, spi=spi if s == a else spi + 1, crypt_algo=algo, crypt_key=key,
                                 auth_algo="HMAC-SHA1-96" if auth else None, auth_key=KAUTH if auth else None,
                                 tunnel_header=hdr)
        sa.seq_num = n + 1
        e = sa.encrypt(p, iv=iv_for(n, 16 if "AES" in algo else 8) if algo != "NULL" else None)
        out.append(Ether(src=MAC_A, dst=MAC_B) / e)
    return out


def transport(pkts, algo, key, spi, auth=False, natt=False):
    out = []
    for n, p in enumerate(pkts):
        sa = SecurityAssociation(ESP, spi=spi, crypt_algo=algo, crypt_key=key,
                                 auth_algo="HMAC-SHA1-96" if auth else None, auth_key=KAUTH if auth else None,
                                 nat_t_header=UDP(sport=4500, dport=4500) if natt else None)
        sa.seq_num = n + 1
        e = sa.encrypt(p, iv=iv_for(n, 16 if "AES" in algo else 8))
        out.append(Ether(src=MAC_A, dst=MAC_B) / (natt_fix(e) if natt else e))
    return out


def legacy(pkts):
    """Tunnel mode by hand: SPI 0xd00d Blowfish, 0xe00e CAST5, key KASCII, 8-byte IVs."""
    import warnings
    warnings.filterwarnings("ignore")
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    out = []
    for n, (spi, alg) in enumerate([(0xd00d, algorithms.Blowfish), (0xe00e, algorithms.CAST5)]):
        inner = bytes(pkts[n])
        pad = (8 - (len(inner) + 2) % 8) % 8
        pt = inner + bytes(range(1, pad + 1)) + bytes([pad, 4])
        iv = iv_for(n, 8)
        enc = Cipher(alg(KASCII), modes.CBC(iv)).encryptor()
        esp = spi.to_bytes(4, "big") + (n + 1).to_bytes(4, "big") + iv + enc.update(pt) + enc.finalize()
        out.append(Ether(src=MAC_A, dst=MAC_B) / IP(src=GW4A, dst=GW4B, proto=50) / Raw(esp))
    return out


def natt_fix(e):
    """scapy leaves the UDP length at 8 in NAT-T mode: the ESP bytes again, in a right UDP header."""
    b = bytes(e)
    ihl = (b[0] & 15) * 4
    return IP(src=e[IP].src, dst=e[IP].dst, id=e[IP].id, ttl=e[IP].ttl) / UDP(sport=4500, dport=4500, chksum=0) / Raw(b[ihl + 8:])


def write(name, pkts):
    for p in pkts:
        p.time = ts()
    wrpcap(os.path.join(CAP, name), pkts)


def main():
    # IPv4 tunnel, AES-128-CBC with HMAC-SHA1-96 (-E aes128-cbc-hmac96:0x...)
    write("esp-tunnel4.pcap", tunnel(conv4(H4A, H4B), "AES-CBC", K128, 0x1001, 4, auth=True))
    # IPv4 transport, AES-256-CBC, no ICV
    write("esp-transport4.pcap", transport(conv4(GW4A, GW4B), "AES-CBC", K256, 0x2002))
    # IPv6 tunnel (IPv6 and IPv4 inside), AES-192-CBC with HMAC-SHA1-96
    write("esp-tunnel6.pcap", tunnel(conv6(H6A, H6B) + conv4(H4A, H4B)[:2], "AES-CBC", K192, 0x3003, 6, auth=True))
    # IPv6 transport, 3DES-CBC with HMAC-SHA1-96
    write("esp-transport6.pcap", transport(conv6(GW6A, GW6B), "3DES", K3DES, 0x4004, auth=True))
    # IPv4 tunnel, 3DES-CBC, no ICV
    write("esp-3des.pcap", tunnel(conv4(H4A, H4B)[:4], "3DES", K3DES, 0x5005, 4))
    # DES-CBC, made as 3DES with the DES key three times (tcpdump crashes on DES, a legacy
    # cipher of OpenSSL 3: tests/errors/esp.sh compares synack's des-cbc with tcpdump's 3des-cbc)
    write("esp-des.pcap", tunnel(conv4(H4A, H4B)[:4], "3DES", KDES * 3, 0xb00b, 4))
    # NULL encryption (RFC 2410), tunnel mode: "-E none:" (tcpdump cannot); the inner packets
    # alone, for tcpdump to print them, in esp-null-inner.pcap (raw IP)
    write("esp-null.pcap", tunnel(conv4(H4A, H4B)[:4] + conv6(H6A, H6B)[:1], "NULL", b"", 0xc00c, 4, auth=True))
    inner = [IP(bytes(p)) if IP in p else IPv6(bytes(p)) for p in conv4(H4A, H4B)[:4] + conv6(H6A, H6B)[:1]]
    for p in inner:
        p.time = ts()
    wrpcap(os.path.join(CAP, "esp-null-inner.pcap"), inner, linktype=101)
    # Blowfish-CBC and CAST5-CBC (tcpdump: a crash, and "failed to find cipher algo cast128"),
    # one packet each, made with python3-cryptography; the inner packets in esp-legacy-inner.pcap
    write("esp-legacy.pcap", legacy(conv4(H4A, H4B)[5:7]))
    inner = [IP(bytes(p)) for p in conv4(H4A, H4B)[5:7]]
    for p in inner:
        p.time = ts()
    wrpcap(os.path.join(CAP, "esp-legacy-inner.pcap"), inner, linktype=101)
    # NAT traversal (RFC 3948, UDP 4500): transport and tunnel mode, a keepalive, an IKE marker
    natt = transport(conv4(GW4A, GW4B)[:4], "AES-CBC", KASCII, 0x6006, natt=True)
    sa = SecurityAssociation(ESP, spi=0x6006, crypt_algo="AES-CBC", crypt_key=KASCII,
                             tunnel_header=IP(src=GW4A, dst=GW4B), nat_t_header=UDP(sport=4500, dport=4500))
    sa.seq_num = 10
    natt.append(Ether(src=MAC_A, dst=MAC_B) / natt_fix(sa.encrypt(conv4(H4A, H4B)[5], iv=iv_for(10, 16))))
    natt.append(Ether(src=MAC_A, dst=MAC_B) / IP(src=GW4A, dst=GW4B) / UDP(sport=4500, dport=4500) / Raw(b"\xff"))
    write("esp-natt.pcap", natt)

    # two associations in one capture (SPI@address entries, a secrets file): AES-128 one way,
    # 3DES the other, and an SPI no entry names
    multi = []
    for n, p in enumerate(conv4(GW4A, GW4B)[:5]):
        fwd = p[IP].src == GW4A
        sa = SecurityAssociation(ESP, spi=0x7007 if fwd else 0x8008, crypt_algo="AES-CBC" if fwd else "3DES",
                                 crypt_key=K128 if fwd else K3DES)
        sa.seq_num = n + 1
        multi.append(Ether(src=MAC_A, dst=MAC_B) / sa.encrypt(p, iv=iv_for(n, 16 if fwd else 8)))
    sa = SecurityAssociation(ESP, spi=0x9009, crypt_algo="AES-CBC", crypt_key=K256)
    multi.append(Ether(src=MAC_A, dst=MAC_B) / sa.encrypt(conv4(GW4A, GW4B)[5], iv=iv_for(5, 16)))
    write("esp-multi.pcap", multi)

    # edge cases, AES-128 (key K128): cut short by the snapshot length, the ciphertext not a
    # multiple of the block size, a first fragment, a trailer whose pad length is too big,
    # an ESP header alone, an empty payload
    e = []
    base = transport(conv4(GW4A, GW4B)[3:4], "AES-CBC", K128, 0xa00a)[0]
    e.append(base)
    cut = Ether(bytes(base))
    e.append(cut)                                            # cut below with the snaplen
    odd = Ether(bytes(base)[:-5])
    odd[IP].len = None
    e.append(Ether(bytes(odd)))                              # 5 bytes short of a block
    frag = Ether(bytes(base))
    frag[IP].flags = "MF"
    frag[IP].chksum = None
    e.append(Ether(bytes(frag)))
    # plaintext with a pad length of 200 (a wrong key looks like this), encrypted properly
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    iv = iv_for(3, 16)
    pt = bytes(range(14)) + bytes([200, 6])
    enc = Cipher(algorithms.AES(K128), modes.CBC(iv)).encryptor()
    ct = enc.update(pt) + enc.finalize()
    e.append(Ether(src=MAC_A, dst=MAC_B) / IP(src=GW4A, dst=GW4B, proto=50) / Raw(bytes.fromhex("0000a00a00000009") + iv + ct))
    e.append(Ether(src=MAC_A, dst=MAC_B) / IP(src=GW4A, dst=GW4B, proto=50) / Raw(bytes.fromhex("0000a00a0000000a") + iv))
    e.append(Ether(src=MAC_A, dst=MAC_B) / IP(src=GW4A, dst=GW4B, proto=50) / Raw(bytes.fromhex("0000a00a0000000b") + iv[:5]))
    for p in e:
        p.time = ts()
    path = os.path.join(CAP, "esp-edge.pcap")
    wrpcap(path, e)
    # the second packet cut to 60 bytes of capture (pcap record caplen)
    import struct
    data = bytearray(open(path, "rb").read())
    off = 24
    for i in range(len(e)):
        caplen, wirelen = struct.unpack_from("<II", data, off + 8)
        if i == 1:
            struct.pack_into("<I", data, off + 8, 60)
            del data[off + 16 + 60: off + 16 + caplen]
            caplen = 60
        off += 16 + caplen
    open(path, "wb").write(bytes(data))

    with open(os.path.join(CAP, "esp-secrets.txt"), "w") as f:
        f.write("# esp-multi.pcap: one association per direction (tests/errors/esp.sh)\n")
        f.write("0x7007@%s aes128-cbc:0x%s\n" % (GW4B, K128.hex()))
        f.write("\n")
        f.write("0x8008@%s\t3des-cbc:0x%s\n" % (GW4A, K3DES.hex()))
        f.write("ikev2 I 0x0011223344556677 0x8899aabbccddeeff sha1:0x%s aes128:0x%s\n" % ("22" * 20, K128.hex()))


if __name__ == "__main__":
    main()
