#!/usr/bin/env bash
# npm run bench: builds the package and the benchmark, then runs it (real n8n against the sandbox).
# Needs Node.js 24 (fetched into .tools/ by .ci/node24.sh when the machine's node is older); the
# first run also installs n8n into e2e/n8n-host (about 5 minutes). Arguments go to the benchmark,
# e.g. `npm run bench -- --sizes 100 --latency 20` (see `npm run bench -- --help`).
set -euo pipefail
source "$(dirname "$0")/../scripts/dev-env.sh"
echo "Building the package and the benchmark ..."
npm run build --silent
npx --no-install tsc -p bench/tsconfig.json
exec node .e2e-work/bench-build/bench/main.js "$@"
