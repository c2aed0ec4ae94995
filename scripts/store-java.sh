#!/usr/bin/env bash
# Runs a main class of fmd-benchmarks against fmd's store: builds fmd-cdi and fmd-benchmarks (tests skipped), then runs
# java with their classpath. Used by generate-data.sh, benchmark-ingest.sh and benchmark-pages.sh.
#
#   scripts/store-java.sh dev.fmd.store.DataGenerator 20000
#   JAVA_OPTS="-Dbench.prefix=mine_ -Dfmd.batch-size=1000" scripts/store-java.sh dev.fmd.store.DataGenerator 20000
#
# JAVA_OPTS: JVM options and system properties (bench.url, bench.prefix, fmd.*; see each main's javadoc).
# SKIP_BUILD=1: use what target/ has. The fmd-cdi classes are always this work tree's fmd-cdi/target jar, or
# FMD_CDI_JAR=path (to compare two versions of the writer with the same harness).
set -euo pipefail
cd "$(dirname "$0")/.."
main=$1
shift
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -q -B -ntp -pl fmd-benchmarks -am install -DskipTests
fi
# A private copy of the classes and jars, so that rebuilding while a long run goes on cannot pull them from under it.
run_dir=$(mktemp -d "${TMPDIR:-/tmp}/fmd-store-java.XXXXXX")
trap 'rm -rf "$run_dir"' EXIT
mvn -q -B -ntp -pl fmd-benchmarks dependency:build-classpath -Dmdep.outputFile="$run_dir/classpath.txt" >/dev/null
cp -r fmd-benchmarks/target/classes "$run_dir/classes"
mkdir "$run_dir/lib"
classpath="$run_dir/classes"
IFS=: read -r -a jars < "$run_dir/classpath.txt" || true  # no newline at its end
for jar in "${jars[@]}"; do
  if [[ $(basename "$jar") == fmd-cdi-*.jar ]]; then
    # this work tree's own build, not whatever another checkout last installed into the local repository
    jar=${FMD_CDI_JAR:-$(ls fmd-cdi/target/fmd-cdi-*.jar | grep -v -e sources -e javadoc | head -1)}
  fi
  cp "$jar" "$run_dir/lib/"
  classpath+=":$run_dir/lib/$(basename "$jar")"
done
# shellcheck disable=SC2086
java -Xms1g -Xmx1g -XX:+UseG1GC ${JAVA_OPTS:-} -cp "$classpath" "$main" "$@"
