#!/usr/bin/env bash
# `stridecare serve` under load (issue 15): wrk at 64 connections on 127.0.0.1 for 30 s (WRK_SECONDS)
# against /api/today and a year of /api/load's daily series, on the 10-year database of
# bench/make_history.py (3,650 runs, 3,650 check-ins). Prints requests/s, p99 and errors of each, the
# verdict against the target (p99 under 20 ms, no errors), and beside them the peer a dashboard would
# otherwise run: `stridecare today --json` as a process (hyperfine), in the same run.
# Needs wrk and hyperfine (scripts/install-deps.sh bench).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh bench
cmake --preset release >/dev/null
cmake --build --preset release --target stridecare >/dev/null
exe=$PWD/build/release/src/cli/stridecare
seconds=${WRK_SECONDS:-30}
tmp=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill -INT "$server" 2>/dev/null; rm -rf "$tmp"' EXIT

python3 bench/make_history.py --out "$tmp/history.json" >/dev/null
"$exe" --db "$tmp/bench.db" restore "$tmp/history.json" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$exe" --db "$tmp/bench.db" serve --port "$port" 2>"$tmp/serve.log" &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/openapi.json" >/dev/null && break; sleep 0.1; done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); wrk -t2 -c64 -d${seconds}s"

result=0
for path in "/api/today?date=2026-03-01" "/api/load?from=2025-03-02&to=2026-03-01"; do
  wrk -t2 -c64 -d"${seconds}s" --latency "http://127.0.0.1:$port$path" > "$tmp/wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$tmp/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk.txt")
  errors=$(grep -E 'Non-2xx|Socket errors' "$tmp/wrk.txt" | tr '\n' ' ' || true)
  ms=$(python3 -c "
v='$p99'
print(float(v[:-2]) if v.endswith('ms') else float(v[:-2])/1000 if v.endswith('us') else float(v[:-1])*1000)")
  verdict=$(python3 -c "print('PASS' if $ms < 20 and not '''$errors'''.strip() else 'FAIL')")
  [ "$verdict" = PASS ] || result=1
  printf '%-44s %10s req/s   p99 %8s   %s  target p99 < 20 ms, no errors: %s\n' "$path" "$rps" "$p99" "${errors:-no errors}" "$verdict"
done
hyperfine -N --style basic --warmup 3 --runs 30 --export-json "$tmp/cli.json" \
  "$exe --db $tmp/bench.db today --json --date 2026-03-01" >/dev/null
python3 -c "
import json; r = json.load(open('$tmp/cli.json'))['results'][0]
print(f'peer: stridecare today --json as a process: median {r[\"median\"]*1000:.2f} ms, {1/r[\"median\"]:.0f} per second one at a time')"
exit $result
