#!/usr/bin/env bash
# Installs, with apt, whatever synack's build and tests need and the machine lacks.
# Quiet when everything is there; runs `apt-get update` only when something is missing.
set -eu
pkgs="gcc clang make pkg-config libpcap-dev tcpdump tshark iproute2 iputils-ping python3 python3-scapy
      nftables curl dnsutils valgrind libclang-rt-14-dev time tcptrace openssl chromium
      dpkg-dev debhelper lintian groff-base man-db mandoc clickhouse-server clickhouse-client libncurses-dev tmux
      libssl-dev python3-cryptography"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "synack: missing packages:$missing (run as root to install them)" >&2
		exit 1
	fi
	echo "installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	# tshark asks whether non-root users may capture; answer no, quietly.
	echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections 2>/dev/null || true
	apt-get update -qq >/dev/null
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
