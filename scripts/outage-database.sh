#!/usr/bin/env bash
# A throwaway database instance that the outage tests stop and start for real, beside the shared ones:
#   scripts/outage-database.sh postgresql|mariadb start|stop
# PostgreSQL on 127.0.0.1:5433 (trust, database "test"), MariaDB on 127.0.0.1:3307 (no authentication, database
# "test"); data under /var/tmp/fmd-outage-*, created on first start. Stopping one never touches the shared databases.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
wait_for() { for _ in $(seq 1 60); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done; echo "timed out: $*" >&2; return 1; }

database=$1 action=$2
case "$database" in
postgresql)
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  dir=/var/tmp/fmd-outage-pg
  pg() { as_root runuser -u postgres -- "$@"; }
  case "$action" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_root mkdir -p "$dir" && as_root chown postgres "$dir"
      pg "$bin/initdb" -D "$dir" -A trust -U postgres >/dev/null
    fi
    "$bin/pg_isready" -q -h 127.0.0.1 -p 5433 || pg "$bin/pg_ctl" -D "$dir" -o "-p 5433 -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" -l "$dir/server.log" -w start >/dev/null
    wait_for "$bin/pg_isready" -q -h 127.0.0.1 -p 5433
    psql -h 127.0.0.1 -p 5433 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1 \
      || psql -h 127.0.0.1 -p 5433 -U postgres -qc "CREATE DATABASE test"
    ;;
  stop) ! "$bin/pg_isready" -q -h 127.0.0.1 -p 5433 || pg "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null ;;
  esac ;;
mariadb)
  dir=/var/tmp/fmd-outage-mariadb
  case "$action" in
  start)
    if [ ! -d "$dir/data/mysql" ]; then
      as_root mkdir -p "$dir/data" && as_root chown -R mysql:mysql "$dir"
      as_root mariadb-install-db --no-defaults --user=mysql --datadir="$dir/data" >/dev/null
    fi
    if ! mariadb-admin -h 127.0.0.1 -P 3307 -u root ping >/dev/null 2>&1; then
      # only the server goes to the background, with no descriptor of this script's caller
      as_root setsid /usr/sbin/mariadbd --no-defaults --user=mysql --datadir="$dir/data" --port=3307 \
        --bind-address=127.0.0.1 --socket="$dir/mariadb.sock" --pid-file="$dir/mariadb.pid" --skip-grant-tables \
        --innodb-buffer-pool-size=64M --log-error="$dir/error.log" </dev/null >/dev/null 2>&1 &
    fi
    wait_for mariadb-admin -h 127.0.0.1 -P 3307 -u root ping
    mariadb -h 127.0.0.1 -P 3307 -u root -e "CREATE DATABASE IF NOT EXISTS test"
    ;;
  stop)
    mariadb-admin -h 127.0.0.1 -P 3307 -u root shutdown 2>/dev/null || true
    for _ in $(seq 1 60); do mariadb-admin -h 127.0.0.1 -P 3307 -u root ping >/dev/null 2>&1 || break; sleep 0.5; done
    ;;
  esac ;;
*) echo "usage: $0 postgresql|mariadb start|stop" >&2; exit 2 ;;
esac
