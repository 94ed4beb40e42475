#!/usr/bin/env bash
# The Debian packages the end-to-end tests run: postgresql and redis-server for the queue-mode
# test (test/e2e/queue-mode.e2e.test.ts; only the binaries: the test starts throwaway servers of its
# own on loopback, so the services the packages may start are stopped again), chromium for the
# editor test (test/e2e/editor.e2e.test.ts) and faketime (libfaketime) for the life-cycle week
# (test/e2e/lifecycle-week.e2e.test.ts, which moves n8n's clock forward by days). Installs the missing ones when run as root; otherwise
# names them and this script, and fails. npm test (scripts/test.sh) runs it before the tests.
set -euo pipefail

have_postgres() { compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; }
have_redis() { [ -x /usr/bin/redis-server ] || [ -x /usr/local/bin/redis-server ]; }
have_chromium() { [ -x /usr/bin/chromium ]; }
have_faketime() { [ -e /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 ] || compgen -G '/usr/lib/*/faketime/libfaketime.so.1' >/dev/null; }

missing=()
have_postgres || missing+=(postgresql)
have_redis || missing+=(redis-server)
have_chromium || missing+=(chromium)
have_faketime || missing+=(faketime)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
	cat >&2 <<MESSAGE
The end-to-end tests need Debian's packages postgresql and redis-server (the queue-mode test),
chromium (the editor test) and faketime (the life-cycle week); missing: ${missing[*]}. Install them with:

    sudo bash .ci/e2e-system-packages.sh

(npm test installs them itself when run as root. npm run test:unit runs the tests that need none.)
MESSAGE
	exit 1
fi

echo "Installing ${missing[*]} from Debian's packages (for the end-to-end tests) ..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Package scripts may have started system services; the tests need none of them.
service redis-server stop >/dev/null 2>&1 || true
service postgresql stop >/dev/null 2>&1 || true
have_postgres && have_redis && have_chromium && have_faketime
