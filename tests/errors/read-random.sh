#!/usr/bin/env bash
# tests/errors/read-random.sh - -r of random bytes (not a capture file)
. "$(dirname "$0")/../lib.sh"
need_synack
head -c 2000 /dev/urandom > "$T/rand.bin"
# make sure the random bytes cannot start with a pcap/pcapng magic number
printf 'JUNK' | dd of="$T/rand.bin" conv=notrunc status=none
bad_option 'random bytes' 'unknown file format' -r "$T/rand.bin"
finish
