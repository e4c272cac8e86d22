#!/usr/bin/env bash
# tests/errors/opt-snaplen-neg.sh - -s -5 is rejected with the valid range
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option '-s -5' 'invalid snaplen -5' -s -5 -r "$CAP/core-http.pcap"
finish
