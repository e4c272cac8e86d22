#!/usr/bin/python3
"""agree.py - does the printer show what the analysis decoder decoded?

usage: agree.py PRINTED DECODED NAME
  PRINTED  output of `synack -nn -S -t -# -r FILE`
  DECODED  output of decode-dump FILE (one line per packet, see decode-dump.c)
Prints one "mismatch"/"printer-only" line per disagreement and a summary line
"NAME compared N agree A mismatch M skipped S (reasons...)".  Exit 1 on any
disagreement.

Per packet, the printer's INNERMOST transport line is the last
"IP|IP6 SRC.PORT > DST.PORT: " on it; TCP when "Flags [" follows.  Compared:
version, addresses, ports, and for TCP the flags and the sequence and ack
numbers the printer shows (-S: absolute).  Skip rules (counted by reason):
  no-tuple     neither shows transport ports (ARP, ICMP, OSPF, ...)
  printer-does-not-decode
               the decoder found TCP/UDP but the printer shows no ports: a
               layer tcpdump 4.99 does not decode (ERSPAN: "gre-proto-0x88be"),
               or -nn output that stops early (e.g. a truncated outer header)
  truncated    the printer stopped in or right after the transport header
               ("[|" right after the ports, or a truncated TCP header)
  fragment     the decoder saw an IP fragment (the tracker ignores fragments
               on purpose; the printer shows the first fragment's ports)
  invalid      the decoder rejected the innermost header as invalid or
               truncated (bad TCP header length etc.); the printer may still
               print its ports
  not-tcp-udp  the printer's innermost ports are SCTP's or DCCP's ("...: sctp",
               "...: DCCP"), which the decoder does not decode
  decoder-no-ip
               the decoder found no IP layer (l3=0) under a link type or
               Ethernet type only the printer reads (802.11, Cisco HDLC, Frame
               Relay, ARCNET, switch tags, Arista...): nothing to compare
"""
import ipaddress, re, sys
from collections import Counter

START = re.compile(r"^ *(\d+)  ")
MISSING = r"(?:truncated-ip6? - \d+ bytes missing! ?)?"
TUPLE = re.compile(r"\b(IP6?) " + MISSING + r"(\S+)\.(\d+) > (\S+)\.(\d+): ")
# IPv6 with extension headers: "IP6 A > B: HBH DSTOPT RT6 (...) frag (...) SPORT > DPORT: "
EXT6 = re.compile(r"\b(IP6) " + MISSING + r"(\S+) > (\S+): ((?:(?:HBH|DSTOPT|RT6 \([^)]*\)|frag \([^)]*\)) )+)"
                  r"(\d+) > (\d+): ")
FLAGCH = {"F": 0x01, "S": 0x02, "R": 0x04, "P": 0x08, ".": 0x10, "U": 0x20, "E": 0x40, "W": 0x80}


def packets(path):
    out, num, cur = {}, None, []
    with open(path, errors="replace") as f:
        for line in f:
            m = START.match(line)
            if m:
                if num is not None:
                    out[num] = " ".join(cur)
                num, cur = int(m.group(1)), [line.rstrip("\n")]
            elif num is not None:
                cur.append(line.rstrip("\n"))
    if num is not None:
        out[num] = " ".join(cur)
    return out


def norm(a):
    try:
        return str(ipaddress.ip_address(a))
    except ValueError:
        return None


