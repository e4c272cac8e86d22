#!/usr/bin/env bash
# tests/errors/read-empty.sh - -r of an empty file
. "$(dirname "$0")/../lib.sh"
need_synack
: > "$T/empty.pcap"
bad_option 'empty file' 'truncated dump file; tried to read 4 file header bytes, only got 0' -r "$T/empty.pcap"
finish
