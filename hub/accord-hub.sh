#!/usr/bin/env bash
# Starts the built hub the fast way. Run from anywhere; it works in the repository root, where ./config is.
#
#   hub/accord-hub.sh [hub arguments, e.g. --server.port=8090]
#   hub/accord-hub.sh --prepare      # only the preparation below, then exit (deployments, bench/run-all.sh)
#
# Two things make the start faster than `java -jar hub/target/accord-hub.jar` (bench/README.md has the figures):
# - the jar unpacked with Spring Boot's `-Djarmode=tools extract` into hub/target/accord-hub/: classes load from
#   plain jars instead of jars nested in a jar;
# - a class-data-sharing archive (the JDK's AppCDS) of the classes the hub loads while it starts, so the JVM maps
#   them instead of reading, verifying and parsing them again. It is recorded once per build, by a start of the hub
#   that stops as soon as its Spring context is ready (-Dspring.context.exit=onRefresh), with a scratch data
#   directory, on the same ports as the start that follows (about 40 s). If that fails, the hub starts without it.
#
# Builds the jar first if there is none (./mvnw -pl hub -am package -DskipTests). After a rebuild, the next start
# unpacks and records again. JAVA_OPTS: extra JVM options. ACCORD_CDS=off: no archive.
set -euo pipefail
cd "$(dirname "$0")/.."

java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jar=hub/target/accord-hub.jar
app=$PWD/hub/target/accord-hub
archive=$app/accord-hub.jsa

prepare_only=no
if [ "${1:-}" = --prepare ]; then
  prepare_only=yes
  shift
fi

if [ ! -f "$jar" ]; then
  echo "accord-hub: no $jar yet; building it (./mvnw -q -pl hub -am package -DskipTests)"
  ./mvnw -q -pl hub -am package -DskipTests
fi

# Unpacked once per build: the stamp names the jar it came from.
stamp=$(stat -c '%Y %s' "$jar")
if [ ! -f "$app/accord-hub.jar" ] || [ "$(cat "$app/.unpacked-from" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$app"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
  echo "$stamp" > "$app/.unpacked-from"
fi

cds=()
if [ "${ACCORD_CDS:-on}" != off ]; then
  if [ ! -f "$archive" ]; then
    echo "accord-hub: recording the class-data archive for this build (once, about 40 s; log in $app/record.log)"
    scratch=$(mktemp -d)
    # The same arguments (ports, programs, ...), but the scratch data directory in place of the caller's.
    record_args=()
    for arg in "$@"; do
      [[ "$arg" == --accord.data-dir=* ]] || record_args+=("$arg")
    done
    # shellcheck disable=SC2086
    if "$java" -XX:ArchiveClassesAtExit="$archive.part" -Xlog:cds=off -Xlog:cds+dynamic=off \
        -Dspring.context.exit=onRefresh ${JAVA_OPTS:-} -jar "$app/accord-hub.jar" \
        ${record_args[@]+"${record_args[@]}"} --accord.data-dir="$scratch/data" > "$app/record.log" 2>&1 \
        && [ -s "$archive.part" ]; then
      mv "$archive.part" "$archive"
    else
      rm -f "$archive.part"
      echo "accord-hub: recording failed (see $app/record.log); starting without the archive" >&2
    fi
    rm -rf "$scratch"
  fi
  if [ -f "$archive" ]; then
    cds=(-XX:SharedArchiveFile="$archive")
  fi
fi

if [ "$prepare_only" = yes ]; then
  echo "accord-hub: prepared $app ($([ ${#cds[@]} -gt 0 ] && echo 'with' || echo 'without') the class-data archive)"
  exit 0
fi
# shellcheck disable=SC2086
exec "$java" ${cds[@]+"${cds[@]}"} ${JAVA_OPTS:-} -jar "$app/accord-hub.jar" "$@"
