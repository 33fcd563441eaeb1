#!/usr/bin/env bash
# FIT decode speed, side by side in one run: stridecare's decoder (Google
# Benchmark, bench/fit_decode_bench.cpp) and the official Garmin FIT SDK for
# JavaScript (tests/differential/bench_fitsdk.mjs) on the same corpus files
# preloaded in memory. Issue 3 target: at least 30x the SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset bench >/dev/null
cmake --build --preset bench --target fit_decode_bench >/dev/null
(cd tests/differential && npm ci --silent --no-audit --no-fund)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

build/bench/bench/fit_decode_bench --benchmark_format=json --benchmark_min_time=2 > "$tmp/ours.json"
node tests/differential/bench_fitsdk.mjs | tee "$tmp/sdk.txt"

python3 - "$tmp/ours.json" "$tmp/sdk.txt" <<'PY'
import json, re, sys
ours = {b["name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"]}
sdk_lines = open(sys.argv[2]).read().splitlines()
def sdk(prefix):
    line = next(l for l in sdk_lines if l.startswith(prefix))
    mb, rec = re.findall(r"([0-9.]+) MB/s, ([0-9.]+) records/s", line)[0]
    return float(mb), float(rec)
for name, prefix, label in [("BM_FitDecodeCorpus", "fitsdk: ", "all corpus FIT files"),
                            ("BM_FitDecodeBigActivity", "fitsdk big_activity.fit: ", "big_activity.fit")]:
    o = ours[name]
    s_mb, s_rec = sdk(prefix)
    ratio = o["MB/s"] / s_mb
    print(f"{label:<22} stridecare {o['MB/s']:7.1f} MB/s {o['records/s']/1e6:5.2f} M records/s | "
          f"fitsdk {s_mb:5.2f} MB/s {s_rec/1e6:5.2f} M records/s | {ratio:5.1f}x (target >= 30x) "
          f"-> {'PASS' if ratio >= 30 else 'FAIL'}")
PY