def printed_tuple(text):
    ms = [(m.start(), m, False) for m in TUPLE.finditer(text)] + [(m.start(), m, True) for m in EXT6.finditer(text)]
    if not ms:
        return None
    _, m, ext = max(ms, key=lambda x: x[0])
    rest = text[m.end():]
    if ext:
        t = {"v": "v6", "src": norm(m.group(2)), "sport": int(m.group(5)), "dst": norm(m.group(3)),
             "dport": int(m.group(6)), "rest": rest}
    else:
        t = {"v": "v6" if m.group(1) == "IP6" else "v4", "src": norm(m.group(2)), "sport": int(m.group(3)),
             "dst": norm(m.group(4)), "dport": int(m.group(5)), "rest": rest}
    if t["src"] is None or t["dst"] is None:
        return None
    if rest.startswith("Flags ["):
        fm = re.match(r"Flags \[([^\]]*)\]", rest)
        if not fm:
            t["trunc"] = True
            return t
        fl = fm.group(1)
        bits = 0
        if fl != "none":
            for ch in fl:
                bits |= FLAGCH.get(ch, 0x100)
        t["tcp"] = True
        t["flags"] = bits
        sm = re.match(r"Flags \[[^\]]*\], seq (\d+)", rest)
        am = re.search(r"[,\]] ack (\d+)", rest[:200])
        t["seq"] = int(sm.group(1)) if sm else None
        t["ack"] = int(am.group(1)) if am else None
        if "[|tcp]" in rest[:120] and not rest.rstrip().endswith("]"):
            pass
    elif rest.startswith("[|") or rest.strip() == "":
        t["trunc"] = True
    return t


def decoded(path):
    out = {}
    with open(path) as f:
        for line in f:
            w = line.split()
            if not w:
                continue
            d = {"extra": dict(x.split("=") for x in w if "=" in x)}
            if w[1] in ("v4", "v6"):
                d.update(v=w[1], src=norm(w[2]), sport=int(w[3]), dst=norm(w[4]), dport=int(w[5]))
                if w[6] == "udp":
                    d["tcp"] = False
                else:
                    d.update(tcp=True, seq=int(w[6]), ack=int(w[7]), flags=int(w[8], 16))
            out[int(w[0])] = d
    return out


def main():
    pr, dec, name = packets(sys.argv[1]), decoded(sys.argv[2]), sys.argv[3]
    skipped, bad = Counter(), 0
    agree = 0
    for num in sorted(dec):
        d = dec[num]
        t = printed_tuple(pr.get(num, ""))
        if t is None:
            # split: neither side has ports, or only the decoder went that deep
            skipped["no-tuple" if "v" not in d else "printer-does-not-decode"] += 1
            continue
        if t.get("trunc"):
            skipped["truncated"] += 1
            continue
        if "v" not in d and re.match(r"(sctp|DCCP)\b", t["rest"]):
            skipped["not-tcp-udp"] += 1
            continue
        if "v" not in d and d["extra"].get("l3") == "0":
            skipped["decoder-no-ip"] += 1
            continue
        if "v" not in d:
            ex = d["extra"]
            if ex.get("frag") == "1":
                skipped["fragment"] += 1
            elif ex.get("inv") == "1" or ex.get("trunc") == "1":
                skipped["invalid"] += 1
            else:
                print(f"printer-only {name} #{num}: printer {t['v']} {t['src']}.{t['sport']} > {t['dst']}.{t['dport']}, decoder none")
                bad += 1
            continue
        why = []
        for k in ("v", "src", "sport", "dst", "dport"):
            if t[k] != d[k]:
                why.append(f"{k} {t[k]} != {d[k]}")
        if t.get("tcp") and not d["tcp"]:
            why.append("printer TCP, decoder UDP")
        elif t.get("tcp"):
            if t["flags"] != d["flags"]:
                why.append(f"flags 0x{t['flags']:02x} != 0x{d['flags']:02x}")
            if t["seq"] is not None and t["seq"] != d["seq"]:
                why.append(f"seq {t['seq']} != {d['seq']}")
            if t["ack"] is not None and t["ack"] != d["ack"]:
                why.append(f"ack {t['ack']} != {d['ack']}")
        if why:
            print(f"mismatch {name} #{num}: " + "; ".join(why))
            bad += 1
        else:
            agree += 1
    sk = " ".join(f"{k}={v}" for k, v in sorted(skipped.items()))
    print(f"{name} compared {agree + bad} agree {agree} disagree {bad} skipped {sum(skipped.values())} ({sk})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
