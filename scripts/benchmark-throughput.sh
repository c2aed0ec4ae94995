#!/usr/bin/env bash
# What fmd costs a request, side by side in one run: throughput and CPU per request of the benchmark app
# (fmd-bench-app, not the sample) on Payara Micro without fmd, an identical twin without fmd (the noise floor), and
# with fmd at levels 1 and 3, on CPU-bound endpoints of about 0.1 ms and 0.6 ms.
#
# Each configuration gets BOOTS servers of its own (own 127.0.0.1 port, fresh embedded database), each warmed up with
# WARMUP requests per endpoint, then frozen (SIGSTOP). Then, per endpoint, dev.fmd.bench.InterleavedRounds measures
# every server for a slice of SLICE requests (after SLICE_WARMUP unmeasured ones) from CONCURRENCY keep-alive users,
# round after round in an order that rotates, the other servers frozen meanwhile, WARMUP_ROUNDS unmeasured rounds
# first. It prints per configuration the median requests/s, its share of the app without fmd, the range of the
# per-round ratios, and the CPU per request of each thread group read from /proc (request threads, fmd's writer with
# the embedded H2 database it writes to, JFR, the JIT, GC, the rest). Client and servers share the machine's cores.
#
#   scripts/benchmark-throughput.sh                      # defaults below, about 12 minutes on 2 cores
#   CONFIGS="plain 1" ENDPOINTS="cpu?n=5000" ROUNDS=4 scripts/benchmark-throughput.sh
#
# Logs: fmd-benchmarks/target/throughput/ (one Payara Micro log per server, rounds-*.log, summary.md).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/payara-servers.sh
source scripts/lib/payara-servers.sh

ROUNDS=${ROUNDS:-6}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-2}
BOOTS=${BOOTS:-1}
CONCURRENCY=${CONCURRENCY:-4}
WARMUP=${WARMUP:-30000}
SLICE=${SLICE:-4000}
SLICE_WARMUP=${SLICE_WARMUP:-400}
read -r -a CONFIGS <<< "${CONFIGS:-plain twin 1 3}"
read -r -a ENDPOINTS <<< "${ENDPOINTS:-cpu?n=5000 cpu?n=20000}"

prepare_run throughput

load() { # name path requests log
  local status=0
  java -cp fmd-benchmarks/target/classes dev.fmd.bench.LoadGenerator \
    --url "http://127.0.0.1:${ports[$1]}/api/work/$2" --concurrency "$CONCURRENCY" --warmup 0 --requests "$3" \
    > "$4" 2>&1 &
  client=$!
  wait "$client" || status=$?
  client=""
  ((status == 0)) || { echo "LoadGenerator failed (exit $status); see $4 and $out/payara-$1.log" >&2; exit 1; }
  sed -n 's/^RESULT rps=\([0-9.]*\) .*/\1/p' "$4"
}

servers=()
for b in $(seq 1 "$BOOTS"); do
  for config in "${CONFIGS[@]}"; do
    servers+=("$config.$b")
  done
done
for server in "${servers[@]}"; do
  start_server "$server" "${server%.*}"
  ready=$(await_ready "$server") # not inside echo: set -e stops here when the server does not come up
  echo "== $(label "${server%.*}"), server $server: ready in $ready ms on port ${ports[$server]}"
  for endpoint in "${ENDPOINTS[@]}"; do
    echo "   warm-up $endpoint: $(load "$server" "$endpoint" "$WARMUP" "$out/client-$server-warmup.log") requests/s"
  done
  kill -STOP "${pids[$server]}"
done

{
  echo "# fmd's overhead, $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo
  echo "$BOOTS server(s) per configuration, each warmed up with $WARMUP requests per endpoint; $ROUNDS measured rounds"
  echo "after $WARMUP_ROUNDS unmeasured ones, each giving every server $SLICE_WARMUP + $SLICE requests from $CONCURRENCY"
  echo "keep-alive users while the other servers are frozen. Configurations: ${CONFIGS[*]}."
} > "$out/summary.md"
for endpoint in "${ENDPOINTS[@]}"; do
  targets=()
  for server in "${servers[@]}"; do
    targets+=("$server=${pids[$server]}=http://127.0.0.1:${ports[$server]}/api/work/$endpoint")
  done
  log=$out/rounds-${endpoint//[^a-z0-9]/-}.log
  echo "== GET /api/work/$endpoint"
  java -cp fmd-benchmarks/target/classes dev.fmd.bench.InterleavedRounds --rounds "$ROUNDS" --slice "$SLICE" \
    --warmup-rounds "$WARMUP_ROUNDS" --slice-warmup "$SLICE_WARMUP" --concurrency "$CONCURRENCY" \
    --baseline "${CONFIGS[0]}" "${targets[@]}" > "$log" &
  client=$!
  wait "$client" || { echo "InterleavedRounds failed; see $log and $out/payara-*.log" >&2; exit 1; }
  client=""
  { echo; echo "## GET /api/work/$endpoint"; sed -n '/^| configuration/,$p' "$log"; } >> "$out/summary.md"
done
cat "$out/summary.md"
