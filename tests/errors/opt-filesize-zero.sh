#!/usr/bin/env bash
# tests/errors/opt-filesize-zero.sh - -C 0 is rejected
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option '-C 0' 'invalid file size 0' -C 0 -w "$T/o.pcap" -r "$CAP/core-http.pcap"
finish
