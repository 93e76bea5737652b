#!/usr/bin/env bash
# The benchmark suite: every driver in bench/src in sequence, each against a private hub of its own, and one report
# bench/results/<UTC timestamp>/report.md (metric, figure, baseline in the same run, ratio, DESIGN §6 target, met or
# missed, and the machine's load while each driver ran). Run from anywhere; it works in the repository root.
#
#   bench/run-all.sh                 # builds hub/target/accord-hub.jar if it is missing
#   bench/run-all.sh --build         # rebuilds it first (./mvnw -DskipTests package)
#   bench/run-all.sh --quick         # smaller runs (100k deals, 5 s rates, ...): a smoke test of the suite, ~6 min
#   bench/run-all.sh --only backfill,api   # some drivers: cold-start, change-visibility, change-rate, backfill, api, registration, payout
#
# MVN_ARGS is passed to ./mvnw (e.g. "-o -Dmaven.repo.local=/tmp/m2"); HUB_JVM_ARGS to each hub's JVM.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

build=no
quick=no
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=yes ;;
    --quick) quick=yes ;;
    --only) only="$2"; shift ;;
    --only=*) only="${1#--only=}" ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

jar=hub/target/accord-hub.jar
if [ "$build" = yes ] || [ ! -f "$jar" ]; then
  echo "building $jar (./mvnw -q -DskipTests package ${MVN_ARGS:-})"
  # shellcheck disable=SC2086
  if ! ./mvnw -q -DskipTests ${MVN_ARGS:-} package; then
    echo "the build failed; fix it or run with an existing jar" >&2
    exit 1
  fi
fi

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk (HTTP load generator) is missing; installing Debian's package"
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get install -y wrk >/dev/null || { sudo apt-get update >/dev/null && sudo apt-get install -y wrk >/dev/null; }
  fi
  if ! command -v wrk >/dev/null 2>&1; then
    echo "cannot install wrk: run 'sudo apt-get install wrk' (Debian/Ubuntu) or put wrk on the PATH, then again" >&2
    exit 1
  fi
fi
for tool in java jcmd jar; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool (JDK 17) is missing from the PATH" >&2; exit 1; }
done

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="bench/results/$stamp"
mkdir -p "$out/lib"
# The backfill driver speaks Kafka: the hub's own kafka-clients and its compression codecs, taken from the jar.
(cd "$out/lib" && jar xf "../../../../$jar" BOOT-INF/lib) || { echo "cannot unpack $jar" >&2; exit 1; }
kafka_cp="$out/lib/kafka"
mkdir -p "$kafka_cp"
for pattern in 'kafka-clients-*' 'lz4-java-*' 'snappy-java-*' 'zstd-jni-*' 'slf4j-api-*'; do
  # shellcheck disable=SC2086
  mv $out/lib/BOOT-INF/lib/$pattern "$kafka_cp/" 2>/dev/null
done
rm -rf "$out/lib/BOOT-INF"

if [ "$quick" = yes ]; then
  start_args=(--runs 1); cold_args=(--changes 40 --baseline-samples 200); rate_args=(--seconds 5); backfill_args=(--deals 100000)
  api_args=(--seconds 5 --rounds 1 --warmup 5); reg_args=(--rate 20 --seconds 10); payout_args=(--claims 20)
else
  start_args=(--runs 3); cold_args=(--changes 100); rate_args=(--seconds 20); backfill_args=(--deals 1000000)
  api_args=(--seconds 10 --rounds 3); reg_args=(--rate 50 --seconds 30); payout_args=(--claims 50)
fi
jvm=()
for a in ${HUB_JVM_ARGS:-}; do jvm+=(--hub-jvm-arg "$a"); done

# /proc/stat: busy and total ticks of the whole machine, for the load each driver saw.
ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }

