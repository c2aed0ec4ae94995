#!/usr/bin/env bash
# What fmd adds to Payara Micro's boot: "ready in" of the benchmark app (fmd-bench-app, not the sample) without fmd
# and with fmd (level 1, the default), BOOTS boots each, alternating, one server at a time; prints the medians.
#
#   scripts/benchmark-boot.sh                       # 3 boots each, about 2 minutes on 2 cores
#   BOOTS=5 CONFIGS="plain 1 3" scripts/benchmark-boot.sh
#
# Logs: fmd-benchmarks/target/boot/ (one Payara Micro log per boot, summary.md).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/payara-servers.sh
source scripts/lib/payara-servers.sh

BOOTS=${BOOTS:-3}
read -r -a CONFIGS <<< "${CONFIGS:-plain 1}"

prepare_run boot

declare -A times
for b in $(seq 1 "$BOOTS"); do
  for config in "${CONFIGS[@]}"; do
    start_server "$config.$b" "$config"
    ms=$(await_ready "$config.$b")
    stop_pid "${pids[$config.$b]}"
    unset "pids[$config.$b]"
    echo "boot $b, $(label "$config"): ready in $ms ms"
    times[$config]="${times[$config]:-} $ms"
  done
done

base=$(echo "${times[${CONFIGS[0]}]}" | median)
{
  echo "# Payara Micro's \"ready in\", $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, $BOOTS boots each, alternating"
  echo
  echo "| configuration | median ms | added to ${CONFIGS[0]} | boots, ms |"
  echo "|---|---|---|---|"
  for config in "${CONFIGS[@]}"; do
    m=$(echo "${times[$config]}" | median)
    echo "| $(label "$config") | $m | $((${m%.*} - ${base%.*})) |${times[$config]} |"
  done
} | tee "$out/summary.md"
