#!/usr/bin/env bash
# Whole-process latency of `stridecare today --json`, `stridecare plan --json`
# and `stridecare log run` on a database holding 10 years of daily runs and
# check-ins (targets: today < 30 ms median (issue 2), plan --json < 20 ms
# measured side by side with today --json (issue 12), log run < 20 ms). Prints
# the medians, plan's ratio to today, and the verdict against each target.
# Needs hyperfine (scripts/install-deps.sh bench).
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

# today and plan side by side in one hyperfine run (alternating, same machine state).
hyperfine --style basic --warmup 5 --runs "${RUNS:-60}" -N --export-json "$tmp/side.json" \
  "$exe --db $tmp/bench.db today --json --date 2026-03-01" \
  "$exe --db $tmp/bench.db plan --json --date 2026-03-01" >/dev/null
hyperfine --style basic --warmup 3 --runs "${RUNS:-60}" -N \
  --export-json "$tmp/log.json" "$exe --db $tmp/bench.db log run --date 2026-03-01 --distance 8.2km --duration 45:00 --rpe 5" >/dev/null

python3 - "$tmp/side.json" "$tmp/log.json" <<'PY'
import json, sys
side = json.load(open(sys.argv[1]))["results"]
results = [("today --json", side[0], 30.0), ("plan --json", side[1], 20.0),
           ("log run", json.load(open(sys.argv[2]))["results"][0], 20.0)]
for name, r, target_ms in results:
    median = r["median"] * 1000
    print(f"{name:<14} median {median:6.2f} ms  mean {r['mean']*1000:6.2f} ms  min {r['min']*1000:6.2f} ms  "
          f"target < {target_ms:.0f} ms  -> {'PASS' if median < target_ms else 'FAIL'} ({median/target_ms:.2f}x of target)")
print(f"plan --json / today --json (medians, same run): {side[1]['median'] / side[0]['median']:.2f}x")
PY
