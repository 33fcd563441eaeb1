#!/usr/bin/env bash
# The web dashboard (issue 15): its JavaScript's gzipped size (target under 150 KB) and each page's first
# render on localhost (target under 1 s), on the 10-year database of bench/make_history.py (3,650 runs,
# 3,650 check-ins) served by `stridecare serve --date 2026-03-01`; cold loads in Debian's chromium
# (bench/web_first_render.mjs). RUNS=N loads per page (default 15).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target stridecare >/dev/null
exe=$PWD/build/release/src/cli/stridecare
tmp=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill -INT "$server" 2>/dev/null; rm -rf "$tmp"' EXIT

python3 bench/make_history.py --out "$tmp/history.json" >/dev/null
"$exe" --db "$tmp/bench.db" restore "$tmp/history.json" >/dev/null
"$exe" --db "$tmp/bench.db" serve --port 0 --date 2026-03-01 2>"$tmp/serve.log" &
server=$!
url=""
for _ in $(seq 100); do
  url=$(sed -n 's|.*the dashboard is at \(http://[^ ]*\)/ .*|\1|p' "$tmp/serve.log")
  [ -n "$url" ] && break
  sleep 0.1
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')"
BENCH_TODAY=2026-03-01 node bench/web_first_render.mjs "$url" "${RUNS:-15}"
