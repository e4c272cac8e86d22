#!/usr/bin/env bash
# tests/errors/options.sh - every tcpdump 4.99 option synack takes, run against
# tcpdump itself: same stdout, same stderr (tcpdump's name replaced by synack's,
# the version lines of the usage text left out) and the same exit status.
# Both programs are run by their bare names (a symlink in a private PATH for
# synack), so getopt's messages, which carry argv[0], can match too.
. "$(dirname "$0")/../lib.sh"
need_synack
. "$(dirname "$0")/same.bash"
F=$CAP/core-http.pcap
[ -r "$F" ] || die "missing capture $F"
# a second capture for -V, and a cooked v2 one (made here: an ICMP echo on ifindex 1)
F2=$CAP/core-http.pcap
for c in "$CAP"/*.pcap; do [ "$c" != "$F" ] && F2=$c && break; done
SLL2=$T/sll2.pcap
python3 - "$SLL2" <<'PY' || die "cannot write $SLL2"
import struct, sys
ip = bytes.fromhex("4500001c000100004001f97cc0a80001c0a80002") + bytes.fromhex("0800f7ff00000000")
sll2 = struct.pack(">HHIHBB8s", 0x0800, 0, 1, 1, 4, 6, bytes.fromhex("020000000001") + b"\0\0")
pkt = sll2 + ip
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 276))
    f.write(struct.pack("<IIII", 1700000000, 1, len(pkt), len(pkt)) + pkt)
PY
CORPUS=$TOP/../shared/corpus/tcpdump
cd "$T" || die "cd $T"

# errors from getopt, with the usage text after them
same --bogus
same -g
same -c
same -E
same --lengths                  # not an option of tcpdump 4.99.3
same -r "$F" -Y                 # not compiled into Debian's tcpdump
# values tcpdump refuses
same -j bogus
same -T bogus
same -T quic
same -tttttt
same -Q sideways
same -C 1k -r "$F" -w "$T/x.pcap"
same -C 99999999999999 -r "$F" -w "$T/x.pcap"
same -G -1 -r "$F" -w "$T/x.pcap"
same -W 0
# -B -c -G -W: tcpdump's atoi(): the leading number counts, the rest is ignored
same -nn -c 2x -r "$F"
same -nn -c abc -r "$F"
same -nn -c 0 -r "$F"
same -nn -c 2 -B 8k -r "$F"
# (-Z root: $T is root's; files into a directory the dropped user cannot write: write-owner.sh)
for g in 0 abc 1x; do same -Z root -nn -c 2 -r "$F" -w "$T/g.pcap" -G "$g"; done
same -Z root -nn -c 2 -r "$F" -w "$T/w.pcap" -C 1 -W 2x
same -B 0
same -s 999999
same -nn -c 2 -s 0x40 -r "$F"
same -nn -c 2 -s 010 -r "$F"
same -nn -c 2 -s 64k -r "$F"
same -r "$F" --time-stamp-precision=bad
same -r "$F" -f
same -r "$F" -V "$T/list"
same -V "$T/nosuch-list"
: >"$T/empty-list"
same -V "$T/empty-list"
# a missing device: both of tcpdump's lines
same -i nosuch0 -c 1
same -i nosuch0 -d
# -d: the programs, with and without the optimizer, for other link types
same -d ip
same -dd 'tcp port 80'
same -O -d 'ip and tcp'
same --no-optimize -ddd 'udp or icmp'
same -y LINUX_SLL2 -d ip
same -y LINUX_SLL -d 'ip6'
# -r with -d prints the "reading from file" line first; -L is for devices only
same -r "$F" -d tcp
same -nn -r "$F" -L
# options that change nothing for this capture, accepted as tcpdump accepts them
for o in -a -b -H -I --monitor-mode -J --list-time-stamp-types "-j host" --time-stamp-type=host \
         "-m SNMPv2-MIB" -O --no-optimize "-T vxlan" "-T DOMAIN" "-z gzip" --print "-U" \
         "-C 1" "-G 1" "-W 3"; do
    # shellcheck disable=SC2086
    same -nn -c 4 -r "$F" $o
done
# -E: ESP decryption (more in tests/errors/esp.sh): no ESP, no complaint; a bad secret at the first ESP packet
same -nn -c 2 -r "$F" -E 'esp-sha1:0x0011'
same -nn -r "$CAP/esp-tunnel4.pcap" -E 'aes128-cbc-hmac96:0x00112233445566778899aabbccddeeff'
same -nn -r "$CAP/esp-tunnel4.pcap" -E 'esp-sha1:0x0011'
same -nn -r "$CAP/esp-tunnel4.pcap" -E 'aes128:0x00zz'
# -M: TCP-MD5 signatures checked as Debian's tcpdump (with libcrypto) checks them
python3 "$TOP/tests/errors/mkmd5.py" "$T/md5.pcap" || die "cannot write md5.pcap"
same -nn -r "$T/md5.pcap"
same -nn -r "$T/md5.pcap" -M secret
same -nn -r "$T/md5.pcap" -M wrong
same -nn -vv -r "$T/md5.pcap" -M secret
# --fp-type
same --fp-type
# -V: several files in a row, -c per file, stdin as the list
printf '%s\n%s\n' "$F" "$F2" >"$T/list"
same -nn -V "$T/list"
same -nn -c 3 -V "$T/list"
STDIN=$T/list same -nn -V -
same -nn -V "$T/list" tcp and port 80
same -nn -V "$T/list" -w "$T/v.pcap"
same -nn --count -V "$T/list"
same -nn -r "$F2" -r "$F"        # the last -r is the one read
# a cooked v2 capture: tcpdump's interface-name warning; with -w, the link types must agree
same -nn -r "$SLL2"
same -nn -e -r "$SLL2" -d icmp
printf '%s\n%s\n' "$F" "$SLL2" >"$T/list2"
same -nn -V "$T/list2"
same -nn -V "$T/list2" -w "$T/v2.pcap"
# -T on captures where it changes the output
if [ -d "$CORPUS" ]; then
    for c in dns_tcp_8053.pcap dns_udp.pcap gso-ipv4-vxlan-ipv4.pcap; do
        [ -r "$CORPUS/$c" ] || continue
        for ty in domain vxlan someip; do same -nn -T $ty -r "$CORPUS/$c"; done
    done
fi
# devices: -J lists time stamp types on stderr; -j a type the device lacks is a warning
if [ "$(id -u)" = 0 ]; then
    same -J -i lo
    same -i 1 -d ip                 # a number: the device of that rank in -D's list
    same -i 999 -d ip
    same -i 0 -d ip
    same -i lo -y EN10MB -d ip      # -y on a device: tcpdump's "data link type" line
    same -i lo -y NOSUCH -d ip
    same -i any -d 'tcp port 80'    # LINUX_SLL2 by default on "any"
    same -i any -y LINUX_SLL -d ip
    same -i any -L                  # -L before the link type is set: no "data link type" line
    same -i lo -j adapter_unsynced -d ip
fi
# -h: tcpdump's usage text, word for word, at the end (synack lists its subcommands first)
"$TD" -h >"$T/t.h" 2>&1
PATH="$T/bin:$PATH" synack -h >"$T/s.h" 2>&1 || fail "-h: non-zero exit"
sed 's/^Usage: tcpdump /Usage: synack /' "$T/t.h" | strip_version /dev/stdin >"$T/t.h2"
strip_version "$T/s.h" | tail -n "$(wc -l <"$T/t.h2")" >"$T/s.h2"
expect_same "-h usage" "$T/t.h2" "$T/s.h2"
echo "$same_n option cases compared with tcpdump"
finish
