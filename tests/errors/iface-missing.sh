#!/usr/bin/env bash
# tests/errors/iface-missing.sh - -i nosuchif0
. "$(dirname "$0")/../lib.sh"
need_synack
# tcpdump adds a second line "(No such device exists)"; synack must say it once.
bad_option '-i nosuchif0' 'nosuchif0: No such device exists' -i nosuchif0 -c 1
finish
