#!/usr/bin/python3
# snmp-mib-probe.py - list the object names tcpdump 4.99 prints without -n (its small compiled-in
# MIB: RFC 1213 MIB-II and a few SNMPv2/v3 modules), by walking the tree through tcpdump itself:
# every child 0..255 of every named node, one GetRequest varbind each.  Output "1.3.6.1 internet"
# lines, input of src/print/snmp_mib.c (regenerate with: scripts/snmp-mib-probe.py > tree.txt).
# Writes its probe capture to a temporary directory.
# Probe tcpdump's compiled-in MIB tree: BFS, children 0..255 of every named node.
import os, subprocess, struct, sys, tempfile
PCAP = os.path.join(tempfile.mkdtemp(), "probe.pcap")
from scapy.all import Ether, IP, UDP, Raw, wrpcap

def tlv(tag, body):
    n = len(body)
    ln = bytes([n]) if n < 128 else (b"\x81" + bytes([n]) if n < 256 else b"\x82" + struct.pack(">H", n))
    return bytes([tag]) + ln + body
def enc_oid(parts):
    out = b""
    for p in [parts[0] * 40 + parts[1]] + parts[2:]:
        e = [p & 0x7f]; p >>= 7
        while p: e.append(0x80 | (p & 0x7f)); p >>= 7
        out += bytes(reversed(e))
    return tlv(6, out)
def msg(oids):
    vb = b"".join(tlv(0x30, enc_oid(o) + b"\x05\x00") for o in oids)
    pdu = tlv(0xa0, tlv(2, b"\x01") + tlv(2, b"\x00") + tlv(2, b"\x00") + tlv(0x30, vb))
    return tlv(0x30, tlv(2, b"\x00") + tlv(4, b"public") + pdu)

def run(oids):
    pkts = []
    for i in range(0, len(oids), 200):
        chunk = oids[i:i+200]
        pkts.append(Ether()/IP(src="1.1.1.1", dst="2.2.2.2")/UDP(sport=1000, dport=161)/Raw(msg(chunk)))
    wrpcap(PCAP, pkts)
    out = subprocess.run(["tcpdump", "-v", "-r", PCAP], capture_output=True, text=True).stdout
    names = []
    for line in out.splitlines():
        if "GetRequest" not in line: continue
        body = line.split("R=1  ", 1)[1].rsplit(" } }", 1)[0]
        names += body.split(" ")
    assert len(names) == len(oids), (len(names), len(oids))
    return names

# root: level-1 arcs 0..2, each probed via OID [s, 0]... the root names show as first component
tree = {}   # path tuple -> name
frontier = []
# first-level: OID [s, c] prints ".<s-name>.<c-name>" when not abbreviated
oids = [[s, c] for s in range(3) for c in range(40 if s < 2 else 256)]
names = run(oids)
for o, n in zip(oids, names):
    comps = n.lstrip(".").split(".")
    if not comps[0].isdigit(): tree[(o[0],)] = comps[0]
    if len(comps) > 1 and not comps[1].isdigit():
        tree[tuple(o)] = comps[1]; frontier.append(tuple(o))
while frontier:
    oids = [list(p) + [c] for p in frontier for c in range(256)]
    names = run(oids)
    frontier = []
    for o, n in zip(oids, names):
        if n in ("", "E:", "X:", "S:"):
            tree[tuple(o)] = {"": "mib", "E:": "enterprises", "X:": "experimental", "S:": "snmpModules"}[n]
            frontier.append(tuple(o)); continue
        last = n.replace(":", ".").split(".")[-1]
        if last and not last.isdigit():
            tree[tuple(o)] = last; frontier.append(tuple(o))
    print(len(tree), len(frontier), file=sys.stderr)
for p in sorted(tree):
    print(".".join(map(str, p)), tree[p])
