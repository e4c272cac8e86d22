#!/usr/bin/env bash
# tests/captures/real-make.sh - record the real-* captures from real kernel
# traffic (run as root; only needed to re-create them, the .pcap files are kept;
# expected outputs then come from tcpdump: bash tests/golden/regen.sh real.list).
#
# Topology (all inside network namespaces created and deleted here; addresses
# 10.201.0.0/16 and fd99:201::/32 exist only inside them):
#   sa-rc (client) c0 ==== r0 sa-rr (router) r1 ==== s0 sa-rs (server)
#        10.201.1.2/24   10.201.1.1      10.201.2.1   10.201.2.2/24  (MTU 1400)
#        fd99:201:1::2/64 fd99:201:1::1  fd99:201:2::1 fd99:201:2::2/64
# Fixed MAC addresses, checksum/segmentation offloads off (ethtool) so the
# checksums in the captures are correct and every segment is MTU-sized.
# Captures are taken with tcpdump -i c0 (client side, Ethernet link type).
#
#   real-ping.pcap        ARP, ping, ping -s 3000 (IPv4 fragments both ways;
#                         the router re-fragments the reply path at 1400)
#   real-ping6.pcap       ND (NS/NA) to the router's link-local address and to
#                         the global gateway, ping6, ping6 -s 3000 (fragment hdrs)
#   real-pmtu.pcap        ping -M do -s 1450 / ping6 -M do -s 1450 to the server
#                         across the 1400-MTU hop: ICMP frag-needed (mtu 1400) and
#                         ICMPv6 packet too big, then the retried smaller pings
#   real-traceroute.pcap  UDP probes with TTL 1,2 (python IP_TTL) to ports 33434+:
#                         time exceeded from the router, port unreachable from server
#   real-traceroute6.pcap the same over IPv6 (hop limit / ICMPv6 port unreachable)
#   real-tfo.pcap         TCP Fast Open: cookie request, then data in the SYN
#   real-mss.pcap         HTTP GET (IPv4 and IPv6) through an nftables MSS clamp
#                         (tcp option maxseg size set 1200) on the router
#   real-ecn-ce.pcap      ECN-negotiated HTTP download; the router (nftables
#                         "ip ecn set ce") marks every 4th ECT(0) packet CE, so the
#                         client echoes ECE and the server answers with CWR
#   real-ra.pcap          radvd (from apt) on the router: the client's interface
#                         comes up -> MLDv2 reports, DAD NS, router solicitation,
#                         radvd's router advertisement (prefix, MTU, RDNSS, route)
#   real-vlan.pcap        802.1Q (vid 100) and 802.1ad QinQ (outer 200, inner
#                         802.1Q 300): ARP, ping, ND, ping6 and an HTTP exchange
#                         between two namespaces.  This kernel has no 8021q module
#                         and no bridge VLAN filtering, so the tags are added and
#                         removed by a small user-space tagger (a tap device per
#                         VLAN <-> AF_PACKET on the veth); all the traffic itself is
#                         real kernel ARP/ICMP/TCP.  Captured on the parent veth.
set -eu
cd "$(dirname "$0")"
PY=/usr/bin/python3
C=sa-rc R=sa-rr S=sa-rs VA=sa-rva VB=sa-rvb
W=$(mktemp -d)
PIDS=()
cleanup() {
    set +e
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
    for ns in $C $R $S $VA $VB; do ip netns del $ns 2>/dev/null; done
    rm -rf "$W"
}
trap cleanup EXIT
command -v ethtool >/dev/null || { echo "needs ethtool" >&2; exit 1; }
command -v radvd >/dev/null || { echo "needs radvd (apt-get install radvd)" >&2; exit 1; }

for ns in $C $R $S; do ip netns add $ns; ip -n $ns link set lo up; done
ip link add c0 netns $C address 02:00:5a:01:00:02 type veth peer name r0 netns $R address 02:00:5a:01:00:01
ip link add r1 netns $R address 02:00:5a:02:00:01 type veth peer name s0 netns $S address 02:00:5a:02:00:02
ip -n $R link set r1 mtu 1400; ip -n $S link set s0 mtu 1400
for x in "$C c0" "$R r0" "$R r1" "$S s0"; do
    set -- $x
    ip netns exec $1 ethtool -K $2 tx off tso off gso off gro off >/dev/null 2>&1 || true
done
ip netns exec $R sysctl -q -w net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
for ns in $R $S; do
    ip netns exec $ns sysctl -q -w net.ipv4.icmp_ratelimit=0 net.ipv6.icmp.ratelimit=0
