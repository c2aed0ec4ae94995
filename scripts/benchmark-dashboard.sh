#!/usr/bin/env bash
# Times every dashboard page end to end, in the page, on the data set of scripts/generate-data.sh: deploys the sample
# WAR on Payara Micro (127.0.0.1 only) storing into the local PostgreSQL's tables gen_*, then asks each page with curl
# as one browser would (a session cookie, a time zone cookie), measuring the time to the last byte of the answer on
# 127.0.0.1. Every page once to warm up, then RUNS rounds over every page (so that the machine's changing load falls
# on all pages alike); prints a markdown table row per page (median, range, size of the page) and the load average
# before and after. Stops the server at the end.
#
#   scripts/generate-data.sh && scripts/benchmark-dashboard.sh
#   SKIP_BUILD=1 WAR=/tmp/other.war scripts/benchmark-dashboard.sh      # another build of the sample, same harness
#
# Environment: RUNS (default 5), WARMUP (rounds before the timed ones, default 1), DEPTH ("Older" links followed for
# the deep page of the request list, default 20: page 21), PREFIX (gen_), ZONE (the browser's zone, cookie fmd-tz;
# default Europe/Amsterdam), PORT (8390), PGHOST/PGPORT/PGDATABASE/PGUSER (127.0.0.1/5432/test/postgres, trust
# authentication), SERVER_OPTS (more JVM options of the server), KEEP=1 (leave the server running), SKIP_BUILD=1,
# WAR (the WAR to deploy), MAVEN_ARGS (options of the build, e.g. -Dmaven.repo.local=...; MAVEN_OPTS works too),
# PG_DRIVER (the PostgreSQL JDBC jar; default the newest in the local Maven repository).
#
# The server must not change the data set: it monitors nothing (fmd.auto-bind=false: the sample's own endpoints are
# not added to gen_endpoint), keeps every row (retention of 100 years) and runs as the generator's instance (app-1,
# version 1.0), so the only row it writes is that instance's heartbeat. Schema migrations of a newer build are applied
# to gen_* at its start, as they would be on a server upgraded in place (the log line is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8390}
runs=${RUNS:-5}
warmup=${WARMUP:-1}
depth=${DEPTH:-20}
prefix=${PREFIX:-gen_}
zone=${ZONE:-Europe/Amsterdam}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-test} PGUSER=${PGUSER:-postgres}

if [[ -z "${SKIP_BUILD:-}" ]]; then
  # shellcheck disable=SC2086
  mvn -B -ntp -q ${MAVEN_ARGS:-} -DskipTests -pl fmd-war-sample -am package
fi
war=${WAR:-fmd-war-sample/target/fmd-war-sample.war}
payara=fmd-war-sample/target/payara-micro.jar
# the PostgreSQL driver the tests use, from the local Maven repository (-Dmaven.repo.local in MAVEN_OPTS or MAVEN_ARGS
# when given there)
repo=$(grep -o 'maven.repo.local=[^ ]*' <<< "${MAVEN_OPTS:-} ${MAVEN_ARGS:-}" | tail -1 | cut -d= -f2 || true)
driver=${PG_DRIVER:-$(ls "${repo:-$HOME/.m2/repository}"/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)}

if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "port $port is in use: PORT=<another> $0" >&2
  exit 1
fi
run_dir=$(mktemp -d "${TMPDIR:-/tmp}/fmd-dashboard-bench.XXXXXX")
cp "$war" "$run_dir/app.war"
# a PostgreSQL pool and its JNDI name (Payara wants a password property; trust authentication ignores it)
cat > "$run_dir/postboot.asadmin" <<ASADMIN
create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource --restype=javax.sql.DataSource --steadypoolsize=2 --maxpoolsize=8 --property serverName=$PGHOST:portNumber=$PGPORT:databaseName=$PGDATABASE:user=$PGUSER:password=${PGPASSWORD:-unused} fmdBenchPool
create-jdbc-resource --connectionpoolid=fmdBenchPool jdbc/fmdBench
ASADMIN
log=$run_dir/payara.log
setsid java -Xmx1g -XX:+UseG1GC ${SERVER_OPTS:-} -Djava.io.tmpdir="$run_dir" \
  -Dfmd.datasource=jdbc/fmdBench -Dfmd.table-prefix="$prefix" -Dfmd.auto-bind=false \
  -Dfmd.instance=app-1 -Dfmd.app-version=1.0 -Dfmd.retention-days=36500 -Dfmd.rollup-retention-days=36500 \
  -Dfmd.password=benchmark-password \
  -jar "$payara" --nocluster --port "$port" --addLibs "$driver" \
  --prebootcommandfile fmd-war-sample/src/main/payara/preboot.asadmin \
  --postbootcommandfile "$run_dir/postboot.asadmin" \
  --deploy "$run_dir/app.war" --contextroot / > "$log" 2>&1 &
server=$!
stop() {
  if [[ -z "${KEEP:-}" ]]; then
    kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
    rm -rf "$run_dir"
  else
    echo "server $server left running on port $port (log $log)"
  fi
}
trap stop EXIT
trap "exit 1" INT TERM

started=$(date +%s)
for _ in $(seq 1 600); do
  if grep -q "ready in" "$log"; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then echo "Payara Micro stopped; see $log" >&2; cat "$log" >&2; exit 1; fi
  sleep 1
