#!/usr/bin/env bash
# Installs what the gateway benchmark compares against and drives it with: nginx and wrk
# (Debian packages). Needs root and apt-get. Safe to run again.
set -euo pipefail
missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then echo "install-bench-tools: need root to apt-get install ${missing[*]}" >&2; exit 1; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The package starts a system nginx on port 80; the benchmark runs its own.
(systemctl stop nginx 2>/dev/null || service nginx stop 2>/dev/null || nginx -s quit 2>/dev/null || true)
