#!/usr/bin/env bash
# Fills PostgreSQL (127.0.0.1:5432, database test) through fmd's real schema and writer with REQUESTS synthetic
# requests (default 10,000,000) over the last 90 days, with call trees and outliers: dev.fmd.store.DataGenerator.
# The tables are gen_* (JAVA_OPTS="-Dbench.prefix=other_" for others); those of that prefix are dropped first.
#
#   scripts/generate-data.sh              # 10 million requests, about 10 minutes on 2 cores
#   scripts/generate-data.sh 20000
#
# Drop the tables when done: scripts/drop-tables.sh gen_
set -euo pipefail
exec "$(dirname "$0")/store-java.sh" dev.fmd.store.DataGenerator "${1:-10000000}"
