# Sourced by the npm scripts that run the package for real (test, demo, bench): from the
# repository's root, Node.js 24 on PATH (fetched into .tools/ by .ci/node24.sh when the machine's
# node is older) and the package's dependencies installed from the lockfile when they are missing
# or older than the lockfile (npm writes node_modules/.package-lock.json at each install).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

source .ci/node24-env.sh

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "Installing the package's dependencies (npm ci) ..."
	npm ci --no-audit --no-fund
fi
