# Sourced by the npm scripts that run the package for real (demo, bench): from the repository's
# root, Node.js 24 on PATH (fetched into .tools/ by .ci/node24.sh when the machine's node is older)
# and the package's dependencies installed from the lockfile when they are missing.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

source .ci/node24-env.sh

if [ ! -d node_modules ]; then
	echo "Installing the package's dependencies (npm ci) ..."
	npm ci --no-audit --no-fund
fi
