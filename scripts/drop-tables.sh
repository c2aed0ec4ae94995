#!/usr/bin/env bash
# Drops fmd's tables with a prefix from the local PostgreSQL (127.0.0.1:5432, database test), e.g. the data set of
# scripts/generate-data.sh:  scripts/drop-tables.sh gen_
set -euo pipefail
prefix=${1:?usage: $0 PREFIX}
[[ $prefix =~ ^[A-Za-z][A-Za-z0-9_]*$ ]] || { echo "not a table prefix: $prefix" >&2; exit 1; }
for table in request rollup endpoint sequence code_line stack_line outlier rollup_day rollup_dimension rollup_status \
             rollup_app_hour instance lease schema_version; do
  echo "DROP TABLE IF EXISTS ${prefix}${table};"
done | PGOPTIONS="--client-min-messages=warning" psql -q -h 127.0.0.1 -U postgres -d test