done
ip -n $C addr add 10.201.1.2/24 dev c0
ip -n $R addr add 10.201.1.1/24 dev r0
ip -n $R addr add 10.201.2.1/24 dev r1
ip -n $S addr add 10.201.2.2/24 dev s0
ip -n $C addr add fd99:201:1::2/64 dev c0 nodad
ip -n $R addr add fd99:201:1::1/64 dev r0 nodad
ip -n $R addr add fd99:201:2::1/64 dev r1 nodad
ip -n $S addr add fd99:201:2::2/64 dev s0 nodad
ip -n $C link set c0 up; ip -n $R link set r0 up; ip -n $R link set r1 up; ip -n $S link set s0 up
ip -n $C route add default via 10.201.1.1
ip -n $S route add default via 10.201.2.1
ip -n $C -6 route add default via fd99:201:1::1
ip -n $S -6 route add default via fd99:201:2::1
sleep 2   # link-local addresses finish DAD before anything is recorded

mkdir -p "$W/www"
printf 'hello from synack tests\n' > "$W/www/index.html"
$PY -c 'import sys; sys.stdout.write("".join("line %04d of the ECN test document\n" % i for i in range(600)))' > "$W/www/ecn.txt"

record() { # record NS IF FILE FILTER -- commands...
    local ns=$1 ifc=$2 f=$3 filt=$4; shift 5
    rm -f "$W/err"
    ip netns exec $ns tcpdump -i $ifc -y EN10MB --immediate-mode -U -w "$W/$f" $filt 2>"$W/err" &
    local p=$!
    for i in $(seq 100); do grep -qs listening "$W/err" && break; sleep 0.1; done
    sleep 0.3
    "$@" || echo "  ($f: a command failed, status $?)" >&2
    sleep 1.2
    kill -INT $p; wait $p || true
    cp "$W/$f" "$f"
    echo "$f: $(tcpdump -r "$f" 2>/dev/null | wc -l) packets, $(stat -c %s "$f") bytes"
}
inc() { ip netns exec $C "$@"; }
serve() { # serve NS PORT: python http.server on :: (v4 and v6)
    (cd "$W/www" && exec ip netns exec $1 $PY -m http.server "$2" --bind :: >/dev/null 2>&1) &
    SRV=$!; PIDS+=("$SRV")
    for i in $(seq 50); do ip netns exec $1 curl -s -o /dev/null -m 1 "http://[::1]:$2/" && break; sleep 0.1; done
}
unserve() { kill "$SRV"; wait "$SRV" 2>/dev/null || true; }

# ---- ping / ping6 ----------------------------------------------------------
ip -n $C neigh flush dev c0
record $C c0 real-ping.pcap "" -- bash -c "
  ip netns exec $C ping -n -c 2 -i 0.2 -W 1 10.201.2.2 >/dev/null
  ip netns exec $C ping -n -c 1 -s 3000 -W 1 10.201.2.2 >/dev/null"
ip -n $C -6 neigh flush dev c0
record $C c0 real-ping6.pcap "" -- bash -c "
  ip netns exec $C ping -6 -n -c 1 -W 1 fe80::5aff:fe01:1%c0 >/dev/null
  ip netns exec $C ping -6 -n -c 2 -i 0.2 -W 1 fd99:201:2::2 >/dev/null
  ip netns exec $C ping -6 -n -c 1 -s 3000 -W 1 fd99:201:2::2 >/dev/null
  ip netns exec $C ping -6 -n -c 1 -s 3000 -W 1 fd99:201:2::2 >/dev/null"
ip -n $C route flush cache; ip -n $C -6 route flush cache
# ---- path MTU: frag needed / packet too big ---------------------------------
record $C c0 real-pmtu.pcap "icmp or icmp6" -- bash -c "
  ip netns exec $C ping -n -M do -c 1 -s 1450 -W 1 10.201.2.2 >/dev/null
  ip netns exec $C ping -n -M do -c 1 -s 1300 -W 1 10.201.2.2 >/dev/null
  ip netns exec $C ping -6 -n -M do -c 1 -s 1450 -W 1 fd99:201:2::2 >/dev/null
  ip netns exec $C ping -6 -n -M do -c 1 -s 1300 -W 1 fd99:201:2::2 >/dev/null
  true"
# ---- traceroute-style UDP probes --------------------------------------------
cat > "$W/trace.py" <<'EOF'
import socket, sys, time
fam = socket.AF_INET6 if ':' in sys.argv[1] else socket.AF_INET
for i, ttl in enumerate((1, 2, 3)):
    s = socket.socket(fam, socket.SOCK_DGRAM)
    if fam == socket.AF_INET:
        s.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, ttl)
    else:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS, ttl)
    s.bind(('', 44000 + i))
    s.sendto(b'synack-probe-%d' % ttl, (sys.argv[1], 33434 + i))
    time.sleep(0.2)
    s.close()
