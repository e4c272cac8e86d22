#!/usr/bin/env bash
# tests/errors/read-directory.sh - -r of a directory
. "$(dirname "$0")/../lib.sh"
need_synack
bad_option 'directory' 'Is a directory' -r "$T"
finish
