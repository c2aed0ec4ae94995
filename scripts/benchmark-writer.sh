#!/usr/bin/env bash
# The writer thread's CPU per stored request row on Payara Micro's default database, an embedded H2 file in the same
# JVM: dev.fmd.store.WriterCpuBenchmark offers level-1 requests at 8,000/s (300,000 unmeasured, then REQUESTS,
# default 200,000) and prints the writer's CPU per row, and checks that every row and rollup is stored.
#
#   scripts/benchmark-writer.sh                     # about 65 s
#   JAVA_OPTS="-Dbench.rate=0" scripts/benchmark-writer.sh           # as fast as the writer takes them
#   FMD_CDI_JAR=/tmp/fmd-cdi-before.jar SKIP_BUILD=1 scripts/benchmark-writer.sh   # another writer, same harness
set -euo pipefail
exec "$(dirname "$0")/store-java.sh" dev.fmd.store.WriterCpuBenchmark "${1:-200000}"
