#!/usr/bin/env bash
# tests/errors/opt-snaplen-big.sh - -s 262145 is rejected
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option '-s 262145' 'invalid snaplen 262145' -s 262145 -r "$CAP/core-http.pcap"
finish
