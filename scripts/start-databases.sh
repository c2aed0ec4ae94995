#!/usr/bin/env bash
# Makes sure the local PostgreSQL (127.0.0.1:5432, trust auth, database "test") and MariaDB (127.0.0.1:3306, root
# without password, database "test") that the tests use are installed and running.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

wait_for() { # description, command...
  local what=$1; shift
  for _ in $(seq 1 60); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "$what did not come up within 60 s" >&2; return 1
}

if ! command -v pg_ctlcluster >/dev/null; then
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
  hba=$(ls /etc/postgresql/*/main/pg_hba.conf | head -1)
  as_root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
fi
wait_for PostgreSQL pg_isready -q -h 127.0.0.1 -p 5432
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE test" >/dev/null

if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ]; then
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server
  fresh_mariadb=1
fi
if ! mariadb-admin -h 127.0.0.1 -u root ping >/dev/null 2>&1; then
  as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  wait_for MariaDB sh -c 'mariadb-admin --protocol=socket -u root ping || mariadb-admin -h 127.0.0.1 -u root ping'
fi
if [ "${fresh_mariadb:-0}" = 1 ]; then
  as_root mariadb -u root -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('')"
fi
wait_for MariaDB mariadb-admin -h 127.0.0.1 -u root ping
mariadb -h 127.0.0.1 -u root -e "CREATE DATABASE IF NOT EXISTS test"
echo "PostgreSQL and MariaDB are up on 127.0.0.1"
