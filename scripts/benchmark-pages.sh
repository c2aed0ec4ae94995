#!/usr/bin/env bash
# Server-side time of every query service behind a dashboard page, on the data set of scripts/generate-data.sh
# (tables gen_*; JAVA_OPTS="-Dbench.prefix=other_" for others): dev.fmd.store.PageQueryBenchmark runs each query once
# to warm up and then 5 times, and prints the median, fastest and slowest per query as a table, then the storage per
# table, per request and per profiled request.
#
#   scripts/generate-data.sh && scripts/benchmark-pages.sh
set -euo pipefail
exec "$(dirname "$0")/store-java.sh" dev.fmd.store.PageQueryBenchmark
