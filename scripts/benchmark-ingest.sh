#!/usr/bin/env bash
# How many requests per second fmd's writer stores into PostgreSQL (127.0.0.1:5432, database test), sustained:
# dev.fmd.store.IngestBenchmark pushes REQUESTS synthetic requests (default 1,000,000, after 200,000 unmeasured) as
# fast as the writer takes them, and prints the rate, what was dropped, the heap after GC every 5 s, and the CPU per
# request of the writer thread and of PostgreSQL. Its tables (ingest_*) are dropped before and after.
#
#   scripts/benchmark-ingest.sh                   # about 2 minutes
#   scripts/benchmark-ingest.sh 300000
#   JAVA_OPTS="-Dbench.url=jdbc:postgresql://127.0.0.1:5432/test" scripts/benchmark-ingest.sh   # without batch rewriting
#   JAVA_OPTS="-Dbench.sample=true" scripts/benchmark-ingest.sh     # plus a wall-clock profile of the writer thread
set -euo pipefail
exec "$(dirname "$0")/store-java.sh" dev.fmd.store.IngestBenchmark "${1:-1000000}"
