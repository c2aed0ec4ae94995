#!/usr/bin/env bash
# Starts or stops the sample on Payara Micro for the example suite, listening on 127.0.0.1 only.
#   sample-server.sh start DIR PORT PREBOOT   (DIR holds payara-micro.jar and fmd-war-sample.war; waits until ready)
#   sample-server.sh stop DIR
# fmd's keys come from the environment (FMD_TESTMONITOR_TOKEN, FMD_PASSWORD, FMD_ADMIN_TOKEN).
set -euo pipefail
command=$1
dir=$2
case "$command" in
  start)
    port=$3
    preboot=$4
    log="$dir/payara-micro.log"
    if [ -f "$dir/server.pid" ] && kill -0 "$(cat "$dir/server.pid")" 2>/dev/null; then
      kill "$(cat "$dir/server.pid")"; sleep 2
    fi
    rm -rf "$dir/payara-root"
    setsid nohup java -Xmx512m -jar "$dir/payara-micro.jar" --nocluster --port "$port" \
      --prebootcommandfile "$preboot" --deploy "$dir/fmd-war-sample.war" --contextroot / \
      --rootdir "$dir/payara-root" > "$log" 2>&1 < /dev/null &
    echo $! > "$dir/server.pid"
    for _ in $(seq 1 300); do
      if grep -q "ready in" "$log"; then echo "sample ready on 127.0.0.1:$port (log: $log)"; exit 0; fi
      if ! kill -0 "$(cat "$dir/server.pid")" 2>/dev/null; then echo "Payara Micro stopped; see $log" >&2; tail -50 "$log" >&2; exit 1; fi
      sleep 1
    done
    echo "Payara Micro did not start within 300 s; see $log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$dir/server.pid" ]; then
      pid=$(cat "$dir/server.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$dir/server.pid"
    fi
    ;;
  *)
    echo "usage: $0 start DIR PORT PREBOOT | stop DIR" >&2
    exit 2
    ;;
esac
