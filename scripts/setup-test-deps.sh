#!/usr/bin/env bash
# Installs what the tests need beyond npm packages, from Debian: chromium for the browser tests,
# kubectl for the kubectl-as-a-process tests, arping and ndisc6 for the ARP/NDP probe tests, PostgreSQL
# for the history tests (started by the tests themselves, in a temporary directory). Idempotent.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v kubectl >/dev/null 2>&1 || need+=(kubernetes-client)
command -v arping >/dev/null 2>&1 || [ -x /usr/sbin/arping ] || need+=(arping)
command -v ndisc6 >/dev/null 2>&1 || [ -x /usr/bin/ndisc6 ] || need+=(ndisc6)
command -v ip >/dev/null 2>&1 || need+=(iproute2)
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing ${need[*]}; run as root or install them with apt-get" >&2
    exit 1
  fi
  echo "setup: installing ${need[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
