#!/usr/bin/env bash
# tests/errors/opt-rotate-seconds.sh - -G -1 is rejected
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option '-G -1' 'invalid number of seconds -1' -G -1 -w "$T/o.pcap" -r "$CAP/core-http.pcap"
finish
