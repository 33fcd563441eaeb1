#!/usr/bin/env bash
# Builds TARGET of an earlier commit in its own source tree (a detached git worktree under build/) with
# PRESET, once: the benchmarks measure it beside this build. Prints the tree's path.
#   bash bench/baseline_build.sh COMMIT NAME PRESET TARGET
set -euo pipefail
cd "$(dirname "$0")/.."
commit=$1 name=$2 preset=$3 target=$4
tree=$(pwd)/build/$name
if [ ! -d "$tree/build/$preset" ] || [ "$(git -C "$tree" rev-parse HEAD 2>/dev/null)" != "$(git rev-parse "$commit")" ]; then
  git worktree remove --force "$tree" 2>/dev/null || rm -rf "$tree"
  git worktree prune
  git worktree add --detach "$tree" "$commit" >/dev/null
fi
(cd "$tree" && cmake --preset "$preset" >/dev/null && cmake --build --preset "$preset" --target "$target" >/dev/null)
echo "$tree"
