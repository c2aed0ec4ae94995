#!/usr/bin/env bash
# The heap fmd adds with many endpoints under a steady load: the benchmark app (fmd-bench-app) on Payara Micro
# without fmd and with fmd at levels 1 and 3, each driven with RATE requests/s spread round-robin over its 500
# generated endpoints (GET /api/many/e0 .. e499), keep-alive, 127.0.0.1 only.
#
# The servers run side by side (one Payara Micro per configuration, own port, own fresh embedded database, -Xmx1g,
# GC log), each loaded by its own dev.fmd.bench.PacedLoad client at the same time: heap is per process, so loading
# them together costs nothing in accuracy, gives every configuration the same machine conditions and takes a third
# of the time. A paced load (not a closed loop) gives every configuration the same request rate, so the heap and
# the allocation rate compare per request. After WARMUP s of load, two phases of DURATION/2 s each; after each
# phase (load stopped for a moment) every server gets a live class histogram (jcmd GC.class_histogram, which runs a
# full GC first). The summary gives per configuration: the live heap after each phase, its difference to the first
# configuration (in MB and per endpoint), the share of dev.fmd.* classes, the classes with the largest growth over
# the first configuration, and the allocation rate during the measured phases (from the GC log: the heap growth
# between consecutive GCs).
#
#   scripts/benchmark-memory.sh                               # plain 1 3, 30 s warm-up + 120 s, about 5 minutes
#   CONFIGS="plain 1" DURATION=60 SKIP_BUILD=1 scripts/benchmark-memory.sh
#
# Logs: fmd-benchmarks/target/memory/ (Payara Micro and GC logs, histograms, client logs, summary.md).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/payara-servers.sh
source scripts/lib/payara-servers.sh

RATE=${RATE:-1000}
ENDPOINTS=${ENDPOINTS:-500}
WARMUP=${WARMUP:-30}
DURATION=${DURATION:-120}
CONCURRENCY=${CONCURRENCY:-8}
TOP=${TOP:-15}
BOOT_TIMEOUT=${BOOT_TIMEOUT:-600}
read -r -a CONFIGS <<< "${CONFIGS:-plain 1 3}"

prepare_run memory
SERVER_OPTS="${SERVER_OPTS:-} -Xlog:gc:file=$out/gc-%p.log:uptime"
clients=()
stop_clients() { for pid in "${clients[@]}"; do stop_pid "$pid"; done; clients=(); }
trap 'stop_clients; stop_all' EXIT

load_all() { # phase seconds: every server gets its own paced load at the same time; waits for all
  local phase=$1 seconds=$2 config failed=0
  for config in "${CONFIGS[@]}"; do
    java -cp fmd-benchmarks/target/classes dev.fmd.bench.PacedLoad \
      --url "http://127.0.0.1:${ports[$config]}/api/many/e{i}" --count "$ENDPOINTS" --rate "$RATE" \
      --duration "$seconds" --concurrency "$CONCURRENCY" > "$out/client-$config-$phase.log" 2>&1 &
    clients+=($!)
  done
  for pid in "${clients[@]}"; do wait "$pid" || failed=1; done
  clients=()
  for config in "${CONFIGS[@]}"; do
    echo "   $(label "$config"), $phase: $(grep '^RESULT' "$out/client-$config-$phase.log" || echo 'no result')" \
      | tee -a "$out/rates.txt"
  done
  ((failed == 0)) || { echo "PacedLoad failed; see $out/client-*-$phase.log" >&2; exit 1; }
}

uptime_s() { jcmd "${pids[$1]}" VM.uptime | awk 'NR == 2 {print $1}'; }

histograms() { # phase: a live histogram of every server (a full GC first)
  local config
  for config in "${CONFIGS[@]}"; do
    jcmd "${pids[$config]}" GC.class_histogram > "$out/histo-$config-$1.txt"
  done
}

mb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }
total_bytes() { awk '$1 == "Total" {print $3}' "$1"; }
fmd_bytes() { awk '$4 ~ /^dev\.fmd\./ {s += $3} END {print s + 0}' "$1"; }