EOF
record $C c0 real-traceroute.pcap "ip" -- inc $PY "$W/trace.py" 10.201.2.2
record $C c0 real-traceroute6.pcap "ip6" -- inc $PY "$W/trace.py" fd99:201:2::2
# ---- TCP Fast Open ------------------------------------------------------------
for ns in $C $S; do ip netns exec $ns sysctl -q -w net.ipv4.tcp_fastopen=3; done
cat > "$W/tfo-srv.py" <<'EOF'
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_FASTOPEN, 5)
s.bind(('0.0.0.0', 7000)); s.listen(5)
for _ in range(2):
    c, _a = s.accept()
    d = c.recv(1000)
    c.sendall(b'echo: ' + d)
    c.close()
EOF
cat > "$W/tfo-cli.py" <<'EOF'
import socket, time
for n in range(2):
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.sendto(b'fast open request %d\n' % n, socket.MSG_FASTOPEN, ('10.201.2.2', 7000))
    c.recv(1000)
    c.close()
    time.sleep(0.3)
EOF
ip netns exec $S $PY "$W/tfo-srv.py" & TFO=$!; PIDS+=("$TFO")
sleep 0.5
record $C c0 real-tfo.pcap "tcp port 7000" -- inc timeout 10 $PY "$W/tfo-cli.py"
wait $TFO || true
for ns in $C $S; do ip netns exec $ns sysctl -q -w net.ipv4.tcp_fastopen=1; done
# ---- MSS clamping on the router -----------------------------------------------
ip netns exec $R nft -f - <<'EOF'
table inet clamp {
    chain fw1 {
        type filter hook forward priority 0; policy accept;
        tcp flags syn tcp option maxseg size set 1200
    }
}
EOF
serve $S 80
record $C c0 real-mss.pcap "tcp port 80" -- bash -c "
  ip netns exec $C curl -s -o /dev/null -m 5 http://10.201.2.2/index.html
  ip netns exec $C curl -s -o /dev/null -m 5 -g 'http://[fd99:201:2::2]/index.html'"
ip netns exec $R nft delete table inet clamp
# ---- ECN with CE marks ----------------------------------------------------------
ip netns exec $C sysctl -q -w net.ipv4.tcp_ecn=1
ip netns exec $R nft -f - <<'EOF'
table ip ce {
    chain fw1 {
        type filter hook forward priority 0; policy accept;
        ip saddr 10.201.2.2 ip ecn ect0 numgen inc mod 4 == 3 ip ecn set ce
    }
}
EOF
record $C c0 real-ecn-ce.pcap "tcp port 80" -- inc curl -s -o /dev/null -m 5 http://10.201.2.2/ecn.txt
ip netns exec $R nft delete table ip ce
unserve
# ---- router advertisement (radvd) -----------------------------------------------
cat > "$W/radvd.conf" <<'EOF'
interface r0 {
    AdvSendAdvert on;
    MinRtrAdvInterval 30;
    MaxRtrAdvInterval 60;
    AdvLinkMTU 1500;
    prefix fd99:201:1::/64 { AdvOnLink on; AdvAutonomous on; };
    route fd99:201:2::/64 { AdvRoutePreference high; };
    RDNSS fd99:201:1::1 { };
    DNSSL synack.test { };
};
EOF
ip -n $C link set c0 down
ip netns exec $C sysctl -q -w net.ipv6.conf.c0.accept_ra=1
record $R r0 real-ra.pcap "" -- bash -c "
  ip netns exec $R radvd -n -C $W/radvd.conf -p $W/radvd.pid -m stderr 2>$W/radvd.log & rp=\$!
  sleep 1
  ip netns exec $C ip link set c0 up
  sleep 3
  kill \$rp; wait \$rp; sleep 0.3"

# ---- VLANs (user-space tagger) ---------------------------------------------------
cat > "$W/tagger.py" <<'EOF'
# tagger.py VETH TAP=TPID:VID[,TPID:VID] ... : bridge each tap to VETH, adding
# the tag stack on the way out and removing it on the way in.
import fcntl, os, select, socket, struct, sys
SOL_PACKET, PACKET_AUXDATA = 263, 8
TP_STATUS_VLAN_VALID, TP_STATUS_VLAN_TPID_VALID = 0x10, 0x40
veth = sys.argv[1]
ps = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
ps.setsockopt(SOL_PACKET, PACKET_AUXDATA, 1)
ps.bind((veth, 0))
taps = {}
for arg in sys.argv[2:]:
    name, tags = arg.split('=')
    stack = b''.join(struct.pack('!HH', int(t.split(':')[0], 16), int(t.split(':')[1]))
                     for t in tags.split(','))
    fd = os.open('/dev/net/tun', os.O_RDWR)
    fcntl.ioctl(fd, 0x400454ca, struct.pack('16sH', name.encode(), 0x0002 | 0x1000))
    taps[fd] = stack
