#!/usr/bin/env bash
# GPX and TCX parse speed, side by side in one run (issue 3 targets: at least
# 10x python3-gpxpy and 5x gpsbabel on the same files):
#
#   1. in memory: stridecare's parse_xml_activity (bench/xml_parse_bench.cpp,
#      Google Benchmark) against gpxpy.parse (bench/gpxpy_parse.py), both on
#      preloaded bytes, interpreter/process start excluded;
#   2. whole process (hyperfine -N, mean wall time and user+sys CPU):
#      bench/xml_parse_file.cpp (read each file, parse it in place) against
#      gpsbabel reading the same files with no output at all (its floor), and
#      gpsbabel -t ... -o unicsv -F /dev/null (writing every point).
#
# Inputs: every .gpx / .tcx of ../shared/corpus (each set in one process), and a
# generated 100,000-point big_track.gpx / big_track.tcx (bench/make_big_tracks.py).
# BUILD_DIR (default build/bench) is where the bench preset builds; RUNS (default
# 10) the hyperfine runs per command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh bench
build=${BUILD_DIR:-build/bench}
runs=${RUNS:-10}
cmake --preset bench -B "$build" >/dev/null
cmake --build "$build" -j2 --target xml_parse_bench xml_parse_file >/dev/null
data="$build/bench-data"
if [ ! -s "$data/big_track.tcx" ] || [ bench/make_big_tracks.py -nt "$data/big_track.tcx" ]; then
  /usr/bin/python3 bench/make_big_tracks.py "$data"
fi
corpus=$(cd ../shared/corpus && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mapfile -t gpx_files < <(find "$corpus" -type f -iname '*.gpx' | sort)
mapfile -t tcx_files < <(find "$corpus" -type f -iname '*.tcx' | sort)
babel_inputs() {  # gpsbabel's "-f FILE" for each file
  for f in "$@"; do printf ' -f %q' "$f"; done
}
ours="$build/bench/xml_parse_file"

# Points per input set, as stridecare returns them (for points/s of the whole-process runs).
"$ours" "${gpx_files[@]}" > "$tmp/points_corpus_gpx.txt"
"$ours" "${tcx_files[@]}" > "$tmp/points_corpus_tcx.txt"
"$ours" "$data/big_track.gpx" > "$tmp/points_big_gpx.txt"
"$ours" "$data/big_track.tcx" > "$tmp/points_big_tcx.txt"

echo "== in memory: stridecare and python3-gpxpy"
STRIDECARE_BIG_TRACKS="$data" "$build/bench/xml_parse_bench" --benchmark_format=json --benchmark_min_time=2 \
  > "$tmp/ours.json"
/usr/bin/python3 bench/gpxpy_parse.py "$corpus" "$data/big_track.gpx" 2 | tee "$tmp/gpxpy.txt"

echo "== whole process: stridecare and gpsbabel ($(gpsbabel -V | tr -d '\n' | sed 's/^ *//'))"
cmds=()
labels=()
add() { labels+=("$1"); cmds+=("$2"); }
# Process start alone, to tell start-up from parsing on the small corpus files:
# stridecare's program with no file, gpsbabel reading a one-point GPX file.
printf '%s\n' '<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">' \
  '<trk><trkseg><trkpt lat="46.5" lon="6.6"/></trkseg></trk></gpx>' > "$tmp/one_point.gpx"
add "ours start" "$ours"
add "gpsbabel start" "gpsbabel -i gpx -f $tmp/one_point.gpx"
for set in gpx tcx; do
  if [ $set = gpx ]; then files=("${gpx_files[@]}"); fmt=gpx; else files=("${tcx_files[@]}"); fmt=gtrnctr; fi
  big="$data/big_track.$set"
  add "ours corpus $set" "$ours $(printf ' %q' "${files[@]}")"
  add "gpsbabel-read corpus $set" "gpsbabel -i $fmt$(babel_inputs "${files[@]}")"
  add "gpsbabel-unicsv corpus $set" "gpsbabel -t -i $fmt$(babel_inputs "${files[@]}") -o unicsv -F /dev/null"
  add "ours big $set" "$ours $big"
  add "gpsbabel-read big $set" "gpsbabel -i $fmt -f $big"
  add "gpsbabel-unicsv big $set" "gpsbabel -t -i $fmt -f $big -o unicsv -F /dev/null"
done
hyperfine -N -w 1 -r "$runs" --export-json "$tmp/whole.json" "${cmds[@]}" >/dev/null 2>&1
printf '%s\n' "${labels[@]}" > "$tmp/labels.txt"

/usr/bin/python3 - "$tmp" "$corpus" "$data" <<'PY'
import json, os, pathlib, re, sys
tmp, corpus, data = map(pathlib.Path, sys.argv[1:4])
ours = {b["name"]: b for b in json.load(open(tmp / "ours.json"))["benchmarks"]}
gpxpy = {}
for line in open(tmp / "gpxpy.txt"):
    m = re.match(r"gpxpy (\S+): ([0-9.]+) MB/s, ([0-9.]+) points/s", line)
    if m:
        gpxpy[m[1]] = (float(m[2]), float(m[3]))
verdict = lambda r, t: f"{r:6.1f}x (target >= {t}x) -> {'PASS' if r >= t else 'FAIL'}"

print("\nin memory (MB/s of file bytes; points = samples returned):")
for name, key, label in [("BM_GpxParseCorpus", "corpus", "GPX corpus (50 files)"),
                         ("BM_GpxParseBigTrack", "big_track.gpx", "big_track.gpx")]:
    o = ours[name]
    g_mb, g_pt = gpxpy[key]
    print(f"  {label:<22} stridecare {o['MB/s']:7.1f} MB/s {o['points/s']/1e6:5.2f} M points/s | "
          f"gpxpy {g_mb:5.2f} MB/s {g_pt/1e6:5.3f} M points/s | {verdict(o['MB/s'] / g_mb, 10)}")
for name, label in [("BM_TcxParseCorpus", "TCX corpus (8 files)"), ("BM_TcxParseBigTrack", "big_track.tcx")]:
    o = ours[name]
    print(f"  {label:<22} stridecare {o['MB/s']:7.1f} MB/s {o['points/s']/1e6:5.2f} M points/s | "
          f"(gpxpy reads no TCX)")

results = json.load(open(tmp / "whole.json"))["results"]
labels = open(tmp / "labels.txt").read().split("\n")
by = {labels[i]: r for i, r in enumerate(results)}
def files_of(kind, which):
    if which == "big":
        return [data / f"big_track.{kind}"]
    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() == f".{kind}")
