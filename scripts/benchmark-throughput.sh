#!/usr/bin/env bash
# End-to-end throughput of the sample's CPU-bound endpoint (GET /api/reports/primes?n=N) on Payara Micro, with fmd
# disabled and at monitoring levels 1, 2 and 3, in one run.
#
# Each configuration gets BOOTS Payara Micro servers of its own (own 127.0.0.1 port, fresh embedded database,
# FMD_MONITOR_LEVEL for the endpoint's level): the JIT compiles the same code differently from one boot to the next
# (here up to 10% apart on this CPU-bound loop), so one boot per configuration would measure luck. All servers are
# booted and warmed up with WARMUP requests first; then, after WARMUP_ROUNDS unmeasured rounds, ROUNDS rounds each
# measure every server for SLICE requests, in an order that rotates from round to round. Only the server being
# measured runs: the others are frozen (SIGSTOP) meanwhile, so no background work of one configuration is billed to
# another, and slices of all configurations sit side by side in time, which cancels the drift of this shared machine's
# speed (the same configuration measured minutes apart differs by up to 15% here). dev.fmd.bench.LoadGenerator sends
# the requests from CONCURRENCY users over keep-alive HTTP/1.1 (after SLICE_WARMUP unmeasured ones), and
# dev.fmd.bench.InterleavedRounds drives the rounds from one warm client JVM. The table gives the median requests/s over the rounds and its percentage of the disabled median.
# Client and servers share this machine's cores.
#
#   scripts/benchmark-throughput.sh                                   # defaults below, about 17 minutes on 2 cores
#   BOOTS=1 ROUNDS=3 WARMUP=2000 SLICE=2000 CONFIGS="disabled 3" scripts/benchmark-throughput.sh
#
# Logs: fmd-benchmarks/target/throughput/ (one Payara Micro log per configuration, client logs, summary.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-10}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-2}
BOOTS=${BOOTS:-3}
CONCURRENCY=${CONCURRENCY:-4}
WARMUP=${WARMUP:-30000}
SLICE=${SLICE:-3000}
SLICE_WARMUP=${SLICE_WARMUP:-300}
PRIMES_N=${PRIMES_N:-20000}
BOOT_TIMEOUT=${BOOT_TIMEOUT:-180}
read -r -a CONFIGS <<< "${CONFIGS:-disabled 1 2 3}"
SERVER_OPTS=${SERVER_OPTS:-}

echo "Building fmd-war-sample and fmd-benchmarks ..."
mvn -q -B -ntp -DskipTests -pl fmd-war-sample,fmd-benchmarks -am package

out=fmd-benchmarks/target/throughput
mkdir -p "$out"
rm -f "$out"/*.log "$out"/summary.txt

declare -A pids ports results # server -> pid, port; config -> space-separated requests/s (one per slice)
client=""
stop_pid() { # pid: CONT, TERM, wait up to 30 s, then KILL
  local pid=$1
  kill -CONT "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  [[ -n $client ]] && stop_pid "$client"
  for pid in "${pids[@]}"; do stop_pid "$pid"; done
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

load() { # server warmup requests log: sends load to the server, prints requests/s
  local config=$1 status=0
  java -cp fmd-benchmarks/target/classes dev.fmd.bench.LoadGenerator \
    --url "http://127.0.0.1:${ports[$config]}/api/reports/primes?n=$PRIMES_N" \
    --concurrency "$CONCURRENCY" --warmup "$2" --requests "$3" > "$4" 2>&1 &
  client=$!
  wait "$client" || status=$?
  client=""
  ((status == 0)) || { echo "LoadGenerator failed (exit $status); see $4 and $out/payara-$config.log" >&2; exit 1; }
  sed -n 's/^RESULT rps=\([0-9.]*\) .*/\1/p' "$4"
}

boot() { # server (config.boot): starts it, waits until ready, warms it up, freezes it
  local server=$1 config=${1%.*} port log
  port=$(free_port)
  log=$out/payara-$server.log
  local env_vars=(FMD_ENABLED=true FMD_MONITOR_LEVEL="$config")
  [[ $config == disabled ]] && env_vars=(FMD_ENABLED=false FMD_MONITOR_LEVEL=1)
  echo "== $(label "$config"), server $server: booting on port $port, then $WARMUP warm-up requests"
  # shellcheck disable=SC2086
  env "${env_vars[@]}" java -Xmx1g $SERVER_OPTS -jar fmd-war-sample/target/payara-micro.jar --nocluster --nohazelcast \
    --port "$port" --prebootcommandfile fmd-war-sample/src/main/payara/preboot.asadmin \
    --deploy fmd-war-sample/target/fmd-war-sample.war --contextroot / > "$log" 2>&1 &
  pids[$server]=$!
  ports[$server]=$port
  local waited=0
  until grep -q "ready in" "$log"; do
    kill -0 "${pids[$server]}" 2>/dev/null || { echo "Payara Micro stopped; see $log" >&2; exit 1; }
    ((waited++ < BOOT_TIMEOUT)) || { echo "Payara Micro not ready within $BOOT_TIMEOUT s; see $log" >&2; exit 1; }
    sleep 1
  done
  echo "   warm-up: $(load "$server" 0 "$WARMUP" "$out/client-$server-warmup.log") requests/s"
  kill -STOP "${pids[$server]}"
}

servers=()
for b in $(seq 1 "$BOOTS"); do
  for config in "${CONFIGS[@]}"; do
    servers+=("$config.$b")
  done
done
for server in "${servers[@]}"; do
  boot "$server"
done

targets=()
for server in "${servers[@]}"; do
  targets+=("$server=${pids[$server]}=http://127.0.0.1:${ports[$server]}/api/reports/primes?n=$PRIMES_N")
done
java -cp fmd-benchmarks/target/classes dev.fmd.bench.InterleavedRounds --rounds "$ROUNDS" --slice "$SLICE" \
  --warmup-rounds "$WARMUP_ROUNDS" \
  --slice-warmup "$SLICE_WARMUP" --concurrency "$CONCURRENCY" "${targets[@]}" | tee "$out/rounds.log" &
client=$!
wait "$client" || { echo "InterleavedRounds failed; see $out/rounds.log and $out/payara-*.log" >&2; exit 1; }
client=""
while read -r _ server _ rounds; do
  results[${server%.*}]="${results[${server%.*}]:-} $rounds"
done < <(grep '^MEDIAN' "$out/rounds.log")

median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

base=$(echo "${results[${CONFIGS[0]}]}" | median)
{
  echo
  echo "Throughput of GET /api/reports/primes?n=$PRIMES_N, $CONCURRENCY users; $WARMUP warm-up requests per server, then"
  echo "$BOOTS server(s) per configuration, $ROUNDS rounds of $SLICE measured requests per server after $WARMUP_ROUNDS unmeasured"
  echo "rounds; median of all measured slices of a configuration; $(date -u +%Y-%m-%d), $(nproc) cores"
  echo
  printf '| %-14s | %12s | %12s | %s\n' configuration "requests/s" "% $(label "${CONFIGS[0]}" | sed 's/fmd //')" "per round"
  printf '|%s|%s|%s|%s\n' "----------------" "--------------" "--------------" "----------"
  for config in "${CONFIGS[@]}"; do
    m=$(echo "${results[$config]}" | median)
    printf '| %-14s | %12.1f | %11.1f%% |%s\n' "$(label "$config")" "$m" "$(awk -v a="$m" -v b="$base" 'BEGIN {print 100*a/b}')" \
      "${results[$config]}"
  done
} | tee "$out/summary.txt"
