#!/usr/bin/env bash
# tests/errors/opt-linktype.sh - -y FOO is rejected
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option '-y FOO' 'invalid data link type FOO' -y FOO -r "$CAP/core-http.pcap"
finish
