#!/usr/bin/env bash
# Training load over 10 years of daily history (issue 4 targets), in one run:
#
#   1. in process (bench/load_bench.cpp, Google Benchmark): analytics::analyse()
#      (all metrics of 3,650 days) against < 2 ms, with analyse + warnings and
#      find_insights alongside; each with memory reused and with fresh pages
#      on every call (see `Memory` in load_bench.cpp);
#   2. whole process (hyperfine -N): `stridecare load --from D --to D --json`
#      over the 3,650 days of a restored database (bench/make_history.py:
#      3,650 runs and check-ins) against < 40 ms, with `load --date --json`
#      and `today --json` on the same database as reference points.
#
# Prints the machine, the figures and the verdicts. BUILD_DIR (default
# build/bench) is where the bench preset builds load_bench; REL_DIR (default
# build/release) where the release preset builds stridecare; RUNS (default 30)
# the hyperfine runs per command, in ROUNDS (default 3) rounds; REPS (default
# 5) the Google Benchmark repetitions (the median is compared). Needs hyperfine
# (scripts/install-deps.sh bench).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh bench
build=${BUILD_DIR:-build/bench}
rel=${REL_DIR:-build/release}
runs=${RUNS:-30}
rounds=${ROUNDS:-3}
reps=${REPS:-5}
cmake --preset bench -B "$build" >/dev/null
cmake --build "$build" -j2 --target load_bench >/dev/null
cmake --preset release -B "$rel" >/dev/null
cmake --build "$rel" -j2 --target stridecare >/dev/null
exe=$PWD/$rel/src/cli/stridecare
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

end=2026-03-01
days=3650
from=$(date -u -d "$end - $((days - 1)) days" +%F)  # the history's first day: 3,650 days of series
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date '+%Y-%m-%d %H:%M %Z')"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== in process: $build/bench/load_bench ($reps repetitions, median)"
"$build/bench/load_bench" --benchmark_repetitions="$reps" --benchmark_report_aggregates_only=true \
  --benchmark_format=json --benchmark_out="$tmp/bench.json" --benchmark_out_format=json >/dev/null

echo "== whole process: $exe"
/usr/bin/python3 bench/make_history.py --days "$days" --end "$end" --out "$tmp/history.json"
"$exe" --db "$tmp/bench.db" restore "$tmp/history.json" >/dev/null
series_bytes=$("$exe" --db "$tmp/bench.db" load --from "$from" --to "$end" --json | wc -c)
echo "database: $(du -h "$tmp/bench.db" | cut -f1); series $from..$end: $series_bytes bytes of JSON"
# In $rounds rounds of runs/rounds runs per command, the three commands in turn,
# so that a burst of load on this shared machine does not fall on one command only.
for round in $(seq "$rounds"); do
  hyperfine -N --style basic --warmup 3 --runs "$((runs / rounds))" --export-json "$tmp/whole$round.json" \
    "$exe --db $tmp/bench.db load --from $from --to $end --json" \
    "$exe --db $tmp/bench.db load --date $end --json" \
    "$exe --db $tmp/bench.db today --json --date $end" >/dev/null
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

/usr/bin/python3 - "$tmp/bench.json" "$days" "$tmp"/whole*.json <<'PY'
import json, statistics, sys
bench = {b["name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("aggregate_name") == "median"}
days = int(sys.argv[2])
rounds = [json.load(open(f))["results"] for f in sys.argv[3:]]
whole = []  # per command: every run's wall time over all rounds, and the mean CPU time (user + sys)
for i in range(len(rounds[0])):
    times = [t for r in rounds for t in r[i]["times"]]
    cpu = sum((r[i]["user"] + r[i]["system"]) * len(r[i]["times"]) for r in rounds) / len(times)
    whole.append({"median": statistics.median(times), "mean": statistics.fmean(times), "min": min(times),
                  "cpu": cpu, "runs": len(times)})
ms = lambda b, key: b[key] / 1000 if b["time_unit"] == "us" else b[key] / 1e6  # kMicrosecond in load_bench
verdict = lambda v, t: f"target < {t:g} ms -> {'PASS' if v < t else 'FAIL'} ({v / t:.2f}x of target)"

print(f"\nin process, {days} days (median of repetitions; wall time, CPU time; faults = minor page faults per call):")
for name, label, target in [
        ("BM_Analyse/reused_memory_median", "analyse (all metrics), memory reused", 2.0),
        ("BM_Analyse/fresh_memory_median", "analyse (all metrics), fresh pages", 2.0),
        ("BM_AnalyseWarnings/reused_memory_median", "analyse + warnings_between, memory reused", 2.0),
        ("BM_AnalyseWarnings/fresh_memory_median", "analyse + warnings_between, fresh pages", 2.0),
        ("BM_WarningsBetween/reused_memory_median", "warnings_between alone, memory reused", None),
        ("BM_FindInsights/reused_memory_median", "find_insights (12 episodes), memory reused", None),
        ("BM_FindInsights/fresh_memory_median", "find_insights (12 episodes), fresh pages", None)]:
    b = bench[name]
    wall, cpu = ms(b, "real_time"), ms(b, "cpu_time")
    line = (f"  {label:<44} {wall:7.3f} ms (CPU {cpu:7.3f} ms) {days / wall * 1e3 / 1e6:6.2f} M days/s "
            f"faults {b['faults/call']:5.0f}")
    print(line + (f"  {verdict(wall, target)}" if target else ""))

print(f"\nwhole process (hyperfine -N, {whole[0]['runs']} runs each in {len(rounds)} rounds; wall median, mean, min;"
      " CPU = mean user + sys):")
labels = [("load --from --to --json (10 years)", 40.0), ("load --date --json", None), ("today --json", None)]
for r, (label, target) in zip(whole, labels):
    median = r["median"] * 1000
    print(f"  {label:<36} median {median:6.2f} ms  mean {r['mean'] * 1000:6.2f} ms  min {r['min'] * 1000:6.2f} ms"
          f"  CPU {r['cpu'] * 1000:6.2f} ms" + (f"  {verdict(median, target)}" if target else ""))
series, single = whole[0]["median"], whole[1]["median"]
print(f"  the 10-year series costs {1000 * (series - single):+.2f} ms (wall median), "
      f"{1000 * (whole[0]['cpu'] - whole[1]['cpu']):+.2f} ms (CPU) against one day's report (load --date)")
PY
