#!/usr/bin/env bash
# Builds fmd and starts the sample shop with the dashboard on Payara Micro, listening on 127.0.0.1 only.
# PORT=9090 ./run-sample.sh to use another port. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"
port=${PORT:-8080}
mvn -B -ntp -q -DskipTests -pl fmd-war-sample,fmd-testmonitor -am install
log=fmd-war-sample/target/payara-micro.log
# fmd has no default password: this run makes one for the dashboard's admin (and the admin API's token), unless given
export FMD_PASSWORD=${FMD_PASSWORD:-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')}
export FMD_ADMIN_TOKEN=${FMD_ADMIN_TOKEN:-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')}
export FMD_TESTMONITOR_TOKEN=${FMD_TESTMONITOR_TOKEN:-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')}
java -jar fmd-war-sample/target/payara-micro.jar --nocluster --port "$port" \
  --prebootcommandfile fmd-war-sample/src/main/payara/preboot.asadmin \
  --deploy fmd-war-sample/target/fmd-war-sample.war --contextroot / > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' INT TERM EXIT
echo "Starting Payara Micro (log: $log) ..."
for _ in $(seq 1 120); do
  if grep -q "ready in" "$log"; then break; fi
  if ! kill -0 $server 2>/dev/null; then echo "Payara Micro stopped; see $log" >&2; exit 1; fi
  sleep 1
done
grep -q "ready in" "$log" || { echo "Payara Micro did not start within 120 s; see $log" >&2; exit 1; }
cat <<TXT

  fmd sample is running.
  Dashboard:  http://127.0.0.1:$port/fmd
              user admin, password $FMD_PASSWORD   (made for this run; FMD_PASSWORD=... to choose)
  Shop API:   http://127.0.0.1:$port/api/products
              http://127.0.0.1:$port/api/products/1
              http://127.0.0.1:$port/api/reports/sales?ms=300     (slow)
              http://127.0.0.1:$port/api/reports/primes?n=200000  (CPU-bound)
              http://127.0.0.1:$port/api/reports/forecast?points=20000  (CPU-bound, a deeper call tree)
              curl -X POST http://127.0.0.1:$port/api/orders/2   (409, mapped exception)
  Admin API (levels 0-3; token made for this run):
              curl -H "Authorization: Bearer $FMD_ADMIN_TOKEN" http://127.0.0.1:$port/fmd/api/endpoints
              curl -X PUT -H "Authorization: Bearer $FMD_ADMIN_TOKEN" -H "Content-Type: application/json" \\
                   -d '{"level": 3}' http://127.0.0.1:$port/fmd/api/endpoints/<id>/level
  Testmonitor (token made for this run): run the example API tests against this sample, 5 times each, and
  see them on the dashboard's Testmonitor page:
              mvn -B -q -pl fmd-testmonitor-example test-compile failsafe:integration-test@suite \\
                  -Dexample.port=$port -Dexample.token=$FMD_TESTMONITOR_TOKEN
  Ctrl-C stops it.
TXT
wait $server
