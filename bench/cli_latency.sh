#!/usr/bin/env bash
# Whole-process latency of `stridecare today --json` and `stridecare log run`
# on a database holding 10 years of daily runs and check-ins (issue 2 targets:
# today < 30 ms median, log run < 20 ms median). Prints the medians and the
# verdict against each target. Needs hyperfine (scripts/install-deps.sh bench).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh bench
cmake --preset release >/dev/null
cmake --build --preset release --target stridecare >/dev/null
exe=$PWD/build/release/src/cli/stridecare
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 bench/make_history.py --out "$tmp/history.json"
"$exe" --db "$tmp/bench.db" restore "$tmp/history.json" >/dev/null
echo "database: $(du -h "$tmp/bench.db" | cut -f1), machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

hyperfine --style basic --warmup 5 --runs "${RUNS:-60}" -N \
  --export-json "$tmp/today.json" "$exe --db $tmp/bench.db today --json --date 2026-03-01" >/dev/null
hyperfine --style basic --warmup 3 --runs "${RUNS:-60}" -N \
  --export-json "$tmp/log.json" "$exe --db $tmp/bench.db log run --date 2026-03-01 --distance 8.2km --duration 45:00 --rpe 5" >/dev/null

python3 - "$tmp/today.json" "$tmp/log.json" <<'PY'
import json, sys
targets = [("today --json", sys.argv[1], 30.0), ("log run", sys.argv[2], 20.0)]
for name, path, target_ms in targets:
    r = json.load(open(path))["results"][0]
    median = r["median"] * 1000
    print(f"{name:<14} median {median:6.2f} ms  mean {r['mean']*1000:6.2f} ms  min {r['min']*1000:6.2f} ms  "
          f"target < {target_ms:.0f} ms  -> {'PASS' if median < target_ms else 'FAIL'} ({median/target_ms:.2f}x of target)")
PY
