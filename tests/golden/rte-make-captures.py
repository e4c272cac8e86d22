#!/usr/bin/python3
# rte-make-captures.py - crafted captures for tests/golden/rte.list (routing and
# MPLS printers: OSPFv3 + AH, IS-IS, EIGRP, BFD, ...).  Every message type the
# printers decode, plus truncated copies.  Expected outputs come from tcpdump
# (tests/golden/regen.sh rte.list).  Run: /usr/bin/python3 tests/golden/rte-make-captures.py
import os
from scapy.all import Ether, IPv6, IP, UDP, Raw, wrpcap
from scapy.contrib.ospf import (OSPFv3_Hdr, OSPFv3_Hello, OSPFv3_DBDesc, OSPFv3_LSReq,
                                OSPFv3_LSReq_Item, OSPFv3_LSUpd, OSPFv3_LSAck, OSPFv3_LSA_Hdr,
                                OSPFv3_Router_LSA, OSPFv3_Link, OSPFv3_Network_LSA,
                                OSPFv3_Inter_Area_Prefix_LSA, OSPFv3_AS_External_LSA,
                                OSPFv3_Link_LSA, OSPFv3_Prefix_Item, OSPFv3_Intra_Area_Prefix_LSA,
                                OSPFv3_Inter_Area_Router_LSA)
from scapy.layers.ipsec import AH

HERE = os.path.dirname(os.path.abspath(__file__))
CAP = os.path.join(HERE, "..", "captures")
MAC_A, MAC_B = "02:00:00:00:00:01", "02:00:00:00:00:02"
A6, B6 = "fe80::1", "fe80::2"
A4, B4 = "10.198.0.1", "10.198.0.2"


def write(name, pkts, cut=()):
    """pkts, then for each (index, n) in cut a copy of pkts[index] cut to n bytes."""
    raw = [bytes(p) for p in pkts]
    for i, n in cut:
        raw.append(raw[i][:n])
    out = [Ether(b) for b in raw]
    for i, p in enumerate(out):
        p.time = 1700000000 + i
    wrpcap(os.path.join(CAP, name), out)


def e6(payload, nh=89):
    return Ether(src=MAC_A, dst=MAC_B) / IPv6(src=A6, dst=B6, hlim=1, nh=nh) / payload


def ospf6():
    pfx = [OSPFv3_Prefix_Item(prefix="2001:db8:1::/64", metric=10),
           OSPFv3_Prefix_Item(prefix="2001:db8::/48", prefixoptions=0x02)]
    lsas = [
        OSPFv3_Router_LSA(adrouter="1.1.1.1", id="0.0.0.0", seq=0x80000001, flags=0x01,
                          linklist=[OSPFv3_Link(type=1, metric=10, intid=5, neighintid=6,
                                                neighbor="2.2.2.2"),
                                    OSPFv3_Link(type=2, metric=1, intid=5, neighintid=5,
                                                neighbor="3.3.3.3"),
                                    OSPFv3_Link(type=4, metric=3, intid=7, neighintid=8,
                                                neighbor="4.4.4.4")]),
        OSPFv3_Network_LSA(adrouter="1.1.1.1", id="0.0.0.5", seq=0x80000002,
                           routerlist=["1.1.1.1", "2.2.2.2"]),
        OSPFv3_Inter_Area_Prefix_LSA(adrouter="1.1.1.1", id="0.0.0.1", metric=20,
                                     prefix="2001:db8:2::/64", prefixlen=64),
        OSPFv3_Inter_Area_Router_LSA(adrouter="1.1.1.1", id="0.0.0.2", metric=30,
                                     router="5.5.5.5"),
        OSPFv3_AS_External_LSA(adrouter="1.1.1.1", id="0.0.0.3", flags=0x03, metric=40,
                               prefix="2001:db8:3::/56", prefixlen=56, reflstype=1, reflsid="9.9.9.9",
                               fwaddr="2001:db8::1", tag=7),
        OSPFv3_Link_LSA(adrouter="1.1.1.1", id="0.0.0.5", prio=1, lladdr=A6, prefixlist=pfx),
        OSPFv3_Intra_Area_Prefix_LSA(adrouter="1.1.1.1", id="0.0.0.4", reflstype=0x2001,
                                     reflsid="0.0.0.0", refadrouter="1.1.1.1", prefixlist=pfx),
    ]
    hdrs = [OSPFv3_LSA_Hdr(type=0x2001, id="0.0.0.0", adrouter="1.1.1.1", seq=0x80000001),
            OSPFv3_LSA_Hdr(type=0x0008, id="0.0.0.5", adrouter="2.2.2.2", seq=0x80000003)]
    h = lambda t, area="0.0.0.0", inst=0: OSPFv3_Hdr(type=t, src="1.1.1.1", area=area,
                                                   instance=inst)
    pkts = [
        e6(h(1) / OSPFv3_Hello(intid=5, prio=1, options=0x13, hellointerval=10,
                               deadinterval=40, router="1.1.1.1", backup="2.2.2.2",
                               neighbors=["2.2.2.2", "3.3.3.3"])),
        e6(h(1, "0.0.0.1", 2) / OSPFv3_Hello(intid=6, prio=0, options=0x13)),
        e6(h(2) / OSPFv3_DBDesc(options=0x13, mtu=1500, dbdescr=0x07, ddseq=0x1234,
                                lsaheaders=hdrs)),
        e6(h(3) / OSPFv3_LSReq(requests=[
            OSPFv3_LSReq_Item(type=0x2001, id="0.0.0.0", adrouter="1.1.1.1"),
            OSPFv3_LSReq_Item(type=0xa002, id="0.0.0.5", adrouter="2.2.2.2")])),
        e6(h(4) / OSPFv3_LSUpd(lsalist=lsas)),
        e6(h(5) / OSPFv3_LSAck(lsaheaders=hdrs)),
        e6(h(9) / Raw(b"\x00" * 8)),
        e6(AH(nh=89, payloadlen=4, spi=0x100, seq=19, icv=b"\x11" * 12) / h(1) /
           OSPFv3_Hello(intid=5, prio=1, options=0x13, router="1.1.1.1"), nh=51),
    ]
    write("rte-ospf6.pcap", pkts, cut=[(0, 14 + 40 + 30), (0, 14 + 40 + 40), (2, 14 + 40 + 36),
                                        (4, 14 + 40 + 60), (4, 14 + 40 + 130), (7, 14 + 40 + 10)])


if __name__ == "__main__":
    ospf6()