done
grep -q "ready in" "$log" || { echo "Payara Micro did not start within 600 s; see $log" >&2; exit 1; }
# fmd's writer opens the store (and migrates gen_*) in the background: wait until the header says the database is up
base="http://127.0.0.1:$port/fmd"
# one browser: its session cookie (kept in a jar, as a browser keeps it), logged in as the admin, and its time zone
jar=$run_dir/cookies.txt
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tfmd-tz\t%s\n' "$(jq -rn --arg z "$zone" '$z|@uri')" > "$jar"
curl -s -b "$jar" -c "$jar" -o /dev/null -d username=admin -d password=benchmark-password "$base/login"
for _ in $(seq 1 1800); do
  if [[ $(curl -s -b "$jar" "$base/index.xhtml?w=1h") == *'id="database">up<'* ]]; then break; fi
  sleep 1
done
migrations=$(grep -o 'schema migration [0-9]* ([^)]*) applied[^<]*ms' "$log" | sed 's/^schema //' | paste -sd ';' - || true)
echo "server up after $(( $(date +%s) - started )) s; ${migrations:-no migration}"

sql() { psql -qAtX -c "$1"; }
requests=$(sql "SELECT COUNT(*) FROM ${prefix}request")
busiest=$(sql "SELECT endpoint_id FROM ${prefix}rollup_day GROUP BY endpoint_id ORDER BY SUM(hits) DESC LIMIT 1")
level3=$(sql "SELECT e.id FROM ${prefix}endpoint e JOIN ${prefix}rollup_day d ON d.endpoint_id = e.id
  WHERE e.monitor_level = 3 GROUP BY e.id ORDER BY SUM(d.hits) DESC LIMIT 1")

fetch() { curl -s -b "$jar" -c "$jar" -o "$2" -w '%{http_code} %{time_total} %{size_download}' "$1"; }

# the deep page of the request list: follow "Older" DEPTH times from the busiest endpoint's newest requests
deep="$base/endpoint.xhtml?id=$busiest&w=7d"
for _ in $(seq 1 "$depth"); do
  fetch "$deep" "$run_dir/page.html" > /dev/null
  next=$(grep -o 'id="older" href="[^"]*"' "$run_dir/page.html" | sed 's/.*href="//; s/"$//; s/&amp;/\&/g; s/#.*//')
  [[ -n "$next" ]] || { echo "no Older link on $deep" >&2; exit 1; }
  deep="http://127.0.0.1:$port$next"
done

pages=(
  "overview|7d|$base/index.xhtml?w=7d"
  "overview|90d|$base/index.xhtml?w=90d"
  "app-wide graphs|7d|$base/graphs.xhtml?w=7d"
  "app-wide graphs|90d|$base/graphs.xhtml?w=90d"
  "endpoint, busiest (id $busiest)|7d|$base/endpoint.xhtml?id=$busiest&w=7d"
  "endpoint, busiest (id $busiest)|90d|$base/endpoint.xhtml?id=$busiest&w=90d"
  "endpoint, busiest level 3 (id $level3)|7d|$base/endpoint.xhtml?id=$level3&w=7d"
  "endpoint, busiest level 3 (id $level3)|90d|$base/endpoint.xhtml?id=$level3&w=90d"
  "endpoints list|7d|$base/endpoint.xhtml"
  "request list, page $((depth + 1)) (busiest)|7d|$deep"
)

for _ in $(seq 1 "$warmup"); do
  for page in "${pages[@]}"; do
    fetch "${page##*|}" /dev/null > /dev/null
  done
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A times sizes
for _ in $(seq 1 "$runs"); do
  for page in "${pages[@]}"; do
    url=${page##*|}
    read -r code seconds bytes <<< "$(fetch "$url" "$run_dir/page.html")"
    if [[ $code != 200 ]] || grep -q 'id="problem"' "$run_dir/page.html"; then
      echo "HTTP $code or a failed read: $url; see $log" >&2
      exit 1
    fi
    times[$page]+="$(awk -v s="$seconds" 'BEGIN { printf "%.0f", s * 1000 }') "
    sizes[$page]=$bytes
  done
done

echo
echo "Dashboard pages on ${prefix}* ($(sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<< "$requests") requests), zone $zone," \
  "$(date -u '+%Y-%m-%d %H:%M') UTC; $warmup warm-up round(s), then $runs rounds"
echo
echo "| page | window | median ms | range ms | page size KB |"
echo "|---|---|---|---|---|"
over=()
for page in "${pages[@]}"; do
  IFS='|' read -r name window _ <<< "$page"
  sorted=$(tr ' ' '\n' <<< "${times[$page]}" | grep . | sort -n)
  median=$(sed -n "$(( (runs + 1) / 2 ))p" <<< "$sorted")
  printf '| %s | %s | **%s** | %s–%s | %s |\n' "$name" "$window" "$median" "$(head -1 <<< "$sorted")" \
    "$(tail -1 <<< "$sorted")" "$(awk -v b="${sizes[$page]}" 'BEGIN { printf "%.0f", b / 1024 }')"
  if (( median >= 300 )); then over+=("$name $window"); fi
done
echo
echo "load average (1, 5, 15 min) before the timed rounds: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
if (( ${#over[@]} )); then
  printf '300 ms or more: %s\n' "$(IFS=';'; echo "${over[*]}")"
else
  echo "every page under 300 ms"
fi
