#!/usr/bin/python3
# sweep-arp.py - ARP/RARP: hardware types, protocol types, address lengths and every
# opcode, ATM ARP (hardware 19) with its type/length fields; compared between tcpdump
# and synack.  Not run by the test suite.  Run: /usr/bin/python3 tests/golden/sweep-arp.py
import random, struct, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_lib import *

rng = random.Random(806)
frames = []
for et in (0x0806, 0x8035):
    for hrd in list(range(0, 40)) + [256, 0xffff]:
        for pro in (0x0800, 0x86dd, 0x0000, 0x8137, 0x0806, 0x1234):
            for op in range(0, 28):
                for hln, pln in ((6, 4), (0, 0), (6, 16), (8, 4), (1, 1)) if op < 12 else ((6, 4),):
                    body = struct.pack("!HHBBH", hrd, pro, hln, pln, op) + bytes(range(1, 2 * (hln + pln) + 1))
                    frames.append(eth(et, body + b"\0" * 4))
# ATM ARP: hrd 19, shtl/sstl/thtl/tstl with ATM E.164/NSAP type bits
for op in range(0, 12):
    for shtl in (0, 20, 0x40 | 8, 0x40 | 20, 7):
        for sstl in (0, 20, 0x40):
            for spln, tpln in ((4, 4), (0, 4), (4, 0), (16, 16)):
                sh = bytes(range(1, (shtl & 0x3f) + 1))
                ss = bytes(range(1, (sstl & 0x3f) + 1))
                body = struct.pack("!HHBBHBBBB", 19, 0x0800, shtl, sstl, op, spln, shtl, sstl, tpln)
                body += sh + ss + bytes(range(1, spln + 1)) + sh + ss + bytes(range(1, tpln + 1))
                frames.append(eth(0x0806, body))
base = list(frames)
for fr in base[::7]:
    frames.append((fr, rng.randrange(14, len(fr) + 1)))
compare("arp", frames)
