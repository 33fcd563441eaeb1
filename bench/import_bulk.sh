#!/usr/bin/env bash
# Bulk import, end to end: `stridecare import` of the whole shared corpus
# (every FIT/GPX/TCX file and both bulk-export zips) into a fresh SQLite
# database, whole process, timed by hyperfine. Issue 3 target: >= 50 MB/s of
# input, using both cores, with peak memory independent of the number of files
# (the corpus once and four times over, in distinct copies, must peak alike).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh bench
cmake --preset bench >/dev/null
cmake --build --preset bench --target stridecare >/dev/null
exe=$PWD/build/bench/src/cli/stridecare
corpus=$(cd .. && pwd)/shared/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The inputs: the activity files and archives of the corpus, copied once (x1)
# and four times (x4) so the larger run has four times the files.
mkdir -p "$tmp/x1" "$tmp/x4"
(cd "$corpus" && find . -type f \( -iname '*.fit' -o -iname '*.gpx' -o -iname '*.tcx' -o -iname '*.zip' -o -iname '*.gz' \) \
  -exec cp --parents {} "$tmp/x1/" \;)
for i in 1 2 3 4; do cp -r "$tmp/x1" "$tmp/x4/copy$i"; done
bytes=$(find "$tmp/x1" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
files=$(find "$tmp/x1" -type f | wc -l)

# Exit 1 is expected: the corpus holds route-only, time-less and damaged files.
hyperfine -N -i --warmup 2 --runs 15 --export-json "$tmp/h.json" \
  --prepare "rm -f $tmp/db.sqlite $tmp/db.sqlite-wal $tmp/db.sqlite-shm" \
  "$exe --db $tmp/db.sqlite import $tmp/x1" >/dev/null

peak() {  # peak RSS (KB) and CPU use (user+sys / wall) of one import of $1 into a fresh database
  rm -f "$tmp"/db.sqlite*
  /usr/bin/time -f '%M %e %U %S' -o "$tmp/time.txt" "$exe" --db "$tmp/db.sqlite" import "$1" >/dev/null 2>&1 || true
  tail -1 "$tmp/time.txt"
}
read -r rss1 wall1 user1 sys1 < <(peak "$tmp/x1")
read -r rss4 wall4 user4 sys4 < <(peak "$tmp/x4")

python3 - "$tmp/h.json" "$bytes" "$files" "$rss1" "$rss4" "$wall1" "$user1" "$sys1" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["results"][0]
nbytes, files = int(sys.argv[2]), int(sys.argv[3])
rss1, rss4 = int(sys.argv[4]), int(sys.argv[5])
wall, user, sys_ = float(sys.argv[6]), float(sys.argv[7]), float(sys.argv[8])
median = h["median"]
mbs = nbytes / 1e6 / median
print(f"corpus: {files} files, {nbytes/1e6:.1f} MB")
print(f"import into a fresh database: median {median*1000:.0f} ms (min {h['min']*1000:.0f}, max {h['max']*1000:.0f}, "
      f"{len(h['times'])} runs) = {mbs:.1f} MB/s (target >= 50) -> {'PASS' if mbs >= 50 else 'FAIL'}")
print(f"CPU use: {(user + sys_) / wall:.2f} cores busy on average (user {user:.2f} s + sys {sys_:.2f} s over {wall:.2f} s)")
print(f"peak RSS: {rss1/1024:.1f} MiB for {files} files, {rss4/1024:.1f} MiB for {4*files} files "
      f"(ratio {rss4/rss1:.2f}; independent of the file count -> {'PASS' if rss4 < 1.25 * rss1 else 'FAIL'})")
PY
