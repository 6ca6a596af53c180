#!/usr/bin/env bash
# Clean-room install check: what a user gets from the published packages, outside this repository.
#   1. packs every publishable workspace (the ones not marked private) into a temp folder,
#   2. installs the tarballs into an empty project (their dependencies come from the registry;
#      llvm-bindings compiles its addon against the system LLVM 14 that tools/setup.sh installs),
#   3. proves and verifies examples/sklearn_mlp with `npx onnx-zk prove` and expects `verified: true`,
#   4. asks every CLI of the packages for --help,
#   5. checks that none of the root's devDependencies (the test-only tools: onnxruntime-node, jest,
#      ts-morph, nx, typescript, @types/*, ...) was installed and that no dependency install script
#      is left unreviewed,
# and prints the install time and the installed size. Run it after the build (CI runs it after
# `npm test`). Exits non-zero on the first failing step; the temp folders are removed either way
# (CLEAN_ROOM_KEEP=1 keeps them). CLEAN_ROOM_COLD_CACHE=1 installs with an empty npm cache.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/onnx-zk-clean-room.XXXXXX")"
step="start"
finish() {
  status=$?
  if [ "${CLEAN_ROOM_KEEP:-}" = "1" ]; then
    echo "clean-room: kept $tmp"
  else
    rm -rf "$tmp"
  fi
  if [ "$status" -ne 0 ]; then
    echo "clean-room install: FAILED at step '$step' (exit $status)" >&2
  fi
  exit "$status"
}
trap finish EXIT

mkdir -p "$tmp/tarballs" "$tmp/project" "$tmp/cache"
npm_cache_args=()
if [ "${CLEAN_ROOM_COLD_CACHE:-}" = "1" ]; then
  npm_cache_args=(--cache "$tmp/npm-cache")
fi

step="find the publishable packages"
mapfile -t workspaces < <(node -e '
const fs = require("fs");
const root = JSON.parse(fs.readFileSync("package.json", "utf8"));
for (const ws of root.workspaces) {
  const p = JSON.parse(fs.readFileSync(`${ws}/package.json`, "utf8"));
  if (!p.private) console.log(p.name);
}')
[ "${#workspaces[@]}" -gt 0 ] || { echo "clean-room: no publishable workspace" >&2; exit 1; }
echo "clean-room: packages: ${workspaces[*]}"

step="build"
for ws in "${workspaces[@]}"; do
  dir="$(node -p "require('path').dirname(require.resolve('$ws/package.json'))")"
  [ -e "$dir/dist/index.js" ] || { echo "clean-room: $dir/dist is missing; build first (npm run build)" >&2; exit 1; }
done

step="npm pack"
pack_args=()
for ws in "${workspaces[@]}"; do pack_args+=(-w "$ws"); done
npm pack "${pack_args[@]}" --pack-destination "$tmp/tarballs" --silent >/dev/null
ls -l "$tmp/tarballs"
mapfile -t tarballs < <(ls "$tmp/tarballs"/*.tgz)
[ "${#tarballs[@]}" -eq "${#workspaces[@]}" ] || { echo "clean-room: expected ${#workspaces[@]} tarballs, got ${#tarballs[@]}" >&2; exit 1; }

step="npm install"
# The install-script decisions a user makes (README, Install): llvm-bindings must compile its addon;
# koffi's install step only checks that its prebuilt binary (@koromix/koffi-<platform>) loads.
cat >"$tmp/project/package.json" <<'EOF'
{
  "name": "onnx-zk-clean-room",
  "version": "1.0.0",
  "private": true,
  "allowScripts": {
    "llvm-bindings@0.4.2": true,
    "koffi": false
  }
}
EOF
# npm's default, which a user config may have turned off: without the registry URLs in the lock
# file npm cannot match the pinned approval once the install is over (npm install-scripts ls).
echo 'omit-lockfile-registry-resolved=false' >"$tmp/project/.npmrc"
cd "$tmp/project"
start=$(date +%s)
npm install --no-audit --no-fund "${npm_cache_args[@]}" "${tarballs[@]}" 2>&1 | tee "$tmp/install.log"
install_seconds=$(( $(date +%s) - start ))
if grep -q 'not yet covered by allowScripts' "$tmp/install.log"; then
  echo "clean-room: the install ran install scripts nobody reviewed" >&2
  exit 1
fi

step="install-scripts ls"
pending="$(npm install-scripts ls --json | node -e '
let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
  const j = JSON.parse(s);
  console.log(j.allowScripts.flatMap((p) => p.changes.map((c) => c.key)).join(" "));
});')"
[ -z "$pending" ] || { echo "clean-room: install scripts pending review: $pending" >&2; exit 1; }

step="no test-only tools"
# The repository root's devDependencies (onnxruntime-node, jest, ts-jest, ts-morph, nx, typescript,
# @types/*, ...) are for tests and builds only: none of them may reach a user's node_modules.
mapfile -t devtools < <(node -p 'Object.keys(require(process.argv[1]).devDependencies).join("\n")' "$repo/package.json")
for dev in "${devtools[@]}"; do
  if [ -e "node_modules/$dev" ]; then
    echo "clean-room: node_modules/$dev was installed, but it is a test-only tool" >&2
    exit 1
  fi
done
echo "clean-room: none of the ${#devtools[@]} test-only tools was installed"

step="npx onnx-zk prove"
export ONNX_ZK_CACHE="$tmp/cache"
npx --no -- onnx-zk prove "$repo/examples/sklearn_mlp/network.onnx" --input "$repo/examples/sklearn_mlp/input.json" --out "$tmp/proof" 2>&1 | tee "$tmp/prove.log"
grep -qx 'verified: true' "$tmp/prove.log" || { echo "clean-room: onnx-zk prove did not print 'verified: true'" >&2; exit 1; }

step="CLI --help"
mapfile -t bins < <(node -e '
for (const ws of process.argv.slice(1)) {
  const p = require(require.resolve(`${ws}/package.json`, { paths: [process.cwd()] }));
  for (const b of Object.keys(p.bin ?? {})) console.log(b);
}' "${workspaces[@]}")
for b in "${bins[@]}"; do
  step="$b --help"
  npx --no -- "$b" --help >"$tmp/help.txt" 2>&1 || { cat "$tmp/help.txt" >&2; echo "clean-room: $b --help failed" >&2; exit 1; }
  head -1 "$tmp/help.txt" | grep -q "^$b " || { cat "$tmp/help.txt" >&2; echo "clean-room: $b --help printed no usage of $b" >&2; exit 1; }
  echo "clean-room: $b --help: $(head -1 "$tmp/help.txt")"
done

step="report"
packages=$({ npm ls --all --parseable 2>/dev/null || true; } | tail -n +2 | sort -u | wc -l)
echo "clean-room: install time ${install_seconds} s (${#tarballs[@]} tarballs, ${packages} packages); installed size $(du -sh node_modules | cut -f1) (du -sh node_modules)"
echo "clean-room install: OK"