# allocation_rate config from to: MB/s allocated between the first and the last GC within [from, to] s of uptime
allocation_rate() {
  awk -v from="$2" -v to="$3" '
    match($0, /([0-9]+)M->([0-9]+)M/, m) {
      t = substr($1, 2) + 0
      if (t >= from && t <= to) {
        if (n++ == 0) first = t; else allocated += m[1] - after
        last = t
      }
      after = m[2]
    }
    END { if (n > 1 && last > first) printf "%.1f", allocated / (last - first); else print "n/a" }
  ' "$out/gc-${pids[$1]}.log"
}

# growth before after: the TOP classes whose live bytes grew most from histogram "before" to histogram "after"
growth() {
  awk -v top="$TOP" '
    FNR == 1 { file++ }
    $1 ~ /^[0-9]+:$/ { if (file == 1) { bb[$4] = $3; bn[$4] = $2 } else { cb[$4] = $3; cn[$4] = $2 } }
    END {
      for (c in cb) d[c] = cb[c] - bb[c]
      n = asorti(d, keys, "@val_num_desc")
      for (i = 1; i <= n && i <= top; i++) {
        c = keys[i]
        printf "| %s | %.1f | %+d |\n", c, d[c] / 1024, cn[c] - bn[c]
      }
    }' "$1" "$2"
}

for config in "${CONFIGS[@]}"; do
  start_server "$config" "$config"
done
for config in "${CONFIGS[@]}"; do
  ready=$(await_ready "$config")
  echo "== $(label "$config"): ready in $ready ms on port ${ports[$config]}"
done
echo "== warm-up: $WARMUP s at $RATE requests/s over $ENDPOINTS endpoints, every server at the same time"
load_all warmup "$WARMUP"
declare -A from to
half=$(( (DURATION + 1) / 2 ))
for config in "${CONFIGS[@]}"; do from[$config]=$(uptime_s "$config"); done
for phase in 1 2; do
  echo "== phase $phase: $half s"
  load_all "phase$phase" "$half"
  [[ $phase == 2 ]] && for config in "${CONFIGS[@]}"; do to[$config]=$(uptime_s "$config"); done
  histograms "$phase"
done

base=${CONFIGS[0]}
{
  echo "# The heap fmd adds, $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo
  echo "$RATE requests/s round-robin over $ENDPOINTS endpoints (GET /api/many/e{i}, trivial, request-scoped) to each"
  echo "server, side by side; $WARMUP s warm-up, then 2 phases of $half s; live heap = total of"
  echo "\`jcmd GC.class_histogram\` (after a full GC) at the end of each phase. Load average: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| configuration | live heap, phase 1 (MB) | phase 2 (MB) | minus $(label "$base"), phase 2 (MB) | per endpoint (KB) | dev.fmd.* (MB) | allocation (MB/s) |"
  echo "|---|---|---|---|---|---|---|"
  b2=$(total_bytes "$out/histo-$base-2.txt")
  for config in "${CONFIGS[@]}"; do
    t1=$(total_bytes "$out/histo-$config-1.txt")
    t2=$(total_bytes "$out/histo-$config-2.txt")
    echo "| $(label "$config") | $(mb "$t1") | $(mb "$t2") | $(mb $((t2 - b2))) |" \
      "$(awk -v d=$((t2 - b2)) -v n="$ENDPOINTS" 'BEGIN {printf "%.1f", d / 1024 / n}') |" \
      "$(mb "$(fmd_bytes "$out/histo-$config-2.txt")") | $(allocation_rate "$config" "${from[$config]}" "${to[$config]}") |"
  done
  echo
  echo "Achieved rates (PacedLoad; requests not sent within a phase are dropped):"
  echo
  sed 's/^ *//' "$out/rates.txt"
  for config in "${CONFIGS[@]:1}"; do
    echo
    echo "## $(label "$config"): largest growth over $(label "$base") (phase 2)"
    echo
    echo "| class | KB more | instances more |"
    echo "|---|---|---|"
    growth "$out/histo-$base-2.txt" "$out/histo-$config-2.txt"
    echo
    echo "## $(label "$config"): growth from phase 1 to phase 2"
    echo
    echo "| class | KB more | instances more |"
    echo "|---|---|---|"
    growth "$out/histo-$config-1.txt" "$out/histo-$config-2.txt"
  done
} > "$out/summary.md"
cat "$out/summary.md"
