#!/usr/bin/env bash
# tests/errors/opt-filesize-abc.sh - -C abc is rejected
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option '-C abc' 'invalid file size abc' -C abc -w "$T/o.pcap" -r "$CAP/core-http.pcap"
finish
