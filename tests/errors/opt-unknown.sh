#!/usr/bin/env bash
# tests/errors/opt-unknown.sh - an unknown long option is rejected (usage may follow)
. "$(dirname "$0")/../lib.sh"
need_synack
ALLOW_USAGE=1 bad_option '--bogus' "unrecognized option '--bogus'" --bogus -r "$CAP/core-http.pcap"
finish
