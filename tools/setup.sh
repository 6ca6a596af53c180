#!/usr/bin/env bash
# Installs what onnx-zk needs on Debian 12 with Node 20, then builds every package.
#   system: llvm-14 (lli-14, FileCheck-14), llvm-14-dev (libLLVM-14.so, headers for llvm-bindings), cmake, g++
#   npm:    the locked dependencies (llvm-bindings compiles against llvm-14-dev for a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v lli-14 >/dev/null 2>&1 || missing+=(llvm-14)
command -v FileCheck-14 >/dev/null 2>&1 || missing+=(llvm-14-tools)
[ -e /usr/lib/llvm-14/lib/libLLVM-14.so ] && command -v llvm-config-14 >/dev/null 2>&1 || missing+=(llvm-14-dev)
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "onnx-zk setup: installing ${missing[*]}"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

if [ ! -e node_modules/llvm-bindings/build/Release/llvm-bindings.node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # The lock file is complete (jest's optional unrs-resolver bindings for every platform included),
  # so `npm ci` works too; install keeps an existing node_modules and still follows the lock file.
  npm install --no-audit --no-fund
fi
npx nx run-many -t build --output-style=stream
# Link the workspace CLIs (onnx-zk, onnx-zk-ir, ...) into node_modules/.bin now that dist/ exists.
npm rebuild --ignore-scripts --no-audit --no-fund >/dev/null
