#!/usr/bin/env bash
# Runs the whole Chorus test suite, the real-Chromium end-to-end tests included.
#
# Pass 1 (network needed): resolves every Maven dependency and plugin, including surefire's JUnit
# provider and failsafe's, without running a test. Pass 2: runs all tests offline inside a fresh network namespace
# whose only interface is loopback, so no test packet can leave 127.0.0.1 (Chromium would otherwise
# offer, and might select, the machine's other addresses).
set -euo pipefail
cd "$(dirname "$0")"

mvn -B -q -Dtest=ResolveOnly -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ResolveOnly -Dfailsafe.failIfNoSpecifiedTests=false install

if [ "$(id -u)" = 0 ]; then
  isolate=(unshare --net)
else
  isolate=(unshare --net --map-root-user)
fi
exec "${isolate[@]}" sh -c 'ip link set lo up && exec mvn -B -o verify "$@"' run-tests "$@"
