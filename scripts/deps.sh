#!/usr/bin/env bash
# Installs the workspace's dependencies when yarn.lock changed since the last install.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
stamp=node_modules/.rocket-installed
if [ ! -f "$stamp" ] || [ yarn.lock -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  echo "==> installing dependencies (yarn install)"
  yarn install --immutable
  touch "$stamp"
fi
