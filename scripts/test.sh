#!/usr/bin/env bash
# npm test, from a fresh clone with nothing set up: Node.js 24 (fetched into .tools/ when the
# machine's node is older), the dependencies (npm ci when node_modules is missing or older than the
# lockfile), the Debian packages of the end-to-end tests (.ci/e2e-system-packages.sh), then lint,
# build, type checks and every jest test; the end-to-end tests install the pinned n8n into
# e2e/n8n-host on first use (about 5 minutes). Arguments go to jest, e.g. `npm test -- --selectProjects=unit`.
set -euo pipefail
source "$(dirname "$0")/dev-env.sh"
echo "npm test: node $(node --version), npm $(npm --version)"

bash .ci/e2e-system-packages.sh
npm run lint
npm run build
npm run typecheck
# The e2e setup packs the dist/ built just above instead of building again.
E2E_SKIP_BUILD=1 npx --no-install jest "$@"
