#!/usr/bin/env bash
# tests/errors/opt-missing-arg.sh - an option missing its argument is rejected (usage may follow)
. "$(dirname "$0")/../lib.sh"
need_synack
ALLOW_USAGE=1 bad_option '-c' "option requires an argument -- 'c'" -r "$CAP/core-http.pcap" -c
finish
