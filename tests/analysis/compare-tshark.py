#!/usr/bin/python3
"""tests/analysis/compare-tshark.py - do synack's TCP analysis tags agree with
Wireshark's?

For every capture, runs
    tshark -n -r F -o tcp.relative_sequence_numbers:TRUE
           -o tcp.analyze_sequence_numbers:TRUE -Y tcp -T fields
           -e frame.number -e tcp.analysis.<field> ...
and
    synack --analyze --json -r F
and compares, per tag, the sets of packets each flags.  Agreement per tag is
the Jaccard index both / (both + only_tshark + only_synack), 100% when
neither flags anything.

Normalisation (like for like):
  * Wireshark nests: a frame it calls a fast retransmission or a spurious
    retransmission ALSO carries tcp.analysis.retransmission (checked
    empirically with tshark 4.0.17: every fast/spurious frame in the
    corpus and in tests/captures/ana-* has the retransmission field too;
    the script counts and prints this under "nesting").  synack's tags are
    exclusive, so the "retransmission" row compares tshark's
    retransmission-without-fast-or-spurious with synack's retransmission.
    The extra row "any_retransmission" compares the union of the three on
    both sides (so a fast/spurious/plain misclassification does not count
    there).
  * A retransmitted SYN or SYN/ACK is tcp.analysis.retransmission in
    Wireshark; synack calls it syn_retransmission (and may or may not add
    retransmission).  synack's syn_retransmission counts as retransmission
    unless synack also gives one of the retransmission tags or out_of_order.
  * tshark -Y tcp also lists TCP headers quoted inside ICMP errors; Wireshark
    does no sequence analysis on those, so they never carry flags.

usage: compare-tshark.py [--files F...] [--corpus] [--show N] [--min PCT]
                         [--json PATH|-] [--synack PATH] [-j JOBS] [F...]
Exit status: 0 when every tag flagged on at least --min-count (20) packets in
total agrees at least --min percent (default 98), 1 otherwise, 2 on errors
(no usable file, tools missing).
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys

TOP = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CORPUS = "/work/shared/corpus/tcpdump"

# synack tag name == tshark field suffix
TAGS = [
    "retransmission", "fast_retransmission", "spurious_retransmission",
    "out_of_order", "lost_segment", "ack_lost_segment", "duplicate_ack",
    "zero_window", "zero_window_probe", "zero_window_probe_ack",
    "window_full", "window_update", "keep_alive", "keep_alive_ack",
    "reused_ports",
]
ROWS = TAGS + ["any_retransmission"]
RETRANS3 = {"retransmission", "fast_retransmission", "spurious_retransmission"}


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    return p, None


def tshark_tags(path, timeout):
    cmd = ["tshark", "-n", "-r", path,
           "-o", "tcp.relative_sequence_numbers:TRUE",
           "-o", "tcp.analyze_sequence_numbers:TRUE",
           "-Y", "tcp", "-T", "fields", "-E", "separator=\t",
           "-e", "frame.number"]
    for t in TAGS:
        cmd += ["-e", "tcp.analysis." + t]
    p, err = run(cmd, timeout)
    if p is None:
        return None, "tshark " + err
    res = {}
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        cols = line.split("\t")
        if not cols[0].isdigit():
            continue
        res[int(cols[0])] = {t for t, v in zip(TAGS, cols[1:]) if v != ""}
    if not res and p.returncode != 0:
        return None, "tshark: " + p.stderr.decode("utf-8", "replace").strip().splitlines()[-1:][0] \
            if p.stderr.strip() else "tshark exit %d" % p.returncode
    return res, None


def synack_tags(synack, path, timeout):
    p, err = run([synack, "--analyze", "--json", "-r", path], timeout)
    if p is None:
        return None, "synack " + err
    res = {}
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        if not line.startswith("{"):
            continue
        try:
            o = json.loads(line)
        except ValueError:
            continue
        res[int(o["packet"])] = set(o.get("tags", []))
    if not res and p.returncode != 0:
        msg = p.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, "synack: " + (msg[-1] if msg else "exit %d" % p.returncode)
    return res, None


def normalise_tshark(tags, nest):
    out = set(tags)
    if "retransmission" in out:
        for k in ("fast_retransmission", "spurious_retransmission"):
            if k in out:
                nest[k][0] += 1
        if out & {"fast_retransmission", "spurious_retransmission"}:
            out.discard("retransmission")
    else:
        for k in ("fast_retransmission", "spurious_retransmission"):
            if k in out:
                nest[k][1] += 1
    if out & RETRANS3:
        out.add("any_retransmission")
    return out


def normalise_synack(tags):
    out = set(tags)
    if "syn_retransmission" in out and not out & (RETRANS3 | {"out_of_order"}):
        out.add("retransmission")
    if out & RETRANS3:
        out.add("any_retransmission")
    return out


def compare_file(path, synack, timeout):
    ts, err = tshark_tags(path, timeout)
    if ts is None:
        return {"file": path, "error": err}
    sy, err = synack_tags(synack, path, timeout)
    if sy is None:
        return {"file": path, "error": err}
    if not ts and not sy:
        return {"file": path, "notcp": True}
    nest = {"fast_retransmission": [0, 0], "spurious_retransmission": [0, 0]}
    stats = {r: [0, 0, 0] for r in ROWS}      # both, only tshark, only synack
    diffs = {r: [] for r in ROWS}
    for num in sorted(set(ts) | set(sy)):
        raw_t = ts.get(num, set())
        raw_s = sy.get(num, set())
        a = normalise_tshark(raw_t, nest)
        b = normalise_synack(raw_s)
        for r in ROWS:
            x, y = r in a, r in b
            if x and y:
                stats[r][0] += 1
            elif x or y:
                stats[r][1 if x else 2] += 1
                if len(diffs[r]) < 1000:
                    diffs[r].append((num, sorted(raw_t), sorted(raw_s),
                                     num in ts, num in sy))
    return {"file": path, "stats": stats, "diffs": diffs, "nest": nest,
            "packets": len(set(ts) | set(sy)), "only_in_tshark": len(set(ts) - set(sy)),
            "only_in_synack": len(set(sy) - set(ts))}


CORPUS_LIST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus-tcp.list")


def corpus_files(all_files=False):
    """The corpus files with TCP: from corpus-tcp.list (names, one a line,
    written by --write-corpus-list) unless all_files or the list is missing."""
    if not all_files and os.path.exists(CORPUS_LIST):
        with open(CORPUS_LIST) as f:
            names = [l.strip() for l in f if l.strip() and not l.startswith("#")]
        return [os.path.join(CORPUS, n) for n in names if os.path.exists(os.path.join(CORPUS, n))]
    out = []
    for name in sorted(os.listdir(CORPUS)):
        p = os.path.join(CORPUS, name)
        if os.path.isfile(p) and (name.endswith(".pcap") or name.endswith(".pcapng")
                                  or name.endswith(".cap")):
            out.append(p)
    return out


def pct(s):
    tot = s[0] + s[1] + s[2]
    return 100.0 if tot == 0 else 100.0 * s[0] / tot


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--files", nargs="+", default=[], dest="files2")
    ap.add_argument("--corpus", action="store_true",
                    help="the TCP-bearing files in %s (listed in corpus-tcp.list)" % CORPUS)
    ap.add_argument("--corpus-all", action="store_true",
                    help="every capture in the corpus (slow; finds the TCP-bearing ones)")
    ap.add_argument("--write-corpus-list", action="store_true",
                    help="with --corpus-all: rewrite corpus-tcp.list")
    ap.add_argument("--show", type=int, default=0, metavar="N",
                    help="list the first N disagreeing packets per tag")
    ap.add_argument("--min", type=float, default=98.0, help="minimum agreement in percent")
    ap.add_argument("--min-count", type=int, default=20,
                    help="only tags flagged on at least this many packets are held to --min")
    ap.add_argument("--json", metavar="PATH", help="write a JSON summary (- for stdout)")
    ap.add_argument("--synack", default=os.environ.get("SYNACK", os.path.join(TOP, "synack")))
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--quiet", action="store_true", help="no per-file error lines")
    a = ap.parse_args()

    if not shutil.which("tshark"):
        print("compare-tshark: tshark not found", file=sys.stderr)
        return 2
    if not os.access(a.synack, os.X_OK):
        print("compare-tshark: synack not found at %s" % a.synack, file=sys.stderr)
        return 2
    files = list(a.files) + list(a.files2)
    if a.corpus or a.corpus_all:
        files += corpus_files(a.corpus_all)
    seen = set()
    files = [f for f in files if not (f in seen or seen.add(f))]
    if not files:
        ap.error("no files (give FILE..., --files or --corpus)")

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        results = list(ex.map(lambda f: compare_file(f, a.synack, a.timeout), files))

    total = {r: [0, 0, 0] for r in ROWS}
    nest = {"fast_retransmission": [0, 0], "spurious_retransmission": [0, 0]}
    used, errors, notcp, pkts = [], [], 0, 0
    for res in results:
        if "error" in res:
            errors.append(res)
            continue
        if res.get("notcp"):
            notcp += 1
            continue
        used.append(res)
        pkts += res["packets"]
        for r in ROWS:
            for i in range(3):
                total[r][i] += res["stats"][r][i]
        for k in nest:
            for i in range(2):
                nest[k][i] += res["nest"][k][i]

    if a.write_corpus_list:
        with open(CORPUS_LIST, "w") as f:
            f.write("# corpus captures with TCP packets (tshark or synack); written by\n"
                    "# compare-tshark.py --corpus-all --write-corpus-list\n")
            for res in used:
                if os.path.dirname(os.path.abspath(res["file"])) == CORPUS:
                    f.write(os.path.basename(res["file"]) + "\n")
    if not a.quiet:
        for e in errors:
            print("error: %s: %s" % (os.path.relpath(e["file"]), e["error"]))
    print("%d files with TCP (%d TCP packets), %d without TCP, %d unreadable" %
          (len(used), pkts, notcp, len(errors)))
    print("nesting in tshark: fast_retransmission with/without retransmission %d/%d, "
          "spurious_retransmission with/without %d/%d" %
          (nest["fast_retransmission"][0], nest["fast_retransmission"][1],
           nest["spurious_retransmission"][0], nest["spurious_retransmission"][1]))
    print("%-24s %8s %8s %8s %8s %8s %9s" % ("tag", "tshark", "synack", "both",
                                             "only_ts", "only_sy", "agree"))
    failed = []
    for r in ROWS:
        s = total[r]
        n = s[0] + s[1] + s[2]
        p = pct(s)
        mark = ""
        if n >= a.min_count and p < a.min:
            mark = "  FAIL"
            failed.append(r)
        elif n < a.min_count and p < a.min:
            mark = "  (few)"
        print("%-24s %8d %8d %8d %8d %8d %8.2f%%%s" % (r, s[0] + s[1], s[0] + s[2], s[0],
                                                       s[1], s[2], p, mark))
    if a.show > 0:
        for r in ROWS:
            shown = 0
            lines = []
            for res in used:
                for d in res["diffs"][r]:
                    if shown >= a.show:
                        break
                    num, t, s, in_t, in_s = d
                    lines.append("  %s #%d  tshark=[%s]%s  synack=[%s]%s" % (
                        os.path.basename(res["file"]), num, ",".join(t),
                        "" if in_t else "(no tcp)", ",".join(s), "" if in_s else "(no line)"))
                    shown += 1
            if lines:
                print("\n%s: first %d disagreements" % (r, len(lines)))
                print("\n".join(lines))
                per = ["%s %d/%d" % (os.path.basename(res["file"]), res["stats"][r][1],
                                     res["stats"][r][2])
                       for res in used if res["stats"][r][1] or res["stats"][r][2]]
                print("  files (only_tshark/only_synack): " + ", ".join(per))
    if a.json:
        summary = {
            "files": len(used), "packets": pkts, "unreadable": [
                {"file": e["file"], "error": e["error"]} for e in errors],
            "nesting": nest, "min": a.min, "min_count": a.min_count,
            "tags": {r: {"both": total[r][0], "only_tshark": total[r][1],
                         "only_synack": total[r][2], "agreement": round(pct(total[r]), 3)}
                     for r in ROWS},
            "per_file": {res["file"]: {r: res["stats"][r] for r in ROWS
                                       if res["stats"][r][1] or res["stats"][r][2]}
                         for res in used},
            "failed": failed,
        }
        txt = json.dumps(summary, indent=1, sort_keys=True)
        if a.json == "-":
            print(txt)
        else:
            with open(a.json, "w") as f:
                f.write(txt + "\n")
    if not used:
        return 2
    if failed:
        print("\nbelow %.1f%% (with >= %d flagged packets): %s" % (a.min, a.min_count, " ".join(failed)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
