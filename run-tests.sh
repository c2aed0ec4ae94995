#!/usr/bin/env bash
# Runs every test of fmd from a clean state: unit tests, schema tests on PostgreSQL and MariaDB, and the Arquillian
# tests on Payara Micro against the server's default datasource, PostgreSQL and MariaDB (plus the browser test).
set -euo pipefail
cd "$(dirname "$0")"
scripts/start-databases.sh
scripts/install-chromium.sh
scripts/install-promtool.sh
mvn -B -ntp clean verify "$@"
