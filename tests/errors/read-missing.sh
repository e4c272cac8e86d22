#!/usr/bin/env bash
# tests/errors/read-missing.sh - -r of a missing file
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option 'missing file' '/nonexistent/none.pcap: No such file or directory' -r /nonexistent/none.pcap
finish
