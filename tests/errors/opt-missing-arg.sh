#!/usr/bin/env bash
# tests/errors/opt-missing-arg.sh - an option missing its argument: getopt's
# line, then the usage text, exit 1, exactly as tcpdump.
. "$(dirname "$0")/../lib.sh"
need_synack
. "$(dirname "$0")/same.bash"
same -r "$CAP/core-http.pcap" -c
same -r "$CAP/core-http.pcap" --snapshot-length
same -w
finish
