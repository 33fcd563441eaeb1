#!/usr/bin/env bash
# FIT decode speed, side by side in one run: stridecare's decoder (Google
# Benchmark, bench/fit_decode_bench.cpp), the same benchmark built from a
# previous commit (FIT_BASELINE, default: the build before issue 13's speed
# work), and the official Garmin FIT SDK for JavaScript
# (tests/differential/bench_fitsdk.mjs), on the same corpus files preloaded in
# memory. Ours and the baseline alternate, three rounds each, so machine load
# hits both alike; the median round counts.
# Targets: issue 3, at least 30x the SDK; issue 13, at least 400 MB/s on the corpus.
#
#   bash bench/fit_decode.sh               # baseline 75bc278
#   FIT_BASELINE=<commit> bash bench/fit_decode.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
baseline=${FIT_BASELINE:-75bc2789c480604e6c63e44ac2b0c4c432120e71}
corpus=${STRIDECARE_CORPUS:-$root/../shared/corpus}
export STRIDECARE_CORPUS=$corpus
bash scripts/install-deps.sh
cmake --preset bench >/dev/null
cmake --build --preset bench --target fit_decode_bench >/dev/null
(cd tests/differential && npm ci --silent --no-audit --no-fund)

# The previous build: its own source tree (a detached worktree), its own build directory.
base_tree=$(bash bench/baseline_build.sh "$baseline" fit-baseline bench fit_decode_bench)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for round in 1 2 3; do
  build/bench/bench/fit_decode_bench --benchmark_format=json --benchmark_min_time=2 > "$tmp/ours$round.json"
  "$base_tree/build/bench/bench/fit_decode_bench" --benchmark_format=json --benchmark_min_time=2 > "$tmp/base$round.json"
done
node tests/differential/bench_fitsdk.mjs | tee "$tmp/sdk.txt"

python3 - "$tmp" "$(git rev-parse --short "$baseline")" <<'PY'
import json, re, statistics, sys
tmp, base_name = sys.argv[1], sys.argv[2]
def runs(prefix):
    return [{b["name"]: b for b in json.load(open(f"{tmp}/{prefix}{i}.json"))["benchmarks"]} for i in (1, 2, 3)]
ours, base = runs("ours"), runs("base")
sdk_lines = open(f"{tmp}/sdk.txt").read().splitlines()
def sdk(prefix):
    line = next(l for l in sdk_lines if l.startswith(prefix))
    mb, rec = re.findall(r"([0-9.]+) MB/s, ([0-9.]+) records/s", line)[0]
    return float(mb), float(rec)
def median(rs, name, key):
    return statistics.median(r[name][key] for r in rs)
for name, prefix, label, mb_target in [("BM_FitDecodeCorpus", "fitsdk: ", "all corpus FIT files", 400),
                                       ("BM_FitDecodeBigActivity", "fitsdk big_activity.fit: ", "big_activity.fit", None)]:
    o_mb, o_rec = median(ours, name, "MB/s"), median(ours, name, "records/s")
    b_mb = median(base, name, "MB/s")
    s_mb, s_rec = sdk(prefix)
    ratio = o_mb / s_mb
    line = (f"{label:<22} stridecare {o_mb:7.1f} MB/s {o_rec/1e6:5.2f} M records/s | previous build ({base_name}) "
            f"{b_mb:7.1f} MB/s, {o_mb / b_mb:4.2f}x | fitsdk {s_mb:5.2f} MB/s {s_rec/1e6:5.2f} M records/s | "
            f"{ratio:5.1f}x the SDK (target >= 30x) -> {'PASS' if ratio >= 30 else 'FAIL'}")
    if mb_target:
        line += f" | >= {mb_target} MB/s -> {'PASS' if o_mb >= mb_target else 'FAIL'}"
    print(line)
PY
