#!/usr/bin/python3
"""domcheck.py DOM.html: reads a DOM dumped by Chromium (after the report's
script ran) and prints facts the browser tests compare, one per line:
  title <document title>
  captures <number of section.capture>
  tsg <number of time-sequence svgs>
  rx <retransmission marks (class rx)>
  findings <rendered .finding cards>
  verdict <text of the first .verdict>
  lost <lost-packet arrows between two captures>
  plinks <packet links (findings, lost-packet ladder)>   badlinks <packet links whose target row is missing>
  scripts <script elements>  handlers <elements with on* attributes>
  jsurls <href/src/xlink:href attributes starting with javascript:>
  clinks <links from findings to connection graphs>  badclinks <their targets missing>
  dupids <ids used more than once>
  text <all text of the packet list rows, one line>"""
import sys
from html.parser import HTMLParser

class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.dup, self.stack = set(), 0, []
        self.c = dict(captures=0, tsg=0, rx=0, findings=0, plinks=0, scripts=0, handlers=0, jsurls=0, lost=0)
        self.links, self.title, self.verdict, self.rows, self.clinks = [], "", None, [], []
        self.in_title = self.in_verdict = self.in_row = 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if "id" in a:
            if a["id"] in self.ids: self.dup += 1
            self.ids.add(a["id"])
        if tag == "section" and "capture" in cls: self.c["captures"] += 1
        if tag == "svg" and "g-tsg" in cls: self.c["tsg"] += 1
        if tag == "g" and "rx" in cls: self.c["rx"] += 1
        if tag == "div" and "finding" in cls: self.c["findings"] += 1
        if tag == "a" and "clink" in cls:
            self.clinks.append(a.get("href", ""))
        if tag == "g" and "lost" in cls: self.c["lost"] += 1
        if tag == "a" and ("plink" in cls or "plink-static" in cls):
            self.c["plinks"] += 1; self.links.append(a.get("href", ""))
        if tag == "script": self.c["scripts"] += 1
        for k, v in attrs:
            if k.lower().startswith("on"): self.c["handlers"] += 1
            if k.lower() in ("href", "src", "xlink:href", "action") and (v or "").strip().lower().startswith("javascript:"):
                self.c["jsurls"] += 1
        if tag == "title" and not self.title: self.in_title = 1
        if "verdict" in cls and self.verdict is None: self.in_verdict = 1; self.verdict = ""
        if tag == "div" and "pk" in cls: self.in_row = 1; self.rows.append("")
    def handle_endtag(self, tag):
        if tag == "title": self.in_title = 0
        if tag == "dd": self.in_verdict = 0
        if tag == "div": self.in_row = 0
    def handle_data(self, d):
        if self.in_title: self.title += d
        if self.in_verdict: self.verdict += d
        if self.in_row: self.rows[-1] += d

p = P()
p.feed(open(sys.argv[1], encoding="utf-8", errors="replace").read())
print("title", p.title.strip())
for k, v in p.c.items():
    print(k, v)
print("verdict", (p.verdict or "").strip())
print("badlinks", sum(1 for h in p.links if not h.startswith("#") or h[1:] not in p.ids))
print("clinks", len(p.clinks))
print("badclinks", sum(1 for h in p.clinks if not h.startswith("#") or h[1:] not in p.ids))
print("dupids", p.dup)
print("text", " | ".join(p.rows))
