#!/usr/bin/env bash
# tests/errors/read-text.sh - -r of a text file
. "$(dirname "$0")/../lib.sh"
need_synack
printf 'this is not a capture file\n' > "$T/t.txt"
bad_option 'text file' 'unknown file format' -r "$T/t.txt"
finish
