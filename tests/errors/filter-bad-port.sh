#!/usr/bin/env bash
# tests/errors/filter-bad-port.sh - a filter with port 99999 fails with libpcap's message
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option 'tcp port 99999' 'illegal port number 99999 > 65535' -r "$CAP/core-http.pcap" tcp port 99999
finish
