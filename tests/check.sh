#!/usr/bin/env bash
# tests/check.sh - the one command that runs every test on a fresh Debian 12
# machine (as root): installs what is missing, builds with gcc (and checks the
# clang build), builds the unit tests, runs the suite.  The last line is
# "N passed, N failed, N skipped".  .ci/run calls exactly this.
#   ASAN=1 bash tests/check.sh   also runs the whole suite against ./synack-asan
set -u
cd "$(dirname "$0")/.."
bash scripts/deps.sh || exit 2
make -s -j"$(nproc)" || { echo "build failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
rc=0
make -s -j"$(nproc)" unit || rc=1
make -s -j"$(nproc)" clang >/dev/null || { echo "FAIL build/clang"; rc=1; }
bash tests/run.sh || rc=1
if [ "${ASAN:-0}" = 1 ]; then
    make -s -j"$(nproc)" asan && SYNACK=./synack-asan bash tests/run.sh || rc=1
fi
exit "$rc"
