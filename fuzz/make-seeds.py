#!/usr/bin/python3
"""make-seeds.py OUTDIR - seed corpora for the fuzz targets.

Reads the classic pcap files in tests/captures/ and, when present, the
shared tcpdump corpus (/work/shared/corpus/tcpdump, or $SYNACK_CORPUS), and
writes OUTDIR/print/, OUTDIR/track/ and OUTDIR/file/ in the input formats
described at the top of fuzz/fuzz_print.c, fuzz_track.c and fuzz_file.c.
Nothing from the corpus is kept in the repository: the seeds are generated
into OUTDIR (fuzz/seeds/, ignored) each time.
"""
import glob
import hashlib
import os
import struct
import sys

# DLT numbers in the order of fuzz_linktypes[] in fuzz/fuzz.h
LINKTYPES = [1, 113, 276, 0, 108, 12, 228, 229, 105, 127, 119, 163, 104, 107, 7, 129, 281, 284, 285,
             9, 166, 50, 51, 14, 123, 192, 6, 10, 114, 271,
             137, 135, 130, 132, 133, 164, 136, 167, 168, 178, 179, 180, 181,
             8, 15, 11, 19, 182, 131, 134, 189, 220, 201, 195, 230, 283,
             239, 258, 149, 226, 109, 117, 99, 240, 241, 242, 122, 138, 282, 112]
# LINKTYPE_RAW and DLT_RAW variants -> RAW slot; LINKTYPE_PPP_BSDOS (16) -> Linux's DLT_PPP_BSDOS (14)
# LINKTYPE_ATM_RFC1483 (100), _SLIP_BSDOS (102), _ATM_CLIP (106) -> Linux's DLT values
LINKTYPE_ALIASES = {101: 12, 14: 12, 16: 14, 100: 11, 102: 15, 106: 19}
MAX_PER_FILE = 24        # packets per capture for the print seeds
MAX_TRACK_PKTS = 48      # packets per track seed
MAX_FILE_BYTES = 64 * 1024


def read_pcap(path):
    """(linktype, header bytes, [(record bytes, packet bytes)]) or None."""
    try:
        with open(path, 'rb') as f:
            data = f.read(4 * 1024 * 1024)
    except OSError:
        return None
    if len(data) < 24:
        return None
    magic = data[:4]
    if magic in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1'):
        e = '<'
    elif magic in (b'\xa1\xb2\xc3\xd4', b'\xa1\xb2\x3c\x4d'):
        e = '>'
    else:
        return None
    linktype = struct.unpack(e + 'I', data[20:24])[0] & 0xffff
    recs = []
    off = 24
    while off + 16 <= len(data):
        caplen = struct.unpack(e + 'I', data[off + 8:off + 12])[0]
        if caplen > 262144 or off + 16 + caplen > len(data):
            break
        recs.append((data[off:off + 16 + caplen], data[off + 16:off + 16 + caplen]))
        off += 16 + caplen
    return linktype, data[:24], recs


def put(outdir, payload):
    name = hashlib.sha1(payload).hexdigest()[:16]
    with open(os.path.join(outdir, name), 'wb') as f:
        f.write(payload)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else 'fuzz/seeds'
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    corpus = os.environ.get('SYNACK_CORPUS', '/work/shared/corpus/tcpdump')
    files = sorted(glob.glob(os.path.join(top, 'tests/captures/*.pcap')))
    files += sorted(glob.glob(os.path.join(corpus, '*.pcap')))
    files += sorted(glob.glob(os.path.join(corpus, '*.cap')))
    for t in ('print', 'track', 'file', 'compare'):
        os.makedirs(os.path.join(out, t), exist_ok=True)
    counts = {'print': 0, 'track': 0, 'file': 0, 'compare': 0}
    # compare: client/server pairs made by the compare tests, and a file against itself
    def cut(path, limit=MAX_FILE_BYTES // 2):
        r = read_pcap(path)
        if r is None:
            return None
        blob = r[1]
        for rec, _ in r[2]:
            if len(blob) + len(rec) > limit:
                break
            blob += rec
        return blob
    pairs = []
    for cli in sorted(glob.glob(os.path.join(top, 'tests/captures/cmp-*-client.pcap'))):
        pairs.append((cli, cli.replace('-client.pcap', '-server.pcap')))
    for one in sorted(glob.glob(os.path.join(top, 'tests/captures/ana-*.pcap')))[:6]:
        pairs.append((one, one))
    for i, (a, b) in enumerate(pairs):
        ba, bb = cut(a), cut(b)
        if ba is None or bb is None:
            continue
        put(os.path.join(out, 'compare'), bytes([i & 7]) + struct.pack('>I', len(ba))[1:] + ba + bb)
        counts['compare'] += 1
    for path in files:
        r = read_pcap(path)
        if r is None:
            continue
        linktype, hdr, recs = r
        lt = LINKTYPE_ALIASES.get(linktype, linktype)
        # whole files (cut at a record boundary) for every link type
        blob = hdr
        for rec, _ in recs:
            if len(blob) + len(rec) > MAX_FILE_BYTES:
                break
            blob += rec
        put(os.path.join(out, 'file'), blob)
        counts['file'] += 1
        if lt not in LINKTYPES:
            continue
        idx = LINKTYPES.index(lt)
        for i, (_, pkt) in enumerate(recs[:MAX_PER_FILE]):
            flags = (i * 37) & 0x5f  # vary -v/-e/-x/-X/-q/-K across seeds
            put(os.path.join(out, 'print'), bytes([idx, flags, 0]) + pkt)
            counts['print'] += 1
        chunks = b''
        for _, pkt in recs[:MAX_TRACK_PKTS]:
            chunks += struct.pack('>HB', len(pkt) & 0xffff, 10) + pkt[:0xffff]
        put(os.path.join(out, 'track'), bytes([idx, 0x1c]) + chunks)
        counts['track'] += 1
    print('seeds: ' + ', '.join('%s %d' % kv for kv in sorted(counts.items())))


if __name__ == '__main__':
    main()
