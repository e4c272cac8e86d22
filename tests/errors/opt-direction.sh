#!/usr/bin/env bash
# tests/errors/opt-direction.sh - -Q sideways is rejected
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option '-Q sideways' 'unknown capture direction' -Q sideways -r "$CAP/core-http.pcap"
finish
