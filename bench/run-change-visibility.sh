#!/usr/bin/env bash
# Runs the change-visibility benchmark against the built hub jar and keeps its output in
# bench/results/<timestamp>.txt (raw samples in bench/results/<timestamp>.csv).
# Any arguments go to the driver, e.g.:  bench/run-change-visibility.sh --changes 50
#                                         bench/run-change-visibility.sh --hub-arg=--accord.ingest.poll-interval-ms=100
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

explicit_jar=no
for arg in "$@"; do
  case "$arg" in --jar|--jar=*) explicit_jar=yes ;; esac
done
if [ "$explicit_jar" = no ] && [ ! -f hub/target/accord-hub.jar ]; then
  echo "build first: ./mvnw -DskipTests package" >&2
  exit 1
fi

mkdir -p bench/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="bench/results/$stamp.txt"
java bench/src/ChangeVisibilityBench.java --csv "bench/results/$stamp.csv" "$@" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
echo "output saved to $out (exit status $status)"
exit "$status"