print("\nwhole process (hyperfine mean wall time; CPU = user + sys; points = what stridecare returns):")
for kind in ["gpx", "tcx"]:
    for which in ["corpus", "big"]:
        files = files_of(kind, which)
        size = sum(os.path.getsize(f) for f in files)
        points = int(re.search(r"([0-9]+) points", open(tmp / f"points_{which}_{kind}.txt").read())[1])
        o = by[f"ours {which} {kind}"]
        print(f"  {kind.upper()} {which} ({len(files)} files, {size/1e6:.1f} MB, {points} points):")
        print(f"      {'stridecare':<16} {o['mean']*1e3:7.1f} ms ({size/o['mean']/1e6:6.1f} MB/s, "
              f"{points/o['mean']/1e6:5.2f} M points/s, CPU {(o['user']+o['system'])*1e3:6.1f} ms)")
        for ref in ["gpsbabel-read", "gpsbabel-unicsv"]:
            g = by[f"{ref} {which} {kind}"]
            wall = g["mean"] / o["mean"]
            cpu = (g["user"] + g["system"]) / (o["user"] + o["system"])
            print(f"      {ref:<16} {g['mean']*1e3:7.1f} ms ({size/g['mean']/1e6:6.1f} MB/s, "
                  f"{points/g['mean']/1e6:5.2f} M points/s, CPU {(g['user']+g['system'])*1e3:6.1f} ms)"
                  f" | wall {verdict(wall, 5)} | CPU {cpu:5.1f}x")
        if which == "corpus":
            # Start-up (measured alone above) is most of a run on these small files; the
            # parsing itself is what is left. Fastest runs, the least disturbed by other load.
            o0, g0 = by["ours start"], by["gpsbabel start"]
            g = by[f"gpsbabel-read {which} {kind}"]
            ours_parse, babel_parse = o["min"] - o0["min"], g["min"] - g0["min"]
            print(f"      fastest runs less start-up (stridecare {o0['min']*1e3:.1f} ms, gpsbabel {g0['min']*1e3:.1f} ms):"
                  f" stridecare {ours_parse*1e3:.1f} ms, gpsbabel-read {babel_parse*1e3:.1f} ms"
                  + (f", {babel_parse/ours_parse:.1f}x" if ours_parse > 0 else ", below the noise"))
PY
