#!/usr/bin/python3
"""tests/lab/trim.py IN OUT SNAPLEN - copy a classic pcap file, cutting every
record to SNAPLEN bytes (the way tcpdump -s would have captured it).  Used to
keep the shipped lab captures (tests/captures/lab-*.pcap) a few KB small."""
import struct
import sys


def main():
    src, dst, snap = sys.argv[1], sys.argv[2], int(sys.argv[3])
    data = open(src, "rb").read()
    magic = data[:4]
    if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
        e = "<"
    elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        e = ">"
    else:
        sys.exit("trim.py: not a classic pcap file: " + src)
    hdr = bytearray(data[:24])
    hdr[16:20] = struct.pack(e + "I", snap)
    out = [bytes(hdr)]
    off = 24
    while off + 16 <= len(data):
        sec, frac, incl, orig = struct.unpack(e + "IIII", data[off:off + 16])
        body = data[off + 16:off + 16 + incl][:snap]
        out.append(struct.pack(e + "IIII", sec, frac, len(body), orig) + body)
        off += 16 + incl
    open(dst, "wb").write(b"".join(out))


if __name__ == "__main__":
    main()
