#!/usr/bin/env bash
# tests/errors/opt-filecount-zero.sh - -W 0 is rejected
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option '-W 0' 'invalid number of output files 0' -W 0 -C 1 -w "$T/o.pcap" -r "$CAP/core-http.pcap"
finish
