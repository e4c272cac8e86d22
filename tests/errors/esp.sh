#!/usr/bin/env bash
# tests/errors/esp.sh - -E (ESP decryption) against tcpdump itself: SPI@address entries,
# secrets files, IKEv2 key lines, and every warning and error tcpdump 4.99.3 gives for a
# bad -E (same stdout, stderr and exit status; see same.bash).  Then what synack does
# where tcpdump cannot: DES (OpenSSL's legacy provider; tcpdump crashes) and "none".
# Captures: tests/golden/esp-make-captures.py.  Run as root, both programs drop to the
# tcpdump user and synack enters its sandbox, so this also tests decryption in it.
. "$(dirname "$0")/../lib.sh"
need_synack
. "$(dirname "$0")/same.bash"
for c in esp-multi esp-tunnel4 esp-natt esp-des esp-null esp-null-inner esp-legacy esp-legacy-inner; do
    [ -r "$CAP/$c.pcap" ] || die "missing capture $CAP/$c.pcap"
done
M=$CAP/esp-multi.pcap
K128=0x00112233445566778899aabbccddeeff
K3DES=0x0123456789abcdeff1e0d3c2b5a49786fedcba9876543210
# secrets files where the dropped user can read them (tcpdump reads them as that user)
D=$(mktemp -d /tmp/synack-esp.XXXXXX) || die "mktemp"
add_cleanup "rm -rf '$D'"
chmod 755 "$D"
cp "$CAP/esp-secrets.txt" "$D/secrets"
printf '0x7007@198.51.100.2 aes128-cbc:%s\r\n' "$K128" >"$D/crlf"
printf 'file %s\n# nested\n0x8008@198.51.100.1 3des:%s\n' "$D/secrets" "$K3DES" >"$D/nested"
printf '0x7007@198.51.100.2 aes128-cbc:0xzz\n' >"$D/badhex"
printf 'ikev2 I 0x0011 0x8899aabbccddeeff sha1:0x11 aes128:0x22\nikev2 R\nbogus\n' >"$D/ike"
chmod 644 "$D"/*

# SPI@address entries: one per direction, the third SPI unknown, a default for the rest
same -nn -r "$M" -E "0x7007@198.51.100.2 aes128-cbc:$K128,0x8008@198.51.100.1 3des-cbc:$K3DES"
same -nn -v -r "$M" -E "0x8008@198.51.100.1	3des-cbc:$K3DES,aes128-cbc:$K128"
same -nn -r "$M" -E "28679@198.51.100.2 aes128-cbc:$K128"            # the SPI in decimal
same -nn -r "$M" -E "0x7007@198.51.100.1 aes128-cbc:$K128"           # the wrong destination
same -nn -r "$M" -E "0x7007@198.51.100.2 aes128-cbc:0x00,0x7007@198.51.100.2 aes128-cbc:$K128"
same -nn -r "$CAP/esp-tunnel4.pcap" -E "0x1001@::ffff:198.51.100.2 aes128-cbc-hmac96:$K128"
# secrets files
same -nn -r "$M" -E "file $D/secrets"
same -nn -r "$M" -E "FILE $D/nested"
same -nn -r "$M" -E "file $D/crlf"
same -nn -r "$M" -E "file $D/ike"
same -nn -r "$M" -E "file $D"                                         # a directory: nothing read
# what tcpdump warns about (at the first ESP packet) and goes on
same -nn -r "$M" -E "0x7007@198.51.100.2"
same -nn -r "$M" -E "foo@198.51.100.2 aes128:$K128"
same -nn -r "$M" -E "0x7007@bogus aes128:$K128"
same -nn -r "$M" -E "0x7007@010.9.0.2 aes128:$K128"
same -nn -r "$M" -E "0x7007 aes128:$K128"
same -nn -r "$M" -E "bogus-cbc:$K128"
same -nn -r "$M" -E "aes128-gcm:$K128"
same -nn -r "$M" -E "aes128:0x$(printf 'ab%.0s' $(seq 300))"
same -nn -r "$M" -E "aes128:0x"
same -nn -r "$M" -E ",aes128:$K128 ,:x,-hmac96:y"
same -nn -r "$M" -E "ikev2 I 0x0011223344556677 0x8899aabbccddeeff sha1:0x11 aes128:0x22"
same -nn -r "$M" -E "ikev2 X 0x00 0x00 a b"
same -nn -r "$M" -E "ikev2 I"
same -nn -r "$M" -E ""
same -nn -r "$CAP/esp-tunnel4.pcap" -E "aes128:$K128"                 # the ICV taken for ciphertext
same -nn -r "$CAP/core-http.pcap" -E "bogus:x"                        # no ESP: no complaint
# the errors that end tcpdump at the first ESP packet, in the middle of its line
same -nn -r "$M" -E "aes128:0xzz"
same -nn -r "$M" -E "aes128:0x1Zy"
same -nn -r "$M" -E "bogus:x,aes128:0x0g"
same -nn -r "$M" -E "file $D/nosuch"
same -nn -r "$M" -E "file $D/badhex"
same -nn -r "$M" -E "ikev2 I 0x00112233445566zz 0x8899aabbccddeeff sha1:0x11 aes128:0x22"
same -nn -c 1 -r "$CAP/core-http.pcap" -E "file $D/nosuch"            # no ESP: no error
# -E and -w together: nothing printed, nothing decrypted
same -r "$M" -E "aes128:0xzz" -w "$T/w.pcap"
# -w with --print: the fatal error comes while printing; the packets already written stay in
# the file (tcpdump's stdio buffers are flushed by exit): both files must be identical
for e in "aes128:0xzz" "file $D/nosuch"; do
    same -nn -r "$M" -E "$e" -w "$T/wp.pcap" --print
    cp "$T/wp.pcap" "$T/wp-synack.pcap"
    (cd "$T" && timeout 20 "$TCPDUMP" -nn -r "$M" -E "$e" -w "$T/wp.pcap" --print >/dev/null 2>&1)
    [ "$(stat -c %s "$T/wp.pcap")" -gt 24 ] || fail "-w --print -E '$e': tcpdump's file has no packets"
    cmp -s "$T/wp.pcap" "$T/wp-synack.pcap" ||
        fail "-w --print -E '$e': synack wrote $(stat -c %s "$T/wp-synack.pcap") bytes, tcpdump $(stat -c %s "$T/wp.pcap")"
done

# DES: tcpdump 4.99.3 crashes on OpenSSL 3's legacy ciphers; synack loads the legacy provider.
# DES with K is 3DES with K|K|K: the expected output is tcpdump's, for 3DES (esp-des.out).
"$SYNACK" -nn -r "$CAP/esp-des.pcap" -E des-cbc:0x133457799bbcdff1 >"$T/des.out" 2>"$T/des.err" ||
    fail "des-cbc: exit status $?"
expect_same "des-cbc" "$TOP/tests/golden/esp-des.out" "$T/des.out"
# none (RFC 2410 NULL encryption; tcpdump: "failed to find cipher algo none"): what follows
# "length N: " is what tcpdump prints for the inner packets alone
"$SYNACK" -nn -r "$CAP/esp-null.pcap" -E none-hmac96: 2>/dev/null | sed 's/^.*ESP([^)]*), length [0-9]*: //' >"$T/null.out"
"$TCPDUMP" -nn -r "$CAP/esp-null-inner.pcap" 2>/dev/null | cut -d' ' -f2- >"$T/null.exp"
expect_same "none" "$T/null.exp" "$T/null.out"
# Blowfish and CAST5 (legacy provider too), one SPI each: the inner packets as tcpdump prints them
"$SYNACK" -nn -r "$CAP/esp-legacy.pcap" -E "0xd00d@198.51.100.2 blowfish-cbc:synack-esp-key16,0xe00e@198.51.100.2 cast128-cbc:synack-esp-key16" \
    2>/dev/null | sed 's/^.*ESP([^)]*), length [0-9]*: //' >"$T/legacy.out"
"$TCPDUMP" -nn -r "$CAP/esp-legacy-inner.pcap" 2>/dev/null | cut -d' ' -f2- >"$T/legacy.exp"
expect_same "blowfish-cbc, cast128-cbc" "$T/legacy.exp" "$T/legacy.out"
echo "$same_n -E cases compared with tcpdump"
finish
