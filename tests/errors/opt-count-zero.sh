#!/usr/bin/env bash
# tests/errors/opt-count-zero.sh - -c 0 is rejected (tcpdump: invalid packet count 0)
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option '-c 0' 'invalid packet count 0' -c 0 -r "$CAP/core-http.pcap"
finish
