#!/usr/bin/env bash
# tests/errors/write-unwritable.sh - -w into a missing directory
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option '-w /nonexistent/dir/x.pcap' '/nonexistent/dir/x.pcap: No such file or directory' -r "$CAP/core-http.pcap" -w /nonexistent/dir/x.pcap
finish
