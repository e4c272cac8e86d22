#!/usr/bin/env bash
# tests/errors/isakmp.sh - IKEv2 decryption (-E "ikev2 I|R 0xSPIi 0xSPIr AUTH:KEY ENC:KEY")
# against tcpdump itself: the Encrypted payload (v2e) decrypted and the payloads inside
# printed, for the initiator and the responder, AES-128 and 3DES, with and without the
# 12-byte checksum (sha1/md5), a wrong key, no key for the SPIs, ciphertext not in whole
# blocks, a chain running past the plaintext, a v2e inside v2e, NAT-T, a real strongSwan
# exchange; and tcpdump's complaints about bad "ikev2" lines (same stdout, stderr, exit
# status; see same.bash).
# The ikev2 words hold spaces: they do not fit a tests/golden list line.
# Captures: tests/golden/isakmp-make-captures.py.
. "$(dirname "$0")/../lib.sh"
need_synack
. "$(dirname "$0")/same.bash"
C=$CAP/isakmp-v2e.pcap
[ -r "$C" ] || die "missing capture $C"
K=0x000102030405060708090a0b0c0d0e0f
K3=0x202122232425262728292a2b2c2d2e2f3031323334353637
SP="0x0102030405060708 0x1112131415161718"
D=$(mktemp -d /tmp/synack-isakmp.XXXXXX) || die "mktemp"
add_cleanup "rm -rf '$D'"
chmod 755 "$D"
printf '# IKEv2 keys\nikev2 I %s sha1:0x00 aes128:%s\nikev2 R %s sha1:0x00 aes128:%s\n' "$SP" "$K" "$SP" "$K" >"$D/ike"
chmod 644 "$D/ike"

for v in -v -vv -vvv -vvvv; do
    same -nn "$v" -r "$C" -E "ikev2 I $SP sha1:0x00 aes128:$K,ikev2 R $SP sha1:0x00 aes128:$K"
done
same -nn -v -r "$C" -E "file $D/ike"
same -nn -e -v -r "$C" -E "file $D/ike"
same -v -r "$C" -E "file $D/ike"
same -nn -r "$C" -E "file $D/ike"                                    # no -v: no payloads
same -nn -v -s 200 -r "$C" -E "file $D/ike"                          # v2e cut by the snapshot
same -nn -vv -r "$C" -E "ikev2 I $SP md5:0x00 aes128-cbc:$K"
same -nn -vvv -r "$C" -E "ikev2 R $SP SHA1:0x00 aes128:$K"
same -nn -v -r "$C" -E "ikev2 I $SP none:0x00 aes128:$K"            # no checksum: 12 bytes more
same -nn -v -r "$C" -E "ikev2 I $SP sha1:0x00 aes128-cbc-hmac96:$K"
same -nn -v -r "$C" -E "ikev2 I $SP sha1:0x00 3des:$K3"
same -nn -v -r "$C" -E "ikev2 I $SP sha1:0x00 aes128:wrongkeywrongkey"
same -nn -v -r "$C" -E "aes128:$K,ikev2 I $SP sha1:0x00 aes128:$K"    # an ESP default as well
same -nn -v -r "$CAP/isakmp-v2.pcap" -E "file $D/ike"                # other SPIs: nothing decrypted
# a real exchange (strongSwan; see isakmp-make-captures.py): IKE_AUTH and INFORMATIONAL
S=$CAP/isakmp-strongswan.pcap
SS="0x23e8fc78cab98a77 0x99b51cffe6fb0c2d"
EI="ikev2 I $SS sha1:0x00 aes128:0xdc299a52517eef5e9a5b5b847726dc8a"
ER="ikev2 R $SS sha1:0x00 aes128:0x2b60822e8f1e4a995b9a32ab4240eab0"
same -nn -v -r "$S" -E "$EI,$ER"
same -nn -vv -r "$S" -E "$ER,$EI"
same -nn -vvv -r "$S" -E "$EI,$ER"
same -v -r "$S" -E "$EI"                                             # the initiator's side only
same -nn -v -r "$S" -E "ikev2 I $SS sha1:0x00 aes128:0x2b60822e8f1e4a995b9a32ab4240eab0"  # keys swapped
# bad lines: tcpdump's warnings, nothing decrypted
same -nn -v -r "$C" -E "ikev2 I $SP sha1 aes128:$K"
same -nn -v -r "$C" -E "ikev2 I $SP sha1:0x00 bogus:$K"
same -nn -v -r "$C" -E "ikev2 I $SP sha1:0x00 aes128"
same -nn -v -r "$C" -E "ikev2 I 0x01 0x02 sha1:0x00 aes128:$K"
same -nn -v -r "$C" -E "ikev2 I $SP"
same -nn -v -r "$C" -E "ikev2 X $SP sha1:0x00 aes128:$K"
same -nn -v -r "$C" -E "ikev2 I 0x01020304050607zz 0x1112131415161718 sha1:0x00 aes128:$K"
same -nn -v -r "$C" -E "ikev2 I $SP sha1:0x00 aes128:0xzz"
echo "$same_n -E ikev2 cases compared with tcpdump"
finish
