#!/usr/bin/env bash
# tests/lab/dns-noanswer.sh - one lookup of drop.lab.test, never answered: 3 attempts 1 s apart, then the resolver gives up;
# the client never connects.  Expectations: rows "dns-noanswer" of expect-b.tsv
# (dns-failure first at the client and at the server).  See dns-fail.sh for
# the three failures in one capture.
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/lib-apps.bash"
apps_dns_case drop.lab.test timeout
