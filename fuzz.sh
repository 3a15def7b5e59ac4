#!/usr/bin/env bash
# Fuzzes Chorus' parsers with Jazzer, one target at a time (see "Fuzzing" in docs/architecture.md).
#
#   ./fuzz.sh                      every target, 5 minutes each
#   ./fuzz.sh 30                   every target, 30 minutes each
#   ./fuzz.sh 10 RtcpParserFuzzTest#parse SdpParserFuzzTest#parseOffer
#   ./fuzz.sh --list               the targets
#
# A @FuzzTest stops after its maxDuration, 5 minutes, and Jazzer has no switch to change that from
# outside, so a longer run is rounds of 5 minutes; each round resumes from the corpus the earlier ones
# grew (<module>/.cifuzz-corpus/, git-ignored). A finding stops its target: Jazzer writes the input to
# src/test/resources/<package>/<Class>Inputs/<method>/crash-..., where the normal test run replays it.
set -euo pipefail
cd "$(dirname "$0")"

ROUND_MINUTES=5 # the maxDuration of every @FuzzTest

# "module Class#method" for every @FuzzTest under */src/test/java.
targets() {
  grep -rl --include='*FuzzTest.java' '@FuzzTest' -- */src/test/java | sort | while read -r file; do
    module=${file%%/*}
    class=$(basename "$file" .java)
    grep -A1 '@FuzzTest' "$file" | grep -oE 'void [A-Za-z0-9_]+' | sed 's/void //' | while read -r method; do
      echo "$module $class#$method"
    done
  done
}

if [ "${1:-}" = --list ]; then
  targets | cut -d' ' -f2
  exit 0
fi
minutes=${1:-$ROUND_MINUTES}
shift || true
rounds=$(( (minutes + ROUND_MINUTES - 1) / ROUND_MINUTES ))

selected=$(targets)
if [ $# -gt 0 ]; then
  selected=$(for want in "$@"; do echo "$selected" | grep -E " ${want}\$" || { echo "no target $want" >&2; exit 2; }; done)
fi

failed=()
while read -r module target; do
  for round in $(seq 1 "$rounds"); do
    echo "== $target: round $round of $rounds ($ROUND_MINUTES min)"
    log=$(mktemp)
    # surefire:test@default-test, not the test phase: signalling's second surefire execution (the leak
    # test's own JVM) would run the fuzz test a second time. -am builds the modules it depends on.
    if JAZZER_FUZZ=1 mvn -B -o test-compile surefire:test@default-test -pl "$module" -am \
        -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then
      grep -aE '^Done [0-9]+ runs' "$log" || true
      rm -f "$log"
    else
      grep -aE '^Done [0-9]+ runs|Test unit written to|FuzzTestFindingException' "$log" | head -5 || true
      echo "== $target: FAILED, log kept in $log"
      failed+=("$target")
      break
    fi
  done
done <<<"$selected"

if [ ${#failed[@]} -gt 0 ]; then
  echo "findings or errors in: ${failed[*]}"
  exit 1
fi
