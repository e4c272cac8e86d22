#!/usr/bin/env bash
# One command on a fresh Debian 12 machine (as root): install what is missing,
# build synack, and read a capture the project ships, as tcpdump would.
set -eu
cd "$(dirname "$0")/.."
bash scripts/deps.sh
make -s
echo "== synack -nn -r tests/captures/core-http.pcap"
./synack -nn -r tests/captures/core-http.pcap
echo "== synack diagnose -r tests/captures/lab-synack-drop-server.pcap"
./synack diagnose -r tests/captures/lab-synack-drop-server.pcap || true
