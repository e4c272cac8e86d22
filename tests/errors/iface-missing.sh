#!/usr/bin/env bash
# tests/errors/iface-missing.sh - -i nosuchif0: tcpdump's two lines (the status,
# then libpcap's detail in parentheses), exit 1; also with -d and -L.
. "$(dirname "$0")/../lib.sh"
need_synack
. "$(dirname "$0")/same.bash"
same -i nosuchif0 -c 1
same -i nosuchif0 -d ip
same -i nosuchif0 -L
finish
