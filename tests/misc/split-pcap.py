#!/usr/bin/env python3
"""tests/misc/split-pcap.py [--shift USEC] IN OUT [K1 K2 ...] - split a classic pcap file into
pieces, as a -C/-G rotation cuts a capture: OUT0 holds packets 1..K1, OUT1 packets K1+1..K2,
... and the last piece the rest (no K: OUT0 is the whole file).  Every piece carries IN's file
header; records are copied byte for byte, except that --shift adds USEC microseconds to every
time stamp (to make captures overlap in time).  Prints the number of packets."""
import struct
import sys


def main():
    args, shift = sys.argv[1:], 0
    if args[0] == "--shift":
        shift, args = int(args[1]), args[2:]
    src, out, cuts = args[0], args[1], [int(k) for k in args[2:]]
    with open(src, "rb") as f:
        data = f.read()
    magic = data[:4]
    if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
        endian = "<"
    elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        endian = ">"
    else:
        sys.exit("split-pcap.py: %s is not a classic pcap file" % src)
    header, off, recs = data[:24], 24, []
    while off + 16 <= len(data):
        sec, frac, caplen = struct.unpack(endian + "III", data[off:off + 12])
        rec = data[off:off + 16 + caplen]
        if shift:
            scale = 1000 if magic in (b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\x3c\x4d") else 1  # nanosecond pcap
            t = sec * 1000000 * scale + frac + shift * scale
            rec = struct.pack(endian + "II", t // (1000000 * scale), t % (1000000 * scale)) + rec[8:]
        recs.append(rec)
        off += 16 + caplen
    bounds = [0] + cuts + [len(recs)]
    for i in range(len(bounds) - 1):
        with open("%s%d" % (out, i), "wb") as f:
            f.write(header)
            f.writelines(recs[bounds[i]:bounds[i + 1]])
    print(len(recs))


main()