print('ready', flush=True)
while True:
    r, _, _ = select.select([ps] + list(taps), [], [])
    for f in r:
        if f is ps:
            data, anc, _fl, addr = ps.recvmsg(65536, socket.CMSG_SPACE(32))
            if addr[2] == socket.PACKET_OUTGOING:
                continue
            for lvl, typ, cd in anc:
                if lvl == SOL_PACKET and typ == PACKET_AUXDATA:
                    st, _l, _s, _m, _n, tci, tpid = struct.unpack('IIIHHHH', cd[:20])
                    if st & TP_STATUS_VLAN_VALID:
                        tpid = tpid if st & TP_STATUS_VLAN_TPID_VALID else 0x8100
                        data = data[:12] + struct.pack('!HH', tpid, tci) + data[12:]
            for fd, stack in taps.items():
                if data[12:12 + len(stack)] == stack:
                    os.write(fd, data[:12] + data[12 + len(stack):])
        else:
            data = os.read(f, 65536)
            ps.send(data[:12] + taps[f] + data[12:])
EOF
for ns in $VA $VB; do ip netns add $ns; ip -n $ns link set lo up; done
ip link add va netns $VA address 02:00:5a:0a:00:01 type veth peer name vb netns $VB address 02:00:5a:0b:00:01
ip -n $VA link set va mtu 1508; ip -n $VB link set vb mtu 1508
i=0
for x in "$VA va 1" "$VB vb 2"; do
    set -- $x
    ip netns exec $1 ethtool -K $2 tx off tso off gso off gro off rxvlan off txvlan off >/dev/null 2>&1 || true
    ip -n $1 link set $2 up
    ip -n $1 tuntap add q100 mode tap; ip -n $1 tuntap add qq200 mode tap
    ip -n $1 link set q100 address 02:00:5a:64:00:0$3; ip -n $1 link set qq200 address 02:00:5a:c8:00:0$3
    ip -n $1 link set q100 mtu 1500; ip -n $1 link set qq200 mtu 1500
    ip -n $1 addr add 10.201.100.$3/24 dev q100; ip -n $1 addr add 10.201.200.$3/24 dev qq200
    ip -n $1 addr add fd99:201:100::$3/64 dev q100 nodad; ip -n $1 addr add fd99:201:200::$3/64 dev qq200 nodad
    ip netns exec $1 sysctl -q -w net.ipv6.conf.q100.accept_ra=0 net.ipv6.conf.qq200.accept_ra=0 \
        net.ipv6.conf.q100.dad_transmits=0 net.ipv6.conf.qq200.dad_transmits=0 \
        net.ipv6.conf.q100.router_solicitations=0 net.ipv6.conf.qq200.router_solicitations=0 \
        net.ipv6.conf.q100.mldv2_unsolicited_report_interval=0 net.ipv6.conf.qq200.mldv2_unsolicited_report_interval=0 2>/dev/null || true
    ip netns exec $1 $PY -u "$W/tagger.py" $2 q100=8100:100 qq200=88a8:200,8100:300 >"$W/tag$3.log" 2>&1 &
    PIDS+=("$!")
    for j in $(seq 50); do grep -qs ready "$W/tag$3.log" && break; sleep 0.1; done
    ip -n $1 link set q100 up; ip -n $1 link set qq200 up
done
sleep 2
(cd "$W/www" && exec ip netns exec $VB $PY -m http.server 80 --bind :: >/dev/null 2>&1) & PIDS+=("$!")
for i in $(seq 50); do ip netns exec $VB curl -s -o /dev/null -m 1 "http://[::1]:80/" && break; sleep 0.1; done
record $VA va real-vlan.pcap "" -- bash -c "
  ip netns exec $VA ping -n -c 1 -W 1 10.201.100.2 >/dev/null
  ip netns exec $VA ping -n -c 1 -W 1 10.201.200.2 >/dev/null
  ip netns exec $VA ping -6 -n -c 1 -W 1 fd99:201:100::2 >/dev/null
  ip netns exec $VA curl -s -o /dev/null -m 5 http://10.201.100.2/index.html
  ip netns exec $VA curl -s -o /dev/null -m 5 http://10.201.200.2/index.html
  ip netns exec $VA curl -s -o /dev/null -m 5 -g 'http://[fd99:201:200::2]/index.html'"
