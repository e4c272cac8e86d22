#!/usr/bin/env python3
"""tests/compare/shift.py IN OUT SHIFT_SECONDS DRIFT_PPM - rewrite a pcap's
timestamps as a badly set, drifting clock would have written them:
t' = t + SHIFT + DRIFT_PPM * 1e-6 * (t - t_first).  Classic pcap only
(either byte order, micro- or nanosecond); no scapy needed."""
import struct
import sys


def main():
    src, dst, shift, ppm = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
    data = open(src, "rb").read()
    magic = data[:4]
    table = {b"\xd4\xc3\xb2\xa1": ("<", 1e6), b"\xa1\xb2\xc3\xd4": (">", 1e6),
             b"\x4d\x3c\xb2\xa1": ("<", 1e9), b"\xa1\xb2\x3c\x4d": (">", 1e9)}
    if magic not in table:
        sys.exit("shift.py: not a classic pcap file: " + src)
    end, unit = table[magic]
    out = bytearray(data[:24])
    off, t0 = 24, None
    while off + 16 <= len(data):
        sec, frac, incl, orig = struct.unpack(end + "IIII", data[off:off + 16])
        # integer arithmetic: exact to the unit
        t = sec * int(unit) + frac
        if t0 is None:
            t0 = t
        t2 = t + int(round(shift * unit)) + int(round((t - t0) * ppm * 1e-6))
        out += struct.pack(end + "IIII", t2 // int(unit), t2 % int(unit), incl, orig)
        out += data[off + 16:off + 16 + incl]
        off += 16 + incl
    open(dst, "wb").write(bytes(out))


if __name__ == "__main__":
    main()
