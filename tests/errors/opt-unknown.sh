#!/usr/bin/env bash
# tests/errors/opt-unknown.sh - an unknown long option: getopt's "unrecognized
# option" line, then the usage text, exit 1, exactly as tcpdump.
. "$(dirname "$0")/../lib.sh"
need_synack
. "$(dirname "$0")/same.bash"
same --bogus -r "$CAP/core-http.pcap"
same -r "$CAP/core-http.pcap" --nosuch=1
same -r "$CAP/core-http.pcap" -g
finish
