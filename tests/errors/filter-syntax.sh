#!/usr/bin/env bash
# tests/errors/filter-syntax.sh - a filter syntax error fails with libpcap's message
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option 'tcp and and' "can't parse filter expression: syntax error" -r "$CAP/core-http.pcap" tcp and and
finish
