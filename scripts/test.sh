#!/usr/bin/env bash
# Builds and runs the whole test suite: Release, then Debug with
# AddressSanitizer + UndefinedBehaviorSanitizer. Installs missing packages first.
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
for preset in release fuzz asan; do
  echo "== $preset: configure and build"
  cmake --preset "$preset" >/dev/null
  target=all
  [ "$preset" = fuzz ] && target=fuzzers  # the fuzz build needs only the fuzzers and the libraries they test
  cmake --build --preset "$preset" -j "$jobs" --target "$target"
  took "$preset build"
done
echo "== tests/differential: npm ci (the pinned @garmin/fitsdk for the FIT differential test)"
(cd tests/differential && npm ci --no-audit --no-fund)
took "npm ci"
echo "== release: tests"
ctest --preset release -j "$jobs"
took "release tests"
echo "== fuzz: each libFuzzer target for a short smoke run (ASan+UBSan)"
ctest --preset fuzz -j "$jobs"
took "fuzz smoke"
echo "== asan: tests (AddressSanitizer + UndefinedBehaviorSanitizer)"
ctest --preset asan -j "$jobs"
took "asan tests"
