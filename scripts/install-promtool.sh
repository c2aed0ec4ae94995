#!/usr/bin/env bash
# MetricsIT checks /fmd/metrics with promtool, the parser and linter of the Prometheus project (Debian's prometheus
# package); installs it when missing, without its recommended node exporter. No Prometheus server is started.
set -euo pipefail
if command -v promtool >/dev/null 2>&1; then exit 0; fi
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_root apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus
