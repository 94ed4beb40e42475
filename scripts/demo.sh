#!/usr/bin/env bash
# npm run demo: the sandbox plus a real n8n with this package and the template workflow, on
# http://127.0.0.1:5678 (DEMO_N8N_PORT, DEMO_N8N_BROKER_PORT, DEMO_SANDBOX_PORT and DEMO_DIR
# move it). Needs Node.js 24 (fetched into .tools/ by .ci/node24.sh when the machine's
# node is older); the first run also installs n8n into e2e/n8n-host (about 5 minutes). Ctrl-C stops it.
set -euo pipefail
source "$(dirname "$0")/../scripts/dev-env.sh"
# DEMO_SKIP_BUILD=1: dist/ is fresh already (the demo's end-to-end test, after its setup built it).
if [ "${DEMO_SKIP_BUILD:-}" != 1 ] || [ ! -f sandbox/dist/main.js ]; then
	echo "Building the package ..."
	npm run build --silent
fi
npx --no-install tsc -p e2e/tsconfig.json
exec node .e2e-work/build/scripts/demo.js "$@"
