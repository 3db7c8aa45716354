#!/bin/sh
# Runs a command with the project's pinned Node (.nvmrc) first on PATH, so the toolchain, the tests
# and the Functions emulator all run on the Node major that Cloud Functions deploys (nodejs24).
#
#   sh scripts/node.sh <command...>     e.g. sh scripts/node.sh npm ci
#
# A machine whose `node` already is that exact version uses it as it is. Otherwise the official
# Node binary is installed from the npm registry (the per-platform `node-<os>-<arch>` packages
# that the `node` package wraps) into .tmp/node-<version>/, once, in a few seconds.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VERSION=$(tr -d ' \nv' < "$ROOT/.nvmrc")

if [ "$(node --version 2>/dev/null || true)" != "v$VERSION" ]; then
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) echo "node.sh: install Node $VERSION yourself on this OS" >&2; exit 1 ;; esac
  case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) echo "node.sh: install Node $VERSION yourself on this CPU" >&2; exit 1 ;; esac
  DIR="$ROOT/.tmp/node-$VERSION"
  BIN="$DIR/node_modules/node-$os-$arch/bin"
  if [ ! -x "$BIN/node" ]; then
    echo "node.sh: installing Node $VERSION (node-$os-$arch from the npm registry) into .tmp/ …" >&2
    mkdir -p "$DIR"
    npm install --prefix "$DIR" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node-$os-$arch@$VERSION" >&2
  fi
  PATH="$BIN:$PATH"
  export PATH
fi
exec "$@"
