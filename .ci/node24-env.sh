# Sourced by .ci/run, scripts/demo.sh and bench/run.sh: puts a Node.js 24 first on PATH (see
# node24.sh, which installs one under .tools/ when the machine's Node is older) and makes native
# builds (sqlite3 for the pinned n8n) compile against Node 24's headers, not the machine's own.
NODE_BIN=$(bash "$(dirname "${BASH_SOURCE[0]}")/node24.sh")
export PATH="$NODE_BIN:$PATH"
export npm_config_nodedir="$(dirname "$NODE_BIN")"
