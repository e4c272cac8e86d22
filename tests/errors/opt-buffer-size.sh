#!/usr/bin/env bash
# tests/errors/opt-buffer-size.sh - -B x is rejected
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option '-B x' 'invalid packet buffer size x' -B x -r "$CAP/core-http.pcap"
finish