noise="$out/noise.txt"
: > "$noise"
status=0
run() { # name, then the command
  local name=$1; shift
  if [ -n "$only" ] && [[ ",$only," != *",$name,"* ]]; then return; fi
  echo
  echo "=== $name: $* ==="
  local before after load0 load1 t0 t1
  before=$(ticks); load0=$(cut -d' ' -f1-3 /proc/loadavg); t0=$(date +%s)
  "$@" 2>&1 | tee "$out/$name.txt"
  local rc=${PIPESTATUS[0]}
  after=$(ticks); load1=$(cut -d' ' -f1-3 /proc/loadavg); t1=$(date +%s)
  echo "$name|$rc|$((t1 - t0))|$load0|$load1|$before|$after" >> "$noise"
  if [ "$rc" != 0 ]; then
    echo "$name FAILED (exit $rc); see $out/$name.txt" >&2
    status=1
  fi
}

other_load() { # load average of the machine before anything of ours starts
  cut -d' ' -f1-3 /proc/loadavg
}
idle_load=$(other_load)

run cold-start bench/cold-start.sh "${start_args[@]}"
run change-visibility java bench/src/ChangeVisibilityBench.java "${cold_args[@]}" "${jvm[@]}"
run change-rate java bench/src/ChangeRateBench.java "${rate_args[@]}" "${jvm[@]}"
run backfill java -cp "$kafka_cp/*" bench/src/BackfillBench.java "${backfill_args[@]}" "${jvm[@]}"
run api java bench/src/ApiReadBench.java "${api_args[@]}" "${jvm[@]}"
run registration java bench/src/RegistrationBench.java "${reg_args[@]}"
run payout java bench/src/PayoutBench.java "${payout_args[@]}"

report="$out/report.md"
{
  echo "# Accord benchmark report, $stamp"
  echo
  echo "Command: \`bench/run-all.sh$([ "$quick" = yes ] && echo ' --quick')$([ -n "$only" ] && echo " --only $only")\`"
  echo "at commit $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)'),"
  echo "jar $jar built $(date -u -r "$jar" +%Y-%m-%dT%H:%M:%SZ)."
  echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GB RAM,"
  echo "$(java -version 2>&1 | head -1), wrk $(wrk --version 2>&1 | head -1 | cut -d' ' -f2), load average before the suite: $idle_load."
  echo
  echo "Each driver starts a private hub (default profile, embedded Kafka, Artemis, Hazelcast, sandboxes) and"
  echo "measures a baseline in the same run; the ratio is figure / baseline. Targets: DESIGN §6."
  echo
  echo "| metric | figure | baseline (same run) | ratio | target | |"
  echo "|---|---|---|---|---|---|"
  for f in "$out"/*.txt; do
    [ "$f" = "$noise" ] && continue
    grep -h '^REPORT | ' "$f" | sed 's/^REPORT //'
  done
  echo
  echo "## Machine load while each driver ran"
  echo
  echo "| driver | exit | duration | machine CPU busy | load avg start → end | during the driver (from the driver) |"
  echo "|---|---|---|---|---|---|"
  while IFS='|' read -r name rc secs load0 load1 before after; do
    read -r b0 t0 <<< "$before"; read -r b1 t1 <<< "$after"
    busy=$(awk -v b="$((b1 - b0))" -v t="$((t1 - t0))" 'BEGIN{ if (t > 0) printf "%.0f%%", 100*b/t; else print "n/a" }')
    from_driver=$(grep -h '^NOISE | ' "$out/$name.txt" 2>/dev/null | cut -d'|' -f3 | xargs)
    [ -z "$from_driver" ] && from_driver=$(grep -h -m1 'CPU during the measurement' "$out/$name.txt" 2>/dev/null | cut -d: -f2- | xargs)
    echo "| $name | $rc | ${secs} s | $busy | $load0 → $load1 | ${from_driver:-—} |"
  done < "$noise"
  echo
  echo "\"Other processes\" is CPU used by neither the hub nor the driver (wrk counts there in the API driver): the"
  echo "noise of a shared machine. Full output of each driver: \`$out/<driver>.txt\`."
} > "$report"
rm -rf "$out/lib"
echo
echo "report: $report"
cat "$report"
exit "$status"
