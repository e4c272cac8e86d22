#!/usr/bin/env bash
# tests/lab/dns-servfail.sh - one lookup of fail.lab.test, answered SERVFAIL three times (3 attempts);
# the client never connects.  Expectations: rows "dns-servfail" of expect-b.tsv
# (dns-failure first at the client and at the server).  See dns-fail.sh for
# the three failures in one capture.
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/lib-apps.bash"
apps_dns_case fail.lab.test SERVFAIL
