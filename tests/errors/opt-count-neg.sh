#!/usr/bin/env bash
# tests/errors/opt-count-neg.sh - -c -3 is rejected
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option '-c -3' 'invalid packet count -3' -c -3 -r "$CAP/core-http.pcap"
finish
