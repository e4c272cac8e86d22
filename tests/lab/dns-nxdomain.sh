#!/usr/bin/env bash
# tests/lab/dns-nxdomain.sh - one lookup of nx.lab.test, answered NXDOMAIN (no such name): the resolver gives up at once;
# the client never connects.  Expectations: rows "dns-nxdomain" of expect-b.tsv
# (dns-failure first at the client and at the server).  See dns-fail.sh for
# the three failures in one capture.
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/lib-apps.bash"
apps_dns_case nx.lab.test NXDOMAIN
