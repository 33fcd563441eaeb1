#!/usr/bin/env bash
# Builds and runs the whole test suite: Release, then Debug with
# AddressSanitizer + UndefinedBehaviorSanitizer (clang-19), whose build also holds
# the libFuzzer targets, each run briefly. Installs missing packages first.
# Output ends with ctest's summary of the sanitizer run.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each step's wall time goes to stderr, so the budget (CI: well under 30 minutes) is read off the log.
step_start=$SECONDS
took() { echo "-- $1 took $((SECONDS - step_start)) s" >&2; step_start=$SECONDS; }

bash scripts/install-deps.sh
took install-deps
bash scripts/check-format.sh
took check-format
echo "== clang-tidy-19 on src/ (scripts/check-tidy.sh)"
bash scripts/check-tidy.sh
took check-tidy

jobs=$(nproc)
for preset in release asan; do
  echo "== $preset: configure and build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  took "$preset build"
done
echo "== tests/differential: npm ci (the pinned @garmin/fitsdk for the FIT differential test)"
(cd tests/differential && npm ci --no-audit --no-fund)
took "npm ci"
echo "== release: tests"
ctest --preset release -j "$jobs"
took "release tests"
echo "== asan: tests and each libFuzzer target for a short smoke run (AddressSanitizer + UndefinedBehaviorSanitizer)"
ctest --preset asan -j "$jobs"
took "asan tests"
