#!/usr/bin/env bash
# End-to-end throughput of the sample's CPU-bound endpoint (GET /api/reports/primes?n=N) on Payara Micro, with fmd
# disabled and at monitoring levels 1, 2 and 3, in one run. Each configuration gets its own fresh Payara Micro boot on
# a free 127.0.0.1 port (fresh embedded database, so FMD_MONITOR_LEVEL applies to the endpoint), then
# dev.fmd.bench.LoadGenerator sends WARMUP warm-up and REQUESTS measured requests from CONCURRENCY users over
# keep-alive HTTP/1.1. The cycle disabled, 1, 2, 3 is repeated ROUNDS times (interleaved, to cancel drift), and the
# table gives the median requests/s over the rounds and its percentage of the disabled median.
# Client and server share this machine's cores, as they do in docs/performance.md.
#
#   scripts/benchmark-throughput.sh                        # defaults below, about 8 minutes on 2 cores
#   ROUNDS=1 WARMUP=500 REQUESTS=2000 scripts/benchmark-throughput.sh
#
# Logs: fmd-benchmarks/target/throughput/ (one Payara Micro log and one client log per run, summary.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-2}
CONCURRENCY=${CONCURRENCY:-4}
WARMUP=${WARMUP:-25000}
REQUESTS=${REQUESTS:-30000}
PRIMES_N=${PRIMES_N:-20000}
BOOT_TIMEOUT=${BOOT_TIMEOUT:-180}
CONFIGS=(disabled 1 2 3)

echo "Building fmd-war-sample and fmd-benchmarks ..."
mvn -q -B -ntp -DskipTests -pl fmd-war-sample,fmd-benchmarks -am package

out=fmd-benchmarks/target/throughput
mkdir -p "$out"
rm -f "$out"/*.log "$out"/summary.txt

server=""
client=""
stop_pid() { # pid: TERM, wait up to 30 s, then KILL
  local pid=$1
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  [[ -n $client ]] && stop_pid "$client"
  [[ -n $server ]] && stop_pid "$server"
  client=""; server=""
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 20000))
    ss -Hltn "sport = :$p" | grep -q . || { echo "$p"; return; }
  done
}

label() { if [[ $1 == disabled ]]; then echo "fmd disabled"; else echo "fmd level $1"; fi; }

declare -A results # config -> space-separated requests/s, one per round

run_one() { # round, config
  local round=$1 config=$2 port log clog rps
  port=$(free_port)
  log=$out/payara-$config-round$round.log
  clog=$out/client-$config-round$round.log
  local env_vars=(FMD_ENABLED=true FMD_MONITOR_LEVEL="$config")
  [[ $config == disabled ]] && env_vars=(FMD_ENABLED=false FMD_MONITOR_LEVEL=1)

  echo "== round $round/$ROUNDS, $(label "$config"), port $port"
  env "${env_vars[@]}" java -Xmx1g -jar fmd-war-sample/target/payara-micro.jar --nocluster --nohazelcast \
    --port "$port" --prebootcommandfile fmd-war-sample/src/main/payara/preboot.asadmin \
    --deploy fmd-war-sample/target/fmd-war-sample.war --contextroot / > "$log" 2>&1 &
  server=$!
  local waited=0
  until grep -q "ready in" "$log"; do
    kill -0 "$server" 2>/dev/null || { echo "Payara Micro stopped; see $log" >&2; exit 1; }
    ((waited++ < BOOT_TIMEOUT)) || { echo "Payara Micro not ready within $BOOT_TIMEOUT s; see $log" >&2; exit 1; }
    sleep 1
  done

  java -cp fmd-benchmarks/target/classes dev.fmd.bench.LoadGenerator \
    --url "http://127.0.0.1:$port/api/reports/primes?n=$PRIMES_N" \
    --concurrency "$CONCURRENCY" --warmup "$WARMUP" --requests "$REQUESTS" > "$clog" 2>&1 &
  client=$!
  local status=0
  wait "$client" || status=$?
  client=""
  sed 's/^/   /' "$clog"
  ((status == 0)) || { echo "LoadGenerator failed (exit $status); see $clog and $log" >&2; exit 1; }

  stop_pid "$server"
  server=""
  rps=$(sed -n 's/^RESULT rps=\([0-9.]*\) .*/\1/p' "$clog")
  results[$config]="${results[$config]:-} $rps"
}

for round in $(seq 1 "$ROUNDS"); do
  for config in "${CONFIGS[@]}"; do
    run_one "$round" "$config"
  done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

base=$(echo "${results[disabled]}" | median)
{
  echo
  echo "Throughput of GET /api/reports/primes?n=$PRIMES_N, $CONCURRENCY users, $WARMUP warm-up + $REQUESTS measured"
  echo "requests per run, median of $ROUNDS round(s), $(date -u +%Y-%m-%d), $(nproc) cores"
  echo
  printf '| %-14s | %12s | %12s | %s\n' configuration "requests/s" "% disabled" "per round"
  printf '|%s|%s|%s|%s\n' "----------------" "--------------" "--------------" "----------"
  for config in "${CONFIGS[@]}"; do
    m=$(echo "${results[$config]}" | median)
    printf '| %-14s | %12.1f | %11.1f%% |%s\n' "$(label "$config")" "$m" "$(awk -v a="$m" -v b="$base" 'BEGIN {print 100*a/b}')" \
      "${results[$config]}"
  done
} | tee "$out/summary.txt"
