#!/usr/bin/env bash
# tests/errors/opt-ts-precision.sh - --time-stamp-precision=bogus is rejected
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option 'precision' 'unsupported time stamp precision' --time-stamp-precision=bogus -r "$CAP/core-http.pcap"
finish
