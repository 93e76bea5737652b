#!/usr/bin/env bash
# Cold start of the embedded default, JVM start → /actuator/health UP, two ways in turn on the same machine:
#   - hub/accord-hub.sh: the unpacked jar and the class-data archive of this build (recorded first if missing);
#   - java -jar hub/target/accord-hub.jar: the baseline.
# Each start gets a fresh scratch data directory (so Kafka formats its storage and the demo data is loaded anew) and
# the default ports (8080, 9092, 18081-18086, ...); the hub is stopped before the next. Prints every start, then the
# medians and REPORT lines for bench/run-all.sh.
#
#   bench/cold-start.sh [--runs 3] [--timeout-s 240]
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

runs=3
timeout_s=240
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    --timeout-s) timeout_s="$2"; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

jar=hub/target/accord-hub.jar
[ -f "$jar" ] || { echo "no $jar: build it first (./mvnw -q -DskipTests package)" >&2; exit 1; }
if curl -s -o /dev/null localhost:8080 2>/dev/null; then
  echo "something already answers on port 8080; stop it first (the starts need the default ports)" >&2
  exit 1
fi

echo "== Accord cold start =="
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ), load avg $(cut -d' ' -f1-3 /proc/loadavg), jar built $(date -u -r "$jar" +%Y-%m-%dT%H:%M:%SZ)"
t0=$(date +%s.%N)
hub/accord-hub.sh --prepare || exit 1
echo "prepared in $(echo "$(date +%s.%N) - $t0" | bc | xargs printf '%.1f') s (nothing to do if this build's archive existed)"

scratch=$(mktemp -d)
hub=""
stop() {
  if [ -n "$hub" ] && kill -0 "$hub" 2>/dev/null; then
    kill "$hub"; wait "$hub" 2>/dev/null
  fi
  hub=""
}
trap 'stop; rm -rf "$scratch"' EXIT

# one start: prints seconds to healthy, or fails
start() { # label, then the command
  local label=$1; shift
  rm -rf "$scratch/data"
  local begin end
  begin=$(date +%s.%N)
  "$@" --accord.data-dir="$scratch/data" > "$scratch/$label.log" 2>&1 &
  hub=$!
  local deadline=$(( $(date +%s) + timeout_s ))
  until curl -sf localhost:8080/actuator/health 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$hub" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ]; then
      echo "$label did not become healthy (log: $scratch/$label.log):" >&2
      grep -E 'ERROR|Exception' "$scratch/$label.log" | head -5 >&2
      stop
      return 1
    fi
    sleep 0.1
  done
  end=$(date +%s.%N)
  stop
  echo "$end - $begin" | bc | xargs printf '%.2f'
}

median() { sort -n | awk '{a[NR]=$1} END{ if (NR % 2) print a[(NR+1)/2]; else printf "%.2f", (a[NR/2]+a[NR/2+1])/2 }'; }

fast=(); plain=()
for i in $(seq 1 "$runs"); do
  s=$(start script hub/accord-hub.sh) || exit 1
  fast+=("$s"); echo "run $i: hub/accord-hub.sh ${s} s"
  s=$(start jar java -jar "$jar") || exit 1
  plain+=("$s"); echo "run $i: java -jar       ${s} s"
done
f=$(printf '%s\n' "${fast[@]}" | median)
p=$(printf '%s\n' "${plain[@]}" | median)
ratio=$(echo "$f / $p" | bc -l | xargs printf '%.2f')
met=$(echo "$f <= 20" | bc -l)
echo "median of $runs: hub/accord-hub.sh $f s, java -jar $p s (ratio $ratio)"
echo "load avg at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'REPORT | cold start of the embedded default, hub/accord-hub.sh (to /actuator/health UP, median of %s) | %.1f s | java -jar %.1f s | %s | ≤ 20 s | %s |\n' \
  "$runs" "$f" "$p" "$ratio" "$([ "$met" = 1 ] && echo met || echo '**missed**')"
