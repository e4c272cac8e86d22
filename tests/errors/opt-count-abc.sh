#!/usr/bin/env bash
# tests/errors/opt-count-abc.sh - -c abc is rejected
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option '-c abc' 'invalid packet count abc' -c abc -r "$CAP/core-http.pcap"
finish
