# Sourced by the benchmark scripts: Payara Micro servers of the benchmark app (fmd-bench-app), one per configuration
# name, on 127.0.0.1 only.
#
# Configurations: "plain" and "twin" run target/bench-plain.war (the app without fmd), "disabled" runs
# target/bench-fmd.war with FMD_ENABLED=false, a digit N runs target/bench-fmd.war at FMD_MONITOR_LEVEL=N.
# Callers set $out (logs) and may set SERVER_OPTS (extra JVM options) and BOOT_TIMEOUT (s).
# shellcheck shell=bash

declare -A pids ports
client=""
PAYARA_JAR=fmd-war-sample/target/payara-micro.jar
PREBOOT=fmd-war-sample/src/main/payara/preboot.asadmin
APP_DIR=fmd-bench-app/target

stop_pid() { # pid: CONT, TERM, wait up to 30 s, then KILL
  local pid=$1
  kill -CONT "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

stop_all() {
  [[ -n $client ]] && stop_pid "$client"
  for pid in "${pids[@]}"; do stop_pid "$pid"; done
}

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 20000))
    ss -Hltn "sport = :$p" | grep -q . || { echo "$p"; return; }
  done
}

# prepare_run NAME: builds (unless SKIP_BUILD is set), sets $out to fmd-benchmarks/target/NAME with the logs of an
# earlier run removed, and stops every server on exit
prepare_run() {
  [[ ${SKIP_BUILD:-} ]] || build_benchmarks
  out=fmd-benchmarks/target/$1
  mkdir -p "$out"
  rm -f "$out"/*.log "$out"/*.txt "$out"/summary.md
  trap stop_all EXIT
  trap 'exit 130' INT TERM
}

build_benchmarks() {
  echo "Building fmd-bench-app and fmd-benchmarks ..."
  mvn -q -B -ntp -DskipTests -DskipITs -pl fmd-war-sample,fmd-bench-app,fmd-benchmarks -am install
}

# start_server NAME CONFIG: starts Payara Micro in the background (log $out/payara-NAME.log), sets pids/ports[NAME]
start_server() {
  local name=$1 config=$2 port war env_vars
  port=$(free_port)
  case $config in
    plain | twin) war=$APP_DIR/bench-plain.war; env_vars=(FMD_ENABLED=false) ;;
    disabled) war=$APP_DIR/bench-fmd.war; env_vars=(FMD_ENABLED=false) ;;
    [0-3]) war=$APP_DIR/bench-fmd.war; env_vars=(FMD_ENABLED=true FMD_MONITOR_LEVEL="$config") ;;
    *) echo "unknown configuration $config" >&2; exit 2 ;;
  esac
  # shellcheck disable=SC2086
  env "${env_vars[@]}" java -Xmx1g ${SERVER_OPTS:-} -jar "$PAYARA_JAR" --nocluster --nohazelcast \
    --port "$port" --prebootcommandfile "$PREBOOT" --deploy "$war" --contextroot / > "$out/payara-$name.log" 2>&1 &
  pids[$name]=$!
  ports[$name]=$port
}

# await_ready NAME: waits for "ready in" in its log; prints the milliseconds Payara Micro reports
await_ready() {
  local name=$1 log=$out/payara-$1.log waited=0
  until grep -q "ready in" "$log"; do
    kill -0 "${pids[$name]}" 2>/dev/null || { echo "Payara Micro $name stopped; see $log" >&2; exit 1; }
    ((waited++ < ${BOOT_TIMEOUT:-180})) || { echo "Payara Micro $name not ready in time; see $log" >&2; exit 1; }
    sleep 1
  done
  grep -o 'ready in [0-9,.]* (ms)' "$log" | head -1 | tr -dc '0-9'
}

label() { # configuration -> what the tables call it
  case $1 in
    plain) echo "without fmd" ;;
    twin) echo "without fmd (twin)" ;;
    disabled) echo "fmd disabled" ;;
    *) echo "fmd level $1" ;;
  esac
}

median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
