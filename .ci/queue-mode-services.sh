#!/usr/bin/env bash
# PostgreSQL and Redis for the queue-mode end-to-end test (test/e2e/queue-mode.e2e.test.ts), from
# Debian's packages. Only the binaries are needed: the test starts throwaway servers of its own on
# loopback, so the services the packages may start are stopped again.
set -euo pipefail

have_postgres() { compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; }
have_redis() { command -v redis-server >/dev/null; }

if have_postgres && have_redis; then
	exit 0
fi

SUDO=''
if [ "$(id -u)" -ne 0 ]; then SUDO='sudo'; fi
echo "Installing PostgreSQL and Redis from Debian's packages (for the queue-mode test) ..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql redis-server >/dev/null
# Package scripts may have started system services; the test needs none of them.
$SUDO service redis-server stop >/dev/null 2>&1 || true
$SUDO service postgresql stop >/dev/null 2>&1 || true
have_postgres && have_redis
